//! The heap bitmap: one bit per heap word, set when the word holds a pointer (gc 1.19's heap bitmap,
//! runtime/mbitmap.go, with one bit per word where gc keeps two).
//!
//! In: at every allocation in a span of a scan class, the object's [`Shape`] (its type repeated `n` times,
//! read from the type's `gcdata`/`ptrdata`; a layout written by rt for its own structures; or "every word",
//! the conservative shape of untyped allocations). Out: for the collector, the pointer words of an object
//! ([`for_each_pointer`]), so that a scalar that happens to look like a heap address retains nothing.
//!
//! Where the bits live: each arena's metadata (`mem::ArenaMeta`) holds the bitmap of its 8 Mi words, 1 MiB
//! per 64 MiB arena (1/64 of the heap), in mmap'd memory whose pages cost nothing until written: only
//! the bitmap of memory that holds objects of scan classes is ever touched. Bit `i` of bitmap word `q` of an
//! arena describes the heap word at `arena + (64 q + i) * 8`, so one bitmap word covers a 512-byte block.
//!
//! Invariants: the bits of every word of an allocated object in a scan span (the whole slot: a small
//! object's size class, a large object's pages) were written at its allocation, so stale bits of an
//! earlier object in the same slot are never read; objects of noscan spans have no bits (never read);
//! a bit is set only for a word that may hold a pointer.

use crate::iface::{Type, KIND_GC_PROG};
use crate::mem::{Heap, Span};

/// Bytes of heap one bitmap word describes.
pub const BLOCK: usize = 64 * 8;

/// What the collector must scan in a new object.
#[derive(Clone, Copy)]
pub enum Shape<'a> {
    /// No pointers: the object goes to a noscan span and is never scanned.
    NoScan,
    /// Every word may be a pointer (allocations whose layout rt does not know: `g1c_alloc(size)`, the
    /// argument copies of deferred calls, rt structures listed in docs/RUNTIME-ABI.md).
    Conservative,
    /// `n` consecutive values of the type from the start of the object (gc's `mallocgc(n * size, typ)`);
    /// the rest of the slot holds no pointers. A type without pointers (`ptrdata == 0`) makes it noscan.
    Array(&'a Type, usize),
    /// A layout rt writes word by word from the start (map buckets, rt structures); words after the last
    /// one written hold no pointers.
    Layout(&'a dyn Fn(&mut PtrBits)),
}

impl Shape<'_> {
    /// Whether objects of this shape hold no pointers at all.
    pub fn is_noscan(&self) -> bool {
        match self {
            Shape::NoScan => true,
            Shape::Array(t, n) => t.ptrdata == 0 || *n == 0,
            Shape::Conservative | Shape::Layout(_) => false,
        }
    }
}

/// Low `k` bits set (`k <= 64`).
#[inline(always)]
fn ones(k: u32) -> u64 {
    if k >= 64 {
        u64::MAX
    } else {
        (1u64 << k) - 1
    }
}

/// Writes the pointer bits of one object, word after word from its start. Bits are gathered per bitmap
/// word and stored once each (under a mask, so that neighbouring objects' bits are kept).
pub struct PtrBits<'h> {
    heap: &'h Heap,
    /// The first byte of the 512-byte block whose bitmap word is being gathered.
    block: usize,
    /// The bits gathered for that block and which of its bits they are.
    acc: u64,
    mask: u64,
    /// The block's next bit position (0..64).
    pos: u32,
    /// Words described so far.
    pub words: usize,
}

impl<'h> PtrBits<'h> {
    /// A writer for the object at `addr` (8-aligned, in a heap arena).
    pub fn new(heap: &'h Heap, addr: usize) -> Self {
        PtrBits { heap, block: addr & !(BLOCK - 1), acc: 0, mask: 0, pos: ((addr / 8) % 64) as u32, words: 0 }
    }

    /// The next `k` words (`k <= 64`): bit `i` of `v` says whether word `i` holds a pointer.
    #[inline]
    pub fn bits(&mut self, v: u64, k: u32) {
        if k == 0 {
            return;
        }
        let v = v & ones(k);
        self.words += k as usize;
        self.acc |= v << self.pos;
        self.mask |= ones(k) << self.pos;
        let end = self.pos + k;
        if end < 64 {
            self.pos = end;
            return;
        }
        self.flush();
        let rest = end - 64;
        // The bits of `v` that did not fit in the old block (`rest < k <= 64`, so the shift is in range).
        self.acc = if rest > 0 { v >> (k - rest) } else { 0 };
        self.mask = ones(rest);
        self.pos = rest;
    }

    /// The next `k` words all hold pointers (`ptr`) or all hold none.
    pub fn repeat(&mut self, ptr: bool, mut k: usize) {
        let v = if ptr { u64::MAX } else { 0 };
        while k > 0 {
            let step = k.min(64) as u32;
            self.bits(v, step);
            k -= step as usize;
        }
    }

