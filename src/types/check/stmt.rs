//! Statements (Go spec "Statements"), assignments and variable declarations, labels, and the "terminating
//! statement" rule behind `missing return`.
//!
//! In: a function body. Out: facts in `Info`, objects for every local declaration, errors.

use super::super::constant::Value;
use super::super::{Mode, ObjId, ObjKind, Object, TypeId, TypeKind, VarInfo};
use super::expr::{OpMode, Operand};
use super::Checker;
use crate::syntax::ast::*;
use crate::syntax::pos::{self, Error, Pos};
use crate::types::fxhash::HashMap;

/// Where a statement sits: which branch statements are allowed.
#[derive(Clone, Default)]
pub struct StmtCtx {
    pub break_ok: bool,
    pub continue_ok: bool,
    pub fallthrough_ok: bool,
    pub final_switch_case: bool,
    /// Labels of enclosing labeled for/switch/select statements: (name, is_loop).
    pub enclosing: Vec<(Name, bool)>,
}

impl<'a> Checker<'a> {
    pub fn func_body_stmts(&mut self, body: &'a Block) {
        let labels = self.collect_labels(&body.stmts);
        let saved = std::mem::replace(&mut self.labels, labels);
        // The body's top-level declarations share the function block with the parameters and results
        // (Go spec "Declarations and scope"), so no new scope is opened here.
        self.stmt_list(&body.stmts, &StmtCtx::default());
        // Unused labels are reported by the parser (gc: syntax/branches.go).
        self.labels = saved;
        let sig = self.funcs.last().map(|f| f.sig).unwrap_or(TypeId::INVALID);
        if let TypeKind::Func(s) = self.t.kind(sig) {
            if !s.results.is_empty() && !self.is_terminating_list(&body.stmts, "") {
                self.error(body.rbrace, "missing return");
            }
        }
    }

    /// Declares every label of a function body (labels have function scope).
    fn collect_labels(&mut self, stmts: &'a [StmtId]) -> HashMap<Name, LabelInfo> {
        let mut out = HashMap::default();
        self.collect_labels_into(stmts, &mut out);
        out
    }

    fn collect_labels_into(&mut self, stmts: &'a [StmtId], out: &mut HashMap<Name, LabelInfo>) {
        let ast = self.ast;
        for &s in stmts {
            let mut s = s;
            loop {
                match &ast.stmt(s).kind {
                    StmtKind::Labeled { label, stmt } => {
                        if label.name != "_" {
                            if let Some(prev) = out.get(&label.name) {
                                let mut msg = format!("label {} already defined", label.name);
                                if let Some(p) = self.fset.position(prev.pos) {
                                    msg.push_str(&format!(" at {p}"));
                                }
                                let _ = (/* reported by the parser (gc: syntax/branches.go) */);
                            } else {
                                let o = self.objs.add(Object {
                                    kind: ObjKind::Label,
                                    name: label.name.clone(),
                                    pos: label.pos,
                                    typ: TypeId::INVALID,
                                    pkg: Some(self.pkg),
                                    package_level: false,
                                });
                                self.info.defs.insert(label.pos, o);
                                out.insert(label.name.clone(), LabelInfo { obj: o, pos: label.pos, used: false });
                            }
                        }
                        s = *stmt;
                    }
                    _ => break,
                }
            }
            match &ast.stmt(s).kind {
                StmtKind::Block(b) => self.collect_labels_into(&b.stmts, out),
                StmtKind::If { then, els, .. } => {
                    self.collect_labels_into(&then.stmts, out);
                    if let Some(e) = els {
                        self.collect_labels_into(std::slice::from_ref(e), out);
                    }
                }
                StmtKind::For { body, .. } | StmtKind::Range { body, .. } => self.collect_labels_into(&body.stmts, out),
                StmtKind::Switch { body, .. } | StmtKind::TypeSwitch { body, .. } => {
                    for c in body {
                        self.collect_labels_into(&c.body, out);
                    }
                }
                StmtKind::Select { body, .. } => {
                    for c in body {
                        self.collect_labels_into(&c.body, out);
                    }
                }
                _ => {}
            }
        }
    }

    fn stmt_list(&mut self, stmts: &'a [StmtId], ctx: &StmtCtx) {
        // fallthrough is only allowed as the last statement of a case
        let n = stmts.len();
        for (i, &s) in stmts.iter().enumerate() {
            let mut c = ctx.clone();
            // trailing empty statements don't count
            let last = stmts[i + 1..].iter().all(|&t| matches!(self.ast.stmt(t).kind, StmtKind::Empty));
            c.fallthrough_ok = ctx.fallthrough_ok && (i + 1 == n || last);
            self.stmt(s, &c);
        }
    }

