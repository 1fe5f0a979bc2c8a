//! Bounds-check elimination by value ranges: an unsigned comparison whose outcome follows from an upper bound
//! of one operand and the constant other operand is replaced by that outcome.
//!
//! In: any function. Out: the same function where such a `Cmp` is a `Const` (0 or 1), and a `Branch` on it
//! in the same block (nothing writing the condition in between) is a `Jump`; `dce` then removes the
//! panicking block nothing reaches any more. Table lookups `t[b]` with `b` a byte, `t[x&mask]`, `t[x>>k]`
//! or `t[x%n]` into an array at least that long keep no check, as with gc.
//!
//! Bounds are unsigned, of a vreg's value zero-extended from its type's width. Every vreg is bounded by its
//! width's maximum; a vreg written once is bounded further by its definition, as it holds that value
//! wherever it is read (the lowering never reads a vreg before writing it): a constant by its value, `zext`
//! and `trunc` by the source's bound (and the width), `and` by either operand's bound, `shru x, k` by
//! `bound(x) >> k`, `remu x, k` by `k - 1`, a copy by its source's. Definitions may come after their
//! readers in block order (loops), so the bounds are recomputed until they stop shrinking; every round
//! leaves each bound valid, as it starts from valid ones.
//!
//! Decided, for `x` of bound `m` and the constant `k`: `x <u k` when `m < k`, `x <=u k` when `m <= k` (and
//! the negations `>=u`, `>u`), `x == k` false and `x != k` true when `m < k`; the same with the operands
//! exchanged.

use crate::ir::live::def_counts;
use crate::ir::{BinOp, Cond, ConvOp, Func, Op, Term, Ty, VReg};

/// The largest value of `t`'s width.
fn width_max(t: Ty) -> u64 {
    u64::MAX >> (64 - t.size(8) * 8)
}

/// Rounds of bound refinement at most (chains of definitions longer than this keep looser bounds).
const MAX_ROUNDS: usize = 8;

pub fn run(f: &mut Func) {
    let counts = def_counts(f);
    let nv = f.vregs.len();
    let single = |v: VReg| counts[v.0 as usize] == 1;
    let mut bound: Vec<u64> = f.vregs.iter().map(|&t| if t.is_float() { u64::MAX } else { width_max(t) }).collect();
    let mut konst: Vec<Option<u64>> = vec![None; nv];
    for i in f.blocks.iter().flat_map(|b| &b.insts) {
        if let Op::Const { dst, value } = i.op {
            if single(dst) {
                let k = value as u64 & width_max(f.ty(dst));
                konst[dst.0 as usize] = Some(k);
                bound[dst.0 as usize] = k;
            }
        }
    }
    for _ in 0..MAX_ROUNDS {
        let mut changed = false;
        for i in f.blocks.iter().flat_map(|b| &b.insts) {
            let (dst, b) = match i.op {
                Op::Copy { dst, src } => (dst, bound[src.0 as usize]),
                Op::Convert { op: ConvOp::ZExt | ConvOp::Trunc, dst, src } => (dst, bound[src.0 as usize]),
                Op::Binary { op: BinOp::And, dst, x, y } => (dst, bound[x.0 as usize].min(bound[y.0 as usize])),
                Op::Binary { op: BinOp::ShrU, dst, x, y } => match konst[y.0 as usize] {
                    Some(k) if k < 64 => (dst, bound[x.0 as usize] >> k),
                    _ => continue,
                },
                Op::Binary { op: BinOp::RemU, dst, y, .. } => match konst[y.0 as usize] {
                    Some(k) if k > 0 => (dst, k - 1),
                    _ => continue,
                },
                _ => continue,
            };
            let t = f.ty(dst);
            if !single(dst) || t.is_float() {
                continue;
            }
            let b = b.min(width_max(t));
            if b < bound[dst.0 as usize] {
                bound[dst.0 as usize] = b;
                changed = true;
            }
        }
        if !changed {
            break;
        }
    }
    for blk in &mut f.blocks {
        // The comparisons decided in this block whose results still hold.
        let mut decided: Vec<(VReg, bool)> = Vec::new();
        for inst in &mut blk.insts {
            let outcome = match inst.op {
                Op::Cmp { cond, x, y, .. } if !f.vregs[x.0 as usize].is_float() => {
                    decide(cond, bound[x.0 as usize], konst[y.0 as usize])
                        .or_else(|| decide(swapped(cond)?, bound[y.0 as usize], konst[x.0 as usize]))
                }
                _ => None,
            };
            inst.op.for_each_def(|d| decided.retain(|&(v, _)| v != d));
            if let (Some(r), Op::Cmp { dst, .. }) = (outcome, &inst.op) {
                let dst = *dst;
                inst.op = Op::Const { dst, value: r as i64 };
                decided.push((dst, r));
            }
        }
        if let Term::Branch { cond, then, els } = blk.term {
            if let Some(&(_, r)) = decided.iter().find(|(v, _)| *v == cond) {
                blk.term = Term::Jump(if r { then } else { els });
            }
        }
    }
}

/// The outcome of `x cond k` for every `x <= m`, when one.
fn decide(cond: Cond, m: u64, k: Option<u64>) -> Option<bool> {
    let k = k?;
    match cond {
        Cond::LtU if m < k => Some(true),
        Cond::GeU if m < k => Some(false),
        Cond::LeU if m <= k => Some(true),
        Cond::GtU if m <= k => Some(false),
        Cond::Eq if m < k => Some(false),
        Cond::Ne if m < k => Some(true),
        _ => None,
    }
}

/// The unsigned or equality condition `c` with its operands exchanged (`x c y` is `y swapped(c) x`).
fn swapped(c: Cond) -> Option<Cond> {
    Some(match c {
        Cond::LtU => Cond::GtU,
        Cond::LeU => Cond::GeU,
        Cond::GtU => Cond::LtU,
        Cond::GeU => Cond::LeU,
        Cond::Eq | Cond::Ne => c,
        _ => return None,
    })
}
