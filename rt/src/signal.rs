//! Hardware faults as Go panics (runtime/signal_unix.go sigpanic, panic.go panicmem/panicdivide).
//!
//! SIGPIPE is caught and dropped (`catch_sigpipe`), and so are the signals gc drops while os/signal does
//! not want them (`sigqueue::catch_dropped`); os/signal's signals are `sigqueue`'s.
//!
//! In: SIGSEGV, SIGBUS and SIGFPE, delivered on an alternate signal stack (the faulting stack may be the
//! problem), with the faulting RIP, RBP and RSP in the ucontext. Out: gc's report, e.g.
//! `panic: runtime error: invalid memory address or nil pointer dereference` then
//! `[signal SIGSEGV: segmentation violation code=0x1 addr=0x0 pc=0x…]` then the goroutine traceback, whose
//! first frame is the faulting function with the line of the faulting instruction itself; exit status 2.
//! A fault at an address outside the first page is not a nil dereference: like gc, it is the fatal error
//! `unexpected fault address 0x…` / `fatal error: fault`. SIGTRAP (`runtime.Breakpoint`'s INT3) is fatal
//! as in gc: `SIGTRAP: trace trap`, `PC=0x… m=0 sigcode=…`, the traceback, exit status 2 (gc also dumps
//! every goroutine and the registers, with addresses no two runs share).

use crate::os::linux::{self, SigAction, SigInfo, StackT};
use crate::panic::{die, start_panicking};
use crate::print::{hex, Out, Stderr};

/// Size of the alternate signal stack (gc uses 32 KiB; the handler's printing needs little).
const SIGSTACK_SIZE: usize = 64 << 10;

/// The calling thread's alternate signal stack (each thread needs its own: a fault is handled on the
/// thread that faulted). Its own mapping: only the kernel holds its address, so the collector must not see
/// it as heap.
pub fn init_thread() {
    let stack = linux::mmap_anon(SIGSTACK_SIZE).unwrap_or_else(|| crate::panic::throw(b"out of memory"));
    let st = StackT { sp: stack, flags: 0, size: SIGSTACK_SIZE };
    // SAFETY: the stack is memory owned by the handler from now on.
    unsafe { linux::sigaltstack(&st) };
}

/// Installs the main thread's alternate stack and the fault handlers. Called once at start.
pub fn init() {
    init_thread();
    let act = SigAction {
        handler: handler as *const () as usize,
        flags: linux::SA_SIGINFO | linux::SA_ONSTACK | linux::SA_RESTORER,
        restorer: crate::arch::amd64::g1c_sigreturn as *const () as usize,
        mask: 0,
    };
    // SAFETY: the handler never returns.
    unsafe {
        for sig in [linux::SIGSEGV, linux::SIGBUS, linux::SIGFPE, linux::SIGTRAP] {
            linux::rt_sigaction(sig, &act);
        }
    }
    catch_sigpipe();
    crate::sigqueue::catch_dropped();
}

/// gc's signal names (runtime/sigtab_linux_generic.go).
fn signame(sig: i32) -> &'static [u8] {
    match sig {
        linux::SIGSEGV => b"SIGSEGV: segmentation violation",
        linux::SIGBUS => b"SIGBUS: bus error",
        linux::SIGFPE => b"SIGFPE: floating-point exception",
        _ => b"",
    }
}

/// gc's `[signal SIGSEGV: segmentation violation code=0x1 addr=0x0 pc=0x…]` line.
pub fn print_signal_line(o: &mut impl Out, s: &crate::sched::SigInfo) {
    o.put(b"[signal ");
    o.put(signame(s.sig));
    o.put(b" code=");
    hex(o, s.code as u64);
    o.put(b" addr=");
    hex(o, s.addr);
    o.put(b" pc=");
    hex(o, s.pc);
    o.put(b"]\n");
}

