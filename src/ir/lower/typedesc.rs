//! Type descriptors, itabs and method sets, laid out exactly as gc 1.19's runtime and reflect read them.
//!
//! In: the types that lowering needs at run time (the dynamic type of an interface value, the target of a
//! type assertion, a map's type), asked for with [`Lowerer::type_sym`] and [`Lowerer::itab_sym`]. Out: one
//! read-only [`Data`] per type, named like gc (`type.int`, `type.*main.T`, `type.[]string`, `type.main.T`),
//! holding `runtime._type` followed by the kind's extension (`ptrtype`, `slicetype`, `arraytype`,
//! `chantype`, `functype` + parameter types, `interfacetype` + imethods, `maptype`, `structtype` + fields) and,
//! for defined types and types with methods, `uncommontype` + methods; the `name` bytes
//! (`type..namedata.…`), the pointer bitmaps (`runtime.gcbits.…`), the itabs (`go.itab.T,I`), the `equal`
//! and `hasher` func values; and a list of method wrappers for `iface.rs` to generate.
//!
//! gc's 32-bit `nameOff`, `typeOff` and `textOff` are offsets from the image base (`g1c_modbase`, the ELF
//! header's address), stored with `DataRelocKind::ImageOff32` (docs/RUNTIME-ABI.md "Type descriptors").
//!
//! Invariants: each type gets one symbol, named by its canonical type string (gc's, with `·N` appended to
//! the names of types declared inside functions, numbered in order of first use), so structurally identical
//! types share it; descriptors are emitted in the order they are first needed (deterministic); a descriptor
//! only references symbols that are emitted too (the worklist drains in [`Lowerer::finish_types`]).

use std::collections::HashSet;

use super::{quote, Lowerer};
use crate::ir::{Data, DataKind, DataReloc, DataRelocKind};
use crate::syntax::ast::{ChanDir, Name};
use crate::types::query::{self, is_exported, member_key, TypeStrings};
use crate::types::sizes;
use crate::types::{BasicKind, ObjId, PkgId, TypeId, TypeKind};

// tflag bits (runtime/type.go).
const TFLAG_UNCOMMON: u8 = 1;
const TFLAG_EXTRA_STAR: u8 = 2;
const TFLAG_NAMED: u8 = 4;
const TFLAG_REGULAR_MEMORY: u8 = 8;
/// `kindDirectIface`: the interface data word holds the value itself.
pub const KIND_DIRECT_IFACE: u8 = 1 << 5;

/// A method wrapper that `iface.rs` must generate: `sym` takes a receiver of type `T` (or `*T` when
/// `recv_ptr`), follows the embedded fields `path` and calls `method` with the rest of the arguments.
#[derive(Clone, Debug)]
pub struct Wrapper {
    pub sym: String,
    pub base: TypeId,
    pub recv_ptr: bool,
    pub path: Vec<u32>,
    pub method: ObjId,
    /// For a method promoted from an embedded interface (`path` ends at that field): its index in the
    /// interface's itab and its signature; `method` is then unused.
    pub iface: Option<(u32, TypeId)>,
}

pub use crate::types::query::MethodEntry;

/// The type-descriptor state of a module.
#[derive(Default)]
pub struct TypeDescs {
    /// gc's strings of the types seen, and the numbers of function-local defined types.
    strings: TypeStrings,
    /// Types whose descriptors are still to be emitted, and the ones already queued.
    queue: Vec<TypeId>,
    queued: HashSet<String>,
    /// Itabs still to be emitted: (interface, concrete).
    itab_queue: Vec<(TypeId, TypeId)>,
    itabs: HashSet<String>,
    pub wrappers: Vec<Wrapper>,
    wrapper_syms: HashSet<String>,
    /// The ABI0 bodies behind `equal` / `hasher` func values are needed.
    pub need_equal: bool,
    pub need_hash: bool,
}

/// Bytes of a read-only symbol under construction.
struct Blob {
    bytes: Vec<u8>,
    relocs: Vec<DataReloc>,
    /// The target's pointer size: the width of [`Blob::word`] and [`Blob::addr`].
    ptr: usize,
}

impl Blob {
    fn new(ptr: u64) -> Blob {
        Blob { bytes: Vec::new(), relocs: Vec::new(), ptr: ptr as usize }
    }
    fn u8(&mut self, v: u8) {
        self.bytes.push(v);
    }
    fn u16(&mut self, v: u16) {
        self.bytes.extend_from_slice(&v.to_le_bytes());
    }
    fn u32(&mut self, v: u32) {
        self.bytes.extend_from_slice(&v.to_le_bytes());
    }
    /// A `uintptr` (or `int`): every Go target is little-endian.
    fn word(&mut self, v: u64) {
        self.bytes.extend_from_slice(&v.to_le_bytes()[..self.ptr]);
    }
    fn pad_to(&mut self, align: usize) {
        while self.bytes.len() % align != 0 {
            self.bytes.push(0);
        }
    }
    /// A word holding `&target + addend` (0 when `target` is empty).
    fn addr(&mut self, target: &str, addend: i64) {
        if !target.is_empty() {
            self.relocs.push(DataReloc::addr(self.bytes.len() as u32, target, addend));
        }
        self.word(0);
    }
    /// A 32-bit offset of `target` from the image base (0 when `target` is empty).
    fn off32(&mut self, target: &str) {
        if !target.is_empty() {
            self.relocs.push(DataReloc {
                offset: self.bytes.len() as u32,
                target: target.to_string(),
                addend: 0,
                kind: DataRelocKind::ImageOff32,
            });
        }
        self.u32(0);
    }
    fn len(&self) -> u64 {
        self.bytes.len() as u64
    }
}

