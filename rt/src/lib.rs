//! The g1c runtime: what compiled Go programs call at run time (docs/RUNTIME-ABI.md is the contract).
//!
//! In: calls from compiled Go code through the platform C ABI (`g1c_*` entry points), the ELF entry
//! `_start`, hardware faults delivered as signals, and the function table the linker provides
//! (`g1c_functab`). Out: heap memory, gc-formatted `print` output on fd 2, gc-formatted panics and
//! tracebacks, exit statuses (0 after `main.main` returns, 2 after a panic).
//!
//! Invariants: no libc (raw Linux system calls only), no ELF thread-local storage (the g1c linker does not
//! support TLS; each thread's FS base points at its `sched::M` instead), no unwinding (`panic=abort`), no allocation except through `mem`. The crate is `no_std`
//! except when its pure logic is unit-tested on the host (`cd rt && cargo test`); everything that only makes
//! sense inside a Go program (`_start`, the C memory symbols, the linker's tables) is compiled out of tests.
//!
//! One module per concern, following DESIGN §6, so the garbage collector (`gc`), the scheduler (`sched`),
//! channels, maps and interfaces can be added beside them:
//! - `arch::amd64`: `_start`, the trampoline into Go code, the signal restorer, raw memory loops.
//! - `os::linux`: system call numbers and wrappers.
//! - `start`: program start after `_start` (arguments, heap, signals, package initialization, `main.main`).
//! - `mem`: OS pages, size classes and spans; `g1c_alloc`.
//! - `gc`: the mark-sweep garbage collector over `mem`'s spans; `heapbits`: the heap bitmap (which heap
//!   words hold pointers) it scans objects with.
//! - `memops`: `g1c_memmove`/`memclr`/`memequal` and the C symbols `memcpy`, `memset`, … that `core` uses.
//! - `print`: `g1c_print*` with gc's formats.
//! - `panic`: runtime errors and `panic(v)`; `defer`: defer, panic, recover; `traceback`: walking the
//!   frame-pointer chain.
//! - `sched`: goroutines and the scheduler; `stack`: segmented goroutine stacks; `chan`, `select`:
//!   channels.
//! - `signal`: SIGSEGV/SIGBUS/SIGFPE become Go panics; `sigqueue`: os/signal's signals.
//! - `syscall`: packages syscall's and os's runtime half (raw system calls, environment, fork hooks);
//!   `time`: clocks and timers; `netpoll`: the epoll poller behind internal/poll; `finalizer`:
//!   runtime.SetFinalizer and the finalizer goroutine. Their Go-facing trampolines are in `arch::amd64_os`.
//! - `string`, `utf8`, `slice`: the string and slice helpers.
//! - `iface`: type descriptors, itabs, type assertions, interface equality; `map` and `hash`: maps.
//! - `gohooks`: the functions gc's runtime gives other std packages by `//go:linkname`, under their Go
//!   symbols (ABI0 trampolines into Rust); `sema`: package sync's semaphores and notify lists, with the
//!   mutex profile of their contention in `mprof`; `reflect`:
//!   package reflect's hooks (maps, channels, select, typelinks, offsets), with its call trampolines in
//!   `arch::amd64_reflect`.
#![cfg_attr(not(test), no_std)]

pub mod arch;
pub mod chan;
pub mod complex;
pub mod cpuprof;
pub mod defer;
pub mod finalizer;
pub mod gc;
pub mod gohooks;
pub mod hash;
pub mod heapbits;
pub mod iface;
pub mod lock;
pub mod map;
pub mod mem;
pub mod memops;
pub mod mprof;
pub mod netpoll;
pub mod os;
pub mod panic;
pub mod print;
pub mod procs;
pub mod reflect;
pub mod rtface;
pub mod sched;
pub mod select;
pub mod sema;
pub mod signal;
pub mod sigqueue;
pub mod slice;
pub mod stack;
pub mod start;
pub mod string;
pub mod syscall;
pub mod time;
pub mod traceback;
pub mod utf8;

use core::cell::UnsafeCell;

/// A mutable global shared by the runtime's threads. Globals are plain cells guarded by the runtime lock
/// (`lock::rt`): code touching one that other threads may touch holds the lock (or runs before the first
/// thread is started, or is a setting written once). Per-thread state lives in the thread's `sched::M`,
/// found through FS (ELF thread-local storage is not an option: the linker does not support it).
pub struct Global<T>(UnsafeCell<T>);

// SAFETY: every access goes through `get` in unsafe code under the rules above.
unsafe impl<T> Sync for Global<T> {}

impl<T> Global<T> {
    pub const fn new(v: T) -> Self {
        Global(UnsafeCell::new(v))
    }

    /// A raw pointer to the value; the caller guarantees no other access overlaps.
    pub fn get(&self) -> *mut T {
        self.0.get()
    }
}

/// Two machine words returned in RAX:RDX (a string, a rune and an index, …).
#[repr(C)]
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Pair {
    pub a: usize,
    pub b: usize,
}

/// A Rust panic inside the runtime is a bug in the runtime: say where, and exit like gc's `throw`.
#[cfg(not(test))]
#[panic_handler]
fn rust_panic(info: &core::panic::PanicInfo) -> ! {
    use print::Out;
    let mut o = print::Stderr::new();
    o.put(b"fatal error: g1c runtime internal error");
    if let Some(loc) = info.location() {
        o.put(b" at ");
        o.put(loc.file().as_bytes());
        o.put(b":");
        print::uint(&mut o, loc.line() as u64);
    }
    o.put(b"\n");
    o.flush();
    os::linux::exit_group(2)
}

/// Tests that touch the global heap take this lock (the test harness runs tests on several threads).
#[cfg(test)]
pub fn test_lock() -> std::sync::MutexGuard<'static, ()> {
    static LOCK: std::sync::Mutex<()> = std::sync::Mutex::new(());
    LOCK.lock().unwrap_or_else(|e| e.into_inner())
}

/// The personality routine that `core`'s precompiled objects name in their unwind tables (core is built for
/// unwinding). The runtime never unwinds (`panic=abort`, no C++ frames), so it is never called; defining it
/// keeps the archive free of undefined symbols other than the Go program's.
#[cfg(not(test))]
#[no_mangle]
pub extern "C" fn rust_eh_personality() {
    os::linux::exit_group(2)
}
