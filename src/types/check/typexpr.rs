//! Type expressions (Go spec "Types"): identifiers that denote types, type literals, signatures, struct and
//! interface types, type parameter lists and generic instantiation `T[A, B]`.
//!
//! In: an expression in type position. Out: its `TypeId`, recorded in `Info::types` with mode `TypeExpr`.

use super::super::constant::Value;
use super::super::{FieldInfo, Mode, ObjId, ObjKind, Signature, TypeAndValue, TypeId, TypeKind, VarInfo};
use super::expr::OpMode;
use super::{Checker, Color, DeclSrc};
use crate::syntax::ast::*;
use crate::syntax::pos::Pos;

impl<'a> Checker<'a> {
    pub fn record(&mut self, e: ExprId, mode: Mode, typ: TypeId, value: Option<Value>) {
        self.info.types.insert(e, TypeAndValue { mode, typ, value });
    }

    pub fn record_type(&mut self, e: ExprId, t: TypeId) {
        self.record(e, Mode::TypeExpr, t, None);
    }

    /// The type denoted by type expression `e` (reports an error and returns INVALID if it is not a type).
    pub fn typ(&mut self, e: ExprId) -> TypeId {
        let t = self.typ_inner(e, false);
        // `List[T]` inside `List`'s own declaration denotes the generic type itself: it is instantiated.
        let instantiated = matches!(self.ast.expr(self.ast.unparen(e)).kind, ExprKind::Index { .. });
        if let Some(tps) = self.generic_types.get(&t) {
            if !tps.is_empty() && !instantiated {
                // types2 writes the generic type with its type parameter list (`Z[K, V any]`: a constraint
                // shared by consecutive parameters is written once).
                let tps = tps.clone();
                let mut s = self.type_string(t);
                s.push('[');
                let mut prev: Option<TypeId> = None;
                let mut prev_any = false;
                for (i, &tp) in tps.iter().enumerate() {
                    let bound = match self.t.kind(tp) {
                        TypeKind::TypeParam { constraint, .. } => *constraint,
                        _ => TypeId::INVALID,
                    };
                    if i > 0 {
                        if let Some(p) = prev.filter(|&p| p != bound) {
                            s.push(' ');
                            s.push_str(&if prev_any { "any".to_string() } else { self.type_string(p) });
                        }
                        s.push_str(", ");
                    }
                    prev = Some(bound);
                    prev_any = self.any_bound.contains(&tp);
                    s.push_str(&self.type_string(tp));
                }
                if let Some(p) = prev {
                    s.push(' ');
                    s.push_str(&if prev_any { "any".to_string() } else { self.type_string(p) });
                }
                s.push(']');
                self.error(self.ast.expr(e).pos, format!("cannot use generic type {s} without instantiation"));
                return TypeId::INVALID;
            }
        }
        t
    }

    /// The generic (uninstantiated) type named by `e`, for a generic receiver or instantiation.
    pub fn typ_generic_origin(&mut self, e: ExprId) -> TypeId {
        self.typ_inner(e, true)
    }

