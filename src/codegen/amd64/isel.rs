//! Instruction selection for amd64: one IR function → x86 instructions (through `asm::x86::Assembler`).
//!
//! In: an IR function, its register allocation ([`Alloc`]) and its [`Frame`]. Out: the assembled code
//! (bytes, relocations, instructions with offsets) and the line table.
//!
//! Each IR op reads its operands into scratch registers (RAX, RCX, RDX, XMM0, XMM1, ...) from the vreg's
//! register or its frame home, computes, and writes the result to the result's register or home; simple ops
//! read and write allocated registers directly. Every operand is read before the result is written (the
//! allocator relies on it, `regalloc.rs`). No allocated register is live across a call, so calls need no
//! saving.
//! Go semantics that the hardware does not give are spelled out: shift counts ≥ the width, MIN / -1,
//! NaN in comparisons, float ↔ unsigned conversions.

use super::abi::{
    ARGS_FROM_RBP, CLOSURE_CONTEXT, SYSV_FLOAT_ARGS, SYSV_FLOAT_RESULTS, SYSV_INT_ARGS, SYSV_INT_RESULTS,
};
use super::frame::Frame;
use super::regalloc::{shift_imm, Alloc, FrameAddr, Loc};
use crate::ir::{BinOp, BlockId, Callee, Cond, ConvOp, Func, Op, Term, Ty, UnOp, VReg};
use asm::x86::{
    Assembler, Code, Cond as CC, Gpr, Label, Mem, Mnemonic as M, Mode, Operand, Size, Xmm, AL, CL, EAX, EDX, R10, R8,
    R9, RAX, RBP, RCX, RDI, RDX, RSI, RSP, XMM0, XMM1,
};

type R = Result<(), String>;

/// The result of selecting one function.
pub struct Selected {
    pub code: Code,
    /// `(offset, line)` pairs where the source line changes.
    pub lines: Vec<(u32, u32)>,
    /// Per inlined call of `Func::inl`, the offset of its inline mark (`u32::MAX` if none of its code is
    /// left).
    pub inl_marks: Vec<u32>,
}

struct Gen<'f> {
    f: &'f Func,
    frame: &'f Frame,
    alloc: &'f Alloc,
    a: Assembler,
    /// One label per block, `Label(i)` for block `i`.
    blocks: Vec<Label>,
    lines: Vec<(u32, u32)>,
    inl_marks: Vec<u32>,
    /// The flags hold the condition the block's `Branch` takes (a fused compare, `Alloc::fused`).
    flags: Option<CC>,
    /// Address arithmetic folded into memory operands ([`fuse_addresses`]).
    fusion: Fusion,
}

/// A load's or store's address as `base + index * scale` (+ the access's offset).
#[derive(Clone, Copy)]
struct Indexed {
    base: VReg,
    /// None: `base + disp` alone (the addend was a constant read as an immediate).
    index: Option<VReg>,
    scale: u8,
    disp: i32,
}

/// Per block and instruction: the instructions whose only work is folded into a later memory operand (not
/// emitted), and the loads and stores that take an [`Indexed`] address.
struct Fusion {
    skip: Vec<Vec<bool>>,
    indexed: Vec<Vec<Option<Indexed>>>,
}

/// Finds the address computations `a = base + bitcast(i << c)` (c ≤ 3), `a = base + y` and `a = base + k`
/// (`k` a constant read as an immediate) whose result only the next load or store reads, so that the access
/// addresses `[base + i*2^c + offset]` (or `[base + k + offset]`) itself.
///
/// The folded instructions (the shift, the bitcast, the addition) must write vregs written once and read
/// once, and must come right before the access, with nothing between them but constants read as
/// immediates: then no code runs between the reads of `base` and `i` they stood for and the access, so
/// those vregs still hold the same values in the same places there, even if their live ranges end at the
/// folded instructions and the allocator gave their registers to the folded results (which are never
/// written now).
fn fuse_addresses(f: &Func, alloc: &Alloc) -> Fusion {
    let nv = f.vregs.len();
    let mut fusion = Fusion {
        skip: f.blocks.iter().map(|b| vec![false; b.insts.len()]).collect(),
        indexed: f.blocks.iter().map(|b| vec![None; b.insts.len()]).collect(),
    };
    // Bad IR is isel's to report, with everything emitted as written.
    let mut in_range = true;
    for b in &f.blocks {
        for i in &b.insts {
            i.op.for_each_use(|v| in_range &= (v.0 as usize) < nv);
            i.op.for_each_def(|v| in_range &= (v.0 as usize) < nv);
        }
    }
    if !in_range {
        return fusion;
    }
    let defs = crate::ir::live::def_counts(f);
    let mut uses = vec![0u32; nv];
    for b in &f.blocks {
        for i in &b.insts {
            i.op.for_each_use(|u| {
                if let Some(n) = uses.get_mut(u.0 as usize) {
                    *n += 1
                }
            });
        }
        if let Some(c) = b.term.used() {
            if let Some(n) = uses.get_mut(c.0 as usize) {
                *n += 1
            }
        }
    }
    let ok = |v: VReg| (v.0 as usize) < nv;
    let once = |v: VReg| ok(v) && defs[v.0 as usize] == 1 && uses[v.0 as usize] == 1;
    let imm = |v: VReg| alloc.imm_only.get(v.0 as usize) == Some(&true);
    // A register operand: neither an immediate nor a frame address.
    let plain = |v: VReg| ok(v) && !imm(v) && alloc.frame_addr.get(v.0 as usize).is_none_or(|a| a.is_none());
    for (bi, b) in f.blocks.iter().enumerate() {
        // The instruction before `k` that emits code (constants read as immediates emit none).
        let prev = |k: usize| -> Option<usize> {
            (0..k).rev().find(|&j| {
                !matches!(b.insts[j].op, Op::Const { dst, .. } | Op::Convert { op: ConvOp::Bitcast, dst, .. } if imm(dst))
            })
        };
        for k in 0..b.insts.len() {
            let addr = match b.insts[k].op {
                Op::Load { addr, .. } | Op::Store { addr, .. } => addr,
                _ => continue,
            };
            if !once(addr) || f.vregs[addr.0 as usize] != Ty::Ptr {
                continue;
            }
            let Some(ka) = prev(k) else { continue };
            let Op::Binary { op: BinOp::Add, dst, x: base, y } = b.insts[ka].op else { continue };
            if dst != addr || !ok(base) || imm(base) || fusion.skip[bi][ka] {
                continue;
            }
            if ok(y) && imm(y) {
                let disp = alloc.konst.get(y.0 as usize).copied().flatten().and_then(|k| i32::try_from(k).ok());
                if let Some(disp) = disp {
                    fusion.skip[bi][ka] = true;
                    fusion.indexed[bi][k] = Some(Indexed { base, index: None, scale: 1, disp });
                }
                continue;
            }
            if !plain(y) {
                continue;
            }
            let mut at = Indexed { base, index: Some(y), scale: 1, disp: 0 };
            let mut folded = vec![ka];
            if once(y) {
                if let Some(ky) = prev(ka) {
                    if let Op::Convert { op: ConvOp::Bitcast, dst, src: z } = b.insts[ky].op {
                        if dst == y && plain(z) && f.vregs[z.0 as usize] == Ty::I64 {
                            at.index = Some(z);
                            folded.push(ky);
                            if once(z) {
                                if let Some(kz) = prev(ky) {
                                    if let Op::Binary { op: BinOp::Shl, dst, x: i, y: c } = b.insts[kz].op {
                                        let c = alloc.konst.get(c.0 as usize).copied().flatten();
                                        if let (true, Some(c @ 0..=3)) =
                                            (dst == z && plain(i) && f.vregs[i.0 as usize] == Ty::I64, c)
                                        {
                                            at = Indexed { base, index: Some(i), scale: 1 << c, disp: 0 };
                                            folded.push(kz);
                                        }
                                    }
                                }
                            }
                        }
                    }
                }
            }
            for j in folded {
                fusion.skip[bi][j] = true;
            }
            fusion.indexed[bi][k] = Some(at);
        }
    }
    fusion
}

