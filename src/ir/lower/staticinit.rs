//! Static initialization of package variables (what gc's `staticinit` does): an initializer that needs no
//! code becomes the variable's initial bytes in the data segment.
//!
//! In: one step of a package's initialization (`var x = e`, a single variable) and what earlier steps of
//! the same package made static. Out: either the variable's contents — bytes plus relocations, and the
//! auxiliary data it points to (backing arrays of slice literals, the variables of `&T{...}`) — which
//! replace its zero-filled `Bss` symbol, or `None`, in which case `<path>.init` computes the value as
//! before.
//!
//! What counts as static: constants (not converted to an interface), `nil`, composite literals of struct,
//! array, slice and pointer type whose elements are static, `&x` of a package variable, top-level
//! functions as values (their static closure `f·f`), and a copy of a variable of the same package that was
//! itself made static, provided no earlier dynamic step could have changed it ([`may_mutate`]). Maps,
//! interface values, calls and everything else stay dynamic.
//!
//! Why the order of initialization is kept: a static value depends on no variable's *run-time* value, only
//! on constants and addresses, which are the same before `init` runs as at the variable's turn in the
//! order; the one exception (a copy) is guarded as said. The garbage collector needs nothing new: it scans
//! the writable segments (`.data` and `.bss`) conservatively, and an auxiliary symbol is writable data too,
//! since the program may change a slice's elements or a pointed-to struct.

use std::collections::HashMap;

use super::Lowerer;
use crate::ir::{Data, DataKind, DataReloc};
use crate::syntax::ast::{ExprId, ExprKind, Ident, UnaryOp};
use crate::types::constant::Value;
use crate::types::sizes;
use crate::types::{BasicKind, Mode, ObjId, ObjKind, TypeId, TypeKind};

/// The largest variable or literal made static: a bigger one (often a sparse literal such as
/// `[]int{1 << 30: 1}`) is built by code rather than stored as mostly zero bytes in the executable.
const MAX_STATIC_SIZE: u64 = 1 << 20;

/// A value under construction: the bytes of one symbol and the addresses stored in it.
struct Image {
    bytes: Vec<u8>,
    relocs: Vec<DataReloc>,
}

/// The state of static initialization within one package's `<path>.init` (`Lowerer::statics`).
pub(super) struct StaticInit {
    /// The variables made static so far, with their contents (for copies `var y = x`).
    done: HashMap<ObjId, (Vec<u8>, Vec<DataReloc>)>,
    /// Set once a dynamic step might have written a package variable: copies are no longer static. Always
    /// set outside a package's initialization.
    mutated: bool,
}

impl StaticInit {
    /// The state outside any package's initialization: nothing to copy from.
    pub fn outside() -> StaticInit {
        StaticInit { done: HashMap::new(), mutated: true }
    }
    /// The state at the start of a package's initialization.
    pub fn start() -> StaticInit {
        StaticInit { done: HashMap::new(), mutated: false }
    }
}

/// gc's threshold (`maplit`): a map literal with more entries than this has its static entries stored as
/// two arrays, inserted by a loop, instead of one insertion's code per entry.
pub(super) const MAP_LIT_LOOP: usize = 25;

impl<'a> Lowerer<'a> {
    /// Tries to give the package variable `obj` the value of `rhs` statically. On success the variable's
    /// symbol holds the value and no code is needed; otherwise nothing changes.
    pub(super) fn try_static_init(&mut self, obj: ObjId, rhs: ExprId) -> bool {
        let mut st = std::mem::replace(&mut self.statics, StaticInit::outside());
        let ok = self.static_init_with(&mut st, obj, rhs);
        self.statics = st;
        ok
    }

    fn static_init_with(&mut self, st: &mut StaticInit, obj: ObjId, rhs: ExprId) -> bool {
        let t = self.prog.obj(obj).typ;
        let size = sizes::size_of(&self.sizes, self.types, t);
        if size > MAX_STATIC_SIZE {
            return false;
        }
        let mut img = Image { bytes: vec![0; size as usize], relocs: Vec::new() };
        let mut aux = Vec::new();
        if !self.static_value(st, &mut img, &mut aux, 0, rhs, t) {
            return false;
        }
        let o = self.prog.obj(obj);
        if o.name == "_" {
            // A blank variable's static value has no effect; it is dropped, as gc drops it.
            return true;
        }
        let name = format!("{}.{}", self.pkg_path(o.pkg), o.name);
        let Some(d) = self.var_data.get(&name).and_then(|&i| self.data.get_mut(i)).filter(|d| d.name == name) else {
            return false;
        };
        img.relocs.sort_by_key(|r| r.offset);
        d.kind = DataKind::Data;
        d.bytes = img.bytes.clone();
        d.relocs = img.relocs.clone();
        st.done.insert(obj, (img.bytes, img.relocs));
        for a in aux {
            self.add_data(a);
        }
        true
    }

