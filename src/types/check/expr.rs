//! Expressions (Go spec "Expressions"): operands, operators, constant arithmetic, untyped conversion,
//! selectors, index and slice expressions, composite and function literals, type assertions.
//!
//! In: an expression. Out: an [`Operand`] (mode, type, constant value), also recorded in `Info::types`.
//! Untyped operands are recorded with their untyped type first; when context gives them a type
//! (`convert_untyped`), `update_expr_type` rewrites the recorded entries of the whole untyped subtree, so the
//! final `Info` holds context-converted types and values (as go/types' `updateExprType`).

use super::super::constant::{BigFloat, BigInt, ConstStr, Value};
use super::super::{BasicKind, Mode, ObjKind, SelectionKind, TypeId, TypeKind};
use super::Checker;
use crate::syntax::ast::*;
use crate::syntax::pos::Pos;
use std::cmp::Ordering;

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum OpMode {
    Invalid,
    NoValue,
    Builtin,
    TypeExpr,
    Constant,
    Variable,
    MapIndex,
    Value,
    CommaOk,
}

/// An evaluated expression.
#[derive(Clone, Debug)]
pub struct Operand {
    pub mode: OpMode,
    pub typ: TypeId,
    pub val: Option<Value>,
    pub expr: ExprId,
    pub builtin: Option<super::super::Builtin>,
}

impl Operand {
    pub fn invalid(e: ExprId) -> Operand {
        Operand { mode: OpMode::Invalid, typ: TypeId::INVALID, val: None, expr: e, builtin: None }
    }
    pub fn new(mode: OpMode, typ: TypeId, e: ExprId) -> Operand {
        Operand { mode, typ, val: None, expr: e, builtin: None }
    }
}

fn mode_of(m: OpMode) -> Mode {
    match m {
        OpMode::Invalid => Mode::Value,
        OpMode::NoValue => Mode::NoValue,
        OpMode::Builtin => Mode::Builtin,
        OpMode::TypeExpr => Mode::TypeExpr,
        OpMode::Constant => Mode::Constant,
        OpMode::Variable => Mode::Variable,
        OpMode::MapIndex => Mode::MapIndex,
        OpMode::Value => Mode::Value,
        OpMode::CommaOk => Mode::CommaOk,
    }
}

/// Integer, floating-point or complex kinds, typed or untyped.
fn numeric_kind(b: BasicKind) -> bool {
    use BasicKind::*;
    matches!(
        b,
        Int | Int8
            | Int16
            | Int32
            | Int64
            | Uint
            | Uint8
            | Uint16
            | Uint32
            | Uint64
            | Uintptr
            | UntypedInt
            | UntypedRune
            | Float32
            | Float64
            | UntypedFloat
            | Complex64
            | Complex128
            | UntypedComplex
    )
}

impl<'a> Checker<'a> {
    // ---- type predicates ----

    pub fn is_untyped(&self, t: TypeId) -> bool {
        t.0 >= TypeId::UNTYPED_BOOL.0 && t.0 <= TypeId::UNTYPED_NIL.0
    }
    fn basic_is(&self, t: TypeId, f: impl Fn(BasicKind) -> bool) -> bool {
        match self.t.basic(t) {
            Some(b) => f(b),
            None => self.type_set_all(t, &|c, b| c.t.basic(b).is_some_and(&f)),
        }
    }
    pub fn is_integer(&self, t: TypeId) -> bool {
        use BasicKind::*;
        self.basic_is(t, |b| {
            matches!(
                b,
                Int | Int8
                    | Int16
                    | Int32
                    | Int64
                    | Uint
                    | Uint8
                    | Uint16
                    | Uint32
                    | Uint64
                    | Uintptr
                    | UntypedInt
                    | UntypedRune
            )
        })
    }
    pub fn is_unsigned(&self, t: TypeId) -> bool {
        use BasicKind::*;
        self.basic_is(t, |b| matches!(b, Uint | Uint8 | Uint16 | Uint32 | Uint64 | Uintptr))
    }
    pub fn is_float(&self, t: TypeId) -> bool {
        use BasicKind::*;
        self.basic_is(t, |b| matches!(b, Float32 | Float64 | UntypedFloat))
    }
    pub fn is_complex(&self, t: TypeId) -> bool {
        use BasicKind::*;
        self.basic_is(t, |b| matches!(b, Complex64 | Complex128 | UntypedComplex))
    }
    pub fn is_numeric(&self, t: TypeId) -> bool {
        // Per term for a type parameter: `~int | ~float64` is numeric though neither integer nor float.
        self.basic_is(t, numeric_kind)
    }
    /// Numeric or string (the operands `+` accepts), per term for a type parameter.
    pub fn is_numeric_or_string(&self, t: TypeId) -> bool {
        self.basic_is(t, |b| numeric_kind(b) || matches!(b, BasicKind::String | BasicKind::UntypedString))
    }
    pub fn is_string(&self, t: TypeId) -> bool {
        self.basic_is(t, |b| matches!(b, BasicKind::String | BasicKind::UntypedString))
    }
    pub fn is_boolean(&self, t: TypeId) -> bool {
        self.basic_is(t, |b| matches!(b, BasicKind::Bool | BasicKind::UntypedBool))
    }
    pub fn is_interface(&self, t: TypeId) -> bool {
        matches!(self.t.under(t), TypeKind::Interface { .. }) && !matches!(self.t.kind(t), TypeKind::TypeParam { .. })
    }
    pub fn is_type_param(&self, t: TypeId) -> bool {
        matches!(self.t.kind(t), TypeKind::TypeParam { .. })
    }
    /// For a type parameter: true if every type in its type set satisfies `f` (false if the set is unbounded).
    pub fn type_set_all(&self, t: TypeId, f: &dyn Fn(&Checker, TypeId) -> bool) -> bool {
        match self.t.kind(t) {
            TypeKind::TypeParam { constraint, .. } => match self.type_terms(*constraint) {
                Some(terms) if !terms.is_empty() => terms.iter().all(|&(_, tt)| f(self, tt)),
                _ => false,
            },
            _ => false,
        }
    }
    /// A type's "core type" for operations: its underlying type, or for a type parameter whose type set
    /// has one underlying type, that type.
    pub fn core(&self, t: TypeId) -> TypeId {
        match self.t.kind(t) {
            TypeKind::TypeParam { constraint, .. } => match self.type_terms(*constraint) {
                Some(terms) if !terms.is_empty() => {
                    let u = self.t.underlying(terms[0].1);
                    if terms.iter().all(|&(_, tt)| self.t.underlying(tt) == u) {
                        u
                    } else {
                        TypeId::INVALID
                    }
                }
                _ => TypeId::INVALID,
            },
            _ => self.t.underlying(t),
        }
    }

    /// The default type of an untyped type (Go spec "Constants").
    pub fn default_type(&self, t: TypeId) -> TypeId {
        match t {
            TypeId::UNTYPED_BOOL => TypeId::BOOL,
            TypeId::UNTYPED_INT => TypeId::INT,
            TypeId::UNTYPED_RUNE => TypeId::INT32,
            TypeId::UNTYPED_FLOAT => TypeId::FLOAT64,
            TypeId::UNTYPED_COMPLEX => TypeId::COMPLEX128,
            TypeId::UNTYPED_STRING => TypeId::STRING,
            _ => t,
        }
    }

    // ---- entry points ----

    /// Evaluates `e` and records the result.
    pub fn raw_expr(&mut self, e: ExprId, hint: Option<TypeId>) -> Operand {
        let x = self.expr_internal(e, hint);
        if x.mode != OpMode::Invalid {
            let val = if x.mode == OpMode::Constant { x.val.clone() } else { None };
            self.record(e, mode_of(x.mode), x.typ, val);
        }
        x
    }

    /// A single value (or a type, or a builtin: callers check).
    pub fn expr_or_type(&mut self, e: ExprId) -> Operand {
        let mut x = self.raw_expr(e, None);
        self.single_value(&mut x);
        if x.mode == OpMode::NoValue {
            let s = self.expr_string(e);
            self.error(self.ast.expr(e).pos, format!("{s} (no value) used as value"));
            x.mode = OpMode::Invalid;
        }
        x
    }

    /// `e` as a single value.
    pub fn expr(&mut self, e: ExprId) -> Operand {
        self.expr_hint(e, None)
    }

    pub fn expr_hint(&mut self, e: ExprId, hint: Option<TypeId>) -> Operand {
        let errs = self.errs.len();
        let mut x = self.raw_expr(e, hint);
        self.exclude(&mut x, errs);
        self.single_value(&mut x);
        x
    }

    /// The one value assigned to one variable (`x = f()`, `var x = f()`): a call with several results is
    /// types2's assignError, `assignment mismatch: 1 variable but f returns 2 values`.
    pub fn assigned_expr(&mut self, e: ExprId, hint: Option<TypeId>) -> Operand {
        let errs = self.errs.len();
        let mut x = self.raw_expr(e, hint);
        self.exclude(&mut x, errs);
        if x.mode == OpMode::Value {
            if let TypeKind::Tuple(ts) = self.t.kind(x.typ) {
                let n = ts.len();
                if let ExprKind::Call { fun, .. } = &self.ast.expr(self.ast.unparen(e)).kind {
                    let f = self.expr_string(*fun);
                    let vals = if n == 1 { "1 value".to_string() } else { format!("{n} values") };
                    self.error(self.ast.expr(e).pos, format!("assignment mismatch: 1 variable but {f} returns {vals}"));
                    x.mode = OpMode::Invalid;
                    return x;
                }
            }
        }
        self.single_value(&mut x);
        x
    }

    /// `e` possibly multi-valued (a call).
    pub fn multi_expr(&mut self, e: ExprId) -> Operand {
        let errs = self.errs.len();
        let mut x = self.raw_expr(e, None);
        self.exclude(&mut x, errs);
        x
    }

    /// Rejects operands that are not values. `errs_before` is the error count before `x` was checked: a type
    /// whose expression had errors (`func(...A)` with `A` undefined) is not reported again as "not an
    /// expression" (gc's old typechecker behaviour, which the suite expects; types2 1.19 reports both).
    fn exclude(&mut self, x: &mut Operand, errs_before: usize) {
        let e = x.expr;
        if x.mode == OpMode::TypeExpr && self.errs.len() > errs_before {
            x.mode = OpMode::Invalid;
            return;
        }
        let msg = match x.mode {
            OpMode::NoValue => Some("used as value"),
            OpMode::Builtin => Some("must be called"),
            OpMode::TypeExpr => Some("is not an expression"),
            _ => None,
        };
        if let Some(m) = msg {
            let s = self.expr_string(e);
            let full = match x.mode {
                OpMode::NoValue => format!("{s} (no value) used as value"),
                OpMode::Builtin => format!("{s} (built-in) must be called"),
                _ => format!("{s} (type) is not an expression"),
            };
            let _ = m;
            self.error(self.ast.expr(e).pos, full);
            x.mode = OpMode::Invalid;
        }
    }

