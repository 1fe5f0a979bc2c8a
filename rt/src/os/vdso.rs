//! The auxiliary vector and the kernel's vDSO (Linux x86-64).
//!
//! In: the auxiliary vector the kernel leaves after the environment on the initial stack (System V AMD64 ABI
//! §3.4.1; `start::ARGS` records `envp`), and the vDSO image it maps (`AT_SYSINFO_EHDR`): a small ELF shared
//! object whose dynamic symbol table exports `__vdso_clock_gettime` (Documentation/ABI/stable/vdso).
//! Out: `auxv(key)`, and the address of `__vdso_clock_gettime` (0 when there is no vDSO or no such symbol, in
//! which case callers make the system call).
//!
//! Reading the clocks through the vDSO costs a few nanoseconds instead of a system call's hundreds; the
//! scheduler reads the monotonic clock whenever timers are pending. The lookup runs once and is cached.
//! Invariant: nothing here writes to the image; a malformed image only means "no vDSO".

use crate::Global;

pub const AT_PAGESZ: usize = 6;
pub const AT_SYSINFO_EHDR: usize = 33;

/// The value of auxiliary vector entry `key`, if the kernel passed one.
pub fn auxv(key: usize) -> Option<usize> {
    #[cfg(not(test))]
    // SAFETY: `envp` is the kernel's environment array, followed by the auxiliary vector (pairs ending with
    // AT_NULL).
    unsafe {
        let mut p = (*crate::start::ARGS.get()).envp;
        if !p.is_null() {
            while !(*p).is_null() {
                p = p.add(1);
            }
            let mut aux = p.add(1) as *const usize;
            while *aux != 0 {
                if *aux == key {
                    return Some(*aux.add(1));
                }
                aux = aux.add(2);
            }
        }
    }
    let _ = key;
    None
}

/// 0: not looked up yet; 1: there is none; else the function's address.
static CLOCK_GETTIME: Global<usize> = Global::new(0);

/// The address of the vDSO's `clock_gettime` (C ABI `int (clockid_t, struct timespec *)`), or 0.
pub fn clock_gettime() -> usize {
    // SAFETY: single-threaded runtime (see `Global`).
    let cached = unsafe { &mut *CLOCK_GETTIME.get() };
    if *cached == 0 {
        let base = auxv(AT_SYSINFO_EHDR).unwrap_or(0);
        // SAFETY: the kernel maps the whole vDSO image readable at `base`.
        *cached = if base == 0 { 0 } else { unsafe { lookup(base, b"__vdso_clock_gettime") } }.max(1);
    }
    if *cached == 1 {
        0
    } else {
        *cached
    }
}

/// The address of the defined function `name` in the ELF image loaded at `base`, through its dynamic
/// section (DT_SYMTAB, DT_STRTAB, and DT_HASH for the number of symbols); 0 if absent.
///
/// # Safety
/// `base` is the start of a mapped, readable ELF64 image.
unsafe fn lookup(base: usize, name: &[u8]) -> usize {
    const PT_LOAD: u32 = 1;
    const PT_DYNAMIC: u32 = 2;
    const DT_HASH: i64 = 4;
    const DT_STRTAB: i64 = 5;
    const DT_SYMTAB: i64 = 6;
    const STT_FUNC: u8 = 2;
    let rd64 = |a: usize| (a as *const u64).read_unaligned() as usize;
    let rd32 = |a: usize| (a as *const u32).read_unaligned();
    let rd16 = |a: usize| (a as *const u16).read_unaligned() as usize;
    if rd32(base) != u32::from_le_bytes(*b"\x7fELF") {
        return 0;
    }
    // ELF64 header: e_phoff at 0x20, e_phentsize at 0x36, e_phnum at 0x38.
    let (phoff, phentsize, phnum) = (rd64(base + 0x20), rd16(base + 0x36), rd16(base + 0x38));
    let (mut bias, mut dynamic) = (None, 0);
    for i in 0..phnum {
        let ph = base + phoff + i * phentsize;
        // Elf64_Phdr: p_type at 0, p_offset at 8, p_vaddr at 16.
        match rd32(ph) {
            PT_LOAD if bias.is_none() => bias = Some(base.wrapping_add(rd64(ph + 8)).wrapping_sub(rd64(ph + 16))),
            PT_DYNAMIC => dynamic = rd64(ph + 16),
            _ => {}
        }
    }
    let Some(bias) = bias else { return 0 };
    if dynamic == 0 {
        return 0;
    }
    let (mut symtab, mut strtab, mut hash) = (0, 0, 0);
    let mut d = bias.wrapping_add(dynamic);
    loop {
        let (tag, val) = (rd64(d) as i64, rd64(d + 8));
        match tag {
            0 => break,
            DT_HASH => hash = bias.wrapping_add(val),
            DT_STRTAB => strtab = bias.wrapping_add(val),
            DT_SYMTAB => symtab = bias.wrapping_add(val),
            _ => {}
        }
        d += 16;
    }
    if symtab == 0 || strtab == 0 || hash == 0 {
        return 0;
    }
    // DT_HASH: nbucket, nchain (= the number of symbols), ...
    let nsyms = rd32(hash + 4) as usize;
    for i in 0..nsyms {
        // Elf64_Sym: st_name u32, st_info u8, st_other u8, st_shndx u16, st_value u64, st_size u64.
        let sym = symtab + i * 24;
        let info = *((sym + 4) as *const u8);
        if info & 0xf != STT_FUNC || rd16(sym + 6) == 0 {
            continue;
        }
        let s = strtab + rd32(sym) as usize;
        let matches =
            (0..name.len()).all(|k| *((s + k) as *const u8) == name[k]) && *((s + name.len()) as *const u8) == 0;
        if matches {
            return bias.wrapping_add(rd64(sym + 8));
        }
    }
    0
}
