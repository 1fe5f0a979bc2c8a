//! Exact constant values (Go spec "Constants"): arbitrary-precision integers and exact rationals, as untyped
//! constant arithmetic requires.
//!
//! In: literal text (`from_literal`) and operations from the checker. Out: [`Value`]s stored in `Info` and read
//! by lowering through the accessor methods (`to_i64`, `to_u64`, `to_f64`, `to_complex`, `as_bool`,
//! `as_bytes`).
//!
//! Representation: [`BigInt`] is sign and magnitude (little-endian base-2^32 limbs in a boxed slice, no
//! leading zero limbs, zero is never negative). [`BigFloat`] is an exact rational `num/den` in lowest terms
//! with `den > 0`; gc uses 512-bit floats instead, which agree with exact rationals on every value a program
//! can observe after rounding to float64. Values of different kinds are combined by first promoting to the
//! larger kind (int < float < complex), as go/constant does.

use crate::syntax::ast::LitKind;
use std::cmp::Ordering;
use std::sync::{Arc, OnceLock};

/// A constant value. `Int` is exact; `Float` and `Complex` parts are exact rationals.
#[derive(Clone, Debug, PartialEq)]
pub enum Value {
    Bool(bool),
    /// Go strings are byte sequences, not necessarily UTF-8.
    String(ConstStr),
    Int(BigInt),
    Float(BigFloat),
    Complex(BigFloat, BigFloat),
    /// An operand whose value is unknown (after an error).
    Unknown,
}

// ---------------------------------------------------------------------------------------------------------
// String constants.

/// The bytes of a string constant. Cloning is O(1), and so is concatenation of long strings: `a + b` makes a
/// node referring to both operands, flattened into one buffer only when its bytes are first asked for (as
/// go/constant's `stringVal` does). Why: the checker records the value of every constant subexpression, and
/// std builds tables from chains of thousands of `"..." +` pieces; copying each partial sum would need memory
/// quadratic in the chain's length.
#[derive(Clone)]
pub struct ConstStr(Arc<StrNode>);

struct StrNode {
    len: usize,
    /// The bytes, once known: at once for a leaf, on first `as_bytes` for a concatenation.
    flat: OnceLock<Box<[u8]>>,
    /// For a concatenation not built eagerly: its left and right operands.
    parts: Option<(ConstStr, ConstStr)>,
}

/// Concatenations shorter than this are copied at once (no node chains for short strings).
const EAGER_CONCAT: usize = 256;

impl ConstStr {
    pub fn new(bytes: Vec<u8>) -> ConstStr {
        let flat = OnceLock::new();
        let len = bytes.len();
        let _ = flat.set(bytes.into_boxed_slice());
        ConstStr(Arc::new(StrNode { len, flat, parts: None }))
    }

    /// `a + b`.
    pub fn concat(a: &ConstStr, b: &ConstStr) -> ConstStr {
        let len = a.len() + b.len();
        if len < EAGER_CONCAT {
            let mut s = Vec::with_capacity(len);
            s.extend_from_slice(a.as_bytes());
            s.extend_from_slice(b.as_bytes());
            return ConstStr::new(s);
        }
        ConstStr(Arc::new(StrNode { len, flat: OnceLock::new(), parts: Some((a.clone(), b.clone())) }))
    }

    pub fn len(&self) -> usize {
        self.0.len
    }

    pub fn is_empty(&self) -> bool {
        self.0.len == 0
    }

    /// The bytes (flattening a concatenation on first use; iteratively, as chains may be thousands deep).
    pub fn as_bytes(&self) -> &[u8] {
        self.0.flat.get_or_init(|| {
            let mut out = Vec::with_capacity(self.0.len);
            let mut stack = vec![self];
            while let Some(s) = stack.pop() {
                match (s.0.flat.get(), &s.0.parts) {
                    (Some(b), _) => out.extend_from_slice(b),
                    (None, Some((l, r))) => {
                        stack.push(r);
                        stack.push(l);
                    }
                    (None, None) => unreachable!("a leaf string constant always has its bytes"),
                }
            }
            out.into_boxed_slice()
        })
    }
}

impl PartialEq for ConstStr {
    fn eq(&self, other: &ConstStr) -> bool {
        self.len() == other.len() && self.as_bytes() == other.as_bytes()
    }
}

impl Eq for ConstStr {}

impl std::fmt::Debug for ConstStr {
    fn fmt(&self, f: &mut std::fmt::Formatter) -> std::fmt::Result {
        write!(f, "{:?}", self.as_bytes())
    }
}

// ---------------------------------------------------------------------------------------------------------
// Arbitrary-precision integers.

/// An arbitrary-precision signed integer.
#[derive(Clone, Debug, PartialEq, Eq, Hash)]
pub struct BigInt {
    neg: bool,
    mag: Box<[u32]>,
}

fn trim(v: &mut Vec<u32>) {
    while v.last() == Some(&0) {
        v.pop();
    }
}

fn mag_cmp(a: &[u32], b: &[u32]) -> Ordering {
    if a.len() != b.len() {
        return a.len().cmp(&b.len());
    }
    for i in (0..a.len()).rev() {
        if a[i] != b[i] {
            return a[i].cmp(&b[i]);
        }
    }
    Ordering::Equal
}

fn mag_add(a: &[u32], b: &[u32]) -> Vec<u32> {
    let mut r = Vec::with_capacity(a.len().max(b.len()) + 1);
    let mut carry = 0u64;
    for i in 0..a.len().max(b.len()) {
        let s = *a.get(i).unwrap_or(&0) as u64 + *b.get(i).unwrap_or(&0) as u64 + carry;
        r.push(s as u32);
        carry = s >> 32;
    }
    if carry != 0 {
        r.push(carry as u32);
    }
    r
}

/// `a - b` for `a >= b`.
fn mag_sub(a: &[u32], b: &[u32]) -> Vec<u32> {
    let mut r = Vec::with_capacity(a.len());
    let mut borrow = 0i64;
    for i in 0..a.len() {
        let mut d = a[i] as i64 - *b.get(i).unwrap_or(&0) as i64 - borrow;
        if d < 0 {
            d += 1 << 32;
            borrow = 1;
        } else {
            borrow = 0;
        }
        r.push(d as u32);
    }
    trim(&mut r);
    r
}

fn mag_mul(a: &[u32], b: &[u32]) -> Vec<u32> {
    if a.is_empty() || b.is_empty() {
        return Vec::new();
    }
    let mut r = vec![0u32; a.len() + b.len()];
    for (i, &x) in a.iter().enumerate() {
        let mut carry = 0u64;
        for (j, &y) in b.iter().enumerate() {
            let t = x as u64 * y as u64 + r[i + j] as u64 + carry;
            r[i + j] = t as u32;
            carry = t >> 32;
        }
        let mut k = i + b.len();
        while carry != 0 {
            let t = r[k] as u64 + carry;
            r[k] = t as u32;
            carry = t >> 32;
            k += 1;
        }
    }
    trim(&mut r);
    r
}

