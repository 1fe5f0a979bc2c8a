//! The type checker (Go spec, whole): see `types/mod.rs` for what it produces.
//!
//! Contract for the driver: `check::check_package(fset, ast, path) -> Result<Program, Vec<Error>>` for a
//! program of one package, and `check::check_program(fset, ast, packages, sizes)` for packages in dependency
//! order (from `load`), each checked once into one shared [`Program`].
//!
//! In: the parsed files of each package. Out: a [`Program`] whose `Info` covers every expression and
//! identifier, or every error found (gc 1.19's wording; the driver sorts and truncates them).
//!
//! Scopes (Go spec "Declarations and scope"): universe ⊃ package block ⊃ one file block per file. Imported
//! package names live in their file's block; a package-level declaration is checked in the file block of
//! the file that declares it, so that its imports are visible.
//!
//! How it works (the shape of go/types, which gc 1.19 uses as `types2`):
//! 1. `collect` enters every package-level object into the package scope and remembers its declaration;
//!    named types get their `Named` type at once, with the underlying type filled in later.
//! 2. `obj_decl` checks one package-level declaration on demand, depth first: a use of an object that is not
//!    yet checked checks it first. A grey/black colouring finds declaration cycles.
//! 3. Function bodies are checked after all package-level declarations, in source order; while checking a
//!    package-level variable's initializer or a function body, every package-level object it uses is recorded
//!    as a dependency, from which `initorder` computes the spec's "Package initialization" order.
//! 4. Unused variables, labels and imports are reported at the end of each function / file.
//!
//! Submodules: `typexpr` (type expressions), `expr` (operands, operators, constants), `call` (calls,
//! conversions, built-ins), `stmt` (statements, labels, terminating statements), `lookup` (fields, methods,
//! method sets, assignability, interfaces), `typestring` (gc's spelling of types and expressions),
//! `initorder`.

mod call;
mod expr;
mod initorder;
mod lookup;
mod stmt;
pub mod typestring;
mod typexpr;

use std::collections::BTreeMap;

use super::fxhash::{HashMap, HashSet};

use super::constant::Value;
use super::sizes::Sizes;
use super::universe;
use super::{Info, ObjId, ObjKind, Object, Objects, Package, PkgId, Program, TypeId, TypeKind, TypeTable, VarInfo};
use crate::syntax::ast::*;
use crate::syntax::pos::{self, Error, FileSet, Pos};

/// Index into the checker's scope arena.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) struct ScopeId(pub u32);

/// A block (Go spec "Blocks"): names declared in it, and the block around it.
pub(crate) struct Scope {
    pub parent: Option<ScopeId>,
    pub names: HashMap<Name, ObjId>,
    /// A file block (its objects are package-level, like the package block's).
    pub is_file: bool,
}

/// One package to check, as the loader provides it.
pub struct PackageSrc<'s> {
    pub path: &'s str,
    /// Indices into `Ast::files`.
    pub files: &'s [usize],
    /// Import path as written → index of the imported package in the same list (checked earlier).
    pub imports: &'s BTreeMap<String, usize>,
    /// Import paths the loader found malformed → the error to report at each import of them.
    pub bad_imports: &'s BTreeMap<String, String>,
    /// The Go language version the package may use (gc's `-lang`, from the flag or the module's `go.mod`);
    /// `None`: no limit (the standard library, files outside a module).
    pub lang: Option<GoVersion>,
}

/// A Go language version `go1.N` (types2's `version`), as gc's `-lang` flag and go.mod's `go` line name it.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord)]
pub struct GoVersion {
    pub major: u32,
    pub minor: u32,
}

impl GoVersion {
    /// Parses `go1.12` (gc's `-lang` spelling; types2's `goVersionRx`: no leading zeros).
    pub fn parse_flag(s: &str) -> Result<GoVersion, String> {
        s.strip_prefix("go").and_then(Self::parse_number).ok_or_else(|| "should be something like \"go1.12\"".into())
    }

    /// Parses `1.12` (go.mod's `go` line; a patch release `1.21.0` counts as its minor version).
    pub fn parse_number(s: &str) -> Option<GoVersion> {
        let mut parts = s.split('.');
        let num = |p: Option<&str>| -> Option<u32> {
            let p = p?;
            let ok = !p.is_empty() && p.bytes().all(|b| b.is_ascii_digit()) && (p == "0" || !p.starts_with('0'));
            if ok {
                p.parse().ok()
            } else {
                None
            }
        };
        let major = num(parts.next())?;
        let minor = num(parts.next())?;
        if major == 0 {
            return None;
        }
        Some(GoVersion { major, minor })
    }
}

impl std::fmt::Display for GoVersion {
    fn fmt(&self, f: &mut std::fmt::Formatter) -> std::fmt::Result {
        write!(f, "go{}.{}", self.major, self.minor)
    }
}

