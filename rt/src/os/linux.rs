//! Linux system calls, made directly with the `syscall` instruction (no libc).
//!
//! In: the numbers and structures of the Linux x86-64 system call ABI (arch/x86/entry/syscalls/syscall_64.tbl,
//! include/uapi/asm-generic/*.h). Out: thin wrappers that return the kernel's raw result (a negative errno on
//! failure), plus the constants the runtime uses. The wrappers do nothing clever: policy lives in the callers.

use core::arch::asm;

pub const SYS_WRITE: usize = 1;
pub const SYS_MMAP: usize = 9;
pub const SYS_MUNMAP: usize = 11;
pub const SYS_MADVISE: usize = 28;
pub const SYS_RT_SIGACTION: usize = 13;
pub const SYS_RT_SIGRETURN: usize = 15;
pub const SYS_SIGALTSTACK: usize = 131;
pub const SYS_EXIT_GROUP: usize = 231;
pub const SYS_RT_SIGPROCMASK: usize = 14;
pub const SYS_GETPID: usize = 39;
pub const SYS_CLONE: usize = 56;
pub const SYS_KILL: usize = 62;
pub const SYS_GETTIMEOFDAY: usize = 96;
pub const SYS_CLOCK_GETTIME: usize = 228;
pub const SYS_EPOLL_WAIT: usize = 232;
pub const SYS_EPOLL_CTL: usize = 233;
pub const SYS_EPOLL_CREATE1: usize = 291;
pub const SYS_NANOSLEEP: usize = 35;
pub const SYS_CLOSE: usize = 3;
pub const SYS_WAIT4: usize = 61;
pub const SYS_WAITID: usize = 247;
pub const SYS_PIDFD_OPEN: usize = 434;
pub const SYS_SCHED_GETAFFINITY: usize = 204;
pub const SYS_READV: usize = 19;
pub const SYS_WRITEV: usize = 20;
pub const SYS_POLL: usize = 7;
pub const SYS_FCNTL: usize = 72;
pub const SYS_MEMBARRIER: usize = 324;
pub const MEMBARRIER_CMD_PRIVATE_EXPEDITED: usize = 8;
pub const MEMBARRIER_CMD_REGISTER_PRIVATE_EXPEDITED: usize = 16;

pub const CLOCK_REALTIME: usize = 0;
pub const CLOCK_MONOTONIC: usize = 1;

pub const SIGHUP: i32 = 1;
pub const SIGINT: i32 = 2;
pub const SIGPIPE: i32 = 13;
pub const SIG_DFL: usize = 0;
pub const SIG_IGN: usize = 1;
pub const SYS_READ: usize = 0;
pub const SYS_EVENTFD2: usize = 290;
pub const EFD_NONBLOCK: usize = 0x800;
pub const EFD_CLOEXEC: usize = 0x80000;
pub const SIG_BLOCK: usize = 0;
pub const SIG_SETMASK: usize = 2;
pub const SA_RESTART: u64 = 0x1000_0000;

/// clone(2) flags that make the child share the parent's memory and suspend the parent until the child
/// execs or exits (include/uapi/linux/sched.h).
pub const CLONE_VM: usize = 0x100;
pub const CLONE_VFORK: usize = 0x4000;

pub const EPOLL_CLOEXEC: usize = 0x80000;
pub const EPOLL_CTL_ADD: usize = 1;
pub const EPOLL_CTL_DEL: usize = 2;
pub const EPOLLIN: u32 = 0x1;
pub const EPOLLOUT: u32 = 0x4;
pub const EPOLLERR: u32 = 0x8;
pub const EPOLLHUP: u32 = 0x10;
pub const EPOLLRDHUP: u32 = 0x2000;
pub const EPOLLET: u32 = 0x8000_0000;

/// `struct epoll_event`: packed on x86-64 (12 bytes), as the kernel declares it there.
#[repr(C, packed)]
#[derive(Clone, Copy)]
pub struct EpollEvent {
    pub events: u32,
    pub data: u64,
}

pub const EINTR: isize = 4;
pub const EAGAIN: isize = 11;

pub const PROT_READ: usize = 0x1;
pub const PROT_WRITE: usize = 0x2;
pub const MAP_PRIVATE: usize = 0x02;
pub const MAP_ANONYMOUS: usize = 0x20;
pub const MAP_NORESERVE: usize = 0x4000;
pub const MADV_DONTNEED: usize = 4;

pub const SIGTRAP: i32 = 5;
pub const SIGBUS: i32 = 7;
pub const SIGFPE: i32 = 8;
pub const SIGSEGV: i32 = 11;

