//! The garbage collector: stop-the-world, non-moving mark-sweep over `mem`'s spans (DESIGN §6).
//!
//! In: the heap (`mem::Heap`: spans with alloc and mark bitmaps, the page map that takes any address to its
//! span), the roots, and the GOGC environment variable. Out: unreachable objects freed (their slots reused
//! by the allocator, spans without survivors returned to the page heap, page runs beyond the next cycle's
//! needs given back to the OS with MADV_DONTNEED), and the heap goal of the next collection.
//!
//! A collection (`collect`, called by `mem::alloc` when the allocated bytes reach the goal):
//! 1. Roots, scanned conservatively (every aligned word that points into an allocated object marks it):
//!    the callee-saved registers, spilled by `collect` into its own frame; every stack the scheduler
//!    reports through `for_each_goroutine_stack`; the writable segments of the executable (`.data`, `.got`,
//!    `.bss`, found through the program headers the kernel passes in the auxiliary vector, AT_PHDR). Stacks
//!    have no pointer maps (DESIGN §5); globals could use the compiler's `gcdata` of each global later.
//! 2. Mark: an explicit mark stack of `(address, length)` objects, never recursion (a linked list of a
//!    million nodes must not overflow anything). A word marks the object it points into, interior pointers
//!    included (Go has pointers to fields and into arrays). Heap objects are scanned precisely: only the
//!    words the heap bitmap (`heapbits`) marks as pointers, written at allocation from the object's type
//!    (`g1c_newobject(typ)`, `g1c_makeslice_typed(et, …)`, …: the type's `gcdata` repeated per element),
//!    so an integer that looks like an address retains nothing; objects of `noscan` spans (types with
//!    `ptrdata == 0`, string bytes) are marked, never scanned. Untyped allocations (`g1c_alloc(size)`,
//!    some rt structures) have every bit set: they are scanned conservatively, as before.
//!    Then finalizers (`finalizer::during_mark`): every registered object's contents are marked, and the
//!    objects still unmarked are queued for their finalizer and marked (they survive this cycle).
//! 3. Sweep, eagerly, every span (`Heap::sweep`): marked objects become the allocated ones.
//! 4. Pace like gc with GOGC=100: the next collection happens when the allocated bytes reach
//!    `live + live * GOGC / 100`, at least 4 MiB * GOGC / 100 (`GOGC=off` disables collection), or earlier
//!    under a soft memory limit (GOMEMLIMIT, `debug.SetMemoryLimit`): when the heap would reach the limit
//!    less the runtime's other memory (`heap_goal`).
//!
//! Invariants: the collector allocates nothing from the heap (the mark stack is mmap'd); objects never move;
//! a false pointer in a root (an integer that looks like an address) only retains memory, never frees it.

use crate::heapbits;
use crate::mem::{self, Heap};
use crate::Global;

/// The mark stack: `(address, length)` ranges still to scan, in memory of its own (never the Go heap).
/// Entries are `[address, length, bits]`: an object to scan and, when nonzero, its pointer bits (one per
/// word, from its span's `uniform_bits`), else the heap bitmap says which words are pointers.
struct MarkStack {
    base: *mut [usize; 3],
    len: usize,
    cap: usize,
}

static MARK_STACK: Global<MarkStack> = Global::new(MarkStack { base: core::ptr::null_mut(), len: 0, cap: 0 });

impl MarkStack {
    #[inline]
    fn push(&mut self, addr: usize, len: usize, bits: u64) {
        if self.len == self.cap {
            self.grow();
        }
        // SAFETY: `len < cap` after growing.
        unsafe { self.base.add(self.len).write([addr, len, bits as usize]) };
        self.len += 1;
    }

    #[inline]
    fn pop(&mut self) -> Option<[usize; 3]> {
        if self.len == 0 {
            return None;
        }
        self.len -= 1;
        // SAFETY: entries below `len` were written by `push`.
        Some(unsafe { self.base.add(self.len).read() })
    }

