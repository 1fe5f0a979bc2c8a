//! Register allocation on amd64: which vregs live in a register for their whole life, and which in their
//! frame home.
//!
//! In: an IR function. Out: an [`Alloc`], one [`Loc`] per vreg, read by `frame.rs` (only `Loc::Home` vregs
//! get a home) and by `isel.rs` (operands come from the vreg's register or its home).
//!
//! The method is linear scan (Poletto and Sarkar) over one interval per vreg: the vreg's span in the
//! function's block order, from the first point where it is live or written to the last where it is live or
//! read (`ir/live.rs`). The interval has no holes and is never split, so a vreg keeps one register
//! everywhere, across blocks and loops, and no moves are needed at block edges. When no register is free,
//! the interval used least (reads and writes weighted by 8^loop depth) gives way and stays in its home.
//!
//! What isel needs from the allocation (positions: an instruction reads at `2k`, writes at `2k+1`, so a
//! result may take the register of an operand that dies in the same instruction; isel reads every operand
//! before it writes the result):
//! - A vreg live across a call is saved to its frame home before the call and loaded back after it (`saves`),
//!   or, when that would cost about as much as keeping it in memory (weights: 8^loop depth per block), kept
//!   in memory. ABI0 preserves no register, and the runtime's C-ABI calls (`CallRt`) may stop the world for
//!   the garbage collector, which scans goroutine stacks conservatively (rt/src/gc.rs): a pointer live
//!   across a call is in the frame during the call, where that scan finds it, whatever the callee does with
//!   the registers. `MemCopy` of more than six pieces calls `g1c_memmove`, a call as well.
//! - isel's fixed registers are never allocated: RAX, RCX, RDX (scratch, DX the closure context), XMM0,
//!   XMM1 (scratch), RSP, RBP. The others are allocated but some operations write them: the System V argument
//!   registers (RSI, RDI, R8, R9, XMM2–XMM7) for `CallRt`, RSI, RDI, R8–R10 for `MemCopy`, RDI for `MemZero`.
//!   A vreg live across such an operation, or read by it (isel fills those registers while it reads the
//!   operands), avoids the registers it writes.
//!
//! Deterministic: intervals are ordered by (start, vreg number), registers tried in a fixed order.

use crate::ir::live::{def_counts, liveness, step_back};
use crate::ir::{BinOp, Cond, ConvOp, Func, Op, Term, Ty, VReg};
use asm::x86::{
    Gpr, Xmm, R10, R11, R12, R13, R14, R15, R8, R9, RBX, RDI, RSI, XMM10, XMM11, XMM12, XMM13, XMM14, XMM15, XMM2,
    XMM3, XMM4, XMM5, XMM6, XMM7, XMM8, XMM9,
};

/// Where a vreg lives for the whole function.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Loc {
    /// Its 8-byte home in the frame (frame.rs).
    Home,
    Gpr(Gpr),
    Xmm(Xmm),
}

pub struct Alloc {
    pub loc: Vec<Loc>,
    /// The value of each vreg written once, by a `Const` (isel uses it as an immediate).
    pub konst: Vec<Option<i64>>,
    /// Per block: its last instruction is an integer `Cmp` whose result only the block's `Branch` reads, so
    /// isel branches on the flags and never materializes the result.
    pub fused: Vec<bool>,
    /// Per block, `(instruction index, vregs)`: the vregs in registers that are live across that call;
    /// isel stores them to their homes before it and loads them back after it.
    pub saves: Vec<Vec<(u32, Vec<VReg>)>>,
    /// The vreg needs a frame home: an instruction or terminator names it, and it is in memory, or in a
    /// register saved around calls. (The optimizer leaves the vregs of the instructions it deleted in the
    /// function's table: giving them homes made frames of kilobytes, and segment splits where gc's frames
    /// fit.)
    pub needs_home: Vec<bool>,
    /// The vreg is a constant that every reader takes as an immediate (see [`immediate_only`]): isel emits
    /// nothing for its `Const`, and it has neither register nor home.
    pub imm_only: Vec<bool>,
    /// The vreg is a frame address (a slot, the incoming or the outgoing argument area) that every reader
    /// uses as the address of a load or store (see [`frame_addresses`]): isel puts it in the memory operand
    /// (`[rbp+k]`, `[rsp+k]`), emits nothing for its definition, and it has neither register nor home.
    pub frame_addr: Vec<Option<FrameAddr>>,
}

