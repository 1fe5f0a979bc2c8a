//! `//go:embed` patterns resolved to files, as the go command resolves them (`cmd/go/internal/load`'s
//! `resolveEmbed`, with `go/build`'s parsing of the directive's patterns) before the compiler sees them.
//!
//! In: a package's directory and the `//go:embed` directives of one variable. Out: the files the variable
//! holds, each as its slash-separated path relative to the directory and its contents, every file once, in
//! the order the patterns find them (the compiler sorts them and adds an embed.FS's directories); or the
//! go command's error for the first bad pattern, at that pattern's position.
//!
//! Rules: a pattern is a `path.Match` glob of a path inside the directory (no `.`/`..` elements, no leading
//! or trailing slash); a file it matches is taken as it is (even a hidden one); a directory it matches
//! contributes the regular files below it, except those under a name starting with `.` or `_` (unless the
//! pattern starts with `all:`), version-control directories, and nested modules (a directory with a
//! `go.mod`). A pattern that finds nothing is an error.

use std::fs;
use std::path::Path;

use crate::syntax::ast::Directive;
use crate::syntax::pos::Pos;

/// One pattern of a directive: its text (quotes removed) and position.
pub struct Pattern {
    pub text: String,
    pub pos: Pos,
}

/// The patterns of a `//go:embed` directive (`go/build`'s `parseGoEmbed`): space-separated words, each
/// bare, "double-quoted" (with Go escapes) or `back-quoted`.
pub fn patterns(d: &Directive) -> Result<Vec<Pattern>, (Pos, String)> {
    let text = &d.text;
    let mut i = "go:embed".len();
    let b = text.as_bytes();
    let mut out = Vec::new();
    loop {
        while i < b.len() && (b[i] == b' ' || b[i] == b'\t') {
            i += 1;
        }
        if i >= b.len() {
            break;
        }
        let start = i;
        let word = match b[i] {
            b'`' => match text[i + 1..].find('`') {
                Some(n) => {
                    i += n + 2;
                    Some(text[start + 1..i - 1].to_string())
                }
                None => None,
            },
            b'"' => {
                let mut j = i + 1;
                while j < b.len() && b[j] != b'"' {
                    j += if b[j] == b'\\' { 2 } else { 1 };
                }
                if j < b.len() {
                    i = j + 1;
                    crate::syntax::parser::unquote(&text[start..i])
                } else {
                    None
                }
            }
            _ => {
                while i < b.len() && b[i] != b' ' && b[i] != b'\t' {
                    i += 1;
                }
                Some(text[start..i].to_string())
            }
        };
        let pos = d.pos.offset(start as u32);
        match word {
            Some(w) if i >= b.len() || b[i] == b' ' || b[i] == b'\t' => out.push(Pattern { text: w, pos }),
            _ => return Err((pos, format!("invalid quoted string in //go:embed: {}", &text[start..]))),
        }
    }
    Ok(out)
}

/// The files `pats` name in `dir`, read, in the order found (each once); or the error of the first
/// pattern that fails, rendered as the go command words it, with that pattern's position.
pub fn resolve(dir: &Path, pats: &[Pattern]) -> Result<Vec<(String, Vec<u8>)>, (Pos, String)> {
    // Files named on the command line have their package in the current directory, given as an empty path.
    let dir = if dir.as_os_str().is_empty() { Path::new(".") } else { dir };
    let mut out: Vec<(String, Vec<u8>)> = Vec::new();
    for p in pats {
        let files = resolve_one(dir, &p.text).map_err(|e| (p.pos, format!("pattern {}: {e}", p.text)))?;
        for rel in files {
            if out.iter().any(|(n, _)| *n == rel) {
                continue;
            }
            let data = fs::read(dir.join(&rel)).map_err(|e| (p.pos, format!("pattern {}: {e}", p.text)))?;
            out.push((rel, data));
        }
    }
    Ok(out)
}

