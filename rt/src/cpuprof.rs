//! The CPU profile (gc's cpuprof.go, profbuf.go and signal_unix.go's `sigprof`): `runtime.SetCPUProfileRate`
//! starts a process-wide ITIMER_PROF timer; each SIGPROF records the interrupted goroutine's stack, and
//! runtime/pprof's `readProfile` collects the records in gc's profBuf wire format, which GOROOT's
//! runtime/pprof/proto.go turns into a profile.
//!
//! In: `set_rate` (package runtime's `setCPUProfileRate`, with the PCs of its `_System` and `_ExternalCode`
//! marker functions); `sample` from the SIGPROF handler (`signal::sigprof`) with the interrupted RIP, RSP
//! and RBP, on whichever thread the kernel picked; `g1c_read_profile` from runtime/pprof's writer
//! goroutine. Out of `readProfile`: first the header record `[3, time, hz]`, then one record per sample,
//! `[3+n, time, 1, pc0, …, pcn-1]` (pc0 is the interrupted PC + 1, so that every PC may be decremented
//! before its line is looked up, as with return addresses), an overflow record `[4, time, 0, lost]` when
//! samples found no free slot, and `eof` once profiling is off and everything was read. Each record has one
//! tag: the goroutine's profiling labels (the header's and the overflow record's are nil).
//!
//! Invariants: the handler never takes the runtime lock, never allocates and runs on the thread's
//! alternate signal stack: it claims a free slot of a fixed array with one compare-and-swap, fills it and
//! publishes it (`READY`); the reader, serialized by the runtime lock, copies published slots out and
//! frees them. The slots and the reader's output live in memory mapped once, outside the collected heap;
//! the tags (pointers to label maps on the heap) live in rt's data segment, a root of the collector, so a
//! map stays alive while a sample refers to it. A sample in rt's own code on a goroutine's stack is
//! reported as gc reports code outside Go (`runtime._ExternalCode` under the Go frames that called it); a
//! sample with no goroutine running on its stack (the scheduler, the collector, a signal handler) as
//! `runtime._System`.

use crate::os::linux;
use core::sync::atomic::{AtomicI64, AtomicPtr, AtomicU32, AtomicU64, AtomicU8, AtomicUsize, Ordering};

/// gc's `maxCPUProfStack`: PCs kept per sample.
const MAX_STACK: usize = 64;
/// Samples buffered between two reads (the writer reads every 100 ms; gc's buffer holds about 1 s at 100 Hz
/// on a few threads).
const SLOTS: usize = 512;

const FREE: u8 = 0;
const WRITING: u8 = 1;
const READY: u8 = 2;

#[repr(C)]
struct Slot {
    state: AtomicU8,
    n: usize,
    time: u64,
    pcs: [u64; MAX_STACK],
}

/// Words of the reader's output: the header, an overflow record, and every slot as a full record.
const OUT_WORDS: usize = 3 + 4 + SLOTS * (3 + MAX_STACK);

/// The slots, then the reader's output words (mapped at the first `set_rate`).
static SLOTS_MAP: AtomicPtr<Slot> = AtomicPtr::new(core::ptr::null_mut());
static OUT_DATA: AtomicPtr<u64> = AtomicPtr::new(core::ptr::null_mut());
/// Each slot's tag (the sampled goroutine's labels), here in the data segment so the collector sees them.
static TAGS: [AtomicUsize; SLOTS] = [const { AtomicUsize::new(0) }; SLOTS];
/// The tags of the last read's records (the slice `readProfile` returns), also scanned by the collector.
static OUT_TAGS: [AtomicUsize; SLOTS + 2] = [const { AtomicUsize::new(0) }; SLOTS + 2];

/// The rate in effect: samples are recorded while it is positive.
static HZ: AtomicI64 = AtomicI64::new(0);
/// A profile was started and its reader has not yet seen `eof`: no new one may start (gc's
/// `cpuprof.on || cpuprof.log != nil`).
static ACTIVE: AtomicU32 = AtomicU32::new(0);
/// The rate of the header record the next read starts with (0: already read).
static HEADER: AtomicI64 = AtomicI64::new(0);
/// Samples dropped for want of a free slot since the last read.
static LOST: AtomicU64 = AtomicU64::new(0);
/// Where the next claim starts looking (spreads claims over the slots).
static HINT: AtomicUsize = AtomicUsize::new(0);
/// Handlers between their look at `HZ` and their publication: the reader reports `eof` only at 0.
static IN_HANDLER: AtomicU32 = AtomicU32::new(0);
/// The entry PCs of package runtime's `_System` and `_ExternalCode`.
static SYSTEM_PC: AtomicU64 = AtomicU64::new(0);
static EXTERNAL_PC: AtomicU64 = AtomicU64::new(0);

