//! Maps with gc's semantics: hash tables of 8-slot buckets with overflow chains, hashed by the key type's
//! `typehash` with a per-map random seed, growing when the average load passes 6.5 (gc's load factor).
//!
//! In: the calls of docs/RUNTIME-ABI.md "Maps", with gc's `maptype` descriptors. Out: the `hmap` (its first
//! word is the count, so `len(m)` is one load), element addresses, iteration.
//!
//! Semantics kept from gc (Go spec "For statements", "Map types"): a lookup of a missing key gives the zero
//! value; writing to a nil map panics; NaN keys are never found, so each insertion adds one; iteration
//! starts at a random bucket and slot each time; during iteration, entries deleted and not yet reached are
//! not produced, each remaining entry present at the start is produced exactly once, entries added may or
//! may not be.
//!
//! Growth doubles the bucket array at once (gc grows incrementally; the visible behaviour is the same). An
//! iterator keeps the array it started with: after a growth that array is never written again, so the
//! iterator walks it and looks each key up in the current table (skipping keys deleted since, taking current
//! values), as gc's iterator does for buckets not yet evacuated.

use crate::hash;
use crate::iface::{typeequal, Type};
use crate::mem;

/// gc's `maptype`.
#[repr(C)]
pub struct MapType {
    pub typ: Type,
    pub key: *const Type,
    pub elem: *const Type,
    pub bucket: *const Type,
    pub hasher: usize,
    pub keysize: u8,
    pub elemsize: u8,
    pub bucketsize: u16,
    pub flags: u32,
}

/// A map header. `count` must stay first (`len(m)` reads it).
#[repr(C)]
pub struct HMap {
    pub count: usize,
    /// log2 of the number of buckets.
    pub b: usize,
    pub hash0: u64,
    pub buckets: *mut u8,
}

const SLOTS: usize = 8;

/// A bucket's layout: `SLOTS` tophash bytes, `SLOTS` keys, `SLOTS` elements, the overflow pointer.
struct Layout {
    key: *const Type,
    elem: *const Type,
    ks: usize,
    es: usize,
    key_off: usize,
    elem_off: usize,
    ovf_off: usize,
    size: usize,
}

fn layout(t: &MapType) -> Layout {
    // SAFETY: compiler-emitted descriptors.
    let (ks, es) = unsafe { ((*t.key).size, (*t.elem).size) };
    let key_off = SLOTS;
    let elem_off = (key_off + SLOTS * ks + 7) & !7;
    let ovf_off = (elem_off + SLOTS * es + 7) & !7;
    Layout { key: t.key, elem: t.elem, ks, es, key_off, elem_off, ovf_off, size: ovf_off + 8 }
}

fn tophash(h: u64) -> u8 {
    ((h >> 56) as u8).max(1)
}

unsafe fn overflow(l: &Layout, b: *mut u8) -> *mut u8 {
    *(b.add(l.ovf_off) as *mut *mut u8)
}

unsafe fn key_at(l: &Layout, b: *mut u8, i: usize) -> *mut u8 {
    b.add(l.key_off + i * l.ks)
}

unsafe fn elem_at(l: &Layout, b: *mut u8, i: usize) -> *mut u8 {
    b.add(l.elem_off + i * l.es)
}

/// Allocates `1 << b` empty buckets, typed for the collector: keys and elements by their types' pointer
/// bitmaps, the overflow pointer (gc's bucket type, built at run time since the compiler emits none).
fn new_buckets(l: &Layout, b: usize) -> *mut u8 {
    // SAFETY: compiler-emitted descriptors.
    let (kt, et) = unsafe { (&*l.key, &*l.elem) };
    mem::alloc_layout(l.size << b, &|w| {
        for _ in 0..1usize << b {
            // Keys and elements that hold pointers have sizes that are multiples of 8, so every part
            // starts on a word; pointer-free ones are described as scalar words up to the next part.
            w.scalars(l.key_off / 8);
            if kt.ptrdata == 0 {
                w.scalars((l.elem_off - l.key_off) / 8);
            } else {
                w.typed(kt, SLOTS);
            }
            if et.ptrdata == 0 {
                w.scalars((l.ovf_off - l.elem_off) / 8);
            } else {
                w.typed(et, SLOTS);
            }
            w.ptr();
        }
    })
}

