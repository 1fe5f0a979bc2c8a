//! The encoder: one [`Inst`] → its bytes (Intel SDM Vol. 2, chapter 2 "Instruction Format"), plus the
//! relocations and label fix-ups its fields need.
//!
//! Byte order of an encoded instruction: segment override (64 for FS), operand-size or mandatory prefix (66/F2/F3), REX (long mode only),
//! opcode (1–2 bytes), ModRM, SIB, displacement, immediate. The choices between equivalent encodings are
//! fixed and follow what `llvm-mc` picks, so the encoder tables can be checked against it: register–register
//! ALU and MOV forms use the "r/m, reg" opcode (MR); immediates use imm8 when the value fits, the short
//! AL/AX/EAX/RAX forms when it does not; displacements use disp8 when they fit; a shift by one uses D1.
//! Branches to labels and symbols always use rel32 (deterministic, no relaxation).

use super::inst::{Inst, Mnemonic};
use super::operand::{Addr, Gpr, Label, Operand, Size};

/// The processor mode the code runs in: decides the default address size and whether REX exists.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Mode {
    /// 64-bit mode (amd64).
    Long,
    /// 32-bit protected mode (386): no REX, no RIP-relative addressing, no 64-bit operands.
    Protected,
}

/// How a relocation patches the code (names after the ELF x86-64 psABI).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum RelocKind {
    /// 4 bytes: `S + A - P` (rel32 of CALL/JMP/Jcc and RIP-relative disp32).
    Pc32,
    /// 8 bytes: `S + A` (the imm64 of `movabs r64, offset sym`).
    Abs64,
}

/// A field of the code that refers to a symbol.
#[derive(Clone, Debug, PartialEq, Eq, Hash)]
pub struct Reloc {
    /// Offset of the field from the start of the code (or of the instruction, in [`Encoded`]).
    pub offset: u32,
    pub kind: RelocKind,
    pub sym: String,
    /// For `Pc32` fields inside an instruction: the symbol's addend minus the bytes from the field to the
    /// end of the instruction (the CPU adds the address of the *next* instruction).
    pub addend: i64,
}

/// The encoding of one instruction.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Encoded {
    pub bytes: Vec<u8>,
    pub relocs: Vec<Reloc>,
    /// A rel32 field (offset within the instruction) that must hold `label - end of instruction`.
    pub label: Option<(u32, Label)>,
}

/// The r/m operand of a ModRM-encoded instruction: a register number or a memory address.
enum Rm<'a> {
    Reg(u8),
    Mem(&'a Addr),
}

/// Immediate bytes following ModRM/SIB/displacement.
#[derive(Clone, Copy)]
enum Imm {
    None,
    I8(i8),
    I16(i16),
    I32(i32),
    I64(i64),
}

impl Imm {
    fn push(self, out: &mut Vec<u8>) {
        match self {
            Imm::None => {}
            Imm::I8(v) => out.push(v as u8),
            Imm::I16(v) => out.extend_from_slice(&v.to_le_bytes()),
            Imm::I32(v) => out.extend_from_slice(&v.to_le_bytes()),
            Imm::I64(v) => out.extend_from_slice(&v.to_le_bytes()),
        }
    }
}

/// The pieces of a ModRM-form instruction before they are laid out.
struct Form<'a> {
    /// 0x66 (operand size or mandatory), 0xF2, 0xF3; written before REX.
    prefix: Option<u8>,
    /// REX.W: 64-bit operand size.
    w: bool,
    /// A REX prefix is needed even without W/R/X/B bits (SPL, BPL, SIL, DIL).
    force_rex: bool,
    opcode: &'a [u8],
    /// The ModRM.reg field: a register number (0–15) or an opcode extension (`/digit`).
    reg: u8,
    rm: Rm<'a>,
    imm: Imm,
}

fn err<T>(inst: &Inst, why: &str) -> Result<T, String> {
    Err(format!("cannot encode `{inst}`: {why}"))
}

/// Encodes one instruction for `mode`.
pub fn encode(inst: &Inst, mode: Mode) -> Result<Encoded, String> {
    let mut e = Encoder { mode, out: Encoded::default(), inst };
    e.encode()?;
    Ok(e.out)
}

