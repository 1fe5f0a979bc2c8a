//! Liveness of vregs at block boundaries: which vregs may be read before they are written again.
//!
//! In: a [`Func`] (vregs may be assigned more than once). Out: per block the set of vregs live on entry and
//! on exit, as [`BitSet`]s indexed by vreg number. Used by dead-code elimination (`opt/dce.rs`) and by the
//! register allocators of the back ends, which walk each block backwards from `live_out` to know what is
//! live at every instruction.
//!
//! The classic backward data-flow problem, iterated to the fixpoint over the blocks in reverse order
//! (most blocks come after their predecessors, so few rounds are needed). Blocks that cannot be reached
//! still get sets; nothing here depends on reachability.

use super::{Func, VReg};

/// A fixed-size set of small integers (vreg numbers).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct BitSet {
    words: Vec<u64>,
}

impl BitSet {
    pub fn new(n: usize) -> BitSet {
        BitSet { words: vec![0; n.div_ceil(64)] }
    }
    pub fn insert(&mut self, i: usize) {
        self.words[i / 64] |= 1 << (i % 64);
    }
    pub fn remove(&mut self, i: usize) {
        self.words[i / 64] &= !(1 << (i % 64));
    }
    pub fn contains(&self, i: usize) -> bool {
        self.words[i / 64] & (1 << (i % 64)) != 0
    }
    /// `self |= other`; true if `self` changed.
    pub fn union_with(&mut self, other: &BitSet) -> bool {
        let mut changed = false;
        for (a, b) in self.words.iter_mut().zip(&other.words) {
            let n = *a | *b;
            changed |= n != *a;
            *a = n;
        }
        changed
    }
    /// The members, in increasing order.
    pub fn iter(&self) -> impl Iterator<Item = usize> + '_ {
        self.words.iter().enumerate().flat_map(|(wi, &w)| {
            let mut w = w;
            std::iter::from_fn(move || {
                if w == 0 {
                    return None;
                }
                let b = w.trailing_zeros() as usize;
                w &= w - 1;
                Some(wi * 64 + b)
            })
        })
    }
}

pub struct Liveness {
    pub live_in: Vec<BitSet>,
    pub live_out: Vec<BitSet>,
}

/// Steps one instruction backwards: `live` is the set after the instruction on entry, before it on return.
pub fn step_back(live: &mut BitSet, op: &super::Op) {
    op.for_each_def(|d| live.remove(d.0 as usize));
    op.for_each_use(|u| live.insert(u.0 as usize));
}

pub fn liveness(f: &Func) -> Liveness {
    let (nb, nv) = (f.blocks.len(), f.vregs.len());
    // Per block: vregs read before any write in the block (`gen`), and vregs written (`kill`).
    let mut gen = vec![BitSet::new(nv); nb];
    let mut kill = vec![BitSet::new(nv); nb];
    for (bi, b) in f.blocks.iter().enumerate() {
        let (g, k) = (&mut gen[bi], &mut kill[bi]);
        if let Some(c) = b.term.used() {
            g.insert(c.0 as usize);
        }
        for inst in b.insts.iter().rev() {
            inst.op.for_each_def(|d| {
                g.remove(d.0 as usize);
                k.insert(d.0 as usize);
            });
            inst.op.for_each_use(|u| g.insert(u.0 as usize));
        }
    }
    let succs: Vec<Vec<usize>> =
        f.blocks.iter().map(|b| b.term.succs().iter().map(|s| s.0 as usize).collect()).collect();
    let mut live_in = gen.clone();
    let mut live_out = vec![BitSet::new(nv); nb];
    let mut changed = true;
    while changed {
        changed = false;
        for bi in (0..nb).rev() {
            let mut out = BitSet::new(nv);
            for &s in &succs[bi] {
                out.union_with(&live_in[s]);
            }
            if out != live_out[bi] {
                // in = gen ∪ (out − kill)
                let mut inn = gen[bi].clone();
                for (w, (o, k)) in inn.words.iter_mut().zip(out.words.iter().zip(&kill[bi].words)) {
                    *w |= o & !k;
                }
                if inn != live_in[bi] {
                    live_in[bi] = inn;
                    changed = true;
                }
                live_out[bi] = out;
            }
        }
    }
    Liveness { live_in, live_out }
}

/// The number of times each vreg is written in `f`.
pub fn def_counts(f: &Func) -> Vec<u32> {
    let mut n = vec![0u32; f.vregs.len()];
    for b in &f.blocks {
        for i in &b.insts {
            i.op.for_each_def(|d: VReg| n[d.0 as usize] += 1);
        }
    }
    n
}