    fn single_value(&mut self, x: &mut Operand) {
        if x.mode == OpMode::Value {
            if let TypeKind::Tuple(ts) = self.t.kind(x.typ) {
                let n = ts.len();
                let s = self.expr_string(x.expr);
                self.error(
                    self.ast.expr(x.expr).pos,
                    format!("multiple-value {s} (value of type {}) in single-value context", self.type_string(x.typ)),
                );
                let _ = n;
                x.mode = OpMode::Invalid;
            }
        }
    }

    // ---- the expression switch ----

    fn expr_internal(&mut self, e: ExprId, hint: Option<TypeId>) -> Operand {
        let ast = self.ast;
        let ex = ast.expr(e);
        let pos = ex.pos;
        match &ex.kind {
            ExprKind::Bad => Operand::invalid(e),
            ExprKind::Ident(id) => self.ident(e, id),
            // The scanner already reported what is wrong with it.
            ExprKind::BasicLit { bad: true, .. } => Operand::invalid(e),
            ExprKind::BasicLit { kind, raw, .. } => match {
                if matches!(kind, LitKind::Int | LitKind::Float | LitKind::Imag) {
                    self.lang_compat(pos, *kind, raw);
                }
                super::super::constant::from_literal(*kind, raw)
            } {
                Ok(v) => {
                    let t = match kind {
                        LitKind::Int => TypeId::UNTYPED_INT,
                        LitKind::Float => TypeId::UNTYPED_FLOAT,
                        LitKind::Imag => TypeId::UNTYPED_COMPLEX,
                        LitKind::Char => TypeId::UNTYPED_RUNE,
                        LitKind::String => TypeId::UNTYPED_STRING,
                    };
                    Operand { mode: OpMode::Constant, typ: t, val: Some(v), expr: e, builtin: None }
                }
                Err(msg) => {
                    if msg.contains("exponent too large") {
                        self.error(pos, format!("constant too large: {raw}"));
                    } else {
                        self.error(pos, format!("malformed constant: {raw}"));
                    }
                    Operand::invalid(e)
                }
            },
            ExprKind::FuncLit { typ, body } => {
                self.open_scope();
                let (sig, _params, results) = self.signature(typ, true);
                // The body sees the enclosing function's variables; captures are detected by function id.
                self.body(sig, results, body);
                self.close_scope();
                Operand::new(OpMode::Value, sig, e)
            }
            ExprKind::CompositeLit { typ, elts, rbrace } => self.composite_lit(e, *typ, elts, *rbrace, hint),
            ExprKind::Paren(x) => {
                let mut o = self.raw_expr(*x, hint);
                o.expr = e;
                o
            }
            ExprKind::Selector { x, sel } => self.selector(e, *x, sel),
            ExprKind::Index { x, indices, .. } => self.index_expr(e, *x, indices),
            ExprKind::Slice { x, lo, hi, max, slice3, .. } => self.slice_expr(e, *x, *lo, *hi, *max, *slice3),
            ExprKind::TypeAssert { x, typ } => {
                let mut xo = self.expr(*x);
                if xo.mode == OpMode::Invalid {
                    if let Some(t) = typ {
                        self.typ(*t);
                    }
                    return Operand::invalid(e);
                }
                let Some(t) = typ else {
                    self.error(pos, "use of .(type) outside type switch");
                    return Operand::invalid(e);
                };
                if self.is_type_param(xo.typ) {
                    let s = self.operand_string(&xo);
                    self.error(
                        ast.expr(*x).pos,
                        format!("invalid operation: cannot use type assertion on type parameter value {s}"),
                    );
                    return Operand::invalid(e);
                }
                if !self.is_interface(xo.typ) {
                    let s = self.operand_string(&xo);
                    self.error(ast.expr(*x).pos, format!("invalid operation: {s} is not an interface"));
                    return Operand::invalid(e);
                }
                let tt = self.typ(*t);
                if tt == TypeId::INVALID {
                    return Operand::invalid(e);
                }
                self.type_assertion(e, &mut xo, tt, false);
                Operand::new(OpMode::CommaOk, tt, e)
            }
            ExprKind::Call { .. } => self.call(e),
            ExprKind::Star(x) => {
                let xo = self.expr_or_type(*x);
                match xo.mode {
                    OpMode::Invalid => Operand::invalid(e),
                    OpMode::TypeExpr => {
                        let t = self.t.pointer(xo.typ);
                        Operand::new(OpMode::TypeExpr, t, e)
                    }
                    _ => {
                        if xo.typ == TypeId::UNTYPED_NIL {
                            self.error(pos, "invalid operation: cannot indirect nil");
                            return Operand::invalid(e);
                        }
                        match self.t.kind(self.core(xo.typ)).clone() {
                            TypeKind::Pointer(b) => Operand::new(OpMode::Variable, b, e),
                            _ => {
                                let s = self.operand_string(&xo);
                                self.error(pos, format!("invalid operation: cannot indirect {s}"));
                                Operand::invalid(e)
                            }
                        }
                    }
                }
            }
            ExprKind::Unary { op, x } => self.unary(e, *op, *x),
            ExprKind::Binary { op, op_pos, x, y } => self.binary(e, *op, *op_pos, *x, *y),
            ExprKind::KeyValue { .. } => {
                self.error(pos, "unexpected key:value expression");
                Operand::invalid(e)
            }
            ExprKind::ArrayType { .. }
            | ExprKind::SliceType { .. }
            | ExprKind::StructType { .. }
            | ExprKind::FuncType(_)
            | ExprKind::InterfaceType { .. }
            | ExprKind::MapType { .. }
            | ExprKind::ChanType { .. } => {
                let t = self.typ(e);
                if t == TypeId::INVALID {
                    Operand::invalid(e)
                } else {
                    Operand::new(OpMode::TypeExpr, t, e)
                }
            }
            ExprKind::Ellipsis { .. } => {
                self.error(pos, "invalid use of '...'");
                Operand::invalid(e)
            }
        }
    }

    fn ident(&mut self, e: ExprId, id: &Ident) -> Operand {
        if id.name == "_" {
            self.error(id.pos, "cannot use _ as value or type");
            return Operand::invalid(e);
        }
        let Some(o) = self.lookup(&id.name) else {
            self.error(id.pos, format!("undefined: {}", id.name));
            return Operand::invalid(e);
        };
        self.info.uses.insert(id.pos, o);
        self.mark_dot_import(o);
        if !self.allow_predeclared(o, id.pos) {
            return Operand::invalid(e);
        }
        // Package-level objects are checked on first use, and recorded as dependencies.
        if self.color.contains_key(&o) {
            if matches!(self.objs.get(o).kind, ObjKind::TypeName) && self.color.get(&o) == Some(&super::Color::Grey) {
                if !self.valid_type_cycle(o) {
                    self.report_cycle(o);
                    return Operand::invalid(e);
                }
            } else {
                self.obj_decl(o);
            }
            if matches!(self.objs.get(o).kind, ObjKind::Var(_) | ObjKind::Func { .. }) {
                self.add_dep(o);
            }
        }
        // (Copy out what is needed rather than cloning the object, name and all: this runs per identifier.)
        let ob = self.objs.get(o);
        let (kind, typ, universe_iota) = (ob.kind.clone(), ob.typ, ob.name == "iota" && ob.pkg.is_none());
        match &kind {
            ObjKind::Const(v) => {
                if universe_iota {
                    match &self.iota {
                        Some(iv) => {
                            return Operand {
                                mode: OpMode::Constant,
                                typ: TypeId::UNTYPED_INT,
                                val: Some(iv.clone()),
                                expr: e,
                                builtin: None,
                            }
                        }
                        None => {
                            self.error(id.pos, "cannot use iota outside constant declaration");
                            return Operand::invalid(e);
                        }
                    }
                }
                if typ == TypeId::INVALID {
                    return Operand::invalid(e);
                }
                Operand { mode: OpMode::Constant, typ: typ, val: Some(v.clone()), expr: e, builtin: None }
            }
            ObjKind::TypeName => {
                if typ == TypeId::INVALID {
                    return Operand::invalid(e);
                }
                Operand::new(OpMode::TypeExpr, typ, e)
            }
            ObjKind::Var(_) => {
                self.mark_var_use(o);
                if typ == TypeId::INVALID {
                    return Operand::invalid(e);
                }
                Operand::new(OpMode::Variable, typ, e)
            }
            ObjKind::Func { .. } => {
                if typ == TypeId::INVALID {
                    return Operand::invalid(e);
                }
                Operand::new(OpMode::Value, typ, e)
            }
            ObjKind::Builtin(b) => {
                Operand { mode: OpMode::Builtin, typ: TypeId::INVALID, val: None, expr: e, builtin: Some(*b) }
            }
            ObjKind::PkgName(_) => {
                // not a use of the package (types2 reports it unused as well)
                self.error(id.pos, format!("use of package {} not in selector", id.name));
                Operand::invalid(e)
            }
            ObjKind::Nil => Operand::new(OpMode::Value, TypeId::UNTYPED_NIL, e),
            ObjKind::Label => {
                self.error(id.pos, format!("undefined: {}", id.name));
                Operand::invalid(e)
            }
        }
    }

    /// Marks a variable used, and captured if it belongs to an enclosing function.
    pub fn mark_var_use(&mut self, o: ObjId) {
        let cur = self.funcs.last().map(|f| f.id);
        let captured = match (self.var_func.get(&o), cur) {
            (Some(&vf), Some(c)) => vf != c,
            _ => false,
        };
        if let Some(v) = self.var_info_mut(o) {
            v.used = true;
            if captured && !v.global {
                v.captured = true;
                v.address_taken = true;
            }
        }
    }

    /// Marks the variable at the root of an addressable expression as address-taken (`&x`, `x[:]` on an
    /// array, pointer-method call on `x`): `x`, `x.f`, `x[i]` (array), `(x)`.
    pub fn mark_addr_taken(&mut self, mut e: ExprId) {
        loop {
            match &self.ast.expr(e).kind {
                ExprKind::Paren(x) => e = *x,
                ExprKind::Selector { x, .. } => {
                    // through a field of a struct value (not through a pointer)
                    match self.info.selections.get(&e) {
                        Some(sel) if !sel.indirect && sel.kind == SelectionKind::FieldVal => {
                            let xt = self.info.types.get(x).map(|t| t.typ);
                            if xt.is_some_and(|t| matches!(self.t.under(t), TypeKind::Pointer(_))) {
                                return;
                            }
                            e = *x
                        }
                        _ => return,
                    }
                }
                ExprKind::Index { x, .. } => {
                    let xt = self.info.types.get(x).map(|t| t.typ);
                    if xt.is_some_and(|t| matches!(self.t.under(t), TypeKind::Array { .. })) {
                        e = *x
                    } else {
                        return;
                    }
                }
                ExprKind::Ident(id) => {
                    if let Some(&o) = self.info.uses.get(&id.pos) {
                        if let Some(v) = self.var_info_mut(o) {
                            v.address_taken = true;
                        }
                    }
                    return;
                }
                _ => return,
            }
        }
    }

    // ---- unary and binary operators ----