/// A fixed address in the frame, as the IR names it.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum FrameAddr {
    Slot(crate::ir::SlotId),
    /// `ArgAddr`: the incoming argument area at this offset.
    Arg(u32),
    /// `OutArgAddr`: the outgoing argument area at this offset.
    Out(u32),
}

impl Alloc {
    /// Every vreg in its home: the naive code of DESIGN §4.
    pub fn all_home(f: &Func) -> Alloc {
        let konst = if well_formed(f) { constants(f) } else { vec![None; f.vregs.len()] };
        Alloc {
            loc: vec![Loc::Home; f.vregs.len()],
            konst,
            fused: vec![false; f.blocks.len()],
            saves: vec![Vec::new(); f.blocks.len()],
            needs_home: referenced(f),
            imm_only: vec![false; f.vregs.len()],
            frame_addr: vec![None; f.vregs.len()],
        }
    }
    pub fn loc(&self, v: VReg) -> Loc {
        self.loc.get(v.0 as usize).copied().unwrap_or(Loc::Home)
    }
}

/// The allocatable general-purpose registers, in the order they are tried: first those no operation
/// writes, then the System V argument registers.
const GPRS: [Gpr; 11] = [RBX, R12, R13, R14, R15, R11, R10, R9, R8, RDI, RSI];
/// The allocatable SSE registers, those outside the argument registers first.
const XMMS: [Xmm; 14] = [XMM8, XMM9, XMM10, XMM11, XMM12, XMM13, XMM14, XMM15, XMM7, XMM6, XMM5, XMM4, XMM3, XMM2];

/// A set of allocatable registers: bit `i` is `GPRS[i]`, bit `16 + j` is `XMMS[j]`.
type Mask = u32;
const ALL: Mask = u32::MAX;

fn gpr_bit(r: Gpr) -> Mask {
    GPRS.iter().position(|g| g.num == r.num).map_or(0, |i| 1 << i)
}
fn xmm_bit(x: Xmm) -> Mask {
    XMMS.iter().position(|y| y.0 == x.0).map_or(0, |j| 1 << (16 + j))
}

/// The registers isel writes while it executes `op` (before its result is written).
fn clobbers(op: &Op) -> Mask {
    let sysv = gpr_bit(RSI) | gpr_bit(RDI) | gpr_bit(R8) | gpr_bit(R9);
    let sysv_xmm = [XMM2, XMM3, XMM4, XMM5, XMM6, XMM7].iter().fold(0, |m, x| m | xmm_bit(*x));
    match op {
        Op::CallGo { .. } | Op::CallRt { .. } => ALL,
        Op::MemCopy { size, .. } if pieces(*size) > 6 => ALL,
        Op::MemCopy { .. } => sysv | gpr_bit(R10) | sysv_xmm,
        Op::MemZero { .. } => gpr_bit(RDI),
        _ => 0,
    }
}

/// The registers that must not hold an operand of `op`: those isel fills while it reads the operands.
fn operand_clobbers(op: &Op) -> Mask {
    match op {
        Op::CallRt { .. } => {
            let sysv = gpr_bit(RSI) | gpr_bit(RDI) | gpr_bit(R8) | gpr_bit(R9);
            [XMM2, XMM3, XMM4, XMM5, XMM6, XMM7].iter().fold(sysv, |m, x| m | xmm_bit(*x))
        }
        Op::MemCopy { .. } | Op::MemZero { .. } => clobbers(&Op::MemCopy { dst: VReg(0), src: VReg(0), size: 0 }),
        _ => 0,
    }
}

/// The number of moves isel splits a `MemCopy` of `size` bytes into (as `isel::Gen::pieces`).
fn pieces(size: u64) -> u64 {
    size / 8 + (size % 8).count_ones() as u64
}