    /// `n` bitmap words' worth (64 words each) of the bits `word`; the writer must be at a block start.
    pub fn repeat_word(&mut self, word: u64, n: usize) {
        debug_assert!(self.pos == 0 && self.mask == 0);
        for _ in 0..n {
            // SAFETY: the blocks lie in the object's arena.
            unsafe { *self.heap.bitmap_word(self.block) = word };
            self.block += BLOCK;
        }
        self.words += 64 * n;
    }

    /// One pointer word.
    pub fn ptr(&mut self) {
        self.bits(1, 1);
    }

    /// `k` words without pointers.
    pub fn scalars(&mut self, k: usize) {
        self.repeat(false, k);
    }

    /// `n` consecutive values of type `t` (whose size is a multiple of 8 when it holds pointers).
    pub fn typed(&mut self, t: &Type, n: usize) {
        let ew = t.size / 8;
        let pw = t.ptrdata / 8;
        if pw == 0 {
            self.scalars(n * t.size.div_ceil(8));
            return;
        }
        if t.kind & KIND_GC_PROG != 0 {
            // A type reflect built (ArrayOf/StructOf of more than 16 KiB words of pointer-holding data) whose
            // `gcdata` is a GC program, not a bitmap: its pointer prefix is scanned conservatively (every
            // word may be a pointer), which keeps everything it points to alive.
            for _ in 0..n {
                self.repeat(true, pw);
                self.scalars(ew - pw);
            }
            return;
        }
        // SAFETY: `gcdata` has one bit per word of the `ptrdata` prefix (docs/RUNTIME-ABI.md).
        let gcdata = unsafe { core::slice::from_raw_parts(t.gcdata, pw.div_ceil(8)) };
        if ew <= 64 {
            let pattern = read_bits(gcdata, 0, pw);
            // Several elements per call: as many as fit in 64 bits.
            let per = 64 / ew;
            let mut chunk = 0u64;
            for i in 0..per {
                chunk |= pattern << (i * ew);
            }
            let mut left = n;
            while left >= per {
                self.bits(chunk, (per * ew) as u32);
                left -= per;
            }
            for _ in 0..left {
                self.bits(pattern, ew as u32);
            }
        } else {
            for _ in 0..n {
                let mut w = 0;
                while w < pw {
                    let k = (pw - w).min(64);
                    self.bits(read_bits(gcdata, w, k), k as u32);
                    w += k;
                }
                self.scalars(ew - pw);
            }
        }
    }

    /// Stores the last partial bitmap word. Must be called when the object is described.
    pub fn finish(mut self) {
        if self.mask != 0 {
            self.flush();
        }
    }

    #[inline]
    fn flush(&mut self) {
        let w = self.heap.bitmap_word(self.block);
        // SAFETY: `block` lies in an arena (the object does), whose bitmap word `w` is.
        unsafe { *w = (*w & !self.mask) | self.acc };
        self.block += BLOCK;
        self.acc = 0;
        self.mask = 0;
    }
}

/// `k <= 64` bits of `bytes` (little-endian bit order) starting at bit `from`, a multiple of 8.
#[inline]
fn read_bits(bytes: &[u8], from: usize, k: usize) -> u64 {
    if k <= 8 {
        // Most types: the pointer words are among the first eight.
        return bytes[from / 8] as u64 & ones(k as u32);
    }
    let mut v = 0u64;
    for (i, &b) in bytes[from / 8..(from + k).div_ceil(8)].iter().enumerate() {
        v |= (b as u64) << (8 * i);
    }
    v & ones(k as u32)
}

/// `Span::bits_shape` of a small scan span: `SHAPE_FRESH` before its first allocation, `SHAPE_MIXED` once
/// it holds objects of different shapes (every allocation then writes its bits), else the shape every
/// slot's bits describe: `SHAPE_CONSERVATIVE` or the address of a type (one value of it per object).
pub const SHAPE_MIXED: usize = 0;
pub const SHAPE_FRESH: usize = 1;
pub const SHAPE_CONSERVATIVE: usize = 2;

/// Writes the bits of a new small object at `addr` in span `s` (of a scan class, slot size `slot`).
///
/// Most spans hold objects of one type (a tree's nodes, a list's cells): the first allocation in a fresh
/// span writes that type's bits for every slot and records the type, and later allocations of the same
/// type write nothing, which keeps the allocation path as short as without a bitmap. Another shape turns
/// the span mixed for good.
#[inline(always)]
pub fn write_small_object(heap: &Heap, s: &mut Span, addr: usize, slot: usize, shape: Shape) {
    let key = match shape {
        Shape::Conservative => SHAPE_CONSERVATIVE,
        Shape::Array(t, 1) => t as *const Type as usize,
        _ => SHAPE_MIXED,
    };
    if key != SHAPE_MIXED && s.bits_shape == key {
        return;
    }
    write_small_slow(heap, s, addr, slot, shape, key);
}

