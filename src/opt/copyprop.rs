//! Copy propagation: an operand that reads `v` after `v = copy w` reads `w` instead, when `w` still holds
//! the same value there.
//!
//! In: any function. Out: the same function where such operands name the original; the copies themselves
//! stay (dead ones are `dce`'s), except a copy of a vreg to itself, which is removed.
//!
//! Two cases are safe without SSA form:
//! - globally, `v = copy w` where both `v` and `w` are written exactly once in the function: every read of
//!   `v` comes after its write, which comes after `w`'s only write, so `v` and `w` are equal wherever `v`
//!   is read (the lowering never reads a vreg it has not written);
//! - inside one block, `v = copy w` for any `v`, `w`, up to the next write of either.

use std::collections::HashMap;

use crate::ir::live::def_counts;
use crate::ir::{Func, Op, Term, VReg};

pub fn run(f: &mut Func) {
    let counts = def_counts(f);
    let single = |v: VReg| counts[v.0 as usize] == 1;
    // Global aliases: `alias[v] = w` for single-definition copies of single-definition vregs, resolved to
    // the end of the chain.
    let mut alias: Vec<Option<VReg>> = vec![None; f.vregs.len()];
    for b in &f.blocks {
        for i in &b.insts {
            if let Op::Copy { dst, src } = i.op {
                if dst != src && single(dst) && single(src) {
                    alias[dst.0 as usize] = Some(src);
                }
            }
        }
    }
    let resolve = |alias: &[Option<VReg>], mut v: VReg| {
        // Chains are acyclic: a cycle of single-definition copies would read a vreg before its write.
        let mut n = 0;
        while let Some(w) = alias[v.0 as usize] {
            v = w;
            n += 1;
            if n > alias.len() {
                break;
            }
        }
        v
    };
    for bi in 0..f.blocks.len() {
        // Local copies valid at this point: `local[v] = w`, and for each `w` the `v`s that copy it (to forget
        // them when `w` is written).
        let mut local: HashMap<VReg, VReg> = HashMap::new();
        let mut copies_of: HashMap<VReg, Vec<VReg>> = HashMap::new();
        let insts = std::mem::take(&mut f.blocks[bi].insts);
        let mut out = Vec::with_capacity(insts.len());
        for mut inst in insts {
            inst.op.map_uses(|u| {
                let u = resolve(&alias, u);
                local.get(&u).copied().unwrap_or(u)
            });
            if let Op::Copy { dst, src } = inst.op {
                if dst == src {
                    continue;
                }
            }
            inst.op.for_each_def(|d| {
                if let Some(w) = local.remove(&d) {
                    if let Some(vs) = copies_of.get_mut(&w) {
                        vs.retain(|x| *x != d);
                    }
                }
                for v in copies_of.remove(&d).unwrap_or_default() {
                    local.remove(&v);
                }
            });
            if let Op::Copy { dst, src } = inst.op {
                local.insert(dst, src);
                copies_of.entry(src).or_default().push(dst);
            }
            out.push(inst);
        }
        let b = &mut f.blocks[bi];
        b.insts = out;
        if let Term::Branch { cond, .. } = &mut b.term {
            let c = resolve(&alias, *cond);
            *cond = local.get(&c).copied().unwrap_or(c);
        }
    }
}
