//! The scanner: source text → tokens (Go spec "Lexical elements"), with automatic semicolon insertion
//! (Go spec "Semicolons").
//!
//! In: one source file's text. Out: one token per call of [`Scanner::next`], held in the scanner's public
//! fields (`tok`, `pos`, `lit`, `kind`, `op`, `prec`), lexical errors in `errors` (gc's wording, at gc's
//! positions), and every comment's extent in `comments` (the parser reads `//go:` directives and build
//! constraints from them).
//!
//! Invariants: the scanner never fails; a malformed literal still becomes a `Literal` token (with `bad`
//! set) after its error is recorded, and an invalid character is reported and skipped. After a line's final
//! token is an identifier, a literal, one of the keywords `break continue fallthrough return`, one of
//! `++ -- ) ] }`, a newline (or EOF, or a general comment that spans lines) becomes a `Semi` token whose `lit`
//! is `"newline"` (or `"EOF"`); a written `;` has `lit` `"semicolon"`. A byte order mark is skipped at the
//! start of the file and reported anywhere else.
//!
//! The structure follows gc's `cmd/compile/internal/syntax/scanner.go`, so that its error messages and
//! positions can be compared line by line.

use super::ast::LitKind;
use super::pos::{Error, FileId, FileSet, Pos};
use super::token::{keyword, Operator, Tok, PREC_ADD, PREC_ANDAND, PREC_CMP, PREC_MUL, PREC_OROR};

/// A comment's extent: `start..end` are byte offsets in the file (`//` or `/*` included; a line comment
/// ends before its newline).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Comment {
    pub start: u32,
    pub end: u32,
}

pub struct Scanner<'a> {
    src: &'a str,
    bytes: &'a [u8],
    /// The file's base in its `FileSet`: `Pos(base + offset)`.
    base: u32,

    // The current character: `ch` (-1 at EOF) at byte offset `off`, `chw` bytes wide.
    ch: i32,
    off: usize,
    chw: usize,
    /// Set when a newline or EOF must become a semicolon.
    nlsemi: bool,
    /// Byte offset of the current token's first byte.
    start: usize,

    // The current token, valid after `next`.
    pub tok: Tok,
    pub pos: Pos,
    /// Byte offset of the current token in the file.
    pub offset: u32,
    /// Name text, literal source text, or for `Semi` one of `semicolon`, `newline`, `EOF`.
    pub lit: String,
    /// For `Literal`: its kind and whether it is malformed (an error was reported).
    pub kind: LitKind,
    pub bad: bool,
    /// For `Operator`, `AssignOp`, `IncOp` and `Star`: the operator and its binary precedence.
    pub op: Operator,
    pub prec: u8,

    pub errors: Vec<Error>,
    pub comments: Vec<Comment>,
}

impl<'a> Scanner<'a> {
    pub fn new(src: &'a str, base: u32) -> Scanner<'a> {
        let mut s = Scanner {
            src,
            bytes: src.as_bytes(),
            base,
            ch: ' ' as i32,
            off: 0,
            chw: 0,
            nlsemi: false,
            start: 0,
            tok: Tok::EOF,
            pos: Pos(base),
            offset: 0,
            lit: String::new(),
            kind: LitKind::Int,
            bad: false,
            op: Operator::None,
            prec: 0,
            errors: Vec::new(),
            comments: Vec::new(),
        };
        s.nextch();
        s
    }

    /// The source text of the current token (valid for every token but `Semi` and `EOF`).
    pub fn text(&self) -> &'a str {
        &self.src[self.start..self.off]
    }

    fn pos_at(&self, off: usize) -> Pos {
        Pos(self.base + off as u32)
    }

    /// Reports an error at the current character.
    fn error(&mut self, msg: String) {
        let p = self.pos_at(self.off);
        self.errors.push(Error::new(p, msg));
    }

    /// Reports an error `n` bytes after the start of the current token.
    fn error_at(&mut self, n: usize, msg: String) {
        let p = self.pos_at(self.start + n);
        self.errors.push(Error::new(p, msg));
    }

