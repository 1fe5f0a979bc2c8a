//! Out of SSA form: block parameters become copies on the edges that pass them.
//!
//! In: a function in SSA form (`opt/ssa.rs`), or any function (one without block parameters is left as it
//! is). Out: the function without block parameters or arguments, as code generation expects: each
//! parameter is a vreg written by a copy on every edge into its block, so it is written more than once,
//! like a Go local in the lowering's form. Required: it runs at every optimization level (a no-op when
//! nothing is in SSA form), so no block parameter ever reaches code generation.
//!
//! Where the copies go: at the end of a predecessor with one successor; at the start of a successor with
//! one predecessor; otherwise on a new block splitting the critical edge. The copies of one edge are a
//! parallel assignment (all arguments read before any parameter is written): they are ordered so that no
//! parameter is written while another copy still reads it, and a cycle (`a, b = b, a`) is broken by saving
//! one value in a new vreg. Copies between an argument and its parameter are then mostly removed by
//! `coalesce` (a value computed only to be copied is computed into the parameter) and the register
//! allocator's intervals.

use crate::ir::dom::preds;
use crate::ir::{Block, BlockId, Func, Inst, Op, Term, VReg};

pub fn run(f: &mut Func) {
    if f.blocks.iter().all(|b| b.params.is_empty() && b.args.is_empty()) {
        return;
    }
    let preds = preds(f);
    for bi in 0..f.blocks.len() {
        let args = std::mem::take(&mut f.blocks[bi].args);
        let succs = f.blocks[bi].term.succs();
        for (i, s) in succs.iter().enumerate() {
            let Some(a) = args.get(i) else { continue };
            let copies: Vec<(VReg, VReg)> =
                f.blocks[s.0 as usize].params.iter().copied().zip(a.iter().copied()).filter(|(p, a)| p != a).collect();
            if copies.is_empty() {
                continue;
            }
            let line = f.blocks[bi].term_line;
            let seq = sequence(f, copies, line);
            if succs.len() == 1 {
                f.blocks[bi].insts.extend(seq);
            } else if preds[s.0 as usize].len() == 1 {
                f.blocks[s.0 as usize].insts.splice(0..0, seq);
            } else {
                let split = BlockId(f.blocks.len() as u32);
                f.blocks.push(Block::new(seq, Term::Jump(*s), line));
                match (&mut f.blocks[bi].term, i) {
                    (Term::Branch { then, .. }, 0) => *then = split,
                    (Term::Branch { els, .. }, _) => *els = split,
                    (t, _) => *t = Term::Jump(split),
                }
            }
        }
    }
    for b in &mut f.blocks {
        b.params.clear();
    }
}

/// The copies `dst = src` of `pending`, all reading before any writes, as a sequence of single copies.
fn sequence(f: &mut Func, mut pending: Vec<(VReg, VReg)>, line: u32) -> Vec<Inst> {
    let mut out = Vec::with_capacity(pending.len());
    while !pending.is_empty() {
        // A copy whose destination no other pending copy reads can go now.
        let free = (0..pending.len()).find(|&k| !pending.iter().any(|&(_, s)| s == pending[k].0));
        match free {
            Some(k) => {
                let (dst, src) = pending.remove(k);
                out.push(Inst { line, op: Op::Copy { dst, src } });
            }
            None => {
                // Every destination is still to be read: a cycle. Save one destination's value first.
                let d = pending[0].0;
                let t = f.new_vreg(f.ty(d));
                out.push(Inst { line, op: Op::Copy { dst: t, src: d } });
                for p in &mut pending {
                    if p.1 == d {
                        p.1 = t;
                    }
                }
            }
        }
    }
    out
}
