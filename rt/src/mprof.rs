//! The profiles of rt's own bookkeeping (gc's mprof.go): the heap profile (below), the block profile
//! (`blockProfile`: time goroutines spent blocked on channels, select and sync's semaphores and notify
//! lists, sampled at the rate `runtime.SetBlockProfileRate` sets, with the stack of the goroutine that
//! blocked) and the mutex profile (`mutexProfile`: contention on sync's mutexes, sampled at the rate
//! `runtime.SetMutexProfileFraction` sets, with the stack of the goroutine that released the contended
//! mutex), as `runtime.BlockProfile`, `runtime.MutexProfile` and runtime/pprof's "block" and "mutex"
//! profiles report them.
//!
//! In: `event` from `sema::g1c_semrelease` when it wakes a waiter that recorded when it began to wait
//! (`acquiretime`, set only while the mutex rate is positive); `block_event` from `chan`, `select` and
//! `sema` when a goroutine that timed its wait (only while the block rate is positive, `block_on`) resumes,
//! with the ticks between the start of its wait and its wake-up (gc's `releasetime - t0`); the rates and
//! the records through package runtime's body-less `SetBlockProfileRate`, `SetMutexProfileFraction`,
//! `blockProfile` and `mutexProfile` (trampolines below). Out: one bucket per distinct stack, with gc's
//! counters: the (bias-corrected) number of events and the CPU ticks (`cputicks`) waited in them.
//!
//! Invariants: the buckets are touched only under the runtime lock; they live on the collected heap, kept
//! alive by `MUTEX` and `BLOCK` (the data segment is a root). A stack holds at most `MAX_STACK` return
//! addresses, as gc's `maxStack` (a `StackRecord` has that many slots). Buckets are never removed, as in gc.

use crate::Global;

/// gc's `maxStack`.
pub const MAX_STACK: usize = 32;

/// One distinct stack's counters (gc's `bucket` with its `blockRecord`).
#[repr(C)]
struct Bucket {
    next: *mut Bucket,
    /// Events; a float as gc's, because a sampled short block event counts for `rate / cycles` of them.
    count: f64,
    cycles: i64,
    stk: [usize; MAX_STACK],
}

struct Profile {
    /// gc's `mutexprofilerate` (on average one event in `rate` is recorded) or `blockprofilerate` (an event
    /// of at least `rate` ticks is recorded, a shorter one with probability cycles / rate); 0 is off.
    rate: i64,
    /// Newest first, as gc's `xbuckets` and `bbuckets` lists.
    buckets: *mut Bucket,
}

static MUTEX: Global<Profile> = Global::new(Profile { rate: 0, buckets: core::ptr::null_mut() });
static BLOCK: Global<Profile> = Global::new(Profile { rate: 0, buckets: core::ptr::null_mut() });

fn mutex_profile() -> &'static mut Profile {
    // SAFETY: callers hold the runtime lock (see the module's invariants).
    unsafe { &mut *MUTEX.get() }
}

fn block_profile() -> &'static mut Profile {
    // SAFETY: callers hold the runtime lock (see the module's invariants).
    unsafe { &mut *BLOCK.get() }
}

/// Whether contention is being sampled: a waiter then records when it began to wait (gc's
/// `semacquire1` reads `mutexprofilerate` the same way).
pub fn on() -> bool {
    let _l = crate::lock::rt();
    mutex_profile().rate > 0
}

/// Whether blocking is being sampled: a goroutine about to block then takes the time (gc's `t0`).
pub fn block_on() -> bool {
    let _l = crate::lock::rt();
    block_profile().rate > 0
}

/// The running goroutine's Go frames above the frame `fp`, the first `skip` left out.
///
/// # Safety
/// `fp` is a frame pointer of the running goroutine's chain.
unsafe fn stack_above(fp: usize, skip: usize) -> [usize; MAX_STACK] {
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
    stk
}

/// The bucket of `stk` in `p`, made when new (gc's `stkbucket`).
///
/// # Safety
/// Under the runtime lock.
unsafe fn bucket(p: &mut Profile, stk: &[usize; MAX_STACK]) -> *mut Bucket {
    let mut b = p.buckets;
    while !b.is_null() && (*b).stk != *stk {
        b = (*b).next;
    }
    if b.is_null() {
        b = crate::mem::g1c_alloc(core::mem::size_of::<Bucket>()) as *mut Bucket;
        *b = Bucket { next: p.buckets, count: 0.0, cycles: 0, stk: *stk };
        p.buckets = b;
    }
    b
}

