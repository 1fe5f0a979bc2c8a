//! Running one test: the port of the second half of run.go's `test.run` (one arm per action), for two
//! compilers — g1c, the compiler under test, and gc, the reference, which validates the harness itself.
//!
//! In: the configuration and one test file. Out: a `TestResult` (pass, fail or skip, with the time taken and
//! the failure text).
//!
//! For gc every command is the one run.go runs. For g1c each gc step maps to the nearest `g1c build`:
//! compile-only steps build to /dev/null, link steps build an executable directly, gc-only flags (`-m`,
//! `-d=...`, `-gcflags=...`) are not passed; gc's `-lang=go1.N`, which g1c shares, is. A test whose flags ask
//! for something g1c does not do (`support::unsupported`) is skipped with reason `unsupported gc flag F`,
//! counted apart from run.go's skips, never run and passed. What g1c cannot do at all (assemble `.s` files,
//! print gc's assembly listing) fails with a reason instead of being skipped. Any g1c output holding an
//! `internal compiler error` fails the test, whatever its `// ERROR` patterns match.

use crate::asmcheck;
use crate::constraint::BuildContext;
use crate::errorcheck::{error_check, CheckFile};
use crate::exec::{self, Cmd, Output, Status};
use crate::recipe::{parse_header, Action, Header, Recipe};
use crate::support;
use regex::Regex;
use std::cell::RefCell;
use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::OnceLock;
use std::time::{Duration, Instant};

#[derive(Debug, Clone)]
pub enum Compiler {
    /// The compiler under test: path of the g1c executable.
    G1c(PathBuf),
    /// The reference toolchain (the `go` command in `Config::go_tool`).
    Gc,
}

#[derive(Debug, Clone)]
pub struct Config {
    /// `$GOROOT/test`, the suite.
    pub test_dir: PathBuf,
    pub compiler: Compiler,
    /// The reference `go` command; its bin directory goes first in PATH, as run.go arranges.
    pub go_tool: PathBuf,
    /// Per-command time limit when the test sets none with `-t`.
    pub timeout: Duration,
    pub ctx: BuildContext,
    /// Keep temporary directories (`-k`).
    pub keep: bool,
    /// Where each test gets its temporary directory.
    pub tmp_root: PathBuf,
    /// Compiler flags every `g1c build` gets (`--gcflags`, e.g. `-N` for the unoptimized level).
    pub gcflags: Option<String>,
}

/// One test file: `dir` is relative to the suite ("." or "fixedbugs"), `name` is how run.go prints it.
#[derive(Debug, Clone)]
pub struct TestFile {
    pub dir: String,
    pub gofile: String,
    pub name: String,
}

