//! `conformance`: runs the Go 1.19 test suite (`$GOROOT/test`) through g1c with the semantics of the suite's
//! own driver, `$GOROOT/test/run.go`, for linux/amd64.
//!
//! In: command-line options and test-name patterns. Out: one line per failed test while running (every
//! test with `-v`), `target/conformance/results.tsv` (one row per test, sorted by name), and as the last
//! line of stdout `N passed, N failed, N skipped (M for unsupported gc flags)`.
//!
//! Modules, in the order a test goes through them: `recipe` (+`constraint`) reads a test's header, `runner`
//! runs its action with `exec`, `errorcheck` and `asmcheck` judge compiler output.
//!
//! A test is skipped when run.go would not run it (build constraints exclude linux/amd64 gc, or `// skip`),
//! or when its directive needs a gc flag g1c does not honour (reason `unsupported gc flag F`, counted
//! separately); everything else that does not pass — including what g1c cannot attempt — fails. With
//! `--passing`, a listed test that does not pass (skipped included) is a failure.

mod asmcheck;
mod constraint;
mod errorcheck;
mod exec;
mod recipe;
mod runner;
mod support;

/// The oracles of the g1c crate's tests, shared (the Go 1.19 tree by its Debian name).
#[cfg(test)]
#[path = "../../common/oracle.rs"]
mod oracle;

use runner::{Compiler, Config, Outcome, TestFile, TestResult};
use std::io::Write;
use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::Mutex;
use std::time::{Duration, Instant};

/// run.go's `dirs`: the directories of the suite that hold tests.
const DIRS: &[&str] = &[
    ".",
    "ken",
    "chan",
    "interface",
    "syntax",
    "dwarf",
    "fixedbugs",
    "codegen",
    "runtime",
    "abi",
    "typeparam",
    "typeparam/mdempsky",
];

const USAGE: &str = "usage: conformance [options] [pattern ...]

Runs $GOROOT/test (GOROOT defaults to /usr/share/go-1.19) like its run.go does, with g1c.
A pattern selects tests by name (ken/divconst.go): a substring, or a glob with * ? [...].

options:
  -j N               worker threads (default: available cores)
  -v                 print every test's outcome, not only failures
  -k                 keep temporary directories
  --timeout SECS     time limit per command when a test sets none (default 60 x GO_TEST_TIMEOUT_SCALE)
  --compiler g1c|gc  compiler under test (default g1c = $G1C or target/release/g1c; gc = the reference go)
  --go PATH          the reference go command (default /usr/lib/go-1.19/bin/go)
  --gcflags FLAGS    compiler flags g1c gets in every build (-N: optimizer off), to run the suite at
                     another optimization level
  --passing          run only the tests in the passing list; exit 1 if any fails
  --update-passing   add the tests that pass to the passing list (it never shrinks)
  --passing-file F   the passing list (default test/conformance/passing.txt)
  --results F        where to write the results (default target/conformance/results.tsv)
  --list             print the selected tests and exit";

struct Options {
    jobs: usize,
    verbose: bool,
    keep: bool,
    timeout: Option<u64>,
    compiler: String,
    go: PathBuf,
    gcflags: Option<String>,
    passing: bool,
    update_passing: bool,
    passing_file: PathBuf,
    results: PathBuf,
    list: bool,
    patterns: Vec<String>,
}

