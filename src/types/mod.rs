//! Types, objects and the facts the checker records about a program.
//!
//! In: the [`Ast`](crate::syntax::ast::Ast) of a package (and, later, its imports). Out: a [`Program`]-wide
//! [`TypeTable`], an [`Object`] arena, and [`Info`], which tells every later phase the type (and constant
//! value) of each expression, which object each identifier denotes, and how each selector resolves.
//!
//! This file is the contract between the checker (`check.rs` and friends) and lowering (`ir/lower.rs`):
//! lowering reads only what is declared here and the queries of `query.rs` (method sets, gc's type strings
//! for descriptors), never the checker's internals.
//!
//! Invariants:
//! - Types are interned: two composite types are identical (Go spec "Type identity") iff their `TypeId`s are
//!   equal. Named types and type parameters are never interned (each declaration is its own type).
//! - The basic types occupy the first ids, in [`BasicKind`] order, so `TypeId::INT` etc. are constants.
//! - `Info` maps are complete for checked code: every expression has an entry in `Info::types` (type
//!   expressions too, with mode `TypeExpr`), every identifier has an entry in `defs` or `uses` (keyed by its
//!   unique `Pos`), except the package name in the package clause.

pub mod check;
pub mod constant;
pub mod fxhash;
pub mod query;
pub mod sizes;
pub mod universe;

use fxhash::HashMap;

use crate::syntax::ast::{ChanDir, ExprId, Name};
use crate::syntax::pos::Pos;
pub use constant::Value;

/// Index into [`TypeTable`].
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct TypeId(pub u32);

/// Index into the object arena [`Objects`].
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct ObjId(pub u32);

/// Index into the package list of a [`Program`].
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct PkgId(pub u32);

/// The predeclared basic types and the untyped kinds, in the order of their fixed `TypeId`s.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
#[repr(u32)]
pub enum BasicKind {
    Invalid = 0,
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
}

impl BasicKind {
    /// The name gc prints for a basic type (`untyped int`, `unsafe.Pointer`, ...).
    pub fn name(self) -> &'static str {
        use BasicKind::*;
        match self {
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

    /// The kind of an untyped constant's default type (Go spec "Constants"); any other kind is its own.
    pub fn default_kind(self) -> BasicKind {
        use BasicKind::*;
        match self {
            UntypedBool => Bool,
            UntypedInt => Int,
            UntypedRune => Int32,
            UntypedFloat => Float64,
            UntypedComplex => Complex128,
            UntypedString => String,
            k => k,
        }
    }

    /// gc's name of the type in type descriptors and symbols: an untyped constant's default type's name
    /// (what `print` of a constant shows), `nil` for untyped nil.
    pub fn descriptor_name(self) -> &'static str {
        match self {
            BasicKind::UntypedNil => "nil",
            k => k.default_kind().name(),
        }
    }
}

/// Number of basic kinds, i.e. the first non-basic `TypeId`.
pub const NUM_BASIC: u32 = BasicKind::UntypedNil as u32 + 1;

