//! Calls (ABI0), built-in functions, methods and function literals.
//!
//! ABI0 (DESIGN §5): each argument at the next offset aligned to its type's alignment; results start at
//! the next multiple of the word size, each aligned; the area's size is rounded up to the word size.
//! The caller evaluates every argument first (a nested call would overwrite the outgoing area), then
//! stores them with `OutArgAddr`, executes `CallGo`, and copies the results out at once. A method's
//! receiver is its first argument. A func value is a pointer to a closure object `{code, captured
//! variable pointers...}`; a function literal that captures nothing, and a top-level function used as a
//! value, is a read-only static closure `name·f`.

use super::func::{Fb, Val};
use super::typedesc::reflect_kind;
use crate::ir::{Callee, Cond, ConvOp, Op, SiteKind, Ty, VReg};
use crate::syntax::ast::{Block, ExprId, ExprKind, FuncType, StmtId, StmtKind};
use crate::syntax::pos::{self, Pos};
use crate::types::{BasicKind, Builtin, Mode, ObjId, ObjKind, SelectionKind, TypeId, TypeKind};

impl<'a, 'b> Fb<'a, 'b> {
    /// Lowers call (or conversion) `e`; returns its results (none for a call without results).
    pub fn call(&mut self, e: ExprId) -> Vec<Val> {
        let ast = self.ast;
        let ExprKind::Call { fun, args, ellipsis, lparen, .. } = &ast.expr(e).kind else {
            if let Some(vs) = self.comma_ok_values(e) {
                return vs;
            }
            let t = self.type_of(e);
            return vec![self.expr(e)].into_iter().map(|v| self.to_temp(v, t)).collect();
        };
        let fun = ast.unparen(*fun);
        let ftv = self.tv(fun);
        match ftv.mode {
            Mode::TypeExpr => return vec![self.conversion(e, args[0], self.type_of(e))],
            Mode::Builtin => return self.builtin(e, fun, args, ellipsis.is_some()),
            _ => {}
        }
        match self.prepare_call(e) {
            Some((callee, vals, results)) => {
                // gc's line for the call is its `(`'s: `}()` for a function literal called in place.
                self.set_pos(*lparen);
                self.call_go(callee, vals, &results)
            }
            None => vec![],
        }
    }

    /// Evaluates the callee and the arguments of the call `e` of a function or method (not a builtin or
    /// a conversion), without calling: the callee, the arguments with their types, the result types.
    /// Calls, `go` and `defer` (conc.rs) share it.
    pub fn prepare_call(&mut self, e: ExprId) -> Option<(Callee, Vec<(Val, TypeId)>, Vec<TypeId>)> {
        let ast = self.ast;
        let prog = self.prog;
        let ExprKind::Call { fun, args, ellipsis, .. } = &ast.expr(e).kind else {
            return None;
        };
        let pos = ast.expr(e).pos;
        let fun = ast.unparen(*fun);
        self.call_lparen = self.lparen_after(fun);
        let ftv = self.tv(fun);
        let sig = match self.under(ftv.typ) {
            TypeKind::Func(s) => s.clone(),
            _ => {
                self.unsupported(pos, "internal: call of a non-function");
                return None;
            }
        };
        // Method call: the receiver is the first argument.
        if let ExprKind::Selector { x, .. } = &ast.expr(fun).kind {
            if let Some(sel) = prog.info.selections.get(&fun) {
                if sel.kind == SelectionKind::MethodVal {
                    let (mobj, path) = self.resolve_method(*x, sel);
                    let decl_t = self.lw.path_type(self.type_of(*x), &path);
                    let Some(meta) = self.lw.method_meta(mobj, decl_t) else {
                        return self.prepare_iface_call(*x, sel.obj, &path, &sig, args, ellipsis.is_some());
                    };
                    let recv_t = meta.recv.unwrap_or(TypeId::INVALID);
                    let recv = self.receiver(*x, &path, recv_t);
                    let mut all = vec![(recv, recv_t)];
                    all.extend(self.call_args(args, &sig.params, sig.variadic, ellipsis.is_some()));
                    return Some((Callee::Direct(meta.sym), all, sig.results.clone()));
                }
            }
        }
        // A declared function is called directly; anything else through its func value.
        let direct = self.func_ident(fun).and_then(|p| self.lw.func_sym(p, self.subst));
        let callee = match direct {
            Some(sym) => Callee::Direct(sym),
            None => Callee::Closure(self.expr(fun).v()),
        };
        let vals = self.call_args(args, &sig.params, sig.variadic, ellipsis.is_some());
        Some((callee, vals, sig.results.clone()))
    }

    /// The position of the identifier `f` or `f[T1, T2]` (an instantiation) is made of, if it is one.
    pub fn func_ident(&self, fun: ExprId) -> Option<Pos> {
        match &self.ast.expr(self.ast.unparen(fun)).kind {
            ExprKind::Ident(id) => Some(id.pos),
            ExprKind::Selector { .. } => self.qualified_ident(fun).map(|id| id.pos),
            ExprKind::Index { x, .. } => {
                let id_pos = match &self.ast.expr(self.ast.unparen(*x)).kind {
                    ExprKind::Ident(id) => id.pos,
                    ExprKind::Selector { .. } => self.qualified_ident(*x)?.pos,
                    _ => return None,
                };
                self.prog.info.instances.contains_key(&id_pos).then_some(id_pos)
            }
            _ => None,
        }
    }

    /// The results of the tuple-valued call `e`, each in its own temporary.
    pub fn call_multi(&mut self, e: ExprId) -> Vec<Val> {
        let e = self.ast.unparen(e);
        if let ExprKind::Unary { op: crate::syntax::ast::UnaryOp::Recv, x } = &self.ast.expr(e).kind {
            return self.recv_multi(e, *x);
        }
        self.call(e)
    }

