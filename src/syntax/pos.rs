//! Source positions.
//!
//! In: source files as they are added to a [`FileSet`]. Out: compact [`Pos`] values (one `u32`) that every
//! later phase stores, and the `file:line:col` form gc prints, computed on demand.
//!
//! Line directives (`//line file:line[:col]` at the start of a line, `/*line file:line[:col]*/` anywhere),
//! recorded by the parser through [`FileSet::set_line_directives`], change what [`FileSet::position`] prints
//! for the text after them, as gc's position bases do: the line counts on from the directive's line, the
//! column is relative on the directive's own line and unknown (0, printed as `file:line`) when the directive
//! gives none. [`FileSet::physical`] ignores them.
//!
//! Invariants: each file occupies the half-open range `[base, base + len + 1)` of the global offset space, the
//! extra one so that the end-of-file position of every file is distinct; `Pos(0)` is "no position". Positions
//! of distinct source bytes are distinct, so a `Pos` can key a table (the checker keys identifiers by it).

use std::fmt;
use std::sync::OnceLock;

/// A global byte offset into a [`FileSet`]; `Pos::NONE` means unknown.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Default)]
pub struct Pos(pub u32);

impl Pos {
    pub const NONE: Pos = Pos(0);
    pub fn is_known(self) -> bool {
        self.0 != 0
    }
    /// The position `n` bytes further on in the same file.
    pub fn offset(self, n: u32) -> Pos {
        Pos(self.0 + n)
    }
}

/// Index of a file in its [`FileSet`].
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct FileId(pub u32);

/// One source file: its name as printed in messages and tables, its text and where its lines start.
pub struct SourceFile {
    /// The name shown in errors and tracebacks (already made machine-independent by the loader).
    pub name: String,
    /// The name compiled code records for tracebacks: machine-independent, like gc's `-trimpath` (a file of
    /// the main package given on the command line is `./name.go`).
    pub trace_name: String,
    /// The text; empty once the loader has parsed the file and called [`FileSet::release_source`].
    pub src: String,
    pub base: u32,
    /// Length of the text in bytes (kept when the text is released).
    len: u32,
    line_starts: Vec<u32>,
    /// The file's line directives in source order, once the parser has recorded them.
    line_directives: OnceLock<Box<[LineDirective]>>,
}

/// A `//line` or `/*line*/` directive: from byte offset `at` of its file on (the start of the next line for
/// `//line`, just after the comment for `/*line*/`), positions print as `file:line:col` counted from here.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct LineDirective {
    pub at: u32,
    pub file: String,
    /// The line of offset `at`, at least 1.
    pub line: u32,
    /// The column of offset `at`; 0 when the directive gives none (columns are then unknown).
    pub col: u32,
}

/// A resolved position, as printed: 1-based line, 1-based column in bytes (gc counts bytes, not runes);
/// column 0 means unknown (after a line directive without one) and is not printed.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Position<'a> {
    pub file: &'a str,
    pub line: u32,
    pub col: u32,
}

impl fmt::Display for Position<'_> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        if self.col == 0 {
            write!(f, "{}:{}", self.file, self.line)
        } else {
            write!(f, "{}:{}:{}", self.file, self.line, self.col)
        }
    }
}

/// All source files of one compilation.
#[derive(Default)]
pub struct FileSet {
    files: Vec<SourceFile>,
    next_base: u32,
}

impl FileSet {
    pub fn new() -> FileSet {
        FileSet { files: Vec::new(), next_base: 1 }
    }

    /// Adds a file and returns its id; its first byte has position `self.file(id).base`.
    pub fn add(&mut self, name: String, src: String) -> FileId {
        if self.next_base == 0 {
            self.next_base = 1;
        }
        let base = self.next_base;
        // Sized exactly: the tables of every file of the program stay in memory for error messages.
        let mut line_starts = Vec::with_capacity(1 + src.bytes().filter(|&b| b == b'\n').count());
        line_starts.push(0u32);
        for (i, b) in src.bytes().enumerate() {
            if b == b'\n' {
                line_starts.push(i as u32 + 1);
            }
        }
        self.next_base = base + src.len() as u32 + 1;
        let base_name = name.rsplit('/').next().unwrap_or(&name);
        let trace_name = format!("./{base_name}");
        let len = src.len() as u32;
        let line_directives = OnceLock::new();
        self.files.push(SourceFile { name, trace_name, src, base, len, line_starts, line_directives });
        FileId(self.files.len() as u32 - 1)
    }

    /// Frees file `id`'s text once it is parsed: positions need only the line table (keeping every file's
    /// text would cost as much memory as the text of the whole program, 14 MB for std).
    pub fn release_source(&mut self, id: FileId) {
        self.files[id.0 as usize].src = String::new();
    }

    pub fn set_trace_name(&mut self, id: FileId, trace_name: String) {
        self.files[id.0 as usize].trace_name = trace_name;
    }

    pub fn file(&self, id: FileId) -> &SourceFile {
        &self.files[id.0 as usize]
    }

    pub fn files(&self) -> impl Iterator<Item = (FileId, &SourceFile)> {
        self.files.iter().enumerate().map(|(i, f)| (FileId(i as u32), f))
    }

