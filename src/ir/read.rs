//! The IR's text reader: the inverse of `print.rs`, so that passes can be tested and tried on IR text
//! (`g1c opt -pass NAME FILE.ir`, `test/data/opt/PASS/*.ir`).
//!
//! In: the text `g1c dump ir` prints (docs/IR.md), or text written by hand in the same form, which may
//! carry `#` comments. Out: a [`Module`] whose printed form is the input less its comments, blank lines and
//! redundant `# line` markers; for printed input, `print(read(text)) == text` (`test/ir.rs` checks it).
//! Errors are `file:line:col: message`, the first one found.
//!
//! What the text does not show is not restored: every function's escape notes (`Func::escape`) are empty,
//! as lowering leaves them for generated functions; a vreg number the text never mentions (one a pass
//! removed) gets type i64; an `unreachable` terminator has the current line. A vreg's type is what its
//! definitions (`vN:T = ...`) or a `store.T` of it say; they must agree, and a vreg that is read must have
//! one of them.
//!
//! Symbol names are gc's and may hold spaces, parentheses and quoted strings (`type.struct { X int }`,
//! `go.string."a b"`, `main.(*T).M`): a name ends where the fixed text that follows it in its context
//! begins (` data size=`, ` (args=`, `+8)` before the next `reloc(`), and quoted runs inside a name are
//! skipped whole.

use std::collections::{BTreeMap, HashSet};

use super::print::{binop_name, cond_name, conv_name, ty_name};
use super::{
    BinOp, Block, BlockId, Callee, Cond, ConvOp, Data, DataKind, DataReloc, DataRelocKind, EscapeNotes, ExtLine, Func,
    InlCall, Inst, Module, Op, Slot, SlotId, Term, Ty, UnOp, VReg, LINE_EXT,
};

/// Reads the module in `text`; `file` names it in error messages.
pub fn read_module(file: &str, text: &str) -> Result<Module, String> {
    Reader::default().module(text).map_err(|e| format!("{file}:{}:{}: {}", e.line, e.col, e.msg))
}

/// An error's position (1-based line and byte column) and message.
struct Spot {
    line: usize,
    col: usize,
    msg: String,
}

type Res<T> = Result<T, Spot>;

/// Vreg numbers are below this (far above what lowering makes of the largest functions of std).
const MAX_VREG: u32 = 1 << 26;

const TYPES: [Ty; 7] = [Ty::I8, Ty::I16, Ty::I32, Ty::I64, Ty::Ptr, Ty::F32, Ty::F64];
const BINOPS: [BinOp; 18] = [
    BinOp::Add,
    BinOp::Sub,
    BinOp::Mul,
    BinOp::DivS,
    BinOp::DivU,
    BinOp::RemS,
    BinOp::RemU,
    BinOp::And,
    BinOp::Or,
    BinOp::Xor,
    BinOp::AndNot,
    BinOp::Shl,
    BinOp::ShrS,
    BinOp::ShrU,
    BinOp::FAdd,
    BinOp::FSub,
    BinOp::FMul,
    BinOp::FDiv,
];
const CONDS: [Cond; 16] = [
    Cond::Eq,
    Cond::Ne,
    Cond::LtS,
    Cond::LeS,
    Cond::GtS,
    Cond::GeS,
    Cond::LtU,
    Cond::LeU,
    Cond::GtU,
    Cond::GeU,
    Cond::FEq,
    Cond::FNe,
    Cond::FLt,
    Cond::FLe,
    Cond::FGt,
    Cond::FGe,
];
const CONVS: [ConvOp; 10] = [
    ConvOp::SExt,
    ConvOp::ZExt,
    ConvOp::Trunc,
    ConvOp::SToF,
    ConvOp::UToF,
    ConvOp::FToS,
    ConvOp::FToU,
    ConvOp::FExt,
    ConvOp::FTrunc,
    ConvOp::Bitcast,
];
const UNOPS: [(UnOp, &str); 3] = [(UnOp::Neg, "neg"), (UnOp::Not, "not"), (UnOp::FNeg, "fneg")];

/// A cursor over one line (comment removed), with the line's number for errors.
struct Cur<'a> {
    s: &'a str,
    i: usize,
    line: usize,
}