    /// The receiver argument for a method of receiver type `recv_t` (`T` or `*T`) selected from `x`
    /// through the embedded fields `path`: takes the address or dereferences as needed (Go spec "Calls":
    /// `x.m()` is `(&x).m()` when `m` has a pointer receiver).
    pub fn receiver(&mut self, x: ExprId, path: &[u32], recv_t: TypeId) -> Val {
        let xt = self.type_of(x);
        let want_ptr = matches!(self.types.kind(recv_t), TypeKind::Pointer(_));
        let base_t = match self.types.kind(recv_t) {
            TypeKind::Pointer(b) => *b,
            _ => recv_t,
        };
        let x_ptr = matches!(self.under(xt), TypeKind::Pointer(_));
        if path.is_empty() {
            return match (x_ptr, want_ptr) {
                (false, false) | (true, true) => self.expr_to(x, recv_t),
                (false, true) => match self.place(x) {
                    Some(a) => {
                        self.check_addr(a);
                        Val::S(a)
                    }
                    None => {
                        let v = self.expr(x);
                        let v = self.to_temp(v, xt);
                        match v {
                            Val::M(a) => Val::S(a),
                            Val::S(s) => {
                                let a = self.temp(xt, "recv");
                                self.store(a, 0, s);
                                Val::S(a)
                            }
                        }
                    }
                },
                (true, false) => {
                    let p = self.expr(x).v();
                    self.load_val(p, 0, base_t)
                }
            };
        }
        let (start, t) = match self.under(xt) {
            TypeKind::Pointer(p) => (self.expr(x).v(), *p),
            _ => (self.expr(x).v(), xt),
        };
        let (mut addr, t) = self.walk_fields_from(start, t, path, x_ptr);
        if matches!(self.under(t), TypeKind::Pointer(_)) {
            addr = self.load(Ty::Ptr, addr, 0);
        }
        if want_ptr {
            self.check_addr(addr);
            Val::S(addr)
        } else {
            self.load_val(addr, 0, base_t)
        }
    }

    /// Evaluates call arguments in order, each converted to its parameter type; packs the variadic tail
    /// into a new slice unless the call passes `s...`.
    pub fn call_args(
        &mut self,
        args: &[ExprId],
        params: &[TypeId],
        variadic: bool,
        spread: bool,
    ) -> Vec<(Val, TypeId)> {
        // f(g()) with g returning several values.
        if args.len() == 1 {
            if let TypeKind::Tuple(ts) = self.types.kind(self.type_of(args[0])) {
                let ts = ts.clone();
                let vals = self.call_multi(args[0]);
                // Each value is assigned to its parameter, or to the variadic slice's element type: a value
                // of concrete type meeting an interface parameter is converted (`fmt.Println(f())`).
                let fixed = if variadic { params.len() - 1 } else { params.len() };
                let targets: Vec<Option<TypeId>> = (0..ts.len())
                    .map(|i| if i < fixed { params.get(i).copied() } else { params.last().map(|&st| self.elem(st)) })
                    .collect();
                let mut out = self.to_iface_targets(vals.into_iter().zip(ts).collect(), &targets);
                if variadic && out.len() >= params.len() - 1 {
                    let tail: Vec<(Val, TypeId)> = out.split_off(params.len() - 1);
                    let st = *params.last().unwrap();
                    let s = self.make_slice_of(tail.into_iter().map(|v| v.0).collect(), st);
                    out.push((s, st));
                }
                return out;
            }
        }
        let fixed = if variadic && !spread { params.len() - 1 } else { params.len() };
        // Calls among the arguments move `call_lparen`; the `...` slice is this call's.
        let lparen = self.call_lparen;
        // The arguments' calls first, then the rest of each argument (order.rs).
        let hoisted = self.hoist(args);
        self.call_lparen = lparen;
        let mut out = Vec::new();
        for (i, &a) in args.iter().enumerate().take(fixed) {
            let v = self.expr_to(a, params[i]);
            out.push((v, params[i]));
        }
        if variadic && !spread {
            let st = *params.last().unwrap();
            let elem = self.elem(st);
            let mut extra = Vec::new();
            for &a in &args[fixed.min(args.len())..] {
                let v = self.expr_to(a, elem);
                extra.push(self.to_temp(v, elem));
            }
            self.call_lparen = lparen;
            let s = self.make_slice_of(extra, st);
            out.push((s, st));
        }
        self.unhoist(hoisted);
        out
    }

    /// Where the `(` after the callee `fun` of a call is, as gc positions calls: just after the callee's last
    /// identifier or `]` (gofmt writes nothing between them); the callee's own position for other forms.
    pub fn lparen_after(&self, fun: ExprId) -> Pos {
        let x = self.ast.expr(fun);
        match &x.kind {
            ExprKind::Ident(id) => id.pos.offset(id.name.len() as u32),
            ExprKind::Selector { sel, .. } => sel.pos.offset(sel.name.len() as u32),
            ExprKind::Index { rbrack, .. } => rbrack.offset(1),
            _ => x.pos,
        }
    }

    /// gc's text of a call's arguments in `-m` reports: `[]int, 10`.
    fn args_text(&self, args: &[ExprId]) -> String {
        let texts: Vec<String> = args.iter().map(|&a| crate::syntax::parser::print::expr_string(self.ast, a)).collect();
        texts.join(", ")
    }

    /// A new slice of type `st` holding `vals` (nil when empty): the `...` argument of a variadic call.
    fn make_slice_of(&mut self, vals: Vec<Val>, st: TypeId) -> Val {
        if vals.is_empty() {
            return self.zero_val(st);
        }
        let elem = self.elem(st);
        let es = self.size(elem);
        let n = vals.len() as u64;
        let p = self.new_array(elem, n);
        let lparen = self.call_lparen;
        self.note_alloc(p, lparen, SiteKind::Expr("... argument".into()));
        for (i, v) in vals.into_iter().enumerate() {
            self.store_val(p, (i as u64 * es) as i64, v, elem);
        }
        let a = self.temp(st, "varargs");
        let nv = self.iconst(self.int(), n as i64);
        self.store(a, 0, p);
        self.store(a, self.lw.target.len_offset(), nv);
        self.store(a, self.lw.target.cap_offset(), nv);
        Val::M(a)
    }

