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
    coalesce_args(f);
}

/// Coalesces an argument with the parameter it is copied to: `a = op …; … ; p = copy a`, where `a` is
/// written once and read only by that copy, and the code from `a`'s write to the copy is straight-line
/// (each block jumps to the next, which has no other predecessor) and neither reads nor writes `p`,
/// becomes `p = op …; …`. The old value of `p` is dead over that stretch, so writing it early changes
/// nothing; the loop's `i = i + 1` comes back as one instruction instead of an add and a copy in another
/// block. The removed copies are first turned into no-op copies of `p` to itself (so that no index moves
/// while others are examined), then dropped.
fn coalesce_args(f: &mut Func) {
    let counts = crate::ir::live::def_counts(f);
    let nv = f.vregs.len();
    let mut uses = vec![0u32; nv];
    let mut def_at: Vec<Option<(usize, usize)>> = vec![None; nv];
    for (bi, b) in f.blocks.iter().enumerate() {
        for (k, i) in b.insts.iter().enumerate() {
            i.op.for_each_use(|u| uses[u.0 as usize] += 1);
            i.op.for_each_def(|d| def_at[d.0 as usize] = Some((bi, k)));
        }
        if let Some(c) = b.term.used() {
            uses[c.0 as usize] += 1;
        }
    }
    let preds = preds(f);
    let mut changed = false;
    for e in 0..f.blocks.len() {
        for k in 0..f.blocks[e].insts.len() {
            let Op::Copy { dst: p, src: a } = f.blocks[e].insts[k].op else { continue };
            if p == a || counts[a.0 as usize] != 1 || uses[a.0 as usize] != 1 {
                continue;
            }
            let Some((d, kd)) = def_at[a.0 as usize] else { continue };
            if f.blocks[d].insts[kd].op.dst() != Some(a) || !straight_without(f, &preds, (d, kd + 1), (e, k), p) {
                continue;
            }
            f.blocks[d].insts[kd].op.map_defs(|_| p);
            f.blocks[e].insts[k].op = Op::Copy { dst: p, src: p };
            changed = true;
        }
    }
    if changed {
        for b in &mut f.blocks {
            b.insts.retain(|i| !matches!(i.op, Op::Copy { dst, src } if dst == src));
        }
    }
}

/// Whether control goes from `from` to `to` (block, instruction index) in a straight line — within a block,
/// then only through jumps to blocks with that one predecessor — without reading or writing `p`.
fn straight_without(f: &Func, preds: &[Vec<u32>], from: (usize, usize), to: (usize, usize), p: VReg) -> bool {
    let (mut b, mut i) = from;
    let start = from.0;
    for _ in 0..10_000 {
        if (b, i) == to {
            return true;
        }
        let block = &f.blocks[b];
        if let Some(inst) = block.insts.get(i) {
            let mut touches = false;
            inst.op.for_each_use(|u| touches |= u == p);
            inst.op.for_each_def(|d| touches |= d == p);
            if touches {
                return false;
            }
            i += 1;
            continue;
        }
        match block.term {
            Term::Jump(n) if preds[n.0 as usize].len() == 1 && n.0 as usize != start => {
                b = n.0 as usize;
                i = 0;
            }
            _ => return false,
        }
    }
    false
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
