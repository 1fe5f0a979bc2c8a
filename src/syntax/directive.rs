//! Compiler directives: the `//go:name args` comments gc knows, and the checks gc's noder makes on where
//! they appear (`cmd/compile/internal/noder`: `pragma`, `checkUnusedDuringParse`, `pragmaFlags`,
//! `checkEmbed`), plus the `//line` directive's syntax (`syntax.parser.updateBase`).
//!
//! In: each directive as the parser meets it (its text after `//` or `/*`, its position, and whether only
//! blanks precede it on its line), then the pragmas each declaration takes, with what the parser knows
//! about that declaration ([`Taker`]); for the package-wide `//go:linkname` checks, the parsed files of a
//! package and its import path ([`check_package`], called by the checker). Out: gc's diagnostics, worded as gc words them. The directives
//! themselves still reach the AST as before (`FuncDecl::pragmas`, `File::directives`); this module only
//! judges them.
//!
//! Invariants: all directive validation lives here, in one place; the parser only calls in. Unknown
//! directives (`//go:foo`) are never errors (outside the standard library gc ignores them), and a directive
//! that is not alone on its line is reported and otherwise ignored, as gc does.

use super::ast::{self, Directive};
use super::pos::{Error, FileId, FileSet, LineDirective, Pos};

/// A set of pragma flags (gc's `ir.PragmaFlag`); `0` for a directive gc does not know.
pub type Flags = u32;

pub const GO_BUILD: Flags = 1 << 0;
pub const NOESCAPE: Flags = 1 << 1;
pub const NORACE: Flags = 1 << 2;
pub const NOSPLIT: Flags = 1 << 3;
pub const NOINLINE: Flags = 1 << 4;
pub const NOCHECKPTR: Flags = 1 << 5;
pub const SYSTEMSTACK: Flags = 1 << 6;
pub const NOWRITEBARRIER: Flags = 1 << 7;
pub const NOWRITEBARRIERREC: Flags = 1 << 8;
pub const YESWRITEBARRIERREC: Flags = 1 << 9;
pub const CGO_UNSAFE_ARGS: Flags = 1 << 10;
pub const UINTPTR_KEEPALIVE: Flags = 1 << 11;
pub const UINTPTR_ESCAPES: Flags = 1 << 12;
pub const REGISTER_PARAMS: Flags = 1 << 13;
pub const NOT_IN_HEAP: Flags = 1 << 14;

/// The flags a function declaration may carry (gc's `funcPragmas`; `go:nointerface` is known only with the
/// fieldtrack experiment, which is off).
pub const FUNC_PRAGMAS: Flags = NOESCAPE
    | NORACE
    | NOSPLIT
    | NOINLINE
    | NOCHECKPTR
    | REGISTER_PARAMS
    | CGO_UNSAFE_ARGS
    | UINTPTR_KEEPALIVE
    | UINTPTR_ESCAPES
    | SYSTEMSTACK
    | NOWRITEBARRIER
    | NOWRITEBARRIERREC
    | YESWRITEBARRIERREC;

/// The flags a (non-alias) type declaration may carry.
pub const TYPE_PRAGMAS: Flags = NOT_IN_HEAP;

/// The directive's verb: `go:linkname` of `go:linkname x y`.
pub fn verb(text: &str) -> &str {
    text.split(' ').next().unwrap_or(text)
}

/// gc's `pragmaFlag`: the flags a verb sets (some imply others).
pub fn flag(verb: &str) -> Flags {
    match verb {
        "go:build" => GO_BUILD,
        "go:noescape" => NOESCAPE,
        "go:norace" => NORACE,
        "go:nosplit" => NOSPLIT | NOCHECKPTR,
        "go:noinline" => NOINLINE,
        "go:nocheckptr" => NOCHECKPTR,
        "go:systemstack" => SYSTEMSTACK,
        "go:nowritebarrier" => NOWRITEBARRIER,
        "go:nowritebarrierrec" => NOWRITEBARRIERREC | NOWRITEBARRIER,
        "go:yeswritebarrierrec" => YESWRITEBARRIERREC,
        "go:cgo_unsafe_args" => CGO_UNSAFE_ARGS | NOCHECKPTR,
        "go:uintptrkeepalive" => UINTPTR_KEEPALIVE,
        "go:uintptrescapes" => UINTPTR_ESCAPES | UINTPTR_KEEPALIVE,
        "go:registerparams" => REGISTER_PARAMS,
        "go:notinheap" => NOT_IN_HEAP,
        _ => 0,
    }
}