/// `runtime.SetCPUProfileRate(hz)` (gc's `setcpuprofilerate` and `SetCPUProfileRate`): `hz > 0` starts a
/// profile unless one is still being read; `hz <= 0` stops sampling, and the reader then drains what is
/// left and sees `eof`.
///
/// # Safety
/// `system` and `external` are the code addresses of package runtime's marker functions.
pub unsafe fn set_rate(hz: i64, system: u64, external: u64) {
    let _l = crate::lock::rt();
    if hz > 0 {
        if ACTIVE.load(Ordering::Acquire) != 0 {
            linux::write_all(2, b"runtime: cannot set cpu profile rate until previous profile has finished.\n");
            return;
        }
        if SLOTS_MAP.load(Ordering::Acquire).is_null() {
            let slots = linux::mmap_anon(SLOTS * core::mem::size_of::<Slot>());
            let out = linux::mmap_anon(OUT_WORDS * 8);
            let (Some(slots), Some(out)) = (slots, out) else { crate::panic::throw(b"out of memory") };
            OUT_DATA.store(out as *mut u64, Ordering::Release);
            SLOTS_MAP.store(slots as *mut Slot, Ordering::Release);
        }
        // gc's limit: above 1 MHz the timer cannot keep up anyway.
        let hz = hz.min(1_000_000);
        SYSTEM_PC.store(system, Ordering::Relaxed);
        EXTERNAL_PC.store(external, Ordering::Relaxed);
        LOST.store(0, Ordering::Relaxed);
        HEADER.store(hz, Ordering::Relaxed);
        ACTIVE.store(1, Ordering::Release);
        HZ.store(hz, Ordering::Release);
        crate::signal::catch_sigprof();
        set_timer(1_000_000 / hz);
    } else if HZ.load(Ordering::Acquire) > 0 {
        set_timer(0);
        HZ.store(0, Ordering::Release);
    }
}

/// setitimer(ITIMER_PROF): a SIGPROF every `us` microseconds of the process's CPU time (0: none).
fn set_timer(us: i64) {
    const SYS_SETITIMER: usize = 38;
    const ITIMER_PROF: usize = 2;
    let tv = [us / 1_000_000, us % 1_000_000];
    let it = [tv[0], tv[1], tv[0], tv[1]];
    // SAFETY: `it` is a valid itimerval (interval, then value); the old value is not asked for.
    unsafe { linux::syscall6(SYS_SETITIMER, ITIMER_PROF, it.as_ptr() as usize, 0, 0, 0, 0) };
}

/// Records one sample (gc's `sigprof`): the state of the interrupted code, from the signal context.
///
/// # Safety
/// Called only by the SIGPROF handler, with the interrupted thread's registers.
pub unsafe fn sample(rip: u64, rsp: usize, rbp: usize) {
    IN_HANDLER.fetch_add(1, Ordering::AcqRel);
    let slots = SLOTS_MAP.load(Ordering::Acquire);
    if HZ.load(Ordering::Acquire) > 0 && !slots.is_null() {
        match claim(slots) {
            Some(i) => {
                let s = &mut *slots.add(i);
                let (n, labels) = stack(rip, rsp, rbp, &mut s.pcs);
                s.n = n;
                s.time = crate::arch::amd64::cputicks() as u64;
                TAGS[i].store(labels, Ordering::Relaxed);
                s.state.store(READY, Ordering::Release);
            }
            None => {
                LOST.fetch_add(1, Ordering::Relaxed);
            }
        }
    }
    IN_HANDLER.fetch_sub(1, Ordering::AcqRel);
}

/// A free slot, now `WRITING` and the caller's, or None when all are taken.
unsafe fn claim(slots: *mut Slot) -> Option<usize> {
    let start = HINT.fetch_add(1, Ordering::Relaxed);
    (0..SLOTS)
        .map(|k| (start + k) % SLOTS)
        .find(|&i| (*slots.add(i)).state.compare_exchange(FREE, WRITING, Ordering::Acquire, Ordering::Relaxed).is_ok())
}

/// The sample's PCs into `pcs` and the goroutine's labels: the number of PCs written.
unsafe fn stack(rip: u64, rsp: usize, rbp: usize, pcs: &mut [u64; MAX_STACK]) -> (usize, usize) {
    let g = crate::sched::curg();
    let on_g = !g.is_null() && !crate::stack::seg_of(g, rsp).is_null();
    if !on_g {
        pcs[0] = SYSTEM_PC.load(Ordering::Relaxed) + 1;
        return (1, 0);
    }
    let mut n;
    match crate::traceback::find_func(rip) {
        Some(f) => {
            pcs[0] = rip + 1;
            n = 1;
            // Where the frame pointer does not yet (or no longer) belong to this function, its return
            // address is on top of the stack and RBP is the caller's: that caller would be missed.
            if let Some(at) = return_address_slot(&f, rip, rsp) {
                if !crate::stack::seg_of(g, at + 7).is_null() {
                    let ra = *(at as *const u64);
                    if crate::traceback::find_func(ra.wrapping_sub(1)).is_some() {
                        pcs[1] = ra;
                        n = 2;
                    }
                }
            }
        }
        None => {
            pcs[0] = EXTERNAL_PC.load(Ordering::Relaxed) + 1;
            n = 1;
        }
    }
    crate::gohooks::go_frames(rbp, &mut |ra| {
        pcs[n] = ra;
        n += 1;
        n < MAX_STACK
    });
    (n, (*g).labels)
}

