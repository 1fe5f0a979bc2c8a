//! codegen tests: hand-built IR modules → amd64 code.
//!
//! - Golden listings (`test/golden/asm/*.s`, update with `UPDATE_GOLDENFILES=1`) show what `g1c dump asm`
//!   prints for small functions (a loop, a call with arguments and results, a closure call, shifts and
//!   divisions).
//! - Execution: on x86-64 Linux the object is loaded into executable memory by a tiny in-test loader
//!   (symbols laid out one after another, relocations applied, runtime calls routed to Rust functions) and
//!   run, so Go's semantics (shift counts ≥ width, MIN / -1, NaN compares, float ↔ unsigned conversions,
//!   overlapping copies) are checked against values computed here.
//! - Disassembly: the code of each function is disassembled by llvm-mc (Debian's `llvm-mc-14`; the test fails
//!   without it) and compared with the listing's text (instructions without label/symbol operands).

#[path = "common/oracle.rs"]
mod oracle;

#[path = "common/goenv.rs"]
mod goenv;

use g1c::codegen::amd64;
use g1c::ir::*;
use g1c::link::object::{Object, RelocKind, SymKind};
use std::io::Write;

// ---------------------------------------------------------------------------------------------------------
// A small builder for IR functions.

struct FB {
    f: Func,
    cur: usize,
    line: u32,
}

impl FB {
    fn new(name: &str, args_size: u32) -> FB {
        let f = Func {
            name: name.into(),
            file: "./test.go".into(),
            line: 1,
            args_size,
            vregs: vec![],
            slots: vec![],
            blocks: vec![Block::new(vec![], Term::Unreachable, 0)],
            escape: Default::default(),
            ext_lines: vec![],
            inl: vec![],
            noinline: false,
        };
        FB { f, cur: 0, line: 1 }
    }
    fn v(&mut self, ty: Ty) -> VReg {
        self.f.new_vreg(ty)
    }
    fn block(&mut self) -> BlockId {
        self.f.blocks.push(Block::new(vec![], Term::Unreachable, 0));
        BlockId(self.f.blocks.len() as u32 - 1)
    }
    fn at(&mut self, b: BlockId) {
        self.cur = b.0 as usize;
    }
    fn line(&mut self, l: u32) {
        self.line = l;
    }
    fn op(&mut self, op: Op) {
        let line = self.line;
        self.f.blocks[self.cur].insts.push(Inst { line, op });
    }
    fn term(&mut self, t: Term) {
        self.f.blocks[self.cur].term = t;
        self.f.blocks[self.cur].term_line = self.line;
    }
    fn konst(&mut self, ty: Ty, value: i64) -> VReg {
        let dst = self.v(ty);
        self.op(Op::Const { dst, value });
        dst
    }
    fn fconst(&mut self, ty: Ty, value: f64) -> VReg {
        let dst = self.v(ty);
        self.op(Op::FConst { dst, value });
        dst
    }
    fn bin(&mut self, op: BinOp, x: VReg, y: VReg) -> VReg {
        let dst = self.v(self.f.ty(x));
        self.op(Op::Binary { op, dst, x, y });
        dst
    }
    fn conv(&mut self, op: ConvOp, ty: Ty, src: VReg) -> VReg {
        let dst = self.v(ty);
        self.op(Op::Convert { op, dst, src });
        dst
    }
    fn load(&mut self, ty: Ty, addr: VReg, offset: i32) -> VReg {
        let dst = self.v(ty);
        self.op(Op::Load { dst, addr, offset });
        dst
    }
    /// Reports `v` (an I64) to the test through the runtime call `test_record`.
    fn record(&mut self, v: VReg) {
        self.op(Op::CallRt { sym: "test_record".into(), args: vec![v], rets: vec![] });
    }
    /// Reports `v` widened to 64 bits.
    fn record_ext(&mut self, v: VReg, signed: bool) {
        let v = match self.f.ty(v) {
            Ty::I64 | Ty::Ptr => v,
            Ty::F64 => self.conv(ConvOp::Bitcast, Ty::I64, v),
            Ty::F32 => {
                let b = self.conv(ConvOp::Bitcast, Ty::I32, v);
                self.conv(ConvOp::ZExt, Ty::I64, b)
            }
            _ => self.conv(if signed { ConvOp::SExt } else { ConvOp::ZExt }, Ty::I64, v),
        };
        self.record(v);
    }
    fn done(self) -> Func {
        self.f
    }
}

// ---------------------------------------------------------------------------------------------------------
// Test programs.

