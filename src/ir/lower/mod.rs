//! Lowering: checked AST → IR.
//!
//! In: the [`Ast`] of a program's packages and the checker's [`Program`] (types, objects, `Info`). Out: an
//! [`ir::Module`](super::Module) with one [`Func`] per Go function, method and function literal of every
//! package, one function `<path>.init` per package (always emitted: the package's variable initialization
//! in `Info::init_order`), and [`Data`] for package variables, string bytes, static closures and each
//! package's `<path>..inittask` (gc's init task: the tasks of its imports, then `<path>.init` and its
//! `func init()`s in source order; docs/RUNTIME-ABI.md "Program start").
//!
//! Contract for the driver: `lower(target, fset, ast, prog) -> Result<ir::Module, Vec<Error>>` for a program
//! of one package (`main`), and `lower_program(target, optimize, fset, ast, prog, units)` for several (the program
//! checked with `target.sizes`): the [`Unit`]s in gc's
//! initialization order (every package after the packages it imports, depth first in the order of the
//! importer's imports; the root package `main` last). The runtime's `doInit` runs `main..inittask`, whose
//! deps lead to every other unit's task: no Go function calls another package's initialization, so a
//! traceback during initialization shows only the init function that panicked, as with gc.
//!
//! Memory model ("correct first", DESIGN §4): scalar locals live in vregs; aggregates (strings, slices,
//! structs, arrays, complex numbers) live in stack slots; a variable whose address is taken or that a
//! closure captures lives on the heap (`g1c_alloc`) and is reached through a pointer held in a vreg.
//! Calls follow ABI0 (see [`call`]). Names follow gc, prefixed with the
//! declaring package's import path: `main.f`, `main.T.M`, `main.(*T).M`, `main.f.func1`, `main.f.func1.1`,
//! `main.init.0`, `main.glob..func1`, `main.x`, `main.f·f`, `example.com/a.F`, `go.string."…"`.
//!
//! Invariants: lowering never panics on checked input; a construct outside the supported language slice
//! becomes an error `<feature> not supported yet` at its position. Output is deterministic: symbols are
//! emitted in source order or sorted.
//!
//! Files: `mod.rs` (package level: symbols, globals, `<path>.init`, `..inittask`), `func.rs` (the per-function builder: blocks,
//! variables, layout), `stmt.rs` (statements), `expr.rs` (expressions, conversions, comparisons), `call.rs`
//! (calls, builtins, closures, methods), `conc.rs` (defer, recover, go, channels, select).

mod call;
mod complex;
mod conc;
mod embed;
mod expr;
mod func;
mod generic;
mod iface;
mod maps;
mod order;
mod staticinit;
mod stmt;
mod typedesc;

use std::collections::{BTreeMap, BTreeSet, HashMap, HashSet};

use super::{Data, DataKind, DataReloc, Func, Module};
use crate::syntax::ast::{Ast, Decl, Field, FuncDecl};
use crate::syntax::pos::{self, Error, FileSet, Pos};
use crate::target::Target;
use crate::types::sizes::Sizes;
use crate::types::{ObjId, ObjKind, PkgId, Program, TypeId, TypeKind, TypeTable};

use func::Fb;

/// One package to lower: its index in `Program::packages` and its files (indices into `Ast::files`, in the
/// order the checker saw them).
#[derive(Clone, Debug)]
pub struct Unit {
    pub pkg: PkgId,
    pub files: Vec<usize>,
    /// Every function must have a body (gc's `-complete`, which `go build` passes for a package without
    /// assembly). Off, a body-less declaration is left for another object to define, as `go tool compile`
    /// alone allows: the build stops at code generation or the symbol comes from elsewhere.
    pub complete: bool,
    /// The package variables with `//go:embed` directives: each one's name position and its files (path
    /// relative to the package directory, contents), as the loader found them.
    pub embeds: Vec<(Pos, Vec<(String, Vec<u8>)>)>,
}