/// Selects `f`'s instructions; with `optimize` (not gc's `-N`), address arithmetic is folded into memory
/// operands.
pub fn select(f: &Func, frame: &Frame, alloc: &Alloc, optimize: bool) -> Result<Selected, String> {
    if f.blocks.is_empty() {
        return Err(format!("{}: function has no blocks", f.name));
    }
    let mut a = Assembler::new(Mode::Long);
    let blocks = f.blocks.iter().map(|_| a.new_label()).collect();
    let fusion = if optimize {
        fuse_addresses(f, alloc)
    } else {
        Fusion { skip: vec![Vec::new(); f.blocks.len()], indexed: vec![Vec::new(); f.blocks.len()] }
    };
    let inl_marks = vec![u32::MAX; f.inl.len()];
    let mut g = Gen { f, frame, alloc, a, blocks, lines: Vec::new(), inl_marks, flags: None, fusion };
    g.func().map_err(|e| format!("{}: {e}", f.name))?;
    let code = g.a.finish().map_err(|e| format!("{}: {e}", f.name))?;
    Ok(Selected { code, lines: g.lines, inl_marks: g.inl_marks })
}

/// The x86 condition after `cmp x, y` for an integer IR condition.
fn int_cond(c: Cond) -> Option<CC> {
    Some(match c {
        Cond::Eq => CC::E,
        Cond::Ne => CC::NE,
        Cond::LtS => CC::L,
        Cond::LeS => CC::LE,
        Cond::GtS => CC::G,
        Cond::GeS => CC::GE,
        Cond::LtU => CC::B,
        Cond::LeU => CC::BE,
        Cond::GtU => CC::A,
        Cond::GeU => CC::AE,
        _ => return None,
    })
}

/// The condition `c` with its operands exchanged: `x c y` is `y swapped(c) x`.
fn swapped(c: Cond) -> Cond {
    match c {
        Cond::LtS => Cond::GtS,
        Cond::LeS => Cond::GeS,
        Cond::GtS => Cond::LtS,
        Cond::GeS => Cond::LeS,
        Cond::LtU => Cond::GtU,
        Cond::LeU => Cond::GeU,
        Cond::GtU => Cond::LtU,
        Cond::GeU => Cond::LeU,
        Cond::FLt => Cond::FGt,
        Cond::FLe => Cond::FGe,
        Cond::FGt => Cond::FLt,
        Cond::FGe => Cond::FLe,
        c => c,
    }
}

/// How a sub-word value is widened to 64 bits before an op that looks at all the bits.
#[derive(Clone, Copy, PartialEq)]
enum Ext {
    Signed,
    Unsigned,
}

fn width_bits(ty: Ty) -> i64 {
    ty.size(8) as i64 * 8
}

impl<'f> Gen<'f> {
    fn e0(&mut self, m: M) -> R {
        self.a.op0(m)
    }
    fn e1(&mut self, m: M, x: impl Into<Operand>) -> R {
        self.a.op1(m, x)
    }
    fn e2(&mut self, m: M, x: impl Into<Operand>, y: impl Into<Operand>) -> R {
        self.a.op2(m, x, y)
    }

    fn ty(&self, v: VReg) -> Result<Ty, String> {
        self.f.vregs.get(v.0 as usize).copied().ok_or_else(|| format!("vreg v{} out of range", v.0))
    }

    /// The home of `v` as a memory operand of `size`.
    fn home(&self, v: VReg, size: Size) -> Result<Mem, String> {
        Ok(Mem::base(size, RBP, self.frame.home(v)?))
    }

    fn block(&self, b: BlockId) -> Result<Label, String> {
        self.blocks.get(b.0 as usize).copied().ok_or_else(|| format!("block b{} out of range", b.0))
    }

    /// Records that the code from here on comes from source line `line`.
    fn line(&mut self, line: u32) -> R {
        if line == 0 || self.lines.last().map(|l| l.1) == Some(line) {
            return Ok(());
        }
        self.inline_marks(line)?;
        self.record_line(line);
        Ok(())
    }

    /// Before the first code of an inlined call, a two-byte inline mark at its call site (the call's line,
    /// in the caller's inline context), for that call and each enclosing one not yet marked, outermost
    /// first: the pc a traceback goes back to for the caller's frame (gc's inline mark, `XCHGL AX, AX`, and
    /// `inlinedCall.parentPc`). Two bytes, as gc's, because `runtime.Callers` reports the frame at the mark
    /// plus one, which must still be the mark for `FuncForPC`.
    fn inline_marks(&mut self, line: u32) -> R {
        let Some(k) = self.f.inl_of(line) else { return Ok(()) };
        let k = k as usize;
        if self.inl_marks.get(k) != Some(&u32::MAX) {
            return Ok(());
        }
        let call = self.f.inl[k].call;
        self.inline_marks(call)?;
        self.record_line(call);
        self.inl_marks[k] = self.a.offset();
        self.e0(M::Nop)?;
        self.e0(M::Nop)
    }

    fn record_line(&mut self, line: u32) {
        if self.lines.last().map(|l| l.1) == Some(line) {
            return;
        }
        let pc = self.a.offset();
        match self.lines.last_mut() {
            // Two line changes at the same pc: the later one describes the code.
            Some(last) if last.0 == pc => last.1 = line,
            _ => self.lines.push((pc, line)),
        }
    }

    /// `reg = v`, all 64 bits (the upper bits of a sub-word value are whatever was stored).
    fn load(&mut self, r: Gpr, v: VReg) -> R {
        match self.alloc.loc(v) {
            Loc::Home => {
                let m = self.home(v, Size::Qword)?;
                self.e2(M::Mov, r, m)
            }
            Loc::Gpr(g) if g.num == r.num => Ok(()),
            Loc::Gpr(g) => self.e2(M::Mov, r, g),
            Loc::Xmm(x) => self.e2(M::Movq, r, x),
        }
    }

