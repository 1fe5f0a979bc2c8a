//! Module mode: where an import path's directory is when the build runs inside a module (a tree with a
//! `go.mod`), as the go command 1.19 decides it.
//!
//! In: the environment (GO111MODULE, GOFLAGS' `-mod=`, GOMODCACHE, GOPATH), the `-mod=` flag, the current
//! directory. Out: a [`Modules`] value that resolves import paths ([`Modules::resolve`]) and directories
//! ([`Modules::dir_to_path`]) for the loader, or the setup errors the go command would print
//! (`errors parsing go.mod`, `-mod=foo not supported`).
//!
//! Rules (`cmd/go/internal/modload`, without network access — g1c never downloads a module):
//! - The main module is the nearest `go.mod` at or above the current directory. GO111MODULE=off means GOPATH
//!   mode; `on` means module mode even without a `go.mod` (then only the standard library and files named on
//!   the command line can be built); unset or `auto` means module mode exactly when a `go.mod` is found.
//! - A path whose first element has no dot is the standard library's when `$GOROOT/src/<path>` exists.
//!   A path inside the main module's path is a directory of the main module (not below a nested `go.mod`).
//! - With `-mod=vendor` (the default when the main module says `go 1.14` or later and has a `vendor`
//!   directory) every other path is `vendor/<path>` of the main module.
//! - Otherwise the path belongs to the required module with the longest matching module path (only the main
//!   `go.mod`'s requirements are read: since go 1.17 it lists every module that provides a package). A
//!   `replace` redirects a module to a directory (relative to the main module) or to another module version;
//!   a module version's source is `$GOMODCACHE/<escaped path>@<version>` when it is already unpacked there.
//! - Relative import paths are an error in module mode.
//!
//! Invariants: resolution reads the file system only (directory existence); its answers do not depend on
//! the order of earlier questions; messages are worded as the go command's.

use std::fs;
use std::path::{Path, PathBuf};
use std::sync::OnceLock;

use super::modfile::{self, ModFile, ModVersion, ReplaceTarget, VendorList};

/// The `-mod=` build flag from the command line (it wins over GOFLAGS), set once by the CLI.
static MOD_FLAG: OnceLock<String> = OnceLock::new();

/// Records the command line's `-mod=` value (`mod`, `readonly` or `vendor`).
pub fn set_mod_flag(value: &str) {
    let _ = MOD_FLAG.set(value.to_string());
}

/// The main module: its path, its root directory and its parsed `go.mod`.
#[derive(Clone, Debug)]
pub struct MainModule {
    pub path: String,
    /// The directory holding `go.mod` (absolute, normalized).
    pub root: PathBuf,
    pub file: ModFile,
}

impl MainModule {
    /// The `go` directive's language version (`1.16` when absent, as the go command assumes).
    pub fn go_version(&self) -> &str {
        self.file.go.as_deref().unwrap_or("1.16")
    }
}

/// Module-mode state.
#[derive(Clone, Debug)]
pub struct Modules {
    /// `None` when module mode is on but no `go.mod` was found.
    pub main: Option<MainModule>,
    /// `$GOMODCACHE`, by default `$GOPATH/pkg/mod` of the first GOPATH entry.
    pub modcache: PathBuf,
    /// `Some` in vendor mode (`-mod=vendor`): the contents of `vendor/modules.txt` (empty when absent).
    pub vendor: Option<VendorList>,
    /// Errors found while setting up (reading go.mod, flags); nothing is loaded when there are any.
    pub errors: Vec<String>,
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
}

/// Which mode the environment asks for, from the current directory: `None` for GOPATH mode.
pub fn from_env(gopath: &[PathBuf]) -> Option<Modules> {
    from_env_at(&std::env::current_dir().ok()?, gopath)
}