    fn stmt(&mut self, s: StmtId, ctx: &StmtCtx) {
        let ast = self.ast;
        let st = ast.stmt(s);
        pos::set_current(st.pos);
        match &st.kind {
            StmtKind::Bad | StmtKind::Empty => {}
            StmtKind::Decl(g) => self.local_decl(g),
            StmtKind::Labeled { label, stmt } => {
                let mut c = ctx.clone();
                let inner = &ast.stmt(*stmt).kind;
                let is_loop = matches!(inner, StmtKind::For { .. } | StmtKind::Range { .. });
                let is_breakable = is_loop
                    || matches!(inner, StmtKind::Switch { .. } | StmtKind::TypeSwitch { .. } | StmtKind::Select { .. });
                if is_breakable {
                    c.enclosing.push((label.name.clone(), is_loop));
                }
                c.fallthrough_ok = false;
                self.stmt(*stmt, &c);
            }
            StmtKind::Expr(e) => {
                let x = self.raw_expr(*e, None);
                if x.mode == OpMode::Invalid {
                    return;
                }
                let inner = ast.unparen(*e);
                let msg = match x.mode {
                    OpMode::Builtin => Some("must be called"),
                    OpMode::TypeExpr => Some("is not an expression"),
                    _ => {
                        let is_call = matches!(ast.expr(inner).kind, ExprKind::Call { .. });
                        let is_recv = matches!(ast.expr(inner).kind, ExprKind::Unary { op: UnaryOp::Recv, .. });
                        if is_call {
                            // calls of some built-ins and conversions are not statements
                            let ExprKind::Call { fun, .. } = &ast.expr(inner).kind else { unreachable!() };
                            let fm = self.info.types.get(fun).map(|t| t.mode);
                            match fm {
                                Some(Mode::TypeExpr) => Some("is not used"),
                                Some(Mode::Builtin) => {
                                    let b = self.builtin_of(*fun);
                                    match b {
                                        Some(
                                            super::super::Builtin::Append
                                            | super::super::Builtin::Cap
                                            | super::super::Builtin::Complex
                                            | super::super::Builtin::Imag
                                            | super::super::Builtin::Len
                                            | super::super::Builtin::Make
                                            | super::super::Builtin::New
                                            | super::super::Builtin::Real
                                            | super::super::Builtin::Alignof
                                            | super::super::Builtin::Offsetof
                                            | super::super::Builtin::Sizeof
                                            | super::super::Builtin::Add
                                            | super::super::Builtin::Slice,
                                        ) => Some("is not used"),
                                        _ => None,
                                    }
                                }
                                _ => None,
                            }
                        } else if is_recv {
                            None
                        } else {
                            Some("is not used")
                        }
                    }
                };
                if let Some(m) = msg {
                    let s = self.operand_string(&x);
                    self.error(ast.expr(*e).pos, format!("{s} {m}"));
                }
            }
            StmtKind::Send { ch, value } => {
                let c = self.expr(*ch);
                let mut v = self.expr(*value);
                if c.mode == OpMode::Invalid || v.mode == OpMode::Invalid {
                    return;
                }
                match self.t.kind(self.core(c.typ)).clone() {
                    TypeKind::Chan { dir, elem } => {
                        if dir == ChanDir::Recv {
                            let s = self.operand_string(&c);
                            self.error(st.pos, format!("invalid operation: cannot send to receive-only channel {s}"));
                            return;
                        }
                        self.assignment(&mut v, elem, "send");
                    }
                    _ => {
                        let s = self.operand_string(&c);
                        self.error(st.pos, format!("invalid operation: cannot send to non-channel {s}"));
                    }
                }
            }
            StmtKind::IncDec { x, inc } => {
                let mut xo = self.expr(*x);
                if xo.mode == OpMode::Invalid {
                    return;
                }
                if !self.is_numeric(xo.typ) {
                    let es = self.expr_string(*x);
                    let op = if *inc { "++" } else { "--" };
                    let ts = self.type_string(xo.typ);
                    self.error(ast.expr(*x).pos, format!("invalid operation: {es}{op} (non-numeric type {ts})"));
                    return;
                }
                let t = xo.typ;
                self.assign_var_operand(*x, &mut xo, t);
            }
            StmtKind::Assign { lhs, op, op_pos, rhs } => match op {
                AssignOp::Define => self.short_var_decl(st.pos, lhs, rhs, *op_pos),
                AssignOp::Assign => self.assign_vars(lhs, rhs, st.pos),
                AssignOp::Op(bop) => {
                    if lhs.len() != 1 || rhs.len() != 1 {
                        self.error(
                            *op_pos,
                            format!("assignment operation {}= requires single-valued expressions", bop.as_str()),
                        );
                        return;
                    }
                    let mut x = self.expr(lhs[0]);
                    let mut y = self.expr(rhs[0]);
                    if x.mode == OpMode::Invalid || y.mode == OpMode::Invalid {
                        return;
                    }
                    let mut r = self.binary_ops(lhs[0], *bop, *op_pos, &mut x, &mut y, Some((lhs[0], rhs[0])));
                    if r.mode == OpMode::Invalid {
                        return;
                    }
                    // the result is recorded on lhs by binary_ops; restore lhs's own record
                    let lt = x.typ;
                    self.record(
                        lhs[0],
                        if x.mode == OpMode::Variable { Mode::Variable } else { Mode::MapIndex },
                        lt,
                        None,
                    );
                    r.expr = rhs[0];
                    self.assign_var_operand(lhs[0], &mut r, lt);
                }
            },
            StmtKind::Go(e) | StmtKind::Defer(e) => {
                let kw = if matches!(st.kind, StmtKind::Go(_)) { "go" } else { "defer" };
                let inner = ast.unparen(*e);
                if !matches!(ast.expr(inner).kind, ExprKind::Call { .. }) {
                    self.error(ast.expr(*e).pos, format!("expression in {kw} must be function call"));
                    self.raw_expr(*e, None);
                    return;
                }
                let x = self.raw_expr(*e, None);
                if x.mode == OpMode::Invalid {
                    return;
                }
                if let ExprKind::Call { fun, .. } = &ast.expr(inner).kind {
                    match self.info.types.get(fun).map(|t| t.mode) {
                        Some(Mode::TypeExpr) => {
                            let s = self.expr_string(*e);
                            self.error(ast.expr(*e).pos, format!("{kw} requires function call, not conversion"));
                            let _ = s;
                        }
                        Some(Mode::Builtin) => {
                            let b = self.builtin_of(*fun);
                            if matches!(
                                b,
                                Some(
                                    super::super::Builtin::Append
                                        | super::super::Builtin::Cap
                                        | super::super::Builtin::Complex
                                        | super::super::Builtin::Imag
                                        | super::super::Builtin::Len
                                        | super::super::Builtin::Make
                                        | super::super::Builtin::New
                                        | super::super::Builtin::Real
                                        | super::super::Builtin::Alignof
                                        | super::super::Builtin::Offsetof
                                        | super::super::Builtin::Sizeof
                                )
                            ) {
                                let s = self.expr_string(*e);
                                self.error(ast.expr(*e).pos, format!("{kw} discards result of {s}"));
                            }
                        }
                        _ => {}
                    }
                }
            }
            StmtKind::Return(results) => self.return_stmt(st.pos, results),
            StmtKind::Branch { kind, label } => self.branch(st.pos, *kind, label.as_ref(), ctx),
            StmtKind::Block(b) => {
                self.open_scope();
                let mut c = ctx.clone();
                c.fallthrough_ok = false;
                self.stmt_list(&b.stmts, &c);
                self.close_scope();
            }
            StmtKind::If { init, cond, then, els } => {
                self.open_scope();
                let mut c = ctx.clone();
                c.fallthrough_ok = false;
                if let Some(i) = init {
                    self.stmt(*i, &c);
                }
                let x = self.expr(*cond);
                if x.mode != OpMode::Invalid && !self.is_boolean(x.typ) {
                    self.error(ast.expr(*cond).pos, "non-boolean condition in if statement");
                }
                if x.mode != OpMode::Invalid && self.is_untyped(x.typ) {
                    let mut x = x;
                    self.convert_untyped(&mut x, TypeId::BOOL);
                }
                self.open_scope();
                self.stmt_list(&then.stmts, &c);
                self.close_scope();
                if let Some(e) = els {
                    self.stmt(*e, &c);
                }
                self.close_scope();
            }
            StmtKind::Switch { init, tag, body, .. } => {
                self.open_scope();
                let mut c = ctx.clone();
                c.fallthrough_ok = false;
                if let Some(i) = init {
                    self.stmt(*i, &c);
                }
                let mut tagx = match tag {
                    Some(t) => {
                        let mut x = self.expr(*t);
                        if x.mode != OpMode::Invalid {
                            if self.is_untyped(x.typ) {
                                let d = self.default_type(x.typ);
                                if x.typ == TypeId::UNTYPED_NIL {
                                    self.error(ast.expr(*t).pos, "use of untyped nil in switch expression");
                                    x.mode = OpMode::Invalid;
                                } else {
                                    self.convert_untyped(&mut x, d);
                                }
                            }
                            if x.mode != OpMode::Invalid && !self.comparable(x.typ) && !self.has_nil(x.typ) {
                                let s = self.operand_string(&x);
                                let ts = self.type_string(x.typ);
                                self.error(ast.expr(*t).pos, format!("cannot switch on {s} ({ts} is not comparable)"));
                                x.mode = OpMode::Invalid;
                            }
                        }
                        Some(x)
                    }
                    None => None,
                };
                let mut default_seen: Option<Pos> = None;
                let mut seen_consts: Vec<(Value, TypeId, Pos)> = Vec::new();
                for (i, cl) in body.iter().enumerate() {
                    match &cl.list {
                        None => {
                            if let Some(p) = default_seen {
                                let ps = self.fset.position(p).map(|p| p.to_string()).unwrap_or_default();
                                self.error(cl.pos, format!("multiple defaults in switch (first at {ps})"));
                            }
                            default_seen = Some(cl.pos);
                        }
                        Some(list) => {
                            for &ce in list {
                                self.case_value(ce, tagx.as_mut(), &mut seen_consts);
                            }
                        }
                    }
                    self.open_scope();
                    let mut cc = ctx.clone();
                    cc.break_ok = true;
                    cc.fallthrough_ok = true;
                    cc.final_switch_case = i + 1 == body.len();
                    self.stmt_list(&cl.body, &cc);
                    self.close_scope();
                }
                self.close_scope();
            }
            StmtKind::TypeSwitch { init, assign, body, .. } => self.type_switch(*init, *assign, body, ctx),
            StmtKind::Select { body, .. } => {
                let mut default_seen = false;
                for cl in body {
                    self.open_scope();
                    match cl.comm {
                        None => {
                            if default_seen {
                                self.error(cl.pos, "multiple defaults in select");
                            }
                            default_seen = true;
                        }
                        Some(cs) => {
                            let ok = match &ast.stmt(cs).kind {
                                StmtKind::Send { .. } => true,
                                StmtKind::Expr(e) => {
                                    matches!(ast.expr(ast.unparen(*e)).kind, ExprKind::Unary { op: UnaryOp::Recv, .. })
                                }
                                StmtKind::Assign { rhs, .. } => {
                                    rhs.len() == 1
                                        && matches!(
                                            ast.expr(ast.unparen(rhs[0])).kind,
                                            ExprKind::Unary { op: UnaryOp::Recv, .. }
                                        )
                                }
                                _ => false,
                            };
                            if !ok {
                                // types2 then skips the clause (its statement and body are not checked)
                                let msg = "select case must be send or receive (possibly with assignment)";
                                self.error(ast.stmt(cs).pos, msg);
                                self.close_scope();
                                continue;
                            }
                            let mut c = ctx.clone();
                            c.fallthrough_ok = false;
                            self.stmt(cs, &c);
                        }
                    }
                    let mut cc = ctx.clone();
                    cc.break_ok = true;
                    cc.fallthrough_ok = false;
                    self.stmt_list(&cl.body, &cc);
                    self.close_scope();
                }
            }
            StmtKind::For { init, cond, post, body } => {
                self.open_scope();
                let mut c = ctx.clone();
                c.fallthrough_ok = false;
                if let Some(i) = init {
                    self.stmt(*i, &c);
                }
                if let Some(cnd) = cond {
                    let mut x = self.expr(*cnd);
                    if x.mode != OpMode::Invalid && !self.is_boolean(x.typ) {
                        self.error(ast.expr(*cnd).pos, "non-boolean condition in for statement");
                    } else if x.mode != OpMode::Invalid && self.is_untyped(x.typ) {
                        self.convert_untyped(&mut x, TypeId::BOOL);
                    }
                }
                if let Some(p) = post {
                    if let StmtKind::Assign { op: AssignOp::Define, .. } = ast.stmt(*p).kind {
                        self.error(ast.stmt(*p).pos, "cannot declare in post statement of for loop");
                    }
                    self.stmt(*p, &c);
                }
                let mut bc = ctx.clone();
                bc.break_ok = true;
                bc.continue_ok = true;
                bc.fallthrough_ok = false;
                self.open_scope();
                self.stmt_list(&body.stmts, &bc);
                self.close_scope();
                self.close_scope();
            }
            StmtKind::Range { key, value, extra, define, x, body } => {
                self.range_stmt(st.pos, [*key, *value, *extra], *define, *x, body, ctx)
            }
        }
    }

