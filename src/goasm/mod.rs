//! Go assembly (`.s` files in the Plan 9 syntax of `go tool asm`): the reader.
//!
//! In: one `.s` file's text, its package's symbol prefix, the predefined macros (`GOOS_linux`,
//! `GOARCH_amd64`, ...), the include directories and the target's register names. Out: a [`File`]: its
//! `TEXT` functions (each a list of [`Stmt`]s: labels, an opcode and operands, with the source line),
//! `DATA` initializers and `GLOBL` declarations. Nothing here knows an instruction set: the operands are
//! parsed into plain data and `codegen/<arch>/goasm.rs` turns them into machine code, as it does for
//! compiled Go.
//!
//! Steps, like cmd/asm's: the preprocessor (`#include`, `#define` with or without parameters, `#undef`,
//! `#ifdef`/`#ifndef`/`#else`/`#endif`, comments, `\` continuations) yields lines of tokens; each line
//! splits at `;` into statements; a statement is `label:`, or an opcode and comma-separated operands.
//! Constant expressions (`$(1<<3)`, `'a'`, `8*4`) are evaluated here with Go's operator precedence.
//!
//! Symbols: `·name` is `pkg.name` of the package being assembled, `a∕b·name` is `a/b.name`, and
//! `name<>` is private to the file (named `pkg.name<>.N` with the file's number, so two files' statics
//! never meet).
//!
//! Errors are `file:line: message`, like cmd/asm's; the first ten are reported.

use std::collections::HashMap;
use std::path::{Path, PathBuf};

/// One assembled file.
#[derive(Debug, Default)]
pub struct File {
    pub items: Vec<Item>,
}

#[derive(Debug)]
pub enum Item {
    Text(Text),
    Data(Data),
    Globl(Globl),
}

/// `TEXT sym(SB), flags, $frame-args` and the statements up to the next `TEXT` (or a data directive).
#[derive(Debug)]
pub struct Text {
    pub sym: String,
    pub line: u32,
    /// textflag.h's bits (`NOSPLIT` = 4, `NOFRAME` = 512, ...).
    pub flags: i64,
    /// Bytes of locals below the saved frame pointer.
    pub frame: i64,
    /// Bytes of arguments and results (ABI0), when the file says.
    pub args: Option<i64>,
    pub body: Vec<Stmt>,
}

/// `DATA sym+off(SB)/width, $value`.
#[derive(Debug)]
pub struct Data {
    pub sym: String,
    pub line: u32,
    pub off: i64,
    pub width: i64,
    pub value: Operand,
}

/// `GLOBL sym(SB), flags, $size`.
#[derive(Debug)]
pub struct Globl {
    pub sym: String,
    pub line: u32,
    pub flags: i64,
    pub size: i64,
}

/// One instruction (or pseudo-instruction such as `BYTE`), with the labels bound just before it. A label at
/// the end of a function is a statement with an empty `op`.
#[derive(Debug)]
pub struct Stmt {
    pub line: u32,
    pub labels: Vec<String>,
    pub op: String,
    pub args: Vec<Operand>,
}

#[derive(Clone, Debug, PartialEq)]
pub enum Operand {
    /// A register of the target (`AX`, `R8`, `X0`).
    Reg(String),
    /// `$expr`
    Imm(i64),
    /// `$1.5`, `$(-0.5)`
    Float(f64),
    /// `$"abc"` (DATA only)
    Str(Vec<u8>),
    /// `$sym(SB)`, `$off(REG)`: the address, not what is stored there.
    Addr(Mem),
    Mem(Mem),
    /// A bare name: a label (branch target).
    Label(String),
}

#[derive(Clone, Debug, PartialEq)]
pub struct Mem {
    /// The symbol before the offset (`x+8(FP)`, `table<>(SB)`), resolved for `SB`.
    pub sym: Option<String>,
    pub off: i64,
    pub base: Option<Base>,
    /// `(REG*scale)`
    pub index: Option<(String, u8)>,
}

#[derive(Clone, Debug, PartialEq)]
pub enum Base {
    Reg(String),
    /// The caller's argument area (`name+off(FP)`).
    Fp,
    /// `SP`: the hardware stack pointer, or with a symbol (`x-8(SP)`) the top of the local frame.
    Sp,
    /// Static base: `sym(SB)` is the symbol's address.
    Sb,
    /// `n(PC)`: the n-th instruction from this one (branches).
    Pc,
}

