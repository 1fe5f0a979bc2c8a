//! Garbage collection of sections (what `ld --gc-sections` does): keep only what the roots reach.
//!
//! In: the resolved [`Inputs`], the root symbols, and what [`methods`](super::methods) knows about the Go
//! program's methods. Out: one `live` flag per section. A section is live when a root symbol is defined in
//! it, or a relocation in a live section targets a symbol defined in it. This is why every function and
//! datum sits in a section of its own (rustc's `-ffunction-sections` style, and one section per Go symbol):
//! a hello-world program keeps a few functions of `core`, not all of them.
//!
//! One kind of relocation is not followed: a type descriptor's `ifn`/`tfn` entries and a static itab's
//! `fun` entries. Such a method becomes
//! live only when the calls and reflection seen in live code may reach it (`methods.rs`); since a newly
//! live method may call further interface methods, marking repeats until nothing new is found.

use super::input::{Def, FileKind, Inputs, SecId, SymId};
use super::methods::{Marking, Methods};

pub fn mark_live(inputs: &Inputs, roots: &[SymId], methods: Option<&Methods>) -> Vec<bool> {
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
    let mut marking = methods.map(Marking::new);
    let sec_of = |sym: SymId| match inputs.sym(sym).def {
        Def::Section { sec, .. } => Some(sec),
        _ => None,
    };
    loop {
        while let Some(sec) = work.pop() {
            let mut skip: Vec<usize> = Vec::new();
            if let (Some(m), Some(mk)) = (methods, marking.as_mut()) {
                mk.on_live(m, sec);
                if let Some(ss) = m.slots.get(&sec) {
                    skip = ss.iter().flat_map(|s| s.relocs).collect();
                    skip.sort_unstable();
                }
            }
            let s = inputs.sec(sec);
            let from_go = inputs.files[s.file.0 as usize].kind == FileKind::Go;
            for (i, r) in s.relocs.iter().enumerate() {
                if skip.binary_search(&i).is_ok() {
                    continue;
                }
                reach(r.target, &mut live, &mut work);
                if let (Some(m), Some(mk), Some(to)) = (methods, marking.as_mut(), sec_of(r.target)) {
                    if m.descs.contains(&to) && mk.puts_in_iface(m, sec, to, from_go) {
                        mk.add_iface(m, to);
                    }
                }
            }
            // A descriptor newly used in interfaces passes that on to the types it refers to.
            if let (Some(m), Some(mk)) = (methods, marking.as_mut()) {
                while let Some(d) = mk.iface_work.pop() {
                    let skip: Vec<usize> =
                        m.slots.get(&d).map(|ss| ss.iter().flat_map(|s| s.relocs).collect()).unwrap_or_default();
                    for (i, r) in inputs.sec(d).relocs.iter().enumerate() {
                        if let Some(to) = sec_of(r.target).filter(|_| !skip.contains(&i)) {
                            if mk.add_iface(m, to) {
                                reach(r.target, &mut live, &mut work);
                            }
                        }
                    }
                }
            }
        }
        let (Some(m), Some(mk)) = (methods, marking.as_mut()) else { break };
        let is_live = |s: SymId| matches!(inputs.sym(s).def, Def::Section { sec, .. } if live[sec.0 as usize]);
        let reflect_live = m.reflect_lookups.iter().any(|&s| is_live(s));
        for (sec, r) in mk.take_kept(m, reflect_live) {
            reach(inputs.sec(sec).relocs[r].target, &mut live, &mut work);
        }
        if work.is_empty() {
            break;
        }
    }
    live
}
