//! The intermediate representation: typed three-address code in basic blocks.
//!
//! In: built by `lower.rs` from the checked AST. Out: read by the passes in `opt/` and by `codegen/<arch>`,
//! printed by `print.rs` (`g1c dump ir`, specified in `docs/IR.md`), checked by `verify.rs` between passes.
//!
//! The IR knows the target's word size (through the lowering's layout decisions) but nothing about its
//! instructions or registers. Go types are gone: values are scalars of a [`Ty`]; aggregates (strings,
//! slices, structs, arrays) live in memory (stack slots, globals, heap) and are moved with `MemCopy`.
//!
//! Invariants (checked by `verify.rs`):
//! - `blocks[0]` is the entry block; every block ends in exactly one terminator; block and vreg ids are in
//!   range.
//! - A vreg's type is fixed (`Func::vregs`); operands of `Binary` and `Cmp` have the same type; `Load`'s
//!   width is its `dst` type, `Store`'s is its `src` type.
//! - Values of sub-word integer types (I8, I16, I32) have only their low bits defined; ops that depend on the
//!   upper bits (`Cmp`, division, right shift, conversions) look at the low bits only.
//! - Calls to Go functions follow ABI0 (DESIGN §5): the caller stores arguments with `OutArgAddr` + `Store` /
//!   `MemCopy` into the outgoing area, executes `CallGo`, and reads results from the same area at the
//!   result offsets. The callee finds them with `ArgAddr`. Calls into the runtime use `CallRt` (the
//!   platform C ABI), with scalar arguments and at most two scalar results.

pub mod dom;
pub mod live;
pub mod lower;
pub mod print;
pub mod read;
pub mod verify;

/// A virtual register, indexing `Func::vregs`.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct VReg(pub u32);

/// A basic block, indexing `Func::blocks`.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct BlockId(pub u32);

/// A stack slot of the current frame, indexing `Func::slots`.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct SlotId(pub u32);

/// The type of a scalar value.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Ty {
    I8,
    I16,
    I32,
    I64,
    /// A pointer-sized integer that holds an address (the word size of the target).
    Ptr,
    F32,
    F64,
}

impl Ty {
    pub fn is_float(self) -> bool {
        matches!(self, Ty::F32 | Ty::F64)
    }
    /// Size in bytes, given the target's word size.
    pub fn size(self, word: u32) -> u32 {
        match self {
            Ty::I8 => 1,
            Ty::I16 => 2,
            Ty::I32 | Ty::F32 => 4,
            Ty::I64 | Ty::F64 => 8,
            Ty::Ptr => word,
        }
    }
}

/// Two-operand arithmetic, named after what it computes. Integer ops wrap (two's complement).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum BinOp {
    Add,
    Sub,
    Mul,
    /// Signed division truncating toward zero; `MIN / -1 == MIN` (Go spec). The divisor is never zero (the
    /// lowering checks first).
    DivS,
    DivU,
    /// Signed remainder with the sign of the dividend; `MIN % -1 == 0`.
    RemS,
    RemU,
    And,
    Or,
    Xor,
    /// `x &^ y`
    AndNot,
    /// Shifts take the count as an unsigned value of any integer type; counts `>=` the width give 0 (`Shl`,
    /// `ShrU`) or the sign fill (`ShrS`), as in Go.
    Shl,
    ShrS,
    ShrU,
    FAdd,
    FSub,
    FMul,
    FDiv,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum UnOp {
    /// Two's complement negation.
    Neg,
    /// Bitwise complement `^x`.
    Not,
    FNeg,
}

/// Comparison conditions. Float conditions are IEEE: all are false on NaN except `FNe`.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Cond {
    Eq,
    Ne,
    LtS,
    LeS,
    GtS,
    GeS,
    LtU,
    LeU,
    GtU,
    GeU,
    FEq,
    FNe,
    FLt,
    FLe,
    FGt,
    FGe,
}

/// Conversions between scalar types.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum ConvOp {
    /// Sign-extend from the source's width to the destination's.
    SExt,
    /// Zero-extend.
    ZExt,
    /// Keep the low bits.
    Trunc,
    /// Signed integer to float.
    SToF,
    /// Unsigned integer to float.
    UToF,
    /// Float to signed integer, truncating toward zero (Go: implementation-defined when out of range; gc's
    /// amd64 result is what the hardware gives).
    FToS,
    /// Float to unsigned integer, as gc does on amd64.
    FToU,
    /// f32 → f64
    FExt,
    /// f64 → f32 (round to nearest even)
    FTrunc,
    /// Same bits, other type of the same size (e.g. F64 ↔ I64 for `math.Float64bits`).
    Bitcast,
}

