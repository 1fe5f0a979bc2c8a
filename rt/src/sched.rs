//! The scheduler: goroutines (`G`) on OS threads (`M`) that hold processors (`P`): M:N scheduling as in
//! gc's runtime/proc.go, simplified.
//!
//! In: `g1c_newproc` from compiled `go` statements, `park`/`ready` from channels, select, semaphores,
//! timers and the poller, `g1c_gosched`, `entersyscall`/`exitsyscall` around blocking system calls, the
//! preemption checks of compiled code (prologue and loop headers, codegen/amd64/stack.rs), `runtime.GOMAXPROCS`,
//! `runtime.LockOSThread`. Out: goroutines run in parallel on up to GOMAXPROCS threads; when the main
//! goroutine returns from `main.main` the program exits 0; when nothing can ever run again, gc's
//! `fatal error: all goroutines are asleep - deadlock!` with every goroutine's traceback, exit 2.
//!
//! Structure. `M`: a thread, found through its FS base (`m()`); its system stack (`g0`) runs the scheduler
//! loop [`schedule`] and Rust code that needs a deep stack. `P`: the right to run Go code; GOMAXPROCS of them
//! (default: the CPUs, limited by the cgroup quota, `procs.rs`). `Sched`: the global run queue, the idle Ps
//! and Ms, the list of all goroutines. All of it is under the runtime lock (lock.rs); Go code runs without
//! it.
//!
//! Run queues (gc's runqput/runqget/findrunnable). Each P has a local queue, a ring of 256, and a
//! `runnext` slot; a goroutine made runnable goes to the end of its thread's P's ring (to the global
//! queue when the ring is full, the thread has no P, or the global queue is not empty, which keeps one P's
//! order first in, first out). `ready` with more than one P puts the readied goroutine in `runnext`
//! instead: it runs as soon as its waker stops, on the same P, inheriting the time slice. A P looks at
//! `runnext`, its ring, the global queue (taking a share of it), then steals half of another P's ring (or
//! its `runnext`). The queues are under the runtime lock like every goroutine switch, so a steal needs no
//! atomics; the lock-free rings of gc become worth it once switches no longer take the lock.
//!
//! Switching: `g1c_swap` (below) saves the callee-saved registers on the current stack, stores RSP, loads
//! another RSP and pops. Every switch goes through the thread's `g0` and happens with the runtime lock held:
//! a goroutine that parks swaps to `g0`, whose loop picks the next runnable goroutine (maybe one another
//! thread parked) and swaps to it; the lock's per-M depth is restored by whoever resumes (`switch_to_g0`,
//! `execute`), and a new goroutine drops it before its function runs (`g1c_gostart`). A goroutine's stack
//! is freed from `g0` after it exits (never while running on it).
//!
//! Threads. A thread without work gives its P back and parks on a futex (`stopm`); `ready` wakes one when
//! a P is idle (`wakep`, at most one "spinning" thread at a time). One thread at a time sleeps for the next
//! timer or I/O event holding its P (`findwork`); others wake it when they queue work and no P is idle
//! (`break_poller`). `entersyscall` gives the P away at once (to a thread that runs the queue or watches the
//! timers, else to the idle list); `exitsyscall` takes an idle P or queues the goroutine and parks the
//! thread. Threads are never destroyed.
//!
//! Preemption and stop-the-world. A thread's stack guard (`M::stackguard`, `fs:[0x70]`) set to
//! `STACK_PREEMPT` makes the next prologue check or loop-header check fail, which leads to `preempt_point`.
//! `sysmon`, a thread without a P started with the first `go` statement, poisons the guard of a thread that
//! has run one goroutine for 10 ms and sets `M::preempt`: it yields. The collector (holding the lock) poisons
//! every thread running Go code (`M::running_go`) until each has stopped at a safe point: waiting for the
//! lock in any rt entry (registers spilled, `M::safe_sp`), in a system call, or parked; it then scans every
//! goroutine's stack from its saved or safe stack pointer and every thread's system stack (`walk_stacks`).

use crate::defer::{Defer, Panic};
use crate::stack::{self, Seg};
use crate::Global;
use core::arch::global_asm;
use core::sync::atomic::{fence, AtomicBool, AtomicU32, AtomicU64, AtomicU8, AtomicUsize, Ordering};

// g1c_swap(save: *mut usize, sp: usize): saves the C ABI's callee-saved registers on the current stack,
// stores RSP in *save, switches to `sp` and pops the registers saved there by an earlier g1c_swap (or
// written by `prepare_start`), then returns on that stack.
global_asm!(
    ".globl g1c_swap",
    ".type g1c_swap,@function",
    "g1c_swap:",
    "    push rbp",
    "    push rbx",
    "    push r12",
    "    push r13",
    "    push r14",
    "    push r15",
    "    mov [rdi], rsp",
    "    mov rsp, rsi",
    "    pop r15",
    "    pop r14",
    "    pop r13",
    "    pop r12",
    "    pop rbx",
    "    pop rbp",
    "    ret",
    ".size g1c_swap, . - g1c_swap",
);

// g1c_gostart: where a new goroutine starts (RSP at its arguments, 16-byte aligned, RBP = 0 ending the
// frame chain, R12 = the func value): calls the function through its closure, then g1c_goexit. The
// function's return address, g1c_gostart_ret, is where Callers reports gc's runtime.goexit frame
// (gohooks::base_frame).
global_asm!(
    ".globl g1c_gostart",
    ".type g1c_gostart,@function",
    "g1c_gostart:",
    "    call g1c_gostart_unlock",
    "    mov rdx, r12",
    "    call [rdx]",
    ".globl g1c_gostart_ret",
    "g1c_gostart_ret:",
    "    call g1c_goexit",
    "    ud2",
    ".size g1c_gostart, . - g1c_gostart",
);

// g1c_main_entry: the main goroutine's function: package initialization, main.main, exit status 0.
// main.main's return address, g1c_main_ret, is where Callers reports gc's runtime.main frame.
#[cfg(not(test))]
global_asm!(
    ".globl g1c_main_entry",
    ".type g1c_main_entry,@function",
    "g1c_main_entry:",
    "    push rbp",
    "    mov rbp, rsp",
    "    lea rdi, [rip + main..inittask]",
    "    call g1c_doinit",
    "    call main.main",
    ".globl g1c_main_ret",
    "g1c_main_ret:",
    "    xor edi, edi",
    "    call g1c_exit",
    "    ud2",
    ".size g1c_main_entry, . - g1c_main_entry",
);

extern "C" {
    fn g1c_swap(save: *mut usize, sp: usize);
    fn g1c_gostart();
    #[cfg(not(test))]
    fn g1c_main_entry();
}

/// A goroutine's state (gc's `_Grunnable`, `_Grunning`, `_Gwaiting`, `_Gdead`).
#[derive(Clone, Copy, PartialEq, Eq, Debug)]
pub enum Status {
    Runnable,
    Running,
    Waiting,
    Dead,
}

/// A fault being turned into a panic (gc's `g.sig`, `sigcode0`, `sigcode1`, `sigpc`).
#[derive(Clone, Copy, Default)]
pub struct SigInfo {
    pub sig: i32,
    pub code: i32,
    pub addr: u64,
    pub pc: u64,
}

/// A goroutine.
#[repr(C)]
pub struct G {
    /// RSP saved by `g1c_swap` while the goroutine is not running.
    pub sp: usize,
    /// The stack segment the goroutine runs on now (the newest of its chain).
    pub seg: *mut Seg,
    /// gc's goroutine id: 1 for the main goroutine, then 17, 18, … (as gc 1.19 numbers user goroutines).
    pub id: u64,
    pub status: Status,
    /// Why a waiting goroutine waits (`chan receive`, `select`, …), as tracebacks print it.
    pub wait_reason: &'static [u8],
    /// The defer chain, newest first (defer.rs).
    pub defer: *mut Defer,
    /// The panics in progress, newest first (defer.rs).
    pub panic: *mut Panic,
    /// Next goroutine in the run queue.
    pub schedlink: *mut G,
    /// Next goroutine in the list of all goroutines (creation order, for tracebacks).
    pub alllink: *mut G,
    /// The return address of the `go` statement's runtime call (`created by` in tracebacks); 0 for main.
    pub gopc: u64,
    /// The fault being turned into a panic, if any.
    pub sig: SigInfo,
    /// Set by whoever wakes a goroutine parked on a channel operation: the operation's outcome.
    pub param: usize,
    /// Bytes of stack segments in use (the 1 GB limit).
    pub stack_bytes: usize,
    /// gc's `lockedm != 0`: the main goroutine while packages initialize (gc's `runtime.main` locks it to
    /// the main thread then); tracebacks of a waiting goroutine say `locked to thread`.
    pub locked: bool,
    /// A runtime goroutine (the finalizer goroutine): left out of deadlock reports, as gc leaves out its
    /// system goroutines.
    pub system: bool,
    /// runtime/pprof's labels (gc's `g.labels`): a pointer into the Go heap, set by `setProfLabel` and
    /// given to the goroutines this one starts. G records are scanned conservatively, which keeps it alive.
    pub labels: usize,
    /// The thread running the goroutine while it runs (its safe point is where the collector scans from).
    pub m: *mut M,
    /// The thread the goroutine is locked to (runtime.LockOSThread), if any, and the LockOSThread calls
    /// not yet undone.
    pub lockedm: *mut M,
    pub locked_ext: u32,
}

