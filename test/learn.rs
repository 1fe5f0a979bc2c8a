//! The learner's tools (issue 12): the IR text reader (`ir/read.rs`) reads back what `g1c dump ir` prints,
//! exactly; each function pass has golden tests text in, text out (`test/data/opt/PASS/*.ir` with the
//! pass's output in `*.out`, update with `UPDATE_GOLDENFILES=1`), run through `g1c opt -pass`; and
//! `g1c dump html` writes the page of test/data/html/*.go's function against its golden.

#[path = "common/goenv.rs"]
mod goenv;

use std::io::Write;
use std::path::{Path, PathBuf};

use g1c::ir::{print::print_module, read::read_module};

fn root() -> &'static Path {
    Path::new(env!("CARGO_MANIFEST_DIR"))
}

fn files(dir: &Path, ext: &str) -> Vec<PathBuf> {
    let mut v: Vec<PathBuf> = std::fs::read_dir(dir)
        .unwrap_or_else(|e| panic!("{}: {e}", dir.display()))
        .map(|e| e.unwrap().path())
        .filter(|p| p.extension().is_some_and(|e| e == ext))
        .collect();
    v.sort();
    v
}

/// Reads `text` and prints it again; it must come back byte for byte.
fn round_trip(name: &str, text: &str) -> Result<(), String> {
    let m = read_module(name, text)?;
    let again = print_module(&m);
    if again == text {
        return Ok(());
    }
    let (a, b): (Vec<&str>, Vec<&str>) = (text.lines().collect(), again.lines().collect());
    let i = a.iter().zip(&b).position(|(x, y)| x != y).unwrap_or(a.len().min(b.len()));
    Err(format!(
        "{name}:{}: printed back differently:\n  read:    {}\n  printed: {}",
        i + 1,
        a.get(i).unwrap_or(&"<end>"),
        b.get(i).unwrap_or(&"<end>")
    ))
}

/// Every IR golden (after lowering and after each pass) reads back to itself.
#[test]
fn ir_goldens_round_trip() {
    let mut n = 0;
    for dir in ["test/golden/ir", "test/golden/opt"] {
        for p in files(&root().join(dir), "ir") {
            let text = std::fs::read_to_string(&p).unwrap();
            round_trip(&p.display().to_string(), &text).unwrap();
            n += 1;
        }
    }
    assert!(n >= 18, "only {n} goldens");
}

/// `g1c dump ir` of every end-to-end program it compiles on its own (those without imports: `dump` reads
/// one file) reads back to itself, and so does the IR after the whole optimizer.
#[test]
fn run_programs_round_trip() {
    let mut n = 0;
    let mut failures = Vec::new();
    for p in files(&root().join("test/data/run"), "go") {
        for after in [None, Some("layout")] {
            let mut cmd = goenv::g1c();
            cmd.args(["dump", "ir"]);
            if let Some(a) = after {
                cmd.args(["-after", a]);
            }
            let out = cmd.arg(&p).output().unwrap();
            let stderr = String::from_utf8_lossy(&out.stderr);
            if !out.status.success() {
                // Only a program that imports packages may be refused.
                assert!(stderr.contains("could not import"), "g1c dump ir {}: {stderr}", p.display());
                continue;
            }
            let text = String::from_utf8(out.stdout).unwrap();
            if let Err(e) = round_trip(&p.display().to_string(), &text) {
                failures.push(e);
            }
            n += 1;
        }
    }
    assert!(failures.is_empty(), "{}", failures.join("\n"));
    assert!(n >= 80, "only {n} programs dumped");
}

