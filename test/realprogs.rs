//! Realistic programs against gc, run now (issue 10): every `test/data/realprogs/*.go` (CLI tools, fmt's
//! verbs, reflect, encoding/json and xml, templates, time formatting, timers, os/exec pipelines, files,
//! signals, panics and exit codes) is built with g1c and with the reference gc (`go build -trimpath`),
//! both executables run in one fresh directory each, and their behaviour compared: stdout and exit status
//! (or the signal that ended them) exactly; stderr exactly when the program exits 0, otherwise its head up
//! to the first `goroutine N [...]:` line and the traceback's last frame, with hexadecimal numbers masked
//! (addresses, `pc=`) and frame offsets (`+0x…`) dropped: the frames between may differ because gc inlines
//! and shows the runtime's `panic` frame; goroutine ids other than main's are masked (gc's vary between
//! runs). Also the third-party-style libraries under `test/data/realprogs/lib/` (tests, table tests,
//! subtests, skips, examples with `// Output:`, benchmarks, a fuzz target's seed corpus, TestMain,
//! t.Cleanup, t.TempDir, internal packages, generics; `failing` fails on purpose): `g1c test` against
//! `go test` with each argument list of the library's `testargs`, in GOPATH mode and in module mode (only
//! module mode for a library with its own go.mod), with timings masked.
//!
//! gc is the oracle: without it the tests fail (test/common/oracle.rs), never skip.

#[path = "common/goenv.rs"]
mod goenv;
#[path = "common/gotest_mask.rs"]
mod gotest_mask;
#[path = "common/oracle.rs"]
mod oracle;

use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};
use std::time::{Duration, Instant};

fn data_dir() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("test/data/realprogs")
}

/// A directory of its own under the system's temporary directory.
fn scratch(tag: &str) -> PathBuf {
    let d = std::env::temp_dir().join(format!("g1c-realprogs-{}-{tag}", std::process::id()));
    let _ = std::fs::remove_dir_all(&d);
    std::fs::create_dir_all(&d).unwrap();
    d
}

/// gc's build cache, kept between runs under `target/` (building std from scratch takes gc a while).
fn gocache() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("target/realprogs-gocache")
}

struct Outcome {
    stdout: String,
    stderr: String,
    /// `exit N` or `signal N`.
    status: String,
}

/// Runs `exe` in `dir`, killing it after a minute (a hang is a failure, not a stuck test).
fn run(exe: &Path, dir: &Path) -> Outcome {
    use std::os::unix::process::ExitStatusExt;
    let mut child = goenv::command(exe)
        .current_dir(dir)
        .stdin(Stdio::null())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("running a built program");
    let (mut out, mut err) = (child.stdout.take().unwrap(), child.stderr.take().unwrap());
    let t_out = std::thread::spawn(move || {
        let mut s = Vec::new();
        std::io::Read::read_to_end(&mut out, &mut s).ok();
        s
    });
    let t_err = std::thread::spawn(move || {
        let mut s = Vec::new();
        std::io::Read::read_to_end(&mut err, &mut s).ok();
        s
    });
    let start = Instant::now();
    let status = loop {
        if let Some(st) = child.try_wait().unwrap() {
            break st;
        }
        if start.elapsed() > Duration::from_secs(60) {
            let _ = child.kill();
            break child.wait().unwrap();
        }
        std::thread::sleep(Duration::from_millis(10));
    };
    let status = match (status.code(), status.signal()) {
        (Some(c), _) => format!("exit {c}"),
        (None, Some(s)) => format!("signal {s}"),
        _ => "unknown".into(),
    };
    Outcome {
        stdout: String::from_utf8_lossy(&t_out.join().unwrap()).into_owned(),
        stderr: String::from_utf8_lossy(&t_err.join().unwrap()).into_owned(),
        status,
    }
}

