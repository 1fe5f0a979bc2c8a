//! The linker's working set: every input file, section and symbol, in arenas addressed by newtype indices.
//!
//! In: filled by `resolve.rs` from the Go [`Object`](super::object::Object) and the archive members it pulls,
//! then extended by `functab.rs` and `scan.rs` with linker-made sections (the function table, the GOT).
//! Out: read by every later step (liveness, layout, relocation, writing).
//!
//! Invariants: a section or symbol never moves or disappears once added (dead ones are only marked so by
//! `gc.rs`), so a `SecId`/`SymId` stays valid for the whole link; arenas grow in a deterministic order (Go
//! object first, then linker-made sections, then archive members in the order they were pulled); global names
//! are looked up through a `BTreeMap`, never iterated into output.

use std::collections::BTreeMap;

#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct FileId(pub u32);
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct SecId(pub u32);
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct SymId(pub u32);

/// Where an input file came from; this decides where its sections go in the output (see [`FileKind::order`]).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum FileKind {
    /// The compiled Go program.
    Go,
    /// Sections and symbols the linker makes itself (function table, GOT, common symbols' storage).
    Linker,
    /// The runtime archive's member number `index` (counting members in archive order).
    Member { index: u32 },
}

impl FileKind {
    /// The output order of files: Go code first (so Go functions are contiguous and in Object order, which
    /// keeps the function table sorted), then the runtime in archive order, then what the linker made.
    pub fn order(self) -> (u32, u32) {
        match self {
            FileKind::Go => (0, 0),
            FileKind::Member { index } => (1, index),
            FileKind::Linker => (2, 0),
        }
    }
}

pub struct InputFile {
    /// For messages and nothing else: `<go>`, `<linker>`, or `rt.a(member.o)`.
    pub name: String,
    pub kind: FileKind,
}

/// The output sections, in the order they appear in the executable.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum OutKind {
    /// `.text`: machine code (text segment, R+X).
    Text,
    /// `.rodata`: read-only data (rodata segment, R).
    RoData,
    /// `.go.buildinfo`: gc's build information blob (`BUILDINFO`), first in the data segment, where
    /// debug/buildinfo looks for it by name or at the segment's start.
    BuildInfo,
    /// `.data`: initialized writable data, including `.data.rel.ro` (data segment, RW).
    Data,
    /// `.got`: the global offset table, one address per symbol reached through a GOT-relative relocation.
    Got,
    /// `.bss`: zero-initialized data, no file bytes.
    Bss,
}

impl OutKind {
    pub const ALL: [OutKind; 6] =
        [OutKind::Text, OutKind::RoData, OutKind::BuildInfo, OutKind::Data, OutKind::Got, OutKind::Bss];

    pub fn name(self) -> &'static str {
        match self {
            OutKind::Text => ".text",
            OutKind::RoData => ".rodata",
            OutKind::BuildInfo => super::BUILDINFO,
            OutKind::Data => ".data",
            OutKind::Got => ".got",
            OutKind::Bss => ".bss",
        }
    }
}

/// What a relocation computes and how wide its field is, whatever the architecture: each architecture's
/// file (`amd64.rs`) maps its ABI's type numbers to these and patches the bytes. `S` is the target's
/// address, `A` the addend, `P` the address of the patched place, `G` the address of the target's GOT slot.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum RelocType {
    /// Nothing to do.
    None,
    /// 8 bytes `S + A`.
    Abs64,
    /// 4 bytes `S + A - P`, signed (calls, jumps, PC-relative operands).
    Pc32,
    /// 4 bytes `S + A`, zero-extended.
    Abs32,
    /// 4 bytes `S + A`, sign-extended.
    Abs32S,
    /// 8 bytes `S + A - P`.
    Pc64,
    /// 4 bytes `G + A - P`.
    GotPcRel,
    /// Like GotPcRel, but the instruction may be rewritten to not load from the GOT (`arch::relax`).
    GotPcRelX,
    /// A thread-local-storage relocation (the ABI's type number): the runtime must not use TLS.
    Tls(u32),
    /// Any other type (the ABI's number), kept so the error names it only if the section is live.
    Unsupported(u32),
}

impl RelocType {
    /// Bytes patched at the relocation's offset.
    pub fn width(self) -> u64 {
        match self {
            RelocType::None | RelocType::Tls(_) | RelocType::Unsupported(_) => 0,
            RelocType::Abs64 | RelocType::Pc64 => 8,
            RelocType::Pc32 | RelocType::Abs32 | RelocType::Abs32S | RelocType::GotPcRel | RelocType::GotPcRelX => 4,
        }
    }
}

