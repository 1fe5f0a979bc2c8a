//! Expressions (Go spec "Expressions"): constants, variables, selectors, index and slice expressions with
//! gc's bounds checks, operators (wrap-around integer arithmetic, Go shifts, division checks, string and
//! aggregate comparison), composite literals and conversions.
//!
//! Every expression whose mode is `Constant` becomes a constant of its (final) type, whatever its shape.

use super::func::{Fb, Val};
use crate::ir::{BinOp, Cond, ConvOp, Op, SiteKind, Ty, VReg};
use crate::syntax::ast::{BinaryOp, ExprId, ExprKind, Ident, Name, UnaryOp};
use crate::syntax::pos::Pos;
use crate::types::{BasicKind, Mode, ObjKind, TypeId, TypeKind, Value};

/// gc's `tmpStringBufSize`: the bytes of a conversion's temporary buffer (rt/src/string.rs `TMP_BUF`).
const TMP_BUF: u64 = 32;

/// The operands of an element target `x[i]` evaluated ahead of its checks (see [`Fb::elem_operands`]).
#[derive(Clone, Copy)]
pub struct ElemRef {
    /// The address of element 0 (a slice's data pointer, an array's address).
    base: VReg,
    len: ElemLen,
    /// The index as an `INT`, and its value when constant (an array's is checked by the type checker).
    i: VReg,
    constant: Option<i64>,
    signed: bool,
    /// The element size.
    es: u64,
    /// `base` comes from a pointer nothing has probed (`p[i]` of `p *[N]T`, `(*p)[i]`).
    maybe_nil: bool,
    pos: Pos,
}

/// How an element target's index is bounded: by a slice's length read in phase 1, or an array's.
#[derive(Clone, Copy)]
enum ElemLen {
    Slice(VReg),
    Array(u64),
}

impl<'a, 'b> Fb<'a, 'b> {
    /// The value of expression `e`.
    pub fn expr(&mut self, e: ExprId) -> Val {
        if let Some(&v) = self.bound.get(&e) {
            return v;
        }
        let ast = self.ast;
        let prog = self.prog;
        let ex = ast.expr(e);
        if !prog.info.types.contains_key(&e) {
            self.lw.error(ex.pos, "internal: expression was not type-checked");
            return Val::S(self.iconst(self.int(), 0));
        }
        let tv = self.tv(e);
        let tv = &tv;
        self.set_pos(ex.pos);
        if tv.mode == Mode::Constant {
            if let Some(v) = &tv.value {
                return self.const_val(v, tv.typ);
            }
        }
        match &ex.kind {
            ExprKind::Ident(id) => self.ident(e, id),
            ExprKind::Paren(x) => self.expr(*x),
            ExprKind::CompositeLit { .. } => self.composite(e),
            ExprKind::FuncLit { typ, body } => self.func_lit(e, typ, body),
            ExprKind::Selector { x, .. } => match prog.info.selections.get(&e).map(|s| s.kind) {
                Some(crate::types::SelectionKind::FieldVal) => {
                    let (a, t) = self.field_addr(e, *x);
                    self.set_pos(ex.pos);
                    self.load_val(a, 0, t)
                }
                Some(crate::types::SelectionKind::MethodVal | crate::types::SelectionKind::MethodExpr) => {
                    self.method_value(e, *x)
                }
                None => match self.qualified_ident(e) {
                    Some(id) => self.ident(e, id),
                    None => self.fail(ex.pos, "this selector", tv.typ),
                },
            },
            ExprKind::Index { x, indices, .. } => {
                // `f[int]`: an instance of a generic function, used as a value.
                if let Some(fsym) = self.func_ident(e).and_then(|p| self.lw.func_sym(p, self.subst)) {
                    let sym = self.lw.static_closure(&fsym);
                    return Val::S(self.sym_addr(&sym));
                }
                if indices.len() != 1 {
                    return self.fail(ex.pos, "generic instantiation", tv.typ);
                }
                let xt = self.type_of(*x);
                match self.under(xt) {
                    TypeKind::Map { .. } => self.map_index(*x, indices[0], false, ex.pos).0,
                    TypeKind::Basic(_) => {
                        let s = self.expr(*x).v();
                        let (i, signed) = self.index_value(indices[0]);
                        self.set_pos(self.bracket_pos(e));
                        let p = self.load(Ty::Ptr, s, 0);
                        let n = self.load(self.int(), s, self.lw.target.len_offset());
                        self.bounds_check(i, n, 0, signed);
                        let a = self.index_addr(p, i, 1);
                        Val::S(self.load(Ty::I8, a, 0))
                    }
                    _ => {
                        let a = self.index_place(e, *x, indices[0]);
                        self.load_val(a, 0, tv.typ)
                    }
                }
            }
            ExprKind::Slice { x, lo, hi, max, slice3, .. } => self.slice_expr(e, *x, *lo, *hi, *max, *slice3),
            ExprKind::TypeAssert { x, .. } => self.type_assert(*x, tv.typ, false, ex.pos).0,
            ExprKind::Call { .. } => {
                let vs = self.call(e);
                match vs.into_iter().next() {
                    Some(v) => v,
                    // The call was reported as unsupported already; go on with a placeholder.
                    None if !self.lw.errors.is_empty() => Val::S(self.iconst(self.int(), 0)),
                    None => self.fail(ex.pos, "internal: call has no value:", TypeId::INT),
                }
            }
            ExprKind::Star(x) => {
                let p = self.expr(*x).v();
                self.set_pos(ex.pos);
                if self.scalar(tv.typ).is_none() {
                    // the value stays in memory at `p`: see `Fb::unchecked`
                    self.unchecked.insert(p);
                }
                self.load_val(p, 0, tv.typ)
            }
            ExprKind::Unary { op, x } => self.unary(e, *op, *x),
            ExprKind::Binary { op, op_pos, x, y } => self.binary_expr(e, *op, *op_pos, *x, *y),
            _ => self.fail(ex.pos, "internal: this expression as a value:", tv.typ),
        }
    }

    /// Reports `feature not supported yet` and returns a placeholder of type `t`.
    pub fn fail(&mut self, pos: Pos, feature: &str, t: TypeId) -> Val {
        self.unsupported(pos, feature);
        let t = if self.scalar(t).is_some()
            || matches!(
                self.under(t),
                TypeKind::Struct { .. } | TypeKind::Array { .. } | TypeKind::Slice(_) | TypeKind::Basic(_)
            ) {
            t
        } else {
            TypeId::INT
        };
        self.zero_val(t)
    }

    /// The value of `e` as a value of type `t` (the type it is assigned or converted to implicitly): an
    /// untyped constant or `nil` takes the type `t`.
    pub fn expr_to(&mut self, e: ExprId, t: TypeId) -> Val {
        let tv = self.tv(e);
        if tv.typ != t && matches!(self.under(t), TypeKind::Interface { .. }) {
            return self.expr_to_iface(e, t);
        }
        if tv.mode == Mode::Constant {
            if let Some(v) = &tv.value {
                self.set_pos(self.ast.expr(e).pos);
                return self.const_val(v, t);
            }
        }
        if tv.typ == TypeId::UNTYPED_NIL || self.is_nil(e) {
            return self.zero_val(t);
        }
        self.expr(e)
    }

    pub fn is_nil(&self, e: ExprId) -> bool {
        let e = self.ast.unparen(e);
        match &self.ast.expr(e).kind {
            ExprKind::Ident(id) => {
                self.prog.info.uses.get(&id.pos).is_some_and(|&o| matches!(self.prog.obj(o).kind, ObjKind::Nil))
            }
            _ => false,
        }
    }