fn mag_bits(a: &[u32]) -> u64 {
    match a.last() {
        None => 0,
        Some(&top) => (a.len() as u64 - 1) * 32 + (32 - top.leading_zeros() as u64),
    }
}

fn mag_shl(a: &[u32], n: u64) -> Vec<u32> {
    if a.is_empty() {
        return Vec::new();
    }
    let limbs = (n / 32) as usize;
    let bits = (n % 32) as u32;
    let mut r = vec![0u32; limbs];
    let mut carry = 0u32;
    for &x in a {
        if bits == 0 {
            r.push(x);
        } else {
            r.push((x << bits) | carry);
            carry = x >> (32 - bits);
        }
    }
    if carry != 0 {
        r.push(carry);
    }
    r
}

fn mag_shr(a: &[u32], n: u64) -> Vec<u32> {
    let limbs = (n / 32) as usize;
    if limbs >= a.len() {
        return Vec::new();
    }
    let bits = (n % 32) as u32;
    let mut r = Vec::with_capacity(a.len() - limbs);
    for i in limbs..a.len() {
        let lo = a[i] >> bits;
        let hi = if bits == 0 { 0 } else { a.get(i + 1).map(|&x| x << (32 - bits)).unwrap_or(0) };
        r.push(lo | hi);
    }
    trim(&mut r);
    r
}

/// Quotient and remainder of magnitudes (`b` nonzero), by single-limb or shift-and-subtract division.
fn mag_divrem(a: &[u32], b: &[u32]) -> (Vec<u32>, Vec<u32>) {
    if mag_cmp(a, b) == Ordering::Less {
        return (Vec::new(), a.to_vec());
    }
    if b.len() == 1 {
        let d = b[0] as u64;
        let mut q = vec![0u32; a.len()];
        let mut rem = 0u64;
        for i in (0..a.len()).rev() {
            let cur = (rem << 32) | a[i] as u64;
            q[i] = (cur / d) as u32;
            rem = cur % d;
        }
        trim(&mut q);
        let mut r = vec![rem as u32];
        trim(&mut r);
        return (q, r);
    }
    // Binary long division: align b under a's top bit, subtract where it fits.
    let shift = mag_bits(a) - mag_bits(b);
    let mut rem = a.to_vec();
    let mut q = vec![0u32; (shift / 32 + 1) as usize];
    let mut d = mag_shl(b, shift);
    let mut s = shift as i64;
    while s >= 0 {
        if mag_cmp(&rem, &d) != Ordering::Less {
            rem = mag_sub(&rem, &d);
            q[(s / 32) as usize] |= 1 << (s % 32);
        }
        d = mag_shr(&d, 1);
        s -= 1;
    }
    trim(&mut q);
    (q, rem)
}

