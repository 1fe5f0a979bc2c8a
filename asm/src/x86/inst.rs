//! Instructions as plain data: a mnemonic (Intel SDM Vol. 2 names) and its operands in Intel order
//! (destination first). `Display` prints the Intel syntax that `llvm-mc -x86-asm-syntax=intel` prints.

use super::operand::Operand;
use std::fmt;

/// Condition codes, numbered as in the `cc` field of Jcc/SETcc/CMOVcc (Intel SDM Vol. 1, Appendix B).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Cond {
    /// Overflow (OF=1).
    O = 0,
    NO = 1,
    /// Below, unsigned < (CF=1).
    B = 2,
    /// Above or equal, unsigned >= (CF=0).
    AE = 3,
    /// Equal (ZF=1).
    E = 4,
    NE = 5,
    /// Below or equal, unsigned <= (CF=1 or ZF=1).
    BE = 6,
    /// Above, unsigned > (CF=0 and ZF=0).
    A = 7,
    /// Sign (SF=1).
    S = 8,
    NS = 9,
    /// Parity even (PF=1): after UCOMISD, "unordered" (a NaN was compared).
    P = 10,
    NP = 11,
    /// Less, signed < (SF≠OF).
    L = 12,
    GE = 13,
    LE = 14,
    G = 15,
}

impl Cond {
    pub fn code(self) -> u8 {
        self as u8
    }
    /// The condition that holds exactly when `self` does not.
    pub fn negate(self) -> Cond {
        Cond::from_code(self.code() ^ 1)
    }
    pub fn from_code(c: u8) -> Cond {
        use Cond::*;
        [O, NO, B, AE, E, NE, BE, A, S, NS, P, NP, L, GE, LE, G][(c & 15) as usize]
    }
    /// The suffix used in the mnemonics (`je`, `setae`, `cmovg`).
    pub fn suffix(self) -> &'static str {
        use Cond::*;
        match self {
            O => "o",
            NO => "no",
            B => "b",
            AE => "ae",
            E => "e",
            NE => "ne",
            BE => "be",
            A => "a",
            S => "s",
            NS => "ns",
            P => "p",
            NP => "np",
            L => "l",
            GE => "ge",
            LE => "le",
            G => "g",
        }
    }
}

/// The instructions the encoder knows. Each SSE mnemonic names one instruction of the SDM; the string
/// instructions carry their REP prefix.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Mnemonic {
    Mov,
    Movzx,
    Movsx,
    Movsxd,
    Lea,
    Add,
    Or,
    And,
    Sub,
    Xor,
    Cmp,
    Test,
    Imul,
    Mul,
    Div,
    Idiv,
    Neg,
    Not,
    Inc,
    Dec,
    Cwd,
    Cdq,
    Cqo,
    Shl,
    Shr,
    Sar,
    Setcc(Cond),
    Cmovcc(Cond),
    Jcc(Cond),
    Jmp,
    Call,
    Ret,
    Push,
    Pop,
    RepMovsb,
    RepStosb,
    Ud2,
    Int3,
    Cpuid,
    Xgetbv,
    Rdtsc,
    Nop,
    Movsd,
    Movss,
    Movq,
    Movd,
    Addsd,
    Subsd,
    Mulsd,
    Divsd,
    Sqrtsd,
    Addss,
    Subss,
    Mulss,
    Divss,
    Sqrtss,
    Ucomisd,
    Ucomiss,
    Cvtsi2sd,
    Cvtsi2ss,
    Cvttsd2si,
    Cvttss2si,
    Cvtss2sd,
    Cvtsd2ss,
    Xorps,
    Pxor,
}

impl Mnemonic {
    pub fn name(self) -> String {
        use Mnemonic::*;
        let s = match self {
            Setcc(c) => return format!("set{}", c.suffix()),
            Cmovcc(c) => return format!("cmov{}", c.suffix()),
            Jcc(c) => return format!("j{}", c.suffix()),
            Mov => "mov",
            Movzx => "movzx",
            Movsx => "movsx",
            Movsxd => "movsxd",
            Lea => "lea",
            Add => "add",
            Or => "or",
            And => "and",
            Sub => "sub",
            Xor => "xor",
            Cmp => "cmp",
            Test => "test",
            Imul => "imul",
            Mul => "mul",
            Div => "div",
            Idiv => "idiv",
            Neg => "neg",
            Inc => "inc",
            Dec => "dec",
            Not => "not",
            Cwd => "cwd",
            Cdq => "cdq",
            Cqo => "cqo",
            Shl => "shl",
            Shr => "shr",
            Sar => "sar",
            Jmp => "jmp",
            Call => "call",
            Ret => "ret",
            Push => "push",
            Pop => "pop",
            RepMovsb => "rep movsb",
            RepStosb => "rep stosb",
            Ud2 => "ud2",
            Cpuid => "cpuid",
            Xgetbv => "xgetbv",
            Rdtsc => "rdtsc",
            Int3 => "int3",
            Nop => "nop",
            Movsd => "movsd",
            Movss => "movss",
            Movq => "movq",
            Movd => "movd",
            Addsd => "addsd",
            Subsd => "subsd",
            Mulsd => "mulsd",
            Divsd => "divsd",
            Sqrtsd => "sqrtsd",
            Addss => "addss",
            Subss => "subss",
            Mulss => "mulss",
            Divss => "divss",
            Sqrtss => "sqrtss",
            Ucomisd => "ucomisd",
            Ucomiss => "ucomiss",
            Cvtsi2sd => "cvtsi2sd",
            Cvtsi2ss => "cvtsi2ss",
            Cvttsd2si => "cvttsd2si",
            Cvttss2si => "cvttss2si",
            Cvtss2sd => "cvtss2sd",
            Cvtsd2ss => "cvtsd2ss",
            Xorps => "xorps",
            Pxor => "pxor",
        };
        s.to_string()
    }
}

/// One instruction: mnemonic and operands, destination first.
#[derive(Clone, Debug, PartialEq, Eq, Hash)]
pub struct Inst {
    pub mnemonic: Mnemonic,
    pub operands: Vec<Operand>,
}

impl Inst {
    pub fn new(mnemonic: Mnemonic, operands: Vec<Operand>) -> Inst {
        Inst { mnemonic, operands }
    }
}

impl fmt::Display for Inst {
    fn fmt(&self, f: &mut fmt::Formatter) -> fmt::Result {
        use Mnemonic::*;
        match (self.mnemonic, self.operands.as_slice()) {
            // The string instructions show their implicit operands, as llvm-mc does.
            (RepMovsb, []) => return write!(f, "rep movsb byte ptr es:[rdi], byte ptr [rsi]"),
            (RepStosb, []) => return write!(f, "rep stosb byte ptr es:[rdi], al"),
            // A shift by one is encoded without an immediate (D1 /4) and printed without it.
            (Shl | Shr | Sar, [x, Operand::Imm(1)]) => return write!(f, "{} {x}", self.mnemonic.name()),
            // A 64-bit immediate that does not fit a sign-extended imm32 needs the B8+r io form.
            (Mov, [Operand::Reg(r), Operand::Imm(v)]) if r.size == super::Size::Qword && i32::try_from(*v).is_err() => {
                return write!(f, "movabs {}, {v}", r.name())
            }
            (Mov, [Operand::Reg(r), Operand::Sym(s)]) => return write!(f, "movabs {}, offset {s}", r.name()),
            _ => {}
        }
        write!(f, "{}", self.mnemonic.name())?;
        for (i, op) in self.operands.iter().enumerate() {
            write!(f, "{}{op}", if i == 0 { " " } else { ", " })?;
        }
        Ok(())
    }
}
