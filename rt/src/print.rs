//! `print` and `println`: the `g1c_print*` entry points, with gc's formats (runtime/print.go).
//!
//! In: Go values as scalars. Out: bytes on fd 2 (standard error), like gc's `print`. Each entry point
//! formats into a small buffer and writes it with one system call; the formatting functions write to any
//! `Out`, so tests check them against gc's output without a file descriptor.

use crate::os::linux;

/// A byte sink for the formatters.
pub trait Out {
    fn put(&mut self, b: &[u8]);
}

/// Standard error, buffered: `put` collects bytes, `flush` (or a full buffer) writes them.
pub struct Stderr {
    buf: [u8; 512],
    len: usize,
}

impl Stderr {
    pub fn new() -> Self {
        Stderr { buf: [0; 512], len: 0 }
    }

    pub fn flush(&mut self) {
        linux::write_all(2, &self.buf[..self.len]);
        self.len = 0;
    }
}

impl Default for Stderr {
    fn default() -> Self {
        Self::new()
    }
}

impl Out for Stderr {
    fn put(&mut self, b: &[u8]) {
        if self.len + b.len() > self.buf.len() {
            self.flush();
        }
        if b.len() > self.buf.len() {
            linux::write_all(2, b);
            return;
        }
        self.buf[self.len..self.len + b.len()].copy_from_slice(b);
        self.len += b.len();
    }
}

impl Drop for Stderr {
    fn drop(&mut self) {
        self.flush();
    }
}

pub fn boolean(o: &mut impl Out, v: bool) {
    o.put(if v { b"true" } else { b"false" });
}

/// printuint: decimal digits.
pub fn uint(o: &mut impl Out, mut v: u64) {
    let mut buf = [0u8; 20];
    let mut i = buf.len();
    loop {
        i -= 1;
        buf[i] = b'0' + (v % 10) as u8;
        v /= 10;
        if v == 0 {
            break;
        }
    }
    o.put(&buf[i..]);
}

/// printint: a minus sign, then the magnitude (the most negative value prints correctly because the negation
/// wraps to its own unsigned magnitude, as in gc).
pub fn int(o: &mut impl Out, v: i64) {
    if v < 0 {
        o.put(b"-");
    }
    uint(o, v.unsigned_abs());
}

/// printhex: `0x` and lowercase hexadecimal digits, no leading zeros.
pub fn hex(o: &mut impl Out, mut v: u64) {
    const DIG: &[u8; 16] = b"0123456789abcdef";
    let mut buf = [0u8; 18];
    let mut i = buf.len();
    loop {
        i -= 1;
        buf[i] = DIG[(v % 16) as usize];
        v /= 16;
        if v == 0 {
            break;
        }
    }
    i -= 1;
    buf[i] = b'x';
    i -= 1;
    buf[i] = b'0';
    o.put(&buf[i..]);
}

/// printfloat: gc's own algorithm, not a correctly rounded conversion: scale by repeated ×10 or ÷10 into
/// [1, 10), add half a unit of the 7th digit, then peel off 7 digits; exponent with sign and 3 digits.
/// The float operations must stay exactly these (in this order) to give the same digits as gc.
pub fn float(o: &mut impl Out, mut v: f64) {
    if v.is_nan() {
        o.put(b"NaN");
        return;
    }
    if v + v == v && v > 0.0 {
        o.put(b"+Inf");
        return;
    }
    if v + v == v && v < 0.0 {
        o.put(b"-Inf");
        return;
    }
    const N: usize = 7; // digits printed
    let mut buf = [0u8; N + 7];
    buf[0] = b'+';
    let mut e: i32 = 0;
    if v == 0.0 {
        if (1.0 / v) < 0.0 {
            buf[0] = b'-';
        }
    } else {
        if v < 0.0 {
            v = -v;
            buf[0] = b'-';
        }
        // normalize
        while v >= 10.0 {
            e += 1;
            v /= 10.0;
        }
        while v < 1.0 {
            e -= 1;
            v *= 10.0;
        }
        // round
        let mut h = 5.0;
        for _ in 0..N {
            h /= 10.0;
        }
        v += h;
        if v >= 10.0 {
            e += 1;
            v /= 10.0;
        }
    }
    // format +d.dddddde+ddd
    for i in 0..N {
        let s = v as i64;
        buf[i + 2] = (s as u8).wrapping_add(b'0');
        v -= s as f64;
        v *= 10.0;
    }
    buf[1] = buf[2];
    buf[2] = b'.';
    buf[N + 2] = b'e';
    buf[N + 3] = b'+';
    if e < 0 {
        e = -e;
        buf[N + 3] = b'-';
    }
    buf[N + 4] = (e / 100) as u8 + b'0';
    buf[N + 5] = ((e / 10) % 10) as u8 + b'0';
    buf[N + 6] = (e % 10) as u8 + b'0';
    o.put(&buf);
}

