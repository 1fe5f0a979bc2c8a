//! The driver: runs the phases in order for `build`, `run`, `dump`, `check` (in `driver/check.rs`) and
//! `test` (in `driver/test.rs`).
//!
//! In: file names or one package pattern from the command line. Out: diagnostics on stderr as `go build`
//! prints them (a `# import/path` header per failing package, then gc's `file:line:col: message`, at most 10
//! then `too many errors` unless `-e`), an executable, or a phase dump on stdout.
//!
//! `build` and `run` load packages through `load` like `g1c check`: the named files (or directory) form the
//! root package, everything it imports is loaded from GOROOT/GOPATH and checked from source, each package
//! once in dependency order. The back end then compiles all of them into one module (`ir::lower::
//! lower_program`, packages in gc's initialization order, see `init_order`) and links it. The packages it
//! cannot compile yet (DESIGN §7: the runtime-coupled standard library, see `backend_ready`) end the build
//! with a clear "not supported yet" error at the root package's first import that leads to one.
//!
//! Invariants: the pipeline runs on a thread with a large stack, and a Rust panic anywhere in it is reported
//! as `internal compiler error` at the position the phases last recorded (`pos::set_current`), exit 1.
//! The output path is replaced (write to a temporary file beside it, then rename) only when it is a regular
//! file or does not exist; anything else (a device such as /dev/null) is never deleted or renamed.

use std::collections::{BTreeMap, HashMap, HashSet};
use std::fs;
use std::io::Write;
use std::path::{Path, PathBuf};
use std::sync::Arc;

use crate::codegen;
use crate::dump;
use crate::goasm;
use crate::ir;
use crate::link;
use crate::load;
use crate::opt;
use crate::rtbuild;
use crate::syntax::ast::Ast;
use crate::syntax::parser;
use crate::syntax::pos::{self, Error, FileId, FileSet};
use crate::target::Target;
use crate::types;
use crate::types::check::PackageSrc;

pub(crate) mod check;
mod learn;
pub(crate) mod test;
pub(crate) mod test2json;
mod timing;
pub use check::check as check_packages;
pub use learn::opt_file;
pub use test::{list, test, TestOptions};

/// A build's settings, made once by the command line (`cli`, or the go face) and passed down by value:
/// nothing in the phases reads a setting from anywhere else.
#[derive(Clone, Debug)]
pub struct BuildSettings {
    /// The loader's: `-mod`, `-tags`, `-D`.
    pub load: load::Flags,
    /// The optimizer is on (off with `-gcflags=-N`).
    pub optimize: bool,
    /// `-gcflags=-m`: print the escape analysis's facts about the named package (`report_escapes`).
    pub report_escapes: bool,
    /// `-trimpath`: the executable records no GOROOT (see `default_goroot`).
    pub trimpath: bool,
}

impl Default for BuildSettings {
    fn default() -> BuildSettings {
        BuildSettings { load: load::Flags::default(), optimize: true, report_escapes: false, trimpath: false }
    }
}

#[derive(Clone)]
pub enum DumpPhase {
    Tokens,
    Ast,
    Types,
    /// The IR after lowering, or after the named optimizer pass.
    Ir(Option<String>),
    Asm,
    /// One function after lowering and after every pass, as an HTML page (`dump/html.rs`) written to
    /// `output` or `FUNC.html`.
    Html {
        func: String,
        output: Option<String>,
    },
}

/// gc stops after this many errors and prints `too many errors`.
pub(crate) const MAX_ERRORS: usize = 10;

/// A failed compilation: the messages are already rendered.
pub(crate) struct Failure(pub Vec<String>);

/// The front end's result: every source file, the tree and the checked program.
struct Checked {
    /// `g1c dump` checks and compiles one package for linux/amd64.
    target: Target,
    fset: Arc<FileSet>,
    ast: Ast,
    prog: types::Program,
}

pub fn build(settings: &BuildSettings, inputs: &[String], output: Option<&str>, all_errors: bool) -> i32 {
    // `unsafe` is part of the compiler and has nothing to build: naming only it succeeds, as with go build.
    if !inputs.is_empty() && inputs.iter().all(|p| p == "unsafe") {
        return 0;
    }
    let out = match output {
        Some(o) => o.to_string(),
        None => default_output(inputs),
    };
    let discard = out == "/dev/null";
    let limit = if all_errors { usize::MAX } else { MAX_ERRORS };
    let patterns = inputs.to_vec();
    let settings = settings.clone();
    match on_big_thread(move || {
        front_end(&settings, &patterns, limit).and_then(|c| compile(&c, c.root, !discard, limit))
    }) {
        Some(None) => 0,
        Some(Some(exe)) => match write_output(Path::new(&out), &exe) {
            Ok(()) => 0,
            Err(e) => {
                eprintln!("g1c: writing {out}: {e}");
                1
            }
        },
        None => 1,
    }
}

/// `go install` (g1c invoked as `go`, DESIGN §10): every package the patterns name is checked and compiled;
/// a command (package main) is linked and written to `bindir/<last element of its import path>`.
/// Compiling a command compiles everything it imports, so a named package that a named command imports is
/// not built again on its own (`bootstrap/cmd/...` names about 130 packages, nearly all of them imported
/// by its 4 commands); the others are compiled each on its own, as `g1c build` builds one. Each build
/// loads and checks only its own package and what it imports: a program holds no package that is not
/// part of it, so what is built does not depend on what else was named. With `verbose`, each named
/// package's import path is printed to stderr, as go install -v does. Returns the exit status.
pub fn install(settings: &BuildSettings, patterns: &[String], bindir: &Path, verbose: bool) -> i32 {
    let cfg = load::Config { overlay: true, ..load::Config::from_env(&settings.load) };
    // All the named packages with their imports, to know which packages each command compiles.
    let all = load::load(&cfg, patterns);
    if !all.errors.is_empty() {
        all.errors.iter().for_each(|e| eprintln!("{e}"));
        return 1;
    }
    let mut in_command = vec![false; all.packages.len()];
    for (m, p) in all.packages.iter().enumerate() {
        if p.root && p.name == "main" {
            for u in init_order(&all.ast, &all.packages, m) {
                in_command[u.pkg.0 as usize] = true;
            }
        }
    }
    let mut status = 0;
    for (i, p) in all.packages.iter().enumerate().filter(|(_, p)| p.root) {
        if verbose {
            eprintln!("{}", p.path);
        }
        let is_main = p.name == "main";
        if !is_main && in_command[i] {
            continue;
        }
        // A directory outside GOROOT and GOPATH is named by its directory, as the go command names it.
        let pattern = if p.path.starts_with('_') { p.dir.to_string_lossy().into_owned() } else { p.path.clone() };
        let settings = settings.clone();
        let built = on_big_thread(move || {
            let c = front_end(&settings, &[pattern], MAX_ERRORS)?;
            Ok(compile(&c, c.root, is_main, MAX_ERRORS)?)
        });
        match built {
            Some(Some(exe)) => {
                let name = p.path.rsplit('/').next().unwrap_or(&p.path);
                let out = bindir.join(name);
                if let Err(e) = fs::create_dir_all(bindir).and_then(|()| write_output(&out, &exe)) {
                    eprintln!("go: writing {}: {e}", out.display());
                    status = 1;
                }
            }
            Some(None) => {}
            None => status = 1,
        }
    }
    status
}

