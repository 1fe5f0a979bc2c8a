//! `go.mod` and `vendor/modules.txt`: the two files that describe a module and its dependencies.
//!
//! In: the text of a `go.mod` file (and its name, for messages). Out: a [`ModFile`] with the directives the
//! loader needs: `module`, `go`, `require`, `replace`, `exclude`, `retract` — or the go command's parse
//! errors (`go.mod:4: unknown directive: foo`, `go.mod:6:2: usage: require module/path v1.2.3`).
//! The same syntax with `go`, `use` and `replace` directives is a workspace's `go.work` ([`WorkFile`]).
//! And: the text of `vendor/modules.txt`, out: which module (and version) provides each vendored package.
//!
//! The syntax is `golang.org/x/mod/modfile`'s: a file is lines of tokens; `//` starts a comment that runs to
//! the end of the line; a token is a run of characters other than space and `()`, or a Go string
//! (`"..."` with escapes, or a raw `` `...` ``); a directive is a verb and its arguments on one line, or a
//! verb followed by `(` ending the line, then one argument list per line, then `)` alone on a line (a block).
//! `=>` separates the two sides of a `replace`.
//!
//! Invariants: directives keep their file order; every error carries the line (and column for a bad
//! argument list inside a block, as the go command reports it); unknown verbs are errors.

use std::fmt;

/// A module path at a version (`example.com/m v1.2.3`).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ModVersion {
    pub path: String,
    pub version: String,
}

/// The right-hand side of a `replace`: a directory (a path starting with `./`, `../` or `/`) or another
/// module at a version.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum ReplaceTarget {
    Dir(String),
    Module(ModVersion),
}

/// `replace old [version] => new`: a missing old version replaces every version of the module.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Replace {
    pub old_path: String,
    pub old_version: Option<String>,
    pub new: ReplaceTarget,
}

/// A parsed `go.mod` file.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct ModFile {
    /// The `module` directive's path (`None` when the file has none, which the go command rejects).
    pub module: Option<String>,
    /// The `go` directive's language version (`1.19`); `None` means the go command's default, 1.16.
    pub go: Option<String>,
    /// `require` directives; `indirect` records a `// indirect` comment.
    pub require: Vec<(ModVersion, bool)>,
    pub replace: Vec<Replace>,
    pub exclude: Vec<ModVersion>,
    /// `retract` directives as written: one version or a `[low, high]` interval.
    pub retract: Vec<(String, String)>,
    /// `use` directives (only in `go.work`).
    pub use_dirs: Vec<String>,
}

/// A `go.mod` syntax error: line, optional column, message.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ModError {
    pub line: usize,
    pub col: Option<usize>,
    pub msg: String,
}

impl fmt::Display for ModError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self.col {
            Some(c) => write!(f, "{}:{}: {}", self.line, c, self.msg),
            None => write!(f, "{}: {}", self.line, self.msg),
        }
    }
}

/// One token with its 1-based column; `quoted` tokens were Go strings (already unquoted).
#[derive(Clone, Debug)]
struct Token {
    text: String,
    col: usize,
    quoted: bool,
}

/// Splits one line into tokens, dropping a `//` comment; `Err` for an unterminated string. The comment's
/// text is returned too (for `// indirect`).
fn tokenize(line: &str) -> Result<(Vec<Token>, String), String> {
    let chars: Vec<char> = line.chars().collect();
    let mut toks = Vec::new();
    let mut i = 0;
    while i < chars.len() {
        let c = chars[i];
        if c == ' ' || c == '\t' || c == '\r' {
            i += 1;
            continue;
        }
        if c == '/' && chars.get(i + 1) == Some(&'/') {
            let comment: String = chars[i + 2..].iter().collect();
            return Ok((toks, comment.trim().to_string()));
        }
        let col = i + 1;
        if c == '(' || c == ')' {
            toks.push(Token { text: c.to_string(), col, quoted: false });
            i += 1;
            continue;
        }
        if c == '"' || c == '`' {
            let mut text = String::new();
            let mut j = i + 1;
            loop {
                match chars.get(j) {
                    None => return Err("unterminated quoted string".into()),
                    Some(&q) if q == c => break,
                    Some('\\') if c == '"' => {
                        let Some(&e) = chars.get(j + 1) else { return Err("unterminated quoted string".into()) };
                        text.push(match e {
                            'n' => '\n',
                            't' => '\t',
                            other => other,
                        });
                        j += 2;
                    }
                    Some(&other) => {
                        text.push(other);
                        j += 1;
                    }
                }
            }
            toks.push(Token { text, col, quoted: true });
            i = j + 1;
            continue;
        }
        let start = i;
        while i < chars.len() && !matches!(chars[i], ' ' | '\t' | '\r' | '(' | ')') {
            if chars[i] == '/' && chars.get(i + 1) == Some(&'/') {
                break;
            }
            i += 1;
        }
        toks.push(Token { text: chars[start..i].iter().collect(), col, quoted: false });
    }
    Ok((toks, String::new()))
}

