//! Module mode: where an import path's directory is when the build runs inside a module (a tree with a
//! `go.mod`), as the go command 1.19 decides it.
//!
//! In: the environment (GO111MODULE, GOWORK, GOFLAGS' `-mod=`, GOMODCACHE, GOPATH), the `-mod=` flag, the
//! current directory. Out: a [`Modules`] value that resolves import paths ([`Modules::resolve`]) and directories
//! ([`Modules::dir_to_path`]) for the loader, or the setup errors the go command would print
//! (`errors parsing go.mod`, `-mod=foo not supported`).
//!
//! Rules (`cmd/go/internal/modload`, without network access — g1c never downloads a module):
//! - The main module is the nearest `go.mod` at or above the current directory. GO111MODULE=off means GOPATH
//!   mode; `on` means module mode even without a `go.mod` (then only the standard library and files named on
//!   the command line can be built); unset or `auto` means module mode exactly when a `go.mod` is found.
//! - Workspace mode (Go 1.18): a `go.work` at or above the current directory (or `$GOWORK`; `GOWORK=off`
//!   disables it) makes every module it `use`s a main module; its `replace`s win over theirs; no vendor mode.
//! - A path whose first element has no dot is the standard library's when `$GOROOT/src/<path>` exists.
//!   A path inside a main module's path (the longest) is its directory (not below a nested `go.mod`).
//! - With `-mod=vendor` (the default when the main module says `go 1.14` or later and has a `vendor`
//!   directory) every other path is `vendor/<path>` of the main module.
//! - Otherwise the path belongs to the required module with the longest matching module path (only the main
//!   `go.mod`'s requirements are read: since go 1.17 it lists every module that provides a package). A
//!   `replace` redirects a module to a directory (relative to the main module) or to another module version;
//!   a module version's source is `$GOMODCACHE/<escaped path>@<version>` when it is already unpacked there.
//! - A module read from the module cache must be listed in `go.sum` (presence only: g1c does not hash the
//!   module's files); a requirement of an `exclude`d version is an error (go.mod needs `go mod tidy`).
//! - Relative import paths are an error in module mode. `vendor/modules.txt` must agree with go.mod.
//!
//! Invariants: setup reads go.mod, go.work, go.sum and modules.txt once; resolution then reads the file
//! system only for directory existence; its answers do not depend on the order of earlier questions;
//! messages are worded as the go command's.

use std::collections::BTreeMap;
use std::fs;
use std::path::{Path, PathBuf};

use super::modfile::{self, ModFile, ModVersion, ReplaceTarget, VendorList};

/// The main module: its path, its root directory and its parsed `go.mod`.
#[derive(Clone, Debug)]
pub struct MainModule {
    pub path: String,
    /// The directory holding `go.mod` (absolute, normalized).
    pub root: PathBuf,
    pub file: ModFile,
}

impl MainModule {
    /// The import path of the module's directory `rel` (relative, `/`-separated, empty for the root). In
    /// `$GOROOT/src` the main module is `std`, whose packages' paths have no prefix (`fmt`).
    pub fn import_path(&self, rel: &str) -> String {
        match (rel.is_empty(), self.path == "std") {
            (true, _) => self.path.clone(),
            (false, true) => rel.to_string(),
            (false, false) => format!("{}/{rel}", self.path),
        }
    }

    /// The module as build information lists it when it provides a package to a program of another main
    /// module of the workspace: built in place, at version `(devel)`.
    pub fn module_info(&self) -> ModuleInfo {
        ModuleInfo { path: self.path.clone(), version: "(devel)".into(), sum: String::new(), replace: None }
    }

    /// The `go` directive's language version (`1.16` when absent, as the go command assumes).
    pub fn go_version(&self) -> &str {
        self.file.go.as_deref().unwrap_or("1.16")
    }
}