/// Per vreg: whether an instruction or a terminator reads or writes it.
fn referenced(f: &Func) -> Vec<bool> {
    let mut r = vec![false; f.vregs.len()];
    let mut mark = |v: VReg| {
        if let Some(x) = r.get_mut(v.0 as usize) {
            *x = true;
        }
    };
    for b in &f.blocks {
        for i in &b.insts {
            i.op.for_each_use(&mut mark);
            i.op.for_each_def(&mut mark);
        }
        if let Some(c) = b.term.used() {
            mark(c);
        }
    }
    r
}

/// Every vreg and block the function names exists. Codegen must report bad IR as an error, not panic: when
/// this fails, everything stays in memory and isel reports what is wrong.
fn well_formed(f: &Func) -> bool {
    let (nv, nb) = (f.vregs.len() as u32, f.blocks.len() as u32);
    let mut ok = true;
    for b in &f.blocks {
        for i in &b.insts {
            i.op.for_each_use(|v| ok &= v.0 < nv);
            i.op.for_each_def(|v| ok &= v.0 < nv);
        }
        ok &= b.term.used().is_none_or(|v| v.0 < nv);
        ok &= b.term.succs().iter().all(|s| s.0 < nb);
    }
    ok
}

/// The value of every vreg written exactly once, by a `Const` or by a `Bitcast` of such a constant (the
/// lowering's constant offsets into memory are pointer bitcasts of integers): where it is read, it holds
/// that value (the lowering never reads a vreg before writing it).
fn constants(f: &Func) -> Vec<Option<i64>> {
    let counts = def_counts(f);
    let mut k = vec![None; f.vregs.len()];
    for b in &f.blocks {
        for i in &b.insts {
            if let Op::Const { dst, value } = i.op {
                if counts[dst.0 as usize] == 1 {
                    k[dst.0 as usize] = Some(value);
                }
            }
        }
    }
    for b in &f.blocks {
        for i in &b.insts {
            if let Op::Convert { op: ConvOp::Bitcast, dst, src } = i.op {
                let (dt, st) = (f.vregs[dst.0 as usize], f.vregs[src.0 as usize]);
                let int = |t: Ty| !t.is_float() && t.size(8) == 8;
                if counts[dst.0 as usize] == 1 && int(dt) && int(st) {
                    k[dst.0 as usize] = k[src.0 as usize];
                }
            }
        }
    }
    k
}

/// How often each block runs, relative to the others: 8^(loop depth), the depth counted over the natural
/// loops of the back edges a depth-first walk from the entry finds.
fn block_weights(f: &Func) -> Vec<u64> {
    let nb = f.blocks.len();
    let succs: Vec<Vec<usize>> =
        f.blocks.iter().map(|b| b.term.succs().iter().map(|s| s.0 as usize).collect()).collect();
    let mut preds = vec![Vec::new(); nb];
    for (b, ss) in succs.iter().enumerate() {
        for &s in ss {
            preds[s].push(b);
        }
    }
    // Iterative DFS; an edge to a block on the stack is a back edge.
    let (mut state, mut back) = (vec![0u8; nb], Vec::new()); // 0 new, 1 on stack, 2 done
    let mut stack = vec![(0usize, 0usize)];
    state[0] = 1;
    while let Some(&mut (b, ref mut i)) = stack.last_mut() {
        if let Some(&s) = succs[b].get(*i) {
            *i += 1;
            match state[s] {
                0 => {
                    state[s] = 1;
                    stack.push((s, 0));
                }
                1 => back.push((b, s)),
                _ => {}
            }
        } else {
            state[b] = 2;
            stack.pop();
        }
    }
    let mut depth = vec![0u32; nb];
    let mut mark = vec![usize::MAX; nb];
    for (k, &(src, head)) in back.iter().enumerate() {
        // The natural loop: the header and every block that reaches `src` without passing the header.
        mark[head] = k;
        depth[head] += 1;
        let mut work = vec![src];
        while let Some(b) = work.pop() {
            if mark[b] == k {
                continue;
            }
            mark[b] = k;
            depth[b] += 1;
            work.extend(preds[b].iter().copied());
        }
    }
    depth.iter().map(|&d| 8u64.pow(d.min(6))).collect()
}

