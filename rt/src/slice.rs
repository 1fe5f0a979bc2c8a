//! Slices (runtime/slice.go): `make([]T, len, cap)` and `append`'s growth.
//!
//! In: element types (or, from the untyped entry points, element sizes) and lengths from compiled code.
//! Out: zeroed backing arrays, typed for the collector when the element type is given (scanned precisely,
//! never scanned when the elements hold no pointers; the untyped forms are scanned conservatively); for
//! `append`, a new slice whose capacity follows gc 1.19 exactly (double below 256 elements, then grow by
//! (cap + 3·256)/4, then round the byte size up to the allocation size class), so programs observe the same
//! `cap` as under gc.

use crate::iface::Type;
use crate::mem::{alloc, alloc_typed, roundupsize, zerobase, MAX_ALLOC};

/// `make([]T, len, cap)` with `T`'s descriptor (gc's `makeslice(et, len, cap)`).
///
/// # Safety
/// `et` is a type descriptor.
#[no_mangle]
pub unsafe extern "C" fn g1c_makeslice_typed(et: *const Type, len: i64, cap: i64) -> *mut u8 {
    let et = &*et;
    check_make(et.size, len, cap);
    alloc_typed(et, cap as usize, et.size * cap as usize)
}

/// `make([]T, len, cap)` knowing only `T`'s size: the backing array is scanned conservatively.
#[no_mangle]
pub extern "C" fn g1c_makeslice(elem_size: usize, len: i64, cap: i64) -> *mut u8 {
    check_make(elem_size, len, cap);
    alloc(elem_size * cap as usize)
}

/// makeslice's checks: panics unless `0 <= len <= cap` and `cap` elements fit in the address space.
fn check_make(elem_size: usize, len: i64, cap: i64) {
    let mem = elem_size.checked_mul(cap as usize);
    if mem.is_none_or(|m| m > MAX_ALLOC) || len < 0 || len > cap {
        // Report len before cap, as gc does: `make([]T, -1)` is a len error even though cap is -1 too.
        let mem = elem_size.checked_mul(len as usize);
        if mem.is_none_or(|m| m > MAX_ALLOC) || len < 0 {
            crate::panic::g1c_panic_makeslice_len();
        }
        crate::panic::g1c_panic_makeslice_cap();
    }
}

/// growslice's capacity computation: the new capacity (in elements) and the bytes to allocate when a slice
/// of capacity `old_cap` must hold `new_len` elements of `elem_size` bytes; None if that is too large.
pub fn grow_cap(old_cap: usize, new_len: usize, elem_size: usize) -> Option<(usize, usize)> {
    // gc computes in int (signed) and checks for overflow through the sign.
    let cap = new_len as isize;
    let mut newcap = old_cap as isize;
    let doublecap = newcap.wrapping_add(newcap);
    if cap > doublecap {
        newcap = cap;
    } else {
        const THRESHOLD: isize = 256;
        if (old_cap as isize) < THRESHOLD {
            newcap = doublecap;
        } else {
            // Check 0 < newcap to detect overflow and prevent an infinite loop.
            while 0 < newcap && newcap < cap {
                // Transition from growing 2x for small slices to growing 1.25x for large slices.
                newcap = newcap.wrapping_add((newcap + 3 * THRESHOLD) / 4);
            }
            if newcap <= 0 {
                newcap = cap;
            }
        }
    }
    let newcap = newcap as usize;
    let (capmem, overflow) = match elem_size.checked_mul(newcap) {
        Some(m) => (roundupsize(m), false),
        None => (0, true),
    };
    if overflow || capmem > MAX_ALLOC {
        return None;
    }
    Some((capmem / elem_size, capmem))
}