    fn typ_inner(&mut self, e: ExprId, _generic_ok: bool) -> TypeId {
        let ast = self.ast;
        let pos = ast.expr(e).pos;
        let t = match &ast.expr(e).kind {
            ExprKind::Ident(id) => self.ident_type(id),
            ExprKind::Selector { x, sel } => {
                let xo = match &ast.expr(*x).kind {
                    ExprKind::Ident(pid) => self.lookup(&pid.name).map(|o| (o, pid)),
                    _ => None,
                };
                match xo {
                    Some((o, pid)) if matches!(self.objs.get(o).kind, ObjKind::PkgName(_)) => {
                        match self.qualified_obj(o, pid, sel) {
                            Some(m) if matches!(self.objs.get(m).kind, ObjKind::TypeName) => self.objs.get(m).typ,
                            Some(_) => {
                                let s = self.expr_string(e);
                                self.error(pos, format!("{s} is not a type"));
                                TypeId::INVALID
                            }
                            None => TypeId::INVALID,
                        }
                    }
                    _ => {
                        let x = self.expr_or_type(e);
                        if x.mode != OpMode::Invalid {
                            let s = self.expr_string(e);
                            self.error(pos, format!("{s} is not a type"));
                        }
                        return TypeId::INVALID;
                    }
                }
            }
            ExprKind::Paren(x) => self.typ_inner(*x, _generic_ok),
            ExprKind::Star(x) => {
                let elem = self.typ(*x);
                if elem == TypeId::INVALID {
                    TypeId::INVALID
                } else {
                    self.t.pointer(elem)
                }
            }
            ExprKind::ArrayType { len, elem } => {
                let n = match len {
                    Some(l) => self.array_len(*l),
                    None => {
                        self.error(pos, "invalid use of [...] array (outside a composite literal)");
                        None
                    }
                };
                let et = self.typ(*elem);
                match n {
                    Some(n) if et != TypeId::INVALID => {
                        let at = self.t.array(n, et);
                        self.delayed_sizes.push((at, pos));
                        at
                    }
                    _ => TypeId::INVALID,
                }
            }
            ExprKind::SliceType { elem } => {
                let et = self.typ(*elem);
                if et == TypeId::INVALID {
                    TypeId::INVALID
                } else {
                    self.t.slice(et)
                }
            }
            ExprKind::MapType { key, value } => {
                let k = self.typ(*key);
                let v = self.typ(*value);
                if k == TypeId::INVALID || v == TypeId::INVALID {
                    TypeId::INVALID
                } else {
                    self.delayed_map_keys.push((k, ast.expr(*key).pos));
                    self.t.intern(TypeKind::Map { key: k, value: v })
                }
            }
            ExprKind::ChanType { dir, elem } => {
                let et = self.typ(*elem);
                if et == TypeId::INVALID {
                    TypeId::INVALID
                } else {
                    let ct = self.t.intern(TypeKind::Chan { dir: *dir, elem: et });
                    self.delayed_sizes.push((ct, pos));
                    ct
                }
            }
            ExprKind::FuncType(ft) => {
                self.open_scope();
                let (sig, _, _) = self.signature(ft, false);
                self.close_scope();
                sig
            }
            ExprKind::StructType { fields } => self.struct_type(fields),
            ExprKind::InterfaceType { elems } => self.interface_type(elems),
            ExprKind::Index { x, indices, .. } => {
                if !self.allow_version(1, 18) {
                    self.version_error(pos, "go1.18", "type instantiation");
                }
                let gen = self.typ_inner(*x, true);
                if gen == TypeId::INVALID {
                    return TypeId::INVALID;
                }
                self.instantiate_type(e, gen, indices)
            }
            ExprKind::Ellipsis { elem } => {
                self.error(pos, "invalid use of ...");
                self.typ(*elem);
                TypeId::INVALID
            }
            ExprKind::Bad => TypeId::INVALID,
            _ => {
                let x = self.expr_or_type(e);
                if x.mode == OpMode::TypeExpr {
                    return x.typ;
                }
                if x.mode != OpMode::Invalid {
                    let s = self.expr_string(e);
                    self.error(pos, format!("{s} is not a type"));
                }
                return TypeId::INVALID;
            }
        };
        self.record_type(e, t);
        t
    }

    fn ident_type(&mut self, id: &Ident) -> TypeId {
        if id.name == "_" {
            self.error(id.pos, "cannot use _ as value or type");
            return TypeId::INVALID;
        }
        let Some(o) = self.lookup(&id.name) else {
            self.error(id.pos, format!("undefined: {}", id.name));
            return TypeId::INVALID;
        };
        self.info.uses.insert(id.pos, o);
        self.mark_dot_import(o);
        if !self.allow_predeclared(o, id.pos) {
            return TypeId::INVALID;
        }
        match self.objs.get(o).kind {
            ObjKind::TypeName => {
                if self.color.get(&o) == Some(&Color::Grey) {
                    // A reference to a type being declared: valid through a defined type.
                    if !self.valid_type_cycle(o) {
                        self.report_cycle(o);
                        return TypeId::INVALID;
                    }
                } else {
                    self.obj_decl(o);
                }
                self.objs.get(o).typ
            }
            ObjKind::PkgName(_) => {
                self.error(id.pos, format!("use of package {} not in selector", id.name));
                TypeId::INVALID
            }
            _ => {
                if let Some(DeclSrc::Var { .. } | DeclSrc::Const { .. }) = self.decls.get(&o) {
                    // still mark usage
                }
                if let ObjKind::Var(v) = &mut self.objs.get_mut(o).kind {
                    v.used = true;
                }
                self.error(id.pos, format!("{} is not a type", id.name));
                TypeId::INVALID
            }
        }
    }

