//! The package loader: from command-line patterns to an ordered list of parsed packages (DESIGN §7, §10).
//!
//! In: patterns as the `go` command takes them (`fmt`, `net/...`, `std`, `cmd`, `all`, a directory `./x`,
//! `./...`, or a list of `.go` files) and a [`Config`] (GOROOT, GOPATH, GOOS, GOARCH and the module mode from
//! the environment). Out: a [`Loaded`] program: one [`FileSet`] and one [`Ast`] holding every selected file,
//! and the packages in dependency order (every package after all the packages it imports), each with its
//! files and resolved imports.
//!
//! Module mode (a `go.mod` above the current directory, or GO111MODULE=on) resolves import paths and
//! directories through `modload` (`go.mod` parsed by `modfile`): the main module's directories, `replace`d
//! directories, `vendor/`, the module cache. Everything else here is shared by both modes.
//!
//! Rules (the `go` command in GOPATH mode, Go 1.19):
//! - An import path resolves to `$GOROOT/src/<path>`, or else to the first `$GOPATH/src/<path>`. A package
//!   of the standard library importing a path whose first element has a dot (`golang.org/x/...`) finds it in
//!   `$GOROOT/src/vendor/`, a `cmd/...` package in `$GOROOT/src/cmd/vendor/`; the vendored package's path is
//!   its directory below `src/` (`vendor/golang.org/x/net/...`), as the `go` command names it.
//! - Files: the directory's `.go` files, except `_test.go` files, names starting with `_` or `.`, files whose
//!   name suffix or build constraints exclude them (see `constraint`), files of `package documentation`, and
//!   files that import `"C"` (cgo is off). `.s` files are never compiled.
//! - `unsafe` is built into the checker and never loaded from source.
//! - With `Config::overlay` (build, run), a standard package that g1c overlays (`overlay`, DESIGN §7) gets
//!   the overlay's files added to, or in place of, GOROOT's of the same name, without the files it omits, and
//!   with the GOROOT files it selects whatever their build constraints say.
//! - A relative import (`./a`) names a directory relative to the importer's; only a local package (outside
//!   GOROOT and GOPATH, import path `_/abs/dir`, or named files) may use one.
//! - An import cycle is an error, reported like the `go` command: `package a`, `imports b`, …,
//!   `imports a: import cycle not allowed`.
//!
//! Invariants: the order is deterministic (patterns in command-line order, imports in sorted order, depth
//! first); each directory is loaded (read, parsed) at most once; file names in the `FileSet` are
//! machine-independent: `$GOROOT/src/fmt/print.go` in messages and `fmt/print.go` in tracebacks (gc's
//! `-trimpath`), files outside GOROOT and GOPATH relative to the current directory as `go build` shows them
//! (`./x.go`, `sub/x.go`; see [`display_path`]).

pub mod constraint;
pub mod embed;
pub mod modfile;
pub mod modload;
pub mod overlay;
pub mod testmain;

use std::collections::{BTreeMap, BTreeSet, HashMap};
use std::fs;
use std::path::{Path, PathBuf};

use crate::syntax::ast::Ast;
use crate::syntax::parser;
use crate::syntax::pos::{Error, FileSet, Pos};
pub use constraint::Context;

/// Where packages come from and which files are selected.
#[derive(Clone, Debug)]
pub struct Config {
    pub goroot: PathBuf,
    pub gopath: Vec<PathBuf>,
    pub ctx: Context,
    /// Module mode (see `modload`); `None` is GOPATH mode.
    pub modules: Option<modload::Modules>,
    /// gc's `-D dir`: relative imports name directories below `dir`, in every package (see
    /// [`Flags::local_import_dir`]).
    pub local_import_dir: Option<PathBuf>,
    /// Apply g1c's std overlay (`overlay`, DESIGN §7) to GOROOT packages: set for `build` and `run`, not for
    /// `check` (which checks GOROOT as it is, as `go vet` does).
    pub overlay: bool,
    /// [`Flags::lang`].
    pub lang: Option<crate::types::check::GoVersion>,
}

/// The loader's part of a build's settings, from the command line: the go command's `-mod` and `-tags`,
/// gc's `-D`.
#[derive(Clone, Debug, Default)]
pub struct Flags {
    /// `-mod=` (`mod`, `readonly` or `vendor`); it wins over GOFLAGS.
    pub module_mode: Option<String>,
    /// `-tags`: build tags that every package's build constraints see as set (cmd/dist passes
    /// `-tags=math_big_pure_go compiler_bootstrap purego`).
    pub tags: Vec<String>,
    /// gc's `-D dir`: a relative import `./x` then means the directory `dir/x` whichever package imports it
    /// (gc resolves local imports against `-D`, not against the importer's directory), and every package may
    /// use one. The Go test suite's `*.dir` tests are compiled this way.
    pub local_import_dir: Option<PathBuf>,
    /// gc's `-lang=go1.N` for the packages named on the command line: the checker's language version for
    /// them, and, below go1.16, the reason `//go:embed` patterns are not resolved (the compiler rejects them).
    pub lang: Option<crate::types::check::GoVersion>,
}

impl Flags {
    /// The tags of a `-tags` value, separated by commas or spaces.
    pub fn parse_tags(list: &str) -> Vec<String> {
        list.split([',', ' ']).filter(|t| !t.is_empty()).map(str::to_string).collect()
    }
}

impl Config {
    /// GOROOT (default `/usr/share/go-1.19`), GOPATH (default `$HOME/go`), GOOS and GOARCH (default
    /// linux/amd64) from the environment, with DESIGN §7's extra tags and the command line's `flags`.
    pub fn from_env(flags: &Flags) -> Config {
        Config::from_vars(&|k| std::env::var(k).ok(), std::env::current_dir().ok().as_deref(), flags)
    }

    /// `from_env` with the variables read through `lookup` and the mode (GOPATH or modules) judged in
    /// directory `cwd` (`None`: GOPATH mode, as when the current directory cannot be read), for callers that
    /// mean an environment of their own rather than the process's (tests).
    pub fn from_vars(lookup: &dyn Fn(&str) -> Option<String>, cwd: Option<&Path>, flags: &Flags) -> Config {
        let var = |k: &str| lookup(k).filter(|v| !v.is_empty());
        let goroot = PathBuf::from(var("GOROOT").unwrap_or_else(|| "/usr/share/go-1.19".into()));
        let gopath = match var("GOPATH") {
            Some(p) => p.split(':').filter(|s| !s.is_empty()).map(PathBuf::from).collect(),
            None => var("HOME").map(|h| vec![Path::new(&h).join("go")]).unwrap_or_default(),
        };
        let mut extra_tags: Vec<String> = vec!["purego".into(), "math_big_pure_go".into()];
        for t in &flags.tags {
            if !extra_tags.contains(t) {
                extra_tags.push(t.clone());
            }
        }
        let ctx = Context {
            goos: var("GOOS").unwrap_or_else(|| "linux".into()),
            goarch: var("GOARCH").unwrap_or_else(|| "amd64".into()),
            extra_tags,
        };
        let modules = cwd.and_then(|d| modload::from_vars_at(d, &gopath, lookup, flags.module_mode.as_deref()));
        Config {
            goroot,
            gopath,
            ctx,
            modules,
            local_import_dir: flags.local_import_dir.clone(),
            overlay: false,
            lang: flags.lang,
        }
    }
}

