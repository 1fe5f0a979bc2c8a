//! Generics by monomorphization (DESIGN §3): one copy of a generic function or method per distinct list of
//! type arguments.
//!
//! In: the checked program. The checker records generic bodies with types in terms of their `TypeParam`s,
//! each use of a generic function in `Info::instances` (type arguments, possibly mentioning the type
//! parameters of an enclosing generic body), and each instance of a generic type as a `Named` with `origin`
//! and `targs`. Out: [`Generics`]: the program's type table extended with every type the instances need,
//! and the list of function instances, each with the substitution lowering applies to every type query
//! inside its body.
//!
//! Why a pass before lowering: lowering holds the type table immutably (`&'a`), so that the type
//! structures it matches on can be borrowed while it emits code. This pass therefore builds, up front, a
//! clone of the checker's table extended with every substituted type, and for each instance a map
//! generic type → concrete type covering every type its body can ask for: the types of all expressions
//! and of all objects declared inside the declaration's source range (closures included), and the
//! receiver types of its selections. Lowering then only looks types up (`Fb::type_of`, `Fb::obj_type`).
//!
//! The worklist starts from the uses with concrete type arguments (`Info::instances`) and from the
//! concrete instances of generic types the checker made (their methods are all instantiated, as gc does
//! for types that may be converted to interfaces); scanning an instance's body substitutes its uses of
//! generic functions and types, which may add more instances. An instance is keyed by (generic function
//! object, type arguments); types are interned and instances of generic types are deduplicated by
//! (origin, type arguments), so these keys are canonical. The worklist is processed in a fixed order
//! (roots by source position, then discovery order), so instances and the new `TypeId`s are deterministic.
//!
//! Instances of generic types in the extended table list their origin's methods in `NamedType::methods`
//! (the checker leaves them empty); their signatures and symbols come from the method's instance here.
//! Symbols follow gc's instantiated names: `main.F[int,string]`, `main.(*List[int]).Push`.

use std::collections::HashMap;

use super::func::Fb;
use super::{FuncMeta, Lowerer};
use crate::syntax::ast::{Ast, Decl, ExprId, FuncDecl};
use crate::syntax::pos::{Error, Pos};
use crate::types::{
    BasicKind, NamedType, ObjId, ObjKind, Program, Selection, Signature, TypeId, TypeKind, TypeTable, NUM_BASIC,
};

/// More instances than this means an instantiation cycle (`func f[T any]() { f[[]T]() }`).
const MAX_INSTANCES: usize = 5000;

/// One instance of a generic function or of a method of a generic type.
pub(crate) struct FuncInst {
    /// The generic function or method.
    pub obj: ObjId,
    /// Concrete type arguments (for a method, those of its receiver's type).
    pub targs: Vec<TypeId>,
    /// The instantiated receiver type (`List[int]` or `*List[int]`) of a method.
    pub recv: Option<TypeId>,
    /// The instantiated signature.
    pub sig: TypeId,
    /// Generic type → concrete type, for every type the body mentions.
    pub subst: HashMap<TypeId, TypeId>,
}

/// The result of the pass: see the module comment.
pub(crate) struct Generics {
    pub types: TypeTable,
    pub insts: Vec<FuncInst>,
    by_key: HashMap<(ObjId, Vec<TypeId>), usize>,
}

impl Generics {
    /// The instance of generic function or method `obj` for `targs`, if the pass made it.
    pub fn find(&self, obj: ObjId, targs: &[TypeId]) -> Option<usize> {
        self.by_key.get(&(obj, targs.to_vec())).copied()
    }
}

