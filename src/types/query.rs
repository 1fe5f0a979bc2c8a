//! What the phases after checking ask of checked types, so that none computes it a second time: method
//! sets (Go spec "Method sets") in gc's order, and gc's strings for types as its type descriptors and
//! symbols spell them (`struct { x int }`, `main.T`, `func(int) bool`; not the checker's message spelling,
//! `check/typestring.rs`). Part of the contract (`types/mod.rs` re-exports it).
//!
//! In: a [`TypeTable`] (the program's, or lowering's copy holding the instances of generic types too) and
//! the [`Program`]'s objects and packages. Out: method lists and strings.
//!
//! Invariants: the queries are functions of the tables, except that [`TypeStrings`] numbers the
//! function-local defined types in the order its link strings first meet them (gc's `T·1`), which its
//! caller keeps deterministic.

use std::collections::{BTreeMap, HashMap, HashSet};

use super::{ObjId, PkgId, Program, Signature, TypeId, TypeKind, TypeTable};
use crate::syntax::ast::{ChanDir, Name};

/// An exported identifier (Go spec "Exported identifiers").
pub fn is_exported(name: &str) -> bool {
    name.chars().next().is_some_and(|c| c.is_uppercase())
}

/// What tells a method or field name apart from others: the name, and the package for an unexported one
/// (Go spec "Uniqueness of identifiers").
pub fn member_key(name: &Name, pkg: Option<PkgId>) -> (Name, Option<PkgId>) {
    (name.clone(), if is_exported(name) { None } else { pkg })
}

/// The import path of package `p` ("" for none).
fn pkg_path(prog: &Program, p: Option<PkgId>) -> String {
    p.and_then(|p| prog.packages.get(p.0 as usize)).map(|p| p.path.clone()).unwrap_or_default()
}

/// gc's `Sym.Less` order for methods: exported names first, then by name, then (same unexported name of
/// different packages, `p.foo` and `main.foo`) by package path. `runtime.getitab` relies on interface and
/// type method lists sharing this order.
fn sort_methods<T>(prog: &Program, ms: &mut [T], key: impl Fn(&T) -> (&Name, Option<PkgId>)) {
    ms.sort_by_cached_key(|m| {
        let (name, pkg) = key(m);
        let path = if is_exported(name) { String::new() } else { pkg_path(prog, pkg) };
        (!is_exported(name), name.clone(), path)
    });
}

/// The full method set of interface type `t` (its methods and those of the interfaces it embeds), in gc's
/// order: `(name, package of an unexported name, signature)`.
pub fn iface_methods(types: &TypeTable, prog: &Program, t: TypeId) -> Vec<(Name, Option<PkgId>, TypeId)> {
    let mut out: Vec<(Name, Option<PkgId>, TypeId)> = Vec::new();
    collect_iface_methods(types, t, &mut out, 0);
    sort_methods(prog, &mut out, |m| (&m.0, m.1));
    out
}

fn collect_iface_methods(types: &TypeTable, t: TypeId, out: &mut Vec<(Name, Option<PkgId>, TypeId)>, depth: u32) {
    if depth > 64 {
        return;
    }
    let TypeKind::Interface { methods, embeddeds } = types.under(t) else { return };
    for m in methods {
        if !out.iter().any(|o| member_key(&o.0, o.1) == member_key(&m.name, m.pkg)) {
            out.push((m.name.clone(), m.pkg, m.typ));
        }
    }
    for &e in embeddeds {
        collect_iface_methods(types, e, out, depth + 1);
    }
}

/// One entry of a method set.
#[derive(Clone, Debug)]
pub struct MethodEntry {
    pub name: Name,
    /// The package of an unexported method name (same-named unexported methods of different packages differ).
    pub pkg: Option<PkgId>,
    pub obj: ObjId,
    /// Indices of the embedded fields from the receiver's base type to the method's declaring type.
    pub path: Vec<u32>,
    /// The method is declared with a pointer receiver.
    pub ptr_recv: bool,
    /// The method's signature (without receiver).
    pub sig: TypeId,
    /// A method of an embedded interface field: its index in that interface's method list. `obj` is then
    /// meaningless (interface methods have no declaration objects in the type table).
    pub iface: Option<u32>,
}