/// What the reader needs to know about the target and the package.
pub struct Config<'a> {
    /// The package's symbol prefix (`main`, `cmd/dist` → `main`, `math/big`).
    pub pkg: &'a str,
    /// Distinguishes this file's `name<>` symbols from other files' of the package.
    pub file_no: usize,
    /// Macros defined before the file (`GOOS_linux`, `GOARCH_amd64`).
    pub predefined: &'a [(&'a str, &'a str)],
    /// Where `#include "x.h"` looks after the file's own directory ($GOROOT/pkg/include).
    pub include_dirs: &'a [PathBuf],
    /// The target's register names (`SP` and `PC` are pseudo-registers when used as a base with a symbol).
    pub is_reg: fn(&str) -> bool,
}

/// Reads `src` (the text of file `name`, in directory `dir`).
pub fn read(name: &str, dir: &Path, src: &str, cfg: &Config) -> Result<File, Vec<String>> {
    let mut pp = Pre { dir, cfg, macros: HashMap::new(), errors: Vec::new(), lines: Vec::new(), depth: 0 };
    for (k, v) in cfg.predefined {
        pp.macros.insert(k.to_string(), Macro { params: None, body: lex(v).unwrap_or_default() });
    }
    pp.file(name, dir, src);
    let lines = std::mem::take(&mut pp.lines);
    let mut errors = pp.errors;
    let mut p = Parser { cfg, file: File::default(), errors: Vec::new(), pending_labels: Vec::new() };
    for (file, line, toks) in lines {
        for stmt in toks.split(|t| *t == Tok::Punct(";")) {
            if let Err(e) = p.stmt(line, stmt) {
                p.errors.push(format!("{file}:{line}: {e}"));
            }
        }
    }
    p.flush_labels();
    errors.append(&mut p.errors);
    if errors.is_empty() {
        Ok(p.file)
    } else {
        errors.truncate(10);
        Err(errors)
    }
}

// ---- tokens ----

