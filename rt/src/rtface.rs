//! The rest of package runtime's exported face and the hooks of runtime/debug, runtime/pprof and
//! runtime/trace that `testing` needs (issue 10, "The rest of the runtime's face"): the Rust halves of the
//! trampolines in `arch::amd64_rtface`.
//!
//! In: ABI0 calls through those trampolines (pointers to Go values: a `runtime.MemStats`, a byte slice, a
//! slice header). Out: figures from rt's own state (the heap's counters in `mem`, the collector's in `gc`,
//! the goroutine's frames from `traceback`), written in gc's layouts.
//!
//! Invariants: a figure is rt's real one or a documented zero for something rt does not have (no cgo, no
//! off-heap caches); what rt cannot do (heap dumps) is a `fatal error: g1c: … is not supported yet`, never
//! a made-up answer.

use crate::print::Out;
use crate::Global;

/// Writes into a Go byte slice, dropping what does not fit (runtime.Stack's contract).
struct SliceOut {
    p: *mut u8,
    cap: usize,
    len: usize,
}

impl Out for SliceOut {
    fn put(&mut self, b: &[u8]) {
        let n = b.len().min(self.cap - self.len);
        // SAFETY: `p` is valid for `cap` bytes (the Go slice's length).
        unsafe { core::ptr::copy_nonoverlapping(b.as_ptr(), self.p.add(self.len), n) };
        self.len += n;
    }
}

/// `runtime.Stack(buf, all)`: the calling goroutine's traceback (gc's format, without the runtime's own
/// frame) into `buf`; returns the bytes written. `fp` is the trampoline's frame pointer. With `all`, as gc,
/// the world is stopped and every other goroutine of the program's follows, in creation order.
///
/// # Safety
/// `buf` is valid for `len` bytes; `fp` is the trampoline's frame.
#[no_mangle]
pub unsafe extern "C" fn g1c_stack(buf: *mut u8, len: usize, all: bool, fp: usize) -> usize {
    let _l = crate::lock::rt();
    let mut o = SliceOut { p: buf, cap: len, len: 0 };
    let g = crate::sched::curg();
    goroutine_header(&mut o, g, b"running");
    crate::traceback::traceback_g(&mut o, g, None, fp);
    crate::traceback::created_by(&mut o, g);
    if all {
        crate::sched::stop_the_world();
        let mut other = crate::sched::sched().allg_head;
        while !other.is_null() {
            if other != g && is_user_goroutine(other) {
                o.put(b"\n");
                goroutine_header(&mut o, other, stopped_state(other));
                match crate::sched::stopped_frames(other) {
                    Frames::Chain(fp) => crate::traceback::traceback_g(&mut o, other, None, fp),
                    Frames::Entry { pc, sp } => crate::traceback::traceback_g(&mut o, other, Some((pc, sp)), 0),
                    Frames::Syscall { pc, fp } => crate::traceback::traceback_g_at(&mut o, other, pc, fp),
                    Frames::None => {}
                }
                crate::traceback::created_by(&mut o, other);
            }
            other = (*other).alllink;
        }
    }
    o.len
}

use crate::sched::Frames;

/// A goroutine of the program's (not rt's own) that is not dead: what gc's `NumGoroutine`, goroutine
/// profiles and `Stack(buf, true)` count.
///
/// # Safety
/// `g` is on the list of all goroutines; the caller holds the runtime lock.
unsafe fn is_user_goroutine(g: *mut crate::sched::G) -> bool {
    (*g).status != crate::sched::Status::Dead && !(*g).system
}

/// gc's word for the state of a goroutine other than the caller while the world is stopped: the wait
/// reason of a waiting one, `syscall` for one in a system call, `runnable` for one stopped at a safe
/// point (gc preempts those to runnable) or not started.
///
/// # Safety
/// As [`is_user_goroutine`], with the world stopped.
unsafe fn stopped_state(g: *mut crate::sched::G) -> &'static [u8] {
    match (*g).status {
        crate::sched::Status::Running if !(*g).m.is_null() && (*(*g).m).in_syscall => b"syscall",
        crate::sched::Status::Waiting => (*g).wait_reason,
        _ => b"runnable",
    }
}