/// The method set of `t` (a defined type `T`, a pointer `*T`, or a struct type), promoted methods included
/// (those of embedded interface fields too), in gc's order. The contract does not record receivers, so the
/// caller says which methods have pointer receivers (`ptr_recv`) and each method's signature as seen from
/// the type declaring it (`sig(method, declaring type)`: the instance's, for a generic type's method).
pub fn method_set(
    types: &TypeTable,
    prog: &Program,
    t: TypeId,
    ptr_recv: &dyn Fn(ObjId) -> bool,
    sig: &dyn Fn(ObjId, TypeId) -> TypeId,
) -> Vec<MethodEntry> {
    let (base, is_ptr) = match types.kind(t) {
        TypeKind::Pointer(e) => (*e, true),
        _ => (t, false),
    };
    let mut out: Vec<MethodEntry> = Vec::new();
    let mut seen: HashSet<(Name, Option<PkgId>)> = HashSet::new();
    let mut visited: HashSet<TypeId> = HashSet::new();
    // (type, path, reached through an embedded pointer at the last step)
    let mut level: Vec<(TypeId, Vec<u32>, bool)> = vec![(base, Vec::new(), is_ptr)];
    while !level.is_empty() {
        // By name, and by package for unexported names (those of different packages are different).
        let mut found: BTreeMap<(Name, Option<PkgId>), Vec<Option<MethodEntry>>> = BTreeMap::new();
        let mut next = Vec::new();
        for (ty, path, via_ptr) in level {
            if !visited.insert(ty) {
                continue;
            }
            if let TypeKind::Named(n) = types.kind(ty) {
                for &m in &n.methods {
                    let o = prog.obj(m);
                    // Never found by any selector or interface (types2 does not associate it with the type).
                    if o.name == "_" {
                        continue;
                    }
                    let ptr_recv = ptr_recv(m);
                    // A pointer method is in the set only when the receiver is addressable through a pointer.
                    let entry = if ptr_recv && !via_ptr {
                        None
                    } else {
                        Some(MethodEntry {
                            name: o.name.clone(),
                            pkg: o.pkg,
                            obj: m,
                            path: path.clone(),
                            ptr_recv,
                            sig: sig(m, ty),
                            iface: None,
                        })
                    };
                    match entry {
                        Some(e) => found.entry(member_key(&o.name, o.pkg)).or_default().push(Some(e)),
                        // Still shadows deeper methods of the same name.
                        None => {
                            found.entry(member_key(&o.name, o.pkg)).or_default();
                        }
                    }
                }
            }
            if matches!(types.under(ty), TypeKind::Interface { .. }) && !path.is_empty() {
                // An embedded interface field: its methods are promoted.
                for (k, (name, pkg, sig)) in iface_methods(types, prog, ty).into_iter().enumerate() {
                    let e = MethodEntry {
                        name: name.clone(),
                        pkg,
                        obj: ObjId(u32::MAX),
                        path: path.clone(),
                        ptr_recv: false,
                        sig,
                        iface: Some(k as u32),
                    };
                    found.entry(member_key(&name, pkg)).or_default().push(Some(e));
                }
            }
            if let TypeKind::Struct { fields } = types.under(ty) {
                for (i, f) in fields.iter().enumerate() {
                    found.entry(member_key(&f.name, f.pkg)).or_default().push(None);
                    if f.embedded {
                        let (ft, p) = match types.kind(f.typ) {
                            TypeKind::Pointer(e) => (*e, true),
                            _ => (f.typ, false),
                        };
                        let mut np = path.clone();
                        np.push(i as u32);
                        next.push((ft, np, p || via_ptr));
                    }
                }
            }
        }
        for (name, cands) in found {
            if !seen.insert(name) {
                continue;
            }
            if let [Some(e)] = cands.as_slice() {
                out.push(e.clone());
            }
        }
        level = next;
    }
    sort_methods(prog, &mut out, |m| (&m.name, m.pkg));
    out
}