    /// Records that the dynamic step with right-hand side `rhs` is emitted next.
    pub(super) fn note_dynamic_step(&mut self, rhs: ExprId) {
        if !self.statics.mutated && self.may_mutate(rhs) {
            self.statics.mutated = true;
        }
    }

    /// The entries `(key, value)` of a map literal of key type `kt` and value type `vt` whose keys and
    /// values are both static, stored as two read-only arrays: `(keys symbol, values symbol, count)`, and
    /// the indices of the other entries. `None` when no entry is static or the arrays would be too big.
    pub(super) fn static_map_entries(
        &mut self,
        pairs: &[(ExprId, ExprId)],
        kt: TypeId,
        vt: TypeId,
    ) -> Option<(String, String, u64, Vec<usize>)> {
        let ks = sizes::size_of(&self.sizes, self.types, kt);
        let vs = sizes::size_of(&self.sizes, self.types, vt);
        if (ks + vs).checked_mul(pairs.len() as u64)? > MAX_STATIC_SIZE {
            return None;
        }
        let mut st = std::mem::replace(&mut self.statics, StaticInit::outside());
        let mut keys = Image { bytes: Vec::new(), relocs: Vec::new() };
        let mut vals = Image { bytes: Vec::new(), relocs: Vec::new() };
        let mut aux = Vec::new();
        let mut dynamic = Vec::new();
        for (i, &(k, v)) in pairs.iter().enumerate() {
            let mut ki = Image { bytes: vec![0; ks as usize], relocs: Vec::new() };
            let mut vi = Image { bytes: vec![0; vs as usize], relocs: Vec::new() };
            let mut a = Vec::new();
            if self.static_value(&mut st, &mut ki, &mut a, 0, k, kt)
                && self.static_value(&mut st, &mut vi, &mut a, 0, v, vt)
            {
                append(&mut keys, ki);
                append(&mut vals, vi);
                aux.append(&mut a);
            } else {
                dynamic.push(i);
            }
        }
        self.statics = st;
        let n = (pairs.len() - dynamic.len()) as u64;
        if n == 0 {
            return None;
        }
        for a in aux {
            self.add_data(a);
        }
        let ksym = self.static_array(keys, kt);
        let vsym = self.static_array(vals, vt);
        Some((ksym, vsym, n, dynamic))
    }

    /// A new read-only symbol holding `img`, an array of elements of type `t`.
    fn static_array(&mut self, mut img: Image, t: TypeId) -> String {
        img.relocs.sort_by_key(|r| r.offset);
        let name = self.new_stmp();
        let align = sizes::align_of(&self.sizes, self.types, t).max(1) as u32;
        let size = img.bytes.len() as u64;
        self.add_data(Data {
            name: name.clone(),
            kind: DataKind::ReadOnly,
            align,
            size,
            bytes: img.bytes,
            relocs: img.relocs,
        });
        name
    }

    /// A fresh name for an auxiliary symbol of the current package (`<path>..stmp_N`, as gc names them).
    fn new_stmp(&mut self) -> String {
        self.stmps += 1;
        format!("{}..stmp_{}", self.pkg, self.stmps - 1)
    }