/// A thread (gc's `m`). The thread's FS base points at its `M` (`arch_prctl(ARCH_SET_FS)`), so compiled
/// code and rt's assembly reach the fields below at fixed offsets: `fs:[0]` is the block's own address (how
/// Rust finds its `M`), `fs:[0x70]` the stack guard the prologue compares RSP with (the offset glibc keeps
/// for split stacks, codegen/amd64/stack.rs). Fields are this thread's own unless marked "(lock)": those
/// are read or written by other threads under the runtime lock, or atomically.
#[repr(C)]
pub struct M {
    pub this: *mut M,
    /// RSP of the scheduler loop on the system stack, saved while a goroutine runs.
    pub g0_sp: usize,
    /// The goroutine the thread runs (null on the scheduler loop). (lock)
    pub curg: *mut G,
    /// Levels of the runtime lock the thread holds (lock.rs).
    pub locks: usize,
    /// The stack pointer at the thread's last safe point (lock.rs, `entersyscall`, idle waits): where the
    /// collector starts scanning the stack the thread was on. (lock)
    pub safe_sp: usize,
    /// The P the thread holds (null: none). (lock)
    pub p: *mut P,
    /// The P handed to a parked thread by the one that wakes it. (lock)
    pub nextp: *mut P,
    /// Next M in the list of all Ms; next idle M.
    pub alllink: *mut M,
    pub schedlink: *mut M,
    pub id: u64,
    /// The system stack's highest address (the collector scans up to it).
    pub g0_hi: usize,
    /// The goroutine locked to this thread (runtime.LockOSThread), if any. (lock)
    pub lockedg: *mut G,
    /// A flag word: futex the parked thread sleeps on (`stopm`).
    pub note: AtomicU32,
    /// Running Go code, not at a safe point: the collector waits for it to stop. Set and cleared under the
    /// lock when a goroutine starts or stops running, cleared while waiting for the lock or in a system call.
    pub running_go: AtomicBool,
    /// Between `entersyscall` and `exitsyscall` (gc's `_Gsyscall`).
    pub in_syscall: bool,
    /// Looking for work after a wake-up (gc's spinning M). (lock)
    pub spinning: bool,
    /// `sync.runtime_procPin` depth: no time-slice preemption while > 0. Atomic: `runtime.GOMAXPROCS` on
    /// another thread waits for pinned threads holding Ps beyond its new setting.
    pub pinned: AtomicU8,
    /// The thread's time slice is over: yield at the next check (sysmon; atomic).
    pub preempt: AtomicBool,
    /// The Go prologue's limit: Go code keeps RSP above it. 0 on the system stack (no check fails);
    /// `STACK_PREEMPT` asks the running goroutine to stop at its next check (`preempt_point`).
    pub stackguard: AtomicUsize,
    /// Goroutine switches on this thread (sysmon compares it to see a goroutine that keeps running).
    pub schedtick: AtomicU64,
    /// The system stack's mapping (0 for the main thread, whose stack the kernel made).
    pub g0_map: usize,
    /// While `in_syscall`: the Go function that made the system call (gc's `syscallpc`, a return address
    /// in it, and its frame pointer), where the goroutine's frames begin for a traceback taken meanwhile.
    pub syscall_pc: u64,
    pub syscall_fp: usize,
}

/// `M::stackguard`'s offset, which the compiler's prologue hard-codes (codegen/amd64/stack.rs `GUARD_OFFSET`).
pub const M_STACKGUARD: usize = 0x70;
const _: () = assert!(core::mem::offset_of!(M, stackguard) == M_STACKGUARD);

/// The poisoned guard (gc's stackPreempt): greater than any stack pointer, so every prologue and back-edge
/// check fails and the goroutine enters `preempt_point`.
pub const STACK_PREEMPT: usize = 0xFFFF_FFFF_FFFF_FADE;

/// A processor (gc's `p`): the right to run Go code. GOMAXPROCS of them exist; an M runs goroutines only
/// while it holds one. Each has a local run queue (see "Run queues" above).
pub struct P {
    pub id: usize,
    /// Next idle P. (lock)
    pub link: *mut P,
    /// The local run queue: a ring of `RUNQ_LEN` goroutines (mapped when the P first comes into use);
    /// `runq_head` is the next to run, `runq_tail` where the next one goes, both counting up and wrapping,
    /// so `runq_tail - runq_head` goroutines wait. (lock)
    runq: *mut *mut G,
    runq_head: u32,
    runq_tail: u32,
    /// The goroutine readied last on this P, which runs before the queue (gc's runnext; only with more
    /// than one P, see `ready`). (lock)
    runnext: *mut G,
    /// The P's allocation cache (mem.rs), made at its first allocation; used only by the thread holding
    /// the P, or with the world stopped.
    pub mcache: *mut crate::mem::Cache,
    /// The goroutine ids this P hands out next, `goidcache..goidcacheend` (gc's batches: see `next_goid`).
    /// (lock)
    goidcache: u64,
    goidcacheend: u64,
}

/// The most Ps `runtime.GOMAXPROCS` may set (gc's `_MaxGomaxprocs` is larger; one 256-entry table keeps
/// the Ps static).
pub const MAX_PROCS: usize = 256;

/// The scheduler's shared state (gc's `schedt` and `allgs`), all under the runtime lock.
pub struct Sched {
    /// The global run queue (linked through `G::schedlink`) and its length.
    pub runq_head: *mut G,
    pub runq_tail: *mut G,
    pub runq_size: usize,
    /// State of the pseudo-random order in which an idle P looks at the others' queues.
    pub steal_rand: u64,
    pub allg_head: *mut G,
    pub allg_tail: *mut G,
    /// Goroutines not dead.
    pub live: usize,
    /// The last goroutine id given to a P's batch (gc's `sched.goidgen`).
    pub goidgen: u64,
    /// Dead goroutines whose G can be reused (gc's gFree).
    pub free: *mut G,
    pub allm: *mut M,
    pub next_mid: u64,
    /// Parked Ms and idle Ps.
    pub idle_m: *mut M,
    pub idle_p: *mut P,
    pub npidle: usize,
    pub gomaxprocs: usize,
    /// Ms woken to look for work that have not found any yet (gc's nmspinning).
    pub nmspinning: usize,
    /// An M is asleep waiting for the next timer or I/O event (with its P), `break_poller` wakes it, and
    /// the time it wakes at by itself (`i64::MAX`: only for I/O).
    pub polling: bool,
    pub poll_until: i64,
    /// Switches since the last look at the poller (gc's sysmon polls every 10 ms).
    pub poll_tick: u32,
    /// The monitor thread (sysmon) runs.
    pub sysmon: bool,
}

static M0: Global<M> = Global::new(M {
    this: core::ptr::null_mut(),
    g0_sp: 0,
    curg: core::ptr::null_mut(),
    locks: 0,
    safe_sp: 0,
    p: core::ptr::null_mut(),
    nextp: core::ptr::null_mut(),
    alllink: core::ptr::null_mut(),
    schedlink: core::ptr::null_mut(),
    id: 0,
    g0_hi: 0,
    lockedg: core::ptr::null_mut(),
    note: AtomicU32::new(0),
    running_go: AtomicBool::new(false),
    in_syscall: false,
    spinning: false,
    pinned: AtomicU8::new(0),
    preempt: AtomicBool::new(false),
    stackguard: AtomicUsize::new(0),
    schedtick: AtomicU64::new(0),
    g0_map: 0,
    syscall_pc: 0,
    syscall_fp: 0,
});

static SCHED: Global<Sched> = Global::new(Sched {
    runq_head: core::ptr::null_mut(),
    runq_tail: core::ptr::null_mut(),
    runq_size: 0,
    steal_rand: 0x9E37_79B9_7F4A_7C15,
    allg_head: core::ptr::null_mut(),
    allg_tail: core::ptr::null_mut(),
    live: 0,
    goidgen: 0,
    free: core::ptr::null_mut(),
    allm: core::ptr::null_mut(),
    next_mid: 1,
    idle_m: core::ptr::null_mut(),
    idle_p: core::ptr::null_mut(),
    npidle: 0,
    gomaxprocs: 1,
    nmspinning: 0,
    polling: false,
    poll_until: 0,
    poll_tick: 0,
    sysmon: false,
});

/// Every P that may exist; the first `gomaxprocs` are in use.
static ALLP: Global<[P; MAX_PROCS]> = Global::new(
    [const {
        P {
            id: 0,
            link: core::ptr::null_mut(),
            mcache: core::ptr::null_mut(),
            runq: core::ptr::null_mut(),
            runq_head: 0,
            runq_tail: 0,
            runnext: core::ptr::null_mut(),
            goidcache: 0,
            goidcacheend: 0,
        }
    }; MAX_PROCS],
);