/// One loaded package.
#[derive(Debug)]
pub struct Package {
    /// The import path (`command-line-arguments` for files named on the command line).
    pub path: String,
    /// The name in the package clauses.
    pub name: String,
    pub dir: PathBuf,
    /// Indices into `Ast::files`, in file-name order.
    pub files: Vec<usize>,
    /// Each import path as written in the files → index of the imported package in `Loaded::packages`
    /// (always smaller than this package's index). `unsafe` is absent.
    pub imports: BTreeMap<String, usize>,
    /// Import paths no package can have (empty, invalid characters, absolute, non-canonical) → gc's message
    /// for them, which the checker reports at each import of the path (types2 reports them among the
    /// package's type errors, so the loader does not stop the build for them).
    pub bad_imports: BTreeMap<String, String>,
    /// The variables with `//go:embed` directives: the position of each one's name, and the files its
    /// patterns name (path relative to `dir`, contents), in the order found (`embed.rs`).
    pub embeds: Vec<(Pos, Vec<(String, Vec<u8>)>)>,
    /// Named by a pattern (not only loaded as a dependency).
    pub root: bool,
    /// Module mode: the Go language version the package's module asks for in its `go.mod` (`1.17`: gc's
    /// `-lang=go1.17`); `None` for the standard library, files named outside a module, and GOPATH mode (the
    /// compiler's own version).
    pub lang: Option<String>,
    /// Module mode: the module providing it, unless that is the standard library (build information's
    /// `dep` lines list those other than the program's own).
    pub module: Option<modload::ModuleInfo>,
    /// Some of its files come from g1c's std overlay (`overlay`), or were left out by it.
    pub overlaid: bool,
    /// `g1c test`: the test program this package was compiled for, when it differs from the package built
    /// alone (the package under test, its external test package, and everything importing either; go
    /// test's `path [P.test]`).
    pub test_variant: Option<String>,
    /// Go assembly files (`.s`) whose build constraints hold: read for packages outside GOROOT, whose
    /// body-less functions they define (GOROOT's assembly is replaced by rt and the overlay, DESIGN §7).
    pub asm_files: Vec<AsmFile>,
}

/// A `.s` file of a package, for `goasm`.
#[derive(Clone, Debug)]
pub struct AsmFile {
    /// As messages and tracebacks show it (like the package's `.go` files).
    pub name: String,
    /// Its directory, where `#include "x.h"` looks first.
    pub dir: PathBuf,
    pub src: String,
}

impl Package {
    /// The name of the package in the `# ...` header above its errors, as the go command prints it.
    pub fn header(&self) -> String {
        match &self.test_variant {
            Some(v) => format!("{} [{v}]", self.path),
            None => self.path.clone(),
        }
    }
}

/// The result of loading.
pub struct Loaded {
    pub fset: FileSet,
    pub ast: Ast,
    /// Dependency order: imports first.
    pub packages: Vec<Package>,
    /// Syntax errors (with positions).
    pub syntax_errors: Vec<Error>,
    /// Loader errors, already rendered (`file:line:col: cannot find package ...`, import cycles).
    pub errors: Vec<String>,
}

/// Where one file of a package comes from.
enum Source {
    /// The package's directory, taken when its name and build constraints select it.
    Dir,
    /// The package's directory in GOROOT, taken whatever its build constraints say: g1c's overlay selects it.
    Selected,
    /// g1c's overlay (`lib/<import path>/<file>`, embedded): its source.
    Overlay(&'static str),
}

/// A loaded directory's state during the depth-first walk.
enum State {
    /// Being loaded: its imports are being visited (a second visit is a cycle).
    Loading,
    Done(usize),
    Failed,
}

struct Loader<'c> {
    cfg: &'c Config,
    fset: FileSet,
    ast: Ast,
    packages: Vec<Package>,
    state: HashMap<String, State>,
    /// Import paths being loaded, outermost first (for cycle reports).
    stack: Vec<String>,
    /// Module mode: where each package was found (its traceback directory name and language version).
    found: HashMap<String, modload::Found>,
    syntax_errors: Vec<Error>,
    errors: Vec<String>,
    /// `g1c test`: the import path of the package under test, which is loaded with its `_test.go` files
    /// wherever it is imported (go test's `P [P.test]`), and what those files were found to be.
    test_of: Option<String>,
    test_files: Vec<(testmain::TestPkg, usize, String)>,
    /// Listing packages (`expand_patterns`): a directory with only `_test.go` files holds a package, as
    /// go/build counts test files (`go list ./...`, `go test ./...`); building skips it.
    list_test_only: bool,
}

/// What `load_test` found besides the program.
pub struct TestLoad {
    /// The package's test functions; `None` when it has no `_test.go` files or they could not be loaded.
    pub funcs: Option<testmain::TestFuncs>,
    /// The directory holds `_test.go` files.
    pub has_test_files: bool,
}

/// Loads the test program of package `path` (in `dir`) as `go test` builds it: the package with its internal
/// `_test.go` files (in every importer too), the external test package `path_test` from the files of package
/// `<name>_test`, and a generated `main` package (`_testmain.go`, import path `path.test`, the root) that
/// runs their tests through GOROOT's `testing` (src/load/testmain.rs).
pub fn load_test(cfg: &Config, path: &str, dir: &Path) -> (Loaded, TestLoad) {
    let mut l = Loader::new(cfg);
    l.test_of = Some(path.to_string());
    let has_test_files = test_file_names(dir).is_ok_and(|n| !n.is_empty());
    let mut info = TestLoad { funcs: None, has_test_files };
    if !has_test_files || (cfg.modules.as_ref().is_some_and(|m| !m.errors.is_empty())) {
        if let Some(m) = &cfg.modules {
            l.errors.extend(m.errors.iter().cloned());
        }
        return (l.finish_loading(), info);
    }
    let Some(under_test) = l.visit(path, dir, None) else { return (l.finish_loading(), info) };
    let mut imports = BTreeMap::new();
    imports.insert(path.to_string(), under_test);
    // The external test package: the files of package `<name>_test`, importing the package under test.
    let xtest: Vec<usize> = l.test_files.iter().filter(|t| t.0 == testmain::TestPkg::External).map(|t| t.1).collect();
    let xpath = format!("{path}_test");
    if !xtest.is_empty() {
        l.state.insert(xpath.clone(), State::Loading);
        l.stack.push(xpath.clone());
        let pkg = l.make_package(&xpath, dir, xtest, None);
        let idx = pkg.map(|p| l.finish(p));
        l.stack.pop();
        l.state.insert(xpath.clone(), idx.map(State::Done).unwrap_or(State::Failed));
        match idx {
            Some(i) => {
                imports.insert(xpath.clone(), i);
            }
            None => return (l.finish_loading(), info),
        }
    }
    let files: Vec<testmain::TestFile> =
        l.test_files.iter().map(|(pkg, file, src)| testmain::TestFile { pkg: *pkg, file: *file, src }).collect();
    let funcs = match testmain::collect(&l.fset, &l.ast, dir, &files) {
        Ok(f) => f,
        Err(errs) => {
            l.errors.extend(errs);
            return (l.finish_loading(), info);
        }
    };
    drop(files);
    l.test_files.clear();
    let src = testmain::source(path, &funcs);
    info.funcs = Some(funcs);
    let main_path = format!("{path}.test");
    l.state.insert(main_path.clone(), State::Loading);
    l.stack.push(main_path.clone());
    if let Some(fi) = l.parse("_testmain.go".into(), "_testmain.go".into(), src) {
        if let Some(i) = l.make_package(&main_path, dir, vec![fi], None).map(|p| l.finish(p)) {
            l.packages[i].root = true;
        }
    }
    l.stack.pop();
    // Packages are in dependency order: one pass marks everything that imports the package under test.
    let variant = format!("{path}.test");
    for i in 0..l.packages.len() {
        let p = &l.packages[i];
        let marked = i == under_test || p.imports.values().any(|&d| l.packages[d].test_variant.is_some());
        if marked && p.path != main_path {
            l.packages[i].test_variant = Some(variant.clone());
        }
    }
    (l.finish_loading(), info)
}