#[derive(Clone, Debug, PartialEq)]
enum Tok {
    Ident(String),
    Int(i64),
    Float(f64),
    Str(Vec<u8>),
    Punct(&'static str),
}

const PUNCTS: &[&str] =
    &["<<", ">>", "<>", "$", "(", ")", ",", "+", "-", "*", "/", "%", "&", "|", "^", "~", ":", ";", "<", ">", "#", "!"];

fn is_ident_start(c: char) -> bool {
    c.is_alphabetic() || c == '_' || c == '·' || c == '∕'
}

fn is_ident_char(c: char) -> bool {
    is_ident_start(c) || c.is_ascii_digit() || c == '.'
}

/// Splits a comment-free line into tokens.
fn lex(s: &str) -> Result<Vec<Tok>, String> {
    let cs: Vec<char> = s.chars().collect();
    let mut out = Vec::new();
    let mut i = 0;
    while i < cs.len() {
        let c = cs[i];
        if c.is_whitespace() {
            i += 1;
        } else if is_ident_start(c) {
            let st = i;
            while i < cs.len() && is_ident_char(cs[i]) {
                i += 1;
            }
            out.push(Tok::Ident(cs[st..i].iter().collect()));
        } else if c.is_ascii_digit() || (c == '.' && cs.get(i + 1).is_some_and(|d| d.is_ascii_digit())) {
            let st = i;
            while i < cs.len() && (cs[i].is_ascii_alphanumeric() || cs[i] == '.' || cs[i] == '_') {
                // An exponent's sign belongs to the number (1e-3).
                if (cs[i] == 'e' || cs[i] == 'E')
                    && !cs[st..i].iter().any(|&c| c == 'x' || c == 'X')
                    && matches!(cs.get(i + 1), Some('+' | '-'))
                {
                    i += 1;
                }
                i += 1;
            }
            let text: String = cs[st..i].iter().filter(|&&c| c != '_').collect();
            out.push(number(&text)?);
        } else if c == '\'' {
            let (v, n) = char_lit(&cs[i + 1..])?;
            out.push(Tok::Int(v));
            i += 1 + n;
        } else if c == '"' {
            let mut bytes = Vec::new();
            i += 1;
            loop {
                match cs.get(i) {
                    None => return Err("string literal not terminated".into()),
                    Some('"') => break,
                    Some('\\') => {
                        let (v, n) = escape(&cs[i + 1..])?;
                        bytes.push(v);
                        i += 1 + n;
                    }
                    Some(&c) => {
                        let mut b = [0; 4];
                        bytes.extend_from_slice(c.encode_utf8(&mut b).as_bytes());
                        i += 1;
                    }
                }
            }
            i += 1;
            out.push(Tok::Str(bytes));
        } else {
            let rest: String = cs[i..cs.len().min(i + 2)].iter().collect();
            match PUNCTS.iter().find(|p| rest.starts_with(**p)) {
                Some(p) => {
                    out.push(Tok::Punct(p));
                    i += p.len();
                }
                None => return Err(format!("unexpected character {c:?}")),
            }
        }
    }
    Ok(out)
}

fn number(text: &str) -> Result<Tok, String> {
    let bad = || format!("bad number {text:?}");
    let lower = text.to_ascii_lowercase();
    if let Some(h) = lower.strip_prefix("0x") {
        return u64::from_str_radix(h, 16).map(|v| Tok::Int(v as i64)).map_err(|_| bad());
    }
    if let Some(b) = lower.strip_prefix("0b") {
        return u64::from_str_radix(b, 2).map(|v| Tok::Int(v as i64)).map_err(|_| bad());
    }
    if lower.contains('.') || (lower.contains('e') && !lower.starts_with('0')) {
        return lower.parse::<f64>().map(Tok::Float).map_err(|_| bad());
    }
    if let Some(o) = lower.strip_prefix("0o") {
        return u64::from_str_radix(o, 8).map(|v| Tok::Int(v as i64)).map_err(|_| bad());
    }
    if lower.len() > 1 && lower.starts_with('0') {
        return u64::from_str_radix(&lower[1..], 8).map(|v| Tok::Int(v as i64)).map_err(|_| bad());
    }
    lower.parse::<u64>().map(|v| Tok::Int(v as i64)).map_err(|_| bad())
}

/// A character literal's value and the characters it used after the opening quote.
fn char_lit(cs: &[char]) -> Result<(i64, usize), String> {
    let (v, n) = match cs.first() {
        Some('\\') => {
            let (b, n) = escape(&cs[1..])?;
            (b as i64, n + 1)
        }
        Some(&c) => (c as i64, 1),
        None => return Err("character literal not terminated".into()),
    };
    if cs.get(n) != Some(&'\'') {
        return Err("character literal not terminated".into());
    }
    Ok((v, n + 1))
}

/// One escape after a backslash: its byte and how many characters it used.
fn escape(cs: &[char]) -> Result<(u8, usize), String> {
    let simple = |c: char| match c {
        'n' => Some(b'\n'),
        't' => Some(b'\t'),
        'r' => Some(b'\r'),
        'a' => Some(7),
        'b' => Some(8),
        'f' => Some(12),
        'v' => Some(11),
        '\\' => Some(b'\\'),
        '\'' => Some(b'\''),
        '"' => Some(b'"'),
        _ => None,
    };
    match cs.first() {
        Some('x') => {
            let h: String = cs.get(1..3).ok_or("bad escape")?.iter().collect();
            Ok((u8::from_str_radix(&h, 16).map_err(|_| "bad escape")?, 3))
        }
        Some(c) if c.is_digit(8) => {
            let o: String = cs.get(0..3).ok_or("bad escape")?.iter().collect();
            Ok((u8::from_str_radix(&o, 8).map_err(|_| "bad escape")?, 3))
        }
        Some(&c) => simple(c).map(|b| (b, 1)).ok_or_else(|| format!("unknown escape \\{c}")),
        None => Err("bad escape".into()),
    }
}

// ---- preprocessor ----

struct Macro {
    params: Option<Vec<String>>,
    body: Vec<Tok>,
}

struct Pre<'a> {
    dir: &'a Path,
    cfg: &'a Config<'a>,
    macros: HashMap<String, Macro>,
    errors: Vec<String>,
    /// (file, line, tokens after macro expansion)
    lines: Vec<(String, u32, Vec<Tok>)>,
    depth: u32,
}

/// Removes `//` and `/* */` comments (which may span lines: `in_block` carries over), keeping strings.
fn strip_comments(line: &str, in_block: &mut bool) -> String {
    let mut out = String::new();
    let cs: Vec<char> = line.chars().collect();
    let mut i = 0;
    let mut quote: Option<char> = None;
    while i < cs.len() {
        let c = cs[i];
        if *in_block {
            if c == '*' && cs.get(i + 1) == Some(&'/') {
                *in_block = false;
                out.push(' ');
                i += 2;
            } else {
                i += 1;
            }
            continue;
        }
        match quote {
            Some(q) => {
                out.push(c);
                if c == '\\' {
                    if let Some(&n) = cs.get(i + 1) {
                        out.push(n);
                        i += 1;
                    }
                } else if c == q {
                    quote = None;
                }
            }
            None if c == '"' || c == '\'' => {
                quote = Some(c);
                out.push(c);
            }
            None if c == '/' && cs.get(i + 1) == Some(&'/') => break,
            None if c == '/' && cs.get(i + 1) == Some(&'*') => {
                *in_block = true;
                i += 1;
            }
            None => out.push(c),
        }
        i += 1;
    }
    out
}