impl BigInt {
    pub fn zero() -> BigInt {
        BigInt { neg: false, mag: Box::default() }
    }
    fn from_parts(neg: bool, mut mag: Vec<u32>) -> BigInt {
        trim(&mut mag);
        let neg = neg && !mag.is_empty();
        BigInt { neg, mag: mag.into_boxed_slice() }
    }
    pub fn from_u64(v: u64) -> BigInt {
        BigInt::from_parts(false, vec![v as u32, (v >> 32) as u32])
    }
    pub fn from_i64(v: i64) -> BigInt {
        let m = BigInt::from_u64(v.unsigned_abs());
        BigInt::from_parts(v < 0, m.mag.into_vec())
    }
    pub fn is_zero(&self) -> bool {
        self.mag.is_empty()
    }
    pub fn is_neg(&self) -> bool {
        self.neg
    }
    /// Number of bits in the magnitude.
    pub fn bit_len(&self) -> u64 {
        mag_bits(&self.mag)
    }
    pub fn neg(&self) -> BigInt {
        BigInt::from_parts(!self.neg, self.mag.to_vec())
    }
    pub fn abs(&self) -> BigInt {
        BigInt::from_parts(false, self.mag.to_vec())
    }
    pub fn add(&self, o: &BigInt) -> BigInt {
        if self.neg == o.neg {
            return BigInt::from_parts(self.neg, mag_add(&self.mag, &o.mag));
        }
        match mag_cmp(&self.mag, &o.mag) {
            Ordering::Less => BigInt::from_parts(o.neg, mag_sub(&o.mag, &self.mag)),
            _ => BigInt::from_parts(self.neg, mag_sub(&self.mag, &o.mag)),
        }
    }
    pub fn sub(&self, o: &BigInt) -> BigInt {
        self.add(&o.neg())
    }
    pub fn mul(&self, o: &BigInt) -> BigInt {
        BigInt::from_parts(self.neg != o.neg, mag_mul(&self.mag, &o.mag))
    }
    /// Truncated division (Go's `/` and `%`); `None` when `o` is zero.
    pub fn quo_rem(&self, o: &BigInt) -> Option<(BigInt, BigInt)> {
        if o.is_zero() {
            return None;
        }
        let (q, r) = mag_divrem(&self.mag, &o.mag);
        Some((BigInt::from_parts(self.neg != o.neg, q), BigInt::from_parts(self.neg, r)))
    }
    pub fn shl(&self, n: u64) -> BigInt {
        BigInt::from_parts(self.neg, mag_shl(&self.mag, n))
    }
    /// Arithmetic shift right (rounds toward negative infinity, as Go's `>>` on signed integers).
    pub fn shr(&self, n: u64) -> BigInt {
        if !self.neg {
            return BigInt::from_parts(false, mag_shr(&self.mag, n));
        }
        // -((|x| - 1) >> n) - 1
        let one = BigInt::from_u64(1);
        let m = self.abs().sub(&one);
        BigInt::from_parts(false, mag_shr(&m.mag, n)).neg().sub(&one)
    }
    pub fn cmp(&self, o: &BigInt) -> Ordering {
        match (self.neg, o.neg) {
            (false, true) => Ordering::Greater,
            (true, false) => Ordering::Less,
            (false, false) => mag_cmp(&self.mag, &o.mag),
            (true, true) => mag_cmp(&o.mag, &self.mag),
        }
    }
    /// Two's complement limbs of width `n` limbs.
    fn twos(&self, n: usize) -> Vec<u32> {
        let mut v = self.mag.to_vec();
        v.resize(n, 0);
        if self.neg {
            for x in v.iter_mut() {
                *x = !*x;
            }
            for x in v.iter_mut() {
                let (s, c) = x.overflowing_add(1);
                *x = s;
                if !c {
                    break;
                }
            }
        }
        v
    }
    fn from_twos(mut v: Vec<u32>) -> BigInt {
        let neg = v.last().is_some_and(|&t| t & 0x8000_0000 != 0);
        if neg {
            for x in v.iter_mut() {
                *x = !*x;
            }
            for x in v.iter_mut() {
                let (s, c) = x.overflowing_add(1);
                *x = s;
                if !c {
                    break;
                }
            }
        }
        BigInt::from_parts(neg, v)
    }
    fn bitop(&self, o: &BigInt, f: impl Fn(u32, u32) -> u32) -> BigInt {
        let n = self.mag.len().max(o.mag.len()) + 1;
        let a = self.twos(n);
        let b = o.twos(n);
        BigInt::from_twos(a.iter().zip(&b).map(|(&x, &y)| f(x, y)).collect())
    }
    pub fn and(&self, o: &BigInt) -> BigInt {
        self.bitop(o, |x, y| x & y)
    }
    pub fn or(&self, o: &BigInt) -> BigInt {
        self.bitop(o, |x, y| x | y)
    }
    pub fn xor(&self, o: &BigInt) -> BigInt {
        self.bitop(o, |x, y| x ^ y)
    }
    pub fn and_not(&self, o: &BigInt) -> BigInt {
        self.bitop(o, |x, y| x & !y)
    }
    /// Bitwise complement `-x - 1`.
    pub fn not(&self) -> BigInt {
        self.neg().sub(&BigInt::from_u64(1))
    }
    pub fn to_i64(&self) -> Option<i64> {
        let m = self.to_u64_mag()?;
        if self.neg {
            if m <= 1u64 << 63 {
                Some((m as i64).wrapping_neg())
            } else {
                None
            }
        } else {
            i64::try_from(m).ok()
        }
    }
    fn to_u64_mag(&self) -> Option<u64> {
        match self.mag.len() {
            0 => Some(0),
            1 => Some(self.mag[0] as u64),
            2 => Some(self.mag[0] as u64 | (self.mag[1] as u64) << 32),
            _ => None,
        }
    }
    pub fn to_u64(&self) -> Option<u64> {
        if self.neg {
            None
        } else {
            self.to_u64_mag()
        }
    }
    /// The low 64 bits in two's complement (wraps).
    /// Number of trailing zero bits of the magnitude (0 for zero).
    pub fn trailing_zeros(&self) -> u64 {
        for (i, &l) in self.mag.iter().enumerate() {
            if l != 0 {
                return i as u64 * 32 + l.trailing_zeros() as u64;
            }
        }
        0
    }
    pub fn low_u64(&self) -> u64 {
        let t = self.twos(self.mag.len().max(2) + 1);
        t[0] as u64 | (t[1] as u64) << 32
    }
    pub fn gcd(&self, o: &BigInt) -> BigInt {
        let mut a = self.abs();
        let mut b = o.abs();
        while !b.is_zero() {
            let (_, r) = a.quo_rem(&b).unwrap();
            a = b;
            b = r;
        }
        a
    }
    pub fn pow10(n: u32) -> BigInt {
        let mut r = BigInt::from_u64(1);
        let mut base = BigInt::from_u64(10);
        let mut n = n;
        while n > 0 {
            if n & 1 == 1 {
                r = r.mul(&base);
            }
            base = base.mul(&base);
            n >>= 1;
        }
        r
    }
    pub fn parse_radix(digits: &str, radix: u32) -> Option<BigInt> {
        let mut r = BigInt::zero();
        let rb = BigInt::from_u64(radix as u64);
        let mut any = false;
        for c in digits.chars() {
            if c == '_' {
                continue;
            }
            let d = c.to_digit(radix)?;
            r = r.mul(&rb).add(&BigInt::from_u64(d as u64));
            any = true;
        }
        if any {
            Some(r)
        } else {
            None
        }
    }
}

impl std::fmt::Display for BigInt {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        if self.is_zero() {
            return write!(f, "0");
        }
        let mut digits = Vec::new();
        let mut m = self.mag.to_vec();
        let billion = [1_000_000_000u32];
        while !m.is_empty() {
            let (q, r) = mag_divrem(&m, &billion);
            let r = r.first().copied().unwrap_or(0);
            digits.push(r);
            m = q;
        }
        let mut s = String::new();
        if self.neg {
            s.push('-');
        }
        s.push_str(&digits.last().unwrap().to_string());
        for d in digits.iter().rev().skip(1) {
            s.push_str(&format!("{d:09}"));
        }
        write!(f, "{s}")
    }
}

// ---------------------------------------------------------------------------------------------------------
// Floating-point constants: exact rationals, and 512-bit floats for the huge and the tiny.

/// The value of a floating-point constant, as go/constant keeps it: an exact rational `num/den` in lowest
/// terms (`den > 0`, `exp2 == 0`) while numerator and denominator have at most [`SMALL_BITS`] bits, else a
/// binary float `num * 2^exp2` (`den == 1`, `num` odd with at most [`PREC`] bits, `exp2 != 0`), rounded to
/// nearest as big.Float with 512-bit precision rounds. So `1e646456992` is a float with a huge exponent rather
/// than a rational with two billion bits. Like big.Float the binary exponent (of the mantissa in [0.5, 1))
/// stays within the range of an int32: a result below it is 0 (underflow), a literal above it is malformed.
/// Boxed, so that a [`Value`] (stored per constant expression) stays the size of a `BigInt`.
#[derive(Clone, PartialEq, Eq, Hash)]
pub struct BigFloat(Box<Ratio>);

#[derive(Clone, PartialEq, Eq, Hash)]
pub struct Ratio {
    num: BigInt,
    den: BigInt,
    exp2: i64,
}

/// go/constant keeps rationals whose parts have fewer bits than this exact (its `maxExp`).
pub const SMALL_BITS: u64 = 4 << 10;
/// Mantissa bits of go/constant's floats.
pub const PREC: u64 = 512;
/// big.Float's exponent range.
const MIN_EXP2: i64 = i32::MIN as i64;
const MAX_EXP2: i64 = i32::MAX as i64;

impl std::ops::Deref for BigFloat {
    type Target = Ratio;
    fn deref(&self) -> &Ratio {
        &self.0
    }
}

impl std::fmt::Debug for BigFloat {
    fn fmt(&self, f: &mut std::fmt::Formatter) -> std::fmt::Result {
        f.debug_struct("BigFloat").field("num", &self.num).field("den", &self.den).field("exp2", &self.exp2).finish()
    }
}