    /// A cycle back to grey type name `o` is valid if it passes through a defined (non-alias) type and
    /// through no constant or variable (go/types' `validCycle`).
    pub fn valid_type_cycle(&self, o: ObjId) -> bool {
        let start = self.obj_path.iter().position(|&x| x == o).unwrap_or(0);
        let mut nval = 0;
        let mut ndef = 0;
        for &x in &self.obj_path[start..] {
            match &self.objs.get(x).kind {
                ObjKind::Const(_) | ObjKind::Var(_) => nval += 1,
                ObjKind::TypeName => {
                    // a generic type reached from inside a type parameter list: a cycle through the
                    // list, invalid (types2's tparCycle: `type T[P interface{ m() T[P] }] int`)
                    if self.in_tparam_list
                        && matches!(self.decls.get(&x), Some(DeclSrc::Type(ts)) if !ts.tparams.is_empty())
                    {
                        return false;
                    }
                    if matches!(self.decls.get(&x), Some(DeclSrc::Type(ts)) if !ts.alias) {
                        ndef += 1;
                    }
                }
                ObjKind::Func { .. } => return true,
                _ => {}
            }
        }
        nval == 0 && ndef > 0
    }

    pub fn report_cycle(&mut self, o: ObjId) {
        self.obj_path.push(o);
        self.obj_path.pop();
        // reuse obj_decl's reporter
        let saved = self.color.get(&o).copied();
        self.color.insert(o, Color::Grey);
        self.obj_decl_cycle(o);
        if let Some(c) = saved {
            self.color.insert(o, c);
        }
    }

    fn obj_decl_cycle(&mut self, o: ObjId) {
        self.obj_decl(o);
    }

    /// `[N]T`: N must be a non-negative constant integer representable by `int` (types2's `arrayLength`).
    fn array_len(&mut self, l: ExprId) -> Option<u64> {
        // A name that is not a constant may be a type parameter list with a missing constraint: say so
        // in terms of array lengths.
        if let ExprKind::Ident(name) = &self.ast.expr(l).kind {
            match self.lookup(&name.name) {
                None => {
                    self.error(name.pos, format!("undeclared name {} for array length", name.name));
                    return None;
                }
                Some(o) if !matches!(self.objs.get(o).kind, ObjKind::Const(_)) => {
                    self.error(name.pos, format!("invalid array length {}", name.name));
                    return None;
                }
                Some(_) => {}
            }
        }
        let mut x = self.expr(l);
        let pos = self.ast.expr(l).pos;
        if x.mode != OpMode::Constant {
            if x.mode != OpMode::Invalid {
                let s = self.operand_string(&x);
                self.error(pos, format!("array length {s} must be constant"));
            }
            return None;
        }
        if self.is_untyped(x.typ) || self.is_integer(x.typ) {
            if let Some(v) = x.val.as_ref().and_then(|v| v.as_int()) {
                let max_bits = if self.sizes.word == 4 { 31 } else { 63 };
                let fits = v.bit_len() <= max_bits || (v.is_neg() && v.abs().bit_len() <= max_bits + 1);
                if fits {
                    if !v.is_neg() {
                        if self.is_untyped(x.typ) {
                            self.convert_untyped(&mut x, TypeId::INT);
                        }
                        return v.to_u64();
                    }
                    let s = self.operand_string(&x);
                    self.error(pos, format!("invalid array length {s}"));
                    return None;
                }
            }
        }
        let s = self.operand_string(&x);
        self.error(pos, format!("array length {s} must be integer"));
        None
    }