/// Loads the packages named by `patterns` and everything they import.
pub fn load(cfg: &Config, patterns: &[String]) -> Loaded {
    let mut l = Loader::new(cfg);
    if let Some(m) = &cfg.modules {
        if !m.errors.is_empty() {
            l.errors.extend(m.errors.iter().cloned());
            return Loaded {
                fset: l.fset,
                ast: l.ast,
                packages: l.packages,
                syntax_errors: l.syntax_errors,
                errors: l.errors,
            };
        }
    }
    let (files, others): (Vec<&String>, Vec<&String>) = patterns.iter().partition(|p| p.ends_with(".go"));
    if !files.is_empty() {
        l.load_files(&files);
    }
    for p in others {
        let mut named = Vec::new();
        for (path, dir) in l.expand(p) {
            if let Some(i) = l.visit(&path, &dir, None) {
                named.push(i);
            }
        }
        // `all` (module mode): the main module's packages and everything they import are all named.
        if p == "all" && cfg.modules.is_some() {
            named = closure(&l.packages, &named).into_iter().collect();
        }
        for i in named {
            l.packages[i].root = true;
        }
    }
    Loaded { fset: l.fset, ast: l.ast, packages: l.packages, syntax_errors: l.syntax_errors, errors: l.errors }
}

/// The packages a list of patterns names, as (import path, directory), in the order the go command lists
/// them; loader errors (a pattern naming no package) rendered as the go command prints them.
pub fn expand_patterns(cfg: &Config, patterns: &[String]) -> (Vec<(String, PathBuf)>, Vec<String>) {
    let mut l = Loader::new(cfg);
    l.list_test_only = true;
    let mut out: Vec<(String, PathBuf)> = Vec::new();
    for p in patterns {
        for (path, dir) in l.expand(p) {
            if !out.iter().any(|(q, _)| *q == path) {
                out.push((path, dir));
            }
        }
    }
    (out, l.errors)
}

impl<'c> Loader<'c> {
    fn new(cfg: &'c Config) -> Loader<'c> {
        Loader {
            cfg,
            fset: FileSet::new(),
            ast: Ast::default(),
            packages: Vec::new(),
            state: HashMap::new(),
            stack: Vec::new(),
            found: HashMap::new(),
            syntax_errors: Vec::new(),
            errors: Vec::new(),
            test_of: None,
            list_test_only: false,
            test_files: Vec::new(),
        }
    }

    fn finish_loading(self) -> Loaded {
        Loaded {
            fset: self.fset,
            ast: self.ast,
            packages: self.packages,
            syntax_errors: self.syntax_errors,
            errors: self.errors,
        }
    }
}

impl Loader<'_> {
    fn src_roots(&self) -> Vec<PathBuf> {
        let mut r = vec![self.cfg.goroot.join("src")];
        r.extend(self.cfg.gopath.iter().map(|p| p.join("src")));
        r
    }

    /// A pattern's packages as (import path, directory), sorted by path for wildcards.
    fn expand(&mut self, pattern: &str) -> Vec<(String, PathBuf)> {
        let goroot_src = self.cfg.goroot.join("src");
        let local = pattern == "."
            || pattern == ".."
            || pattern.starts_with("./")
            || pattern.starts_with("../")
            || pattern.starts_with('/');
        if local && pattern.contains("...") {
            return self.expand_local_wildcard(pattern);
        }
        if let Some(m) = &self.cfg.modules {
            if pattern == "all" {
                let mut out = BTreeMap::new();
                for main in &m.mains {
                    for rel in walk_module(&main.root) {
                        let path = main.import_path(&rel);
                        let dir = main.root.join(&rel);
                        if self.has_buildable_files(&dir) && !self.is_builtin_doc(&dir) {
                            let lang = Some(main.go_version().to_string());
                            self.found.insert(
                                path.clone(),
                                modload::Found {
                                    dir: dir.clone(),
                                    trace: path.clone(),
                                    lang,
                                    module: Some(main.module_info()),
                                },
                            );
                            out.insert(path, dir);
                        }
                    }
                }
                if m.mains.is_empty() && m.workspace.is_none() {
                    self.errors.push(
                        "g1c: go.mod file not found in current directory or any parent directory; see 'go help modules'"
                            .into(),
                    );
                }
                if out.is_empty() {
                    eprintln!("g1c: warning: \"all\" matched no packages");
                }
                return out.into_iter().collect();
            }
            if pattern.contains("...") && pattern != "std" && pattern != "cmd" {
                let mut out = BTreeMap::new();
                let mut roots = m.pattern_roots();
                roots.insert(0, (String::new(), goroot_src.clone(), String::new()));
                for (modpath, root, trace) in roots {
                    let rels = if modpath.is_empty() {
                        let mut v = Vec::new();
                        walk_dirs(&root, &root, &mut v);
                        v.retain(|r| !r.is_empty() && !r.starts_with("cmd/") && r != "cmd" && !has_vendor_elem(r));
                        v
                    } else {
                        walk_module(&root)
                    };
                    for rel in rels {
                        let join = |base: &str| {
                            if rel.is_empty() {
                                base.to_string()
                            } else if base.is_empty() {
                                rel.clone()
                            } else {
                                format!("{base}/{rel}")
                            }
                        };
                        let path = join(&modpath);
                        let dir = root.join(&rel);
                        if match_pattern(pattern, &path) && !out.contains_key(&path) && self.has_buildable_files(&dir) {
                            if !modpath.is_empty() {
                                let mut found = m.found_of(&path, &dir, &self.cfg.goroot);
                                found.trace = join(&trace);
                                self.found.insert(path.clone(), found);
                            }
                            out.insert(path, dir);
                        }
                    }
                }
                if out.is_empty() {
                    eprintln!("g1c: warning: \"{pattern}\" matched no packages");
                }
                return out.into_iter().collect();
            }
            if local {
                let abs = normalize(&std::env::current_dir().unwrap_or_default().join(pattern));
                if !abs.is_dir() {
                    self.errors.push(format!("stat {}: directory not found", abs.display()));
                    return Vec::new();
                }
                return match m.dir_to_path(&abs, pattern) {
                    Ok(path) => {
                        self.found.insert(path.clone(), m.found_of(&path, &abs, &self.cfg.goroot));
                        vec![(path, abs)]
                    }
                    Err(e) => {
                        self.errors.push(e);
                        Vec::new()
                    }
                };
            }
        }
        // GOPATH mode's `all`: every package in GOROOT and GOPATH.
        let pattern = if pattern == "all" { "..." } else { pattern };
        if pattern == "std" || pattern == "cmd" || pattern.contains("...") {
            let mut out = BTreeMap::new();
            let roots = if pattern == "std" || pattern == "cmd" { vec![goroot_src.clone()] } else { self.src_roots() };
            for root in roots {
                let mut dirs = Vec::new();
                walk_dirs(&root, &root, &mut dirs);
                for rel in dirs {
                    let keep = match pattern {
                        "std" => !rel.starts_with("cmd/") && rel != "cmd" && rel != "builtin" && !rel.is_empty(),
                        "cmd" => rel.starts_with("cmd/"),
                        _ => match_pattern(pattern, &rel) && (pattern.contains("vendor") || !has_vendor_elem(&rel)),
                    };
                    if keep && !out.contains_key(&rel) && self.has_buildable_files(&root.join(&rel)) {
                        out.insert(rel.clone(), root.join(&rel));
                    }
                }
            }
            if out.is_empty() {
                eprintln!("g1c: warning: \"{pattern}\" matched no packages");
            }
            return out.into_iter().collect();
        }
        if local {
            return vec![self.gopath_local(Path::new(pattern))];
        }
        match self.find(pattern, None) {
            Ok((path, dir)) => vec![(path, dir)],
            Err(msg) => {
                self.errors.push(msg);
                Vec::new()
            }
        }
    }