/// Whether `v`, read as an operand of type `ty`, is a 32-bit immediate in every form isel gives it: as is
/// (arithmetic), and sign- or zero-extended from the width (comparisons).
pub fn imm_fits(ty: crate::ir::Ty, v: i64) -> bool {
    let s = 64 - ty.size(8) * 8;
    let (sx, zx) = ((v << s) >> s, (((v as u64) << s) >> s) as i64);
    [v, sx, zx].iter().all(|x| i32::try_from(*x).is_ok())
}

/// The count of a shift of a value of type `xt` by the constant `k` of type `yt`, when it is below the
/// width of `xt` (isel then shifts by an immediate; a larger count gives 0 or the sign fill, handled apart).
pub fn shift_imm(xt: crate::ir::Ty, yt: crate::ir::Ty, k: i64) -> Option<u32> {
    let s = 64 - yt.size(8) * 8;
    let n = ((k as u64) << s) >> s;
    (n < (xt.size(8) * 8) as u64).then_some(n as u32)
}

/// The constants that isel reads only as immediates: every read is the second operand of an integer
/// `Add`, `Sub`, `And`, `Or`, `Xor` or `Cmp` (or the first of a `Cmp` whose second is not a constant) and
/// the value fits (`imm_fits`), the count of a shift below
/// the shifted value's width (`shift_imm`), or an integer argument of a `CallRt`.
fn immediate_only(f: &Func, konst: &[Option<i64>]) -> Vec<bool> {
    let mut ok: Vec<bool> = konst.iter().enumerate().map(|(v, k)| k.is_some_and(|k| imm_fits(f.vregs[v], k))).collect();
    // `(src, dst)` of the bitcasts of constants: emitted only when `dst` needs a register, and only then is
    // `src` read.
    let mut casts: Vec<(VReg, VReg)> = Vec::new();
    for b in &f.blocks {
        for i in &b.insts {
            let y_imm = match &i.op {
                Op::Convert { op: ConvOp::Bitcast, dst, src } if konst[dst.0 as usize].is_some() => {
                    casts.push((*src, *dst));
                    continue;
                }
                Op::Binary { op: BinOp::Add | BinOp::Sub | BinOp::And | BinOp::Or | BinOp::Xor, x, y, .. }
                    if !f.ty(*x).is_float() =>
                {
                    Some(*y)
                }
                // x too when y is not a constant: isel then compares y with x, the condition swapped.
                Op::Cmp { cond, x, y, .. }
                    if !matches!(cond, Cond::FEq | Cond::FNe | Cond::FLt | Cond::FLe | Cond::FGt | Cond::FGe) =>
                {
                    if konst[y.0 as usize].is_some() {
                        ok[x.0 as usize] = false;
                    }
                    continue;
                }
                Op::Binary { op: BinOp::Shl | BinOp::ShrS | BinOp::ShrU, x, y, .. }
                    if konst[y.0 as usize].and_then(|k| shift_imm(f.ty(*x), f.ty(*y), k)).is_some() =>
                {
                    Some(*y)
                }
                // isel moves integer arguments of runtime calls into their registers, an immediate as well.
                Op::CallRt { args, .. } => {
                    for a in args {
                        if f.ty(*a).is_float() {
                            ok[a.0 as usize] = false;
                        }
                    }
                    continue;
                }
                _ => None,
            };
            let mut first = true;
            i.op.for_each_use(|u| {
                // The second operand is the last use these operations report.
                let last = matches!(i.op, Op::Binary { .. } | Op::Cmp { .. }) && !first;
                first = false;
                if !(last && Some(u) == y_imm) {
                    ok[u.0 as usize] = false;
                }
            });
        }
        if let Some(c) = b.term.used() {
            ok[c.0 as usize] = false;
        }
    }
    // Chains of bitcasts: a source is read as soon as any cast after it is emitted.
    let mut changed = true;
    while changed {
        changed = false;
        for &(src, dst) in &casts {
            if !ok[dst.0 as usize] && ok[src.0 as usize] {
                ok[src.0 as usize] = false;
                changed = true;
            }
        }
    }
    ok
}

