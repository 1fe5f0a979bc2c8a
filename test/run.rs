//! End-to-end tests: every program in `test/data/run/*.go` is built with g1c, run, and compared with the
//! output gc gave (`NAME.out`, made by `test/data/run/regen.sh`): stdout and exit status exactly; stderr
//! exactly for programs that exit 0. For panics, stderr up to the `goroutine 1 [running]:` line matches
//! exactly (with `pc=0x…` masked), and the traceback's last frame (`main.main()` and its `file:line`)
//! matches; the frames in between may differ because gc inlines small functions and g1c does not yet.
//! Programs may import the packages of the GOPATH `test/data/run/gopath` (programs of several packages).
//! Also here: the determinism check (several programs built twice: from two copies of their sources, other
//! working directories, TMPDIRs and GOMAXPROCS; the same bytes), and the runtime's stress programs under a
//! time limit.

#[path = "common/goenv.rs"]
mod goenv;
#[path = "common/oracle.rs"]
mod oracle;

use std::path::Path;

#[path = "common/run_data.rs"]
mod run_data;
use run_data::{data_dir, parse_expected};

/// Masks what legitimately differs between runs and compilers: program counters and frame offsets.
fn mask(line: &str) -> String {
    let mut s = line.to_string();
    if let Some(i) = s.find("pc=0x") {
        let end = s[i + 5..].find(|c: char| !c.is_ascii_hexdigit()).map(|e| i + 5 + e).unwrap_or(s.len());
        s.replace_range(i + 5..end, "?");
    }
    if let Some(i) = s.rfind(" +0x") {
        s.truncate(i);
    }
    s
}

/// The part of a panic's stderr that must match gc exactly, and the last traceback frame.
fn panic_shape(stderr: &str) -> (Vec<String>, Vec<String>) {
    let lines: Vec<String> = stderr.lines().map(mask).collect();
    let head_end = lines.iter().position(|l| l.starts_with("goroutine 1 [")).map(|i| i + 1).unwrap_or(lines.len());
    let tail = lines[lines.len().saturating_sub(2)..].to_vec();
    (lines[..head_end].to_vec(), tail)
}

fn build(src: &Path, out: &Path, cwd: &Path, tmpdir: &Path) -> std::process::Output {
    build_with(&[], src, out, cwd, tmpdir)
}

/// `g1c build FLAGS -o OUT SRC`.
fn build_with(flags: &[&str], src: &Path, out: &Path, cwd: &Path, tmpdir: &Path) -> std::process::Output {
    goenv::g1c()
        .arg("build")
        .args(flags)
        .arg("-o")
        .arg(out)
        .arg(src)
        .current_dir(cwd)
        .env("TMPDIR", tmpdir)
        .env("GO111MODULE", "off")
        .env("GOPATH", data_dir().join("gopath"))
        .output()
        .expect("running g1c")
}

#[test]
fn programs_behave_like_gc() {
    programs_behave_like_gc_with(&[]);
}

/// The same with the optimizer off (gc's `-N`): every optimization level must give gc's output.
#[test]
fn programs_behave_like_gc_unoptimized() {
    programs_behave_like_gc_with(&["-gcflags=-N"]);
}

fn programs_behave_like_gc_with(flags: &[&str]) {
    let dir = data_dir();
    let level = if flags.is_empty() { "opt" } else { "noopt" };
    let tmp = std::env::temp_dir().join(format!("g1c-run-test-{level}-{}", std::process::id()));
    std::fs::create_dir_all(&tmp).unwrap();
    let names = file_names(&dir, ".go");
    let mut failures = Vec::new();
    for name in &names {
        let stem = name.trim_end_matches(".go");
        let want = parse_expected(&std::fs::read_to_string(dir.join(format!("{stem}.out"))).unwrap());
        let exe = tmp.join(stem);
        let b = build_with(flags, Path::new(name), &exe, &dir, &tmp);
        if !b.status.success() {
            failures.push(format!("{name}: build failed:\n{}", String::from_utf8_lossy(&b.stderr)));
            continue;
        }
        let r = goenv::command(&exe).current_dir(&tmp).output().unwrap();
        let stdout = String::from_utf8_lossy(&r.stdout).into_owned();
        let stderr = String::from_utf8_lossy(&r.stderr).into_owned();
        let exit = r.status.code().unwrap_or(-1);
        let mut problems = Vec::new();
        if stdout != want.stdout {
            problems.push(format!("stdout:\n{stdout}\nwant:\n{}", want.stdout));
        }
        if exit != want.exit {
            problems.push(format!("exit {exit}, want {}", want.exit));
        }
        let stderr_ok =
            if want.exit == 0 { stderr == want.stderr } else { panic_shape(&stderr) == panic_shape(&want.stderr) };
        if !stderr_ok {
            problems.push(format!("stderr:\n{stderr}\nwant:\n{}", want.stderr));
        }
        if !problems.is_empty() {
            failures.push(format!("{name}: {}", problems.join("\n")));
        }
    }
    let _ = std::fs::remove_dir_all(&tmp);
    assert!(
        failures.is_empty(),
        "{} of {} programs differ from gc (g1c build {flags:?}):\n{}",
        failures.len(),
        names.len(),
        failures.join("\n\n")
    );
}

