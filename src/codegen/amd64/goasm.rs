//! Go assembly for amd64: the statements `goasm` read from a `.s` file → machine code and data symbols,
//! the same [`Symbol`]s compiled Go becomes, so the linker cannot tell them apart.
//!
//! In: a [`goasm::File`] and the file's name as tracebacks print it. Out: one `Text` symbol per `TEXT`
//! (ABI0: arguments and results in the caller's frame, as compiled Go's), one data symbol per `GLOBL`.
//!
//! The frame follows cmd/asm's amd64 rules (cmd/internal/obj/x86's preprocessing): a function with locals
//! (`$N-M`, N > 0, not `NOFRAME`) saves RBP below the return address and reserves N bytes below it; every
//! `RET` (and a tail `JMP` to a symbol) first undoes that. So `name+off(FP)` is `off + N + 8 + 8` above the
//! hardware SP (N + 8 without a frame: `off + 8`), `name-off(SP)` is `N - off` above it, and `off(SP)`
//! without a name is the hardware SP. A function without `NOSPLIT` starts with compiled Go's stack check
//! (`stack.rs`), so it may grow the goroutine's stack. Operands are written source first (`MOVQ AX, BX`
//! copies AX to BX), except `CMP` and `TEST`, whose order is Intel's; each opcode's suffix (`B`, `W`, `L`,
//! `Q`) gives the operand width.
//!
//! What is not supported (AVX, string instructions, `go_asm.h`, ...) is an error naming the instruction and
//! its line, never a silent guess.

use super::stack;
use crate::goasm::{self, Base, Item, Operand as G};
use crate::link::object::{FuncMeta, Reloc, RelocKind, SymKind, Symbol};
use asm::x86::{self, Assembler, Cond, Gpr, Label, Mem, Mnemonic as M, Mode, Operand as X, Size, Xmm, RBP, RSP};
use std::collections::HashMap;

/// textflag.h's bits that change code.
const NOSPLIT: i64 = 4;
const RODATA: i64 = 8;
const NOFRAME: i64 = 512;

const GPRS: [&str; 16] =
    ["AX", "CX", "DX", "BX", "SP", "BP", "SI", "DI", "R8", "R9", "R10", "R11", "R12", "R13", "R14", "R15"];

/// The register names of amd64 Go assembly (for the reader).
pub fn is_reg(s: &str) -> bool {
    gpr(s).is_some() || xmm(s).is_some()
}

/// The byte registers' own names (`MOVB AL, CL` may also be written `MOVB AX, CX`).
const BYTE_GPRS: [&str; 16] =
    ["AL", "CL", "DL", "BL", "SPB", "BPB", "SIB", "DIB", "R8B", "R9B", "R10B", "R11B", "R12B", "R13B", "R14B", "R15B"];

fn gpr(s: &str) -> Option<u8> {
    GPRS.iter().chain(&BYTE_GPRS).position(|&g| g == s).map(|n| n as u8 % 16)
}

fn xmm(s: &str) -> Option<Xmm> {
    let n: u8 = s.strip_prefix('X')?.parse().ok()?;
    (n < 16).then_some(Xmm(n))
}

fn cond(s: &str) -> Option<Cond> {
    Some(match s {
        "EQ" | "E" | "Z" => Cond::E,
        "NE" | "NZ" => Cond::NE,
        "LT" | "L" => Cond::L,
        "LE" => Cond::LE,
        "GT" | "G" => Cond::G,
        "GE" => Cond::GE,
        "CS" | "LO" | "B" | "C" | "NAE" => Cond::B,
        "CC" | "HS" | "AE" | "NC" | "NB" => Cond::AE,
        "HI" | "A" => Cond::A,
        "LS" | "BE" => Cond::BE,
        "MI" | "S" => Cond::S,
        "PL" | "NS" => Cond::NS,
        "OS" | "O" => Cond::O,
        "OC" | "NO" => Cond::NO,
        "PS" | "PE" | "P" => Cond::P,
        "PC" | "PO" | "NP" => Cond::NP,
        _ => return None,
    })
}

fn size_of(c: char) -> Option<Size> {
    Some(match c {
        'B' => Size::Byte,
        'W' => Size::Word,
        'L' => Size::Dword,
        'Q' => Size::Qword,
        _ => return None,
    })
}