/// The function called by `CallGo`.
#[derive(Clone, Debug, PartialEq, Eq, Hash)]
pub enum Callee {
    /// A Go function by linker symbol name, called without a closure context.
    Direct(String),
    /// A func value: a pointer to a closure object whose first word is the code address. The codegen puts
    /// the func value in the closure-context register (amd64: DX) and calls through the first word.
    Closure(VReg),
}

#[derive(Clone, Debug, PartialEq)]
pub enum Op {
    /// `dst = value` for integer and pointer types (truncated to `dst`'s width).
    Const {
        dst: VReg,
        value: i64,
    },
    /// `dst = value` for float types (rounded to F32 if `dst` is F32).
    FConst {
        dst: VReg,
        value: f64,
    },
    /// `dst = &slot`
    SlotAddr {
        dst: VReg,
        slot: SlotId,
    },
    /// `dst = &incoming_args[offset]`: the caller's outgoing area as seen by this function (ABI0).
    ArgAddr {
        dst: VReg,
        offset: u32,
    },
    /// `dst = &outgoing_args[offset]`: the area at the bottom of this frame where the next `CallGo` finds
    /// its arguments and leaves its results.
    OutArgAddr {
        dst: VReg,
        offset: u32,
    },
    /// `dst = &sym + offset`: a global variable, read-only data, or a function's code.
    SymAddr {
        dst: VReg,
        sym: String,
        offset: i64,
    },
    /// `dst = *(addr + offset)`, width of `dst`'s type.
    Load {
        dst: VReg,
        addr: VReg,
        offset: i32,
    },
    /// `*(addr + offset) = src`, width of `src`'s type.
    Store {
        addr: VReg,
        offset: i32,
        src: VReg,
    },
    /// `dst = src` (same type).
    Copy {
        dst: VReg,
        src: VReg,
    },
    Unary {
        op: UnOp,
        dst: VReg,
        x: VReg,
    },
    Binary {
        op: BinOp,
        dst: VReg,
        x: VReg,
        y: VReg,
    },
    /// `dst = x cond y ? 1 : 0`; `dst` is I8.
    Cmp {
        cond: Cond,
        dst: VReg,
        x: VReg,
        y: VReg,
    },
    Convert {
        op: ConvOp,
        dst: VReg,
        src: VReg,
    },
    /// Copy `size` bytes; the ranges may overlap (memmove semantics).
    MemCopy {
        dst: VReg,
        src: VReg,
        size: u64,
    },
    /// Zero `size` bytes at `addr`.
    MemZero {
        addr: VReg,
        size: u64,
    },
    /// Call a Go function (ABI0). `args_size` is the size of the argument + result area it uses.
    CallGo {
        callee: Callee,
        args_size: u32,
    },
    /// Call a runtime function with the platform C ABI. `args` are scalars (integers in order in integer
    /// registers, floats in float registers); `rets` receives up to two scalar results (amd64: RAX, RDX or
    /// XMM0).
    CallRt {
        sym: String,
        args: Vec<VReg>,
        rets: Vec<VReg>,
    },
    /// `dst` = the closure context this function was called with (the func value), for function literals.
    ClosureCtx {
        dst: VReg,
    },
}

/// A block's single exit.
#[derive(Clone, Debug, PartialEq)]
pub enum Term {
    Jump(BlockId),
    /// Go to `then` if `cond` (I8) is non-zero, else to `els`.
    Branch {
        cond: VReg,
        then: BlockId,
        els: BlockId,
    },
    /// Return to the caller; results have been stored in the incoming area.
    Return,
    /// Control never gets here (after a call that does not return, e.g. a runtime panic).
    Unreachable,
}

/// An operation with the source line it comes from (0 = none), for line tables and tracebacks. A line
/// with [`LINE_EXT`] set is not in the function's own file (a `//line` directive changed the file): its
/// low bits index [`Func::ext_lines`], and [`Func::source_line`] reads either kind.
#[derive(Clone, Debug, PartialEq)]
pub struct Inst {
    pub line: u32,
    pub op: Op,
}

