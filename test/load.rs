//! Package loading and multi-package checking: build constraints, import resolution, import cycles, and
//! `g1c check` over GOPATH packages in `test/data/load/src` and over real GOROOT packages.

#[path = "common/goenv.rs"]
mod goenv;

use std::path::Path;

use g1c::load::constraint::{parse_expr, Context};

#[path = "common/oracle.rs"]
mod oracle;

fn ctx(goos: &str, goarch: &str) -> Context {
    Context { goos: goos.into(), goarch: goarch.into(), extra_tags: vec!["purego".into()] }
}

#[test]
fn go_build_expressions() {
    let linux = ctx("linux", "amd64");
    let eval = |s: &str, c: &Context| parse_expr(s).unwrap().eval(c);
    assert!(eval("linux && amd64", &linux));
    assert!(eval("unix && !windows", &linux));
    assert!(eval("(darwin || linux) && gc && go1.19 && purego", &linux));
    assert!(!eval("cgo || go1.20", &linux));
    assert!(!eval("ignore", &linux));
    assert!(eval("amd64.v1", &linux));
    assert!(parse_expr("linux &&").is_err());
    assert!(parse_expr("(linux").is_err());
}

#[test]
fn file_headers_and_names() {
    let linux = ctx("linux", "amd64");
    let win386 = ctx("windows", "386");
    assert!(linux.should_build("// +build linux,!386\n\npackage p\n").unwrap());
    assert!(!win386.should_build("// +build linux,!386\n\npackage p\n").unwrap());
    // `// +build` lines count only when a blank line follows them (else they are package documentation).
    assert!(win386.should_build("// +build linux\npackage p\n").unwrap());
    // `//go:build` decides over `// +build`.
    assert!(linux.should_build("//go:build linux\n// +build windows\n\npackage p\n").unwrap());
    assert!(!linux.should_build("/* c */\n//go:build ignore\n\npackage p\n").unwrap());
    assert!(linux.good_os_arch_file("x_linux_amd64.go"));
    assert!(linux.good_os_arch_file("linux.go"));
    assert!(!linux.good_os_arch_file("x_windows.go"));
    assert!(!linux.good_os_arch_file("x_arm64_test.go"));
    assert!(win386.good_os_arch_file("x_386.go"));
    assert!(ctx("android", "arm64").good_os_arch_file("x_linux.go"));
    assert!(!linux.good_os_arch_file("x_android.go"));
}

fn g1c_check(args: &[&str], goos: &str) -> (i32, String) {
    let gopath = Path::new(env!("CARGO_MANIFEST_DIR")).join("test/data/load");
    let out = goenv::g1c()
        .arg("check")
        .args(args)
        .env("GOPATH", gopath)
        .env("GOOS", goos)
        .env("GOARCH", "amd64")
        .output()
        .unwrap();
    (out.status.code().unwrap_or(-1), String::from_utf8_lossy(&out.stderr).into_owned())
}

#[test]
fn imports_qualified_names_and_constraints() {
    let (code, err) = g1c_check(&["app"], "linux");
    assert_eq!(code, 1);
    pretty_assertions::assert_eq!(
        err,
        "# app\n\
         $GOPATH/src/app/app.go:4:2: imported and not used: \"os\"\n\
         $GOPATH/src/app/app.go:12:11: undefined: lib.hidden\n\
         $GOPATH/src/app/app.go:14:11: undefined: lib.OnlyOnWindows\n"
    );
    let (code, err) = g1c_check(&["app"], "windows");
    assert_eq!(code, 1);
    pretty_assertions::assert_eq!(
        err,
        "# app\n\
         $GOPATH/src/app/app.go:4:2: imported and not used: \"os\"\n\
         $GOPATH/src/app/app.go:8:22: undefined: lib.LinuxNot386\n\
         $GOPATH/src/app/app.go:12:11: undefined: lib.hidden\n"
    );
}

#[test]
fn import_cycle() {
    let (code, err) = g1c_check(&["cyc/a"], "linux");
    assert_eq!(code, 1);
    assert_eq!(err, "package cyc/a\n\timports cyc/b\n\timports cyc/a: import cycle not allowed\n");
}