/// `round(a / b)` to nearest, ties to even (`b > 0`).
fn div_round(a: &BigInt, b: &BigInt) -> BigInt {
    let (q, r) = a.quo_rem(b).unwrap();
    match r.abs().shl(1).cmp(b) {
        Ordering::Greater => away(q, a),
        Ordering::Equal if q.low_u64() & 1 == 1 => away(q, a),
        _ => q,
    }
}

/// `q` one further from zero, in the direction of `a`'s sign.
fn away(q: BigInt, a: &BigInt) -> BigInt {
    if a.is_neg() {
        q.sub(&BigInt::from_u64(1))
    } else {
        q.add(&BigInt::from_u64(1))
    }
}

impl BigFloat {
    /// The exact rational `num/den` (or its 512-bit rounding, if too large to keep exact).
    pub fn new(num: BigInt, den: BigInt) -> BigFloat {
        BigFloat::make(num, den, 0)
    }

    /// The value `num/den * 2^exp2`, normalized to the representation described on [`BigFloat`].
    fn make(num: BigInt, den: BigInt, exp2: i64) -> BigFloat {
        let (mut num, mut den) = if den.is_neg() { (num.neg(), den.neg()) } else { (num, den) };
        if num.is_zero() {
            return BigFloat::zero();
        }
        // Small enough to be exact: fold the power of two in, reduce.
        let nb = num.bit_len() as i64;
        let db = den.bit_len() as i64;
        let small = SMALL_BITS as i64;
        if exp2 >= 0 && nb + exp2 < small && db < small {
            num = num.shl(exp2 as u64);
        } else if exp2 < 0 && nb < small && db - exp2 < small {
            den = den.shl((-exp2) as u64);
        } else {
            return BigFloat::approx(&num, &den, exp2);
        }
        let g = num.gcd(&den);
        if !(g.is_zero() || g == BigInt::from_u64(1)) {
            num = num.quo_rem(&g).unwrap().0;
            den = den.quo_rem(&g).unwrap().0;
        }
        BigFloat(Box::new(Ratio { num, den, exp2: 0 }))
    }

    /// `num/den * 2^exp2` (nonzero, too large to keep exact) rounded to [`PREC`] bits.
    fn approx(num: &BigInt, den: &BigInt, exp2: i64) -> BigFloat {
        // Scale so that the quotient has PREC bits (or PREC+1 after rounding up).
        let k = PREC as i64 + den.bit_len() as i64 - num.bit_len() as i64;
        let (a, b) = if k >= 0 { (num.shl(k as u64), den.clone()) } else { (num.clone(), den.shl((-k) as u64)) };
        let mut m = div_round(&a, &b);
        let mut e = exp2 - k;
        // Canonical: an odd mantissa.
        let tz = m.abs().trailing_zeros();
        if tz > 0 {
            m = m.shr(tz);
            e += tz as i64;
        }
        if e + m.bit_len() as i64 <= MIN_EXP2 {
            return BigFloat::zero(); // underflow, as big.Float
        }
        if e == 0 {
            return BigFloat::from_int(m);
        }
        BigFloat(Box::new(Ratio { num: m, den: BigInt::from_u64(1), exp2: e }))
    }