impl<'a> Cur<'a> {
    fn spot(&self, msg: impl Into<String>) -> Spot {
        Spot { line: self.line, col: self.i + 1, msg: msg.into() }
    }
    fn err<T>(&self, msg: impl Into<String>) -> Res<T> {
        Err(self.spot(msg))
    }
    fn rest(&self) -> &'a str {
        &self.s[self.i..]
    }
    fn eat(&mut self, p: &str) -> bool {
        if self.rest().starts_with(p) {
            self.i += p.len();
            true
        } else {
            false
        }
    }
    fn expect(&mut self, p: &str) -> Res<()> {
        if self.eat(p) {
            Ok(())
        } else {
            self.err(format!("expected `{}`, found {}", p.trim(), self.found()))
        }
    }
    /// The text at the cursor, for error messages.
    fn found(&self) -> String {
        match self.rest().split(' ').next() {
            Some(w) if !w.is_empty() => format!("`{w}`"),
            _ => "the end of the line".into(),
        }
    }
    fn end(&self) -> Res<()> {
        if self.rest().is_empty() {
            Ok(())
        } else {
            self.err(format!("unexpected {}", self.found()))
        }
    }
    /// Text up to the next space (or the end).
    fn word(&mut self) -> &'a str {
        let r = self.rest();
        let n = r.find(' ').unwrap_or(r.len());
        self.i += n;
        &r[..n]
    }
    fn digits(&mut self) -> &'a str {
        let r = self.rest();
        let n = r.bytes().take_while(u8::is_ascii_digit).count();
        self.i += n;
        &r[..n]
    }
    /// An unsigned decimal number.
    fn num<T: std::str::FromStr>(&mut self, what: &str) -> Res<T> {
        let at = self.i;
        let d = self.digits();
        d.parse().map_err(|_| Spot { line: self.line, col: at + 1, msg: format!("expected {what}") })
    }
    /// A decimal number with an optional sign.
    fn int<T: std::str::FromStr>(&mut self, what: &str) -> Res<T> {
        let at = self.i;
        let sign = if self.eat("-") {
            "-"
        } else {
            self.eat("+");
            ""
        };
        let d = self.digits();
        format!("{sign}{d}").parse().map_err(|_| Spot { line: self.line, col: at + 1, msg: format!("expected {what}") })
    }
    fn id(&mut self, prefix: &str, what: &str) -> Res<u32> {
        if !self.rest().starts_with(prefix) || !self.rest()[1..].starts_with(|c: char| c.is_ascii_digit()) {
            return self.err(format!("expected {what} (`{prefix}N`), found {}", self.found()));
        }
        self.i += 1;
        self.num(what)
    }
    fn ty(&mut self) -> Res<Ty> {
        let r = self.rest();
        let n = r.bytes().take_while(u8::is_ascii_alphanumeric).count();
        match TYPES.iter().find(|t| ty_name(**t) == &r[..n]) {
            Some(t) => {
                self.i += n;
                Ok(*t)
            }
            None => self.err(format!("expected a type (i8 i16 i32 i64 ptr f32 f64), found {}", self.found())),
        }
    }
    /// A symbol name: everything up to the first point (outside quoted runs) where `end` accepts the rest.
    fn sym(&mut self, end: fn(&str) -> bool) -> Res<&'a str> {
        let start = self.i;
        let b = self.s.as_bytes();
        let mut i = start;
        loop {
            if i > start && end(&self.s[i..]) {
                self.i = i;
                return Ok(&self.s[start..i]);
            }
            if i >= b.len() {
                return self.err(if i == start {
                    "expected a symbol name"
                } else {
                    "malformed symbol name or what follows it"
                });
            }
            if b[i] == b'"' {
                i = skip_quoted(b, i).ok_or_else(|| Spot {
                    line: self.line,
                    col: i + 1,
                    msg: "unterminated quoted string".into(),
                })?;
            } else {
                i += self.s[i..].chars().next().map_or(1, char::len_utf8);
            }
        }
    }
    /// A Go-quoted byte string as `ir::lower::quote` writes it (`\xNN`, `\n`, `\t`, `\r`, `\"`, `\\`).
    fn go_bytes(&mut self) -> Res<Vec<u8>> {
        self.expect("\"")?;
        let mut out = Vec::new();
        loop {
            let r = self.rest();
            let Some(c) = r.chars().next() else { return self.err("unterminated string") };
            match c {
                '"' => {
                    self.i += 1;
                    return Ok(out);
                }
                '\\' => {
                    let e = r[1..].chars().next();
                    let simple = match e {
                        Some('n') => Some(b'\n'),
                        Some('t') => Some(b'\t'),
                        Some('r') => Some(b'\r'),
                        Some('"') => Some(b'"'),
                        Some('\\') => Some(b'\\'),
                        _ => None,
                    };
                    if let Some(b) = simple {
                        out.push(b);
                        self.i += 2;
                    } else if e == Some('x') && r.len() >= 4 && r.is_char_boundary(4) {
                        match u8::from_str_radix(&r[2..4], 16) {
                            Ok(b) if r.as_bytes()[2..4].iter().all(u8::is_ascii_hexdigit) => out.push(b),
                            _ => return self.err("bad \\x escape: want two hex digits"),
                        }
                        self.i += 4;
                    } else {
                        return self.err("unknown escape in string (want \\xNN \\n \\t \\r \\\" \\\\)");
                    }
                }
                _ => {
                    let mut buf = [0; 4];
                    out.extend_from_slice(c.encode_utf8(&mut buf).as_bytes());
                    self.i += c.len_utf8();
                }
            }
        }
    }
    /// A string as Rust's `{:?}` writes it (slot names).
    fn rust_str(&mut self) -> Res<String> {
        self.expect("\"")?;
        let mut out = String::new();
        loop {
            let r = self.rest();
            let Some(c) = r.chars().next() else { return self.err("unterminated string") };
            self.i += c.len_utf8();
            match c {
                '"' => return Ok(out),
                '\\' => {
                    let e = self.rest().chars().next();
                    self.i += e.map_or(0, char::len_utf8);
                    match e {
                        Some('n') => out.push('\n'),
                        Some('t') => out.push('\t'),
                        Some('r') => out.push('\r'),
                        Some('0') => out.push('\0'),
                        Some(c @ ('"' | '\\' | '\'')) => out.push(c),
                        Some('u') => {
                            self.expect("{")?;
                            let r = self.rest();
                            let n = r.find('}').unwrap_or(r.len());
                            let c = u32::from_str_radix(&r[..n], 16).ok().and_then(char::from_u32);
                            let Some(c) = c else { return self.err("bad \\u{...} escape") };
                            out.push(c);
                            self.i += n;
                            self.expect("}")?;
                        }
                        _ => return self.err("unknown escape in string"),
                    }
                }
                c => out.push(c),
            }
        }
    }
    fn vreg(&mut self) -> Res<VReg> {
        let at = self.i;
        let v = self.id("v", "a vreg")?;
        // The vreg table has an entry for every number up to the largest: bound it, so that a typo cannot
        // ask for gigabytes.
        if v >= MAX_VREG {
            return Err(Spot { line: self.line, col: at + 1, msg: format!("vreg number v{v} is too large") });
        }
        Ok(VReg(v))
    }
    fn block(&mut self) -> Res<BlockId> {
        self.id("b", "a block").map(BlockId)
    }
}