#[test]
fn std_packages_check_clean() {
    oracle::goroot();
    let (code, err) = g1c_check(&["fmt", "encoding/json", "sort"], "linux");
    assert_eq!((code, err.as_str()), (0, ""));
}

/// The file names of package `path` as loaded with the std overlay on or off (`$GOROOT/src/...` or `lib/...`).
fn std_files(path: &str, overlay: bool) -> Vec<String> {
    let cfg = g1c::load::Config { overlay, ..g1c::load::Config::from_env(&g1c::load::Flags::default()) };
    let loaded = g1c::load::load(&cfg, &[path.to_string()]);
    assert!(loaded.errors.is_empty(), "{:?}", loaded.errors);
    let pkg = loaded.packages.iter().find(|p| p.path == path).unwrap();
    pkg.files
        .iter()
        .map(|&fi| loaded.fset.file(g1c::syntax::pos::FileId(loaded.ast.files[fi].file_id)).name.clone())
        .collect()
}

/// lib/<path>/select: a selected GOROOT file is compiled although its `//go:build` line leaves it out on
/// linux/amd64, read from GOROOT under its GOROOT name (no copy in lib/); the files `omit` names are gone;
/// files of g1c's own keep their `lib/` names. Without the overlay (`g1c check`) GOROOT's constraints rule.
#[test]
fn overlay_selects_goroot_files() {
    if !Path::new("/usr/share/go-1.19/src/internal/bytealg").is_dir() {
        eprintln!("no GOROOT; skipped");
        return;
    }
    let g = |f: &str| format!("$GOROOT/src/internal/bytealg/{f}");
    let with = std_files("internal/bytealg", true);
    for f in ["compare_generic.go", "count_generic.go", "index_generic.go", "bytealg.go"] {
        assert!(with.contains(&g(f)), "{f} missing from {with:?}");
    }
    assert!(!with.iter().any(|f| f.ends_with("_native.go")), "{with:?}");
    // IndexByte is rt's assembly, declared by a file of g1c's own in place of the portable one.
    assert!(with.contains(&"lib/internal/bytealg/indexbyte_g1c.go".to_string()), "{with:?}");
    assert!(!with.contains(&g("indexbyte_generic.go")), "{with:?}");
    let without = std_files("internal/bytealg", false);
    assert!(without.contains(&g("compare_native.go")) && !without.contains(&g("compare_generic.go")), "{without:?}");

    // A selected file beside an omitted one (math/bits' bootstrap errors, tag compiler_bootstrap).
    let bits = std_files("math/bits", true);
    assert!(bits.contains(&"$GOROOT/src/math/bits/bits_errors_bootstrap.go".to_string()), "{bits:?}");
    assert!(!bits.contains(&"$GOROOT/src/math/bits/bits_errors.go".to_string()), "{bits:?}");
    // An overlay file of g1c's own beside GOROOT's unmodified files.
    let cpu = std_files("internal/cpu", true);
    assert!(cpu.contains(&"lib/internal/cpu/startup.go".to_string()), "{cpu:?}");
    assert!(cpu.contains(&"$GOROOT/src/internal/cpu/cpu_x86.go".to_string()), "{cpu:?}");
}

// ---- Module mode: temporary module trees, checked with the go command's wording and file names. ----

/// A fresh directory tree under the system temp dir holding `files` (path, text); removed when dropped.
struct Tree(std::path::PathBuf);

impl Tree {
    fn new(name: &str, files: &[(&str, &str)]) -> Tree {
        let root = std::env::temp_dir().join(format!("g1c-load-{name}-{}", std::process::id()));
        let _ = std::fs::remove_dir_all(&root);
        for (path, text) in files {
            let p = root.join(path);
            std::fs::create_dir_all(p.parent().unwrap()).unwrap();
            std::fs::write(p, text).unwrap();
        }
        Tree(root)
    }

    /// `g1c <args>` run in `dir` (relative to the tree) with a GOPATH (and module cache) inside the tree.
    fn g1c(&self, dir: &str, args: &[&str], env: &[(&str, &str)]) -> (i32, String) {
        let mut cmd = goenv::g1c();
        cmd.args(args)
            .current_dir(self.0.join(dir))
            .env("GOPATH", self.0.join("gopath"))
            .env("GOOS", "linux")
            .env("GOARCH", "amd64");
        for (k, v) in env {
            cmd.env(k, v);
        }
        let out = cmd.output().unwrap();
        (out.status.code().unwrap_or(-1), String::from_utf8_lossy(&out.stderr).into_owned())
    }
}