/// The vregs written once by `SlotAddr`, `ArgAddr` or `OutArgAddr` whose every read is the address operand
/// of a `Load` or `Store`: isel folds them into those instructions' memory operands.
fn frame_addresses(f: &Func) -> Vec<Option<FrameAddr>> {
    let counts = def_counts(f);
    let mut fa: Vec<Option<FrameAddr>> = vec![None; f.vregs.len()];
    for i in f.blocks.iter().flat_map(|b| &b.insts) {
        let (dst, a) = match i.op {
            Op::SlotAddr { dst, slot } => (dst, FrameAddr::Slot(slot)),
            Op::ArgAddr { dst, offset } => (dst, FrameAddr::Arg(offset)),
            Op::OutArgAddr { dst, offset } => (dst, FrameAddr::Out(offset)),
            _ => continue,
        };
        if counts[dst.0 as usize] == 1 {
            fa[dst.0 as usize] = Some(a);
        }
    }
    for b in &f.blocks {
        for i in &b.insts {
            match i.op {
                Op::Load { .. } => {}
                Op::Store { src, .. } => fa[src.0 as usize] = None,
                ref op => op.for_each_use(|u| fa[u.0 as usize] = None),
            }
        }
        if let Some(c) = b.term.used() {
            fa[c.0 as usize] = None;
        }
    }
    fa
}

/// Functions larger than this (blocks × vregs, the bits of the liveness sets) keep every vreg in its home.
const MAX_FUNC_SIZE: usize = 1 << 26;