    fn builtin_of(&self, fun: ExprId) -> Option<super::super::Builtin> {
        let f = self.ast.unparen(fun);
        let pos = match &self.ast.expr(f).kind {
            ExprKind::Ident(id) => id.pos,
            ExprKind::Selector { sel, .. } => sel.pos,
            _ => return None,
        };
        match self.info.uses.get(&pos).map(|&o| &self.objs.get(o).kind) {
            Some(ObjKind::Builtin(b)) => Some(*b),
            _ => None,
        }
    }

    fn case_value(&mut self, ce: ExprId, tag: Option<&mut Operand>, seen: &mut Vec<(Value, TypeId, Pos)>) {
        let ast = self.ast;
        match tag {
            None => {
                // The tag is the constant `true` of type bool (Go spec): a case compares with it, so it is
                // a bool or an interface that bool implements (`case i:` with `i interface{}`).
                let mut x = self.expr(ce);
                if x.mode == OpMode::Invalid {
                    return;
                }
                if self.is_untyped(x.typ) && self.is_boolean(x.typ) {
                    self.convert_untyped(&mut x, TypeId::BOOL);
                }
                let tag = Operand {
                    mode: OpMode::Constant,
                    typ: TypeId::BOOL,
                    val: Some(Value::Bool(true)),
                    expr: ce,
                    builtin: None,
                };
                let ok = x.typ == TypeId::BOOL
                    || (matches!(self.t.kind(self.t.underlying(x.typ)), TypeKind::Interface { .. })
                        && !self.is_type_param(x.typ)
                        && self.assignable_to(&tag, x.typ));
                if !ok {
                    self.error(
                        ast.expr(ce).pos,
                        format!(
                            "invalid case {} in switch on true (mismatched types {} and bool)",
                            self.expr_string(ce),
                            self.type_string(x.typ)
                        ),
                    );
                }
            }
            Some(t) => {
                // go/types' caseValues: convert the value to the tag's type, then compare `value == tag`.
                let mut v = self.expr(ce);
                if t.mode == OpMode::Invalid || v.mode == OpMode::Invalid {
                    return;
                }
                let tt = t.typ;
                self.convert_untyped(&mut v, tt);
                if v.mode == OpMode::Invalid {
                    return;
                }
                let mut res = v.clone();
                let mut tag = t.clone();
                if self.comparison(ce, BinaryOp::Eql, &mut res, &mut tag, true).mode == OpMode::Invalid {
                    return;
                }
                if v.mode != OpMode::Constant {
                    return;
                }
                if let Some(val) = &v.val {
                    let p = ast.expr(ce).pos;
                    if let Some((_, _, prev)) = seen.iter().find(|(sv, st, _)| sv == val && *st == v.typ) {
                        let ps = self.fset.position(*prev).map(|p| p.to_string()).unwrap_or_default();
                        let s = self.operand_string(&v);
                        self.error(p, format!("duplicate case {s} in expression switch\n\t{ps}: previous case"));
                    } else {
                        seen.push((val.clone(), v.typ, p));
                    }
                }
            }
        }
    }

    fn type_switch(&mut self, init: Option<StmtId>, assign: StmtId, body: &'a [CaseClause], ctx: &StmtCtx) {
        let ast = self.ast;
        self.open_scope();
        let mut c = ctx.clone();
        c.fallthrough_ok = false;
        if let Some(i) = init {
            self.stmt(i, &c);
        }
        let (lhs, guard): (Option<&Ident>, ExprId) = match &ast.stmt(assign).kind {
            StmtKind::Expr(e) => (None, *e),
            StmtKind::Assign { lhs, rhs, .. } => {
                let id = match &ast.expr(lhs[0]).kind {
                    ExprKind::Ident(id) => Some(id),
                    _ => None,
                };
                (id, rhs[0])
            }
            _ => {
                self.close_scope();
                return;
            }
        };
        let g = ast.unparen(guard);
        let ExprKind::TypeAssert { x: gx, .. } = &ast.expr(g).kind else {
            self.close_scope();
            return;
        };
        let mut x = self.expr(*gx);
        if x.mode != OpMode::Invalid {
            if self.is_type_param(x.typ) {
                let s = self.operand_string(&x);
                self.error(ast.expr(*gx).pos, format!("cannot use type switch on type parameter value {s}"));
                x.mode = OpMode::Invalid;
            } else if !self.is_interface(x.typ) {
                let s = self.operand_string(&x);
                self.error(ast.expr(*gx).pos, format!("{s} is not an interface"));
                x.mode = OpMode::Invalid;
            }
        }
        if x.mode != OpMode::Invalid {
            self.record(g, Mode::Value, x.typ, None);
            if guard != g {
                self.record(guard, Mode::Value, x.typ, None);
            }
        }
        if let Some(id) = lhs {
            if id.name == "_" {
                self.error(id.pos, "no new variable on left side of :=");
            }
        }
        let mut clause_vars = Vec::new();
        let mut default_seen = false;
        let mut seen: Vec<(TypeId, Pos)> = Vec::new();
        for cl in body {
            let mut single: Option<TypeId> = None;
            match &cl.list {
                None => {
                    if default_seen {
                        self.error(cl.pos, "multiple defaults in switch");
                    }
                    default_seen = true;
                }
                Some(list) => {
                    for &te in list {
                        let t = if let ExprKind::Ident(nid) = &ast.expr(ast.unparen(te)).kind {
                            if nid.name == "nil"
                                && self.lookup("nil").is_some_and(|o| matches!(self.objs.get(o).kind, ObjKind::Nil))
                            {
                                let no = self.lookup("nil").unwrap();
                                self.info.uses.insert(nid.pos, no);
                                self.record(te, Mode::Value, TypeId::UNTYPED_NIL, None);
                                Some(TypeId::UNTYPED_NIL)
                            } else {
                                None
                            }
                        } else {
                            None
                        };
                        let t = match t {
                            Some(t) => t,
                            None => self.typ(te),
                        };
                        if t == TypeId::INVALID {
                            // types2's caseTypes: an invalid last case leaves the clause's variable invalid
                            single = Some(TypeId::INVALID);
                            continue;
                        }
                        if let Some((_, prev)) = seen.iter().find(|(s, _)| *s == t) {
                            let ps = self.fset.position(*prev).map(|p| p.to_string()).unwrap_or_default();
                            let s = if t == TypeId::UNTYPED_NIL { "nil".to_string() } else { self.type_string(t) };
                            self.error(
                                ast.expr(te).pos,
                                format!("duplicate case {s} in type switch\n\t{ps}: previous case"),
                            );
                        } else {
                            seen.push((t, ast.expr(te).pos));
                        }
                        if x.mode != OpMode::Invalid && t != TypeId::UNTYPED_NIL {
                            let mut xx = x.clone();
                            self.type_assertion(te, &mut xx, t, true);
                        }
                        single = Some(t);
                    }
                    if list.len() != 1 {
                        single = None;
                    }
                }
            }
            self.open_scope();
            if let Some(id) = lhs {
                let vt = match single {
                    Some(t) if t != TypeId::UNTYPED_NIL => t,
                    _ => x.typ,
                };
                let v = self.objs.add(Object {
                    kind: ObjKind::Var(VarInfo::default()),
                    name: id.name.clone(),
                    pos: id.pos,
                    typ: vt,
                    pkg: Some(self.pkg),
                    package_level: false,
                });
                if let Some(f) = self.funcs.last() {
                    self.var_func.insert(v, f.id);
                }
                self.info.implicits.insert(cl.pos, v);
                if id.name != "_" {
                    let sc = self.scope;
                    self.scopes[sc.0 as usize].names.insert(id.name.clone(), v);
                }
                clause_vars.push(v);
            }
            let mut cc = ctx.clone();
            cc.break_ok = true;
            cc.fallthrough_ok = false;
            self.stmt_list(&cl.body, &cc);
            self.close_scope();
        }
        if let Some(id) = lhs {
            // the symbolic variable is used if any clause variable is used
            let used = clause_vars.iter().any(|&v| matches!(&self.objs.get(v).kind, ObjKind::Var(vi) if vi.used));
            let lo = self.objs.add(Object {
                kind: ObjKind::Var(VarInfo { used, ..Default::default() }),
                name: id.name.clone(),
                pos: id.pos,
                typ: x.typ,
                pkg: Some(self.pkg),
                package_level: false,
            });
            self.info.defs.insert(id.pos, lo);
            if !used && id.name != "_" {
                self.error(id.pos, format!("{} declared but not used", id.name));
            }
        }
        self.close_scope();
    }

