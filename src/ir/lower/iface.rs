//! Interfaces: conversions to interface types, type assertions and switches, method calls through itabs,
//! method values and expressions, interface comparison and printing, `panic(v)`; and the functions the
//! type descriptors need (method wrappers, the ABI0 bodies of `equal` and `hasher`).
//!
//! In: expressions and statements whose types involve interfaces (dispatched here from `expr.rs`,
//! `call.rs`, `stmt.rs`). Out: IR over gc's representations: an empty interface is `{*_type, data}`, a
//! non-empty one `{*itab, data}`; `data` is the value itself when its type is pointer-shaped
//! (`kindDirectIface`), else a pointer to a heap copy (`g1c_alloc`). Run-time work is in `rt/src/iface.rs`
//! (docs/RUNTIME-ABI.md "Interfaces").
//!
//! Invariants: a type assertion compares dynamic type descriptors (`_type` pointers, unique per type in a
//! program, see `typedesc.rs`), never itab pointers (itabs built at run time differ from static ones).

use super::func::{Fb, Val};
use super::typedesc::Wrapper;
use crate::ir::{BinOp, Callee, Cond, Data, DataKind, DataReloc, Op, Ty, VReg};
use crate::syntax::ast::{BinaryOp, CaseClause, ExprId, ExprKind, StmtId, StmtKind};
use crate::syntax::pos::Pos;
use crate::types::{Mode, ObjId, SelectionKind, Signature, TypeId, TypeKind};

/// The ABI0 body behind every type's `equal` func value (closure context: `{code, *_type}`).
pub const EQUAL_ABI0: &str = "runtime.typeequal·abi0";
/// The ABI0 body behind every map type's `hasher` func value.
pub const HASH_ABI0: &str = "runtime.typehash·abi0";

/// A method-value wrapper `T.M-fm`: its closure holds the receiver after the code word.
#[derive(Clone, Debug)]
pub struct FmWrapper {
    pub sym: String,
    /// The receiver's type as stored in the closure (`T`, `*T`, or an interface type).
    pub recv_t: TypeId,
    /// The method to call: a symbol, or the index of an interface method.
    pub target: FmTarget,
    pub sig: Signature,
}

#[derive(Clone, Debug)]
pub enum FmTarget {
    Direct(String),
    Iface(u32),
    /// An interface method expression `I.M`: the receiver is the first parameter (`sig` includes it).
    IfaceExpr(u32),
}

impl<'a, 'b> Fb<'a, 'b> {
    pub fn is_iface(&self, t: TypeId) -> bool {
        matches!(self.under(t), TypeKind::Interface { .. })
    }

    pub fn is_empty_iface(&self, t: TypeId) -> bool {
        self.is_iface(t) && self.lw.iface_methods(t).is_empty()
    }

    /// `e` assigned to interface type `to` (from a concrete type, another interface type, or `nil`).
    pub fn expr_to_iface(&mut self, e: ExprId, to: TypeId) -> Val {
        let tv = self.tv(e);
        if tv.typ == TypeId::UNTYPED_NIL || self.is_nil(e) {
            return self.zero_val(to);
        }
        let from = self.default_type(tv.typ);
        if let (Mode::Constant, Some(c)) = (&tv.mode, &tv.value) {
            if let Some(data) = self.const_box(c, from) {
                // Recorded for the linker like any conversion (the type's methods may be called through it).
                let sym = if self.is_empty_iface(to) { self.note_iface_conv(from) } else { self.lw.itab_sym(to, from) };
                let out = self.temp(to, "iface");
                let w0 = self.sym_addr(&sym);
                self.store(out, 0, w0);
                self.store(out, self.lw.target.data_offset(), data);
                return Val::M(out);
            }
        }
        let v = match (&tv.mode, &tv.value) {
            (Mode::Constant, Some(c)) => {
                self.set_pos(self.ast.expr(e).pos);
                self.const_val(c, from)
            }
            _ => self.expr(e),
        };
        self.convert_to_iface(v, from, to)
    }

    /// Converts value `v` of type `from` to interface type `to`.
    pub fn convert_to_iface(&mut self, v: Val, from: TypeId, to: TypeId) -> Val {
        let out = self.temp(to, "iface");
        if self.is_iface(from) {
            let tab = self.load(Ty::Ptr, v.v(), 0);
            let data = self.load(Ty::Ptr, v.v(), self.lw.target.data_offset());
            let w0 = if self.is_empty_iface(to) {
                if self.is_empty_iface(from) {
                    tab
                } else {
                    self.itab_type(tab)
                }
            } else {
                let typ = if self.is_empty_iface(from) { tab } else { self.itab_type(tab) };
                let isym = self.lw.type_sym(to);
                let ia = self.sym_addr(&isym);
                self.call_rt("g1c_convI2I", vec![ia, typ], &[Ty::Ptr])[0]
            };
            self.store(out, 0, w0);
            self.store(out, self.lw.target.data_offset(), data);
            return Val::M(out);
        }
        let sym = if self.is_empty_iface(to) { self.note_iface_conv(from) } else { self.lw.itab_sym(to, from) };
        let w0 = self.sym_addr(&sym);
        let data = self.box_value(v, from);
        self.store(out, 0, w0);
        self.store(out, self.lw.target.data_offset(), data);
        Val::M(out)
    }