    pub fn from_int(i: BigInt) -> BigFloat {
        if i.bit_len() >= SMALL_BITS {
            return BigFloat::make(i, BigInt::from_u64(1), 0);
        }
        BigFloat(Box::new(Ratio { num: i, den: BigInt::from_u64(1), exp2: 0 }))
    }
    pub fn zero() -> BigFloat {
        BigFloat(Box::new(Ratio { num: BigInt::zero(), den: BigInt::from_u64(1), exp2: 0 }))
    }
    /// Numerator and denominator of an exact value (of the mantissa, for a rounded one).
    pub fn num(&self) -> &BigInt {
        &self.num
    }
    pub fn den(&self) -> &BigInt {
        &self.den
    }
    /// Whether the value is kept exactly (not rounded to 512 bits).
    pub fn is_exact(&self) -> bool {
        self.exp2 == 0
    }
    pub fn is_zero(&self) -> bool {
        self.num.is_zero()
    }
    /// Whether the value is an integer that go/constant's `ToInt` yields: huge rounded floats are not.
    pub fn is_int(&self) -> bool {
        self.exp2 == 0 && self.den == BigInt::from_u64(1)
    }
    /// log2 of the magnitude, to within one.
    fn ilog2(&self) -> i64 {
        self.num.bit_len() as i64 - self.den.bit_len() as i64 + self.exp2
    }
    pub fn add(&self, o: &BigFloat) -> BigFloat {
        if self.is_zero() {
            return o.clone();
        }
        if o.is_zero() {
            return self.clone();
        }
        if self.is_exact() && o.is_exact() {
            return BigFloat::new(self.num.mul(&o.den).add(&o.num.mul(&self.den)), self.den.mul(&o.den));
        }
        // An operand smaller than the other's last mantissa bit does not change the rounded sum.
        let gap = PREC as i64 + 2 * SMALL_BITS as i64 + 8;
        if self.ilog2() - o.ilog2() > gap {
            return self.clone();
        }
        if o.ilog2() - self.ilog2() > gap {
            return o.clone();
        }
        let e = self.exp2.min(o.exp2);
        let a = self.num.mul(&o.den).shl((self.exp2 - e) as u64);
        let b = o.num.mul(&self.den).shl((o.exp2 - e) as u64);
        BigFloat::make(a.add(&b), self.den.mul(&o.den), e)
    }
    pub fn sub(&self, o: &BigFloat) -> BigFloat {
        self.add(&o.neg())
    }
    pub fn mul(&self, o: &BigFloat) -> BigFloat {
        BigFloat::make(self.num.mul(&o.num), self.den.mul(&o.den), self.exp2 + o.exp2)
    }
    pub fn quo(&self, o: &BigFloat) -> Option<BigFloat> {
        if o.is_zero() {
            return None;
        }
        Some(BigFloat::make(self.num.mul(&o.den), self.den.mul(&o.num), self.exp2 - o.exp2))
    }
    pub fn neg(&self) -> BigFloat {
        BigFloat(Box::new(Ratio { num: self.num.neg(), den: self.den.clone(), exp2: self.exp2 }))
    }
    pub fn cmp(&self, o: &BigFloat) -> Ordering {
        if self.is_exact() && o.is_exact() {
            return self.num.mul(&o.den).cmp(&o.num.mul(&self.den));
        }
        self.sub(o).num.cmp(&BigInt::zero())
    }
    /// Rounds to the nearest value with `mant` mantissa bits and exponent range of an IEEE format;
    /// returns `None` on overflow. `(53, 1024, -1074)` for float64, `(24, 128, -149)` for float32.
    fn round_ieee(&self, mant: u64, max_exp: i64, min_sub_exp: i64) -> Option<BigFloat> {
        if self.is_zero() {
            return Some(self.clone());
        }
        if !self.is_exact() {
            // Only huge and tiny values are kept rounded: they overflow, or round to zero.
            return if self.ilog2() > 0 { None } else { Some(BigFloat::zero()) };
        }
        let neg = self.num.is_neg();
        let n = self.num.abs();
        let d = self.den.clone();
        // Find e such that 2^(mant-1) <= n/d * 2^-e < 2^mant.
        let mut e = n.bit_len() as i64 - d.bit_len() as i64 - mant as i64;
        let scaled = |e: i64| -> (BigInt, BigInt) {
            if e >= 0 {
                (n.clone(), d.shl(e as u64))
            } else {
                (n.shl((-e) as u64), d.clone())
            }
        };
        let (mut a, mut b) = scaled(e);
        let lo = BigInt::from_u64(1).shl(mant - 1);
        // n/d lies in (2^(mant-1), 2^(mant+1)) * 2^e: make the quotient exactly `mant` bits long before
        // rounding (rounding a `mant+1`-bit quotient and then dropping a bit would round twice).
        let (q0, _) = a.quo_rem(&b).unwrap();
        if q0.cmp(&lo) == Ordering::Less {
            e -= 1;
            (a, b) = scaled(e);
        } else if q0.bit_len() > mant {
            e += 1;
            (a, b) = scaled(e);
        }
        // Subnormals: the exponent cannot go below the smallest subnormal's.
        if e < min_sub_exp {
            e = min_sub_exp;
            (a, b) = scaled(e);
        }
        let (mut q, r) = a.quo_rem(&b).unwrap();
        let twice = r.shl(1);
        match twice.cmp(&b) {
            Ordering::Greater => q = q.add(&BigInt::from_u64(1)),
            Ordering::Equal => {
                if q.low_u64() & 1 == 1 {
                    q = q.add(&BigInt::from_u64(1))
                }
            }
            Ordering::Less => {}
        }
        if q.bit_len() > mant {
            // Rounded up to 2^mant: exact after the shift.
            q = q.shr(1);
            e += 1;
        }
        if q.bit_len() as i64 + e > max_exp {
            return None;
        }
        let q = if neg { q.neg() } else { q };
        Some(BigFloat::make(q, BigInt::from_u64(1), e))
    }
    /// The nearest float64, or `None` if it overflows.
    pub fn round64(&self) -> Option<BigFloat> {
        self.round_ieee(53, 1024, -1074)
    }
    /// The nearest float32, or `None` if it overflows.
    pub fn round32(&self) -> Option<BigFloat> {
        self.round_ieee(24, 128, -149)
    }
    pub fn to_f64(&self) -> f64 {
        match self.round64() {
            None => {
                if self.num.is_neg() {
                    f64::NEG_INFINITY
                } else {
                    f64::INFINITY
                }
            }
            Some(r) => {
                // r is exactly representable: num * 2^k or num / 2^k with num < 2^53.
                let Ratio { num: n, den: dd, .. } = *r.0;
                let nf = n.to_i64().map(|v| v as f64).unwrap_or_else(|| {
                    // large integer: exact multiple of a power of two
                    let sh = n.bit_len() - 53;
                    let top = n.abs().shr(sh).to_i64().unwrap() as f64;
                    let v = top * 2f64.powi(sh as i32);
                    if n.is_neg() {
                        -v
                    } else {
                        v
                    }
                });
                let dbits = dd.bit_len() - 1; // den is a power of two
                                              // divide in two steps so subnormals are exact
                let mut v = nf;
                let mut k = dbits as i32;
                while k > 0 {
                    let s = k.min(1000);
                    v /= 2f64.powi(s);
                    k -= s;
                }
                v
            }
        }
    }
    /// `10^n` (exact while small, else rounded to 512 bits by squaring with rounding at each step).
    pub fn pow10(n: i64) -> BigFloat {
        let mut result = BigFloat::from_int(BigInt::from_u64(1));
        let mut base = BigFloat::from_int(BigInt::from_u64(10));
        let mut k = n.unsigned_abs();
        while k > 0 {
            if k & 1 == 1 {
                result = result.mul(&base);
            }
            k >>= 1;
            if k > 0 {
                base = base.mul(&base);
            }
        }
        if n < 0 {
            BigFloat::from_int(BigInt::from_u64(1)).quo(&result).unwrap()
        } else {
            result
        }
    }
    /// Whether the binary exponent left big.Float's range (a literal that is then malformed).
    fn overflows_exponent(&self) -> bool {
        !self.is_exact() && self.exp2 + self.num.bit_len() as i64 > MAX_EXP2
    }
    /// Whether the value is within big.Float's exponent range (go/constant's result of an operation that
    /// leaves it is unknown: big.Float overflows to infinity).
    pub fn is_finite(&self) -> bool {
        !self.overflows_exponent()
    }
}

// ---------------------------------------------------------------------------------------------------------
// Values.

impl Value {
    pub fn int(v: i64) -> Value {
        Value::Int(BigInt::from_i64(v))
    }
    /// The value as an `i64` if it is an integer (or an integral float) that fits.
    pub fn to_i64(&self) -> Option<i64> {
        match self {
            Value::Int(b) => b.to_i64(),
            Value::Float(f) if f.is_int() => f.num.to_i64(),
            Value::Complex(r, i) if i.is_zero() && r.is_int() => r.num.to_i64(),
            _ => None,
        }
    }
    /// The value as a `u64` if it is an integer that fits.
    pub fn to_u64(&self) -> Option<u64> {
        match self {
            Value::Int(b) => b.to_u64(),
            Value::Float(f) if f.is_int() => f.num.to_u64(),
            Value::Complex(r, i) if i.is_zero() && r.is_int() => r.num.to_u64(),
            _ => None,
        }
    }
    /// The value rounded to the nearest `f64` (integers and floats).
    pub fn to_f64(&self) -> Option<f64> {
        match self {
            Value::Int(b) => Some(BigFloat::from_int(b.clone()).to_f64()),
            Value::Float(f) => Some(f.to_f64()),
            Value::Complex(r, i) if i.is_zero() => Some(r.to_f64()),
            _ => None,
        }
    }
    /// Real and imaginary parts as `f64` (integers and floats have imaginary part 0).
    pub fn to_complex(&self) -> Option<(f64, f64)> {
        match self {
            Value::Complex(r, i) => Some((r.to_f64(), i.to_f64())),
            v => v.to_f64().map(|r| (r, 0.0)),
        }
    }
    pub fn as_bool(&self) -> Option<bool> {
        match self {
            Value::Bool(b) => Some(*b),
            _ => None,
        }
    }
    pub fn as_bytes(&self) -> Option<&[u8]> {
        match self {
            Value::String(s) => Some(s.as_bytes()),
            _ => None,
        }
    }
    /// The value as an exact integer, if it is one (floats and complex values with integral value count).
    pub fn as_int(&self) -> Option<BigInt> {
        match self {
            Value::Int(b) => Some(b.clone()),
            Value::Float(f) if f.is_int() => Some(f.num.clone()),
            Value::Complex(r, i) if i.is_zero() && r.is_int() => Some(r.num.clone()),
            _ => None,
        }
    }
    /// The value as an exact rational, if it is real.
    pub fn as_float(&self) -> Option<BigFloat> {
        match self {
            Value::Int(b) => Some(BigFloat::from_int(b.clone())),
            Value::Float(f) => Some(f.clone()),
            Value::Complex(r, i) if i.is_zero() => Some(r.clone()),
            _ => None,
        }
    }
    pub fn as_complex(&self) -> Option<(BigFloat, BigFloat)> {
        match self {
            Value::Complex(r, i) => Some((r.clone(), i.clone())),
            v => v.as_float().map(|r| (r, BigFloat::zero())),
        }
    }
    /// Sign of a numeric value (-1, 0, 1); 0 for non-numeric values.
    pub fn sign(&self) -> i32 {
        let o = match self {
            Value::Int(b) => b.cmp(&BigInt::zero()),
            Value::Float(f) => f.num.cmp(&BigInt::zero()),
            _ => Ordering::Equal,
        };
        o as i32
    }

