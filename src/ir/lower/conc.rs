//! Defer, recover, `go`, channels and select (Go spec "Defer statements", "Go statements", "Send
//! statements", "Receive operator", "Select statements", "Handling panics").
//!
//! In: the statements and expressions above, checked. Out: IR that calls the runtime entry points of
//! docs/RUNTIME-ABI.md ("Defer, panic, recover", "Goroutines", "Channels", "Select").
//!
//! - `defer f(args)` and `go f(args)` evaluate the func value and the arguments at the statement into a
//!   block laid out as f's ABI0 argument area, and hand (func value, block, size) to the runtime, which
//!   copies it. A builtin call (`defer println(x)`, `go close(c)`) is wrapped: its non-constant arguments
//!   are evaluated now, and a generated function `F.deferwrapN` / `F.gowrapN` takes them as parameters and
//!   performs the builtin (`Fb::bound` makes the builtin's argument expressions read them). `defer
//!   recover()` passes the deferring function's argument address, so that it recovers exactly when a
//!   `recover()` in that function would (gc's ORECOVERFP).
//! - A function with defers (`has_defer`) zeroes its unnamed results at entry and sends every return
//!   through `g1c_deferreturn(argp)` (called at the return, whose line a deferred call's `runtime.Caller`
//!   sees) and one shared end: the named results copied out, return. `return x` assigns named results
//!   first, so deferred closures see and may change them. After each `g1c_deferproc` call, a non-zero
//!   result (a recovery resuming this frame) jumps to the exit block, which calls `g1c_deferreturn` at the
//!   line of the body's closing brace.
//! - Channel values are pointers to the runtime's channel; elements are passed by address (a stack slot).

use super::func::{Fb, Target, Val};
use crate::ir::{BlockId, Callee, Cond, ConvOp, Op, Ty, VReg};
use crate::syntax::ast::{AssignOp, Ast, Block, BranchKind, CommClause, ExprId, ExprKind, StmtId, StmtKind, UnaryOp};
use crate::syntax::pos::{self, Pos};
use crate::types::{Builtin, Mode, ObjKind, TypeId, TypeKind};

/// Whether `stmts` contain a `defer` statement (function literals inside are other functions).
pub(super) fn has_defer_stmt(ast: &Ast, stmts: &[StmtId]) -> bool {
    any_stmt(ast, stmts, &|k| matches!(k, StmtKind::Defer(_)))
}

/// Whether `stmts` contain a `goto` (a label it jumps back to may make a loop without `for`).
fn has_goto_stmt(ast: &Ast, stmts: &[StmtId]) -> bool {
    any_stmt(ast, stmts, &|k| matches!(k, StmtKind::Branch { kind: BranchKind::Goto, .. }))
}

/// Whether `pred` holds for one of `stmts` or a statement nested in them (not in function literals).
fn any_stmt(ast: &Ast, stmts: &[StmtId], pred: &dyn Fn(&StmtKind) -> bool) -> bool {
    stmts.iter().any(|&s| stmt_any(ast, s, pred))
}

fn stmt_any(ast: &Ast, s: StmtId, pred: &dyn Fn(&StmtKind) -> bool) -> bool {
    let opt = |s: &Option<StmtId>| s.is_some_and(|s| stmt_any(ast, s, pred));
    let kind = &ast.stmt(s).kind;
    if pred(kind) {
        return true;
    }
    match kind {
        StmtKind::Labeled { stmt, .. } => stmt_any(ast, *stmt, pred),
        StmtKind::Block(b) => any_stmt(ast, &b.stmts, pred),
        StmtKind::If { init, then, els, .. } => opt(init) || any_stmt(ast, &then.stmts, pred) || opt(els),
        StmtKind::Switch { init, body, .. } => opt(init) || body.iter().any(|c| any_stmt(ast, &c.body, pred)),
        StmtKind::TypeSwitch { init, body, .. } => opt(init) || body.iter().any(|c| any_stmt(ast, &c.body, pred)),
        StmtKind::Select { body, .. } => body.iter().any(|c| any_stmt(ast, &c.body, pred)),
        StmtKind::For { init, post, body, .. } => opt(init) || opt(post) || any_stmt(ast, &body.stmts, pred),
        StmtKind::Range { body, .. } => any_stmt(ast, &body.stmts, pred),
        StmtKind::Bad
        | StmtKind::Decl(_)
        | StmtKind::Empty
        | StmtKind::Expr(_)
        | StmtKind::Send { .. }
        | StmtKind::IncDec { .. }
        | StmtKind::Assign { .. }
        | StmtKind::Go(_)
        | StmtKind::Return(_)
        | StmtKind::Defer(_)
        | StmtKind::Branch { .. } => false,
    }
}

