//! Segmented goroutine stacks (DESIGN §5): segments, the stack guard, `morestack`/`lessstack`.
//!
//! In: the prologue check of every Go function (codegen/amd64/stack.rs): `lea rax, [rsp - need]`;
//! `cmp rax, fs:[0x70]` (the thread's guard, `sched::M::stackguard`); `jb` to a stub that loads R10 = `need`, R11 = the function's ABI0
//! argument + result size and calls `g1c_morestack`. Out: the function runs on a new segment that holds a
//! copy of its arguments; when it returns, its results are copied back and execution continues on the old
//! segment in its caller. Pointers into a stack never move.
//!
//! Layout of a segment (one contiguous mapping, `size` bytes):
//! ```text
//!   hi + sizeof(Seg)   end of the mapping
//!   hi                 the `Seg` header (kept at the top: the page in use anyway)
//!   hi - …             frames, growing down; the first is the copy of the arguments
//!   lo + HEADROOM      the stack guard: Go frames stay above it
//!   lo                 HEADROOM bytes below the guard for the Rust runtime's own frames
//! ```
//! Why a headroom instead of switching to the system stack on every `CallRt`: a `CallRt` is then a plain
//! call (no cost), and runtime entry points that need a deep stack (tracebacks, fatal errors, and later the
//! collector) switch explicitly. The pages of the headroom are never touched by a goroutine that does not
//! need them, so they cost address space, not memory: a goroutine blocked in a channel operation has
//! one or two resident pages. `HEADROOM` must exceed the deepest Rust call path reachable from a `CallRt`
//! without a switch (measured below 4 KiB; 16 KiB keeps a wide margin).
//!
//! Bytes in use are counted without the headrooms. Segments after the first double in size up to 1 MiB,
//! so a deep recursion crosses few segment boundaries and wastes little address space in headrooms.
//!
//! The limit: gc doubles a stack and dies when the doubled size would exceed 1 GB, i.e. when more than
//! 512 MiB are in use; g1c ends a goroutine whose segments would exceed 512 MiB with the same message
//! (`runtime: goroutine stack exceeds 1000000000-byte limit`, `fatal error: stack overflow`).
//!
//! Hot split: the segment left by `lessstack` stays attached as the previous segment's `cache` and is
//! reused by the next `morestack` from there, so a call boundary at a segment edge does not allocate. The
//! cached segment keeps its own `cache`, so a goroutine whose depth swings across several boundaries (a
//! compiler walking a deep tree, returning to its loop, walking the next) keeps the whole chain: its
//! stack stays as large as the deepest point it reached, as gc's stacks do until a collection shrinks
//! them. Freed segments go to free lists by size (`SEG_SIZE` and its doublings up to `MAX_SEG`), each
//! holding at most `POOL_BYTES`; only odd sizes and what overflows a list are unmapped. (Before, every
//! segment beyond the first was mapped and unmapped at each swing: cmd/compile compiling go/types made
//! 16,000 `mmap`/`munmap` pairs and five times gc's page faults.)

use crate::sched::{self, G};
use crate::Global;

/// Size of a goroutine's first segment and of ordinary new segments.
pub const SEG_SIZE: usize = 32 << 10;
/// Bytes below the guard reserved for the runtime's Rust frames (see the module comment).
pub const HEADROOM: usize = 16 << 10;
/// gc's maxstacksize; the effective limit is half of it (see the module comment).
pub const MAX_STACK: usize = 1_000_000_000;
const LIMIT: usize = 512 << 20;
/// The maximum stack size in force (`debug.SetMaxStack`; gc's `maxstacksize`), MAX_STACK at start.
pub static MAX_STACK_SETTING: crate::Global<usize> = crate::Global::new(MAX_STACK);

/// The bytes of segments a goroutine may use: gc dies when the doubled stack would exceed the setting, so
/// the usable part is half of the next power of two at or below it (512 MiB for the default 1 GB).
fn limit() -> usize {
    // SAFETY: single-threaded runtime (see `Global`).
    let max = unsafe { *MAX_STACK_SETTING.get() };
    if max == MAX_STACK {
        return LIMIT;
    }
    let pow = if max.is_power_of_two() { max } else { (max.max(2).next_power_of_two()) >> 1 };
    pow / 2
}
/// The largest segment `morestack` makes unless a single frame needs more.
const MAX_SEG: usize = 1 << 20;

