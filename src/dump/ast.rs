//! `g1c dump ast`.
use crate::syntax::ast::Ast;
use crate::syntax::pos::FileSet;
pub fn dump_ast(_fset: &FileSet, ast: &Ast) -> String {
    format!("{:#?}\n", ast.files)
}
