//! The heap: OS pages, size classes and spans, in gc's shape (runtime/malloc.go, mheap.go, sizeclasses.go).
//!
//! In: allocation requests (`g1c_alloc`, and `slice`/`string` through `alloc`/`alloc_noscan`); the
//! collector's mark bits (`gc`). Out: zeroed memory, 8-byte aligned, 16-byte aligned when the size is 16 or
//! more (docs/RUNTIME-ABI.md); the object (span and slot) any address points into, for the collector.
//!
//! Structure:
//! - Arenas: 64 MiB regions, aligned to their size, reserved with mmap. An index with one entry per possible
//!   arena of the 48-bit address space leads to each arena's page map (the span of every 8 KiB page), so
//!   `find_object` answers "which object does this word point into" in a few loads (gc's heapArena.spans).
//! - Spans: a run of pages holding objects of one span class (gc 1.19's 67 size classes, copied below,
//!   times "scan"/"noscan"), or one large object (class 0, more than 32 KiB). Each span has an alloc bitmap
//!   and a mark bitmap, one bit per slot; allocation takes the next slot whose alloc bit is clear.
//! - The page heap: free page runs on free lists by length, coalesced with their free neighbours when a span
//!   is freed, split on allocation (best fit). Free runs beyond what the next collection cycle needs are
//!   given back to the OS with MADV_DONTNEED (`scavenge`), so a program's RSS follows its live heap.
//! - `sweep` (called by `gc` after marking) makes the marked objects the allocated ones.
//! - Caches (gc's mcache): each P owns a `Cache` holding, per span class, the span it allocates from, and
//!   its allocation counts not yet added to the heap's. A goroutine's small allocation takes a slot of its
//!   P's span without the runtime lock (`alloc_in`); only a refill (the span is full), a large object, or an
//!   allocation on a thread without a P (the heap's own `central` cache) takes the lock. The collector runs
//!   with the world stopped: it adds every cache's counts to the heap's (`flush_stats`) and `sweep` empties
//!   every cache, so that a cached span is swept like any other and refills start from the partial lists.
//!
//! Invariants: memory handed out is zero (fresh and scavenged pages are; reused slots and pages are cleared
//! when the span says `needzero`); every page of an in-use span maps to it, the first and last pages of a
//! free run map to it; span metadata lives outside the arenas (never scanned, never freed, records reused).
//! A span is in at most one cache, or on at most one partial list; only its cache's owner takes slots from
//! it, and only the thread holding that cache's P touches the cache, except with the world stopped. The
//! lock-free path runs only on a thread that holds a P and runs a goroutine (`M::running_go`): such a
//! thread is never at a safe point, so the collector waits for it to leave the allocator.

use crate::heapbits::{self, Shape};
use crate::iface::Type;
use crate::os::linux;
use crate::Global;

pub const PAGE_SHIFT: usize = 13;
pub const PAGE_SIZE: usize = 1 << PAGE_SHIFT;
pub const MAX_SMALL_SIZE: usize = 32768;
pub const SMALL_SIZE_DIV: usize = 8;
pub const SMALL_SIZE_MAX: usize = 1024;
pub const LARGE_SIZE_DIV: usize = 128;
pub const NUM_SIZE_CLASSES: usize = 68;
/// gc's maxAlloc on 64-bit Linux: the largest allocation (1 << heapAddrBits).
pub const MAX_ALLOC: usize = 1 << 48;

// The tables below are runtime/sizeclasses.go of Go 1.19 (generated there by mksizeclasses.go).

pub const CLASS_TO_SIZE: [u16; NUM_SIZE_CLASSES] = [
    0, 8, 16, 24, 32, 48, 64, 80, 96, 112, 128, 144, 160, 176, 192, 208, 224, 240, 256, 288, 320, 352, 384, 416, 448,
    480, 512, 576, 640, 704, 768, 896, 1024, 1152, 1280, 1408, 1536, 1792, 2048, 2304, 2688, 3072, 3200, 3456, 4096,
    4864, 5376, 6144, 6528, 6784, 6912, 8192, 9472, 9728, 10240, 10880, 12288, 13568, 14336, 16384, 18432, 19072,
    20480, 21760, 24576, 27264, 28672, 32768,
];

pub const CLASS_TO_ALLOCNPAGES: [u8; NUM_SIZE_CLASSES] = [
    0, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 2, 1, 2,
    1, 2, 1, 3, 2, 3, 1, 3, 2, 3, 4, 5, 6, 1, 7, 6, 5, 4, 3, 5, 7, 2, 9, 7, 5, 8, 3, 10, 7, 4,
];

pub const SIZE_TO_CLASS8: [u8; SMALL_SIZE_MAX / SMALL_SIZE_DIV + 1] = [
    0, 1, 2, 3, 4, 5, 5, 6, 6, 7, 7, 8, 8, 9, 9, 10, 10, 11, 11, 12, 12, 13, 13, 14, 14, 15, 15, 16, 16, 17, 17, 18,
    18, 19, 19, 19, 19, 20, 20, 20, 20, 21, 21, 21, 21, 22, 22, 22, 22, 23, 23, 23, 23, 24, 24, 24, 24, 25, 25, 25, 25,
    26, 26, 26, 26, 27, 27, 27, 27, 27, 27, 27, 27, 28, 28, 28, 28, 28, 28, 28, 28, 29, 29, 29, 29, 29, 29, 29, 29, 30,
    30, 30, 30, 30, 30, 30, 30, 31, 31, 31, 31, 31, 31, 31, 31, 31, 31, 31, 31, 31, 31, 31, 31, 32, 32, 32, 32, 32, 32,
    32, 32, 32, 32, 32, 32, 32, 32, 32, 32,
];