/// Lowers a program of one package, the first of `prog.packages`, made of every file of `ast`, for the
/// optimizer on.
pub fn lower(target: &Target, fset: &FileSet, ast: &Ast, prog: &Program) -> Result<Module, Vec<Error>> {
    lower_program(
        target,
        true,
        fset,
        ast,
        prog,
        &[Unit { pkg: PkgId(0), files: (0..ast.files.len()).collect(), complete: true, embeds: Vec::new() }],
    )
}

/// Lowers the packages `units`, given in initialization order with the root package last (see the module
/// comment); `optimize`: the optimizer will run (no `-gcflags=-N`).
pub fn lower_program(
    target: &Target,
    optimize: bool,
    fset: &FileSet,
    ast: &Ast,
    prog: &Program,
    units: &[Unit],
) -> Result<Module, Vec<Error>> {
    let gen = generic::instantiate(ast, prog)?;
    let mut lw = Lowerer::new(*target, optimize, fset, ast, prog, &gen);
    lw.run(units);
    if lw.errors.is_empty() {
        Ok(Module { funcs: lw.funcs, data: lw.data })
    } else {
        Err(lw.errors)
    }
}

/// gc's `-X sym=value` (its linker's `addstrdata`): the lowered package-level string variable `sym` starts out
/// as `value`. The variable must be declared without an initializer (its symbol is zeroed data); a program
/// without it is left as it is, as gc's linker ignores `-X` for a variable nothing declares. `value` is bytes:
/// a Go string need not be UTF-8 (`runtime.modinfo` is framed by binary sentinels).
pub fn set_string_var(target: &Target, m: &mut Module, sym: &str, value: &[u8]) -> Result<(), String> {
    let Some(i) = m.data.iter().position(|d| d.name == sym) else { return Ok(()) };
    let d = &m.data[i];
    if d.size != 2 * target.ptr_size
        || d.kind == DataKind::ReadOnly
        || !d.relocs.is_empty()
        || d.bytes.iter().any(|&b| b != 0)
    {
        return Err(format!("-X {sym}: not an uninitialized string variable"));
    }
    if value.is_empty() {
        return Ok(());
    }
    let name = format!("go.string.{}", quote(value));
    if !m.data.iter().any(|d| d.name == name) {
        m.data.push(Data {
            name: name.clone(),
            kind: DataKind::ReadOnly,
            align: 1,
            size: value.len() as u64,
            bytes: value.to_vec(),
            relocs: vec![],
        });
    }
    let d = &mut m.data[i];
    d.kind = DataKind::Data;
    let ptr = target.ptr_size as usize;
    d.bytes = vec![0; 2 * ptr];
    d.bytes[ptr..].copy_from_slice(&(value.len() as u64).to_le_bytes()[..ptr]);
    d.relocs = vec![DataReloc::addr(0, name, 0)];
    Ok(())
}

/// What lowering knows about a declared function or method.
#[derive(Clone, Debug)]
pub(super) struct FuncMeta {
    /// Linker symbol (`main.f`, `main.(*T).M`).
    pub sym: String,
    /// The receiver's declared type (`T` or `*T`) for methods.
    pub recv: Option<TypeId>,
}

