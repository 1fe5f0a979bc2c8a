//! Raw memory operations: the `g1c_mem*` entry points Go code calls, and the C symbols `memcpy`, `memmove`,
//! `memset`, `memcmp`, `bcmp` that `core` and `compiler_builtins` expect from a C library (there is none).
//!
//! In: pointers and byte counts. Out: copied, cleared or compared bytes. The copy and fill loops are
//! `rep movsb`/`rep stosb` in `arch::amd64`, because a Rust loop would be compiled back into a call to the very
//! function being defined; sizes up to 32 bytes, the most common (strings, small structs, map keys), skip the
//! string instructions' start-up cost with a few overlapping unaligned moves, all loads before any store so
//! that overlapping ranges move correctly. Comparison goes a word at a time. The C symbols are left out of
//! host tests, where libc provides them.

use crate::arch::amd64::{copy_bytes, fill_bytes};

/// Moves `n` bytes (the ranges may overlap): small sizes by unaligned loads then stores.
///
/// # Safety
/// Both ranges valid for `n` bytes.
#[inline(always)]
unsafe fn move_bytes(dst: *mut u8, src: *const u8, n: usize) {
    use core::ptr::{read_unaligned as rd, write_unaligned as wr};
    if n > 32 {
        copy_bytes(dst, src, n);
    } else if n >= 16 {
        let (a, b) = (rd(src as *const u128), rd(src.add(n - 16) as *const u128));
        wr(dst as *mut u128, a);
        wr(dst.add(n - 16) as *mut u128, b);
    } else if n >= 8 {
        let (a, b) = (rd(src as *const u64), rd(src.add(n - 8) as *const u64));
        wr(dst as *mut u64, a);
        wr(dst.add(n - 8) as *mut u64, b);
    } else if n >= 4 {
        let (a, b) = (rd(src as *const u32), rd(src.add(n - 4) as *const u32));
        wr(dst as *mut u32, a);
        wr(dst.add(n - 4) as *mut u32, b);
    } else if n > 0 {
        let (a, b, c) = (*src, *src.add(n / 2), *src.add(n - 1));
        *dst = a;
        *dst.add(n / 2) = b;
        *dst.add(n - 1) = c;
    }
}

/// Clears `n` bytes: small sizes by overlapping unaligned stores.
///
/// # Safety
/// The range must be valid for `n` bytes.
#[inline(always)]
unsafe fn clear_bytes(p: *mut u8, n: usize) {
    use core::ptr::write_unaligned as wr;
    if n > 32 {
        fill_bytes(p, 0, n);
    } else if n >= 16 {
        wr(p as *mut u128, 0);
        wr(p.add(n - 16) as *mut u128, 0);
    } else if n >= 8 {
        wr(p as *mut u64, 0);
        wr(p.add(n - 8) as *mut u64, 0);
    } else if n >= 4 {
        wr(p as *mut u32, 0);
        wr(p.add(n - 4) as *mut u32, 0);
    } else if n > 0 {
        *p = 0;
        *p.add(n / 2) = 0;
        *p.add(n - 1) = 0;
    }
}

/// # Safety
/// Both ranges valid for `n` bytes; they may overlap.
#[no_mangle]
pub unsafe extern "C" fn g1c_memmove(dst: *mut u8, src: *const u8, n: usize) {
    move_bytes(dst, src, n);
}

/// # Safety
/// The range must be valid for `n` bytes.
#[no_mangle]
pub unsafe extern "C" fn g1c_memclr(p: *mut u8, n: usize) {
    clear_bytes(p, n);
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
    // Whole words while they are equal; the first differing word is compared byte by byte below.
    while i + 8 <= n {
        let x = (a.add(i) as *const u64).read_unaligned();
        let y = (b.add(i) as *const u64).read_unaligned();
        if x != y {
            break;
        }
        i += 8;
    }
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
        move_bytes(dst, src, n);
        dst
    }

    #[no_mangle]
    pub unsafe extern "C" fn memmove(dst: *mut u8, src: *const u8, n: usize) -> *mut u8 {
        move_bytes(dst, src, n);
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
        // Every small size, forwards and backwards overlapping, against the slice method.
        for n in 0..=40usize {
            for (d, s) in [(0usize, 5usize), (5, 0), (0, 0), (1, 50)] {
                let mut buf: Vec<u8> = (0..100).collect();
                let mut want = buf.clone();
                want.copy_within(s..s + n, d);
                unsafe { g1c_memmove(buf.as_mut_ptr().add(d), buf.as_ptr().add(s), n) };
                assert_eq!(buf, want, "n={n} d={d} s={s}");
            }
            let mut buf = [9u8; 50];
            unsafe { g1c_memclr(buf.as_mut_ptr().add(3), n) };
            assert!(
                buf[3..3 + n].iter().all(|&x| x == 0) && buf[..3] == [9; 3] && buf[3 + n..].iter().all(|&x| x == 9)
            );
            let (x, mut y): (Vec<u8>, Vec<u8>) = ((0..n as u8).collect(), (0..n as u8).collect());
            unsafe { assert_eq!(compare(x.as_ptr(), y.as_ptr(), n), 0) };
            if n > 0 {
                y[n - 1] = 200;
                unsafe { assert!(compare(x.as_ptr(), y.as_ptr(), n) < 0) };
            }
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