#[derive(Clone, Debug, PartialEq)]
pub struct Block {
    pub insts: Vec<Inst>,
    pub term: Term,
    /// Source line of the terminator.
    pub term_line: u32,
    /// SSA form only (between the passes `ssa` and `unssa`): the block's parameters, written on entry with
    /// the arguments the edge taken passes (Cranelift's block parameters, the phis of the literature).
    pub params: Vec<VReg>,
    /// SSA form only: per edge, in the order of `term.succs()`, the values passed to that successor's
    /// `params`. Empty when no successor has parameters; else one list per edge.
    pub args: Vec<Vec<VReg>>,
}

impl Block {
    /// A block without parameters or arguments (every block outside SSA form).
    pub fn new(insts: Vec<Inst>, term: Term, term_line: u32) -> Block {
        Block { insts, term, term_line, params: Vec::new(), args: Vec::new() }
    }
    /// The arguments passed along edge `i` of `term.succs()` (empty when there are none).
    pub fn edge_args(&self, i: usize) -> &[VReg] {
        self.args.get(i).map_or(&[], |a| a.as_slice())
    }
}

/// A stack slot: memory in this function's frame.
#[derive(Clone, Debug, PartialEq)]
pub struct Slot {
    pub size: u64,
    pub align: u32,
    /// A name for dumps (the Go variable, or a description of the temporary).
    pub name: String,
}

#[derive(Clone, Debug, PartialEq)]
pub struct Func {
    /// The linker symbol, named as gc names it: `main.main`, `main.(*T).M`, `main.T.M`, `main.f.func1`.
    pub name: String,
    /// The source file as tracebacks print it (machine-independent).
    pub file: String,
    /// Line of the `func` keyword.
    pub line: u32,
    /// Size of the incoming argument + result area (ABI0).
    pub args_size: u32,
    pub vregs: Vec<Ty>,
    pub slots: Vec<Slot>,
    pub blocks: Vec<Block>,
    /// What the lowering tells the escape analysis about this function's allocations and parameters, and
    /// what the analysis found (`opt/escape.rs`).
    pub escape: EscapeNotes,
    /// The positions of the lines with [`LINE_EXT`] set: lines in other files than `file`, or code of an
    /// inlined call. Empty unless `//line` directives name files or calls were inlined; positions free of
    /// them never need it (positions are below 2^30, as gc's, so bit 31 is free).
    pub ext_lines: Vec<ExtLine>,
    /// The calls inlined into this function (gc's inline tree, `FUNCDATA_InlTree`): an [`ExtLine::inl`]
    /// indexes it; a call's parent is the inlined call its own call site lies in.
    pub inl: Vec<InlCall>,
    /// The declaration asks not to be inlined (`//go:noinline` and the directives gc treats alike).
    pub noinline: bool,
}

/// A position a line value with [`LINE_EXT`] stands for.
#[derive(Clone, Debug, PartialEq, Eq, Hash)]
pub struct ExtLine {
    pub file: String,
    pub line: u32,
    /// The inlined call (an index into [`Func::inl`]) whose body the code comes from; `None` for the
    /// function's own code.
    pub inl: Option<u32>,
}

/// One inlined call: the callee, and the line value of the call site (in the caller's terms, so its own
/// `inl` is the parent call, or `None` for a call the function itself makes).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct InlCall {
    pub func: String,
    pub call: u32,
}

/// The bit of [`Inst::line`] that makes the rest an index into [`Func::ext_lines`].
pub const LINE_EXT: u32 = 1 << 31;

impl Func {
    /// The file and line a line value of this function's instructions stands for.
    pub fn source_line(&self, line: u32) -> (&str, u32) {
        if line & LINE_EXT != 0 {
            if let Some(e) = self.ext_lines.get((line & !LINE_EXT) as usize) {
                return (&e.file, e.line);
            }
        }
        (&self.file, line)
    }

    /// The inlined call a line value's code comes from, if any.
    pub fn inl_of(&self, line: u32) -> Option<u32> {
        if line & LINE_EXT == 0 {
            return None;
        }
        self.ext_lines.get((line & !LINE_EXT) as usize).and_then(|e| e.inl)
    }