    /// Doubles the capacity (new mapping, copy, unmap the old one).
    #[inline(never)]
    fn grow(&mut self) {
        let cap = (self.cap * 2).max(4096);
        let bytes = cap * core::mem::size_of::<[usize; 3]>();
        let p = crate::os::linux::mmap_anon(bytes).unwrap_or_else(|| crate::panic::throw(b"out of memory"))
            as *mut [usize; 3];
        if !self.base.is_null() {
            // SAFETY: both mappings are valid for `len` entries and distinct.
            unsafe { core::ptr::copy_nonoverlapping(self.base, p, self.len) };
            crate::os::linux::munmap(self.base as usize, self.cap * core::mem::size_of::<[usize; 3]>());
        }
        self.base = p;
        self.cap = cap;
    }
}

/// The collector's state across collections.
pub struct GcState {
    /// GOGC: the heap may grow by this percentage of the live heap before the next collection; negative
    /// when collection is off. Read from the environment at the first collection.
    pub gogc: i64,
    pub gogc_read: bool,
    /// `GODEBUG=gctrace=1`: one line on stderr per collection.
    pub trace: bool,
    /// Completed collections.
    pub num_gc: u64,
    /// Of them, those runtime.GC asked for.
    pub num_forced: u64,
    /// For runtime.ReadMemStats and debug.ReadGCStats: nanoseconds the world was stopped, in all; each
    /// collection's pause and its end (wall clock), a ring indexed by collection number mod 256.
    pub pause_total: u64,
    pub pause_ns: [u64; 256],
    pub pause_end: [u64; 256],
    /// The soft memory limit in bytes (gc's `memoryLimit`): `i64::MAX` is none. Read from GOMEMLIMIT at
    /// start (`read_memory_limit`), set by `debug.SetMemoryLimit`.
    pub memory_limit: i64,
}

pub static GC: Global<GcState> = Global::new(GcState {
    gogc: 100,
    gogc_read: false,
    trace: false,
    num_gc: 0,
    num_forced: 0,
    pause_total: 0,
    pause_ns: [0; 256],
    pause_end: [0; 256],
    memory_limit: i64::MAX,
});

/// Reports the stacks to scan: `f(lo, hi)` for each live stack range `[lo, hi)`. `sp` is the stack pointer
/// of the collector's own frame (on whichever stack the runtime is running).
pub type StackWalker = fn(sp: usize, f: &mut dyn FnMut(usize, usize));

/// The scheduler's stack walker (docs/RUNTIME-ABI.md "Garbage collector"). Until one is installed, the only
/// stack is the main one: from `sp` to the top recorded at start.
pub static STACK_WALKER: Global<Option<StackWalker>> = Global::new(None);

/// Calls `f(lo, hi)` for every range of every goroutine stack that may hold pointers into the heap
/// (conservatively scanned), including the stack `collect` runs on, from `sp` up.
pub fn for_each_goroutine_stack(sp: usize, f: &mut dyn FnMut(usize, usize)) {
    // SAFETY: single-threaded; the walker is installed once by the scheduler.
    match unsafe { *STACK_WALKER.get() } {
        Some(walk) => walk(sp, f),
        None => {
            // SAFETY: set once at start.
            let hi = unsafe { *crate::traceback::STACK_HI.get() };
            if hi > sp {
                f(sp, hi);
            }
        }
    }
}

/// Marks the object `p` points into, if any, and queues it for scanning unless it holds no pointers.
#[inline(always)]
fn mark(heap: &Heap, stack: &mut MarkStack, p: usize) {
    if let Some((s, i)) = heap.find_object(p) {
        // SAFETY: `find_object` returns a valid in-use span; nothing else references it during marking.
        let s = unsafe { &mut *s };
        let (w, bit) = (i / 64, 1u64 << (i % 64));
        if s.mark_bits[w] & bit == 0 {
            s.mark_bits[w] |= bit;
            if !s.noscan {
                let bits = if s.bits_shape > heapbits::SHAPE_FRESH { s.uniform_bits } else { 0 };
                stack.push(s.base + i * s.elemsize, s.elemsize, bits);
            }
        }
    }
}