    /// The data word of an interface holding constant `c` of type `t`: the address of a read-only copy of
    /// its bytes, as gc boxes constants without allocating (an interface's value is never written through
    /// its data word). `None` for values kept in the data word itself and for complex numbers.
    fn const_box(&mut self, c: &crate::types::Value, t: TypeId) -> Option<VReg> {
        use crate::ir::{Data, DataKind, DataReloc};
        if self.lw.is_direct_iface(t) {
            return None;
        }
        let (name, bytes, relocs) = if self.is_string(t) {
            let s = c.as_bytes().unwrap_or(&[]).to_vec();
            let ptr = self.word() as usize;
            let mut bytes = vec![0u8; 2 * ptr];
            bytes[ptr..].copy_from_slice(&(s.len() as u64).to_le_bytes()[..ptr]);
            let relocs = if s.is_empty() { vec![] } else { vec![DataReloc::addr(0, self.lw.string_sym(&s), 0)] };
            (format!("go.constbox.string.{}", super::quote(&s)), bytes, relocs)
        } else {
            let ty = self.scalar(t)?;
            let size = ty.size(self.word()) as usize;
            let word: u64 = match self.const_val(c, t) {
                Val::S(r) => match self.consts.get(&r) {
                    Some(&n) => n as u64,
                    None if ty.is_float() => {
                        let f = c.to_f64()?;
                        if ty == Ty::F32 {
                            (f as f32).to_bits() as u64
                        } else {
                            f.to_bits()
                        }
                    }
                    None => return None,
                },
                Val::M(_) => return None,
            };
            let bytes = word.to_le_bytes()[..size].to_vec();
            let hex: String = bytes.iter().map(|b| format!("{b:02x}")).collect();
            (format!("go.constbox.{hex}"), bytes, vec![])
        };
        self.lw.add_data(Data {
            name: name.clone(),
            kind: DataKind::ReadOnly,
            align: self.lw.target.ptr_size as u32,
            size: bytes.len() as u64,
            bytes,
            relocs,
        });
        Some(self.sym_addr(&name))
    }

    /// The data word of an interface holding `v` of concrete type `t`.
    fn box_value(&mut self, v: Val, t: TypeId) -> VReg {
        if self.lw.is_direct_iface(t) {
            return match v {
                Val::S(r) => r,
                Val::M(a) => self.load(Ty::Ptr, a, 0),
            };
        }
        if let Val::S(r) = v {
            if let Some(p) = self.box_small_int(r, t) {
                return p;
            }
        }
        let p = self.new_object(t);
        self.note_alloc(p, crate::syntax::pos::Pos::NONE, crate::ir::SiteKind::Quiet);
        self.store_val(p, 0, v, t);
        p
    }

    /// The data word for integer `r` of type `t` (a pointer-free scalar, not a float) when it is below 256:
    /// the address of its value in a read-only table of the words 0..255, as gc's `convT16`/`convT32`/
    /// `convT64` point into `runtime.staticuint64s` instead of allocating (a value of one byte always
    /// does). Larger values get a heap copy. `None` for other types.
    fn box_small_int(&mut self, r: VReg, t: TypeId) -> Option<VReg> {
        use crate::ir::{ConvOp, Data, DataKind};
        let ty = self.scalar(t)?;
        if ty.is_float() || ty == Ty::Ptr || self.has_pointers(t) {
            return None;
        }
        const TABLE: &str = "go.staticuint64s";
        let bytes: Vec<u8> = (0u64..256).flat_map(|i| i.to_le_bytes()).collect();
        self.lw.add_data(Data {
            name: TABLE.into(),
            kind: DataKind::ReadOnly,
            align: 8,
            size: 2048,
            bytes,
            relocs: vec![],
        });
        let table = self.sym_addr(TABLE);
        let wide = if ty == Ty::I64 { r } else { self.conv(ConvOp::ZExt, Ty::I64, r) };
        let eight = self.iconst(Ty::I64, 8);
        let off = self.binary(BinOp::Mul, wide, eight);
        let off = self.conv(ConvOp::Bitcast, Ty::Ptr, off);
        let in_table = self.binary(BinOp::Add, table, off);
        if ty == Ty::I8 {
            return Some(in_table);
        }
        let p = self.vreg(Ty::Ptr);
        self.emit(Op::Copy { dst: p, src: in_table });
        let limit = self.iconst(Ty::I64, 256);
        let small = self.cmp(Cond::LtU, wide, limit);
        let (heap, end) = (self.new_block(), self.new_block());
        self.branch(small, end, heap);
        self.switch_to(heap);
        let h = self.new_object(t);
        self.note_alloc(h, crate::syntax::pos::Pos::NONE, crate::ir::SiteKind::Quiet);
        self.store(h, 0, r);
        self.emit(Op::Copy { dst: p, src: h });
        self.jump(end);
        self.switch_to(end);
        Some(p)
    }

    /// `tab == nil ? nil : tab._type`.
    pub fn itab_type(&mut self, tab: VReg) -> VReg {
        let r = self.vreg(Ty::Ptr);
        self.emit(Op::Copy { dst: r, src: tab });
        let zero = self.iconst(Ty::Ptr, 0);
        let nz = self.cmp(Cond::Ne, tab, zero);
        let load = self.new_block();
        let end = self.new_block();
        self.branch(nz, load, end);
        self.switch_to(load);
        // An itab's second word is its concrete type (runtime's `itab._type`).
        let t = self.load(Ty::Ptr, tab, self.lw.target.word(1));
        self.emit(Op::Copy { dst: r, src: t });
        self.jump(end);
        self.switch_to(end);
        r
    }

    /// The dynamic type descriptor of interface value `v` of type `t` (nil for a nil interface).
    fn dyn_type(&mut self, v: VReg, t: TypeId) -> VReg {
        let w0 = self.load(Ty::Ptr, v, 0);
        if self.is_empty_iface(t) {
            w0
        } else {
            self.itab_type(w0)
        }
    }

    /// The value of concrete type `t` held in an interface whose data word is `data`, in a fresh temporary.
    fn unbox(&mut self, data: VReg, t: TypeId) -> Val {
        if self.lw.is_direct_iface(t) {
            return match self.scalar(t) {
                Some(_) => Val::S(self.copy(data)),
                None => {
                    let a = self.temp(t, "unbox");
                    self.store(a, 0, data);
                    Val::M(a)
                }
            };
        }
        let v = self.load_val(data, 0, t);
        self.to_temp(v, t)
    }

    // ---- Type assertions ----

