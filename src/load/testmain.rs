//! The test main of `g1c test`: finds a package's tests, benchmarks, fuzz targets and examples in its
//! `_test.go` files and writes the Go source of the `main` package that runs them through GOROOT's
//! `testing` (the program `go test` generates as `_testmain.go`).
//!
//! In: the parsed test files of one package (the internal ones, of the package itself, then the external
//! ones, of package `P_test`), each with its source text (example outputs are comments, which the AST does
//! not keep). Out: the list of test functions (`TestFuncs`) and the test main's source (`source`), or
//! the errors the go command reports for malformed test functions (`wrong signature`, two `TestMain`s).
//!
//! The rules are the go command's (`go help testfunc`):
//! - `TestXxx(*testing.T)`, `BenchmarkXxx(*testing.B)`, `FuzzXxx(*testing.F)` and `TestMain(*testing.M)`
//!   are found by name and shape: top-level, no receiver, one parameter of type `*T` or `*pkg.T` (the go
//!   command cannot resolve the import name either), no results. The name is the prefix alone or the prefix
//!   followed by a character that is not a lower-case letter. A name of that form with another shape is an
//!   error; a `TestMain` of `*testing.T` shape is an ordinary test.
//! - `ExampleXxx()` with no parameters and no results runs when the last comment group in its body starts
//!   with `Output:` or `Unordered output:` (any case); the text after it is the expected output. One
//!   without such a comment is compiled, not run.
//!
//! Invariants: functions keep their order: internal test files before external ones, each in file-name
//! order and declaration order within a file, so the generated source depends only on the inputs.

use std::fmt::Write as _;

use crate::syntax::ast::{Ast, Decl, ExprKind, FuncDecl};
use std::path::Path;

use crate::syntax::pos::{FileSet, Pos};
use crate::syntax::scanner::Scanner;
use crate::syntax::token::Tok;

/// Which of the two test packages a function is declared in.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum TestPkg {
    /// The package under test, compiled with its `_test.go` files (imported as `_test`).
    Internal,
    /// The external test package `P_test` (imported as `_xtest`).
    External,
}

impl TestPkg {
    fn alias(self) -> &'static str {
        match self {
            TestPkg::Internal => "_test",
            TestPkg::External => "_xtest",
        }
    }
}

/// An example function and what it must print.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Example {
    pub pkg: TestPkg,
    pub name: String,
    /// `None`: no output comment, so the example is compiled but not run.
    pub output: Option<String>,
    pub unordered: bool,
}

/// The test functions of one package, in the order they run.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct TestFuncs {
    pub tests: Vec<(TestPkg, String)>,
    pub benchmarks: Vec<(TestPkg, String)>,
    pub fuzz_targets: Vec<(TestPkg, String)>,
    pub examples: Vec<Example>,
    pub test_main: Option<TestPkg>,
}

impl TestFuncs {
    /// Whether the test main refers to package `pkg` (it imports it only then, as the go command does).
    fn uses(&self, pkg: TestPkg) -> bool {
        let named = |v: &[(TestPkg, String)]| v.iter().any(|(p, _)| *p == pkg);
        named(&self.tests)
            || named(&self.benchmarks)
            || named(&self.fuzz_targets)
            || self.examples.iter().any(|e| e.pkg == pkg && e.output.is_some())
            || self.test_main == Some(pkg)
    }
}

/// One parsed test file: its index in `Ast::files` and its source text.
pub struct TestFile<'a> {
    pub pkg: TestPkg,
    pub file: usize,
    pub src: &'a str,
}

