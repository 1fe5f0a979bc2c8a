//! Calls (Go spec "Calls"), conversions ("Conversions"), built-in functions ("Built-in functions", package
//! `unsafe`), type assertions, and generic function instantiation and inference.
//!
//! In: a `Call` expression. Out: the call's operand: `NoValue` for a call without results, a single value,
//! or a value of `Tuple` type for several results.

use super::super::constant::{encode_rune, ConstStr, Value};
use super::super::sizes;
use super::super::{BasicKind, Builtin, ObjId, ObjKind, Signature, TypeId, TypeKind};
use super::expr::{OpMode, Operand};
use super::Checker;
use crate::syntax::ast::*;

impl<'a> Checker<'a> {
    pub fn call(&mut self, e: ExprId) -> Operand {
        let ast = self.ast;
        let ExprKind::Call { fun, args, ellipsis, rparen, .. } = &ast.expr(e).kind else { unreachable!() };
        let pos = ast.expr(e).pos;
        // `f[int](x, y)`: a partial instantiation is completed by inference from the arguments
        let partial_fun = matches!(ast.expr(ast.unparen(*fun)).kind, ExprKind::Index { .. });
        let saved_partial = std::mem::replace(&mut self.partial_ok, partial_fun);
        self.partial_targs = None;
        let f = self.expr_or_type(*fun);
        self.partial_ok = saved_partial;
        let partial = self.partial_targs.take();
        match f.mode {
            OpMode::Invalid => {
                for &a in args {
                    self.raw_expr(a, None);
                }
                Operand::invalid(e)
            }
            OpMode::TypeExpr => {
                let t = f.typ;
                if args.len() != 1 {
                    let ts = self.type_string(t);
                    if args.is_empty() {
                        self.error(*rparen, format!("missing argument in conversion to {ts}"));
                    } else {
                        self.error(
                            ast.expr(args[args.len() - 1]).pos,
                            format!("too many arguments in conversion to {ts}"),
                        );
                    }
                    for &a in args {
                        self.raw_expr(a, None);
                    }
                    return Operand::invalid(e);
                }
                if ellipsis.is_some() {
                    let ts = self.type_string(t);
                    self.error(ast.expr(args[0]).pos, format!("invalid use of ... in type conversion to {ts}"));
                }
                let mut x = self.expr_hint(args[0], None);
                if x.mode == OpMode::Invalid {
                    return Operand::invalid(e);
                }
                self.conversion(&mut x, t, e);
                x.expr = e;
                x
            }
            OpMode::Builtin => self.builtin_call(e, f.builtin.unwrap(), args, *ellipsis),
            _ => {
                let sigt = self.core(f.typ);
                let TypeKind::Func(sig) = self.t.kind(sigt).clone() else {
                    let s = self.operand_string(&f);
                    self.error(pos, format!("invalid operation: cannot call non-function {s}"));
                    for &a in args {
                        self.raw_expr(a, None);
                    }
                    return Operand::invalid(e);
                };
                let mut sig = sig;
                // generic function: infer type arguments from the arguments
                let generic = match &partial {
                    Some((fo, _, _)) => Some(*fo),
                    None => self.generic_func_of(*fun),
                };
                if let Some(fo) = generic {
                    if partial.is_some() || !self.info.types.get(fun).is_some_and(|tv| tv.typ != f.typ) {
                        if partial.is_none() && !self.allow_version(1, 18) {
                            self.version_error(pos, "go1.18", "implicit function instantiation");
                        }
                        let tps = self.generic_funcs.get(&fo).cloned().unwrap_or_default();
                        let argops = self.eval_args(args);
                        let mut out = vec![None; tps.len()];
                        // the function's identifier, where the instance is recorded
                        let mut ident_expr = *fun;
                        if let Some((_, explicit, x)) = &partial {
                            for (o, &t) in out.iter_mut().zip(explicit) {
                                *o = Some(t);
                            }
                            ident_expr = *x;
                        }
                        for (i, a) in argops.iter().enumerate() {
                            let p = self.param_type(&sig, i, argops.len(), ellipsis.is_some());
                            if let Some(p) = p.filter(|_| !self.is_untyped(a.typ)) {
                                if p == a.typ {
                                    self.bind_own_type_params(p, &tps, &mut out);
                                } else {
                                    self.unify(p, a.typ, &tps, &mut out);
                                }
                            }
                        }
                        self.infer_from_constraints(&tps, &mut out);
                        for (i, a) in argops.iter().enumerate() {
                            if let Some(p) = self.param_type(&sig, i, argops.len(), ellipsis.is_some()) {
                                if let Some(k) = tps.iter().position(|&t| t == p) {
                                    if out[k].is_none() && self.is_untyped(a.typ) && a.typ != TypeId::UNTYPED_NIL {
                                        out[k] = Some(self.default_type(a.typ));
                                    }
                                }
                            }
                        }
                        self.infer_from_constraints(&tps, &mut out);
                        if let Some(k) = out.iter().position(|o| o.is_none()) {
                            let name = self.objs.get(self.t_obj(tps[k])).name.clone();
                            self.error(*rparen, format!("cannot infer {name}"));
                            return Operand::invalid(e);
                        }
                        let targs: Vec<TypeId> = out.into_iter().map(|o| o.unwrap()).collect();
                        for (i, (&tp, &ta)) in tps.iter().zip(&targs).enumerate() {
                            if !self.satisfies(ta, tp, &tps, &targs) {
                                let c = match self.t.kind(tp) {
                                    TypeKind::TypeParam { constraint, .. } => *constraint,
                                    _ => TypeId::INVALID,
                                };
                                let (ts, cs) = (self.type_string(ta), self.type_string(c));
                                self.error(ast.expr(*fun).pos, format!("{ts} does not implement {cs}"));
                                let _ = i;
                                return Operand::invalid(e);
                            }
                        }
                        let st = self.subst(f.typ, &tps, &targs);
                        self.record(*fun, super::super::Mode::Value, st, None);
                        self.record_instance(ident_expr, targs, st);
                        let TypeKind::Func(s2) = self.t.kind(st).clone() else { return Operand::invalid(e) };
                        sig = s2;
                        self.check_args(e, &sig, argops, *ellipsis, *fun);
                        return self.call_result(e, &sig);
                    }
                }
                let argops = self.eval_args(args);
                self.check_args(e, &sig, argops, *ellipsis, *fun);
                self.call_result(e, &sig)
            }
        }
    }

    fn t_obj(&self, tp: TypeId) -> ObjId {
        match self.t.kind(tp) {
            TypeKind::TypeParam { obj, .. } => *obj,
            TypeKind::Named(n) => n.obj,
            _ => ObjId(0),
        }
    }

    fn param_type(&self, sig: &Signature, i: usize, nargs: usize, ellipsis: bool) -> Option<TypeId> {
        let n = sig.params.len();
        if sig.variadic && i + 1 >= n && !(ellipsis && i + 1 == nargs) {
            let last = sig.params[n - 1];
            return match self.t.kind(last) {
                TypeKind::Slice(el) => Some(*el),
                _ => None,
            };
        }
        sig.params.get(i).copied()
    }