    /// The register holding `v`'s value: its own, or `scratch` loaded from its home.
    fn in_gpr(&mut self, v: VReg, scratch: Gpr) -> Result<Gpr, String> {
        match self.alloc.loc(v) {
            Loc::Gpr(g) => Ok(g),
            _ => {
                self.load(scratch, v)?;
                Ok(scratch)
            }
        }
    }

    /// The register `v`'s integer result should be computed in: its own, or RAX (then [`Gen::store`]).
    fn dst_gpr(&self, v: VReg) -> Gpr {
        match self.alloc.loc(v) {
            Loc::Gpr(g) => g,
            _ => RAX,
        }
    }

    /// `v` as a 64-bit source operand: its register or its home.
    fn src64(&mut self, v: VReg) -> Result<Operand, String> {
        Ok(match self.alloc.loc(v) {
            Loc::Gpr(g) => g.into(),
            Loc::Home => self.home(v, Size::Qword)?.into(),
            Loc::Xmm(_) => {
                self.load(RCX, v)?;
                RCX.into()
            }
        })
    }

    /// `reg = v` widened from its type to 64 bits.
    fn load_ext(&mut self, r: Gpr, v: VReg, ext: Ext) -> R {
        let ty = self.ty(v)?;
        let src = match self.alloc.loc(v) {
            Loc::Home => None,
            Loc::Gpr(g) => Some(g),
            Loc::Xmm(x) => {
                self.e2(M::Movq, r, x)?;
                Some(r)
            }
        };
        if let Some(g) = src {
            return match (ty, ext) {
                (Ty::I8, Ext::Signed) => self.e2(M::Movsx, r, g.with_size(Size::Byte)),
                (Ty::I8, Ext::Unsigned) => self.e2(M::Movzx, r.with_size(Size::Dword), g.with_size(Size::Byte)),
                (Ty::I16, Ext::Signed) => self.e2(M::Movsx, r, g.with_size(Size::Word)),
                (Ty::I16, Ext::Unsigned) => self.e2(M::Movzx, r.with_size(Size::Dword), g.with_size(Size::Word)),
                (Ty::I32 | Ty::F32, Ext::Signed) => self.e2(M::Movsxd, r, g.with_size(Size::Dword)),
                (Ty::I32 | Ty::F32, Ext::Unsigned) => {
                    self.e2(M::Mov, r.with_size(Size::Dword), g.with_size(Size::Dword))
                }
                (Ty::I64 | Ty::Ptr | Ty::F64, _) if g.num == r.num => Ok(()),
                (Ty::I64 | Ty::Ptr | Ty::F64, _) => self.e2(M::Mov, r, g),
            };
        }
        match (ty, ext) {
            (Ty::I8, Ext::Signed) => self.e2(M::Movsx, r, self.home(v, Size::Byte)?),
            (Ty::I8, Ext::Unsigned) => self.e2(M::Movzx, r.with_size(Size::Dword), self.home(v, Size::Byte)?),
            (Ty::I16, Ext::Signed) => self.e2(M::Movsx, r, self.home(v, Size::Word)?),
            (Ty::I16, Ext::Unsigned) => self.e2(M::Movzx, r.with_size(Size::Dword), self.home(v, Size::Word)?),
            (Ty::I32 | Ty::F32, Ext::Signed) => self.e2(M::Movsxd, r, self.home(v, Size::Dword)?),
            // A 32-bit MOV clears the upper half of the register.
            (Ty::I32 | Ty::F32, Ext::Unsigned) => self.e2(M::Mov, r.with_size(Size::Dword), self.home(v, Size::Dword)?),
            (Ty::I64 | Ty::Ptr | Ty::F64, _) => self.load(r, v),
        }
    }

    fn store(&mut self, v: VReg, r: Gpr) -> R {
        match self.alloc.loc(v) {
            Loc::Home => {
                let m = self.home(v, Size::Qword)?;
                self.e2(M::Mov, m, r)
            }
            Loc::Gpr(g) if g.num == r.num => Ok(()),
            Loc::Gpr(g) => self.e2(M::Mov, g, r),
            Loc::Xmm(x) => self.e2(M::Movq, x, r),
        }
    }

    fn float_size(&self, v: VReg) -> Result<Size, String> {
        match self.ty(v)? {
            Ty::F32 => Ok(Size::Dword),
            Ty::F64 => Ok(Size::Qword),
            t => Err(format!("v{} has type {t:?}, expected a float", v.0)),
        }
    }

    /// `xmm = v` (F32 or F64).
    fn load_f(&mut self, x: Xmm, v: VReg) -> R {
        match self.alloc.loc(v) {
            Loc::Home => {}
            Loc::Xmm(y) if y == x => return Ok(()),
            // MOVQ copies the low 64 bits and clears the rest: no dependency on x's old upper half.
            Loc::Xmm(y) => return self.e2(M::Movq, x, y),
            Loc::Gpr(g) => return self.e2(M::Movq, x, g),
        }
        let s = self.float_size(v)?;
        let m = self.home(v, s)?;
        self.e2(if s == Size::Dword { M::Movss } else { M::Movsd }, x, m)
    }

    /// `v` as a float source operand: its register or its home.
    fn src_f(&mut self, v: VReg, scratch: Xmm) -> Result<Operand, String> {
        Ok(match self.alloc.loc(v) {
            Loc::Xmm(y) => y.into(),
            Loc::Home => {
                let s = self.float_size(v)?;
                self.home(v, s)?.into()
            }
            Loc::Gpr(_) => {
                self.load_f(scratch, v)?;
                scratch.into()
            }
        })
    }

    /// The register `v`'s float result should be computed in: its own, or XMM0 (then [`Gen::store_f`]).
    fn dst_xmm(&self, v: VReg) -> Xmm {
        match self.alloc.loc(v) {
            Loc::Xmm(x) => x,
            _ => XMM0,
        }
    }

    fn store_f(&mut self, v: VReg, x: Xmm) -> R {
        match self.alloc.loc(v) {
            Loc::Home => {}
            Loc::Xmm(y) if y == x => return Ok(()),
            Loc::Xmm(y) => return self.e2(M::Movq, y, x),
            Loc::Gpr(g) => return self.e2(M::Movq, g, x),
        }
        let s = self.float_size(v)?;
        let m = self.home(v, s)?;
        self.e2(if s == Size::Dword { M::Movss } else { M::Movsd }, m, x)
    }