#[inline(never)]
fn write_small_slow(heap: &Heap, s: &mut Span, addr: usize, slot: usize, shape: Shape, key: usize) {
    let words = slot / 8;
    if s.bits_shape == SHAPE_FRESH && key != SHAPE_MIXED && words <= 64 {
        s.bits_shape = key;
        let bits = small_pattern(shape).unwrap_or(u64::MAX) & ones(words as u32);
        s.uniform_bits = bits;
        // The span starts on a page (a bitmap-word boundary): its bitmap is the slots' bits one after
        // another, a repeating word when the slot size divides 64 words.
        let mut w = PtrBits::new(heap, s.base);
        if 64 % words == 0 {
            let mut word = 0u64;
            for i in 0..64 / words {
                word |= bits << (i * words);
            }
            w.repeat_word(word, s.nelems * words / 64);
        } else {
            for _ in 0..s.nelems {
                w.bits(bits, words as u32);
            }
        }
        w.finish();
    } else {
        s.bits_shape = SHAPE_MIXED;
        s.uniform_bits = 0;
        write_object(heap, addr, slot, shape);
    }
}

/// Writes the bits of a new object of `slot` bytes at `addr` (in a scan span) from its shape.
#[inline]
pub fn write_object(heap: &Heap, addr: usize, slot: usize, shape: Shape) {
    let words = slot / 8;
    // The common case, small objects (at most 64 words: one or two bitmap words), without the writer.
    if words <= 64 {
        if let Some(bits) = small_pattern(shape) {
            return write_small(heap, addr, words, bits);
        }
    }
    write_general(heap, addr, words, shape);
}

/// The bits of an object of at most 64 words (in a slot of at most 64 words) as one word, when its shape
/// gives them directly.
#[inline]
fn small_pattern(shape: Shape) -> Option<u64> {
    match shape {
        Shape::Conservative => Some(u64::MAX),
        Shape::Array(t, n) => {
            // `n * t.size <= slot`, so every shift below is under 64.
            let (ew, pw) = (t.size / 8, t.ptrdata / 8);
            // SAFETY: `gcdata` has one bit per word of the `ptrdata` prefix.
            let pattern = read_bits(unsafe { core::slice::from_raw_parts(t.gcdata, pw.div_ceil(8)) }, 0, pw);
            let mut bits = pattern;
            for i in 1..n {
                bits |= pattern << (i * ew);
            }
            Some(bits)
        }
        Shape::NoScan | Shape::Layout(_) => None,
    }
}

/// The bits `bits` of an object of `words <= 64` words at `addr`.
#[inline]
fn write_small(heap: &Heap, addr: usize, words: usize, bits: u64) {
    let block = addr & !(BLOCK - 1);
    let pos = (addr / 8) % 64;
    let mask = ones(words as u32);
    // SAFETY: the object lies in an arena, so the bitmap words of its blocks exist.
    unsafe {
        let w = heap.bitmap_word(block);
        let bits = bits & mask;
        *w = (*w & !(mask << pos)) | (bits << pos);
        if pos + words > 64 {
            // The object continues in the next block (`pos > 0` here).
            let w = heap.bitmap_word(block + BLOCK);
            *w = (*w & !(mask >> (64 - pos))) | (bits >> (64 - pos));
        }
    }
}

#[inline(never)]
fn write_general(heap: &Heap, addr: usize, words: usize, shape: Shape) {
    let mut w = PtrBits::new(heap, addr);
    match shape {
        Shape::NoScan => w.scalars(words),
        Shape::Conservative => w.repeat(true, words),
        Shape::Array(t, n) => w.typed(t, n),
        Shape::Layout(f) => f(&mut w),
    }
    debug_assert!(w.words <= words);
    let rest = words.saturating_sub(w.words);
    w.scalars(rest);
    w.finish();
}

/// Calls `f(word address)` for every pointer word of the object `[addr, addr + len)` (in a scan span).
#[inline]
pub fn for_each_pointer(heap: &Heap, addr: usize, len: usize, mut f: impl FnMut(usize)) {
    let end = addr + len;
    let mut block = addr & !(BLOCK - 1);
    // SAFETY (the loads): the object lies in an arena, so its blocks' bitmap words exist.
    let mut bits = unsafe { *heap.bitmap_word(block) } & !ones(((addr - block) / 8) as u32);
    loop {
        if end < block + BLOCK {
            bits &= ones(((end - block) / 8) as u32);
        }
        while bits != 0 {
            f(block + bits.trailing_zeros() as usize * 8);
            bits &= bits - 1;
        }
        block += BLOCK;
        if block >= end {
            return;
        }
        bits = unsafe { *heap.bitmap_word(block) };
    }
}