/// Programs covering what could make output depend on the build: goroutines and channels (`go_chain`,
/// `chan_select`), maps (`map_basic`), generics (`generic_funcs`, `generic_types`: instances found by a
/// worklist), closures, std packages compiled from source through the overlay (`std_strconv_sort`,
/// `std_bytes_io_regexp`: strings, regexp, bufio, ...; `std_sync_strings`) and a GOPATH package
/// (`multipkg_values`).
const DETERMINISM_PROGRAMS: &[&str] = &[
    "go_chain",
    "chan_select",
    "map_basic",
    "generic_funcs",
    "generic_types",
    "closures",
    "std_strconv_sort",
    "std_bytes_io_regexp",
    "std_sync_strings",
    "multipkg_values",
];

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

/// The same programs built twice, from two copies of the source directory (with their GOPATHs) at different
/// depths, from different working directories (the first names its file relative to the current
/// directory, the second by its absolute path from elsewhere), with different TMPDIRs and GOMAXPROCS: the
/// executables must be byte for byte the same and hold neither copy's path.
#[test]
fn output_is_deterministic() {
    let base = std::env::temp_dir().join(format!("g1c-determinism-{}", std::process::id()));
    let (src1, src2) = (base.join("one/deep/dir/src"), base.join("two"));
    let (t1, t2) = (base.join("tmp1"), base.join("tmp2"));
    let (out1, out2) = (base.join("out1"), base.join("out2"));
    for d in [&t1, &t2, &out1, &out2] {
        std::fs::create_dir_all(d).unwrap();
    }
    for src in [&src1, &src2] {
        copy_tree(&data_dir().join("gopath"), &src.join("gopath"));
        for name in DETERMINISM_PROGRAMS {
            std::fs::copy(data_dir().join(format!("{name}.go")), src.join(format!("{name}.go"))).unwrap();
        }
    }
    let build = |src: &Path, file: &Path, out: &Path, cwd: &Path, tmpdir: &Path, procs: &str| {
        let b = goenv::g1c()
            .arg("build")
            .arg("-o")
            .arg(out)
            .arg(file)
            .current_dir(cwd)
            .env("TMPDIR", tmpdir)
            .env("GOMAXPROCS", procs)
            .env("GO111MODULE", "off")
            .env("GOPATH", src.join("gopath"))
            .output()
            .unwrap();
        assert!(b.status.success(), "{}: {}", file.display(), String::from_utf8_lossy(&b.stderr));
        std::fs::read(out).unwrap()
    };
    let mut differ = Vec::new();
    for name in DETERMINISM_PROGRAMS {
        let file = format!("{name}.go");
        let o1 = build(&src1, Path::new(&file), &out1.join(name), &src1, &t1, "1");
        let o2 = build(&src2, &src2.join(&file), &out2.join(name), &base, &t2, "2");
        if o1 != o2 {
            differ.push(format!("{name} ({} vs {} bytes)", o1.len(), o2.len()));
        }
        for path in [&src1, &src2, &t1, &t2] {
            let needle = path.to_string_lossy().into_owned();
            assert!(!o1.windows(needle.len()).any(|w| w == needle.as_bytes()), "{name} holds the path {needle}");
        }
    }
    let _ = std::fs::remove_dir_all(&base);
    assert!(differ.is_empty(), "two builds differ: {}", differ.join(", "));
}