/// Makes `M0` the current thread's block (FS base) before anything reads `m()`.
#[cfg(not(test))]
pub fn init_m0() {
    let m0 = M0.get();
    // SAFETY: start-up, one thread; M0 lives forever.
    unsafe {
        (*m0).this = m0;
        (*SCHED.get()).allm = m0;
        crate::os::linux::set_fs(m0 as usize);
    }
}

/// The current thread's `M`: `fs:[0]` holds its address (see `M`).
#[cfg(not(test))]
#[inline(always)]
pub fn m() -> &'static mut M {
    let m: *mut M;
    // SAFETY: FS points at this thread's M from start-up on (`init_m0`, `newm`).
    unsafe {
        core::arch::asm!("mov {}, qword ptr fs:[0]", out(reg) m, options(nostack, readonly, preserves_flags));
        &mut *m
    }
}

/// Host unit tests run under glibc, which owns FS: one M for them.
#[cfg(test)]
pub fn m() -> &'static mut M {
    // SAFETY: tests take `crate::test_lock`.
    unsafe { &mut *M0.get() }
}

/// The scheduler's shared state; callers hold the runtime lock.
pub fn sched() -> &'static mut Sched {
    // SAFETY: under the runtime lock (lock.rs); callers never hold two references across a switch.
    unsafe { &mut *SCHED.get() }
}

/// The running goroutine (null on the scheduler loop).
pub fn curg() -> *mut G {
    m().curg
}

/// Reads RSP (an address below every frame of the caller's).
#[inline(always)]
fn current_sp() -> usize {
    let sp: usize;
    // SAFETY: reads a register.
    unsafe { core::arch::asm!("mov {}, rsp", out(reg) sp, options(nomem, nostack, preserves_flags)) };
    sp
}

/// Makes `g` runnable and, when a P is idle, wakes a thread to run it. With more than one P, a goroutine
/// readied by a running goroutine (a channel operation, a semaphore, a `go` statement) goes to this P's
/// `runnext` slot (gc's `ready`: it runs next, on the same P, and the one it displaces goes to the
/// queue). Otherwise it goes to the end of the queue: with one P, so that a program's single-P schedule
/// stays first in, first out; from the scheduler loop (timers, the poller), so that goroutines woken
/// together run in the order of their deadlines and events.
pub fn ready(g: *mut G) {
    let _l = crate::lock::rt();
    let m = m();
    let p = m.p;
    if sched().gomaxprocs > 1 && !p.is_null() && !excess_p(p) && !m.curg.is_null() {
        // SAFETY: the thread holds `p`; queues are under the lock.
        unsafe {
            (*g).status = Status::Runnable;
            (*g).schedlink = core::ptr::null_mut();
            let old = (*p).runnext;
            (*p).runnext = g;
            if !old.is_null() {
                runq_put(old);
            }
        }
    } else {
        runq_put(g);
    }
    wakep();
}

/// Goroutines a P's local run queue holds (gc's 256).
const RUNQ_LEN: u32 = 256;

/// Queues `g` at the end of this thread's P's local queue; on the global queue when the thread has no P
/// in use, when its queue is full, or when the global queue holds goroutines already (they were queued
/// earlier: the order of a single P stays first in, first out). Under the lock.
fn runq_put(g: *mut G) {
    let s = sched();
    let p = m().p;
    // SAFETY: `g` is a live goroutine; `p` is this thread's P; queues are under the lock.
    unsafe {
        (*g).status = Status::Runnable;
        (*g).schedlink = core::ptr::null_mut();
        if p.is_null() || excess_p(p) || s.runq_size > 0 || local_len(p) == RUNQ_LEN {
            globrunq_put(g);
            return;
        }
        *(*p).runq.add(((*p).runq_tail % RUNQ_LEN) as usize) = g;
        (*p).runq_tail = (*p).runq_tail.wrapping_add(1);
    }
}

/// Goroutines waiting in `p`'s local queue (without `runnext`).
fn local_len(p: *mut P) -> u32 {
    // SAFETY: `p` is an ALLP entry; under the lock.
    unsafe { (*p).runq_tail.wrapping_sub((*p).runq_head) }
}

/// The goroutine at the head of `p`'s local queue, taken off it (null when empty).
fn local_pop(p: *mut P) -> *mut G {
    if local_len(p) == 0 {
        return core::ptr::null_mut();
    }
    // SAFETY: the slot at `runq_head` holds a queued goroutine; under the lock.
    unsafe {
        let g = *(*p).runq.add(((*p).runq_head % RUNQ_LEN) as usize);
        (*p).runq_head = (*p).runq_head.wrapping_add(1);
        g
    }
}

fn local_push(p: *mut P, g: *mut G) {
    // SAFETY: the caller checked there is room; under the lock.
    unsafe {
        *(*p).runq.add(((*p).runq_tail % RUNQ_LEN) as usize) = g;
        (*p).runq_tail = (*p).runq_tail.wrapping_add(1);
    }
}

fn globrunq_put(g: *mut G) {
    let s = sched();
    // SAFETY: `g` is live and on no queue; under the lock.
    unsafe {
        if s.runq_tail.is_null() {
            s.runq_head = g;
        } else {
            (*s.runq_tail).schedlink = g;
        }
    }
    s.runq_tail = g;
    s.runq_size += 1;
}

fn globrunq_get() -> *mut G {
    let s = sched();
    let g = s.runq_head;
    if !g.is_null() {
        // SAFETY: queued goroutines are live.
        unsafe {
            s.runq_head = (*g).schedlink;
            if s.runq_head.is_null() {
                s.runq_tail = core::ptr::null_mut();
            }
            (*g).schedlink = core::ptr::null_mut();
        }
        s.runq_size -= 1;
    }
    g
}

/// Moves everything queued on `p` (its `runnext` first, then its local queue in order) to the end of the
/// global queue: `p` goes out of use (GOMAXPROCS lowered).
fn drain_to_global(p: *mut P) {
    // SAFETY: `p` is an ALLP entry; under the lock.
    unsafe {
        if (*p).runq.is_null() {
            return;
        }
        let next = core::mem::replace(&mut (*p).runnext, core::ptr::null_mut());
        if !next.is_null() {
            globrunq_put(next);
        }
    }
    loop {
        let g = local_pop(p);
        if g.is_null() {
            break;
        }
        globrunq_put(g);
    }
}

/// The next goroutine for `p` to run (gc's `runqget`, `globrunqget` and `stealWork`) and whether it came
/// from `runnext` (it then inherits the time slice: sysmon sees no new schedule). In order: `runnext`, the
/// local queue, the global queue (taking a share of it into the local queue), then half of another P's
/// queue, the Ps in a pseudo-random order. Null when there is nothing to run anywhere.
fn runq_get(p: *mut P) -> (*mut G, bool) {
    // SAFETY: `p` is this thread's P; queues are under the lock.
    unsafe {
        let next = core::mem::replace(&mut (*p).runnext, core::ptr::null_mut());
        if !next.is_null() {
            return (next, true);
        }
    }
    let g = local_pop(p);
    if !g.is_null() {
        return (g, false);
    }
    let s = sched();
    if s.runq_size > 0 {
        let g = globrunq_get();
        // The local queue is empty: take this P's share of the rest, oldest first.
        let share = (s.runq_size / s.gomaxprocs + 1).min(s.runq_size).min(RUNQ_LEN as usize / 2);
        for _ in 0..share {
            local_push(p, globrunq_get());
        }
        return (g, false);
    }
    (steal(p), false)
}

/// Takes half (rounded up) of the first other P's local queue that has goroutines, or its `runnext` when
/// its queue is empty, into `p`'s queue, and returns the first of them.
fn steal(p: *mut P) -> *mut G {
    let s = sched();
    let n = s.gomaxprocs;
    if n < 2 {
        return core::ptr::null_mut();
    }
    // xorshift64: only the order of the victims depends on it, never a program's output.
    s.steal_rand ^= s.steal_rand << 13;
    s.steal_rand ^= s.steal_rand >> 7;
    s.steal_rand ^= s.steal_rand << 17;
    let start = (s.steal_rand % n as u64) as usize;
    let allp = ALLP.get() as *mut P;
    for pass in 0..2 {
        for k in 0..n {
            // SAFETY: the first `gomaxprocs` entries of ALLP are in use; under the lock.
            unsafe {
                let v = allp.add((start + k) % n);
                if v == p || (*v).runq.is_null() {
                    continue;
                }
                if pass == 0 {
                    let len = local_len(v);
                    if len == 0 {
                        continue;
                    }
                    let g = local_pop(v);
                    for _ in 1..len.div_ceil(2) {
                        local_push(p, local_pop(v));
                    }
                    return g;
                }
                let next = core::mem::replace(&mut (*v).runnext, core::ptr::null_mut());
                if !next.is_null() {
                    return next;
                }
            }
        }
    }
    core::ptr::null_mut()
}

