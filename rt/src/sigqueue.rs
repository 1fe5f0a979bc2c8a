//! Signals for package os/signal: catching, ignoring and restoring signals, and the queue its watcher
//! goroutine reads (gc 1.19's runtime/sigqueue.go, on one thread).
//!
//! In: os/signal's body-less `signal_enable(sig)`, `signal_disable`, `signal_ignore`, `signal_ignored`,
//! `signal_recv`, `signalWaitUntilIdle` (trampolines in `arch::amd64_os`), and the signals the kernel
//! delivers. Out: an enabled signal runs `on_signal`, which records it in `PENDING` and writes to an eventfd
//! registered in the poller; `signal_recv` (os/signal's watcher goroutine) returns pending signals one at a
//! time, lowest number first, and otherwise parks in the poller on that eventfd. Waiting there counts as
//! waiting for I/O, so a program blocked until a signal arrives is not a deadlock (as with gc).
//!
//! Invariants: the handler touches only atomics (`WANTED`, `DELIVERING`, `PENDING`), the eventfd (a write)
//! and kill (raising a signal no longer wanted again), all safe at any point of the interrupted code, which
//! may be the scheduler itself. Order of `signal_recv`: drain the
//! eventfd, then look at `PENDING`, then wait; a signal arriving after the look writes the eventfd again
//! and the wait returns. Faults (SIGSEGV, SIGBUS, SIGFPE) keep rt's handler: they are Go panics.

use crate::netpoll::{self, PollDesc};
use crate::os::linux;
use crate::Global;
use core::sync::atomic::{AtomicU32, AtomicU64, Ordering};

/// Signals delivered and not yet received: bit `sig - 1` for signal number `sig` (1..=64).
static PENDING: AtomicU64 = AtomicU64::new(0);

struct State {
    /// The eventfd the handler writes and its poll descriptor (-1 / null until the first enable).
    efd: i32,
    pd: *mut PollDesc,
    /// The watcher is parked in `signal_recv` (gc's `sigReceiving`).
    receiving: bool,
}

static STATE: Global<State> = Global::new(State { efd: -1, pd: core::ptr::null_mut(), receiving: false });

fn state() -> &'static mut State {
    // SAFETY: single-threaded runtime (see `Global`); the signal handler does not use it.
    unsafe { &mut *STATE.get() }
}

/// Whether rt handles `sig` itself (faults become panics; SIGPIPE see `signal::init`).
fn rt_owned(sig: u32) -> bool {
    sig == linux::SIGSEGV as u32 || sig == linux::SIGBUS as u32 || sig == linux::SIGFPE as u32
}

/// Whether gc's runtime catches `sig` and drops it while no channel wants it, where the kernel's default
/// action would end the process: its sigtable's `_SigNotify` signals that are not also `_SigKill`,
/// `_SigThrow`, `_SigDefault` or `_SigSetStack` (SIGUSR1, SIGUSR2, SIGALRM, SIGXCPU, SIGXFSZ, SIGVTALRM,
/// SIGPROF, SIGIO, SIGPWR and the real-time signals from 34). SIGPIPE is `signal::catch_sigpipe`'s.
pub fn dropped_unless_notified(sig: u32) -> bool {
    matches!(sig, 10 | 12 | 14 | 24 | 25 | 26 | 27 | 29 | 30 | 34..=64)
}

/// SIGHUP and SIGINT if the process started with them ignored (run by `nohup`, or in the background by a
/// shell without job control), one bit per signal number: gc installs no handler for those
/// (`sigInstallGoHandler`), so once os/signal stops catching one it is ignored again, not fatal.
static IGNORED_AT_START: AtomicU64 = AtomicU64::new(0);

/// Catches the signals of [`dropped_unless_notified`] and drops them, as gc's runtime does from its start
/// (a signal its parent left ignored stays ignored). A handler, unlike SIG_IGN, does not survive exec.
/// Records [`IGNORED_AT_START`].
pub fn catch_dropped() {
    for sig in [linux::SIGHUP as u32, linux::SIGINT as u32] {
        if linux::sig_handler(sig as i32) == linux::SIG_IGN {
            IGNORED_AT_START.fetch_or(1 << sig, Ordering::Relaxed);
        }
    }
    for sig in 1..=64u32 {
        if dropped_unless_notified(sig) && linux::sig_handler(sig as i32) != linux::SIG_IGN {
            set_handler(sig, drop_signal as *const () as usize);
        }
    }
}