pub fn is_embed(text: &str) -> bool {
    text == "go:embed" || text.starts_with("go:embed ")
}

/// Checks one `//go:` directive as the parser meets it (gc's `noder.pragma`). `blank` says whether only
/// blanks precede it on its line. Returns whether the directive counts (a misplaced one is dropped).
pub fn check_new(d: &Directive, blank: bool, errs: &mut Vec<Error>) -> bool {
    if !blank {
        // A directive must be on a line by itself.
        errs.push(Error::new(d.pos, "misplaced compiler directive"));
        return false;
    }
    let text = d.text.as_str();
    if text.starts_with("go:linkname ") {
        let n = text.split_ascii_whitespace().count();
        if !(2..=3).contains(&n) {
            errs.push(Error::new(d.pos, "usage: //go:linkname localname [linkname]"));
            return false;
        }
    } else if is_embed(text) && text["go:embed".len()..].trim().is_empty() {
        errs.push(Error::new(d.pos, "usage: //go:embed pattern..."));
        return false;
    }
    // A `//go:cgo_*` directive's usage is judged in `check_package`: gc reports it right after the check that
    // needs the package (whether cgo directives are allowed there), and both are at the same position, so
    // only that order prints the two messages as gc does.
    true
}

/// gc's `pragcgo`: the usage message for a malformed `//go:cgo_*` directive.
fn cgo_usage(text: &str) -> Option<String> {
    let f = pragma_fields(text);
    let verb = f.first().map_or("", |v| v.trim_start_matches("go:"));
    let quoted = |s: &str| s.len() >= 2 && s.starts_with('"') && s.ends_with('"');
    let ok = match verb {
        "cgo_export_static" | "cgo_export_dynamic" => match f.len() {
            2 => !quoted(f[1]),
            3 => !quoted(f[1]) && !quoted(f[2]),
            _ => false,
        },
        "cgo_import_dynamic" => match f.len() {
            2 => !quoted(f[1]),
            3 => !quoted(f[1]) && !quoted(f[2]),
            4 => !quoted(f[1]) && !quoted(f[2]) && quoted(f[3]),
            _ => false,
        },
        "cgo_import_static" => f.len() == 2 && !quoted(f[1]),
        "cgo_dynamic_linker" | "cgo_ldflag" => f.len() == 2 && quoted(f[1]),
        _ => true,
    };
    if ok {
        return None;
    }
    Some(match verb {
        "cgo_export_static" | "cgo_export_dynamic" => format!("usage: //go:{verb} local [remote]"),
        "cgo_import_dynamic" => "usage: //go:cgo_import_dynamic local [remote [\"library\"]]".to_string(),
        "cgo_import_static" => "usage: //go:cgo_import_static local".to_string(),
        "cgo_dynamic_linker" => "usage: //go:cgo_dynamic_linker \"path\"".to_string(),
        _ => "usage: //go:cgo_ldflag \"arg\"".to_string(),
    })
}

/// gc's `pragmaFields`: fields separated by blanks, a double-quoted string (quotes kept) being one field.
fn pragma_fields(s: &str) -> Vec<&str> {
    let mut out = Vec::new();
    let mut in_quote = false;
    let mut start: Option<usize> = None;
    for (i, c) in s.char_indices() {
        if c == '"' {
            if in_quote {
                in_quote = false;
                out.push(&s[start.unwrap_or(i)..i + 1]);
                start = None;
            } else {
                in_quote = true;
                if let Some(st) = start {
                    out.push(&s[st..i]);
                }
                start = Some(i);
            }
        } else if !in_quote && matches!(c, ' ' | '\t' | '\n' | '\r') {
            if let Some(st) = start.take() {
                out.push(&s[st..i]);
            }
        } else if start.is_none() {
            start = Some(i);
        }
    }
    if !in_quote {
        if let Some(st) = start {
            out.push(&s[st..]);
        }
    }
    out
}

/// Pragmas no declaration takes (gc's `clearPragma` → `checkUnusedDuringParse`): known flags and
/// `go:embed` are misplaced there.
pub fn check_unused(pragmas: &[Directive], errs: &mut Vec<Error>) {
    let all: Flags = pragmas.iter().map(|d| flag(verb(&d.text))).fold(0, |a, f| a | f);
    report_unused(pragmas, all, errs);
}

