//! Build script of the g1c package: embeds the runtime's sources (rt/Cargo.toml and rt/src/**) into the
//! compiler, so that a g1c binary can build its runtime archive anywhere (src/rtbuild.rs), and the Go-side
//! overlay of the standard library (lib/**, DESIGN §7), so that a g1c binary loads the same overlay wherever
//! it runs (src/load/overlay.rs).
//!
//! In: the files under rt/ and lib/. Out: `$OUT_DIR/rt_sources.rs`, defining
//! `RT_SOURCES: &[(&str, &[u8])]` — (path relative to rt/, bytes) pairs in sorted path order, each pulled in
//! with `include_bytes!` — and `$OUT_DIR/lib_sources.rs`, defining `LIB_SOURCES` the same way for lib/.
//! Sorted order keeps the tables (and the runtime cache key) independent of the order in which the file
//! system lists directories.

use std::env;
use std::fs;
use std::path::{Path, PathBuf};

fn main() {
    let root = PathBuf::from(env::var_os("CARGO_MANIFEST_DIR").expect("cargo sets CARGO_MANIFEST_DIR"));
    let rt = root.join("rt");
    println!("cargo:rerun-if-changed=rt");

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