/// A nil dereference or an integer division fault in a goroutine becomes a Go panic: the goroutine
/// continues in `g1c_sigpanic` as if the faulting instruction had called it (gc's sigctxt.preparePanic),
/// so deferred calls run and `recover` works. Anything else is fatal here.
extern "C" fn handler(sig: i32, info: *const SigInfo, ctx: *mut u8) {
    // SAFETY: the kernel passes a valid siginfo and ucontext.
    let (code, addr, rip, rbp, rsp) = unsafe {
        let greg = |i: usize| *(ctx.add(linux::UC_GREGS + 8 * i) as *const u64);
        ((*info).code, (*info).addr, greg(linux::REG_RIP), greg(linux::REG_RBP), greg(linux::REG_RSP))
    };
    let nil_fault = (code == 0 || code == linux::SEGV_MAPERR || code == linux::SEGV_ACCERR) && addr < 0x1000;
    // Any memory fault panics under `debug.SetPanicOnFault(true)` (gc's panicmemAddr).
    let nil_fault = nil_fault || (sig != linux::SIGFPE && sig != linux::SIGTRAP && crate::rtface::panic_on_fault());
    let g = crate::sched::curg();
    let panicking = unsafe { *crate::panic::PANICKING.get() };
    if !g.is_null() && !panicking && (sig == linux::SIGFPE || nil_fault) {
        // SAFETY: the goroutine's stack has room below RSP (the guard keeps a headroom); the ucontext's
        // registers are written back by rt_sigreturn.
        unsafe {
            (*g).sig = crate::sched::SigInfo { sig, code, addr: addr as u64, pc: rip };
            let sp = rsp - 8;
            *(sp as *mut u64) = rip;
            *(ctx.add(linux::UC_GREGS + 8 * linux::REG_RSP) as *mut u64) = sp;
            *(ctx.add(linux::UC_GREGS + 8 * linux::REG_RIP) as *mut u64) =
                crate::defer::g1c_sigpanic as *const () as usize as u64;
        }
        return;
    }
    start_panicking();
    let mut o = Stderr::new();
    if sig == linux::SIGTRAP {
        o.put(b"SIGTRAP: trace trap\nPC=");
        hex(&mut o, rip);
        o.put(b" m=0 sigcode=");
        crate::print::uint(&mut o, code as u32 as u64);
        o.put(b"\n");
        die(&mut o, g, rbp as usize)
    }
    if sig == linux::SIGFPE || nil_fault {
        o.put(b"panic: runtime error: ");
        o.put(if sig == linux::SIGFPE {
            b"integer divide by zero" as &[u8]
        } else {
            b"invalid memory address or nil pointer dereference"
        });
        o.put(b"\n");
    } else {
        o.put(b"unexpected fault address ");
        hex(&mut o, addr as u64);
        o.put(b"\nfatal error: fault\n");
    }
    print_signal_line(&mut o, &crate::sched::SigInfo { sig, code, addr: addr as u64, pc: rip });
    let _ = rsp;
    die(&mut o, g, rbp as usize)
}

/// SIGPROF (27): the CPU profiler's timer signal.
pub const SIGPROF: i32 = 27;

/// Sends SIGPROF to `sigprof`, which hands the interrupted context to the CPU profiler (`cpuprof`). Like
/// gc's, with SA_RESTART, so that system calls the timer interrupts go on, and on the alternate stack,
/// since the interrupted goroutine's stack segment has only a small headroom.
pub fn catch_sigprof() {
    let act = SigAction {
        handler: sigprof as *const () as usize,
        flags: linux::SA_SIGINFO | linux::SA_RESTART | linux::SA_ONSTACK | linux::SA_RESTORER,
        restorer: crate::arch::amd64::g1c_sigreturn as *const () as usize,
        mask: 0,
    };
    // SAFETY: `sigprof` is a valid handler.
    unsafe { linux::rt_sigaction(SIGPROF, &act) };
}

/// gc's `sigprof` entry: reads RIP, RSP and RBP of the interrupted code; `cpuprof::sample` takes no lock
/// and allocates nothing, so any code, the scheduler's or the allocator's included, may be interrupted.
extern "C" fn sigprof(_sig: i32, _info: *const SigInfo, ctx: *mut u8) {
    // SAFETY: the kernel passes a valid ucontext.
    unsafe {
        let greg = |i: usize| *(ctx.add(linux::UC_GREGS + 8 * i) as *const u64);
        crate::cpuprof::sample(greg(linux::REG_RIP), greg(linux::REG_RSP) as usize, greg(linux::REG_RBP) as usize);
    }
}

/// Catches SIGPIPE and drops it, as gc does, so that a write to a closed pipe or socket fails with EPIPE; os
/// then dies of SIGPIPE itself when that descriptor is standard output or error (`os.sigpipe`). A handler,
/// unlike SIG_IGN, does not survive exec into child processes.
pub fn catch_sigpipe() {
    let pipe = SigAction {
        handler: ignore as *const () as usize,
        flags: linux::SA_RESTART | linux::SA_ONSTACK | linux::SA_RESTORER,
        restorer: crate::arch::amd64::g1c_sigreturn as *const () as usize,
        mask: 0,
    };
    // SAFETY: `ignore` is a valid handler.
    unsafe { linux::rt_sigaction(linux::SIGPIPE, &pipe) };
}

extern "C" fn ignore(_sig: i32) {}

/// Puts every signal rt handles back to its default action (a forked child before exec).
pub fn reset_handlers() {
    let dfl = SigAction { handler: linux::SIG_DFL, flags: 0, restorer: 0, mask: 0 };
    for sig in [linux::SIGSEGV, linux::SIGBUS, linux::SIGFPE, linux::SIGTRAP, linux::SIGPIPE] {
        // SAFETY: SIG_DFL is a valid disposition.
        unsafe { linux::rt_sigaction(sig, &dfl) };
    }
    for sig in (1..=64).filter(|&s| crate::sigqueue::dropped_unless_notified(s as u32)) {
        if linux::sig_handler(sig) != linux::SIG_IGN {
            // SAFETY: as above.
            unsafe { linux::rt_sigaction(sig, &dfl) };
        }
    }
}