    /// Stores the (already evaluated) arguments, calls, and copies the results out of the outgoing area.
    pub fn call_go(&mut self, callee: Callee, args: Vec<(Val, TypeId)>, results: &[TypeId]) -> Vec<Val> {
        let pt: Vec<TypeId> = args.iter().map(|a| a.1).collect();
        let (po, ro, size) = self.call_layout(&pt, results);
        for (i, (v, t)) in args.into_iter().enumerate() {
            let a = self.vreg(Ty::Ptr);
            self.emit(Op::OutArgAddr { dst: a, offset: po[i] });
            self.store_val(a, 0, v, t);
        }
        self.emit(Op::CallGo { callee, args_size: size });
        let mut out = Vec::new();
        for (i, &t) in results.iter().enumerate() {
            let a = self.vreg(Ty::Ptr);
            self.emit(Op::OutArgAddr { dst: a, offset: ro[i] });
            let v = self.load_val(a, 0, t);
            let v = match v {
                Val::S(_) => v,
                Val::M(_) => self.to_temp(v, t),
            };
            out.push(v);
        }
        out
    }

    // ---- Function literals ----

    /// A function literal: lowers its body as a separate function and builds its closure.
    pub fn func_lit(&mut self, e: ExprId, typ: &FuncType, body: &Block) -> Val {
        self.closures += 1;
        let name = format!("{}{}", self.closure_prefix, self.closures);
        let pos = self.ast.expr(e).pos;
        let free = self.free_vars(e, body.rbrace);
        let mut ptrs = Vec::new();
        for &o in &free {
            match self.var_loc(o) {
                Some(super::func::VarLoc::Heap(p)) => ptrs.push(p),
                _ => {
                    let n = self.prog.obj(o).name.clone();
                    self.lw.error(pos, format!("internal: captured variable {n} is not on the heap"));
                    return Val::S(self.iconst(Ty::Ptr, 0));
                }
            }
        }
        let sig_t = self.type_of(e);
        let (ps, rs) = self.lw.signature_vars(sig_t, &typ.params, &typ.results);
        {
            let mut fb = Fb::new(&mut *self.lw, name.clone(), pos, format!("{name}."));
            fb.frame_pos = Some(pos);
            fb.lower_prologue(ps, rs, &free);
            fb.begin_defers(body);
            fb.lower_block_stmts(&body.stmts);
            fb.set_pos(body.rbrace);
            fb.ret_named();
            let f = fb.finish();
            self.lw.funcs.push(f);
        }
        pos::set_current(pos);
        self.set_pos(pos);
        if free.is_empty() {
            let sym = self.lw.static_closure(&name);
            return Val::S(self.sym_addr(&sym));
        }
        // The code pointer then the captured variables' addresses: every word is a pointer, so the
        // conservative `g1c_alloc` scans exactly the pointers.
        let obj = self.alloc(self.lw.target.ptr_size * (1 + free.len() as u64));
        self.note_alloc(obj, pos, SiteKind::Expr("func literal".into()));
        let code = self.sym_addr(&name);
        self.store(obj, 0, code);
        for (i, p) in ptrs.into_iter().enumerate() {
            self.store(obj, self.lw.target.word(i as u64 + 1), p);
        }
        Val::S(obj)
    }

    /// Local variables used inside function literal `lit` but declared outside it, in order of first use.
    fn free_vars(&self, lit: ExprId, end: Pos) -> Vec<ObjId> {
        let start = self.ast.expr(lit).pos;
        let mut idents = Vec::new();
        walk_expr(self.ast, lit, &mut idents);
        let mut out: Vec<ObjId> = Vec::new();
        for p in idents {
            let Some(&o) = self.prog.info.uses.get(&p) else { continue };
            let obj = self.prog.obj(o);
            let ObjKind::Var(v) = &obj.kind else { continue };
            if v.global || v.field || obj.package_level {
                continue;
            }
            if obj.pos >= start && obj.pos <= end {
                continue;
            }
            if !out.contains(&o) {
                out.push(o);
            }
        }
        out
    }

    // ---- Built-in functions ----

    /// `unsafe.Slice(ptr, len)`: the slice `{ptr, len, len}`, with gc 1.19's checks: a negative or too
    /// large `len` panics `unsafe.Slice: len out of range`, a nil `ptr` with `len > 0` panics
    /// `unsafe.Slice: ptr is nil and len is not zero`.
    fn unsafe_slice(&mut self, e: ExprId, args: &[ExprId], pos: Pos) -> Val {
        let p = self.expr(args[0]).v();
        let (n, _) = self.index_value(args[1]);
        self.unsafe_slice_values(e, p, n, pos)
    }