/// The source of a package-level object, kept until the object is checked.
#[derive(Clone, Copy)]
pub(crate) enum DeclSrc<'a> {
    /// A constant: its spec (type and values, possibly inherited by repetition) and its index in the spec.
    Const {
        typ: Option<ExprId>,
        init: Option<ExprId>,
        iota: u32,
    },
    /// A variable: its type, and its initializer (`n_lhs > 1` for `var a, b = f()`, where `init` is shared).
    Var {
        typ: Option<ExprId>,
        init: Option<ExprId>,
        spec: &'a ValueSpec,
    },
    Type(&'a TypeSpec),
    Func(&'a FuncDecl),
}

#[derive(Clone, Copy, PartialEq, Eq)]
pub(crate) enum Color {
    White,
    Grey,
    Black,
}

/// Per-function state while checking a body.
pub(crate) struct FuncCtx {
    /// The function's signature (`TypeKind::Func`).
    pub sig: TypeId,
    /// A number unique per function declaration or literal (for capture detection).
    pub id: u32,
    /// The result variables (named or not) in order.
    pub results: Vec<ObjId>,
    pub named_results: bool,
    /// Local variables declared in this function (not in nested literals), for "declared but not used".
    pub locals: Vec<ObjId>,
}

/// See `Checker::delayed_ifaces`.
pub(crate) type DelayedIface = (Vec<(String, TypeId, Pos)>, Vec<(TypeId, Pos)>);

pub(crate) struct Checker<'a> {
    pub fset: &'a FileSet,
    pub ast: &'a Ast,
    /// The target's sizes (for `unsafe.Sizeof` and friends).
    pub sizes: Sizes,
    /// The files (indices into `ast.files`) of the package being checked.
    pub files: Vec<usize>,
    /// Per file (`File::file_id`) of the package being checked: its file block.
    pub file_scopes: HashMap<u32, ScopeId>,
    /// The package block of every package checked so far, by `PkgId` (unsafe's too).
    pub pkg_scopes: HashMap<PkgId, ScopeId>,
    /// Path and name of every package, by `PkgId` index (unsafe last).
    pub pkg_meta: Vec<(String, String)>,
    /// Import path as written → `PkgId`, for the package being checked.
    pub import_map: HashMap<String, PkgId>,
    /// `PackageSrc::bad_imports` of the package being checked.
    pub bad_imports: BTreeMap<String, String>,
    pub path: String,
    pub pkg: PkgId,
    pub unsafe_pkg: PkgId,
    pub t: TypeTable,
    pub objs: Objects,
    pub info: Info,
    pub errs: Vec<Error>,
    /// Errors gc's noder reports after type checking, so only for a package without type errors
    /// (`type declarations inside generic functions are not currently supported`).
    pub noder_errs: Vec<Error>,
    /// Type parameters constrained by the universe's `any`, which types2 prints as `any` (g1c's `any` is
    /// the type `interface{}` itself).
    pub any_bound: HashSet<TypeId>,
    pub scopes: Vec<Scope>,
    pub universe: ScopeId,
    pub pkg_scope: ScopeId,
    pub unsafe_scope: ScopeId,
    pub scope: ScopeId,
    /// Package-level objects not yet checked, and their colour.
    pub decls: HashMap<ObjId, DeclSrc<'a>>,
    pub color: HashMap<ObjId, Color>,
    /// Package-level objects being checked, outermost first (for cycle reports).
    pub obj_path: Vec<ObjId>,
    /// Package-level objects each package-level variable or function refers to, in first-use order.
    pub deps: HashMap<ObjId, Vec<ObjId>>,
    /// The package-level variable or function whose initializer or body is being checked.
    pub cur_decl: Option<ObjId>,
    pub funcs: Vec<FuncCtx>,
    pub next_func: u32,
    /// The function a local variable was declared in (`FuncCtx::id`).
    pub var_func: HashMap<ObjId, u32>,
    /// The value of `iota` in the constant declaration being checked.
    pub iota: Option<Value>,
    /// While checking a constant's inherited (implicitly repeated) init expression, the constant's name:
    /// errors are reported there, as types2's `errpos` does.
    pub errpos: Option<Pos>,
    /// Methods whose receiver is a pointer `*T`.
    pub ptr_recv: HashSet<ObjId>,
    /// Function objects standing for interface methods, per (interface type, method name).
    pub iface_method_objs: HashMap<(TypeId, Name), ObjId>,
    /// Method sets of interfaces whose embedded interfaces are all declared (see `iface_method_set`).
    pub iface_method_sets: HashMap<TypeId, Vec<(Name, TypeId)>>,
    /// Field objects of struct types, per (struct type, field index).
    pub field_objs: HashMap<(TypeId, usize), ObjId>,
    /// The universe's `error` and `comparable` types.
    pub error_t: TypeId,
    pub comparable_t: TypeId,
    /// Imports: (PkgName object, path, used).
    pub imports: Vec<(ObjId, String, Pos)>,
    /// Source order of package-level variables (declaration order for initialization).
    pub pkg_vars: Vec<(ObjId, &'a ValueSpec)>,
    /// Function declarations whose bodies are checked after all package-level declarations.
    pub bodies: Vec<(ObjId, &'a FuncDecl)>,
    /// Map key types to validate once all types are complete: (type, position).
    pub delayed_map_keys: Vec<(TypeId, Pos)>,
    /// Embedded fields whose type was still being declared: (base type, embedded as `*T`, position).
    pub delayed_embedded: Vec<(TypeId, bool, Pos)>,
    /// Array and channel types written in the package, for gc's size limits (checked once the element
    /// types are complete), with the positions of their type expressions.
    pub delayed_sizes: Vec<(TypeId, Pos)>,
    /// Interface types with embedded elements: their explicit methods (name, signature, position) and
    /// embedded types with positions, checked for methods embedded twice with different signatures once
    /// the embedded interfaces are complete.
    pub delayed_ifaces: Vec<DelayedIface>,
    /// Type parameters of generic named types and generic functions.
    pub generic_types: HashMap<TypeId, Vec<TypeId>>,
    pub generic_funcs: HashMap<ObjId, Vec<TypeId>>,
    /// Instances of generic named types, by (origin, type arguments).
    pub instances: HashMap<(TypeId, Vec<TypeId>), TypeId>,
    /// How many `instance` calls are under way, one inside the other: bounded, as an instantiation cycle
    /// (`type T[P any] struct{ f *T[*P] }`) would otherwise expand new instances forever.
    pub instance_depth: u32,
    /// Per function declaration: its scope, receiver, parameters and results (for checking the body later).
    pub func_scopes: HashMap<ObjId, (ScopeId, Option<ObjId>, Vec<ObjId>, Vec<ObjId>)>,
    /// Imported package names that were used.
    pub used_pkgs: HashSet<ObjId>,
    /// For methods of generic types: the receiver's own type parameters (`func (r T[P]) m()` declares P).
    pub method_recv_tparams: HashMap<ObjId, Vec<TypeId>>,
    /// Labels of the function body being checked.
    pub labels: HashMap<Name, stmt::LabelInfo>,
    /// The right-hand side of each defined type's declaration (go/types' `fromRHS`), for `valid_type`.
    pub type_rhs: HashMap<TypeId, TypeId>,
    /// Defined types `type T U` declared while `U`'s underlying type was still unknown (a valid cycle
    /// through `U`): (T, U), completed as soon as `U` is.
    pub pending_under: Vec<(TypeId, TypeId)>,
    /// `valid_type`'s verdicts on defined types, kept across packages (1 = being walked, 2 = valid,
    /// 3 = invalid), as go/types' `infoMap`.
    pub valid_state: HashMap<TypeId, u8>,
    /// The declared signatures of functions, methods and interface methods (for spelling their parameter
    /// types as written in messages: see `type_string_as_written`).
    pub func_types: HashMap<ObjId, &'a FuncType>,
    /// The spelling of the target type of the `assignment` being checked, when it differs from
    /// `type_string` (a parameter declared `byte`).
    pub spelled_target: Option<String>,
    /// The callee of a call is being checked: a partial instantiation `f[int]` may leave type arguments to
    /// be inferred from the call's arguments; it then leaves (function, explicit type arguments, `f`'s
    /// expression) in `partial_targs`.
    pub partial_ok: bool,
    /// Instances of generic types created while the generic type was being declared: (instance, generic).
    pub pending_instances: Vec<(TypeId, TypeId)>,
    pub partial_targs: Option<(ObjId, Vec<TypeId>, ExprId)>,
    /// Variables declared with a type expression that mentions `byte` or `rune`, with that expression.
    pub written_types: HashMap<ObjId, ExprId>,
    /// Checking the constraints of a type parameter list (types2's `inTParamList`), where a reference to a
    /// generic type being declared is an invalid cycle.
    pub in_tparam_list: bool,
    /// The language version of the package being checked (`PackageSrc::lang`).
    pub lang: Option<GoVersion>,
}

/// Type-checks the files of `ast` as one package with import path `path` (imports other than `unsafe` are
/// not available), for linux/amd64.
pub fn check_package(fset: &FileSet, ast: &Ast, path: &str) -> Result<Program, Vec<Error>> {
    let files: Vec<usize> = (0..ast.files.len()).collect();
    let imports = BTreeMap::new();
    let src = [PackageSrc { path, files: &files, imports: &imports, bad_imports: &BTreeMap::new(), lang: None }];
    let (prog, errs) = check_program(fset, ast, &src, crate::target::Target::LINUX_AMD64.sizes);
    let errs: Vec<Error> = errs.into_iter().flatten().collect();
    if errs.is_empty() {
        Ok(prog)
    } else {
        Err(errs)
    }
}

/// Type-checks `packages`, which are in dependency order, each once, into one program. Returns the program
/// (`packages[i]` is `PkgId(i)`; `unsafe` follows them) and each package's errors.
pub fn check_program(fset: &FileSet, ast: &Ast, packages: &[PackageSrc], sizes: Sizes) -> (Program, Vec<Vec<Error>>) {
    check_packages(fset, ast, packages, sizes, true)
}

/// Checks like [`check_program`] for `g1c check`, which reads only the errors: the per-node facts of
/// `Info` (`types`, `defs`, `uses`, `implicits`, `selections`, `instances`) are dropped after each package,
/// so the returned `Program`'s `Info` holds those of the last package only, and its `packages` have empty
/// scopes; each package's file and local blocks go too. The checker reads these facts only for the nodes
/// of the package it is checking, and blocks only of that package, so the errors are the same.
pub fn check_errors_only(
    fset: &FileSet,
    ast: &Ast,
    packages: &[PackageSrc],
    sizes: Sizes,
) -> (Program, Vec<Vec<Error>>) {
    check_packages(fset, ast, packages, sizes, false)
}

fn check_packages(
    fset: &FileSet,
    ast: &Ast,
    packages: &[PackageSrc],
    sizes: Sizes,
    keep_node_info: bool,
) -> (Program, Vec<Vec<Error>>) {
    let mut c = Checker::new(fset, ast, packages.len(), sizes);
    if keep_node_info {
        // Nearly every expression gets an entry: size the table once instead of rehashing as it grows.
        c.info.types.reserve(ast.exprs.len());
        // About every second expression is an identifier use (measured on std).
        c.info.uses.reserve(ast.exprs.len() / 2);
    }
    let mut errs = Vec::with_capacity(packages.len());
    let mut meta = Vec::with_capacity(packages.len() + 1);
    for (i, p) in packages.iter().enumerate() {
        let name = p.files.first().map(|&f| ast.files[f].package.name.to_string()).unwrap_or_default();
        c.pkg_meta[i] = (p.path.to_string(), name.clone());
        let first_scope = c.scopes.len();
        c.begin_package(PkgId(i as u32), p);
        c.check_files();
        let noder_errs = std::mem::take(&mut c.noder_errs);
        if c.errs.is_empty() {
            c.errs = noder_errs;
        }
        // gc's noder checks the directives that depend on the package (//go:linkname targets,
        // runtime-only and cgo directives) after type checking.
        let pkg_files: Vec<&crate::syntax::ast::File> = p.files.iter().map(|&f| &ast.files[f]).collect();
        c.errs.extend(crate::syntax::directive::check_package(p.path, fset, &pkg_files));
        if let Some(v) = p.lang {
            c.errs.extend(crate::syntax::directive::check_embed_version(&pkg_files, (v.major, v.minor)));
        }
        // `g1c check` reads no package's scope from the result: the copy is left empty there.
        let scope: BTreeMap<Name, ObjId> = if keep_node_info {
            c.scopes[c.pkg_scope.0 as usize].names.iter().map(|(k, v)| (k.clone(), *v)).collect()
        } else {
            BTreeMap::new()
        };
        meta.push(Package { path: p.path.to_string(), name, scope });
        errs.push(std::mem::take(&mut c.errs));
        c.end_package(first_scope);
        if !keep_node_info {
            // Nothing refers to the package's file and local blocks any more (`file_scopes` and
            // `func_scopes` are per package): only its package block stays, which importers look into.
            debug_assert_eq!(c.pkg_scope.0 as usize, first_scope);
            c.scopes.truncate(first_scope + 1);
            let info = &mut c.info;
            info.types.clear();
            info.defs.clear();
            info.uses.clear();
            info.implicits.clear();
            info.selections.clear();
            info.instances.clear();
        }
    }
    let Checker { t, objs, mut info, scopes, unsafe_scope, generic_types, generic_funcs, method_recv_tparams, .. } = c;
    info.generic_types = generic_types;
    info.generic_funcs = generic_funcs;
    info.method_recv_tparams = method_recv_tparams;
    let unsafe_names: BTreeMap<Name, ObjId> =
        scopes[unsafe_scope.0 as usize].names.iter().map(|(k, v)| (k.clone(), *v)).collect();
    meta.push(Package { path: "unsafe".into(), name: "unsafe".into(), scope: unsafe_names });
    (Program { types: t, objs, info, packages: meta }, errs)
}

impl<'a> Checker<'a> {
    fn new(fset: &'a FileSet, ast: &'a Ast, n_packages: usize, sizes: Sizes) -> Checker<'a> {
        let unsafe_pkg = PkgId(n_packages as u32);
        let mut pkg_meta = vec![(String::new(), String::new()); n_packages];
        pkg_meta.push(("unsafe".into(), "unsafe".into()));
        let mut c = Checker {
            fset,
            ast,
            sizes,
            files: Vec::new(),
            file_scopes: HashMap::default(),
            pkg_scopes: HashMap::default(),
            pkg_meta,
            import_map: HashMap::default(),
            bad_imports: BTreeMap::new(),
            path: String::new(),
            pkg: PkgId(0),
            unsafe_pkg,
            t: TypeTable::new(),
            objs: Objects::default(),
            info: Info::default(),
            errs: Vec::new(),
            scopes: Vec::new(),
            universe: ScopeId(0),
            pkg_scope: ScopeId(0),
            unsafe_scope: ScopeId(0),
            scope: ScopeId(0),
            decls: HashMap::default(),
            color: HashMap::default(),
            obj_path: Vec::new(),
            deps: HashMap::default(),
            cur_decl: None,
            funcs: Vec::new(),
            next_func: 0,
            var_func: HashMap::default(),
            iota: None,
            errpos: None,
            ptr_recv: HashSet::default(),
            iface_method_objs: HashMap::default(),
            iface_method_sets: HashMap::default(),
            field_objs: HashMap::default(),
            error_t: TypeId::INVALID,
            comparable_t: TypeId::INVALID,
            imports: Vec::new(),
            pkg_vars: Vec::new(),
            bodies: Vec::new(),
            delayed_map_keys: Vec::new(),
            delayed_embedded: Vec::new(),
            delayed_sizes: Vec::new(),
            delayed_ifaces: Vec::new(),
            generic_types: HashMap::default(),
            generic_funcs: HashMap::default(),
            instances: HashMap::default(),
            instance_depth: 0,
            func_scopes: HashMap::default(),
            used_pkgs: HashSet::default(),
            method_recv_tparams: HashMap::default(),
            labels: HashMap::default(),
            type_rhs: HashMap::default(),
            pending_under: Vec::new(),
            valid_state: HashMap::default(),
            in_tparam_list: false,
            lang: None,
            func_types: HashMap::default(),
            spelled_target: None,
            partial_ok: false,
            pending_instances: Vec::new(),
            partial_targs: None,
            written_types: HashMap::default(),
            noder_errs: Vec::new(),
            any_bound: HashSet::default(),
        };
        c.universe = c.new_scope(None);
        c.unsafe_scope = c.new_scope(None);
        universe::populate(&mut c);
        c.pkg_scopes.insert(unsafe_pkg, c.unsafe_scope);
        c.pkg_scope = c.new_scope(Some(c.universe));
        c.scope = c.pkg_scope;
        c
    }

    /// Resets the per-package state to check package `pkg`; what earlier packages declared stays.
    fn begin_package(&mut self, pkg: PkgId, src: &PackageSrc) {
        self.pkg = pkg;
        self.path = src.path.to_string();
        self.lang = src.lang;
        self.files = src.files.to_vec();
        self.pkg_scope = self.new_scope(Some(self.universe));
        self.pkg_scopes.insert(pkg, self.pkg_scope);
        self.scope = self.pkg_scope;
        self.import_map = src.imports.iter().map(|(k, &v)| (k.clone(), PkgId(v as u32))).collect();
        self.bad_imports = src.bad_imports.clone();
        self.file_scopes.clear();
        self.decls.clear();
        self.color.clear();
        self.obj_path.clear();
        self.deps.clear();
        self.cur_decl = None;
        self.funcs.clear();
        self.imports.clear();
        self.pkg_vars.clear();
        self.bodies.clear();
        self.delayed_map_keys.clear();
        self.delayed_embedded.clear();
        self.delayed_sizes.clear();
        self.delayed_ifaces.clear();
        self.func_scopes.clear();
        self.used_pkgs.clear();
        self.labels.clear();
        self.iota = None;
    }

    /// Frees what only the package just checked needed: the names of its file and local blocks (scopes from
    /// `first_scope` on; its package block stays, later packages import from it) and which function each
    /// local variable belongs to.
    fn end_package(&mut self, first_scope: usize) {
        for (i, sc) in self.scopes.iter_mut().enumerate().skip(first_scope) {
            if i != self.pkg_scope.0 as usize {
                sc.names = HashMap::default();
            }
        }
        self.var_func = HashMap::default();
    }

    /// Is the package being checked a command (`package main`)?
    pub fn is_main(&self) -> bool {
        self.pkg_meta[self.pkg.0 as usize].1 == "main"
    }

    /// The block in which package-level object `o` is checked: the file block of its file.
    fn decl_scope(&self, o: ObjId) -> ScopeId {
        self.fset
            .file_of(self.objs.get(o).pos)
            .and_then(|f| self.file_scopes.get(&f.0).copied())
            .unwrap_or(self.pkg_scope)
    }

    /// The object `pkg.sel` for a qualified identifier, where `pn` is the `PkgName` object `pid` denotes;
    /// reports `undefined: pkg.sel` for a missing or unexported name.
    pub fn qualified_obj(&mut self, pn: ObjId, pid: &Ident, sel: &Ident) -> Option<ObjId> {
        self.info.uses.insert(pid.pos, pn);
        self.used_pkgs.insert(pn);
        let ObjKind::PkgName(p) = self.objs.get(pn).kind else { return None };
        let found = self.pkg_scopes.get(&p).and_then(|s| self.scopes[s.0 as usize].names.get(&sel.name).copied());
        match found {
            Some(m) if p == self.unsafe_pkg || typexpr::is_exported(&sel.name) => {
                self.info.uses.insert(sel.pos, m);
                Some(m)
            }
            _ => {
                // types2 names the package by its own name, not the local one (`import l "lib"`).
                let pkg_name = self.pkg_meta[p.0 as usize].1.clone();
                self.error(sel.pos, format!("undefined: {}.{}", pkg_name, sel.name));
                None
            }
        }
    }

    // ---- errors ----

    /// May the package being checked use a feature of Go `major.minor` (types2's `allowVersion`)? Imported
    /// packages were checked with their own version.
    pub fn allow_version(&self, major: u32, minor: u32) -> bool {
        self.lang.map_or(true, |v| v >= GoVersion { major, minor })
    }

    /// The predeclared `any` and `comparable` need Go 1.18 (types2's `ident`); false after reporting.
    pub fn allow_predeclared(&mut self, o: ObjId, pos: Pos) -> bool {
        let ob = self.objs.get(o);
        if ob.pkg.is_some() || !matches!(ob.kind, ObjKind::TypeName) || !(ob.name == "any" || ob.name == "comparable") {
            return true;
        }
        if self.allow_version(1, 18) {
            return true;
        }
        let what = format!("predeclared {}", ob.name);
        self.version_error(pos, "go1.18", &what);
        false
    }

    /// Is `t` a defined type of another package denoting a constraint interface (one with type terms or
    /// `comparable`)? Before Go 1.18 such a type may not be used (types2's `isImportedConstraint`; a local
    /// one was already reported where it is declared).
    pub fn is_imported_constraint(&self, t: TypeId) -> bool {
        let TypeKind::Named(n) = self.t.kind(t) else { return false };
        let pkg = self.objs.get(n.obj).pkg;
        let u = self.t.underlying(t);
        pkg.is_some()
            && pkg != Some(self.pkg)
            && matches!(self.t.kind(u), TypeKind::Interface { .. })
            && !self.is_method_set(u, 0)
    }

    /// Is interface `t`'s type set fully described by its methods (types2's `IsMethodSet`)? False for
    /// other types.
    fn is_method_set(&self, t: TypeId, depth: u32) -> bool {
        let TypeKind::Interface { embeddeds, .. } = self.t.kind(t) else { return false };
        // (Embedding cycles are invalid and reported elsewhere: a bounded walk ends them.)
        depth < 64
            && embeddeds.iter().all(|&e| e != self.comparable_t && self.is_method_set(self.t.underlying(e), depth + 1))
    }

    /// Reports that `what` needs a newer language version than the package's (types2's `versionErrorf`
    /// with gc's wording).
    pub fn version_error(&mut self, pos: Pos, need: &str, what: &str) {
        let msg = self.version_message(need, what);
        self.error(pos, msg);
    }

    /// `what requires goX.Y or later (-lang was set to goA.B; check go.mod)`.
    pub fn version_message(&self, need: &str, what: &str) -> String {
        let lang = self.lang.map(|v| v.to_string()).unwrap_or_default();
        format!("{what} requires {need} or later (-lang was set to {lang}; check go.mod)")
    }

    pub fn error(&mut self, pos: Pos, msg: impl Into<String>) {
        let msg = msg.into();
        // types2's "cheap trick": once an error was reported, messages mentioning an invalid operand or
        // type (not at their start) are follow-on errors and are dropped.
        let follow_on = |m: &str, w: &str| m.find(w).is_some_and(|i| i > 0);
        if !self.errs.is_empty() && (follow_on(&msg, "invalid operand") || follow_on(&msg, "invalid type")) {
            return;
        }
        self.errs.push(Error::new(self.errpos.unwrap_or(pos), msg));
    }

    // ---- scopes ----

    pub fn new_scope(&mut self, parent: Option<ScopeId>) -> ScopeId {
        self.scopes.push(Scope { parent, names: HashMap::default(), is_file: false });
        ScopeId(self.scopes.len() as u32 - 1)
    }

    pub fn open_scope(&mut self) {
        self.scope = self.new_scope(Some(self.scope));
    }

    pub fn close_scope(&mut self) {
        self.scope = self.scopes[self.scope.0 as usize].parent.expect("close_scope at top");
    }

    /// Finds `name` in the current scope or an enclosing one.
    pub fn lookup(&self, name: &str) -> Option<ObjId> {
        let mut s = Some(self.scope);
        while let Some(id) = s {
            let sc = &self.scopes[id.0 as usize];
            if let Some(&o) = sc.names.get(name) {
                return Some(o);
            }
            s = sc.parent;
        }
        None
    }

    /// Declares `obj` in scope `s` and records its identifier's definition. `_` is never entered.
    pub fn declare(&mut self, s: ScopeId, ident_pos: Pos, obj: ObjId) {
        if ident_pos.is_known() {
            self.info.defs.insert(ident_pos, obj);
        }
        let name = self.objs.get(obj).name.clone();
        if name == "_" {
            return;
        }
        // Spec "Package initialization" and "Program execution": at package level, init and (in package main)
        // main can only be functions (functions reach here only for main; init functions are never declared).
        let is_func = matches!(self.objs.get(obj).kind, ObjKind::Func { .. });
        if s == self.pkg_scope && !is_func && (name == "init" || (name == "main" && self.path == "main")) {
            self.error(self.objs.get(obj).pos, format!("cannot declare {name} - must be func"));
            return;
        }
        if let Some(&alt) = self.scopes[s.0 as usize].names.get(&name) {
            let mut msg = format!("{name} redeclared in this block");
            if let Some(p) = self.fset.position(self.objs.get(alt).pos) {
                msg.push_str(&format!("\n\t{p}: other declaration of {name}"));
            }
            self.error(self.objs.get(obj).pos, msg);
            // not in scope, so never reported as unused (go/types' usage walks scopes)
            if let Some(v) = self.var_info_mut(obj) {
                v.used = true;
            }
            return;
        }
        self.scopes[s.0 as usize].names.insert(name, obj);
    }

    pub fn new_obj(&mut self, kind: ObjKind, name: &str, pos: Pos, typ: TypeId) -> ObjId {
        let package_level = self.scope == self.pkg_scope || self.scopes[self.scope.0 as usize].is_file;
        self.objs.add(Object { kind, name: Name::new(name), pos, typ, pkg: Some(self.pkg), package_level })
    }

    pub fn new_var(&mut self, name: &Ident, typ: TypeId, info: VarInfo) -> ObjId {
        let o = self.new_obj(ObjKind::Var(info), &name.name, name.pos, typ);
        if let Some(f) = self.funcs.last() {
            self.var_func.insert(o, f.id);
        }
        o
    }

    pub fn var_info_mut(&mut self, o: ObjId) -> Option<&mut VarInfo> {
        match &mut self.objs.get_mut(o).kind {
            ObjKind::Var(v) => Some(v),
            _ => None,
        }
    }

    /// Records that the current declaration depends on package-level object `o`.
    pub fn add_dep(&mut self, o: ObjId) {
        if let Some(d) = self.cur_decl {
            let v = self.deps.entry(d).or_default();
            if !v.contains(&o) {
                v.push(o);
            }
        }
    }

    // ---- package-level declarations ----

    fn check_files(&mut self) {
        // types2's initFiles: a package cannot be named `_` (the first file names the package).
        if let Some(&f) = self.files.first() {
            let id = &self.ast.files[f].package;
            if id.name == "_" {
                self.error(id.pos, "invalid package name _");
            }
        }
        self.collect();
        // Check package-level objects in source order (each on demand first, if used earlier).
        // As types2's packageObjects: defined types first, then aliases, then everything else, which avoids
        // most uses of an alias's type before it is known (`type F = func(T); type T interface{ m(F) }`).
        let mut order: Vec<ObjId> = self.decls.keys().copied().collect();
        let phase = |d: Option<&DeclSrc>| match d {
            Some(DeclSrc::Type(ts)) if !ts.alias => 0,
            Some(DeclSrc::Type(_)) => 1,
            _ => 2,
        };
        order.sort_by_key(|o| (phase(self.decls.get(o)), self.objs.get(*o).pos, o.0));
        for o in order {
            self.obj_decl(o);
        }
        // Types that contain themselves, in source order of their declarations. Only this package's: earlier
        // packages' types were validated when they were checked, and their verdicts stay in `valid_state`.
        let mut named: Vec<(Pos, TypeId)> = self
            .type_rhs
            .keys()
            .filter_map(|&t| match self.t.kind(t) {
                TypeKind::Named(n) if self.objs.get(n.obj).pkg == Some(self.pkg) => Some((self.objs.get(n.obj).pos, t)),
                _ => None,
            })
            .collect();
        named.sort();
        let mut state = std::mem::take(&mut self.valid_state);
        for (_, t) in named {
            self.valid_type(t, &mut Vec::new(), &mut state);
        }
        self.valid_state = state;
        self.check_map_keys();
        // Function bodies.
        let bodies = std::mem::take(&mut self.bodies);
        for (obj, fd) in bodies {
            self.func_body(obj, fd);
        }
        // the map key types and embedded fields of local type declarations
        self.check_map_keys();
        self.init_order();
        self.unused_imports();
    }

    /// Type parameters need Go 1.18 (types2's `collectObjects`).
    fn tparams_version(&mut self, tparams: &[Field]) {
        if let Some(f) = tparams.first() {
            if !self.allow_version(1, 18) {
                let pos = f.names.first().map_or(f.pos, |n| n.pos);
                self.version_error(pos, "go1.18", "type parameter");
            }
        }
    }

    /// Enters every package-level object into the package scope (go/types' `collectObjects`).
    fn collect(&mut self) {
        let ast = self.ast;
        let mut methods: Vec<(ObjId, &'a FuncDecl)> = Vec::new();
        // Package clause names must agree.
        if let Some(&first) = self.files.first() {
            let first = &ast.files[first];
            for f in self.files.clone()[1..].iter().map(|&i| &ast.files[i]) {
                if f.package.name != first.package.name {
                    self.error(
                        f.package.pos,
                        format!("package {}; expected package {}", f.package.name, first.package.name),
                    );
                }
            }
        }
        for fi in self.files.clone() {
            let file = &ast.files[fi];
            let fscope = self.new_scope(Some(self.pkg_scope));
            self.scopes[fscope.0 as usize].is_file = true;
            self.file_scopes.insert(file.file_id, fscope);
            for imp in &file.imports {
                pos::set_current(imp.pos);
                self.import(fscope, imp);
            }
            for decl in &file.decls {
                match decl {
                    Decl::Bad(_) => {}
                    Decl::Gen(g) => self.collect_gen(g),
                    Decl::Func(fd) => {
                        pos::set_current(fd.pos);
                        let obj = self.objs.add(Object {
                            kind: ObjKind::Func { recv: None, has_body: fd.body.is_some() },
                            name: fd.name.name.clone(),
                            pos: fd.name.pos,
                            typ: TypeId::INVALID,
                            pkg: Some(self.pkg),
                            package_level: true,
                        });
                        self.decls.insert(obj, DeclSrc::Func(fd));
                        self.color.insert(obj, Color::White);
                        if fd.recv.is_some() {
                            self.info.defs.insert(fd.name.pos, obj);
                            methods.push((obj, fd));
                            continue;
                        }
                        let name = fd.name.name.as_str();
                        if !(name == "init" || (name == "main" && self.is_main())) {
                            self.tparams_version(&fd.tparams);
                        }
                        if name == "init" || (name == "main" && self.is_main()) {
                            if !fd.tparams.is_empty() {
                                self.error(fd.name.pos, format!("func {name} must have no type parameters"));
                            }
                            if !fd.typ.params.is_empty() || !fd.typ.results.is_empty() {
                                self.error(
                                    fd.name.pos,
                                    format!("func {name} must have no arguments and no return values"),
                                );
                            }
                        }
                        if name == "init" {
                            // init functions are not declared in any scope
                            self.info.defs.insert(fd.name.pos, obj);
                            self.info.inits.push(obj);
                            if fd.body.is_none() {
                                self.error(fd.name.pos, "missing function body");
                            }
                        } else {
                            let ps = self.pkg_scope;
                            self.declare(ps, fd.name.pos, obj);
                        }
                    }
                }
            }
        }
        // Objects in the package block and in a file block must have different names (types2's
        // collectObjects).
        for fi in self.files.clone() {
            let fid = self.ast.files[fi].file_id;
            let Some(&fs) = self.file_scopes.get(&fid) else { continue };
            let mut names: Vec<(Name, ObjId)> =
                self.scopes[fs.0 as usize].names.iter().map(|(k, v)| (k.clone(), *v)).collect();
            names.sort();
            for (name, obj) in names {
                let Some(&alt) = self.scopes[self.pkg_scope.0 as usize].names.get(&name) else { continue };
                let describe = |c: &Self, p: PkgId| {
                    let (path, pname) = &c.pkg_meta[p.0 as usize];
                    format!("package {pname} ({path:?})")
                };
                let mut msg = match self.objs.get(obj).kind {
                    ObjKind::PkgName(p) => format!("{name} already declared through import of {}", describe(self, p)),
                    _ => {
                        let p = self.objs.get(obj).pkg.unwrap_or(self.pkg);
                        format!("{name} already declared through dot-import of {}", describe(self, p))
                    }
                };
                if matches!(self.objs.get(obj).kind, ObjKind::PkgName(_)) {
                    if let Some(at) = self.fset.position(self.objs.get(obj).pos) {
                        msg.push_str(&format!("\n\t{at}: other declaration of {name}"));
                    }
                }
                self.error(self.objs.get(alt).pos, msg);
            }
        }
        // Associate methods with their receiver base types.
        for (obj, fd) in methods {
            let recv = fd.recv.as_ref().and_then(|r| r.first());
            let Some(recv) = recv else { continue };
            let Some(tobj) = self.resolve_base_type_name(recv.typ) else { continue };
            let named = self.objs.get(tobj).typ;
            if let TypeKind::Named(_) = self.t.kind(named) {
                if fd.name.name != "_" {
                    let dup = self
                        .t
                        .named_mut(named)
                        .methods
                        .iter()
                        .copied()
                        .find(|&m| self.objs.get(m).name == fd.name.name);
                    if let Some(alt) = dup {
                        let tname = self.objs.get(tobj).name.clone();
                        let mut msg = format!("{tname}.{} redeclared in this block", fd.name.name);
                        if let Some(p) = self.fset.position(self.objs.get(alt).pos) {
                            msg.push_str(&format!("\n\t{p}: other declaration of {}", fd.name.name));
                        }
                        self.error(fd.name.pos, msg);
                        continue;
                    }
                }
                if let ObjKind::Func { recv, .. } = &mut self.objs.get_mut(obj).kind {
                    *recv = Some(named);
                }
                self.t.named_mut(named).methods.push(obj);
            }
        }
    }

    /// Declares the package name of one import in file block `fscope` (Go spec "Import declarations").
    fn import(&mut self, fscope: ScopeId, imp: &'a ImportSpec) {
        let p = if imp.path == "unsafe" {
            self.unsafe_pkg
        } else {
            match self.import_map.get(&imp.path) {
                Some(&p) => p,
                None => {
                    // The loader judged the path: a malformed one has its message, any other is a package
                    // this program cannot import.
                    let msg = match self.bad_imports.get(&imp.path) {
                        Some(msg) => msg.clone(),
                        None => format!("could not import {} (not supported yet)", imp.path),
                    };
                    self.error(imp.path_pos, msg);
                    return;
                }
            }
        };
        let name = match &imp.name {
            Some(n) => n.name,
            None => Name::new(&self.pkg_meta[p.0 as usize].1),
        };
        if name == "init" {
            self.error(
                imp.name.as_ref().map(|n| n.pos).unwrap_or(imp.path_pos),
                "cannot import package as init - init must be a func",
            );
            return;
        }
        let pos = imp.name.as_ref().map(|n| n.pos).unwrap_or(imp.path_pos);
        let o = self.objs.add(Object {
            kind: ObjKind::PkgName(p),
            name: name.clone(),
            pos,
            typ: TypeId::INVALID,
            pkg: Some(self.pkg),
            package_level: true,
        });
        if let Some(n) = &imp.name {
            self.info.defs.insert(n.pos, o);
        }
        match name.as_str() {
            "_" => {}
            "." => {
                // Every exported name of the package joins the file block.
                let names: Vec<(Name, ObjId)> = match self.pkg_scopes.get(&p) {
                    Some(s) => self.scopes[s.0 as usize].names.iter().map(|(k, v)| (k.clone(), *v)).collect(),
                    None => Vec::new(),
                };
                for (n, obj) in names {
                    if typexpr::is_exported(&n) || p == self.unsafe_pkg {
                        self.scopes[fscope.0 as usize].names.insert(n, obj);
                    }
                }
                self.imports.push((o, imp.path.clone(), imp.path_pos));
            }
            _ => {
                if let Some(&alt) = self.scopes[fscope.0 as usize].names.get(&name) {
                    let mut msg = format!("{name} redeclared in this block");
                    if let Some(at) = self.fset.position(self.objs.get(alt).pos) {
                        msg.push_str(&format!("\n\t{at}: other declaration of {name}"));
                    }
                    self.error(pos, msg);
                } else {
                    self.scopes[fscope.0 as usize].names.insert(name, o);
                }
                self.imports.push((o, imp.path.clone(), imp.path_pos));
            }
        }
    }

    /// types2's `arity`: a constant or variable declaration's names and initialization values must match
    /// (`inherited`: the values are repeated from an earlier constant spec).
    pub fn arity(&mut self, pos: Pos, names: &[Ident], inits: &[ExprId], const_decl: bool, inherited: bool) {
        let (l, r) = (names.len(), inits.len());
        if l < r {
            let n = inits[l];
            if inherited {
                let at = self.fset.position(self.ast.expr(n).pos).map(|p| p.to_string()).unwrap_or_default();
                self.error(pos, format!("extra init expr at {at}"));
            } else {
                let es = self.expr_string(n);
                self.error(self.ast.expr(n).pos, format!("extra init expr {es}"));
            }
        } else if l > r && (const_decl || r != 1) {
            let n = &names[r];
            self.error(n.pos, format!("missing init expr for {}", n.name));
        }
    }

    /// types2's `resolveBaseTypeName`: the defined type of this package a receiver type expression names,
    /// following alias declarations (`type A = T; func (A) m()` declares a method of `T`); at most one `*`.
    fn resolve_base_type_name(&self, mut e: ExprId) -> Option<ObjId> {
        let ast = self.ast;
        let mut ptr = false;
        let mut seen = HashSet::default();
        loop {
            e = ast.unparen(e);
            if let ExprKind::Star(x) = &ast.expr(e).kind {
                if ptr {
                    return None;
                }
                ptr = true;
                e = ast.unparen(*x);
            }
            let e_base = match &ast.expr(e).kind {
                ExprKind::Index { x, .. } => *x,
                _ => e,
            };
            let ExprKind::Ident(name) = &ast.expr(e_base).kind else { return None };
            let &tobj = self.scopes[self.pkg_scope.0 as usize].names.get(&name.name)?;
            if !matches!(self.objs.get(tobj).kind, ObjKind::TypeName) || !seen.insert(tobj) {
                return None;
            }
            let Some(DeclSrc::Type(ts)) = self.decls.get(&tobj).copied() else { return None };
            if !ts.alias {
                return Some(tobj);
            }
            e = ts.typ;
        }
    }

    /// The receiver base type name of a method: `T`, `*T`, `(T)`, `T[P]`, `*T[P]`.
    pub fn recv_base_name(&self, mut e: ExprId) -> Option<(&'a Ident, bool)> {
        let ast = self.ast;
        let mut ptr = false;
        loop {
            match &ast.expr(e).kind {
                ExprKind::Paren(x) => e = *x,
                ExprKind::Star(x) if !ptr => {
                    ptr = true;
                    e = *x
                }
                ExprKind::Index { x, .. } => e = *x,
                ExprKind::Ident(id) => return Some((id, ptr)),
                _ => return None,
            }
        }
    }

    fn collect_gen(&mut self, g: &'a GenDecl) {
        let ps = self.pkg_scope;
        let mut last: Option<&'a ValueSpec> = None;
        for spec in &g.specs {
            pos::set_current(match spec {
                Spec::Value(v) => v.pos,
                Spec::Type(t) => t.pos,
            });
            match spec {
                Spec::Type(ts) => {
                    self.tparams_version(&ts.tparams);
                    if !self.may_declare_pkg_obj(&ts.name) {
                        continue;
                    }
                    let obj = self.objs.add(Object {
                        kind: ObjKind::TypeName,
                        name: ts.name.name.clone(),
                        pos: ts.name.pos,
                        typ: TypeId::INVALID,
                        pkg: Some(self.pkg),
                        package_level: true,
                    });
                    if !ts.alias {
                        let named = self.t.add_unique(TypeKind::Named(Box::new(super::NamedType {
                            obj,
                            underlying: TypeId::INVALID,
                            methods: Vec::new(),
                            origin: None,
                            targs: Vec::new(),
                        })));
                        self.objs.get_mut(obj).typ = named;
                    }
                    self.decls.insert(obj, DeclSrc::Type(ts));
                    self.color.insert(obj, Color::White);
                    self.declare(ps, ts.name.pos, obj);
                }
                Spec::Value(vs) => match g.kind {
                    GenKind::Const => {
                        let src = if vs.values.is_empty() && vs.typ.is_none() { last.unwrap_or(vs) } else { vs };
                        if !(vs.values.is_empty() && vs.typ.is_none()) || last.is_none() {
                            last = Some(vs);
                        }
                        for (i, name) in vs.names.iter().enumerate() {
                            if !self.may_declare_pkg_obj(name) {
                                continue;
                            }
                            let obj = self.objs.add(Object {
                                kind: ObjKind::Const(Value::Unknown),
                                name: name.name.clone(),
                                pos: name.pos,
                                typ: TypeId::INVALID,
                                pkg: Some(self.pkg),
                                package_level: true,
                            });
                            let init = src.values.get(i).copied();
                            self.decls.insert(obj, DeclSrc::Const { typ: src.typ, init, iota: vs.iota });
                            self.color.insert(obj, Color::White);
                            self.declare(ps, name.pos, obj);
                        }
                        self.arity(vs.pos, &vs.names, &src.values, true, !std::ptr::eq(src, vs));
                    }
                    GenKind::Var => {
                        let n = vs.names.len();
                        let m = vs.values.len();
                        if m > 0 && m != n && m != 1 {
                            self.assign_count_error(vs.pos, n, m, vs.values.get(n).copied());
                        } else if m == 1 && n > 1 {
                            // n:1, checked as a unit
                        }
                        for (i, name) in vs.names.iter().enumerate() {
                            if !self.may_declare_pkg_obj(name) {
                                continue;
                            }
                            let obj = self.objs.add(Object {
                                kind: ObjKind::Var(VarInfo { global: true, ..Default::default() }),
                                name: name.name.clone(),
                                pos: name.pos,
                                typ: TypeId::INVALID,
                                pkg: Some(self.pkg),
                                package_level: true,
                            });
                            let init = if m == n {
                                vs.values.get(i).copied()
                            } else if m == 1 {
                                Some(vs.values[0])
                            } else {
                                None
                            };
                            self.decls.insert(obj, DeclSrc::Var { typ: vs.typ, init, spec: vs });
                            self.color.insert(obj, Color::White);
                            self.declare(ps, name.pos, obj);
                            self.pkg_vars.push((obj, vs));
                        }
                    }
                    GenKind::Type => {}
                },
            }
        }
    }

    /// types2's `declarePkgObj`: `init`, and `main` in package main, may only be functions.
    fn may_declare_pkg_obj(&mut self, name: &Ident) -> bool {
        if name.name == "init" {
            self.error(name.pos, "cannot declare init - must be func");
            return false;
        }
        if name.name == "main" && self.is_main() {
            self.error(name.pos, "cannot declare main - must be func");
            return false;
        }
        true
    }

    pub fn assign_count_error(&mut self, pos: Pos, l: usize, r: usize, _extra: Option<ExprId>) {
        let vals = if r == 1 { "value" } else { "values" };
        if r > l {
            self.error(
                pos,
                format!("assignment mismatch: {l} variable{} but {r} {vals}", if l == 1 { "" } else { "s" }),
            );
        } else {
            self.error(
                pos,
                format!("assignment mismatch: {l} variable{} but {r} {vals}", if l == 1 { "" } else { "s" }),
            );
        }
    }

    /// Checks package-level object `o` if it has not been checked yet (go/types' `objDecl`).
    pub fn obj_decl(&mut self, o: ObjId) {
        let Some(&col) = self.color.get(&o) else { return };
        match col {
            Color::Black => return,
            Color::Grey => {
                self.cycle_error(o);
                return;
            }
            Color::White => {}
        }
        let Some(src) = self.decls.get(&o).copied() else { return };
        self.color.insert(o, Color::Grey);
        self.obj_path.push(o);
        // Package-level declarations are checked in the package scope, outside any function.
        let saved_scope = self.scope;
        let saved_funcs = std::mem::take(&mut self.funcs);
        let saved_iota = self.iota.take();
        let saved_errpos = self.errpos.take();
        // a new declaration has its own environment (types2): not inside the type parameter list of the
        // declaration that needed it
        let saved_tparam_list = std::mem::replace(&mut self.in_tparam_list, false);
        let saved_decl = self.cur_decl;
        self.scope = self.decl_scope(o);
        match src {
            DeclSrc::Const { typ, init, iota } => {
                pos::set_current(self.objs.get(o).pos);
                self.cur_decl = None;
                self.const_decl(o, typ, init, iota);
            }
            DeclSrc::Var { typ, init, spec } => {
                pos::set_current(spec.pos);
                self.cur_decl = Some(o);
                self.pkg_var_decl(o, typ, init, spec);
            }
            DeclSrc::Type(ts) => {
                pos::set_current(ts.pos);
                self.cur_decl = None;
                self.type_decl(o, ts);
            }
            DeclSrc::Func(fd) => {
                pos::set_current(fd.pos);
                self.cur_decl = None;
                self.func_decl(o, fd);
            }
        }
        self.scope = saved_scope;
        self.funcs = saved_funcs;
        self.iota = saved_iota;
        self.errpos = saved_errpos;
        self.in_tparam_list = saved_tparam_list;
        self.cur_decl = saved_decl;
        self.obj_path.pop();
        self.color.insert(o, Color::Black);
    }

    /// `o` was found grey again: a cycle through the objects being checked from `o` on. Like go/types'
    /// `validCycle`, a cycle is fine if it goes through a type definition and no constant or variable; a
    /// cycle of variables only is an initialization cycle, which `initorder` reports; a cycle of constants
    /// only is reported here with the same wording; anything else is reported by `report_cycle_list`.
    fn cycle_error(&mut self, o: ObjId) {
        let start = self.obj_path.iter().position(|&x| x == o).unwrap_or(0);
        let cycle: Vec<ObjId> = self.obj_path[start..].to_vec();
        let (mut nval, mut nconst, mut ndef) = (0, 0, 0);
        let mut tpar_cycle = false;
        for &x in &cycle {
            match &self.objs.get(x).kind {
                ObjKind::Const(_) => {
                    nval += 1;
                    nconst += 1;
                }
                ObjKind::Var(_) => nval += 1,
                ObjKind::TypeName => {
                    if self.in_tparam_list
                        && matches!(self.decls.get(&x), Some(DeclSrc::Type(ts)) if !ts.tparams.is_empty())
                    {
                        // a cycle through a type parameter list (see `valid_type_cycle`)
                        tpar_cycle = true;
                        break;
                    }
                    if matches!(self.decls.get(&x), Some(DeclSrc::Type(ts)) if !ts.alias) {
                        ndef += 1;
                    }
                }
                _ => {}
            }
        }
        if tpar_cycle {
            ndef = 0;
        }
        if nval == cycle.len() {
            for &x in &cycle {
                if matches!(self.objs.get(x).kind, ObjKind::Const(_)) {
                    self.objs.get_mut(x).typ = TypeId::INVALID;
                }
            }
            if nconst == nval {
                let first = cycle.iter().copied().min_by_key(|&x| self.objs.get(x).pos).unwrap_or(o);
                let at = cycle.iter().position(|&x| x == first).unwrap_or(0);
                let mut rotated = cycle[at..].to_vec();
                rotated.extend_from_slice(&cycle[..at]);
                self.report_init_cycle(&rotated);
            }
            return;
        }
        if nval == 0 && ndef > 0 {
            return;
        }
        self.report_cycle_list(&cycle);
        for &x in &cycle {
            if !matches!(self.objs.get(x).kind, ObjKind::TypeName | ObjKind::Func { .. }) {
                self.objs.get_mut(x).typ = TypeId::INVALID;
            }
        }
    }

    /// go/types' `cycleError`: the message starts at the object of the cycle that comes first in the source.
    pub fn report_cycle_list(&mut self, cycle: &[ObjId]) {
        let Some(first) = cycle.iter().copied().min_by_key(|&x| self.objs.get(x).pos) else { return };
        let mut i = cycle.iter().position(|&x| x == first).unwrap_or(0);
        let obj = self.objs.get(first);
        let mut msg = if matches!(obj.kind, ObjKind::TypeName) {
            format!("invalid recursive type {}", obj.name)
        } else {
            format!("illegal cycle in declaration of {}", obj.name)
        };
        let pos = obj.pos;
        for _ in cycle {
            let o = self.objs.get(cycle[i]);
            msg.push_str(&format!("\n\t{}: {} refers to", self.pos_string(o.pos), o.name));
            i = (i + 1) % cycle.len();
        }
        let o = self.objs.get(cycle[i]);
        msg.push_str(&format!("\n\t{}: {}", self.pos_string(o.pos), o.name));
        self.error(pos, msg);
    }

    /// go/types' `initorder.reportCycle` (gc wording): `cycle[0]` refers to `cycle[1]`, ..., back to `cycle[0]`.
    pub fn report_init_cycle(&mut self, cycle: &[ObjId]) {
        let Some(&first) = cycle.first() else { return };
        let obj = self.objs.get(first);
        let mut msg = format!("initialization loop for {}", obj.name);
        let pos = obj.pos;
        for &x in cycle {
            let o = self.objs.get(x);
            msg.push_str(&format!("\n\t{}: {} refers to", self.pos_string(o.pos), o.name));
        }
        msg.push_str(&format!("\n\t{}: {}", self.pos_string(obj.pos), obj.name));
        self.error(pos, msg);
    }

    fn pos_string(&self, p: Pos) -> String {
        self.fset.position(p).map(|p| p.to_string()).unwrap_or_default()
    }

    fn const_decl(&mut self, o: ObjId, typ: Option<ExprId>, init: Option<ExprId>, iota: u32) {
        self.iota = Some(Value::int(iota as i64));
        let t = typ.map(|te| {
            let t = self.typ(te);
            if t != TypeId::INVALID && !self.is_const_type(t) {
                let s = self.type_string(t);
                self.error(self.ast.expr(te).pos, format!("invalid constant type {s}"));
                return TypeId::INVALID;
            }
            t
        });
        // An expression inherited from an earlier spec (`const ( a = byte(iota + 253); b )`) reports its
        // errors at the constant's name (types2's errpos).
        let saved_errpos = self.errpos;
        if init.is_some_and(|e| self.ast.expr(e).pos < self.objs.get(o).pos) {
            self.errpos = Some(self.objs.get(o).pos);
        }
        let (ty, val) = match init {
            None => (TypeId::INVALID, Value::Unknown),
            Some(e) => {
                let mut x = self.expr(e);
                if x.mode != expr::OpMode::Invalid && x.mode != expr::OpMode::Constant {
                    let s = self.operand_string(&x);
                    self.error(self.ast.expr(e).pos, format!("{s} is not constant"));
                    x.mode = expr::OpMode::Invalid;
                }
                if let Some(t) = t {
                    if t != TypeId::INVALID && x.mode != expr::OpMode::Invalid {
                        self.assignment(&mut x, t, "constant declaration");
                    }
                }
                if x.mode == expr::OpMode::Invalid {
                    (TypeId::INVALID, Value::Unknown)
                } else {
                    (x.typ, x.val.clone().unwrap_or(Value::Unknown))
                }
            }
        };
        self.errpos = saved_errpos;
        let obj = self.objs.get_mut(o);
        obj.typ = ty;
        obj.kind = ObjKind::Const(val);
        self.iota = None;
    }

    fn pkg_var_decl(&mut self, o: ObjId, typ: Option<ExprId>, init: Option<ExprId>, spec: &'a ValueSpec) {
        let t = typ.map(|te| self.typ(te));
        if let Some(t) = t {
            self.objs.get_mut(o).typ = t;
            self.note_written_type(o, typ.unwrap());
        }
        let Some(init) = init else {
            if t.is_none() {
                self.objs.get_mut(o).typ = TypeId::INVALID;
            }
            return;
        };
        let lhs: Vec<ObjId> = if spec.values.len() == 1 && spec.names.len() > 1 {
            // n:1 — every lhs variable is declared by this one check.
            spec.names.iter().filter_map(|n| self.info.defs.get(&n.pos).copied()).collect()
        } else {
            vec![o]
        };
        if lhs.len() > 1 {
            for &l in &lhs {
                if l != o {
                    self.color.insert(l, Color::Grey);
                    if let Some(t) = t {
                        self.objs.get_mut(l).typ = t;
                    }
                }
            }
            self.init_vars(&lhs, std::slice::from_ref(&spec.values[0]), spec.pos, false);
            for &l in &lhs {
                self.color.insert(l, Color::Black);
                // every lhs var depends on the same things
                if l != o {
                    let d = self.deps.get(&o).cloned().unwrap_or_default();
                    self.deps.insert(l, d);
                }
            }
        } else {
            let idx = spec.values.iter().position(|&v| v == init).unwrap_or(0);
            self.init_vars(&lhs, std::slice::from_ref(&spec.values[idx]), spec.pos, false);
        }
    }

    /// `type T C` with `C` an imported constraint needs Go 1.18 (types2's `typeDecl`).
    fn imported_constraint_version(&mut self, rhs: TypeId, e: ExprId) {
        if self.is_imported_constraint(rhs) && !self.allow_version(1, 18) {
            let s = self.type_string(rhs);
            self.version_error(self.ast.expr(e).pos, "go1.18", &format!("using type constraint {s}"));
        }
    }

    fn type_decl(&mut self, o: ObjId, ts: &'a TypeSpec) {
        if ts.alias {
            if !ts.tparams.is_empty() {
                self.error(ts.pos, "generic type cannot be alias");
            }
            if !self.allow_version(1, 9) {
                self.version_error(ts.name.pos, "go1.9", "type aliases");
            }
            self.objs.get_mut(o).typ = TypeId::INVALID;
            let t = self.typ(ts.typ);
            self.imported_constraint_version(t, ts.typ);
            self.objs.get_mut(o).typ = t;
            return;
        }
        let named = self.objs.get(o).typ;
        if !ts.tparams.is_empty() {
            self.open_scope();
            let tps = self.declare_type_params(&ts.tparams, Some(named));
            self.generic_types.insert(named, tps);
        }
        let rhs = self.typ(ts.typ);
        self.imported_constraint_version(rhs, ts.typ);
        self.type_rhs.insert(named, rhs);
        let under = self.t.underlying(rhs);
        let under = if matches!(self.t.kind(under), TypeKind::Named(_)) { TypeId::INVALID } else { under };
        if under == TypeId::INVALID && rhs != named {
            // `type T U` where U's underlying type is not known yet (U is being declared): complete T later.
            if let TypeKind::Named(n) = self.t.kind(rhs) {
                if self.color.get(&n.obj) == Some(&Color::Grey) || self.pending_under.iter().any(|p| p.0 == rhs) {
                    self.pending_under.push((named, rhs));
                }
            }
        }
        if let TypeKind::TypeParam { .. } = self.t.kind(rhs) {
            self.error(self.ast.expr(ts.typ).pos, "cannot use a type parameter as RHS in type declaration");
        }
        self.t.named_mut(named).underlying = under;
        self.complete_pending_underlying();
        if !self.pending_instances.is_empty() {
            self.complete_pending_instances(named);
        }
        if !ts.tparams.is_empty() {
            self.close_scope();
        }
        // Field and method with the same name.
        if let TypeKind::Struct { fields } = self.t.kind(under).clone() {
            let methods = match self.t.kind(named) {
                TypeKind::Named(n) => n.methods.clone(),
                _ => Vec::new(),
            };
            for m in methods {
                let mname = self.objs.get(m).name.clone();
                if fields.iter().any(|f| f.name == mname && mname != "_") {
                    let pos = self.objs.get(m).pos;
                    self.error(pos, format!("field and method with the same name {mname}"));
                }
            }
        }
        // Check method signatures now so that method sets are complete for later lookups.
        let methods = match self.t.kind(named) {
            TypeKind::Named(n) => n.methods.clone(),
            _ => Vec::new(),
        };
        for m in methods {
            self.obj_decl(m);
        }
    }

    /// Gives each pending `type T U` the underlying type of `U` once that is known.
    fn complete_pending_underlying(&mut self) {
        loop {
            let mut progress = false;
            let mut i = 0;
            while i < self.pending_under.len() {
                let (t, u) = self.pending_under[i];
                let under = self.t.underlying(u);
                if under != TypeId::INVALID && !matches!(self.t.kind(under), TypeKind::Named(_)) {
                    self.t.named_mut(t).underlying = under;
                    self.pending_under.remove(i);
                    progress = true;
                } else {
                    i += 1;
                }
            }
            if !progress {
                return;
            }
        }
    }

    /// go/types' `validType`: reports defined types that contain themselves, through array elements, struct
    /// fields, embedded interfaces or the right-hand side of type declarations (not through pointers,
    /// slices, maps, channels or functions). `state`: 1 = being visited, 2 = valid, 3 = invalid.
    pub fn valid_type(&mut self, t: TypeId, path: &mut Vec<ObjId>, state: &mut HashMap<TypeId, u8>) -> bool {
        // The component types to walk (collected first: walking needs `&mut self`).
        let parts: Vec<TypeId> = match self.t.kind(t) {
            TypeKind::Array { elem, .. } => vec![*elem],
            TypeKind::Struct { fields } => fields.iter().map(|f| f.typ).collect(),
            TypeKind::Union(terms) => terms.iter().map(|&(_, tt)| tt).collect(),
            TypeKind::Interface { embeddeds, .. } => embeddeds.clone(),
            // instances are checked through their origin's declaration
            TypeKind::Named(n) if n.origin.is_some() => return true,
            TypeKind::Named(n) => return self.valid_named(t, n.obj, path, state),
            _ => return true,
        };
        parts.into_iter().all(|p| self.valid_type(p, path, state))
    }

    /// `valid_type` of the defined type `t` declared by `obj`: walks its declaration's right-hand side once.
    fn valid_named(&mut self, t: TypeId, obj: ObjId, path: &mut Vec<ObjId>, state: &mut HashMap<TypeId, u8>) -> bool {
        match state.get(&t).copied() {
            None => {
                let Some(&rhs) = self.type_rhs.get(&t) else { return true };
                state.insert(t, 1);
                path.push(obj);
                let ok = self.valid_type(rhs, path, state);
                path.pop();
                let now = state.get(&t).copied();
                if now == Some(1) {
                    state.insert(t, if ok { 2 } else { 3 });
                }
                ok && now != Some(3)
            }
            Some(1) => {
                if let Some(i) = path.iter().position(|&x| x == obj) {
                    let cycle = path[i..].to_vec();
                    self.report_cycle_list(&cycle);
                    state.insert(t, 3);
                    return false;
                }
                true
            }
            Some(2) => true,
            _ => false,
        }
    }

    fn func_decl(&mut self, o: ObjId, fd: &'a FuncDecl) {
        self.func_types.insert(o, &fd.typ);
        self.open_scope();
        let fscope = self.scope;
        let mut recv_var = None;
        if let Some(recv) = &fd.recv {
            recv_var = self.method_recv(o, recv);
        }
        if !fd.tparams.is_empty() {
            if fd.recv.is_some() {
                self.error(fd.name.pos, "methods cannot have type parameters");
            }
            let tps = self.declare_type_params(&fd.tparams, None);
            self.generic_funcs.insert(o, tps);
        }
        let (sig, params, results) = self.signature(&fd.typ, true);
        self.objs.get_mut(o).typ = sig;
        self.close_scope();
        if fd.body.is_some() {
            self.func_scopes.insert(o, (fscope, recv_var, params, results));
            self.bodies.push((o, fd));
        } else if fd.name.name != "init" {
            // body-less declarations are implemented elsewhere
        }
        if fd.name.name == "main" && fd.recv.is_none() && self.is_main() && fd.body.is_none() {
            self.error(fd.name.pos, "missing function body");
        }
    }

    /// Checks a method's receiver and declares the receiver variable; returns it.
    fn method_recv(&mut self, o: ObjId, recv: &'a [Field]) -> Option<ObjId> {
        if recv.len() != 1 || recv[0].names.len() > 1 {
            let p = recv.first().map(|f| f.pos).unwrap_or(self.objs.get(o).pos);
            self.error(p, "method has multiple receivers");
            return None;
        }
        let f = &recv[0];
        let (base, ptr) = match self.recv_base_name(f.typ) {
            Some(b) => b,
            None => {
                // `func (b *pkg.T) m()`: a type of another package (types2's validRecv)
                let mut te = self.ast.unparen(f.typ);
                if let ExprKind::Star(x) = &self.ast.expr(te).kind {
                    te = self.ast.unparen(*x);
                }
                if let ExprKind::Selector { .. } = &self.ast.expr(te).kind {
                    let t = self.typ(te);
                    if t != TypeId::INVALID {
                        let s = self.type_string(t);
                        let p = f.names.first().map_or(self.ast.expr(f.typ).pos, |n| n.pos);
                        self.error(p, format!("cannot define new methods on non-local type {s}"));
                    }
                    return None;
                }
                let s = self.expr_string(f.typ);
                self.error(self.ast.expr(f.typ).pos, format!("invalid receiver type {s}"));
                return None;
            }
        };
        if ptr {
            self.ptr_recv.insert(o);
        }
        // Type parameters of a generic receiver `T[P]` are declared by their names.
        let mut rt_expr = f.typ;
        if let ExprKind::Star(x) = &self.ast.expr(self.ast.unparen(f.typ)).kind {
            rt_expr = *x;
        }
        let rt_expr = self.ast.unparen(rt_expr);
        let mut recv_t = TypeId::INVALID;
        if let ExprKind::Index { x, indices, .. } = &self.ast.expr(rt_expr).kind {
            // generic receiver: declare its type parameters with the generic type's constraints
            let gen = self.typ_generic_origin(*x);
            recv_t = self.recv_generic(gen, indices, *x, rt_expr);
            if let TypeKind::Named(n) = self.t.kind(recv_t) {
                let targs = n.targs.clone();
                self.method_recv_tparams.insert(o, targs);
            }
        } else {
            match self.lookup(&base.name) {
                Some(tobj) => {
                    self.info.uses.insert(base.pos, tobj);
                    if matches!(self.objs.get(tobj).kind, ObjKind::TypeName) {
                        self.obj_decl(tobj);
                        recv_t = self.objs.get(tobj).typ;
                        self.record_type(rt_expr, recv_t);
                    } else {
                        self.error(base.pos, format!("{} is not a type", base.name));
                    }
                }
                None => self.error(base.pos, format!("undefined: {}", base.name)),
            }
        }
        if recv_t != TypeId::INVALID {
            // types2's receiver validation (signature.go): the base type must be a defined type of this
            // package, not a pointer or interface.
            let s = self.type_string(recv_t);
            match self.t.kind(recv_t) {
                TypeKind::Named(n) => {
                    if !n.targs.is_empty() && !self.method_recv_tparams.contains_key(&o) {
                        self.error(base.pos, format!("cannot define new methods on instantiated type {s}"));
                    } else if self.objs.get(n.obj).pkg != Some(self.pkg) {
                        self.error(base.pos, format!("cannot define new methods on non-local type {s}"));
                    } else {
                        let cause = match self.t.under(recv_t) {
                            TypeKind::Basic(super::BasicKind::UnsafePointer) => "unsafe.Pointer",
                            TypeKind::Pointer(_) | TypeKind::Interface { .. } => "pointer or interface type",
                            _ => "",
                        };
                        if !cause.is_empty() {
                            self.error(base.pos, format!("invalid receiver type {s} ({cause})"));
                        }
                    }
                }
                TypeKind::Basic(_) => self.error(base.pos, format!("cannot define new methods on non-local type {s}")),
                _ => self.error(base.pos, format!("invalid receiver type {s}")),
            }
        }
        let rt = if ptr && recv_t != TypeId::INVALID { self.t.pointer(recv_t) } else { recv_t };
        if ptr {
            self.record_type(f.typ, rt);
        }
        let name = f.names.first().cloned().unwrap_or(Ident { pos: Pos::NONE, name: "_".into() });
        let v = self.objs.add(Object {
            kind: ObjKind::Var(VarInfo { receiver: true, param: true, ..Default::default() }),
            name: name.name.clone(),
            pos: if name.pos.is_known() { name.pos } else { f.pos },
            typ: rt,
            pkg: Some(self.pkg),
            package_level: false,
        });
        let s = self.scope;
        if name.pos.is_known() {
            self.declare(s, name.pos, v);
        }
        Some(v)
    }

    /// Checks a function body (after all package-level declarations).
    fn func_body(&mut self, o: ObjId, fd: &'a FuncDecl) {
        let Some(body) = &fd.body else { return };
        let Some((fscope, _recv, _params, results)) = self.func_scopes.get(&o).cloned() else { return };
        pos::set_current(fd.pos);
        let saved = self.scope;
        self.scope = fscope;
        self.cur_decl = Some(o);
        let sig = self.objs.get(o).typ;
        self.body(sig, results, body);
        self.cur_decl = None;
        self.scope = saved;
    }

    /// Checks a function body (declaration or literal) in the current scope, which holds the parameters.
    pub fn body(&mut self, sig: TypeId, results: Vec<ObjId>, body: &'a Block) {
        let named_results = results.iter().any(|&r| !self.objs.get(r).name.is_empty());
        let id = self.next_func;
        self.next_func += 1;
        for &r in &results {
            self.var_func.insert(r, id);
        }
        // parameters declared in this scope belong to this function too
        let params: Vec<ObjId> = self.scopes[self.scope.0 as usize].names.values().copied().collect();
        for p in params {
            if matches!(self.objs.get(p).kind, ObjKind::Var(_)) {
                self.var_func.insert(p, id);
            }
        }
        self.funcs.push(FuncCtx { sig, id, results, named_results, locals: Vec::new() });
        self.func_body_stmts(body);
        let ctx = self.funcs.pop().unwrap();
        self.report_unused(ctx.locals);
    }

    fn report_unused(&mut self, mut locals: Vec<ObjId>) {
        locals.sort_by_key(|o| self.objs.get(*o).pos);
        for o in locals {
            let obj = self.objs.get(o);
            if let ObjKind::Var(v) = &obj.kind {
                // go/types' varDecl: variables of invalid type count as used
                if !v.used && obj.name != "_" && obj.typ != TypeId::INVALID {
                    let msg = format!("{} declared but not used", obj.name);
                    let pos = obj.pos;
                    self.error(pos, msg);
                }
            }
        }
    }

    /// An identifier that denotes an object of another package was found through a dot-import: that
    /// import is used.
    pub fn mark_dot_import(&mut self, o: ObjId) {
        let Some(p) = self.objs.get(o).pkg else { return };
        if p == self.pkg || matches!(self.objs.get(o).kind, ObjKind::PkgName(_)) {
            return;
        }
        for i in 0..self.imports.len() {
            let io = self.imports[i].0;
            if matches!(self.objs.get(io).kind, ObjKind::PkgName(q) if q == p) && self.objs.get(io).name == "." {
                self.used_pkgs.insert(io);
            }
        }
    }

    fn unused_imports(&mut self) {
        for (o, path, _pos) in self.imports.clone() {
            let used = self.used_pkgs.contains(&o);
            if !used {
                let obj = self.objs.get(o);
                let base = path.rsplit('/').next().unwrap_or(&path);
                // gc 1.19's wording (cmd/compile, not go/types).
                let msg = if obj.name != base && obj.name != "." {
                    format!("imported and not used: {:?} as {}", path, obj.name)
                } else {
                    format!("imported and not used: {:?}", path)
                };
                let pos = obj.pos;
                self.error(pos, msg);
            }
        }
    }

    fn check_map_keys(&mut self) {
        for (t, ptr, pos) in std::mem::take(&mut self.delayed_embedded) {
            self.check_embedded(t, ptr, pos);
        }
        // types2's computeInterfaceTypeSet: a method embedded twice must have identical signatures (an
        // explicit method named twice is reported by `interface_type` at once)
        for (explicit, embedded) in std::mem::take(&mut self.delayed_ifaces) {
            let mut have: Vec<(String, TypeId, Pos)> = explicit;
            for (t, pos) in embedded {
                if self.is_type_param(t) {
                    continue;
                }
                if self.is_interface(t) && self.is_imported_constraint(t) && !self.allow_version(1, 18) {
                    let s = self.type_string(t);
                    self.version_error(pos, "go1.18", &format!("embedding constraint interface {s}"));
                    continue;
                }
                if !self.is_interface(t) {
                    // (A type in an invalid cycle has an invalid underlying type in types2: nothing to report.)
                    let cyclic = self.valid_state.get(&t) == Some(&3);
                    if self.t.underlying(t) != TypeId::INVALID && !cyclic && !self.allow_version(1, 18) {
                        let s = self.type_string(t);
                        self.version_error(pos, "go1.18", &format!("embedding non-interface type {s}"));
                    }
                    continue;
                }
                for (name, sig) in self.iface_method_set(t) {
                    match have.iter().find(|h| h.0 == name).map(|h| (h.1, h.2)) {
                        Some((other, at)) => {
                            // Before Go 1.14 even identical methods could not come twice.
                            if !self.allow_version(1, 14) || !self.identical(sig, other) {
                                let at = self.pos_string(at);
                                self.error(
                                    pos,
                                    format!("duplicate method {name}\n\t{at}: other declaration of {name}"),
                                );
                            }
                        }
                        None => have.push((name.to_string(), sig, pos)),
                    }
                }
            }
        }
        // gc's CalcSize limits (types2 has none): an array must fit the address space (MaxWidth = 1<<50 on
        // amd64), a channel's element must be smaller than 64kB.
        const MAX_WIDTH: u64 = 1 << 50;
        for (t, pos) in std::mem::take(&mut self.delayed_sizes) {
            match *self.t.kind(t) {
                TypeKind::Array { len, elem } => {
                    let w = super::sizes::size_of(&self.sizes, &self.t, elem);
                    if w != 0 && len > (MAX_WIDTH - 1) / w {
                        let s = self.type_string(t);
                        self.error(pos, format!("type {s} larger than address space"));
                    }
                }
                TypeKind::Chan { elem, .. } => {
                    if super::sizes::size_of(&self.sizes, &self.t, elem) >= 1 << 16 {
                        self.error(pos, "channel element type too large (>64kB)");
                    }
                }
                _ => {}
            }
        }
        for (k, pos) in std::mem::take(&mut self.delayed_map_keys) {
            if !self.comparable(k) && !matches!(self.t.kind(k), TypeKind::TypeParam { .. }) {
                let s = self.type_string(k);
                self.error(pos, format!("invalid map key type {s}"));
            }
        }
    }

    pub fn is_const_type(&self, t: TypeId) -> bool {
        matches!(self.t.under(t), TypeKind::Basic(b) if *b != super::BasicKind::UnsafePointer && *b != super::BasicKind::Invalid && *b != super::BasicKind::UntypedNil)
    }
}
