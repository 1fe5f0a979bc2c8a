//! amd64 machine code the runtime cannot write in Rust: the ELF entry point, the trampoline that enters Go
//! code, the signal restorer, and the byte-copy loops under `memmove`/`memset`.
//!
//! In: the process's initial stack (System V AMD64 ABI §3.4.1: `argc`, `argv[]`, NULL, `envp[]`, NULL, auxv)
//! and Go functions compiled with ABI0 (DESIGN §5: no register is preserved across a Go call).
//! Out: calls into `start::g1c_rt_start` and into Go code with a 16-byte aligned stack and an intact
//! frame-pointer chain, so `traceback` can walk from any frame back to `_start` (whose RBP is 0).

use core::arch::{asm, global_asm};

// _start: the kernel enters with RSP pointing at argc and no return address. RBP = 0 ends the frame-pointer
// chain (traceback stops there). The Rust side never returns.
#[cfg(not(test))]
global_asm!(
    ".globl _start",
    ".type _start,@function",
    "_start:",
    "    xor ebp, ebp",
    "    mov rdi, rsp",
    "    and rsp, -16",
    "    call g1c_rt_start",
    "    ud2",
    ".size _start, . - _start",
);

// g1c_call_go(fn, ctx): calls the Go function at `fn` (no arguments, no results) from Rust, with `ctx` in RDX,
// where compiled Go code expects a closure's context (docs/RUNTIME-ABI.md): a func() value `fv` is called as
// `g1c_call_go(*fv, fv)`, a plain function with ctx 0. Go code clobbers every register (ABI0), so the C ABI's
// callee-saved ones (RBX, RBP, R12–R15) are saved here; RSP is aligned to 16 before the call, as Go frames
// expect at every call. The frame `push rbp; mov rbp, rsp` links the chain.
global_asm!(
    ".globl g1c_call_go",
    ".type g1c_call_go,@function",
    "g1c_call_go:",
    "    push rbp",
    "    mov rbp, rsp",
    "    push rbx",
    "    push r12",
    "    push r13",
    "    push r14",
    "    push r15",
    "    and rsp, -16",
    "    mov rdx, rsi",
    "    call rdi",
    "    lea rsp, [rbp - 40]",
    "    pop r15",
    "    pop r14",
    "    pop r13",
    "    pop r12",
    "    pop rbx",
    "    pop rbp",
    "    ret",
    ".size g1c_call_go, . - g1c_call_go",
);

// g1c_sigreturn: the SA_RESTORER the kernel returns to after a signal handler; it must be exactly
// rt_sigreturn (15), with RSP still pointing at the signal frame.
global_asm!(
    ".globl g1c_sigreturn",
    ".type g1c_sigreturn,@function",
    "g1c_sigreturn:",
    "    mov eax, 15",
    "    syscall",
    "    ud2",
    ".size g1c_sigreturn, . - g1c_sigreturn",
);

extern "C" {
    /// Calls the Go code at `f` (type `func()`) with closure context `ctx`; see the assembly above.
    pub fn g1c_call_go(f: usize, ctx: usize);
    /// The signal restorer; only its address is used.
    pub fn g1c_sigreturn();
}

/// The CPU's time-stamp counter (RDTSC; gc's `cputicks`).
pub fn cputicks() -> i64 {
    let (lo, hi): (u32, u32);
    // SAFETY: RDTSC only reads the counter.
    unsafe { asm!("rdtsc", out("eax") lo, out("edx") hi, options(nomem, nostack, preserves_flags)) };
    ((hi as u64) << 32 | lo as u64) as i64
}

/// The caller's frame pointer (this function is always inlined, so it is the frame of the function that
/// calls `frame_pointer`).
#[inline(always)]
pub fn frame_pointer() -> usize {
    let fp: usize;
    // SAFETY: reading RBP has no side effects.
    unsafe { asm!("mov {}, rbp", out(reg) fp, options(nomem, nostack, preserves_flags)) };
    fp
}

/// Copies `n` bytes from `src` to `dst`; the ranges may overlap. `rep movsb` is written in assembly because
/// LLVM turns a byte loop written in Rust back into a call to `memmove`, which is this function.
///
/// # Safety
/// Both ranges must be valid for `n` bytes.
#[inline(always)]
pub unsafe fn copy_bytes(dst: *mut u8, src: *const u8, n: usize) {
    if (dst as usize).wrapping_sub(src as usize) >= n {
        // Forward copy is safe: dst is below src, or the ranges do not overlap.
        asm!("rep movsb", inout("rcx") n => _, inout("rdi") dst => _, inout("rsi") src => _,
             options(nostack, preserves_flags));
    } else {
        // dst overlaps the tail of src: copy backwards, with the direction flag set only for this copy.
        asm!("std", "rep movsb", "cld", inout("rcx") n => _, inout("rdi") dst.add(n - 1) => _,
             inout("rsi") src.add(n - 1) => _, options(nostack));
    }
}