    fn func(&mut self) -> R {
        self.line(self.f.line)?;
        // Prologue: the stack check (stack.rs), the frame pointer chain, then the frame.
        let check = super::stack::check(&mut self.a, self.frame.size, self.f.args_size)?;
        self.e1(M::Push, RBP)?;
        self.e2(M::Mov, RBP, RSP)?;
        if self.frame.size > 0 {
            self.e2(M::Sub, RSP, self.frame.size as i64)?;
        }
        if let Some(off) = self.frame.ctx {
            self.e2(M::Mov, Mem::base(Size::Qword, RBP, off), CLOSURE_CONTEXT)?;
        }
        let headers = super::stack::loop_headers(self.f);
        let mut loop_stubs = Vec::new();
        for (i, b) in self.f.blocks.iter().enumerate() {
            self.a.bind(self.blocks[i])?;
            if headers[i] {
                super::stack::loop_check(&mut self.a, &mut loop_stubs)?;
            }
            let fused = self.alloc.fused.get(i).copied().unwrap_or(false);
            let saves: &[(u32, Vec<VReg>)] = self.alloc.saves.get(i).map_or(&[], |s| s.as_slice());
            let mut saves = saves.iter().peekable();
            for (k, inst) in b.insts.iter().enumerate() {
                self.line(inst.line)?;
                let save = saves.next_if(|s| s.0 as usize == k).map(|s| s.1.as_slice());
                for &v in save.unwrap_or(&[]) {
                    self.save(v, true)?;
                }
                let indexed = self.fusion.indexed.get(i).and_then(|v| v.get(k)).copied().flatten();
                match &inst.op {
                    _ if self.fusion.skip.get(i).and_then(|v| v.get(k)) == Some(&true) => {}
                    Op::Cmp { cond, x, y, .. } if fused && k + 1 == b.insts.len() => {
                        self.flags = Some(self.int_compare(*cond, *x, *y)?);
                    }
                    Op::Load { dst, offset, .. } if indexed.is_some() => {
                        let m = self.indexed(indexed.unwrap(), *offset)?;
                        self.load_from(*dst, m)?
                    }
                    Op::Store { offset, src, .. } if indexed.is_some() => {
                        let m = self.indexed(indexed.unwrap(), *offset)?;
                        self.store_to(m, *src)?
                    }
                    op => self.op(op)?,
                }
                for &v in save.unwrap_or(&[]) {
                    self.save(v, false)?;
                }
            }
            self.line(b.term_line)?;
            self.term(&b.term, i)?;
        }
        self.line(self.f.line)?;
        super::stack::loop_stubs(&mut self.a, &loop_stubs)?;
        super::stack::stub(&mut self.a, &check)
    }

    /// Stores the register of `v` to its home (before a call, `out`), or loads it back (after).
    fn save(&mut self, v: VReg, out: bool) -> R {
        let m = self.home(v, Size::Qword)?;
        match (self.alloc.loc(v), out) {
            (Loc::Gpr(g), true) => self.e2(M::Mov, m, g),
            (Loc::Gpr(g), false) => self.e2(M::Mov, g, m),
            (Loc::Xmm(x), true) => self.e2(M::Movq, m, x),
            (Loc::Xmm(x), false) => self.e2(M::Movq, x, m),
            (Loc::Home, _) => Ok(()),
        }
    }

    fn term(&mut self, t: &Term, index: usize) -> R {
        let next = BlockId(index as u32 + 1);
        match t {
            Term::Jump(b) => {
                if *b != next {
                    let l = self.block(*b)?;
                    self.e1(M::Jmp, l)?;
                }
                Ok(())
            }
            Term::Branch { cond, then, els } => {
                let (lt, le) = (self.block(*then)?, self.block(*els)?);
                if let Some(cc) = self.flags.take() {
                    if *then == next {
                        return self.e1(M::Jcc(cc.negate()), le);
                    }
                    self.e1(M::Jcc(cc), lt)?;
                    if *els != next {
                        self.e1(M::Jmp, le)?;
                    }
                    return Ok(());
                }
                match self.alloc.loc(*cond) {
                    Loc::Gpr(g) => self.e2(M::Test, g.with_size(Size::Byte), g.with_size(Size::Byte))?,
                    _ => {
                        let m = self.home(*cond, Size::Byte)?;
                        self.e2(M::Cmp, m, 0)?
                    }
                }
                if *then == next {
                    self.e1(M::Jcc(CC::E), le)
                } else {
                    self.e1(M::Jcc(CC::NE), lt)?;
                    if *els != next {
                        self.e1(M::Jmp, le)?;
                    }
                    Ok(())
                }
            }
            Term::Return => {
                self.e2(M::Mov, RSP, RBP)?;
                self.e1(M::Pop, RBP)?;
                self.e0(M::Ret)
            }
            Term::Unreachable => self.e0(M::Ud2),
        }
    }

    fn op(&mut self, op: &Op) -> R {
        match op {
            // Read only as an immediate: nothing to compute.
            Op::Const { dst, .. } | Op::Convert { op: ConvOp::Bitcast, dst, .. }
                if self.alloc.imm_only.get(dst.0 as usize) == Some(&true) =>
            {
                Ok(())
            }
            Op::Const { dst, value } => {
                self.ty(*dst)?;
                let r = self.dst_gpr(*dst);
                if *value == 0 {
                    self.e2(M::Xor, r.with_size(Size::Dword), r.with_size(Size::Dword))?;
                } else {
                    self.e2(M::Mov, r, *value)?;
                }
                self.store(*dst, r)
            }
            Op::FConst { dst, value } => {
                // The bits go through RAX into the home; no constant pool needed.
                let bits = match self.ty(*dst)? {
                    Ty::F32 => (*value as f32).to_bits() as i64,
                    Ty::F64 => value.to_bits() as i64,
                    t => return Err(format!("FConst into v{} of type {t:?}", dst.0)),
                };
                self.e2(M::Mov, RAX, bits)?;
                self.store(*dst, RAX)
            }
            Op::SlotAddr { dst, .. } | Op::ArgAddr { dst, .. } | Op::OutArgAddr { dst, .. }
                if self.frame_addr(*dst).is_some() =>
            {
                Ok(())
            }
            Op::SlotAddr { dst, slot } => {
                let m = Mem::base(Size::Qword, RBP, self.frame.slot(*slot)?).addr_only();
                let r = self.dst_gpr(*dst);
                self.e2(M::Lea, r, m)?;
                self.store(*dst, r)
            }
            Op::ArgAddr { dst, offset } => {
                let m = Mem::base(Size::Qword, RBP, ARGS_FROM_RBP + *offset as i32).addr_only();
                let r = self.dst_gpr(*dst);
                self.e2(M::Lea, r, m)?;
                self.store(*dst, r)
            }
            Op::OutArgAddr { dst, offset } => {
                let m = Mem::base(Size::Qword, RSP, *offset as i32).addr_only();
                let r = self.dst_gpr(*dst);
                self.e2(M::Lea, r, m)?;
                self.store(*dst, r)
            }
            Op::SymAddr { dst, sym, offset } => {
                let r = self.dst_gpr(*dst);
                self.e2(M::Lea, r, Mem::rip(Size::Qword, sym.clone(), *offset).addr_only())?;
                self.store(*dst, r)
            }
            Op::Load { dst, addr, offset } => {
                let (base, disp) = self.address(*addr, *offset)?;
                self.load_from(*dst, Mem::base(Size::Qword, base, disp))
            }
            Op::Store { addr, offset, src } => {
                let (base, disp) = self.address(*addr, *offset)?;
                self.store_to(Mem::base(Size::Qword, base, disp), *src)
            }
            Op::Copy { dst, src } => match (self.alloc.loc(*dst), self.alloc.loc(*src)) {
                (Loc::Xmm(x), _) => self.load_f(x, *src),
                (Loc::Gpr(g), _) => self.load(g, *src),
                (Loc::Home, Loc::Gpr(g)) => self.store(*dst, g),
                (Loc::Home, Loc::Xmm(x)) => self.e2(M::Movq, self.home(*dst, Size::Qword)?, x),
                (Loc::Home, Loc::Home) => {
                    self.load(RAX, *src)?;
                    self.store(*dst, RAX)
                }
            },
            Op::Unary { op, dst, x } => self.unary(*op, *dst, *x),
            Op::Binary { op, dst, x, y } => self.binary(*op, *dst, *x, *y),
            Op::Cmp { cond, dst, x, y } => self.cmp(*cond, *dst, *x, *y),
            Op::Convert { op, dst, src } => self.convert(*op, *dst, *src),
            Op::MemCopy { dst, src, size } => self.mem_copy(*dst, *src, *size),
            Op::MemZero { addr, size } => self.mem_zero(*addr, *size),
            Op::CallGo { callee, args_size: _ } => match callee {
                Callee::Direct(sym) => self.e1(M::Call, Operand::Sym(sym.clone())),
                Callee::Closure(v) => {
                    // The func value is the closure context; its first word is the code address.
                    self.load(CLOSURE_CONTEXT, *v)?;
                    self.e1(M::Call, Mem::base(Size::Qword, CLOSURE_CONTEXT, 0))
                }
            },
            Op::CallRt { sym, args, rets } => self.call_rt(sym, args, rets),
            Op::ClosureCtx { dst } => {
                let off = self.frame.ctx.ok_or("ClosureCtx without a saved context")?;
                self.e2(M::Mov, RAX, Mem::base(Size::Qword, RBP, off))?;
                self.store(*dst, RAX)
            }
        }
    }