/// gc's `name` encoding (reflect/type.go, Go 1.19): flags byte (1 exported, 2 has tag, 8 embedded), varint
/// length, the bytes, then an optional varint tag length and tag.
fn encode_name(name: &str, tag: &str, exported: bool, embedded: bool) -> Vec<u8> {
    let mut flags = 0u8;
    if exported {
        flags |= 1;
    }
    if !tag.is_empty() {
        flags |= 2;
    }
    if embedded {
        flags |= 8;
    }
    let mut b = vec![flags];
    varint(&mut b, name.len());
    b.extend_from_slice(name.as_bytes());
    if !tag.is_empty() {
        varint(&mut b, tag.len());
        b.extend_from_slice(tag.as_bytes());
    }
    b
}

fn varint(b: &mut Vec<u8>, mut n: usize) {
    while n >= 0x80 {
        b.push((n as u8) | 0x80);
        n >>= 7;
    }
    b.push(n as u8);
}

/// 32-bit FNV-1a of the type string: the descriptor's `hash` (gc uses the first bytes of an MD5; any fixed
/// function of the identity does for type switches and maps).
fn fnv32(s: &str) -> u32 {
    let mut h: u32 = 2166136261;
    for &b in s.as_bytes() {
        h ^= b as u32;
        h = h.wrapping_mul(16777619);
    }
    h
}

/// gc's `objabi.PathToPrefix`: an import path as it appears in symbol names, with control characters,
/// space, `%`, `"`, non-ASCII bytes and the dots of the last path element escaped as `%xx`.
pub fn path_to_prefix(path: &str) -> String {
    let slash = path.rfind('/').map_or(0, |i| i + 1);
    let mut out = String::with_capacity(path.len());
    for (i, &c) in path.as_bytes().iter().enumerate() {
        if c <= b' ' || (c == b'.' && i >= slash) || c == b'%' || c == b'"' || c >= 0x7f {
            out.push_str(&format!("%{c:02x}"));
        } else {
            out.push(c as char);
        }
    }
    out
}

impl<'a> Lowerer<'a> {
    // ---- Type strings ----

    /// The link string of type `t`, which names its symbols (`types::query::TypeStrings::link`).
    pub fn type_string(&mut self, t: TypeId) -> String {
        self.tds.strings.link(self.types, self.prog, t)
    }

    /// gc's string for type `t` as reflect prints it, the descriptor's `str` (`TypeStrings::reflect`).
    pub fn reflect_string(&mut self, t: TypeId) -> String {
        self.tds.strings.reflect(self.types, self.prog, t)
    }

    // ---- Method sets ----

    /// The full method set of interface type `t`, in gc's order: `(name, package of an unexported name,
    /// signature)`.
    pub fn iface_methods(&self, t: TypeId) -> Vec<(Name, Option<PkgId>, TypeId)> {
        query::iface_methods(self.types, self.prog, t)
    }

    /// Whether methods of `obj` are declared with a pointer receiver.
    fn ptr_recv(&self, obj: ObjId) -> bool {
        self.metas.get(&obj).and_then(|m| m.recv).is_some_and(|r| matches!(self.types.kind(r), TypeKind::Pointer(_)))
    }

    /// The method set of `t` (a defined type `T`, a pointer `*T`, or a struct type), promoted methods
    /// included, in gc's order (`types::query::method_set`).
    pub fn method_set(&self, t: TypeId) -> Vec<MethodEntry> {
        query::method_set(self.types, self.prog, t, &|m| self.ptr_recv(m), &|m, decl| self.method_sig(m, decl))
    }

    // ---- Queries used by lowering ----

    /// The symbol of `t`'s descriptor (`type.main.T`), queued for emission.
    pub fn type_sym(&mut self, t: TypeId) -> String {
        let s = format!("type.{}", self.type_string(t));
        if self.tds.queued.insert(s.clone()) {
            self.tds.queue.push(t);
        }
        s
    }

    /// The symbol of the itab of concrete type `conc` as interface `iface` (`go.itab.*main.T,main.I`),
    /// queued for emission.
    pub fn itab_sym(&mut self, iface: TypeId, conc: TypeId) -> String {
        let s = format!("go.itab.{},{}", self.type_string(conc), self.type_string(iface));
        if self.tds.itabs.insert(s.clone()) {
            self.tds.itab_queue.push((iface, conc));
        }
        s
    }

    /// Whether values of `t` are stored directly in an interface's data word (gc's `isdirectiface`).
    pub fn is_direct_iface(&self, t: TypeId) -> bool {
        match self.types.under(t) {
            TypeKind::Pointer(_) | TypeKind::Map { .. } | TypeKind::Chan { .. } | TypeKind::Func(_) => true,
            TypeKind::Basic(BasicKind::UnsafePointer) => true,
            TypeKind::Array { len: 1, elem } => self.is_direct_iface(*elem),
            TypeKind::Struct { fields } if fields.len() == 1 => self.is_direct_iface(fields[0].typ),
            _ => false,
        }
    }

