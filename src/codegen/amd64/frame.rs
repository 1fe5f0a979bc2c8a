//! Frame layout of one function on amd64.
//!
//! In: an IR function. Out: where each vreg and slot lives, relative to RBP, and the frame size.
//!
//! ```text
//!   rbp+16+k   incoming argument/result area (ABI0), offset k   ← ArgAddr{k}
//!   rbp+8      return address
//!   rbp+0      caller's rbp                                     ← rbp (16-byte aligned)
//!   rbp-8      the closure context (RDX at entry), when ClosureCtx is used
//!   ...        vreg homes (8 bytes each), then slots (each aligned to its own alignment)
//!   rsp+k      outgoing argument/result area for CallGo, offset k   ← OutArgAddr{k}
//!   rsp        16-byte aligned
//! ```
//! Invariants: a Go function is entered with RSP ≡ 8 (mod 16) (a `call` from an aligned RSP), so after
//! `push rbp` RBP is 16-byte aligned; `size` is a multiple of 16, so RSP is aligned at every call.
//! Every vreg the register allocator left in memory, or saves around calls (`Alloc::needs_home`), has a
//! home of 8 bytes: integers keep their value in the low bits (sub-word types have only
//! their low bits defined), F64 the 8 bytes, F32 the low 4 bytes.

use super::regalloc::Alloc;
use crate::ir::{Func, Op, SlotId, VReg};

pub struct Frame {
    /// RBP-relative offset of each vreg's home (0: none, the vreg lives in a register).
    vreg_home: Vec<i32>,
    /// RBP-relative offset of each slot.
    slot_addr: Vec<i32>,
    /// RBP-relative offset of the saved closure context, if the function reads it.
    pub ctx: Option<i32>,
    /// Bytes reserved below RBP by `sub rsp, size` (locals + outgoing area), a multiple of 16.
    pub size: u32,
}

fn align_up(x: u64, a: u64) -> u64 {
    (x + a - 1) / a * a
}

/// The end of the furthest access through an `OutArgAddr` address: the outgoing area must reach it even
/// where no call needs that much (an inlined callee's arguments and results stay there, `opt/inline.rs`).
fn out_accesses(f: &Func) -> u64 {
    let mut base: Vec<Option<i64>> = vec![None; f.vregs.len()];
    for i in f.blocks.iter().flat_map(|b| &b.insts) {
        if let Op::OutArgAddr { dst, offset } = i.op {
            if let Some(b) = base.get_mut(dst.0 as usize) {
                *b = Some(b.unwrap_or(0).max(offset as i64));
            }
        }
    }
    let at = |v: VReg| base.get(v.0 as usize).copied().flatten();
    let ty_size = |v: VReg| f.vregs.get(v.0 as usize).map_or(8, |t| t.size(8) as i64);
    let mut end: i64 = 0;
    for i in f.blocks.iter().flat_map(|b| &b.insts) {
        let reach = match i.op {
            Op::Load { dst, addr, offset } => at(addr).map(|o| o + offset as i64 + ty_size(dst)),
            Op::Store { addr, offset, src } => at(addr).map(|o| o + offset as i64 + ty_size(src)),
            Op::MemZero { addr, size } => at(addr).map(|o| o + size as i64),
            Op::MemCopy { dst, src, size } => at(dst).max(at(src)).map(|o| o + size as i64),
            _ => None,
        };
        end = end.max(reach.unwrap_or(0));
    }
    end as u64
}

impl Frame {
    pub fn layout(f: &Func, alloc: &Alloc) -> Result<Frame, String> {
        let mut used: u64 = 0;
        let mut uses_ctx = false;
        let mut out_args: u64 = 0;
        for b in &f.blocks {
            for i in &b.insts {
                match &i.op {
                    Op::ClosureCtx { .. } => uses_ctx = true,
                    Op::CallGo { args_size, .. } => out_args = out_args.max(*args_size as u64),
                    _ => {}
                }
            }
        }
        out_args = out_args.max(out_accesses(f));
        let ctx = if uses_ctx {
            used += 8;
            Some(-(used as i32))
        } else {
            None
        };
        let mut vreg_home = Vec::with_capacity(f.vregs.len());
        for v in 0..f.vregs.len() {
            if alloc.needs_home.get(v).copied().unwrap_or(true) {
                used += 8;
                vreg_home.push(-(used as i64));
            } else {
                vreg_home.push(0);
            }
        }
        let mut slot_addr = Vec::with_capacity(f.slots.len());
        for s in &f.slots {
            let align = (s.align as u64).clamp(1, 16);
            if !align.is_power_of_two() {
                return Err(format!("{}: slot {} has alignment {}, not a power of two", f.name, s.name, s.align));
            }
            used = align_up(used + s.size, align);
            slot_addr.push(-(used as i64));
        }
        let size = align_up(used + out_args, 16);
        if size > i32::MAX as u64 / 2 {
            return Err(format!("{}: stack frame too large ({size} bytes)", f.name));
        }
        Ok(Frame {
            vreg_home: vreg_home.into_iter().map(|o| o as i32).collect(),
            slot_addr: slot_addr.into_iter().map(|o| o as i32).collect(),
            ctx,
            size: size as u32,
        })
    }

    pub fn home(&self, v: VReg) -> Result<i32, String> {
        match self.vreg_home.get(v.0 as usize) {
            Some(0) => Err(format!("vreg v{} has no home", v.0)),
            Some(&o) => Ok(o),
            None => Err(format!("vreg v{} out of range", v.0)),
        }
    }

    pub fn slot(&self, s: SlotId) -> Result<i32, String> {
        self.slot_addr.get(s.0 as usize).copied().ok_or_else(|| format!("slot s{} out of range", s.0))
    }
}