    /// The short human-readable form gc uses in messages (go/constant's `String`).
    pub fn describe(&self) -> String {
        match self {
            Value::Bool(b) => b.to_string(),
            Value::String(s) => {
                let q = quote_bytes(s.as_bytes());
                // go/constant shortens long strings to 72 runes with "..."
                if q.chars().count() > 72 {
                    let mut t: String = q.chars().take(72 - 3).collect();
                    t.push_str("...");
                    t
                } else {
                    q
                }
            }
            Value::Int(b) => b.to_string(),
            Value::Float(f) => format_float(f),
            Value::Complex(r, i) => format!("({} + {}i)", format_float(r), format_float(i)),
            Value::Unknown => "unknown".into(),
        }
    }
}

/// `%.6g` of a rational, as go/constant prints floats.
pub fn format_float(f: &BigFloat) -> String {
    if f.is_int() && f.num.bit_len() < 64 {
        // go/constant prints integral floats like `%.6g` too, e.g. 1e+06; small ones plainly.
    }
    let v = f.to_f64();
    if v.is_finite() && (v != 0.0 || f.is_zero()) {
        return fmt_g6(v);
    }
    // Out of float64 range: print mantissa and decimal exponent, m * 10^e with m in [1, 10).
    let neg = f.num.is_neg();
    let a = if neg { f.neg() } else { f.clone() };
    let mut e = (a.ilog2() as f64 * std::f64::consts::LOG10_2).floor() as i64;
    let m = |e: i64| -> f64 {
        let p = BigFloat::pow10(e.abs());
        let q = if e >= 0 { a.quo(&p) } else { Some(a.mul(&p)) };
        q.map_or(0.0, |q| q.to_f64())
    };
    let mut mv = m(e);
    for _ in 0..4 {
        if mv >= 10.0 {
            e += 1;
        } else if mv < 1.0 {
            e -= 1;
        } else {
            break;
        }
        mv = m(e);
    }
    let mut digits = format!("{mv:.5}");
    if digits.starts_with("10") {
        e += 1;
        digits = format!("{:.5}", mv / 10.0);
    }
    format!("{}{}e{}{:02}", if neg { "-" } else { "" }, trim_g(&digits), if e < 0 { "-" } else { "+" }, e.abs())
}

fn trim_g(s: &str) -> String {
    if s.contains('.') {
        s.trim_end_matches('0').trim_end_matches('.').to_string()
    } else {
        s.to_string()
    }
}

/// C's `%.6g`.
fn fmt_g6(v: f64) -> String {
    if v == 0.0 {
        return if v.is_sign_negative() { "-0".into() } else { "0".into() };
    }
    let exp = format!("{v:.5e}");
    let (mant, e) = exp.split_once('e').unwrap();
    let e: i32 = e.parse().unwrap();
    if !(-4..6).contains(&e) {
        format!("{}e{}{:02}", trim_g(mant), if e < 0 { "-" } else { "+" }, e.abs())
    } else {
        let prec = (5 - e).max(0) as usize;
        trim_g(&format!("{v:.prec$}"))
    }
}

/// Go's `strconv.Quote` of a byte string.
pub fn quote_bytes(s: &[u8]) -> String {
    let mut out = String::from("\"");
    let mut i = 0;
    while i < s.len() {
        let (r, size) = decode_rune(&s[i..]);
        if r == 0xFFFD && size == 1 {
            out.push_str(&format!("\\x{:02x}", s[i]));
            i += 1;
            continue;
        }
        let c = char::from_u32(r).unwrap_or('\u{FFFD}');
        match c {
            '"' => out.push_str("\\\""),
            '\\' => out.push_str("\\\\"),
            '\x07' => out.push_str("\\a"),
            '\x08' => out.push_str("\\b"),
            '\x0c' => out.push_str("\\f"),
            '\n' => out.push_str("\\n"),
            '\r' => out.push_str("\\r"),
            '\t' => out.push_str("\\t"),
            '\x0b' => out.push_str("\\v"),
            c if (c as u32) < 0x20 || c as u32 == 0x7f => out.push_str(&format!("\\x{:02x}", c as u32)),
            c if c.is_control() => {
                if (c as u32) < 0x10000 {
                    out.push_str(&format!("\\u{:04x}", c as u32))
                } else {
                    out.push_str(&format!("\\U{:08x}", c as u32))
                }
            }
            c => out.push(c),
        }
        i += size;
    }
    out.push('"');
    out
}

/// Decodes one UTF-8 sequence; invalid input yields (0xFFFD, 1), as Go's `utf8.DecodeRune`.
pub fn decode_rune(s: &[u8]) -> (u32, usize) {
    let n = match s.first() {
        None => return (0xFFFD, 0),
        Some(&b) if b < 0x80 => return (b as u32, 1),
        Some(&b) if b & 0xE0 == 0xC0 => 2,
        Some(&b) if b & 0xF0 == 0xE0 => 3,
        Some(&b) if b & 0xF8 == 0xF0 => 4,
        _ => return (0xFFFD, 1),
    };
    if s.len() < n {
        return (0xFFFD, 1);
    }
    match std::str::from_utf8(&s[..n]) {
        Ok(t) => (t.chars().next().unwrap() as u32, n),
        Err(_) => (0xFFFD, 1),
    }
}