    /// Whether `==` is defined on `t` (Go spec "Comparison operators"), as gc's `equal` is non-nil.
    pub fn is_comparable(&self, t: TypeId) -> bool {
        match self.types.under(t) {
            TypeKind::Slice(_) | TypeKind::Map { .. } | TypeKind::Func(_) => false,
            TypeKind::Array { elem, .. } => self.is_comparable(*elem),
            TypeKind::Struct { fields } => fields.iter().all(|f| self.is_comparable(f.typ)),
            _ => true,
        }
    }

    /// The method symbols for entry `m` of the method set of `t`: `(ifn, tfn)`, the function an itab calls
    /// (its receiver is the interface data word) and the one a direct call with receiver `t` uses. Queues
    /// the wrappers they need.
    pub fn method_fns(&mut self, t: TypeId, m: &MethodEntry) -> (String, String) {
        let (base, is_ptr) = match self.types.kind(t) {
            TypeKind::Pointer(e) => (*e, true),
            _ => (t, false),
        };
        let decl_t = self.path_type(base, &m.path);
        let msym = if m.iface.is_some() {
            String::new()
        } else {
            self.method_meta(m.obj, decl_t).map(|x| x.sym).unwrap_or_default()
        };
        let iface = m.iface.map(|k| (k, m.sig));
        let (pkg, short) = self.method_prefix(base);
        // gc's `MethodSymSuffix`: an unexported method of another package than the type's is qualified by
        // that package (`main.X.p.foo` beside `main.X.foo`).
        let mname = if !is_exported(&m.name) && m.pkg.is_some() && m.pkg != self.type_pkg(base) {
            format!("{}.{}", path_to_prefix(&self.pkg_path(m.pkg)), m.name)
        } else {
            m.name.to_string()
        };
        let ptr_sym = format!("{pkg}.(*{short}).{mname}");
        let val_sym = format!("{pkg}.{short}.{mname}");
        if is_ptr {
            if m.path.is_empty() && m.ptr_recv {
                return (msym.clone(), msym);
            }
            self.add_wrapper(Wrapper {
                sym: ptr_sym.clone(),
                base,
                recv_ptr: true,
                path: m.path.clone(),
                method: m.obj,
                iface,
            });
            return (ptr_sym.clone(), ptr_sym);
        }
        let tfn = if m.path.is_empty() {
            msym
        } else {
            self.add_wrapper(Wrapper {
                sym: val_sym.clone(),
                base,
                recv_ptr: false,
                path: m.path.clone(),
                method: m.obj,
                iface,
            });
            val_sym
        };
        if self.is_direct_iface(base) {
            return (tfn.clone(), tfn);
        }
        self.add_wrapper(Wrapper {
            sym: ptr_sym.clone(),
            base,
            recv_ptr: true,
            path: m.path.clone(),
            method: m.obj,
            iface,
        });
        (ptr_sym, tfn)
    }

    /// The package path and the receiver type's name that prefix the symbols of `base`'s methods and
    /// method wrappers: `("example.com/a", "T")` for `a.(*T).M`, `("main", "Pair[int]")` for an instance.
    /// A type that is not a defined type is named by its type string in the package being lowered.
    pub fn method_prefix(&mut self, base: TypeId) -> (String, String) {
        let bname = self.type_string(base);
        let TypeKind::Named(n) = self.types.kind(base) else { return (self.pkg.clone(), bname) };
        let path = self.pkg_path(self.prog.obj(n.obj).pkg);
        let short = bname.strip_prefix(&format!("{path}.")).unwrap_or(&bname).to_string();
        (path, short)
    }

    fn add_wrapper(&mut self, w: Wrapper) {
        if self.tds.wrapper_syms.insert(w.sym.clone()) {
            self.tds.wrappers.push(w);
        }
    }

    // ---- Emission ----

    /// Emits every queued descriptor and itab, and whatever they reference, until nothing is left.
    /// Returns the wrappers queued so far (the caller lowers them, which may queue more).
    pub fn drain_types(&mut self) {
        loop {
            if let Some(t) = self.tds.queue.pop() {
                self.emit_type(t);
                continue;
            }
            if let Some((i, c)) = self.tds.itab_queue.pop() {
                self.emit_itab(i, c);
                continue;
            }
            break;
        }
    }

    /// The `name` holding package `p`'s import path (gc's `type..importpath.<path>.`), or "" (a nil
    /// pointer) for no package.
    fn pkgpath_sym(&mut self, p: Option<PkgId>) -> String {
        if p.is_none() {
            return String::new();
        }
        let path = self.pkg_path(p);
        self.name_sym(&path, "", false, false)
    }

    /// The package that declares defined type `t` (none for predeclared types).
    fn type_pkg(&self, t: TypeId) -> Option<PkgId> {
        match self.types.kind(t) {
            TypeKind::Named(n) => self.prog.obj(n.obj).pkg,
            _ => None,
        }
    }