pub const SIZE_TO_CLASS128: [u8; (MAX_SMALL_SIZE - SMALL_SIZE_MAX) / LARGE_SIZE_DIV + 1] = [
    32, 33, 34, 35, 36, 37, 37, 38, 38, 39, 39, 40, 40, 40, 41, 41, 41, 42, 43, 43, 44, 44, 44, 44, 44, 45, 45, 45, 45,
    45, 45, 46, 46, 46, 46, 47, 47, 47, 47, 47, 47, 48, 48, 48, 49, 49, 50, 51, 51, 51, 51, 51, 51, 51, 51, 51, 51, 52,
    52, 52, 52, 52, 52, 52, 52, 52, 52, 53, 53, 54, 54, 54, 54, 55, 55, 55, 55, 55, 56, 56, 56, 56, 56, 56, 56, 56, 56,
    56, 56, 57, 57, 57, 57, 57, 57, 57, 57, 57, 57, 58, 58, 58, 58, 58, 58, 59, 59, 59, 59, 59, 59, 59, 59, 59, 59, 59,
    59, 59, 59, 59, 59, 60, 60, 60, 60, 60, 60, 60, 60, 60, 60, 60, 60, 60, 60, 60, 60, 61, 61, 61, 61, 61, 62, 62, 62,
    62, 62, 62, 62, 62, 62, 62, 62, 63, 63, 63, 63, 63, 63, 63, 63, 63, 63, 64, 64, 64, 64, 64, 64, 64, 64, 64, 64, 64,
    64, 64, 64, 64, 64, 64, 64, 64, 64, 64, 64, 65, 65, 65, 65, 65, 65, 65, 65, 65, 65, 65, 65, 65, 65, 65, 65, 65, 65,
    65, 65, 65, 66, 66, 66, 66, 66, 66, 66, 66, 66, 66, 66, 67, 67, 67, 67, 67, 67, 67, 67, 67, 67, 67, 67, 67, 67, 67,
    67, 67, 67, 67, 67, 67, 67, 67, 67, 67, 67, 67, 67, 67, 67, 67, 67,
];

/// The size class of a small object of `size` bytes (1..=MAX_SMALL_SIZE), as in mallocgc.
/// The object size of size class `class` (0 for class 0, the large objects).
pub fn class_size(class: usize) -> usize {
    CLASS_TO_SIZE.get(class).map_or(0, |&s| s as usize)
}

pub fn size_to_class(size: usize) -> usize {
    if size <= SMALL_SIZE_MAX - 8 {
        SIZE_TO_CLASS8[size.div_ceil(SMALL_SIZE_DIV)] as usize
    } else {
        // gc's divRoundUp in uintptr arithmetic: for 1016 < size < 1024 the subtraction wraps and the
        // rounding addition wraps back, giving index 0 (the 1024-byte class).
        SIZE_TO_CLASS128[size.wrapping_sub(SMALL_SIZE_MAX).wrapping_add(LARGE_SIZE_DIV - 1) / LARGE_SIZE_DIV] as usize
    }
}

/// roundupsize (runtime/msize.go): the size mallocgc really allocates for a request of `size` bytes.
pub fn roundupsize(size: usize) -> usize {
    if size < MAX_SMALL_SIZE {
        return CLASS_TO_SIZE[size_to_class(size)] as usize;
    }
    if size.wrapping_add(PAGE_SIZE) < size {
        return size;
    }
    (size + PAGE_SIZE - 1) & !(PAGE_SIZE - 1)
}

/// Address bits of the heap on linux/amd64 (gc's heapAddrBits): user addresses are below 1 << 47.
const HEAP_ADDR_BITS: usize = 48;
/// Arenas are 64 MiB, aligned to their size (gc's heapArenaBytes on 64-bit Linux).
const ARENA_SHIFT: usize = 26;
pub const ARENA_SIZE: usize = 1 << ARENA_SHIFT;
const PAGES_PER_ARENA: usize = ARENA_SIZE / PAGE_SIZE;
/// Entries of the arena index: one per possible arena of the address space (gc's arenaL2Bits = 22). The
/// index is reserved with MAP_NORESERVE; only the pages covering arenas in use are ever touched.
const ARENA_INDEX_LEN: usize = 1 << (HEAP_ADDR_BITS - ARENA_SHIFT);
/// The most objects a span holds: one page of 8-byte objects.
pub const MAX_SPAN_ELEMS: usize = PAGE_SIZE / 8;
pub const BITMAP_WORDS: usize = MAX_SPAN_ELEMS / 64;
/// A span class is a size class and whether its objects hold pointers (gc's spanClass: class << 1 | noscan).
pub const NUM_SPAN_CLASSES: usize = NUM_SIZE_CLASSES * 2;
/// Free page runs of fewer pages than this have a list per length; longer ones share the last list.
const FREE_LISTS: usize = 128;
/// gc's minimum heap goal (heapMinimum at GOGC=100): no collection before the heap reaches 4 MiB.
pub const HEAP_MINIMUM: usize = 4 << 20;

#[derive(Clone, Copy, PartialEq, Eq, Debug)]
pub enum SpanState {
    /// Holds objects; every one of its pages maps to it.
    InUse,
    /// A run of free pages on a free list; its first and last pages map to it (coalescing looks there).
    Free,
    /// An unused record, on the record free list.
    Dead,
}

/// A run of pages: objects of one size class, one large object (`class == 0`), or free pages.
///
/// Which slots hold objects: slot `i` is allocated iff `i < freeindex` or `alloc_bits[i]` (gc's
/// `mspan.isFree`): the allocator only moves `freeindex` forward past slots whose alloc bit is set, and
/// the sweeper replaces `alloc_bits` by `mark_bits` and resets `freeindex` to 0.
pub struct Span {
    pub base: usize,
    pub npages: usize,
    pub state: SpanState,
    pub class: u8,
    /// The objects hold no pointers: the collector does not scan them.
    pub noscan: bool,
    /// The free slots (or, for a free run, the pages) may hold old data and must be cleared before use.
    pub needzero: bool,
    /// A free run whose pages were given back to the OS (MADV_DONTNEED): they read as zero and take no RSS.
    pub scavenged: bool,
    pub elemsize: usize,
    pub nelems: usize,
    /// `(off * divmul) >> 32 == off / elemsize` for every offset inside the span (gc's mspan.divMul).
    pub divmul: u32,
    pub freeindex: usize,
    pub alloc_bits: [u64; BITMAP_WORDS],
    pub mark_bits: [u64; BITMAP_WORDS],
    /// The list the span is on: the in-use list, a free list (doubly linked) or the dead-record list.
    pub next: *mut Span,
    pub prev: *mut Span,
    /// Next span of the same span class with free slots (after a sweep).
    pub next_partial: *mut Span,
    /// Small scan spans: whose pointer bits every slot already has (`heapbits::Uniform`), so that
    /// allocating another object of that shape writes no bits.
    pub bits_shape: usize,
    /// With a `bits_shape` of one shape and slots of at most 64 words: each slot's bits (the collector
    /// scans such objects without reading the bitmap); 0 otherwise.
    pub uniform_bits: u64,
}