/// UTF-8 encoding of rune `r`; invalid code points (surrogates, > 0x10FFFF) encode U+FFFD, as Go does.
pub fn encode_rune(r: i64) -> Vec<u8> {
    let c = u32::try_from(r).ok().and_then(char::from_u32).unwrap_or('\u{FFFD}');
    c.to_string().into_bytes()
}

// ---------------------------------------------------------------------------------------------------------
// Literals.

/// Decodes a literal's source text (go/constant's `MakeFromLiteral`).
pub fn from_literal(kind: LitKind, raw: &str) -> Result<Value, String> {
    match kind {
        LitKind::Int => parse_int_lit(raw).map(Value::Int).ok_or_else(|| format!("invalid integer literal {raw}")),
        LitKind::Float => parse_float_lit(raw).map(Value::Float),
        LitKind::Imag => {
            let body = raw.strip_suffix('i').ok_or("invalid imaginary literal")?;
            // `0123i` is decimal for backward compatibility
            let f = if body.chars().all(|c| c.is_ascii_digit() || c == '_') {
                BigInt::parse_radix(body, 10).map(BigFloat::from_int).ok_or("invalid imaginary literal")?
            } else if let Some(i) = parse_int_lit(body) {
                BigFloat::from_int(i)
            } else {
                parse_float_lit(body)?
            };
            Ok(Value::Complex(BigFloat::zero(), f))
        }
        LitKind::Char => {
            let inner = raw.strip_prefix('\'').and_then(|s| s.strip_suffix('\'')).ok_or("invalid rune literal")?;
            let bytes = inner.as_bytes();
            let (v, n) = unescape_one(bytes, b'\'')?;
            if n != bytes.len() {
                return Err("more than one character in rune literal".into());
            }
            let r = match v {
                Unescaped::Byte(b) => b as i64,
                Unescaped::Rune(r) => r as i64,
            };
            Ok(Value::Int(BigInt::from_i64(r)))
        }
        LitKind::String => {
            if let Some(inner) = raw.strip_prefix('`').and_then(|s| s.strip_suffix('`')) {
                // raw strings: carriage returns are discarded
                return Ok(Value::String(ConstStr::new(inner.bytes().filter(|&b| b != b'\r').collect())));
            }
            let inner = raw.strip_prefix('"').and_then(|s| s.strip_suffix('"')).ok_or("invalid string literal")?;
            let bytes = inner.as_bytes();
            let mut out = Vec::new();
            let mut i = 0;
            while i < bytes.len() {
                let (v, n) = unescape_one(&bytes[i..], b'"')?;
                match v {
                    Unescaped::Byte(b) => out.push(b),
                    Unescaped::Rune(r) => out.extend(encode_rune(r as i64)),
                }
                i += n;
            }
            Ok(Value::String(ConstStr::new(out)))
        }
    }
}

enum Unescaped {
    Byte(u8),
    Rune(u32),
}

/// Decodes one character or escape sequence at the start of `s`; returns it and the bytes consumed.
fn unescape_one(s: &[u8], quote: u8) -> Result<(Unescaped, usize), String> {
    if s.is_empty() {
        return Err("empty rune literal or unescaped ' in rune literal".into());
    }
    if s[0] != b'\\' {
        let (r, n) = decode_rune(s);
        if n == 1 && s[0] >= 0x80 {
            return Ok((Unescaped::Byte(s[0]), 1));
        }
        return Ok((Unescaped::Rune(r), n));
    }
    let c = *s.get(1).ok_or("escape sequence not terminated")?;
    let simple = match c {
        b'a' => Some(7u8),
        b'b' => Some(8),
        b'f' => Some(12),
        b'n' => Some(10),
        b'r' => Some(13),
        b't' => Some(9),
        b'v' => Some(11),
        b'\\' => Some(b'\\'),
        _ if c == quote => Some(c),
        _ => None,
    };
    if let Some(b) = simple {
        return Ok((Unescaped::Rune(b as u32), 2));
    }
    let hex = |t: &[u8]| -> Result<u32, String> {
        let s = std::str::from_utf8(t).map_err(|_| "invalid escape")?;
        u32::from_str_radix(s, 16).map_err(|_| "invalid character in hexadecimal escape".to_string())
    };
    match c {
        b'x' => {
            let v = hex(s.get(2..4).ok_or("escape sequence not terminated")?)?;
            Ok((Unescaped::Byte(v as u8), 4))
        }
        b'u' | b'U' => {
            let n = if c == b'u' { 4 } else { 8 };
            let v = hex(s.get(2..2 + n).ok_or("escape sequence not terminated")?)?;
            if v > 0x10FFFF || (0xD800..0xE000).contains(&v) {
                return Err("escape sequence is invalid Unicode code point".into());
            }
            Ok((Unescaped::Rune(v), 2 + n))
        }
        b'0'..=b'7' => {
            let t = s.get(1..4).ok_or("escape sequence not terminated")?;
            let st = std::str::from_utf8(t).map_err(|_| "invalid escape")?;
            let v = u32::from_str_radix(st, 8).map_err(|_| "invalid character in octal escape".to_string())?;
            if v > 255 {
                return Err("octal escape value > 255".into());
            }
            Ok((Unescaped::Byte(v as u8), 4))
        }
        _ => Err("unknown escape sequence".into()),
    }
}

fn parse_int_lit(raw: &str) -> Option<BigInt> {
    // Fast path for the common literals that fit in 64 bits: plain decimal and `0x` hexadecimal digits.
    let b = raw.as_bytes();
    if (1..=19).contains(&b.len()) && b.iter().all(u8::is_ascii_digit) && (b.len() == 1 || b[0] != b'0') {
        return raw.parse::<u64>().ok().map(BigInt::from_u64);
    }
    if let Some(h) = raw.strip_prefix("0x").or_else(|| raw.strip_prefix("0X")) {
        if (1..=16).contains(&h.len()) && h.bytes().all(|c| c.is_ascii_hexdigit()) {
            return u64::from_str_radix(h, 16).ok().map(BigInt::from_u64);
        }
    }
    let s = raw.replace('_', "");
    let lower = s.to_ascii_lowercase();
    if let Some(h) = lower.strip_prefix("0x") {
        BigInt::parse_radix(h, 16)
    } else if let Some(b) = lower.strip_prefix("0b") {
        BigInt::parse_radix(b, 2)
    } else if let Some(o) = lower.strip_prefix("0o") {
        BigInt::parse_radix(o, 8)
    } else if lower.len() > 1 && lower.starts_with('0') {
        BigInt::parse_radix(&lower[1..], 8)
    } else {
        BigInt::parse_radix(&lower, 10)
    }
}

