//! Code generation: IR → machine code and symbols (`link::object::Object`), one folder per architecture with
//! the same file names (`isel.rs` instruction selection, `frame.rs` frame layout, `abi.rs` calling conventions).
//!
//! In: a verified IR module and the [`Target`] it was lowered for. Out: the target architecture's code, or
//! an error for an architecture without a back end (the driver refuses those before lowering; this is the
//! entry for every other caller).

pub mod amd64;

use crate::ir::Module;
use crate::link::object::Object;
use crate::target::{Arch, Target};

/// Compiles a module for `target`; `optimize` is false under gc's `-N`.
pub fn compile(target: &Target, m: &Module, optimize: bool) -> Result<Object, String> {
    match target.arch {
        Arch::Amd64 => amd64::compile(m, optimize),
        Arch::I386 | Arch::Arm | Arch::Arm64 => Err(no_back_end(target)),
    }
}

/// The `g1c dump asm` listing of a module's code for `target`.
pub fn listing(target: &Target, m: &Module, optimize: bool) -> Result<String, String> {
    match target.arch {
        Arch::Amd64 => amd64::listing(m, optimize),
        Arch::I386 | Arch::Arm | Arch::Arm64 => Err(no_back_end(target)),
    }
}

fn no_back_end(target: &Target) -> String {
    target.codegen_supported().err().unwrap_or_else(|| format!("no code generator for {}", target.goarch))
}
