//! The functions gc's runtime gives other standard packages through `//go:linkname` (DESIGN §7,
//! std-runtime-hooks.md), provided by rt under the Go symbols those packages call.
//!
//! In: ABI0 calls from compiled Go code to a package's body-less function (`internal/reflectlite.unsafe_New`):
//! arguments, then results, in the caller's outgoing area above the return address. Out: the results
//! written back there. Each hook is a small amd64 trampoline named exactly like the Go function (the linker
//! resolves the call by name, as it resolves any Go symbol) that moves the arguments into System V registers,
//! calls the Rust function that does the work (an `extern "C" fn g1c_*`, or an existing one), and stores the
//! result words; it keeps RBP's frame chain (`push rbp; mov rbp, rsp`) so tracebacks walk through it, and
//! RSP is 16-byte aligned at the inner call (Go frames keep RSP aligned at every call, so it is 8 mod 16 on
//! entry). Rust code runs in the goroutine segment's headroom, like every `CallRt` (see `stack`).
//!
//! Argument offsets follow gc's ABI0 layout for each Go signature (noted beside each trampoline, relative to
//! RBP after the prologue: return address at +8, the first argument at +16).

use crate::iface::Type;

// internal/reflectlite.unsafe_New(t *rtype) unsafe.Pointer: t +16, result +24.
// internal/reflectlite.typedmemmove(t *rtype, dst, src unsafe.Pointer): t +16, dst +24, src +32.
// internal/reflectlite.maplen(m unsafe.Pointer) int: m +16, result +24 (rt's hmap starts with the count).
// internal/reflectlite.chanlen(c unsafe.Pointer) int: c +16, result +24.
// internal/reflectlite.resolveNameOff(ptrInModule unsafe.Pointer, off int32) unsafe.Pointer and
// resolveTypeOff(rtype unsafe.Pointer, off int32) unsafe.Pointer: off (int32) +24, result +32 (through
// `reflect::g1c_resolve_off`, so that the ids of types reflect built at run time resolve too).
// internal/reflectlite.ifaceE2I(t *rtype, src any, dst unsafe.Pointer): t +16, src +24 (type) and +32 (data),
// dst +40.
#[cfg(not(test))]
core::arch::global_asm!(
    ".globl \"internal/reflectlite.unsafe_New\"",
    "\"internal/reflectlite.unsafe_New\":",
    "    push rbp",
    "    mov rbp, rsp",
    "    mov rdi, [rbp + 16]",
    "    call g1c_newobject",
    "    mov [rbp + 24], rax",
    "    pop rbp",
    "    ret",
    ".globl \"internal/reflectlite.typedmemmove\"",
    "\"internal/reflectlite.typedmemmove\":",
    "    push rbp",
    "    mov rbp, rsp",
    "    mov rdi, [rbp + 16]",
    "    mov rsi, [rbp + 24]",
    "    mov rdx, [rbp + 32]",
    "    call g1c_typedmemmove",
    "    pop rbp",
    "    ret",
    ".globl \"internal/reflectlite.maplen\"",
    "\"internal/reflectlite.maplen\":",
    "    mov rax, [rsp + 8]",
    "    test rax, rax",
    "    jz 1f",
    "    mov rax, [rax]",
    "1:  mov [rsp + 16], rax",
    "    ret",
    ".globl \"internal/reflectlite.chanlen\"",
    "\"internal/reflectlite.chanlen\":",
    "    push rbp",
    "    mov rbp, rsp",
    "    mov rdi, [rbp + 16]",
    "    call g1c_chanlen",
    "    mov [rbp + 24], rax",
    "    pop rbp",
    "    ret",
    ".globl \"internal/reflectlite.resolveNameOff\"",
    "\"internal/reflectlite.resolveNameOff\":",
    ".globl \"internal/reflectlite.resolveTypeOff\"",
    "\"internal/reflectlite.resolveTypeOff\":",
    "    push rbp",
    "    mov rbp, rsp",
    "    movsxd rdi, dword ptr [rbp + 24]",
    "    call g1c_resolve_off",
    "    mov [rbp + 32], rax",
    "    pop rbp",
    "    ret",
    ".globl \"internal/reflectlite.ifaceE2I\"",
    "\"internal/reflectlite.ifaceE2I\":",
    "    push rbp",
    "    mov rbp, rsp",
    "    mov rdi, [rbp + 16]",
    "    mov rsi, [rbp + 24]",
    "    call g1c_convI2I",
    "    mov rcx, [rbp + 40]",
    "    mov [rcx], rax",
    "    mov rax, [rbp + 32]",
    "    mov [rcx + 8], rax",
    "    pop rbp",
    "    ret",
);

