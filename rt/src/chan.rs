//! Channels (runtime/chan.go): make, send, receive, close, len, cap, with gc's semantics.
//!
//! In: `g1c_makechan`, `g1c_chansend`, `g1c_chanrecv`, `g1c_closechan`, `g1c_chanlen`, `g1c_chancap` from
//! compiled code; elements are passed by address (the compiled code keeps them in stack slots). Out:
//! values moved between goroutines, blocked goroutines parked and readied through `sched`, gc's panics
//! (`send on closed channel`, `close of nil channel`, `close of closed channel`, `makechan: size out of
//! range`).
//!
//! Invariants: a channel's buffer is a ring of `dataqsiz` elements holding `qcount` of them from `recvx`;
//! a goroutine waits in at most one queue per channel operation (a select waits in several: its sudogs
//! share a `done` flag, and the first operation to take one of them sets it, so the others are skipped
//! and later removed by the select itself). Waiters are woken in FIFO order. The element a sender hands
//! to a waiting receiver is copied straight into the receiver's slot (and vice versa).

use crate::defer::{gopanic, Value};
use crate::sched::{self, G};

/// A goroutine waiting in a channel queue (gc's `sudog`), kept in the waiting goroutine's stack frame.
#[repr(C)]
pub struct Sudog {
    pub g: *mut G,
    /// Where the value comes from (send) or goes to (receive); may be null for a receive that drops it.
    pub elem: *mut u8,
    pub next: *mut Sudog,
    pub prev: *mut Sudog,
    pub c: *mut Chan,
    /// True when the operation completed by communication, false when woken by `close`.
    pub success: bool,
    /// For a select: the flag shared by its sudogs (null for a plain send or receive).
    pub done: *mut bool,
    /// For a select: the case this sudog stands for.
    pub case: usize,
    /// gc's `releasetime`: -1 while a waiter that times its wait for the block profile is parked (else 0);
    /// whoever wakes it writes the time, in CPU ticks.
    pub releasetime: i64,
}

/// A FIFO of waiting goroutines.
#[repr(C)]
pub struct WaitQ {
    pub first: *mut Sudog,
    pub last: *mut Sudog,
}

/// A channel (gc's `hchan`; `qcount` and `dataqsiz` come first as in gc, so `len`/`cap` are loads).
#[repr(C)]
pub struct Chan {
    pub qcount: usize,
    pub dataqsiz: usize,
    pub buf: *mut u8,
    pub elemsize: usize,
    pub closed: bool,
    pub sendx: usize,
    pub recvx: usize,
    pub recvq: WaitQ,
    pub sendq: WaitQ,
}

impl WaitQ {
    pub fn enqueue(&mut self, s: *mut Sudog) {
        // SAFETY: `s` lives in a parked goroutine's frame until it is dequeued.
        unsafe {
            (*s).next = core::ptr::null_mut();
            (*s).prev = self.last;
            if self.last.is_null() {
                self.first = s;
            } else {
                (*self.last).next = s;
            }
        }
        self.last = s;
    }

    pub fn remove(&mut self, s: *mut Sudog) {
        // SAFETY: `s` is on this queue.
        unsafe {
            let (p, n) = ((*s).prev, (*s).next);
            if p.is_null() {
                if self.first != s {
                    return; // not queued (already taken)
                }
                self.first = n;
            } else {
                (*p).next = n;
            }
            if n.is_null() {
                self.last = p;
            } else {
                (*n).prev = p;
            }
            (*s).next = core::ptr::null_mut();
            (*s).prev = core::ptr::null_mut();
        }
    }

    /// The first waiter whose operation can still happen (a select that already fired is skipped).
    pub fn dequeue(&mut self) -> *mut Sudog {
        loop {
            let s = self.first;
            if s.is_null() {
                return s;
            }
            self.remove(s);
            // SAFETY: as for `enqueue`.
            unsafe {
                if !(*s).done.is_null() {
                    if *(*s).done {
                        continue;
                    }
                    *(*s).done = true;
                }
            }
            return s;
        }
    }
}

fn copy(dst: *mut u8, src: *const u8, n: usize) {
    if n > 0 && !dst.is_null() {
        // SAFETY: both point at elements of `n` bytes.
        unsafe { crate::arch::amd64::copy_bytes(dst, src, n) };
    }
}

fn zero(dst: *mut u8, n: usize) {
    if n > 0 && !dst.is_null() {
        // SAFETY: `dst` points at an element of `n` bytes.
        unsafe { crate::arch::amd64::fill_bytes(dst, 0, n) };
    }
}

/// Wakes the goroutine of `s` with outcome `success`.
fn wake(s: *mut Sudog, success: bool) {
    // SAFETY: `s` was just dequeued; its goroutine is parked.
    unsafe {
        (*s).success = success;
        if (*s).releasetime != 0 {
            (*s).releasetime = crate::arch::amd64::cputicks();
        }
        (*(*s).g).param = s as usize;
        sched::ready((*s).g);
    }
}

