//! Address folding: a load or store through `p + c` (an `Add` of a constant to a pointer) reads or writes
//! at `p` with the constant added to its offset.
//!
//! In: any function. Out: the same function where such accesses name `p` and the summed offset, and the
//! `Add`s no instruction reads any more are removed.
//!
//! The lowering computes every field address (`x.f`, `p.f`, an element at a constant index) as an `Add` of
//! the field's offset and accesses it at offset 0. Folding removes those instructions, and it leaves a
//! slot's address used only by loads and stores, which `sroa` (run next) needs to promote the slot.
//!
//! `d = add p, c` (`c` a constant, or a bitcast of one) is folded into an access through `d` when `p` holds at that access the
//! value it held at the `Add`, which is certain (without SSA form) in two cases:
//! - `d` and `p` are each written once: `p`'s write comes before `d`'s, which comes before every read of
//!   `d` (the lowering never reads a vreg before writing it), so chains `p + c1 + c2` fold too;
//! - `d` is written once and `p` several times, for the accesses in `d`'s block after the `Add` and before
//!   the next write of `p`.
//!
//! The addition wraps as the `Add` did, and an access faults where it faulted (same address), so the
//! explicit nil checks the lowering emits stay correct. Offsets must fit in 32 bits.

use crate::ir::live::def_counts;
use crate::ir::{BinOp, ConvOp, Func, Op, VReg};

pub fn run(f: &mut Func) {
    let nv = f.vregs.len();
    let counts = def_counts(f);
    let single = |v: VReg| counts[v.0 as usize] == 1;
    let mut konst: Vec<Option<i64>> = vec![None; nv];
    for i in f.blocks.iter().flat_map(|b| &b.insts) {
        if let Op::Const { dst, value } = i.op {
            if single(dst) {
                konst[dst.0 as usize] = Some(value);
            }
        }
    }
    // A constant index becomes a pointer-typed addend through a bitcast (`p[3]`: `p + bitcast(3)`).
    for i in f.blocks.iter().flat_map(|b| &b.insts) {
        if let Op::Convert { op: ConvOp::Bitcast, dst, src } = i.op {
            let word = |v: VReg| !f.ty(v).is_float() && f.ty(v).size(8) == 8;
            if single(dst) && word(dst) && word(src) {
                konst[dst.0 as usize] = konst[src.0 as usize];
            }
        }
    }
    // `d = p + c` for every single-definition pointer `d` written by an `Add` of a constant.
    let mut form: Vec<Option<(VReg, i64)>> = vec![None; nv];
    for i in f.blocks.iter().flat_map(|b| &b.insts) {
        if let Op::Binary { op: BinOp::Add, dst, x, y } = i.op {
            if !single(dst) || f.ty(dst) != crate::ir::Ty::Ptr {
                continue;
            }
            if let Some(c) = konst[y.0 as usize] {
                form[dst.0 as usize] = Some((x, c));
            } else if let Some(c) = konst[x.0 as usize] {
                form[dst.0 as usize] = Some((y, c));
            }
        }
    }
    // The global case: through single-definition bases only, to the end of the chain.
    let global = |v: VReg| -> Option<(VReg, i64)> {
        let (mut base, mut off) = form[v.0 as usize].filter(|(b, _)| single(*b))?;
        for _ in 0..nv {
            match form[base.0 as usize].filter(|(b, _)| single(*b)) {
                Some((b, c)) => {
                    base = b;
                    off = off.wrapping_add(c);
                }
                None => break,
            }
        }
        Some((base, off))
    };
    let mut folded = vec![false; nv];
    for b in f.blocks.iter_mut() {
        // The local case: `d = p + c` in this block with `p` written more than once, until `p` changes.
        let mut local: Vec<(VReg, VReg, i64)> = Vec::new();
        for inst in b.insts.iter_mut() {
            let fold = |addr: VReg, offset: &mut i32, local: &[(VReg, VReg, i64)]| -> Option<VReg> {
                let (base, c) =
                    global(addr).or_else(|| local.iter().find(|(d, _, _)| *d == addr).map(|&(_, p, c)| (p, c)))?;
                let sum = i32::try_from((*offset as i64).checked_add(c)?).ok()?;
                *offset = sum;
                Some(base)
            };
            match &mut inst.op {
                Op::Load { addr, offset, .. } | Op::Store { addr, offset, .. } => {
                    let a = *addr;
                    if let Some(base) = fold(a, offset, &local) {
                        *addr = base;
                        folded[a.0 as usize] = true;
                    }
                }
                _ => {}
            }
            inst.op.for_each_def(|d| local.retain(|&(_, p, _)| p != d));
            if let Op::Binary { op: BinOp::Add, dst, .. } = inst.op {
                if let Some((p, c)) = form[dst.0 as usize] {
                    if !single(p) {
                        local.push((dst, p, c));
                    }
                }
            }
        }
    }
    // The folded `Add`s nothing reads any more go now: passes before `dce` (`argload`, `sroa`) count every
    // read of an address.
    let mut used = vec![false; nv];
    for b in &f.blocks {
        for i in &b.insts {
            i.op.for_each_use(|u| used[u.0 as usize] = true);
        }
        if let Some(c) = b.term.used() {
            used[c.0 as usize] = true;
        }
    }
    for b in f.blocks.iter_mut() {
        b.insts.retain(|i| match i.op {
            Op::Binary { op: BinOp::Add, dst, .. } => !(folded[dst.0 as usize] && !used[dst.0 as usize]),
            _ => true,
        });
    }
}