/// A P's allocation cache (gc's mcache; see the module comment). Lives in the metadata region, one per P
/// that ever allocated, linked on `Heap::caches`.
pub struct Cache {
    /// The span allocated from, per span class (null: take one at the next allocation, under the lock).
    spans: [*mut Span; NUM_SPAN_CLASSES],
    /// Allocations not yet counted in `Heap::live`, `total_alloc`, `mallocs`, `objects`: their slot bytes
    /// and their number. Only the owner adds to them; they are moved to the heap under the lock.
    bytes: usize,
    count: u64,
    /// Bytes the P may still allocate before one is sampled for the heap profile (gc's
    /// `mcache.nextSample`): an allocation of a slot larger than this takes the locked path, which samples
    /// it (`mprof::malloc`) and draws the next distance.
    next_sample: isize,
    next: *mut Cache,
}

/// Per-arena metadata: the span of every page (gc's heapArena.spans) and the heap bitmap of the arena's
/// words (gc's heapArena.bitmap; see `heapbits`).
pub struct ArenaMeta {
    pub spans: [*mut Span; PAGES_PER_ARENA],
    pub bitmap: [u64; ARENA_SIZE / heapbits::BLOCK],
}

pub struct Heap {
    /// The never-used part of the newest arena region: pages are carved from it when no free run fits.
    arena_next: usize,
    arena_end: usize,
    /// `ARENA_INDEX_LEN` pointers to `ArenaMeta`, null for addresses that are not heap.
    arena_index: *mut *mut ArenaMeta,
    /// Bounds of all arenas, a quick test before the index.
    pub heap_min: usize,
    pub heap_max: usize,
    /// The cache of allocations on threads without a P (the scheduler's, the monitor's), under the lock.
    central: Cache,
    /// Every P's cache.
    caches: *mut Cache,
    /// Spans with free slots, per span class (rebuilt by every sweep).
    partial: [*mut Span; NUM_SPAN_CLASSES],
    /// Every in-use span (the list the sweeper walks).
    pub in_use: *mut Span,
    /// Free page runs by length (`free[n]` for n < FREE_LISTS, `free[FREE_LISTS]` for the longer ones).
    free: [*mut Span; FREE_LISTS + 1],
    /// Span records to reuse.
    dead: *mut Span,
    /// Bump region for `Span` and `ArenaMeta` records (gc's persistentalloc).
    meta_next: usize,
    meta_end: usize,
    /// Bytes in allocated objects (slot sizes): live after the last collection plus allocated since.
    pub live: usize,
    /// Collect when `live` reaches this (the GOGC goal, `usize::MAX` when collection is off).
    pub next_gc: usize,
    /// Bytes of heap pages obtained from the OS, and of free pages currently not given back.
    pub mapped: usize,
    pub free_unscavenged: usize,
    /// For runtime.ReadMemStats: bytes ever allocated (slot sizes), objects ever allocated, and objects
    /// allocated now (the survivors of the last sweep plus those allocated since); Mallocs - objects were
    /// freed.
    pub total_alloc: u64,
    pub mallocs: u64,
    pub objects: u64,
}

static HEAP: Global<Heap> = Global::new(Heap {
    arena_next: 0,
    arena_end: 0,
    arena_index: core::ptr::null_mut(),
    heap_min: usize::MAX,
    heap_max: 0,
    central: Cache {
        spans: [core::ptr::null_mut(); NUM_SPAN_CLASSES],
        bytes: 0,
        count: 0,
        next_sample: 0,
        next: core::ptr::null_mut(),
    },
    caches: core::ptr::null_mut(),
    partial: [core::ptr::null_mut(); NUM_SPAN_CLASSES],
    in_use: core::ptr::null_mut(),
    free: [core::ptr::null_mut(); FREE_LISTS + 1],
    dead: core::ptr::null_mut(),
    meta_next: 0,
    meta_end: 0,
    live: 0,
    // The first allocation calls the collector, which reads GOGC and sets the first goal (gc's heapMinimum
    // scaled by GOGC) without collecting. Unit tests run on the host with no program roots: they collect
    // only when they ask to.
    next_gc: if cfg!(test) { usize::MAX } else { 0 },
    mapped: 0,
    free_unscavenged: 0,
    total_alloc: 0,
    mallocs: 0,
    objects: 0,
});

/// The heap. Single-threaded runtime: the caller must not hold another reference across a call that may
/// allocate or collect.
pub fn heap() -> &'static mut Heap {
    // SAFETY: see `Global`; callers follow the rule above.
    unsafe { &mut *HEAP.get() }
}

/// The address every zero-sized allocation returns (gc's `zerobase`).
pub static ZEROBASE: u64 = 0;

pub fn zerobase() -> *mut u8 {
    &ZEROBASE as *const u64 as *mut u8
}

/// Running out of memory is fatal, with gc's wording.
fn out_of_memory() -> ! {
    crate::panic::throw(b"out of memory")
}

/// Clears `n` bytes (a multiple of 8) at `p`. Small objects are the common case: a word loop is cheaper
/// there than `rep stosb`'s start-up.
///
/// # Safety
/// The range must be valid for writes.
#[inline]
unsafe fn clear(p: *mut u8, n: usize) {
    if n <= 128 {
        let w = p as *mut u64;
        for i in 0..n / 8 {
            w.add(i).write_volatile(0);
        }
    } else {
        crate::arch::amd64::fill_bytes(p, 0, n);
    }
}

impl Span {
    /// Whether slot `i` holds an object (see the type's comment).
    #[inline]
    pub fn is_allocated(&self, i: usize) -> bool {
        i < self.freeindex || self.alloc_bits[i / 64] & (1 << (i % 64)) != 0
    }

