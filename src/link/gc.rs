//! Garbage collection of sections (what `ld --gc-sections` does): keep only what the roots reach.
//!
//! In: the resolved [`Inputs`] and the root symbols. Out: one `live` flag per section. A section is live when
//! a root symbol is defined in it, or a relocation in a live section targets a symbol defined in it. This is
//! why every function and datum sits in a section of its own (rustc's `-ffunction-sections` style, and one
//! section per Go symbol): a hello-world program keeps a few functions of `core`, not all of them.

use super::input::{Def, Inputs, SecId, SymId};

pub fn mark_live(inputs: &Inputs, roots: &[SymId]) -> Vec<bool> {
    let mut live = vec![false; inputs.sections.len()];
    let mut work: Vec<SecId> = Vec::new();
    let reach = |sym: SymId, live: &mut Vec<bool>, work: &mut Vec<SecId>| {
        if let Def::Section { sec, .. } = inputs.sym(sym).def {
            if !live[sec.0 as usize] {
                live[sec.0 as usize] = true;
                work.push(sec);
            }
        }
    };
    for &r in roots {
        reach(r, &mut live, &mut work);
    }
    while let Some(sec) = work.pop() {
        for r in &inputs.sec(sec).relocs {
            reach(r.target, &mut live, &mut work);
        }
    }
    live
}