/// Collects the test functions of `files` (given in the order they are to run; they are in directory
/// `dir`). The first error ends the collection, as in the go command; it is rendered as the go command prints them, at the declaration with the file's absolute
/// path (`/abs/x_test.go:5:1: wrong signature for TestX, must be: func TestX(t *testing.T)`).
pub fn collect(fset: &FileSet, ast: &Ast, dir: &Path, files: &[TestFile]) -> Result<TestFuncs, Vec<String>> {
    let dir = std::fs::canonicalize(dir).unwrap_or_else(|_| dir.to_path_buf());
    let at = |pos: Pos| match fset.physical(pos) {
        Some(p) => {
            let base = p.file.rsplit('/').next().unwrap_or(p.file);
            format!("{}:{}:{}: ", dir.join(base).display(), p.line, p.col)
        }
        None => String::new(),
    };
    let mut out = TestFuncs::default();
    let mut test_main_pos = None;
    for tf in files {
        let file = &ast.files[tf.file];
        let base = fset.file(crate::syntax::pos::FileId(file.file_id)).base;
        let mut groups = None;
        for decl in &file.decls {
            let Decl::Func(fd) = decl else { continue };
            if fd.recv.is_some() {
                continue;
            }
            let name = fd.name.name.as_str();
            let wrong = |arg: &str| {
                format!(
                    "{}wrong signature for {name}, must be: func {name}({} *testing.{arg})",
                    at(fd.pos),
                    arg_name(arg)
                )
            };
            if name == "TestMain" {
                if has_shape(ast, fd, "T") {
                    out.tests.push((tf.pkg, name.to_string()));
                } else if !has_shape(ast, fd, "M") {
                    return Err(vec![wrong("M")]);
                } else if let Some(first) = test_main_pos {
                    let first = at(first);
                    return Err(vec![format!(
                        "{}multiple definitions of TestMain (previous at {})",
                        at(fd.pos),
                        first.trim_end_matches([':', ' '])
                    )]);
                } else {
                    test_main_pos = Some(fd.pos);
                    out.test_main = Some(tf.pkg);
                }
                continue;
            }
            for (prefix, arg) in [("Test", "T"), ("Benchmark", "B"), ("Fuzz", "F")] {
                if !is_test_name(name, prefix) {
                    continue;
                }
                if !fd.tparams.is_empty() || !has_shape(ast, fd, arg) {
                    return Err(vec![wrong(arg)]);
                }
                let list = match prefix {
                    "Test" => &mut out.tests,
                    "Benchmark" => &mut out.benchmarks,
                    _ => &mut out.fuzz_targets,
                };
                list.push((tf.pkg, name.to_string()));
            }
            if is_test_name(name, "Example") && fd.typ.params.is_empty() && fd.typ.results.is_empty() {
                let Some(body) = &fd.body else { continue };
                let groups = groups.get_or_insert_with(|| comment_groups(tf.src));
                let (lo, hi) = (body.lbrace.0 - base, body.rbrace.0 - base);
                let last = groups.iter().rev().find(|g| g.start >= lo && g.end <= hi);
                let (output, unordered) = match last.and_then(|g| output_of(&g.text)) {
                    Some((text, unordered)) => (Some(text), unordered),
                    None => (None, false),
                };
                out.examples.push(Example { pkg: tf.pkg, name: name.to_string(), output, unordered });
            }
        }
    }
    Ok(out)
}

/// The parameter name the go command's message suggests for each kind.
fn arg_name(arg: &str) -> &'static str {
    match arg {
        "T" => "t",
        "B" => "b",
        "F" => "f",
        _ => "m",
    }
}

/// `name` is `prefix`, or `prefix` followed by something that does not start with a lower-case letter
/// (`Testing` is not a test, `Test_x` and `TestÄ` are).
fn is_test_name(name: &str, prefix: &str) -> bool {
    match name.strip_prefix(prefix) {
        Some(rest) => rest.chars().next().map_or(true, |c| !c.is_lowercase()),
        None => false,
    }
}

/// One parameter whose type is `*arg` or `*x.arg`, and no results.
fn has_shape(ast: &Ast, fd: &FuncDecl, arg: &str) -> bool {
    let params = &fd.typ.params;
    if !fd.typ.results.is_empty() || params.len() != 1 || params[0].names.len() > 1 {
        return false;
    }
    let ExprKind::Star(x) = &ast.expr(params[0].typ).kind else { return false };
    match &ast.expr(*x).kind {
        ExprKind::Ident(id) => id.name.as_str() == arg,
        ExprKind::Selector { sel, .. } => sel.name.as_str() == arg,
        _ => false,
    }
}

/// A comment group: comments on consecutive lines with nothing else between them (go/ast's
/// CommentGroup). `start..end` are byte offsets; `text` is the group's text with the comment markers taken
/// off (go/ast's `CommentGroup.Text`).
struct Group {
    start: u32,
    end: u32,
    text: String,
}