/// The size of rt's defer record (rt/src/defer.rs `DEFER_SIZE`), which a `defer` run at most once per call
/// keeps in its function's frame, followed by the copy of the deferred call's arguments.
const DEFER_RECORD_SIZE: u64 = 80;

/// The element size of channel operations on `c` (and the element type).
fn chan_elem(fb: &Fb, c: ExprId) -> TypeId {
    match fb.under(fb.type_of(c)) {
        TypeKind::Chan { elem, .. } => *elem,
        _ => TypeId::INVALID,
    }
}

impl<'a, 'b> Fb<'a, 'b> {
    // ---- defer, recover ----

    /// After the prologue: notes whether the body defers, and if so zeroes the unnamed results (a
    /// recovered function returns what they hold).
    pub fn begin_defers(&mut self, body: &Block) {
        self.has_defer = has_defer_stmt(self.ast, &body.stmts);
        if !self.has_defer {
            return;
        }
        self.defer_may_repeat = has_goto_stmt(self.ast, &body.stmts);
        self.end_line = self.line_of(body.rbrace);
        let results = self.results.clone();
        for (obj, t, off) in results {
            if obj.is_none() {
                let a = self.vreg(Ty::Ptr);
                self.emit(Op::ArgAddr { dst: a, offset: off });
                let size = self.size(t);
                self.memzero(a, size);
            }
        }
    }

    /// This function's incoming-argument address: the identity of its frame for the defer chain.
    fn argp(&mut self) -> VReg {
        let a = self.vreg(Ty::Ptr);
        self.emit(Op::ArgAddr { dst: a, offset: 0 });
        a
    }

    /// A return of a function with defers, at the current line: the frame's deferred calls run here, so
    /// that `runtime.Caller` in one of them sees this line as gc's open-coded defers make it, then the
    /// shared end copies the named results out.
    pub fn defer_return(&mut self) {
        let argp = self.argp();
        self.call_rt("g1c_deferreturn", vec![argp], &[]);
        let end = self.defer_results();
        self.jump(end);
    }

    /// Where a recovered panic resumes this frame (made once): the deferred calls left, at the line of the
    /// body's closing brace, then the shared end.
    pub fn defer_exit(&mut self) -> BlockId {
        if let Some(b) = self.defer_exit {
            return b;
        }
        let (saved, saved_line) = (self.cur, self.line);
        let b = self.new_block();
        self.defer_exit = Some(b);
        self.switch_to(b);
        self.line = self.end_line;
        self.defer_return();
        self.switch_to(saved);
        self.line = saved_line;
        b
    }

    /// The end every return of a function with defers shares (made once): named results, return.
    fn defer_results(&mut self) -> BlockId {
        if let Some(b) = self.defer_results {
            return b;
        }
        let saved = self.cur;
        let b = self.new_block();
        self.defer_results = Some(b);
        self.switch_to(b);
        self.store_named_results_and_return();
        self.switch_to(saved);
        b
    }

