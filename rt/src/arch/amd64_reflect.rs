//! reflect's register-level routines on amd64, which gc writes in assembly (reflect/asm_amd64.s and
//! runtime's `reflectcall`): `reflect.call` (Value.Call's call of a function with an argument frame built in
//! memory), `reflect.makeFuncStub` (the code of every func value MakeFunc makes) and
//! `reflect.methodValueCall` (the code of method values reflect makes).
//!
//! In: gc's ABI0 as g1c compiles it (DESIGN §5): arguments then results in the caller's outgoing area above
//! the return address, the closure context in RDX, no argument registers (lib/internal/abi says
//! `IntArgRegs = 0`, so reflect lays out every argument in memory and `abi.RegArgs` is empty). Out: the
//! callee's results copied back into reflect's frame (`call`), or reflect's `callReflect`/`callMethod` run
//! with a pointer to the caller's argument area (the stubs).
//!
//! Invariants: each routine keeps RBP's frame chain, and RSP is 16-byte aligned at every call into Go (Go
//! frames keep it aligned, so it is 8 mod 16 at entry). No register needs preserving: ABI0 callers keep
//! nothing in registers across a call. `reflect.call` grows the stack like a compiled function's prologue
//! (codegen/amd64/stack.rs) before it reserves the callee's frame, whose size reflect chooses. Each routine
//! sits in a section of its own so the linker keeps it (and the reflect functions it calls) only when a
//! program uses it.

// reflect.call(stackArgsType *rtype, f, stackArgs unsafe.Pointer, stackArgsSize, stackRetOffset,
// frameSize uint32, regArgs *abi.RegArgs), at entry: stackArgsType +8, f +16, stackArgs +24, stackArgsSize
// +32, stackRetOffset +36, frameSize +40, regArgs +48 (56 bytes). After the prologue (RBP) add 8. Copies
// stackArgsSize bytes of arguments to the bottom of a frameSize-byte area, calls f's code with f in RDX
// (the closure context), and copies the results (from stackRetOffset to stackArgsSize) back.
//
// makeFuncStub / methodValueCall: entered as the code of a func value with RDX = the closure (reflect's
// *makeFuncImpl / *methodValue) and the caller's arguments at +8; they call
// callReflect/callMethod(ctxt, frame unsafe.Pointer, retValid *bool, regs *abi.RegArgs) with frame = the
// argument area. regs points at an empty RegArgs (a zero-size struct with no argument registers).
//
// All three are gc's WRAPPER functions: each first calls g1c_wrapper_argp(its argument address, its
// outgoing area), so that a deferred reflect-made func value's target recovers as if deferred itself.
#[cfg(not(test))]
core::arch::global_asm!(
    ".pushsection .text.g1c_reflect_call,\"ax\",@progbits",
    ".globl \"reflect.call\"",
    "\"reflect.call\":",
    "    mov r10d, dword ptr [rsp + 40]",
    "    add r10, 64",
    "    mov rax, rsp",
    "    sub rax, r10",
    "    cmp rax, qword ptr fs:[0x70]",
    "    jb 2f",
    "    push rbp",
    "    mov rbp, rsp",
    "    mov ecx, dword ptr [rbp + 48]",
    "    add rcx, 15",
    "    and rcx, -16",
    "    sub rsp, rcx",
    "    lea rdi, [rbp + 16]",
    "    mov rsi, rsp",
    "    call g1c_wrapper_argp",
    "    mov rsi, [rbp + 32]",
    "    mov rdi, rsp",
    "    mov ecx, dword ptr [rbp + 40]",
    "    rep movsb",
    "    mov rdx, [rbp + 24]",
    "    call [rdx]",
    "    mov eax, dword ptr [rbp + 44]",
    "    mov ecx, dword ptr [rbp + 40]",
    "    sub rcx, rax",
    "    lea rsi, [rsp + rax]",
    "    mov rdi, [rbp + 32]",
    "    add rdi, rax",
    "    rep movsb",
    "    mov rsp, rbp",
    "    pop rbp",
    "    ret",
    "2:  mov r11, 56",
    "    call g1c_morestack",
    "    jmp \"reflect.call\"",
    ".popsection",
    ".pushsection .text.g1c_reflect_makefuncstub,\"ax\",@progbits",
    ".globl \"reflect.makeFuncStub\"",
    "\"reflect.makeFuncStub\":",
    "    push rbp",
    "    mov rbp, rsp",
    "    sub rsp, 48",
    "    mov [rsp], rdx",
    "    lea rdi, [rbp + 16]",
    "    mov rsi, rsp",
    "    call g1c_wrapper_argp",
    "    lea rax, [rbp + 16]",
    "    mov [rsp + 8], rax",
    "    mov byte ptr [rsp + 32], 0",
    "    lea rax, [rsp + 32]",
    "    mov [rsp + 16], rax",
    "    lea rax, [rsp + 40]",
    "    mov [rsp + 24], rax",
    "    call \"reflect.callReflect\"",
    "    mov rsp, rbp",
    "    pop rbp",
    "    ret",
    ".popsection",
    ".pushsection .text.g1c_reflect_methodvaluecall,\"ax\",@progbits",
    ".globl \"reflect.methodValueCall\"",
    "\"reflect.methodValueCall\":",
    "    push rbp",
    "    mov rbp, rsp",
    "    sub rsp, 48",
    "    mov [rsp], rdx",
    "    lea rdi, [rbp + 16]",
    "    mov rsi, rsp",
    "    call g1c_wrapper_argp",
    "    lea rax, [rbp + 16]",
    "    mov [rsp + 8], rax",
    "    mov byte ptr [rsp + 32], 0",
    "    lea rax, [rsp + 32]",
    "    mov [rsp + 16], rax",
    "    lea rax, [rsp + 40]",
    "    mov [rsp + 24], rax",
    "    call \"reflect.callMethod\"",
    "    mov rsp, rbp",
    "    pop rbp",
    "    ret",
    ".popsection",
);
