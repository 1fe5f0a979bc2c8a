//! The runtime archive: rt compiled into a static archive for a target, which the linker reads.
//!
//! In: a target triple. Out: the bytes of `librt.a` for that target.
//! Contract for the driver: `runtime_archive(target_triple) -> Result<Cow<[u8]>, String>`.
//!
//! For linux/amd64 (`rustc::HOST_TARGET`) the archive was built by build.rs when g1c itself was built, by
//! the same rustc, and is embedded in the g1c binary (`HOST_ARCHIVE`): building a program for it runs no
//! outside program at all, and `g1c version -v` prints that rustc's identity and the archive's SHA-256 so
//! that two verifiers can compare their g1c.
//!
//! Any other target's archive is built on demand from the runtime's sources, embedded in g1c by build.rs
//! (`RT_SOURCES`), with `rustc` (`$RUSTC` or `rustc` on PATH), and cached in `$G1C_CACHE`, else
//! `$XDG_CACHE_HOME/g1c`, else `$HOME/.cache/g1c`: `rt-<key>/librt.a`, where the key is the SHA-256 of the
//! sources, the target and `rustc -vV` (a different runtime, target or compiler gives a different directory;
//! nothing is ever overwritten). Beside it, `librt.a.sha256` records the archive's SHA-256 when it was
//! built; every use checks the archive against it, so an archive changed in the cache is refused rather
//! than linked into programs. A build happens in a private temporary directory inside the cache and is
//! then renamed into place, so concurrent g1c processes never see a half-written archive; when two race,
//! the loser uses the winner's archive.
//! Invariant: the archive's bytes depend only on the sources, the target and rustc (no paths: the build
//! directory is remapped to `rt`), so two caches, and the embedded archive, hold identical bytes.

pub mod rustc;
pub mod sha256;

use std::borrow::Cow;
use std::env;
use std::ffi::OsString;
use std::fs;
use std::io::ErrorKind;
use std::path::{Path, PathBuf};
use std::process::Command;

include!(concat!(env!("OUT_DIR"), "/rt_sources.rs"));
include!(concat!(env!("OUT_DIR"), "/rt_host.rs"));

/// The runtime archive for `target`: the embedded one for the host target, else the cache's, built now if
/// the cache does not hold it yet.
pub fn runtime_archive(target: &str) -> Result<Cow<'static, [u8]>, String> {
    if target == rustc::HOST_TARGET {
        if let Some(bytes) = HOST_ARCHIVE {
            return Ok(Cow::Borrowed(bytes));
        }
    }
    runtime_archive_in(&cache_dir()?, target).map(Cow::Owned)
}

/// The archive embedded in g1c (for `rustc::HOST_TARGET`), if g1c was built on a host that could build it,
/// with the `rustc -vV` of the compiler that built it.
pub fn embedded_archive() -> Option<(&'static [u8], &'static str)> {
    HOST_ARCHIVE.map(|bytes| (bytes, HOST_RUSTC_VERSION))
}

/// As `runtime_archive` without the embedded archive: the cache in `cache`, built from the embedded
/// sources with `$RUSTC` (or `rustc`) when missing.
pub fn runtime_archive_in(cache: &Path, target: &str) -> Result<Vec<u8>, String> {
    let rustc = env::var_os("RUSTC").filter(|v| !v.is_empty()).unwrap_or_else(|| OsString::from("rustc"));
    build_cached(cache, &rustc, target)
}

fn build_cached(cache: &Path, rustc: &OsString, target: &str) -> Result<Vec<u8>, String> {
    let version = rustc_version(rustc)?;
    let key = cache_key(RT_SOURCES, target, &version);
    let dir = cache.join(format!("rt-{key}"));
    if !dir.is_dir() {
        fs::create_dir_all(cache).map_err(|e| format!("creating cache directory {}: {e}", cache.display()))?;
        let tmp = fresh_temp_dir(cache, &key)?;
        let built = build(rustc, &tmp, target).and_then(|()| record_hash(&tmp));
        if let Err(e) = built {
            let _ = fs::remove_dir_all(&tmp);
            return Err(e);
        }
        if let Err(e) = fs::rename(&tmp, &dir) {
            let _ = fs::remove_dir_all(&tmp);
            // Another process finished first (rename onto a non-empty directory fails): use its archive.
            if !dir.is_dir() {
                return Err(format!("moving the runtime archive into {}: {e}", dir.display()));
            }
        }
    }
    checked_archive(&dir)
}

/// Writes `librt.a.sha256` (in `sha256sum`'s format) for the archive just built in `dir`.
fn record_hash(dir: &Path) -> Result<(), String> {
    let archive = dir.join("librt.a");
    let bytes = fs::read(&archive).map_err(|e| format!("{}: {e}", archive.display()))?;
    let line = format!("{}  librt.a\n", sha256::hex(&bytes));
    let dest = dir.join("librt.a.sha256");
    fs::write(&dest, line).map_err(|e| format!("writing {}: {e}", dest.display()))
}

