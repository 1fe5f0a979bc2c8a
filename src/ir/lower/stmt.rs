//! Statements (Go spec "Statements"): control flow becomes blocks and branches; assignments follow the
//! spec's two phases (operands of the left side and all right-hand expressions first, then the stores left
//! to right).

use super::expr::ElemRef;
use super::func::{Fb, LVal, Target, Val};
use crate::ir::{BinOp, Cond, ConvOp, Op, Ty, VReg};
use crate::syntax::ast::{
    AssignOp, BranchKind, CaseClause, ExprId, ExprKind, GenDecl, GenKind, Spec, StmtId, StmtKind,
};
use crate::syntax::pos::{self, Pos};
use crate::types::{Mode, ObjId, ObjKind, SelectionKind, TypeId, TypeKind, Value};

/// A target of a multiple assignment between its two phases (see `Fb::pending_target`).
#[derive(Clone, Copy)]
enum Pending {
    Ready(LVal),
    Elem(ElemRef),
}

impl<'a, 'b> Fb<'a, 'b> {
    pub fn lower_block_stmts(&mut self, stmts: &[StmtId]) {
        for &s in stmts {
            self.stmt(s);
        }
    }

    pub fn stmt(&mut self, s: StmtId) {
        self.stmt_labeled(s, None)
    }

    /// Lowers statement `s`; `label` names it when it is the statement of a labeled statement.
    fn stmt_labeled(&mut self, s: StmtId, label: Option<String>) {
        let ast = self.ast;
        let st = ast.stmt(s);
        pos::set_current(st.pos);
        self.set_pos(st.pos);
        match &st.kind {
            StmtKind::Bad | StmtKind::Empty => {}
            StmtKind::Decl(d) => self.decl_stmt(d),
            StmtKind::Labeled { label: l, stmt } => {
                let b = self.label_block(&l.name);
                self.jump(b);
                self.switch_to(b);
                self.stmt_labeled(*stmt, Some(l.name.to_string()));
            }
            StmtKind::Expr(e) => self.expr_stmt(*e),
            StmtKind::Send { ch, value } => self.send_stmt(*ch, *value),
            StmtKind::IncDec { x, inc } => self.incdec(*x, *inc),
            StmtKind::Assign { lhs, op, op_pos, rhs } => self.assign_stmt(lhs, *op, *op_pos, rhs),
            StmtKind::Go(e) => self.go_stmt(st.pos, *e),
            StmtKind::Defer(e) => self.defer_stmt(st.pos, *e),
            StmtKind::Return(results) => self.return_stmt(results),
            StmtKind::Branch { kind, label: l } => {
                self.branch_stmt(st.pos, *kind, l.as_ref().map(|i| i.name.to_string()))
            }
            StmtKind::Block(b) => self.lower_block_stmts(&b.stmts),
            StmtKind::If { init, cond, then, els } => {
                if let Some(i) = init {
                    self.stmt(*i);
                }
                let then_b = self.new_block();
                let end = self.new_block();
                let else_b = if els.is_some() { self.new_block() } else { end };
                self.cond(*cond, then_b, else_b);
                self.switch_to(then_b);
                self.lower_block_stmts(&then.stmts);
                self.jump(end);
                if let Some(e) = els {
                    self.switch_to(else_b);
                    self.stmt(*e);
                    self.jump(end);
                }
                self.switch_to(end);
            }
            StmtKind::Switch { init, tag, body, .. } => self.switch_stmt(*init, *tag, body, label),
            StmtKind::TypeSwitch { init, assign, body, .. } => self.type_switch(*init, *assign, body, label),
            StmtKind::Select { body, .. } => self.select_stmt(st.pos, body, label),
            StmtKind::For { init, cond, post, body } => {
                if let Some(i) = init {
                    self.stmt(*i);
                }
                let head = self.new_block();
                let body_b = self.new_block();
                let post_b = self.new_block();
                let end = self.new_block();
                self.jump(head);
                self.switch_to(head);
                match cond {
                    Some(c) => self.cond(*c, body_b, end),
                    None => self.jump(body_b),
                }
                self.switch_to(body_b);
                self.targets.push(Target { label, brk: end, cont: Some(post_b) });
                self.lower_block_stmts(&body.stmts);
                self.targets.pop();
                self.jump(post_b);
                self.switch_to(post_b);
                if let Some(p) = post {
                    self.stmt(*p);
                }
                self.jump(head);
                self.switch_to(end);
            }
            StmtKind::Range { key, value, define, x, body, .. } => {
                self.range_stmt(st.pos, *key, *value, *define, *x, &body.stmts, label)
            }
        }
    }

