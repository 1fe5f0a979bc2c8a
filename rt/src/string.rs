//! Strings (runtime/string.go): concatenation, comparison and the conversions between strings, byte slices,
//! rune slices and runes.
//!
//! In: Go strings as (ptr, len), slices as (ptr, len, cap). Out: new strings as a `Pair` (RAX:RDX), new
//! slices through an out-pointer (docs/RUNTIME-ABI.md). New backing arrays come from `mem::alloc_noscan`
//! (bytes and runes hold no pointers: the collector never scans them); slices get gc's capacity (the
//! allocation size class, as rawbyteslice/rawruneslice do), so `cap` matches gc's for results that
//! escape. Strings are immutable, so a concatenation with one non-empty operand returns it as is.
//!
//! Each conversion and concatenation takes first a temporary buffer in the caller's frame or null (gc's
//! `tmpBuf`): the escape analysis gives one (`g1c_tmpbuf`, opt/escape.rs) when the result cannot outlive
//! the frame, and a result that fits is built there instead of on the heap ([`TMP_BUF`] bytes; `[]rune`'s
//! holds as many runes, `string(rune)`'s 4 bytes). A string made only of a result that escapes never
//! points into a frame: the analysis follows the operand a one-operand concatenation returns.

use crate::mem::{alloc_noscan, roundupsize};
use crate::print::go_str;
use crate::utf8::{decoderune, encoderune};
use crate::Pair;

/// gc's `tmpStringBufSize`: the bytes (or runes) a conversion's temporary buffer holds.
pub const TMP_BUF: usize = 32;

/// `g1c_tmpbuf(size)`: a temporary buffer for a conversion's result. Code the escape analysis has not seen
/// (an unoptimized build) calls it; it has none to give, so the conversion allocates.
#[no_mangle]
pub extern "C" fn g1c_tmpbuf(_size: usize) -> *mut u8 {
    core::ptr::null_mut()
}

/// Every byte value, for one-byte strings (gc points them into `staticuint64s` instead of allocating).
static ONE_BYTE: [u8; 256] = {
    let mut t = [0u8; 256];
    let mut i = 0;
    while i < 256 {
        t[i] = i as u8;
        i += 1;
    }
    t
};

/// Room for a result of `n` bytes: the caller's temporary buffer when it fits, else a new heap object.
fn rawstring(buf: *mut u8, n: usize) -> *mut u8 {
    if !buf.is_null() && n <= TMP_BUF {
        buf
    } else {
        alloc_noscan(n)
    }
}

/// A new string holding `bytes`.
fn new_string(bytes: &[u8]) -> Pair {
    if bytes.is_empty() {
        return Pair { a: 0, b: 0 };
    }
    let p = alloc_noscan(bytes.len());
    // SAFETY: `p` is a fresh allocation of `bytes.len()` bytes.
    unsafe { core::slice::from_raw_parts_mut(p, bytes.len()).copy_from_slice(bytes) };
    Pair { a: p as usize, b: bytes.len() }
}

/// # Safety
/// `parts` points at `n` Go strings.
#[no_mangle]
pub unsafe extern "C" fn g1c_concatstrings(buf: *mut u8, parts: *const [usize; 2], n: usize) -> Pair {
    let parts = if n == 0 { &[][..] } else { core::slice::from_raw_parts(parts, n) };
    let mut total: usize = 0;
    let mut count = 0;
    let mut idx = 0;
    for (i, s) in parts.iter().enumerate() {
        if s[1] == 0 {
            continue;
        }
        total = match total.checked_add(s[1]) {
            Some(t) => t,
            None => crate::panic::throw(b"string concatenation too long"),
        };
        count += 1;
        idx = i;
    }
    if count == 0 {
        return Pair { a: 0, b: 0 };
    }
    if count == 1 {
        return Pair { a: parts[idx][0], b: parts[idx][1] };
    }
    let p = rawstring(buf, total);
    let mut off = 0;
    for s in parts {
        crate::arch::amd64::copy_bytes(p.add(off), s[0] as *const u8, s[1]);
        off += s[1];
    }
    Pair { a: p as usize, b: total }
}