fn parse_args() -> Result<Options, String> {
    let mut o = Options {
        jobs: std::thread::available_parallelism().map_or(1, |n| n.get()),
        verbose: false,
        keep: false,
        timeout: None,
        compiler: "g1c".into(),
        go: PathBuf::from("/usr/lib/go-1.19/bin/go"),
        gcflags: None,
        passing: false,
        update_passing: false,
        passing_file: PathBuf::from("test/conformance/passing.txt"),
        results: PathBuf::from("target/conformance/results.tsv"),
        list: false,
        patterns: Vec::new(),
    };
    let mut args = std::env::args().skip(1);
    while let Some(a) = args.next() {
        let mut value = |what: &str| args.next().ok_or_else(|| format!("{what} needs a value"));
        match a.as_str() {
            "-h" | "--help" => return Err(String::new()),
            "-j" => o.jobs = value("-j")?.parse().map_err(|_| "-j needs a number")?,
            "-v" => o.verbose = true,
            "-k" => o.keep = true,
            "--timeout" => o.timeout = Some(value("--timeout")?.parse().map_err(|_| "--timeout needs seconds")?),
            "--compiler" => o.compiler = value("--compiler")?,
            "--go" => o.go = PathBuf::from(value("--go")?),
            "--gcflags" => o.gcflags = Some(value("--gcflags")?),
            "--passing" => o.passing = true,
            "--update-passing" => o.update_passing = true,
            "--passing-file" => o.passing_file = PathBuf::from(value("--passing-file")?),
            "--results" => o.results = PathBuf::from(value("--results")?),
            "--list" => o.list = true,
            "--" => o.patterns.extend(args.by_ref()),
            _ if a.starts_with('-') => return Err(format!("unknown option {a}")),
            _ => o.patterns.push(a),
        }
    }
    if o.jobs == 0 {
        o.jobs = 1;
    }
    if o.compiler != "g1c" && o.compiler != "gc" {
        return Err(format!("--compiler must be g1c or gc, not {}", o.compiler));
    }
    if o.update_passing && o.compiler != "g1c" {
        return Err("--update-passing records g1c's passing tests; it cannot be used with --compiler gc".into());
    }
    if o.gcflags.is_some() && o.compiler != "g1c" {
        return Err("--gcflags are g1c's flags; they cannot be used with --compiler gc".into());
    }
    if o.gcflags.is_some() && o.update_passing {
        // The list records the default level; the other levels must pass the same list.
        return Err("--update-passing records the default optimization level; drop --gcflags".into());
    }
    if o.passing && o.update_passing {
        return Err("--passing and --update-passing exclude each other".into());
    }
    Ok(o)
}

fn main() {
    let o = match parse_args() {
        Ok(o) => o,
        Err(e) => {
            if !e.is_empty() {
                eprintln!("conformance: {e}");
            }
            eprintln!("{USAGE}");
            std::process::exit(2);
        }
    };
    std::process::exit(match run(o) {
        Ok(code) => code,
        Err(e) => {
            eprintln!("conformance: {e}");
            2
        }
    })
}

fn run(o: Options) -> Result<i32, String> {
    let goroot = std::env::var("GOROOT").ok().filter(|s| !s.is_empty()).unwrap_or_else(|| "/usr/share/go-1.19".into());
    let test_dir = PathBuf::from(&goroot).join("test");
    if !test_dir.join("run.go").is_file() {
        return Err(format!("{} is not the Go test suite (no run.go); set GOROOT", test_dir.display()));
    }
    let compiler = if o.compiler == "gc" {
        Compiler::Gc
    } else {
        let g1c = std::env::var("G1C").ok().filter(|s| !s.is_empty()).unwrap_or_else(|| "target/release/g1c".into());
        let g1c = std::fs::canonicalize(&g1c).map_err(|e| format!("g1c at {g1c}: {e} (build it, or set G1C)"))?;
        Compiler::G1c(g1c)
    };
    if matches!(compiler, Compiler::Gc) && !o.go.is_file() {
        return Err(format!("{}: no reference go command (apt-get install golang-1.19-go)", o.go.display()));
    }

    // Which tests.
    let all = discover(&test_dir)?;
    let mut missing: Vec<String> = Vec::new();
    let selected: Vec<TestFile> = if o.passing {
        let list = read_passing(&o.passing_file)?;
        for name in &list {
            if !all.iter().any(|t| &t.name == name) {
                missing.push(name.clone());
            }
        }
        all.into_iter().filter(|t| list.contains(&t.name)).collect()
    } else if o.patterns.is_empty() {
        all
    } else {
        all.into_iter().filter(|t| o.patterns.iter().any(|p| pattern_matches(p, &t.name))).collect()
    };
    if o.list {
        let mut out = std::io::stdout().lock();
        for t in &selected {
            if writeln!(out, "{}", t.name).is_err() {
                break;
            }
        }
        return Ok(0);
    }

    let scale = recipe::timeout_scale();
    let tmp_root = std::env::temp_dir().join(format!("g1c-conformance-{}", std::process::id()));
    let cfg = Config {
        test_dir,
        compiler,
        go_tool: o.go.clone(),
        timeout: Duration::from_secs(o.timeout.unwrap_or(60 * scale)),
        ctx: constraint::BuildContext::linux_amd64(),
        keep: o.keep,
        tmp_root: tmp_root.clone(),
        gcflags: o.gcflags.clone(),
    };

    // Run them: workers take the next test in name order.
    let start = Instant::now();
    let next = AtomicUsize::new(0);
    let results: Mutex<Vec<TestResult>> = Mutex::new(Vec::new());
    std::thread::scope(|sc| {
        for _ in 0..o.jobs.min(selected.len().max(1)) {
            sc.spawn(|| loop {
                let i = next.fetch_add(1, Ordering::Relaxed);
                let Some(t) = selected.get(i) else { break };
                let r = runner::run_test(&cfg, t);
                report(&r, o.verbose);
                results.lock().unwrap().push(r);
            });
        }
    });
    if !o.keep {
        let _ = std::fs::remove_dir_all(&tmp_root);
    }
    let mut results = results.into_inner().unwrap();
    for name in missing {
        let r = TestResult {
            name,
            directive: String::new(),
            outcome: Outcome::Fail,
            secs: 0.0,
            reason: "listed in the passing list but not in the suite".into(),
        };
        report(&r, o.verbose);
        results.push(r);
    }
    results.sort_by(|a, b| a.name.cmp(&b.name));

    write_results(&o.results, &results)?;
    if o.update_passing {
        let added = update_passing(&o.passing_file, &results)?;
        let _ = writeln!(std::io::stdout(), "{added} tests added to {}", o.passing_file.display());
    }
    let count = |k: Outcome| results.iter().filter(|r| r.outcome == k).count();
    let (passed, failed, skipped) = (count(Outcome::Pass), count(Outcome::Fail), count(Outcome::Skip));
    let unsupported =
        results.iter().filter(|r| r.outcome == Outcome::Skip && r.reason.starts_with(runner::UNSUPPORTED)).count();
    let mut out = std::io::stdout().lock();
    if o.passing {
        // The list holds tests that pass: one skipped now (a flag found unsupported) must leave it.
        for r in results.iter().filter(|r| r.outcome == Outcome::Skip) {
            let _ = writeln!(
                out,
                "FAIL\t{}\t{}\tlisted as passing but skipped: {}",
                r.name,
                r.directive,
                escape(&r.reason)
            );
        }
    }
    let _ = writeln!(out, "results in {} ({:.1}s)", o.results.display(), start.elapsed().as_secs_f64());
    let _ =
        writeln!(out, "{passed} passed, {failed} failed, {skipped} skipped ({unsupported} for unsupported gc flags)");
    Ok(if o.passing && failed + skipped > 0 { 1 } else { 0 })
}

