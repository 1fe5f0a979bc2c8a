//! Garbage-collector tests on whole programs (rt/src/gc.rs, rt/src/heapbits.rs):
//! - precision: `test/data/run/gc_precise_*.go` keep, in pointer-free data and in the scalar fields of live
//!   objects, the addresses of hundreds of MiB of blocks that nothing points to; the heap is scanned
//!   precisely, so those blocks are freed and every program's peak RSS stays far below what conservative
//!   scanning needs (measured per program with `wait4`, so builds and rustc do not count);
//! - stress: the end-to-end programs run with GOGC=1 (a collection every 1 % of heap growth, so nearly
//!   every object is allocated right after a collection) and must still behave exactly as under gc. The
//!   few programs that allocate hundreds of MiB are left out here to keep `cargo test` quick;
//!   `scripts/gc-stress` runs them all, and the conformance suite's passing list, with GOGC=1.

#[path = "common/goenv.rs"]
mod goenv;

use std::path::Path;
use std::process::Command;

#[path = "common/run_data.rs"]
mod run_data;
use run_data::{data_dir, parse_expected};

/// Programs too slow under GOGC=1 for `cargo test` (seconds each: they allocate hundreds of MiB or start
/// 100,000 goroutines, and GOGC=1 collects every 1 % of growth); `scripts/gc-stress` runs them.
const STRESS_SKIP: &[&str] = &["gc_binarytrees", "gc_churn", "go_chain", "gc_closures"];

/// Peak RSS allowed for the precision programs (KiB). They allocate 500 MiB or more; conservative
/// scanning keeps it all resident, precise scanning keeps a few MiB.
const PRECISE_MAX_RSS_KIB: i64 = 96 << 10;

extern "C" {
    /// wait4(2) from the C library that std links anyway: waits for one child and returns its own usage.
    fn wait4(pid: i32, status: *mut i32, options: i32, usage: *mut [i64; 18]) -> i32;
}

/// Runs `cmd` with stdout and stderr in files under `tmp`; returns (stdout, stderr, exit code, peak RSS in
/// KiB of this program alone). wait4 gives the child's own `ru_maxrss`, so neither the compiler nor rustc
/// (which builds the runtime archive when the cache is cold) can be mistaken for the program.
fn run_measured(mut cmd: Command, tmp: &Path, name: &str) -> (String, String, i32, i64) {
    let out_path = tmp.join(format!("{name}.stdout"));
    let err_path = tmp.join(format!("{name}.stderr"));
    cmd.stdout(std::fs::File::create(&out_path).unwrap()).stderr(std::fs::File::create(&err_path).unwrap());
    let child = cmd.spawn().unwrap();
    let mut status = 0i32;
    let mut ru = [0i64; 18];
    // SAFETY: `struct rusage` on x86-64 Linux is 144 bytes: two timevals then 14 longs, ru_maxrss first.
    let r = unsafe { wait4(child.id() as i32, &mut status, 0, &mut ru) };
    assert_eq!(r, child.id() as i32, "wait4 failed");
    // WIFEXITED ? WEXITSTATUS : -1 (killed by a signal)
    let exit = if status & 0x7f == 0 { (status >> 8) & 0xff } else { -1 };
    let stdout = String::from_utf8_lossy(&std::fs::read(&out_path).unwrap()).into_owned();
    let stderr = String::from_utf8_lossy(&std::fs::read(&err_path).unwrap()).into_owned();
    (stdout, stderr, exit, ru[4])
}

/// Builds `test/data/run/NAME.go` into `tmp`, runs it with `gogc` (None: the default), and returns what
/// differs from gc's recorded behaviour: stdout and the exit status exactly, stderr exactly for programs
/// that exit 0 and its first line for the others (the panic message; test/run.rs checks the rest).
fn run_program(name: &str, tmp: &Path, gogc: Option<&str>, peak_rss: &mut i64) -> Option<String> {
    let dir = data_dir();
    let want = parse_expected(&std::fs::read_to_string(dir.join(format!("{name}.out"))).unwrap());
    let exe = tmp.join(name);
    let b = goenv::g1c()
        .arg("build")
        .arg("-o")
        .arg(&exe)
        .arg(format!("{name}.go"))
        .current_dir(&dir)
        .env("TMPDIR", tmp)
        // As test/run.rs: programs of several packages import from this GOPATH.
        .env("GO111MODULE", "off")
        .env("GOPATH", dir.join("gopath"))
        .output()
        .unwrap();
    if !b.status.success() {
        return Some(format!("{name}: build failed:\n{}", String::from_utf8_lossy(&b.stderr)));
    }
    let mut cmd = goenv::command(&exe);
    cmd.current_dir(tmp).env_remove("GODEBUG");
    match gogc {
        Some(v) => cmd.env("GOGC", v),
        None => cmd.env_remove("GOGC"),
    };
    let (stdout, stderr, exit, rss) = run_measured(cmd, tmp, name);
    *peak_rss = (*peak_rss).max(rss);
    let stderr_ok =
        if want.exit == 0 { stderr == want.stderr } else { stderr.lines().next() == want.stderr.lines().next() };
    if stdout == want.stdout && exit == want.exit && stderr_ok {
        return None;
    }
    Some(format!(
        "{name} (GOGC={}): exit {exit} (want {})\nstdout:\n{stdout}\nwant:\n{}\nstderr:\n{stderr}\nwant:\n{}",
        gogc.unwrap_or("default"),
        want.exit,
        want.stdout,
        want.stderr
    ))
}

#[test]
fn heap_is_scanned_precisely_and_survives_gogc_1() {
    let tmp = std::env::temp_dir().join(format!("g1c-gc-test-{}", std::process::id()));
    std::fs::create_dir_all(&tmp).unwrap();
    let mut names: Vec<String> = std::fs::read_dir(data_dir())
        .unwrap()
        .filter_map(|e| e.ok())
        .filter_map(|e| e.file_name().to_string_lossy().strip_suffix(".go").map(str::to_string))
        .collect();
    names.sort();
    let mut failures = Vec::new();

    // Precision: the peak RSS of the gc_precise_* programs themselves.
    let precise: Vec<&String> = names.iter().filter(|n| n.starts_with("gc_precise_")).collect();
    assert!(precise.len() >= 2, "the gc_precise_* programs are missing");
    let mut rss = 0;
    for name in &precise {
        failures.extend(run_program(name, &tmp, None, &mut rss));
    }
    eprintln!("peak RSS of the gc_precise_* programs: {rss} KiB");
    assert!(rss > 0, "no RSS measured");
    assert!(
        rss < PRECISE_MAX_RSS_KIB,
        "peak RSS of the gc_precise_* programs is {rss} KiB: memory referenced only from scalars was retained"
    );

    let mut ignored = 0;
    for name in names.iter().filter(|n| !STRESS_SKIP.contains(&n.as_str())) {
        failures.extend(run_program(name, &tmp, Some("1"), &mut ignored));
    }
    let _ = std::fs::remove_dir_all(&tmp);
    assert!(failures.is_empty(), "{} programs differ from gc:\n{}", failures.len(), failures.join("\n\n"));
}