/// A parsed `go.work` file (Go 1.18 workspaces).
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct WorkFile {
    pub go: Option<String>,
    /// The `use` directives' module directories, relative to the `go.work` file's directory.
    pub use_dirs: Vec<String>,
    pub replace: Vec<Replace>,
}

/// Parses a `go.work` file: `go`, `use` and `replace` directives in `go.mod`'s syntax.
pub fn parse_workfile(text: &str) -> Result<WorkFile, Vec<ModError>> {
    let mf = parse(text, true)?;
    Ok(WorkFile { go: mf.go, use_dirs: mf.use_dirs, replace: mf.replace })
}

/// Parses a `go.mod` file; all errors are collected, in line order.
pub fn parse_modfile(text: &str) -> Result<ModFile, Vec<ModError>> {
    parse(text, false)
}

/// The shared parser: `work` selects `go.work`'s directives instead of `go.mod`'s.
fn parse(text: &str, work: bool) -> Result<ModFile, Vec<ModError>> {
    let mut mf = ModFile::default();
    let mut errs = Vec::new();
    // The verb of the block being read, and the line it started on.
    let mut block: Option<(String, usize)> = None;
    for (i, line) in text.lines().enumerate() {
        let lineno = i + 1;
        let (toks, comment) = match tokenize(line) {
            Ok(t) => t,
            Err(e) => {
                errs.push(ModError { line: lineno, col: None, msg: e });
                continue;
            }
        };
        if toks.is_empty() {
            continue;
        }
        if let Some((verb, _)) = &block {
            if toks.len() == 1 && toks[0].text == ")" && !toks[0].quoted {
                block = None;
                continue;
            }
            let verb = verb.clone();
            directive(&mut mf, &mut errs, &verb, &toks, &comment, lineno, true, work);
            continue;
        }
        let verb = &toks[0].text;
        if toks.len() == 2 && toks[1].text == "(" && !toks[1].quoted {
            match verb.as_str() {
                "require" | "exclude" | "retract" if !work => block = Some((verb.clone(), lineno)),
                "replace" => block = Some((verb.clone(), lineno)),
                "use" if work => block = Some((verb.clone(), lineno)),
                "module" | "go" if !work || verb == "go" => {
                    errs.push(ModError { line: lineno, col: None, msg: format!("{verb} directive cannot be a block") });
                    block = Some((String::new(), lineno));
                }
                _ => {
                    errs.push(ModError { line: lineno, col: None, msg: format!("unknown block type: {verb}") });
                    block = Some((String::new(), lineno));
                }
            }
            continue;
        }
        directive(&mut mf, &mut errs, &verb.clone(), &toks[1..], &comment, lineno, false, work);
    }
    if let Some((_, start)) = block {
        errs.push(ModError { line: start, col: None, msg: "unterminated block".into() });
    }
    if errs.is_empty() {
        Ok(mf)
    } else {
        Err(errs)
    }
}

