//! Building the runtime archive: compiles `rt/` with rustc into a static archive per target, cached.
//!
//! In: a target triple; the runtime's sources, embedded in g1c at build time (build.rs → `RT_SOURCES`);
//! `rustc` (`$RUSTC` or `rustc` on PATH). Out: the path of `librt.a` for that target.
//! Contract for the driver: `runtime_archive(target_triple) -> Result<PathBuf, String>`.
//!
//! The cache lives in `$G1C_CACHE`, else `$XDG_CACHE_HOME/g1c`, else `$HOME/.cache/g1c`. An archive is
//! stored in `rt-<key>/librt.a`, where the key hashes the sources, the target and `rustc -vV` (a different
//! runtime, target or compiler gives a different directory; nothing is ever overwritten). A build happens in
//! a private temporary directory inside the cache and is then renamed into place, so concurrent g1c
//! processes never see a half-written archive; when two race, the loser uses the winner's archive.
//! Invariant: the archive's bytes depend only on the key's inputs (no paths: the temporary directory is
//! remapped to `rt`), so two caches hold identical archives.

use std::env;
use std::ffi::OsString;
use std::fs;
use std::io::ErrorKind;
use std::path::{Path, PathBuf};
use std::process::Command;

include!(concat!(env!("OUT_DIR"), "/rt_sources.rs"));

/// The runtime archive for `target`, built now if the cache does not hold it yet.
pub fn runtime_archive(target: &str) -> Result<PathBuf, String> {
    runtime_archive_in(&cache_dir()?, target)
}

/// As `runtime_archive`, with an explicit cache directory.
pub fn runtime_archive_in(cache: &Path, target: &str) -> Result<PathBuf, String> {
    let rustc = env::var_os("RUSTC").unwrap_or_else(|| OsString::from("rustc"));
    build_cached(cache, &rustc, target)
}

fn build_cached(cache: &Path, rustc: &OsString, target: &str) -> Result<PathBuf, String> {
    let version = rustc_version(rustc)?;
    let key = cache_key(RT_SOURCES, target, &version);
    let dir = cache.join(format!("rt-{key}"));
    let archive = dir.join("librt.a");
    if archive.is_file() {
        return Ok(archive);
    }
    fs::create_dir_all(cache).map_err(|e| format!("creating cache directory {}: {e}", cache.display()))?;
    let tmp = fresh_temp_dir(cache, &key)?;
    let built = build(rustc, &tmp, target);
    if let Err(e) = built {
        let _ = fs::remove_dir_all(&tmp);
        return Err(e);
    }
    match fs::rename(&tmp, &dir) {
        Ok(()) => Ok(archive),
        // Another process finished first (rename onto a non-empty directory fails): use its archive.
        Err(_) if archive.is_file() => {
            let _ = fs::remove_dir_all(&tmp);
            Ok(archive)
        }
        Err(e) => {
            let _ = fs::remove_dir_all(&tmp);
            Err(format!("moving the runtime archive into {}: {e}", dir.display()))
        }
    }
}

/// `$G1C_CACHE`, `$XDG_CACHE_HOME/g1c` or `$HOME/.cache/g1c` (empty variables count as unset).
fn cache_dir() -> Result<PathBuf, String> {
    let var = |name: &str| env::var_os(name).filter(|v| !v.is_empty()).map(PathBuf::from);
    if let Some(dir) = var("G1C_CACHE") {
        return Ok(dir);
    }
    if let Some(dir) = var("XDG_CACHE_HOME") {
        return Ok(dir.join("g1c"));
    }
    if let Some(home) = var("HOME") {
        return Ok(home.join(".cache").join("g1c"));
    }
    Err("no cache directory for the runtime: set G1C_CACHE (or XDG_CACHE_HOME or HOME)".into())
}

/// `rustc -vV`: the compiler's exact identity, part of the cache key.
fn rustc_version(rustc: &OsString) -> Result<String, String> {
    let out = Command::new(rustc).arg("-vV").output().map_err(|e| rustc_missing(rustc, e))?;
    if !out.status.success() {
        return Err(format!(
            "`{} -vV` failed ({}): {}",
            rustc.to_string_lossy(),
            out.status,
            String::from_utf8_lossy(&out.stderr).trim_end()
        ));
    }
    Ok(String::from_utf8_lossy(&out.stdout).into_owned())
}

fn rustc_missing(rustc: &OsString, e: std::io::Error) -> String {
    let hint = if e.kind() == ErrorKind::NotFound {
        "; g1c builds its runtime with rustc: install Rust (https://rustup.rs) or set RUSTC to its path"
    } else {
        ""
    };
    format!("cannot run `{}`: {e}{hint}", rustc.to_string_lossy())
}

