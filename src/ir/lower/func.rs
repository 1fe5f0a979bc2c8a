//! The function builder: one [`Fb`] turns one Go function body into one IR [`Func`].
//!
//! In: parameters, results and the body of a function declaration or literal. Out: a `Func` whose blocks
//! are reachable from `b0` (dead blocks are dropped and the rest renumbered in creation order by
//! [`Fb::finish`]).
//!
//! Invariants: the builder always has an open current block; terminating it (`jump`, `branch`, `ret`, a
//! call that does not return) opens a fresh, unreachable one, so code after `return` or `panic` is simply
//! dropped. Vregs may be assigned more than once (a scalar local is one vreg for its whole life).

use std::collections::{HashMap, HashSet};

use super::Lowerer;
use crate::ir::{
    AllocSite, BinOp, Block, BlockId, Cond, ConvOp, Func, Inst, Op, ParamNote, SiteKind, SlotId, Term, Ty, VReg,
};
use crate::syntax::ast::{Ast, Block as AstBlock, ExprId};
use crate::syntax::pos::Pos;
use crate::types::sizes;
use crate::types::{BasicKind, ObjId, ObjKind, Program, TypeAndValue, TypeId, TypeKind, TypeTable};

/// A Go value during lowering: a scalar in a vreg, or an aggregate in memory (the vreg holds its address).
/// An `M` value may alias a variable: copy it ([`Fb::to_temp`]) before the variable can change.
#[derive(Clone, Copy, Debug)]
pub(super) enum Val {
    S(VReg),
    M(VReg),
}

impl Val {
    /// The vreg: the scalar, or the aggregate's address.
    pub fn v(self) -> VReg {
        match self {
            Val::S(v) | Val::M(v) => v,
        }
    }
}

/// Where a variable lives.
#[derive(Clone, Debug)]
pub(super) enum VarLoc {
    /// A scalar whose address is never taken: a vreg.
    Reg(VReg),
    /// An aggregate in this frame.
    Slot(SlotId),
    /// An aggregate parameter, left where the caller put it (ABI0 incoming area).
    Arg(u32),
    /// A variable on the heap (address taken or captured); the vreg holds its address.
    Heap(VReg),
    /// A package-level variable.
    Global(String),
}

/// The target of an assignment.
#[derive(Clone, Copy, Debug)]
pub(super) enum LVal {
    Reg(VReg),
    Mem(VReg),
    Blank,
    /// `m[key]` of map type `t` (`maps.rs`): the entry is created when stored to.
    Map {
        t: TypeId,
        m: VReg,
        key: VReg,
    },
}

/// Where `break` and `continue` go for an enclosing `for`, `range` or `switch`.
pub(super) struct Target {
    pub label: Option<String>,
    pub brk: BlockId,
    pub cont: Option<BlockId>,
}

pub(super) struct Fb<'a, 'b> {
    pub lw: &'b mut Lowerer<'a>,
    pub ast: &'a Ast,
    pub prog: &'a Program,
    /// The lowering's type table (`Lowerer::types`); `prog.types` lacks the instances of generic types.
    pub types: &'a TypeTable,
    /// Inside an instance of a generic function: generic type → concrete type (`generic.rs`).
    pub subst: Option<&'a HashMap<TypeId, TypeId>>,
    pub f: Func,
    pub cur: BlockId,
    /// Source line given to the instructions emitted now.
    pub line: u32,
    pub vars: HashMap<ObjId, VarLoc>,
    /// Results: object (when named), type, offset in the incoming area.
    pub results: Vec<(Option<ObjId>, TypeId, u32)>,
    pub targets: Vec<Target>,
    pub labels: HashMap<String, BlockId>,
    /// Function literals inside are named `closure_prefix` + a counter from 1.
    pub closure_prefix: String,
    pub closures: u32,
    /// The body block of the next case clause, while lowering a clause that may `fallthrough`.
    pub fallthrough_to: Option<BlockId>,
    /// Vregs made by [`Fb::iconst`] (never reassigned) and their values, to skip checks that cannot fail.
    pub consts: HashMap<VReg, i64>,
    /// The body contains a `defer` statement: returns go through `defer_exit` (conc.rs).
    pub has_defer: bool,
    /// The body contains a `goto`, which may run a `defer` outside any loop more than once: every defer
    /// record is allocated (conc.rs `defer_stmt`).
    pub defer_may_repeat: bool,
    /// The path a recovered panic resumes on in a function with defers: `g1c_deferreturn` at the line of
    /// the body's closing brace, then `defer_results`.
    pub defer_exit: Option<BlockId>,
    /// The shared end of every return of a function with defers: the named results copied out, return.
    pub defer_results: Option<BlockId>,
    /// The line of the body's closing brace (set by `begin_defers`).
    pub end_line: u32,
    /// In the wrapper of `defer recover()`: the deferring function's argument address, which `recover`
    /// passes to the runtime instead of this function's own (conc.rs).
    pub recover_argp: Option<VReg>,
    /// Expressions whose values were computed elsewhere (the arguments of a wrapped `go`/`defer` builtin
    /// call, conc.rs): [`Fb::expr`] returns these instead of evaluating the expression.
    pub bound: HashMap<ExprId, Val>,
    /// Counter for the wrappers of `go`/`defer` builtin calls (`f.gowrap1`, `f.deferwrap1`).
    pub wraps: u32,
    /// Addresses computed from a possibly-nil pointer (`*p`, `p.f` at offset 0, `p[0]`) that nothing has
    /// probed yet. gc nil-checks every dereference and drops the check when an access at a small offset
    /// follows, whose own fault does the job. g1c does the converse: such an address is probed
    /// ([`Fb::check_addr`]) only where no access will fault for it: when it escapes as a pointer (`&*p`,
    /// `&p.f`, a pointer receiver, slicing `*p`), when the access has size 0 (`*p == *q` of `struct{}`),
    /// when the value is discarded (`_ = *p`), and before an access beyond the guard page (offset ≥
    /// [`MIN_ZERO_PAGE`]). Membership is a hint: a stale entry only costs a redundant probe.
    pub unchecked: HashSet<VReg>,
    /// Where a frame that is too large is reported: the name of a declared function, the `func` of a
    /// literal; `None` for generated functions (wrappers), which gc does not check either.
    pub frame_pos: Option<Pos>,
    /// The `(` of the call whose arguments are being lowered: where gc reports a `...` argument's slice.
    pub call_lparen: Pos,
    /// Where each (file, line) of `f.ext_lines` is, to give each one index.
    ext_index: HashMap<(String, u32), u32>,
}