/// One directive: `verb` with its arguments `args` (inside a block, `args` is the whole line).
fn directive(
    mf: &mut ModFile,
    errs: &mut Vec<ModError>,
    verb: &str,
    args: &[Token],
    comment: &str,
    line: usize,
    in_block: bool,
    work: bool,
) {
    // Errors about a block's line point at its first token (the go command's `file:line:col`).
    let col = if in_block { args.first().map(|t| t.col) } else { None };
    let mut err = |msg: String| errs.push(ModError { line, col, msg });
    let texts: Vec<&str> = args.iter().map(|t| t.text.as_str()).collect();
    // Each file kind has its own directives.
    let known = if work { matches!(verb, "go" | "use" | "replace") } else { verb != "use" };
    match verb {
        "" => {} // inside a block already reported
        _ if !known => err(format!("unknown directive: {verb}")),
        "use" => {
            if texts.len() != 1 {
                return err("usage: use local/dir".into());
            }
            mf.use_dirs.push(texts[0].to_string());
        }
        "module" => {
            if texts.len() != 1 {
                return err("usage: module module/path".into());
            }
            if mf.module.is_some() {
                return err("repeated module statement".into());
            }
            mf.module = Some(texts[0].to_string());
        }
        "go" => {
            if texts.len() != 1 {
                return err("usage: go 1.23".into());
            }
            if !is_go_version(texts[0]) {
                return err(format!("invalid go version '{}': must match format 1.23", texts[0]));
            }
            if mf.go.is_some() {
                return err("repeated go statement".into());
            }
            mf.go = Some(texts[0].to_string());
        }
        "require" | "exclude" => {
            if texts.len() != 2 {
                return err(format!("usage: {verb} module/path v1.2.3"));
            }
            if !is_semver(texts[1]) {
                return err(format!("{verb} {}: version {:?} invalid: must be of the form v1.2.3", texts[0], texts[1]));
            }
            let mv = ModVersion { path: texts[0].to_string(), version: texts[1].to_string() };
            if verb == "require" {
                mf.require.push((mv, comment.split(';').any(|c| c.trim() == "indirect")));
            } else {
                mf.exclude.push(mv);
            }
        }
        "replace" => {
            let Some(arrow) = texts.iter().position(|t| *t == "=>") else {
                return err("usage: replace module/path [v1.2.3] => other/module v1.4\n\t or replace module/path [v1.2.3] => ../local/directory".into());
            };
            let (old, new) = (&texts[..arrow], &texts[arrow + 1..]);
            if old.is_empty() || old.len() > 2 || new.is_empty() || new.len() > 2 {
                return err("usage: replace module/path [v1.2.3] => other/module v1.4\n\t or replace module/path [v1.2.3] => ../local/directory".into());
            }
            let target = if new.len() == 1 {
                if !is_local_path(new[0]) {
                    return err(format!(
                        "replacement module without version must be directory path (rooted or starting with ./ or ../)"
                    ));
                }
                ReplaceTarget::Dir(new[0].to_string())
            } else {
                if !is_semver(new[1]) {
                    return err(format!(
                        "replace {}: version {:?} invalid: must be of the form v1.2.3",
                        new[0], new[1]
                    ));
                }
                ReplaceTarget::Module(ModVersion { path: new[0].to_string(), version: new[1].to_string() })
            };
            mf.replace.push(Replace {
                old_path: old[0].to_string(),
                old_version: old.get(1).map(|v| v.to_string()),
                new: target,
            });
        }
        "retract" => {
            // `retract v1.0.0` or `retract [v1.0.0, v1.2.0]` (the tokenizer keeps `[v1.0.0,` together).
            let joined = texts.join(" ");
            if let Some(inner) = joined.strip_prefix('[').and_then(|s| s.strip_suffix(']')) {
                let parts: Vec<&str> = inner.split(',').map(str::trim).collect();
                if parts.len() != 2 || !parts.iter().all(|v| is_semver(v)) {
                    return err("usage: retract [v1.2.3, v1.2.4]".into());
                }
                mf.retract.push((parts[0].to_string(), parts[1].to_string()));
            } else if texts.len() == 1 && is_semver(texts[0]) {
                mf.retract.push((texts[0].to_string(), texts[0].to_string()));
            } else {
                return err("usage: retract v1.2.3".into());
            }
        }
        _ => err(format!("unknown directive: {verb}")),
    }
}

