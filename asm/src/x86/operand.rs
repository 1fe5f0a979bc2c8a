//! Operands of x86 instructions: general-purpose registers of every width, XMM registers, memory
//! references (`[base + scale*index + disp]` or RIP-relative to a symbol), immediates and branch targets.
//!
//! Everything here is plain data with an Intel-syntax `Display` that matches what `llvm-mc
//! -x86-asm-syntax=intel` prints, so listings and the encoder tables read like the vendor manuals.

use std::fmt;

/// The width of an operand, in Intel's words: byte, word (16), doubleword (32), quadword (64), and the
/// 128-bit XMM width for memory operands of packed SSE instructions.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Size {
    Byte,
    Word,
    Dword,
    Qword,
    Xmmword,
}

impl Size {
    pub fn bytes(self) -> u32 {
        match self {
            Size::Byte => 1,
            Size::Word => 2,
            Size::Dword => 4,
            Size::Qword => 8,
            Size::Xmmword => 16,
        }
    }
    /// The `... ptr` keyword of Intel syntax.
    pub fn ptr_name(self) -> &'static str {
        match self {
            Size::Byte => "byte",
            Size::Word => "word",
            Size::Dword => "dword",
            Size::Qword => "qword",
            Size::Xmmword => "xmmword",
        }
    }
}

/// A general-purpose register: its number (0 = RAX … 15 = R15, as encoded in ModRM/REX) and the width it
/// is used at. Byte registers 4–7 are SPL, BPL, SIL, DIL (they need a REX prefix); AH–BH are not offered.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct Gpr {
    pub num: u8,
    pub size: Size,
}

impl Gpr {
    pub const fn new(num: u8, size: Size) -> Gpr {
        Gpr { num, size }
    }
    /// The same register at another width (`RAX.with_size(Size::Byte)` is `AL`).
    pub const fn with_size(self, size: Size) -> Gpr {
        Gpr { num: self.num, size }
    }
    /// The register's number needs REX.R/X/B (R8–R15).
    pub fn is_extended(self) -> bool {
        self.num >= 8
    }
    /// A byte register that exists only with a REX prefix (SPL, BPL, SIL, DIL).
    pub fn needs_rex_for_byte(self) -> bool {
        self.size == Size::Byte && (4..8).contains(&self.num)
    }
    pub fn name(self) -> &'static str {
        const Q: [&str; 16] = [
            "rax", "rcx", "rdx", "rbx", "rsp", "rbp", "rsi", "rdi", "r8", "r9", "r10", "r11", "r12", "r13", "r14",
            "r15",
        ];
        const D: [&str; 16] = [
            "eax", "ecx", "edx", "ebx", "esp", "ebp", "esi", "edi", "r8d", "r9d", "r10d", "r11d", "r12d", "r13d",
            "r14d", "r15d",
        ];
        const W: [&str; 16] = [
            "ax", "cx", "dx", "bx", "sp", "bp", "si", "di", "r8w", "r9w", "r10w", "r11w", "r12w", "r13w", "r14w",
            "r15w",
        ];
        const B: [&str; 16] = [
            "al", "cl", "dl", "bl", "spl", "bpl", "sil", "dil", "r8b", "r9b", "r10b", "r11b", "r12b", "r13b", "r14b",
            "r15b",
        ];
        let i = (self.num & 15) as usize;
        match self.size {
            Size::Qword => Q[i],
            Size::Dword => D[i],
            Size::Word => W[i],
            Size::Byte => B[i],
            Size::Xmmword => "?",
        }
    }
}

macro_rules! gprs {
    ($size:ident: $($name:ident = $num:expr),* $(,)?) => {
        $(pub const $name: Gpr = Gpr::new($num, Size::$size);)*
    };
}
gprs!(Qword: RAX = 0, RCX = 1, RDX = 2, RBX = 3, RSP = 4, RBP = 5, RSI = 6, RDI = 7,
      R8 = 8, R9 = 9, R10 = 10, R11 = 11, R12 = 12, R13 = 13, R14 = 14, R15 = 15);
gprs!(Dword: EAX = 0, ECX = 1, EDX = 2, EBX = 3, ESP = 4, EBP = 5, ESI = 6, EDI = 7,
      R8D = 8, R9D = 9, R10D = 10, R11D = 11, R12D = 12, R13D = 13, R14D = 14, R15D = 15);
gprs!(Word: AX = 0, CX = 1, DX = 2, BX = 3, SP = 4, BP = 5, SI = 6, DI = 7,
      R8W = 8, R9W = 9, R10W = 10, R11W = 11, R12W = 12, R13W = 13, R14W = 14, R15W = 15);
gprs!(Byte: AL = 0, CL = 1, DL = 2, BL = 3, SPL = 4, BPL = 5, SIL = 6, DIL = 7,
      R8B = 8, R9B = 9, R10B = 10, R11B = 11, R12B = 12, R13B = 13, R14B = 14, R15B = 15);

/// An SSE register XMM0–XMM15.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct Xmm(pub u8);

pub const XMM0: Xmm = Xmm(0);
pub const XMM1: Xmm = Xmm(1);
pub const XMM2: Xmm = Xmm(2);
pub const XMM3: Xmm = Xmm(3);
pub const XMM4: Xmm = Xmm(4);
pub const XMM5: Xmm = Xmm(5);
pub const XMM6: Xmm = Xmm(6);
pub const XMM7: Xmm = Xmm(7);
pub const XMM8: Xmm = Xmm(8);
pub const XMM9: Xmm = Xmm(9);
pub const XMM10: Xmm = Xmm(10);
pub const XMM11: Xmm = Xmm(11);
pub const XMM12: Xmm = Xmm(12);
pub const XMM13: Xmm = Xmm(13);
pub const XMM14: Xmm = Xmm(14);
pub const XMM15: Xmm = Xmm(15);

