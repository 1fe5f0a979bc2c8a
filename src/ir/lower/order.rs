//! Evaluation order within a statement, as gc orders it (cmd/compile's "order" pass).
//!
//! The Go spec fixes the order of function calls, method calls, receives and `&&`/`||` within an
//! expression (left to right), but not when a variable is read relative to them: in `fmt.Println(x, f())`
//! `x` may be read before or after `f` runs. gc first evaluates every call, builtin call with a value
//! (`len`, `append`, `make`, ...), receive and logical operation of the statement, left to right and
//! innermost first, into temporaries, and only then evaluates the rest of the expression, reading
//! variables, fields and elements, converting, indexing and doing arithmetic (whose panics therefore
//! come after every call of the statement). Programs see the difference (`x` above prints the value `f`
//! left in it), so g1c does the same.
//!
//! In: the operand expressions of one construct (a call's arguments, a binary operation's operands, a
//! composite literal's elements, an assignment's both sides, a return's results). Out: the hoisted
//! expressions' values in [`Fb::bound`] (which [`Fb::expr`] and [`Fb::cond`] read), evaluated now; the
//! list of expressions bound, to be released with [`Fb::unhoist`] once the construct is lowered.
//!
//! Invariants: a hoisted expression is evaluated exactly once, in the current block, before anything
//! else of the construct; its value is in a temporary of its own (no later call can change it);
//! tuple-valued calls are never hoisted (they are lowered through `call_multi`, which does not read
//! `bound`); nothing inside a function literal or the right operand of `&&`/`||` is hoisted (they may
//! not run at all).

use super::func::Fb;
use crate::syntax::ast::{BinaryOp, ExprId, ExprKind, UnaryOp};
use crate::types::{Builtin, Mode, SelectionKind, TypeKind};

impl<'a, 'b> Fb<'a, 'b> {
    /// Evaluates the calls, receives and logical operations of `es` (in evaluation order) into
    /// temporaries bound to their expressions; returns the expressions bound now.
    pub fn hoist(&mut self, es: &[ExprId]) -> Vec<ExprId> {
        let mut out = Vec::new();
        for &e in es {
            self.hoist_walk(e, &mut out);
        }
        out
    }

    /// Releases the bindings [`Fb::hoist`] made: the values belong to the construct lowered since.
    pub fn unhoist(&mut self, hoisted: Vec<ExprId>) {
        for e in hoisted {
            self.bound.remove(&e);
        }
    }

