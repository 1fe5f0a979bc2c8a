//! Packages syscall's and os's runtime half: raw system calls for Go code, the environment and arguments,
//! the fork and exec hooks, exit, page size, SIGPIPE on standard output, os's random numbers.
//!
//! In: ABI0 calls from syscall's and os's body-less functions (`syscall.RawSyscall6`, `syscall.runtime_envs`,
//! `os.runtime_args`, …), through the trampolines in `arch::amd64_os`, which pass the address of the Go
//! argument area (`a`: arguments then results, one word each as gc's ABI0 lays out these signatures).
//! Out: the results written into that area; system calls made through `os::linux`.
//!
//! gc's conventions kept here: a raw system call returns `(r1, r2, errno)` with `r1 = -1`, `r2 = 0` and the
//! positive errno when the kernel returns -4095..-1, else `(RAX, RDX, 0)`. Strings of `runtime_envs` and
//! `runtime_args` point into the initial stack, where the kernel put them (never freed, never moved).
//!
//! Threads: the fork hooks block and restore signals around fork (so no handler runs in the child before it
//! execs), hold the runtime lock across it (so the child's copy of the lock is its own thread's, see
//! `g1c_before_fork`) and reset rt's handlers in the child (the child has only the forking thread, which
//! then only makes raw system calls up to exec); `BeforeExec`/`AfterExec` exclude thread creation during exec in gc,
//! which rt does not need (its threads never change credentials); `doAllThreadsSyscall` (used by
//! syscall.AllThreadsSyscall and Setuid & co.) makes the call on the calling thread only, which is wrong
//! once other threads exist (gc signals every thread): not done yet. Blocking calls made through
//! syscall.Syscall give the thread's P away (sched.rs `entersyscall`), so other goroutines keep running.

use crate::os::linux;
use crate::os::vdso;
use crate::Global;

/// gc's mapping of a raw kernel result: (r1, r2, errno).
fn go_result(r: isize, r2: usize) -> [usize; 3] {
    if (-4095..0).contains(&r) {
        [usize::MAX, 0, (-r) as usize]
    } else {
        [r as usize, r2, 0]
    }
}

/// `syscall.RawSyscall6(trap, a1..a6) (r1, r2, err)` and `runtime_doAllThreadsSyscall` (same frame; the
/// call is made on this thread only, see the module comment). `a`: trap, a1..a6, then r1, r2, err. A call
/// that blocks blocks this thread only: syscall.Syscall brackets it with `entersyscall`/`exitsyscall`,
/// which hand the P to another thread meanwhile (sched.rs).
///
/// # Safety
/// `a` points at the ten-word frame; the arguments must be valid for the system call.
#[no_mangle]
pub unsafe extern "C" fn g1c_raw_syscall6(a: *mut usize) {
    let args = [*a.add(1), *a.add(2), *a.add(3), *a.add(4), *a.add(5), *a.add(6)];
    let (r, r2) = linux::syscall6_r2(*a, args);
    let out = go_result(r, r2);
    for (i, w) in out.iter().enumerate() {
        *a.add(7 + i) = *w;
    }
}

/// `syscall.rawSyscallNoError(trap, a1, a2, a3) (r1, r2)`: for calls that cannot fail (getpid, …).
///
/// # Safety
/// `a` points at the six-word frame.
#[no_mangle]
pub unsafe extern "C" fn g1c_raw_syscall_no_error(a: *mut usize) {
    let (r, r2) = linux::syscall6_r2(*a, [*a.add(1), *a.add(2), *a.add(3), 0, 0, 0]);
    *a.add(4) = r as usize;
    *a.add(5) = r2;
}

/// `syscall.rawVforkSyscall(trap, a1) (r1, err)`, used by forkExec as `clone(SIGCHLD|CLONE_VFORK|CLONE_VM)`.
/// rt makes it a copy-on-write fork (CLONE_VM and CLONE_VFORK cleared): a child sharing the parent's
/// memory would run Go code that may grow its stack by allocating a segment from the parent's heap, which
/// the parent would then find changed. The child gets a copy instead; forkExec learns of exec's success
/// or failure through its close-on-exec pipe either way. The cost is copying page tables, not memory.
///
/// # Safety
/// `a` points at the four-word frame.
#[no_mangle]
pub unsafe extern "C" fn g1c_raw_vfork_syscall(a: *mut usize) {
    let mut a1 = *a.add(1);
    if *a == linux::SYS_CLONE {
        a1 &= !(linux::CLONE_VM | linux::CLONE_VFORK);
    }
    let (r, _) = linux::syscall6_r2(*a, [a1, 0, 0, 0, 0, 0]);
    let [r1, _, err] = go_result(r, 0);
    *a.add(2) = r1;
    *a.add(3) = err;
}

