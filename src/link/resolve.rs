//! Symbol resolution: which definition each name means, and which archive members the program needs.
//!
//! In: the Go [`Object`], the runtime archive's members, and the root names. Out: a filled [`Inputs`]: the Go
//! symbols (one section each), the linker's own placeholder sections for `g1c_functab`,
//! `g1c_functab_len`, `g1c_typelinks` and `g1c_typelinks_len`, and the sections and symbols of every archive member that defines a name someone
//! needs, pulled until nothing new is needed (a fixed point), as a Unix linker treats an archive.
//!
//! Rules (as GNU ld and lld apply them): a global definition beats a weak one; two global definitions are an
//! error; a common symbol takes the largest size asked for and loses to a real definition; an undefined
//! reference pulls the first member (in archive order) that defines the name, but a weak reference pulls
//! nothing; of several COMDAT groups with one signature the first loaded is kept and the others' sections
//! are dropped (their symbols then resolve to the kept copy). Undefined names are not errors here: only
//! those that live code needs are (see `scan.rs`).
//!
//! Mergeable sections (SHF_MERGE, `.rodata.str1.1`) are kept whole, without merging equal constants: merging
//! only saves space, and keeping them whole leaves every section-relative relocation valid as it is.
//!
//! What is dropped from an ELF member: sections without SHF_ALLOC (debug info, `.comment`, embedded bitcode),
//! `.eh_frame` (a Go program unwinds through frame pointers) and notes (`.note.GNU-stack`, properties).

use std::collections::{BTreeMap, BTreeSet};

use super::archive::Member;
use super::elf_read::{self, ElfObject};
use super::input::*;
use super::object::{Object, RelocKind, SymKind};
use crate::target::Arch;

/// What resolution gives to the later steps besides [`Inputs`].
pub struct Resolved {
    pub inputs: Inputs,
    /// The section of each Go symbol, indexed like `Object::symbols`.
    pub go_sections: Vec<SecId>,
    /// The linker's placeholder sections, filled by `functab.rs`.
    pub functab: SecId,
    pub functab_len: SecId,
    /// The placeholders `typelinks.rs` fills.
    pub typelinks: SecId,
    pub typelinks_len: SecId,
    /// Symbols the program starts from: `_start`, `main.main`, `main.init` and the function table.
    pub roots: Vec<SymId>,
    pub entry: SymId,
}

/// The names every program needs; `_start` is the ELF entry point.
pub const ROOTS: [&str; 3] = ["_start", "main.main", "main.init"];
pub const FUNCTAB: &str = "g1c_functab";
pub const FUNCTAB_LEN: &str = "g1c_functab_len";
pub const TYPELINKS: &str = "g1c_typelinks";
pub const TYPELINKS_LEN: &str = "g1c_typelinks_len";
/// The image base (the ELF header's address), which `ImageRel32` offsets are relative to.
pub const MODBASE: &str = "g1c_modbase";

