//! The driver: runs the phases in order for `build`, `run`, `dump` and `check` (in `driver/check.rs`).
//!
//! In: file names from the command line. Out: diagnostics on stderr (gc's `file:line:col: message`, at most
//! 10 then `too many errors`), an executable, or a phase dump on stdout.
//!
//! Invariants: the pipeline runs on a thread with a large stack, and a Rust panic anywhere in it is reported
//! as `internal compiler error` at the position the phases last recorded (`pos::set_current`), exit 1.
//! The output path is replaced (write to a temporary file beside it, then rename) only when it is a regular
//! file or does not exist; anything else (a device such as /dev/null) is never deleted or renamed.

use std::fs;
use std::io::Write;
use std::path::{Path, PathBuf};
use std::sync::Arc;

use crate::codegen;
use crate::dump;
use crate::ir;
use crate::link;
use crate::rtbuild;
use crate::syntax::ast::Ast;
use crate::syntax::parser;
use crate::syntax::pos::{self, Error, FileId, FileSet};
use crate::types;

mod check;
pub use check::check as check_packages;

#[derive(Clone, Copy)]
pub enum DumpPhase {
    Tokens,
    Ast,
    Types,
    Ir,
    Asm,
}

/// gc stops after this many errors and prints `too many errors`.
pub(crate) const MAX_ERRORS: usize = 10;

/// A failed compilation: the messages are already rendered.
pub(crate) struct Failure(pub Vec<String>);

/// The front end's result: every source file, the tree and the checked program.
struct Checked {
    fset: Arc<FileSet>,
    ast: Ast,
    prog: types::Program,
}

pub fn build(inputs: &[String], output: Option<&str>, all_errors: bool) -> i32 {
    let files = match expand_inputs(inputs) {
        Ok(f) => f,
        Err(e) => {
            eprintln!("{e}");
            return 1;
        }
    };
    let out = match output {
        Some(o) => o.to_string(),
        None => default_output(inputs, &files),
    };
    let discard = out == "/dev/null";
    let fset = match read_files(&files) {
        Ok(f) => f,
        Err(Failure(msgs)) => {
            print_errors(&msgs);
            return 1;
        }
    };
    match on_big_stack(fset, move |fset| compile(fset, !discard)) {
        Ok(None) => 0,
        Ok(Some(exe)) => match write_output(Path::new(&out), &exe) {
            Ok(()) => 0,
            Err(e) => {
                eprintln!("g1c: writing {out}: {e}");
                1
            }
        },
        Err(Failure(msgs)) => {
            eprintln!("# command-line-arguments");
            print_errors_limit(&msgs, if all_errors { usize::MAX } else { MAX_ERRORS });
            1
        }
    }
}

pub fn run(files: &[String], args: &[String]) -> i32 {
    let files = match expand_inputs(files) {
        Ok(f) => f,
        Err(e) => {
            eprintln!("{e}");
            return 1;
        }
    };
    let fset = match read_files(&files) {
        Ok(f) => f,
        Err(Failure(msgs)) => {
            print_errors(&msgs);
            return 1;
        }
    };
    let exe = match on_big_stack(fset, move |fset| compile(fset, true)) {
        Ok(Some(exe)) => exe,
        Ok(None) => unreachable!("linking was requested"),
        Err(Failure(msgs)) => {
            eprintln!("# command-line-arguments");
            print_errors(&msgs);
            return 1;
        }
    };
    let dir = std::env::temp_dir().join(format!("g1c-run-{}", std::process::id()));
    if let Err(e) = fs::create_dir_all(&dir) {
        eprintln!("g1c run: {e}");
        return 1;
    }
    let name = Path::new(&files[0]).file_stem().map(|s| s.to_string_lossy().into_owned()).unwrap_or("a".into());
    let path = dir.join(name);
    let status = write_output(&path, &exe).and_then(|()| std::process::Command::new(&path).args(args).status());
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

pub fn dump(phase: DumpPhase, file: &str) -> i32 {
    let fset = match read_files(&[file.to_string()]) {
        Ok(f) => f,
        Err(Failure(msgs)) => {
            print_errors(&msgs);
            return 1;
        }
    };
    let result = on_big_stack(fset, move |fset| -> Result<Option<Vec<u8>>, Failure> {
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
            DumpPhase::Ir => {
                let c = check(fset)?;
                ir::print::print_module(&lower(&c)?)
            }
            DumpPhase::Asm => {
                let c = check(fset)?;
                let m = lower(&c)?;
                codegen::amd64::listing(&m).map_err(|e| Failure(vec![format!("g1c: {e}")]))?
            }
        };
        Ok(Some(text.into_bytes()))
    });
    match result {
        Ok(Some(text)) => {
            let _ = std::io::stdout().write_all(&text);
            0
        }
        Ok(None) => 0,
        Err(Failure(msgs)) => {
            print_errors(&msgs);
            1
        }
    }
}