    /// `x.(T)`; with `comma_ok`, also the success flag (else a failure panics as gc's `panicdottype`).
    pub fn type_assert(&mut self, x: ExprId, t: TypeId, comma_ok: bool, pos: Pos) -> (Val, Option<VReg>) {
        let xt = self.type_of(x);
        let xv = self.expr(x);
        let xv = self.to_temp(xv, xt);
        self.set_pos(pos);
        let data = self.load(Ty::Ptr, xv.v(), self.lw.target.data_offset());
        let typ = self.dyn_type(xv.v(), xt);
        let xsym = self.lw.type_sym(xt);
        if self.is_iface(t) {
            let out = self.temp(t, "assert");
            let zero = self.iconst(Ty::Ptr, 0);
            let w0 = if self.is_empty_iface(t) {
                if !comma_ok {
                    let ok = self.cmp(Cond::Ne, typ, zero);
                    let tsym = self.lw.type_sym(t);
                    let want = self.sym_addr(&tsym);
                    let xa = self.sym_addr(&xsym);
                    self.check(ok, "g1c_panicdottype", vec![typ, want, xa]);
                }
                typ
            } else {
                let tsym = self.lw.type_sym(t);
                let want = self.sym_addr(&tsym);
                if comma_ok {
                    self.call_rt("g1c_assertE2I2", vec![want, typ], &[Ty::Ptr])[0]
                } else {
                    let xa = self.sym_addr(&xsym);
                    self.call_rt("g1c_assertE2I", vec![want, typ, xa], &[Ty::Ptr])[0]
                }
            };
            let ok = self.cmp(Cond::Ne, w0, zero);
            // A failed comma-ok assertion gives the zero value.
            let d = self.vreg(Ty::Ptr);
            self.emit(Op::Copy { dst: d, src: zero });
            let yes = self.new_block();
            let end = self.new_block();
            self.branch(ok, yes, end);
            self.switch_to(yes);
            self.emit(Op::Copy { dst: d, src: data });
            self.jump(end);
            self.switch_to(end);
            self.store(out, 0, w0);
            self.store(out, self.lw.target.data_offset(), d);
            return (Val::M(out), comma_ok.then_some(ok));
        }
        let tsym = self.lw.type_sym(t);
        let want = self.sym_addr(&tsym);
        let ok = self.cmp(Cond::Eq, typ, want);
        if !comma_ok {
            let xa = self.sym_addr(&xsym);
            self.check(ok, "g1c_panicdottype", vec![typ, want, xa]);
            return (self.unbox(data, t), None);
        }
        let out = self.temp(t, "assert");
        let size = self.size(t);
        self.memzero(out, size);
        let yes = self.new_block();
        let end = self.new_block();
        self.branch(ok, yes, end);
        self.switch_to(yes);
        let v = self.unbox(data, t);
        self.store_val(out, 0, v, t);
        self.jump(end);
        self.switch_to(end);
        (self.load_val(out, 0, t), Some(ok))
    }

    /// The values of a comma-ok expression `e` used in a two-value assignment, or `None` when `e` is not one
    /// that this module handles.
    pub fn comma_ok_values(&mut self, e: ExprId) -> Option<Vec<Val>> {
        let ast = self.ast;
        let e = ast.unparen(e);
        let pos = ast.expr(e).pos;
        match &ast.expr(e).kind {
            ExprKind::TypeAssert { x, typ: Some(_) } => {
                let t = self.comma_ok_types(e)?[0];
                let (v, ok) = self.type_assert(*x, t, true, pos);
                Some(vec![v, Val::S(ok.unwrap())])
            }
            ExprKind::Index { x, indices, .. } if matches!(self.under(self.type_of(*x)), TypeKind::Map { .. }) => {
                let (v, ok) = self.map_index(*x, indices[0], true, pos);
                Some(vec![v, Val::S(ok.unwrap())])
            }
            _ => None,
        }
    }

    /// Multiple values assigned to targets of the given types: those going to a variable of interface type
    /// are converted to it.
    pub fn to_iface_targets(&mut self, vals: Vec<(Val, TypeId)>, types: &[Option<TypeId>]) -> Vec<(Val, TypeId)> {
        let mut out = Vec::new();
        for (i, (v, t)) in vals.into_iter().enumerate() {
            match types.get(i).copied().flatten() {
                Some(w) if w != t && self.is_iface(w) => {
                    let c = self.convert_to_iface(v, t, w);
                    out.push((c, w));
                }
                _ => out.push((v, t)),
            }
        }
        out
    }

    /// The types `(T, bool)` of comma-ok expression `e`.
    pub fn comma_ok_types(&self, e: ExprId) -> Option<Vec<TypeId>> {
        let tv = self.tv(self.ast.unparen(e));
        match self.types.kind(tv.typ) {
            TypeKind::Tuple(ts) => Some(ts.clone()),
            _ => Some(vec![tv.typ, TypeId::BOOL]),
        }
    }

    // ---- Type switches ----

