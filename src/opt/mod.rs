//! The optimizer: the passes between lowering and code generation, listed in one table ([`PASSES`]) and
//! run in its order by [`run`].
//!
//! In: a verified IR module (`ir/mod.rs`), as lowering produced it. Out: the same module, rewritten; it
//! still satisfies every invariant of `ir/mod.rs` (the verifier runs after each pass in debug builds, in
//! the compiler's own tests, and whenever `G1C_VERIFY` is set in the environment).
//!
//! The IR comes in the lowering's shape: a vreg may be assigned more than once (a Go local is one vreg).
//! The passes before `ssa` reason about *single-definition* vregs globally (a vreg written once is written
//! before any read, as the lowering never reads a vreg it has not written) and about the others only inside
//! one block. `ssa` then puts each function in SSA form with block parameters (`ir::Block::params`), the
//! passes listed in [`SSA_PASSES`] work on that form (checked by `ir::verify::verify_ssa` whenever the
//! verifier runs), and the required `unssa` turns the parameters back into copies, so that the passes after
//! it, and code generation, see the lowering's shape again.
//!
//! `g1c dump ir -after PASS FILE.go` prints the module after any pass of the table.
//!
//! gc's `-N` (`g1c build -gcflags=-N`) turns the optimizer off (`run`'s `enabled`): only the required passes
//! run, and code generation keeps every vreg in its frame home (the naive code of DESIGN §4). It is the
//! reference level for debugging the optimizer and for running the tests at every level.

pub mod addrfold;
pub mod argload;
pub mod bce;
pub mod coalesce;
pub mod constfold;
pub mod copyprop;
pub mod dce;
pub mod escape;
pub mod gvn;
pub mod indvar;
pub mod inline;
pub mod layout;
pub mod outstore;
pub mod sroa;
pub mod ssa;
pub mod strength;
pub mod unssa;

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

/// A pass over the whole module: it reads other functions than the one it changes.
pub struct ModulePass {
    pub name: &'static str,
    pub about: &'static str,
    pub run: fn(&mut Module),
    pub required: bool,
}

/// The passes over the whole module, run in order before the function passes ([`PASSES`]).
pub const MODULE_PASSES: &[ModulePass] = &[
    // Escape analysis reads the module as lowered (the allocations the lowering listed, the shape of its
    // calls) and needs every function at once (callees' summaries), so it runs first.
    ModulePass {
        name: "escape",
        about: "allocations whose address cannot outlive the frame become stack slots",
        run: escape::run,
        required: false,
    },
    ModulePass {
        name: "inline",
        about: "direct calls of small leaf functions that cannot fault become copies of their bodies",
        run: inline::run,
        required: false,
    },
];

/// The function passes, in order.
pub const PASSES: &[Pass] = &[
    // Before sroa: a slot's field addresses (`slot + c`) become offsets of its loads and stores.
    Pass {
        name: "addrfold",
        about: "loads and stores through pointer + constant use the pointer and a larger offset",
        run: addrfold::run,
        required: false,
    },
    // Early: the copies it leaves are what copyprop and the later passes work on.
    Pass {
        name: "sroa",
        about: "small stack slots used only by loads, stores and whole copies become one vreg per field",
        run: sroa::run,
        required: false,
    },
    Pass {
        name: "argload",
        about: "loads of arguments the function never writes read one load made at the entry",
        run: argload::run,
        required: false,
    },
    Pass { name: "copyprop", about: "reads of a copy read the original instead", run: copyprop::run, required: false },
    Pass {
        name: "constfold",
        about: "operations on constants become constants, branches on constants jumps",
        run: constfold::run,
        required: false,
    },
    Pass {
        name: "strength",
        about: "multiplication, division and remainder by a constant power of two become shifts and masks",
        run: strength::run,
        required: false,
    },
    // After strength (`x % 2^k` is a mask by then), before coalesce (it reasons about single definitions).
    Pass {
        name: "bce",
        about: "unsigned comparisons decided by a bounded operand (bounds checks) become constants",
        run: bce::run,
        required: false,
    },
    // SSA form from here to `unssa` (the passes of `SSA_PASSES`).
    Pass {
        name: "ssa",
        about: "each vreg written once: block parameters where paths with different values join (SSA form)",
        run: ssa::run,
        required: false,
    },
    Pass {
        name: "gvn",
        about: "values equal to one computed in a dominating block are reused; decided branches become jumps",
        run: gvn::run,
        required: false,
    },
    // After gvn: equal comparisons are one value by then, so the loop's condition is found.
    Pass {
        name: "indvar",
        about: "bounds checks of non-negative induction variables below their loop's bound become constants",
        run: indvar::run,
        required: false,
    },
    // Required: no block parameter may reach code generation (a no-op when `ssa` did not run).
    Pass {
        name: "unssa",
        about: "block parameters become copies on the edges into their blocks (out of SSA form)",
        run: unssa::run,
        required: true,
    },
    // After the passes that reason about single-definition vregs: it turns some into multiply-written ones.
    Pass {
        name: "coalesce",
        about: "a value computed only to be copied to a variable is computed into the variable",
        run: coalesce::run,
        required: false,
    },
    Pass {
        name: "outstore",
        about: "stores to the outgoing argument area that no call or load reads are removed",
        run: outstore::run,
        required: false,
    },
    Pass {
        name: "dce",
        about: "pure operations whose result is never read, and unreachable blocks, are removed",
        run: dce::run,
        required: false,
    },
    // Last: it only orders the blocks the other passes leave.
    Pass {
        name: "layout",
        about: "blocks in reverse postorder, branch targets next, panicking blocks last",
        run: layout::run,
        required: false,
    },
];