    /// GOPATH mode: the import path of a directory named by a relative or absolute path — its path below a
    /// source root, or `_` and its absolute path when it is outside GOROOT and GOPATH (a local package).
    fn gopath_local(&self, dir: &Path) -> (String, PathBuf) {
        let abs =
            fs::canonicalize(dir).unwrap_or_else(|_| normalize(&std::env::current_dir().unwrap_or_default().join(dir)));
        for root in self.src_roots() {
            let root = fs::canonicalize(&root).unwrap_or(root);
            if let Ok(rel) = abs.strip_prefix(&root) {
                return (rel.to_string_lossy().into_owned(), dir.to_path_buf());
            }
        }
        (format!("_{}", abs.display()), dir.to_path_buf())
    }

    /// `./...`, `./sub/...`, `../x/...y`: the packages in the directory tree below the pattern's fixed prefix
    /// whose relative directory matches the pattern, sorted by import path.
    fn expand_local_wildcard(&mut self, pattern: &str) -> Vec<(String, PathBuf)> {
        let fixed = &pattern[..pattern.find("...").unwrap_or(pattern.len())];
        let base = match fixed.rfind('/') {
            Some(i) => &fixed[..i + 1],
            None => "./",
        };
        let cwd = std::env::current_dir().unwrap_or_default();
        let abs = normalize(&cwd.join(base));
        if !abs.is_dir() {
            self.errors.push(format!("pattern {pattern}: lstat {base}: no such file or directory"));
            return Vec::new();
        }
        if let Some(m) = &self.cfg.modules {
            if !m.in_some_module(&abs) {
                let shown = clean_import_path(base);
                self.errors.push(m.prefix_outside(pattern, &shown));
                return Vec::new();
            }
        }
        let rels = match &self.cfg.modules {
            Some(_) => walk_module(&abs),
            None => {
                // GOPATH mode: vendor directories only when the pattern names them (as the go command).
                let mut v = Vec::new();
                walk_dirs(&abs, &abs, &mut v);
                v.retain(|r| pattern.contains("vendor") || !has_vendor_elem(r));
                v
            }
        };
        let mut out = BTreeMap::new();
        for rel in rels {
            let shown = if rel.is_empty() { base.trim_end_matches('/').to_string() } else { format!("{base}{rel}") };
            if !match_pattern(pattern, &shown) && !match_pattern(pattern, &format!("{shown}/")) {
                continue;
            }
            let dir = abs.join(&rel);
            if !self.has_buildable_files(&dir) || self.is_builtin_doc(&dir) {
                continue;
            }
            match &self.cfg.modules {
                Some(m) => match m.dir_to_path(&dir, &shown) {
                    Ok(path) => {
                        self.found.insert(path.clone(), m.found_of(&path, &dir, &self.cfg.goroot));
                        out.insert(path, dir);
                    }
                    Err(e) if !self.errors.contains(&e) => self.errors.push(e),
                    Err(_) => {}
                },
                None => {
                    let (path, _) = self.gopath_local(&dir);
                    out.insert(path, dir);
                }
            }
        }
        if out.is_empty() {
            eprintln!("g1c: warning: \"{pattern}\" matched no packages");
        }
        out.into_iter().collect()
    }

    /// Resolves `path` imported by package `importer` to (canonical import path, directory), or the message
    /// saying why it cannot be found.
    fn find(&mut self, path: &str, importer: Option<&str>) -> Result<(String, PathBuf), String> {
        let src = self.cfg.goroot.join("src");
        let first = path.split('/').next().unwrap_or("");
        if let Some(imp) = importer {
            if first.contains('.') {
                // An external test package `P_test` is in P's directory, and sees P's vendor tree.
                let imp_dir = match imp.strip_suffix("_test") {
                    Some(p) if self.test_of.as_deref() == Some(p) => p,
                    _ => imp,
                };
                let in_goroot = self.state.contains_key(imp) && self.is_goroot_path(imp) && src.join(imp_dir).is_dir();
                if in_goroot {
                    let vendor = if imp.starts_with("cmd/") { "cmd/vendor" } else { "vendor" };
                    let v = format!("{vendor}/{path}");
                    if src.join(&v).is_dir() {
                        return Ok((v.clone(), src.join(v)));
                    }
                }
            }
        }
        if let Some(m) = &self.cfg.modules {
            let found = m.resolve(&self.cfg.goroot, path, importer)?;
            let dir = found.dir.clone();
            self.found.insert(path.to_string(), found);
            return Ok((path.to_string(), dir));
        }
        if src.join(path).is_dir() && !path.is_empty() {
            return Ok((path.to_string(), src.join(path)));
        }
        for gp in &self.cfg.gopath {
            let d = gp.join("src").join(path);
            if d.is_dir() {
                return Ok((path.to_string(), d));
            }
        }
        Err(self.not_found(path))
    }

    fn is_goroot_path(&self, path: &str) -> bool {
        let first = path.split('/').next().unwrap_or("");
        !first.contains('.') || path.starts_with("vendor/") || path.starts_with("cmd/")
    }

    fn not_found(&self, path: &str) -> String {
        let mut msg = format!("cannot find package {path:?} in any of:");
        msg.push_str(&format!("\n\t{} (from $GOROOT)", self.cfg.goroot.join("src").join(path).display()));
        for gp in &self.cfg.gopath {
            msg.push_str(&format!("\n\t{} (from $GOPATH)", gp.join("src").join(path).display()));
        }
        msg
    }

    /// Is `dir` `$GOROOT/src/builtin`, the documentation of the predeclared identifiers? Wildcards never
    /// match it (like `std`), also in GOROOT's own module `std`.
    fn is_builtin_doc(&self, dir: &Path) -> bool {
        normalize(dir) == normalize(&self.cfg.goroot.join("src/builtin"))
    }

    /// Does `dir` hold at least one file selected for this build? (Directories without any are not packages.)
    fn has_buildable_files(&self, dir: &Path) -> bool {
        let Ok(mut names) = go_file_names(dir) else { return false };
        if self.list_test_only {
            names.extend(test_file_names(dir).unwrap_or_default());
        }
        names.iter().any(|n| {
            self.cfg.ctx.good_os_arch_file(n)
                && fs::read_to_string(dir.join(n)).is_ok_and(|src| self.cfg.ctx.should_build(&src).unwrap_or(true))
        })
    }

    /// Loads the package at `dir` (import path `path`) and, first, everything it imports; returns its index.
    fn visit(&mut self, path: &str, dir: &Path, import_pos: Option<Pos>) -> Option<usize> {
        match self.state.get(path) {
            Some(State::Done(i)) => return Some(*i),
            Some(State::Failed) => return None,
            Some(State::Loading) => {
                let start = self.stack.iter().position(|p| p == path).unwrap_or(0);
                let mut msg = format!("package {}", self.stack[start]);
                for p in &self.stack[start + 1..] {
                    msg.push_str(&format!("\n\timports {p}"));
                }
                msg.push_str(&format!("\n\timports {path}: import cycle not allowed"));
                self.errors.push(msg);
                return None;
            }
            None => {}
        }
        if path == "unsafe" {
            return None;
        }
        self.state.insert(path.to_string(), State::Loading);
        self.stack.push(path.to_string());
        let pkg = self.read_package(path, dir, import_pos);
        let idx = pkg.map(|pkg| self.finish(pkg));
        self.stack.pop();
        self.state.insert(path.to_string(), idx.map(State::Done).unwrap_or(State::Failed));
        idx
    }

