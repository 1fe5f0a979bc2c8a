//! g1c's faces of the go command:
//! - `g1c test` against `go test` (gc 1.19, the oracle): the same output and exit status for packages in
//!   `test/data/gotest/`, each copied to one temporary directory that both commands run in (go test prints
//!   absolute paths in some messages);
//! - g1c invoked as `go` (through a link of that name), as make.bash and cmd/dist invoke a bootstrap
//!   toolchain: `go version`, `go build -o`, `go install` in GOPATH mode, and the refusal of flags whose
//!   effect g1c does not reproduce.

use std::path::{Path, PathBuf};
use std::process::Command;

#[path = "common/goenv.rs"]
mod goenv;
#[path = "common/gotest_mask.rs"]
mod gotest_mask;
#[path = "common/oracle.rs"]
mod oracle;

/// Copies `test/data/gotest/NAME` into a fresh temporary directory of its own (tests run in parallel and
/// several may use the same fixture).
fn fixture(name: &str) -> PathBuf {
    static NEXT: std::sync::atomic::AtomicUsize = std::sync::atomic::AtomicUsize::new(0);
    let n = NEXT.fetch_add(1, std::sync::atomic::Ordering::Relaxed);
    let src = Path::new(env!("CARGO_MANIFEST_DIR")).join("test/data/gotest").join(name);
    let dst = std::env::temp_dir().join(format!("g1c-gotest-{}-{n}-{name}", std::process::id()));
    let _ = std::fs::remove_dir_all(&dst);
    copy_tree(&src, &dst);
    dst
}

fn copy_tree(src: &Path, dst: &Path) {
    std::fs::create_dir_all(dst).unwrap();
    for e in std::fs::read_dir(src).unwrap() {
        let e = e.unwrap();
        if e.file_type().unwrap().is_dir() {
            copy_tree(&e.path(), &dst.join(e.file_name()));
        } else {
            std::fs::copy(e.path(), dst.join(e.file_name())).unwrap();
        }
    }
}

/// Runs `cmd test ARGS` in `dir` with the Go environment this test means (module mode, no GOFLAGS, the
/// host target, no cache or network for go): (stdout, stderr, exit status).
fn go_test(cmd: &Path, dir: &Path, args: &[&str]) -> (String, String, i32) {
    go_test_env(cmd, dir, args, &[])
}