// internal/cpu's body-less functions (gc: cpu_x86.s), on gc's ABI0 frames (offsets from RSP on entry for the
// three leaf functions, from RBP after the prologue for startupGODEBUG, which calls into Rust).
// cpuid(eaxArg, ecxArg uint32) (eax, ebx, ecx, edx uint32): the leaf at +8, the sub-leaf at +12, the four
// result registers at +16 ... +28 (Intel SDM Vol. 2A, CPUID; it overwrites RBX, which Go code does not keep).
// xgetbv() (eax, edx uint32): XCR0 (ECX = 0) into +8 and +12; internal/cpu calls it only when CPUID reports
// OSXSAVE, so the instruction exists.
// getGOAMD64level() int32: 1 at +8, the microarchitecture level g1c's code generator targets (GOAMD64=v1,
// baseline x86-64); Initialize lets GODEBUG turn off only the features that level does not require.
// startupGODEBUG() string: the string header at +16 and +24 (g1c_startup_godebug returns it in RAX:RDX).
#[cfg(not(test))]
core::arch::global_asm!(
    ".globl \"internal/cpu.cpuid\"",
    "\"internal/cpu.cpuid\":",
    "    mov eax, [rsp + 8]",
    "    mov ecx, [rsp + 12]",
    "    cpuid",
    "    mov [rsp + 16], eax",
    "    mov [rsp + 20], ebx",
    "    mov [rsp + 24], ecx",
    "    mov [rsp + 28], edx",
    "    ret",
    ".globl \"internal/cpu.xgetbv\"",
    "\"internal/cpu.xgetbv\":",
    "    xor ecx, ecx",
    "    xgetbv",
    "    mov [rsp + 8], eax",
    "    mov [rsp + 12], edx",
    "    ret",
    ".globl \"internal/cpu.getGOAMD64level\"",
    "\"internal/cpu.getGOAMD64level\":",
    "    mov dword ptr [rsp + 8], 1",
    "    ret",
    ".globl \"internal/cpu.startupGODEBUG\"",
    "\"internal/cpu.startupGODEBUG\":",
    "    push rbp",
    "    mov rbp, rsp",
    "    call g1c_startup_godebug",
    "    mov [rbp + 16], rax",
    "    mov [rbp + 24], rdx",
    "    pop rbp",
    "    ret",
);

/// A Go string header as an `extern "C"` result: SysV returns the two words in RAX and RDX.
#[repr(C)]
pub struct GoString {
    ptr: *const u8,
    len: usize,
}

/// `internal/cpu.startupGODEBUG()`: GODEBUG's value in the environment the kernel passed (memory that lives
/// as long as the process), or the empty string.
#[no_mangle]
pub extern "C" fn g1c_startup_godebug() -> GoString {
    match crate::gc::getenv(b"GODEBUG") {
        Some(v) => GoString { ptr: v.as_ptr(), len: v.len() },
        None => GoString { ptr: core::ptr::null(), len: 0 },
    }
}