    /// `switch [init;] [v :=] x.(type) { case T1, T2: ... }`.
    pub fn type_switch(&mut self, init: Option<StmtId>, assign: StmtId, body: &[CaseClause], label: Option<String>) {
        let ast = self.ast;
        let prog = self.prog;
        if let Some(i) = init {
            self.stmt(i);
        }
        let x = match &ast.stmt(assign).kind {
            StmtKind::Expr(e) => *e,
            StmtKind::Assign { rhs, .. } => rhs[0],
            _ => return self.unsupported(ast.stmt(assign).pos, "internal: type switch guard"),
        };
        let ExprKind::TypeAssert { x, .. } = &ast.expr(ast.unparen(x)).kind else {
            return self.unsupported(ast.stmt(assign).pos, "internal: type switch guard");
        };
        let x = *x;
        let xt = self.type_of(x);
        let xv = self.expr(x);
        let xv = self.to_temp(xv, xt);
        let typ = self.dyn_type(xv.v(), xt);
        let data = self.load(Ty::Ptr, xv.v(), self.lw.target.data_offset());
        let end = self.new_block();
        self.targets.push(super::func::Target { label, brk: end, cont: None });
        let mut default: Option<(usize, crate::ir::BlockId)> = None;
        let mut bodies = Vec::new();
        for (ci, cc) in body.iter().enumerate() {
            let bb = self.new_block();
            bodies.push(bb);
            let Some(list) = &cc.list else {
                default = Some((ci, bb));
                continue;
            };
            for &te in list {
                let next = self.new_block();
                let ok = if self.is_nil(te) {
                    let zero = self.iconst(Ty::Ptr, 0);
                    self.cmp(Cond::Eq, typ, zero)
                } else {
                    let t = self.type_of(te);
                    if self.is_iface(t) {
                        if self.is_empty_iface(t) {
                            let zero = self.iconst(Ty::Ptr, 0);
                            self.cmp(Cond::Ne, typ, zero)
                        } else {
                            let tsym = self.lw.type_sym(t);
                            let want = self.sym_addr(&tsym);
                            let tab = self.call_rt("g1c_assertE2I2", vec![want, typ], &[Ty::Ptr])[0];
                            let zero = self.iconst(Ty::Ptr, 0);
                            self.cmp(Cond::Ne, tab, zero)
                        }
                    } else {
                        let tsym = self.lw.type_sym(t);
                        let want = self.sym_addr(&tsym);
                        self.cmp(Cond::Eq, typ, want)
                    }
                };
                self.branch(ok, bb, next);
                self.switch_to(next);
            }
        }
        match default {
            Some((_, bb)) => self.jump(bb),
            None => self.jump(end),
        }
        for (ci, cc) in body.iter().enumerate() {
            self.switch_to(bodies[ci]);
            self.set_pos(cc.pos);
            if let Some(&obj) = prog.info.implicits.get(&cc.pos) {
                let vt = self.obj_type(obj);
                let v = if self.is_iface(vt) {
                    if vt == xt {
                        xv
                    } else {
                        // One interface type in the case: assert to it (cannot fail here).
                        let out = self.temp(vt, "case");
                        let w0 = if self.is_empty_iface(vt) {
                            typ
                        } else {
                            let tsym = self.lw.type_sym(vt);
                            let want = self.sym_addr(&tsym);
                            self.call_rt("g1c_assertE2I2", vec![want, typ], &[Ty::Ptr])[0]
                        };
                        self.store(out, 0, w0);
                        self.store(out, self.lw.target.data_offset(), data);
                        Val::M(out)
                    }
                } else {
                    self.unbox(data, vt)
                };
                let lv = self.declare_local(obj, false);
                self.assign(lv, v, vt);
            }
            self.lower_block_stmts(&cc.body);
            self.jump(end);
        }
        self.targets.pop();
        self.switch_to(end);
    }

    // ---- Method calls, values and expressions ----

    /// The `(itab, data)` words of the interface reached from `x` through the embedded fields `path`.
    fn iface_operand(&mut self, x: ExprId, path: &[u32]) -> (VReg, VReg, TypeId) {
        let xt = self.type_of(x);
        let xv = self.expr(x);
        let (addr, t) = if path.is_empty() {
            (xv.v(), xt)
        } else {
            let t = match self.under(xt) {
                TypeKind::Pointer(p) => *p,
                _ => xt,
            };
            self.walk_fields(xv.v(), t, path)
        };
        let tab = self.load(Ty::Ptr, addr, 0);
        let data = self.load(Ty::Ptr, addr, self.lw.target.data_offset());
        (tab, data, t)
    }

    /// Index in interface `t`'s itab of method `obj`: found by name, and for an unexported name also by
    /// package (an interface may hold both `p.m` and `q.m`, Go spec "Uniqueness of identifiers").
    fn iface_method_index(&self, t: TypeId, obj: ObjId) -> u32 {
        let o = self.prog.obj(obj);
        let exported = o.name.chars().next().is_some_and(|c| c.is_uppercase());
        let ms = self.lw.iface_methods(t);
        ms.iter().position(|m| m.0 == o.name && (exported || m.1 == o.pkg)).unwrap_or(0) as u32
    }

    /// The descriptor of concrete type `t`, for a conversion of a `t` value to an empty interface; the
    /// conversion is recorded for the linker (values of `t` may then reach interface method calls and
    /// reflection; `link/methods.rs`). A conversion to a non-empty interface uses an itab instead, which
    /// tells the linker the same.
    pub fn note_iface_conv(&mut self, t: TypeId) -> String {
        let tsym = self.lw.type_sym(t);
        let caller = self.f.name.clone();
        self.lw.iface_convs.push((caller, tsym.clone()));
        tsym
    }

    /// The address of slot `fun[idx]` of itab `tab` of interface type `iface`, for a call through it; the
    /// call is recorded for the linker, which keeps the methods such calls may reach (`link/methods.rs`).
    pub fn itab_fun_slot(&mut self, tab: VReg, iface: TypeId, idx: u32) -> VReg {
        let caller = self.f.name.clone();
        self.lw.note_iface_call(caller, iface, idx);
        let t = self.lw.target;
        self.add_off(tab, t.itab_fun_offset() + t.word(idx as u64))
    }

    /// The callee and arguments of `x.M(args)` where `M` is a method of an interface (possibly reached
    /// through embedded fields): the itab's `fun[i]` slot, called as a closure, with the data word first.
    pub fn prepare_iface_call(
        &mut self,
        x: ExprId,
        obj: ObjId,
        path: &[u32],
        sig: &Signature,
        args: &[ExprId],
        spread: bool,
    ) -> Option<(Callee, Vec<(Val, TypeId)>, Vec<TypeId>)> {
        let (tab, data, it) = self.iface_operand(x, path);
        // A nil interface panics here, before the arguments (and before a `defer` records the call).
        self.nil_check(tab);
        let idx = self.iface_method_index(it, obj);
        let mut all = vec![(Val::S(data), TypeId::UNSAFE_POINTER)];
        all.extend(self.call_args(args, &sig.params, sig.variadic, spread));
        let slot = self.itab_fun_slot(tab, it, idx);
        Some((Callee::Closure(slot), all, sig.results.clone()))
    }