pub fn resolve(arch: Arch, obj: &Object, members: &[Member], archive_name: &str) -> Result<Resolved, String> {
    let mut inputs = Inputs::default();

    // 1. The Go program: every symbol a global definition with a section of its own.
    let go = inputs.add_file("<go>".into(), FileKind::Go);
    let mut go_sections = Vec::with_capacity(obj.symbols.len());
    for s in &obj.symbols {
        let (out, data) = match s.kind {
            SymKind::Text => (OutKind::Text, s.data.clone()),
            SymKind::RoData => (OutKind::RoData, s.data.clone()),
            SymKind::Data if s.name == super::BUILDINFO => (OutKind::BuildInfo, s.data.clone()),
            SymKind::Data => (OutKind::Data, s.data.clone()),
            SymKind::Bss => (OutKind::Bss, Vec::new()),
        };
        if s.kind != SymKind::Bss && s.data.len() as u64 != s.size {
            return Err(format!("{}: size {} but {} bytes of data", s.name, s.size, s.data.len()));
        }
        let align = (s.align.max(1)) as u64;
        if !align.is_power_of_two() {
            return Err(format!("{}: alignment {align} is not a power of two", s.name));
        }
        let sec = inputs.add_section(Section {
            file: go,
            name: s.name.clone(),
            out,
            data,
            size: s.size,
            align,
            relocs: Vec::new(),
        });
        go_sections.push(sec);
        let ty = if s.kind == SymKind::Text { SymType::Func } else { SymType::Object };
        define(&mut inputs, &s.name, Def::Section { sec, value: 0 }, Binding::Global, ty, s.size, go)?;
    }
    for (s, &sec) in obj.symbols.iter().zip(&go_sections) {
        let mut relocs = Vec::with_capacity(s.relocs.len());
        for r in &s.relocs {
            let (ty, addend) = match r.kind {
                RelocKind::Abs64 => (RelocType::Abs64, r.addend),
                RelocKind::Pc32 => (RelocType::Pc32, r.addend),
                RelocKind::Abs32 => (RelocType::Abs32, r.addend),
                // S + A - base is a sign-extended 32-bit S + A' with A' = A - base.
                RelocKind::ImageRel32 => (RelocType::Abs32S, r.addend - super::layout::BASE as i64),
            };
            if r.offset as u64 + ty.width() > s.data.len() as u64 {
                return Err(format!(
                    "{}: relocation at offset {:#x} lies outside its {} bytes",
                    s.name,
                    r.offset,
                    s.data.len()
                ));
            }
            let target = inputs.global_ref(&r.target, go, false);
            relocs.push(Reloc { offset: r.offset as u64, ty, target, addend });
        }
        inputs.sections[sec.0 as usize].relocs = relocs;
    }

    // 2. The linker's own definitions; `functab.rs` fills them once the live functions are known.
    let linker = inputs.add_file("<linker>".into(), FileKind::Linker);
    let placeholder = |inputs: &mut Inputs, name: &str, align: u64| -> Result<SecId, String> {
        let sec = inputs.add_section(Section {
            file: linker,
            name: name.into(),
            out: OutKind::RoData,
            data: Vec::new(),
            size: 0,
            align,
            relocs: Vec::new(),
        });
        define(inputs, name, Def::Section { sec, value: 0 }, Binding::Global, SymType::Object, 0, linker)?;
        Ok(sec)
    };
    let functab = placeholder(&mut inputs, FUNCTAB, 8)?;
    let functab_len = placeholder(&mut inputs, FUNCTAB_LEN, 8)?;
    let typelinks = placeholder(&mut inputs, TYPELINKS, 4)?;
    let typelinks_len = placeholder(&mut inputs, TYPELINKS_LEN, 8)?;
    define(&mut inputs, MODBASE, Def::Absolute(super::layout::BASE), Binding::Global, SymType::Object, 0, linker)?;

    let mut roots: Vec<SymId> = ROOTS.iter().map(|n| inputs.global_ref(n, linker, false)).collect();
    roots.push(inputs.globals[FUNCTAB]);
    roots.push(inputs.globals[FUNCTAB_LEN]);
    roots.push(inputs.globals[TYPELINKS]);
    roots.push(inputs.globals[TYPELINKS_LEN]);
    // Nothing refers to the build information: readers of the file find it.
    if let Some(&b) = inputs.globals.get(super::BUILDINFO) {
        roots.push(b);
    }
    let entry = roots[0];

    // 3. The archive: index every member's definitions, then pull members until no needed name is left
    //    that some member defines.
    let mut parsed: Vec<Option<ElfObject>> = Vec::with_capacity(members.len());
    let mut lazy: BTreeMap<&str, usize> = BTreeMap::new();
    for m in members {
        // Members that are not ELF (rustc's metadata, if any) hold no code.
        if !elf_read::is_elf(m.data) {
            parsed.push(None);
            continue;
        }
        let elf = elf_read::parse(m.data, arch).map_err(|e| format!("{archive_name}({}): {e}", m.name))?;
        parsed.push(Some(elf));
    }
    for (i, elf) in parsed.iter().enumerate() {
        let Some(elf) = elf else { continue };
        for s in &elf.symbols {
            if s.bind != elf_read::STB_LOCAL && s.shndx != elf_read::SHN_UNDEF && !s.name.is_empty() {
                lazy.entry(s.name.as_str()).or_insert(i);
            }
        }
    }
    let mut loaded = vec![false; members.len()];
    let mut comdats = BTreeSet::new();
    loop {
        let mut pulled = false;
        let mut i = 0;
        while i < inputs.symbols.len() {
            let s = &inputs.symbols[i];
            i += 1;
            if s.def != Def::Undefined || !s.strong_ref || s.binding == Binding::Local {
                continue;
            }
            let Some(&m) = lazy.get(s.name.as_str()) else { continue };
            if loaded[m] {
                continue;
            }
            loaded[m] = true;
            pulled = true;
            let name = format!("{archive_name}({})", members[m].name);
            let elf = parsed[m].as_ref().expect("lazy names come from parsed members");
            load_member(arch, &mut inputs, elf, name.clone(), m as u32, &mut comdats)
                .map_err(|e| format!("{name}: {e}"))?;
        }
        if !pulled {
            break;
        }
    }

    // 4. Common symbols that no real definition replaced get storage in `.bss`.
    for i in 0..inputs.symbols.len() {
        if let Def::Common { size, align } = inputs.symbols[i].def {
            let s = &inputs.symbols[i];
            if !align.is_power_of_two() {
                return Err(format!("common symbol {}: alignment {align} is not a power of two", s.name));
            }
            let sec = inputs.add_section(Section {
                file: s.file,
                name: format!("COMMON {}", s.name),
                out: OutKind::Bss,
                data: Vec::new(),
                size,
                align,
                relocs: Vec::new(),
            });
            inputs.symbols[i].def = Def::Section { sec, value: 0 };
        }
    }

    Ok(Resolved { inputs, go_sections, functab, functab_len, typelinks, typelinks_len, roots, entry })
}