impl Pre<'_> {
    fn file(&mut self, name: &str, dir: &Path, src: &str) {
        self.depth += 1;
        if self.depth > 16 {
            self.errors.push(format!("{name}: #include nested too deeply"));
            return;
        }
        // (active, some branch taken) per open #if
        let mut conds: Vec<(bool, bool)> = Vec::new();
        let mut in_block = false;
        let raw: Vec<&str> = src.lines().collect();
        let mut i = 0;
        while i < raw.len() {
            let lineno = i as u32 + 1;
            let mut text = raw[i].to_string();
            i += 1;
            while text.ends_with('\\') && i < raw.len() {
                text.pop();
                text.push(' ');
                text.push_str(raw[i]);
                i += 1;
            }
            let text = strip_comments(&text, &mut in_block);
            let active = conds.iter().all(|c| c.0);
            let t = text.trim_start();
            if let Some(d) = t.strip_prefix('#') {
                let d = d.trim_start();
                let (word, rest) = d.split_at(d.find(|c: char| c.is_whitespace()).unwrap_or(d.len()));
                let rest = rest.trim();
                let err = |this: &mut Self, m: String| this.errors.push(format!("{name}:{lineno}: {m}"));
                match word {
                    "ifdef" | "ifndef" => {
                        let def = self.macros.contains_key(rest);
                        let on = if word == "ifdef" { def } else { !def };
                        conds.push((on, on));
                    }
                    "else" => match conds.last_mut() {
                        Some(c) => {
                            c.0 = !c.1;
                            c.1 = true;
                        }
                        None => err(self, "#else without #if".into()),
                    },
                    "endif" => {
                        if conds.pop().is_none() {
                            err(self, "#endif without #if".into());
                        }
                    }
                    _ if !active => {}
                    "include" => {
                        let file = rest.trim_matches(|c| c == '"' || c == '<' || c == '>');
                        self.include(name, lineno, dir, file);
                    }
                    "define" => {
                        if let Err(e) = self.define(rest) {
                            err(self, e);
                        }
                    }
                    "undef" => {
                        self.macros.remove(rest);
                    }
                    _ => err(self, format!("unsupported directive #{word}")),
                }
                continue;
            }
            if !active || t.is_empty() {
                continue;
            }
            match lex(&text).and_then(|toks| self.expand(toks, 0)) {
                Ok(toks) if toks.is_empty() => {}
                Ok(toks) => self.lines.push((name.to_string(), lineno, toks)),
                Err(e) => self.errors.push(format!("{name}:{lineno}: {e}")),
            }
        }
        if !conds.is_empty() {
            self.errors.push(format!("{name}: #if without #endif"));
        }
        self.depth -= 1;
    }

    fn include(&mut self, from: &str, line: u32, dir: &Path, file: &str) {
        if file == "go_asm.h" {
            // gc's compiler writes it (the package's constants and struct offsets); g1c does not yet.
            self.errors.push(format!("{from}:{line}: #include \"go_asm.h\" is not supported by g1c yet"));
            return;
        }
        let mut candidates = vec![dir.join(file)];
        candidates.extend(self.cfg.include_dirs.iter().map(|d| d.join(file)));
        for c in candidates {
            if let Ok(text) = std::fs::read_to_string(&c) {
                let shown = if c.starts_with(self.dir) { format!("{}", c.display()) } else { file.to_string() };
                let cdir = c.parent().unwrap_or(dir).to_path_buf();
                self.file(&shown, &cdir, &text);
                return;
            }
        }
        self.errors.push(format!("{from}:{line}: #include: cannot find {file}"));
    }

    fn define(&mut self, rest: &str) -> Result<(), String> {
        let name_end = rest.find(|c: char| !is_ident_char(c)).unwrap_or(rest.len());
        let name = &rest[..name_end];
        if name.is_empty() {
            return Err("#define without a name".into());
        }
        let after = &rest[name_end..];
        // Parameters only when `(` follows the name directly, as in C.
        let (params, body) = if let Some(p) = after.strip_prefix('(') {
            let close = p.find(')').ok_or("#define: missing )")?;
            let params: Vec<String> =
                p[..close].split(',').map(|s| s.trim().to_string()).filter(|s| !s.is_empty()).collect();
            (Some(params), &p[close + 1..])
        } else {
            (None, after)
        };
        self.macros.insert(name.to_string(), Macro { params, body: lex(body.trim())? });
        Ok(())
    }

    /// Expands macros in `toks` (a macro is not expanded inside its own expansion).
    fn expand(&self, toks: Vec<Tok>, depth: u32) -> Result<Vec<Tok>, String> {
        if depth > 32 {
            return Err("macro expansion too deep".into());
        }
        let mut out = Vec::new();
        let mut i = 0;
        let mut changed = false;
        while i < toks.len() {
            let Tok::Ident(id) = &toks[i] else {
                out.push(toks[i].clone());
                i += 1;
                continue;
            };
            let Some(m) = self.macros.get(id) else {
                out.push(toks[i].clone());
                i += 1;
                continue;
            };
            changed = true;
            match &m.params {
                None => {
                    out.extend(m.body.iter().cloned());
                    i += 1;
                }
                Some(params) => {
                    if toks.get(i + 1) != Some(&Tok::Punct("(")) {
                        out.push(toks[i].clone());
                        i += 1;
                        continue;
                    }
                    let (args, next) = macro_args(&toks, i + 2)?;
                    if args.len() != params.len() && !(params.is_empty() && args.len() == 1 && args[0].is_empty()) {
                        return Err(format!("macro {id} takes {} arguments, got {}", params.len(), args.len()));
                    }
                    for t in &m.body {
                        match t {
                            Tok::Ident(p) => match params.iter().position(|q| q == p) {
                                Some(k) => out.extend(args[k].iter().cloned()),
                                None => out.push(t.clone()),
                            },
                            _ => out.push(t.clone()),
                        }
                    }
                    i = next;
                }
            }
        }
        if changed {
            self.expand(out, depth + 1)
        } else {
            Ok(out)
        }
    }
}