    /// Writes the value of `e`, converted to type `t`, into `img` at `off` (which is zero there). Returns
    /// false when the value is not static.
    fn static_value(
        &mut self,
        st: &mut StaticInit,
        img: &mut Image,
        aux: &mut Vec<Data>,
        off: u64,
        e: ExprId,
        t: TypeId,
    ) -> bool {
        let e = self.ast.unparen(e);
        let Some(tv) = self.prog.info.types.get(&e) else { return false };
        if matches!(self.types.under(t), TypeKind::Interface { .. }) {
            // Boxing needs a type word and a data word; left to code.
            return false;
        }
        if tv.mode == Mode::Constant {
            return match &tv.value {
                Some(v) => self.static_const(img, off, v, t),
                None => false,
            };
        }
        let ast = self.ast;
        match &ast.expr(e).kind {
            ExprKind::Ident(id) => self.static_ident(st, img, off, id, t),
            ExprKind::Selector { sel, .. } if self.is_qualified(e) => self.static_ident(st, img, off, sel, t),
            ExprKind::Unary { op: UnaryOp::Addr, x } => {
                let x = ast.unparen(*x);
                match &ast.expr(x).kind {
                    ExprKind::CompositeLit { .. } => self.static_composite(st, img, aux, off, x, t),
                    ExprKind::Ident(id) => self.static_var_addr(img, off, id),
                    ExprKind::Selector { sel, .. } if self.is_qualified(x) => self.static_var_addr(img, off, sel),
                    _ => false,
                }
            }
            ExprKind::CompositeLit { .. } => self.static_composite(st, img, aux, off, e, t),
            _ => false,
        }
    }

    /// An identifier (possibly qualified, `pkg.Name`) as a value of type `t`: `nil`, a top-level function,
    /// or a variable whose static value may be copied.
    fn static_ident(&mut self, st: &mut StaticInit, img: &mut Image, off: u64, id: &Ident, t: TypeId) -> bool {
        let Some(&o) = self.prog.info.uses.get(&id.pos) else { return false };
        match &self.prog.obj(o).kind {
            ObjKind::Nil => true,
            ObjKind::Func { recv: None, .. } => match self.func_sym(id.pos, None) {
                Some(fsym) => {
                    let sym = self.static_closure(&fsym);
                    img.relocs.push(DataReloc::addr(off as u32, sym, 0));
                    true
                }
                None => false,
            },
            ObjKind::Var(_) if !st.mutated => match st.done.get(&o) {
                Some((bytes, relocs)) if bytes.len() as u64 == sizes::size_of(&self.sizes, self.types, t) => {
                    img.bytes[off as usize..off as usize + bytes.len()].copy_from_slice(bytes);
                    for r in relocs {
                        img.relocs.push(DataReloc { offset: r.offset + off as u32, ..r.clone() });
                    }
                    true
                }
                _ => false,
            },
            _ => false,
        }
    }

    /// `&x` for a package variable `x`: its symbol's address.
    fn static_var_addr(&mut self, img: &mut Image, off: u64, id: &Ident) -> bool {
        let Some(o) = self.prog.info.uses.get(&id.pos).map(|&o| self.prog.obj(o)) else { return false };
        if !matches!(&o.kind, ObjKind::Var(v) if v.global || o.package_level) {
            return false;
        }
        let sym = format!("{}.{}", self.pkg_path(o.pkg), o.name);
        img.relocs.push(DataReloc::addr(off as u32, sym, 0));
        true
    }

    /// Whether selector `e` is a qualified identifier `pkg.Name` (its operand names an imported package).
    fn is_qualified(&self, e: ExprId) -> bool {
        let ExprKind::Selector { x, .. } = &self.ast.expr(e).kind else { return false };
        let ExprKind::Ident(pkg) = &self.ast.expr(*x).kind else { return false };
        self.prog.info.uses.get(&pkg.pos).is_some_and(|&o| matches!(self.prog.obj(o).kind, ObjKind::PkgName(_)))
    }