    #[allow(clippy::too_many_arguments)]
    fn range_stmt(
        &mut self,
        pos: Pos,
        [key, value, extra]: [Option<ExprId>; 3],
        define: bool,
        xe: ExprId,
        body: &'a Block,
        ctx: &StmtCtx,
    ) {
        let ast = self.ast;
        // types2 reports one problem of the clause: the range expression, a second variable where only
        // one is permitted, or a third variable.
        let mut reported = false;
        self.open_scope();
        let mut x = self.expr(xe);
        let (mut kt, mut vt) = (TypeId::INVALID, TypeId::INVALID);
        if x.mode != OpMode::Invalid {
            let ct = self.core(x.typ);
            let r = match self.t.kind(ct).clone() {
                TypeKind::Basic(b) if self.is_string(ct) => {
                    let _ = b;
                    if self.is_untyped(x.typ) {
                        self.convert_untyped(&mut x, TypeId::STRING);
                    }
                    Some((TypeId::INT, TypeId::INT32))
                }
                TypeKind::Array { elem, .. } => Some((TypeId::INT, elem)),
                TypeKind::Slice(elem) => Some((TypeId::INT, elem)),
                TypeKind::Pointer(p) => match self.t.under(p).clone() {
                    TypeKind::Array { elem, .. } => Some((TypeId::INT, elem)),
                    _ => None,
                },
                TypeKind::Map { key, value } => Some((key, value)),
                TypeKind::Chan { dir, elem } => {
                    if dir == ChanDir::Send {
                        let s = self.operand_string(&x);
                        self.error(ast.expr(xe).pos, format!("cannot range over {s} (receive from send-only channel)"));
                        None
                    } else {
                        if let Some(v) = value {
                            self.error(
                                ast.expr(v).pos,
                                format!("range over {} permits only one iteration variable", self.operand_string(&x)),
                            );
                            reported = true;
                        }
                        Some((elem, TypeId::INVALID))
                    }
                }
                _ => {
                    let s = self.operand_string(&x);
                    self.error(ast.expr(xe).pos, format!("cannot range over {s}"));
                    None
                }
            };
            if let Some((k, v)) = r {
                kt = k;
                vt = v;
                if let (Some(e), false) = (extra, reported) {
                    self.error(ast.expr(e).pos, "range clause permits at most two iteration variables");
                }
            }
        }
        let lhs = [key, value];
        let rhs_t = [kt, vt];
        if define {
            let mut vars = Vec::new();
            for (i, l) in lhs.iter().enumerate() {
                let Some(l) = l else { continue };
                match &ast.expr(*l).kind {
                    ExprKind::Ident(id) => {
                        let t = rhs_t[i];
                        let v = self.new_var(id, t, VarInfo::default());
                        self.record(*l, Mode::Variable, t, None);
                        vars.push((id.pos, v));
                    }
                    _ => {
                        let s = self.expr_string(*l);
                        self.error(ast.expr(*l).pos, format!("non-name {s} on left side of :="));
                        self.expr(*l);
                    }
                }
            }
            let sc = self.scope;
            for (p, v) in vars {
                self.declare(sc, p, v);
                if let Some(f) = self.funcs.last_mut() {
                    f.locals.push(v);
                }
            }
        } else {
            for (i, l) in lhs.iter().enumerate() {
                let Some(l) = l else { continue };
                if rhs_t[i] == TypeId::INVALID {
                    // nothing to assign (go/types leaves the target alone)
                    self.lhs_var(*l);
                    continue;
                }
                let mut op = Operand::new(OpMode::Value, rhs_t[i], xe);
                self.assign_var_operand_ctx(*l, &mut op, "range");
            }
        }
        let _ = pos;
        let mut bc = ctx.clone();
        bc.break_ok = true;
        bc.continue_ok = true;
        bc.fallthrough_ok = false;
        self.open_scope();
        self.stmt_list(&body.stmts, &bc);
        self.close_scope();
        self.close_scope();
    }

    fn branch(&mut self, _pos: Pos, kind: BranchKind, label: Option<&Ident>, ctx: &StmtCtx) {
        match kind {
            BranchKind::Break | BranchKind::Continue => {
                if let Some(l) = label {
                    if let Some(li) = self.labels.get_mut(&l.name) {
                        li.used = true;
                        let o = li.obj;
                        self.info.uses.insert(l.pos, o);
                        let ok = ctx
                            .enclosing
                            .iter()
                            .any(|(n, is_loop)| n == &l.name && (kind == BranchKind::Break || *is_loop));
                        // an invalid target is reported by the parser (gc: syntax/branches.go)
                        let _ = ok;
                    }
                    // an undefined label is reported by the parser too
                    return;
                }
                if kind == BranchKind::Break && !ctx.break_ok {
                    let _ = (/* reported by the parser (gc: syntax/branches.go) */);
                } else if kind == BranchKind::Continue && !ctx.continue_ok {
                    let _ = (/* reported by the parser (gc: syntax/branches.go) */);
                }
            }
            BranchKind::Goto => {
                if let Some(l) = label {
                    if let Some(li) = self.labels.get_mut(&l.name) {
                        li.used = true;
                        let o = li.obj;
                        self.info.uses.insert(l.pos, o);
                    } else {
                        let _ = (/* reported by the parser (gc: syntax/branches.go) */);
                    }
                }
            }
            BranchKind::Fallthrough => {
                if !ctx.fallthrough_ok {
                    let _ = (/* reported by the parser (gc: syntax/branches.go) */);
                } else if ctx.final_switch_case {
                    let _ = (/* reported by the parser (gc: syntax/branches.go) */);
                }
            }
        }
    }

