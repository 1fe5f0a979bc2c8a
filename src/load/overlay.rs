//! The standard library's overlay (DESIGN §7): the few GOROOT files g1c compiles differently.
//!
//! In: an import path of the standard library. Out: the package's [`Overlay`], when `lib/<import path>/`
//! exists in g1c's source tree: its `.go` files (each added to the package, or replacing the GOROOT file of
//! the same name), the GOROOT files its `omit` file leaves out and the GOROOT files its `select` file takes
//! whatever their build constraints say. The tree is embedded into the g1c binary
//! at build time (build.rs → `LIB_SOURCES`), like the runtime's sources: a g1c binary loads the same overlay
//! wherever it runs and whatever its working directory, and no path of the build machine reaches any output.
//!
//! `omit` has one GOROOT file name per line followed by the reason it is left out (`floor_asm.go declares
//! archFloor, implemented in floor_amd64.s`), or `*` for every GOROOT file (a package that is g1c's own, such
//! as `runtime`); blank lines and lines starting with `#` are comments. `select` has the same form (no `*`):
//! each GOROOT file it names is compiled although its `//go:build` line or its file-name suffix would leave it
//! out (`compare_generic.go`, written for the GOARCHes without assembly). A selected file is read from GOROOT
//! as it is and named like every GOROOT file (`$GOROOT/src/<path>/<file>` in messages), so `lib/` holds no
//! copy of it. A line without a reason, a name that is not a GOROOT file, and a file both selected and
//! omitted or replaced are errors of the overlay itself, found by the unit tests below.
//!
//! Selection is not conditional: the overlay describes the package for g1c's one target, linux/amd64 (the
//! only one `build` accepts); a second target will need a per-target `select`.
//!
//! The overlay is used by `build` and `run` only: `g1c check` type-checks GOROOT as it is, as `go vet` does.
//! Overlay files are shown as `lib/<import path>/<file>` in messages (the file's place in g1c's tree) and
//! as `<import path>/<file>` in tracebacks, like the GOROOT file they stand beside.

include!(concat!(env!("OUT_DIR"), "/lib_sources.rs"));

/// One package's overlay.
#[derive(Debug, Default)]
pub struct Overlay {
    /// `.go` files: (file name, source), sorted by name.
    pub files: Vec<(&'static str, &'static str)>,
    /// GOROOT files left out: (file name, reason).
    pub omit: Vec<(&'static str, &'static str)>,
    /// GOROOT files compiled whatever their build constraints say: (file name, reason).
    pub select: Vec<(&'static str, &'static str)>,
}

impl Overlay {
    /// Is the GOROOT file `name` replaced or left out?
    pub fn hides(&self, name: &str) -> bool {
        self.files.iter().any(|(n, _)| *n == name) || self.omit.iter().any(|(n, _)| *n == name || *n == "*")
    }

    /// Is the GOROOT file `name` selected, to be compiled whatever its build constraints say?
    pub fn selects(&self, name: &str) -> bool {
        self.select.iter().any(|(n, _)| *n == name)
    }
}

/// The overlay of the package `path`, if g1c has one.
pub fn lookup(path: &str) -> Option<Overlay> {
    let prefix = format!("{path}/");
    let mut ov = Overlay::default();
    let mut found = false;
    for (p, bytes) in LIB_SOURCES {
        let Some(name) = p.strip_prefix(&prefix) else { continue };
        // Files of this directory only, not of a subdirectory's package.
        if name.contains('/') {
            continue;
        }
        let text = std::str::from_utf8(bytes).unwrap_or("");
        if name == "omit" {
            found = true;
            ov.omit = parse_list(text).into_iter().filter_map(Result::ok).collect();
        } else if name == "select" {
            found = true;
            ov.select = parse_list(text).into_iter().filter_map(Result::ok).collect();
        } else if name.ends_with(".go") {
            found = true;
            ov.files.push((name, text));
        }
    }
    ov.files.sort();
    found.then_some(ov)
}

/// The import paths that have an overlay, sorted.
pub fn packages() -> Vec<&'static str> {
    let mut out: Vec<&'static str> =
        LIB_SOURCES.iter().filter_map(|(p, _)| p.rsplit_once('/').map(|(dir, _)| dir)).collect();
    out.sort();
    out.dedup();
    out
}

/// The lines of an `omit` or `select` file: `Ok((file, reason))`, or `Err(line)` for a line without a reason.
fn parse_list(text: &str) -> Vec<Result<(&str, &str), &str>> {
    text.lines()
        .map(str::trim)
        .filter(|l| !l.is_empty() && !l.starts_with('#'))
        .map(|l| match l.split_once(char::is_whitespace) {
            Some((name, reason)) if !reason.trim().is_empty() => Ok((name, reason.trim())),
            _ => Err(l),
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Every overlay is well formed: each `omit` and `select` line has a reason and names a GOROOT file; no
    /// file is both omitted and replaced, both selected and omitted, or both selected and replaced (the
    /// overlay's own file would hide the selected one); each overlaid package exists in GOROOT.
    #[test]
    fn overlays_are_well_formed() {
        let goroot = std::env::var("GOROOT").unwrap_or_else(|_| "/usr/share/go-1.19".into());
        let src = std::path::Path::new(&goroot).join("src");
        for path in packages() {
            let dir = src.join(path);
            if src.is_dir() {
                assert!(dir.is_dir(), "lib/{path}: no such package in GOROOT");
            }
            let ov = lookup(path).unwrap();
            for list in ["omit", "select"] {
                let file = LIB_SOURCES.iter().find(|(p, _)| *p == format!("{path}/{list}"));
                let Some((_, bytes)) = file else { continue };
                for line in parse_list(std::str::from_utf8(bytes).unwrap()) {
                    let (name, _) = line.unwrap_or_else(|l| panic!("lib/{path}/{list}: {l:?} has no reason"));
                    assert!(name != "*" || list == "omit", "lib/{path}/select: `*` selects nothing in particular");
                    if src.is_dir() && name != "*" {
                        assert!(dir.join(name).is_file(), "lib/{path}/{list}: {name} is not in GOROOT");
                    }
                    let done = if list == "omit" { "omitted" } else { "selected" };
                    assert!(
                        !ov.files.iter().any(|(n, _)| *n == name),
                        "lib/{path}: {name} is both {done} and replaced"
                    );
                    if list == "select" {
                        assert!(!ov.hides(name), "lib/{path}: {name} is both selected and omitted");
                    }
                }
            }
        }
    }

    #[test]
    fn list_lines() {
        let got = parse_list("# comment\n\na.go  why not\nb.go\n");
        assert_eq!(got, vec![Ok(("a.go", "why not")), Err("b.go")]);
    }

    /// The overlays that select files: what they select is what `lookup` gives the loader.
    #[test]
    fn selected_files() {
        let ov = lookup("internal/bytealg").unwrap();
        assert!(ov.selects("compare_generic.go") && !ov.hides("compare_generic.go"));
        assert!(ov.hides("compare_native.go") && !ov.selects("compare_native.go"));
        assert!(!ov.selects("bytealg.go"));
    }
}