/// The index just past the quoted run that starts at `b[i] == '"'`, or `None` if it does not end.
fn skip_quoted(b: &[u8], mut i: usize) -> Option<usize> {
    i += 1;
    while i < b.len() {
        match b[i] {
            b'\\' => i += 2,
            b'"' => return Some(i + 1),
            _ => i += 1,
        }
    }
    None
}

/// `s` starts with ASCII digits and then `tail` (which may be empty).
fn digits_then<'a>(s: &'a str, tail: &str) -> Option<&'a str> {
    let n = s.bytes().take_while(u8::is_ascii_digit).count();
    (n > 0).then(|| s[n..].strip_prefix(tail)).flatten()
}

fn signed_digits_then<'a>(s: &'a str, tail: &str) -> Option<&'a str> {
    digits_then(s.strip_prefix(['+', '-'])?, tail)
}

/// After a data symbol's name: its kind and size.
fn data_name_end(r: &str) -> bool {
    [" bss size=", " data size=", " rodata size="]
        .iter()
        .any(|k| r.strip_prefix(k).is_some_and(|r| digits_then(r, " align=").is_some()))
}

/// After a relocation's target: `+ADDEND)`, then another relocation or the end.
fn reloc_target_end(r: &str) -> bool {
    signed_digits_then(r, ")").is_some_and(|r| r.is_empty() || r.starts_with(" reloc("))
}

/// After `sym NAME`: nothing, or the offset.
fn sym_end(r: &str) -> bool {
    r.is_empty() || signed_digits_then(r, "").is_some_and(str::is_empty)
}