/// gc's `mutexevent`: a waiter waited `cycles` ticks for a mutex that the running goroutine released; one
/// event in `rate` is recorded with the releaser's stack, the first `skip` Go frames above the trampoline
/// frame `fp` left out (sync's `skipframes`: they are sync's own, `unlockSlow`).
///
/// # Safety
/// `fp` is the frame pointer of the trampoline the running goroutine called sync's hook through.
pub unsafe fn event(cycles: i64, skip: usize, fp: usize) {
    let _l = crate::lock::rt();
    let p = mutex_profile();
    if p.rate <= 0 || (crate::syscall::g1c_fastrand() as i64) % p.rate != 0 {
        return;
    }
    let stk = stack_above(fp, skip);
    let b = bucket(p, &stk);
    (*b).count += 1.0;
    (*b).cycles += cycles.max(0);
}

/// gc's `blockevent`: the running goroutine was blocked for `cycles` ticks. An event of at least the rate
/// is recorded; a shorter one with probability `cycles / rate`, and then counts for `rate / cycles` events
/// of `rate` ticks in all (gc's correction of the sampling bias). The stack is the goroutine's Go frames
/// above the frame `fp`, the first `skip` left out (gc's skip counts its runtime frames too, which have no
/// counterpart in rt: the stack starts at the Go function that called the channel operation, `select`,
/// or sync's blocking function, as gc's does once its runtime frames are skipped).
///
/// # Safety
/// `fp` is a frame pointer of the running goroutine's chain (an rt frame below its Go caller).
pub unsafe fn block_event(cycles: i64, skip: usize, fp: usize) {
    let cycles = cycles.max(1);
    let _l = crate::lock::rt();
    let p = block_profile();
    let rate = p.rate;
    if rate <= 0 || (rate > cycles && (crate::syscall::g1c_fastrand() as i64) % rate > cycles) {
        return;
    }
    let stk = stack_above(fp, skip);
    let b = bucket(p, &stk);
    if cycles < rate {
        (*b).count += rate as f64 / cycles as f64;
        (*b).cycles += rate;
    } else {
        (*b).count += 1.0;
        (*b).cycles += cycles;
    }
}

/// `runtime.SetMutexProfileFraction(rate)`: the previous rate; a negative `rate` only reads it.
#[no_mangle]
pub extern "C" fn g1c_set_mutex_profile_fraction(rate: i64) -> i64 {
    let _l = crate::lock::rt();
    let p = mutex_profile();
    let old = p.rate;
    if rate >= 0 {
        p.rate = rate;
    }
    old
}

/// `runtime.SetBlockProfileRate(rate)`: one blocking event per `rate` nanoseconds spent blocked is
/// sampled (1: every event; 0 or less: off). rt keeps the rate in CPU ticks, as gc does.
#[no_mangle]
pub extern "C" fn g1c_set_block_profile_rate(rate: i64) {
    let r = match rate {
        i64::MIN..=0 => 0,
        1 => 1,
        _ => {
            let tps = crate::rtface::g1c_cycles_per_second();
            ((rate as f64 * tps as f64 / 1e9) as i64).max(1)
        }
    };
    let _l = crate::lock::rt();
    block_profile().rate = r;
}

/// The layout of gc's `runtime.BlockProfileRecord`: Count, Cycles, then a `StackRecord` (its return
/// addresses, the unused ones zero).
#[repr(C)]
struct BlockProfileRecord {
    count: i64,
    cycles: i64,
    stack0: [usize; MAX_STACK],
}

/// The records of `p`: their number; when `len` is at least that, they are copied to `out`, newest first
/// as gc lists them, each count at least 1 (gc's guard against dividing by it).
///
/// # Safety
/// `out` points at `len` BlockProfileRecords.
unsafe fn records(p: &Profile, out: *mut u8, len: usize) -> usize {
    let mut n = 0;
    let mut b = p.buckets;
    while !b.is_null() {
        n += 1;
        b = (*b).next;
    }
    if n <= len {
        let out = out as *mut BlockProfileRecord;
        let mut b = p.buckets;
        let mut i = 0;
        while !b.is_null() {
            let count = ((*b).count as i64).max(1);
            *out.add(i) = BlockProfileRecord { count, cycles: (*b).cycles, stack0: (*b).stk };
            i += 1;
            b = (*b).next;
        }
    }
    n
}