/// Which mode the environment asks for when the go command runs in directory `cwd`.
pub fn from_env_at(cwd: &Path, gopath: &[PathBuf]) -> Option<Modules> {
    let var = |k: &str| std::env::var(k).ok().filter(|v| !v.is_empty());
    let gomod = find_go_mod(cwd);
    match var("GO111MODULE").as_deref() {
        Some("off") => return None,
        Some("on") => {}
        _ if gomod.is_none() => return None,
        _ => {}
    }
    let modcache = var("GOMODCACHE")
        .map(PathBuf::from)
        .or_else(|| gopath.first().map(|g| g.join("pkg/mod")))
        .unwrap_or_else(|| PathBuf::from("pkg/mod"));
    let mut m = Modules { main: None, modcache, vendor: None, errors: Vec::new() };
    let Some(gomod) = gomod else { return Some(m) };
    let root = gomod.parent().unwrap_or(Path::new("/")).to_path_buf();
    let text = match fs::read_to_string(&gomod) {
        Ok(t) => t,
        Err(e) => {
            m.errors.push(format!("g1c: reading {}: {e}", gomod.display()));
            return Some(m);
        }
    };
    let file = match modfile::parse_modfile(&text) {
        Ok(f) => f,
        Err(errs) => {
            let mut msg = "g1c: errors parsing go.mod:".to_string();
            for e in errs {
                msg.push_str(&format!("\n{}:{e}", gomod.display()));
            }
            m.errors.push(msg);
            return Some(m);
        }
    };
    let Some(path) = file.module.clone() else {
        m.errors.push(
            "g1c: no module declaration in go.mod. To specify the module path:\n\tgo mod edit -module=example.com/mod"
                .into(),
        );
        return Some(m);
    };
    let main = MainModule { path, root, file };
    // -mod: the command line, else GOFLAGS, else vendor when the module asks for go 1.14+ and has vendor/.
    let flag = MOD_FLAG.get().cloned().or_else(|| {
        var("GOFLAGS")?.split_whitespace().find_map(|f| f.strip_prefix("-mod=").map(str::to_string))
    });
    let vendor_dir = main.root.join("vendor");
    let use_vendor = match flag.as_deref() {
        Some("vendor") => true,
        Some("mod") | Some("readonly") => false,
        Some("") | None => vendor_dir.is_dir() && version_at_least(main.go_version(), 14),
        Some(other) => {
            m.errors.push(format!("g1c: -mod={other} not supported (can be '', 'mod', 'readonly', or 'vendor')"));
            false
        }
    };
    if use_vendor {
        let txt = fs::read_to_string(vendor_dir.join("modules.txt")).unwrap_or_default();
        m.vendor = Some(modfile::parse_modules_txt(&txt));
    }
    m.main = Some(main);
    Some(m)
}