/// Conservatively marks from every aligned word of `[lo, hi)`.
///
/// # Safety
/// The range must be readable.
#[inline]
unsafe fn scan_range(heap: &Heap, stack: &mut MarkStack, lo: usize, hi: usize) {
    let mut p = (lo + 7) & !7;
    while p + 8 <= hi {
        let w = (p as *const usize).read_volatile();
        // Quick rejection of the common non-pointer before the span lookup.
        if w >= heap.heap_min && w < heap.heap_max {
            mark(heap, stack, w);
        }
        p += 8;
    }
}

/// Scans queued objects until the mark stack is empty: precisely, only the words the heap bitmap marks as
/// pointers.
fn drain(heap: &Heap, stack: &mut MarkStack) {
    while let Some([addr, len, bits]) = stack.pop() {
        let mut visit = |p: usize| {
            // SAFETY: `p` is a word of an allocated heap object.
            let w = unsafe { (p as *const usize).read() };
            if w >= heap.heap_min && w < heap.heap_max {
                mark(heap, stack, w);
            }
        };
        if bits != 0 {
            // An object of a span whose slots all have the same bits: no bitmap to read.
            let mut bits = bits as u64;
            while bits != 0 {
                visit(addr + bits.trailing_zeros() as usize * 8);
                bits &= bits - 1;
            }
        } else {
            heapbits::for_each_pointer(heap, addr, len, visit);
        }
    }
}

/// Marking on behalf of the finalizer table (`finalizer::during_mark`), after the roots are marked.
pub struct Marker<'a> {
    heap: &'a Heap,
    stack: &'a mut MarkStack,
}

impl Marker<'_> {
    /// Marks the object `p` points into and everything reachable from it.
    pub fn mark(&mut self, p: usize) {
        mark(self.heap, self.stack, p);
        drain(self.heap, self.stack);
    }

    /// Marks everything reachable from the object at `p`, but not that object itself.
    pub fn scan_contents(&mut self, p: usize) {
        if let Some((s, i)) = self.heap.find_object(p) {
            // SAFETY: `find_object` returns a valid in-use span.
            let s = unsafe { &*s };
            if !s.noscan {
                let bits = if s.bits_shape > heapbits::SHAPE_FRESH { s.uniform_bits } else { 0 };
                self.stack.push(s.base + i * s.elemsize, s.elemsize, bits);
                drain(self.heap, self.stack);
            }
        }
    }

    /// Whether the object `p` points into is marked (false for an address outside the heap's objects).
    pub fn is_marked(&self, p: usize) -> bool {
        match self.heap.find_object(p) {
            // SAFETY: as above.
            Some((s, i)) => unsafe { (*s).mark_bits[i / 64] & (1 << (i % 64)) != 0 },
            None => true,
        }
    }
}

/// The start of the allocated heap object `p` points into, if any.
pub fn object_base(p: usize) -> Option<usize> {
    let heap = mem::heap();
    // SAFETY: `find_object` returns a valid in-use span.
    heap.find_object(p).map(|(s, i)| unsafe { (*s).base + i * (*s).elemsize })
}

/// Collects now: marks from the program's roots, sweeps, sets the next goal. Called by `mem::alloc`.
#[inline(never)]
pub fn collect() {
    let _l = crate::lock::rt();
    crate::sched::stop_the_world();
    // Spill the callee-saved registers into this frame: a caller's pointer may live only in one of them.
    let mut regs = [0usize; 6];
    let sp: usize;
    // SAFETY: stores into a local array; reads RSP.
    unsafe {
        core::arch::asm!(
            "mov [{r}], rbx", "mov [{r} + 8], rbp", "mov [{r} + 16], r12",
            "mov [{r} + 24], r13", "mov [{r} + 32], r14", "mov [{r} + 40], r15",
            "mov {sp}, rsp",
            r = in(reg) regs.as_mut_ptr(), sp = out(reg) sp, options(nostack, preserves_flags),
        );
    }
    collect_with_roots(&mut |f| {
        f(regs.as_ptr() as usize, regs.as_ptr() as usize + core::mem::size_of_val(&regs));
        for_each_goroutine_stack(sp, f);
        for_each_data_segment(f);
    });
    core::hint::black_box(&regs);
}

