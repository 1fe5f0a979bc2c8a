//! The assembler: appends encoded instructions to a code buffer, binds labels and patches the branches
//! that refer to them, and collects the relocations for symbols.
//!
//! In: a sequence of [`Inst`]s and label bindings. Out: [`Code`] — bytes, relocations (offsets from the
//! start of the buffer), label positions, and each instruction with its offset (for listings).
//! Invariants: every branch to a label is rel32, so an instruction's size never depends on where a label
//! ends up; the output depends only on the input sequence.

use super::encode::{encode, Mode, Reloc};
use super::inst::{Inst, Mnemonic};
use super::operand::{Label, Operand};

/// The finished code of one assembler.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Code {
    pub bytes: Vec<u8>,
    pub relocs: Vec<Reloc>,
    /// Offset of each label, indexed by `Label.0`.
    pub labels: Vec<u32>,
    /// Every instruction with the offset it starts at, in order.
    pub insts: Vec<(u32, Inst)>,
}

pub struct Assembler {
    mode: Mode,
    code: Code,
    labels: Vec<Option<u32>>,
    /// rel32 fields waiting for a label: (field offset, end of instruction, label).
    fixups: Vec<(u32, u32, Label)>,
}

impl Assembler {
    pub fn new(mode: Mode) -> Assembler {
        Assembler { mode, code: Code::default(), labels: Vec::new(), fixups: Vec::new() }
    }

    /// Offset where the next instruction goes.
    pub fn offset(&self) -> u32 {
        self.code.bytes.len() as u32
    }

    pub fn new_label(&mut self) -> Label {
        self.labels.push(None);
        Label(self.labels.len() as u32 - 1)
    }

    /// Binds `label` to the current offset.
    pub fn bind(&mut self, label: Label) -> Result<(), String> {
        let here = self.offset();
        match self.labels.get_mut(label.0 as usize) {
            Some(slot @ None) => {
                *slot = Some(here);
                Ok(())
            }
            Some(Some(_)) => Err(format!("label .L{} bound twice", label.0)),
            None => Err(format!("label .L{} was not created by this assembler", label.0)),
        }
    }

    /// Encodes `inst` and appends it.
    pub fn emit(&mut self, inst: Inst) -> Result<(), String> {
        let enc = encode(&inst, self.mode)?;
        let start = self.offset();
        let end = start + enc.bytes.len() as u32;
        self.code.bytes.extend_from_slice(&enc.bytes);
        for mut r in enc.relocs {
            r.offset += start;
            self.code.relocs.push(r);
        }
        if let Some((at, label)) = enc.label {
            if label.0 as usize >= self.labels.len() {
                return Err(format!("label .L{} was not created by this assembler", label.0));
            }
            self.fixups.push((start + at, end, label));
        }
        self.code.insts.push((start, inst));
        Ok(())
    }

    /// Appends bytes that are not an instruction the encoder knows (Go assembly's `BYTE`/`WORD`/`LONG`/`QUAD`
    /// in a function body). They are not listed in [`Code::insts`]: a listing shows them with the instruction
    /// before them.
    pub fn raw(&mut self, bytes: &[u8]) {
        self.code.bytes.extend_from_slice(bytes);
    }

    /// `mnemonic` with no operands.
    pub fn op0(&mut self, m: Mnemonic) -> Result<(), String> {
        self.emit(Inst::new(m, vec![]))
    }
    pub fn op1(&mut self, m: Mnemonic, a: impl Into<Operand>) -> Result<(), String> {
        self.emit(Inst::new(m, vec![a.into()]))
    }
    pub fn op2(&mut self, m: Mnemonic, a: impl Into<Operand>, b: impl Into<Operand>) -> Result<(), String> {
        self.emit(Inst::new(m, vec![a.into(), b.into()]))
    }

    /// Patches all label references and returns the code.
    pub fn finish(mut self) -> Result<Code, String> {
        let mut labels = Vec::with_capacity(self.labels.len());
        for (i, l) in self.labels.iter().enumerate() {
            match l {
                Some(off) => labels.push(*off),
                None => {
                    if self.fixups.iter().any(|f| f.2 .0 as usize == i) {
                        return Err(format!("label .L{i} used but never bound"));
                    }
                    labels.push(u32::MAX);
                }
            }
        }
        for (at, end, label) in &self.fixups {
            let rel = labels[label.0 as usize] as i64 - *end as i64;
            let at = *at as usize;
            self.code.bytes[at..at + 4].copy_from_slice(&(rel as i32).to_le_bytes());
        }
        self.code.labels = labels;
        Ok(self.code)
    }
}