    /// The rest of `unsafe.Slice`: pointer `p`, length `n` (an `INT`).
    fn unsafe_slice_values(&mut self, e: ExprId, p: VReg, n: VReg, pos: Pos) -> Val {
        let st = self.type_of(e);
        let es = self.size(self.elem(st));
        self.set_pos(pos);
        // gc 1.19's unsafeslice: a negative length panics; so does a size `n*es` that overflows or
        // runs past the end of the address space (`mem > -p`), as a nil pointer when `p` is nil.
        let zero = self.iconst(self.int(), 0);
        let ok = self.cmp(Cond::GeS, n, zero);
        self.check(ok, "g1c_panic_unsafeslice_len", vec![]);
        let negp = self.conv(ConvOp::Bitcast, self.int(), p);
        let negp = self.binary(crate::ir::BinOp::Sub, zero, negp);
        let esv = self.iconst(self.int(), es as i64);
        let mem = self.binary(crate::ir::BinOp::Mul, n, esv);
        let mut ok = self.cmp(Cond::LeU, mem, negp);
        if es > 1 {
            let max = self.iconst(self.int(), (u64::MAX / es) as i64);
            let no_overflow = self.cmp(Cond::LeU, n, max);
            ok = self.binary(crate::ir::BinOp::And, ok, no_overflow);
        }
        let nilp = self.iconst(Ty::Ptr, 0);
        let has_ptr = self.cmp(Cond::Ne, p, nilp);
        let ok_or_ptr = self.binary(crate::ir::BinOp::Or, ok, has_ptr);
        self.check(ok_or_ptr, "g1c_panic_unsafeslice_nil", vec![]);
        self.check(ok, "g1c_panic_unsafeslice_len", vec![]);
        let a = self.temp(st, "unsafe.Slice");
        self.store(a, 0, p);
        self.store(a, self.lw.target.len_offset(), n);
        self.store(a, self.lw.target.cap_offset(), n);
        Val::M(a)
    }

    /// Which builtin the callee `fun` names: an identifier, or a selector of package unsafe (`unsafe.Add`).
    pub fn builtin_kind(&self, fun: ExprId) -> Option<Builtin> {
        let prog = self.prog;
        let name_pos = match &self.ast.expr(self.ast.unparen(fun)).kind {
            ExprKind::Ident(id) => Some(id.pos),
            ExprKind::Selector { sel, .. } => Some(sel.pos),
            _ => None,
        };
        name_pos.and_then(|p| prog.info.uses.get(&p)).and_then(|&o| match prog.obj(o).kind {
            ObjKind::Builtin(b) => Some(b),
            _ => None,
        })
    }

    fn builtin(&mut self, e: ExprId, fun: ExprId, args: &[ExprId], spread: bool) -> Vec<Val> {
        let pos = self.ast.expr(e).pos;
        let b = self.builtin_kind(fun);
        let Some(b) = b else {
            self.unsupported(pos, "package unsafe");
            return vec![];
        };
        let t = self.type_of(e);
        if let [a] = args {
            if matches!(self.types.kind(self.type_of(*a)), TypeKind::Tuple(_))
                && matches!(b, Builtin::Copy | Builtin::Delete | Builtin::Add | Builtin::Slice)
            {
                return self.builtin_multi(b, e, *a, pos);
            }
        }
        match b {
            Builtin::Len | Builtin::Cap => vec![Val::S(self.len_cap(b == Builtin::Cap, args[0]))],
            Builtin::Append => vec![self.append(e, args, spread)],
            Builtin::Copy => vec![Val::S(self.copy_builtin(args))],
            Builtin::Make => {
                if matches!(self.under(t), TypeKind::Map { .. }) {
                    return vec![self.make_map(t, args.get(1).copied(), pos)];
                }
                if let TypeKind::Chan { elem, .. } = self.under(t) {
                    return vec![self.make_chan(*elem, args.get(1).copied())];
                }
                let TypeKind::Slice(elem) = self.under(t) else {
                    self.unsupported(pos, "channels");
                    return vec![];
                };
                let elem = *elem;
                let (l, _) = self.index_value(args[1]);
                let c = match args.get(2) {
                    Some(&c) => self.index_value(c).0,
                    None => l,
                };
                self.set_pos(pos);
                let tsym = self.lw.type_sym(elem);
                let et = self.sym_addr(&tsym);
                let p = self.call_rt("g1c_makeslice_typed", vec![et, l, c], &[Ty::Ptr])[0];
                let text = format!("make({})", self.args_text(args));
                self.note_alloc(p, self.lparen_after(fun), SiteKind::Expr(text));
                let a = self.temp(t, "make");
                self.store(a, 0, p);
                self.store(a, self.lw.target.len_offset(), l);
                self.store(a, self.lw.target.cap_offset(), c);
                vec![Val::M(a)]
            }
            Builtin::New => {
                let elem = match self.under(t) {
                    TypeKind::Pointer(p) => *p,
                    _ => TypeId::INT,
                };
                let p = self.new_object(elem);
                let text = format!("new({})", self.args_text(args));
                self.note_alloc(p, self.lparen_after(fun), SiteKind::Expr(text));
                vec![Val::S(p)]
            }
            Builtin::Print | Builtin::Println => {
                self.print(args, b == Builtin::Println, pos);
                vec![]
            }
            Builtin::Panic => {
                self.panic_builtin(args[0], pos);
                vec![]
            }
            Builtin::Complex => vec![self.complex_builtin(args, t, pos)],
            Builtin::Real | Builtin::Imag => vec![self.complex_part_builtin(args[0], b == Builtin::Imag, pos)],
            Builtin::Close => {
                self.close_chan(args[0]);
                vec![]
            }
            Builtin::Delete => {
                self.map_delete(args[0], args[1], pos);
                vec![]
            }
            Builtin::Clear => vec![self.fail(pos, "clear", TypeId::INT)],
            Builtin::Recover => vec![self.recover_call()],
            // Sizeof, Alignof and Offsetof are constants except in generic code, where the type depends on
            // a type argument: this instance's substitution gives it.
            Builtin::Alignof | Builtin::Sizeof => {
                let t = self.type_of(args[0]);
                let v = if b == Builtin::Sizeof { self.size(t) } else { self.align(t) };
                vec![Val::S(self.iconst(self.int(), v as i64))]
            }
            Builtin::Offsetof => {
                let a = self.ast.unparen(args[0]);
                let (ExprKind::Selector { x, .. }, Some(sel)) =
                    (&self.ast.expr(a).kind, self.prog.info.selections.get(&a))
                else {
                    return vec![self.fail(pos, "internal: unsafe.Offsetof of a non-selector", TypeId::INT)];
                };
                let mut t = self.type_of(*x);
                if let TypeKind::Pointer(el) = self.under(t) {
                    t = *el;
                }
                let mut off = 0;
                for &i in &sel.index {
                    off += self.offsets(t).get(i as usize).copied().unwrap_or(0);
                    t = match self.under(t) {
                        TypeKind::Struct { fields } => fields[i as usize].typ,
                        _ => t,
                    };
                }
                vec![Val::S(self.iconst(self.int(), off as i64))]
            }
            Builtin::Add => {
                // unsafe.Add(ptr, len): ptr + len, len of any integer type (sign-extended when signed).
                let p = self.expr(args[0]).v();
                let (n, _) = self.index_value(args[1]);
                self.set_pos(pos);
                let off = self.conv(ConvOp::Bitcast, Ty::Ptr, n);
                vec![Val::S(self.binary(crate::ir::BinOp::Add, p, off))]
            }
            Builtin::Slice => vec![self.unsafe_slice(e, args, pos)],
        }
    }