/// Runs the pass (see the module comment).
pub(super) fn instantiate(ast: &Ast, prog: &Program) -> Result<Generics, Vec<Error>> {
    let mut c = Collector::new(ast, prog);
    c.run();
    if !c.errors.is_empty() {
        return Err(c.errors);
    }
    // `*T` for every predeclared and defined type, and for struct types with embedded fields (which may
    // have promoted methods), so that a descriptor of `T` can name `*T` as its `ptrToThis` (typedesc.rs),
    // as gc's does: reflect's PointerTo(T), New(T) and Value.Addr then give the program's `*T` with its
    // methods, even where the program never spells `*T`.
    for i in BasicKind::Bool as u32..=BasicKind::UnsafePointer as u32 {
        c.types.pointer(TypeId(i));
    }
    for i in NUM_BASIC..c.types.len() as u32 {
        let wants_ptr = match c.types.kind(TypeId(i)) {
            TypeKind::Named(_) => true,
            TypeKind::Struct { fields } => fields.iter().any(|f| f.embedded),
            _ => false,
        };
        if wants_ptr {
            c.types.pointer(TypeId(i));
        }
    }
    Ok(Generics { types: c.types, insts: c.insts, by_key: c.by_key })
}

struct Collector<'a> {
    prog: &'a Program,
    types: TypeTable,
    /// Canonical instances of generic types: (origin, type arguments) → the instance.
    named: HashMap<(TypeId, Vec<TypeId>), TypeId>,
    /// Instances of generic types whose methods have not been queued yet.
    pending_named: Vec<TypeId>,
    decls: HashMap<ObjId, &'a FuncDecl>,
    /// Checked expressions and declared objects, sorted by position, to find those inside a declaration.
    exprs: Vec<(Pos, ExprId)>,
    objs: Vec<(Pos, ObjId)>,
    uses: Vec<Pos>,
    insts: Vec<FuncInst>,
    by_key: HashMap<(ObjId, Vec<TypeId>), usize>,
    concrete: HashMap<TypeId, bool>,
    errors: Vec<Error>,
}

