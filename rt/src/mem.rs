//! The heap: OS pages, size classes and spans, in gc's shape (runtime/malloc.go, mheap.go, sizeclasses.go).
//!
//! In: allocation requests (`g1c_alloc`, and `slice`/`string` through `alloc`). Out: zeroed memory, 8-byte
//! aligned, 16-byte aligned when the size is 16 or more (docs/RUNTIME-ABI.md).
//!
//! Structure (so that the non-moving mark-sweep collector of DESIGN §6 can be added without reshaping it):
//! - Arenas: large address ranges reserved with mmap; pages (8 KiB, `PAGE_SIZE`) are carved from them.
//! - Spans: a run of pages holding objects of one size class (gc 1.19's 67 classes, copied below), or one
//!   large object (class 0, more than 32 KiB). Every span is on `Heap::all_spans`, which a sweeper will walk.
//! - Allocation from a span is a bump of `freeindex`; the collector will add per-span mark and alloc bits and
//!   let `freeindex` skip allocated slots.
//!
//! Invariants: memory handed out is zero (fresh mmap pages are; spans reused after a collection will carry
//! `needzero`); nothing is ever freed yet (no collector); span metadata lives outside the arenas.

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
/// Address space reserved per arena (gc uses 64 MiB heap arenas too).
const ARENA_SIZE: usize = 64 << 20;

// The tables below are runtime/sizeclasses.go of Go 1.19 (generated there by mksizeclasses.go).

pub const CLASS_TO_SIZE: [u16; NUM_SIZE_CLASSES] = [
    0, 8, 16, 24, 32, 48, 64, 80, 96, 112, 128, 144, 160, 176, 192, 208, 224,
    240, 256, 288, 320, 352, 384, 416, 448, 480, 512, 576, 640, 704, 768, 896, 1024, 1152,
    1280, 1408, 1536, 1792, 2048, 2304, 2688, 3072, 3200, 3456, 4096, 4864, 5376, 6144, 6528, 6784, 6912,
    8192, 9472, 9728, 10240, 10880, 12288, 13568, 14336, 16384, 18432, 19072, 20480, 21760, 24576, 27264, 28672, 32768,
];

pub const CLASS_TO_ALLOCNPAGES: [u8; NUM_SIZE_CLASSES] = [
    0, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1,
    1, 2, 1, 2, 1, 2, 1, 3, 2, 3, 1, 3, 2, 3, 4, 5, 6, 1, 7, 6, 5, 4, 3, 5, 7, 2, 9, 7, 5, 8, 3, 10, 7, 4,
];

pub const SIZE_TO_CLASS8: [u8; SMALL_SIZE_MAX / SMALL_SIZE_DIV + 1] = [
    0, 1, 2, 3, 4, 5, 5, 6, 6, 7, 7, 8, 8, 9, 9, 10, 10, 11, 11, 12, 12, 13, 13, 14, 14, 15, 15, 16, 16, 17, 17, 18, 18,
    19, 19, 19, 19, 20, 20, 20, 20, 21, 21, 21, 21, 22, 22, 22, 22, 23, 23, 23, 23, 24, 24, 24, 24, 25, 25, 25, 25, 26, 26, 26, 26, 27,
    27, 27, 27, 27, 27, 27, 27, 28, 28, 28, 28, 28, 28, 28, 28, 29, 29, 29, 29, 29, 29, 29, 29, 30, 30, 30, 30, 30, 30, 30, 30, 31, 31,
    31, 31, 31, 31, 31, 31, 31, 31, 31, 31, 31, 31, 31, 31, 32, 32, 32, 32, 32, 32, 32, 32, 32, 32, 32, 32, 32, 32, 32, 32,
];