    /// A method value `x.M` (a closure binding the receiver) or a method expression `T.M` (a func value
    /// taking the receiver first).
    pub fn method_value(&mut self, e: ExprId, x: ExprId) -> Val {
        let prog = self.prog;
        let sel = prog.info.selections[&e].clone();
        let pos = self.ast.expr(e).pos;
        let mname = prog.obj(sel.obj).name.clone();
        let recv0 = self.sub(sel.recv);
        // Inside an instance, `v.M` on a type parameter is the type argument's own method (as for calls).
        let (mobj, rpath) = match sel.kind {
            SelectionKind::MethodVal => self.resolve_method(x, &sel),
            _ => (sel.obj, sel.index[..sel.index.len() - 1].to_vec()),
        };
        let decl_t = self.lw.path_type(recv0, &rpath);
        let sig_t =
            if self.lw.is_generic_method(mobj) { self.lw.method_sig(mobj, decl_t) } else { self.obj_type(mobj) };
        let sig = match self.under(sig_t) {
            TypeKind::Func(s) => s.clone(),
            _ => return self.fail(pos, "internal: method without a signature", TypeId::INT),
        };
        if sel.kind == SelectionKind::MethodExpr {
            let recv = recv0;
            if self.is_iface(recv) {
                // `I.M`: a function taking the interface value first, calling through its itab.
                let ts = self.lw.type_string(recv);
                let sym = format!("{ts}.{mname}");
                let idx = self.iface_method_index(recv, sel.obj);
                let fsig = match self.under(self.type_of(e)) {
                    TypeKind::Func(s) => s.clone(),
                    _ => sig,
                };
                if self.lw.fm_syms.insert(sym.clone()) {
                    self.lw.fms.push(FmWrapper {
                        sym: sym.clone(),
                        recv_t: recv,
                        target: FmTarget::IfaceExpr(idx),
                        sig: fsig,
                    });
                }
                let c = self.lw.static_closure(&sym);
                return Val::S(self.sym_addr(&c));
            }
            let ms = self.lw.method_set(recv);
            let mpkg = prog.obj(sel.obj).pkg;
            let exported = mname.chars().next().is_some_and(|c| c.is_uppercase());
            let Some(m) = ms.iter().find(|m| m.name == mname && (exported || m.pkg == mpkg)).cloned() else {
                return self.fail(pos, "internal: method expression without a method", TypeId::INT);
            };
            let (_, tfn) = self.lw.method_fns(recv, &m);
            let c = self.lw.static_closure(&tfn);
            return Val::S(self.sym_addr(&c));
        }
        let path = &rpath[..];
        let (recv_t, recv_v, target, tname) = match self.lw.method_meta(mobj, decl_t) {
            Some(meta) => {
                let recv_t = meta.recv.unwrap_or(TypeId::INVALID);
                let v = self.receiver(x, path, recv_t);
                // `p.M` with a value method dereferences `p` now (Go spec "Method values").
                let xt = self.type_of(x);
                if let (Val::M(a), false) = (v, matches!(self.types.kind(recv_t), TypeKind::Pointer(_))) {
                    if matches!(self.under(xt), TypeKind::Pointer(_)) || !path.is_empty() {
                        self.nil_check(a);
                    }
                }
                (recv_t, v, FmTarget::Direct(meta.sym.clone()), meta.sym)
            }
            None => {
                let (tab, data, it) = self.iface_operand(x, path);
                self.nil_check(tab);
                let a = self.temp(it, "recv");
                self.store(a, 0, tab);
                self.store(a, self.lw.target.data_offset(), data);
                let idx = self.iface_method_index(it, sel.obj);
                let ts = self.lw.type_string(it);
                (it, Val::M(a), FmTarget::Iface(idx), format!("{ts}.{mname}"))
            }
        };
        let recv_v = self.to_temp(recv_v, recv_t);
        self.set_pos(pos);
        let sym = format!("{tname}-fm");
        if self.lw.fm_syms.insert(sym.clone()) {
            self.lw.fms.push(FmWrapper { sym: sym.clone(), recv_t, target, sig });
        }
        // The code pointer then the receiver, typed for the collector.
        let tsym = self.lw.type_sym(recv_t);
        let rtd = self.sym_addr(&tsym);
        let clo = self.call_rt("g1c_newclosure", vec![rtd], &[Ty::Ptr])[0];
        let code = self.sym_addr(&sym);
        self.store(clo, 0, code);
        self.store_val(clo, self.lw.target.word(1), recv_v, recv_t);
        Val::S(clo)
    }

    // ---- Comparison and printing ----

    /// `x == y` / `x != y` where at least one operand has an interface type.
    pub fn iface_compare(&mut self, op: BinaryOp, x: ExprId, y: ExprId, pos: Pos) -> Val {
        let (xt, yt) = (self.type_of(x), self.type_of(y));
        let t = if self.is_iface(xt) { xt } else { yt };
        // `v == nil`: only the type (or itab) word says whether an interface is nil.
        let is_nil = |fb: &Self, e: ExprId| fb.is_nil(e) || fb.type_of(e) == TypeId::UNTYPED_NIL;
        if is_nil(self, x) || is_nil(self, y) {
            let other = if is_nil(self, x) { y } else { x };
            let v = self.expr_to(other, t);
            self.set_pos(pos);
            let w0 = self.load(Ty::Ptr, v.v(), 0);
            let zero = self.iconst(Ty::Ptr, 0);
            let cond = if op == BinaryOp::Neq { Cond::Ne } else { Cond::Eq };
            return Val::S(self.cmp(cond, w0, zero));
        }
        let xv = self.expr_to(x, t);
        let xv = self.to_temp(xv, t);
        let yv = self.expr_to(y, t);
        self.set_pos(pos);
        let eq = self.iface_eq(xv.v(), yv.v(), t);
        if op == BinaryOp::Neq {
            let one = self.iconst(Ty::I8, 1);
            return Val::S(self.binary(BinOp::Xor, eq, one));
        }
        Val::S(eq)
    }