    /// The line value of `pos`, adding an [`ExtLine`] when it needs one.
    pub fn line_value(&mut self, pos: ExtLine) -> u32 {
        if pos.inl.is_none() && pos.file == self.file {
            return pos.line;
        }
        let i = match self.ext_lines.iter().position(|e| *e == pos) {
            Some(i) => i,
            None => {
                self.ext_lines.push(pos);
                self.ext_lines.len() - 1
            }
        };
        LINE_EXT | i as u32
    }
}

/// The lowering's account of one function for escape analysis (`opt/escape.rs`), and the analysis's
/// findings, which `-gcflags=-m` reports. Only the allocations listed here may be moved to the stack: an
/// allocating runtime call the lowering did not list stays on the heap.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct EscapeNotes {
    pub sites: Vec<AllocSite>,
    pub params: Vec<ParamNote>,
    /// End of the parameters in the incoming area (results follow); `None` when unknown (generated
    /// functions), and then every store into the incoming area counts as an escape.
    pub params_end: Option<u32>,
    /// Per word of the parameters (when `params_end` is known): whether it may hold a pointer. Words that
    /// cannot (integers, lengths) are not followed, as gc does not follow them.
    pub ptr_words: Vec<bool>,
    /// The results as gc names them in `-m` reports (`r`, or `~rN` for the N-th when unnamed), with their
    /// offset in the incoming area.
    pub results: Vec<(String, u32)>,
}

/// An allocation the lowering made with `g1c_newobject`, `g1c_newarray`, `g1c_alloc` or
/// `g1c_makeslice_typed`, identified by the vreg that call writes (a fresh vreg, written once).
#[derive(Clone, Debug, PartialEq)]
pub struct AllocSite {
    pub dst: VReg,
    /// Where gc reports it (`-m`): the variable's declaration, the `&` of `&T{}`, the `(` of a call.
    pub pos: crate::syntax::pos::Pos,
    pub what: SiteKind,
    /// Set by the escape analysis: the value stays on the heap. Until it runs, everything is on the heap.
    pub escapes: bool,
}

/// What an [`AllocSite`] allocates, in gc's words.
#[derive(Clone, Debug, PartialEq)]
pub enum SiteKind {
    /// A variable whose address is taken or that a closure captures ("moved to heap: x"); may be as large
    /// as gc's `MaxStackVarSize` on the stack.
    Var(String),
    /// An implicit allocation (`new(T)`, `&T{...}`, `make([]T, n)`, a func literal, a `...` argument): "X
    /// escapes to heap" or "X does not escape"; at most gc's `MaxImplicitStackVarSize` on the stack.
    Expr(String),
    /// An implicit allocation gc reports differently or not at all (a value boxed in an interface): never
    /// reported.
    Quiet,
}

/// A parameter that holds pointers, at `offset..offset + size` of the incoming area.
#[derive(Clone, Debug, PartialEq)]
pub struct ParamNote {
    pub name: String,
    pub pos: crate::syntax::pos::Pos,
    pub offset: u32,
    pub size: u32,
    /// Set by the escape analysis ("leaking param: p"); until it runs, every parameter leaks.
    pub escapes: bool,
    /// Set by the escape analysis: pointers read through the parameter may escape ("leaking param
    /// content: p").
    pub content_escapes: bool,
    /// Set by the escape analysis when the parameter does not escape but the function may return it (level
    /// 0) or a pointer read through it (level 1): the result's name and the level ("leaking param: p to
    /// result ~r0 level=0"). Callers then follow the result as they follow the argument.
    pub to_result: Option<(String, u8)>,
}

impl Func {
    pub fn new_vreg(&mut self, ty: Ty) -> VReg {
        self.vregs.push(ty);
        VReg(self.vregs.len() as u32 - 1)
    }
    pub fn new_slot(&mut self, size: u64, align: u32, name: impl Into<String>) -> SlotId {
        self.slots.push(Slot { size, align, name: name.into() });
        SlotId(self.slots.len() as u32 - 1)
    }
    pub fn ty(&self, v: VReg) -> Ty {
        self.vregs[v.0 as usize]
    }
    /// The function calls a runtime function that may return a second time ([`RETURNS_TWICE`]): control
    /// flow the blocks do not show, so the optimizer and the register allocators leave it as lowered (every
    /// vreg in memory, where the second return finds it).
    pub fn returns_twice(&self) -> bool {
        self.blocks.iter().flat_map(|b| &b.insts).any(|i| match &i.op {
            Op::CallRt { sym, .. } => RETURNS_TWICE.contains(&sym.as_str()),
            _ => false,
        })
    }
}