pub const SIZE_TO_CLASS128: [u8; (MAX_SMALL_SIZE - SMALL_SIZE_MAX) / LARGE_SIZE_DIV + 1] = [
    32, 33, 34, 35, 36, 37, 37, 38, 38, 39, 39, 40, 40, 40, 41, 41, 41, 42, 43, 43, 44, 44, 44, 44, 44, 45, 45, 45, 45, 45, 45, 46, 46,
    46, 46, 47, 47, 47, 47, 47, 47, 48, 48, 48, 49, 49, 50, 51, 51, 51, 51, 51, 51, 51, 51, 51, 51, 52, 52, 52, 52, 52, 52, 52, 52, 52,
    52, 53, 53, 54, 54, 54, 54, 55, 55, 55, 55, 55, 56, 56, 56, 56, 56, 56, 56, 56, 56, 56, 56, 57, 57, 57, 57, 57, 57, 57, 57, 57, 57,
    58, 58, 58, 58, 58, 58, 59, 59, 59, 59, 59, 59, 59, 59, 59, 59, 59, 59, 59, 59, 59, 59, 60, 60, 60, 60, 60, 60, 60, 60, 60, 60, 60,
    60, 60, 60, 60, 60, 61, 61, 61, 61, 61, 62, 62, 62, 62, 62, 62, 62, 62, 62, 62, 62, 63, 63, 63, 63, 63, 63, 63, 63, 63, 63, 64, 64,
    64, 64, 64, 64, 64, 64, 64, 64, 64, 64, 64, 64, 64, 64, 64, 64, 64, 64, 64, 64, 65, 65, 65, 65, 65, 65, 65, 65, 65, 65, 65, 65, 65,
    65, 65, 65, 65, 65, 65, 65, 65, 66, 66, 66, 66, 66, 66, 66, 66, 66, 66, 66, 67, 67, 67, 67, 67, 67, 67, 67, 67, 67, 67, 67, 67, 67,
    67, 67, 67, 67, 67, 67, 67, 67, 67, 67, 67, 67, 67, 67, 67, 67, 67, 67,
];

/// The size class of a small object of `size` bytes (1..=MAX_SMALL_SIZE), as in mallocgc.
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

/// A run of pages: objects of one size class, or one large object (`class == 0`).
pub struct Span {
    pub base: usize,
    pub npages: usize,
    pub class: u8,
    pub elemsize: usize,
    pub nelems: usize,
    /// Slots below `freeindex` are allocated; the ones from it on are free and zero (unless `needzero`).
    pub freeindex: usize,
    /// Set when the span's memory was used before and must be cleared before reuse (after a collection).
    pub needzero: bool,
    /// Next span of the same class, in the order they were made.
    pub next_in_class: *mut Span,
    /// Next span of the heap (all classes and large objects): the list a sweeper walks.
    pub next_all: *mut Span,
}

pub struct Heap {
    /// The unused part of the current arena.
    arena_next: usize,
    arena_end: usize,
    /// The span currently allocated from, per size class (null until the first allocation of that class).
    current: [*mut Span; NUM_SIZE_CLASSES],
    pub all_spans: *mut Span,
    /// Bump region for `Span` records (gc's persistentalloc).
    meta_next: usize,
    meta_end: usize,
}

static HEAP: Global<Heap> = Global::new(Heap {
    arena_next: 0,
    arena_end: 0,
    current: [core::ptr::null_mut(); NUM_SIZE_CLASSES],
    all_spans: core::ptr::null_mut(),
    meta_next: 0,
    meta_end: 0,
});

/// The address every zero-sized allocation returns (gc's `zerobase`).
pub static ZEROBASE: u64 = 0;

pub fn zerobase() -> *mut u8 {
    &ZEROBASE as *const u64 as *mut u8
}

/// Running out of memory is fatal, with gc's wording.
fn out_of_memory() -> ! {
    crate::panic::throw(b"out of memory")
}