/// `go_test` with more environment variables.
fn go_test_env(cmd: &Path, dir: &Path, args: &[&str], env: &[(&str, &str)]) -> (String, String, i32) {
    let home = dir.join(".home");
    let out = goenv::command(cmd)
        .envs(env.iter().copied())
        .arg("test")
        .args(args)
        .current_dir(dir)
        .env("GO111MODULE", "on")
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
    let want = go_test(&oracle::gc(), &dir, &[]);
    let got = go_test(Path::new(env!("CARGO_BIN_EXE_g1c")), &dir, &[]);
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

/// A directory holding a link named `go` to g1c, and a GOPATH with a library and a command that uses it.
fn go_face_fixture(tag: &str) -> (PathBuf, PathBuf) {
    let base = std::env::temp_dir().join(format!("g1c-goface-{}-{tag}", std::process::id()));
    let _ = std::fs::remove_dir_all(&base);
    let bin = base.join("goroot/bin");
    std::fs::create_dir_all(&bin).unwrap();
    std::os::unix::fs::symlink(env!("CARGO_BIN_EXE_g1c"), bin.join("go")).unwrap();
    let gopath = base.join("gopath");
    let lib = gopath.join("src/bootstrap/internal/msg");
    let cmd = gopath.join("src/bootstrap/cmd/hello");
    std::fs::create_dir_all(&lib).unwrap();
    std::fs::create_dir_all(&cmd).unwrap();
    std::fs::write(lib.join("msg.go"), "package msg\n\nfunc Text() string { return \"hello from bootstrap\" }\n")
        .unwrap();
    let main = "package main\n\nimport \"bootstrap/internal/msg\"\n\nfunc main() { println(msg.Text()) }\n";
    std::fs::write(cmd.join("main.go"), main).unwrap();
    (base, gopath)
}

/// Runs the `go` link with cmd/dist's environment for the bootstrap build.
fn go_face(base: &Path, gopath: &Path, args: &[&str]) -> std::process::Output {
    goenv::command(base.join("goroot/bin/go"))
        .args(args)
        .current_dir(base)
        .env("GOPATH", gopath)
        .env("GOBIN", "")
        .env("GO111MODULE", "off")
        .env("GOENV", "off")
        .env("GOFLAGS", "")
        .output()
        .unwrap()
}

#[test]
fn go_face_installs_commands_as_cmd_dist_asks() {
    let (base, gopath) = go_face_fixture("install");
    let v = go_face(&base, &gopath, &["version"]);
    assert!(String::from_utf8_lossy(&v.stdout).starts_with("go version go1.19 linux/amd64 (g1c "), "{v:?}");
    let args =
        ["install", "-gcflags=-l", "-tags=math_big_pure_go compiler_bootstrap purego", "-v", "bootstrap/cmd/..."];
    let out = go_face(&base, &gopath, &args);
    assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
    assert_eq!(String::from_utf8_lossy(&out.stderr), "bootstrap/cmd/hello\n");
    let installed: Vec<_> = std::fs::read_dir(gopath.join("bin")).unwrap().map(|e| e.unwrap().file_name()).collect();
    assert_eq!(installed, ["hello"]);
    let run = Command::new(gopath.join("bin/hello")).output().unwrap();
    assert_eq!(String::from_utf8_lossy(&run.stderr), "hello from bootstrap\n");

    let out = go_face(&base, &gopath, &["build", "-o", "hello2", "bootstrap/cmd/hello"]);
    assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
    assert!(base.join("hello2").is_file());
    let _ = std::fs::remove_dir_all(&base);
}

#[test]
fn go_face_refuses_what_it_would_not_do() {
    let (base, gopath) = go_face_fixture("refuse");
    for flag in ["-ldflags=-X main.v=1", "-gcflags=-m", "-race", "-toolexec=x"] {
        let out = go_face(&base, &gopath, &["build", flag, "bootstrap/cmd/hello"]);
        assert_eq!(out.status.code(), Some(2), "{flag}");
        let err = String::from_utf8_lossy(&out.stderr);
        assert!(err.contains("is not supported by g1c's go face"), "{flag}: {err}");
    }
    // gc's -N is g1c's too: the optimizer off.
    let out = go_face(&base, &gopath, &["build", "-gcflags=all=-N -l", "-o", "hello-N", "bootstrap/cmd/hello"]);
    assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
    let out = go_face(&base, &gopath, &["vet", "x"]);
    assert_eq!(out.status.code(), Some(2));
    let _ = std::fs::remove_dir_all(&base);
}

#[test]
fn type_errors_in_test_files() {
    same_as_gc("typeerr");
}

/// Runs both commands with `args` in the fixture's directory and compares their masked outputs and
/// exit statuses.
fn same_as_gc_with(name: &str, args: &[&str]) {
    let dir = fixture(name);
    let (wo, we, ws) = go_test(&oracle::gc(), &dir, args);
    let (go, ge, gs) = go_test(Path::new(env!("CARGO_BIN_EXE_g1c")), &dir, args);
    let _ = std::fs::remove_dir_all(&dir);
    assert_eq!(
        (gotest_mask::mask_durations(&go), gotest_mask::mask_durations(&ge), gs),
        (gotest_mask::mask_durations(&wo), gotest_mask::mask_durations(&we), ws),
        "g1c test {args:?} and go test differ on {name} (stdout, stderr, status)"
    );
}

/// A package whose tests use package testing's whole run: a TestMain, subtests, t.Fatal (runtime.Goexit),
/// t.Cleanup, a skipped test, examples that pass and fail, runtime.ReadMemStats; in local mode (output
/// streamed, `exit status 1`), package-list mode (the final `FAIL`), -v, and a -run that matches nothing.
#[test]
fn tests_examples_and_test_main_as_go_test() {
    same_as_gc_with("mixed", &[]);
    same_as_gc_with("mixed", &["."]);
    same_as_gc_with("mixed", &["-v", "."]);
    same_as_gc_with("mixed", &["-run", "Nothing", "."]);
}

/// A package whose tests count allocations: the temporaries gc keeps in the frame (a defer's record, a
/// string conversion's or concatenation's result that does not outlive the call) allocate nothing.
#[test]
fn frame_temporaries_allocate_nothing() {
    same_as_gc_with("allocs", &["-v"]);
}

/// A few quick packages of the standard library, their own tests through GOROOT's testing
/// (scripts/stdtest runs the whole list).
#[test]
fn std_packages_as_go_test() {
    same_as_gc_with("nofiles", &["-short", "errors", "container/list", "sort", "unicode/utf8"]);
}

/// What depends on the clock or the machine in go test's output, made the same for gc and g1c: the times
/// and elapsed seconds of -json events, durations, benchmark figures, a panic's goroutine trace (its
/// addresses and frames are the compiler's own), and the moment a benchmark's name was read apart from its
/// result (test2json passes the name on alone only when it arrives alone).
fn mask(s: &str) -> String {
    let s = gotest_mask::mask_durations(s);
    let mut lines: Vec<String> = Vec::new();
    let mut in_panic = false;
    for line in s.lines() {
        let mut l = line.to_string();
        if let Some(i) = l.find("\"Time\":\"") {
            let end = l[i + 8..].find('"').unwrap() + i + 8;
            l.replace_range(i + 8..end, "T");
        }
        if let Some(i) = l.find("\"Elapsed\":") {
            let end = l[i + 10..].find(|c: char| c != '.' && !c.is_ascii_digit()).unwrap() + i + 10;
            l.replace_range(i + 10..end, "E");
        }
        while let Some(i) = l.find(" ns/op") {
            let start = l[..i].trim_end_matches(|c: char| c == '.' || c.is_ascii_digit()).trim_end_matches(' ').len();
            l.replace_range(start..i + 6, "\tN ns_op");
        }
        // The output text of the line: a JSON event's `Output`, or the line itself.
        let text = match l.find("\"Output\":\"") {
            Some(i) => l[i + 10..].to_string(),
            None if l.starts_with('{') => String::new(),
            None => l.clone(),
        };
        if text.starts_with("panic: ") {
            in_panic = true;
            lines.push(l);
            continue;
        }
        if in_panic {
            if text.starts_with("exit status")
                || text.starts_with("FAIL")
                || !l.contains("\"Output\"") && l.starts_with('{')
            {
                in_panic = false;
            } else {
                continue;
            }
        }
        // A benchmark's name passed on alone: joined with the result that follows it.
        if let Some(prev) = lines.last_mut() {
            if prev.ends_with("\\t\"}") && l.contains("\"Action\":\"output\"") {
                let out = &l[l.find("\"Output\":\"").unwrap() + 10..];
                prev.truncate(prev.len() - 2);
                prev.push_str(out);
                continue;
            }
        }
        lines.push(l);
    }
    lines.join("\n")
}

/// The lines of a -json stream grouped by package, each package's in their order: go test runs several
/// packages' programs at once and writes each event as it comes, g1c one after the other.
fn by_package(s: &str) -> String {
    let mut lines: Vec<&str> = s.lines().collect();
    lines.sort_by_key(|l| match l.find("\"Package\":\"") {
        Some(i) => l[i + 11..].split('"').next().unwrap_or("").to_string(),
        // go test's plain `FAIL\tpath [build failed]`.
        None => l.split(['\t', ' ']).nth(1).unwrap_or("").to_string(),
    });
    lines.join("\n")
}

/// Runs both commands with `args` (and `env`) in a fresh copy of the fixture and compares their masked
/// outputs and exit statuses.
fn same_as_gc_masked(name: &str, args: &[&str], env: &[(&str, &str)]) {
    let dir = fixture(name);
    let (wo, we, ws) = go_test_env(&oracle::gc(), &dir, args, env);
    let (go, ge, gs) = go_test_env(Path::new(env!("CARGO_BIN_EXE_g1c")), &dir, args, env);
    let _ = std::fs::remove_dir_all(&dir);
    let json = args.contains(&"-json");
    let out = |s: &str| if json { by_package(&mask(s)) } else { mask(s) };
    assert_eq!(
        (out(&go), mask(&ge), gs),
        (out(&wo), mask(&we), ws),
        "g1c test {args:?} and go test differ on {name} (stdout, stderr, status)"
    );
}

/// `-json`: test2json's events for passing, failing, skipped, nested and parallel subtests, examples, a
/// long line, a benchmark, a panic, a build failure (plain text, as go 1.19 prints it) and a package
/// without test files; in package-list and local directory mode.
#[test]
fn json_events_as_go_test() {
    same_as_gc_masked("jsonpkg", &["-json", "."], &[]);
    same_as_gc_masked("jsonpkg", &["-json"], &[]);
    same_as_gc_masked("jsonpkg", &["-json", "./..."], &[]);
    same_as_gc_masked("jsonpkg", &["-json", "-run", "XXX", "-bench", ".", "-benchtime=3x", "."], &[]);
}

/// Several packages: each one's result in order, the final `FAIL`, exit status 2 after a build failure;
/// flags after the packages.
#[test]
fn several_packages_as_go_test() {
    same_as_gc_masked("jsonpkg", &["./..."], &[]);
    same_as_gc_masked("jsonpkg", &["./empty", "./panics", "-v"], &[]);
    same_as_gc_masked("jsonpkg", &["./empty", "-run", "TestPass", "."], &[]);
}

/// Flags for the test program: its own flags after the package, `-vet=off`, `-exec`, unknown flags
/// passed through (here after `-args`), and go test's errors for values it rejects.
#[test]
fn test_program_flags_as_go_test() {
    same_as_gc_masked("jsonpkg", &["-v", ".", "-greeting=hi", "-run", "TestPass"], &[]);
    same_as_gc_masked("jsonpkg", &["-vet=off", "-count=1", "-run=TestPass", "-exec", "env G1C_EXEC=1", "."], &[]);
    same_as_gc_masked("jsonpkg", &["-run", "TestPass", "-v", ".", "-args", "-greeting", "from args"], &[]);
    for bad in [&["-vet=bogus", "."][..], &["-covermode=foo", "."], &["-count=x", "."], &["-c", "./..."]] {
        same_as_gc_masked("jsonpkg", bad, &[]);
    }
    same_as_gc_masked("jsonpkg", &["-cpuprofile", "cpu.out", "./..."], &[]);
    // g1c links no C code: -race and its kin fail as gc's go command does without cgo.
    for flag in ["-race", "-msan", "-asan"] {
        same_as_gc_masked("jsonpkg", &[flag, "."], &[("CGO_ENABLED", "0")]);
    }
}

/// Profiles: written where -outputdir (default: go test's directory) says, with the test program kept
/// beside go test as `<pkg>.test` so that pprof can read them.
#[test]
fn profiles_and_kept_test_program() {
    for cmd in [oracle::gc(), PathBuf::from(env!("CARGO_BIN_EXE_g1c"))] {
        let dir = fixture("jsonpkg");
        std::fs::create_dir_all(dir.join("prof")).unwrap();
        let args = ["-run", "TestPass", "-cpuprofile", "cpu.out", "-memprofile", "mem.out", "-outputdir", "prof", "."];
        let (out, err, status) = go_test(&cmd, &dir, &args);
        assert_eq!(status, 0, "{}: {out}{err}", cmd.display());
        for f in ["prof/cpu.out", "prof/mem.out", "jsonpkg.test"] {
            let meta = std::fs::metadata(dir.join(f));
            assert!(meta.is_ok_and(|m| m.len() > 0), "{}: no {f}", cmd.display());
        }
        let _ = std::fs::remove_dir_all(&dir);
    }
}