    /// Advances to the next character (source.go `nextch`): reports NUL characters and misplaced byte order
    /// marks and skips them.
    fn nextch(&mut self) {
        loop {
            self.off += self.chw;
            if self.off >= self.bytes.len() {
                self.off = self.bytes.len();
                self.ch = -1;
                self.chw = 0;
                return;
            }
            let b = self.bytes[self.off];
            if b < 0x80 {
                self.ch = b as i32;
                self.chw = 1;
                if b == 0 {
                    self.error("invalid NUL character".into());
                    continue;
                }
                return;
            }
            let c = self.src[self.off..].chars().next().unwrap_or('\u{FFFD}');
            self.ch = c as i32;
            self.chw = c.len_utf8();
            if c == '\u{FEFF}' {
                if self.off > 0 {
                    self.error("invalid BOM in the middle of the file".into());
                }
                continue;
            }
            return;
        }
    }

    fn at(&self, c: u8) -> bool {
        self.ch == c as i32
    }

    fn set_op(&mut self, tok: Tok, op: Operator, prec: u8) {
        self.tok = tok;
        self.op = op;
        self.prec = prec;
    }

    /// After an operator character: `op=` becomes `AssignOp`, otherwise `Operator`.
    fn assign_op(&mut self, op: Operator, prec: u8) {
        if self.at(b'=') {
            self.nextch();
            self.set_op(Tok::AssignOp, op, prec);
        } else {
            self.set_op(Tok::Operator, op, prec);
        }
    }