    /// The first free slot at or after `freeindex`, or `nelems` when the span is full.
    #[inline]
    fn next_free(&self) -> usize {
        let mut i = self.freeindex;
        while i < self.nelems {
            let bit = i % 64;
            let clear = !(self.alloc_bits[i / 64] >> bit);
            let tz = clear.trailing_zeros() as usize;
            if bit + tz < 64 {
                return (i + tz).min(self.nelems);
            }
            i += 64 - bit;
        }
        self.nelems
    }

    /// One free object of this small-object span, or None when it is full.
    ///
    /// # Safety
    /// The span must be in use and hold small objects.
    #[inline]
    unsafe fn take_slot(&mut self) -> Option<*mut u8> {
        let i = self.next_free();
        if i >= self.nelems {
            return None;
        }
        self.freeindex = i + 1;
        let p = (self.base + i * self.elemsize) as *mut u8;
        if self.needzero {
            clear(p, self.elemsize);
        }
        Some(p)
    }
}

impl Heap {
    /// The span record for a page, or null when `addr` is not in an arena.
    #[inline]
    pub fn span_of(&self, addr: usize) -> *mut Span {
        if addr < self.heap_min || addr >= self.heap_max {
            return core::ptr::null_mut();
        }
        // SAFETY: the index exists once heap_min is set; entries are null or live metadata.
        unsafe {
            let meta = *self.arena_index.add(addr >> ARENA_SHIFT);
            if meta.is_null() {
                return core::ptr::null_mut();
            }
            (*meta).spans[(addr & (ARENA_SIZE - 1)) >> PAGE_SHIFT]
        }
    }

    /// The object that `p` points into (its span and slot), if `p` points into an allocated object. This is
    /// the conservative collector's question for every word it scans.
    #[inline]
    pub fn find_object(&self, p: usize) -> Option<(*mut Span, usize)> {
        let s = self.span_of(p);
        if s.is_null() {
            return None;
        }
        // SAFETY: records in the page map are valid (possibly stale for the middle pages of a free run, which
        // the range check rejects: spans never overlap).
        let sp = unsafe { &*s };
        let off = p.wrapping_sub(sp.base);
        if sp.state != SpanState::InUse || off >= sp.npages << PAGE_SHIFT {
            return None;
        }
        let i = if sp.class == 0 { 0 } else { ((off as u64 * sp.divmul as u64) >> 32) as usize };
        if i >= sp.nelems || !sp.is_allocated(i) {
            return None;
        }
        Some((s, i))
    }

    /// The heap-bitmap word describing the 512-byte block at `block` (which must lie in an arena).
    #[inline]
    pub fn bitmap_word(&self, block: usize) -> *mut u64 {
        // SAFETY: the caller passes an address inside a registered arena, whose metadata exists.
        unsafe {
            let meta = *self.arena_index.add(block >> ARENA_SHIFT);
            (*meta).bitmap.as_mut_ptr().add((block & (ARENA_SIZE - 1)) / heapbits::BLOCK)
        }
    }

    fn set_page(&mut self, page: usize, s: *mut Span) {
        // SAFETY: `page` lies in a registered arena.
        unsafe {
            let meta = *self.arena_index.add(page >> ARENA_SHIFT);
            (*meta).spans[(page & (ARENA_SIZE - 1)) >> PAGE_SHIFT] = s;
        }
    }

    /// `size` bytes of metadata (zeroed, 8-aligned) that are never freed.
    fn meta_alloc(&mut self, size: usize) -> usize {
        let size = (size + 7) & !7;
        if self.meta_end - self.meta_next < size {
            let chunk = size.max(256 << 10).next_multiple_of(PAGE_SIZE);
            let p = linux::mmap_anon(chunk).unwrap_or_else(|| out_of_memory());
            self.meta_next = p;
            self.meta_end = p + chunk;
        }
        let p = self.meta_next;
        self.meta_next += size;
        p
    }

    /// A span record (from the dead list, or new).
    fn new_record(&mut self, base: usize, npages: usize, state: SpanState) -> *mut Span {
        let s = if self.dead.is_null() {
            self.meta_alloc(core::mem::size_of::<Span>()) as *mut Span
        } else {
            let s = self.dead;
            // SAFETY: records on the dead list are valid.
            self.dead = unsafe { (*s).next };
            s
        };
        // SAFETY: `s` is a valid, unused record.
        unsafe {
            s.write(Span {
                base,
                npages,
                state,
                class: 0,
                noscan: false,
                needzero: false,
                scavenged: false,
                elemsize: 0,
                nelems: 0,
                divmul: 0,
                freeindex: 0,
                alloc_bits: [0; BITMAP_WORDS],
                mark_bits: [0; BITMAP_WORDS],
                next: core::ptr::null_mut(),
                prev: core::ptr::null_mut(),
                next_partial: core::ptr::null_mut(),
                bits_shape: heapbits::SHAPE_FRESH,
                uniform_bits: 0,
            });
        }
        s
    }

    fn free_record(&mut self, s: *mut Span) {
        // SAFETY: the caller has unlinked `s` from every list and page-map entry that matters.
        unsafe {
            (*s).state = SpanState::Dead;
            (*s).next = self.dead;
        }
        self.dead = s;
    }