    fn label_block(&mut self, name: &str) -> crate::ir::BlockId {
        if let Some(&b) = self.labels.get(name) {
            return b;
        }
        let b = self.new_block();
        self.labels.insert(name.to_string(), b);
        b
    }

    fn branch_stmt(&mut self, pos: Pos, kind: BranchKind, label: Option<String>) {
        let target = match kind {
            BranchKind::Break => {
                let t = match &label {
                    Some(l) => self.targets.iter().rev().find(|t| t.label.as_deref() == Some(l)),
                    None => self.targets.last(),
                };
                t.map(|t| t.brk)
            }
            BranchKind::Continue => {
                let t = match &label {
                    Some(l) => self.targets.iter().rev().find(|t| t.label.as_deref() == Some(l)),
                    None => self.targets.iter().rev().find(|t| t.cont.is_some()),
                };
                t.and_then(|t| t.cont)
            }
            BranchKind::Goto => label.as_ref().map(|l| self.label_block(l)),
            BranchKind::Fallthrough => self.fallthrough_to,
        };
        match target {
            Some(b) => self.jump(b),
            None => self.lw.error(pos, "internal: branch without target"),
        }
    }

    fn expr_stmt(&mut self, e: ExprId) {
        let ast = self.ast;
        match &ast.expr(ast.unparen(e)).kind {
            ExprKind::Call { .. } => {
                self.call(ast.unparen(e));
            }
            _ => {
                self.expr(e);
            }
        }
    }

    // ---- Declarations and assignments ----

    /// The object a (non-blank) identifier on the left of `:=` or in a `var` declaration declares.
    fn def_obj(&self, e: ExprId) -> Option<ObjId> {
        match &self.ast.expr(e).kind {
            ExprKind::Ident(id) if id.name != "_" => self.prog.info.defs.get(&id.pos).copied(),
            _ => None,
        }
    }

    /// The iteration variables of `for k, v := range x`, declared once for the whole loop (Go 1.19); `None`
    /// for one that is absent, blank or unwanted.
    pub fn range_defined(
        &mut self,
        key: Option<ExprId>,
        value: Option<ExprId>,
        want_key: bool,
        want_value: bool,
    ) -> (Option<LVal>, Option<LVal>) {
        let ast = self.ast;
        let declare = |fb: &mut Self, e: Option<ExprId>, want: bool| {
            let o = e.filter(|_| want).and_then(|e| fb.def_obj(ast.unparen(e)))?;
            Some(fb.declare_local(o, true))
        };
        let k = declare(self, key, want_key);
        let v = declare(self, value, want_value);
        (k, v)
    }

    /// The operands of `for k, v = range x`, evaluated in each iteration once its element has been read.
    pub fn range_assigned(
        &mut self,
        key: Option<ExprId>,
        value: Option<ExprId>,
        want_key: bool,
        want_value: bool,
    ) -> (Option<LVal>, Option<LVal>) {
        let k = key.filter(|_| want_key).map(|e| self.lvalue(e));
        let v = value.filter(|_| want_value).map(|e| self.lvalue(e));
        (k, v)
    }