    /// `defer call`.
    pub fn defer_stmt(&mut self, pos: Pos, e: ExprId) {
        self.set_pos(pos);
        let Some((fv, args, size)) = self.deferred_call(e, "deferwrap") else { return };
        self.set_pos(pos);
        let argp = self.argp();
        let n = self.iconst(self.int(), size as i64);
        // As gc's deferprocStack: a `defer` that runs at most once per call (in no loop, in a function
        // without `goto`) keeps its record in the frame, which outlives the record's time on the chain (the
        // function's return or a panic through it takes it off); others allocate theirs.
        let in_loop = self.targets.iter().any(|t| t.cont.is_some());
        let r = if in_loop || self.defer_may_repeat {
            self.call_rt("g1c_deferproc", vec![fv, args, n, argp], &[self.int()])[0]
        } else {
            let rec = self.temp_raw(
                DEFER_RECORD_SIZE + (size as u64).next_multiple_of(self.lw.target.ptr_size),
                self.lw.target.ptr_size,
                "defer",
            );
            self.call_rt("g1c_deferprocstack", vec![rec, fv, args, n, argp], &[self.int()])[0]
        };
        let zero = self.iconst(self.int(), 0);
        let resumed = self.cmp(Cond::Ne, r, zero);
        let exit = self.defer_exit();
        let cont = self.new_block();
        self.branch(resumed, exit, cont);
        self.switch_to(cont);
    }

    /// `go call`.
    pub fn go_stmt(&mut self, pos: Pos, e: ExprId) {
        self.set_pos(pos);
        let Some((fv, args, size)) = self.deferred_call(e, "gowrap") else { return };
        self.set_pos(pos);
        let n = self.iconst(self.int(), size as i64);
        self.call_rt("g1c_newproc", vec![fv, args, n], &[]);
    }

    /// The builtin called by call expression `e`, if it calls one.
    fn is_builtin_call(&self, e: ExprId) -> Option<Builtin> {
        let ast = self.ast;
        let ExprKind::Call { fun, .. } = &ast.expr(ast.unparen(e)).kind else { return None };
        let fun = ast.unparen(*fun);
        if self.tv(fun).mode != Mode::Builtin {
            return None;
        }
        match &ast.expr(fun).kind {
            ExprKind::Ident(id) => self.prog.info.uses.get(&id.pos).and_then(|&o| match self.prog.obj(o).kind {
                ObjKind::Builtin(b) => Some(b),
                _ => None,
            }),
            _ => None,
        }
    }

    /// Evaluates the func value and arguments of a `go`/`defer` call into an argument block: (func value,
    /// block address, block size).
    fn deferred_call(&mut self, e: ExprId, wrap: &str) -> Option<(VReg, VReg, u32)> {
        let e = self.ast.unparen(e);
        if self.is_builtin_call(e).is_some() {
            return Some(self.builtin_wrapper(e, wrap));
        }
        let (callee, vals, results) = self.prepare_call(e)?;
        let fv = match callee {
            Callee::Direct(sym) => {
                let c = self.lw.static_closure(&sym);
                self.sym_addr(&c)
            }
            Callee::Closure(v) => v,
        };
        let pt: Vec<TypeId> = vals.iter().map(|v| v.1).collect();
        let (po, _, size) = self.call_layout(&pt, &results);
        let block = self.temp_raw((size as u64).max(self.lw.target.ptr_size), self.lw.target.ptr_size, "goargs");
        for (i, (v, t)) in vals.into_iter().enumerate() {
            self.store_val(block, po[i] as i64, v, t);
        }
        Some((fv, block, size))
    }

