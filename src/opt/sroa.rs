//! Scalar replacement of stack slots: a slot whose address is only ever loaded from, stored to, copied
//! whole or cleared whole becomes a handful of vregs, one per field, which the register allocator can keep
//! in registers.
//!
//! In: any function. Out: the same function where the promoted slots' loads and stores are copies between
//! vregs, a whole-slot `MemCopy` is one copy (or load, or store) per field, a whole-slot `MemZero` one
//! constant per field; the promoted slots keep their entry in `Func::slots` with size 0.
//!
//! The lowering keeps every aggregate local (a slice, a string, a small struct) in a slot and reads its
//! words with loads: without this pass a loop over `s[i]` reloads `s`'s pointer and length from the frame
//! at every iteration.
//!
//! A slot is promoted when:
//! - each `SlotAddr` of it writes a vreg written nowhere else, and that vreg is read only as the address of
//!   `Load`s and `Store`s (not as a stored value), or as either side of a `MemCopy` or the address of a
//!   `MemZero` of the slot's whole size: its address goes nowhere else, so nothing can reach its bytes
//!   behind the pass's back;
//! - its accesses partition it: at each offset one size, no two accesses overlapping, all inside the slot.
//!   The bytes no access names are covered by integer fields too, so whole copies to and from other memory
//!   keep them;
//! - it is small (at most [`MAX_SIZE`] bytes, [`MAX_FIELDS`] fields).
//!
//! A field read and written with an integer and a pointer type of the same size is one vreg of the first
//! type seen, with bitcasts for the other. A whole copy between two promoted slots with different fields
//! keeps the later slot in memory. A field that may be read before it is written (the slot's contents were
//! never defined on some path) starts as zero at the entry, so every vreg is written before it is read, as
//! the other passes assume.

use std::collections::BTreeMap;

use crate::ir::live::{def_counts, liveness};
use crate::ir::{ConvOp, Func, Inst, Op, Ty, VReg};

/// The largest slot promoted, in bytes.
pub const MAX_SIZE: u64 = 64;
/// The most fields a promoted slot may have.
pub const MAX_FIELDS: usize = 8;

/// One field of a promoted slot: its vreg and where it sits.
#[derive(Clone, Copy)]
struct Field {
    offset: u64,
    size: u64,
    vreg: VReg,
}

/// Rounds of promotion at most: a slot only ever copied whole from a promoted slot of another shape is
/// promoted in the round after it, when that copy has become stores of the other slot's fields (a composite
/// literal built in one temporary and copied through a second one into memory).
const MAX_ROUNDS: usize = 4;

pub fn run(f: &mut Func) {
    for _ in 0..MAX_ROUNDS {
        if !promote(f) {
            break;
        }
    }
}

