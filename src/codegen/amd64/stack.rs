//! The stack check of every Go function's prologue (DESIGN §5, segmented stacks; rt/src/stack.rs is the
//! other half).
//!
//! In: the assembler at a function's entry, the bytes its frame needs below the return address and its
//! ABI0 argument + result size. Out, at entry:
//! ```text
//!   entry: lea rax, [rsp - need]
//!          cmp rax, fs:[GUARD_OFFSET]    ; the running thread's guard (rt's per-thread block)
//!          jb  more                      ; not enough room above the guard
//!          ...                           ; the prologue proper (push rbp; ...)
//! ```
//! and, after the body, the out-of-line stub:
//! ```text
//!   more:  mov r10, need
//!          mov r11, args_size
//!          call g1c_morestack            ; runs the function on a new segment, returns to its caller
//!          jmp entry                     ; what morestack "calls" on the new segment: check again, run
//! ```
//! Loops: a goroutine that loops without calling would never reach a prologue, so every loop header (a
//! block that a later block in layout order jumps to) starts with the same guard test on RSP itself:
//! ```text
//!   head:  cmp rsp, fs:[GUARD_OFFSET]     ; RSP is above the guard unless the runtime poisoned it
//!          jb  stop
//!   go:    ...                           ; the block
//!   stop:  call g1c_backedge_preempt     ; saves every register, stops or yields, restores them
//!          jmp go
//! ```
//! It changes only the flags, which are never live at a block's start.
//!
//! Invariants: only RAX, R10 and R11 are touched before the frame exists, so the closure context (DX) and
//! the incoming arguments reach the body unchanged. The guard lives in the runtime's per-thread block, which
//! the runtime points FS at (rt/src/sched.rs, `M`); its offset is the one glibc reserves for split stacks
//! (`__private_ss`, where gcc's `-fsplit-stack` prologue looks too), so code run inside a glibc process (the
//! codegen tests) finds 0 there and never takes the slow path. The runtime also *poisons* the guard to ask
//! a running goroutine to stop (preemption, the collector's stop-the-world): the comparison then fails and
//! `g1c_morestack` sees the request.

use crate::ir::{Func, Term};
use asm::x86::{Assembler, Cond as CC, Label, Mem, Mnemonic as M, Operand, Size, R10, R11, RAX, RSP};

/// Offset of the stack guard in the thread's FS block (rt's `sched::M::stackguard`): Go frames must stay
/// above it.
pub const GUARD_OFFSET: i32 = 0x70;
/// The runtime routine that switches to a new segment.
pub const MORESTACK_SYM: &str = "g1c_morestack";
/// The runtime routine a loop calls when its preemption check fails.
pub const BACKEDGE_SYM: &str = "g1c_backedge_preempt";

/// Labels of one function's check, bound by [`check`] and [`stub`].
pub struct Check {
    entry: Label,
    more: Label,
    need: i64,
    args_size: i64,
}

/// Emits the check at the function's entry. `frame_size` is the frame below the saved RBP.
pub fn check(a: &mut Assembler, frame_size: u32, args_size: u32) -> Result<Check, String> {
    let entry = a.new_label();
    let more = a.new_label();
    a.bind(entry)?;
    // The return address is already pushed; the frame needs the saved RBP and `frame_size` more.
    let need = frame_size as i64 + 8;
    a.op2(M::Lea, RAX, Mem::base(Size::Qword, RSP, -(need as i32)).addr_only())?;
    a.op2(M::Cmp, RAX, Mem::fs(Size::Qword, GUARD_OFFSET))?;
    a.op1(M::Jcc(CC::B), more)?;
    Ok(Check { entry, more, need, args_size: args_size as i64 })
}

/// Emits the out-of-line call to `g1c_morestack` (after the function's last block).
pub fn stub(a: &mut Assembler, c: &Check) -> Result<(), String> {
    a.bind(c.more)?;
    a.op2(M::Mov, R10, c.need)?;
    a.op2(M::Mov, R11, c.args_size)?;
    a.op1(M::Call, Operand::Sym(MORESTACK_SYM.to_string()))?;
    a.op1(M::Jmp, c.entry)
}

/// Which blocks are loop headers: jumped to from a block at or after them in layout order.
pub fn loop_headers(f: &Func) -> Vec<bool> {
    let mut head = vec![false; f.blocks.len()];
    for (i, b) in f.blocks.iter().enumerate() {
        let targets = match &b.term {
            Term::Jump(t) => [Some(*t), None],
            Term::Branch { then, els, .. } => [Some(*then), Some(*els)],
            Term::Return | Term::Unreachable => [None, None],
        };
        for t in targets.into_iter().flatten() {
            let t = t.0 as usize;
            if t <= i && t < head.len() {
                head[t] = true;
            }
        }
    }
    head
}

/// Emits a loop header's preemption check; the stub it branches to is emitted by [`loop_stubs`].
pub fn loop_check(a: &mut Assembler, stubs: &mut Vec<(Label, Label)>) -> Result<(), String> {
    let stop = a.new_label();
    let go = a.new_label();
    a.op2(M::Cmp, RSP, Mem::fs(Size::Qword, GUARD_OFFSET))?;
    a.op1(M::Jcc(CC::B), stop)?;
    a.bind(go)?;
    stubs.push((stop, go));
    Ok(())
}

/// Emits the out-of-line calls of the function's loop checks (after its last block).
pub fn loop_stubs(a: &mut Assembler, stubs: &[(Label, Label)]) -> Result<(), String> {
    for &(stop, go) in stubs {
        a.bind(stop)?;
        a.op1(M::Call, Operand::Sym(BACKEDGE_SYM.to_string()))?;
        a.op1(M::Jmp, go)?;
    }
    Ok(())
}
