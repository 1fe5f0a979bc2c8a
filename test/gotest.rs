//! `g1c test` against `go test` (gc 1.19, the oracle): the same output and exit status for packages in
//! `test/data/gotest/`, each copied to one temporary directory that both commands run in (go test prints
//! absolute paths in some messages).

use std::path::{Path, PathBuf};
use std::process::Command;

const GC: &str = "/usr/lib/go-1.19/bin/go";

fn gc() -> &'static str {
    assert!(Path::new(GC).exists(), "{GC} not found: install the Debian package golang-1.19-go (the test oracle)");
    GC
}

/// Copies `test/data/gotest/NAME` into a fresh temporary directory.
fn fixture(name: &str) -> PathBuf {
    let src = Path::new(env!("CARGO_MANIFEST_DIR")).join("test/data/gotest").join(name);
    let dst = std::env::temp_dir().join(format!("g1c-gotest-{}-{name}", std::process::id()));
    let _ = std::fs::remove_dir_all(&dst);
    std::fs::create_dir_all(&dst).unwrap();
    for e in std::fs::read_dir(&src).unwrap() {
        let e = e.unwrap();
        std::fs::copy(e.path(), dst.join(e.file_name())).unwrap();
    }
    dst
}

/// Runs `cmd test ARGS` in `dir` with the Go environment this test means (module mode, no GOFLAGS, the
/// host target, no cache or network for go): (stdout, stderr, exit status).
fn go_test(cmd: &str, dir: &Path, args: &[&str]) -> (String, String, i32) {
    let home = dir.join(".home");
    let out = Command::new(cmd)
        .arg("test")
        .args(args)
        .current_dir(dir)
        .env_remove("GOOS")
        .env_remove("GOARCH")
        .env_remove("GOPATH")
        .env_remove("GOROOT")
        .env("GO111MODULE", "on")
        .env("GOFLAGS", "")
        .env("GOENV", "off")
        .env("GOPROXY", "off")
        .env("GOTOOLCHAIN", "local")
        .env("HOME", &home)
        .env("GOCACHE", home.join("gocache"))
        .output()
        .unwrap();
    (
        String::from_utf8_lossy(&out.stdout).into_owned(),
        String::from_utf8_lossy(&out.stderr).into_owned(),
        out.status.code().unwrap_or(-1),
    )
}

fn same_as_gc(name: &str) {
    let dir = fixture(name);
    let want = go_test(gc(), &dir, &[]);
    let got = go_test(env!("CARGO_BIN_EXE_g1c"), &dir, &[]);
    let _ = std::fs::remove_dir_all(&dir);
    assert_eq!(got, want, "g1c test and go test differ on {name} (stdout, stderr, status)");
}

#[test]
fn package_without_test_files() {
    same_as_gc("nofiles");
}

#[test]
fn malformed_test_function() {
    same_as_gc("badsig");
}
