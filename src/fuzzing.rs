//! Mutation fuzzing of the front end: a deterministic mutator and the entry point every fuzzer calls.
//!
//! In: Go source files (normally from `$GOROOT/src` and `$GOROOT/test`) and a seed. Out: mutants — byte
//! strings that are almost Go — and, for each, how far the front end got with it (`frontend`).
//!
//! Invariants: the mutator is a pure function of its seed and inputs (a splitmix64 generator, no clocks, no
//! hashing with random state), so a CI run with a fixed seed tries the same inputs every time and a crash is
//! reproduced by its seed alone. `frontend` makes the same calls the driver makes (`parse_file` for every
//! file, `check_package`, then `lower` and `verify` when checking succeeded); it must return for every input —
//! a panic, a hang or unbounded memory use is a compiler bug. The harnesses around it (test/fuzz.rs for the
//! fixed-seed CI run and long local runs, fuzz/ for cargo-fuzz) add the big stack, time and memory limits.

use crate::ir;
use crate::syntax::ast::Ast;
use crate::syntax::parser;
use crate::syntax::pos::FileSet;
use crate::types;

/// How far the front end got with one input.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord)]
pub enum Reached {
    /// The parser reported errors.
    SyntaxError,
    /// The checker reported errors.
    TypeError,
    /// Lowering to IR reported errors (constructs it does not support yet).
    LowerError,
    /// Lowered and verified.
    Lowered,
}

/// Runs the front end on one file, as `g1c build` would. Bytes that are not UTF-8 are read with
/// replacement characters: the driver rejects such files before the scanner, but U+FFFD itself may occur
/// in any valid file. `Err` is an internal error that is not a panic (IR that fails verification).
pub fn frontend(src: &[u8]) -> Result<Reached, String> {
    let mut fset = FileSet::new();
    let id = fset.add("fuzz.go".into(), String::from_utf8_lossy(src).into_owned());
    let mut ast = Ast::default();
    let parse_errors = parser::parse_file(&fset, id, &mut ast);
    // As the driver: only a `syntax error` stops before type checking (see `driver::parse_errors_by_package`).
    if parse_errors.iter().any(|e| e.msg.starts_with("syntax error")) {
        return Ok(Reached::SyntaxError);
    }
    let checked = types::check::check_package(&fset, &ast, "main");
    if !parse_errors.is_empty() {
        return Ok(Reached::SyntaxError);
    }
    let Ok(prog) = checked else { return Ok(Reached::TypeError) };
    // `check_package` checks for linux/amd64; lowering follows it.
    let target = crate::target::Target::LINUX_AMD64;
    let Ok(module) = ir::lower::lower(&target, &fset, &ast, &prog) else { return Ok(Reached::LowerError) };
    ir::verify::verify(&target, &module).map_err(|e| format!("invalid IR: {e}"))?;
    Ok(Reached::Lowered)
}

/// The splitmix64 generator (Steele, Lea, Flood 2014): tiny, fast, and good enough to pick mutations.
pub struct Rng(u64);

impl Rng {
    pub fn new(seed: u64) -> Rng {
        Rng(seed)
    }

    pub fn next_u64(&mut self) -> u64 {
        self.0 = self.0.wrapping_add(0x9e37_79b9_7f4a_7c15);
        let mut z = self.0;
        z = (z ^ (z >> 30)).wrapping_mul(0xbf58_476d_1ce4_e5b9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94d0_49bb_1331_11eb);
        z ^ (z >> 31)
    }

    /// A number in `0..n` (`n > 0`).
    pub fn below(&mut self, n: usize) -> usize {
        (self.next_u64() % n as u64) as usize
    }

    /// True with probability `1/n`.
    pub fn one_in(&mut self, n: usize) -> bool {
        self.below(n) == 0
    }

    pub fn pick<'a, T>(&mut self, xs: &'a [T]) -> &'a T {
        &xs[self.below(xs.len())]
    }

    /// A length that is usually small: 1..=max with a bias towards short ranges (token-sized edits).
    fn len(&mut self, max: usize) -> usize {
        let cap = *self.pick(&[4, 16, 64, 512, max.max(1)]);
        1 + self.below(cap.min(max.max(1)))
    }
}

