//! Block layout: the order in which code generation emits the blocks.
//!
//! In: any function. Out: the same function with its blocks renumbered in the new order (the entry stays
//! `b0`), jumps through empty blocks that only jump retargeted past them, and the blocks the entry cannot
//! reach dropped.
//!
//! The order is a reverse postorder of the blocks that do not end in `unreachable`, visiting a branch's
//! `else` before its `then`, so that a block is usually followed by its `then` successor (the loop body after
//! the loop test, the access after its bounds check) and code generation can fall through instead of
//! jumping. The blocks that end in `unreachable` (the calls that panic: failed bounds and nil checks) go
//! last, out of the way of the hot code.
//!
//! The code generator puts a preemption check at every block jumped to from a block at or after it in
//! layout order; every cycle of the graph has such an edge whatever the order, so any order keeps a check in
//! every loop. In reverse postorder those blocks are exactly the loop headers, where the lowering's order
//! also checked loop continuation blocks at every iteration.

use crate::ir::{BlockId, Func, Term};

pub fn run(f: &mut Func) {
    let n = f.blocks.len();
    if n <= 1 {
        return;
    }
    // Jump threading: an empty block that only jumps is passed through (a cycle of them stays).
    let thread = |f: &Func, mut b: BlockId| -> BlockId {
        for _ in 0..n {
            let blk = &f.blocks[b.0 as usize];
            match blk.term {
                Term::Jump(t) if blk.insts.is_empty() && b.0 != 0 && t != b => b = t,
                _ => break,
            }
        }
        b
    };
    for bi in 0..n {
        let mut t = f.blocks[bi].term.clone();
        match &mut t {
            Term::Jump(x) => *x = thread(f, *x),
            Term::Branch { then, els, .. } => {
                *then = thread(f, *then);
                *els = thread(f, *els);
            }
            Term::Return | Term::Unreachable => {}
        }
        f.blocks[bi].term = t;
    }
    let cold = |f: &Func, b: usize| f.blocks[b].term == Term::Unreachable;
    // Depth-first from the entry, without entering cold blocks; the successor visited last comes first.
    let mut seen = vec![false; n];
    let mut post = Vec::with_capacity(n);
    let mut cold_seen = Vec::new();
    let mut stack: Vec<(usize, Vec<usize>)> = Vec::new();
    let succs = |f: &Func, b: usize| -> Vec<usize> {
        match &f.blocks[b].term {
            Term::Jump(t) => vec![t.0 as usize],
            // Popped from the end: `then` is visited last.
            Term::Branch { then, els, .. } => vec![then.0 as usize, els.0 as usize],
            Term::Return | Term::Unreachable => vec![],
        }
    };
    seen[0] = true;
    stack.push((0, succs(f, 0)));
    while let Some(top) = stack.last_mut() {
        let (b, next) = (top.0, top.1.pop());
        match next {
            Some(s) if !seen[s] => {
                seen[s] = true;
                if cold(f, s) {
                    cold_seen.push(s);
                } else {
                    let ss = succs(f, s);
                    stack.push((s, ss));
                }
            }
            Some(_) => {}
            None => {
                post.push(b);
                stack.pop();
            }
        }
    }
    let mut order: Vec<usize> = post.into_iter().rev().collect();
    cold_seen.sort_unstable();
    order.extend(cold_seen);
    if order.iter().enumerate().all(|(i, &b)| i == b) && order.len() == n {
        return;
    }
    let mut new_id = vec![u32::MAX; n];
    for (i, &b) in order.iter().enumerate() {
        new_id[b] = i as u32;
    }
    let mut old: Vec<Option<crate::ir::Block>> = std::mem::take(&mut f.blocks).into_iter().map(Some).collect();
    let remap = |b: &mut BlockId| *b = BlockId(new_id[b.0 as usize]);
    for &b in &order {
        let mut blk = old[b].take().expect("each block placed once");
        match &mut blk.term {
            Term::Jump(t) => remap(t),
            Term::Branch { then, els, .. } => {
                remap(then);
                remap(els);
            }
            Term::Return | Term::Unreachable => {}
        }
        f.blocks.push(blk);
    }
}