impl<'a> Collector<'a> {
    fn new(ast: &'a Ast, prog: &'a Program) -> Collector<'a> {
        let mut decls = HashMap::new();
        for file in &ast.files {
            for d in &file.decls {
                if let Decl::Func(fd) = d {
                    if let Some(&o) = prog.info.defs.get(&fd.name.pos) {
                        decls.insert(o, fd);
                    }
                }
            }
        }
        let mut exprs: Vec<(Pos, ExprId)> = prog.info.types.iter().map(|(e, _)| (ast.expr(e).pos, e)).collect();
        exprs.sort();
        let mut objs: Vec<(Pos, ObjId)> = prog
            .objs
            .objs
            .iter()
            .enumerate()
            .filter(|(_, o)| o.pos.is_known())
            .map(|(i, o)| (o.pos, ObjId(i as u32)))
            .collect();
        objs.sort();
        let mut uses: Vec<Pos> = prog.info.instances.keys().copied().collect();
        uses.sort();
        Collector {
            prog,
            types: prog.types.clone(),
            named: HashMap::new(),
            pending_named: Vec::new(),
            decls,
            exprs,
            objs,
            uses,
            insts: Vec::new(),
            by_key: HashMap::new(),
            concrete: HashMap::new(),
            errors: Vec::new(),
        }
    }

    fn run(&mut self) {
        // The checker's instances of generic types: canonical, with their origin's methods, and their
        // underlying types recomputed (a generic type's own name inside its declaration denotes the
        // origin, which the substitution below maps to the instance).
        let mut existing = Vec::new();
        for i in 0..self.types.len() {
            let t = TypeId(i as u32);
            if let TypeKind::Named(n) = self.types.kind(t) {
                if let Some(o) = n.origin {
                    self.named.insert((o, n.targs.clone()), t);
                    existing.push(t);
                }
            }
        }
        for &t in &existing {
            if self.is_concrete(t) {
                self.complete_named(t);
                self.pending_named.push(t);
            }
        }
        // Roots: uses of generic functions with concrete type arguments, by position.
        for p in self.uses.clone() {
            let inst = &self.prog.info.instances[&p];
            let Some(&obj) = self.prog.info.uses.get(&p) else { continue };
            let targs = inst.targs.clone();
            if targs.iter().all(|&t| self.is_concrete(t)) {
                self.enqueue(obj, targs, p);
            }
        }
        let mut next = 0;
        loop {
            self.queue_methods();
            if next == self.insts.len() {
                break;
            }
            if self.insts.len() > MAX_INSTANCES {
                let pos = self.prog.obj(self.insts[next].obj).pos;
                self.errors.push(Error::new(pos, "instantiation cycle"));
                return;
            }
            self.scan(next);
            next += 1;
        }
    }

    /// Queues every method of the generic types' instances made so far.
    fn queue_methods(&mut self) {
        while let Some(t) = self.pending_named.pop() {
            let TypeKind::Named(n) = self.types.kind(t).clone() else { continue };
            for &m in &n.methods {
                let pos = self.prog.obj(m).pos;
                self.enqueue(m, n.targs.clone(), pos);
            }
        }
    }

    fn enqueue(&mut self, obj: ObjId, targs: Vec<TypeId>, pos: Pos) {
        if self.by_key.contains_key(&(obj, targs.clone())) {
            return;
        }
        if !self.decls.get(&obj).is_some_and(|fd| fd.body.is_some()) {
            let _ = pos;
            return;
        }
        self.by_key.insert((obj, targs.clone()), self.insts.len());
        self.insts.push(FuncInst { obj, targs, recv: None, sig: TypeId::INVALID, subst: HashMap::new() });
    }

    /// The type parameters that instance `obj` binds.
    fn tparams(&self, obj: ObjId) -> Vec<TypeId> {
        let info = &self.prog.info;
        info.generic_funcs.get(&obj).or_else(|| info.method_recv_tparams.get(&obj)).cloned().unwrap_or_default()
    }

    /// Substitutes every type instance `i`'s body mentions; queues the generic functions it uses.
    fn scan(&mut self, i: usize) {
        let obj = self.insts[i].obj;
        let targs = self.insts[i].targs.clone();
        let tps = self.tparams(obj);
        let fd = self.decls[&obj];
        let end = fd.body.as_ref().map(|b| b.rbrace).unwrap_or(fd.pos);
        let (start, end) = (fd.pos, end);
        let mut memo = HashMap::new();
        let sig = self.subst(self.prog.obj(obj).typ, &tps, &targs, &mut memo);
        let recv =
            fd.recv.as_ref().and_then(|r| r.first()).and_then(|f| self.prog.info.types.get(&f.typ)).map(|tv| tv.typ);
        let recv = recv.map(|r| self.subst(r, &tps, &targs, &mut memo));
        let lo = self.exprs.partition_point(|&(p, _)| p < start);
        let hi = self.exprs.partition_point(|&(p, _)| p <= end);
        for k in lo..hi {
            let e = self.exprs[k].1;
            let t = self.prog.info.types[&e].typ;
            self.subst(t, &tps, &targs, &mut memo);
            if let Some(sel) = self.prog.info.selections.get(&e) {
                self.subst(sel.recv, &tps, &targs, &mut memo);
            }
        }
        let lo = self.objs.partition_point(|&(p, _)| p < start);
        let hi = self.objs.partition_point(|&(p, _)| p <= end);
        for k in lo..hi {
            let o = self.objs[k].1;
            self.subst(self.prog.obj(o).typ, &tps, &targs, &mut memo);
        }
        let lo = self.uses.partition_point(|&p| p < start);
        let hi = self.uses.partition_point(|&p| p <= end);
        for k in lo..hi {
            let p = self.uses[k];
            let Some(&f) = self.prog.info.uses.get(&p) else { continue };
            let inst = self.prog.info.instances[&p].clone();
            let ta: Vec<TypeId> = inst.targs.iter().map(|&t| self.subst(t, &tps, &targs, &mut memo)).collect();
            self.subst(inst.typ, &tps, &targs, &mut memo);
            if ta.iter().all(|&t| self.is_concrete(t)) {
                self.enqueue(f, ta, p);
            }
        }
        let fi = &mut self.insts[i];
        fi.sig = sig;
        fi.recv = recv;
        fi.subst = memo;
    }

    /// `t` with the type parameters `tps` replaced by `targs` (Go spec "Instantiations").
    fn subst(&mut self, t: TypeId, tps: &[TypeId], targs: &[TypeId], memo: &mut HashMap<TypeId, TypeId>) -> TypeId {
        if let Some(&r) = memo.get(&t) {
            return r;
        }
        let r = match self.types.kind(t).clone() {
            TypeKind::TypeParam { .. } => match tps.iter().position(|&p| p == t) {
                Some(i) => targs.get(i).copied().unwrap_or(t),
                None => t,
            },
            TypeKind::Basic(_) => t,
            TypeKind::Pointer(b) => {
                let b = self.subst(b, tps, targs, memo);
                self.types.pointer(b)
            }
            TypeKind::Slice(b) => {
                let b = self.subst(b, tps, targs, memo);
                self.types.slice(b)
            }
            TypeKind::Array { len, elem } => {
                let e = self.subst(elem, tps, targs, memo);
                self.types.array(len, e)
            }
            TypeKind::Map { key, value } => {
                let key = self.subst(key, tps, targs, memo);
                let value = self.subst(value, tps, targs, memo);
                self.types.intern(TypeKind::Map { key, value })
            }
            TypeKind::Chan { dir, elem } => {
                let elem = self.subst(elem, tps, targs, memo);
                self.types.intern(TypeKind::Chan { dir, elem })
            }
            TypeKind::Struct { mut fields } => {
                for f in fields.iter_mut() {
                    f.typ = self.subst(f.typ, tps, targs, memo);
                }
                self.types.intern(TypeKind::Struct { fields })
            }
            TypeKind::Func(s) => {
                let params = s.params.iter().map(|&p| self.subst(p, tps, targs, memo)).collect();
                let results = s.results.iter().map(|&p| self.subst(p, tps, targs, memo)).collect();
                self.types.intern(TypeKind::Func(Signature { params, results, variadic: s.variadic }))
            }
            TypeKind::Interface { mut methods, embeddeds } => {
                for m in methods.iter_mut() {
                    m.typ = self.subst(m.typ, tps, targs, memo);
                }
                let embeddeds = embeddeds.iter().map(|&e| self.subst(e, tps, targs, memo)).collect();
                self.types.intern(TypeKind::Interface { methods, embeddeds })
            }
            TypeKind::Union(terms) => {
                let terms = terms.iter().map(|&(b, x)| (b, self.subst(x, tps, targs, memo))).collect();
                self.types.intern(TypeKind::Union(terms))
            }
            TypeKind::Tuple(ts) => {
                let ts = ts.iter().map(|&x| self.subst(x, tps, targs, memo)).collect();
                self.types.tuple(ts)
            }
            TypeKind::Named(n) => {
                // A generic type's own name inside its declaration is the origin itself, standing for
                // the instance with its own type parameters.
                let (origin, old) = match n.origin {
                    Some(o) => (o, n.targs.clone()),
                    None => match self.prog.info.generic_types.get(&t) {
                        Some(tp) if !tp.is_empty() => (t, tp.clone()),
                        _ => {
                            memo.insert(t, t);
                            return t;
                        }
                    },
                };
                let new: Vec<TypeId> = old.iter().map(|&a| self.subst(a, tps, targs, memo)).collect();
                self.instance(origin, new)
            }
        };
        memo.insert(t, r);
        r
    }

    /// The canonical instance `origin[targs]`, made (with its underlying type and methods) if new.
    fn instance(&mut self, origin: TypeId, targs: Vec<TypeId>) -> TypeId {
        if self.prog.info.generic_types.get(&origin) == Some(&targs) {
            return origin;
        }
        if let Some(&t) = self.named.get(&(origin, targs.clone())) {
            return t;
        }
        let TypeKind::Named(n) = self.types.kind(origin).clone() else { return TypeId::INVALID };
        let t = self.types.add_unique(TypeKind::Named(Box::new(NamedType {
            obj: n.obj,
            underlying: TypeId::INVALID,
            methods: Vec::new(),
            origin: Some(origin),
            targs: targs.clone(),
        })));
        self.named.insert((origin, targs), t);
        self.complete_named(t);
        if self.is_concrete(t) {
            self.pending_named.push(t);
        }
        t
    }

    /// Sets instance `t`'s underlying type (its origin's, substituted) and methods (its origin's).
    fn complete_named(&mut self, t: TypeId) {
        let TypeKind::Named(n) = self.types.kind(t).clone() else { return };
        let Some(origin) = n.origin else { return };
        let TypeKind::Named(on) = self.types.kind(origin).clone() else { return };
        let tps = self.prog.info.generic_types.get(&origin).cloned().unwrap_or_default();
        let mut memo = HashMap::new();
        let u = self.subst(on.underlying, &tps, &n.targs, &mut memo);
        let u = self.types.underlying(u);
        let nm = self.types.named_mut(t);
        nm.underlying = u;
        nm.methods = on.methods.clone();
    }

    /// Whether `t` mentions no type parameter (so it can be laid out and instantiated).
    fn is_concrete(&mut self, t: TypeId) -> bool {
        if let Some(&c) = self.concrete.get(&t) {
            return c;
        }
        // Assume concrete while visiting: cycles only go through named types, which are judged by their
        // type arguments.
        self.concrete.insert(t, true);
        let c = match self.types.kind(t).clone() {
            TypeKind::TypeParam { .. } => false,
            TypeKind::Basic(_) => true,
            TypeKind::Pointer(e)
            | TypeKind::Slice(e)
            | TypeKind::Array { elem: e, .. }
            | TypeKind::Chan { elem: e, .. } => self.is_concrete(e),
            TypeKind::Map { key, value } => self.is_concrete(key) && self.is_concrete(value),
            TypeKind::Struct { fields } => fields.iter().all(|f| self.is_concrete(f.typ)),
            TypeKind::Func(s) => s.params.iter().chain(&s.results).all(|&p| self.is_concrete(p)),
            TypeKind::Interface { methods, embeddeds } => {
                methods.iter().all(|m| self.is_concrete(m.typ)) && embeddeds.iter().all(|&e| self.is_concrete(e))
            }
            TypeKind::Union(terms) => terms.iter().all(|&(_, x)| self.is_concrete(x)),
            TypeKind::Tuple(ts) => ts.iter().all(|&x| self.is_concrete(x)),
            TypeKind::Named(n) => match n.origin {
                Some(_) => n.targs.iter().all(|&a| self.is_concrete(a)),
                None => !self.prog.info.generic_types.get(&t).is_some_and(|tp| !tp.is_empty()),
            },
        };
        self.concrete.insert(t, c);
        c
    }
}

