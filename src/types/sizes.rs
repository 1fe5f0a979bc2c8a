//! Sizes, alignments and field offsets of types for a target (gc's `types.Sizes` for the gc compiler).
//!
//! In: a [`TypeTable`] and a word size. Out: layout facts used by the checker (`unsafe.Sizeof` and friends)
//! and by lowering. The only machine detail the checker sees.

use super::{TypeId, TypeTable};

#[derive(Clone, Copy, Debug)]
pub struct Sizes {
    /// Pointer and `int` size in bytes: 8 on amd64/arm64, 4 on 386/arm.
    pub word: u64,
    /// Maximum alignment (8 on 64-bit, 4 on 32-bit targets, as gc's `MaxAlign`).
    pub max_align: u64,
}

impl Sizes {
    pub const AMD64: Sizes = Sizes { word: 8, max_align: 8 };
}

/// Contract for lowering (implemented by the checker agent):
/// `size_of(&Sizes, &TypeTable, TypeId) -> u64`, `align_of(...) -> u64`,
/// `field_offsets(&Sizes, &TypeTable, struct TypeId) -> Vec<u64>` (for the underlying struct).
pub fn size_of(_s: &Sizes, _t: &TypeTable, _ty: TypeId) -> u64 {
    unimplemented!("types::sizes::size_of")
}
pub fn align_of(_s: &Sizes, _t: &TypeTable, _ty: TypeId) -> u64 {
    unimplemented!("types::sizes::align_of")
}
pub fn field_offsets(_s: &Sizes, _t: &TypeTable, _ty: TypeId) -> Vec<u64> {
    unimplemented!("types::sizes::field_offsets")
}