/// A new, empty directory inside the cache, unique to this process and call.
fn fresh_temp_dir(cache: &Path, key: &str) -> Result<PathBuf, String> {
    for attempt in 0u32.. {
        let tmp = cache.join(format!("tmp-{key}-{}-{attempt}", std::process::id()));
        match fs::create_dir(&tmp) {
            Ok(()) => return Ok(tmp),
            Err(e) if e.kind() == ErrorKind::AlreadyExists && attempt < 1000 => continue,
            Err(e) => return Err(format!("creating {}: {e}", tmp.display())),
        }
    }
    unreachable!("the loop returns")
}

/// Writes the sources into `tmp` and compiles them there into `tmp/librt.a`.
fn build(rustc: &OsString, tmp: &Path, target: &str) -> Result<(), String> {
    for (path, bytes) in RT_SOURCES {
        let dest = tmp.join(path);
        if let Some(parent) = dest.parent() {
            fs::create_dir_all(parent).map_err(|e| format!("creating {}: {e}", parent.display()))?;
        }
        fs::write(&dest, bytes).map_err(|e| format!("writing {}: {e}", dest.display()))?;
    }
    let mut remap = OsString::from("--remap-path-prefix=");
    remap.push(tmp.as_os_str());
    remap.push("=rt");
    let out = Command::new(rustc)
        .current_dir(tmp)
        .args(["--crate-name", "rt", "--crate-type", "staticlib", "--edition", "2021", "--target", target])
        .args(["-C", "panic=abort", "-C", "opt-level=2", "-C", "codegen-units=1", "-C", "debuginfo=0"])
        .args(["-C", "force-frame-pointers=yes", "-C", "relocation-model=static"])
        .arg(remap)
        .args(["src/lib.rs", "-o", "librt.a"])
        .output()
        .map_err(|e| rustc_missing(rustc, e))?;
    if !out.status.success() {
        return Err(format!(
            "rustc failed to compile the runtime for {target} ({}):\n{}",
            out.status,
            String::from_utf8_lossy(&out.stderr).trim_end()
        ));
    }
    Ok(())
}

/// The cache key: FNV-1a (128-bit) over the sources (each path and content with its length, so that no two
/// different source sets hash the same bytes), the target and the rustc identity, in hexadecimal.
fn cache_key(sources: &[(&str, &[u8])], target: &str, rustc_version: &str) -> String {
    let mut h = Fnv128::new();
    for (path, bytes) in sources {
        h.field(path.as_bytes());
        h.field(bytes);
    }
    h.field(target.as_bytes());
    h.field(rustc_version.as_bytes());
    format!("{:032x}", h.0)
}

/// FNV-1a, 128-bit (http://www.isthe.com/chongo/tech/comp/fnv/): not cryptographic, but the key only has
/// to tell different runtime builds apart, not resist an adversary who can already write the cache.
struct Fnv128(u128);

impl Fnv128 {
    const OFFSET_BASIS: u128 = 0x6c62272e07bb014262b821756295c58d;
    const PRIME: u128 = 0x0000000001000000000000000000013B;

    fn new() -> Self {
        Fnv128(Self::OFFSET_BASIS)
    }

    fn write(&mut self, bytes: &[u8]) {
        for &b in bytes {
            self.0 ^= b as u128;
            self.0 = self.0.wrapping_mul(Self::PRIME);
        }
    }