/// Fills `n` bytes at `dst` with `v` (`rep stosb`, for the same reason as `copy_bytes`).
///
/// # Safety
/// The range must be valid for `n` bytes.
#[inline(always)]
pub unsafe fn fill_bytes(dst: *mut u8, v: u8, n: usize) {
    asm!("rep stosb", inout("rcx") n => _, inout("rdi") dst => _, in("al") v, options(nostack, preserves_flags));
}

// g1c_clone_thread(stack_top, tls) -> tid or -errno: clone(2) with a new thread sharing everything (gc's
// `newosproc` flags) whose FS base is `tls` (its M); the child starts on `stack_top` (16-byte aligned) with
// RBP = 0 ending its frame chain and calls g1c_mstart, which never returns.
#[cfg(not(test))]
global_asm!(
    ".globl g1c_clone_thread",
    ".type g1c_clone_thread,@function",
    "g1c_clone_thread:",
    "    mov r8, rsi",
    "    mov rsi, rdi",
    "    mov edi, 0xd0f00",
    "    xor edx, edx",
    "    xor r10d, r10d",
    "    mov eax, 56",
    "    syscall",
    "    test rax, rax",
    "    jnz 1f",
    "    xor ebp, ebp",
    "    call g1c_mstart",
    "    ud2",
    "1:",
    "    ret",
    ".size g1c_clone_thread, . - g1c_clone_thread",
);

// g1c_backedge_preempt: the out-of-line half of a loop's preemption check (codegen/amd64/stack.rs), called
// when the guard is poisoned. Every register may hold a live value of the loop (and general ones pointers the
// collector must see on the stack), so all are saved around the call into Rust: the 15 general registers
// and the 16 SSE registers, with RSP aligned to 16 for the call.
#[cfg(not(test))]
global_asm!(
    ".globl g1c_backedge_preempt",
    ".type g1c_backedge_preempt,@function",
    "g1c_backedge_preempt:",
    "    push rbp",
    "    mov rbp, rsp",
    "    push rax",
    "    push rbx",
    "    push rcx",
    "    push rdx",
    "    push rsi",
    "    push rdi",
    "    push r8",
    "    push r9",
    "    push r10",
    "    push r11",
    "    push r12",
    "    push r13",
    "    push r14",
    "    push r15",
    "    pushfq",
    "    and rsp, -16",
    "    sub rsp, 256",
    "    movdqu [rsp], xmm0",
    "    movdqu [rsp + 16], xmm1",
    "    movdqu [rsp + 32], xmm2",
    "    movdqu [rsp + 48], xmm3",
    "    movdqu [rsp + 64], xmm4",
    "    movdqu [rsp + 80], xmm5",
    "    movdqu [rsp + 96], xmm6",
    "    movdqu [rsp + 112], xmm7",
    "    movdqu [rsp + 128], xmm8",
    "    movdqu [rsp + 144], xmm9",
    "    movdqu [rsp + 160], xmm10",
    "    movdqu [rsp + 176], xmm11",
    "    movdqu [rsp + 192], xmm12",
    "    movdqu [rsp + 208], xmm13",
    "    movdqu [rsp + 224], xmm14",
    "    movdqu [rsp + 240], xmm15",
    "    call g1c_preempt_backedge",
    "    movdqu xmm0, [rsp]",
    "    movdqu xmm1, [rsp + 16]",
    "    movdqu xmm2, [rsp + 32]",
    "    movdqu xmm3, [rsp + 48]",
    "    movdqu xmm4, [rsp + 64]",
    "    movdqu xmm5, [rsp + 80]",
    "    movdqu xmm6, [rsp + 96]",
    "    movdqu xmm7, [rsp + 112]",
    "    movdqu xmm8, [rsp + 128]",
    "    movdqu xmm9, [rsp + 144]",
    "    movdqu xmm10, [rsp + 160]",
    "    movdqu xmm11, [rsp + 176]",
    "    movdqu xmm12, [rsp + 192]",
    "    movdqu xmm13, [rsp + 208]",
    "    movdqu xmm14, [rsp + 224]",
    "    movdqu xmm15, [rsp + 240]",
    "    lea rsp, [rbp - 120]",
    "    popfq",
    "    pop r15",
    "    pop r14",
    "    pop r13",
    "    pop r12",
    "    pop r11",
    "    pop r10",
    "    pop r9",
    "    pop r8",
    "    pop rdi",
    "    pop rsi",
    "    pop rdx",
    "    pop rcx",
    "    pop rbx",
    "    pop rax",
    "    pop rbp",
    "    ret",
    ".size g1c_backedge_preempt, . - g1c_backedge_preempt",
);

#[cfg(not(test))]
extern "C" {
    fn g1c_clone_thread(stack_top: usize, tls: usize) -> isize;
}

/// Starts a thread on the system stack ending at `stack_top` with FS base `tls` (its `sched::M`); it runs
/// `sched::g1c_mstart`. The thread id, or a negative errno.
///
/// # Safety
/// `stack_top` must end a mapping the thread owns; `tls` must be its M, alive forever.
#[cfg(not(test))]
pub unsafe fn clone_thread(stack_top: usize, tls: usize) -> isize {
    g1c_clone_thread(stack_top, tls)
}

#[cfg(test)]
pub unsafe fn clone_thread(_stack_top: usize, _tls: usize) -> isize {
    -1
}