pub fn allocate(f: &Func) -> Alloc {
    let nv = f.vregs.len();
    // A second return from `g1c_deferproc` resumes with the frame as it is and the registers as they are
    // not: such functions keep every vreg in memory.
    if nv == 0 || f.blocks.len().saturating_mul(nv) > MAX_FUNC_SIZE || f.returns_twice() || !well_formed(f) {
        return Alloc::all_home(f);
    }
    let live = liveness(f);
    let weight = block_weights(f);
    // Per vreg: how often it is read or written, and how often it is live across a call (each costs a store
    // and a load if it is in a register), both weighted by the blocks' frequencies.
    let mut refs = vec![0u64; nv];
    let mut calls = vec![0u64; nv];
    let mut crossings: Vec<(u32, u32, u32)> = Vec::new();
    const NONE: u32 = u32::MAX;
    let mut start = vec![NONE; nv];
    let mut end = vec![0u32; nv];
    let mut forbid: Vec<Mask> = vec![0; nv];
    let mut extend = |v: usize, p: u32| {
        if start[v] == NONE || p < start[v] {
            start[v] = p;
        }
        if p > end[v] {
            end[v] = p;
        }
    };
    // Global instruction numbers: each block's instructions, then its terminator.
    let mut first = 0u32;
    for (bi, b) in f.blocks.iter().enumerate() {
        let term = first + b.insts.len() as u32;
        // A block that ends in `Unreachable` (a panic: layout puts these last) is entered only from blocks
        // where its live-in vregs are live out, so they hold their values there whatever the linear order
        // says; its reads do not stretch the intervals to the end of the function, and what it defines
        // stays in memory so that no register it writes can be one an entering vreg still occupies.
        let cold = b.term == Term::Unreachable;
        for v in live.live_in(bi).filter(|_| !cold) {
            extend(v, 2 * first);
        }
        for v in live.live_out(bi) {
            extend(v, 2 * term + 1);
        }
        let mut l = live.out_set(bi);
        if let Some(c) = b.term.used() {
            extend(c.0 as usize, 2 * term);
            l.insert(c.0 as usize);
            refs[c.0 as usize] += weight[bi];
        }
        for (k, inst) in b.insts.iter().enumerate().rev() {
            let at = first + k as u32;
            let op = &inst.op;
            let c = clobbers(op);
            if c != 0 {
                // `l` is live after the instruction; what it writes is not live across it.
                let mut across = l.clone();
                op.for_each_def(|d| across.remove(d.0 as usize));
                for v in across.iter() {
                    if c == ALL {
                        // A call: the vreg is saved around it if it gets a register.
                        calls[v] += weight[bi];
                        crossings.push((bi as u32, k as u32, v as u32));
                    } else {
                        forbid[v] |= c;
                    }
                }
            }
            let oc = operand_clobbers(op);
            op.for_each_def(|d| {
                if cold {
                    forbid[d.0 as usize] = ALL;
                } else {
                    extend(d.0 as usize, 2 * at + 1);
                }
                refs[d.0 as usize] += weight[bi];
            });
            op.for_each_use(|u| {
                if !cold {
                    extend(u.0 as usize, 2 * at);
                }
                forbid[u.0 as usize] |= oc;
                refs[u.0 as usize] += weight[bi];
            });
            step_back(&mut l, op);
        }
        first = term + 1;
    }

    // Compare-and-branch: the comparison's result dies at the branch (its interval ends at the branch's
    // read, so it is not live out).
    let mut fused = vec![false; f.blocks.len()];
    let mut first = 0u32;
    for (bi, b) in f.blocks.iter().enumerate() {
        let term = first + b.insts.len() as u32;
        if let (Some(last), Term::Branch { cond, .. }) = (b.insts.last(), &b.term) {
            if let Op::Cmp { cond: c, dst, .. } = last.op {
                let int = !matches!(c, Cond::FEq | Cond::FNe | Cond::FLt | Cond::FLe | Cond::FGt | Cond::FGe);
                fused[bi] = int && dst == *cond && end[dst.0 as usize] == 2 * term;
            }
        }
        first = term + 1;
    }

    // A vreg whose saves around calls would cost about as much as its reads and writes from memory stays
    // in memory.
    for v in 0..nv {
        if calls[v] > 0 && 2 * calls[v] >= refs[v] {
            forbid[v] = ALL;
        }
    }

    let konst = constants(f);
    let frame_addr = frame_addresses(f);
    // A frame address folded into its readers needs no register, as an immediate needs none.
    let imm_only: Vec<bool> =
        immediate_only(f, &konst).iter().zip(&frame_addr).map(|(i, a)| *i || a.is_some()).collect();
    let mut order: Vec<usize> = (0..nv).filter(|&v| start[v] != NONE && !imm_only[v]).collect();
    order.sort_by_key(|&v| (start[v], v));
    let mut loc = vec![Loc::Home; nv];
    // Active intervals holding a register: (vreg, register bit).
    let mut active: Vec<(usize, Mask)> = Vec::new();
    let mut used: Mask = 0;
    for v in order {
        active.retain(|&(w, bit)| {
            let keep = end[w] >= start[v];
            if !keep {
                used &= !bit;
            }
            keep
        });
        let float = f.vregs[v].is_float();
        let class: Mask = if float { ((1 << XMMS.len()) - 1) << 16 } else { (1 << GPRS.len()) - 1 };
        let allowed = class & !forbid[v];
        if allowed == 0 {
            continue;
        }
        let free = allowed & !used;
        let bit = if free != 0 {
            free & free.wrapping_neg()
        } else {
            // Spill the interval read and written least often (weighted by loop depth), this one or an active
            // one whose register suits it; ties go to the one that ends last.
            let cand = active
                .iter()
                .enumerate()
                .filter(|(_, &(w, b))| b & allowed != 0 && (refs[w], u32::MAX - end[w]) < (refs[v], u32::MAX - end[v]))
                .min_by_key(|(_, &(w, _))| (refs[w], u32::MAX - end[w], w));
            match cand {
                Some((i, &(w, b))) => {
                    loc[w] = Loc::Home;
                    active.remove(i);
                    used &= !b;
                    b
                }
                None => continue,
            }
        };
        let i = bit.trailing_zeros() as usize;
        loc[v] = if i >= 16 { Loc::Xmm(XMMS[i - 16]) } else { Loc::Gpr(GPRS[i]) };
        used |= bit;
        active.push((v, bit));
    }
    let mut saves: Vec<Vec<(u32, Vec<VReg>)>> = vec![Vec::new(); f.blocks.len()];
    let mut needs_home: Vec<bool> =
        loc.iter().zip(&imm_only).zip(referenced(f)).map(|((l, i), r)| *l == Loc::Home && !i && r).collect();
    crossings.retain(|&(_, _, v)| loc[v as usize] != Loc::Home);
    crossings.sort();
    for (b, k, v) in crossings {
        needs_home[v as usize] = true;
        let list = &mut saves[b as usize];
        match list.last_mut() {
            Some((at, vs)) if *at == k => vs.push(VReg(v)),
            _ => list.push((k, vec![VReg(v)])),
        }
    }
    Alloc { loc, konst, fused, saves, needs_home, imm_only, frame_addr }
}