impl TypeId {
    pub const INVALID: TypeId = TypeId(BasicKind::Invalid as u32);
    pub const BOOL: TypeId = TypeId(BasicKind::Bool as u32);
    pub const INT: TypeId = TypeId(BasicKind::Int as u32);
    pub const INT8: TypeId = TypeId(BasicKind::Int8 as u32);
    pub const INT16: TypeId = TypeId(BasicKind::Int16 as u32);
    pub const INT32: TypeId = TypeId(BasicKind::Int32 as u32);
    pub const INT64: TypeId = TypeId(BasicKind::Int64 as u32);
    pub const UINT: TypeId = TypeId(BasicKind::Uint as u32);
    pub const UINT8: TypeId = TypeId(BasicKind::Uint8 as u32);
    pub const UINT16: TypeId = TypeId(BasicKind::Uint16 as u32);
    pub const UINT32: TypeId = TypeId(BasicKind::Uint32 as u32);
    pub const UINT64: TypeId = TypeId(BasicKind::Uint64 as u32);
    pub const UINTPTR: TypeId = TypeId(BasicKind::Uintptr as u32);
    pub const FLOAT32: TypeId = TypeId(BasicKind::Float32 as u32);
    pub const FLOAT64: TypeId = TypeId(BasicKind::Float64 as u32);
    pub const COMPLEX64: TypeId = TypeId(BasicKind::Complex64 as u32);
    pub const COMPLEX128: TypeId = TypeId(BasicKind::Complex128 as u32);
    pub const STRING: TypeId = TypeId(BasicKind::String as u32);
    pub const UNSAFE_POINTER: TypeId = TypeId(BasicKind::UnsafePointer as u32);
    pub const UNTYPED_BOOL: TypeId = TypeId(BasicKind::UntypedBool as u32);
    pub const UNTYPED_INT: TypeId = TypeId(BasicKind::UntypedInt as u32);
    pub const UNTYPED_RUNE: TypeId = TypeId(BasicKind::UntypedRune as u32);
    pub const UNTYPED_FLOAT: TypeId = TypeId(BasicKind::UntypedFloat as u32);
    pub const UNTYPED_COMPLEX: TypeId = TypeId(BasicKind::UntypedComplex as u32);
    pub const UNTYPED_STRING: TypeId = TypeId(BasicKind::UntypedString as u32);
    pub const UNTYPED_NIL: TypeId = TypeId(BasicKind::UntypedNil as u32);
}

/// A struct field or an interface method, as part of a type's structure.
#[derive(Clone, Debug, PartialEq, Eq, Hash)]
pub struct FieldInfo {
    pub name: Name,
    pub typ: TypeId,
    /// An embedded field (`name` is then the type's name).
    pub embedded: bool,
    /// Raw tag text, unquoted (empty when none).
    pub tag: String,
    /// The package of an unexported field or method name (names from different packages differ).
    pub pkg: Option<PkgId>,
}

/// A function signature. Parameter names are not part of the type; see the function's objects for them.
#[derive(Clone, Debug, PartialEq, Eq, Hash)]
pub struct Signature {
    pub params: Vec<TypeId>,
    pub results: Vec<TypeId>,
    /// The last parameter is `...T`; its type in `params` is then `[]T`.
    pub variadic: bool,
}

/// The structure of a type.
#[derive(Clone, Debug, PartialEq, Eq, Hash)]
pub enum TypeKind {
    Basic(BasicKind),
    Pointer(TypeId),
    Slice(TypeId),
    Array {
        len: u64,
        elem: TypeId,
    },
    Map {
        key: TypeId,
        value: TypeId,
    },
    Chan {
        dir: ChanDir,
        elem: TypeId,
    },
    Struct {
        fields: Vec<FieldInfo>,
    },
    /// A function type; methods' signatures do not include the receiver.
    Func(Signature),
    /// Explicit methods (sorted by name, then package, for identity) and embedded elements (interfaces or
    /// union terms) in source order; see `check` for the computed type set.
    Interface {
        methods: Vec<FieldInfo>,
        embeddeds: Vec<TypeId>,
    },
    /// A union of terms `~A | B` inside a constraint; `(tilde, type)` pairs.
    Union(Vec<(bool, TypeId)>),
    /// The type of a multi-valued expression (call results); never the type of a variable.
    Tuple(Vec<TypeId>),
    /// A defined type. `underlying` is filled in when its declaration is checked (it is never itself a
    /// `Named`); `methods` lists the declared methods (`Func` objects) in source order. `targs` is non-empty
    /// for an instance of a generic type, whose `origin` is the generic `Named`.
    Named(Box<NamedType>),
    /// A type parameter: its declaring `TypeName` object, index, and constraint (an interface type).
    TypeParam {
        obj: ObjId,
        index: u32,
        constraint: TypeId,
    },
}

#[derive(Clone, Debug, PartialEq, Eq, Hash)]
pub struct NamedType {
    pub obj: ObjId,
    pub underlying: TypeId,
    pub methods: Vec<ObjId>,
    pub origin: Option<TypeId>,
    pub targs: Vec<TypeId>,
}