    /// Checks a signature, declaring its parameters and results in the current scope. Returns the `Func`
    /// type and the parameter and result variables.
    pub fn signature(&mut self, ft: &'a FuncType, _decl: bool) -> (TypeId, Vec<ObjId>, Vec<ObjId>) {
        // Parameter names are scoped to the function body: every type of the signature is resolved first, in
        // the enclosing block (`func PostForm(url string, data url.Values)` uses package url).
        let mut names = Vec::new();
        let (params, pvars, variadic) = self.param_list(&ft.params, true, false, &mut names);
        let (results, rvars, _) = self.param_list(&ft.results, false, true, &mut names);
        let s = self.scope;
        for (pos, v) in names {
            self.declare(s, pos, v);
        }
        let sig = self.t.intern(TypeKind::Func(Signature { params, results, variadic }));
        (sig, pvars, rvars)
    }

    fn param_list(
        &mut self,
        fields: &'a [Field],
        variadic_ok: bool,
        result: bool,
        names: &mut Vec<(Pos, ObjId)>,
    ) -> (Vec<TypeId>, Vec<ObjId>, bool) {
        let mut types = Vec::new();
        let mut vars = Vec::new();
        let mut variadic = false;
        let mut named = false;
        let mut anon = false;
        for (i, f) in fields.iter().enumerate() {
            let mut te = f.typ;
            let mut is_var = false;
            if let ExprKind::Ellipsis { elem } = &self.ast.expr(f.typ).kind {
                let last = i + 1 == fields.len() && f.names.len() <= 1;
                if variadic_ok && last {
                    is_var = true;
                    te = *elem;
                } else {
                    let what = if result {
                        "can only use ... with final parameter in list"
                    } else {
                        "can only use ... with final parameter in list"
                    };
                    self.error(self.ast.expr(f.typ).pos, what);
                    te = *elem;
                }
            }
            let mut t = self.typ(te);
            if is_var {
                if t != TypeId::INVALID {
                    t = self.t.slice(t);
                }
                self.record_type(f.typ, t);
                variadic = true;
            }
            if f.names.is_empty() {
                anon = true;
                let v = self.objs.add(super::super::Object {
                    kind: ObjKind::Var(VarInfo { param: !result, result, ..Default::default() }),
                    name: Name::default(),
                    pos: f.pos,
                    typ: t,
                    pkg: Some(self.pkg),
                    package_level: false,
                });
                types.push(t);
                vars.push(v);
            } else {
                named = true;
                for n in &f.names {
                    let v = self.objs.add(super::super::Object {
                        kind: ObjKind::Var(VarInfo { param: !result, result, ..Default::default() }),
                        name: n.name.clone(),
                        pos: n.pos,
                        typ: t,
                        pkg: Some(self.pkg),
                        package_level: false,
                    });
                    if !is_var {
                        self.note_written_type(v, te);
                    }
                    names.push((n.pos, v));
                    types.push(t);
                    vars.push(v);
                }
            }
        }
        if named && anon {
            let p = fields.first().map(|f| f.pos).unwrap_or(Pos::NONE);
            self.error(p, "mixed named and unnamed parameters");
        }
        (types, vars, variadic)
    }

    /// Go spec "Struct types": an embedded field's type `T` or `*T` (`ptr`) must not be a pointer type,
    /// `*T` not a pointer to an interface, and `T` not `unsafe.Pointer`.
    pub fn check_embedded(&mut self, base: TypeId, ptr: bool, pos: Pos) {
        let bad = match self.t.under(base) {
            TypeKind::Pointer(_) => Some("embedded field type cannot be a pointer"),
            TypeKind::Interface { .. } if ptr => Some("embedded field type cannot be a pointer to an interface"),
            TypeKind::Basic(super::super::BasicKind::UnsafePointer) => {
                Some("embedded field type cannot be unsafe.Pointer")
            }
            _ => None,
        };
        if let Some(msg) = bad {
            self.error(pos, msg);
        }
    }