/// A byte string as a Go string literal in symbol names and type strings (`"a\"b\n"`): printable ASCII
/// kept, other bytes escaped, so that the result is ASCII whatever the bytes.
pub fn quote(s: &[u8]) -> String {
    let mut q = String::from("\"");
    for &b in s {
        match b {
            b'"' => q.push_str("\\\""),
            b'\\' => q.push_str("\\\\"),
            b'\n' => q.push_str("\\n"),
            b'\t' => q.push_str("\\t"),
            b'\r' => q.push_str("\\r"),
            0x20..=0x7e => q.push(b as char),
            _ => q.push_str(&format!("\\x{b:02x}")),
        }
    }
    q.push('"');
    q
}

/// A name of a struct field or interface method in a type string (see [`TypeStrings::link`]).
fn member_name(prog: &Program, name: &str, pkg: Option<PkgId>, link: bool) -> String {
    if link && !is_exported(name) {
        let path = pkg_path(prog, pkg);
        if !path.is_empty() && path != "main" {
            return format!("{path}.{name}");
        }
    }
    name.to_string()
}

/// gc's strings for types, with their memo and the numbers of function-local defined types.
#[derive(Default)]
pub struct TypeStrings {
    /// The link (`true`) and reflect strings of each type seen.
    strings: HashMap<(TypeId, bool), String>,
    /// Numbers of function-local defined types (`T·1`).
    local: HashMap<TypeId, u32>,
    local_count: BTreeMap<String, u32>,
}

impl TypeStrings {
    /// The link string of type `t`: unique per type in this program, it names the type's symbols
    /// (`type.main.T`, `go.itab.*main.T,main.I`). It is gc's string for the type as reflect prints it
    /// ([`TypeStrings::reflect`]), except that a defined type is qualified by its package's import path
    /// (`example.com/a.T`), and so is an unexported field or method name of a package other than `main`
    /// (`struct { example.com/a._ []int }`), since such names differ from package to package.
    pub fn link(&mut self, types: &TypeTable, prog: &Program, t: TypeId) -> String {
        self.get(types, prog, t, true)
    }

    /// gc's string for type `t` as reflect prints it (`main.T`, `*a.T`, `map[string]int`, `func(int) bool`),
    /// the descriptor's `str`; two types of different packages may share it.
    pub fn reflect(&mut self, types: &TypeTable, prog: &Program, t: TypeId) -> String {
        self.get(types, prog, t, false)
    }

    fn get(&mut self, types: &TypeTable, prog: &Program, t: TypeId, link: bool) -> String {
        if let Some(s) = self.strings.get(&(t, link)) {
            return s.clone();
        }
        let mut b = String::new();
        self.write_type(types, prog, &mut b, t, link, &mut Vec::new());
        self.strings.insert((t, link), b.clone());
        b
    }