pub fn run(settings: &BuildSettings, files: &[String], args: &[String]) -> i32 {
    let patterns = files.to_vec();
    let build_settings = settings.clone();
    let exe = match on_big_thread(move || {
        front_end(&build_settings, &patterns, MAX_ERRORS).and_then(|c| compile(&c, c.root, true, MAX_ERRORS))
    }) {
        Some(Some(exe)) => exe,
        Some(None) => unreachable!("linking was requested"),
        None => return 1,
    };
    let dir = std::env::temp_dir().join(format!("g1c-run-{}", std::process::id()));
    if let Err(e) = fs::create_dir_all(&dir) {
        eprintln!("g1c run: {e}");
        return 1;
    }
    let name = Path::new(&files[0]).file_stem().map(|s| s.to_string_lossy().into_owned()).unwrap_or("a".into());
    let path = dir.join(name);
    // go run puts its GOROOT in the program's environment (with the rest of `go env`), so that
    // runtime.GOROOT() finds the tree the program was built from; the executable itself records none.
    let goroot = load::Config::from_env(&settings.load).goroot;
    let status = write_output(&path, &exe)
        .and_then(|()| std::process::Command::new(&path).args(args).env("GOROOT", goroot).status());
    let _ = fs::remove_dir_all(&dir);
    match status {
        Ok(s) if s.success() => 0,
        Ok(s) => {
            // Like `go run`: report the program's failure and exit 1.
            use std::os::unix::process::ExitStatusExt;
            match (s.code(), s.signal()) {
                (Some(c), _) => eprintln!("exit status {c}"),
                (None, Some(sig)) => eprintln!("signal: {}", signal_name(sig)),
                _ => eprintln!("exit status unknown"),
            }
            1
        }
        Err(e) => {
            eprintln!("g1c run: {e}");
            1
        }
    }
}

/// Errors already printed: the build failed.
struct Reported;

/// Loads the package named by `patterns` (`.go` files, or one package pattern such as `./dir`) with
/// everything it imports, and type-checks them all, each once in dependency order (as `g1c check` does).
/// Errors are printed as `go build` prints them: loader errors as they are; syntax and type errors under
/// a `# import/path` header per package (`# command-line-arguments` for files), at most `limit` per package
/// then `too many errors`. A package whose dependencies failed is not reported (go build never compiles it).
fn front_end(settings: &BuildSettings, patterns: &[String], limit: usize) -> Result<Loaded, Reported> {
    // The back end compiles the standard library with g1c's overlay (DESIGN §7).
    timing::start();
    let cfg = load::Config { overlay: true, ..load::Config::from_env(&settings.load) };
    let target = build_target(&cfg)?;
    let loaded = load::load(&cfg, patterns);
    timing::lap("load");
    check_loaded(settings.clone(), cfg, target, loaded, limit)
}

/// The target a build compiles for, from the configuration's GOOS/GOARCH: an error (printed) for a pair g1c
/// does not know or cannot generate code for, before anything is loaded.
fn build_target(cfg: &load::Config) -> Result<Target, Reported> {
    Target::from_goos_goarch(&cfg.ctx.goos, &cfg.ctx.goarch).and_then(|t| t.codegen_supported().map(|()| t)).map_err(
        |e| {
            eprintln!("{e}");
            Reported
        },
    )
}

/// The checking half of `front_end`, for a program the loader has already read for `target` (`g1c test`'s test
/// programs come from `load::load_test`).
fn check_loaded(
    settings: BuildSettings,
    cfg: load::Config,
    target: Target,
    loaded: load::Loaded,
    limit: usize,
) -> Result<Loaded, Reported> {
    // Syntax errors come first, as the compiler reports them before resolving imports (a malformed import
    // is a syntax error, not a missing package).
    let mut soft = parse_errors_by_package(&loaded);
    if !loaded.syntax_errors.is_empty() && soft.is_none() {
        // Each error under its package's header; a file left out of every package (cgo) stands alone.
        let mut by_file: HashMap<u32, usize> = HashMap::new();
        for (i, p) in loaded.packages.iter().enumerate() {
            for &fi in &p.files {
                by_file.insert(loaded.ast.files[fi].file_id, i);
            }
        }
        let mut groups: BTreeMap<Option<usize>, Vec<Error>> = BTreeMap::new();
        for e in &loaded.syntax_errors {
            let pkg = loaded.fset.file_of(e.pos).and_then(|f| by_file.get(&f.0).copied());
            groups.entry(pkg).or_default().push(e.clone());
        }
        for (pkg, errs) in groups {
            if let Some(i) = pkg {
                eprintln!("# {}", loaded.packages[i].header());
            }
            print_report(&loaded.fset, &errs, limit);
        }
        return Err(Reported);
    }
    if !loaded.errors.is_empty() {
        for e in &loaded.errors {
            eprintln!("{e}");
        }
        return Err(Reported);
    }
    let Some(root) = loaded.packages.iter().rposition(|p| p.root) else {
        eprintln!("g1c: no packages to build");
        return Err(Reported);
    };
    let sizes = target.sizes;
    // A command is checked as package `main` (gc's `-p main`, whatever its import path), so that its symbols
    // are `main.*`.
    let paths: Vec<&str> =
        loaded.packages.iter().map(|p| if p.root && p.name == "main" { "main" } else { p.path.as_str() }).collect();
    let srcs: Vec<PackageSrc> = loaded
        .packages
        .iter()
        .zip(&paths)
        .map(|(p, path)| PackageSrc {
            path,
            files: &p.files,
            imports: &p.imports,
            bad_imports: &p.bad_imports,
            lang: check::package_lang(p, settings.load.lang),
        })
        .collect();
    let (prog, errs) =
        catch_ice(&loaded.fset, || types::check::check_program(&loaded.fset, &loaded.ast, &srcs, sizes))?;
    drop(srcs);
    timing::lap("check");
    let mut failed = vec![false; loaded.packages.len()];
    let mut any = false;
    for (i, (pkg, mut errs)) in loaded.packages.iter().zip(errs).enumerate() {
        if let Some(soft) = soft.as_mut() {
            // Found first: the parser ran before the checker.
            errs.splice(0..0, std::mem::take(&mut soft[i]));
        }
        let dep_failed = pkg.imports.values().any(|&d| failed[d]);
        failed[i] = dep_failed || !errs.is_empty();
        if errs.is_empty() || dep_failed {
            continue;
        }
        any = true;
        eprintln!("# {}", pkg.header());
        print_report(&loaded.fset, &errs, limit);
    }
    if any {
        return Err(Reported);
    }
    Ok(Loaded {
        settings,
        cfg,
        target,
        root,
        fset: Arc::new(loaded.fset),
        ast: loaded.ast,
        packages: loaded.packages,
        prog,
    })
}

