//! g1c invoked as `go` (a link named `go`, e.g. in a GOROOT_BOOTSTRAP's `bin/`, DESIGN §10): the part of
//! the go command that Go 1.19's `make.bash` and `cmd/dist` ask of the bootstrap toolchain.
//!
//! In: the go command's arguments. Out: what the go command does for them, through g1c's own pipeline:
//! - `go version`: `go version go1.19 linux/amd64 (g1c VERSION)`;
//! - `go env [VAR ...]`: the variables g1c reads (GOROOT, GOPATH, GOOS, GOARCH, ...), all of them in
//!   `NAME="value"` lines, or the values of those named, one per line;
//! - `go build [-o FILE] PACKAGE|FILES`: as `g1c build`;
//! - `go install PATTERNS`: each package compiled, commands written to `$GOBIN` or `$GOPATH/bin`;
//! - `go test ...`: as `g1c test` (`cli/testflag.rs`).
//!
//! Build flags: `-tags` and `-mod` act as in the go command. Flags that only tune gc or the go command and
//! change nothing in what g1c produces are accepted and ignored: `-gcflags=-l` (g1c does not inline),
//! `-gcflags=-N` turns the optimizer off as in `g1c build`,
//! `-a` (g1c always compiles every package from source), `-trimpath` (g1c records no build path but the
//! GOROOT for `runtime.GOROOT()`, which -trimpath leaves out as gc's does),
//! `-p N` (threads; the output is the same for any N), `-v` (install prints each package), `-buildvcs=false`. Anything else — another gc flag,
//! `-ldflags`, `-race`, `-toolexec` — is refused with a clear error and exit status 2, never silently
//! ignored: a build that does not do what was asked must not look like it did.

use std::path::PathBuf;

use crate::driver;
use crate::load;

/// Runs the go face; returns the exit status.
pub fn main(args: &[String]) -> i32 {
    let Some(cmd) = args.first() else {
        eprintln!("Go is a tool for managing Go source code (here: g1c, a Go compiler written in Rust).\n\nUsage:\n\n\tgo <command> [arguments]\n\nThe commands g1c answers as go: build, env, install, test, version.");
        return 2;
    };
    let rest = &args[1..];
    match cmd.as_str() {
        "version" => {
            println!("go version go1.19 linux/amd64 (g1c {})", env!("CARGO_PKG_VERSION"));
            0
        }
        "env" => env(rest),
        // Tests that start the go tool (internal/testenv) may ask it to test a package.
        "test" => super::testflag::main(rest),
        "build" | "install" => {
            let flags = match parse_build_flags(cmd, rest) {
                Ok(f) => f,
                Err(e) => {
                    eprintln!("go {cmd}: {e}");
                    return 2;
                }
            };
            if let Some(n) = flags.jobs {
                crate::par::set_jobs(n);
            }
            let mut settings = driver::BuildSettings { trimpath: flags.trimpath, ..driver::BuildSettings::default() };
            if let Some(t) = &flags.tags {
                settings.load.tags = load::Flags::parse_tags(t);
            }
            settings.load.module_mode = flags.module_mode.clone();
            if let Some(optimize) = flags.optimize {
                settings.optimize = optimize;
            }
            let patterns = if flags.patterns.is_empty() { vec![".".to_string()] } else { flags.patterns.clone() };
            if cmd == "build" {
                driver::build(&settings, &patterns, flags.output.as_deref(), false)
            } else {
                if flags.output.is_some() {
                    eprintln!("go install: flag provided but not defined: -o");
                    return 2;
                }
                driver::install(&settings, &patterns, &bin_dir(), flags.verbose)
            }
        }
        other => {
            eprintln!("go {other}: unknown command for g1c's go face (it answers build, env, install, test, version)");
            2
        }
    }
}

/// The flags of `go build` / `go install` that g1c acts on, and the packages.
#[derive(Default)]
struct BuildFlags {
    output: Option<String>,
    tags: Option<String>,
    module_mode: Option<String>,
    verbose: bool,
    /// `-trimpath`: record no GOROOT in the executables.
    trimpath: bool,
    /// `-gcflags=-N` (false) or `-gcflags=-l` (true); none: the default.
    optimize: Option<bool>,
    /// `-p N`: threads compiling in parallel.
    jobs: Option<usize>,
    patterns: Vec<String>,
}