    /// A builtin call under `go`/`defer`: its non-constant arguments evaluated now, and a generated
    /// function that receives them as parameters and makes the call.
    fn builtin_wrapper(&mut self, e: ExprId, wrap: &str) -> (VReg, VReg, u32) {
        let ast = self.ast;
        let args: Vec<ExprId> = match &ast.expr(e).kind {
            ExprKind::Call { args, .. } => args.to_vec(),
            _ => Vec::new(),
        };
        let mut captured: Vec<(ExprId, TypeId)> = Vec::new();
        let mut vals = Vec::new();
        for &a in &args {
            let tv = self.tv(a);
            if tv.mode == Mode::Constant || tv.mode == Mode::TypeExpr {
                continue;
            }
            let t = self.default_type(tv.typ);
            let v = self.expr(a);
            let v = self.to_temp(v, t);
            captured.push((a, t));
            vals.push(v);
        }
        // `defer recover()` recovers as a `recover()` of this function would (gc's ORECOVERFP): the wrapper
        // gets this frame's argument address as its one argument.
        let recover = self.is_builtin_call(e) == Some(Builtin::Recover);
        if recover {
            vals.push(Val::S(self.argp()));
        }
        let mut types: Vec<TypeId> = captured.iter().map(|c| c.1).collect();
        if recover {
            types.push(TypeId::UINTPTR);
        }
        let (po, _, size) = self.call_layout(&types, &[]);
        let block = self.temp_raw((size as u64).max(self.lw.target.ptr_size), self.lw.target.ptr_size, "goargs");
        for (i, v) in vals.into_iter().enumerate() {
            self.store_val(block, po[i] as i64, v, types[i]);
        }
        self.wraps += 1;
        let name = format!("{}.{}{}", self.f.name, wrap, self.wraps);
        let pos = ast.expr(e).pos;
        {
            let mut fb = Fb::new(&mut *self.lw, name.clone(), pos, format!("{name}."));
            fb.f.args_size = size;
            for (i, (a, t)) in captured.iter().enumerate() {
                let p = fb.vreg(Ty::Ptr);
                fb.emit(Op::ArgAddr { dst: p, offset: po[i] });
                let v = fb.load_val(p, 0, *t);
                fb.bound.insert(*a, v);
            }
            if recover {
                let p = fb.vreg(Ty::Ptr);
                fb.emit(Op::ArgAddr { dst: p, offset: po[0] });
                fb.recover_argp = Some(fb.load(Ty::Ptr, p, 0));
            }
            fb.set_pos(pos);
            fb.call(e);
            fb.finish_return();
            let f = fb.finish();
            self.lw.funcs.push(f);
        }
        pos::set_current(pos);
        self.set_pos(pos);
        let c = self.lw.static_closure(&name);
        (self.sym_addr(&c), block, size)
    }

    /// gc's WRAPPER prologue (`g1c_wrapper_argp`): a wrapper hands a deferred call's right to recover on to
    /// the function it calls, whose argument address is this frame's outgoing area. Emitted first in
    /// generated method wrappers, `-fm` functions and reflect's `callReflect`/`callMethod`.
    pub fn wrapper_prologue(&mut self) {
        let from = self.vreg(Ty::Ptr);
        self.emit(Op::ArgAddr { dst: from, offset: 0 });
        let to = self.vreg(Ty::Ptr);
        self.emit(Op::OutArgAddr { dst: to, offset: 0 });
        self.call_rt("g1c_wrapper_argp", vec![from, to], &[]);
    }

    /// `recover()`: the panic value as an `interface{}` (two words) in a temporary.
    pub fn recover_call(&mut self) -> Val {
        let argp = match self.recover_argp {
            Some(a) => a,
            None => self.argp(),
        };
        let r = self.call_rt("g1c_gorecover", vec![argp], &[Ty::Ptr, Ty::Ptr]);
        let a = self.temp_raw(self.lw.target.two_words(), self.lw.target.ptr_size, "recovered");
        self.store(a, 0, r[0]);
        self.store(a, self.lw.target.data_offset(), r[1]);
        Val::M(a)
    }

    // ---- channels ----

    /// `make(chan T)` / `make(chan T, n)`.
    pub fn make_chan(&mut self, elem: TypeId, size: Option<ExprId>) -> Val {
        let n = match size {
            Some(s) => self.index_value(s).0,
            None => self.iconst(self.int(), 0),
        };
        let tsym = self.lw.type_sym(elem);
        let et = self.sym_addr(&tsym);
        Val::S(self.call_rt("g1c_makechan_typed", vec![et, n], &[Ty::Ptr])[0])
    }

    /// `close(c)`.
    pub fn close_chan(&mut self, c: ExprId) {
        let cv = self.expr(c).v();
        self.call_rt("g1c_closechan", vec![cv], &[]);
    }

    /// `ch <- value`: both operands evaluated, then the send.
    pub fn send_stmt(&mut self, ch: ExprId, value: ExprId) {
        let elem = chan_elem(self, ch);
        let c = self.expr(ch).v();
        let v = self.expr_to(value, elem);
        let slot = self.temp(elem, "send");
        self.store_val(slot, 0, v, elem);
        self.call_rt("g1c_chansend", vec![c, slot], &[]);
    }