/// Whether goroutines wait in any run queue (global, local or `runnext`).
pub fn runq_nonempty() -> bool {
    let s = sched();
    if s.runq_size > 0 {
        return true;
    }
    let allp = ALLP.get() as *mut P;
    // SAFETY: ALLP entries are static; under the lock.
    (0..s.gomaxprocs).any(|i| unsafe {
        let p = allp.add(i);
        local_len(p) > 0 || !(*p).runnext.is_null()
    })
}

/// Switches from the running goroutine to its thread's scheduler loop, with the runtime lock held; returns
/// when a thread (maybe another one) runs the goroutine again, with that thread's lock held at the depth
/// this goroutine had.
fn switch_to_g0() {
    let g = curg();
    let m = m();
    if m.locks == 0 {
        crate::panic::throw(b"goroutine switch without the runtime lock");
    }
    let depth = m.locks;
    // SAFETY: `g` is running on its own stack; g0's RSP was saved when it switched to `g`.
    unsafe { g1c_swap(&mut (*g).sp, m.g0_sp) };
    crate::sched::m().locks = depth;
}

/// Blocks the running goroutine until [`ready`] is called on it (gc's `gopark`). The caller holds the
/// runtime lock from its check of the condition to here, so no waker can run it before it has left its
/// stack.
pub fn park(reason: &'static [u8]) {
    let g = curg();
    // SAFETY: `g` is the running goroutine.
    unsafe {
        (*g).status = Status::Waiting;
        (*g).wait_reason = reason;
    }
    switch_to_g0();
}

/// Lets the other runnable goroutines run first (gc's `Gosched`).
#[no_mangle]
pub extern "C" fn g1c_gosched() {
    let _l = crate::lock::rt();
    runq_put(curg());
    switch_to_g0();
}

/// A new goroutine record with a first stack segment, on the list of all goroutines (lock held).
fn new_g(id: u64) -> *mut G {
    let s = sched();
    let g = if s.free.is_null() {
        // Conservative: rt's record (chains of pointers, the saved stack pointer, small scalars).
        let g = crate::mem::alloc(core::mem::size_of::<G>()) as *mut G;
        // SAFETY: fresh zeroed memory of G's size; link it into the list of all goroutines.
        unsafe {
            if s.allg_tail.is_null() {
                s.allg_head = g;
            } else {
                (*s.allg_tail).alllink = g;
            }
        }
        s.allg_tail = g;
        g
    } else {
        let g = s.free;
        // SAFETY: dead goroutines on the free list keep their place on the list of all goroutines.
        unsafe { s.free = (*g).schedlink };
        g
    };
    // SAFETY: `g` is ours; `alllink` keeps its place in the list.
    unsafe {
        let link = (*g).alllink;
        core::ptr::write(
            g,
            G {
                sp: 0,
                seg: core::ptr::null_mut(),
                id,
                status: Status::Runnable,
                wait_reason: b"",
                defer: core::ptr::null_mut(),
                panic: core::ptr::null_mut(),
                schedlink: core::ptr::null_mut(),
                alllink: link,
                gopc: 0,
                sig: SigInfo::default(),
                param: 0,
                stack_bytes: 0,
                locked: false,
                system: false,
                labels: 0,
                m: core::ptr::null_mut(),
                lockedm: core::ptr::null_mut(),
                locked_ext: 0,
            },
        );
        stack::first_segment(g);
    }
    s.live += 1;
    g
}

/// Prepares `g` to start by calling the func value `fv` with the `size` bytes of arguments at `args`:
/// the arguments go at the top of its stack, and below them the frame `g1c_swap` pops, whose return
/// address is `g1c_gostart` (arch::amd64) and whose saved R12 is `fv`.
///
/// # Safety
/// `g` must be a fresh goroutine from `new_g`; `args` must be valid for `size` bytes.
unsafe fn prepare_start(g: *mut G, fv: usize, args: *const u8, size: usize) {
    let top = (*(*g).seg).hi;
    let argp = (top - size) & !15;
    crate::arch::amd64::copy_bytes(argp as *mut u8, args, size);
    let frame = (argp - 7 * 8) as *mut usize;
    // r15, r14, r13, r12, rbx, rbp, return address (the order g1c_swap pops them).
    let words = [0, 0, 0, fv, 0, 0, g1c_gostart as *const () as usize];
    for (i, w) in words.iter().enumerate() {
        *frame.add(i) = *w;
    }
    (*g).sp = frame as usize;
}

/// gc's goroutine ids: each P takes batches of `GOID_BATCH` consecutive ids from the global counter and hands
/// them out in order, so the ids a program sees depend on which P made each goroutine, as in gc (the main
/// goroutine is 1). A thread without a P (rt's own work) takes a fresh batch's first id. Under the lock.
fn next_goid() -> u64 {
    const GOID_BATCH: u64 = 16;
    let s = sched();
    let p = m().p;
    if p.is_null() {
        let id = s.goidgen + 1;
        s.goidgen += GOID_BATCH;
        return id;
    }
    // SAFETY: the thread holds `p`; its id cache is read and written under the lock.
    unsafe {
        if (*p).goidcache == (*p).goidcacheend {
            (*p).goidcache = s.goidgen + 1;
            s.goidgen += GOID_BATCH;
            (*p).goidcacheend = s.goidgen + 1;
        }
        let id = (*p).goidcache;
        (*p).goidcache += 1;
        id
    }
}

/// The `go` statement: a new goroutine that calls func value `fv` with a copy of the `size` bytes of
/// arguments at `args` (evaluated by the caller, ABI0 layout).
///
/// # Safety
/// `fv` must be a func value; `args` valid for `size` bytes.
#[no_mangle]
pub unsafe extern "C" fn g1c_newproc(fv: usize, args: *const u8, size: usize) {
    let fp = crate::arch::amd64::frame_pointer();
    let _l = crate::lock::rt();
    let g = new_g(next_goid());
    // The caller's return address: the instruction after this call in the `go` statement.
    (*g).gopc = *((fp + 8) as *const u64);
    let parent = curg();
    if !parent.is_null() {
        (*g).labels = (*parent).labels;
    }
    prepare_start(g, fv, args, size);
    ready(g);
    start_sysmon();
}

/// Called by `g1c_gostart` before a new goroutine's function: the scheduler switched to it holding the
/// runtime lock, which Go code runs without.
#[no_mangle]
pub extern "C" fn g1c_gostart_unlock() {
    crate::lock::release_all();
}

/// Called by `g1c_gostart` when a goroutine's function returns (gc's `goexit1`): the goroutine is dead;
/// its stack is released by the scheduler.
#[no_mangle]
pub extern "C" fn g1c_goexit() -> ! {
    crate::lock::acquire();
    let g = curg();
    // SAFETY: `g` is the running goroutine.
    unsafe {
        if (*g).id == 1 && !crate::defer::MAIN_GOEXIT.load(Ordering::SeqCst) {
            // main.main returned (reached only if the entry stub falls through): the program ends.
            crate::os::linux::exit_group(0);
        }
        (*g).status = Status::Dead;
    }
    switch_to_g0();
    crate::panic::throw(b"dead goroutine resumed")
}

/// The main goroutine's closure: one word, the code address of `g1c_main_entry` (arch::amd64), which
/// initializes the packages (`start::g1c_doinit` on `main..inittask`), calls `main.main`, then exits with
/// status 0.
#[cfg(not(test))]
static MAIN_CLOSURE: Global<usize> = Global::new(0);

/// Sets up the Ps (GOMAXPROCS), creates the main goroutine and runs the scheduler loop on the system
/// stack (the thread's initial stack). Never returns: the program ends in `exit_group` (main returned, a
/// panic, a fatal error).
#[cfg(not(test))]
pub fn start_main() -> ! {
    crate::lock::acquire();
    // SAFETY: start-up, under the lock.
    unsafe {
        *crate::gc::STACK_WALKER.get() = Some(walk_stacks);
        *MAIN_CLOSURE.get() = g1c_main_entry as *const () as usize;
        let m = m();
        m.g0_hi = *crate::traceback::STACK_HI.get();
        let n = crate::procs::initial_gomaxprocs().clamp(1, MAX_PROCS);
        procresize(n);
        m.p = pidleget();
        let g = new_g(next_goid());
        // gc's runtime.main starts three goroutines of its own before the program's init (forcegchelper,
        // bgsweep, bgscavenge), which take ids 2 to 4 from this P's batch; rt needs none of them, but a
        // program's goroutines get gc's ids (the first `go` statement's is 6 once os made the finalizer
        // goroutine 5), which tracebacks print.
        for _ in 0..3 {
            next_goid();
        }
        prepare_start(g, MAIN_CLOSURE.get() as usize, core::ptr::null(), 0);
        runq_put(g);
    }
    schedule()
}