    fn decl_stmt(&mut self, d: &GenDecl) {
        if d.kind != GenKind::Var {
            return;
        }
        for spec in &d.specs {
            let Spec::Value(vs) = spec else { continue };
            let objs: Vec<Option<ObjId>> = vs
                .names
                .iter()
                .map(|n| if n.name == "_" { None } else { self.prog.info.defs.get(&n.pos).copied() })
                .collect();
            if vs.values.is_empty() {
                for o in objs.into_iter().flatten() {
                    self.declare_local(o, true);
                }
                continue;
            }
            let types: Vec<Option<TypeId>> = objs.iter().map(|o| o.map(|o| self.obj_type(o))).collect();
            let vals = self.rhs_values(&vs.values, &types);
            for (o, (v, t)) in objs.into_iter().zip(vals) {
                if let Some(o) = o {
                    let lv = self.declare_local(o, false);
                    self.assign(lv, v, t);
                }
            }
        }
    }

    /// Evaluates the right-hand side of an assignment of `types.len()` values (one tuple-valued call, or one
    /// expression per value); with several values each is copied, so the stores cannot disturb them.
    fn rhs_values(&mut self, rhs: &[ExprId], types: &[Option<TypeId>]) -> Vec<(Val, TypeId)> {
        if rhs.len() == 1 && types.len() > 1 {
            let vals = self.call_multi(rhs[0]);
            let rt = match self.types.kind(self.type_of(rhs[0])) {
                TypeKind::Tuple(ts) => ts.clone(),
                _ => self.comma_ok_types(rhs[0]).unwrap_or_default(),
            };
            let vals: Vec<(Val, TypeId)> = vals.into_iter().zip(rt).collect();
            return self.to_iface_targets(vals, types);
        }
        let many = rhs.len() > 1;
        let mut out = Vec::new();
        for (i, &e) in rhs.iter().enumerate() {
            let t = types.get(i).copied().flatten().unwrap_or_else(|| self.default_type(self.type_of(e)));
            let v = self.expr_to(e, t);
            let v = if many { self.to_temp(v, t) } else { v };
            out.push((v, t));
        }
        out
    }

    pub fn lvalue(&mut self, e: ExprId) -> LVal {
        let ast = self.ast;
        let e = ast.unparen(e);
        match &ast.expr(e).kind {
            ExprKind::Ident(id) if id.name == "_" => LVal::Blank,
            ExprKind::Ident(id) => match self.prog.info.uses.get(&id.pos).or(self.prog.info.defs.get(&id.pos)) {
                Some(&o) => self.lval_var(o),
                None => LVal::Blank,
            },
            ExprKind::Index { x, indices, .. } if matches!(self.under(self.type_of(*x)), TypeKind::Map { .. }) => {
                self.map_lvalue(*x, indices[0])
            }
            ExprKind::Selector { .. } if self.qualified_ident(e).is_some() => {
                let id = self.qualified_ident(e).expect("checked above");
                match self.prog.info.uses.get(&id.pos) {
                    Some(&o) => self.lval_var(o),
                    None => LVal::Blank,
                }
            }
            _ => match self.place(e) {
                Some(a) => LVal::Mem(a),
                None => {
                    self.lw.error(ast.expr(e).pos, "internal: cannot assign to expression");
                    LVal::Blank
                }
            },
        }
    }

    fn assign_stmt(&mut self, lhs: &[ExprId], op: AssignOp, op_pos: Pos, rhs: &[ExprId]) {
        // The calls of both sides first, left side first, then the rest (order.rs).
        let mut both = lhs.to_vec();
        both.extend_from_slice(rhs);
        let hoisted = self.hoist(&both);
        self.assign_stmt_ordered(lhs, op, op_pos, rhs);
        self.unhoist(hoisted);
    }

