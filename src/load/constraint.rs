//! Build constraints: which files of a package directory take part in a build (go/build's rules, Go 1.19).
//!
//! In: a file's name and the text before its package clause, and the build context ([`Context`]: GOOS,
//! GOARCH and tags). Out: whether the file is selected, or an error for a malformed `//go:build` line.
//!
//! Rules, as `go/build` applies them:
//! - File names: `name_GOOS.go`, `name_GOARCH.go` and `name_GOOS_GOARCH.go` (after the first `_`, ignoring a
//!   final `_test`) are built only for that GOOS / GOARCH. `android` files also build for `android` only, but
//!   a `linux` file builds on `android`; likewise `solaris` on `illumos` and `darwin` on `ios`.
//! - Header: the comments before the package clause. A `//go:build expr` line there decides; without one, every
//!   `// +build` line in the part of the header that ends with a blank line must hold (each line is a
//!   space-separated OR of comma-separated ANDs of possibly negated tags).
//! - Tags: `gc`, GOOS, GOARCH, `unix` for Unix GOOSes, `go1.1` … `go1.19`, the architecture feature tags
//!   (`amd64.v1`, `386.sse2`, `arm.5`…), and the extra tags of the context (DESIGN §7: `purego`,
//!   `math_big_pure_go`). `cgo` is never set: g1c has no C compiler.

/// Everything that decides file selection.
#[derive(Clone, Debug)]
pub struct Context {
    pub goos: String,
    pub goarch: String,
    /// Tags beyond the ones implied by GOOS/GOARCH/compiler/release.
    pub extra_tags: Vec<String>,
}

/// GOOS values that go/build calls Unix (`unixOS` in 1.19).
pub const UNIX_OS: &[&str] = &[
    "aix",
    "android",
    "darwin",
    "dragonfly",
    "freebsd",
    "hurd",
    "illumos",
    "ios",
    "linux",
    "netbsd",
    "openbsd",
    "solaris",
];

/// Every GOOS go/build knows (`knownOS`), for file-name suffixes.
pub const KNOWN_OS: &[&str] = &[
    "aix",
    "android",
    "darwin",
    "dragonfly",
    "freebsd",
    "hurd",
    "illumos",
    "ios",
    "js",
    "linux",
    "nacl",
    "netbsd",
    "openbsd",
    "plan9",
    "solaris",
    "windows",
    "zos",
];

/// Every GOARCH go/build knows (`knownArch`).
pub const KNOWN_ARCH: &[&str] = &[
    "386",
    "amd64",
    "amd64p32",
    "arm",
    "armbe",
    "arm64",
    "arm64be",
    "loong64",
    "mips",
    "mipsle",
    "mips64",
    "mips64le",
    "mips64p32",
    "mips64p32le",
    "ppc",
    "ppc64",
    "ppc64le",
    "riscv",
    "riscv64",
    "s390",
    "s390x",
    "sparc",
    "sparc64",
    "wasm",
];

impl Context {
    /// Does build tag `tag` hold? (go/build's `matchTag`.)
    pub fn match_tag(&self, tag: &str) -> bool {
        if tag == "gc" || self.extra_tags.iter().any(|t| t == tag) {
            return true;
        }
        if tag == self.goos || tag == self.goarch {
            return true;
        }
        // GOOS aliases: android is a linux, illumos a solaris, ios a darwin.
        match (tag, self.goos.as_str()) {
            ("linux", "android") | ("solaris", "illumos") | ("darwin", "ios") => return true,
            _ => {}
        }
        if tag == "unix" {
            return UNIX_OS.contains(&self.goos.as_str());
        }
        if let Some(minor) = tag.strip_prefix("go1.") {
            return minor.parse::<u32>().is_ok_and(|m| (1..=19).contains(&m)) && !minor.starts_with('0');
        }
        self.arch_feature_tags().iter().any(|t| t == tag)
    }

    /// gc's tool tags for the default GOAMD64/GO386/GOARM (v1, sse2, 7).
    fn arch_feature_tags(&self) -> Vec<String> {
        match self.goarch.as_str() {
            "amd64" => vec!["amd64.v1".into()],
            "386" => vec!["386.sse2".into()],
            "arm" => vec!["arm.5".into(), "arm.6".into(), "arm.7".into()],
            _ => Vec::new(),
        }
    }