/// gc's `maxStackSize`: a function whose locals, own arguments or locals plus outgoing arguments reach
/// 1 GB is refused ("stack frame too large (>1GB)"), at its position.
const MAX_STACK_SIZE: u64 = 1 << 30;

/// Variables (and temporaries) larger than this live on the heap, as gc's `ir.MaxStackVarSize` (10 MB) moves them: frames
/// stay far below the 1 GB codegen accepts (`[1 << 30]byte` locals, fixedbugs/bug361.go), and a goroutine
/// does not need a stack segment of the variable's size. Unlike gc, g1c moves large parameters and named
/// results too (they are copied from the argument area into the variable, and back at `return`).
pub(super) const MAX_STACK_VAR_SIZE: u64 = 10 << 20;

/// Temporaries (values no Go variable names: composite literals, conversions, copies) larger than this live
/// on the heap, gc's `ir.MaxImplicitStackVarSize` (64 KB) for implicit variables. gc's SSA usually builds
/// such a value in its destination; without that, a frame holding the temporary would exceed a small
/// `debug.SetMaxStack` (`*p = T{...}` of a 1 MB `T` in a goroutine, fixedbugs/issue18636.go).
pub(super) const MAX_IMPLICIT_STACK_VAR_SIZE: u64 = 64 << 10;

/// gc's `minZeroPage`: no access below this address succeeds (the kernel maps nothing there), so an
/// access at a smaller offset from a nil pointer faults on its own, and gc's nil check can be left to it.
pub(super) const MIN_ZERO_PAGE: i64 = 4096;

/// The file of code the compiler made up, as gc names it (docs/RUNTIME-ABI.md: rt reads it as the mark of
/// a wrapper).
pub const AUTOGENERATED: &str = "<autogenerated>";

impl<'a, 'b> Fb<'a, 'b> {
    /// Marks the function as one the compiler made up (a method wrapper): gc places its code at
    /// `<autogenerated>:1`, which tracebacks show and by which rt knows a wrapper to leave out of
    /// `runtime.Callers` and tracebacks (gc's `funcID_wrapper`).
    pub fn autogenerated(&mut self) {
        self.f.file = AUTOGENERATED.to_string();
        self.f.line = 1;
        self.line = 1;
    }

    pub fn new(lw: &'b mut Lowerer<'a>, name: String, pos: Pos, closure_prefix: String) -> Fb<'a, 'b> {
        let fset = lw.fset;
        let (file, line) = fset.trace_position(pos).map(|(f, l)| (f.to_string(), l)).unwrap_or_default();
        let f = Func {
            name,
            file,
            line,
            args_size: 0,
            vregs: Vec::new(),
            slots: Vec::new(),
            blocks: Vec::new(),
            escape: Default::default(),
            ext_lines: Vec::new(),
            inl: Vec::new(),
            noinline: false,
        };
        let (ast, prog, types, subst) = (lw.ast, lw.prog, lw.types, lw.subst);
        let mut fb = Fb {
            lw,
            ast,
            prog,
            types,
            subst,
            f,
            cur: BlockId(0),
            line,
            vars: HashMap::new(),
            results: Vec::new(),
            targets: Vec::new(),
            labels: HashMap::new(),
            closure_prefix,
            closures: 0,
            fallthrough_to: None,
            consts: HashMap::new(),
            has_defer: false,
            defer_may_repeat: false,
            defer_exit: None,
            defer_results: None,
            end_line: 0,
            recover_argp: None,
            bound: HashMap::new(),
            wraps: 0,
            unchecked: HashSet::new(),
            frame_pos: None,
            call_lparen: Pos::NONE,
            ext_index: HashMap::new(),
        };
        fb.cur = fb.new_block();
        fb
    }

    // ---- Positions and errors ----

