//! Clocks and timers: package time's runtime half (gc 1.19's runtime/time.go, on one P).
//!
//! In: `time.now`, `time.runtimeNano` (and the same clock for internal/poll and sync), `time.Sleep`, and
//! `time.startTimer`/`stopTimer`/`resetTimer`/`modTimer` on gc's `runtime.timer` layout (`time.runtimeTimer`:
//! pp, when, period, f, arg, seq, nextwhen, status), reached through the trampolines in `arch::amd64_os`;
//! rt's own timers (`Sleep`, poll deadlines) in the same heap. Out: when a timer is due, the scheduler calls
//! its function `f(arg, seq)` on the system stack (`run_due`), as gc's `runtimer` does (time's functions
//! only do non-blocking sends or start a goroutine); a periodic timer is put back `period` later.
//!
//! The heap is a binary min-heap on `when`, of timer addresses, in an array allocated from the collected
//! heap (conservatively scanned, so the timers it holds stay alive) referenced from this module's static (a
//! root). A timer's `pp` field, which gc uses for the P owning it, holds its heap index + 1 (0: not in the
//! heap), so stopping or resetting one is O(log n); `status` is gc's `timerWaiting` (1) while it is in the
//! heap and `timerNoStatus` (0) otherwise. `when` < 0 means "never" (gc's maxWhen), as in gc's `modtimer`.
//!
//! Invariants: single-threaded (see `Global`); only the scheduler loop runs due timers; the clocks are the
//! kernel's CLOCK_REALTIME and CLOCK_MONOTONIC (through the vDSO when there is one, `os::vdso`). With threads,
//! each P gets its own heap (gc's `p.timers`) and stealing runs other Ps' due timers.

use crate::os::linux;
use crate::sched;
use crate::Global;

/// gc's `runtime.timer` (= `time.runtimeTimer`).
#[repr(C)]
pub struct Timer {
    /// Heap index + 1 while in the heap, else 0 (gc: the owning P).
    pub pp: usize,
    pub when: i64,
    pub period: i64,
    /// A func value `func(any, uintptr)`; null for rt's own timers, whose `arg_type` is then an
    /// `unsafe fn(usize, usize)` called with (`arg_data`, `seq`).
    pub f: usize,
    pub arg_type: usize,
    pub arg_data: usize,
    pub seq: usize,
    pub nextwhen: i64,
    pub status: u32,
}

const TIMER_NO_STATUS: u32 = 0;
const TIMER_WAITING: u32 = 1;
const MAX_WHEN: i64 = i64::MAX;

struct Heap {
    items: *mut *mut Timer,
    len: usize,
    cap: usize,
}

static HEAP: Global<Heap> = Global::new(Heap { items: core::ptr::null_mut(), len: 0, cap: 0 });

fn heap() -> &'static mut Heap {
    // SAFETY: single-threaded runtime (see `Global`).
    unsafe { &mut *HEAP.get() }
}

/// The wall clock in nanoseconds since the Unix epoch (gc's `walltime`, as one number).
pub fn walltime_ns() -> u64 {
    let (s, ns) = linux::clock_gettime(linux::CLOCK_REALTIME);
    (s * 1_000_000_000 + ns) as u64
}

/// The monotonic clock in nanoseconds (gc's `nanotime`).
pub fn nanotime() -> i64 {
    let (s, ns) = linux::clock_gettime(linux::CLOCK_MONOTONIC);
    s * 1_000_000_000 + ns
}

impl Heap {
    fn at(&self, i: usize) -> *mut Timer {
        // SAFETY: callers pass `i < len`.
        unsafe { *self.items.add(i) }
    }

    fn set(&mut self, i: usize, t: *mut Timer) {
        // SAFETY: `i < cap`; `t` is a live timer.
        unsafe {
            *self.items.add(i) = t;
            (*t).pp = i + 1;
        }
    }

    fn when(&self, i: usize) -> i64 {
        // SAFETY: timers in the heap are live.
        unsafe { (*self.at(i)).when }
    }

    fn up(&mut self, mut i: usize) {
        let t = self.at(i);
        // SAFETY: `t` is live.
        let w = unsafe { (*t).when };
        while i > 0 {
            let parent = (i - 1) / 2;
            if self.when(parent) <= w {
                break;
            }
            self.set(i, self.at(parent));
            i = parent;
        }
        self.set(i, t);
    }

    fn down(&mut self, mut i: usize) {
        let t = self.at(i);
        // SAFETY: `t` is live.
        let w = unsafe { (*t).when };
        loop {
            let mut c = 2 * i + 1;
            if c >= self.len {
                break;
            }
            if c + 1 < self.len && self.when(c + 1) < self.when(c) {
                c += 1;
            }
            if self.when(c) >= w {
                break;
            }
            self.set(i, self.at(c));
            i = c;
        }
        self.set(i, t);
    }

