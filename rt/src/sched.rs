//! The scheduler: goroutines (`G`), their run queue, parking and waking, goroutine start and exit,
//! deadlock detection (runtime/proc.go, simplified to one thread).
//!
//! In: `g1c_newproc` from compiled `go` statements, `park`/`ready` from channels and select, `g1c_gosched`.
//! Out: goroutines run one at a time on the thread; a goroutine runs until it blocks, yields or exits
//! (cooperative switching). When the run queue is empty while goroutines still wait, the program ends with
//! gc's `fatal error: all goroutines are asleep - deadlock!` and every goroutine's traceback, exit 2.
//! When the main goroutine returns from `main.main`, the program exits with status 0 (other goroutines are
//! simply never run again).
//!
//! Structure (so M:N threads can come later, DESIGN §6): the state is split like gc's: `M` (a thread: its
//! system-stack context `g0_sp` and the goroutine it runs, `curg`) and `P` (a run queue). Today there is one
//! of each, reached through `m()` and `p()`; with threads, `m()` becomes a per-thread block found through
//! FS and each `P` owns its queue, with stealing between them. Nothing else keeps scheduler state.
//!
//! Switching: `g1c_swap` (arch::amd64) saves the callee-saved registers on the current stack, stores RSP,
//! loads another RSP and pops. Every switch goes through the thread's system stack (`g0`): a goroutine that
//! parks swaps to `g0`, whose loop in [`schedule`] picks the next runnable goroutine. A goroutine's stack is
//! freed from `g0` after it exits (never while running on it).

use crate::defer::{Defer, Panic};
use crate::stack::{self, Seg};
use crate::Global;
use core::arch::global_asm;

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
// frame chain, R12 = the func value): calls the function through its closure, then g1c_goexit.
global_asm!(
    ".globl g1c_gostart",
    ".type g1c_gostart,@function",
    "g1c_gostart:",
    "    mov rdx, r12",
    "    call [rdx]",
    "    call g1c_goexit",
    "    ud2",
    ".size g1c_gostart, . - g1c_gostart",
);

// g1c_main_entry: the main goroutine's function: package initialization, main.main, exit status 0.
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
}

/// A thread (gc's `m`): its system-stack context and the goroutine it runs. The thread's FS base points at
/// its `M` (`arch_prctl(ARCH_SET_FS)`), so compiled code and rt's assembly reach the fields below at fixed
/// offsets: `fs:[0]` is the block's own address (how Rust finds its `M`), `fs:[0x70]` the stack guard the
/// prologue compares RSP with (the offset glibc reserves for split stacks, codegen/amd64/stack.rs).
#[repr(C)]
pub struct M {
    pub this: *mut M,
    /// RSP of the scheduler loop on the system stack, saved while a goroutine runs.
    pub g0_sp: usize,
    pub curg: *mut G,
    /// Between `entersyscall` and `exitsyscall`: the goroutine is in a system call that may block (gc's
    /// `_Gsyscall`), as opposed to a raw one (after fork, or that cannot block).
    pub in_syscall: bool,
    _reserved: [usize; 10],
    /// The Go prologue's limit: Go code keeps RSP above it. 0 on the system stack (no check fails).
    pub stackguard: usize,
}

/// `M::stackguard`'s offset, which the compiler's prologue hard-codes (codegen/amd64/stack.rs `GUARD_OFFSET`).
pub const M_STACKGUARD: usize = 0x70;
const _: () = assert!(core::mem::offset_of!(M, stackguard) == M_STACKGUARD);

/// A processor (gc's `p`): the run queue and the list of goroutines it knows.
pub struct P {
    pub runq_head: *mut G,
    pub runq_tail: *mut G,
    pub allg_head: *mut G,
    pub allg_tail: *mut G,
    /// Goroutines not dead, excluding none: the deadlock check compares it with nothing runnable.
    pub live: usize,
    pub next_id: u64,
    /// Dead goroutines whose G can be reused (gc's gFree).
    pub free: *mut G,
}

static M0: Global<M> = Global::new(M {
    this: core::ptr::null_mut(),
    g0_sp: 0,
    curg: core::ptr::null_mut(),
    in_syscall: false,
    _reserved: [0; 10],
    stackguard: 0,
});