/// A segment's header, at its top.
#[repr(C)]
pub struct Seg {
    pub lo: usize,
    /// The top of the usable stack (the address of this header).
    pub hi: usize,
    /// Bytes of the whole mapping.
    pub size: usize,
    /// The segment this one was entered from (null for the first).
    pub prev: *mut Seg,
    /// A spare segment to continue on at the next `morestack` from this one.
    pub cache: *mut Seg,
    /// RSP in `prev` when `morestack` switched here: it points at the return address into the growing
    /// function's prologue, above which are the real return address and the arguments.
    pub old_sp: usize,
    /// Bytes of arguments and results copied to the top of this segment.
    pub args_size: usize,
    /// Next segment on the free list.
    pub next_free: *mut Seg,
}

/// Free segments by size class: class `k` holds segments of `SEG_SIZE << k` bytes, with their count.
static FREE: Global<[(*mut Seg, usize); CLASSES]> = Global::new([(core::ptr::null_mut(), 0); CLASSES]);
/// Classes `SEG_SIZE << 0` … `SEG_SIZE << 5` (= `MAX_SEG`).
const CLASSES: usize = 6;
/// The most bytes a free list keeps; beyond that freed segments are unmapped.
const POOL_BYTES: usize = 16 << 20;

/// The free-list class of a segment of `size` bytes, if it has one.
fn class_of(size: usize) -> Option<usize> {
    if size % SEG_SIZE != 0 || !(size / SEG_SIZE).is_power_of_two() {
        return None;
    }
    let k = (size / SEG_SIZE).trailing_zeros() as usize;
    (k < CLASSES).then_some(k)
}
/// The part of the current stack chunk not yet cut into segments.
static CHUNK: Global<(usize, usize)> = Global::new((0, 0));
const CHUNK_SIZE: usize = 64 << 20;

/// Sets the running thread's guard (`sched::M::stackguard`) for running on `seg` (null: the system stack).
pub fn set_guard(seg: *mut Seg) {
    // SAFETY: `seg` is live.
    let guard = if seg.is_null() { 0 } else { unsafe { (*seg).lo + HEADROOM } };
    sched::m().stackguard.store(guard, core::sync::atomic::Ordering::SeqCst);
}

fn map(size: usize) -> usize {
    match crate::os::linux::mmap_anon(size) {
        Some(p) => p,
        None => crate::panic::throw(b"out of memory allocating stack"),
    }
}

/// A segment of at least `size` bytes: from the free list of its class, `SEG_SIZE` ones cut from the
/// current chunk, larger ones mapped on their own.
fn alloc_seg(size: usize) -> *mut Seg {
    let _l = crate::lock::rt();
    let size = if size <= SEG_SIZE { SEG_SIZE } else { size.next_multiple_of(SEG_SIZE) };
    // SAFETY: under the runtime lock; free segments are ours.
    unsafe {
        let free = &mut *FREE.get();
        let base = match class_of(size) {
            Some(k) if !free[k].0.is_null() => {
                let s = free[k].0;
                free[k] = ((*s).next_free, free[k].1 - 1);
                (*s).lo
            }
            _ if size == SEG_SIZE => {
                let chunk = &mut *CHUNK.get();
                if chunk.1 < SEG_SIZE {
                    *chunk = (map(CHUNK_SIZE), CHUNK_SIZE);
                }
                let b = chunk.0;
                chunk.0 += SEG_SIZE;
                chunk.1 -= SEG_SIZE;
                b
            }
            _ => map(size),
        };
        let hi = base + size - core::mem::size_of::<Seg>();
        let s = hi as *mut Seg;
        core::ptr::write(
            s,
            Seg {
                lo: base,
                hi,
                size,
                prev: core::ptr::null_mut(),
                cache: core::ptr::null_mut(),
                old_sp: 0,
                args_size: 0,
                next_free: core::ptr::null_mut(),
            },
        );
        s
    }
}

fn free_seg(s: *mut Seg) {
    let _l = crate::lock::rt();
    // SAFETY: `s` is no longer used by any goroutine.
    unsafe {
        let size = (*s).size;
        let free = &mut *FREE.get();
        match class_of(size) {
            // `SEG_SIZE` segments come from chunks and are never unmapped.
            Some(k) if k == 0 || (free[k].1 + 1) * size <= POOL_BYTES => {
                (*s).next_free = free[k].0;
                free[k] = (s, free[k].1 + 1);
            }
            _ => crate::os::linux::munmap((*s).lo, size),
        }
    }
}

/// Frees `s` and the chain of segments cached behind it.
fn free_chain(mut s: *mut Seg) {
    while !s.is_null() {
        // SAFETY: the chain is unused; each segment is read before it is freed.
        let next = unsafe { (*s).cache };
        free_seg(s);
        s = next;
    }
}

