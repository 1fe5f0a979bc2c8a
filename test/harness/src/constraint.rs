//! Build constraints: a port of Go 1.19's `go/build/constraint` (`Parse`, `Eval`) and of run.go's
//! `shouldTest`/`context.match`, for the one configuration the harness tests: GOOS=linux, GOARCH=amd64,
//! compiler gc, cgo enabled, the default GOEXPERIMENTs of go1.19 on amd64.
//!
//! In: the text of a test file up to its `package` clause. Out: whether the test applies, and if not, the
//! constraint line that excluded it.
//!
//! Like run.go, every line before the first line starting with `package ` is tried as a constraint; a
//! `//go:build` line that does not parse is ignored (run.go ignores `constraint.Parse` errors). Release tags
//! (`go1.18`) are deliberately NOT satisfied: run.go's `match` does not know them.

/// A build-constraint expression (`constraint.Expr`).
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Expr {
    Tag(String),
    Not(Box<Expr>),
    And(Box<Expr>, Box<Expr>),
    Or(Box<Expr>, Box<Expr>),
}

impl Expr {
    pub fn eval(&self, ok: &dyn Fn(&str) -> bool) -> bool {
        match self {
            Expr::Tag(t) => ok(t),
            Expr::Not(x) => !x.eval(ok),
            // Both sides are always evaluated in Go (`x.X.Eval(ok) && ...` short-circuits too; no side effects).
            Expr::And(x, y) => x.eval(ok) && y.eval(ok),
            Expr::Or(x, y) => x.eval(ok) || y.eval(ok),
        }
    }
}

/// The build configuration run.go evaluates constraints against.
#[derive(Debug, Clone)]
pub struct BuildContext {
    pub goos: String,
    pub goarch: String,
    pub cgo_enabled: bool,
    /// `GO_GCFLAGS` contains `-N` or `-l`: the `gcflags_noopt` tag holds.
    pub no_opt_env: bool,
    /// `build.Default.ToolTags`: the `goexperiment.*` tags of the toolchain.
    pub tool_tags: Vec<String>,
}

impl BuildContext {
    /// linux/amd64 with gc from go1.19, as `go env` reports on the reference machine.
    pub fn linux_amd64() -> BuildContext {
        let gcflags = std::env::var("GO_GCFLAGS").unwrap_or_default();
        BuildContext {
            goos: "linux".into(),
            goarch: "amd64".into(),
            cgo_enabled: true,
            no_opt_env: gcflags.contains("-N") || gcflags.contains("-l"),
            tool_tags: vec!["goexperiment.regabiwrappers".into(), "goexperiment.regabiargs".into()],
        }
    }

    /// run.go's `context.match`.
    pub fn matches(&self, name: &str) -> bool {
        if name.is_empty() || !is_valid_tag(name) {
            return false;
        }
        if name.starts_with("goexperiment.") {
            return self.tool_tags.iter().any(|t| t == name);
        }
        if name == "cgo" && self.cgo_enabled {
            return true;
        }
        if name == self.goos || name == self.goarch || name == "gc" {
            return true;
        }
        if self.no_opt_env && name == "gcflags_noopt" {
            return true;
        }
        name == "test_run"
    }
}

/// run.go's `shouldTest`: `Ok(())` when the test applies, else `Err(line)` with the excluding constraint.
pub fn should_test(header: &str, ctx: &BuildContext) -> Result<(), String> {
    for line in header.split('\n') {
        if line.starts_with("package ") {
            break;
        }
        if let Some(expr) = parse(line) {
            if !expr.eval(&|t| ctx.matches(t)) {
                return Err(line.to_string());
            }
        }
    }
    Ok(())
}

/// `constraint.Parse`: `None` when the line is not a constraint or does not parse.
pub fn parse(line: &str) -> Option<Expr> {
    if let Some(text) = split_go_build(line) {
        return parse_expr(text).ok();
    }
    split_plus_build(line).map(parse_plus_build_expr)
}

fn is_go_space(c: char) -> bool {
    // strings.TrimSpace trims Unicode white space, as char::is_whitespace does.
    c.is_whitespace()
}

fn strip_one_newline(line: &str) -> Option<&str> {
    let line = line.strip_suffix('\n').unwrap_or(line);
    if line.contains('\n') {
        None
    } else {
        Some(line)
    }
}

