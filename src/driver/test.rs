//! `g1c test`: builds each named package's test program and runs it, reporting as `go test` does.
//!
//! In: package patterns (none: the package in the current directory, go test's "local directory mode"),
//! the test flags (`-v`, `-run`, `-bench`, `-benchtime`, `-count`, `-short`, `-timeout`, and arguments
//! after `-args`), `-c` (build the test program only). Out: for each package, in pattern order, the test
//! program's output and a summary line, as go test prints them:
//! - `?   \tpath\t[no test files]` for a package without `_test.go` files;
//! - compile errors under a `# path` header, then `FAIL\tpath [build failed]`;
//! - `ok  \tpath\t0.123s` when the program exits 0; the program's output is shown before it only with
//!   `-v` or in local directory mode (package list mode hides a passing package's output, as go test does);
//! - the program's whole output, then `FAIL\tpath\t0.123s`, when it exits non-zero.
//!
//! The exit status is 0 when every package passed, 2 when a package did not build, else 1 when a test
//! failed or a package could not be loaded (as go test). Each test program runs in its package's
//! directory with go test's default flags (`-test.paniconexit0`, `-test.timeout=10m0s`). The program is
//! built exactly as `g1c build` builds one (load::load_test makes the packages; `check_loaded` and
//! `compile` check and compile them).

use std::io::Write;
use std::path::{Path, PathBuf};
use std::time::Instant;

use super::{build_target, check_loaded, compile, on_big_thread, write_output, BuildSettings, Reported, MAX_ERRORS};
use crate::load;

/// The command line of `g1c test`.
#[derive(Default)]
pub struct TestOptions {
    pub verbose: bool,
    pub run: Option<String>,
    pub bench: Option<String>,
    pub benchtime: Option<String>,
    pub count: Option<String>,
    pub short: bool,
    pub timeout: Option<String>,
    pub failfast: bool,
    pub benchmem: bool,
    pub list: Option<String>,
    pub parallel: Option<String>,
    pub cpu: Option<String>,
    pub shuffle: Option<String>,
    /// `-c`: build the test program (`<name>.test`, or `-o`) and do not run it.
    pub compile_only: bool,
    pub output: Option<String>,
    pub patterns: Vec<String>,
    /// Arguments after `-args`, passed to every test program as they are.
    pub args: Vec<String>,
}

impl TestOptions {
    /// The flags of the test program (package testing's `-test.*`), as go test passes them.
    fn program_flags(&self) -> Vec<String> {
        let mut f = vec!["-test.paniconexit0".to_string()];
        f.push(format!("-test.timeout={}", self.timeout.as_deref().unwrap_or("10m0s")));
        if self.verbose {
            f.push("-test.v=true".into());
        }
        for (name, v) in [
            ("run", &self.run),
            ("bench", &self.bench),
            ("benchtime", &self.benchtime),
            ("count", &self.count),
            ("list", &self.list),
            ("parallel", &self.parallel),
            ("cpu", &self.cpu),
            ("shuffle", &self.shuffle),
        ] {
            if let Some(v) = v {
                f.push(format!("-test.{name}={v}"));
            }
        }
        for (name, on) in [("short", self.short), ("failfast", self.failfast), ("benchmem", self.benchmem)] {
            if on {
                f.push(format!("-test.{name}=true"));
            }
        }
        f.extend(self.args.iter().cloned());
        f
    }
}