    /// Does the file name (base name, with `.go`) select the file? (go/build's `goodOSArchFile`.)
    pub fn good_os_arch_file(&self, name: &str) -> bool {
        let stem = name.strip_suffix(".go").or_else(|| name.strip_suffix(".s")).unwrap_or(name);
        let Some(i) = stem.find('_') else { return true };
        let mut parts: Vec<&str> = stem[i..].split('_').collect();
        if parts.last() == Some(&"test") {
            parts.pop();
        }
        let n = parts.len();
        if n >= 2 && KNOWN_OS.contains(&parts[n - 2]) && KNOWN_ARCH.contains(&parts[n - 1]) {
            return self.match_tag(parts[n - 2]) && self.match_tag(parts[n - 1]);
        }
        if n >= 1 && (KNOWN_OS.contains(&parts[n - 1]) || KNOWN_ARCH.contains(&parts[n - 1])) {
            return self.match_tag(parts[n - 1]);
        }
        true
    }

    /// Do the build constraints in `src`'s header hold? `Err` carries the message for a malformed
    /// `//go:build` line.
    pub fn should_build(&self, src: &str) -> Result<bool, String> {
        let h = header(src);
        if let Some(expr) = h.go_build {
            let e = parse_expr(expr)?;
            return Ok(e.eval(self));
        }
        for line in h.plus_build {
            if !self.plus_build_line(line) {
                return Ok(false);
            }
        }
        Ok(true)
    }

    /// One `// +build` line: an OR of space-separated options, each an AND of comma-separated terms.
    fn plus_build_line(&self, line: &str) -> bool {
        line.split_whitespace().any(|opt| {
            opt.split(',').all(|term| match term.strip_prefix('!') {
                Some(t) => valid_tag(t) && !self.match_tag(t),
                None => valid_tag(term) && self.match_tag(term),
            })
        })
    }
}

/// A tag is letters, digits, `_` and `.`.
fn valid_tag(t: &str) -> bool {
    !t.is_empty() && t.chars().all(|c| c.is_alphanumeric() || c == '_' || c == '.')
}

/// The constraint lines of a file header.
struct Header<'a> {
    /// The expression after `//go:build`.
    go_build: Option<&'a str>,
    /// The text after `+build` of each `// +build` line in the blank-line-terminated part of the header.
    plus_build: Vec<&'a str>,
}

/// Reads the header: leading blank lines and comments, up to the first line of code (go/build's
/// `parseFileHeader`).
fn header(src: &str) -> Header<'_> {
    let mut go_build = None;
    // Lines of the header, and how many of them precede the last blank line.
    let mut lines: Vec<&str> = Vec::new();
    let mut before_blank = 0;
    let mut in_block_comment = false;
    for raw in src.lines() {
        let line = raw.trim();
        if in_block_comment {
            if let Some(i) = line.find("*/") {
                in_block_comment = false;
                let rest = line[i + 2..].trim();
                if !rest.is_empty() && !rest.starts_with("//") {
                    break;
                }
            }
            lines.push("");
            continue;
        }
        if line.is_empty() {
            lines.push(line);
            before_blank = lines.len();
            continue;
        }
        if let Some(rest) = line.strip_prefix("//") {
            if go_build.is_none() {
                if let Some(expr) = rest.strip_prefix("go:build") {
                    if expr.is_empty() || expr.starts_with([' ', '\t']) {
                        go_build = Some(expr.trim());
                    }
                }
            }
            lines.push(line);
            continue;
        }
        if line.starts_with("/*") {
            match line[2..].find("*/") {
                Some(i) => {
                    let rest = line[2 + i + 2..].trim();
                    if !rest.is_empty() && !rest.starts_with("//") {
                        break;
                    }
                }
                None => in_block_comment = true,
            }
            lines.push("");
            continue;
        }
        break;
    }
    let plus_build = lines[..before_blank]
        .iter()
        .filter_map(|l| {
            let rest = l.strip_prefix("//")?.trim_start();
            let rest = rest.strip_prefix("+build")?;
            (rest.is_empty() || rest.starts_with([' ', '\t'])).then_some(rest.trim())
        })
        .collect();
    Header { go_build, plus_build }
}