    /// A builtin whose two arguments are the results of one call (`copy(f())`, `delete(f())`,
    /// `unsafe.Add(f())`, `unsafe.Slice(f())`; Go spec "Calls": `f(g())` holds for builtins too).
    /// `append`, `complex` and `print` handle the form themselves.
    fn builtin_multi(&mut self, b: Builtin, e: ExprId, call: ExprId, pos: Pos) -> Vec<Val> {
        let ts = match self.types.kind(self.type_of(call)) {
            TypeKind::Tuple(ts) => ts.clone(),
            _ => Vec::new(),
        };
        let vals = self.call_multi(call);
        let ([v0, v1], [t0, t1]) = (vals.as_slice(), ts.as_slice()) else {
            return vec![self.fail(pos, "internal: builtin of a call without two results", self.type_of(e))];
        };
        let (v0, v1, t0, t1) = (*v0, *v1, *t0, *t1);
        match b {
            Builtin::Copy => {
                let es = self.size(self.elem(t0));
                vec![Val::S(self.copy_values(v0.v(), v1.v(), es))]
            }
            Builtin::Delete => {
                let (kt, _) = self.map_kv(t0);
                let k = if t1 != kt && self.is_iface(kt) { self.convert_to_iface(v1, t1, kt) } else { v1 };
                self.map_delete_values(t0, v0.v(), k, pos);
                vec![]
            }
            Builtin::Add => {
                let signed = self.is_signed(t1);
                let n = self.to_int(v1.v(), signed);
                self.set_pos(pos);
                let off = self.conv(ConvOp::Bitcast, Ty::Ptr, n);
                vec![Val::S(self.binary(crate::ir::BinOp::Add, v0.v(), off))]
            }
            Builtin::Slice => {
                let signed = self.is_signed(t1);
                let n = self.to_int(v1.v(), signed);
                vec![self.unsafe_slice_values(e, v0.v(), n, pos)]
            }
            _ => vec![self.fail(pos, "internal: builtin of a multi-value call", self.type_of(e))],
        }
    }

    fn len_cap(&mut self, cap: bool, x: ExprId) -> VReg {
        let xt = self.type_of(x);
        match self.under(xt) {
            TypeKind::Slice(_) => {
                let s = self.expr(x).v();
                self.load(self.int(), s, if cap { self.lw.target.cap_offset() } else { self.lw.target.len_offset() })
            }
            TypeKind::Array { len, .. } => {
                let len = *len;
                self.expr(x);
                self.iconst(self.int(), len as i64)
            }
            TypeKind::Pointer(p) => {
                let len = match self.under(*p) {
                    TypeKind::Array { len, .. } => *len,
                    _ => 0,
                };
                self.expr(x);
                self.iconst(self.int(), len as i64)
            }
            TypeKind::Basic(_) => {
                let s = self.expr_to(x, TypeId::STRING).v();
                self.load(self.int(), s, self.lw.target.len_offset())
            }
            TypeKind::Map { .. } => {
                let m = self.expr(x).v();
                self.map_len(m)
            }
            TypeKind::Chan { .. } => {
                let c = self.expr(x).v();
                self.call_rt(if cap { "g1c_chancap" } else { "g1c_chanlen" }, vec![c], &[self.int()])[0]
            }
            _ => {
                let pos = self.ast.expr(x).pos;
                self.fail(pos, "maps and channels", TypeId::INT).v()
            }
        }
    }

    /// `append(s, x...)` / `append(s, a, b)`: grows through `g1c_growslice` when the capacity is exceeded.
    fn append(&mut self, e: ExprId, args: &[ExprId], spread: bool) -> Val {
        let st = self.type_of(e);
        let elem = self.elem(st);
        let es = self.size(elem);
        // `append(f())`: the call's results are the slice and the elements.
        if args.len() == 1 && !spread {
            if let TypeKind::Tuple(ts) = self.types.kind(self.type_of(args[0])).clone() {
                let vals = self.call_multi(args[0]);
                let s = self.to_temp(vals[0], st).v();
                let mut extra = Vec::new();
                for (v, t) in vals[1..].iter().zip(&ts[1..]) {
                    let v = if *t != elem && self.is_iface(elem) { self.convert_to_iface(*v, *t, elem) } else { *v };
                    extra.push(self.to_temp(v, elem));
                }
                return self.append_values(e, s, es, extra, None);
            }
        }
        let s = self.expr_to(args[0], st).v();
        let (extra, src): (Vec<Val>, Option<(VReg, VReg)>) = if spread {
            let tt = self.default_type(self.type_of(args[1]));
            let t = self.expr_to(args[1], tt).v();
            let tp = self.load(Ty::Ptr, t, 0);
            let tn = self.load(self.int(), t, self.lw.target.len_offset());
            (Vec::new(), Some((tp, tn)))
        } else {
            let mut vals = Vec::new();
            for &a in &args[1..] {
                let v = self.expr_to(a, elem);
                vals.push(self.to_temp(v, elem));
            }
            (vals, None)
        };
        self.append_values(e, s, es, extra, src)
    }