/// `runtime.MutexProfile(p)`'s work (see `records`).
///
/// # Safety
/// `p` points at `len` BlockProfileRecords.
#[no_mangle]
pub unsafe extern "C" fn g1c_mutex_profile(p: *mut u8, len: usize) -> usize {
    let _l = crate::lock::rt();
    records(mutex_profile(), p, len)
}

/// `runtime.BlockProfile(p)`'s work (see `records`).
///
/// # Safety
/// `p` points at `len` BlockProfileRecords.
#[no_mangle]
pub unsafe extern "C" fn g1c_block_profile(p: *mut u8, len: usize) -> usize {
    let _l = crate::lock::rt();
    records(block_profile(), p, len)
}

/// `runtime/pprof.blockevent(cycles, skip)` (gc's `runtime.blockevent`, which runtime/pprof's tests link
/// to): a block event of `cycles` ticks for the Go function calling it when `skip` is 1, as in gc, where
/// skip 0 would be `blockevent` itself. `fp` is the trampoline's frame.
///
/// # Safety
/// `fp` is the trampoline's frame pointer.
#[no_mangle]
pub unsafe extern "C" fn g1c_blockevent(cycles: i64, skip: i64, fp: usize) {
    block_event(cycles, (skip - 1).max(0) as usize, fp);
}

// runtime.SetMutexProfileFraction(rate int) int: rate +16, result +24. runtime.SetBlockProfileRate(rate
// int): rate +16. runtime.mutexProfile(p []BlockProfileRecord) int and runtime.blockProfile (lib/runtime's
// MutexProfile and BlockProfile call them): p +16 (pointer), +24 (length), +32 (capacity), result +40.
// runtime/pprof.blockevent(cycles int64, skip int): +16, +24.
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
    ".globl \"runtime.SetBlockProfileRate\"",
    "\"runtime.SetBlockProfileRate\":",
    "    push rbp",
    "    mov rbp, rsp",
    "    mov rdi, [rbp + 16]",
    "    call g1c_set_block_profile_rate",
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
    ".globl \"runtime.blockProfile\"",
    "\"runtime.blockProfile\":",
    "    push rbp",
    "    mov rbp, rsp",
    "    mov rdi, [rbp + 16]",
    "    mov rsi, [rbp + 24]",
    "    call g1c_block_profile",
    "    mov [rbp + 40], rax",
    "    pop rbp",
    "    ret",
    ".globl \"runtime/pprof.blockevent\"",
    "\"runtime/pprof.blockevent\":",
    "    push rbp",
    "    mov rbp, rsp",
    "    mov rdi, [rbp + 16]",
    "    mov rsi, [rbp + 24]",
    "    mov rdx, rbp",
    "    call g1c_blockevent",
    "    pop rbp",
    "    ret",
);

// The heap profile (gc's mprof.go: `mProf_Malloc`, `mProf_Free`, the three future cycles, `MemProfile`).
//
// In: `malloc` from the allocator's locked path (`mem::alloc_locked`) for an allocation its P's countdown
// (`next_sample`) chose; `sweep` from `mem::Heap::sweep` at the start of every sweep, with the world
// stopped and the mark bits set; package runtime's `MemProfile` (trampoline below). Out: one bucket per
// (stack, object size) with gc's counters, published as gc publishes them: an allocation or free is
// counted in a future cycle and becomes visible only once the collection after it has swept, so that a
// profile shows a consistent heap as of the last collection; `MemProfile` before any collection shows
// everything.
//
// Invariants: under the runtime lock. Buckets and the records of sampled objects live outside the
// collected heap (mapped pages, never freed): a record must not keep its object alive, and sampling runs
// inside the allocator, where allocating from the heap again could start a collection.

/// gc's `memRecordCycle`: what a bucket's objects did in one profiling cycle.
#[derive(Clone, Copy)]
struct MemCycle {
    allocs: u64,
    frees: u64,
    alloc_bytes: u64,
    free_bytes: u64,
}

const NO_EVENTS: MemCycle = MemCycle { allocs: 0, frees: 0, alloc_bytes: 0, free_bytes: 0 };