/// The garbage collector's view of the stacks (`gc::STACK_WALKER`), with the world stopped: for every
/// goroutine that is not dead, each segment of its chain from the innermost stack pointer to the segment's
/// top (the collector's own goroutine from `sp`; one running on another thread from that thread's safe
/// point, `M::safe_sp`; a parked one from its saved SP; an older segment from the SP at which `morestack`
/// left it), and every thread's system stack (the collector's from `sp` when it runs there; another's
/// from where its scheduler loop stopped).
#[cfg_attr(test, allow(dead_code))]
fn walk_stacks(sp: usize, f: &mut dyn FnMut(usize, usize)) {
    let me = m() as *mut M;
    let cur = curg();
    let mut g = sched().allg_head;
    // SAFETY: the world is stopped: the G list, the Ms and the segment chains are stable.
    unsafe {
        while !g.is_null() {
            if (*g).status != Status::Dead {
                let mut lo = if g == cur {
                    sp
                } else if (*g).status == Status::Running && !(*g).m.is_null() {
                    (*(*g).m).safe_sp
                } else {
                    (*g).sp
                };
                let mut s = (*g).seg;
                while !s.is_null() {
                    if lo >= (*s).lo && lo <= (*s).hi {
                        f(lo, (*s).hi);
                    }
                    lo = (*s).old_sp;
                    s = (*s).prev;
                }
            }
            g = (*g).alllink;
        }
        let mut mp = sched().allm;
        while !mp.is_null() {
            let lo = if mp == me {
                if cur.is_null() {
                    sp
                } else {
                    (*mp).g0_sp
                }
            } else if !(*mp).curg.is_null() {
                (*mp).g0_sp
            } else {
                (*mp).safe_sp
            };
            let hi = (*mp).g0_hi;
            if lo != 0 && lo < hi {
                f(lo, hi);
            }
            mp = (*mp).alllink;
        }
    }
}

/// Schedules between looks at the poller when goroutines are always runnable.
const POLL_EVERY: u32 = 61;

/// The scheduler loop (gc's `schedule`/`execute`, `findrunnable`), on the thread's system stack with the
/// runtime lock held: runs due timers, looks at the poller now and then, picks the next runnable goroutine
/// and runs it; with none, sleeps (`findwork`).
#[cfg_attr(test, allow(dead_code))]
fn schedule() -> ! {
    loop {
        let m = m();
        if excess_p(m.p) {
            // GOMAXPROCS went down: this P is no longer in use; what it queued since goes to the others. One
            // in use may be idle (`procresize` left every P no thread held on the idle list): take it, or the
            // goroutines and timers it would serve may be left with no thread.
            drain_to_global(m.p);
            m.p = pidleget();
            if m.p.is_null() {
                if m.spinning {
                    // A spinning thread that parks must say so, or `wakep` would wait for it forever.
                    m.spinning = false;
                    sched().nmspinning -= 1;
                }
                // This thread parks with goroutines it just queued globally (its own, preempted or
                // yielding on the excess P, and whatever that P held): every P in use may be held by a
                // thread asleep in the poller until a distant timer, which nobody would wake for them.
                if runq_nonempty() {
                    wakep();
                }
            }
        }
        if m.p.is_null() {
            // A thread whose locked goroutine left a system call with no P to take (`g1c_exitsyscall`)
            // waits for the thread that finds it queued to hand it a P; it must not serve others.
            if m.lockedg.is_null() {
                stopm();
            } else {
                stoplockedm();
            }
            continue;
        }
        if !m.lockedg.is_null() {
            // A locked thread runs only its goroutine: give the P away and wait for it to be runnable.
            stoplockedm();
            continue;
        }
        if crate::time::earliest().is_some() {
            crate::time::run_due(crate::time::nanotime());
        }
        if crate::netpoll::waiters() > 0 {
            let s = sched();
            s.poll_tick += 1;
            if s.poll_tick >= POLL_EVERY {
                s.poll_tick = 0;
                crate::netpoll::wait(0);
            }
        }
        let (g, inherit) = runq_get(m.p);
        if g.is_null() {
            findwork();
            continue;
        }
        if m.spinning {
            m.spinning = false;
            sched().nmspinning -= 1;
            if runq_nonempty() {
                wakep();
            }
        }
        // SAFETY: `g` was runnable.
        let locked = unsafe { (*g).lockedm };
        if !locked.is_null() && locked != m as *mut M {
            // Its own thread must run it: hand that thread our P and the goroutine, and park.
            startlockedm(g, locked);
            continue;
        }
        execute(g, inherit);
    }
}

/// Runs `g` on this thread until it parks, yields or exits, then frees it if it died. `inherit`: `g` takes
/// over the time slice of the goroutine that readied it (it came from `runnext`), so that two goroutines
/// that keep readying each other are still preempted (sysmon sees the same `schedtick`) and the queue
/// behind them runs.
#[cfg_attr(test, allow(dead_code))]
fn execute(g: *mut G, inherit: bool) {
    let m = m();
    m.curg = g;
    if !inherit {
        m.schedtick.fetch_add(1, Ordering::Relaxed);
    }
    // SAFETY: `g` is runnable: its stack holds a g1c_swap frame.
    unsafe {
        (*g).status = Status::Running;
        (*g).m = m;
        stack::set_guard((*g).seg);
        m.running_go.store(true, Ordering::SeqCst);
        g1c_swap(&mut m.g0_sp, (*g).sp);
        // Back on the system stack with the lock held: `g` parked, yielded or exited.
        m.locks = 1;
        m.running_go.store(false, Ordering::SeqCst);
        stack::set_guard(core::ptr::null_mut());
        m.curg = core::ptr::null_mut();
        (*g).m = core::ptr::null_mut();
        if (*g).status == Status::Dead {
            if m.lockedg == g {
                // gc ends a thread whose locked goroutine exits; rt's thread goes back to serving all.
                m.lockedg = core::ptr::null_mut();
            }
            stack::free_all(g);
            let s = sched();
            s.live -= 1;
            (*g).schedlink = s.free;
            s.free = g;
        }
    }
}

/// Nothing is runnable for this thread. One thread at a time sleeps (keeping its P) until the earliest
/// timer is due or, when goroutines wait for I/O, until an event, and runs what is then due; the others
/// give their P back and park until woken. When no thread runs a goroutine and nothing can ever wake one
/// (no timer, no I/O waiter): the deadlock gc's `checkdead` reports.
#[cfg_attr(test, allow(dead_code))]
fn findwork() {
    let m = m();
    let s = sched();
    if m.spinning {
        m.spinning = false;
        s.nmspinning -= 1;
    }
    let earliest = crate::time::earliest();
    let io = crate::netpoll::waiters() > 0;
    if !s.polling && (earliest.is_some() || io) {
        s.polling = true;
        let timeout = match earliest {
            Some(w) => (w - crate::time::nanotime()).max(0),
            None => -1,
        };
        s.poll_until = earliest.unwrap_or(i64::MAX);
        m.safe_sp = current_sp();
        if io {
            crate::netpoll::wait_unlocked(timeout);
        } else if timeout > 0 {
            let seen = POLLER_NOTE.load(Ordering::SeqCst);
            let depth = crate::lock::release_all();
            crate::lock::futex_wait(&POLLER_NOTE, seen, timeout);
            crate::lock::acquire_depth(depth);
        }
        sched().polling = false;
        crate::time::run_due(crate::time::nanotime());
        return;
    }
    if !s.polling && !any_goroutine_running() {
        deadlock();
    }
    // Give the P back and park.
    let p = m.p;
    m.p = core::ptr::null_mut();
    pidleput(p);
    stopm();
}

/// Wakes the thread sleeping in `findwork` for a timer or I/O (gc's `netpollBreak`/`wakeNetPoller`).
static POLLER_NOTE: AtomicU32 = AtomicU32::new(0);

fn break_poller() {
    POLLER_NOTE.fetch_add(1, Ordering::SeqCst);
    crate::lock::futex_wake(&POLLER_NOTE, 1);
    crate::netpoll::interrupt();
}

/// A timer was added to fire at `when`: wake the sleeping poller when it would sleep past it.
pub fn timer_added(when: i64) {
    let s = sched();
    if s.polling && when < s.poll_until {
        s.poll_until = when;
        break_poller();
    }
}

/// A goroutine now waits for I/O: a poller asleep on a timer alone must wait for I/O events too.
pub fn io_waiter_added() {
    let s = sched();
    if s.polling && crate::netpoll::waiters() == 1 {
        break_poller();
    }
}

/// Whether any thread runs a goroutine (in Go code, in rt or in a system call) or has been handed a P it
/// has not yet taken (woken by `startm`, or by `startlockedm` to run its locked goroutine: until it takes
/// the lock that goroutine is on no queue and on no thread).
fn any_goroutine_running() -> bool {
    let mut mp = sched().allm;
    // SAFETY: Ms are never freed; `curg` and `nextp` are read under the lock.
    unsafe {
        while !mp.is_null() {
            if !(*mp).curg.is_null() || !(*mp).nextp.is_null() {
                return true;
            }
            mp = (*mp).alllink;
        }
    }
    false
}

/// Parks this thread (no P) until another hands it one (gc's `stopm`); returns with the lock held and
/// `m.p` set.
#[cfg_attr(test, allow(dead_code))]
fn stopm() {
    let m = m();
    let s = sched();
    m.schedlink = s.idle_m;
    s.idle_m = m;
    park_until_handed_p(m);
}

