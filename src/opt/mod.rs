//! The optimizer: the passes between lowering and code generation, listed in one table ([`PASSES`]) and
//! run in its order by [`run`].
//!
//! In: a verified IR module (`ir/mod.rs`), as lowering produced it. Out: the same module, rewritten; it
//! still satisfies every invariant of `ir/mod.rs` (the verifier runs after each pass in debug builds, in
//! the compiler's own tests, and whenever `G1C_VERIFY` is set in the environment).
//!
//! The IR stays in its lowering shape: a vreg may be assigned more than once (a Go local is one vreg), there
//! are no phis. The passes therefore reason about *single-definition* vregs globally (a vreg written once is
//! written before any read, as the lowering never reads a vreg it has not written) and about the others only
//! inside one block. Turning the multiply-assigned vregs into SSA form with block parameters is the next step
//! (ARCHITECTURE.md, "Optimizer"); the register allocator does not need it, because it allocates one
//! register per vreg over the vreg's whole live range.
//!
//! `g1c dump ir -after PASS FILE.go` prints the module after any pass of the table.

pub mod constfold;
pub mod copyprop;
pub mod dce;
pub mod escape;

use crate::ir::{self, Func, Module};

/// One pass of the pipeline.
pub struct Pass {
    /// The name `g1c dump ir -after` takes.
    pub name: &'static str,
    /// What the pass does, for `g1c dump ir -after` with an unknown name.
    pub about: &'static str,
    pub run: fn(&mut Func),
    /// The pass must run for the code to be correct (none does yet: every pass here only improves code).
    pub required: bool,
}

/// The pipeline, in order.
pub const PASSES: &[Pass] = &[
    Pass { name: "copyprop", about: "reads of a copy read the original instead", run: copyprop::run, required: false },
    Pass {
        name: "constfold",
        about: "operations on constants become constants, branches on constants jumps",
        run: constfold::run,
        required: false,
    },
    Pass {
        name: "dce",
        about: "pure operations whose result is never read, and unreachable blocks, are removed",
        run: dce::run,
        required: false,
    },
];

/// Functions larger than this (blocks × vregs) are left as lowered: liveness needs that many bits per set,
/// and such functions (huge initializers, generated tables) are run once.
pub const MAX_FUNC_SIZE: usize = 1 << 26;

/// Whether `f` is small enough for the passes and the register allocator (see [`MAX_FUNC_SIZE`]).
pub fn small_enough(f: &Func) -> bool {
    f.blocks.len().saturating_mul(f.vregs.len()) <= MAX_FUNC_SIZE
}

/// Whether the passes may change `f`: it is small enough, and has no hidden control flow
/// (`Func::returns_twice`).
fn optimizable(f: &Func) -> bool {
    small_enough(f) && !f.returns_twice()
}

/// Whether the verifier runs after every pass.
fn verify_each() -> bool {
    cfg!(debug_assertions) || std::env::var_os("G1C_VERIFY").is_some()
}

/// Runs the pipeline over `m`. With `stop_after = Some(name)`, runs the passes up to and including `name`
/// (an error if no pass has that name). With `optimize = false`, only the required passes run.
pub fn run(m: &mut Module, optimize: bool, stop_after: Option<&str>) -> Result<(), String> {
    if let Some(name) = stop_after {
        if !PASSES.iter().any(|p| p.name == name) {
            let names: Vec<&str> = PASSES.iter().map(|p| p.name).collect();
            return Err(format!("no pass named {name}; the passes are: {}", names.join(", ")));
        }
    }
    let verify = verify_each();
    // Escape analysis reads the module as lowered (the allocations the lowering listed, the shape of its
    // calls) and needs every function at once (callees' summaries), so it runs first and outside the table.
    if optimize {
        escape::run(m);
        if verify {
            ir::verify::verify(m).map_err(|e| format!("invalid IR after escape analysis: {e}"))?;
        }
    }
    for p in PASSES {
        if optimize || p.required {
            for f in m.funcs.iter_mut() {
                if p.required || optimizable(f) {
                    (p.run)(f);
                }
            }
            if verify {
                ir::verify::verify(m).map_err(|e| format!("invalid IR after pass {}: {e}", p.name))?;
            }
        }
        if stop_after == Some(p.name) {
            break;
        }
    }
    Ok(())
}