    fn unary(&mut self, e: ExprId, op: UnaryOp, xe: ExprId) -> Operand {
        let pos = self.ast.expr(e).pos;
        match op {
            UnaryOp::Addr => {
                // &T{...} is allowed though a composite literal is not addressable.
                let inner = self.ast.unparen(xe);
                let x = self.expr_hint(xe, None);
                if x.mode == OpMode::Invalid {
                    return Operand::invalid(e);
                }
                if x.mode != OpMode::Variable && !matches!(self.ast.expr(inner).kind, ExprKind::CompositeLit { .. }) {
                    let s = self.operand_string(&x);
                    self.error(pos, format!("invalid operation: cannot take address of {s}"));
                    return Operand::invalid(e);
                }
                self.mark_addr_taken(xe);
                let t = self.t.pointer(x.typ);
                Operand::new(OpMode::Value, t, e)
            }
            UnaryOp::Recv => {
                let x = self.expr(xe);
                if x.mode == OpMode::Invalid {
                    return Operand::invalid(e);
                }
                match self.t.kind(self.core(x.typ)).clone() {
                    TypeKind::Chan { dir, elem } => {
                        if dir == ChanDir::Send {
                            let s = self.operand_string(&x);
                            self.error(
                                self.ast.expr(xe).pos,
                                format!("invalid operation: cannot receive from send-only channel {s}"),
                            );
                            return Operand::invalid(e);
                        }
                        Operand::new(OpMode::CommaOk, elem, e)
                    }
                    _ => {
                        let s = self.operand_string(&x);
                        self.error(
                            self.ast.expr(xe).pos,
                            format!("invalid operation: cannot receive from non-channel {s}"),
                        );
                        Operand::invalid(e)
                    }
                }
            }
            UnaryOp::Tilde => {
                self.error(pos, "cannot use ~ outside of interface or type constraint");
                self.expr(xe);
                Operand::invalid(e)
            }
            UnaryOp::Pos | UnaryOp::Neg | UnaryOp::Not | UnaryOp::Xor => {
                let mut x = self.expr(xe);
                if x.mode == OpMode::Invalid {
                    return Operand::invalid(e);
                }
                let ok = match op {
                    UnaryOp::Pos | UnaryOp::Neg => self.is_numeric(x.typ),
                    UnaryOp::Xor => self.is_integer(x.typ),
                    _ => self.is_boolean(x.typ),
                };
                if !ok {
                    let s = self.operand_string(&x);
                    self.error(pos, format!("invalid operation: operator {} not defined on {s}", op.as_str()));
                    return Operand::invalid(e);
                }
                x.expr = e;
                if x.mode == OpMode::Constant {
                    let v = x.val.clone().unwrap_or(Value::Unknown);
                    let r = match op {
                        UnaryOp::Pos => v,
                        UnaryOp::Neg => match v {
                            Value::Int(i) => Value::Int(i.neg()),
                            Value::Float(f) => Value::Float(f.neg()),
                            Value::Complex(r, i) => Value::Complex(r.neg(), i.neg()),
                            v => v,
                        },
                        UnaryOp::Not => match v {
                            Value::Bool(b) => Value::Bool(!b),
                            v => v,
                        },
                        _ => match v {
                            Value::Int(i) => {
                                // ^x for unsigned typed constants flips only the type's bits
                                if self.is_unsigned(x.typ) {
                                    let bits = self.int_bits(x.typ);
                                    let mask = BigInt::from_u64(1).shl(bits as u64).sub(&BigInt::from_u64(1));
                                    Value::Int(i.xor(&mask))
                                } else {
                                    Value::Int(i.not())
                                }
                            }
                            v => v,
                        },
                    };
                    x.val = Some(r);
                    self.check_overflow(&mut x, pos);
                    return x;
                }
                x.mode = OpMode::Value;
                x
            }
        }
    }

    pub fn int_bits(&self, t: TypeId) -> u32 {
        use BasicKind::*;
        match self.t.basic(t) {
            Some(Int8 | Uint8) => 8,
            Some(Int16 | Uint16) => 16,
            Some(Int32 | Uint32) => 32,
            // int, uint and uintptr have the target's word size
            Some(Int | Uint | Uintptr) if self.sizes.word == 4 => 32,
            _ => 64,
        }
    }

    /// Typed constants must be representable by their type; untyped ones are limited in size (gc: 512 bits).
    pub fn check_overflow(&mut self, x: &mut Operand, op_pos: Pos) {
        if x.mode != OpMode::Constant {
            return;
        }
        if matches!(x.val, Some(Value::Unknown)) {
            // A float result beyond go/constant's exponent range (types2 words it so).
            self.error(op_pos, "constant result is not representable");
            x.mode = OpMode::Invalid;
            return;
        }
        if !self.is_untyped(x.typ) {
            let t = x.typ;
            if let Err(_why) = self.representable(x, t) {
                let v = x.val.as_ref().map(|v| v.describe()).unwrap_or_default();
                let ts = self.type_string(t);
                self.error(op_pos, format!("constant {v} overflows {ts}"));
                x.mode = OpMode::Invalid;
            }
            return;
        }
        if let Some(Value::Int(i)) = &x.val {
            if i.bit_len() > 512 {
                // types2's opName: the operations that can overflow are named in the message.
                let op = match &self.ast.expr(x.expr).kind {
                    ExprKind::Unary { op: UnaryOp::Xor, .. } => "bitwise complement ",
                    ExprKind::Binary { op, .. } => match op {
                        BinaryOp::Add => "addition ",
                        BinaryOp::Sub => "subtraction ",
                        BinaryOp::Xor => "bitwise XOR ",
                        BinaryOp::Mul => "multiplication ",
                        BinaryOp::Shl => "shift ",
                        _ => "",
                    },
                    _ => "",
                };
                self.error(op_pos, format!("constant {op}overflow"));
                x.mode = OpMode::Invalid;
            }
        }
    }

    fn binary(&mut self, e: ExprId, op: BinaryOp, op_pos: Pos, xe: ExprId, ye: ExprId) -> Operand {
        let mut x = self.expr(xe);
        let mut y = self.expr(ye);
        if x.mode == OpMode::Invalid || y.mode == OpMode::Invalid {
            return Operand::invalid(e);
        }
        self.binary_ops(e, op, op_pos, &mut x, &mut y, None)
    }

    /// `x op y` for evaluated operands (also used by `op=` assignments, where `lhs_rhs` names them).
    pub fn binary_ops(
        &mut self,
        e: ExprId,
        op: BinaryOp,
        op_pos: Pos,
        x: &mut Operand,
        y: &mut Operand,
        assign_op: Option<(ExprId, ExprId)>,
    ) -> Operand {
        if matches!(op, BinaryOp::Shl | BinaryOp::Shr) {
            return self.shift(e, op, op_pos, x, y);
        }
        self.match_types(x, y);
        if x.mode == OpMode::Invalid || y.mode == OpMode::Invalid {
            return Operand::invalid(e);
        }
        if op.is_comparison() {
            return self.comparison(e, op, x, y, false);
        }
        if x.typ != y.typ {
            // gc reports mismatched types only if both are typed or conversion failed
            if x.typ != TypeId::INVALID && y.typ != TypeId::INVALID {
                let (xs, ys) = (self.type_string(x.typ), self.type_string(y.typ));
                let msg = match assign_op {
                    Some((l, r)) => format!(
                        "invalid operation: {} {}= {} (mismatched types {xs} and {ys})",
                        self.expr_string(l),
                        op.as_str(),
                        self.expr_string(r)
                    ),
                    None => format!("invalid operation: {} (mismatched types {xs} and {ys})", self.expr_string(e)),
                };
                self.error(self.ast.expr(x.expr).pos, msg);
            }
            return Operand::invalid(e);
        }
        let ok = match op {
            BinaryOp::Add => self.is_numeric_or_string(x.typ),
            BinaryOp::Sub | BinaryOp::Mul | BinaryOp::Quo => self.is_numeric(x.typ),
            BinaryOp::Rem | BinaryOp::And | BinaryOp::Or | BinaryOp::Xor | BinaryOp::AndNot => self.is_integer(x.typ),
            BinaryOp::LAnd | BinaryOp::LOr => self.is_boolean(x.typ),
            _ => true,
        };
        if !ok {
            let s = self.operand_string(x);
            let what = if assign_op.is_some() { self.expr_string(x.expr) } else { self.expr_string(e) };
            let _ = what;
            self.error(
                self.ast.expr(x.expr).pos,
                format!("invalid operation: operator {} not defined on {s}", op.as_str()),
            );
            return Operand::invalid(e);
        }
        if matches!(op, BinaryOp::Quo | BinaryOp::Rem)
            && (x.mode == OpMode::Constant || self.is_integer(x.typ))
            && y.mode == OpMode::Constant
            && y.val.as_ref().is_some_and(is_zero_value)
        {
            self.error(self.ast.expr(y.expr).pos, "invalid operation: division by zero");
            return Operand::invalid(e);
        }
        // types2: a complex divisor whose squared parts underflow to zero divides by zero too (issue 20227).
        if op == BinaryOp::Quo && x.mode == OpMode::Constant && y.mode == OpMode::Constant && self.is_complex(x.typ) {
            if let Some((re, im)) = y.val.as_ref().and_then(|v| v.as_complex()) {
                if re.mul(&re).is_zero() && im.mul(&im).is_zero() {
                    self.error(self.ast.expr(y.expr).pos, "invalid operation: division by zero");
                    return Operand::invalid(e);
                }
            }
        }
        if x.mode == OpMode::Constant && y.mode == OpMode::Constant {
            let xv = x.val.clone().unwrap_or(Value::Unknown);
            let yv = y.val.clone().unwrap_or(Value::Unknown);
            // Integer division of integer-typed (or untyped int) operands truncates.
            let int_div = op == BinaryOp::Quo && self.is_integer(x.typ);
            let v = const_binary(op, &xv, &yv, int_div);
            let mut r = Operand { mode: OpMode::Constant, typ: x.typ, val: Some(v), expr: e, builtin: None };
            // typed float constants are rounded to their type
            if !self.is_untyped(r.typ) && (self.is_float(r.typ) || self.is_complex(r.typ)) {
                let t = r.typ;
                let _ = self.representable(&mut r, t);
            }
            self.check_overflow(&mut r, op_pos);
            return r;
        }
        Operand::new(OpMode::Value, x.typ, e)
    }

    /// Converts untyped operands of a binary operation to each other's type (go/types' `matchTypes`).
    /// go/types' `matchTypes`: if the operands may be converted to each other's type, converts the untyped
    /// one(s), reporting a failed conversion.
    fn match_types(&mut self, x: &mut Operand, y: &mut Operand) {
        let may_convert = |c: &Checker, x: &Operand, y: &Operand| -> bool {
            if !c.is_untyped(x.typ) && !c.is_untyped(y.typ) {
                return false;
            }
            // an untyped operand may convert to its default type when paired with an interface
            let plain_iface = |t: TypeId| c.is_interface(t) && !c.is_type_param(t);
            if plain_iface(x.typ) || plain_iface(y.typ) {
                return true;
            }
            if c.all_boolean(x.typ) != c.all_boolean(y.typ) {
                return false;
            }
            if c.all_string(x.typ) != c.all_string(y.typ) {
                return false;
            }
            if c.is_nil(x) {
                return c.has_nil(y.typ);
            }
            if c.is_nil(y) {
                return c.has_nil(x.typ);
            }
            !matches!(c.t.under(x.typ), TypeKind::Pointer(_)) && !matches!(c.t.under(y.typ), TypeKind::Pointer(_))
        };
        if may_convert(self, x, y) {
            let yt = y.typ;
            self.convert_untyped(x, yt);
            if x.mode == OpMode::Invalid {
                return;
            }
            let xt = x.typ;
            self.convert_untyped(y, xt);
            if y.mode == OpMode::Invalid {
                x.mode = OpMode::Invalid;
            }
        }
    }

