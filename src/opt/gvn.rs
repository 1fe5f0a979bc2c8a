//! Global value numbering over the dominator tree, with the SSA cleanups it needs and the branches it
//! decides.
//!
//! In: a function in SSA form (`opt/ssa.rs`; a function with more than one write of a vreg is left
//! alone). Out: the same function, still in SSA form, where
//! - a copy is gone and its readers read the original (SSA copy propagation);
//! - a block parameter passed the same value on every edge (or itself, around a loop) is that value;
//! - an arithmetic operation, comparison or conversion equal to one in a dominating block (same operator,
//!   same operands; commutative integer operands in either order) is gone and its readers read the
//!   earlier result. Constants and addresses are merged only within a block (symbol addresses not at all:
//!   their keys would copy the names): they cost nothing to
//!   recompute, and a longer live range would keep them in memory across calls (the allocator does not
//!   split); but equal constants are one operand to the operations that read them (`x + 1` is `x + 1`
//!   whichever `const 1` it reads). Loads are never merged: memory may change between them;
//! - a branch on a condition already decided on every path here (the block is reached only through one
//!   edge of a dominating branch on the same value) becomes a jump: a bounds or nil check dominated by an
//!   equal check, once value numbering has made the two comparisons one value.

use std::collections::HashMap;

use crate::ir::dom::DomTree;
use crate::ir::live::def_counts;
use crate::ir::{BinOp, Cond, ConvOp, Func, Op, Term, Ty, UnOp, VReg};

#[derive(Clone, PartialEq, Eq, Hash)]
enum Key {
    /// Cheap values, merged within block `.0` only.
    Const(u32, Ty, i64),
    FConst(u32, Ty, u64),
    Slot(u32, u32),
    Arg(u32, u32),
    OutArg(u32, u32),
    Ctx(u32),
    Un(UnOp, Ty, VReg),
    Bin(BinOp, Ty, VReg, VReg),
    Cmp(Cond, VReg, VReg),
    Conv(ConvOp, Ty, VReg),
}

fn commutative(op: BinOp) -> bool {
    matches!(op, BinOp::Add | BinOp::Mul | BinOp::And | BinOp::Or | BinOp::Xor)
}

/// The key of a value-producing operation in block `b`; `vn` names each operand's value (equal constants
/// have one name).
fn key(f: &Func, b: u32, op: &Op, vn: &[VReg]) -> Option<Key> {
    let n = |v: &VReg| vn[v.0 as usize];
    Some(match op {
        Op::Const { dst, value } => Key::Const(b, f.ty(*dst), *value),
        Op::FConst { dst, value } => Key::FConst(b, f.ty(*dst), value.to_bits()),
        Op::SlotAddr { slot, .. } => Key::Slot(b, slot.0),
        Op::ArgAddr { offset, .. } => Key::Arg(b, *offset),
        Op::OutArgAddr { offset, .. } => Key::OutArg(b, *offset),
        Op::ClosureCtx { .. } => Key::Ctx(b),
        Op::Unary { op, dst, x } => Key::Un(*op, f.ty(*dst), n(x)),
        Op::Binary { op, dst, x, y } => {
            let (x, y) = (n(x), n(y));
            let (x, y) = if commutative(*op) && y < x { (y, x) } else { (x, y) };
            Key::Bin(*op, f.ty(*dst), x, y)
        }
        Op::Cmp { cond, x, y, .. } => {
            let (x, y) = (n(x), n(y));
            let (x, y) = if matches!(cond, Cond::Eq | Cond::Ne) && y < x { (y, x) } else { (x, y) };
            Key::Cmp(*cond, x, y)
        }
        Op::Convert { op, dst, src } => Key::Conv(*op, f.ty(*dst), n(src)),
        _ => return None,
    })
}

/// `alias[v]`, followed to its end.
fn resolve(alias: &[Option<VReg>], mut v: VReg) -> VReg {
    let mut n = 0;
    while let Some(w) = alias[v.0 as usize] {
        v = w;
        n += 1;
        if n > alias.len() {
            break; // a cycle cannot arise in SSA form; stop rather than loop
        }
    }
    v
}