impl Drop for Tree {
    fn drop(&mut self) {
        let _ = std::fs::remove_dir_all(&self.0);
    }
}

const GO_MOD: &str = "// The main module.\nmodule example.com/m\n\ngo 1.19\n";

#[test]
fn module_nested_packages_and_file_names() {
    let t = Tree::new(
        "nested",
        &[
            ("m/go.mod", GO_MOD),
            ("m/main.go", "package main\n\nimport \"example.com/m/sub\"\n\nfunc main() { _ = sub.X + undefinedA }\n"),
            ("m/sub/s.go", "package sub\n\nimport \"example.com/m/sub/deep\"\n\nvar X = deep.Y + \"a\"\n"),
            ("m/sub/deep/d.go", "package deep\n\nvar Y = 1\n"),
            ("m/other/o.go", "package other\n\nvar Z int = \"s\"\n"),
            // A nested module and vendor-like and testdata directories are not part of `./...`.
            ("m/nested/go.mod", "module nest\n"),
            ("m/nested/n.go", "package nested\n\nvar N int = \"n\"\n"),
            ("m/testdata/t.go", "package t\n\nvar T int = \"t\"\n"),
        ],
    );
    // Dependency order; `example.com/m` is not reported: its dependency `sub` failed (as go build does).
    let (code, err) = t.g1c("m", &["check", "./..."], &[]);
    assert_eq!(code, 1);
    pretty_assertions::assert_eq!(
        err,
        "# example.com/m/sub\n\
         sub/s.go:5:9: invalid operation: deep.Y + \"a\" (mismatched types int and untyped string)\n\
         # example.com/m/other\n\
         other/o.go:3:13: cannot use \"s\" (untyped string constant) as int value in variable declaration\n"
    );
    // From a sub directory: files relative to it.
    let (_, err) = t.g1c("m/sub", &["check", ".", "../other"], &[]);
    pretty_assertions::assert_eq!(
        err,
        "# example.com/m/sub\n\
         ./s.go:5:9: invalid operation: deep.Y + \"a\" (mismatched types int and untyped string)\n\
         # example.com/m/other\n\
         ../other/o.go:3:13: cannot use \"s\" (untyped string constant) as int value in variable declaration\n"
    );
    let (_, err) = t.g1c("m", &["check", "example.com/m/sub/..."], &[]);
    assert!(err.starts_with("# example.com/m/sub\nsub/s.go:5:9:"), "{err}");
    let (code, err) = t.g1c("m", &["check", "./sub/deep", "example.com/m/sub/deep"], &[]);
    assert_eq!((code, err.as_str()), (0, ""));
    // A module asking for a newer language: go build's note after the errors.
    std::fs::write(t.0.join("m/go.mod"), "module example.com/m\n\ngo 1.20\n").unwrap();
    let (_, err) = t.g1c("m", &["check", "./other"], &[]);
    assert!(err.ends_with("in variable declaration\nnote: module requires Go 1.20\n"), "{err}");
    std::fs::write(t.0.join("m/go.mod"), GO_MOD).unwrap();
    let (_, err) = t.g1c("m", &["check", "./nested"], &[]);
    assert_eq!(err, "main module (example.com/m) does not contain package example.com/m/nested\n");
    let (_, err) = t.g1c("m", &["check", "./nothere", "../m/nothere/..."], &[]);
    assert_eq!(
        err,
        format!(
            "stat {}: directory not found\npattern ../m/nothere/...: lstat ../m/nothere/: no such file or directory\n",
            t.0.join("m/nothere").display()
        )
    );
}

