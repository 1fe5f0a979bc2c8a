//! `g1c dump types`.
use crate::syntax::ast::Ast;
use crate::syntax::pos::FileSet;
use crate::types::Program;
pub fn dump_types(_fset: &FileSet, _ast: &Ast, _prog: &Program) -> String {
    String::from("(not implemented yet)\n")
}
