//! The network poller: internal/poll's runtime half on epoll (gc 1.19's runtime/netpoll.go and
//! netpoll_epoll.go, on one thread).
//!
//! In: `internal/poll.runtime_pollServerInit`, `pollOpen(fd)`, `pollClose`, `pollWait(pd, mode)`,
//! `pollReset`, `pollSetDeadline(pd, d, mode)`, `pollUnblock`, `pollWaitCanceled`, `isPollServerDescriptor` (trampolines in
//! `arch::amd64_os`); the scheduler's idle loop (`wait`) and its periodic non-blocking check (`poll`).
//! Out: a goroutine that finds a non-blocking descriptor not ready parks in `pollWait` ("IO wait") and other
//! goroutines run; it is readied when epoll reports the descriptor ready, when its deadline passes
//! (`pollErrTimeout`) or when the descriptor is closed (`pollErrClosing`).
//!
//! Each registered descriptor has a `PollDesc` (the `ctx` internal/poll holds), registered edge-triggered
//! for reading and writing at once; `rg`/`wg` are gc's per-direction semaphores: 0 (nothing), `READY` (an
//! event arrived that nobody consumed yet), or the address of the goroutine parked waiting. Deadlines are
//! rt timers (`time::new_internal`) whose `seq` must match the descriptor's current one, so a deadline that
//! was changed after its timer was set does nothing.
//!
//! Invariants: a `PollDesc` is allocated from the collected heap and stays on the `OPEN` list (a root) from
//! `pollOpen` to `pollClose`, because epoll's copy of its address is invisible to the collector. `WAITERS`
//! counts goroutines parked here: while it is nonzero, an idle scheduler blocks in epoll_wait instead of
//! reporting a deadlock (as gc's `checkdead` does not count goroutines waiting for I/O).

use crate::os::linux::{self, EpollEvent};
use crate::sched::{self, G};
use crate::time::{self, Timer};
use crate::{Global, Pair};

const READY: usize = 1;

const POLL_NO_ERROR: usize = 0;
const POLL_ERR_CLOSING: usize = 1;
const POLL_ERR_TIMEOUT: usize = 2;
const POLL_ERR_NOT_POLLABLE: usize = 3;

/// A registered descriptor (gc's `pollDesc`).
#[repr(C)]
pub struct PollDesc {
    next: *mut PollDesc,
    prev: *mut PollDesc,
    fd: i32,
    closing: bool,
    /// An EPOLLERR arrived: reads report "not pollable" (gc's `everr`).
    everr: bool,
    rg: usize,
    wg: usize,
    /// Deadlines: 0 none, < 0 passed, else the monotonic time.
    rd: i64,
    wd: i64,
    rtimer: *mut Timer,
    wtimer: *mut Timer,
    /// Bumped at every deadline change and at close, invalidating timers set before.
    seq: usize,
}

struct State {
    epfd: i32,
    open: *mut PollDesc,
    waiters: usize,
    /// An eventfd in the epoll set (event data 0) that another thread writes to end a sleeping
    /// `wait_unlocked` early (gc's netpollBreak).
    break_fd: i32,
}

static STATE: Global<State> = Global::new(State { epfd: -1, open: core::ptr::null_mut(), waiters: 0, break_fd: -1 });

fn state() -> &'static mut State {
    // SAFETY: single-threaded runtime (see `Global`).
    unsafe { &mut *STATE.get() }
}

/// Goroutines parked waiting for I/O.
pub fn waiters() -> usize {
    state().waiters
}

/// `runtime_pollServerInit`: the epoll descriptor (internal/poll calls it once).
#[no_mangle]
pub extern "C" fn g1c_poll_server_init() {
    let _l = crate::lock::rt();
    let st = state();
    if st.epfd >= 0 {
        return;
    }
    let fd = linux::epoll_create();
    if fd < 0 {
        crate::panic::throw(b"runtime: netpollinit failed");
    }
    st.epfd = fd as i32;
    let efd = linux::eventfd();
    if efd < 0 {
        crate::panic::throw(b"runtime: netpollinit failed");
    }
    st.break_fd = efd as i32;
    let ev = EpollEvent { events: linux::EPOLLIN, data: 0 };
    linux::epoll_ctl(st.epfd, linux::EPOLL_CTL_ADD, st.break_fd, &ev);
}