impl TestFile {
    pub fn new(dir: &str, gofile: &str) -> TestFile {
        let name = if dir == "." { gofile.to_string() } else { format!("{dir}/{gofile}") };
        TestFile { dir: dir.to_string(), gofile: gofile.to_string(), name }
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Outcome {
    Pass,
    Fail,
    Skip,
}

impl Outcome {
    pub fn as_str(self) -> &'static str {
        match self {
            Outcome::Pass => "pass",
            Outcome::Fail => "fail",
            Outcome::Skip => "skip",
        }
    }
}

#[derive(Debug, Clone)]
pub struct TestResult {
    pub name: String,
    pub directive: String,
    pub outcome: Outcome,
    pub secs: f64,
    /// Why it failed or was skipped (empty on a plain pass).
    pub reason: String,
}

/// run.go's `types2Failures` and `go118Failures`: tests gc 1.19 is known to fail. With gc they pass when
/// they fail (and fail when they pass); g1c is judged on the test itself.
const GC_EXPECTED_FAILURES: &[&str] = &[
    "notinheap.go",
    "shift1.go",
    "fixedbugs/issue10700.go",
    "fixedbugs/issue18331.go",
    "fixedbugs/issue18419.go",
    "fixedbugs/issue20233.go",
    "fixedbugs/issue20245.go",
    "fixedbugs/issue31053.go",
    "typeparam/nested.go",
    "typeparam/issue51521.go",
];

static TEST_SEQ: AtomicUsize = AtomicUsize::new(0);

/// The reason of a test skipped because g1c does not honour a flag of its directive (followed by the flag).
pub const UNSUPPORTED: &str = "unsupported gc flag ";

/// The failure of a test during which g1c reported an internal compiler error (followed by that line).
const ICE: &str = "g1c reported an internal compiler error";

pub fn run_test(cfg: &Config, t: &TestFile) -> TestResult {
    let start = Instant::now();
    let path = cfg.test_dir.join(&t.name);
    let mut result = TestResult {
        name: t.name.clone(),
        directive: String::new(),
        outcome: Outcome::Fail,
        secs: 0.0,
        reason: String::new(),
    };
    let src = match std::fs::read(&path) {
        Ok(b) => b,
        Err(e) => {
            result.reason = format!("read {}: {e}", path.display());
            return result;
        }
    };
    let src_text = String::from_utf8_lossy(&src).into_owned();
    let recipe = match parse_header(&t.name, &src_text, &cfg.ctx) {
        Header::Skip(why) => {
            result.directive = if why == "// skip" { "skip".into() } else { directive_word(&src_text) };
            result.outcome = Outcome::Skip;
            result.reason = why;
            return result;
        }
        Header::Broken(why) => {
            result.directive = directive_word(&src_text);
            result.reason = why;
            result.secs = start.elapsed().as_secs_f64();
            return result;
        }
        Header::Test(r) => r,
    };
    result.directive = recipe.directive.clone();
    if matches!(cfg.compiler, Compiler::G1c(_)) {
        if let Some(flag) = support::unsupported(&recipe.flags, recipe.goexperiment.as_deref()) {
            result.outcome = Outcome::Skip;
            result.reason = format!("{UNSUPPORTED}{flag}");
            return result;
        }
    }

    let tmp = cfg.tmp_root.join(format!("t{}", TEST_SEQ.fetch_add(1, Ordering::Relaxed)));
    let made = std::fs::create_dir_all(tmp.join("test")).and_then(|_| std::fs::write(tmp.join(&t.gofile), &src));
    let res = match made {
        Err(e) => Err(format!("temporary directory {}: {e}", tmp.display())),
        Ok(()) => {
            let ice = RefCell::new(None);
            let r =
                Run { cfg, t, recipe: &recipe, src: &src_text, tmp: tmp.clone(), long: path, gopath: false, ice: &ice };
            let res = r.run();
            match ice.into_inner() {
                Some(line) => Err(format!("{ICE}\n{line}")),
                None => res,
            }
        }
    };
    if !cfg.keep {
        let _ = std::fs::remove_dir_all(&tmp);
    }

    let expect_fail = matches!(cfg.compiler, Compiler::Gc) && GC_EXPECTED_FAILURES.contains(&t.name.as_str());
    match (res, expect_fail) {
        (Ok(()), false) => result.outcome = Outcome::Pass,
        (Ok(()), true) => result.reason = "unexpected success".into(),
        (Err(e), true) => {
            result.outcome = Outcome::Pass;
            result.reason = format!("{} (expected)", first_line(&e));
        }
        (Err(e), false) => result.reason = e,
    }
    result.secs = start.elapsed().as_secs_f64();
    result
}

/// The first word of the recipe, for reporting tests that never got a parsed recipe.
fn directive_word(src: &str) -> String {
    src.lines()
        .find(|l| !l.contains("+build") && !l.starts_with("//go:build"))
        .and_then(|l| l.trim_start_matches('/').split_whitespace().next())
        .unwrap_or("")
        .to_string()
}

/// The first non-empty line of a failure text.
pub fn first_line(s: &str) -> &str {
    s.lines().map(str::trim_end).find(|l| !l.is_empty()).unwrap_or("")
}

/// A one-line summary of a failure: its first line, followed by the next line when the first only says
/// that something failed ("exit status 1", "... Instead saw", "no match for ... in:").
pub fn summary(s: &str) -> String {
    // `# pkg` lines are go build's package headers, not messages.
    let mut lines = s.lines().map(str::trim).filter(|l| !l.is_empty() && !l.starts_with("# "));
    let first = lines.next().unwrap_or("");
    let generic = first.starts_with("exit status")
        || first.starts_with("signal:")
        || first.starts_with("g1c panicked")
        || first.starts_with("compilation succeeded unexpectedly")
        || first.ends_with("Instead saw")
        || first.ends_with(':');
    match lines.next() {
        Some(next) if generic => {
            let next: String = next.chars().take(300).collect();
            format!("{first} | {next}")
        }
        _ => first.to_string(),
    }
}

/// Where a command runs: the test's temporary directory, the suite directory (run.go's `runInDir = ""`), or
/// an explicit directory.
enum Where<'a> {
    Tmp,
    Suite,
    At(&'a Path),
}

/// The name of directory-test package `p` as an import path (`./a` for the package whose first file is
/// `a.go`), as gc's `-D test -p test/a` names it.
fn dir_pkg_stem(p: &DirPkg) -> String {
    p.files[0].strip_suffix(".go").unwrap_or(&p.files[0]).to_string()
}

/// One package of a directory test (`goDirPkg`).
struct DirPkg {
    name: String,
    files: Vec<String>,
}

struct Run<'a> {
    cfg: &'a Config,
    t: &'a TestFile,
    recipe: &'a Recipe,
    src: &'a str,
    tmp: PathBuf,
    /// The absolute path of the test file (run.go's `long`).
    long: PathBuf,
    /// The temporary directory is GOPATH (`runindir`).
    gopath: bool,
    /// The first `internal compiler error` line any g1c command of the test printed: the test fails on it
    /// even where a failing compile was expected and the line matched an `// ERROR` pattern.
    ice: &'a RefCell<Option<String>>,
}

type Res = Result<(), String>;

fn s(p: &Path) -> String {
    p.to_string_lossy().into_owned()
}

fn strs(v: &[&str]) -> Vec<String> {
    v.iter().map(|x| x.to_string()).collect()
}

impl<'a> Run<'a> {
    fn run(&self) -> Res {
        let gc = matches!(self.cfg.compiler, Compiler::Gc);
        match self.recipe.action {
            Action::ErrorCheck => self.errorcheck(),
            Action::Compile => {
                if gc {
                    let mut cmd = strs(&["tool", "compile", "-e", "-p=p"]);
                    cmd.extend(self.recipe.flags.iter().cloned());
                    cmd.push(s(&self.long));
                    self.must(self.go(cmd, Where::Tmp)).map(drop)
                } else {
                    self.must(self.g1c_build(false, "/dev/null", &[s(&self.long)], Where::Tmp)).map(drop)
                }
            }
            Action::Build => {
                if gc {
                    let mut cmd = vec!["build".to_string(), gcflags()];
                    cmd.extend(self.recipe.flags.iter().cloned());
                    cmd.extend(["-o".into(), "a.exe".into(), s(&self.long)]);
                    self.must(self.go(cmd, Where::Tmp)).map(drop)
                } else {
                    let exe = s(&self.tmp.join("a.exe"));
                    self.must(self.g1c_build(false, &exe, &[s(&self.long)], Where::Tmp)).map(drop)
                }
            }
            Action::BuildRun => {
                let exe = self.tmp.join("a.exe");
                if gc {
                    let mut cmd = strs(&["build"]);
                    cmd.extend([gcflags(), "-o".into(), "a.exe".into()]);
                    cmd.extend(self.recipe.flags.iter().cloned());
                    cmd.push(s(&self.long));
                    self.must(self.go(cmd, Where::Tmp))?;
                } else {
                    self.must(self.g1c_build(false, &s(&exe), &[s(&self.long)], Where::Tmp))?;
                }
                let mut cmd = vec![s(&exe)];
                cmd.extend(self.recipe.args.iter().cloned());
                let out = self.must(self.cmd(cmd, Where::Tmp))?;
                self.check_expected_output(&out.out)
            }
            Action::Run => self.run_action(),
            Action::RunOutput => self.runoutput(),
            Action::ErrorCheckOutput => self.errorcheckoutput(),
            Action::CompileDir => {
                let longdir = self.long_dir();
                let pkgs = self.dir_packages(&longdir)?;
                for (i, pkg) in pkgs.iter().enumerate() {
                    self.must(self.compile_in_dir(&longdir, &self.recipe.flags, pkg, &pkgs[..i], None))?;
                }
                Ok(())
            }
            Action::ErrorCheckDir | Action::ErrorCheckAndRunDir => self.errorcheckdir(),
            Action::RunDir => self.rundir(),
            Action::RunInDir => self.runindir(),
            Action::BuildDir | Action::BuildRunDir => self.builddir(),
            Action::AsmCheck => self.asmcheck(),
        }
    }