/// One function's assembly state.
struct Func<'a> {
    a: Assembler,
    /// Bytes of locals (0 when there is no frame).
    frame: i64,
    has_frame: bool,
    labels: HashMap<&'a str, Label>,
    /// Labels at statement indices, for `n(PC)` branches.
    pc_labels: HashMap<usize, Label>,
    index: usize,
}

impl Func<'_> {
    fn mem(&self, m: &goasm::Mem, size: Option<Size>) -> Result<Mem, String> {
        let (base, disp) = match &m.base {
            Some(Base::Reg(r)) => (gpr(r).ok_or_else(|| format!("{r} cannot address memory"))?, m.off),
            Some(Base::Fp) => {
                if m.sym.is_none() {
                    return Err("an FP reference needs a name (name+off(FP))".into());
                }
                let above = if self.has_frame { self.frame + 8 } else { 0 };
                (4, m.off + above + 8)
            }
            Some(Base::Sp) if m.sym.is_some() => (4, m.off + if self.has_frame { self.frame } else { 0 }),
            Some(Base::Sp) => (4, m.off),
            Some(Base::Sb) => {
                if m.index.is_some() {
                    return Err("sym(SB)(REG*scale) is not supported by g1c (it needs absolute addressing)".into());
                }
                let sym = m.sym.clone().ok_or("(SB) needs a symbol")?;
                return Ok(Mem { size, addr: x86::Addr::Rip { sym, addend: m.off } });
            }
            Some(Base::Pc) | None => return Err("expected a memory operand".into()),
        };
        let disp = i32::try_from(disp).map_err(|_| format!("offset {disp} out of range"))?;
        let index = match &m.index {
            Some((r, s)) => Some((gpr(r).ok_or_else(|| format!("{r} cannot be an index"))?, *s)),
            None => None,
        };
        Ok(Mem { size, addr: x86::Addr::Base { base: Some(base), index, disp } })
    }

    /// An operand as Intel data; `size` is the instruction's width for registers and memory.
    fn op(&self, o: &G, size: Option<Size>) -> Result<X, String> {
        match o {
            G::Reg(r) => {
                if let Some(x) = xmm(r) {
                    return Ok(X::Xmm(x));
                }
                let n = gpr(r).ok_or_else(|| format!("register {r} is not supported"))?;
                Ok(X::Reg(Gpr::new(n, size.unwrap_or(Size::Qword))))
            }
            G::Imm(v) => Ok(X::Imm(*v)),
            G::Mem(m) => Ok(X::Mem(self.mem(m, size)?)),
            G::Addr(_) => Err("an address ($sym(SB)) is only allowed in MOVQ and LEAQ".into()),
            G::Float(_) | G::Str(_) => Err("a floating-point or string constant is only allowed in DATA".into()),
            G::Label(l) => Err(format!("unexpected name {l}")),
        }
    }

    fn branch_target(&mut self, o: &G) -> Result<X, String> {
        match o {
            G::Label(l) => {
                self.labels.get(l.as_str()).map(|&l| X::Label(l)).ok_or_else(|| format!("undefined label {l}"))
            }
            G::Mem(goasm::Mem { sym: Some(s), off: 0, base: Some(Base::Sb), index: None }) => Ok(X::Sym(s.clone())),
            G::Mem(goasm::Mem { sym: None, off, base: Some(Base::Pc), index: None }) => {
                let k = self.index as i64 + off;
                usize::try_from(k)
                    .ok()
                    .and_then(|k| self.pc_labels.get(&k))
                    .map(|&l| X::Label(l))
                    .ok_or_else(|| format!("{off}(PC) lands outside the function"))
            }
            G::Reg(_) | G::Mem(_) => self.op(o, Some(Size::Qword)),
            _ => Err("bad branch target".into()),
        }
    }

    fn epilogue(&mut self) -> Result<(), String> {
        if self.has_frame {
            self.a.op2(M::Add, x86::RSP, self.frame)?;
            self.a.op1(M::Pop, RBP)?;
        }
        Ok(())
    }

    fn stmt(&mut self, op: &str, args: &[G]) -> Result<(), String> {
        let a2 = |this: &Self, sz: Option<Size>| -> Result<(X, X), String> {
            match args {
                [s, d] => Ok((this.op(s, sz)?, this.op(d, sz)?)),
                _ => Err(format!("{op} takes two operands")),
            }
        };
        let a1 = |this: &Self, sz: Option<Size>| -> Result<X, String> {
            match args {
                [x] => this.op(x, sz),
                _ => Err(format!("{op} takes one operand")),
            }
        };
        let none = || if args.is_empty() { Ok(()) } else { Err(format!("{op} takes no operands")) };
        // The opcode without its width suffix, and the width.
        let (stem, size) = match op.chars().last().and_then(size_of) {
            Some(s) if op.len() > 1 => (&op[..op.len() - 1], Some(s)),
            _ => (op, None),
        };
        match (stem, size) {
            ("", _) => Ok(()),
            _ if op == "RET" => {
                none()?;
                self.epilogue()?;
                self.a.op0(M::Ret)
            }
            _ if op == "JMP" => {
                let [t] = args else { return Err("JMP takes one operand".into()) };
                let t = self.branch_target(t)?;
                if matches!(t, X::Sym(_)) {
                    self.epilogue()?;
                }
                self.a.op1(M::Jmp, t)
            }
            _ if op == "CALL" => {
                let [t] = args else { return Err("CALL takes one operand".into()) };
                let t = self.branch_target(t)?;
                self.a.op1(M::Call, t)
            }
            _ if op.starts_with('J') && cond(&op[1..]).is_some() => {
                let [t] = args else { return Err(format!("{op} takes one operand")) };
                let t = self.branch_target(t)?;
                self.a.op1(M::Jcc(cond(&op[1..]).unwrap()), t)
            }
            _ if op.starts_with("SET") && cond(&op[3..]).is_some() => {
                let x = a1(self, Some(Size::Byte))?;
                self.a.op1(M::Setcc(cond(&op[3..]).unwrap()), x)
            }
            _ if op.starts_with("CMOV") && op.len() > 5 && size_of(op.as_bytes()[4] as char).is_some() => {
                let sz = size_of(op.as_bytes()[4] as char);
                let c = cond(&op[5..]).ok_or_else(|| format!("unknown instruction {op}"))?;
                let (s, d) = a2(self, sz)?;
                self.a.op2(M::Cmovcc(c), d, s)
            }
            // NOP is a placeholder of cmd/asm that assembles to nothing.
            _ if op == "NOP" => Ok(()),
            _ if op == "CPUID" => none().and_then(|_| self.a.op0(M::Cpuid)),
            _ if op == "XGETBV" => none().and_then(|_| self.a.op0(M::Xgetbv)),
            _ if op == "RDTSC" => none().and_then(|_| self.a.op0(M::Rdtsc)),
            _ if op == "UD2" => none().and_then(|_| self.a.op0(M::Ud2)),
            _ if op == "CQO" => none().and_then(|_| self.a.op0(M::Cqo)),
            _ if op == "CDQ" => none().and_then(|_| self.a.op0(M::Cdq)),
            _ if op == "CWD" => none().and_then(|_| self.a.op0(M::Cwd)),
            _ if op == "INT" => match args {
                [G::Imm(3)] => self.a.op0(M::Int3),
                _ => Err("only INT $3 is supported".into()),
            },
            _ if matches!(op, "BYTE" | "WORD" | "LONG" | "QUAD") => {
                let n = match op {
                    "BYTE" => 1,
                    "WORD" => 2,
                    "LONG" => 4,
                    _ => 8,
                };
                let [G::Imm(v)] = args else { return Err(format!("{op} takes one $constant")) };
                self.a.raw(&v.to_le_bytes()[..n]);
                Ok(())
            }
            ("PUSH" | "POP", Some(Size::Qword)) => {
                let x = a1(self, Some(Size::Qword))?;
                self.a.op1(if stem == "PUSH" { M::Push } else { M::Pop }, x)
            }
            ("MOV", Some(sz)) => {
                let [s, d] = args else { return Err(format!("{op} takes two operands")) };
                match (s, d) {
                    (G::Addr(m), _) if sz == Size::Qword => {
                        let d = self.op(d, Some(sz))?;
                        let m = self.mem(m, None)?;
                        self.a.op2(M::Lea, d, X::Mem(m))
                    }
                    (G::Reg(r), _) | (_, G::Reg(r)) if xmm(r).is_some() => {
                        let (s, d) = (self.op(s, Some(sz))?, self.op(d, Some(sz))?);
                        let m = match sz {
                            Size::Qword => M::Movq,
                            Size::Dword => M::Movd,
                            _ => return Err(format!("{op} cannot move to or from an X register")),
                        };
                        self.a.op2(m, d, s)
                    }
                    _ => {
                        let (s, d) = a2(self, Some(sz))?;
                        self.a.op2(M::Mov, d, s)
                    }
                }
            }
            ("LEA", Some(sz)) => {
                let [G::Mem(m), d] = args else { return Err(format!("{op} takes a memory operand and a register")) };
                let d = self.op(d, Some(sz))?;
                let m = self.mem(m, None)?;
                self.a.op2(M::Lea, d, X::Mem(m))
            }
            ("ADD" | "SUB" | "AND" | "OR" | "XOR", Some(sz)) => {
                let m = match stem {
                    "ADD" => M::Add,
                    "SUB" => M::Sub,
                    "AND" => M::And,
                    "OR" => M::Or,
                    _ => M::Xor,
                };
                let (s, d) = a2(self, Some(sz))?;
                self.a.op2(m, d, s)
            }
            ("CMP", Some(sz)) => {
                let (x, y) = a2(self, Some(sz))?;
                self.a.op2(M::Cmp, x, y)
            }
            ("TEST", Some(sz)) => {
                let (x, y) = a2(self, Some(sz))?;
                // TEST is symmetric; the encoder wants the immediate second.
                let (x, y) = if matches!(x, X::Imm(_)) { (y, x) } else { (x, y) };
                self.a.op2(M::Test, x, y)
            }
            ("INC" | "DEC" | "NEG" | "NOT" | "MUL" | "DIV" | "IDIV", Some(sz)) => {
                let m = match stem {
                    "INC" => M::Inc,
                    "DEC" => M::Dec,
                    "NEG" => M::Neg,
                    "NOT" => M::Not,
                    "MUL" => M::Mul,
                    "DIV" => M::Div,
                    _ => M::Idiv,
                };
                let x = a1(self, Some(sz))?;
                self.a.op1(m, x)
            }
            ("IMUL", Some(sz)) if args.len() == 2 => {
                let (s, d) = a2(self, Some(sz))?;
                self.a.op2(M::Imul, d, s)
            }
            ("SHL" | "SHR" | "SAR", Some(sz)) => {
                let m = match stem {
                    "SHL" => M::Shl,
                    "SHR" => M::Shr,
                    _ => M::Sar,
                };
                let [s, d] = args else { return Err(format!("{op} takes two operands")) };
                let d = self.op(d, Some(sz))?;
                let s = match s {
                    G::Reg(r) if gpr(r) == Some(1) => X::Reg(x86::CL),
                    G::Imm(v) => X::Imm(*v),
                    _ => return Err(format!("{op}: the count must be $n or CX")),
                };
                self.a.op2(m, d, s)
            }
            _ if op.starts_with("MOV") && op.len() == 7 && (op.ends_with("ZX") || op.ends_with("SX")) => {
                let (from, to) = (size_of(op.as_bytes()[3] as char), size_of(op.as_bytes()[4] as char));
                let (Some(from), Some(to)) = (from, to) else { return Err(format!("unknown instruction {op}")) };
                let [s, d] = args else { return Err(format!("{op} takes two operands")) };
                let (s, d) = (self.op(s, Some(from))?, self.op(d, Some(to))?);
                match (from, to, op.ends_with("ZX")) {
                    // Writing a 32-bit register clears the upper half.
                    (Size::Dword, Size::Qword, true) => {
                        let d = match d {
                            X::Reg(r) => X::Reg(r.with_size(Size::Dword)),
                            _ => return Err(format!("{op} needs a register destination")),
                        };
                        self.a.op2(M::Mov, d, s)
                    }
                    (Size::Dword, Size::Qword, false) => self.a.op2(M::Movsxd, d, s),
                    (_, _, true) => self.a.op2(M::Movzx, d, s),
                    (_, _, false) => self.a.op2(M::Movsx, d, s),
                }
            }
            _ => self.sse(op, args),
        }
    }

    /// The SSE instructions the encoder has (scalar arithmetic, conversions, moves), source first.
    fn sse(&mut self, op: &str, args: &[G]) -> Result<(), String> {
        let (m, src, dst) = match op {
            "MOVSD" => (M::Movsd, None, None),
            "MOVSS" => (M::Movss, None, None),
            "ADDSD" => (M::Addsd, Some(Size::Qword), None),
            "SUBSD" => (M::Subsd, Some(Size::Qword), None),
            "MULSD" => (M::Mulsd, Some(Size::Qword), None),
            "DIVSD" => (M::Divsd, Some(Size::Qword), None),
            "SQRTSD" => (M::Sqrtsd, Some(Size::Qword), None),
            "ADDSS" => (M::Addss, Some(Size::Dword), None),
            "SUBSS" => (M::Subss, Some(Size::Dword), None),
            "MULSS" => (M::Mulss, Some(Size::Dword), None),
            "DIVSS" => (M::Divss, Some(Size::Dword), None),
            "SQRTSS" => (M::Sqrtss, Some(Size::Dword), None),
            "UCOMISD" => (M::Ucomisd, Some(Size::Qword), None),
            "UCOMISS" => (M::Ucomiss, Some(Size::Dword), None),
            "XORPS" => (M::Xorps, Some(Size::Xmmword), None),
            "PXOR" => (M::Pxor, Some(Size::Xmmword), None),
            "CVTSQ2SD" => (M::Cvtsi2sd, Some(Size::Qword), None),
            "CVTSL2SD" => (M::Cvtsi2sd, Some(Size::Dword), None),
            "CVTSQ2SS" => (M::Cvtsi2ss, Some(Size::Qword), None),
            "CVTSL2SS" => (M::Cvtsi2ss, Some(Size::Dword), None),
            "CVTTSD2SQ" => (M::Cvttsd2si, Some(Size::Qword), Some(Size::Qword)),
            "CVTTSD2SL" => (M::Cvttsd2si, Some(Size::Qword), Some(Size::Dword)),
            "CVTTSS2SQ" => (M::Cvttss2si, Some(Size::Dword), Some(Size::Qword)),
            "CVTTSS2SL" => (M::Cvttss2si, Some(Size::Dword), Some(Size::Dword)),
            "CVTSS2SD" => (M::Cvtss2sd, Some(Size::Dword), None),
            "CVTSD2SS" => (M::Cvtsd2ss, Some(Size::Qword), None),
            _ => return Err(format!("unsupported instruction {op} (g1c's amd64 Go assembler knows a subset)")),
        };
        let [s, d] = args else { return Err(format!("{op} takes two operands")) };
        let width = |o: &G, w: Option<Size>| match o {
            G::Mem(_) => w.or(Some(if m == M::Movss { Size::Dword } else { Size::Qword })),
            _ => w,
        };
        let s = self.op(s, width(s, src))?;
        let d = self.op(d, width(d, dst))?;
        self.a.op2(m, d, s)
    }
}

