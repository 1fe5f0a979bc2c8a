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

#[path = "common/goenv.rs"]
mod goenv;
#[path = "common/oracle.rs"]
mod oracle;

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
    let Ok(rd) = std::fs::read_dir(dir) else {
        return;
    };
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
    let goroot = oracle::goroot();
    let mut files = Vec::new();
    go_files(&goroot.join("src"), true, &mut files);
    let (n, failures, elapsed) = on_big_stack(move || {
        let start = Instant::now();
        let mut failures = Vec::new();
        for p in &files {
            let Ok(src) = std::fs::read_to_string(p) else {
                continue;
            };
            let (_, _, errs) = parse_source(&p.display().to_string(), src);
            if !errs.is_empty() {
                failures.push(errs[0].clone());
            }
        }
        (files.len(), failures, start.elapsed())
    });
    eprintln!("parsed {n} files of {}/src in {elapsed:.2?}; {} with errors", goroot.display(), failures.len());
    for f in failures.iter().take(30) {
        eprintln!("  {f}");
    }
    assert!(failures.is_empty(), "{} files with syntax errors", failures.len());
}

#[test]
fn goroot_test_parses_without_panic() {
    let goroot = oracle::goroot();
    let mut files = Vec::new();
    go_files(&goroot.join("test"), false, &mut files);
    let n = files.len();
    let with_errors = on_big_stack(move || {
        let mut with_errors = 0;
        for p in &files {
            let Ok(bytes) = std::fs::read(p) else {
                continue;
            };
            let src = String::from_utf8_lossy(&bytes).into_owned();
            let (_, _, errs) = parse_source(&p.display().to_string(), src);
            if !errs.is_empty() {
                with_errors += 1;
            }
        }
        with_errors
    });
    eprintln!("parsed {n} files of {}/test without a panic; {with_errors} report errors", goroot.display());
}

/// For the errorcheck tests of `$GOROOT/test/syntax` and `$GOROOT/test/fixedbugs` whose first error gc reports
/// while parsing (a syntax error, a scanner's error, a directive's) or where g1c's parser reports one: g1c's
/// first error line (`g1c build`, as a user sees it) must equal gc's (`go tool compile`).
#[test]
fn first_syntax_error_matches_gc() {
    let gc = oracle::gc();
    let goroot = oracle::goroot();
    let mut files = Vec::new();
    for dir in ["syntax", "fixedbugs"] {
        let mut v = Vec::new();
        go_files(&goroot.join("test").join(dir), false, &mut v);
        v.retain(|p| p.parent().is_some_and(|d| d.ends_with(dir)));
        files.extend(v);
    }
    let tmp = std::env::temp_dir().join(format!("g1c-syntax-test-{}", std::process::id()));
    std::fs::create_dir_all(&tmp).unwrap();
    let obj = tmp.join("a.o");
    let mut considered = 0;
    let mut diffs = Vec::new();
    for p in files {
        let Ok(bytes) = std::fs::read(&p) else {
            continue;
        };
        let src = String::from_utf8_lossy(&bytes).into_owned();
        if !src.starts_with("// errorcheck") {
            continue;
        }
        let name = p.display().to_string();
        let out = goenv::command(&gc).args(["tool", "compile", "-o"]).arg(&obj).arg(&name).output().unwrap();
        let gc_first = first_error(&out);
        let n = name.clone();
        let (_, _, ours) = on_big_stack(move || parse_source(&n, src));
        if !is_parse_phase(&gc_first) && ours.is_empty() {
            continue;
        }
        considered += 1;
        let out = goenv::g1c().current_dir(&tmp).args(["build", "-o", "/dev/null"]).arg(&name).output().unwrap();
        let our_first = first_error(&out);
        if our_first != gc_first {
            diffs.push(format!("  gc:  {gc_first}\n  g1c: {our_first}"));
        }
    }
    let _ = std::fs::remove_dir_all(&tmp);
    eprintln!("first error identical to gc's in {} of {considered} errorcheck tests", considered - diffs.len());
    // The two directories hold well over 50 such tests: far fewer means the selection broke, not g1c.
    assert!(considered > 50, "only {considered} errorcheck tests considered");
    assert!(diffs.is_empty(), "{} of {considered} differ:\n{}", diffs.len(), diffs.join("\n"));
}

/// The first line a compiler printed that is not a `# package` header.
fn first_error(out: &std::process::Output) -> String {
    let text = String::from_utf8_lossy(&out.stdout).into_owned() + &String::from_utf8_lossy(&out.stderr);
    text.lines().find(|l| !l.starts_with("# ")).unwrap_or("").to_string()
}

/// Whether gc's message (after `file:line:col: `) is one gc reports while parsing: its parser's, its
/// scanner's, or the checks its noder makes on directives as the parser meets them.
fn is_parse_phase(line: &str) -> bool {
    const PARSE: [&str; 21] = [
        ": syntax error:",
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
        "misplaced compiler directive",
        ": usage: //go:",
        "only allowed in cgo-generated code",
        "only allowed in runtime",
        "is only allowed in the standard library",
        "can only use //go:",
    ];
    PARSE.iter().any(|m| line.contains(m))
}