struct Encoder<'a> {
    mode: Mode,
    out: Encoded,
    inst: &'a Inst,
}

/// The size of a GPR-or-memory operand (memory must say its size).
fn rm_size(op: &Operand) -> Option<Size> {
    match op {
        Operand::Reg(r) => Some(r.size),
        Operand::Mem(m) => m.size,
        _ => None,
    }
}

/// `/digit` of the ALU group 1 (`80/81/83 /digit`), also `digit*8` is the base of its "r/m, reg" opcodes.
fn alu_digit(m: Mnemonic) -> Option<u8> {
    match m {
        Mnemonic::Add => Some(0),
        Mnemonic::Or => Some(1),
        Mnemonic::And => Some(4),
        Mnemonic::Sub => Some(5),
        Mnemonic::Xor => Some(6),
        Mnemonic::Cmp => Some(7),
        _ => None,
    }
}

/// An immediate for an operand of `size`, given as signed or unsigned (`0xff` and `-1` are both a byte).
fn imm_for(size: Size, v: i64) -> Option<Imm> {
    match size {
        Size::Byte if (-128..=255).contains(&v) => Some(Imm::I8(v as i8)),
        Size::Word if (-32768..=65535).contains(&v) => Some(Imm::I16(v as i16)),
        Size::Dword if (i32::MIN as i64..=u32::MAX as i64).contains(&v) => Some(Imm::I32(v as i32)),
        Size::Qword if i32::try_from(v).is_ok() => Some(Imm::I32(v as i32)),
        _ => None,
    }
}

impl<'a> Encoder<'a> {
    /// Operand-size prefix and REX.W for a GPR operation of `size`.
    fn size_bits(&self, size: Size) -> Result<(Option<u8>, bool), String> {
        match size {
            Size::Byte | Size::Dword => Ok((None, false)),
            Size::Word => Ok((Some(0x66), false)),
            Size::Qword if self.mode == Mode::Long => Ok((None, true)),
            Size::Qword => err(self.inst, "64-bit operand outside long mode"),
            Size::Xmmword => err(self.inst, "xmmword operand for an integer instruction"),
        }
    }

