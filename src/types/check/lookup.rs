//! Fields, methods and the relations between types: selector lookup through embedded fields (Go spec
//! "Selectors"), method sets, interface implementation, assignability, comparability, type sets of
//! constraints, and generic instantiation by substitution.

use super::super::{ObjKind, Signature, TypeId, TypeKind, VarInfo};
use super::expr::{OpMode, Operand};
use super::Checker;
use crate::types::fxhash::HashSet;

/// The deepest nesting of generic type instantiations (see `instance`); real programs stay far below it.
const MAX_INSTANCE_DEPTH: u32 = 100;

/// The result of looking up `x.name`.
pub enum Lookup {
    Found { obj: super::super::ObjId, index: Vec<u32>, indirect: bool, is_method: bool },
    Ambiguous,
    NotFound,
}

impl<'a> Checker<'a> {
    /// go/types' `sameId`: does the field or method `obj_name` of package `obj_pkg` answer to `name` looked
    /// up from the package being checked? Unexported names of other packages are distinct.
    /// `from` is `None` for an interface's method, whose package the method set does not record: any
    /// package's method of that name answers.
    pub fn same_id(
        &self,
        obj_pkg: Option<super::super::PkgId>,
        obj_name: &str,
        name: &str,
        from: Option<super::super::PkgId>,
    ) -> bool {
        obj_name == name
            && (super::typexpr::is_exported(name) || obj_pkg.is_none() || from.is_none() || obj_pkg == from)
    }

    /// Looks up method `name` of an interface's method set in `t` (for implementation checks).
    pub fn lookup_iface_method(&mut self, t: TypeId, name: &str) -> Lookup {
        self.lookup_from(t, name, None)
    }

    /// The package of interface `it`'s method `name` when it is unexported (found through embedded
    /// interfaces too), so that only that package's methods of the name implement it.
    fn iface_method_pkg(&self, it: TypeId, name: &str, depth: u32) -> Option<super::super::PkgId> {
        if depth > 32 || super::typexpr::is_exported(name) {
            return None;
        }
        let TypeKind::Interface { methods, embeddeds } = self.t.under(it) else { return None };
        if let Some(m) = methods.iter().find(|m| *m.name == *name) {
            return m.pkg;
        }
        embeddeds.iter().find_map(|&e| self.iface_method_pkg(e, name, depth + 1))
    }

    /// Looks up field or method `name` in `t` (go/types' `LookupFieldOrMethod`): breadth-first through
    /// embedded fields; a name found twice at the same depth is ambiguous.
    pub fn lookup_field_or_method(&mut self, t: TypeId, _addressable: bool, name: &str) -> Lookup {
        self.lookup_from(t, name, Some(self.pkg))
    }

    fn lookup_from(&mut self, t: TypeId, name: &str, from: Option<super::super::PkgId>) -> Lookup {
        if name == "_" {
            return Lookup::NotFound;
        }
        // Methods cannot belong to a named pointer type: look through it, but for fields only.
        if let TypeKind::Named(_) = self.t.kind(t) {
            let u = self.t.underlying(t);
            if let TypeKind::Pointer(_) = self.t.kind(u) {
                return match self.lookup_deref(u, name, from) {
                    Lookup::Found { is_method: true, .. } => Lookup::NotFound,
                    r => r,
                };
            }
        }
        self.lookup_deref(t, name, from)
    }

    /// go/types' lookupFieldOrMethod: an unnamed pointer `*T` finds what `T` has (with `indirect` set).
    fn lookup_deref(&mut self, t: TypeId, name: &str, from: Option<super::super::PkgId>) -> Lookup {
        let (start, is_ptr) = match self.t.kind(t) {
            TypeKind::Pointer(b) => (*b, true),
            _ => (t, false),
        };
        // *I where I is an interface (or a type parameter) has no methods, nor fields.
        if is_ptr && (self.is_interface(start) || self.is_type_param(start)) {
            return Lookup::NotFound;
        }
        self.lookup_in(start, is_ptr, name, from)
    }

