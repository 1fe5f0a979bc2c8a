//! Type checker tests: for every program in test/data/types, `g1c dump types` (or the sorted error list when
//! the program has errors) is compared with test/golden/types/<name>.txt (update with
//! `UPDATE_GOLDENFILES=1`).

use std::io::Write;
use std::path::PathBuf;

use g1c::dump;
use g1c::syntax::ast::Ast;
use g1c::syntax::parser::parse_file;
use g1c::syntax::pos::FileSet;
use g1c::types::check::check_package;

fn data_files() -> Vec<PathBuf> {
    let mut v: Vec<PathBuf> = std::fs::read_dir("test/data/types")
        .unwrap()
        .map(|e| e.unwrap().path())
        .filter(|p| p.extension().is_some_and(|e| e == "go"))
        .collect();
    v.sort();
    v
}

/// Parses and checks one file; returns the dump or the errors, as text.
fn check_file(name: String, src: String) -> String {
    let mut fset = FileSet::new();
    let id = fset.add(name, src);
    let mut ast = Ast::default();
    let errs = parse_file(&fset, id, &mut ast);
    if !errs.is_empty() {
        return errs.iter().map(|e| e.render(&fset) + "\n").collect();
    }
    match check_package(&fset, &ast, "main") {
        Ok(prog) => dump::types::dump_types(&fset, &ast, &prog),
        Err(mut errs) => {
            errs.sort_by_key(|e| e.pos);
            errs.iter().map(|e| e.render(&fset) + "\n").collect()
        }
    }
}

#[test]
fn golden_types() {
    let mut mint = goldenfile::Mint::new("test/golden/types");
    for path in data_files() {
        let stem = path.file_stem().unwrap().to_str().unwrap().to_string();
        let name = format!("test/data/types/{stem}.go");
        let src = std::fs::read_to_string(&path).unwrap();
        let out = std::thread::Builder::new()
            .stack_size(256 << 20)
            .spawn(move || check_file(name, src))
            .unwrap()
            .join()
            .unwrap();
        let mut f = mint.new_goldenfile(format!("{stem}.txt")).unwrap();
        f.write_all(out.as_bytes()).unwrap();
    }
}

/// Checks `src` as package `p` with language version `lang` (gc's `-lang`); returns the sorted errors.
fn check_with_lang(src: &str, lang: Option<&str>) -> Vec<String> {
    use g1c::types::check::{check_program, GoVersion, PackageSrc};
    let mut fset = FileSet::new();
    let id = fset.add("x.go".to_string(), src.to_string());
    let mut ast = Ast::default();
    assert!(parse_file(&fset, id, &mut ast).is_empty());
    let files = [0usize];
    let imports = Default::default();
    let lang = lang.map(|l| GoVersion::parse_flag(l).unwrap());
    let pkgs = [PackageSrc { path: "p", files: &files, imports: &imports, bad_imports: &Default::default(), lang }];
    let (_, errs) = check_program(&fset, &ast, &pkgs, g1c::target::Target::LINUX_AMD64.sizes);
    let mut errs: Vec<_> = errs.into_iter().flatten().collect();
    errs.sort_by_key(|e| e.pos);
    errs.iter().map(|e| e.render(&fset)).collect()
}

/// types2's `allowVersion` checks, with gc's wording (`-lang was set to ...; check go.mod`).
#[test]
fn language_versions() {
    let src = "package p

var s []int
var _ = 0b1 + 1_000 + 0o7
var _ = 0x1p4
var _ = 1 << len(s)

type I interface{ M() }
type J interface{ M() }
type K interface {
\tI
\tJ
}
type E interface{ int }
type U interface{ ~int | string }
type G[T any] struct{ x T }

func F[T any](x T) {}

var _ G[int]
var _ = (*[1]int)(s)
";
    let want = [
        "x.go:4:9: binary literals requires go1.13 or later (-lang was set to go1.12; check go.mod)",
        "x.go:4:15: underscores in numeric literals requires go1.13 or later (-lang was set to go1.12; check go.mod)",
        "x.go:4:23: 0o/0O-style octal literals requires go1.13 or later (-lang was set to go1.12; check go.mod)",
        "x.go:5:9: hexadecimal floating-point literals requires go1.13 or later (-lang was set to go1.12; check go.mod)",
        "x.go:6:14: invalid operation: signed shift count len(s) (value of type int) requires go1.13 or later",
        "x.go:12:2: duplicate method M\n\tx.go:11:2: other declaration of M",
        "x.go:14:19: embedding non-interface type int requires go1.18 or later (-lang was set to go1.12; check go.mod)",
        "x.go:15:19: embedding interface element ~int|string requires go1.18 or later (-lang was set to go1.12; check go.mod)",
        "x.go:16:8: type parameter requires go1.18 or later (-lang was set to go1.12; check go.mod)",
        "x.go:16:10: predeclared any requires go1.18 or later (-lang was set to go1.12; check go.mod)",
        "x.go:18:8: type parameter requires go1.18 or later (-lang was set to go1.12; check go.mod)",
        "x.go:18:10: predeclared any requires go1.18 or later (-lang was set to go1.12; check go.mod)",
        "x.go:20:7: type instantiation requires go1.18 or later (-lang was set to go1.12; check go.mod)",
    ];
    let got = check_with_lang(src, Some("go1.12"));
    let conv = got.iter().any(|e| e.contains("conversion of slices to array pointers requires go1.17 or later"));
    let got: Vec<&String> = got.iter().filter(|e| !e.contains("cannot convert")).collect();
    pretty_assertions::assert_eq!(got, want.iter().collect::<Vec<_>>());
    assert!(conv, "slice to array pointer conversion accepted under go1.12");
    // Go 1.19 (or no limit) accepts all of it (`E` and `U` are declared, never used as value types).
    assert!(check_with_lang(src, Some("go1.19")).is_empty(), "{:?}", check_with_lang(src, Some("go1.19")));
    assert!(check_with_lang(src, None).is_empty());
    assert!(go_version_parsing());
}

/// `-lang` values are spelled `go1.N` without leading zeros (types2's `goVersionRx`).
fn go_version_parsing() -> bool {
    use g1c::types::check::GoVersion;
    ["1.12", "go1", "go1.012", "go0.1", "go1.x"].iter().all(|s| GoVersion::parse_flag(s).is_err())
        && GoVersion::parse_flag("go1.17") == Ok(GoVersion { major: 1, minor: 17 })
}
