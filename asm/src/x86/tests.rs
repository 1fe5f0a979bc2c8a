//! Encoder tests: the table `testdata/amd64.txt` holds rows `intel text | expected bytes`. Each row is
//! parsed into an [`Inst`], encoded, and must give the bytes and print back as the same text. The table
//! was checked against `llvm-mc` (an independent encoder), and every run checks it again (Debian's `llvm-mc-14` and
//! `llvm-objdump-14`, package llvm-14; without them the test fails, see `crate::oracle`).
//! Symbol fields (relocations) are zero in the table and are checked by the tests below it.
//!
//! To extend the table: add rows by hand, or print candidates with
//! `cargo test -p asm -- --ignored print_table_candidates --nocapture` and check them with llvm-mc.

use super::*;

const TABLE: &str = include_str!("testdata/amd64.txt");

fn parse_gpr(s: &str) -> Option<Gpr> {
    for size in [Size::Qword, Size::Dword, Size::Word, Size::Byte] {
        for num in 0..16 {
            let r = Gpr::new(num, size);
            if r.name() == s {
                return Some(r);
            }
        }
    }
    None
}

fn parse_int(s: &str) -> Option<i64> {
    s.parse::<i64>().ok()
}

/// Parses the inside of `[...]`.
fn parse_addr(s: &str) -> Result<Addr, String> {
    if let Some(rest) = s.strip_prefix("rip + ") {
        let (sym, addend) = match rest.find(['+', '-']) {
            Some(i) => (&rest[..i], parse_int(rest[i..].trim_start_matches('+')).ok_or("bad addend")?),
            None => (rest, 0),
        };
        return Ok(Addr::Rip { sym: sym.to_string(), addend });
    }
    let (mut base, mut index, mut disp) = (None, None, 0i32);
    let mut sign = 1;
    for tok in s.split(' ') {
        match tok {
            "+" => sign = 1,
            "-" => sign = -1,
            _ => {
                if let Some((sc, r)) = tok.split_once('*') {
                    let r = parse_gpr(r).ok_or(format!("bad index {r}"))?;
                    index = Some((r.num, sc.parse::<u8>().map_err(|e| e.to_string())?));
                } else if let Some(r) = parse_gpr(tok) {
                    if base.is_none() && index.is_none() {
                        base = Some(r.num);
                    } else {
                        index = Some((r.num, 1));
                    }
                } else {
                    disp = sign * (parse_int(tok).ok_or(format!("bad term {tok}"))? as i32);
                }
            }
        }
    }
    Ok(Addr::Base { base, index, disp })
}

fn parse_operand(s: &str) -> Result<Operand, String> {
    if let Some(r) = parse_gpr(s) {
        return Ok(Operand::Reg(r));
    }
    if let Some(n) = s.strip_prefix("xmm").filter(|n| n.bytes().all(|b| b.is_ascii_digit())) {
        return Ok(Operand::Xmm(Xmm(n.parse().map_err(|_| format!("bad xmm {s}"))?)));
    }
    if let Some(v) = parse_int(s) {
        return Ok(Operand::Imm(v));
    }
    if let Some(l) = s.strip_prefix(".L") {
        return Ok(Operand::Label(Label(l.parse().map_err(|_| "bad label")?)));
    }
    if let Some(sym) = s.strip_prefix("offset ") {
        return Ok(Operand::Sym(sym.to_string()));
    }
    if let Some(open) = s.find('[') {
        let prefix = s[..open].trim();
        let (prefix, fs) = match prefix.strip_suffix("fs:") {
            Some(p) => (p.trim(), true),
            None => (prefix, false),
        };
        let size = match prefix {
            "" => None,
            "byte ptr" => Some(Size::Byte),
            "word ptr" => Some(Size::Word),
            "dword ptr" => Some(Size::Dword),
            "qword ptr" => Some(Size::Qword),
            "xmmword ptr" => Some(Size::Xmmword),
            _ => return Err(format!("bad memory operand {s}")),
        };
        let inner = s[open + 1..].strip_suffix(']').ok_or("missing ]")?;
        if fs {
            let disp = parse_int(inner).ok_or("fs: takes a displacement only")? as i32;
            return Ok(Operand::Mem(Mem { size, addr: Addr::Fs { disp } }));
        }
        return Ok(Operand::Mem(Mem { size, addr: parse_addr(inner)? }));
    }
    Ok(Operand::Sym(s.to_string()))
}