    /// Lays out a ModRM-form instruction.
    fn emit(&mut self, f: Form) -> Result<(), String> {
        let (mut rex_x, mut rex_b) = (false, false);
        let rex_r = f.reg >= 8;
        match &f.rm {
            Rm::Reg(n) => rex_b = *n >= 8,
            Rm::Mem(Addr::Base { base, index, .. }) => {
                rex_b = base.map_or(false, |b| b >= 8);
                rex_x = index.map_or(false, |(i, _)| i >= 8);
            }
            Rm::Mem(Addr::Rip { .. }) | Rm::Mem(Addr::Fs { .. }) => {}
        }
        let rex = 0x40 | (f.w as u8) << 3 | (rex_r as u8) << 2 | (rex_x as u8) << 1 | rex_b as u8;
        let out = &mut self.out.bytes;
        if let Rm::Mem(Addr::Fs { .. }) = f.rm {
            // The segment override comes first, before the operand-size/mandatory prefix and REX.
            out.push(0x64);
        }
        if let Some(p) = f.prefix {
            out.push(p);
        }
        if rex != 0x40 || f.force_rex {
            if self.mode != Mode::Long {
                return err(self.inst, "needs a REX prefix, which exists only in long mode");
            }
            out.push(rex);
        }
        out.extend_from_slice(f.opcode);
        let reg = (f.reg & 7) << 3;
        let mut rip_field = None;
        match f.rm {
            Rm::Reg(n) => out.push(0xC0 | reg | (n & 7)),
            Rm::Mem(Addr::Rip { sym, addend }) => {
                if self.mode != Mode::Long {
                    return err(self.inst, "RIP-relative addressing exists only in long mode");
                }
                out.push(reg | 0b101);
                rip_field = Some((out.len(), sym.clone(), *addend));
                out.extend_from_slice(&[0; 4]);
            }
            Rm::Mem(Addr::Fs { disp }) if self.mode == Mode::Long => {
                // As an absolute disp32 (SIB with neither base nor index), relative to the FS base.
                out.extend_from_slice(&[reg | 0b100, 0x25]);
                out.extend_from_slice(&disp.to_le_bytes());
            }
            Rm::Mem(Addr::Fs { disp }) => {
                out.push(reg | 0b101);
                out.extend_from_slice(&disp.to_le_bytes());
            }
            Rm::Mem(Addr::Base { base, index, disp }) => {
                let disp = *disp;
                if let Some((i, scale)) = index {
                    if *i == 4 {
                        return err(self.inst, "RSP cannot be an index register");
                    }
                    if ![1, 2, 4, 8].contains(scale) {
                        return err(self.inst, "scale must be 1, 2, 4 or 8");
                    }
                }
                let ss = |scale: u8| -> u8 {
                    match scale {
                        1 => 0,
                        2 => 1,
                        4 => 2,
                        _ => 3,
                    }
                };
                match (*base, *index) {
                    (None, None) if self.mode == Mode::Long => {
                        // mod=00 rm=101 is RIP-relative in long mode: an absolute disp32 needs a SIB with
                        // neither base nor index.
                        out.extend_from_slice(&[reg | 0b100, 0x25]);
                        out.extend_from_slice(&disp.to_le_bytes());
                    }
                    (None, None) => {
                        out.push(reg | 0b101);
                        out.extend_from_slice(&disp.to_le_bytes());
                    }
                    (None, Some((i, scale))) => {
                        // SIB base=101 with mod=00: no base, disp32.
                        out.extend_from_slice(&[reg | 0b100, ss(scale) << 6 | (i & 7) << 3 | 0b101]);
                        out.extend_from_slice(&disp.to_le_bytes());
                    }
                    (Some(b), index) => {
                        // RBP/R13 as base with mod=00 would mean "no base": they always take a disp8.
                        let md: u8 = if disp == 0 && b & 7 != 5 {
                            0b00
                        } else if i8::try_from(disp).is_ok() {
                            0b01
                        } else {
                            0b10
                        };
                        match index {
                            Some((i, scale)) => {
                                out.push(md << 6 | reg | 0b100);
                                out.push(ss(scale) << 6 | (i & 7) << 3 | (b & 7));
                            }
                            // RSP/R12 as base need a SIB (rm=100 announces one); index 100 = none.
                            None if b & 7 == 4 => out.extend_from_slice(&[md << 6 | reg | 0b100, 0x24]),
                            None => out.push(md << 6 | reg | (b & 7)),
                        }
                        match md {
                            0b01 => out.push(disp as i8 as u8),
                            0b10 => out.extend_from_slice(&disp.to_le_bytes()),
                            _ => {}
                        }
                    }
                }
            }
        }
        f.imm.push(out);
        if let Some((at, sym, addend)) = rip_field {
            let to_end = (out.len() - at) as i64;
            self.out.relocs.push(Reloc { offset: at as u32, kind: RelocKind::Pc32, sym, addend: addend - to_end });
        }
        Ok(())
    }

    /// A GPR-form instruction `opcode /reg` on r/m operand `rm` of `size` (opcode8 for bytes).
    fn gpr_form(
        &mut self,
        size: Size,
        opcode8: &[u8],
        opcode: &[u8],
        reg: u8,
        reg_op: Option<Gpr>,
        rm: &Operand,
        imm: Imm,
    ) -> Result<(), String> {
        let (prefix, w) = self.size_bits(size)?;
        let mut force_rex = reg_op.map_or(false, |r| r.needs_rex_for_byte());
        let rm = match rm {
            Operand::Reg(r) => {
                force_rex |= r.needs_rex_for_byte();
                Rm::Reg(r.num)
            }
            Operand::Mem(m) => Rm::Mem(&m.addr),
            _ => return err(self.inst, "expected a register or memory operand"),
        };
        let opcode = if size == Size::Byte { opcode8 } else { opcode };
        self.emit(Form { prefix, w, force_rex, opcode, reg, rm, imm })
    }

