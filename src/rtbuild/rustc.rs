//! The one rustc command line that compiles rt into a static archive.
//!
//! In: a target triple and a directory holding rt's sources (`Cargo.toml`, `src/**`). Out: the arguments
//! of a rustc run, started in that directory, that writes `librt.a` there.
//!
//! Shared, by `#[path]`, between build.rs (which builds the host's archive when g1c itself is built, with
//! the rustc that builds g1c, and embeds it) and `rtbuild` (which builds other targets' archives on
//! demand): the same sources, target and rustc give the same bytes either way. The source directory is
//! remapped to `rt`, so no path of the build machine reaches the archive.

use std::ffi::OsString;
use std::path::Path;

/// The Rust target whose archive is embedded in g1c: the one linux/amd64 programs link with.
pub const HOST_TARGET: &str = "x86_64-unknown-linux-gnu";

/// rustc's arguments to compile `dir/src/lib.rs` for `target` into `librt.a` (run with `dir` as the
/// working directory).
pub fn archive_args(target: &str, dir: &Path) -> Vec<OsString> {
    let mut remap = OsString::from("--remap-path-prefix=");
    remap.push(dir.as_os_str());
    remap.push("=rt");
    let mut args: Vec<OsString> = [
        "--crate-name",
        "rt",
        "--crate-type",
        "staticlib",
        "--edition",
        "2021",
        "--target",
        target,
        // No unwinding in the runtime; one codegen unit and no debug info keep the archive small and its
        // bytes independent of thread scheduling; frame pointers let tracebacks walk through rt frames.
        "-C",
        "panic=abort",
        "-C",
        "opt-level=2",
        "-C",
        "codegen-units=1",
        "-C",
        "debuginfo=0",
        "-C",
        "force-frame-pointers=yes",
        "-C",
        "relocation-model=static",
    ]
    .iter()
    .map(OsString::from)
    .collect();
    args.push(remap);
    args.extend(["src/lib.rs", "-o", "librt.a"].iter().map(OsString::from));
    args
}
