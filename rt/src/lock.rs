//! Futexes, the futex mutex and the runtime lock.
//!
//! In: rt code that touches state shared between threads (the scheduler, channels, select, semaphores,
//! timers, the poller, the allocator and the collector, the stack segment cache, …). Out: `rt()` returns a
//! guard; while any guard lives on a thread, no other thread runs code under the lock.
//!
//! The runtime lock is one mutex for all of rt's shared state (a first, simple design: Go code itself runs
//! in parallel, rt's bookkeeping does not; a small allocation from the P's own cache is the one path that
//! skips it, mem.rs; per-channel locks are later performance work). It is *recursive per M*: `M::locks` counts the guards the thread holds, so a locked
//! function may call another (the allocator from a channel operation). It belongs to the thread (M), not to
//! the goroutine, which is what lets a goroutine park while holding it: every switch between a goroutine
//! and its thread's scheduler (`g0`) happens with the lock held, and the side that resumes restores its own
//! count (`sched::park`, `sched::schedule`). A goroutine that starts fresh releases it (`g1c_gostart`).
//!
//! Invariant for the collector's stop-the-world: a thread that has to wait for the lock while it runs a
//! goroutine is at a safe point: the slow path first spills the callee-saved registers on the goroutine's
//! stack (`g1c_lock_slow`) and records the stack pointer below them (`M::safe_sp`), then clears
//! `M::running_go`, so the collector (which holds the lock) may scan that stack and knows the thread will not
//! run Go code until it lets the lock go.

use crate::sched::{self, M};
use core::sync::atomic::{AtomicU32, Ordering};

const FUTEX_WAIT_PRIVATE: usize = 128;
const FUTEX_WAKE_PRIVATE: usize = 129;
const SYS_FUTEX: usize = 202;

/// Sleeps while `*word == val`, at most `timeout_ns` (negative: no limit). Spurious wake-ups happen: callers
/// re-check their condition.
pub fn futex_wait(word: &AtomicU32, val: u32, timeout_ns: i64) {
    let ts = [timeout_ns / 1_000_000_000, timeout_ns % 1_000_000_000];
    let tsp = if timeout_ns < 0 { 0 } else { ts.as_ptr() as usize };
    // SAFETY: `word` is a valid aligned u32; `ts` outlives the call.
    unsafe {
        crate::os::linux::syscall6(SYS_FUTEX, word.as_ptr() as usize, FUTEX_WAIT_PRIVATE, val as usize, tsp, 0, 0);
    }
}

/// Wakes up to `n` threads sleeping on `word`.
pub fn futex_wake(word: &AtomicU32, n: u32) {
    // SAFETY: a futex wake touches no memory.
    unsafe {
        crate::os::linux::syscall6(SYS_FUTEX, word.as_ptr() as usize, FUTEX_WAKE_PRIVATE, n as usize, 0, 0, 0);
    }
}

/// A futex mutex (Drepper, "Futexes Are Tricky", mutex 2): 0 free, 1 taken, 2 taken with sleepers.
pub struct Mutex {
    state: AtomicU32,
}

impl Mutex {
    pub const fn new() -> Mutex {
        Mutex { state: AtomicU32::new(0) }
    }

    pub fn try_lock(&self) -> bool {
        self.state.compare_exchange(0, 1, Ordering::Acquire, Ordering::Relaxed).is_ok()
    }

    pub fn lock(&self) {
        if self.try_lock() {
            return;
        }
        // A short spin first: the holder usually leaves rt within a few hundred instructions.
        for _ in 0..100 {
            core::hint::spin_loop();
            if self.state.load(Ordering::Relaxed) == 0 && self.try_lock() {
                return;
            }
        }
        while self.state.swap(2, Ordering::Acquire) != 0 {
            futex_wait(&self.state, 2, -1);
        }
    }

    pub fn unlock(&self) {
        if self.state.swap(0, Ordering::Release) == 2 {
            futex_wake(&self.state, 1);
        }
    }
}

impl Default for Mutex {
    fn default() -> Self {
        Mutex::new()
    }
}

/// The runtime lock (see the module comment).
static RT: Mutex = Mutex::new();

/// Holding the runtime lock; dropping it releases one level.
pub struct Guard(());

impl Drop for Guard {
    fn drop(&mut self) {
        release();
    }
}

/// Takes the runtime lock (one more level if this thread holds it already).
pub fn rt() -> Guard {
    acquire();
    Guard(())
}

/// Takes one level of the runtime lock without a guard (paired with [`release`]).
pub fn acquire() {
    let m = sched::m();
    if m.locks > 0 {
        m.locks += 1;
        return;
    }
    if !RT.try_lock() {
        // SAFETY: `m` is this thread's M.
        unsafe { g1c_lock_slow(m as *mut M as usize) };
    }
    m.locks = 1;
}

/// Takes the runtime lock and sets this thread's depth to `depth` (after `release_all`, or on a thread
/// resuming at a depth it saved).
pub fn acquire_depth(depth: usize) {
    acquire();
    sched::m().locks = depth.max(1);
}

/// Releases one level of the runtime lock.
pub fn release() {
    let m = sched::m();
    if m.locks == 0 {
        crate::panic::throw(b"runtime lock released but not held");
    }
    m.locks -= 1;
    if m.locks == 0 {
        RT.unlock();
    }
}

/// Whether this thread holds the runtime lock.
pub fn held() -> bool {
    sched::m().locks > 0
}

/// Releases every level this thread holds (a Go panic leaving rt, a goroutine starting) and returns how
/// many there were.
pub fn release_all() -> usize {
    let m = sched::m();
    let n = m.locks;
    if n > 0 {
        m.locks = 0;
        RT.unlock();
    }
    n
}

/// `g1c_lock_slow`'s second half, with the callee-saved registers spilled at `sp`: records the safe point,
/// waits for the lock, and marks the thread as running Go code again if it was.
#[no_mangle]
extern "C" fn g1c_lock_wait(m: usize, sp: usize) {
    // SAFETY: `m` is this thread's M; only this thread writes `safe_sp`.
    let m = unsafe { &mut *(m as *mut M) };
    m.safe_sp = sp;
    let was = m.running_go.swap(false, Ordering::SeqCst);
    RT.lock();
    m.running_go.store(was, Ordering::SeqCst);
}

#[cfg(not(test))]
extern "C" {
    fn g1c_lock_slow(m: usize);
}

// g1c_lock_slow(m): pushes the C ABI's callee-saved registers (which may hold values of Rust frames the
// collector must see), then calls g1c_lock_wait(m, rsp). The registers are restored on return.
#[cfg(not(test))]
core::arch::global_asm!(
    ".globl g1c_lock_slow",
    ".type g1c_lock_slow,@function",
    "g1c_lock_slow:",
    "    push rbp",
    "    push rbx",
    "    push r12",
    "    push r13",
    "    push r14",
    "    push r15",
    "    sub rsp, 8",
    "    mov rsi, rsp",
    "    call g1c_lock_wait",
    "    add rsp, 8",
    "    pop r15",
    "    pop r14",
    "    pop r13",
    "    pop r12",
    "    pop rbx",
    "    pop rbp",
    "    ret",
    ".size g1c_lock_slow, . - g1c_lock_slow",
);

/// Host unit tests: no register spill needed.
#[cfg(test)]
unsafe fn g1c_lock_slow(m: usize) {
    g1c_lock_wait(m, 0);
}