/// How a memory operand's address is formed.
#[derive(Clone, Debug, PartialEq, Eq, Hash)]
pub enum Addr {
    /// `[base + scale*index + disp]`; any part may be absent. `scale` is 1, 2, 4 or 8; registers are given
    /// by number (0–15) and used at the address size of the mode (64-bit in long mode).
    Base { base: Option<u8>, index: Option<(u8, u8)>, disp: i32 },
    /// `[rip + sym + addend]`: the encoder emits a PC-relative relocation for the disp32 field.
    Rip { sym: String, addend: i64 },
    /// `fs:[disp]`: an absolute offset in the FS segment, i.e. from the thread's FS base (the runtime's
    /// per-thread block; the encoder adds the 0x64 segment-override prefix).
    Fs { disp: i32 },
}

/// A memory operand: an address and the width of the data it names (`None` for LEA, which reads nothing).
#[derive(Clone, Debug, PartialEq, Eq, Hash)]
pub struct Mem {
    pub size: Option<Size>,
    pub addr: Addr,
}

impl Mem {
    /// `size ptr [base + disp]`
    pub fn base(size: Size, base: Gpr, disp: i32) -> Mem {
        Mem { size: Some(size), addr: Addr::Base { base: Some(base.num), index: None, disp } }
    }
    /// `size ptr [base + scale*index + disp]`
    pub fn sib(size: Size, base: Option<Gpr>, index: Gpr, scale: u8, disp: i32) -> Mem {
        Mem { size: Some(size), addr: Addr::Base { base: base.map(|b| b.num), index: Some((index.num, scale)), disp } }
    }
    /// `size ptr [rip + sym + addend]`
    pub fn rip(size: Size, sym: impl Into<String>, addend: i64) -> Mem {
        Mem { size: Some(size), addr: Addr::Rip { sym: sym.into(), addend } }
    }
    /// `size ptr fs:[disp]`: a field of the current thread's block (the runtime sets FS to it).
    pub fn fs(size: Size, disp: i32) -> Mem {
        Mem { size: Some(size), addr: Addr::Fs { disp } }
    }
    /// The address without a data width, for LEA.
    pub fn addr_only(mut self) -> Mem {
        self.size = None;
        self
    }
}

/// A position in the code being assembled, bound with `Assembler::bind`.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct Label(pub u32);

#[derive(Clone, Debug, PartialEq, Eq, Hash)]
pub enum Operand {
    Reg(Gpr),
    Xmm(Xmm),
    Mem(Mem),
    Imm(i64),
    /// A branch target in the same code buffer (JMP, Jcc, CALL rel32).
    Label(Label),
    /// A symbol: the rel32 target of JMP/Jcc/CALL (PC-relative relocation), or the 64-bit immediate of
    /// `movabs r64, offset sym` (absolute relocation).
    Sym(String),
}

impl From<Gpr> for Operand {
    fn from(r: Gpr) -> Operand {
        Operand::Reg(r)
    }
}
impl From<Xmm> for Operand {
    fn from(x: Xmm) -> Operand {
        Operand::Xmm(x)
    }
}
impl From<Mem> for Operand {
    fn from(m: Mem) -> Operand {
        Operand::Mem(m)
    }
}
impl From<Label> for Operand {
    fn from(l: Label) -> Operand {
        Operand::Label(l)
    }
}
impl From<i64> for Operand {
    fn from(v: i64) -> Operand {
        Operand::Imm(v)
    }
}
impl From<i32> for Operand {
    fn from(v: i32) -> Operand {
        Operand::Imm(v as i64)
    }
}

fn gpr64_name(num: u8) -> &'static str {
    Gpr::new(num, Size::Qword).name()
}

impl fmt::Display for Mem {
    fn fmt(&self, f: &mut fmt::Formatter) -> fmt::Result {
        if let Some(size) = self.size {
            write!(f, "{} ptr ", size.ptr_name())?;
        }
        match &self.addr {
            Addr::Rip { sym, addend } => {
                write!(f, "[rip + {sym}")?;
                if *addend > 0 {
                    write!(f, "+{addend}")?;
                } else if *addend < 0 {
                    write!(f, "{addend}")?;
                }
                write!(f, "]")
            }
            Addr::Fs { disp } => write!(f, "fs:[{disp}]"),
            Addr::Base { base, index, disp } => {
                let mut parts = String::new();
                if let Some(b) = base {
                    parts.push_str(gpr64_name(*b));
                }
                if let Some((i, scale)) = index {
                    if !parts.is_empty() {
                        parts.push_str(" + ");
                    }
                    if *scale == 1 {
                        parts.push_str(gpr64_name(*i));
                    } else {
                        parts.push_str(&format!("{scale}*{}", gpr64_name(*i)));
                    }
                }
                if parts.is_empty() {
                    parts = format!("{disp}");
                } else if *disp > 0 {
                    parts.push_str(&format!(" + {disp}"));
                } else if *disp < 0 {
                    parts.push_str(&format!(" - {}", -(*disp as i64)));
                }
                write!(f, "[{parts}]")
            }
        }
    }
}

impl fmt::Display for Operand {
    fn fmt(&self, f: &mut fmt::Formatter) -> fmt::Result {
        match self {
            Operand::Reg(r) => write!(f, "{}", r.name()),
            Operand::Xmm(x) => write!(f, "xmm{}", x.0),
            Operand::Mem(m) => write!(f, "{m}"),
            Operand::Imm(v) => write!(f, "{v}"),
            Operand::Label(l) => write!(f, ".L{}", l.0),
            Operand::Sym(s) => write!(f, "{s}"),
        }
    }
}