pub const SA_SIGINFO: u64 = 0x4;
pub const SA_ONSTACK: u64 = 0x0800_0000;
pub const SA_RESTORER: u64 = 0x0400_0000;

/// `si_code` values (include/uapi/asm-generic/siginfo.h).
pub const SEGV_MAPERR: i32 = 1;
pub const SEGV_ACCERR: i32 = 2;
pub const FPE_INTDIV: i32 = 1;
pub const FPE_INTOVF: i32 = 2;

/// The kernel's `struct sigaction` for rt_sigaction (not libc's: the mask comes last and is one word).
#[repr(C)]
pub struct SigAction {
    pub handler: usize,
    pub flags: u64,
    pub restorer: usize,
    pub mask: u64,
}

/// `stack_t` for sigaltstack.
#[repr(C)]
pub struct StackT {
    pub sp: usize,
    pub flags: i32,
    pub size: usize,
}

/// The start of `siginfo_t`: the fields every signal has, then `si_addr` for faults.
#[repr(C)]
pub struct SigInfo {
    pub signo: i32,
    pub errno: i32,
    pub code: i32,
    _pad: i32,
    pub addr: usize,
}

/// Offsets into `ucontext_t` (uc_flags, uc_link, uc_stack, then mcontext's gregs[23]) of the registers the
/// signal handler reads. gregs index: REG_RBP = 10, REG_RSP = 15, REG_RIP = 16.
pub const UC_GREGS: usize = 40;
pub const REG_RBP: usize = 10;
pub const REG_RSP: usize = 15;
pub const REG_RIP: usize = 16;

/// # Safety
/// The arguments must be valid for system call `n`.
#[inline(always)]
pub unsafe fn syscall6(n: usize, a1: usize, a2: usize, a3: usize, a4: usize, a5: usize, a6: usize) -> isize {
    let ret: isize;
    asm!("syscall", inlateout("rax") n as isize => ret, in("rdi") a1, in("rsi") a2, in("rdx") a3,
         in("r10") a4, in("r8") a5, in("r9") a6, lateout("rcx") _, lateout("r11") _,
         options(nostack, preserves_flags));
    ret
}

/// A system call for Go's `syscall.RawSyscall6`: the kernel's RAX, and RDX after the call (gc's `r2`).
///
/// # Safety
/// The arguments must be valid for system call `n`.
#[inline(always)]
pub unsafe fn syscall6_r2(n: usize, a: [usize; 6]) -> (isize, usize) {
    let (ret, r2): (isize, usize);
    asm!("syscall", inlateout("rax") n as isize => ret, in("rdi") a[0], in("rsi") a[1], inlateout("rdx") a[2] => r2,
         in("r10") a[3], in("r8") a[4], in("r9") a[5], lateout("rcx") _, lateout("r11") _,
         options(nostack, preserves_flags));
    (ret, r2)
}

/// Sets the calling thread's FS base (`arch_prctl(ARCH_SET_FS, base)`): the runtime's per-thread block.
///
/// # Safety
/// `base` must stay valid for as long as the thread runs code that reads FS.
pub unsafe fn set_fs(base: usize) {
    const SYS_ARCH_PRCTL: usize = 158;
    const ARCH_SET_FS: usize = 0x1002;
    if syscall6(SYS_ARCH_PRCTL, ARCH_SET_FS, base, 0, 0, 0, 0) != 0 {
        exit_group(2);
    }
}

/// Writes all of `b` to `fd`, retrying after short writes and interruptions; gives up on other errors
/// (there is nowhere left to report them).
pub fn write_all(fd: i32, mut b: &[u8]) {
    while !b.is_empty() {
        // SAFETY: `b` is a valid readable buffer of `b.len()` bytes.
        let n = unsafe { syscall6(SYS_WRITE, fd as usize, b.as_ptr() as usize, b.len(), 0, 0, 0) };
        if n == -EINTR || n == -EAGAIN {
            continue;
        }
        if n <= 0 {
            return;
        }
        b = &b[n as usize..];
    }
}

/// Maps `size` bytes of fresh zeroed, readable and writable memory; None when the kernel refuses.
pub fn mmap_anon(size: usize) -> Option<usize> {
    // SAFETY: an anonymous private mapping at an address of the kernel's choosing touches no existing memory.
    let p = unsafe {
        syscall6(SYS_MMAP, 0, size, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS | MAP_NORESERVE, usize::MAX, 0)
    };
    if p < 0 {
        None
    } else {
        Some(p as usize)
    }
}