    /// The `name` of an unexported method of package `pkg`, which gc marks with that package's path (flag
    /// 4 and a `nameOff` to the path after the name) where it differs from the type's own package, so that
    /// same-named unexported methods of different packages stay apart (`runtime.getitab`).
    fn method_name_sym(&mut self, name: &str, pkg: Option<PkgId>, type_pkg: Option<PkgId>) -> String {
        if is_exported(name) || pkg.is_none() || pkg == type_pkg {
            return self.name_sym(name, "", is_exported(name), false);
        }
        let path_sym = self.pkgpath_sym(pkg);
        let mut b = encode_name(name, "", false, false);
        b[0] |= 4;
        let at = b.len() as u32;
        b.extend_from_slice(&[0; 4]);
        let sym = format!("type..namedata.{}-{}", quote(name.as_bytes()), self.pkg_path(pkg));
        let reloc = DataReloc { offset: at, target: path_sym, addend: 0, kind: DataRelocKind::ImageOff32 };
        self.add_data(Data {
            name: sym.clone(),
            kind: DataKind::ReadOnly,
            align: 1,
            size: b.len() as u64,
            bytes: b,
            relocs: vec![reloc],
        });
        sym
    }

    fn name_sym(&mut self, name: &str, tag: &str, exported: bool, embedded: bool) -> String {
        let b = encode_name(name, tag, exported, embedded);
        let sym = format!("type..namedata.{}", quote(&b));
        self.add_data(Data {
            name: sym.clone(),
            kind: DataKind::ReadOnly,
            align: 1,
            size: b.len() as u64,
            bytes: b,
            relocs: vec![],
        });
        sym
    }

    /// Size, alignment, pointer-prefix size and pointer bitmap (one bit per word) of `t`.
    pub(super) fn ptr_bitmap(&self, t: TypeId, base: u64, bits: &mut Vec<bool>) {
        let s = &self.sizes;
        let tt = &self.types;
        let word = self.target.ptr_size;
        let set = |w: u64, bits: &mut Vec<bool>| {
            let i = (w / word) as usize;
            if bits.len() <= i {
                bits.resize(i + 1, false);
            }
            bits[i] = true;
        };
        match tt.under(t) {
            TypeKind::Pointer(_)
            | TypeKind::Map { .. }
            | TypeKind::Chan { .. }
            | TypeKind::Func(_)
            | TypeKind::Slice(_) => set(base, bits),
            TypeKind::Basic(BasicKind::String | BasicKind::UnsafePointer) => set(base, bits),
            TypeKind::Interface { .. } => {
                set(base, bits);
                set(base + word, bits);
            }
            TypeKind::Array { len, elem } => {
                // The element's bitmap once, then repeated: arrays may be long (or zero-sized and of
                // enormous length, `[1e9][0]*int`), and most elements hold no pointers.
                let es = sizes::size_of(s, tt, *elem);
                let mut eb = Vec::new();
                self.ptr_bitmap(*elem, 0, &mut eb);
                if es == 0 || !eb.contains(&true) {
                    return;
                }
                for i in 0..*len {
                    for (j, _) in eb.iter().enumerate().filter(|(_, &b)| b) {
                        set(base + i * es + j as u64 * word, bits);
                    }
                }
            }
            TypeKind::Struct { fields } => {
                let offs = sizes::field_offsets(s, tt, t);
                for (f, o) in fields.iter().zip(offs) {
                    self.ptr_bitmap(f.typ, base + o, bits);
                }
            }
            _ => {}
        }
    }

    /// `(ptrdata, gcdata symbol)` of `t`.
    fn gcdata(&mut self, t: TypeId) -> (u64, String) {
        let mut bits = Vec::new();
        self.ptr_bitmap(t, 0, &mut bits);
        while bits.last() == Some(&false) {
            bits.pop();
        }
        let ptrdata = bits.len() as u64 * self.target.ptr_size;
        let mut bytes = vec![0u8; bits.len().div_ceil(8).max(1)];
        for (i, &b) in bits.iter().enumerate() {
            if b {
                bytes[i / 8] |= 1 << (i % 8);
            }
        }
        let hex: String = bytes.iter().map(|b| format!("{b:02x}")).collect();
        let sym = format!("runtime.gcbits.{hex}");
        self.add_data(Data {
            name: sym.clone(),
            kind: DataKind::ReadOnly,
            align: 1,
            size: bytes.len() as u64,
            bytes,
            relocs: vec![],
        });
        (ptrdata, sym)
    }

    /// A func value `{code, &type.T}` whose code is one of the generic ABI0 bodies (`iface.rs`).
    fn type_closure(&mut self, prefix: &str, code: &str, tsym: &str) -> String {
        let name = format!("{prefix}{}", tsym.strip_prefix("type.").unwrap_or(tsym));
        let mut b = Blob::new(self.target.ptr_size);
        b.addr(code, 0);
        b.addr(tsym, 0);
        self.add_data(Data {
            name: name.clone(),
            kind: DataKind::ReadOnly,
            align: self.target.ptr_size as u32,
            size: b.len(),
            bytes: b.bytes,
            relocs: b.relocs,
        });
        name
    }

    fn kind_of(&self, t: TypeId) -> u8 {
        match self.types.under(t) {
            TypeKind::Basic(b) => reflect_kind(*b) as u8,
            TypeKind::Array { .. } => 17,
            TypeKind::Chan { .. } => 18,
            TypeKind::Func(_) => 19,
            TypeKind::Interface { .. } => 20,
            TypeKind::Map { .. } => 21,
            TypeKind::Pointer(_) => 22,
            TypeKind::Slice(_) => 23,
            TypeKind::Struct { .. } => 25,
            _ => 0,
        }
    }

