//! Reading an ELF64 little-endian relocatable object (ET_REL), as rustc emits into a staticlib.
//!
//! In: one archive member's bytes and the architecture it must be for (`e_machine`). Out: an [`ElfObject`]: its sections (with names, flags and a slice of
//! their contents), its symbol table, and on request the RELA relocations that apply to a section.
//! Nothing is interpreted here (which sections to keep, how symbols resolve): that is `resolve.rs`'s job.
//!
//! Reference: the System V gABI ("Object Files"); relocation type numbers are left to the architecture's
//! file (`amd64.rs`). Every read is bounds-checked, so a
//! malformed object gives an `Err`, never a panic.

use crate::target::Arch;

// Section types (sh_type).
pub const SHT_NULL: u32 = 0;
pub const SHT_PROGBITS: u32 = 1;
pub const SHT_SYMTAB: u32 = 2;
pub const SHT_STRTAB: u32 = 3;
pub const SHT_RELA: u32 = 4;
pub const SHT_NOTE: u32 = 7;
pub const SHT_NOBITS: u32 = 8;
pub const SHT_REL: u32 = 9;
pub const SHT_INIT_ARRAY: u32 = 14;
pub const SHT_FINI_ARRAY: u32 = 15;
pub const SHT_PREINIT_ARRAY: u32 = 16;
pub const SHT_GROUP: u32 = 17;
pub const SHT_SYMTAB_SHNDX: u32 = 18;
pub const SHT_X86_64_UNWIND: u32 = 0x7000_0001;

// Section flags (sh_flags).
pub const SHF_WRITE: u64 = 0x1;
pub const SHF_ALLOC: u64 = 0x2;
pub const SHF_EXECINSTR: u64 = 0x4;
pub const SHF_TLS: u64 = 0x400;

// Special section indices (st_shndx).
pub const SHN_UNDEF: u16 = 0;
pub const SHN_LORESERVE: u16 = 0xff00;
pub const SHN_ABS: u16 = 0xfff1;
pub const SHN_COMMON: u16 = 0xfff2;
pub const SHN_XINDEX: u16 = 0xffff;

// Symbol bindings and types (st_info).
pub const STB_LOCAL: u8 = 0;
pub const STB_GLOBAL: u8 = 1;
pub const STB_WEAK: u8 = 2;
pub const STT_NOTYPE: u8 = 0;
pub const STT_OBJECT: u8 = 1;
pub const STT_FUNC: u8 = 2;
pub const STT_SECTION: u8 = 3;
pub const STT_FILE: u8 = 4;
pub const STT_COMMON: u8 = 5;
pub const STT_TLS: u8 = 6;

/// The COMDAT flag in the first word of an SHT_GROUP section.
pub const GRP_COMDAT: u32 = 1;

pub struct ElfSection<'a> {
    pub name: String,
    pub ty: u32,
    pub flags: u64,
    pub size: u64,
    pub link: u32,
    pub info: u32,
    pub align: u64,
    /// The contents; empty for SHT_NOBITS.
    pub data: &'a [u8],
}

pub struct ElfSymbol {
    pub name: String,
    pub value: u64,
    pub size: u64,
    /// STB_* (the high nibble of st_info).
    pub bind: u8,
    /// STT_* (the low nibble of st_info).
    pub ty: u8,
    /// st_shndx: a section index or one of SHN_UNDEF, SHN_ABS, SHN_COMMON.
    pub shndx: u16,
}

/// One Elf64_Rela entry.
pub struct ElfRela {
    pub offset: u64,
    /// The architecture's relocation type number (the low 32 bits of r_info; `arch::from_elf`).
    pub ty: u32,
    /// Index into the symbol table (the high 32 bits of r_info).
    pub sym: u32,
    pub addend: i64,
}

pub struct ElfObject<'a> {
    /// All section headers, indexed as in the file (index 0 is the null section).
    pub sections: Vec<ElfSection<'a>>,
    /// The symbol table, indexed as in the file (index 0 is the null symbol); empty if there is none.
    pub symbols: Vec<ElfSymbol>,
}