    /// `<-x` (the receive expression `e`): the value and whether it was sent (false: closed channel).
    pub fn recv_multi(&mut self, e: ExprId, x: ExprId) -> Vec<Val> {
        let elem = chan_elem(self, x);
        let c = self.expr(x).v();
        self.set_pos(self.ast.expr(e).pos);
        let slot = self.temp(elem, "recv");
        let ok = self.call_rt("g1c_chanrecv", vec![c, slot], &[Ty::I8])[0];
        vec![self.load_val(slot, 0, elem), Val::S(ok)]
    }

    /// `for v := range c`: receives until the channel is closed and drained.
    pub fn range_chan(
        &mut self,
        key: Option<ExprId>,
        define: bool,
        x: ExprId,
        elem: TypeId,
        body: &[StmtId],
        label: Option<String>,
    ) {
        let ast = self.ast;
        let c = self.expr(x).v();
        let key = key.filter(|&k| !matches!(&ast.expr(ast.unparen(k)).kind, ExprKind::Ident(id) if id.name == "_"));
        let mut lv = None;
        if define {
            if let Some(k) = key {
                if let ExprKind::Ident(id) = &ast.expr(ast.unparen(k)).kind {
                    if let Some(&o) = self.prog.info.defs.get(&id.pos) {
                        lv = Some(self.declare_local(o, true));
                    }
                }
            }
        }
        let head = self.new_block();
        let body_b = self.new_block();
        let end = self.new_block();
        self.jump(head);
        self.switch_to(head);
        let slot = self.temp(elem, "recv");
        let ok = self.call_rt("g1c_chanrecv", vec![c, slot], &[Ty::I8])[0];
        self.branch(ok, body_b, end);
        self.switch_to(body_b);
        if !define {
            if let Some(k) = key {
                lv = Some(self.lvalue(k));
            }
        }
        if let (Some(lv), Some(k)) = (lv, key) {
            // `for i = range c` with an interface-typed `i` converts each element, as an assignment does.
            let v = self.load_val(slot, 0, elem);
            let kt = self.type_of(ast.unparen(k));
            let (v, t) = self.to_iface_targets(vec![(v, elem)], &[Some(kt)]).remove(0);
            self.assign(lv, v, t);
        }
        self.targets.push(Target { label, brk: end, cont: Some(head) });
        self.lower_block_stmts(body);
        self.targets.pop();
        self.jump(head);
        self.switch_to(end);
    }

    // ---- select ----

