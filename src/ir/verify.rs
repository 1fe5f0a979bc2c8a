//! The IR verifier: checks the invariants listed in `ir/mod.rs` (run by the driver after lowering, and
//! between passes).
//!
//! In: a [`Module`] and the [`Target`] it was lowered for (pointer size, ABI0's argument slot size). Out: `Ok(())`, or the first violation as `function bN: instruction: what is wrong`.
//! It checks structure and types only; it does not prove that every vreg is assigned before use.

use std::collections::BTreeSet;

use super::print::{op_text, term_args_text, term_text};
use crate::target::Target;

use super::{BinOp, Callee, Cond, ConvOp, DataKind, Func, Module, Op, Term, Ty, UnOp, VReg};

pub fn verify(target: &Target, m: &Module) -> Result<(), String> {
    let mut names = BTreeSet::new();
    for d in &m.data {
        if !names.insert(d.name.as_str()) {
            return Err(format!("symbol {} defined twice", d.name));
        }
        match d.kind {
            DataKind::Bss if !d.bytes.is_empty() => return Err(format!("{}: bss with contents", d.name)),
            DataKind::ReadOnly | DataKind::Data if d.bytes.len() as u64 != d.size => {
                return Err(format!("{}: {} bytes for size {}", d.name, d.bytes.len(), d.size))
            }
            _ => {}
        }
        for r in &d.relocs {
            if r.offset as u64 + r.width(target.ptr_size) > d.size {
                return Err(format!("{}: relocation at {} outside the symbol", d.name, r.offset));
            }
        }
    }
    for f in &m.funcs {
        if !names.insert(f.name.as_str()) {
            return Err(format!("symbol {} defined twice", f.name));
        }
        // The function's source position first (`file:line: ...`), so that an internal compiler error
        // points at the code that produced the IR.
        verify_func(target, f).map_err(|e| format!("{}:{}: {e}", f.file, f.line))?;
    }
    Ok(())
}

fn is_int(t: Ty) -> bool {
    !t.is_float()
}