/// Module-mode state.
#[derive(Clone, Debug)]
pub struct Modules {
    /// The main modules: the one whose `go.mod` was found, or each module a `go.work` uses; none when
    /// module mode is on but no `go.mod` was found.
    pub mains: Vec<MainModule>,
    /// Workspace mode: the `go.work` file and its contents.
    pub workspace: Option<(PathBuf, modfile::WorkFile)>,
    /// `$GOMODCACHE`, by default `$GOPATH/pkg/mod` of the first GOPATH entry.
    pub modcache: PathBuf,
    /// `Some` in vendor mode (`-mod=vendor`): the contents of `vendor/modules.txt` (empty when absent).
    pub vendor: Option<VendorList>,
    /// Errors found while setting up (reading go.mod, flags); nothing is loaded when there are any.
    pub errors: Vec<String>,
    /// The requirements' sources, found once (see [`Modules::requirements`]).
    sources: Vec<ModSource>,
    /// The module versions the main modules' `go.sum` files (and `go.work.sum`) list with a hash of their
    /// contents (the go command also checks the hash; g1c, which never downloads, checks presence).
    sums: BTreeMap<(String, String), String>,
}

/// Where a package was found.
#[derive(Clone, Debug)]
pub struct Found {
    pub dir: PathBuf,
    /// How tracebacks name the package directory (gc's `-trimpath`): the import path for the main module
    /// and vendored packages, `module@version/sub/dir` for a module from the module cache.
    pub trace: String,
    /// The language version its module's `go.mod` asks for; `None` for the standard library (the toolchain's
    /// own version) and for a module without a `go.mod`.
    pub lang: Option<String>,
    /// The module that provides it, unless that is the standard library: what build information lists as
    /// a `dep` when it is not the program's own module.
    pub module: Option<ModuleInfo>,
}

/// A module as build information records it (runtime/debug's `Module`): path, version, the go.sum hash
/// of its content (empty when none is known: vendored modules, directories) and what replaces it.
#[derive(Clone, Debug, PartialEq, Eq, PartialOrd, Ord)]
pub struct ModuleInfo {
    pub path: String,
    pub version: String,
    pub sum: String,
    pub replace: Option<Box<ModuleInfo>>,
}

impl ModuleInfo {
    /// A replacement by a directory, which the go command records at version `(devel)` with no hash.
    fn directory(dir: &str) -> ModuleInfo {
        ModuleInfo { path: dir.to_string(), version: "(devel)".into(), sum: String::new(), replace: None }
    }
}

/// Which mode the variables read through `lookup` (GO111MODULE, GOWORK, GOMODCACHE, GOFLAGS) ask for in
/// directory `cwd`, with the command line's `-mod=` value `mod_flag` (it wins over GOFLAGS').
pub fn from_vars_at(
    cwd: &Path,
    gopath: &[PathBuf],
    lookup: &dyn Fn(&str) -> Option<String>,
    mod_flag: Option<&str>,
) -> Option<Modules> {
    let var = |k: &str| lookup(k).filter(|v| !v.is_empty());
    let gomod = find_upward(cwd, "go.mod");
    let gowork = match var("GOWORK").as_deref() {
        Some("off") => None,
        Some(p) => Some(PathBuf::from(p)),
        None => find_upward(cwd, "go.work"),
    };
    match var("GO111MODULE").as_deref() {
        Some("off") => return None,
        Some("on") => {}
        _ if gomod.is_none() && gowork.is_none() => return None,
        _ => {}
    }
    let modcache = var("GOMODCACHE")
        .map(PathBuf::from)
        .or_else(|| gopath.first().map(|g| g.join("pkg/mod")))
        .unwrap_or_else(|| PathBuf::from("pkg/mod"));
    let mut m = Modules {
        mains: Vec::new(),
        workspace: None,
        modcache,
        vendor: None,
        errors: Vec::new(),
        sources: Vec::new(),
        sums: BTreeMap::new(),
    };
    // -mod: the command line, else GOFLAGS.
    let flag = mod_flag
        .map(str::to_string)
        .or_else(|| var("GOFLAGS")?.split_whitespace().find_map(|f| f.strip_prefix("-mod=").map(str::to_string)));
    if let Some(other) = flag.as_deref().filter(|f| !matches!(*f, "" | "mod" | "readonly" | "vendor")) {
        m.errors.push(format!("g1c: -mod={other} not supported (can be '', 'mod', 'readonly', or 'vendor')"));
        return Some(m);
    }
    if let Some(work) = gowork {
        // Workspace mode: every module the go.work `use`s is a main module; there is no vendor mode.
        if let Some(f) = flag.as_deref().filter(|f| *f != "readonly" && !f.is_empty()) {
            m.errors.push(format!(
                "g1c: -mod may only be set to readonly when in workspace mode, but it is set to {f:?}\n\tRemove the -mod flag to use the default readonly value,\n\tor set GOWORK=off to disable workspace mode."
            ));
            return Some(m);
        }
        let file = match fs::read_to_string(&work).map_err(|e| vec![e.to_string()]).and_then(|t| {
            modfile::parse_workfile(&t).map_err(|es| es.iter().map(|e| format!("{}:{e}", work.display())).collect())
        }) {
            Ok(f) => f,
            Err(errs) => {
                m.errors.extend(errs.into_iter().map(|e| format!("reading go.work: {e}")));
                return Some(m);
            }
        };
        let base = work.parent().unwrap_or(Path::new("/")).to_path_buf();
        for dir in &file.use_dirs {
            let root = super::normalize(&base.join(dir));
            match read_main_module(&root.join("go.mod")) {
                Ok(main) => m.mains.push(main),
                Err(e) => m.errors.push(e),
            }
        }
        read_go_sum(&work.with_file_name("go.work.sum"), &mut m.sums);
        for main in &m.mains {
            read_go_sum(&main.root.join("go.sum"), &mut m.sums);
        }
        m.workspace = Some((work, file));
        m.sources = m.requirements();
        return Some(m);
    }
    let Some(gomod) = gomod else { return Some(m) };
    let main = match read_main_module(&gomod) {
        Ok(main) => main,
        Err(e) => {
            m.errors.push(e);
            return Some(m);
        }
    };
    // Vendor mode by default when the module asks for go 1.14 or later and has a vendor directory.
    let vendor_dir = main.root.join("vendor");
    let use_vendor = match flag.as_deref() {
        Some("vendor") => true,
        Some("") | None => vendor_dir.is_dir() && version_at_least(main.go_version(), 14),
        Some(_) => false,
    };
    if use_vendor {
        let txt = fs::read_to_string(vendor_dir.join("modules.txt")).unwrap_or_default();
        let list = modfile::parse_modules_txt(&txt);
        if let Err(e) = check_vendor_consistency(&main, &list) {
            m.errors.push(e);
        }
        m.vendor = Some(list);
    }
    read_go_sum(&main.root.join("go.sum"), &mut m.sums);
    if let Some(e) = excluded_requirements(&main) {
        m.errors.push(e);
    }
    m.mains.push(main);
    m.sources = m.requirements();
    Some(m)
}