/// The files one pattern names, sorted.
fn resolve_one(dir: &Path, pattern: &str) -> Result<Vec<String>, String> {
    let (all, glob) = match pattern.strip_prefix("all:") {
        Some(g) => (true, g),
        None => (false, pattern),
    };
    // A malformed glob is reported as a bad pattern too, before anything is matched.
    if glob == "." || !valid_path(glob) || glob.split('/').any(|e| match_glob(e, "").is_err()) {
        return Err("invalid pattern syntax".into());
    }
    let mut matches = Vec::new();
    glob_paths(dir, "", &glob.split('/').collect::<Vec<_>>(), &mut matches)?;
    let mut list: Vec<String> = Vec::new();
    for rel in matches {
        let path = dir.join(&rel);
        let meta = fs::symlink_metadata(&path).map_err(|e| e.to_string())?;
        let what = if meta.is_dir() { "directory" } else { "file" };
        // The directories from the match up to the package's: none may start a module or be a VCS's.
        let elems: Vec<&str> = rel.split('/').collect();
        for k in (1..=elems.len()).rev() {
            let sub = elems[..k].join("/");
            if dir.join(&sub).join("go.mod").exists() {
                return Err(format!("cannot embed {what} {rel}: in different module"));
            }
            if bad_name(elems[k - 1]) {
                return Err(if k == elems.len() {
                    format!("cannot embed {what} {rel}: invalid name {}", elems[k - 1])
                } else {
                    format!("cannot embed {what} {rel}: in invalid directory {}", elems[k - 1])
                });
            }
        }
        if meta.is_file() {
            if !list.contains(&rel) {
                list.push(rel);
            }
        } else if meta.is_dir() {
            let before = list.len();
            walk(dir, &rel, all, &mut list)?;
            if list.len() == before {
                return Err(format!("cannot embed directory {rel}: contains no embeddable files"));
            }
        } else {
            return Err(format!("cannot embed irregular file {rel}"));
        }
    }
    if list.is_empty() {
        return Err("no matching files found".into());
    }
    list.sort();
    Ok(list)
}

/// Adds the regular files below directory `rel` of `dir` to `list` (see the module comment for what is left
/// out).
fn walk(dir: &Path, rel: &str, all: bool, list: &mut Vec<String>) -> Result<(), String> {
    let mut names: Vec<String> = fs::read_dir(dir.join(rel))
        .map_err(|e| e.to_string())?
        .filter_map(|e| e.ok())
        .map(|e| e.file_name().to_string_lossy().into_owned())
        .collect();
    names.sort();
    for name in names {
        if bad_name(&name) || (!all && (name.starts_with('.') || name.starts_with('_'))) {
            continue;
        }
        let sub = format!("{rel}/{name}");
        let Ok(meta) = fs::symlink_metadata(dir.join(&sub)) else { continue };
        if meta.is_dir() {
            if !dir.join(&sub).join("go.mod").exists() {
                walk(dir, &sub, all, list)?;
            }
        } else if meta.is_file() && !list.contains(&sub) {
            list.push(sub);
        }
    }
    Ok(())
}

/// Names never embedded: version-control directories, and the empty name.
fn bad_name(name: &str) -> bool {
    matches!(name, "" | ".bzr" | ".hg" | ".git" | ".svn")
}

/// `io/fs.ValidPath`: unrooted, slash-separated, no empty, `.` or `..` element.
fn valid_path(p: &str) -> bool {
    p == "." || (!p.is_empty() && p.split('/').all(|e| !e.is_empty() && e != "." && e != ".."))
}

/// `filepath.Glob` below `dir` of the pattern's elements `elems`, matched under the path `prefix` (relative
/// to `dir`, empty at the top): the existing paths, relative to `dir`, in lexical order per directory.
fn glob_paths(dir: &Path, prefix: &str, elems: &[&str], out: &mut Vec<String>) -> Result<(), String> {
    let Some((first, rest)) = elems.split_first() else { return Ok(()) };
    let join = |name: &str| if prefix.is_empty() { name.to_string() } else { format!("{prefix}/{name}") };
    let mut names = Vec::new();
    if has_meta(first) {
        if let Ok(rd) = fs::read_dir(dir.join(prefix)) {
            names = rd.filter_map(|e| e.ok()).map(|e| e.file_name().to_string_lossy().into_owned()).collect();
            names.sort();
            let mut kept = Vec::new();
            for n in names {
                if match_glob(first, &n)? {
                    kept.push(n);
                }
            }
            names = kept;
        }
    } else {
        let lit = unescape(first);
        if fs::symlink_metadata(dir.join(join(&lit))).is_ok() {
            names.push(lit);
        }
    }
    for n in names {
        let p = join(&n);
        if rest.is_empty() {
            out.push(p);
        } else if dir.join(&p).is_dir() {
            glob_paths(dir, &p, rest, out)?;
        }
    }
    Ok(())
}