    /// The line value instructions from `pos` carry: the line, or when a `//line` directive put `pos` in
    /// another file than the function's, an index into `ext_lines` (`ir::LINE_EXT`).
    pub fn line_of(&mut self, pos: Pos) -> u32 {
        let Some((file, line)) = self.lw.fset.trace_position(pos) else { return 0 };
        if file == self.f.file {
            return line;
        }
        let ext = &mut self.f.ext_lines;
        let i = *self.ext_index.entry((file.to_string(), line)).or_insert_with(|| {
            ext.push(crate::ir::ExtLine { file: file.to_string(), line, inl: None });
            ext.len() as u32 - 1
        });
        i | crate::ir::LINE_EXT
    }

    pub fn set_pos(&mut self, pos: Pos) {
        if pos.is_known() {
            self.line = self.line_of(pos);
        }
    }

    pub fn unsupported(&mut self, pos: Pos, feature: &str) {
        self.lw.error(pos, format!("{feature} not supported yet"));
    }

    // ---- Blocks ----

    pub fn new_block(&mut self) -> BlockId {
        self.f.blocks.push(Block::new(Vec::new(), Term::Unreachable, 0));
        BlockId(self.f.blocks.len() as u32 - 1)
    }

    /// Ends the current block with `t` and opens a fresh (so far unreachable) one.
    pub fn terminate(&mut self, t: Term) {
        let line = self.line;
        let b = &mut self.f.blocks[self.cur.0 as usize];
        b.term = t;
        b.term_line = line;
        self.cur = self.new_block();
    }

    pub fn switch_to(&mut self, b: BlockId) {
        self.cur = b;
    }

    pub fn jump(&mut self, b: BlockId) {
        self.terminate(Term::Jump(b));
    }

    pub fn branch(&mut self, cond: VReg, then: BlockId, els: BlockId) {
        self.terminate(Term::Branch { cond, then, els });
    }

    /// Drops blocks unreachable from the entry and renumbers the rest, keeping their order.
    pub fn finish(mut self) -> Func {
        let n = self.f.blocks.len();
        let mut seen = vec![false; n];
        let mut stack = vec![0usize];
        while let Some(b) = stack.pop() {
            if seen[b] {
                continue;
            }
            seen[b] = true;
            match &self.f.blocks[b].term {
                Term::Jump(t) => stack.push(t.0 as usize),
                Term::Branch { then, els, .. } => {
                    stack.push(then.0 as usize);
                    stack.push(els.0 as usize);
                }
                Term::Return | Term::Unreachable => {}
            }
        }
        let mut map = vec![u32::MAX; n];
        let mut k = 0;
        for (i, s) in seen.iter().enumerate() {
            if *s {
                map[i] = k;
                k += 1;
            }
        }
        let blocks = std::mem::take(&mut self.f.blocks);
        for (i, mut b) in blocks.into_iter().enumerate() {
            if !seen[i] {
                continue;
            }
            match &mut b.term {
                Term::Jump(t) => t.0 = map[t.0 as usize],
                Term::Branch { then, els, .. } => {
                    then.0 = map[then.0 as usize];
                    els.0 = map[els.0 as usize];
                }
                Term::Return | Term::Unreachable => {}
            }
            self.f.blocks.push(b);
        }
        self.check_frame_size();
        self.f
    }

    /// Reports a frame over [`MAX_STACK_SIZE`] as gc's `CheckLargeStacks` does (sizes in MB, rounded
    /// down); locals are the stack slots (variables over `MAX_STACK_VAR_SIZE` are on the heap already).
    fn check_frame_size(&mut self) {
        let Some(pos) = self.frame_pos else { return };
        let mut locals = 0u64;
        for s in &self.f.slots {
            let a = (s.align as u64).max(1);
            locals = (locals + s.size).div_ceil(a) * a;
        }
        let args = self.f.args_size as u64;
        let mut callee = 0u64;
        for b in &self.f.blocks {
            for i in &b.insts {
                if let Op::CallGo { args_size, .. } = &i.op {
                    callee = callee.max(*args_size as u64);
                }
            }
        }
        let msg = if locals >= MAX_STACK_SIZE || args >= MAX_STACK_SIZE {
            format!("stack frame too large (>1GB): {} MB locals + {} MB args", locals >> 20, args >> 20)
        } else if locals + callee >= MAX_STACK_SIZE {
            format!(
                "stack frame too large (>1GB): {} MB locals + {} MB args + {} MB callee",
                locals >> 20,
                args >> 20,
                callee >> 20
            )
        } else {
            return;
        };
        self.lw.error(pos, msg);
    }

    // ---- Instructions ----

    pub fn emit(&mut self, op: Op) {
        let line = self.line;
        self.f.blocks[self.cur.0 as usize].insts.push(Inst { line, op });
    }

    pub fn vreg(&mut self, ty: Ty) -> VReg {
        self.f.new_vreg(ty)
    }

    pub fn ty(&self, v: VReg) -> Ty {
        self.f.ty(v)
    }

    pub fn iconst(&mut self, ty: Ty, value: i64) -> VReg {
        let dst = self.vreg(ty);
        self.emit(Op::Const { dst, value });
        self.consts.insert(dst, value);
        dst
    }

    pub fn fconst(&mut self, ty: Ty, value: f64) -> VReg {
        let dst = self.vreg(ty);
        self.emit(Op::FConst { dst, value });
        dst
    }

    pub fn binary(&mut self, op: BinOp, x: VReg, y: VReg) -> VReg {
        let dst = self.vreg(self.ty(x));
        self.emit(Op::Binary { op, dst, x, y });
        dst
    }