/// One round: promotes every slot that qualifies; whether there was one.
fn promote(f: &mut Func) -> bool {
    let ns = f.slots.len();
    if ns == 0 {
        return false;
    }
    let counts = def_counts(f);
    // The slot whose address each vreg holds (only for vregs written once, by a `SlotAddr`).
    let mut slot_of: Vec<Option<u32>> = vec![None; f.vregs.len()];
    // Only slots whose address is taken somewhere (promoted ones no longer are).
    let mut ok: Vec<bool> = vec![false; ns];
    for i in f.blocks.iter().flat_map(|b| &b.insts) {
        if let Op::SlotAddr { slot, .. } = i.op {
            ok[slot.0 as usize] = f.slots[slot.0 as usize].size <= MAX_SIZE;
        }
    }
    for b in &f.blocks {
        for i in &b.insts {
            if let Op::SlotAddr { dst, slot } = i.op {
                if counts[dst.0 as usize] == 1 {
                    slot_of[dst.0 as usize] = Some(slot.0);
                } else {
                    ok[slot.0 as usize] = false;
                }
            }
        }
    }
    // Per slot, the accesses: offset → type (the first seen).
    let mut access: Vec<BTreeMap<u64, Ty>> = vec![BTreeMap::new(); ns];
    let size_of = |s: u32| f.slots[s as usize].size;
    let mut note = |ok: &mut Vec<bool>, s: u32, offset: i32, ty: Ty| {
        let su = s as usize;
        let sz = ty.size(8) as u64;
        if offset < 0 || offset as u64 + sz > size_of(s) {
            ok[su] = false;
            return;
        }
        let prev = *access[su].entry(offset as u64).or_insert(ty);
        let compatible = prev == ty || (is_word_int(prev) && is_word_int(ty));
        if !compatible {
            ok[su] = false;
        }
    };
    for b in &f.blocks {
        for i in &b.insts {
            match i.op {
                Op::Load { dst, addr, offset } => {
                    if let Some(s) = slot_of[addr.0 as usize] {
                        note(&mut ok, s, offset, f.ty(dst));
                    }
                }
                Op::Store { addr, offset, src } => {
                    if let Some(s) = slot_of[addr.0 as usize] {
                        note(&mut ok, s, offset, f.ty(src));
                    }
                    if let Some(s) = slot_of[src.0 as usize] {
                        ok[s as usize] = false;
                    }
                }
                Op::MemCopy { dst, src, size } => {
                    for a in [dst, src] {
                        if let Some(s) = slot_of[a.0 as usize] {
                            if size != size_of(s) {
                                ok[s as usize] = false;
                            }
                        }
                    }
                }
                Op::MemZero { addr, size } => {
                    if let Some(s) = slot_of[addr.0 as usize] {
                        if size != size_of(s) {
                            ok[s as usize] = false;
                        }
                    }
                }
                ref op => op.for_each_use(|u| {
                    if let Some(s) = slot_of[u.0 as usize] {
                        ok[s as usize] = false;
                    }
                }),
            }
        }
        if let Some(c) = b.term.used() {
            if let Some(s) = slot_of[c.0 as usize] {
                ok[s as usize] = false;
            }
        }
    }
    // The fields of each candidate: the accesses, which must not overlap, and integers over the gaps.
    let mut layout: Vec<Vec<(u64, Ty)>> = vec![Vec::new(); ns];
    for s in 0..ns {
        if !ok[s] {
            continue;
        }
        let mut fields = Vec::new();
        let mut at = 0u64;
        for (&off, &ty) in &access[s] {
            if off < at {
                ok[s] = false;
                break;
            }
            fill_gap(&mut fields, at, off);
            fields.push((off, ty));
            at = off + ty.size(8) as u64;
        }
        fill_gap(&mut fields, at, f.slots[s].size);
        if fields.len() > MAX_FIELDS {
            ok[s] = false;
        }
        layout[s] = fields;
    }
    // A whole copy between two candidates needs the same fields on both sides.
    let same_shape = |a: &[(u64, Ty)], b: &[(u64, Ty)]| {
        a.len() == b.len()
            && a.iter()
                .zip(b)
                .all(|(x, y)| x.0 == y.0 && x.1.size(8) == y.1.size(8) && x.1.is_float() == y.1.is_float())
    };
    for b in &f.blocks {
        for i in &b.insts {
            if let Op::MemCopy { dst, src, .. } = i.op {
                if let (Some(d), Some(s)) = (slot_of[dst.0 as usize], slot_of[src.0 as usize]) {
                    let (d, s) = (d as usize, s as usize);
                    if ok[d] && ok[s] && !same_shape(&layout[d], &layout[s]) {
                        ok[d.max(s)] = false;
                    }
                }
            }
        }
    }
    if !ok.iter().any(|&o| o) {
        return false;
    }
    // The vregs of the promoted slots' fields.
    let mut fields: Vec<Vec<Field>> = vec![Vec::new(); ns];
    for s in 0..ns {
        if ok[s] {
            let lay = std::mem::take(&mut layout[s]);
            fields[s] = lay
                .iter()
                .map(|&(offset, ty)| Field { offset, size: ty.size(8) as u64, vreg: f.new_vreg(ty) })
                .collect();
        }
    }
    let promoted = |v: VReg| slot_of[v.0 as usize].filter(|&s| ok[s as usize]).map(|s| s as usize);
    let field_at = |fields: &[Vec<Field>], s: usize, off: i32| -> VReg {
        fields[s].iter().find(|x| x.offset == off as u64).expect("every access is a field").vreg
    };
    let new_vregs: Vec<Ty> = f.vregs.clone();
    for b in &mut f.blocks {
        let insts = std::mem::take(&mut b.insts);
        let mut out = Vec::with_capacity(insts.len());
        for inst in insts {
            let line = inst.line;
            let mut emit = |op: Op| out.push(Inst { line, op });
            match inst.op {
                Op::SlotAddr { slot, .. } if ok[slot.0 as usize] => {}
                Op::Load { dst, addr, offset } if promoted(addr).is_some() => {
                    let fv = field_at(&fields, promoted(addr).unwrap(), offset);
                    emit(move_op(&new_vregs, dst, fv));
                }
                Op::Store { addr, offset, src } if promoted(addr).is_some() => {
                    let fv = field_at(&fields, promoted(addr).unwrap(), offset);
                    emit(move_op(&new_vregs, fv, src));
                }
                Op::MemZero { addr, .. } if promoted(addr).is_some() => {
                    for x in &fields[promoted(addr).unwrap()] {
                        emit(if new_vregs[x.vreg.0 as usize].is_float() {
                            Op::FConst { dst: x.vreg, value: 0.0 }
                        } else {
                            Op::Const { dst: x.vreg, value: 0 }
                        });
                    }
                }
                Op::MemCopy { dst, src, size } => match (promoted(dst), promoted(src)) {
                    (Some(d), Some(s)) => {
                        if d != s {
                            for (x, y) in fields[d].iter().zip(&fields[s]) {
                                emit(move_op(&new_vregs, x.vreg, y.vreg));
                            }
                        }
                    }
                    (Some(d), None) => {
                        for x in &fields[d] {
                            emit(Op::Load { dst: x.vreg, addr: src, offset: x.offset as i32 });
                        }
                    }
                    (None, Some(s)) => {
                        for x in &fields[s] {
                            emit(Op::Store { addr: dst, offset: x.offset as i32, src: x.vreg });
                        }
                    }
                    (None, None) => emit(Op::MemCopy { dst, src, size }),
                },
                op => emit(op),
            }
        }
        b.insts = out;
    }
    for s in 0..ns {
        if ok[s] {
            f.slots[s].size = 0;
            f.slots[s].align = 1;
            debug_assert!(fields[s].iter().all(|x| x.size > 0));
        }
    }
    // Fields that may be read before any write start as zero.
    let live = liveness(f);
    let mut init = Vec::new();
    let line = f.blocks[0].insts.first().map_or(f.line, |i| i.line);
    for x in fields.iter().flatten() {
        if live.is_live_in(0, x.vreg.0 as usize) {
            init.push(Inst {
                line,
                op: if f.ty(x.vreg).is_float() {
                    Op::FConst { dst: x.vreg, value: 0.0 }
                } else {
                    Op::Const { dst: x.vreg, value: 0 }
                },
            });
        }
    }
    if !init.is_empty() {
        f.blocks[0].insts.splice(0..0, init);
    }
    true
}

/// Whether `t` is a word-sized integer or pointer: such fields may be accessed as either.
fn is_word_int(t: Ty) -> bool {
    matches!(t, Ty::I64 | Ty::Ptr)
}

/// `dst = src`: a copy, or a bitcast between a word integer and a pointer.
fn move_op(tys: &[Ty], dst: VReg, src: VReg) -> Op {
    if tys[dst.0 as usize] == tys[src.0 as usize] {
        Op::Copy { dst, src }
    } else {
        Op::Convert { op: ConvOp::Bitcast, dst, src }
    }
}

/// Integer fields over the bytes `from..to` that no access names: each as wide as its alignment allows.
fn fill_gap(fields: &mut Vec<(u64, Ty)>, mut from: u64, to: u64) {
    while from < to {
        let (size, ty) = [(8, Ty::I64), (4, Ty::I32), (2, Ty::I16), (1, Ty::I8)]
            .into_iter()
            .find(|&(k, _)| from % k == 0 && from + k <= to)
            .expect("a byte always fits");
        fields.push((from, ty));
        from += size;
    }
}