    fn assign_stmt_ordered(&mut self, lhs: &[ExprId], op: AssignOp, op_pos: Pos, rhs: &[ExprId]) {
        let ast = self.ast;
        match op {
            AssignOp::Op(bop) => {
                let x = lhs[0];
                let t = self.type_of(x);
                let lv = self.lvalue(x);
                let cur = self.read_lval(lv, t);
                let cur = if matches!(lv, LVal::Reg(_)) { cur } else { self.to_temp(cur, t) };
                self.set_pos(op_pos);
                let r = self.binary_vals(bop, cur, t, rhs[0], op_pos);
                self.assign(lv, r, t);
            }
            AssignOp::Assign | AssignOp::Define => {
                let define = op == AssignOp::Define;
                // Phase 1: the left side's operands (new variables of `:=` have none).
                let mut lvs: Vec<Option<Pending>> = Vec::new();
                let mut types: Vec<Option<TypeId>> = Vec::new();
                for &l in lhs {
                    let le = ast.unparen(l);
                    let is_blank = matches!(&ast.expr(le).kind, ExprKind::Ident(id) if id.name == "_");
                    if is_blank {
                        lvs.push(Some(Pending::Ready(LVal::Blank)));
                        types.push(None);
                    } else if define && self.def_obj(le).is_some() {
                        lvs.push(None);
                        types.push(Some(self.obj_type(self.def_obj(le).unwrap())));
                    } else {
                        types.push(Some(self.type_of(le)));
                        lvs.push(Some(if lhs.len() > 1 {
                            self.pending_target(le)
                        } else {
                            Pending::Ready(self.lvalue(le))
                        }));
                    }
                }
                self.set_pos(op_pos);
                // Phase 1 (cont.): the right side.
                let vals = self.rhs_values(rhs, &types);
                // Phase 2: stores, left to right.
                for (i, (v, t)) in vals.into_iter().enumerate() {
                    let lv = match lvs.get(i).copied().flatten() {
                        Some(Pending::Ready(lv)) => lv,
                        Some(Pending::Elem(r)) => LVal::Mem(self.elem_target(r)),
                        None => {
                            let obj = self.def_obj(ast.unparen(lhs[i])).unwrap();
                            self.declare_local(obj, false)
                        }
                    };
                    self.assign(lv, v, t);
                }
            }
        }
    }

    /// Phase 1 of one target `e` of a multiple assignment (Go spec "Assignment statements": the operands of
    /// index expressions and pointer indirections on the left are evaluated before any assignment, and
    /// the assignments then happen left to right). Addresses are copied so that an earlier store cannot move
    /// a later target (`p, *p = f()` stores through the old `p`); an element of a slice or array is
    /// bounds-checked only when stored to, as gc does (`m[k], s[9] = 1, 2` sets `m[k]`, then panics). A map
    /// target's operands are copies already (`map_lvalue`).
    fn pending_target(&mut self, e: ExprId) -> Pending {
        if let ExprKind::Index { x, indices, .. } = &self.ast.expr(e).kind {
            if indices.len() == 1 {
                if let Some(r) = self.elem_operands(e, *x, indices[0]) {
                    return Pending::Elem(r);
                }
            }
        }
        match self.lvalue(e) {
            LVal::Mem(a) => {
                let c = self.copy(a);
                if self.unchecked.contains(&a) {
                    self.unchecked.insert(c);
                }
                Pending::Ready(LVal::Mem(c))
            }
            lv => Pending::Ready(lv),
        }
    }

    fn incdec(&mut self, x: ExprId, inc: bool) {
        let t = self.type_of(x);
        let lv = self.lvalue(x);
        if self.is_complex(t) {
            // `c++` of a complex (possible through a type parameter): the real part moves by one.
            let cur = self.read_lval(lv, t);
            let (re, im) = self.complex_parts(cur, t);
            let fty = self.ty(re);
            let one = self.fconst(fty, 1.0);
            let re = self.binary(if inc { BinOp::FAdd } else { BinOp::FSub }, re, one);
            let v = self.complex_make(re, im, t);
            self.assign(lv, v, t);
            return;
        }
        let cur = self.read_lval(lv, t).v();
        let ty = self.ty(cur);
        let (one, op) = if ty.is_float() {
            (self.fconst(ty, 1.0), if inc { BinOp::FAdd } else { BinOp::FSub })
        } else {
            (self.iconst(ty, 1), if inc { BinOp::Add } else { BinOp::Sub })
        };
        let r = self.binary(op, cur, one);
        self.assign(lv, Val::S(r), t);
    }