    pub fn cmp(&mut self, cond: Cond, x: VReg, y: VReg) -> VReg {
        let dst = self.vreg(Ty::I8);
        self.emit(Op::Cmp { cond, dst, x, y });
        dst
    }

    pub fn conv(&mut self, op: ConvOp, ty: Ty, src: VReg) -> VReg {
        let dst = self.vreg(ty);
        self.emit(Op::Convert { op, dst, src });
        dst
    }

    pub fn copy(&mut self, src: VReg) -> VReg {
        let dst = self.vreg(self.ty(src));
        self.emit(Op::Copy { dst, src });
        dst
    }

    pub fn load(&mut self, ty: Ty, addr: VReg, offset: i64) -> VReg {
        if offset >= MIN_ZERO_PAGE {
            self.check_addr(addr);
        }
        let dst = self.vreg(ty);
        self.emit(Op::Load { dst, addr, offset: offset as i32 });
        dst
    }

    pub fn store(&mut self, addr: VReg, offset: i64, src: VReg) {
        if offset >= MIN_ZERO_PAGE {
            self.check_addr(addr);
        }
        self.emit(Op::Store { addr, offset: offset as i32, src });
    }

    pub fn slot_addr(&mut self, slot: SlotId) -> VReg {
        let dst = self.vreg(Ty::Ptr);
        self.emit(Op::SlotAddr { dst, slot });
        dst
    }

    pub fn sym_addr(&mut self, sym: &str) -> VReg {
        let dst = self.vreg(Ty::Ptr);
        self.emit(Op::SymAddr { dst, sym: sym.to_string(), offset: 0 });
        dst
    }

    pub fn memcopy(&mut self, dst: VReg, src: VReg, size: u64) {
        if size > 0 {
            self.emit(Op::MemCopy { dst, src, size });
        } else {
            // nothing is read or written: a nil pointer must still panic (gc's nil checks)
            self.check_addr(src);
            self.check_addr(dst);
        }
    }

    pub fn memzero(&mut self, addr: VReg, size: u64) {
        if size > 0 {
            self.emit(Op::MemZero { addr, size });
        } else {
            self.check_addr(addr);
        }
    }

    /// gc's nil check: a one-byte probe load at `p`, so a nil pointer faults at address 0 and the SIGSEGV
    /// handler turns it into the nil dereference panic (with gc's `[signal SIGSEGV ...]` line).
    pub fn nil_check(&mut self, p: VReg) {
        self.unchecked.remove(&p);
        let dst = self.vreg(Ty::I8);
        self.emit(Op::Load { dst, addr: p, offset: 0 });
    }

    /// Probes `a` if it is an unchecked address (see [`Fb::unchecked`]).
    pub fn check_addr(&mut self, a: VReg) {
        if self.unchecked.contains(&a) {
            self.nil_check(a);
        }
    }

    /// `base + off` (a pointer).
    pub fn add_off(&mut self, base: VReg, off: i64) -> VReg {
        if off == 0 {
            return base;
        }
        let c = self.iconst(Ty::Ptr, off);
        self.binary(BinOp::Add, base, c)
    }

    /// `base + idx * stride` where `idx` is an `INT`.
    pub fn index_addr(&mut self, base: VReg, idx: VReg, stride: u64) -> VReg {
        let off = if stride == 1 {
            idx
        } else {
            let s = self.iconst(self.int(), stride as i64);
            self.binary(BinOp::Mul, idx, s)
        };
        let off = self.conv(ConvOp::Bitcast, Ty::Ptr, off);
        self.binary(BinOp::Add, base, off)
    }

    /// A runtime call with scalar arguments; returns fresh vregs of the given result types.
    pub fn call_rt(&mut self, sym: &str, args: Vec<VReg>, rets: &[Ty]) -> Vec<VReg> {
        let rets: Vec<VReg> = rets.iter().map(|&t| self.vreg(t)).collect();
        self.emit(Op::CallRt { sym: sym.to_string(), args, rets: rets.clone() });
        rets
    }

    /// A runtime call that never returns (a panic): the current block ends as unreachable.
    pub fn call_rt_noreturn(&mut self, sym: &str, args: Vec<VReg>) {
        self.call_rt(sym, args, &[]);
        self.terminate(Term::Unreachable);
    }

    /// Zeroed heap memory of `size` bytes that the collector scans conservatively (every word may be a
    /// pointer): for objects whose words are all pointers (closure contexts).
    pub fn alloc(&mut self, size: u64) -> VReg {
        let n = self.iconst(self.int(), size as i64);
        self.call_rt("g1c_alloc", vec![n], &[Ty::Ptr])[0]
    }

    /// Lists the allocation that wrote `dst` for escape analysis (`opt/escape.rs`), which may move it to the
    /// stack; gc's `-m` reports it at `pos` as `what`.
    pub fn note_alloc(&mut self, dst: VReg, pos: Pos, what: SiteKind) {
        self.f.escape.sites.push(AllocSite { dst, pos, what, escapes: true });
    }

    /// Whether values of type `t` hold pointers (gc reports escape facts only about those).
    pub fn has_pointers(&self, t: TypeId) -> bool {
        let mut bits = Vec::new();
        self.lw.ptr_bitmap(self.sub(t), 0, &mut bits);
        bits.contains(&true)
    }