/// Makes `M0` the current thread's block (FS base) before anything reads `m()`.
#[cfg(not(test))]
pub fn init_m0() {
    let m0 = M0.get();
    // SAFETY: start-up, one thread; M0 lives forever.
    unsafe {
        (*m0).this = m0;
        crate::os::linux::set_fs(m0 as usize);
    }
}
static P0: Global<P> = Global::new(P {
    runq_head: core::ptr::null_mut(),
    runq_tail: core::ptr::null_mut(),
    allg_head: core::ptr::null_mut(),
    allg_tail: core::ptr::null_mut(),
    live: 0,
    next_id: 17,
    free: core::ptr::null_mut(),
});

/// The current thread's `M`: `fs:[0]` holds its address (see `M`).
#[cfg(not(test))]
pub fn m() -> &'static mut M {
    let m: *mut M;
    // SAFETY: FS points at this thread's M from start-up on (`init_m0`); the M is only touched by its thread
    // or under the runtime lock.
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

pub fn p() -> &'static mut P {
    // SAFETY: as for `m`.
    unsafe { &mut *P0.get() }
}

/// The running goroutine (null before the scheduler starts).
pub fn curg() -> *mut G {
    m().curg
}

/// Puts `g` at the end of the run queue.
pub fn ready(g: *mut G) {
    let p = p();
    // SAFETY: `g` is a live goroutine.
    unsafe {
        (*g).status = Status::Runnable;
        (*g).schedlink = core::ptr::null_mut();
        if p.runq_tail.is_null() {
            p.runq_head = g;
        } else {
            (*p.runq_tail).schedlink = g;
        }
        p.runq_tail = g;
    }
}

#[cfg_attr(test, allow(dead_code))]
fn runq_get() -> *mut G {
    let p = p();
    let g = p.runq_head;
    if !g.is_null() {
        // SAFETY: queued goroutines are live.
        unsafe {
            p.runq_head = (*g).schedlink;
            if p.runq_head.is_null() {
                p.runq_tail = core::ptr::null_mut();
            }
            (*g).schedlink = core::ptr::null_mut();
        }
    }
    g
}

/// Switches from the running goroutine to the scheduler; returns when someone readies it and the
/// scheduler picks it again.
fn switch_to_g0() {
    let g = curg();
    // SAFETY: `g` is running on its own stack; g0's RSP was saved when it switched to `g`.
    unsafe { g1c_swap(&mut (*g).sp, m().g0_sp) };
}

/// Blocks the running goroutine until [`ready`] is called on it (gc's `gopark`).
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
    ready(curg());
    switch_to_g0();
}

/// A new goroutine record with a first stack segment, on the list of all goroutines.
fn new_g(id: u64) -> *mut G {
    let p = p();
    let g = if p.free.is_null() {
        // Conservative: rt's record (chains of pointers, the saved stack pointer, small scalars).
        let g = crate::mem::alloc(core::mem::size_of::<G>()) as *mut G;
        // SAFETY: fresh zeroed memory of G's size; link it into the list of all goroutines.
        unsafe {
            if p.allg_tail.is_null() {
                p.allg_head = g;
            } else {
                (*p.allg_tail).alllink = g;
            }
        }
        p.allg_tail = g;
        g
    } else {
        let g = p.free;
        // SAFETY: dead goroutines on the free list keep their place on the list of all goroutines.
        unsafe { p.free = (*g).schedlink };
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
            },
        );
        stack::first_segment(g);
    }
    p.live += 1;
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

/// The `go` statement: a new goroutine that calls func value `fv` with a copy of the `size` bytes of
/// arguments at `args` (evaluated by the caller, ABI0 layout).
///
/// # Safety
/// `fv` must be a func value; `args` valid for `size` bytes.
#[no_mangle]
pub unsafe extern "C" fn g1c_newproc(fv: usize, args: *const u8, size: usize) {
    let fp = crate::arch::amd64::frame_pointer();
    let p = p();
    let id = p.next_id;
    p.next_id += 1;
    let g = new_g(id);
    // The caller's return address: the instruction after this call in the `go` statement.
    (*g).gopc = *((fp + 8) as *const u64);
    let parent = curg();
    if !parent.is_null() {
        (*g).labels = (*parent).labels;
    }
    prepare_start(g, fv, args, size);
    ready(g);
}