    /// Scans the next token.
    pub fn next(&mut self) {
        let nlsemi = self.nlsemi;
        self.nlsemi = false;
        loop {
            // Skip white space; a newline is white space unless it ends a statement.
            while self.at(b' ') || self.at(b'\t') || self.at(b'\r') || (self.at(b'\n') && !nlsemi) {
                self.nextch();
            }
            self.start = self.off;
            self.offset = self.off as u32;
            self.pos = self.pos_at(self.off);
            self.bad = false;

            let ch = self.ch;
            if is_letter(ch) || (ch >= 0x80 && self.at_ident_char(true)) {
                self.nextch();
                self.ident();
                return;
            }
            match ch {
                -1 => {
                    if nlsemi {
                        self.semi("EOF");
                    } else {
                        self.tok = Tok::EOF;
                    }
                }
                0x0A => {
                    self.nextch();
                    self.semi("newline");
                }
                0x30..=0x39 => self.number(false),
                0x22 => self.std_string(),
                0x60 => self.raw_string(),
                0x27 => self.rune(),
                0x28 => self.simple(Tok::Lparen),
                0x5B => self.simple(Tok::Lbrack),
                0x7B => self.simple(Tok::Lbrace),
                0x2C => self.simple(Tok::Comma),
                0x3B => {
                    self.nextch();
                    self.semi("semicolon");
                }
                0x29 => {
                    self.simple(Tok::Rparen);
                    self.nlsemi = true;
                }
                0x5D => {
                    self.simple(Tok::Rbrack);
                    self.nlsemi = true;
                }
                0x7D => {
                    self.simple(Tok::Rbrace);
                    self.nlsemi = true;
                }
                0x3A => {
                    self.nextch();
                    if self.at(b'=') {
                        self.nextch();
                        self.tok = Tok::Define;
                    } else {
                        self.tok = Tok::Colon;
                    }
                }
                0x2E => {
                    self.nextch();
                    if is_decimal(self.ch) {
                        self.number(true);
                    } else if self.at(b'.') && self.bytes.get(self.off + 1) == Some(&b'.') {
                        self.nextch();
                        self.nextch();
                        self.tok = Tok::DotDotDot;
                    } else {
                        self.tok = Tok::Dot;
                    }
                }
                0x2B | 0x2D => {
                    let op = if ch == 0x2B { Operator::Add } else { Operator::Sub };
                    self.nextch();
                    if self.ch == ch {
                        self.nextch();
                        self.nlsemi = true;
                        self.set_op(Tok::IncOp, op, PREC_ADD);
                    } else {
                        self.assign_op(op, PREC_ADD);
                    }
                }
                0x2A => {
                    self.nextch();
                    if self.at(b'=') {
                        self.nextch();
                        self.set_op(Tok::AssignOp, Operator::Mul, PREC_MUL);
                    } else {
                        self.set_op(Tok::Star, Operator::Mul, PREC_MUL);
                    }
                }
                0x2F => {
                    self.nextch();
                    if self.at(b'/') {
                        self.nextch();
                        self.line_comment();
                        continue;
                    }
                    if self.at(b'*') {
                        self.nextch();
                        let spans_lines = self.full_comment();
                        if spans_lines && nlsemi {
                            // A general comment containing a newline acts like a newline.
                            self.semi("newline");
                            return;
                        }
                        continue;
                    }
                    self.assign_op(Operator::Div, PREC_MUL);
                }
                0x25 => {
                    self.nextch();
                    self.assign_op(Operator::Rem, PREC_MUL);
                }
                0x26 => {
                    self.nextch();
                    if self.at(b'&') {
                        self.nextch();
                        self.set_op(Tok::Operator, Operator::AndAnd, PREC_ANDAND);
                    } else if self.at(b'^') {
                        self.nextch();
                        self.assign_op(Operator::AndNot, PREC_MUL);
                    } else {
                        self.assign_op(Operator::And, PREC_MUL);
                    }
                }
                0x7C => {
                    self.nextch();
                    if self.at(b'|') {
                        self.nextch();
                        self.set_op(Tok::Operator, Operator::OrOr, PREC_OROR);
                    } else {
                        self.assign_op(Operator::Or, PREC_ADD);
                    }
                }
                0x5E => {
                    self.nextch();
                    self.assign_op(Operator::Xor, PREC_ADD);
                }
                0x3C => {
                    self.nextch();
                    if self.at(b'=') {
                        self.nextch();
                        self.set_op(Tok::Operator, Operator::Leq, PREC_CMP);
                    } else if self.at(b'<') {
                        self.nextch();
                        self.assign_op(Operator::Shl, PREC_MUL);
                    } else if self.at(b'-') {
                        self.nextch();
                        self.set_op(Tok::Arrow, Operator::Recv, 0);
                    } else {
                        self.set_op(Tok::Operator, Operator::Lss, PREC_CMP);
                    }
                }
                0x3E => {
                    self.nextch();
                    if self.at(b'=') {
                        self.nextch();
                        self.set_op(Tok::Operator, Operator::Geq, PREC_CMP);
                    } else if self.at(b'>') {
                        self.nextch();
                        self.assign_op(Operator::Shr, PREC_MUL);
                    } else {
                        self.set_op(Tok::Operator, Operator::Gtr, PREC_CMP);
                    }
                }
                0x3D => {
                    self.nextch();
                    if self.at(b'=') {
                        self.nextch();
                        self.set_op(Tok::Operator, Operator::Eql, PREC_CMP);
                    } else {
                        self.tok = Tok::Assign;
                    }
                }
                0x21 => {
                    self.nextch();
                    if self.at(b'=') {
                        self.nextch();
                        self.set_op(Tok::Operator, Operator::Neq, PREC_CMP);
                    } else {
                        self.set_op(Tok::Operator, Operator::Not, 0);
                    }
                }
                0x7E => {
                    self.nextch();
                    self.set_op(Tok::Operator, Operator::Tilde, 0);
                }
                _ => {
                    let msg = format!("invalid character {}", fmt_u(ch as u32));
                    self.error(msg);
                    self.nextch();
                    continue;
                }
            }
            return;
        }
    }

    fn simple(&mut self, tok: Tok) {
        self.nextch();
        self.tok = tok;
    }

    fn semi(&mut self, lit: &str) {
        self.tok = Tok::Semi;
        self.lit.clear();
        self.lit.push_str(lit);
    }

