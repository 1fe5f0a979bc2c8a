//! Differential testing of the back end (issue 12): random programs from `g1c::progen`, each built by gc once
//! and by g1c at every optimization level (the default and `-gcflags=-N`; g1c takes `-l` but it changes
//! nothing, so it is not a level of its own), run, and compared: stdout, stderr and exit status exactly.
//!
//! CI runs seeds `SEED..SEED+PROGRAMS`. Long runs: `scripts/progen` (or `G1C_PROGEN_SEED=1000
//! G1C_PROGEN_COUNT=500 cargo test --release --test progen -- --nocapture`). A program gc rejects is a
//! generator bug and fails the run as a difference does. Each failing program is saved as
//! `target/progen/fail-SEED.go` (or under `$G1C_PROGEN_OUT`) with `fail-SEED.txt` saying what differed;
//! `G1C_PROGEN_WRITE=1` saves every program of the run as `target/progen/SEED.go` too. Differences found by
//! long runs become regression tests in `test/data/run/progen_*.go` (run by test/run.rs).

#[path = "common/goenv.rs"]
mod goenv;
#[path = "common/oracle.rs"]
mod oracle;

use std::path::{Path, PathBuf};
use std::process::Stdio;
use std::time::{Duration, Instant};

const SEED: u64 = 1;
/// Chosen so that the release run takes about a minute on a loaded two-core machine.
const PROGRAMS: u64 = 40;
const RUN_LIMIT: Duration = Duration::from_secs(20);
/// g1c's optimization levels, as `g1c build` flags.
const LEVELS: &[&[&str]] = &[&[], &["-gcflags=-N"]];

fn env_u64(name: &str, default: u64) -> u64 {
    std::env::var(name).ok().and_then(|v| v.parse().ok()).unwrap_or(default)
}

/// A program's observable behaviour.
#[derive(PartialEq, Debug)]
struct Behaviour {
    stdout: String,
    stderr: String,
    exit: String,
}

/// Runs `bin` (in its directory) with a time limit.
fn run(bin: &Path) -> Behaviour {
    let mut child = goenv::command(bin)
        .current_dir(bin.parent().unwrap())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("running a built program");
    let out_pipe = child.stdout.take().unwrap();
    let err_pipe = child.stderr.take().unwrap();
    let read = |mut p: Box<dyn std::io::Read + Send>| {
        std::thread::spawn(move || {
            let mut v = Vec::new();
            let _ = p.read_to_end(&mut v);
            String::from_utf8_lossy(&v).into_owned()
        })
    };
    let (o, e) = (read(Box::new(out_pipe)), read(Box::new(err_pipe)));
    let start = Instant::now();
    let status = loop {
        if let Some(s) = child.try_wait().unwrap() {
            break Some(s);
        }
        if start.elapsed() > RUN_LIMIT {
            let _ = child.kill();
            let _ = child.wait();
            break None;
        }
        std::thread::sleep(Duration::from_millis(5));
    };
    let exit = match status {
        Some(s) => match s.code() {
            Some(c) => format!("exit {c}"),
            None => format!("killed: {s}"),
        },
        None => "timed out".to_string(),
    };
    Behaviour { stdout: o.join().unwrap(), stderr: e.join().unwrap(), exit }
}

fn gc_build(src: &Path, bin: &Path) -> Result<(), String> {
    let out = goenv::command(oracle::gc())
        .args(["build", "-trimpath", "-o"])
        .arg(bin)
        .arg(src)
        .current_dir(src.parent().unwrap())
        .env("GO111MODULE", "off")
        .output()
        .expect("running gc");
    if out.status.success() {
        Ok(())
    } else {
        Err(String::from_utf8_lossy(&out.stderr).into_owned())
    }
}

fn g1c_build(flags: &[&str], src: &Path, bin: &Path) -> Result<(), String> {
    let out = goenv::g1c()
        .arg("build")
        .args(flags)
        .arg("-o")
        .arg(bin)
        .arg(src)
        .current_dir(src.parent().unwrap())
        .env("GO111MODULE", "off")
        .output()
        .expect("running g1c");
    if out.status.success() {
        Ok(())
    } else {
        Err(String::from_utf8_lossy(&out.stderr).into_owned())
    }
}

/// The first line where two texts differ, for the report.
fn first_difference(a: &str, b: &str) -> String {
    let (al, bl): (Vec<&str>, Vec<&str>) = (a.lines().collect(), b.lines().collect());
    for i in 0..al.len().max(bl.len()) {
        let (x, y) = (al.get(i).copied().unwrap_or("<end>"), bl.get(i).copied().unwrap_or("<end>"));
        if x != y {
            return format!("line {}: gc {x:?}, g1c {y:?}", i + 1);
        }
    }
    "same lines (different trailing bytes)".to_string()
}