/// gc's `goroutine 7 [chan receive]:` line, with `, locked to thread` for a goroutine wired to its thread.
fn goroutine_header(o: &mut impl Out, g: *mut crate::sched::G, state: &[u8]) {
    o.put(b"goroutine ");
    // SAFETY: `g` is live.
    let (id, locked) = unsafe { ((*g).id, (*g).locked || !(*g).lockedm.is_null()) };
    crate::print::uint(o, id);
    o.put(b" [");
    o.put(if state.is_empty() { b"runnable" } else { state });
    if locked {
        o.put(b", locked to thread");
    }
    o.put(b"]:\n");
}

/// gc's `runtime.StackRecord`: return addresses, the unused ones zero.
type StackRecord = [usize; crate::mprof::MAX_STACK];

/// `runtime.goroutineProfileWithLabels(p, labels)` (runtime.GoroutineProfile and runtime/pprof's
/// goroutine profile): the number of the program's goroutines; when `plen` is at least that, the stack of
/// each goroutine (the caller's first, from the trampoline frame `fp`, then the others in creation order)
/// goes to `p`, and, when `labels` has as many entries as `p`, its profiling labels to `labels`. The world
/// is stopped meanwhile, so the records are one consistent snapshot (gc 1.19 takes them concurrently,
/// to the same effect).
///
/// # Safety
/// `p` points at `plen` StackRecords, `labels` at `llen` words; `fp` is the trampoline's frame.
#[no_mangle]
pub unsafe extern "C" fn g1c_goroutine_profile(
    p: *mut StackRecord,
    plen: usize,
    labels: *mut usize,
    llen: usize,
    fp: usize,
) -> usize {
    let _l = crate::lock::rt();
    crate::sched::stop_the_world();
    let me = crate::sched::curg();
    let mut n = 0;
    let mut g = crate::sched::sched().allg_head;
    while !g.is_null() {
        n += is_user_goroutine(g) as usize;
        g = (*g).alllink;
    }
    if n > plen {
        return n;
    }
    let labels = if llen == plen { labels } else { core::ptr::null_mut() };
    let record = |i: usize, g: *mut crate::sched::G, first: u64, fp: usize| {
        let r = &mut *p.add(i);
        *r = [0; crate::mprof::MAX_STACK];
        let mut k = 0;
        crate::gohooks::go_frames_of(g, first, fp, &mut |ra| {
            r[k] = ra as usize;
            k += 1;
            k < crate::mprof::MAX_STACK
        });
        if !labels.is_null() {
            *labels.add(i) = (*g).labels;
        }
    };
    record(0, me, 0, fp);
    let mut i = 1;
    let mut g = crate::sched::sched().allg_head;
    while !g.is_null() && i < n {
        if g != me && is_user_goroutine(g) {
            match crate::sched::stopped_frames(g) {
                Frames::Chain(fp) => record(i, g, 0, fp),
                Frames::Syscall { pc, fp } => record(i, g, pc, fp),
                Frames::Entry { pc, .. } => {
                    // gc's record of a goroutine that has not started: its function's entry, as a return
                    // address (one past it).
                    record(i, g, 0, 0);
                    (*p.add(i))[0] = pc as usize + 1;
                }
                Frames::None => record(i, g, 0, 0),
            }
            i += 1;
        }
        g = (*g).alllink;
    }
    n
}

