//! Machine-specific pieces, one module per architecture (DESIGN §6: 386, arm, arm64 come later).
pub mod amd64;
pub mod amd64_os;
pub mod amd64_reflect;
pub mod amd64_rtface;