    fn call_result(&mut self, e: ExprId, sig: &Signature) -> Operand {
        match sig.results.len() {
            0 => Operand::new(OpMode::NoValue, TypeId::INVALID, e),
            1 => Operand::new(OpMode::Value, sig.results[0], e),
            _ => {
                let t = self.t.tuple(sig.results.clone());
                Operand::new(OpMode::Value, t, e)
            }
        }
    }

    /// Evaluates call arguments; a single multi-valued call argument is spread into several operands.
    pub fn eval_args(&mut self, args: &'a [ExprId]) -> Vec<Operand> {
        if args.len() == 1 {
            let x = self.multi_expr(args[0]);
            if x.mode == OpMode::Invalid {
                return vec![x];
            }
            if let TypeKind::Tuple(ts) = self.t.kind(x.typ).clone() {
                return ts
                    .iter()
                    .map(|&t| Operand { mode: OpMode::Value, typ: t, val: None, expr: args[0], builtin: None })
                    .collect();
            }
            return vec![x];
        }
        args.iter().map(|&a| self.expr(a)).collect()
    }

    fn check_args(
        &mut self,
        e: ExprId,
        sig: &Signature,
        mut args: Vec<Operand>,
        ellipsis: Option<crate::syntax::pos::Pos>,
        fun: ExprId,
    ) {
        let ast = self.ast;
        if args.iter().any(|a| a.mode == OpMode::Invalid) {
            // still convert what we can
            return;
        }
        let ExprKind::Call { args: arg_exprs, .. } = &ast.expr(e).kind else { return };
        if let Some(ep) = ellipsis {
            if !sig.variadic {
                let fs = self.expr_string(fun);
                self.error(
                    ep,
                    format!("have (...) but function is not variadic: {fs}").replace(
                        "have (...) but function is not variadic: ",
                        "cannot use ... in call to non-variadic ",
                    ),
                );
                return;
            }
            if arg_exprs.len() == 1 && args.len() > 1 {
                let s = self.expr_string(arg_exprs[0]);
                self.error(ast.expr(e).pos, format!("cannot use ... with {}-valued {s}", args.len()));
                return;
            }
        }
        let n = sig.params.len();
        let nargs = args.len();
        let ok_count = if sig.variadic && ellipsis.is_none() { nargs + 1 >= n } else { nargs == n };
        if !ok_count {
            let too_few = nargs < n;
            // types2: at the first extra argument, else at the last argument, else at the call
            let at_pos = if !too_few {
                ast.expr(args[n].expr).pos
            } else if let Some(last) = args.last() {
                ast.expr(last.expr).pos
            } else {
                ast.expr(e).pos
            };
            let have: Vec<String> = args.iter().map(|a| self.arg_type_string(a)).collect();
            let want = self.params_string(sig);
            let fs = self.expr_string(fun);
            let msg = format!(
                "{} arguments in call to {fs}\n\thave ({})\n\twant {want}",
                if too_few { "not enough" } else { "too many" },
                have.join(", ")
            );
            self.error(at_pos, msg);
            return;
        }
        let context = format!("argument to {}", self.expr_string(fun));
        let written = self.callee_param_exprs(fun);
        for (i, a) in args.iter_mut().enumerate() {
            let pt = if sig.variadic && i + 1 >= n {
                if ellipsis.is_some() {
                    sig.params[n - 1]
                } else {
                    match self.t.kind(sig.params[n - 1]) {
                        TypeKind::Slice(el) => *el,
                        _ => TypeId::INVALID,
                    }
                }
            } else {
                sig.params[i]
            };
            if pt == TypeId::INVALID {
                // the parameter's type was reported invalid; its argument is not checked against it
                continue;
            }
            // the parameter's type as written, for the message (`byte`, not `uint8`)
            self.spelled_target = written.as_ref().and_then(|w| {
                let pe = *w.get(i.min(w.len().saturating_sub(1)))?;
                match &self.ast.expr(pe).kind {
                    ExprKind::Ellipsis { elem } => {
                        let (s, _) = self.spelled(*elem)?;
                        Some(if ellipsis.is_some() { format!("[]{s}") } else { s })
                    }
                    _ => self.spelled(pe).filter(|(_, t)| *t == pt).map(|(s, _)| s),
                }
            });
            self.assignment(a, pt, &context);
            self.spelled_target = None;
        }
    }

    /// The underlying types of the type set of `t` (types2's `underIs`): `t`'s underlying type, or for a
    /// type parameter those of its constraint's terms; `[None]` when the constraint has no specific types.
    pub fn under_terms(&self, t: TypeId) -> Vec<Option<TypeId>> {
        match *self.t.kind(t) {
            TypeKind::TypeParam { constraint, .. } => match self.type_terms(constraint) {
                Some(terms) if !terms.is_empty() => {
                    terms.into_iter().map(|(_, tt)| Some(self.t.underlying(tt))).collect()
                }
                _ => vec![None],
            },
            _ => vec![Some(self.t.underlying(t))],
        }
    }

    /// The parameter type expressions of the function or method `fun` denotes (one per parameter, a group
    /// `a, b T` repeated), when its declaration was checked from source.
    fn callee_param_exprs(&self, fun: ExprId) -> Option<Vec<ExprId>> {
        let f = self.ast.unparen(fun);
        let obj = match &self.ast.expr(f).kind {
            ExprKind::Ident(id) => self.info.uses.get(&id.pos).copied(),
            ExprKind::Selector { sel, .. } => {
                self.info.selections.get(&f).map(|s| s.obj).or_else(|| self.info.uses.get(&sel.pos).copied())
            }
            _ => None,
        }?;
        let ft = self.func_types.get(&obj)?;
        let mut out = Vec::new();
        for p in &ft.params {
            for _ in 0..p.names.len().max(1) {
                out.push(p.typ);
            }
        }
        Some(out)
    }

    /// One entry of go/types' `typesSummary`.
    fn arg_type_string(&self, a: &Operand) -> String {
        if a.typ == TypeId::INVALID {
            return "<T>".into();
        }
        if self.is_untyped(a.typ) {
            if self.is_numeric(a.typ) {
                return "number".into();
            }
            return self.type_string(a.typ).replace("untyped ", "");
        }
        self.type_string(a.typ)
    }

    fn params_string(&self, sig: &Signature) -> String {
        let mut parts = Vec::new();
        for (i, p) in sig.params.iter().enumerate() {
            if sig.variadic && i + 1 == sig.params.len() {
                if let TypeKind::Slice(e) = self.t.kind(*p) {
                    parts.push(format!("...{}", self.type_string(*e)));
                    continue;
                }
            }
            // types2's typesSummary writes an invalid type as <T>
            parts.push(if *p == TypeId::INVALID { "<T>".to_string() } else { self.type_string(*p) });
        }
        format!("({})", parts.join(", "))
    }

    /// The generic function object named by `e` (an identifier or `pkg.f`), if any and not instantiated.
    pub fn generic_func_of(&self, e: ExprId) -> Option<ObjId> {
        let id = self.func_ident(e)?;
        let &o = self.info.uses.get(&id.pos)?;
        self.generic_funcs.get(&o).is_some_and(|t| !t.is_empty()).then_some(o)
    }