/// `func sum(n int) int { s := 0; for i := 0; i < n; i++ { s += i }; return s }`
fn sum_func() -> Func {
    let mut b = FB::new("main.sum", 16);
    let si = b.f.new_slot(8, 8, "i");
    let ss = b.f.new_slot(8, 8, "s");
    let (head, body, exit) = (b.block(), b.block(), b.block());
    b.line(2);
    let pi = b.v(Ty::Ptr);
    b.op(Op::SlotAddr { dst: pi, slot: si });
    let ps = b.v(Ty::Ptr);
    b.op(Op::SlotAddr { dst: ps, slot: ss });
    let zero = b.konst(Ty::I64, 0);
    b.op(Op::Store { addr: ps, offset: 0, src: zero });
    b.line(3);
    b.op(Op::Store { addr: pi, offset: 0, src: zero });
    b.term(Term::Jump(head));
    b.at(head);
    let i = b.load(Ty::I64, pi, 0);
    let pn = b.v(Ty::Ptr);
    b.op(Op::ArgAddr { dst: pn, offset: 0 });
    let n = b.load(Ty::I64, pn, 0);
    let c = b.v(Ty::I8);
    b.op(Op::Cmp { cond: Cond::LtS, dst: c, x: i, y: n });
    b.term(Term::Branch { cond: c, then: body, els: exit });
    b.at(body);
    b.line(4);
    let s = b.load(Ty::I64, ps, 0);
    let i = b.load(Ty::I64, pi, 0);
    let s2 = b.bin(BinOp::Add, s, i);
    b.op(Op::Store { addr: ps, offset: 0, src: s2 });
    b.line(3);
    let one = b.konst(Ty::I64, 1);
    let i2 = b.bin(BinOp::Add, i, one);
    b.op(Op::Store { addr: pi, offset: 0, src: i2 });
    b.term(Term::Jump(head));
    b.at(exit);
    b.line(6);
    let s = b.load(Ty::I64, ps, 0);
    let pr = b.v(Ty::Ptr);
    b.op(Op::ArgAddr { dst: pr, offset: 8 });
    b.op(Op::Store { addr: pr, offset: 0, src: s });
    b.term(Term::Return);
    b.done()
}

/// `func main() { record(sum(10)); record(sum(-3)) }`
fn call_main() -> Func {
    let mut b = FB::new("main.main", 0);
    for (line, n) in [(10, 10), (11, -3)] {
        b.line(line);
        let a = b.v(Ty::Ptr);
        b.op(Op::OutArgAddr { dst: a, offset: 0 });
        let n = b.konst(Ty::I64, n);
        b.op(Op::Store { addr: a, offset: 0, src: n });
        b.op(Op::CallGo { callee: Callee::Direct("main.sum".into()), args_size: 16 });
        let r = b.v(Ty::Ptr);
        b.op(Op::OutArgAddr { dst: r, offset: 8 });
        let v = b.load(Ty::I64, r, 0);
        b.record(v);
    }
    b.term(Term::Return);
    b.done()
}

/// A closure `func(x int) int { return x + k }` with `k = 42` captured in its (static) closure object,
/// called through a func value.
fn closure_module() -> Module {
    let mut lit = FB::new("main.main.func1", 16);
    lit.line(5);
    let ctx = lit.v(Ty::Ptr);
    lit.op(Op::ClosureCtx { dst: ctx });
    let k = lit.load(Ty::I64, ctx, 8);
    let pa = lit.v(Ty::Ptr);
    lit.op(Op::ArgAddr { dst: pa, offset: 0 });
    let x = lit.load(Ty::I64, pa, 0);
    let r = lit.bin(BinOp::Add, x, k);
    lit.op(Op::Store { addr: pa, offset: 8, src: r });
    lit.term(Term::Return);

    let mut m = FB::new("main.main", 0);
    m.line(8);
    let fv = m.v(Ty::Ptr);
    m.op(Op::SymAddr { dst: fv, sym: "main.main.func1·f".into(), offset: 0 });
    let a = m.v(Ty::Ptr);
    m.op(Op::OutArgAddr { dst: a, offset: 0 });
    let five = m.konst(Ty::I64, 5);
    m.op(Op::Store { addr: a, offset: 0, src: five });
    m.op(Op::CallGo { callee: Callee::Closure(fv), args_size: 16 });
    let r = m.load(Ty::I64, a, 8);
    m.record(r);
    m.term(Term::Return);

    let mut bytes = vec![0u8; 16];
    bytes[8..].copy_from_slice(&42i64.to_le_bytes());
    Module {
        funcs: vec![m.done(), lit.done()],
        data: vec![Data {
            name: "main.main.func1·f".into(),
            kind: DataKind::ReadOnly,
            align: 8,
            size: 16,
            bytes,
            relocs: vec![DataReloc::addr(0, "main.main.func1", 0)],
        }],
    }
}

/// One of each shift and division, on int32 arguments, for the golden listing.
fn shifts_divs_func() -> Func {
    let mut b = FB::new("main.ops", 32);
    b.line(20);
    let pa = b.v(Ty::Ptr);
    b.op(Op::ArgAddr { dst: pa, offset: 0 });
    let x = b.load(Ty::I32, pa, 0);
    let y = b.load(Ty::I32, pa, 4);
    let mut off = 8;
    for op in [BinOp::Shl, BinOp::ShrS, BinOp::ShrU, BinOp::DivS, BinOp::RemS, BinOp::DivU] {
        b.line(b.line + 1);
        let r = b.bin(op, x, y);
        b.op(Op::Store { addr: pa, offset: off, src: r });
        off += 4;
    }
    let x64 = b.conv(ConvOp::SExt, Ty::I64, x);
    b.line(30);
    let q = b.bin(BinOp::DivS, x64, x64);
    b.op(Op::Store { addr: pa, offset: 0, src: q });
    b.term(Term::Return);
    b.done()
}

