//! Writing the executable: a static ELF64 little-endian file (no interpreter, no dynamic section) for the
//! target's architecture (`e_machine`). The only file that knows ELF's output structures.
//!
//! In: [`Inputs`] with relocated section bytes, the live flags, the [`Layout`] and the entry symbol's address.
//! Out: the file's bytes: ELF header, program headers (one PT_LOAD per segment, then PT_GNU_STACK so the
//! stack is not executable), the segments' contents, and after them the parts no loader reads: `.symtab`
//! (function and data symbols, so `llvm-objdump` and gdb show names, the runtime's demangled; not the
//! compiler's metadata, see [`named_in_symtab`]), `.strtab`, `.shstrtab` and the section header table.
//!
//! Reference: System V gABI, "ELF Header", "Program Header", "Sections", "Symbol Table".

use std::collections::BTreeMap;

use super::input::*;
use super::layout::{Layout, Perm, PAGE};
use crate::target::Arch;

/// Sizes of the ELF64 file header and of one program header.
const EHDR_SIZE: u64 = 64;
const PHDR_SIZE: u64 = 56;
/// Segment permissions (p_flags).
const PF_X: u32 = 1;
const PF_W: u32 = 2;
const PF_R: u32 = 4;

/// `e_machine` of an architecture, and its name for messages.
pub fn machine(arch: Arch) -> (u16, &'static str) {
    match arch {
        Arch::Amd64 => (62, "x86-64 (EM_X86_64 = 62)"),
        Arch::I386 => (3, "i386 (EM_386 = 3)"),
        Arch::Arm => (40, "ARM (EM_ARM = 40)"),
        Arch::Arm64 => (183, "AArch64 (EM_AARCH64 = 183)"),
    }
}

/// The bytes before the first section in the text segment: the file header and the program headers, one
/// per loadable segment and PT_GNU_STACK (for `layout::layout`).
pub fn header_size(segments: usize) -> u64 {
    EHDR_SIZE + (segments as u64 + 1) * PHDR_SIZE
}

fn p_flags(p: Perm) -> u32 {
    (if p.read { PF_R } else { 0 }) | (if p.write { PF_W } else { 0 }) | (if p.exec { PF_X } else { 0 })
}

const PT_LOAD: u32 = 1;
const PT_GNU_STACK: u32 = 0x6474_e551;
const SHT_PROGBITS: u32 = 1;
const SHT_SYMTAB: u32 = 2;
const SHT_STRTAB: u32 = 3;
const SHT_NOBITS: u32 = 8;
const SHF_WRITE: u64 = 1;
const SHF_ALLOC: u64 = 2;
const SHF_EXECINSTR: u64 = 4;
const SHN_ABS: u16 = 0xfff1;

/// A string table under construction (`.strtab`, `.shstrtab`): starts with the empty name; a name added
/// twice is stored once.
struct StrTab(Vec<u8>, BTreeMap<String, u32>);

impl StrTab {
    fn new() -> StrTab {
        StrTab(vec![0], BTreeMap::new())
    }
    fn add(&mut self, s: &str) -> u32 {
        if let Some(&off) = self.1.get(s) {
            return off;
        }
        let off = self.0.len() as u32;
        self.0.extend_from_slice(s.as_bytes());
        self.0.push(0);
        self.1.insert(s.to_string(), off);
        off
    }
}

struct Shdr {
    name: u32,
    ty: u32,
    flags: u64,
    addr: u64,
    offset: u64,
    size: u64,
    link: u32,
    info: u32,
    align: u64,
    entsize: u64,
}