    fn return_stmt(&mut self, pos: Pos, results: &'a [ExprId]) {
        let Some(f) = self.funcs.last() else { return };
        let rvars = f.results.clone();
        let named = f.named_results;
        if results.is_empty() {
            if !rvars.is_empty() && !named {
                self.error(
                    pos,
                    "not enough return values\n\thave ()\n\twant (".to_string() + &self.var_types(&rvars) + ")",
                );
                return;
            }
            if named {
                // named results must not be shadowed at the return
                for &r in &rvars {
                    let name = self.objs.get(r).name.clone();
                    if let Some(o) = self.lookup(&name) {
                        if o != r && name != "_" {
                            self.error(pos, format!("result parameter {name} not in scope at return"));
                        }
                    }
                }
            }
            return;
        }
        if rvars.is_empty() {
            let ops = self.eval_args(results);
            if ops.iter().all(|o| o.mode != OpMode::Invalid) {
                let have: Vec<TypeId> = ops.iter().map(|o| o.typ).collect();
                self.count_mismatch(&[], &have, results, pos, true);
            }
            return;
        }
        let types: Vec<TypeId> = rvars.iter().map(|&r| self.objs.get(r).typ).collect();
        self.assign_values(&types, results, pos, "return statement", true);
    }

    /// go/types' `typesSummary`: `(int, number, string)`.
    fn types_summary(&self, list: &[TypeId]) -> String {
        let parts: Vec<String> = list
            .iter()
            .map(|&t| {
                if t == TypeId::INVALID {
                    "<T>".to_string()
                } else if self.is_untyped(t) {
                    if self.is_numeric(t) {
                        "number".to_string()
                    } else {
                        self.type_string(t).replace("untyped ", "")
                    }
                } else {
                    self.type_string(t)
                }
            })
            .collect();
        format!("({})", parts.join(", "))
    }

    fn var_types(&self, vars: &[ObjId]) -> String {
        vars.iter().map(|&v| self.type_string(self.objs.get(v).typ)).collect::<Vec<_>>().join(", ")
    }

    /// Assigns `rhs` to values of `types` (returns and n:n / n:1 assignments). Reports count mismatches.
    fn assign_values(
        &mut self,
        types: &[TypeId],
        rhs: &'a [ExprId],
        pos: Pos,
        context: &str,
        is_return: bool,
    ) -> Vec<Operand> {
        let ast = self.ast;
        if rhs.len() == 1 && types.len() > 1 {
            let x = self.multi_expr(rhs[0]);
            if x.mode == OpMode::Invalid {
                return Vec::new();
            }
            let ts = match self.t.kind(x.typ) {
                TypeKind::Tuple(ts) => ts.clone(),
                _ => vec![x.typ],
            };
            if ts.len() != types.len() {
                self.count_mismatch(types, &ts, rhs, pos, is_return);
                return Vec::new();
            }
            for (i, &t) in ts.iter().enumerate() {
                let mut o = Operand { mode: OpMode::Value, typ: t, val: None, expr: rhs[0], builtin: None };
                self.assignment(&mut o, types[i], context);
            }
            return Vec::new();
        }
        let mut ops: Vec<Operand> = Vec::new();
        for (i, &r) in rhs.iter().enumerate() {
            let hint = types.get(i).copied();
            let x = self.expr_hint(r, hint);
            ops.push(x);
        }
        if rhs.len() != types.len() {
            let have: Vec<TypeId> = ops.iter().map(|o| o.typ).collect();
            if ops.iter().all(|o| o.mode != OpMode::Invalid) {
                self.count_mismatch(types, &have, rhs, pos, is_return);
            }
            return Vec::new();
        }
        for (i, o) in ops.iter_mut().enumerate() {
            // a result of invalid type (its declaration was reported) takes any value (types2's initVar)
            if is_return && types[i] == TypeId::INVALID {
                continue;
            }
            self.assignment(o, types[i], context);
        }
        let _ = ast;
        ops
    }

    fn count_mismatch(&mut self, want: &[TypeId], have: &[TypeId], rhs: &'a [ExprId], _pos: Pos, is_return: bool) {
        let ast = self.ast;
        if is_return {
            // go/types' initVars for a return statement: at the first extra value, or the last value
            let (q, at) = if have.len() > want.len() {
                ("too many", rhs[want.len().min(rhs.len() - 1)])
            } else {
                ("not enough", rhs[rhs.len() - 1])
            };
            let (hs, ws) = (self.types_summary(have), self.types_summary(want));
            self.error(ast.expr(at).pos, format!("{q} return values\n\thave {hs}\n\twant {ws}"));
            return;
        }
        let l = want.len();
        let r = have.len();
        let vars = if l == 1 { "1 variable".to_string() } else { format!("{l} variables") };
        let vals = if r == 1 { "1 value".to_string() } else { format!("{r} values") };
        if rhs.len() == 1 {
            if let ExprKind::Call { fun, .. } = &ast.expr(ast.unparen(rhs[0])).kind {
                let fs = self.expr_string(*fun);
                self.error(ast.expr(rhs[0]).pos, format!("assignment mismatch: {vars} but {fs} returns {vals}"));
                return;
            }
        }
        self.error(ast.expr(rhs[0]).pos, format!("assignment mismatch: {vars} but {vals}"));
    }

    /// Initializes variables `lhs` (already created, maybe with a declared type) from `rhs`.
    /// `short`: a short variable declaration, which reports a multi-valued call as an assignment mismatch
    /// (a `var` declaration reports it as a multiple value in single-value context).
    pub fn init_vars(&mut self, lhs: &[ObjId], rhs: &'a [ExprId], pos: Pos, short: bool) {
        self.init_vars_checked(lhs, rhs, pos, short);
        // a variable initialized from a value whose type was written with `byte`/`rune` is spelled so too
        if lhs.len() == rhs.len() {
            for (&o, &r) in lhs.iter().zip(rhs) {
                if self.written_types.contains_key(&o) {
                    continue;
                }
                if let Some(te) = self.written_type_expr(r) {
                    if self.spelled(te).is_some_and(|(_, t)| t == self.objs.get(o).typ) {
                        self.written_types.insert(o, te);
                    }
                }
            }
        }
    }