    fn return_stmt(&mut self, exprs: &[ExprId]) {
        if exprs.is_empty() {
            self.ret_named();
            return;
        }
        let results = self.results.clone();
        let types: Vec<Option<TypeId>> = results.iter().map(|r| Some(r.1)).collect();
        // The results' calls first, then the rest (order.rs).
        let hoisted = self.hoist(exprs);
        let vals = self.rhs_values(exprs, &types);
        self.unhoist(hoisted);
        for ((v, t), (obj, _, off)) in vals.into_iter().zip(results) {
            // With defers, a named result is the variable the deferred calls see (conc.rs).
            if let (true, Some(obj)) = (self.has_defer, obj) {
                let lv = self.lval_var(obj);
                self.assign(lv, v, t);
                continue;
            }
            let dst = self.vreg(Ty::Ptr);
            self.emit(Op::ArgAddr { dst, offset: off });
            self.store_val(dst, 0, v, t);
        }
        if self.has_defer {
            self.defer_return();
            return;
        }
        self.terminate(crate::ir::Term::Return);
    }

    // ---- switch ----

    fn switch_stmt(&mut self, init: Option<StmtId>, tag: Option<ExprId>, body: &[CaseClause], label: Option<String>) {
        if let Some(i) = init {
            self.stmt(i);
        }
        let tagv = match tag {
            Some(t) => {
                let tt = self.default_type(self.type_of(t));
                let v = self.expr_to(t, tt);
                Some((self.to_temp(v, tt), tt))
            }
            None => None,
        };
        let end = self.new_block();
        let bodies: Vec<_> = body.iter().map(|_| self.new_block()).collect();
        let mut default = None;
        for (i, cl) in body.iter().enumerate() {
            let Some(list) = &cl.list else {
                default = Some(bodies[i]);
                continue;
            };
            for &e in list {
                self.set_pos(self.ast.expr(e).pos);
                let next = self.new_block();
                match tagv {
                    Some((tv, tt)) => {
                        // A concrete tag against an interface case (possible in generic code, `switch t { case i: }`)
                        // compares as interfaces (Go spec "Comparison operators").
                        let ct = self.type_of(e);
                        let c = if self.is_iface(ct) && !self.is_iface(tt) {
                            let cv = self.expr(e);
                            let tiv = self.convert_to_iface(tv, tt, ct);
                            self.eq_vals(tiv, cv, ct)
                        } else {
                            let cv = self.expr_to(e, tt);
                            self.eq_vals(tv, cv, tt)
                        };
                        self.branch(c, bodies[i], next);
                    }
                    // `switch { case i: }` with an interface `i`: `i == true` (the tag is a bool `true`)
                    None if self.is_iface(self.type_of(e)) => {
                        let ct = self.type_of(e);
                        let cv = self.expr(e);
                        let t = self.iconst(Ty::I8, 1);
                        let tiv = self.convert_to_iface(Val::S(t), TypeId::BOOL, ct);
                        let c = self.eq_vals(tiv, cv, ct);
                        self.branch(c, bodies[i], next);
                    }
                    None => self.cond(e, bodies[i], next),
                }
                self.switch_to(next);
            }
        }
        self.jump(default.unwrap_or(end));
        let saved = self.fallthrough_to;
        for (i, cl) in body.iter().enumerate() {
            self.switch_to(bodies[i]);
            self.set_pos(cl.pos);
            self.targets.push(Target { label: label.clone(), brk: end, cont: None });
            self.fallthrough_to = bodies.get(i + 1).copied();
            self.lower_block_stmts(&cl.body);
            self.targets.pop();
            self.jump(end);
        }
        self.fallthrough_to = saved;
        self.switch_to(end);
    }