impl MemCycle {
    fn add(&mut self, o: &MemCycle) {
        self.allocs += o.allocs;
        self.frees += o.frees;
        self.alloc_bytes += o.alloc_bytes;
        self.free_bytes += o.free_bytes;
    }
}

/// One (stack, size) of sampled allocations (gc's `bucket` with its `memRecord`).
struct MemBucket {
    /// Every bucket, newest first (gc's `mbuckets` list), and the next one of the same hash.
    all_next: *mut MemBucket,
    hash_next: *mut MemBucket,
    size: usize,
    stk: [usize; MAX_STACK],
    /// Published counts, and the cycles not yet published: index `cycle % 3` is being flushed, `cycle + 1`
    /// collects this cycle's frees, `cycle + 2` its allocations.
    active: MemCycle,
    future: [MemCycle; 3],
}

/// A sampled object that is still allocated (gc's `specialprofile`).
struct Sampled {
    next: *mut Sampled,
    addr: usize,
    size: usize,
    bucket: *mut MemBucket,
}

const HASH_SIZE: usize = 1 << 12;

struct MemProf {
    cycle: usize,
    buckets: *mut MemBucket,
    hash: *mut *mut MemBucket,
    sampled: *mut Sampled,
    spare: *mut Sampled,
    /// The bump region the records come from, and the bytes mapped for it (MemStats.BuckHashSys).
    next: usize,
    end: usize,
    pub mapped: usize,
}

static MEM: Global<MemProf> = Global::new(MemProf {
    cycle: 0,
    buckets: core::ptr::null_mut(),
    hash: core::ptr::null_mut(),
    sampled: core::ptr::null_mut(),
    spare: core::ptr::null_mut(),
    next: 0,
    end: 0,
    mapped: 0,
});

fn mem_prof() -> &'static mut MemProf {
    // SAFETY: callers hold the runtime lock.
    unsafe { &mut *MEM.get() }
}

/// Bytes mapped for the heap profile's records (MemStats.BuckHashSys).
pub fn bucket_bytes() -> u64 {
    let _l = crate::lock::rt();
    mem_prof().mapped as u64
}

impl MemProf {
    /// `size` bytes of zeroed memory outside the collected heap, 8-aligned.
    fn record(&mut self, size: usize) -> *mut u8 {
        if self.next + size > self.end {
            const CHUNK: usize = 256 << 10;
            let p = crate::os::linux::mmap_anon(CHUNK).unwrap_or_else(|| crate::panic::throw(b"out of memory"));
            self.mapped += CHUNK;
            self.next = p;
            self.end = p + CHUNK;
        }
        let p = self.next;
        self.next += size.next_multiple_of(8);
        p as *mut u8
    }

    /// The bucket of `stk` and `size`, made when new (gc's `stkbucket`).
    unsafe fn bucket(&mut self, stk: &[usize; MAX_STACK], size: usize) -> *mut MemBucket {
        if self.hash.is_null() {
            self.hash = self.record(HASH_SIZE * 8) as *mut *mut MemBucket;
        }
        let mut h = size as u64;
        for &pc in stk.iter().take_while(|&&pc| pc != 0) {
            h = (h ^ pc as u64).wrapping_mul(0x100_0000_01b3).rotate_left(17);
        }
        let head = self.hash.add(h as usize % HASH_SIZE);
        let mut b = *head;
        while !b.is_null() {
            if (*b).size == size && (*b).stk == *stk {
                return b;
            }
            b = (*b).hash_next;
        }
        let b = self.record(core::mem::size_of::<MemBucket>()) as *mut MemBucket;
        *b = MemBucket {
            all_next: self.buckets,
            hash_next: *head,
            size,
            stk: *stk,
            active: NO_EVENTS,
            future: [NO_EVENTS; 3],
        };
        *head = b;
        self.buckets = b;
        b
    }

    /// Adds cycle `c`'s counts of every bucket to the published ones (gc's `mProf_FlushLocked` for
    /// `c = cycle`, `mProf_PostSweep` for `cycle + 1`).
    unsafe fn publish(&mut self, c: usize) {
        let mut b = self.buckets;
        while !b.is_null() {
            let f = core::mem::replace(&mut (*b).future[c % 3], NO_EVENTS);
            (*b).active.add(&f);
            b = (*b).all_next;
        }
    }
}

