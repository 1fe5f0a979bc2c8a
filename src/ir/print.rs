//! The IR's text form (docs/IR.md): what `g1c dump ir` prints.

use super::Module;

pub fn print_module(m: &Module) -> String {
    format!("{m:#?}")
}