    // identifier = letter { letter | unicode_digit } .
    fn ident(&mut self) {
        while is_letter(self.ch) || is_decimal(self.ch) {
            self.nextch();
        }
        if self.ch >= 0x80 {
            while self.at_ident_char(false) {
                self.nextch();
            }
        }
        let text = &self.src[self.start..self.off];
        if text.len() >= 2 {
            if let Some(kw) = keyword(text) {
                self.nlsemi = matches!(kw, Tok::Break | Tok::Continue | Tok::Fallthrough | Tok::Return);
                self.tok = kw;
                return;
            }
        }
        self.nlsemi = true;
        self.lit.clear();
        self.lit.push_str(text);
        self.tok = Tok::Name;
    }

    /// Whether the current (non-ASCII or ASCII) character may continue an identifier; reports the characters
    /// gc reports and accepts them anyway.
    fn at_ident_char(&mut self, first: bool) -> bool {
        if self.ch < 0 {
            return false;
        }
        let c = char::from_u32(self.ch as u32).unwrap_or('\u{FFFD}');
        if c.is_alphabetic() || c == '_' {
            return true;
        }
        if is_unicode_digit(c) {
            if first {
                self.error(format!("identifier cannot begin with digit {}", fmt_u(c as u32)));
            }
            return true;
        }
        if self.ch >= 0x80 {
            self.error(format!("invalid character {} in identifier", fmt_u(c as u32)));
            return true;
        }
        false
    }

    /// digits accepts `{ digit | "_" }`; for bases up to 10 it accepts every decimal digit but records in
    /// `invalid` the offset of the first digit not valid in `base`. Returns bit 0: a digit was seen, bit 1: a
    /// separator was seen.
    fn digits(&mut self, base: u32, invalid: &mut Option<usize>) -> u32 {
        let mut digsep = 0;
        if base <= 10 {
            let max = b'0' as i32 + base as i32;
            while is_decimal(self.ch) || self.at(b'_') {
                let mut ds = 1;
                if self.at(b'_') {
                    ds = 2;
                } else if self.ch >= max && invalid.is_none() {
                    *invalid = Some(self.off - self.start);
                }
                digsep |= ds;
                self.nextch();
            }
        } else {
            while is_hex(self.ch) || self.at(b'_') {
                digsep |= if self.at(b'_') { 2 } else { 1 };
                self.nextch();
            }
        }
        digsep
    }

    // int_lit, float_lit and imaginary_lit (Go spec "Integer literals", "Floating-point literals").
    fn number(&mut self, mut seen_point: bool) {
        let mut ok = true;
        let mut kind = LitKind::Int;
        let mut base = 10;
        let mut prefix = 0u8; // 0 (decimal), b'0' (0-octal), b'x', b'o' or b'b'
        let mut digsep = 0;
        let mut invalid = None;

        if !seen_point {
            if self.at(b'0') {
                self.nextch();
                match lower(self.ch) {
                    0x78 => {
                        self.nextch();
                        base = 16;
                        prefix = b'x';
                    }
                    0x6F => {
                        self.nextch();
                        base = 8;
                        prefix = b'o';
                    }
                    0x62 => {
                        self.nextch();
                        base = 2;
                        prefix = b'b';
                    }
                    _ => {
                        base = 8;
                        prefix = b'0';
                        digsep = 1; // the leading 0
                    }
                }
            }
            digsep |= self.digits(base, &mut invalid);
            if self.at(b'.') {
                if prefix == b'o' || prefix == b'b' {
                    self.error(format!("invalid radix point in {} literal", base_name(base)));
                    ok = false;
                }
                self.nextch();
                seen_point = true;
            }
        }

        if seen_point {
            kind = LitKind::Float;
            digsep |= self.digits(base, &mut invalid);
        }

        if digsep & 1 == 0 && ok {
            self.error(format!("{} literal has no digits", base_name(base)));
            ok = false;
        }

        let e = lower(self.ch);
        if e == 'e' as i32 || e == 'p' as i32 {
            if ok {
                if e == 'e' as i32 && prefix != 0 && prefix != b'0' {
                    self.error(format!("{} exponent requires decimal mantissa", quote_rune(self.ch as u32)));
                    ok = false;
                } else if e == 'p' as i32 && prefix != b'x' {
                    self.error(format!("{} exponent requires hexadecimal mantissa", quote_rune(self.ch as u32)));
                    ok = false;
                }
            }
            self.nextch();
            kind = LitKind::Float;
            if self.at(b'+') || self.at(b'-') {
                self.nextch();
            }
            let mut none = None;
            digsep = self.digits(10, &mut none) | (digsep & 2);
            if digsep & 1 == 0 && ok {
                self.error("exponent has no digits".into());
                ok = false;
            }
        } else if prefix == b'x' && kind == LitKind::Float && ok {
            self.error("hexadecimal mantissa requires a 'p' exponent".into());
            ok = false;
        }

        if self.at(b'i') {
            kind = LitKind::Imag;
            self.nextch();
        }

        self.set_lit(kind, ok);
        let lit_len = self.off - self.start;

        if kind == LitKind::Int && ok {
            if let Some(i) = invalid {
                let d = self.bytes[self.start + i];
                self.error_at(i, format!("invalid digit {} in {} literal", quote_rune(d as u32), base_name(base)));
                ok = false;
            }
        }
        if digsep & 2 != 0 && ok {
            if let Some(i) = invalid_sep(&self.bytes[self.start..self.start + lit_len]) {
                self.error_at(i, "'_' must separate successive digits".into());
                ok = false;
            }
        }
        self.bad = !ok;
    }