/// `make(map[K]V, hint)`.
#[no_mangle]
pub extern "C" fn g1c_makemap(t: *const MapType, hint: i64) -> *mut HMap {
    // SAFETY: compiler-emitted descriptor.
    let l = layout(unsafe { &*t });
    let mut b = 0;
    let hint = hint.max(0) as usize;
    while hint > SLOTS && hint > (13 << b) / 2 && b < 40 {
        b += 1;
    }
    // count, b, hash0, then the buckets pointer.
    let h = mem::alloc_layout(core::mem::size_of::<HMap>(), &|w| {
        w.scalars(3);
        w.ptr();
    }) as *mut HMap;
    // SAFETY: freshly allocated.
    unsafe {
        (*h).b = b;
        (*h).hash0 = hash::seed();
        (*h).buckets = new_buckets(&l, b);
    }
    h
}

/// Finds `key`: the (bucket, slot) holding it.
unsafe fn find(t: &MapType, l: &Layout, h: &HMap, key: *const u8) -> Option<(*mut u8, usize)> {
    let kt = &*t.key;
    let hv = hash::typehash(kt, key, h.hash0);
    let top = tophash(hv);
    let mut b = h.buckets.add((hv as usize & ((1 << h.b) - 1)) * l.size);
    while !b.is_null() {
        for i in 0..SLOTS {
            if *b.add(i) == top && typeequal(kt, key, key_at(l, b, i)) {
                return Some((b, i));
            }
        }
        b = overflow(l, b);
    }
    None
}

/// `m[key]`: the element's address, or null when the key is absent (the caller uses the zero value).
///
/// # Safety
/// `key` must point at a key of the map's key type; `h` is a map of type `t` or nil.
#[no_mangle]
pub unsafe extern "C" fn g1c_mapaccess(t: *const MapType, h: *mut HMap, key: *const u8) -> *mut u8 {
    let t = &*t;
    if h.is_null() || (*h).count == 0 {
        // gc still hashes the key, so an unhashable interface key panics even here.
        if !h.is_null() || (*t.key).kind() == crate::iface::K_INTERFACE {
            hash::typehash(&*t.key, key, 0);
        }
        return core::ptr::null_mut();
    }
    let l = layout(t);
    match find(t, &l, &*h, key) {
        Some((b, i)) => elem_at(&l, b, i),
        None => core::ptr::null_mut(),
    }
}

/// Inserts every entry of `old` (an array of `1 << ob` buckets) into `h`'s current buckets.
unsafe fn rehash(t: &MapType, l: &Layout, h: &mut HMap, old: *mut u8, ob: usize) {
    for bi in 0..(1usize << ob) {
        let mut b = old.add(bi * l.size);
        while !b.is_null() {
            for i in 0..SLOTS {
                if *b.add(i) != 0 {
                    let k = key_at(l, b, i);
                    let hv = hash::typehash(&*t.key, k, h.hash0);
                    let (nb, ni) = empty_slot(l, h, hv);
                    *nb.add(ni) = tophash(hv);
                    core::ptr::copy_nonoverlapping(k, key_at(l, nb, ni), l.ks);
                    core::ptr::copy_nonoverlapping(elem_at(l, b, i), elem_at(l, nb, ni), l.es);
                }
            }
            b = overflow(l, b);
        }
    }
}

/// The first empty slot in the chain of hash `hv`, adding an overflow bucket when the chain is full.
unsafe fn empty_slot(l: &Layout, h: &HMap, hv: u64) -> (*mut u8, usize) {
    let mut b = h.buckets.add((hv as usize & ((1 << h.b) - 1)) * l.size);
    loop {
        for i in 0..SLOTS {
            if *b.add(i) == 0 {
                return (b, i);
            }
        }
        let next = overflow(l, b);
        if next.is_null() {
            let nb = new_buckets(l, 0);
            *(b.add(l.ovf_off) as *mut *mut u8) = nb;
            return (nb, 0);
        }
        b = next;
    }
}

/// `m[key] = …`: the address to store the element at (the key is inserted when absent).
///
/// # Safety
/// As [`g1c_mapaccess`].
#[no_mangle]
pub unsafe extern "C" fn g1c_mapassign(t: *const MapType, h: *mut HMap, key: *const u8) -> *mut u8 {
    let t = &*t;
    if h.is_null() {
        plain_panic(b"assignment to entry in nil map");
    }
    let h = &mut *h;
    let l = layout(t);
    if let Some((b, i)) = find(t, &l, h, key) {
        // Keys equal but not identical (+0 and -0, strings) take the new key, as gc's needkeyupdate.
        core::ptr::copy(key, key_at(&l, b, i), l.ks);
        return elem_at(&l, b, i);
    }
    if h.count + 1 > SLOTS && h.count + 1 > (13usize << h.b) / 2 {
        let (old, ob) = (h.buckets, h.b);
        h.b += 1;
        h.buckets = new_buckets(&l, h.b);
        rehash(t, &l, h, old, ob);
    }
    let hv = hash::typehash(&*t.key, key, h.hash0);
    let (b, i) = empty_slot(&l, h, hv);
    *b.add(i) = tophash(hv);
    core::ptr::copy(key, key_at(&l, b, i), l.ks);
    h.count += 1;
    elem_at(&l, b, i)
}