/// The suite's tests in run.go's order: per directory of `DIRS`, the `.go` files not starting with `.`,
/// sorted by name.
fn discover(test_dir: &Path) -> Result<Vec<TestFile>, String> {
    let mut tests = Vec::new();
    for dir in DIRS {
        let path = test_dir.join(dir);
        let rd = std::fs::read_dir(&path).map_err(|e| format!("{}: {e}", path.display()))?;
        let mut names: Vec<String> = rd
            .flatten()
            .map(|e| e.file_name().to_string_lossy().into_owned())
            .filter(|n| !n.starts_with('.') && n.ends_with(".go"))
            .collect();
        names.sort();
        tests.extend(names.iter().map(|n| TestFile::new(dir, n)));
    }
    Ok(tests)
}

fn report(r: &TestResult, verbose: bool) {
    let line = match r.outcome {
        Outcome::Fail => format!("FAIL\t{}\t{}\t{}", r.name, r.directive, escape(&runner::summary(&r.reason))),
        Outcome::Pass if verbose => format!("ok  \t{}\t{:.2}s", r.name, r.secs),
        Outcome::Skip if verbose => format!("skip\t{}\t{}", r.name, escape(&r.reason)),
        _ => return,
    };
    let mut out = std::io::stdout().lock();
    let _ = writeln!(out, "{line}");
}

/// Tabs, newlines and backslashes as escapes, so a reason stays one TSV field.
fn escape(s: &str) -> String {
    let mut o = String::with_capacity(s.len());
    for c in s.chars() {
        match c {
            '\\' => o.push_str("\\\\"),
            '\t' => o.push_str("\\t"),
            '\n' => o.push_str("\\n"),
            '\r' => o.push_str("\\r"),
            _ => o.push(c),
        }
    }
    o
}

fn write_results(path: &Path, results: &[TestResult]) -> Result<(), String> {
    if let Some(dir) = path.parent().filter(|d| !d.as_os_str().is_empty()) {
        std::fs::create_dir_all(dir).map_err(|e| format!("{}: {e}", dir.display()))?;
    }
    let mut s = String::from("test\tdirective\toutcome\tseconds\treason\n");
    for r in results {
        let reason = runner::summary(&r.reason);
        s.push_str(&format!(
            "{}\t{}\t{}\t{:.2}\t{}\n",
            r.name,
            r.directive,
            r.outcome.as_str(),
            r.secs,
            escape(&reason)
        ));
    }
    std::fs::write(path, s).map_err(|e| format!("{}: {e}", path.display()))
}

