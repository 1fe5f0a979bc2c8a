//! SSA construction: every vreg the function writes more than once (a Go local, a temporary assigned on
//! several paths) becomes one vreg per write, and block parameters carry the value where paths join.
//!
//! In: a function in the lowering's form (no block parameters). Out: the same function in SSA form
//! (`ir::verify::verify_ssa`): each vreg is written once, by an instruction or as a block parameter, and
//! every read is dominated by that write; the passes between `ssa` and `unssa` may rely on it. Memory is
//! untouched: slots (addressed locals, aggregates) stay slots.
//!
//! The classic construction (Cytron et al.): parameters at the iterated dominance frontier of a vreg's
//! writes, pruned to the blocks where the vreg is live on entry (no dead parameters), then renaming in a
//! preorder walk of the dominator tree with one stack of current values per vreg.
//!
//! Two shapes are normalised first: an entry block that is also a jump target is split (the entry has no
//! predecessors, so it never needs parameters), and blocks the entry cannot reach are emptied (nothing
//! there can be renamed consistently, and no path runs them). A vreg read on some path before any write
//! (only on paths the program never takes: the lowering writes every variable before reading it) is set to
//! zero at the entry, so that every read has a dominating write.

use crate::ir::dom::DomTree;
use crate::ir::live::{def_counts, liveness};
use crate::ir::{Block, BlockId, Func, Inst, Op, Term, Ty, VReg};

const NONE: u32 = u32::MAX;

pub fn run(f: &mut Func) {
    if f.blocks.iter().any(|b| !b.params.is_empty() || !b.args.is_empty()) {
        return; // already in SSA form
    }
    split_entry(f);
    let dom = DomTree::new(f);
    for (bi, b) in f.blocks.iter_mut().enumerate() {
        if !dom.reachable(bi) {
            b.insts.clear();
            b.term = Term::Unreachable;
        }
    }
    let live = liveness(f);
    let undefined: Vec<VReg> = live.live_in(0).map(|v| VReg(v as u32)).collect();
    let entry_line = f.blocks[0].insts.first().map_or(f.blocks[0].term_line, |i| i.line);
    let zeros: Vec<Inst> = undefined.iter().map(|&v| Inst { line: entry_line, op: zero(f.ty(v), v) }).collect();
    f.blocks[0].insts.splice(0..0, zeros);

    // The vregs to rename, numbered densely.
    let counts = def_counts(f);
    let mut var = vec![NONE; f.vregs.len()];
    let mut vars: Vec<VReg> = Vec::new();
    for (v, &n) in counts.iter().enumerate() {
        if n >= 2 {
            var[v] = vars.len() as u32;
            vars.push(VReg(v as u32));
        }
    }
    if vars.is_empty() {
        return;
    }
    let nb = f.blocks.len();
    let mut def_blocks: Vec<Vec<u32>> = vec![Vec::new(); vars.len()];
    for (bi, b) in f.blocks.iter().enumerate() {
        for i in &b.insts {
            i.op.for_each_def(|d| {
                let r = var[d.0 as usize];
                if r != NONE && def_blocks[r as usize].last() != Some(&(bi as u32)) {
                    def_blocks[r as usize].push(bi as u32);
                }
            });
        }
    }

    // Parameters: per block, (variable, parameter vreg), in variable order.
    let df = dom.frontiers();
    let mut params: Vec<Vec<(u32, VReg)>> = vec![Vec::new(); nb];
    let mut has_param = vec![NONE; nb];
    let mut queued = vec![NONE; nb];
    let mut work = Vec::new();
    for (r, blocks) in def_blocks.iter().enumerate() {
        let r32 = r as u32;
        let v = vars[r];
        work.clear();
        for &b in blocks {
            queued[b as usize] = r32;
            work.push(b);
        }
        while let Some(x) = work.pop() {
            for &y in &df[x as usize] {
                let y = y as usize;
                if has_param[y] == r32 || !live.is_live_in(y, v.0 as usize) {
                    continue;
                }
                has_param[y] = r32;
                let p = f.new_vreg(f.ty(v));
                params[y].push((r32, p));
                if queued[y] != r32 {
                    queued[y] = r32;
                    work.push(y as u32);
                }
            }
        }
    }

    // Renaming, in a preorder walk of the dominator tree; `log` records the pushes to undo on the way out.
    let mut tys = std::mem::take(&mut f.vregs);
    let mut stacks: Vec<Vec<VReg>> = vec![Vec::new(); vars.len()];
    let mut log: Vec<u32> = Vec::new();
    // A read with no write above it cannot happen after the zeroing above; should it, it reads zero.
    let mut fallback: Vec<Option<VReg>> = vec![None; vars.len()];
    let mut walk: Vec<(u32, usize, usize)> = vec![(0, 0, 0)];
    let mut first = true;
    while let Some(&mut (b, ref mut k, mark)) = walk.last_mut() {
        let bi = b as usize;
        if first {
            first = false;
            rename_block(f, &mut tys, bi, &params, &var, &mut stacks, &mut log, &mut fallback, &vars);
        }
        if let Some(&c) = dom.children(bi).get(*k) {
            *k += 1;
            walk.push((c, 0, log.len()));
            first = true;
            continue;
        }
        while log.len() > mark {
            let r = log.pop().unwrap();
            stacks[r as usize].pop();
        }
        walk.pop();
    }
    f.vregs = tys;
    let zeros: Vec<Inst> = fallback
        .iter()
        .enumerate()
        .filter_map(|(r, z)| z.map(|z| Inst { line: entry_line, op: zero(f.ty(vars[r]), z) }))
        .collect();
    f.blocks[0].insts.splice(0..0, zeros);
}