    fn set_lit(&mut self, kind: LitKind, ok: bool) {
        self.nlsemi = true;
        self.tok = Tok::Literal;
        self.lit.clear();
        self.lit.push_str(&self.src[self.start..self.off]);
        self.bad = !ok;
        self.kind = kind;
    }

    // rune_lit = "'" ( unicode_value | byte_value ) "'" .
    fn rune(&mut self) {
        let mut ok = true;
        self.nextch();
        let mut n = 0;
        loop {
            if self.at(b'\'') {
                if ok {
                    if n == 0 {
                        self.error("empty rune literal or unescaped '".into());
                        ok = false;
                    } else if n != 1 {
                        self.error_at(0, "more than one character in rune literal".into());
                        ok = false;
                    }
                }
                self.nextch();
                break;
            }
            if self.at(b'\\') {
                self.nextch();
                if !self.escape(b'\'') {
                    ok = false;
                }
                n += 1;
                continue;
            }
            if self.at(b'\n') {
                if ok {
                    self.error("newline in rune literal".into());
                    ok = false;
                }
                break;
            }
            if self.ch < 0 {
                if ok {
                    self.error_at(0, "rune literal not terminated".into());
                    ok = false;
                }
                break;
            }
            self.nextch();
            n += 1;
        }
        self.set_lit(LitKind::Char, ok);
    }

    // interpreted_string_lit = `"` { unicode_value | byte_value } `"` .
    fn std_string(&mut self) {
        let mut ok = true;
        self.nextch();
        loop {
            if self.at(b'"') {
                self.nextch();
                break;
            }
            if self.at(b'\\') {
                self.nextch();
                if !self.escape(b'"') {
                    ok = false;
                }
                continue;
            }
            if self.at(b'\n') {
                self.error("newline in string".into());
                ok = false;
                break;
            }
            if self.ch < 0 {
                self.error_at(0, "string not terminated".into());
                ok = false;
                break;
            }
            self.nextch();
        }
        self.set_lit(LitKind::String, ok);
    }

    // raw_string_lit = "`" { unicode_char | newline } "`" .
    fn raw_string(&mut self) {
        let mut ok = true;
        self.nextch();
        loop {
            if self.at(b'`') {
                self.nextch();
                break;
            }
            if self.ch < 0 {
                self.error_at(0, "string not terminated".into());
                ok = false;
                break;
            }
            self.nextch();
        }
        // Carriage returns stay in the literal's text; they are dropped from its value.
        self.set_lit(LitKind::String, ok);
    }

