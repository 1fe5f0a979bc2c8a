//! Bounds checks of induction variables: `for i := 0; i < len(s); i++ { s[i] }` and `for i := range s`
//! keep no bounds check.
//!
//! In: a function in SSA form (`opt/ssa.rs`; a function with more than one write of a vreg is left
//! alone). Out: the same function, still in SSA form, where an unsigned comparison `i <u n` (a bounds
//! check) that is known true is the constant 1 and a branch on it a jump.
//!
//! `i <u n` is true where `i <s n` is (the block is reached only through the edge of a dominating branch
//! that says so) and `i >= 0`. An i64 is known non-negative when it is a non-negative constant, `p + 1`
//! computed where `p <s` something (so the addition cannot overflow) with `p` non-negative, or a block
//! parameter all of whose arguments are: the induction variable, whose start is a constant and whose step
//! runs under the loop's condition. Parameters are assumed non-negative and the assumption withdrawn from
//! any with an argument that is not, until nothing changes (the greatest fixpoint: every parameter left
//! is non-negative on every path, by induction on the edges taken).

use crate::ir::dom::DomTree;
use crate::ir::live::def_counts;
use crate::ir::{BinOp, Cond, Func, Op, Term, Ty, VReg};

/// How far back the facts in scope are searched for one (a bound on the work in deeply nested code).
const FACTS_SEARCHED: usize = 64;

pub fn run(f: &mut Func) {
    // Most functions have no unsigned comparison or no loop: nothing to find, and no tree to build.
    let checks_any = f.blocks.iter().flat_map(|b| &b.insts).any(|i| matches!(i.op, Op::Cmp { cond: Cond::LtU, .. }));
    if !checks_any || f.blocks.iter().all(|b| b.params.is_empty()) || def_counts(f).iter().any(|&n| n > 1) {
        return;
    }
    let nv = f.vregs.len();
    let mut cmp: Vec<Option<(Cond, VReg, VReg)>> = vec![None; nv];
    let mut konst: Vec<Option<i64>> = vec![None; nv];
    for b in &f.blocks {
        for i in &b.insts {
            match i.op {
                Op::Cmp { cond, dst, x, y } => cmp[dst.0 as usize] = Some((cond, x, y)),
                Op::Const { dst, value } if f.ty(dst) == Ty::I64 => konst[dst.0 as usize] = Some(value),
                _ => {}
            }
        }
    }
    let dom = DomTree::new(f);
    // `x <s y` on entry to the block being visited, with each open block's mark.
    let mut facts: Vec<(VReg, VReg)> = Vec::new();
    let mut checks: Vec<(usize, VReg, VReg)> = Vec::new();
    let mut step: Vec<Option<VReg>> = vec![None; nv];
    let mut walk: Vec<(u32, usize, usize)> = vec![(0, 0, 0)];
    let mut first = true;
    while let Some(&mut (b, ref mut k, mark)) = walk.last_mut() {
        let bi = b as usize;
        if first {
            first = false;
            if let [p] = dom.preds(bi) {
                if let Term::Branch { cond, then, els } = f.blocks[*p as usize].term {
                    if then != els {
                        match (cmp[cond.0 as usize], then.0 == b) {
                            (Some((Cond::LtS, x, y)), true) | (Some((Cond::GeS, x, y)), false) => facts.push((x, y)),
                            (Some((Cond::GtS, y, x)), true) | (Some((Cond::LeS, y, x)), false) => facts.push((x, y)),
                            _ => {}
                        }
                    }
                }
            }
            let recent = |facts: &[(VReg, VReg)], x: VReg, y: Option<VReg>| {
                facts.iter().rev().take(FACTS_SEARCHED).any(|&(a, b)| a == x && y.is_none_or(|y| y == b))
            };
            for i in &f.blocks[bi].insts {
                match i.op {
                    Op::Cmp { cond: Cond::LtU, dst, x, y } if recent(&facts, x, Some(y)) => checks.push((bi, dst, x)),
                    Op::Binary { op: BinOp::Add, dst, x, y } if f.ty(dst) == Ty::I64 => {
                        let base = match (konst[x.0 as usize], konst[y.0 as usize]) {
                            (_, Some(1)) => x,
                            (Some(1), _) => y,
                            _ => continue,
                        };
                        if recent(&facts, base, None) {
                            step[dst.0 as usize] = Some(base);
                        }
                    }
                    _ => {}
                }
            }
        }
        if let Some(&c) = dom.children(bi).get(*k) {
            *k += 1;
            walk.push((c, 0, facts.len()));
            first = true;
            continue;
        }
        facts.truncate(mark);
        walk.pop();
    }
    if checks.is_empty() {
        return;
    }

    // The parameters' incoming values, and the greatest fixpoint of "non-negative".
    let mut incoming: Vec<(VReg, Vec<VReg>)> = Vec::new();
    let mut edges: Vec<Vec<(usize, usize)>> = vec![Vec::new(); f.blocks.len()];
    for (bi, b) in f.blocks.iter().enumerate() {
        for (i, s) in b.term.succs().iter().enumerate() {
            edges[s.0 as usize].push((bi, i));
        }
    }
    let mut assume = vec![false; nv];
    for (h, b) in f.blocks.iter().enumerate() {
        for (j, &p) in b.params.iter().enumerate() {
            if f.ty(p) == Ty::I64 && dom.reachable(h) {
                let args = edges[h].iter().filter_map(|&(pb, i)| f.blocks[pb].edge_args(i).get(j).copied()).collect();
                incoming.push((p, args));
                assume[p.0 as usize] = true;
            }
        }
    }
    let nonneg = |assume: &[bool], mut v: VReg| -> bool {
        // A chain of steps, then a constant or an assumed parameter.
        for _ in 0..16 {
            if let Some(c) = konst[v.0 as usize] {
                return c >= 0;
            }
            if assume[v.0 as usize] {
                return true;
            }
            match step[v.0 as usize] {
                Some(p) => v = p,
                None => return false,
            }
        }
        false
    };
    let mut changed = true;
    while changed {
        changed = false;
        for (p, args) in &incoming {
            if assume[p.0 as usize] && !args.iter().all(|&a| nonneg(&assume, a)) {
                assume[p.0 as usize] = false;
                changed = true;
            }
        }
    }
    let mut truth = vec![false; nv];
    for &(bi, dst, x) in &checks {
        if !nonneg(&assume, x) {
            continue;
        }
        for i in &mut f.blocks[bi].insts {
            if i.op.dst() == Some(dst) {
                i.op = Op::Const { dst, value: 1 };
                truth[dst.0 as usize] = true;
            }
        }
    }
    for b in &mut f.blocks {
        if let Term::Branch { cond, then, .. } = b.term {
            if truth[cond.0 as usize] {
                b.term = Term::Jump(then);
                b.args.truncate(1);
            }
        }
    }
}
