//! The command line of `g1c test` (and of `go test` through the go face), read as the go command reads
//! it rather than by clap: flags and packages may come in any order, flags g1c does not know go to the
//! test program, and every flag of package testing is passed on as `-test.NAME=VALUE`.
//!
//! In: the arguments after `test`. Out: the build settings and `driver::TestOptions`, whose `args` are
//! the test program's flags in go test's order (`-test.v=true` for `-json`, the default
//! `-test.timeout=10m0s`, `-test.outputdir` when a profile is asked for, then the flags as given, then
//! the arguments after `-args`), or an exit status after an error printed as the go command prints it.
//!
//! The rules are go 1.19's (`go help testflag`): a non-flag starts the package list; a flag after it
//! ends the list, and after a flag go test does not know, a non-flag is that flag's value or a test
//! argument, never a package; `--` and everything after it go to the test program. Build flags that
//! change what gc would build and g1c does not reproduce (`-ldflags`, `-buildmode`, ...) are refused;
//! `-race`, `-msan` and `-asan` fail as gc's go command fails without cgo.

use super::BuildFlags;
use crate::driver::{self, TestOptions};

/// How a flag takes its value.
#[derive(Clone, Copy, PartialEq, Eq)]
enum Kind {
    Bool,
    Value,
}

/// package testing's flags that go test passes to the test program (`passFlagToTest`).
const TEST_FLAGS: &[(&str, Kind)] = &[
    ("bench", Kind::Value),
    ("benchmem", Kind::Bool),
    ("benchtime", Kind::Value),
    ("blockprofile", Kind::Value),
    ("blockprofilerate", Kind::Value),
    ("count", Kind::Value),
    ("coverprofile", Kind::Value),
    ("cpu", Kind::Value),
    ("cpuprofile", Kind::Value),
    ("failfast", Kind::Bool),
    ("fuzz", Kind::Value),
    ("fuzzminimizetime", Kind::Value),
    ("fuzztime", Kind::Value),
    ("list", Kind::Value),
    ("memprofile", Kind::Value),
    ("memprofilerate", Kind::Value),
    ("mutexprofile", Kind::Value),
    ("mutexprofilefraction", Kind::Value),
    ("outputdir", Kind::Value),
    ("parallel", Kind::Value),
    ("run", Kind::Value),
    ("short", Kind::Bool),
    ("shuffle", Kind::Value),
    ("timeout", Kind::Value),
    ("trace", Kind::Value),
    ("v", Kind::Bool),
];

/// The go command's own flags of `go test`, and g1c's build flags (`-lang`, `-D`).
const GO_FLAGS: &[(&str, Kind)] = &[
    ("c", Kind::Bool),
    ("o", Kind::Value),
    ("json", Kind::Bool),
    ("exec", Kind::Value),
    ("vet", Kind::Value),
    ("cover", Kind::Bool),
    ("covermode", Kind::Value),
    ("coverpkg", Kind::Value),
    ("race", Kind::Bool),
    ("msan", Kind::Bool),
    ("asan", Kind::Bool),
    ("a", Kind::Bool),
    ("trimpath", Kind::Bool),
    ("modcacherw", Kind::Bool),
    ("buildvcs", Kind::Bool),
    ("p", Kind::Value),
    ("mod", Kind::Value),
    ("tags", Kind::Value),
    ("gcflags", Kind::Value),
    ("lang", Kind::Value),
    ("D", Kind::Value),
    // Known to the go command, refused by g1c (they change what gc builds, or show gc's commands).
    ("i", Kind::Bool),
    ("n", Kind::Bool),
    ("x", Kind::Bool),
    ("work", Kind::Bool),
    ("linkshared", Kind::Bool),
    ("asmflags", Kind::Value),
    ("buildmode", Kind::Value),
    ("compiler", Kind::Value),
    ("gccgoflags", Kind::Value),
    ("installsuffix", Kind::Value),
    ("ldflags", Kind::Value),
    ("modfile", Kind::Value),
    ("overlay", Kind::Value),
    ("pkgdir", Kind::Value),
    ("toolexec", Kind::Value),
];

/// Why g1c refuses a flag the go command knows.
fn refusal(name: &str) -> Option<&'static str> {
    Some(match name {
        "i" => "it installs gc's package archives, which g1c does not write",
        "n" | "x" => "g1c runs no external build commands to print",
        "work" => "g1c keeps no work directory",
        "fuzz" => "g1c does not instrument programs for fuzzing (fuzz seed corpora run as tests without it)",
        "linkshared" | "buildmode" | "installsuffix" | "pkgdir" => "g1c builds only static executables",
        "asmflags" | "compiler" | "gccgoflags" | "ldflags" | "toolexec" | "modfile" | "overlay" => {
            "g1c does not reproduce its effect"
        }
        _ => return None,
    })
}