/// The comma-separated arguments of a macro call starting after its `(`, and the index after its `)`.
fn macro_args(toks: &[Tok], mut i: usize) -> Result<(Vec<Vec<Tok>>, usize), String> {
    let mut args = vec![Vec::new()];
    let mut depth = 0;
    while i < toks.len() {
        match &toks[i] {
            Tok::Punct(")") if depth == 0 => return Ok((args, i + 1)),
            Tok::Punct(",") if depth == 0 => args.push(Vec::new()),
            t => {
                match t {
                    Tok::Punct("(") => depth += 1,
                    Tok::Punct(")") => depth -= 1,
                    _ => {}
                }
                args.last_mut().unwrap().push(t.clone());
            }
        }
        i += 1;
    }
    Err("macro call: missing )".into())
}

// ---- statements ----

struct Parser<'a> {
    cfg: &'a Config<'a>,
    file: File,
    errors: Vec<String>,
    pending_labels: Vec<(u32, String)>,
}

impl Parser<'_> {
    fn stmt(&mut self, line: u32, mut toks: &[Tok]) -> Result<(), String> {
        while let [Tok::Ident(l), Tok::Punct(":"), rest @ ..] = toks {
            self.pending_labels.push((line, l.clone()));
            toks = rest;
        }
        let Some((Tok::Ident(op), rest)) = toks.split_first() else {
            return if toks.is_empty() { Ok(()) } else { Err("expected an instruction".into()) };
        };
        let op = op.clone();
        let mut args: Vec<&[Tok]> = split_commas(rest);
        if args.len() == 1 && args[0].is_empty() {
            args.clear();
        }
        match op.as_str() {
            "TEXT" => {
                let [sym, more @ ..] = args.as_slice() else { return Err("TEXT needs a symbol".into()) };
                let sym = self.static_sym(sym)?;
                let (flags, frame) = match more {
                    [frame] => (0, *frame),
                    [flags, frame] => (self.expr_all(flags)?, *frame),
                    _ => return Err("TEXT: expected sym(SB), [flags,] $frame[-args]".into()),
                };
                let (frame, args) = frame_spec(self, frame)?;
                self.flush_labels();
                self.file.items.push(Item::Text(Text { sym, line, flags, frame, args, body: Vec::new() }));
            }
            "GLOBL" => {
                let (sym, flags, size) = match args.as_slice() {
                    [sym, size] => (sym, 0, size),
                    [sym, flags, size] => (sym, self.expr_all(flags)?, size),
                    _ => return Err("GLOBL: expected sym(SB), [flags,] $size".into()),
                };
                let sym = self.static_sym(sym)?;
                let size = match self.operand(size)? {
                    Operand::Imm(v) => v,
                    _ => return Err("GLOBL: the size must be $constant".into()),
                };
                self.file.items.push(Item::Globl(Globl { sym, line, flags, size }));
            }
            "DATA" => {
                let [target, value] = args.as_slice() else {
                    return Err("DATA: expected sym+off(SB)/width, $value".into());
                };
                let slash = target.iter().rposition(|t| *t == Tok::Punct("/")).ok_or("DATA: missing /width")?;
                let width = self.expr_all(&target[slash + 1..])?;
                let Operand::Mem(Mem { sym: Some(sym), off, base: Some(Base::Sb), index: None }) =
                    self.operand(&target[..slash])?
                else {
                    return Err("DATA: expected sym+off(SB)".into());
                };
                let value = self.operand(value)?;
                self.file.items.push(Item::Data(Data { sym, line, off, width, value }));
            }
            _ => {
                let args = args.iter().map(|a| self.operand(a)).collect::<Result<Vec<_>, _>>()?;
                let labels = self.pending_labels.drain(..).map(|l| l.1).collect();
                match self.file.items.last_mut() {
                    Some(Item::Text(t)) => t.body.push(Stmt { line, labels, op, args }),
                    _ => return Err(format!("{op} outside a TEXT block")),
                }
            }
        }
        Ok(())
    }

    /// Labels at the end of a function bind to its end.
    fn flush_labels(&mut self) {
        if self.pending_labels.is_empty() {
            return;
        }
        let line = self.pending_labels[0].0;
        let labels = self.pending_labels.drain(..).map(|l| l.1).collect();
        if let Some(Item::Text(t)) = self.file.items.last_mut() {
            t.body.push(Stmt { line, labels, op: String::new(), args: Vec::new() });
        }
    }

    fn static_sym(&self, toks: &[Tok]) -> Result<String, String> {
        match self.operand(toks)? {
            Operand::Mem(Mem { sym: Some(s), off: 0, base: Some(Base::Sb), index: None }) => Ok(s),
            _ => Err("expected sym(SB)".into()),
        }
    }

    fn expr_all(&self, toks: &[Tok]) -> Result<i64, String> {
        let toks = toks.strip_prefix(&[Tok::Punct("$")]).unwrap_or(toks);
        let mut e = Expr { toks, i: 0 };
        let v = e.expr()?;
        if e.i != toks.len() {
            return Err("unexpected tokens after expression".into());
        }
        Ok(v)
    }

    /// The symbol's link name: `·x` → `pkg.x`, `a∕b·x` → `a/b.x`, `x<>` → private to this file.
    fn sym_name(&self, raw: &str, private: bool) -> String {
        let full = match raw.find('·') {
            Some(0) => format!("{}.{}", self.cfg.pkg, &raw['·'.len_utf8()..]),
            Some(_) => raw.replace('·', ".").replace('∕', "/"),
            None => raw.to_string(),
        };
        if private && !raw.contains('·') {
            format!("{}.{raw}<>.{}", self.cfg.pkg, self.cfg.file_no)
        } else if private {
            format!("{full}<>.{}", self.cfg.file_no)
        } else {
            full
        }
    }

    fn operand(&self, toks: &[Tok]) -> Result<Operand, String> {
        match toks {
            [] => Err("missing operand".into()),
            [Tok::Punct("$"), Tok::Str(s)] => Ok(Operand::Str(s.clone())),
            [Tok::Punct("$"), Tok::Float(f)] => Ok(Operand::Float(*f)),
            [Tok::Punct("$"), Tok::Punct("-"), Tok::Float(f)] => Ok(Operand::Float(-*f)),
            [Tok::Punct("$"), Tok::Punct("("), Tok::Punct("-"), Tok::Float(f), Tok::Punct(")")] => {
                Ok(Operand::Float(-*f))
            }
            [Tok::Punct("$"), rest @ ..] => match self.mem(rest)? {
                Some(m) => Ok(Operand::Addr(m)),
                None => self.expr_all(rest).map(Operand::Imm),
            },
            [Tok::Ident(r)] if (self.cfg.is_reg)(r) => Ok(Operand::Reg(r.clone())),
            [Tok::Ident(l)] => Ok(Operand::Label(l.clone())),
            _ => match self.mem(toks)? {
                Some(m) => Ok(Operand::Mem(m)),
                None => Err("expected a memory operand".into()),
            },
        }
    }

    /// `[sym[<>]][±off](BASE)[(IDX*scale)]`, or `None` when `toks` has no `(base)` and no symbol (a
    /// plain expression).
    fn mem(&self, toks: &[Tok]) -> Result<Option<Mem>, String> {
        let mut i = 0;
        let mut sym = None;
        if let Some(Tok::Ident(s)) = toks.first() {
            if !(self.cfg.is_reg)(s) && !matches!(s.as_str(), "FP" | "SB" | "SP" | "PC") {
                let private = toks.get(1) == Some(&Tok::Punct("<>"));
                sym = Some((s.clone(), private));
                i = if private { 2 } else { 1 };
            }
        }
        // The offset runs up to the `(` that opens the base register.
        let base_at = (i..toks.len()).find(|&k| toks[k] == Tok::Punct("(") && self.is_base_paren(&toks[k..]));
        let off_toks = &toks[i..base_at.unwrap_or(toks.len())];
        let off = if off_toks.is_empty() { 0 } else { self.expr_all(off_toks)? };
        let Some(b) = base_at else {
            return match sym {
                None => Ok(None),
                // A symbol without a base: branch targets and `$sym` need SB.
                Some((s, _)) => Err(format!("{s}: expected (SB), (FP), (SP) or a register after the symbol")),
            };
        };
        let Some(Tok::Ident(base)) = toks.get(b + 1) else { return Err("expected a base register".into()) };
        if toks.get(b + 2) != Some(&Tok::Punct(")")) {
            return Err("expected ) after the base register".into());
        }
        let base = match base.as_str() {
            "FP" => Base::Fp,
            "SB" => Base::Sb,
            "PC" => Base::Pc,
            "SP" => Base::Sp,
            r => Base::Reg(r.to_string()),
        };
        let mut k = b + 3;
        let mut index = None;
        if toks.get(k) == Some(&Tok::Punct("(")) {
            let (Some(Tok::Ident(r)), Some(Tok::Punct("*")), Some(Tok::Int(s)), Some(Tok::Punct(")"))) =
                (toks.get(k + 1), toks.get(k + 2), toks.get(k + 3), toks.get(k + 4))
            else {
                return Err("expected (REG*scale)".into());
            };
            if !matches!(s, 1 | 2 | 4 | 8) {
                return Err(format!("bad scale {s}"));
            }
            index = Some((r.clone(), *s as u8));
            k += 5;
        }
        if k != toks.len() {
            return Err("unexpected tokens after a memory operand".into());
        }
        let sym = match (sym, &base) {
            (Some((s, private)), Base::Sb) => Some(self.sym_name(&s, private)),
            (Some((s, _)), _) => Some(s),
            (None, _) => None,
        };
        Ok(Some(Mem { sym, off, base: Some(base), index }))
    }

    /// Whether `toks` (starting at a `(`) is `(REG)` or `(FP)`... rather than a parenthesized expression.
    fn is_base_paren(&self, toks: &[Tok]) -> bool {
        match (toks.get(1), toks.get(2)) {
            (Some(Tok::Ident(r)), Some(Tok::Punct(")"))) => {
                (self.cfg.is_reg)(r) || matches!(r.as_str(), "FP" | "SB" | "SP" | "PC")
            }
            _ => false,
        }
    }
}

