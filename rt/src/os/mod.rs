//! Operating-system interfaces, one module per OS (DESIGN §6: Windows and macOS come later).
pub mod linux;
pub mod vdso;