/// A traceback line with its numbers masked: `0x…` becomes `0x?`, a frame's `+0x…` offset is dropped, and
/// a goroutine header's id other than the main goroutine's 1 becomes `N`: gc takes ids in batches per P,
/// so a goroutine's id depends on the P its creator ran on (which changes when it blocks or makes a system
/// call), and that varies from run to run under load, for gc and for rt, which numbers them as gc does.
fn mask(line: &str) -> String {
    if let Some(rest) = line.strip_prefix("goroutine ") {
        let n = rest.find(|c: char| !c.is_ascii_digit()).unwrap_or(rest.len());
        if n > 0 && &rest[..n] != "1" {
            return format!("goroutine N{}", &rest[n..]);
        }
    }
    let line = match line.rfind(" +0x") {
        Some(i) if line.starts_with('\t') => &line[..i],
        _ => line,
    };
    let mut out = String::new();
    let mut rest = line;
    while let Some(i) = rest.find("0x") {
        out.push_str(&rest[..i + 2]);
        rest = &rest[i + 2..];
        let n = rest.find(|c: char| !c.is_ascii_hexdigit()).unwrap_or(rest.len());
        if n > 0 {
            out.push('?');
        }
        rest = &rest[n..];
    }
    out.push_str(rest);
    out
}

/// What of a failing program's stderr must match gc: the lines up to the first goroutine header, and the
/// traceback's last frame (two lines).
fn stderr_shape(stderr: &str) -> (Vec<String>, Vec<String>) {
    let lines: Vec<String> = stderr.lines().map(mask).collect();
    let head_end = lines.iter().position(|l| l.starts_with("goroutine ")).map(|i| i + 1).unwrap_or(lines.len());
    let tail = if head_end < lines.len() { lines[lines.len().saturating_sub(2)..].to_vec() } else { Vec::new() };
    (lines[..head_end].to_vec(), tail)
}

fn gc_build(src: &Path, out: &Path) -> std::process::Output {
    goenv::command(oracle::gc())
        .args(["build", "-trimpath", "-o"])
        .arg(out)
        .arg(src)
        .current_dir(data_dir())
        .env("GO111MODULE", "off")
        .env("GOCACHE", gocache())
        .output()
        .unwrap()
}

fn g1c_build(src: &Path, out: &Path, tmp: &Path) -> std::process::Output {
    goenv::g1c()
        .args(["build", "-o"])
        .arg(out)
        .arg(src)
        .current_dir(data_dir())
        .env("TMPDIR", tmp)
        .env("GO111MODULE", "off")
        .output()
        .unwrap()
}

#[test]
fn programs_print_what_gc_builds_print() {
    let tmp = scratch("progs");
    let mut names: Vec<String> = std::fs::read_dir(data_dir())
        .unwrap()
        .filter_map(|e| e.ok())
        .map(|e| e.file_name().to_string_lossy().into_owned())
        .filter(|n| n.ends_with(".go"))
        .collect();
    names.sort();
    assert!(names.len() >= 20, "the programs are missing: {names:?}");
    let mut failures = Vec::new();
    for name in &names {
        let stem = name.trim_end_matches(".go");
        let (ours, theirs) = (tmp.join(format!("{stem}.g1c")), tmp.join(format!("{stem}.gc")));
        let b = gc_build(Path::new(name), &theirs);
        assert!(b.status.success(), "gc cannot build {name}:\n{}", String::from_utf8_lossy(&b.stderr));
        let b = g1c_build(Path::new(name), &ours, &tmp);
        if !b.status.success() {
            failures.push(format!("{name}: g1c build failed:\n{}", String::from_utf8_lossy(&b.stderr)));
            continue;
        }
        let (dir_ours, dir_theirs) = (tmp.join(format!("{stem}.run1")), tmp.join(format!("{stem}.run2")));
        std::fs::create_dir_all(&dir_ours).unwrap();
        std::fs::create_dir_all(&dir_theirs).unwrap();
        let want = run(&theirs, &dir_theirs);
        let got = run(&ours, &dir_ours);
        let mut problems = Vec::new();
        if got.stdout != want.stdout {
            problems.push(format!("stdout:\n{}\nwant:\n{}", got.stdout, want.stdout));
        }
        if got.status != want.status {
            problems.push(format!("{}, want {}", got.status, want.status));
        }
        let stderr_ok = if want.status == "exit 0" {
            got.stderr == want.stderr
        } else {
            stderr_shape(&got.stderr) == stderr_shape(&want.stderr)
        };
        if !stderr_ok {
            problems.push(format!("stderr:\n{}\nwant:\n{}", got.stderr, want.stderr));
        }
        if !problems.is_empty() {
            failures.push(format!("{name}: {}", problems.join("\n")));
        }
    }
    let _ = std::fs::remove_dir_all(&tmp);
    assert!(
        failures.is_empty(),
        "{} of {} programs differ from gc:\n{}",
        failures.len(),
        names.len(),
        failures.join("\n\n")
    );
}