// ---- Queries lowering makes ----

impl<'a, 'b> Fb<'a, 'b> {
    /// The method `x.m` selects and the embedded-field path to its receiver. Inside an instance, a method
    /// of a type parameter's constraint becomes the type argument's own method (found by name in its
    /// method set), unless the type argument is an interface.
    pub fn resolve_method(&mut self, x: ExprId, sel: &Selection) -> (ObjId, Vec<u32>) {
        let path = sel.index[..sel.index.len().saturating_sub(1)].to_vec();
        if self.subst.is_none() || !matches!(self.prog.types.kind(self.prog.type_of(x)), TypeKind::TypeParam { .. }) {
            return (sel.obj, path);
        }
        let xt = self.type_of(x);
        if self.is_iface(xt) {
            return (sel.obj, path);
        }
        let name = &self.prog.obj(sel.obj).name;
        match self.lw.method_set(xt).into_iter().find(|m| &m.name == name && m.iface.is_none()) {
            Some(m) => (m.obj, m.path),
            None => (sel.obj, path),
        }
    }
}

impl<'a> Lowerer<'a> {
    /// Symbols of the instances (`main.F[int]`, `main.(*List[int]).Push`), in `Generics::insts` order.
    pub(super) fn instance_syms(&mut self) -> Vec<String> {
        let gen = self.gen;
        let mut out = Vec::new();
        for fi in &gen.insts {
            let o = self.prog.obj(fi.obj);
            let sym = match fi.recv {
                Some(r) => {
                    let (ptr, base) = match self.types.kind(r) {
                        TypeKind::Pointer(b) => (true, *b),
                        _ => (false, r),
                    };
                    let (pkg, short) = self.method_prefix(base);
                    if ptr {
                        format!("{pkg}.(*{short}).{}", o.name)
                    } else {
                        format!("{pkg}.{short}.{}", o.name)
                    }
                }
                None => {
                    let args: Vec<String> = fi.targs.iter().map(|&t| self.type_string(t)).collect();
                    format!("{}.{}[{}]", self.pkg_path(o.pkg), o.name, args.join(","))
                }
            };
            out.push(sym);
        }
        out
    }