/// `delete(m, key)`.
///
/// # Safety
/// As [`g1c_mapaccess`].
#[no_mangle]
pub unsafe extern "C" fn g1c_mapdelete(t: *const MapType, h: *mut HMap, key: *const u8) {
    let t = &*t;
    if h.is_null() || (*h).count == 0 {
        if (*t.key).kind() == crate::iface::K_INTERFACE {
            hash::typehash(&*t.key, key, 0);
        }
        return;
    }
    let h = &mut *h;
    let l = layout(t);
    if let Some((b, i)) = find(t, &l, h, key) {
        *b.add(i) = 0;
        core::ptr::write_bytes(key_at(&l, b, i), 0, l.ks);
        core::ptr::write_bytes(elem_at(&l, b, i), 0, l.es);
        h.count -= 1;
    }
}

/// The iterator, 12 words as reflect's `hiter`: key and elem addresses first (key null: done).
///
/// reflect allocates it as its own `hiter` type, whose pointer map says words 0–7 are pointers and 8–11
/// are not. So every pointer rt keeps must either sit in words 0–7 or be reachable from them: `cur` (word 9)
/// points into a bucket of the array `buckets` (word 4) or of an overflow chain hanging from it, which
/// stays alive through `buckets`. Words 5–7 hold small integers, which the collector never takes for heap
/// addresses.
#[repr(C)]
pub struct HIter {
    pub key: *mut u8,
    pub elem: *mut u8,
    pub t: *const MapType,
    pub h: *mut HMap,
    /// The bucket array when iteration started, and its log2 size.
    pub buckets: *mut u8,
    pub b: usize,
    pub start: usize,
    pub offset: usize,
    /// Buckets of the array started so far.
    pub visited: usize,
    /// The bucket (in a chain) being walked, or null between chains.
    pub cur: *mut u8,
    /// Next slot to look at in `cur` (0..8).
    pub slot: usize,
    pub _unused: usize,
}

/// `for k, v := range m`: sets up `it` and moves to the first entry.
///
/// # Safety
/// `it` must point at 12 writable words; `h` is a map of type `t` or nil.
#[no_mangle]
pub unsafe extern "C" fn g1c_mapiterinit(t: *const MapType, h: *mut HMap, it: *mut HIter) {
    core::ptr::write_bytes(it as *mut u8, 0, core::mem::size_of::<HIter>());
    let it = &mut *it;
    it.t = t;
    it.h = h;
    if h.is_null() || (*h).count == 0 {
        return;
    }
    it.buckets = (*h).buckets;
    it.b = (*h).b;
    let r = hash::fastrand() as usize;
    it.start = r & ((1 << it.b) - 1);
    it.offset = (r >> it.b) & (SLOTS - 1);
    g1c_mapiternext(it);
}

/// Moves `it` to the next entry (`it.key` null when there is none).
///
/// # Safety
/// `it` must have been set up by [`g1c_mapiterinit`].
#[no_mangle]
pub unsafe extern "C" fn g1c_mapiternext(it: *mut HIter) {
    let it = &mut *it;
    it.key = core::ptr::null_mut();
    it.elem = core::ptr::null_mut();
    if it.buckets.is_null() {
        return;
    }
    let t = &*it.t;
    let l = layout(t);
    let h = &*it.h;
    let n = 1usize << it.b;
    loop {
        if it.cur.is_null() {
            if it.visited == n {
                return;
            }
            let bi = (it.start + it.visited) & (n - 1);
            it.cur = it.buckets.add(bi * l.size);
            it.visited += 1;
            it.slot = 0;
        }
        while it.slot < SLOTS {
            let i = (it.offset + it.slot) & (SLOTS - 1);
            it.slot += 1;
            if *it.cur.add(i) == 0 {
                continue;
            }
            let k = key_at(&l, it.cur, i);
            let mut e = elem_at(&l, it.cur, i);
            if h.buckets != it.buckets && typeequal(&*t.key, k, k) {
                // The map grew: this array is a snapshot; the current table has the truth.
                match find(t, &l, h, k) {
                    Some((b, j)) => e = elem_at(&l, b, j),
                    None => continue,
                }
            }
            it.key = k;
            it.elem = e;
            return;
        }
        it.cur = overflow(&l, it.cur);
        it.slot = 0;
    }
}

/// gc's `panic(plainError(msg))`: `panic: <msg>` without the `runtime error: ` prefix.
fn plain_panic(msg: &'static [u8]) -> ! {
    crate::defer::gopanic(crate::defer::Value::Plain(msg))
}