    /// The rest of `append`: slice header at `s`, elements of size `es` either as values (`extra`) or as
    /// a source range `src` = (pointer, length) for `append(s, t...)`.
    fn append_values(&mut self, e: ExprId, s: VReg, es: u64, extra: Vec<Val>, src: Option<(VReg, VReg)>) -> Val {
        let st = self.type_of(e);
        let elem = self.elem(st);
        self.set_pos(self.ast.expr(e).pos);
        let p0 = self.load(Ty::Ptr, s, 0);
        let l = self.load(self.int(), s, self.lw.target.len_offset());
        let c0 = self.load(self.int(), s, self.lw.target.cap_offset());
        let n = match src {
            Some((_, tn)) => tn,
            None => self.iconst(self.int(), extra.len() as i64),
        };
        let newlen = self.binary(crate::ir::BinOp::Add, l, n);
        let p = self.copy(p0);
        let c = self.copy(c0);
        let grow = self.cmp(Cond::GtU, newlen, c0);
        let grow_b = self.new_block();
        let join = self.new_block();
        self.branch(grow, grow_b, join);
        self.switch_to(grow_b);
        let out = self.temp_raw(self.lw.target.slice_size(), self.lw.target.ptr_size, "grow");
        let tsym = self.lw.type_sym(elem);
        let et = self.sym_addr(&tsym);
        self.call_rt("g1c_growslice_typed", vec![out, et, p0, l, c0, newlen], &[]);
        self.emit(Op::Load { dst: p, addr: out, offset: 0 });
        self.emit(Op::Load { dst: c, addr: out, offset: self.lw.target.cap_offset() as i32 });
        self.jump(join);
        self.switch_to(join);
        let dst = self.index_addr(p, l, es);
        match src {
            Some((tp, tn)) => {
                let bytes = if es == 1 {
                    tn
                } else {
                    let k = self.iconst(self.int(), es as i64);
                    self.binary(crate::ir::BinOp::Mul, tn, k)
                };
                self.call_rt("g1c_memmove", vec![dst, tp, bytes], &[]);
            }
            None => {
                for (i, v) in extra.into_iter().enumerate() {
                    self.store_val(dst, (i as u64 * es) as i64, v, elem);
                }
            }
        }
        let a = self.temp(st, "append");
        self.store(a, 0, p);
        self.store(a, self.lw.target.len_offset(), newlen);
        self.store(a, self.lw.target.cap_offset(), c);
        Val::M(a)
    }

    /// `copy(dst, src)`: `min(len(dst), len(src))` elements by `g1c_memmove`.
    fn copy_builtin(&mut self, args: &[ExprId]) -> VReg {
        let dt = self.type_of(args[0]);
        let es = self.size(self.elem(dt));
        let d = self.expr(args[0]).v();
        let st = self.default_type(self.type_of(args[1]));
        let s = self.expr_to(args[1], st).v();
        self.copy_values(d, s, es)
    }

    /// The rest of `copy`: slice headers at `d` and `s` (a string's header starts the same way), elements
    /// of size `es`.
    fn copy_values(&mut self, d: VReg, s: VReg, es: u64) -> VReg {
        let (dp, dl) = (self.load(Ty::Ptr, d, 0), self.load(self.int(), d, self.lw.target.len_offset()));
        let (sp, sl) = (self.load(Ty::Ptr, s, 0), self.load(self.int(), s, self.lw.target.len_offset()));
        let n = self.copy(dl);
        let less = self.cmp(Cond::LtS, sl, dl);
        let b = self.new_block();
        let join = self.new_block();
        self.branch(less, b, join);
        self.switch_to(b);
        self.emit(Op::Copy { dst: n, src: sl });
        self.jump(join);
        self.switch_to(join);
        let bytes = if es == 1 {
            n
        } else {
            let k = self.iconst(self.int(), es as i64);
            self.binary(crate::ir::BinOp::Mul, n, k)
        };
        self.call_rt("g1c_memmove", vec![dp, sp, bytes], &[]);
        n
    }

    /// `print`/`println` as gc compiles them: one runtime call per operand, chosen by its type.
    fn print(&mut self, args: &[ExprId], ln: bool, pos: Pos) {
        // Operands are evaluated first, then printed under the print lock.
        let mut vals = Vec::new();
        if let [a] = args {
            if let TypeKind::Tuple(ts) = self.types.kind(self.type_of(*a)) {
                let ts = ts.clone();
                let vs = self.call_multi(*a);
                vals.extend(vs.into_iter().zip(ts).map(|(v, t)| (v, t, self.ast.expr(*a).pos)));
            }
        }
        if vals.is_empty() {
            for &a in args {
                let t = self.default_type(self.type_of(a));
                let v = self.expr_to(a, t);
                let v = if args.len() > 1 { self.to_temp(v, t) } else { v };
                vals.push((v, t, self.ast.expr(a).pos));
            }
        }
        self.set_pos(pos);
        self.call_rt("g1c_printlock", vec![], &[]);
        for (i, (v, t, apos)) in vals.into_iter().enumerate() {
            if ln && i > 0 {
                self.call_rt("g1c_printsp", vec![], &[]);
            }
            self.print_one(v, t, apos);
        }
        if ln {
            self.call_rt("g1c_printnl", vec![], &[]);
        }
        self.call_rt("g1c_printunlock", vec![], &[]);
    }

