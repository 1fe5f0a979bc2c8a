//! The `g1c` command line, shaped like the `go` command (DESIGN §10).
//!
//! In: arguments. Out: an exit status — 0 on success, 1 for build errors (like `go build`), 2 for usage
//! errors; `g1c run` passes on the program's own status.

use clap::{Parser, Subcommand, ValueEnum};

use crate::driver;

mod goface;
mod testflag;

#[derive(Parser)]
#[command(name = "g1c", about = "g1c: a Go compiler written in Rust", disable_version_flag = true)]
struct Cli {
    #[command(subcommand)]
    cmd: Cmd,
}

/// Flags shared by the commands that load packages, as the go command's build flags.
#[derive(clap::Args)]
struct BuildFlags {
    /// Module download mode: `readonly`, `mod` or `vendor` (the go command's `-mod`; g1c never downloads, so
    /// `mod` and `readonly` read the same sources). Default: GOFLAGS, else `vendor` when the main module has
    /// a vendor directory and says `go 1.14` or later.
    #[arg(long = "mod", value_name = "MODE")]
    module_mode: Option<String>,
    /// gc's `-D`: relative imports (`./x`) name directories below DIR, whichever package imports them.
    #[arg(short = 'D', value_name = "DIR")]
    local_import_dir: Option<String>,
    /// gc's `-lang=go1.N`: the Go language version the named packages may use (default: their module's
    /// `go` line; none for the standard library and files outside a module).
    #[arg(long = "lang", value_name = "VERSION")]
    lang: Option<String>,
    /// Build tags, separated by commas or spaces, that build constraints see as set (the go command's
    /// `-tags`).
    #[arg(long = "tags", value_name = "LIST")]
    tags: Option<String>,
    /// Compiler flags, as the go command's `-gcflags` (optionally `PATTERN=FLAGS`; the flags apply to every
    /// package): `-N` turns the optimizer off, `-m` reports the escape analysis's facts about the named
    /// package (`moved to heap: x`, `... does not escape`), `-l` (no inlining) is accepted.
    #[arg(long = "gcflags", value_name = "FLAGS", allow_hyphen_values = true)]
    gcflags: Option<String>,
    /// The number of threads that compile functions in parallel (the go command's `-p`; default: the
    /// number of CPUs). The output is the same whatever N is.
    #[arg(short = 'p', value_name = "N", value_parser = clap::value_parser!(u32).range(1..))]
    jobs: Option<u32>,
}

impl BuildFlags {
    /// The build settings these flags ask for (`None` after reporting an invalid flag). `-p` is not one: it
    /// changes how many threads compile, never what is built, and goes to `par` directly.
    fn settings(&self) -> Option<driver::BuildSettings> {
        if let Some(n) = self.jobs {
            crate::par::set_jobs(n as usize);
        }
        let mut s = driver::BuildSettings::default();
        if let Some(l) = &self.lang {
            match driver::check::parse_lang_flag(l) {
                Ok(v) => s.load.lang = Some(v),
                Err(e) => {
                    eprintln!("g1c: {e}");
                    return None;
                }
            }
        }
        s.load.module_mode = self.module_mode.clone();
        s.load.local_import_dir = self.local_import_dir.as_ref().map(std::path::PathBuf::from);
        if let Some(t) = &self.tags {
            s.load.tags = crate::load::Flags::parse_tags(t);
        }
        if let Some(g) = &self.gcflags {
            match parse_gcflags(g) {
                Ok(g) => {
                    s.optimize = g.optimize;
                    s.report_escapes = g.report_escapes;
                }
                Err(e) => {
                    eprintln!("g1c: {e}");
                    return None;
                }
            }
        }
        Some(s)
    }
}

/// What `-gcflags` asks of g1c.
pub(crate) struct GcFlags {
    /// The optimizer stays on (no `-N`).
    pub optimize: bool,
    /// `-m`: print the escape analysis's facts.
    pub report_escapes: bool,
}

/// Reads a `-gcflags` value: gc's flags, separated by spaces, optionally after `PATTERN=` (g1c applies them
/// to every package it compiles, as `all=` does). A gc flag g1c does not honour is an error, so that a build
/// never looks as if it did what was asked.
pub(crate) fn parse_gcflags(value: &str) -> Result<GcFlags, String> {
    // A pattern never starts with `-`; the flags do (`-d=x` has an `=` of its own).
    let flags = match value.split_once('=') {
        Some((pattern, flags)) if !pattern.starts_with('-') => flags,
        _ => value,
    };
    let mut g = GcFlags { optimize: true, report_escapes: false };
    for f in flags.split_whitespace() {
        match f {
            "-N" => g.optimize = false,
            "-m" | "-m=1" => g.report_escapes = true,
            // No inlining across what gc would inline: accepted, as it changes no behaviour.
            "-l" => {}
            _ => return Err(format!("-gcflags: compiler flag {f} is not supported by g1c (it honours -N, -m and -l)")),
        }
    }
    Ok(g)
}