fn all_mnemonics() -> Vec<Mnemonic> {
    use Mnemonic::*;
    let mut v = vec![
        Mov, Movzx, Movsx, Movsxd, Lea, Add, Or, And, Sub, Xor, Cmp, Test, Imul, Mul, Div, Idiv, Neg, Not, Inc, Dec,
        Cwd, Cdq, Cqo, Shl, Shr, Sar, Jmp, Call, Ret, Push, Pop, RepMovsb, RepStosb, Ud2, Int3, Nop, Cpuid, Xgetbv,
        Rdtsc, Movsd, Movss, Movq, Movd, Addsd, Subsd, Mulsd, Divsd, Sqrtsd, Addss, Subss, Mulss, Divss, Sqrtss,
        Ucomisd, Ucomiss, Cvtsi2sd, Cvtsi2ss, Cvttsd2si, Cvttss2si, Cvtss2sd, Cvtsd2ss, Xorps, Pxor,
    ];
    for c in 0..16 {
        let c = Cond::from_code(c);
        v.extend([Setcc(c), Cmovcc(c), Jcc(c)]);
    }
    v
}

/// Parses the Intel text this crate prints (the inverse of `Display for Inst`).
fn parse_inst(text: &str) -> Result<Inst, String> {
    if text.starts_with("rep movsb") {
        return Ok(Inst::new(Mnemonic::RepMovsb, vec![]));
    }
    if text.starts_with("rep stosb") {
        return Ok(Inst::new(Mnemonic::RepStosb, vec![]));
    }
    let (name, rest) = text.split_once(' ').unwrap_or((text, ""));
    let mnemonic = if name == "movabs" {
        Mnemonic::Mov
    } else {
        *all_mnemonics().iter().find(|m| m.name() == name).ok_or(format!("unknown mnemonic {name}"))?
    };
    let mut operands = Vec::new();
    if !rest.is_empty() {
        for op in rest.split(", ") {
            operands.push(parse_operand(op.trim())?);
        }
    }
    if matches!(mnemonic, Mnemonic::Shl | Mnemonic::Shr | Mnemonic::Sar) && operands.len() == 1 {
        operands.push(Operand::Imm(1));
    }
    Ok(Inst::new(mnemonic, operands))
}

fn hex(bytes: &[u8]) -> String {
    bytes.iter().map(|b| format!("{b:02x}")).collect::<Vec<_>>().join(" ")
}

fn table_rows() -> Vec<(usize, &'static str, &'static str)> {
    TABLE
        .lines()
        .enumerate()
        .filter(|(_, l)| !l.trim().is_empty() && !l.starts_with('#'))
        .map(|(i, l)| {
            let (text, bytes) = l.split_once('|').expect("row is `text | bytes`");
            (i + 1, text.trim(), bytes.trim())
        })
        .collect()
}

#[test]
fn table_encodes_and_prints() {
    let rows = table_rows();
    assert!(rows.len() >= 300, "table has {} rows", rows.len());
    let mut failures = Vec::new();
    for (line, text, bytes) in &rows {
        let inst = match parse_inst(text) {
            Ok(i) => i,
            Err(e) => {
                failures.push(format!("line {line}: {text}: parse: {e}"));
                continue;
            }
        };
        match encode(&inst, Mode::Long) {
            Ok(enc) if hex(&enc.bytes) == *bytes => {}
            Ok(enc) => failures.push(format!("line {line}: {text}: got {} want {bytes}", hex(&enc.bytes))),
            Err(e) => failures.push(format!("line {line}: {text}: {e}")),
        }
        if inst.to_string() != *text {
            failures.push(format!("line {line}: prints as `{inst}`, want `{text}`"));
        }
    }
    assert!(failures.is_empty(), "{} failures:\n{}", failures.len(), failures.join("\n"));
}

/// Runs an oracle with `input` on stdin: its stdout, or a panic with its stderr.
fn run_oracle(tool: &std::path::Path, args: &[&str], input: &str) -> String {
    use std::io::Write;
    use std::process::{Command, Stdio};
    let mut child = Command::new(tool)
        .args(args)
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap_or_else(|e| panic!("{}: {e}", tool.display()));
    child.stdin.take().unwrap().write_all(input.as_bytes()).unwrap();
    let out = child.wait_with_output().unwrap();
    assert!(out.status.success(), "{} failed: {}", tool.display(), String::from_utf8_lossy(&out.stderr));
    String::from_utf8(out.stdout).unwrap()
}