    /// An SSE instruction `prefix [REX.W] opcode` with ModRM.reg = `reg`, r/m = `rm`.
    fn sse_form(&mut self, prefix: Option<u8>, w: bool, opcode: &[u8], reg: u8, rm: &Operand) -> Result<(), String> {
        if w && self.mode != Mode::Long {
            return err(self.inst, "64-bit operand outside long mode");
        }
        let rm = match rm {
            Operand::Reg(r) => Rm::Reg(r.num),
            Operand::Xmm(x) => Rm::Reg(x.0),
            Operand::Mem(m) => Rm::Mem(&m.addr),
            _ => return err(self.inst, "expected a register or memory operand"),
        };
        self.emit(Form { prefix, w, force_rex: false, opcode, reg, rm, imm: Imm::None })
    }

    /// A rel32 branch `opcode rel32` to a label or symbol.
    fn rel32(&mut self, opcode: &[u8], target: &Operand) -> Result<(), String> {
        self.out.bytes.extend_from_slice(opcode);
        let at = self.out.bytes.len() as u32;
        self.out.bytes.extend_from_slice(&[0; 4]);
        match target {
            Operand::Label(l) => self.out.label = Some((at, *l)),
            Operand::Sym(s) => {
                self.out.relocs.push(Reloc { offset: at, kind: RelocKind::Pc32, sym: s.clone(), addend: -4 })
            }
            _ => return err(self.inst, "expected a label or symbol"),
        }
        Ok(())
    }

    fn check_mem_size(&self, op: &Operand, size: Size) -> Result<(), String> {
        match op {
            Operand::Mem(m) if m.size != Some(size) => {
                err(self.inst, &format!("memory operand must be {} ptr", size.ptr_name()))
            }
            _ => Ok(()),
        }
    }

    /// `xmm, xmm/m` operations (ADDSD, UCOMISD, CVTSS2SD, XORPS, ...).
    fn sse_xmm_rm(&mut self, prefix: Option<u8>, opcode: &[u8], mem: Size) -> Result<(), String> {
        match self.inst.operands.as_slice() {
            [Operand::Xmm(d), src @ (Operand::Xmm(_) | Operand::Mem(_))] => {
                self.check_mem_size(src, mem)?;
                self.sse_form(prefix, false, opcode, d.0, src)
            }
            _ => err(self.inst, "expected xmm, xmm/m operands"),
        }
    }