/// Unmaps `[addr, addr + size)`; the caller no longer uses that memory. Errors are ignored: an unmapped
/// range that stays mapped only costs address space.
pub fn munmap(addr: usize, size: usize) {
    // SAFETY: the caller owns the range and keeps no references into it.
    unsafe { syscall6(SYS_MUNMAP, addr, size, 0, 0, 0, 0) };
}

/// Gives the pages of `[addr, addr + size)` back to the kernel: they stay mapped and read as zero when touched
/// again (a private anonymous mapping). Errors are ignored: the pages then just stay resident.
pub fn madvise_dontneed(addr: usize, size: usize) {
    // SAFETY: the caller owns the range and no longer needs its contents.
    unsafe { syscall6(SYS_MADVISE, addr, size, MADV_DONTNEED, 0, 0, 0) };
}

pub fn exit_group(code: i32) -> ! {
    loop {
        // SAFETY: exit_group has no memory arguments and does not return.
        unsafe { syscall6(SYS_EXIT_GROUP, code as usize, 0, 0, 0, 0, 0) };
    }
}

/// # Safety
/// `act` must describe a valid handler (or SIG_DFL/SIG_IGN) for `sig`.
pub unsafe fn rt_sigaction(sig: i32, act: &SigAction) -> isize {
    syscall6(SYS_RT_SIGACTION, sig as usize, act as *const SigAction as usize, 0, 8, 0, 0)
}

/// # Safety
/// `st` must describe memory that stays mapped and unused by anything else while signals may arrive.
pub unsafe fn sigaltstack(st: &StackT) -> isize {
    syscall6(SYS_SIGALTSTACK, st as *const StackT as usize, 0, 0, 0, 0, 0)
}

/// The clock `clock` (CLOCK_REALTIME, CLOCK_MONOTONIC) as (seconds, nanoseconds). Through the vDSO's
/// `__vdso_clock_gettime` when the kernel maps one (`vdso`), else the system call.
pub fn clock_gettime(clock: usize) -> (i64, i64) {
    let mut ts = [0i64; 2];
    let f = super::vdso::clock_gettime();
    if f != 0 {
        // SAFETY: `f` is the vDSO's clock_gettime (C ABI: clockid, *timespec); it writes `ts`.
        let f: extern "C" fn(usize, *mut i64) -> i32 = unsafe { core::mem::transmute(f) };
        if f(clock, ts.as_mut_ptr()) == 0 {
            return (ts[0], ts[1]);
        }
    }
    // SAFETY: clock_gettime writes a timespec into `ts`.
    unsafe { syscall6(SYS_CLOCK_GETTIME, clock, ts.as_mut_ptr() as usize, 0, 0, 0, 0) };
    (ts[0], ts[1])
}

/// Sleeps for `ns` nanoseconds (or until a signal arrives).
/// sched_yield(2): lets another thread run on this CPU.
pub fn sched_yield() {
    // SAFETY: no arguments.
    unsafe { syscall6(24, 0, 0, 0, 0, 0, 0) };
}

pub fn nanosleep(ns: i64) {
    let ts = [ns / 1_000_000_000, ns % 1_000_000_000];
    // SAFETY: `ts` is a valid timespec; no remainder is asked for.
    unsafe { syscall6(SYS_NANOSLEEP, ts.as_ptr() as usize, 0, 0, 0, 0, 0) };
}

/// epoll_create1(EPOLL_CLOEXEC): a new epoll descriptor or a negative errno.
pub fn epoll_create() -> isize {
    // SAFETY: no memory arguments.
    unsafe { syscall6(SYS_EPOLL_CREATE1, EPOLL_CLOEXEC, 0, 0, 0, 0, 0) }
}

/// epoll_ctl(epfd, op, fd, ev); 0 or a negative errno.
pub fn epoll_ctl(epfd: i32, op: usize, fd: i32, ev: &EpollEvent) -> isize {
    // SAFETY: `ev` is a valid epoll_event.
    unsafe { syscall6(SYS_EPOLL_CTL, epfd as usize, op, fd as usize, ev as *const EpollEvent as usize, 0, 0) }
}

/// epoll_wait(epfd, evs, timeout_ms): how many events were written to `evs`, or a negative errno.
pub fn epoll_wait(epfd: i32, evs: &mut [EpollEvent], timeout_ms: i32) -> isize {
    // SAFETY: `evs` has room for `evs.len()` events.
    unsafe {
        syscall6(
            SYS_EPOLL_WAIT,
            epfd as usize,
            evs.as_mut_ptr() as usize,
            evs.len(),
            timeout_ms as isize as usize,
            0,
            0,
        )
    }
}