    fn lookup_in(&mut self, start: TypeId, is_ptr: bool, name: &str, from: Option<super::super::PkgId>) -> Lookup {
        let mut current: Vec<(TypeId, Vec<u32>, bool, bool)> = vec![(start, Vec::new(), is_ptr, false)];
        let mut seen: HashSet<TypeId> = HashSet::default();
        while !current.is_empty() {
            let mut next = Vec::new();
            let mut found: Option<(super::super::ObjId, Vec<u32>, bool, bool)> = None;
            let mut count = 0;
            for (typ, index, indirect, multiples) in current {
                let mut typ = typ;
                // (Only ids are copied out of the type table: cloning kinds, field names and all, per selector
                // was a tenth of the checker's time.)
                if let TypeKind::Named(n) = self.t.kind(typ) {
                    let (nobj, mtype) = (n.obj, n.origin.unwrap_or(typ));
                    if !seen.insert(typ) {
                        continue;
                    }
                    // make sure the type's declaration (and its methods) is checked
                    self.obj_decl(nobj);
                    let method = match self.t.kind(mtype) {
                        TypeKind::Named(on) => on
                            .methods
                            .iter()
                            .position(|&m| {
                                let o = self.objs.get(m);
                                self.same_id(o.pkg, &o.name, name, from)
                            })
                            .map(|i| (i, on.methods[i])),
                        _ => None,
                    };
                    if let Some((i, m)) = method {
                        count += 1 + multiples as i32;
                        let mut idx = index.clone();
                        idx.push(i as u32);
                        found = Some((m, idx, indirect, true));
                        continue;
                    }
                    typ = self.t.underlying(typ);
                    typ = match self.t.kind(typ) {
                        TypeKind::Named(nn) => nn.underlying,
                        _ => self.t.underlying(typ),
                    };
                }
                if let TypeKind::TypeParam { constraint, .. } = *self.t.kind(typ) {
                    // methods of the constraint
                    let ms = self.iface_method_set(constraint);
                    if let Some(i) = ms.iter().position(|m| m.0 == name) {
                        count += 1;
                        let o = self.iface_method_obj(constraint, name, ms[i].1);
                        found = Some((o, vec![i as u32], indirect, true));
                    }
                    continue;
                }
                match self.t.kind(typ) {
                    TypeKind::Struct { fields } => {
                        let mut hit = None;
                        for (i, f) in fields.iter().enumerate() {
                            if self.same_id(f.pkg, &f.name, name, from) {
                                count += 1 + multiples as i32;
                                hit = Some(i);
                                continue;
                            }
                            if f.embedded && found.is_none() && hit.is_none() {
                                let (ft, p) = match self.t.kind(f.typ) {
                                    TypeKind::Pointer(b) => (*b, true),
                                    _ => (f.typ, false),
                                };
                                let mut idx = index.clone();
                                idx.push(i as u32);
                                next.push((ft, idx, indirect || p, multiples));
                            }
                        }
                        if let Some(i) = hit {
                            let mut idx = index.clone();
                            idx.push(i as u32);
                            let o = self.field_obj(typ, i);
                            found = Some((o, idx, indirect, false));
                        }
                    }
                    TypeKind::Interface { .. } => {
                        let ms = self.iface_method_set(typ);
                        // another package's unexported method is not selectable
                        let visible =
                            from.is_none() || self.same_id(self.iface_method_pkg(typ, name, 0), name, name, from);
                        if let Some(i) = ms.iter().position(|m| m.0 == name).filter(|_| visible) {
                            count += 1 + multiples as i32;
                            let o = self.iface_method_obj(typ, name, ms[i].1);
                            let mut idx = index.clone();
                            idx.push(i as u32);
                            found = Some((o, idx, indirect, true));
                        }
                    }
                    _ => {}
                }
            }
            if count > 1 {
                return Lookup::Ambiguous;
            }
            if let Some((obj, index, indirect, is_method)) = found {
                return Lookup::Found { obj, index, indirect, is_method };
            }
            // consolidate: a type reached several times at the same depth counts as multiple
            let mut cons: Vec<(TypeId, Vec<u32>, bool, bool)> = Vec::new();
            for n in next {
                if let Some(c) = cons.iter_mut().find(|c| c.0 == n.0) {
                    c.3 = true;
                } else {
                    cons.push(n);
                }
            }
            current = cons;
        }
        Lookup::NotFound
    }

    /// The field object for field `i` of struct type `st` (created for structs built by substitution).
    pub fn field_obj(&mut self, st: TypeId, i: usize) -> super::super::ObjId {
        if let Some(&o) = self.field_objs.get(&(st, i)) {
            return o;
        }
        let TypeKind::Struct { fields } = self.t.kind(st).clone() else { unreachable!() };
        let f = &fields[i];
        let o = self.objs.add(super::super::Object {
            kind: ObjKind::Var(VarInfo { field: true, embedded: f.embedded, ..Default::default() }),
            name: f.name.clone(),
            pos: crate::syntax::pos::Pos::NONE,
            typ: f.typ,
            pkg: Some(self.pkg),
            package_level: false,
        });
        self.field_objs.insert((st, i), o);
        o
    }

    /// The type of field `obj` selected from `x`'s type (the field object's type, substituted for instances).
    pub fn field_type(&mut self, _recv: TypeId, _obj: super::super::ObjId, otyp: TypeId) -> TypeId {
        otyp
    }

    /// The signature of method `m` as seen from receiver type `recv` (substituting type arguments).
    pub fn method_sig(&mut self, m: super::super::ObjId, recv: TypeId) -> TypeId {
        let sig = self.objs.get(m).typ;
        // find the instance among recv, *recv or embedded types: substitute if the method's receiver is generic
        let ObjKind::Func { recv: Some(rn), .. } = self.objs.get(m).kind else { return sig };
        let Some(tps) = self.generic_types.get(&rn).cloned() else { return sig };
        // Find an instance of rn reachable from recv (directly or through a pointer).
        let base = match self.t.kind(recv) {
            TypeKind::Pointer(b) => *b,
            _ => recv,
        };
        // The receiver's own type, or (a promoted method) an embedded field's, searched breadth-first
        // through embedded fields as selector lookup does.
        let mut level = vec![base];
        let mut targs = None;
        for _ in 0..8 {
            let mut next = Vec::new();
            for t in level {
                let t = match self.t.kind(t) {
                    TypeKind::Pointer(b) => *b,
                    _ => t,
                };
                if let TypeKind::Named(n) = self.t.kind(t) {
                    if n.origin == Some(rn) {
                        targs = Some(n.targs.clone());
                        break;
                    }
                }
                if let TypeKind::Struct { fields } = self.t.under(t) {
                    next.extend(fields.iter().filter(|f| f.embedded).map(|f| f.typ));
                }
            }
            if targs.is_some() || next.is_empty() {
                break;
            }
            level = next;
        }
        let Some(targs) = targs else { return sig };
        // The method's receiver type parameters were declared fresh; map them by index.
        let rtps = self.method_recv_tparams.get(&m).cloned().unwrap_or(tps);
        self.subst(sig, &rtps, &targs)
    }