    /// Whether `t`'s equality is its memory's (gc's `tflagRegularMemory`).
    fn regular_memory(&self, t: TypeId) -> bool {
        use BasicKind::*;
        let tt = &self.types;
        match tt.under(t) {
            TypeKind::Basic(b) => !matches!(b, Float32 | Float64 | Complex64 | Complex128 | String),
            TypeKind::Pointer(_) | TypeKind::Chan { .. } => true,
            TypeKind::Array { elem, .. } => self.regular_memory(*elem),
            TypeKind::Struct { fields } => {
                let offs = sizes::field_offsets(&self.sizes, tt, t);
                let size = sizes::size_of(&self.sizes, tt, t);
                let mut end = 0;
                for (f, &o) in fields.iter().zip(&offs) {
                    if o != end || f.name == "_" || !self.regular_memory(f.typ) {
                        return false;
                    }
                    end = o + sizes::size_of(&self.sizes, tt, f.typ);
                }
                end == size
            }
            _ => false,
        }
    }

    fn emit_type(&mut self, t: TypeId) {
        let tstr = self.type_string(t);
        let sym = format!("type.{tstr}");
        let size = sizes::size_of(&self.sizes, &self.types, t);
        let align = sizes::align_of(&self.sizes, &self.types, t).max(1);
        let (ptrdata, gcsym) = self.gcdata(t);
        // Predeclared types are named too (gc: they have a symbol), so reflect's Name() gives "int".
        let named = self.types.is_named(t) || matches!(self.types.kind(t), TypeKind::Basic(_));
        let methods = match self.types.kind(t) {
            TypeKind::Named(_) => self.method_set(t),
            TypeKind::Pointer(e)
                if self.types.is_named(*e)
                    && !matches!(self.types.under(*e), TypeKind::Interface { .. } | TypeKind::Pointer(_)) =>
            {
                self.method_set(t)
            }
            // Unnamed structs with embedded fields have the promoted methods (`struct{ T }`, `*struct{ T }`).
            TypeKind::Struct { fields } if fields.iter().any(|f| f.embedded) => self.method_set(t),
            TypeKind::Pointer(e) if matches!(self.types.kind(*e), TypeKind::Struct { fields } if fields.iter().any(|f| f.embedded)) => {
                self.method_set(t)
            }
            _ => Vec::new(),
        };
        let uncommon = named || !methods.is_empty();
        let mut tflag = 0u8;
        if uncommon {
            tflag |= TFLAG_UNCOMMON;
        }
        if named {
            tflag |= TFLAG_NAMED;
        }
        if self.is_comparable(t) && self.regular_memory(t) {
            tflag |= TFLAG_REGULAR_MEMORY;
        }
        let rstr = self.reflect_string(t);
        let str_bytes = if rstr.starts_with('*') {
            rstr
        } else {
            tflag |= TFLAG_EXTRA_STAR;
            format!("*{rstr}")
        };
        let str_sym = self.name_sym(&str_bytes, "", false, false);
        let mut kind = self.kind_of(t);
        if self.is_direct_iface(t) {
            kind |= KIND_DIRECT_IFACE;
        }
        let equal = if self.is_comparable(t) {
            self.tds.need_equal = true;
            self.type_closure("type..eqfunc.", super::iface::EQUAL_ABI0, &sym)
        } else {
            String::new()
        };

        let mut b = Blob::new(self.target.ptr_size);
        b.word(size);
        b.word(ptrdata);
        b.u32(fnv32(&tstr));
        b.u8(tflag);
        b.u8(align as u8);
        b.u8(align as u8);
        b.u8(kind);
        b.addr(&equal, 0);
        b.addr(&gcsym, 0);
        b.off32(&str_sym);
        // ptrToThis: `*T` for predeclared and defined types and types with methods (interned for them by
        // generic.rs), as gc; other types leave it 0 and reflect finds `*T` in the typelinks or builds it.
        match self.types.lookup(&TypeKind::Pointer(t)).filter(|_| uncommon) {
            Some(p) => {
                let ps = self.type_sym(p);
                b.off32(&ps);
            }
            None => b.u32(0),
        }
        debug_assert_eq!(b.len(), self.target.rtype_size());

        // The kind's extension. `tail` is written after the uncommon part (func parameters, struct fields,
        // interface methods), with the relocations that point at it fixed up below.
        let mut tail: Vec<(usize, Tail)> = Vec::new();
        match self.types.under(t).clone() {
            TypeKind::Pointer(e) | TypeKind::Slice(e) => {
                let es = self.type_sym(e);
                b.addr(&es, 0);
            }
            TypeKind::Array { len, elem } => {
                let es = self.type_sym(elem);
                b.addr(&es, 0);
                let ss = self.slice_desc(elem);
                b.addr(&ss, 0);
                b.word(len);
            }
            TypeKind::Chan { dir, elem } => {
                let es = self.type_sym(elem);
                b.addr(&es, 0);
                b.word(match dir {
                    ChanDir::Recv => 1,
                    ChanDir::Send => 2,
                    ChanDir::Both => 3,
                });
            }
            TypeKind::Func(sig) => {
                b.u16(sig.params.len() as u16);
                b.u16(sig.results.len() as u16 | if sig.variadic { 1 << 15 } else { 0 });
                b.u32(0);
                let mut ts = Vec::new();
                for &p in sig.params.iter().chain(&sig.results) {
                    ts.push(self.type_sym(p));
                }
                tail.push((usize::MAX, Tail::Words(ts)));
            }
            TypeKind::Interface { .. } => {
                // gc's `tpkg`: the package of a defined interface type (none for a literal or `error`).
                let tpkg = match self.types.kind(t) {
                    TypeKind::Named(n) => self.prog.obj(n.obj).pkg,
                    _ => None,
                };
                let pkgname = self.pkgpath_sym(tpkg);
                b.addr(&pkgname, 0);
                let ms = self.iface_methods(t);
                let mut entries = Vec::new();
                for (name, pkg, sig) in &ms {
                    let ns = self.method_name_sym(name, *pkg, tpkg);
                    let ts = self.type_sym(*sig);
                    entries.push((ns, ts));
                }
                let at = b.bytes.len();
                b.addr("", 0); // mhdr.ptr, fixed up to the imethods
                b.word(ms.len() as u64);
                b.word(ms.len() as u64);
                tail.push((at, Tail::IMethods(entries)));
            }
            TypeKind::Map { key, value } => {
                let ks = self.type_sym(key);
                let vs = self.type_sym(value);
                b.addr(&ks, 0);
                b.addr(&vs, 0);
                b.addr("", 0); // bucket: g1c's maps do not use gc's bucket layout (rt/src/map.rs)
                self.tds.need_hash = true;
                let hasher = self.type_closure("type..hashfunc.", super::iface::HASH_ABI0, &ks);
                b.addr(&hasher, 0);
                let ksz = sizes::size_of(&self.sizes, &self.types, key);
                let vsz = sizes::size_of(&self.sizes, &self.types, value);
                b.u8(ksz.min(255) as u8);
                b.u8(vsz.min(255) as u8);
                b.u16(0);
                let mut flags = 0u32;
                if !self.has_float(key) {
                    flags |= 4; // reflexive key
                }
                if self.has_float(key) || self.is_string_like(key) {
                    flags |= 8; // need key update
                }
                if matches!(self.types.under(key), TypeKind::Interface { .. }) {
                    flags |= 16; // hash might panic
                }
                b.u32(flags);
            }
            TypeKind::Struct { fields } => {
                // gc's `spkg`: the package of the first unexported field, which then names them all.
                let spkg = fields.iter().find(|f| !is_exported(&f.name)).and_then(|f| f.pkg);
                let pkgname = self.pkgpath_sym(spkg);
                b.addr(&pkgname, 0);
                let offs = sizes::field_offsets(&self.sizes, &self.types, t);
                let mut entries = Vec::new();
                for (f, o) in fields.iter().zip(offs) {
                    let ns = self.name_sym(&f.name, &f.tag, is_exported(&f.name), f.embedded);
                    let ts = self.type_sym(f.typ);
                    // Go 1.19: the plain offset; whether the field is embedded is in its name's flags.
                    entries.push((ns, ts, o));
                }
                let at = b.bytes.len();
                b.addr("", 0);
                b.word(fields.len() as u64);
                b.word(fields.len() as u64);
                tail.push((at, Tail::Fields(entries)));
            }
            _ => {}
        }
        // uncommontype and methods.
        let mut method_words = Vec::new();
        if uncommon {
            // gc's `typePkg`: the package of the defined type, or of the element of `*T`, `[]T`, ....
            let mpkg = match self.types.kind(t) {
                TypeKind::Pointer(e)
                | TypeKind::Slice(e)
                | TypeKind::Array { elem: e, .. }
                | TypeKind::Chan { elem: e, .. } => self.type_pkg(*e),
                _ => self.type_pkg(t),
            };
            // The package of the method names that carry none (`runtime.itab.init` reads it), as gc's
            // `dextratype` writes it: `typePkg`, so `*T` has `T`'s package too.
            // unsafe.Pointer is the one predeclared type with a package path (reflect's PkgPath is "unsafe").
            let pkgpath = if t == TypeId::UNSAFE_POINTER {
                self.name_sym("unsafe", "", false, false)
            } else {
                self.pkgpath_sym(mpkg)
            };
            let xcount = methods.iter().filter(|m| is_exported(&m.name)).count();
            let ucom_at = b.bytes.len();
            b.off32(&pkgpath);
            b.u16(methods.len() as u16);
            b.u16(xcount as u16);
            let moff_at = b.bytes.len();
            b.u32(0); // moff, set below
            b.u32(0);
            for m in &methods {
                let ns = self.method_name_sym(&m.name, m.pkg, mpkg);
                let ts = self.type_sym(m.sig);
                let (ifn, tfn) = self.method_fns(t, m);
                method_words.push((ns, ts, ifn, tfn));
            }
            tail.insert(0, (ucom_at, Tail::Methods(moff_at, method_words)));
        }
        // The tails: func parameter types come right after the uncommon part (reflect's `funcType.in`).
        tail.sort_by_key(|(at, tl)| match tl {
            Tail::Words(_) => (0, *at),
            Tail::Methods(..) => (2, *at),
            _ => (1, *at),
        });
        for (at, tl) in tail {
            b.pad_to(b.ptr);
            let here = b.bytes.len() as i64;
            match tl {
                Tail::Words(ts) => {
                    for s in ts {
                        b.addr(&s, 0);
                    }
                }
                Tail::IMethods(es) => {
                    b.relocs.push(DataReloc::addr(at as u32, sym.clone(), here));
                    for (n, ts) in es {
                        b.off32(&n);
                        b.off32(&ts);
                    }
                }
                Tail::Fields(es) => {
                    b.relocs.push(DataReloc::addr(at as u32, sym.clone(), here));
                    for (n, ts, o) in es {
                        b.addr(&n, 0);
                        b.addr(&ts, 0);
                        b.word(o);
                    }
                }
                Tail::Methods(moff_at, ms) => {
                    let moff = (here as usize - at) as u32;
                    b.bytes[moff_at..moff_at + 4].copy_from_slice(&moff.to_le_bytes());
                    for (n, ts, ifn, tfn) in ms {
                        b.off32(&n);
                        b.off32(&ts);
                        b.off32(&ifn);
                        b.off32(&tfn);
                    }
                }
            }
        }
        b.pad_to(b.ptr);
        self.add_data(Data {
            name: sym,
            kind: DataKind::ReadOnly,
            align: self.target.ptr_size as u32,
            size: b.len(),
            bytes: b.bytes,
            relocs: b.relocs,
        });
    }