/// `runtime.threadCreateProfile(p)` (runtime.ThreadCreateProfile): the number of threads; when `plen` is
/// at least that, one record per thread goes to `p`. Each record's stack is empty: gc records the
/// creating goroutine's stack only for a thread made on a goroutine's own stack, and its scheduler makes
/// threads from the system stack (`newproc`, `wakep`, `handoffp`), so its records are empty in practice;
/// rt's threads are all made by its scheduler's own decisions, the same places.
///
/// # Safety
/// `p` points at `plen` StackRecords.
#[no_mangle]
pub unsafe extern "C" fn g1c_thread_create_profile(p: *mut StackRecord, plen: usize) -> usize {
    let _l = crate::lock::rt();
    let mut n = 0;
    let mut mp = crate::sched::sched().allm;
    while !mp.is_null() {
        n += 1;
        mp = (*mp).alllink;
    }
    if n <= plen {
        for i in 0..n {
            *p.add(i) = [0; crate::mprof::MAX_STACK];
        }
    }
    n
}

/// `runtime.ReadMemStats(m)`: fills gc's `MemStats` (lib/runtime/types.go gives the field offsets used
/// here) from the heap's and the collector's counters.
///
/// # Safety
/// `m` points to a `runtime.MemStats`.
#[no_mangle]
pub unsafe extern "C" fn g1c_read_mem_stats(m: *mut u8) {
    let _l = crate::lock::rt();
    // As gc's, a consistent snapshot: no P allocates from its cache while the counts are gathered.
    crate::sched::stop_the_world();
    let heap = crate::mem::heap();
    heap.flush_stats();
    let gc = &*crate::gc::GC.get();
    let put = |off: usize, v: u64| core::ptr::write_unaligned(m.add(off) as *mut u64, v);
    let mut inuse = 0u64;
    let mut s = heap.in_use;
    while !s.is_null() {
        inuse += ((*s).npages * crate::mem::PAGE_SIZE) as u64;
        s = (*s).next;
    }
    let heap_sys = heap.mapped as u64;
    let idle = heap_sys.saturating_sub(inuse);
    let released = idle.saturating_sub(heap.free_unscavenged as u64);
    let stack = crate::sched::stack_bytes() as u64;
    let live = heap.live as u64;
    put(0, live); // Alloc
    put(8, heap.total_alloc); // TotalAlloc
    let buckets = crate::mprof::bucket_bytes();
    put(16, heap_sys + stack + buckets); // Sys
    put(24, 0); // Lookups: rt counts none
    put(32, heap.mallocs); // Mallocs
    put(40, heap.mallocs - heap.objects); // Frees
    put(48, live); // HeapAlloc
    put(56, heap_sys); // HeapSys
    put(64, idle); // HeapIdle
    put(72, inuse); // HeapInuse
    put(80, released); // HeapReleased
    put(88, heap.objects); // HeapObjects
    put(96, stack); // StackInuse
    put(104, stack); // StackSys
    for off in (112..168).step_by(8) {
        // MSpan…OtherSys: rt's metadata lives in regions it does not account for yet.
        put(off, 0);
    }
    put(144, buckets); // BuckHashSys: the heap profile's buckets and records
    put(168, heap.next_gc.min(i64::MAX as usize) as u64); // NextGC
    let last = if gc.num_gc == 0 { 0 } else { gc.pause_end[((gc.num_gc - 1) % 256) as usize] };
    put(176, last); // LastGC
    put(184, gc.pause_total); // PauseTotalNs
    for i in 0..256 {
        put(192 + 8 * i, gc.pause_ns[i]);
        put(2240 + 8 * i, gc.pause_end[i]);
    }
    core::ptr::write_unaligned(m.add(4288) as *mut u32, gc.num_gc as u32); // NumGC
    core::ptr::write_unaligned(m.add(4292) as *mut u32, gc.num_forced as u32); // NumForcedGC
    core::ptr::write_unaligned(m.add(4296) as *mut f64, 0.0); // GCCPUFraction: not measured
    *m.add(4304) = 1; // EnableGC
    *m.add(4305) = 0; // DebugGC
                      // BySize: the size classes' sizes; rt keeps no per-class counts (they read 0).
    for i in 0..61 {
        let e = m.add(4312 + 24 * i);
        core::ptr::write_unaligned(e as *mut u32, crate::mem::class_size(i) as u32);
        core::ptr::write_unaligned(e.add(8) as *mut u64, 0);
        core::ptr::write_unaligned(e.add(16) as *mut u64, 0);
    }
}