/// Compares two strings byte by byte: -1, 0 or 1.
pub fn cmpstring(a: &[u8], b: &[u8]) -> i64 {
    match a.cmp(b) {
        core::cmp::Ordering::Less => -1,
        core::cmp::Ordering::Equal => 0,
        core::cmp::Ordering::Greater => 1,
    }
}

/// # Safety
/// Both arguments are Go strings.
#[no_mangle]
pub unsafe extern "C" fn g1c_cmpstring(ap: *const u8, alen: usize, bp: *const u8, blen: usize) -> i64 {
    cmpstring(go_str(ap, alen), go_str(bp, blen))
}

/// `string(b)` for a byte slice.
///
/// # Safety
/// `(p, n)` is valid for `n` bytes.
#[no_mangle]
pub unsafe extern "C" fn g1c_slicebytetostring(buf: *mut u8, p: *const u8, n: usize) -> Pair {
    match n {
        0 => Pair { a: 0, b: 0 },
        1 => Pair { a: ONE_BYTE.as_ptr().add(*p as usize) as usize, b: 1 },
        _ => {
            let s = rawstring(buf, n);
            crate::arch::amd64::copy_bytes(s, p, n);
            Pair { a: s as usize, b: n }
        }
    }
}

/// `[]byte(s)`: a new slice with gc's capacity (rawbyteslice).
///
/// # Safety
/// `out` is writable; `(p, n)` is a Go string.
#[no_mangle]
pub unsafe extern "C" fn g1c_stringtoslicebyte(buf: *mut u8, out: *mut [usize; 3], p: *const u8, n: usize) {
    if !buf.is_null() && n <= TMP_BUF {
        // The whole buffer is the slice's capacity: what lies beyond its length reads as zeros.
        core::ptr::write_bytes(buf, 0, TMP_BUF);
        crate::arch::amd64::copy_bytes(buf, p, n);
        *out = [buf as usize, n, TMP_BUF];
        return;
    }
    let cap = roundupsize(n);
    let b = alloc_noscan(cap);
    crate::arch::amd64::copy_bytes(b, p, n);
    *out = [b as usize, n, cap];
}

/// `[]rune(s)`: decodes `s` into a new slice with gc's capacity (rawruneslice).
///
/// # Safety
/// `out` is writable; `(p, n)` is a Go string.
#[no_mangle]
pub unsafe extern "C" fn g1c_stringtoslicerune(buf: *mut u8, out: *mut [usize; 3], p: *const u8, n: usize) {
    let s = go_str(p, n);
    let mut count = 0;
    let mut k = 0;
    while k < s.len() {
        k = if s[k] < 0x80 { k + 1 } else { decoderune(s, k).1 };
        count += 1;
    }
    let (a, mem) = if !buf.is_null() && count <= TMP_BUF {
        core::ptr::write_bytes(buf, 0, TMP_BUF * 4);
        (buf as *mut i32, TMP_BUF * 4)
    } else {
        let mem = roundupsize(count * 4);
        (alloc_noscan(mem) as *mut i32, mem)
    };
    let (mut i, mut k) = (0, 0);
    while k < s.len() {
        let (r, next) = if s[k] < 0x80 { (s[k] as i32, k + 1) } else { decoderune(s, k) };
        *a.add(i) = r;
        i += 1;
        k = next;
    }
    *out = [a as usize, count, mem / 4];
}

/// `string(r)` for a rune slice; invalid runes become U+FFFD.
///
/// # Safety
/// `p` is valid for `n` runes.
#[no_mangle]
pub unsafe extern "C" fn g1c_slicerunetostring(buf: *mut u8, p: *const i32, n: usize) -> Pair {
    let runes = if n == 0 { &[][..] } else { core::slice::from_raw_parts(p, n) };
    let mut tmp = [0u8; 4];
    let size: usize = runes.iter().map(|&r| encoderune(&mut tmp, r)).sum();
    if size == 0 {
        return Pair { a: 0, b: 0 };
    }
    let s = rawstring(buf, size);
    let mut off = 0;
    for &r in runes {
        let k = encoderune(&mut tmp, r);
        crate::arch::amd64::copy_bytes(s.add(off), tmp.as_ptr(), k);
        off += k;
    }
    Pair { a: s as usize, b: size }
}

