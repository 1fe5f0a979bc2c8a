//! Dominators of a function's blocks: the immediate dominator of each reachable block, the dominator tree,
//! and dominance frontiers.
//!
//! In: a [`Func`] (any form). Out: a [`DomTree`]. Blocks that cannot be reached from the entry have no
//! immediate dominator and are in no tree; `dominates` is false for them (except a block dominating itself).
//!
//! The algorithm is Cooper, Harvey and Kennedy's "A Simple, Fast Dominance Algorithm": iterate
//! `idom(b) = intersect(idom of the processed predecessors)` over reverse postorder to the fixpoint;
//! `intersect` walks up by postorder numbers. Frontiers are theirs too: from each join point, walk up from
//! each predecessor to the join's immediate dominator. Preorder and subtree-end numbers answer
//! `dominates` in constant time.

use super::Func;

const NONE: u32 = u32::MAX;

pub struct DomTree {
    /// Per block: its immediate dominator (the entry's is itself), `NONE` when unreachable.
    idom: Vec<u32>,
    /// Reachable blocks in reverse postorder (the entry first).
    rpo: Vec<u32>,
    /// Per block: the predecessors, one entry per edge (a branch with both targets the same counts twice).
    preds: Vec<Vec<u32>>,
    /// Per block: its children in the tree, increasing.
    children: Vec<Vec<u32>>,
    /// Per block: preorder number in the tree and one past the last number of its subtree.
    pre: Vec<u32>,
    end: Vec<u32>,
}

/// The predecessors of every block, one entry per edge, in block order.
pub fn preds(f: &Func) -> Vec<Vec<u32>> {
    let mut p = vec![Vec::new(); f.blocks.len()];
    for (bi, b) in f.blocks.iter().enumerate() {
        for s in b.term.succs() {
            p[s.0 as usize].push(bi as u32);
        }
    }
    p
}

impl DomTree {
    pub fn new(f: &Func) -> DomTree {
        let n = f.blocks.len();
        let preds = preds(f);
        // Postorder by an explicit stack (deep CFGs must not overflow the native stack).
        let mut post = Vec::with_capacity(n);
        let mut seen = vec![false; n];
        let mut stack: Vec<(u32, usize)> = vec![(0, 0)];
        seen[0] = true;
        while let Some(&mut (b, ref mut k)) = stack.last_mut() {
            let succs = f.blocks[b as usize].term.succs();
            if let Some(s) = succs.get(*k) {
                *k += 1;
                if !seen[s.0 as usize] {
                    seen[s.0 as usize] = true;
                    stack.push((s.0, 0));
                }
            } else {
                post.push(b);
                stack.pop();
            }
        }
        let mut po = vec![NONE; n];
        for (i, &b) in post.iter().enumerate() {
            po[b as usize] = i as u32;
        }
        let rpo: Vec<u32> = post.iter().rev().copied().collect();
        let mut idom = vec![NONE; n];
        idom[0] = 0;
        let mut changed = true;
        while changed {
            changed = false;
            for &b in rpo.iter().skip(1) {
                let mut new = NONE;
                for &p in &preds[b as usize] {
                    if idom[p as usize] == NONE {
                        continue;
                    }
                    new = if new == NONE { p } else { intersect(&idom, &po, p, new) };
                }
                if new != idom[b as usize] {
                    idom[b as usize] = new;
                    changed = true;
                }
            }
        }
        let mut children = vec![Vec::new(); n];
        for b in 1..n {
            if idom[b] != NONE {
                children[idom[b] as usize].push(b as u32);
            }
        }
        let (mut pre, mut end) = (vec![NONE; n], vec![NONE; n]);
        let mut counter = 0;
        let mut stack: Vec<(u32, usize)> = vec![(0, 0)];
        pre[0] = 0;
        counter += 1;
        while let Some(&mut (b, ref mut k)) = stack.last_mut() {
            if let Some(&c) = children[b as usize].get(*k) {
                *k += 1;
                pre[c as usize] = counter;
                counter += 1;
                stack.push((c, 0));
            } else {
                end[b as usize] = counter;
                stack.pop();
            }
        }
        DomTree { idom, rpo, preds, children, pre, end }
    }

    pub fn reachable(&self, b: usize) -> bool {
        self.idom[b] != NONE
    }
    /// The immediate dominator of a reachable block other than the entry.
    pub fn idom(&self, b: usize) -> Option<usize> {
        match self.idom[b] {
            NONE => None,
            _ if b == 0 => None,
            d => Some(d as usize),
        }
    }
    /// Whether every path from the entry to `b` passes through `a` (a block dominates itself).
    pub fn dominates(&self, a: usize, b: usize) -> bool {
        a == b || (self.reachable(a) && self.reachable(b) && self.pre[a] <= self.pre[b] && self.pre[b] < self.end[a])
    }
    pub fn rpo(&self) -> &[u32] {
        &self.rpo
    }
    pub fn preds(&self, b: usize) -> &[u32] {
        &self.preds[b]
    }
    pub fn children(&self, b: usize) -> &[u32] {
        &self.children[b]
    }
    /// The reachable blocks in a preorder of the dominator tree (the entry first, each block before the
    /// blocks it dominates).
    pub fn preorder(&self) -> Vec<u32> {
        let mut order = vec![0u32; self.rpo.len()];
        for &b in &self.rpo {
            order[self.pre[b as usize] as usize] = b;
        }
        order
    }
    /// Preorder number and subtree end of a reachable block: `b` dominates the blocks numbered
    /// `pre..end`.
    pub fn pre_end(&self, b: usize) -> (u32, u32) {
        (self.pre[b], self.end[b])
    }

    /// The dominance frontier of every block: the blocks where its dominance ends (joins reached from it
    /// that it does not strictly dominate).
    pub fn frontiers(&self) -> Vec<Vec<u32>> {
        let n = self.idom.len();
        let mut df: Vec<Vec<u32>> = vec![Vec::new(); n];
        for b in 0..n {
            if !self.reachable(b) || self.preds[b].len() < 2 {
                continue;
            }
            for &p in &self.preds[b] {
                let mut runner = p;
                if !self.reachable(p as usize) {
                    continue;
                }
                while runner != self.idom[b] {
                    let r = runner as usize;
                    if df[r].last() != Some(&(b as u32)) {
                        df[r].push(b as u32);
                    }
                    if r == 0 {
                        // The entry's own frontier (a jump back to it) is not needed: the SSA
                        // construction gives the entry no predecessors first.
                        break;
                    }
                    runner = self.idom[r];
                }
            }
        }
        df
    }
}

fn intersect(idom: &[u32], po: &[u32], mut a: u32, mut b: u32) -> u32 {
    while a != b {
        while po[a as usize] < po[b as usize] {
            a = idom[a as usize];
        }
        while po[b as usize] < po[a as usize] {
            b = idom[b as usize];
        }
    }
    a
}
