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
        (
            "func f(args=0) ./a.go:1 {\nb0:\n  v0:i64 = const 1\n  v1:i64 = add v0, v2\n  ret\n}\n",
            "t.ir:4:20: v2 is read but never defined",
        ),
        ("func f(args=0) ./a.go:1 {\nb0:\n  v0:i64 = frob 1\n  ret\n}\n", "t.ir:3:12: unknown operation `frob`"),
        ("func f(args=0) ./a.go:1 {\nb0:\n  jump b4\n}\n", "t.ir:3:8: no block b4 in f"),
        ("func f(args=0) ./a.go:1 {\nb0:\n  v0:i64 = const 1\n}\n", "t.ir:4:1: block b0 has no terminator"),
        (
            "func f(args=0) ./a.go:1 {\nb0:\n  v0:i64 = const 1\n  v0:i32 = const 2\n  ret\n}\n",
            "t.ir:4:3: v0 is i64 elsewhere, i32 here",
        ),
        ("func f(args=0) ./a.go:1 {\nb0:\n  v0:ptr = slot s1\n  ret\n}\n", "t.ir:3:17: no slot s1 in f"),
        ("func f(args=0) ./a.go:1 {\nb1:\n  ret\n}\n", "t.ir:2:1: expected block b0"),
        ("data x bss size=8 align=8 \"\\q\"\n", "t.ir:1:28: unknown escape"),
        (
            "func f(args=0) ./a.go:1 {\nb0:\n  v0:i64 = const 1 # one\n  ret\n",
            "t.ir:4:1: function f has no closing `}`",
        ),
        ("func f(args=0) ./a.go:1 {\nb0:\n  store.i32 [v0], v1\n  ret\n}\n", "t.ir:3:14: v0 is read but never defined"),
        ("func f(args=0) ./a.go:1 {\nb0:\n  v0:i64 = const x\n  ret\n}\n", "t.ir:3:18: expected an integer"),
        ("nonsense\n", "t.ir:1:1: expected `data` or `func`"),
        ("data x bss size=8 align=8\nfunc x(args=0) ./a.go:1 {\nb0:\n  ret\n}\n", "t.ir:2:6: symbol x defined twice"),
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

/// Each pass of the tables that has a directory test/data/opt/PASS: `g1c opt -pass PASS` of every `*.ir`
/// there (the verifier runs before and after) against the `*.out` next to it.
#[test]
fn pass_goldens() {
    let names: Vec<&str> =
        g1c::opt::MODULE_PASSES.iter().map(|p| p.name).chain(g1c::opt::PASSES.iter().map(|p| p.name)).collect();
    let mut n = 0;
    let mut dirs: Vec<PathBuf> = std::fs::read_dir(root().join("test/data/opt"))
        .unwrap()
        .map(|e| e.unwrap().path())
        .filter(|p| p.is_dir())
        .collect();
    dirs.sort();
    for dir in dirs {
        let pass = dir.file_name().unwrap().to_string_lossy().into_owned();
        assert!(names.contains(&pass.as_str()), "{}: no pass named {pass}", dir.display());
        let mut mint = goldenfile::Mint::new(&dir);
        for p in files(&dir, "ir") {
            let out = goenv::g1c().args(["opt", "-pass", &pass]).arg(&p).output().unwrap();
            let stderr = String::from_utf8_lossy(&out.stderr);
            assert!(out.status.success(), "g1c opt -pass {pass} {}: {stderr}", p.display());
            let golden = p.file_stem().unwrap().to_string_lossy().into_owned() + ".out";
            mint.new_goldenfile(golden).unwrap().write_all(&out.stdout).unwrap();
            n += 1;
        }
    }
    // Every function pass but none of the escape analysis (the text has no escape notes) has inputs.
    assert!(n >= 16, "only {n} inputs");
}