/// gc's `reportUnused` after the declaration took the flags it allows: a directive is misplaced when one
/// of its flags is among the `left` ones (so `go:nosplit` before a type is, as its flags are not allowed).
fn report_unused(pragmas: &[Directive], left: Flags, errs: &mut Vec<Error>) {
    for d in pragmas {
        if flag(verb(&d.text)) & left != 0 {
            errs.push(Error::new(d.pos, "misplaced compiler directive"));
        }
    }
    for d in pragmas.iter().filter(|d| is_embed(&d.text)) {
        errs.push(Error::new(d.pos, "misplaced go:embed directive"));
    }
}

/// What takes a group of pragmas, with what the checks need to know about it.
pub enum Taker {
    /// The package clause (only `//go:build` belongs there).
    Package,
    Import,
    Const,
    Var {
        /// Number of names, and whether there is an initializer or a type.
        names: usize,
        has_values: bool,
        has_type: bool,
        /// Inside a function body.
        in_func: bool,
        /// The file imports package `embed`.
        imports_embed: bool,
    },
    Type {
        alias: bool,
    },
    Func {
        /// The function's name, where gc reports problems with its pragmas.
        name_pos: Pos,
        has_body: bool,
    },
}

/// Checks the pragmas `taker` takes (gc's `pragmaFlags` with the allowed set of each declaration kind,
/// `varEmbed`, and the function checks of `funcDecl`).
pub fn check_taken(taker: &Taker, pragmas: &[Directive], errs: &mut Vec<Error>) {
    if pragmas.is_empty() {
        return;
    }
    let all: Flags = pragmas.iter().map(|d| flag(verb(&d.text))).fold(0, |a, f| a | f);
    let allowed = match taker {
        Taker::Package => GO_BUILD,
        Taker::Import | Taker::Const | Taker::Var { .. } => 0,
        Taker::Type { alias: true } => 0,
        Taker::Type { alias: false } => TYPE_PRAGMAS,
        Taker::Func { .. } => FUNC_PRAGMAS,
    };
    let (embeds, rest): (Vec<Directive>, Vec<Directive>) = match taker {
        Taker::Var { .. } => pragmas.iter().cloned().partition(|d| is_embed(&d.text)),
        _ => (Vec::new(), pragmas.to_vec()),
    };
    if let (Some(first), Taker::Var { names, has_values, has_type, in_func, imports_embed }) = (embeds.first(), taker) {
        let msg = if !imports_embed {
            Some("go:embed only allowed in Go files that import \"embed\"")
        } else if *names > 1 {
            Some("go:embed cannot apply to multiple vars")
        } else if *has_values {
            Some("go:embed cannot apply to var with initializer")
        } else if !has_type {
            Some("go:embed cannot apply to var without type")
        } else if *in_func {
            Some("go:embed cannot apply to var inside func")
        } else {
            None
        };
        if let Some(msg) = msg {
            errs.push(Error::new(first.pos, msg));
        }
    }
    report_unused(&rest, all & !allowed, errs);
    if let Taker::Func { name_pos, has_body } = taker {
        let present = all & allowed;
        if present & SYSTEMSTACK != 0 && present & NOSPLIT != 0 {
            errs.push(Error::new(*name_pos, "go:nosplit and go:systemstack cannot be combined"));
        }
        if *has_body && present & NOESCAPE != 0 {
            errs.push(Error::new(*name_pos, "can only use //go:noescape with external func implementations"));
        }
        // Stack growth cannot tell which uintptr arguments are pointers: such functions must not grow it.
        if *has_body && present & UINTPTR_KEEPALIVE != 0 && present & UINTPTR_ESCAPES == 0 && present & NOSPLIT == 0 {
            errs.push(Error::new(*name_pos, "go:uintptrkeepalive requires go:nosplit"));
        }
    }
}

// ---------------------------------------------------------------------------------------------------------
// Line directives.

