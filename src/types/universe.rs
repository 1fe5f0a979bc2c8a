//! The universe block: predeclared types, constants, `nil` and built-in functions (Go spec "Predeclared
//! identifiers"), and package `unsafe`.

use super::BasicKind;

/// The `BasicKind` whose discriminant is `i` (the fixed `TypeId` order).
pub fn basic_kind_from_index(i: u32) -> BasicKind {
    use BasicKind::*;
    const ALL: [BasicKind; 26] = [
        Invalid,
        Bool,
        Int,
        Int8,
        Int16,
        Int32,
        Int64,
        Uint,
        Uint8,
        Uint16,
        Uint32,
        Uint64,
        Uintptr,
        Float32,
        Float64,
        Complex64,
        Complex128,
        String,
        UnsafePointer,
        UntypedBool,
        UntypedInt,
        UntypedRune,
        UntypedFloat,
        UntypedComplex,
        UntypedString,
        UntypedNil,
    ];
    ALL[i as usize]
}

/// Fills the universe scope (predeclared types, constants, `nil`, built-ins) and package `unsafe`'s scope.
pub(crate) fn populate(c: &mut super::check::Checker) {
    use super::{Builtin, FieldInfo, NamedType, ObjKind, Object, Signature, TypeId, TypeKind};
    use crate::syntax::pos::Pos;
    let u = c.universe;
    let add = |c: &mut super::check::Checker, scope: super::check::ScopeId, kind: ObjKind, name: &str, typ: TypeId| {
        let o = c.objs.add(Object { kind, name: name.into(), pos: Pos::NONE, typ, pkg: None, package_level: false });
        c.scopes[scope.0 as usize].names.insert(name.into(), o);
        o
    };
    for i in 1..=BasicKind::String as u32 {
        let k = basic_kind_from_index(i);
        add(c, u, ObjKind::TypeName, k.name(), TypeId(i));
    }
    add(c, u, ObjKind::TypeName, "byte", TypeId::UINT8);
    add(c, u, ObjKind::TypeName, "rune", TypeId::INT32);
    let empty = c.t.intern(TypeKind::Interface { methods: Vec::new(), embeddeds: Vec::new() });
    add(c, u, ObjKind::TypeName, "any", empty);
    // type error interface { Error() string }
    let err_obj = add(c, u, ObjKind::TypeName, "error", TypeId::INVALID);
    let sig =
        c.t.intern(TypeKind::Func(Signature { params: Vec::new(), results: vec![TypeId::STRING], variadic: false }));
    let iface = c.t.intern(TypeKind::Interface {
        methods: vec![FieldInfo { name: "Error".into(), typ: sig, embedded: false, tag: String::new(), pkg: None }],
        embeddeds: Vec::new(),
    });
    let err_t = c.t.add_unique(TypeKind::Named(Box::new(NamedType {
        obj: err_obj,
        underlying: iface,
        methods: Vec::new(),
        origin: None,
        targs: Vec::new(),
    })));
    c.objs.get_mut(err_obj).typ = err_t;
    c.error_t = err_t;
    let m = c.objs.add(Object {
        kind: ObjKind::Func { recv: None, has_body: false },
        name: "Error".into(),
        pos: Pos::NONE,
        typ: sig,
        pkg: None,
        package_level: false,
    });
    c.iface_method_objs.insert((iface, "Error".into()), m);
    // comparable: a named empty interface recognized by identity
    let cmp_obj = add(c, u, ObjKind::TypeName, "comparable", TypeId::INVALID);
    let cmp_iface = c.t.intern(TypeKind::Interface { methods: Vec::new(), embeddeds: Vec::new() });
    let cmp_t = c.t.add_unique(TypeKind::Named(Box::new(NamedType {
        obj: cmp_obj,
        underlying: cmp_iface,
        methods: Vec::new(),
        origin: None,
        targs: Vec::new(),
    })));
    c.objs.get_mut(cmp_obj).typ = cmp_t;
    c.comparable_t = cmp_t;
    add(c, u, ObjKind::Const(super::Value::Bool(true)), "true", TypeId::UNTYPED_BOOL);
    add(c, u, ObjKind::Const(super::Value::Bool(false)), "false", TypeId::UNTYPED_BOOL);
    add(c, u, ObjKind::Const(super::Value::int(0)), "iota", TypeId::UNTYPED_INT);
    add(c, u, ObjKind::Nil, "nil", TypeId::UNTYPED_NIL);
    use Builtin::*;
    for (b, n) in [
        (Append, "append"),
        (Cap, "cap"),
        (Close, "close"),
        (Complex, "complex"),
        (Copy, "copy"),
        (Delete, "delete"),
        (Imag, "imag"),
        (Len, "len"),
        (Make, "make"),
        (New, "new"),
        (Panic, "panic"),
        (Print, "print"),
        (Println, "println"),
        (Real, "real"),
        (Recover, "recover"),
    ] {
        add(c, u, ObjKind::Builtin(b), n, TypeId::INVALID);
    }
    let us = c.unsafe_scope;
    let up = add(c, us, ObjKind::TypeName, "Pointer", TypeId::UNSAFE_POINTER);
    c.objs.get_mut(up).pkg = Some(c.unsafe_pkg);
    for (b, n) in [(Alignof, "Alignof"), (Offsetof, "Offsetof"), (Sizeof, "Sizeof"), (Add, "Add"), (Slice, "Slice")] {
        let o = add(c, us, ObjKind::Builtin(b), n, TypeId::INVALID);
        c.objs.get_mut(o).pkg = Some(c.unsafe_pkg);
    }
}