/// Module-wide state shared by the function builders.
pub(super) struct Lowerer<'a> {
    pub fset: &'a FileSet,
    pub ast: &'a Ast,
    pub prog: &'a Program,
    /// The program's types plus the instances of generic types (`generic.rs`): every type query of
    /// lowering goes here, never to `self.types`.
    pub types: &'a TypeTable,
    /// The instances of generic functions and methods, and their symbols.
    pub gen: &'a generic::Generics,
    pub inst_syms: Vec<String>,
    /// While lowering an instance: its substitution of type parameters (see `Fb::type_of`).
    pub subst: Option<&'a HashMap<TypeId, TypeId>>,
    /// The machine the program is lowered for: pointer and `int` sizes, type descriptor layout.
    pub target: Target,
    /// The optimizer is on (no `-gcflags=-N`): lowering then uses gc's optimized forms (the clearing idiom).
    pub optimize: bool,
    /// `target.sizes`, the layout rules shared with the checker.
    pub sizes: Sizes,
    /// The import path of the package being lowered (the root package's while finishing types): the
    /// prefix of the symbols it declares.
    pub pkg: String,
    pub funcs: Vec<Func>,
    pub data: Vec<Data>,
    data_names: BTreeSet<String>,
    /// The index in `data` of each package variable's symbol, which static initialization fills.
    var_data: HashMap<String, usize>,
    strings: BTreeMap<Vec<u8>, String>,
    pub metas: HashMap<ObjId, FuncMeta>,
    pub errors: Vec<Error>,
    /// Type descriptors, itabs and method wrappers (`typedesc.rs`), and method-value functions (`iface.rs`).
    pub tds: typedesc::TypeDescs,
    pub fms: Vec<iface::FmWrapper>,
    pub fm_syms: BTreeSet<String>,
    /// Static initialization's state while lowering a package's `init` (`staticinit.rs`), and the count
    /// of its auxiliary symbols.
    statics: staticinit::StaticInit,
    stmps: u32,
    /// Calls through itabs: (calling function, method name, signature descriptor).
    pub iface_calls: Vec<(String, String, String)>,
    /// Conversions to empty interfaces: (converting function, descriptor of the concrete type).
    pub iface_convs: Vec<(String, String)>,
}

