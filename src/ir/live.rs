//! Liveness of vregs at block boundaries: which vregs may be read before they are written again.
//!
//! In: a [`Func`] (vregs may be assigned more than once). Out: per block the vregs live on entry and on
//! exit ([`Liveness`]; `out_set` gives the exit set as a [`BitSet`] indexed by vreg number). Used by
//! dead-code elimination (`opt/dce.rs`), escape analysis and the register allocators of the back ends,
//! which walk each block backwards from the exit set to know what is live at every instruction.
//!
//! Only vregs read in some block before being written there can be live at a block boundary; the sets
//! are computed over those alone (a big function's temporaries are mostly block-local), so their size is
//! blocks × such vregs, not blocks × all vregs.
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

/// Liveness at block boundaries. Only vregs read in some block before that block writes them ("global"
/// vregs) can be live at a boundary; the sets hold only those, numbered densely in increasing vreg order,
/// so that a big function's many block-local temporaries cost nothing here.
pub struct Liveness {
    /// The global vregs, increasing: compact index → vreg number.
    globals: Vec<u32>,
    /// The number of vregs of the function (the size of the sets `out_set` returns).
    nv: usize,
    /// Per block, over compact indices.
    live_in: Vec<BitSet>,
    live_out: Vec<BitSet>,
}

impl Liveness {
    /// The vregs live on entry to block `b`, increasing.
    pub fn live_in(&self, b: usize) -> impl Iterator<Item = usize> + '_ {
        self.live_in[b].iter().map(|i| self.globals[i] as usize)
    }
    /// Whether vreg `v` is live on entry to block `b`.
    pub fn is_live_in(&self, b: usize, v: usize) -> bool {
        self.globals.binary_search(&(v as u32)).map_or(false, |i| self.live_in[b].contains(i))
    }
    /// The vregs live on exit from block `b`, increasing.
    pub fn live_out(&self, b: usize) -> impl Iterator<Item = usize> + '_ {
        self.live_out[b].iter().map(|i| self.globals[i] as usize)
    }
    /// The vregs live on exit from block `b`, as a set over all the function's vregs (to walk the block
    /// backwards with [`step_back`]).
    pub fn out_set(&self, b: usize) -> BitSet {
        let mut s = BitSet::new(self.nv);
        self.out_set_into(b, &mut s);
        s
    }
    /// `out_set` into a set of the function's size, which is cleared first: a pass walking every block
    /// reuses one set instead of allocating one per block.
    pub fn out_set_into(&self, b: usize, s: &mut BitSet) {
        s.words.fill(0);
        for v in self.live_out(b) {
            s.insert(v);
        }
    }
}

/// Steps one instruction backwards: `live` is the set after the instruction on entry, before it on return.
pub fn step_back(live: &mut BitSet, op: &super::Op) {
    op.for_each_def(|d| live.remove(d.0 as usize));
    op.for_each_use(|u| live.insert(u.0 as usize));
}

pub fn liveness(f: &Func) -> Liveness {
    let (nb, nv) = (f.blocks.len(), f.vregs.len());
    // The global vregs: read in a block before any write in that block. `written[v] == bi + 1` while
    // scanning block `bi` forwards once `v` has been written in it.
    const NONE: u32 = u32::MAX;
    let mut compact = vec![NONE; nv];
    let mut written = vec![0u32; nv];
    for (bi, b) in f.blocks.iter().enumerate() {
        let stamp = bi as u32 + 1;
        // Block parameters (SSA form) are written on entry, arguments read at the end.
        for p in &b.params {
            written[p.0 as usize] = stamp;
        }
        for inst in &b.insts {
            inst.op.for_each_use(|u| {
                if written[u.0 as usize] != stamp {
                    compact[u.0 as usize] = 0;
                }
            });
            inst.op.for_each_def(|d| written[d.0 as usize] = stamp);
        }
        for c in b.term.used().iter().chain(b.args.iter().flatten()) {
            if written[c.0 as usize] != stamp {
                compact[c.0 as usize] = 0;
            }
        }
    }
    drop(written);
    let mut globals = Vec::new();
    for (v, c) in compact.iter_mut().enumerate() {
        if *c != NONE {
            *c = globals.len() as u32;
            globals.push(v as u32);
        }
    }
    let ng = globals.len();
    // Per block: global vregs read before any write in the block (`gen`), and global vregs written (`kill`).
    let mut gen = vec![BitSet::new(ng); nb];
    let mut kill = vec![BitSet::new(ng); nb];
    for (bi, b) in f.blocks.iter().enumerate() {
        let (g, k) = (&mut gen[bi], &mut kill[bi]);
        // A vreg that is not global is written in the block before any read: its reads drop out at its
        // write, so they are not recorded at all.
        let read = |v: super::VReg, g: &mut BitSet| {
            let c = compact[v.0 as usize];
            if c != NONE {
                g.insert(c as usize);
            }
        };
        if let Some(c) = b.term.used() {
            read(c, g);
        }
        b.args.iter().flatten().for_each(|&a| read(a, g));
        let write = |d: super::VReg, g: &mut BitSet, k: &mut BitSet| {
            let c = compact[d.0 as usize];
            if c != NONE {
                g.remove(c as usize);
                k.insert(c as usize);
            }
        };
        for inst in b.insts.iter().rev() {
            inst.op.for_each_def(|d| write(d, g, k));
            inst.op.for_each_use(|u| read(u, g));
        }
        b.params.iter().for_each(|&p| write(p, g, k));
    }
    let succs: Vec<Vec<usize>> =
        f.blocks.iter().map(|b| b.term.succs().iter().map(|s| s.0 as usize).collect()).collect();
    let mut live_in = gen.clone();
    let mut live_out = vec![BitSet::new(ng); nb];
    // Scratch sets, reused across blocks and rounds.
    let mut out = BitSet::new(ng);
    let mut inn = BitSet::new(ng);
    let mut changed = true;
    while changed {
        changed = false;
        for bi in (0..nb).rev() {
            out.words.fill(0);
            for &s in &succs[bi] {
                out.union_with(&live_in[s]);
            }
            if out != live_out[bi] {
                // in = gen ∪ (out − kill)
                for (w, ((g, o), k)) in
                    inn.words.iter_mut().zip(gen[bi].words.iter().zip(&out.words).zip(&kill[bi].words))
                {
                    *w = g | (o & !k);
                }
                if inn != live_in[bi] {
                    std::mem::swap(&mut live_in[bi], &mut inn);
                    changed = true;
                }
                std::mem::swap(&mut live_out[bi], &mut out);
            }
        }
    }
    Liveness { globals, nv, live_in, live_out }
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
