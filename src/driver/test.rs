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

use super::test2json;
use super::{build_target, check_loaded, compile, on_big_thread, write_output, BuildSettings, Reported, MAX_ERRORS};
use crate::load;

/// The command line of `g1c test`, as `cli/testflag.rs` reads it.
#[derive(Default)]
pub struct TestOptions {
    /// `-v`: a passing package's output is shown.
    pub verbose: bool,
    /// `-json`: everything about a test program goes through test2json.
    pub json: bool,
    /// `-bench` names benchmarks: the output is streamed.
    pub bench: bool,
    /// `-list` names tests: the output is the answer, shown as -v's is.
    pub list: bool,
    /// `-c`: build the test program (`<name>.test`, or `-o`) and do not run it.
    pub compile_only: bool,
    /// `-o`: where the test program is written.
    pub output: Option<String>,
    /// The test program is kept (`-o`, or a CPU, memory, block or mutex profile, which need it to be read).
    pub keep_binary: bool,
    /// The profiling flag that limits the run to one package (go test's testProfile), if any.
    pub profile: Option<&'static str>,
    /// `-exec`: the program and arguments that run the test program.
    pub exec: Vec<String>,
    /// Coverage is asked for (`-cover`, `-covermode`, `-coverpkg`, `-coverprofile`).
    pub cover: bool,
    pub cover_mode: String,
    pub coverpkg: Vec<String>,
    pub coverprofile: Option<String>,
    /// No packages named: go test's local directory mode (output streamed, no final `FAIL`).
    pub local_mode: bool,
    pub patterns: Vec<String>,
    /// The test program's flags after `-test.paniconexit0`, in go test's order.
    pub args: Vec<String>,
}

/// Where a package's output goes, as go test arranges it.
#[derive(Clone, Copy, PartialEq, Eq)]
enum Stream {
    /// Straight through, nothing kept (local directory mode, benchmarks).
    Direct,
    /// Through and kept, to look for `no tests to run` (-json, or -v with one package).
    Tee,
    /// Kept, and printed once the result is known.
    Buffered,
}

/// A package's output: to stdout or through test2json, and kept as `stream` says.
struct Output {
    json: Option<test2json::Converter<std::io::Stdout>>,
    stream: Stream,
    kept: Vec<u8>,
}

impl Output {
    fn new(json: bool, path: &str, stream: Stream) -> Output {
        let json = json.then(|| test2json::Converter::new(std::io::stdout(), path));
        Output { json, stream, kept: Vec::new() }
    }

    fn write(&mut self, b: &[u8]) {
        if self.stream != Stream::Buffered {
            match &mut self.json {
                Some(c) => c.write(b),
                None => {
                    let mut w = std::io::stdout().lock();
                    let _ = w.write_all(b);
                    let _ = w.flush();
                }
            }
        }
        if self.stream != Stream::Direct {
            self.kept.extend_from_slice(b);
        }
    }

    /// Ends the package: a kept output is printed now; test2json gets the exit.
    fn finish(self, exited: Option<bool>) {
        if self.stream == Stream::Buffered {
            let mut w = std::io::stdout().lock();
            let _ = w.write_all(&self.kept);
            let _ = w.flush();
        }
        if let Some(mut c) = self.json {
            if let Some(ok) = exited {
                c.exited(ok);
            }
            c.close();
        }
    }
}