/// The go command's `checkVendorConsistency`: `vendor/modules.txt` must record exactly the go.mod's
/// requirements (`## explicit`) and replacements, else the vendor directory is stale (`go mod vendor`).
/// Before go 1.14 modules.txt held less, and only version mismatches are found.
fn check_vendor_consistency(main: &MainModule, list: &VendorList) -> Result<(), String> {
    let pre114 = !version_at_least(main.go_version(), 14);
    let describe = |m: &ModVersion| {
        if m.version.is_empty() {
            m.path.clone()
        } else {
            format!("{}@{}", m.path, m.version)
        }
    };
    let target = |t: &ReplaceTarget| match t {
        ReplaceTarget::Dir(d) => ModVersion { path: d.clone(), version: String::new() },
        ReplaceTarget::Module(mv) => mv.clone(),
    };
    // The version modules.txt vendors packages from, per module (the highest listed).
    let vendored = |path: &str| {
        list.modules
            .iter()
            .filter(|m| m.module.path == path && !m.packages.is_empty())
            .map(|m| m.module.version.as_str())
            .max_by(|a, b| if semver_less(a, b) { std::cmp::Ordering::Less } else { std::cmp::Ordering::Greater })
    };
    let mut errs: Vec<String> = Vec::new();
    for (r, _) in &main.file.require {
        if list.get(&r.path, &r.version).is_some_and(|m| m.explicit) {
            continue;
        }
        if pre114 {
            if let Some(vv) = vendored(&r.path).filter(|vv| *vv != r.version) {
                errs.push(format!(
                    "{}: is explicitly required in go.mod, but vendor/modules.txt indicates {}@{vv}",
                    describe(r),
                    r.path
                ));
            }
        } else {
            errs.push(format!(
                "{}: is explicitly required in go.mod, but not marked as explicit in vendor/modules.txt",
                describe(r)
            ));
        }
    }
    for r in &main.file.replace {
        let old = ModVersion { path: r.old_path.clone(), version: r.old_version.clone().unwrap_or_default() };
        match list.get(&old.path, &old.version).and_then(|m| m.replacement.as_ref()) {
            None => {
                let relaxed = pre114 && (old.version.is_empty() || vendored(&old.path) != Some(old.version.as_str()));
                if !relaxed {
                    errs.push(format!(
                        "{}: is replaced in go.mod, but not marked as replaced in vendor/modules.txt",
                        describe(&old)
                    ));
                }
            }
            Some(vr) if *vr != target(&r.new) => errs.push(format!(
                "{}: is replaced by {} in go.mod, but marked as replaced by {} in vendor/modules.txt",
                describe(&old),
                describe(&target(&r.new)),
                describe(vr)
            )),
            Some(_) => {}
        }
    }
    for m in list.modules.iter().filter(|m| m.explicit && !m.packages.is_empty()) {
        if !main.file.require.iter().any(|(r, _)| *r == m.module) {
            errs.push(format!(
                "{}: is marked as explicit in vendor/modules.txt, but not explicitly required in go.mod",
                describe(&m.module)
            ));
        }
    }
    for m in list.modules.iter() {
        let Some(vr) = &m.replacement else { continue };
        let rep = main
            .file
            .replace
            .iter()
            .rev()
            .find(|r| r.old_path == m.module.path && r.old_version.as_deref().unwrap_or("") == m.module.version);
        let rep = rep.or_else(|| {
            main.file.replace.iter().rev().find(|r| r.old_path == m.module.path && r.old_version.is_none())
        });
        match rep {
            None => errs.push(format!(
                "{}: is marked as replaced in vendor/modules.txt, but not replaced in go.mod",
                describe(&m.module)
            )),
            Some(r) if target(&r.new) != *vr => errs.push(format!(
                "{}: is marked as replaced by {} in vendor/modules.txt, but replaced by {} in go.mod",
                describe(&m.module),
                describe(vr),
                describe(&target(&r.new))
            )),
            Some(_) => {}
        }
    }
    if errs.is_empty() {
        return Ok(());
    }
    let mut msg = format!("g1c: inconsistent vendoring in {}:", main.root.display());
    for e in errs {
        msg.push_str(&format!("\n\t{e}"));
    }
    msg.push_str("\n\n\tTo ignore the vendor directory, use -mod=readonly or -mod=mod.\n\tTo sync the vendor directory, run:\n\t\tgo mod vendor");
    Err(msg)
}

