//! amd64 code generation. Contract for the driver:
//! `compile(module) -> Result<Object, String>` and `listing(module) -> Result<String, String>` (`dump asm`).

use crate::ir::Module;
use crate::link::object::Object;

pub fn compile(_m: &Module) -> Result<Object, String> {
    Err("amd64 code generation not implemented yet".into())
}

pub fn listing(_m: &Module) -> Result<String, String> {
    Err("amd64 code generation not implemented yet".into())
}
