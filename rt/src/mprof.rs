//! The mutex profile (gc's mprof.go, `mutexProfile`): contention on sync's mutexes, sampled at the rate
//! `runtime.SetMutexProfileFraction` sets, with the stack of the goroutine that released the contended
//! mutex, as `runtime.MutexProfile` and runtime/pprof's "mutex" profile report it.
//!
//! In: `event` from `sema::g1c_semrelease` when it wakes a waiter that recorded when it began to wait
//! (`acquiretime`, set only while the rate is positive); the rate and the records through package runtime's
//! body-less `SetMutexProfileFraction` and `mutexProfile` (trampolines below). Out: one bucket per distinct
//! stack, with gc's counters: the number of sampled events and the CPU ticks (`cputicks`) waited in them.
//!
//! Invariants: the buckets are touched only under the runtime lock; they live on the collected heap, kept
//! alive by `BUCKETS` (the data segment is a root). A stack holds at most `MAX_STACK` return addresses, as
//! gc's `maxStack` (a `StackRecord` has that many slots). Buckets are never removed, as in gc.

use crate::Global;

/// gc's `maxStack`.
const MAX_STACK: usize = 32;

/// One distinct stack's counters (gc's `bucket` with its `blockRecord`).
#[repr(C)]
struct Bucket {
    next: *mut Bucket,
    count: i64,
    cycles: i64,
    stk: [usize; MAX_STACK],
}

struct Profile {
    /// gc's `mutexprofilerate`: on average one event in `rate` is recorded; 0 is off.
    rate: i64,
    /// Newest first, as gc's `xbuckets` list.
    buckets: *mut Bucket,
}

static PROFILE: Global<Profile> = Global::new(Profile { rate: 0, buckets: core::ptr::null_mut() });

fn profile() -> &'static mut Profile {
    // SAFETY: callers hold the runtime lock (see the module's invariants).
    unsafe { &mut *PROFILE.get() }
}

/// Whether contention is being sampled: a waiter then records when it began to wait (gc's
/// `semacquire1` reads `mutexprofilerate` the same way).
pub fn on() -> bool {
    let _l = crate::lock::rt();
    profile().rate > 0
}

/// gc's `mutexevent`: a waiter waited `cycles` ticks for a mutex that the running goroutine released; one
/// event in `rate` is recorded with the releaser's stack, the first `skip` Go frames above the trampoline
/// frame `fp` left out (sync's `skipframes`: they are sync's own, `unlockSlow`).
///
/// # Safety
/// `fp` is the frame pointer of the trampoline the running goroutine called sync's hook through.
pub unsafe fn event(cycles: i64, skip: usize, fp: usize) {
    let _l = crate::lock::rt();
    let p = profile();
    if p.rate <= 0 || (crate::syscall::g1c_fastrand() as i64) % p.rate != 0 {
        return;
    }
    let mut stk = [0usize; MAX_STACK];
    let (mut n, mut seen) = (0, 0);
    crate::gohooks::go_frames(fp, &mut |ra| {
        if seen < skip {
            seen += 1;
            return true;
        }
        stk[n] = ra as usize;
        n += 1;
        n < MAX_STACK
    });
    let mut b = p.buckets;
    while !b.is_null() && (*b).stk != stk {
        b = (*b).next;
    }
    if b.is_null() {
        b = crate::mem::g1c_alloc(core::mem::size_of::<Bucket>()) as *mut Bucket;
        *b = Bucket { next: p.buckets, count: 0, cycles: 0, stk };
        p.buckets = b;
    }
    (*b).count += 1;
    (*b).cycles += cycles.max(0);
}

/// `runtime.SetMutexProfileFraction(rate)`: the previous rate; a negative `rate` only reads it.
#[no_mangle]
pub extern "C" fn g1c_set_mutex_profile_fraction(rate: i64) -> i64 {
    let _l = crate::lock::rt();
    let p = profile();
    let old = p.rate;
    if rate >= 0 {
        p.rate = rate;
    }
    old
}

/// The layout of gc's `runtime.BlockProfileRecord`: Count, Cycles, then a `StackRecord` (its return
/// addresses, the unused ones zero).
#[repr(C)]
struct BlockProfileRecord {
    count: i64,
    cycles: i64,
    stack0: [usize; MAX_STACK],
}

/// `runtime.MutexProfile(p)`'s work: the number of records; when `len` is at least that, the records are
/// copied to `p`, newest first as gc lists them.
///
/// # Safety
/// `p` points at `len` BlockProfileRecords.
#[no_mangle]
pub unsafe extern "C" fn g1c_mutex_profile(p: *mut u8, len: usize) -> usize {
    let _l = crate::lock::rt();
    let mut n = 0;
    let mut b = profile().buckets;
    while !b.is_null() {
        n += 1;
        b = (*b).next;
    }
    if n <= len {
        let out = p as *mut BlockProfileRecord;
        let mut b = profile().buckets;
        let mut i = 0;
        while !b.is_null() {
            *out.add(i) = BlockProfileRecord { count: (*b).count, cycles: (*b).cycles, stack0: (*b).stk };
            i += 1;
            b = (*b).next;
        }
    }
    n
}

// runtime.SetMutexProfileFraction(rate int) int: rate +16, result +24. runtime.mutexProfile(p
// []BlockProfileRecord) int (lib/runtime's MutexProfile calls it): p +16 (pointer), +24 (length), +32
// (capacity), result +40.
#[cfg(not(test))]
core::arch::global_asm!(
    ".globl \"runtime.SetMutexProfileFraction\"",
    "\"runtime.SetMutexProfileFraction\":",
    "    push rbp",
    "    mov rbp, rsp",
    "    mov rdi, [rbp + 16]",
    "    call g1c_set_mutex_profile_fraction",
    "    mov [rbp + 24], rax",
    "    pop rbp",
    "    ret",
    ".globl \"runtime.mutexProfile\"",
    "\"runtime.mutexProfile\":",
    "    push rbp",
    "    mov rbp, rsp",
    "    mov rdi, [rbp + 16]",
    "    mov rsi, [rbp + 24]",
    "    call g1c_mutex_profile",
    "    mov [rbp + 40], rax",
    "    pop rbp",
    "    ret",
);
