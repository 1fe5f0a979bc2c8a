//! Constant folding and propagation over integer values.
//!
//! In: any function. Out: integer operations (`Binary`, `Unary`, `Cmp`, integer `Convert`) whose operands
//! are known constants become `Const`; a `Branch` on a known constant becomes a `Jump`. Floats are left
//! alone (their folding must round exactly as the hardware does; not needed yet).
//!
//! A vreg is a known constant where it is read when it is written once in the function by a `Const` (the
//! lowering never reads a vreg before its write), or, inside one block, after a `Const` to it and before its
//! next write. Constants are kept canonical: sign-extended from their type's width (the IR defines only the
//! low bits of sub-word values), so one `i64` comparison decides equality at any width.

use std::collections::HashMap;

use crate::ir::live::def_counts;
use crate::ir::{BinOp, Cond, ConvOp, Func, Op, Term, Ty, UnOp, VReg};

fn bits(t: Ty) -> u32 {
    t.size(8) * 8
}

/// `v` sign-extended from `t`'s width.
fn canon(t: Ty, v: i64) -> i64 {
    let s = 64 - bits(t);
    (v << s) >> s
}

/// `v` zero-extended from `t`'s width.
fn zext(t: Ty, v: i64) -> u64 {
    let s = 64 - bits(t);
    ((v as u64) << s) >> s
}

fn binary(op: BinOp, t: Ty, yt: Ty, x: i64, y: i64) -> Option<i64> {
    let w = bits(t) as u64;
    let r = match op {
        BinOp::Add => x.wrapping_add(y),
        BinOp::Sub => x.wrapping_sub(y),
        BinOp::Mul => x.wrapping_mul(y),
        BinOp::And => x & y,
        BinOp::Or => x | y,
        BinOp::Xor => x ^ y,
        BinOp::AndNot => x & !y,
        // Division by zero is left to run (and panic, behind the lowering's check).
        BinOp::DivS if y != 0 => x.wrapping_div(y),
        BinOp::RemS if y != 0 => x.wrapping_rem(y),
        BinOp::DivU if zext(t, y) != 0 => (zext(t, x) / zext(t, y)) as i64,
        BinOp::RemU if zext(t, y) != 0 => (zext(t, x) % zext(t, y)) as i64,
        BinOp::Shl | BinOp::ShrS | BinOp::ShrU => {
            let n = zext(yt, y);
            match op {
                BinOp::Shl if n >= w => 0,
                BinOp::Shl => x << n,
                BinOp::ShrS => x >> n.min(63),
                _ if n >= w => 0,
                _ => (zext(t, x) >> n) as i64,
            }
        }
        _ => return None,
    };
    Some(canon(t, r))
}

fn compare(c: Cond, t: Ty, x: i64, y: i64) -> Option<bool> {
    let (ux, uy) = (zext(t, x), zext(t, y));
    Some(match c {
        Cond::Eq => x == y,
        Cond::Ne => x != y,
        Cond::LtS => x < y,
        Cond::LeS => x <= y,
        Cond::GtS => x > y,
        Cond::GeS => x >= y,
        Cond::LtU => ux < uy,
        Cond::LeU => ux <= uy,
        Cond::GtU => ux > uy,
        Cond::GeU => ux >= uy,
        _ => return None,
    })
}

pub fn run(f: &mut Func) {
    let counts = def_counts(f);
    // Single-definition constants, known everywhere; filled as they are met and as folding makes more.
    let mut global: Vec<Option<i64>> = vec![None; f.vregs.len()];
    for b in &f.blocks {
        for i in &b.insts {
            if let Op::Const { dst, value } = i.op {
                if counts[dst.0 as usize] == 1 && !f.ty(dst).is_float() {
                    global[dst.0 as usize] = Some(canon(f.ty(dst), value));
                }
            }
        }
    }
    for bi in 0..f.blocks.len() {
        let mut local: HashMap<VReg, i64> = HashMap::new();
        let mut insts = std::mem::take(&mut f.blocks[bi].insts);
        for inst in insts.iter_mut() {
            let known = |v: VReg| global[v.0 as usize].or_else(|| local.get(&v).copied());
            let folded = match &inst.op {
                Op::Binary { op, dst, x, y } if !f.ty(*x).is_float() => match (known(*x), known(*y)) {
                    (Some(a), Some(b)) => binary(*op, f.ty(*x), f.ty(*y), a, b).map(|v| (*dst, v)),
                    _ => None,
                },
                Op::Unary { op, dst, x } if *op != UnOp::FNeg => known(*x).map(|a| {
                    let t = f.ty(*x);
                    (*dst, canon(t, if *op == UnOp::Neg { a.wrapping_neg() } else { !a }))
                }),
                Op::Cmp { cond, dst, x, y } => match (known(*x), known(*y)) {
                    (Some(a), Some(b)) => compare(*cond, f.ty(*x), a, b).map(|r| (*dst, r as i64)),
                    _ => None,
                },
                Op::Convert { op, dst, src } if !f.ty(*src).is_float() && !f.ty(*dst).is_float() => {
                    let (st, dt) = (f.ty(*src), f.ty(*dst));
                    known(*src).and_then(|a| match op {
                        ConvOp::SExt | ConvOp::Trunc => Some((*dst, canon(dt, a))),
                        ConvOp::ZExt => Some((*dst, canon(dt, zext(st, a) as i64))),
                        _ => None,
                    })
                }
                _ => None,
            };
            if let Some((dst, value)) = folded {
                inst.op = Op::Const { dst, value };
                if counts[dst.0 as usize] == 1 {
                    global[dst.0 as usize] = Some(value);
                }
            }
            inst.op.for_each_def(|d| {
                local.remove(&d);
            });
            if let Op::Const { dst, value } = inst.op {
                if !f.ty(dst).is_float() {
                    local.insert(dst, canon(f.ty(dst), value));
                }
            }
        }
        f.blocks[bi].insts = insts;
        let b = &mut f.blocks[bi];
        if let Term::Branch { cond, then, els } = b.term {
            let k = global[cond.0 as usize].or_else(|| local.get(&cond).copied());
            if let Some(k) = k {
                b.term = Term::Jump(if k != 0 { then } else { els });
            }
        }
    }
}