/// Sleeps on `m.note` without the runtime lock until another thread hands this one a P (`m.nextp`, then
/// the note); returns with the lock held again and `m.p` set. The thread's stack from here up is what the
/// collector scans meanwhile (`safe_sp`).
#[cfg_attr(test, allow(dead_code))]
fn park_until_handed_p(m: &mut M) {
    m.note.store(0, Ordering::SeqCst);
    m.safe_sp = current_sp();
    let depth = crate::lock::release_all();
    while m.note.load(Ordering::SeqCst) == 0 {
        crate::lock::futex_wait(&m.note, 0, -1);
    }
    crate::lock::acquire_depth(depth);
    m.p = m.nextp;
    m.nextp = core::ptr::null_mut();
}

/// Hands `p` to a parked thread (or a new one) and wakes it (gc's `startm`).
fn startm(p: *mut P, spinning: bool) {
    let s = sched();
    let mp = s.idle_m;
    if spinning {
        s.nmspinning += 1;
    }
    if mp.is_null() {
        newm(p, spinning);
        return;
    }
    // SAFETY: idle Ms are live and parked in `stopm`.
    unsafe {
        s.idle_m = (*mp).schedlink;
        (*mp).nextp = p;
        (*mp).spinning = spinning;
        (*mp).note.store(1, Ordering::SeqCst);
        crate::lock::futex_wake(&(*mp).note, 1);
    }
}

/// New work is queued: when a P is idle and no thread already looks for work, start one (gc's `wakep`);
/// when every P is busy but one thread sleeps in the poller, wake it.
fn wakep() {
    let s = sched();
    if s.nmspinning > 0 {
        return;
    }
    let p = pidleget();
    if !p.is_null() {
        startm(p, true);
    } else if s.polling {
        break_poller();
    }
}

fn pidleget() -> *mut P {
    let s = sched();
    let p = s.idle_p;
    if !p.is_null() {
        // SAFETY: idle Ps are entries of ALLP.
        unsafe { s.idle_p = (*p).link };
        s.npidle -= 1;
    }
    p
}

fn pidleput(p: *mut P) {
    let s = sched();
    // SAFETY: `p` is an entry of ALLP no thread holds.
    unsafe { (*p).link = s.idle_p };
    s.idle_p = p;
    s.npidle += 1;
}

/// Bytes of a new thread's system stack (Rust code only: the scheduler loop, timers, the collector).
const G0_STACK: usize = 512 << 10;

/// A new thread (gc's `newm`) that starts with `p`: its `M` block at the top of its own mapping, the system
/// stack below it.
fn newm(p: *mut P, spinning: bool) {
    let size = G0_STACK + core::mem::size_of::<M>().next_multiple_of(4096);
    let base =
        crate::os::linux::mmap_anon(size).unwrap_or_else(|| crate::panic::throw(b"runtime: cannot allocate memory"));
    let mp = (base + G0_STACK) as *mut M;
    let s = sched();
    // SAFETY: fresh memory; the new M is linked under the lock and never freed.
    unsafe {
        core::ptr::write(
            mp,
            M {
                this: mp,
                g0_sp: 0,
                curg: core::ptr::null_mut(),
                locks: 0,
                safe_sp: 0,
                p: core::ptr::null_mut(),
                nextp: p,
                alllink: s.allm,
                schedlink: core::ptr::null_mut(),
                id: s.next_mid,
                g0_hi: base + G0_STACK,
                lockedg: core::ptr::null_mut(),
                note: AtomicU32::new(0),
                running_go: AtomicBool::new(false),
                in_syscall: false,
                spinning,
                pinned: AtomicU8::new(0),
                preempt: AtomicBool::new(false),
                stackguard: AtomicUsize::new(0),
                schedtick: AtomicU64::new(0),
                g0_map: base,
                syscall_pc: 0,
                syscall_fp: 0,
            },
        );
        s.next_mid += 1;
        s.allm = mp;
        if crate::arch::amd64::clone_thread(base + G0_STACK, mp as usize) < 0 {
            crate::panic::throw(b"newosproc");
        }
    }
}

/// A new thread's first Rust code (from `clone_thread`, on its system stack, FS at its M).
#[no_mangle]
pub extern "C" fn g1c_mstart() -> ! {
    crate::signal::init_thread();
    crate::lock::acquire();
    let m = m();
    m.p = m.nextp;
    m.nextp = core::ptr::null_mut();
    if m.p.is_null() {
        // The monitor thread (sysmon) has no P.
        crate::lock::release_all();
        sysmon();
    }
    schedule()
}

/// Sets the number of Ps to `n` (gc's `procresize`; called at start and with the world stopped): the idle
/// list holds every P but those in use by threads.
fn procresize(n: usize) {
    let s = sched();
    let allp = ALLP.get() as *mut P;
    s.gomaxprocs = n;
    s.idle_p = core::ptr::null_mut();
    s.npidle = 0;
    // SAFETY: ALLP entries are static; held Ps are found through the Ms.
    unsafe {
        let mut held = [false; MAX_PROCS];
        let mut mp = s.allm;
        while !mp.is_null() {
            for q in [(*mp).p, (*mp).nextp] {
                if !q.is_null() {
                    held[(*q).id] = true;
                }
            }
            mp = (*mp).alllink;
        }
        for i in (0..n).rev() {
            let p = allp.add(i);
            (*p).id = i;
            if (*p).runq.is_null() {
                let ring = crate::os::linux::mmap_anon(RUNQ_LEN as usize * core::mem::size_of::<*mut G>())
                    .unwrap_or_else(|| crate::panic::throw(b"runtime: cannot allocate memory"));
                (*p).runq = ring as *mut *mut G;
            }
            if !held[i] {
                pidleput(p);
            }
        }
        // Ps going out of use give their queued goroutines to the global queue (a thread still holding
        // one drains it again when it next schedules, `schedule`).
        for i in n..MAX_PROCS {
            drain_to_global(allp.add(i));
        }
    }
}

/// `runtime.GOMAXPROCS(n)`: the previous setting; `n > 0` changes it. Ps beyond the new count that threads
/// hold are given back when those threads next look for work (`schedule`); a lowered setting
/// returns once no other thread is pinned to such a P (see `g1c_proc_pin`).
#[no_mangle]
pub extern "C" fn g1c_gomaxprocs(n: isize) -> isize {
    let old;
    {
        let _l = crate::lock::rt();
        let s = sched();
        old = s.gomaxprocs as isize;
        if n <= 0 || n as usize == s.gomaxprocs {
            return old;
        }
        procresize((n as usize).min(MAX_PROCS));
        wakep();
    }
    let n = (n as usize).min(MAX_PROCS);
    heavy_fence();
    // Pinned sections are short and never block; taking the lock is a safe point for the collector.
    while {
        let _l = crate::lock::rt();
        pinned_beyond(n)
    } {
        core::hint::spin_loop();
    }
    old
}

/// Whether this thread's P is beyond the GOMAXPROCS setting (lowered since it took it).
fn excess_p(p: *mut P) -> bool {
    // SAFETY: `p` is an ALLP entry.
    !p.is_null() && unsafe { (*p).id } >= sched().gomaxprocs
}

/// `syscall.runtime_entersyscall`, before a system call that may block: the thread keeps running the
/// goroutine but gives its P back, so that another thread runs the other goroutines meanwhile (gc hands
/// the P off lazily from sysmon; rt does it at once). The goroutine's frames above this one are at a safe
/// point for the collector (`M::safe_sp`).
#[no_mangle]
pub extern "C" fn g1c_entersyscall() {
    let fp = crate::arch::amd64::frame_pointer();
    let _l = crate::lock::rt();
    let m = m();
    m.safe_sp = current_sp();
    // SAFETY: this frame was called from the trampoline `syscall.runtime_entersyscall`, whose frame record
    // holds its Go caller's frame pointer and the return address into it.
    unsafe {
        let tramp = *(fp as *const usize);
        m.syscall_fp = *(tramp as *const usize);
        m.syscall_pc = *((tramp + 8) as *const u64);
    }
    m.in_syscall = true;
    m.running_go.store(false, Ordering::SeqCst);
    let p = m.p;
    m.p = core::ptr::null_mut();
    if !p.is_null() {
        handoffp(p);
    }
}

/// Gives away a P its thread no longer uses (gc's `handoffp`): to a new or parked thread when there is
/// work for it or nobody would watch the timers and the poller; else to the idle list.
fn handoffp(p: *mut P) {
    let s = sched();
    if excess_p(p) {
        // What the excess P held goes to the Ps in use: their threads must learn of it (see `schedule`).
        drain_to_global(p);
        if runq_nonempty() {
            wakep();
        }
        return;
    }
    let timers_or_io = crate::time::earliest().is_some() || crate::netpoll::waiters() > 0;
    if runq_nonempty() || (timers_or_io && !s.polling) {
        startm(p, false);
    } else {
        pidleput(p);
        if s.polling {
            // The poller's thread may be the one to take work that comes while this call blocks.
            break_poller();
        }
    }
}