/// go test's output with durations (`0.004s`, `(0.00s)`) and benchmark timings (`35092 ns/op`) masked.
fn mask_times(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for line in s.split_inclusive('\n') {
        let words: Vec<&str> = line.split('\t').collect();
        let mut first = true;
        for w in words {
            if !first {
                out.push('\t');
            }
            first = false;
            let t = w.trim();
            if let Some(num) = t.strip_suffix(" ns/op") {
                if num.trim().chars().all(|c| c.is_ascii_digit() || c == '.') {
                    out.push_str("N ns/op");
                    if w.ends_with('\n') {
                        out.push('\n');
                    }
                    continue;
                }
            }
            out.push_str(&gotest_mask::mask_durations(w));
        }
    }
    out
}

/// Copies the directory tree `from` to `to`.
fn copy_tree(from: &Path, to: &Path) {
    std::fs::create_dir_all(to).unwrap();
    for e in std::fs::read_dir(from).unwrap() {
        let e = e.unwrap();
        if e.file_type().unwrap().is_dir() {
            copy_tree(&e.path(), &to.join(e.file_name()));
        } else {
            std::fs::copy(e.path(), to.join(e.file_name())).unwrap();
        }
    }
}

/// `PROG test ARGS` in `dir` with the given Go environment: masked (stdout, stderr), exit status.
fn go_test(prog: &Path, dir: &Path, env: &[(&str, &Path)], module: bool, args: &[&str]) -> (String, String, i32) {
    let mut cmd: Command = goenv::command(prog);
    cmd.arg("test").args(args).current_dir(dir).env("GOCACHE", gocache()).env("GOFLAGS", "");
    cmd.env("GO111MODULE", if module { "on" } else { "off" }).env("GOPROXY", "off").env("GOENV", "off");
    for (k, v) in env {
        cmd.env(k, v);
    }
    let out = cmd.output().unwrap();
    (
        mask_times(&String::from_utf8_lossy(&out.stdout)),
        mask_times(&String::from_utf8_lossy(&out.stderr)),
        out.status.code().unwrap_or(-1),
    )
}

/// The argument lists a library's tests run with: its `testargs` file (one list a line, an empty line for
/// none), else `DEFAULT_TEST_ARGS` with `./...` appended.
fn test_args(lib: &Path) -> Vec<Vec<String>> {
    match std::fs::read_to_string(lib.join("testargs")) {
        Ok(text) => text.lines().map(|l| l.split_whitespace().map(String::from).collect()).collect(),
        Err(_) => DEFAULT_TEST_ARGS
            .iter()
            .map(|a| a.iter().map(|s| s.to_string()).chain(["./...".to_string()]).collect())
            .collect(),
    }
}

const DEFAULT_TEST_ARGS: &[&[&str]] =
    &[&[], &["-short", "-v"], &["-v", "-run", "Parse|Example", "-bench", ".", "-benchtime", "1x"]];

