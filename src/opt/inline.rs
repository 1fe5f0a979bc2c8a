//! Inlining of small functions: a direct call to a small function becomes a copy of its body, mid-stack
//! as gc does (the callee may call others, allocate, panic and fault).
//!
//! In: a module. Out: the same module where, in every function the optimizer may change, such calls are
//! replaced by the callee's blocks (the callee itself stays: other packages, func values and method tables
//! may still name it). Repeated until no call qualifies: the calls an inlined body makes are candidates in
//! turn, except a call of a function the code is already inlined from (recursion), at most [`MAX_DEPTH`]
//! deep. Callees are taken as they were before the pass.
//!
//! Which callees (`inlinable`): at most [`MAX_INSTS`] instructions, no closure context, no runtime call
//! that depends on the callee's own frame or that gc does not inline either (`defer`, `recover`, `go`,
//! `select`: [`FRAME_BOUND`]), and argument-area addresses used only as addresses. Nothing is lost for
//! tracebacks: every inlined instruction's line value says which inlined call it comes from
//! (`ir::ExtLine::inl`, the tree in `Func::inl`), which the function table carries to the runtime, where
//! panics, `runtime.Caller(s)` and `FuncForPC` see the inlined frames as gc's do. Escape analysis ran
//! before: a callee's stack-allocated objects are zeroed where they are made, so in the caller's frame
//! they stay sound, and the callers' leak summaries already took the callee's into account.
//!
//! Where the arguments live: a callee that makes no Go call uses the caller's outgoing area (`OutArgAddr`)
//! as its argument area (`ArgAddr`) at the same offsets, where the caller stored the arguments and reads
//! the results; `codegen/amd64/frame.rs` sizes the outgoing area for these accesses, since the call is
//! gone. One that makes Go calls needs that area for them: its argument area becomes a slot of the
//! caller, filled from the outgoing area at entry (unless every read of it is forwarded, below), and what
//! it wrote there is copied back at each return.
//!
//! Values travel through the outgoing area only where they must: a callee's load of an argument the caller
//! stored right before the call (same offset and type, nothing in between that may write memory) reads the
//! stored vreg instead, and a caller's load of a result that every return stores last in its block reads a
//! new vreg the callee copies it to.
//!
//! The linker keeps a method only if a live function calls it through an interface or converts its type
//! to one (`link/methods.rs`, from lowering's tables `go..ifacecalls` and `go..ifaceconvs`, whose entries
//! name the function that makes the call or conversion). A callee's entries are copied for every caller
//! that inlined it, since the caller now does what the callee did even if the callee itself dies.
//!
//! The callee's blocks are placed right after the call's block, followed by the rest of that block, so
//! the code stays in source order; afterwards a block that jumps to a block with no other predecessor is
//! merged with it (the emptied block is left `unreachable`).

use std::collections::HashMap;

use crate::ir::live::def_counts;
use crate::ir::{
    BinOp, Block, BlockId, Callee, ExtLine, Func, InlCall, Inst, Module, Op, Slot, SlotId, Term, Ty, VReg,
    RETURNS_TWICE,
};

/// The largest callee inlined, in instructions (gc's budget is 80 nodes of its own IR).
pub const MAX_INSTS: usize = 40;
/// A caller stops growing by inlining beyond this many instructions.
const MAX_CALLER_INSTS: usize = 20_000;
/// Inlined calls nest at most this deep.
const MAX_DEPTH: usize = 10;

pub fn run(m: &mut Module) {
    let callees: HashMap<String, Func> =
        m.funcs.iter().filter(|f| inlinable(f)).map(|f| (f.name.clone(), f.clone())).collect();
    if callees.is_empty() {
        return;
    }
    // (caller, callee) for every inlined call, for the method-liveness tables.
    let mut inlined: Vec<(String, String)> = Vec::new();
    for f in m.funcs.iter_mut() {
        if !super::optimizable(f) {
            continue;
        }
        let mut changed = false;
        while let Some((bi, k, name)) = next_call(f, &callees, f.blocks.iter().map(|b| b.insts.len()).sum()) {
            inline_call(f, bi, k, &callees[&name]);
            inlined.push((f.name.clone(), name));
            changed = true;
        }
        if changed {
            merge_blocks(f);
        }
    }
    inlined.sort();
    inlined.dedup();
    attribute_to_callers(m, &inlined);
}

