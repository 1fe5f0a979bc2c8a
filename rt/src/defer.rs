//! `defer`, `panic` and `recover` (runtime/panic.go), on the current goroutine's defer and panic chains.
//!
//! In: compiled code's `g1c_deferproc` (a `defer` statement), `g1c_deferreturn` (a function with defers
//! returns), `g1c_gorecover` (the builtin `recover`), and panics from `panic.rs` (`panic(v)`, runtime
//! errors) and from faults (`g1c_sigpanic`). Out: deferred calls run in LIFO order at function return or
//! while panicking; a recovered panic resumes the deferring function at its return path; an unrecovered
//! one prints gc's report (`panic: first [recovered]` / `\tpanic: second` …) and exits 2.
//!
//! The protocol with compiled code (docs/RUNTIME-ABI.md, "Defer, panic, recover"):
//! - A `defer f(args)` evaluates `f` (a func value) and the arguments into a block laid out as the ABI0
//!   argument area and calls `g1c_deferproc(fv, args, size, argp)`, where `argp` is the deferring
//!   function's incoming-argument address (its frame's identity). It returns 0. The stub records the call's
//!   return address, RSP and RBP; when a deferred call recovers a panic, execution continues there as if
//!   `g1c_deferproc` had returned 1, and the compiled code then jumps to the function's return path.
//! - That return path calls `g1c_deferreturn(argp)`, which runs the frame's remaining defers, then stores
//!   the named results and returns. A function with defers zeroes its unnamed results at entry, so a
//!   recovered function returns zeros unless a `return` statement had set them.
//! - `recover()` calls `g1c_gorecover(argp)` with its own function's `argp`: it recovers only when that is
//!   the argument address of the deferred call the panic is running (the call was made by the runtime
//!   directly: gc's rule that recover works only when called by a deferred function).

use crate::print::{go_str, Out, Stderr};
use crate::sched::{curg, G};
use core::arch::global_asm;

/// One pending deferred call.
#[repr(C)]
pub struct Defer {
    pub link: *mut Defer,
    /// The deferring function's incoming-argument address: which frame's return runs this call.
    pub argp: usize,
    /// The func value and a copy of the argument area.
    pub fv: usize,
    pub args: *mut u8,
    pub size: usize,
    /// Set when a panic starts running this call.
    pub started: bool,
    /// The panic running this call, if any.
    pub panic: *mut Panic,
    /// Where the deferring function resumes after a recovery: the return address, RSP and RBP of its
    /// `g1c_deferproc` call.
    pub pc: usize,
    pub sp: usize,
    pub fp: usize,
}

/// The size of [`Defer`], which compiled code reserves in its frame for `g1c_deferprocstack`
/// (ir/lower/conc.rs `DEFER_RECORD_SIZE`, docs/RUNTIME-ABI.md).
pub const DEFER_SIZE: usize = 80;
const _: () = assert!(core::mem::size_of::<Defer>() == DEFER_SIZE);

