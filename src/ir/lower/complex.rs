//! Complex numbers (Go spec "Arithmetic operators", "Manipulating complex numbers"): `+ - * /` and unary
//! `-` on complex64/complex128, the builtins `complex`, `real`, `imag`, and conversions between the two sizes.
//!
//! In: expressions of complex type (dispatched here from `expr.rs` and `call.rs`). Out: IR on the two float
//! halves of a value in memory (`{re, im}`, each F32 or F64). As gc: complex64 products are computed in
//! float64 and rounded, division is the runtime's `complex128div` (Smith's algorithm with C99's fix-ups for
//! infinities and NaNs), complex64 division goes through complex128.

use super::func::{Fb, Val};
use crate::ir::{BinOp, ConvOp, Ty, UnOp, VReg};
use crate::syntax::ast::{BinaryOp, ExprId};
use crate::syntax::pos::Pos;
use crate::types::{BasicKind, TypeId};

impl<'a, 'b> Fb<'a, 'b> {
    /// The float type of a complex type's halves.
    fn half_ty(&self, t: TypeId) -> Ty {
        if self.basic(t) == Some(BasicKind::Complex64) {
            Ty::F32
        } else {
            Ty::F64
        }
    }

    /// `(re, im)` of a complex value.
    pub fn complex_parts(&mut self, v: Val, t: TypeId) -> (VReg, VReg) {
        let fty = self.half_ty(t);
        let re = self.load(fty, v.v(), 0);
        let im = self.load(fty, v.v(), fty.size(self.word()) as i64);
        (re, im)
    }

    /// A complex value of type `t` from its halves.
    pub fn complex_make(&mut self, re: VReg, im: VReg, t: TypeId) -> Val {
        let fty = self.half_ty(t);
        let a = self.temp(t, "complex");
        self.store(a, 0, re);
        self.store(a, fty.size(self.word()) as i64, im);
        Val::M(a)
    }

    /// `x op y` on complex values of type `t` (`x` evaluated, `y` not yet).
    pub fn complex_binary(&mut self, op: BinaryOp, xv: Val, t: TypeId, y: ExprId, pos: Pos) -> Val {
        let xv = self.to_temp(xv, t);
        let yv = self.expr_to(y, t);
        self.set_pos(pos);
        let (a, b) = self.complex_parts(xv, t);
        let (c, d) = self.complex_parts(yv, t);
        let fty = self.half_ty(t);
        match op {
            BinaryOp::Add | BinaryOp::Sub => {
                let bop = if op == BinaryOp::Add { BinOp::FAdd } else { BinOp::FSub };
                let re = self.binary(bop, a, c);
                let im = self.binary(bop, b, d);
                self.complex_make(re, im, t)
            }
            BinaryOp::Mul => {
                // In float64, as gc, then rounded to the type's halves.
                let w = |fb: &mut Self, v: VReg| if fty == Ty::F32 { fb.conv(ConvOp::FExt, Ty::F64, v) } else { v };
                let (a, b, c, d) = (w(self, a), w(self, b), w(self, c), w(self, d));
                let ac = self.binary(BinOp::FMul, a, c);
                let bd = self.binary(BinOp::FMul, b, d);
                let ad = self.binary(BinOp::FMul, a, d);
                let bc = self.binary(BinOp::FMul, b, c);
                let mut re = self.binary(BinOp::FSub, ac, bd);
                let mut im = self.binary(BinOp::FAdd, ad, bc);
                if fty == Ty::F32 {
                    re = self.conv(ConvOp::FTrunc, Ty::F32, re);
                    im = self.conv(ConvOp::FTrunc, Ty::F32, im);
                }
                self.complex_make(re, im, t)
            }
            BinaryOp::Quo => {
                let w = |fb: &mut Self, v: VReg| if fty == Ty::F32 { fb.conv(ConvOp::FExt, Ty::F64, v) } else { v };
                let (a, b, c, d) = (w(self, a), w(self, b), w(self, c), w(self, d));
                let out = self.temp(TypeId::COMPLEX128, "cdiv");
                self.call_rt("g1c_complex128div", vec![out, a, b, c, d], &[]);
                let mut re = self.load(Ty::F64, out, 0);
                let mut im = self.load(Ty::F64, out, 8);
                if fty == Ty::F32 {
                    re = self.conv(ConvOp::FTrunc, Ty::F32, re);
                    im = self.conv(ConvOp::FTrunc, Ty::F32, im);
                }
                self.complex_make(re, im, t)
            }
            _ => self.fail(pos, "internal: complex operator", t),
        }
    }

    /// `-x` for a complex `x`.
    pub fn complex_neg(&mut self, x: ExprId, t: TypeId, pos: Pos) -> Val {
        let v = self.expr_to(x, t);
        self.set_pos(pos);
        let (re, im) = self.complex_parts(v, t);
        let re = self.emit_unary(UnOp::FNeg, re);
        let im = self.emit_unary(UnOp::FNeg, im);
        self.complex_make(re, im, t)
    }

    /// `complex(r, i)` of type `t` (or `complex(f())` with `f` returning two floats).
    pub fn complex_builtin(&mut self, args: &[ExprId], t: TypeId, pos: Pos) -> Val {
        let ft = if self.half_ty(t) == Ty::F32 { TypeId::FLOAT32 } else { TypeId::FLOAT64 };
        if let [f] = args {
            let vs = self.call_multi(*f);
            self.set_pos(pos);
            return match vs.as_slice() {
                [re, im] => self.complex_make(re.v(), im.v(), t),
                _ => self.fail(pos, "internal: complex of a call without two results", t),
            };
        }
        let (r, i) = (args[0], args[1]);
        let re = self.expr_to(r, ft);
        let re = self.to_temp(re, ft).v();
        let im = self.expr_to(i, ft).v();
        self.set_pos(pos);
        self.complex_make(re, im, t)
    }

    /// `real(c)` / `imag(c)`.
    pub fn complex_part_builtin(&mut self, c: ExprId, imag: bool, pos: Pos) -> Val {
        let t = self.default_type(self.type_of(c));
        let v = self.expr_to(c, t);
        self.set_pos(pos);
        let (re, im) = self.complex_parts(v, t);
        Val::S(if imag { im } else { re })
    }

    /// Conversion between complex64 and complex128.
    pub fn complex_convert(&mut self, v: Val, from: TypeId, to: TypeId) -> Val {
        let (re, im) = self.complex_parts(v, from);
        let (ft, tt) = (self.half_ty(from), self.half_ty(to));
        if ft == tt {
            return self.complex_make(re, im, to);
        }
        let op = if tt == Ty::F64 { ConvOp::FExt } else { ConvOp::FTrunc };
        let re = self.conv(op, tt, re);
        let im = self.conv(op, tt, im);
        self.complex_make(re, im, to)
    }
}