/// Copies the entries of `go..ifacecalls` (32 bytes each) and `go..ifaceconvs` (16 bytes) that name an
/// inlined callee at offset 0, with the caller's name instead, for every (caller, callee) in `inlined`.
fn attribute_to_callers(m: &mut Module, inlined: &[(String, String)]) {
    if inlined.is_empty() {
        return;
    }
    let mut by_callee: HashMap<&str, Vec<&str>> = HashMap::new();
    for (caller, callee) in inlined {
        by_callee.entry(callee.as_str()).or_default().push(caller.as_str());
    }
    for (table, size) in [(crate::link::methods::IFACE_CALLS, 32u32), (crate::link::methods::IFACE_CONVS, 16)] {
        let Some(d) = m.data.iter_mut().find(|d| d.name == table) else { continue };
        let entries = d.bytes.len() as u32 / size;
        for e in 0..entries {
            let at = e * size;
            let Some(who) = d.relocs.iter().find(|r| r.offset == at).map(|r| r.target.clone()) else { continue };
            let Some(callers) = by_callee.get(who.as_str()) else { continue };
            let relocs: Vec<_> = d.relocs.iter().filter(|r| r.offset >= at && r.offset < at + size).cloned().collect();
            let bytes = d.bytes[at as usize..(at + size) as usize].to_vec();
            for caller in callers {
                let base = d.bytes.len() as u32;
                d.bytes.extend_from_slice(&bytes);
                for r in &relocs {
                    let mut r = r.clone();
                    r.offset = r.offset - at + base;
                    if r.offset == base {
                        r.target = caller.to_string();
                    }
                    d.relocs.push(r);
                }
            }
        }
        d.size = d.bytes.len() as u64;
    }
}

/// Runtime calls a callee may not make to be inlined: those that depend on the callee's own frame or
/// that gc does not inline either (`defer`, `recover`, `go`, `select`).
const FRAME_BOUND: &[&str] = &[
    "g1c_deferproc",
    "g1c_deferprocstack",
    "g1c_deferreturn",
    "g1c_gorecover",
    "g1c_wrapper_argp",
    "g1c_newproc",
    "g1c_selectgo",
];

/// The callee qualifies for inlining (see the module comment).
fn inlinable(f: &Func) -> bool {
    let n: usize = f.blocks.iter().map(|b| b.insts.len()).sum();
    if n > MAX_INSTS || f.noinline || !super::optimizable(f) || !f.blocks.iter().any(|b| b.term == Term::Return) {
        return false;
    }
    let counts = def_counts(f);
    let mut arg: Vec<bool> = vec![false; f.vregs.len()];
    for i in f.blocks.iter().flat_map(|b| &b.insts) {
        if let Op::ArgAddr { dst, .. } = i.op {
            arg[dst.0 as usize] = true;
        }
    }
    let is_arg = |v: VReg| arg[v.0 as usize];
    f.blocks.iter().flat_map(|b| &b.insts).all(|i| match &i.op {
        Op::CallRt { sym, args, .. } => {
            !FRAME_BOUND.contains(&sym.as_str())
                && !RETURNS_TWICE.contains(&sym.as_str())
                && args.iter().all(|&a| !is_arg(a))
        }
        Op::ClosureCtx { .. } => false,
        Op::ArgAddr { dst, .. } => counts[dst.0 as usize] == 1,
        Op::Load { .. } | Op::MemZero { .. } => true,
        // An argument-area address may only be used as an address (frame.rs sizes the area from them).
        Op::Store { src, .. } => !is_arg(*src),
        Op::MemCopy { .. } => true,
        op => {
            let mut ok = true;
            op.for_each_use(|u| ok &= !is_arg(u));
            ok
        }
    }) && f.blocks.iter().all(|b| b.term.used().is_none_or(|c| !is_arg(c)))
}

/// Whether `f` makes Go calls: its arguments then cannot stay in the caller's outgoing area, which those
/// calls use.
fn calls_go(f: &Func) -> bool {
    f.blocks.iter().flat_map(|b| &b.insts).any(|i| matches!(i.op, Op::CallGo { .. } | Op::OutArgAddr { .. }))
}