#[test]
fn internal_packages() {
    let t = Tree::new(
        "internal",
        &[
            ("m/go.mod", GO_MOD),
            ("m/sub/internal/x/x.go", "package x\n"),
            ("m/sub/s.go", "package sub\n\nimport _ \"example.com/m/sub/internal/x\"\n"),
            (
                "m/other/o.go",
                "package other\n\nimport (\n\t_ \"example.com/m/sub/internal/x\"\n\t_ \"internal/cpu\"\n)\n",
            ),
            ("m/main.go", "package main\n\nimport _ \"example.com/m/other\"\n\nfunc main() {}\n"),
        ],
    );
    let (code, err) = t.g1c("m", &["check", "./sub/...", "example.com/m/sub/internal/x"], &[]);
    assert_eq!((code, err.as_str()), (0, ""));
    let (code, err) = t.g1c("m", &["check", "main.go"], &[]);
    assert_eq!(code, 1);
    pretty_assertions::assert_eq!(
        err,
        "package command-line-arguments\n\
         \timports example.com/m/other\n\
         \tother/o.go:4:2: use of internal package example.com/m/sub/internal/x not allowed\n\
         package command-line-arguments\n\
         \timports example.com/m/other\n\
         \tother/o.go:5:2: use of internal package internal/cpu not allowed\n"
    );
}

/// cmd/dist's copy of the toolchain in GOPATH's `bootstrap/...` may import std's internal packages (the go
/// command's exception for the bootstrap); any other GOPATH package may not.
#[test]
fn bootstrap_copies_may_import_std_internal_packages() {
    let t = Tree::new(
        "bootstrap-internal",
        &[
            ("gopath/src/bootstrap/sort/s.go", "package sort\n\nimport _ \"internal/reflectlite\"\n"),
            ("gopath/src/notbootstrap/s.go", "package s\n\nimport _ \"internal/reflectlite\"\n"),
        ],
    );
    let env = [("GO111MODULE", "off")];
    let (code, err) = t.g1c("gopath/src", &["check", "bootstrap/sort"], &env);
    assert_eq!((code, err.as_str()), (0, ""));
    let (code, err) = t.g1c("gopath/src", &["check", "notbootstrap"], &env);
    assert_eq!(code, 1);
    assert!(err.contains("use of internal package internal/reflectlite not allowed"), "{err}");
}

/// A module without a `go` directive is Go 1.16, where a defined type over an imported constraint
/// interface is an error (types2's isImportedConstraint) but one over an imported struct is not (cmd/link's
/// `type xcoffBiobuf bio.Reader`, compiled so under cmd/dist's `module bootstrap`).
#[test]
fn go116_modules_may_define_types_over_imported_structs() {
    let t = Tree::new(
        "lang116",
        &[
            ("m/go.mod", "module example.com/m\n"),
            ("m/a/a.go", "package a\n\ntype R struct{ n int }\n\ntype I interface{ M() }\n"),
            ("m/b/b.go", "package b\n\nimport \"example.com/m/a\"\n\ntype X a.R\n\ntype Y a.I\n"),
        ],
    );
    let (code, err) = t.g1c("m", &["check", "./b"], &[]);
    assert_eq!((code, err.as_str()), (0, ""));
}

#[test]
fn module_missing_packages_and_modules() {
    let t = Tree::new(
        "missing",
        &[
            ("m/go.mod", "module example.com/m\n\ngo 1.19\n\nrequire (\n\texample.org/x v1.0.0 // indirect\n)\n"),
            (
                "m/o.go",
                "package o\n\nimport (\n\t\"example.com/m/nothere\"\n\t\"example.org/x/y\"\n\t\"example.net/z\"\n\t\"fmtx\"\n\t\"./rel\"\n)\n",
            ),
            ("m/go.sum", "example.org/x v1.0.0 h1:AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA=\n"),
        ],
    );
    let (code, err) = t.g1c("m", &["check", "."], &[]);
    assert_eq!(code, 1);
    pretty_assertions::assert_eq!(
        err,
        "o.go:8:2: local import \"./rel\" in non-local package\n\
         o.go:4:2: no required module provides package example.com/m/nothere; to add it:\n\
         \tgo get example.com/m/nothere\n\
         o.go:6:2: no required module provides package example.net/z; to add it:\n\
         \tgo get example.net/z\n\
         o.go:5:2: example.org/x@v1.0.0: module not in the module cache (g1c does not download modules); to add it:\n\
         \tgo mod download example.org/x\n\
         o.go:7:2: package fmtx is not in GOROOT (/usr/share/go-1.19/src/fmtx)\n"
    );
    // Files named on the command line may not import relative paths in module mode.
    let (_, err) = t.g1c("m", &["check", "o.go"], &[]);
    assert!(
        err.starts_with(
            "o.go:8:2: \"./rel\" is relative, but relative import paths are not supported in module mode\n"
        ),
        "{err}"
    );
}