/// A `go` directive's version as Go 1.19 accepts it (`GoVersionRE`): `N.M`, decimal numbers without
/// leading zeros, N not zero (`1.21.0` is a later release's syntax).
fn is_go_version(v: &str) -> bool {
    let Some((major, minor)) = v.split_once('.') else { return false };
    let number = |p: &str| !p.is_empty() && p.bytes().all(|b| b.is_ascii_digit()) && (p == "0" || !p.starts_with('0'));
    number(major) && major != "0" && number(minor)
}

/// A canonical-enough semantic version: `v` then major.minor.patch, optionally `-pre` and `+incompatible`.
pub fn is_semver(v: &str) -> bool {
    let Some(rest) = v.strip_prefix('v') else { return false };
    let core = rest.split(['-', '+']).next().unwrap_or("");
    let parts: Vec<&str> = core.split('.').collect();
    parts.len() == 3 && parts.iter().all(|p| !p.is_empty() && p.bytes().all(|b| b.is_ascii_digit()))
}

/// A directory path on the right of `replace`: rooted, or starting with `./` or `../`.
fn is_local_path(p: &str) -> bool {
    p.starts_with('/') || p.starts_with("./") || p.starts_with("../") || p == "." || p == ".."
}

/// One module of `vendor/modules.txt`.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct VendorModule {
    /// The module (an empty version for a wildcard replacement line `# path => new`).
    pub module: ModVersion,
    /// `## explicit`: the main module's go.mod requires it.
    pub explicit: bool,
    /// The module's `go` version (`## explicit; go 1.17`), when recorded.
    pub go: Option<String>,
    /// `# path version => new [version]`: the replacement (a directory has an empty version).
    pub replacement: Option<ModVersion>,
    /// Its vendored packages.
    pub packages: Vec<String>,
}

/// `vendor/modules.txt`: which module provides each vendored package.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct VendorList {
    /// Each module header in file order.
    pub modules: Vec<VendorModule>,
}

impl VendorList {
    /// The vendored module providing package `path`, if modules.txt lists the package.
    pub fn module_of(&self, path: &str) -> Option<&VendorModule> {
        self.modules.iter().find(|m| m.packages.iter().any(|p| p == path))
    }

    /// The entry of module `path` at `version` (an empty version: the wildcard replacement line).
    pub fn get(&self, path: &str, version: &str) -> Option<&VendorModule> {
        self.modules.iter().find(|m| m.module.path == path && m.module.version == version)
    }
}

