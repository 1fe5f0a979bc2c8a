//! Syntax: source text → tokens → AST (Go spec "Lexical elements" and the grammar).
//!
//! `pos` (positions and errors), `token` (token kinds), `scanner` (text → tokens, automatic semicolons),
//! `directive` (`//go:` and `//line` directives: their checks), `name` (interned identifiers), `ast` (the
//! tree), `parser` (tokens → tree, recursive descent, one function per production).

pub mod ast;
pub mod directive;
pub mod name;
pub mod parser;
pub mod pos;
pub mod scanner;
pub mod token;
