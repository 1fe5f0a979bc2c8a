//! Test-only: the independent tools the encoder tests compare against, found under their Debian names.
//!
//! In: a tool's Debian command name (`llvm-mc-14`) and the Debian package that provides it (`llvm-14`).
//! Out: the tool's path, found on `PATH`. Invariant: a missing oracle is a test failure that names the package
//! to install, never a skipped check; CI (`.ci/run`) installs the packages, so a pass always means compared.
//! (The g1c crate's tests have the same rule in `test/common/oracle.rs`; this crate cannot share that file.)

use std::path::PathBuf;

/// The path of `command` on `PATH`; panics naming `package` when it is not there.
pub fn find(command: &str, package: &str) -> PathBuf {
    use std::os::unix::fs::PermissionsExt;
    let path = std::env::var_os("PATH").unwrap_or_default();
    std::env::split_paths(&path)
        .map(|dir| dir.join(command))
        .find(|p| std::fs::metadata(p).is_ok_and(|m| m.is_file() && m.permissions().mode() & 0o111 != 0))
        .unwrap_or_else(|| {
            panic!("{command} not found on PATH: it is this test's oracle; install the Debian package {package}")
        })
}

/// `llvm-mc-14` (package llvm-14).
pub fn llvm_mc() -> PathBuf {
    find("llvm-mc-14", "llvm-14")
}

/// `llvm-objdump-14` (package llvm-14).
pub fn llvm_objdump() -> PathBuf {
    find("llvm-objdump-14", "llvm-14")
}