    /// Resolves and visits a package's imports, then appends it to the list.
    fn finish(&mut self, mut pkg: Package) -> usize {
        // Every import path with its first position, in sorted order.
        // (The position of an import spec is its name's when it has one, as go/build records it.)
        let mut imports: BTreeMap<String, Pos> = BTreeMap::new();
        for &fi in &pkg.files {
            for imp in &self.ast.files[fi].imports {
                imports.entry(imp.path.clone()).or_insert(imp.name.as_ref().map_or(imp.path_pos, |n| n.pos));
            }
        }
        for (ipath, pos) in imports {
            if is_local_import(&ipath) {
                self.local_import(&mut pkg, &ipath, pos);
                continue;
            }
            if ipath == "unsafe" || ipath == "C" {
                continue;
            }
            if let Some(msg) = import_path_error(&ipath) {
                pkg.bad_imports.insert(ipath, msg);
                continue;
            }
            // The test main imports the external test package, which no directory lookup finds.
            if let (Some(under_test), Some(&State::Done(i))) = (&self.test_of, self.state.get(&ipath)) {
                if ipath == format!("{under_test}_test") {
                    pkg.imports.insert(ipath, i);
                    continue;
                }
            }
            // The test main may import `testing/internal/testdeps`, as go test's does.
            let test_main = self.test_of.as_ref().is_some_and(|t| pkg.path == format!("{t}.test"));
            match self.find(&ipath, Some(&pkg.path)) {
                Ok((canon, dir)) if !test_main && !self.internal_allowed(&pkg, &canon, &dir) => {
                    let mut msg = format!("package {}", self.stack[0]);
                    for p in &self.stack[1..] {
                        msg.push_str(&format!("\n\timports {p}"));
                    }
                    let at = self.at(pos, format!("use of internal package {canon} not allowed"));
                    msg.push_str(&format!("\n\t{at}"));
                    self.errors.push(msg);
                }
                Ok((canon, dir)) => {
                    if let Some(i) = self.visit(&canon, &dir, Some(pos)) {
                        pkg.imports.insert(ipath, i);
                    }
                }
                Err(msg) => {
                    let msg = self.at(pos, msg);
                    self.errors.push(msg);
                }
            }
        }
        self.packages.push(pkg);
        self.packages.len() - 1
    }

    /// The go command's rule for `internal` packages (`disallowInternal`): a package whose import path has
    /// an `internal` element may be imported only from the tree rooted at the parent of that element — by
    /// import path for a module's package, by directory otherwise (the standard library, GOPATH).
    fn internal_allowed(&self, importer: &Package, path: &str, dir: &Path) -> bool {
        let i = if path.ends_with("/internal") {
            path.len() - "internal".len()
        } else if let Some(j) = path.rfind("/internal/") {
            j + 1
        } else if path == "internal" || path.starts_with("internal/") {
            0
        } else {
            return true;
        };
        // cmd/dist copies the toolchain's sources to GOPATH's `bootstrap/...` and rewrites their imports of
        // each other, but not of the rest of std (sort's copy imports internal/reflectlite): the go command
        // lets `bootstrap/...` import standard internal packages, and so does g1c.
        if importer.path.starts_with("bootstrap/") && dir.starts_with(self.cfg.goroot.join("src")) {
            return true;
        }
        let cwd = std::env::current_dir().unwrap_or_default();
        let in_module = self.cfg.modules.is_some() && !dir.starts_with(self.cfg.goroot.join("src"));
        if let (true, Some(m)) = (in_module, &self.cfg.modules) {
            let parent = &path[..i.saturating_sub(1)];
            // Named files stand for the package of their directory.
            let importer_path = if importer.path == "command-line-arguments" {
                m.dir_to_path(&normalize(&cwd.join(&importer.dir)), ".").unwrap_or_else(|_| ".".into())
            } else {
                importer.path.clone()
            };
            return parent.is_empty() || importer_path == parent || importer_path.starts_with(&format!("{parent}/"));
        }
        // The directory `path[i..]`'s elements above `dir`.
        let mut parent = normalize(&cwd.join(dir));
        for _ in path[i..].split('/') {
            parent.pop();
        }
        normalize(&cwd.join(&importer.dir)).starts_with(&parent)
    }

    /// `msg` at `pos`, as the go command prints loader errors: a file in the current directory without the
    /// `./` that compiler messages have (`o.go:3:8: ...`).
    fn at(&self, pos: Pos, msg: String) -> String {
        match self.fset.position(pos) {
            Some(p) => {
                let p = p.to_string();
                format!("{}: {msg}", p.strip_prefix("./").unwrap_or(&p))
            }
            None => msg,
        }
    }

    /// A relative import (`./a`, `../b`): in GOPATH mode it names the directory relative to the importing
    /// package's, allowed only in a local package (one outside GOROOT and GOPATH); module mode rejects it
    /// (worded as the go command does, differently for named files and for a module's packages). With gc's
    /// `-D dir` it is relative to `dir` and allowed everywhere.
    fn local_import(&mut self, pkg: &mut Package, ipath: &str, pos: Pos) {
        let with_d = self.cfg.local_import_dir.is_some();
        // Module mode: files named on the command line may not use them; a module's package is not local.
        if !with_d && self.cfg.modules.is_some() && pkg.path == "command-line-arguments" {
            let msg = format!("{ipath:?} is relative, but relative import paths are not supported in module mode");
            let msg = self.at(pos, msg);
            self.errors.push(msg);
            return;
        }
        let importer_local =
            self.cfg.modules.is_none() && (pkg.path.starts_with('_') || pkg.path == "command-line-arguments");
        if !importer_local && !with_d {
            let msg = self.at(pos, format!("local import {ipath:?} in non-local package"));
            self.errors.push(msg);
            return;
        }
        let base = match &self.cfg.local_import_dir {
            Some(d) => d.as_path(),
            None if pkg.dir.as_os_str().is_empty() => Path::new("."),
            None => pkg.dir.as_path(),
        };
        let dir = normalize(&std::env::current_dir().unwrap_or_default().join(base).join(ipath));
        if !dir.is_dir() {
            let msg = self.at(pos, format!("cannot find package \".\" in:\n\t{}", dir.display()));
            self.errors.push(msg);
            return;
        }
        let (canon, dir) = self.gopath_local(&dir);
        if let Some(i) = self.visit(&canon, &dir, Some(pos)) {
            pkg.imports.insert(ipath.to_string(), i);
        }
    }