    /// A composite literal `e` of type `t` (or `*T` for `&T{...}`, written or elided).
    fn static_composite(
        &mut self,
        st: &mut StaticInit,
        img: &mut Image,
        aux: &mut Vec<Data>,
        off: u64,
        e: ExprId,
        t: TypeId,
    ) -> bool {
        let ExprKind::CompositeLit { elts, .. } = &self.ast.expr(e).kind else { return false };
        match self.types.under(t) {
            TypeKind::Pointer(elem) => {
                // The literal's own variable is a symbol of its own; `t` holds its address.
                let elem = *elem;
                let Some(sym) = self.static_aux(st, aux, e, elem, None) else { return false };
                img.relocs.push(DataReloc::addr(off as u32, sym, 0));
                true
            }
            TypeKind::Slice(elem) => {
                let elem = *elem;
                let n = self.literal_elems(elts).map_or(0, |es| es.iter().map(|&(i, _)| i + 1).max().unwrap_or(0));
                // Even `[]T{}` gets its (empty) array: a slice literal is never nil, unlike the zero slice.
                let Some(sym) = self.static_aux(st, aux, e, elem, Some(n)) else { return false };
                img.relocs.push(DataReloc::addr(off as u32, sym, 0));
                let (o, w) = (off as usize, self.target.ptr_size as usize);
                img.bytes[o + w..o + 2 * w].copy_from_slice(&n.to_le_bytes()[..w]);
                img.bytes[o + 2 * w..o + 3 * w].copy_from_slice(&n.to_le_bytes()[..w]);
                true
            }
            TypeKind::Array { elem, .. } => {
                let elem = *elem;
                let es = sizes::size_of(&self.sizes, self.types, elem);
                let Some(items) = self.literal_elems(elts) else { return false };
                items.into_iter().all(|(i, v)| self.static_value(st, img, aux, off + i * es, v, elem))
            }
            TypeKind::Struct { fields } => {
                let offs = sizes::field_offsets(&self.sizes, self.types, t);
                for (i, &el) in elts.iter().enumerate() {
                    let (fi, v) = match &self.ast.expr(el).kind {
                        ExprKind::KeyValue { key, value, .. } => match &self.ast.expr(*key).kind {
                            ExprKind::Ident(id) => match fields.iter().position(|f| f.name == id.name) {
                                Some(fi) => (fi, *value),
                                None => return false,
                            },
                            _ => return false,
                        },
                        _ => (i, el),
                    };
                    let Some(f) = fields.get(fi) else { return false };
                    // A blank field stays zero; its value must still need no code to be evaluated.
                    let mut scratch;
                    let (dst, at) = if f.name == "_" {
                        let size = sizes::size_of(&self.sizes, self.types, f.typ);
                        scratch = Image { bytes: vec![0; size as usize], relocs: Vec::new() };
                        (&mut scratch, 0)
                    } else {
                        (&mut *img, off + offs[fi])
                    };
                    if !self.static_value(st, dst, aux, at, v, f.typ) {
                        return false;
                    }
                }
                true
            }
            _ => false,
        }
    }

    /// A new auxiliary symbol holding literal `e` as a value of type `t`, or as the backing array of `n`
    /// elements of type `t` when `n` is given; its name.
    fn static_aux(
        &mut self,
        st: &mut StaticInit,
        aux: &mut Vec<Data>,
        e: ExprId,
        t: TypeId,
        n: Option<u64>,
    ) -> Option<String> {
        let es = sizes::size_of(&self.sizes, self.types, t);
        let size = es.checked_mul(n.unwrap_or(1)).filter(|&s| s <= MAX_STATIC_SIZE)?;
        let mut img = Image { bytes: vec![0; size as usize], relocs: Vec::new() };
        let ok = match n {
            Some(_) => {
                let ExprKind::CompositeLit { elts, .. } = &self.ast.expr(e).kind else { return None };
                let items = self.literal_elems(elts)?;
                items.into_iter().all(|(i, v)| self.static_value(st, &mut img, aux, i * es, v, t))
            }
            None => self.static_composite(st, &mut img, aux, 0, e, t),
        };
        if !ok {
            return None;
        }
        img.relocs.sort_by_key(|r| r.offset);
        let name = self.new_stmp();
        let align = sizes::align_of(&self.sizes, self.types, t).max(1) as u32;
        let kind = if size == 0 { DataKind::Bss } else { DataKind::Data };
        let bytes = if size == 0 { Vec::new() } else { img.bytes };
        aux.push(Data { name: name.clone(), kind, align, size, bytes, relocs: img.relocs });
        Some(name)
    }

    /// The elements of an array or slice literal with their indices (Go spec "Composite literals": a key
    /// sets the index, later elements follow it); `None` if a key is not a constant.
    fn literal_elems(&self, elts: &[ExprId]) -> Option<Vec<(u64, ExprId)>> {
        let mut out = Vec::with_capacity(elts.len());
        let mut i = 0u64;
        for &el in elts {
            let v = match &self.ast.expr(el).kind {
                ExprKind::KeyValue { key, value, .. } => {
                    i = self.prog.info.types.get(key)?.value.as_ref()?.to_u64()?;
                    *value
                }
                _ => el,
            };
            out.push((i, v));
            i += 1;
        }
        Some(out)
    }