#[test]
fn module_replace_and_module_cache() {
    let t = Tree::new(
        "replace",
        &[
            (
                "m/go.mod",
                "module example.com/m\n\ngo 1.19\n\nrequire x.org/a v0.0.0\nrequire example.org/x v1.0.0\n\nreplace x.org/a => ../a\n",
            ),
            ("m/o.go", "package o\n\nimport (\n\t\"example.org/x/y\"\n\t\"x.org/a/b\"\n)\n\nvar Z = b.B + y.A\n"),
            ("a/go.mod", "module x.org/a\n"),
            ("a/b/b.go", "package b\n\nvar B = \"b\"\n"),
            ("gopath/pkg/mod/example.org/x@v1.0.0/y/y.go", "package y\n\nconst A = 2\n"),
            ("m/go.sum", "example.org/x v1.0.0 h1:AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA=\n"),
        ],
    );
    let (code, err) = t.g1c("m", &["check", "."], &[]);
    assert_eq!(code, 1);
    pretty_assertions::assert_eq!(
        err,
        "# example.com/m\n./o.go:8:9: invalid operation: b.B + y.A (mismatched types string and untyped int)\n"
    );
    // Patterns reach the required modules, by import path or by directory.
    let (code, err) = t.g1c("m", &["check", "-v", "x.org/a/...", "../a/b", "example.org/x/y"], &[]);
    assert_eq!(
        (code, err.as_str()),
        (0, "ok   x.org/a/b\nok   example.org/x/y\ng1c check: 2 packages, 2 clean, 0 with errors\n")
    );
    // A module from the module cache must be in go.sum (not its go.mod alone).
    std::fs::write(
        t.0.join("m/go.sum"),
        "example.org/x v1.0.0/go.mod h1:AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA=\n",
    )
    .unwrap();
    let (_, err) = t.g1c("m", &["check", "."], &[]);
    assert_eq!(
        err,
        "o.go:4:2: missing go.sum entry for module providing package example.org/x/y (imported by example.com/m); \
         to add:\n\tgo get example.com/m\n"
    );
    let (_, err) = t.g1c("m", &["check", "example.org/x/y"], &[]);
    assert_eq!(
        err,
        "missing go.sum entry for module providing package example.org/x/y; to add:\n\tgo mod download example.org/x\n"
    );
    // A requirement of an excluded version.
    std::fs::write(
        t.0.join("m/go.mod"),
        "module example.com/m\n\ngo 1.19\n\nrequire x.org/a v0.0.0\n\nexclude x.org/a v0.0.0\n",
    )
    .unwrap();
    let (_, err) = t.g1c("m", &["check", "."], &[]);
    assert_eq!(
        err,
        "g1c: ignoring requirement on excluded version x.org/a v0.0.0\n\
         g1c: updates to go.mod needed; to update it:\n\tgo mod tidy\n"
    );
    std::fs::write(
        t.0.join("m/go.mod"),
        "module example.com/m\n\ngo 1.19\n\nrequire x.org/a v0.0.0\nrequire example.org/x v1.0.0\n\nreplace x.org/a => ../a\n",
    )
    .unwrap();
    std::fs::write(t.0.join("m/go.sum"), "example.org/x v1.0.0 h1:AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA=\n")
        .unwrap();
    // A replacement directory without go.mod.
    std::fs::remove_file(t.0.join("a/go.mod")).unwrap();
    let (_, err) = t.g1c("m", &["check", "."], &[]);
    assert_eq!(
        err,
        format!(
            "o.go:5:2: x.org/a@v0.0.0 (replaced by ../a): reading ../a/go.mod: open {}: no such file or directory\n",
            t.0.join("a/go.mod").display()
        )
    );
}