/// Source → executable bytes (or `None` when `link` is false: compile through code generation only).
fn compile(fset: Arc<FileSet>, link: bool) -> Result<Option<Vec<u8>>, Failure> {
    let c = check(fset)?;
    let pkg = &c.prog.packages[0];
    if link && pkg.name != "main" {
        return Err(Failure(vec![format!("g1c: package {} is not a main package", pkg.path)]));
    }
    if link && !pkg.scope.get("main").is_some_and(|&o| matches!(c.prog.obj(o).kind, types::ObjKind::Func { .. })) {
        return Err(Failure(vec!["function main is undeclared in the main package".into()]));
    }
    let module = lower(&c)?;
    let obj = codegen::amd64::compile(&module).map_err(|e| Failure(vec![format!("g1c: {e}")]))?;
    if !link {
        return Ok(None);
    }
    let archive_path = rtbuild::runtime_archive("x86_64-unknown-linux-gnu")
        .map_err(|e| Failure(vec![format!("g1c: building the runtime: {e}")]))?;
    let archive =
        fs::read(&archive_path).map_err(|e| Failure(vec![format!("g1c: {}: {e}", archive_path.display())]))?;
    let exe = link::link(&obj, &archive).map_err(|e| Failure(vec![format!("g1c: link: {e}")]))?;
    Ok(Some(exe))
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
        Ok(prog) => Ok(Checked { fset, ast, prog }),
        Err(errs) => Err(render(&fset, errs)),
    }
}

fn lower(c: &Checked) -> Result<ir::Module, Failure> {
    let m = ir::lower::lower(&c.fset, &c.ast, &c.prog).map_err(|errs| render(&c.fset, errs))?;
    ir::verify::verify(&m).map_err(|e| Failure(vec![format!("internal compiler error: invalid IR: {e}")]))?;
    Ok(m)
}

/// Sorts errors by position, as gc reports them, and renders them.
pub(crate) fn render(fset: &FileSet, mut errs: Vec<Error>) -> Failure {
    errs.sort_by_key(|e| e.pos);
    errs.dedup();
    Failure(errs.iter().map(|e| e.render(fset)).collect())
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

/// The files named on the command line: `.go` files, or one directory whose non-test `.go` files (sorted)
/// form the package.
fn expand_inputs(inputs: &[String]) -> Result<Vec<String>, String> {
    if inputs.len() == 1 && Path::new(&inputs[0]).is_dir() {
        let dir = &inputs[0];
        let mut files: Vec<String> = fs::read_dir(dir)
            .map_err(|e| format!("g1c: {dir}: {e}"))?
            .filter_map(|e| e.ok())
            .map(|e| e.file_name().to_string_lossy().into_owned())
            .filter(|n| n.ends_with(".go") && !n.ends_with("_test.go") && !n.starts_with('.') && !n.starts_with('_'))
            .map(|n| Path::new(dir).join(n).to_string_lossy().into_owned())
            .collect();
        files.sort();
        if files.is_empty() {
            return Err(format!("g1c: no Go files in {dir}"));
        }
        return Ok(files);
    }
    for f in inputs {
        if !f.ends_with(".go") {
            return Err(format!("g1c: {f}: not a .go file or directory"));
        }
    }
    Ok(inputs.to_vec())
}

fn default_output(inputs: &[String], files: &[String]) -> String {
    let base = if inputs.len() == 1 && Path::new(&inputs[0]).is_dir() {
        let p = fs::canonicalize(&inputs[0]).unwrap_or_else(|_| PathBuf::from(&inputs[0]));
        p.file_name().map(|s| s.to_string_lossy().into_owned()).unwrap_or("a.out".into())
    } else {
        Path::new(&files[0]).file_stem().map(|s| s.to_string_lossy().into_owned()).unwrap_or("a.out".into())
    };
    base
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
        fset.add(display_path(f), src);
    }
    Ok(Arc::new(fset))
}

/// How `go build` shows a command-line file in messages: relative to the current directory when that is
/// shorter than the absolute path, with `./` for a file in the current directory (`./x.go`, `sub/x.go`,
/// `../y/x.go`).
fn display_path(f: &str) -> String {
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
    let tmp = dir.join(format!(".{}.g1c-tmp{}", path.file_name().unwrap_or_default().to_string_lossy(), std::process::id()));
    {
        let mut f = fs::File::create(&tmp)?;
        f.write_all(bytes)?;
        f.set_permissions(fs::Permissions::from_mode(0o755))?;
    }
    fs::rename(&tmp, path).inspect_err(|_| {
        let _ = fs::remove_file(&tmp);
    })
}

/// Runs `f` on a thread with a 512 MiB stack (deeply nested source must not overflow the compiler), and
/// turns a panic into an `internal compiler error` at the last recorded position.
fn on_big_stack<T: Send + 'static>(
    fset: Arc<FileSet>,
    f: impl FnOnce(Arc<FileSet>) -> Result<T, Failure> + Send + 'static,
) -> Result<T, Failure> {
    std::panic::set_hook(Box::new(|_| {}));
    let fset2 = fset.clone();
    let handle = std::thread::Builder::new().stack_size(512 << 20).spawn(move || {
        let r = std::panic::catch_unwind(std::panic::AssertUnwindSafe(|| f(fset2)));
        let at = pos::current();
        (r, at)
    });
    let (r, at) = match handle.map(|h| h.join()) {
        Ok(Ok(x)) => x,
        _ => return Err(Failure(vec!["internal compiler error: compiler thread failed".into()])),
    };
    match r {
        Ok(v) => v,
        Err(payload) => {
            let msg = payload
                .downcast_ref::<String>()
                .cloned()
                .or_else(|| payload.downcast_ref::<&str>().map(|s| s.to_string()))
                .unwrap_or_else(|| "unknown panic".into());
            Err(Failure(vec![Error::new(at, format!("internal compiler error: {msg}")).render(&fset)]))
        }
    }
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