/// gc reports a parse error that is not a `syntax error: ...` (`expression in defer must be function call`,
/// `method has no receiver`, label errors) and still type-checks the package, so that its type errors follow;
/// a `syntax error` ends the build before type checking (cmd/compile's noder: `base.SyntaxErrors()`).
/// Returns each package's parse errors (by index in `packages`), or `None` when one of them is a syntax error
/// or belongs to no package.
pub(crate) fn parse_errors_by_package(loaded: &load::Loaded) -> Option<Vec<Vec<Error>>> {
    if loaded.syntax_errors.iter().any(|e| e.msg.starts_with("syntax error")) {
        return None;
    }
    let mut by_file: HashMap<u32, usize> = HashMap::new();
    for (i, p) in loaded.packages.iter().enumerate() {
        for &fi in &p.files {
            by_file.insert(loaded.ast.files[fi].file_id, i);
        }
    }
    let mut out = vec![Vec::new(); loaded.packages.len()];
    for e in &loaded.syntax_errors {
        let i = loaded.fset.file_of(e.pos).and_then(|f| by_file.get(&f.0).copied())?;
        out[i].push(e.clone());
    }
    Some(out)
}

/// A checked program, ready for the back end.
struct Loaded {
    settings: BuildSettings,
    cfg: load::Config,
    /// The GOOS/GOARCH of `cfg`, which every phase after loading takes its machine facts from.
    target: Target,
    /// Index of the package to build in `packages`.
    root: usize,
    fset: Arc<FileSet>,
    ast: Ast,
    packages: Vec<load::Package>,
    prog: types::Program,
}

/// The package `ri` (a root) → executable bytes (or `None` when `link` is false: compile through code generation only,
/// for `-o /dev/null`, where the package need not be `main`). Errors are printed under the package's header.
fn compile(c: &Loaded, ri: usize, link: bool, limit: usize) -> Result<Option<Vec<u8>>, Reported> {
    let root = &c.packages[ri];
    let fail = |msgs: Vec<String>| {
        eprintln!("# {}", root.header());
        print_errors_limit(&msgs, limit);
        Reported
    };
    // Packages the back end cannot compile yet (DESIGN §7: the runtime-coupled standard library) end the
    // build at the root's first import that leads to one.
    let (ready, missing) = backend_ready(&c.cfg, &c.fset, &c.ast, &c.prog, &c.packages);
    if let Some((pos, sym)) = &missing[ri] {
        let msg = Error::new(*pos, format!("g1c: {sym} is not supported yet")).render(&c.fset);
        return Err(fail(vec![msg]));
    }
    if let Some(imp) = root
        .files
        .iter()
        .flat_map(|&fi| c.ast.files[fi].imports.iter())
        .filter(|imp| root.imports.get(&imp.path).is_some_and(|&d| !ready[d]))
        .min_by_key(|imp| imp.path_pos)
    {
        // Say why: follow not-yet-compilable imports down to a package that uses a runtime function rt
        // does not define.
        let first_blocked = |i: usize| {
            c.packages[i]
                .files
                .iter()
                .flat_map(|&fi| c.ast.files[fi].imports.iter())
                .filter_map(|imp| c.packages[i].imports.get(&imp.path).copied())
                .find(|&d| !ready[d])
        };
        let mut cur = root.imports[&imp.path];
        let mut via = Vec::new();
        while missing[cur].is_none() && via.len() < 64 {
            let Some(next) = first_blocked(cur) else { break };
            via.push(c.packages[next].path.clone());
            cur = next;
        }
        let why = match &missing[cur] {
            Some((_, sym)) if via.is_empty() => format!(": it needs {sym}"),
            Some((_, sym)) => format!(": through {}, which needs {sym}", via.join(" → ")),
            None => String::new(),
        };
        let msg = Error::new(
            imp.path_pos,
            format!("g1c: compiling imported packages is not supported yet (import {:?}{why})", imp.path),
        )
        .render(&c.fset);
        return Err(fail(vec![msg]));
    }
    let mut units = init_order(&c.ast, &c.packages, ri);
    // Compiling without linking is `go tool compile` (the Go suite's `compile` and `errorcheck` tests): a
    // body-less function may be defined elsewhere. An executable needs every body (`go build`'s -complete),
    // except in the standard library, whose body-less functions rt defines (`backend_ready` admitted only
    // packages that use no other).
    let goroot_src = c.cfg.goroot.join("src");
    for u in &mut units {
        let p = &c.packages[u.pkg.0 as usize];
        // A package with assembly defines its body-less functions there (gc's -complete is off too).
        u.complete = link
            && p.asm_files.is_empty()
            && !(RT_PROVIDES_BODIES && p.dir.starts_with(&goroot_src) && u.pkg.0 as usize != ri);
    }
    let asm_syms = match assemble_go_asm(&c.cfg, &c.target, &c.packages, &c.prog) {
        Ok(s) => s,
        Err(lines) => {
            lines.iter().for_each(|l| eprintln!("{l}"));
            return Err(Reported);
        }
    };
    let fset = c.fset.clone();
    let out = catch_ice(&fset, move || -> Result<Option<Vec<u8>>, Failure> {
        let pkg = &c.prog.packages[ri];
        if link && pkg.name != "main" {
            return Err(Failure(vec![format!("g1c: package {} is not a main package", root.path)]));
        }
        if link && !pkg.scope.get("main").is_some_and(|&o| matches!(c.prog.obj(o).kind, types::ObjKind::Func { .. })) {
            return Err(Failure(vec!["function main is undeclared in the main package".into()]));
        }
        let optimize = c.settings.optimize;
        let mut module = lower_units(&c.target, optimize, &c.fset, &c.ast, &c.prog, &units)?;
        if link {
            let version = build_version(&c.cfg.goroot);
            let deps = units.iter().filter_map(|u| c.packages[u.pkg.0 as usize].module.as_ref());
            let modinfo = mod_info(&c.cfg, root, deps, c.settings.trimpath);
            for (var, value) in [
                ("runtime.defaultGOROOT", default_goroot(c.settings.trimpath).into_bytes()),
                ("runtime.buildVersion", version.clone().into_bytes()),
                ("runtime.modinfo", modinfo.clone()),
            ] {
                ir::lower::set_string_var(&c.target, &mut module, var, &value)
                    .map_err(|e| Failure(vec![format!("g1c: {e}")]))?;
            }
            module.data.push(build_info_blob(&c.target, &version, &modinfo));
        }
        timing::lap("lower");
        run_optimizer(&c.target, &mut module, optimize, None)?;
        timing::lap("opt");
        if c.settings.report_escapes {
            let files: Vec<u32> = root.files.iter().map(|&fi| c.ast.files[fi].file_id).collect();
            report_escapes(&c.fset, &module, &files, &root.header());
        }
        let mut obj = codegen::compile(&c.target, &module, optimize).map_err(|e| Failure(vec![format!("g1c: {e}")]))?;
        drop(module);
        timing::lap("codegen");
        obj.symbols.extend(asm_syms);
        if !link {
            return Ok(None);
        }
        let archive = rtbuild::runtime_archive(c.target.rust_triple)
            .map_err(|e| Failure(vec![format!("g1c: the runtime: {e}")]))?;
        let exe = link::link(&c.target, &obj, &archive).map_err(|e| Failure(vec![format!("g1c: link: {e}")]))?;
        timing::lap("link");
        Ok(Some(exe))
    });
    match out {
        Ok(Ok(exe)) => Ok(exe),
        Ok(Err(Failure(msgs))) => Err(fail(msgs)),
        Err(Reported) => Err(Reported),
    }
}