#[derive(Subcommand)]
enum Cmd {
    /// Compile a package (files of package main, or a directory) into an executable.
    Build {
        /// Output file (default: the first file's base name without `.go`, or the directory's name).
        #[arg(short = 'o')]
        output: Option<String>,
        /// Report all errors, not just the first 10 (gc's -e).
        #[arg(short = 'e')]
        all_errors: bool,
        #[command(flatten)]
        flags: BuildFlags,
        /// Go files or one package (default: the package in the current directory).
        #[arg(default_value = ".")]
        inputs: Vec<String>,
    },
    /// Compile and run a program (`.go` files or one package); the arguments after them go to the program.
    Run {
        #[command(flatten)]
        flags: BuildFlags,
        #[arg(required = true, trailing_var_arg = true, allow_hyphen_values = true)]
        args: Vec<String>,
    },
    /// Type-check packages (`fmt`, `net/...`, `std`, `cmd`, directories) or `.go` files.
    Check {
        /// Report all errors, not just the first 10 per package (gc's -e).
        #[arg(short = 'e')]
        all_errors: bool,
        /// Print a line per package and a summary.
        #[arg(short = 'v')]
        verbose: bool,
        #[command(flatten)]
        flags: BuildFlags,
        /// Package patterns or `.go` files (default: the package in the current directory).
        #[arg(default_value = ".")]
        patterns: Vec<String>,
    },
    /// List the import paths of the packages that patterns name (`std`, `encoding/...`, `./...`), as `go list`.
    List {
        #[command(flatten)]
        flags: BuildFlags,
        /// Package patterns (default: the package in the current directory).
        #[arg(default_value = ".")]
        patterns: Vec<String>,
    },
    /// Build and run the tests of packages, as `go test` (default: the package in the current directory):
    /// go test's flags (`-v`, `-run`, `-bench`, `-json`, `-cover`, `-cpuprofile`, ...; see `go help
    /// testflag`) before or after the packages, unknown flags and the arguments after `-args` passed to
    /// the test programs.
    Test {
        #[arg(trailing_var_arg = true, allow_hyphen_values = true)]
        args: Vec<String>,
    },
    /// Print the version; with -v, also the rustc that built g1c and the SHA-256 of the runtime archive
    /// embedded in it, so that two verifiers can tell whether they hold the same g1c.
    Version {
        #[arg(short = 'v')]
        verbose: bool,
    },
    /// Print one phase's view of a file; `ir -after PASS` prints the IR after that optimizer pass (the
    /// passes are listed in src/opt/mod.rs), `asm` the code of the optimized IR; `html FUNC FILE` writes
    /// FUNC.html (or -o), the function after every pass side by side. `ir`, `asm` and `html` also read IR
    /// text (`FILE.ir`).
    Dump {
        phase: Phase,
        #[arg(long = "after", value_name = "PASS")]
        after: Option<String>,
        /// With `html`: the page's file name (default FUNC.html).
        #[arg(short = 'o', value_name = "FILE")]
        output: Option<String>,
        /// The file; for `html`, the function's name (`f`, `(*T).M`, or its symbol), then the file.
        #[arg(required = true, num_args = 1..=2, value_name = "FILE")]
        args: Vec<String>,
    },
    /// Run optimizer passes on IR text (as `g1c dump ir` prints it) and print the result: the named passes
    /// in order (-pass a,b or -pass a -pass b), or the whole pipeline when none is named. The verifier runs
    /// before and after each pass.
    Opt {
        #[arg(long = "pass", value_name = "NAME")]
        passes: Vec<String>,
        file: String,
    },
}

#[derive(Clone, Copy, ValueEnum)]
enum Phase {
    Tokens,
    Ast,
    Types,
    Ir,
    Asm,
    Html,
}