/// `string(v)` for an integer: the UTF-8 of rune `v`, U+FFFD when `v` is not a rune or not a code point;
/// in `buf` (4 bytes) when the caller gives one.
///
/// # Safety
/// `buf` is null or valid for 4 bytes.
#[no_mangle]
pub unsafe extern "C" fn g1c_intstring(buf: *mut u8, v: i64) -> Pair {
    let r = if v as i32 as i64 != v { crate::utf8::RUNE_ERROR } else { v as i32 };
    let mut tmp = [0u8; 4];
    let n = encoderune(&mut tmp, r);
    if buf.is_null() {
        return new_string(&tmp[..n]);
    }
    crate::arch::amd64::copy_bytes(buf, tmp.as_ptr(), n);
    Pair { a: buf as usize, b: n }
}

/// The rune at byte `k` of `(p, n)` and the index after it (called when `s[k] >= 0x80`).
///
/// # Safety
/// `(p, n)` is a Go string.
#[no_mangle]
pub unsafe extern "C" fn g1c_decoderune(p: *const u8, n: usize, k: usize) -> Pair {
    let (r, next) = decoderune(go_str(p, n), k);
    Pair { a: r as u32 as usize, b: next }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn s(p: Pair) -> Vec<u8> {
        unsafe { go_str(p.a as *const u8, p.b).to_vec() }
    }

    #[test]
    fn conversions() {
        let _l = crate::test_lock();
        unsafe {
            let parts = [[b"ab".as_ptr() as usize, 2], [0, 0], [b"cde".as_ptr() as usize, 3]];
            assert_eq!(s(g1c_concatstrings(core::ptr::null_mut(), parts.as_ptr(), 3)), b"abcde");
            let one = g1c_concatstrings(core::ptr::null_mut(), parts.as_ptr(), 2);
            assert_eq!((one.a, one.b), (parts[0][0], 2));
            assert_eq!(g1c_concatstrings(core::ptr::null_mut(), parts.as_ptr(), 0), Pair { a: 0, b: 0 });

            assert_eq!(cmpstring(b"abc", b"abd"), -1);
            assert_eq!(cmpstring(b"abc", b"ab"), 1);
            assert_eq!(cmpstring(b"", b""), 0);

            let mut out = [0usize; 3];
            g1c_stringtoslicebyte(core::ptr::null_mut(), &mut out, b"hello".as_ptr(), 5);
            assert_eq!(out[1..], [5, 8]);
            assert_eq!(go_str(out[0] as *const u8, 5), b"hello");

            let mut bytes = "aé😀".as_bytes().to_vec();
            bytes.push(0xff);
            g1c_stringtoslicerune(core::ptr::null_mut(), &mut out, bytes.as_ptr(), bytes.len());
            let runes = core::slice::from_raw_parts(out[0] as *const i32, out[1]);
            assert_eq!(runes, [0x61, 0xE9, 0x1F600, 0xFFFD]);
            assert_eq!(out[2], 4);

            let back = g1c_slicerunetostring(core::ptr::null_mut(), [0x61, 0xE9, -1, 0xD800].as_ptr(), 4);
            assert_eq!(s(back), "aé\u{FFFD}\u{FFFD}".as_bytes());

            assert_eq!(s(g1c_intstring(core::ptr::null_mut(), 0x20AC)), "€".as_bytes());
            assert_eq!(s(g1c_intstring(core::ptr::null_mut(), 0x1_0000_0041)), "\u{FFFD}".as_bytes());
            assert_eq!(s(g1c_intstring(core::ptr::null_mut(), -1)), "\u{FFFD}".as_bytes());
            assert_eq!(g1c_decoderune("x€".as_ptr(), 4, 1), Pair { a: 0x20AC, b: 4 });

            // With a temporary buffer: results that fit are built in it, larger ones on the heap.
            let mut buf = [0xAAu8; TMP_BUF * 4];
            let b = buf.as_mut_ptr();
            let st = g1c_slicebytetostring(b, b"hello".as_ptr(), 5);
            assert_eq!((st.a, s(st)), (b as usize, b"hello".to_vec()));
            let one = g1c_slicebytetostring(b, b"z".as_ptr(), 1);
            assert_eq!((one.a, s(one)), (ONE_BYTE.as_ptr().add(b'z' as usize) as usize, b"z".to_vec()));
            let long = [b'x'; TMP_BUF + 1];
            assert_ne!(g1c_slicebytetostring(b, long.as_ptr(), long.len()).a, b as usize);
            g1c_stringtoslicebyte(b, &mut out, b"hi".as_ptr(), 2);
            assert_eq!((out[0], out[1], out[2]), (b as usize, 2, TMP_BUF));
            assert_eq!(buf[..4], [b'h', b'i', 0, 0]);
            let r = g1c_intstring(b, 0x20AC);
            assert_eq!((r.a, s(r)), (b as usize, "€".as_bytes().to_vec()));
            let cat = g1c_concatstrings(b, parts.as_ptr(), 3);
            assert_eq!((cat.a, s(cat)), (b as usize, b"abcde".to_vec()));
        }
    }
}

