//! g1c: a Go compiler written in Rust. See ARCHITECTURE.md for the codemap and the pipeline:
//! `syntax` → `types` → `ir` → `codegen` → (`asm`) → `link`, driven by `driver` from `cli`.

pub mod cli;
pub mod codegen;
pub mod driver;
pub mod dump;
pub mod fuzzing;
pub mod goasm;
pub mod ir;
pub mod link;
pub mod load;
pub mod opt;
pub mod par;
pub mod progen;
pub mod rtbuild;
pub mod syntax;
pub mod target;
pub mod types;