/// Nesting far beyond any real program is reported as an error, not a stack overflow.
#[test]
fn deep_nesting_is_an_error() {
    let n = 100_000;
    let cases = [
        format!("package p\nvar x = {}1{}\n", "(".repeat(n), ")".repeat(n)),
        format!("package p\nfunc f() {{\n{}{}\n}}\n", "{".repeat(n), "}".repeat(n)),
        format!("package p\nvar x {}int\n", "*".repeat(n)),
        format!("package p\nvar x = []int{}{}\n", "{".repeat(n), "}".repeat(n)),
        format!("package p\nvar x = {}1\n", "- ".repeat(n)),
    ];
    for src in cases {
        let (_, _, errs) = on_big_stack(move || parse_source("deep.go", src));
        assert_eq!(errs.len(), 1, "{errs:?}");
        assert!(errs[0].ends_with("exceeded maximum nesting depth"), "{}", errs[0]);
    }
    // Deep but reasonable nesting parses.
    let src = format!("package p\nvar x = {}1{}\n", "(".repeat(2000), ")".repeat(2000));
    let (_, _, errs) = on_big_stack(move || parse_source("ok.go", src));
    assert!(errs.is_empty(), "{errs:?}");
}

/// Import paths are unquoted; directives land where the contract says.
#[test]
fn imports_and_directives() {
    let src = "//go:build ignore\n\n// +build ignore\n\npackage p\n\nimport (\n\tq \"a\\x2fb\"\n\t. `c/d`\n\t_ \"embed\"\n)\n\n\
               //go:linkname x runtime.x\nvar x int\n\n// Doc.\n//go:nosplit\n//go:noinline\nfunc f() {}\n\n\
               //go:embed foo\nvar y string\n"
        .to_string();
    let (_, ast, errs) = parse_source("d.go", src);
    assert!(errs.is_empty(), "{errs:?}");
    let f = &ast.files[0];
    assert_eq!(f.go_build.as_deref(), Some("ignore"));
    assert_eq!(f.plus_build, vec!["ignore".to_string()]);
    assert_eq!(f.imports[0].path, "a/b");
    assert_eq!(f.imports[0].name.as_ref().unwrap().name, "q");
    assert_eq!(f.imports[1].path, "c/d");
    assert_eq!(f.imports[1].name.as_ref().unwrap().name, ".");
    let dirs: Vec<&str> = f.directives.iter().map(|d| d.text.as_str()).collect();
    assert_eq!(dirs, vec!["go:linkname x runtime.x", "go:embed foo"]);
    let g1c::syntax::ast::Decl::Func(fd) = &f.decls[1] else { panic!("not a func") };
    let pragmas: Vec<&str> = fd.pragmas.iter().map(|d| d.text.as_str()).collect();
    assert_eq!(pragmas, vec!["go:nosplit", "go:noinline"]);
}

/// Mangled real sources (cut short, or with a slice removed) give errors, never a panic.
#[test]
fn mangled_sources_never_panic() {
    let goroot = oracle::goroot();
    let mut files = Vec::new();
    go_files(&goroot.join("src/go/parser"), true, &mut files);
    go_files(&goroot.join("src/sort"), true, &mut files);
    on_big_stack(move || {
        let mut seed: u64 = 0x9E37_79B9_7F4A_7C15;
        let mut rand = move |n: usize| {
            seed = seed.wrapping_mul(6364136223846793005).wrapping_add(1442695040888963407);
            ((seed >> 33) as usize) % n.max(1)
        };
        for p in files.iter().take(12) {
            let src = std::fs::read_to_string(p).unwrap();
            for _ in 0..60 {
                let mut a = rand(src.len());
                let mut b = (a + rand(40)).min(src.len());
                while !src.is_char_boundary(a) {
                    a -= 1;
                }
                while !src.is_char_boundary(b) {
                    b -= 1;
                }
                let cut = src[..b].to_string();
                parse_source("cut.go", cut);
                let holed = format!("{}{}", &src[..a], &src[b..]);
                parse_source("holed.go", holed);
            }
        }
    });
}

/// `//line` and `/*line*/` directives change printed positions as gc's position bases do (expected
/// positions from gc's messages for the same file); malformed ones are reported with gc's wording.
#[test]
fn line_directives() {
    let src = "package p\n\nvar a int = \"x\"\n//line foo.go:100\nvar b int = \"x\"\n\
               var c int = \"x\" /*line bar.go:7:20*/; var d int = \"x\"\nvar e int = \"x\"\n//line :50:5\n\
               var f int = \"x\"\n//line baz.go:3:1\n\n  var g int = \"x\"\n//line nocol.go:10\n \
               /*line :20:3*/var h int = \"x\"\n  //line ignored.go:1\nvar i int = \"x\"\n";
    let (fset, _, errs) = parse_source("ld.go", src.to_string());
    assert!(errs.is_empty(), "{errs:?}");
    // The position of each `"x"`, in order.
    let base = fset.file(g1c::syntax::pos::FileId(0)).base;
    let got: Vec<String> = src
        .match_indices("\"x\"")
        .map(|(i, _)| fset.position(g1c::syntax::pos::Pos(base + i as u32)).unwrap().to_string())
        .collect();
    let want = [
        "ld.go:3:13",
        "foo.go:100",
        "foo.go:101",
        "bar.go:7:34",
        "bar.go:8:13",
        "bar.go:50:17",
        "baz.go:4:15",
        "nocol.go:20:15",
        "nocol.go:22:13",
    ];
    assert_eq!(got, want);
    let (_, _, errs) =
        parse_source("bad.go", "package p\n//line bad.go:x\n//line bad.go:0\n//line b.go:1:0\n".to_string());
    assert_eq!(
        errs,
        [
            "bad.go:2:15: invalid line number: x",
            "bad.go:3:15: invalid line number: 0",
            "bad.go:4:15: invalid column number: 0"
        ]
    );
}