    /// The identifier a function value expression names: `f`, or `Sel` of a qualified `pkg.Sel`.
    fn func_ident(&self, e: ExprId) -> Option<&'a Ident> {
        let ast = self.ast;
        match &ast.expr(ast.unparen(e)).kind {
            ExprKind::Ident(id) => Some(id),
            ExprKind::Selector { x, sel } => match &ast.expr(*x).kind {
                ExprKind::Ident(pid)
                    if self
                        .info
                        .uses
                        .get(&pid.pos)
                        .is_some_and(|&o| matches!(self.objs.get(o).kind, ObjKind::PkgName(_))) =>
                {
                    Some(sel)
                }
                _ => None,
            },
            _ => None,
        }
    }

    /// Constraint type inference (types2's `inferB`): a type parameter whose constraint has a core type
    /// (`B interface{ []A }`, `S ~[]E`) unifies that core type with its known type argument (the argument's
    /// underlying type for a `~` core), or takes the core type itself when it is the only, exact, term.
    /// Then type arguments that mention type parameters get the inferred arguments substituted.
    pub fn infer_from_constraints(&mut self, tps: &[TypeId], out: &mut Vec<Option<TypeId>>) {
        loop {
            let before = out.clone();
            for (i, &tp) in tps.iter().enumerate() {
                let TypeKind::TypeParam { constraint, .. } = *self.t.kind(tp) else { continue };
                let Some(terms) = self.type_terms(constraint) else { continue };
                let Some(&(_, first)) = terms.first() else { continue };
                let single = terms.len() == 1;
                let core = self.t.underlying(first);
                if !terms.iter().all(|&(_, t)| self.t.underlying(t) == core) {
                    continue;
                }
                let tilde = terms.iter().any(|&(tl, _)| tl);
                let (core, tilde) = if single { (first, tilde) } else { (core, true) };
                match out[i] {
                    Some(tx) => {
                        let tx = if tilde && !self.is_type_param(tx) { self.t.underlying(tx) } else { tx };
                        self.unify(core, tx, tps, out);
                    }
                    None if single && !tilde => out[i] = Some(core),
                    None => {}
                }
            }
            if *out == before {
                break;
            }
        }
        // substitute known arguments into the others (`B = []A` with `A = byte`), to a fixed point
        for _ in 0..tps.len() {
            let cur: Vec<TypeId> = out.iter().zip(tps).map(|(o, &tp)| o.unwrap_or(tp)).collect();
            let mut changed = false;
            for o in out.iter_mut().flatten() {
                let n = self.subst(*o, tps, &cur);
                if n != *o {
                    *o = n;
                    changed = true;
                }
            }
            if !changed {
                break;
            }
        }
    }

    /// `f[int, string]`: explicit instantiation of a generic function.
    pub fn instantiate_func_expr(&mut self, e: ExprId, fo: ObjId, ft: TypeId, indices: &'a [ExprId]) -> Operand {
        if !self.allow_version(1, 18) {
            self.version_error(self.ast.expr(e).pos, "go1.18", "function instantiation");
        }
        let tps = self.generic_funcs.get(&fo).cloned().unwrap_or_default();
        let targs: Vec<TypeId> = indices.iter().map(|&i| self.typ(i)).collect();
        if targs.contains(&TypeId::INVALID) {
            return Operand::invalid(e);
        }
        if targs.len() > tps.len() {
            self.error(
                self.ast.expr(indices[tps.len()]).pos,
                format!("got {} type arguments but want {}", targs.len(), tps.len()),
            );
            return Operand::invalid(e);
        }
        let targs = if targs.len() < tps.len() {
            // partial instantiation `f[int]`: the rest from the constraints alone (types2's funcInst)
            let mut out: Vec<Option<TypeId>> = targs.iter().map(|&t| Some(t)).collect();
            out.resize(tps.len(), None);
            self.infer_from_constraints(&tps, &mut out);
            if let Some(k) = out.iter().position(|o| o.is_none()) {
                if self.partial_ok {
                    // the callee of a call: the arguments infer the rest (see `call`)
                    if let ExprKind::Index { x, .. } = &self.ast.expr(e).kind {
                        self.partial_targs = Some((fo, targs.clone(), *x));
                        return Operand::new(OpMode::Value, ft, e);
                    }
                }
                let name = self.objs.get(self.t_obj(tps[k])).name.clone();
                self.error(self.ast.expr(e).pos, format!("cannot infer {name}"));
                return Operand::invalid(e);
            }
            out.into_iter().map(|o| o.unwrap()).collect()
        } else {
            targs
        };
        for (i, (&tp, &ta)) in tps.iter().zip(&targs).enumerate() {
            if !self.satisfies(ta, tp, &tps, &targs) {
                let c = match self.t.kind(tp) {
                    TypeKind::TypeParam { constraint, .. } => *constraint,
                    _ => TypeId::INVALID,
                };
                let (ts, cs) = (self.type_string(ta), self.type_string(c));
                self.error(self.ast.expr(indices[i]).pos, format!("{ts} does not implement {cs}"));
                return Operand::invalid(e);
            }
        }
        let st = self.subst(ft, &tps, &targs);
        if let ExprKind::Index { x, .. } = &self.ast.expr(e).kind {
            self.record_instance(*x, targs, st);
        }
        Operand::new(OpMode::Value, st, e)
    }

    /// Records in `Info::instances` that the identifier `fun` (possibly parenthesized) denotes the generic
    /// function instantiated with `targs`, of signature `typ`.
    fn record_instance(&mut self, fun: ExprId, targs: Vec<TypeId>, typ: TypeId) {
        if let Some(id) = self.func_ident(fun) {
            self.info.instances.insert(id.pos, super::super::Instance { targs, typ });
        }
    }

    // ---- type assertions ----

    /// Checks that `x.(T)` can succeed: T must implement x's interface if T is not an interface.
    pub fn type_assertion(&mut self, e: ExprId, x: &mut Operand, t: TypeId, switch_case: bool) {
        // types2's assertableTo: no static check when T is an interface — or a type parameter, whose
        // underlying type is its constraint interface
        if self.is_interface(t) || self.is_type_param(t) {
            return;
        }
        if let Err(reason) = self.implements(t, x.typ) {
            let _ = reason;
            let ts = self.type_string(t);
            let xs = self.type_string(x.typ);
            let es = self.expr_string(e);
            let why = self.missing_method_reason(t, x.typ).unwrap_or_default();
            if switch_case {
                let s = self.expr_string(x.expr);
                self.error(self.ast.expr(e).pos, format!("impossible type switch case: {es}\n\t{s} (variable of type {xs}) cannot have dynamic type {ts} {why}"));
            } else {
                self.error(
                    self.ast.expr(e).pos,
                    format!("impossible type assertion: {es}\n\t{ts} does not implement {xs} {why}"),
                );
            }
        }
    }

    // ---- conversions ----

    /// `T(x)` (Go spec "Conversions"); on success `x` becomes a value (or constant) of type `t`.
    pub fn conversion(&mut self, x: &mut Operand, t: TypeId, call: ExprId) {
        let const_arg = x.mode == OpMode::Constant;
        let tu = self.t.underlying(t);
        let const_result = const_arg && self.is_const_type(t) && !self.is_type_param(t);
        let ok;
        let mut cause = String::new();
        if const_result {
            // constant conversion: representable, or integer → string
            let mut y = x.clone();
            if self.is_string(tu) && self.is_integer(x.typ) {
                let r = x.val.as_ref().and_then(|v| v.as_int()).and_then(|i| i.to_i64()).unwrap_or(0xFFFD);
                y.val = Some(Value::String(ConstStr::new(encode_rune(r))));
                ok = true;
            } else {
                ok = Checker::representable_static(self, &mut y, t).is_ok();
                // float → int conversions of constants must be exact; string constant ← []byte isn't constant
            }
            if ok {
                x.val = y.val;
                if self.is_untyped(x.typ) {
                    // the operand keeps its own (untyped→default-converted) recorded type
                    let d = if self.is_string(tu) && self.is_integer(x.typ) { x.typ } else { t };
                    let _ = self.try_convert_untyped(
                        &mut x.clone(),
                        if self.is_numeric(t) || self.is_string(t) || self.is_boolean(t) { d } else { d },
                    );
                }
            } else if self.is_integer(x.typ) && self.is_integer(t)
                || self.is_float(x.typ) && self.is_integer(t)
                || self.is_numeric(x.typ) && self.is_numeric(t)
            {
                let s = self.operand_string(x);
                let written = match &self.ast.expr(call).kind {
                    ExprKind::Call { fun, .. } => Some(*fun),
                    _ => None,
                };
                let ts = self.type_string_as_written(t, written);
                let truncated =
                    self.is_float(x.typ) && self.is_integer(t) && x.val.as_ref().is_some_and(|v| v.as_int().is_none());
                let msg = if truncated {
                    format!("cannot convert {s} to type {ts} (truncated)")
                } else {
                    format!("cannot convert {s} to type {ts} (overflows)").replace(" (overflows)", "")
                };
                let msg = if !truncated {
                    format!("{s} overflows {ts}").replacen(
                        &s,
                        &format!("cannot convert {s} to type {ts}:\n\tconstant"),
                        0,
                    )
                } else {
                    msg
                };
                let msg = if !truncated { format!("cannot convert {s} to type {ts}") } else { msg };
                self.error(self.ast.expr(x.expr).pos, msg);
                x.mode = OpMode::Invalid;
                return;
            }
        } else {
            ok = self.convertible(x, t, &mut cause);
            if ok && const_arg && self.is_untyped(x.typ) {
                // untyped constant converted to a non-constant type: give it its default (or target) type
                let target = if self.is_interface(t) || !self.is_const_type(tu) && x.typ != TypeId::UNTYPED_NIL {
                    self.default_type(x.typ)
                } else {
                    t
                };
                let target =
                    if matches!(self.t.under(t), TypeKind::Slice(_)) { self.default_type(x.typ) } else { target };
                self.convert_untyped(x, target);
            }
        }
        if !ok {
            let s = self.operand_string(x);
            let written = match &self.ast.expr(call).kind {
                ExprKind::Call { fun, .. } => Some(*fun),
                _ => None,
            };
            let ts = self.type_string_as_written(t, written);
            let msg = if cause.is_empty() {
                format!("cannot convert {s} to type {ts}")
            } else {
                format!("cannot convert {s} to type {ts}:\n\t{cause}")
            };
            self.error(self.ast.expr(x.expr).pos, msg);
            x.mode = OpMode::Invalid;
            return;
        }
        if !const_result && self.is_untyped(x.typ) && x.typ != TypeId::UNTYPED_NIL {
            let d = if self.is_interface(t) { self.default_type(x.typ) } else { t };
            let d = if self.is_const_type(d) || self.is_interface(t) { d } else { self.default_type(x.typ) };
            if self.try_convert_untyped(x, d).is_err() && x.mode != OpMode::Constant {
                // types2 gives the conversion's type to the operand regardless (`string(1 << s)` is a
                // shift of type string, reported by update_expr_type)
                self.update_expr_type(x.expr, d);
            }
        } else if x.typ == TypeId::UNTYPED_NIL {
            let _ = self.try_convert_untyped(x, t);
        }
        let _ = call;
        x.mode = if const_result { OpMode::Constant } else { OpMode::Value };
        if const_result {
            // round floats to the target type
            let mut y = x.clone();
            y.typ = t;
            let _ = Checker::representable_static(self, &mut y, t);
            x.val = y.val;
        } else {
            x.val = None;
        }
        x.typ = t;
    }

    /// Non-constant convertibility (Go spec "Conversions").
    fn convertible(&mut self, x: &Operand, t: TypeId, cause: &mut String) -> bool {
        match self.assignable_reason(x, t) {
            Ok(()) => return true,
            Err(why) => *cause = why,
        }
        let v = x.typ;
        if self.is_untyped(v) {
            if v == TypeId::UNTYPED_NIL {
                return self.has_nil(t);
            }
            let d = self.default_type(v);
            let y = Operand { typ: d, ..x.clone() };
            if x.mode == OpMode::Constant && self.is_numeric(v) && self.is_numeric(t) {
                return true;
            }
            if x.mode == OpMode::Constant && self.is_integer(v) && self.is_string(t) {
                return true;
            }
            return self.convertible(&y, t, cause);
        }
        let vu = self.t.underlying(v);
        let tu = self.t.underlying(t);
        if self.identical_ignore_tags(vu, tu) {
            return true;
        }
        if let (TypeKind::Pointer(a), TypeKind::Pointer(b)) = (self.t.kind(v).clone(), self.t.kind(t).clone()) {
            if self.identical_ignore_tags(self.t.underlying(a), self.t.underlying(b)) {
                return true;
            }
        }
        if (self.is_integer(v) || self.is_float(v)) && (self.is_integer(t) || self.is_float(t)) {
            return true;
        }
        if self.is_complex(v) && self.is_complex(t) {
            return true;
        }
        if self.is_string(t) {
            if self.is_integer(v) {
                return true;
            }
            if let TypeKind::Slice(el) = self.t.kind(vu) {
                if matches!(self.t.basic(*el), Some(BasicKind::Uint8 | BasicKind::Int32)) {
                    return true;
                }
            }
        }
        if self.is_string(v) {
            if let TypeKind::Slice(el) = self.t.kind(tu) {
                if matches!(self.t.basic(*el), Some(BasicKind::Uint8 | BasicKind::Int32)) {
                    return true;
                }
            }
        }
        let is_uptr = |c: &Checker, t: TypeId| c.t.basic(t) == Some(BasicKind::UnsafePointer);
        if is_uptr(self, v)
            && (matches!(self.t.kind(tu), TypeKind::Pointer(_)) || self.t.basic(t) == Some(BasicKind::Uintptr))
        {
            return true;
        }
        if is_uptr(self, t)
            && (matches!(self.t.kind(vu), TypeKind::Pointer(_)) || self.t.basic(v) == Some(BasicKind::Uintptr))
        {
            return true;
        }
        // slice to array pointer
        if let (TypeKind::Slice(se), TypeKind::Pointer(p)) = (self.t.kind(vu).clone(), self.t.kind(tu).clone()) {
            if let TypeKind::Array { elem, .. } = self.t.under(p) {
                if *elem == se {
                    if self.allow_version(1, 17) {
                        return true;
                    }
                    *cause = self.version_message("go1.17", "conversion of slices to array pointers");
                    return false;
                }
            }
        }
        // type parameters: convertible for every type in the type set
        if self.is_type_param(v) || self.is_type_param(t) {
            return true;
        }
        false
    }

    /// Type identity ignoring struct tags (Go spec "Conversions"), at any depth.
    fn identical_ignore_tags(&self, a: TypeId, b: TypeId) -> bool {
        if a == b {
            return true;
        }
        let same = |x: TypeId, y: TypeId| self.identical_ignore_tags(x, y);
        match (self.t.kind(a), self.t.kind(b)) {
            (TypeKind::Struct { fields: f1 }, TypeKind::Struct { fields: f2 }) => {
                f1.len() == f2.len()
                    && f1.iter().zip(f2).all(|(x, y)| {
                        x.name == y.name && x.embedded == y.embedded && x.pkg == y.pkg && same(x.typ, y.typ)
                    })
            }
            (TypeKind::Pointer(x), TypeKind::Pointer(y)) | (TypeKind::Slice(x), TypeKind::Slice(y)) => same(*x, *y),
            (TypeKind::Array { len: l1, elem: e1 }, TypeKind::Array { len: l2, elem: e2 }) => {
                l1 == l2 && same(*e1, *e2)
            }
            (TypeKind::Map { key: k1, value: v1 }, TypeKind::Map { key: k2, value: v2 }) => {
                same(*k1, *k2) && same(*v1, *v2)
            }
            (TypeKind::Chan { dir: d1, elem: e1 }, TypeKind::Chan { dir: d2, elem: e2 }) => d1 == d2 && same(*e1, *e2),
            (TypeKind::Func(s1), TypeKind::Func(s2)) => {
                s1.variadic == s2.variadic
                    && s1.params.len() == s2.params.len()
                    && s1.results.len() == s2.results.len()
                    && s1.params.iter().zip(&s2.params).all(|(x, y)| same(*x, *y))
                    && s1.results.iter().zip(&s2.results).all(|(x, y)| same(*x, *y))
            }
            _ => false,
        }
    }

    // ---- built-in functions ----

    fn builtin_call(
        &mut self,
        e: ExprId,
        b: Builtin,
        args: &'a [ExprId],
        ellipsis: Option<crate::syntax::pos::Pos>,
    ) -> Operand {
        let ast = self.ast;
        let pos = ast.expr(e).pos;
        let name = builtin_name(b);
        let cs = self.expr_string(e);
        if ellipsis.is_some() && b != Builtin::Append {
            self.error(pos, format!("invalid operation: invalid use of ... with built-in {name}"));
            for &a in args {
                self.raw_expr(a, None);
            }
            return Operand::invalid(e);
        }
        let (min, variadic) = match b {
            Builtin::Append => (1, true),
            Builtin::Cap
            | Builtin::Len
            | Builtin::Close
            | Builtin::Imag
            | Builtin::Real
            | Builtin::New
            | Builtin::Panic => (1, false),
            Builtin::Alignof | Builtin::Offsetof | Builtin::Sizeof => (1, false),
            Builtin::Complex | Builtin::Copy | Builtin::Delete | Builtin::Add | Builtin::Slice => (2, false),
            Builtin::Make => (1, true),
            Builtin::Print | Builtin::Println => (0, true),
            Builtin::Recover => (0, false),
            Builtin::Clear => (1, false),
        };
        // Arguments other than types are evaluated up front (a single multi-valued call supplies several),
        // then counted, as go/types does.
        let needs_type_first = matches!(b, Builtin::Make | Builtin::New | Builtin::Offsetof);
        let mut ops: Vec<Operand> = Vec::new();
        let mut n = args.len();
        if !needs_type_first {
            ops = self.eval_args(args);
            if ops.iter().any(|o| o.mode == OpMode::Invalid) {
                return Operand::invalid(e);
            }
            n = ops.len();
        }
        if n < min || (!variadic && n > min) {
            let msg = if n < min { "not enough" } else { "too many" };
            self.error(pos, format!("invalid operation: {msg} arguments for {cs} (expected {min}, found {n})"));
            if needs_type_first {
                for &a in args {
                    self.raw_expr(a, None);
                }
            }
            return Operand::invalid(e);
        }
        let int = TypeId::INT;
        match b {
            Builtin::Len | Builtin::Cap => {
                let x = &ops[0];
                let ct = self.core(x.typ);
                let mut constant = None;
                let ok = match self.t.kind(ct).clone() {
                    TypeKind::Basic(BasicKind::String | BasicKind::UntypedString) if b == Builtin::Len => {
                        if x.mode == OpMode::Constant {
                            constant = x.val.as_ref().and_then(|v| v.as_bytes()).map(|s| s.len() as i64);
                        }
                        true
                    }
                    TypeKind::Array { len, .. } => {
                        if !self.contains_call_or_recv(args[0]) {
                            constant = Some(len as i64);
                        }
                        true
                    }
                    TypeKind::Pointer(p) => match self.t.under(p) {
                        TypeKind::Array { len, .. } => {
                            if !self.contains_call_or_recv(args[0]) {
                                constant = Some(*len as i64);
                            }
                            true
                        }
                        _ => false,
                    },
                    TypeKind::Slice(_) | TypeKind::Chan { .. } => true,
                    TypeKind::Map { .. } => b == Builtin::Len,
                    _ => false,
                };
                if !ok {
                    let s = self.operand_string(x);
                    self.error(ast.expr(x.expr).pos, format!("invalid argument: {s} for {name}"));
                    return Operand::invalid(e);
                }
                if self.is_untyped(x.typ) {
                    let mut y = x.clone();
                    self.convert_untyped(&mut y, TypeId::STRING);
                }
                match constant {
                    Some(c) => {
                        Operand { mode: OpMode::Constant, typ: int, val: Some(Value::int(c)), expr: e, builtin: None }
                    }
                    None => Operand::new(OpMode::Value, int, e),
                }
            }
            Builtin::Append => {
                let s = ops[0].clone();
                let st = self.core(s.typ);
                let TypeKind::Slice(elem) = self.t.kind(st).clone() else {
                    if s.typ == TypeId::UNTYPED_NIL {
                        self.error(
                            ast.expr(s.expr).pos,
                            "first argument to append must be a typed slice; found untyped nil",
                        );
                    } else {
                        let ss = self.operand_string(&s);
                        self.error(
                            ast.expr(s.expr).pos,
                            format!(
                                "invalid argument: {ss} (variable of type {}) is not a slice",
                                self.type_string(s.typ)
                            )
                            .replace(&format!(" (variable of type {})", self.type_string(s.typ)), ""),
                        );
                    }
                    return Operand::invalid(e);
                };
                if ellipsis.is_some() {
                    if ops.len() != 2 {
                        // types2 checks the call against `func(S, ...T) S`: argument count errors
                        let ExprKind::Call { fun, .. } = &ast.expr(e).kind else { return Operand::invalid(e) };
                        let sl = self.t.slice(elem);
                        let sig = Signature { params: vec![s.typ, sl], results: vec![s.typ], variadic: true };
                        self.check_args(e, &sig, ops, ellipsis, *fun);
                        return Operand::invalid(e);
                    }
                    let mut t = ops[1].clone();
                    // append([]byte, string...), also for a type parameter whose types are all strings or
                    // byte slices (types2's coreString)
                    let string_like = |c: &Self, u: Option<TypeId>| {
                        u.is_some_and(|u| c.is_string(u) || matches!(c.t.kind(u), TypeKind::Slice(el) if c.t.basic(*el) == Some(BasicKind::Uint8)))
                    };
                    let core_string = self.is_type_param(t.typ)
                        && self.under_terms(t.typ).iter().any(|&u| u.is_some_and(|u| self.is_string(u)))
                        && self.under_terms(t.typ).iter().all(|&u| string_like(self, u));
                    if self.t.basic(elem) == Some(BasicKind::Uint8) && (self.is_string(t.typ) || core_string) {
                        if self.is_untyped(t.typ) {
                            self.convert_untyped(&mut t, TypeId::STRING);
                        }
                        return Operand::new(OpMode::Value, s.typ, e);
                    }
                    let sl = self.t.slice(elem);
                    self.assignment(&mut t, sl, "append");
                    return Operand::new(OpMode::Value, s.typ, e);
                }
                for o in ops[1..].iter_mut() {
                    self.assignment(o, elem, "argument to append");
                }
                Operand::new(OpMode::Value, s.typ, e)
            }
            Builtin::Close => {
                // every type of the operand's type set must be a channel that can be sent on (types2's underIs)
                let x = &ops[0];
                for u in self.under_terms(x.typ) {
                    match u.map(|u| self.t.kind(u).clone()) {
                        Some(TypeKind::Chan { dir, .. }) => {
                            if dir == ChanDir::Recv {
                                let s = self.operand_string(x);
                                self.error(
                                    ast.expr(x.expr).pos,
                                    format!("invalid operation: cannot close receive-only channel {s}"),
                                );
                                return Operand::invalid(e);
                            }
                        }
                        _ => {
                            let s = self.operand_string(x);
                            self.error(
                                ast.expr(x.expr).pos,
                                format!("invalid operation: cannot close non-channel {s}"),
                            );
                            return Operand::invalid(e);
                        }
                    }
                }
                Operand::new(OpMode::NoValue, TypeId::INVALID, e)
            }
            Builtin::Complex => {
                let (mut x, mut y) = (ops[0].clone(), ops[1].clone());
                // untyped operands convert to the other's type, or stay untyped floats
                let xu = self.is_untyped(x.typ);
                let yu = self.is_untyped(y.typ);
                if xu && !yu {
                    let t = y.typ;
                    self.convert_untyped(&mut x, t);
                } else if yu && !xu {
                    let t = x.typ;
                    self.convert_untyped(&mut y, t);
                } else if xu && yu {
                    if x.mode == OpMode::Constant && y.mode == OpMode::Constant {
                        let ok = x.val.as_ref().and_then(|v| v.as_float()).is_some()
                            && y.val.as_ref().and_then(|v| v.as_float()).is_some();
                        if !ok {
                            let s = self.operand_string(&x);
                            self.error(
                                ast.expr(x.expr).pos,
                                format!("invalid argument: arguments have type {}, expected floating-point", s),
                            );
                            return Operand::invalid(e);
                        }
                        let r = x.val.as_ref().unwrap().as_float().unwrap();
                        let i = y.val.as_ref().unwrap().as_float().unwrap();
                        self.convert_untyped(&mut x, TypeId::UNTYPED_FLOAT);
                        self.convert_untyped(&mut y, TypeId::UNTYPED_FLOAT);
                        return Operand {
                            mode: OpMode::Constant,
                            typ: TypeId::UNTYPED_COMPLEX,
                            val: Some(Value::Complex(r, i)),
                            expr: e,
                            builtin: None,
                        };
                    }
                    self.convert_untyped(&mut x, TypeId::FLOAT64);
                    self.convert_untyped(&mut y, TypeId::FLOAT64);
                }
                if x.mode == OpMode::Invalid || y.mode == OpMode::Invalid {
                    return Operand::invalid(e);
                }
                if x.typ != y.typ {
                    let (xs, ys) = (self.type_string(x.typ), self.type_string(y.typ));
                    self.error(
                        ast.expr(x.expr).pos,
                        format!("invalid operation: {cs} (mismatched types {xs} and {ys})"),
                    );
                    return Operand::invalid(e);
                }
                let rt = match self.t.basic(x.typ) {
                    Some(BasicKind::Float32) => TypeId::COMPLEX64,
                    Some(BasicKind::Float64) => TypeId::COMPLEX128,
                    _ => {
                        let ts = self.type_string(x.typ);
                        self.error(
                            ast.expr(x.expr).pos,
                            format!("invalid argument: arguments have type {ts}, expected floating-point"),
                        );
                        return Operand::invalid(e);
                    }
                };
                if x.mode == OpMode::Constant && y.mode == OpMode::Constant {
                    let r = x.val.as_ref().unwrap().as_float().unwrap();
                    let i = y.val.as_ref().unwrap().as_float().unwrap();
                    return Operand {
                        mode: OpMode::Constant,
                        typ: rt,
                        val: Some(Value::Complex(r, i)),
                        expr: e,
                        builtin: None,
                    };
                }
                Operand::new(OpMode::Value, rt, e)
            }
            Builtin::Real | Builtin::Imag => {
                let mut x = ops[0].clone();
                if self.is_untyped(x.typ) {
                    if x.mode == OpMode::Constant {
                        let v = x.val.clone().unwrap();
                        if let Some((r, i)) = v.as_complex() {
                            self.convert_untyped(&mut x, TypeId::UNTYPED_COMPLEX);
                            let res = if b == Builtin::Real { r } else { i };
                            return Operand {
                                mode: OpMode::Constant,
                                typ: TypeId::UNTYPED_FLOAT,
                                val: Some(Value::Float(res)),
                                expr: e,
                                builtin: None,
                            };
                        }
                    }
                    self.convert_untyped(&mut x, TypeId::COMPLEX128);
                }
                let rt = match self.t.basic(x.typ) {
                    Some(BasicKind::Complex64) => TypeId::FLOAT32,
                    Some(BasicKind::Complex128) => TypeId::FLOAT64,
                    _ => {
                        let ts = self.type_string(x.typ);
                        self.error(
                            ast.expr(x.expr).pos,
                            format!("invalid argument: argument has type {ts}, expected complex type"),
                        );
                        return Operand::invalid(e);
                    }
                };
                if x.mode == OpMode::Constant {
                    let (r, i) = x.val.as_ref().unwrap().as_complex().unwrap();
                    let res = if b == Builtin::Real { r } else { i };
                    return Operand {
                        mode: OpMode::Constant,
                        typ: rt,
                        val: Some(Value::Float(res)),
                        expr: e,
                        builtin: None,
                    };
                }
                Operand::new(OpMode::Value, rt, e)
            }
            Builtin::Copy => {
                let (x, mut y) = (ops[0].clone(), ops[1].clone());
                let dst = match self.t.kind(self.core(x.typ)) {
                    TypeKind::Slice(el) => Some(*el),
                    _ => None,
                };
                if self.is_untyped(y.typ) && self.is_string(y.typ) {
                    self.convert_untyped(&mut y, TypeId::STRING);
                }
                let src = match self.t.kind(self.core(y.typ)) {
                    TypeKind::Slice(el) => Some(*el),
                    TypeKind::Basic(BasicKind::String) => Some(TypeId::UINT8),
                    _ => None,
                };
                match (dst, src) {
                    (Some(d), Some(s)) if d == s => Operand::new(OpMode::Value, int, e),
                    (Some(d), Some(s)) => {
                        let (xs, ys) = (self.operand_string(&x), self.operand_string(&y));
                        // a string's elements are types2's universeByte, spelled `byte`
                        let ss = if self.is_string(y.typ) { "byte".to_string() } else { self.type_string(s) };
                        let ds = self.type_string(d);
                        self.error(ast.expr(x.expr).pos, format!("invalid argument: arguments to copy {xs} and {ys} have different element types {ds} and {ss}"));
                        Operand::invalid(e)
                    }
                    _ => {
                        let (xs, ys) = (self.operand_string(&x), self.operand_string(&y));
                        self.error(
                            ast.expr(x.expr).pos,
                            format!("invalid argument: copy expects slice arguments; found {xs} and {ys}"),
                        );
                        Operand::invalid(e)
                    }
                }
            }
            Builtin::Delete => {
                // every type of the operand's type set must be a map, all with identical key types
                let x = ops[0].clone();
                let mut key = None;
                for u in self.under_terms(x.typ) {
                    let Some(TypeKind::Map { key: k, .. }) = u.map(|u| self.t.kind(u).clone()) else {
                        let s = self.operand_string(&x);
                        self.error(ast.expr(x.expr).pos, format!("invalid argument: {s} is not a map"));
                        return Operand::invalid(e);
                    };
                    if key.is_some_and(|prev| prev != k) {
                        let s = self.operand_string(&x);
                        self.error(
                            ast.expr(x.expr).pos,
                            format!("invalid argument: maps of {s} must have identical key types"),
                        );
                        return Operand::invalid(e);
                    }
                    key = Some(k);
                }
                let key = key.unwrap_or(TypeId::INVALID);
                let mut k = ops[1].clone();
                self.assignment(&mut k, key, "argument to delete");
                Operand::new(OpMode::NoValue, TypeId::INVALID, e)
            }
            Builtin::Make => {
                let t = self.typ(args[0]);
                if t == TypeId::INVALID {
                    for &a in &args[1..] {
                        self.expr(a);
                    }
                    return Operand::invalid(e);
                }
                let min = match self.t.kind(self.core(t)) {
                    TypeKind::Slice(_) => 2,
                    TypeKind::Map { .. } | TypeKind::Chan { .. } => 1,
                    _ => {
                        let s = self.expr_string(args[0]);
                        self.error(
                            ast.expr(args[0]).pos,
                            format!("invalid argument: cannot make {s}; type must be slice, map, or channel"),
                        );
                        for &a in &args[1..] {
                            self.expr(a);
                        }
                        return Operand::invalid(e);
                    }
                };
                if n < min || n > min + 1 {
                    self.error(
                        pos,
                        format!("invalid operation: {cs} expects {min} or {} arguments; found {n}", min + 1),
                    );
                    for &a in &args[1..] {
                        self.expr(a);
                    }
                    return Operand::invalid(e);
                }
                let mut sizes_v = Vec::new();
                for &a in &args[1..] {
                    sizes_v.push(self.size_arg(a));
                }
                if let (Some(Some(l)), Some(Some(c))) = (sizes_v.first(), sizes_v.get(1)) {
                    if l > c {
                        self.error(ast.expr(args[1]).pos, "invalid argument: length and capacity swapped");
                    }
                }
                Operand::new(OpMode::Value, t, e)
            }
            Builtin::New => {
                let t = self.typ(args[0]);
                if t == TypeId::INVALID {
                    return Operand::invalid(e);
                }
                let p = self.t.pointer(t);
                Operand::new(OpMode::Value, p, e)
            }
            Builtin::Panic => {
                let mut x = ops[0].clone();
                let empty = self.t.intern(TypeKind::Interface { methods: Vec::new(), embeddeds: Vec::new() });
                self.assignment(&mut x, empty, "argument to panic");
                Operand::new(OpMode::NoValue, TypeId::INVALID, e)
            }
            Builtin::Print | Builtin::Println => {
                for o in ops.iter_mut() {
                    if o.typ == TypeId::UNTYPED_NIL {
                        self.error(ast.expr(o.expr).pos, format!("use of untyped nil in argument to {name}"));
                        continue;
                    }
                    if self.is_untyped(o.typ) {
                        let d = self.default_type(o.typ);
                        let ctx = format!("argument to {name}");
                        self.assignment(o, d, &ctx);
                    }
                }
                Operand::new(OpMode::NoValue, TypeId::INVALID, e)
            }
            Builtin::Recover => {
                let empty = self.t.intern(TypeKind::Interface { methods: Vec::new(), embeddeds: Vec::new() });
                Operand::new(OpMode::Value, empty, e)
            }
            Builtin::Sizeof | Builtin::Alignof => {
                let mut x = ops[0].clone();
                if self.is_untyped(x.typ) {
                    let d = self.default_type(x.typ);
                    self.assignment(&mut x, d, &format!("argument to unsafe.{name}"));
                }
                if self.has_var_size(x.typ) {
                    // depends on a type argument: computed per instance (types2's hasVarSize)
                    return Operand::new(OpMode::Value, TypeId::UINTPTR, e);
                }
                let v = if b == Builtin::Sizeof {
                    sizes::size_of(&self.sizes, &self.t, x.typ)
                } else {
                    sizes::align_of(&self.sizes, &self.t, x.typ)
                };
                Operand {
                    mode: OpMode::Constant,
                    typ: TypeId::UINTPTR,
                    val: Some(Value::int(v as i64)),
                    expr: e,
                    builtin: None,
                }
            }
            Builtin::Offsetof => {
                let a = ast.unparen(args[0]);
                let ExprKind::Selector { x: bx, sel } = &ast.expr(a).kind else {
                    let s = self.expr_string(args[0]);
                    self.error(ast.expr(args[0]).pos, format!("invalid argument: {s} is not a selector expression"));
                    self.expr(args[0]);
                    return Operand::invalid(e);
                };
                let base = self.expr(*bx);
                if base.mode == OpMode::Invalid {
                    return Operand::invalid(e);
                }
                // types2's derefStructPtr: `p.f` with `p` a pointer to a struct looks `f` up in the struct
                let base_t = match self.t.under(base.typ) {
                    TypeKind::Pointer(el) if matches!(self.t.under(*el), TypeKind::Struct { .. }) => *el,
                    _ => base.typ,
                };
                let r = self.lookup_field_or_method(base_t, false, &sel.name);
                let (obj, index, indirect) = match r {
                    super::lookup::Lookup::Found { obj, index, indirect, is_method: false } => (obj, index, indirect),
                    super::lookup::Lookup::Found { is_method: true, .. } => {
                        let s = self.expr_string(args[0]);
                        self.error(ast.expr(args[0]).pos, format!("invalid argument: {s} is a method value"));
                        return Operand::invalid(e);
                    }
                    super::lookup::Lookup::Ambiguous | super::lookup::Lookup::NotFound => {
                        let bs = self.type_string(base_t);
                        self.error(
                            ast.expr(*bx).pos,
                            format!("invalid argument: {bs} has no single field {}", sel.name),
                        );
                        return Operand::invalid(e);
                    }
                };
                if indirect {
                    let bs = self.type_string(base_t);
                    self.error(
                        ast.expr(args[0]).pos,
                        format!("invalid argument: field {} is embedded via a pointer in {bs}", sel.name),
                    );
                    return Operand::invalid(e);
                }
                self.info.uses.insert(sel.pos, obj);
                let ft = self.objs.get(obj).typ;
                self.info.selections.insert(
                    a,
                    super::super::Selection {
                        kind: super::super::SelectionKind::FieldVal,
                        recv: base_t,
                        obj,
                        index: index.clone(),
                        indirect: false,
                    },
                );
                self.record(a, super::super::Mode::Variable, ft, None);
                if args[0] != a {
                    self.record(args[0], super::super::Mode::Variable, ft, None);
                }
                if self.has_var_size(base_t) {
                    return Operand::new(OpMode::Value, TypeId::UINTPTR, e);
                }
                // sum the offsets along the path
                let mut off = 0u64;
                let mut t = base_t;
                for &i in &index {
                    let offs = sizes::field_offsets(&self.sizes, &self.t, t);
                    off += offs.get(i as usize).copied().unwrap_or(0);
                    t = match self.t.under(t) {
                        TypeKind::Struct { fields } => fields.get(i as usize).map(|f| f.typ).unwrap_or(TypeId::INVALID),
                        _ => TypeId::INVALID,
                    };
                }
                Operand {
                    mode: OpMode::Constant,
                    typ: TypeId::UINTPTR,
                    val: Some(Value::int(off as i64)),
                    expr: e,
                    builtin: None,
                }
            }
            Builtin::Add => {
                if !self.allow_version(1, 17) {
                    let ExprKind::Call { fun, .. } = &ast.expr(e).kind else { unreachable!("builtin call") };
                    self.version_error(ast.expr(*fun).pos, "go1.17", "unsafe.Add");
                    return Operand::invalid(e);
                }
                let mut p = ops[0].clone();
                self.assignment(&mut p, TypeId::UNSAFE_POINTER, "argument to unsafe.Add");
                let mut l = ops[1].clone();
                if self.is_untyped(l.typ) {
                    self.convert_untyped(&mut l, TypeId::INT);
                }
                if !self.is_integer(l.typ) {
                    let s = self.operand_string(&l);
                    self.error(ast.expr(l.expr).pos, format!("cannot use {s} as int value in argument to unsafe.Add"));
                    return Operand::invalid(e);
                }
                Operand::new(OpMode::Value, TypeId::UNSAFE_POINTER, e)
            }
            Builtin::Slice => {
                if !self.allow_version(1, 17) {
                    let ExprKind::Call { fun, .. } = &ast.expr(e).kind else { unreachable!("builtin call") };
                    self.version_error(ast.expr(*fun).pos, "go1.17", "unsafe.Slice");
                    return Operand::invalid(e);
                }
                let p = ops[0].clone();
                let TypeKind::Pointer(el) = self.t.kind(self.core(p.typ)).clone() else {
                    let s = self.operand_string(&p);
                    self.error(ast.expr(p.expr).pos, format!("invalid argument: {s} is not a pointer"));
                    return Operand::invalid(e);
                };
                let mut l = ops[1].clone();
                if self.is_untyped(l.typ) {
                    self.convert_untyped(&mut l, TypeId::INT);
                }
                let st = self.t.slice(el);
                Operand::new(OpMode::Value, st, e)
            }
            Builtin::Clear => {
                self.error(pos, "undefined: clear");
                Operand::invalid(e)
            }
        }
    }

    /// A `make` size argument: an integer (or untyped constant representable as int), non-negative.
    /// A size argument of `make`: an index (types2 checks it with `index`).
    fn size_arg(&mut self, a: ExprId) -> Option<i64> {
        self.index(a, None).ok().flatten()
    }

    /// `len(x)`/`cap(x)` of an array is constant unless `x` contains a function call or channel receive.
    fn contains_call_or_recv(&self, e: ExprId) -> bool {
        let ast = self.ast;
        match &ast.expr(e).kind {
            ExprKind::Call { fun, .. } => {
                // conversions are not calls
                !matches!(self.info.types.get(fun).map(|t| t.mode), Some(super::super::Mode::TypeExpr))
            }
            ExprKind::Unary { op: UnaryOp::Recv, .. } => true,
            ExprKind::Paren(x) | ExprKind::Star(x) | ExprKind::Unary { x, .. } => self.contains_call_or_recv(*x),
            ExprKind::Selector { x, .. } => self.contains_call_or_recv(*x),
            ExprKind::Index { x, indices, .. } => {
                self.contains_call_or_recv(*x) || indices.iter().any(|&i| self.contains_call_or_recv(i))
            }
            ExprKind::Binary { x, y, .. } => self.contains_call_or_recv(*x) || self.contains_call_or_recv(*y),
            ExprKind::CompositeLit { elts, .. } => elts.iter().any(|&i| self.contains_call_or_recv(i)),
            ExprKind::KeyValue { key, value, .. } => {
                self.contains_call_or_recv(*key) || self.contains_call_or_recv(*value)
            }
            ExprKind::Slice { x, lo, hi, max, .. } => {
                self.contains_call_or_recv(*x)
                    || [lo, hi, max].iter().any(|o| o.is_some_and(|i| self.contains_call_or_recv(i)))
            }
            ExprKind::TypeAssert { x, .. } => self.contains_call_or_recv(*x),
            _ => false,
        }
    }
}

