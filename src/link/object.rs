//! The object format between code generation and the linker.
//!
//! In: built by `codegen/<arch>` (machine code from `asm`) and by lowering's data (globals, string bytes).
//! Out: read by the linker, which merges it with the runtime archive's ELF objects.
//!
//! Invariants: symbol names are unique within an [`Object`]; relocation targets are symbol names, resolved by
//! the linker against all inputs (this object and `rt`'s archive). Everything here is plain data in the
//! order it was produced, so the linker's output is deterministic by construction.

/// Where a symbol's bytes go.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum SymKind {
    /// Machine code (`.text`).
    Text,
    /// Read-only data (`.rodata`): string bytes, tables.
    RoData,
    /// Initialized writable data (`.data`).
    Data,
    /// Zero-initialized data (`.bss`): `data` is empty, `size` gives the length.
    Bss,
}

/// How a relocation patches its place `P` with symbol address `S` and addend `A`, whatever the architecture
/// (the linker's `arch` file encodes them).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum RelocKind {
    /// 8 bytes: `S + A`.
    Abs64,
    /// 4 bytes: `S + A - P`: rel32 of calls, jumps and PC-relative operands.
    /// For an instruction operand the codegen sets `A` = -(bytes from the field to the end of the
    /// instruction), usually -4.
    Pc32,
    /// 4 bytes, zero-extended `S + A` must fit in 32 bits.
    Abs32,
    /// 4 bytes, signed: `S + A - image base`, the image base being the address of the file header (the
    /// linker's symbol `g1c_modbase`). gc's 32-bit `nameOff`/`typeOff`/`textOff` in type descriptors
    /// (docs/RUNTIME-ABI.md, "Type descriptors").
    ImageRel32,
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Reloc {
    /// Offset of the patched field from the start of the symbol's bytes.
    pub offset: u32,
    pub kind: RelocKind,
    pub target: String,
    pub addend: i64,
}

/// A function's source information for tracebacks: what the linker turns into `g1c_functab`.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct FuncMeta {
    /// The file name as tracebacks print it (already machine-independent, e.g. `./hello.go`).
    pub file: String,
    /// `(pc offset from the function's entry, source line)` pairs, sorted by offset; the line of a pc is the
    /// line of the last pair whose offset is `<=` it.
    pub lines: Vec<(u32, u32)>,
    /// `(pc offset, file)` pairs, sorted by offset, where the code's file changes (a `//line` directive
    /// names another file); from the entry up to the first pair the file is `file`. Empty for almost every
    /// function.
    pub files: Vec<(u32, String)>,
    /// `(pc offset, inlined call)` pairs, sorted by offset, where the inline context changes: from there on
    /// the code is that of `inl_tree[k - 1]`, or the function's own for 0. Empty without inlined calls.
    pub inl: Vec<(u32, u32)>,
    /// The calls inlined into the function (gc's `FUNCDATA_InlTree`).
    pub inl_tree: Vec<InlFrame>,
    /// Size in bytes of the incoming argument and result area (ABI0), for printing arguments.
    pub args_size: u32,
    /// Size of the frame below the saved frame pointer, for stack checks and debuggers.
    pub frame_size: u32,
}

/// One inlined call of a function's code, as tracebacks show it: a frame of `func`, whose caller's frame is
/// that of the code at `parent_pc` (the call's inline mark: its line is the call's, its inline context the
/// caller's).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct InlFrame {
    pub func: String,
    pub parent_pc: u32,
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Symbol {
    pub name: String,
    pub kind: SymKind,
    /// Contents; empty for `Bss`.
    pub data: Vec<u8>,
    /// Size in bytes (equal to `data.len()` except for `Bss`).
    pub size: u64,
    pub align: u32,
    pub relocs: Vec<Reloc>,
    /// Set for Go functions (`Text` symbols produced by the compiler).
    pub func: Option<FuncMeta>,
}

/// The compiled form of a whole Go program (all packages), ready to link with the runtime.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Object {
    pub symbols: Vec<Symbol>,
}