pub fn run(f: &mut Func) {
    if def_counts(f).iter().any(|&n| n > 1) {
        return;
    }
    let mut alias: Vec<Option<VReg>> = vec![None; f.vregs.len()];
    for b in &mut f.blocks {
        b.insts.retain(|i| match i.op {
            Op::Copy { dst, src } if dst != src => {
                alias[dst.0 as usize] = Some(src);
                false
            }
            _ => true,
        });
    }
    trivial_params(f, &mut alias);

    // Value names: each constant is named by the first constant of its type and value.
    let mut vn: Vec<VReg> = (0..f.vregs.len() as u32).map(VReg).collect();
    let mut consts: HashMap<(Ty, u64), VReg> = HashMap::new();
    for b in &f.blocks {
        for i in &b.insts {
            let c = match i.op {
                Op::Const { dst, value } => (dst, value as u64),
                Op::FConst { dst, value } => (dst, value.to_bits()),
                _ => continue,
            };
            // Integer and float constants of one type never share bits' meaning: the type is in the key.
            vn[c.0 .0 as usize] = *consts.entry((f.ty(c.0), c.1)).or_insert(c.0);
        }
    }
    let dom = DomTree::new(f);
    let mut table: HashMap<Key, VReg> = HashMap::new();
    // Conditions decided on entry to the block being visited: value → taken or not.
    let mut known: HashMap<VReg, bool> = HashMap::new();
    // Undo logs for the two maps, with each open block's marks.
    let mut added: Vec<Key> = Vec::new();
    let mut decided: Vec<VReg> = Vec::new();
    let mut walk: Vec<(u32, usize, usize, usize)> = vec![(0, 0, 0, 0)];
    let mut first = true;
    while let Some(&mut (b, ref mut k, mark_a, mark_d)) = walk.last_mut() {
        let bi = b as usize;
        if first {
            first = false;
            // Reached only through one edge of a branch: its condition is decided here.
            if let [p] = dom.preds(bi) {
                if let Term::Branch { cond, then, els } = &f.blocks[*p as usize].term {
                    if then != els {
                        let c = resolve(&alias, *cond);
                        if let std::collections::hash_map::Entry::Vacant(e) = known.entry(c) {
                            e.insert(then.0 == b);
                            decided.push(c);
                        }
                    }
                }
            }
            visit(f, bi, &mut alias, &mut table, &mut added, &known, &vn);
        }
        if let Some(&c) = dom.children(bi).get(*k) {
            *k += 1;
            walk.push((c, 0, added.len(), decided.len()));
            first = true;
            continue;
        }
        for key in added.drain(mark_a..) {
            table.remove(&key);
        }
        for c in decided.drain(mark_d..) {
            known.remove(&c);
        }
        walk.pop();
    }
    trivial_params(f, &mut alias);
    for b in &mut f.blocks {
        for i in &mut b.insts {
            i.op.map_uses(|u| resolve(&alias, u));
        }
        if let Term::Branch { cond, .. } = &mut b.term {
            *cond = resolve(&alias, *cond);
        }
        for a in b.args.iter_mut().flatten() {
            *a = resolve(&alias, *a);
        }
    }
}

/// Numbers the values of block `bi`, whose dominators have been visited, and decides its branch.
fn visit(
    f: &mut Func,
    bi: usize,
    alias: &mut [Option<VReg>],
    table: &mut HashMap<Key, VReg>,
    added: &mut Vec<Key>,
    known: &HashMap<VReg, bool>,
    vn: &[VReg],
) {
    let mut insts = std::mem::take(&mut f.blocks[bi].insts);
    insts.retain_mut(|i| {
        i.op.map_uses(|u| resolve(alias, u));
        let Some(dst) = i.op.dst() else { return true };
        let Some(k) = key(f, bi as u32, &i.op, vn) else { return true };
        match table.get(&k) {
            Some(&v) => {
                alias[dst.0 as usize] = Some(v);
                false
            }
            None => {
                table.insert(k.clone(), dst);
                added.push(k);
                true
            }
        }
    });
    let b = &mut f.blocks[bi];
    b.insts = insts;
    if let Term::Branch { cond, then, els } = b.term {
        if let Some(&taken) = known.get(&resolve(alias, cond)) {
            let (target, edge) = if taken { (then, 0) } else { (els, 1) };
            b.term = Term::Jump(target);
            if !b.args.is_empty() {
                let a = b.args.swap_remove(edge);
                b.args = vec![a];
            }
        }
    }
}

/// Removes the block parameters that receive one value on every edge (other than themselves): readers of
/// the parameter read that value. Repeated until none is left, as removing one may make another trivial.
fn trivial_params(f: &mut Func, alias: &mut [Option<VReg>]) {
    // The edges into each block: (predecessor, edge index).
    let mut edges: Vec<Vec<(usize, usize)>> = vec![Vec::new(); f.blocks.len()];
    for (bi, b) in f.blocks.iter().enumerate() {
        for (i, s) in b.term.succs().iter().enumerate() {
            edges[s.0 as usize].push((bi, i));
        }
    }
    let mut changed = true;
    while changed {
        changed = false;
        for s in 0..f.blocks.len() {
            let mut j = 0;
            while j < f.blocks[s].params.len() {
                let p = f.blocks[s].params[j];
                let mut same: Option<VReg> = None;
                let mut trivial = true;
                for &(b, i) in &edges[s] {
                    let Some(&a) = f.blocks[b].args.get(i).and_then(|a| a.get(j)) else {
                        trivial = false;
                        break;
                    };
                    let a = resolve(alias, a);
                    if a == p || same == Some(a) {
                        continue;
                    }
                    if same.is_some() {
                        trivial = false;
                        break;
                    }
                    same = Some(a);
                }
                match (trivial, same) {
                    (true, Some(v)) => {
                        alias[p.0 as usize] = Some(v);
                        f.blocks[s].params.remove(j);
                        for &(b, i) in &edges[s] {
                            f.blocks[b].args[i].remove(j);
                        }
                        changed = true;
                    }
                    _ => j += 1,
                }
            }
        }
    }
}