/// Assembles one file's functions and data.
pub fn assemble(f: &goasm::File, file: &str) -> Result<Vec<Symbol>, Vec<String>> {
    let mut out = Vec::new();
    let mut errors = Vec::new();
    let mut data: Vec<(&goasm::Globl, Symbol)> = Vec::new();
    for item in &f.items {
        if let Item::Globl(g) = item {
            if g.size < 0 || g.size > 1 << 31 {
                errors.push(format!("{file}:{}: GLOBL {}: bad size {}", g.line, g.sym, g.size));
                continue;
            }
            let kind = if g.flags & RODATA != 0 { SymKind::RoData } else { SymKind::Bss };
            let data_bytes = if kind == SymKind::RoData { vec![0; g.size as usize] } else { Vec::new() };
            let align = if g.size >= 8 { 8 } else { 1 };
            let sym = Symbol {
                name: g.sym.clone(),
                kind,
                data: data_bytes,
                size: g.size as u64,
                align,
                relocs: Vec::new(),
                func: None,
            };
            data.push((g, sym));
        }
    }
    for item in &f.items {
        match item {
            Item::Text(t) => match text(t, file) {
                Ok(s) => out.push(s),
                Err(e) => errors.push(e),
            },
            Item::Data(d) => {
                if let Err(e) = put_data(&mut data, d) {
                    errors.push(format!("{file}:{}: {e}", d.line));
                }
            }
            Item::Globl(_) => {}
        }
    }
    if !errors.is_empty() {
        return Err(errors);
    }
    out.extend(data.into_iter().map(|(_, s)| s));
    Ok(out)
}