    // ---- commands ----

    fn cmd(&self, argv: Vec<String>, at: Where) -> Output {
        self.cmd_env(argv, at, Vec::new())
    }

    /// `cmd` with `extra` added to the environment.
    fn cmd_env(&self, argv: Vec<String>, at: Where, extra: Vec<(String, String)>) -> Output {
        let dir: PathBuf = match at {
            Where::Tmp => self.tmp.clone(),
            Where::Suite => self.cfg.test_dir.clone(),
            Where::At(p) => p.to_path_buf(),
        };
        let mut env: Vec<(String, String)> =
            vec![("GOENV".into(), "off".into()), ("GOFLAGS".into(), String::new()), ("PWD".into(), s(&dir))];
        // run.go sets GOOS and GOARCH in its own environment when unset; some tests read them.
        for (k, v) in [("GOOS", &self.cfg.ctx.goos), ("GOARCH", &self.cfg.ctx.goarch)] {
            if std::env::var_os(k).is_none() {
                env.push((k.into(), v.clone()));
            }
        }
        if self.gopath {
            env.push(("GOPATH".into(), s(&self.tmp)));
        }
        let bin = self.cfg.go_tool.parent().map(s).unwrap_or_default();
        let path = match std::env::var("PATH") {
            Ok(p) if !p.is_empty() => format!("{bin}:{p}"),
            _ => bin,
        };
        env.push(("PATH".into(), path));
        if let Some(x) = &self.recipe.goexperiment {
            env.push(("GOEXPERIMENT".into(), x.clone()));
        }
        env.extend(extra);
        let timeout = self.recipe.timeout_secs.map_or(self.cfg.timeout, Duration::from_secs);
        let n = TEST_SEQ.fetch_add(1, Ordering::Relaxed);
        exec::run(Cmd {
            argv,
            dir: &dir,
            env,
            env_remove: self.env_remove(),
            timeout,
            out_file: self.tmp.join(format!(".out{n}")),
        })
    }