/// After a function's name in its header or a call: ` (args=N)` / `(args=N) `.
fn call_target_end(r: &str) -> bool {
    r.strip_prefix(" (args=").and_then(|r| digits_then(r, ")")).is_some_and(str::is_empty)
}

fn func_name_end(r: &str) -> bool {
    r.strip_prefix("(args=").and_then(|r| digits_then(r, ") ")).is_some()
}

/// Removes a `#` comment (outside quoted runs, at the start or after a space) and trailing spaces.
fn strip_comment(s: &str) -> &str {
    let b = s.as_bytes();
    let mut i = 0;
    while i < b.len() {
        match b[i] {
            b'"' => i = skip_quoted(b, i).unwrap_or(b.len()),
            b'#' if i == 0 || b[i - 1] == b' ' || b[i - 1] == b'\t' => return s[..i].trim_end(),
            _ => i += 1,
        }
    }
    s.trim_end()
}

/// A `# line N` marker (the whole line), `# line FILE:N` for a line a `//line` directive put in another
/// file, either followed by ` in iK` for the code of inlined call K: the position's parts.
fn line_marker(s: &str) -> Option<PosText<'_>> {
    pos_text(s.strip_prefix("# line ")?)
}

/// The parts of a position's text `[FILE:]N[ in iK]`: the file (if any), the number's and the call's text.
type PosText<'a> = (Option<&'a str>, &'a str, Option<&'a str>);

fn pos_text(m: &str) -> Option<PosText<'_>> {
    let (m, inl) = match m.rsplit_once(" in i") {
        Some((m, k)) if !k.is_empty() && k.bytes().all(|c| c.is_ascii_digit()) => (m, Some(k)),
        _ => (m, None),
    };
    let (file, n) = match m.rsplit_once(':') {
        Some((file, n)) if !file.is_empty() => (Some(file), n),
        _ => (None, m),
    };
    (!n.is_empty() && n.bytes().all(|c| c.is_ascii_digit())).then_some((file, n, inl))
}

/// An inlined call's declaration `# inline iK at POS: NAME` (the whole line): K, the position's text, the
/// callee.
fn inline_marker(s: &str) -> Option<(&str, &str, &str)> {
    let (k, rest) = s.strip_prefix("# inline i")?.split_once(" at ")?;
    let (pos, name) = rest.split_once(": ")?;
    Some((k, pos, name))
}

/// The line value of a position's text in `f`, adding what `f.ext_lines` needs.
fn pos_value(f: &mut Func, (file, n, inl): PosText<'_>, c: &Cur) -> Res<u32> {
    let n: u32 = n.parse().map_err(|_| c.spot("line number out of range"))?;
    if n & LINE_EXT != 0 {
        return c.err("line number out of range");
    }
    let inl = match inl {
        Some(k) => match k.parse::<u32>() {
            Ok(k) if (k as usize) < f.inl.len() => Some(k),
            _ => return c.err(format!("no inlined call i{k} declared before")),
        },
        None => None,
    };
    let file = file.unwrap_or(&f.file).to_string();
    Ok(f.line_value(ExtLine { file, line: n, inl }))
}

#[derive(Default)]
struct Reader {
    module: Module,
    /// The symbols defined so far (data and functions share one name space, as in the linker).
    names: HashSet<String>,
}

/// The function being read: what its text has said so far.
struct FuncState {
    f: Func,
    /// Each vreg's type, from its definitions (and `store.T`).
    tys: BTreeMap<u32, Ty>,
    /// Where each vreg is first read, block, and slot is named, to report one that is never defined.
    uses: BTreeMap<u32, (usize, usize)>,
    block_refs: Vec<(u32, usize, usize)>,
    slot_refs: Vec<(u32, usize, usize)>,
    /// The block being read (`None` before the first label and after a terminator).
    open: Option<Vec<Inst>>,
    /// The parameters of the block being read (SSA form).
    params: Vec<VReg>,
    line: u32,
}

enum Item {
    Op(Op),
    /// A terminator and the arguments it passes along each edge (empty when none does).
    Term(Term, Vec<Vec<VReg>>),
}