    fn struct_type(&mut self, fields: &'a [Field]) -> TypeId {
        let mut out: Vec<FieldInfo> = Vec::new();
        let mut objs: Vec<ObjId> = Vec::new();
        let mut seen: crate::types::fxhash::HashMap<Name, Pos> = Default::default();
        for f in fields {
            let t = self.typ(f.typ);
            let tag = match &f.tag {
                Some(raw) => match super::super::constant::from_literal(LitKind::String, raw) {
                    Ok(Value::String(b)) => String::from_utf8_lossy(b.as_bytes()).into_owned(),
                    _ => String::new(),
                },
                None => String::new(),
            };
            if f.names.is_empty() {
                // embedded field: T, *T, pkg.T, T[args]
                let (name, pos) = self.embedded_name(f.typ);
                let ut = match self.t.kind(t) {
                    TypeKind::Pointer(b) => Some(*b),
                    _ => None,
                };
                if t != TypeId::INVALID {
                    let base = ut.unwrap_or(t);
                    let epos = self.ast.expr(f.typ).pos;
                    if matches!(self.t.kind(base), TypeKind::Named(_)) && self.t.underlying(base) == TypeId::INVALID {
                        // a type still being declared (`type T *struct{ T }`): check once it is complete
                        self.delayed_embedded.push((base, ut.is_some(), epos));
                    } else {
                        self.check_embedded(base, ut.is_some(), epos);
                    }
                    if ut.is_some() && matches!(self.t.kind(base), TypeKind::Pointer(_)) {
                        self.error(epos, "embedded field type cannot be a pointer");
                    }
                }
                // types2 leaves a duplicate field out of the struct (so selectors do not become ambiguous)
                if let Some(&_p) = seen.get(&name) {
                    self.error(pos, format!("{name} redeclared"));
                    continue;
                } else if name != "_" {
                    seen.insert(name.clone(), pos);
                }
                let o = self.objs.add(super::super::Object {
                    kind: ObjKind::Var(VarInfo { field: true, embedded: true, ..Default::default() }),
                    name: name.clone(),
                    pos,
                    typ: t,
                    pkg: Some(self.pkg),
                    package_level: false,
                });
                self.info.defs.entry(pos).or_insert(o);
                objs.push(o);
                let pkg = if is_exported(&name) { None } else { Some(self.pkg) };
                out.push(FieldInfo { name, typ: t, embedded: true, tag, pkg });
            } else {
                for n in &f.names {
                    if let Some(&_p) = seen.get(&n.name) {
                        self.error(n.pos, format!("{} redeclared", n.name));
                        continue;
                    } else if n.name != "_" {
                        seen.insert(n.name.clone(), n.pos);
                    }
                    let o = self.objs.add(super::super::Object {
                        kind: ObjKind::Var(VarInfo { field: true, ..Default::default() }),
                        name: n.name.clone(),
                        pos: n.pos,
                        typ: t,
                        pkg: Some(self.pkg),
                        package_level: false,
                    });
                    self.info.defs.insert(n.pos, o);
                    objs.push(o);
                    let pkg = if is_exported(&n.name) { None } else { Some(self.pkg) };
                    out.push(FieldInfo { name: n.name.clone(), typ: t, embedded: false, tag: tag.clone(), pkg });
                }
            }
        }
        let st = self.t.intern(TypeKind::Struct { fields: out });
        for (i, o) in objs.into_iter().enumerate() {
            self.field_objs.entry((st, i)).or_insert(o);
        }
        st
    }

    /// The implicit name of an embedded field, and the position of that name.
    fn embedded_name(&self, mut e: ExprId) -> (Name, Pos) {
        loop {
            match &self.ast.expr(e).kind {
                ExprKind::Star(x) | ExprKind::Paren(x) => e = *x,
                ExprKind::Index { x, .. } => e = *x,
                ExprKind::Ident(id) => return (id.name.clone(), id.pos),
                ExprKind::Selector { sel, .. } => return (sel.name.clone(), sel.pos),
                _ => return (Name::new("_"), self.ast.expr(e).pos),
            }
        }
    }