#[test]
fn module_vendor_directory() {
    let t = Tree::new(
        "vendor",
        &[
            ("m/go.mod", "module example.com/m\n\ngo 1.19\n\nrequire example.org/x v1.0.0\n"),
            ("m/o.go", "package o\n\nimport \"example.org/x/y\"\n\nvar Z int = y.A\n"),
            ("m/vendor/modules.txt", "# example.org/x v1.0.0\n## explicit\nexample.org/x/y\n"),
            ("m/vendor/example.org/x/y/y.go", "package y\n\nconst A = \"q\"\n"),
            ("m/go.sum", "example.org/x v1.0.0 h1:AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA=\n"),
        ],
    );
    // `-mod=vendor` is the default with go 1.14+ and a vendor directory.
    let want = "# example.com/m\n./o.go:5:13: cannot use y.A (untyped string constant \"q\") as int value in variable declaration\n";
    let (code, err) = t.g1c("m", &["check", "./..."], &[]);
    assert_eq!((code, err.as_str()), (1, want));
    let (_, err) = t.g1c("m", &["check", "-mod=vendor", "."], &[]);
    assert_eq!(err, want);
    // The vendored directory is the vendored package.
    let (code, err) = t.g1c("m", &["check", "-v", "./vendor/example.org/x/y"], &[]);
    assert_eq!((code, err.as_str()), (0, "ok   example.org/x/y\ng1c check: 1 packages, 1 clean, 0 with errors\n"));
    // -mod=mod reads the module cache instead, where the module is missing.
    let (_, err) = t.g1c("m", &["check", "-mod=mod", "."], &[]);
    assert!(err.starts_with("o.go:3:8: example.org/x@v1.0.0: module not in the module cache"), "{err}");
    let (_, err) = t.g1c("m", &["check", "."], &[("GOFLAGS", "-mod=mod")]);
    assert!(err.starts_with("o.go:3:8: example.org/x@v1.0.0: module not in the module cache"), "{err}");
    let (code, err) = t.g1c("m", &["check", "-mod=foo", "."], &[]);
    assert_eq!((code, err.as_str()), (1, "g1c: -mod=foo not supported (can be '', 'mod', 'readonly', or 'vendor')\n"));
    // modules.txt must agree with go.mod.
    std::fs::write(
        t.0.join("m/vendor/modules.txt"),
        "# example.org/x v1.0.0\nexample.org/x/y\n# x.org/q v1.0.0 => ../q\n## explicit\nx.org/q\n",
    )
    .unwrap();
    let (code, err) = t.g1c("m", &["check", "."], &[]);
    assert_eq!(code, 1);
    pretty_assertions::assert_eq!(
        err,
        format!(
            "g1c: inconsistent vendoring in {}:\n\
             \texample.org/x@v1.0.0: is explicitly required in go.mod, but not marked as explicit in vendor/modules.txt\n\
             \tx.org/q@v1.0.0: is marked as explicit in vendor/modules.txt, but not explicitly required in go.mod\n\
             \tx.org/q@v1.0.0: is marked as replaced in vendor/modules.txt, but not replaced in go.mod\n\
             \n\tTo ignore the vendor directory, use -mod=readonly or -mod=mod.\n\
             \tTo sync the vendor directory, run:\n\t\tgo mod vendor\n",
            t.0.join("m").display()
        )
    );
}

#[test]
fn module_go_mod_errors_and_modes() {
    let t = Tree::new(
        "modes",
        &[
            ("m/go.mod", "module example.com/m\n\ngo 1.19\nfoo bar\nrequire (\n\tx.org/a\n)\n"),
            ("m/p.go", "package p\n"),
            ("plain/p.go", "package p\n\nvar X int = \"x\"\n"),
        ],
    );
    let (code, err) = t.g1c("m", &["check", "."], &[]);
    assert_eq!(code, 1);
    let gomod = t.0.join("m/go.mod");
    assert_eq!(
        err,
        format!(
            "g1c: errors parsing go.mod:\n{0}:4: unknown directive: foo\n{0}:6:2: usage: require module/path v1.2.3\n",
            gomod.display()
        )
    );
    // GO111MODULE=off: GOPATH mode, go.mod is not read.
    let (code, err) = t.g1c("m", &["check", "."], &[("GO111MODULE", "off")]);
    assert_eq!((code, err.as_str()), (0, ""));
    // GO111MODULE=on without go.mod: only std and named files.
    let (_, err) = t.g1c("plain", &["check", "."], &[("GO111MODULE", "on")]);
    assert_eq!(err, "g1c: go.mod file not found in current directory or any parent directory; see 'go help modules'\n");
    let (_, err) = t.g1c("plain", &["check", "p.go"], &[("GO111MODULE", "on")]);
    assert_eq!(err, "./p.go:3:13: cannot use \"x\" (untyped string constant) as int value in variable declaration\n");
}

