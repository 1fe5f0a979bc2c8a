//! The instruction set as the format-neutral linker steps see it: one function per question, each a
//! `match` on the target's [`Arch`] into that architecture's file (`amd64.rs`; the others come with their
//! back ends).
//!
//! In: the [`Arch`] from the `Target` and neutral [`RelocType`]s. Out: relocation types of input objects,
//! their names, relaxations and patched bytes. `link` refuses a target without a linker before any step
//! runs, so the arms for those architectures only report that.

use super::amd64;
use super::input::RelocType;
use crate::target::Arch;

/// Why a relocation could not be applied.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Bad {
    /// The value does not fit the field.
    Range,
    /// The field lies outside its section.
    Outside,
    /// A GOT-relative type without a GOT slot.
    NoGot,
    /// A type the scan should have refused, or an architecture without a linker.
    Unsupported,
}

/// The neutral type of an ELF relocation type number of `arch`.
pub fn from_elf(arch: Arch, ty: u32) -> RelocType {
    match arch {
        Arch::Amd64 => amd64::from_elf(ty),
        Arch::I386 | Arch::Arm | Arch::Arm64 => RelocType::Unsupported(ty),
    }
}

/// The ABI's name of a relocation type, for messages.
pub fn name(arch: Arch, ty: RelocType) -> String {
    match arch {
        Arch::Amd64 => amd64::name(ty),
        Arch::I386 | Arch::Arm | Arch::Arm64 => format!("{ty:?}"),
    }
}

/// The ABI's name of a relocation type number that has no neutral type (TLS and the unsupported ones).
pub fn number_name(arch: Arch, ty: u32) -> String {
    match arch {
        Arch::Amd64 => amd64::elf_name(ty),
        Arch::I386 | Arch::Arm | Arch::Arm64 => format!("relocation type {ty}"),
    }
}

/// Rewrites the instruction at a GOT-relative relocation so that it needs no GOT slot, if it can (see
/// `amd64::relax`); returns the relocation's new type.
pub fn relax(arch: Arch, ty: RelocType, data: &mut [u8], offset: u64) -> Option<RelocType> {
    match arch {
        Arch::Amd64 => amd64::relax(ty, data, offset),
        Arch::I386 | Arch::Arm | Arch::Arm64 => None,
    }
}

/// Patches `data` at `at`: symbol address `s`, addend `a`, place `p`, GOT slot address `g`.
pub fn apply(
    arch: Arch,
    ty: RelocType,
    data: &mut [u8],
    at: usize,
    s: u64,
    a: i64,
    p: u64,
    g: Option<u64>,
) -> Result<(), Bad> {
    match arch {
        Arch::Amd64 => amd64::apply(ty, data, at, s, a, p, g),
        Arch::I386 | Arch::Arm | Arch::Arm64 => Err(Bad::Unsupported),
    }
}