/// Runtime functions that may return again after they have returned: `g1c_deferproc` returns 1 when a
/// deferred call recovers a panic, from any later point of the function (rt/src/defer.rs).
pub const RETURNS_TWICE: &[&str] = &["g1c_deferproc", "g1c_deferprocstack"];

/// Where a global's bytes go.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum DataKind {
    /// Read-only (string bytes, static closures of top-level functions).
    ReadOnly,
    /// Writable, with initial contents.
    Data,
    /// Writable, zero-initialized (package-level variables).
    Bss,
}

/// An address stored in a global: `bytes[offset..offset+word] = &target + addend` (kind `Addr`), or a 32-bit
/// offset from the image base (kind `ImageOff32`).
#[derive(Clone, Debug, PartialEq, Eq, Hash)]
pub struct DataReloc {
    pub offset: u32,
    pub target: String,
    pub addend: i64,
    pub kind: DataRelocKind,
}

/// What a [`DataReloc`] stores.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash)]
pub enum DataRelocKind {
    /// A word: the target's address.
    #[default]
    Addr,
    /// 4 bytes: the target's address minus the image base (gc's `nameOff`, `typeOff`, `textOff`; see
    /// docs/RUNTIME-ABI.md "Type descriptors").
    ImageOff32,
}

impl DataReloc {
    /// A word holding `&target + addend`.
    pub fn addr(offset: u32, target: impl Into<String>, addend: i64) -> DataReloc {
        DataReloc { offset, target: target.into(), addend, kind: DataRelocKind::Addr }
    }
    /// Width in bytes of the patched field on a target with `ptr_size`-byte pointers.
    pub fn width(&self, ptr_size: u64) -> u64 {
        match self.kind {
            DataRelocKind::Addr => ptr_size,
            DataRelocKind::ImageOff32 => 4,
        }
    }
}

/// A global symbol with its contents.
#[derive(Clone, Debug, PartialEq)]
pub struct Data {
    pub name: String,
    pub kind: DataKind,
    pub align: u32,
    /// Size in bytes; `bytes` is empty for `Bss`, else `bytes.len() == size`.
    pub size: u64,
    pub bytes: Vec<u8>,
    pub relocs: Vec<DataReloc>,
}

/// A whole program in IR.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Module {
    pub funcs: Vec<Func>,
    pub data: Vec<Data>,
}

impl Op {
    /// Calls `f` with every vreg the operation reads, in operand order.
    pub fn for_each_use(&self, mut f: impl FnMut(VReg)) {
        match self {
            Op::Const { .. }
            | Op::FConst { .. }
            | Op::SlotAddr { .. }
            | Op::ArgAddr { .. }
            | Op::OutArgAddr { .. }
            | Op::SymAddr { .. }
            | Op::ClosureCtx { .. } => {}
            Op::Load { addr, .. } | Op::MemZero { addr, .. } => f(*addr),
            Op::Store { addr, src, .. } => {
                f(*addr);
                f(*src)
            }
            Op::Copy { src, .. } | Op::Convert { src, .. } => f(*src),
            Op::Unary { x, .. } => f(*x),
            Op::Binary { x, y, .. } | Op::Cmp { x, y, .. } => {
                f(*x);
                f(*y)
            }
            Op::MemCopy { dst, src, .. } => {
                f(*dst);
                f(*src)
            }
            Op::CallGo { callee: Callee::Closure(c), .. } => f(*c),
            Op::CallGo { .. } => {}
            Op::CallRt { args, .. } => args.iter().for_each(|a| f(*a)),
        }
    }