    /// A name differing only in case, for "but does have" hints.
    pub fn case_variant(&mut self, t: TypeId, name: &str) -> Option<String> {
        // types2's selector hint: the name with its first letter's case changed, if that is found.
        let mut cs = name.chars();
        let first = cs.next()?;
        let flipped: String =
            if first.is_uppercase() { first.to_lowercase().collect() } else { first.to_uppercase().collect() };
        let other = flipped + cs.as_str();
        match self.lookup_field_or_method(t, false, &other) {
            Lookup::Found { .. } => Some(other),
            _ => None,
        }
    }

    // ---- interfaces ----

    /// The full method set of an interface type: (name, signature), sorted by name.
    pub fn iface_method_set(&mut self, t: TypeId) -> Vec<(Name, TypeId)> {
        if let Some(ms) = self.iface_method_sets.get(&t) {
            return ms.clone();
        }
        let mut out: Vec<(Name, TypeId)> = Vec::new();
        let mut seen = HashSet::default();
        let mut complete = true;
        self.collect_iface_methods(t, &mut out, &mut seen, &mut complete);
        out.sort_by(|a, b| a.0.cmp(&b.0));
        // Kept once every interface it embeds is declared, so that nested embeddings (`interface{ interface{
        // ... } }`, thousands deep in fuzzed input) cost one level each instead of their whole depth.
        if complete {
            self.iface_method_sets.insert(t, out.clone());
        }
        out
    }
    fn collect_iface_methods(
        &mut self,
        t: TypeId,
        out: &mut Vec<(Name, TypeId)>,
        seen: &mut HashSet<TypeId>,
        complete: &mut bool,
    ) {
        if !seen.insert(t) {
            return;
        }
        if let Some(ms) = self.iface_method_sets.get(&t) {
            for m in ms {
                if !out.iter().any(|o| o.0 == m.0) {
                    out.push(*m);
                }
            }
            return;
        }
        if let TypeKind::Named(n) = self.t.kind(t).clone() {
            self.obj_decl(n.obj);
        }
        let u = self.t.underlying(t);
        if u == TypeId::INVALID {
            *complete = false;
        }
        if let TypeKind::Interface { methods, embeddeds } = self.t.kind(u) {
            let (methods, embeddeds) = (methods.clone(), embeddeds.clone());
            for m in methods {
                if !out.iter().any(|o| o.0 == m.name) {
                    out.push((m.name, m.typ));
                }
            }
            for e in embeddeds {
                if matches!(self.t.under(e), TypeKind::Interface { .. }) {
                    self.collect_iface_methods(e, out, seen, complete);
                }
            }
        }
    }

    pub fn iface_method_obj(&mut self, it: TypeId, name: &str, sig: TypeId) -> super::super::ObjId {
        let u = self.t.underlying(it);
        if let Some(&o) = self.iface_method_objs.get(&(u, Name::new(name))) {
            return o;
        }
        // embedded method: find its object in an embedded interface, or make one
        let o = self.objs.add(super::super::Object {
            kind: ObjKind::Func { recv: None, has_body: false },
            name: Name::new(name),
            pos: crate::syntax::pos::Pos::NONE,
            typ: sig,
            pkg: Some(self.pkg),
            package_level: false,
        });
        self.iface_method_objs.insert((u, Name::new(name)), o);
        o
    }

    /// The type terms of a constraint interface (`None`: unrestricted, i.e. any type).
    pub fn type_terms(&self, t: TypeId) -> Option<Vec<(bool, TypeId)>> {
        self.type_terms_in(t, &mut Vec::new())
    }

    /// `type_terms`, with the interfaces being expanded in `visiting`: an interface that embeds itself
    /// (`type I interface{ I }`, already reported as an invalid cycle) adds no terms instead of recursing forever.
    fn type_terms_in(&self, t: TypeId, visiting: &mut Vec<TypeId>) -> Option<Vec<(bool, TypeId)>> {
        if visiting.contains(&t) {
            return None;
        }
        visiting.push(t);
        let r = self.type_terms_step(t, visiting);
        visiting.pop();
        r
    }

    fn type_terms_step(&self, t: TypeId, visiting: &mut Vec<TypeId>) -> Option<Vec<(bool, TypeId)>> {
        let u = self.t.underlying(t);
        if t == self.comparable_t {
            return None;
        }
        let TypeKind::Interface { embeddeds, .. } = self.t.kind(u) else { return None };
        let mut result: Option<Vec<(bool, TypeId)>> = None;
        for &e in embeddeds {
            let terms: Option<Vec<(bool, TypeId)>> = match self.t.kind(e) {
                TypeKind::Union(ts) => {
                    let mut all = Vec::new();
                    let mut unbounded = false;
                    for &(tilde, tt) in ts {
                        if matches!(self.t.under(tt), TypeKind::Interface { .. }) {
                            match self.type_terms_in(tt, visiting) {
                                Some(inner) => all.extend(inner),
                                None => unbounded = true,
                            }
                        } else {
                            all.push((tilde, tt));
                        }
                    }
                    if unbounded {
                        None
                    } else {
                        Some(all)
                    }
                }
                _ if matches!(self.t.under(e), TypeKind::Interface { .. }) => self.type_terms_in(e, visiting),
                _ => Some(vec![(false, e)]),
            };
            if let Some(ts) = terms {
                result = Some(match result {
                    None => ts,
                    Some(prev) => prev
                        .into_iter()
                        .filter(|p| ts.iter().any(|q| self.term_includes(*q, p.1) || self.term_includes(*p, q.1)))
                        .collect(),
                });
            }
        }
        result
    }

