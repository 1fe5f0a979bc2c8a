//! How many Ps a program starts with (GOMAXPROCS).
//!
//! In: the `GOMAXPROCS` environment variable, the CPU affinity mask, the cgroup CPU quota. Out:
//! `initial_gomaxprocs()`, at least 1: the environment's positive number if set (as gc's `schedinit`);
//! else the CPUs the process may run on (`runtime.NumCPU`), limited by the cgroup's quota — cgroup v2's
//! `/sys/fs/cgroup/cpu.max` (`max` or `QUOTA PERIOD`), else v1's `cpu.cfs_quota_us` / `cpu.cfs_period_us`
//! (quota -1: none) — rounded up (a quota of 1.5 CPUs gives 2 Ps).

use crate::os::linux;

/// The number of Ps at start.
pub fn initial_gomaxprocs() -> usize {
    if let Some(n) = crate::gc::getenv(b"GOMAXPROCS").and_then(parse_uint) {
        if n > 0 {
            return n as usize;
        }
    }
    let cpus = crate::syscall::g1c_num_cpu();
    match cgroup_cpus() {
        Some(q) => cpus.min(q).max(1),
        None => cpus,
    }
}

/// The cgroup's CPU quota in whole CPUs (rounded up), if it has one.
fn cgroup_cpus() -> Option<usize> {
    let mut buf = [0u8; 128];
    if let Some(s) = read_file(b"/sys/fs/cgroup/cpu.max\0", &mut buf) {
        let mut parts = s.split(|&c| c == b' ' || c == b'\n').filter(|p| !p.is_empty());
        let quota = parts.next()?;
        let period = parts.next().and_then(parse_uint)?;
        return quota_cpus(parse_uint(quota)?, period);
    }
    let mut qbuf = [0u8; 64];
    let quota = read_file(b"/sys/fs/cgroup/cpu/cpu.cfs_quota_us\0", &mut qbuf)?;
    let quota = trim(quota);
    if quota.first() == Some(&b'-') {
        return None;
    }
    let quota = parse_uint(quota)?;
    let period = parse_uint(trim(read_file(b"/sys/fs/cgroup/cpu/cpu.cfs_period_us\0", &mut buf)?))?;
    quota_cpus(quota, period)
}

/// `quota / period` CPUs rounded up, at least 1.
fn quota_cpus(quota: u64, period: u64) -> Option<usize> {
    if period == 0 {
        return None;
    }
    Some(quota.div_ceil(period).max(1) as usize)
}

fn trim(s: &[u8]) -> &[u8] {
    let end = s.iter().position(|c| c.is_ascii_whitespace()).unwrap_or(s.len());
    &s[..end]
}

/// A decimal number made of digits only (`max` and the like are not numbers).
fn parse_uint(s: &[u8]) -> Option<u64> {
    if s.is_empty() || s.len() > 19 {
        return None;
    }
    let mut v = 0u64;
    for &c in s {
        if !c.is_ascii_digit() {
            return None;
        }
        v = v * 10 + (c - b'0') as u64;
    }
    Some(v)
}

/// The start of the file at `path` (NUL-terminated) in `buf`, or None when it cannot be read.
fn read_file<'a>(path: &[u8], buf: &'a mut [u8]) -> Option<&'a [u8]> {
    const SYS_OPENAT: usize = 257;
    const AT_FDCWD: isize = -100;
    const O_RDONLY_CLOEXEC: usize = 0o2000000;
    // SAFETY: `path` is NUL-terminated; `buf` is writable for its length.
    unsafe {
        let fd = linux::syscall6(SYS_OPENAT, AT_FDCWD as usize, path.as_ptr() as usize, O_RDONLY_CLOEXEC, 0, 0, 0);
        if fd < 0 {
            return None;
        }
        let n = linux::syscall6(linux::SYS_READ, fd as usize, buf.as_mut_ptr() as usize, buf.len(), 0, 0, 0);
        linux::close(fd as i32);
        if n <= 0 {
            return None;
        }
        Some(&buf[..n as usize])
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn quotas_round_up_to_whole_cpus() {
        assert_eq!(quota_cpus(150_000, 100_000), Some(2));
        assert_eq!(quota_cpus(100_000, 100_000), Some(1));
        assert_eq!(quota_cpus(1_000, 100_000), Some(1));
        assert_eq!(quota_cpus(5, 0), None);
        assert_eq!(parse_uint(b"max"), None);
        assert_eq!(parse_uint(b"200000"), Some(200_000));
        assert_eq!(trim(b"-1\n"), b"-1");
    }
}
