//! The fixed-seed fuzz run: mutants of `$GOROOT` files (see `g1c::fuzzing`) through scanner, parser,
//! checker and lowering, in process. Fails on any panic, any input taking more than `TIME_LIMIT`, and any
//! input whose live heap exceeds `MEMORY_LIMIT`.
//!
//! CI runs `INPUTS` inputs with seed `SEED` (fewer in a debug build, which is ~10x slower). Longer local
//! runs: `G1C_FUZZ_INPUTS=500000 G1C_FUZZ_SEED=7 cargo test --release --test fuzz -- --nocapture`.
//! Every failing mutant is written to `target/fuzz-crashes/` (or `$G1C_FUZZ_CRASHES`) with its seed and index
//! in the name (`G1C_FUZZ_START=index G1C_FUZZ_INPUTS=1` runs it again); the input
//! being run is also kept in `target/fuzz-crashes/current.go`, so an input that kills the whole process (a
//! stack overflow, an allocation far over the limit) is not lost. Reproduce one with `g1c build FILE`.

use std::alloc::{GlobalAlloc, Layout, System};
use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::mpsc;
use std::sync::Mutex;
use std::time::{Duration, Instant};

use g1c::fuzzing::{self, Reached, Rng};

#[path = "common/oracle.rs"]
mod oracle;

const SEED: u64 = 1;
/// Chosen so that the release run takes well under a minute on two cores.
const INPUTS: usize = if cfg!(debug_assertions) { 1_500 } else { 20_000 };
/// Corpus files larger than this are skipped: they are slow and reach no new code.
const MAX_FILE: u64 = 24 << 10;
const TIME_LIMIT: Duration = Duration::from_secs(10);
/// A mutant is at most ~1 MB; a front end needing more than this much live heap for it is a bug.
const MEMORY_LIMIT: usize = 1 << 30;
/// Past this the allocator refuses (the process aborts) rather than letting the machine run out of memory.
const HARD_MEMORY_LIMIT: usize = 3 << 30;

/// The system allocator, counting live bytes so the watchdog can see a front end that eats memory.
struct Counting;

static LIVE: AtomicUsize = AtomicUsize::new(0);

unsafe impl GlobalAlloc for Counting {
    unsafe fn alloc(&self, l: Layout) -> *mut u8 {
        if LIVE.fetch_add(l.size(), Ordering::Relaxed) + l.size() > HARD_MEMORY_LIMIT {
            LIVE.fetch_sub(l.size(), Ordering::Relaxed);
            return std::ptr::null_mut();
        }
        System.alloc(l)
    }
    unsafe fn dealloc(&self, p: *mut u8, l: Layout) {
        LIVE.fetch_sub(l.size(), Ordering::Relaxed);
        System.dealloc(p, l)
    }
    unsafe fn realloc(&self, p: *mut u8, l: Layout, new: usize) -> *mut u8 {
        if new > l.size() && LIVE.fetch_add(new - l.size(), Ordering::Relaxed) + new - l.size() > HARD_MEMORY_LIMIT {
            LIVE.fetch_sub(new - l.size(), Ordering::Relaxed);
            return std::ptr::null_mut();
        }
        let q = System.realloc(p, l, new);
        if new < l.size() {
            LIVE.fetch_sub(l.size() - new, Ordering::Relaxed);
        } else if q.is_null() {
            LIVE.fetch_sub(new - l.size(), Ordering::Relaxed);
        }
        q
    }
}

#[global_allocator]
static ALLOC: Counting = Counting;

/// What one input did.
enum Verdict {
    Ok(Reached),
    Panic(String),
    InternalError(String),
}

/// Runs inputs one at a time on a worker thread with the driver's 512 MiB stack; the caller's thread is the
/// watchdog.
struct Worker {
    send: mpsc::Sender<Vec<u8>>,
    recv: mpsc::Receiver<Verdict>,
}

/// The message and backtrace of the last panic, filled in by the panic hook.
static LAST_PANIC: Mutex<String> = Mutex::new(String::new());

impl Worker {
    fn start() -> Worker {
        let default_hook = std::panic::take_hook();
        std::panic::set_hook(Box::new(move |info| {
            if std::thread::current().name() != Some("fuzz-worker") {
                return default_hook(info);
            }
            let bt = std::backtrace::Backtrace::force_capture();
            *LAST_PANIC.lock().unwrap_or_else(|e| e.into_inner()) = format!("{info}\n{bt}");
        }));
        let (send, inputs) = mpsc::channel::<Vec<u8>>();
        let (verdicts, recv) = mpsc::channel();
        std::thread::Builder::new()
            .name("fuzz-worker".into())
            .stack_size(512 << 20)
            .spawn(move || {
                for input in inputs {
                    let r = std::panic::catch_unwind(|| fuzzing::frontend(&input));
                    let v = match r {
                        Ok(Ok(reached)) => Verdict::Ok(reached),
                        Ok(Err(e)) => Verdict::InternalError(e),
                        Err(_) => Verdict::Panic(LAST_PANIC.lock().unwrap_or_else(|e| e.into_inner()).clone()),
                    };
                    if verdicts.send(v).is_err() {
                        return;
                    }
                }
            })
            .unwrap();
        Worker { send, recv }
    }
}