    /// `select { ... }`: every channel operand and send value evaluated in source order, then
    /// `g1c_selectgo` over an array of {channel, element address, direction}, then the chosen clause.
    pub fn select_stmt(&mut self, pos: Pos, body: &[CommClause], label: Option<String>) {
        let ast = self.ast;
        /// What a clause does once chosen.
        enum Kind {
            Default,
            Send,
            /// A receive: (lhs expressions, `:=`), the slot the value lands in, its type.
            Recv(Vec<ExprId>, bool, VReg, TypeId),
        }
        let mut clauses: Vec<(Kind, Option<(VReg, VReg, u64)>)> = Vec::new();
        for cl in body {
            let Some(comm) = cl.comm else {
                clauses.push((Kind::Default, None));
                continue;
            };
            self.set_pos(ast.stmt(comm).pos);
            match &ast.stmt(comm).kind {
                StmtKind::Send { ch, value } => {
                    let elem = chan_elem(self, *ch);
                    let c = self.expr(*ch).v();
                    let v = self.expr_to(*value, elem);
                    let slot = self.temp(elem, "send");
                    self.store_val(slot, 0, v, elem);
                    clauses.push((Kind::Send, Some((c, slot, 1))));
                }
                StmtKind::Expr(_) | StmtKind::Assign { .. } => {
                    let (r, lhs, define) = match &ast.stmt(comm).kind {
                        StmtKind::Assign { lhs, op, rhs, .. } if rhs.len() == 1 => {
                            (rhs[0], lhs.clone(), *op == AssignOp::Define)
                        }
                        StmtKind::Expr(r) => (*r, Vec::new(), false),
                        _ => {
                            self.unsupported(ast.stmt(comm).pos, "internal: select case");
                            return;
                        }
                    };
                    let r = ast.unparen(r);
                    let ExprKind::Unary { op: UnaryOp::Recv, x } = &ast.expr(r).kind else {
                        self.unsupported(ast.stmt(comm).pos, "internal: select case is not a receive");
                        return;
                    };
                    let elem = chan_elem(self, *x);
                    let c = self.expr(*x).v();
                    let slot = self.temp(elem, "recv");
                    clauses.push((Kind::Recv(lhs, define, slot, elem), Some((c, slot, 2))));
                }
                _ => {
                    self.unsupported(ast.stmt(comm).pos, "internal: select case");
                    return;
                }
            }
        }
        self.set_pos(pos);
        let cases: Vec<(VReg, VReg, u64)> = clauses.iter().filter_map(|c| c.1).collect();
        let has_default = clauses.iter().any(|c| matches!(c.0, Kind::Default));
        let end = self.new_block();
        let (idx, ok) = if cases.is_empty() && !has_default {
            self.call_rt_noreturn("g1c_block", vec![]);
            return;
        } else if cases.is_empty() {
            (self.iconst(self.int(), -1), self.iconst(self.int(), 0))
        } else {
            let arr =
                self.temp_raw(self.lw.target.word(3 * cases.len() as u64) as u64, self.lw.target.ptr_size, "scases");
            for (i, (c, slot, dir)) in cases.iter().enumerate() {
                // rt's scase: the channel, the element's slot, the direction (an int), one word each.
                let off = self.lw.target.word(3 * i as u64);
                self.store(arr, off, *c);
                self.store(arr, off + self.lw.target.word(1), *slot);
                let d = self.iconst(self.int(), *dir as i64);
                self.store(arr, off + self.lw.target.word(2), d);
            }
            let n = self.iconst(self.int(), cases.len() as i64);
            let block = self.iconst(Ty::I8, !has_default as i64);
            let r = self.call_rt("g1c_selectgo", vec![arr, n, block], &[self.int(), self.int()]);
            (r[0], r[1])
        };
        let mut case_no = 0i64;
        self.targets.push(Target { label, brk: end, cont: None });
        for ((kind, _), cl) in clauses.into_iter().zip(body) {
            let want = match kind {
                Kind::Default => -1,
                _ => {
                    case_no += 1;
                    case_no - 1
                }
            };
            let w = self.iconst(self.int(), want);
            let hit = self.cmp(Cond::Eq, idx, w);
            let this = self.new_block();
            let next = self.new_block();
            self.branch(hit, this, next);
            self.switch_to(this);
            if let Kind::Recv(lhs, define, slot, elem) = kind {
                self.set_pos(cl.pos);
                let v = self.load_val(slot, 0, elem);
                let okv = self.conv(ConvOp::Trunc, Ty::I8, ok);
                // `case i = <-c` with an interface-typed `i`: the received value is converted.
                let lhs_types: Vec<Option<TypeId>> = lhs.iter().map(|&l| Some(self.type_of(ast.unparen(l)))).collect();
                let vals = self.to_iface_targets(vec![(v, elem), (Val::S(okv), TypeId::BOOL)], &lhs_types);
                for (i, &l) in lhs.iter().enumerate() {
                    let le = ast.unparen(l);
                    let blank = matches!(&ast.expr(le).kind, ExprKind::Ident(id) if id.name == "_");
                    if blank {
                        continue;
                    }
                    let lv = match (&ast.expr(le).kind, define) {
                        (ExprKind::Ident(id), true) => match self.prog.info.defs.get(&id.pos) {
                            Some(&o) => self.declare_local(o, false),
                            None => self.lvalue(le),
                        },
                        _ => self.lvalue(le),
                    };
                    let (v, t) = vals[i];
                    self.assign(lv, v, t);
                }
            }
            self.lower_block_stmts(&cl.body);
            self.jump(end);
            self.switch_to(next);
        }
        self.targets.pop();
        self.jump(end);
        self.switch_to(end);
    }
}