    /// Replaces every vreg the operation reads by `f(vreg)`.
    pub fn map_uses(&mut self, mut f: impl FnMut(VReg) -> VReg) {
        match self {
            Op::Const { .. }
            | Op::FConst { .. }
            | Op::SlotAddr { .. }
            | Op::ArgAddr { .. }
            | Op::OutArgAddr { .. }
            | Op::SymAddr { .. }
            | Op::ClosureCtx { .. } => {}
            Op::Load { addr, .. } | Op::MemZero { addr, .. } => *addr = f(*addr),
            Op::Store { addr, src, .. } => {
                *addr = f(*addr);
                *src = f(*src)
            }
            Op::Copy { src, .. } | Op::Convert { src, .. } => *src = f(*src),
            Op::Unary { x, .. } => *x = f(*x),
            Op::Binary { x, y, .. } | Op::Cmp { x, y, .. } => {
                *x = f(*x);
                *y = f(*y)
            }
            Op::MemCopy { dst, src, .. } => {
                *dst = f(*dst);
                *src = f(*src)
            }
            Op::CallGo { callee: Callee::Closure(c), .. } => *c = f(*c),
            Op::CallGo { .. } => {}
            Op::CallRt { args, .. } => args.iter_mut().for_each(|a| *a = f(*a)),
        }
    }

    /// Calls `f` with every vreg the operation writes.
    pub fn for_each_def(&self, mut f: impl FnMut(VReg)) {
        match self {
            Op::Const { dst, .. }
            | Op::FConst { dst, .. }
            | Op::SlotAddr { dst, .. }
            | Op::ArgAddr { dst, .. }
            | Op::OutArgAddr { dst, .. }
            | Op::SymAddr { dst, .. }
            | Op::ClosureCtx { dst }
            | Op::Load { dst, .. }
            | Op::Copy { dst, .. }
            | Op::Convert { dst, .. }
            | Op::Unary { dst, .. }
            | Op::Binary { dst, .. }
            | Op::Cmp { dst, .. } => f(*dst),
            Op::CallRt { rets, .. } => rets.iter().for_each(|r| f(*r)),
            Op::Store { .. } | Op::MemCopy { .. } | Op::MemZero { .. } | Op::CallGo { .. } => {}
        }
    }

    /// Replaces every vreg the operation writes by `f(vreg)`.
    pub fn map_defs(&mut self, mut f: impl FnMut(VReg) -> VReg) {
        match self {
            Op::Const { dst, .. }
            | Op::FConst { dst, .. }
            | Op::SlotAddr { dst, .. }
            | Op::ArgAddr { dst, .. }
            | Op::OutArgAddr { dst, .. }
            | Op::SymAddr { dst, .. }
            | Op::ClosureCtx { dst }
            | Op::Load { dst, .. }
            | Op::Copy { dst, .. }
            | Op::Convert { dst, .. }
            | Op::Unary { dst, .. }
            | Op::Binary { dst, .. }
            | Op::Cmp { dst, .. } => *dst = f(*dst),
            Op::CallRt { rets, .. } => rets.iter_mut().for_each(|r| *r = f(*r)),
            Op::Store { .. } | Op::MemCopy { .. } | Op::MemZero { .. } | Op::CallGo { .. } => {}
        }
    }

    /// The single vreg the operation writes, for operations that write exactly one.
    pub fn dst(&self) -> Option<VReg> {
        let mut d = None;
        let mut n = 0;
        self.for_each_def(|v| {
            d = Some(v);
            n += 1
        });
        if n == 1 {
            d
        } else {
            None
        }
    }

    /// The operation has no effect other than writing its result: it may be removed when the result is not
    /// used. Loads are not pure: a load through nil faults, and the fault is Go's nil-pointer panic.
    /// Division is pure because the lowering checks the divisor before dividing.
    pub fn is_pure(&self) -> bool {
        matches!(
            self,
            Op::Const { .. }
                | Op::FConst { .. }
                | Op::SlotAddr { .. }
                | Op::ArgAddr { .. }
                | Op::OutArgAddr { .. }
                | Op::SymAddr { .. }
                | Op::ClosureCtx { .. }
                | Op::Copy { .. }
                | Op::Convert { .. }
                | Op::Unary { .. }
                | Op::Binary { .. }
                | Op::Cmp { .. }
        )
    }
}

impl Term {
    /// The blocks control may go to next.
    pub fn succs(&self) -> Vec<BlockId> {
        match self {
            Term::Jump(b) => vec![*b],
            Term::Branch { then, els, .. } => vec![*then, *els],
            Term::Return | Term::Unreachable => vec![],
        }
    }
    /// The vreg the terminator reads, if any.
    pub fn used(&self) -> Option<VReg> {
        match self {
            Term::Branch { cond, .. } => Some(*cond),
            _ => None,
        }
    }
}