/// The first direct call in `f` to a function of `callees` that is neither `f` itself nor a function the
/// call is already inlined from (a recursion cycle): (block, index, name).
fn next_call(f: &Func, callees: &HashMap<String, Func>, size: usize) -> Option<(usize, usize, String)> {
    for (bi, b) in f.blocks.iter().enumerate() {
        for (k, i) in b.insts.iter().enumerate() {
            if let Op::CallGo { callee: Callee::Direct(name), .. } = &i.op {
                if let Some(c) = callees.get(name) {
                    let n: usize = c.blocks.iter().map(|b| b.insts.len()).sum();
                    if *name != f.name && size + n <= MAX_CALLER_INSTS && !inlined_from(f, i.line, name) {
                        return Some((bi, k, name.clone()));
                    }
                }
            }
        }
    }
    None
}

/// Whether code of line value `line` lies in an inlined call of `name`, at any depth.
fn inlined_from(f: &Func, line: u32, name: &str) -> bool {
    let mut at = f.inl_of(line);
    let mut depth = 0;
    while let Some(k) = at {
        let c = &f.inl[k as usize];
        if c.func == name || depth > MAX_DEPTH {
            return true;
        }
        at = f.inl_of(c.call);
        depth += 1;
    }
    false
}

/// The byte size of a scalar of type `t` (amd64).
fn size(t: Ty) -> i64 {
    t.size(8) as i64
}

/// Whether the byte ranges `[a, a+n)` and `[b, b+m)` overlap.
fn overlap(a: i64, n: i64, b: i64, m: i64) -> bool {
    a < b + m && b < a + n
}

/// The offsets of the vregs of `f` written once by `OutArgAddr` (`out`) or `ArgAddr` (`arg = true`).
fn area_offsets(f: &Func, arg: bool) -> Vec<Option<i64>> {
    let counts = def_counts(f);
    let mut at = vec![None; f.vregs.len()];
    for i in f.blocks.iter().flat_map(|b| &b.insts) {
        match i.op {
            Op::OutArgAddr { dst, offset } if !arg && counts[dst.0 as usize] == 1 => {
                at[dst.0 as usize] = Some(offset as i64)
            }
            Op::ArgAddr { dst, offset } if arg && counts[dst.0 as usize] == 1 => {
                at[dst.0 as usize] = Some(offset as i64)
            }
            _ => {}
        }
    }
    at
}

/// Whether `op` may write memory other than through a store to a known outgoing-area address.
fn writes_unknown(op: &Op) -> bool {
    matches!(op, Op::CallGo { .. } | Op::CallRt { .. } | Op::MemCopy { .. } | Op::MemZero { .. })
}