    fn skip_line(&mut self) {
        while self.ch >= 0 && !self.at(b'\n') {
            self.nextch();
        }
    }

    // A line comment: `//` (already consumed) up to the end of the line (not consumed, it may be a
    // semicolon).
    fn line_comment(&mut self) {
        self.skip_line();
        self.comments.push(Comment { start: self.start as u32, end: self.off as u32 });
    }

    /// A general comment: `/*` (already consumed) up to `*/`. Returns whether it spans lines.
    fn full_comment(&mut self) -> bool {
        let mut newline = false;
        while self.ch >= 0 {
            while self.at(b'*') {
                self.nextch();
                if self.at(b'/') {
                    self.nextch();
                    self.comments.push(Comment { start: self.start as u32, end: self.off as u32 });
                    return newline;
                }
            }
            if self.at(b'\n') {
                newline = true;
            }
            self.nextch();
        }
        self.error_at(0, "comment not terminated".into());
        newline
    }

    /// An escape sequence after `\` (Go spec "Rune literals"); reports an invalid one and returns false.
    fn escape(&mut self, quote: u8) -> bool {
        let (n, base, max): (u32, u32, u32);
        match self.ch {
            c if c == quote as i32 => {
                self.nextch();
                return true;
            }
            0x61 | 0x62 | 0x66 | 0x6E | 0x72 | 0x74 | 0x76 | 0x5C => {
                self.nextch();
                return true;
            }
            0x30..=0x37 => {
                n = 3;
                base = 8;
                max = 255;
            }
            0x78 => {
                self.nextch();
                n = 2;
                base = 16;
                max = 255;
            }
            0x75 => {
                self.nextch();
                n = 4;
                base = 16;
                max = 0x10FFFF;
            }
            0x55 => {
                self.nextch();
                n = 8;
                base = 16;
                max = 0x10FFFF;
            }
            c => {
                if c < 0 {
                    return true; // the caller reports the missing terminator
                }
                self.error("unknown escape".into());
                return false;
            }
        }
        let mut x: u32 = 0;
        for _ in 0..n {
            if self.ch < 0 {
                return true;
            }
            let c = self.ch;
            let d = if is_decimal(c) {
                (c - '0' as i32) as u32
            } else if (0x61..=0x66).contains(&lower(c)) {
                (lower(c) - 0x61 + 10) as u32
            } else {
                base
            };
            if d >= base {
                let msg = format!("invalid character {} in {} escape", quote_rune(c as u32), base_name(base));
                self.error(msg);
                return false;
            }
            x = x.wrapping_mul(base).wrapping_add(d);
            self.nextch();
        }
        if x > max && base == 8 {
            self.error(format!("octal escape value {x} > 255"));
            return false;
        }
        if x > max || (0xD800..0xE000).contains(&x) {
            self.error(format!("escape is invalid Unicode code point {}", fmt_u(x)));
            return false;
        }
        true
    }
}

fn lower(ch: i32) -> i32 {
    ('a' as i32 - 'A' as i32) | ch
}

fn is_letter(ch: i32) -> bool {
    let l = lower(ch);
    ('a' as i32..='z' as i32).contains(&l) || ch == '_' as i32
}

fn is_decimal(ch: i32) -> bool {
    ('0' as i32..='9' as i32).contains(&ch)
}

fn is_hex(ch: i32) -> bool {
    is_decimal(ch) || ('a' as i32..='f' as i32).contains(&lower(ch))
}

/// unicode_digit (category Nd), approximated with Rust's `is_numeric` (which also admits Nl and No
/// characters; those are rare in identifiers and gc rejects them, so only the error message would differ).
fn is_unicode_digit(c: char) -> bool {
    c.is_numeric()
}

fn base_name(base: u32) -> &'static str {
    match base {
        2 => "binary",
        8 => "octal",
        10 => "decimal",
        _ => "hexadecimal",
    }
}