    /// `a == b` for interface values of type `t` in memory.
    pub fn iface_eq(&mut self, a: VReg, b: VReg, t: TypeId) -> VReg {
        let (a0, a1) = (self.load(Ty::Ptr, a, 0), self.load(Ty::Ptr, a, self.lw.target.data_offset()));
        let (b0, b1) = (self.load(Ty::Ptr, b, 0), self.load(Ty::Ptr, b, self.lw.target.data_offset()));
        if !self.is_empty_iface(t) {
            // Itabs are not unique (rt makes some at run time): the runtime compares their types.
            return self.call_rt("g1c_ifaceeq", vec![a0, a1, b0, b1], &[Ty::I8])[0];
        }
        // Type descriptors are unique: different type words are unequal without asking the runtime (gc's
        // inline test before efaceeq).
        let eq = self.vreg(Ty::I8);
        let differ = self.cmp(Cond::Ne, a0, b0);
        let (no_b, call_b, join) = (self.new_block(), self.new_block(), self.new_block());
        self.branch(differ, no_b, call_b);
        self.switch_to(no_b);
        self.emit(Op::Const { dst: eq, value: 0 });
        self.jump(join);
        self.switch_to(call_b);
        let r = self.call_rt("g1c_efaceeq", vec![a0, a1, b0, b1], &[Ty::I8])[0];
        self.emit(Op::Copy { dst: eq, src: r });
        self.jump(join);
        self.switch_to(join);
        eq
    }

    /// `print(i)`: gc's `(0x…,0x…)`.
    pub fn print_iface(&mut self, v: Val) {
        let a = self.load(Ty::Ptr, v.v(), 0);
        let b = self.load(Ty::Ptr, v.v(), self.lw.target.data_offset());
        self.call_rt("g1c_printiface", vec![a, b], &[]);
    }

    /// `panic(v)`: `v` as an empty interface to `g1c_gopanic_eface(type, data)`.
    pub fn panic_iface(&mut self, arg: ExprId, pos: Pos) {
        let t = self.default_type(self.type_of(arg));
        let (w0, w1) = if self.is_nil(arg) || t == TypeId::UNTYPED_NIL {
            (self.iconst(Ty::Ptr, 0), self.iconst(Ty::Ptr, 0))
        } else {
            let v = self.expr_to(arg, t);
            self.set_pos(pos);
            if self.is_iface(t) {
                let w0 = self.dyn_type(v.v(), t);
                (w0, self.load(Ty::Ptr, v.v(), self.lw.target.data_offset()))
            } else {
                let tsym = self.note_iface_conv(t);
                let w0 = self.sym_addr(&tsym);
                (w0, self.box_value(v, t))
            }
        };
        self.set_pos(pos);
        self.call_rt_noreturn("g1c_gopanic_eface", vec![w0, w1]);
    }
}

// ---- Generated functions ----

impl<'a> super::Lowerer<'a> {
    /// Emits type descriptors, itabs, wrappers and `-fm` functions until none is left to emit.
    pub fn finish_types(&mut self) {
        self.emit_runtime_error_types();
        self.emit_panic_value_type();
        self.lower_panic_value_error();
        let mut done_wrappers = 0;
        let mut done_fms = 0;
        loop {
            self.drain_types();
            if done_wrappers < self.tds.wrappers.len() {
                let w = self.tds.wrappers[done_wrappers].clone();
                done_wrappers += 1;
                self.lower_wrapper(&w);
                continue;
            }
            if done_fms < self.fms.len() {
                let w = self.fms[done_fms].clone();
                done_fms += 1;
                self.lower_fm(&w);
                continue;
            }
            break;
        }
        if self.tds.need_equal {
            self.tds.need_equal = false;
            self.lower_abi0_body(EQUAL_ABI0, "g1c_typeequal", Ty::I8);
        }
        if self.tds.need_hash {
            self.tds.need_hash = false;
            self.lower_abi0_body(HASH_ABI0, "g1c_typehash", Ty::I64);
        }
    }

    /// Records that function `caller` calls method `idx` of interface type `iface` through an itab: the
    /// method's name and signature are what the linker matches methods against.
    pub fn note_iface_call(&mut self, caller: String, iface: TypeId, idx: u32) {
        let Some((name, _, sig)) = self.iface_methods(iface).into_iter().nth(idx as usize) else { return };
        let sig = format!("type.{}", self.type_string(sig));
        self.iface_calls.push((caller, name.to_string(), sig));
    }