    /// Whether `m` is a method of a generic type (lowered once per instance of the type).
    pub(super) fn is_generic_method(&self, m: ObjId) -> bool {
        self.prog.info.method_recv_tparams.contains_key(&m)
            || matches!(self.prog.obj(m).kind, ObjKind::Func { recv: Some(r), .. } if self.prog.info.generic_types.contains_key(&r))
    }

    /// What lowering calls for method `m` declared by the type `recv` (`T`, `*T`, `List[int]`, ...): the
    /// declared method, or its instance for `recv`'s type arguments.
    pub(super) fn method_meta(&self, m: ObjId, recv: TypeId) -> Option<FuncMeta> {
        if !self.is_generic_method(m) {
            return self.metas.get(&m).cloned();
        }
        let i = self.method_inst(m, recv)?;
        Some(FuncMeta { sym: self.inst_syms[i].clone(), recv: self.gen.insts[i].recv })
    }

    /// The signature of method `m` as a member of `recv`'s method set.
    pub(super) fn method_sig(&self, m: ObjId, recv: TypeId) -> TypeId {
        if !self.is_generic_method(m) {
            return self.prog.obj(m).typ;
        }
        match self.method_inst(m, recv) {
            Some(i) => self.gen.insts[i].sig,
            None => self.prog.obj(m).typ,
        }
    }

