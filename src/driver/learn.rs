//! The learner's commands over IR text (issue 12): `g1c opt [-pass NAME,...] FILE.ir` runs passes of the
//! optimizer's tables on hand-written or dumped IR and prints the result; `g1c dump ir|asm|html` also read
//! `FILE.ir` in place of Go source.
//!
//! In: a file in the text form of docs/IR.md, read by `ir::read`. Out: the module printed by `ir::print`
//! (or the assembly, or the HTML page), exit status 0; or an error as `file:line:col: message` (the reader)
//! or `FILE: invalid IR ...` (the verifier), exit status 1; an unknown pass is a usage error (2). The
//! verifier runs on the input and after every pass, always: the point is to see what a pass does to IR
//! nobody checked before. A pass that panics on such input is reported as an internal compiler error
//! naming the pass, not a crash.

use super::DumpPhase;
use crate::ir::{self, Module};
use crate::opt;

/// IR text names no target: it is read as linux/amd64 IR, the one target with a code generator.
const TARGET: &crate::target::Target = &crate::target::Target::LINUX_AMD64;

/// Every pass name, module passes first, as the pipeline runs them.
fn pass_names() -> Vec<&'static str> {
    opt::MODULE_PASSES.iter().map(|p| p.name).chain(opt::PASSES.iter().map(|p| p.name)).collect()
}

/// Reads and verifies `file`; the error is printed already.
fn read(file: &str) -> Option<Module> {
    let text = match std::fs::read_to_string(file) {
        Ok(t) => t,
        Err(e) => {
            eprintln!("g1c: {file}: {e}");
            return None;
        }
    };
    let m = match ir::read::read_module(file, &text) {
        Ok(m) => m,
        Err(e) => {
            eprintln!("{e}");
            return None;
        }
    };
    if let Err(e) = ir::verify::verify(TARGET, &m) {
        eprintln!("{file}: invalid IR: {e}");
        return None;
    }
    Some(m)
}

/// Runs `f`, turning a panic into an error message that names `what`.
fn guarded(what: &str, f: impl FnOnce() -> Result<(), String>) -> Result<(), String> {
    std::panic::set_hook(Box::new(|_| {}));
    let r = std::panic::catch_unwind(std::panic::AssertUnwindSafe(f));
    let _ = std::panic::take_hook();
    r.unwrap_or_else(|p| Err(format!("internal compiler error in {what}: {}", super::panic_message(&*p))))
}

/// Runs one pass of either table over `m` as the pipeline would (a function pass skips the functions the
/// pipeline leaves alone, `opt::optimizable`), then the verifier.
fn run_pass(m: &mut Module, name: &str) -> Result<(), String> {
    if let Some(p) = opt::MODULE_PASSES.iter().find(|p| p.name == name) {
        guarded(&format!("pass {name}"), || {
            (p.run)(m);
            Ok(())
        })?;
    } else if let Some(p) = opt::PASSES.iter().find(|p| p.name == name) {
        guarded(&format!("pass {name}"), || {
            for f in &mut m.funcs {
                if p.required || opt::optimizable(f) {
                    (p.run)(f);
                }
            }
            Ok(())
        })?;
    }
    ir::verify::verify(TARGET, m)
        .and_then(|()| opt::verify_ssa_after(name, m))
        .map_err(|e| format!("invalid IR after pass {name}: {e}"))
}

/// `g1c opt -pass NAME,... FILE.ir`: the named passes in the given order (all of the pipeline, as `g1c
/// build` runs it, when none is named), then the module printed.
pub fn opt_file(file: &str, passes: &[String]) -> i32 {
    let names = pass_names();
    let passes: Vec<&str> = passes.iter().flat_map(|p| p.split(',')).filter(|p| !p.is_empty()).collect();
    if let Some(bad) = passes.iter().find(|p| !names.contains(p)) {
        eprintln!("g1c opt: no pass named {bad}; the passes are: {}", names.join(", "));
        return 2;
    }
    let Some(mut m) = read(file) else { return 1 };
    let result = if passes.is_empty() {
        guarded("the optimizer", || opt::run(TARGET, &mut m, true, None))
            .and_then(|()| ir::verify::verify(TARGET, &m).map_err(|e| format!("invalid IR after the optimizer: {e}")))
    } else {
        passes.iter().try_for_each(|p| run_pass(&mut m, p))
    };
    if let Err(e) = result {
        eprintln!("{file}: {e}");
        return 1;
    }
    print!("{}", ir::print::print_module(&m));
    0
}

/// `g1c dump ir|asm|html ... FILE.ir`: the views of Go source, of IR text. `ir -after PASS` runs the
/// pipeline up to that pass, as for Go source.
pub fn dump_ir_file(phase: DumpPhase, file: &str) -> i32 {
    let stop = match &phase {
        DumpPhase::Ir(Some(p)) => {
            if !pass_names().contains(&p.as_str()) {
                eprintln!("g1c: no pass named {p}; the passes are: {}", pass_names().join(", "));
                return 2;
            }
            Some(p.clone())
        }
        DumpPhase::Ir(None) | DumpPhase::Html { .. } => None,
        DumpPhase::Asm => None,
        DumpPhase::Tokens | DumpPhase::Ast | DumpPhase::Types => {
            eprintln!("g1c: dump tokens, ast and types read Go source, not IR text ({file})");
            return 2;
        }
    };
    let Some(mut m) = read(file) else { return 1 };
    // `g1c dump` takes no build flags: the optimizer is on.
    let optimize = super::BuildSettings::default().optimize;
    let out = match phase {
        DumpPhase::Ir(None) => Ok(ir::print::print_module(&m)),
        DumpPhase::Ir(Some(_)) => guarded("the optimizer", || opt::run(TARGET, &mut m, optimize, stop.as_deref()))
            .map(|()| ir::print::print_module(&m)),
        DumpPhase::Html { func, output } => {
            let mut page = String::new();
            guarded("dump html", || {
                page = crate::dump::html::render(&m, &func, optimize, None)?;
                Ok(())
            })
            .and_then(|()| write_page(&func, output.as_deref(), &page))
            .map(|()| String::new())
        }
        _ => {
            let mut text = String::new();
            guarded("the optimizer", || {
                opt::run(TARGET, &mut m, optimize, None)?;
                text = crate::codegen::listing(TARGET, &m, optimize)?;
                Ok(())
            })
            .map(|()| text)
        }
    };
    match out {
        Ok(text) => {
            print!("{text}");
            0
        }
        Err(e) => {
            eprintln!("{file}: {e}");
            1
        }
    }
}

/// Writes the page of `g1c dump html` to `output`, or to `FUNC.html` in the current directory.
pub(super) fn write_page(func: &str, output: Option<&str>, page: &str) -> Result<(), String> {
    let path = match output {
        Some(o) => o.to_string(),
        None => format!("{}.html", func.replace('/', "_")),
    };
    // Not `write_output`: a page is not executable, and writing through a device or link is what
    // `fs::write` does anyway.
    std::fs::write(&path, page).map_err(|e| format!("writing {path}: {e}"))
}