fn has_meta(s: &str) -> bool {
    s.contains(['*', '?', '[', '\\'])
}

fn unescape(s: &str) -> String {
    let mut out = String::new();
    let mut it = s.chars();
    while let Some(c) = it.next() {
        out.push(if c == '\\' { it.next().unwrap_or('\\') } else { c });
    }
    out
}

/// `path.Match` of one element (no `/` in `name`): `*` any run, `?` any character, `[...]` a class
/// (`^` negates, `a-z` ranges), `\` escapes. A malformed pattern is an error.
fn match_glob(pat: &str, name: &str) -> Result<bool, String> {
    let p: Vec<char> = pat.chars().collect();
    let n: Vec<char> = name.chars().collect();
    // Checks the whole pattern's syntax first, as path.Match reports a bad pattern whatever the name.
    let mut i = 0;
    while i < p.len() {
        match p[i] {
            '\\' if i + 1 >= p.len() => return Err(BAD.into()),
            '\\' => i += 2,
            '[' => i = class_end(&p, i)?,
            _ => i += 1,
        }
    }
    Ok(match_from(&p, 0, &n, 0))
}

const BAD: &str = "syntax error in pattern";

/// The index after the class starting at `p[i] == '['`.
fn class_end(p: &[char], mut i: usize) -> Result<usize, String> {
    i += 1;
    if p.get(i) == Some(&'^') {
        i += 1;
    }
    let mut first = true;
    loop {
        match p.get(i) {
            None => return Err(BAD.into()),
            Some(']') if !first => return Ok(i + 1),
            Some(_) => {
                let (_, j) = class_char(p, i)?;
                i = j;
                if p.get(i) == Some(&'-') {
                    let (_, j) = class_char(p, i + 1)?;
                    i = j;
                }
            }
        }
        first = false;
    }
}

/// One (possibly escaped) character of a class at `p[i]`, and the index after it.
fn class_char(p: &[char], i: usize) -> Result<(char, usize), String> {
    match p.get(i) {
        None | Some('-') | Some(']') => Err(BAD.into()),
        Some('\\') => p.get(i + 1).map(|&c| (c, i + 2)).ok_or_else(|| BAD.to_string()),
        Some(&c) => Ok((c, i + 1)),
    }
}

fn match_from(p: &[char], pi: usize, n: &[char], ni: usize) -> bool {
    if pi == p.len() {
        return ni == n.len();
    }
    match p[pi] {
        '*' => (ni..=n.len()).any(|k| match_from(p, pi + 1, n, k)),
        '?' => ni < n.len() && match_from(p, pi + 1, n, ni + 1),
        '[' => {
            let Some(&c) = n.get(ni) else { return false };
            let mut i = pi + 1;
            let negate = p.get(i) == Some(&'^');
            if negate {
                i += 1;
            }
            let mut hit = false;
            let mut first = true;
            while first || p[i] != ']' {
                first = false;
                let Ok((lo, j)) = class_char(p, i) else { return false };
                i = j;
                let mut hi = lo;
                if p[i] == '-' {
                    let Ok((h, j)) = class_char(p, i + 1) else { return false };
                    hi = h;
                    i = j;
                }
                hit |= lo <= c && c <= hi;
            }
            hit != negate && match_from(p, i + 1, n, ni + 1)
        }
        '\\' => ni < n.len() && n[ni] == p[pi + 1] && match_from(p, pi + 2, n, ni + 1),
        c => ni < n.len() && n[ni] == c && match_from(p, pi + 1, n, ni + 1),
    }
}

#[cfg(test)]
mod tests {
    use super::match_glob;

    #[test]
    fn globs_match_as_path_match() {
        assert_eq!(match_glob("*.txt", ".hidden.txt"), Ok(true));
        assert_eq!(match_glob("a?c", "abc"), Ok(true));
        assert_eq!(match_glob("[a-c]x", "bx"), Ok(true));
        assert_eq!(match_glob("[^a-c]x", "bx"), Ok(false));
        assert_eq!(match_glob("\\*", "*"), Ok(true));
        assert!(match_glob("[a", "a").is_err());
    }
}