    /// Writes constant `v` as a value of type `t` at `off`.
    fn static_const(&mut self, img: &mut Image, off: u64, v: &Value, t: TypeId) -> bool {
        let TypeKind::Basic(b) = self.types.under(t) else { return false };
        let o = off as usize;
        let put = |img: &mut Image, bytes: &[u8]| img.bytes[o..o + bytes.len()].copy_from_slice(bytes);
        match b {
            BasicKind::Bool | BasicKind::UntypedBool => put(img, &[matches!(v, Value::Bool(true)) as u8]),
            BasicKind::Float32 => put(img, &(v.to_f64().unwrap_or(0.0) as f32).to_le_bytes()),
            BasicKind::Float64 | BasicKind::UntypedFloat => put(img, &v.to_f64().unwrap_or(0.0).to_le_bytes()),
            BasicKind::Complex64 => {
                let (re, im) = v.to_complex().unwrap_or((0.0, 0.0));
                put(img, &(re as f32).to_le_bytes());
                img.bytes[o + 4..o + 8].copy_from_slice(&(im as f32).to_le_bytes());
            }
            BasicKind::Complex128 | BasicKind::UntypedComplex => {
                let (re, im) = v.to_complex().unwrap_or((0.0, 0.0));
                put(img, &re.to_le_bytes());
                img.bytes[o + 8..o + 16].copy_from_slice(&im.to_le_bytes());
            }
            BasicKind::String | BasicKind::UntypedString => {
                let s = v.as_bytes().unwrap_or(&[]);
                if !s.is_empty() {
                    let sym = self.string_sym(s);
                    img.relocs.push(DataReloc::addr(off as u32, sym, 0));
                    let w = self.target.ptr_size as usize;
                    img.bytes[o + w..o + 2 * w].copy_from_slice(&(s.len() as u64).to_le_bytes()[..w]);
                }
            }
            BasicKind::UnsafePointer | BasicKind::UntypedNil | BasicKind::Invalid => return false,
            _ => {
                let size = sizes::size_of(&self.sizes, self.types, t) as usize;
                put(img, &super::expr::const_int(v).to_le_bytes()[..size]);
            }
        }
        true
    }

    /// Whether evaluating `e` might write a package variable (or let another goroutine run): it calls a
    /// function other than a conversion, or receives from a channel. Function literals are not run by
    /// being evaluated.
    fn may_mutate(&self, e: ExprId) -> bool {
        let ast = self.ast;
        let any = |es: &[ExprId]| es.iter().any(|&x| self.may_mutate(x));
        match &ast.expr(e).kind {
            ExprKind::Call { fun, args, .. } => {
                let conversion = self.prog.info.types.get(fun).is_some_and(|tv| tv.mode == Mode::TypeExpr);
                !conversion || any(args)
            }
            ExprKind::Unary { op: UnaryOp::Recv, .. } => true,
            ExprKind::Unary { x, .. } | ExprKind::Paren(x) | ExprKind::Star(x) => self.may_mutate(*x),
            ExprKind::Selector { x, .. } | ExprKind::TypeAssert { x, .. } => self.may_mutate(*x),
            ExprKind::Binary { x, y, .. } => self.may_mutate(*x) || self.may_mutate(*y),
            ExprKind::KeyValue { key, value, .. } => self.may_mutate(*key) || self.may_mutate(*value),
            ExprKind::CompositeLit { elts, .. } => any(elts),
            ExprKind::Index { x, indices, .. } => self.may_mutate(*x) || any(indices),
            ExprKind::Slice { x, lo, hi, max, .. } => {
                self.may_mutate(*x) || [lo, hi, max].iter().any(|p| p.is_some_and(|p| self.may_mutate(p)))
            }
            ExprKind::Bad
            | ExprKind::Ident(_)
            | ExprKind::BasicLit { .. }
            | ExprKind::FuncLit { .. }
            | ExprKind::ArrayType { .. }
            | ExprKind::SliceType { .. }
            | ExprKind::StructType { .. }
            | ExprKind::FuncType(_)
            | ExprKind::InterfaceType { .. }
            | ExprKind::MapType { .. }
            | ExprKind::ChanType { .. }
            | ExprKind::Ellipsis { .. } => false,
        }
    }
}

/// Appends value `v` to array `a`.
fn append(a: &mut Image, v: Image) {
    let base = a.bytes.len() as u32;
    a.bytes.extend_from_slice(&v.bytes);
    a.relocs.extend(v.relocs.into_iter().map(|r| DataReloc { offset: r.offset + base, ..r }));
}