/// rt_sigprocmask(how, set) with 64-bit masks; returns the previous mask.
pub fn sigprocmask(how: usize, set: u64) -> u64 {
    let mut old = 0u64;
    // SAFETY: both masks are 8-byte words, the size given.
    unsafe { syscall6(SYS_RT_SIGPROCMASK, how, &set as *const u64 as usize, &mut old as *mut u64 as usize, 8, 0, 0) };
    old
}

/// Sends `sig` to this process.
pub fn raise(sig: i32) {
    // SAFETY: no memory arguments.
    unsafe {
        let pid = syscall6(SYS_GETPID, 0, 0, 0, 0, 0, 0);
        syscall6(SYS_KILL, pid as usize, sig as usize, 0, 0, 0, 0);
    }
}

/// membarrier(cmd, 0, 0): 0 or a negative errno.
pub fn membarrier(cmd: usize) -> isize {
    // SAFETY: no memory arguments.
    unsafe { syscall6(SYS_MEMBARRIER, cmd, 0, 0, 0, 0, 0) }
}

/// pidfd_open(pid, 0): a descriptor that becomes readable when process `pid` exits, or a negative errno.
pub fn pidfd_open(pid: i32) -> isize {
    // SAFETY: no memory arguments.
    unsafe { syscall6(SYS_PIDFD_OPEN, pid as usize, 0, 0, 0, 0, 0) }
}

pub fn close(fd: i32) {
    // SAFETY: no memory arguments; the caller owns `fd`.
    unsafe { syscall6(SYS_CLOSE, fd as usize, 0, 0, 0, 0, 0) };
}

/// A non-blocking, close-on-exec eventfd, or a negative errno.
pub fn eventfd() -> isize {
    // SAFETY: no memory arguments.
    unsafe { syscall6(SYS_EVENTFD2, 0, EFD_NONBLOCK | EFD_CLOEXEC, 0, 0, 0, 0) }
}

/// Adds 1 to the eventfd's counter (safe in a signal handler: one system call on a local).
pub fn eventfd_write(fd: i32) {
    let one = 1u64;
    // SAFETY: writes 8 bytes from a local.
    unsafe { syscall6(SYS_WRITE, fd as usize, &one as *const u64 as usize, 8, 0, 0, 0) };
}

/// Resets the (non-blocking) eventfd's counter to 0.
pub fn eventfd_drain(fd: i32) {
    let mut v = 0u64;
    // SAFETY: reads 8 bytes into a local.
    unsafe { syscall6(SYS_READ, fd as usize, &mut v as *mut u64 as usize, 8, 0, 0, 0) };
}

/// The current disposition of `sig` (a handler address, SIG_DFL or SIG_IGN).
pub fn sig_handler(sig: i32) -> usize {
    let mut old = SigAction { handler: 0, flags: 0, restorer: 0, mask: 0 };
    // SAFETY: a null new action only reads the old one into `old`.
    unsafe { syscall6(SYS_RT_SIGACTION, sig as usize, 0, &mut old as *mut SigAction as usize, 8, 0, 0) };
    old.handler
}

/// sched_getaffinity(0, mask): the bytes of the mask the kernel wrote, or a negative errno.
pub fn sched_getaffinity(mask: &mut [u64]) -> isize {
    // SAFETY: the kernel writes at most `size_of_val(mask)` bytes into `mask`.
    unsafe { syscall6(SYS_SCHED_GETAFFINITY, 0, core::mem::size_of_val(mask), mask.as_mut_ptr() as usize, 0, 0, 0) }
}

/// Whether `fd` can be read (or written, `write`) without blocking now: poll(2) with a zero timeout. An
/// error (a bad descriptor) counts as ready: the real call then reports it.
pub fn fd_ready(fd: i32, write: bool) -> bool {
    const POLLIN: i16 = 0x1;
    const POLLOUT: i16 = 0x4;
    #[repr(C)]
    struct PollFd {
        fd: i32,
        events: i16,
        revents: i16,
    }
    let mut pfd = PollFd { fd, events: if write { POLLOUT } else { POLLIN }, revents: 0 };
    // SAFETY: one pollfd.
    let n = unsafe { syscall6(SYS_POLL, &mut pfd as *mut PollFd as usize, 1, 0, 0, 0, 0) };
    n != 0
}

/// Whether `fd` has O_NONBLOCK set (an error counts as non-blocking: the real call reports it).
pub fn fd_nonblocking(fd: i32) -> bool {
    const F_GETFL: usize = 3;
    const O_NONBLOCK: isize = 0o4000;
    // SAFETY: no memory arguments.
    let fl = unsafe { syscall6(SYS_FCNTL, fd as usize, F_GETFL, 0, 0, 0, 0) };
    fl < 0 || fl & O_NONBLOCK != 0
}