/// The libraries under `lib/`: (name, directory, has its own go.mod). A library without go.mod is tested
/// in GOPATH mode (under `$GOPATH/src/NAME`) and in module mode (`module NAME`); one with go.mod only in
/// module mode. A library named `failing…` has tests that fail on purpose; the others must pass under gc.
fn libraries() -> Vec<(String, PathBuf, bool)> {
    let mut libs: Vec<(String, PathBuf, bool)> = std::fs::read_dir(data_dir().join("lib"))
        .unwrap()
        .filter_map(|e| e.ok())
        .filter(|e| e.file_type().map(|t| t.is_dir()).unwrap_or(false))
        .map(|e| {
            let p = e.path();
            let has_mod = p.join("go.mod").exists();
            (e.file_name().to_string_lossy().into_owned(), p, has_mod)
        })
        .collect();
    libs.sort();
    assert!(libs.len() >= 4, "the libraries are missing: {libs:?}");
    libs
}

/// `g1c test` against `go test` for one library in one mode, every argument list; the differences found.
fn compare_library(name: &str, dir: &Path, env: &[(&str, &Path)], module: bool, lib: &Path) -> Vec<String> {
    let mut failures = Vec::new();
    for args in test_args(lib) {
        let args: Vec<&str> = args.iter().map(|s| s.as_str()).collect();
        let want = go_test(&oracle::gc(), dir, env, module, &args);
        let got = go_test(Path::new(env!("CARGO_BIN_EXE_g1c")), dir, env, module, &args);
        assert!((want.2 == 0) != name.starts_with("failing"), "go test {args:?} of {name} exited {}: {want:?}", want.2);
        if got != want {
            let mode = if module { "module" } else { "GOPATH" };
            failures.push(format!(
                "{name} ({mode} mode) g1c test {args:?} differs from go test:\n--- g1c (exit {}):\n{}{}\n--- go (exit {}):\n{}{}",
                got.2, got.0, got.1, want.2, want.0, want.1
            ));
        }
    }
    failures
}

#[test]
fn library_tests_pass_as_under_gc_in_gopath_mode() {
    let base = scratch("gopath");
    let gopath = base.join("gopath");
    let mut failures = Vec::new();
    for (name, lib, has_mod) in libraries() {
        if has_mod {
            continue;
        }
        let pkg = gopath.join("src").join(&name);
        copy_tree(&lib, &pkg);
        let env = [("GOPATH", gopath.as_path()), ("HOME", base.as_path())];
        failures.extend(compare_library(&name, &pkg, &env, false, &lib));
    }
    let _ = std::fs::remove_dir_all(&base);
    assert!(failures.is_empty(), "{}", failures.join("\n\n"));
}

#[test]
fn library_tests_pass_as_under_gc_in_module_mode() {
    let base = scratch("module");
    let mut failures = Vec::new();
    for (name, lib, has_mod) in libraries() {
        let module = base.join(&name);
        copy_tree(&lib, &module);
        if !has_mod {
            std::fs::write(module.join("go.mod"), format!("module {name}\n\ngo 1.19\n")).unwrap();
        }
        let env = [("HOME", base.as_path())];
        failures.extend(compare_library(&name, &module, &env, true, &lib));
    }
    let _ = std::fs::remove_dir_all(&base);
    assert!(failures.is_empty(), "{}", failures.join("\n\n"));
}

/// `runtime.Version()` is the release of the standard library compiled: with gc's own GOROOT (which has a
/// VERSION file) it is what gc's build prints; with a GOROOT without one, the language version.
#[test]
fn runtime_version_is_the_goroot_release() {
    let tmp = scratch("version");
    let src = tmp.join("version.go");
    std::fs::write(&src, "package main\n\nimport \"runtime\"\n\nfunc main() { println(runtime.Version()) }\n").unwrap();
    let gc_root = goenv::command(oracle::gc()).args(["env", "GOROOT"]).output().unwrap();
    let gc_root = PathBuf::from(String::from_utf8(gc_root.stdout).unwrap().trim());
    assert!(gc_root.join("VERSION").is_file(), "gc's GOROOT {} has no VERSION file", gc_root.display());
    let b = gc_build(&src, &tmp.join("theirs"));
    assert!(b.status.success(), "{}", String::from_utf8_lossy(&b.stderr));
    let want = run(&tmp.join("theirs"), &tmp).stderr;
    for (root, expect) in [(gc_root, want.as_str()), (oracle::goroot(), "go1.19\n")] {
        let b = goenv::g1c()
            .args(["build", "-o"])
            .arg(tmp.join("ours"))
            .arg(&src)
            .env("GOROOT", &root)
            .env("TMPDIR", &tmp)
            .output()
            .unwrap();
        assert!(b.status.success(), "{}", String::from_utf8_lossy(&b.stderr));
        assert_eq!(run(&tmp.join("ours"), &tmp).stderr, expect, "GOROOT={}", root.display());
    }
    let _ = std::fs::remove_dir_all(&tmp);
}