impl<'a> Lowerer<'a> {
    fn new(
        target: Target,
        optimize: bool,
        fset: &'a FileSet,
        ast: &'a Ast,
        prog: &'a Program,
        gen: &'a generic::Generics,
    ) -> Lowerer<'a> {
        let pkg = prog.packages.first().map(|p| p.path.clone()).unwrap_or_else(|| "main".into());
        Lowerer {
            fset,
            ast,
            prog,
            types: &gen.types,
            gen,
            inst_syms: Vec::new(),
            subst: None,
            target,
            optimize,
            sizes: target.sizes,
            pkg,
            funcs: Vec::new(),
            data: Vec::new(),
            data_names: BTreeSet::new(),
            var_data: HashMap::new(),
            iface_calls: Vec::new(),
            iface_convs: Vec::new(),
            statics: staticinit::StaticInit::outside(),
            stmps: 0,
            strings: BTreeMap::new(),
            metas: HashMap::new(),
            errors: Vec::new(),
            tds: typedesc::TypeDescs::default(),
            fms: Vec::new(),
            fm_syms: BTreeSet::new(),
        }
    }

    pub fn error(&mut self, pos: Pos, msg: impl Into<String>) {
        self.errors.push(Error::new(pos, msg));
    }

    fn run(&mut self, units: &[Unit]) {
        let ast = self.ast;
        let prog = self.prog;
        // 1. Name every function and method of every package, so calls can be lowered in any order.
        let defined = self.defined_funcs(units);
        let mut decls: Vec<(usize, &'a FuncDecl)> = Vec::new();
        for (u, unit) in units.iter().enumerate() {
            self.pkg = self.pkg_path(Some(unit.pkg));
            let mut n_init = 0;
            let files: Vec<&crate::syntax::ast::File> = unit.files.iter().map(|&fi| &ast.files[fi]).collect();
            let linknames = crate::syntax::directive::linkname_targets(&files);
            for &fi in &unit.files {
                for d in &ast.files[fi].decls {
                    let Decl::Func(fd) = d else { continue };
                    // A function or method named `_` can never be called (and is in no method set); gc
                    // drops it after type checking, and so several of them need no distinct symbols.
                    if fd.name.name == "_" {
                        continue;
                    }
                    let Some(&obj) = prog.info.defs.get(&fd.name.pos) else {
                        // `func init()` may not be recorded in `defs`; it is in `Info::inits`.
                        if fd.name.name == "init" && fd.recv.is_none() {
                            decls.push((u, fd));
                        }
                        continue;
                    };
                    let mut meta = self.func_meta(fd, &mut n_init);
                    // A body-less function that `//go:linkname` binds to a function of another package
                    // of the program (mime/multipart's readMIMEHeader is net/textproto's): its calls go
                    // to that function's symbol, as gc's linker resolves them.
                    if fd.body.is_none() && fd.recv.is_none() {
                        let target = linknames.iter().find(|(local, _)| *local == &*fd.name.name).map(|p| p.1);
                        if let Some(t) = target.filter(|t| defined.contains(*t)) {
                            meta.sym = t.to_string();
                        }
                    }
                    self.metas.insert(obj, meta);
                    decls.push((u, fd));
                }
            }
        }
        self.inst_syms = self.instance_syms();
        // 2. Package-level variables: zero-initialized data, sorted by name within each package.
        for unit in units {
            let Some(p) = prog.packages.get(unit.pkg.0 as usize) else { continue };
            for (name, &obj) in &p.scope {
                if let ObjKind::Var(_) = prog.obj(obj).kind {
                    let t = prog.obj(obj).typ;
                    let size = crate::types::sizes::size_of(&self.sizes, &self.types, t);
                    let align = crate::types::sizes::align_of(&self.sizes, &self.types, t) as u32;
                    let sym = format!("{}.{}", p.path, name);
                    self.var_data.insert(sym.clone(), self.data.len());
                    self.add_data(Data { name: sym, kind: DataKind::Bss, align, size, bytes: vec![], relocs: vec![] });
                }
            }
        }
        // Embedded variables start out holding their files.
        for unit in units {
            if !unit.embeds.is_empty() {
                self.pkg = self.pkg_path(Some(unit.pkg));
                self.lower_embeds(&unit.embeds);
            }
        }
        // 3. Functions and methods, package by package, in source order.
        let mut init_syms: Vec<Vec<String>> = vec![Vec::new(); units.len()];
        let mut n_init = vec![0; units.len()];
        for (u, fd) in decls {
            pos::set_current(fd.pos);
            self.pkg = self.pkg_path(Some(units[u].pkg));
            let sym = match prog.info.defs.get(&fd.name.pos).and_then(|o| self.metas.get(o)) {
                Some(m) => m.sym.clone(),
                None => self.func_meta(fd, &mut n_init[u]).sym,
            };
            if fd.name.name == "init" && fd.recv.is_none() {
                init_syms[u].push(sym.clone());
            }
            if !fd.tparams.is_empty() || fd.recv.as_ref().is_some_and(|r| self.recv_is_generic(r)) {
                // Lowered once per instance, below.
                continue;
            }
            let Some(body) = &fd.body else {
                if units[u].complete {
                    self.error(fd.pos, "missing function body");
                }
                continue;
            };
            let Some(sig_t) = prog.info.defs.get(&fd.name.pos).map(|&o| prog.obj(o).typ) else {
                // An `init` without an object: no parameters, no results.
                let mut fb = Fb::new(self, sym.clone(), fd.pos, format!("{sym}.func"));
                fb.frame_pos = Some(fd.decl_pos);
                fb.lower_body(Vec::new(), Vec::new(), body);
                let f = fb.finish();
                self.funcs.push(f);
                continue;
            };
            let mut params = Vec::new();
            if let Some(recv) = &fd.recv {
                let rt = self.metas.get(&prog.info.defs[&fd.name.pos]).and_then(|m| m.recv).unwrap_or(TypeId::INVALID);
                for f in recv {
                    match f.names.first() {
                        Some(n) => params.push((prog.info.defs.get(&n.pos).copied(), rt)),
                        None => params.push((None, rt)),
                    }
                }
            }
            let (ps, rs) = self.signature_vars(sig_t, &fd.typ.params, &fd.typ.results);
            params.extend(ps);
            let mut fb = Fb::new(self, sym.clone(), fd.pos, format!("{sym}.func"));
            fb.frame_pos = Some(fd.decl_pos);
            fb.lower_body(params, rs, body);
            let mut f = fb.finish();
            // gc inlines none of these (inl.go's CanInline).
            f.noinline = fd.pragmas.iter().any(|p| {
                let name = p.text.split_whitespace().next().unwrap_or("");
                ["go:noinline", "go:cgo_unsafe_args", "go:uintptrescapes", "go:uintptrkeepalive"].contains(&name)
            });
            self.funcs.push(f);
        }
        // 4. Instances of generic functions and methods (`generic.rs`), in the order they were found, each
        //    named in the package that declares the generic function.
        for i in 0..self.gen.insts.len() {
            self.pkg = self.pkg_path(prog.obj(self.gen.insts[i].obj).pkg);
            self.lower_instance(i);
        }
        // 5. Per package, gc's initialization records: `<path>.init` (its variables in dependency order)
        //    and `<path>..inittask` (the tasks of the packages it imports, then `<path>.init` and its
        //    `func init()`s), which the runtime's `doInit` runs from `main..inittask`.
        let imported = self.imported_packages();
        for (u, unit) in units.iter().enumerate() {
            self.pkg = self.pkg_path(Some(unit.pkg));
            self.lower_init(unit);
            let mut deps: Vec<String> = Vec::new();
            for &fi in &unit.files {
                for imp in &ast.files[fi].imports {
                    let at = imp.name.as_ref().map_or(imp.path_pos, |n| n.pos);
                    // Only packages of the program have tasks (not `unsafe`).
                    let Some(&p) = imported.get(&at) else { continue };
                    if !units.iter().any(|d| d.pkg == p) {
                        continue;
                    }
                    let task = format!("{}..inittask", self.pkg_path(Some(p)));
                    if !deps.contains(&task) {
                        deps.push(task);
                    }
                }
            }
            let mut fns = vec![format!("{}.init", self.pkg)];
            fns.append(&mut init_syms[u]);
            self.init_task(deps, fns);
        }
        // 6. What the program's interfaces and maps need at run time.
        if let Some(root) = units.last() {
            self.pkg = self.pkg_path(Some(root.pkg));
        }
        self.finish_types();
        self.emit_iface_calls();
    }

    /// The import path of package `p` (`main` for the program's root package); "" for the universe.
    pub fn pkg_path(&self, p: Option<PkgId>) -> String {
        p.and_then(|p| self.prog.packages.get(p.0 as usize)).map(|p| p.path.clone()).unwrap_or_default()
    }

    /// Lowers instance `i` of a generic function or method: its body with the instance's substitution.
    fn lower_instance(&mut self, i: usize) {
        let gen = self.gen;
        let fi = &gen.insts[i];
        let prog = self.prog;
        let Some(fd) = self.ast.files.iter().flat_map(|f| &f.decls).find_map(|d| match d {
            Decl::Func(fd) if prog.info.defs.get(&fd.name.pos) == Some(&fi.obj) => Some(fd),
            _ => None,
        }) else {
            return;
        };
        let Some(body) = &fd.body else { return };
        pos::set_current(fd.pos);
        let sym = self.inst_syms[i].clone();
        self.subst = Some(&fi.subst);
        let mut params = Vec::new();
        if let (Some(recv), Some(rt)) = (&fd.recv, fi.recv) {
            for f in recv {
                params.push((f.names.first().and_then(|n| prog.info.defs.get(&n.pos).copied()), rt));
            }
        }
        let (ps, rs) = self.signature_vars(fi.sig, &fd.typ.params, &fd.typ.results);
        params.extend(ps);
        let mut fb = Fb::new(self, sym.clone(), fd.pos, format!("{sym}.func"));
        fb.frame_pos = Some(fd.decl_pos);
        fb.lower_body(params, rs, body);
        let f = fb.finish();
        self.funcs.push(f);
        self.subst = None;
    }

    /// The symbols of the functions with a body that `units` declare at package level (generic ones
    /// excepted): what a `//go:linkname` of another package may bind a body-less declaration to.
    fn defined_funcs(&self, units: &[Unit]) -> HashSet<String> {
        let mut out = HashSet::new();
        for unit in units {
            let path = self.pkg_path(Some(unit.pkg));
            for &fi in &unit.files {
                for d in &self.ast.files[fi].decls {
                    if let Decl::Func(fd) = d {
                        if fd.body.is_some() && fd.recv.is_none() && fd.tparams.is_empty() {
                            out.insert(format!("{path}.{}", fd.name.name));
                        }
                    }
                }
            }
        }
        out
    }

    /// Symbol and receiver of a function declaration; `n_init` numbers `func init()`s (`main.init.0`, ...).
    fn func_meta(&mut self, fd: &FuncDecl, n_init: &mut u32) -> FuncMeta {
        let prog = self.prog;
        if let Some(recv) = &fd.recv {
            let rt = recv.first().and_then(|f| prog.info.types.get(&f.typ)).map(|tv| tv.typ).unwrap_or(TypeId::INVALID);
            let (ptr, base) = match self.types.kind(rt) {
                TypeKind::Pointer(e) => (true, *e),
                _ => (false, rt),
            };
            let tname = match self.types.kind(base) {
                TypeKind::Named(n) => prog.obj(n.obj).name.clone(),
                _ => "?".into(),
            };
            let sym = if ptr {
                format!("{}.(*{}).{}", self.pkg, tname, fd.name.name)
            } else {
                format!("{}.{}.{}", self.pkg, tname, fd.name.name)
            };
            return FuncMeta { sym, recv: Some(rt) };
        }
        if fd.name.name == "init" {
            let sym = format!("{}.init.{}", self.pkg, n_init);
            *n_init += 1;
            return FuncMeta { sym, recv: None };
        }
        FuncMeta { sym: format!("{}.{}", self.pkg, fd.name.name), recv: None }
    }

    fn recv_is_generic(&self, recv: &[Field]) -> bool {
        recv.first().and_then(|f| self.prog.info.types.get(&f.typ)).is_some_and(|tv| {
            let t = match self.types.kind(tv.typ) {
                TypeKind::Pointer(e) => *e,
                _ => tv.typ,
            };
            matches!(self.types.kind(t), TypeKind::Named(n) if !n.targs.is_empty())
        })
    }

    /// Parameters and results of a signature, each with its object when it is named.
    pub fn signature_vars(
        &self,
        sig_t: TypeId,
        params: &[Field],
        results: &[Field],
    ) -> (Vec<(Option<ObjId>, TypeId)>, Vec<(Option<ObjId>, TypeId)>) {
        let prog = self.prog;
        let (pt, rt) = match self.types.under(sig_t) {
            TypeKind::Func(s) => (s.params.clone(), s.results.clone()),
            _ => (Vec::new(), Vec::new()),
        };
        let name_objs = |fields: &[Field]| -> Vec<Option<ObjId>> {
            let mut v = Vec::new();
            for f in fields {
                if f.names.is_empty() {
                    v.push(None);
                }
                for n in &f.names {
                    v.push(prog.info.defs.get(&n.pos).copied().filter(|_| n.name != "_"));
                }
            }
            v
        };
        let pn = name_objs(params);
        let rn = name_objs(results);
        let ps = pt.iter().enumerate().map(|(i, &t)| (pn.get(i).copied().flatten(), t)).collect();
        let rs = rt.iter().enumerate().map(|(i, &t)| (rn.get(i).copied().flatten(), t)).collect();
        (ps, rs)
    }

    /// The package of each import declaration of the program, by the position of its name (the path's
    /// position when it has no explicit name), where the checker declares the `PkgName`.
    fn imported_packages(&self) -> HashMap<Pos, PkgId> {
        let mut out = HashMap::new();
        for o in &self.prog.objs.objs {
            if let ObjKind::PkgName(p) = o.kind {
                out.insert(o.pos, p);
            }
        }
        out
    }

    /// The variable initialization of `unit` (gc's `<path>.init`): its package variables in the checker's
    /// order. Always emitted, possibly empty (an empty one cannot show in a traceback, so always listing
    /// it in the task is indistinguishable from gc, which leaves it out).
    fn lower_init(&mut self, unit: &Unit) {
        let prog = self.prog;
        let sym = format!("{}.init", self.pkg);
        let prefix = format!("{}.glob..func", self.pkg);
        let line_pos = unit.files.first().map(|&f| self.ast.files[f].package.pos).unwrap_or(Pos::NONE);
        let mut fb = Fb::new(self, sym, line_pos, prefix);
        fb.lw.statics = staticinit::StaticInit::start();
        for init in &prog.info.init_order {
            // `Info::init_order` holds every package's steps, package after package.
            if init.lhs.first().is_some_and(|&o| prog.obj(o).pkg == Some(unit.pkg)) {
                // One variable whose value needs no code becomes initialized data (`staticinit.rs`).
                if let [var] = init.lhs[..] {
                    if fb.lw.try_static_init(var, init.rhs) {
                        continue;
                    }
                }
                fb.lw.note_dynamic_step(init.rhs);
                fb.lower_global_init(&init.lhs, init.rhs);
            }
        }
        fb.lw.statics = staticinit::StaticInit::outside();
        fb.finish_return();
        let f = fb.finish();
        self.funcs.push(f);
    }

    /// The current package's `..inittask` (gc 1.19's `runtime.initTask`, docs/RUNTIME-ABI.md): words
    /// `state` (0: not started), `ndeps`, `nfns`, then the addresses of the tasks in `deps` (the packages
    /// imported, in import order) and of the functions in `fns` (called in order once the deps are done).
    fn init_task(&mut self, deps: Vec<String>, fns: Vec<String>) {
        let ptr = self.target.ptr_size as usize;
        let mut bytes = Vec::with_capacity(ptr * (3 + deps.len() + fns.len()));
        for w in [0, deps.len() as u64, fns.len() as u64] {
            bytes.extend_from_slice(&w.to_le_bytes()[..ptr]);
        }
        let mut relocs = Vec::new();
        for target in deps.into_iter().chain(fns) {
            relocs.push(DataReloc::addr(bytes.len() as u32, target, 0));
            bytes.resize(bytes.len() + ptr, 0);
        }
        let name = format!("{}..inittask", self.pkg);
        let align = ptr as u32;
        self.add_data(Data { name, kind: DataKind::Data, align, size: bytes.len() as u64, bytes, relocs });
    }

    pub fn add_data(&mut self, d: Data) {
        if self.data_names.insert(d.name.clone()) {
            self.data.push(d);
        }
    }

    /// The read-only symbol holding the bytes of string `s` (deduplicated): `go.string."hello"`.
    pub fn string_sym(&mut self, s: &[u8]) -> String {
        if let Some(n) = self.strings.get(s) {
            return n.clone();
        }
        let name = format!("go.string.{}", quote(s));
        self.strings.insert(s.to_vec(), name.clone());
        self.add_data(Data {
            name: name.clone(),
            kind: DataKind::ReadOnly,
            align: 1,
            size: s.len() as u64,
            bytes: s.to_vec(),
            relocs: vec![],
        });
        name
    }

    /// The read-only closure of a function that captures nothing: one word, its code address (`f·f`).
    pub fn static_closure(&mut self, fsym: &str) -> String {
        let name = format!("{fsym}·f");
        let ptr = self.target.ptr_size;
        self.add_data(Data {
            name: name.clone(),
            kind: DataKind::ReadOnly,
            align: ptr as u32,
            size: ptr,
            bytes: vec![0; ptr as usize],
            relocs: vec![DataReloc::addr(0, fsym, 0)],
        });
        name
    }
}

pub use crate::types::query::quote;