/// The passing list: one test name per line; `#` starts a comment; blank lines are ignored.
fn read_passing(path: &Path) -> Result<Vec<String>, String> {
    let text = match std::fs::read_to_string(path) {
        Ok(t) => t,
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => String::new(),
        Err(e) => return Err(format!("{}: {e}", path.display())),
    };
    Ok(text
        .lines()
        .map(|l| l.split('#').next().unwrap_or("").trim())
        .filter(|l| !l.is_empty())
        .map(str::to_string)
        .collect())
}

/// Adds the passing tests to the list, keeping its leading comment block; returns how many were new.
fn update_passing(path: &Path, results: &[TestResult]) -> Result<usize, String> {
    let text = std::fs::read_to_string(path).unwrap_or_default();
    let header: Vec<&str> =
        text.lines().take_while(|l| l.trim_start().starts_with('#') || l.trim().is_empty()).collect();
    let mut names = read_passing(path)?;
    let before = names.len();
    names.extend(results.iter().filter(|r| r.outcome == Outcome::Pass).map(|r| r.name.clone()));
    names.sort();
    names.dedup();
    let added = names.len() - before;
    let mut out = String::new();
    for h in header {
        out.push_str(h);
        out.push('\n');
    }
    for n in names {
        out.push_str(&n);
        out.push('\n');
    }
    if let Some(dir) = path.parent().filter(|d| !d.as_os_str().is_empty()) {
        std::fs::create_dir_all(dir).map_err(|e| format!("{}: {e}", dir.display()))?;
    }
    std::fs::write(path, out).map_err(|e| format!("{}: {e}", path.display()))?;
    Ok(added)
}

/// A pattern with `*`, `?` or `[` is a glob over the whole name (`*` also crosses `/`); otherwise it
/// selects the names containing it.
fn pattern_matches(pattern: &str, name: &str) -> bool {
    if pattern.contains(['*', '?', '[']) {
        glob(pattern.as_bytes(), name.as_bytes())
    } else {
        name.contains(pattern)
    }
}

fn glob(p: &[u8], s: &[u8]) -> bool {
    match p.first() {
        None => s.is_empty(),
        Some(b'*') => (0..=s.len()).any(|i| glob(&p[1..], &s[i..])),
        Some(b'?') => !s.is_empty() && glob(&p[1..], &s[1..]),
        Some(b'[') => {
            let Some(end) = p.iter().skip(1).position(|&c| c == b']').map(|i| i + 1) else {
                return !s.is_empty() && s[0] == b'[' && glob(&p[1..], &s[1..]);
            };
            let Some(&c) = s.first() else { return false };
            let class = &p[1..end];
            let (neg, class) = match class.first() {
                Some(b'^') | Some(b'!') => (true, &class[1..]),
                _ => (false, class),
            };
            let mut hit = false;
            let mut i = 0;
            while i < class.len() {
                if i + 2 < class.len() && class[i + 1] == b'-' {
                    hit |= class[i] <= c && c <= class[i + 2];
                    i += 3;
                } else {
                    hit |= class[i] == c;
                    i += 1;
                }
            }
            hit != neg && glob(&p[end + 1..], &s[1..])
        }
        Some(&c) => !s.is_empty() && s[0] == c && glob(&p[1..], &s[1..]),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn patterns() {
        assert!(pattern_matches("ken/", "ken/divconst.go"));
        assert!(!pattern_matches("ken/", "fixedbugs/bug001.go"));
        assert!(pattern_matches("fixedbugs/issue1*.go", "fixedbugs/issue12345.go"));
        assert!(!pattern_matches("fixedbugs/issue1*.go", "fixedbugs/issue2.go"));
        assert!(pattern_matches("*/bug00[0-4].go", "fixedbugs/bug003.go"));
        assert!(!pattern_matches("*/bug00[0-4].go", "fixedbugs/bug005.go"));
        assert!(pattern_matches("?ello.go", "hello.go"));
    }

    #[test]
    fn escapes() {
        assert_eq!(escape("a\tb\nc\\"), "a\\tb\\nc\\\\");
    }

    #[test]
    fn discovers_run_go_names() {
        let root = std::env::var("GOROOT").unwrap_or_else(|_| "/usr/share/go-1.19".into());
        let dir = Path::new(&root).join("test");
        if !dir.is_dir() {
            return;
        }
        let tests = discover(&dir).unwrap();
        assert!(tests.iter().any(|t| t.name == "ken/divconst.go"));
        assert!(tests.iter().any(|t| t.name == "helloworld.go"));
        assert!(tests.iter().all(|t| !t.name.starts_with("./")));
    }
}