#[test]
fn gopath_mode_local_imports() {
    let t = Tree::new(
        "local",
        &[
            ("loc/main.go", "package main\n\nimport \"./a\"\n\nfunc main() { println(a.X) }\n"),
            ("loc/a/a.go", "package a\n\nimport \"../b\"\n\nvar X = b.Y + 1\n"),
            ("loc/b/b.go", "package b\n\nvar Y = \"y\"\n"),
            ("gopath/src/g/g.go", "package g\n\nimport \"./h\"\n"),
        ],
    );
    let off = [("GO111MODULE", "off")];
    let b = t.0.join("loc/b");
    let want = format!(
        "# _{}\na/a.go:5:9: invalid operation: b.Y + 1 (mismatched types string and untyped int)\n",
        t.0.join("loc/a").display()
    );
    let (code, err) = t.g1c("loc", &["check", "main.go"], &off);
    assert_eq!((code, err.as_str()), (1, want.as_str()));
    let (_, err) = t.g1c("loc", &["check", "./..."], &off);
    assert_eq!(err, want);
    std::fs::remove_dir_all(&b).unwrap();
    let (_, err) = t.g1c("loc", &["check", "."], &off);
    assert_eq!(err, format!("a/a.go:3:8: cannot find package \".\" in:\n\t{}\n", b.display()));
    let (_, err) = t.g1c("loc", &["check", "g"], &off);
    assert_eq!(err, "$GOPATH/src/g/g.go:3:8: local import \"./h\" in non-local package\n");
}

#[test]
fn gc_local_import_dir() {
    // The Go test suite's `x.dir` layout as gc compiles it: `-D test`, every `./p` is `test/p`, also from a
    // package that is itself below `test/`.
    let t = Tree::new(
        "gcdir",
        &[
            ("tmp/test/bug0/bug0.go", "package bug0\n\ntype T struct{ i int }\n"),
            ("tmp/test/bug1/bug1.go", "package bug1\n\nimport \"./bug0\"\n\ntype T struct{ t bug0.T }\n"),
            (
                "tmp/bug2.go",
                "package bug2\n\nimport _ \"./bug1\"\nimport \"./bug0\"\n\nfunc f(t bug0.T) int { return t.i }\n",
            ),
        ],
    );
    let (code, err) = t.g1c("tmp", &["check", "-D", "test", "bug2.go"], &[("GO111MODULE", "off")]);
    assert_eq!(code, 1);
    assert_eq!(err, "./bug2.go:6:33: t.i undefined (type bug0.T has no field or method i)\n");
    // Without -D (go build): relative to the importer's directory; errors in import path order.
    let (_, err) = t.g1c("tmp", &["check", "bug2.go"], &[("GO111MODULE", "off")]);
    let missing = |d: &str| format!("cannot find package \".\" in:\n\t{}\n", t.0.join(d).display());
    assert_eq!(err, format!("bug2.go:4:8: {}bug2.go:3:8: {}", missing("tmp/bug0"), missing("tmp/bug1")));
}

#[test]
fn module_run_and_build_a_command() {
    let t = Tree::new(
        "run",
        &[
            ("r/go.mod", "module example.com/r\n\ngo 1.19\n"),
            ("r/cmd/hello/main.go", "package main\n\nfunc main() { println(\"hello from a module\") }\n"),
        ],
    );
    let run = |dir: &str, args: &[&str]| {
        let out = goenv::g1c().args(args).current_dir(t.0.join(dir)).output().unwrap();
        (out.status.code().unwrap_or(-1), String::from_utf8_lossy(&out.stderr).into_owned())
    };
    // `println` writes to stderr.
    assert_eq!(run("r", &["run", "./cmd/hello"]), (0, "hello from a module\n".into()));
    assert_eq!(run("r", &["run", "example.com/r/cmd/hello"]), (0, "hello from a module\n".into()));
    // `g1c build` with no arguments builds the current directory's package, named after the directory.
    assert_eq!(run("r/cmd/hello", &["build"]), (0, String::new()));
    assert!(t.0.join("r/cmd/hello/hello").is_file());
}