/// Ends the sleep of a thread in `wait_unlocked` (no effect before the poller exists).
pub fn interrupt() {
    let fd = state().break_fd;
    if fd >= 0 {
        linux::eventfd_write(fd);
    }
}

/// `runtime_isPollServerDescriptor(fd)`: whether `fd` is the poller's own (os must not close it).
#[no_mangle]
pub extern "C" fn g1c_is_poll_server_descriptor(fd: usize) -> bool {
    let st = state();
    (st.epfd >= 0 && fd == st.epfd as usize) || (st.break_fd >= 0 && fd == st.break_fd as usize)
}

/// `runtime_pollOpen(fd) (ctx, errno)`.
#[no_mangle]
pub extern "C" fn g1c_poll_open(fd: usize) -> Pair {
    let _l = crate::lock::rt();
    let st = state();
    // Conservative: the parked goroutines' addresses in rg/wg and the timers must stay alive.
    let pd = crate::mem::alloc(core::mem::size_of::<PollDesc>()) as *mut PollDesc;
    // SAFETY: fresh zeroed memory of PollDesc's size; the open list's nodes are live.
    unsafe {
        (*pd).fd = fd as i32;
        let ev = EpollEvent {
            events: linux::EPOLLIN | linux::EPOLLOUT | linux::EPOLLRDHUP | linux::EPOLLET,
            data: pd as u64,
        };
        let r = linux::epoll_ctl(st.epfd, linux::EPOLL_CTL_ADD, fd as i32, &ev);
        if r < 0 {
            return Pair { a: 0, b: (-r) as usize };
        }
        (*pd).next = st.open;
        if !st.open.is_null() {
            (*st.open).prev = pd;
        }
        st.open = pd;
    }
    Pair { a: pd as usize, b: 0 }
}

/// `runtime_pollClose(ctx)`: after `pollUnblock`; the descriptor leaves epoll and the open list.
///
/// # Safety
/// `pd` came from `g1c_poll_open` and is not closed yet.
#[no_mangle]
pub unsafe extern "C" fn g1c_poll_close(pd: *mut PollDesc) {
    let _l = crate::lock::rt();
    let st = state();
    let ev = EpollEvent { events: 0, data: 0 };
    linux::epoll_ctl(st.epfd, linux::EPOLL_CTL_DEL, (*pd).fd, &ev);
    stop_timers(pd);
    if (*pd).prev.is_null() {
        st.open = (*pd).next;
    } else {
        (*(*pd).prev).next = (*pd).next;
    }
    if !(*pd).next.is_null() {
        (*(*pd).next).prev = (*pd).prev;
    }
    (*pd).next = core::ptr::null_mut();
    (*pd).prev = core::ptr::null_mut();
}

unsafe fn stop_timers(pd: *mut PollDesc) {
    (*pd).seq += 1;
    for t in [(*pd).rtimer, (*pd).wtimer] {
        if !t.is_null() {
            time::del(t);
        }
    }
}

/// gc's `netpollcheckerr`.
unsafe fn check_err(pd: *mut PollDesc, mode: usize) -> usize {
    if (*pd).closing {
        return POLL_ERR_CLOSING;
    }
    if (mode == b'r' as usize && (*pd).rd < 0) || (mode == b'w' as usize && (*pd).wd < 0) {
        return POLL_ERR_TIMEOUT;
    }
    if mode == b'r' as usize && (*pd).everr {
        return POLL_ERR_NOT_POLLABLE;
    }
    POLL_NO_ERROR
}

unsafe fn sema(pd: *mut PollDesc, mode: usize) -> *mut usize {
    if mode == b'r' as usize {
        &mut (*pd).rg
    } else {
        &mut (*pd).wg
    }
}