    fn interface_type(&mut self, elems: &'a [InterfaceElem]) -> TypeId {
        let mut methods: Vec<FieldInfo> = Vec::new();
        let mut embeddeds: Vec<TypeId> = Vec::new();
        let mut method_objs: Vec<(Name, ObjId)> = Vec::new();
        // for the duplicate-method check through embedded interfaces (`delayed_ifaces`)
        let mut explicit: Vec<(String, TypeId, Pos)> = Vec::new();
        let mut embedded_at: Vec<(TypeId, Pos)> = Vec::new();
        for el in elems {
            match el {
                InterfaceElem::Method { name, typ } => {
                    self.open_scope();
                    let (sig, _, _) = self.signature(typ, false);
                    self.close_scope();
                    if name.name == "_" {
                        self.error(name.pos, "methods must have a unique non-blank name");
                        continue;
                    }
                    if let Some(&(_, _, at)) = explicit.iter().find(|m| m.0 == *name.name) {
                        let at = self.pos_string(at);
                        self.error(
                            name.pos,
                            format!("duplicate method {}\n\t{at}: other declaration of {}", name.name, name.name),
                        );
                        continue;
                    }
                    let o = self.objs.add(super::super::Object {
                        kind: ObjKind::Func { recv: None, has_body: false },
                        name: name.name.clone(),
                        pos: name.pos,
                        typ: sig,
                        pkg: Some(self.pkg),
                        package_level: false,
                    });
                    self.info.defs.insert(name.pos, o);
                    self.func_types.insert(o, typ);
                    method_objs.push((name.name.clone(), o));
                    explicit.push((name.name.to_string(), sig, name.pos));
                    let pkg = if is_exported(&name.name) { None } else { Some(self.pkg) };
                    methods.push(FieldInfo {
                        name: name.name.clone(),
                        typ: sig,
                        embedded: false,
                        tag: String::new(),
                        pkg,
                    });
                }
                InterfaceElem::Union(terms) => {
                    if terms.len() == 1 && !terms[0].tilde {
                        let t = self.typ(terms[0].typ);
                        if t != TypeId::INVALID {
                            embeddeds.push(t);
                            embedded_at.push((t, self.ast.expr(terms[0].typ).pos));
                        }
                        continue;
                    }
                    let mut ts = Vec::new();
                    for term in terms {
                        let t = self.typ(term.typ);
                        if t == TypeId::INVALID {
                            continue;
                        }
                        if term.tilde && self.t.underlying(t) != t {
                            let s = self.type_string(t);
                            self.error(term.pos, format!("invalid use of ~ ({s} is not the underlying type of {s})"));
                        }
                        ts.push((term.tilde, t));
                    }
                    if !self.allow_version(1, 18) {
                        // types2 drops the element after reporting it; gc spells the union without spaces.
                        let s = ts
                            .iter()
                            .map(|&(tilde, t)| format!("{}{}", if tilde { "~" } else { "" }, self.type_string(t)))
                            .collect::<Vec<_>>()
                            .join("|");
                        self.version_error(terms[0].pos, "go1.18", &format!("embedding interface element {s}"));
                        continue;
                    }
                    let u = self.t.intern(TypeKind::Union(ts));
                    embeddeds.push(u);
                }
            }
        }
        if !embedded_at.is_empty() {
            self.delayed_ifaces.push((explicit, embedded_at));
        }
        methods.sort_by(|a, b| (a.name.as_str(), a.pkg).cmp(&(b.name.as_str(), b.pkg)));
        let it = self.t.intern(TypeKind::Interface { methods, embeddeds });
        for (n, o) in method_objs {
            self.iface_method_objs.entry((it, n)).or_insert(o);
        }
        it
    }

