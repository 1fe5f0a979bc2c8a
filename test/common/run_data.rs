//! What test/run.rs and test/gc.rs share: where the end-to-end programs live and how gc's recorded behaviour
//! (`test/data/run/NAME.out`, written by `test/data/run/regen.sh`) is read.

use std::path::{Path, PathBuf};

pub fn data_dir() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("test/data/run")
}

/// A program's behaviour under gc: `--- stdout`, `--- stderr`, `--- exit N` sections of its `.out` file.
pub struct Expected {
    pub stdout: String,
    pub stderr: String,
    pub exit: i32,
}

pub fn parse_expected(text: &str) -> Expected {
    let rest = text.strip_prefix("--- stdout\n").expect("missing --- stdout");
    let (stdout, rest) = rest.split_once("--- stderr\n").expect("missing --- stderr");
    let (stderr, exit) = rest.rsplit_once("--- exit ").expect("missing --- exit");
    Expected { stdout: stdout.to_string(), stderr: stderr.to_string(), exit: exit.trim().parse().unwrap() }
}