/// A requirement of an excluded version: the go command ignores it, and then go.mod needs updating, which
/// a build (`-mod=readonly`) may not do.
fn excluded_requirements(main: &MainModule) -> Option<String> {
    let mut msg = String::new();
    for (r, _) in &main.file.require {
        if main.file.exclude.contains(r) {
            msg.push_str(&format!("g1c: ignoring requirement on excluded version {} {}\n", r.path, r.version));
        }
    }
    (!msg.is_empty()).then(|| msg + "g1c: updates to go.mod needed; to update it:\n\tgo mod tidy")
}

/// Adds the module versions a `go.sum` file lists with a content hash (`path version h1:...`; the
/// `path version/go.mod h1:...` lines hash only the go.mod file) to `sums`, with their hash. A missing
/// file lists none.
fn read_go_sum(file: &Path, sums: &mut BTreeMap<(String, String), String>) {
    let Ok(text) = fs::read_to_string(file) else { return };
    for line in text.lines() {
        let f: Vec<&str> = line.split_whitespace().collect();
        if let [path, version, hash] = f[..] {
            if !version.ends_with("/go.mod") {
                sums.insert((path.to_string(), version.to_string()), hash.to_string());
            }
        }
    }
}

/// Reads and parses a main module's `go.mod`; `Err` is the go command's message.
fn read_main_module(gomod: &Path) -> Result<MainModule, String> {
    let root = gomod.parent().unwrap_or(Path::new("/")).to_path_buf();
    let text = fs::read_to_string(gomod).map_err(|e| format!("g1c: reading {}: {e}", gomod.display()))?;
    let file = modfile::parse_modfile(&text).map_err(|errs| {
        let mut msg = "g1c: errors parsing go.mod:".to_string();
        for e in errs {
            msg.push_str(&format!("\n{}:{e}", gomod.display()));
        }
        msg
    })?;
    let Some(path) = file.module.clone() else {
        return Err(
            "g1c: no module declaration in go.mod. To specify the module path:\n\tgo mod edit -module=example.com/mod"
                .into(),
        );
    };
    Ok(MainModule { path, root, file })
}