    /// New arenas covering at least `bytes`, aligned to ARENA_SIZE and registered in the index; the old
    /// never-used tail becomes a free run.
    fn grow(&mut self, bytes: usize) {
        if self.arena_index.is_null() {
            let size = ARENA_INDEX_LEN * core::mem::size_of::<usize>();
            self.arena_index = linux::mmap_anon(size).unwrap_or_else(|| out_of_memory()) as *mut *mut ArenaMeta;
        }
        let size = bytes.next_multiple_of(ARENA_SIZE);
        // Over-allocate by one arena and trim, to get an aligned region.
        let raw = linux::mmap_anon(size + ARENA_SIZE).unwrap_or_else(|| out_of_memory());
        let base = raw.next_multiple_of(ARENA_SIZE);
        if base > raw {
            linux::munmap(raw, base - raw);
        }
        if raw + ARENA_SIZE > base {
            linux::munmap(base + size, raw + ARENA_SIZE - base);
        }
        for a in (base..base + size).step_by(ARENA_SIZE) {
            let meta = self.meta_alloc(core::mem::size_of::<ArenaMeta>()) as *mut ArenaMeta;
            // SAFETY: the index covers every user address; `meta` is fresh zeroed memory.
            unsafe { *self.arena_index.add(a >> ARENA_SHIFT) = meta };
        }
        self.heap_min = self.heap_min.min(base);
        self.heap_max = self.heap_max.max(base + size);
        self.mapped += size;
        if self.arena_end > self.arena_next {
            let (old, n) = (self.arena_next, (self.arena_end - self.arena_next) >> PAGE_SHIFT);
            let s = self.new_record(old, n, SpanState::Free);
            // SAFETY: fresh record.
            unsafe { (*s).scavenged = true };
            self.insert_free(s);
        }
        self.arena_next = base;
        self.arena_end = base + size;
    }

    fn free_list_index(npages: usize) -> usize {
        npages.min(FREE_LISTS)
    }

    /// Puts free run `s` on its free list and maps its first and last pages to it.
    fn insert_free(&mut self, s: *mut Span) {
        // SAFETY: `s` is a valid record of a free run inside the arenas.
        unsafe {
            let l = Self::free_list_index((*s).npages);
            (*s).state = SpanState::Free;
            (*s).prev = core::ptr::null_mut();
            (*s).next = self.free[l];
            if !self.free[l].is_null() {
                (*self.free[l]).prev = s;
            }
            self.free[l] = s;
            self.set_page((*s).base, s);
            self.set_page((*s).base + (((*s).npages - 1) << PAGE_SHIFT), s);
            if !(*s).scavenged {
                self.free_unscavenged += (*s).npages << PAGE_SHIFT;
            }
        }
    }

    fn remove_free(&mut self, s: *mut Span) {
        // SAFETY: `s` is on the free list for its length.
        unsafe {
            let l = Self::free_list_index((*s).npages);
            if (*s).prev.is_null() {
                self.free[l] = (*s).next;
            } else {
                (*(*s).prev).next = (*s).next;
            }
            if !(*s).next.is_null() {
                (*(*s).next).prev = (*s).prev;
            }
            if !(*s).scavenged {
                self.free_unscavenged -= (*s).npages << PAGE_SHIFT;
            }
        }
    }

    /// An in-use span record for `npages` pages: from the best-fitting free run, or fresh arena pages.
    /// Its `needzero` says whether the pages may hold old data.
    fn alloc_pages(&mut self, npages: usize) -> *mut Span {
        let mut found: *mut Span = core::ptr::null_mut();
        for l in Self::free_list_index(npages)..FREE_LISTS {
            if !self.free[l].is_null() {
                found = self.free[l];
                break;
            }
        }
        if found.is_null() {
            // Best fit among the long runs, the lowest address on ties.
            let mut s = self.free[FREE_LISTS];
            // SAFETY: the list holds valid records.
            unsafe {
                while !s.is_null() {
                    if (*s).npages >= npages
                        && (found.is_null() || ((*s).npages, (*s).base) < ((*found).npages, (*found).base))
                    {
                        found = s;
                    }
                    s = (*s).next;
                }
            }
        }
        if found.is_null() {
            let bytes = npages << PAGE_SHIFT;
            if self.arena_end - self.arena_next < bytes {
                self.grow(bytes);
            }
            let s = self.new_record(self.arena_next, npages, SpanState::InUse);
            self.arena_next += bytes;
            return s;
        }
        self.remove_free(found);
        // SAFETY: `found` is a valid free run of at least `npages` pages.
        unsafe {
            if (*found).npages > npages {
                let rest =
                    self.new_record((*found).base + (npages << PAGE_SHIFT), (*found).npages - npages, SpanState::Free);
                (*rest).scavenged = (*found).scavenged;
                self.insert_free(rest);
                (*found).npages = npages;
            }
            (*found).state = SpanState::InUse;
            (*found).needzero = !(*found).scavenged;
            (*found).scavenged = false;
        }
        found
    }

    /// Makes `s` (in use, unlinked from the in-use list) a free run, merged with free neighbours.
    fn free_pages(&mut self, s: *mut Span) {
        // SAFETY: `s` and the records the page map gives for its neighbours are valid.
        unsafe {
            let mut s = s;
            (*s).state = SpanState::Free;
            (*s).scavenged = false;
            if (*s).base > self.heap_min {
                let before = self.span_of((*s).base - PAGE_SIZE);
                if !before.is_null()
                    && (*before).state == SpanState::Free
                    && (*before).base + ((*before).npages << PAGE_SHIFT) == (*s).base
                {
                    self.remove_free(before);
                    (*before).npages += (*s).npages;
                    (*before).scavenged = false;
                    self.free_record(s);
                    s = before;
                }
            }
            let end = (*s).base + ((*s).npages << PAGE_SHIFT);
            let after = self.span_of(end);
            if !after.is_null() && (*after).state == SpanState::Free && (*after).base == end {
                self.remove_free(after);
                (*s).npages += (*after).npages;
                self.free_record(after);
            }
            self.insert_free(s);
        }
    }

    /// Gives free pages back to the OS (MADV_DONTNEED) until at most `keep` bytes of free pages stay
    /// resident; the longest runs go first. Returns the bytes released.
    pub fn scavenge(&mut self, keep: usize) -> usize {
        let mut released = 0;
        for l in (1..=FREE_LISTS).rev() {
            let mut s = self.free[l];
            while !s.is_null() && self.free_unscavenged > keep {
                // SAFETY: the list holds valid free runs inside the arenas.
                unsafe {
                    if !(*s).scavenged {
                        let bytes = (*s).npages << PAGE_SHIFT;
                        linux::madvise_dontneed((*s).base, bytes);
                        (*s).scavenged = true;
                        self.free_unscavenged -= bytes;
                        released += bytes;
                    }
                    s = (*s).next;
                }
            }
        }
        released
    }