    /// Appends the string of `t` to `b`. A type met again inside itself (`type I interface{ m() interface{ I } }`
    /// makes the literal `interface{ I }` contain itself) is written `@N`, N being the byte offset in `b` where
    /// its first occurrence starts, as gc's `tconv2` does with its `visited` map; only unnamed types can recur
    /// (a defined type is written by name). `visiting` holds the unnamed types being written, with offsets.
    fn write_type(
        &mut self,
        types: &TypeTable,
        prog: &Program,
        b: &mut String,
        t: TypeId,
        link: bool,
        visiting: &mut Vec<(TypeId, usize)>,
    ) {
        if let Some(&(_, off)) = visiting.iter().find(|v| v.0 == t) {
            b.push_str(&format!("@{off}"));
            return;
        }
        // A string computed on its own is context-free unless it refers back into itself.
        if let Some(s) = self.strings.get(&(t, link)) {
            if !s.contains('@') {
                b.push_str(s);
                return;
            }
        }
        match types.kind(t) {
            TypeKind::Basic(bk) => b.push_str(bk.descriptor_name()),
            TypeKind::Named(n) => {
                let n = n.clone();
                let o = prog.obj(n.obj);
                let path = pkg_path(prog, o.pkg);
                let mut s = match o.pkg {
                    Some(_) if link => format!("{path}.{}", o.name),
                    Some(p) => {
                        format!("{}.{}", prog.packages.get(p.0 as usize).map(|p| &*p.name).unwrap_or("main"), o.name)
                    }
                    None => o.name.to_string(),
                };
                if link && o.pkg.is_some() && !o.package_level {
                    // Numbered per package-level name, in order of first use. Only link strings carry the
                    // number (gc's `fmtTypeID`); the reflect string is `main.T` (`fmtTypeIDName`). The
                    // instances of a local generic type share their origin's number (`main.X·1[int]`,
                    // `main.X·1[string]`), so that two functions' `X[int]` stay distinct symbols (gc 1.19
                    // names both `type.main.X[int]`, and its linker merges the two types into one).
                    let key = n.origin.unwrap_or(t);
                    let n = match self.local.get(&key) {
                        Some(&n) => n,
                        None => {
                            let c = self.local_count.entry(format!("{path}.{}", o.name)).or_insert(0);
                            *c += 1;
                            let n = *c;
                            self.local.insert(key, n);
                            n
                        }
                    };
                    // Only symbols tell local types apart; their strings are gc's (`main.T`, as reflect and
                    // panics print them).
                    if link {
                        s = format!("{s}·{n}");
                    }
                }
                b.push_str(&s);
                // An instance of a generic type: `main.Pair[int,string]`, as gc's reflect prints it. gc names
                // an instance once, with its type arguments' link strings (`InstTypeName`): in the reflect
                // string too they are qualified by import path (`B[internal/reflectlite_test.A]`).
                if !n.targs.is_empty() {
                    b.push('[');
                    for (i, &a) in n.targs.iter().enumerate() {
                        if i > 0 {
                            b.push(',');
                        }
                        self.write_type(types, prog, b, a, true, visiting);
                    }
                    b.push(']');
                }
            }
            kind => {
                let kind = kind.clone();
                visiting.push((t, b.len()));
                self.write_composite(types, prog, b, t, &kind, link, visiting);
                visiting.pop();
            }
        }
    }