    fn term_includes(&self, term: (bool, TypeId), t: TypeId) -> bool {
        if term.0 {
            self.t.underlying(term.1) == self.t.underlying(t)
        } else {
            term.1 == t
        }
    }

    fn is_comparable_constraint(&self, t: TypeId) -> bool {
        self.is_comparable_constraint_in(t, &mut Vec::new())
    }

    /// (`visiting`: the interfaces being looked through, so that an invalid `type I interface{ I }` ends.)
    fn is_comparable_constraint_in(&self, t: TypeId, visiting: &mut Vec<TypeId>) -> bool {
        if visiting.contains(&t) {
            return false;
        }
        if t == self.comparable_t {
            return true;
        }
        // `type C comparable`: a defined type denoting comparable (its underlying interface alone has lost
        // that; its declaration's right-hand side has not)
        // (followed a bounded number of steps: invalid declaration cycles `type A B; type B A` end too)
        let mut r = t;
        for _ in 0..16 {
            match self.type_rhs.get(&r) {
                Some(&rhs) if rhs == self.comparable_t => return true,
                Some(&rhs) if rhs != r => r = rhs,
                _ => break,
            }
        }
        let u = self.t.underlying(t);
        if let TypeKind::Interface { embeddeds, .. } = self.t.kind(u) {
            visiting.push(t);
            let r = embeddeds.iter().any(|&e| self.is_comparable_constraint_in(e, visiting));
            visiting.pop();
            return r;
        }
        false
    }

    /// Does `v` implement interface `t`? Returns a reason when not.
    pub fn implements(&mut self, v: TypeId, t: TypeId) -> Result<(), String> {
        if v == TypeId::INVALID || t == TypeId::INVALID {
            return Ok(());
        }
        if !self.is_interface(t) {
            let (vs, ts) = (self.type_string(v), self.type_string(t));
            let cause = if matches!(self.t.under(t), TypeKind::Pointer(b) if self.is_interface(*b)) {
                format!("type {ts} is pointer to interface, not interface")
            } else {
                format!("{ts} is not an interface")
            };
            return Err(format!("{vs} does not implement {ts} ({cause})"));
        }
        match self.missing_method_reason(v, t) {
            None => Ok(()),
            Some(why) => {
                let (vs, ts) = (self.type_string(v), self.type_string(t));
                Err(format!("{vs} does not implement {ts} {why}"))
            }
        }
    }

    /// types2's `missingMethod` and `missingMethodReason` (with gc's wording): why `v` lacks a method of
    /// interface `t` — `(missing M method)`, `(M method has pointer receiver)`, `(wrong type for M method)`
    /// with the signatures had and wanted, or a method whose name differs only in case — or `None`.
    pub fn missing_method_reason(&mut self, v: TypeId, t: TypeId) -> Option<String> {
        let ms = self.iface_method_set(t);
        let v_iface = self.is_interface(v);
        let vms = if v_iface { self.iface_method_set(v) } else { Vec::new() };
        for (name, sig) in &ms {
            let want = format!("{name}{}", self.sig_string(*sig));
            // A method of `v` with this name: its signature and whether only `*v` has it.
            let found: Option<(TypeId, bool)> = if v_iface {
                // unexported methods of different packages differ (an unrecorded package matches any)
                let same_pkg = match (self.iface_method_pkg(v, name, 0), self.iface_method_pkg(t, name, 0)) {
                    (Some(a), Some(b)) => a == b,
                    _ => true,
                };
                vms.iter().find(|m| &m.0 == name && same_pkg).map(|m| (m.1, false))
            } else {
                let from = self.iface_method_pkg(t, name, 0);
                match self.lookup_from(v, name, from) {
                    Lookup::Found { obj, indirect, is_method: true, .. } => {
                        let v_is_ptr = matches!(self.t.kind(v), TypeKind::Pointer(_));
                        let ptr_only = self.ptr_recv.contains(&obj) && !indirect && !v_is_ptr;
                        Some((self.method_sig(obj, v), ptr_only))
                    }
                    _ => None,
                }
            };
            match found {
                Some((msig, _)) if !self.identical(msig, *sig) => {
                    let have = format!("{name}{}", self.sig_string(msig));
                    return Some(format!("(wrong type for {name} method)\n\t\thave {have}\n\t\twant {want}"));
                }
                Some((_, true)) => return Some(format!("({name} method has pointer receiver)")),
                Some(_) => {}
                None => {
                    // a method whose name differs only in case
                    if let Some((alt, asig)) = self.method_folding_case(v, name) {
                        let have = format!("{alt}{}", self.sig_string(asig));
                        return Some(format!("(missing {name} method)\n\t\thave {have}\n\t\twant {want}"));
                    }
                    if matches!(self.t.under(v), TypeKind::Pointer(b) if self.is_interface(*b)) {
                        let vs = self.type_string(v);
                        return Some(format!("(type {vs} is pointer to interface, not interface)"));
                    }
                    return Some(format!("(missing {name} method)"));
                }
            }
        }
        None
    }