/// The bytes to allocate before the next sample (gc's `nextSample`): exponentially distributed with mean
/// `runtime.MemProfileRate`, so that every byte is equally likely to be sampled; 0 samples every
/// allocation (rate 1). With profiling off (rate 0), the allocator looks again after `OFF_RECHECK` bytes, so
/// that a rate the program sets later takes effect.
pub fn next_sample() -> isize {
    const OFF_RECHECK: isize = 64 << 10;
    let rate = mem_profile_rate();
    if rate <= 0 {
        return OFF_RECHECK;
    }
    if rate == 1 {
        return 0;
    }
    // U uniform in (0, 1] from 53 random bits; -ln U is exponential with mean 1.
    let bits = ((crate::syscall::g1c_fastrand() as u64) << 21) ^ (crate::syscall::g1c_fastrand() as u64);
    let u = ((bits & ((1 << 53) - 1)) + 1) as f64 / (1u64 << 53) as f64;
    let mean = rate.min(0x700_0000) as f64;
    (-ln(u) * mean) as isize
}

/// The natural logarithm of `x > 0` (core has no `ln`): `x = m * 2^e` with `m` in [1, 2), and
/// `ln m = 2 atanh(z)` with `z = (m - 1) / (m + 1)` at most 1/3, whose series converges fast.
fn ln(x: f64) -> f64 {
    let bits = x.to_bits();
    let e = ((bits >> 52) & 0x7ff) as i64 - 1023;
    let m = f64::from_bits((bits & ((1 << 52) - 1)) | (1023 << 52));
    let z = (m - 1.0) / (m + 1.0);
    let z2 = z * z;
    let (mut term, mut sum) = (z, 0.0);
    for k in 0..16 {
        sum += term / (2 * k + 1) as f64;
        term *= z2;
    }
    2.0 * sum + e as f64 * core::f64::consts::LN_2
}

#[cfg(not(test))]
extern "C" {
    /// The address of package runtime's `MemProfileRate` (0 in a program without package runtime).
    static g1c_memprofilerate_addr: *const i64;
}

// `runtime.MemProfileRate` (lib/runtime/types.go), read by the allocator as gc's mallocgc reads it. Weak: a
// program without package runtime has none, and no way to ask for a heap profile.
#[cfg(not(test))]
core::arch::global_asm!(
    ".weak \"runtime.MemProfileRate\"",
    ".pushsection .data.rel.ro.g1c_memprofilerate_addr,\"aw\",@progbits",
    ".p2align 3",
    ".globl g1c_memprofilerate_addr",
    "g1c_memprofilerate_addr:",
    "    .quad \"runtime.MemProfileRate\"",
    ".popsection",
);

/// `runtime.MemProfileRate` now.
#[cfg(not(test))]
pub fn mem_profile_rate() -> i64 {
    // SAFETY: the linker resolves the word to the Go variable or 0.
    unsafe {
        let p = core::ptr::addr_of!(g1c_memprofilerate_addr).read();
        if p.is_null() {
            0
        } else {
            p.read_volatile()
        }
    }
}

#[cfg(test)]
pub fn mem_profile_rate() -> i64 {
    0
}

/// gc's `mProf_Malloc`: the object at `p` of `size` (slot) bytes was chosen for the profile; its stack is
/// the running goroutine's Go frames above the allocator.
///
/// # Safety
/// Under the runtime lock, with `p` just allocated; `fp` is a frame pointer of the allocator's on the
/// goroutine's stack.
#[inline(never)]
pub unsafe fn malloc(p: *mut u8, size: usize, fp: usize) {
    let mut stk = [0usize; MAX_STACK];
    let mut n = 0;
    crate::gohooks::go_frames(fp, &mut |ra| {
        stk[n] = ra as usize;
        n += 1;
        n < MAX_STACK
    });
    let m = mem_prof();
    let b = m.bucket(&stk, size);
    let f = &mut (*b).future[(m.cycle + 2) % 3];
    f.allocs += 1;
    f.alloc_bytes += size as u64;
    let s = if m.spare.is_null() {
        m.record(core::mem::size_of::<Sampled>()) as *mut Sampled
    } else {
        let s = m.spare;
        m.spare = (*s).next;
        s
    };
    *s = Sampled { next: m.sampled, addr: p as usize, size, bucket: b };
    m.sampled = s;
}

