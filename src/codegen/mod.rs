//! Code generation: IR → machine code and symbols (`link::object::Object`), one folder per architecture with
//! the same file names (`isel.rs` instruction selection, `frame.rs` frame layout, `abi.rs` calling conventions).

pub mod amd64;
