//! Exact constant values (Go spec "Constants"): arbitrary-precision integers and rationals, as untyped
//! constant arithmetic requires.
//!
//! In: literal text and operations from the checker. Out: [`Value`]s stored in `Info` and read by lowering.
//! The checker agent owns this file; the methods below are the contract lowering relies on.

/// A constant value. `Int` is exact; `Float` is exact (rational) where the spec requires it.
#[derive(Clone, Debug, PartialEq)]
pub enum Value {
    Bool(bool),
    /// Go strings are byte sequences, not necessarily UTF-8.
    String(Vec<u8>),
    Int(BigInt),
    Float(BigFloat),
    Complex(BigFloat, BigFloat),
    /// An operand whose value is unknown (after an error).
    Unknown,
}

/// Placeholder until the checker's arbitrary-precision integer lands.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct BigInt(pub i128);

/// Placeholder until the checker's exact rational/float lands.
#[derive(Clone, Debug, PartialEq)]
pub struct BigFloat(pub f64);

impl Value {
    /// The value as an `i64` if it is an integer (or an integral float) that fits.
    pub fn to_i64(&self) -> Option<i64> {
        match self {
            Value::Int(b) => i64::try_from(b.0).ok(),
            _ => None,
        }
    }
    /// The value as a `u64` if it is an integer that fits.
    pub fn to_u64(&self) -> Option<u64> {
        match self {
            Value::Int(b) => u64::try_from(b.0).ok(),
            _ => None,
        }
    }
    /// The value rounded to the nearest `f64` (integers and floats).
    pub fn to_f64(&self) -> Option<f64> {
        match self {
            Value::Int(b) => Some(b.0 as f64),
            Value::Float(f) => Some(f.0),
            _ => None,
        }
    }
    /// Real and imaginary parts as `f64` (integers and floats have imaginary part 0).
    pub fn to_complex(&self) -> Option<(f64, f64)> {
        match self {
            Value::Complex(r, i) => Some((r.0, i.0)),
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
            Value::String(s) => Some(s),
            _ => None,
        }
    }
}