fn width(ty: Ty) -> u32 {
    ty.size(8) * 8
}

/// Wraps `v` to the width of `ty` and widens it back (sign or zero), as the recorded value is.
fn wrap(v: i64, ty: Ty, signed: bool) -> i64 {
    let w = width(ty);
    if w == 64 {
        return v;
    }
    let m = v & ((1i64 << w) - 1);
    if signed && m >> (w - 1) & 1 == 1 {
        m - (1i64 << w)
    } else {
        m
    }
}

/// Go's result of `x op y` at type `ty` (x, y given as values of that type, sign-extended).
fn go_binary(op: BinOp, ty: Ty, x: i64, y: i64) -> Option<(i64, bool)> {
    let w = width(ty);
    let (sx, sy) = (wrap(x, ty, true), wrap(y, ty, true));
    let (ux, uy) = (wrap(x, ty, false) as u64, wrap(y, ty, false) as u64);
    let r = match op {
        BinOp::DivS if sy == 0 => return None,
        BinOp::DivS => (if sy == -1 { sx.wrapping_neg() } else { sx / sy }, true),
        BinOp::RemS if sy == 0 => return None,
        BinOp::RemS => (if sy == -1 { 0 } else { sx % sy }, true),
        BinOp::DivU if uy == 0 => return None,
        BinOp::DivU => ((ux / uy) as i64, false),
        BinOp::RemU if uy == 0 => return None,
        BinOp::RemU => ((ux % uy) as i64, false),
        BinOp::Shl => (if uy >= w as u64 { 0 } else { (ux << uy) as i64 }, false),
        BinOp::ShrU => (if uy >= w as u64 { 0 } else { (ux >> uy) as i64 }, false),
        BinOp::ShrS => (sx >> uy.min(63), true),
        BinOp::AndNot => ((ux & !uy) as i64, false),
        BinOp::Mul => (sx.wrapping_mul(sy), true),
        BinOp::Sub => (sx.wrapping_sub(sy), true),
        _ => unreachable!(),
    };
    Some((wrap(r.0, ty, r.1), r.1))
}

/// A function that computes every (op, type, x, y) case and records each result; returns the expected
/// values.
fn integer_semantics() -> (Func, Vec<i64>) {
    let mut b = FB::new("main.main", 0);
    let mut want = Vec::new();
    for ty in [Ty::I8, Ty::I16, Ty::I32, Ty::I64] {
        let w = width(ty) as i64;
        let min = if w == 64 { i64::MIN } else { -(1i64 << (w - 1)) };
        let max = if w == 64 { i64::MAX } else { (1i64 << (w - 1)) - 1 };
        let xs = [min, -1, 7, -7, max, 0x55];
        let ys = [-1, 1, 3, -3, 0, w - 1, w, w + 1, 64, 200, min];
        for op in [
            BinOp::DivS,
            BinOp::RemS,
            BinOp::DivU,
            BinOp::RemU,
            BinOp::Shl,
            BinOp::ShrS,
            BinOp::ShrU,
            BinOp::AndNot,
            BinOp::Mul,
            BinOp::Sub,
        ] {
            for &x in &xs {
                for &y in &ys {
                    let Some((r, signed)) = go_binary(op, ty, x, y) else { continue };
                    // Garbage in the upper bits of sub-word values must not matter: build x and y with
                    // their upper bits set differently from the sign extension.
                    let vx = b.konst(ty, x ^ if w < 64 { 0x5a5a_0000_0000_0000 } else { 0 });
                    let vy = b.konst(ty, y ^ if w < 64 { 0x3c00_0000_0000_0000 } else { 0 });
                    let d = b.bin(op, vx, vy);
                    b.record_ext(d, signed);
                    want.push(r);
                }
            }
        }
        // Compares, signed and unsigned.
        for &x in &xs {
            for &y in &[min, -1, 7, max] {
                for cond in [
                    Cond::Eq,
                    Cond::Ne,
                    Cond::LtS,
                    Cond::LeS,
                    Cond::GtS,
                    Cond::GeS,
                    Cond::LtU,
                    Cond::LeU,
                    Cond::GtU,
                    Cond::GeU,
                ] {
                    let vx = b.konst(ty, x ^ if w < 64 { 0x0f00_0000_0000_0000 } else { 0 });
                    let vy = b.konst(ty, y);
                    let d = b.v(Ty::I8);
                    b.op(Op::Cmp { cond, dst: d, x: vx, y: vy });
                    b.record_ext(d, false);
                    let (sx, sy) = (wrap(x, ty, true), wrap(y, ty, true));
                    let (ux, uy) = (wrap(x, ty, false) as u64, wrap(y, ty, false) as u64);
                    want.push(match cond {
                        Cond::Eq => sx == sy,
                        Cond::Ne => sx != sy,
                        Cond::LtS => sx < sy,
                        Cond::LeS => sx <= sy,
                        Cond::GtS => sx > sy,
                        Cond::GeS => sx >= sy,
                        Cond::LtU => ux < uy,
                        Cond::LeU => ux <= uy,
                        Cond::GtU => ux > uy,
                        _ => ux >= uy,
                    } as i64);
                }
            }
        }
    }
    b.term(Term::Return);
    (b.done(), want)
}