    /// The tables of the program's calls through itabs, `go..ifacecalls`, and of its conversions to empty
    /// interfaces, `go..ifaceconvs` (their layouts are in `link/methods.rs`, their reader). Nothing refers
    /// to them: the linker reads them and drops them.
    pub fn emit_iface_calls(&mut self) {
        // Sorted and without repeats: a function calling one method twice needs one entry.
        let calls: std::collections::BTreeSet<_> = std::mem::take(&mut self.iface_calls).into_iter().collect();
        let ptr = self.target.ptr_size as usize;
        let word = |i: usize| (i * ptr) as u32;
        let mut bytes = Vec::with_capacity(calls.len() * 4 * ptr);
        let mut relocs = Vec::with_capacity(calls.len() * 3);
        for (caller, name, sig) in calls {
            let at = bytes.len() as u32;
            let name_sym = self.string_sym(name.as_bytes());
            relocs.push(DataReloc::addr(at, caller, 0));
            relocs.push(DataReloc::addr(at + word(1), sig, 0));
            relocs.push(DataReloc::addr(at + word(2), name_sym, 0));
            bytes.resize(bytes.len() + 3 * ptr, 0);
            bytes.extend_from_slice(&(name.len() as u64).to_le_bytes()[..ptr]);
        }
        if !bytes.is_empty() {
            let name = crate::link::methods::IFACE_CALLS.to_string();
            let align = ptr as u32;
            self.add_data(Data { name, kind: DataKind::ReadOnly, align, size: bytes.len() as u64, bytes, relocs });
        }
        // The conversions to empty interfaces, `go..ifaceconvs`: (function, descriptor) address pairs.
        let convs: std::collections::BTreeSet<_> = std::mem::take(&mut self.iface_convs).into_iter().collect();
        let mut bytes = Vec::with_capacity(convs.len() * 2 * ptr);
        let mut relocs = Vec::with_capacity(convs.len() * 2);
        for (caller, tsym) in convs {
            relocs.push(DataReloc::addr(bytes.len() as u32, caller, 0));
            relocs.push(DataReloc::addr(bytes.len() as u32 + word(1), tsym, 0));
            bytes.resize(bytes.len() + 2 * ptr, 0);
        }
        if !bytes.is_empty() {
            let name = crate::link::methods::IFACE_CONVS.to_string();
            let align = ptr as u32;
            self.add_data(Data { name, kind: DataKind::ReadOnly, align, size: bytes.len() as u64, bytes, relocs });
        }
    }

    /// `runtime.(*panicValue).Error`: `func(p) string` returning `g1c_panicvalue_error(p)`.
    fn lower_panic_value_error(&mut self) {
        let sym = "runtime.(*panicValue).Error";
        let pos = self.ast.files.first().map(|f| f.package.pos).unwrap_or(Pos::NONE);
        let mut fb = Fb::new(self, sym.to_string(), pos, format!("{sym}.func"));
        fb.f.args_size = 24;
        let a = fb.vreg(Ty::Ptr);
        fb.emit(Op::ArgAddr { dst: a, offset: 0 });
        let p = fb.load(Ty::Ptr, a, 0);
        let r = fb.call_rt("g1c_panicvalue_error", vec![p], &[Ty::Ptr, Ty::I64]);
        fb.store(a, 8, r[0]);
        fb.store(a, 16, r[1]);
        fb.finish_return();
        let f = fb.finish();
        self.funcs.push(f);
        // `runtime.(*panicValue).RuntimeError`: `func(p)`, the marker method of `runtime.Error`, when the
        // type descriptor lists it.
        if self.nullary_func_type().is_none() {
            return;
        }
        let sym = "runtime.(*panicValue).RuntimeError";
        let mut fb = Fb::new(self, sym.to_string(), pos, format!("{sym}.func"));
        fb.f.args_size = 8;
        fb.finish_return();
        let f = fb.finish();
        self.funcs.push(f);
    }

    /// `func(p unsafe.Pointer, q uintptr-or-pointer) R` calling `rt(closure's type, p, q)`.
    fn lower_abi0_body(&mut self, sym: &str, rt: &str, res: Ty) {
        let pos = self.ast.files.first().map(|f| f.package.pos).unwrap_or(Pos::NONE);
        let target = self.target;
        let mut fb = Fb::new(self, sym.to_string(), pos, format!("{sym}.func"));
        // `p`, `q` and the result: one word each.
        fb.f.args_size = target.word(3) as u32;
        fb.line = 0;
        let ctx = fb.vreg(Ty::Ptr);
        fb.emit(Op::ClosureCtx { dst: ctx });
        let t = fb.load(Ty::Ptr, ctx, target.word(1));
        let a = fb.vreg(Ty::Ptr);
        fb.emit(Op::ArgAddr { dst: a, offset: 0 });
        let p = fb.load(Ty::Ptr, a, 0);
        let q = fb.load(Ty::Ptr, a, target.word(1));
        let r = fb.call_rt(rt, vec![t, p, q], &[res])[0];
        fb.store(a, target.word(2), r);
        fb.finish_return();
        let f = fb.finish();
        self.funcs.push(f);
    }

    /// A method wrapper (see [`Wrapper`]).
    fn lower_wrapper(&mut self, w: &Wrapper) {
        let prog = self.prog;
        if let Some((idx, sig_t)) = w.iface {
            return self.lower_iface_wrapper(w, idx, sig_t);
        }
        let types = self.types;
        let decl_t = self.path_type(w.base, &w.path);
        let Some(meta) = self.method_meta(w.method, decl_t) else { return };
        let sig = match types.under(self.method_sig(w.method, decl_t)) {
            TypeKind::Func(s) => s.clone(),
            _ => return,
        };
        let pos = prog.obj(w.method).pos;
        let mut fb = Fb::new(self, w.sym.clone(), pos, format!("{}.func", w.sym));
        fb.autogenerated();
        fb.wrapper_prologue();
        let recv_t = if w.recv_ptr { TypeId::UNSAFE_POINTER } else { w.base };
        let mut pt = vec![recv_t];
        pt.extend(sig.params.iter().copied());
        let (po, ro, size) = fb.call_layout(&pt, &sig.results);
        fb.f.args_size = size;
        let a0 = fb.vreg(Ty::Ptr);
        fb.emit(Op::ArgAddr { dst: a0, offset: 0 });
        let base_addr = if w.recv_ptr { fb.load(Ty::Ptr, a0, 0) } else { a0 };
        let target_recv = meta.recv.unwrap_or(TypeId::INVALID);
        let want_ptr = matches!(types.kind(target_recv), TypeKind::Pointer(_));
        if w.recv_ptr && !want_ptr && w.path.is_empty() {
            fb.panicwrap_check(base_addr, &w.sym);
        }
        let (mut addr, t) = fb.walk_fields(base_addr, w.base, &w.path);
        if matches!(fb.under(t), TypeKind::Pointer(_)) && !w.path.is_empty() {
            addr = fb.load(Ty::Ptr, addr, 0);
        }
        let recv = if want_ptr {
            Val::S(addr)
        } else {
            let v = fb.load_val(addr, 0, target_recv);
            fb.to_temp(v, target_recv)
        };
        let mut args = vec![(recv, target_recv)];
        args.extend(fb.load_args(&po[1..], &sig.params));
        let rs = fb.call_go(Callee::Direct(meta.sym.clone()), args, &sig.results);
        fb.store_results(&ro, rs, &sig.results);
        fb.finish_return();
        let f = fb.finish();
        self.funcs.push(f);
    }