extern "C" fn drop_signal(_sig: i32) {}

/// `sig`'s bit in `PENDING`; signal 64 is the top bit, so `1 << sig` would overflow.
fn pending_bit(sig: u32) -> u64 {
    1u64 << (sig - 1)
}

/// Signals os/signal wants (bit `sig - 1`): set before `on_signal` is installed for one, cleared after it is
/// replaced (gc's `sig.wanted`).
static WANTED: AtomicU64 = AtomicU64::new(0);

/// Handlers between their look at `WANTED` and their record in `PENDING` (gc's `sig.delivering`).
static DELIVERING: AtomicU32 = AtomicU32::new(0);

/// The handler decides when it runs, not when the kernel chose it: a thread may be descheduled between the
/// kernel's choice of `on_signal` and its first instruction, while os/signal.Stop replaces the handler and
/// returns (`signalWaitUntilIdle` saw nothing pending). A signal no longer wanted is raised again, to get
/// the disposition that replaced this handler once it returns (SIG_DFL: SIGINT kills the process as it
/// must; SIG_IGN or rt's dropping handler: nothing), instead of being queued for a watcher that has no
/// channel for it.
extern "C" fn on_signal(sig: i32) {
    let bit = pending_bit(sig as u32);
    DELIVERING.fetch_add(1, Ordering::SeqCst);
    if WANTED.load(Ordering::SeqCst) & bit == 0 {
        DELIVERING.fetch_sub(1, Ordering::SeqCst);
        linux::raise(sig);
        return;
    }
    PENDING.fetch_or(bit, Ordering::SeqCst);
    let efd = state().efd;
    if efd >= 0 {
        linux::eventfd_write(efd);
    }
    DELIVERING.fetch_sub(1, Ordering::SeqCst);
}

/// Queues `sig` as if the kernel had delivered it, when os/signal wants it (its handler is `on_signal`);
/// whether it did (gc's `sigsend`).
pub fn send_if_wanted(sig: i32) -> bool {
    if linux::sig_handler(sig) != on_signal as *const () as usize {
        return false;
    }
    on_signal(sig);
    true
}

fn set_handler(sig: u32, handler: usize) {
    let act = linux::SigAction {
        handler,
        flags: linux::SA_RESTART | linux::SA_ONSTACK | linux::SA_RESTORER,
        restorer: crate::arch::amd64::g1c_sigreturn as *const () as usize,
        mask: 0,
    };
    // SAFETY: `handler` is `on_signal`, SIG_DFL or SIG_IGN.
    unsafe { linux::rt_sigaction(sig as i32, &act) };
}

/// `signal_enable(sig)`: deliver `sig` to the queue (os/signal.Notify).
#[no_mangle]
pub extern "C" fn g1c_signal_enable(sig: u32) {
    let _l = crate::lock::rt();
    let st = state();
    if st.efd < 0 {
        let efd = linux::eventfd();
        if efd < 0 {
            crate::panic::throw(b"runtime: cannot create the signal eventfd");
        }
        netpoll::g1c_poll_server_init();
        let pd = netpoll::g1c_poll_open(efd as usize);
        if pd.b != 0 {
            crate::panic::throw(b"runtime: cannot poll the signal eventfd");
        }
        st.efd = efd as i32;
        st.pd = pd.a as *mut PollDesc;
    }
    if (1..=64).contains(&sig) && !rt_owned(sig) {
        WANTED.fetch_or(pending_bit(sig), Ordering::SeqCst);
        set_handler(sig, on_signal as *const () as usize);
    }
}