    /// A method of `v` (or of `*v`'s base) whose name equals `name` up to case, with its signature.
    fn method_folding_case(&mut self, v: TypeId, name: &str) -> Option<(Name, TypeId)> {
        let base = match self.t.kind(v) {
            TypeKind::Pointer(b) => *b,
            _ => v,
        };
        let candidates: Vec<Name> = match self.t.kind(base) {
            TypeKind::Named(n) => n.methods.iter().map(|&m| self.objs.get(m).name.clone()).collect(),
            _ if self.is_interface(base) => self.iface_method_set(base).into_iter().map(|m| m.0).collect(),
            _ => Vec::new(),
        };
        let alt = candidates.into_iter().find(|c| c != name && c.eq_ignore_ascii_case(name))?;
        if self.is_interface(base) {
            return self.iface_method_set(base).into_iter().find(|m| m.0 == alt).map(|m| (alt, m.1));
        }
        match self.lookup_iface_method(base, &alt) {
            Lookup::Found { obj, is_method: true, .. } => {
                let sig = self.method_sig(obj, base);
                Some((alt, sig))
            }
            _ => None,
        }
    }

    /// Does type argument `ta` satisfy the constraint of type parameter `tp`?
    pub fn satisfies(&mut self, ta: TypeId, tp: TypeId, tps: &[TypeId], targs: &[TypeId]) -> bool {
        let TypeKind::TypeParam { constraint, .. } = self.t.kind(tp).clone() else { return true };
        if constraint == TypeId::INVALID {
            return true;
        }
        let c = self.subst(constraint, tps, targs);
        if self.is_comparable_constraint(c) && !self.comparable(ta) {
            return false;
        }
        if let Some(terms) = self.type_terms(c) {
            let ok = if let TypeKind::TypeParam { constraint: tc, .. } = self.t.kind(ta).clone() {
                match self.type_terms(tc) {
                    Some(ts) => ts.iter().all(|&(_, t)| terms.iter().any(|&term| self.term_includes(term, t))),
                    None => false,
                }
            } else {
                terms.iter().any(|&term| self.term_includes(term, ta))
            };
            if !ok {
                return false;
            }
        }
        let ms = self.iface_method_set(c);
        if ms.is_empty() {
            return true;
        }
        let methods_only = self.t.intern(TypeKind::Interface {
            methods: ms
                .iter()
                .map(|(n, s)| super::super::FieldInfo {
                    name: *n,
                    typ: *s,
                    embedded: false,
                    tag: String::new(),
                    pkg: None,
                })
                .collect(),
            embeddeds: Vec::new(),
        });
        self.implements(ta, methods_only).is_ok()
    }

    // ---- assignability and comparability ----

    pub fn assignable_to(&mut self, x: &Operand, t: TypeId) -> bool {
        self.assignable_reason(x, t).is_ok()
    }

    /// Go spec "Assignability". `Err(reason)` with an optional explanation.
    pub fn assignable_reason(&mut self, x: &Operand, t: TypeId) -> Result<(), String> {
        let v = x.typ;
        if v == t || v == TypeId::INVALID || t == TypeId::INVALID {
            return Ok(());
        }
        if self.is_untyped(v) {
            let mut y = x.clone();
            if y.mode == OpMode::Constant || v == TypeId::UNTYPED_NIL || v == TypeId::UNTYPED_BOOL {
                if v == TypeId::UNTYPED_NIL {
                    return if self.has_nil(t) { Ok(()) } else { Err(String::new()) };
                }
                if self.is_interface(t) {
                    let d = self.default_type(v);
                    let dy = Operand { typ: d, ..y.clone() };
                    return self.assignable_reason(&dy, t);
                }
                if y.mode == OpMode::Constant {
                    return Checker::representable_static(self, &mut y, t).map_err(|_| String::new());
                }
                return if self.is_boolean(t) { Ok(()) } else { Err(String::new()) };
            }
            // untyped non-constant numeric (shift results)
            if self.is_interface(t) {
                return Ok(());
            }
            return if self.is_numeric(t) || (v == TypeId::UNTYPED_BOOL && self.is_boolean(t)) {
                Ok(())
            } else {
                Err(String::new())
            };
        }
        let vu = self.t.underlying(v);
        let tu = self.t.underlying(t);
        // Named types (Go spec "Types") are the predeclared ones, defined types and type parameters.
        let named = |k: &TypeKind| matches!(k, TypeKind::Basic(_) | TypeKind::Named(_) | TypeKind::TypeParam { .. });
        let v_named = named(self.t.kind(v));
        let t_named = named(self.t.kind(t));
        if (!v_named || !t_named) && !self.is_type_param(v) && !self.is_type_param(t) && self.identical(vu, tu) {
            return Ok(());
        }
        let t_iface_ptr = matches!(self.t.kind(tu), TypeKind::Pointer(b) if self.is_interface(*b));
        if (self.is_interface(t) && !self.is_type_param(t)) || t_iface_ptr {
            return self.implements(v, t);
        }
        // `v` is an interface that `t` implements: a type assertion is missing.
        if self.is_interface(v) && !self.is_type_param(v) && self.implements(t, v).is_ok() {
            return Err("need type assertion".into());
        }
        if let (TypeKind::Chan { dir: ChanDir::Both, elem: ve }, TypeKind::Chan { elem: te, .. }) =
            (self.t.kind(vu).clone(), self.t.kind(tu).clone())
        {
            if ve == te && (!v_named || !t_named) {
                return Ok(());
            }
        }
        // Type parameters (types2's assignableTo): a value of an unnamed type is assignable to a type
        // parameter if it is assignable to each type of its type set; a type parameter's value is assignable
        // to an unnamed type if each type of its type set is.
        if !v_named {
            if let TypeKind::TypeParam { constraint, .. } = *self.t.kind(t) {
                return match self.type_terms(constraint) {
                    Some(terms) if !terms.is_empty() => {
                        for (_, tt) in terms {
                            self.assignable_reason(x, tt)?;
                        }
                        Ok(())
                    }
                    _ => Err(String::new()),
                };
            }
        }
        if !t_named {
            if let TypeKind::TypeParam { constraint, .. } = *self.t.kind(v) {
                return match self.type_terms(constraint) {
                    Some(terms) if !terms.is_empty() => {
                        for (_, vt) in terms {
                            let y = Operand { typ: vt, ..x.clone() };
                            self.assignable_reason(&y, t)?;
                        }
                        Ok(())
                    }
                    _ => Err(String::new()),
                };
            }
        }
        Err(String::new())
    }