/// go test's usage lines, printed after a flag error.
const USAGE: &str = "usage: go test [build/test flags] [packages] [build/test flags & test binary flags]\nRun 'go help test' and 'go help testflag' for details.";

/// A command-line error: the message (printed on stderr) and the exit status.
pub struct Fail(pub String, pub i32);

fn usage_error(msg: String) -> Fail {
    Fail(format!("{msg}\n{USAGE}"), 2)
}

/// strconv.ParseBool's spellings.
fn parse_bool(v: &str) -> Option<bool> {
    match v {
        "1" | "t" | "T" | "TRUE" | "true" | "True" => Some(true),
        "0" | "f" | "F" | "FALSE" | "false" | "False" => Some(false),
        _ => None,
    }
}

/// Runs `g1c test ARGS`; returns the exit status.
pub fn main(args: &[String]) -> i32 {
    match parse(args) {
        Ok((settings, opts)) => driver::test(&settings, opts),
        Err(Fail(msg, code)) => {
            if !msg.is_empty() {
                eprintln!("{msg}");
            }
            code
        }
    }
}

/// Reads the arguments of `go test`.
pub fn parse(args: &[String]) -> Result<(driver::BuildSettings, TestOptions), Fail> {
    let mut opts = TestOptions::default();
    let mut build =
        BuildFlags { module_mode: None, local_import_dir: None, lang: None, tags: None, gcflags: None, jobs: None };
    let mut trimpath = false;
    let mut packages: Option<Vec<String>> = None;
    let mut in_list = false;
    let mut after_flag_without_value = false;
    let mut explicit: Vec<String> = Vec::new();
    let mut timeout_set = false;
    let mut outputdir_set = false;
    let mut profile: Option<&'static str> = None;
    let mut cover_mode: Option<String> = None;
    let mut i = 0;
    while i < args.len() {
        let arg = &args[i];
        let was_after = after_flag_without_value;
        after_flag_without_value = false;
        if arg == "--" {
            explicit.extend(args[i..].iter().cloned());
            break;
        }
        let flag_text = arg.strip_prefix("--").or_else(|| arg.strip_prefix('-')).filter(|s| !s.is_empty());
        let Some(text) = flag_text.filter(|_| arg != "-") else {
            // A package, unless the list is over.
            if !in_list && packages.is_some() {
                if was_after {
                    explicit.push(arg.clone());
                    i += 1;
                    continue;
                }
                explicit.extend(args[i..].iter().cloned());
                break;
            }
            in_list = true;
            packages.get_or_insert_with(Vec::new).push(arg.clone());
            i += 1;
            continue;
        };
        in_list = false;
        let (name, inline) = match text.split_once('=') {
            Some((n, v)) => (n, Some(v.to_string())),
            None => (text, None),
        };
        if name == "h" || name == "help" || name == "?" {
            return Err(Fail(USAGE.to_string(), 2));
        }
        let short = name.strip_prefix("test.").filter(|s| TEST_FLAGS.iter().any(|(f, _)| f == s));
        let known = short
            .and_then(|s| TEST_FLAGS.iter().find(|(f, _)| *f == s))
            .or_else(|| TEST_FLAGS.iter().find(|(f, _)| *f == name))
            .map(|&(f, k)| (f, k, true))
            .or_else(|| GO_FLAGS.iter().find(|(f, _)| *f == name).map(|&(f, k)| (f, k, false)));
        let Some((name, kind, to_test)) = known else {
            // A flag go test does not know: the package list is over, and the flag goes to the program.
            packages.get_or_insert_with(Vec::new);
            if name == "args" {
                explicit.extend(args[i + 1..].iter().cloned());
                break;
            }
            explicit.push(arg.clone());
            after_flag_without_value = inline.is_none();
            i += 1;
            continue;
        };
        let value = match (kind, inline) {
            (Kind::Bool, None) => "true".to_string(),
            (Kind::Bool, Some(v)) => match parse_bool(&v) {
                Some(b) => b.to_string(),
                None => {
                    return Err(usage_error(format!("invalid boolean value {v:?} for -{name}: parse error")));
                }
            },
            (Kind::Value, Some(v)) => v,
            (Kind::Value, None) => {
                i += 1;
                match args.get(i) {
                    Some(v) => v.clone(),
                    None => return Err(usage_error(format!("flag needs an argument: -{name}"))),
                }
            }
        };
        i += 1;
        if let Some(why) = refusal(name) {
            return Err(Fail(format!("g1c test: flag -{name} is not supported: {why}"), 2));
        }
        let on = value == "true";
        if matches!(name, "count" | "parallel") && value.parse::<i64>().is_err() {
            return Err(usage_error(format!("invalid value {value:?} for flag -{name}: parse error")));
        }
        if to_test {
            let mut value = value;
            match name {
                "timeout" => timeout_set = true,
                "outputdir" => {
                    outputdir_set = true;
                    if !value.is_empty() {
                        value = absolute(&value);
                    }
                }
                "v" => opts.verbose = on,
                "bench" => opts.bench = !value.is_empty(),
                "list" => opts.list = !value.is_empty(),
                "coverprofile" => opts.coverprofile = Some(value.clone()).filter(|v| !v.is_empty()),
                "blockprofile" | "cpuprofile" | "memprofile" | "mutexprofile" | "trace" if !value.is_empty() => {
                    // go test's testProfile: the first set in this order names the flag in its errors.
                    let order = ["blockprofile", "cpuprofile", "memprofile", "mutexprofile", "trace"];
                    let rank = |f: &str| order.iter().position(|o| *o == f);
                    if profile.is_none_or(|p| rank(name) < rank(p)) {
                        profile = order.iter().copied().find(|o| *o == name);
                    }
                    if name != "trace" {
                        opts.keep_binary = true;
                    }
                }
                _ => {}
            }
            explicit.push(format!("-test.{name}={value}"));
            continue;
        }
        match name {
            "c" => opts.compile_only = on,
            "o" => {
                opts.keep_binary = true;
                opts.output = Some(value);
            }
            "json" => opts.json = on,
            "exec" => opts.exec = split_command(&value),
            "vet" => check_vet(&value)?,
            "cover" => opts.cover = on,
            "covermode" => match value.as_str() {
                "" | "set" | "count" | "atomic" => {
                    opts.cover = true;
                    cover_mode = Some(value).filter(|v| !v.is_empty());
                }
                _ => {
                    return Err(usage_error(format!(
                        "invalid value {value:?} for flag -covermode: valid modes are \"set\", \"count\", or \"atomic\""
                    )))
                }
            },
            "coverpkg" => {
                opts.cover = true;
                opts.coverpkg = value.split(',').filter(|s| !s.is_empty()).map(str::to_string).collect();
            }
            "race" | "msan" | "asan" if on => {
                // g1c links no C: gc's go command without cgo says this.
                return Err(Fail(format!("go: -{name} requires cgo; enable cgo by setting CGO_ENABLED=1"), 2));
            }
            "p" => match value.parse::<u32>() {
                Ok(n) if n > 0 => build.jobs = Some(n),
                _ => return Err(usage_error(format!("invalid value {value:?} for flag -p: parse error"))),
            },
            "mod" => build.module_mode = Some(value),
            "tags" => build.tags = Some(value),
            "gcflags" => build.gcflags = Some(value),
            "lang" => build.lang = Some(value),
            "D" => build.local_import_dir = Some(value),
            "trimpath" => trimpath = on,
            // Nothing to change: g1c compiles every package from source each time (`-a`), never writes
            // the module cache (`-modcacherw`) and records no version control information (`-buildvcs`).
            _ => {}
        }
    }
    if opts.coverprofile.is_some() {
        opts.cover = true;
    }
    opts.cover_mode = cover_mode.unwrap_or_else(|| "set".to_string());
    opts.local_mode = packages.as_ref().is_none_or(|p| p.is_empty());
    opts.patterns = packages.unwrap_or_default();
    opts.profile = profile;
    // The flags go test adds before the explicit ones.
    if opts.json {
        opts.args.push("-test.v=true".to_string());
    }
    if !timeout_set {
        opts.args.push("-test.timeout=10m0s".to_string());
    }
    if profile.is_some() && !outputdir_set {
        let cwd = std::env::current_dir().map(|d| d.display().to_string()).unwrap_or_default();
        opts.args.push(format!("-test.outputdir={cwd}"));
    }
    opts.args.extend(explicit);
    let Some(mut settings) = build.settings() else { return Err(Fail(String::new(), 2)) };
    settings.trimpath = trimpath;
    Ok((settings, opts))
}

