//! Profiles that gc's own tool reads (issue 10): the programs of `test/data/pprof/` write a CPU profile
//! (`cpu.go`: SIGPROF samples, rt/src/cpuprof.rs) and a heap profile (`heap.go`: sampled allocations,
//! rt/src/mprof.rs) through GOROOT's runtime/pprof; `go tool pprof -top` of the reference gc reads each
//! with the executable, and the function the program spends its CPU time or its allocations in must hold
//! most of the profile.
//!
//! gc's `go tool pprof` is the oracle: without it the tests fail (test/common/oracle.rs), never skip.

#[path = "common/goenv.rs"]
mod goenv;
#[path = "common/oracle.rs"]
mod oracle;

use std::path::{Path, PathBuf};

/// A directory of its own under the system's temporary directory.
fn scratch(tag: &str) -> PathBuf {
    let d = std::env::temp_dir().join(format!("g1c-pprof-{}-{tag}", std::process::id()));
    let _ = std::fs::remove_dir_all(&d);
    std::fs::create_dir_all(&d).unwrap();
    d
}

/// Builds `test/data/pprof/NAME.go` with g1c, runs it with the profile's path as its argument (it must
/// print `done`), and returns `go tool pprof -top` of the profile with `args` before the files.
fn profile_top(name: &str, args: &[&str]) -> String {
    let dir = scratch(name);
    let src = Path::new(env!("CARGO_MANIFEST_DIR")).join(format!("test/data/pprof/{name}.go"));
    let exe = dir.join(name);
    let out = goenv::g1c().arg("build").arg("-o").arg(&exe).arg(&src).output().unwrap();
    assert!(out.status.success(), "g1c build {name}.go: {}", String::from_utf8_lossy(&out.stderr));
    let prof = dir.join(format!("{name}.prof"));
    let out = goenv::command(&exe).arg(&prof).current_dir(&dir).output().unwrap();
    assert!(
        out.status.success() && out.stdout == b"done\n",
        "{name}: {:?}\nstdout: {}\nstderr: {}",
        out.status,
        String::from_utf8_lossy(&out.stdout),
        String::from_utf8_lossy(&out.stderr)
    );
    let out = goenv::command(oracle::gc())
        .args(["tool", "pprof", "-top"])
        .args(args)
        .arg(&exe)
        .arg(&prof)
        .env("HOME", &dir)
        .env("PPROF_TMPDIR", &dir)
        .output()
        .unwrap();
    let top = String::from_utf8_lossy(&out.stdout).into_owned();
    assert!(out.status.success(), "go tool pprof: {}\n{top}", String::from_utf8_lossy(&out.stderr));
    let _ = std::fs::remove_dir_all(&dir);
    top
}

/// The `cum%` column of `function`'s row in `pprof -top` output (flat, flat%, sum%, cum, cum%, name).
fn cum_percent(top: &str, function: &str) -> Option<f64> {
    top.lines().find_map(|l| {
        let cols: Vec<&str> = l.split_whitespace().collect();
        (cols.len() == 6 && cols[5] == function).then(|| cols[4].trim_end_matches('%').parse().ok())?
    })
}

/// The total of the profile: the value after `of` in pprof's `Showing nodes accounting for X, Y% of TOTAL
/// total` line, as pprof prints it (`300ms`, `1.50MB`).
fn total(top: &str) -> String {
    let line = top.lines().find(|l| l.starts_with("Showing nodes")).unwrap_or_else(|| panic!("no totals:\n{top}"));
    line.rsplit(" of ").next().unwrap().trim_end_matches(" total").to_string()
}

#[test]
fn cpu_profile_names_the_busy_function() {
    let top = profile_top("cpu", &[]);
    // 300 ms of CPU at gc's 100 Hz: about 30 samples; fewer than 10 would mean samples go missing.
    let t = total(&top);
    let ms: f64 = t
        .trim_end_matches("ms")
        .parse()
        .or_else(|_| t.trim_end_matches('s').parse::<f64>().map(|s| s * 1e3))
        .unwrap_or(0.0);
    assert!(ms >= 100.0, "too few samples ({t}):\n{top}");
    let share =
        cum_percent(&top, "main.burnCPU").unwrap_or_else(|| panic!("main.burnCPU is not in the profile:\n{top}"));
    assert!(share >= 70.0, "main.burnCPU has only {share}% of the samples:\n{top}");
}

#[test]
fn heap_profile_names_the_allocating_functions() {
    // 32 MiB kept by allocKeep, 128 MiB allocated and dropped by allocDrop: at gc's 512 KiB rate about 320
    // samples, so the shares are within a few percent of 100% and 80%.
    let inuse = profile_top("heap", &["-sample_index=inuse_space"]);
    let share = cum_percent(&inuse, "main.allocKeep").unwrap_or_else(|| panic!("main.allocKeep not in use:\n{inuse}"));
    assert!(share >= 80.0, "main.allocKeep holds only {share}% of the bytes in use:\n{inuse}");
    assert!(cum_percent(&inuse, "main.allocDrop").unwrap_or(0.0) < 10.0, "freed objects still in use:\n{inuse}");
    let alloc = profile_top("heap", &["-sample_index=alloc_space"]);
    let share =
        cum_percent(&alloc, "main.allocDrop").unwrap_or_else(|| panic!("main.allocDrop not allocating:\n{alloc}"));
    assert!((60.0..95.0).contains(&share), "main.allocDrop allocated {share}% of the bytes, not about 80%:\n{alloc}");
}