/// Checks one program; `Err` describes the difference.
fn check(seed: u64, dir: &Path) -> Result<(), String> {
    let src = dir.join("prog.go");
    std::fs::write(&src, g1c::progen::generate(seed)).unwrap();
    let gc_bin = dir.join("gc.bin");
    gc_build(&src, &gc_bin).map_err(|e| format!("gc rejects the program (a generator bug):\n{e}"))?;
    let want = run(&gc_bin);
    if want.exit != "exit 0" {
        return Err(format!("under gc the program does not exit 0 (a generator bug): {}\n{}", want.exit, want.stderr));
    }
    for flags in LEVELS {
        let bin = dir.join("g1c.bin");
        let level = if flags.is_empty() { "default".to_string() } else { flags.join(" ") };
        g1c_build(flags, &src, &bin).map_err(|e| format!("g1c {level} fails to build:\n{e}"))?;
        let got = run(&bin);
        let mut diffs = Vec::new();
        if got.exit != want.exit {
            diffs.push(format!("exit: gc {}, g1c {}", want.exit, got.exit));
        }
        if got.stdout != want.stdout {
            diffs.push(format!("stdout {}", first_difference(&want.stdout, &got.stdout)));
        }
        if got.stderr != want.stderr {
            diffs.push(format!("stderr {}", first_difference(&want.stderr, &got.stderr)));
        }
        if !diffs.is_empty() {
            return Err(format!("g1c {level} differs from gc:\n{}", diffs.join("\n")));
        }
    }
    Ok(())
}

#[test]
fn programs_behave_like_gc_at_every_level() {
    let seed = env_u64("G1C_PROGEN_SEED", SEED);
    let count = env_u64("G1C_PROGEN_COUNT", PROGRAMS);
    let out: PathBuf = std::env::var_os("G1C_PROGEN_OUT")
        .map(PathBuf::from)
        .unwrap_or_else(|| Path::new(env!("CARGO_MANIFEST_DIR")).join("target/progen"));
    let write_all = std::env::var_os("G1C_PROGEN_WRITE").is_some();
    let dir = out.join(format!("work-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let mut failures = Vec::new();
    let start = Instant::now();
    for s in seed..seed + count {
        if write_all {
            std::fs::write(out.join(format!("{s}.go")), g1c::progen::generate(s)).unwrap();
        }
        if (s - seed) % 50 == 49 {
            eprintln!("progen: {} programs, {} differing, {:.0?}", s - seed + 1, failures.len(), start.elapsed());
        }
        if let Err(why) = check(s, &dir) {
            eprintln!("seed {s}: {}", why.lines().next().unwrap_or(""));
            std::fs::write(out.join(format!("fail-{s}.go")), g1c::progen::generate(s)).unwrap();
            std::fs::write(out.join(format!("fail-{s}.txt")), &why).unwrap();
            failures.push((s, why));
        }
    }
    let _ = std::fs::remove_dir_all(&dir);
    eprintln!("progen: {count} programs from seed {seed} in {:.0?}, {} differing", start.elapsed(), failures.len());
    assert!(
        failures.is_empty(),
        "{} of {count} programs differ (saved as {}/fail-SEED.go):\n{}",
        failures.len(),
        out.display(),
        failures.iter().map(|(s, w)| format!("seed {s}: {w}")).collect::<Vec<_>>().join("\n\n")
    );
}

/// The generator is a pure function of its seed.
#[test]
fn generation_is_deterministic() {
    for s in [0, 1, 99, u64::MAX] {
        assert_eq!(g1c::progen::generate(s), g1c::progen::generate(s));
    }
    assert_ne!(g1c::progen::generate(1), g1c::progen::generate(2));
}

/// With `G1C_PROGEN_SEED` set, writes that seed's program as `SEED.go` in the output directory (used by
/// `scripts/progen --write`); otherwise checks only that generation does not panic for a few seeds.
#[test]
fn write_program_of_seed() {
    match std::env::var("G1C_PROGEN_SEED").ok().and_then(|v| v.parse::<u64>().ok()) {
        Some(seed) => {
            let out = std::env::var_os("G1C_PROGEN_OUT")
                .map(PathBuf::from)
                .unwrap_or_else(|| Path::new(env!("CARGO_MANIFEST_DIR")).join("target/progen"));
            std::fs::create_dir_all(&out).unwrap();
            std::fs::write(out.join(format!("{seed}.go")), g1c::progen::generate(seed)).unwrap();
        }
        None => {
            for s in 0..200 {
                let p = g1c::progen::generate(s);
                assert!(p.contains("func main() {"), "seed {s}");
            }
        }
    }
}