/// Assembles the packages' `.s` files (`goasm`, then `codegen::amd64::goasm`) into symbols that join the
/// compiled Go's. Errors come per package under its `# path` header, as the go command prints them.
fn assemble_go_asm(
    cfg: &load::Config,
    target: &Target,
    packages: &[load::Package],
    prog: &types::Program,
) -> Result<Vec<link::object::Symbol>, Vec<String>> {
    let mut out = Vec::new();
    let include = [cfg.goroot.join("pkg").join("include")];
    let (goos, goarch) = (format!("GOOS_{}", target.goos), format!("GOARCH_{}", target.goarch));
    let predefined = [(goos.as_str(), "1"), (goarch.as_str(), "1")];
    let mut file_no = 0;
    let mut msgs = Vec::new();
    for (i, p) in packages.iter().enumerate() {
        let pkg = prog.packages.get(i).map_or(p.path.as_str(), |q| q.path.as_str());
        let mut errs = Vec::new();
        for f in &p.asm_files {
            file_no += 1;
            let rc = goasm::Config {
                pkg,
                file_no,
                predefined: &predefined,
                include_dirs: &include,
                is_reg: codegen::amd64::goasm::is_reg,
            };
            match goasm::read(&f.name, &f.dir, &f.src, &rc)
                .and_then(|file| codegen::amd64::goasm::assemble(&file, &f.name))
            {
                Ok(syms) => out.extend(syms),
                Err(e) => errs.extend(e),
            }
        }
        if !errs.is_empty() {
            msgs.push(format!("# {}", p.header()));
            msgs.extend(errs);
        }
    }
    if msgs.is_empty() {
        Ok(out)
    } else {
        Err(msgs)
    }
}

/// Whether the back end accepts body-less functions whose symbols rt provides (`rt/src/gohooks.rs`,
/// `rt/src/sema.rs`: the functions gc's runtime gives other std packages through `//go:linkname`, and
/// `runtime`'s own API in lib/runtime): lowering then skips such a declaration in a standard package
/// (`Unit::complete` false) and calls reach rt's symbol. Off, a GOROOT package with a body-less function is
/// not admitted, and neither is `runtime` (the state before rt defined them).
const RT_PROVIDES_BODIES: bool = true;

/// Package variables that std shares with gc's runtime by `//go:linkname` where a variable of the package's
/// own serves as well: the back end ignores the directive and defines the variable in the package.
/// `reflect.zeroVal` is a block of zero bytes reflect reads (gc shares it with its map code, which rt's map
/// code does not need).
const LINKNAME_OWN_VARS: &[&str] = &["reflect.zeroVal"];

