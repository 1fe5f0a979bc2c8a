//! The bodies of `crypto/internal/boring/sig`'s functions, which gc writes in assembly (sig_amd64.s).
//!
//! In: calls from crypto packages (`sig.StandardCrypto()` in crypto/sha256's init, ...). Out: nothing: each
//! is a function that returns at once, as gc's does when called. gc's versions also carry a recognizable byte
//! sequence that tools search binaries for, to tell whether BoringCrypto was linked in; g1c's binaries carry
//! no such markers (no tool reading them is part of g1c's users' checks), so calling them is all there is.
//! ABI0: no arguments, no results.

#[cfg(not(test))]
core::arch::global_asm!(
    ".pushsection .text.g1c_boring_sig,\"ax\",@progbits",
    ".globl \"crypto/internal/boring/sig.BoringCrypto\"",
    "\"crypto/internal/boring/sig.BoringCrypto\":",
    "    ret",
    ".globl \"crypto/internal/boring/sig.FIPSOnly\"",
    "\"crypto/internal/boring/sig.FIPSOnly\":",
    "    ret",
    ".globl \"crypto/internal/boring/sig.StandardCrypto\"",
    "\"crypto/internal/boring/sig.StandardCrypto\":",
    "    ret",
    ".popsection",
);