    /// Declares the type parameters of a generic type or function in the current scope.
    /// `generic_type`: the generic type being declared, registered as generic before the constraints are
    /// checked, since they may lead back to it (`type I[T C] ...; type C interface{ S }; type S struct{ *I[X] }`).
    pub fn declare_type_params(&mut self, fields: &'a [Field], generic_type: Option<TypeId>) -> Vec<TypeId> {
        let mut tps = Vec::new();
        let mut objs = Vec::new();
        // Declare all names first: constraints may refer to any of them.
        for f in fields {
            for n in &f.names {
                let o = self.new_obj(ObjKind::TypeName, &n.name, n.pos, TypeId::INVALID);
                let tp = self.t.add_unique(TypeKind::TypeParam {
                    obj: o,
                    index: tps.len() as u32,
                    constraint: TypeId::INVALID,
                });
                self.objs.get_mut(o).typ = tp;
                let s = self.scope;
                self.declare(s, n.pos, o);
                tps.push(tp);
                objs.push(tp);
            }
        }
        if let Some(g) = generic_type {
            self.generic_types.insert(g, tps.clone());
        }
        let mut i = 0;
        let saved = std::mem::replace(&mut self.in_tparam_list, true);
        for f in fields {
            let c = self.constraint_type(f.typ);
            let is_any = match &self.ast.expr(f.typ).kind {
                ExprKind::Ident(id) => self
                    .info
                    .uses
                    .get(&id.pos)
                    .is_some_and(|&o| self.objs.get(o).pkg.is_none() && &*self.objs.get(o).name == "any"),
                _ => false,
            };
            for _ in &f.names {
                let tp = tps[i];
                if is_any {
                    self.any_bound.insert(tp);
                }
                if let TypeKind::TypeParam { obj, index, .. } = self.t.kind(tp).clone() {
                    self.t.set_unique(tp, TypeKind::TypeParam { obj, index, constraint: c });
                }
                i += 1;
            }
        }
        self.in_tparam_list = saved;
        tps
    }

    /// A constraint: an interface, or a type-set shorthand `~int | string` (wrapped in an implicit interface).
    fn constraint_type(&mut self, e: ExprId) -> TypeId {
        let ast = self.ast;
        let is_term = match &ast.expr(e).kind {
            ExprKind::Unary { op: UnaryOp::Tilde, .. } => true,
            ExprKind::Binary { op: BinaryOp::Or, .. } => true,
            _ => false,
        };
        if is_term {
            let mut terms = Vec::new();
            self.collect_terms(e, &mut terms);
            let u = self.t.intern(TypeKind::Union(terms));
            let it = self.t.intern(TypeKind::Interface { methods: Vec::new(), embeddeds: vec![u] });
            self.record_type(e, it);
            return it;
        }
        let t = self.typ(e);
        if t == TypeId::INVALID {
            return t;
        }
        if !matches!(self.t.under(t), TypeKind::Interface { .. }) {
            if let TypeKind::TypeParam { .. } = self.t.kind(t) {
                self.error(ast.expr(e).pos, "cannot use a type parameter as constraint");
                return TypeId::INVALID;
            }
            let it = self.t.intern(TypeKind::Interface { methods: Vec::new(), embeddeds: vec![t] });
            return it;
        }
        t
    }

    fn collect_terms(&mut self, e: ExprId, out: &mut Vec<(bool, TypeId)>) {
        let ast = self.ast;
        match &ast.expr(e).kind {
            ExprKind::Binary { op: BinaryOp::Or, x, y, .. } => {
                self.collect_terms(*x, out);
                self.collect_terms(*y, out);
                self.record(e, Mode::TypeExpr, TypeId::INVALID, None);
            }
            ExprKind::Unary { op: UnaryOp::Tilde, x } => {
                let t = self.typ(*x);
                self.record_type(e, t);
                if t != TypeId::INVALID {
                    out.push((true, t));
                }
            }
            _ => {
                let t = self.typ(e);
                if t != TypeId::INVALID {
                    out.push((false, t));
                }
            }
        }
    }