/// Parses the text after `line ` of a line directive (`file:line`, `file:line:col`, `:line:col`), which
/// takes effect at file offset `at`; `text_pos` is where the text starts (for errors) and `prev_file` the
/// file name in effect before it. Returns `None` when the text is no line directive at all (no `:`), as gc
/// ignores such comments.
pub fn parse_line_directive(
    text: &str,
    at: u32,
    text_pos: Pos,
    prev_file: &str,
) -> Option<Result<LineDirective, Error>> {
    // gc's trailingDigits: the number after the last ':'.
    fn trailing(text: &str) -> Option<(usize, Option<u32>)> {
        let i = text.rfind(':')?;
        Some((i + 1, text[i + 1..].parse::<u32>().ok()))
    }
    let (i, n) = trailing(text)?;
    let bad_line =
        |t: &str, i: usize| Error::new(text_pos.offset(i as u32), format!("invalid line number: {}", &t[i..]));
    let Some(n) = n else {
        return Some(Err(bad_line(text, i)));
    };
    // Positions keep lines and columns below 2^30, as gc's PosMax.
    const POS_MAX: u32 = 1 << 30;
    let (mut i, mut line, mut col, mut rest) = (i, n, 0, text);
    let two = trailing(&text[..i - 1]);
    let has_col = matches!(two, Some((_, Some(_))));
    if let Some((i2, Some(n2))) = two {
        // file:line:col
        if n == 0 || n > POS_MAX {
            return Some(Err(Error::new(text_pos.offset(i as u32), format!("invalid column number: {}", &text[i..]))));
        }
        col = n;
        line = n2;
        rest = &text[..i - 1];
        i = i2;
    }
    if line == 0 || line > POS_MAX {
        return Some(Err(bad_line(rest, i)));
    }
    let mut file = rest[..i - 1].to_string();
    if file.is_empty() && has_col {
        file = prev_file.to_string();
    }
    Some(Ok(LineDirective { at, file, line, col }))
}

// ---------------------------------------------------------------------------------------------------------
// Package-wide checks.

/// The packages gc compiles as the runtime (cmd/go passes them `-+`): only they may use the directives
/// that control stacks and write barriers.
const RUNTIME_PACKAGES: [&str; 10] = [
    "internal/abi",
    "internal/bytealg",
    "internal/cpu",
    "internal/goarch",
    "internal/goos",
    "runtime",
    "runtime/internal/atomic",
    "runtime/internal/math",
    "runtime/internal/sys",
    "runtime/internal/syscall",
];

/// Whether `path` names a standard-library package (cmd/go's rule: no dot in the first path element),
/// as opposed to the program's own package (`main`, or the command line's files).
pub fn is_std_path(path: &str) -> bool {
    let first = path.split('/').next().unwrap_or(path);
    !first.contains('.') && path != "main" && path != "command-line-arguments"
}

/// The checks gc makes on a package's directives that depend on the package being compiled: directives
/// only the runtime may use, `//go:uintptrkeepalive` outside the standard library, `//go:cgo_*` directives
/// outside cgo-generated files (`_cgo_*.go`) of packages outside the standard library (then, in gc's order,
/// the `//go:cgo_*` usage messages), and the `//go:linkname` checks of [`check_linknames`].
pub fn check_package(path: &str, fset: &FileSet, files: &[&ast::File]) -> Vec<Error> {
    let runtime = RUNTIME_PACKAGES.contains(&path);
    let std = is_std_path(path);
    let runtime_only = SYSTEMSTACK | NOWRITEBARRIER | NOWRITEBARRIERREC | YESWRITEBARRIERREC;
    let mut errs = Vec::new();
    for f in files {
        let name = &fset.file(FileId(f.file_id)).name;
        let cgo_generated = name.rsplit('/').next().unwrap_or(name).starts_with("_cgo_");
        for d in file_directives(f) {
            let verb = verb(&d.text);
            if d.text.starts_with("go:cgo_") && !cgo_generated && !std {
                // cgo_import_dynamic naming a library is allowed everywhere (golang.org/x/sys needs it).
                let with_lib = verb == "go:cgo_import_dynamic" && pragma_fields(&d.text).len() >= 4;
                if !with_lib {
                    errs.push(Error::new(d.pos, format!("//{} only allowed in cgo-generated code", d.text)));
                }
            }
            // gc's `pragcgo`, which runs after the check above.
            if d.text.starts_with("go:cgo_") {
                if let Some(usage) = cgo_usage(&d.text) {
                    errs.push(Error::new(d.pos, usage));
                }
            }
            if !runtime && flag(verb) & runtime_only != 0 {
                errs.push(Error::new(d.pos, format!("//{verb} only allowed in runtime")));
            }
            if flag(verb) == UINTPTR_KEEPALIVE && !std {
                errs.push(Error::new(d.pos, format!("//{verb} is only allowed in the standard library")));
            }
        }
    }
    errs.extend(check_linknames(files));
    errs
}