    fn all_boolean(&self, t: TypeId) -> bool {
        if self.is_type_param(t) {
            return self.type_set_all(t, &|c, u| c.is_boolean(u));
        }
        self.is_boolean(t)
    }

    fn all_string(&self, t: TypeId) -> bool {
        if self.is_type_param(t) {
            return self.type_set_all(t, &|c, u| c.is_string(u));
        }
        self.is_string(t)
    }

    /// go/types' `comparison`. With `switch_case`, `x` is a case value and `y` the switch tag.
    pub fn comparison(
        &mut self,
        e: ExprId,
        op: BinaryOp,
        x: &mut Operand,
        y: &mut Operand,
        switch_case: bool,
    ) -> Operand {
        let op = if switch_case { BinaryOp::Eql } else { op };
        // Go spec "Comparison operators": the first operand must be assignable to the type of the second, or
        // vice versa.
        let mut err_x = true; // the error is reported at x (else at y)
        let mut cause = String::new();
        let ok_assign = self.assignable_to(x, y.typ) || self.assignable_to(y, x.typ);
        let mut failed = !ok_assign;
        if !ok_assign {
            // gc reports a mismatch at the second operand: only then is it known.
            err_x = false;
            cause = format!("mismatched types {} and {}", self.type_string(x.typ), self.type_string(y.typ));
        } else {
            match op {
                BinaryOp::Eql | BinaryOp::Neq => {
                    let (xnil, ynil) = (self.is_nil(x), self.is_nil(y));
                    if xnil || ynil {
                        let typ = if xnil { y.typ } else { x.typ };
                        if !self.has_nil(typ) {
                            // only possible for nil == nil
                            err_x = false;
                            failed = true;
                        }
                    } else if !self.comparable(x.typ) {
                        cause = self.incomparable_cause(x.typ);
                        failed = true;
                    } else if !self.comparable(y.typ) {
                        err_x = false;
                        cause = self.incomparable_cause(y.typ);
                        failed = true;
                    }
                }
                _ => {
                    if !self.all_ordered(x.typ) {
                        failed = true;
                    } else if !self.all_ordered(y.typ) {
                        err_x = false;
                        failed = true;
                    }
                }
            }
        }
        if failed {
            if cause.is_empty() {
                if self.is_type_param(x.typ) || self.is_type_param(y.typ) {
                    if !self.is_type_param(x.typ) {
                        err_x = false;
                    }
                    let t = if err_x { x.typ } else { y.typ };
                    cause = format!("type parameter {} is not comparable with {}", self.type_string(t), op.as_str());
                } else {
                    let t = if err_x { x.typ } else { y.typ };
                    cause = format!("operator {} not defined on {}", op.as_str(), self.kind_string(t));
                }
            }
            let (xs, ys) = (self.expr_string(x.expr), self.expr_string(y.expr));
            if switch_case {
                self.error(self.ast.expr(x.expr).pos, format!("invalid case {xs} in switch on {ys} ({cause})"));
            } else {
                let at = if err_x { x.expr } else { y.expr };
                self.error(self.ast.expr(at).pos, format!("invalid operation: {xs} {} {ys} ({cause})", op.as_str()));
            }
            return Operand::invalid(e);
        }
        if x.mode == OpMode::Constant && y.mode == OpMode::Constant {
            let r = const_compare(op, x.val.as_ref().unwrap(), y.val.as_ref().unwrap());
            return Operand {
                mode: OpMode::Constant,
                typ: TypeId::UNTYPED_BOOL,
                val: Some(Value::Bool(r)),
                expr: e,
                builtin: None,
            };
        }
        // Operands that stay untyped get their default type (nil stays nil).
        if self.is_untyped(x.typ) && x.typ != TypeId::UNTYPED_NIL {
            let t = self.default_type(x.typ);
            self.convert_untyped(x, t);
        }
        if self.is_untyped(y.typ) && y.typ != TypeId::UNTYPED_NIL {
            let t = self.default_type(y.typ);
            self.convert_untyped(y, t);
        }
        Operand::new(OpMode::Value, TypeId::UNTYPED_BOOL, e)
    }

    /// go/types' `kindString`: the kind of a composite type, else the type itself.
    fn kind_string(&self, t: TypeId) -> String {
        if self.is_type_param(t) {
            return format!("type parameter {}", self.type_string(t));
        }
        match self.t.under(t) {
            TypeKind::Struct { .. } => "struct".into(),
            TypeKind::Pointer(_) => "pointer".into(),
            TypeKind::Func(_) => "func".into(),
            TypeKind::Interface { .. } => "interface".into(),
            TypeKind::Slice(_) => "slice".into(),
            TypeKind::Map { .. } => "map".into(),
            TypeKind::Chan { .. } => "chan".into(),
            TypeKind::Array { .. } => "array".into(),
            _ => self.type_string(t),
        }
    }

    /// go/types' `incomparableCause`.
    fn incomparable_cause(&self, t: TypeId) -> String {
        match self.t.under(t) {
            TypeKind::Slice(_) | TypeKind::Func(_) | TypeKind::Map { .. } => {
                format!("{} can only be compared to nil", self.kind_string(t))
            }
            TypeKind::Struct { fields } => match fields.iter().find(|f| !self.comparable(f.typ)) {
                Some(f) => format!("struct containing {} cannot be compared", self.type_string(f.typ)),
                None => String::new(),
            },
            TypeKind::Array { .. } => format!("{} cannot be compared", self.type_string(t)),
            _ => String::new(),
        }
    }

    /// Ordered, or a type parameter whose type set holds ordered types only.
    fn all_ordered(&self, t: TypeId) -> bool {
        if self.is_type_param(t) {
            return self.type_set_all(t, &|c, u| c.is_ordered(u));
        }
        self.is_ordered(t)
    }

    pub fn is_ordered(&self, t: TypeId) -> bool {
        self.is_integer(t) || self.is_float(t) || self.is_string(t)
    }

    /// `x` is the predeclared `nil` (possibly parenthesized), even after it took the type of the other operand
    /// of a comparison: types2 keeps such a `nil` untyped.
    pub fn is_nil(&self, x: &Operand) -> bool {
        if x.typ == TypeId::UNTYPED_NIL {
            return true;
        }
        let mut e = x.expr;
        loop {
            match &self.ast.expr(e).kind {
                ExprKind::Paren(inner) => e = *inner,
                ExprKind::Ident(id) => {
                    return self.info.uses.get(&id.pos).is_some_and(|&o| self.objs.get(o).kind == ObjKind::Nil);
                }
                _ => return false,
            }
        }
    }

    pub fn has_nil(&self, t: TypeId) -> bool {
        if self.is_type_param(t) {
            return self.type_set_all(t, &|c, u| c.has_nil(u));
        }
        matches!(
            self.t.under(t),
            TypeKind::Pointer(_)
                | TypeKind::Func(_)
                | TypeKind::Slice(_)
                | TypeKind::Map { .. }
                | TypeKind::Chan { .. }
                | TypeKind::Interface { .. }
                | TypeKind::Basic(BasicKind::UnsafePointer)
        )
    }

    /// Reports a numeric literal spelled in a way Go 1.13 introduced when the package's language is older
    /// (types2's `langCompat`).
    fn lang_compat(&mut self, pos: Pos, kind: LitKind, raw: &str) {
        if raw.len() <= 2 || self.allow_version(1, 13) {
            return;
        }
        let b = raw.as_bytes();
        let what = if raw.contains('_') {
            "underscores in numeric literals"
        } else if b[0] != b'0' {
            return;
        } else if matches!(b[1], b'b' | b'B') {
            "binary literals"
        } else if matches!(b[1], b'o' | b'O') {
            "0o/0O-style octal literals"
        } else if kind != LitKind::Int && matches!(b[1], b'x' | b'X') {
            "hexadecimal floating-point literals"
        } else {
            return;
        };
        self.version_error(pos, "go1.13", what);
    }

    fn shift(&mut self, e: ExprId, op: BinaryOp, _op_pos: Pos, x: &mut Operand, y: &mut Operand) -> Operand {
        // The left operand must be an integer, or an untyped constant representable as one.
        let xval_int = if x.mode == OpMode::Constant { x.val.as_ref().and_then(|v| v.as_int()) } else { None };
        // An untyped numeric non-constant is itself a shift whose type the context decides (`(1. << s) << t`
        // in an int context): it is checked when that type is known. (types2 1.19 rejects it; the suite
        // expects it to pass, shift1.go.)
        let delayed_shift = x.mode != OpMode::Constant
            && matches!(
                self.t.kind(x.typ),
                TypeKind::Basic(BasicKind::UntypedInt | BasicKind::UntypedRune | BasicKind::UntypedFloat)
            );
        if self.is_integer(x.typ) || (self.is_untyped(x.typ) && xval_int.is_some()) || delayed_shift {
        } else {
            let s = self.operand_string(x);
            self.error(self.ast.expr(x.expr).pos, format!("invalid operation: shifted operand {s} must be integer"));
            return Operand::invalid(e);
        }
        // The right operand: an integer, or an untyped constant representable by uint.
        if y.mode == OpMode::Constant {
            let yv = y.val.as_ref().and_then(|v| v.as_int());
            match yv {
                Some(v) if v.is_neg() => {
                    let s = self.operand_string(y);
                    self.error(self.ast.expr(y.expr).pos, format!("invalid operation: negative shift count {s}"));
                    return Operand::invalid(e);
                }
                Some(_) => {
                    if self.is_untyped(y.typ) {
                        self.convert_untyped(y, TypeId::UINT);
                    }
                }
                None => {
                    let s = self.operand_string(y);
                    self.error(
                        self.ast.expr(y.expr).pos,
                        format!("invalid operation: shift count {s} must be integer"),
                    );
                    return Operand::invalid(e);
                }
            }
        } else if self.is_integer(y.typ) {
            if !self.is_unsigned(y.typ) && !self.allow_version(1, 13) {
                let s = self.operand_string(y);
                let msg = format!("invalid operation: signed shift count {s} requires go1.13 or later");
                self.error(self.ast.expr(y.expr).pos, msg);
                return Operand::invalid(e);
            }
        } else if self.is_untyped(y.typ) {
            self.convert_untyped(y, TypeId::UINT);
            if y.mode == OpMode::Invalid {
                return Operand::invalid(e);
            }
        } else {
            let s = self.operand_string(y);
            self.error(self.ast.expr(y.expr).pos, format!("invalid operation: shift count {s} must be integer"));
            return Operand::invalid(e);
        }
        if x.mode == OpMode::Constant {
            if y.mode == OpMode::Constant {
                let s = y.val.as_ref().and_then(|v| v.as_int()).and_then(|v| v.to_u64()).unwrap_or(u64::MAX);
                if s > 10000 {
                    let ys = self.operand_string(y);
                    self.error(self.ast.expr(y.expr).pos, format!("invalid operation: invalid shift count {ys}"));
                    return Operand::invalid(e);
                }
                let xi = xval_int.unwrap();
                let v = if op == BinaryOp::Shl { xi.shl(s) } else { xi.shr(s) };
                // an untyped constant that was a float stays untyped int after shifting
                let typ =
                    if self.is_untyped(x.typ) && x.typ != TypeId::UNTYPED_RUNE { TypeId::UNTYPED_INT } else { x.typ };
                if self.is_untyped(x.typ) && x.typ != typ {
                    self.convert_untyped(x, typ);
                }
                let mut r = Operand { mode: OpMode::Constant, typ, val: Some(Value::Int(v)), expr: e, builtin: None };
                // Reported at the shift operator, as types2 does.
                let op_pos = match &self.ast.expr(e).kind {
                    ExprKind::Binary { op_pos, .. } => *op_pos,
                    _ => self.ast.expr(e).pos,
                };
                self.check_overflow(&mut r, op_pos);
                return r;
            }
            if self.is_untyped(x.typ) {
                // Non-constant shift of an untyped constant: the constant takes the type it would have if
                // the shift were replaced by its left operand alone. The shift keeps the operand's untyped
                // type until context decides it; update_expr_type then requires an integer type.
                return Operand::new(OpMode::Value, x.typ, e);
            }
        }
        Operand::new(OpMode::Value, x.typ, e)
    }