    /// The descriptor of `[]elem` (an array's `slice` field), whether or not the program names that type.
    fn slice_desc(&mut self, elem: TypeId) -> String {
        let es = self.type_sym(elem);
        let tstr = format!("[]{}", self.type_string(elem));
        let sym = format!("type.{tstr}");
        if !self.tds.queued.insert(sym.clone()) {
            return sym;
        }
        let (_, gcsym) = self.gcdata(TypeId::UNSAFE_POINTER);
        let rstr = format!("*[]{}", self.reflect_string(elem));
        let str_sym = self.name_sym(&rstr, "", false, false);
        let word = self.target.ptr_size;
        let mut b = Blob::new(word);
        b.word(3 * word);
        b.word(word);
        b.u32(fnv32(&tstr));
        b.u8(TFLAG_EXTRA_STAR);
        b.u8(word as u8);
        b.u8(word as u8);
        b.u8(23);
        b.addr("", 0);
        b.addr(&gcsym, 0);
        b.off32(&str_sym);
        b.u32(0);
        b.addr(&es, 0);
        self.add_data(Data {
            name: sym.clone(),
            kind: DataKind::ReadOnly,
            align: word as u32,
            size: b.len(),
            bytes: b.bytes,
            relocs: b.relocs,
        });
        sym
    }

