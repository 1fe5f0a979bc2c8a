//! `g1c dump <phase>`: each phase's view of a file, for learners and golden tests.
//! `tokens.rs` and `ast.rs` (syntax), `types.rs` (checker facts); `ir` and `asm` are printed by
//! `ir::print` and `codegen::<arch>::listing`; `html.rs` is a function after every pass, side by side.

pub mod ast;
pub mod html;
pub mod tokens;
pub mod types;