/// Gives a new goroutine its first segment.
///
/// # Safety
/// `g` must be a goroutine without a stack.
pub unsafe fn first_segment(g: *mut G) {
    let s = alloc_seg(SEG_SIZE);
    (*g).seg = s;
    (*g).stack_bytes = SEG_SIZE - HEADROOM;
}

/// Releases every segment of a dead goroutine (called on the system stack).
///
/// # Safety
/// `g` must be dead.
pub unsafe fn free_all(g: *mut G) {
    let mut s = (*g).seg;
    while !s.is_null() {
        let prev = (*s).prev;
        free_chain((*s).cache);
        free_seg(s);
        s = prev;
    }
    (*g).seg = core::ptr::null_mut();
}

/// The segment of `g` that contains `addr`, if any.
///
/// # Safety
/// `g` must be live.
pub unsafe fn seg_of(g: *const G, addr: usize) -> *mut Seg {
    let mut s = (*g).seg;
    while !s.is_null() {
        if addr >= (*s).lo && addr < (*s).hi {
            return s;
        }
        s = (*s).prev;
    }
    core::ptr::null_mut()
}

/// Called by `g1c_morestack` on the old segment (within its headroom): picks the next segment, copies
/// the arguments there and returns the RSP to call the function with (16-byte aligned, arguments at it).
/// A poisoned guard (`sched::STACK_PREEMPT`) is a request to stop (`sched::preempt_point`); when the frame
/// then fits after all, returns 0 and `g1c_morestack` returns to the prologue to check again.
///
/// # Safety
/// Called only from `g1c_morestack` with the prologue's `old_sp`, `need` and `args_size`.
#[no_mangle]
pub unsafe extern "C" fn g1c_newstack(old_sp: usize, need: usize, args_size: usize) -> usize {
    let g = sched::curg();
    if g.is_null() {
        crate::panic::throw(b"morestack on g0");
    }
    if sched::m().stackguard.load(core::sync::atomic::Ordering::SeqCst) == sched::STACK_PREEMPT {
        // Not (only) short of stack: asked to stop. The function's RSP at entry was `old_sp + 8`.
        sched::preempt_point();
        if (old_sp + 8).wrapping_sub(need) >= (*(*g).seg).lo + HEADROOM {
            return 0;
        }
    }
    let cur = (*g).seg;
    let want = need + args_size + HEADROOM + core::mem::size_of::<Seg>() + 256;
    let cached = (*cur).cache;
    let next = if !cached.is_null() && (*cached).size >= want {
        (*cur).cache = core::ptr::null_mut();
        cached
    } else {
        free_chain(cached);
        (*cur).cache = core::ptr::null_mut();
        // Segments grow geometrically (up to MAX_SEG) so a deep recursion wastes little in headrooms
        // and switches segments rarely.
        let grown = ((*cur).size * 2).min(MAX_SEG);
        let size = want.max(grown).next_multiple_of(SEG_SIZE);
        alloc_seg(size)
    };
    if (*g).stack_bytes + (*next).size - HEADROOM > limit() {
        free_seg(next);
        overflow(g, old_sp);
    }
    (*g).stack_bytes += (*next).size - HEADROOM;
    (*next).prev = cur;
    (*next).old_sp = old_sp;
    (*next).args_size = args_size;
    let argp = ((*next).hi - args_size) & !15;
    copy_args(argp as *mut u8, (old_sp + 16) as *const u8, args_size);
    // A deferred call run by a panic finds its arguments here now: recover compares this address.
    crate::defer::moved_args(g, old_sp + 16, argp);
    (*g).seg = next;
    set_guard(next);
    argp
}

/// Called by `g1c_lessstack` on the segment being left, with RSP at the arguments' copy: copies the
/// arguments and results back, returns to the previous segment and gives the old RSP (pointing at the
/// return address into the prologue; the real return address is above it).
///
/// # Safety
/// Called only from `g1c_morestack`'s return path.
#[no_mangle]
pub unsafe extern "C" fn g1c_oldstack(sp: usize) -> usize {
    let g = sched::curg();
    let s = (*g).seg;
    let prev = (*s).prev;
    copy_args(((*s).old_sp + 16) as *mut u8, sp as *const u8, (*s).args_size);
    // Back where they were: a wrapper's callee that split the stack must not keep the right to recover
    // that its caller passed on to the wrapper's outgoing area for the next callee.
    crate::defer::moved_args(g, sp, (*s).old_sp + 16);
    pop_to(g, prev);
    (*s).old_sp
}