/// The nearest file `name` (`go.mod`, `go.work`) at or above `dir`.
fn find_upward(dir: &Path, name: &str) -> Option<PathBuf> {
    let mut d = Some(dir);
    while let Some(cur) = d {
        let f = cur.join(name);
        if f.is_file() {
            return Some(f);
        }
        d = cur.parent();
    }
    None
}

/// Is a `go.mod` language version newer than the language g1c implements (Go 1.19)?
pub fn newer_than_toolchain(lang: &str) -> bool {
    version_at_least(lang, 20)
}

/// Is the go version `1.N[.M]` at least `1.minor`?
fn version_at_least(v: &str, minor: u32) -> bool {
    let mut parts = v.split('.');
    let major: u32 = parts.next().and_then(|p| p.parse().ok()).unwrap_or(0);
    let m: u32 = parts.next().and_then(|p| p.parse().ok()).unwrap_or(0);
    major > 1 || (major == 1 && m >= minor)
}

/// The module cache's case encoding: each upper-case letter becomes `!` and its lower-case form
/// (`github.com/Azure` → `github.com/!azure`), so that paths differing in case stay distinct on every file
/// system.
pub fn escape_path(p: &str) -> String {
    let mut out = String::new();
    for c in p.chars() {
        if c.is_ascii_uppercase() {
            out.push('!');
            out.push(c.to_ascii_lowercase());
        } else {
            out.push(c);
        }
    }
    out
}

/// Is `path` inside module path `module` (equal, or below it)?
fn in_module(path: &str, module: &str) -> bool {
    path == module || (path.starts_with(module) && path.as_bytes().get(module.len()) == Some(&b'/'))
}

/// `path` with the module prefix `module` removed (`""` for the module's root package).
fn below<'a>(path: &'a str, module: &str) -> &'a str {
    path[module.len()..].trim_start_matches('/')
}

/// A required module's source: its root directory, how tracebacks name it, and what to say when it is
/// not available.
#[derive(Clone, Debug)]
struct ModSource {
    module: String,
    root: PathBuf,
    trace: String,
    missing: Option<String>,
    /// The module version read from the module cache (`None` for a directory replacement): go.sum must
    /// list it.
    download: Option<ModVersion>,
    /// The `go` directive of the module's own `go.mod`.
    lang: Option<String>,
    /// The module as build information lists it.
    info: ModuleInfo,
}

impl Modules {
    /// The main module's `go` version (the workspace's in workspace mode), for the checker's language
    /// version.
    pub fn go_version(&self) -> Option<&str> {
        match &self.workspace {
            Some((_, w)) => Some(w.go.as_deref().unwrap_or("1.18")),
            None => self.mains.first().map(|m| m.go_version()),
        }
    }

    /// The single main module (not in workspace mode), if any.
    pub fn main(&self) -> Option<&MainModule> {
        self.mains.first().filter(|_| self.workspace.is_none())
    }

    /// The `replace` directive for module `req`: the workspace's win over the main modules'.
    fn replacement(&self, req: &ModVersion) -> Option<(&modfile::Replace, &Path)> {
        let matches =
            |r: &&modfile::Replace| r.old_path == req.path && r.old_version.as_ref().is_none_or(|v| *v == req.version);
        if let Some((work, w)) = &self.workspace {
            if let Some(r) = w.replace.iter().rev().find(matches) {
                return Some((r, work.parent().unwrap_or(Path::new("/"))));
            }
        }
        self.mains.iter().find_map(|m| m.file.replace.iter().rev().find(matches).map(|r| (r, m.root.as_path())))
    }

    /// Module version `mv` as build information lists it, with go.sum's hash when go.sum has one.
    fn module_info(&self, mv: &ModVersion) -> ModuleInfo {
        let sum = self.sums.get(&(mv.path.clone(), mv.version.clone())).cloned().unwrap_or_default();
        ModuleInfo { path: mv.path.clone(), version: mv.version.clone(), sum, replace: None }
    }