/// Parses go-style flags (`-name`, `--name`, `-name=value`, `-name value`) up to the first package.
fn parse_build_flags(cmd: &str, args: &[String]) -> Result<BuildFlags, String> {
    let mut f = BuildFlags::default();
    let mut i = 0;
    while i < args.len() && args[i].starts_with('-') && args[i] != "-" {
        let arg = args[i].trim_start_matches('-');
        if arg.is_empty() {
            i += 1;
            break; // `--` ends the flags
        }
        let (name, inline) = match arg.split_once('=') {
            Some((n, v)) => (n, Some(v.to_string())),
            None => (arg, None),
        };
        let takes_value = matches!(name, "o" | "tags" | "mod" | "gcflags" | "p" | "ldflags" | "asmflags" | "toolexec");
        let value = if takes_value && inline.is_none() {
            i += 1;
            Some(args.get(i).cloned().ok_or_else(|| format!("flag needs an argument: -{name}"))?)
        } else {
            inline
        };
        match name {
            "o" if cmd == "build" => f.output = value,
            "tags" => f.tags = value,
            "mod" => f.module_mode = value,
            "v" => f.verbose = true,
            "p" => match value.as_deref().and_then(|v| v.parse::<usize>().ok()).filter(|&n| n > 0) {
                Some(n) => f.jobs = Some(n),
                None => return Err(format!("-p must be a positive number: {}", value.unwrap_or_default())),
            },
            "trimpath" => f.trimpath = true,
            "a" => {}
            "buildvcs" if value.as_deref().is_none_or(|v| v == "false") => {}
            // gc's -l (no inlining) is g1c's behaviour already, -N turns g1c's optimizer off; any other
            // compiler flag (here -m too: the go face builds for make.bash, which never asks for reports)
            // would change what gc builds in ways g1c does not reproduce.
            "gcflags" if value.as_deref().is_some_and(|v| super::parse_gcflags(v).is_ok_and(|g| !g.report_escapes)) => {
                f.optimize = value.as_deref().and_then(|v| super::parse_gcflags(v).ok()).map(|g| g.optimize);
            }
            _ => {
                let shown = match &value {
                    Some(v) => format!("-{name}={v}"),
                    None => format!("-{name}"),
                };
                return Err(format!("flag {shown} is not supported by g1c's go face"));
            }
        }
        i += 1;
    }
    f.patterns = args[i..].to_vec();
    Ok(f)
}

/// Where `go install` writes commands: `$GOBIN`, else the first GOPATH entry's `bin`.
fn bin_dir() -> PathBuf {
    if let Some(b) = std::env::var_os("GOBIN").filter(|v| !v.is_empty()) {
        return PathBuf::from(b);
    }
    let cfg = load::Config::from_env(&load::Flags::default());
    match cfg.gopath.first() {
        Some(p) => p.join("bin"),
        None => PathBuf::from("bin"),
    }
}

/// `go env`: the variables that g1c reads or reports, with their effective values.
fn env(names: &[String]) -> i32 {
    let cfg = load::Config::from_env(&load::Flags::default());
    let var = |k: &str| std::env::var(k).unwrap_or_default();
    let gopath: Vec<String> = cfg.gopath.iter().map(|p| p.to_string_lossy().into_owned()).collect();
    let vars: Vec<(&str, String)> = vec![
        ("GO111MODULE", var("GO111MODULE")),
        ("GOARCH", cfg.ctx.goarch.clone()),
        ("GOBIN", var("GOBIN")),
        ("GOEXPERIMENT", var("GOEXPERIMENT")),
        ("GOFLAGS", var("GOFLAGS")),
        ("GOHOSTARCH", "amd64".into()),
        ("GOHOSTOS", "linux".into()),
        ("GOOS", cfg.ctx.goos.clone()),
        ("GOPATH", gopath.join(":")),
        ("GOROOT", cfg.goroot.to_string_lossy().into_owned()),
        ("GOVERSION", "go1.19".into()),
        ("CGO_ENABLED", "0".into()),
    ];
    if names.is_empty() {
        for (k, v) in &vars {
            println!("{k}=\"{v}\"");
        }
        return 0;
    }
    for n in names {
        match vars.iter().find(|(k, _)| k == n) {
            Some((_, v)) => println!("{v}"),
            None => println!(),
        }
    }
    0
}