    fn init_vars_checked(&mut self, lhs: &[ObjId], rhs: &'a [ExprId], pos: Pos, short: bool) {
        let ast = self.ast;
        let declared: Vec<Option<TypeId>> = lhs
            .iter()
            .map(|&o| {
                let t = self.objs.get(o).typ;
                if t == TypeId::INVALID {
                    None
                } else {
                    Some(t)
                }
            })
            .collect();
        if rhs.len() == 1 && lhs.len() > 1 {
            let x = self.multi_expr(rhs[0]);
            if x.mode == OpMode::Invalid {
                self.invalidate(lhs, &declared);
                return;
            }
            let ts = match self.t.kind(x.typ) {
                TypeKind::Tuple(ts) => ts.clone(),
                _ => {
                    if (x.mode == OpMode::CommaOk || x.mode == OpMode::MapIndex) && lhs.len() == 2 {
                        // v, ok = m[k] / x.(T) / <-ch
                        let ok_t = TypeId::UNTYPED_BOOL;
                        vec![x.typ, ok_t]
                    } else {
                        vec![x.typ]
                    }
                }
            };
            if ts.len() != lhs.len() {
                let want: Vec<TypeId> = lhs.iter().map(|_| TypeId::INVALID).collect();
                self.count_mismatch(&want, &ts, rhs, pos, false);
                self.invalidate(lhs, &declared);
                return;
            }
            if (x.mode == OpMode::CommaOk || x.mode == OpMode::MapIndex) && ts.len() == 2 {
                // record the comma-ok expression as a pair
                let pair = self.t.tuple(vec![x.typ, TypeId::BOOL]);
                self.record(rhs[0], Mode::CommaOk, pair, None);
            }
            for (i, &o) in lhs.iter().enumerate() {
                let mut t = ts[i];
                if t == TypeId::UNTYPED_BOOL {
                    t = declared[i].unwrap_or(TypeId::BOOL);
                    if !self.is_boolean(t) {
                        let mut op = Operand {
                            mode: OpMode::Value,
                            typ: TypeId::UNTYPED_BOOL,
                            val: None,
                            expr: rhs[0],
                            builtin: None,
                        };
                        self.assignment(&mut op, t, "assignment");
                    }
                }
                match declared[i] {
                    Some(dt) => {
                        let mut op = Operand { mode: OpMode::Value, typ: t, val: None, expr: rhs[0], builtin: None };
                        self.assignment(&mut op, dt, "variable declaration");
                    }
                    None => {
                        self.objs.get_mut(o).typ = t;
                    }
                }
            }
            return;
        }
        if rhs.len() != lhs.len() {
            // types2's exprList: each value is single-valued; no mismatch is reported after an error
            let mut all_valid = true;
            for &r in rhs {
                all_valid &= self.expr(r).mode != OpMode::Invalid;
            }
            self.invalidate(lhs, &declared);
            if !rhs.is_empty() && all_valid {
                let vars = if lhs.len() == 1 { "1 variable".to_string() } else { format!("{} variables", lhs.len()) };
                let vals = if rhs.len() == 1 { "1 value".to_string() } else { format!("{} values", rhs.len()) };
                let at = if rhs.len() > lhs.len() { ast.expr(rhs[lhs.len()]).pos } else { ast.expr(rhs[0]).pos };
                let _ = at;
                self.error(ast.expr(rhs[0]).pos, format!("assignment mismatch: {vars} but {vals}"));
            }
            return;
        }
        let mut failed = false;
        for (i, &o) in lhs.iter().enumerate() {
            let mut x = if lhs.len() == 1 && short {
                self.assigned_expr(rhs[i], declared[i])
            } else {
                self.expr_hint(rhs[i], declared[i])
            };
            match declared[i] {
                Some(dt) => self.assignment(&mut x, dt, "variable declaration"),
                None => {
                    if x.mode != OpMode::Invalid {
                        if x.typ == TypeId::UNTYPED_NIL {
                            self.error(ast.expr(rhs[i]).pos, "use of untyped nil in variable declaration");
                            x.mode = OpMode::Invalid;
                        } else if self.is_untyped(x.typ) {
                            let d = self.default_type(x.typ);
                            self.assignment(&mut x, d, "variable declaration");
                        }
                    }
                    let t = if x.mode == OpMode::Invalid { TypeId::INVALID } else { x.typ };
                    self.objs.get_mut(o).typ = t;
                }
            }
            if x.mode == OpMode::Invalid {
                failed = true;
            }
            let _ = o;
        }
        // go/types: if any initialization failed, no lhs variable is reported as unused
        if failed {
            for &o in lhs {
                if let Some(v) = self.var_info_mut(o) {
                    v.used = true;
                }
            }
        }
    }

    fn invalidate(&mut self, lhs: &[ObjId], declared: &[Option<TypeId>]) {
        for (i, &o) in lhs.iter().enumerate() {
            if declared[i].is_none() {
                self.objs.get_mut(o).typ = TypeId::INVALID;
            }
            if let Some(v) = self.var_info_mut(o) {
                v.used = true;
            }
        }
    }

    fn local_decl(&mut self, g: &'a GenDecl) {
        let ast = self.ast;
        let mut last: Option<&'a ValueSpec> = None;
        for spec in &g.specs {
            match spec {
                Spec::Type(ts) => {
                    pos::set_current(ts.pos);
                    // gc's noder (not types2) rejects these: it cannot export such types yet. It reports
                    // the declaration statement once, at its keyword, whatever the number of specs.
                    let first = std::ptr::eq(spec, &g.specs[0]);
                    if let (Some(f), true) = (self.cur_decl, first) {
                        if self.generic_funcs.contains_key(&f)
                            || self.method_recv_tparams.get(&f).is_some_and(|t| !t.is_empty())
                        {
                            let msg = "type declarations inside generic functions are not currently supported";
                            self.noder_errs.push(Error::new(g.pos, msg));
                        }
                    }
                    let o = self.new_obj(ObjKind::TypeName, &ts.name.name, ts.name.pos, TypeId::INVALID);
                    if ts.alias {
                        // The alias is in scope in its own declaration (types2 declares it first): a reference
                        // to it there is a cycle, which `ident_type` reports through `obj_path`.
                        let sc = self.scope;
                        self.declare(sc, ts.name.pos, o);
                        self.color.insert(o, super::Color::Grey);
                        self.obj_path.push(o);
                        let t = self.typ(ts.typ);
                        self.obj_path.pop();
                        self.color.insert(o, super::Color::Black);
                        self.objs.get_mut(o).typ = t;
                        continue;
                    }
                    let named = self.t.add_unique(TypeKind::Named(Box::new(super::super::NamedType {
                        obj: o,
                        underlying: TypeId::INVALID,
                        methods: Vec::new(),
                        origin: None,
                        targs: Vec::new(),
                    })));
                    self.objs.get_mut(o).typ = named;
                    // the type name is in scope inside its own declaration
                    let sc = self.scope;
                    self.declare(sc, ts.name.pos, o);
                    // A local generic type (gc 1.19 accepts them in non-generic functions): its type
                    // parameters are in a scope of their own, as for package-level generic types.
                    let generic = !ts.tparams.is_empty();
                    if generic {
                        self.open_scope();
                        self.declare_type_params(&ts.tparams, Some(named));
                    }
                    let rhs = self.typ(ts.typ);
                    if generic {
                        if let TypeKind::TypeParam { .. } = self.t.kind(rhs) {
                            self.error(ast.expr(ts.typ).pos, "cannot use a type parameter as RHS in type declaration");
                        }
                        self.close_scope();
                    }
                    let u = self.t.underlying(rhs);
                    let mut u = if matches!(self.t.kind(u), TypeKind::Named(_)) { TypeId::INVALID } else { u };
                    // go/types' validType, as for package-level types: `type T struct{ T }` contains itself
                    self.type_rhs.insert(named, rhs);
                    let mut state = std::mem::take(&mut self.valid_state);
                    if !self.valid_type(named, &mut Vec::new(), &mut state) {
                        u = TypeId::INVALID;
                    }
                    self.valid_state = state;
                    self.t.named_mut(named).underlying = u;
                    // instances made inside the declaration (`next *X[T]`) get their underlying types now
                    if !self.pending_instances.is_empty() {
                        self.complete_pending_instances(named);
                    }
                }
                Spec::Value(vs) => {
                    pos::set_current(vs.pos);
                    match g.kind {
                        GenKind::Const => {
                            let src = if vs.values.is_empty() && vs.typ.is_none() { last.unwrap_or(vs) } else { vs };
                            if !(vs.values.is_empty() && vs.typ.is_none()) || last.is_none() {
                                last = Some(vs);
                            }
                            let mut objs = Vec::new();
                            for (i, n) in vs.names.iter().enumerate() {
                                let o = self.new_obj(ObjKind::Const(Value::Unknown), &n.name, n.pos, TypeId::INVALID);
                                let saved = self.iota.replace(Value::int(vs.iota as i64));
                                let t = src.typ.map(|te| self.typ(te));
                                let init = src.values.get(i).copied();
                                // Errors in an inherited init expression are reported at the name (types2).
                                let saved_errpos = std::mem::replace(
                                    &mut self.errpos,
                                    if std::ptr::eq(src, vs) { None } else { Some(n.pos) },
                                );
                                match init {
                                    Some(e) => {
                                        let mut x = self.expr(e);
                                        if x.mode != OpMode::Invalid && x.mode != OpMode::Constant {
                                            let s = self.operand_string(&x);
                                            self.error(ast.expr(e).pos, format!("{s} is not constant"));
                                            x.mode = OpMode::Invalid;
                                        }
                                        if let Some(t) = t {
                                            if t != TypeId::INVALID && x.mode != OpMode::Invalid {
                                                if !self.is_const_type(t) {
                                                    let s = self.type_string(t);
                                                    self.error(
                                                        ast.expr(src.typ.unwrap()).pos,
                                                        format!("invalid constant type {s}"),
                                                    );
                                                    x.mode = OpMode::Invalid;
                                                } else {
                                                    self.assignment(&mut x, t, "constant declaration");
                                                }
                                            }
                                        }
                                        if x.mode != OpMode::Invalid {
                                            let obj = self.objs.get_mut(o);
                                            obj.typ = x.typ;
                                            obj.kind = ObjKind::Const(x.val.unwrap_or(Value::Unknown));
                                        }
                                    }
                                    None => {}
                                }
                                self.errpos = saved_errpos;
                                self.iota = saved;
                                objs.push((n.pos, o));
                            }
                            self.arity(vs.pos, &vs.names, &src.values, true, !std::ptr::eq(src, vs));
                            let sc = self.scope;
                            for (p, o) in objs {
                                self.declare(sc, p, o);
                            }
                        }
                        GenKind::Var => {
                            let t = vs.typ.map(|te| self.typ(te));
                            let mut objs = Vec::new();
                            for n in &vs.names {
                                let o = self.new_var(n, t.unwrap_or(TypeId::INVALID), VarInfo::default());
                                if let Some(te) = vs.typ {
                                    self.note_written_type(o, te);
                                }
                                objs.push(o);
                            }
                            if !vs.values.is_empty() {
                                self.init_vars(&objs, &vs.values, vs.pos, false);
                            } else if t.is_none() {
                                // syntax error case
                            }
                            let sc = self.scope;
                            for (n, &o) in vs.names.iter().zip(&objs) {
                                self.declare(sc, n.pos, o);
                                if let Some(f) = self.funcs.last_mut() {
                                    f.locals.push(o);
                                }
                            }
                        }
                        GenKind::Type => {}
                    }
                }
            }
        }
    }

