//! The universe block: predeclared types, constants, `nil` and built-in functions (Go spec "Predeclared
//! identifiers"), and package `unsafe`.

use super::BasicKind;

/// The `BasicKind` whose discriminant is `i` (the fixed `TypeId` order).
pub fn basic_kind_from_index(i: u32) -> BasicKind {
    use BasicKind::*;
    const ALL: [BasicKind; 26] = [
        Invalid, Bool, Int, Int8, Int16, Int32, Int64, Uint, Uint8, Uint16, Uint32, Uint64, Uintptr, Float32,
        Float64, Complex64, Complex128, String, UnsafePointer, UntypedBool, UntypedInt, UntypedRune, UntypedFloat,
        UntypedComplex, UntypedString, UntypedNil,
    ];
    ALL[i as usize]
}

/// The name gc prints for a basic type (`untyped int`, `unsafe.Pointer`, ...).
pub fn basic_name(k: BasicKind) -> &'static str {
    use BasicKind::*;
    match k {
        Invalid => "invalid type",
        Bool => "bool",
        Int => "int",
        Int8 => "int8",
        Int16 => "int16",
        Int32 => "int32",
        Int64 => "int64",
        Uint => "uint",
        Uint8 => "uint8",
        Uint16 => "uint16",
        Uint32 => "uint32",
        Uint64 => "uint64",
        Uintptr => "uintptr",
        Float32 => "float32",
        Float64 => "float64",
        Complex64 => "complex64",
        Complex128 => "complex128",
        String => "string",
        UnsafePointer => "unsafe.Pointer",
        UntypedBool => "untyped bool",
        UntypedInt => "untyped int",
        UntypedRune => "untyped rune",
        UntypedFloat => "untyped float",
        UntypedComplex => "untyped complex",
        UntypedString => "untyped string",
        UntypedNil => "untyped nil",
    }
}