    // ---- untyped conversion ----

    /// Converts untyped `x` to type `t`, reporting an error when impossible (go/types' `convertUntyped`).
    pub fn convert_untyped(&mut self, x: &mut Operand, t: TypeId) {
        if let Err(why) = self.try_convert_untyped(x, t) {
            let s = self.operand_string(x);
            // gc names the target's underlying type (go/types' safeUnderlying), except for type parameters
            let ts = if self.is_type_param(t) { self.type_string(t) } else { self.type_string(self.t.underlying(t)) };
            let msg = match why {
                ConvErr::Truncated => format!("{s} truncated to {ts}"),
                ConvErr::Overflow => format!("{s} overflows {ts}"),
                ConvErr::Mismatch => format!("cannot convert {s} to {ts}"),
            };
            self.error(self.ast.expr(x.expr).pos, msg);
            x.mode = OpMode::Invalid;
        }
    }

    /// Tries to give untyped `x` the type `target`; on success updates `x` and the recorded types.
    pub fn try_convert_untyped(&mut self, x: &mut Operand, target: TypeId) -> Result<(), ConvErr> {
        if x.mode == OpMode::Invalid || !self.is_untyped(x.typ) || target == TypeId::INVALID {
            return Ok(());
        }
        if self.is_untyped(target) {
            // both untyped: only numeric kinds combine
            if x.typ == target {
                return Ok(());
            }
            // go/types' maxType: the "larger" of two untyped numeric kinds
            let rank = |t: TypeId| match t {
                TypeId::UNTYPED_INT => 1,
                TypeId::UNTYPED_RUNE => 2,
                TypeId::UNTYPED_FLOAT => 3,
                TypeId::UNTYPED_COMPLEX => 4,
                _ => 0,
            };
            if rank(x.typ) > 0 && rank(target) > 0 {
                if rank(target) > rank(x.typ) {
                    x.typ = target;
                    self.update_expr_type(x.expr, target);
                }
                return Ok(());
            }
            return Err(ConvErr::Mismatch);
        }
        let tu = self.t.underlying(target);
        let final_t = match self.t.kind(tu).clone() {
            TypeKind::Basic(b) => {
                if x.mode == OpMode::Constant {
                    self.representable(x, target)?;
                    target
                } else {
                    // non-constant untyped values: bool results of comparisons, shifted untyped constants
                    let ok = match x.typ {
                        TypeId::UNTYPED_BOOL => self.is_boolean(target),
                        // types2's implicitTypeAndValue: any numeric target (the delayed shift operands
                        // inside are checked when the type is pushed down)
                        TypeId::UNTYPED_INT
                        | TypeId::UNTYPED_RUNE
                        | TypeId::UNTYPED_FLOAT
                        | TypeId::UNTYPED_COMPLEX => self.is_numeric(target),
                        TypeId::UNTYPED_STRING => self.is_string(target),
                        TypeId::UNTYPED_NIL => b == BasicKind::UnsafePointer,
                        _ => false,
                    };
                    if !ok {
                        return Err(ConvErr::Mismatch);
                    }
                    target
                }
            }
            TypeKind::TypeParam { .. } => {
                // must be convertible to every type in the type set
                let ok = self.type_set_all(target, &|c, tt| {
                    let mut y = x.clone();
                    let mut cc = Checker::representable_static(c, &mut y, tt);
                    if x.mode != OpMode::Constant {
                        cc = Ok(());
                    }
                    cc.is_ok()
                });
                if x.typ == TypeId::UNTYPED_NIL {
                    if !self.has_nil(target) {
                        return Err(ConvErr::Mismatch);
                    }
                } else if !ok {
                    return Err(ConvErr::Mismatch);
                }
                target
            }
            TypeKind::Interface { .. } => {
                // untyped values become their default type in interfaces (nil stays nil)
                if x.typ == TypeId::UNTYPED_NIL {
                    x.typ = target;
                    self.update_expr_type(x.expr, target);
                    return Ok(());
                }
                if !self.type_params_of_iface_empty(tu) {
                    // constraint interfaces can't hold values
                }
                let d = self.default_type(x.typ);
                return self.try_convert_untyped(x, d);
            }
            TypeKind::Pointer(_)
            | TypeKind::Func(_)
            | TypeKind::Slice(_)
            | TypeKind::Map { .. }
            | TypeKind::Chan { .. } => {
                if x.typ != TypeId::UNTYPED_NIL {
                    return Err(ConvErr::Mismatch);
                }
                target
            }
            _ => return Err(ConvErr::Mismatch),
        };
        x.typ = final_t;
        self.update_expr_type(x.expr, final_t);
        Ok(())
    }

    fn type_params_of_iface_empty(&self, _t: TypeId) -> bool {
        true
    }

    /// Rewrites the recorded type (and constant value) of untyped expression `e` and its untyped operands.
    pub fn update_expr_type(&mut self, e: ExprId, t: TypeId) {
        let Some(old) = self.info.types.get(&e).cloned() else { return };
        if !self.is_untyped(old.typ) {
            return;
        }
        let ast = self.ast;
        match &ast.expr(e).kind {
            ExprKind::Paren(x) => self.update_expr_type(*x, t),
            ExprKind::Unary { op: UnaryOp::Pos | UnaryOp::Neg | UnaryOp::Xor | UnaryOp::Not, x } => {
                self.update_expr_type(*x, t)
            }
            ExprKind::Binary { op, x, y, .. } => {
                if op.is_comparison() {
                    // operands keep their own types
                } else if matches!(op, BinaryOp::Shl | BinaryOp::Shr) {
                    self.update_expr_type(*x, t);
                } else {
                    self.update_expr_type(*x, t);
                    self.update_expr_type(*y, t);
                }
            }
            _ => {}
        }
        // A non-constant shift `1 << s` whose left operand becomes a non-integer is invalid.
        if let ExprKind::Binary { op: BinaryOp::Shl | BinaryOp::Shr, .. } = &ast.expr(e).kind {
            if old.mode != Mode::Constant && !self.is_untyped(t) && !self.is_integer(t) {
                let s = self.expr_string(e);
                let ts = self.type_string(t);
                self.error(ast.expr(e).pos, format!("invalid operation: {s} (shift of type {ts})"));
            }
        }
        let value = match (&old.value, self.is_untyped(t)) {
            (Some(v), false) => Some(self.convert_value(v, t)),
            (v, _) => v.clone(),
        };
        let final_t = if self.is_interface(t) { self.default_type(old.typ) } else { t };
        self.info.types.insert(e, super::super::TypeAndValue { mode: old.mode, typ: final_t, value });
    }

    /// The representation of constant `v` for type `t` (ints become floats for float types etc.).
    pub fn convert_value(&self, v: &Value, t: TypeId) -> Value {
        if self.is_integer(t) {
            v.as_int().map(Value::Int).unwrap_or_else(|| v.clone())
        } else if self.is_float(t) {
            match v.as_float() {
                Some(f) => {
                    let r = if self.t.basic(t) == Some(BasicKind::Float32) { f.round32() } else { f.round64() };
                    Value::Float(r.unwrap_or(f))
                }
                None => v.clone(),
            }
        } else if self.is_complex(t) {
            match v.as_complex() {
                Some((r, i)) => {
                    let f32 = self.t.basic(t) == Some(BasicKind::Complex64);
                    let rd = |x: BigFloat| if f32 { x.round32().unwrap_or(x) } else { x.round64().unwrap_or(x) };
                    Value::Complex(rd(r), rd(i))
                }
                None => v.clone(),
            }
        } else {
            v.clone()
        }
    }

    /// Checks that constant `x` is representable by type `t` (Go spec "Representability") and rounds it.
    pub fn representable(&mut self, x: &mut Operand, t: TypeId) -> Result<(), ConvErr> {
        Checker::representable_static(self, x, t)
    }