// sync/atomic: its functions are gc's assembly (asm.s, jumping to runtime/internal/atomic); here the same
// bodies, one per operation and width, each under all the names gc's asm.s jumps from (Int32 and Uint32;
// Int64, Uint64, Uintptr and Pointer), with the
// instructions (Intel SDM: LOCK CMPXCHG, LOCK XADD, XCHG, which is locked by itself; a plain MOV loads, as
// on amd64 every aligned load is atomic and ordered) on gc's ABI0 frame: the address at +8, the operands
// after it, the result at the next 8-aligned offset. Stores use XCHG, as gc's do, for sequential
// consistency. No write barrier for the Pointer forms: the collector stops the world and does not move
// objects. runtime_procPin/Unpin (for atomic.Value): the P's id, and no time-slice preemption until the
// unpin (sched::g1c_proc_pin).
#[cfg(not(test))]
core::arch::global_asm!(
    ".globl \"sync/atomic.SwapInt32\"",
    ".globl \"sync/atomic.SwapUint32\"",
    "\"sync/atomic.SwapInt32\":",
    "\"sync/atomic.SwapUint32\":",
    "    mov rcx, [rsp + 8]",
    "    mov eax, [rsp + 16]",
    "    xchg [rcx], eax",
    "    mov [rsp + 24], eax",
    "    ret",
    ".globl \"sync/atomic.CompareAndSwapInt32\"",
    ".globl \"sync/atomic.CompareAndSwapUint32\"",
    "\"sync/atomic.CompareAndSwapInt32\":",
    "\"sync/atomic.CompareAndSwapUint32\":",
    "    mov rcx, [rsp + 8]",
    "    mov eax, [rsp + 16]",
    "    mov edx, [rsp + 20]",
    "    lock cmpxchg [rcx], edx",
    "    sete byte ptr [rsp + 24]",
    "    ret",
    ".globl \"sync/atomic.AddInt32\"",
    ".globl \"sync/atomic.AddUint32\"",
    "\"sync/atomic.AddInt32\":",
    "\"sync/atomic.AddUint32\":",
    "    mov rcx, [rsp + 8]",
    "    mov eax, [rsp + 16]",
    "    mov edx, eax",
    "    lock xadd [rcx], eax",
    "    add eax, edx",
    "    mov [rsp + 24], eax",
    "    ret",
    ".globl \"sync/atomic.LoadInt32\"",
    ".globl \"sync/atomic.LoadUint32\"",
    "\"sync/atomic.LoadInt32\":",
    "\"sync/atomic.LoadUint32\":",
    "    mov rcx, [rsp + 8]",
    "    mov eax, [rcx]",
    "    mov [rsp + 16], eax",
    "    ret",
    ".globl \"sync/atomic.StoreInt32\"",
    ".globl \"sync/atomic.StoreUint32\"",
    "\"sync/atomic.StoreInt32\":",
    "\"sync/atomic.StoreUint32\":",
    "    mov rcx, [rsp + 8]",
    "    mov eax, [rsp + 16]",
    "    xchg [rcx], eax",
    "    ret",
    ".globl \"sync/atomic.SwapInt64\"",
    ".globl \"sync/atomic.SwapUint64\"",
    ".globl \"sync/atomic.SwapUintptr\"",
    ".globl \"sync/atomic.SwapPointer\"",
    "\"sync/atomic.SwapInt64\":",
    "\"sync/atomic.SwapUint64\":",
    "\"sync/atomic.SwapUintptr\":",
    "\"sync/atomic.SwapPointer\":",
    "    mov rcx, [rsp + 8]",
    "    mov rax, [rsp + 16]",
    "    xchg [rcx], rax",
    "    mov [rsp + 24], rax",
    "    ret",
    ".globl \"sync/atomic.CompareAndSwapInt64\"",
    ".globl \"sync/atomic.CompareAndSwapUint64\"",
    ".globl \"sync/atomic.CompareAndSwapUintptr\"",
    ".globl \"sync/atomic.CompareAndSwapPointer\"",
    "\"sync/atomic.CompareAndSwapInt64\":",
    "\"sync/atomic.CompareAndSwapUint64\":",
    "\"sync/atomic.CompareAndSwapUintptr\":",
    "\"sync/atomic.CompareAndSwapPointer\":",
    "    mov rcx, [rsp + 8]",
    "    mov rax, [rsp + 16]",
    "    mov rdx, [rsp + 24]",
    "    lock cmpxchg [rcx], rdx",
    "    sete byte ptr [rsp + 32]",
    "    ret",
    ".globl \"sync/atomic.AddInt64\"",
    ".globl \"sync/atomic.AddUint64\"",
    ".globl \"sync/atomic.AddUintptr\"",
    "\"sync/atomic.AddInt64\":",
    "\"sync/atomic.AddUint64\":",
    "\"sync/atomic.AddUintptr\":",
    "    mov rcx, [rsp + 8]",
    "    mov rax, [rsp + 16]",
    "    mov rdx, rax",
    "    lock xadd [rcx], rax",
    "    add rax, rdx",
    "    mov [rsp + 24], rax",
    "    ret",
    ".globl \"sync/atomic.LoadInt64\"",
    ".globl \"sync/atomic.LoadUint64\"",
    ".globl \"sync/atomic.LoadUintptr\"",
    ".globl \"sync/atomic.LoadPointer\"",
    "\"sync/atomic.LoadInt64\":",
    "\"sync/atomic.LoadUint64\":",
    "\"sync/atomic.LoadUintptr\":",
    "\"sync/atomic.LoadPointer\":",
    "    mov rcx, [rsp + 8]",
    "    mov rax, [rcx]",
    "    mov [rsp + 16], rax",
    "    ret",
    ".globl \"sync/atomic.StoreInt64\"",
    ".globl \"sync/atomic.StoreUint64\"",
    ".globl \"sync/atomic.StoreUintptr\"",
    ".globl \"sync/atomic.StorePointer\"",
    "\"sync/atomic.StoreInt64\":",
    "\"sync/atomic.StoreUint64\":",
    "\"sync/atomic.StoreUintptr\":",
    "\"sync/atomic.StorePointer\":",
    "    mov rcx, [rsp + 8]",
    "    mov rax, [rsp + 16]",
    "    xchg [rcx], rax",
    "    ret",
    ".globl \"sync/atomic.runtime_procPin\"",
    "\"sync/atomic.runtime_procPin\":",
    "    push rbp",
    "    mov rbp, rsp",
    "    call g1c_proc_pin",
    "    mov [rbp + 16], rax",
    "    pop rbp",
    "    ret",
    ".globl \"sync/atomic.runtime_procUnpin\"",
    "\"sync/atomic.runtime_procUnpin\":",
    "    push rbp",
    "    mov rbp, rsp",
    "    call g1c_proc_unpin",
    "    pop rbp",
    "    ret",
);

