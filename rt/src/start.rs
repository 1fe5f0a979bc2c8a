//! Program start, after `_start` (arch::amd64): the part of gc's rt0_go/schedinit/runtime.main that a
//! single-threaded program needs.
//!
//! In: the initial stack pointer (argc, argv, envp), and the program's package initialization tasks
//! (`main..inittask`, docs/RUNTIME-ABI.md "Program start"). Out: the heap and signal handlers ready, every
//! package initialized (`g1c_doinit`, gc's `runtime.doInit`) then `main.main` run on the main goroutine
//! (sched.rs), exit status 0. Later: `os.Args`/environment for the Go `runtime` package.
//!
//! Invariant: a package's init functions run once, after those of every package it imports (each task's
//! `state` goes 0 → 1 → 2 and never back); only Go frames of the init functions show in a traceback, as
//! with gc, because the runtime's frames (here, `g1c_call_go`) are not in the function table.

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
    // First: everything after this may ask for the current thread's block (`sched::m`).
    crate::sched::init_m0();
    let argc = *sp;
    let argv = sp.add(1) as *const *const u8;
    *ARGS.get() = Args { argc, argv, envp: argv.add(argc + 1) };
    // Everything the program's frames can live in is below the argument block.
    *crate::traceback::STACK_HI.get() = sp as usize;
    crate::signal::init();
    crate::gc::read_memory_limit();
    crate::sched::init_fences();
    // main.init and main.main run on the main goroutine (sched.rs); this stack becomes the scheduler's.
    crate::sched::start_main()
}

/// gc 1.19's `runtime.initTask`, which the compiler emits per package as `<path>..inittask`: `state` (0 not
/// started, 1 in progress, 2 done), `ndeps`, `nfns`, followed by `ndeps` pointers to the tasks of the
/// imported packages and `nfns` code addresses of `func()`s (`<path>.init`, then `<path>.init.0`, ...).
#[repr(C)]
pub struct InitTask {
    pub state: usize,
    pub ndeps: usize,
    pub nfns: usize,
}

const NOT_STARTED: usize = 0;
const IN_PROGRESS: usize = 1;
const DONE: usize = 2;

impl InitTask {
    /// Word `i` of the arrays after the header (deps first, then functions).
    ///
    /// # Safety
    /// `i < ndeps + nfns`.
    unsafe fn word(this: *mut InitTask, i: usize) -> usize {
        *(this.add(1) as *const usize).add(i)
    }
}

/// The tasks being initialized, outermost first, each with the index of its next dependency to visit: an
/// explicit stack (as deep as the longest import chain) rather than recursion, so the Rust frames below
/// the init functions stay small whatever the program's shape.
const MAX_DEPTH: usize = 1024;
#[cfg(not(test))]
static INIT_STACK: Global<[(usize, usize); MAX_DEPTH]> = Global::new([(0, 0); MAX_DEPTH]);

/// gc's `runtime.doInit`: initializes the package of `root` after, depth first and in import order, the
/// packages it imports that are not yet initialized; each package's functions run in order.
///
/// # Safety
/// `root` must be a compiler-emitted `..inittask`; called on a goroutine stack (the functions are Go code).
#[cfg(not(test))]
#[no_mangle]
pub unsafe extern "C" fn g1c_doinit(root: *mut InitTask) {
    if (*root).state != NOT_STARTED {
        return;
    }
    // As gc's `runtime.main`, the main goroutine stays on the main thread while packages initialize.
    let g = crate::sched::curg();
    (*g).locked = true;
    let stack = &mut *INIT_STACK.get();
    (*root).state = IN_PROGRESS;
    stack[0] = (root as usize, 0);
    let mut depth = 1;
    while depth > 0 {
        let (t, next) = stack[depth - 1];
        let t = t as *mut InitTask;
        if next < (*t).ndeps {
            stack[depth - 1].1 += 1;
            let d = InitTask::word(t, next) as *mut InitTask;
            match (*d).state {
                NOT_STARTED => {
                    if depth == MAX_DEPTH {
                        crate::panic::throw(b"initialization: import chain too deep");
                    }
                    (*d).state = IN_PROGRESS;
                    stack[depth] = (d as usize, 0);
                    depth += 1;
                }
                IN_PROGRESS => crate::panic::throw(b"recursive call during initialization - linker skew"),
                _ => {}
            }
            continue;
        }
        for i in 0..(*t).nfns {
            crate::arch::amd64::g1c_call_go(InitTask::word(t, (*t).ndeps + i), 0);
        }
        (*t).state = DONE;
        depth -= 1;
    }
    (*g).locked = false;
}