/// A panic value (until interfaces exist, the forms the runtime prints).
#[derive(Clone, Copy)]
pub enum Value {
    /// `panic(v)`: gc's reflect.Kind, the defined type's name, the value's words (docs/RUNTIME-ABI.md,
    /// g1c_gopanic).
    User { kind: u64, tname: *const u8, tname_len: usize, w0: u64, w1: u64 },
    /// A runtime.Error: `runtime error: ` + message.
    Runtime(&'static [u8]),
    /// A bounds error (boundsError).
    Bounds { code: u64, x: i64, y: i64, signed: bool },
    /// A plain error printed as is (`send on closed channel`, `close of nil channel`).
    Plain(&'static [u8]),
    /// `panic(v)` with `v` as an empty interface `(type, data)` (iface.rs, g1c_gopanic_eface).
    Eface { t: usize, data: usize },
}

/// A panic in progress.
#[repr(C)]
pub struct Panic {
    pub link: *mut Panic,
    pub value: Value,
    /// The argument address of the deferred call the panic is running (recover compares it).
    pub argp: usize,
    pub recovered: bool,
    /// A later panic started while this one was running a deferred call.
    pub aborted: bool,
}

// g1c_deferproc(fv, args, size, argp) -> 0: records where the caller resumes after a recovery (its
// return address, its RSP after the return, its RBP), then continues in Rust.
global_asm!(
    ".globl g1c_deferproc",
    ".type g1c_deferproc,@function",
    "g1c_deferproc:",
    "    mov r8, [rsp]",
    "    lea r9, [rsp + 8]",
    "    push rbp",
    "    call g1c_deferproc1",
    "    pop rbp",
    "    ret",
    ".size g1c_deferproc, . - g1c_deferproc",
);

// g1c_deferprocstack(d, fv, args, size, argp) -> 0: as g1c_deferproc, with the record and the copy of the
// arguments in the caller's frame at `d` (DEFER_SIZE + size bytes): the caller's return address, RSP after
// the return and RBP go straight into the record, then the Rust half fills in the rest and returns 0 to
// the caller itself.
global_asm!(
    ".globl g1c_deferprocstack",
    ".type g1c_deferprocstack,@function",
    "g1c_deferprocstack:",
    "    mov rax, [rsp]",
    "    mov [rdi + {pc}], rax",
    "    lea rax, [rsp + 8]",
    "    mov [rdi + {sp}], rax",
    "    mov [rdi + {fp}], rbp",
    "    jmp g1c_deferprocstack1",
    ".size g1c_deferprocstack, . - g1c_deferprocstack",
    pc = const core::mem::offset_of!(Defer, pc),
    sp = const core::mem::offset_of!(Defer, sp),
    fp = const core::mem::offset_of!(Defer, fp),
);

// g1c_resume(pc, sp, fp): continues a deferring function after a recovery, as if its g1c_deferproc call
// returned 1. The segments above the one holding `sp` are released only once RSP is in that segment
// (g1c_unwind_resumed, on the dead stack below `sp`): the panic ran on the headroom of the newest
// segment, which the release may unmap. Go code keeps nothing in registers across the call, so RBX and
// R12 are free to hold `pc` and `sp` over it.
global_asm!(
    ".globl g1c_resume",
    ".type g1c_resume,@function",
    "g1c_resume:",
    "    mov rsp, rsi",
    "    mov rbp, rdx",
    "    mov rbx, rdi",
    "    mov r12, rsi",
    "    and rsp, -16",
    "    mov rdi, rsi",
    "    call g1c_unwind_resumed",
    "    mov rsp, r12",
    "    mov eax, 1",
    "    jmp rbx",
    ".size g1c_resume, . - g1c_resume",
);

/// Called by `g1c_resume` on the resumed frame's segment: makes the segment holding `sp` current,
/// releasing the newer ones the panic ran on.
#[no_mangle]
pub extern "C" fn g1c_unwind_resumed(sp: usize) {
    // SAFETY: `sp` is in one of the running goroutine's segments, and RSP is no longer in a newer one.
    unsafe { crate::stack::unwind_to(g(), sp) };
}

// g1c_call_deferred(fv, args, size, argp_out): calls func value `fv` with a copy of the `size`-byte
// argument area at `args` placed at RSP (16-byte aligned); stores that RSP (the callee's argument
// address) in *argp_out first. Go code preserves no register, so the C callee-saved ones are saved here.
// `g1c_call_deferred_panic` is the same code for the calls a panic runs: a return address between it and
// `g1c_call_deferred_panic_end` tells a frame walk that gc's `runtime.gopanic` frame sits there (gohooks.rs).
macro_rules! call_deferred {
    ($name:literal) => {
        global_asm!(
            concat!(".globl ", $name),
            concat!(".type ", $name, ",@function"),
            concat!($name, ":"),
            "    push rbp",
            "    mov rbp, rsp",
            "    push rbx",
            "    push r12",
            "    push r13",
            "    push r14",
            "    push r15",
            "    mov r12, rdi",
            "    mov rax, rdx",
            "    add rax, 15",
            "    and rax, -16",
            "    sub rsp, rax",
            "    and rsp, -16",
            "    mov [rcx], rsp",
            "    mov rdi, rsp",
            "    mov rcx, rdx",
            "    rep movsb",
            "    mov rdx, r12",
            "    call [rdx]",
            "    lea rsp, [rbp - 40]",
            "    pop r15",
            "    pop r14",
            "    pop r13",
            "    pop r12",
            "    pop rbx",
            "    pop rbp",
            "    ret",
            concat!(".globl ", $name, "_end"),
            concat!($name, "_end:"),
            concat!(".size ", $name, ", . - ", $name),
        );
    };
}
call_deferred!("g1c_call_deferred");
call_deferred!("g1c_call_deferred_panic");

// The Go function `runtime.gopanic` (lib/runtime), which nothing calls: a frame walk reports a return
// address inside it for the deferred calls a panic runs. Weak: a program without package runtime has none
// (the word is then 0) and cannot ask for its frames either.
global_asm!(
    ".weak \"runtime.gopanic\"",
    ".pushsection .data.rel.ro.g1c_gopanic_entry,\"aw\",@progbits",
    ".p2align 3",
    ".globl g1c_gopanic_entry",
    "g1c_gopanic_entry:",
    "    .quad \"runtime.gopanic\"",
    ".popsection",
);

// g1c_sigpanic: where a faulting instruction continues (signal.rs pushes the faulting pc as a return
// address and points RIP here): a frame, an aligned stack, then the panic.
global_asm!(
    ".globl g1c_sigpanic",
    ".type g1c_sigpanic,@function",
    "g1c_sigpanic:",
    "    push rbp",
    "    mov rbp, rsp",
    "    and rsp, -16",
    "    call g1c_sigpanic1",
    "    ud2",
    ".size g1c_sigpanic, . - g1c_sigpanic",
);

extern "C" {
    /// The end of `g1c_call_deferred_panic`'s code, and the entry of `runtime.gopanic` (or 0).
    static g1c_call_deferred_panic_end: u8;
    static g1c_gopanic_entry: usize;
}

/// Whether `ra` is a return address into `g1c_call_deferred_panic`: the frame below it is a deferred call a
/// panic runs, and gc's `runtime.gopanic` frame would be here.
pub fn is_panic_call(ra: u64) -> bool {
    let start = g1c_call_deferred_panic as *const () as u64;
    let end = core::ptr::addr_of!(g1c_call_deferred_panic_end) as u64;
    (start..end).contains(&ra)
}

/// The entry of lib/runtime's `runtime.gopanic`, which stands for gc's in frame walks; 0 in a program without
/// package runtime.
pub fn gopanic_entry() -> u64 {
    // SAFETY: a word the linker fills in.
    unsafe { core::ptr::addr_of!(g1c_gopanic_entry).read() as u64 }
}

/// The interface words gc's traceback shows for panic `p`'s value (its `panic({type, data})` frame): those
/// of `panic(v)`'s value; for a run-time error, the type rt gives it when recovered and the address of
/// the panic record's copy of it (rt builds the Go value only when it is recovered).
///
/// # Safety
/// `p` is a live panic record.
pub unsafe fn panic_words(p: *const Panic) -> (u64, u64) {
    let v = &(*p).value;
    let e = match *v {
        Value::Eface { t, data } => return (t as u64, data as u64),
        Value::Bounds { .. } => RtError::Bounds,
        Value::Runtime(_) => RtError::String,
        Value::Plain(_) => RtError::Plain,
        Value::User { .. } => return (0, v as *const Value as u64),
    };
    (rterror_type(e) as u64, v as *const Value as u64)
}

extern "C" {
    fn g1c_resume(pc: usize, sp: usize, fp: usize) -> !;
    fn g1c_call_deferred(fv: usize, args: *const u8, size: usize, argp_out: *mut usize);
    pub fn g1c_call_deferred_panic(fv: usize, args: *const u8, size: usize, argp_out: *mut usize);
    pub fn g1c_sigpanic();
}

fn g() -> &'static mut G {
    let g = curg();
    if g.is_null() {
        crate::panic::throw(b"defer or panic outside a goroutine");
    }
    // SAFETY: the running goroutine.
    unsafe { &mut *g }
}

/// The Rust half of `g1c_deferproc`: pushes a record on the goroutine's defer chain.
///
/// # Safety
/// Called only from the stub, with `args` valid for `size` bytes.
#[no_mangle]
pub unsafe extern "C" fn g1c_deferproc1(
    fv: usize,
    args: *const u8,
    size: usize,
    argp: usize,
    pc: usize,
    sp: usize,
) -> u64 {
    // The stub leaves RBP alone: the RBP this frame saved is the deferring function's.
    let fp = *((crate::arch::amd64::frame_pointer()) as *const usize);
    // One object, scanned conservatively: the record is rt's (a few pointers among small scalars) and the
    // argument copy after it has the deferred call's argument layout, which rt does not know.
    let d = crate::mem::alloc(DEFER_SIZE + size) as *mut Defer;
    (*d).pc = pc;
    (*d).sp = sp;
    (*d).fp = fp;
    push_defer(d, fv, args, size, argp);
    0
}

/// The Rust half of `g1c_deferprocstack`: the stub has set the record's `pc`, `sp` and `fp`.
///
/// # Safety
/// Called only from the stub, with `d` valid for `DEFER_SIZE + size` bytes in the deferring function's
/// frame (which outlives the record's place on the chain: its return or a panic through it takes it off)
/// and `args` for `size`.
#[no_mangle]
pub unsafe extern "C" fn g1c_deferprocstack1(
    d: *mut Defer,
    fv: usize,
    args: *const u8,
    size: usize,
    argp: usize,
) -> u64 {
    push_defer(d, fv, args, size, argp);
    0
}

/// Fills in record `d` (all but `pc`, `sp`, `fp`), copies the arguments after it and pushes it on the
/// running goroutine's chain.
unsafe fn push_defer(d: *mut Defer, fv: usize, args: *const u8, size: usize, argp: usize) {
    let g = g();
    let copy = (d as *mut u8).add(DEFER_SIZE);
    crate::arch::amd64::copy_bytes(copy, args, size);
    (*d).link = g.defer;
    (*d).argp = argp;
    (*d).fv = fv;
    (*d).args = copy;
    (*d).size = size;
    (*d).started = false;
    (*d).panic = core::ptr::null_mut();
    g.defer = d;
}

/// Runs the deferred calls of the frame whose argument address is `argp`, newest first.
#[no_mangle]
pub extern "C" fn g1c_deferreturn(argp: usize) {
    let g = g();
    loop {
        let d = g.defer;
        // SAFETY: records on the chain are live.
        unsafe {
            if d.is_null() || (*d).argp != argp {
                return;
            }
            g.defer = (*d).link;
            let mut unused = 0usize;
            g1c_call_deferred((*d).fv, (*d).args, (*d).size, &mut unused);
        }
    }
}

#[cfg(not(test))]
extern "C" {
    /// The descriptor of `*runtime.panicValue`, which every program defines (typedesc.rs): in a program
    /// without package runtime, a recovered runtime error is an interface holding a pointer to a boxed
    /// `Value` with an `Error() string` method.
    #[link_name = "type.*runtime.panicValue"]
    static PANIC_VALUE_TYPE: u8;
}

// The descriptors of lib/runtime's run-time error types (error.go), in the order of `RtError`: the lowering
// emits them whenever the program has package runtime (typedesc.rs, emit_runtime_error_types). Weak: in a
// program without that package they are 0, and a recovered run-time error is a `*runtime.panicValue`.
#[cfg(not(test))]
global_asm!(
    ".weak \"type.runtime.boundsError\"",
    ".weak \"type.runtime.errorString\"",
    ".weak \"type.runtime.plainError\"",
    ".weak \"type.*runtime.TypeAssertionError\"",
    ".pushsection .data.rel.ro.g1c_rterror_types,\"aw\",@progbits",
    ".p2align 3",
    ".globl g1c_rterror_types",
    "g1c_rterror_types:",
    "    .quad \"type.runtime.boundsError\"",
    "    .quad \"type.runtime.errorString\"",
    "    .quad \"type.runtime.plainError\"",
    "    .quad \"type.*runtime.TypeAssertionError\"",
    ".popsection",
);

/// lib/runtime's run-time error types, indices into `g1c_rterror_types`.
#[derive(Clone, Copy)]
pub enum RtError {
    /// `runtime.boundsError`: `{x int64, y int, signed bool, code uint8}`, 24 bytes.
    Bounds = 0,
    /// `runtime.errorString` and `runtime.plainError`: a Go string.
    String = 1,
    Plain = 2,
    /// `*runtime.TypeAssertionError` (iface.rs builds its values).
    TypeAssertion = 3,
}

#[cfg(not(test))]
extern "C" {
    static g1c_rterror_types: [usize; 4];
}

/// The descriptor of run-time error type `e`, or 0 when the program does not have package runtime.
#[cfg(not(test))]
pub fn rterror_type(e: RtError) -> usize {
    // SAFETY: a table of addresses the linker fills in.
    unsafe { g1c_rterror_types[e as usize] }
}

#[cfg(test)]
pub fn rterror_type(_: RtError) -> usize {
    0
}

/// A run-time error panic value as the Go value gc gives `recover()`: the interface words of a
/// `runtime.boundsError`, `errorString` or `plainError`, or `None` when it has no such form (a value from
/// `panic(v)`) or the program lacks the types.
fn rterror_value(v: &Value) -> Option<crate::Pair> {
    let (e, size) = match v {
        Value::Bounds { .. } => (RtError::Bounds, 24),
        Value::Runtime(_) => (RtError::String, 16),
        Value::Plain(_) => (RtError::Plain, 16),
        _ => return None,
    };
    let t = rterror_type(e);
    if t == 0 {
        return None;
    }
    // Conservative: an errorString's data pointer may point at rt's heap (a message built at run time).
    let p = crate::mem::alloc(size) as *mut u64;
    // SAFETY: fresh zeroed memory of `size` bytes, laid out as error.go declares the type.
    unsafe {
        match *v {
            Value::Bounds { code, x, y, signed } => {
                *p = x as u64;
                *p.add(1) = y as u64;
                *(p.add(2) as *mut u8) = signed as u8;
                *(p.add(2) as *mut u8).add(1) = code as u8;
            }
            Value::Runtime(msg) | Value::Plain(msg) => {
                *p = msg.as_ptr() as u64;
                *p.add(1) = msg.len() as u64;
            }
            _ => {}
        }
    }
    Some(crate::Pair { a: t, b: p as usize })
}

/// The builtin `recover()`, called with the calling function's argument address. Returns the panic value
/// as an interface's two words (type, data), or (0, 0).
#[no_mangle]
pub extern "C" fn g1c_gorecover(argp: usize) -> crate::Pair {
    let g = g();
    let p = g.panic;
    // SAFETY: panics on the chain are live.
    unsafe {
        if !p.is_null() && !(*p).recovered && !(*p).aborted && (*p).argp == argp {
            (*p).recovered = true;
            if let Value::Eface { t, data } = (*p).value {
                return crate::Pair { a: t, b: data };
            }
            if let Some(v) = rterror_value(&(*p).value) {
                return v;
            }
            // Conservative: a `Value` is an enum whose variants hold pointers in different words.
            let b = crate::mem::alloc(core::mem::size_of::<Value>()) as *mut Value;
            core::ptr::write(b, (*p).value);
            #[cfg(not(test))]
            let t = &PANIC_VALUE_TYPE as *const u8 as usize;
            #[cfg(test)]
            let t = 1usize;
            return crate::Pair { a: t, b: b as usize };
        }
    }
    crate::Pair { a: 0, b: 0 }
}

/// Called by `stack::g1c_newstack` when a function's arguments move to a new segment, and by
/// `g1c_oldstack` when they move back: a deferred call the panic is running keeps its right to recover.
pub fn moved_args(g: *mut G, from: usize, to: usize) {
    // SAFETY: `g` is the running goroutine.
    unsafe {
        let p = (*g).panic;
        if !p.is_null() && (*p).argp == from {
            (*p).argp = to;
        }
    }
}

/// gc's WRAPPER prologue: a wrapper (a generated method wrapper, a method value's `-fm` function,
/// reflect's stubs and `callReflect`/`callMethod`) called directly by the deferred call a panic runs
/// passes that right to recover on to the function it calls, whose argument address is the wrapper's
/// outgoing area `to`. A wrapper is not a frame of its own as far as `recover` is concerned.
#[no_mangle]
pub extern "C" fn g1c_wrapper_argp(from: usize, to: usize) {
    moved_args(g(), from, to);
}

/// gc's `gopanic`: runs the deferred calls; a recovery resumes the deferring function; otherwise prints
/// the panics and exits 2.
pub fn gopanic(value: Value) -> ! {
    // A panic raised inside rt (a send on a closed channel, …) leaves rt: Go code runs without the lock.
    crate::lock::release_all();
    let g = g();
    // Conservative: rt's record (the chain link and the panic value's words).
    let p = crate::mem::alloc(core::mem::size_of::<Panic>()) as *mut Panic;
    // SAFETY: fresh memory; records on the chains are live.
    unsafe {
        core::ptr::write(p, Panic { link: g.panic, value, argp: 0, recovered: false, aborted: false });
        g.panic = p;
        loop {
            let d = g.defer;
            if d.is_null() {
                break;
            }
            if (*d).started {
                // A deferred call that was running for an earlier panic (or a normal return) panicked:
                // the earlier panic is aborted and the call is done.
                if !(*d).panic.is_null() {
                    (*(*d).panic).aborted = true;
                }
                (*d).panic = core::ptr::null_mut();
                g.defer = (*d).link;
                continue;
            }
            (*d).started = true;
            (*d).panic = p;
            g1c_call_deferred_panic((*d).fv, (*d).args, (*d).size, &mut (*p).argp);
            if g.defer != d {
                crate::panic::throw(b"bad defer entry in panic");
            }
            (*d).panic = core::ptr::null_mut();
            g.defer = (*d).link;
            (*p).argp = 0;
            if (*p).recovered {
                g.panic = (*p).link;
                while !g.panic.is_null() && (*g.panic).aborted {
                    g.panic = (*g.panic).link;
                }
                if g.panic.is_null() {
                    g.sig = Default::default();
                }
                crate::panic::stop_panicking();
                g1c_resume((*d).pc, (*d).sp, (*d).fp);
            }
        }
    }
    fatal_panic(g)
}

/// Prints the chain of panics, oldest first (gc's `printpanics`), then the goroutine's traceback; exit 2.
fn fatal_panic(g: &mut G) -> ! {
    crate::panic::start_panicking();
    let mut o = Stderr::new();
    // SAFETY: the chain is live.
    unsafe { print_panics(&mut o, g.panic) };
    if g.sig.sig != 0 {
        crate::signal::print_signal_line(&mut o, &g.sig);
    }
    let fp = crate::arch::amd64::frame_pointer();
    crate::panic::die(&mut o, g, fp)
}

unsafe fn print_panics(o: &mut impl Out, p: *mut Panic) {
    if p.is_null() {
        return;
    }
    if !(*p).link.is_null() {
        print_panics(o, (*p).link);
        o.put(b"\t");
    }
    o.put(b"panic: ");
    print_value(o, &(*p).value);
    if (*p).recovered {
        o.put(b" [recovered]");
    }
    o.put(b"\n");
}

/// gc's printpanicval for each form of `Value`.
pub fn print_value(o: &mut impl Out, v: &Value) {
    match *v {
        Value::User { kind, tname, tname_len, w0, w1 } => {
            // SAFETY: the compiled code passes a valid type name.
            let t = unsafe { go_str(tname, tname_len) };
            crate::panic::panic_value(o, kind, t, w0, w1)
        }
        Value::Runtime(msg) => {
            o.put(b"runtime error: ");
            o.put(msg);
        }
        Value::Bounds { code, x, y, signed } => crate::panic::bounds_message(o, code, x, y, signed),
        Value::Plain(msg) => o.put(msg),
        // SAFETY: the compiled code passes a valid interface value.
        Value::Eface { t, data } => unsafe { crate::iface::print_eface(o, t, data) },
    }
}

/// The Rust half of `g1c_sigpanic`: the fault recorded in the goroutine becomes a runtime error panic.
#[no_mangle]
pub extern "C" fn g1c_sigpanic1() -> ! {
    let g = g();
    let msg: &'static [u8] = match (g.sig.sig, g.sig.code) {
        (crate::os::linux::SIGFPE, crate::os::linux::FPE_INTDIV) => b"integer divide by zero",
        (crate::os::linux::SIGFPE, crate::os::linux::FPE_INTOVF) => b"integer overflow",
        (crate::os::linux::SIGFPE, _) => b"floating point error",
        _ => b"invalid memory address or nil pointer dereference",
    };
    gopanic(Value::Runtime(msg))
}