#[test]
fn module_language_versions() {
    use g1c::load::{load, Config};
    let t = Tree::new(
        "lang",
        &[
            ("m/go.mod", "module example.com/m\n\ngo 1.17\n\nrequire x.org/a v0.0.0\n\nreplace x.org/a => ../a\n"),
            (
                "m/p.go",
                "package p\n\nimport (\n\t\"strings\"\n\t\"x.org/a\"\n)\n\nvar _ = a.A + strings.ToUpper(\"\")\n",
            ),
            ("a/go.mod", "module x.org/a\n\ngo 1.18\n"),
            ("a/a.go", "package a\n\nconst A = \"a\"\n"),
        ],
    );
    let gopath = t.0.join("gopath").display().to_string();
    let cfg =
        Config::from_vars(&goenv::vars(&[("GOPATH", &gopath)]), Some(&t.0.join("m")), &g1c::load::Flags::default());
    assert_eq!(cfg.modules.as_ref().and_then(|m| m.go_version()), Some("1.17"));
    let loaded = load(&cfg, &["example.com/m/...".to_string()]);
    assert!(loaded.errors.is_empty(), "{:?}", loaded.errors);
    let lang = |path: &str| loaded.packages.iter().find(|p| p.path == path).map(|p| p.lang.clone());
    assert_eq!(lang("example.com/m"), Some(Some("1.17".into())));
    assert_eq!(lang("x.org/a"), Some(Some("1.18".into())));
    assert_eq!(lang("strings"), Some(None));
}

#[test]
fn workspace_modules() {
    let t = Tree::new(
        "work",
        &[
            ("ws/go.work", "go 1.19\n\nuse (\n\t./a\n\t./b // the second module\n)\n"),
            ("ws/a/go.mod", "module ex.com/a\n\ngo 1.18\n"),
            ("ws/a/x/x.go", "package x\n\nimport \"ex.com/b\"\n\nvar X int = b.B\n"),
            ("ws/b/go.mod", "module ex.com/b\n\ngo 1.19\n"),
            ("ws/b/b.go", "package b\n\nimport \"ex.com/c\"\n\nvar B = c.C\n"),
        ],
    );
    let missing = format!(
        "b/b.go:3:8: no required module provides package ex.com/c; to add it:\n\tcd {}\n\tgo get ex.com/c\n",
        t.0.join("ws/b").display()
    );
    let (code, err) = t.g1c("ws", &["check", "./a/..."], &[]);
    assert_eq!((code, err.as_str()), (1, missing.as_str()));
    let (_, err) = t.g1c("ws", &["check", "all"], &[]);
    assert_eq!(err, missing);
    let (_, err) = t.g1c("ws", &["check", "./..."], &[]);
    assert_eq!(
        err,
        "pattern ./...: directory prefix . does not contain modules listed in go.work or their selected dependencies\n"
    );
    let (_, err) = t.g1c("ws/a", &["check", "-mod=vendor", "."], &[]);
    assert!(err.starts_with("g1c: -mod may only be set to readonly when in workspace mode"), "{err}");
    // GOWORK=off: module a alone, which does not require ex.com/b.
    let (_, err) = t.g1c("ws/a", &["check", "./..."], &[("GOWORK", "off")]);
    assert_eq!(err, "x/x.go:3:8: no required module provides package ex.com/b; to add it:\n\tgo get ex.com/b\n");
    std::fs::write(t.0.join("ws/b/b.go"), "package b\n\nconst B = \"b\"\n").unwrap();
    let (_, err) = t.g1c("ws/a", &["check", "./..."], &[]);
    assert_eq!(err, "# ex.com/a/x\nx/x.go:5:13: cannot use b.B (untyped string constant \"b\") as int value in variable declaration\n");
}