/// `typedmemmove(t, dst, src)`: copies a value of type `t`. The collector stops the world and never moves
/// objects, so no write barrier is needed: a copy of `t.size` bytes.
///
/// # Safety
/// `t` is a type descriptor; `dst` and `src` point at values of that type.
#[no_mangle]
pub unsafe extern "C" fn g1c_typedmemmove(t: *const Type, dst: *mut u8, src: *const u8) {
    if dst as *const u8 != src {
        crate::memops::g1c_memmove(dst, src, (*t).size);
    }
}

/// hash/maphash's `runtime_fastrand64` (gc's `runtime.fastrand64`): 64 random bits for a new Seed.
#[no_mangle]
pub extern "C" fn g1c_fastrand64() -> u64 {
    let _l = crate::lock::rt();
    crate::hash::fastrand()
}

/// hash/maphash's `runtime_memhash` (gc's `runtime.memhash`): the maps' hash of `s` bytes at `p`.
///
/// # Safety
/// `p` points at `s` readable bytes.
#[no_mangle]
pub unsafe extern "C" fn g1c_memhash(p: *const u8, seed: u64, s: usize) -> u64 {
    crate::hash::memhash(p, seed, s)
}

// hash/maphash.runtime_fastrand64() uint64: result +16. hash/maphash.runtime_memhash(p unsafe.Pointer, seed,
// s uintptr) uintptr: p +16, seed +24, s +32, result +40.
#[cfg(not(test))]
core::arch::global_asm!(
    ".globl \"hash/maphash.runtime_fastrand64\"",
    "\"hash/maphash.runtime_fastrand64\":",
    "    push rbp",
    "    mov rbp, rsp",
    "    call g1c_fastrand64",
    "    mov [rbp + 16], rax",
    "    pop rbp",
    "    ret",
    ".globl \"hash/maphash.runtime_memhash\"",
    "\"hash/maphash.runtime_memhash\":",
    "    push rbp",
    "    mov rbp, rsp",
    "    mov rdi, [rbp + 16]",
    "    mov rsi, [rbp + 24]",
    "    mov rdx, [rbp + 32]",
    "    call g1c_memhash",
    "    mov [rbp + 40], rax",
    "    pop rbp",
    "    ret",
);