/// The archive in the cache directory `dir`, after checking it against the SHA-256 recorded at its build.
fn checked_archive(dir: &Path) -> Result<Vec<u8>, String> {
    let archive = dir.join("librt.a");
    let record = dir.join("librt.a.sha256");
    let bytes = fs::read(&archive).map_err(|e| format!("{}: {e}", archive.display()))?;
    let recorded = fs::read_to_string(&record).map_err(|e| {
        format!(
            "{}: {e}; the cached runtime cannot be checked: delete {} to rebuild it",
            record.display(),
            dir.display()
        )
    })?;
    let recorded = recorded.split_whitespace().next().unwrap_or("");
    let actual = sha256::hex(&bytes);
    if recorded != actual {
        return Err(format!(
            "{} has changed since it was built (sha256 {actual}, recorded {recorded}): refusing to link it; delete {} to rebuild it",
            archive.display(),
            dir.display()
        ));
    }
    Ok(bytes)
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
        "; g1c builds the runtime of targets other than its own host with rustc: install Rust (https://rustup.rs) or set RUSTC to its path"
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
    let out = Command::new(rustc)
        .current_dir(tmp)
        .args(rustc::archive_args(target, tmp))
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

/// The cache key: SHA-256 over the sources (each path and content with its length, so that no two
/// different source sets hash the same bytes), the target and the rustc identity, in hexadecimal.
fn cache_key(sources: &[(&str, &[u8])], target: &str, rustc_version: &str) -> String {
    let mut data = Vec::new();
    let mut field = |bytes: &[u8]| {
        data.extend_from_slice(&(bytes.len() as u64).to_le_bytes());
        data.extend_from_slice(bytes);
    };
    for (path, bytes) in sources {
        field(path.as_bytes());
        field(bytes);
    }
    field(target.as_bytes());
    field(rustc_version.as_bytes());
    sha256::hex(&data)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn key_depends_on_every_input() {
        let a: &[(&str, &[u8])] = &[("src/lib.rs", b"x")];
        let b: &[(&str, &[u8])] = &[("src/lib.rs", b"y")];
        let k = cache_key(a, "x86_64-unknown-linux-gnu", "rustc 1");
        assert_eq!(k.len(), 64);
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

    /// Builds the runtime in two fresh caches: same bytes, a cache hit the second time, the same bytes as
    /// the archive embedded in g1c (same sources, same rustc), an archive changed in the cache refused, and
    /// no undefined symbols except the ones the Go program and the linker provide.
    #[test]
    fn archive_is_deterministic_checked_and_self_contained() {
        let base = env::temp_dir().join(format!("g1c-rtbuild-test-{}", std::process::id()));
        let target = rustc::HOST_TARGET;
        let bytes = runtime_archive_in(&base.join("one"), target).unwrap();
        assert_eq!(
            bytes,
            runtime_archive_in(&base.join("two"), target).unwrap(),
            "the archive depends on where it was built"
        );
        assert_eq!(runtime_archive_in(&base.join("one"), target).unwrap(), bytes);
        let entries: Vec<_> = fs::read_dir(base.join("one")).unwrap().map(|e| e.unwrap().path()).collect();
        assert_eq!(entries.len(), 1, "temporary directories left behind: {entries:?}");

        let (embedded, embedded_rustc) = embedded_archive().expect("build.rs embeds the host's runtime");
        let rustc = env::var_os("RUSTC").unwrap_or_else(|| OsString::from("rustc"));
        assert_eq!(
            rustc_version(&rustc).unwrap(),
            embedded_rustc,
            "this test compares the embedded archive with one built now: run it with the rustc that built g1c"
        );
        assert!(embedded == &bytes[..], "the embedded archive differs from the one built from the same sources");
        assert_eq!(runtime_archive(target).unwrap(), Cow::Borrowed(embedded));

        // Patch one byte of the cached archive: every later use must refuse it.
        let archive = entries[0].join("librt.a");
        let mut patched = bytes.clone();
        let last = patched.len() - 1;
        patched[last] ^= 1;
        fs::write(&archive, &patched).unwrap();
        let e = runtime_archive_in(&base.join("one"), target).unwrap_err();
        assert!(e.contains("has changed since it was built") && e.contains("refusing"), "{e}");
        fs::remove_file(entries[0].join("librt.a.sha256")).unwrap();
        let e = runtime_archive_in(&base.join("one"), target).unwrap_err();
        assert!(e.contains("cannot be checked"), "{e}");
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
                // Weak: the heap profile's sampling rate, read by the allocator (rt/src/mprof.rs).
                "runtime.MemProfileRate",
                // Weak: the frame Caller and Callers report for a panic's deferred calls (rt/src/defer.rs).
                "runtime.gopanic",
                // Read by runtime/debug.modinfo, in a section kept only when a program calls it.
                "runtime.modinfo",
                // internal/syscall/unix's socket functions jump to syscall's (rt/src/arch/amd64_os.rs), each
                // in a section the linker keeps only when a program calls it.
                "syscall.recvfromInet4",
                "syscall.recvfromInet6",
                "syscall.recvmsgInet4",
                "syscall.recvmsgInet6",
                "syscall.sendmsgNInet4",
                "syscall.sendmsgNInet6",
                "syscall.sendtoInet4",
                "syscall.sendtoInet6",
                // Weak: package runtime's run-time error types, when the program has it (rt/src/defer.rs).
                "type.*runtime.TypeAssertionError",
                "type.*runtime.panicValue",
                "type.runtime.boundsError",
                "type.runtime.errorString",
                "type.runtime.plainError"
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