/// Replaces the call `f.blocks[bi].insts[k]` by the body of `c`.
fn inline_call(f: &mut Func, bi: usize, k: usize, c: &Func) {
    let out_at = area_offsets(f, false);
    let arg_at = area_offsets(c, true);
    let call = std::mem::take(&mut f.blocks[bi].insts);
    let line = call[k].line;
    // The call's entry in the inline tree, then the callee's own inlined calls below it.
    let this = f.inl.len() as u32;
    f.inl.push(InlCall { func: c.name.clone(), call: line });
    let mut lines = Lines { this, base: f.inl.len() as u32, memo: HashMap::new() };
    for ic in &c.inl {
        let call = lines.map(f, c, ic.call);
        f.inl.push(InlCall { func: ic.func.clone(), call });
    }
    let head: Vec<Inst> = call[..k].to_vec();
    let mut tail: Vec<Inst> = call[k + 1..].to_vec();

    // The arguments: the last store to each outgoing-area location before the call, whose value is not
    // written again before it.
    let mut args: Vec<(i64, Ty, VReg)> = Vec::new();
    let mut written_after: Vec<VReg> = Vec::new();
    for i in head.iter().rev() {
        if writes_unknown(&i.op) {
            break;
        }
        if let Op::Store { addr, offset, src } = i.op {
            if let Some(o) = out_at[addr.0 as usize] {
                let (at, t) = (o + offset as i64, f.ty(src));
                let shadowed = args.iter().any(|&(a, u, _)| overlap(a, size(u), at, size(t)));
                if !shadowed && !written_after.contains(&src) {
                    args.push((at, t, src));
                } else if !shadowed {
                    // A later write of the value: the location is still this store's, but unknown to us.
                    args.push((at, t, VReg(u32::MAX)));
                }
            }
        }
        i.op.for_each_def(|d| written_after.push(d));
    }
    args.retain(|a| a.2 != VReg(u32::MAX));

    // The results every return block stores last: (location, type) → the caller's new vreg.
    let mut results: Vec<(i64, Ty, VReg)> = Vec::new();
    let returns: Vec<&Block> = c.blocks.iter().filter(|b| b.term == Term::Return).collect();
    let last_stores = |b: &Block| -> Vec<(i64, Ty)> {
        let mut found: Vec<(i64, Ty)> = Vec::new();
        let mut clobbered: Vec<(i64, i64)> = Vec::new();
        for i in b.insts.iter().rev() {
            match i.op {
                Op::Store { addr, offset, src } => {
                    if let Some(o) = arg_at[addr.0 as usize] {
                        let (at, t) = (o + offset as i64, c.ty(src));
                        if !clobbered.iter().any(|&(a, n)| overlap(a, n, at, size(t))) {
                            found.push((at, t));
                        }
                        clobbered.push((at, size(t)));
                    }
                    // A store elsewhere cannot reach the argument area: only the callee's own
                    // argument-area addresses do.
                }
                Op::MemCopy { .. } | Op::MemZero { .. } => return found,
                _ => {}
            }
        }
        found
    };
    if let Some((first, rest)) = returns.split_first() {
        let others: Vec<Vec<(i64, Ty)>> = rest.iter().map(|b| last_stores(b)).collect();
        for (at, t) in last_stores(first) {
            if others.iter().all(|o| o.contains(&(at, t))) {
                results.push((at, t, f.new_vreg(t)));
            }
        }
    }

    // The callee's vregs, slots and blocks in the caller.
    let vbase = f.vregs.len() as u32;
    f.vregs.extend(c.vregs.iter().copied());
    let sbase = f.slots.len() as u32;
    f.slots.extend(c.slots.iter().cloned());
    let nc = c.blocks.len() as u32;
    let (first_callee, cont) = (bi as u32 + 1, bi as u32 + 1 + nc);
    let shift_old = |b: BlockId| if b.0 as usize > bi { BlockId(b.0 + nc + 1) } else { b };
    let mv = |v: VReg| VReg(v.0 + vbase);
    let mb = |b: BlockId| BlockId(b.0 + first_callee);

    // Locations the callee writes: an argument load there may not read the caller's stored value.
    let mut callee_writes: Vec<(i64, i64)> = Vec::new();
    for i in c.blocks.iter().flat_map(|b| &b.insts) {
        match i.op {
            Op::Store { addr, offset, src } => {
                if let Some(o) = arg_at[addr.0 as usize] {
                    callee_writes.push((o + offset as i64, size(c.ty(src))));
                }
            }
            Op::MemCopy { dst: addr, size: n, .. } | Op::MemZero { addr, size: n } => {
                if let Some(o) = arg_at[addr.0 as usize] {
                    callee_writes.push((o, n as i64));
                }
            }
            _ => {}
        }
    }
    args.retain(|&(a, t, _)| !callee_writes.iter().any(|&(b, n)| overlap(a, size(t), b, n)));

    // A callee that makes Go calls keeps its arguments and results in a slot of the caller instead: its
    // calls use the outgoing area. The slot takes the caller's stores at entry unless every read of it is
    // one of the forwarded loads, and gives back what the callee wrote at each return.
    let own_area = calls_go(c).then(|| {
        f.slots.push(Slot { size: c.args_size as u64, align: 8, name: format!("{} args", c.name) });
        SlotId(f.slots.len() as u32 - 1)
    });
    let forwarded = |op: &Op| match *op {
        Op::Load { dst, addr, offset } => {
            let at = arg_at[addr.0 as usize].map(|o| o + offset as i64);
            args.iter().any(|&(a, t, _)| Some(a) == at && t == c.ty(dst))
        }
        _ => false,
    };
    let reads_area = c.blocks.iter().flat_map(|b| &b.insts).any(|i| match i.op {
        Op::Load { addr, .. } => arg_at[addr.0 as usize].is_some() && !forwarded(&i.op),
        Op::MemCopy { src, .. } => arg_at[src.0 as usize].is_some(),
        _ => false,
    });
    let written_end = callee_writes.iter().map(|&(a, n)| a + n).max().unwrap_or(0);

    let mut body: Vec<Block> = Vec::with_capacity(c.blocks.len());
    for (bj, b) in c.blocks.iter().enumerate() {
        // In a return block, the result locations stored last, and the index of that last store.
        let last = if b.term == Term::Return { last_stores(b) } else { Vec::new() };
        let mut last_at: Vec<(usize, VReg)> = Vec::new();
        for (key, r) in results.iter().map(|&(a, t, r)| ((a, t), r)).filter(|(k, _)| last.contains(k)) {
            let found = b.insts.iter().enumerate().rev().find(|(_, i)| match i.op {
                Op::Store { addr, offset, src } => {
                    arg_at[addr.0 as usize].is_some_and(|o| (o + offset as i64, c.ty(src)) == key)
                }
                _ => false,
            });
            if let Some((k, _)) = found {
                last_at.push((k, r));
            }
        }
        let mut insts = Vec::with_capacity(b.insts.len());
        if let (0, Some(slot), true) = (bj, own_area, reads_area) {
            let (o, a) = (f.new_vreg(Ty::Ptr), f.new_vreg(Ty::Ptr));
            insts.push(Inst { line, op: Op::OutArgAddr { dst: o, offset: 0 } });
            insts.push(Inst { line, op: Op::SlotAddr { dst: a, slot } });
            insts.push(Inst { line, op: Op::MemCopy { dst: a, src: o, size: c.args_size as u64 } });
        }
        for (k, i) in b.insts.iter().enumerate() {
            let at_line = lines.map(f, c, i.line);
            let op = match i.op {
                Op::ArgAddr { dst, offset } => match own_area {
                    None => Op::OutArgAddr { dst: mv(dst), offset },
                    Some(slot) if offset == 0 => Op::SlotAddr { dst: mv(dst), slot },
                    Some(slot) => {
                        let (a, n) = (f.new_vreg(Ty::Ptr), f.new_vreg(Ty::Ptr));
                        insts.push(Inst { line: at_line, op: Op::SlotAddr { dst: a, slot } });
                        insts.push(Inst { line: at_line, op: Op::Const { dst: n, value: offset as i64 } });
                        Op::Binary { op: BinOp::Add, dst: mv(dst), x: a, y: n }
                    }
                },
                Op::Load { dst, addr, offset } => {
                    let at = arg_at[addr.0 as usize].map(|o| o + offset as i64);
                    match args.iter().find(|&&(a, t, _)| Some(a) == at && t == c.ty(dst)) {
                        Some(&(_, _, v)) => Op::Copy { dst: mv(dst), src: v },
                        None => remap(&i.op, &mv),
                    }
                }
                Op::SlotAddr { dst, slot } => Op::SlotAddr { dst: mv(dst), slot: SlotId(slot.0 + sbase) },
                _ => remap(&i.op, &mv),
            };
            insts.push(Inst { line: at_line, op });
            if let (Some(&(_, r)), Op::Store { src, .. }) = (last_at.iter().find(|(at, _)| *at == k), &i.op) {
                insts.push(Inst { line: at_line, op: Op::Copy { dst: r, src: mv(*src) } });
            }
        }
        let term_line = lines.map(f, c, b.term_line);
        if let (Term::Return, Some(slot), true) = (&b.term, own_area, written_end > 0) {
            let (o, a) = (f.new_vreg(Ty::Ptr), f.new_vreg(Ty::Ptr));
            insts.push(Inst { line: term_line, op: Op::OutArgAddr { dst: o, offset: 0 } });
            insts.push(Inst { line: term_line, op: Op::SlotAddr { dst: a, slot } });
            insts.push(Inst { line: term_line, op: Op::MemCopy { dst: o, src: a, size: written_end as u64 } });
        }
        let term = match &b.term {
            Term::Jump(t) => Term::Jump(mb(*t)),
            Term::Branch { cond, then, els } => Term::Branch { cond: mv(*cond), then: mb(*then), els: mb(*els) },
            Term::Return => Term::Jump(BlockId(cont)),
            Term::Unreachable => Term::Unreachable,
        };
        body.push(Block::new(insts, term, term_line));
    }

    // The caller's reads of the results right after the call read the new vregs.
    let mut live_results = results.clone();
    for i in tail.iter_mut() {
        if writes_unknown(&i.op) || live_results.is_empty() {
            break;
        }
        match i.op {
            Op::Load { dst, addr, offset } => {
                if let Some(o) = out_at[addr.0 as usize] {
                    let at = o + offset as i64;
                    if let Some(&(_, _, r)) = live_results.iter().find(|&&(a, t, _)| a == at && t == f.ty(dst)) {
                        i.op = Op::Copy { dst, src: r };
                    }
                }
            }
            Op::Store { addr, offset, src } => {
                if let Some(o) = out_at[addr.0 as usize] {
                    let (at, n) = (o + offset as i64, size(f.ty(src)));
                    live_results.retain(|&(a, t, _)| !overlap(a, size(t), at, n));
                }
            }
            _ => {}
        }
        // A result vreg read later keeps its value: nothing else writes it.
    }

    // Renumber the caller's later blocks and put the body and the rest of the block after the call.
    let old = std::mem::take(&mut f.blocks);
    let mut blocks: Vec<Block> = Vec::with_capacity(old.len() + body.len() + 1);
    let mut rest_term = None;
    for (j, mut b) in old.into_iter().enumerate() {
        b.term = match b.term {
            Term::Jump(t) => Term::Jump(shift_old(t)),
            Term::Branch { cond, then, els } => Term::Branch { cond, then: shift_old(then), els: shift_old(els) },
            t => t,
        };
        if j == bi {
            rest_term = Some((b.term.clone(), b.term_line));
            blocks.push(Block::new(head.clone(), Term::Jump(BlockId(first_callee)), line));
            blocks.append(&mut body);
            blocks.push(Block::new(Vec::new(), Term::Unreachable, 0));
        } else {
            blocks.push(b);
        }
    }
    if let Some((term, term_line)) = rest_term {
        blocks[cont as usize] = Block::new(tail, term, term_line);
    }
    f.blocks = blocks;
}