// runtime.Caller(skip int) (pc uintptr, file string, line int, ok bool): skip +16, results +24 .. +56.
// runtime.callers(skip int, pc []uintptr) int (lib/runtime's Callers calls it): skip +16, pc +24 (pointer,
// length, capacity), result +48.
// runtime.funcinfo(pc uintptr) (name string, file string, line int, entry uintptr, ok bool): pc +16, results
// +24 .. +72.
// runtime.GC(), runtime.Gosched(), runtime.Breakpoint() (a trap: signal.rs makes SIGTRAP fatal): no arguments.
#[cfg(not(test))]
core::arch::global_asm!(
    ".globl \"runtime.Caller\"",
    "\"runtime.Caller\":",
    "    push rbp",
    "    mov rbp, rsp",
    "    mov rdi, [rbp + 16]",
    "    mov rsi, rbp",
    "    lea rdx, [rbp + 24]",
    "    call g1c_caller",
    "    pop rbp",
    "    ret",
    ".globl \"runtime.callers\"",
    "\"runtime.callers\":",
    "    push rbp",
    "    mov rbp, rsp",
    "    mov rdi, [rbp + 16]",
    "    mov rsi, [rbp + 24]",
    "    mov rdx, [rbp + 32]",
    "    mov rcx, rbp",
    "    call g1c_callers",
    "    mov [rbp + 48], rax",
    "    pop rbp",
    "    ret",
    ".globl \"runtime.funcinfo\"",
    "\"runtime.funcinfo\":",
    "    push rbp",
    "    mov rbp, rsp",
    "    mov rdi, [rbp + 16]",
    "    lea rsi, [rbp + 24]",
    "    call g1c_funcinfo",
    "    pop rbp",
    "    ret",
    ".globl \"runtime.GC\"",
    "\"runtime.GC\":",
    "    push rbp",
    "    mov rbp, rsp",
    "    lea rdi, [rbp + 16]",
    "    call g1c_gc",
    "    pop rbp",
    "    ret",
    ".globl \"runtime.Breakpoint\"",
    "\"runtime.Breakpoint\":",
    "    push rbp",
    "    mov rbp, rsp",
    "    int3",
    "    pop rbp",
    "    ret",
    ".globl \"runtime.Gosched\"",
    "\"runtime.Gosched\":",
    "    push rbp",
    "    mov rbp, rsp",
    "    call g1c_gosched",
    "    pop rbp",
    "    ret",
);

/// `runtime.GC()`: a collection now (the collector stops the world; it is not concurrent), sync's Pools
/// emptied first as gc's collections do (`sema::clear_pools`). Then the other
/// runnable goroutines run first, among them the finalizer goroutine the collection may have woken: gc's
/// `GC` blocks the caller until the cycle is done and yields while it sweeps, so a loop that calls it
/// sees finalizers run (sync's TestIssue40999 waits for one that way).
/// `go_sp` is the Go caller's stack pointer (see `gc::collect_from_go`).
#[no_mangle]
pub extern "C" fn g1c_gc(go_sp: usize) {
    let _l = crate::lock::rt();
    // SAFETY: under the runtime lock.
    let before = unsafe { (*crate::gc::GC.get()).num_gc };
    crate::sched::stop_the_world();
    crate::sema::clear_pools();
    crate::gc::collect_from_go(go_sp);
    // SAFETY: as above.
    unsafe {
        let gc = &mut *crate::gc::GC.get();
        if gc.num_gc != before {
            gc.num_forced += 1;
        }
    }
    if !crate::sched::curg().is_null() {
        crate::sched::g1c_gosched();
    }
}

/// The return addresses of the Go frames above the trampoline frame `fp`, innermost first, each given to
/// `f` until it returns false: the frame-pointer chain of the running goroutine, where a frame that ran on a
/// new stack segment returns through `g1c_lessstack` and the segment records the real return address
/// (as `traceback::traceback_g` reads it). Method value wrappers (`-fm`) are left out, as gc leaves out
/// wrappers. rt's own frames on the chain are passed over, as gc's Callers passes over none but reports
/// runtime functions g1c does not have: a deferred call run by `g1c_deferreturn` sees the deferring function
/// and its callers beyond rt's frames (gc's `runtime.deferreturn` sits there); one run by a panic sees
/// `runtime.gopanic` first, as with gc. The frame a fault interrupted is reported at the faulting pc plus
/// one, as gc's Callers does, so that looking up `pc - 1` finds the faulting instruction's line. The walk
/// stays inside the goroutine's stack segments (rt is built with frame pointers, so the chain is whole)
/// and ends where the chain leaves them (the goroutine's entry), after the return sites in rt's start code
/// that stand for gc's runtime.main and runtime.goexit (`base_frame`).
///
/// # Safety
/// `fp` is a frame pointer of the running goroutine's chain.
pub(crate) unsafe fn go_frames(fp: usize, f: &mut dyn FnMut(u64) -> bool) {
    go_frames_of(crate::sched::curg(), 0, fp, f);
}