    fn encode(&mut self) -> Result<(), String> {
        use Mnemonic::*;
        let inst = self.inst;
        let ops = inst.operands.as_slice();
        let m = inst.mnemonic;
        let sd = Some(0xF2);
        let ss = Some(0xF3);
        let pd = Some(0x66);
        match (m, ops) {
            (Add | Or | And | Sub | Xor | Cmp, [dst, src]) => {
                let digit = alu_digit(m).unwrap_or(0);
                let base = digit * 8;
                match (dst, src) {
                    (Operand::Reg(_) | Operand::Mem(_), Operand::Reg(r)) => {
                        self.same_size(dst, *r)?;
                        self.gpr_form(r.size, &[base], &[base + 1], r.num, Some(*r), dst, Imm::None)
                    }
                    (Operand::Reg(r), Operand::Mem(_)) => {
                        self.same_size(src, *r)?;
                        self.gpr_form(r.size, &[base + 2], &[base + 3], r.num, Some(*r), src, Imm::None)
                    }
                    (_, Operand::Imm(v)) => {
                        let size = self.sized(dst)?;
                        let Some(imm) = imm_for(size, *v) else { return err(inst, "immediate out of range") };
                        let fits8 = i8::try_from(*v).is_ok();
                        let acc = matches!(dst, Operand::Reg(r) if r.num == 0);
                        if size == Size::Byte {
                            if acc {
                                self.out.bytes.extend_from_slice(&[base + 4]);
                                imm.push(&mut self.out.bytes);
                                return Ok(());
                            }
                            self.gpr_form(size, &[0x80], &[0x80], digit, None, dst, imm)
                        } else if fits8 {
                            self.gpr_form(size, &[0x83], &[0x83], digit, None, dst, Imm::I8(*v as i8))
                        } else if acc {
                            let (prefix, w) = self.size_bits(size)?;
                            self.emit_short(prefix, w, base + 5, imm)
                        } else {
                            self.gpr_form(size, &[0x81], &[0x81], digit, None, dst, imm)
                        }
                    }
                    _ => err(inst, "unsupported operand combination"),
                }
            }
            (Test, [dst, Operand::Reg(r)]) => {
                self.same_size(dst, *r)?;
                self.gpr_form(r.size, &[0x84], &[0x85], r.num, Some(*r), dst, Imm::None)
            }
            (Test, [dst, Operand::Imm(v)]) => {
                let size = self.sized(dst)?;
                let Some(imm) = imm_for(size, *v) else { return err(inst, "immediate out of range") };
                if matches!(dst, Operand::Reg(r) if r.num == 0) {
                    let (prefix, w) = self.size_bits(size)?;
                    self.emit_short(prefix, w, if size == Size::Byte { 0xA8 } else { 0xA9 }, imm)
                } else {
                    self.gpr_form(size, &[0xF6], &[0xF7], 0, None, dst, imm)
                }
            }
            (Mov, [dst @ (Operand::Reg(_) | Operand::Mem(_)), Operand::Reg(r)]) => {
                self.same_size(dst, *r)?;
                self.gpr_form(r.size, &[0x88], &[0x89], r.num, Some(*r), dst, Imm::None)
            }
            (Mov, [Operand::Reg(r), src @ Operand::Mem(_)]) => {
                self.same_size(src, *r)?;
                self.gpr_form(r.size, &[0x8A], &[0x8B], r.num, Some(*r), src, Imm::None)
            }
            (Mov, [Operand::Reg(r), Operand::Imm(v)]) => {
                // B0+r ib / B8+r iw/id/io, except a qword that fits a sign-extended imm32: C7 /0 id.
                let v = *v;
                if r.size == Size::Qword && i32::try_from(v).is_ok() {
                    return self.gpr_form(r.size, &[0xC7], &[0xC7], 0, None, &Operand::Reg(*r), Imm::I32(v as i32));
                }
                let imm = match r.size {
                    Size::Qword => Imm::I64(v),
                    s => match imm_for(s, v) {
                        Some(i) => i,
                        None => return err(inst, "immediate out of range"),
                    },
                };
                let (prefix, w) = self.size_bits(r.size)?;
                self.emit_plus_r(
                    prefix,
                    w,
                    r.needs_rex_for_byte(),
                    if r.size == Size::Byte { 0xB0 } else { 0xB8 },
                    r.num,
                )?;
                imm.push(&mut self.out.bytes);
                Ok(())
            }
            (Mov, [Operand::Reg(r), Operand::Sym(s)]) if r.size == Size::Qword => {
                let (prefix, w) = self.size_bits(r.size)?;
                self.emit_plus_r(prefix, w, false, 0xB8, r.num)?;
                let at = self.out.bytes.len() as u32;
                self.out.bytes.extend_from_slice(&[0; 8]);
                self.out.relocs.push(Reloc { offset: at, kind: RelocKind::Abs64, sym: s.clone(), addend: 0 });
                Ok(())
            }
            (Mov, [dst @ Operand::Mem(_), Operand::Imm(v)]) => {
                let size = self.sized(dst)?;
                let Some(imm) = imm_for(size, *v) else { return err(inst, "immediate out of range") };
                self.gpr_form(size, &[0xC6], &[0xC7], 0, None, dst, imm)
            }
            (Movzx | Movsx, [Operand::Reg(r), src]) => {
                let from = self.sized(src)?;
                let op: &[u8] = match (m, from) {
                    (Movzx, Size::Byte) => &[0x0F, 0xB6],
                    (Movzx, Size::Word) => &[0x0F, 0xB7],
                    (Movsx, Size::Byte) => &[0x0F, 0xBE],
                    (_, Size::Word) => &[0x0F, 0xBF],
                    _ => return err(inst, "source must be a byte or word"),
                };
                if r.size.bytes() <= from.bytes() {
                    return err(inst, "destination must be wider than the source");
                }
                let force = matches!(src, Operand::Reg(s) if s.needs_rex_for_byte());
                let (prefix, w) = self.size_bits(r.size)?;
                let rm = self.rm_of(src)?;
                self.emit(Form { prefix, w, force_rex: force, opcode: op, reg: r.num, rm, imm: Imm::None })
            }
            (Movsxd, [Operand::Reg(r), src]) if r.size == Size::Qword && rm_size(src) == Some(Size::Dword) => {
                self.gpr_form(Size::Qword, &[0x63], &[0x63], r.num, Some(*r), src, Imm::None)
            }
            (Lea, [Operand::Reg(r), src @ Operand::Mem(_)]) if r.size != Size::Byte => {
                self.gpr_form(r.size, &[0x8D], &[0x8D], r.num, Some(*r), src, Imm::None)
            }
            (Imul, [Operand::Reg(r), src @ (Operand::Reg(_) | Operand::Mem(_))]) if r.size != Size::Byte => {
                self.same_size(src, *r)?;
                self.gpr_form(r.size, &[0x0F, 0xAF], &[0x0F, 0xAF], r.num, Some(*r), src, Imm::None)
            }
            (Mul | Div | Idiv | Neg | Not, [x]) => {
                let digit = match m {
                    Not => 2,
                    Neg => 3,
                    Mul => 4,
                    Div => 6,
                    _ => 7,
                };
                let size = self.sized(x)?;
                self.gpr_form(size, &[0xF6], &[0xF7], digit, None, x, Imm::None)
            }
            (Inc | Dec, [x]) => {
                let size = self.sized(x)?;
                self.gpr_form(size, &[0xFE], &[0xFF], if m == Inc { 0 } else { 1 }, None, x, Imm::None)
            }
            (Cwd, []) => self.raw(&[0x66, 0x99]),
            (Cdq, []) => self.raw(&[0x99]),
            (Cqo, []) if self.mode == Mode::Long => self.raw(&[0x48, 0x99]),
            (Shl | Shr | Sar, [x, count]) => {
                let digit = match m {
                    Shl => 4,
                    Shr => 5,
                    _ => 7,
                };
                let size = self.sized(x)?;
                match count {
                    Operand::Reg(c) if c.num == 1 && c.size == Size::Byte => {
                        self.gpr_form(size, &[0xD2], &[0xD3], digit, None, x, Imm::None)
                    }
                    Operand::Imm(1) => self.gpr_form(size, &[0xD0], &[0xD1], digit, None, x, Imm::None),
                    Operand::Imm(v) if (0..=255).contains(v) => {
                        self.gpr_form(size, &[0xC0], &[0xC1], digit, None, x, Imm::I8(*v as u8 as i8))
                    }
                    _ => err(inst, "shift count must be CL or an imm8"),
                }
            }
            (Setcc(c), [x]) if rm_size(x) == Some(Size::Byte) => {
                self.gpr_form(Size::Byte, &[0x0F, 0x90 + c.code()], &[], 0, None, x, Imm::None)
            }
            (Cmovcc(c), [Operand::Reg(r), src @ (Operand::Reg(_) | Operand::Mem(_))]) if r.size != Size::Byte => {
                self.same_size(src, *r)?;
                let op = [0x0F, 0x40 + c.code()];
                self.gpr_form(r.size, &op, &op, r.num, Some(*r), src, Imm::None)
            }
            (Jcc(c), [t @ (Operand::Label(_) | Operand::Sym(_))]) => self.rel32(&[0x0F, 0x80 + c.code()], t),
            (Jmp, [t @ (Operand::Label(_) | Operand::Sym(_))]) => self.rel32(&[0xE9], t),
            (Call, [t @ (Operand::Label(_) | Operand::Sym(_))]) => self.rel32(&[0xE8], t),
            (Jmp | Call, [t @ (Operand::Reg(_) | Operand::Mem(_))]) => {
                let want = if self.mode == Mode::Long { Size::Qword } else { Size::Dword };
                if rm_size(t) != Some(want) {
                    return err(inst, "target must be a pointer-sized register or memory operand");
                }
                let digit = if m == Jmp { 4 } else { 2 };
                let rm = self.rm_of(t)?;
                self.emit(Form {
                    prefix: None,
                    w: false,
                    force_rex: false,
                    opcode: &[0xFF],
                    reg: digit,
                    rm,
                    imm: Imm::None,
                })
            }
            (Ret, []) => self.raw(&[0xC3]),
            (Push | Pop, [Operand::Reg(r)]) => {
                let want = if self.mode == Mode::Long { Size::Qword } else { Size::Dword };
                if r.size != want {
                    return err(inst, "operand must be a pointer-sized register");
                }
                self.emit_plus_r(None, false, false, if m == Push { 0x50 } else { 0x58 }, r.num)
            }
            (RepMovsb, []) => self.raw(&[0xF3, 0xA4]),
            (RepStosb, []) => self.raw(&[0xF3, 0xAA]),
            (Ud2, []) => self.raw(&[0x0F, 0x0B]),
            (Cpuid, []) => self.raw(&[0x0F, 0xA2]),
            (Xgetbv, []) => self.raw(&[0x0F, 0x01, 0xD0]),
            (Rdtsc, []) => self.raw(&[0x0F, 0x31]),
            (Int3, []) => self.raw(&[0xCC]),
            (Nop, []) => self.raw(&[0x90]),
            (Movsd | Movss, [dst, src]) => {
                let (prefix, size) = if m == Movsd { (sd, Size::Qword) } else { (ss, Size::Dword) };
                match (dst, src) {
                    (Operand::Xmm(d), Operand::Xmm(_) | Operand::Mem(_)) => {
                        self.check_mem_size(src, size)?;
                        self.sse_form(prefix, false, &[0x0F, 0x10], d.0, src)
                    }
                    (Operand::Mem(_), Operand::Xmm(s)) => {
                        self.check_mem_size(dst, size)?;
                        self.sse_form(prefix, false, &[0x0F, 0x11], s.0, dst)
                    }
                    _ => err(inst, "expected xmm, xmm/m or m, xmm"),
                }
            }
            (Movq, [dst, src]) => match (dst, src) {
                (Operand::Xmm(d), Operand::Reg(r)) if r.size == Size::Qword => {
                    self.sse_form(pd, true, &[0x0F, 0x6E], d.0, src)
                }
                (Operand::Reg(r), Operand::Xmm(s)) if r.size == Size::Qword => {
                    self.sse_form(pd, true, &[0x0F, 0x7E], s.0, dst)
                }
                (Operand::Xmm(d), Operand::Xmm(_) | Operand::Mem(_)) => {
                    self.check_mem_size(src, Size::Qword)?;
                    self.sse_form(ss, false, &[0x0F, 0x7E], d.0, src)
                }
                (Operand::Mem(_), Operand::Xmm(s)) => {
                    self.check_mem_size(dst, Size::Qword)?;
                    self.sse_form(pd, false, &[0x0F, 0xD6], s.0, dst)
                }
                _ => err(inst, "expected xmm, r64/m64/xmm or r64/m64, xmm"),
            },
            (Movd, [dst, src]) => match (dst, src) {
                (Operand::Xmm(d), Operand::Reg(_) | Operand::Mem(_)) if rm_size(src) == Some(Size::Dword) => {
                    self.sse_form(pd, false, &[0x0F, 0x6E], d.0, src)
                }
                (Operand::Reg(_) | Operand::Mem(_), Operand::Xmm(s)) if rm_size(dst) == Some(Size::Dword) => {
                    self.sse_form(pd, false, &[0x0F, 0x7E], s.0, dst)
                }
                _ => err(inst, "expected xmm, r/m32 or r/m32, xmm"),
            },
            (Addsd, _) => self.sse_xmm_rm(sd, &[0x0F, 0x58], Size::Qword),
            (Mulsd, _) => self.sse_xmm_rm(sd, &[0x0F, 0x59], Size::Qword),
            (Subsd, _) => self.sse_xmm_rm(sd, &[0x0F, 0x5C], Size::Qword),
            (Divsd, _) => self.sse_xmm_rm(sd, &[0x0F, 0x5E], Size::Qword),
            (Sqrtsd, _) => self.sse_xmm_rm(sd, &[0x0F, 0x51], Size::Qword),
            (Addss, _) => self.sse_xmm_rm(ss, &[0x0F, 0x58], Size::Dword),
            (Mulss, _) => self.sse_xmm_rm(ss, &[0x0F, 0x59], Size::Dword),
            (Subss, _) => self.sse_xmm_rm(ss, &[0x0F, 0x5C], Size::Dword),
            (Divss, _) => self.sse_xmm_rm(ss, &[0x0F, 0x5E], Size::Dword),
            (Sqrtss, _) => self.sse_xmm_rm(ss, &[0x0F, 0x51], Size::Dword),
            (Ucomisd, _) => self.sse_xmm_rm(pd, &[0x0F, 0x2E], Size::Qword),
            (Ucomiss, _) => self.sse_xmm_rm(None, &[0x0F, 0x2E], Size::Dword),
            (Cvtss2sd, _) => self.sse_xmm_rm(ss, &[0x0F, 0x5A], Size::Dword),
            (Cvtsd2ss, _) => self.sse_xmm_rm(sd, &[0x0F, 0x5A], Size::Qword),
            (Xorps, _) => self.sse_xmm_rm(None, &[0x0F, 0x57], Size::Xmmword),
            (Pxor, _) => self.sse_xmm_rm(pd, &[0x0F, 0xEF], Size::Xmmword),
            (Cvtsi2sd | Cvtsi2ss, [Operand::Xmm(d), src @ (Operand::Reg(_) | Operand::Mem(_))]) => {
                let w = match rm_size(src) {
                    Some(Size::Dword) => false,
                    Some(Size::Qword) => true,
                    _ => return err(inst, "source must be a doubleword or quadword"),
                };
                self.sse_form(if m == Cvtsi2sd { sd } else { ss }, w, &[0x0F, 0x2A], d.0, src)
            }
            (Cvttsd2si | Cvttss2si, [Operand::Reg(r), src @ (Operand::Xmm(_) | Operand::Mem(_))]) => {
                let w = match r.size {
                    Size::Dword => false,
                    Size::Qword => true,
                    _ => return err(inst, "destination must be a doubleword or quadword register"),
                };
                let (prefix, size) = if m == Cvttsd2si { (sd, Size::Qword) } else { (ss, Size::Dword) };
                self.check_mem_size(src, size)?;
                self.sse_form(prefix, w, &[0x0F, 0x2C], r.num, src)
            }
            _ => err(inst, "unsupported operand combination"),
        }
    }

