//! Differential testing of the back end (issue 12): random programs from `g1c::progen`, each built by gc once
//! and by g1c at every optimization level (the default and `-gcflags=-N`; g1c takes `-l` but it changes
//! nothing, so it is not a level of its own), run, and compared: stdout, stderr and exit status exactly.
//!
//! CI runs seeds `SEED..SEED+PROGRAMS` one by one and the next 20 as one batch. Long runs: `scripts/progen
//! [--batch K]` (or `G1C_PROGEN_SEED=1000 G1C_PROGEN_COUNT=500 [G1C_PROGEN_BATCH=150] cargo test --release
//! --test progen -- --nocapture`). A batch builds K programs at once, each a package of its own, so that
//! the cost of a build (gc's above all: starting the go command, linking) is shared. A program gc rejects
//! is a generator bug and fails the run as a difference does. Each failing program is saved as
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

/// Runs `bin` (in its directory) with the time limit of one program.
fn run(bin: &Path) -> Behaviour {
    run_for(bin, RUN_LIMIT)
}

/// Runs `bin` (in its directory) with a time limit.
fn run_for(bin: &Path, limit: Duration) -> Behaviour {
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
        if start.elapsed() > limit {
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
    gc_build_in(src, bin, None)
}

/// gc's build of `src`, with `gopath` as GOPATH when it imports packages of its own (a batch).
fn gc_build_in(src: &Path, bin: &Path, gopath: Option<&Path>) -> Result<(), String> {
    let mut cmd = goenv::command(oracle::gc());
    cmd.args(["build", "-trimpath", "-o"])
        .arg(bin)
        .arg(src)
        .current_dir(src.parent().unwrap())
        .env("GO111MODULE", "off");
    if let Some(p) = gopath {
        cmd.env("GOPATH", p);
    }
    let out = cmd.output().expect("running gc");
    if out.status.success() {
        Ok(())
    } else {
        Err(String::from_utf8_lossy(&out.stderr).into_owned())
    }
}

fn g1c_build(flags: &[&str], src: &Path, bin: &Path) -> Result<(), String> {
    g1c_build_in(flags, src, bin, None)
}

fn g1c_build_in(flags: &[&str], src: &Path, bin: &Path, gopath: Option<&Path>) -> Result<(), String> {
    let mut cmd = goenv::g1c();
    cmd.arg("build").args(flags).arg("-o").arg(bin).arg(src);
    cmd.current_dir(src.parent().unwrap()).env("GO111MODULE", "off");
    if let Some(p) = gopath {
        cmd.env("GOPATH", p);
    }
    let out = cmd.output().expect("running g1c");
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

/// Where the runs save differing programs: `$G1C_PROGEN_OUT` or target/progen.
fn out_dir() -> PathBuf {
    let out = std::env::var_os("G1C_PROGEN_OUT")
        .map(PathBuf::from)
        .unwrap_or_else(|| Path::new(env!("CARGO_MANIFEST_DIR")).join("target/progen"));
    std::fs::create_dir_all(&out).unwrap();
    out
}

/// Saves the program of a differing seed and what differed.
fn save_failure(out: &Path, seed: u64, why: &str) {
    eprintln!("seed {seed}: {}", why.lines().next().unwrap_or(""));
    std::fs::write(out.join(format!("fail-{seed}.go")), g1c::progen::generate(seed)).unwrap();
    std::fs::write(out.join(format!("fail-{seed}.txt")), why).unwrap();
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
    let out = out_dir();
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
            save_failure(&out, s, &why);
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
            let out = out_dir();
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

/// A batch: the programs of `seeds` as packages of one GOPATH tree under `dir` (`src/pSEED/prog.go`), run
/// by the `package main` in `dir/main.go`. Returns the main file.
fn write_batch(seeds: &[u64], dir: &Path) -> PathBuf {
    let _ = std::fs::remove_dir_all(dir.join("src"));
    for &s in seeds {
        let name = g1c::progen::batch_package_name(s);
        let pkg = dir.join("src").join(&name);
        std::fs::create_dir_all(&pkg).unwrap();
        std::fs::write(pkg.join("prog.go"), g1c::progen::generate_package(s, &name)).unwrap();
    }
    let main = dir.join("main.go");
    std::fs::write(&main, g1c::progen::batch_main(seeds)).unwrap();
    main
}

/// A batch's time limit: a program's, and a second more per program.
fn batch_limit(seeds: &[u64]) -> Duration {
    RUN_LIMIT + Duration::from_secs(seeds.len() as u64)
}

/// Splits a stream of a batch at its headers: the text each seed printed on it, `None` for a seed whose
/// header is missing (the batch stopped before it). Text before the first header (there is none when the
/// batch behaves) goes to the first seed, so that it is not lost to the comparison.
fn sections(text: &str, seeds: &[u64]) -> Vec<Option<String>> {
    let mut out: Vec<Option<String>> = vec![None; seeds.len()];
    let mut cur: Option<usize> = None;
    let mut before = String::new();
    let mut next = 0;
    for line in text.split_inclusive('\n') {
        if next < seeds.len() && line.strip_suffix('\n') == Some(g1c::progen::batch_header(seeds[next]).as_str()) {
            out[next] = Some(std::mem::take(&mut before));
            cur = Some(next);
            next += 1;
            continue;
        }
        match cur {
            Some(k) => out[k].as_mut().unwrap().push_str(line),
            None => before.push_str(line),
        }
    }
    if !before.is_empty() {
        out[0] = Some(before);
    }
    out
}

/// What differs between two behaviours of one seed's section.
fn section_difference(want: &Option<String>, got: &Option<String>, stream: &str) -> Option<String> {
    match (want, got) {
        (Some(w), Some(g)) if w == g => None,
        (Some(w), Some(g)) => Some(format!("{stream} {}", first_difference(w, g))),
        (w, g) => Some(format!("{stream}: header printed by gc {}, by g1c {}", w.is_some(), g.is_some())),
    }
}

/// Checks the programs of `seeds` as one batch: built once by gc and once per g1c level, run, and compared
/// seed by seed. Seeds whose sections differ (and every seed, when a batch does not build or gc's does not
/// exit 0) are checked again alone; a seed that differs only in the batch is reported as such. Returns the
/// failing seeds with what differed.
fn check_batch(seeds: &[u64], dir: &Path) -> Vec<(u64, String)> {
    let main = write_batch(seeds, dir);
    let limit = batch_limit(seeds);
    let gc_bin = dir.join("gc.bin");
    let mut suspects: Vec<(u64, String)> = Vec::new();
    let all = |why: &str| seeds.iter().map(|&s| (s, why.to_string())).collect::<Vec<_>>();
    'levels: {
        if let Err(e) = gc_build_in(&main, &gc_bin, Some(dir)) {
            suspects = all(&format!("gc rejects the batch:\n{e}"));
            break 'levels;
        }
        let want = run_for(&gc_bin, limit);
        if want.exit != "exit 0" {
            suspects = all(&format!("under gc the batch does not exit 0: {}\n{}", want.exit, want.stderr));
            break 'levels;
        }
        let (want_out, want_err) = (sections(&want.stdout, seeds), sections(&want.stderr, seeds));
        for flags in LEVELS {
            let level = if flags.is_empty() { "default".to_string() } else { flags.join(" ") };
            let bin = dir.join("g1c.bin");
            if let Err(e) = g1c_build_in(flags, &main, &bin, Some(dir)) {
                suspects = all(&format!("g1c {level} fails to build the batch:\n{e}"));
                break 'levels;
            }
            let got = run_for(&bin, limit);
            let (got_out, got_err) = (sections(&got.stdout, seeds), sections(&got.stderr, seeds));
            let mut any = false;
            for (k, &s) in seeds.iter().enumerate() {
                let diffs: Vec<String> = [
                    section_difference(&want_out[k], &got_out[k], "stdout"),
                    section_difference(&want_err[k], &got_err[k], "stderr"),
                ]
                .into_iter()
                .flatten()
                .collect();
                if !diffs.is_empty() && !suspects.iter().any(|x| x.0 == s) {
                    any = true;
                    suspects.push((s, format!("in the batch, g1c {level} differs from gc:\n{}", diffs.join("\n"))));
                }
            }
            if got.exit != want.exit && !any {
                // Every section the same but not the exit: the last program's end is the suspect.
                let last = *seeds.last().unwrap();
                suspects.push((last, format!("batch exit: gc {}, g1c {level} {}", want.exit, got.exit)));
            }
        }
    }
    let mut failures = Vec::new();
    for (s, batch_why) in suspects {
        match check(s, dir) {
            Err(why) => failures.push((s, why)),
            Ok(()) => failures.push((
                s,
                format!(
                    "differs only in a batch of seeds {}..={} (alone it agrees):\n{batch_why}",
                    seeds[0],
                    seeds.last().unwrap()
                ),
            )),
        }
    }
    failures
}

/// Long runs in batches (`scripts/progen --batch K`): with `G1C_PROGEN_BATCH=K` set, seeds
/// `G1C_PROGEN_SEED..+G1C_PROGEN_COUNT` in batches of K; otherwise CI's batch, the seeds after the single
/// programs' range.
#[test]
fn programs_in_a_batch_behave_like_gc() {
    let (seed, count, k) = match std::env::var("G1C_PROGEN_BATCH").ok().and_then(|v| v.parse::<u64>().ok()) {
        Some(k) => (env_u64("G1C_PROGEN_SEED", SEED), env_u64("G1C_PROGEN_COUNT", PROGRAMS), k.max(1)),
        None => (SEED + PROGRAMS, 20, 20),
    };
    let out = out_dir();
    let dir = out.join(format!("batch-{}-{seed}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let start = Instant::now();
    let mut failures = Vec::new();
    let seeds: Vec<u64> = (seed..seed + count).collect();
    for (n, batch) in seeds.chunks(k as usize).enumerate() {
        for (s, why) in check_batch(batch, &dir) {
            save_failure(&out, s, &why);
            failures.push((s, why));
        }
        let done = (n + 1) * k as usize;
        eprintln!(
            "progen: {} programs, {} differing, {:.0?}",
            done.min(count as usize),
            failures.len(),
            start.elapsed()
        );
    }
    let _ = std::fs::remove_dir_all(&dir);
    eprintln!(
        "progen: {count} programs from seed {seed} in batches of {k} in {:.0?}, {} differing",
        start.elapsed(),
        failures.len()
    );
    assert!(
        failures.is_empty(),
        "{} of {count} programs differ (saved as {}/fail-SEED.go):\n{}",
        failures.len(),
        out.display(),
        failures.iter().map(|(s, w)| format!("seed {s}: {w}")).collect::<Vec<_>>().join("\n\n")
    );
}

/// A batch prints, seed by seed, what the programs print alone (under gc): the batch mode compares what a
/// single program would. The only difference allowed is the package's name in runtime errors' type names
/// (`pSEED.T` for `main.T`). The sample holds programs using fmt and programs printing such errors.
#[test]
fn a_batch_prints_what_its_programs_print() {
    // A few seeds, and the first ones (with println and with fmt) asserting an integer in an interface to
    // I, which fails naming `main.I`.
    let mut seeds: Vec<u64> = vec![2, 3, 5, 8, 13];
    for fmt in [false, true] {
        let s = (100..)
            .find(|&s| {
                let p = g1c::progen::generate(s);
                p.contains(".(I) == ") && p.contains("import \"fmt\"") == fmt
            })
            .unwrap();
        seeds.push(s);
    }
    let texts: Vec<String> = seeds.iter().map(|&s| g1c::progen::generate(s)).collect();
    assert!(texts.iter().any(|t| t.contains("import \"fmt\"")), "the sample has a program using fmt");
    assert!(texts.iter().any(|t| !t.contains("import \"fmt\"")), "the sample has a program using println");
    let dir = out_dir().join(format!("sample-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let main = write_batch(&seeds, &dir);
    let bin = dir.join("batch.bin");
    gc_build_in(&main, &bin, Some(&dir)).unwrap_or_else(|e| panic!("gc rejects the batch:\n{e}"));
    let batch = run_for(&bin, batch_limit(&seeds));
    assert_eq!(batch.exit, "exit 0", "{}", batch.stderr);
    let (outs, errs) = (sections(&batch.stdout, &seeds), sections(&batch.stderr, &seeds));
    let mut type_names = 0;
    for (k, &s) in seeds.iter().enumerate() {
        let src = dir.join("prog.go");
        std::fs::write(&src, &texts[k]).unwrap();
        let single_bin = dir.join("single.bin");
        gc_build(&src, &single_bin).unwrap_or_else(|e| panic!("gc rejects seed {s}:\n{e}"));
        let single = run(&single_bin);
        assert_eq!(single.exit, "exit 0", "seed {s}");
        let pkg = format!("{}.", g1c::progen::batch_package_name(s));
        let norm = |x: &Option<String>| x.as_ref().map(|t| t.replace(&pkg, "main."));
        assert_eq!(norm(&outs[k]).as_deref(), Some(single.stdout.as_str()), "stdout of seed {s}");
        assert_eq!(norm(&errs[k]).as_deref(), Some(single.stderr.as_str()), "stderr of seed {s}");
        type_names += (single.stdout + &single.stderr).matches("main.").count();
    }
    assert!(type_names > 0, "the sample no longer prints a runtime error naming a type: choose other seeds");
    let _ = std::fs::remove_dir_all(&dir);
}

/// The splitting of a batch's streams: headers are whole lines, in seed order.
#[test]
fn sections_split_at_whole_header_lines() {
    let h = |s| g1c::progen::batch_header(s);
    let text = format!("{}\na\n{}\n{}\nb\n== seed 100\n", h(1), h(10), h(11));
    let got = sections(&text, &[1, 10, 11, 12]);
    assert_eq!(got, vec![Some("a\n".into()), Some(String::new()), Some("b\n== seed 100\n".into()), None]);
}
