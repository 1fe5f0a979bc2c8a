//! Dead code elimination.
//!
//! In: any function. Out: the same function without the pure operations (`Op::is_pure`) whose result is
//! not live after them, and with every block that cannot be reached from the entry emptied to
//! `unreachable` (block numbers stay, so no branch needs renumbering; the back end emits a trap for them).
//!
//! Liveness (`ir/live.rs`) is recomputed until nothing more is removed, since removing one operation can
//! make its operands dead; a few rounds suffice in practice, and the number is bounded.

use crate::ir::live::{liveness, step_back, BitSet};
use crate::ir::{Func, Term};

/// At most this many rounds of liveness per function.
const MAX_ROUNDS: usize = 4;

pub fn run(f: &mut Func) {
    remove_unreachable(f);
    for _ in 0..MAX_ROUNDS {
        let live = liveness(f);
        let mut removed = false;
        let mut l = BitSet::new(f.vregs.len());
        for (bi, b) in f.blocks.iter_mut().enumerate() {
            live.out_set_into(bi, &mut l);
            if let Some(c) = b.term.used() {
                l.insert(c.0 as usize);
            }
            let mut keep = vec![true; b.insts.len()];
            for (k, inst) in b.insts.iter().enumerate().rev() {
                if inst.op.is_pure() {
                    if let Some(d) = inst.op.dst() {
                        if !l.contains(d.0 as usize) {
                            keep[k] = false;
                            removed = true;
                            continue;
                        }
                    }
                }
                step_back(&mut l, &inst.op);
            }
            let mut k = 0;
            b.insts.retain(|_| {
                k += 1;
                keep[k - 1]
            });
        }
        if !removed {
            break;
        }
    }
}

fn remove_unreachable(f: &mut Func) {
    let mut seen = vec![false; f.blocks.len()];
    let mut work = vec![0usize];
    seen[0] = true;
    while let Some(b) = work.pop() {
        for s in f.blocks[b].term.succs() {
            if !seen[s.0 as usize] {
                seen[s.0 as usize] = true;
                work.push(s.0 as usize);
            }
        }
    }
    for (b, reached) in f.blocks.iter_mut().zip(seen) {
        if !reached && !(b.insts.is_empty() && b.term == Term::Unreachable) {
            b.insts.clear();
            b.term = Term::Unreachable;
        }
    }
}
