//! Building the runtime archive: compiles `rt/` with rustc into a static archive per target, cached.
//! Contract for the driver: `runtime_archive(target_triple) -> Result<PathBuf, String>`.

use std::path::PathBuf;

pub fn runtime_archive(_target: &str) -> Result<PathBuf, String> {
    Err("runtime build not implemented yet".into())
}
