//! The linker: compiled Go code (`object::Object`) + rt's static archive → executable. Contract for the
//! driver: `link(obj, rt_archive_bytes) -> Result<Vec<u8>, String>` (static ELF for linux/amd64).

pub mod object;

pub fn link(_obj: &object::Object, _rt_archive: &[u8]) -> Result<Vec<u8>, String> {
    Err("linker not implemented yet".into())
}