    /// Makes `s` an in-use span of span class `spc` (size class `spc >> 1`, `noscan` in bit 0).
    fn init_small_span(&mut self, s: *mut Span, spc: usize) {
        let class = spc >> 1;
        let elemsize = CLASS_TO_SIZE[class] as usize;
        // SAFETY: `s` is a fresh in-use record of CLASS_TO_ALLOCNPAGES[class] pages.
        unsafe {
            (*s).class = class as u8;
            (*s).noscan = spc & 1 != 0;
            (*s).elemsize = elemsize;
            (*s).nelems = ((*s).npages << PAGE_SHIFT) / elemsize;
            (*s).divmul = (u32::MAX / elemsize as u32).wrapping_add(1);
            (*s).freeindex = 0;
            (*s).alloc_bits = [0; BITMAP_WORDS];
            (*s).mark_bits = [0; BITMAP_WORDS];
            (*s).bits_shape = heapbits::SHAPE_FRESH;
            (*s).uniform_bits = 0;
            self.link_in_use(s);
        }
    }

    fn link_in_use(&mut self, s: *mut Span) {
        // SAFETY: `s` is a valid in-use record covering whole pages of an arena.
        unsafe {
            (*s).next = self.in_use;
            (*s).prev = core::ptr::null_mut();
            self.in_use = s;
            for i in 0..(*s).npages {
                self.set_page((*s).base + (i << PAGE_SHIFT), s);
            }
        }
    }

    /// One object of span class `spc` from cache `c` (refilled from the partial list or new pages when its
    /// span is full), and the span it lies in. Under the lock.
    ///
    /// # Safety
    /// `c` is the central cache or the cache of the P this thread holds.
    #[inline]
    unsafe fn alloc_small(&mut self, c: *mut Cache, spc: usize) -> (*mut u8, *mut Span) {
        let s = (*c).spans[spc];
        if !s.is_null() {
            if let Some(p) = (*s).take_slot() {
                return (p, s);
            }
        }
        self.refill(c, spc)
    }

    #[inline(never)]
    unsafe fn refill(&mut self, c: *mut Cache, spc: usize) -> (*mut u8, *mut Span) {
        // Spans on the partial lists are in use, of class `spc`, and in no cache.
        while !self.partial[spc].is_null() {
            let s = self.partial[spc];
            self.partial[spc] = (*s).next_partial;
            (*s).next_partial = core::ptr::null_mut();
            (*c).spans[spc] = s;
            if let Some(p) = (*s).take_slot() {
                return (p, s);
            }
        }
        let s = self.alloc_pages(CLASS_TO_ALLOCNPAGES[spc >> 1] as usize);
        self.init_small_span(s, spc);
        (*c).spans[spc] = s;
        ((*s).take_slot().unwrap_or_else(|| out_of_memory()), s)
    }

    /// The cache of the P this thread holds (made on its first use), or the central cache without a P.
    /// Under the lock.
    fn cache_here(&mut self) -> *mut Cache {
        #[cfg(not(test))]
        {
            let p = crate::sched::m().p;
            if !p.is_null() {
                // SAFETY: the thread holds `p`; its cache is touched by no other thread meanwhile.
                unsafe {
                    if (*p).mcache.is_null() {
                        let c = self.meta_alloc(core::mem::size_of::<Cache>()) as *mut Cache;
                        (*c).next = self.caches;
                        self.caches = c;
                        (*p).mcache = c;
                    }
                    return (*p).mcache;
                }
            }
        }
        &mut self.central
    }

    /// Moves the counts of cache `c` into the heap's (under the lock, by `c`'s owner or with the world
    /// stopped).
    fn flush_cache(&mut self, c: *mut Cache) {
        // SAFETY: see above: nobody else writes `c` meanwhile.
        unsafe {
            self.live += (*c).bytes;
            self.total_alloc += (*c).bytes as u64;
            self.mallocs += (*c).count;
            self.objects += (*c).count;
            (*c).bytes = 0;
            (*c).count = 0;
        }
    }

    /// Moves every cache's counts into the heap's. With the world stopped (the collector, ReadMemStats).
    pub fn flush_stats(&mut self) {
        let mut c = self.caches;
        while !c.is_null() {
            self.flush_cache(c);
            // SAFETY: caches are never freed.
            c = unsafe { (*c).next };
        }
    }

    /// A large object: a span of its own.
    fn alloc_large(&mut self, size: usize, noscan: bool) -> *mut u8 {
        let npages = size.div_ceil(PAGE_SIZE);
        let s = self.alloc_pages(npages);
        // SAFETY: `s` was just made.
        unsafe {
            (*s).class = 0;
            (*s).noscan = noscan;
            // Large objects always go through the bitmap (the record may be a small span's, reused).
            (*s).bits_shape = heapbits::SHAPE_FRESH;
            (*s).uniform_bits = 0;
            (*s).elemsize = npages << PAGE_SHIFT;
            (*s).nelems = 1;
            (*s).freeindex = 1;
            (*s).alloc_bits = [0; BITMAP_WORDS];
            (*s).mark_bits = [0; BITMAP_WORDS];
            if (*s).needzero {
                crate::arch::amd64::fill_bytes((*s).base as *mut u8, 0, size);
            }
            self.link_in_use(s);
            (*s).base as *mut u8
        }
    }

    /// Counts one allocation of `slot` bytes for runtime.ReadMemStats.
    #[inline(always)]
    fn count_alloc(&mut self, slot: usize) {
        self.total_alloc += slot as u64;
        self.mallocs += 1;
        self.objects += 1;
    }