/// Runs `g1c test`; returns the exit status.
pub fn test(settings: &BuildSettings, opts: TestOptions) -> i32 {
    let local_mode = opts.patterns.is_empty();
    let patterns = if local_mode { vec![".".to_string()] } else { opts.patterns.clone() };
    let cfg = load::Config { overlay: true, ..load::Config::from_env(&settings.load) };
    let (pkgs, errors) = load::expand_patterns(&cfg, &patterns);
    if !errors.is_empty() {
        for e in &errors {
            eprintln!("{e}");
        }
        return 1;
    }
    if opts.compile_only && pkgs.len() > 1 && opts.output.is_some() {
        eprintln!("g1c: cannot use -o flag with multiple packages");
        return 2;
    }
    // The go command's exit status is the largest any package asked for: 1 for a failing test or a setup
    // failure, 2 for a build failure.
    let mut status = 0;
    for (path, dir) in pkgs {
        let outcome = build(settings, &cfg, &path, &dir);
        let stdout = std::io::stdout();
        let exe = match outcome {
            Built::NoTestFiles => {
                println!("?   \t{path}\t[no test files]");
                continue;
            }
            Built::Failed => {
                println!("FAIL\t{path} [build failed]");
                status = 2;
                continue;
            }
            Built::SetupFailed => {
                println!("FAIL\t{path} [setup failed]");
                status = status.max(1);
                continue;
            }
            Built::Program(exe) => exe,
        };
        if opts.compile_only {
            let base = path.rsplit('/').next().unwrap_or(&path).to_string();
            let out = opts.output.clone().unwrap_or_else(|| format!("{base}.test"));
            if let Err(e) = write_output(Path::new(&out), &exe) {
                eprintln!("g1c: writing {out}: {e}");
                status = status.max(1);
            }
            continue;
        }
        let ran = run_program(&path, &dir, &cfg.goroot, &exe, &opts.program_flags());
        let mut w = stdout.lock();
        match ran {
            Ok((exit, output, secs)) => {
                // go test streams the program's output in local mode and when benchmarking (and shows it
                // with -v); it buffers it otherwise and shows it only for a failure. Either way it makes sure
                // the result line starts a line.
                let streamed = local_mode || opts.bench.as_deref().is_some_and(|b| !b.is_empty());
                // -list's output is the answer asked for: go test shows it as it does -v's.
                let shown = !exit.success() || opts.verbose || opts.list.is_some() || streamed;
                if shown {
                    let _ = w.write_all(&output);
                }
                let unterminated = !output.is_empty() && !output.ends_with(b"\n");
                if exit.success() {
                    if shown && unterminated {
                        let _ = w.write_all(b"\n");
                    }
                    let norun = if output.starts_with(NO_TESTS_TO_RUN)
                        || contains(&output, &[b"\n", NO_TESTS_TO_RUN].concat())
                    {
                        " [no tests to run]"
                    } else {
                        ""
                    };
                    let _ = writeln!(w, "ok  \t{path}\t{secs:.3}s{norun}");
                } else {
                    // What the go command prints when it saw no output it kept (always in local mode, where
                    // the output went straight through): the wait status, as os.ProcessState says it.
                    if streamed || output.is_empty() {
                        let _ = writeln!(w, "{}", wait_status(exit));
                    } else if unterminated {
                        let _ = w.write_all(b"\n");
                    }
                    let _ = writeln!(w, "FAIL\t{path}\t{secs:.3}s");
                    status = status.max(1);
                }
            }
            Err(e) => {
                let _ = writeln!(w, "g1c: running the test program of {path}: {e}\nFAIL\t{path}\t0.000s");
                status = status.max(1);
            }
        }
        let _ = w.flush();
    }
    // With packages named on the command line, go test repeats the verdict at the end, in case an early
    // failure scrolled away.
    if !local_mode && status != 0 {
        println!("FAIL");
    }
    status
}

/// `g1c list`: the import paths the patterns name, one per line, as `go list` prints them; exit 1 after
/// a loader error.
pub fn list(settings: &BuildSettings, patterns: &[String]) -> i32 {
    let cfg = load::Config::from_env(&settings.load);
    let (pkgs, errors) = load::expand_patterns(&cfg, patterns);
    for (path, _) in &pkgs {
        println!("{path}");
    }
    for e in &errors {
        eprintln!("{e}");
    }
    i32::from(!errors.is_empty())
}

/// What building one package's test program gave.
enum Built {
    NoTestFiles,
    /// Loading the packages failed (errors printed under the package's header).
    SetupFailed,
    /// Compiling them failed (errors printed).
    Failed,
    Program(Vec<u8>),
}

/// Loads, checks and compiles the test program of the package `path` in `dir` (on the big-stack thread the
/// pipeline needs); errors are printed as `g1c build` prints them.
fn build(settings: &BuildSettings, cfg: &load::Config, path: &str, dir: &Path) -> Built {
    let (settings, cfg, path, dir) = (settings.clone(), cfg.clone(), path.to_string(), dir.to_path_buf());
    let r = on_big_thread(move || -> Result<Built, Reported> {
        let target = build_target(&cfg)?;
        let (loaded, info) = load::load_test(&cfg, &path, &dir);
        if !info.has_test_files && loaded.errors.is_empty() {
            return Ok(Built::NoTestFiles);
        }
        if !loaded.errors.is_empty() {
            eprintln!("# {path}");
            for e in &loaded.errors {
                eprintln!("{e}");
            }
            return Ok(Built::SetupFailed);
        }
        let checked = check_loaded(settings, cfg, target, loaded, MAX_ERRORS)?;
        Ok(compile(&checked, checked.root, true, MAX_ERRORS)?.map_or(Built::Failed, Built::Program))
    });
    r.unwrap_or(Built::Failed)
}