/// Decodes a floating-point literal. Huge and tiny values are rounded to 512 bits as go/constant does; an
/// exponent beyond big.Float's range is an error (gc: `malformed constant`).
fn parse_float_lit(raw: &str) -> Result<BigFloat, String> {
    let s = raw.replace('_', "").to_ascii_lowercase();
    let bad = || format!("invalid floating-point literal {raw}");
    let (n, e2, e10) = if let Some(h) = s.strip_prefix("0x") {
        // hexadecimal mantissa, binary exponent p
        let (mant, exp) = h.split_once('p').ok_or_else(bad)?;
        let exp: i64 = exp.parse().map_err(|_| bad())?;
        let (ip, fp) = mant.split_once('.').unwrap_or((mant, ""));
        let digits = format!("{ip}{fp}");
        let n = if digits.is_empty() { None } else { BigInt::parse_radix(&digits, 16) }.ok_or_else(bad)?;
        (n, exp.checked_sub(4 * fp.len() as i64).ok_or_else(bad)?, 0)
    } else {
        let (mant, exp) = match s.split_once('e') {
            Some((m, e)) => (m, e.parse::<i64>().map_err(|_| bad())?),
            None => (s.as_str(), 0),
        };
        let (ip, fp) = mant.split_once('.').unwrap_or((mant, ""));
        let digits = format!("{ip}{fp}");
        let n = BigInt::parse_radix(&digits, 10).ok_or_else(bad)?;
        (n, 0, exp.checked_sub(fp.len() as i64).ok_or_else(bad)?)
    };
    if n.is_zero() {
        return Ok(BigFloat::zero());
    }
    // Beyond this the binary exponent surely leaves big.Float's range (10^e10 needs 3.32 * e10 bits).
    if e10.unsigned_abs() > 1 << 31 || e2.unsigned_abs() > 1 << 33 {
        return Err("malformed constant".into());
    }
    let v = BigFloat::make(n, BigInt::from_u64(1), e2);
    let v = if e10 >= 0 { v.mul(&BigFloat::pow10(e10)) } else { v.quo(&BigFloat::pow10(-e10)).ok_or_else(bad)? };
    if v.overflows_exponent() {
        return Err("malformed constant".into());
    }
    Ok(v)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn bigint_arith() {
        let a = BigInt::parse_radix("123456789012345678901234567890", 10).unwrap();
        let b = BigInt::parse_radix("987654321", 10).unwrap();
        let (q, r) = a.quo_rem(&b).unwrap();
        assert_eq!(q.mul(&b).add(&r), a);
        assert_eq!(a.to_string(), "123456789012345678901234567890");
        assert_eq!(BigInt::from_i64(-5).shr(1).to_i64(), Some(-3));
        assert_eq!(BigInt::from_i64(-6).and(&BigInt::from_i64(3)).to_i64(), Some(2));
        assert_eq!(BigInt::from_i64(5).not().to_i64(), Some(-6));
        assert_eq!(BigInt::from_i64(i64::MIN).to_i64(), Some(i64::MIN));
    }

    #[test]
    fn literals() {
        assert_eq!(from_literal(LitKind::Int, "0x_1F").unwrap().to_i64(), Some(31));
        assert_eq!(from_literal(LitKind::Int, "0755").unwrap().to_i64(), Some(493));
        assert_eq!(from_literal(LitKind::Float, "1.5e3").unwrap().to_f64(), Some(1500.0));
        assert_eq!(from_literal(LitKind::Float, "0x1p-2").unwrap().to_f64(), Some(0.25));
        assert_eq!(from_literal(LitKind::Float, "0.1").unwrap().to_f64(), Some(0.1));
        assert_eq!(from_literal(LitKind::Char, "'\\n'").unwrap().to_i64(), Some(10));
        assert_eq!(from_literal(LitKind::Char, "'世'").unwrap().to_i64(), Some(0x4e16));
        assert_eq!(from_literal(LitKind::String, "\"a\\x80\\u00e9\"").unwrap().as_bytes(), Some(&b"a\x80\xc3\xa9"[..]));
        assert_eq!(from_literal(LitKind::Float, "1e308").unwrap().to_f64(), Some(1e308));
        assert_eq!(from_literal(LitKind::Float, "4.9e-324").unwrap().to_f64(), Some(4.9e-324));
        assert_eq!(Value::Float(BigFloat::new(BigInt::from_u64(1), BigInt::from_u64(3))).describe(), "0.333333");
        assert_eq!(from_literal(LitKind::Float, "1e100").unwrap().describe(), "1e+100");
    }

    #[test]
    fn huge_and_tiny_floats() {
        let v = |raw: &str| from_literal(LitKind::Float, raw).unwrap();
        assert_eq!(v("1e646456992").describe(), "1e+646456992");
        assert_eq!(v("1.23456789e10000000").describe(), "1.23457e+10000000");
        assert_eq!(v("1e-1000000").to_f64(), Some(0.0));
        assert_eq!(v("1e-1000000").describe(), "1e-1000000");
        assert_eq!(v("1e309").to_f64(), Some(f64::INFINITY));
        assert!(v("1e646456992").as_float().unwrap().round64().is_none());
        assert_eq!(v("1e-600000000").as_float().unwrap().round64(), Some(BigFloat::zero()));
        // Squaring underflows big.Float's exponent range: zero, as in gc.
        let t = v("1e-600000000").as_float().unwrap();
        assert!(t.mul(&t).is_zero());
        // Beyond the exponent range: malformed.
        assert!(from_literal(LitKind::Float, "6e5518446744").is_err());
        assert!(from_literal(LitKind::Float, "1e+1000000000").is_err());
        // Huge values still compare and add.
        let h = v("1e100000").as_float().unwrap();
        assert_eq!(h.cmp(&h.add(&BigFloat::from_int(BigInt::from_u64(1)))), Ordering::Equal);
        assert_eq!(h.cmp(&v("1e99999").as_float().unwrap()), Ordering::Greater);
        assert_eq!(h.quo(&h).unwrap(), BigFloat::from_int(BigInt::from_u64(1)));
    }

    #[test]
    fn rounding_to_ieee_rounds_once() {
        // max float32 + half an ulp rounds (to even) up to 2^128: overflow (float_lit3.go).
        let two = |k: u64| BigFloat::from_int(BigInt::from_u64(1).shl(k));
        assert!(two(128).sub(&two(103)).round32().is_none());
        assert!(two(128).sub(&two(103)).sub(&two(0)).round32().is_some());
        assert!(two(1024).sub(&two(970)).round64().is_none());
        assert_eq!(two(1024).sub(&two(970)).sub(&two(0)).to_f64(), f64::MAX);
    }
}