    fn push(&mut self, t: *mut Timer) {
        if self.len == self.cap {
            let cap = (self.cap * 2).max(64);
            // All words are timer addresses: conservatively scanned, which keeps the timers alive.
            let items = crate::mem::alloc(cap * 8) as *mut *mut Timer;
            if self.len > 0 {
                // SAFETY: both arrays hold at least `len` entries.
                unsafe { core::ptr::copy_nonoverlapping(self.items, items, self.len) };
            }
            self.items = items;
            self.cap = cap;
        }
        self.len += 1;
        self.set(self.len - 1, t);
        self.up(self.len - 1);
    }

    /// Removes the timer at index `i`.
    fn remove(&mut self, i: usize) {
        let t = self.at(i);
        self.len -= 1;
        if i != self.len {
            // The last timer fills the hole, then sinks or rises to its place.
            let moved = self.at(self.len);
            self.set(i, moved);
            self.down(i);
            // SAFETY: `moved` is live and in the heap (`down` updated its index).
            self.up(unsafe { (*moved).pp } - 1);
        }
        // SAFETY: clearing the vacated slot lets the collector free `t` once nothing else holds it.
        unsafe {
            *self.items.add(self.len) = core::ptr::null_mut();
            (*t).pp = 0;
            (*t).status = TIMER_NO_STATUS;
        }
    }
}

/// Puts `t` in the heap to fire at `when` (gc's `addtimer`; `when` < 0 is never).
///
/// # Safety
/// `t` is a live timer not in the heap.
pub unsafe fn add(t: *mut Timer, when: i64) {
    let _l = crate::lock::rt();
    (*t).when = if when < 0 { MAX_WHEN } else { when };
    (*t).status = TIMER_WAITING;
    heap().push(t);
    // A thread asleep until a later time (or for I/O only) must wake for this one (gc's wakeNetPoller).
    sched::timer_added((*t).when);
}

/// Takes `t` out of the heap; whether it was there (gc's `deltimer`: the timer was pending).
///
/// # Safety
/// `t` is a live timer.
pub unsafe fn del(t: *mut Timer) -> bool {
    if (*t).pp == 0 {
        return false;
    }
    heap().remove((*t).pp - 1);
    true
}

/// Moves `t` to fire at `when` (in the heap or not); whether it was pending (gc's `modtimer`).
///
/// # Safety
/// `t` is a live timer.
pub unsafe fn reset(t: *mut Timer, when: i64) -> bool {
    let pending = del(t);
    add(t, when);
    pending
}

/// The earliest `when` in the heap.
pub fn earliest() -> Option<i64> {
    let h = heap();
    (h.len > 0).then(|| h.when(0))
}

/// Runs every timer due at `now` (gc's `runtimer`): a one-shot timer leaves the heap, a periodic one is put
/// back at its next multiple of `period` after `now`; then its function runs. Returns whether any ran. Runs
/// on the scheduler's system stack; the functions may add, stop or reset timers (this one included).
pub fn run_due(now: i64) -> bool {
    let mut ran = false;
    while let Some(w) = earliest() {
        if w > now {
            break;
        }
        let h = heap();
        let t = h.at(0);
        // SAFETY: `t` is in the heap, so live; its function and argument are read before it can change.
        unsafe {
            if (*t).period > 0 {
                let late = now - (*t).when;
                let next = (*t).when.saturating_add((*t).period.saturating_mul(1 + late / (*t).period));
                (*t).when = if next < 0 { MAX_WHEN } else { next };
                h.down(0);
            } else {
                h.remove(0);
            }
            let (f, at, ad, seq) = ((*t).f, (*t).arg_type, (*t).arg_data, (*t).seq);
            if f == 0 {
                let func: unsafe fn(usize, usize) = core::mem::transmute(at);
                func(ad, seq);
            } else {
                // f(arg any, seq uintptr): ABI0 arguments (type, data, seq); f is a func value (its code first).
                let mut area = [at, ad, seq];
                crate::iface::g1c_call_abi0(*(f as *const usize), f, area.as_mut_ptr(), 3);
            }
        }
        ran = true;
    }
    ran
}

/// A new rt timer that calls `func(arg, seq)` when due (not yet in the heap).
pub fn new_internal(func: unsafe fn(usize, usize), arg: usize, seq: usize) -> *mut Timer {
    // Conservative: `arg` may be a heap pointer (a goroutine, a poll descriptor) that must stay alive.
    let t = crate::mem::alloc(core::mem::size_of::<Timer>()) as *mut Timer;
    // SAFETY: fresh zeroed memory of Timer's size.
    unsafe {
        (*t).arg_type = func as usize;
        (*t).arg_data = arg;
        (*t).seq = seq;
    }
    t
}

/// A sleeping goroutine's timer: wake it.
unsafe fn wake_sleeper(g: usize, _seq: usize) {
    sched::ready(g as *mut sched::G);
}

/// `time.Sleep(ns)`: parks the goroutine until the monotonic clock passes now + `ns` (gc's timeSleep;
/// `ns` <= 0 returns at once).
#[no_mangle]
pub extern "C" fn g1c_time_sleep(ns: i64) {
    let _l = crate::lock::rt();
    if ns <= 0 {
        return;
    }
    let t = new_internal(wake_sleeper, sched::curg() as usize, 0);
    let when = nanotime().saturating_add(ns);
    // SAFETY: `t` is a fresh timer.
    unsafe { add(t, when) };
    sched::park(b"sleep");
}