/// Malformed text is an error at its line and column, never a panic.
#[test]
fn read_errors_have_positions() {
    let cases: &[(&str, &str)] = &[
        ("func f(args=0) ./a.go:1 {\nb0:\n  v0:i64 = const 1\n  v1:i64 = add v0, v2\n  ret\n}\n", "t.ir:4:20: v2 is read but never defined"),
        ("func f(args=0) ./a.go:1 {\nb0:\n  v0:i64 = frob 1\n  ret\n}\n", "t.ir:3:12: unknown operation `frob`"),
        ("func f(args=0) ./a.go:1 {\nb0:\n  jump b4\n}\n", "t.ir:3:8: no block b4 in f"),
        ("func f(args=0) ./a.go:1 {\nb0:\n  v0:i64 = const 1\n}\n", "t.ir:4:1: block b0 has no terminator"),
        ("func f(args=0) ./a.go:1 {\nb0:\n  v0:i64 = const 1\n  v0:i32 = const 2\n  ret\n}\n", "t.ir:4:3: v0 is i64 elsewhere, i32 here"),
        ("func f(args=0) ./a.go:1 {\nb0:\n  v0:ptr = slot s1\n  ret\n}\n", "t.ir:3:17: no slot s1 in f"),
        ("func f(args=0) ./a.go:1 {\nb1:\n  ret\n}\n", "t.ir:2:1: expected block b0"),
        ("data x bss size=8 align=8 \"\\q\"\n", "t.ir:1:28: unknown escape"),
        ("func f(args=0) ./a.go:1 {\nb0:\n  v0:i64 = const 1 # one\n  ret\n", "t.ir:4:1: function f has no closing `}`"),
        ("func f(args=0) ./a.go:1 {\nb0:\n  store.i32 [v0], v1\n  ret\n}\n", "t.ir:3:14: v0 is read but never defined"),
        ("func f(args=0) ./a.go:1 {\nb0:\n  v0:i64 = const x\n  ret\n}\n", "t.ir:3:18: expected an integer"),
        ("nonsense\n", "t.ir:1:1: expected `data` or `func`"),
    ];
    for (text, want) in cases {
        match read_module("t.ir", text) {
            Ok(_) => panic!("{text:?} was read without error"),
            Err(e) => assert!(e.starts_with(want), "{text:?}: got {e:?}, want {want:?}"),
        }
    }
}

/// Comments, indentation and redundant line markers are accepted and dropped; names with spaces, quotes and
/// parentheses, and every escape, come back as they were.
#[test]
fn read_accepts_hand_written_text() {
    let text = "# a comment\n\
        data go.string.\"a b # c\" rodata size=7 align=1 \"a b # c\"  # the bytes\n\
        data type.struct { X int } rodata size=16 align=8 \"\\x00\\x01\\n\\t\\r\\\"\\\\xxxxxxxxx\" reloc(+0 type.func(int) string-8) reloc(+8 off32 main.(*T).M+0)\n\
        func main.(*T).M(args=16) ./a b.go:3 {\n\
        \tslot s0 size=8 align=8 \"x \\\"y\\\" \\u{7f}\"\n\
        b0:  # entry\n\
        # line 4\n\
        # line 4\n\
        \tv3:ptr = sym go.string.\"a b # c\"+2\n\
        \tv4:f64 = fconst -0.0\n\
        \tv5:i8 = load [v3-1]\n\
        \tbranch v5, b1, b1\n\
        b1:\n\
        \tcall go main.(*T).M (args=16)\n\
        \tunreachable\n\
        }\n";
    let m = read_module("t.ir", text).unwrap();
    assert_eq!(m.data[0].name, "go.string.\"a b # c\"");
    assert_eq!(m.data[1].bytes.len(), 16);
    assert_eq!(m.data[1].relocs[0].target, "type.func(int) string");
    assert_eq!(m.data[1].relocs[0].addend, -8);
    let f = &m.funcs[0];
    assert_eq!((f.name.as_str(), f.file.as_str(), f.line, f.args_size), ("main.(*T).M", "./a b.go", 3, 16));
    assert_eq!(f.slots[0].name, "x \"y\" \u{7f}");
    assert_eq!(f.blocks[0].insts[0].line, 4);
    assert_eq!(f.vregs.len(), 6);
    let printed = print_module(&m);
    assert!(printed.contains("  v3:ptr = sym go.string.\"a b # c\"+2\n  v4:f64 = fconst -0.0\n"), "{printed}");
    round_trip("printed", &printed).unwrap();
}