    /// Reads, selects and parses the files of one package directory.
    fn read_package(&mut self, path: &str, dir: &Path, import_pos: Option<Pos>) -> Option<Package> {
        let names = match go_file_names(dir) {
            Ok(n) => n,
            Err(e) => {
                let msg = format!("cannot find package {path:?}: {e}");
                self.errors.push(match import_pos {
                    Some(p) => self.at(p, msg),
                    None => msg,
                });
                return None;
            }
        };
        let (name_prefix, trace_prefix) = self.display_prefixes(path, dir);
        // A directory outside GOROOT and GOPATH: its files are shown relative to the current directory.
        let local = name_prefix.is_empty();
        // g1c's overlay of a standard package: its files join GOROOT's, in file-name order like the others.
        let overlay = self.std_overlay(path, dir);
        if let Some(o) = &overlay {
            // A GOROOT other than the one the overlay was written for may lack a selected file.
            for (n, _) in o.select.iter().filter(|(n, _)| !names.iter().any(|m| m == n)) {
                self.errors.push(format!("lib/{path}/select: no such GOROOT file: {name_prefix}{n}"));
            }
        }
        let mut names: Vec<(String, Source)> = names
            .into_iter()
            .filter(|n| !overlay.as_ref().is_some_and(|o| o.hides(n)))
            .map(|n| {
                let selected = overlay.as_ref().is_some_and(|o| o.selects(&n));
                (n, if selected { Source::Selected } else { Source::Dir })
            })
            .collect();
        if let Some(o) = &overlay {
            names.extend(o.files.iter().map(|&(n, src)| (n.to_string(), Source::Overlay(src))));
        }
        let under_test = self.test_of.as_deref() == Some(path);
        if under_test {
            // A test file the overlay omits tests what it leaves out (assembly-only functions).
            let tests = test_file_names(dir).unwrap_or_default().into_iter();
            names.extend(tests.filter(|n| !overlay.as_ref().is_some_and(|o| o.hides(n))).map(|n| (n, Source::Dir)));
        }
        names.sort_by(|a, b| a.0.cmp(&b.0));
        let mut files = Vec::new();
        let mut tests = Vec::new();
        for (n, source) in names {
            // A selected file is compiled whatever its name suffix and build constraints say.
            let selected = matches!(source, Source::Selected);
            if !selected && !self.cfg.ctx.good_os_arch_file(&n) {
                continue;
            }
            let full = dir.join(&n);
            let src = match source {
                Source::Overlay(src) => src.to_string(),
                Source::Dir | Source::Selected => match read_source(&full) {
                    Ok(s) => s,
                    Err(e) => {
                        self.errors.push(format!("{}: {e}", full.display()));
                        continue;
                    }
                },
            };
            let name = match source {
                Source::Overlay(_) => format!("lib/{path}/{n}"),
                _ if local => display_path(&full.to_string_lossy()),
                _ => format!("{name_prefix}{n}"),
            };
            match self.cfg.ctx.should_build(&src) {
                _ if selected => {}
                Ok(true) => {}
                Ok(false) => continue,
                Err(e) => {
                    self.errors.push(format!("{name}: {e}"));
                    continue;
                }
            }
            let test_src = (under_test && n.ends_with("_test.go")).then(|| src.clone());
            if let Some(fi) = self.parse(name, format!("{trace_prefix}{n}"), src) {
                match test_src {
                    Some(src) => tests.push((fi, src)),
                    None => files.push(fi),
                }
            }
        }
        if under_test {
            self.sort_test_files(&mut files, tests);
        }
        let mut pkg = self.make_package(path, dir, files, import_pos)?;
        pkg.overlaid = overlay.is_some();
        if !dir.starts_with(self.cfg.goroot.join("src")) {
            pkg.asm_files = self.asm_files(dir, |n| {
                if local {
                    display_path(&dir.join(n).to_string_lossy())
                } else {
                    format!("{name_prefix}{n}")
                }
            });
        }
        Some(pkg)
    }

    /// The `.s` files of `dir` that this build takes (file-name suffixes and `//go:build` lines, as for Go
    /// files), in name order; `shown` names a file for messages.
    fn asm_files(&mut self, dir: &Path, shown: impl Fn(&str) -> String) -> Vec<AsmFile> {
        let Ok(rd) = fs::read_dir(dir) else { return Vec::new() };
        let mut names: Vec<String> = rd
            .filter_map(|e| e.ok())
            .filter(|e| e.file_type().map(|t| !t.is_dir()).unwrap_or(false))
            .map(|e| e.file_name().to_string_lossy().into_owned())
            .filter(|n| n.ends_with(".s") && !n.starts_with('_') && !n.starts_with('.'))
            .collect();
        names.sort();
        let mut out = Vec::new();
        for n in names {
            if !self.cfg.ctx.good_os_arch_file(&n) {
                continue;
            }
            let src = match read_source(&dir.join(&n)) {
                Ok(s) => s,
                Err(e) => {
                    self.errors.push(format!("{}: {e}", shown(&n)));
                    continue;
                }
            };
            match self.cfg.ctx.should_build(&src) {
                Ok(true) => out.push(AsmFile { name: shown(&n), dir: dir.to_path_buf(), src }),
                Ok(false) => {}
                Err(e) => self.errors.push(format!("{}: {e}", shown(&n))),
            }
        }
        out
    }

    /// Splits the package under test's `_test.go` files: those of the package's own name join `files`
    /// (internal tests), those of `<name>_test` form the external test package; both are recorded, with
    /// their text, in `test_files` (example outputs are comments). A file of any other name is left in
    /// `files`, where `make_package` reports the mismatch as the go command does.
    fn sort_test_files(&mut self, files: &mut Vec<usize>, tests: Vec<(usize, String)>) {
        use testmain::TestPkg;
        let name_of = |ast: &Ast, fi: usize| ast.files[fi].package.name.as_str().to_string();
        let own = match files.first() {
            Some(&fi) => name_of(&self.ast, fi),
            None => tests.iter().map(|t| name_of(&self.ast, t.0)).find(|n| !n.ends_with("_test")).unwrap_or_default(),
        };
        for (fi, src) in tests {
            let name = name_of(&self.ast, fi);
            if name == format!("{own}_test") || (own.is_empty() && name.ends_with("_test")) {
                self.test_files.push((TestPkg::External, fi, src));
            } else {
                if name == own {
                    self.test_files.push((TestPkg::Internal, fi, src));
                }
                files.push(fi);
            }
        }
        files.sort();
        // Internal test files run first, then external ones, each in file-name order.
        self.test_files.sort_by_key(|t| (t.0 == TestPkg::External, t.1));
    }

    /// The overlay of the standard package `path` in `dir`, when overlays are on and g1c has one for it.
    fn std_overlay(&self, path: &str, dir: &Path) -> Option<overlay::Overlay> {
        if !self.cfg.overlay || !dir.starts_with(self.cfg.goroot.join("src")) || !self.is_goroot_path(path) {
            return None;
        }
        overlay::lookup(path)
    }

    /// Adds and parses one file; `None` when it is left out (package documentation, cgo).
    fn parse(&mut self, name: String, trace_name: String, src: String) -> Option<usize> {
        let id = self.fset.add(name, src);
        self.fset.set_trace_name(id, trace_name);
        let (exprs_from, stmts_from) = (self.ast.exprs.len(), self.ast.stmts.len());
        let errs = parser::parse_file(&self.fset, id, &mut self.ast);
        shrink_lists(&mut self.ast, exprs_from, stmts_from);
        // Later phases need positions only, not the text.
        self.fset.release_source(id);
        self.syntax_errors.extend(errs);
        let fi = self.ast.files.len() - 1;
        let f = &self.ast.files[fi];
        if f.package.name == "documentation" || f.imports.iter().any(|i| i.path == "C") {
            return None;
        }
        Some(fi)
    }