/// `time.now()`: wall clock seconds and nanoseconds, and the monotonic clock, into `out` (gc's ABI0 result
/// slots: sec, nsec (int32, in an 8-byte slot), mono).
///
/// # Safety
/// `out` has room for three words.
#[no_mangle]
pub unsafe extern "C" fn g1c_time_now(out: *mut i64) {
    let (s, ns) = linux::clock_gettime(linux::CLOCK_REALTIME);
    *out = s;
    *(out.add(1) as *mut i32) = ns as i32;
    *out.add(2) = nanotime();
}

/// `time.runtimeNano`, `internal/poll.runtimeNano`, `sync.runtime_nanotime`.
#[no_mangle]
pub extern "C" fn g1c_nanotime() -> i64 {
    nanotime()
}

/// `time.startTimer(t)`.
///
/// # Safety
/// `t` points at a time.runtimeTimer.
#[no_mangle]
pub unsafe extern "C" fn g1c_start_timer(t: *mut Timer) {
    let _l = crate::lock::rt();
    if (*t).status != TIMER_NO_STATUS {
        crate::panic::throw(b"startTimer called with initialized timer");
    }
    add(t, (*t).when);
}

/// `time.stopTimer(t) bool`: whether the timer was pending.
///
/// # Safety
/// `t` points at a time.runtimeTimer.
#[no_mangle]
pub unsafe extern "C" fn g1c_stop_timer(t: *mut Timer) -> bool {
    let _l = crate::lock::rt();
    del(t)
}

/// `time.resetTimer(t, when) bool`: whether the timer was pending.
///
/// # Safety
/// `t` points at a time.runtimeTimer.
#[no_mangle]
pub unsafe extern "C" fn g1c_reset_timer(t: *mut Timer, when: i64) -> bool {
    let _l = crate::lock::rt();
    reset(t, when)
}

/// `time.modTimer(t, when, period, f, arg, seq)`, its arguments as gc's ABI0 frame: `a` = [t, when, period,
/// f, arg type, arg data, seq].
///
/// # Safety
/// `a` points at the seven argument words; `a[0]` at a time.runtimeTimer.
#[no_mangle]
pub unsafe extern "C" fn g1c_mod_timer(a: *const usize) {
    let _l = crate::lock::rt();
    let t = *a as *mut Timer;
    del(t);
    (*t).period = *a.add(2) as i64;
    (*t).f = *a.add(3);
    (*t).arg_type = *a.add(4);
    (*t).arg_data = *a.add(5);
    (*t).seq = *a.add(6);
    add(t, *a.add(1) as i64);
}

#[cfg(test)]
mod tests {
    use super::*;

    static FIRED: std::sync::Mutex<Vec<usize>> = std::sync::Mutex::new(Vec::new());

    unsafe fn record(arg: usize, _seq: usize) {
        FIRED.lock().unwrap().push(arg);
    }

    fn fired() -> Vec<usize> {
        std::mem::take(&mut *FIRED.lock().unwrap())
    }

    #[test]
    fn timers_fire_in_deadline_order_and_stopped_ones_never() {
        let _l = crate::test_lock();
        let whens = [50i64, 10, 40, 30, 20, 60, 5, 45];
        let ts: Vec<*mut Timer> = whens
            .iter()
            .map(|&w| {
                let t = new_internal(record, w as usize, 0);
                // SAFETY: a fresh timer.
                unsafe { add(t, w) };
                t
            })
            .collect();
        // SAFETY: the timers are live (allocated above, nothing collects in unit tests).
        unsafe {
            assert!(del(ts[2]), "40 was pending");
            assert!(!del(ts[2]), "40 is no longer pending");
            assert!(reset(ts[0], 1), "50 was pending");
            assert!(!reset(ts[2], 25), "40 was stopped");
        }
        assert_eq!(earliest(), Some(1));
        assert!(run_due(30));
        assert_eq!(fired(), [50, 5, 10, 20, 40, 30]);
        assert!(!run_due(30));
        assert!(run_due(1000));
        assert_eq!(fired(), [45, 60]);
        assert_eq!(earliest(), None);
        // SAFETY: as above; every timer left the heap when it fired.
        unsafe { assert!(ts.iter().all(|&t| (*t).pp == 0 && (*t).status == TIMER_NO_STATUS)) };
    }

    #[test]
    fn a_periodic_timer_skips_the_periods_it_missed() {
        let _l = crate::test_lock();
        let t = new_internal(record, 7, 0);
        // SAFETY: a fresh timer, live for the test.
        unsafe {
            (*t).period = 10;
            add(t, 5);
            assert!(run_due(27));
            assert_eq!((*t).when, 35, "the next multiple of the period after 27");
            assert!(del(t));
        }
        assert_eq!(fired(), [7]);
    }
}