    pub fn representable_static(c: &Checker, x: &mut Operand, t: TypeId) -> Result<(), ConvErr> {
        use BasicKind::*;
        let Some(v) = x.val.clone() else { return Ok(()) };
        if matches!(v, Value::Unknown) {
            return Ok(());
        }
        let Some(b) = c.t.basic(t) else {
            return Err(ConvErr::Mismatch);
        };
        let nv = match b {
            Bool | UntypedBool => match v {
                Value::Bool(_) => v,
                _ => return Err(ConvErr::Mismatch),
            },
            String | UntypedString => match v {
                Value::String(_) => v,
                _ => return Err(ConvErr::Mismatch),
            },
            Int | Int8 | Int16 | Int32 | Int64 | Uint | Uint8 | Uint16 | Uint32 | Uint64 | Uintptr | UntypedInt
            | UntypedRune => {
                if !matches!(v, Value::Int(_) | Value::Float(_) | Value::Complex(..)) {
                    return Err(ConvErr::Mismatch);
                }
                let Some(i) = v.as_int() else {
                    return Err(if matches!(v, Value::Complex(_, ref im) if !im.is_zero()) {
                        ConvErr::Truncated
                    } else {
                        ConvErr::Truncated
                    });
                };
                // int, uint and uintptr have the target's word size
                let b = match b {
                    Int if c.sizes.word == 4 => Int32,
                    Uint | Uintptr if c.sizes.word == 4 => Uint32,
                    b => b,
                };
                let (lo, hi): (BigInt, BigInt) = match b {
                    Int8 => (BigInt::from_i64(i8::MIN as i64), BigInt::from_i64(i8::MAX as i64)),
                    Int16 => (BigInt::from_i64(i16::MIN as i64), BigInt::from_i64(i16::MAX as i64)),
                    Int32 => (BigInt::from_i64(i32::MIN as i64), BigInt::from_i64(i32::MAX as i64)),
                    Int | Int64 => (BigInt::from_i64(i64::MIN), BigInt::from_i64(i64::MAX)),
                    Uint8 => (BigInt::zero(), BigInt::from_u64(u8::MAX as u64)),
                    Uint16 => (BigInt::zero(), BigInt::from_u64(u16::MAX as u64)),
                    Uint32 => (BigInt::zero(), BigInt::from_u64(u32::MAX as u64)),
                    Uint | Uint64 | Uintptr => (BigInt::zero(), BigInt::from_u64(u64::MAX)),
                    _ => {
                        // untyped int: limited only by the implementation
                        if i.bit_len() > 512 {
                            return Err(ConvErr::Overflow);
                        }
                        x.val = Some(Value::Int(i));
                        return Ok(());
                    }
                };
                if i.cmp(&lo) == Ordering::Less || i.cmp(&hi) == Ordering::Greater {
                    // go/types: float -> integer is "truncated", integer -> integer "overflows"
                    return Err(if c.is_integer(x.typ) { ConvErr::Overflow } else { ConvErr::Truncated });
                }
                Value::Int(i)
            }
            Float32 | Float64 | UntypedFloat => {
                let Some(f) = v.as_float() else {
                    return Err(if matches!(v, Value::Complex(..)) { ConvErr::Truncated } else { ConvErr::Mismatch });
                };
                match b {
                    Float32 => Value::Float(f.round32().ok_or(ConvErr::Overflow)?),
                    Float64 => Value::Float(f.round64().ok_or(ConvErr::Overflow)?),
                    _ => Value::Float(f),
                }
            }
            Complex64 | Complex128 | UntypedComplex => {
                let Some((r, i)) = v.as_complex() else { return Err(ConvErr::Mismatch) };
                match b {
                    Complex64 => {
                        Value::Complex(r.round32().ok_or(ConvErr::Overflow)?, i.round32().ok_or(ConvErr::Overflow)?)
                    }
                    Complex128 => {
                        Value::Complex(r.round64().ok_or(ConvErr::Overflow)?, i.round64().ok_or(ConvErr::Overflow)?)
                    }
                    _ => Value::Complex(r, i),
                }
            }
            UnsafePointer | UntypedNil | Invalid => return Err(ConvErr::Mismatch),
        };
        x.val = Some(nv);
        Ok(())
    }

    // ---- assignment compatibility ----

    /// Checks that `x` can be assigned to a variable of type `t` in `context` (go/types' `assignment`);
    /// converts untyped operands. Sets `x.mode = Invalid` on error.
    pub fn assignment(&mut self, x: &mut Operand, t: TypeId, context: &str) {
        match x.mode {
            OpMode::Invalid => return,
            OpMode::Constant | OpMode::Variable | OpMode::MapIndex | OpMode::Value | OpMode::CommaOk => {}
            _ => {
                let s = self.operand_string(x);
                self.error(
                    self.ast.expr(x.expr).pos,
                    format!("cannot assign {s} to {} in {context}", self.type_string(t)),
                );
                x.mode = OpMode::Invalid;
                return;
            }
        }
        if self.is_untyped(x.typ) {
            let target = if t == TypeId::INVALID || self.is_interface(t) && !self.is_type_param(t) {
                if x.typ == TypeId::UNTYPED_NIL && t == TypeId::INVALID {
                    // only the value `nil` itself: a variable of type untyped nil (declared by an invalid type
                    // switch) was reported already (types2 tests `x.mode == nilvalue`)
                    if x.mode == OpMode::Variable {
                        x.mode = OpMode::Invalid;
                        return;
                    }
                    self.error(self.ast.expr(x.expr).pos, format!("use of untyped nil in {context}"));
                    x.mode = OpMode::Invalid;
                    return;
                }
                if t == TypeId::INVALID || x.typ != TypeId::UNTYPED_NIL {
                    self.default_type(x.typ)
                } else {
                    t
                }
            } else {
                t
            };
            let saved = x.clone();
            if let Err(why) = self.try_convert_untyped(x, target) {
                let s = self.operand_string(&saved);
                let ts = self.type_string(target);
                let mut msg = format!("cannot use {s} as {ts} value in {context}");
                match why {
                    ConvErr::Truncated => msg.push_str(" (truncated)"),
                    ConvErr::Overflow => msg.push_str(" (overflows)"),
                    ConvErr::Mismatch => {}
                }
                self.error(self.ast.expr(x.expr).pos, msg);
                x.mode = OpMode::Invalid;
                return;
            }
        }
        if t == TypeId::INVALID {
            return;
        }
        if let Err(reason) = self.assignable_reason(x, t) {
            let s = self.operand_string(x);
            let ts = self.spelled_target.take().unwrap_or_else(|| self.type_string(t));
            let msg = if reason.is_empty() {
                format!("cannot use {s} as type {ts} in {context}")
            } else {
                format!("cannot use {s} as type {ts} in {context}:\n\t{reason}")
            };
            self.error(self.ast.expr(x.expr).pos, msg);
            x.mode = OpMode::Invalid;
        }
    }

    // ---- selectors ----

    fn selector(&mut self, e: ExprId, xe: ExprId, sel: &Ident) -> Operand {
        let ast = self.ast;
        // package-qualified identifier
        if let ExprKind::Ident(pid) = &ast.expr(xe).kind {
            if let Some(o) = self.lookup(&pid.name) {
                if let ObjKind::PkgName(_) = self.objs.get(o).kind {
                    let Some(m) = self.qualified_obj(o, pid, sel) else { return Operand::invalid(e) };
                    let obj = self.objs.get(m).clone();
                    if matches!(obj.kind, ObjKind::Var(_) | ObjKind::Func { .. }) {
                        self.add_dep(m);
                    }
                    return match obj.kind {
                        _ if obj.typ == TypeId::INVALID && !matches!(obj.kind, ObjKind::Builtin(_)) => {
                            Operand::invalid(e)
                        }
                        ObjKind::TypeName => Operand::new(OpMode::TypeExpr, obj.typ, e),
                        ObjKind::Builtin(b) => Operand {
                            mode: OpMode::Builtin,
                            typ: TypeId::INVALID,
                            val: None,
                            expr: e,
                            builtin: Some(b),
                        },
                        ObjKind::Const(v) => {
                            Operand { mode: OpMode::Constant, typ: obj.typ, val: Some(v), expr: e, builtin: None }
                        }
                        ObjKind::Var(_) => {
                            self.mark_var_use(m);
                            Operand::new(OpMode::Variable, obj.typ, e)
                        }
                        ObjKind::Func { .. } => Operand::new(OpMode::Value, obj.typ, e),
                        ObjKind::PkgName(_) | ObjKind::Label | ObjKind::Nil => Operand::invalid(e),
                    };
                }
            }
        }
        let x = self.expr_or_type(xe);
        if x.mode == OpMode::Invalid {
            return Operand::invalid(e);
        }
        if x.mode == OpMode::Builtin {
            let s = self.expr_string(xe);
            self.error(ast.expr(xe).pos, format!("{s} (built-in) must be called"));
            return Operand::invalid(e);
        }
        if x.mode == OpMode::TypeExpr && self.is_interface(x.typ) && false {
            return Operand::invalid(e);
        }
        let addressable = x.mode == OpMode::Variable;
        let res = self.lookup_field_or_method(x.typ, addressable, &sel.name);
        match res {
            super::lookup::Lookup::Found { obj, index, indirect, is_method } => {
                self.info.uses.insert(sel.pos, obj);
                if is_method {
                    self.obj_decl(obj);
                    self.add_dep(obj);
                }
                let otyp = self.objs.get(obj).typ;
                if x.mode == OpMode::TypeExpr {
                    // method expression T.m / (*T).m
                    if !is_method {
                        let s = self.expr_string(e);
                        let ts = self.type_string(x.typ);
                        self.error(sel.pos, format!("{s} undefined (type {ts} has no method {})", sel.name));
                        return Operand::invalid(e);
                    }
                    let is_ptr_method = self.ptr_recv.contains(&obj);
                    let x_is_ptr = matches!(self.t.kind(x.typ), TypeKind::Pointer(_));
                    if is_ptr_method && !x_is_ptr && !indirect && !self.is_interface(x.typ) {
                        let ts = self.type_string(x.typ);
                        self.error(
                            ast.expr(e).pos,
                            format!(
                                "invalid method expression {}.{} (needs pointer receiver (*{ts}).{})",
                                ts, sel.name, sel.name
                            ),
                        );
                        return Operand::invalid(e);
                    }
                    let sig = self.method_sig(obj, x.typ);
                    let TypeKind::Func(s) = self.t.kind(sig).clone() else { return Operand::invalid(e) };
                    let mut params = vec![x.typ];
                    params.extend(s.params);
                    let ft = self.t.intern(TypeKind::Func(super::super::Signature {
                        params,
                        results: s.results,
                        variadic: s.variadic,
                    }));
                    self.info.selections.insert(
                        e,
                        super::super::Selection { kind: SelectionKind::MethodExpr, recv: x.typ, obj, index, indirect },
                    );
                    return Operand::new(OpMode::Value, ft, e);
                }
                if is_method {
                    // pointer receiver on a non-addressable value
                    let is_ptr_method = self.ptr_recv.contains(&obj);
                    if is_ptr_method && !indirect && !addressable && !self.is_interface(x.typ) {
                        let s = self.expr_string(e);
                        let ts = self.type_string(x.typ);
                        self.error(sel.pos, format!("cannot call pointer method {} on {ts}", sel.name));
                        let _ = s;
                        return Operand::invalid(e);
                    }
                    if is_ptr_method && !indirect && addressable {
                        self.mark_addr_taken(xe);
                    }
                    let sig = self.method_sig(obj, x.typ);
                    self.info.selections.insert(
                        e,
                        super::super::Selection { kind: SelectionKind::MethodVal, recv: x.typ, obj, index, indirect },
                    );
                    return Operand::new(OpMode::Value, sig, e);
                }
                // field
                self.info.selections.insert(
                    e,
                    super::super::Selection { kind: SelectionKind::FieldVal, recv: x.typ, obj, index, indirect },
                );
                let ft = self.field_type(x.typ, obj, otyp);
                let mode = if x.mode == OpMode::Variable || indirect { OpMode::Variable } else { OpMode::Value };
                Operand::new(mode, ft, e)
            }
            super::lookup::Lookup::Ambiguous => {
                let s = self.expr_string(e);
                self.error(sel.pos, format!("ambiguous selector {s}"));
                Operand::invalid(e)
            }
            super::lookup::Lookup::NotFound => {
                let s = self.expr_string(e);
                let ts = self.type_string(x.typ);
                if x.mode == OpMode::TypeExpr {
                    self.error(sel.pos, format!("{s} undefined (type {ts} has no method {})", sel.name));
                    return Operand::invalid(e);
                }
                let what = if matches!(self.t.under(x.typ), TypeKind::Pointer(p) if self.is_interface(*p)) {
                    format!("{s} undefined (type {ts} is pointer to interface, not interface)")
                } else if let Some(other) = self.case_variant(x.typ, &sel.name) {
                    format!("{s} undefined (type {ts} has no field or method {}, but does have {other})", sel.name)
                } else {
                    format!("{s} undefined (type {ts} has no field or method {})", sel.name)
                };
                self.error(sel.pos, what);
                Operand::invalid(e)
            }
        }
    }