    /// GOROOT names the suite for the harness; the reference go command must find its own root.
    fn env_remove(&self) -> Vec<&'static str> {
        match self.cfg.compiler {
            Compiler::Gc => vec!["GOROOT"],
            Compiler::G1c(_) => vec![],
        }
    }

    /// `go ARGS...` with the reference toolchain.
    fn go(&self, args: Vec<String>, at: Where) -> Output {
        let mut argv = vec![s(&self.cfg.go_tool)];
        argv.extend(args);
        self.cmd(argv, at)
    }

    /// `g1c build [-e] -o OUT FILES...`. A panic (exit 101) or a signal is reported as a crash even where
    /// a failing build is expected.
    fn g1c_build(&self, all_errors: bool, out: &str, files: &[String], at: Where) -> Output {
        let Compiler::G1c(g1c) = &self.cfg.compiler else { unreachable!("g1c_build under gc") };
        let mut argv = vec![s(g1c), "build".into()];
        if all_errors && support::all_errors(&self.recipe.flags) {
            argv.push("-e".into());
        }
        argv.extend(["-o".into(), out.to_string()]);
        // gc's -lang (the language version the test is written for) is a checker flag g1c shares; the other
        // compiler flags are gc's own.
        argv.extend(self.recipe.flags.iter().filter(|f| f.starts_with("-lang=")).cloned());
        if let Some(g) = &self.cfg.gcflags {
            argv.push(format!("-gcflags={g}"));
        }
        argv.extend(files.iter().cloned());
        let out = self.cmd(argv, at);
        if let Some(line) = out.text().lines().find(|l| l.contains("internal compiler error")) {
            self.ice.borrow_mut().get_or_insert_with(|| line.to_string());
        }
        out
    }

    /// A command that must succeed: its output, or run.go's error text.
    fn must(&self, out: Output) -> Result<Output, String> {
        if let Some(crash) = self.crash(&out) {
            return Err(crash);
        }
        if out.ok() {
            Ok(out)
        } else {
            Err(out.error())
        }
    }

    /// A g1c compile that crashed rather than reporting errors.
    fn crash(&self, out: &Output) -> Option<String> {
        if matches!(self.cfg.compiler, Compiler::Gc) {
            return None;
        }
        match out.status {
            Status::Exited(101) => Some(format!("g1c panicked\n{}", out.text())),
            Status::Signaled(_) => Some(format!("g1c crashed: {}", out.error())),
            _ => None,
        }
    }

    /// An executable built by the compiler under test.
    /// The recipe's arguments as `go run FILE ARGS` reads them: the leading `*.go` ones are more files of
    /// the program (`// run cmplxdivide1.go`, `// runoutput ./rotate.go`), the rest go to the program.
    fn split_run_args(&self) -> (Vec<String>, Vec<String>) {
        let args = &self.recipe.args;
        let n = args.iter().take_while(|a| a.ends_with(".go")).count();
        (args[..n].to_vec(), args[n..].to_vec())
    }

    fn run_exe(&self, exe: &Path, at: Where) -> Result<Output, String> {
        let mut cmd = vec![s(exe)];
        cmd.extend(self.split_run_args().1);
        // run.go's `go run` puts the go command's GOROOT in the program's environment: runtime.GOROOT()
        // answers it, and the tests that run `go tool compile` (the reference go on PATH) find its tools
        // there. gc's executables record the root they were built with; g1c's record none.
        let go_root = self.cfg.go_tool.parent().and_then(Path::parent);
        let extra = match (&self.cfg.compiler, go_root) {
            (Compiler::G1c(_), Some(root)) => vec![("GOROOT".to_string(), s(root))],
            _ => Vec::new(),
        };
        let out = self.cmd_env(cmd, at, extra);
        if out.ok() {
            Ok(out)
        } else {
            Err(out.error())
        }
    }

    /// `checkExpectedOutput`: the output must equal `NAME.out`, or be empty when there is none.
    fn check_expected_output(&self, got: &[u8]) -> Res {
        let got = String::from_utf8_lossy(got).replace("\r\n", "\n");
        let stem = self.t.gofile.strip_suffix(".go").unwrap_or(&self.t.gofile);
        let rel_name = if self.t.dir == "." { format!("{stem}.out") } else { format!("{}/{stem}.out", self.t.dir) };
        match std::fs::read(self.cfg.test_dir.join(&rel_name)) {
            Ok(want) if got.as_bytes() == want.as_slice() => Ok(()),
            Ok(_) => Err(format!("output does not match expected in {rel_name}. Instead saw\n{got}")),
            Err(_) if got.is_empty() => Ok(()),
            Err(_) => Err(format!(
                "output should be empty when (optional) expected-output file {rel_name} is not present. Instead saw\n{got}"
            )),
        }
    }

    // ---- single-file actions ----

    fn errorcheck(&self) -> Res {
        let long = s(&self.long);
        let out = match &self.cfg.compiler {
            Compiler::Gc => {
                let mut cmd = strs(&["tool", "compile", "-p=p", "-d=panic", "-C", "-e", "-o", "a.o"]);
                cmd.extend(self.recipe.flags.iter().cloned());
                cmd.push(long.clone());
                self.go(cmd, Where::Tmp)
            }
            Compiler::G1c(_) => self.g1c_build(true, "/dev/null", &[long.clone()], Where::Tmp),
        };
        self.expect_compile_result(&out)?;
        error_check(
            &out.text(),
            self.recipe.want_auto,
            &[CheckFile { full: &long, short: &self.t.gofile, src: self.src }],
        )
    }

    /// Fail when compilation succeeded but should not have (or the reverse), as run.go does.
    fn expect_compile_result(&self, out: &Output) -> Res {
        if let Some(crash) = self.crash(out) {
            return Err(crash);
        }
        if self.recipe.want_error {
            if out.ok() {
                return Err(format!("compilation succeeded unexpectedly\n{}", out.text()));
            }
            if out.status == Status::TimedOut {
                return Err("compilation timed out".into());
            }
            if let Status::NotStarted(e) = &out.status {
                return Err(e.clone());
            }
        } else if !out.ok() {
            return Err(out.error());
        }
        Ok(())
    }

    fn run_action(&self) -> Res {
        let r = self.recipe;
        let name = self.t.name.clone();
        let out = match &self.cfg.compiler {
            Compiler::Gc => {
                let plain = r.flags.is_empty() && r.args.is_empty() && gcflags_empty() && r.goexperiment.is_none();
                if plain {
                    // run.go skips the go command for plain tests: compile, link, run.
                    let pkg = s(&self.tmp.join("pkg.a"));
                    self.must(self.go(
                        vec!["tool".into(), "compile".into(), "-p=main".into(), "-o".into(), pkg.clone(), name],
                        Where::Suite,
                    ))?;
                    let exe = self.tmp.join("test.exe");
                    self.must(self.go(strs(&["tool", "link", "-s", "-w", "-o", &s(&exe), &pkg]), Where::Suite))?;
                    self.run_exe(&exe, Where::Suite)?
                } else {
                    let mut cmd = vec!["run".to_string(), gcflags()];
                    cmd.extend(r.flags.iter().cloned());
                    cmd.push(name);
                    cmd.extend(r.args.iter().cloned());
                    self.must(self.go(cmd, Where::Suite))?
                }
            }
            Compiler::G1c(_) => {
                let exe = self.tmp.join("a.exe");
                let mut files = vec![name];
                files.extend(self.split_run_args().0);
                self.must(self.g1c_build(false, &s(&exe), &files, Where::Suite))?;
                self.run_exe(&exe, Where::Suite)?
            }
        };
        self.check_expected_output(&out.out)
    }

    /// Compile and run a Go file from the suite directory (`go run FILE ARGS`), returning its output.
    fn build_and_run(&self, file: &str, with_args: bool) -> Result<Output, String> {
        match &self.cfg.compiler {
            Compiler::Gc => {
                let mut cmd = vec!["run".to_string(), gcflags(), file.to_string()];
                if with_args {
                    cmd.extend(self.recipe.args.iter().cloned());
                }
                self.must(self.go(cmd, Where::Suite))
            }
            Compiler::G1c(_) => {
                let n = TEST_SEQ.fetch_add(1, Ordering::Relaxed);
                let exe = self.tmp.join(format!("a{n}.exe"));
                let (more, args) = if with_args { self.split_run_args() } else { Default::default() };
                let mut files = vec![file.to_string()];
                files.extend(more);
                self.must(self.g1c_build(false, &s(&exe), &files, Where::Suite))?;
                let mut cmd = vec![s(&exe)];
                cmd.extend(args);
                self.must(self.cmd(cmd, Where::Suite))
            }
        }
    }

    fn runoutput(&self) -> Res {
        let name = self.t.name.clone();
        let out = self.build_and_run(&name, true)?;
        let tfile = self.tmp.join("tmp__.go");
        std::fs::write(&tfile, &out.out).map_err(|e| format!("write tempfile:{e}"))?;
        let out = self.build_and_run(&s(&tfile), false)?;
        self.check_expected_output(&out.out)
    }

    fn errorcheckoutput(&self) -> Res {
        let name = self.t.name.clone();
        let out = self.build_and_run(&name, true)?;
        let tfile = self.tmp.join("tmp__.go");
        std::fs::write(&tfile, &out.out).map_err(|e| format!("write tempfile:{e}"))?;
        let tsrc = String::from_utf8_lossy(&out.out).into_owned();
        let out = match &self.cfg.compiler {
            Compiler::Gc => {
                // run.go writes a.o into its working directory; ours goes to the temporary directory.
                let mut cmd = strs(&["tool", "compile", "-p=p", "-d=panic", "-e", "-o", &s(&self.tmp.join("a.o"))]);
                cmd.extend(self.recipe.flags.iter().cloned());
                cmd.push(s(&tfile));
                self.go(cmd, Where::Suite)
            }
            Compiler::G1c(_) => self.g1c_build(true, "/dev/null", &[s(&tfile)], Where::Suite),
        };
        self.expect_compile_result(&out)?;
        let full = s(&tfile);
        error_check(&out.text(), false, &[CheckFile { full: &full, short: "tmp__.go", src: &tsrc }])
    }

    fn asmcheck(&self) -> Res {
        let long = s(&self.long);
        let ops = asmcheck::wanted_asm_opcodes(self.src, &long).map_err(|e| format!("{}:{e}", self.t.name))?;
        let self_env = format!("{}/{}", self.cfg.ctx.goos, self.cfg.ctx.goarch);
        let envs: Vec<&String> =
            ops.keys().filter(|e| **e == self_env || e.starts_with(&format!("{self_env}/"))).collect();
        match &self.cfg.compiler {
            Compiler::G1c(_) => {
                self.must(self.g1c_build(false, "/dev/null", &[long], Where::Tmp))?;
                if !envs.is_empty() {
                    return Err(format!(
                        "asmcheck: {} needs gc's -S assembly listing, which g1c does not produce",
                        envs[0]
                    ));
                }
                Ok(())
            }
            Compiler::Gc => {
                for env in envs {
                    // -S=2 forces outermost line numbers when disassembling inlined code.
                    let mut gcf = "-S=2".to_string();
                    let mut rest = Vec::new();
                    let flags = &self.recipe.flags;
                    let mut i = 0;
                    while i < flags.len() {
                        let f = &flags[i];
                        if let Some(v) = f.strip_prefix("-gcflags=").or_else(|| f.strip_prefix("--gcflags=")) {
                            gcf = format!("{gcf} {v}");
                        } else if f == "-gcflags" || f == "--gcflags" {
                            i += 1;
                            if let Some(v) = flags.get(i) {
                                gcf = format!("{gcf} {v}");
                            }
                        } else {
                            rest.push(f.clone());
                        }
                        i += 1;
                    }
                    let mut argv = vec![s(&self.cfg.go_tool), "build".into(), "-gcflags".into(), gcf];
                    argv.extend(rest);
                    argv.push(long.clone());
                    // run.go runs this with its own environment plus the build environment, from its own
                    // directory, without a time limit; ours keeps the limit.
                    let dir = self.cfg.test_dir.clone();
                    let mut vars = asmcheck::environ(env);
                    if flags.first().is_some_and(|f| f == "-race") {
                        vars.push(("CGO_ENABLED".into(), "1".into()));
                    }
                    let n = TEST_SEQ.fetch_add(1, Ordering::Relaxed);
                    let out = exec::run(Cmd {
                        argv,
                        dir: &dir,
                        env: vars,
                        env_remove: self.env_remove(),
                        timeout: self.cfg.timeout,
                        out_file: self.tmp.join(format!(".out{n}")),
                    });
                    if !out.ok() {
                        return Err(format!("{env}\n{}", out.error()));
                    }
                    asmcheck::asm_check(&out.text(), &long, &self.t.name, env, &ops[env])?;
                }
                Ok(())
            }
        }
    }

    // ---- directory actions ----

    /// `goDirName`: the `.dir` directory next to the test file.
    fn long_dir(&self) -> PathBuf {
        let dir = self.t.gofile.replace(".go", ".dir");
        match self.t.dir.as_str() {
            "." => self.cfg.test_dir.join(dir),
            d => self.cfg.test_dir.join(d).join(dir),
        }
    }

    /// How a file of a compiled package is named in g1c's messages (it compiles the copy staged at the top of
    /// the temporary directory, its working directory; see [`Run::stage_dir_pkg`]).
    fn g1c_dir_file(name: &str) -> String {
        format!("./{name}")
    }

    /// `goDirPackages`: the `.go` files of `longdir` in name order, grouped by package clause (each file its
    /// own package with `-s`).
    fn dir_packages(&self, longdir: &Path) -> Result<Vec<DirPkg>, String> {
        static PACKAGE_RE: OnceLock<Regex> = OnceLock::new();
        let re = PACKAGE_RE.get_or_init(|| Regex::new(r"(?m)^package ([\p{Lu}\p{Ll}\w]+)").unwrap());
        let mut names = go_files(longdir).map_err(|e| format!("open {}: {e}", longdir.display()))?;
        names.sort();
        let mut pkgs: Vec<DirPkg> = Vec::new();
        for name in names {
            let data = std::fs::read(longdir.join(&name)).map_err(|e| e.to_string())?;
            let text = String::from_utf8_lossy(&data);
            let pkgname = re
                .captures(&text)
                .map(|c| c[1].to_string())
                .ok_or_else(|| format!("cannot find package name in {}", longdir.join(&name).display()))?;
            match pkgs.iter_mut().find(|p| p.name == pkgname) {
                Some(p) if !self.recipe.single_file_pkgs => p.files.push(name),
                // With -s a later file of the same package starts a new one (Go's map holds the newest).
                _ => pkgs.push(DirPkg { name: pkgname, files: vec![name] }),
            }
        }
        // The map lookup in run.go finds the most recent package of that name; with -s every file is new.
        Ok(pkgs)
    }

    /// `compileInDir`. For g1c: `g1c build -e` of the package's files, to `exe` when given (the last package
    /// of a `rundir`), else to /dev/null. g1c has no separate compilation: it compiles a package with the
    /// packages it imports from source, resolving a local import `./a` relative to the importing file's
    /// directory as `go build` does, where gc's `-D test -I .` finds the `a.a` compiled before. So the
    /// packages are laid out as `go build` needs them (see [`Run::stage_dir_pkg`]); `earlier` are the
    /// packages of the directory compiled before this one.
    fn compile_in_dir(
        &self,
        longdir: &Path,
        flags: &[String],
        pkg: &DirPkg,
        earlier: &[DirPkg],
        exe: Option<&Path>,
    ) -> Output {
        let files: Vec<String> = pkg.files.iter().map(|f| s(&longdir.join(f))).collect();
        match &self.cfg.compiler {
            Compiler::Gc => {
                let mut cmd = strs(&["tool", "compile", "-e", "-D", "test", "-I", "."]);
                if pkg.name == "main" {
                    cmd.push("-p=main".into());
                } else {
                    let p = format!("test/{}", pkg.files[0].strip_suffix(".go").unwrap_or(&pkg.files[0]));
                    cmd.extend(["-o".into(), format!("{p}.a"), "-p".into(), p]);
                }
                cmd.extend(flags.iter().cloned());
                cmd.extend(files);
                self.go(cmd, Where::Tmp)
            }
            Compiler::G1c(_) => {
                let out = exe.map_or_else(|| "/dev/null".to_string(), s);
                let files = match self.stage_dir_pkg(longdir, pkg, earlier) {
                    Ok(files) => files,
                    Err(e) => {
                        return Output {
                            status: Status::NotStarted(format!("staging {}: {e}", pkg.name)),
                            out: Vec::new(),
                        }
                    }
                };
                self.g1c_build(true, &out, &files, Where::Tmp)
            }
        }
    }

    /// For g1c: copies the files of `pkg` (a package of directory test `longdir`) into the temporary
    /// directory, both at its top (the files g1c is given: they show as `./x.go`, and their local imports
    /// `./a` resolve to the directories below) and into the directory named after the package's first file
    /// (`a.go` → `a/`, the name gc's `-D test` gives it), where later packages import it from. Inside that
    /// directory, a symbolic link per earlier package (`a/b -> ../b`) lets it import its siblings too; the
    /// loader names a local package by its real directory, so each package is loaded once. Returns the
    /// files to compile.
    fn stage_dir_pkg(&self, longdir: &Path, pkg: &DirPkg, earlier: &[DirPkg]) -> std::io::Result<Vec<String>> {
        let dir = self.tmp.join(dir_pkg_stem(pkg));
        std::fs::create_dir_all(&dir)?;
        let mut files = Vec::new();
        for f in &pkg.files {
            std::fs::copy(longdir.join(f), dir.join(f))?;
            std::fs::copy(longdir.join(f), self.tmp.join(f))?;
            files.push(s(&self.tmp.join(f)));
        }
        for e in earlier {
            let stem = dir_pkg_stem(e);
            let link = dir.join(&stem);
            if stem != dir_pkg_stem(pkg) && std::fs::symlink_metadata(&link).is_err() {
                std::os::unix::fs::symlink(Path::new("..").join(&stem), &link)?;
            }
        }
        Ok(files)
    }

    fn errorcheckdir(&self) -> Res {
        let mut flags = self.recipe.flags.clone();
        flags.push("-d=panic".into());
        let longdir = self.long_dir();
        let pkgs = self.dir_packages(&longdir)?;
        let want_error = self.recipe.want_error;
        let and_run = self.recipe.action == Action::ErrorCheckAndRunDir;
        // errorcheckdir: the last package must fail; errorcheckandrundir -1: the one before it.
        let err_pkg = pkgs.len() as isize - 1 - (want_error && and_run) as isize;
        for (i, pkg) in pkgs.iter().enumerate() {
            let out = self.compile_in_dir(&longdir, &flags, pkg, &pkgs[..i], None);
            if let Some(crash) = self.crash(&out) {
                return Err(crash);
            }
            if i as isize == err_pkg {
                if want_error && out.ok() {
                    return Err(format!("compilation succeeded unexpectedly\n{}", out.text()));
                } else if !want_error && !out.ok() {
                    return Err(out.error());
                }
            } else if !out.ok() {
                return Err(out.error());
            }
            let srcs: Vec<String> = pkg
                .files
                .iter()
                .map(|f| String::from_utf8_lossy(&std::fs::read(longdir.join(f)).unwrap_or_default()).into_owned())
                .collect();
            // The file names as the compiler printed them.
            let fulls: Vec<String> = match self.cfg.compiler {
                Compiler::Gc => pkg.files.iter().map(|f| s(&longdir.join(f))).collect(),
                Compiler::G1c(_) => pkg.files.iter().map(|f| Self::g1c_dir_file(f)).collect(),
            };
            let files: Vec<CheckFile> = pkg
                .files
                .iter()
                .zip(&fulls)
                .zip(&srcs)
                .map(|((short, full), src)| CheckFile { full, short, src })
                .collect();
            error_check(&out.text(), self.recipe.want_auto, &files)?;
        }
        if and_run {
            self.rundir()
        } else {
            Ok(())
        }
    }

    fn rundir(&self) -> Res {
        let longdir = self.long_dir();
        let pkgs = self.dir_packages(&longdir)?;
        // Flags after -ldflags go to the linker.
        let (flags, ldflags) = match self.recipe.flags.iter().position(|f| f == "-ldflags") {
            Some(i) => (&self.recipe.flags[..i], &self.recipe.flags[i + 1..]),
            None => (&self.recipe.flags[..], &[][..]),
        };
        let tolerate = self.recipe.want_error && self.recipe.action == Action::ErrorCheckAndRunDir;
        let exe = self.tmp.join("a.exe");
        for (i, pkg) in pkgs.iter().enumerate() {
            let last = i == pkgs.len() - 1;
            let g1c_exe = if last { Some(exe.as_path()) } else { None };
            let out = self.compile_in_dir(&longdir, flags, pkg, &pkgs[..i], g1c_exe);
            if let Some(crash) = self.crash(&out) {
                return Err(crash);
            }
            // errorcheckandrundir -1: the package before the last may fail (its errors were checked).
            if !out.ok() && !(tolerate && i + 2 == pkgs.len()) {
                return Err(out.error());
            }
            if last {
                if let Compiler::Gc = self.cfg.compiler {
                    let pfile = pkg.files[0].replace(".go", ".o");
                    let mut cmd = strs(&["tool", "link", "-w", "-o", "a.exe", "-L", "."]);
                    cmd.extend(ldflags.iter().cloned());
                    cmd.push(pfile);
                    self.must(self.go(cmd, Where::Tmp))?;
                }
                let out = self.run_exe(&exe, Where::Tmp)?;
                self.check_expected_output(&out.out)?;
            }
        }
        Ok(())
    }

    fn runindir(&self) -> Res {
        // A copy of the .dir in its own module inside a GOPATH, run with `go run .`.
        let src_dir = self.long_dir();
        let mod_name = src_dir.file_name().map(|n| n.to_string_lossy().into_owned()).unwrap_or_default();
        let gopath_src = self.tmp.join("src").join(&mod_name);
        overlay_dir(&gopath_src, &src_dir).map_err(|e| e.to_string())?;
        std::fs::write(gopath_src.join("go.mod"), format!("module {mod_name}\ngo 1.14\n"))
            .map_err(|e| e.to_string())?;
        let run = Run { gopath: true, tmp: self.tmp.clone(), long: self.long.clone(), ..*self };
        let out = match &self.cfg.compiler {
            Compiler::Gc => {
                let mut cmd = vec!["run".to_string(), gcflags()];
                cmd.extend(self.recipe.flags.iter().cloned());
                cmd.push(".".into());
                run.must(run.go(cmd, Where::At(&gopath_src)))?
            }
            Compiler::G1c(_) => {
                let exe = self.tmp.join("a.exe");
                run.must(run.g1c_build(false, &s(&exe), &[".".into()], Where::At(&gopath_src)))?;
                run.run_exe(&exe, Where::At(&gopath_src))?
            }
        };
        self.check_expected_output(&out.out)
    }

    fn builddir(&self) -> Res {
        let longdir = self.long_dir();
        let mut names = std::fs::read_dir(&longdir)
            .map_err(|e| format!("open {}: {e}", longdir.display()))?
            .flatten()
            .map(|e| e.file_name().to_string_lossy().into_owned())
            .collect::<Vec<_>>();
        names.sort();
        let gos: Vec<String> = names.iter().filter(|n| n.ends_with(".go")).map(|n| s(&longdir.join(n))).collect();
        let asms: Vec<String> = names.iter().filter(|n| n.ends_with(".s")).map(|n| s(&longdir.join(n))).collect();
        let exe = self.tmp.join("a.exe");
        match &self.cfg.compiler {
            Compiler::Gc => {
                if !asms.is_empty() {
                    std::fs::write(self.tmp.join("go_asm.h"), b"").map_err(|e| format!("write empty go_asm.h: {e}"))?;
                    let mut cmd = strs(&["tool", "asm", "-p=main", "-gensymabis", "-o", "symabis"]);
                    cmd.extend(asms.iter().cloned());
                    self.must(self.go(cmd, Where::Tmp))?;
                }
                let mut cmd = strs(&["tool", "compile", "-p=main", "-e", "-D", ".", "-I", ".", "-o", "go.o"]);
                if !asms.is_empty() {
                    cmd.extend(strs(&["-asmhdr", "go_asm.h", "-symabis", "symabis"]));
                }
                cmd.extend(gos);
                self.must(self.go(cmd, Where::Tmp))?;
                let mut objs = vec!["go.o".to_string()];
                if !asms.is_empty() {
                    let mut cmd = strs(&["tool", "asm", "-p=main", "-e", "-I", ".", "-o", "asm.o"]);
                    cmd.extend(asms);
                    self.must(self.go(cmd, Where::Tmp))?;
                    objs.push("asm.o".into());
                }
                let mut cmd = strs(&["tool", "pack", "c", "all.a"]);
                cmd.extend(objs);
                self.must(self.go(cmd, Where::Tmp))?;
                self.must(self.go(strs(&["tool", "link", "-o", "a.exe", "all.a"]), Where::Tmp))?;
            }
            Compiler::G1c(_) => {
                if !asms.is_empty() {
                    return Err("builddir: the package has Go assembly (.s) files, which g1c does not assemble".into());
                }
                self.must(self.g1c_build(false, &s(&exe), &gos, Where::Tmp))?;
            }
        }
        if self.recipe.action == Action::BuildRunDir {
            let out = self.must(self.cmd(vec![s(&exe)], Where::Tmp))?;
            self.check_expected_output(&out.out)?;
        }
        Ok(())
    }
}