impl Reader {
    fn module(mut self, text: &str) -> Res<Module> {
        let mut func: Option<FuncState> = None;
        for (n, raw) in text.lines().enumerate() {
            let n = n + 1;
            let indent = raw.len() - raw.trim_start().len();
            let trimmed = raw.trim_start();
            let marker = line_marker(trimmed.trim_end());
            let body = strip_comment(trimmed);
            // The cursor works on the comment-free text but reports columns of the original line.
            let mut c = Cur { s: &raw[..indent + body.len()], i: indent, line: n };
            if let Some(fs) = func.as_mut() {
                if let Some(pos) = marker {
                    fs.line = pos_value(&mut fs.f, pos, &c)?;
                    continue;
                }
                if trimmed.trim_end() == "# noinline" {
                    fs.f.noinline = true;
                    continue;
                }
                if let Some((k, pos, name)) = inline_marker(trimmed.trim_end()) {
                    if k != fs.f.inl.len().to_string() {
                        return c
                            .err(format!("expected inlined call i{} (calls are numbered in order)", fs.f.inl.len()));
                    }
                    let Some(pos) = pos_text(pos) else { return c.err("expected `[FILE:]LINE[ in iK]` after `at`") };
                    let call = pos_value(&mut fs.f, pos, &c)?;
                    fs.f.inl.push(InlCall { func: name.to_string(), call });
                    continue;
                }
                if body.is_empty() {
                    continue;
                }
                if body == "}" {
                    let fs = func.take().unwrap();
                    self.module.funcs.push(finish_func(fs, &c)?);
                    continue;
                }
                func_line(fs, &mut c)?;
                continue;
            }
            if body.is_empty() {
                continue;
            }
            if marker.is_some() {
                return c.err("`# line` outside a function");
            }
            if c.eat("data ") {
                let d = data_line(&mut c)?;
                if !self.names.insert(d.name.clone()) {
                    return Err(Spot { line: n, col: indent + 6, msg: format!("symbol {} defined twice", d.name) });
                }
                self.module.data.push(d);
            } else if c.eat("func ") {
                let f = func_header(&mut c)?;
                if !self.names.insert(f.name.clone()) {
                    return Err(Spot { line: n, col: indent + 6, msg: format!("symbol {} defined twice", f.name) });
                }
                func = Some(FuncState {
                    f,
                    tys: BTreeMap::new(),
                    uses: BTreeMap::new(),
                    block_refs: Vec::new(),
                    slot_refs: Vec::new(),
                    open: None,
                    params: Vec::new(),
                    line: 0,
                });
            } else {
                return c.err(format!("expected `data` or `func`, found {}", c.found()));
            }
        }
        if let Some(fs) = func {
            let line = text.lines().count().max(1);
            return Err(Spot { line, col: 1, msg: format!("function {} has no closing `}}`", fs.f.name) });
        }
        Ok(self.module)
    }
}

fn data_line(c: &mut Cur) -> Res<Data> {
    let name = c.sym(data_name_end)?.to_string();
    c.expect(" ")?;
    // `data_name_end` admitted only these three.
    let kind = match c.word() {
        "bss" => DataKind::Bss,
        "data" => DataKind::Data,
        _ => DataKind::ReadOnly,
    };
    c.expect(" size=")?;
    let size = c.num("a size")?;
    c.expect(" align=")?;
    let align = c.num("an alignment")?;
    let mut bytes = Vec::new();
    if c.eat(" \"") {
        c.i -= 1;
        bytes = c.go_bytes()?;
    }
    let mut relocs = Vec::new();
    while c.eat(" reloc(+") {
        let offset = c.num("a relocation offset")?;
        c.expect(" ")?;
        let kind = if c.eat("off32 ") { DataRelocKind::ImageOff32 } else { DataRelocKind::Addr };
        let target = c.sym(reloc_target_end)?.to_string();
        let addend = c.int("an addend")?;
        c.expect(")")?;
        relocs.push(DataReloc { offset, target, addend, kind });
    }
    c.end()?;
    Ok(Data { name, kind, align, size, bytes, relocs })
}

fn func_header(c: &mut Cur) -> Res<Func> {
    let name = c.sym(func_name_end)?.to_string();
    c.expect("(args=")?;
    let args_size = c.num("the argument area's size")?;
    c.expect(") ")?;
    let Some(pos) = c.rest().strip_suffix(" {") else { return c.err("expected `FILE:LINE {` after the arguments") };
    let Some((file, line)) = pos.rsplit_once(':') else { return c.err("expected `FILE:LINE {`") };
    let Ok(line) = line.parse() else {
        c.i += file.len() + 1;
        return c.err("expected a line number");
    };
    Ok(Func {
        name,
        file: file.to_string(),
        line,
        args_size,
        vregs: Vec::new(),
        slots: Vec::new(),
        blocks: Vec::new(),
        escape: EscapeNotes::default(),
        ext_lines: Vec::new(),
        inl: Vec::new(),
        noinline: false,
    })
}