fn float_semantics() -> (Func, Vec<i64>) {
    let mut b = FB::new("main.main", 0);
    let mut want = Vec::new();
    // Unsigned ↔ float, including values ≥ 2^63 and the rounding of the halving trick.
    for u in [0u64, 1, 1 << 52, (1 << 63) - 1, 1 << 63, (1 << 63) + 1025, u64::MAX, 0x8000_0000_0000_0801] {
        let v = b.konst(Ty::I64, u as i64);
        let f = b.conv(ConvOp::UToF, Ty::F64, v);
        b.record_ext(f, false);
        want.push((u as f64).to_bits() as i64);
        let f = b.conv(ConvOp::UToF, Ty::F32, v);
        b.record_ext(f, false);
        want.push((u as f32).to_bits() as i64);
    }
    for u in [0u32, 7, u32::MAX, 1 << 31] {
        let v = b.konst(Ty::I32, u as i64);
        let f = b.conv(ConvOp::UToF, Ty::F64, v);
        b.record_ext(f, false);
        want.push((u as f64).to_bits() as i64);
    }
    for x in [0.0f64, 0.9, 1.5, 1e19, 9223372036854775808.0, 9223372036854777856.0, 1.8e19] {
        let v = b.fconst(Ty::F64, x);
        let u = b.conv(ConvOp::FToU, Ty::I64, v);
        b.record(u);
        want.push(x as u64 as i64);
        let v32 = b.fconst(Ty::F32, x);
        let u = b.conv(ConvOp::FToU, Ty::I64, v32);
        b.record(u);
        want.push((x as f32) as u64 as i64);
    }
    for x in [0.0f64, -1.5, 2.5, -2147483648.0, 1e10, -1e18] {
        let v = b.fconst(Ty::F64, x);
        let s = b.conv(ConvOp::FToS, Ty::I64, v);
        b.record(s);
        want.push(x as i64);
        let s = b.conv(ConvOp::FToS, Ty::I32, v);
        b.record_ext(s, true);
        // CVTTSD2SI with a 32-bit destination: out of range gives 0x80000000.
        want.push(if x >= -2147483648.0 && x < 2147483648.0 { x as i32 as i64 } else { i32::MIN as i64 });
    }
    for x in [-5i64, 0, 1 << 60] {
        let v = b.konst(Ty::I64, x);
        let f = b.conv(ConvOp::SToF, Ty::F64, v);
        b.record_ext(f, false);
        want.push((x as f64).to_bits() as i64);
        let v = b.konst(Ty::I16, x);
        let f = b.conv(ConvOp::SToF, Ty::F32, v);
        b.record_ext(f, false);
        want.push(((x as i16) as f32).to_bits() as i64);
    }
    // Arithmetic, negation, widening and narrowing.
    let (x, y) = (b.fconst(Ty::F64, 1.25), b.fconst(Ty::F64, -3.0));
    for (op, r) in [
        (BinOp::FAdd, 1.25 + -3.0),
        (BinOp::FSub, 1.25 - -3.0),
        (BinOp::FMul, 1.25 * -3.0),
        (BinOp::FDiv, 1.25 / -3.0f64),
    ] {
        let d = b.bin(op, x, y);
        b.record_ext(d, false);
        want.push(r.to_bits() as i64);
    }
    let (x32, y32) = (b.fconst(Ty::F32, 0.1), b.fconst(Ty::F32, 3.0));
    let d = b.bin(BinOp::FDiv, x32, y32);
    b.record_ext(d, false);
    want.push((0.1f32 / 3.0f32).to_bits() as i64);
    let n = b.v(Ty::F64);
    b.op(Op::Unary { op: UnOp::FNeg, dst: n, x });
    b.record_ext(n, false);
    want.push((-1.25f64).to_bits() as i64);
    let n = b.v(Ty::F32);
    b.op(Op::Unary { op: UnOp::FNeg, dst: n, x: x32 });
    b.record_ext(n, false);
    want.push((-0.1f32).to_bits() as i64);
    let e = b.conv(ConvOp::FExt, Ty::F64, x32);
    b.record_ext(e, false);
    want.push((0.1f32 as f64).to_bits() as i64);
    let t = b.conv(ConvOp::FTrunc, Ty::F32, x);
    b.record_ext(t, false);
    want.push((1.25f32).to_bits() as i64);
    // Compares with NaN: all false except FNe.
    let vals = [f64::NAN, 1.0, 2.0];
    for ty in [Ty::F64, Ty::F32] {
        for &x in &vals {
            for &y in &vals {
                for cond in [Cond::FEq, Cond::FNe, Cond::FLt, Cond::FLe, Cond::FGt, Cond::FGe] {
                    let (vx, vy) = (b.fconst(ty, x), b.fconst(ty, y));
                    let d = b.v(Ty::I8);
                    b.op(Op::Cmp { cond, dst: d, x: vx, y: vy });
                    b.record_ext(d, false);
                    want.push(match cond {
                        Cond::FEq => x == y,
                        Cond::FNe => x != y,
                        Cond::FLt => x < y,
                        Cond::FLe => x <= y,
                        Cond::FGt => x > y,
                        _ => x >= y,
                    } as i64);
                }
            }
        }
    }
    b.term(Term::Return);
    (b.done(), want)
}