/// Adds the definition `def` of global `name`, merging it with what is already known about the name.
fn define(
    inputs: &mut Inputs,
    name: &str,
    def: Def,
    binding: Binding,
    ty: SymType,
    size: u64,
    file: FileId,
) -> Result<SymId, String> {
    // How strongly a definition claims the name.
    fn rank(def: Def, binding: Binding) -> u8 {
        match (def, binding) {
            (Def::Undefined | Def::Dropped, _) => 0,
            (Def::Common { .. }, _) => 2,
            (_, Binding::Weak) => 1,
            (_, _) => 3,
        }
    }
    let Some(&id) = inputs.globals.get(name) else {
        let id = inputs.add_symbol(Symbol { name: name.into(), def, binding, ty, size, file, strong_ref: false });
        inputs.globals.insert(name.into(), id);
        return Ok(id);
    };
    let old = &mut inputs.symbols[id.0 as usize];
    let (old_rank, new_rank) = (rank(old.def, old.binding), rank(def, binding));
    if old_rank == 3 && new_rank == 3 {
        let first = &inputs.files[old.file.0 as usize].name;
        let second = &inputs.files[file.0 as usize].name;
        return Err(format!("duplicate symbol: {name} (defined in {first} and {second})"));
    }
    if let (Def::Common { size: s1, align: a1 }, Def::Common { size: s2, align: a2 }) = (old.def, def) {
        old.def = Def::Common { size: s1.max(s2), align: a1.max(a2) };
        old.size = s1.max(s2);
    } else if new_rank > old_rank || (old.def == Def::Undefined && def == Def::Dropped) {
        old.def = def;
        old.binding = binding;
        old.ty = ty;
        old.size = size;
        old.file = file;
    }
    Ok(id)
}

