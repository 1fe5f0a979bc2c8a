//! Complex division, gc 1.19's `complex128div` (runtime/complex.go): Smith's algorithm, with C99 Annex G's
//! corrections when both parts come out NaN. In: the dividend and divisor halves; out: the quotient written
//! through a pointer (docs/RUNTIME-ABI.md "Complex numbers").

fn inf() -> f64 {
    f64::INFINITY
}

fn finite(x: f64) -> bool {
    !x.is_nan() && !x.is_infinite()
}

fn bool_to_float(b: bool) -> f64 {
    if b {
        1.0
    } else {
        0.0
    }
}

/// `n / m` as gc computes it.
pub fn complex128div(nr: f64, ni: f64, mr: f64, mi: f64) -> (f64, f64) {
    let (mut e, mut f);
    if mr.abs() >= mi.abs() {
        let ratio = mi / mr;
        let denom = mr + ratio * mi;
        e = (nr + ni * ratio) / denom;
        f = (ni - nr * ratio) / denom;
    } else {
        let ratio = mr / mi;
        let denom = mi + ratio * mr;
        e = (nr * ratio + ni) / denom;
        f = (ni * ratio - nr) / denom;
    }
    if e.is_nan() && f.is_nan() {
        let (mut a, mut b) = (nr, ni);
        let (mut c, mut d) = (mr, mi);
        if mr == 0.0 && mi == 0.0 && (!a.is_nan() || !b.is_nan()) {
            e = inf().copysign(c) * a;
            f = inf().copysign(c) * b;
        } else if (a.is_infinite() || b.is_infinite()) && finite(c) && finite(d) {
            a = bool_to_float(a.is_infinite()).copysign(a);
            b = bool_to_float(b.is_infinite()).copysign(b);
            e = inf() * (a * c + b * d);
            f = inf() * (b * c - a * d);
        } else if (c.is_infinite() || d.is_infinite()) && finite(a) && finite(b) {
            c = bool_to_float(c.is_infinite()).copysign(c);
            d = bool_to_float(d.is_infinite()).copysign(d);
            e = 0.0 * (a * c + b * d);
            f = 0.0 * (b * c - a * d);
        }
    }
    (e, f)
}

/// `*out = n / m` for complex128 (complex64 is widened first).
///
/// # Safety
/// `out` must point at two writable f64s.
#[no_mangle]
pub unsafe extern "C" fn g1c_complex128div(out: *mut [f64; 2], nr: f64, ni: f64, mr: f64, mi: f64) {
    let (e, f) = complex128div(nr, ni, mr, mi);
    *out = [e, f];
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn division_matches_gc() {
        assert_eq!(complex128div(1.0, 2.0, 3.0, 4.0), (0.44, 0.08));
        let (e, f) = complex128div(1.0, 1.0, 0.0, 0.0);
        assert!(e.is_infinite() && f.is_infinite());
        let (e, f) = complex128div(1.0, 1.0, f64::INFINITY, 0.0);
        assert_eq!((e, f), (0.0, 0.0));
    }
}
