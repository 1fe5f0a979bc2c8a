//! The `g1c` command line, shaped like the `go` command (DESIGN §10).
//!
//! In: arguments. Out: an exit status — 0 on success, 1 for build errors (like `go build`), 2 for usage
//! errors; `g1c run` passes on the program's own status.

use clap::{Parser, Subcommand, ValueEnum};

use crate::driver;

#[derive(Parser)]
#[command(name = "g1c", about = "g1c: a Go compiler written in Rust", disable_version_flag = true)]
struct Cli {
    #[command(subcommand)]
    cmd: Cmd,
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
        /// Go files or one directory.
        #[arg(required = true)]
        inputs: Vec<String>,
    },
    /// Compile and run a program; arguments after the `.go` files go to the program.
    Run {
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
        #[arg(required = true)]
        patterns: Vec<String>,
    },
    /// Print the version.
    Version,
    /// Print one phase's view of a file.
    Dump {
        phase: Phase,
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
}

pub fn main() -> i32 {
    let cli = match Cli::try_parse() {
        Ok(c) => c,
        Err(e) => {
            let code = if e.use_stderr() { 2 } else { 0 };
            let _ = e.print();
            return code;
        }
    };
    match cli.cmd {
        Cmd::Version => {
            println!("g1c version {} (go1.19 language) {}/{}", env!("CARGO_PKG_VERSION"), "linux", "amd64");
            0
        }
        Cmd::Build { output, all_errors, inputs } => driver::build(&inputs, output.as_deref(), all_errors),
        Cmd::Check { all_errors, verbose, patterns } => driver::check_packages(&patterns, all_errors, verbose),
        Cmd::Run { args } => {
            let split = args.iter().position(|a| !a.ends_with(".go")).unwrap_or(args.len());
            if split == 0 {
                eprintln!("g1c run: no go files listed");
                return 1;
            }
            driver::run(&args[..split], &args[split..])
        }
        Cmd::Dump { phase, file } => {
            let phase = match phase {
                Phase::Tokens => driver::DumpPhase::Tokens,
                Phase::Ast => driver::DumpPhase::Ast,
                Phase::Types => driver::DumpPhase::Types,
                Phase::Ir => driver::DumpPhase::Ir,
                Phase::Asm => driver::DumpPhase::Asm,
            };
            driver::dump(phase, &file)
        }
    }
}
