//! Build script of the g1c package. It embeds into the compiler:
//! - the runtime's sources (rt/Cargo.toml and rt/src/**), from which a g1c binary builds the runtime
//!   archive of another target on demand (src/rtbuild);
//! - the runtime archive of the host target (`rtbuild::rustc::HOST_TARGET`), compiled here by the rustc
//!   that compiles g1c (cargo's `$RUSTC`), so that building a linux/amd64 program runs no outside program;
//! - the Go-side overlay of the standard library (lib/**, DESIGN §7), so that a g1c binary loads the same
//!   overlay wherever it runs (src/load/overlay.rs).
//!
//! In: the files under rt/ and lib/; `$RUSTC`, `$TARGET`. Out: `$OUT_DIR/rt_sources.rs`, defining
//! `RT_SOURCES: &[(&str, &[u8])]` — (path relative to rt/, bytes) pairs in sorted path order, each pulled in
//! with `include_bytes!`; `$OUT_DIR/rt_host.rs`, defining `HOST_ARCHIVE: Option<&[u8]>` and
//! `HOST_RUSTC_VERSION: &str` (`rustc -vV`); and `$OUT_DIR/lib_sources.rs`, defining `LIB_SOURCES` the same
//! way for lib/. Sorted order keeps the tables (and the runtime cache key) independent of the order in
//! which the file system lists directories. The host archive is built from a copy of the sources in
//! `$OUT_DIR/rt-src` with the same rustc command line as rtbuild's (src/rtbuild/rustc.rs), so its bytes are
//! the ones rtbuild would make from the embedded sources.

#[path = "src/rtbuild/rustc.rs"]
mod rustc;

use std::env;
use std::fs;
use std::path::{Path, PathBuf};
use std::process::Command;

fn main() {
    let root = PathBuf::from(env::var_os("CARGO_MANIFEST_DIR").expect("cargo sets CARGO_MANIFEST_DIR"));
    let rt = root.join("rt");
    println!("cargo:rerun-if-changed=rt");
    println!("cargo:rerun-if-changed=src/rtbuild/rustc.rs");

    let mut files = vec!["Cargo.toml".to_string()];
    walk(&rt, Path::new("src"), &mut files);
    files.sort();

    let mut out = String::from("/// The runtime's sources: (path relative to rt/, contents), sorted by path.\n");
    out.push_str("pub static RT_SOURCES: &[(&str, &[u8])] = &[\n");
    for f in &files {
        let abs = rt.join(f);
        out.push_str(&format!("    ({:?}, include_bytes!({:?})),\n", f, abs.to_str().expect("UTF-8 path")));
    }
    out.push_str("];\n");
    let dest = PathBuf::from(env::var_os("OUT_DIR").expect("cargo sets OUT_DIR")).join("rt_sources.rs");
    fs::write(&dest, out).unwrap_or_else(|e| panic!("writing {}: {e}", dest.display()));
    build_host_runtime(&rt, &files);

    let lib = root.join("lib");
    println!("cargo:rerun-if-changed=lib");
    let mut files = Vec::new();
    walk(&lib, Path::new(""), &mut files);
    files.sort();
    let mut out = String::from("/// The std overlay's files: (path relative to lib/, contents), sorted by path.\n");
    out.push_str("pub static LIB_SOURCES: &[(&str, &[u8])] = &[\n");
    for f in &files {
        let abs = lib.join(f);
        out.push_str(&format!("    ({:?}, include_bytes!({:?})),\n", f, abs.to_str().expect("UTF-8 path")));
    }
    out.push_str("];\n");
    let dest = PathBuf::from(env::var_os("OUT_DIR").expect("cargo sets OUT_DIR")).join("lib_sources.rs");
    fs::write(&dest, out).unwrap_or_else(|e| panic!("writing {}: {e}", dest.display()));
}

/// Compiles rt (`files`, relative to `rt`) for the host target into `$OUT_DIR/rt-src/librt.a` and writes
/// `$OUT_DIR/rt_host.rs`. On another host (g1c cross-compiled, or built on a non-amd64 machine) nothing is
/// embedded and rtbuild builds the archive on demand.
fn build_host_runtime(rt: &Path, files: &[String]) {
    let out_dir = PathBuf::from(env::var_os("OUT_DIR").expect("cargo sets OUT_DIR"));
    let dest = out_dir.join("rt_host.rs");
    let target = env::var("TARGET").expect("cargo sets TARGET");
    if target != rustc::HOST_TARGET {
        let text = "pub static HOST_ARCHIVE: Option<&[u8]> = None;\npub static HOST_RUSTC_VERSION: &str = \"\";\n";
        fs::write(&dest, text).unwrap_or_else(|e| panic!("writing {}: {e}", dest.display()));
        return;
    }
    let rustc = env::var_os("RUSTC").expect("cargo sets RUSTC");
    let version = Command::new(&rustc).arg("-vV").output().unwrap_or_else(|e| panic!("running rustc -vV: {e}"));
    assert!(version.status.success(), "rustc -vV failed: {}", String::from_utf8_lossy(&version.stderr));
    let version = String::from_utf8(version.stdout).expect("rustc -vV prints UTF-8");

    let src = out_dir.join("rt-src");
    if src.exists() {
        fs::remove_dir_all(&src).unwrap_or_else(|e| panic!("removing {}: {e}", src.display()));
    }
    for f in files {
        let to = src.join(f);
        fs::create_dir_all(to.parent().expect("a file has a parent"))
            .unwrap_or_else(|e| panic!("creating {}: {e}", to.display()));
        fs::copy(rt.join(f), &to).unwrap_or_else(|e| panic!("copying rt/{f}: {e}"));
    }
    let out = Command::new(&rustc)
        .current_dir(&src)
        .args(rustc::archive_args(rustc::HOST_TARGET, &src))
        .output()
        .unwrap_or_else(|e| panic!("running rustc: {e}"));
    if !out.status.success() {
        panic!("rustc failed to compile the runtime (rt/) for {target}:\n{}", String::from_utf8_lossy(&out.stderr));
    }
    let archive = src.join("librt.a");
    let text = format!(
        "pub static HOST_ARCHIVE: Option<&[u8]> = Some(include_bytes!({:?}));\npub static HOST_RUSTC_VERSION: &str = {:?};\n",
        archive.to_str().expect("UTF-8 path"),
        version
    );
    fs::write(&dest, text).unwrap_or_else(|e| panic!("writing {}: {e}", dest.display()));
}

/// Appends the files under `rt/rel`, as '/'-separated paths relative to `rt` (any root: rt/ or lib/).
fn walk(rt: &Path, rel: &Path, files: &mut Vec<String>) {
    let dir = rt.join(rel);
    let entries = fs::read_dir(&dir).unwrap_or_else(|e| panic!("reading {}: {e}", dir.display()));
    for entry in entries {
        let entry = entry.unwrap_or_else(|e| panic!("reading {}: {e}", dir.display()));
        let rel = rel.join(entry.file_name());
        let ty = entry.file_type().unwrap_or_else(|e| panic!("{}: {e}", rel.display()));
        if ty.is_dir() {
            walk(rt, &rel, files);
        } else if ty.is_file() {
            let parts: Vec<String> = rel.iter().map(|p| p.to_str().expect("UTF-8 path").to_string()).collect();
            files.push(parts.join("/"));
        }
    }
}