    /// A zeroed heap value of type `t` (gc's `newobject`), scanned precisely from `t`'s pointer bitmap.
    pub fn new_object(&mut self, t: TypeId) -> VReg {
        let tsym = self.lw.type_sym(t);
        let td = self.sym_addr(&tsym);
        self.call_rt("g1c_newobject", vec![td], &[Ty::Ptr])[0]
    }

    /// `n` zeroed heap values of type `elem` in a row (gc's `newarray`).
    pub fn new_array(&mut self, elem: TypeId, n: u64) -> VReg {
        let tsym = self.lw.type_sym(elem);
        let td = self.sym_addr(&tsym);
        let nv = self.iconst(self.int(), n as i64);
        self.call_rt("g1c_newarray", vec![td, nv], &[Ty::Ptr])[0]
    }

    /// If `ok` is false, call the panic `sym(args)`; continue in a new block otherwise.
    pub fn check(&mut self, ok: VReg, sym: &str, args: Vec<VReg>) {
        let good = self.new_block();
        let bad = self.new_block();
        self.branch(ok, good, bad);
        self.switch_to(bad);
        self.call_rt_noreturn(sym, args);
        self.switch_to(good);
    }

    /// gc's bounds check: `idx < len` (code 0) or `idx <= len` (slice codes), both unsigned; else
    /// `g1c_panic_bounds(code, idx, len, signed)`.
    pub fn bounds_check(&mut self, idx: VReg, len: VReg, code: u64, signed: bool) {
        let cond = if code == 0 { Cond::LtU } else { Cond::LeU };
        let ok = self.cmp(cond, idx, len);
        let good = self.new_block();
        let bad = self.new_block();
        self.branch(ok, good, bad);
        self.switch_to(bad);
        let c = self.iconst(self.int(), code as i64);
        let s = self.iconst(Ty::I8, signed as i64);
        self.call_rt_noreturn("g1c_panic_bounds", vec![c, idx, len, s]);
        self.switch_to(good);
    }

    // ---- Types and layout ----
    //
    // Every type lowering asks about an expression or object goes through these, so that inside an
    // instance of a generic function the type parameters are replaced by the instance's type arguments.

    /// `t` with the current instance's type arguments substituted.
    pub fn sub(&self, t: TypeId) -> TypeId {
        match self.subst {
            Some(m) => m.get(&t).copied().unwrap_or(t),
            None => t,
        }
    }

    /// The (substituted) type of expression `e`.
    pub fn type_of(&self, e: ExprId) -> TypeId {
        self.sub(self.prog.type_of(e))
    }

    /// The checker's verdict on `e`, its type substituted.
    pub fn tv(&self, e: ExprId) -> TypeAndValue {
        let mut tv = self.prog.tv(e).clone();
        tv.typ = self.sub(tv.typ);
        tv
    }

    /// The (substituted) type of object `o`.
    pub fn obj_type(&self, o: ObjId) -> TypeId {
        self.sub(self.prog.obj(o).typ)
    }