    /// Groups the selected files into a package: they must agree on the package name.
    fn make_package(&mut self, path: &str, dir: &Path, files: Vec<usize>, import_pos: Option<Pos>) -> Option<Package> {
        let Some(&first) = files.first() else {
            let msg = format!("no buildable Go source files in {}", dir.display());
            self.errors.push(match import_pos {
                Some(p) => self.at(p, msg),
                None => msg,
            });
            return None;
        };
        let name = self.ast.files[first].package.name.clone();
        for &fi in &files[1..] {
            let other = &self.ast.files[fi].package.name;
            if *other != name {
                let fname = |fi: usize| {
                    let n = &self.fset.file(crate::syntax::pos::FileId(self.ast.files[fi].file_id)).name;
                    n.rsplit('/').next().unwrap_or(n).to_string()
                };
                self.errors.push(format!(
                    "found packages {name} ({}) and {other} ({}) in {}",
                    fname(first),
                    fname(fi),
                    dir.display()
                ));
                return None;
            }
        }
        let mut embeds = Vec::new();
        // Below go1.16 the compiler rejects `//go:embed` with its own error (directive.rs's version check)
        // and reads no file: the patterns are not resolved.
        let named = if path == "command-line-arguments" { self.cfg.lang } else { None };
        let lang = named.or_else(|| {
            self.found.get(path).and_then(|f| f.lang.as_deref()).and_then(crate::types::check::GoVersion::parse_number)
        });
        let old = lang.is_some_and(|v| v < crate::types::check::GoVersion { major: 1, minor: 16 });
        for &fi in files.iter().filter(|_| !old) {
            // Without `import "embed"` the directive is an error of the parser's, and reads no file.
            if !self.ast.files[fi].imports.iter().any(|i| i.path == "embed") {
                continue;
            }
            for decl in &self.ast.files[fi].decls {
                let crate::syntax::ast::Decl::Gen(g) = decl else { continue };
                for spec in &g.specs {
                    let crate::syntax::ast::Spec::Value(v) = spec else { continue };
                    let (Some(name), false) = (v.names.first(), v.embed.is_empty()) else { continue };
                    let found = v.embed.iter().try_fold(Vec::new(), |mut all, d| {
                        all.extend(embed::patterns(d)?);
                        Ok(all)
                    });
                    match found.and_then(|pats| embed::resolve(dir, &pats)) {
                        Ok(files) => embeds.push((name.pos, files)),
                        Err((pos, msg)) => {
                            let e = self.at(pos, msg);
                            self.errors.push(e);
                        }
                    }
                }
            }
        }
        Some(Package {
            path: path.to_string(),
            name: name.to_string(),
            dir: dir.to_path_buf(),
            files,
            imports: BTreeMap::new(),
            bad_imports: BTreeMap::new(),
            embeds,
            root: false,
            lang: self.found.get(path).and_then(|f| f.lang.clone()),
            module: self.found.get(path).and_then(|f| f.module.clone()),
            overlaid: false,
            test_variant: None,
            asm_files: Vec::new(),
        })
    }

    /// The prefixes of a package's file names in messages and in tracebacks (see the module invariants); the
    /// message prefix is empty for a directory outside GOROOT and GOPATH (its files are named by
    /// [`display_path`]).
    fn display_prefixes(&self, path: &str, dir: &Path) -> (String, String) {
        let goroot_src = self.cfg.goroot.join("src");
        if dir.starts_with(&goroot_src) && !path.starts_with('_') {
            return (format!("$GOROOT/src/{path}/"), format!("{path}/"));
        }
        if self.cfg.modules.is_some() {
            if let Some(f) = self.found.get(path) {
                return (String::new(), format!("{}/", f.trace));
            }
        }
        if self.cfg.gopath.iter().any(|g| dir.starts_with(g.join("src"))) {
            return (format!("$GOPATH/src/{path}/"), format!("{path}/"));
        }
        let d = dir.to_string_lossy();
        let d = d.trim_end_matches('/');
        (String::new(), format!("{d}/"))
    }

    /// Files named on the command line form one package, `command-line-arguments`.
    fn load_files(&mut self, files: &[&String]) {
        let path = "command-line-arguments";
        self.state.insert(path.into(), State::Loading);
        self.stack.push(path.into());
        let mut fis = Vec::new();
        for f in files {
            match read_source(Path::new(f.as_str())) {
                Ok(src) => {
                    let base = Path::new(f.as_str()).file_name().map(|s| s.to_string_lossy().into_owned());
                    let trace = format!("./{}", base.unwrap_or_default());
                    if let Some(fi) = self.parse(display_path(f), trace, src) {
                        fis.push(fi);
                    }
                }
                Err(e) => self.errors.push(format!("{f}: {e}")),
            }
        }
        let dir = Path::new(files[0].as_str()).parent().unwrap_or(Path::new(".")).to_path_buf();
        let idx = self.make_package(path, &dir, fis, None).map(|p| self.finish(p));
        if let Some(i) = idx {
            self.packages[i].root = true;
        }
        self.stack.pop();
        self.state.insert(path.into(), idx.map(State::Done).unwrap_or(State::Failed));
    }
}

/// Gives back the spare capacity of the lists in the nodes parsed since `exprs_from` / `stmts_from`: the
/// parser grows them by pushing, and the whole program's syntax stays in memory while it is checked.
fn shrink_lists(ast: &mut Ast, exprs_from: usize, stmts_from: usize) {
    use crate::syntax::ast::{Block, ExprKind, StmtKind};
    fn block(b: &mut Block) {
        b.stmts.shrink_to_fit();
    }
    for e in &mut ast.exprs[exprs_from..] {
        match &mut e.kind {
            ExprKind::FuncLit { body, .. } => block(body),
            _ => {}
        }
    }
    for s in &mut ast.stmts[stmts_from..] {
        match &mut s.kind {
            StmtKind::Assign { lhs, rhs, .. } => {
                lhs.shrink_to_fit();
                rhs.shrink_to_fit();
            }
            StmtKind::Return(results) => results.shrink_to_fit(),
            StmtKind::Block(b)
            | StmtKind::If { then: b, .. }
            | StmtKind::For { body: b, .. }
            | StmtKind::Range { body: b, .. } => block(b),
            StmtKind::Switch { body, .. } | StmtKind::TypeSwitch { body, .. } => {
                body.shrink_to_fit();
                for c in body {
                    c.body.shrink_to_fit();
                    if let Some(l) = &mut c.list {
                        l.shrink_to_fit();
                    }
                }
            }
            StmtKind::Select { body, .. } => {
                body.shrink_to_fit();
                for c in body {
                    c.body.shrink_to_fit();
                }
            }
            _ => {}
        }
    }
    if let Some(f) = ast.files.last_mut() {
        f.decls.shrink_to_fit();
        for d in &mut f.decls {
            if let crate::syntax::ast::Decl::Func(fd) = d {
                if let Some(b) = &mut fd.body {
                    block(b);
                }
            }
        }
    }
}

/// gc's error for an import path that names no package whatever the file system holds: a malformed path
/// (`invalid import path (…)`), an absolute one, or one that is not in its clean form; `None` for a
/// well-formed path.
pub fn import_path_error(path: &str) -> Option<String> {
    if let Err(why) = validate_import_path(path) {
        return Some(format!("invalid import path ({why})"));
    }
    if path.starts_with('/') {
        return Some(format!("could not import {path} (import path cannot be absolute path)"));
    }
    let clean = clean_import_path(path);
    if clean != path {
        return Some(format!("could not import {path} (non-canonical import path {path:?} (should be {clean:?}))"));
    }
    None
}

/// types2's `validatedImportPath`: an import path is not empty and has no space, control or punctuation
/// character that cannot appear in a path. `Err` holds the reason (`invalid character U+0021 '!'`).
fn validate_import_path(path: &str) -> Result<(), String> {
    if path.is_empty() {
        return Err("empty string".into());
    }
    const ILLEGAL: &str = "!\"#$%&'()*,:;<=>?[\\]^{|}`\u{FFFD}";
    for c in path.chars() {
        if c.is_control() || c.is_whitespace() || ILLEGAL.contains(c) {
            let printable = !c.is_control();
            return Err(if printable {
                format!("invalid character U+{:04X} '{c}'", c as u32)
            } else {
                format!("invalid character U+{:04X}", c as u32)
            });
        }
    }
    Ok(())
}

