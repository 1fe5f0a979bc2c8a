//! `g1c dump tokens`: the scanner's view of a file, one token per line: `line:col  KIND  text`.
//!
//! KIND is gc's token class (`name`, `literal`, `op`, `op=`, `opop`, punctuation, keywords), with the kind
//! of a literal in parentheses; an automatically inserted semicolon shows as `;  newline` (or `EOF`), a
//! written one as `;  semicolon`. Lexical errors follow the tokens, one per line.

use crate::syntax::pos::{FileId, FileSet};
use crate::syntax::scanner::scan_file;
use crate::syntax::token::{lit_kind_name, Tok};

pub fn dump_tokens(fset: &FileSet, file: FileId) -> String {
    let (toks, errs) = scan_file(fset, file);
    let mut out = String::new();
    for t in &toks {
        let at = match fset.position(t.pos) {
            Some(p) => format!("{}:{}", p.line, p.col),
            None => "?".to_string(),
        };
        let kind = match (t.tok, t.kind) {
            (Tok::Literal, Some(k)) => format!("literal({})", lit_kind_name(k)),
            (tok, _) => tok.as_str().to_string(),
        };
        out.push_str(&format!("{at:<8} {kind:<16} {}\n", t.text).trim_end().to_string());
        out.push('\n');
    }
    for e in &errs {
        out.push_str(&format!("error: {}\n", e.render(fset)));
    }
    out
}