    /// A constant of type `t` (untyped types take their default type).
    pub fn const_val(&mut self, v: &Value, t: TypeId) -> Val {
        let t = self.default_type(t);
        match self.scalar(t) {
            Some(ty) if ty.is_float() => Val::S(self.fconst(ty, v.to_f64().unwrap_or(0.0))),
            Some(ty) => Val::S(self.iconst(ty, const_int(v))),
            None if self.is_string(t) => self.string_const(v.as_bytes().unwrap_or(&[])),
            None if self.is_complex(t) => {
                let (re, im) = v.to_complex().unwrap_or((0.0, 0.0));
                let fty = if self.basic(t) == Some(BasicKind::Complex64) { Ty::F32 } else { Ty::F64 };
                let a = self.temp(t, "complex");
                let r = self.fconst(fty, re);
                let i = self.fconst(fty, im);
                self.store(a, 0, r);
                self.store(a, fty.size(self.word()) as i64, i);
                Val::M(a)
            }
            None => self.zero_val(t),
        }
    }

    /// A string value with the given bytes (in read-only data).
    pub fn string_const(&mut self, s: &[u8]) -> Val {
        let a = self.temp(TypeId::STRING, "str");
        let p = if s.is_empty() {
            self.iconst(Ty::Ptr, 0)
        } else {
            let sym = self.lw.string_sym(s);
            self.sym_addr(&sym)
        };
        let n = self.iconst(self.int(), s.len() as i64);
        self.store(a, 0, p);
        self.store(a, self.lw.target.len_offset(), n);
        Val::M(a)
    }