/// The address of the return address when `rip` is in `f`'s prologue before its frame exists (the stack
/// check, `push rbp`), or at its final `ret`; None inside the body, where RBP is `f`'s frame.
unsafe fn return_address_slot(f: &crate::traceback::FuncInfo, rip: u64, rsp: usize) -> Option<usize> {
    // `ret`: the frame is gone.
    if *(rip as *const u8) == 0xC3 {
        return Some(rsp);
    }
    // `push rbp; mov rbp, rsp` comes after the stack check (codegen/amd64/stack.rs), within its first bytes.
    const PUSH_MOV: [u8; 4] = [0x55, 0x48, 0x89, 0xE5];
    let limit = (f.end - f.entry).min(48) as usize;
    let code = core::slice::from_raw_parts(f.entry as *const u8, limit);
    let at = code.windows(4).position(|w| w == PUSH_MOV)? as u64;
    if rip <= f.entry + at {
        Some(rsp)
    } else if rip == f.entry + at + 1 {
        Some(rsp + 8)
    } else {
        None
    }
}

/// runtime/pprof's `readProfile() (data []uint64, tags []unsafe.Pointer, eof bool)`: `out` is the result
/// area (data's three words, tags' three, eof). Unlike gc's it does not block: the writer reads again after
/// 100 ms anyway.
///
/// # Safety
/// `out` points at the caller's result area.
#[no_mangle]
pub unsafe extern "C" fn g1c_read_profile(out: *mut usize) {
    let _l = crate::lock::rt();
    let data = OUT_DATA.load(Ordering::Acquire);
    let slots = SLOTS_MAP.load(Ordering::Acquire);
    let (mut d, mut t) = (0usize, 0usize);
    let mut eof = ACTIVE.load(Ordering::Acquire) == 0 || data.is_null();
    if !eof {
        // One record: its words (a sample's PCs follow from its slot) and its tag.
        let put = |d: &mut usize, t: &mut usize, w: &[u64], tag: usize| {
            core::ptr::copy_nonoverlapping(w.as_ptr(), data.add(*d), w.len());
            *d += w.len();
            OUT_TAGS[*t].store(tag, Ordering::Relaxed);
            *t += 1;
        };
        let now = crate::arch::amd64::cputicks() as u64;
        let hz = HEADER.swap(0, Ordering::Relaxed);
        if hz > 0 {
            put(&mut d, &mut t, &[3, now, hz as u64], 0);
        }
        let lost = LOST.swap(0, Ordering::Relaxed);
        if lost > 0 {
            put(&mut d, &mut t, &[4, now, 0, lost], 0);
        }
        let mut busy = IN_HANDLER.load(Ordering::Acquire) != 0;
        for i in 0..SLOTS {
            let s = &mut *slots.add(i);
            match s.state.load(Ordering::Acquire) {
                READY => {
                    let n = s.n.min(MAX_STACK);
                    put(&mut d, &mut t, &[3 + n as u64, s.time, 1], TAGS[i].swap(0, Ordering::Relaxed));
                    core::ptr::copy_nonoverlapping(s.pcs.as_ptr(), data.add(d), n);
                    d += n;
                    s.state.store(FREE, Ordering::Release);
                }
                WRITING => busy = true,
                _ => {}
            }
        }
        eof = HZ.load(Ordering::Acquire) == 0 && !busy && t == 0;
        if eof {
            ACTIVE.store(0, Ordering::Release);
        }
    }
    let tags = OUT_TAGS.as_ptr() as usize;
    let data = if data.is_null() { tags } else { data as usize };
    for (k, w) in [data, d, d, tags, t, t].into_iter().enumerate() {
        *out.add(k) = w;
    }
    *(out.add(6) as *mut u8) = eof as u8;
}

/// Package runtime's `setCPUProfileRate(hz int, system, external func())`: the marker functions come as
/// func values (a pointer to a closure whose first word is the code).
///
/// # Safety
/// `system` and `external` are func values.
#[no_mangle]
pub unsafe extern "C" fn g1c_set_cpu_profile_rate(hz: i64, system: *const u64, external: *const u64) {
    set_rate(hz, *system, *external);
}

// runtime.setCPUProfileRate(hz int, system, external func()): hz +16, the func values +24, +32.
// runtime/pprof.readProfile() (data []uint64, tags []unsafe.Pointer, eof bool): data +16..+32, tags
// +40..+56, eof +64.
#[cfg(not(test))]
core::arch::global_asm!(
    ".globl \"runtime.setCPUProfileRate\"",
    "\"runtime.setCPUProfileRate\":",
    "    push rbp",
    "    mov rbp, rsp",
    "    mov rdi, [rbp + 16]",
    "    mov rsi, [rbp + 24]",
    "    mov rdx, [rbp + 32]",
    "    call g1c_set_cpu_profile_rate",
    "    pop rbp",
    "    ret",
    ".globl \"runtime/pprof.readProfile\"",
    "\"runtime/pprof.readProfile\":",
    "    push rbp",
    "    mov rbp, rsp",
    "    lea rdi, [rbp + 16]",
    "    call g1c_read_profile",
    "    pop rbp",
    "    ret",
);