/// Tokens worth inserting: keywords, operators, brackets, odd literals and the characters scanners trip on.
const TOKENS: &[&str] = &[
    "break",
    "case",
    "chan",
    "const",
    "continue",
    "default",
    "defer",
    "else",
    "fallthrough",
    "for",
    "func",
    "go",
    "goto",
    "if",
    "import",
    "interface",
    "map",
    "package",
    "range",
    "return",
    "select",
    "struct",
    "switch",
    "type",
    "var",
    "(",
    ")",
    "[",
    "]",
    "{",
    "}",
    ",",
    ";",
    ":",
    ".",
    "...",
    "+",
    "-",
    "*",
    "/",
    "%",
    "&",
    "|",
    "^",
    "<<",
    ">>",
    "&^",
    "+=",
    "&^=",
    "<<=",
    "&&",
    "||",
    "<-",
    "++",
    "--",
    "==",
    "!=",
    "<",
    "<=",
    ">",
    ">=",
    "=",
    ":=",
    "!",
    "~",
    "_",
    "iota",
    "nil",
    "true",
    "len",
    "cap",
    "new",
    "make",
    "append",
    "copy",
    "delete",
    "panic",
    "recover",
    "print",
    "complex",
    "real",
    "unsafe.Sizeof",
    "any",
    "comparable",
    "error",
    "string",
    "int",
    "uint8",
    "float64",
    "complex128",
    "rune",
    "0",
    "1",
    "-1",
    "0x",
    "0b2",
    "0o",
    "08",
    "1_",
    "1__0",
    "0x1p",
    "1e",
    "1e+",
    "0x.p1",
    "1i",
    "0777i",
    "1.5e308",
    "1e1000000000",
    "0x1p-100000000",
    "1<<62",
    "1<<1000000",
    "1<<(1<<62)",
    "999999999999999999999999999999999999",
    "'",
    "'a",
    "'\\x'",
    "'\\u12'",
    "'\\400'",
    "''",
    "'ab'",
    "\"",
    "\"\\",
    "\"\\q\"",
    "`",
    "`\r`",
    "/*",
    "*/",
    "//",
    "/* x",
    "\n",
    "\r",
    "\t",
    " ",
    "\0",
    "\u{feff}",
    "\u{fffd}",
    "é",
    "世界",
    "\u{2028}",
    "[T any]",
    "[T ~int | string]",
    "[P interface{ *int }]",
    "chan<-",
    "<-chan",
    ".(type)",
    ".(int)",
    "x[1:2:3]",
    "[...]int{}",
    "struct{}{}",
    "map[string]int{}",
    "func(){}",
    "func() {}()",
    "goto L",
    "L:",
    "//go:build ignore\n",
    "//go:linkname x y\n",
    "//line x.go:1\n",
    "#",
    "$",
    "?",
    "@",
    "\\",
];

/// Runs 1 to 4 mutations on `src`; `other` is a second corpus file for splicing.
pub fn mutate(rng: &mut Rng, src: &[u8], other: &[u8]) -> Vec<u8> {
    let mut v = src.to_vec();
    for _ in 0..1 + rng.below(4) {
        mutate_once(rng, &mut v, other);
    }
    v
}

fn mutate_once(rng: &mut Rng, v: &mut Vec<u8>, other: &[u8]) {
    let n = v.len();
    match rng.below(14) {
        // Delete a byte range.
        0 if n > 0 => {
            let at = rng.below(n);
            let len = rng.len(n - at);
            v.drain(at..at + len);
        }
        // Duplicate a byte range somewhere else.
        1 if n > 0 => {
            let at = rng.below(n);
            let len = rng.len(n - at);
            let chunk = v[at..at + len].to_vec();
            let to = rng.below(n + 1);
            v.splice(to..to, chunk);
        }
        // Swap two byte ranges.
        2 if n > 1 => {
            let mut a = rng.below(n);
            let mut b = rng.below(n);
            if a > b {
                std::mem::swap(&mut a, &mut b);
            }
            let la = rng.len(b - a).min(b - a);
            let lb = rng.len(n - b);
            let (x, y) = (v[a..a + la].to_vec(), v[b..b + lb].to_vec());
            v.splice(b..b + lb, x);
            v.splice(a..a + la, y);
        }
        // Delete, duplicate or move one token-sized chunk.
        3 if n > 0 => {
            let (s, e) = token_at(v, rng.below(n));
            let chunk = v[s..e].to_vec();
            match rng.below(3) {
                0 => {
                    v.drain(s..e);
                }
                1 => {
                    v.splice(e..e, chunk);
                }
                _ => {
                    v.drain(s..e);
                    let to = rng.below(v.len() + 1);
                    v.splice(to..to, chunk);
                }
            }
        }
        // Replace one token by another token of the same file.
        4 if n > 0 => {
            let (s, e) = token_at(v, rng.below(n));
            let (s2, e2) = token_at(v, rng.below(n));
            let chunk = v[s2..e2].to_vec();
            v.splice(s..e, chunk);
        }
        // Insert a token (with or without spaces around it).
        5 | 6 => {
            let tok = rng.pick(TOKENS).as_bytes();
            let at = rng.below(n + 1);
            let mut ins = tok.to_vec();
            if rng.one_in(2) {
                ins.insert(0, b' ');
                ins.push(b' ');
            }
            v.splice(at..at, ins);
        }
        // Replace a token by an inserted one.
        7 if n > 0 => {
            let (s, e) = token_at(v, rng.below(n));
            v.splice(s..e, rng.pick(TOKENS).bytes());
        }
        // Splice: a prefix of this file and a suffix of the other.
        8 if !other.is_empty() => {
            let at = rng.below(n + 1);
            let from = rng.below(other.len());
            v.truncate(at);
            v.extend_from_slice(&other[from..]);
        }
        // Truncate.
        9 if n > 0 => v.truncate(rng.below(n)),
        // Flip bits or set bytes, including bytes that make the text invalid UTF-8.
        10 if n > 0 => {
            for _ in 0..1 + rng.below(4) {
                let at = rng.below(n);
                v[at] = match rng.below(3) {
                    0 => v[at] ^ (1 << rng.below(8)),
                    1 => rng.below(256) as u8,
                    _ => *rng.pick(b"\0\x80\xc0\xe2\xef\xff\n\"'`/*\\{}()[]"),
                };
            }
        }
        // Deep nesting, inserted at a random place.
        11 | 12 => {
            let nest = nesting(rng);
            let at = rng.below(n + 1);
            v.splice(at..at, nest.into_bytes());
        }
        // Deep nesting in a context where it parses, so that the checker and lowering see it too.
        _ => {
            let nest = nesting(rng);
            *v = in_context(rng.below(CONTEXTS), &nest).into_bytes();
        }
    }
}

