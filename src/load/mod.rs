//! The package loader: from command-line patterns to an ordered list of parsed packages (DESIGN §7, §10).
//!
//! In: patterns as the `go` command takes them (`fmt`, `net/...`, `std`, `cmd`, a directory, or a list of
//! `.go` files) and a [`Config`] (GOROOT, GOPATH, GOOS, GOARCH from the environment). Out: a [`Loaded`]
//! program: one [`FileSet`] and one [`Ast`] holding every selected file, and the packages in dependency
//! order (every package after all the packages it imports), each with its files and resolved imports.
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
//! - An import cycle is an error, reported like the `go` command: `package a`, `imports b`, …,
//!   `imports a: import cycle not allowed`.
//!
//! Invariants: the order is deterministic (patterns in command-line order, imports in sorted order, depth
//! first); each directory is loaded (read, parsed) at most once; file names in the `FileSet` are
//! machine-independent: `$GOROOT/src/fmt/print.go` in messages and `fmt/print.go` in tracebacks (gc's
//! `-trimpath`), files outside GOROOT and GOPATH relative to the current directory as `go build` shows them
//! (`./x.go`, `sub/x.go`; see [`display_path`]).

pub mod constraint;

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
}

impl Config {
    /// GOROOT (default `/usr/share/go-1.19`), GOPATH (default `$HOME/go`), GOOS and GOARCH (default
    /// linux/amd64) from the environment, with DESIGN §7's extra tags.
    pub fn from_env() -> Config {
        let var = |k: &str| std::env::var(k).ok().filter(|v| !v.is_empty());
        let goroot = PathBuf::from(var("GOROOT").unwrap_or_else(|| "/usr/share/go-1.19".into()));
        let gopath = match var("GOPATH") {
            Some(p) => p.split(':').filter(|s| !s.is_empty()).map(PathBuf::from).collect(),
            None => var("HOME").map(|h| vec![Path::new(&h).join("go")]).unwrap_or_default(),
        };
        let ctx = Context {
            goos: var("GOOS").unwrap_or_else(|| "linux".into()),
            goarch: var("GOARCH").unwrap_or_else(|| "amd64".into()),
            extra_tags: vec!["purego".into(), "math_big_pure_go".into()],
        };
        Config { goroot, gopath, ctx }
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
    /// `//go:embed` directives: position and the patterns' text.
    pub embeds: Vec<(Pos, String)>,
    /// Named by a pattern (not only loaded as a dependency).
    pub root: bool,
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
    syntax_errors: Vec<Error>,
    errors: Vec<String>,
}

/// Loads the packages named by `patterns` and everything they import.
pub fn load(cfg: &Config, patterns: &[String]) -> Loaded {
    let mut l = Loader {
        cfg,
        fset: FileSet::new(),
        ast: Ast::default(),
        packages: Vec::new(),
        state: HashMap::new(),
        stack: Vec::new(),
        syntax_errors: Vec::new(),
        errors: Vec::new(),
    };
    let (files, others): (Vec<&String>, Vec<&String>) = patterns.iter().partition(|p| p.ends_with(".go"));
    if !files.is_empty() {
        l.load_files(&files);
    }
    for p in others {
        for (path, dir) in l.expand(p) {
            if let Some(i) = l.visit(&path, &dir, None) {
                l.packages[i].root = true;
            }
        }
    }
    Loaded { fset: l.fset, ast: l.ast, packages: l.packages, syntax_errors: l.syntax_errors, errors: l.errors }
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
        if pattern.starts_with('.') || pattern.starts_with('/') {
            let dir = PathBuf::from(pattern);
            let abs = fs::canonicalize(&dir).unwrap_or(dir.clone());
            for root in self.src_roots() {
                let root = fs::canonicalize(&root).unwrap_or(root);
                if let Ok(rel) = abs.strip_prefix(&root) {
                    return vec![(rel.to_string_lossy().into_owned(), dir)];
                }
            }
            return vec![(format!("_{}", abs.display()), dir)];
        }
        match self.find(pattern, None) {
            Some((path, dir)) => vec![(path, dir)],
            None => {
                self.errors.push(self.not_found(pattern));
                Vec::new()
            }
        }
    }