    /// Go spec "Type identity". Interned ids decide it except for interfaces, which are identical when their
    /// method sets are (`interface{ I; J }` and the same methods written out; types whose methods mention
    /// each other, as in bug398.go, assume identity of the pair being compared: types2's `ifacePair`).
    pub fn identical(&mut self, a: TypeId, b: TypeId) -> bool {
        self.identical_seen(a, b, &mut Vec::new())
    }

    fn identical_seen(&mut self, a: TypeId, b: TypeId, seen: &mut Vec<(TypeId, TypeId)>) -> bool {
        if a == b {
            return true;
        }
        let (ka, kb) = (self.t.kind(a).clone(), self.t.kind(b).clone());
        match (ka, kb) {
            (TypeKind::Pointer(x), TypeKind::Pointer(y)) | (TypeKind::Slice(x), TypeKind::Slice(y)) => {
                self.identical_seen(x, y, seen)
            }
            (TypeKind::Array { len: l1, elem: x }, TypeKind::Array { len: l2, elem: y }) => {
                l1 == l2 && self.identical_seen(x, y, seen)
            }
            (TypeKind::Map { key: k1, value: v1 }, TypeKind::Map { key: k2, value: v2 }) => {
                self.identical_seen(k1, k2, seen) && self.identical_seen(v1, v2, seen)
            }
            (TypeKind::Chan { dir: d1, elem: x }, TypeKind::Chan { dir: d2, elem: y }) => {
                d1 == d2 && self.identical_seen(x, y, seen)
            }
            (TypeKind::Func(s1), TypeKind::Func(s2)) => {
                s1.variadic == s2.variadic
                    && s1.params.len() == s2.params.len()
                    && s1.results.len() == s2.results.len()
                    && s1.params.iter().zip(&s2.params).all(|(&x, &y)| self.identical_seen(x, y, seen))
                    && s1.results.iter().zip(&s2.results).all(|(&x, &y)| self.identical_seen(x, y, seen))
            }
            (TypeKind::Struct { fields: f1 }, TypeKind::Struct { fields: f2 }) => {
                f1.len() == f2.len()
                    && f1.iter().zip(&f2).all(|(x, y)| {
                        x.name == y.name
                            && x.embedded == y.embedded
                            && x.tag == y.tag
                            && x.pkg == y.pkg
                            && self.identical_seen(x.typ, y.typ, seen)
                    })
            }
            (TypeKind::Interface { .. }, TypeKind::Interface { .. }) => {
                // type sets with terms (constraints) are compared by id only
                if self.type_terms(a).is_some() || self.type_terms(b).is_some() {
                    return false;
                }
                if seen.contains(&(a, b)) || seen.contains(&(b, a)) {
                    return true;
                }
                let (ma, mb) = (self.iface_method_set(a), self.iface_method_set(b));
                if ma.len() != mb.len() || ma.iter().zip(&mb).any(|(x, y)| x.0 != y.0) {
                    return false;
                }
                seen.push((a, b));
                let ok = ma.iter().zip(&mb).all(|(x, y)| self.identical_seen(x.1, y.1, seen));
                seen.pop();
                ok
            }
            _ => false,
        }
    }

    /// Go spec "Comparison operators": values of type `t` can be compared with `==`.
    pub fn comparable(&self, t: TypeId) -> bool {
        self.comparable_seen(t, &mut HashSet::default())
    }

    fn comparable_seen(&self, t: TypeId, seen: &mut HashSet<TypeId>) -> bool {
        if !seen.insert(t) {
            return true;
        }
        match self.t.kind(t) {
            TypeKind::TypeParam { constraint, .. } => {
                if self.is_comparable_constraint(*constraint) {
                    return true;
                }
                match self.type_terms(*constraint) {
                    Some(ts) if !ts.is_empty() => ts.iter().all(|&(_, tt)| self.comparable_seen(tt, seen)),
                    _ => false,
                }
            }
            _ => match self.t.under(t) {
                TypeKind::Basic(b) => *b != super::super::BasicKind::UntypedNil,
                TypeKind::Pointer(_) | TypeKind::Chan { .. } | TypeKind::Interface { .. } => true,
                TypeKind::Struct { fields } => fields.clone().iter().all(|f| self.comparable_seen(f.typ, seen)),
                TypeKind::Array { elem, .. } => self.comparable_seen(*elem, seen),
                _ => false,
            },
        }
    }

    // ---- generics ----