/// Which loaded packages the back end can compile, and for each package its first use (in position order) of
/// a body-less function rt does not provide, with that function's name. Ready: every package outside GOROOT
/// that uses no such function, and the GOROOT packages
/// that compile as they are, or as g1c's overlay (DESIGN §7, lib/) makes them — all provided their imports
/// are ready too (`packages` is in dependency order). A GOROOT package is not ready when it
/// - has a `//go:linkname local target` directive (the back end does not rename symbols), except on a
///   function whose own symbol rt defines, on a function with a body that it hands to package runtime (rt
///   has its own), or a one-argument `//go:linkname name` (which renames nothing);
/// - is `runtime/...`, or is `runtime` other than g1c's own (lib/runtime);
/// - uses a body-less function that rt does not provide (see `RT_PROVIDES_BODIES`; while that is off: has a
///   body-less function at all). Such a function is implemented in gc's assembly or runtime; which ones rt
///   provides is read from its sources (`rt_go_symbols`).
/// Assembly files do not matter by themselves: they are never compiled, and what they implement is reached
/// only through body-less declarations or `//go:linkname`, both checked.
fn backend_ready(
    cfg: &load::Config,
    fset: &FileSet,
    ast: &Ast,
    prog: &types::Program,
    packages: &[load::Package],
) -> (Vec<bool>, Vec<Option<(pos::Pos, String)>>) {
    let goroot_src = cfg.goroot.join("src");
    // Each package's first use of a body-less function rt does not provide.
    let mut uses_missing: Vec<Option<(pos::Pos, String)>> = vec![None; packages.len()];
    let provided = if RT_PROVIDES_BODIES { rt_go_symbols() } else { Vec::new() };
    let pulled = linkname_pulls(ast, packages);
    if RT_PROVIDES_BODIES {
        let mut pkg_of_file: HashMap<u32, usize> = HashMap::new();
        for (i, p) in packages.iter().enumerate() {
            for &fi in &p.files {
                pkg_of_file.insert(ast.files[fi].file_id, i);
            }
        }
        for (&pos, &o) in &prog.info.uses {
            let obj = prog.obj(o);
            // Package-level functions only: an interface's methods have no body either. (No std method is
            // body-less.)
            let types::ObjKind::Func { recv: None, has_body: false } = &obj.kind else { continue };
            if !obj.package_level {
                continue;
            }
            let Some(user) = fset.file_of(pos).and_then(|f| pkg_of_file.get(&f.0)) else { continue };
            // A body-less function of a package outside GOROOT is the back end's to report (gc's
            // `missing function body`).
            let Some(decl_pkg) = obj.pkg.and_then(|p| packages.get(p.0 as usize)) else { continue };
            if !decl_pkg.dir.starts_with(&goroot_src) {
                continue;
            }
            let path = prog.packages[obj.pkg.map_or(0, |p| p.0 as usize)].path.as_str();
            let sym = format!("{path}.{}", &*obj.name);
            if !provided.contains(&sym) && !pulled.contains(&sym) {
                let first = &mut uses_missing[*user];
                if first.as_ref().is_none_or(|(p, _)| pos < *p) {
                    *first = Some((pos, sym));
                }
            }
        }
    }
    let mut ready: Vec<bool> = Vec::with_capacity(packages.len());
    for (i, p) in packages.iter().enumerate() {
        let deps_ready = p.imports.values().all(|&d| ready[d]);
        let own = (!p.dir.starts_with(&goroot_src) || p.root) && uses_missing[i].is_none() || {
            let files = || p.files.iter().map(|&fi| &ast.files[fi]);
            let funcs = || {
                files().flat_map(|f| &f.decls).filter_map(|d| match d {
                    crate::syntax::ast::Decl::Func(fd) => Some(fd),
                    _ => None,
                })
            };
            let bodies_ok =
                if RT_PROVIDES_BODIES { uses_missing[i].is_none() } else { funcs().all(|fd| fd.body.is_some()) };
            // A `//go:linkname local target` is fine only on a function whose own symbol rt defines (the back
            // end ignores the directive and calls `pkg.local`): sync's runtime_LoadAcquintptr.
            // A one-argument `//go:linkname name` (syscall's Syscall) only exports the symbol under its own
            // name, which every g1c symbol already is: nothing is renamed.
            let renamed_ok = |text: &str| {
                let mut words = text.split_whitespace().skip(1);
                let local = words.next().unwrap_or("");
                let sym = format!("{}.{local}", p.path);
                words.next().is_none()
                    || pulled.contains(&sym)
                    || RT_PROVIDES_BODIES && (provided.contains(&sym) || LINKNAME_OWN_VARS.contains(&sym.as_str()))
            };
            // A `//go:linkname local runtime.name` on a function *with* a body hands gc's runtime that function
            // (bytealg's portable runtime_cmpstring is gc's runtime.cmpstring); rt has its own, so the
            // function stays `pkg.local` and is simply not called by the runtime's name.
            let to_runtime = |text: &str| text.split_whitespace().nth(2).is_some_and(|t| t.starts_with("runtime."));
            let linkname = funcs()
                .flat_map(|fd| fd.pragmas.iter().map(move |pr| (fd.body.is_some(), pr.text.as_str())))
                .filter(|&(body, t)| !(body && to_runtime(t)))
                .map(|(_, t)| t)
                .chain(files().flat_map(|f| &f.directives).map(|d| d.text.as_str()))
                .any(|t| t.starts_with("go:linkname") && !renamed_ok(t));
            // runtime/debug, runtime/pprof, runtime/trace are ordinary packages on rt's hooks (rt/src/rtface.rs);
            // gc runtime's own parts (runtime/internal/...) and the cgo-based packages are not.
            let runtime_ok = match p.path.as_str() {
                "runtime" => RT_PROVIDES_BODIES && p.overlaid,
                "runtime/cgo" | "runtime/race" | "runtime/msan" | "runtime/asan" => false,
                path => !path.starts_with("runtime/internal/") && (RT_PROVIDES_BODIES || !path.starts_with("runtime/")),
            };
            runtime_ok && bodies_ok && !linkname
        };
        ready.push(own && deps_ready);
    }
    (ready, uses_missing)
}

/// The body-less package-level functions (`path.name`) that a `//go:linkname local target` binds to a
/// function with a body of another loaded package (mime/multipart's readMIMEHeader to net/textproto's,
/// go/internal/srcimporter's setUsesCgo to go/types'): lowering calls the target's symbol for them
/// (`ir::lower`), so they need nothing of rt.
fn linkname_pulls(ast: &Ast, packages: &[load::Package]) -> HashSet<String> {
    use crate::syntax::ast::Decl;
    fn funcs<'a>(ast: &'a Ast, p: &'a load::Package) -> impl Iterator<Item = &'a crate::syntax::ast::FuncDecl> {
        p.files.iter().flat_map(|&fi| &ast.files[fi].decls).filter_map(|d| match d {
            Decl::Func(fd) if fd.recv.is_none() && fd.tparams.is_empty() => Some(fd),
            _ => None,
        })
    }
    let mut defined = HashSet::new();
    for p in packages {
        defined.extend(funcs(ast, p).filter(|fd| fd.body.is_some()).map(|fd| format!("{}.{}", p.path, fd.name.name)));
    }
    let mut out = HashSet::new();
    for p in packages {
        let files: Vec<&crate::syntax::ast::File> = p.files.iter().map(|&fi| &ast.files[fi]).collect();
        let links = crate::syntax::directive::linkname_targets(&files);
        for fd in funcs(ast, p).filter(|fd| fd.body.is_none()) {
            if links.iter().any(|(local, target)| *local == &*fd.name.name && defined.contains(*target)) {
                out.insert(format!("{}.{}", p.path, fd.name.name));
            }
        }
    }
    out
}

/// The Go symbols rt defines for body-less std functions: the `.globl "pkg.name"` labels of its trampolines
/// (rt/src/gohooks.rs, sema.rs), read from rt's embedded sources (the bytes the runtime archive is built from).
fn rt_go_symbols() -> Vec<String> {
    let src: String = rtbuild::RT_SOURCES
        .iter()
        .filter(|(p, _)| p.ends_with(".rs"))
        .map(|(_, b)| String::from_utf8_lossy(b).into_owned())
        .collect::<Vec<_>>()
        .join("\n");
    let mut out = Vec::new();
    for line in src.lines() {
        if let Some(rest) = line.trim().strip_prefix("\".globl \\\"") {
            if let Some(end) = rest.find("\\\"") {
                out.push(rest[..end].to_string());
            }
        }
    }
    out
}

/// The packages of the program rooted at `root`, in gc 1.19's initialization order: depth first from the
/// root, each package's imports in the order they first appear in its files (the order the compiler
/// imports them, which `runtime.doInit` follows), every package after its imports and once; the root last.
fn init_order(ast: &Ast, packages: &[load::Package], root: usize) -> Vec<ir::lower::Unit> {
    fn visit(ast: &Ast, packages: &[load::Package], i: usize, seen: &mut Vec<bool>, out: &mut Vec<ir::lower::Unit>) {
        if seen[i] {
            return;
        }
        seen[i] = true;
        let p = &packages[i];
        for &fi in &p.files {
            for imp in &ast.files[fi].imports {
                if let Some(&d) = p.imports.get(&imp.path) {
                    visit(ast, packages, d, seen, out);
                }
            }
        }
        out.push(ir::lower::Unit {
            pkg: types::PkgId(i as u32),
            files: p.files.clone(),
            complete: true,
            embeds: p.embeds.clone(),
        });
    }
    let mut seen = vec![false; packages.len()];
    let mut out = Vec::new();
    visit(ast, packages, root, &mut seen, &mut out);
    out
}

