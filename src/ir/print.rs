//! The IR's text form (specified in docs/IR.md): what `g1c dump ir` prints.
//!
//! In: a [`Module`]. Out: text, one item per line, QBE-like: data symbols first (in module order), then
//! functions. Deterministic: it prints the module in its own order and nothing else.

use std::fmt::Write;

use super::{BinOp, Callee, Cond, ConvOp, Data, DataKind, Func, Module, Op, Term, Ty, UnOp, VReg};

pub fn print_module(m: &Module) -> String {
    let mut out = String::new();
    for d in &m.data {
        print_data(&mut out, d);
    }
    for f in &m.funcs {
        if !out.is_empty() {
            out.push('\n');
        }
        print_func(&mut out, f);
    }
    out
}

pub fn ty_name(t: Ty) -> &'static str {
    match t {
        Ty::I8 => "i8",
        Ty::I16 => "i16",
        Ty::I32 => "i32",
        Ty::I64 => "i64",
        Ty::Ptr => "ptr",
        Ty::F32 => "f32",
        Ty::F64 => "f64",
    }
}

fn print_data(out: &mut String, d: &Data) {
    let kind = match d.kind {
        DataKind::ReadOnly => "rodata",
        DataKind::Data => "data",
        DataKind::Bss => "bss",
    };
    let _ = write!(out, "data {} {} size={} align={}", d.name, kind, d.size, d.align);
    if !d.bytes.is_empty() {
        let _ = write!(out, " {}", super::lower::quote(&d.bytes));
    }
    for r in &d.relocs {
        let off32 = if r.kind == super::DataRelocKind::ImageOff32 { "off32 " } else { "" };
        let _ = write!(out, " reloc(+{} {off32}{}{:+})", r.offset, r.target, r.addend);
    }
    out.push('\n');
}

fn v(r: VReg) -> String {
    format!("v{}", r.0)
}

fn def(f: &Func, r: VReg) -> String {
    format!("v{}:{}", r.0, ty_name(f.ty(r)))
}

pub(crate) fn binop_name(op: BinOp) -> &'static str {
    match op {
        BinOp::Add => "add",
        BinOp::Sub => "sub",
        BinOp::Mul => "mul",
        BinOp::DivS => "divs",
        BinOp::DivU => "divu",
        BinOp::RemS => "rems",
        BinOp::RemU => "remu",
        BinOp::And => "and",
        BinOp::Or => "or",
        BinOp::Xor => "xor",
        BinOp::AndNot => "andnot",
        BinOp::Shl => "shl",
        BinOp::ShrS => "shrs",
        BinOp::ShrU => "shru",
        BinOp::FAdd => "fadd",
        BinOp::FSub => "fsub",
        BinOp::FMul => "fmul",
        BinOp::FDiv => "fdiv",
    }
}

pub(crate) fn cond_name(c: Cond) -> &'static str {
    match c {
        Cond::Eq => "eq",
        Cond::Ne => "ne",
        Cond::LtS => "lts",
        Cond::LeS => "les",
        Cond::GtS => "gts",
        Cond::GeS => "ges",
        Cond::LtU => "ltu",
        Cond::LeU => "leu",
        Cond::GtU => "gtu",
        Cond::GeU => "geu",
        Cond::FEq => "feq",
        Cond::FNe => "fne",
        Cond::FLt => "flt",
        Cond::FLe => "fle",
        Cond::FGt => "fgt",
        Cond::FGe => "fge",
    }
}

pub(crate) fn conv_name(c: ConvOp) -> &'static str {
    match c {
        ConvOp::SExt => "sext",
        ConvOp::ZExt => "zext",
        ConvOp::Trunc => "trunc",
        ConvOp::SToF => "stof",
        ConvOp::UToF => "utof",
        ConvOp::FToS => "ftos",
        ConvOp::FToU => "ftou",
        ConvOp::FExt => "fext",
        ConvOp::FTrunc => "ftrunc",
        ConvOp::Bitcast => "bitcast",
    }
}

fn mem(addr: VReg, off: i32) -> String {
    if off == 0 {
        format!("[{}]", v(addr))
    } else {
        format!("[{}{:+}]", v(addr), off)
    }
}