    fn has_float(&self, t: TypeId) -> bool {
        match self.types.under(t) {
            TypeKind::Basic(b) => {
                matches!(b, BasicKind::Float32 | BasicKind::Float64 | BasicKind::Complex64 | BasicKind::Complex128)
            }
            TypeKind::Interface { .. } => true,
            TypeKind::Array { elem, .. } => self.has_float(*elem),
            TypeKind::Struct { fields } => fields.iter().any(|f| self.has_float(f.typ)),
            _ => false,
        }
    }

    fn is_string_like(&self, t: TypeId) -> bool {
        match self.types.under(t) {
            TypeKind::Basic(b) => matches!(b, BasicKind::String),
            TypeKind::Interface { .. } => true,
            TypeKind::Array { elem, .. } => self.is_string_like(*elem),
            TypeKind::Struct { fields } => fields.iter().any(|f| self.is_string_like(f.typ)),
            _ => false,
        }
    }

    /// The type `func()`, if the program has it.
    pub fn nullary_func_type(&self) -> Option<TypeId> {
        (0..self.types.len() as u32).map(TypeId).find(|&t| {
            matches!(self.types.kind(t), TypeKind::Func(s) if s.params.is_empty() && s.results.is_empty() && !s.variadic)
        })
    }

    /// The descriptors of package runtime's run-time error types (lib/runtime/error.go: `boundsError`,
    /// `errorString`, `plainError`, `*TypeAssertionError`), when the program has that package. rt refers to
    /// them weakly and builds their values, so that a recovered run-time error has gc's dynamic type
    /// (docs/RUNTIME-ABI.md, "Defer, panic, recover"); nothing in Go code needs to mention them.
    pub fn emit_runtime_error_types(&mut self) {
        let prog = self.prog;
        let Some(p) = prog.packages.iter().find(|p| p.path == "runtime") else { return };
        for name in ["boundsError", "errorString", "plainError", "TypeAssertionError"] {
            let Some(&obj) = p.scope.get(name) else { continue };
            let t = prog.obj(obj).typ;
            if name != "TypeAssertionError" {
                self.type_sym(t);
                continue;
            }
            // The pointer type exists: the methods of TypeAssertionError have pointer receivers.
            let ptr = (0..self.types.len() as u32)
                .map(TypeId)
                .find(|&p| matches!(self.types.kind(p), TypeKind::Pointer(e) if *e == t));
            if let Some(ptr) = ptr {
                self.type_sym(ptr);
            }
        }
    }