    fn print_one(&mut self, v: Val, t: TypeId, pos: Pos) {
        use BasicKind::*;
        match self.under(t) {
            TypeKind::Basic(b) => match b {
                Bool => {
                    self.call_rt("g1c_printbool", vec![v.v()], &[]);
                }
                Int | Int8 | Int16 | Int32 | Int64 => {
                    let x = self.to_int(v.v(), true);
                    self.call_rt("g1c_printint", vec![x], &[]);
                }
                Uint | Uint8 | Uint16 | Uint32 | Uint64 | Uintptr => {
                    let x = self.to_int(v.v(), false);
                    self.call_rt("g1c_printuint", vec![x], &[]);
                }
                Float32 => {
                    let x = self.conv(ConvOp::FExt, Ty::F64, v.v());
                    self.call_rt("g1c_printfloat", vec![x], &[]);
                }
                Float64 => {
                    self.call_rt("g1c_printfloat", vec![v.v()], &[]);
                }
                Complex64 | Complex128 => {
                    let (fty, w) = if *b == Complex64 { (Ty::F32, 4) } else { (Ty::F64, 8) };
                    let mut re = self.load(fty, v.v(), 0);
                    let mut im = self.load(fty, v.v(), w);
                    if fty == Ty::F32 {
                        re = self.conv(ConvOp::FExt, Ty::F64, re);
                        im = self.conv(ConvOp::FExt, Ty::F64, im);
                    }
                    self.call_rt("g1c_printcomplex", vec![re, im], &[]);
                }
                String => {
                    let p = self.load(Ty::Ptr, v.v(), 0);
                    let n = self.load(self.int(), v.v(), self.lw.target.len_offset());
                    self.call_rt("g1c_printstring", vec![p, n], &[]);
                }
                UnsafePointer | UntypedNil => {
                    self.call_rt("g1c_printpointer", vec![v.v()], &[]);
                }
                _ => self.unsupported(pos, "printing this type"),
            },
            TypeKind::Pointer(_) | TypeKind::Func(_) | TypeKind::Map { .. } | TypeKind::Chan { .. } => {
                self.call_rt("g1c_printpointer", vec![v.v()], &[]);
            }
            TypeKind::Slice(_) => {
                let p = self.load(Ty::Ptr, v.v(), 0);
                let l = self.load(self.int(), v.v(), self.lw.target.len_offset());
                let c = self.load(self.int(), v.v(), self.lw.target.cap_offset());
                self.call_rt("g1c_printslice", vec![p, l, c], &[]);
            }
            TypeKind::Interface { .. } => self.print_iface(v),
            _ => self.unsupported(pos, "printing this type"),
        }
    }

    /// `panic(v)` → `g1c_gopanic(kind, type name, w0, w1)` (RUNTIME-ABI.md), until interfaces exist.
    fn panic_builtin(&mut self, arg: ExprId, pos: Pos) {
        use BasicKind::*;
        let t = self.default_type(self.type_of(arg));
        // The value goes to the runtime as an empty interface (`iface.rs`), as gc's gopanic takes it.
        if t != TypeId::INVALID {
            return self.panic_iface(arg, pos);
        }
        let v = self.expr_to(arg, t);
        self.set_pos(pos);
        let zero = |fb: &mut Self| {
            let t = fb.int();
            fb.iconst(t, 0)
        };
        let (kind, w0, w1) = match self.under(t) {
            TypeKind::Basic(b) => {
                let kind = reflect_kind(*b);
                match b {
                    Bool | Uint | Uint8 | Uint16 | Uint32 | Uint64 | Uintptr => {
                        (kind, self.to_int(v.v(), false), zero(self))
                    }
                    Int | Int8 | Int16 | Int32 | Int64 => (kind, self.to_int(v.v(), true), zero(self)),
                    Float32 => {
                        let f = self.conv(ConvOp::FExt, Ty::F64, v.v());
                        (kind, self.conv(ConvOp::Bitcast, self.int(), f), zero(self))
                    }
                    Float64 => (kind, self.conv(ConvOp::Bitcast, self.int(), v.v()), zero(self)),
                    Complex64 | Complex128 => {
                        let (fty, w) = if *b == Complex64 { (Ty::F32, 4) } else { (Ty::F64, 8) };
                        let mut re = self.load(fty, v.v(), 0);
                        let mut im = self.load(fty, v.v(), w);
                        if fty == Ty::F32 {
                            re = self.conv(ConvOp::FExt, Ty::F64, re);
                            im = self.conv(ConvOp::FExt, Ty::F64, im);
                        }
                        (kind, self.conv(ConvOp::Bitcast, self.int(), re), self.conv(ConvOp::Bitcast, self.int(), im))
                    }
                    String => {
                        let p = self.load(Ty::Ptr, v.v(), 0);
                        let n = self.load(self.int(), v.v(), self.lw.target.len_offset());
                        (kind, self.conv(ConvOp::Bitcast, self.int(), p), n)
                    }
                    _ => (kind, self.to_int(v.v(), false), zero(self)),
                }
            }
            TypeKind::Pointer(_) => (22, self.conv(ConvOp::Bitcast, self.int(), v.v()), zero(self)),
            TypeKind::Func(_) => (19, self.conv(ConvOp::Bitcast, self.int(), v.v()), zero(self)),
            TypeKind::Slice(_) => (23, self.conv(ConvOp::Bitcast, self.int(), v.v()), zero(self)),
            TypeKind::Array { .. } => (17, self.conv(ConvOp::Bitcast, self.int(), v.v()), zero(self)),
            TypeKind::Struct { .. } => (25, self.conv(ConvOp::Bitcast, self.int(), v.v()), zero(self)),
            _ => {
                self.unsupported(pos, "panic with this type");
                return;
            }
        };
        let name = self.defined_type_name(t);
        let kv = self.iconst(self.int(), kind);
        let (np, nl) = if name.is_empty() {
            (self.iconst(Ty::Ptr, 0), self.iconst(self.int(), 0))
        } else {
            let sym = self.lw.string_sym(name.as_bytes());
            (self.sym_addr(&sym), self.iconst(self.int(), name.len() as i64))
        };
        self.call_rt_noreturn("g1c_gopanic", vec![kv, np, nl, w0, w1]);
    }