/// `syscall.runtime_exitsyscall`, after the system call: takes an idle P and goes on, or, when every P is
/// busy, queues the goroutine and parks the thread (one locked to the goroutine in `stoplockedm`, so
/// that the thread taking it from the queue hands the goroutine and its P back to this thread).
#[no_mangle]
pub extern "C" fn g1c_exitsyscall() {
    let _l = crate::lock::rt();
    let m = m();
    m.in_syscall = false;
    let p = pidleget();
    if !p.is_null() {
        m.p = p;
        m.running_go.store(true, Ordering::SeqCst);
        return;
    }
    let g = curg();
    runq_put(g);
    wakep();
    switch_to_g0();
    // Running again, on whichever thread took it from the queue (with its P).
    crate::sched::m().running_go.store(true, Ordering::SeqCst);
}

/// Where a goroutine stops when its guard is poisoned (from `g1c_morestack` or a loop's back-edge check,
/// gc's `newstack` preemption): restores the guard, stops while the collector has the world stopped
/// (taking the runtime lock waits for it), and yields when its time slice is over.
pub fn preempt_point() {
    let m = m();
    let g = m.curg;
    if g.is_null() {
        return;
    }
    // SAFETY: `g` runs on this thread.
    stack::set_guard(unsafe { (*g).seg });
    let _l = crate::lock::rt();
    let m = crate::sched::m();
    if m.preempt.swap(false, Ordering::SeqCst) && m.pinned.load(Ordering::Relaxed) == 0 && m.lockedg.is_null() {
        runq_put(g);
        switch_to_g0();
    }
}

/// Called from the back-edge check's stub (`g1c_backedge_preempt`, every register saved).
#[no_mangle]
pub extern "C" fn g1c_preempt_backedge() {
    if m().stackguard.load(Ordering::Relaxed) == STACK_PREEMPT {
        preempt_point();
    }
}

/// Stops every other thread at a safe point (gc's `stopTheWorld`), with the runtime lock held: a thread
/// running Go code has its guard poisoned until it enters `preempt_point` (or any rt entry that takes the
/// lock); one in a system call or parked is stopped already.
pub fn stop_the_world() {
    stop_the_world_within(i64::MAX);
}

/// [`stop_the_world`] giving up after about `limit_ns` (a fatal report stops what it can, as gc's
/// `freezetheworld`); whether every other thread stopped.
pub fn stop_the_world_within(limit_ns: i64) -> bool {
    let me = m() as *mut M;
    let start = if limit_ns == i64::MAX { 0 } else { crate::time::nanotime() };
    let mut spins = 0u32;
    loop {
        let mut all = true;
        let mut mp = sched().allm;
        // SAFETY: Ms are never freed.
        unsafe {
            while !mp.is_null() {
                if mp != me && (*mp).running_go.load(Ordering::SeqCst) {
                    all = false;
                    (*mp).stackguard.store(STACK_PREEMPT, Ordering::SeqCst);
                }
                mp = (*mp).alllink;
            }
        }
        if all {
            return true;
        }
        if limit_ns != i64::MAX && crate::time::nanotime() - start > limit_ns {
            return false;
        }
        spins += 1;
        if spins < 50 {
            core::hint::spin_loop();
        } else {
            crate::os::linux::sched_yield();
        }
    }
}

/// How long a goroutine may run before sysmon asks it to yield (gc's forcePreemptNS).
const TIME_SLICE_NS: i64 = 10_000_000;

/// The monitor thread (gc's `sysmon`), without a P: every 10 ms, asks a goroutine that has run for a whole
/// time slice to yield (as gc's `retake`, whether or not others wait: its scheduler loop also runs the due
/// timers), and keeps the timers and the poller watched.
fn sysmon() -> ! {
    let mut last = [0u64; 64];
    loop {
        crate::os::linux::nanosleep(TIME_SLICE_NS);
        let _l = crate::lock::rt();
        let mut mp = sched().allm;
        let mut i = 0;
        // SAFETY: Ms are never freed.
        unsafe {
            while !mp.is_null() {
                let tick = (*mp).schedtick.load(Ordering::Relaxed);
                if i < last.len() {
                    if (*mp).running_go.load(Ordering::SeqCst) && last[i] == tick {
                        (*mp).preempt.store(true, Ordering::SeqCst);
                        (*mp).stackguard.store(STACK_PREEMPT, Ordering::SeqCst);
                    }
                    last[i] = tick;
                }
                i += 1;
                mp = (*mp).alllink;
            }
        }
        let s = sched();
        let timers_or_io = crate::time::earliest().is_some() || crate::netpoll::waiters() > 0;
        if timers_or_io && !s.polling && s.nmspinning == 0 {
            let p = pidleget();
            if !p.is_null() {
                startm(p, false);
            }
        }
    }
}

/// Starts the monitor thread once other threads exist (gc starts it at program start).
fn start_sysmon() {
    let s = sched();
    if !s.sysmon {
        s.sysmon = true;
        newm(core::ptr::null_mut(), false);
    }
}

/// `runtime.LockOSThread`: the goroutine and this thread run only each other until as many
/// `UnlockOSThread` calls (gc's `lockedExt` count).
#[no_mangle]
pub extern "C" fn g1c_lock_os_thread() {
    let _l = crate::lock::rt();
    let m = m();
    m.lockedg = m.curg;
    // SAFETY: the running goroutine.
    unsafe {
        (*m.curg).lockedm = m;
        (*m.curg).locked_ext += 1;
    }
}

/// `runtime.UnlockOSThread`: one level less; the last one unwires.
#[no_mangle]
pub extern "C" fn g1c_unlock_os_thread() {
    let _l = crate::lock::rt();
    let m = m();
    let g = m.curg;
    // SAFETY: the running goroutine.
    unsafe {
        if (*g).locked_ext == 0 {
            return;
        }
        (*g).locked_ext -= 1;
        if (*g).locked_ext == 0 {
            (*g).lockedm = core::ptr::null_mut();
            m.lockedg = core::ptr::null_mut();
        }
    }
}

/// This thread is locked to a goroutine that is not running: give the P (if any) away and park until the
/// goroutine is handed back with one (gc's `stoplockedm`).
#[cfg_attr(test, allow(dead_code))]
fn stoplockedm() {
    let m = m();
    let p = m.p;
    m.p = core::ptr::null_mut();
    if !p.is_null() {
        handoffp(p);
    }
    // Not on the idle list: only `startlockedm` wakes this thread.
    park_until_handed_p(m);
    let g = m.lockedg;
    if !g.is_null() {
        execute(g, false);
    }
}

/// `g` is locked to thread `to`: hand it our P and the goroutine, then park (gc's `startlockedm`).
#[cfg_attr(test, allow(dead_code))]
fn startlockedm(g: *mut G, to: *mut M) {
    let m = m();
    let p = m.p;
    m.p = core::ptr::null_mut();
    // SAFETY: `to` is parked in `stoplockedm` waiting for exactly this.
    unsafe {
        (*g).status = Status::Runnable;
        (*to).nextp = p;
        (*to).note.store(1, Ordering::SeqCst);
        crate::lock::futex_wake(&(*to).note, 1);
    }
    stopm();
}

/// Whether the kernel runs a full barrier on every thread of the process for `heavy_fence`
/// (`membarrier`'s private expedited command, registered at start by `init_fences`).
static ASYMMETRIC: AtomicBool = AtomicBool::new(false);

/// Registers the process for `membarrier`'s private expedited command (Linux 4.14); without it the fences
/// of `g1c_proc_pin` and `g1c_gomaxprocs` stay ordinary full fences.
pub fn init_fences() {
    use crate::os::linux::{membarrier, MEMBARRIER_CMD_REGISTER_PRIVATE_EXPEDITED};
    ASYMMETRIC.store(membarrier(MEMBARRIER_CMD_REGISTER_PRIVATE_EXPEDITED) == 0, Ordering::SeqCst);
}

/// The frequent side of a Dekker-style handshake (a store, then a load of what the other side stores):
/// with `membarrier` the other side's `heavy_fence` interrupts this thread with a full barrier, so the
/// compiler's ordering suffices here and a pin costs no locked instruction.
fn light_fence() {
    if ASYMMETRIC.load(Ordering::Relaxed) {
        core::sync::atomic::compiler_fence(Ordering::SeqCst);
    } else {
        fence(Ordering::SeqCst);
    }
}

/// The rare side of the handshake of `light_fence`: a full barrier on every running thread of the process,
/// so each `light_fence` is ordered either before it or after it.
fn heavy_fence() {
    use crate::os::linux::{membarrier, MEMBARRIER_CMD_PRIVATE_EXPEDITED, MEMBARRIER_CMD_REGISTER_PRIVATE_EXPEDITED};
    fence(Ordering::SeqCst);
    if !ASYMMETRIC.load(Ordering::Relaxed) || membarrier(MEMBARRIER_CMD_PRIVATE_EXPEDITED) == 0 {
        return;
    }
    // A forked child may not inherit the registration: register again. Without the barrier the other
    // threads' pins would not be ordered at all.
    if membarrier(MEMBARRIER_CMD_REGISTER_PRIVATE_EXPEDITED) != 0 || membarrier(MEMBARRIER_CMD_PRIVATE_EXPEDITED) != 0 {
        crate::panic::throw(b"membarrier failed after registration");
    }
}