/// MemCopy with overlapping ranges (small: inline; large: runtime memmove), MemZero small and large.
fn memory_semantics() -> (Func, Vec<i64>) {
    let mut b = FB::new("main.main", 0);
    let mut want = Vec::new();
    for (size, shift, forward) in [(20u64, 1i64, true), (20, 3, false), (100, 5, true), (100, 7, false), (7, 1, true)] {
        let s = b.f.new_slot(128, 8, "buf");
        let p = b.v(Ty::Ptr);
        b.op(Op::SlotAddr { dst: p, slot: s });
        let mut model: Vec<u8> = (0..128u8).collect();
        for i in 0..128 {
            let v = b.konst(Ty::I8, i);
            b.op(Op::Store { addr: p, offset: i as i32, src: v });
        }
        let (dst, src) = (b.v(Ty::Ptr), b.v(Ty::Ptr));
        let k = b.konst(Ty::Ptr, shift);
        let base = b.konst(Ty::Ptr, 8);
        let p8 = b.v(Ty::Ptr);
        b.op(Op::Binary { op: BinOp::Add, dst: p8, x: p, y: base });
        let shifted = b.v(Ty::Ptr);
        b.op(Op::Binary { op: BinOp::Add, dst: shifted, x: p8, y: k });
        let (d0, s0) = if forward { (shifted, p8) } else { (p8, shifted) };
        b.op(Op::Copy { dst, src: d0 });
        b.op(Op::Copy { dst: src, src: s0 });
        b.op(Op::MemCopy { dst, src, size });
        let (md, ms) = if forward { (8 + shift as usize, 8) } else { (8, 8 + shift as usize) };
        model.copy_within(ms..ms + size as usize, md);
        for i in (0..128).step_by(8) {
            let v = b.load(Ty::I64, p, i);
            b.record(v);
            want.push(i64::from_le_bytes(model[i as usize..i as usize + 8].try_into().unwrap()));
        }
    }
    for (off, size) in [(3i64, 13u64), (1, 101)] {
        let s = b.f.new_slot(128, 8, "z");
        let p = b.v(Ty::Ptr);
        b.op(Op::SlotAddr { dst: p, slot: s });
        let ones = b.konst(Ty::I64, -1);
        for i in (0..128).step_by(8) {
            b.op(Op::Store { addr: p, offset: i, src: ones });
        }
        let k = b.konst(Ty::Ptr, off);
        let q = b.bin(BinOp::Add, p, k);
        b.op(Op::MemZero { addr: q, size });
        let mut model = vec![0xffu8; 128];
        model[off as usize..off as usize + size as usize].fill(0);
        for i in (0..128).step_by(8) {
            let v = b.load(Ty::I64, p, i);
            b.record(v);
            want.push(i64::from_le_bytes(model[i as usize..i as usize + 8].try_into().unwrap()));
        }
    }
    b.term(Term::Return);
    (b.done(), want)
}

// ---------------------------------------------------------------------------------------------------------
// Golden listings.

fn golden(name: &str, m: &Module) {
    let text = amd64::listing(m, true).expect("listing");
    let mut mint = goldenfile::Mint::new("test/golden/asm");
    let mut f = mint.new_goldenfile(format!("{name}.s")).unwrap();
    f.write_all(text.as_bytes()).unwrap();
}

#[test]
fn golden_loop_and_call() {
    golden("loop_and_call", &Module { funcs: vec![call_main(), sum_func()], data: vec![] });
}

#[test]
fn golden_closure() {
    golden("closure", &closure_module());
}

#[test]
fn golden_shifts_divs() {
    golden("shifts_divs", &Module { funcs: vec![shifts_divs_func()], data: vec![] });
}

#[test]
fn object_symbols_relocs_and_lines() {
    let obj = amd64::compile(&closure_module(), true).unwrap();
    let names: Vec<_> = obj.symbols.iter().map(|s| (s.name.as_str(), s.kind)).collect();
    assert_eq!(
        names,
        vec![("main.main", SymKind::Text), ("main.main.func1", SymKind::Text), ("main.main.func1·f", SymKind::RoData)]
    );
    let main = &obj.symbols[0];
    assert_eq!(main.align, 32);
    let meta = main.func.as_ref().unwrap();
    assert_eq!(meta.file, "./test.go");
    assert_eq!(meta.lines.first(), Some(&(0, 1)));
    assert!(meta.lines.contains(&(meta.lines[1].0, 8)));
    assert_eq!(meta.frame_size % 16, 0);
    // The prologue's stack guard is FS-relative: no relocation.
    let r = main.relocs.iter().find(|r| r.target != "g1c_morestack").unwrap();
    assert_eq!((r.kind, r.target.as_str(), r.addend), (RelocKind::Pc32, "main.main.func1·f", -4));
    let d = &obj.symbols[2];
    assert_eq!(d.relocs[0].kind, RelocKind::Abs64);
    // Same input, same bytes.
    assert_eq!(obj, amd64::compile(&closure_module(), true).unwrap());
}

