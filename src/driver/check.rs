//! `g1c check`: load packages (or files) and type-check them, reporting errors as gc does.
//!
//! In: patterns (`fmt`, `net/...`, `std`, `cmd`, directories) or `.go` files, `-e` (all errors), `-v` (a
//! line per package and a summary). Out: errors on stderr, exit 0 when clean, 1 otherwise.
//!
//! Output: loader errors first (missing packages, import cycles; nothing is checked then), else syntax errors,
//! else each package's type errors under a `# path` header as `go build` prints them (no header for the
//! package of named files), sorted by position, at most 10 per package and then `too many errors` unless `-e`. A package
//! that imports a failed package is not reported (go build and go vet never compile it).

use std::collections::BTreeSet;

use super::{catch_ice, parse_errors_by_package, print_report, BuildSettings, Reported, MAX_ERRORS};
use crate::load;
use crate::target::Target;
use crate::types::check::{check_errors_only, GoVersion, PackageSrc};

/// Reads the `-lang=go1.N` flag of `g1c build`, `run` and `check` (gc's `-lang`); the error is gc's
/// (`invalid value "x" for -lang: ...`).
pub fn parse_lang_flag(s: &str) -> Result<GoVersion, String> {
    let v = GoVersion::parse_flag(s).map_err(|e| format!("invalid value {s:?} for -lang: {e}"))?;
    if v > (GoVersion { major: 1, minor: 19 }) {
        return Err(format!("invalid value {s:?} for -lang: max known version is \"go1.19\""));
    }
    Ok(v)
}

/// The language version package `p` is checked with: the `-lang` flag for the packages named on the command
/// line (as `go build -gcflags=-lang=...` applies to them), else its module's `go` line, else no limit.
pub fn package_lang(p: &load::Package, lang_flag: Option<GoVersion>) -> Option<GoVersion> {
    match lang_flag {
        Some(v) if p.root => Some(v),
        _ => p.lang.as_deref().and_then(GoVersion::parse_number),
    }
}

pub fn check(settings: &BuildSettings, patterns: &[String], all_errors: bool, verbose: bool) -> i32 {
    let cfg = load::Config::from_env(&settings.load);
    let lang = settings.load.lang;
    let patterns = patterns.to_vec();
    let limit = if all_errors { usize::MAX } else { MAX_ERRORS };
    // Parsing and checking recurse on nesting depth: run them on a big stack.
    let handle =
        std::thread::Builder::new().stack_size(512 << 20).spawn(move || run(&cfg, lang, &patterns, limit, verbose));
    match handle.map(|h| h.join()) {
        Ok(Ok(code)) => code,
        _ => {
            eprintln!("internal compiler error: compiler thread failed");
            1
        }
    }
}

fn run(cfg: &load::Config, lang: Option<GoVersion>, patterns: &[String], limit: usize, verbose: bool) -> i32 {
    let files_named = patterns.iter().all(|p| p.ends_with(".go"));
    let target = match Target::from_goos_goarch(&cfg.ctx.goos, &cfg.ctx.goarch) {
        Ok(t) => t,
        Err(e) => {
            eprintln!("{e}");
            return 1;
        }
    };
    let loaded = load::load(cfg, patterns);
    if !loaded.errors.is_empty() {
        for e in &loaded.errors {
            eprintln!("{e}");
        }
        return 1;
    }
    let mut soft = parse_errors_by_package(&loaded);
    if !loaded.syntax_errors.is_empty() && soft.is_none() {
        print_report(&loaded.fset, &loaded.syntax_errors, limit);
        return 1;
    }
    if std::env::var_os("G1C_STATS").is_some() {
        let status = std::fs::read_to_string("/proc/self/status").unwrap_or_default();
        for l in status.lines().filter(|l| l.starts_with("VmHWM") || l.starts_with("VmRSS")) {
            eprintln!("stats: after loading: {l}");
        }
    }
    let sizes = target.sizes;
    let srcs: Vec<PackageSrc> = loaded
        .packages
        .iter()
        .map(|p| PackageSrc {
            path: &p.path,
            files: &p.files,
            imports: &p.imports,
            bad_imports: &p.bad_imports,
            lang: package_lang(p, lang),
        })
        .collect();
    std::panic::set_hook(Box::new(|_| {}));
    let result = catch_ice(&loaded.fset, || check_errors_only(&loaded.fset, &loaded.ast, &srcs, sizes));
    let errs = match result {
        Ok((prog, errs)) => {
            // The process ends soon: freeing millions of table entries one by one would only cost time.
            if std::env::var_os("G1C_STATS").is_some() {
                let status = std::fs::read_to_string("/proc/self/status").unwrap_or_default();
                for l in status.lines().filter(|l| l.starts_with("VmHWM") || l.starts_with("VmRSS")) {
                    eprintln!("stats: after checking: {l}");
                }
                eprintln!(
                    "stats: {} exprs ({} B each), {} stmts ({} B), types {} ({} B/entry), defs {}, uses {}, objs {} ({} B), type table {}, src {} B",
                    loaded.ast.exprs.len(),
                    std::mem::size_of::<crate::syntax::ast::Expr>(),
                    loaded.ast.stmts.len(),
                    std::mem::size_of::<crate::syntax::ast::Stmt>(),
                    prog.info.types.len(),
                    std::mem::size_of::<(crate::syntax::ast::ExprId, crate::types::TypeAndValue)>(),
                    prog.info.defs.len(),
                    prog.info.uses.len(),
                    prog.objs.objs.len(),
                    std::mem::size_of::<crate::types::Object>(),
                    prog.types.len(),
                    loaded.fset.files().map(|(_, f)| f.src.len()).sum::<usize>(),
                );
            }
            std::mem::forget(prog);
            errs
        }
        Err(Reported) => return 1,
    };
    let mut failed = BTreeSet::new();
    for (i, (pkg, mut errs)) in loaded.packages.iter().zip(errs).enumerate() {
        // Like go build and go vet: a package whose dependency failed is not reported (its errors are
        // mostly echoes of the dependency's).
        if pkg.imports.values().any(|d| failed.contains(d)) {
            failed.insert(i);
            if verbose {
                eprintln!("skip {} (a dependency failed)", pkg.path);
            }
            continue;
        }
        if let Some(soft) = soft.as_mut() {
            errs.splice(0..0, std::mem::take(&mut soft[i]));
        }
        if errs.is_empty() {
            if verbose {
                eprintln!("ok   {}", pkg.path);
            }
            continue;
        }
        failed.insert(i);
        let n = errs.len();
        // The named files' own package has no header (gc's output for a file list); their imports do.
        if !files_named || pkg.path != "command-line-arguments" {
            eprintln!("# {}", pkg.path);
        }
        print_report(&loaded.fset, &errs, limit);
        // Like go build: errors may come from language features newer than the compiler's.
        if let Some(lang) = pkg.lang.as_deref().filter(|l| load::modload::newer_than_toolchain(l)) {
            eprintln!("note: module requires Go {lang}");
        }
        if verbose {
            eprintln!("FAIL {} ({n} errors)", pkg.path);
        }
    }
    if verbose {
        eprintln!(
            "g1c check: {} packages, {} clean, {} with errors",
            loaded.packages.len(),
            loaded.packages.len() - failed.len(),
            failed.len()
        );
    }
    std::mem::forget(loaded);
    i32::from(!failed.is_empty())
}