/// `splitGoBuild`.
fn split_go_build(line: &str) -> Option<&str> {
    let line = strip_one_newline(line)?;
    if !line.starts_with("//go:build") {
        return None;
    }
    let line = line.trim_matches(is_go_space);
    let rest = &line["//go:build".len()..];
    let trim = rest.trim_matches(is_go_space);
    if rest.len() == trim.len() && !rest.is_empty() {
        return None; // "//go:buildsomething"
    }
    Some(trim)
}

/// `splitPlusBuild`.
fn split_plus_build(line: &str) -> Option<&str> {
    let line = strip_one_newline(line)?;
    let line = line.strip_prefix("//")?.trim_matches(is_go_space);
    let rest = line.strip_prefix("+build")?;
    let trim = rest.trim_matches(is_go_space);
    if rest.len() == trim.len() && !rest.is_empty() {
        return None; // "// +buildsomething"
    }
    Some(trim)
}

/// `isValidTag`: letters, digits, underscores or dots.
fn is_valid_tag(word: &str) -> bool {
    !word.is_empty() && word.chars().all(|c| c.is_alphabetic() || c.is_numeric() || c == '_' || c == '.')
}

fn and(x: Expr, y: Expr) -> Expr {
    Expr::And(Box::new(x), Box::new(y))
}

fn or(x: Expr, y: Expr) -> Expr {
    Expr::Or(Box::new(x), Box::new(y))
}

/// `parsePlusBuildExpr`: space-separated clauses are OR-ed, comma-separated literals AND-ed.
fn parse_plus_build_expr(text: &str) -> Expr {
    let mut x: Option<Expr> = None;
    for clause in text.split_whitespace() {
        let mut y: Option<Expr> = None;
        for lit in clause.split(',') {
            let z = if lit.starts_with("!!") || lit == "!" {
                Expr::Tag("ignore".into())
            } else {
                let (neg, name) = match lit.strip_prefix('!') {
                    Some(rest) => (true, rest),
                    None => (false, lit),
                };
                let tag = if is_valid_tag(name) { Expr::Tag(name.into()) } else { Expr::Tag("ignore".into()) };
                if neg {
                    Expr::Not(Box::new(tag))
                } else {
                    tag
                }
            };
            y = Some(match y {
                None => z,
                Some(y) => and(y, z),
            });
        }
        let y = y.expect("split yields at least one literal");
        x = Some(match x {
            None => y,
            Some(x) => or(x, y),
        });
    }
    x.unwrap_or_else(|| Expr::Tag("ignore".into()))
}

/// The `//go:build` expression grammar: `or = and { "||" and }`, `and = not { "&&" not }`,
/// `not = [ "!" ] atom`, `atom = tag | "(" or ")"`.
struct ExprParser<'a> {
    s: &'a str,
    i: usize,
    tok: &'a str,
    is_tag: bool,
}

fn parse_expr(text: &str) -> Result<Expr, String> {
    let mut p = ExprParser { s: text, i: 0, tok: "", is_tag: false };
    let x = p.or()?;
    if !p.tok.is_empty() {
        return Err(format!("unexpected token {}", p.tok));
    }
    Ok(x)
}

impl<'a> ExprParser<'a> {
    fn or(&mut self) -> Result<Expr, String> {
        let mut x = self.and()?;
        while self.tok == "||" {
            x = or(x, self.and()?);
        }
        Ok(x)
    }

    fn and(&mut self) -> Result<Expr, String> {
        let mut x = self.not()?;
        while self.tok == "&&" {
            x = and(x, self.not()?);
        }
        Ok(x)
    }

    fn not(&mut self) -> Result<Expr, String> {
        self.lex()?;
        if self.tok == "!" {
            self.lex()?;
            if self.tok == "!" {
                return Err("double negation not allowed".into());
            }
            return Ok(Expr::Not(Box::new(self.atom()?)));
        }
        self.atom()
    }