    /// The instance `gen[targs]` of generic named type `gen` (one per distinct argument list).
    pub fn instance(&mut self, gen: TypeId, targs: Vec<TypeId>) -> TypeId {
        let tps = self.generic_types.get(&gen).cloned().unwrap_or_default();
        if tps == targs {
            return gen;
        }
        if let Some(&t) = self.instances.get(&(gen, targs.clone())) {
            return t;
        }
        let TypeKind::Named(n) = self.t.kind(gen).clone() else { return TypeId::INVALID };
        let inst = self.t.add_unique(TypeKind::Named(Box::new(super::super::NamedType {
            obj: n.obj,
            underlying: TypeId::INVALID,
            methods: Vec::new(),
            origin: Some(gen),
            targs: targs.clone(),
        })));
        self.instances.insert((gen, targs.clone()), inst);
        // Instances are expanded eagerly, so an instantiation cycle (gc's monomorphization check) shows as
        // instances nested without end: stop it with gc's error at the type parameter.
        if self.instance_depth >= MAX_INSTANCE_DEPTH {
            let pos = match tps.first().map(|&p| self.t.kind(p)) {
                Some(&TypeKind::TypeParam { obj, .. }) => self.objs.get(obj).pos,
                _ => self.objs.get(n.obj).pos,
            };
            self.error(pos, "instantiation cycle");
            return TypeId::INVALID;
        }
        self.instance_depth += 1;
        // the generic type may not be complete yet (recursive generic types): resolve now if possible
        self.obj_decl(n.obj);
        let under = match self.t.kind(gen) {
            TypeKind::Named(n) => n.underlying,
            _ => TypeId::INVALID,
        };
        if under == TypeId::INVALID {
            // the generic type is being declared (`type E[T any] struct{ l *L[T] }; type L[T any] struct{
            // root E[T] }`): the instance is completed when its underlying type is known
            self.pending_instances.push((inst, gen));
        }
        let su = self.subst(under, &tps, &targs);
        self.instance_depth -= 1;
        let su = if matches!(self.t.kind(su), TypeKind::Named(_)) { self.t.underlying(su) } else { su };
        self.t.named_mut(inst).underlying = su;
        inst
    }

    /// Gives the instances of generic type `gen` created before its underlying type was known theirs.
    pub fn complete_pending_instances(&mut self, gen: TypeId) {
        let under = self.t.underlying(gen);
        if under == TypeId::INVALID || matches!(self.t.kind(under), TypeKind::Named(_)) {
            return;
        }
        let tps = self.generic_types.get(&gen).cloned().unwrap_or_default();
        let (done, rest): (Vec<_>, Vec<_>) =
            std::mem::take(&mut self.pending_instances).into_iter().partition(|p| p.1 == gen);
        self.pending_instances = rest;
        for (inst, _) in done {
            let targs = match self.t.kind(inst) {
                TypeKind::Named(n) => n.targs.clone(),
                _ => continue,
            };
            let su = self.subst(under, &tps, &targs);
            let su = if matches!(self.t.kind(su), TypeKind::Named(_)) { self.t.underlying(su) } else { su };
            self.t.named_mut(inst).underlying = su;
        }
    }

    /// Replaces type parameters `tps` by `targs` in `t`.
    pub fn subst(&mut self, t: TypeId, tps: &[TypeId], targs: &[TypeId]) -> TypeId {
        if tps.is_empty() || t == TypeId::INVALID {
            return t;
        }
        match self.t.kind(t).clone() {
            TypeKind::TypeParam { .. } => match tps.iter().position(|&p| p == t) {
                Some(i) => targs.get(i).copied().unwrap_or(t),
                None => t,
            },
            TypeKind::Basic(_) => t,
            TypeKind::Pointer(b) => {
                let b2 = self.subst(b, tps, targs);
                self.t.pointer(b2)
            }
            TypeKind::Slice(b) => {
                let b2 = self.subst(b, tps, targs);
                self.t.slice(b2)
            }
            TypeKind::Array { len, elem } => {
                let e2 = self.subst(elem, tps, targs);
                self.t.array(len, e2)
            }
            TypeKind::Map { key, value } => {
                let k = self.subst(key, tps, targs);
                let v = self.subst(value, tps, targs);
                self.t.intern(TypeKind::Map { key: k, value: v })
            }
            TypeKind::Chan { dir, elem } => {
                let e2 = self.subst(elem, tps, targs);
                self.t.intern(TypeKind::Chan { dir, elem: e2 })
            }
            TypeKind::Struct { mut fields } => {
                for f in fields.iter_mut() {
                    f.typ = self.subst(f.typ, tps, targs);
                }
                self.t.intern(TypeKind::Struct { fields })
            }
            TypeKind::Func(s) => {
                let params = s.params.iter().map(|&p| self.subst(p, tps, targs)).collect();
                let results = s.results.iter().map(|&p| self.subst(p, tps, targs)).collect();
                self.t.intern(TypeKind::Func(Signature { params, results, variadic: s.variadic }))
            }
            TypeKind::Interface { mut methods, embeddeds } => {
                for m in methods.iter_mut() {
                    m.typ = self.subst(m.typ, tps, targs);
                }
                let embeddeds = embeddeds.iter().map(|&e| self.subst(e, tps, targs)).collect();
                self.t.intern(TypeKind::Interface { methods, embeddeds })
            }
            TypeKind::Union(terms) => {
                let terms = terms.iter().map(|&(b, tt)| (b, self.subst(tt, tps, targs))).collect();
                self.t.intern(TypeKind::Union(terms))
            }
            TypeKind::Tuple(ts) => {
                let ts = ts.iter().map(|&x| self.subst(x, tps, targs)).collect();
                self.t.tuple(ts)
            }
            TypeKind::Named(n) => {
                // Inside its own declaration a generic type's name (`next *node[T]`) denotes the generic
                // type itself, standing for the instance with its own type parameters.
                let old = match (&n.origin, self.generic_types.get(&t)) {
                    (None, Some(own)) if n.targs.is_empty() => own.clone(),
                    _ => n.targs.clone(),
                };
                if old.is_empty() {
                    return t;
                }
                let new: Vec<TypeId> = old.iter().map(|&a| self.subst(a, tps, targs)).collect();
                if new == old {
                    return t;
                }
                self.instance(n.origin.unwrap_or(t), new)
            }
        }
    }