    // ---- index and slice expressions ----

    fn index_expr(&mut self, e: ExprId, xe: ExprId, indices: &'a [ExprId]) -> Operand {
        let ast = self.ast;
        let x = self.expr_or_type(xe);
        if x.mode == OpMode::Invalid {
            for &i in indices {
                self.expr_or_type(i);
            }
            return Operand::invalid(e);
        }
        if x.mode == OpMode::TypeExpr {
            let t = self.typ(e);
            if t == TypeId::INVALID {
                return Operand::invalid(e);
            }
            return Operand::new(OpMode::TypeExpr, t, e);
        }
        if x.mode == OpMode::Value {
            if let Some(fo) = self.generic_func_of(xe) {
                return self.instantiate_func_expr(e, fo, x.typ, indices);
            }
        }
        if indices.len() != 1 {
            self.error(ast.expr(e).pos, "unexpected comma; expecting ]");
            return Operand::invalid(e);
        }
        let ie = indices[0];
        let ct = self.core(x.typ);
        // A type parameter without a core type (`[]int | [5]int`): every type of its type set must be
        // indexable with the same element type, none a map; the shortest array bounds constant indices
        // (types2's indexExpr over `underIs`).
        if ct == TypeId::INVALID && self.is_type_param(x.typ) {
            let mut elem: Option<TypeId> = None;
            let mut len: Option<u64> = None;
            let mut mode = OpMode::Variable;
            let mut ok = true;
            for u in self.under_terms(x.typ) {
                let (e, l) = match u.map(|u| self.t.kind(u).clone()) {
                    Some(TypeKind::Basic(_)) if u.is_some_and(|u| self.is_string(u)) => {
                        mode = OpMode::Value;
                        (TypeId::UINT8, None)
                    }
                    Some(TypeKind::Array { len, elem }) => {
                        if x.mode != OpMode::Variable {
                            mode = OpMode::Value;
                        }
                        (elem, Some(len))
                    }
                    Some(TypeKind::Pointer(p)) => match self.t.under(p).clone() {
                        TypeKind::Array { len, elem } => (elem, Some(len)),
                        _ => {
                            ok = false;
                            break;
                        }
                    },
                    Some(TypeKind::Slice(elem)) => (elem, None),
                    _ => {
                        ok = false;
                        break;
                    }
                };
                if elem.is_some_and(|prev| prev != e) {
                    ok = false;
                    break;
                }
                elem = Some(e);
                if let Some(l) = l {
                    len = Some(len.map_or(l, |m: u64| m.min(l)));
                }
            }
            if ok {
                if let Some(elem) = elem {
                    self.index_value(ie, len);
                    return Operand::new(mode, elem, e);
                }
            }
        }
        let (mode, elem, len): (OpMode, TypeId, Option<u64>) = match self.t.kind(ct).clone() {
            TypeKind::Basic(b) if b == BasicKind::String || b == BasicKind::UntypedString => {
                let l = if x.mode == OpMode::Constant {
                    x.val.as_ref().and_then(|v| v.as_bytes()).map(|b| b.len() as u64)
                } else {
                    None
                };
                // indexing a constant string yields a byte value
                let r = if x.mode == OpMode::Constant {
                    let i = self.index_value(ie, l);
                    if let (Some(i), Some(Value::String(s))) = (i, &x.val) {
                        if (i as usize) < s.len() {
                            let _ = s.as_bytes()[i as usize];
                        }
                    }
                    return Operand::new(OpMode::Value, TypeId::UINT8, e);
                } else {
                    OpMode::Value
                };
                (r, TypeId::UINT8, l)
            }
            TypeKind::Array { len, elem } => {
                let m = if x.mode == OpMode::Variable { OpMode::Variable } else { OpMode::Value };
                (m, elem, Some(len))
            }
            TypeKind::Pointer(p) => match self.t.under(p).clone() {
                TypeKind::Array { len, elem } => (OpMode::Variable, elem, Some(len)),
                _ => {
                    let s = self.operand_string(&x);
                    self.error(ast.expr(xe).pos, format!("invalid operation: cannot index {s}"));
                    self.expr(ie);
                    return Operand::invalid(e);
                }
            },
            TypeKind::Slice(elem) => (OpMode::Variable, elem, None),
            TypeKind::Map { key, value } => {
                let mut k = self.expr(ie);
                self.assignment(&mut k, key, "map index");
                return Operand::new(OpMode::MapIndex, value, e);
            }
            _ => {
                let s = self.operand_string(&x);
                self.error(ast.expr(xe).pos, format!("invalid operation: cannot index {s}"));
                self.expr(ie);
                return Operand::invalid(e);
            }
        };
        self.index_value(ie, len);
        Operand::new(mode, elem, e)
    }

    /// Checks an index operand; returns its constant value if known. `len` bounds constant indices.
    pub fn index_value(&mut self, ie: ExprId, len: Option<u64>) -> Option<i64> {
        self.index(ie, len).ok().flatten()
    }

    /// go/types' `index`: Err(()) if the index is invalid (reported), else its value when constant.
    pub fn index(&mut self, ie: ExprId, len: Option<u64>) -> Result<Option<i64>, ()> {
        let mut i = self.expr(ie);
        if i.mode == OpMode::Invalid {
            return Err(());
        }
        let pos = self.ast.expr(ie).pos;
        // types2's isValidIndex: an untyped index is converted to int first
        if self.is_untyped(i.typ) {
            self.convert_untyped(&mut i, TypeId::INT);
            if i.mode == OpMode::Invalid {
                return Err(());
            }
        }
        if !self.is_integer(i.typ) {
            let s = self.operand_string(&i);
            self.error(pos, format!("invalid argument: index {s} must be integer"));
            return Err(());
        }
        if i.mode == OpMode::Constant {
            let v = i.val.as_ref().and_then(|v| v.to_i64());
            if v.is_none() && i.val.as_ref().is_some_and(|v| v.sign() > 0) {
                let s = self.operand_string(&i);
                self.error(pos, format!("invalid argument: index {s} overflows int"));
                return Err(());
            }
            if let Some(v) = v {
                if v < 0 {
                    let s = self.operand_string(&i);
                    self.error(pos, format!("invalid argument: index {s} must not be negative"));
                    return Err(());
                }
                if let Some(l) = len {
                    if v as u64 >= l {
                        self.error(pos, format!("invalid argument: index {v} out of bounds [0:{l}]"));
                        return Err(());
                    }
                }
                return Ok(Some(v));
            }
        }
        Ok(None)
    }

    fn slice_expr(
        &mut self,
        e: ExprId,
        xe: ExprId,
        lo: Option<ExprId>,
        hi: Option<ExprId>,
        max: Option<ExprId>,
        slice3: bool,
    ) -> Operand {
        let ast = self.ast;
        let x = self.expr(xe);
        if x.mode == OpMode::Invalid {
            for i in [lo, hi, max].into_iter().flatten() {
                self.expr(i);
            }
            return Operand::invalid(e);
        }
        let ct = self.core(x.typ);
        let mut len: Option<u64> = None;
        let result = match self.t.kind(ct).clone() {
            TypeKind::Basic(b) if b == BasicKind::String || b == BasicKind::UntypedString => {
                if slice3 {
                    self.error(ast.expr(e).pos, "invalid operation: 3-index slice of string");
                    return Operand::invalid(e);
                }
                if x.mode == OpMode::Constant {
                    len = x.val.as_ref().and_then(|v| v.as_bytes()).map(|b| b.len() as u64);
                }
                // slicing an untyped string yields a string
                if self.is_untyped(x.typ) {
                    TypeId::STRING
                } else {
                    x.typ
                }
            }
            TypeKind::Array { len: l, elem } => {
                if x.mode != OpMode::Variable {
                    let s = self.operand_string(&x);
                    self.error(ast.expr(xe).pos, format!("invalid operation: {s} (slice of unaddressable value)"));
                    return Operand::invalid(e);
                }
                self.mark_addr_taken(xe);
                len = Some(l);
                self.t.slice(elem)
            }
            TypeKind::Pointer(p) => match self.t.under(p).clone() {
                TypeKind::Array { len: l, elem } => {
                    len = Some(l);
                    self.t.slice(elem)
                }
                _ => {
                    let s = self.operand_string(&x);
                    self.error(ast.expr(xe).pos, format!("invalid operation: cannot slice {s}"));
                    return Operand::invalid(e);
                }
            },
            TypeKind::Slice(_) => x.typ,
            _ => {
                let s = self.operand_string(&x);
                self.error(ast.expr(xe).pos, format!("invalid operation: cannot slice {s}"));
                return Operand::invalid(e);
            }
        };
        if slice3 && (hi.is_none() || max.is_none()) {
            self.error(ast.expr(e).pos, "middle index required in 3-index slice");
        }
        let cap = len.map(|l| l + 1);
        let mut vals = Vec::new();
        for i in [lo, hi, max] {
            match i {
                Some(ie) => vals.push((self.index_value(ie, cap), ie)),
                None => {}
            }
        }
        // constant indices must be non-decreasing
        for w in 0..vals.len() {
            for v in w + 1..vals.len() {
                if let (Some(a), Some(b)) = (vals[w].0, vals[v].0) {
                    if a > b {
                        self.error(ast.expr(vals[v].1).pos, format!("invalid slice indices: {b} < {a}"));
                    }
                }
            }
        }
        Operand::new(OpMode::Value, result, e)
    }

    // ---- composite literals ----