/// Every type of the program. Composite structural types are interned; `Named` and `TypeParam` are not.
/// Lowering clones the table to add the instances of generic types it monomorphizes (`ir/lower/generic.rs`).
#[derive(Clone)]
pub struct TypeTable {
    kinds: Vec<TypeKind>,
    intern: HashMap<TypeKind, TypeId>,
}

impl Default for TypeTable {
    fn default() -> Self {
        Self::new()
    }
}

impl TypeTable {
    /// A table holding exactly the basic types, at their fixed ids.
    pub fn new() -> TypeTable {
        let mut t = TypeTable { kinds: Vec::new(), intern: HashMap::default() };
        for i in 0..NUM_BASIC {
            let k = TypeKind::Basic(universe::basic_kind_from_index(i));
            t.kinds.push(k.clone());
            t.intern.insert(k, TypeId(i));
        }
        t
    }

    pub fn kind(&self, t: TypeId) -> &TypeKind {
        &self.kinds[t.0 as usize]
    }

    pub fn len(&self) -> usize {
        self.kinds.len()
    }

    pub fn is_empty(&self) -> bool {
        self.kinds.is_empty()
    }

    /// Returns the id of the structural type `k`, creating it if new. Panics on `Named`/`TypeParam`.
    pub fn intern(&mut self, k: TypeKind) -> TypeId {
        assert!(!matches!(k, TypeKind::Named(_) | TypeKind::TypeParam { .. }), "named types are not interned");
        if let Some(&id) = self.intern.get(&k) {
            return id;
        }
        let id = TypeId(self.kinds.len() as u32);
        self.kinds.push(k.clone());
        self.intern.insert(k, id);
        id
    }

    /// The id of the structural type `k` if the table has it (nothing is created).
    pub fn lookup(&self, k: &TypeKind) -> Option<TypeId> {
        self.intern.get(k).copied()
    }

    /// Adds a fresh, distinct type (a `Named` or `TypeParam`).
    pub fn add_unique(&mut self, k: TypeKind) -> TypeId {
        let id = TypeId(self.kinds.len() as u32);
        self.kinds.push(k);
        id
    }

    /// Replaces a unique (`Named`/`TypeParam`) type's structure, e.g. to set a type parameter's constraint
    /// once it has been checked.
    pub fn set_unique(&mut self, t: TypeId, k: TypeKind) {
        assert!(matches!(k, TypeKind::Named(_) | TypeKind::TypeParam { .. }));
        self.kinds[t.0 as usize] = k;
    }

    /// Mutable access for completing a `Named` type (setting `underlying`, adding methods).
    pub fn named_mut(&mut self, t: TypeId) -> &mut NamedType {
        match &mut self.kinds[t.0 as usize] {
            TypeKind::Named(n) => n,
            k => panic!("named_mut on {k:?}"),
        }
    }

    pub fn pointer(&mut self, elem: TypeId) -> TypeId {
        self.intern(TypeKind::Pointer(elem))
    }
    pub fn slice(&mut self, elem: TypeId) -> TypeId {
        self.intern(TypeKind::Slice(elem))
    }
    pub fn array(&mut self, len: u64, elem: TypeId) -> TypeId {
        self.intern(TypeKind::Array { len, elem })
    }
    pub fn tuple(&mut self, elems: Vec<TypeId>) -> TypeId {
        self.intern(TypeKind::Tuple(elems))
    }

    /// The underlying type (Go spec "Underlying types"): follows `Named` to its underlying type.
    pub fn underlying(&self, t: TypeId) -> TypeId {
        match self.kind(t) {
            TypeKind::Named(n) => n.underlying,
            _ => t,
        }
    }

    /// The structure of the underlying type.
    pub fn under(&self, t: TypeId) -> &TypeKind {
        self.kind(self.underlying(t))
    }

    pub fn is_named(&self, t: TypeId) -> bool {
        matches!(self.kind(t), TypeKind::Named(_))
    }

    /// The basic kind of `t`'s underlying type, if it is basic.
    pub fn basic(&self, t: TypeId) -> Option<BasicKind> {
        match self.under(t) {
            TypeKind::Basic(b) => Some(*b),
            _ => None,
        }
    }
}