/// Copies a frame's arguments between two segments (they never overlap). A hot split (a call at a segment
/// edge in a loop) copies them twice per call, and most argument areas are a few words, where `rep movsb`'s
/// start-up cost dominates: whole words one by one, then the bytes left.
///
/// # Safety
/// Both ranges valid for `n` bytes, not overlapping.
unsafe fn copy_args(dst: *mut u8, src: *const u8, n: usize) {
    if n > 256 {
        crate::arch::amd64::copy_bytes(dst, src, n);
        return;
    }
    let words = n / 8;
    for i in 0..words {
        // Volatile: a plain loop would be turned back into a call of `memcpy`.
        core::ptr::write_volatile((dst as *mut u64).add(i), core::ptr::read_volatile((src as *const u64).add(i)));
    }
    for i in words * 8..n {
        core::ptr::write_volatile(dst.add(i), core::ptr::read_volatile(src.add(i)));
    }
}

/// Makes `to` (an older segment of `g`) current again; the newest segment left stays cached on `to`.
unsafe fn pop_to(g: *mut G, to: *mut Seg) {
    while (*g).seg != to {
        let s = (*g).seg;
        let prev = (*s).prev;
        (*g).stack_bytes -= (*s).size - HEADROOM;
        // `prev` entered `s` through morestack, which took `prev`'s cache: it is empty, and `s` with the
        // chain behind it becomes that cache.
        free_chain((*prev).cache);
        (*prev).cache = s;
        (*g).seg = prev;
    }
    set_guard(to);
}

/// Before execution continues at stack pointer `sp` (a recovered panic resuming a frame): makes the
/// segment holding `sp` current.
///
/// # Safety
/// `sp` must lie in one of `g`'s segments.
pub unsafe fn unwind_to(g: *mut G, sp: usize) {
    let s = seg_of(g, sp);
    if !s.is_null() {
        pop_to(g, s);
    }
}

/// gc's stack overflow report, then exit 2.
unsafe fn overflow(g: *mut G, sp: usize) -> ! {
    use crate::print::{hex, Out, Stderr};
    crate::panic::start_panicking();
    let mut o = Stderr::new();
    o.put(b"runtime: goroutine stack exceeds ");
    crate::print::uint(&mut o, *MAX_STACK_SETTING.get() as u64);
    o.put(b"-byte limit\n");
    o.put(b"runtime: sp=");
    hex(&mut o, sp as u64);
    o.put(b" stack=[");
    hex(&mut o, (*(*g).seg).lo as u64);
    o.put(b", ");
    hex(&mut o, (*(*g).seg).hi as u64);
    o.put(b"]\nfatal error: stack overflow\n\nruntime stack:\n");
    o.put(b"\ngoroutine ");
    crate::print::uint(&mut o, (*g).id);
    o.put(b" [running]:\n");
    let fp = crate::arch::amd64::frame_pointer();
    crate::traceback::traceback_g(&mut o, g, None, fp);
    o.flush();
    crate::os::linux::exit_group(2)
}

// g1c_morestack: called from a Go prologue with R10 = bytes the frame needs, R11 = its argument + result
// size; [rsp] = the return address into the prologue's stub (which jumps back to the check), [rsp+8] =
// the function's own return address, [rsp+16…] = its arguments. DX (the closure context) and RBP (the
// caller's frame) are preserved into the function. On return from the function (to g1c_lessstack), the
// results are copied back and the function's caller is returned to on the old segment.
core::arch::global_asm!(
    ".globl g1c_morestack",
    ".type g1c_morestack,@function",
    "g1c_morestack:",
    "    push rbp",
    "    mov rbp, rsp",
    "    push rdx",
    "    lea rdi, [rbp + 8]",
    "    mov rsi, r10",
    "    mov rdx, r11",
    "    call g1c_newstack",
    "    pop rdx",
    "    pop rbp",
    "    test rax, rax",
    "    jz 2f",
    "    mov r11, [rsp]",
    "    mov rsp, rax",
    "    call r11",
    ".globl g1c_lessstack",
    "g1c_lessstack:",
    "    mov rdi, rsp",
    "    call g1c_oldstack",
    "    lea rsp, [rax + 8]",
    "    ret",
    // Preempted with room to spare: back to the prologue's stub, which runs the check again.
    "2:",
    "    ret",
    ".size g1c_morestack, . - g1c_morestack",
);

extern "C" {
    /// The return address a function running on a new segment returns to; tracebacks replace it with
    /// the real one (`Seg::old_sp + 8`).
    pub fn g1c_lessstack();
}