/// `runtime_pollReset(ctx, mode) int`: forget a readiness not consumed yet, before an I/O attempt.
///
/// # Safety
/// `pd` is an open poll descriptor.
#[no_mangle]
pub unsafe extern "C" fn g1c_poll_reset(pd: *mut PollDesc, mode: usize) -> usize {
    let _l = crate::lock::rt();
    let err = check_err(pd, mode);
    if err != POLL_NO_ERROR {
        return err;
    }
    let s = sema(pd, mode);
    if *s == READY {
        *s = 0;
    }
    POLL_NO_ERROR
}

/// `runtime_pollWait(ctx, mode) int`: waits until the descriptor is ready for `mode` ('r' or 'w'), or an
/// error (closed, deadline passed).
///
/// # Safety
/// `pd` is an open poll descriptor.
#[no_mangle]
pub unsafe extern "C" fn g1c_poll_wait(pd: *mut PollDesc, mode: usize) -> usize {
    let _l = crate::lock::rt();
    loop {
        let err = check_err(pd, mode);
        if err != POLL_NO_ERROR {
            return err;
        }
        let s = sema(pd, mode);
        if *s == READY {
            *s = 0;
            return POLL_NO_ERROR;
        }
        if *s != 0 {
            crate::panic::throw(b"runtime: double wait");
        }
        *s = sched::curg() as usize;
        state().waiters += 1;
        crate::sched::io_waiter_added();
        sched::park(b"IO wait");
        // Woken by an event (READY left in the semaphore), a deadline or a close (checked above).
    }
}

/// `runtime_pollWaitCanceled(ctx, mode)`: waits for readiness only, ignoring closing and deadlines (gc
/// uses it on Windows after cancelling an I/O operation; internal/poll declares it on every system).
///
/// # Safety
/// `pd` is an open poll descriptor.
#[no_mangle]
pub unsafe extern "C" fn g1c_poll_wait_canceled(pd: *mut PollDesc, mode: usize) {
    let _l = crate::lock::rt();
    loop {
        let s = sema(pd, mode);
        if *s == READY {
            *s = 0;
            return;
        }
        *s = sched::curg() as usize;
        state().waiters += 1;
        crate::sched::io_waiter_added();
        sched::park(b"IO wait");
    }
}

/// Makes the goroutine parked on `mode` runnable, leaving `READY` when `ready` (an event) and 0 otherwise
/// (the waiter then finds the error); an event with nobody waiting is remembered as `READY`.
unsafe fn wake(pd: *mut PollDesc, mode: usize, ready: bool) {
    let s = sema(pd, mode);
    let old = *s;
    *s = if ready {
        READY
    } else if old == READY {
        READY
    } else {
        0
    };
    if old > READY {
        state().waiters -= 1;
        sched::ready(old as *mut G);
    }
}

/// A deadline timer fired: `arg` is the descriptor, `seq` its `seq` when the timer was set; the high bit of
/// `seq`'s word selects the write side.
unsafe fn deadline(arg: usize, seq: usize) {
    let pd = arg as *mut PollDesc;
    let write = seq & (1 << 63) != 0;
    if (*pd).seq != seq & !(1 << 63) {
        return;
    }
    if write {
        (*pd).wd = -1;
        wake(pd, b'w' as usize, false);
    } else {
        (*pd).rd = -1;
        wake(pd, b'r' as usize, false);
    }
}