/// Runs a test program in its package's directory: (exited 0, stdout and stderr interleaved as written,
/// seconds). As go test runs one, `PWD` names that directory and the testing toolchain's `go` comes first
/// in `PATH` (go test puts `$GOROOT/bin` there; here it is a `go` link to g1c, its go face, DESIGN §10):
/// tests that start the go tool (internal/testenv's `GoTool`) find the toolchain that is testing them.
/// `GOROOT` is the GOROOT the program was built from, as the go command's environment says it to the
/// programs it runs (the binary records it too, for `runtime.GOROOT()`).
fn run_program(
    path: &str,
    dir: &Path,
    goroot: &Path,
    exe: &[u8],
    flags: &[String],
) -> std::io::Result<(std::process::ExitStatus, Vec<u8>, f64)> {
    let tmp = std::env::temp_dir().join(format!("g1c-test-{}", std::process::id()));
    std::fs::create_dir_all(&tmp)?;
    let base = path.rsplit('/').next().unwrap_or(path);
    let prog: PathBuf = tmp.join(format!("{base}.test"));
    write_output(&prog, exe)?;
    let bin = tmp.join("bin");
    std::fs::create_dir_all(&bin)?;
    // A directory left by an earlier process with the same id (killed before its cleanup) may hold a link.
    let _ = std::fs::remove_file(bin.join("go"));
    std::os::unix::fs::symlink(std::env::current_exe()?, bin.join("go"))?;
    let mut path_var = bin.into_os_string();
    if let Some(old) = std::env::var_os("PATH").filter(|p| !p.is_empty()) {
        path_var.push(":");
        path_var.push(old);
    }
    let pwd = std::path::absolute(dir)?;
    // One pipe for both streams, so the output keeps the order in which the program wrote it.
    let (reader, writer) = std::io::pipe()?;
    let start = Instant::now();
    let mut child = std::process::Command::new(&prog)
        .args(flags)
        .current_dir(dir)
        .env("PWD", &pwd)
        .env("PATH", &path_var)
        .env("GOROOT", goroot)
        .stdin(std::process::Stdio::null())
        .stdout(writer.try_clone()?)
        .stderr(writer)
        .spawn()?;
    let mut output = Vec::new();
    let mut reader = reader;
    std::io::Read::read_to_end(&mut reader, &mut output)?;
    let status = child.wait()?;
    let secs = start.elapsed().as_secs_f64();
    let _ = std::fs::remove_dir_all(&tmp);
    Ok((status, output, secs))
}

/// What package testing prints when no test matched -run (go test then says `[no tests to run]`).
const NO_TESTS_TO_RUN: &[u8] = b"testing: warning: no tests to run\n";

fn contains(hay: &[u8], needle: &[u8]) -> bool {
    hay.windows(needle.len()).any(|w| w == needle)
}

/// A child's wait status as Go's os.ProcessState.String words it: `exit status 1`, `signal: killed`.
fn wait_status(st: std::process::ExitStatus) -> String {
    use std::os::unix::process::ExitStatusExt;
    if let Some(code) = st.code() {
        return format!("exit status {code}");
    }
    let sig = st.signal().unwrap_or(0);
    // syscall's signal names for linux (zerrors_linux_amd64.go's table), the ones a test program dies of.
    let name = match sig {
        1 => "hangup",
        2 => "interrupt",
        3 => "quit",
        4 => "illegal instruction",
        5 => "trace/breakpoint trap",
        6 => "aborted",
        7 => "bus error",
        8 => "floating point exception",
        9 => "killed",
        11 => "segmentation fault",
        13 => "broken pipe",
        14 => "alarm clock",
        15 => "terminated",
        _ => return format!("signal: signal {sig}"),
    };
    format!("signal: {name}")
}