/// `$frame` or `$frame-args` of a TEXT directive.
fn frame_spec(p: &Parser, toks: &[Tok]) -> Result<(i64, Option<i64>), String> {
    let toks = toks.strip_prefix(&[Tok::Punct("$")]).ok_or("TEXT: the frame size must be $N or $N-M")?;
    // `$-4` (a frame of -4: no frame at all on some targets) has a leading minus; the `-` before the
    // argument size is the last one at depth 0.
    let mut depth = 0;
    let mut split = None;
    for (k, t) in toks.iter().enumerate() {
        match t {
            Tok::Punct("(") => depth += 1,
            Tok::Punct(")") => depth -= 1,
            Tok::Punct("-") if depth == 0 && k > 0 => split = Some(k),
            _ => {}
        }
    }
    match split {
        Some(k) => Ok((p.expr_all(&toks[..k])?, Some(p.expr_all(&toks[k + 1..])?))),
        None => Ok((p.expr_all(toks)?, None)),
    }
}

fn split_commas(toks: &[Tok]) -> Vec<&[Tok]> {
    let mut out = Vec::new();
    let mut depth = 0;
    let mut start = 0;
    for (k, t) in toks.iter().enumerate() {
        match t {
            Tok::Punct("(") => depth += 1,
            Tok::Punct(")") => depth -= 1,
            Tok::Punct(",") if depth == 0 => {
                out.push(&toks[start..k]);
                start = k + 1;
            }
            _ => {}
        }
    }
    out.push(&toks[start..]);
    out
}