    fn unary(&mut self, op: UnOp, dst: VReg, x: VReg) -> R {
        if let (UnOp::Neg | UnOp::Not, Loc::Gpr(g)) = (op, self.alloc.loc(dst)) {
            self.load(g, x)?;
            return self.e1(if op == UnOp::Neg { M::Neg } else { M::Not }, g);
        }
        self.load(RAX, x)?;
        match op {
            UnOp::Neg => self.e1(M::Neg, RAX)?,
            UnOp::Not => self.e1(M::Not, RAX)?,
            // Flip the sign bit of the float's bits.
            UnOp::FNeg => match self.float_size(x)? {
                Size::Dword => self.e2(M::Xor, EAX, 0x8000_0000u32 as i64)?,
                _ => {
                    self.e2(M::Mov, RCX, i64::MIN)?;
                    self.e2(M::Xor, RAX, RCX)?;
                }
            },
        }
        self.store(dst, RAX)
    }

    fn binary(&mut self, op: BinOp, dst: VReg, x: VReg, y: VReg) -> R {
        let ty = self.ty(x)?;
        match op {
            BinOp::Add | BinOp::Sub | BinOp::Mul | BinOp::And | BinOp::Or | BinOp::Xor | BinOp::AndNot => {
                // Wrapping arithmetic: the low bits of a 64-bit result are the sub-word result.
                // A constant y that fits in a sign-extended 32-bit immediate is one (not for IMUL, whose
                // immediate form has three operands).
                let imm = self.alloc.konst.get(y.0 as usize).copied().flatten().filter(|v| i32::try_from(*v).is_ok());
                let imm = imm.filter(|_| op != BinOp::Mul && op != BinOp::AndNot);
                // A commutative operation whose result goes to y's register: `dst op= x`, no scratch.
                let commutative = matches!(op, BinOp::Add | BinOp::Mul | BinOp::And | BinOp::Or | BinOp::Xor);
                if let (true, None, Loc::Gpr(g)) = (commutative, imm, self.alloc.loc(dst)) {
                    if self.alloc.loc(y) == Loc::Gpr(g) {
                        let xo = self.src64(x)?;
                        let m = match op {
                            BinOp::Add => M::Add,
                            BinOp::Mul => M::Imul,
                            BinOp::And => M::And,
                            BinOp::Or => M::Or,
                            _ => M::Xor,
                        };
                        return self.e2(m, g, xo);
                    }
                }
                // The result is computed in RAX, or in dst's register when y is not read from it.
                let r = match self.alloc.loc(dst) {
                    Loc::Gpr(g) if imm.is_some() || self.alloc.loc(y) != Loc::Gpr(g) => g,
                    _ => RAX,
                };
                self.load(r, x)?;
                if imm == Some(0) && matches!(op, BinOp::Add | BinOp::Sub | BinOp::Or | BinOp::Xor) {
                    return self.store(dst, r);
                }
                let yo = if op == BinOp::AndNot {
                    self.load(RCX, y)?;
                    self.e1(M::Not, RCX)?;
                    RCX.into()
                } else if let Some(v) = imm {
                    Operand::from(v)
                } else {
                    self.src64(y)?
                };
                match op {
                    BinOp::Add => self.e2(M::Add, r, yo)?,
                    BinOp::Sub => self.e2(M::Sub, r, yo)?,
                    BinOp::Mul => self.e2(M::Imul, r, yo)?,
                    BinOp::Or => self.e2(M::Or, r, yo)?,
                    BinOp::Xor => self.e2(M::Xor, r, yo)?,
                    _ => self.e2(M::And, r, yo)?,
                }
                self.store(dst, r)
            }
            BinOp::Shl | BinOp::ShrU | BinOp::ShrS => {
                let w = width_bits(ty);
                if let Some(n) = self.shift_count(x, y)? {
                    // A constant count below the width: one shift by an immediate, in dst's register.
                    let r = self.dst_gpr(dst);
                    let (m, ext) = match op {
                        BinOp::Shl => (M::Shl, None),
                        BinOp::ShrU => (M::Shr, Some(Ext::Unsigned)),
                        _ => (M::Sar, Some(Ext::Signed)),
                    };
                    match ext {
                        Some(e) => self.load_ext(r, x, e)?,
                        None => self.load(r, x)?,
                    }
                    if n != 0 {
                        self.e2(m, r, n as i64)?;
                    }
                    return self.store(dst, r);
                }
                // The count is unsigned, of any integer type: widen it to 64 bits first.
                self.load_ext(RCX, y, Ext::Unsigned)?;
                match op {
                    BinOp::ShrS => {
                        // x widened with its sign; a count ≥ the width gives the sign fill, which is
                        // what an arithmetic shift by 63 of the widened value gives.
                        self.load_ext(RAX, x, Ext::Signed)?;
                        self.e2(M::Mov, EDX, 63)?;
                        self.e2(M::Cmp, RCX, 63)?;
                        self.e2(M::Cmovcc(CC::A), RCX, RDX)?;
                        self.e2(M::Sar, RAX, CL)?;
                    }
                    _ => {
                        // x86 masks the count to 6 bits; Go wants 0 for any count ≥ the width.
                        if op == BinOp::Shl {
                            self.load(RAX, x)?;
                            self.e2(M::Shl, RAX, CL)?;
                        } else {
                            self.load_ext(RAX, x, Ext::Unsigned)?;
                            self.e2(M::Shr, RAX, CL)?;
                        }
                        self.e2(M::Xor, EDX, EDX)?;
                        self.e2(M::Cmp, RCX, w)?;
                        self.e2(M::Cmovcc(CC::AE), RAX, RDX)?;
                    }
                }
                self.store(dst, RAX)
            }
            BinOp::DivS | BinOp::RemS => {
                self.load_ext(RAX, x, Ext::Signed)?;
                self.load_ext(RCX, y, Ext::Signed)?;
                let done = self.a.new_label();
                if matches!(ty, Ty::I64 | Ty::Ptr) {
                    // IDIV traps on MIN / -1; Go defines MIN / -1 = MIN (= -MIN, wrapping) and MIN % -1 = 0,
                    // which is what x / -1 = -x and x % -1 = 0 give for every x. Narrower types are
                    // divided as 64-bit values, where no quotient overflows.
                    let normal = self.a.new_label();
                    self.e2(M::Cmp, RCX, -1)?;
                    self.e1(M::Jcc(CC::NE), normal)?;
                    if op == BinOp::DivS {
                        self.e1(M::Neg, RAX)?;
                    } else {
                        self.e2(M::Xor, EAX, EAX)?;
                    }
                    self.e1(M::Jmp, done)?;
                    self.a.bind(normal)?;
                }
                self.e0(M::Cqo)?;
                self.e1(M::Idiv, RCX)?;
                if op == BinOp::RemS {
                    self.e2(M::Mov, RAX, RDX)?;
                }
                self.a.bind(done)?;
                self.store(dst, RAX)
            }
            BinOp::DivU | BinOp::RemU => {
                self.load_ext(RAX, x, Ext::Unsigned)?;
                self.load_ext(RCX, y, Ext::Unsigned)?;
                self.e2(M::Xor, EDX, EDX)?;
                self.e1(M::Div, RCX)?;
                self.store(dst, if op == BinOp::DivU { RAX } else { RDX })
            }
            BinOp::FAdd | BinOp::FSub | BinOp::FMul | BinOp::FDiv => {
                let single = self.float_size(x)? == Size::Dword;
                let m = match (op, single) {
                    (BinOp::FAdd, false) => M::Addsd,
                    (BinOp::FSub, false) => M::Subsd,
                    (BinOp::FMul, false) => M::Mulsd,
                    (BinOp::FDiv, false) => M::Divsd,
                    (BinOp::FAdd, true) => M::Addss,
                    (BinOp::FSub, true) => M::Subss,
                    (BinOp::FMul, true) => M::Mulss,
                    _ => M::Divss,
                };
                // A commutative operation whose result goes to y's register: `dst op= x`.
                if let (BinOp::FAdd | BinOp::FMul, Loc::Xmm(d)) = (op, self.alloc.loc(dst)) {
                    if self.alloc.loc(y) == Loc::Xmm(d) {
                        let xo = self.src_f(x, XMM1)?;
                        return self.e2(m, d, xo);
                    }
                }
                // In dst's register when that is not y's, else in XMM0.
                let r = match self.dst_xmm(dst) {
                    d if self.alloc.loc(y) != Loc::Xmm(d) => d,
                    _ => XMM0,
                };
                self.load_f(r, x)?;
                let yo = self.src_f(y, XMM1)?;
                self.e2(m, r, yo)?;
                self.store_f(dst, r)
            }
        }
    }