    /// Sweeps every in-use span after marking (gc's sweepone for all spans, done eagerly): the marked
    /// objects become the allocated ones, spans without any are freed to the page heap, spans with free
    /// slots go to their class's partial list. Returns the bytes in surviving objects, which become `live`.
    pub fn sweep(&mut self) -> usize {
        // SAFETY: the world is stopped and the mark bits are complete.
        unsafe {
            crate::mprof::sweep(&|addr| {
                self.find_object(addr).is_some_and(|(s, i)| (*s).mark_bits[i / 64] >> (i % 64) & 1 != 0)
            })
        };
        self.flush_stats();
        self.central.spans = [core::ptr::null_mut(); NUM_SPAN_CLASSES];
        let mut c = self.caches;
        while !c.is_null() {
            // SAFETY: the world is stopped: no P allocates from its cache.
            unsafe {
                (*c).spans = [core::ptr::null_mut(); NUM_SPAN_CLASSES];
                c = (*c).next;
            }
        }
        self.partial = [core::ptr::null_mut(); NUM_SPAN_CLASSES];
        let mut live = 0;
        let mut objects = 0;
        let mut s = self.in_use;
        self.in_use = core::ptr::null_mut();
        // SAFETY: the in-use list holds valid records; each is relinked or freed exactly once.
        unsafe {
            while !s.is_null() {
                let next = (*s).next;
                let n: usize = (*s).mark_bits.iter().map(|w| w.count_ones() as usize).sum();
                if n == 0 {
                    self.free_pages(s);
                } else {
                    (*s).next = self.in_use;
                    self.in_use = s;
                    live += n * (*s).elemsize;
                    objects += n as u64;
                    if (*s).class != 0 {
                        (*s).alloc_bits = (*s).mark_bits;
                        (*s).freeindex = 0;
                        if n < (*s).nelems {
                            (*s).needzero = true;
                            let spc = ((*s).class as usize) << 1 | (*s).noscan as usize;
                            (*s).next_partial = self.partial[spc];
                            self.partial[spc] = s;
                        }
                    }
                    (*s).mark_bits = [0; BITMAP_WORDS];
                }
                s = next;
            }
        }
        self.live = live;
        self.objects = objects;
        live
    }
}

/// Zeroed memory for `size` bytes that the collector scans conservatively: every word may be a pointer
/// (mallocgc without a type; rt structures whose layout is not described, see the callers).
pub fn alloc(size: usize) -> *mut u8 {
    alloc_in(size, Shape::Conservative)
}

/// Zeroed memory for `size` bytes that hold no pointers (string bytes, scalar arrays): never scanned.
pub fn alloc_noscan(size: usize) -> *mut u8 {
    alloc_in(size, Shape::NoScan)
}

/// Zeroed memory for `n` values of type `t` (`size >= n * t.size` bytes: slices round up to the size
/// class), scanned precisely from the type's pointer bitmap; noscan when the type holds no pointers.
#[inline]
pub fn alloc_typed(t: &Type, n: usize, size: usize) -> *mut u8 {
    alloc_in(size, Shape::Array(t, n))
}

/// Zeroed memory for `size` bytes of a structure whose pointer words `layout` describes (map buckets).
pub fn alloc_layout(size: usize, layout: &dyn Fn(&mut heapbits::PtrBits)) -> *mut u8 {
    alloc_in(size, Shape::Layout(layout))
}

/// mallocgc: a zeroed object of `size` bytes whose pointer words `shape` describes. Inlined into each
/// entry point, so that the shape's case is known there and the small-object path stays short.
#[inline(always)]
pub fn alloc_in(size: usize, shape: Shape) -> *mut u8 {
    if size == 0 {
        return zerobase();
    }
    if size <= MAX_SMALL_SIZE {
        let (spc, slot) = small_class(size, shape.is_noscan());
        if let Some(p) = alloc_cached(spc, slot, shape) {
            return p;
        }
    }
    alloc_locked(size, shape)
}

/// The span class and slot size of a small object of `size` bytes.
#[inline(always)]
fn small_class(size: usize, noscan: bool) -> (usize, usize) {
    // Class 3 (24 bytes) places objects at multiples of 24; the ABI promises 16-byte alignment from 16
    // bytes up, so 17..=24-byte objects use the 32-byte class.
    let size = if size > 16 && size <= 24 { 32 } else { size };
    let class = size_to_class(size);
    (class << 1 | noscan as usize, CLASS_TO_SIZE[class] as usize)
}

/// The lock-free path: a slot of the span this thread's P caches for span class `spc`, when the thread
/// runs a goroutine on a P (see the module comment) and that span has a free slot.
#[cfg(not(test))]
#[inline(always)]
fn alloc_cached(spc: usize, slot: usize, shape: Shape) -> Option<*mut u8> {
    let m = crate::sched::m();
    let p = m.p;
    if p.is_null() || !m.running_go.load(core::sync::atomic::Ordering::Relaxed) {
        return None;
    }
    // SAFETY: the thread holds `p` and is not at a safe point, so no other thread touches `p`'s cache or
    // its spans until this returns; a cached span is in use and small.
    unsafe {
        let c = (*p).mcache;
        if c.is_null() {
            return None;
        }
        let s = (*c).spans[spc];
        if s.is_null() || (*c).next_sample < slot as isize {
            return None;
        }
        let obj = (*s).take_slot()?;
        (*c).next_sample -= slot as isize;
        (*c).bytes += slot;
        (*c).count += 1;
        if spc & 1 == 0 {
            // The bitmap words of a span's pages describe only that span: no other thread writes them.
            heapbits::write_small_object(&*HEAP.get(), &mut *s, obj as usize, slot, shape);
        }
        Some(obj)
    }
}

/// Host unit tests have no M with a P: always under the lock.
#[cfg(test)]
fn alloc_cached(_: usize, _: usize, _: Shape) -> Option<*mut u8> {
    None
}

/// mallocgc's path under the runtime lock: a collection when the heap reached its goal, then a large
/// object, or a small one from this thread's cache (refilled as needed).
#[inline(never)]
fn alloc_locked(size: usize, shape: Shape) -> *mut u8 {
    if size > MAX_ALLOC {
        out_of_memory();
    }
    let _l = crate::lock::rt();
    let c = heap().cache_here();
    heap().flush_cache(c);
    // SAFETY: under the runtime lock; no other reference to the heap is live here.
    if unsafe { (*HEAP.get()).live >= (*HEAP.get()).next_gc } {
        crate::gc::collect();
    }
    let heap = heap();
    let noscan = shape.is_noscan();
    let (p, slot) = if size <= MAX_SMALL_SIZE {
        let (spc, slot) = small_class(size, noscan);
        heap.live += slot;
        heap.count_alloc(slot);
        // SAFETY: `c` is this thread's cache (the collector, if it ran, emptied it but it stays ours).
        let (p, s) = unsafe { heap.alloc_small(c, spc) };
        if !noscan {
            // SAFETY: `alloc_small` allocated from `s`, an in-use small span.
            heapbits::write_small_object(heap, unsafe { &mut *s }, p as usize, slot, shape);
        }
        // SAFETY: `c` is this thread's cache; `p` was just allocated.
        unsafe { profile_alloc(c, p, slot) };
        return p;
    } else {
        let slot = size.next_multiple_of(PAGE_SIZE);
        heap.live += slot;
        heap.count_alloc(slot);
        (heap.alloc_large(size, noscan), slot)
    };
    if !noscan {
        heapbits::write_object(heap, p as usize, slot, shape);
    }
    // SAFETY: as above.
    unsafe { profile_alloc(c, p, slot) };
    p
}