/// `g1c opt` and `g1c dump` on IR text: errors have positions and exit statuses, an unknown pass lists the
/// passes, `dump ir FILE.ir` prints what it read, and the whole pipeline runs when no pass is named.
#[test]
fn opt_command() {
    let dir = std::env::temp_dir().join(format!("g1c-learn-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let bad = dir.join("bad.ir");
    std::fs::write(&bad, "func f(args=0) ./a.go:1 {\nb0:\n  v0:i64 = const 1\n  jump b3\n}\n").unwrap();
    let out = goenv::g1c().args(["opt", "-pass", "dce"]).arg(&bad).output().unwrap();
    assert_eq!(out.status.code(), Some(1));
    assert_eq!(String::from_utf8_lossy(&out.stderr), format!("{}:4:8: no block b3 in f\n", bad.display()));
    // Read, but not valid IR: the verifier's message.
    std::fs::write(&bad, "func f(args=0) ./a.go:1 {\nb0:\n  v0:i64 = const 1\n  branch v0, b0, b0\n}\n").unwrap();
    let out = goenv::g1c().args(["opt"]).arg(&bad).output().unwrap();
    assert_eq!(out.status.code(), Some(1));
    assert!(String::from_utf8_lossy(&out.stderr)
        .contains("invalid IR: ./a.go:1: f b0: branch v0, b0, b0: condition is not i8"));
    // Block arguments must match the target's parameters; after an SSA pass, SSA form's invariants hold.
    let cases = [
        (
            "gvn",
            "func f(args=0) ./a.go:1 {\nb0:\n  v0:i64 = const 1\n  jump b1(v0)\nb1:\n  ret\n}\n",
            "invalid IR: ./a.go:1: f b0: jump b1(v0): b1 takes 0 arguments, given 1",
        ),
        (
            "indvar",
            "func f(args=0) ./a.go:1 {\nb0:\n  v0:i64 = const 1\n  v0:i64 = const 2\n  ret\n}\n",
            "invalid IR after pass indvar: ./a.go:1: f b0: v0 is defined more than once (SSA form)",
        ),
        (
            "gvn",
            "func f(args=0) ./a.go:1 {\nb0:\n  v0:i8 = const 1\n  branch v0, b1, b2\nb1:\n  v1:i64 = const 2\n  jump b2\nb2:\n  v2:ptr = arg +0\n  store.i64 [v2], v1\n  ret\n}\n",
            "invalid IR after pass gvn: ./a.go:1: f b2: store.i64 [v2], v1: v1 is read where its definition in b1 does not dominate (SSA form)",
        ),
    ];
    for (pass, text, want) in cases {
        std::fs::write(&bad, text).unwrap();
        let out = goenv::g1c().args(["opt", "-pass", pass]).arg(&bad).output().unwrap();
        assert_eq!(out.status.code(), Some(1));
        let err = String::from_utf8_lossy(&out.stderr);
        assert!(err.contains(want), "{err}");
    }
    let input = root().join("test/data/opt/layout/order.ir");
    let out = goenv::g1c().args(["opt", "-pass", "nosuch"]).arg(&input).output().unwrap();
    assert_eq!(out.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&out.stderr)
        .contains("no pass named nosuch; the passes are: escape, inline, addrfold, sroa"));
    // Two passes in order, as one flag or two.
    let one = goenv::g1c()
        .args(["opt", "-pass", "copyprop,dce"])
        .arg(root().join("test/data/opt/copyprop/global.ir"))
        .output()
        .unwrap();
    let two = goenv::g1c()
        .args(["opt", "-pass", "copyprop", "-pass", "dce"])
        .arg(root().join("test/data/opt/copyprop/global.ir"))
        .output()
        .unwrap();
    assert!(one.status.success() && one.stdout == two.stdout);
    assert!(!String::from_utf8_lossy(&one.stdout).contains("copy"), "{}", String::from_utf8_lossy(&one.stdout));
    // The whole pipeline, and `dump ir` of a golden prints it back unchanged.
    let all = goenv::g1c().arg("opt").arg(&input).output().unwrap();
    assert!(all.status.success(), "{}", String::from_utf8_lossy(&all.stderr));
    let golden = root().join("test/golden/ir/arith.ir");
    let out = goenv::g1c().args(["dump", "ir"]).arg(&golden).output().unwrap();
    assert_eq!(out.stdout, std::fs::read(&golden).unwrap());
    let _ = std::fs::remove_dir_all(&dir);
}

/// `g1c dump html FUNC FILE.go`: the page of test/data/html/tag.go's `tag` against its golden; string
/// constants with `<` and `&` are escaped; the same bytes every time.
#[test]
fn dump_html_golden() {
    let dir = std::env::temp_dir().join(format!("g1c-learn-html-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let src = root().join("test/data/html/tag.go");
    let mut pages = Vec::new();
    for i in 0..2 {
        let o = dir.join(format!("tag{i}.html"));
        let out = goenv::g1c().args(["dump", "html", "-o"]).arg(&o).arg("tag").arg(&src).output().unwrap();
        assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
        pages.push(std::fs::read_to_string(&o).unwrap());
    }
    assert_eq!(pages[0], pages[1], "the page differs between two runs");
    let page = &pages[0];
    assert!(page.contains("go.string.&quot;&lt;b&gt;&amp;amp;&lt;/b&gt;&quot;"), "string constant not escaped");
    assert!(!page.contains("\"<b>"), "raw string constant in the page");
    assert_eq!(page.matches("<span").count(), page.matches("</span>").count());
    // Every pass has its column, then the assembly.
    for p in g1c::opt::MODULE_PASSES.iter().map(|p| p.name).chain(g1c::opt::PASSES.iter().map(|p| p.name)) {
        assert!(page.contains(&format!("\">{p}</h2>")), "no column for {p}");
    }
    assert!(page.contains(">asm</h2><pre>TEXT main.tag "));
    // The source first, from the `func` line to the function's last line.
    assert!(page.contains(">source</h2><pre>   4  func tag(s string) string {\n"), "no source column");
    assert!(page.contains("   8  \treturn &quot;&lt;b&gt;&quot; + s + &quot;&lt;/b&gt;&quot;\n   9  }\n</pre>"));
    goldenfile::Mint::new(root().join("test/golden/html"))
        .new_goldenfile("tag.html")
        .unwrap()
        .write_all(page.as_bytes())
        .unwrap();
    // An unknown function is an error that lists them.
    let out = goenv::g1c().args(["dump", "html", "nosuch"]).arg(&src).current_dir(&dir).output().unwrap();
    assert_eq!(out.status.code(), Some(1));
    assert!(String::from_utf8_lossy(&out.stderr).contains("no function nosuch; the functions are: main.tag, main.main"));
    let _ = std::fs::remove_dir_all(&dir);
}

/// Damaged text (lines cut, characters dropped, doubled or replaced, lines swapped) is read or refused with
/// a positioned error, never a panic: a deterministic sweep over the goldens.
#[test]
fn damaged_text_never_panics() {
    let mut texts: Vec<String> = Vec::new();
    for dir in ["test/golden/ir", "test/data/opt/sroa", "test/data/opt/inline"] {
        for ext in ["ir", "out"] {
            for p in files(&root().join(dir), ext) {
                texts.push(std::fs::read_to_string(p).unwrap());
            }
        }
    }
    let noise =
        ["\"", "\\", "#", " ", "v", "b99", "+", "-", "(", ")", ":", "\u{e9}", "\\x", "\\u{", "[", "]", "v99999999999"];
    let mut seed: u64 = 12;
    let mut next = |n: usize| {
        seed = seed.wrapping_mul(6364136223846793005).wrapping_add(1442695040888963407);
        ((seed >> 33) as usize) % n.max(1)
    };
    let mut refused = 0;
    for round in 0..3000 {
        let text = &texts[round % texts.len()];
        let mut lines: Vec<String> = text.lines().map(str::to_string).collect();
        let k = next(lines.len());
        let line = &mut lines[k];
        let at = (0..=line.len()).filter(|i| line.is_char_boundary(*i)).nth(next(line.len() + 1)).unwrap_or(0);
        match next(5) {
            0 => line.truncate(at),
            1 => {
                if let Some(c) = line[at..].chars().next() {
                    line.replace_range(at..at + c.len_utf8(), "");
                }
            }
            2 => line.insert_str(at, noise[next(noise.len())]),
            3 => {
                let s = line[at..].to_string();
                line.insert_str(at, &s);
            }
            _ => {
                let j = next(lines.len());
                lines.swap(k, j);
            }
        }
        let damaged = lines.join("\n") + "\n";
        let r = std::panic::catch_unwind(|| read_module("d.ir", &damaged));
        match r {
            Err(_) => panic!("the reader panicked on:\n{damaged}"),
            Ok(Err(e)) => {
                assert!(e.starts_with("d.ir:"), "{e}");
                refused += 1;
            }
            Ok(Ok(m)) => {
                // What was read prints and reads back to the same module.
                let again = print_module(&m);
                assert_eq!(read_module("again.ir", &again).map(|m2| print_module(&m2)), Ok(again.clone()));
            }
        }
    }
    assert!(refused > 500, "only {refused} damaged texts were refused");
}