/// Package-wide `//go:linkname` checks: `unsafe` must be imported, and a name is linknamed once.
#[test]
fn linkname_checks() {
    let src = "package p\n\nimport _ \"unsafe\"\n\nvar x int\n\n//go:linkname x a\n//go:linkname x b\n\
               //go:linkname nonexist c\nfunc f() {}\n";
    let (fset, ast, errs) = parse_source("l.go", src.to_string());
    assert!(errs.is_empty(), "{errs:?}");
    let files: Vec<&g1c::syntax::ast::File> = ast.files.iter().collect();
    let got: Vec<String> = g1c::syntax::directive::check_linknames(&files).iter().map(|e| e.render(&fset)).collect();
    assert_eq!(got, ["l.go:8:3: duplicate //go:linkname for x"]);
    let (fset, ast, _) = parse_source("m.go", "package p\n\n//go:linkname f g\nfunc f()\n".to_string());
    let files: Vec<&g1c::syntax::ast::File> = ast.files.iter().collect();
    let got: Vec<String> = g1c::syntax::directive::check_linknames(&files).iter().map(|e| e.render(&fset)).collect();
    assert_eq!(got, ["m.go:3:3: //go:linkname only allowed in Go files that import \"unsafe\""]);
}

/// Misplaced directives and the pragmas each declaration allows, worded as gc's noder words them.
#[test]
fn directive_checks() {
    let src = "package p\n\nimport _ \"embed\"\n\n//go:noinline\nvar x int\n\n//go:notinheap\ntype T int\n\n\
               func g() {} //go:noinline\n\n//go:noescape\nfunc h() {}\n\nfunc k() {\n\t//go:embed f\n\tvar s string\n\t_ = s\n}\n\
               //go:nosplit\n";
    let (_, _, errs) = parse_source("d.go", src.to_string());
    assert_eq!(
        errs,
        [
            "d.go:5:3: misplaced compiler directive",
            "d.go:11:15: misplaced compiler directive",
            "d.go:14:6: can only use //go:noescape with external func implementations",
            "d.go:17:4: go:embed cannot apply to var inside func",
            "d.go:21:3: misplaced compiler directive",
        ]
    );
}

/// Directives that depend on the package: runtime-only ones, cgo ones outside cgo-generated files.
#[test]
fn package_directive_checks() {
    let src = "package p\n\n//go:nowritebarrier\nfunc f() {}\n\n//go:cgo_import_static x\n\
               //go:cgo_import_dynamic a b \"lib.so\"\n"
        .to_string();
    let (fset, ast, errs) = parse_source("c.go", src);
    assert!(errs.is_empty(), "{errs:?}");
    let files: Vec<&g1c::syntax::ast::File> = ast.files.iter().collect();
    let render = |errs: Vec<g1c::syntax::pos::Error>| -> Vec<String> { errs.iter().map(|e| e.render(&fset)).collect() };
    assert_eq!(
        render(g1c::syntax::directive::check_package("main", &fset, &files)),
        [
            "c.go:3:3: //go:nowritebarrier only allowed in runtime",
            "c.go:6:3: //go:cgo_import_static x only allowed in cgo-generated code"
        ]
    );
    assert!(g1c::syntax::directive::check_package("runtime", &fset, &files).is_empty());
    // A malformed cgo directive: gc says first that it is not allowed here, then how it is used.
    let (fset, ast, errs) = parse_source("u.go", "package p\n\n//go:cgo_ldflag x\n".to_string());
    assert!(errs.is_empty(), "{errs:?}");
    let files: Vec<&g1c::syntax::ast::File> = ast.files.iter().collect();
    let errs: Vec<String> =
        g1c::syntax::directive::check_package("main", &fset, &files).iter().map(|e| e.render(&fset)).collect();
    assert_eq!(
        errs,
        ["u.go:3:3: //go:cgo_ldflag x only allowed in cgo-generated code", "u.go:3:3: usage: //go:cgo_ldflag \"arg\""]
    );
    let errs: Vec<String> =
        g1c::syntax::directive::check_package("runtime", &fset, &files).iter().map(|e| e.render(&fset)).collect();
    assert_eq!(errs, ["u.go:3:3: usage: //go:cgo_ldflag \"arg\""]);
}
