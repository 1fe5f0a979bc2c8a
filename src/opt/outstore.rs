//! Dead stores to the outgoing argument area: stores no call and no load can read.
//!
//! In: any function. Out: the same function without the stores to the outgoing area (`OutArgAddr`) that
//! nothing reads. Inlining (`inline.rs`) leaves the stores of a call's arguments and results behind after
//! it forwards their values in vregs.
//!
//! The area is read only by a `CallGo` (its arguments, the bytes below its `args_size`), a load through an
//! outgoing-area address and a `MemCopy` from one; this holds when every vreg made by `OutArgAddr` is
//! written once and used only as such an address (the address goes nowhere else). A store is dead when, in
//! its block, a later store writes exactly its bytes before anything reads them; or when nothing in the
//! whole function can read its bytes at all.

use crate::ir::live::def_counts;
use crate::ir::{Func, Op, VReg};

/// Whether `[a, a+n)` and `[b, b+m)` overlap.
fn overlap(a: i64, n: i64, b: i64, m: i64) -> bool {
    a < b + m && b < a + n
}

/// The bytes of the outgoing area `op` may read, as `(start, len)`, given each vreg's area offset `at`.
fn reads(f: &Func, op: &Op, at: &dyn Fn(VReg) -> Option<i64>) -> Option<(i64, i64)> {
    match *op {
        Op::Load { dst, addr, offset } => at(addr).map(|o| (o + offset as i64, f.ty(dst).size(8) as i64)),
        Op::MemCopy { src, size, .. } => at(src).map(|o| (o, size as i64)),
        Op::CallGo { args_size, .. } => Some((0, args_size as i64)),
        _ => None,
    }
}

pub fn run(f: &mut Func) {
    let counts = def_counts(f);
    let mut base: Vec<Option<i64>> = vec![None; f.vregs.len()];
    for i in f.blocks.iter().flat_map(|b| &b.insts) {
        if let Op::OutArgAddr { dst, offset } = i.op {
            if counts[dst.0 as usize] != 1 {
                return;
            }
            base[dst.0 as usize] = Some(offset as i64);
        }
    }
    let at = |v: VReg| base[v.0 as usize];
    // Every use of an outgoing-area address is the address of a load, store, MemCopy or MemZero.
    for b in &f.blocks {
        for i in &b.insts {
            let escapes = match i.op {
                Op::Load { .. } | Op::MemZero { .. } | Op::MemCopy { .. } => false,
                Op::Store { src, .. } => at(src).is_some(),
                ref op => {
                    let mut e = false;
                    op.for_each_use(|u| e |= at(u).is_some());
                    e
                }
            };
            if escapes {
                return;
            }
        }
        if b.term.used().is_some_and(|c| at(c).is_some()) {
            return;
        }
    }
    let all_reads: Vec<(i64, i64)> =
        f.blocks.iter().flat_map(|b| &b.insts).filter_map(|i| reads(f, &i.op, &at)).collect();
    for bi in 0..f.blocks.len() {
        let insts = &f.blocks[bi].insts;
        let mut dead = vec![false; insts.len()];
        for (k, i) in insts.iter().enumerate() {
            let Op::Store { addr, offset, src } = i.op else { continue };
            let Some(o) = at(addr) else { continue };
            let (loc, n) = (o + offset as i64, f.ty(src).size(8) as i64);
            if !all_reads.iter().any(|&(a, m)| overlap(a, m, loc, n)) {
                dead[k] = true;
                continue;
            }
            for j in &insts[k + 1..] {
                if reads(f, &j.op, &at).is_some_and(|(a, m)| overlap(a, m, loc, n)) {
                    break;
                }
                if let Op::Store { addr: a2, offset: o2, src: s2 } = j.op {
                    if at(a2).is_some_and(|b| b + o2 as i64 == loc) && f.ty(s2).size(8) as i64 == n {
                        dead[k] = true;
                        break;
                    }
                }
            }
        }
        let mut k = 0;
        f.blocks[bi].insts.retain(|_| {
            k += 1;
            !dead[k - 1]
        });
    }
}