/// printcomplex: `(` real imag `i)`, each part in printfloat's format.
pub fn complex(o: &mut impl Out, re: f64, im: f64) {
    o.put(b"(");
    float(o, re);
    float(o, im);
    o.put(b"i)");
}

/// printslice: `[len/cap]` and the data pointer.
pub fn slice(o: &mut impl Out, p: usize, len: usize, cap: usize) {
    o.put(b"[");
    int(o, len as i64);
    o.put(b"/");
    int(o, cap as i64);
    o.put(b"]");
    hex(o, p as u64);
}

/// # Safety
/// `p` must be valid for `n` bytes (or `n` must be 0).
pub unsafe fn go_str<'a>(p: *const u8, n: usize) -> &'a [u8] {
    if n == 0 {
        &[]
    } else {
        core::slice::from_raw_parts(p, n)
    }
}

#[no_mangle]
pub extern "C" fn g1c_printbool(b: u8) {
    boolean(&mut Stderr::new(), b != 0);
}

#[no_mangle]
pub extern "C" fn g1c_printint(v: i64) {
    int(&mut Stderr::new(), v);
}

#[no_mangle]
pub extern "C" fn g1c_printuint(v: u64) {
    uint(&mut Stderr::new(), v);
}

#[no_mangle]
pub extern "C" fn g1c_printfloat(v: f64) {
    float(&mut Stderr::new(), v);
}

#[no_mangle]
pub extern "C" fn g1c_printcomplex(re: f64, im: f64) {
    complex(&mut Stderr::new(), re, im);
}

/// # Safety
/// `(p, n)` must be a Go string.
#[no_mangle]
pub unsafe extern "C" fn g1c_printstring(p: *const u8, n: usize) {
    if n > 0 {
        linux::write_all(2, go_str(p, n));
    }
}

#[no_mangle]
pub extern "C" fn g1c_printpointer(p: usize) {
    hex(&mut Stderr::new(), p as u64);
}

#[no_mangle]
pub extern "C" fn g1c_printhex(v: u64) {
    hex(&mut Stderr::new(), v);
}

#[no_mangle]
pub extern "C" fn g1c_printslice(p: usize, len: usize, cap: usize) {
    slice(&mut Stderr::new(), p, len, cap);
}

#[no_mangle]
pub extern "C" fn g1c_printsp() {
    linux::write_all(2, b" ");
}

#[no_mangle]
pub extern "C" fn g1c_printnl() {
    linux::write_all(2, b"\n");
}

/// The print lock keeps one goroutine's `print` line together; there is one thread until the scheduler
/// arrives, so there is nothing to lock yet.
#[no_mangle]
pub extern "C" fn g1c_printlock() {}

#[no_mangle]
pub extern "C" fn g1c_printunlock() {}

#[cfg(test)]
pub mod tests {
    use super::*;

    /// An `Out` that collects into a vector (tests only).
    pub struct VecOut(pub Vec<u8>);

    impl Out for VecOut {
        fn put(&mut self, b: &[u8]) {
            self.0.extend_from_slice(b);
        }
    }

    pub fn fmt(f: impl FnOnce(&mut VecOut)) -> String {
        let mut o = VecOut(Vec::new());
        f(&mut o);
        String::from_utf8(o.0).unwrap()
    }

    #[test]
    fn float_matches_gc() {
        let data = include_str!("../../test/data/rt/printfloat.txt");
        let mut n = 0;
        for line in data.lines() {
            let (bits, want) = line.split_once(' ').unwrap();
            let v = f64::from_bits(bits.parse().unwrap());
            assert_eq!(fmt(|o| float(o, v)), want, "bits {bits}");
            n += 1;
        }
        assert!(n > 600);
    }

    #[test]
    fn integers_and_hex() {
        assert_eq!(fmt(|o| int(o, i64::MIN)), "-9223372036854775808");
        assert_eq!(fmt(|o| int(o, 0)), "0");
        assert_eq!(fmt(|o| uint(o, u64::MAX)), "18446744073709551615");
        assert_eq!(fmt(|o| hex(o, 0)), "0x0");
        assert_eq!(fmt(|o| hex(o, 0xdeadbeef)), "0xdeadbeef");
        assert_eq!(fmt(|o| hex(o, u64::MAX)), "0xffffffffffffffff");
        assert_eq!(fmt(|o| boolean(o, true)), "true");
    }

    #[test]
    fn complex_and_slice() {
        assert_eq!(fmt(|o| complex(o, 1.0, 2.0)), "(+1.000000e+000+2.000000e+000i)");
        assert_eq!(fmt(|o| complex(o, -0.0, f64::NAN)), "(-0.000000e+000NaNi)");
        assert_eq!(fmt(|o| slice(o, 0xc000010000, 3, 4)), "[3/4]0xc000010000");
        assert_eq!(fmt(|o| slice(o, 0, 0, 0)), "[0/0]0x0");
    }
}
