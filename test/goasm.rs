//! Go assembly (`.s` files of packages outside GOROOT): `goasm` reads them, `codegen::amd64::goasm`
//! assembles them, and the functions they define link with compiled Go.
//!
//! - Encoding: test/data/goasm/enc/enc_amd64.s is assembled by g1c and by gc's `go tool asm`; both
//!   results are disassembled by llvm-mc-14 and must list the same instructions (byte-for-byte equality
//!   is not the point: x86 has several encodings of one instruction, and the toolchain's bits do not
//!   depend on them).
//! - Running: test/data/goasm/prog (arguments through FP, a frame and calls back into Go, a loop over a
//!   slice, a file-private table in DATA/GLOBL, CPUID) prints what gc's build prints.
//! - Errors: an instruction g1c does not know is reported as `file:line: message` under the package's
//!   header, exit status 1.

#[path = "common/oracle.rs"]
mod oracle;

#[path = "common/goenv.rs"]
mod goenv;

use g1c::codegen::amd64::goasm as amd64;
use g1c::goasm;
use std::path::{Path, PathBuf};
use std::process::Command;

fn data(rel: &str) -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("test/data/goasm").join(rel)
}

fn scratch(name: &str) -> PathBuf {
    let d = std::env::temp_dir().join(format!("g1c-goasm-{}-{name}", std::process::id()));
    let _ = std::fs::remove_dir_all(&d);
    std::fs::create_dir_all(&d).unwrap();
    d
}

/// Intel-syntax instructions of machine code, as llvm-mc-14 disassembles it.
fn disassemble(bytes: &[u8]) -> Vec<String> {
    let hex: Vec<String> = bytes.iter().map(|b| format!("0x{b:02x}")).collect();
    let mut child = Command::new(oracle::llvm_mc())
        .args(["--disassemble", "--output-asm-variant=1", "-triple=x86_64"])
        .stdin(std::process::Stdio::piped())
        .stdout(std::process::Stdio::piped())
        .spawn()
        .unwrap();
    use std::io::Write;
    child.stdin.take().unwrap().write_all(hex.join(" ").as_bytes()).unwrap();
    let out = child.wait_with_output().unwrap();
    assert!(out.status.success(), "llvm-mc failed");
    String::from_utf8_lossy(&out.stdout)
        .lines()
        .map(|l| l.split('#').next().unwrap().trim().to_string())
        .filter(|l| !l.is_empty() && !l.starts_with('.'))
        .collect()
}

#[test]
fn instructions_mean_what_gcs_assembler_makes_them() {
    let file = data("enc/enc_amd64.s");
    let goroot = oracle::goroot();
    let include = goroot.join("pkg/include");
    // gc: assemble, then read the bytes back from `go tool objdump` (one instruction per line).
    let dir = scratch("enc");
    let obj = dir.join("enc.o");
    let st = goenv::command(oracle::gc())
        .args(["tool", "asm", "-p", "main", "-I"])
        .arg(&include)
        .arg("-o")
        .arg(&obj)
        .arg(&file)
        .status()
        .unwrap();
    assert!(st.success(), "go tool asm failed");
    let out = goenv::command(oracle::gc()).args(["tool", "objdump"]).arg(&obj).output().unwrap();
    assert!(out.status.success());
    let mut gc_bytes = Vec::new();
    for line in String::from_utf8_lossy(&out.stdout).lines().filter(|l| l.trim_start().starts_with("enc_amd64.s:")) {
        let hex = line.split_whitespace().nth(2).unwrap();
        gc_bytes.extend((0..hex.len()).step_by(2).map(|i| u8::from_str_radix(&hex[i..i + 2], 16).unwrap()));
    }
    // g1c
    let src = std::fs::read_to_string(&file).unwrap();
    let cfg = goasm::Config {
        pkg: "main",
        file_no: 1,
        predefined: &[("GOOS_linux", "1"), ("GOARCH_amd64", "1")],
        include_dirs: &[include],
        is_reg: amd64::is_reg,
    };
    let parsed = goasm::read("enc_amd64.s", file.parent().unwrap(), &src, &cfg).unwrap();
    let syms = amd64::assemble(&parsed, "enc_amd64.s").unwrap();
    let f = syms.iter().find(|s| s.name == "main.f").unwrap();
    let ours = disassemble(&f.data);
    let theirs = disassemble(&gc_bytes);
    assert!(ours.len() > 80, "{ours:?}");
    pretty_assertions::assert_eq!(ours, theirs);
}

#[test]
fn a_package_with_assembly_runs_like_gc() {
    let prog = data("prog");
    let g1c = goenv::g1c().arg("run").arg(".").current_dir(&prog).output().unwrap();
    let gc =
        goenv::command(oracle::gc()).args(["run", "."]).env("GO111MODULE", "off").current_dir(&prog).output().unwrap();
    assert!(gc.status.success(), "gc: {}", String::from_utf8_lossy(&gc.stderr));
    assert!(g1c.status.success(), "g1c: {}", String::from_utf8_lossy(&g1c.stderr));
    assert_eq!(String::from_utf8_lossy(&g1c.stdout), String::from_utf8_lossy(&gc.stdout));
}

#[test]
fn unknown_instructions_are_errors_with_positions() {
    let dir = scratch("bad");
    std::fs::write(dir.join("main.go"), "package main\n\nfunc f()\n\nfunc main() { f() }\n").unwrap();
    std::fs::write(
        dir.join("f_amd64.s"),
        "#include \"textflag.h\"\n\nTEXT ·f(SB), NOSPLIT, $0\n\tVPXOR Y0, Y0, Y0\n\tRET\n",
    )
    .unwrap();
    let out = goenv::g1c().arg("build").arg("-o").arg(dir.join("x")).arg(".").current_dir(&dir).output().unwrap();
    let err = String::from_utf8_lossy(&out.stderr);
    assert_eq!(out.status.code(), Some(1), "{err}");
    assert!(err.lines().any(|l| l.starts_with("./f_amd64.s:4: ") && l.contains("VPXOR")), "{err}");
    // Without the assembly file the body is missing, as gc says.
    std::fs::remove_file(dir.join("f_amd64.s")).unwrap();
    let out = goenv::g1c().arg("build").arg("-o").arg(dir.join("x")).arg(".").current_dir(&dir).output().unwrap();
    let err = String::from_utf8_lossy(&out.stderr);
    assert_eq!(out.status.code(), Some(1), "{err}");
    assert!(err.contains("missing function body"), "{err}");
}