/// `syscall.gettimeofday(tv *Timeval) (err Errno)`: the wall clock as seconds and microseconds.
///
/// # Safety
/// `tv` points at a syscall.Timeval (two int64s).
#[no_mangle]
pub unsafe extern "C" fn g1c_gettimeofday(tv: *mut i64) -> usize {
    let (s, ns) = linux::clock_gettime(linux::CLOCK_REALTIME);
    *tv = s;
    *tv.add(1) = ns / 1000;
    0
}

/// `syscall.Getpagesize()`: the kernel's page size (AT_PAGESZ; the kernel always passes it, and 4 KiB is the
/// only base page size on x86-64).
#[no_mangle]
pub extern "C" fn g1c_getpagesize() -> usize {
    vdso::auxv(vdso::AT_PAGESZ).unwrap_or(4096)
}

/// The length of the C string at `s`. Volatile reads keep LLVM from turning the loop into a call to
/// `strlen`, which the runtime archive does not define (no libc).
///
/// # Safety
/// `s` is a NUL-terminated string.
unsafe fn cstr_len(s: *const u8) -> usize {
    let mut len = 0;
    while s.add(len).read_volatile() != 0 {
        len += 1;
    }
    len
}

/// `runtime.envGOROOT()`: `$GOROOT`, or empty when unset (lib/runtime's `GOROOT` falls back to the root the
/// program was built with).
#[no_mangle]
pub extern "C" fn g1c_goroot() -> crate::Pair {
    let envp = unsafe { (*crate::start::ARGS.get()).envp };
    let mut i = 0;
    // SAFETY: the kernel's environment array of C strings, ending with a null pointer.
    unsafe {
        while !envp.is_null() && !(*envp.add(i)).is_null() {
            let e = *envp.add(i);
            let len = cstr_len(e);
            let kv = core::slice::from_raw_parts(e, len);
            if let Some(v) = kv.strip_prefix(b"GOROOT=") {
                return crate::Pair { a: v.as_ptr() as usize, b: v.len() };
            }
            i += 1;
        }
    }
    crate::Pair { a: 0, b: 0 }
}

/// A `[]string` of the NUL-terminated C strings `p[0..n]`, written to `out` (pointer, length, capacity).
///
/// # Safety
/// `p` holds `n` valid C strings; `out` has room for three words.
unsafe fn string_slice(out: *mut usize, p: *const *const u8, n: usize) {
    // Conservative: pairs of (pointer, length); the pointers are into the initial stack, not the heap.
    let arr = if n == 0 { core::ptr::null_mut() } else { crate::mem::alloc(n * 16) as *mut usize };
    for i in 0..n {
        let s = *p.add(i);
        let len = cstr_len(s);
        *arr.add(2 * i) = s as usize;
        *arr.add(2 * i + 1) = len;
    }
    *out = arr as usize;
    *out.add(1) = n;
    *out.add(2) = n;
}

/// `syscall.runtime_envs() []string`: the environment the process started with (syscall copies it).
///
/// # Safety
/// `out` has room for three words.
#[no_mangle]
pub unsafe extern "C" fn g1c_runtime_envs(out: *mut usize) {
    let envp = (*crate::start::ARGS.get()).envp;
    let mut n = 0;
    while !envp.is_null() && !(*envp.add(n)).is_null() {
        n += 1;
    }
    string_slice(out, envp, n);
}

/// `os.runtime_args() []string`: the command-line arguments (os.Args).
///
/// # Safety
/// `out` has room for three words.
#[no_mangle]
pub unsafe extern "C" fn g1c_runtime_args(out: *mut usize) {
    let a = &*crate::start::ARGS.get();
    string_slice(out, a.argv, a.argc);
}

/// The signal mask saved by `runtime_BeforeFork`.
static FORK_SIGMASK: Global<u64> = Global::new(0);

/// `syscall.runtime_BeforeFork`: blocks every signal until the child has reset its handlers (gc's
/// `syscall_runtime_BeforeFork`), and takes the runtime lock until `AfterFork` (parent) or
/// `AfterForkInChild` (child), pinning the goroutine to its thread meanwhile (no time-slice yield).
///
/// The lock is what keeps the child alive: it has only the forking thread, and the Go code it runs up to
/// exec, unlike gc's (nosplit), may grow its stack (`morestack` takes the lock to allocate a segment) or
/// stop at a poisoned guard (`preempt_point` takes it too). Had another thread held the lock at the
/// fork, the child's copy of it would stay taken forever and the child would never exec (os/exec's
/// parent then waits on the status pipe forever). Held by the forking thread instead, the child's copy is
/// its own, and taking it again only counts one more level.
#[no_mangle]
pub extern "C" fn g1c_before_fork() {
    // SAFETY: single-threaded runtime (see `Global`).
    unsafe { *FORK_SIGMASK.get() = linux::sigprocmask(linux::SIG_BLOCK, !0) };
    crate::lock::acquire();
    crate::sched::m().pinned.fetch_add(1, core::sync::atomic::Ordering::SeqCst);
}