/// A collection Go code asked for (`runtime.GC`, `debug.FreeOSMemory`), whose Go caller's stack pointer is
/// `go_sp`: the calling goroutine's stack is scanned from there. rt's frames below it hold none of the
/// program's pointers (nothing is in flight in rt, unlike a collection an allocation starts), only stale
/// words of earlier, deeper calls that their uninitialized slots overlay, and those would keep garbage
/// alive (an object whose finalizer the caller then waits for). Nor are the registers roots: ABI0 code
/// keeps nothing in them across a call.
#[inline(never)]
pub fn collect_from_go(go_sp: usize) {
    let _l = crate::lock::rt();
    crate::sched::stop_the_world();
    collect_with_roots(&mut |f| {
        for_each_goroutine_stack(go_sp, f);
        for_each_data_segment(f);
    });
}

/// One collection with the roots `roots` reports (each range scanned conservatively).
pub fn collect_with_roots(roots: &mut dyn FnMut(&mut dyn FnMut(usize, usize))) {
    // SAFETY: single-threaded (see `Global`); the collector is not reentrant (it never allocates).
    let gc = unsafe { &mut *GC.get() };
    let heap = mem::heap();
    // The world is stopped: every P's allocations since its last refill count now.
    heap.flush_stats();
    if !gc.gogc_read {
        read_env(gc);
        if gc.gogc >= 0 || gc.memory_limit != i64::MAX {
            // The first goal, before anything was collected: gc's heapMinimum scaled by GOGC, or the
            // memory limit's when lower.
            let first = if gc.gogc >= 0 { mem::HEAP_MINIMUM / 100 * gc.gogc as usize } else { usize::MAX };
            heap.next_gc = first.min(heap_goal(gc, heap));
            if heap.live < heap.next_gc {
                return;
            }
        }
    }
    if gc.gogc < 0 && gc.memory_limit == i64::MAX {
        heap.next_gc = usize::MAX;
        return;
    }
    crate::sema::clear_caches();
    let before = heap.live;
    let start = crate::time::nanotime();
    // SAFETY: as above.
    let stack = unsafe { &mut *MARK_STACK.get() };
    {
        let heap: &Heap = heap;
        roots(&mut |lo, hi| {
            // SAFETY: root ranges are readable memory (registers' copy, stacks, data segments).
            unsafe { scan_range(heap, stack, lo, hi) };
            drain(heap, stack);
        });
        crate::finalizer::during_mark(&mut Marker { heap, stack });
    }
    let live = heap.sweep();
    heap.next_gc = heap_goal(gc, heap);
    // Keep the free pages the heap will grow into before the next collection; give back the rest.
    let released = heap.scavenge(heap.next_gc.saturating_sub(live));
    if cfg!(test) {
        // Unit tests have no program roots: they collect only when they ask to.
        heap.next_gc = usize::MAX;
    }
    // The whole collection stops the world (one thread; nothing else runs meanwhile).
    let pause = (crate::time::nanotime() - start).max(0) as u64;
    gc.pause_total += pause;
    gc.pause_ns[(gc.num_gc % 256) as usize] = pause;
    gc.pause_end[(gc.num_gc % 256) as usize] = crate::time::walltime_ns();
    gc.num_gc += 1;
    crate::finalizer::after_collect();
    if gc.trace {
        use crate::print::{uint, Out, Stderr};
        let mut o = Stderr::new();
        o.put(b"gc ");
        uint(&mut o, gc.num_gc);
        o.put(b": ");
        uint(&mut o, (before >> 10) as u64);
        o.put(b"->");
        uint(&mut o, (live >> 10) as u64);
        o.put(b" KB live, goal ");
        uint(&mut o, (heap.next_gc >> 10) as u64);
        o.put(b" KB, mapped ");
        uint(&mut o, (heap.mapped >> 10) as u64);
        o.put(b" KB, released ");
        uint(&mut o, (released >> 10) as u64);
        o.put(b" KB\n");
        o.flush();
    }
}