    fn composite_lit(
        &mut self,
        e: ExprId,
        typ: Option<ExprId>,
        elts: &'a [ExprId],
        rbrace: Pos,
        hint: Option<TypeId>,
    ) -> Operand {
        let ast = self.ast;
        // The literal's own type: the hint itself when the element type `*T` is elided as `&T{...}`.
        let mut result_t = None;
        let t = match typ {
            Some(te) => {
                if let ExprKind::ArrayType { len: None, elem } = &ast.expr(te).kind {
                    // [...]T{...}: the length is the number of elements
                    let et = self.typ(*elem);
                    if et == TypeId::INVALID {
                        for &el in elts {
                            self.skip_elem(el);
                        }
                        return Operand::invalid(e);
                    }
                    let n = self.indexed_elts(elts, et, None);
                    let at = self.t.array(n, et);
                    self.record_type(te, at);
                    return Operand::new(OpMode::Value, at, e);
                }
                self.typ(te)
            }
            None => match hint {
                Some(h) => {
                    // elided type; &T elided as T for pointer element types
                    let hc = self.core(h);
                    match self.t.under(hc).clone() {
                        TypeKind::Pointer(b) => {
                            result_t = Some(h);
                            b
                        }
                        _ => h,
                    }
                }
                None => {
                    self.error(ast.expr(e).pos, "missing type in composite literal");
                    return Operand::invalid(e);
                }
            },
        };
        if t == TypeId::INVALID {
            for &el in elts {
                self.skip_elem(el);
            }
            return Operand::invalid(e);
        }
        let ct = self.core(t);
        match self.t.kind(ct).clone() {
            TypeKind::Struct { fields } => {
                if elts.is_empty() {
                    return Operand::new(OpMode::Value, result_t.unwrap_or(t), e);
                }
                let keyed = matches!(ast.expr(elts[0]).kind, ExprKind::KeyValue { .. });
                let mut seen = vec![false; fields.len()];
                for (i, &el) in elts.iter().enumerate() {
                    match (&ast.expr(el).kind, keyed) {
                        (ExprKind::KeyValue { key, value, colon }, true) => {
                            let ExprKind::Ident(kid) = &ast.expr(*key).kind else {
                                let s = self.expr_string(*key);
                                self.error(*colon, format!("invalid field name {s} in struct literal"));
                                self.expr(*value);
                                continue;
                            };
                            // types2's fieldIndex: `_` never names a field
                            let found =
                                fields.iter().position(|f| self.same_id(f.pkg, &f.name, &kid.name, Some(self.pkg)));
                            let Some(fi) = found.filter(|_| kid.name != "_") else {
                                let ts = self.type_string(t);
                                self.error(
                                    kid.pos,
                                    format!("unknown field '{}' in struct literal of type {ts}", kid.name),
                                );
                                self.expr(*value);
                                continue;
                            };
                            if let Some(&fo) = self.field_objs.get(&(ct, fi)) {
                                self.info.uses.insert(kid.pos, fo);
                            }
                            let ft = fields[fi].typ;
                            let mut v = self.expr(*value);
                            self.assignment(&mut v, ft, "struct literal");
                            if seen[fi] {
                                self.error(*colon, format!("duplicate field name {} in struct literal", kid.name));
                            }
                            seen[fi] = true;
                        }
                        (ExprKind::KeyValue { value, colon, .. }, false) => {
                            self.error(*colon, "mixture of field:value and value elements in struct literal");
                            self.expr(*value);
                        }
                        (_, true) => {
                            self.error(ast.expr(el).pos, "mixture of field:value and value elements in struct literal");
                            self.expr(el);
                        }
                        (_, false) => {
                            if i >= fields.len() {
                                let ts = self.type_string(t);
                                self.error(ast.expr(el).pos, format!("too many values in {ts}{{…}}"));
                                self.expr(el);
                                continue;
                            }
                            let ft = fields[i].typ;
                            let mut v = self.expr(el);
                            if fields[i].pkg.is_some_and(|p| p != self.pkg) {
                                let ts = self.type_string(t);
                                let name = &fields[i].name;
                                self.error(
                                    ast.expr(el).pos,
                                    format!("implicit assignment to unexported field {name} in {ts} literal"),
                                );
                                continue;
                            }
                            self.assignment(&mut v, ft, "struct literal");
                        }
                    }
                }
                if !keyed && elts.len() < fields.len() {
                    let ts = self.type_string(t);
                    self.error(rbrace, format!("too few values in {ts}{{…}}"));
                }
            }
            TypeKind::Array { len, elem } => {
                self.indexed_elts(elts, elem, Some(len));
            }
            TypeKind::Slice(elem) => {
                self.indexed_elts(elts, elem, None);
            }
            TypeKind::Map { key, value } => {
                // constant keys seen so far, with their types: for an interface key type, the constant's
                // (default) type is significant too (types2's `visited`)
                let mut keys: Vec<(Value, TypeId)> = Vec::new();
                let key_iface = self.is_interface(key);
                for &el in elts {
                    match &ast.expr(el).kind {
                        ExprKind::KeyValue { key: k, value: v, .. } => {
                            let mut ko = self.expr_hint(*k, Some(key));
                            self.assignment(&mut ko, key, "map literal");
                            if ko.mode == OpMode::Constant {
                                if let Some(kv) = &ko.val {
                                    let kt = if key_iface { ko.typ } else { key };
                                    if keys.iter().any(|(v, t)| v == kv && *t == kt) {
                                        let s = kv.describe();
                                        self.error(ast.expr(*k).pos, format!("duplicate key {s} in map literal"));
                                    }
                                    keys.push((kv.clone(), kt));
                                }
                            }
                            let mut vo = self.expr_hint(*v, Some(value));
                            self.assignment(&mut vo, value, "map literal");
                        }
                        _ => {
                            self.error(ast.expr(el).pos, "missing key in map literal");
                            self.expr(el);
                        }
                    }
                }
            }
            _ => {
                let ts = self.type_string(t);
                self.error(ast.expr(e).pos, format!("invalid composite literal type {ts}"));
                for &el in elts {
                    self.skip_elem(el);
                }
                return Operand::invalid(e);
            }
        }
        Operand::new(OpMode::Value, result_t.unwrap_or(t), e)
    }

    /// Checks an element of a literal of invalid type; elided literals inside stay quiet (the hint is invalid).
    fn skip_elem(&mut self, el: ExprId) {
        match &self.ast.expr(el).kind {
            ExprKind::KeyValue { value, .. } => {
                self.raw_expr(*value, Some(TypeId::INVALID));
            }
            _ => {
                self.raw_expr(el, Some(TypeId::INVALID));
            }
        }
    }

    /// Elements of an array or slice literal; returns the length (max index + 1).
    fn indexed_elts(&mut self, elts: &'a [ExprId], elem: TypeId, len: Option<u64>) -> u64 {
        // go/types' indexedElts
        let ast = self.ast;
        let mut idx: u64 = 0;
        let mut max: u64 = 0;
        let mut seen: crate::types::fxhash::HashSet<u64> = Default::default();
        for &el in elts {
            let mut valid = false;
            let ve = match &ast.expr(el).kind {
                ExprKind::KeyValue { key, value, .. } => {
                    match self.index(*key, len) {
                        Ok(Some(v)) => {
                            idx = v as u64;
                            valid = true;
                        }
                        Ok(None) => {
                            let s = self.expr_string(*key);
                            self.error(ast.expr(el).pos, format!("index {s} must be integer constant"));
                        }
                        Err(()) => {}
                    }
                    *value
                }
                _ => {
                    match len {
                        Some(l) if idx >= l => {
                            self.error(ast.expr(el).pos, format!("index {idx} is out of bounds (>= {l})"));
                        }
                        _ => valid = true,
                    }
                    el
                }
            };
            if valid && !seen.insert(idx) {
                // at the element, which for `i: v` is gc's KeyValueExpr position, the colon
                let at = match &ast.expr(el).kind {
                    ExprKind::KeyValue { colon, .. } => *colon,
                    _ => ast.expr(el).pos,
                };
                self.error(at, format!("duplicate index {idx} in array or slice literal"));
            }
            let mut v = self.expr_hint(ve, Some(elem));
            self.assignment(&mut v, elem, "array or slice literal");
            idx += 1;
            max = max.max(idx);
        }
        max
    }
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum ConvErr {
    Truncated,
    Overflow,
    Mismatch,
}

fn is_zero_value(v: &Value) -> bool {
    match v {
        Value::Int(i) => i.is_zero(),
        Value::Float(f) => f.is_zero(),
        Value::Complex(r, i) => r.is_zero() && i.is_zero(),
        _ => false,
    }
}

/// Constant arithmetic on values of possibly different numeric kinds (promoted to the larger one).
pub fn const_binary(op: BinaryOp, x: &Value, y: &Value, int_div: bool) -> Value {
    use BinaryOp::*;
    match (x, y) {
        (Value::Bool(a), Value::Bool(b)) => match op {
            LAnd => Value::Bool(*a && *b),
            LOr => Value::Bool(*a || *b),
            _ => Value::Unknown,
        },
        (Value::String(a), Value::String(b)) if op == Add => Value::String(ConstStr::concat(a, b)),
        (Value::Int(a), Value::Int(b)) => match op {
            Add => Value::Int(a.add(b)),
            Sub => Value::Int(a.sub(b)),
            Mul => Value::Int(a.mul(b)),
            Quo => {
                if int_div {
                    a.quo_rem(b).map(|(q, _)| Value::Int(q)).unwrap_or(Value::Unknown)
                } else {
                    BigFloat::from_int(a.clone())
                        .quo(&BigFloat::from_int(b.clone()))
                        .map(Value::Float)
                        .unwrap_or(Value::Unknown)
                }
            }
            Rem => a.quo_rem(b).map(|(_, r)| Value::Int(r)).unwrap_or(Value::Unknown),
            And => Value::Int(a.and(b)),
            Or => Value::Int(a.or(b)),
            Xor => Value::Int(a.xor(b)),
            AndNot => Value::Int(a.and_not(b)),
            _ => Value::Unknown,
        },
        (Value::Complex(..), _) | (_, Value::Complex(..)) => {
            let (Some((a, b)), Some((c, d))) = (x.as_complex(), y.as_complex()) else { return Value::Unknown };
            match op {
                Add => Value::Complex(a.add(&c), b.add(&d)),
                Sub => Value::Complex(a.sub(&c), b.sub(&d)),
                Mul => Value::Complex(a.mul(&c).sub(&b.mul(&d)), b.mul(&c).add(&a.mul(&d))),
                Quo => {
                    let s = c.mul(&c).add(&d.mul(&d));
                    if s.is_zero() {
                        return Value::Unknown;
                    }
                    let re = a.mul(&c).add(&b.mul(&d)).quo(&s).unwrap();
                    let im = b.mul(&c).sub(&a.mul(&d)).quo(&s).unwrap();
                    Value::Complex(re, im)
                }
                _ => Value::Unknown,
            }
        }
        _ => {
            let (Some(a), Some(b)) = (x.as_float_exact(), y.as_float_exact()) else { return Value::Unknown };
            let r = match op {
                Add => a.add(&b),
                Sub => a.sub(&b),
                Mul => a.mul(&b),
                Quo => match a.quo(&b) {
                    Some(q) => q,
                    None => return Value::Unknown,
                },
                _ => return Value::Unknown,
            };
            // Beyond big.Float's exponent range go/constant's result is unknown.
            if r.is_finite() {
                Value::Float(r)
            } else {
                Value::Unknown
            }
        }
    }
}

pub fn const_compare(op: BinaryOp, x: &Value, y: &Value) -> bool {
    use BinaryOp::*;
    let ord = match (x, y) {
        (Value::Bool(a), Value::Bool(b)) => {
            return match op {
                Eql => a == b,
                _ => a != b,
            }
        }
        (Value::String(a), Value::String(b)) => a.as_bytes().cmp(b.as_bytes()),
        (Value::Complex(..), _) | (_, Value::Complex(..)) => {
            let eq = x.as_complex() == y.as_complex();
            return if op == Eql { eq } else { !eq };
        }
        _ => match (x.as_float_exact(), y.as_float_exact()) {
            (Some(a), Some(b)) => a.cmp(&b),
            _ => return false,
        },
    };
    match op {
        Eql => ord == Ordering::Equal,
        Neq => ord != Ordering::Equal,
        Lss => ord == Ordering::Less,
        Leq => ord != Ordering::Greater,
        Gtr => ord == Ordering::Greater,
        Geq => ord != Ordering::Less,
        _ => false,
    }
}

trait FloatExact {
    fn as_float_exact(&self) -> Option<BigFloat>;
}
impl FloatExact for Value {
    fn as_float_exact(&self) -> Option<BigFloat> {
        match self {
            Value::Int(b) => Some(BigFloat::from_int(b.clone())),
            Value::Float(f) => Some(f.clone()),
            _ => None,
        }
    }
}

use super::super::ObjId;