/// Every comment group of a Go source text, in order. A comment that follows code on its line ends the
/// group before it and forms one of its own (the parser attaches it to that line).
fn comment_groups(src: &str) -> Vec<Group> {
    let mut s = Scanner::new(src, 1);
    loop {
        s.next();
        if s.tok == Tok::EOF {
            break;
        }
    }
    let line_of = |off: u32| src.as_bytes()[..off as usize].iter().filter(|&&b| b == b'\n').count();
    let mut groups: Vec<(u32, u32, Vec<(u32, u32)>, usize, bool)> = Vec::new();
    for c in &s.comments {
        let line_start = src[..c.start as usize].rfind('\n').map_or(0, |i| i + 1);
        // Code before the comment on its line (other comments on the line do not count).
        let mut before = src[line_start..c.start as usize].to_string();
        for other in s.comments.iter().filter(|o| o.start as usize >= line_start && o.end <= c.start) {
            let (a, b) = (other.start as usize - line_start, other.end as usize - line_start);
            before.replace_range(a..b, &" ".repeat(b - a));
        }
        let trailing = !before.trim().is_empty();
        let (first, last) = (line_of(c.start), line_of(c.end));
        match groups.last_mut() {
            Some(g) if !trailing && !g.4 && first <= g.3 + 1 => {
                g.1 = c.end;
                g.2.push((c.start, c.end));
                g.3 = last;
            }
            Some(g) if trailing && g.4 && first == g.3 => {
                g.1 = c.end;
                g.2.push((c.start, c.end));
            }
            _ => groups.push((c.start, c.end, vec![(c.start, c.end)], last, trailing)),
        }
    }
    groups
        .into_iter()
        .map(|(start, end, comments, _, _)| {
            let text = group_text(comments.iter().map(|&(a, b)| &src[a as usize..b as usize]));
            Group { start, end, text }
        })
        .collect()
}

/// The text of a comment group: `//` and one following space, or `/*` and `*/`, taken off; `//`
/// directives (`//go:noinline`, `//line`) left out; trailing white space of each line removed; leading
/// blank lines dropped and runs of blank lines made one; a final newline when not empty.
fn group_text<'a>(comments: impl Iterator<Item = &'a str>) -> String {
    let mut lines: Vec<String> = Vec::new();
    for c in comments {
        let body = if let Some(rest) = c.strip_prefix("//") {
            if let Some(r) = rest.strip_prefix(' ') {
                r
            } else if is_directive(rest) {
                continue;
            } else {
                rest
            }
        } else {
            c.strip_prefix("/*").and_then(|r| r.strip_suffix("*/")).unwrap_or(c)
        };
        lines.extend(body.split('\n').map(|l| l.trim_end_matches([' ', '\t', '\n', '\r']).to_string()));
    }
    let mut kept: Vec<String> = Vec::new();
    for l in lines {
        let blank_after_blank = l.is_empty() && kept.last().map_or(true, |p| p.is_empty());
        if !blank_after_blank {
            kept.push(l);
        }
    }
    if kept.last().is_some_and(|l| !l.is_empty()) {
        kept.push(String::new());
    }
    kept.join("\n")
}

/// `//line ...` or `//name:...` with a lower-case name (a tool directive such as `//go:generate`).
fn is_directive(c: &str) -> bool {
    if c.starts_with("line ") {
        return true;
    }
    match c.find(':') {
        Some(i) if i > 0 && i + 1 < c.len() => {
            c[..i].bytes().all(|b| b.is_ascii_lowercase() || b.is_ascii_digit())
                && c.as_bytes()[i + 1].is_ascii_lowercase()
        }
        _ => false,
    }
}

/// The expected output of an example whose last comment group is `text`: after `Output:` or
/// `Unordered output:` (any case, after leading white space), less the spaces that follow and one newline.
fn output_of(text: &str) -> Option<(String, bool)> {
    let t = text.trim_start();
    let lower = t.to_ascii_lowercase();
    let (rest, unordered) = if lower.starts_with("unordered output:") {
        (&t["unordered output:".len()..], true)
    } else if lower.starts_with("output:") {
        (&t["output:".len()..], false)
    } else {
        return None;
    };
    let rest = rest.trim_start_matches(' ');
    Some((rest.strip_prefix('\n').unwrap_or(rest).to_string(), unordered))
}