/// Reports return address `ra` to `f` as [`go_frames`] reports each frame's (the calls inlined at it
/// first); false when `f` wants no more.
///
/// # Safety
/// Reads the function table only.
unsafe fn report_frame(ra: u64, f: &mut dyn FnMut(u64) -> bool) -> bool {
    if let Some(func) = crate::traceback::find_func(ra.wrapping_sub(1)) {
        // gc's expansion of inlined frames: each inlined call's frame is reported at the pc after the
        // code's (`ra`), then after its caller's inline mark, so that looking up `pc - 1` finds that
        // frame's function and line. A wrapper's own frame is left out, not the calls inlined into it
        // (the wrapped method, typically: `t.Helper()` through testing.TB counts that frame).
        let Some(own) = func.inlined_frames(ra - 1, &mut |_, at| f(at + 1)) else { return false };
        if !crate::traceback::is_wrapper(&func) && !f(own + 1) {
            return false;
        }
    }
    true
}

/// [`go_frames`] for goroutine `g`, the running one or one stopped with the world (`sched::stopped_frames`
/// says where its frames begin): `first`, when not 0, is a return address reported before the chain from
/// `fp` (the function a goroutine in a system call is in).
///
/// # Safety
/// `g` is null or live, and `fp` a frame pointer of its chain; a goroutine other than the running one is
/// stopped.
pub(crate) unsafe fn go_frames_of(g: *mut crate::sched::G, first: u64, fp: usize, f: &mut dyn FnMut(u64) -> bool) {
    if g.is_null() {
        return;
    }
    if first != 0 && !report_frame(first, f) {
        return;
    }
    let lessstack = crate::stack::g1c_lessstack as *const () as u64;
    let valid = |a: usize| !crate::stack::seg_of(g, a).is_null() && !crate::stack::seg_of(g, a + 15).is_null();
    let sigpc = (*g).sig.pc;
    // A deferred call a panic runs returns into `g1c_call_deferred_panic`: gc's `runtime.gopanic` frame is
    // there, reported as a return address just inside lib/runtime's `gopanic` (defer.rs).
    let gopanic = crate::defer::gopanic_entry();
    let mut fp = fp;
    let mut steps = 0;
    while fp != 0 && fp.is_multiple_of(8) && valid(fp) && steps < 1_000_000 {
        steps += 1;
        let (next, mut ra) = (*(fp as *const usize), *((fp + 8) as *const u64));
        let switched = ra == lessstack;
        if switched {
            let seg = crate::stack::seg_of(g, fp);
            if seg.is_null() || (*seg).old_sp == 0 {
                return;
            }
            ra = *(((*seg).old_sp + 8) as *const u64);
        }
        if sigpc != 0 && ra == sigpc {
            ra += 1;
        }
        if crate::defer::is_panic_call(ra) && gopanic != 0 && !f(gopanic + 1) {
            return;
        }
        if base_frame(ra).is_some() {
            if !f(ra) {
                return;
            }
        } else if !report_frame(ra, f) {
            return;
        }
        // Outward only, except across a segment switch: a corrupt chain ends the walk.
        if next <= fp && !switched {
            return;
        }
        fp = next;
    }
}