/// `-gcflags=all=$GO_GCFLAGS`, what run.go passes to `go build` and `go run`.
fn gcflags() -> String {
    format!("-gcflags=all={}", std::env::var("GO_GCFLAGS").unwrap_or_default())
}

fn gcflags_empty() -> bool {
    std::env::var("GO_GCFLAGS").unwrap_or_default().is_empty()
}

/// `goDirFiles`: the names of the `.go` files in `dir`.
fn go_files(dir: &Path) -> std::io::Result<Vec<String>> {
    Ok(std::fs::read_dir(dir)?
        .flatten()
        .map(|e| e.file_name().to_string_lossy().into_owned())
        .filter(|n| Path::new(n).extension().is_some_and(|x| x == "go"))
        .collect())
}

/// `overlayDir`: a copy of `src` at `dst` whose directories are real and whose files are symlinks.
fn overlay_dir(dst: &Path, src: &Path) -> std::io::Result<()> {
    std::fs::create_dir_all(dst)?;
    for e in std::fs::read_dir(src)? {
        let e = e?;
        let from = e.path();
        let to = dst.join(e.file_name());
        if std::fs::metadata(&from)?.is_dir() {
            overlay_dir(&to, &from)?;
        } else {
            std::os::unix::fs::symlink(&from, &to)?;
        }
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    static CASE: AtomicUsize = AtomicUsize::new(0);

    /// Runs the one-file suite `src` (as `x.go`) under a stand-in for g1c: a script that prints `output` (with
    /// `FILE` replaced by the test's path) to stderr and exits with `code`.
    fn run_fake(src: &str, output: &str, code: i32) -> TestResult {
        use std::os::unix::fs::PermissionsExt;
        let n = CASE.fetch_add(1, Ordering::Relaxed);
        let root = std::env::temp_dir().join(format!("g1c-harness-runner-{}-{n}", std::process::id()));
        let suite = root.join("suite");
        std::fs::create_dir_all(&suite).unwrap();
        std::fs::write(suite.join("x.go"), src).unwrap();
        let output = output.replace("FILE", &suite.join("x.go").display().to_string());
        let script = root.join("g1c");
        std::fs::write(&script, format!("#!/bin/sh\ncat >&2 <<'EOF'\n{output}\nEOF\nexit {code}\n")).unwrap();
        std::fs::set_permissions(&script, std::fs::Permissions::from_mode(0o755)).unwrap();
        let cfg = Config {
            test_dir: suite,
            compiler: Compiler::G1c(script),
            go_tool: PathBuf::from("/usr/lib/go-1.19/bin/go"),
            timeout: Duration::from_secs(20),
            ctx: BuildContext::linux_amd64(),
            keep: false,
            tmp_root: root.join("tmp"),
            gcflags: None,
        };
        let r = run_test(&cfg, &TestFile::new(".", "x.go"));
        let _ = std::fs::remove_dir_all(&root);
        r
    }

    const ERRORCHECK: &str = "// errorcheck\n\npackage p\n\nvar x = y // ERROR \"undefined|internal compiler error\"\n";

    #[test]
    fn matching_errors_pass() {
        let r = run_fake(ERRORCHECK, "FILE:5:9: undefined: y", 1);
        assert_eq!((r.outcome, r.reason.as_str()), (Outcome::Pass, ""));
    }

    #[test]
    fn internal_compiler_error_fails_whatever_matches() {
        let r = run_fake(ERRORCHECK, "FILE:5:9: internal compiler error: index out of bounds", 1);
        assert_eq!(r.outcome, Outcome::Fail);
        assert!(r.reason.starts_with(ICE), "{}", r.reason);
        // A compile that "succeeds" with one fails too.
        let r = run_fake("// compile\n\npackage p\n", "FILE:3:1: internal compiler error: oops", 0);
        assert_eq!(r.outcome, Outcome::Fail);
        assert!(r.reason.starts_with(ICE), "{}", r.reason);
    }

    #[test]
    fn unsupported_flags_skip_and_say_which() {
        let src = ERRORCHECK.replace("// errorcheck", "// errorcheck -0 -l -live");
        let r = run_fake(&src, "FILE:5:9: undefined: y", 1);
        assert_eq!((r.outcome, r.reason.as_str()), (Outcome::Skip, "unsupported gc flag -live"));
        let r = run_fake("// run -gcflags=-d=checkptr\n\npackage main\n\nfunc main() {}\n", "", 0);
        assert_eq!(
            (r.outcome, r.reason.as_str()),
            (Outcome::Skip, "unsupported gc flag -gcflags=-d=checkptr (-d=checkptr)")
        );
        let r = run_fake("// run -race\n\npackage main\n\nfunc main() {}\n", "", 0);
        assert_eq!((r.outcome, r.reason.as_str()), (Outcome::Skip, "unsupported gc flag -race"));
        // Honoured flags run the test.
        let src = ERRORCHECK.replace("// errorcheck", "// errorcheck -l -d=panic");
        assert_eq!(run_fake(&src, "FILE:5:9: undefined: y", 1).outcome, Outcome::Pass);
    }
}