pub fn builtin_name(b: Builtin) -> &'static str {
    match b {
        Builtin::Append => "append",
        Builtin::Cap => "cap",
        Builtin::Clear => "clear",
        Builtin::Close => "close",
        Builtin::Complex => "complex",
        Builtin::Copy => "copy",
        Builtin::Delete => "delete",
        Builtin::Imag => "imag",
        Builtin::Len => "len",
        Builtin::Make => "make",
        Builtin::New => "new",
        Builtin::Panic => "panic",
        Builtin::Print => "print",
        Builtin::Println => "println",
        Builtin::Real => "real",
        Builtin::Recover => "recover",
        Builtin::Alignof => "Alignof",
        Builtin::Offsetof => "Offsetof",
        Builtin::Sizeof => "Sizeof",
        Builtin::Add => "Add",
        Builtin::Slice => "Slice",
    }
}

#[allow(dead_code)]
fn _unused(_: ObjKind) {}

impl Checker<'_> {
    /// types2's `hasVarSize`: the size of `t` depends on a type parameter (one of its own, an array
    /// element's or a field's), so `unsafe.Sizeof`, `Alignof` and `Offsetof` are not constants.
    pub fn has_var_size(&self, t: TypeId) -> bool {
        self.has_var_size_seen(t, &mut Vec::new())
    }

    /// `seen`: the types being walked (an invalid `type T struct{ T }` contains itself).
    fn has_var_size_seen(&self, t: TypeId, seen: &mut Vec<TypeId>) -> bool {
        if seen.contains(&t) {
            return false;
        }
        seen.push(t);
        let r = match self.t.under(t) {
            TypeKind::Array { elem, .. } => self.has_var_size_seen(*elem, seen),
            TypeKind::Struct { fields } => fields.iter().any(|f| self.has_var_size_seen(f.typ, seen)),
            TypeKind::TypeParam { .. } => true,
            _ => false,
        };
        seen.pop();
        r
    }
}