/// The table's rows as llvm-mc reads them, and llvm-mc's encodings of them as concrete bytes: the rows are
/// assembled into an ELF object (where every branch or reference to an undefined symbol takes its 32-bit form
/// with a zero field and a relocation, as the table records it) and each instruction's bytes are read back
/// with llvm-objdump. `-show-encoding` alone would not do: it prints a symbol's field as fixup placeholders
/// and branches in their unrelaxed 8-bit form, so those rows would go unchecked.
fn llvm_bytes(rows: &[(usize, &str, &str)]) -> Vec<String> {
    let dir = std::env::temp_dir().join(format!("asm-oracle-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let obj = dir.join("table.o");
    let input: String = rows.iter().map(|r| format!("{}\n", r.1)).collect();
    let obj_arg = format!("-o={}", obj.display());
    run_oracle(
        &crate::oracle::llvm_mc(),
        &["-triple=x86_64", "-x86-asm-syntax=intel", "-filetype=obj", &obj_arg],
        &input,
    );
    let dump = run_oracle(&crate::oracle::llvm_objdump(), &["-d", &obj.display().to_string()], "");
    let _ = std::fs::remove_dir_all(&dir);
    // "      16: 48 8b 44 24 08               \tmovq ..."; a line without an instruction after the tab continues the
    // previous instruction's bytes.
    let mut got: Vec<String> = Vec::new();
    for l in dump.lines() {
        let Some((addr, rest)) = l.split_once(':') else { continue };
        if addr.trim().is_empty() || !addr.trim().bytes().all(|b| b.is_ascii_hexdigit()) {
            continue;
        }
        let (bytes, inst) = rest.split_once('\t').unwrap_or((rest, ""));
        let bytes = bytes.split_whitespace().collect::<Vec<_>>().join(" ");
        match got.last_mut() {
            Some(last) if inst.trim().is_empty() => {
                last.push(' ');
                last.push_str(&bytes);
            }
            _ => got.push(bytes),
        }
    }
    got
}

/// Runs llvm-mc (Debian's `llvm-mc-14`) over the table's text and compares its encoding of every row,
/// branches included, and its printed text with the table's.
#[test]
fn table_agrees_with_llvm_mc() {
    let rows = table_rows();
    let input: String = rows.iter().map(|r| format!("{}\n", r.1)).collect();
    let stdout = run_oracle(
        &crate::oracle::llvm_mc(),
        &["-triple=x86_64", "-x86-asm-syntax=intel", "-output-asm-variant=1"],
        &input,
    );
    let texts: Vec<String> = stdout
        .lines()
        .map(|l| l.split('#').next().unwrap().split_whitespace().collect::<Vec<_>>().join(" "))
        .filter(|l| !l.is_empty() && !l.starts_with('.'))
        .collect();
    assert_eq!(texts.len(), rows.len(), "llvm-mc printed a different number of instructions");
    let bytes = llvm_bytes(&rows);
    assert_eq!(bytes.len(), rows.len(), "llvm-objdump shows a different number of instructions");
    let mut failures = Vec::new();
    for (((line, text, want), ltext), lbytes) in rows.iter().zip(&texts).zip(&bytes) {
        if lbytes != want {
            failures.push(format!("line {line}: {text}: llvm-mc {lbytes}, table {want}"));
        }
        if ltext != text {
            failures.push(format!("line {line}: llvm-mc prints `{ltext}`, table `{text}`"));
        }
    }
    assert!(failures.is_empty(), "{} disagreements:\n{}", failures.len(), failures.join("\n"));
}

#[test]
fn relocations_and_labels() {
    let mut a = Assembler::new(Mode::Long);
    let top = a.new_label();
    let end = a.new_label();
    a.bind(top).unwrap();
    a.op1(Mnemonic::Call, Operand::Sym("main.f".into())).unwrap(); // 0: e8 rel32
    a.op2(Mnemonic::Mov, RAX, Mem::rip(Size::Qword, "main.x", 8)).unwrap(); // 5: 48 8b 05 disp32
    a.op2(Mnemonic::Mov, Mem::rip(Size::Dword, "main.y", 0), 7).unwrap(); // 12: c7 05 disp32 imm32
    a.op1(Mnemonic::Jcc(Cond::NE), end).unwrap(); // 22: 0f 85 rel32
    a.op1(Mnemonic::Jmp, top).unwrap(); // 28: e9 rel32
    a.bind(end).unwrap();
    a.op2(Mnemonic::Mov, RAX, Operand::Sym("main.z".into())).unwrap(); // 33: 48 b8 imm64
    a.op0(Mnemonic::Ret).unwrap();
    let code = a.finish().unwrap();
    assert_eq!(code.labels, vec![0, 33]);
    assert_eq!(&code.bytes[22..28], &[0x0f, 0x85, 5, 0, 0, 0]);
    assert_eq!(&code.bytes[28..33], &[0xe9, 0xdf, 0xff, 0xff, 0xff]); // 0 - 33
    let r = |offset, kind, sym: &str, addend| Reloc { offset, kind, sym: sym.into(), addend };
    assert_eq!(
        code.relocs,
        vec![
            r(1, RelocKind::Pc32, "main.f", -4),
            r(8, RelocKind::Pc32, "main.x", 4),
            r(14, RelocKind::Pc32, "main.y", -8),
            r(35, RelocKind::Abs64, "main.z", 0),
        ]
    );
    assert_eq!(code.insts[3].1.to_string(), "jne .L1");
    assert_eq!(code.insts[5].1.to_string(), "movabs rax, offset main.z");
}

#[test]
fn unbound_label_is_an_error() {
    let mut a = Assembler::new(Mode::Long);
    let l = a.new_label();
    a.op1(Mnemonic::Jmp, l).unwrap();
    assert!(a.finish().is_err());
}

#[test]
fn bad_operands_are_errors_not_panics() {
    let bad = [
        Inst::new(Mnemonic::Mov, vec![Mem::base(Size::Qword, RAX, 0).into(), Mem::base(Size::Qword, RCX, 0).into()]),
        Inst::new(Mnemonic::Mov, vec![RAX.into(), ECX.into()]),
        Inst::new(Mnemonic::Add, vec![RAX.into(), Operand::Imm(1 << 40)]),
        Inst::new(
            Mnemonic::Mov,
            vec![Operand::Mem(Mem { size: None, addr: Addr::Base { base: Some(0), index: None, disp: 0 } }), 1.into()],
        ),
        Inst::new(Mnemonic::Lea, vec![RAX.into(), RCX.into()]),
        Inst::new(Mnemonic::Movzx, vec![EAX.into(), EAX.into()]),
        Inst::new(Mnemonic::Shl, vec![RAX.into(), RDX.into()]),
        Inst::new(Mnemonic::Mov, vec![RAX.into(), Mem::sib(Size::Qword, Some(RAX), RSP, 1, 0).into()]),
        Inst::new(Mnemonic::Addsd, vec![XMM0.into(), Mem::base(Size::Dword, RAX, 0).into()]),
        Inst::new(Mnemonic::Ret, vec![RAX.into()]),
    ];
    for inst in bad {
        assert!(encode(&inst, Mode::Long).is_err(), "{inst} should not encode");
    }
}

#[test]
fn protected_mode_rejects_rex_and_uses_short_absolute() {
    let enc = |i: Inst| encode(&i, Mode::Protected).map(|e| hex(&e.bytes));
    assert_eq!(
        enc(Inst::new(Mnemonic::Mov, vec![EAX.into(), Mem::base(Size::Dword, ECX, 8).into()])),
        Ok("8b 41 08".into())
    );
    let abs = Mem { size: Some(Size::Dword), addr: Addr::Base { base: None, index: None, disp: 0x1000 } };
    assert_eq!(enc(Inst::new(Mnemonic::Mov, vec![EAX.into(), abs.into()])), Ok("8b 05 00 10 00 00".into()));
    assert_eq!(enc(Inst::new(Mnemonic::Push, vec![EBP.into()])), Ok("55".into()));
    assert!(enc(Inst::new(Mnemonic::Mov, vec![RAX.into(), RCX.into()])).is_err());
    assert!(enc(Inst::new(Mnemonic::Mov, vec![R8D.into(), ECX.into()])).is_err());
    assert!(enc(Inst::new(Mnemonic::Mov, vec![SIL.into(), CL.into()])).is_err());
}

/// Prints candidate rows covering the operand forms; check them with llvm-mc before adding to the table.
#[test]
#[ignore]
fn print_table_candidates() {
    for inst in candidates() {
        match encode(&inst, Mode::Long) {
            Ok(e) => println!("{inst} | {}", hex(&e.bytes)),
            Err(e) => println!("# {e}"),
        }
    }
}

fn candidates() -> Vec<Inst> {
    use Mnemonic::*;
    let nums = [0u8, 1, 3, 4, 5, 7, 8, 12, 13, 15];
    let sizes = [Size::Byte, Size::Word, Size::Dword, Size::Qword];
    let mems = |size: Size| -> Vec<Mem> {
        let b = |r: Gpr, d| Mem::base(size, r, d);
        vec![
            b(RAX, 0),
            b(RSP, 0),
            b(RBP, 0),
            b(R12, 0),
            b(R13, 0),
            b(RBP, -8),
            b(RSP, 16),
            b(R12, 8),
            b(RBX, 1000),
            b(RDI, -128),
            b(RSI, 127),
            b(RCX, 128),
            Mem::sib(size, Some(RAX), RCX, 4, 16),
            Mem::sib(size, Some(R13), R12, 1, 0),
            Mem::sib(size, Some(RBP), R9, 2, 0),
            Mem::sib(size, Some(R15), R9, 2, -300),
            Mem::sib(size, Some(RSP), RAX, 8, 0),
            Mem::sib(size, None, RCX, 8, 4096),
            Mem { size: Some(size), addr: Addr::Base { base: None, index: None, disp: 4096 } },
            Mem::rip(size, "sym", 0),
            Mem::rip(size, "sym", 16),
        ]
    };
    let i2 = |m, a: Operand, b: Operand| Inst::new(m, vec![a, b]);
    let i1 = |m, a: Operand| Inst::new(m, vec![a]);
    let mut v = Vec::new();
    // MOV in every form and register class.
    for &s in &sizes {
        for &n in &nums {
            v.push(i2(Mov, Gpr::new(n, s).into(), Gpr::new(nums[(n as usize + 3) % nums.len()], s).into()));
        }
        for (k, m) in mems(s).into_iter().enumerate() {
            let r = Gpr::new(nums[k % nums.len()], s);
            v.push(i2(Mov, r.into(), m.clone().into()));
            v.push(i2(Mov, m.clone().into(), r.into()));
            if k % 4 == 0 {
                v.push(i2(Mov, m.into(), Operand::Imm(-3)));
            }
        }
    }
    for imm in [0i64, 1, -1, 127, 0x7fffffff, -0x80000000, 0x80000000, 0x123456789, i64::MIN] {
        v.push(i2(Mov, RAX.into(), imm.into()));
        v.push(i2(Mov, R11.into(), imm.into()));
    }
    for imm in [0i64, -1, 1000] {
        v.push(i2(Mov, ECX.into(), imm.into()));
        v.push(i2(Mov, R9D.into(), imm.into()));
        v.push(i2(Mov, DX.into(), imm.into()));
        v.push(i2(Mov, DIL.into(), (imm & 0x7f).into()));
        v.push(i2(Mov, R8B.into(), (imm & 0x7f).into()));
    }
    // ALU group.
    for m in [Add, Or, And, Sub, Xor, Cmp] {
        for &s in &sizes {
            v.push(i2(m, Gpr::new(0, s).into(), Gpr::new(1, s).into()));
            v.push(i2(m, Gpr::new(12, s).into(), Gpr::new(6, s).into()));
            v.push(i2(m, Gpr::new(0, s).into(), Operand::Imm(100)));
            v.push(i2(m, Gpr::new(7, s).into(), Operand::Imm(-5)));
            if s != Size::Byte {
                v.push(i2(m, Gpr::new(0, s).into(), Operand::Imm(1000)));
                v.push(i2(m, Gpr::new(9, s).into(), Operand::Imm(1000)));
            }
            v.push(i2(m, Mem::base(s, RBP, -16).into(), Gpr::new(2, s).into()));
            v.push(i2(m, Gpr::new(10, s).into(), Mem::base(s, RSP, 8).into()));
            v.push(i2(m, Mem::base(s, R13, 0).into(), Operand::Imm(7)));
        }
    }
    for &s in &sizes {
        v.push(i2(Test, Gpr::new(0, s).into(), Gpr::new(0, s).into()));
        v.push(i2(Test, Gpr::new(5, s).into(), Gpr::new(14, s).into()));
        v.push(i2(Test, Mem::base(s, RCX, 0).into(), Gpr::new(0, s).into()));
        v.push(i2(Test, Gpr::new(0, s).into(), Operand::Imm(1)));
        v.push(i2(Test, Gpr::new(3, s).into(), Operand::Imm(1)));
        v.push(i2(Test, Mem::base(s, RDI, 4).into(), Operand::Imm(64)));
    }
    // Widening moves, LEA, IMUL.
    for (d, src) in [
        (EAX, Operand::from(CL)),
        (EAX, SIL.into()),
        (R10D, R11B.into()),
        (RAX, BL.into()),
        (AX, DL.into()),
        (EAX, CX.into()),
        (RAX, R9W.into()),
        (ECX, Mem::base(Size::Byte, RAX, 0).into()),
        (RCX, Mem::base(Size::Word, R12, 2).into()),
    ] {
        v.push(i2(Movzx, d.into(), src.clone()));
        v.push(i2(Movsx, d.into(), src));
    }
    v.push(i2(Movsxd, RAX.into(), ECX.into()));
    v.push(i2(Movsxd, R8.into(), R15D.into()));
    v.push(i2(Movsxd, RDX.into(), Mem::base(Size::Dword, RBP, -4).into()));
    for m in mems(Size::Qword) {
        v.push(i2(Lea, RDI.into(), m.clone().addr_only().into()));
    }
    v.push(i2(Lea, R14D.into(), Mem::base(Size::Dword, RAX, 1).addr_only().into()));
    for &s in &sizes[1..] {
        v.push(i2(Imul, Gpr::new(0, s).into(), Gpr::new(1, s).into()));
        v.push(i2(Imul, Gpr::new(8, s).into(), Gpr::new(15, s).into()));
        v.push(i2(Imul, Gpr::new(2, s).into(), Mem::base(s, RBP, -24).into()));
    }
    for m in [Mul, Div, Idiv, Neg, Not, Inc, Dec] {
        for &s in &sizes {
            v.push(i1(m, Gpr::new(1, s).into()));
            v.push(i1(m, Gpr::new(13, s).into()));
            v.push(i1(m, Mem::base(s, RSP, 8).into()));
        }
        v.push(i1(m, SIL.into()));
    }
    for m in [Cwd, Cdq, Cqo, Ret, RepMovsb, RepStosb, Ud2, Int3, Nop, Cpuid, Xgetbv, Rdtsc] {
        v.push(Inst::new(m, vec![]));
    }
    for m in [Shl, Shr, Sar] {
        for &s in &sizes {
            for r in [Gpr::new(0, s), Gpr::new(6, s), Gpr::new(9, s)] {
                v.push(i2(m, r.into(), CL.into()));
                v.push(i2(m, r.into(), Operand::Imm(1)));
                v.push(i2(m, r.into(), Operand::Imm(7)));
            }
            v.push(i2(m, Mem::base(s, RBP, -8).into(), CL.into()));
            v.push(i2(m, Mem::base(s, RBP, -8).into(), Operand::Imm(3)));
        }
    }
    for c in 0..16 {
        let c = Cond::from_code(c);
        v.push(i1(Setcc(c), AL.into()));
        v.push(i1(Jcc(c), Operand::Sym("target".into())));
        v.push(i2(Cmovcc(c), RAX.into(), RCX.into()));
    }
    for r in [SIL, DIL, BPL, SPL, R8B, R15B] {
        v.push(i1(Setcc(Cond::E), r.into()));
    }
    v.push(i1(Setcc(Cond::NP), Mem::base(Size::Byte, RBP, -1).into()));
    v.push(i2(Cmovcc(Cond::L), R12D.into(), EDX.into()));
    v.push(i2(Cmovcc(Cond::GE), AX.into(), Mem::base(Size::Word, RSI, 0).into()));
    v.push(i2(Cmovcc(Cond::A), R9.into(), Mem::base(Size::Qword, R13, 8).into()));
    v.push(i1(Jmp, Operand::Sym("target".into())));
    v.push(i1(Call, Operand::Sym("runtime.f".into())));
    for t in [
        Operand::from(RAX),
        R11.into(),
        Mem::base(Size::Qword, RDX, 0).into(),
        Mem::base(Size::Qword, R13, 0).into(),
        Mem::rip(Size::Qword, "tab", 8).into(),
    ] {
        v.push(i1(Jmp, t.clone()));
        v.push(i1(Call, t));
    }
    for &n in &nums {
        v.push(i1(Push, Gpr::new(n, Size::Qword).into()));
        v.push(i1(Pop, Gpr::new(n, Size::Qword).into()));
    }
    // SSE.
    let xs = [XMM0, XMM1, XMM7, XMM8, XMM15];
    for m in [Movsd, Movss] {
        let s = if m == Movsd { Size::Qword } else { Size::Dword };
        v.push(i2(m, XMM0.into(), XMM1.into()));
        v.push(i2(m, XMM8.into(), XMM15.into()));
        v.push(i2(m, XMM2.into(), Mem::base(s, RBP, -8).into()));
        v.push(i2(m, XMM9.into(), Mem::base(s, R12, 0).into()));
        v.push(i2(m, Mem::base(s, RSP, 0).into(), XMM3.into()));
        v.push(i2(m, Mem::sib(s, Some(RAX), R10, 8, 0).into(), XMM15.into()));
        v.push(i2(m, XMM0.into(), Mem::rip(s, "const", 0).into()));
    }
    v.push(i2(Movq, XMM0.into(), RAX.into()));
    v.push(i2(Movq, XMM8.into(), R9.into()));
    v.push(i2(Movq, RAX.into(), XMM0.into()));
    v.push(i2(Movq, R15.into(), XMM15.into()));
    v.push(i2(Movq, XMM1.into(), XMM2.into()));
    v.push(i2(Movq, XMM1.into(), Mem::base(Size::Qword, RBP, -8).into()));
    v.push(i2(Movq, Mem::base(Size::Qword, RBP, -8).into(), XMM9.into()));
    v.push(i2(Movd, XMM0.into(), EAX.into()));
    v.push(i2(Movd, XMM12.into(), R13D.into()));
    v.push(i2(Movd, ECX.into(), XMM1.into()));
    v.push(i2(Movd, XMM0.into(), Mem::base(Size::Dword, RAX, 0).into()));
    v.push(i2(Movd, Mem::base(Size::Dword, RSP, 4).into(), XMM10.into()));
    for m in [Addsd, Subsd, Mulsd, Divsd, Sqrtsd, Ucomisd, Cvtsd2ss] {
        for (k, x) in xs.iter().enumerate() {
            v.push(i2(m, (*x).into(), xs[(k + 1) % xs.len()].into()));
        }
        v.push(i2(m, XMM0.into(), Mem::base(Size::Qword, RBP, -16).into()));
    }
    for m in [Addss, Subss, Mulss, Divss, Sqrtss, Ucomiss, Cvtss2sd] {
        v.push(i2(m, XMM0.into(), XMM1.into()));
        v.push(i2(m, XMM9.into(), XMM2.into()));
        v.push(i2(m, XMM0.into(), Mem::base(Size::Dword, R13, 4).into()));
    }
    for m in [Xorps, Pxor] {
        v.push(i2(m, XMM0.into(), XMM0.into()));
        v.push(i2(m, XMM3.into(), XMM11.into()));
        v.push(i2(m, XMM1.into(), Mem::rip(Size::Xmmword, "signmask", 0).into()));
    }
    for m in [Cvtsi2sd, Cvtsi2ss] {
        v.push(i2(m, XMM0.into(), RAX.into()));
        v.push(i2(m, XMM1.into(), EAX.into()));
        v.push(i2(m, XMM9.into(), R12.into()));
        v.push(i2(m, XMM2.into(), Mem::base(Size::Qword, RBP, -8).into()));
        v.push(i2(m, XMM2.into(), Mem::base(Size::Dword, RBP, -8).into()));
    }
    for m in [Cvttsd2si, Cvttss2si] {
        let s = if m == Cvttsd2si { Size::Qword } else { Size::Dword };
        v.push(i2(m, RAX.into(), XMM0.into()));
        v.push(i2(m, EAX.into(), XMM1.into()));
        v.push(i2(m, R11.into(), XMM14.into()));
        v.push(i2(m, RCX.into(), Mem::base(s, RSP, 0).into()));
    }
    v
}