/// `append` when `new_len` exceeds `cap`, with the element type (gc's `growslice(et, old, cap)`): a new
/// backing array with gc's capacity, holding the old `len` elements (the rest zero); writes
/// (ptr, new_len, new_cap) to `out`.
///
/// # Safety
/// `out` is writable; `et` is a type descriptor; `p` holds `len` elements of type `et`.
#[no_mangle]
pub unsafe extern "C" fn g1c_growslice_typed(
    out: *mut [usize; 3],
    et: *const Type,
    p: *mut u8,
    len: usize,
    cap: usize,
    new_len: usize,
) {
    let et = &*et;
    grow(out, p, len, cap, new_len, et.size, |newcap, capmem| alloc_typed(et, newcap, capmem));
}

/// `append` knowing only the element size: as [`g1c_growslice_typed`], the new array scanned
/// conservatively.
///
/// # Safety
/// `out` is writable; `p` holds `len` elements of `elem_size` bytes.
#[no_mangle]
pub unsafe extern "C" fn g1c_growslice(
    out: *mut [usize; 3],
    p: *mut u8,
    len: usize,
    cap: usize,
    new_len: usize,
    elem_size: usize,
) {
    grow(out, p, len, cap, new_len, elem_size, |_, capmem| alloc(capmem));
}

/// growslice with the allocation `new(newcap, capmem)`.
unsafe fn grow(
    out: *mut [usize; 3],
    p: *mut u8,
    len: usize,
    cap: usize,
    new_len: usize,
    elem_size: usize,
    new: impl FnOnce(usize, usize) -> *mut u8,
) {
    // gc compares as ints: a length sum that overflowed `int` is negative (Go issue 7550)
    if (new_len as isize) < cap as isize {
        crate::panic::runtime_error(b"growslice: cap out of range");
    }
    if elem_size == 0 {
        // append should not create a slice with a nil pointer but a non-zero length.
        *out = [zerobase() as usize, new_len, new_len];
        return;
    }
    let Some((newcap, capmem)) = grow_cap(cap, new_len, elem_size) else {
        crate::panic::runtime_error(b"growslice: cap out of range")
    };
    let q = new(newcap, capmem);
    crate::arch::amd64::copy_bytes(q, p, len * elem_size);
    *out = [q as usize, new_len, newcap];
}

#[cfg(test)]
mod tests {
    use super::*;

    /// test/data/rt/growslice.txt: gc 1.19's capacities after `append` (one element at a time for several
    /// element sizes, and bulk appends), printed by a Go program as `elem_size old_len old_cap new_len cap`.
    #[test]
    fn capacities_match_gc() {
        let data = include_str!("../../test/data/rt/growslice.txt");
        let mut n = 0;
        for line in data.lines().filter(|l| !l.starts_with('#')) {
            let f: Vec<usize> = line.split(' ').map(|x| x.parse().unwrap()).collect();
            let (elem, old_cap, new_len, want) = (f[0], f[2], f[3], f[4]);
            assert_eq!(grow_cap(old_cap, new_len, elem).unwrap().0, want, "line {line}");
            n += 1;
        }
        assert!(n > 400);
    }

    #[test]
    fn grows_and_copies() {
        let _l = crate::test_lock();
        let mut out = [0usize; 3];
        let old: [u32; 3] = [1, 2, 3];
        unsafe {
            g1c_growslice(&mut out, old.as_ptr() as *mut u8, 3, 3, 4, 4);
            assert_eq!(out[1..], [4, 6]);
            let s = core::slice::from_raw_parts(out[0] as *const u32, 6);
            assert_eq!(s, [1, 2, 3, 0, 0, 0]);
            g1c_growslice(&mut out, core::ptr::null_mut(), 0, 0, 5, 0);
            assert_eq!(out, [zerobase() as usize, 5, 5]);
        }
        assert_eq!(grow_cap(0, usize::MAX / 2, 16), None);
        let p = g1c_makeslice(8, 2, 5);
        assert_eq!(unsafe { core::slice::from_raw_parts(p as *const u64, 5) }, [0; 5]);
    }
}