    /// A parameter type that mentions the callee's own type parameters met an argument of that very type: a
    /// recursive call inside the generic function (`merge(a.left, b)` in `merge[T]`, `a.left` a
    /// `*node[T]`). Each type parameter it mentions is then its own argument, which types2 infers after
    /// renaming the callee's type parameters; one already inferred stays as it is. Only for a call's
    /// arguments: in constraint type inference a core type meeting itself (`struct{ b B }` for `A`) says
    /// nothing about `B`.
    pub(crate) fn bind_own_type_params(&mut self, t: TypeId, tps: &[TypeId], out: &mut [Option<TypeId>]) {
        if let Some(i) = tps.iter().position(|&p| p == t) {
            out[i].get_or_insert(t);
            return;
        }
        match self.t.kind(t).clone() {
            TypeKind::Pointer(e)
            | TypeKind::Slice(e)
            | TypeKind::Array { elem: e, .. }
            | TypeKind::Chan { elem: e, .. } => self.bind_own_type_params(e, tps, out),
            TypeKind::Map { key, value } => {
                self.bind_own_type_params(key, tps, out);
                self.bind_own_type_params(value, tps, out);
            }
            TypeKind::Func(s) => {
                for &x in s.params.iter().chain(s.results.iter()) {
                    self.bind_own_type_params(x, tps, out);
                }
            }
            TypeKind::Struct { fields } => {
                for f in fields.iter() {
                    self.bind_own_type_params(f.typ, tps, out);
                }
            }
            TypeKind::Named(n) => {
                for &x in n.targs.iter() {
                    self.bind_own_type_params(x, tps, out);
                }
            }
            _ => {}
        }
    }

    /// Infers type arguments by unifying parameter types with argument types (Go spec "Type inference",
    /// function argument inference; untyped constants take their default types last).
    pub fn unify(&mut self, param: TypeId, arg: TypeId, tps: &[TypeId], out: &mut Vec<Option<TypeId>>) -> bool {
        if let Some(i) = tps.iter().position(|&p| p == param) {
            match out[i] {
                Some(prev) => {
                    return prev == arg
                        || self.t.underlying(prev) == self.t.underlying(arg)
                            && (!self.t.is_named(prev) || !self.t.is_named(arg))
                }
                None => {
                    out[i] = Some(arg);
                    return true;
                }
            }
        }
        if param == arg {
            return true;
        }
        // An argument of an outer type parameter's type unifies through its core type with an unnamed
        // parameter type (types2's enableCoreTypeUnification): `SetEq(a, b)` with `a T`, `T []E`.
        if matches!(self.t.kind(arg), TypeKind::TypeParam { .. })
            && !tps.contains(&arg)
            && !matches!(self.t.kind(param), TypeKind::TypeParam { .. } | TypeKind::Named(_) | TypeKind::Basic(_))
        {
            let c = self.core(arg);
            if c != TypeId::INVALID && c != arg {
                return self.unify(param, c, tps, out);
            }
        }
        let (pk, ak) = (self.t.kind(param).clone(), self.t.kind(arg).clone());
        let ak = if let (TypeKind::Named(_), false) = (&ak, matches!(pk, TypeKind::Named(_))) {
            self.t.under(arg).clone()
        } else {
            ak
        };
        // A generic named parameter type (`Fn[A, B]`) against an unnamed argument type: unify the structure.
        let pk = if let (TypeKind::Named(_), false) = (&pk, matches!(ak, TypeKind::Named(_))) {
            self.t.under(param).clone()
        } else {
            pk
        };
        match (pk, ak) {
            (TypeKind::Pointer(a), TypeKind::Pointer(b)) | (TypeKind::Slice(a), TypeKind::Slice(b)) => {
                self.unify(a, b, tps, out)
            }
            (TypeKind::Array { len: l1, elem: a }, TypeKind::Array { len: l2, elem: b }) => {
                l1 == l2 && self.unify(a, b, tps, out)
            }
            (TypeKind::Map { key: k1, value: v1 }, TypeKind::Map { key: k2, value: v2 }) => {
                self.unify(k1, k2, tps, out) && self.unify(v1, v2, tps, out)
            }
            (TypeKind::Chan { elem: a, .. }, TypeKind::Chan { elem: b, .. }) => self.unify(a, b, tps, out),
            (TypeKind::Func(s1), TypeKind::Func(s2)) => {
                s1.params.len() == s2.params.len()
                    && s1.results.len() == s2.results.len()
                    && s1.params.iter().zip(&s2.params).all(|(&a, &b)| self.unify(a, b, tps, out))
                    && s1.results.iter().zip(&s2.results).all(|(&a, &b)| self.unify(a, b, tps, out))
            }
            (TypeKind::Struct { fields: f1 }, TypeKind::Struct { fields: f2 }) => {
                f1.len() == f2.len()
                    && f1.iter().zip(&f2).all(|(a, b)| a.name == b.name && self.unify(a.typ, b.typ, tps, out))
            }
            (TypeKind::Named(n1), TypeKind::Named(n2)) => {
                n1.origin.is_some()
                    && n1.origin == n2.origin
                    && n1.targs.len() == n2.targs.len()
                    && n1.targs.iter().zip(&n2.targs).all(|(&a, &b)| self.unify(a, b, tps, out))
            }
            _ => true,
        }
    }
}

use crate::syntax::ast::{ChanDir, Name};