/// Mixes the run's seed and an input's index into that input's own seed, so that every input can be
/// regenerated on its own (`G1C_FUZZ_START=i G1C_FUZZ_INPUTS=1`).
fn input_seed(seed: u64, i: usize) -> u64 {
    Rng::new(seed ^ (i as u64).wrapping_mul(0x2545_f491_4f6c_dd1d)).next_u64()
}

/// The `i`th mutant of a run.
fn input(corpus: &[PathBuf], seed: u64, i: usize) -> Vec<u8> {
    let mut rng = Rng::new(input_seed(seed, i));
    let a = std::fs::read(rng.pick(corpus)).unwrap_or_default();
    let b = std::fs::read(rng.pick(corpus)).unwrap_or_default();
    fuzzing::mutate(&mut rng, &a, &b)
}

/// The child process: runs inputs `start..end` and prints one `FAIL` line per failure and a final `DONE`
/// line with its counts. Panics are recorded and the run goes on; after a hang or a memory blow-up (the worker
/// cannot be stopped) it exits at once, and the supervisor restarts it after that input.
fn child(seed: u64, start: usize, end: usize, crash_dir: &Path) {
    let corpus = fuzzing::goroot_corpus(&oracle::goroot(), MAX_FILE);
    let worker = Worker::start();
    let mut reached = [0usize; 4];
    let t = Instant::now();
    let baseline = LIVE.load(Ordering::Relaxed);
    for i in start..end {
        let input = input(&corpus, seed, i);
        std::fs::write(crash_dir.join("current.go"), &input).unwrap();
        std::fs::write(crash_dir.join("current.idx"), i.to_string()).unwrap();
        let save = |kind: &str| -> PathBuf {
            let p = crash_dir.join(format!("{kind}-seed{seed}-{i}.go"));
            std::fs::write(&p, &input).unwrap();
            p
        };
        worker.send.send(input.clone()).unwrap();
        let t0 = Instant::now();
        let verdict = loop {
            match worker.recv.recv_timeout(Duration::from_millis(20)) {
                Ok(v) => break v,
                Err(mpsc::RecvTimeoutError::Timeout) => {}
                Err(mpsc::RecvTimeoutError::Disconnected) => panic!("fuzz worker died"),
            }
            let live = LIVE.load(Ordering::Relaxed).saturating_sub(baseline);
            let stop = if live > MEMORY_LIMIT {
                Some(format!("live heap {} MiB", live >> 20))
            } else if t0.elapsed() > TIME_LIMIT {
                Some(format!("still running after {TIME_LIMIT:?}"))
            } else {
                None
            };
            if let Some(why) = stop {
                let p = save(if live > MEMORY_LIMIT { "memory" } else { "hang" });
                println!("FAIL {}: {why}", p.display());
                println!("DONE {} {} {} {} {}", i + 1 - start, reached[0], reached[1], reached[2], reached[3]);
                std::process::exit(3);
            }
        };
        match verdict {
            Verdict::Ok(r) => reached[r as usize] += 1,
            Verdict::Panic(msg) => println!("FAIL {}: {}", save("panic").display(), msg.replace('\n', "\n     ")),
            Verdict::InternalError(msg) => println!("FAIL {}: {msg}", save("ice").display()),
        }
        if (i + 1 - start) % 500 == 0 {
            // The counts so far, in case a later input kills this process.
            println!("DONE- {} {} {} {} {}", i + 1 - start, reached[0], reached[1], reached[2], reached[3]);
        }
        if (i + 1) % 10_000 == 0 {
            eprintln!("fuzz: {} inputs, {:.0?}", i + 1, t.elapsed());
        }
    }
    let _ = std::fs::remove_file(crash_dir.join("current.go"));
    let _ = std::fs::remove_file(crash_dir.join("current.idx"));
    println!("DONE {} {} {} {} {}", end - start, reached[0], reached[1], reached[2], reached[3]);
}

struct Report {
    tried: usize,
    reached: [usize; 4],
    failures: Vec<String>,
}

