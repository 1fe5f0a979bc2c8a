//! The independent programs and files the g1c crate's tests compare against, found under their Debian names:
//! `llvm-mc-14`, `llvm-objdump-14`, `llvm-readobj-14` (package llvm-14) on `PATH`, the reference gc at
//! `/usr/lib/go-1.19/bin/go` (golang-1.19-go) and the Go 1.19 tree at `/usr/share/go-1.19` (golang-1.19-src).
//!
//! In: which oracle a test needs. Out: its path. Invariant: a missing oracle panics with the Debian package
//! to install, so a test that needs one fails instead of passing without comparing anything (`.ci/run`
//! installs all three packages). The harness crate includes this file too; the asm crate has its own copy of
//! the PATH lookup (`asm/src/oracle.rs`).

#![allow(dead_code)] // each test file uses some of these

use std::path::{Path, PathBuf};

/// The path of `command` on `PATH`; panics naming `package` when it is not there. Only `PATH` is searched
/// (not, say, `/usr/lib/llvm-14/bin`), so that taking a tool off `PATH` shows what CI does without it.
pub fn on_path(command: &str, package: &str) -> PathBuf {
    use std::os::unix::fs::PermissionsExt;
    let path = std::env::var_os("PATH").unwrap_or_default();
    std::env::split_paths(&path)
        .map(|dir| dir.join(command))
        .find(|p| std::fs::metadata(p).is_ok_and(|m| m.is_file() && m.permissions().mode() & 0o111 != 0))
        .unwrap_or_else(|| missing(command, package))
}

fn missing(what: &str, package: &str) -> ! {
    panic!("{what} not found: it is this test's oracle; install the Debian package {package}")
}

/// `llvm-mc-14`: an independent x86 assembler and disassembler.
pub fn llvm_mc() -> PathBuf {
    on_path("llvm-mc-14", "llvm-14")
}

/// `llvm-readobj-14`: an independent ELF reader.
pub fn llvm_readobj() -> PathBuf {
    on_path("llvm-readobj-14", "llvm-14")
}

/// The reference gc's `go` command.
pub fn gc() -> PathBuf {
    let p = Path::new("/usr/lib/go-1.19/bin/go");
    if !p.is_file() {
        missing(&p.display().to_string(), "golang-1.19-go");
    }
    p.to_path_buf()
}

/// The Go 1.19 source tree (`src/` and the conformance suite `test/`); g1c's default GOROOT.
pub fn goroot() -> PathBuf {
    let p = Path::new("/usr/share/go-1.19");
    for sub in ["src/fmt", "test"] {
        if !p.join(sub).is_dir() {
            missing(&p.join(sub).display().to_string(), "golang-1.19-src");
        }
    }
    p.to_path_buf()
}