impl Heap {
    /// `npages` fresh pages from the current arena, or from a new one.
    fn alloc_pages(&mut self, npages: usize) -> usize {
        let size = npages << PAGE_SHIFT;
        if size > ARENA_SIZE / 4 {
            // Huge objects get their own mapping rather than wasting the rest of an arena.
            return linux::mmap_anon(size).unwrap_or_else(|| out_of_memory());
        }
        if self.arena_end - self.arena_next < size {
            let base = linux::mmap_anon(ARENA_SIZE).unwrap_or_else(|| out_of_memory());
            self.arena_next = base;
            self.arena_end = base + ARENA_SIZE;
        }
        let p = self.arena_next;
        self.arena_next += size;
        p
    }

    /// A new `Span` record, linked into `all_spans`.
    fn new_span(&mut self, base: usize, npages: usize, class: usize, elemsize: usize) -> *mut Span {
        let sz = core::mem::size_of::<Span>();
        if self.meta_end - self.meta_next < sz {
            const CHUNK: usize = 64 << 10;
            let p = linux::mmap_anon(CHUNK).unwrap_or_else(|| out_of_memory());
            self.meta_next = p;
            self.meta_end = p + CHUNK;
        }
        let s = self.meta_next as *mut Span;
        self.meta_next += sz;
        let nelems = if class == 0 { 1 } else { (npages << PAGE_SHIFT) / elemsize };
        // SAFETY: `s` is fresh, aligned (Span records are carved in multiples of their size from a
        // page-aligned chunk) and big enough.
        unsafe {
            s.write(Span {
                base,
                npages,
                class: class as u8,
                elemsize,
                nelems,
                freeindex: 0,
                needzero: false,
                next_in_class: core::ptr::null_mut(),
                next_all: self.all_spans,
            });
        }
        self.all_spans = s;
        s
    }

    /// One object of size class `class`.
    fn alloc_small(&mut self, class: usize) -> *mut u8 {
        let mut s = self.current[class];
        // SAFETY: spans come from `new_span` and are never freed.
        unsafe {
            if s.is_null() || (*s).freeindex == (*s).nelems {
                let npages = CLASS_TO_ALLOCNPAGES[class] as usize;
                let base = self.alloc_pages(npages);
                let fresh = self.new_span(base, npages, class, CLASS_TO_SIZE[class] as usize);
                (*fresh).next_in_class = s;
                self.current[class] = fresh;
                s = fresh;
            }
            let p = ((*s).base + (*s).freeindex * (*s).elemsize) as *mut u8;
            (*s).freeindex += 1;
            if (*s).needzero {
                crate::arch::amd64::fill_bytes(p, 0, (*s).elemsize);
            }
            p
        }
    }

    /// A large object: a span of its own.
    fn alloc_large(&mut self, size: usize) -> *mut u8 {
        let npages = size.div_ceil(PAGE_SIZE);
        let base = self.alloc_pages(npages);
        let s = self.new_span(base, npages, 0, npages << PAGE_SHIFT);
        // SAFETY: `s` was just made.
        unsafe { (*s).freeindex = 1 };
        base as *mut u8
    }
}

/// Zeroed memory for `size` bytes (mallocgc without a type: the collector will want one).
pub fn alloc(size: usize) -> *mut u8 {
    if size == 0 {
        return zerobase();
    }
    if size > MAX_ALLOC {
        out_of_memory();
    }
    // SAFETY: single-threaded runtime (see `Global`).
    let heap = unsafe { &mut *HEAP.get() };
    if size <= MAX_SMALL_SIZE {
        // Class 3 (24 bytes) places objects at multiples of 24; the ABI promises 16-byte alignment from 16
        // bytes up, so 17..=24-byte objects use the 32-byte class.
        let size = if size > 16 && size <= 24 { 32 } else { size };
        heap.alloc_small(size_to_class(size))
    } else {
        heap.alloc_large(size)
    }
}

#[no_mangle]
pub extern "C" fn g1c_alloc(size: usize) -> *mut u8 {
    alloc(size)
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