/// The main goroutine called `runtime.Goexit`: its end is not the program's (sched.rs reads this).
pub static MAIN_GOEXIT: core::sync::atomic::AtomicBool = core::sync::atomic::AtomicBool::new(false);

/// `runtime.Goexit` (gc's `Goexit`): runs the goroutine's deferred calls, newest first, as a return would,
/// then ends the goroutine. No panic is in progress, so `recover` in those calls returns nil. A deferred call
/// that was already running (Goexit called from inside it) is dropped, as gc drops it.
#[no_mangle]
pub extern "C" fn g1c_goexit_run() -> ! {
    let g = g();
    if g.id == 1 {
        // The program does not end with the main goroutine now: the others run on, and when none is left
        // the scheduler reports gc's "no goroutines (main called runtime.Goexit)" deadlock.
        MAIN_GOEXIT.store(true, core::sync::atomic::Ordering::SeqCst);
    }
    // SAFETY: records on the defer chain are live.
    unsafe {
        loop {
            let d = g.defer;
            if d.is_null() {
                break;
            }
            if (*d).started {
                if !(*d).panic.is_null() {
                    (*(*d).panic).aborted = true;
                }
                (*d).panic = core::ptr::null_mut();
                g.defer = (*d).link;
                continue;
            }
            (*d).started = true;
            let mut argp = 0usize;
            g1c_call_deferred((*d).fv, (*d).args, (*d).size, &mut argp);
            if g.defer != d {
                crate::panic::throw(b"bad defer entry in Goexit");
            }
            g.defer = (*d).link;
        }
    }
    crate::sched::g1c_goexit()
}
