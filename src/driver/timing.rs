//! `G1C_TIMING=1`: how long each phase of a build took, for finding where the compiler spends its time.
//!
//! In: laps taken by the driver after each phase (load, check, lower, opt, codegen, link). Out: one line
//! per phase on stderr: its wall time, the CPU time of all threads during it, and the process's peak
//! resident set so far (Linux's `VmHWM`). Nothing is printed, and nothing is read, when the variable is unset, so the
//! compiler's output never depends on it.

use std::sync::Mutex;
use std::time::Instant;

/// The end of the last lap and the process's CPU seconds then; `None` when timing is off.
static LAST: Mutex<Option<(Instant, f64)>> = Mutex::new(None);

/// Starts timing (when `G1C_TIMING` is set): the next lap counts from now.
pub(crate) fn start() {
    if std::env::var_os("G1C_TIMING").is_some_and(|v| !v.is_empty()) {
        *LAST.lock().unwrap() = Some((Instant::now(), cpu_secs().unwrap_or(0.0)));
    }
}

/// Ends the phase `name`, begun at the previous lap or at `start`.
pub(crate) fn lap(name: &str) {
    let mut last = LAST.lock().unwrap();
    let Some((then, then_cpu)) = *last else { return };
    let (now, cpu) = (Instant::now(), cpu_secs().unwrap_or(0.0));
    *last = Some((now, cpu));
    let secs = (now - then).as_secs_f64();
    let peak = peak_rss_kib().map(|k| format!("{:8.1} MB peak RSS", k as f64 / 1024.0)).unwrap_or_default();
    eprintln!("g1c timing: {name:<8} {secs:8.3}s wall {:8.2}s cpu {peak}", cpu - then_cpu);
}

/// The CPU time (user + system) of all the process's threads so far, from `/proc/self/stat` (in clock
/// ticks of 1/100 s, Linux's `USER_HZ`).
fn cpu_secs() -> Option<f64> {
    let stat = std::fs::read_to_string("/proc/self/stat").ok()?;
    // The command name (field 2) may hold spaces: count the fields after its closing parenthesis.
    let mut rest = stat[stat.rfind(')')? + 1..].split_whitespace();
    let utime: u64 = rest.nth(11)?.parse().ok()?;
    let stime: u64 = rest.next()?.parse().ok()?;
    Some((utime + stime) as f64 / 100.0)
}

/// The process's peak resident set so far, in KiB.
fn peak_rss_kib() -> Option<u64> {
    let status = std::fs::read_to_string("/proc/self/status").ok()?;
    let line = status.lines().find(|l| l.starts_with("VmHWM:"))?;
    line.split_whitespace().nth(1)?.parse().ok()
}