/// g1c's executables carry gc's build information: `debug.ReadBuildInfo` finds it, and gc's `go version -m`
/// reads it from the file's `.go.buildinfo` section, with g1c's build settings (docs in src/driver.rs,
/// mod_info).
#[test]
fn build_info_reads_as_gc_reads_it() {
    let tmp = scratch("buildinfo");
    let src = tmp.join("bi.go");
    let prog = "package main\n\nimport (\n\t\"fmt\"\n\t\"runtime/debug\"\n)\n\nfunc main() {\n\tbi, ok := \
                debug.ReadBuildInfo()\n\tfmt.Println(ok, bi.GoVersion, bi.Path, bi.Main.Path, len(bi.Settings))\n}\n";
    std::fs::write(&src, prog).unwrap();
    let exe = tmp.join("bi");
    let b = g1c_build(&src, &exe, &tmp);
    assert!(b.status.success(), "{}", String::from_utf8_lossy(&b.stderr));
    assert_eq!(run(&exe, &tmp).stdout, "true go1.19 command-line-arguments  5\n");
    let v = goenv::command(oracle::gc()).args(["version", "-m"]).arg(&exe).output().unwrap();
    let want = format!(
        "{}: go1.19\n\tpath\tcommand-line-arguments\n\tbuild\t-compiler=g1c\n\tbuild\tCGO_ENABLED=0\n\
         \tbuild\tGOARCH=amd64\n\tbuild\tGOOS=linux\n\tbuild\tGOAMD64=v1\n",
        exe.display()
    );
    assert_eq!(String::from_utf8_lossy(&v.stdout), want, "{}", String::from_utf8_lossy(&v.stderr));
    let _ = std::fs::remove_dir_all(&tmp);
}