    /// Resolves `path` imported by package `importer` to (canonical import path, directory).
    fn find(&self, path: &str, importer: Option<&str>) -> Option<(String, PathBuf)> {
        let src = self.cfg.goroot.join("src");
        let first = path.split('/').next().unwrap_or("");
        if let Some(imp) = importer {
            if first.contains('.') {
                let in_goroot = self.state.contains_key(imp) && self.is_goroot_path(imp);
                if in_goroot {
                    let vendor = if imp.starts_with("cmd/") { "cmd/vendor" } else { "vendor" };
                    let v = format!("{vendor}/{path}");
                    if src.join(&v).is_dir() {
                        return Some((v.clone(), src.join(v)));
                    }
                }
            }
        }
        if src.join(path).is_dir() && !path.is_empty() {
            return Some((path.to_string(), src.join(path)));
        }
        for gp in &self.cfg.gopath {
            let d = gp.join("src").join(path);
            if d.is_dir() {
                return Some((path.to_string(), d));
            }
        }
        None
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

    /// Does `dir` hold at least one file selected for this build? (Directories without any are not packages.)
    fn has_buildable_files(&self, dir: &Path) -> bool {
        let Ok(names) = go_file_names(dir) else { return false };
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
        let mut imports: BTreeMap<String, Pos> = BTreeMap::new();
        for &fi in &pkg.files {
            for imp in &self.ast.files[fi].imports {
                imports.entry(imp.path.clone()).or_insert(imp.path_pos);
            }
        }
        for (ipath, pos) in imports {
            // Malformed paths are the checker's to report (`invalid import path`, `non-canonical`).
            if ipath == "unsafe"
                || ipath == "C"
                || ipath.starts_with('/')
                || validate_import_path(&ipath).is_err()
                || clean_import_path(&ipath) != ipath
            {
                continue;
            }
            match self.find(&ipath, Some(&pkg.path)) {
                Some((canon, dir)) => {
                    if let Some(i) = self.visit(&canon, &dir, Some(pos)) {
                        pkg.imports.insert(ipath, i);
                    }
                }
                None => {
                    let msg = self.not_found(&ipath);
                    self.errors.push(self.at(pos, msg));
                }
            }
        }
        self.packages.push(pkg);
        self.packages.len() - 1
    }

    fn at(&self, pos: Pos, msg: String) -> String {
        match self.fset.position(pos) {
            Some(p) => format!("{p}: {msg}"),
            None => msg,
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
        let mut files = Vec::new();
        for n in names {
            if !self.cfg.ctx.good_os_arch_file(&n) {
                continue;
            }
            let full = dir.join(&n);
            let src = match read_source(&full) {
                Ok(s) => s,
                Err(e) => {
                    self.errors.push(format!("{}: {e}", full.display()));
                    continue;
                }
            };
            match self.cfg.ctx.should_build(&src) {
                Ok(true) => {}
                Ok(false) => continue,
                Err(e) => {
                    self.errors.push(format!("{name_prefix}{n}: {e}"));
                    continue;
                }
            }
            let name = if local { display_path(&full.to_string_lossy()) } else { format!("{name_prefix}{n}") };
            if let Some(fi) = self.parse(name, format!("{trace_prefix}{n}"), src) {
                files.push(fi);
            }
        }
        self.make_package(path, dir, files, import_pos)
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
        for &fi in &files {
            for d in &self.ast.files[fi].directives {
                if let Some(rest) = d.text.strip_prefix("go:embed") {
                    embeds.push((d.pos, rest.trim().to_string()));
                }
            }
        }
        Some(Package {
            path: path.to_string(),
            name: name.to_string(),
            dir: dir.to_path_buf(),
            files,
            imports: BTreeMap::new(),
            embeds,
            root: false,
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

/// types2's `validatedImportPath`: an import path is not empty and has no space, control or punctuation
/// character that cannot appear in a path. `Err` holds the reason (`invalid character U+0021 '!'`).
pub fn validate_import_path(path: &str) -> Result<(), String> {
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