    /// `type.*runtime.panicValue`: the dynamic type `recover()` gives a runtime panic (rt's boxed panic
    /// value) in a program without package runtime (else see `emit_runtime_error_types`), a pointer type with the method `Error() string` = `runtime.(*panicValue).Error`, which asks rt
    /// for the message, and, when the program has the type `func()` (as any program that mentions
    /// `runtime.Error` does), `RuntimeError()` = `runtime.(*panicValue).RuntimeError`: every panic rt
    /// raises is a `runtime.Error` in gc (its plain errors too). Every program defines it (rt refers to it).
    pub fn emit_panic_value_type(&mut self) {
        const METHOD: &str = "runtime.(*panicValue).Error";
        const RT_METHOD: &str = "runtime.(*panicValue).RuntimeError";
        let nullary_sym = self.nullary_func_type().map(|t| self.type_sym(t));
        let tstr = "*runtime.panicValue";
        let sym = format!("type.{tstr}");
        // `func() string`, the signature of `error`'s method.
        let prog = self.prog;
        let err = (0..self.types.len() as u32).map(TypeId).find(|&t| match self.types.kind(t) {
            TypeKind::Named(n) => prog.obj(n.obj).name == "error" && prog.obj(n.obj).pkg.is_none(),
            _ => false,
        });
        let sig = err.and_then(|e| self.iface_methods(e).first().map(|m| m.2));
        let sig_sym = match sig {
            Some(s) => self.type_sym(s),
            None => String::new(),
        };
        let (_, gcsym) = self.gcdata(TypeId::UNSAFE_POINTER);
        let str_sym = self.name_sym(tstr, "", false, false);
        let pkg = self.name_sym("runtime", "", false, false);
        let mname = self.name_sym("Error", "", true, false);
        let rt_mname = self.name_sym("RuntimeError", "", true, false);
        let mcount = 1 + nullary_sym.is_some() as u16;
        let word = self.target.ptr_size;
        let mut b = Blob::new(word);
        b.word(word);
        b.word(word);
        b.u32(fnv32(tstr));
        b.u8(TFLAG_UNCOMMON);
        b.u8(word as u8);
        b.u8(word as u8);
        b.u8(22 | KIND_DIRECT_IFACE);
        b.addr("", 0); // compared by pointer identity (direct interface)
        b.addr(&gcsym, 0);
        b.off32(&str_sym);
        b.u32(0);
        b.addr("", 0); // elem: rt's panic record has no Go type
        b.off32(&pkg);
        b.u16(mcount);
        b.u16(mcount);
        b.u32(16);
        b.u32(0);
        // methods sorted by name
        b.off32(&mname);
        b.off32(&sig_sym);
        b.off32(METHOD);
        b.off32(METHOD);
        if let Some(ns) = &nullary_sym {
            b.off32(&rt_mname);
            b.off32(ns);
            b.off32(RT_METHOD);
            b.off32(RT_METHOD);
        }
        self.add_data(Data {
            name: sym,
            kind: DataKind::ReadOnly,
            align: word as u32,
            size: b.len(),
            bytes: b.bytes,
            relocs: b.relocs,
        });
    }

    /// `go.itab.T,I`: inter, _type, hash, pad, fun[len(I's methods)].
    fn emit_itab(&mut self, iface: TypeId, conc: TypeId) {
        let sym = format!("go.itab.{},{}", self.type_string(conc), self.type_string(iface));
        let isym = self.type_sym(iface);
        let csym = self.type_sym(conc);
        let ims = self.iface_methods(iface);
        let ms = self.method_set(conc);
        let mut b = Blob::new(self.target.ptr_size);
        b.addr(&isym, 0);
        b.addr(&csym, 0);
        let cs = self.type_string(conc);
        b.u32(fnv32(&cs));
        b.u32(0);
        for (name, ipkg, _) in &ims {
            match ms.iter().find(|m| member_key(&m.name, m.pkg) == member_key(name, *ipkg)).cloned() {
                Some(m) => {
                    let (ifn, _) = self.method_fns(conc, &m);
                    b.addr(&ifn, 0);
                }
                None => b.addr("", 0),
            }
        }
        self.add_data(Data {
            name: sym,
            kind: DataKind::ReadOnly,
            align: self.target.ptr_size as u32,
            size: b.len(),
            bytes: b.bytes,
            relocs: b.relocs,
        });
    }
}

/// Data written after a descriptor's fixed part: `(offset of the slice pointer to patch, contents)`.
enum Tail {
    /// Func parameter and result types.
    Words(Vec<String>),
    /// Interface methods: (name, type).
    IMethods(Vec<(String, String)>),
    /// Struct fields: (name, type, offset).
    Fields(Vec<(String, String, u64)>),
    /// uncommontype's methods: the offset of `moff`, then (name, mtyp, ifn, tfn).
    Methods(usize, Vec<(String, String, String, String)>),
}

/// gc's `reflect.Kind` of a basic type (an untyped constant's is its default type's: what `print` of a
/// constant and the type descriptors use).
pub(super) fn reflect_kind(b: BasicKind) -> i64 {
    use BasicKind::*;
    match b {
        Bool | UntypedBool => 1,
        Int | UntypedInt => 2,
        Int8 => 3,
        Int16 => 4,
        Int32 | UntypedRune => 5,
        Int64 => 6,
        Uint => 7,
        Uint8 => 8,
        Uint16 => 9,
        Uint32 => 10,
        Uint64 => 11,
        Uintptr => 12,
        Float32 => 13,
        Float64 | UntypedFloat => 14,
        Complex64 => 15,
        Complex128 | UntypedComplex => 16,
        String | UntypedString => 24,
        UnsafePointer | UntypedNil => 26,
        Invalid => 0,
    }
}