    /// The source of required module `req` after `replace` directives.
    fn source(&self, req: &ModVersion) -> ModSource {
        let cached = |mv: &ModVersion| {
            let root = self.modcache.join(format!("{}@{}", escape_path(&mv.path), escape_path(&mv.version)));
            let missing = (!root.is_dir()).then(|| {
                format!(
                    "{}@{}: module not in the module cache (g1c does not download modules); to add it:\n\tgo mod download {}",
                    mv.path, mv.version, mv.path
                )
            });
            (root, missing)
        };
        match self.replacement(req) {
            Some((modfile::Replace { new: ReplaceTarget::Dir(d), .. }, base)) => {
                let root = super::normalize(&base.join(d));
                let missing = if !root.is_dir() {
                    Some(format!("{}@{}: replacement directory {d} does not exist", req.path, req.version))
                } else if !root.join("go.mod").is_file() {
                    Some(format!(
                        "{}@{} (replaced by {d}): reading {d}/go.mod: open {}: no such file or directory",
                        req.path,
                        req.version,
                        root.join("go.mod").display()
                    ))
                } else {
                    None
                };
                let lang = module_go_version(&root);
                let info = ModuleInfo { replace: Some(Box::new(ModuleInfo::directory(d))), ..self.module_info(req) };
                ModSource {
                    module: req.path.clone(),
                    root,
                    trace: req.path.clone(),
                    missing,
                    download: None,
                    lang,
                    info,
                }
            }
            Some((modfile::Replace { new: ReplaceTarget::Module(mv), .. }, _)) => {
                let (root, missing) = cached(mv);
                let lang = module_go_version(&root);
                ModSource {
                    module: req.path.clone(),
                    root,
                    trace: format!("{}@{}", mv.path, mv.version),
                    missing,
                    download: Some(mv.clone()),
                    lang,
                    info: ModuleInfo { replace: Some(Box::new(self.module_info(mv))), ..self.module_info(req) },
                }
            }
            None => {
                let (root, missing) = cached(req);
                let lang = module_go_version(&root);
                ModSource {
                    module: req.path.clone(),
                    root,
                    trace: format!("{}@{}", req.path, req.version),
                    missing,
                    download: Some(req.clone()),
                    lang,
                    info: self.module_info(req),
                }
            }
        }
    }

    /// The main modules' requirements with their sources (the highest version of a module required twice;
    /// never a main module itself). Computed once, at setup, into `sources`: finding a source reads its
    /// `go.mod`.
    fn requirements(&self) -> Vec<ModSource> {
        let mut reqs: Vec<&ModVersion> = Vec::new();
        for (r, _) in self.mains.iter().flat_map(|m| &m.file.require) {
            if self.mains.iter().any(|m| m.path == r.path) {
                continue;
            }
            match reqs.iter_mut().find(|q| q.path == r.path) {
                Some(q) if semver_less(&q.version, &r.version) => *q = r,
                Some(_) => {}
                None => reqs.push(r),
            }
        }
        reqs.into_iter().map(|r| self.source(r)).collect()
    }

    /// The main module whose path is the longest prefix of import path `path`.
    pub fn main_of(&self, path: &str) -> Option<&MainModule> {
        self.mains.iter().filter(|m| in_module(path, &m.path)).max_by_key(|m| m.path.len())
    }