#[test]
fn bad_ir_is_an_error_not_a_panic() {
    let mut b = FB::new("main.bad", 0);
    b.op(Op::Copy { dst: VReg(7), src: VReg(9) });
    b.term(Term::Jump(BlockId(5)));
    let m = Module { funcs: vec![b.done()], data: vec![] };
    let e = amd64::compile(&m, true).unwrap_err();
    assert!(e.contains("main.bad"), "{e}");
}

// ---------------------------------------------------------------------------------------------------------
// Disassembly cross-check with llvm-mc.

/// llvm-mc's disassembly of `bytes`, one instruction a line (Intel syntax, blanks collapsed).
fn llvm_disassemble(bytes: &[u8]) -> Vec<String> {
    use std::process::{Command, Stdio};
    let mut child = Command::new(oracle::llvm_mc())
        .args(["--disassemble", "-triple=x86_64", "-output-asm-variant=1"])
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    let input: String = bytes.iter().map(|b| format!("0x{b:02x} ")).collect();
    child.stdin.take().unwrap().write_all(input.as_bytes()).unwrap();
    let out = child.wait_with_output().unwrap();
    assert!(out.status.success(), "llvm-mc failed: {}", String::from_utf8_lossy(&out.stderr));
    let text = String::from_utf8_lossy(&out.stdout);
    text.lines()
        .map(|l| l.split('#').next().unwrap().split_whitespace().collect::<Vec<_>>().join(" "))
        .filter(|l| !l.is_empty() && !l.starts_with('.'))
        .collect()
}

#[test]
fn listing_agrees_with_llvm_disassembly() {
    let (f, _) = integer_semantics();
    let (g, _) = float_semantics();
    let (h, _) = memory_semantics();
    for m in [
        Module { funcs: vec![call_main(), sum_func(), shifts_divs_func()], data: vec![] },
        Module { funcs: vec![f, g, h], data: vec![] },
    ] {
        let text = amd64::listing(&m, true).unwrap();
        let obj = amd64::compile(&m, true).unwrap();
        let mut ours = Vec::new();
        for l in text.lines() {
            // "    0000  55                             push rbp"
            if l.starts_with("    ") && !l.trim_start().starts_with(';') {
                let inst = l[4..].splitn(2, "  ").nth(1).unwrap().get(31..).unwrap_or("").trim().to_string();
                ours.push(inst);
            }
        }
        let mut bytes = Vec::new();
        for s in obj.symbols.iter().filter(|s| s.kind == SymKind::Text) {
            bytes.extend_from_slice(&s.data);
        }
        let theirs = llvm_disassemble(&bytes);
        assert_eq!(ours.len(), theirs.len(), "instruction counts differ");
        let mut bad = Vec::new();
        for (a, b) in ours.iter().zip(&theirs) {
            // A label or symbol operand prints as a number in the disassembly (the object's fields are zero
            // until linking): such instructions are compared by mnemonic only.
            let symbolic = a.contains(".L") || a.contains("rip") || a.starts_with("call ") || a.starts_with('j');
            let same = if symbolic { a.split_whitespace().next() == b.split_whitespace().next() } else { a == b };
            if !same {
                bad.push(format!("ours `{a}`, llvm-mc `{b}`"));
            }
        }
        assert!(bad.is_empty(), "{}", bad.join("\n"));
    }
}

// ---------------------------------------------------------------------------------------------------------
// Execution in this process (x86-64 Linux only).

#[cfg(all(target_arch = "x86_64", target_os = "linux"))]
mod exec {
    use super::*;
    use asm::x86::{Assembler, Mnemonic as M, Mode, Operand, R12, R13, R14, R15, RAX, RBP, RBX, RSP};
    use std::cell::RefCell;
    use std::collections::BTreeMap;

    thread_local! {
        static RECORDED: RefCell<Vec<i64>> = RefCell::new(Vec::new());
    }

    extern "C" fn test_record(v: i64) {
        RECORDED.with(|r| r.borrow_mut().push(v));
    }

    extern "C" fn test_memmove(dst: *mut u8, src: *const u8, n: usize) {
        // SAFETY: the compiled code passes valid ranges inside its own frame.
        unsafe { std::ptr::copy(src, dst, n) }
    }

    extern "C" {
        fn mmap(addr: *mut u8, len: usize, prot: i32, flags: i32, fd: i32, off: i64) -> *mut u8;
        fn munmap(addr: *mut u8, len: usize) -> i32;
    }

