//! The driver's error report, compared with what gc 1.19's `go build` printed for the same files (the `.err`
//! files next to each program were produced by `go build FILE.go` and `go build -gcflags=-e FILE.go`).

#[path = "common/goenv.rs"]
mod goenv;

use std::path::Path;

fn build_stderr(file: &str, all_errors: bool) -> String {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("test/data/driver");
    let out_dir = std::env::temp_dir().join(format!("g1c-driver-test-{}", std::process::id()));
    std::fs::create_dir_all(&out_dir).unwrap();
    let mut cmd = goenv::g1c();
    cmd.current_dir(&dir).arg("build");
    if all_errors {
        cmd.arg("-e");
    }
    let out = cmd.arg("-o").arg(out_dir.join("a.out")).arg(file).output().unwrap();
    assert_eq!(out.status.code(), Some(1), "{file}: build errors exit with status 1");
    String::from_utf8(out.stderr).unwrap()
}

fn expected(name: &str) -> String {
    std::fs::read_to_string(Path::new(env!("CARGO_MANIFEST_DIR")).join("test/data/driver").join(name)).unwrap()
}

/// gc stops at the tenth error *found* (package-level declarations are checked before function bodies) and
/// prints those ten sorted by position, then `too many errors` at the tenth's position.
#[test]
fn too_many_errors_keeps_the_first_ten_found() {
    pretty_assertions::assert_eq!(build_stderr("too_many.go", false), expected("too_many.err"));
}

#[test]
fn all_errors_with_e() {
    pretty_assertions::assert_eq!(build_stderr("too_many.go", true), expected("too_many_e.err"));
}

/// Frames of 1 GB and more: gc's "stack frame too large (>1GB)" at each function's declaration.
#[test]
fn stack_frame_too_large() {
    pretty_assertions::assert_eq!(build_stderr("frame_too_large.go", false), expected("frame_too_large.err"));
}

/// `unsafe` is built into the compiler: `go build unsafe` builds nothing, prints nothing and succeeds.
#[test]
fn build_unsafe_succeeds_quietly() {
    let out = goenv::g1c().arg("build").arg("unsafe").current_dir(std::env::temp_dir()).output().unwrap();
    assert_eq!(out.status.code(), Some(0), "stderr: {}", String::from_utf8_lossy(&out.stderr));
    assert!(out.stdout.is_empty() && out.stderr.is_empty());
}