    fn atom(&mut self) -> Result<Expr, String> {
        if self.tok == "(" {
            let x = self.or()?;
            if self.tok != ")" {
                return Err("missing close paren".into());
            }
            self.lex()?;
            return Ok(x);
        }
        if !self.is_tag {
            if self.tok.is_empty() {
                return Err("unexpected end of expression".into());
            }
            return Err(format!("unexpected token {}", self.tok));
        }
        let tok = self.tok;
        self.lex()?;
        Ok(Expr::Tag(tok.into()))
    }

    fn lex(&mut self) -> Result<(), String> {
        self.is_tag = false;
        let b = self.s.as_bytes();
        while self.i < b.len() && (b[self.i] == b' ' || b[self.i] == b'\t') {
            self.i += 1;
        }
        if self.i >= b.len() {
            self.tok = "";
            return Ok(());
        }
        match b[self.i] {
            b'(' | b')' | b'!' => {
                self.tok = &self.s[self.i..self.i + 1];
                self.i += 1;
                return Ok(());
            }
            b'&' | b'|' => {
                if self.i + 1 >= b.len() || b[self.i + 1] != b[self.i] {
                    return Err(format!("invalid syntax at {}", b[self.i] as char));
                }
                self.tok = &self.s[self.i..self.i + 2];
                self.i += 2;
                return Ok(());
            }
            _ => {}
        }
        let rest = &self.s[self.i..];
        let end = rest
            .char_indices()
            .find(|&(_, c)| !(c.is_alphabetic() || c.is_numeric() || c == '_' || c == '.'))
            .map_or(rest.len(), |(i, _)| i);
        if end == 0 {
            return Err(format!("invalid syntax at {}", rest.chars().next().unwrap_or(' ')));
        }
        self.tok = &rest[..end];
        self.i += end;
        self.is_tag = true;
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn ctx(goos: &str, goarch: &str) -> BuildContext {
        BuildContext { goos: goos.into(), goarch: goarch.into(), ..BuildContext::linux_amd64() }
    }

    fn ok(src: &str, goos: &str, goarch: &str) -> bool {
        should_test(src, &ctx(goos, goarch)).is_ok()
    }

    /// run.go's own `checkShouldTest` sanity checks.
    #[test]
    fn run_go_check_should_test() {
        assert!(ok("// +build linux", "linux", "arm"));
        assert!(ok("// +build !windows", "linux", "arm"));
        assert!(!ok("// +build !windows", "windows", "amd64"));
        assert!(ok("// This is a test.", "os", "arch"));
        assert!(!ok("// +build arm 386", "linux", "amd64"));
        assert!(!ok("// +build !windows,!plan9", "windows", "amd64"));
        assert!(!ok("// +build !windows,!plan9", "plan9", "386"));
        assert!(ok("// +build !windows\n// +build amd64", "linux", "amd64"));
        assert!(!ok("// +build !windows\n// +build amd64", "windows", "amd64"));
        assert!(ok("// +build !windows !plan9", "windows", "amd64"));
    }

    #[test]
    fn go_build_lines() {
        assert!(ok("//go:build linux && amd64", "linux", "amd64"));
        assert!(!ok("//go:build !amd64", "linux", "amd64"));
        assert!(ok("//go:build (arm || amd64) && !windows", "linux", "amd64"));
        assert!(ok("//go:build cgo", "linux", "amd64"));
        assert!(ok("//go:build goexperiment.regabiargs", "linux", "amd64"));
        assert!(!ok("//go:build goexperiment.unified", "linux", "amd64"));
        // Release tags are not known to run.go's matcher.
        assert!(!ok("//go:build go1.18", "linux", "amd64"));
        // A malformed expression is not a constraint at all.
        assert!(ok("//go:build linux &&", "linux", "amd64"));
        // "//go:buildx" is not a build line.
        assert!(ok("//go:buildwindows", "linux", "amd64"));
        // Constraints after the package clause don't count.
        assert!(ok("// run\npackage main\n// +build windows", "linux", "amd64"));
    }

    #[test]
    fn parse_shapes() {
        assert_eq!(parse("// +build"), Some(Expr::Tag("ignore".into())));
        assert_eq!(parse("//+build linux"), Some(Expr::Tag("linux".into())));
        assert_eq!(parse("// +build !!x"), Some(Expr::Tag("ignore".into())));
        assert_eq!(parse("// comment"), None);
        assert_eq!(parse("//go:build !!x"), None);
    }
}