/// `-p N` (functions optimized and compiled on N threads) changes nothing in the output: multi-package
/// programs (std packages from source, a GOPATH package, generics, goroutines) built with `-p 1`, `-p 2` and
/// `-p 4`, under different GOMAXPROCS, give the same bytes.
#[test]
fn parallel_builds_give_the_same_bytes() {
    let dir = std::env::temp_dir().join(format!("g1c-parallel-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let mut differ = Vec::new();
    for name in ["std_bytes_io_regexp", "multipkg_values", "generic_types", "go_chain"] {
        let src = data_dir().join(format!("{name}.go"));
        let mut outs = Vec::new();
        for (jobs, procs) in [("1", "1"), ("2", "4"), ("4", "2")] {
            let out = dir.join(format!("{name}.{jobs}"));
            let b = goenv::g1c()
                .args(["build", "-p", jobs, "-o"])
                .arg(&out)
                .arg(&src)
                .env("GOMAXPROCS", procs)
                .env("GO111MODULE", "off")
                .env("GOPATH", data_dir().join("gopath"))
                .output()
                .expect("running g1c");
            assert!(b.status.success(), "{name} -p {jobs}: {}", String::from_utf8_lossy(&b.stderr));
            outs.push((jobs, std::fs::read(&out).unwrap()));
        }
        for (jobs, o) in &outs[1..] {
            if *o != outs[0].1 {
                differ.push(format!("{name}: -p 1 and -p {jobs} ({} vs {} bytes)", outs[0].1.len(), o.len()));
            }
        }
    }
    let _ = std::fs::remove_dir_all(&dir);
    assert!(differ.is_empty(), "parallel builds differ: {}", differ.join(", "));
}

#[test]
fn build_to_dev_null_writes_nothing() {
    use std::os::unix::fs::FileTypeExt;
    let src = data_dir().join("hello.go");
    let r = goenv::g1c().args(["build", "-o", "/dev/null"]).arg(&src).output().unwrap();
    assert!(r.status.success(), "{}", String::from_utf8_lossy(&r.stderr));
    assert!(Path::new("/dev/null").metadata().unwrap().file_type().is_char_device());
}

/// A program importing a package the back end cannot compile yet (here `runtime/metrics`, which reads gc's
/// runtime statistics through a function rt does not provide) fails with a clear error at the root package's first such import, while the packages g1c compiles
/// (`unicode/utf8`, `math/bits` through the std overlay) are compiled.
#[test]
fn runtime_coupled_import_is_reported() {
    let dir = std::env::temp_dir().join(format!("g1c-coupled-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let src = "package main\n\nimport (\n\t\"unicode/utf8\"\n\t\"runtime/metrics\"\n\t\"math/bits\"\n)\n\nfunc main() { println(utf8.RuneLen('a'), bits.Len(3), len(metrics.All()) > 0) }\n";
    std::fs::write(dir.join("x.go"), src).unwrap();
    let b = build(Path::new("x.go"), &dir.join("x"), &dir, &dir);
    let _ = std::fs::remove_dir_all(&dir);
    assert!(!b.status.success());
    // The message names the function the import is waiting for (`... (import "runtime/metrics": it needs
    // runtime/metrics.runtime_readMetrics)`); which one changes as rt and the overlay grow.
    let stderr = String::from_utf8_lossy(&b.stderr);
    assert!(
        stderr.starts_with("# command-line-arguments\n./x.go:5:2: g1c: compiling imported packages is not supported yet (import \"runtime/metrics\": ")
            && stderr.contains("needs ")
            && stderr.lines().count() == 2,
        "{stderr}"
    );
}

/// internal/cpu detects the CPU as under gc (rt's cpuid/xgetbv, Initialize with GODEBUG before its importers
/// are initialized), so the math functions whose path depends on CPU features give gc's bits on this
/// machine, and GODEBUG's cpu.* options turn features off as with gc. gc is the oracle (run now, on the same
/// CPU): without it the test fails, naming the package that provides it.
#[test]
fn cpu_features_as_gc() {
    let gc = oracle::gc();
    let src = Path::new(env!("CARGO_MANIFEST_DIR")).join("test/data/cpu/features.go");
    let tmp = std::env::temp_dir().join(format!("g1c-cpu-{}", std::process::id()));
    std::fs::create_dir_all(&tmp).unwrap();
    let (ours, theirs) = (tmp.join("g1c.bin"), tmp.join("gc.bin"));
    let b = build(&src, &ours, &tmp, &tmp);
    assert!(b.status.success(), "{}", String::from_utf8_lossy(&b.stderr));
    let b = goenv::command(gc)
        .args(["build", "-o"])
        .arg(&theirs)
        .arg(&src)
        .env("GO111MODULE", "off")
        .env("GOCACHE", tmp.join("gocache"))
        .output()
        .unwrap();
    assert!(b.status.success(), "{}", String::from_utf8_lossy(&b.stderr));
    let run = |bin: &Path, godebug: &str| {
        let out = goenv::command(bin).env("GODEBUG", godebug).output().unwrap();
        assert!(out.status.success());
        String::from_utf8_lossy(&out.stdout).into_owned() + &String::from_utf8_lossy(&out.stderr)
    };
    let mut seen = Vec::new();
    for godebug in ["", "cpu.fma=off", "cpu.sse41=off", "cpu.avx=off,cpu.sse41=off"] {
        let got = run(&ours, godebug);
        assert_eq!(got, run(&theirs, godebug), "GODEBUG={godebug}");
        seen.push(got);
    }
    let _ = std::fs::remove_dir_all(&tmp);
    // On a CPU with the features, turning them off must change the results (else detection did not happen).
    let flags = std::fs::read_to_string("/proc/cpuinfo").unwrap_or_default();
    let has = |f: &str| flags.lines().any(|l| l.starts_with("flags") && l.split_whitespace().any(|w| w == f));
    if has("fma") && has("avx") {
        assert_ne!(seen[0], seen[1], "the FMA path of Exp was not taken");
    }
    if has("sse4_1") {
        assert_ne!(seen[0], seen[2], "Floor did not follow SSE4.1");
    }
}

/// The runtime's stress programs (test/data/threads/*_stress.go: `sched_stress` has goroutines parking and
/// readying each other through channels, select on timers, mutexes, a sync.Cond and WaitGroups while the
/// world is stopped again and again and GOMAXPROCS is lowered and raised around work longer than a time
/// slice; `fork_stress` starts processes while other threads keep the runtime busy) end with gc's output
/// under GOMAXPROCS 1 to 4, twice each, every run well within its time limit: a lost wake-up or a deadlock
/// shows as a run killed at the limit. gc is the oracle for the output.
#[test]
fn stress_programs_end_like_gc() {
    use std::time::{Duration, Instant};
    // A few seconds each unloaded; the limit leaves room for a machine busy with other tests.
    const LIMIT: Duration = Duration::from_secs(60);
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("test/data/threads");
    let tmp = std::env::temp_dir().join(format!("g1c-stress-{}", std::process::id()));
    std::fs::create_dir_all(&tmp).unwrap();
    let names = file_names(&dir, "_stress.go");
    assert!(!names.is_empty(), "no stress programs in {}", dir.display());
    let mut failures = Vec::new();
    for name in &names {
        let src = dir.join(name);
        let (ours, theirs) = (tmp.join(format!("{name}.g1c")), tmp.join(format!("{name}.gc")));
        let b = build(&src, &ours, &tmp, &tmp);
        assert!(b.status.success(), "{name}: {}", String::from_utf8_lossy(&b.stderr));
        let b = goenv::command(oracle::gc())
            .args(["build", "-o"])
            .arg(&theirs)
            .arg(&src)
            .env("GO111MODULE", "off")
            .env("GOCACHE", tmp.join("gocache"))
            .output()
            .unwrap();
        assert!(b.status.success(), "{name}: {}", String::from_utf8_lossy(&b.stderr));
        let want = goenv::command(&theirs).output().unwrap();
        assert!(want.status.success(), "{name} built by gc failed: {}", String::from_utf8_lossy(&want.stderr));
        for round in 0..2 {
            for procs in ["1", "2", "3", "4"] {
                let (out, err) = (tmp.join("stdout"), tmp.join("stderr"));
                let mut child = goenv::command(&ours)
                    .env("GOMAXPROCS", procs)
                    .stdout(std::fs::File::create(&out).unwrap())
                    .stderr(std::fs::File::create(&err).unwrap())
                    .spawn()
                    .unwrap();
                let start = Instant::now();
                let status = loop {
                    if let Some(s) = child.try_wait().unwrap() {
                        break Some(s);
                    }
                    if start.elapsed() > LIMIT {
                        let _ = child.kill();
                        let _ = child.wait();
                        break None;
                    }
                    std::thread::sleep(Duration::from_millis(20));
                };
                let stdout = std::fs::read(&out).unwrap();
                let stderr = String::from_utf8_lossy(&std::fs::read(&err).unwrap()).into_owned();
                match status {
                    None => failures.push(format!(
                        "{name}, GOMAXPROCS={procs}, run {round}: still running after {LIMIT:?} (a lost wake-up?)"
                    )),
                    Some(s) if !s.success() || stdout != want.stdout => failures.push(format!(
                        "{name}, GOMAXPROCS={procs}, run {round}: {s}, stdout:\n{}want:\n{}stderr:\n{stderr}",
                        String::from_utf8_lossy(&stdout),
                        String::from_utf8_lossy(&want.stdout)
                    )),
                    Some(_) => {}
                }
            }
        }
    }
    let _ = std::fs::remove_dir_all(&tmp);
    assert!(failures.is_empty(), "{}", failures.join("\n"));
}

/// The names of the files in `dir` ending in `suffix`, sorted (the tests' order, whatever the directory's).
fn file_names(dir: &Path, suffix: &str) -> Vec<String> {
    let mut names: Vec<String> = std::fs::read_dir(dir)
        .unwrap()
        .filter_map(|e| e.ok())
        .map(|e| e.file_name().to_string_lossy().into_owned())
        .filter(|n| n.ends_with(suffix))
        .collect();
    names.sort();
    names
}