/// How many contexts `in_context` knows.
pub const CONTEXTS: usize = 3;

/// A program with `x` as a package-level variable's initializer, a type, or a statement of `main`.
pub fn in_context(context: usize, x: &str) -> String {
    match context {
        0 => format!("package main\n\nvar x = {x}\n\nfunc main() {{}}\n"),
        1 => format!("package main\n\ntype T {x}\n\nfunc main() {{}}\n"),
        _ => format!("package main\n\nfunc main() {{\n\tx := 1\n\t_ = x\n\t{x}\n}}\n"),
    }
}

/// The token-sized chunk around byte `at`: a run of identifier characters or digits, or one other byte.
fn token_at(v: &[u8], at: usize) -> (usize, usize) {
    let word = |b: u8| b.is_ascii_alphanumeric() || b == b'_' || b >= 0x80;
    if !word(v[at]) {
        return (at, at + 1);
    }
    let mut s = at;
    while s > 0 && word(v[s - 1]) {
        s -= 1;
    }
    let mut e = at + 1;
    while e < v.len() && word(v[e]) {
        e += 1;
    }
    (s, e)
}

/// Deeply nested or very long constructs: `open` and `close` repeated around one `middle`.
pub const NESTINGS: &[(&str, &str, &str)] = &[
    ("(", "x", ")"),
    ("[]", "int", ""),
    ("func() ", "int", ""),
    ("{", "", "}"),
    ("", "x", "+x"),
    ("*", "p", ""),
    ("!", "b", ""),
    ("-", "1", ""),
    ("<-", "c", ""),
    ("struct{ f ", "int", " }"),
    ("map[int]", "int", ""),
    ("if true {", "", "}"),
    ("f(", "1", ")"),
    ("", "x", ".y"),
    ("", "a", "[0]"),
    ("[]int{", "", "}"),
    ("interface{ ", "m()", " }"),
    ("func() { ", "", " }()"),
    ("", "1", "<<1"),
    ("", "\"s\"", "+\"s\""),
    ("*[1]", "int", ""),
    ("chan ", "int", ""),
    ("[]T[", "int", "]"),
    ("x.(", "int", ")"),
    ("else if true {", "", "}"),
];

/// `NESTINGS[kind]` nested `depth` times, with or without its closing parts.
pub fn nested(kind: usize, depth: usize, closed: bool) -> String {
    let (open, mid, close) = NESTINGS[kind];
    let mut s = String::with_capacity(depth * (open.len() + close.len()) + mid.len());
    for _ in 0..depth {
        s.push_str(open);
    }
    s.push_str(mid);
    if closed {
        for _ in 0..depth {
            s.push_str(close);
        }
    }
    s
}

/// A random nesting: sometimes closed, sometimes not; sometimes just below the parser's nesting limit,
/// sometimes far above it.
fn nesting(rng: &mut Rng) -> String {
    let depth = *rng.pick(&[3, 50, 500, 2000, 9_990, 10_001, 30_000, 100_000]);
    let depth = if rng.one_in(2) { rng.below(depth) + 1 } else { depth };
    let closed = !rng.one_in(4);
    nested(rng.below(NESTINGS.len()), depth, closed)
}

/// The Go files of a GOROOT that the fuzzers start from: `src/` and `test/`, sorted, at most `max_len` bytes
/// each (large generated tables slow the fuzzer down without reaching new code).
pub fn goroot_corpus(goroot: &std::path::Path, max_len: u64) -> Vec<std::path::PathBuf> {
    let mut out = Vec::new();
    let mut stack = vec![goroot.join("src"), goroot.join("test")];
    while let Some(dir) = stack.pop() {
        let Ok(rd) = std::fs::read_dir(&dir) else { continue };
        for e in rd.flatten() {
            let p = e.path();
            let Ok(meta) = e.metadata() else { continue };
            if meta.is_dir() {
                stack.push(p);
            } else if p.extension().is_some_and(|x| x == "go") && meta.len() <= max_len {
                out.push(p);
            }
        }
    }
    out.sort();
    out
}