/// A `-vet` value: `off` is accepted (g1c runs no vet checks, so there is nothing to turn off); a valid
/// list of checks is refused, because g1c would not run them; anything else is go test's error.
fn check_vet(value: &str) -> Result<(), Fail> {
    let invalid = |why: String| usage_error(format!("invalid value {value:?} for flag -vet: {why}"));
    if value.contains('=') {
        return Err(invalid("-vet argument cannot contain equal signs".into()));
    }
    if value.contains(' ') {
        return Err(invalid("-vet argument is comma-separated list, cannot contain spaces".into()));
    }
    if value == "off" {
        return Ok(());
    }
    let analyzers = [
        "asmdecl",
        "assign",
        "atomic",
        "bool",
        "bools",
        "buildtag",
        "buildtags",
        "cgocall",
        "composites",
        "copylocks",
        "errorsas",
        "framepointer",
        "httpresponse",
        "ifaceassert",
        "loopclosure",
        "lostcancel",
        "methods",
        "nilfunc",
        "printf",
        "rangeloops",
        "shift",
        "sigchanyzer",
        "stdmethods",
        "stringintconv",
        "structtag",
        "testinggoroutine",
        "tests",
        "unmarshal",
        "unreachable",
        "unsafeptr",
        "unusedresult",
    ];
    for a in value.split(',') {
        if a.is_empty() {
            return Err(invalid("-vet argument contains empty list element".into()));
        }
        if a != "all" && a != "off" && !analyzers.contains(&a) {
            return Err(invalid(format!(
                "-vet argument must be a supported analyzer or a distinguished value; found {a}"
            )));
        }
    }
    if value.is_empty() {
        return Ok(());
    }
    Err(Fail(format!("g1c test: -vet={value} is not supported: g1c runs no vet checks (it accepts -vet=off)"), 2))
}