/// `syscall.runtime_AfterFork`: in the parent, lets the lock go and restores the signal mask.
#[no_mangle]
pub extern "C" fn g1c_after_fork() {
    crate::sched::m().pinned.fetch_sub(1, core::sync::atomic::Ordering::SeqCst);
    crate::lock::release();
    // SAFETY: as above.
    unsafe { linux::sigprocmask(linux::SIG_SETMASK, *FORK_SIGMASK.get()) };
}

/// `syscall.runtime_AfterForkInChild`: in the child, rt's signal handlers go back to the default (they
/// make sense only in the parent's runtime; exec would reset them too, but the child may fail before exec),
/// then the mask is restored. The child keeps the lock and the pin up to exec or exit: it must never
/// schedule (a stale poisoned guard or yield request would otherwise switch it to the parent's goroutines,
/// copied but not its own).
#[no_mangle]
pub extern "C" fn g1c_after_fork_in_child() {
    crate::signal::reset_handlers();
    // SAFETY: as above.
    unsafe { linux::sigprocmask(linux::SIG_SETMASK, *FORK_SIGMASK.get()) };
}

/// `os.sigpipe()`: a write to standard output or error failed with EPIPE. As gc's `sigpipe`: nothing when
/// SIGPIPE is ignored (os/signal.Ignore) or wanted by os/signal.Notify (it is delivered to the channels
/// then); otherwise the program dies of SIGPIPE (default action), and exits 2 if that somehow does not
/// kill it.
#[no_mangle]
pub extern "C" fn g1c_sigpipe() {
    if crate::sigqueue::g1c_signal_ignored(linux::SIGPIPE as u32) || crate::sigqueue::send_if_wanted(linux::SIGPIPE) {
        return;
    }
    let act = linux::SigAction { handler: linux::SIG_DFL, flags: 0, restorer: 0, mask: 0 };
    // SAFETY: SIG_DFL is a valid disposition.
    unsafe { linux::rt_sigaction(linux::SIGPIPE, &act) };
    linux::sigprocmask(linux::SIG_SETMASK, 0);
    linux::raise(linux::SIGPIPE);
    linux::exit_group(2)
}

/// `syscall.cgocaller(fn, args...)`: calls the C function `fn` with gc's argument block `{args, retval}`
/// (runtime.argset) and returns `retval`. syscall calls it only when cgo's libc wrappers are linked
/// (`cgo_libc_setegid != nil`), which never happens in a g1c program (no cgo); the call runs on the
/// goroutine's stack, so it must stay within the segment's headroom.
///
/// # Safety
/// `f` is a C function taking a pointer to `[args, retval]`.
#[no_mangle]
pub unsafe extern "C" fn g1c_cgocaller(f: usize, args: *const usize) -> usize {
    let mut block = [args as usize, 0];
    let func: extern "C" fn(*mut usize) = core::mem::transmute(f);
    func(block.as_mut_ptr());
    block[1]
}

/// os.fastrand's generator state (wyrand), seeded from the kernel's AT_RANDOM bytes on first use.
static RAND: Global<(bool, u64)> = Global::new((false, 0));

/// `os.fastrand()`: a pseudo-random uint32 (os uses it for temporary file names).
#[no_mangle]
pub extern "C" fn g1c_fastrand() -> u32 {
    let _l = crate::lock::rt();
    // SAFETY: single-threaded runtime (see `Global`).
    let st = unsafe { &mut *RAND.get() };
    if !st.0 {
        st.0 = true;
        // AT_RANDOM (25): 16 random bytes the kernel put on the initial stack.
        // SAFETY: the kernel's pointer to 16 readable bytes.
        st.1 = vdso::auxv(25).map_or(0x243f_6a88_85a3_08d3, |p| unsafe { (p as *const u64).read_unaligned() });
    }
    st.1 = st.1.wrapping_add(0xa076_1d64_78bd_642f);
    let m = (st.1 as u128).wrapping_mul((st.1 ^ 0xe703_7ed1_a0b4_28db) as u128);
    ((m >> 64) as u64 ^ m as u64) as u32
}

/// `runtime.NumCPU()`: the CPUs this process may run on (its affinity mask, as gc's `getproccount` reads it
/// at start), at least 1.
#[no_mangle]
pub extern "C" fn g1c_num_cpu() -> usize {
    let mut mask = [0u64; 16];
    let n = linux::sched_getaffinity(&mut mask);
    if n <= 0 {
        return 1;
    }
    let words = (n as usize).div_ceil(8).min(mask.len());
    mask[..words].iter().map(|w| w.count_ones() as usize).sum::<usize>().max(1)
}