/// Runs `g1c test`; returns the exit status.
pub fn test(settings: &BuildSettings, opts: TestOptions) -> i32 {
    let patterns = if opts.local_mode { vec![".".to_string()] } else { opts.patterns.clone() };
    let cfg = load::Config { overlay: true, ..load::Config::from_env(&settings.load) };
    let (pkgs, errors) = load::expand_patterns(&cfg, &patterns);
    if !errors.is_empty() {
        for e in &errors {
            eprintln!("{e}");
        }
        return 1;
    }
    if pkgs.len() != 1 {
        let one_only = if opts.compile_only {
            Some("-c")
        } else if opts.output.is_some() {
            Some("-o")
        } else {
            opts.profile.map(|p| if p == "trace" { "-trace" } else { p })
        };
        if let Some(flag) = one_only {
            let flag = if flag.starts_with('-') { flag.to_string() } else { format!("-{flag}") };
            eprintln!("cannot use {flag} flag with multiple packages");
            return 1;
        }
    }
    if opts.cover {
        eprintln!("g1c test: coverage (-cover, -covermode, -coverpkg, -coverprofile) is not supported yet");
        return 2;
    }
    let show_pass = opts.verbose || opts.list;
    let stream = if opts.local_mode || opts.bench {
        Stream::Direct
    } else if opts.json || (show_pass && pkgs.len() == 1) {
        Stream::Tee
    } else {
        Stream::Buffered
    };
    let mut flags = vec!["-test.paniconexit0".to_string()];
    flags.extend(opts.args.iter().cloned());
    // The go command's exit status is the largest any package asked for: 1 for a failing test or a setup
    // failure, 2 for a build failure.
    let mut status = 0;
    for (path, dir) in pkgs {
        let outcome = build(settings, &cfg, &path, &dir);
        let exe = match outcome {
            Built::NoTestFiles => {
                let mut out = Output::new(opts.json, &path, Stream::Direct);
                out.write(format!("?   \t{path}\t[no test files]\n").as_bytes());
                out.finish(None);
                continue;
            }
            // go test reports these in plain text even with -json (its converter starts with the run).
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
        let base = path.rsplit('/').next().unwrap_or(&path).to_string();
        if opts.compile_only || opts.keep_binary {
            let out = opts.output.clone().unwrap_or_else(|| format!("{base}.test"));
            if let Err(e) = write_output(Path::new(&out), &exe) {
                eprintln!("g1c: writing {out}: {e}");
                status = status.max(1);
                continue;
            }
        }
        if opts.compile_only {
            continue;
        }
        let mut out = Output::new(opts.json, &path, stream);
        let ran = run_program(&path, &dir, &cfg.goroot, &exe, &opts.exec, &flags, &mut |b| out.write(b));
        let exited = match ran {
            Ok((exit, secs)) => {
                let kept = std::mem::take(&mut out.kept);
                if exit.success() {
                    // A passing package's output stays hidden unless asked for.
                    if show_pass || out.stream != Stream::Buffered {
                        out.kept = kept.clone();
                    }
                    let norun =
                        if kept.starts_with(NO_TESTS_TO_RUN) || contains(&kept, &[b"\n", NO_TESTS_TO_RUN].concat()) {
                            " [no tests to run]"
                        } else {
                            ""
                        };
                    // The result line starts a line.
                    if !kept.is_empty() && !kept.ends_with(b"\n") {
                        out.write(b"\n");
                    }
                    out.write(format!("ok  \t{path}\t{secs:.3}s{norun}\n").as_bytes());
                } else {
                    out.kept = kept.clone();
                    if kept.is_empty() {
                        // No output kept (always so when streaming): the wait status says why it failed.
                        out.write(format!("{}\n", wait_status(exit)).as_bytes());
                    } else if !kept.ends_with(b"\n") {
                        out.write(b"\n");
                    }
                    out.write(format!("FAIL\t{path}\t{secs:.3}s\n").as_bytes());
                    status = status.max(1);
                }
                exit.success()
            }
            Err(e) => {
                out.write(format!("g1c: running the test program of {path}: {e}\nFAIL\t{path}\t0.000s\n").as_bytes());
                status = status.max(1);
                false
            }
        };
        if out.stream != Stream::Buffered {
            out.kept.clear();
        }
        out.finish(Some(exited));
    }
    // With packages named on the command line, go test repeats the verdict at the end, in case an early
    // failure scrolled away (not in a JSON stream, which tools read).
    if !opts.local_mode && !opts.json && status != 0 {
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
    exec: &[String],
    flags: &[String],
    on_output: &mut dyn FnMut(&[u8]),
) -> std::io::Result<(std::process::ExitStatus, f64)> {
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
    // -exec runs the test program through another program, which gets its path and flags.
    let mut cmd = match exec.split_first() {
        Some((first, rest)) => {
            let mut c = std::process::Command::new(first);
            c.args(rest).arg(&prog);
            c
        }
        None => std::process::Command::new(&prog),
    };
    let mut child = cmd
        .args(flags)
        .current_dir(dir)
        .env("PWD", &pwd)
        .env("PATH", &path_var)
        .env("GOROOT", goroot)
        .stdin(std::process::Stdio::null())
        .stdout(writer.try_clone()?)
        .stderr(writer)
        .spawn()?;
    // The command holds the write ends until it is dropped; the pipe must close when the program exits.
    drop(cmd);
    let mut reader = reader;
    let mut chunk = vec![0u8; 32 << 10];
    loop {
        match std::io::Read::read(&mut reader, &mut chunk) {
            Ok(0) => break,
            Ok(n) => on_output(&chunk[..n]),
            Err(e) if e.kind() == std::io::ErrorKind::Interrupted => {}
            Err(e) => return Err(e),
        }
    }
    let status = child.wait()?;
    let secs = start.elapsed().as_secs_f64();
    let _ = std::fs::remove_dir_all(&tmp);
    Ok((status, secs))
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