/// `make(chan T, size)` with `T`'s descriptor (gc's `makechan(t, size)`): the buffer is typed for the
/// collector.
///
/// # Safety
/// `et` is a type descriptor.
#[no_mangle]
pub unsafe extern "C" fn g1c_makechan_typed(et: *const crate::iface::Type, size: i64) -> *mut Chan {
    let et = &*et;
    make_chan(et.size, size, |n| crate::mem::alloc_typed(et, n, n * et.size))
}

/// `make(chan T, size)` knowing only `T`'s size: the buffer is scanned conservatively.
#[no_mangle]
pub extern "C" fn g1c_makechan(elemsize: usize, size: i64) -> *mut Chan {
    make_chan(elemsize, size, |n| crate::mem::alloc(n * elemsize))
}

fn make_chan(elemsize: usize, size: i64, new_buf: impl FnOnce(usize) -> *mut u8) -> *mut Chan {
    if size < 0 || (size as u128) * (elemsize as u128) > (crate::mem::MAX_ALLOC as u128) {
        gopanic(Value::Plain(b"makechan: size out of range"));
    }
    // The header is scanned conservatively: its pointers (the buffer, the wait queues' sudogs, which live
    // in parked goroutines' frames) sit among counts and indices that never look like heap addresses.
    let c = crate::mem::alloc(core::mem::size_of::<Chan>()) as *mut Chan;
    // SAFETY: fresh zeroed memory of the right size.
    unsafe {
        (*c).dataqsiz = size as usize;
        (*c).elemsize = elemsize;
        (*c).buf = new_buf(size as usize);
    }
    c
}

impl Chan {
    fn slot(&self, i: usize) -> *mut u8 {
        // SAFETY: i < dataqsiz.
        unsafe { self.buf.add(i * self.elemsize) }
    }

    /// Tries to send without blocking; false when the sender would have to wait.
    pub fn try_send(&mut self, elem: *const u8) -> bool {
        if self.closed {
            gopanic(Value::Plain(b"send on closed channel"));
        }
        let r = self.recvq.dequeue();
        if !r.is_null() {
            // SAFETY: a dequeued receiver's slot is valid.
            copy(unsafe { (*r).elem }, elem, self.elemsize);
            wake(r, true);
            return true;
        }
        if self.qcount < self.dataqsiz {
            copy(self.slot(self.sendx), elem, self.elemsize);
            self.sendx = (self.sendx + 1) % self.dataqsiz;
            self.qcount += 1;
            return true;
        }
        false
    }

    /// Tries to receive without blocking: Some(ok) when done (ok false: closed and empty).
    pub fn try_recv(&mut self, elem: *mut u8) -> Option<bool> {
        let s = self.sendq.dequeue();
        if !s.is_null() {
            // SAFETY: a dequeued sender's value is valid.
            let src = unsafe { (*s).elem };
            if self.dataqsiz == 0 {
                copy(elem, src, self.elemsize);
            } else {
                // The buffer is full: take its head, put the sender's value at its tail.
                copy(elem, self.slot(self.recvx), self.elemsize);
                copy(self.slot(self.recvx), src, self.elemsize);
                self.recvx = (self.recvx + 1) % self.dataqsiz;
                self.sendx = self.recvx;
            }
            wake(s, true);
            return Some(true);
        }
        if self.qcount > 0 {
            copy(elem, self.slot(self.recvx), self.elemsize);
            zero(self.slot(self.recvx), self.elemsize);
            self.recvx = (self.recvx + 1) % self.dataqsiz;
            self.qcount -= 1;
            return Some(true);
        }
        if self.closed {
            zero(elem, self.elemsize);
            return Some(false);
        }
        None
    }
}

/// Parks the running goroutine forever (a nil channel, an empty select).
pub fn block_forever(reason: &'static [u8]) -> ! {
    loop {
        sched::park(reason);
    }
}

/// A sudog for the running goroutine; `t0` is when it began to wait, when the block profile is on (else 0).
fn sudog(c: *mut Chan, elem: *mut u8, t0: i64) -> Sudog {
    Sudog {
        g: sched::curg(),
        elem,
        next: core::ptr::null_mut(),
        prev: core::ptr::null_mut(),
        c,
        success: false,
        done: core::ptr::null_mut(),
        case: 0,
        releasetime: if t0 != 0 { -1 } else { 0 },
    }
}

/// When the running goroutine begins to block, in CPU ticks, while the block profile samples (gc's `t0`);
/// else 0.
pub fn block_start() -> i64 {
    if crate::mprof::block_on() {
        crate::arch::amd64::cputicks().max(1)
    } else {
        0
    }
}

