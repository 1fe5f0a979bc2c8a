//! Copy coalescing: `t = OP …; …; x = copy t`, with `t` read by nothing else, becomes `x = OP …`.
//!
//! In: any function. Out: the same function without such copies; `t` is no longer written or read.
//!
//! The lowering computes an assignment's value into a fresh vreg and copies it to the variable's vreg
//! (`i++` is `t = add i, 1; i = copy t`). Since the register allocator gives each vreg one register, the
//! pair costs two registers and a move where one instruction on one register would do.
//!
//! The rewrite is safe when both instructions are in the same block, `t` is written once and read only
//! by the copy, and nothing between them reads or writes `x` (the defining instruction itself may read
//! `x`: it reads its operands before it writes). Then `x` takes the value at the definition instead of at
//! the copy, and no instruction in between could tell. Only instructions with one result are rewritten.

use crate::ir::live::def_counts;
use crate::ir::{Func, Op, VReg};

pub fn run(f: &mut Func) {
    let nv = f.vregs.len();
    let counts = def_counts(f);
    let mut uses = vec![0u32; nv];
    for b in &f.blocks {
        for i in &b.insts {
            i.op.for_each_use(|u| uses[u.0 as usize] += 1);
        }
        if let Some(c) = b.term.used() {
            uses[c.0 as usize] += 1;
        }
    }
    for b in f.blocks.iter_mut() {
        // Per vreg `t` (candidates only): the index of its defining instruction in this block.
        let mut def_at: Vec<(VReg, usize)> = Vec::new();
        let mut remove = vec![false; b.insts.len()];
        for k in 0..b.insts.len() {
            if let Op::Copy { dst: x, src: t } = b.insts[k].op {
                let ti = t.0 as usize;
                if x != t && counts[ti] == 1 && uses[ti] == 1 && f.vregs[ti] == f.vregs[x.0 as usize] {
                    if let Some(&(_, d)) = def_at.iter().find(|(v, _)| *v == t) {
                        let clear = b.insts[d + 1..k].iter().enumerate().all(|(j, i)| {
                            let mut touches = false;
                            i.op.for_each_use(|u| touches |= u == x);
                            i.op.for_each_def(|w| touches |= w == x);
                            touches &= !remove[d + 1 + j];
                            !touches
                        });
                        if clear {
                            b.insts[d].op.map_defs(|w| if w == t { x } else { w });
                            remove[k] = true;
                            def_at.retain(|(v, _)| *v != t);
                            continue;
                        }
                    }
                }
            }
            let mut n = 0;
            b.insts[k].op.for_each_def(|_| n += 1);
            if n == 1 {
                let mut d = VReg(0);
                b.insts[k].op.for_each_def(|w| d = w);
                if counts[d.0 as usize] == 1 && uses[d.0 as usize] == 1 {
                    def_at.push((d, k));
                }
            }
        }
        let mut k = 0;
        b.insts.retain(|_| {
            k += 1;
            !remove[k - 1]
        });
    }
}
