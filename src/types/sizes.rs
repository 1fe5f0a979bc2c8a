//! Sizes, alignments and field offsets of types for a target (gc's layout rules, `cmd/compile/internal/types`
//! `CalcSize`, which `go/types`' `gcSizes` mirrors).
//!
//! In: a [`TypeTable`] and a target's [`Sizes`] (`crate::target::Target::sizes`). Out: layout facts used by the checker (`unsafe.Sizeof` and
//! friends) and by lowering. The only machine detail the checker sees.
//!
//! Rules: a basic type's alignment is its size, capped at `max_align` (complex types align as their halves);
//! string = 2 words, slice = 3 words, interface = 2 words, pointer/map/chan/func = 1 word; an array has its
//! element's alignment and `len * size`; struct fields are placed at increasing offsets rounded up to their
//! alignment, and a struct that ends in a zero-size field after a non-empty prefix gets one byte of padding
//! so that a pointer to that field never points past the object (as gc does); the struct size is rounded up
//! to the struct's alignment. Invalid types and type parameters get size 0 and alignment 1 (errors were
//! reported by the checker).

use super::{BasicKind, TypeId, TypeKind, TypeTable};

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Sizes {
    /// Pointer and `int` size in bytes: 8 on amd64/arm64, 4 on 386/arm.
    pub word: u64,
    /// Maximum alignment (8 on 64-bit, 4 on 32-bit targets, as gc's `MaxAlign`).
    pub max_align: u64,
}

fn basic_size(s: &Sizes, b: BasicKind) -> u64 {
    use BasicKind::*;
    match b {
        Bool | Int8 | Uint8 => 1,
        Int16 | Uint16 => 2,
        Int32 | Uint32 | Float32 => 4,
        Int64 | Uint64 | Float64 | Complex64 => 8,
        Complex128 => 16,
        Int | Uint | Uintptr | UnsafePointer => s.word,
        String | UntypedString => 2 * s.word,
        // Untyped kinds only reach here after an error; give them their default type's size.
        UntypedBool => 1,
        UntypedInt => s.word,
        UntypedRune => 4,
        UntypedFloat => 8,
        UntypedComplex => 16,
        UntypedNil => s.word,
        Invalid => 0,
    }
}

/// Size of a value of type `ty` in bytes.
pub fn size_of(s: &Sizes, t: &TypeTable, ty: TypeId) -> u64 {
    size_in(s, t, ty, &mut Vec::new())
}

/// Alignment of a value of type `ty` in bytes (at least 1).
pub fn align_of(s: &Sizes, t: &TypeTable, ty: TypeId) -> u64 {
    align_in(s, t, ty, &mut Vec::new())
}

// The walks below keep the named types they are inside on `outer`: a named type found inside itself (an
// invalid recursive type, which the checker reports, possibly only after a constant needed its size) gets
// size 0 and alignment 1 instead of an endless recursion.

fn size_in(s: &Sizes, t: &TypeTable, ty: TypeId, outer: &mut Vec<TypeId>) -> u64 {
    if let TypeKind::Named(n) = t.kind(ty) {
        if outer.contains(&ty) {
            return 0;
        }
        outer.push(ty);
        let size = size_in(s, t, n.underlying, outer);
        outer.pop();
        return size;
    }
    match t.kind(ty) {
        TypeKind::Basic(b) => basic_size(s, *b),
        TypeKind::Pointer(_) | TypeKind::Map { .. } | TypeKind::Chan { .. } | TypeKind::Func(_) => s.word,
        TypeKind::Slice(_) => 3 * s.word,
        TypeKind::Interface { .. } => 2 * s.word,
        TypeKind::Array { len, elem } => len.saturating_mul(size_in(s, t, *elem, outer)),
        TypeKind::Struct { fields } => {
            let types: Vec<TypeId> = fields.iter().map(|f| f.typ).collect();
            struct_layout(s, t, &types, outer).1
        }
        TypeKind::Union(_) | TypeKind::Tuple(_) | TypeKind::Named(_) | TypeKind::TypeParam { .. } => 0,
    }
}

fn align_in(s: &Sizes, t: &TypeTable, ty: TypeId, outer: &mut Vec<TypeId>) -> u64 {
    if let TypeKind::Named(n) = t.kind(ty) {
        if outer.contains(&ty) {
            return 1;
        }
        outer.push(ty);
        let align = align_in(s, t, n.underlying, outer);
        outer.pop();
        return align;
    }
    let a = match t.kind(ty) {
        TypeKind::Basic(BasicKind::Complex64) => 4,
        TypeKind::Basic(BasicKind::Complex128) => 8,
        TypeKind::Basic(BasicKind::String) => s.word,
        TypeKind::Basic(b) => basic_size(s, *b),
        TypeKind::Pointer(_)
        | TypeKind::Map { .. }
        | TypeKind::Chan { .. }
        | TypeKind::Func(_)
        | TypeKind::Slice(_)
        | TypeKind::Interface { .. } => s.word,
        TypeKind::Array { elem, .. } => align_in(s, t, *elem, outer),
        TypeKind::Struct { fields } => fields.iter().map(|f| align_in(s, t, f.typ, outer)).max().unwrap_or(1),
        TypeKind::Union(_) | TypeKind::Tuple(_) | TypeKind::Named(_) | TypeKind::TypeParam { .. } => 1,
    };
    a.clamp(1, s.max_align)
}

fn round_up(x: u64, a: u64) -> u64 {
    x.div_ceil(a) * a
}

/// Offsets and total size of a struct with the given field types.
fn struct_layout(s: &Sizes, t: &TypeTable, fields: &[TypeId], outer: &mut Vec<TypeId>) -> (Vec<u64>, u64) {
    let mut offs = Vec::with_capacity(fields.len());
    let mut off = 0u64;
    let mut align = 1u64;
    let mut last_zero = false;
    for &f in fields {
        let a = align_in(s, t, f, outer);
        align = align.max(a);
        off = round_up(off, a);
        offs.push(off);
        let sz = size_in(s, t, f, outer);
        off = off.saturating_add(sz);
        last_zero = sz == 0;
    }
    if last_zero && off > 0 {
        off += 1;
    }
    (offs, round_up(off, align))
}

/// Byte offsets of the fields of struct type `ty` (its underlying struct), in declaration order.
pub fn field_offsets(s: &Sizes, t: &TypeTable, ty: TypeId) -> Vec<u64> {
    match t.under(ty) {
        TypeKind::Struct { fields } => {
            let types: Vec<TypeId> = fields.iter().map(|f| f.typ).collect();
            struct_layout(s, t, &types, &mut vec![ty]).0
        }
        _ => Vec::new(),
    }
}