    fn short_var_decl(&mut self, pos: Pos, lhs: &'a [ExprId], rhs: &'a [ExprId], op_pos: Pos) {
        let ast = self.ast;
        let mut objs = Vec::new();
        let mut new_vars = Vec::new();
        let mut any_new = false;
        let mut names: Vec<Name> = Vec::new();
        let mut bad = false;
        let mut repeated = false;
        for &l in lhs {
            let ExprKind::Ident(id) = &ast.expr(l).kind else {
                let s = self.expr_string(l);
                self.error(ast.expr(l).pos, format!("non-name {s} on left side of :="));
                self.raw_expr(l, None);
                bad = true;
                continue;
            };
            if names.contains(&id.name) && id.name != "_" {
                // types2 goes on with a blank variable in its place, so the first one is still declared
                self.error(id.pos, format!("{} repeated on left side of :=", id.name));
                repeated = true;
                let blank = Ident { pos: id.pos, name: "_".into() };
                let o = self.new_var(&blank, TypeId::INVALID, VarInfo::default());
                objs.push((l, o, true));
                continue;
            }
            names.push(id.name.clone());
            // redeclaration in the same scope: assign to the existing variable
            let sc = self.scope;
            let existing = if id.name == "_" { None } else { self.scopes[sc.0 as usize].names.get(&id.name).copied() };
            match existing {
                Some(o) if matches!(self.objs.get(o).kind, ObjKind::Var(_)) => {
                    self.info.uses.insert(id.pos, o);
                    objs.push((l, o, false));
                }
                Some(_) => {
                    let s = &id.name;
                    self.error(id.pos, format!("cannot assign to {s}"));
                    bad = true;
                }
                None => {
                    let o = self.new_var(id, TypeId::INVALID, VarInfo::default());
                    if id.name != "_" {
                        any_new = true;
                    } else {
                        self.info.defs.insert(id.pos, o);
                    }
                    new_vars.push((id.pos, o));
                    objs.push((l, o, true));
                }
            }
        }
        if bad {
            for &r in rhs {
                self.raw_expr(r, None);
            }
            for (_, o) in new_vars {
                if let Some(v) = self.var_info_mut(o) {
                    v.used = true;
                }
            }
            return;
        }
        if !any_new && !repeated {
            self.error(op_pos, "no new variables on left side of :=");
        }
        // New variables get their types from rhs; existing ones are assigned to.
        let all: Vec<ObjId> = objs.iter().map(|x| x.1).collect();
        let declared: Vec<Option<TypeId>> =
            objs.iter().map(|(_, o, is_new)| if *is_new { None } else { Some(self.objs.get(*o).typ) }).collect();
        // For existing variables, init_vars checks assignability with the declared type.
        let saved: Vec<TypeId> = all.iter().map(|&o| self.objs.get(o).typ).collect();
        for (i, &o) in all.iter().enumerate() {
            if declared[i].is_none() {
                self.objs.get_mut(o).typ = TypeId::INVALID;
            }
        }
        self.init_vars_short(&all, &declared, rhs, pos);
        for (i, &o) in all.iter().enumerate() {
            if declared[i].is_some() {
                self.objs.get_mut(o).typ = saved[i];
            }
        }
        for (l, o, _) in &objs {
            let t = self.objs.get(*o).typ;
            if t != TypeId::INVALID {
                self.record(*l, Mode::Variable, t, None);
            }
        }
        let sc = self.scope;
        for (p, o) in new_vars {
            let name = self.objs.get(o).name.clone();
            if name != "_" {
                self.declare(sc, p, o);
                if let Some(f) = self.funcs.last_mut() {
                    f.locals.push(o);
                }
            }
        }
    }

    fn init_vars_short(&mut self, lhs: &[ObjId], _declared: &[Option<TypeId>], rhs: &'a [ExprId], pos: Pos) {
        // Reuse init_vars: existing variables have their types set, so it checks assignability.
        let saved_used: Vec<bool> =
            lhs.iter().map(|&o| matches!(&self.objs.get(o).kind, ObjKind::Var(v) if v.used)).collect();
        self.init_vars(lhs, rhs, pos, true);
        // init_vars marks variables used on error; keep the previous state for existing ones.
        let _ = saved_used;
    }

    fn assign_vars(&mut self, lhs: &'a [ExprId], rhs: &'a [ExprId], pos: Pos) {
        let ast = self.ast;
        if rhs.len() == 1 && lhs.len() > 1 {
            let x = self.multi_expr(rhs[0]);
            if x.mode == OpMode::Invalid {
                for &l in lhs {
                    self.lhs_var(l);
                }
                self.use_lhs_names(lhs);
                return;
            }
            let ts = match self.t.kind(x.typ) {
                TypeKind::Tuple(ts) => ts.clone(),
                _ if (x.mode == OpMode::CommaOk || x.mode == OpMode::MapIndex) && lhs.len() == 2 => {
                    vec![x.typ, TypeId::UNTYPED_BOOL]
                }
                _ => vec![x.typ],
            };
            if ts.len() != lhs.len() {
                for &l in lhs {
                    self.lhs_var(l);
                }
                self.use_lhs_names(lhs);
                let want: Vec<TypeId> = lhs.iter().map(|_| TypeId::INVALID).collect();
                self.count_mismatch(&want, &ts, rhs, pos, false);
                return;
            }
            if (x.mode == OpMode::CommaOk || x.mode == OpMode::MapIndex) && ts.len() == 2 {
                let pair = self.t.tuple(vec![x.typ, TypeId::BOOL]);
                self.record(rhs[0], Mode::CommaOk, pair, None);
            }
            for (i, &l) in lhs.iter().enumerate() {
                let mut op = Operand { mode: OpMode::Value, typ: ts[i], val: None, expr: rhs[0], builtin: None };
                self.assign_var_operand_ctx(l, &mut op, "assignment");
            }
            return;
        }
        if lhs.len() != rhs.len() {
            for &l in lhs {
                self.lhs_var(l);
            }
            self.use_lhs_names(lhs);
            let mut all_valid = true;
            for &r in rhs {
                all_valid &= self.expr(r).mode != OpMode::Invalid;
            }
            if all_valid {
                let vars = if lhs.len() == 1 { "1 variable".to_string() } else { format!("{} variables", lhs.len()) };
                let vals = if rhs.len() == 1 { "1 value".to_string() } else { format!("{} values", rhs.len()) };
                self.error(ast.expr(rhs[0]).pos, format!("assignment mismatch: {vars} but {vals}"));
            }
            return;
        }
        let mut ok = true;
        for (i, &l) in lhs.iter().enumerate() {
            let lt = self.lhs_var(l);
            let mut x = if lhs.len() == 1 { self.assigned_expr(rhs[i], lt) } else { self.expr_hint(rhs[i], lt) };
            if x.mode == OpMode::Invalid {
                ok = false;
                continue;
            }
            match lt {
                Some(t) => self.assignment(&mut x, t, "assignment"),
                // an invalid target was reported; the value is not checked further (types2's assignVar)
                None if !self.is_blank(l) => {}
                None => {
                    // blank identifier: untyped values get their default types
                    if self.is_untyped(x.typ) {
                        if x.typ == TypeId::UNTYPED_NIL {
                            if x.mode != OpMode::Variable {
                                self.error(ast.expr(rhs[i]).pos, "use of untyped nil in assignment");
                            }
                        } else {
                            let d = self.default_type(x.typ);
                            self.assignment(&mut x, d, "assignment");
                        }
                    }
                }
            }
            if x.mode == OpMode::Invalid {
                ok = false;
            }
        }
        // go/types: a failed assignment does not leave "declared but not used" errors behind
        if !ok {
            self.use_lhs_names(lhs);
        }
    }