    /// The directory of package `path` imported by package `importer` (see the module rules), or the go
    /// command's message.
    pub fn resolve(&self, goroot: &Path, path: &str, importer: Option<&str>) -> Result<Found, String> {
        let std_like = !path.split('/').next().unwrap_or("").contains('.');
        let std_dir = goroot.join("src").join(path);
        if std_like && std_dir.is_dir() {
            return Ok(Found { dir: std_dir, trace: path.to_string(), lang: None, module: None });
        }
        if self.mains.is_empty() && self.workspace.is_none() {
            return Err(if std_like {
                format!("package {path} is not in GOROOT ({})", std_dir.display())
            } else {
                format!("cannot find module providing package {path}: working directory is not part of a module")
            });
        }
        // In a workspace the advice names the importing package's module, where `go get` must run.
        let no_module = || {
            let cd = importer.and_then(|i| self.main_of(i)).filter(|_| self.workspace.is_some());
            match cd {
                Some(m) => format!(
                    "no required module provides package {path}; to add it:\n\tcd {}\n\tgo get {path}",
                    m.root.display()
                ),
                None => format!("no required module provides package {path}; to add it:\n\tgo get {path}"),
            }
        };
        if let Some(main) = self.main_of(path) {
            let dir = main.root.join(below(path, &main.path));
            if nested_module(&main.root, &dir).is_some() {
                return Err(format!("main module ({}) does not contain package {path}", main.path));
            }
            if dir.is_dir() {
                let lang = Some(main.go_version().to_string());
                return Ok(Found { dir, trace: path.to_string(), lang, module: Some(main.module_info()) });
            }
            return Err(match &self.vendor {
                Some(_) => format!("cannot find package \".\" in:\n\t{}", dir.display()),
                None => no_module(),
            });
        }
        if let (Some(list), Some(main)) = (&self.vendor, self.mains.first()) {
            let dir = main.root.join("vendor").join(path);
            if dir.is_dir() {
                let vm = list.module_of(path);
                let lang = vm.and_then(|m| m.go.clone());
                // modules.txt records no hashes; a replacement without a version is a directory.
                let module = vm.map(|m| ModuleInfo {
                    path: m.module.path.clone(),
                    version: m.module.version.clone(),
                    sum: String::new(),
                    replace: m.replacement.as_ref().map(|r| {
                        Box::new(match r.version.is_empty() {
                            true => ModuleInfo::directory(&r.path),
                            false => ModuleInfo {
                                path: r.path.clone(),
                                version: r.version.clone(),
                                sum: String::new(),
                                replace: None,
                            },
                        })
                    }),
                });
                return Ok(Found { dir, trace: path.to_string(), lang, module });
            }
            return Err(format!("cannot find package \".\" in:\n\t{}", dir.display()));
        }
        let mut best: Option<ModSource> = None;
        for src in self.sources.iter().cloned() {
            if in_module(path, &src.module) && best.as_ref().is_none_or(|b| src.module.len() > b.module.len()) {
                // A module whose source is present but lacks the package does not provide it.
                let has = src.missing.is_some() || src.root.join(below(path, &src.module)).is_dir();
                if has {
                    best = Some(src);
                }
            }
        }
        match best {
            Some(src) => match src.missing {
                // go.sum is checked before the module is looked for.
                _ if src.download.as_ref().is_some_and(|d| !self.sums.contains_key(&(d.path.clone(), d.version.clone()))) => {
                    Err(match importer.filter(|i| *i != "command-line-arguments") {
                        Some(i) => format!(
                            "missing go.sum entry for module providing package {path} (imported by {i}); to add:\n\tgo get {i}"
                        ),
                        None => format!(
                            "missing go.sum entry for module providing package {path}; to add:\n\tgo mod download {}",
                            src.module
                        ),
                    })
                }
                Some(msg) => Err(msg),
                None => {
                    let sub = below(path, &src.module);
                    let trace = if sub.is_empty() { src.trace } else { format!("{}/{sub}", src.trace) };
                    Ok(Found { dir: src.root.join(sub), trace, lang: src.lang, module: Some(src.info) })
                }
            },
            None if std_like => Err(format!("package {path} is not in GOROOT ({})", std_dir.display())),
            None => Err(no_module()),
        }
    }

    /// The import path of the package in directory `dir` (absolute, normalized): inside a main module (not
    /// below a nested module or `vendor`) or inside a required module's available source. `shown` is the
    /// directory as the command line named it.
    pub fn dir_to_path(&self, dir: &Path, shown: &str) -> Result<String, String> {
        let outside = || match &self.workspace {
            Some(_) => format!("directory {shown} outside modules listed in go.work or their selected dependencies"),
            None => format!("directory {shown} outside main module or its selected dependencies"),
        };
        if self.mains.is_empty() && self.workspace.is_none() {
            return Err(
                "g1c: go.mod file not found in current directory or any parent directory; see 'go help modules'".into(),
            );
        }
        // The innermost main module holding the directory.
        let main = self.mains.iter().filter(|m| dir.starts_with(&m.root)).max_by_key(|m| m.root.as_os_str().len());
        if let Some(main) = main {
            let rel = dir.strip_prefix(&main.root).map(|r| r.to_string_lossy().into_owned()).unwrap_or_default();
            // In vendor mode a vendored directory is the package it holds a copy of.
            if let Some(vendored) = rel.strip_prefix("vendor/").filter(|_| self.vendor.is_some()) {
                return Ok(vendored.to_string());
            }
            let path = main.import_path(&rel);
            if nested_module(&main.root, dir).is_some() {
                return Err(format!("main module ({}) does not contain package {path}", main.path));
            }
            return Ok(path);
        }
        if self.vendor.is_none() {
            for src in &self.sources {
                if src.missing.is_none() {
                    if let Ok(rel) = dir.strip_prefix(&src.root) {
                        let rel = rel.to_string_lossy();
                        return Ok(if rel.is_empty() { src.module.clone() } else { format!("{}/{rel}", src.module) });
                    }
                }
            }
        }
        Err(outside())
    }