/// `runtime_pollSetDeadline(ctx, d, mode)`: `d` is a duration from now (0: none, < 0: already passed);
/// `mode` 'r', 'w' or 'r'+'w'.
///
/// # Safety
/// `pd` is an open poll descriptor.
#[no_mangle]
pub unsafe extern "C" fn g1c_poll_set_deadline(pd: *mut PollDesc, d: i64, mode: usize) {
    let _l = crate::lock::rt();
    if (*pd).closing {
        return;
    }
    let mut d = d;
    if d > 0 {
        d = time::nanotime().saturating_add(d);
    }
    stop_timers(pd);
    let (r, w) = (b'r' as usize, b'w' as usize);
    if mode == r || mode == r + w {
        (*pd).rd = d;
    }
    if mode == w || mode == r + w {
        (*pd).wd = d;
    }
    let seq = (*pd).seq & !(1 << 63);
    if (*pd).rd > 0 {
        if (*pd).rtimer.is_null() {
            (*pd).rtimer = time::new_internal(deadline, pd as usize, 0);
        }
        (*(*pd).rtimer).seq = seq;
        time::add((*pd).rtimer, (*pd).rd);
    }
    if (*pd).wd > 0 {
        if (*pd).wtimer.is_null() {
            (*pd).wtimer = time::new_internal(deadline, pd as usize, 0);
        }
        (*(*pd).wtimer).seq = seq | 1 << 63;
        time::add((*pd).wtimer, (*pd).wd);
    }
    // A deadline in the past wakes the waiters now, with the timeout error.
    if (*pd).rd < 0 {
        wake(pd, r, false);
    }
    if (*pd).wd < 0 {
        wake(pd, w, false);
    }
}

/// `runtime_pollUnblock(ctx)`: the descriptor is being closed; waiters get `pollErrClosing`.
///
/// # Safety
/// `pd` is an open poll descriptor.
#[no_mangle]
pub unsafe extern "C" fn g1c_poll_unblock(pd: *mut PollDesc) {
    let _l = crate::lock::rt();
    if (*pd).closing {
        crate::panic::throw(b"runtime: unblock on closing polldesc");
    }
    (*pd).closing = true;
    stop_timers(pd);
    wake(pd, b'r' as usize, false);
    wake(pd, b'w' as usize, false);
}

/// Waits for I/O events up to `timeout_ns` (-1: indefinitely, 0: just look) and readies the goroutines they
/// concern (gc's `netpoll`). Returns whether any goroutine was readied.
pub fn wait(timeout_ns: i64) -> bool {
    wait_events(timeout_ns, false)
}

/// `wait` for the scheduler's idle thread: the runtime lock is released while the thread sleeps in
/// epoll_wait (other threads go on; `interrupt` wakes it early) and taken again to ready the goroutines.
pub fn wait_unlocked(timeout_ns: i64) -> bool {
    wait_events(timeout_ns, true)
}

fn wait_events(timeout_ns: i64, unlock: bool) -> bool {
    let st = state();
    if st.epfd < 0 {
        return false;
    }
    let ms = if timeout_ns < 0 {
        -1
    } else if timeout_ns == 0 {
        0
    } else {
        // Round up: waking a little late is fine, early means waking again for nothing.
        ((timeout_ns + 999_999) / 1_000_000).min(i32::MAX as i64) as i32
    };
    let mut evs = [EpollEvent { events: 0, data: 0 }; 128];
    let n = if unlock {
        let depth = crate::lock::release_all();
        let n = linux::epoll_wait(st.epfd, &mut evs, ms);
        crate::lock::acquire_depth(depth);
        n
    } else {
        linux::epoll_wait(st.epfd, &mut evs, ms)
    };
    let st = state();
    let before = st.waiters;
    for ev in evs.iter().take(n.max(0) as usize) {
        let (events, pd) = (ev.events, ev.data as *mut PollDesc);
        if pd.is_null() {
            linux::eventfd_drain(st.break_fd);
            continue;
        }
        // SAFETY: epoll returns the data of a registered descriptor, which is on the open list (live).
        unsafe {
            if events & (linux::EPOLLIN | linux::EPOLLRDHUP | linux::EPOLLHUP | linux::EPOLLERR) != 0 {
                if events == linux::EPOLLERR {
                    (*pd).everr = true;
                }
                wake(pd, b'r' as usize, true);
            }
            if events & (linux::EPOLLOUT | linux::EPOLLHUP | linux::EPOLLERR) != 0 {
                wake(pd, b'w' as usize, true);
            }
        }
    }
    state().waiters < before
}