    /// The string of an unnamed type (see [`TypeStrings::write_type`]).
    #[allow(clippy::too_many_arguments)]
    fn write_composite(
        &mut self,
        types: &TypeTable,
        prog: &Program,
        b: &mut String,
        t: TypeId,
        kind: &TypeKind,
        link: bool,
        visiting: &mut Vec<(TypeId, usize)>,
    ) {
        match kind {
            TypeKind::Basic(_) | TypeKind::Named(_) => unreachable!("written by write_type"),
            TypeKind::Pointer(e) => {
                b.push('*');
                self.write_type(types, prog, b, *e, link, visiting);
            }
            TypeKind::Slice(e) => {
                b.push_str("[]");
                self.write_type(types, prog, b, *e, link, visiting);
            }
            TypeKind::Array { len, elem } => {
                b.push_str(&format!("[{len}]"));
                self.write_type(types, prog, b, *elem, link, visiting);
            }
            TypeKind::Map { key, value } => {
                b.push_str("map[");
                self.write_type(types, prog, b, *key, link, visiting);
                b.push(']');
                self.write_type(types, prog, b, *value, link, visiting);
            }
            TypeKind::Chan { dir, elem } => {
                match dir {
                    ChanDir::Both => {
                        if matches!(types.kind(*elem), TypeKind::Chan { dir: ChanDir::Recv, .. }) {
                            b.push_str("chan (");
                            self.write_type(types, prog, b, *elem, link, visiting);
                            b.push(')');
                            return;
                        }
                        b.push_str("chan ");
                    }
                    ChanDir::Send => b.push_str("chan<- "),
                    ChanDir::Recv => b.push_str("<-chan "),
                }
                self.write_type(types, prog, b, *elem, link, visiting);
            }
            TypeKind::Struct { fields } => {
                if fields.is_empty() {
                    b.push_str("struct {}");
                    return;
                }
                b.push_str("struct { ");
                for (i, f) in fields.iter().enumerate() {
                    if i > 0 {
                        b.push_str("; ");
                    }
                    let name = member_name(prog, &f.name, f.pkg, link);
                    if f.embedded {
                        // An embedded field's type is a (pointer to a) defined type: its string stands alone.
                        let ts = self.get(types, prog, f.typ, link);
                        // An embedded field renamed through an alias (`type Int = int`) is gc's `Int = int`.
                        let base = ts.trim_start_matches('*');
                        let base = base.rsplit('.').next().unwrap_or(base).split('·').next().unwrap_or(base);
                        // (An embedded field with an unexported name is qualified in a link string:
                        // `struct { example.com/a.int = int }`.)
                        if !(base == f.name && name == *f.name) {
                            b.push_str(&name);
                            b.push_str(" = ");
                        }
                    } else {
                        b.push_str(&name);
                        b.push(' ');
                    }
                    self.write_type(types, prog, b, f.typ, link, visiting);
                    if !f.tag.is_empty() {
                        b.push(' ');
                        b.push_str(&quote(f.tag.as_bytes()));
                    }
                }
                b.push_str(" }");
            }
            TypeKind::Func(sig) => {
                b.push_str("func");
                self.write_sig(types, prog, b, sig, link, visiting);
            }
            TypeKind::Interface { .. } => {
                let ms = iface_methods(types, prog, t);
                if ms.is_empty() {
                    b.push_str("interface {}");
                    return;
                }
                b.push_str("interface { ");
                let mut first = true;
                for (name, pkg, sig_t) in ms {
                    let sig = match types.kind(sig_t) {
                        TypeKind::Func(s) => s.clone(),
                        _ => continue,
                    };
                    if !first {
                        b.push_str("; ");
                    }
                    first = false;
                    if !link && !is_exported(&name) {
                        // gc writes an unexported method of an interface literal qualified by its package's
                        // name even in reflect's string (`interface { M(); main.m() }`), unlike a field.
                        let pname = pkg.and_then(|p| prog.packages.get(p.0 as usize)).map(|p| p.name.as_str());
                        if let Some(pname) = pname.filter(|n| !n.is_empty()) {
                            b.push_str(pname);
                            b.push('.');
                        }
                        b.push_str(&name);
                    } else {
                        b.push_str(&member_name(prog, &name, pkg, link));
                    }
                    self.write_sig(types, prog, b, &sig, link, visiting);
                }
                b.push_str(" }");
            }
            TypeKind::Union(_) | TypeKind::Tuple(_) | TypeKind::TypeParam { .. } => b.push_str(&format!("?{}", t.0)),
        }
    }

    /// `(int, ...string) (bool, error)` as in a func type's string.
    fn write_sig(
        &mut self,
        types: &TypeTable,
        prog: &Program,
        b: &mut String,
        sig: &Signature,
        link: bool,
        visiting: &mut Vec<(TypeId, usize)>,
    ) {
        b.push('(');
        for (i, &p) in sig.params.iter().enumerate() {
            if i > 0 {
                b.push_str(", ");
            }
            if sig.variadic && i + 1 == sig.params.len() {
                let e = match types.kind(p) {
                    TypeKind::Slice(e) => *e,
                    _ => p,
                };
                b.push_str("...");
                self.write_type(types, prog, b, e, link, visiting);
            } else {
                self.write_type(types, prog, b, p, link, visiting);
            }
        }
        b.push(')');
        match sig.results.len() {
            0 => {}
            1 => {
                b.push(' ');
                self.write_type(types, prog, b, sig.results[0], link, visiting);
            }
            _ => {
                b.push_str(" (");
                for (i, &r) in sig.results.iter().enumerate() {
                    if i > 0 {
                        b.push_str(", ");
                    }
                    self.write_type(types, prog, b, r, link, visiting);
                }
                b.push(')');
            }
        }
    }
}