    /// Is directory `dir` (absolute, normalized) inside a main module or an available required module?
    pub fn in_some_module(&self, dir: &Path) -> bool {
        self.mains.iter().any(|m| dir.starts_with(&m.root))
            || (self.vendor.is_none() && self.sources.iter().any(|s| s.missing.is_none() && dir.starts_with(&s.root)))
    }

    /// The message for a `./...`-style pattern whose fixed directory `shown` is in no module.
    pub fn prefix_outside(&self, pattern: &str, shown: &str) -> String {
        match &self.workspace {
            Some(_) => format!(
                "pattern {pattern}: directory prefix {shown} does not contain modules listed in go.work or their selected dependencies"
            ),
            None => format!(
                "pattern {pattern}: directory prefix {shown} does not contain main module or its selected dependencies"
            ),
        }
    }

    /// Module roots a `...` import-path pattern walks: the main modules, then every available requirement
    /// (or the vendor tree), each as (module path, root directory, traceback prefix).
    pub fn pattern_roots(&self) -> Vec<(String, PathBuf, String)> {
        // (`std` is walked as the standard library already.)
        let mut out: Vec<(String, PathBuf, String)> = self
            .mains
            .iter()
            .filter(|m| m.path != "std")
            .map(|m| (m.path.clone(), m.root.clone(), m.path.clone()))
            .collect();
        match (&self.vendor, self.mains.first()) {
            (Some(list), Some(main)) => {
                for m in &list.modules {
                    let root = main.root.join("vendor").join(&m.module.path);
                    if root.is_dir() {
                        out.push((m.module.path.clone(), root, m.module.path.clone()));
                    }
                }
            }
            _ => {
                for src in self.sources.iter().cloned() {
                    if src.missing.is_none() {
                        out.push((src.module, src.root, src.trace));
                    }
                }
            }
        }
        out
    }

    /// Where package `path` of a directory found by a pattern is: as [`Modules::resolve`] says, or (a
    /// directory that resolution would not reach) the directory itself, named by its import path.
    pub fn found_of(&self, path: &str, dir: &Path, goroot: &Path) -> Found {
        self.resolve(goroot, path, None).unwrap_or_else(|_| Found {
            dir: dir.to_path_buf(),
            trace: path.to_string(),
            lang: None,
            module: None,
        })
    }
}

/// The `go` directive of the `go.mod` in module root `root` (`1.16` when it has none, as the go command
/// assumes); `None` without a readable, valid `go.mod`.
fn module_go_version(root: &Path) -> Option<String> {
    let text = fs::read_to_string(root.join("go.mod")).ok()?;
    let mf = modfile::parse_modfile(&text).ok()?;
    Some(mf.go.unwrap_or_else(|| "1.16".into()))
}

/// The directory below `root` (exclusive) up to `dir` (inclusive) that holds its own `go.mod`, if any:
/// `dir` then belongs to that nested module, not to the one at `root`.
pub fn nested_module(root: &Path, dir: &Path) -> Option<PathBuf> {
    let rel = dir.strip_prefix(root).ok()?;
    let mut cur = root.to_path_buf();
    for c in rel.components() {
        cur.push(c);
        if cur.join("go.mod").is_file() {
            return Some(cur);
        }
    }
    None
}

/// Semantic version order on the numeric core (`v1.2.10` after `v1.2.9`); a pre-release sorts before its
/// release.
fn semver_less(a: &str, b: &str) -> bool {
    fn key(v: &str) -> (Vec<u64>, bool, String) {
        let v = v.trim_start_matches('v');
        let v = v.split('+').next().unwrap_or("");
        let (core, pre) = match v.split_once('-') {
            Some((c, p)) => (c, Some(p)),
            None => (v, None),
        };
        let nums = core.split('.').map(|n| n.parse().unwrap_or(0)).collect();
        (nums, pre.is_none(), pre.unwrap_or("").to_string())
    }
    key(a) < key(b)
}