/// Called by `g1c_gostart` when a goroutine's function returns (gc's `goexit1`): the goroutine is dead;
/// its stack is released by the scheduler.
#[no_mangle]
pub extern "C" fn g1c_goexit() -> ! {
    let g = curg();
    // SAFETY: `g` is the running goroutine.
    unsafe {
        if (*g).id == 1 {
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

/// Creates the main goroutine and runs the scheduler loop on the system stack (the thread's initial
/// stack). Never returns: the program ends in `exit_group` (main returned, a panic, a fatal error).
#[cfg(not(test))]
pub fn start_main() -> ! {
    // SAFETY: single-threaded start-up.
    unsafe {
        *crate::gc::STACK_WALKER.get() = Some(walk_stacks);
        *MAIN_CLOSURE.get() = g1c_main_entry as *const () as usize;
        let g = new_g(1);
        prepare_start(g, MAIN_CLOSURE.get() as usize, core::ptr::null(), 0);
        ready(g);
    }
    schedule()
}

/// The garbage collector's view of the stacks (`gc::STACK_WALKER`): for every goroutine that is not dead,
/// each segment of its chain, from the innermost stack pointer to the segment's top (the running goroutine
/// from the collector's own `sp`; a parked one from its saved SP; an older segment from the SP at which
/// `morestack` left it), and the system stack from the scheduler's saved SP (or from `sp` when the collector
/// itself runs there). Segments are mmapped outside the heap, so nothing else would scan them.
#[cfg_attr(test, allow(dead_code))]
fn walk_stacks(sp: usize, f: &mut dyn FnMut(usize, usize)) {
    let cur = curg();
    let mut on_goroutine_stack = false;
    let mut g = p().allg_head;
    // SAFETY: single-threaded and the world is stopped: the G list and segment chains are stable.
    unsafe {
        while !g.is_null() {
            if (*g).status != Status::Dead {
                let mut lo = if g == cur { sp } else { (*g).sp };
                let mut s = (*g).seg;
                while !s.is_null() {
                    if lo >= (*s).lo && lo <= (*s).hi {
                        f(lo, (*s).hi);
                        if g == cur && lo == sp {
                            on_goroutine_stack = true;
                        }
                    }
                    lo = (*s).old_sp;
                    s = (*s).prev;
                }
            }
            g = (*g).alllink;
        }
        let hi = *crate::traceback::STACK_HI.get();
        let lo = if on_goroutine_stack { m().g0_sp } else { sp };
        if lo != 0 && lo < hi {
            f(lo, hi);
        }
    }
}

/// Schedules since the last look at the poller: with goroutines always runnable, the scheduler still
/// checks for I/O every `POLL_EVERY` switches (gc's sysmon polls every 10 ms).
static POLL_TICK: Global<u32> = Global::new(0);
const POLL_EVERY: u32 = 61;

/// The scheduler loop (gc's `schedule`/`execute`, `findrunnable`), on the system stack: runs due timers,
/// looks at the poller now and then, picks the next runnable goroutine; with none, waits for the earliest
/// timer or for I/O (`idle`), and reports a deadlock when there is nothing to wait for.
#[cfg_attr(test, allow(dead_code))]
fn schedule() -> ! {
    loop {
        if crate::time::earliest().is_some() {
            crate::time::run_due(crate::time::nanotime());
        }
        if crate::netpoll::waiters() > 0 {
            // SAFETY: single-threaded runtime (see `Global`).
            let tick = unsafe { &mut *POLL_TICK.get() };
            *tick += 1;
            if *tick >= POLL_EVERY {
                *tick = 0;
                crate::netpoll::wait(0);
            }
        }
        let mut g = runq_get();
        while g.is_null() {
            if !idle() {
                deadlock();
            }
            g = runq_get();
        }
        let m = m();
        m.curg = g;
        // SAFETY: `g` is runnable: its stack holds a g1c_swap frame.
        unsafe {
            (*g).status = Status::Running;
            stack::set_guard((*g).seg);
            g1c_swap(&mut m.g0_sp, (*g).sp);
            // Back on the system stack: `g` parked, yielded or exited.
            stack::set_guard(core::ptr::null_mut());
            m.curg = core::ptr::null_mut();
            if (*g).status == Status::Dead {
                stack::free_all(g);
                let p = p();
                p.live -= 1;
                (*g).schedlink = p.free;
                p.free = g;
            }
        }
    }
}

/// Nothing is runnable: sleeps until the earliest timer is due or, when goroutines wait for I/O, until an
/// I/O event (whichever comes first), then runs the due timers. False when there is nothing to wait for
/// (no timer, no I/O waiter): a deadlock. gc's `checkdead` likewise never reports one while timers are
/// pending.
#[cfg_attr(test, allow(dead_code))]
fn idle() -> bool {
    let earliest = crate::time::earliest();
    let io = crate::netpoll::waiters() > 0;
    if earliest.is_none() && !io {
        return false;
    }
    let timeout = match earliest {
        Some(w) => (w - crate::time::nanotime()).max(0),
        None => -1,
    };
    if io {
        crate::netpoll::wait(timeout);
    } else if timeout > 0 {
        crate::os::linux::nanosleep(timeout);
    }
    crate::time::run_due(crate::time::nanotime());
    true
}

/// `syscall.runtime_entersyscall`, before a system call that may block (syscall.Syscall): records that
/// the goroutine is in such a call (`M::in_syscall`). With one thread there is no other thread to hand the
/// P to, so the goroutine keeps the thread and everything else waits for the call, except where the
/// runtime can wait for the call's condition without blocking (`syscall::g1c_raw_syscall6`: a wait for a
/// child process parks the goroutine in the poller). With threads, entersyscall lets another thread take
/// the P when the call blocks (gc's sysmon `retake`).
#[no_mangle]
pub extern "C" fn g1c_entersyscall() {
    m().in_syscall = true;
}

/// `syscall.runtime_exitsyscall`, after the system call: with threads, reacquires a P (or queues the
/// goroutine when none is free); with one thread the goroutine still holds it.
#[no_mangle]
pub extern "C" fn g1c_exitsyscall() {
    m().in_syscall = false;
}

/// `runtime.NumGoroutine()`: the goroutines that exist, rt's own (`system`) left out as gc leaves out its
/// system goroutines.
#[no_mangle]
pub extern "C" fn g1c_num_goroutine() -> usize {
    let mut n = 0;
    let mut g = p().allg_head;
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

/// Starts a runtime goroutine (`system`) running the Rust function `entry`, which never returns (it parks
/// between jobs). It takes the next goroutine id, as gc's runtime goroutines do.
pub fn spawn_system(closure: *const usize) -> *mut G {
    let p = p();
    let id = p.next_id;
    p.next_id += 1;
    let g = new_g(id);
    // SAFETY: `g` is fresh; `closure` is a one-word closure (code address) that lives forever.
    unsafe {
        (*g).system = true;
        prepare_start(g, closure as usize, core::ptr::null(), 0);
    }
    ready(g);
    g
}

/// Every goroutine waits and none can wake the others: gc's fatal error, with every goroutine's traceback.
#[cfg_attr(test, allow(dead_code))]
fn deadlock() -> ! {
    use crate::print::{Out, Stderr};
    crate::panic::start_panicking();
    let mut o = Stderr::new();
    o.put(b"fatal error: all goroutines are asleep - deadlock!\n");
    let mut g = p().allg_head;
    while !g.is_null() {
        // SAFETY: the list holds every goroutine ever made.
        unsafe {
            if (*g).status != Status::Dead && !(*g).system {
                o.put(b"\ngoroutine ");
                crate::print::uint(&mut o, (*g).id);
                o.put(b" [");
                o.put((*g).wait_reason);
                if (*g).locked {
                    o.put(b", locked to thread");
                }
                o.put(b"]:\n");
                // The saved RBP sits 40 bytes above the saved RSP (g1c_swap's frame).
                let fp = *(((*g).sp + 40) as *const usize);
                crate::traceback::traceback_g(&mut o, g, None, fp);
                crate::traceback::created_by(&mut o, g);
            }
            g = (*g).alllink;
        }
    }
    o.flush();
    crate::os::linux::exit_group(2)
}