#[derive(Clone, Debug)]
pub struct Reloc {
    /// Offset of the patched place from the start of the section.
    pub offset: u64,
    pub ty: RelocType,
    pub target: SymId,
    pub addend: i64,
}

/// An input section: the unit of placement and of garbage collection.
pub struct Section {
    pub file: FileId,
    /// The input section's name (`.text.foo`), or the Go symbol's name for Go code and data.
    pub name: String,
    pub out: OutKind,
    /// Contents; empty for `Bss`.
    pub data: Vec<u8>,
    pub size: u64,
    /// A power of two, at least 1.
    pub align: u64,
    pub relocs: Vec<Reloc>,
}

/// What a symbol stands for.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Def {
    /// Not (yet) defined: an error when a live relocation needs it, unless every reference is weak (then 0).
    Undefined,
    /// At `value` bytes into section `sec`.
    Section { sec: SecId, value: u64 },
    /// An absolute value (SHN_ABS).
    Absolute(u64),
    /// A common symbol (SHN_COMMON): `resolve.rs` turns it into a `.bss` section once resolution ends.
    Common { size: u64, align: u64 },
    /// Defined in a section the linker drops (debug info, unwind tables): unusable from live code.
    Dropped,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Binding {
    Local,
    Global,
    Weak,
}

/// The ELF symbol type, kept for the output symbol table.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum SymType {
    NoType,
    Func,
    Object,
    Section,
    File,
}

pub struct Symbol {
    pub name: String,
    pub def: Def,
    pub binding: Binding,
    pub ty: SymType,
    pub size: u64,
    /// The defining file (for undefined symbols, the first file that mentioned it).
    pub file: FileId,
    /// Whether some file refers to it with a non-weak reference (then it must be defined).
    pub strong_ref: bool,
}

#[derive(Default)]
pub struct Inputs {
    pub files: Vec<InputFile>,
    pub sections: Vec<Section>,
    pub symbols: Vec<Symbol>,
    /// Global and weak symbols by name.
    pub globals: BTreeMap<String, SymId>,
}

impl Inputs {
    pub fn add_file(&mut self, name: String, kind: FileKind) -> FileId {
        self.files.push(InputFile { name, kind });
        FileId(self.files.len() as u32 - 1)
    }

    pub fn add_section(&mut self, s: Section) -> SecId {
        self.sections.push(s);
        SecId(self.sections.len() as u32 - 1)
    }

    pub fn add_symbol(&mut self, s: Symbol) -> SymId {
        self.symbols.push(s);
        SymId(self.symbols.len() as u32 - 1)
    }

    pub fn sec(&self, id: SecId) -> &Section {
        &self.sections[id.0 as usize]
    }

    pub fn sym(&self, id: SymId) -> &Symbol {
        &self.symbols[id.0 as usize]
    }

    /// The global symbol `name`, created as an undefined reference from `file` if it does not exist yet.
    pub fn global_ref(&mut self, name: &str, file: FileId, weak: bool) -> SymId {
        if let Some(&id) = self.globals.get(name) {
            if !weak {
                self.symbols[id.0 as usize].strong_ref = true;
            }
            return id;
        }
        let id = self.add_symbol(Symbol {
            name: name.to_string(),
            def: Def::Undefined,
            binding: if weak { Binding::Weak } else { Binding::Global },
            ty: SymType::NoType,
            size: 0,
            file,
            strong_ref: !weak,
        });
        self.globals.insert(name.to_string(), id);
        id
    }

    /// A human-readable name for the place `offset` bytes into section `sec`: the symbol that contains it
    /// (`runtime.main`, `_start`), or else the section and its file. Used in error messages only.
    pub fn describe_place(&self, sec: SecId, offset: u64) -> String {
        let mut best: Option<(u64, &str)> = None;
        for s in &self.symbols {
            if let Def::Section { sec: d, value } = s.def {
                let named = !s.name.is_empty() && matches!(s.ty, SymType::Func | SymType::Object | SymType::NoType);
                if d == sec && named && value <= offset && best.map_or(true, |(v, _)| value > v) {
                    best = Some((value, &s.name));
                }
            }
        }
        let section = self.sec(sec);
        match best {
            Some((_, name)) => name.to_string(),
            None => format!("{} in {}", section.name, self.files[section.file.0 as usize].name),
        }
    }
}