    /// The file that contains `pos`, if any.
    pub fn file_of(&self, pos: Pos) -> Option<FileId> {
        if !pos.is_known() {
            return None;
        }
        let i = self.files.partition_point(|f| f.base <= pos.0);
        if i == 0 {
            return None;
        }
        let f = &self.files[i - 1];
        if pos.0 <= f.base + f.len {
            Some(FileId(i as u32 - 1))
        } else {
            None
        }
    }

    /// Records file `id`'s line directives (sorted by `at`); the parser calls this once per file.
    pub fn set_line_directives(&self, id: FileId, dirs: Vec<LineDirective>) {
        if !dirs.is_empty() {
            let _ = self.files[id.0 as usize].line_directives.set(dirs.into_boxed_slice());
        }
    }

    /// Line and column of `pos` in the file as stored, ignoring line directives; `None` for `Pos::NONE`.
    pub fn physical(&self, pos: Pos) -> Option<Position<'_>> {
        let id = self.file_of(pos)?;
        let f = self.file(id);
        let (line, col) = f.line_col(pos.0 - f.base);
        Some(Position { file: &f.name, line, col })
    }

    /// The position of `pos` as gc prints it: physical, or relative to the last line directive before it.
    pub fn position(&self, pos: Pos) -> Option<Position<'_>> {
        let id = self.file_of(pos)?;
        let f = self.file(id);
        let off = pos.0 - f.base;
        let (line, col) = f.line_col(off);
        let dirs = f.line_directives.get().map(|d| &d[..]).unwrap_or(&[]);
        let i = dirs.partition_point(|d| d.at <= off);
        if i == 0 {
            return Some(Position { file: &f.name, line, col });
        }
        let d = &dirs[i - 1];
        let (dline, dcol) = f.line_col(d.at);
        let rel_line = d.line + (line - dline);
        let rel_col = if d.col == 0 {
            0
        } else if line == dline {
            d.col + (col - dcol)
        } else {
            col
        };
        Some(Position { file: &d.file, line: rel_line, col: rel_col })
    }

    /// The file and line compiled code records for `pos` (tracebacks, `runtime.Caller`): the file's trace
    /// name, or after a line directive the directive's file as written (gc records it without making it
    /// absolute), `??` when the directive names none (gc's `objabi.AbsFile` of an empty name).
    pub fn trace_position(&self, pos: Pos) -> Option<(&str, u32)> {
        let id = self.file_of(pos)?;
        let f = self.file(id);
        let p = self.position(pos)?;
        let directed = f.line_directives.get().is_some_and(|d| d.first().is_some_and(|d| d.at <= pos.0 - f.base));
        let file = if !directed {
            f.trace_name.as_str()
        } else if p.file.is_empty() {
            "??"
        } else {
            p.file
        };
        Some((file, p.line))
    }

    /// Physical line of `pos`, 0 when unknown.
    pub fn physical_line(&self, pos: Pos) -> u32 {
        self.physical(pos).map(|p| p.line).unwrap_or(0)
    }

    /// Line of `pos` (after line directives), 0 when unknown; what tracebacks print.
    pub fn line(&self, pos: Pos) -> u32 {
        self.position(pos).map(|p| p.line).unwrap_or(0)
    }
}

impl SourceFile {
    /// 1-based line and column of file offset `off`.
    fn line_col(&self, off: u32) -> (u32, u32) {
        let line = self.line_starts.partition_point(|&s| s <= off);
        (line as u32, off - self.line_starts[line - 1] + 1)
    }
}

thread_local! {
    static CURRENT: std::cell::Cell<Pos> = const { std::cell::Cell::new(Pos::NONE) };
}

/// Records the position a phase is working on, so that an internal compiler error (a Rust panic) can be
/// reported at a source position. Phases call it per declaration or statement; it costs one store.
pub fn set_current(pos: Pos) {
    CURRENT.with(|c| c.set(pos));
}

/// The position last recorded with [`set_current`].
pub fn current() -> Pos {
    CURRENT.with(|c| c.get())
}

/// A compile error, printed by the driver as `file:line:col: message`.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Error {
    pub pos: Pos,
    pub msg: String,
}

impl Error {
    pub fn new(pos: Pos, msg: impl Into<String>) -> Error {
        Error { pos, msg: msg.into() }
    }

    /// `file:line:col: message`, as gc prints it.
    pub fn render(&self, fset: &FileSet) -> String {
        match fset.position(self.pos) {
            Some(p) => format!("{}: {}", p, self.msg),
            None => self.msg.clone(),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn positions_resolve_per_file() {
        let mut fs = FileSet::new();
        let a = fs.add("a.go".into(), "package a\nvar x\n".into());
        let b = fs.add("b.go".into(), "package b\n".into());
        let pa = Pos(fs.file(a).base + 11);
        assert_eq!(fs.position(pa).unwrap().to_string(), "a.go:2:2");
        let pb = Pos(fs.file(b).base);
        assert_eq!(fs.position(pb).unwrap().to_string(), "b.go:1:1");
        assert!(fs.position(Pos::NONE).is_none());
    }
}