/// The nearest `go.mod` at or above `dir`.
fn find_go_mod(dir: &Path) -> Option<PathBuf> {
    let mut d = Some(dir);
    while let Some(cur) = d {
        let f = cur.join("go.mod");
        if f.is_file() {
            return Some(f);
        }
        d = cur.parent();
    }
    None
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
struct ModSource {
    module: String,
    root: PathBuf,
    trace: String,
    missing: Option<String>,
    /// The `go` directive of the module's own `go.mod`.
    lang: Option<String>,
}

impl Modules {
    /// The main module's `go` version, for the checker's language version.
    pub fn go_version(&self) -> Option<&str> {
        self.main.as_ref().map(|m| m.go_version())
    }

    /// The source of required module `req` after `replace` directives.
    fn source(&self, main: &MainModule, req: &ModVersion) -> ModSource {
        let rep = main
            .file
            .replace
            .iter()
            .rev()
            .find(|r| r.old_path == req.path && r.old_version.as_ref().is_none_or(|v| *v == req.version));
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
        match rep.map(|r| &r.new) {
            Some(ReplaceTarget::Dir(d)) => {
                let root = super::normalize(&main.root.join(d));
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
                ModSource { module: req.path.clone(), root, trace: req.path.clone(), missing, lang }
            }
            Some(ReplaceTarget::Module(mv)) => {
                let (root, missing) = cached(mv);
                let lang = module_go_version(&root);
                ModSource { module: req.path.clone(), root, trace: format!("{}@{}", mv.path, mv.version), missing, lang }
            }
            None => {
                let (root, missing) = cached(req);
                let lang = module_go_version(&root);
                ModSource { module: req.path.clone(), root, trace: format!("{}@{}", req.path, req.version), missing, lang }
            }
        }
    }

    /// The main module's requirements with their sources (the highest version of a module required twice).
    fn requirements(&self, main: &MainModule) -> Vec<ModSource> {
        let mut reqs: Vec<&ModVersion> = Vec::new();
        for (r, _) in &main.file.require {
            match reqs.iter_mut().find(|q| q.path == r.path) {
                Some(q) if semver_less(&q.version, &r.version) => *q = r,
                Some(_) => {}
                None => reqs.push(r),
            }
        }
        reqs.into_iter().map(|r| self.source(main, r)).collect()
    }

    /// The directory of package `path` (see the module rules), or the go command's message.
    pub fn resolve(&self, goroot: &Path, path: &str) -> Result<Found, String> {
        let std_like = !path.split('/').next().unwrap_or("").contains('.');
        let std_dir = goroot.join("src").join(path);
        if std_like && std_dir.is_dir() {
            return Ok(Found { dir: std_dir, trace: path.to_string(), lang: None });
        }
        let Some(main) = &self.main else {
            return Err(if std_like {
                format!("package {path} is not in GOROOT ({})", std_dir.display())
            } else {
                format!("cannot find module providing package {path}: working directory is not part of a module")
            });
        };
        if in_module(path, &main.path) {
            let dir = main.root.join(below(path, &main.path));
            if let Some(nested) = nested_module(&main.root, &dir) {
                let _ = nested;
                return Err(format!("main module ({}) does not contain package {path}", main.path));
            }
            if dir.is_dir() {
                return Ok(Found { dir, trace: path.to_string(), lang: Some(main.go_version().to_string()) });
            }
            return Err(match &self.vendor {
                Some(_) => format!("cannot find package \".\" in:\n\t{}", dir.display()),
                None => no_module_provides(path),
            });
        }
        if self.vendor.is_some() {
            let dir = main.root.join("vendor").join(path);
            if dir.is_dir() {
                let lang = self.vendor.as_ref().and_then(|v| v.module_of(path)).and_then(|m| m.go.clone());
                return Ok(Found { dir, trace: path.to_string(), lang });
            }
            return Err(format!("cannot find package \".\" in:\n\t{}", dir.display()));
        }
        let mut best: Option<ModSource> = None;
        for src in self.requirements(main) {
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
                Some(msg) => Err(msg),
                None => {
                    let sub = below(path, &src.module);
                    let trace = if sub.is_empty() { src.trace } else { format!("{}/{sub}", src.trace) };
                    Ok(Found { dir: src.root.join(sub), trace, lang: src.lang })
                }
            },
            None if std_like => Err(format!("package {path} is not in GOROOT ({})", std_dir.display())),
            None => Err(no_module_provides(path)),
        }
    }

    /// The import path of the package in directory `dir` (absolute, normalized): inside the main module
    /// (not below a nested module or `vendor`) or inside a required module's available source.
    pub fn dir_to_path(&self, dir: &Path, shown: &str) -> Result<String, String> {
        let outside = || format!("directory {shown} outside main module or its selected dependencies");
        let Some(main) = &self.main else {
            return Err("g1c: go.mod file not found in current directory or any parent directory; see 'go help modules'"
                .into());
        };
        if let Ok(rel) = dir.strip_prefix(&main.root) {
            let rel = rel.to_string_lossy();
            // In vendor mode a vendored directory is the package it holds a copy of.
            if let Some(vendored) = rel.strip_prefix("vendor/").filter(|_| self.vendor.is_some()) {
                return Ok(vendored.to_string());
            }
            let path = if rel.is_empty() { main.path.clone() } else { format!("{}/{rel}", main.path) };
            if nested_module(&main.root, dir).is_some() {
                return Err(format!("main module ({}) does not contain package {path}", main.path));
            }
            return Ok(path);
        }
        if self.vendor.is_none() {
            for src in self.requirements(main) {
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

    /// Module roots a `...` import-path pattern walks: the main module, then every available requirement
    /// (or the vendor tree), each as (module path, root directory, traceback prefix).
    pub fn pattern_roots(&self) -> Vec<(String, PathBuf, String)> {
        let Some(main) = &self.main else { return Vec::new() };
        let mut out = vec![(main.path.clone(), main.root.clone(), main.path.clone())];
        match &self.vendor {
            Some(list) => {
                for m in &list.modules {
                    let root = main.root.join("vendor").join(&m.module.path);
                    if root.is_dir() {
                        out.push((m.module.path.clone(), root, m.module.path.clone()));
                    }
                }
            }
            None => {
                for src in self.requirements(main) {
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
        self.resolve(goroot, path).unwrap_or_else(|_| Found { dir: dir.to_path_buf(), trace: path.to_string(), lang: None })
    }
}

/// The `go` directive of the `go.mod` in module root `root` (`1.16` when it has none, as the go command
/// assumes); `None` without a readable, valid `go.mod`.
fn module_go_version(root: &Path) -> Option<String> {
    let text = fs::read_to_string(root.join("go.mod")).ok()?;
    let mf = modfile::parse_modfile(&text).ok()?;
    Some(mf.go.unwrap_or_else(|| "1.16".into()))
}

/// The go command's message for an import no module provides.
fn no_module_provides(path: &str) -> String {
    format!("no required module provides package {path}; to add it:\n\tgo get {path}")
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