/// One line inside a function's braces (not a `# line` marker, not blank, not the closing brace).
fn func_line(fs: &mut FuncState, c: &mut Cur) -> Res<()> {
    if c.rest().starts_with("slot ") {
        if !fs.f.blocks.is_empty() || fs.open.is_some() {
            return c.err("slots come before the first block");
        }
        c.expect("slot ")?;
        let want = fs.f.slots.len() as u32;
        let at = c.spot("");
        if c.id("s", "a slot")? != want {
            return Err(Spot { msg: format!("expected slot s{want} (slots are numbered in order)"), ..at });
        }
        c.expect(" size=")?;
        let size = c.num("a size")?;
        c.expect(" align=")?;
        let align = c.num("an alignment")?;
        c.expect(" ")?;
        let name = c.rust_str()?;
        c.end()?;
        fs.f.slots.push(Slot { size, align, name });
        return Ok(());
    }
    if let Some(label) = c.rest().strip_suffix(':').filter(|l| {
        let digits = l.get(1..).map_or("", |d| d.split('(').next().unwrap_or(""));
        l.starts_with('b') && !digits.is_empty() && digits.bytes().all(|b| b.is_ascii_digit())
    }) {
        if fs.open.is_some() {
            return c.err(format!("block b{} has no terminator before {label}", fs.f.blocks.len()));
        }
        let want = fs.f.blocks.len();
        let at = c.spot("");
        if c.id("b", "a block")? as usize != want {
            return Err(Spot { msg: format!("expected block b{want} (blocks are numbered in order)"), ..at });
        }
        // Block parameters (SSA form): `bN(v1:i64, v2:ptr):`.
        fs.params.clear();
        if c.eat("(") {
            loop {
                let p = fs.def(c)?;
                fs.params.push(p);
                if c.eat(")") {
                    break;
                }
                c.expect(", ")?;
            }
        }
        c.expect(":")?;
        c.end()?;
        fs.open = Some(Vec::new());
        return Ok(());
    }
    if fs.open.is_none() {
        return c.err(if fs.f.blocks.is_empty() {
            "expected a slot or the first block label `b0:`".to_string()
        } else {
            format!("expected a block label `b{}:` or `}}` after the terminator", fs.f.blocks.len())
        });
    }
    match item(fs, c)? {
        Item::Op(op) => fs.open.as_mut().unwrap().push(Inst { line: fs.line, op }),
        Item::Term(term, args) => {
            let insts = fs.open.take().unwrap();
            let mut b = Block::new(insts, term, fs.line);
            b.params = std::mem::take(&mut fs.params);
            b.args = args;
            fs.f.blocks.push(b);
        }
    }
    Ok(())
}

impl FuncState {
    /// `v` has type `ty` here (a definition, or a `store.T`); it must agree with what was said before.
    fn typed(&mut self, c: &Cur, at: usize, v: VReg, ty: Ty) -> Res<()> {
        match self.tys.insert(v.0, ty) {
            Some(t) if t != ty => Err(Spot {
                line: c.line,
                col: at + 1,
                msg: format!("v{} is {} elsewhere, {} here", v.0, ty_name(t), ty_name(ty)),
            }),
            _ => Ok(()),
        }
    }
    fn def(&mut self, c: &mut Cur) -> Res<VReg> {
        let at = c.i;
        let v = c.vreg()?;
        c.expect(":")?;
        let ty = c.ty()?;
        self.typed(c, at, v, ty)?;
        Ok(v)
    }
    fn use_(&mut self, c: &mut Cur) -> Res<VReg> {
        let at = c.i;
        let v = c.vreg()?;
        self.uses.entry(v.0).or_insert((c.line, at + 1));
        Ok(v)
    }
    fn block_ref(&mut self, c: &mut Cur) -> Res<BlockId> {
        let at = c.i;
        let b = c.block()?;
        self.block_refs.push((b.0, c.line, at + 1));
        Ok(b)
    }
    /// A jump target with the arguments it passes (SSA form): `b3` or `b3(v1, v2)`.
    fn target(&mut self, c: &mut Cur) -> Res<(BlockId, Vec<VReg>)> {
        let b = self.block_ref(c)?;
        let mut args = Vec::new();
        if c.eat("(") {
            loop {
                args.push(self.use_(c)?);
                if c.eat(")") {
                    break;
                }
                c.expect(", ")?;
            }
        }
        Ok((b, args))
    }
    /// `[vA]` or `[vA+OFF]`.
    fn mem(&mut self, c: &mut Cur) -> Res<(VReg, i32)> {
        c.expect("[")?;
        let a = self.use_(c)?;
        let off = if c.rest().starts_with(['+', '-']) { c.int("an offset")? } else { 0 };
        c.expect("]")?;
        Ok((a, off))
    }
}

