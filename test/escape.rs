//! Escape analysis against gc: each program of `test/data/escape/` is built with `g1c build -gcflags=-m`
//! and with gc's `go build -gcflags='-m -l'` (`-l`: no inlining, which g1c does not do), and the facts are
//! compared as sets of `file:line:col: message`.
//!
//! Compared: the facts g1c computes (`moved to heap: x`; `new(T)`, `&T{...}`, `make(...)`, slice
//! literals, `func literal`, `... argument` that escape or do not; `leaking param: p`, `leaking param
//! content: p`, `p does not escape`). gc's `leaking param: p to result ~r0 level=0` is compared as `leaking
//! param: p` (g1c does not tell leaks to results apart). Not compared: gc's reports about values converted
//! to interfaces (`x escapes to heap`), which g1c does not make. A source line marked `// differs: why`
//! is left out of the comparison: the comment says where the two analyses part.

#[path = "common/goenv.rs"]
mod goenv;
#[path = "common/oracle.rs"]
mod oracle;

use std::collections::BTreeSet;
use std::path::Path;

/// The `./file.go:L:C: message` lines of a -m report, normalized as the module comment says.
fn facts(stderr: &str) -> BTreeSet<String> {
    stderr
        .lines()
        .filter(|l| l.starts_with("./"))
        .map(|l| match l.find(" to result ") {
            Some(i) if l.contains(": leaking param") => l[..i].to_string(),
            _ => l.to_string(),
        })
        .collect()
}

/// Whether a fact is of a kind g1c computes (see the module comment).
fn compared(fact: &str) -> bool {
    let msg = fact.splitn(4, ':').nth(3).unwrap_or("").trim_start();
    if msg.starts_with("moved to heap: ") || msg.starts_with("leaking param") {
        return true;
    }
    let subject = msg.trim_end_matches(" escapes to heap").trim_end_matches(" does not escape");
    if subject == msg {
        return false;
    }
    ["new(", "&", "make(", "[]", "func literal", "... argument"].iter().any(|p| subject.starts_with(p))
        || (msg.ends_with(" does not escape") && !subject.contains(' '))
}

#[test]
fn escape_facts_match_gc() {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("test/data/escape");
    let mut files: Vec<_> = std::fs::read_dir(&dir)
        .unwrap()
        .map(|e| e.unwrap().path())
        .filter(|p| p.extension().is_some_and(|x| x == "go"))
        .collect();
    files.sort();
    assert!(!files.is_empty());
    let mut failures = Vec::new();
    for f in &files {
        let name = f.file_name().unwrap().to_str().unwrap();
        let src = std::fs::read_to_string(f).unwrap();
        let skipped: Vec<usize> =
            src.lines().enumerate().filter(|(_, l)| l.contains("// differs:")).map(|(i, _)| i + 1).collect();
        let keep = |fact: &String| {
            let line: usize = fact.split(':').nth(1).and_then(|l| l.parse().ok()).unwrap_or(0);
            compared(fact) && !skipped.contains(&line)
        };
        let gc = goenv::command(oracle::gc())
            .args(["build", "-gcflags=-m -l", "-o", "/dev/null", name])
            .env("GO111MODULE", "off")
            .current_dir(&dir)
            .output()
            .unwrap();
        assert!(gc.status.success(), "gc failed on {name}: {}", String::from_utf8_lossy(&gc.stderr));
        let ours =
            goenv::g1c().args(["build", "-gcflags=-m", "-o", "/dev/null", name]).current_dir(&dir).output().unwrap();
        assert!(ours.status.success(), "g1c failed on {name}: {}", String::from_utf8_lossy(&ours.stderr));
        let want: BTreeSet<String> = facts(&String::from_utf8_lossy(&gc.stderr)).into_iter().filter(keep).collect();
        let got: BTreeSet<String> = facts(&String::from_utf8_lossy(&ours.stderr)).into_iter().filter(keep).collect();
        for missing in want.difference(&got) {
            failures.push(format!("{name}: gc reports, g1c does not: {missing}"));
        }
        for extra in got.difference(&want) {
            failures.push(format!("{name}: g1c reports, gc does not: {extra}"));
        }
    }
    assert!(failures.is_empty(), "{}", failures.join("\n"));
}
