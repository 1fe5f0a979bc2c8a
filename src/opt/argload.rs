//! Loads of unchanging arguments: every load of an argument the function never writes reads one load made
//! at the entry.
//!
//! In: any function. Out: the same function where each such load is a copy of a new vreg, loaded once at
//! the start of the entry block. Go code reloads a parameter (a slice's pointer and length, a receiver)
//! after every call and in every iteration, because memory may have changed; the incoming argument area
//! cannot change unless the function itself writes it or lets its address go.
//!
//! An argument location qualifies when every vreg made by `ArgAddr` is written once and used only as the
//! address of a load, store, `MemCopy` or `MemZero` (the address goes nowhere else, so no other code can
//! write the area), and no store, `MemCopy` or `MemZero` through such an address overlaps the location
//! (results are written; parameters usually are not). Loading at the entry is safe even where the original
//! load was conditional: the argument area is always readable.

use crate::ir::live::def_counts;
use crate::ir::{Func, Inst, Op, Ty, VReg};

pub fn run(f: &mut Func) {
    let counts = def_counts(f);
    let mut at: Vec<Option<i64>> = vec![None; f.vregs.len()];
    for i in f.blocks.iter().flat_map(|b| &b.insts) {
        if let Op::ArgAddr { dst, offset } = i.op {
            if counts[dst.0 as usize] != 1 {
                return;
            }
            at[dst.0 as usize] = Some(offset as i64);
        }
    }
    let arg = |v: VReg| at[v.0 as usize];
    // Written ranges of the argument area; any other use of an argument address disqualifies all.
    let mut written: Vec<(i64, i64)> = Vec::new();
    for b in &f.blocks {
        for i in &b.insts {
            let mut escapes = false;
            match i.op {
                Op::Load { .. } => {}
                Op::Store { addr, offset, src } => {
                    escapes = arg(src).is_some();
                    if let Some(o) = arg(addr) {
                        written.push((o + offset as i64, f.ty(src).size(8) as i64));
                    }
                }
                Op::MemCopy { dst, size, .. } => {
                    if let Some(o) = arg(dst) {
                        written.push((o, size as i64));
                    }
                }
                Op::MemZero { addr, size } => {
                    if let Some(o) = arg(addr) {
                        written.push((o, size as i64));
                    }
                }
                ref op => op.for_each_use(|u| escapes |= arg(u).is_some()),
            }
            if escapes {
                return;
            }
        }
        if b.term.used().is_some_and(|c| arg(c).is_some()) {
            return;
        }
    }
    // The loads that qualify, by (location, type): the vreg loaded once at the entry.
    let mut once: Vec<(i64, Ty, VReg)> = Vec::new();
    for bi in 0..f.blocks.len() {
        for k in 0..f.blocks[bi].insts.len() {
            let Op::Load { dst, addr, offset } = f.blocks[bi].insts[k].op else { continue };
            let Some(o) = arg(addr) else { continue };
            let (loc, t) = (o + offset as i64, f.ty(dst));
            let n = t.size(8) as i64;
            if loc < 0 || written.iter().any(|&(a, m)| loc < a + m && a < loc + n) {
                continue;
            }
            let v = match once.iter().find(|&&(l, u, _)| l == loc && u == t) {
                Some(&(_, _, v)) => v,
                None => {
                    let v = f.new_vreg(t);
                    once.push((loc, t, v));
                    v
                }
            };
            f.blocks[bi].insts[k].op = Op::Copy { dst, src: v };
        }
    }
    if once.is_empty() {
        return;
    }
    let line = f.blocks[0].insts.first().map_or(f.line, |i| i.line);
    let mut entry = Vec::with_capacity(2 * once.len());
    for (loc, _, v) in once {
        let a = f.new_vreg(Ty::Ptr);
        entry.push(Inst { line, op: Op::ArgAddr { dst: a, offset: loc as u32 } });
        entry.push(Inst { line, op: Op::Load { dst: v, addr: a, offset: 0 } });
    }
    let b0 = &mut f.blocks[0].insts;
    entry.append(b0);
    *b0 = entry;
}