    fn method_inst(&self, m: ObjId, recv: TypeId) -> Option<usize> {
        let base = match self.types.kind(recv) {
            TypeKind::Pointer(b) => *b,
            _ => recv,
        };
        match self.types.kind(base) {
            TypeKind::Named(n) => self.gen.find(m, &n.targs),
            _ => None,
        }
    }

    /// The type reached from `t` through the embedded fields `path` (pointers followed).
    pub(super) fn path_type(&self, t: TypeId, path: &[u32]) -> TypeId {
        let mut t = t;
        for &i in path {
            if let TypeKind::Pointer(b) = self.types.under(t) {
                t = *b;
            }
            t = match self.types.under(t) {
                TypeKind::Struct { fields } => fields.get(i as usize).map(|f| f.typ).unwrap_or(TypeId::INVALID),
                _ => TypeId::INVALID,
            };
        }
        t
    }

    /// The symbol of the function (generic or not) that identifier `id_pos` denotes: `None` when it does
    /// not denote a declared function.
    pub(super) fn func_sym(&self, id_pos: Pos, subst: Option<&HashMap<TypeId, TypeId>>) -> Option<String> {
        let &o = self.prog.info.uses.get(&id_pos)?;
        if !matches!(self.prog.obj(o).kind, ObjKind::Func { recv: None, .. }) {
            return None;
        }
        if let Some(inst) = self.prog.info.instances.get(&id_pos) {
            let targs: Vec<TypeId> =
                inst.targs.iter().map(|t| subst.and_then(|s| s.get(t)).copied().unwrap_or(*t)).collect();
            return self.gen.find(o, &targs).map(|i| self.inst_syms[i].clone());
        }
        self.metas.get(&o).map(|m| m.sym.clone())
    }
}