    // ---- for range ----

    #[allow(clippy::too_many_arguments)]
    fn range_stmt(
        &mut self,
        pos: Pos,
        key: Option<ExprId>,
        value: Option<ExprId>,
        define: bool,
        x: ExprId,
        body: &[StmtId],
        label: Option<String>,
    ) {
        let ast = self.ast;
        let xt = self.type_of(x);
        let is_blank = |e: Option<ExprId>| match e {
            None => true,
            Some(e) => matches!(&ast.expr(ast.unparen(e)).kind, ExprKind::Ident(id) if id.name == "_"),
        };
        let want_value = !is_blank(value);
        let want_key = !is_blank(key);
        let string = self.is_string(xt);
        // Evaluate the range expression once.
        let (base, len, elem_t) = match self.under(xt) {
            TypeKind::Basic(_) if string => {
                let s = self.expr(x).v();
                let p = self.load(Ty::Ptr, s, 0);
                let n = self.load(self.int(), s, self.lw.target.len_offset());
                (p, n, TypeId::INT32)
            }
            TypeKind::Slice(e) => {
                let s = self.expr(x).v();
                let p = self.load(Ty::Ptr, s, 0);
                let n = self.load(self.int(), s, self.lw.target.len_offset());
                (p, n, *e)
            }
            TypeKind::Array { len, elem } => {
                let v = self.expr(x);
                // Ranging over an array evaluates a copy of it (only observable through the value).
                let v = if want_value { self.to_temp(v, xt) } else { v };
                let n = self.iconst(self.int(), *len as i64);
                (v.v(), n, *elem)
            }
            TypeKind::Pointer(p) if matches!(self.under(*p), TypeKind::Array { .. }) => {
                let TypeKind::Array { len, elem } = self.under(*p) else { unreachable!() };
                let v = self.expr(x).v();
                let n = self.iconst(self.int(), *len as i64);
                (v, n, *elem)
            }
            TypeKind::Map { .. } => return self.range_map(key, value, define, x, body, label, want_key, want_value),
            TypeKind::Chan { elem, .. } => return self.range_chan(key, define, x, *elem, body, label),
            _ => return self.unsupported(pos, "this range expression"),
        };
        let in_place = matches!(self.under(xt), TypeKind::Slice(_) | TypeKind::Array { .. }) && !string;
        if in_place && want_key && !want_value && self.is_clear_loop(key, x, elem_t, body) {
            return self.range_clear(key, define, base, len, elem_t);
        }
        let (mut key_lv, mut val_lv) =
            if define { self.range_defined(key, value, want_key, want_value) } else { (None, None) };
        // The hidden index is reassigned each iteration, so it is not a constant vreg.
        let hv = self.vreg(self.int());
        self.emit(Op::Const { dst: hv, value: 0 });
        let head = self.new_block();
        let body_b = self.new_block();
        let post = self.new_block();
        let end = self.new_block();
        self.jump(head);
        self.switch_to(head);
        let c = self.cmp(Cond::LtS, hv, len);
        self.branch(c, body_b, end);
        self.switch_to(body_b);
        let next = self.vreg(self.int());
        let value_v = if string {
            // Decode one rune: ASCII inline, the rest by g1c_decoderune.
            let a = self.index_addr(base, hv, 1);
            let b = self.load(Ty::I8, a, 0);
            let bb = self.conv(ConvOp::ZExt, Ty::I32, b);
            let lim = self.iconst(Ty::I32, 0x80);
            let ascii = self.cmp(Cond::LtU, bb, lim);
            let r = self.vreg(Ty::I32);
            let ascii_b = self.new_block();
            let multi_b = self.new_block();
            let join = self.new_block();
            self.branch(ascii, ascii_b, multi_b);
            self.switch_to(ascii_b);
            self.emit(Op::Copy { dst: r, src: bb });
            let one = self.iconst(self.int(), 1);
            self.emit(Op::Binary { op: BinOp::Add, dst: next, x: hv, y: one });
            self.jump(join);
            self.switch_to(multi_b);
            let rets = self.call_rt("g1c_decoderune", vec![base, len, hv], &[Ty::I64, self.int()]);
            self.emit(Op::Convert { op: ConvOp::Trunc, dst: r, src: rets[0] });
            self.emit(Op::Copy { dst: next, src: rets[1] });
            self.jump(join);
            self.switch_to(join);
            Val::S(r)
        } else {
            // The next index is computed in `post` (`hv += 1`): computed here, it would hold a second
            // register through the body.
            if want_value {
                let es = self.size(elem_t);
                let a = self.index_addr(base, hv, es);
                self.load_val(a, 0, elem_t)
            } else {
                Val::S(hv)
            }
        };
        if !define {
            (key_lv, val_lv) = self.range_assigned(key, value, want_key, want_value);
        }
        if let Some(lv) = key_lv {
            self.assign(lv, Val::S(hv), TypeId::INT);
        }
        if let Some(lv) = val_lv {
            self.assign(lv, value_v, elem_t);
        }
        self.targets.push(Target { label, brk: end, cont: Some(post) });
        self.lower_block_stmts(body);
        self.targets.pop();
        self.jump(post);
        self.switch_to(post);
        if string {
            self.emit(Op::Copy { dst: hv, src: next });
        } else {
            let one = self.iconst(self.int(), 1);
            self.emit(Op::Binary { op: BinOp::Add, dst: hv, x: hv, y: one });
        }
        self.jump(head);
        self.switch_to(end);
    }