/// The source of the test main for the package `import_path`: imports the package under test as `_test`
/// and the external test package as `_xtest` (each only when used), lists every test function for
/// `testing.MainStart` and exits with the status `testing.M.Run` (or the package's `TestMain`) leaves.
pub fn source(import_path: &str, funcs: &TestFuncs) -> String {
    let mut s = String::new();
    s.push_str("// Code generated by g1c test. DO NOT EDIT.\n\npackage main\n\nimport (\n\t\"os\"\n");
    if funcs.test_main.is_some() {
        s.push_str("\t\"reflect\"\n");
    }
    s.push_str("\t\"testing\"\n\t\"testing/internal/testdeps\"\n");
    let xtest_path = format!("{import_path}_test");
    for (pkg, path) in [(TestPkg::Internal, import_path), (TestPkg::External, xtest_path.as_str())] {
        if funcs.uses(pkg) {
            let _ = writeln!(s, "\n\t{} {}", pkg.alias(), go_quote(path));
        }
    }
    s.push_str(")\n\n");
    let list = |s: &mut String, var: &str, ty: &str, items: &[(TestPkg, String)]| {
        let _ = writeln!(s, "var {var} = []testing.{ty}{{");
        for (pkg, name) in items {
            let _ = writeln!(s, "\t{{{}, {}.{name}}},", go_quote(name), pkg.alias());
        }
        s.push_str("}\n\n");
    };
    list(&mut s, "tests", "InternalTest", &funcs.tests);
    list(&mut s, "benchmarks", "InternalBenchmark", &funcs.benchmarks);
    list(&mut s, "fuzzTargets", "InternalFuzzTarget", &funcs.fuzz_targets);
    s.push_str("var examples = []testing.InternalExample{\n");
    for e in &funcs.examples {
        if let Some(out) = &e.output {
            let _ = writeln!(
                s,
                "\t{{{}, {}.{}, {}, {}}},",
                go_quote(&e.name),
                e.pkg.alias(),
                e.name,
                go_quote(out),
                e.unordered
            );
        }
    }
    s.push_str("}\n\n");
    let _ = writeln!(s, "func init() {{\n\ttestdeps.ImportPath = {}\n}}\n", go_quote(import_path));
    s.push_str(
        "func main() {\n\tm := testing.MainStart(testdeps.TestDeps{}, tests, benchmarks, fuzzTargets, examples)\n",
    );
    match funcs.test_main {
        // TestMain may return without calling os.Exit; the status is then the one m.Run recorded, which
        // testing keeps in an unexported field.
        Some(pkg) => {
            let _ = writeln!(s, "\t{}.TestMain(m)", pkg.alias());
            s.push_str("\tos.Exit(int(reflect.ValueOf(m).Elem().FieldByName(\"exitCode\").Int()))\n");
        }
        None => s.push_str("\tos.Exit(m.Run())\n"),
    }
    s.push_str("}\n");
    s
}

/// A Go interpreted string literal for `text`.
fn go_quote(text: &str) -> String {
    let mut q = String::from("\"");
    for c in text.chars() {
        match c {
            '"' => q.push_str("\\\""),
            '\\' => q.push_str("\\\\"),
            '\n' => q.push_str("\\n"),
            '\t' => q.push_str("\\t"),
            c if (c as u32) < 0x20 || c as u32 == 0x7f => {
                let _ = write!(q, "\\x{:02x}", c as u32);
            }
            c => q.push(c),
        }
    }
    q.push('"');
    q
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn names_and_directives() {
        assert!(is_test_name("Test", "Test") && is_test_name("TestX", "Test") && is_test_name("Test_x", "Test"));
        assert!(!is_test_name("Testing", "Test") && !is_test_name("Tes", "Test"));
        assert!(is_directive("go:noinline") && is_directive("line x.go:3") && !is_directive("Output: x"));
    }

    #[test]
    fn example_output_comments() {
        let src = "package p\n\nfunc ExampleA() {\n\tprintln(1) // not this\n\t// Output:\n\t// one\n\t//\n\t//\n\t// two  \n}\n\nfunc ExampleB() {\n\t/* unordered OUTPUT: x\n\ty */\n}\n";
        let groups = comment_groups(src);
        assert_eq!(groups.len(), 3, "{:?}", groups.iter().map(|g| &g.text).collect::<Vec<_>>());
        assert_eq!(groups[0].text, "not this\n");
        assert_eq!(output_of(&groups[1].text), Some(("one\n\ntwo\n".to_string(), false)));
        assert_eq!(output_of(&groups[2].text), Some(("x\n\ty\n".to_string(), true)));
        assert_eq!(output_of("Output:\n"), Some((String::new(), false)));
        assert_eq!(output_of("output is this\n"), None);
    }

    #[test]
    fn quoting() {
        assert_eq!(go_quote("a\"b\\c\nd\té\u{1}"), "\"a\\\"b\\\\c\\nd\\té\\x01\"");
    }

    #[test]
    fn main_source_imports_what_it_uses() {
        let funcs = TestFuncs {
            tests: vec![(TestPkg::Internal, "TestA".into())],
            examples: vec![Example { pkg: TestPkg::External, name: "ExampleB".into(), output: None, unordered: false }],
            ..TestFuncs::default()
        };
        let src = source("x/y", &funcs);
        assert!(src.contains("_test \"x/y\"") && !src.contains("_xtest"), "{src}");
        assert!(src.contains("{\"TestA\", _test.TestA},") && src.contains("os.Exit(m.Run())"), "{src}");
    }
}