#[allow(clippy::too_many_arguments)]
fn rename_block(
    f: &mut Func,
    tys: &mut Vec<Ty>,
    bi: usize,
    params: &[Vec<(u32, VReg)>],
    var: &[u32],
    stacks: &mut [Vec<VReg>],
    log: &mut Vec<u32>,
    fallback: &mut [Option<VReg>],
    vars: &[VReg],
) {
    let mut top = |r: u32, stacks: &[Vec<VReg>], tys: &mut Vec<Ty>| -> VReg {
        match stacks[r as usize].last() {
            Some(&v) => v,
            None => *fallback[r as usize].get_or_insert_with(|| {
                tys.push(tys[vars[r as usize].0 as usize]);
                VReg(tys.len() as u32 - 1)
            }),
        }
    };
    for &(r, p) in &params[bi] {
        stacks[r as usize].push(p);
        log.push(r);
    }
    let b = &mut f.blocks[bi];
    b.params = params[bi].iter().map(|&(_, p)| p).collect();
    for inst in &mut b.insts {
        inst.op.map_uses(|u| match var[u.0 as usize] {
            NONE => u,
            r => top(r, stacks, tys),
        });
        inst.op.map_defs(|d| match var[d.0 as usize] {
            NONE => d,
            r => {
                tys.push(tys[d.0 as usize]);
                let n = VReg(tys.len() as u32 - 1);
                stacks[r as usize].push(n);
                log.push(r);
                n
            }
        });
    }
    if let Term::Branch { cond, .. } = &mut b.term {
        if var[cond.0 as usize] != NONE {
            *cond = top(var[cond.0 as usize], stacks, tys);
        }
    }
    let succs = b.term.succs();
    if succs.iter().any(|s| !params[s.0 as usize].is_empty()) {
        let args: Vec<Vec<VReg>> =
            succs.iter().map(|s| params[s.0 as usize].iter().map(|&(r, _)| top(r, stacks, tys)).collect()).collect();
        f.blocks[bi].args = args;
    }
}

/// `v = 0` of type `ty`.
fn zero(ty: Ty, v: VReg) -> Op {
    if ty.is_float() {
        Op::FConst { dst: v, value: 0.0 }
    } else {
        Op::Const { dst: v, value: 0 }
    }
}

/// Makes the entry block a block no edge enters: when some block jumps to the entry, its code moves to a
/// new block, and the entry jumps there.
fn split_entry(f: &mut Func) {
    let targeted = f.blocks.iter().any(|b| b.term.succs().contains(&BlockId(0)));
    if !targeted {
        return;
    }
    let moved = BlockId(f.blocks.len() as u32);
    let line = f.blocks[0].insts.first().map_or(f.blocks[0].term_line, |i| i.line);
    let old = std::mem::replace(&mut f.blocks[0], Block::new(Vec::new(), Term::Jump(moved), line));
    f.blocks.push(old);
    for b in f.blocks.iter_mut().skip(1) {
        match &mut b.term {
            Term::Jump(t) if t.0 == 0 => *t = moved,
            Term::Branch { then, els, .. } => {
                if then.0 == 0 {
                    *then = moved;
                }
                if els.0 == 0 {
                    *els = moved;
                }
            }
            _ => {}
        }
    }
}