/// The passes that take and leave a function in SSA form: after each, the verifier also checks SSA's
/// invariants (`ir::verify::verify_ssa`) on the functions the passes change ([`optimizable`]).
pub const SSA_PASSES: &[&str] = &["ssa", "gvn", "indvar"];

/// Checks SSA form after pass `name` if it is one of [`SSA_PASSES`].
pub fn verify_ssa_after(name: &str, m: &Module) -> Result<(), String> {
    if !SSA_PASSES.contains(&name) {
        return Ok(());
    }
    for f in m.funcs.iter().filter(|f| optimizable(f)) {
        ir::verify::verify_ssa(f).map_err(|e| format!("{}:{}: {e}", f.file, f.line))?;
    }
    Ok(())
}

/// Functions larger than this (blocks × vregs) are left as lowered: liveness needs that many bits per set,
/// and such functions (huge initializers, generated tables) are run once.
pub const MAX_FUNC_SIZE: usize = 1 << 26;

/// Whether `f` is small enough for the passes and the register allocator (see [`MAX_FUNC_SIZE`]).
pub fn small_enough(f: &Func) -> bool {
    f.blocks.len().saturating_mul(f.vregs.len()) <= MAX_FUNC_SIZE
}

/// Whether the passes may change `f`: it is small enough, and has no hidden control flow
/// (`Func::returns_twice`).
pub(crate) fn optimizable(f: &Func) -> bool {
    small_enough(f) && !f.returns_twice()
}

/// Whether the verifier runs after every pass.
fn verify_each() -> bool {
    cfg!(debug_assertions) || std::env::var_os("G1C_VERIFY").is_some()
}

/// Runs the pipeline over `m`. With `stop_after = Some(name)`, runs the passes up to and including `name`
/// (an error if no pass has that name). With `optimize = false`, only the required passes run.
pub fn run(
    target: &crate::target::Target,
    m: &mut Module,
    optimize: bool,
    stop_after: Option<&str>,
) -> Result<(), String> {
    let names: Vec<&str> = MODULE_PASSES.iter().map(|p| p.name).chain(PASSES.iter().map(|p| p.name)).collect();
    if let Some(name) = stop_after {
        if !names.contains(&name) {
            return Err(format!("no pass named {name}; the passes are: {}", names.join(", ")));
        }
    }
    let verify = verify_each();
    let check = |m: &Module, name: &str| -> Result<(), String> {
        if verify {
            ir::verify::verify(target, m).map_err(|e| format!("invalid IR after pass {name}: {e}"))?;
            verify_ssa_after(name, m).map_err(|e| format!("invalid IR after pass {name}: {e}"))?;
        }
        Ok(())
    };
    for p in MODULE_PASSES {
        if optimize || p.required {
            (p.run)(m);
            check(m, p.name)?;
        }
        if stop_after == Some(p.name) {
            return Ok(());
        }
    }
    for p in PASSES {
        if optimize || p.required {
            // A function pass reads and writes one function: the functions run on `par::jobs()` threads.
            crate::par::for_each_mut(&mut m.funcs, |f| {
                if p.required || optimizable(f) {
                    (p.run)(f);
                }
            });
            check(m, p.name)?;
        }
        if stop_after == Some(p.name) {
            break;
        }
    }
    Ok(())
}