/// The line values of an inlined callee's code in the caller: the callee's position, in the inlined call
/// `this`, or for code the callee had inlined itself, in that call's copy (`base` + its index).
struct Lines {
    this: u32,
    base: u32,
    memo: HashMap<u32, u32>,
}

impl Lines {
    fn map(&mut self, f: &mut Func, c: &Func, v: u32) -> u32 {
        if v == 0 {
            // No position: the code goes on with the line before it.
            return 0;
        }
        if let Some(&m) = self.memo.get(&v) {
            return m;
        }
        let (file, line) = c.source_line(v);
        let inl = Some(c.inl_of(v).map_or(self.this, |k| self.base + k));
        let m = f.line_value(ExtLine { file: file.to_string(), line, inl });
        self.memo.insert(v, m);
        m
    }
}

/// `op` with every vreg it reads or writes renamed by `mv`.
fn remap(op: &Op, mv: &impl Fn(VReg) -> VReg) -> Op {
    let mut op = op.clone();
    op.map_uses(mv);
    op.map_defs(mv);
    op
}

/// Merges every block that ends in a jump to a block with no other predecessor (not the entry) with that
/// block; the emptied block becomes `unreachable`.
fn merge_blocks(f: &mut Func) {
    let nb = f.blocks.len();
    let mut preds = vec![0u32; nb];
    for b in &f.blocks {
        for s in b.term.succs() {
            preds[s.0 as usize] += 1;
        }
    }
    for a in 0..nb {
        while let Term::Jump(t) = f.blocks[a].term {
            let t = t.0 as usize;
            if t == a || t == 0 || preds[t] != 1 {
                break;
            }
            let b = std::mem::replace(&mut f.blocks[t], Block::new(Vec::new(), Term::Unreachable, 0));
            preds[t] = 0;
            let blk = &mut f.blocks[a];
            blk.insts.extend(b.insts);
            blk.term = b.term;
            blk.term_line = b.term_line;
        }
    }
}
