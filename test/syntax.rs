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

/// For the errorcheck tests of `$GOROOT/test/syntax` and `$GOROOT/test/fixedbugs` where gc's first error is
/// a syntax error or where g1c's parser reports one: does g1c's first error line equal gc's? Prints the
/// count and the differences; gc (`go tool compile`) is the oracle, so the test is skipped without it.
#[test]
fn first_syntax_error_matches_gc() {
    let gc = "/usr/lib/go-1.19/bin/go";
    if !Path::new(gc).exists() {
        eprintln!("no gc at {gc}; skipped");
        return;
    }
    let mut files = Vec::new();
    for dir in ["syntax", "fixedbugs"] {
        let mut v = Vec::new();
        go_files(&Path::new(GOROOT).join("test").join(dir), false, &mut v);
        v.retain(|p| p.parent().is_some_and(|d| d.ends_with(dir)));
        files.extend(v);
    }
    let obj = std::env::temp_dir().join(format!("g1c-syntax-test-{}.o", std::process::id()));
    let mut considered = 0;
    let mut matched = 0;
    let mut diffs = Vec::new();
    for p in files {
        let Ok(bytes) = std::fs::read(&p) else { continue };
        let src = String::from_utf8_lossy(&bytes).into_owned();
        if !src.starts_with("// errorcheck") {
            continue;
        }
        let name = p.display().to_string();
        let out = std::process::Command::new(gc)
            .args(["tool", "compile", "-o"])
            .arg(&obj)
            .arg(&name)
            .output()
            .unwrap();
        let gc_out = String::from_utf8_lossy(&out.stdout).into_owned() + &String::from_utf8_lossy(&out.stderr);
        let gc_first = gc_out.lines().next().unwrap_or("").to_string();
        let n = name.clone();
        let (_, _, ours) = on_big_stack(move || parse_source(&n, src));
        let gc_syntax = gc_first.contains(": syntax error:") || is_lexical(&gc_first);
        if !gc_syntax && ours.is_empty() {
            continue;
        }
        considered += 1;
        let our_first = ours.first().cloned().unwrap_or_default();
        if our_first == gc_first {
            matched += 1;
        } else {
            diffs.push(format!("  gc:  {gc_first}\n  g1c: {our_first}"));
        }
    }
    let _ = std::fs::remove_file(&obj);
    eprintln!("first syntax error identical to gc's in {matched} of {considered} errorcheck tests");
    for d in &diffs {
        eprintln!("{d}");
    }
}

/// Whether gc's message (after `file:line:col: `) is one of the scanner's.
fn is_lexical(line: &str) -> bool {
    const LEXICAL: [&str; 14] = [
        "invalid character",
        "not terminated",
        "newline in",
        "literal has no digits",
        "must separate successive digits",
        "invalid digit",
        "rune literal",
        "escape",
        "exponent",
        "invalid radix point",
        "mantissa",
        "invalid NUL character",
        "invalid BOM",
        "identifier cannot begin with digit",
    ];
    LEXICAL.iter().any(|m| line.contains(m))
}