/// An absolute form of a path (as filepath.Abs: joined to the working directory, `.` and `..` resolved).
fn absolute(p: &str) -> String {
    std::path::absolute(p).map(|a| a.display().to_string()).unwrap_or_else(|_| p.to_string())
}

/// The words of an `-exec` command: split at spaces, with `'...'` and `"..."` quoting (the go command's
/// quoted.Split).
fn split_command(s: &str) -> Vec<String> {
    let mut words = Vec::new();
    let mut cur = String::new();
    let mut in_word = false;
    let mut quote: Option<char> = None;
    for c in s.chars() {
        match quote {
            Some(q) if c == q => quote = None,
            Some(_) => cur.push(c),
            None if c == '\'' || c == '"' => {
                quote = Some(c);
                in_word = true;
            }
            None if c.is_whitespace() => {
                if in_word {
                    words.push(std::mem::take(&mut cur));
                    in_word = false;
                }
            }
            None => {
                cur.push(c);
                in_word = true;
            }
        }
    }
    if in_word {
        words.push(cur);
    }
    words
}

#[cfg(test)]
mod tests {
    use super::*;

    fn strs(a: &[&str]) -> Vec<String> {
        a.iter().map(|s| s.to_string()).collect()
    }

    #[test]
    fn flags_and_packages_in_any_order() {
        let (_, o) = parse(&strs(&["-v", "./a", "./b", "-run", "X", "-count=1", "-args", "-x"])).ok().unwrap();
        assert_eq!(o.patterns, ["./a", "./b"]);
        assert!(o.verbose && !o.local_mode);
        assert_eq!(o.args, ["-test.timeout=10m0s", "-test.v=true", "-test.run=X", "-test.count=1", "-x"]);
    }

    #[test]
    fn unknown_flags_go_to_the_program() {
        let (_, o) = parse(&strs(&["-json", "-myflag", "v", "-timeout", "1m", "."])).ok().unwrap();
        assert!(o.json && o.local_mode);
        assert_eq!(o.args, ["-test.v=true", "-myflag", "v", "-test.timeout=1m", "."]);
    }

    #[test]
    fn refusals_and_errors() {
        assert_eq!(parse(&strs(&["-race"])).err().unwrap().1, 2);
        assert_eq!(parse(&strs(&["-ldflags=-s"])).err().unwrap().1, 2);
        assert!(parse(&strs(&["-vet=off", "-covermode=count"])).is_ok());
        assert!(parse(&strs(&["-vet=bogus"])).err().unwrap().0.contains("found bogus"));
        assert_eq!(split_command("a 'b c' \"d\""), ["a", "b c", "d"]);
    }
}