    /// A length-prefixed field.
    fn field(&mut self, bytes: &[u8]) {
        self.write(&(bytes.len() as u64).to_le_bytes());
        self.write(bytes);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn fnv128_known_values() {
        // Reference values of FNV-1a 128 for "" and "a".
        let mut h = Fnv128::new();
        h.write(b"");
        assert_eq!(h.0, 0x6c62272e07bb014262b821756295c58d);
        let mut h = Fnv128::new();
        h.write(b"a");
        assert_eq!(h.0, 0xd228cb696f1a8caf78912b704e4a8964);
    }

    #[test]
    fn key_depends_on_every_input() {
        let a: &[(&str, &[u8])] = &[("src/lib.rs", b"x")];
        let b: &[(&str, &[u8])] = &[("src/lib.rs", b"y")];
        let k = cache_key(a, "x86_64-unknown-linux-gnu", "rustc 1");
        assert_eq!(k.len(), 32);
        assert_ne!(k, cache_key(b, "x86_64-unknown-linux-gnu", "rustc 1"));
        assert_ne!(k, cache_key(a, "i686-unknown-linux-gnu", "rustc 1"));
        assert_ne!(k, cache_key(a, "x86_64-unknown-linux-gnu", "rustc 2"));
    }

    #[test]
    fn embedded_sources_are_sorted_and_complete() {
        let paths: Vec<&str> = RT_SOURCES.iter().map(|(p, _)| *p).collect();
        let mut sorted = paths.clone();
        sorted.sort();
        assert_eq!(paths, sorted);
        assert!(paths.contains(&"Cargo.toml") && paths.contains(&"src/lib.rs"));
    }

    #[test]
    fn missing_or_failing_rustc_is_explained() {
        let cache = env::temp_dir().join(format!("g1c-rtbuild-missing-{}", std::process::id()));
        let e = build_cached(&cache, &OsString::from("/nonexistent/rustc"), "x86_64-unknown-linux-gnu").unwrap_err();
        assert!(e.contains("cannot run `/nonexistent/rustc`") && e.contains("install Rust"), "{e}");
        let e = build_cached(&cache, &OsString::from("rustc"), "no-such-target").unwrap_err();
        assert!(e.contains("rustc failed to compile the runtime for no-such-target") && e.contains("error"), "{e}");
        assert_eq!(fs::read_dir(&cache).unwrap().count(), 0, "failed builds leave nothing behind");
        fs::remove_dir_all(&cache).unwrap();
    }

    /// Builds the runtime in two fresh caches: same bytes, a cache hit the second time, and no undefined
    /// symbols except the ones the Go program and the linker provide.
    #[test]
    fn archive_is_deterministic_and_self_contained() {
        let base = env::temp_dir().join(format!("g1c-rtbuild-test-{}", std::process::id()));
        let target = "x86_64-unknown-linux-gnu";
        let a = runtime_archive_in(&base.join("one"), target).unwrap();
        let b = runtime_archive_in(&base.join("two"), target).unwrap();
        assert_ne!(a, b);
        let bytes = fs::read(&a).unwrap();
        assert_eq!(bytes, fs::read(&b).unwrap(), "the archive depends on where it was built");
        assert_eq!(runtime_archive_in(&base.join("one"), target).unwrap(), a);
        let leftovers: Vec<_> = fs::read_dir(base.join("one")).unwrap().map(|e| e.unwrap().file_name()).collect();
        assert_eq!(leftovers.len(), 1, "temporary directories left behind: {leftovers:?}");
        fs::remove_dir_all(&base).unwrap();

        let undefined = undefined_symbols(&bytes);
        assert_eq!(
            undefined,
            [
                "g1c_functab",
                "g1c_functab_len",
                "g1c_modbase",
                "g1c_typelinks",
                "g1c_typelinks_len",
                "main..inittask",
                "main.main",
                "reflect.callMethod",
                "reflect.callReflect",
                "type.*runtime.panicValue"
            ]
        );
    }

    /// The global symbols some member of a System V `ar` archive of ELF64 objects uses and none defines.
    fn undefined_symbols(ar: &[u8]) -> Vec<String> {
        use std::collections::BTreeSet;
        assert!(ar.starts_with(b"!<arch>\n"));
        let (mut defined, mut used) = (BTreeSet::new(), BTreeSet::new());
        let mut off = 8;
        while off + 60 <= ar.len() {
            let size: usize = std::str::from_utf8(&ar[off + 48..off + 58]).unwrap().trim().parse().unwrap();
            let data = &ar[off + 60..off + 60 + size];
            if data.starts_with(b"\x7fELF") {
                elf_symbols(data, &mut defined, &mut used);
            }
            off += 60 + size + (size & 1);
        }
        used.difference(&defined).cloned().collect()
    }

    fn elf_symbols(
        elf: &[u8],
        defined: &mut std::collections::BTreeSet<String>,
        used: &mut std::collections::BTreeSet<String>,
    ) {
        let u16_at = |o: usize| u16::from_le_bytes(elf[o..o + 2].try_into().unwrap()) as usize;
        let u32_at = |o: usize| u32::from_le_bytes(elf[o..o + 4].try_into().unwrap()) as usize;
        let u64_at = |o: usize| u64::from_le_bytes(elf[o..o + 8].try_into().unwrap()) as usize;
        let (shoff, shentsize, shnum) = (u64_at(0x28), u16_at(0x3a), u16_at(0x3c));
        for i in 0..shnum {
            let sh = shoff + i * shentsize;
            if u32_at(sh + 4) != 2 {
                continue; // not SHT_SYMTAB
            }
            let (off, size, link) = (u64_at(sh + 0x18), u64_at(sh + 0x20), u32_at(sh + 0x28));
            let strtab = u64_at(shoff + link * shentsize + 0x18);
            for sym in (off..off + size).step_by(24).skip(1) {
                let bind = elf[sym + 4] >> 4;
                if bind != 1 && bind != 2 {
                    continue; // local
                }
                let name_off = strtab + u32_at(sym);
                let end = elf[name_off..].iter().position(|&c| c == 0).unwrap();
                let name = String::from_utf8_lossy(&elf[name_off..name_off + end]).into_owned();
                if u16_at(sym + 6) == 0 {
                    used.insert(name)
                } else {
                    defined.insert(name)
                };
            }
        }
    }
}