/// A collection's part in the profile, at the start of its sweep (gc's `mProf_NextCycle` at mark
/// termination, `mProf_Flush`, the sweep's `mProf_Free` of every sampled object `marked` says is
/// unreachable, then `mProf_PostSweep`).
///
/// # Safety
/// The world is stopped and the mark bits are those `marked` reads.
pub unsafe fn sweep(marked: &dyn Fn(usize) -> bool) {
    let m = mem_prof();
    m.cycle += 1;
    m.publish(m.cycle);
    let mut link: *mut *mut Sampled = &mut m.sampled;
    while !(*link).is_null() {
        let s = *link;
        if marked((*s).addr) {
            link = &mut (*s).next;
            continue;
        }
        let f = &mut (*(*s).bucket).future[(m.cycle + 1) % 3];
        f.frees += 1;
        f.free_bytes += (*s).size as u64;
        *link = (*s).next;
        (*s).next = m.spare;
        m.spare = s;
    }
    m.publish(m.cycle + 1);
}

/// The layout of gc's `runtime.MemProfileRecord`.
#[repr(C)]
struct MemProfileRecord {
    alloc_bytes: i64,
    free_bytes: i64,
    alloc_objects: i64,
    free_objects: i64,
    stack0: [usize; MAX_STACK],
}

/// `runtime.MemProfile(p, inuseZero)`'s work: the number of records (buckets with objects in use, or all
/// with `inuse_zero`); when `len` is at least that, they are copied to `p`, newest bucket first as gc
/// lists them. Before any collection published something, every cycle is published at once (gc's
/// answer for a program that has not collected yet).
///
/// # Safety
/// `p` points at `len` MemProfileRecords.
#[no_mangle]
pub unsafe extern "C" fn g1c_mem_profile(p: *mut u8, len: usize, inuse_zero: bool) -> usize {
    let _l = crate::lock::rt();
    let m = mem_prof();
    m.publish(m.cycle);
    let wanted = |b: *mut MemBucket| inuse_zero || (*b).active.alloc_bytes != (*b).active.free_bytes;
    let count = |m: &mut MemProf| {
        let (mut n, mut any) = (0, false);
        let mut b = m.buckets;
        while !b.is_null() {
            n += wanted(b) as usize;
            any |= (*b).active.allocs != 0 || (*b).active.frees != 0;
            b = (*b).all_next;
        }
        (n, any)
    };
    let (mut n, any) = count(m);
    if !any {
        for c in 0..3 {
            m.publish(c);
        }
        n = count(m).0;
    }
    if n <= len {
        let out = p as *mut MemProfileRecord;
        let mut i = 0;
        let mut b = m.buckets;
        while !b.is_null() {
            if wanted(b) {
                let a = &(*b).active;
                *out.add(i) = MemProfileRecord {
                    alloc_bytes: a.alloc_bytes as i64,
                    free_bytes: a.free_bytes as i64,
                    alloc_objects: a.allocs as i64,
                    free_objects: a.frees as i64,
                    stack0: (*b).stk,
                };
                i += 1;
            }
            b = (*b).all_next;
        }
    }
    n
}

// runtime.memProfile(p []MemProfileRecord, inuseZero bool) int (lib/runtime's MemProfile calls it): p +16
// (pointer), +24 (length), +32 (capacity), inuseZero +40, result +48.
#[cfg(not(test))]
core::arch::global_asm!(
    ".globl \"runtime.memProfile\"",
    "\"runtime.memProfile\":",
    "    push rbp",
    "    mov rbp, rsp",
    "    mov rdi, [rbp + 16]",
    "    mov rsi, [rbp + 24]",
    "    movzx edx, byte ptr [rbp + 40]",
    "    call g1c_mem_profile",
    "    mov [rbp + 48], rax",
    "    pop rbp",
    "    ret",
);

#[cfg(test)]
mod tests {
    use super::ln;

    #[test]
    fn ln_is_accurate_over_the_unit_interval() {
        for (x, want) in
            [(1.0, 0.0), (0.5, -core::f64::consts::LN_2), (1e-16, -36.841361487904734), (0.3, -1.2039728043259361)]
        {
            assert!((ln(x) - want).abs() < 1e-12, "ln({x}) = {}, want {want}", ln(x));
        }
        let e = core::f64::consts::E;
        assert!((ln(1.0 / (e * e * e)) + 3.0).abs() < 1e-12);
    }
}