/// Runs `f`, turning a Rust panic into an `internal compiler error` at the last recorded position (printed).
fn catch_ice<T>(fset: &FileSet, f: impl FnOnce() -> T) -> Result<T, Reported> {
    std::panic::catch_unwind(std::panic::AssertUnwindSafe(f)).map_err(|payload| {
        let msg = panic_message(&*payload);
        eprintln!("{}", Error::new(pos::current(), format!("internal compiler error: {msg}")).render(fset));
        Reported
    })
}

/// The message a Rust panic carried (`panic!`'s formatted `String` or literal `&str`).
fn panic_message(payload: &(dyn std::any::Any + Send)) -> String {
    payload
        .downcast_ref::<String>()
        .cloned()
        .or_else(|| payload.downcast_ref::<&str>().map(|s| s.to_string()))
        .unwrap_or_else(|| "unknown panic".into())
}

/// Runs `f` on a thread with a 512 MiB stack (deeply nested source must not overflow the compiler); `None`
/// when it failed (its errors are printed).
fn on_big_thread<T: Send + 'static>(f: impl FnOnce() -> Result<T, Reported> + Send + 'static) -> Option<T> {
    std::panic::set_hook(Box::new(|_| {}));
    match std::thread::Builder::new().stack_size(512 << 20).spawn(f).map(|h| h.join()) {
        Ok(Ok(r)) => r.ok(),
        _ => {
            eprintln!("internal compiler error: compiler thread failed");
            None
        }
    }
}

pub fn dump(phase: DumpPhase, file: &str) -> i32 {
    if file.ends_with(".ir") {
        return learn::dump_ir_file(phase, file);
    }
    let fset = match read_files(&[file.to_string()]) {
        Ok(f) => f,
        Err(Failure(msgs)) => {
            print_errors(&msgs);
            return 1;
        }
    };
    // `g1c dump` takes no build flags: the optimizer is on.
    let optimize = BuildSettings::default().optimize;
    let phases = move |fset: Arc<FileSet>| -> Result<Option<Vec<u8>>, Failure> {
        let text = match phase {
            DumpPhase::Tokens => dump::tokens::dump_tokens(&fset, FileId(0)),
            DumpPhase::Ast => {
                let ast = parse(&fset)?;
                dump::ast::dump_ast(&fset, &ast)
            }
            DumpPhase::Types => {
                let c = check(fset)?;
                dump::types::dump_types(&c.fset, &c.ast, &c.prog)
            }
            DumpPhase::Ir(after) => {
                let c = check(fset)?;
                let mut m = lower(&c)?;
                if let Some(pass) = after {
                    run_optimizer(&c.target, &mut m, optimize, Some(&pass))?;
                }
                ir::print::print_module(&m)
            }
            DumpPhase::Asm => {
                let c = check(fset)?;
                let mut m = lower(&c)?;
                run_optimizer(&c.target, &mut m, optimize, None)?;
                codegen::listing(&c.target, &m, optimize).map_err(|e| Failure(vec![format!("g1c: {e}")]))?
            }
            DumpPhase::Html { func, output } => {
                let c = check(fset)?;
                let m = lower(&c)?;
                let src = c.fset.files().next().map(|(_, f)| (f.trace_name.clone(), f.src.clone()));
                let src = src.as_ref().map(|(name, text)| (name.as_str(), text.as_str()));
                dump::html::render(&m, &func, optimize, src)
                    .and_then(|page| learn::write_page(&func, output.as_deref(), &page))
                    .map_err(|e| Failure(vec![format!("g1c: {e}")]))?;
                return Ok(None);
            }
        };
        Ok(Some(text.into_bytes()))
    };
    let result = on_big_thread(move || {
        let at = fset.clone();
        catch_ice(&at, move || phases(fset))?.map_err(|Failure(msgs)| {
            print_errors(&msgs);
            Reported
        })
    });
    match result {
        Some(Some(text)) => {
            let _ = std::io::stdout().write_all(&text);
            0
        }
        Some(None) => 0,
        None => 1,
    }
}

fn parse(fset: &FileSet) -> Result<Ast, Failure> {
    let mut ast = Ast::default();
    let mut errs = Vec::new();
    let ids: Vec<FileId> = fset.files().map(|(id, _)| id).collect();
    for id in ids {
        errs.extend(parser::parse_file(fset, id, &mut ast));
    }
    if errs.is_empty() {
        Ok(ast)
    } else {
        Err(render(fset, errs))
    }
}

fn check(fset: Arc<FileSet>) -> Result<Checked, Failure> {
    let ast = parse(&fset)?;
    match types::check::check_package(&fset, &ast, "main") {
        Ok(prog) => Ok(Checked { target: Target::LINUX_AMD64, fset, ast, prog }),
        Err(errs) => Err(render(&fset, errs)),
    }
}

fn lower(c: &Checked) -> Result<ir::Module, Failure> {
    let m = ir::lower::lower(&c.target, &c.fset, &c.ast, &c.prog).map_err(|errs| render(&c.fset, errs))?;
    ir::verify::verify(&c.target, &m).map_err(|e| Failure(vec![invalid_ir(&e)]))?;
    Ok(m)
}

/// What `runtime.GOROOT()` answers when `$GOROOT` is unset: `$GOROOT_FINAL` when the builder names one
/// (make.bash's way of choosing the installed root), else nothing. gc's linker records the GOROOT the
/// program was built from; g1c records no path of the build machine unless asked (the project's rule for
/// reproducible output), which is what gc's `-trimpath` gives. `-trimpath` records nothing at all.
fn default_goroot(trimpath: bool) -> String {
    if trimpath {
        return String::new();
    }
    std::env::var("GOROOT_FINAL").unwrap_or_default()
}

/// What `runtime.Version()` answers: gc's is the release of the toolchain, which is also its standard
/// library's; g1c compiles GOROOT's standard library, so it answers with that GOROOT's release, the first
/// line of `$GOROOT/VERSION` (as cmd/dist reads it), or the language version it implements when there is no
/// such file (a GOROOT that is a source tree without its release file).
fn build_version(goroot: &std::path::Path) -> String {
    let text = fs::read_to_string(goroot.join("VERSION")).unwrap_or_default();
    match text.lines().next().map(str::trim) {
        Some(v) if !v.is_empty() => v.to_string(),
        _ => "go1.19".to_string(),
    }
}