    /// The `Name` of a qualified identifier `pkg.Name` (Go spec "Qualified identifiers"): a selector whose
    /// operand is an imported package's name.
    pub fn qualified_ident(&self, e: ExprId) -> Option<&'a Ident> {
        let ast = self.ast;
        let ExprKind::Selector { x, sel } = &ast.expr(ast.unparen(e)).kind else { return None };
        let ExprKind::Ident(pkg) = &ast.expr(*x).kind else { return None };
        let &o = self.prog.info.uses.get(&pkg.pos)?;
        matches!(self.prog.obj(o).kind, ObjKind::PkgName(_)).then_some(sel)
    }

    fn ident(&mut self, e: ExprId, id: &Ident) -> Val {
        let prog = self.prog;
        let t = self.type_of(e);
        let Some(&obj) = prog.info.uses.get(&id.pos).or(prog.info.defs.get(&id.pos)) else {
            return self.fail(id.pos, "internal: unresolved identifier", t);
        };
        match &prog.obj(obj).kind {
            ObjKind::Var(_) => self.read_var(obj),
            ObjKind::Nil => self.zero_val(t),
            ObjKind::Func { recv: None, .. } => {
                // A top-level function used as a value: its static closure.
                let Some(fsym) = self.lw.func_sym(id.pos, self.subst) else {
                    return self.fail(id.pos, "this function value", t);
                };
                let sym = self.lw.static_closure(&fsym);
                Val::S(self.sym_addr(&sym))
            }
            ObjKind::Const(v) => self.const_val(&v.clone(), t),
            _ => self.fail(id.pos, "internal: identifier as a value:", t),
        }
    }

    /// The address of the memory `e` denotes, if it denotes memory (an addressable expression, or an
    /// aggregate value, which always lives in memory).
    pub fn place(&mut self, e: ExprId) -> Option<VReg> {
        let ast = self.ast;
        let prog = self.prog;
        let e = ast.unparen(e);
        let ex = ast.expr(e);
        match &ex.kind {
            ExprKind::Ident(id) => {
                let &obj = prog.info.uses.get(&id.pos).or(prog.info.defs.get(&id.pos))?;
                match prog.obj(obj).kind {
                    ObjKind::Var(_) => self.var_addr(obj),
                    _ => None,
                }
            }
            ExprKind::Selector { x, .. } => match prog.info.selections.get(&e).map(|s| s.kind) {
                Some(crate::types::SelectionKind::FieldVal) => Some(self.field_addr(e, *x).0),
                Some(_) => None,
                None => {
                    let id = self.qualified_ident(e)?;
                    let &obj = prog.info.uses.get(&id.pos)?;
                    match prog.obj(obj).kind {
                        ObjKind::Var(_) => self.var_addr(obj),
                        _ => None,
                    }
                }
            },
            ExprKind::Index { x, indices, .. } if indices.len() == 1 => match self.under(self.type_of(*x)) {
                TypeKind::Array { .. } | TypeKind::Slice(_) | TypeKind::Pointer(_) => {
                    Some(self.index_place(e, *x, indices[0]))
                }
                _ => None,
            },
            ExprKind::Star(x) => {
                let p = self.expr(*x).v();
                self.unchecked.insert(p);
                Some(p)
            }
            _ => match self.scalar(self.type_of(e)) {
                None => Some(self.expr(e).v()),
                Some(_) => None,
            },
        }
    }

    /// Follows a selector path of field indices from the value of type `t` at `addr`, dereferencing
    /// embedded pointers on the way. Returns the address and type of the last field.
    pub fn walk_fields(&mut self, addr: VReg, t: TypeId, path: &[u32]) -> (VReg, TypeId) {
        self.walk_fields_from(addr, t, path, false)
    }

    /// `walk_fields`, where `via_pointer` says `addr` was loaded from a pointer that may be nil. Before
    /// offsetting such an address gc probes it (its nil check), so a nil pointer faults at address 0,
    /// not at the field's offset; the SIGSEGV message then says `addr=0x0` as gc's does.
    pub fn walk_fields_from(
        &mut self,
        mut addr: VReg,
        mut t: TypeId,
        path: &[u32],
        mut via_pointer: bool,
    ) -> (VReg, TypeId) {
        // The base is itself an unchecked dereference (`(*p).f`).
        via_pointer |= self.unchecked.contains(&addr);
        for &i in path {
            if let TypeKind::Pointer(p) = self.under(t) {
                addr = self.load(Ty::Ptr, addr, 0);
                t = *p;
                via_pointer = true;
            }
            let TypeKind::Struct { fields } = self.under(t) else {
                self.lw.error(Pos::NONE, "internal: field of a non-struct");
                return (addr, t);
            };
            let offs = self.offsets(t);
            if via_pointer && offs[i as usize] != 0 {
                self.nil_check(addr);
                via_pointer = false;
            }
            addr = self.add_off(addr, offs[i as usize] as i64);
            t = fields[i as usize].typ;
        }
        // Still at offset 0 from an unprobed pointer: the use decides whether a probe is needed.
        if via_pointer {
            self.unchecked.insert(addr);
        }
        (addr, t)
    }

    /// Address and type of the field selected by `e` (`x.f`, possibly through embedded fields).
    pub fn field_addr(&mut self, e: ExprId, x: ExprId) -> (VReg, TypeId) {
        let prog = self.prog;
        let sel = &prog.info.selections[&e];
        let xt = self.type_of(x);
        let (addr, t, via_pointer) = match self.under(xt) {
            TypeKind::Pointer(p) => (self.expr(x).v(), *p, true),
            _ => (self.expr(x).v(), xt, false),
        };
        self.set_pos(self.ast.expr(e).pos);
        self.walk_fields_from(addr, t, &sel.index, via_pointer)
    }

    /// An index operand as an `INT`, and whether its type is signed (gc's bounds-check flag).
    pub fn index_value(&mut self, idx: ExprId) -> (VReg, bool) {
        let tv = self.tv(idx);
        if tv.mode == Mode::Constant {
            if let Some(n) = tv.value.as_ref().and_then(|v| v.to_i64()) {
                return (self.iconst(self.int(), n), true);
            }
        }
        let t = tv.typ;
        let v = self.expr(idx).v();
        let signed = self.is_signed(t);
        (self.to_int(v, signed), signed)
    }

    /// Extends an integer scalar to `INT`.
    pub fn to_int(&mut self, v: VReg, signed: bool) -> VReg {
        match self.ty(v) {
            t if t == self.int() => v,
            Ty::Ptr => self.conv(ConvOp::Bitcast, self.int(), v),
            _ if signed => self.conv(ConvOp::SExt, self.int(), v),
            _ => self.conv(ConvOp::ZExt, self.int(), v),
        }
    }

    /// Where gc places an index or slice expression's nil and bounds checks: at its `[` (the position of
    /// syntax's IndexExpr and SliceExpr), which a `/*line*/` directive may give a line of its own
    /// (fixedbugs/issue29504.go); other expressions at their own position.
    pub fn bracket_pos(&self, e: ExprId) -> Pos {
        let ex = self.ast.expr(e);
        match &ex.kind {
            ExprKind::Index { lbrack, .. } | ExprKind::Slice { lbrack, .. } if lbrack.is_known() => *lbrack,
            _ => ex.pos,
        }
    }

    /// Address of element `x[idx]` of an array, pointer to array or slice, after the bounds check.
    pub fn index_place(&mut self, e: ExprId, x: ExprId, idx: ExprId) -> VReg {
        let xt = self.type_of(x);
        let pos = self.bracket_pos(e);
        match self.under(xt) {
            TypeKind::Array { len, elem } => {
                let base = self.expr(x).v();
                let unchecked = self.unchecked.contains(&base);
                self.array_elem_addr(base, unchecked, idx, *len, *elem, pos)
            }
            TypeKind::Pointer(p) => {
                let TypeKind::Array { len, elem } = self.under(*p) else {
                    self.lw.error(pos, "internal: index of a pointer");
                    return self.iconst(Ty::Ptr, 0);
                };
                let base = self.expr(x).v();
                self.array_elem_addr(base, true, idx, *len, *elem, pos)
            }
            TypeKind::Slice(elem) => {
                let s = self.expr(x).v();
                let (i, signed) = self.index_value(idx);
                self.set_pos(pos);
                let p = self.load(Ty::Ptr, s, 0);
                let n = self.load(self.int(), s, self.lw.target.len_offset());
                self.bounds_check(i, n, 0, signed);
                let es = self.size(*elem);
                self.index_addr(p, i, es)
            }
            _ => {
                self.lw.error(pos, "internal: index of this type");
                self.iconst(Ty::Ptr, 0)
            }
        }
    }

    /// Phase 1 of a multiple assignment's target `x[idx]` (`e`) of a slice, array or pointer to array: the
    /// operands, copied so that the assignment's earlier stores cannot change them (`i, s[i] = 1, 2` stores
    /// into the old `s[i]`). The checks wait for [`Fb::elem_target`]; `None` for other index expressions.
    pub fn elem_operands(&mut self, e: ExprId, x: ExprId, idx: ExprId) -> Option<ElemRef> {
        let pos = self.bracket_pos(e);
        let (base, len, elem, maybe_nil) = match self.under(self.type_of(x)) {
            TypeKind::Slice(elem) => {
                let elem = *elem;
                let s = self.expr(x).v();
                let p = self.load(Ty::Ptr, s, 0);
                let n = self.load(self.int(), s, self.lw.target.len_offset());
                (p, ElemLen::Slice(n), elem, false)
            }
            TypeKind::Array { len, elem } => {
                let (len, elem) = (*len, *elem);
                let a = self.expr(x).v();
                let maybe_nil = self.unchecked.contains(&a);
                (self.copy(a), ElemLen::Array(len), elem, maybe_nil)
            }
            TypeKind::Pointer(p) => {
                let TypeKind::Array { len, elem } = self.under(*p) else { return None };
                let (len, elem) = (*len, *elem);
                let a = self.expr(x).v();
                (self.copy(a), ElemLen::Array(len), elem, true)
            }
            _ => return None,
        };
        let (i, signed) = self.index_value(idx);
        let constant = self.consts.get(&i).copied();
        let i = if constant.is_some() { i } else { self.copy(i) };
        Some(ElemRef { base, len, i, constant, signed, es: self.size(elem), maybe_nil, pos })
    }

    /// Phase 2 of [`Fb::elem_operands`]: the pointer's nil check, the bounds check, the element's address.
    pub fn elem_target(&mut self, r: ElemRef) -> VReg {
        self.set_pos(r.pos);
        let at_zero = r.es == 0 || r.constant == Some(0);
        match r.len {
            ElemLen::Slice(n) => self.bounds_check(r.i, n, 0, r.signed),
            ElemLen::Array(len) => {
                if r.maybe_nil && !at_zero {
                    self.nil_check(r.base);
                }
                if r.constant.is_none() {
                    let n = self.iconst(self.int(), len as i64);
                    self.bounds_check(r.i, n, 0, r.signed);
                }
            }
        }
        let a = self.index_addr(r.base, r.i, r.es);
        if r.maybe_nil && at_zero && matches!(r.len, ElemLen::Array(_)) {
            self.unchecked.insert(a);
        }
        a
    }

    /// Address of element `idx` of the array of `len` elements of type `elem` at `base`, after the bounds
    /// check. `maybe_nil`: `base` comes from a pointer not probed yet (`p[i]`, `(*p)[i]`); it is probed
    /// before the index is evaluated, as gc's nil check comes first, unless the element is at offset 0
    /// (`p[0]`), which is left to its use (`Fb::unchecked`).
    fn array_elem_addr(&mut self, base: VReg, maybe_nil: bool, idx: ExprId, len: u64, elem: TypeId, pos: Pos) -> VReg {
        let es = self.size(elem);
        let tv = self.tv(idx);
        let at_zero = es == 0 || (tv.mode == Mode::Constant && tv.value.as_ref().and_then(|v| v.to_i64()) == Some(0));
        if maybe_nil && !at_zero {
            self.set_pos(pos);
            self.nil_check(base);
        }
        let (i, signed) = self.index_value(idx);
        self.set_pos(pos);
        if !self.consts.contains_key(&i) {
            let n = self.iconst(self.int(), len as i64);
            self.bounds_check(i, n, 0, signed);
        }
        let a = self.index_addr(base, i, es);
        if maybe_nil && at_zero {
            self.unchecked.insert(a);
        }
        a
    }

    /// `x[lo:hi]` and `x[lo:hi:max]` with gc's bounds checks (checked from the right, so each comparison is
    /// against a value known to be non-negative) and its pointer masking for empty results.
    fn slice_expr(
        &mut self,
        e: ExprId,
        x: ExprId,
        lo: Option<ExprId>,
        hi: Option<ExprId>,
        max: Option<ExprId>,
        three: bool,
    ) -> Val {
        let xt = self.type_of(x);
        let rt = self.type_of(e);
        let pos = self.bracket_pos(e);
        let (ptr, len, cap, es, is_slice, is_string) = match self.under(xt) {
            TypeKind::Basic(_) => {
                let s = self.expr(x).v();
                let p = self.load(Ty::Ptr, s, 0);
                let n = self.load(self.int(), s, self.lw.target.len_offset());
                (p, n, n, 1, false, true)
            }
            TypeKind::Slice(el) => {
                let s = self.expr(x).v();
                let p = self.load(Ty::Ptr, s, 0);
                let l = self.load(self.int(), s, self.lw.target.len_offset());
                let c = self.load(self.int(), s, self.lw.target.cap_offset());
                (p, l, c, self.size(*el), true, false)
            }
            TypeKind::Pointer(pt) => {
                let TypeKind::Array { len, elem } = self.under(*pt) else {
                    return self.fail(pos, "internal: slice of a pointer", rt);
                };
                let p = self.expr(x).v();
                self.set_pos(pos);
                // gc's nil check is a memory probe: a nil pointer faults here (SIGSEGV → nil dereference).
                self.load(Ty::I8, p, 0);
                let n = self.iconst(self.int(), *len as i64);
                (p, n, n, self.size(*elem), false, false)
            }
            TypeKind::Array { len, elem } => {
                let p = match self.place(x) {
                    Some(p) => p,
                    None => self.expr(x).v(),
                };
                // `(*p)[:]` makes a pointer of `p`
                self.check_addr(p);
                let n = self.iconst(self.int(), *len as i64);
                (p, n, n, self.size(*elem), false, false)
            }
            _ => return self.fail(pos, "internal: slice of this type", rt),
        };
        let i = lo.map(|l| self.index_value(l));
        let j = hi.map(|h| self.index_value(h));
        let k = max.map(|m| self.index_value(m));
        self.set_pos(pos);
        let (i, si) = match i {
            Some(v) => v,
            None => (self.iconst(self.int(), 0), true),
        };
        let known = |fb: &Self, v: VReg| fb.consts.get(&v).copied();
        let (j, k) = if three {
            let (k, sk) = k.unwrap_or((cap, true));
            let (j, sj) = j.unwrap_or((len, true));
            if !(known(self, k).is_some() && known(self, cap).is_some()) {
                self.bounds_check(k, cap, if is_slice { 5 } else { 4 }, sk);
            }
            if !(known(self, j).is_some() && known(self, k).is_some()) {
                self.bounds_check(j, k, 6, sj);
            }
            if !(known(self, i).is_some() && known(self, j).is_some()) {
                self.bounds_check(i, j, 7, si);
            }
            (j, k)
        } else {
            let j = match j {
                Some((j, sj)) => {
                    if !(known(self, j).is_some() && known(self, cap).is_some()) {
                        self.bounds_check(j, cap, if is_slice { 2 } else { 1 }, sj);
                    }
                    j
                }
                None => len,
            };
            if known(self, i) != Some(0) && !(known(self, i).is_some() && known(self, j).is_some()) {
                self.bounds_check(i, j, 3, si);
            }
            (j, cap)
        };
        let rlen = self.binary(BinOp::Sub, j, i);
        let rcap = if is_string { rlen } else { self.binary(BinOp::Sub, k, i) };
        let rptr = if known(self, i) == Some(0) {
            ptr
        } else {
            // rptr = ptr + (mask(rcap) & (i * stride)): an empty result keeps the original pointer, so it
            // never points past the end of the underlying object.
            let delta = if es == 1 {
                i
            } else {
                let s = self.iconst(self.int(), es as i64);
                self.binary(BinOp::Mul, i, s)
            };
            let zero = self.iconst(self.int(), 0);
            let nz = self.cmp(Cond::Ne, rcap, zero);
            let m = self.conv(ConvOp::ZExt, self.int(), nz);
            let mask = self.emit_unary(crate::ir::UnOp::Neg, m);
            let delta = self.binary(BinOp::And, delta, mask);
            let delta = self.conv(ConvOp::Bitcast, Ty::Ptr, delta);
            self.binary(BinOp::Add, ptr, delta)
        };
        let a = self.temp(rt, "slice");
        self.store(a, 0, rptr);
        self.store(a, self.lw.target.len_offset(), rlen);
        if !is_string {
            self.store(a, self.lw.target.cap_offset(), rcap);
        }
        Val::M(a)
    }

    pub fn emit_unary(&mut self, op: crate::ir::UnOp, x: VReg) -> VReg {
        let dst = self.vreg(self.ty(x));
        self.emit(Op::Unary { op, dst, x });
        dst
    }

    fn unary(&mut self, e: ExprId, op: UnaryOp, x: ExprId) -> Val {
        let t = self.type_of(e);
        let pos = self.ast.expr(e).pos;
        match op {
            UnaryOp::Pos => self.expr_to(x, t),
            UnaryOp::Neg => {
                if self.is_complex(t) {
                    return self.complex_neg(x, t, pos);
                }
                let v = self.expr_to(x, t).v();
                self.set_pos(pos);
                let op = if self.ty(v).is_float() { crate::ir::UnOp::FNeg } else { crate::ir::UnOp::Neg };
                Val::S(self.emit_unary(op, v))
            }
            UnaryOp::Not => {
                let v = self.expr_to(x, t).v();
                let one = self.iconst(Ty::I8, 1);
                Val::S(self.binary(BinOp::Xor, v, one))
            }
            UnaryOp::Xor => {
                let v = self.expr_to(x, t).v();
                Val::S(self.emit_unary(crate::ir::UnOp::Not, v))
            }
            UnaryOp::Addr => {
                let xe = self.ast.unparen(x);
                if let ExprKind::CompositeLit { .. } = self.ast.expr(xe).kind {
                    // `&T{...}`: a new variable initialized with the literal, i.e. the literal as `*T`.
                    let hoisted = self.hoist_composite(xe);
                    let v = self.composite_as(xe, t);
                    self.unhoist(hoisted);
                    let typ = match &self.ast.expr(xe).kind {
                        ExprKind::CompositeLit { typ: Some(typ), .. } => {
                            crate::syntax::parser::print::expr_string(self.ast, *typ)
                        }
                        _ => String::new(),
                    };
                    self.note_alloc(v.v(), pos, crate::ir::SiteKind::Expr(format!("&{typ}{{...}}")));
                    return v;
                }
                match self.place(xe) {
                    Some(a) => {
                        self.check_addr(a);
                        Val::S(a)
                    }
                    None => self.fail(pos, "internal: address of a register variable:", t),
                }
            }
            UnaryOp::Recv => self.recv_multi(e, x)[0],
            UnaryOp::Tilde => self.fail(pos, "internal: ~ in an expression:", t),
        }
    }

    fn binary_expr(&mut self, e: ExprId, op: BinaryOp, op_pos: Pos, x: ExprId, y: ExprId) -> Val {
        if matches!(op, BinaryOp::LAnd | BinaryOp::LOr) {
            return self.binary_expr_ordered(e, op, op_pos, x, y);
        }
        // The operands' calls first, then the operands (order.rs).
        let hoisted = self.hoist(&[x, y]);
        let v = self.binary_expr_ordered(e, op, op_pos, x, y);
        self.unhoist(hoisted);
        v
    }

    fn binary_expr_ordered(&mut self, e: ExprId, op: BinaryOp, op_pos: Pos, x: ExprId, y: ExprId) -> Val {
        let t = self.type_of(e);
        match op {
            BinaryOp::LAnd | BinaryOp::LOr => {
                let r = self.vreg(Ty::I8);
                let tb = self.new_block();
                let fb = self.new_block();
                let end = self.new_block();
                self.cond(e, tb, fb);
                self.switch_to(tb);
                self.emit(Op::Const { dst: r, value: 1 });
                self.jump(end);
                self.switch_to(fb);
                self.emit(Op::Const { dst: r, value: 0 });
                self.jump(end);
                self.switch_to(end);
                Val::S(r)
            }
            _ if op.is_comparison() => {
                let xt = self.type_of(x);
                let ot = if self.is_untyped(xt) { self.type_of(y) } else { xt };
                let ot = self.default_type(ot);
                if self.is_iface(ot) || self.is_iface(self.type_of(y)) {
                    return self.iface_compare(op, x, y, op_pos);
                }
                let xv = self.compared_operand(x, ot);
                let yv = self.compared_operand(y, ot);
                self.set_pos(op_pos);
                Val::S(self.compare(op, xv, yv, ot))
            }
            BinaryOp::Add if self.is_string(t) => {
                let mut parts = Vec::new();
                self.concat_operands(e, &mut parts);
                let vals: Vec<Val> = parts.into_iter().map(|p| self.expr_to(p, TypeId::STRING)).collect();
                self.set_pos(op_pos);
                self.concat_vals(&vals)
            }
            _ => {
                let xv = self.expr_to(x, t);
                self.binary_vals(op, xv, t, y, op_pos)
            }
        }
    }

    fn concat_operands(&self, e: ExprId, out: &mut Vec<ExprId>) {
        let e = self.ast.unparen(e);
        if let ExprKind::Binary { op: BinaryOp::Add, x, y, .. } = &self.ast.expr(e).kind {
            if self.tv(e).mode != Mode::Constant {
                self.concat_operands(*x, out);
                self.concat_operands(*y, out);
                return;
            }
        }
        out.push(e);
    }

    /// A temporary buffer of `size` bytes for a conversion's or concatenation's result, or null: an
    /// allocation site that the escape analysis makes a frame slot when the result cannot outlive the frame,
    /// and null otherwise (gc's `tmpBuf`; docs/RUNTIME-ABI.md "Strings").
    fn tmp_buf(&mut self, size: u64) -> VReg {
        let n = self.iconst(self.int(), size as i64);
        let buf = self.call_rt("g1c_tmpbuf", vec![n], &[Ty::Ptr])[0];
        self.note_alloc(buf, Pos::NONE, SiteKind::Quiet);
        buf
    }

    /// `g1c_concatstrings` over the given string values.
    pub fn concat_vals(&mut self, vals: &[Val]) -> Val {
        let n = vals.len() as u64;
        let arr = self.temp_raw(self.lw.target.two_words() * n, self.lw.target.ptr_size, "concat");
        for (i, v) in vals.iter().enumerate() {
            let p = self.load(Ty::Ptr, v.v(), 0);
            let l = self.load(self.int(), v.v(), self.lw.target.len_offset());
            self.store(arr, self.lw.target.word(2 * i as u64), p);
            self.store(arr, self.lw.target.word(2 * i as u64) + self.lw.target.len_offset(), l);
        }
        let cnt = self.iconst(self.int(), n as i64);
        let buf = self.tmp_buf(TMP_BUF);
        let r = self.call_rt("g1c_concatstrings", vec![buf, arr, cnt], &[Ty::Ptr, self.int()]);
        let a = self.temp(TypeId::STRING, "str");
        self.store(a, 0, r[0]);
        self.store(a, self.lw.target.len_offset(), r[1]);
        Val::M(a)
    }

    /// `x op y` for arithmetic operators, `x` already evaluated (also used by `op=`).
    pub fn binary_vals(&mut self, op: BinaryOp, xv: Val, t: TypeId, y: ExprId, pos: Pos) -> Val {
        if matches!(op, BinaryOp::Shl | BinaryOp::Shr) {
            let ytv = self.tv(y);
            let (yv, yconst) = match (&ytv.mode, &ytv.value) {
                (Mode::Constant, Some(v)) => (self.iconst(self.int(), v.to_i64().unwrap_or(i64::MAX)), true),
                _ => (self.expr(y).v(), false),
            };
            self.set_pos(pos);
            if !yconst && self.is_signed(ytv.typ) {
                let zero = self.iconst(self.ty(yv), 0);
                let ok = self.cmp(Cond::GeS, yv, zero);
                self.check(ok, "g1c_panic_shift", vec![]);
            }
            let bop = match op {
                BinaryOp::Shl => BinOp::Shl,
                _ if self.is_signed(t) => BinOp::ShrS,
                _ => BinOp::ShrU,
            };
            return Val::S(self.binary(bop, xv.v(), yv));
        }
        if self.is_string(t) && op == BinaryOp::Add {
            let yv = self.expr_to(y, t);
            self.set_pos(pos);
            return self.concat_vals(&[xv, yv]);
        }
        if self.is_complex(t) {
            return self.complex_binary(op, xv, t, y, pos);
        }
        let ytv = self.tv(y);
        let y_nonzero =
            ytv.mode == Mode::Constant && ytv.value.as_ref().and_then(|v| v.to_f64()).is_some_and(|f| f != 0.0);
        let yv = self.expr_to(y, t).v();
        self.set_pos(pos);
        let x = xv.v();
        let float = self.ty(x).is_float();
        let signed = self.is_signed(t);
        let bop = match op {
            BinaryOp::Add => {
                if float {
                    BinOp::FAdd
                } else {
                    BinOp::Add
                }
            }
            BinaryOp::Sub => {
                if float {
                    BinOp::FSub
                } else {
                    BinOp::Sub
                }
            }
            BinaryOp::Mul => {
                if float {
                    BinOp::FMul
                } else {
                    BinOp::Mul
                }
            }
            BinaryOp::Quo | BinaryOp::Rem if float => BinOp::FDiv,
            BinaryOp::Quo | BinaryOp::Rem => {
                if !y_nonzero {
                    let zero = self.iconst(self.ty(yv), 0);
                    let ok = self.cmp(Cond::Ne, yv, zero);
                    self.check(ok, "g1c_panic_divide", vec![]);
                }
                match (op, signed) {
                    (BinaryOp::Quo, true) => BinOp::DivS,
                    (BinaryOp::Quo, false) => BinOp::DivU,
                    (_, true) => BinOp::RemS,
                    (_, false) => BinOp::RemU,
                }
            }
            BinaryOp::And => BinOp::And,
            BinaryOp::Or => BinOp::Or,
            BinaryOp::Xor => BinOp::Xor,
            BinaryOp::AndNot => BinOp::AndNot,
            _ => return self.fail(pos, "internal: operator", t),
        };
        Val::S(self.binary(bop, x, yv))
    }

    /// `x op y` for a comparison operator on values of type `t`; an I8 0/1.
    pub fn compare(&mut self, op: BinaryOp, x: Val, y: Val, t: TypeId) -> VReg {
        if self.scalar(t).is_none() {
            if self.is_string(t) && !matches!(op, BinaryOp::Eql | BinaryOp::Neq) {
                let (ap, al) =
                    (self.load(Ty::Ptr, x.v(), 0), self.load(self.int(), x.v(), self.lw.target.len_offset()));
                let (bp, bl) =
                    (self.load(Ty::Ptr, y.v(), 0), self.load(self.int(), y.v(), self.lw.target.len_offset()));
                let c = self.call_rt("g1c_cmpstring", vec![ap, al, bp, bl], &[self.int()])[0];
                let zero = self.iconst(self.int(), 0);
                let cond = match op {
                    BinaryOp::Lss => Cond::LtS,
                    BinaryOp::Leq => Cond::LeS,
                    BinaryOp::Gtr => Cond::GtS,
                    _ => Cond::GeS,
                };
                return self.cmp(cond, c, zero);
            }
            if matches!(self.under(t), TypeKind::Slice(_)) {
                // A slice is comparable only to nil: compare the data pointers.
                let a = self.load(Ty::Ptr, x.v(), 0);
                let b = self.load(Ty::Ptr, y.v(), 0);
                return self.cmp(if op == BinaryOp::Eql { Cond::Eq } else { Cond::Ne }, a, b);
            }
            if self.size(t) == 0 {
                // no byte is compared: nil pointers must still panic (gc's nil checks, Go issue 23837)
                self.check_addr(x.v());
                self.check_addr(y.v());
            }
            let eq = self.eq_mem(x.v(), y.v(), t);
            if op == BinaryOp::Neq {
                let one = self.iconst(Ty::I8, 1);
                return self.binary(BinOp::Xor, eq, one);
            }
            return eq;
        }
        let float = self.is_float(t);
        let signed = self.is_signed(t);
        let cond = match (op, float, signed) {
            (BinaryOp::Eql, true, _) => Cond::FEq,
            (BinaryOp::Neq, true, _) => Cond::FNe,
            (BinaryOp::Lss, true, _) => Cond::FLt,
            (BinaryOp::Leq, true, _) => Cond::FLe,
            (BinaryOp::Gtr, true, _) => Cond::FGt,
            (BinaryOp::Geq, true, _) => Cond::FGe,
            (BinaryOp::Eql, false, _) => Cond::Eq,
            (BinaryOp::Neq, false, _) => Cond::Ne,
            (BinaryOp::Lss, false, true) => Cond::LtS,
            (BinaryOp::Leq, false, true) => Cond::LeS,
            (BinaryOp::Gtr, false, true) => Cond::GtS,
            (BinaryOp::Geq, false, true) => Cond::GeS,
            (BinaryOp::Lss, false, false) => Cond::LtU,
            (BinaryOp::Leq, false, false) => Cond::LeU,
            (BinaryOp::Gtr, false, false) => Cond::GtU,
            (_, false, false) => Cond::GeU,
            _ => Cond::Eq,
        };
        self.cmp(cond, x.v(), y.v())
    }

    /// `x == y` for two values of type `t`.
    pub fn eq_vals(&mut self, x: Val, y: Val, t: TypeId) -> VReg {
        self.compare(BinaryOp::Eql, x, y, t)
    }

    /// Whether values of `t` are equal exactly when their bytes are (no floats, strings or padding).
    fn regular_memory(&self, t: TypeId) -> bool {
        match self.under(t) {
            TypeKind::Basic(b) => !matches!(
                b,
                BasicKind::Float32
                    | BasicKind::Float64
                    | BasicKind::Complex64
                    | BasicKind::Complex128
                    | BasicKind::String
            ),
            TypeKind::Pointer(_) | TypeKind::Chan { .. } => true,
            TypeKind::Array { elem, .. } => self.regular_memory(*elem),
            TypeKind::Struct { fields } => {
                let offs = self.offsets(t);
                let mut end = 0;
                for (f, &o) in fields.iter().zip(&offs) {
                    if f.name == "_" || o != end || !self.regular_memory(f.typ) {
                        return false;
                    }
                    end = o + self.size(f.typ);
                }
                end == self.size(t)
            }
            _ => false,
        }
    }

    /// Equality of two values of type `t` in memory (Go spec "Comparison operators"): strings by length
    /// and bytes, floats by IEEE equality, structs field by field, arrays element by element.
    pub fn eq_mem(&mut self, a: VReg, b: VReg, t: TypeId) -> VReg {
        if let Some(ty) = self.scalar(t) {
            let x = self.load(ty, a, 0);
            let y = self.load(ty, b, 0);
            let c = if ty.is_float() { Cond::FEq } else { Cond::Eq };
            return self.cmp(c, x, y);
        }
        if self.is_string(t) {
            return self.str_eq(a, b);
        }
        if self.is_complex(t) {
            let fty = if self.basic(t) == Some(BasicKind::Complex64) { Ty::F32 } else { Ty::F64 };
            let w = fty.size(self.word()) as i64;
            let (xr, yr) = (self.load(fty, a, 0), self.load(fty, b, 0));
            let (xi, yi) = (self.load(fty, a, w), self.load(fty, b, w));
            let c1 = self.cmp(Cond::FEq, xr, yr);
            let c2 = self.cmp(Cond::FEq, xi, yi);
            return self.binary(BinOp::And, c1, c2);
        }
        if self.regular_memory(t) {
            let n = self.iconst(self.int(), self.size(t) as i64);
            return self.call_rt("g1c_memequal", vec![a, b, n], &[Ty::I8])[0];
        }
        match self.under(t) {
            TypeKind::Struct { fields } => {
                let offs = self.offsets(t);
                let mut r = self.iconst(Ty::I8, 1);
                for (f, &o) in fields.iter().zip(&offs) {
                    if f.name == "_" {
                        continue;
                    }
                    let fa = self.add_off(a, o as i64);
                    let fb = self.add_off(b, o as i64);
                    let c = self.eq_mem(fa, fb, f.typ);
                    r = self.binary(BinOp::And, r, c);
                }
                r
            }
            TypeKind::Array { len, elem } => {
                let (len, elem) = (*len, *elem);
                let es = self.size(elem);
                if len <= 4 {
                    let mut r = self.iconst(Ty::I8, 1);
                    for i in 0..len {
                        let ea = self.add_off(a, (i * es) as i64);
                        let eb = self.add_off(b, (i * es) as i64);
                        let c = self.eq_mem(ea, eb, elem);
                        r = self.binary(BinOp::And, r, c);
                    }
                    return r;
                }
                // for i := 0; i < len; i++ { r &= a[i] == b[i] }
                let r = self.vreg(Ty::I8);
                self.emit(Op::Const { dst: r, value: 1 });
                let i = self.vreg(self.int());
                self.emit(Op::Const { dst: i, value: 0 });
                let n = self.iconst(self.int(), len as i64);
                let head = self.new_block();
                let body = self.new_block();
                let end = self.new_block();
                self.jump(head);
                self.switch_to(head);
                let c = self.cmp(Cond::LtS, i, n);
                self.branch(c, body, end);
                self.switch_to(body);
                let ea = self.index_addr(a, i, es);
                let eb = self.index_addr(b, i, es);
                let c = self.eq_mem(ea, eb, elem);
                self.emit(Op::Binary { op: BinOp::And, dst: r, x: r, y: c });
                let one = self.iconst(self.int(), 1);
                self.emit(Op::Binary { op: BinOp::Add, dst: i, x: i, y: one });
                self.jump(head);
                self.switch_to(end);
                r
            }
            TypeKind::Interface { .. } => self.iface_eq(a, b, t),
            _ => {
                self.unsupported(Pos::NONE, "comparison of this type");
                self.iconst(Ty::I8, 0)
            }
        }
    }

    /// `a == b` for strings: equal lengths, then `g1c_memequal`.
    fn str_eq(&mut self, a: VReg, b: VReg) -> VReg {
        let al = self.load(self.int(), a, self.lw.target.len_offset());
        let bl = self.load(self.int(), b, self.lw.target.len_offset());
        let r = self.vreg(Ty::I8);
        self.emit(Op::Cmp { cond: Cond::Eq, dst: r, x: al, y: bl });
        let yes = self.new_block();
        let end = self.new_block();
        self.branch(r, yes, end);
        self.switch_to(yes);
        let ap = self.load(Ty::Ptr, a, 0);
        let bp = self.load(Ty::Ptr, b, 0);
        let eq = self.call_rt("g1c_memequal", vec![ap, bp, al], &[Ty::I8])[0];
        self.emit(Op::Copy { dst: r, src: eq });
        self.jump(end);
        self.switch_to(end);
        r
    }

    /// Branches to `t` if boolean expression `e` is true, else to `f`; `&&`, `||` and `!` short-circuit.
    pub fn cond(&mut self, e: ExprId, t: crate::ir::BlockId, f: crate::ir::BlockId) {
        let ast = self.ast;
        let e = ast.unparen(e);
        if let Some(&v) = self.bound.get(&e) {
            // Evaluated ahead (order.rs).
            self.branch(v.v(), t, f);
            return;
        }
        let is_const = self.tv(e).mode == Mode::Constant;
        match &ast.expr(e).kind {
            ExprKind::Binary { op: BinaryOp::LAnd, x, y, .. } if !is_const => {
                let mid = self.new_block();
                self.cond(*x, mid, f);
                self.switch_to(mid);
                self.cond(*y, t, f);
            }
            ExprKind::Binary { op: BinaryOp::LOr, x, y, .. } if !is_const => {
                let mid = self.new_block();
                self.cond(*x, t, mid);
                self.switch_to(mid);
                self.cond(*y, t, f);
            }
            ExprKind::Unary { op: UnaryOp::Not, x } if !is_const => self.cond(*x, f, t),
            _ => {
                let v = self.expr_to(e, TypeId::BOOL).v();
                self.branch(v, t, f);
            }
        }
    }

    // ---- Composite literals ----

    /// A composite literal's value: structs and arrays in a fresh temporary, slices on the heap, `&T{}`
    /// (elided inside another literal) on the heap.
    pub fn composite(&mut self, e: ExprId) -> Val {
        let t = self.type_of(e);
        // The elements' calls first, then the elements (order.rs).
        let hoisted = self.hoist_composite(e);
        let v = self.composite_as(e, t);
        self.unhoist(hoisted);
        v
    }

    /// The value of composite literal `e` as type `t`: its own type, or `*T` for an elided `&T{...}`.
    fn composite_as(&mut self, e: ExprId, t: TypeId) -> Val {
        let pos = self.ast.expr(e).pos;
        match self.under(t) {
            TypeKind::Pointer(elem) => {
                let elem = *elem;
                let p = self.new_object(elem);
                if matches!(self.under(elem), TypeKind::Struct { .. } | TypeKind::Array { .. }) {
                    self.build_composite(e, p, elem);
                } else {
                    // `&[]T{...}`, `&map[K]V{...}`: the literal's value, stored in the new variable.
                    let v = self.composite_as(e, elem);
                    self.store_val(p, 0, v, elem);
                }
                Val::S(p)
            }
            TypeKind::Struct { .. } | TypeKind::Array { .. } => {
                let a = self.temp(t, "lit");
                let size = self.size(t);
                self.memzero(a, size);
                self.build_composite(e, a, t);
                Val::M(a)
            }
            TypeKind::Slice(elem) => {
                let elem = *elem;
                let n = self.literal_len(e);
                let backing = self.new_array(elem, n);
                if let ExprKind::CompositeLit { typ: Some(typ), .. } = &self.ast.expr(e).kind {
                    // gc reports a slice literal at its `{`, just after the type as gofmt writes it.
                    let typ_text = crate::syntax::parser::print::expr_string(self.ast, *typ);
                    let lbrace = pos.offset(typ_text.len() as u32);
                    self.note_alloc(backing, lbrace, crate::ir::SiteKind::Expr(format!("{typ_text}{{...}}")));
                }
                self.build_elems(e, backing, elem);
                let a = self.temp(t, "lit");
                let nv = self.iconst(self.int(), n as i64);
                self.store(a, 0, backing);
                self.store(a, self.lw.target.len_offset(), nv);
                self.store(a, self.lw.target.cap_offset(), nv);
                Val::M(a)
            }
            TypeKind::Map { .. } => self.map_lit(e, t),
            _ => self.fail(pos, "internal: composite literal of this type", TypeId::INT),
        }
    }

    /// Number of elements of an array or slice literal: one past the largest index.
    fn literal_len(&self, e: ExprId) -> u64 {
        let ExprKind::CompositeLit { elts, .. } = &self.ast.expr(e).kind else { return 0 };
        let (mut i, mut max) = (0u64, 0u64);
        for &el in elts {
            if let ExprKind::KeyValue { key, .. } = &self.ast.expr(el).kind {
                i = self.tv(*key).value.as_ref().and_then(|v| v.to_u64()).unwrap_or(i);
            }
            i += 1;
            max = max.max(i);
        }
        max
    }

    /// Stores the elements of literal `e` (of struct or array type `t`) into zeroed memory at `addr`.
    pub fn build_composite(&mut self, e: ExprId, addr: VReg, t: TypeId) {
        match self.under(t) {
            TypeKind::Struct { fields } => {
                let ExprKind::CompositeLit { elts, .. } = &self.ast.expr(e).kind else { return };
                let offs = self.offsets(t);
                for (i, &el) in elts.iter().enumerate() {
                    let (fi, v) = match &self.ast.expr(el).kind {
                        ExprKind::KeyValue { key, value, .. } => {
                            let name = match &self.ast.expr(*key).kind {
                                ExprKind::Ident(id) => id.name.clone(),
                                _ => Name::default(),
                            };
                            (fields.iter().position(|f| f.name == name).unwrap_or(0), *value)
                        }
                        _ => (i, el),
                    };
                    // A blank field is never written (it stays zero, as in gc); its value is still evaluated.
                    if fields[fi].name == "_" {
                        self.expr_to(v, fields[fi].typ);
                        continue;
                    }
                    self.store_elem(addr, offs[fi] as i64, v, fields[fi].typ);
                }
            }
            TypeKind::Array { elem, .. } => self.build_elems(e, addr, *elem),
            _ => {}
        }
    }

    /// Stores the elements of an array or slice literal into zeroed memory at `addr`.
    fn build_elems(&mut self, e: ExprId, addr: VReg, elem: TypeId) {
        let ExprKind::CompositeLit { elts, .. } = &self.ast.expr(e).kind else { return };
        let es = self.size(elem);
        let mut i = 0u64;
        for &el in elts {
            let v = match &self.ast.expr(el).kind {
                ExprKind::KeyValue { key, value, .. } => {
                    i = self.tv(*key).value.as_ref().and_then(|v| v.to_u64()).unwrap_or(i);
                    *value
                }
                _ => el,
            };
            self.set_pos(self.ast.expr(v).pos);
            self.store_elem(addr, (i * es) as i64, v, elem);
            i += 1;
        }
    }

    /// Stores element expression `v` of type `t` at `addr + off`; nested struct and array literals are
    /// built in place.
    fn store_elem(&mut self, addr: VReg, off: i64, v: ExprId, t: TypeId) {
        let ve = self.ast.unparen(v);
        if let ExprKind::CompositeLit { .. } = self.ast.expr(ve).kind {
            let vt = self.type_of(ve);
            // Built in place only when the element has the literal's own type: an element of interface
            // type holds a converted (boxed) value instead.
            if !self.is_iface(t) && matches!(self.under(vt), TypeKind::Struct { .. } | TypeKind::Array { .. }) {
                let dst = self.add_off(addr, off);
                self.build_composite(ve, dst, vt);
                return;
            }
        }
        let val = self.expr_to(v, t);
        self.store_val(addr, off, val, t);
    }

    // ---- Conversions ----

    /// An operand of a comparison of type `t`. `string(b)` of a byte slice is compared in place, without
    /// the copy a conversion makes (gc's `slicebytetostringtmp`): the string dies with the comparison, so
    /// no later change to `b` can be seen through it.
    fn compared_operand(&mut self, x: ExprId, t: TypeId) -> Val {
        let xe = self.ast.unparen(x);
        if let ExprKind::Call { fun, args, ellipsis: None, .. } = &self.ast.expr(xe).kind {
            let (fun, args) = (*fun, args.clone());
            if args.len() == 1 && self.tv(fun).mode == Mode::TypeExpr && self.is_string(self.type_of(xe)) {
                let from = self.default_type(self.type_of(args[0]));
                if let TypeKind::Slice(el) = self.under(from) {
                    if self.basic(*el) != Some(BasicKind::Int32) && self.tv(args[0]).mode != Mode::Constant {
                        let v = self.expr_to(args[0], from);
                        let (p, n) =
                            (self.load(Ty::Ptr, v.v(), 0), self.load(self.int(), v.v(), self.lw.target.len_offset()));
                        return self.string_from(p, n);
                    }
                }
            }
        }
        self.expr_to(x, t)
    }

    /// `T(x)` for a non-constant `x` (Go spec "Conversions").
    pub fn conversion(&mut self, e: ExprId, x: ExprId, to: TypeId) -> Val {
        let pos = self.ast.expr(e).pos;
        let from = self.default_type(self.type_of(x));
        let v = self.expr_to(x, from);
        self.set_pos(pos);
        let (fk, tk) = (self.under(from), self.under(to));
        if matches!(tk, TypeKind::Interface { .. }) {
            return if self.is_nil(x) {
                self.zero_val(to)
            } else if from == to {
                v
            } else {
                self.convert_to_iface(v, from, to)
            };
        }
        if self.is_string(to) {
            if self.is_integer(from) {
                let signed = self.is_signed(from);
                let n = self.to_int(v.v(), signed);
                let buf = self.tmp_buf(4);
                let r = self.call_rt("g1c_intstring", vec![buf, n], &[Ty::Ptr, self.int()]);
                return self.string_from(r[0], r[1]);
            }
            if let TypeKind::Slice(el) = fk {
                let (p, n) = (self.load(Ty::Ptr, v.v(), 0), self.load(self.int(), v.v(), self.lw.target.len_offset()));
                let f = if self.basic(*el) == Some(BasicKind::Int32) {
                    "g1c_slicerunetostring"
                } else {
                    "g1c_slicebytetostring"
                };
                let buf = self.tmp_buf(TMP_BUF);
                let r = self.call_rt(f, vec![buf, p, n], &[Ty::Ptr, self.int()]);
                return self.string_from(r[0], r[1]);
            }
            return v;
        }
        if let (TypeKind::Slice(el), true) = (tk, self.is_string(from)) {
            let (p, n) = (self.load(Ty::Ptr, v.v(), 0), self.load(self.int(), v.v(), self.lw.target.len_offset()));
            let out = self.temp(to, "conv");
            let (f, size) = if self.basic(*el) == Some(BasicKind::Int32) {
                ("g1c_stringtoslicerune", 4 * TMP_BUF)
            } else {
                ("g1c_stringtoslicebyte", TMP_BUF)
            };
            let buf = self.tmp_buf(size);
            self.call_rt(f, vec![buf, out, p, n], &[]);
            return Val::M(out);
        }
        if let (TypeKind::Pointer(arr), TypeKind::Slice(_)) = (tk, fk) {
            if let TypeKind::Array { len, .. } = self.under(*arr) {
                // Slice to array pointer: panics when the slice is shorter than the array.
                let n = self.iconst(self.int(), *len as i64);
                let (p, l) = (self.load(Ty::Ptr, v.v(), 0), self.load(self.int(), v.v(), self.lw.target.len_offset()));
                let ok = self.cmp(Cond::LeU, n, l);
                let good = self.new_block();
                let bad = self.new_block();
                self.branch(ok, good, bad);
                self.switch_to(bad);
                let code = self.iconst(self.int(), 8);
                let s = self.iconst(Ty::I8, 1);
                // As gc's panicSliceConvert: x is the array length, y the slice length.
                self.call_rt_noreturn("g1c_panic_bounds", vec![code, n, l, s]);
                self.switch_to(good);
                return Val::S(p);
            }
        }
        if self.is_complex(to) || self.is_complex(from) {
            if self.basic(to) == self.basic(from) {
                return v;
            }
            if self.is_complex(to) && self.is_complex(from) {
                return self.complex_convert(v, from, to);
            }
            // A constant converted to a type parameter whose type set holds complex types (`T(0)`, generic
            // code): the constant's value in the instance's type, as a constant conversion gives it.
            let tv = self.tv(x);
            if let (Mode::Constant, Some(c), true) = (tv.mode, tv.value.clone(), self.is_complex(to)) {
                return self.const_val(&c, to);
            }
            return self.fail(pos, "complex conversions", to);
        }
        match (v, self.scalar(to)) {
            (Val::S(r), Some(tty)) => Val::S(self.convert_scalar(r, from, tty, to)),
            _ => v,
        }
    }

    fn string_from(&mut self, p: VReg, n: VReg) -> Val {
        let a = self.temp(TypeId::STRING, "str");
        self.store(a, 0, p);
        self.store(a, self.lw.target.len_offset(), n);
        Val::M(a)
    }

    /// Conversion between scalar types (integers wrap or extend by the source's signedness; floats to
    /// integers truncate toward zero).
    pub fn convert_scalar(&mut self, v: VReg, from: TypeId, tty: Ty, to: TypeId) -> VReg {
        let fty = self.ty(v);
        if fty == tty {
            return v;
        }
        let fsigned = self.is_signed(from);
        match (fty.is_float(), tty.is_float()) {
            (true, true) => {
                let op = if tty == Ty::F64 { ConvOp::FExt } else { ConvOp::FTrunc };
                self.conv(op, tty, v)
            }
            (false, true) => {
                let w = self.to_int(v, fsigned);
                let op = if fsigned || fty != Ty::I64 { ConvOp::SToF } else { ConvOp::UToF };
                self.conv(op, tty, w)
            }
            (true, false) => {
                let unsigned64 = !self.is_signed(to) && tty == Ty::I64;
                let w = self.conv(if unsigned64 { ConvOp::FToU } else { ConvOp::FToS }, Ty::I64, v);
                match tty {
                    Ty::I64 => w,
                    Ty::Ptr => self.conv(ConvOp::Bitcast, Ty::Ptr, w),
                    _ => self.conv(ConvOp::Trunc, tty, w),
                }
            }
            (false, false) => {
                if fty == Ty::Ptr || tty == Ty::Ptr {
                    let w = if fty == Ty::Ptr { v } else { self.to_int(v, fsigned) };
                    let w = if fty == Ty::Ptr { self.conv(ConvOp::Bitcast, Ty::I64, w) } else { w };
                    return match tty {
                        Ty::Ptr => self.conv(ConvOp::Bitcast, Ty::Ptr, w),
                        Ty::I64 => w,
                        _ => self.conv(ConvOp::Trunc, tty, w),
                    };
                }
                if tty.size(self.word()) > fty.size(self.word()) {
                    self.conv(if fsigned { ConvOp::SExt } else { ConvOp::ZExt }, tty, v)
                } else {
                    self.conv(ConvOp::Trunc, tty, v)
                }
            }
        }
    }
}

/// The bits of an integer or boolean constant as a 64-bit word (a value of an unsigned type above
/// `i64::MAX` wraps, as its two's-complement bits do); the low bytes are those of a narrower type.
pub(super) fn const_int(v: &Value) -> i64 {
    match v {
        Value::Bool(b) => *b as i64,
        _ => v.to_i64().or_else(|| v.to_u64().map(|u| u as i64)).or_else(|| v.to_f64().map(|f| f as i64)).unwrap_or(0),
    }
}