/// `signal_disable(sig)`: no longer delivered to the queue; back to what it was at start: the default
/// action, rt's handler that drops it (SIGPIPE, [`dropped_unless_notified`]), or ignored (SIGHUP and
/// SIGINT of [`IGNORED_AT_START`]). An ignored signal stays ignored, as in gc, whose handler stays
/// installed and whose `signal_disable` does not undo `signal_ignore`.
#[no_mangle]
pub extern "C" fn g1c_signal_disable(sig: u32) {
    let _l = crate::lock::rt();
    if !(1..=64).contains(&sig) || rt_owned(sig) || linux::sig_handler(sig as i32) == linux::SIG_IGN {
        return;
    }
    if sig == linux::SIGPIPE as u32 {
        crate::signal::catch_sigpipe();
    } else if IGNORED_AT_START.load(Ordering::Relaxed) & (1 << sig) != 0 {
        set_handler(sig, linux::SIG_IGN);
    } else if dropped_unless_notified(sig) {
        set_handler(sig, drop_signal as *const () as usize);
    } else {
        set_handler(sig, linux::SIG_DFL);
    }
    WANTED.fetch_and(!pending_bit(sig), Ordering::SeqCst);
}

/// `signal_ignore(sig)`: SIG_IGN (os/signal.Ignore); a pending delivery of it is dropped.
#[no_mangle]
pub extern "C" fn g1c_signal_ignore(sig: u32) {
    let _l = crate::lock::rt();
    if !(1..=64).contains(&sig) || rt_owned(sig) {
        return;
    }
    set_handler(sig, linux::SIG_IGN);
    WANTED.fetch_and(!pending_bit(sig), Ordering::SeqCst);
    PENDING.fetch_and(!pending_bit(sig), Ordering::SeqCst);
}

/// `signal_ignored(sig) bool`: whether `sig` is ignored now (os/signal.Ignored), as the kernel says.
#[no_mangle]
pub extern "C" fn g1c_signal_ignored(sig: u32) -> bool {
    (1..=64).contains(&sig) && linux::sig_handler(sig as i32) == linux::SIG_IGN
}

/// Lets the other goroutines run, without the runtime lock meanwhile: a goroutine that polls a condition by
/// yielding must let the threads that would change it in.
fn yield_unlocked() {
    let depth = crate::lock::release_all();
    crate::sched::g1c_gosched();
    crate::lock::acquire_depth(depth);
}

/// `signal_recv() uint32`: the next pending signal, waiting for one (os/signal's watcher loop).
#[no_mangle]
pub extern "C" fn g1c_signal_recv() -> u32 {
    let _l = crate::lock::rt();
    let st = state();
    loop {
        if st.efd >= 0 {
            linux::eventfd_drain(st.efd);
        }
        let p = PENDING.load(Ordering::SeqCst);
        if p != 0 {
            let sig = p.trailing_zeros() + 1;
            PENDING.fetch_and(!pending_bit(sig), Ordering::SeqCst);
            return sig;
        }
        if st.pd.is_null() {
            // Nothing enabled yet: wait like gc's watcher, until the first Notify creates the eventfd.
            yield_unlocked();
            continue;
        }
        st.receiving = true;
        // SAFETY: `st.pd` is the eventfd's open poll descriptor; reset forgets an old readiness.
        unsafe {
            netpoll::g1c_poll_reset(st.pd, b'r' as usize);
            if PENDING.load(Ordering::SeqCst) == 0 {
                netpoll::g1c_poll_wait(st.pd, b'r' as usize);
            }
        }
        st.receiving = false;
    }
}

/// `signalWaitUntilIdle()`: returns once every delivered signal has been taken by the watcher and it waits
/// for the next (os/signal.Stop and Reset use it before reporting that no more signals will be sent).
#[no_mangle]
pub extern "C" fn g1c_signal_wait_until_idle() {
    let _l = crate::lock::rt();
    // A handler that saw the signal wanted before it was disabled records it first (see `on_signal`).
    while DELIVERING.load(Ordering::SeqCst) != 0 {
        yield_unlocked();
    }
    while !state().receiving || PENDING.load(Ordering::SeqCst) != 0 {
        if state().pd.is_null() {
            return;
        }
        yield_unlocked();
    }
}