/// An instruction or a terminator.
fn item(fs: &mut FuncState, c: &mut Cur) -> Res<Item> {
    let op = if c.eat("store.") {
        let ty = c.ty()?;
        c.expect(" ")?;
        let (addr, offset) = fs.mem(c)?;
        c.expect(", ")?;
        let at = c.i;
        let src = fs.use_(c)?;
        fs.typed(c, at, src, ty)?;
        Op::Store { addr, offset, src }
    } else if c.eat("memcopy ") {
        let dst = fs.use_(c)?;
        c.expect(", ")?;
        let src = fs.use_(c)?;
        c.expect(", ")?;
        Op::MemCopy { dst, src, size: c.num("a size")? }
    } else if c.eat("memzero ") {
        let addr = fs.use_(c)?;
        c.expect(", ")?;
        Op::MemZero { addr, size: c.num("a size")? }
    } else if c.eat("call ") {
        call(fs, c, Vec::new())?
    } else if c.eat("jump ") {
        let (t, a) = fs.target(c)?;
        c.end()?;
        let args = if a.is_empty() { Vec::new() } else { vec![a] };
        return Ok(Item::Term(Term::Jump(t), args));
    } else if c.eat("branch ") {
        let cond = fs.use_(c)?;
        c.expect(", ")?;
        let (then, a) = fs.target(c)?;
        c.expect(", ")?;
        let (els, b) = fs.target(c)?;
        c.end()?;
        let args = if a.is_empty() && b.is_empty() { Vec::new() } else { vec![a, b] };
        return Ok(Item::Term(Term::Branch { cond, then, els }, args));
    } else if c.rest() == "ret" {
        return Ok(Item::Term(Term::Return, Vec::new()));
    } else if c.rest() == "unreachable" {
        return Ok(Item::Term(Term::Unreachable, Vec::new()));
    } else if c.rest().starts_with('v') {
        let mut defs = vec![fs.def(c)?];
        while c.eat(", ") {
            defs.push(fs.def(c)?);
        }
        c.expect(" = ")?;
        if c.eat("call ") {
            call(fs, c, defs)?
        } else if defs.len() > 1 {
            return c.err("only `call rt` writes more than one vreg");
        } else {
            value(fs, c, defs[0])?
        }
    } else {
        return c.err(format!("expected an instruction or a terminator, found {}", c.found()));
    };
    c.end()?;
    Ok(Item::Op(op))
}