    fn raw(&mut self, bytes: &[u8]) -> Result<(), String> {
        self.out.bytes.extend_from_slice(bytes);
        Ok(())
    }

    /// An opcode with the register number in its low three bits (`50+r`, `B8+r`).
    fn emit_plus_r(&mut self, prefix: Option<u8>, w: bool, force_rex: bool, opcode: u8, num: u8) -> Result<(), String> {
        let out = &mut self.out.bytes;
        if let Some(p) = prefix {
            out.push(p);
        }
        let rex = 0x40 | (w as u8) << 3 | (num >= 8) as u8;
        if rex != 0x40 || force_rex {
            if self.mode != Mode::Long {
                return err(self.inst, "needs a REX prefix, which exists only in long mode");
            }
            out.push(rex);
        }
        out.push(opcode + (num & 7));
        Ok(())
    }

    /// The accumulator short forms (`05 id`, `A9 id`, ...).
    fn emit_short(&mut self, prefix: Option<u8>, w: bool, opcode: u8, imm: Imm) -> Result<(), String> {
        self.emit_plus_r(prefix, w, false, opcode, 0)?;
        imm.push(&mut self.out.bytes);
        Ok(())
    }

    fn rm_of<'o>(&self, op: &'o Operand) -> Result<Rm<'o>, String> {
        match op {
            Operand::Reg(r) => Ok(Rm::Reg(r.num)),
            Operand::Xmm(x) => Ok(Rm::Reg(x.0)),
            Operand::Mem(m) => Ok(Rm::Mem(&m.addr)),
            _ => err(self.inst, "expected a register or memory operand"),
        }
    }

    /// The data size of a register or memory operand (memory must state it).
    fn sized(&self, op: &Operand) -> Result<Size, String> {
        match rm_size(op) {
            Some(s) if s != Size::Xmmword => Ok(s),
            _ => err(self.inst, "operand size unknown (memory operands need `byte/word/dword/qword ptr`)"),
        }
    }

    fn same_size(&self, op: &Operand, r: Gpr) -> Result<(), String> {
        match rm_size(op) {
            Some(s) if s == r.size => Ok(()),
            _ => err(self.inst, "operand sizes differ"),
        }
    }
}