/// The go command spells its long flags with one dash (`-mod=vendor`); clap wants two. Rewrites them in
/// the flags that follow the subcommand (up to the first argument that is not a flag, so that a program's
/// own arguments after `g1c run x.go` are never touched).
fn go_style_flags(mut args: Vec<String>) -> Vec<String> {
    if args.get(1).is_some_and(|a| a == "dump" || a == "opt") {
        // `g1c dump ir -after PASS FILE.go`: the flag follows the phase.
        for a in args.iter_mut().skip(2) {
            if ["after", "pass"]
                .iter()
                .any(|f| a.strip_prefix('-').is_some_and(|r| r == *f || r.starts_with(&format!("{f}="))))
            {
                a.insert(0, '-');
            }
        }
        return args;
    }
    let mut i = 2;
    while i < args.len() && args[i].starts_with('-') {
        let long = ["mod", "lang", "tags", "gcflags"];
        let name = args[i].trim_start_matches('-').split('=').next().unwrap_or("").to_string();
        if !args[i].starts_with("--") && long.contains(&name.as_str()) {
            args[i].insert(0, '-');
        }
        // A flag that takes a separate value skips it.
        let takes_value = ["mod", "lang", "tags", "gcflags"];
        if args[i] == "-o" || args[i] == "-D" || (!args[i].contains('=') && takes_value.contains(&name.as_str())) {
            i += 1;
        }
        i += 1;
    }
    args
}

pub fn main() -> i32 {
    let args: Vec<String> = std::env::args().collect();
    // Invoked through a link named `go`: the go command's face (DESIGN §10).
    if args.first().is_some_and(|a| std::path::Path::new(a).file_name().is_some_and(|n| n == "go")) {
        return goface::main(&args[1..]);
    }
    // go test's command line is not clap's: flags and packages mix, unknown flags go to the test program.
    if args.get(1).is_some_and(|a| a == "test") {
        return testflag::main(&args[2..]);
    }
    let cli = match Cli::try_parse_from(go_style_flags(args)) {
        Ok(c) => c,
        Err(e) => {
            let code = if e.use_stderr() { 2 } else { 0 };
            let _ = e.print();
            return code;
        }
    };
    match cli.cmd {
        Cmd::List { flags, patterns } => {
            let Some(settings) = flags.settings() else { return 2 };
            driver::list(&settings, &patterns)
        }
        Cmd::Test { args } => testflag::main(&args),
        Cmd::Version { verbose } => {
            println!("g1c version {} (go1.19 language) {}/{}", env!("CARGO_PKG_VERSION"), "linux", "amd64");
            if verbose {
                print_build_identity();
            }
            0
        }
        Cmd::Build { output, all_errors, flags, inputs } => {
            let Some(settings) = flags.settings() else { return 2 };
            driver::build(&settings, &inputs, output.as_deref(), all_errors)
        }
        Cmd::Check { all_errors, verbose, flags, patterns } => {
            let Some(settings) = flags.settings() else { return 2 };
            driver::check_packages(&settings, &patterns, all_errors, verbose)
        }
        Cmd::Run { flags, args } => {
            let Some(settings) = flags.settings() else { return 2 };
            // Like go run: `.go` files, or one package (`.`, `./cmd/x`, an import path); the rest goes to
            // the program.
            let split = match args.iter().position(|a| !a.ends_with(".go")) {
                Some(0) if args[0].starts_with('-') => {
                    eprintln!("g1c run: no go files listed");
                    return 1;
                }
                Some(0) => 1,
                Some(i) => i,
                None => args.len(),
            };
            driver::run(&settings, &args[..split], &args[split..])
        }
        Cmd::Dump { phase, after, output, mut args } => {
            let want = if matches!(phase, Phase::Html) { 2 } else { 1 };
            if args.len() != want {
                eprintln!("usage: g1c dump tokens|ast|types|ir|asm FILE, g1c dump html [-o OUT] FUNC FILE");
                return 2;
            }
            let file = args.pop().unwrap_or_default();
            let phase = match phase {
                Phase::Tokens => driver::DumpPhase::Tokens,
                Phase::Ast => driver::DumpPhase::Ast,
                Phase::Types => driver::DumpPhase::Types,
                Phase::Ir => driver::DumpPhase::Ir(after),
                Phase::Asm => driver::DumpPhase::Asm,
                Phase::Html => driver::DumpPhase::Html { func: args.pop().unwrap_or_default(), output },
            };
            driver::dump(phase, &file)
        }
        Cmd::Opt { passes, file } => driver::opt_file(&file, &passes),
    }
}

/// `g1c version -v`: the runtime archive embedded in this g1c (its SHA-256, as `sha256sum` would print it
/// for the archive) and the `rustc -vV` of the compiler that built both.
fn print_build_identity() {
    use crate::rtbuild;
    match rtbuild::embedded_archive() {
        Some((archive, rustc)) => {
            println!(
                "runtime {}: librt.a, {} bytes, sha256 {}",
                rtbuild::rustc::HOST_TARGET,
                archive.len(),
                rtbuild::sha256::hex(archive)
            );
            println!("built by:");
            for line in rustc.lines() {
                println!("\t{line}");
            }
        }
        None => println!("runtime: none embedded (built on demand with rustc, cached with its SHA-256)"),
    }
}