    /// A wrapper for a method promoted from an embedded interface field: calls through that field's itab.
    fn lower_iface_wrapper(&mut self, w: &Wrapper, idx: u32, sig_t: TypeId) {
        let sig = match self.types.under(sig_t) {
            TypeKind::Func(s) => s.clone(),
            _ => return,
        };
        let pos = self.ast.files.first().map(|f| f.package.pos).unwrap_or(Pos::NONE);
        let mut fb = Fb::new(self, w.sym.clone(), pos, format!("{}.func", w.sym));
        fb.autogenerated();
        fb.wrapper_prologue();
        let recv_t = if w.recv_ptr { TypeId::UNSAFE_POINTER } else { w.base };
        let mut pt = vec![recv_t];
        pt.extend(sig.params.iter().copied());
        let (po, ro, size) = fb.call_layout(&pt, &sig.results);
        fb.f.args_size = size;
        let a0 = fb.vreg(Ty::Ptr);
        fb.emit(Op::ArgAddr { dst: a0, offset: 0 });
        let base_addr = if w.recv_ptr { fb.load(Ty::Ptr, a0, 0) } else { a0 };
        let (addr, _) = fb.walk_fields(base_addr, w.base, &w.path);
        let tab = fb.load(Ty::Ptr, addr, 0);
        let data = fb.load(Ty::Ptr, addr, fb.lw.target.data_offset());
        let mut args = vec![(Val::S(data), TypeId::UNSAFE_POINTER)];
        args.extend(fb.load_args(&po[1..], &sig.params));
        let field_t = fb.lw.path_type(w.base, &w.path);
        let slot = fb.itab_fun_slot(tab, field_t, idx);
        let rs = fb.call_go(Callee::Closure(slot), args, &sig.results);
        fb.store_results(&ro, rs, &sig.results);
        fb.finish_return();
        let f = fb.finish();
        self.funcs.push(f);
    }

    /// A method value's function `M-fm`: the receiver comes from the closure.
    fn lower_fm(&mut self, w: &FmWrapper) {
        let pos = self.ast.files.first().map(|f| f.package.pos).unwrap_or(Pos::NONE);
        let mut fb = Fb::new(self, w.sym.clone(), pos, format!("{}.func", w.sym));
        fb.autogenerated();
        fb.wrapper_prologue();
        let (po, ro, size) = fb.call_layout(&w.sig.params, &w.sig.results);
        fb.f.args_size = size;
        let ctx = fb.vreg(Ty::Ptr);
        fb.emit(Op::ClosureCtx { dst: ctx });
        let mut args = Vec::new();
        let callee = match &w.target {
            FmTarget::Direct(s) => {
                let v = fb.load_val(ctx, fb.lw.target.word(1), w.recv_t);
                args.push((v, w.recv_t));
                Callee::Direct(s.clone())
            }
            FmTarget::Iface(idx) => {
                let tab = fb.load(Ty::Ptr, ctx, fb.lw.target.word(1));
                let data = fb.load(Ty::Ptr, ctx, fb.lw.target.word(2));
                args.push((Val::S(data), TypeId::UNSAFE_POINTER));
                Callee::Closure(fb.itab_fun_slot(tab, w.recv_t, *idx))
            }
            FmTarget::IfaceExpr(idx) => {
                let a = fb.vreg(Ty::Ptr);
                fb.emit(Op::ArgAddr { dst: a, offset: 0 });
                let tab = fb.load(Ty::Ptr, a, 0);
                let data = fb.load(Ty::Ptr, a, fb.lw.target.data_offset());
                args.push((Val::S(data), TypeId::UNSAFE_POINTER));
                Callee::Closure(fb.itab_fun_slot(tab, w.recv_t, *idx))
            }
        };
        let skip = usize::from(matches!(w.target, FmTarget::IfaceExpr(_)));
        args.extend(fb.load_args(&po[skip..], &w.sig.params[skip..]));
        let rs = fb.call_go(callee, args, &w.sig.results);
        fb.store_results(&ro, rs, &w.sig.results);
        fb.finish_return();
        let f = fb.finish();
        self.funcs.push(f);
    }
}

impl<'a, 'b> Fb<'a, 'b> {
    /// Checks the receiver `p` of a `(*T).M` wrapper of a value method `T.M` (named `sym`, gc's
    /// `pkg.(*T).M`): nil panics with gc's panicwrap error, `value method pkg.T.M called using nil *T
    /// pointer`, instead of faulting on the copy of `*p`.
    fn panicwrap_check(&mut self, p: VReg, sym: &str) {
        let Some((pkg, rest)) = sym.split_once(".(*") else { return };
        let Some((typ, meth)) = rest.split_once(").") else { return };
        let msg = format!("value method {pkg}.{typ}.{meth} called using nil *{typ} pointer");
        let zero = self.iconst(Ty::Ptr, 0);
        let ok = self.cmp(Cond::Ne, p, zero);
        let (good, bad) = (self.new_block(), self.new_block());
        self.branch(ok, good, bad);
        self.switch_to(bad);
        let sym = self.lw.string_sym(msg.as_bytes());
        let m = self.sym_addr(&sym);
        let n = self.iconst(self.int(), msg.len() as i64);
        self.call_rt_noreturn("g1c_panicwrap", vec![m, n]);
        self.switch_to(good);
    }
}