    /// The frame address `v` stands for, when isel folds it into memory operands (`Alloc::frame_addr`).
    fn frame_addr(&self, v: VReg) -> Option<FrameAddr> {
        self.alloc.frame_addr.get(v.0 as usize).copied().flatten()
    }

    /// The base register and displacement of the memory at `addr + offset`: a folded frame address, or
    /// `addr`'s register (RCX when it is in memory).
    /// `dst = *m`, with the width of `dst`'s type (`m`'s own width is replaced).
    fn load_from(&mut self, dst: VReg, m: Mem) -> R {
        let at = |s| Mem { size: Some(s), addr: m.addr.clone() };
        let dt = self.ty(dst)?;
        if let (Loc::Xmm(x), Ty::F32 | Ty::F64) = (self.alloc.loc(dst), dt) {
            let s = if dt == Ty::F32 { Size::Dword } else { Size::Qword };
            return self.e2(if dt == Ty::F32 { M::Movss } else { M::Movsd }, x, at(s));
        }
        let r = self.dst_gpr(dst);
        match dt {
            Ty::I8 => self.e2(M::Movzx, r.with_size(Size::Dword), at(Size::Byte))?,
            Ty::I16 => self.e2(M::Movzx, r.with_size(Size::Dword), at(Size::Word))?,
            Ty::I32 | Ty::F32 => self.e2(M::Mov, r.with_size(Size::Dword), at(Size::Dword))?,
            Ty::I64 | Ty::Ptr | Ty::F64 => self.e2(M::Mov, r, at(Size::Qword))?,
        }
        self.store(dst, r)
    }

    /// `*m = src`, with the width of `src`'s type.
    fn store_to(&mut self, m: Mem, src: VReg) -> R {
        let at = |s| Mem { size: Some(s), addr: m.addr.clone() };
        let st = self.ty(src)?;
        if let (Loc::Xmm(x), Ty::F32 | Ty::F64) = (self.alloc.loc(src), st) {
            let s = if st == Ty::F32 { Size::Dword } else { Size::Qword };
            let mn = if st == Ty::F32 { M::Movss } else { M::Movsd };
            return self.e2(mn, at(s), x);
        }
        let v = self.in_gpr(src, RAX)?;
        let size = match st {
            Ty::I8 => Size::Byte,
            Ty::I16 => Size::Word,
            Ty::I32 | Ty::F32 => Size::Dword,
            Ty::I64 | Ty::Ptr | Ty::F64 => Size::Qword,
        };
        self.e2(M::Mov, at(size), v.with_size(size))
    }

    /// The memory operand of an [`Indexed`] address plus `offset`: the base in its register (RCX from its
    /// home) or its frame place, the index in its register (RDX from its home).
    fn indexed(&mut self, x: Indexed, offset: i32) -> Result<Mem, String> {
        let offset = offset.checked_add(x.disp).ok_or("address offset out of range")?;
        let (base, disp) = self.address(x.base, offset)?;
        let Some(index) = x.index else { return Ok(Mem::base(Size::Qword, base, disp)) };
        let index = self.in_gpr(index, RDX)?;
        Ok(Mem::sib(Size::Qword, Some(base), index, x.scale, disp))
    }