/// What kind of thing an object is.
#[derive(Clone, Debug, PartialEq)]
pub enum ObjKind {
    /// A variable: local, package-level, parameter, result, or struct field.
    Var(VarInfo),
    Const(Value),
    /// A type name; its type is the declared (`Named`, alias target, or `TypeParam`) type.
    TypeName,
    /// A function or method. `recv` is set for methods (the receiver's base `Named` type).
    Func {
        recv: Option<TypeId>,
        has_body: bool,
    },
    Builtin(Builtin),
    /// An imported package name.
    PkgName(PkgId),
    Label,
    /// The predeclared `nil`.
    Nil,
}

#[derive(Clone, Debug, PartialEq, Eq, Default)]
pub struct VarInfo {
    /// Declared at package level.
    pub global: bool,
    pub param: bool,
    pub result: bool,
    pub receiver: bool,
    pub field: bool,
    pub embedded: bool,
    /// A variable whose address is taken with `&`, or that is captured by a function literal, or that is an
    /// addressable operand of a method call with pointer receiver: lowering must give it memory.
    pub address_taken: bool,
    pub captured: bool,
    pub used: bool,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Builtin {
    Append,
    Cap,
    Clear,
    Close,
    Complex,
    Copy,
    Delete,
    Imag,
    Len,
    Make,
    New,
    Panic,
    Print,
    Println,
    Real,
    Recover,
    // package unsafe
    Alignof,
    Offsetof,
    Sizeof,
    Add,
    Slice,
}

#[derive(Clone, Debug)]
pub struct Object {
    pub kind: ObjKind,
    pub name: Name,
    /// Declaration position; `Pos::NONE` for predeclared objects.
    pub pos: Pos,
    pub typ: TypeId,
    /// The package that declares it; `None` for the universe.
    pub pkg: Option<PkgId>,
    /// For locals: the function literal or declaration it belongs to is implied by scope; lowering numbers
    /// locals itself. For package-level objects: true.
    pub package_level: bool,
}

/// The object arena.
#[derive(Default)]
pub struct Objects {
    pub objs: Vec<Object>,
}

impl Objects {
    pub fn add(&mut self, o: Object) -> ObjId {
        self.objs.push(o);
        ObjId(self.objs.len() as u32 - 1)
    }
    pub fn get(&self, id: ObjId) -> &Object {
        &self.objs[id.0 as usize]
    }
    pub fn get_mut(&mut self, id: ObjId) -> &mut Object {
        &mut self.objs[id.0 as usize]
    }
}

/// How an expression may be used (go/types' operand modes).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Mode {
    /// A call of a function without results.
    NoValue,
    /// A built-in function name (only valid as the callee of a call).
    Builtin,
    /// A type expression.
    TypeExpr,
    /// A constant; `TypeAndValue::value` holds it.
    Constant,
    /// An addressable variable.
    Variable,
    /// A map index expression (assignable, not addressable).
    MapIndex,
    /// A computed value.
    Value,
    /// A value that may be used in a comma-ok assignment (map index, type assertion, receive).
    CommaOk,
}