/// The supervisor: runs the child (this test binary again) until all inputs are tried, restarting it after
/// an input that killed it (a stack overflow aborts the process; that input is still in `current.go`).
fn supervise(seed: u64, start: usize, end: usize, crash_dir: &Path) -> Report {
    let mut report = Report { tried: 0, reached: [0; 4], failures: Vec::new() };
    let mut next = start;
    while next < end {
        let _ = std::fs::remove_file(crash_dir.join("current.idx"));
        let out = std::process::Command::new(std::env::current_exe().unwrap())
            .args(["--exact", "fixed_seed_run", "--nocapture", "--test-threads=1"])
            .env("G1C_FUZZ_CHILD", format!("{seed} {next} {end}"))
            .stderr(std::process::Stdio::inherit())
            .output()
            .unwrap();
        let stdout = String::from_utf8_lossy(&out.stdout);
        let mut done = None;
        let mut reached = [0; 4];
        let mut fail = String::new();
        for line in stdout.lines() {
            // The test harness may print `test fixed_seed_run ... ` before the child's first line.
            let line = line.find("DONE").or_else(|| line.find("FAIL ")).map_or(line, |k| &line[k..]);
            if let Some(rest) = line.strip_prefix("DONE") {
                // `DONE- counts`: progress so far; `DONE counts`: the segment ended.
                let (last, rest) = rest.strip_prefix('-').map_or((true, rest), |r| (false, r));
                let n: Vec<usize> = rest.split_whitespace().map(|x| x.parse().unwrap()).collect();
                if last {
                    done = Some(n[0]);
                }
                reached.copy_from_slice(&n[1..5]);
            } else if line.starts_with("FAIL ") {
                if !fail.is_empty() {
                    report.failures.push(std::mem::take(&mut fail));
                }
                fail = line.to_string();
            } else if line.starts_with("     ") && !fail.is_empty() {
                fail.push('\n');
                fail.push_str(line);
            }
        }
        if !fail.is_empty() {
            report.failures.push(fail);
        }
        for k in 0..4 {
            report.reached[k] += reached[k];
        }
        match done {
            Some(n) => {
                report.tried += n;
                next += n;
            }
            None => {
                // The child died: the input it was running killed it.
                let idx = std::fs::read_to_string(crash_dir.join("current.idx"));
                let Ok(i) = idx.map(|s| s.trim().parse::<usize>().unwrap()) else {
                    report.failures.push(format!("FAIL fuzz child failed to start: {}", out.status));
                    break;
                };
                let p = crash_dir.join(format!("abort-seed{seed}-{i}.go"));
                std::fs::copy(crash_dir.join("current.go"), &p).unwrap();
                report.failures.push(format!("FAIL {}: process died ({})", p.display(), out.status));
                report.tried += i + 1 - next;
                next = i + 1;
            }
        }
    }
    report
}

fn env_or<T: std::str::FromStr>(name: &str, default: T) -> T {
    std::env::var(name).ok().and_then(|s| s.parse().ok()).unwrap_or(default)
}

#[test]
fn fixed_seed_run() {
    let crash_dir = match std::env::var("G1C_FUZZ_CRASHES") {
        Ok(d) => PathBuf::from(d),
        Err(_) => Path::new(env!("CARGO_MANIFEST_DIR")).join("target/fuzz-crashes"),
    };
    std::fs::create_dir_all(&crash_dir).unwrap();
    if let Ok(args) = std::env::var("G1C_FUZZ_CHILD") {
        let n: Vec<u64> = args.split(' ').map(|x| x.parse().unwrap()).collect();
        return child(n[0], n[1] as usize, n[2] as usize, &crash_dir);
    }
    assert!(!fuzzing::goroot_corpus(&oracle::goroot(), MAX_FILE).is_empty(), "no corpus files under GOROOT");
    let seed = env_or("G1C_FUZZ_SEED", SEED);
    let start = env_or("G1C_FUZZ_START", 0);
    let end = start + env_or("G1C_FUZZ_INPUTS", INPUTS);
    let t = Instant::now();
    let r = supervise(seed, start, end, &crash_dir);
    println!(
        "fuzz: seed {seed}: {} inputs in {:.1?}: {} syntax errors, {} type errors, {} lowering errors, {} lowered; \
         {} failures",
        r.tried,
        t.elapsed(),
        r.reached[0],
        r.reached[1],
        r.reached[2],
        r.reached[3],
        r.failures.len()
    );
    for f in &r.failures {
        println!("{f}\n");
    }
    assert!(r.failures.is_empty(), "{} fuzz inputs failed (saved in {})", r.failures.len(), crash_dir.display());
}

/// Every nesting generator, just below and just above the parser's limit, in every context: the front end
/// must answer each with a result or an error (`exceeded maximum nesting depth`), never a stack overflow.
#[test]
fn deep_nesting() {
    let limit = g1c::syntax::parser::MAX_DEPTH as usize;
    let failures = std::thread::Builder::new()
        .stack_size(512 << 20)
        .spawn(move || {
            let mut failures = Vec::new();
            for kind in 0..fuzzing::NESTINGS.len() {
                for depth in [limit - 10, limit + 1] {
                    for context in 0..fuzzing::CONTEXTS {
                        let src = fuzzing::in_context(context, &fuzzing::nested(kind, depth, true));
                        if let Err(e) = fuzzing::frontend(src.as_bytes()) {
                            failures.push(format!("{:?} x{depth} in context {context}: {e}", fuzzing::NESTINGS[kind]));
                        }
                    }
                }
            }
            failures
        })
        .unwrap()
        .join()
        .unwrap();
    assert!(failures.is_empty(), "{failures:#?}");
}