/// `//go:embed` needs Go 1.16: the error for a package whose language version `lang` (major, minor) is older
/// (gc's noder reports it after the checks of `check_taken`, which the parser made, in files importing
/// `embed`).
pub fn check_embed_version(files: &[&ast::File], lang: (u32, u32)) -> Vec<Error> {
    let mut errs = Vec::new();
    if lang >= (1, 16) {
        return errs;
    }
    for f in files.iter().filter(|f| f.imports.iter().any(|i| i.path == "embed")) {
        for d in file_directives(f).into_iter().filter(|d| is_embed(&d.text)) {
            let msg =
                format!("go:embed requires go1.16 or later (-lang was set to go{}.{}; check go.mod)", lang.0, lang.1);
            errs.push(Error::new(d.pos, msg));
        }
    }
    errs
}

/// A file's directives in source order, wherever the parser attached them.
fn file_directives(f: &ast::File) -> Vec<&Directive> {
    let mut dirs: Vec<&Directive> = f.directives.iter().collect();
    for d in &f.decls {
        if let ast::Decl::Func(fd) = d {
            dirs.extend(fd.pragmas.iter());
        }
    }
    dirs.sort_by_key(|d| d.pos);
    dirs
}

/// The checks gc's noder makes on a package's `//go:linkname` directives once all its files are parsed
/// (`processPragmas`): the file must import `unsafe`, and a package-level function or variable may be
/// linknamed once (a directive naming anything else is ignored, as gc does before Go 1.18). `files` are
/// the package's files, in order.
pub fn check_linknames(files: &[&ast::File]) -> Vec<Error> {
    // Package-level functions (not methods) and variables.
    let mut declared: Vec<&str> = Vec::new();
    for f in files {
        for d in &f.decls {
            match d {
                ast::Decl::Func(fd) if fd.recv.is_none() => declared.push(&fd.name.name),
                ast::Decl::Gen(g) if g.kind == ast::GenKind::Var => {
                    for s in &g.specs {
                        if let ast::Spec::Value(v) = s {
                            declared.extend(v.names.iter().map(|n| &*n.name));
                        }
                    }
                }
                _ => {}
            }
        }
    }
    let mut errs = Vec::new();
    let mut linked: Vec<&str> = Vec::new();
    for f in files {
        let imports_unsafe = f.imports.iter().any(|i| i.path == "unsafe");
        for d in file_directives(f) {
            if !d.text.starts_with("go:linkname ") {
                continue;
            }
            let Some(local) = d.text.split_ascii_whitespace().nth(1) else { continue };
            if !imports_unsafe {
                errs.push(Error::new(d.pos, "//go:linkname only allowed in Go files that import \"unsafe\""));
            } else if !declared.contains(&local) {
                // gc reports "//go:linkname must refer to declared function or variable" from -lang=go1.18
                // on and ignores the directive before; g1c has no -lang flag yet and must keep compiling
                // older code such as fixedbugs/issue55889.go (x/sys before go.dev/cl/274573), so it ignores
                // the directive too.
                continue;
            } else if linked.contains(&local) {
                errs.push(Error::new(d.pos, format!("duplicate //go:linkname for {local}")));
            } else {
                linked.push(local);
            }
        }
    }
    errs
}

/// The symbols a package's two-argument `//go:linkname local target` directives give its names, as
/// (local, target) pairs in source order, from every file of the package (`files`): gc applies a directive
/// to the package-level name wherever in the package it stands. A one-argument directive renames nothing
/// and is not listed.
pub fn linkname_targets<'a>(files: &[&'a ast::File]) -> Vec<(&'a str, &'a str)> {
    let mut out = Vec::new();
    for f in files {
        for d in file_directives(f) {
            let mut words = d.text.split_ascii_whitespace();
            if words.next() != Some("go:linkname") {
                continue;
            }
            if let (Some(local), Some(target)) = (words.next(), words.next()) {
                out.push((local, target));
            }
        }
    }
    out
}