    fn hoist_walk(&mut self, e: ExprId, out: &mut Vec<ExprId>) {
        let ast = self.ast;
        if self.bound.contains_key(&e) || !self.prog.info.types.contains_key(&e) {
            return;
        }
        let tv = self.tv(e);
        if tv.mode == Mode::Constant || tv.mode == Mode::TypeExpr {
            return;
        }
        let tuple = matches!(self.types.kind(tv.typ), TypeKind::Tuple(_));
        match &ast.expr(e).kind {
            ExprKind::Paren(x) => self.hoist_walk(*x, out),
            ExprKind::Call { fun, args, .. } => {
                let fun = ast.unparen(*fun);
                let fmode = self.tv(fun).mode;
                // `f(g())` with a tuple-valued `g` passes g's results on: they are the call's operands.
                let spread_call = args.len() == 1
                    && self.prog.info.types.contains_key(&args[0])
                    && matches!(self.types.kind(self.type_of(args[0])), TypeKind::Tuple(_));
                if !spread_call {
                    if fmode != Mode::Builtin && fmode != Mode::TypeExpr {
                        self.hoist_callee(fun, out);
                    }
                    for &a in args.iter() {
                        self.hoist_walk(a, out);
                    }
                }
                let value_call = match fmode {
                    Mode::TypeExpr => false,
                    Mode::Builtin => matches!(
                        self.builtin_kind(fun),
                        Some(
                            Builtin::Append
                                | Builtin::Cap
                                | Builtin::Complex
                                | Builtin::Copy
                                | Builtin::Imag
                                | Builtin::Len
                                | Builtin::Make
                                | Builtin::New
                                | Builtin::Real
                                | Builtin::Recover
                        )
                    ),
                    _ => true,
                };
                if value_call && !tuple && tv.mode != Mode::NoValue {
                    self.bind_now(e, out);
                }
            }
            ExprKind::Unary { op: UnaryOp::Recv, x } => {
                self.hoist_walk(*x, out);
                if !tuple {
                    self.bind_now(e, out);
                }
            }
            ExprKind::Unary { x, .. } => self.hoist_walk(*x, out),
            ExprKind::Binary { op: BinaryOp::LAnd | BinaryOp::LOr, .. } => self.bind_now(e, out),
            ExprKind::Binary { x, y, .. } => {
                self.hoist_walk(*x, out);
                self.hoist_walk(*y, out);
            }
            ExprKind::Selector { x, .. } => {
                if self.prog.info.selections.get(&e).is_some() {
                    self.hoist_walk(*x, out);
                }
            }
            ExprKind::Index { x, indices, .. } => {
                if indices.len() == 1 && self.func_ident(e).is_none() {
                    self.hoist_walk(*x, out);
                    self.hoist_walk(indices[0], out);
                }
            }
            ExprKind::Slice { x, lo, hi, max, .. } => {
                self.hoist_walk(*x, out);
                for i in [lo, hi, max].into_iter().flatten() {
                    self.hoist_walk(*i, out);
                }
            }
            ExprKind::Star(x) => self.hoist_walk(*x, out),
            ExprKind::TypeAssert { x, .. } => self.hoist_walk(*x, out),
            ExprKind::CompositeLit { .. } => {
                if matches!(self.under(tv.typ), TypeKind::Map { .. }) {
                    // gc builds a map literal ahead of its statement, each entry `m[k] = v` a statement
                    // of its own (maps.rs orders each entry).
                    self.bind_now(e, out);
                } else {
                    self.hoist_elts(e, out);
                }
            }
            _ => {}
        }
    }

    /// [`Fb::hoist`] for the elements of the struct, array or slice literal `e` (a map literal orders each
    /// entry by itself: nothing is hoisted here).
    pub fn hoist_composite(&mut self, e: ExprId) -> Vec<ExprId> {
        let mut out = Vec::new();
        if !matches!(self.under(self.type_of(e)), TypeKind::Map { .. }) {
            self.hoist_elts(e, &mut out);
        }
        out
    }

    fn hoist_elts(&mut self, e: ExprId, out: &mut Vec<ExprId>) {
        let ast = self.ast;
        let ExprKind::CompositeLit { elts, .. } = &ast.expr(e).kind else { return };
        for &el in elts.iter() {
            match &ast.expr(el).kind {
                ExprKind::KeyValue { value, .. } => self.hoist_walk(*value, out),
                _ => self.hoist_walk(el, out),
            }
        }
    }

    /// The operands of a callee: the receiver expression of a method call `x.m(...)`, a func-valued
    /// expression `fs[i](...)`; a declared function's name has none.
    fn hoist_callee(&mut self, fun: ExprId, out: &mut Vec<ExprId>) {
        match &self.ast.expr(fun).kind {
            ExprKind::Selector { x, .. } => {
                if let Some(sel) = self.prog.info.selections.get(&fun) {
                    if matches!(sel.kind, SelectionKind::MethodVal | SelectionKind::FieldVal) {
                        self.hoist_walk(*x, out);
                    }
                }
            }
            ExprKind::Ident(_) => {}
            _ => {
                if self.func_ident(fun).is_none() {
                    self.hoist_walk(fun, out);
                }
            }
        }
    }

    /// Evaluates `e` now into a temporary of its own and binds it.
    fn bind_now(&mut self, e: ExprId, out: &mut Vec<ExprId>) {
        let t = self.type_of(e);
        let v = self.expr(e);
        let v = self.to_temp(v, t);
        self.bound.insert(e, v);
        out.push(e);
    }
}