/// Bounds-checked little-endian reads.
fn bytes_at<'a>(b: &'a [u8], off: u64, len: u64) -> Result<&'a [u8], String> {
    let end = off.checked_add(len).ok_or("offset overflow")?;
    if end > b.len() as u64 {
        return Err(format!("read of {len} bytes at offset {off:#x} past the end ({:#x} bytes)", b.len()));
    }
    Ok(&b[off as usize..end as usize])
}
fn u16_at(b: &[u8], off: u64) -> Result<u16, String> {
    Ok(u16::from_le_bytes(bytes_at(b, off, 2)?.try_into().unwrap()))
}
fn u32_at(b: &[u8], off: u64) -> Result<u32, String> {
    Ok(u32::from_le_bytes(bytes_at(b, off, 4)?.try_into().unwrap()))
}
fn u64_at(b: &[u8], off: u64) -> Result<u64, String> {
    Ok(u64::from_le_bytes(bytes_at(b, off, 8)?.try_into().unwrap()))
}

/// A NUL-terminated name at `off` in a string table.
fn name_at(strtab: &[u8], off: u32) -> Result<String, String> {
    let rest = strtab.get(off as usize..).ok_or_else(|| format!("name offset {off} outside the string table"))?;
    let len = rest.iter().position(|&c| c == 0).ok_or("unterminated name in string table")?;
    Ok(String::from_utf8_lossy(&rest[..len]).into_owned())
}

/// Whether `bytes` start like an ELF file (used to tell code members from metadata in an archive).
pub fn is_elf(bytes: &[u8]) -> bool {
    bytes.starts_with(b"\x7fELF")
}

/// Parses the header, section headers and symbol table.
pub fn parse(b: &[u8], arch: Arch) -> Result<ElfObject<'_>, String> {
    if !is_elf(b) {
        return Err("not an ELF file".into());
    }
    let ident = bytes_at(b, 0, 16)?;
    if ident[4] != 2 {
        return Err("not a 64-bit ELF file (ELFCLASS64 expected)".into());
    }
    if ident[5] != 1 {
        return Err("not a little-endian ELF file".into());
    }
    let e_type = u16_at(b, 16)?;
    let e_machine = u16_at(b, 18)?;
    if e_type != 1 {
        return Err(format!("ELF type {e_type}, expected a relocatable object (ET_REL)"));
    }
    let (want, want_name) = super::elf::machine(arch);
    if e_machine != want {
        return Err(format!("ELF machine {e_machine}, expected {want_name}"));
    }
    let shoff = u64_at(b, 0x28)?;
    let shentsize = u16_at(b, 0x3a)? as u64;
    let mut shnum = u16_at(b, 0x3c)? as u64;
    let mut shstrndx = u16_at(b, 0x3e)? as u32;
    if shoff == 0 {
        return Ok(ElfObject { sections: Vec::new(), symbols: Vec::new() });
    }
    if shentsize != 64 {
        return Err(format!("section header size {shentsize}, expected 64"));
    }
    // Extended numbering: counts that do not fit the header live in section 0.
    if shnum == 0 {
        shnum = u64_at(b, shoff + 0x20)?;
    }
    if shstrndx == SHN_XINDEX as u32 {
        shstrndx = u32_at(b, shoff + 0x28)?;
    }
    if shnum.checked_mul(64).map_or(true, |n| n > b.len() as u64) {
        return Err(format!("{shnum} section headers do not fit the file"));
    }

    struct Raw {
        name: u32,
        ty: u32,
        flags: u64,
        offset: u64,
        size: u64,
        link: u32,
        info: u32,
        align: u64,
    }
    let mut raws = Vec::with_capacity(shnum as usize);
    for i in 0..shnum {
        let h = shoff + i * 64;
        raws.push(Raw {
            name: u32_at(b, h)?,
            ty: u32_at(b, h + 4)?,
            flags: u64_at(b, h + 8)?,
            offset: u64_at(b, h + 0x18)?,
            size: u64_at(b, h + 0x20)?,
            link: u32_at(b, h + 0x28)?,
            info: u32_at(b, h + 0x2c)?,
            align: u64_at(b, h + 0x30)?,
        });
    }
    let shstr = match raws.get(shstrndx as usize) {
        Some(r) if shstrndx != 0 => bytes_at(b, r.offset, r.size)?,
        _ => &[][..],
    };
    let mut sections = Vec::with_capacity(raws.len());
    for (i, r) in raws.iter().enumerate() {
        let data = match r.ty {
            SHT_NOBITS | SHT_NULL => &[][..],
            _ => bytes_at(b, r.offset, r.size).map_err(|e| format!("section {i}: {e}"))?,
        };
        let name = if shstr.is_empty() { String::new() } else { name_at(shstr, r.name)? };
        sections.push(ElfSection {
            name,
            ty: r.ty,
            flags: r.flags,
            size: r.size,
            link: r.link,
            info: r.info,
            align: r.align.max(1),
            data,
        });
    }

    let mut symbols = Vec::new();
    if let Some(symtab) = sections.iter().find(|s| s.ty == SHT_SYMTAB) {
        if sections.iter().any(|s| s.ty == SHT_SYMTAB_SHNDX) {
            return Err("extended symbol section indices (SHT_SYMTAB_SHNDX) are not supported".into());
        }
        let strtab = sections.get(symtab.link as usize).ok_or("symbol table's string table is missing")?.data;
        let data = symtab.data;
        if data.len() % 24 != 0 {
            return Err("symbol table size is not a multiple of 24".into());
        }
        for i in 0..(data.len() / 24) as u64 {
            let s = i * 24;
            let info = bytes_at(data, s + 4, 1)?[0];
            symbols.push(ElfSymbol {
                name: name_at(strtab, u32_at(data, s)?)?,
                bind: info >> 4,
                ty: info & 0xf,
                shndx: u16_at(data, s + 6)?,
                value: u64_at(data, s + 8)?,
                size: u64_at(data, s + 16)?,
            });
        }
    }
    Ok(ElfObject { sections, symbols })
}