/// The operation after `vN:T = ` (not a call).
fn value(fs: &mut FuncState, c: &mut Cur, dst: VReg) -> Res<Op> {
    let at = c.i;
    let w = c.word();
    let known = ["const", "fconst", "slot", "arg", "outarg", "sym", "load", "copy"].contains(&w)
        || UNOPS.iter().any(|(_, n)| *n == w)
        || BINOPS.iter().any(|o| binop_name(*o) == w)
        || w.strip_prefix("cmp.").is_some_and(|n| CONDS.iter().any(|k| cond_name(*k) == n))
        || CONVS.iter().any(|o| conv_name(*o) == w);
    if w == "closurectx" {
        return Ok(Op::ClosureCtx { dst });
    }
    if !known {
        return Err(Spot { line: c.line, col: at + 1, msg: format!("unknown operation `{w}`") });
    }
    c.expect(" ")?;
    let op = match w {
        "const" => Op::Const { dst, value: c.int("an integer")? },
        "fconst" => {
            let at = c.i;
            let t = c.word();
            match t.parse::<f64>() {
                Ok(value) => Op::FConst { dst, value },
                Err(_) => return Err(Spot { line: c.line, col: at + 1, msg: format!("bad float constant `{t}`") }),
            }
        }
        "slot" => {
            let at = c.i;
            let slot = c.id("s", "a slot")?;
            fs.slot_refs.push((slot, c.line, at + 1));
            Op::SlotAddr { dst, slot: SlotId(slot) }
        }
        "arg" | "outarg" => {
            c.expect("+")?;
            let offset = c.num("an offset")?;
            if w == "arg" {
                Op::ArgAddr { dst, offset }
            } else {
                Op::OutArgAddr { dst, offset }
            }
        }
        "sym" => {
            let sym = c.sym(sym_end)?.to_string();
            let offset = if c.rest().is_empty() { 0 } else { c.int("an offset")? };
            Op::SymAddr { dst, sym, offset }
        }
        "load" => {
            let (addr, offset) = fs.mem(c)?;
            Op::Load { dst, addr, offset }
        }
        "copy" => Op::Copy { dst, src: fs.use_(c)? },
        _ => {
            if let Some((op, _)) = UNOPS.iter().find(|(_, n)| *n == w) {
                Op::Unary { op: *op, dst, x: fs.use_(c)? }
            } else if let Some(op) = BINOPS.iter().find(|o| binop_name(**o) == w) {
                let x = fs.use_(c)?;
                c.expect(", ")?;
                Op::Binary { op: *op, dst, x, y: fs.use_(c)? }
            } else if let Some(cond) = w.strip_prefix("cmp.").and_then(|n| CONDS.iter().find(|k| cond_name(**k) == n)) {
                let x = fs.use_(c)?;
                c.expect(", ")?;
                Op::Cmp { cond: *cond, dst, x, y: fs.use_(c)? }
            } else if let Some(op) = CONVS.iter().find(|o| conv_name(**o) == w) {
                Op::Convert { op: *op, dst, src: fs.use_(c)? }
            } else {
                return Err(Spot { line: c.line, col: at + 1, msg: format!("unknown operation `{w}`") });
            }
        }
    };
    Ok(op)
}

/// A call, after `call `; `rets` are the vregs written before ` = `.
fn call(fs: &mut FuncState, c: &mut Cur, rets: Vec<VReg>) -> Res<Op> {
    if c.eat("go ") {
        if !rets.is_empty() {
            return c.err("a Go call returns its results in the argument area, not in vregs");
        }
        let callee =
            if c.eat("*") { Callee::Closure(fs.use_(c)?) } else { Callee::Direct(c.sym(call_target_end)?.to_string()) };
        c.expect(" (args=")?;
        let args_size = c.num("the argument area's size")?;
        c.expect(")")?;
        return Ok(Op::CallGo { callee, args_size });
    }
    c.expect("rt ")?;
    let r = c.rest();
    let n = r.find('(').unwrap_or(r.len());
    if n == 0 || r[..n].contains(' ') {
        return c.err("expected `NAME(` after `call rt`");
    }
    let sym = r[..n].to_string();
    c.i += n;
    c.expect("(")?;
    let mut args = Vec::new();
    if !c.eat(")") {
        loop {
            args.push(fs.use_(c)?);
            if c.eat(")") {
                break;
            }
            c.expect(", ")?;
        }
    }
    if rets.len() > 2 {
        return c.err("a runtime call has at most two results");
    }
    Ok(Op::CallRt { sym, args, rets })
}

/// Checks the references of a finished function and gives each vreg its type. `c` is at the closing brace.
fn finish_func(mut fs: FuncState, c: &Cur) -> Res<Func> {
    if fs.open.is_some() {
        return c.err(format!("block b{} has no terminator", fs.f.blocks.len()));
    }
    if fs.f.blocks.is_empty() {
        return c.err(format!("function {} has no blocks", fs.f.name));
    }
    let nb = fs.f.blocks.len() as u32;
    if let Some(&(b, line, col)) = fs.block_refs.iter().find(|r| r.0 >= nb) {
        return Err(Spot { line, col, msg: format!("no block b{b} in {}", fs.f.name) });
    }
    let ns = fs.f.slots.len() as u32;
    if let Some(&(s, line, col)) = fs.slot_refs.iter().find(|r| r.0 >= ns) {
        return Err(Spot { line, col, msg: format!("no slot s{s} in {}", fs.f.name) });
    }
    if let Some((v, &(line, col))) = fs.uses.iter().find(|(v, _)| !fs.tys.contains_key(v)) {
        return Err(Spot { line, col, msg: format!("v{v} is read but never defined, so its type is unknown") });
    }
    let n = fs.tys.keys().next_back().map_or(0, |v| *v as usize + 1);
    fs.f.vregs = (0..n as u32).map(|v| fs.tys.get(&v).copied().unwrap_or(Ty::I64)).collect();
    Ok(fs.f)
}