pub fn write(arch: Arch, inputs: &Inputs, live: &[bool], layout: &Layout, entry: u64) -> Vec<u8> {
    let mut out = vec![0u8; layout.file_end as usize];

    // Segment contents. Padding between functions is INT3 (0xcc), as gc and lld fill it, so a stray jump
    // into it traps and disassemblers show no phantom instructions.
    for os in &layout.sections {
        if os.kind == OutKind::Bss {
            continue;
        }
        if os.kind == OutKind::Text {
            out[os.offset as usize..(os.offset + os.size) as usize].fill(0xcc);
        }
        for &id in &os.members {
            let s = inputs.sec(id);
            let at = (os.offset + (layout.addr[id.0 as usize].unwrap_or(os.addr) - os.addr)) as usize;
            out[at..at + s.data.len()].copy_from_slice(&s.data);
        }
    }

    // The symbol table: locals first (the gABI requires it), each group in output order.
    let mut order: Vec<SymId> = (0..inputs.symbols.len() as u32).map(SymId).collect();
    order.sort_by_key(|&id| (inputs.files[inputs.sym(id).file.0 as usize].kind.order(), id));
    let mut strtab = StrTab::new();
    let mut symtab = vec![0u8; 24];
    let mut first_global = 1u32;
    for pass in [true, false] {
        for &id in &order {
            let s = inputs.sym(id);
            let local = s.binding == Binding::Local;
            if local != pass || s.name.is_empty() || !named_in_symtab(inputs, s) {
                continue;
            }
            let ty: u8 = match (s.ty, local) {
                (SymType::Func, _) => 2,
                (SymType::Object, _) => 1,
                (SymType::NoType, false) => 0,
                (SymType::NoType, true) | (SymType::Section, _) | (SymType::File, _) => continue,
            };
            let (shndx, value) = match s.def {
                Def::Section { sec, value } if live[sec.0 as usize] => {
                    let addr = layout.addr[sec.0 as usize].unwrap_or(0) + value;
                    match layout.out_index[sec.0 as usize] {
                        Some(n) => (n as u16 + 1, addr),
                        None => (SHN_ABS, addr),
                    }
                }
                Def::Absolute(v) if !local => (SHN_ABS, v),
                _ => continue,
            };
            let bind: u8 = match s.binding {
                Binding::Local => 0,
                Binding::Global => 1,
                Binding::Weak => 2,
            };
            let name = match inputs.files[s.file.0 as usize].kind {
                FileKind::Go => None,
                _ => super::demangle::legacy(&s.name),
            };
            symtab.extend_from_slice(&strtab.add(name.as_deref().unwrap_or(&s.name)).to_le_bytes());
            symtab.push(bind << 4 | ty);
            symtab.push(0);
            symtab.extend_from_slice(&shndx.to_le_bytes());
            symtab.extend_from_slice(&value.to_le_bytes());
            symtab.extend_from_slice(&s.size.to_le_bytes());
        }
        if pass {
            first_global = (symtab.len() / 24) as u32;
        }
    }

    // Section headers: null, the output sections, then .symtab, .strtab, .shstrtab.
    let mut shstrtab = StrTab::new();
    let mut shdrs =
        vec![Shdr { name: 0, ty: 0, flags: 0, addr: 0, offset: 0, size: 0, link: 0, info: 0, align: 0, entsize: 0 }];
    for os in &layout.sections {
        let (ty, flags) = match os.kind {
            OutKind::Text => (SHT_PROGBITS, SHF_ALLOC | SHF_EXECINSTR),
            OutKind::RoData => (SHT_PROGBITS, SHF_ALLOC),
            OutKind::BuildInfo | OutKind::Data | OutKind::Got => (SHT_PROGBITS, SHF_ALLOC | SHF_WRITE),
            OutKind::Bss => (SHT_NOBITS, SHF_ALLOC | SHF_WRITE),
        };
        let name = shstrtab.add(os.kind.name());
        shdrs.push(Shdr {
            name,
            ty,
            flags,
            addr: os.addr,
            offset: os.offset,
            size: os.size,
            link: 0,
            info: 0,
            align: os.align,
            entsize: 0,
        });
    }
    let symtab_index = shdrs.len() as u32;
    pad_to(&mut out, 8);
    let name = shstrtab.add(".symtab");
    shdrs.push(Shdr {
        name,
        ty: SHT_SYMTAB,
        flags: 0,
        addr: 0,
        offset: out.len() as u64,
        size: symtab.len() as u64,
        link: symtab_index + 1,
        info: first_global,
        align: 8,
        entsize: 24,
    });
    out.extend_from_slice(&symtab);
    let name = shstrtab.add(".strtab");
    shdrs.push(Shdr {
        name,
        ty: SHT_STRTAB,
        flags: 0,
        addr: 0,
        offset: out.len() as u64,
        size: strtab.0.len() as u64,
        link: 0,
        info: 0,
        align: 1,
        entsize: 0,
    });
    out.extend_from_slice(&strtab.0);
    let name = shstrtab.add(".shstrtab");
    let shstrndx = shdrs.len() as u16;
    shdrs.push(Shdr {
        name,
        ty: SHT_STRTAB,
        flags: 0,
        addr: 0,
        offset: out.len() as u64,
        size: 0,
        link: 0,
        info: 0,
        align: 1,
        entsize: 0,
    });
    shdrs.last_mut().unwrap().size = shstrtab.0.len() as u64;
    out.extend_from_slice(&shstrtab.0);
    pad_to(&mut out, 8);
    let shoff = out.len() as u64;
    for h in &shdrs {
        out.extend_from_slice(&h.name.to_le_bytes());
        out.extend_from_slice(&h.ty.to_le_bytes());
        out.extend_from_slice(&h.flags.to_le_bytes());
        out.extend_from_slice(&h.addr.to_le_bytes());
        out.extend_from_slice(&h.offset.to_le_bytes());
        out.extend_from_slice(&h.size.to_le_bytes());
        out.extend_from_slice(&h.link.to_le_bytes());
        out.extend_from_slice(&h.info.to_le_bytes());
        out.extend_from_slice(&h.align.to_le_bytes());
        out.extend_from_slice(&h.entsize.to_le_bytes());
    }

    // ELF header (e_ident: magic, ELFCLASS64, ELFDATA2LSB, EV_CURRENT, ELFOSABI_SYSV).
    let mut h = Vec::with_capacity(EHDR_SIZE as usize);
    h.extend_from_slice(b"\x7fELF\x02\x01\x01\x00\x00\x00\x00\x00\x00\x00\x00\x00");
    h.extend_from_slice(&2u16.to_le_bytes()); // e_type: ET_EXEC
    h.extend_from_slice(&machine(arch).0.to_le_bytes());
    h.extend_from_slice(&1u32.to_le_bytes()); // e_version
    h.extend_from_slice(&entry.to_le_bytes());
    h.extend_from_slice(&EHDR_SIZE.to_le_bytes()); // e_phoff: right after this header
    h.extend_from_slice(&shoff.to_le_bytes());
    h.extend_from_slice(&0u32.to_le_bytes()); // e_flags
    h.extend_from_slice(&(EHDR_SIZE as u16).to_le_bytes());
    h.extend_from_slice(&(PHDR_SIZE as u16).to_le_bytes());
    h.extend_from_slice(&(layout.segments.len() as u16 + 1).to_le_bytes()); // e_phnum: PT_GNU_STACK too
    h.extend_from_slice(&64u16.to_le_bytes()); // e_shentsize
    h.extend_from_slice(&(shdrs.len() as u16).to_le_bytes());
    h.extend_from_slice(&shstrndx.to_le_bytes());

    // Program headers.
    let mut phdr = |ty: u32, flags: u32, offset: u64, vaddr: u64, filesz: u64, memsz: u64, align: u64| {
        h.extend_from_slice(&ty.to_le_bytes());
        h.extend_from_slice(&flags.to_le_bytes());
        h.extend_from_slice(&offset.to_le_bytes());
        h.extend_from_slice(&vaddr.to_le_bytes());
        h.extend_from_slice(&vaddr.to_le_bytes()); // p_paddr
        h.extend_from_slice(&filesz.to_le_bytes());
        h.extend_from_slice(&memsz.to_le_bytes());
        h.extend_from_slice(&align.to_le_bytes());
    };
    for seg in &layout.segments {
        phdr(PT_LOAD, p_flags(seg.perm), seg.offset, seg.vaddr, seg.filesz, seg.memsz, PAGE);
    }
    phdr(PT_GNU_STACK, PF_R | PF_W, 0, 0, 0, 0, 16);
    out[..h.len()].copy_from_slice(&h);
    out
}