impl<'a> ElfObject<'a> {
    /// For each section, the index of the RELA section that patches it, if any.
    pub fn rela_sections(&self) -> Result<Vec<Option<usize>>, String> {
        let mut map = vec![None; self.sections.len()];
        for (i, s) in self.sections.iter().enumerate() {
            if s.ty != SHT_RELA && s.ty != SHT_REL {
                continue;
            }
            let target = s.info as usize;
            if target >= map.len() {
                return Err(format!("section {}: patches section {target}, which does not exist", s.name));
            }
            if s.ty == SHT_REL {
                if self.sections[target].flags & SHF_ALLOC != 0 {
                    return Err(format!("section {}: REL relocations (without addends) are not supported", s.name));
                }
                continue;
            }
            map[target] = Some(i);
        }
        Ok(map)
    }

    /// The relocations of RELA section `rela`, in file order.
    pub fn relocations(&self, rela: usize) -> Result<Vec<ElfRela>, String> {
        let s = &self.sections[rela];
        if s.data.len() % 24 != 0 {
            return Err(format!("section {}: size is not a multiple of 24", s.name));
        }
        let mut out = Vec::with_capacity(s.data.len() / 24);
        for i in 0..(s.data.len() / 24) as u64 {
            let e = i * 24;
            let info = u64_at(s.data, e + 8)?;
            let sym = (info >> 32) as u32;
            if sym as usize >= self.symbols.len().max(1) {
                return Err(format!("section {}: relocation names symbol {sym}, outside the table", s.name));
            }
            out.push(ElfRela {
                offset: u64_at(s.data, e)?,
                ty: info as u32,
                sym,
                addend: u64_at(s.data, e + 16)? as i64,
            });
        }
        Ok(out)
    }

    /// The member section indices of an SHT_GROUP section, and whether it is a COMDAT group.
    pub fn group_members(&self, group: usize) -> Result<(bool, Vec<u32>), String> {
        let data = self.sections[group].data;
        if data.len() % 4 != 0 || data.is_empty() {
            return Err(format!("group section {}: bad size", self.sections[group].name));
        }
        let flags = u32_at(data, 0)?;
        let mut members = Vec::new();
        for i in 1..(data.len() / 4) as u64 {
            members.push(u32_at(data, i * 4)?);
        }
        Ok((flags & GRP_COMDAT != 0, members))
    }
}