    pub fn under(&self, t: TypeId) -> &'a TypeKind {
        let types: &'a TypeTable = self.types;
        types.under(t)
    }

    pub fn size(&self, t: TypeId) -> u64 {
        sizes::size_of(&self.lw.sizes, &self.types, self.default_type(t))
    }

    pub fn align(&self, t: TypeId) -> u64 {
        sizes::align_of(&self.lw.sizes, &self.types, self.default_type(t)).max(1)
    }

    pub fn offsets(&self, t: TypeId) -> Vec<u64> {
        sizes::field_offsets(&self.lw.sizes, &self.types, t)
    }

    /// The default type of an untyped constant's type (Go spec "Constants"); other types unchanged.
    pub fn default_type(&self, t: TypeId) -> TypeId {
        match self.types.kind(t) {
            TypeKind::Basic(b) => match b {
                BasicKind::UntypedBool => TypeId::BOOL,
                BasicKind::UntypedInt => TypeId::INT,
                BasicKind::UntypedRune => TypeId::INT32,
                BasicKind::UntypedFloat => TypeId::FLOAT64,
                BasicKind::UntypedComplex => TypeId::COMPLEX128,
                BasicKind::UntypedString => TypeId::STRING,
                BasicKind::UntypedNil => TypeId::UNSAFE_POINTER,
                _ => t,
            },
            _ => t,
        }
    }

    pub fn is_untyped(&self, t: TypeId) -> bool {
        matches!(
            self.types.kind(t),
            TypeKind::Basic(
                BasicKind::UntypedBool
                    | BasicKind::UntypedInt
                    | BasicKind::UntypedRune
                    | BasicKind::UntypedFloat
                    | BasicKind::UntypedComplex
                    | BasicKind::UntypedString
                    | BasicKind::UntypedNil
            )
        )
    }

    /// The integer type of Go's `int`, `uint` and `uintptr`, and of lengths and capacities.
    pub fn int(&self) -> Ty {
        match self.lw.target.int_size {
            4 => Ty::I32,
            _ => Ty::I64,
        }
    }

    /// The target's pointer size in bytes, as IR sizes (`Ty::size`) count it.
    pub fn word(&self) -> u32 {
        self.lw.target.ptr_size as u32
    }

    /// The IR type of a value of Go type `t`, or `None` for an aggregate (kept in memory).
    pub fn scalar(&self, t: TypeId) -> Option<Ty> {
        use BasicKind::*;
        match self.under(self.default_type(t)) {
            TypeKind::Basic(b) => match b {
                Bool | Int8 | Uint8 => Some(Ty::I8),
                Int16 | Uint16 => Some(Ty::I16),
                Int32 | Uint32 => Some(Ty::I32),
                Int64 | Uint64 => Some(Ty::I64),
                Int | Uint | Uintptr => Some(self.int()),
                Float32 => Some(Ty::F32),
                Float64 => Some(Ty::F64),
                UnsafePointer | UntypedNil => Some(Ty::Ptr),
                _ => None,
            },
            TypeKind::Pointer(_) | TypeKind::Func(_) | TypeKind::Map { .. } | TypeKind::Chan { .. } => Some(Ty::Ptr),
            _ => None,
        }
    }

    pub fn basic(&self, t: TypeId) -> Option<BasicKind> {
        self.types.basic(self.default_type(t))
    }

    pub fn is_signed(&self, t: TypeId) -> bool {
        use BasicKind::*;
        matches!(self.basic(t), Some(Int | Int8 | Int16 | Int32 | Int64))
    }

    pub fn is_integer(&self, t: TypeId) -> bool {
        use BasicKind::*;
        matches!(
            self.basic(t),
            Some(Int | Int8 | Int16 | Int32 | Int64 | Uint | Uint8 | Uint16 | Uint32 | Uint64 | Uintptr)
        )
    }

    pub fn is_float(&self, t: TypeId) -> bool {
        matches!(self.basic(t), Some(BasicKind::Float32 | BasicKind::Float64))
    }

    pub fn is_complex(&self, t: TypeId) -> bool {
        matches!(self.basic(t), Some(BasicKind::Complex64 | BasicKind::Complex128))
    }

    pub fn is_string(&self, t: TypeId) -> bool {
        matches!(self.basic(t), Some(BasicKind::String))
    }

    /// The element type of a slice, array, pointer to array or string (byte).
    pub fn elem(&self, t: TypeId) -> TypeId {
        match self.under(t) {
            TypeKind::Slice(e) | TypeKind::Array { elem: e, .. } => *e,
            TypeKind::Pointer(p) => match self.under(*p) {
                TypeKind::Array { elem, .. } => *elem,
                _ => *p,
            },
            TypeKind::Basic(_) => TypeId::UINT8,
            _ => TypeId::INVALID,
        }
    }

    /// ABI0 layout of a call: offsets of the arguments, of the results, and the total (word-rounded) size.
    pub fn call_layout(&self, params: &[TypeId], results: &[TypeId]) -> (Vec<u32>, Vec<u32>, u32) {
        let mut off = 0u64;
        let mut po = Vec::new();
        for &t in params {
            off = round_up(off, self.align(t));
            po.push(off as u32);
            off += self.size(t);
        }
        off = round_up(off, self.lw.target.reg_size);
        let mut ro = Vec::new();
        for &t in results {
            off = round_up(off, self.align(t));
            ro.push(off as u32);
            off += self.size(t);
        }
        (po, ro, round_up(off, self.lw.target.reg_size) as u32)
    }

    // ---- Values in memory ----

    /// Memory for a temporary value of type `t`: a stack slot, or a heap object beyond
    /// [`MAX_IMPLICIT_STACK_VAR_SIZE`] (results of calls, composite literals, copies of huge arrays).
    pub fn temp(&mut self, t: TypeId, name: &str) -> VReg {
        let (size, align) = (self.size(t), self.align(t));
        if size > MAX_IMPLICIT_STACK_VAR_SIZE {
            return self.new_object(t);
        }
        self.temp_raw(size, align, name)
    }

    pub fn temp_raw(&mut self, size: u64, align: u64, name: &str) -> VReg {
        let s = self.f.new_slot(size, align as u32, name);
        self.slot_addr(s)
    }

    /// The value of type `t` stored at `addr + off` (an aggregate is referred to in place).
    pub fn load_val(&mut self, addr: VReg, off: i64, t: TypeId) -> Val {
        match self.scalar(t) {
            Some(ty) => Val::S(self.load(ty, addr, off)),
            None => Val::M(self.add_off(addr, off)),
        }
    }

    pub fn store_val(&mut self, addr: VReg, off: i64, v: Val, t: TypeId) {
        match v {
            Val::S(r) => self.store(addr, off, r),
            Val::M(src) => {
                let size = self.size(t);
                let dst = self.add_off(addr, off);
                self.memcopy(dst, src, size);
            }
        }
    }

    /// A copy of `v` that no later assignment can change.
    pub fn to_temp(&mut self, v: Val, t: TypeId) -> Val {
        match v {
            Val::S(r) => Val::S(self.copy(r)),
            Val::M(src) => {
                let dst = self.temp(t, "tmp");
                let size = self.size(t);
                self.memcopy(dst, src, size);
                Val::M(dst)
            }
        }
    }

    /// The zero value of `t`.
    pub fn zero_val(&mut self, t: TypeId) -> Val {
        match self.scalar(t) {
            Some(ty) if ty.is_float() => Val::S(self.fconst(ty, 0.0)),
            Some(ty) => Val::S(self.iconst(ty, 0)),
            None => {
                let a = self.temp(t, "zero");
                let size = self.size(t);
                self.memzero(a, size);
                Val::M(a)
            }
        }
    }

    pub fn assign(&mut self, lv: LVal, v: Val, t: TypeId) {
        match lv {
            LVal::Reg(r) => {
                let src = v.v();
                self.emit(Op::Copy { dst: r, src });
            }
            LVal::Mem(a) => self.store_val(a, 0, v, t),
            // `_ = *p` evaluates `*p`: a nil `p` panics
            LVal::Blank => {
                if let Val::M(a) = v {
                    self.check_addr(a);
                }
            }
            LVal::Map { t, m, key } => self.map_store(t, m, key, v),
        }
    }

    pub fn read_lval(&mut self, lv: LVal, t: TypeId) -> Val {
        match lv {
            LVal::Reg(r) => Val::S(r),
            LVal::Mem(a) => self.load_val(a, 0, t),
            LVal::Blank => self.zero_val(t),
            LVal::Map { t, m, key } => self.map_load(t, m, key),
        }
    }

    // ---- Variables ----

    /// Whether variable `obj` lives on the heap (its address is taken, a closure captures it, or it is
    /// too large for the stack: [`MAX_STACK_VAR_SIZE`]), and its type.
    fn var_info(&self, obj: ObjId) -> (bool, TypeId) {
        let o = self.prog.obj(obj);
        let t = self.obj_type(obj);
        let heap = match &o.kind {
            ObjKind::Var(v) => v.address_taken || v.captured || self.size(t) > MAX_STACK_VAR_SIZE,
            _ => false,
        };
        (heap, t)
    }

    /// Creates the storage of local variable `obj` (each execution of its declaration makes a new
    /// variable); zeroes it when `zero` (heap memory is always zeroed).
    pub fn declare_local(&mut self, obj: ObjId, zero: bool) -> LVal {
        let (heap, t) = self.var_info(obj);
        let loc = if heap {
            let p = self.new_object(t);
            let o = self.prog.obj(obj);
            let (pos, name) = (o.pos, o.name.to_string());
            self.note_alloc(p, pos, SiteKind::Var(name));
            VarLoc::Heap(p)
        } else if let Some(ty) = self.scalar(t) {
            let r = self.vreg(ty);
            if zero {
                if ty.is_float() {
                    self.emit(Op::FConst { dst: r, value: 0.0 });
                } else {
                    self.emit(Op::Const { dst: r, value: 0 });
                }
            }
            VarLoc::Reg(r)
        } else {
            let name = self.prog.obj(obj).name.clone();
            let s = self.f.new_slot(self.size(t), self.align(t) as u32, name);
            if zero {
                let a = self.slot_addr(s);
                let size = self.size(t);
                self.memzero(a, size);
            }
            VarLoc::Slot(s)
        };
        self.vars.insert(obj, loc);
        self.lval_var(obj)
    }

    pub fn var_loc(&mut self, obj: ObjId) -> Option<VarLoc> {
        if let Some(l) = self.vars.get(&obj) {
            return Some(l.clone());
        }
        let o = self.prog.obj(obj);
        match &o.kind {
            ObjKind::Var(v) if v.global || o.package_level => {
                Some(VarLoc::Global(format!("{}.{}", self.lw.pkg_path(o.pkg), o.name)))
            }
            _ => None,
        }
    }

    pub fn lval_var(&mut self, obj: ObjId) -> LVal {
        match self.var_loc(obj) {
            Some(VarLoc::Reg(r)) => LVal::Reg(r),
            Some(VarLoc::Slot(s)) => LVal::Mem(self.slot_addr(s)),
            Some(VarLoc::Arg(off)) => {
                let dst = self.vreg(Ty::Ptr);
                self.emit(Op::ArgAddr { dst, offset: off });
                LVal::Mem(dst)
            }
            Some(VarLoc::Heap(p)) => LVal::Mem(p),
            Some(VarLoc::Global(sym)) => LVal::Mem(self.sym_addr(&sym)),
            None => {
                let pos = self.prog.obj(obj).pos;
                self.lw.error(pos, format!("internal: variable {} has no storage", self.prog.obj(obj).name));
                LVal::Blank
            }
        }
    }

    pub fn read_var(&mut self, obj: ObjId) -> Val {
        let t = self.obj_type(obj);
        let lv = self.lval_var(obj);
        self.read_lval(lv, t)
    }

    /// Address of a variable kept in memory (`None` for a vreg variable).
    pub fn var_addr(&mut self, obj: ObjId) -> Option<VReg> {
        match self.lval_var(obj) {
            LVal::Mem(a) => Some(a),
            LVal::Reg(_) | LVal::Blank | LVal::Map { .. } => None,
        }
    }

    // ---- Function bodies ----

    /// Lays out the incoming area, moves parameters where they live, zeroes named results, lowers the body.
    pub fn lower_body(
        &mut self,
        params: Vec<(Option<ObjId>, TypeId)>,
        results: Vec<(Option<ObjId>, TypeId)>,
        body: &AstBlock,
    ) {
        // gc's compiler marks these two by name as wrappers: reflect's stubs call them, and they call the
        // function a `defer` of a reflect-made func value means (reflect/value.go's NOTE).
        if matches!(self.f.name.as_str(), "reflect.callReflect" | "reflect.callMethod") {
            self.wrapper_prologue();
        }
        self.lower_prologue(params, results, &[]);
        self.begin_defers(body);
        self.lower_block_stmts(&body.stmts);
        self.set_pos(body.rbrace);
        self.ret_named();
    }

    /// Entry code: captured variables from the closure context, parameters, named results.
    pub fn lower_prologue(
        &mut self,
        params: Vec<(Option<ObjId>, TypeId)>,
        results: Vec<(Option<ObjId>, TypeId)>,
        captured: &[ObjId],
    ) {
        if !captured.is_empty() {
            let ctx = self.vreg(Ty::Ptr);
            self.emit(Op::ClosureCtx { dst: ctx });
            for (i, &obj) in captured.iter().enumerate() {
                let p = self.load(Ty::Ptr, ctx, self.lw.target.word(i as u64 + 1));
                self.vars.insert(obj, VarLoc::Heap(p));
            }
        }
        let pt: Vec<TypeId> = params.iter().map(|p| p.1).collect();
        let rt: Vec<TypeId> = results.iter().map(|r| r.1).collect();
        let (po, ro, size) = self.call_layout(&pt, &rt);
        self.f.args_size = size;
        let params_end = ro.first().copied().unwrap_or(size);
        self.f.escape.params_end = Some(params_end);
        let mut ptr_words = Vec::new();
        for (i, &t) in pt.iter().enumerate() {
            self.lw.ptr_bitmap(self.sub(t), po[i] as u64, &mut ptr_words);
        }
        ptr_words.resize((params_end as u64).div_ceil(self.lw.target.ptr_size) as usize, false);
        self.f.escape.ptr_words = ptr_words;
        for (i, (obj, t)) in params.into_iter().enumerate() {
            let Some(obj) = obj else { continue };
            if self.has_pointers(t) {
                let o = self.prog.obj(obj);
                let (name, pos, size) = (o.name.to_string(), o.pos, self.size(t) as u32);
                self.f.escape.params.push(ParamNote {
                    name,
                    pos,
                    offset: po[i],
                    size,
                    escapes: true,
                    content_escapes: true,
                    to_result: None,
                });
            }
            let (heap, _) = self.var_info(obj);
            let src = self.vreg(Ty::Ptr);
            self.emit(Op::ArgAddr { dst: src, offset: po[i] });
            if heap {
                let p = self.new_object(t);
                let o = self.prog.obj(obj);
                let (pos, name) = (o.pos, o.name.to_string());
                self.note_alloc(p, pos, SiteKind::Var(name));
                let v = self.load_val(src, 0, t);
                self.store_val(p, 0, v, t);
                self.vars.insert(obj, VarLoc::Heap(p));
            } else if let Some(ty) = self.scalar(t) {
                let r = self.load(ty, src, 0);
                self.vars.insert(obj, VarLoc::Reg(r));
            } else {
                self.vars.insert(obj, VarLoc::Arg(po[i]));
            }
        }
        for (i, (obj, _)) in results.iter().enumerate() {
            // gc's names for unnamed and blank results.
            let name = match obj.map(|o| self.prog.obj(o).name.to_string()) {
                Some(n) if n == "_" => format!("~b{i}"),
                Some(n) if !n.is_empty() => n,
                _ => format!("~r{i}"),
            };
            self.f.escape.results.push((name, ro[i]));
        }
        for (i, (obj, t)) in results.into_iter().enumerate() {
            if let Some(obj) = obj {
                self.declare_local(obj, true);
            }
            self.results.push((obj, t, ro[i]));
        }
    }

    /// `return` without operands: store the named results (if any) and return.
    pub fn ret_named(&mut self) {
        if self.has_defer {
            self.defer_return();
            return;
        }
        self.store_named_results_and_return();
    }

    /// Copies the named results from their variables into their slots in the caller's frame, then returns:
    /// the end of a bare `return`, and of the shared exit path of a function with defers (`defer_results`).
    pub fn store_named_results_and_return(&mut self) {
        let results = self.results.clone();
        for (obj, t, off) in results {
            if let Some(obj) = obj {
                let v = self.read_var(obj);
                let dst = self.vreg(Ty::Ptr);
                self.emit(Op::ArgAddr { dst, offset: off });
                self.store_val(dst, 0, v, t);
            }
        }
        self.terminate(Term::Return);
    }

    /// This function's incoming arguments at `offsets` in its ABI0 argument area, as values of `types`: what a
    /// wrapper forwards.
    pub fn load_args(&mut self, offsets: &[u32], types: &[TypeId]) -> Vec<(Val, TypeId)> {
        let mut out = Vec::with_capacity(types.len());
        for (&off, &t) in offsets.iter().zip(types) {
            let a = self.vreg(Ty::Ptr);
            self.emit(Op::ArgAddr { dst: a, offset: off });
            out.push((self.load_val(a, 0, t), t));
        }
        out
    }

    /// Stores `vals` (of `types`) into this function's result slots at `offsets`.
    pub fn store_results(&mut self, offsets: &[u32], vals: Vec<Val>, types: &[TypeId]) {
        for ((&off, v), &t) in offsets.iter().zip(vals).zip(types) {
            let a = self.vreg(Ty::Ptr);
            self.emit(Op::ArgAddr { dst: a, offset: off });
            self.store_val(a, 0, v, t);
        }
    }

    pub fn finish_return(&mut self) {
        self.terminate(Term::Return);
    }
}

pub(super) fn round_up(x: u64, a: u64) -> u64 {
    if a <= 1 {
        x
    } else {
        x.div_ceil(a) * a
    }
}