    /// `G[A, B]` for a generic named type `G`.
    fn instantiate_type(&mut self, e: ExprId, gen: TypeId, indices: &'a [ExprId]) -> TypeId {
        let Some(tps) = self.generic_types.get(&gen).cloned() else {
            let s = self.type_string(gen);
            self.error(self.ast.expr(e).pos, format!("{s} is not a generic type"));
            return TypeId::INVALID;
        };
        let targs: Vec<TypeId> = indices.iter().map(|&i| self.typ(i)).collect();
        if targs.contains(&TypeId::INVALID) {
            return TypeId::INVALID;
        }
        if targs.len() != tps.len() {
            // types2 1.19's validateTArgLen. As in types2, the instance still exists (so that its uses are
            // checked too), with the generic type's structure: the program is invalid anyway.
            let msg = format!("got {} arguments but {} type parameters", targs.len(), tps.len());
            self.error(self.ast.expr(e).pos, msg);
            if let Some(&t) = self.instances.get(&(gen, targs.clone())) {
                return t;
            }
            let TypeKind::Named(g) = self.t.kind(gen).clone() else { return TypeId::INVALID };
            let inst = self.t.add_unique(TypeKind::Named(Box::new(super::super::NamedType {
                obj: g.obj,
                underlying: g.underlying,
                methods: Vec::new(),
                origin: Some(gen),
                targs: targs.clone(),
            })));
            self.instances.insert((gen, targs), inst);
            return inst;
        }
        let inst = self.instance(gen, targs.clone());
        for (i, (&tp, &ta)) in tps.iter().zip(&targs).enumerate() {
            if !self.satisfies(ta, tp, &tps, &targs) {
                let c = match self.t.kind(tp) {
                    TypeKind::TypeParam { constraint, .. } => *constraint,
                    _ => TypeId::INVALID,
                };
                let (ts, cs) = (self.type_string(ta), self.type_string(c));
                self.error(self.ast.expr(indices[i]).pos, format!("{ts} does not implement {cs}"));
            }
        }
        inst
    }

    /// The generic receiver `T[P, Q]` of a method: declares P, Q as the generic type's parameters.
    pub fn recv_generic(&mut self, gen: TypeId, indices: &'a [ExprId], _x: ExprId, e: ExprId) -> TypeId {
        let Some(tps) = self.generic_types.get(&gen).cloned() else {
            if gen != TypeId::INVALID {
                let s = self.type_string(gen);
                self.error(self.ast.expr(e).pos, format!("{s} is not a generic type"));
            }
            return TypeId::INVALID;
        };
        if indices.len() != tps.len() {
            self.error(self.ast.expr(e).pos, "receiver type parameter count mismatch");
            return TypeId::INVALID;
        }
        // The receiver's type parameters are the generic type's own (same constraints), renamed.
        let mut targs = Vec::new();
        for (&ix, &tp) in indices.iter().zip(&tps) {
            if let ExprKind::Ident(id) = &self.ast.expr(ix).kind {
                let c = match self.t.kind(tp) {
                    TypeKind::TypeParam { constraint, .. } => *constraint,
                    _ => TypeId::INVALID,
                };
                let o = self.new_obj(ObjKind::TypeName, &id.name, id.pos, TypeId::INVALID);
                let idx = targs.len() as u32;
                let ntp = self.t.add_unique(TypeKind::TypeParam { obj: o, index: idx, constraint: c });
                self.objs.get_mut(o).typ = ntp;
                let s = self.scope;
                self.declare(s, id.pos, o);
                self.record_type(ix, ntp);
                targs.push(ntp);
            } else {
                self.error(self.ast.expr(ix).pos, "receiver type parameter must be an identifier");
                return TypeId::INVALID;
            }
        }
        // The constraints may mention the type parameters (`[P C[P]]`): they speak of the receiver's own.
        for &ntp in &targs {
            if let TypeKind::TypeParam { obj, index, constraint } = self.t.kind(ntp).clone() {
                let c = self.subst(constraint, &tps, &targs);
                self.t.set_unique(ntp, TypeKind::TypeParam { obj, index, constraint: c });
            }
        }
        let inst = self.instance(gen, targs);
        self.record_type(e, inst);
        inst
    }
}

pub fn is_exported(name: &str) -> bool {
    name.chars().next().is_some_and(|c| c.is_uppercase())
}
