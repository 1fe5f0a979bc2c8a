//! `select` (runtime/select.go): picks a ready case at random, or blocks on all of them.
//!
//! In: `g1c_selectgo(cases, n, block)` with an array of [`Scase`] in the compiled code's frame (one per
//! send or receive case, in source order; the default case is not in the array, `block == 0` says it
//! exists), and `g1c_block()` for `select {}`. Out: the index of the chosen case (-1: the default) and,
//! for a receive, whether a value was received (false: the channel is closed).
//!
//! Fairness as in gc: the cases are polled in a random order (a fresh permutation per select), so no case
//! starves when several are ready. Cases on nil channels never proceed.

use crate::chan::{block_forever, Chan, Sudog};
use crate::defer::{gopanic, Value};
use crate::sched;
use crate::Global;

/// One case as the compiled code lays it out (24 bytes).
#[repr(C)]
pub struct Scase {
    pub c: *mut Chan,
    /// The value to send, or where a received value goes (may be null: value not used).
    pub elem: *mut u8,
    /// [`SEND`] or [`RECV`].
    pub dir: u64,
}

pub const SEND: u64 = 1;
pub const RECV: u64 = 2;

/// The most cases a select may have: gc's limit (a larger select statement is rejected by the compiler,
/// a larger reflect.Select by reflect), so every case index fits the `u16` of the poll order.
const MAX_CASES: usize = 65536;

/// Selects with at most this many cases keep their poll order in the stack frame (2 KiB, well within the
/// headroom the runtime's frames run in), larger ones on the heap.
const INLINE_ORDER: usize = 1024;

/// Selects with at most this many cases keep their sudogs in the stack frame.
const INLINE: usize = 8;

static RAND: Global<u64> = Global::new(0x9E37_79B9_7F4A_7C15);

/// A fast pseudo-random number (xorshift64*), like gc's fastrand.
pub fn fastrand() -> u64 {
    // SAFETY: one thread.
    unsafe {
        let s = &mut *RAND.get();
        *s ^= *s >> 12;
        *s ^= *s << 25;
        *s ^= *s >> 27;
        s.wrapping_mul(0x2545_F491_4F6C_DD1D)
    }
}

/// `select {}`: blocks forever.
#[no_mangle]
pub extern "C" fn g1c_block() -> ! {
    let _l = crate::lock::rt();
    block_forever(b"select (no cases)")
}

/// The select statement. Returns (chosen case, received) in RAX:RDX.
///
/// # Safety
/// `cases` must hold `n` valid cases.
#[no_mangle]
pub unsafe extern "C" fn g1c_selectgo(cases: *mut Scase, n: usize, block: u8) -> crate::Pair {
    let _l = crate::lock::rt();
    if n > MAX_CASES {
        crate::panic::throw(b"select: too many cases");
    }
    let cases = core::slice::from_raw_parts_mut(cases, n);
    // A random poll order (Fisher–Yates).
    let mut inline_order = [0u16; INLINE_ORDER];
    let order: &mut [u16] = if n <= INLINE_ORDER {
        &mut inline_order[..n]
    } else {
        core::slice::from_raw_parts_mut(crate::mem::alloc_noscan(n * 2) as *mut u16, n)
    };
    for i in 0..n {
        let j = (fastrand() % (i as u64 + 1)) as usize;
        order[i] = order[j];
        order[j] = i as u16;
    }
    for &i in order.iter() {
        let sc = &cases[i as usize];
        if sc.c.is_null() {
            continue;
        }
        let ch = &mut *sc.c;
        if sc.dir == SEND {
            if ch.try_send(sc.elem) {
                return crate::Pair { a: i as usize, b: 0 };
            }
        } else if let Some(ok) = ch.try_recv(sc.elem) {
            return crate::Pair { a: i as usize, b: ok as usize };
        }
    }
    if block == 0 {
        return crate::Pair { a: usize::MAX, b: 0 };
    }
    if cases.iter().all(|c| c.c.is_null()) {
        block_forever(b"select");
    }
    // Wait on every channel at once; the first to take one of our sudogs sets `done`.
    let mut done = false;
    let g = sched::curg();
    let t0 = crate::chan::block_start();
    // The sudogs live in this frame (which stays while we are parked) for small selects, else on the heap.
    let mut inline: [core::mem::MaybeUninit<Sudog>; INLINE] = core::mem::MaybeUninit::uninit().assume_init();
    let sgs: &mut [core::mem::MaybeUninit<Sudog>] = if n <= INLINE {
        &mut inline[..n]
    } else {
        // Conservative: sudogs are rt records of pointers (goroutine, channel, element) and flags.
        let p = crate::mem::alloc(n * core::mem::size_of::<Sudog>()) as *mut core::mem::MaybeUninit<Sudog>;
        core::slice::from_raw_parts_mut(p, n)
    };
    for (i, sc) in cases.iter().enumerate() {
        if sc.c.is_null() {
            continue;
        }
        let s = sgs[i].as_mut_ptr();
        s.write(Sudog {
            g,
            elem: sc.elem,
            next: core::ptr::null_mut(),
            prev: core::ptr::null_mut(),
            c: sc.c,
            success: false,
            done: &mut done,
            case: i,
            releasetime: if t0 != 0 { -1 } else { 0 },
        });
        if sc.dir == SEND {
            (*sc.c).sendq.enqueue(s);
        } else {
            (*sc.c).recvq.enqueue(s);
        }
    }
    sched::park(b"select");
    let won = (*g).param as *mut Sudog;
    (*g).param = 0;
    for (i, sc) in cases.iter().enumerate() {
        if sc.c.is_null() {
            continue;
        }
        let s = sgs[i].as_mut_ptr();
        if s == won {
            continue;
        }
        if sc.dir == SEND {
            (*sc.c).sendq.remove(s);
        } else {
            (*sc.c).recvq.remove(s);
        }
    }
    crate::chan::block_end(t0, (*won).releasetime, crate::arch::amd64::frame_pointer());
    let i = (*won).case;
    if cases[i].dir == SEND {
        if !(*won).success {
            gopanic(Value::Plain(b"send on closed channel"));
        }
        return crate::Pair { a: i, b: 0 };
    }
    crate::Pair { a: i, b: (*won).success as usize }
}
