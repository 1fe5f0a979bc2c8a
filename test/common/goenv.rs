//! The Go environment a test means, whatever the shell that runs `cargo test` exports.
//!
//! In: a program to run (g1c, a program it built, the reference gc) or, for code that reads the environment in
//! process, the variables a test sets. Out: a `Command` whose environment holds none of the caller's Go
//! variables (`GO*`, `CGO_*`: GO111MODULE, GOFLAGS, GOOS, GOARCH, GOPATH, GOROOT, GOENV, GOGC, GOMAXPROCS,
//! GOTRACEBACK, GODEBUG, ...), to which the test adds what it depends on with `.env`; or a lookup that sees
//! only the test's variables. Invariant: a test's outcome does not depend on the user's Go settings; each
//! test names every Go variable it needs (an unset one means the tool's default, which is what the test
//! expects).

#![allow(dead_code)] // each test file uses some of these

use std::ffi::OsStr;
use std::process::Command;

/// Whether `name` is read by the go command, g1c, or a Go program's runtime.
fn is_go_var(name: &OsStr) -> bool {
    let name = name.to_string_lossy();
    name.starts_with("GO") || name.starts_with("CGO_")
}

/// `program` to be run with the caller's Go variables removed.
pub fn command(program: impl AsRef<OsStr>) -> Command {
    let mut cmd = Command::new(program);
    for (k, _) in std::env::vars_os().filter(|(k, _)| is_go_var(k)) {
        cmd.env_remove(k);
    }
    cmd
}

/// The g1c under test, with a clean Go environment.
pub fn g1c() -> Command {
    command(env!("CARGO_BIN_EXE_g1c"))
}

/// For code that reads the environment in process (`g1c::load::Config::from_vars`): a lookup that sees only
/// `set`, never the caller's variables (`HOME` included: a default under it would depend on the user).
pub fn vars(set: &[(&str, &str)]) -> impl Fn(&str) -> Option<String> {
    let set: Vec<(String, String)> = set.iter().map(|(k, v)| (k.to_string(), v.to_string())).collect();
    move |k| set.iter().find(|(n, _)| n == k).map(|(_, v)| v.clone())
}