/// The checker's verdict on one expression.
#[derive(Clone, Debug)]
pub struct TypeAndValue {
    pub mode: Mode,
    /// The expression's type. For an untyped constant that was converted by context (e.g. `var x int8 = 1`),
    /// this is the final, typed type, as in go/types after `updateExprType`.
    pub typ: TypeId,
    /// The value, when `mode == Constant`.
    pub value: Option<Value>,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum SelectionKind {
    /// `x.f`, a struct field.
    FieldVal,
    /// `x.m`, a method value (or a method call's callee).
    MethodVal,
    /// `T.m` / `(*T).m`, a method expression.
    MethodExpr,
}

/// How a selector `x.sel` resolves, as go/types' `Selection`.
#[derive(Clone, Debug)]
pub struct Selection {
    pub kind: SelectionKind,
    /// The type of `x` (for a method expression, the type `T`).
    pub recv: TypeId,
    /// The field (`Var`) or method (`Func`) object selected.
    pub obj: ObjId,
    /// Field indices from `x`'s type to the selected member through embedded fields; the last entry is the
    /// member's own index (field index, or method index in the declaring type's `methods`).
    pub index: Vec<u32>,
    /// Some pointer was dereferenced along the path (implicitly).
    pub indirect: bool,
}

/// One package-level initialization step: assign the value of `rhs` to `lhs` (one or more variables,
/// several for `var a, b = f()`), in the order the spec's "Package initialization" requires.
#[derive(Clone, Debug)]
pub struct Initializer {
    pub lhs: Vec<ObjId>,
    pub rhs: ExprId,
}

/// The instantiation of a generic function at one use (go/types' `Instance`): its type arguments and the
/// instantiated signature. Inside a generic body the type arguments may themselves mention type parameters.
#[derive(Clone, Debug)]
pub struct Instance {
    pub targs: Vec<TypeId>,
    pub typ: TypeId,
}

/// The checker's verdict per expression: a table indexed by `ExprId` (ids are dense, and nearly every
/// expression gets a verdict, so a vector is smaller and faster than a hash map). Its methods are the subset
/// of `HashMap<ExprId, TypeAndValue>`'s that the phases use; `iter` yields entries in `ExprId` order.
///
/// The vector covers ids `base..base + slots.len()` only, so that after [`ExprTypes::clear`] (`g1c check`
/// drops each package's verdicts once the package is checked) it grows to one package's expressions — a
/// package's expressions have consecutive ids — instead of the whole program's.
#[derive(Default)]
pub struct ExprTypes {
    base: usize,
    slots: Vec<Option<TypeAndValue>>,
    len: usize,
}

impl ExprTypes {
    /// Makes room for expressions `0..n` at once.
    pub fn reserve(&mut self, n: usize) {
        if self.slots.is_empty() {
            self.base = 0;
        }
        if self.base + self.slots.len() < n {
            self.slots.resize(n - self.base, None);
        }
    }
    pub fn get(&self, e: &ExprId) -> Option<&TypeAndValue> {
        (e.0 as usize).checked_sub(self.base).and_then(|i| self.slots.get(i)).and_then(|s| s.as_ref())
    }
    pub fn contains_key(&self, e: &ExprId) -> bool {
        self.get(e).is_some()
    }
    /// Records `tv` for `e`, returning the previous verdict.
    pub fn insert(&mut self, e: ExprId, tv: TypeAndValue) -> Option<TypeAndValue> {
        let id = e.0 as usize;
        if self.slots.is_empty() {
            self.base = id;
        } else if id < self.base {
            // Rare (an id below every recorded one): move the window down.
            let shift = self.base - id;
            self.slots.splice(0..0, std::iter::repeat(None).take(shift));
            self.base = id;
        }
        let i = id - self.base;
        if i >= self.slots.len() {
            self.slots.resize(i + 1, None);
        }
        let old = self.slots[i].replace(tv);
        if old.is_none() {
            self.len += 1;
        }
        old
    }
    /// Forgets every verdict (keeping the allocation for the next package's).
    pub fn clear(&mut self) {
        self.slots.clear();
        self.base = 0;
        self.len = 0;
    }
    /// Number of expressions with a verdict.
    pub fn len(&self) -> usize {
        self.len
    }
    pub fn is_empty(&self) -> bool {
        self.len == 0
    }
    pub fn iter(&self) -> impl Iterator<Item = (ExprId, &TypeAndValue)> {
        let base = self.base;
        self.slots.iter().enumerate().filter_map(move |(i, s)| s.as_ref().map(|tv| (ExprId((base + i) as u32), tv)))
    }
}

impl std::ops::Index<&ExprId> for ExprTypes {
    type Output = TypeAndValue;
    fn index(&self, e: &ExprId) -> &TypeAndValue {
        self.get(e).expect("expression was not checked")
    }
}

/// Facts about a checked program, read by lowering and `dump types`.
#[derive(Default)]
pub struct Info {
    pub types: ExprTypes,
    /// Identifier position → the object it declares.
    pub defs: HashMap<Pos, ObjId>,
    /// Identifier position → the object it denotes.
    pub uses: HashMap<Pos, ObjId>,
    /// Implicitly declared objects: the per-clause variable of a type switch `switch x := y.(type)`, keyed by
    /// the clause's `CaseClause::pos`.
    pub implicits: HashMap<Pos, ObjId>,
    pub selections: HashMap<ExprId, Selection>,
    /// Package-level variable initialization, in execution order.
    pub init_order: Vec<Initializer>,
    /// For each package-level `func init()` declaration, its object, in source order.
    pub inits: Vec<ObjId>,
    /// Identifier position → the instantiation of the generic function it denotes (explicit `f[int]` or
    /// inferred at a call `f(1)`), as go/types' `Instances`.
    pub instances: HashMap<Pos, Instance>,
    /// Generic named types (their `Named` origin) → their type parameters, in declaration order.
    pub generic_types: HashMap<TypeId, Vec<TypeId>>,
    /// Generic functions → their type parameters, in declaration order.
    pub generic_funcs: HashMap<ObjId, Vec<TypeId>>,
    /// Methods of generic types → the type parameters their receiver declares (`func (l *List[E]) m()`
    /// declares `E`), in the order of the type's parameters.
    pub method_recv_tparams: HashMap<ObjId, Vec<TypeId>>,
}

/// A package as the checker sees it.
pub struct Package {
    pub path: String,
    pub name: String,
    /// Package-level objects by name (sorted, for deterministic iteration).
    pub scope: std::collections::BTreeMap<Name, ObjId>,
}

/// The result of checking a whole program: every type, object and fact.
pub struct Program {
    pub types: TypeTable,
    pub objs: Objects,
    pub info: Info,
    pub packages: Vec<Package>,
}

impl Program {
    pub fn obj(&self, id: ObjId) -> &Object {
        self.objs.get(id)
    }
    /// The checker's verdict on expression `e`. Panics if `e` was not checked (an invariant violation).
    pub fn tv(&self, e: ExprId) -> &TypeAndValue {
        &self.info.types[&e]
    }
    /// The type of expression `e`.
    pub fn type_of(&self, e: ExprId) -> TypeId {
        self.tv(e).typ
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// `Info::types` holds one `Option<TypeAndValue>` per expression of the program (a million for std):
    /// keep it small (a `Value` is a `BigInt`'s size; strings and rationals are boxed).
    #[test]
    fn per_expression_facts_stay_small() {
        assert!(std::mem::size_of::<Value>() <= 24, "Value is {} bytes", std::mem::size_of::<Value>());
        assert!(std::mem::size_of::<Option<TypeAndValue>>() <= 32);
    }

    /// The table covers only the ids recorded since the last `clear`, in any insertion order.
    #[test]
    fn expr_types_window() {
        let tv = |n: u32| TypeAndValue { mode: Mode::Value, typ: TypeId(n), value: None };
        let mut t = ExprTypes::default();
        assert!(t.insert(ExprId(10), tv(1)).is_none());
        assert!(t.insert(ExprId(12), tv(2)).is_none());
        assert!(t.insert(ExprId(5), tv(3)).is_none());
        assert_eq!(t.insert(ExprId(10), tv(4)).map(|o| o.typ), Some(TypeId(1)));
        assert_eq!(t.len(), 3);
        assert_eq!(t.get(&ExprId(5)).map(|v| v.typ), Some(TypeId(3)));
        assert!(t.get(&ExprId(4)).is_none() && t.get(&ExprId(11)).is_none() && t.get(&ExprId(99)).is_none());
        let ids: Vec<u32> = t.iter().map(|(e, _)| e.0).collect();
        assert_eq!(ids, [5, 10, 12]);
        t.clear();
        assert!(t.is_empty() && t.get(&ExprId(5)).is_none());
        t.insert(ExprId(1000), tv(5));
        assert_eq!(t.iter().map(|(e, _)| e.0).collect::<Vec<_>>(), [1000]);
    }
}