fn put_data(data: &mut [(&goasm::Globl, Symbol)], d: &goasm::Data) -> Result<(), String> {
    let (_, sym) = data.iter_mut().find(|(g, _)| g.sym == d.sym).ok_or_else(|| format!("DATA {}: no GLOBL", d.sym))?;
    if sym.kind == SymKind::Bss {
        sym.kind = SymKind::Data;
        sym.data = vec![0; sym.size as usize];
    }
    let (off, w) = (d.off, d.width);
    if off < 0 || !matches!(w, 1 | 2 | 4 | 8) && !matches!(d.value, G::Str(_)) || off + w > sym.size as i64 {
        return Err(format!("DATA {}+{off}/{w}: outside the symbol's {} bytes", d.sym, sym.size));
    }
    let at = off as usize;
    let bytes: Vec<u8> = match &d.value {
        G::Imm(v) => v.to_le_bytes()[..w as usize].to_vec(),
        G::Float(f) if w == 8 => f.to_le_bytes().to_vec(),
        G::Float(f) if w == 4 => (*f as f32).to_le_bytes().to_vec(),
        G::Str(s) if s.len() <= w as usize => {
            let mut b = s.clone();
            b.resize(w as usize, 0);
            b
        }
        G::Addr(goasm::Mem { sym: Some(target), off: addend, base: Some(Base::Sb), index: None }) if w == 8 => {
            sym.relocs.push(Reloc {
                offset: at as u32,
                kind: RelocKind::Abs64,
                target: target.clone(),
                addend: *addend,
            });
            vec![0; 8]
        }
        v => return Err(format!("DATA: a value of width {w} cannot be {v:?}")),
    };
    sym.data[at..at + bytes.len()].copy_from_slice(&bytes);
    Ok(())
}