    /// Marks the local variables named by assignment targets as used (after an erroneous assignment).
    fn use_lhs_names(&mut self, lhs: &[ExprId]) {
        let ast = self.ast;
        for &l in lhs {
            if let ExprKind::Ident(id) = &ast.expr(ast.unparen(l)).kind {
                if let Some(o) = self.lookup(&id.name) {
                    if let Some(v) = self.var_info_mut(o) {
                        v.used = true;
                    }
                }
            }
        }
    }

    /// Is `l` the blank identifier (possibly parenthesized)?
    fn is_blank(&self, l: ExprId) -> bool {
        matches!(&self.ast.expr(self.ast.unparen(l)).kind, ExprKind::Ident(id) if id.name == "_")
    }

    /// Checks an assignment target; returns its type (`None` for `_` or errors).
    fn lhs_var(&mut self, l: ExprId) -> Option<TypeId> {
        let ast = self.ast;
        let inner = ast.unparen(l);
        if let ExprKind::Ident(id) = &ast.expr(inner).kind {
            if id.name == "_" {
                self.info.defs.remove(&id.pos);
                self.record(l, Mode::Variable, TypeId::INVALID, None);
                return None;
            }
            // assigning to a variable does not "use" it
            if let Some(o) = self.lookup(&id.name) {
                if let ObjKind::Var(v) = &self.objs.get(o).kind {
                    let was_used = v.used;
                    let x = self.expr(l);
                    if let Some(v) = self.var_info_mut(o) {
                        v.used = was_used;
                    }
                    // captured assignment still counts as capture
                    let cur = self.funcs.last().map(|f| f.id);
                    if let (Some(&vf), Some(c)) = (self.var_func.get(&o), cur) {
                        if vf != c {
                            if let Some(v) = self.var_info_mut(o) {
                                if !v.global {
                                    v.captured = true;
                                    v.address_taken = true;
                                }
                            }
                        }
                    }
                    if x.mode == OpMode::Invalid {
                        return None;
                    }
                    return Some(x.typ);
                }
            }
        }
        let x = self.expr(l);
        if x.mode == OpMode::Invalid {
            return None;
        }
        match x.mode {
            OpMode::Variable | OpMode::MapIndex => Some(x.typ),
            _ => {
                if let ExprKind::Selector { x: sx, .. } = &ast.expr(inner).kind {
                    if self.info.types.get(sx).is_some_and(|t| t.mode == Mode::MapIndex) {
                        let s = self.expr_string(l);
                        self.error(ast.expr(l).pos, format!("cannot assign to struct field {s} in map"));
                        return None;
                    }
                }
                let why = format!("cannot assign to {}", self.operand_string(&x));
                self.error(ast.expr(l).pos, why);
                None
            }
        }
    }

    fn assign_var_operand(&mut self, l: ExprId, x: &mut Operand, _t: TypeId) {
        self.assign_var_operand_ctx(l, x, "assignment")
    }

    fn assign_var_operand_ctx(&mut self, l: ExprId, x: &mut Operand, ctx: &str) {
        let lt = self.lhs_var(l);
        match lt {
            Some(t) => self.assignment(x, t, ctx),
            None => {
                if self.is_untyped(x.typ) && x.typ != TypeId::UNTYPED_NIL {
                    let d = self.default_type(x.typ);
                    self.assignment(x, d, ctx);
                }
            }
        }
    }

    // ---- terminating statements (Go spec "Terminating statements") ----

    fn is_terminating_list(&self, stmts: &[StmtId], label: &str) -> bool {
        // trailing empty statements are ignored
        let mut i = stmts.len();
        while i > 0 && matches!(self.ast.stmt(stmts[i - 1]).kind, StmtKind::Empty) {
            i -= 1;
        }
        i > 0 && self.is_terminating(stmts[i - 1], label)
    }

    fn is_terminating(&self, s: StmtId, label: &str) -> bool {
        let ast = self.ast;
        match &ast.stmt(s).kind {
            StmtKind::Return(_) => true,
            StmtKind::Branch { kind: BranchKind::Goto | BranchKind::Fallthrough, .. } => true,
            StmtKind::Expr(e) => {
                // a call of panic
                if let ExprKind::Call { fun, .. } = &ast.expr(ast.unparen(*e)).kind {
                    return self.builtin_of(*fun) == Some(super::super::Builtin::Panic);
                }
                false
            }
            StmtKind::Block(b) => self.is_terminating_list(&b.stmts, ""),
            StmtKind::If { then, els, .. } => {
                els.is_some_and(|e| self.is_terminating(e, "")) && self.is_terminating_list(&then.stmts, "")
            }
            StmtKind::Labeled { label: l, stmt } => self.is_terminating(*stmt, &l.name),
            StmtKind::For { cond, body, .. } => cond.is_none() && !self.has_break(&body.stmts, label, true),
            StmtKind::Switch { body, .. } | StmtKind::TypeSwitch { body, .. } => {
                let has_default = body.iter().any(|c| c.list.is_none());
                has_default
                    && body.iter().all(|c| {
                        (self.is_terminating_list(&c.body, "") || self.ends_in_fallthrough(&c.body))
                            && !self.has_break(&c.body, label, true)
                    })
            }
            StmtKind::Select { body, .. } => {
                body.iter().all(|c| self.is_terminating_list(&c.body, "") && !self.has_break(&c.body, label, true))
            }
            _ => false,
        }
    }

    fn ends_in_fallthrough(&self, stmts: &[StmtId]) -> bool {
        stmts
            .last()
            .is_some_and(|&s| matches!(self.ast.stmt(s).kind, StmtKind::Branch { kind: BranchKind::Fallthrough, .. }))
    }

    /// Is there a `break` (unlabeled, at this nesting level) or `break label` targeting this statement?
    fn has_break(&self, stmts: &[StmtId], label: &str, top: bool) -> bool {
        stmts.iter().any(|&s| self.stmt_has_break(s, label, top))
    }

    fn stmt_has_break(&self, s: StmtId, label: &str, top: bool) -> bool {
        let ast = self.ast;
        match &ast.stmt(s).kind {
            StmtKind::Branch { kind: BranchKind::Break, label: l } => match l {
                None => top,
                Some(l) => l.name == label,
            },
            StmtKind::Block(b) => self.has_break(&b.stmts, label, top),
            StmtKind::Labeled { stmt, .. } => self.stmt_has_break(*stmt, label, top),
            StmtKind::If { then, els, .. } => {
                self.has_break(&then.stmts, label, top) || els.is_some_and(|e| self.stmt_has_break(e, label, top))
            }
            StmtKind::For { body, .. } | StmtKind::Range { body, .. } => {
                !label.is_empty() && self.has_break(&body.stmts, label, false)
            }
            StmtKind::Switch { body, .. } | StmtKind::TypeSwitch { body, .. } => {
                !label.is_empty() && body.iter().any(|c| self.has_break(&c.body, label, false))
            }
            StmtKind::Select { body, .. } => {
                !label.is_empty() && body.iter().any(|c| self.has_break(&c.body, label, false))
            }
            _ => false,
        }
    }
}

/// A label of the function being checked.
#[derive(Clone, Debug)]
pub struct LabelInfo {
    pub obj: ObjId,
    pub pos: Pos,
    pub used: bool,
}