    /// Lays out `obj` plus an entry trampoline and stubs for the runtime functions in one RWX mapping,
    /// applies relocations, calls `main.main` and returns what it recorded.
    pub fn run(obj: &Object) -> Vec<i64> {
        // Entry: save the callee-saved registers the C caller expects kept, align, call main.main.
        let mut a = Assembler::new(Mode::Long);
        a.op1(M::Push, RBP).unwrap();
        a.op2(M::Mov, RBP, RSP).unwrap();
        for r in [RBX, R12, R13, R14, R15] {
            a.op1(M::Push, r).unwrap();
        }
        a.op2(M::Sub, RSP, 8).unwrap();
        a.op1(M::Call, Operand::Sym("main.main".into())).unwrap();
        a.op2(M::Add, RSP, 8).unwrap();
        for r in [R15, R14, R13, R12, RBX] {
            a.op1(M::Pop, r).unwrap();
        }
        a.op1(M::Pop, RBP).unwrap();
        a.op0(M::Ret).unwrap();
        let entry = a.finish().unwrap();
        // Runtime stubs: movabs rax, fn; jmp rax (the psABI leaves RAX free at calls).
        let externs: [(&str, usize); 2] = [
            ("test_record", test_record as extern "C" fn(i64) as usize),
            ("g1c_memmove", test_memmove as extern "C" fn(*mut u8, *const u8, usize) as usize),
        ];
        let mut pieces: Vec<(String, Vec<u8>, Vec<(u32, RelocKind, String, i64)>, u32)> = Vec::new();
        pieces.push((
            "<entry>".into(),
            entry.bytes.clone(),
            entry.relocs.iter().map(|r| (r.offset, RelocKind::Pc32, r.sym.clone(), r.addend)).collect(),
            16,
        ));
        // The prologue's stack check (codegen/amd64/stack.rs) reads fs:[0x70], which glibc keeps 0 (its
        // split-stack slot): the check never fails here.
        pieces.push(("g1c_morestack".into(), vec![0x0f, 0x0b], vec![], 16));
        pieces.push(("g1c_backedge_preempt".into(), vec![0x0f, 0x0b], vec![], 16));
        for (name, addr) in externs {
            let mut s = Assembler::new(Mode::Long);
            s.op2(M::Mov, RAX, addr as i64).unwrap();
            s.op1(M::Jmp, RAX).unwrap();
            pieces.push((name.into(), s.finish().unwrap().bytes, vec![], 16));
        }
        for s in &obj.symbols {
            let mut data = s.data.clone();
            data.resize(s.size as usize, 0);
            pieces.push((
                s.name.clone(),
                data,
                s.relocs.iter().map(|r| (r.offset, r.kind, r.target.clone(), r.addend)).collect(),
                s.align,
            ));
        }
        let total: usize = pieces.iter().map(|p| p.1.len() + p.3 as usize).sum::<usize>() + 4096;
        // SAFETY: an anonymous private mapping; PROT_READ|WRITE|EXEC.
        let base = unsafe { mmap(std::ptr::null_mut(), total, 7, 0x22, -1, 0) };
        assert!(base as isize != -1, "mmap failed");
        let mut addrs = BTreeMap::new();
        let mut off = 0usize;
        let mut placed = Vec::new();
        for p in &pieces {
            off = (off + p.3 as usize - 1) / p.3 as usize * p.3 as usize;
            addrs.insert(p.0.clone(), base as usize + off);
            placed.push(off);
            off += p.1.len();
        }
        // SAFETY: all writes stay inside the mapping of `total` bytes.
        unsafe {
            for (p, &at) in pieces.iter().zip(&placed) {
                std::ptr::copy_nonoverlapping(p.1.as_ptr(), base.add(at), p.1.len());
                for (roff, kind, target, addend) in &p.2 {
                    let s = *addrs.get(target).unwrap_or_else(|| panic!("undefined symbol {target}")) as i64;
                    let place = base.add(at + *roff as usize);
                    match kind {
                        RelocKind::Pc32 => {
                            let v = s + addend - place as i64;
                            let v = i32::try_from(v).expect("pc32 out of range");
                            std::ptr::copy_nonoverlapping(v.to_le_bytes().as_ptr(), place, 4);
                        }
                        RelocKind::Abs64 => {
                            std::ptr::copy_nonoverlapping((s + addend).to_le_bytes().as_ptr(), place, 8)
                        }
                        RelocKind::Abs32 => panic!("abs32 not expected"),
                        RelocKind::ImageRel32 => panic!("image-relative offsets not expected"),
                    }
                }
            }
            RECORDED.with(|r| r.borrow_mut().clear());
            let f: extern "C" fn() = std::mem::transmute(addrs["<entry>"]);
            f();
            munmap(base, total);
        }
        RECORDED.with(|r| r.borrow().clone())
    }

    fn check(m: Module, want: Vec<i64>) {
        let obj = amd64::compile(&m, true).unwrap();
        let got = run(&obj);
        assert_eq!(got.len(), want.len(), "number of recorded values");
        let bad: Vec<String> = got
            .iter()
            .zip(&want)
            .enumerate()
            .filter(|(_, (g, w))| g != w)
            .map(|(i, (g, w))| format!("#{i}: got {g:#x} want {w:#x}"))
            .collect();
        assert!(bad.is_empty(), "{} wrong:\n{}", bad.len(), bad.join("\n"));
    }