/// The heap profile's sampling (gc's `profilealloc`): counts `slot` bytes against `c`'s countdown and,
/// when they exhaust it, records `p` and draws the next distance. Under the lock.
///
/// # Safety
/// `c` is this thread's cache and `p` the object just allocated.
#[inline(always)]
unsafe fn profile_alloc(c: *mut Cache, p: *mut u8, slot: usize) {
    if (*c).next_sample >= slot as isize {
        (*c).next_sample -= slot as isize;
        return;
    }
    let sampled = crate::mprof::mem_profile_rate() > 0;
    (*c).next_sample = crate::mprof::next_sample();
    if sampled {
        crate::mprof::malloc(p, slot, crate::arch::amd64::frame_pointer());
    }
}

#[no_mangle]
pub extern "C" fn g1c_alloc(size: usize) -> *mut u8 {
    alloc(size)
}

/// `new(T)`, `&T{…}`, escaping variables, boxed interface values: one zeroed `T` (gc's newobject).
///
/// # Safety
/// `t` is a type descriptor.
#[no_mangle]
pub unsafe extern "C" fn g1c_newobject(t: *const Type) -> *mut u8 {
    let t = &*t;
    alloc_typed(t, 1, t.size)
}

/// `n` zeroed values of type `t` in a row (gc's newarray): the backing array of a slice literal.
///
/// # Safety
/// `t` is a type descriptor.
#[no_mangle]
pub unsafe extern "C" fn g1c_newarray(t: *const Type, n: usize) -> *mut u8 {
    let t = &*t;
    match t.size.checked_mul(n) {
        Some(size) if size <= MAX_ALLOC => alloc_typed(t, n, size),
        _ => crate::panic::runtime_error(b"allocation size out of range"),
    }
}

/// A closure object holding a code pointer then one value of type `t` (a method value's receiver).
///
/// # Safety
/// `t` is a type descriptor.
#[no_mangle]
pub unsafe extern "C" fn g1c_newclosure(t: *const Type) -> *mut u8 {
    let t = &*t;
    alloc_layout(8 + t.size.next_multiple_of(8), &|w| {
        w.scalars(1); // code pointers point into the text segment, never into the heap
        w.typed(t, 1);
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn tables_are_consistent() {
        // Every class's objects fit its span, and the lookup tables give the smallest class that fits.
        for c in 1..NUM_SIZE_CLASSES {
            let size = CLASS_TO_SIZE[c] as usize;
            assert!(size <= (CLASS_TO_ALLOCNPAGES[c] as usize) << PAGE_SHIFT);
            assert_eq!(size_to_class(size), c);
            assert!(CLASS_TO_SIZE[c - 1] < CLASS_TO_SIZE[c]);
        }
        for size in 1..=MAX_SMALL_SIZE {
            let c = size_to_class(size);
            assert!(CLASS_TO_SIZE[c] as usize >= size);
            assert!((CLASS_TO_SIZE[c - 1] as usize) < size || c == 1);
        }
    }

    #[test]
    fn roundupsize_matches_gc() {
        assert_eq!(roundupsize(1), 8);
        assert_eq!(roundupsize(9), 16);
        assert_eq!(roundupsize(1017), 1024);
        assert_eq!(roundupsize(1025), 1152);
        assert_eq!(roundupsize(32767), 32768);
        assert_eq!(roundupsize(32768), 32768);
        assert_eq!(roundupsize(32769), 40960);
    }

    #[test]
    fn alloc_is_zeroed_aligned_and_distinct() {
        let _l = crate::test_lock();
        let mut prev = Vec::new();
        for size in [1usize, 8, 16, 17, 24, 33, 100, 4000, 32768, 40000, 100 << 20] {
            for _ in 0..3 {
                let p = alloc(size);
                assert_eq!(p as usize % if size >= 16 { 16 } else { 8 }, 0, "size {size}");
                let s = unsafe { core::slice::from_raw_parts_mut(p, size) };
                assert!(s.iter().all(|&b| b == 0));
                s.fill(0xAA);
                prev.push((p as usize, size));
            }
        }
        prev.sort();
        for w in prev.windows(2) {
            assert!(w[0].0 + w[0].1 <= w[1].0, "overlap {:?}", w);
        }
        assert_eq!(alloc(0), zerobase());
    }
}

#[cfg(test)]
impl Heap {
    /// Checks the page map against the span lists (tests only).
    pub fn verify(&self, what: &str) {
        unsafe {
            let mut s = self.in_use;
            while !s.is_null() {
                assert_eq!((*s).state, SpanState::InUse, "{what}");
                for i in 0..(*s).npages {
                    assert_eq!(
                        self.span_of((*s).base + (i << PAGE_SHIFT)),
                        s,
                        "{what}: in-use page {i} of {}",
                        (*s).npages
                    );
                }
                s = (*s).next;
            }
            for l in 0..=FREE_LISTS {
                let mut s = self.free[l];
                while !s.is_null() {
                    assert_eq!((*s).state, SpanState::Free, "{what}");
                    assert_eq!(self.span_of((*s).base), s, "{what}: free first");
                    assert_eq!(self.span_of((*s).base + (((*s).npages - 1) << PAGE_SHIFT)), s, "{what}: free last");
                    s = (*s).next;
                }
            }
        }
    }
}