/// Constant expressions with Go's precedence: `* / % << >> &` bind tighter than `+ - | ^`.
struct Expr<'t> {
    toks: &'t [Tok],
    i: usize,
}

impl Expr<'_> {
    fn peek(&self) -> Option<&Tok> {
        self.toks.get(self.i)
    }

    fn expr(&mut self) -> Result<i64, String> {
        let mut v = self.term()?;
        while let Some(Tok::Punct(op @ ("+" | "-" | "|" | "^"))) = self.peek() {
            let op = *op;
            self.i += 1;
            let r = self.term()?;
            v = match op {
                "+" => v.wrapping_add(r),
                "-" => v.wrapping_sub(r),
                "|" => v | r,
                _ => v ^ r,
            };
        }
        Ok(v)
    }

    fn term(&mut self) -> Result<i64, String> {
        let mut v = self.unary()?;
        while let Some(Tok::Punct(op @ ("*" | "/" | "%" | "<<" | ">>" | "&"))) = self.peek() {
            let op = *op;
            self.i += 1;
            let r = self.unary()?;
            v = match op {
                "*" => v.wrapping_mul(r),
                "/" | "%" if r == 0 => return Err("division by zero".into()),
                "/" => v.wrapping_div(r),
                "%" => v.wrapping_rem(r),
                "<<" => v.wrapping_shl(r as u32),
                ">>" => ((v as u64) >> (r as u32 & 63)) as i64,
                _ => v & r,
            };
        }
        Ok(v)
    }

    fn unary(&mut self) -> Result<i64, String> {
        let t = self.peek().cloned().ok_or("missing expression")?;
        self.i += 1;
        match t {
            Tok::Punct("-") => Ok(self.unary()?.wrapping_neg()),
            Tok::Punct("+") => self.unary(),
            Tok::Punct("~") => Ok(!self.unary()?),
            Tok::Punct("(") => {
                let v = self.expr()?;
                if self.peek() != Some(&Tok::Punct(")")) {
                    return Err("expected )".into());
                }
                self.i += 1;
                Ok(v)
            }
            Tok::Int(v) => Ok(v),
            Tok::Ident(id) => Err(format!("undefined name {id} in an expression")),
            t => Err(format!("unexpected {t:?} in an expression")),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn is_reg(s: &str) -> bool {
        matches!(s, "AX" | "BX" | "CX" | "DX" | "R8" | "X0")
    }

    fn read_str(src: &str) -> Result<File, Vec<String>> {
        let cfg = Config { pkg: "p", file_no: 0, predefined: &[("GOARCH_amd64", "")], include_dirs: &[], is_reg };
        read("x.s", Path::new("."), src, &cfg)
    }

    #[test]
    fn text_operands_and_macros() {
        let f = read_str(
            "#define NOSPLIT 4\n#define LOAD(off, r) MOVQ off(SP), r\n\
             // a comment\nTEXT ·f(SB), NOSPLIT, $16-24 /* block */\n\
             loop: LOAD(8, AX); ADDQ $(1<<3), AX\n\
             MOVQ x+8(FP), BX\n MOVQ tab<>+8(SB)(CX*8), DX\n LEAQ runtime·g(SB), R8\n JLT loop\n RET\n",
        )
        .unwrap();
        let Item::Text(t) = &f.items[0] else { panic!() };
        assert_eq!((t.sym.as_str(), t.flags, t.frame, t.args), ("p.f", 4, 16, Some(24)));
        assert_eq!(t.body[0].labels, vec!["loop".to_string()]);
        assert_eq!(t.body[0].op, "MOVQ");
        let m = |sym: Option<&str>, off, base, index| Mem { sym: sym.map(str::to_string), off, base, index };
        assert_eq!(t.body[0].args[0], Operand::Mem(m(None, 8, Some(Base::Sp), None)));
        assert_eq!(t.body[1].args[0], Operand::Imm(8));
        assert_eq!(t.body[2].args[0], Operand::Mem(m(Some("x"), 8, Some(Base::Fp), None)));
        assert_eq!(t.body[3].args[0], Operand::Mem(m(Some("p.tab<>.0"), 8, Some(Base::Sb), Some(("CX".into(), 8)))));
        assert_eq!(t.body[4].args[0], Operand::Mem(m(Some("runtime.g"), 0, Some(Base::Sb), None)));
        assert_eq!(t.body[5].args[0], Operand::Label("loop".into()));
        assert_eq!(t.body.len(), 7);
    }

    #[test]
    fn data_globl_and_conditionals() {
        let f = read_str(
            "#ifdef GOARCH_amd64\nDATA ·k+0(SB)/8, $0x10\n#else\nDATA ·k+0(SB)/8, $1\n#endif\n\
             DATA ·s<>+8(SB)/4, $\"ab\\n\"\nGLOBL ·k(SB), 8, $16\n",
        )
        .unwrap();
        assert_eq!(f.items.len(), 3);
        let Item::Data(d) = &f.items[0] else { panic!() };
        assert_eq!((d.sym.as_str(), d.off, d.width, &d.value), ("p.k", 0, 8, &Operand::Imm(16)));
        let Item::Data(d) = &f.items[1] else { panic!() };
        assert_eq!(d.value, Operand::Str(b"ab\n".to_vec()));
        let Item::Globl(g) = &f.items[2] else { panic!() };
        assert_eq!((g.flags, g.size), (8, 16));
    }

    #[test]
    fn errors_carry_file_and_line() {
        let e = read_str("TEXT ·f(SB), $0\n MOVQ $(1+, AX\n#bogus\n").unwrap_err();
        assert!(e[0].starts_with("x.s:3: unsupported directive #bogus"), "{e:?}");
        assert!(e[1].starts_with("x.s:2: "), "{e:?}");
        assert!(read_str("MOVQ AX, BX\n").unwrap_err()[0].contains("outside a TEXT block"));
    }
}
