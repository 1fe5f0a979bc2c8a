//! Lowering: checked AST → IR. Contract for the driver:
//! `lower(fset, ast, prog) -> Result<ir::Module, Vec<Error>>`.

use super::Module;
use crate::syntax::ast::Ast;
use crate::syntax::pos::{Error, FileSet};
use crate::types::Program;

pub fn lower(_fset: &FileSet, _ast: &Ast, _prog: &Program) -> Result<Module, Vec<Error>> {
    Err(vec![Error::new(crate::syntax::pos::Pos::NONE, "lowering not implemented yet")])
}
