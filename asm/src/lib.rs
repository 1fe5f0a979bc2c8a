//! Instruction encoders, one module per ISA, named after the vendor manuals' mnemonics and operand forms.
//! This crate knows nothing about Go: it turns instructions into bytes and reports where relocations go.

#[cfg(test)]
mod oracle;
pub mod x86;