/// A blocked operation that timed its wait from `t0` was woken at `releasetime`: a block profile event for
/// the Go frames above the rt frame `fp` (gc's `blockevent`).
pub fn block_end(t0: i64, releasetime: i64, fp: usize) {
    if t0 != 0 && releasetime > 0 {
        // SAFETY: `fp` is a frame of the running goroutine's rt code.
        unsafe { crate::mprof::block_event(releasetime - t0, 0, fp) };
    }
}

/// `c <- *elem`.
#[no_mangle]
pub extern "C" fn g1c_chansend(c: *mut Chan, elem: *const u8) {
    let _l = crate::lock::rt();
    if c.is_null() {
        block_forever(b"chan send (nil chan)");
    }
    // SAFETY: a non-nil channel made by g1c_makechan.
    let ch = unsafe { &mut *c };
    if ch.try_send(elem) {
        return;
    }
    let t0 = block_start();
    let mut s = sudog(c, elem as *mut u8, t0);
    ch.sendq.enqueue(&mut s);
    sched::park(b"chan send");
    block_end(t0, s.releasetime, crate::arch::amd64::frame_pointer());
    if !s.success {
        gopanic(Value::Plain(b"send on closed channel"));
    }
}

/// `*elem, ok = <-c` (elem may be null when the value is dropped).
#[no_mangle]
pub extern "C" fn g1c_chanrecv(c: *mut Chan, elem: *mut u8) -> bool {
    let _l = crate::lock::rt();
    if c.is_null() {
        block_forever(b"chan receive (nil chan)");
    }
    // SAFETY: as in g1c_chansend.
    let ch = unsafe { &mut *c };
    if let Some(ok) = ch.try_recv(elem) {
        return ok;
    }
    let t0 = block_start();
    let mut s = sudog(c, elem, t0);
    ch.recvq.enqueue(&mut s);
    sched::park(b"chan receive");
    block_end(t0, s.releasetime, crate::arch::amd64::frame_pointer());
    s.success
}

/// `close(c)`.
#[no_mangle]
pub extern "C" fn g1c_closechan(c: *mut Chan) {
    let _l = crate::lock::rt();
    if c.is_null() {
        gopanic(Value::Plain(b"close of nil channel"));
    }
    // SAFETY: as in g1c_chansend.
    let ch = unsafe { &mut *c };
    if ch.closed {
        gopanic(Value::Plain(b"close of closed channel"));
    }
    ch.closed = true;
    // gc's closechan gathers the receivers, then the senders, on a stack and readies them from its top:
    // with runnext (more than one P) the first waiter runs next and the others follow newest first, the
    // order in which, say, package testing's parallel subtests released by `close(barrier)` continue.
    // With one P the queue stays first in, first out (sched::ready), so the waiters are readied in order.
    let mut stack: *mut Sudog = core::ptr::null_mut();
    let mut n = 0usize;
    loop {
        let r = ch.recvq.dequeue();
        if r.is_null() {
            break;
        }
        // SAFETY: a dequeued receiver's slot is valid; `next` is free once the sudog is off the queue.
        unsafe {
            zero((*r).elem, ch.elemsize);
            (*r).next = stack;
        }
        stack = r;
        n += 1;
    }
    loop {
        let s = ch.sendq.dequeue();
        if s.is_null() {
            break;
        }
        // SAFETY: as above.
        unsafe { (*s).next = stack };
        stack = s;
        n += 1;
    }
    if n > 1 && crate::sched::sched().gomaxprocs == 1 {
        stack = reverse(stack);
    }
    while !stack.is_null() {
        // SAFETY: the sudogs were dequeued above; `next` is read before the goroutine may run again.
        let next = unsafe { (*stack).next };
        wake(stack, false);
        stack = next;
    }
}

/// Reverses a list of sudogs linked through `next`.
fn reverse(mut s: *mut Sudog) -> *mut Sudog {
    let mut out: *mut Sudog = core::ptr::null_mut();
    while !s.is_null() {
        // SAFETY: the caller's dequeued sudogs.
        unsafe {
            let next = (*s).next;
            (*s).next = out;
            out = s;
            s = next;
        }
    }
    out
}

/// `len(c)` (0 for nil).
#[no_mangle]
pub extern "C" fn g1c_chanlen(c: *const Chan) -> i64 {
    // SAFETY: a channel or nil.
    if c.is_null() {
        0
    } else {
        unsafe { (*c).qcount as i64 }
    }
}

/// `cap(c)` (0 for nil).
#[no_mangle]
pub extern "C" fn g1c_chancap(c: *const Chan) -> i64 {
    // SAFETY: a channel or nil.
    if c.is_null() {
        0
    } else {
        unsafe { (*c).dataqsiz as i64 }
    }
}
