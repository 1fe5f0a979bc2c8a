//! Calling conventions on amd64.
//!
//! - Go functions (ABI0, DESIGN §5): arguments and results in memory, in the caller's outgoing area at
//!   the bottom of its frame; the callee sees them at RBP+16. The closure context (the func value) is in
//!   DX at entry. No register is preserved across a call.
//! - Runtime functions (`CallRt`): System V AMD64 psABI. Integer/pointer arguments in RDI, RSI, RDX, RCX,
//!   R8, R9 in order, float arguments in XMM0–XMM7; integer results in RAX then RDX, float results in XMM0
//!   then XMM1. RSP is 16-byte aligned at the call (our frames keep it so).

use asm::x86::{Gpr, Xmm, R8, R9, RAX, RCX, RDI, RDX, RSI, XMM0, XMM1, XMM2, XMM3, XMM4, XMM5, XMM6, XMM7};

/// Offset from RBP of the incoming argument area: above the saved RBP and the return address.
pub const ARGS_FROM_RBP: i32 = 16;

/// The register that carries the closure context into a Go function (gc: DX).
pub const CLOSURE_CONTEXT: Gpr = RDX;

/// System V integer argument registers, in order.
pub const SYSV_INT_ARGS: [Gpr; 6] = [RDI, RSI, RDX, RCX, R8, R9];
/// System V float argument registers, in order.
pub const SYSV_FLOAT_ARGS: [Xmm; 8] = [XMM0, XMM1, XMM2, XMM3, XMM4, XMM5, XMM6, XMM7];
/// System V integer result registers (a two-word struct comes back in RAX:RDX).
pub const SYSV_INT_RESULTS: [Gpr; 2] = [RAX, RDX];
/// System V float result registers.
pub const SYSV_FLOAT_RESULTS: [Xmm; 2] = [XMM0, XMM1];