// internal/bytealg.IndexByte(b []byte, c byte) int: b +8 (ptr), +16 (len), +24 (cap), c +32, result +40
// (RSP-relative at entry, ABI0). internal/bytealg.IndexByteString(s string, c byte) int: s +8, +16, c +24,
// result +32. Both are leaves over `g1c_indexbyte` (pointer in RDI, length in RDX, byte in AL; the index or
// -1 in RAX), which compares 16 bytes at a time with SSE2 and the last up to 15 one at a time, so it never
// reads past the end of the bytes (the next page may be unmapped). ABI0 preserves no register; only RAX,
// RCX, RDX, RDI, R8, R9, XMM0 and XMM1 are touched, and no stack beyond the return address.
#[cfg(not(test))]
core::arch::global_asm!(
    ".globl \"internal/bytealg.IndexByte\"",
    "\"internal/bytealg.IndexByte\":",
    "    mov rdi, [rsp + 8]",
    "    mov rdx, [rsp + 16]",
    "    movzx eax, byte ptr [rsp + 32]",
    "    call g1c_indexbyte",
    "    mov [rsp + 40], rax",
    "    ret",
    ".globl \"internal/bytealg.IndexByteString\"",
    "\"internal/bytealg.IndexByteString\":",
    "    mov rdi, [rsp + 8]",
    "    mov rdx, [rsp + 16]",
    "    movzx eax, byte ptr [rsp + 24]",
    "    call g1c_indexbyte",
    "    mov [rsp + 32], rax",
    "    ret",
    ".globl g1c_indexbyte",
    "g1c_indexbyte:",
    // XMM0 = the byte in all 16 lanes.
    "    movd xmm0, eax",
    "    punpcklbw xmm0, xmm0",
    "    punpcklwd xmm0, xmm0",
    "    pshufd xmm0, xmm0, 0",
    "    xor ecx, ecx",
    "2:  lea r8, [rcx + 16]",
    "    cmp r8, rdx",
    "    ja 4f",
    "    movdqu xmm1, [rdi + rcx]",
    "    pcmpeqb xmm1, xmm0",
    "    pmovmskb r9d, xmm1",
    "    test r9d, r9d",
    "    jnz 3f",
    "    mov rcx, r8",
    "    jmp 2b",
    "3:  bsf r9d, r9d",
    "    lea rax, [rcx + r9]",
    "    ret",
    "4:  cmp rcx, rdx",
    "    jae 6f",
    "    cmp byte ptr [rdi + rcx], al",
    "    je 5f",
    "    inc rcx",
    "    jmp 4b",
    "5:  mov rax, rcx",
    "    ret",
    "6:  mov rax, -1",
    "    ret",
);