/// The `dep` lines of build information: every module other than the main one that provides a package,
/// with its replacement on the next line, in a module whose dependency is replaced by a directory, then in
/// vendor mode (modules.txt's versions, no hashes), then in a workspace — as `debug.ReadBuildInfo` shows
/// them in gc's build.
#[test]
fn build_info_lists_dependency_modules_as_gc_does() {
    let tmp = scratch("buildinfo-deps");
    let write = |rel: &str, text: &str| {
        let f = tmp.join(rel);
        std::fs::create_dir_all(f.parent().unwrap()).unwrap();
        std::fs::write(f, text).unwrap();
    };
    write("x/go.mod", "module example.com/x\n\ngo 1.18\n");
    write("x/sub/s.go", "package sub\n\nfunc S() string { return \"s\" }\n");
    write("z/go.mod", "module example.com/z\n\ngo 1.17\n");
    write("z/z.go", "package z\n\nconst Z = \"z\"\n");
    write(
        "m/go.mod",
        "module example.com/m\n\ngo 1.19\n\nrequire (\n\texample.com/z v0.1.0\n\texample.com/x v1.2.3\n)\n\n\
         replace example.com/x => ../x\n\nreplace example.com/z v0.1.0 => ../z\n",
    );
    write(
        "m/main.go",
        "package main\n\nimport (\n\t\"fmt\"\n\t\"runtime/debug\"\n\t\"strings\"\n\n\t\"example.com/x/sub\"\n\t\
         \"example.com/z\"\n)\n\nfunc main() {\n\tbi, _ := debug.ReadBuildInfo()\n\tfor _, l := range \
         strings.Split(bi.String(), \"\\n\") {\n\t\tif !strings.HasPrefix(l, \"build\\t\") && \
         !strings.HasPrefix(l, \"go\\t\") {\n\t\t\tfmt.Printf(\"%q\\n\", l)\n\t\t}\n\t}\n\tfmt.Println(sub.S(), z.Z)\n}\n",
    );
    let dir = tmp.join("m");
    for mode in ["replace", "vendor", "workspace"] {
        if mode == "vendor" {
            let v = goenv::command(oracle::gc()).args(["mod", "vendor"]).current_dir(&dir).output().unwrap();
            assert!(v.status.success(), "{}", String::from_utf8_lossy(&v.stderr));
        }
        if mode == "workspace" {
            // The other modules of the workspace are dependencies built in place, at (devel).
            std::fs::remove_dir_all(dir.join("vendor")).unwrap();
            write("go.work", "go 1.19\n\nuse (\n\t./m\n\t./x\n\t./z\n)\n");
        }
        let b = goenv::command(oracle::gc())
            .args(["build", "-o"])
            .arg(tmp.join("theirs"))
            .current_dir(&dir)
            .env("GOCACHE", gocache())
            .output()
            .unwrap();
        assert!(b.status.success(), "{}", String::from_utf8_lossy(&b.stderr));
        let b = goenv::g1c().args(["build", "-o"]).arg(tmp.join("ours")).current_dir(&dir).output().unwrap();
        assert!(b.status.success(), "{}", String::from_utf8_lossy(&b.stderr));
        let want = run(&tmp.join("theirs"), &dir).stdout;
        assert!(want.contains("\"dep\\texample.com/x\\t"), "{want}");
        assert_eq!(run(&tmp.join("ours"), &dir).stdout, want, "{mode}");
    }
    let _ = std::fs::remove_dir_all(&tmp);
}

/// The frames of an uncaught panic's traceback, named as gc names them, where deferred calls panicked again:
/// each deferred call a panic runs sits on a `panic({…})` frame, as gc's runtime.gopanic does.
#[test]
fn panics_in_deferred_calls_show_gcs_panic_frames() {
    let tmp = scratch("panicframes");
    let src = tmp.join("again.go");
    let prog = "package main\n\nimport \"fmt\"\n\nfunc f(n int) {\n\tdefer func() {\n\t\tif n > 0 \
                {\n\t\t\tpanic(fmt.Sprint(\"again \", n))\n\t\t}\n\t}()\n\tvar a []int\n\t_ = a[n]\n}\n\nfunc \
                main() {\n\tdefer func() { panic(\"last\") }()\n\tf(2)\n}\n";
    std::fs::write(&src, prog).unwrap();
    // The function of each frame: the text before the argument list of the lines that do not start with a tab.
    let frames = |stderr: &str| -> Vec<String> {
        let trace = stderr.split_once("[running]:\n").map_or("", |p| p.1);
        trace
            .lines()
            .filter(|l| !l.starts_with('\t') && !l.is_empty())
            .map(|l| l.split('(').next().unwrap().to_string())
            .collect()
    };
    let b = gc_build(&src, &tmp.join("theirs"));
    assert!(b.status.success(), "{}", String::from_utf8_lossy(&b.stderr));
    let want = run(&tmp.join("theirs"), &tmp);
    let b = g1c_build(&src, &tmp.join("ours"), &tmp);
    assert!(b.status.success(), "{}", String::from_utf8_lossy(&b.stderr));
    let got = run(&tmp.join("ours"), &tmp);
    assert_eq!(frames(&want.stderr), ["main.main.func1", "panic", "main.f.func1", "panic", "main.f", "main.main"]);
    assert_eq!(frames(&got.stderr), frames(&want.stderr), "{}", got.stderr);
    let _ = std::fs::remove_dir_all(&tmp);
}