/// The sentinels that frame `runtime.modinfo` (cmd/go's modload `infoStart`/`infoEnd`), by which
/// debug/buildinfo tells build information from other strings.
const MODINFO_START: [u8; 16] = *b"\x30\x77\xaf\x0c\x92\x74\x08\x02\x41\xe1\xc1\x07\xe6\xd6\x18\xe6";
const MODINFO_END: [u8; 16] = *b"\xf9\x32\x43\x31\x86\x18\x20\x72\x00\x82\x42\x10\x41\x16\xd8\xf2";

/// `runtime.modinfo`, what `debug.ReadBuildInfo` parses (gc's `BuildInfo.String()` text between the
/// sentinels): the main package's path, the main module in module mode (at version `(devel)`, as go build
/// gives a module built in place), a `dep` line for every other module that provides a package of the
/// build (sorted by path; a replacement on the line after its module, as gc writes it), and the build
/// settings that describe how g1c built it: `-compiler=g1c` (the toolchain that made the binary, which is
/// what a reader of build information wants to know, although `runtime.Compiler` says "gc" for the
/// standard library's sake), `-trimpath=true` when asked for, `CGO_ENABLED=0` (g1c has no cgo), the
/// target. Nothing of the build machine is recorded. Not yet: gc's `vcs.*` settings.
fn mod_info<'a>(
    cfg: &load::Config,
    root: &load::Package,
    deps: impl Iterator<Item = &'a load::modload::ModuleInfo>,
    trimpath: bool,
) -> Vec<u8> {
    // gc's formatMod: a replaced module's line ends after its version, and the replacement's line is
    // followed by the empty line that the recursion leaves.
    fn module_lines(out: &mut String, word: &str, m: &load::modload::ModuleInfo) {
        *out += &format!("{word}\t{}\t{}", m.path, m.version);
        match &m.replace {
            None => *out += &format!("\t{}", m.sum),
            Some(r) => {
                out.push('\n');
                module_lines(out, "=>", r);
            }
        }
        out.push('\n');
    }
    let mut info = format!("path\t{}\n", root.path);
    // In a workspace the program's own module is the main module that holds its main package; the other
    // modules of the workspace it takes packages from are dependencies built in place.
    let main = cfg.modules.as_ref().and_then(|m| if m.workspace.is_some() { m.main_of(&root.path) } else { m.main() });
    if let Some(m) = main {
        info += &format!("mod\t{}\t(devel)\t\n", m.path);
    }
    let deps = deps.filter(|d| main.is_none_or(|m| m.path != d.path));
    for dep in deps.collect::<std::collections::BTreeSet<_>>() {
        module_lines(&mut info, "dep", dep);
    }
    info += "build\t-compiler=g1c\n";
    if trimpath {
        info += "build\t-trimpath=true\n";
    }
    info += &format!("build\tCGO_ENABLED=0\nbuild\tGOARCH={}\nbuild\tGOOS={}\n", cfg.ctx.goarch, cfg.ctx.goos);
    if cfg.ctx.goarch == "amd64" {
        info += "build\tGOAMD64=v1\n";
    }
    [&MODINFO_START[..], info.as_bytes(), &MODINFO_END[..]].concat()
}

/// The data of gc's `.go.buildinfo` section, which `go version -m` and debug/buildinfo find in an
/// executable: a 32-byte header (`\xff Go buildinf:`, the pointer size, flags: little-endian, strings
/// inline), then the Go version and `runtime.modinfo`, each a uvarint length and its bytes, padded to 16.
fn build_info_blob(target: &Target, version: &str, modinfo: &[u8]) -> ir::Data {
    let mut b = b"\xff Go buildinf:".to_vec();
    b.extend_from_slice(&[target.ptr_size as u8, 2]);
    b.resize(32, 0);
    for s in [version.as_bytes(), modinfo] {
        let mut n = s.len() as u64;
        while n >= 0x80 {
            b.push(n as u8 | 0x80);
            n >>= 7;
        }
        b.push(n as u8);
        b.extend_from_slice(s);
    }
    b.resize(b.len().next_multiple_of(16), 0);
    ir::Data {
        name: link::BUILDINFO.to_string(),
        kind: ir::DataKind::Data,
        align: 16,
        size: b.len() as u64,
        bytes: b,
        relocs: vec![],
    }
}

/// Prints, as gc's `-m` does on stderr after the `# package` header, what the escape analysis decided for
/// the functions of `files` (the root package's): sorted by position, as gc flushes its diagnostics.
fn report_escapes(fset: &FileSet, m: &ir::Module, files: &[u32], header: &str) {
    let mut facts: Vec<(pos::Pos, String)> = opt::escape::facts(m)
        .into_iter()
        .filter(|(p, _)| fset.file_of(*p).is_some_and(|id| files.contains(&id.0)))
        .collect();
    facts.sort_by_key(|f| f.0);
    if facts.is_empty() {
        return;
    }
    let mut out = format!("# {header}\n");
    for (p, msg) in facts {
        out.push_str(&Error::new(p, msg).render(fset));
        out.push('\n');
    }
    let _ = std::io::stderr().write_all(out.as_bytes());
}

/// Runs the optimizer's pass table (`opt::PASSES`) over a lowered module, up to `stop_after` if given; only
/// the required passes when `enabled` is false (`-gcflags=-N`).
fn run_optimizer(target: &Target, m: &mut ir::Module, enabled: bool, stop_after: Option<&str>) -> Result<(), Failure> {
    opt::run(target, m, enabled, stop_after).map_err(|e| match stop_after {
        Some(_) if e.starts_with("no pass") => Failure(vec![format!("g1c: {e}")]),
        _ => Failure(vec![format!("internal compiler error: {e}")]),
    })
}

/// Lowers the packages `units` of a checked program (see `ir::lower::lower_program`) and verifies the IR.
/// An invalid-IR report as gc words an internal compiler error: at the source position when the verifier
/// names one (`file:line: internal compiler error: invalid IR: ...`).
fn invalid_ir(e: &str) -> String {
    match e.split_once(": ") {
        Some((at, msg))
            if at.rsplit(':').next().is_some_and(|l| !l.is_empty() && l.bytes().all(|b| b.is_ascii_digit())) =>
        {
            format!("{at}: internal compiler error: invalid IR: {msg}")
        }
        _ => format!("internal compiler error: invalid IR: {e}"),
    }
}

fn lower_units(
    target: &Target,
    optimize: bool,
    fset: &FileSet,
    ast: &Ast,
    prog: &types::Program,
    units: &[ir::lower::Unit],
) -> Result<ir::Module, Failure> {
    let m = ir::lower::lower_program(target, optimize, fset, ast, prog, units).map_err(|errs| render(fset, errs))?;
    ir::verify::verify(target, &m).map_err(|e| Failure(vec![invalid_ir(&e)]))?;
    Ok(m)
}

/// Sorts errors by position, as gc reports them, and renders them.
pub(crate) fn render(fset: &FileSet, mut errs: Vec<Error>) -> Failure {
    errs.sort_by_key(|e| e.pos);
    errs.dedup();
    Failure(errs.iter().map(|e| e.render(fset)).collect())
}