/// Whether symbol `s` gets an entry in `.symtab`. Functions and variables do (objdump, gdb and profilers
/// name code and data by them); the compiler's read-only metadata does not, as gc's linker leaves out its
/// `type.*`, `go.string.*`, `go.func.*` and `runtime.gcbits.*` symbols: type descriptors and their names,
/// string literals, static closures (`f·f`) and pointer bitmaps are thousands of symbols, whose names (a
/// string literal's is its text) would make the table bigger than the data it describes. Nor do the
/// compiler's static temporaries (`pkg..stmp_N`, the arrays behind a package variable's initializer:
/// package unicode alone has hundreds, the whole symbol table of hello world was nearly a third theirs) and
/// constants boxed for interfaces (`go.constbox.*`), which gc's symbol table has no entries for either.
///
/// The runtime's local `.L` symbols are left out too: they are the assembler's temporary labels (rustc's
/// anonymous constants, `.Lanon.*`), which GNU ld and lld also discard by default. The runtime's Rust
/// names are written demangled (`demangle.rs`).
fn named_in_symtab(inputs: &Inputs, s: &Symbol) -> bool {
    if inputs.files[s.file.0 as usize].kind != FileKind::Go {
        return !(s.binding == Binding::Local && s.name.starts_with(".L"));
    }
    const METADATA: [&str; 4] = ["type.", "go.string.", "runtime.gcbits.", "go.constbox."];
    !(METADATA.iter().any(|p| s.name.starts_with(p)) || s.name.ends_with("·f") || s.name.contains("..stmp_"))
}

fn pad_to(out: &mut Vec<u8>, align: usize) {
    while out.len() % align != 0 {
        out.push(0);
    }
}