    fn address(&mut self, addr: VReg, offset: i32) -> Result<(Gpr, i32), String> {
        let add = |k: i64| i32::try_from(k + offset as i64).map_err(|_| "frame offset out of range".to_string());
        Ok(match self.frame_addr(addr) {
            Some(FrameAddr::Slot(s)) => (RBP, add(self.frame.slot(s)? as i64)?),
            Some(FrameAddr::Arg(o)) => (RBP, add(ARGS_FROM_RBP as i64 + o as i64)?),
            Some(FrameAddr::Out(o)) => (RSP, add(o as i64)?),
            None => (self.in_gpr(addr, RCX)?, offset),
        })
    }

    /// The count `y` of a shift of `x` when it is a constant below `x`'s width (`regalloc::shift_imm`).
    fn shift_count(&self, x: VReg, y: VReg) -> Result<Option<u32>, String> {
        let (xt, yt) = (self.ty(x)?, self.ty(y)?);
        Ok(self.alloc.konst.get(y.0 as usize).copied().flatten().and_then(|k| shift_imm(xt, yt, k)))
    }

    /// Compares integers `x` and `y` for `cond` (an integer condition); returns the x86 condition that holds
    /// in the flags when `x cond y`.
    fn int_compare(&mut self, cond: Cond, x: VReg, y: VReg) -> Result<CC, String> {
        // `k < y` is `y > k`: the constant becomes the immediate (the allocator counts on it, giving such
        // an x neither register nor home).
        let konst = |v: VReg| self.alloc.konst.get(v.0 as usize).copied().flatten();
        if konst(x).is_some() && konst(y).is_none() {
            return self.int_compare(swapped(cond), y, x);
        }
        let cc = int_cond(cond).ok_or("float condition in an integer compare")?;
        let ext = match cond {
            Cond::LtS | Cond::LeS | Cond::GtS | Cond::GeS => Ext::Signed,
            _ => Ext::Unsigned,
        };
        let ty = self.ty(x)?;
        let wide = matches!(ty, Ty::I64 | Ty::Ptr);
        let xr = if wide {
            self.in_gpr(x, RAX)?
        } else {
            self.load_ext(RAX, x, ext)?;
            RAX
        };
        // A constant y that fits in a sign-extended 32-bit immediate, once extended as x is.
        let imm = self.alloc.konst.get(y.0 as usize).copied().flatten().map(|v| {
            let s = 64 - width_bits(ty) as u32;
            if ext == Ext::Signed {
                (v << s) >> s
            } else {
                (((v as u64) << s) >> s) as i64
            }
        });
        match imm {
            Some(v) if i32::try_from(v).is_ok() => self.e2(M::Cmp, xr, v)?,
            _ if wide => {
                let yo = self.src64(y)?;
                self.e2(M::Cmp, xr, yo)?
            }
            _ => {
                self.load_ext(RCX, y, ext)?;
                self.e2(M::Cmp, xr, RCX)?
            }
        }
        Ok(cc)
    }

    fn cmp(&mut self, cond: Cond, dst: VReg, x: VReg, y: VReg) -> R {
        if int_cond(cond).is_some() {
            let cc = self.int_compare(cond, x, y)?;
            self.e1(M::Setcc(cc), AL)?;
        } else {
            // UCOMISD sets ZF, PF, CF; an unordered result (a NaN) sets all three. `a`/`ae` (CF=0) are
            // false on NaN, so x < y is computed as y > x.
            let (a, b) = match cond {
                Cond::FLt | Cond::FLe => (y, x),
                _ => (x, y),
            };
            self.load_f(XMM0, a)?;
            self.load_f(XMM1, b)?;
            let m = if self.float_size(a)? == Size::Dword { M::Ucomiss } else { M::Ucomisd };
            self.e2(m, XMM0, XMM1)?;
            match cond {
                Cond::FEq => {
                    self.e1(M::Setcc(CC::E), AL)?;
                    self.e1(M::Setcc(CC::NP), CL)?;
                    self.e2(M::And, AL, CL)?;
                }
                Cond::FNe => {
                    self.e1(M::Setcc(CC::NE), AL)?;
                    self.e1(M::Setcc(CC::P), CL)?;
                    self.e2(M::Or, AL, CL)?;
                }
                Cond::FGt | Cond::FLt => self.e1(M::Setcc(CC::A), AL)?,
                _ => self.e1(M::Setcc(CC::AE), AL)?,
            }
        }
        self.e2(M::Movzx, EAX, AL)?;
        self.store(dst, RAX)
    }