/// The offset of the first misplaced `_` in a number literal's text, if any.
fn invalid_sep(x: &[u8]) -> Option<usize> {
    let mut x1 = b' ';
    let mut d = b'.';
    let mut i = 0;
    if x.len() >= 2 && x[0] == b'0' {
        x1 = x[1] | 0x20;
        if x1 == b'x' || x1 == b'o' || x1 == b'b' {
            d = b'0';
            i = 2;
        }
    }
    while i < x.len() {
        let p = d;
        d = x[i];
        if d == b'_' {
            if p != b'0' {
                return Some(i);
            }
        } else if d.is_ascii_digit() || (x1 == b'x' && d.is_ascii_hexdigit()) {
            d = b'0';
        } else {
            if p == b'_' {
                return Some(i - 1);
            }
            d = b'.';
        }
        i += 1;
    }
    if d == b'_' {
        return Some(x.len() - 1);
    }
    None
}

/// Go's `%#U`: `U+0040 '@'`, without the quoted character when it is not printable.
pub fn fmt_u(x: u32) -> String {
    let mut s = format!("U+{x:04X}");
    if let Some(c) = char::from_u32(x) {
        if is_print(c) {
            s.push_str(&format!(" '{c}'"));
        }
    }
    s
}

/// Go's `%q` of a rune (strconv.QuoteRune).
pub fn quote_rune(x: u32) -> String {
    let c = match char::from_u32(x) {
        Some(c) => c,
        None => return "'\u{FFFD}'".to_string(),
    };
    let body = match c {
        '\x07' => "\\a".to_string(),
        '\x08' => "\\b".to_string(),
        '\x0C' => "\\f".to_string(),
        '\n' => "\\n".to_string(),
        '\r' => "\\r".to_string(),
        '\t' => "\\t".to_string(),
        '\x0B' => "\\v".to_string(),
        '\\' => "\\\\".to_string(),
        '\'' => "\\'".to_string(),
        c if is_print(c) => c.to_string(),
        c if (c as u32) < 0x80 => format!("\\x{:02x}", c as u32),
        c if (c as u32) < 0x10000 => format!("\\u{:04x}", c as u32),
        c => format!("\\U{:08x}", c as u32),
    };
    format!("'{body}'")
}

/// Approximates Go's `unicode.IsPrint`: graphic characters and the ASCII space.
fn is_print(c: char) -> bool {
    if c == ' ' {
        return true;
    }
    // Not printable: controls, spaces other than ' ', the BOM, private use areas, zero-width and
    // direction formatting characters.
    let format_or_private =
        matches!(c as u32, 0xFEFF | 0xE000..=0xF8FF | 0xF0000..=0x10FFFF | 0x200B..=0x200F | 0x2028..=0x202E);
    !(c.is_control() || c.is_whitespace() || format_or_private)
}

/// One scanned token, for `g1c dump tokens` and tests.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct TokenInfo {
    pub tok: Tok,
    pub pos: Pos,
    /// What the token looks like: its source text, or for an automatic semicolon `newline` / `EOF`.
    pub text: String,
    /// The literal kind, for `Literal` tokens.
    pub kind: Option<LitKind>,
}

/// Scans a whole file: every token up to and including `EOF`, and the lexical errors.
pub fn scan_file(fset: &FileSet, file: FileId) -> (Vec<TokenInfo>, Vec<Error>) {
    let f = fset.file(file);
    let mut s = Scanner::new(&f.src, f.base);
    let mut toks = Vec::new();
    loop {
        s.next();
        let text = match s.tok {
            Tok::Semi | Tok::Name | Tok::Literal => s.lit.clone(),
            Tok::EOF => String::new(),
            _ => s.text().to_string(),
        };
        let kind = if s.tok == Tok::Literal { Some(s.kind) } else { None };
        toks.push(TokenInfo { tok: s.tok, pos: s.pos, text, kind });
        if s.tok == Tok::EOF {
            break;
        }
    }
    (toks, std::mem::take(&mut s.errors))
}