/// Prints a package's errors the way gc reports them (cmd/compile/internal/base `ErrorfAt` and `FlushErrors`):
/// errors are taken in the order they were found, skipping a second syntax error on the same line and a repeat
/// of the same message on the same line; the `limit`-th one found ends the report (0: no limit), and what was
/// kept is printed sorted by position, then `file:line:col: too many errors` at the position of the last one
/// found. So with many errors, gc shows the first ten the checker *met* (package-level declarations before
/// function bodies, as types2 and our checker both go), not the first ten in the file.
pub(crate) fn print_report(fset: &FileSet, errs: &[Error], limit: usize) {
    let line_of = |p: pos::Pos| fset.position(p).map(|q| (q.file.to_string(), q.line));
    let mut kept: Vec<&Error> = Vec::new();
    let mut last_syntax = None;
    let mut last_other: Option<((String, u32), &str)> = None;
    let mut too_many = None;
    for e in errs {
        let line = line_of(e.pos);
        if e.msg.starts_with("syntax error") {
            if line.is_some() && last_syntax == line {
                continue;
            }
            last_syntax = line;
        } else {
            if let (Some(l), Some((ll, lm))) = (&line, &last_other) {
                if l == ll && *lm == e.msg {
                    continue;
                }
            }
            last_other = line.map(|l| (l, e.msg.as_str()));
        }
        kept.push(e);
        if kept.len() == limit {
            too_many = Some(e.pos);
            break;
        }
    }
    kept.sort_by_key(|e| e.pos);
    kept.dedup_by(|a, b| a.pos == b.pos && a.msg == b.msg);
    let mut err = std::io::stderr().lock();
    for e in kept {
        let _ = writeln!(err, "{}", e.render(fset));
    }
    if let Some(p) = too_many {
        match fset.position(p) {
            Some(q) => {
                let _ = writeln!(err, "{q}: too many errors");
            }
            None => {
                let _ = writeln!(err, "too many errors");
            }
        }
    }
}

fn print_errors(msgs: &[String]) {
    print_errors_limit(msgs, MAX_ERRORS)
}

pub(crate) fn print_errors_limit(msgs: &[String], limit: usize) {
    let mut err = std::io::stderr().lock();
    for (i, m) in msgs.iter().enumerate() {
        let _ = writeln!(err, "{m}");
        // Like gc: the 10th error ends the report, with that error's position.
        if i + 1 == limit {
            match position_prefix(m) {
                Some(p) => {
                    let _ = writeln!(err, "{p}: too many errors");
                }
                None => {
                    let _ = writeln!(err, "too many errors");
                }
            }
            break;
        }
    }
}

/// The `file:line:col` prefix of a rendered message, if it has one.
fn position_prefix(msg: &str) -> Option<&str> {
    let bytes = msg.as_bytes();
    let mut i = 0;
    while let Some(off) = msg[i..].find(": ") {
        let end = i + off;
        // Look back for `:<digits>:<digits>` right before `end`.
        let digits_back = |mut j: usize| {
            let stop = j;
            while j > 0 && bytes[j - 1].is_ascii_digit() {
                j -= 1;
            }
            (j < stop && j > 0 && bytes[j - 1] == b':').then_some(j - 1)
        };
        if let Some(c2) = digits_back(end) {
            if digits_back(c2).is_some() {
                return Some(&msg[..end]);
            }
        }
        i = end + 2;
    }
    None
}

/// `go build`'s default output name: the first file's base name without `.go`, else the package directory's
/// name (the last element of an import path).
fn default_output(inputs: &[String]) -> String {
    let first = &inputs[0];
    if first.ends_with(".go") {
        return Path::new(first).file_stem().map(|s| s.to_string_lossy().into_owned()).unwrap_or("a.out".into());
    }
    let p = fs::canonicalize(first).unwrap_or_else(|_| PathBuf::from(first));
    p.file_name().map(|s| s.to_string_lossy().into_owned()).unwrap_or("a.out".into())
}

fn read_files(files: &[String]) -> Result<Arc<FileSet>, Failure> {
    let mut fset = FileSet::new();
    for f in files {
        let bytes = fs::read(f).map_err(|e| Failure(vec![format!("g1c: {f}: {e}")]))?;
        // The scanner reports invalid UTF-8 with a position; keep the bytes by replacing nothing here.
        let src = match String::from_utf8(bytes) {
            Ok(s) => s,
            Err(e) => {
                let valid = e.utf8_error().valid_up_to();
                let bytes = e.into_bytes();
                let line = bytes[..valid].iter().filter(|&&b| b == b'\n').count() + 1;
                let col = valid - bytes[..valid].iter().rposition(|&b| b == b'\n').map(|p| p + 1).unwrap_or(0) + 1;
                return Err(Failure(vec![format!("{f}:{line}:{col}: invalid UTF-8 encoding")]));
            }
        };
        fset.add(load::display_path(f), src);
    }
    Ok(Arc::new(fset))
}

/// Writes an executable without ever replacing a non-regular file (see the module invariants).
fn write_output(path: &Path, bytes: &[u8]) -> std::io::Result<()> {
    use std::os::unix::fs::PermissionsExt;
    match fs::symlink_metadata(path) {
        Ok(m) if !m.file_type().is_file() => {
            // A device, fifo, directory or symlink: write through it, never replace it.
            return fs::OpenOptions::new().write(true).open(path)?.write_all(bytes);
        }
        _ => {}
    }
    let dir = path.parent().filter(|p| !p.as_os_str().is_empty()).unwrap_or(Path::new("."));
    let tmp =
        dir.join(format!(".{}.g1c-tmp{}", path.file_name().unwrap_or_default().to_string_lossy(), std::process::id()));
    {
        let mut f = fs::File::create(&tmp)?;
        f.write_all(bytes)?;
        f.set_permissions(fs::Permissions::from_mode(0o755))?;
    }
    fs::rename(&tmp, path).inspect_err(|_| {
        let _ = fs::remove_file(&tmp);
    })
}

fn signal_name(sig: i32) -> &'static str {
    match sig {
        4 => "illegal instruction",
        6 => "aborted",
        7 => "bus error",
        8 => "floating point exception",
        9 => "killed",
        11 => "segmentation fault",
        _ => "signal",
    }
}

#[cfg(test)]
mod tests {
    /// The admission reads rt's hook symbols from its embedded source.
    #[test]
    fn rt_go_symbols_are_read() {
        let syms = super::rt_go_symbols();
        assert!(syms.iter().any(|s| s == "internal/reflectlite.unsafe_New"), "{syms:?}");
        assert!(syms.iter().any(|s| s == "runtime.Caller"), "{syms:?}");
    }
}
