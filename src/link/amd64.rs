//! x86-64 for the linker: the psABI's relocation types (System V x86-64 psABI, "Relocation Types"), how
//! each patches its place, and the one relaxation a static executable allows.
//!
//! In: relocation type numbers of rt's ELF objects, and the neutral [`RelocType`]s the other steps use.
//! Out: the neutral type of a number, the psABI name of a type (for messages), the patched bytes.
//!
//! Invariants: only this file knows x86-64 relocation numbers, names and instruction encodings; every
//! patch is little-endian and checked against its field's range (an error, never a truncated value).

use super::arch::Bad;
use super::input::RelocType;

/// The neutral type of ELF relocation type `ty`. PLT32 is PC32: a static executable has no PLT, so a
/// call goes straight to the function.
pub fn from_elf(ty: u32) -> RelocType {
    match ty {
        0 => RelocType::None,
        1 => RelocType::Abs64,
        2 | 4 => RelocType::Pc32,
        9 => RelocType::GotPcRel,
        10 => RelocType::Abs32,
        11 => RelocType::Abs32S,
        24 => RelocType::Pc64,
        41 | 42 => RelocType::GotPcRelX,
        16..=23 | 34..=36 => RelocType::Tls(ty),
        _ => RelocType::Unsupported(ty),
    }
}

/// The psABI name of a neutral type, for messages.
pub fn name(ty: RelocType) -> String {
    match ty {
        RelocType::None => elf_name(0),
        RelocType::Abs64 => elf_name(1),
        RelocType::Pc32 => elf_name(2),
        RelocType::GotPcRel => elf_name(9),
        RelocType::Abs32 => elf_name(10),
        RelocType::Abs32S => elf_name(11),
        RelocType::Pc64 => elf_name(24),
        RelocType::GotPcRelX => elf_name(41),
        RelocType::Tls(ty) | RelocType::Unsupported(ty) => elf_name(ty),
    }
}

/// The psABI name of an x86-64 relocation type number, for messages.
pub fn elf_name(ty: u32) -> String {
    let name = match ty {
        0 => "R_X86_64_NONE",
        1 => "R_X86_64_64",
        2 => "R_X86_64_PC32",
        3 => "R_X86_64_GOT32",
        4 => "R_X86_64_PLT32",
        5 => "R_X86_64_COPY",
        6 => "R_X86_64_GLOB_DAT",
        7 => "R_X86_64_JUMP_SLOT",
        8 => "R_X86_64_RELATIVE",
        9 => "R_X86_64_GOTPCREL",
        10 => "R_X86_64_32",
        11 => "R_X86_64_32S",
        12 => "R_X86_64_16",
        13 => "R_X86_64_PC16",
        14 => "R_X86_64_8",
        15 => "R_X86_64_PC8",
        16 => "R_X86_64_DTPMOD64",
        17 => "R_X86_64_DTPOFF64",
        18 => "R_X86_64_TPOFF64",
        19 => "R_X86_64_TLSGD",
        20 => "R_X86_64_TLSLD",
        21 => "R_X86_64_DTPOFF32",
        22 => "R_X86_64_GOTTPOFF",
        23 => "R_X86_64_TPOFF32",
        24 => "R_X86_64_PC64",
        25 => "R_X86_64_GOTOFF64",
        26 => "R_X86_64_GOTPC32",
        27 => "R_X86_64_GOT64",
        28 => "R_X86_64_GOTPCREL64",
        29 => "R_X86_64_GOTPC64",
        30 => "R_X86_64_GOTPLT64",
        31 => "R_X86_64_PLTOFF64",
        32 => "R_X86_64_SIZE32",
        33 => "R_X86_64_SIZE64",
        34 => "R_X86_64_GOTPC32_TLSDESC",
        35 => "R_X86_64_TLSDESC_CALL",
        36 => "R_X86_64_TLSDESC",
        37 => "R_X86_64_IRELATIVE",
        38 => "R_X86_64_RELATIVE64",
        41 => "R_X86_64_GOTPCRELX",
        42 => "R_X86_64_REX_GOTPCRELX",
        _ => return format!("relocation type {ty}"),
    };
    name.to_string()
}

/// Relaxation (psABI B.2, as lld does): in a static executable every defined symbol's address is a
/// link-time constant, so `mov foo@GOTPCREL(%rip), %reg` (opcode 0x8b before the ModRM byte, a relaxable
/// GOTPCRELX) becomes `lea foo(%rip), %reg` (0x8d) with a plain PC-relative relocation and needs no GOT
/// slot. Rewrites `data` and returns the new type, or `None` when the instruction must keep its slot
/// (`call *foo@GOTPCREL(%rip)`, plain GOTPCREL).
pub fn relax(ty: RelocType, data: &mut [u8], offset: u64) -> Option<RelocType> {
    let op = (offset as usize).checked_sub(2)?;
    if ty == RelocType::GotPcRelX && data.get(op) == Some(&0x8b) {
        data[op] = 0x8d;
        return Some(RelocType::Pc32);
    }
    None
}

/// Patches `data` at `at` for a relocation of type `ty` with symbol address `s`, addend `a`, place `p` and
/// GOT slot address `g` (when the type uses one).
pub fn apply(ty: RelocType, data: &mut [u8], at: usize, s: u64, a: i64, p: u64, g: Option<u64>) -> Result<(), Bad> {
    let wide = |x: u64| x as i128;
    match ty {
        RelocType::None => Ok(()),
        RelocType::Abs64 => put(data, at, &s.wrapping_add(a as u64).to_le_bytes()),
        RelocType::Pc64 => put(data, at, &s.wrapping_add(a as u64).wrapping_sub(p).to_le_bytes()),
        RelocType::Pc32 => {
            let v = i32::try_from(wide(s) + a as i128 - wide(p)).map_err(|_| Bad::Range)?;
            put(data, at, &v.to_le_bytes())
        }
        RelocType::Abs32 => {
            let v = u32::try_from(wide(s) + a as i128).map_err(|_| Bad::Range)?;
            put(data, at, &v.to_le_bytes())
        }
        RelocType::Abs32S => {
            let v = i32::try_from(wide(s) + a as i128).map_err(|_| Bad::Range)?;
            put(data, at, &v.to_le_bytes())
        }
        RelocType::GotPcRel | RelocType::GotPcRelX => {
            let g = g.ok_or(Bad::NoGot)?;
            let v = i32::try_from(wide(g) + a as i128 - wide(p)).map_err(|_| Bad::Range)?;
            put(data, at, &v.to_le_bytes())
        }
        RelocType::Tls(_) | RelocType::Unsupported(_) => Err(Bad::Unsupported),
    }
}

fn put(data: &mut [u8], at: usize, bytes: &[u8]) -> Result<(), Bad> {
    match data.get_mut(at..at + bytes.len()) {
        Some(place) => {
            place.copy_from_slice(bytes);
            Ok(())
        }
        None => Err(Bad::Outside),
    }
}