/// A frame gc's goroutines start from that has no Go code in rt: (function name, file, line, entry) for a
/// `pc` in the stretch of rt's start code up to its return site — `g1c_main_entry` up to `g1c_main_ret`,
/// main.main's return address, is gc's `runtime.main`; `g1c_gostart` up to `g1c_gostart_ret`, the return
/// address of every goroutine's function, is gc's `runtime.goexit`. Callers, Caller and FuncForPC report
/// them as gc's do (a program printing its whole stack, as error-wrapping libraries do, ends with them),
/// with the positions of the calls in go1.19's runtime (proc.go calls main.main at line 250; goexit's return
/// address lies on asm_amd64.s line 1594), in the trimmed form g1c gives every file name.
fn base_frame(pc: u64) -> Option<(&'static [u8], &'static [u8], u32, u64)> {
    extern "C" {
        fn g1c_gostart();
        fn g1c_gostart_ret();
    }
    let (start, ret) = (g1c_gostart as *const () as u64, g1c_gostart_ret as *const () as u64);
    if (start..=ret).contains(&pc) {
        return Some((b"runtime.goexit", b"runtime/asm_amd64.s", 1594, start));
    }
    #[cfg(not(test))]
    {
        extern "C" {
            fn g1c_main_entry();
            fn g1c_main_ret();
        }
        let (start, ret) = (g1c_main_entry as *const () as u64, g1c_main_ret as *const () as u64);
        if (start..=ret).contains(&pc) {
            return Some((b"runtime.main", b"runtime/proc.go", 250, start));
        }
    }
    None
}

/// `runtime.Caller(skip)` for the Go function that called the trampoline whose frame is `fp`: the `skip`-th
/// frame up from it; writes (pc, file pointer, file length, line, ok) to `out`. The pc is the return
/// address, as gc's Caller reports it; file and line are those of the call (pc - 1).
///
/// # Safety
/// `fp` is the trampoline's frame pointer; `out` has room for five words.
#[no_mangle]
pub unsafe extern "C" fn g1c_caller(skip: i64, fp: usize, out: *mut u64) {
    let out = core::slice::from_raw_parts_mut(out, 5);
    out.fill(0);
    let mut n = 0;
    go_frames(fp, &mut |ra| {
        if n < skip {
            n += 1;
            return true;
        }
        if let Some((_, file, line, _)) = base_frame(ra) {
            out[0] = ra;
            out[1] = file.as_ptr() as u64;
            out[2] = file.len() as u64;
            out[3] = line as u64;
            out[4] = 1;
        } else if let Some(f) = crate::traceback::find_func(ra.wrapping_sub(1)) {
            let (file, line) = f.file_line(ra.wrapping_sub(1));
            out[0] = ra;
            out[1] = file.as_ptr() as u64;
            out[2] = file.len() as u64;
            out[3] = line as u64;
            out[4] = 1;
        }
        false
    });
}

/// `runtime.callers(skip, pc)`: the return addresses of the calling goroutine's frames into `pc[..len]`,
/// skipping `skip` frames, skip 0 being the caller of `callers` (lib/runtime's `Callers`, whose own frame
/// is then gc's skip 0); returns how many were written. gc's runtime.main and runtime.goexit frames are
/// recorded at rt's start code (`base_frame`).
///
/// # Safety
/// `fp` is the trampoline's frame pointer; `pc` has room for `len` words.
#[no_mangle]
pub unsafe extern "C" fn g1c_callers(skip: i64, pc: *mut u64, len: usize, fp: usize) -> usize {
    let skip = skip.max(0);
    let (mut seen, mut n) = (0, 0);
    go_frames(fp, &mut |ra| {
        if seen < skip {
            seen += 1;
            return true;
        }
        if n == len {
            return false;
        }
        *pc.add(n) = ra;
        n += 1;
        true
    });
    n
}

/// `runtime.funcinfo(pc)`: the function containing `pc` — name (pointer, length), the file (pointer, length)
/// and line of the instruction at `pc`, its entry, ok — written to `out` (seven words).
///
/// # Safety
/// `out` has room for seven words.
#[no_mangle]
pub unsafe extern "C" fn g1c_funcinfo(pc: u64, out: *mut u64) {
    let out = core::slice::from_raw_parts_mut(out, 7);
    out.fill(0);
    if let Some(f) = crate::traceback::find_func(pc) {
        let (name, (file, line)) = (f.name_at(pc), f.file_line(pc));
        out[0] = name.as_ptr() as u64;
        out[1] = name.len() as u64;
        out[2] = file.as_ptr() as u64;
        out[3] = file.len() as u64;
        out[4] = line as u64;
        out[5] = f.entry;
        out[6] = 1;
    } else if let Some((name, file, line, entry)) = base_frame(pc) {
        out[0] = name.as_ptr() as u64;
        out[1] = name.len() as u64;
        out[2] = file.as_ptr() as u64;
        out[3] = file.len() as u64;
        out[4] = line as u64;
        out[5] = entry;
        out[6] = 1;
    }
}