    #[test]
    fn runs_loop_and_call() {
        check(Module { funcs: vec![call_main(), sum_func()], data: vec![] }, vec![45, 0]);
    }

    #[test]
    fn runs_closure_call() {
        check(closure_module(), vec![47]);
    }

    #[test]
    fn integer_ops_follow_go() {
        let (f, want) = integer_semantics();
        check(Module { funcs: vec![f], data: vec![] }, want);
    }

    #[test]
    fn float_ops_follow_go() {
        let (f, want) = float_semantics();
        check(Module { funcs: vec![f], data: vec![] }, want);
    }

    #[test]
    fn memory_ops_follow_go() {
        let (f, want) = memory_semantics();
        check(Module { funcs: vec![f], data: vec![] }, want);
    }
}

// ---------------------------------------------------------------------------------------------------------
// End to end: hand-built IR → codegen → linker with the real runtime → a Linux executable.

/// `main.main` prints sum(10), a closure's result and a float, then calls `main.f`, which divides by zero
/// (the runtime's panic prints a traceback from the line tables).
fn e2e_module() -> Module {
    let mut m = closure_module();
    let mut b = FB::new("main.main", 0);
    b.line(10);
    let a = b.v(Ty::Ptr);
    b.op(Op::OutArgAddr { dst: a, offset: 0 });
    let n = b.konst(Ty::I64, 10);
    b.op(Op::Store { addr: a, offset: 0, src: n });
    b.op(Op::CallGo { callee: Callee::Direct("main.sum".into()), args_size: 16 });
    let r = b.load(Ty::I64, a, 8);
    b.op(Op::CallRt { sym: "g1c_printint".into(), args: vec![r], rets: vec![] });
    b.op(Op::CallRt { sym: "g1c_printnl".into(), args: vec![], rets: vec![] });
    b.line(11);
    b.op(Op::CallGo { callee: Callee::Direct("main.closure".into()), args_size: 0 });
    b.line(12);
    let x = b.fconst(Ty::F64, 1.5);
    b.op(Op::CallRt { sym: "g1c_printfloat".into(), args: vec![x], rets: vec![] });
    b.op(Op::CallRt { sym: "g1c_printnl".into(), args: vec![], rets: vec![] });
    b.line(13);
    b.op(Op::CallGo { callee: Callee::Direct("main.f".into()), args_size: 0 });
    b.term(Term::Return);

    // The closure test's main becomes main.closure, printing instead of recording.
    let mut closure = m.funcs.remove(0);
    closure.name = "main.closure".into();
    for blk in &mut closure.blocks {
        for i in &mut blk.insts {
            if let Op::CallRt { sym, .. } = &mut i.op {
                *sym = "g1c_printint".into();
            }
        }
        blk.insts.push(Inst { line: 8, op: Op::CallRt { sym: "g1c_printnl".into(), args: vec![], rets: vec![] } });
    }

    let mut f = FB::new("main.f", 0);
    f.f.line = 20;
    f.line(21);
    f.op(Op::CallRt { sym: "g1c_panic_divide".into(), args: vec![], rets: vec![] });
    f.term(Term::Unreachable);
    let mut init = FB::new("main.init", 0);
    init.term(Term::Return);
    m.funcs.splice(0..0, [b.done(), closure, sum_func(), f.done(), init.done()]);
    // The runtime initializes packages from `main..inittask` (RUNTIME-ABI.md): no deps, one function.
    let mut task = vec![0u8; 32];
    task[16..24].copy_from_slice(&1u64.to_le_bytes());
    m.data.push(Data {
        name: "main..inittask".into(),
        kind: DataKind::Data,
        align: 8,
        size: 32,
        bytes: task,
        relocs: vec![DataReloc::addr(24, "main.init", 0)],
    });
    m
}

#[test]
fn e2e_linked_with_runtime() {
    let rt = g1c::rtbuild::runtime_archive(g1c::rtbuild::rustc::HOST_TARGET).unwrap();
    let obj = amd64::compile(&e2e_module(), true).unwrap();
    let exe = g1c::link::link(&g1c::target::Target::LINUX_AMD64, &obj, &rt).unwrap();
    let dir = std::env::temp_dir().join(format!("g1c-codegen-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let path = dir.join("e2e");
    std::fs::write(&path, &exe).unwrap();
    std::fs::set_permissions(&path, std::os::unix::fs::PermissionsExt::from_mode(0o755)).unwrap();
    let out = goenv::command(&path).output().unwrap();
    let stderr = String::from_utf8_lossy(&out.stderr);
    eprintln!("{stderr}");
    assert!(stderr.starts_with("45\n47\n+1.500000e+000\npanic: runtime error: integer divide by zero\n"), "{stderr}");
    assert!(stderr.contains("main.f()\n\t./test.go:21 +0x"), "{stderr}");
    assert!(stderr.contains("main.main()\n\t./test.go:13 +0x"), "{stderr}");
    assert_eq!(out.status.code(), Some(2));
    let _ = std::fs::remove_dir_all(&dir);
}
