//! Strength reduction: integer multiplication, division and remainder by a constant power of two become
//! shifts, masks and additions; float division by a power of two becomes multiplication by its reciprocal.
//!
//! In: any function. Out: the same function where `x * 2^k` is `x << k`, unsigned `x / 2^k` is `x >> k`,
//! unsigned `x % 2^k` is `x & (2^k - 1)`, and signed division and remainder by `2^k` are shifts that round
//! toward zero as Go requires (below); `x * 1`, `x / 1` are copies and `x * 0`, `x % 1` zero. A division
//! costs tens of cycles on amd64, a shift one.
//!
//! A divisor or factor is known when its vreg is written once in the function, by a `Const` (as in
//! `constfold`). New vregs hold the shift counts and intermediate values; each is written once.
//!
//! Float division by `±2^k` is multiplication by `±2^-k` when that is a normal number of the type: both
//! give the correctly rounded value of the same real quotient, so the bits are the same (gc does the same).
//!
//! Signed division by `2^k` (`k >= 1`) in a type of `w` bits: an arithmetic shift rounds toward minus
//! infinity, Go's division toward zero, so a negative `x` is first biased by `2^k - 1`:
//! `bias = (x >>s (w-1)) >>u (w-k)` (all ones shifted down: `2^k - 1` when `x < 0`, else 0), then
//! `x / 2^k = (x + bias) >>s k` and `x % 2^k = x - ((x + bias) & -2^k)`.

use crate::ir::live::def_counts;
use crate::ir::{BinOp, Func, Inst, Op, Ty, VReg};

/// `v` zero-extended from `t`'s width.
fn zext(t: Ty, v: i64) -> u64 {
    let s = 64 - t.size(8) * 8;
    ((v as u64) << s) >> s
}

pub fn run(f: &mut Func) {
    let counts = def_counts(f);
    let mut konst: Vec<Option<i64>> = vec![None; f.vregs.len()];
    let mut fkonst: Vec<Option<f64>> = vec![None; f.vregs.len()];
    for b in &f.blocks {
        for i in &b.insts {
            match i.op {
                Op::Const { dst, value } if counts[dst.0 as usize] == 1 && !f.ty(dst).is_float() => {
                    konst[dst.0 as usize] = Some(value)
                }
                Op::FConst { dst, value } if counts[dst.0 as usize] == 1 => fkonst[dst.0 as usize] = Some(value),
                _ => {}
            }
        }
    }
    for bi in 0..f.blocks.len() {
        let insts = std::mem::take(&mut f.blocks[bi].insts);
        let mut out = Vec::with_capacity(insts.len());
        for inst in insts {
            let reduced = match inst.op {
                Op::Binary { op, dst, x, y } if !f.ty(x).is_float() => {
                    konst[y.0 as usize].and_then(|c| reduce(f, op, dst, x, zext(f.ty(y), c)))
                }
                Op::Binary { op: BinOp::FDiv, dst, x, y } => {
                    fkonst[y.0 as usize].and_then(|c| reciprocal(f.ty(y), c)).map(|r| {
                        let v = f.new_vreg(f.ty(y));
                        vec![Op::FConst { dst: v, value: r }, Op::Binary { op: BinOp::FMul, dst, x, y: v }]
                    })
                }
                _ => None,
            };
            match reduced {
                Some(ops) => out.extend(ops.into_iter().map(|op| Inst { line: inst.line, op })),
                None => out.push(inst),
            }
        }
        f.blocks[bi].insts = out;
    }
}

/// `1/c` when `c` (of float type `t`) is `±2^k` and `±2^-k` is a normal number of `t`.
fn reciprocal(t: Ty, c: f64) -> Option<f64> {
    let c = if t == Ty::F32 { c as f32 as f64 } else { c };
    let power = c.is_normal() && c.to_bits() & ((1u64 << 52) - 1) == 0;
    let r = 1.0 / c;
    let normal = if t == Ty::F32 { (r as f32).is_normal() } else { r.is_normal() };
    (power && normal).then_some(r)
}

/// The instructions computing `dst = x op c` without multiplying or dividing, if `c` allows it.
fn reduce(f: &mut Func, op: BinOp, dst: VReg, x: VReg, c: u64) -> Option<Vec<Op>> {
    let t = f.ty(x);
    let w = t.size(8) * 8;
    let mask = if w == 64 { u64::MAX } else { (1u64 << w) - 1 };
    let power = c.is_power_of_two() && c <= mask;
    let k = c.trailing_zeros();
    let mut ops = Vec::new();
    // A new vreg written once: a constant, or `a op b`.
    let konst = |f: &mut Func, ops: &mut Vec<Op>, ty: Ty, value: i64| {
        let v = f.new_vreg(ty);
        ops.push(Op::Const { dst: v, value });
        v
    };
    let bin = |f: &mut Func, ops: &mut Vec<Op>, op: BinOp, a: VReg, b: VReg| {
        let v = f.new_vreg(t);
        ops.push(Op::Binary { op, dst: v, x: a, y: b });
        v
    };
    match op {
        BinOp::Mul if c == 0 => ops.push(Op::Const { dst, value: 0 }),
        BinOp::Mul | BinOp::DivU | BinOp::DivS if c == 1 => ops.push(Op::Copy { dst, src: x }),
        BinOp::RemU | BinOp::RemS if c == 1 => ops.push(Op::Const { dst, value: 0 }),
        BinOp::Mul | BinOp::DivU if power => {
            let n = konst(f, &mut ops, Ty::I64, k as i64);
            let op = if op == BinOp::Mul { BinOp::Shl } else { BinOp::ShrU };
            ops.push(Op::Binary { op, dst, x, y: n });
        }
        BinOp::RemU if power => {
            let m = konst(f, &mut ops, t, (c - 1) as i64);
            ops.push(Op::Binary { op: BinOp::And, dst, x, y: m });
        }
        // 2^(w-1) as a signed divisor is the most negative value: left as a division.
        BinOp::DivS | BinOp::RemS if power && k < w - 1 => {
            let sign_count = konst(f, &mut ops, Ty::I64, (w - 1) as i64);
            let sign = bin(f, &mut ops, BinOp::ShrS, x, sign_count);
            let down = konst(f, &mut ops, Ty::I64, (w - k) as i64);
            let bias = bin(f, &mut ops, BinOp::ShrU, sign, down);
            let biased = bin(f, &mut ops, BinOp::Add, x, bias);
            if op == BinOp::DivS {
                let n = konst(f, &mut ops, Ty::I64, k as i64);
                ops.push(Op::Binary { op: BinOp::ShrS, dst, x: biased, y: n });
            } else {
                let m = konst(f, &mut ops, t, (c as i64).wrapping_neg());
                let rounded = bin(f, &mut ops, BinOp::And, biased, m);
                ops.push(Op::Binary { op: BinOp::Sub, dst, x, y: rounded });
            }
        }
        _ => return None,
    }
    Some(ops)
}