/// Adds one archive member's sections, symbols and relocations.
fn load_member(
    arch: Arch,
    inputs: &mut Inputs,
    elf: &ElfObject,
    name: String,
    index: u32,
    comdats: &mut BTreeSet<String>,
) -> Result<(), String> {
    use elf_read::*;
    let file = inputs.add_file(name, FileKind::Member { index });

    // COMDAT groups: the first group with a signature wins; the sections of later ones are dropped.
    let mut discarded = vec![false; elf.sections.len()];
    for (i, s) in elf.sections.iter().enumerate() {
        if s.ty != SHT_GROUP {
            continue;
        }
        let (comdat, members) = elf.group_members(i)?;
        let signature = &elf.symbols.get(s.info as usize).ok_or("group signature symbol missing")?.name;
        if comdat && !comdats.insert(signature.clone()) {
            for m in members {
                *discarded.get_mut(m as usize).ok_or("group member outside the section table")? = true;
            }
        }
    }

    // Sections: keep what is loaded into memory, sorted into the four kinds of output section.
    let mut sec_map: Vec<Option<SecId>> = vec![None; elf.sections.len()];
    for (i, s) in elf.sections.iter().enumerate() {
        if matches!(s.ty, SHT_INIT_ARRAY | SHT_FINI_ARRAY | SHT_PREINIT_ARRAY)
            || s.name.starts_with(".init_array")
            || s.name.starts_with(".ctors")
        {
            if s.size != 0 && !discarded[i] {
                return Err(format!(
                    "section {}: static initializers are not supported (the runtime must not need them)",
                    s.name
                ));
            }
            continue;
        }
        if s.flags & SHF_ALLOC == 0
            || discarded[i]
            || s.ty == SHT_NOTE
            || s.ty == SHT_X86_64_UNWIND
            || s.name == ".eh_frame"
        {
            continue;
        }
        if s.flags & SHF_TLS != 0 {
            return Err(format!(
                "section {}: thread-local storage is not supported (the runtime must not use it)",
                s.name
            ));
        }
        let out = match s.ty {
            SHT_NOBITS => OutKind::Bss,
            SHT_PROGBITS if s.flags & SHF_EXECINSTR != 0 => OutKind::Text,
            SHT_PROGBITS if s.flags & SHF_WRITE != 0 => OutKind::Data,
            SHT_PROGBITS => OutKind::RoData,
            ty => return Err(format!("section {}: unsupported allocated section type {ty:#x}", s.name)),
        };
        if !s.align.is_power_of_two() {
            return Err(format!("section {}: alignment {} is not a power of two", s.name, s.align));
        }
        let sec = inputs.add_section(Section {
            file,
            name: s.name.clone(),
            out,
            data: s.data.to_vec(),
            size: s.size,
            align: s.align,
            relocs: Vec::new(),
        });
        sec_map[i] = Some(sec);
    }

    // Symbols: locals get fresh entries, globals and weaks merge by name. Index 0, the null symbol, is a
    // local with value 0.
    let mut sym_map: Vec<SymId> = Vec::with_capacity(elf.symbols.len());
    for (j, s) in elf.symbols.iter().enumerate() {
        let def = match s.shndx {
            SHN_UNDEF => Def::Undefined,
            SHN_ABS => Def::Absolute(s.value),
            SHN_COMMON => Def::Common { size: s.size, align: s.value.max(1) },
            k if k >= SHN_LORESERVE => return Err(format!("symbol {}: unsupported section index {k:#x}", s.name)),
            k => match sec_map.get(k as usize) {
                Some(Some(sec)) => Def::Section { sec: *sec, value: s.value },
                Some(None) => Def::Dropped,
                None => return Err(format!("symbol {}: section index {k} outside the section table", s.name)),
            },
        };
        let ty = match s.ty {
            STT_FUNC => SymType::Func,
            STT_OBJECT | STT_COMMON => SymType::Object,
            STT_SECTION => SymType::Section,
            STT_FILE => SymType::File,
            // TLS symbols are refused where they are used: their sections (SHF_TLS) and relocations.
            STT_TLS => SymType::Object,
            _ => SymType::NoType,
        };
        let id = if j == 0 || s.bind == STB_LOCAL {
            let def = if j == 0 { Def::Absolute(0) } else { def };
            inputs.add_symbol(Symbol {
                name: s.name.clone(),
                def,
                binding: Binding::Local,
                ty,
                size: s.size,
                file,
                strong_ref: false,
            })
        } else {
            let weak = match s.bind {
                STB_GLOBAL => false,
                STB_WEAK => true,
                b => return Err(format!("symbol {}: unsupported binding {b}", s.name)),
            };
            match def {
                // A definition inside a dropped COMDAT copy is a reference to the kept copy.
                Def::Undefined => inputs.global_ref(&s.name, file, weak),
                Def::Dropped if discarded.get(s.shndx as usize) == Some(&true) => {
                    inputs.global_ref(&s.name, file, weak)
                }
                _ => {
                    let binding = if weak { Binding::Weak } else { Binding::Global };
                    define(inputs, &s.name, def, binding, ty, s.size, file)?
                }
            }
        };
        sym_map.push(id);
    }

    // Relocations of the kept sections.
    let relas = elf.rela_sections()?;
    for (i, sec) in sec_map.iter().enumerate() {
        let (Some(sec), Some(rela)) = (sec, relas[i]) else { continue };
        let size = inputs.sec(*sec).size;
        if inputs.sec(*sec).out == OutKind::Bss {
            return Err(format!("section {}: relocations in a section without contents", elf.sections[i].name));
        }
        let mut relocs = Vec::new();
        for r in elf.relocations(rela)? {
            let ty = super::arch::from_elf(arch, r.ty);
            if r.offset.checked_add(ty.width()).map_or(true, |end| end > size) {
                return Err(format!(
                    "section {}: relocation at offset {:#x} lies outside the section",
                    elf.sections[i].name, r.offset
                ));
            }
            let target = *sym_map.get(r.sym as usize).ok_or("relocation against a missing symbol")?;
            relocs.push(Reloc { offset: r.offset, ty, target, addend: r.addend });
        }
        inputs.sections[sec.0 as usize].relocs = relocs;
    }
    Ok(())
}
