//! Hardware faults as Go panics (runtime/signal_unix.go sigpanic, panic.go panicmem/panicdivide).
//!
//! In: SIGSEGV, SIGBUS and SIGFPE, delivered on an alternate signal stack (the faulting stack may be the
//! problem), with the faulting RIP, RBP and RSP in the ucontext. Out: gc's report, e.g.
//! `panic: runtime error: invalid memory address or nil pointer dereference` then
//! `[signal SIGSEGV: segmentation violation code=0x1 addr=0x0 pc=0x…]` then the goroutine traceback, whose
//! first frame is the faulting function with the line of the faulting instruction itself; exit status 2.
//! A fault at an address outside the first page is not a nil dereference: like gc, it is the fatal error
//! `unexpected fault address 0x…` / `fatal error: fault`.

use crate::os::linux::{self, SigAction, SigInfo, StackT};
use crate::panic::{die, start_panicking};
use crate::print::{hex, Out, Stderr};

/// Size of the alternate signal stack (gc uses 32 KiB; the handler's printing needs little).
const SIGSTACK_SIZE: usize = 64 << 10;

/// Installs the alternate stack and the fault handlers. Called once at start.
pub fn init() {
    // Its own mapping: only the kernel holds its address, so the collector must not see it as heap.
    let stack = linux::mmap_anon(SIGSTACK_SIZE).unwrap_or_else(|| crate::panic::throw(b"out of memory"));
    let st = StackT { sp: stack, flags: 0, size: SIGSTACK_SIZE };
    let act = SigAction {
        handler: handler as *const () as usize,
        flags: linux::SA_SIGINFO | linux::SA_ONSTACK | linux::SA_RESTORER,
        restorer: crate::arch::amd64::g1c_sigreturn as *const () as usize,
        mask: 0,
    };
    // SAFETY: the stack is memory owned by the handler from now on; the handler never returns.
    unsafe {
        linux::sigaltstack(&st);
        for sig in [linux::SIGSEGV, linux::SIGBUS, linux::SIGFPE] {
            linux::rt_sigaction(sig, &act);
        }
    }
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

extern "C" fn handler(sig: i32, info: *const SigInfo, ctx: *const u8) {
    start_panicking();
    // SAFETY: the kernel passes a valid siginfo and ucontext.
    let (code, addr, rip, rbp, rsp) = unsafe {
        let greg = |i: usize| *(ctx.add(linux::UC_GREGS + 8 * i) as *const u64);
        ((*info).code, (*info).addr, greg(linux::REG_RIP), greg(linux::REG_RBP), greg(linux::REG_RSP))
    };
    let mut o = Stderr::new();
    let nil_fault = (code == 0 || code == linux::SEGV_MAPERR || code == linux::SEGV_ACCERR) && addr < 0x1000;
    match sig {
        linux::SIGFPE => {
            o.put(b"panic: runtime error: ");
            o.put(match code {
                linux::FPE_INTDIV => b"integer divide by zero" as &[u8],
                linux::FPE_INTOVF => b"integer overflow",
                _ => b"floating point error",
            });
            o.put(b"\n");
        }
        _ if nil_fault => o.put(b"panic: runtime error: invalid memory address or nil pointer dereference\n"),
        _ => {
            o.put(b"unexpected fault address ");
            hex(&mut o, addr as u64);
            o.put(b"\nfatal error: fault\n");
        }
    }
    o.put(b"[signal ");
    o.put(signame(sig));
    o.put(b" code=");
    hex(&mut o, code as u64);
    o.put(b" addr=");
    hex(&mut o, addr as u64);
    o.put(b" pc=");
    hex(&mut o, rip);
    o.put(b"]\n");
    die(&mut o, Some((rip, rsp as usize)), rbp as usize, rsp as usize)
}
