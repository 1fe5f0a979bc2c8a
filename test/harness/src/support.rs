//! What g1c honours of a test's recipe, so that no test passes by ignoring what its directive asks.
//!
//! In: a `Recipe`'s compiler and go-command flags and its GOEXPERIMENT. Out: `None` when g1c can run the test
//! as asked, or the first flag it cannot honour (`-live`, `-d=checkptr`, `-gcflags=-m`, ...); the runner then
//! reports the test as skipped with reason `unsupported gc flag FLAG`, counted apart from run.go's skips.
//!
//! Invariant: a flag is honoured only when listed here with the reason g1c meets it; every other flag,
//! including ones this file has never seen, makes the test unsupported. Under gc every flag is passed.

/// Why g1c cannot run a test with these flags (and GOEXPERIMENT), or `None` when it can.
pub fn unsupported(flags: &[String], goexperiment: Option<&str>) -> Option<String> {
    let mut words = flags.iter();
    while let Some(f) = words.next() {
        // The go command's flags that carry compiler or linker flags, `-gcflags=X`, `-gcflags=all=X` or
        // `-gcflags X`: the carried flags are judged.
        if let Some(rest) = f.strip_prefix("-gcflags") {
            let value = match rest.strip_prefix('=') {
                Some(v) => v.to_string(),
                None if rest.is_empty() => words.next().cloned().unwrap_or_default(),
                None => return Some(f.clone()),
            };
            let value = value.split_once('=').filter(|(pkgs, _)| !pkgs.starts_with('-')).map_or(&*value, |(_, v)| v);
            let inner: Vec<String> = value.split_whitespace().map(str::to_string).collect();
            if let Some(bad) = unsupported(&inner, None) {
                return Some(format!("{f} ({bad})"));
            }
            continue;
        }
        if !honoured(f) {
            return Some(f.clone());
        }
    }
    goexperiment.filter(|x| !x.is_empty()).map(|x| format!("-goexperiment {x}"))
}

/// One compiler flag g1c meets.
fn honoured(f: &str) -> bool {
    match f.split_once('=') {
        // Passed to g1c, which has gc's -lang.
        Some(("-lang", _)) => true,
        // gc's error limit: the runner passes g1c's own -e when the last -e asks for all errors.
        _ if f == "-e" => true,
        Some(("-e", v)) => ["0", "1", "true", "false"].contains(&v),
        // gc's backend concurrency: the compiled program is the same for any value.
        Some(("-c", v)) => v.parse::<u32>().is_ok(),
        // The package's import path: g1c compiles a test's files as one package and the path only names
        // its symbols.
        Some(("-p", _)) => true,
        // Only gc's self-checks: crash on internal errors (g1c's are always failures, see the runner) and
        // verify its SSA (g1c verifies its IR between passes on every build).
        Some(("-d", v)) => v.split(',').all(|d| d == "panic" || d.starts_with("ssa/check/")),
        // No inlining and no optimization: g1c has neither an inliner nor an optimizer, so it always
        // compiles as gc does with these. (`-l=N`, more inlining, is not met.)
        None => f == "-l" || f == "-N",
        _ => false,
    }
}

/// Whether a g1c compile standing for gc's `compile -e FLAGS` should report every error: run.go passes `-e`
/// first, so the test's last `-e` flag decides.
pub fn all_errors(flags: &[String]) -> bool {
    match flags.iter().rev().find(|f| *f == "-e" || f.starts_with("-e=")).map(String::as_str) {
        Some("-e=0") | Some("-e=false") => false,
        _ => true,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn check(flags: &[&str]) -> Option<String> {
        let v: Vec<String> = flags.iter().map(|s| s.to_string()).collect();
        unsupported(&v, None)
    }

    #[test]
    fn honoured_flags() {
        assert_eq!(check(&[]), None);
        assert_eq!(check(&["-lang=go1.17", "-e", "-c=2", "-p=p", "-l", "-N"]), None);
        assert_eq!(check(&["-d=panic", "-d=ssa/check/on"]), None);
        assert_eq!(check(&["-gcflags=-l"]), None);
        assert_eq!(check(&["-gcflags=-d=ssa/check/on"]), None);
    }

    #[test]
    fn dropped_flags_are_named() {
        assert_eq!(check(&["-live"]).as_deref(), Some("-live"));
        assert_eq!(check(&["-l", "-live", "-wb=0"]).as_deref(), Some("-live"));
        assert_eq!(check(&["-m"]).as_deref(), Some("-m"));
        assert_eq!(check(&["-m=2"]).as_deref(), Some("-m=2"));
        assert_eq!(check(&["-race"]).as_deref(), Some("-race"));
        assert_eq!(check(&["-l=4"]).as_deref(), Some("-l=4"));
        assert_eq!(check(&["-B"]).as_deref(), Some("-B"));
        assert_eq!(check(&["-std"]).as_deref(), Some("-std"));
        assert_eq!(check(&["-+"]).as_deref(), Some("-+"));
        assert_eq!(check(&["-d=nil,ssa/check/on"]).as_deref(), Some("-d=nil,ssa/check/on"));
        assert_eq!(check(&["-d=ssa/prove/debug=1"]).as_deref(), Some("-d=ssa/prove/debug=1"));
        assert_eq!(check(&["-d=checkptr"]).as_deref(), Some("-d=checkptr"));
        assert_eq!(check(&["-gcflags=-d=checkptr"]).as_deref(), Some("-gcflags=-d=checkptr (-d=checkptr)"));
        assert_eq!(check(&["-gcflags=all=-d=checkptr"]).as_deref(), Some("-gcflags=all=-d=checkptr (-d=checkptr)"));
        assert_eq!(check(&["-gcflags", "-l=4"]).as_deref(), Some("-gcflags (-l=4)"));
        assert_eq!(check(&["-ldflags", "-strictdups=2"]).as_deref(), Some("-ldflags"));
        assert_eq!(check(&["-frobnicate"]).as_deref(), Some("-frobnicate"));
        let v = vec![];
        assert_eq!(unsupported(&v, Some("fieldtrack")).as_deref(), Some("-goexperiment fieldtrack"));
    }

    #[test]
    fn error_limit() {
        let v = |f: &[&str]| f.iter().map(|s| s.to_string()).collect::<Vec<_>>();
        assert!(all_errors(&v(&[])));
        assert!(all_errors(&v(&["-e"])));
        assert!(!all_errors(&v(&["-e=0"])));
        assert!(all_errors(&v(&["-e=0", "-e"])));
    }
}