/// GOGC and GODEBUG from the environment, as gc's readGOGC: "off" disables collection, a number sets the
/// percentage, anything else means 100.
fn read_env(gc: &mut GcState) {
    gc.gogc_read = true;
    if let Some(v) = getenv(b"GOGC") {
        gc.gogc = if v == b"off" { -1 } else { parse_int(v).unwrap_or(100) };
    }
    if let Some(v) = getenv(b"GODEBUG") {
        gc.trace = v.split(|&c| c == b',').any(|kv| kv == b"gctrace=1");
    }
}

fn parse_int(s: &[u8]) -> Option<i64> {
    let (neg, digits) = match s.first() {
        Some(b'-') => (true, &s[1..]),
        Some(b'+') => (false, &s[1..]),
        _ => (false, s),
    };
    if digits.is_empty() || digits.len() > 18 || !digits.iter().all(u8::is_ascii_digit) {
        return None;
    }
    let n = digits.iter().fold(0i64, |n, &d| n * 10 + (d - b'0') as i64);
    Some(if neg { -n } else { n })
}

/// The value of environment variable `name`, from the environment the kernel passed.
pub fn getenv(name: &[u8]) -> Option<&'static [u8]> {
    // SAFETY: `envp` is the NULL-terminated array of NUL-terminated strings from the initial stack (or null
    // in unit tests, where nothing set it).
    unsafe {
        let mut e = (*crate::start::ARGS.get()).envp;
        if e.is_null() {
            return None;
        }
        while !(*e).is_null() {
            let s = *e;
            let mut n = 0;
            // A volatile read, so that LLVM does not turn the loop into a call to `strlen` (not in rt).
            while s.add(n).read_volatile() != 0 {
                n += 1;
            }
            let kv = core::slice::from_raw_parts(s, n);
            if kv.len() > name.len() && kv.starts_with(name) && kv[name.len()] == b'=' {
                return Some(&kv[name.len() + 1..]);
            }
            e = e.add(1);
        }
    }
    None
}