/// `path.Clean` for import paths: no empty or `.` elements, `..` resolved lexically. An import path that
/// differs from its clean form is non-canonical.
pub fn clean_import_path(path: &str) -> String {
    let rooted = path.starts_with('/');
    let mut out: Vec<&str> = Vec::new();
    for elem in path.split('/') {
        match elem {
            "" | "." => {}
            ".." if out.last().is_some_and(|l| *l != "..") => {
                out.pop();
            }
            ".." if rooted => {}
            e => out.push(e),
        }
    }
    let joined = out.join("/");
    match (rooted, joined.is_empty()) {
        (true, _) => format!("/{joined}"),
        (false, true) => ".".into(),
        (false, false) => joined,
    }
}

/// How `go build` shows a file outside GOROOT and GOPATH in messages: relative to the current directory
/// when that is shorter than the absolute path, with `./` for a file in the current directory (`./x.go`,
/// `sub/x.go`, `../y/x.go`).
pub fn display_path(f: &str) -> String {
    let Ok(cwd) = std::env::current_dir() else { return f.to_string() };
    let abs = normalize(&cwd.join(f));
    let rel = relative_to(&abs, &normalize(&cwd));
    let abs = abs.to_string_lossy().into_owned();
    if rel.len() >= abs.len() {
        return abs;
    }
    if rel.contains('/') {
        rel
    } else {
        format!("./{rel}")
    }
}

/// `p` with `.` and `..` components resolved lexically (no symlinks followed, as the go command does).
fn normalize(p: &Path) -> PathBuf {
    let mut out = PathBuf::new();
    for c in p.components() {
        match c {
            std::path::Component::CurDir => {}
            std::path::Component::ParentDir => {
                out.pop();
            }
            c => out.push(c),
        }
    }
    out
}

/// The path of `p` relative to the directory `base` (both absolute and normalized), using `..` as needed.
fn relative_to(p: &Path, base: &Path) -> String {
    let pc: Vec<_> = p.components().collect();
    let bc: Vec<_> = base.components().collect();
    let common = pc.iter().zip(&bc).take_while(|(a, b)| a == b).count();
    let mut parts: Vec<String> = vec!["..".to_string(); bc.len() - common];
    parts.extend(pc[common..].iter().map(|c| c.as_os_str().to_string_lossy().into_owned()));
    parts.join("/")
}

/// A source file's text; invalid UTF-8 is reported with its position, as the scanner would.
fn read_source(path: &Path) -> Result<String, String> {
    let bytes = fs::read(path).map_err(|e| e.to_string())?;
    String::from_utf8(bytes).map_err(|e| {
        let valid = e.utf8_error().valid_up_to();
        let bytes = e.into_bytes();
        let line = bytes[..valid].iter().filter(|&&b| b == b'\n').count() + 1;
        let col = valid - bytes[..valid].iter().rposition(|&b| b == b'\n').map(|p| p + 1).unwrap_or(0) + 1;
        format!("{line}:{col}: invalid UTF-8 encoding")
    })
}

/// The candidate `.go` file names of a directory (not tests, not `_x.go` / `.x.go`), sorted.
fn go_file_names(dir: &Path) -> std::io::Result<Vec<String>> {
    let mut names: Vec<String> = fs::read_dir(dir)?
        .filter_map(|e| e.ok())
        .filter(|e| e.file_type().map(|t| !t.is_dir()).unwrap_or(false))
        .map(|e| e.file_name().to_string_lossy().into_owned())
        .filter(|n| n.ends_with(".go") && !n.ends_with("_test.go") && !n.starts_with('_') && !n.starts_with('.'))
        .collect();
    names.sort();
    Ok(names)
}

/// The `_test.go` file names of a directory (not `_x_test.go` / `.x_test.go`), sorted.
fn test_file_names(dir: &Path) -> std::io::Result<Vec<String>> {
    let mut names: Vec<String> = fs::read_dir(dir)?
        .filter_map(|e| e.ok())
        .filter(|e| e.file_type().map(|t| !t.is_dir()).unwrap_or(false))
        .map(|e| e.file_name().to_string_lossy().into_owned())
        .filter(|n| n.ends_with("_test.go") && !n.starts_with('_') && !n.starts_with('.'))
        .collect();
    names.sort();
    Ok(names)
}

/// Every directory below `root` (relative, `/`-separated), skipping `testdata` and names starting with `_`
/// or `.`, as the `go` command's wildcards do. Sorted by the walk (each directory's entries in name order).
fn walk_dirs(root: &Path, dir: &Path, out: &mut Vec<String>) {
    let Ok(rd) = fs::read_dir(dir) else { return };
    let mut subs: Vec<String> = rd
        .filter_map(|e| e.ok())
        .filter(|e| e.file_type().map(|t| t.is_dir()).unwrap_or(false))
        .map(|e| e.file_name().to_string_lossy().into_owned())
        .filter(|n| n != "testdata" && !n.starts_with('_') && !n.starts_with('.'))
        .collect();
    subs.sort();
    if let Ok(rel) = dir.strip_prefix(root) {
        out.push(rel.to_string_lossy().into_owned());
    }
    for s in subs {
        walk_dirs(root, &dir.join(s), out);
    }
}

/// Module mode's wildcard walk of a module tree: like [`walk_dirs`], and not into `vendor` directories or
/// nested modules (directories with their own `go.mod`), which hold other modules' packages.
fn walk_module(root: &Path) -> Vec<String> {
    fn walk(root: &Path, dir: &Path, out: &mut Vec<String>) {
        let Ok(rd) = fs::read_dir(dir) else { return };
        let mut subs: Vec<String> = rd
            .filter_map(|e| e.ok())
            .filter(|e| e.file_type().map(|t| t.is_dir()).unwrap_or(false))
            .map(|e| e.file_name().to_string_lossy().into_owned())
            .filter(|n| n != "testdata" && n != "vendor" && !n.starts_with('_') && !n.starts_with('.'))
            .collect();
        subs.sort();
        if let Ok(rel) = dir.strip_prefix(root) {
            out.push(rel.to_string_lossy().into_owned());
        }
        for s in subs {
            let sub = dir.join(s);
            if !sub.join("go.mod").is_file() {
                walk(root, &sub, out);
            }
        }
    }
    let mut out = Vec::new();
    walk(root, root, &mut out);
    out
}

/// `go/build.IsLocalImport`: `.`, `..`, or a path starting with `./` or `../`.
pub fn is_local_import(path: &str) -> bool {
    path == "." || path == ".." || path.starts_with("./") || path.starts_with("../")
}

fn has_vendor_elem(path: &str) -> bool {
    path.split('/').any(|e| e == "vendor")
}

/// The `go` command's pattern match: `...` matches any string; `x/...` also matches `x` itself.
pub fn match_pattern(pattern: &str, path: &str) -> bool {
    if let Some(prefix) = pattern.strip_suffix("/...") {
        if path == prefix {
            return true;
        }
    }
    let parts: Vec<&str> = pattern.split("...").collect();
    let mut rest = path;
    for (i, part) in parts.iter().enumerate() {
        if i == 0 {
            let Some(r) = rest.strip_prefix(part) else { return false };
            rest = r;
        } else if i == parts.len() - 1 {
            return rest.ends_with(part);
        } else {
            match rest.find(part) {
                Some(j) => rest = &rest[j + part.len()..],
                None => return false,
            }
        }
    }
    rest.is_empty()
}

/// The packages a list of loaded packages imports, transitively, including themselves (a set of indices).
pub fn closure(pkgs: &[Package], roots: &[usize]) -> BTreeSet<usize> {
    let mut seen = BTreeSet::new();
    let mut work: Vec<usize> = roots.to_vec();
    while let Some(i) = work.pop() {
        if seen.insert(i) {
            work.extend(pkgs[i].imports.values().copied());
        }
    }
    seen
}