/// `debug.ReadGCStats`' half (gc's `readGCStats`): `*pauses` (a `[]time.Duration` with capacity for 256
/// pauses, 256 ends and three more) becomes the recent pauses, newest first, their end times, then the last
/// collection's time, the number of collections and the total pause.
///
/// # Safety
/// `pauses` points to a slice header whose array has room for 515 values.
#[no_mangle]
pub unsafe extern "C" fn g1c_read_gc_stats(pauses: *mut usize) {
    let _l = crate::lock::rt();
    let gc = &*crate::gc::GC.get();
    let p = *pauses as *mut u64;
    let n = gc.num_gc.min(256) as usize;
    for i in 0..n {
        let j = ((gc.num_gc - 1 - i as u64) % 256) as usize;
        *p.add(i) = gc.pause_ns[j];
        *p.add(n + i) = gc.pause_end[j];
    }
    *p.add(2 * n) = if n == 0 { 0 } else { gc.pause_end[((gc.num_gc - 1) % 256) as usize] };
    *p.add(2 * n + 1) = gc.num_gc;
    *p.add(2 * n + 2) = gc.pause_total;
    *pauses.add(1) = 2 * n + 3;
}

/// `debug.FreeOSMemory`: a collection, then every free page given back to the OS. `go_sp` is the Go
/// caller's stack pointer (`gc::collect_from_go`).
#[no_mangle]
pub extern "C" fn g1c_free_os_memory(go_sp: usize) {
    let _l = crate::lock::rt();
    crate::gc::collect_from_go(go_sp);
    crate::mem::heap().scavenge(0);
}

#[no_mangle]
pub extern "C" fn g1c_set_gc_percent(pct: i32) -> i32 {
    let _l = crate::lock::rt();
    crate::gc::set_gc_percent(pct)
}

/// `debug.SetMaxStack`: the new limit applies to the next segment a goroutine needs (stack.rs).
#[no_mangle]
pub extern "C" fn g1c_set_max_stack(n: usize) -> usize {
    // SAFETY: single-threaded (see `Global`).
    unsafe { core::mem::replace(&mut *crate::stack::MAX_STACK_SETTING.get(), n) }
}

/// `debug.SetMaxThreads`: gc's limit on OS threads (10000 at start). rt runs one thread, so any limit of
/// at least one holds; the setting is kept so that the next call returns it.
static MAX_THREADS: Global<usize> = Global::new(10000);

#[no_mangle]
pub extern "C" fn g1c_set_max_threads(n: usize) -> usize {
    if n < 1 {
        crate::panic::throw(b"thread exhaustion");
    }
    // SAFETY: single-threaded (see `Global`).
    unsafe { core::mem::replace(&mut *MAX_THREADS.get(), n) }
}

/// `debug.SetPanicOnFault`: with it, a fault at an address that is not a nil dereference becomes the same
/// runtime error panic instead of the fatal `unexpected fault address` (signal.rs). gc keeps the setting per
/// goroutine; rt keeps one for the program.
static PANIC_ON_FAULT: Global<bool> = Global::new(false);

/// The current `debug.SetPanicOnFault` setting.
pub fn panic_on_fault() -> bool {
    // SAFETY: single-threaded (see `Global`).
    unsafe { *PANIC_ON_FAULT.get() }
}

#[no_mangle]
pub extern "C" fn g1c_set_panic_on_fault(on: bool) -> bool {
    // SAFETY: single-threaded (see `Global`).
    unsafe { core::mem::replace(&mut *PANIC_ON_FAULT.get(), on) }
}