    /// Whether `for key := range x { x[key] = zero }` (or `=` for `:=`) is gc's clearing idiom
    /// (walk/range.go's `arrayClear`): the body is that one assignment, its `x` is the range expression
    /// itself (the same variable, or the same fields through the same pointers: reading it again gives the
    /// same slice or array, since the loop stores only zeros into its elements), and the value assigned is
    /// the element type's zero value. Like gc, only with the optimizer on.
    fn is_clear_loop(&self, key: Option<ExprId>, x: ExprId, elem_t: TypeId, body: &[StmtId]) -> bool {
        let ast = self.ast;
        if !self.lw.optimize || self.size(elem_t) == 0 {
            return false;
        }
        let ([st], Some(key)) = (body, key) else { return false };
        let StmtKind::Assign { lhs, op: AssignOp::Assign, rhs, .. } = &ast.stmt(*st).kind else { return false };
        let ([lhs], [rhs]) = (lhs.as_slice(), rhs.as_slice()) else { return false };
        let ExprKind::Index { x: ix, indices, .. } = &ast.expr(ast.unparen(*lhs)).kind else { return false };
        let [index] = &indices[..] else { return false };
        let info = &self.prog.info;
        let ident_obj = |e: ExprId| match &ast.expr(ast.unparen(e)).kind {
            ExprKind::Ident(id) if id.name != "_" => info.uses.get(&id.pos).or(info.defs.get(&id.pos)).copied(),
            _ => None,
        };
        let (Some(k), Some(i)) = (ident_obj(key), ident_obj(*index)) else { return false };
        k == i && self.same_place(x, *ix) && self.is_zero_of(*rhs, elem_t)
    }