fn verify_func(target: &Target, f: &Func) -> Result<(), String> {
    if f.blocks.is_empty() {
        return Err(format!("{}: no blocks", f.name));
    }
    // ABI0 passes every argument and result in register-sized stack slots.
    let slot = target.reg_size as u32;
    let word = target.ptr_size as u32;
    if f.args_size % slot != 0 {
        return Err(format!("{}: args_size {} is not a multiple of {slot}", f.name, f.args_size));
    }
    let nv = f.vregs.len() as u32;
    let nb = f.blocks.len() as u32;
    for (bi, b) in f.blocks.iter().enumerate() {
        for inst in &b.insts {
            let fail = |msg: &str| Err(format!("{} b{}: {}: {}", f.name, bi, op_text(f, &inst.op), msg));
            for r in op_vregs(&inst.op) {
                if r.0 >= nv {
                    return Err(format!("{} b{}: vreg v{} out of range", f.name, bi, r.0));
                }
            }
            let ty = |r: &VReg| f.ty(*r);
            match &inst.op {
                Op::Const { dst, .. } if ty(dst).is_float() => return fail("const into a float vreg"),
                Op::FConst { dst, .. } if !ty(dst).is_float() => return fail("fconst into an integer vreg"),
                Op::SlotAddr { dst, slot } => {
                    if slot.0 as usize >= f.slots.len() {
                        return fail("slot out of range");
                    }
                    if ty(dst) != Ty::Ptr {
                        return fail("address into a non-pointer vreg");
                    }
                }
                Op::ArgAddr { dst, .. }
                | Op::OutArgAddr { dst, .. }
                | Op::SymAddr { dst, .. }
                | Op::ClosureCtx { dst }
                    if ty(dst) != Ty::Ptr =>
                {
                    return fail("address into a non-pointer vreg")
                }
                Op::Load { addr, .. } | Op::Store { addr, .. } | Op::MemZero { addr, .. } if ty(addr) != Ty::Ptr => {
                    return fail("address operand is not a pointer")
                }
                Op::MemCopy { dst, src, .. } if ty(dst) != Ty::Ptr || ty(src) != Ty::Ptr => {
                    return fail("address operand is not a pointer")
                }
                Op::Copy { dst, src } if ty(dst) != ty(src) => return fail("copy between types"),
                Op::Unary { op, dst, x } => {
                    if ty(dst) != ty(x) {
                        return fail("operand and result types differ");
                    }
                    if (*op == UnOp::FNeg) != ty(x).is_float() {
                        return fail("operator does not match the operand type");
                    }
                }
                Op::Binary { op, dst, x, y } => {
                    let shift = matches!(op, BinOp::Shl | BinOp::ShrS | BinOp::ShrU);
                    if ty(dst) != ty(x) {
                        return fail("operand and result types differ");
                    }
                    if shift {
                        // Shift counts may be of any integer type (see `BinOp`).
                        if !is_int(ty(y)) || !is_int(ty(x)) {
                            return fail("shift of a float");
                        }
                    } else if ty(x) != ty(y) {
                        return fail("operand types differ");
                    }
                    let fop = matches!(op, BinOp::FAdd | BinOp::FSub | BinOp::FMul | BinOp::FDiv);
                    if fop != ty(x).is_float() {
                        return fail("operator does not match the operand type");
                    }
                }
                Op::Cmp { cond, dst, x, y } => {
                    if ty(dst) != Ty::I8 {
                        return fail("comparison result is not i8");
                    }
                    if ty(x) != ty(y) {
                        return fail("operand types differ");
                    }
                    let fc = matches!(cond, Cond::FEq | Cond::FNe | Cond::FLt | Cond::FLe | Cond::FGt | Cond::FGe);
                    if fc != ty(x).is_float() {
                        return fail("condition does not match the operand type");
                    }
                }
                Op::Convert { op, dst, src } => {
                    let (s, d) = (ty(src), ty(dst));
                    let ok = match op {
                        ConvOp::SExt | ConvOp::ZExt => is_int(s) && is_int(d) && s.size(word) < d.size(word),
                        ConvOp::Trunc => is_int(s) && is_int(d) && s.size(word) > d.size(word),
                        ConvOp::SToF | ConvOp::UToF => is_int(s) && d.is_float(),
                        ConvOp::FToS | ConvOp::FToU => s.is_float() && is_int(d),
                        ConvOp::FExt => s == Ty::F32 && d == Ty::F64,
                        ConvOp::FTrunc => s == Ty::F64 && d == Ty::F32,
                        ConvOp::Bitcast => s.size(word) == d.size(word) && s != d,
                    };
                    if !ok {
                        return fail("conversion between these types");
                    }
                }
                Op::CallGo { callee, args_size } => {
                    if args_size % slot != 0 {
                        return fail(&format!("args_size is not a multiple of {slot}"));
                    }
                    if let Callee::Closure(c) = callee {
                        if ty(c) != Ty::Ptr {
                            return fail("func value is not a pointer");
                        }
                    }
                }
                Op::CallRt { rets, .. } if rets.len() > 2 => return fail("more than two results"),
                _ => {}
            }
        }
        let bad = |msg: &str| Err(format!("{} b{}: {}: {}", f.name, bi, term_text(&b.term), msg));
        match &b.term {
            Term::Jump(t) if t.0 >= nb => return bad("block out of range"),
            Term::Branch { cond, then, els } => {
                if cond.0 >= nv {
                    return bad("vreg out of range");
                }
                if f.ty(*cond) != Ty::I8 {
                    return bad("condition is not i8");
                }
                if then.0 >= nb || els.0 >= nb {
                    return bad("block out of range");
                }
            }
            _ => {}
        }
        // Block parameters and the arguments passed to them (SSA form): one list per edge, matching the
        // successor's parameters in number and types.
        let bad = |msg: &str| Err(format!("{} b{}: {}: {}", f.name, bi, term_args_text(&b.term, &b.args), msg));
        if b.params.iter().chain(b.args.iter().flatten()).any(|r| r.0 >= nv) {
            return bad("vreg out of range");
        }
        let succs = b.term.succs();
        if !b.args.is_empty() && b.args.len() != succs.len() {
            return bad("argument lists do not match the edges");
        }
        for (i, s) in succs.iter().enumerate() {
            let Some(t) = f.blocks.get(s.0 as usize) else { continue };
            let args = b.edge_args(i);
            if args.len() != t.params.len() {
                return bad(&format!("b{} takes {} arguments, given {}", s.0, t.params.len(), args.len()));
            }
            if args.iter().zip(&t.params).any(|(a, p)| f.ty(*a) != f.ty(*p)) {
                return bad(&format!("argument types differ from b{}'s parameters", s.0));
            }
        }
    }
    if !f.blocks[0].params.is_empty() {
        return Err(format!("{} b0: the entry block has parameters", f.name));
    }
    Ok(())
}