    fn convert(&mut self, op: ConvOp, dst: VReg, src: VReg) -> R {
        let (st, dt) = (self.ty(src)?, self.ty(dst)?);
        match op {
            ConvOp::SExt | ConvOp::ZExt => {
                let r = self.dst_gpr(dst);
                self.load_ext(r, src, if op == ConvOp::SExt { Ext::Signed } else { Ext::Unsigned })?;
                self.store(dst, r)
            }
            // Only the low bits of a narrower value are defined: the bits are already there.
            // Computed in the destination's register when it has one: a copy, or nothing when the
            // allocator gave both the same register.
            ConvOp::Trunc | ConvOp::Bitcast => {
                let r = self.dst_gpr(dst);
                self.load(r, src)?;
                self.store(dst, r)
            }
            ConvOp::SToF => {
                self.load_ext(RAX, src, Ext::Signed)?;
                self.e2(M::Xorps, XMM0, XMM0)?;
                self.e2(if dt == Ty::F32 { M::Cvtsi2ss } else { M::Cvtsi2sd }, XMM0, RAX)?;
                self.store_f(dst, XMM0)
            }
            ConvOp::UToF => {
                let cvt = if dt == Ty::F32 { M::Cvtsi2ss } else { M::Cvtsi2sd };
                self.load_ext(RAX, src, Ext::Unsigned)?;
                self.e2(M::Xorps, XMM0, XMM0)?;
                if matches!(st, Ty::I64 | Ty::Ptr) {
                    // Values ≥ 2^63 are negative as signed: convert half of the value (keeping the low
                    // bit, so rounding is still correct) and double it.
                    let (big, done) = (self.a.new_label(), self.a.new_label());
                    self.e2(M::Test, RAX, RAX)?;
                    self.e1(M::Jcc(CC::S), big)?;
                    self.e2(cvt, XMM0, RAX)?;
                    self.e1(M::Jmp, done)?;
                    self.a.bind(big)?;
                    self.e2(M::Mov, RCX, RAX)?;
                    self.e2(M::Shr, RCX, 1)?;
                    self.e2(M::And, EAX, 1)?;
                    self.e2(M::Or, RCX, RAX)?;
                    self.e2(cvt, XMM0, RCX)?;
                    self.e2(if dt == Ty::F32 { M::Addss } else { M::Addsd }, XMM0, XMM0)?;
                    self.a.bind(done)?;
                } else {
                    // A zero-extended 8/16/32-bit value is a non-negative int64.
                    self.e2(cvt, XMM0, RAX)?;
                }
                self.store_f(dst, XMM0)
            }
            ConvOp::FToS => {
                let single = self.float_size(src)? == Size::Dword;
                let cvt = if single { M::Cvttss2si } else { M::Cvttsd2si };
                self.load_f(XMM0, src)?;
                // gc converts to int32 for int8/16/32 (CVTTSD2SL) and to int64 for int64: out-of-range
                // values give that width's "integer indefinite" 0x80…0.
                let r = if matches!(dt, Ty::I64 | Ty::Ptr) { RAX } else { EAX };
                self.e2(cvt, r, XMM0)?;
                self.store(dst, RAX)
            }
            ConvOp::FToU => {
                let single = self.float_size(src)? == Size::Dword;
                let cvt = if single { M::Cvttss2si } else { M::Cvttsd2si };
                self.load_f(XMM0, src)?;
                match dt {
                    Ty::I64 | Ty::Ptr => {
                        // As gc: if x < 2^63 { int64(x) } else { int64(x - 2^63) | 1<<63 }.
                        let (big, done) = (self.a.new_label(), self.a.new_label());
                        if single {
                            self.e2(M::Mov, EAX, 0x5F00_0000)?; // 2^63 as float32
                            self.e2(M::Movd, XMM1, EAX)?;
                            self.e2(M::Ucomiss, XMM0, XMM1)?;
                        } else {
                            self.e2(M::Mov, RAX, 0x43E0_0000_0000_0000i64)?; // 2^63 as float64
                            self.e2(M::Movq, XMM1, RAX)?;
                            self.e2(M::Ucomisd, XMM0, XMM1)?;
                        }
                        self.e1(M::Jcc(CC::AE), big)?;
                        self.e2(cvt, RAX, XMM0)?;
                        self.e1(M::Jmp, done)?;
                        self.a.bind(big)?;
                        self.e2(if single { M::Subss } else { M::Subsd }, XMM0, XMM1)?;
                        self.e2(cvt, RAX, XMM0)?;
                        self.e2(M::Mov, RCX, i64::MIN)?;
                        self.e2(M::Or, RAX, RCX)?;
                        self.a.bind(done)?;
                    }
                    // gc converts to int64 and truncates for uint32, to int32 for uint8/16.
                    Ty::I32 => self.e2(cvt, RAX, XMM0)?,
                    _ => self.e2(cvt, EAX, XMM0)?,
                }
                self.store(dst, RAX)
            }
            ConvOp::FExt => {
                self.load_f(XMM0, src)?;
                self.e2(M::Cvtss2sd, XMM0, XMM0)?;
                self.store_f(dst, XMM0)
            }
            ConvOp::FTrunc => {
                self.load_f(XMM0, src)?;
                self.e2(M::Cvtsd2ss, XMM0, XMM0)?;
                self.store_f(dst, XMM0)
            }
        }
    }

    /// Splits `size` bytes into 8/4/2/1-byte pieces, largest first: `(offset, size)`.
    fn pieces(size: u64) -> Vec<(i32, Size)> {
        let mut v = Vec::new();
        let mut off = 0u64;
        for (n, s) in [(8, Size::Qword), (4, Size::Dword), (2, Size::Word), (1, Size::Byte)] {
            while size - off >= n {
                v.push((off as i32, s));
                off += n;
            }
        }
        v
    }

    fn mem_copy(&mut self, dst: VReg, src: VReg, size: u64) -> R {
        // Small copies: load every piece into a register before storing any, so overlapping ranges are
        // copied as memmove does. Larger ones call the runtime's memmove.
        let pieces = Self::pieces(size);
        const REGS: [Gpr; 6] = [RAX, RCX, RDX, R8, R9, R10];
        if pieces.len() <= REGS.len() {
            self.load(RSI, src)?;
            self.load(RDI, dst)?;
            for (i, (off, s)) in pieces.iter().enumerate() {
                self.e2(M::Mov, REGS[i].with_size(*s), Mem::base(*s, RSI, *off))?;
            }
            for (i, (off, s)) in pieces.iter().enumerate() {
                self.e2(M::Mov, Mem::base(*s, RDI, *off), REGS[i].with_size(*s))?;
            }
            return Ok(());
        }
        self.load(RDI, dst)?;
        self.load(RSI, src)?;
        self.e2(M::Mov, RDX, size as i64)?;
        self.e1(M::Call, Operand::Sym("g1c_memmove".into()))
    }

    fn mem_zero(&mut self, addr: VReg, size: u64) -> R {
        let pieces = Self::pieces(size);
        if pieces.len() <= 8 {
            self.load(RDI, addr)?;
            for (off, s) in pieces {
                self.e2(M::Mov, Mem::base(s, RDI, off), 0)?;
            }
            return Ok(());
        }
        // REP STOSB stores AL to [RDI], RCX times (the direction flag is clear, as the ABI requires).
        self.load(RDI, addr)?;
        self.e2(M::Mov, RCX, size as i64)?;
        self.e2(M::Xor, EAX, EAX)?;
        self.e0(M::RepStosb)
    }

    fn call_rt(&mut self, sym: &str, args: &[VReg], rets: &[VReg]) -> R {
        let (mut ints, mut floats) = (0, 0);
        for &v in args {
            if self.ty(v)?.is_float() {
                let x = *SYSV_FLOAT_ARGS.get(floats).ok_or_else(|| format!("call {sym}: too many float arguments"))?;
                floats += 1;
                self.load_f(x, v)?;
            } else {
                let r = *SYSV_INT_ARGS.get(ints).ok_or_else(|| format!("call {sym}: too many integer arguments"))?;
                ints += 1;
                // Arguments narrower than 32 bits are zero-extended, as C callers do for bool/u8/u16
                // (rustc relies on it).
                if self.alloc.imm_only.get(v.0 as usize) == Some(&true) {
                    let k = self.alloc.konst.get(v.0 as usize).copied().flatten();
                    let k = k.ok_or_else(|| format!("call {sym}: v{} is an immediate without a value", v.0))?;
                    let bits = self.ty(v)?.size(8) * 8;
                    let k = if bits < 64 { k & ((1i64 << bits) - 1) } else { k };
                    if k == 0 {
                        self.e2(M::Xor, r.with_size(Size::Dword), r.with_size(Size::Dword))?;
                    } else {
                        self.e2(M::Mov, r, k)?;
                    }
                    continue;
                }
                self.load_ext(r, v, Ext::Unsigned)?;
            }
        }
        self.e1(M::Call, Operand::Sym(sym.to_string()))?;
        let (mut ints, mut floats) = (0, 0);
        for &v in rets {
            if self.ty(v)?.is_float() {
                let x = *SYSV_FLOAT_RESULTS.get(floats).ok_or_else(|| format!("call {sym}: too many float results"))?;
                floats += 1;
                self.store_f(v, x)?;
            } else {
                let r = *SYSV_INT_RESULTS.get(ints).ok_or_else(|| format!("call {sym}: too many integer results"))?;
                ints += 1;
                self.store(v, r)?;
            }
        }
        Ok(())
    }
}