/// Parses `vendor/modules.txt` as the go command's `readVendorList`: `# module version [=> new [version]]`
/// or `# module => new [version]` starts a module, `## ...` lines carry `;`-separated annotations
/// (`## explicit; go 1.17`), other lines are package paths of the current module. Malformed headers are
/// skipped with the lines under them.
pub fn parse_modules_txt(text: &str) -> VendorList {
    let mut list = VendorList::default();
    // The entry the lines below the last valid header belong to.
    let mut current: Option<usize> = None;
    for line in text.lines() {
        if line.starts_with("# ") {
            let f: Vec<&str> = line.split_whitespace().collect();
            current = None;
            if f.len() < 3 {
                continue;
            }
            let (module, rest) = if is_semver(f[2]) {
                (ModVersion { path: f[1].into(), version: f[2].into() }, &f[3..])
            } else if f[2] == "=>" {
                (ModVersion { path: f[1].into(), version: String::new() }, &f[2..])
            } else {
                continue;
            };
            let replacement = match rest {
                ["=>", new] => Some(ModVersion { path: new.to_string(), version: String::new() }),
                ["=>", new, v] if is_semver(v) => Some(ModVersion { path: new.to_string(), version: v.to_string() }),
                _ => None,
            };
            let i = match list.modules.iter().position(|m| m.module == module) {
                Some(i) => i,
                None => {
                    let entry =
                        VendorModule { module, explicit: false, go: None, replacement: None, packages: Vec::new() };
                    list.modules.push(entry);
                    list.modules.len() - 1
                }
            };
            if replacement.is_some() {
                list.modules[i].replacement = replacement;
            }
            current = Some(i);
            continue;
        }
        let Some(m) = current.map(|i| &mut list.modules[i]) else { continue };
        if let Some(rest) = line.strip_prefix("## ") {
            for ann in rest.split(';') {
                let ann = ann.trim();
                if ann == "explicit" {
                    m.explicit = true;
                } else if let Some(v) = ann.strip_prefix("go ") {
                    m.go = Some(v.trim().to_string());
                }
            }
        } else if line.split_whitespace().count() == 1 && !line.starts_with('#') {
            m.packages.push(line.trim().to_string());
        }
    }
    list
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn parses_directives_and_blocks() {
        let mf = parse_modfile(
            "// header\nmodule \"example.com/m\" // c\n\ngo 1.19\n\nrequire (\n\tex.org/a v1.2.3 // indirect\n\tex.org/b v0.1.0\n)\nreplace ex.org/a => ../a\nreplace ex.org/b v0.1.0 => ex.org/c v1.0.0\nexclude ex.org/a v1.0.0\nretract [v1.0.0, v1.0.5]\nretract v0.9.0\n",
        )
        .unwrap();
        assert_eq!(mf.module.as_deref(), Some("example.com/m"));
        assert_eq!(mf.go.as_deref(), Some("1.19"));
        assert_eq!(mf.require.len(), 2);
        assert!(mf.require[0].1 && !mf.require[1].1);
        assert_eq!(mf.replace[0].new, ReplaceTarget::Dir("../a".into()));
        assert_eq!(mf.replace[1].old_version.as_deref(), Some("v0.1.0"));
        assert_eq!(mf.retract, vec![("v1.0.0".into(), "v1.0.5".into()), ("v0.9.0".into(), "v0.9.0".into())]);
    }

    #[test]
    fn reports_errors_like_the_go_command() {
        let errs = parse_modfile("module m\n\ngo 1.19\nfoo bar\nrequire (\n\tx.org/a\n)\n").unwrap_err();
        let msgs: Vec<String> = errs.iter().map(|e| e.to_string()).collect();
        assert_eq!(msgs, vec!["4: unknown directive: foo", "6:2: usage: require module/path v1.2.3"]);
    }

    #[test]
    fn go_versions() {
        assert!(is_go_version("1.19") && is_go_version("1.0") && is_go_version("2.10"));
        assert!(!is_go_version("1.21.0") && !is_go_version("1.019") && !is_go_version("0.1") && !is_go_version("1"));
        let errs = parse_modfile("module m\ngo 1.21.0\n").unwrap_err();
        assert_eq!(errs[0].to_string(), "2: invalid go version '1.21.0': must match format 1.23");
    }

    #[test]
    fn work_files() {
        let w = parse_workfile("go 1.19\n\nuse (\n\t./a\n\t../b // c\n)\nuse ./c\nreplace x.org/a => ./a2\n").unwrap();
        assert_eq!(w.use_dirs, vec!["./a", "../b", "./c"]);
        assert_eq!(w.replace.len(), 1);
        let errs = parse_workfile("go 1.19\nuse ./a\nfoo\nmodule m\n").unwrap_err();
        let msgs: Vec<String> = errs.iter().map(|e| e.to_string()).collect();
        assert_eq!(msgs, vec!["3: unknown directive: foo", "4: unknown directive: module"]);
    }

    #[test]
    fn vendor_modules_txt() {
        let l = parse_modules_txt(
            "# ex.org/a v1.0.0\n## explicit; go 1.17\nex.org/a\nex.org/a/b\n# ex.org/c v0.1.0 => ../c\nex.org/c\n",
        );
        assert_eq!(l.module_of("ex.org/a/b").map(|m| m.go.as_deref()), Some(Some("1.17")));
        assert_eq!(l.module_of("ex.org/c").map(|m| m.module.version.as_str()), Some("v0.1.0"));
        assert_eq!(
            l.get("ex.org/c", "v0.1.0").and_then(|m| m.replacement.as_ref()).map(|r| r.path.as_str()),
            Some("../c")
        );
        assert!(l.get("ex.org/a", "v1.0.0").is_some_and(|m| m.explicit));
        assert!(l.module_of("ex.org/d").is_none());
    }
}
