//! ir tests: `g1c dump ir` of the programs in test/data/ir/ against the goldens in test/golden/ir/
//! (update with `UPDATE_GOLDENFILES=1`), and, end to end, `g1c run` of the same programs against the output
//! of gc (`*.out`, recorded with `go run`; a panic's traceback is cut after the message, as its addresses
//! differ).

#[path = "common/goenv.rs"]
mod goenv;

use std::io::Write;
use std::path::{Path, PathBuf};

use goldenfile::Mint;

fn programs() -> Vec<PathBuf> {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("test/data/ir");
    let mut v: Vec<PathBuf> = std::fs::read_dir(&dir)
        .unwrap()
        .map(|e| e.unwrap().path())
        .filter(|p| p.extension().is_some_and(|e| e == "go"))
        .collect();
    v.sort();
    v
}

#[test]
fn dump_ir_goldens() {
    let mut mint = Mint::new(Path::new(env!("CARGO_MANIFEST_DIR")).join("test/golden/ir"));
    for p in programs() {
        let out = goenv::g1c().arg("dump").arg("ir").arg(&p).output().unwrap();
        let stderr = String::from_utf8_lossy(&out.stderr);
        assert!(out.status.success(), "g1c dump ir {}: {stderr}", p.display());
        let name = p.file_stem().unwrap().to_string_lossy().into_owned() + ".ir";
        let mut f = mint.new_goldenfile(name).unwrap();
        f.write_all(&out.stdout).unwrap();
    }
}

#[test]
fn unsupported_features_are_errors() {
    let dir = std::env::temp_dir().join(format!("g1c-ir-test-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let p = dir.join("m.go");
    // A std package the back end cannot compile yet (runtime/metrics reads gc's runtime statistics through
    // runtime_readMetrics, which rt does not provide): a clear error at the import, exit 1, never a crash or
    // a silent success.
    let src = "package main\n\nimport \"runtime/metrics\"\n\nfunc main() {\n\tprintln(len(metrics.All()) > 0)\n}\n";
    std::fs::write(&p, src).unwrap();
    let out = goenv::g1c().arg("build").arg("-o").arg(dir.join("m")).arg(&p).output().unwrap();
    let _ = std::fs::remove_dir_all(&dir);
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert_eq!(out.status.code(), Some(1), "{stderr}");
    assert!(stderr.contains(":3:8:") && stderr.contains("not supported yet"), "{stderr}");
}

/// `g1c run` output (stdout then stderr, cut after a panic's message) and gc's recorded output must match.
#[test]
fn run_matches_gc() {
    let mut failures = Vec::new();
    for p in programs() {
        let want = std::fs::read_to_string(p.with_extension("out")).unwrap();
        let out = goenv::g1c().arg("run").arg(&p).output().unwrap();
        let mut got = String::from_utf8_lossy(&out.stdout).into_owned();
        got += &String::from_utf8_lossy(&out.stderr);
        if let Some(i) = got.find("goroutine 1 [running]:") {
            got.truncate(i);
            got += "exit status 2\n";
        }
        if got != want {
            failures.push(format!("{}:\n--- want\n{want}--- got\n{got}", p.display()));
        }
    }
    assert!(failures.is_empty(), "{}", failures.join("\n"));
}

/// The optimizer's passes (`g1c dump ir -after PASS`, every pass of `g1c::opt::PASSES`, the verifier after
/// each) on test/data/opt/passes.go against the goldens in test/golden/opt/, and the program's output
/// against gc's.
#[test]
fn opt_pass_goldens() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let p = root.join("test/data/opt/passes.go");
    let mut mint = Mint::new(root.join("test/golden/opt"));
    let names = g1c::opt::MODULE_PASSES.iter().map(|p| p.name).chain(g1c::opt::PASSES.iter().map(|p| p.name));
    for name in names {
        let out = goenv::g1c().args(["dump", "ir", "-after", name]).arg(&p).env("G1C_VERIFY", "1").output().unwrap();
        let stderr = String::from_utf8_lossy(&out.stderr);
        assert!(out.status.success(), "g1c dump ir -after {name} {}: {stderr}", p.display());
        let mut f = mint.new_goldenfile(format!("passes.{name}.ir")).unwrap();
        f.write_all(&out.stdout).unwrap();
    }
    let out = goenv::g1c().arg("run").arg(&p).env("G1C_VERIFY", "1").output().unwrap();
    let mut got = String::from_utf8_lossy(&out.stdout).into_owned();
    got += &String::from_utf8_lossy(&out.stderr);
    assert_eq!(got, std::fs::read_to_string(p.with_extension("out")).unwrap());
    // An unknown pass is an error that lists the passes.
    let out = goenv::g1c().args(["dump", "ir", "-after", "nosuch"]).arg(&p).output().unwrap();
    assert!(!out.status.success());
    assert!(String::from_utf8_lossy(&out.stderr)
        .contains("the passes are: escape, inline, addrfold, sroa, argload, copyprop"));
}