/// `debug.setMemoryLimit`: sets the collector's soft memory limit to `n` bytes (`math.MaxInt64`: none)
/// and returns the previous one; a negative `n` only asks for it (gc.rs, `heap_goal`).
#[no_mangle]
pub extern "C" fn g1c_set_memory_limit(n: i64) -> i64 {
    let _l = crate::lock::rt();
    crate::gc::set_memory_limit(n)
}

/// `debug.SetTraceback(level)` asked for every goroutine in fatal reports.
static TRACEBACK_ALL: core::sync::atomic::AtomicBool = core::sync::atomic::AtomicBool::new(false);

/// Whether a traceback `level` (GOTRACEBACK's or debug.SetTraceback's words) shows every goroutine: gc's
/// `all`, `system`, `crash` and any number do; `none`, `single` and the empty string do not.
fn level_shows_all(level: &[u8]) -> bool {
    match level {
        b"all" | b"system" | b"crash" => true,
        b"" | b"none" | b"single" => false,
        _ => level.iter().all(u8::is_ascii_digit),
    }
}

/// `debug.SetTraceback(level)`: gc's levels combine with GOTRACEBACK's, so the level can only rise; rt
/// records only whether fatal reports show every goroutine (`traceback_all`).
///
/// # Safety
/// `p` points at `n` bytes.
#[no_mangle]
pub unsafe extern "C" fn g1c_set_traceback(p: *const u8, n: usize) {
    let level = core::slice::from_raw_parts(p, n);
    TRACEBACK_ALL.store(level_shows_all(level), core::sync::atomic::Ordering::SeqCst);
}

/// Whether fatal reports show every goroutine (GOTRACEBACK, then debug.SetTraceback).
pub fn traceback_all() -> bool {
    TRACEBACK_ALL.load(core::sync::atomic::Ordering::SeqCst)
        || crate::gc::getenv(b"GOTRACEBACK").is_some_and(level_shows_all)
}

/// Fails a hook rt does not implement: the message names it.
#[no_mangle]
pub extern "C" fn g1c_unsupported(which: u64) -> ! {
    let msg: &[u8] = match which {
        2 => b"g1c: debug.WriteHeapDump is not supported yet",
        _ => b"g1c: this runtime function is not supported yet",
    };
    crate::panic::throw(msg)
}

/// `pprof.runtime_cyclesPerSecond` (gc's `tickspersecond`): the rate of RDTSC, measured once over 10 ms of
/// the monotonic clock.
static TICKS_PER_SECOND: Global<i64> = Global::new(0);

#[no_mangle]
pub extern "C" fn g1c_cycles_per_second() -> i64 {
    // SAFETY: single-threaded (see `Global`).
    let cached = unsafe { &mut *TICKS_PER_SECOND.get() };
    if *cached == 0 {
        let (t0, n0) = (crate::arch::amd64::cputicks(), crate::time::nanotime());
        let mut n1 = n0;
        while n1 - n0 < 10_000_000 {
            n1 = crate::time::nanotime();
        }
        let t1 = crate::arch::amd64::cputicks();
        *cached = (((t1 - t0) as i128 * 1_000_000_000) / (n1 - n0) as i128).max(1) as i64;
    }
    *cached
}

/// `pprof.runtime_setProfLabel`: the running goroutine's profiling labels.
#[no_mangle]
pub extern "C" fn g1c_set_prof_label(labels: usize) {
    let g = crate::sched::curg();
    if !g.is_null() {
        // SAFETY: the running goroutine.
        unsafe { (*g).labels = labels };
    }
}

/// `pprof.runtime_getProfLabel`.
#[no_mangle]
pub extern "C" fn g1c_get_prof_label() -> usize {
    let g = crate::sched::curg();
    // SAFETY: the running goroutine.
    if g.is_null() {
        0
    } else {
        unsafe { (*g).labels }
    }
}