fn text(t: &goasm::Text, file: &str) -> Result<Symbol, String> {
    let at = |line: u32, e: String| format!("{file}:{line}: {e}");
    let has_frame = t.frame > 0 && t.flags & NOFRAME == 0;
    let frame = if has_frame { t.frame } else { 0 };
    let args = t.args.unwrap_or(0);
    let mut f = Func {
        a: Assembler::new(Mode::Long),
        frame,
        has_frame,
        labels: HashMap::new(),
        pc_labels: HashMap::new(),
        index: 0,
    };
    for s in &t.body {
        for l in &s.labels {
            let label = f.a.new_label();
            if f.labels.insert(l.as_str(), label).is_some() {
                return Err(at(s.line, format!("label {l} defined twice")));
            }
        }
    }
    // `n(PC)` branches land on the n-th statement from theirs: a label at each such statement.
    for (k, s) in t.body.iter().enumerate() {
        for a in &s.args {
            if let G::Mem(goasm::Mem { sym: None, off, base: Some(Base::Pc), index: None }) = a {
                let target = k as i64 + off;
                if (0..t.body.len() as i64).contains(&target) && !f.pc_labels.contains_key(&(target as usize)) {
                    let l = f.a.new_label();
                    f.pc_labels.insert(target as usize, l);
                }
            }
        }
    }
    let check = if t.flags & NOSPLIT == 0 {
        Some(stack::check(&mut f.a, frame as u32, args as u32).map_err(|e| at(t.line, e))?)
    } else {
        None
    };
    if has_frame {
        f.a.op1(M::Push, RBP).map_err(|e| at(t.line, e))?;
        f.a.op2(M::Mov, RBP, RSP).map_err(|e| at(t.line, e))?;
        f.a.op2(M::Sub, RSP, frame).map_err(|e| at(t.line, e))?;
    }
    let mut lines = vec![(0, t.line)];
    for (k, s) in t.body.iter().enumerate() {
        f.index = k;
        if let Some(&l) = f.pc_labels.get(&k) {
            f.a.bind(l).map_err(|e| at(s.line, e))?;
        }
        for l in &s.labels {
            f.a.bind(f.labels[l.as_str()]).map_err(|e| at(s.line, e))?;
        }
        lines.push((f.a.offset(), s.line));
        f.stmt(&s.op, &s.args).map_err(|e| at(s.line, e))?;
    }
    if let Some(c) = &check {
        stack::stub(&mut f.a, c).map_err(|e| at(t.line, e))?;
    }
    let code = f.a.finish().map_err(|e| at(t.line, e))?;
    lines.dedup_by_key(|l| l.0);
    Ok(Symbol {
        name: t.sym.clone(),
        kind: SymKind::Text,
        size: code.bytes.len() as u64,
        relocs: code.relocs.iter().map(super::reloc).collect(),
        data: code.bytes,
        align: super::FUNC_ALIGN,
        func: Some(FuncMeta {
            file: file.to_string(),
            lines,
            files: Vec::new(),
            args_size: args as u32,
            frame_size: frame as u32,
            ..FuncMeta::default()
        }),
    })
}
