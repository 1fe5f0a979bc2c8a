//! x86 encoder (Intel SDM Vol. 2): serves 386 ([`Mode::Protected`]) and amd64 ([`Mode::Long`]).
//!
//! In: instructions as data ([`Inst`]: a [`Mnemonic`] and [`Operand`]s in Intel order). Out: machine code,
//! relocations for symbol references and label fix-ups ([`encode`], [`Assembler`]). Every instruction also
//! prints in Intel syntax (as `llvm-mc -x86-asm-syntax=intel` does), for listings.
//!
//! - `operand.rs`: registers, memory operands, immediates, labels, symbols.
//! - `inst.rs`: mnemonics, condition codes, instructions and their text.
//! - `encode.rs`: one instruction → bytes (prefixes, REX, opcode, ModRM, SIB, displacement, immediate).
//! - `assembler.rs`: a code buffer with labels and relocations.

mod assembler;
mod encode;
mod inst;
mod operand;
#[cfg(test)]
mod tests;

pub use assembler::{Assembler, Code};
pub use encode::{encode, Encoded, Mode, Reloc, RelocKind};
pub use inst::{Cond, Inst, Mnemonic};
pub use operand::*;