/// `sync.runtime_procPin`: the running thread's P id; the goroutine stays on this thread (no time-slice
/// preemption) until `g1c_proc_unpin`, so per-P data (sync.Pool's) is its own meanwhile. The id is below
/// GOMAXPROCS while pinned, as in gc, where changing GOMAXPROCS stops the world and so never overlaps a
/// pinned section: sync.Pool indexes per-P arrays of GOMAXPROCS entries with it. A thread still holding a P
/// beyond a lowered setting yields it first; `g1c_gomaxprocs` waits for pinned threads it would leave
/// beyond (the pin is published before the setting is read, the setting before the pins are read).
#[no_mangle]
pub extern "C" fn g1c_proc_pin() -> usize {
    loop {
        let m = m();
        // Only this thread writes its count: a plain store and the fence that orders it before the read of
        // the setting below (no locked read-modify-write, which would be a second full barrier).
        m.pinned.store(m.pinned.load(Ordering::Relaxed).wrapping_add(1), Ordering::Relaxed);
        light_fence();
        if m.p.is_null() {
            return 0;
        }
        // SAFETY: a running goroutine's thread holds a P; the setting is read without the lock (a word).
        let (id, n) = unsafe { ((*m.p).id, core::ptr::read_volatile(&sched().gomaxprocs)) };
        if id < n {
            return id;
        }
        m.pinned.fetch_sub(1, Ordering::SeqCst);
        // The scheduler loop gives the excess P back; the goroutine goes on on a thread with one in use.
        g1c_gosched();
    }
}

/// `sync.runtime_procUnpin`.
#[no_mangle]
pub extern "C" fn g1c_proc_unpin() {
    let m = m();
    // Only this thread writes its count (see `g1c_proc_pin`); the release orders the pinned section first.
    let n = m.pinned.load(Ordering::Relaxed);
    if n > 0 {
        m.pinned.store(n - 1, Ordering::Release);
    }
}

/// Whether a thread other than the caller's is pinned (`g1c_proc_pin`) to a P numbered `n` or more
/// (runtime lock held).
fn pinned_beyond(n: usize) -> bool {
    let me = m() as *mut M;
    let mut mp = sched().allm;
    // SAFETY: the list of Ms only grows; their P pointers are ALLP entries.
    unsafe {
        while !mp.is_null() {
            if mp != me && (*mp).pinned.load(Ordering::SeqCst) > 0 && !(*mp).p.is_null() && (*(*mp).p).id >= n {
                return true;
            }
            mp = (*mp).alllink;
        }
    }
    false
}

/// `runtime.NumGoroutine()`: the goroutines that exist, rt's own (`system`) left out as gc leaves out its
/// system goroutines.
#[no_mangle]
pub extern "C" fn g1c_num_goroutine() -> usize {
    let _l = crate::lock::rt();
    let mut n = 0;
    let mut g = sched().allg_head;
    // SAFETY: the list holds every goroutine ever made.
    unsafe {
        while !g.is_null() {
            if (*g).status != Status::Dead && !(*g).system {
                n += 1;
            }
            g = (*g).alllink;
        }
    }
    n
}

/// Bytes of the goroutines' stacks (segments in use and each one's headroom), under the runtime lock.
pub fn stack_bytes() -> usize {
    let mut n = 0;
    let mut g = sched().allg_head;
    while !g.is_null() {
        // SAFETY: the list holds every goroutine ever made; read under the lock.
        unsafe {
            if (*g).status != Status::Dead {
                n += (*g).stack_bytes + stack::HEADROOM;
            }
            g = (*g).alllink;
        }
    }
    n
}

/// Where the frames of goroutine `g`, not the running one, begin while the world is stopped (gc's
/// `gp.sched` or `gp.syscallpc`).
pub enum Frames {
    /// The frame-pointer chain from this frame: a parked goroutine's `g1c_swap` frame, or the frame record
    /// a goroutine stopped at its thread's lock wait saved (`lock::g1c_lock_slow`).
    Chain(usize),
    /// Not started: it will begin at this entry, its return address (`g1c_gostart`) at `sp` and its
    /// arguments above.
    Entry { pc: u64, sp: usize },
    /// In a system call made by the Go function with frame pointer `fp`, at return address `pc`.
    Syscall { pc: u64, fp: usize },
    /// Dead, or not yet given a stack.
    None,
}

/// [`Frames`] for `g`, which is not the running goroutine, with the world stopped (runtime lock held).
///
/// # Safety
/// `g` is on the list of all goroutines and the world is stopped.
pub unsafe fn stopped_frames(g: *mut G) -> Frames {
    if (*g).status == Status::Dead {
        return Frames::None;
    }
    if (*g).status == Status::Running && !(*g).m.is_null() {
        let m = (*g).m;
        if (*m).in_syscall {
            return Frames::Syscall { pc: (*m).syscall_pc, fp: (*m).syscall_fp };
        }
        // g1c_lock_slow pushed RBP first, then five registers and a pad word above `safe_sp`.
        return if (*m).safe_sp == 0 { Frames::None } else { Frames::Chain(*(((*m).safe_sp + 48) as *const usize)) };
    }
    let sp = (*g).sp;
    if sp == 0 {
        return Frames::None;
    }
    // g1c_swap's frame: r15, r14, r13, r12, rbx, rbp, return address (prepare_start writes the same).
    let ra = *((sp + 48) as *const usize);
    if ra == g1c_gostart as *const () as usize {
        let fv = *((sp + 24) as *const usize);
        return Frames::Entry { pc: *(fv as *const u64), sp: sp + 48 };
    }
    Frames::Chain(*((sp + 40) as *const usize))
}

/// Starts a runtime goroutine (`system`) running the Rust function `entry`, which never returns (it parks
/// between jobs). It takes the next goroutine id, as gc's runtime goroutines do.
pub fn spawn_system(closure: *const usize) -> *mut G {
    let _l = crate::lock::rt();
    let g = new_g(next_goid());
    // SAFETY: `g` is fresh; `closure` is a one-word closure (code address) that lives forever.
    unsafe {
        (*g).system = true;
        prepare_start(g, closure as usize, core::ptr::null(), 0);
    }
    ready(g);
    g
}

/// Every goroutine of the program's own (not the runtime's) is dead.
#[cfg_attr(test, allow(dead_code))]
fn no_user_goroutine() -> bool {
    let mut g = sched().allg_head;
    while !g.is_null() {
        // SAFETY: the list holds every goroutine ever made; read under the lock.
        unsafe {
            if (*g).status != Status::Dead && !(*g).system {
                return false;
            }
            g = (*g).alllink;
        }
    }
    true
}

/// Every goroutine waits and none can wake the others: gc's fatal error, with every goroutine's traceback.
#[cfg_attr(test, allow(dead_code))]
fn deadlock() -> ! {
    use crate::print::{Out, Stderr};
    if crate::defer::MAIN_GOEXIT.load(Ordering::SeqCst) && no_user_goroutine() {
        // gc's checkdead when the main goroutine ended in Goexit and no other is left.
        crate::panic::fatal(b"no goroutines (main called runtime.Goexit) - deadlock!");
    }
    crate::panic::start_panicking();
    let mut o = Stderr::new();
    o.put(b"fatal error: all goroutines are asleep - deadlock!\n");
    print_goroutines(&mut o, core::ptr::null_mut());
    o.flush();
    crate::os::linux::exit_group(2)
}

/// Prints every goroutine but `skip` and rt's own, in creation order, as gc's `tracebackothers`: a header
/// with the status (the wait reason of a waiting one), then the frames of one not running, or gc's line for
/// one running on another thread (its stack is in use there). The caller holds the runtime lock and has
/// stopped the world, or every goroutine waits.
pub fn print_goroutines(o: &mut crate::print::Stderr, skip: *mut G) {
    use crate::print::Out;
    let mut g = sched().allg_head;
    while !g.is_null() {
        // SAFETY: the list holds every goroutine ever made; the ones not running keep their saved SP.
        unsafe {
            if g != skip && (*g).status != Status::Dead && !(*g).system {
                o.put(b"\ngoroutine ");
                crate::print::uint(o, (*g).id);
                o.put(b" [");
                o.put(match (*g).status {
                    Status::Running => b"running",
                    Status::Runnable => b"runnable",
                    _ => (*g).wait_reason,
                });
                if (*g).locked || !(*g).lockedm.is_null() {
                    o.put(b", locked to thread");
                }
                o.put(b"]:\n");
                if (*g).status == Status::Running {
                    o.put(b"\tgoroutine running on other thread; stack unavailable\n");
                } else {
                    // The saved RBP sits 40 bytes above the saved RSP (g1c_swap's frame).
                    let fp = *(((*g).sp + 40) as *const usize);
                    crate::traceback::traceback_g(o, g, None, fp);
                }
                crate::traceback::created_by(o, g);
            }
            g = (*g).alllink;
        }
    }
}