    /// gc's name of a defined type declared in a package (`main.E`); empty for other types.
    fn defined_type_name(&self, t: TypeId) -> String {
        match self.types.kind(t) {
            TypeKind::Named(n) => {
                let o = self.prog.obj(n.obj);
                match o.pkg {
                    Some(p) => format!(
                        "{}.{}",
                        self.prog.packages.get(p.0 as usize).map(|p| p.name.as_str()).unwrap_or("main"),
                        o.name
                    ),
                    None => String::new(),
                }
            }
            _ => String::new(),
        }
    }
}

// ---- A walk over the tree collecting identifier uses (for closure captures) ----

fn walk_expr(ast: &crate::syntax::ast::Ast, e: ExprId, out: &mut Vec<Pos>) {
    use ExprKind::*;
    match &ast.expr(e).kind {
        Bad | BasicLit { .. } => {}
        Ident(id) => out.push(id.pos),
        CompositeLit { typ, elts, .. } => {
            if let Some(t) = typ {
                walk_expr(ast, *t, out);
            }
            for &x in elts {
                walk_expr(ast, x, out);
            }
        }
        FuncLit { body, .. } => walk_stmts(ast, &body.stmts, out),
        Paren(x) | Star(x) => walk_expr(ast, *x, out),
        Selector { x, .. } => walk_expr(ast, *x, out),
        Index { x, indices, .. } => {
            walk_expr(ast, *x, out);
            for &i in indices {
                walk_expr(ast, i, out);
            }
        }
        Slice { x, lo, hi, max, .. } => {
            walk_expr(ast, *x, out);
            for y in [lo, hi, max].into_iter().flatten() {
                walk_expr(ast, *y, out);
            }
        }
        TypeAssert { x, .. } => walk_expr(ast, *x, out),
        Call { fun, args, .. } => {
            walk_expr(ast, *fun, out);
            for &a in args {
                walk_expr(ast, a, out);
            }
        }
        Unary { x, .. } => walk_expr(ast, *x, out),
        Binary { x, y, .. } => {
            walk_expr(ast, *x, out);
            walk_expr(ast, *y, out);
        }
        KeyValue { key, value, .. } => {
            walk_expr(ast, *key, out);
            walk_expr(ast, *value, out);
        }
        // Type expressions name no variables (array lengths are constants).
        ArrayType { .. }
        | SliceType { .. }
        | StructType { .. }
        | FuncType(_)
        | InterfaceType { .. }
        | MapType { .. }
        | ChanType { .. }
        | Ellipsis { .. } => {}
    }
}

fn walk_stmts(ast: &crate::syntax::ast::Ast, ss: &[StmtId], out: &mut Vec<Pos>) {
    for &s in ss {
        walk_stmt(ast, s, out);
    }
}

fn walk_stmt(ast: &crate::syntax::ast::Ast, s: StmtId, out: &mut Vec<Pos>) {
    use crate::syntax::ast::Spec;
    let opt = |e: &Option<ExprId>, out: &mut Vec<Pos>| {
        if let Some(e) = e {
            walk_expr(ast, *e, out);
        }
    };
    let opt_s = |s: &Option<StmtId>, out: &mut Vec<Pos>| {
        if let Some(s) = s {
            walk_stmt(ast, *s, out);
        }
    };
    match &ast.stmt(s).kind {
        StmtKind::Bad | StmtKind::Empty | StmtKind::Branch { .. } => {}
        StmtKind::Decl(d) => {
            for sp in &d.specs {
                if let Spec::Value(v) = sp {
                    for &e in &v.values {
                        walk_expr(ast, e, out);
                    }
                }
            }
        }
        StmtKind::Labeled { stmt, .. } => walk_stmt(ast, *stmt, out),
        StmtKind::Expr(e) | StmtKind::Go(e) | StmtKind::Defer(e) => walk_expr(ast, *e, out),
        StmtKind::Send { ch, value } => {
            walk_expr(ast, *ch, out);
            walk_expr(ast, *value, out);
        }
        StmtKind::IncDec { x, .. } => walk_expr(ast, *x, out),
        StmtKind::Assign { lhs, rhs, .. } => {
            for &e in lhs.iter().chain(rhs) {
                walk_expr(ast, e, out);
            }
        }
        StmtKind::Return(rs) => {
            for &e in rs {
                walk_expr(ast, e, out);
            }
        }
        StmtKind::Block(b) => walk_stmts(ast, &b.stmts, out),
        StmtKind::If { init, cond, then, els } => {
            opt_s(init, out);
            walk_expr(ast, *cond, out);
            walk_stmts(ast, &then.stmts, out);
            opt_s(els, out);
        }
        StmtKind::Switch { init, tag, body, .. } => {
            opt_s(init, out);
            opt(tag, out);
            for c in body {
                for &e in c.list.iter().flatten() {
                    walk_expr(ast, e, out);
                }
                walk_stmts(ast, &c.body, out);
            }
        }
        StmtKind::TypeSwitch { init, assign, body, .. } => {
            opt_s(init, out);
            walk_stmt(ast, *assign, out);
            for c in body {
                walk_stmts(ast, &c.body, out);
            }
        }
        StmtKind::Select { body, .. } => {
            for c in body {
                opt_s(&c.comm, out);
                walk_stmts(ast, &c.body, out);
            }
        }
        StmtKind::For { init, cond, post, body } => {
            opt_s(init, out);
            opt(cond, out);
            opt_s(post, out);
            walk_stmts(ast, &body.stmts, out);
        }
        StmtKind::Range { key, value, x, body, .. } => {
            opt(key, out);
            opt(value, out);
            walk_expr(ast, *x, out);
            walk_stmts(ast, &body.stmts, out);
        }
    }
}
