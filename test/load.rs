//! Package loading and multi-package checking: build constraints, import resolution, import cycles, and
//! `g1c check` over GOPATH packages in `test/data/load/src` and over real GOROOT packages.

use std::path::Path;
use std::process::Command;

use g1c::load::constraint::{parse_expr, Context};

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
    let out = Command::new(env!("CARGO_BIN_EXE_g1c"))
        .arg("check")
        .args(args)
        .env("GOPATH", gopath)
        .env("GOOS", goos)
        .env("GOARCH", "amd64")
        .env_remove("GOROOT")
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
    if !Path::new("/usr/share/go-1.19/src/fmt").is_dir() {
        eprintln!("no GOROOT; skipped");
        return;
    }
    let (code, err) = g1c_check(&["fmt", "encoding/json", "sort"], "linux");
    assert_eq!((code, err.as_str()), (0, ""));
}
