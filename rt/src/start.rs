//! Program start, after `_start` (arch::amd64): the part of gc's rt0_go/schedinit/runtime.main that a
//! single-threaded program needs.
//!
//! In: the initial stack pointer (argc, argv, envp). Out: the heap and signal handlers ready, the Go
//! program's `main.init` then `main.main` run on the main goroutine (sched.rs), exit status 0. Later:
//! `os.Args`/environment for the Go `runtime` package.

use crate::Global;

/// The program's arguments and environment as the kernel passed them.
pub struct Args {
    pub argc: usize,
    pub argv: *const *const u8,
    pub envp: *const *const u8,
}

pub static ARGS: Global<Args> = Global::new(Args { argc: 0, argv: core::ptr::null(), envp: core::ptr::null() });

/// Called by `_start` with the kernel's initial stack pointer.
///
/// # Safety
/// `sp` must be the process's initial stack pointer.
#[cfg(not(test))]
#[no_mangle]
pub unsafe extern "C" fn g1c_rt_start(sp: *const usize) -> ! {
    let argc = *sp;
    let argv = sp.add(1) as *const *const u8;
    *ARGS.get() = Args { argc, argv, envp: argv.add(argc + 1) };
    // Everything the program's frames can live in is below the argument block.
    *crate::traceback::STACK_HI.get() = sp as usize;
    crate::signal::init();
    // main.init and main.main run on the main goroutine (sched.rs); this stack becomes the scheduler's.
    crate::sched::start_main()
}