    /// Whether `a` and `b` are the same variable, or the same field selections and dereferences of it, so
    /// that they denote the same memory when nothing between them writes a variable they read.
    fn same_place(&self, a: ExprId, b: ExprId) -> bool {
        let ast = self.ast;
        let info = &self.prog.info;
        let (a, b) = (ast.unparen(a), ast.unparen(b));
        match (&ast.expr(a).kind, &ast.expr(b).kind) {
            (ExprKind::Ident(x), ExprKind::Ident(y)) => match (info.uses.get(&x.pos), info.uses.get(&y.pos)) {
                (Some(&o), Some(&p)) => o == p && matches!(self.prog.obj(o).kind, ObjKind::Var(_)),
                _ => false,
            },
            (ExprKind::Selector { x: xa, .. }, ExprKind::Selector { x: xb, .. }) => {
                match (info.selections.get(&a), info.selections.get(&b)) {
                    (Some(s), Some(t)) => {
                        s.kind == SelectionKind::FieldVal
                            && t.kind == SelectionKind::FieldVal
                            && s.obj == t.obj
                            && s.index == t.index
                            && self.same_place(*xa, *xb)
                    }
                    _ => false,
                }
            }
            (ExprKind::Star(p), ExprKind::Star(q)) => self.same_place(*p, *q),
            _ => false,
        }
    }

    /// Whether `e`, assigned to a variable of type `t`, stores `t`'s zero value: a zero constant of a
    /// non-interface type, `nil`, or a composite literal without elements.
    fn is_zero_of(&self, e: ExprId, t: TypeId) -> bool {
        let ast = self.ast;
        if self.is_nil(e) {
            return true;
        }
        let iface = matches!(self.under(t), TypeKind::Interface { .. });
        let tv = self.tv(e);
        if tv.mode == Mode::Constant {
            return !iface
                && match &tv.value {
                    Some(Value::Bool(b)) => !b,
                    Some(Value::String(s)) => s.is_empty(),
                    Some(Value::Int(i)) => i.is_zero(),
                    Some(Value::Float(f)) => f.is_zero(),
                    Some(Value::Complex(r, i)) => r.is_zero() && i.is_zero(),
                    _ => false,
                };
        }
        match &ast.expr(ast.unparen(e)).kind {
            ExprKind::CompositeLit { elts, .. } => {
                elts.is_empty() && matches!(self.under(t), TypeKind::Struct { .. } | TypeKind::Array { .. })
            }
            _ => false,
        }
    }

    /// The clearing idiom (see [`Self::is_clear_loop`]) as gc lowers it: when the range is not empty, one
    /// `g1c_memclr` of its bytes and the key set to its last index.
    fn range_clear(&mut self, key: Option<ExprId>, define: bool, base: VReg, len: VReg, elem_t: TypeId) {
        let zero = self.iconst(self.int(), 0);
        let c = self.cmp(Cond::Ne, len, zero);
        let clear_b = self.new_block();
        let end = self.new_block();
        self.branch(c, clear_b, end);
        self.switch_to(clear_b);
        let es = self.iconst(self.int(), self.size(elem_t) as i64);
        let n = self.vreg(self.int());
        self.emit(Op::Binary { op: BinOp::Mul, dst: n, x: len, y: es });
        self.call_rt("g1c_memclr", vec![base, n], &[]);
        // `for i = range` leaves the last index in `i`; a variable `:=` declares is not seen after the loop.
        if !define {
            if let (Some(lv), _) = self.range_assigned(key, None, true, false) {
                let one = self.iconst(self.int(), 1);
                let last = self.vreg(self.int());
                self.emit(Op::Binary { op: BinOp::Sub, dst: last, x: len, y: one });
                self.assign(lv, Val::S(last), TypeId::INT);
            }
        }
        self.jump(end);
        self.switch_to(end);
    }

    // ---- Package initialization (`<path>.init`) ----

    pub fn lower_global_init(&mut self, lhs: &[ObjId], rhs: ExprId) {
        pos::set_current(self.ast.expr(rhs).pos);
        self.set_pos(self.ast.expr(rhs).pos);
        let types: Vec<Option<TypeId>> = lhs.iter().map(|&o| Some(self.obj_type(o))).collect();
        let vals = self.rhs_values(&[rhs], &types);
        for (&o, (v, t)) in lhs.iter().zip(vals) {
            if self.prog.obj(o).name == "_" {
                continue;
            }
            let lv = self.lval_var(o);
            self.assign(lv, v, t);
        }
    }
}