/// SSA form's invariants, checked while a function is in it (between the passes `ssa` and `unssa`): each
/// vreg has at most one definition (an instruction or a block parameter), every vreg read has one, and in
/// the blocks reachable from the entry each definition dominates its reads (a block's arguments are read
/// at its end). Blocks control cannot reach are not checked: no path runs them.
pub fn verify_ssa(f: &Func) -> Result<(), String> {
    const NONE: u32 = u32::MAX;
    // Per vreg: the defining block and the index there (parameters at -1 as 0, instructions from 1).
    let mut def_at: Vec<(u32, u32)> = vec![(NONE, 0); f.vregs.len()];
    let mut twice = None;
    for (bi, b) in f.blocks.iter().enumerate() {
        let mut put = |v: VReg, k: u32| {
            if def_at[v.0 as usize].0 != NONE && twice.is_none() {
                twice = Some((bi, v));
            }
            def_at[v.0 as usize] = (bi as u32, k);
        };
        b.params.iter().for_each(|&p| put(p, 0));
        for (k, i) in b.insts.iter().enumerate() {
            i.op.for_each_def(|d| put(d, k as u32 + 1));
        }
    }
    if let Some((bi, v)) = twice {
        return Err(format!("{} b{bi}: v{} is defined more than once (SSA form)", f.name, v.0));
    }
    let dom = super::dom::DomTree::new(f);
    for (bi, b) in f.blocks.iter().enumerate() {
        if !dom.reachable(bi) {
            continue;
        }
        let check = |v: VReg, k: u32, what: &dyn Fn() -> String| -> Result<(), String> {
            let (db, dk) = def_at[v.0 as usize];
            let ok = db != NONE && if db as usize == bi { dk < k } else { dom.dominates(db as usize, bi) };
            if ok {
                Ok(())
            } else if db == NONE {
                Err(format!("{} b{bi}: {}: v{} is read but never defined (SSA form)", f.name, what(), v.0))
            } else {
                Err(format!(
                    "{} b{bi}: {}: v{} is read where its definition in b{db} does not dominate (SSA form)",
                    f.name,
                    what(),
                    v.0
                ))
            }
        };
        for (k, i) in b.insts.iter().enumerate() {
            let mut r = Ok(());
            i.op.for_each_use(|u| {
                if r.is_ok() {
                    r = check(u, k as u32 + 1, &|| op_text(f, &i.op));
                }
            });
            r?;
        }
        let end = b.insts.len() as u32 + 1;
        for u in b.term.used().into_iter().chain(b.args.iter().flatten().copied()) {
            check(u, end, &|| term_args_text(&b.term, &b.args))?;
        }
    }
    Ok(())
}

/// Every vreg an operation reads or writes.
fn op_vregs(op: &Op) -> Vec<VReg> {
    match op {
        Op::Const { dst, .. }
        | Op::FConst { dst, .. }
        | Op::SlotAddr { dst, .. }
        | Op::ArgAddr { dst, .. }
        | Op::OutArgAddr { dst, .. }
        | Op::SymAddr { dst, .. }
        | Op::ClosureCtx { dst } => vec![*dst],
        Op::Load { dst, addr, .. } => vec![*dst, *addr],
        Op::Store { addr, src, .. } => vec![*addr, *src],
        Op::Copy { dst, src } | Op::Convert { dst, src, .. } => vec![*dst, *src],
        Op::Unary { dst, x, .. } => vec![*dst, *x],
        Op::Binary { dst, x, y, .. } | Op::Cmp { dst, x, y, .. } => vec![*dst, *x, *y],
        Op::MemCopy { dst, src, .. } => vec![*dst, *src],
        Op::MemZero { addr, .. } => vec![*addr],
        Op::CallGo { callee: Callee::Closure(c), .. } => vec![*c],
        Op::CallGo { .. } => vec![],
        Op::CallRt { args, rets, .. } => args.iter().chain(rets).copied().collect(),
    }
}