/// Calls `f(lo, hi)` for each writable loadable segment of the executable (the Go program's and the
/// runtime's globals), found through the auxiliary vector's AT_PHDR/AT_PHNUM (the executable is static and
/// not position-independent, so `p_vaddr` is the address).
fn for_each_data_segment(f: &mut dyn FnMut(usize, usize)) {
    const AT_NULL: usize = 0;
    const AT_PHDR: usize = 3;
    const AT_PHNUM: usize = 5;
    const PT_LOAD: u32 = 1;
    const PF_W: u32 = 2;
    #[repr(C)]
    struct Phdr {
        p_type: u32,
        p_flags: u32,
        p_offset: u64,
        p_vaddr: u64,
        p_paddr: u64,
        p_filesz: u64,
        p_memsz: u64,
        p_align: u64,
    }
    // SAFETY: the auxiliary vector follows envp's terminating NULL on the initial stack (System V AMD64 ABI
    // §3.4.1); AT_PHDR points at the loaded program headers.
    unsafe {
        let mut e = (*crate::start::ARGS.get()).envp;
        if e.is_null() {
            return;
        }
        while !(*e).is_null() {
            e = e.add(1);
        }
        let mut aux = e.add(1) as *const [usize; 2];
        let (mut phdr, mut phnum) = (0usize, 0usize);
        while (*aux)[0] != AT_NULL {
            match (*aux)[0] {
                AT_PHDR => phdr = (*aux)[1],
                AT_PHNUM => phnum = (*aux)[1],
                _ => {}
            }
            aux = aux.add(1);
        }
        if phdr == 0 {
            return;
        }
        for i in 0..phnum {
            let ph = &*(phdr as *const Phdr).add(i);
            if ph.p_type == PT_LOAD && ph.p_flags & PF_W != 0 {
                f(ph.p_vaddr as usize, (ph.p_vaddr + ph.p_memsz) as usize);
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::mem::alloc;

    /// A singly linked list node in the Go heap: `next` then a payload.
    unsafe fn cons(next: *mut usize, v: usize) -> *mut usize {
        let p = alloc(16) as *mut usize;
        *p = next as usize;
        *p.add(1) = v;
        p
    }

    fn collect_from(roots: &[usize]) {
        let (lo, hi) = (roots.as_ptr() as usize, roots.as_ptr() as usize + core::mem::size_of_val(roots));
        collect_with_roots(&mut |f| f(lo, hi));
    }

    #[test]
    fn reachable_objects_survive_and_garbage_is_reused() {
        let _l = crate::test_lock();
        unsafe {
            // A long list (deep enough that recursion would hurt) reachable through an interior pointer.
            let mut head = core::ptr::null_mut();
            for i in 0..200_000 {
                head = cons(head, i);
            }
            let mut garbage = core::ptr::null_mut();
            for i in 0..100_000 {
                garbage = cons(garbage, i);
            }
            let big = alloc(100 << 10) as *mut usize; // a large object, reachable
            *big.add(1000) = head as usize + 8; // interior pointer to the list's head payload
            let dead_big = alloc(200 << 10) as usize;
            let roots = [big as usize + 16];
            collect_from(&roots);
            let heap = mem::heap();
            heap.verify("after the collection");
            assert!(heap.find_object(big as usize).is_some());
            assert!(heap.find_object(dead_big).is_none());
            assert!(heap.find_object(garbage as usize).is_none());
            let (mut n, mut p) = (0, head);
            while !p.is_null() {
                assert!(heap.find_object(p as usize).is_some(), "node {n}");
                assert_eq!(*p.add(1), 199_999 - n);
                n += 1;
                p = *p as *mut usize;
            }
            assert_eq!(n, 200_000);
            assert!(heap.live >= 200_000 * 16 + (100 << 10));
            assert!(heap.live < 200_000 * 16 + (100 << 10) + (1 << 20));
            // Freed slots are reused (and zeroed) before new spans are made.
            let q = alloc(16) as *mut usize;
            assert_eq!(*q, 0);
            assert_eq!(*q.add(1), 0);
            // Dropping the roots frees everything.
            collect_from(&[]);
            assert!(heap.find_object(head as usize).is_none());
            assert_eq!(heap.live, 0);
        }
    }

    #[test]
    fn allocating_forever_reuses_memory() {
        let _l = crate::test_lock();
        collect_from(&[]);
        let heap = mem::heap();
        let mapped = heap.mapped;
        for round in 0..20 {
            for _ in 0..20_000 {
                unsafe { cons(core::ptr::null_mut(), round) };
            }
            let _big = alloc(3 << 20);
            heap.verify("before");
            collect_from(&[]);
            heap.verify("after");
        }
        // One arena at most was added for twenty rounds of 4 MiB.
        assert!(heap.mapped <= mapped + mem::ARENA_SIZE, "{} -> {}", mapped, heap.mapped);
    }

    /// A type descriptor for tests: `size` bytes, pointer words given by `bits` (word 0 = bit 0).
    fn test_type(size: usize, bits: &'static [u8]) -> crate::iface::Type {
        let nbits = bits
            .iter()
            .enumerate()
            .filter(|(_, &b)| b != 0)
            .map(|(i, &b)| i * 8 + 8 - b.leading_zeros() as usize)
            .max();
        crate::iface::Type {
            size,
            ptrdata: nbits.unwrap_or(0) * 8,
            hash: 0,
            tflag: 0,
            align: 8,
            field_align: 8,
            kind: 25,
            equal: 0,
            gcdata: bits.as_ptr(),
            str: 0,
            ptr_to_this: 0,
        }
    }

    #[test]
    fn typed_objects_are_scanned_precisely() {
        let _l = crate::test_lock();
        collect_from(&[]);
        let heap = mem::heap();
        // struct { id int; next *T; pad [5]int } (56 bytes: word 1 is the only pointer), and arrays of it
        // (small, spanning several bitmap blocks, and large), with a scalar word holding a heap address.
        let t = test_type(56, &[0b10]);
        for n in [1usize, 3, 40, 1000] {
            let obj = mem::alloc_typed(&t, n, n * 56) as *mut usize;
            let via_scalar = alloc(64) as usize; // referenced only from scalar words
            let via_pointer = alloc(64) as usize;
            for i in 0..n {
                *unsafe { &mut *obj.add(i * 7) } = via_scalar; // id
                *unsafe { &mut *obj.add(i * 7 + 2) } = via_scalar; // pad[0]
            }
            unsafe { *obj.add((n - 1) * 7 + 1) = via_pointer };
            collect_from(&[obj as usize]);
            heap.verify("typed");
            assert!(heap.find_object(obj as usize).is_some(), "n={n}");
            assert!(heap.find_object(via_pointer).is_some(), "n={n}");
            assert!(heap.find_object(via_scalar).is_none(), "n={n}: a scalar retained an object");
        }
        // A pointer-free type goes to a noscan span: nothing it holds is followed.
        let ints = test_type(8, &[0]);
        let arr = mem::alloc_typed(&ints, 100, 800) as *mut usize;
        let target = alloc(16) as usize;
        unsafe { *arr.add(50) = target };
        collect_from(&[arr as usize]);
        assert!(heap.find_object(arr as usize).is_some());
        assert!(heap.find_object(target).is_none());
        // A layout (a map-bucket-like object): word 3 is a pointer, the rest scalars.
        let target = alloc(16) as usize;
        let decoy = alloc(16) as usize;
        let obj = mem::alloc_layout(48, &|w| {
            w.scalars(3);
            w.ptr();
        }) as *mut usize;
        unsafe {
            *obj.add(3) = target;
            *obj.add(4) = decoy;
        }
        collect_from(&[obj as usize]);
        assert!(heap.find_object(target).is_some());
        assert!(heap.find_object(decoy).is_none());
        collect_from(&[]);
        assert_eq!(heap.live, 0);
    }
}

/// `debug.SetGCPercent`: sets GOGC to `pct` (negative turns collection off) and returns the previous
/// setting; the next collection's goal follows at once from the live heap.
pub fn set_gc_percent(pct: i32) -> i32 {
    // SAFETY: single-threaded (see `Global`).
    let gc = unsafe { &mut *GC.get() };
    if !gc.gogc_read {
        read_env(gc);
    }
    let old = gc.gogc.clamp(i32::MIN as i64, i32::MAX as i64) as i32;
    gc.gogc = if pct < 0 { -1 } else { pct as i64 };
    let heap = mem::heap();
    heap.flush_stats();
    heap.next_gc = heap_goal(gc, heap);
    old
}

/// The next collection's goal for the heap as it is now (`heap.live` bytes of objects): the lower of
/// GOGC's (`live * (1 + GOGC/100)`, at least 4 MiB * GOGC/100; none when GOGC is off) and the memory
/// limit's. The limit's goal is the limit less what the program's memory holds besides objects: the
/// goroutines' stacks, the profiles' records, and the unused part of the heap's in-use pages (gc's
/// `memoryLimitHeapGoal` counts the same overheads), less 3% of headroom for the pages the heap grows by
/// between looks. A heap already over its limit is collected again after it grows by 1/32 (and 256 KiB): gc
/// collects continuously then but caps the collector at half the CPU, which this bound stands in for, so
/// that a limit the live heap cannot meet slows the program down instead of collecting at every
/// allocation.
pub fn heap_goal(gc: &GcState, heap: &Heap) -> usize {
    let live = heap.live;
    let gogc_goal = if gc.gogc < 0 {
        usize::MAX
    } else {
        let p = gc.gogc as usize;
        (live + live / 100 * p).max(mem::HEAP_MINIMUM / 100 * p)
    };
    if gc.memory_limit == i64::MAX || cfg!(test) {
        return gogc_goal;
    }
    let mut inuse = 0usize;
    let mut s = heap.in_use;
    while !s.is_null() {
        // SAFETY: the in-use span list, read under the runtime lock.
        unsafe {
            inuse += (*s).npages * mem::PAGE_SIZE;
            s = (*s).next;
        }
    }
    let other = crate::sched::stack_bytes() + crate::mprof::bucket_bytes() as usize + inuse.saturating_sub(live);
    let limit = gc.memory_limit as usize;
    let avail = limit.saturating_sub(other);
    let limit_goal = (avail - avail / 100 * 3).max(live + live / 32 + (256 << 10));
    gogc_goal.min(limit_goal)
}

/// gc's `readGOMEMLIMIT`, at start: the memory limit in bytes GOMEMLIMIT sets ("off" or unset: none), a
/// number with an optional `B`, `KiB`, `MiB`, `GiB` or `TiB` suffix; anything else is gc's fatal error.
pub fn read_memory_limit() {
    let Some(v) = getenv(b"GOMEMLIMIT") else { return };
    if v.is_empty() || v == b"off" {
        return;
    }
    match parse_byte_count(v) {
        // SAFETY: at start, one thread.
        Some(n) => unsafe { (*GC.get()).memory_limit = n },
        None => {
            use crate::print::{Out, Stderr};
            let mut o = Stderr::new();
            o.put(b"GOMEMLIMIT=");
            o.put(v);
            o.put(b"\n");
            o.flush();
            crate::panic::throw(b"malformed GOMEMLIMIT; see `go doc runtime/debug.SetMemoryLimit`");
        }
    }
}

/// gc's `atoi64`: an optional `-`, then decimal digits (none reads as 0), within int64.
fn atoi64(s: &[u8]) -> Option<i64> {
    let (neg, digits) = match s.split_first() {
        Some((b'-', rest)) => (true, rest),
        _ => (false, s),
    };
    if s.is_empty() {
        return None;
    }
    let mut un: u64 = 0;
    for &c in digits {
        if !c.is_ascii_digit() {
            return None;
        }
        un = un.checked_mul(10)?.checked_add((c - b'0') as u64)?;
    }
    match (neg, un) {
        (false, u) if u > i64::MAX as u64 => None,
        (true, u) if u > i64::MAX as u64 + 1 => None,
        (false, u) => Some(u as i64),
        (true, u) => Some((u as i64).wrapping_neg()),
    }
}

/// gc's `parseByteCount`: a non-negative byte count, with an optional `B` or `KiB`…`TiB` suffix.
fn parse_byte_count(s: &[u8]) -> Option<i64> {
    let &last = s.last()?;
    if last.is_ascii_digit() {
        return atoi64(s).filter(|&n| n >= 0);
    }
    if last != b'B' || s.len() < 2 {
        return None;
    }
    let c = s[s.len() - 2];
    if c.is_ascii_digit() {
        return atoi64(&s[..s.len() - 1]).filter(|&n| n >= 0);
    }
    if c != b'i' || s.len() < 4 {
        return None;
    }
    let power = match s[s.len() - 3] {
        b'K' => 1,
        b'M' => 2,
        b'G' => 3,
        b'T' => 4,
        _ => return None,
    };
    let n = atoi64(&s[..s.len() - 3]).filter(|&n| n >= 0)? as u64;
    let v = n.checked_mul(1u64 << (10 * power))?;
    if v > i64::MAX as u64 {
        return None;
    }
    Some(v as i64)
}

/// `debug.SetMemoryLimit`'s half (gc's `setMemoryLimit`): sets the limit to `n` bytes when `n` is not
/// negative and returns the previous one; the next collection's goal follows at once.
pub fn set_memory_limit(n: i64) -> i64 {
    // SAFETY: under the runtime lock (the caller's).
    let gc = unsafe { &mut *GC.get() };
    let old = gc.memory_limit;
    if n >= 0 && n != old {
        gc.memory_limit = n;
        if !gc.gogc_read {
            read_env(gc);
        }
        let heap = mem::heap();
        heap.flush_stats();
        heap.next_gc = heap_goal(gc, heap);
    }
    old
}
