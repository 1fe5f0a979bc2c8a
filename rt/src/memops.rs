//! Raw memory operations: the `g1c_mem*` entry points Go code calls, and the C symbols `memcpy`, `memmove`,
//! `memset`, `memcmp`, `bcmp` that `core` and `compiler_builtins` expect from a C library (there is none).
//!
//! In: pointers and byte counts. Out: copied, cleared or compared bytes. The copy and fill loops are
//! `rep movsb`/`rep stosb` in `arch::amd64`, because a Rust loop would be compiled back into a call to the very
//! function being defined. The C symbols are left out of host tests, where libc provides them.

use crate::arch::amd64::{copy_bytes, fill_bytes};

/// # Safety
/// Both ranges valid for `n` bytes; they may overlap.
#[no_mangle]
pub unsafe extern "C" fn g1c_memmove(dst: *mut u8, src: *const u8, n: usize) {
    copy_bytes(dst, src, n);
}

/// # Safety
/// The range must be valid for `n` bytes.
#[no_mangle]
pub unsafe extern "C" fn g1c_memclr(p: *mut u8, n: usize) {
    fill_bytes(p, 0, n);
}

/// # Safety
/// Both ranges valid for `n` bytes.
#[no_mangle]
pub unsafe extern "C" fn g1c_memequal(a: *const u8, b: *const u8, n: usize) -> u8 {
    (compare(a, b, n) == 0) as u8
}

/// Compares bytes as unsigned values: <0, 0, >0 like memcmp.
///
/// # Safety
/// Both ranges valid for `n` bytes.
pub unsafe fn compare(a: *const u8, b: *const u8, n: usize) -> i32 {
    let mut i = 0;
    while i < n {
        let (x, y) = (*a.add(i), *b.add(i));
        if x != y {
            return x as i32 - y as i32;
        }
        i += 1;
    }
    0
}

#[cfg(not(test))]
mod c {
    use super::*;

    #[no_mangle]
    pub unsafe extern "C" fn memcpy(dst: *mut u8, src: *const u8, n: usize) -> *mut u8 {
        copy_bytes(dst, src, n);
        dst
    }

    #[no_mangle]
    pub unsafe extern "C" fn memmove(dst: *mut u8, src: *const u8, n: usize) -> *mut u8 {
        copy_bytes(dst, src, n);
        dst
    }

    #[no_mangle]
    pub unsafe extern "C" fn memset(dst: *mut u8, c: i32, n: usize) -> *mut u8 {
        fill_bytes(dst, c as u8, n);
        dst
    }

    #[no_mangle]
    pub unsafe extern "C" fn memcmp(a: *const u8, b: *const u8, n: usize) -> i32 {
        compare(a, b, n)
    }

    #[no_mangle]
    pub unsafe extern "C" fn bcmp(a: *const u8, b: *const u8, n: usize) -> i32 {
        compare(a, b, n)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn overlapping_moves() {
        for (d, s) in [(0usize, 3usize), (3, 0), (2, 2)] {
            let mut buf: Vec<u8> = (0..16).collect();
            let mut want = buf.clone();
            want.copy_within(s..s + 10, d);
            unsafe { g1c_memmove(buf.as_mut_ptr().add(d), buf.as_ptr().add(s), 10) };
            assert_eq!(buf, want);
        }
        let mut buf = [7u8; 9];
        unsafe { g1c_memclr(buf.as_mut_ptr().add(1), 7) };
        assert_eq!(buf, [7, 0, 0, 0, 0, 0, 0, 0, 7]);
        unsafe {
            assert_eq!(g1c_memequal(b"abc".as_ptr(), b"abd".as_ptr(), 2), 1);
            assert_eq!(g1c_memequal(b"abc".as_ptr(), b"abd".as_ptr(), 3), 0);
            assert!(compare(b"\xff".as_ptr(), b"\x01".as_ptr(), 1) > 0);
        }
    }
}