/// A `//go:build` expression (go/build/constraint's `Expr`).
#[derive(Debug, PartialEq, Eq)]
pub enum Expr {
    Tag(String),
    Not(Box<Expr>),
    And(Box<Expr>, Box<Expr>),
    Or(Box<Expr>, Box<Expr>),
}

impl Expr {
    pub fn eval(&self, ctx: &Context) -> bool {
        match self {
            Expr::Tag(t) => ctx.match_tag(t),
            Expr::Not(x) => !x.eval(ctx),
            Expr::And(x, y) => x.eval(ctx) && y.eval(ctx),
            Expr::Or(x, y) => x.eval(ctx) || y.eval(ctx),
        }
    }
}

/// Parses a `//go:build` expression:
///
/// ```text
/// Expr  = And { "||" And } .
/// And   = Unary { "&&" Unary } .
/// Unary = "!" Unary | "(" Expr ")" | tag .
/// ```
pub fn parse_expr(text: &str) -> Result<Expr, String> {
    let toks = tokenize(text)?;
    let mut p = ExprParser { toks, i: 0 };
    let e = p.or()?;
    if p.i != p.toks.len() {
        return Err(format!("parsing //go:build line: unexpected {}", p.toks[p.i]));
    }
    Ok(e)
}

fn tokenize(text: &str) -> Result<Vec<String>, String> {
    let mut toks = Vec::new();
    let b = text.as_bytes();
    let mut i = 0;
    while i < b.len() {
        let c = b[i];
        if c == b' ' || c == b'\t' {
            i += 1;
        } else if c == b'(' || c == b')' || c == b'!' {
            toks.push((c as char).to_string());
            i += 1;
        } else if b[i..].starts_with(b"&&") || b[i..].starts_with(b"||") {
            toks.push(text[i..i + 2].to_string());
            i += 2;
        } else {
            let start = i;
            while i < b.len() && (b[i].is_ascii_alphanumeric() || b[i] == b'_' || b[i] == b'.' || b[i] >= 0x80) {
                i += 1;
            }
            if i == start {
                return Err(format!("parsing //go:build line: invalid syntax at {}", &text[start..]));
            }
            toks.push(text[start..i].to_string());
        }
    }
    Ok(toks)
}

struct ExprParser {
    toks: Vec<String>,
    i: usize,
}

impl ExprParser {
    fn peek(&self) -> Option<&str> {
        self.toks.get(self.i).map(|s| s.as_str())
    }

    // Expr = And { "||" And } .
    fn or(&mut self) -> Result<Expr, String> {
        let mut x = self.and()?;
        while self.peek() == Some("||") {
            self.i += 1;
            let y = self.and()?;
            x = Expr::Or(Box::new(x), Box::new(y));
        }
        Ok(x)
    }

    // And = Unary { "&&" Unary } .
    fn and(&mut self) -> Result<Expr, String> {
        let mut x = self.unary()?;
        while self.peek() == Some("&&") {
            self.i += 1;
            let y = self.unary()?;
            x = Expr::And(Box::new(x), Box::new(y));
        }
        Ok(x)
    }

    // Unary = "!" Unary | "(" Expr ")" | tag .
    fn unary(&mut self) -> Result<Expr, String> {
        match self.peek() {
            Some("!") => {
                self.i += 1;
                Ok(Expr::Not(Box::new(self.unary()?)))
            }
            Some("(") => {
                self.i += 1;
                let x = self.or()?;
                if self.peek() != Some(")") {
                    return Err("parsing //go:build line: missing )".into());
                }
                self.i += 1;
                Ok(x)
            }
            Some(t) if t != ")" && t != "&&" && t != "||" => {
                let t = t.to_string();
                self.i += 1;
                Ok(Expr::Tag(t))
            }
            Some(t) => Err(format!("parsing //go:build line: unexpected {t}")),
            None => Err("parsing //go:build line: unexpected end of expression".into()),
        }
    }
}
