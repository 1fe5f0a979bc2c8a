//! `g1c dump tokens`.
use crate::syntax::pos::{FileId, FileSet};
pub fn dump_tokens(_fset: &FileSet, _file: FileId) -> String {
    String::from("(not implemented yet)\n")
}