/// One instruction, without indentation or line information.
pub fn op_text(f: &Func, op: &Op) -> String {
    match op {
        Op::Const { dst, value } => format!("{} = const {}", def(f, *dst), value),
        Op::FConst { dst, value } => format!("{} = fconst {:?}", def(f, *dst), value),
        Op::SlotAddr { dst, slot } => format!("{} = slot s{}", def(f, *dst), slot.0),
        Op::ArgAddr { dst, offset } => format!("{} = arg +{}", def(f, *dst), offset),
        Op::OutArgAddr { dst, offset } => format!("{} = outarg +{}", def(f, *dst), offset),
        Op::SymAddr { dst, sym, offset } => {
            if *offset == 0 {
                format!("{} = sym {}", def(f, *dst), sym)
            } else {
                format!("{} = sym {}{:+}", def(f, *dst), sym, offset)
            }
        }
        Op::Load { dst, addr, offset } => format!("{} = load {}", def(f, *dst), mem(*addr, *offset)),
        Op::Store { addr, offset, src } => {
            format!("store.{} {}, {}", ty_name(f.ty(*src)), mem(*addr, *offset), v(*src))
        }
        Op::Copy { dst, src } => format!("{} = copy {}", def(f, *dst), v(*src)),
        Op::Unary { op, dst, x } => {
            let n = match op {
                UnOp::Neg => "neg",
                UnOp::Not => "not",
                UnOp::FNeg => "fneg",
            };
            format!("{} = {} {}", def(f, *dst), n, v(*x))
        }
        Op::Binary { op, dst, x, y } => format!("{} = {} {}, {}", def(f, *dst), binop_name(*op), v(*x), v(*y)),
        Op::Cmp { cond, dst, x, y } => format!("{} = cmp.{} {}, {}", def(f, *dst), cond_name(*cond), v(*x), v(*y)),
        Op::Convert { op, dst, src } => format!("{} = {} {}", def(f, *dst), conv_name(*op), v(*src)),
        Op::MemCopy { dst, src, size } => format!("memcopy {}, {}, {}", v(*dst), v(*src), size),
        Op::MemZero { addr, size } => format!("memzero {}, {}", v(*addr), size),
        Op::CallGo { callee, args_size } => match callee {
            Callee::Direct(s) => format!("call go {s} (args={args_size})"),
            Callee::Closure(c) => format!("call go *{} (args={args_size})", v(*c)),
        },
        Op::CallRt { sym, args, rets } => {
            let a: Vec<String> = args.iter().map(|&r| v(r)).collect();
            let call = format!("call rt {}({})", sym, a.join(", "));
            if rets.is_empty() {
                call
            } else {
                let r: Vec<String> = rets.iter().map(|&r| def(f, r)).collect();
                format!("{} = {}", r.join(", "), call)
            }
        }
        Op::ClosureCtx { dst } => format!("{} = closurectx", def(f, *dst)),
    }
}

pub fn term_text(t: &Term) -> String {
    term_args_text(t, &[])
}

/// A terminator with the arguments it passes to its successors' block parameters (SSA form):
/// `jump b3(v1, v2)`, `branch v0, b1(v4), b2`.
pub fn term_args_text(t: &Term, args: &[Vec<VReg>]) -> String {
    let target = |i: usize, b: super::BlockId| match args.get(i) {
        Some(a) if !a.is_empty() => {
            let a: Vec<String> = a.iter().map(|&r| v(r)).collect();
            format!("b{}({})", b.0, a.join(", "))
        }
        _ => format!("b{}", b.0),
    };
    match t {
        Term::Jump(b) => format!("jump {}", target(0, *b)),
        Term::Branch { cond, then, els } => format!("branch {}, {}, {}", v(*cond), target(0, *then), target(1, *els)),
        Term::Return => "ret".into(),
        Term::Unreachable => "unreachable".into(),
    }
}

/// A block's label, with its parameters in SSA form: `b3(v5:i64, v6:ptr):`.
pub fn label_text(f: &Func, i: usize) -> String {
    let b = &f.blocks[i];
    if b.params.is_empty() {
        return format!("b{i}:");
    }
    let p: Vec<String> = b.params.iter().map(|&r| def(f, r)).collect();
    format!("b{i}({}):", p.join(", "))
}

/// `# line N`, or `# line FILE:N` for a line a `//line` directive put in another file.
fn print_line(out: &mut String, f: &Func, line: u32) {
    let _ = writeln!(out, "  # line {}", pos_text(f, line));
}

/// A line value as `[FILE:]N[ in iK]`: the file when it is not the function's, the inlined call if any.
fn pos_text(f: &Func, line: u32) -> String {
    let (file, n) = f.source_line(line);
    let mut s = if file == f.file { n.to_string() } else { format!("{file}:{n}") };
    if let Some(k) = f.inl_of(line) {
        let _ = write!(s, " in i{k}");
    }
    s
}

pub fn print_func(out: &mut String, f: &Func) {
    let _ = writeln!(out, "func {}(args={}) {}:{} {{", f.name, f.args_size, f.file, f.line);
    if f.noinline {
        out.push_str("  # noinline\n");
    }
    for (i, s) in f.slots.iter().enumerate() {
        let _ = writeln!(out, "  slot s{} size={} align={} {:?}", i, s.size, s.align, s.name);
    }
    for (k, c) in f.inl.iter().enumerate() {
        let _ = writeln!(out, "  # inline i{k} at {}: {}", pos_text(f, c.call), c.func);
    }
    let mut line = 0;
    for (i, b) in f.blocks.iter().enumerate() {
        let _ = writeln!(out, "{}", label_text(f, i));
        for inst in &b.insts {
            if inst.line != line {
                line = inst.line;
                print_line(out, f, line);
            }
            let _ = writeln!(out, "  {}", op_text(f, &inst.op));
        }
        if b.term_line != line && !matches!(b.term, Term::Unreachable) {
            line = b.term_line;
            print_line(out, f, line);
        }
        let _ = writeln!(out, "  {}", term_args_text(&b.term, &b.args));
    }
    out.push_str("}\n");
}
