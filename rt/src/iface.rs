//! Interfaces at run time: gc 1.19's type descriptors read back, itabs built and cached, type assertion
//! failures, interface equality, printing and panicking with interface values.
//!
//! In: descriptors and itabs the compiler emits (`src/ir/lower/typedesc.rs`, laid out as gc's
//! `runtime._type`, `uncommontype`, `interfacetype`, `itab`), and the calls of docs/RUNTIME-ABI.md
//! "Interfaces". Out: itabs (`g1c_convI2I`, `g1c_assertE2I*`), booleans, gc's panic messages.
//!
//! Invariants: `nameOff`/`typeOff`/`textOff` are offsets from `g1c_modbase` (the image base); a type's
//! descriptor is unique in the program, so comparing `*Type` pointers compares types. The itab cache
//! only grows (itabs are never freed), like gc's `itabTable`.

use crate::print::{self, Out, Stderr};
use crate::Global;

/// `runtime._type`.
#[repr(C)]
pub struct Type {
    pub size: usize,
    pub ptrdata: usize,
    pub hash: u32,
    pub tflag: u8,
    pub align: u8,
    pub field_align: u8,
    pub kind: u8,
    /// A func value (pointer to a closure) or null when the type is not comparable.
    pub equal: usize,
    pub gcdata: *const u8,
    pub str: i32,
    pub ptr_to_this: i32,
}

pub const TFLAG_UNCOMMON: u8 = 1;
pub const TFLAG_EXTRA_STAR: u8 = 2;
pub const TFLAG_REGULAR_MEMORY: u8 = 8;
pub const KIND_DIRECT_IFACE: u8 = 1 << 5;
/// `gcdata` is a GC program (only in types reflect builds at run time; the compiler always writes a bitmap).
pub const KIND_GC_PROG: u8 = 1 << 6;
pub const KIND_MASK: u8 = 31;

// reflect.Kind numbers.
pub const K_BOOL: u8 = 1;
pub const K_INT: u8 = 2;
pub const K_INT64: u8 = 6;
pub const K_UINT: u8 = 7;
pub const K_UINTPTR: u8 = 12;
pub const K_FLOAT32: u8 = 13;
pub const K_FLOAT64: u8 = 14;
pub const K_COMPLEX64: u8 = 15;
pub const K_COMPLEX128: u8 = 16;
pub const K_ARRAY: u8 = 17;
pub const K_FUNC: u8 = 19;
pub const K_INTERFACE: u8 = 20;
pub const K_STRING: u8 = 24;
pub const K_STRUCT: u8 = 25;

/// `uncommontype`.
#[repr(C)]
pub struct Uncommon {
    pub pkgpath: i32,
    pub mcount: u16,
    pub xcount: u16,
    pub moff: u32,
    _unused: u32,
}

/// `method`.
#[repr(C)]
pub struct Method {
    pub name: i32,
    pub mtyp: i32,
    pub ifn: i32,
    pub tfn: i32,
}

/// `imethod`.
#[repr(C)]
pub struct IMethod {
    pub name: i32,
    pub ityp: i32,
}

/// `interfacetype`.
#[repr(C)]
pub struct InterfaceType {
    pub typ: Type,
    pub pkgpath: *const u8,
    pub mhdr: *const IMethod,
    pub mlen: usize,
    pub mcap: usize,
}

/// `arraytype`.
#[repr(C)]
pub struct ArrayType {
    pub typ: Type,
    pub elem: *const Type,
    pub slice: *const Type,
    pub len: usize,
}

/// `structfield`.
#[repr(C)]
pub struct StructField {
    pub name: *const u8,
    pub typ: *const Type,
    /// Byte offset (Go 1.19; 1.18 shifted it left to make room for an embedded flag).
    pub offset: usize,
}

/// `structtype`.
#[repr(C)]
pub struct StructType {
    pub typ: Type,
    pub pkgpath: *const u8,
    pub fields: *const StructField,
    pub flen: usize,
    pub fcap: usize,
}

/// `itab`: the interface, the concrete type, its hash, then the method table (`fun[0] == 0`: not
/// implemented).
#[repr(C)]
pub struct Itab {
    pub inter: *const InterfaceType,
    pub typ: *const Type,
    pub hash: u32,
    _pad: u32,
    pub fun: [usize; 1],
}

#[cfg(not(test))]
extern "C" {
    /// The image base, defined by the linker.
    static g1c_modbase: u8;
}

/// The address an image-relative 32-bit offset refers to. A negative offset is an id reflect got from
/// `addReflectOff` for a name, type or method it built at run time (see `reflect`).
pub fn resolve_off(off: i32) -> usize {
    if off < 0 {
        return crate::reflect::reflect_off(off);
    }
    #[cfg(not(test))]
    // SAFETY: only the symbol's address is used.
    let base = unsafe { &g1c_modbase as *const u8 as usize };
    #[cfg(test)]
    let base = 0usize;
    base.wrapping_add(off as isize as usize)
}

/// The bytes of a gc `name` (flags, varint length, bytes).
///
/// # Safety
/// `p` must point at an encoded name.
pub unsafe fn name_bytes<'a>(p: *const u8) -> &'a [u8] {
    let mut n = 0usize;
    let mut shift = 0;
    let mut i = 1;
    loop {
        let b = *p.add(i);
        i += 1;
        n |= ((b & 0x7f) as usize) << shift;
        if b & 0x80 == 0 {
            break;
        }
        shift += 7;
    }
    core::slice::from_raw_parts(p.add(i), n)
}

impl Type {
    /// The type's string (`main.T`, `[]int`).
    pub fn string(&self) -> &[u8] {
        // SAFETY: descriptors come from the compiler with valid name offsets.
        let s = unsafe { name_bytes(resolve_off(self.str) as *const u8) };
        if self.tflag & TFLAG_EXTRA_STAR != 0 && !s.is_empty() {
            &s[1..]
        } else {
            s
        }
    }
    pub fn kind(&self) -> u8 {
        self.kind & KIND_MASK
    }
    pub fn direct_iface(&self) -> bool {
        self.kind & KIND_DIRECT_IFACE != 0
    }
    /// The uncommon part, if any: right after the kind-specific part.
    pub fn uncommon(&self) -> Option<&Uncommon> {
        if self.tflag & TFLAG_UNCOMMON == 0 {
            return None;
        }
        let ext = match self.kind() {
            17 => 24,          // arraytype: elem, slice, len
            18 => 16,          // chantype: elem, dir
            19 => 8,           // functype: inCount, outCount
            K_INTERFACE => 32, // pkgpath, mhdr
            21 => 40,          // maptype: key, elem, bucket, hasher, sizes, flags
            22 | 23 => 8,      // ptrtype, slicetype: elem
            K_STRUCT => 32,    // pkgpath, fields
            _ => 0,
        };
        // SAFETY: the compiler lays the uncommon part there when the flag is set.
        unsafe { Some(&*((self as *const Type as *const u8).add(48 + ext) as *const Uncommon)) }
    }
    /// gc's `_type.pkgpath`: the package of a defined type, or the one a struct or interface type's
    /// unexported members belong to; "" for none.
    pub fn pkgpath(&self) -> &[u8] {
        if let Some(u) = self.uncommon() {
            return off_name_or_empty(u.pkgpath);
        }
        let p = match self.kind() {
            // SAFETY: the kind says which extension follows the `_type`.
            K_STRUCT => unsafe { (*(self as *const Type as *const StructType)).pkgpath },
            K_INTERFACE => unsafe { (*(self as *const Type as *const InterfaceType)).pkgpath },
            _ => core::ptr::null(),
        };
        if p.is_null() {
            b""
        } else {
            // SAFETY: a compiler-emitted name.
            unsafe { name_bytes(p) }
        }
    }
    pub fn methods(&self) -> &[Method] {
        match self.uncommon() {
            // SAFETY: `moff` and `mcount` describe the method array.
            Some(u) => unsafe {
                core::slice::from_raw_parts(
                    (u as *const Uncommon as *const u8).add(u.moff as usize) as *const Method,
                    u.mcount as usize,
                )
            },
            None => &[],
        }
    }
}

impl InterfaceType {
    pub fn methods(&self) -> &[IMethod] {
        // SAFETY: mhdr/mlen are a slice the compiler emits.
        unsafe { core::slice::from_raw_parts(self.mhdr, self.mlen) }
    }
}

fn off_name<'a>(off: i32) -> &'a [u8] {
    // SAFETY: compiler-emitted name offsets.
    unsafe { name_bytes(resolve_off(off) as *const u8) }
}

/// gc's `name.pkgPath`: the package path a name carries (flag 4: a `nameOff` of the path follows the name
/// and its tag), or "" when it carries none.
///
/// # Safety
/// `p` must point at an encoded name.
unsafe fn name_pkgpath<'a>(p: *const u8) -> &'a [u8] {
    let flags = *p;
    if flags & 4 == 0 {
        return b"";
    }
    let mut at = 1;
    let mut parts = if flags & 2 != 0 { 2 } else { 1 };
    while parts > 0 {
        let mut n = 0usize;
        let mut shift = 0;
        loop {
            let b = *p.add(at);
            at += 1;
            n |= ((b & 0x7f) as usize) << shift;
            if b & 0x80 == 0 {
                break;
            }
            shift += 7;
        }
        at += n;
        parts -= 1;
    }
    let off = core::ptr::read_unaligned(p.add(at) as *const i32);
    off_name(off)
}

/// The name at a `nameOff`, "" for offset 0 (no name).
fn off_name_or_empty<'a>(off: i32) -> &'a [u8] {
    if off == 0 {
        b""
    } else {
        off_name(off)
    }
}

/// Whether method `m` of `typ` implements method `im` of `inter` (gc's `itab.init` test): same name and
/// signature, and for an unexported name the same package (Go spec "Uniqueness of identifiers": `p.get`
/// and `main.get` are different methods). A name without its own package path belongs to the package of
/// the interface (`inter.pkgpath`) or of the type (`uncommon.pkgpath`).
fn implements(inter: &InterfaceType, im: &IMethod, typ: &Type, m: &Method) -> bool {
    let iname_p = resolve_off(im.name) as *const u8;
    let tname_p = resolve_off(m.name) as *const u8;
    // SAFETY: compiler-emitted names.
    let (iname, tname) = unsafe { (name_bytes(iname_p), name_bytes(tname_p)) };
    if iname != tname || resolve_off(im.ityp) != resolve_off(m.mtyp) {
        return false;
    }
    // SAFETY: as above; flag 1 marks an exported name.
    if unsafe { *tname_p } & 1 != 0 {
        return true;
    }
    let mut ipkg = unsafe { name_pkgpath(iname_p) };
    if ipkg.is_empty() && !inter.pkgpath.is_null() {
        // SAFETY: `pkgpath` points at a name.
        ipkg = unsafe { name_bytes(inter.pkgpath) };
    }
    let mut tpkg = unsafe { name_pkgpath(tname_p) };
    if tpkg.is_empty() {
        tpkg = typ.uncommon().map_or(&b""[..], |u| off_name_or_empty(u.pkgpath));
    }
    ipkg == tpkg
}

// ---- Itabs ----

const CACHE_SIZE: usize = 1024;
/// Built itabs, open addressing on (inter, type); full entries are never removed.
static ITABS: Global<[*mut Itab; CACHE_SIZE]> = Global::new([core::ptr::null_mut(); CACHE_SIZE]);
static ITAB_COUNT: Global<usize> = Global::new(0);

/// gc's `getitab`: the itab of `typ` as `inter`, built once; `None` with the first missing method's name
/// when `typ` does not implement `inter`.
pub fn getitab<'a>(inter: &'a InterfaceType, typ: &Type) -> Result<*const Itab, &'a [u8]> {
    let _l = crate::lock::rt();
    let h = ((inter as *const _ as usize) >> 3) ^ ((typ as *const _ as usize) >> 3).wrapping_mul(31);
    // SAFETY: under the runtime lock.
    let cache = unsafe { &mut *ITABS.get() };
    let mut i = h % CACHE_SIZE;
    for _ in 0..CACHE_SIZE {
        let e = cache[i];
        if e.is_null() {
            break;
        }
        // SAFETY: cached itabs are valid.
        let it = unsafe { &*e };
        if it.inter == inter as *const _ && it.typ == typ as *const _ {
            return if it.fun[0] == 0 { Err(missing_method(inter, typ)) } else { Ok(e) };
        }
        i = (i + 1) % CACHE_SIZE;
    }
    let ims = inter.methods();
    // No heap pointers: `inter` and `typ` are descriptors in the executable, `fun` holds code addresses (the
    // cache in rt's globals keeps the itab alive).
    let p = crate::mem::alloc_noscan(24 + 8 * ims.len().max(1)) as *mut Itab;
    // SAFETY: freshly allocated, zeroed, big enough.
    let it = unsafe { &mut *p };
    it.inter = inter;
    it.typ = typ;
    it.hash = typ.hash;
    let fun = unsafe { core::slice::from_raw_parts_mut(it.fun.as_mut_ptr(), ims.len()) };
    let ms = typ.methods();
    let mut ok = true;
    // Both lists are sorted the same way: merge.
    let mut j = 0;
    for (k, im) in ims.iter().enumerate() {
        let mut found = 0usize;
        while j < ms.len() {
            let m = &ms[j];
            j += 1;
            if implements(inter, im, typ, m) {
                found = resolve_off(m.ifn);
                break;
            }
        }
        if found == 0 {
            ok = false;
            fun[0] = 0;
            break;
        }
        fun[k] = found;
    }
    // SAFETY: single-threaded runtime.
    unsafe {
        if *ITAB_COUNT.get() < CACHE_SIZE * 3 / 4 {
            *ITAB_COUNT.get() += 1;
            cache[i] = p;
        }
    }
    if ok || ims.is_empty() {
        Ok(p)
    } else {
        Err(missing_method(inter, typ))
    }
}

/// The name of the first method of `inter` that `typ` lacks.
fn missing_method<'a>(inter: &'a InterfaceType, typ: &Type) -> &'a [u8] {
    let ms = typ.methods();
    for im in inter.methods() {
        if !ms.iter().any(|m| implements(inter, im, typ, m)) {
            return off_name(im.name);
        }
    }
    b""
}

/// Conversion between interface types (`J(i)`): the itab of `typ` (nil for a nil interface) as `inter`.
#[no_mangle]
pub extern "C" fn g1c_convI2I(inter: *const InterfaceType, typ: *const Type) -> *const Itab {
    if typ.is_null() {
        return core::ptr::null();
    }
    // SAFETY: compiler-emitted descriptors.
    let (inter, t) = unsafe { (&*inter, &*typ) };
    match getitab(inter, t) {
        Ok(p) => p,
        Err(m) => panic_missing(t, &inter.typ, m),
    }
}

/// `x.(I)` with a non-empty interface `I`: the itab, or a panic (`iface` is the static type of `x`).
#[no_mangle]
pub extern "C" fn g1c_assertE2I(inter: *const InterfaceType, typ: *const Type, iface: *const Type) -> *const Itab {
    // SAFETY: compiler-emitted descriptors.
    let inter = unsafe { &*inter };
    if typ.is_null() {
        panic_dottype(core::ptr::null(), &inter.typ, iface);
    }
    let t = unsafe { &*typ };
    match getitab(inter, t) {
        Ok(p) => p,
        Err(m) => panic_missing(t, &inter.typ, m),
    }
}

/// `v, ok := x.(I)`: the itab or nil.
#[no_mangle]
pub extern "C" fn g1c_assertE2I2(inter: *const InterfaceType, typ: *const Type) -> *const Itab {
    if typ.is_null() {
        return core::ptr::null();
    }
    // SAFETY: compiler-emitted descriptors.
    match getitab(unsafe { &*inter }, unsafe { &*typ }) {
        Ok(p) => p,
        Err(_) => core::ptr::null(),
    }
}

fn panic_missing(t: &Type, inter: &Type, m: &[u8]) -> ! {
    let msg = heap_msg(&[b"interface conversion: ", t.string(), b" is not ", inter.string(), b": missing method ", m]);
    type_assertion_panic(msg, b"", t.string(), inter.string(), false, m)
}

/// Panics with a failed assertion: a `*runtime.TypeAssertionError` (lib/runtime/error.go, whose `Error`
/// spells `msg` from the other fields) when the program has package runtime, else the message alone.
/// `iface` is "" for a plain interface, `have` "" for a nil one.
fn type_assertion_panic(
    msg: &'static [u8],
    iface: &[u8],
    have: &[u8],
    want: &[u8],
    other_pkg: bool,
    missing: &[u8],
) -> ! {
    let t = crate::defer::rterror_type(crate::defer::RtError::TypeAssertion);
    if t == 0 {
        crate::defer::gopanic(crate::defer::Value::Plain(msg));
    }
    // error.go's layout: iface, have, want (strings), otherPkg (bool), missing (string): 72 bytes. The
    // strings are type names in read-only data and method names in the heap: scanned conservatively.
    let p = crate::mem::alloc(72) as *mut u64;
    // SAFETY: fresh zeroed memory of 72 bytes.
    unsafe {
        for (i, s) in [iface, have, want].iter().enumerate() {
            *p.add(2 * i) = s.as_ptr() as u64;
            *p.add(2 * i + 1) = s.len() as u64;
        }
        *(p.add(6) as *mut u8) = other_pkg as u8;
        *p.add(7) = missing.as_ptr() as u64;
        *p.add(8) = missing.len() as u64;
    }
    crate::defer::gopanic(crate::defer::Value::Eface { t, data: p as usize })
}

/// gc's `_type.pkgpath`: the package of a defined type, or the one an unnamed struct or interface type
/// records for its unexported names ("" when there is none).
///
/// # Safety
/// `t` is a type descriptor.
unsafe fn type_pkgpath(t: &Type) -> &[u8] {
    if let Some(u) = t.uncommon() {
        return off_name_or_empty(u.pkgpath);
    }
    let p = match t.kind() {
        K_STRUCT => (*(t as *const Type as *const StructType)).pkgpath,
        K_INTERFACE => (*(t as *const Type as *const InterfaceType)).pkgpath,
        _ => core::ptr::null(),
    };
    if p.is_null() {
        b""
    } else {
        name_bytes(p)
    }
}

fn panic_dottype(have: *const Type, want: &Type, iface: *const Type) -> ! {
    // gc's assertE2I and panicnildottype leave the static interface out of the message when the wanted
    // type is an interface: `interface is nil, not fmt.Stringer` whatever x's static type.
    let unnamed = iface.is_null() || (have.is_null() && want.kind() == K_INTERFACE);
    // SAFETY: compiler-emitted descriptors.
    let inter: &[u8] = if unnamed { b"interface" } else { unsafe { (*iface).string() } };
    let iface: &[u8] = if unnamed { b"" } else { inter };
    if have.is_null() {
        let msg = heap_msg(&[b"interface conversion: ", inter, b" is nil, not ", want.string()]);
        type_assertion_panic(msg, iface, b"", want.string(), false, b"")
    }
    let cs = unsafe { (*have).string() };
    let other_pkg = unsafe { type_pkgpath(&*have) != type_pkgpath(want) };
    let note: &[u8] = if cs != want.string() {
        b""
    } else if other_pkg {
        b" (types from different packages)"
    } else {
        b" (types from different scopes)"
    };
    let msg = heap_msg(&[b"interface conversion: ", inter, b" is ", cs, b", not ", want.string(), note]);
    type_assertion_panic(msg, iface, cs, want.string(), other_pkg, b"")
}

/// The concatenation of `parts` in memory that is never freed (a panic message that recover may keep).
pub fn heap_msg(parts: &[&[u8]]) -> &'static [u8] {
    let n: usize = parts.iter().map(|p| p.len()).sum();
    let p = crate::mem::alloc_noscan(n.max(1));
    let mut at = 0;
    for part in parts {
        // SAFETY: `p` has room for all parts.
        unsafe { core::ptr::copy_nonoverlapping(part.as_ptr(), p.add(at), part.len()) };
        at += part.len();
    }
    // SAFETY: initialized above; the memory is never freed or written again.
    unsafe { core::slice::from_raw_parts(p, n) }
}

/// A failed `x.(T)`: gc's `panicdottypeE`.
#[no_mangle]
pub extern "C" fn g1c_panicdottype(have: *const Type, want: *const Type, iface: *const Type) -> ! {
    // SAFETY: compiler-emitted descriptor.
    panic_dottype(have, unsafe { &*want }, iface)
}

// ---- Equality ----

/// `*p == *q` for values of type `t` (gc's `t.equal`), panicking for uncomparable types.
///
/// # Safety
/// `p` and `q` must point at values of type `t`.
pub unsafe fn typeequal(t: &Type, p: *const u8, q: *const u8) -> bool {
    if t.equal == 0 {
        crate::panic::runtime_error(heap_msg(&[b"comparing uncomparable type ", t.string()]));
    }
    if t.tflag & TFLAG_REGULAR_MEMORY != 0 {
        return crate::memops::g1c_memequal(p, q, t.size) != 0;
    }
    match t.kind() {
        K_FLOAT32 => *(p as *const f32) == *(q as *const f32),
        K_FLOAT64 => *(p as *const f64) == *(q as *const f64),
        K_COMPLEX64 => *(p as *const [f32; 2]) == *(q as *const [f32; 2]),
        K_COMPLEX128 => *(p as *const [f64; 2]) == *(q as *const [f64; 2]),
        K_STRING => {
            let (a, b) = (*(p as *const [usize; 2]), *(q as *const [usize; 2]));
            a[1] == b[1] && crate::memops::g1c_memequal(a[0] as *const u8, b[0] as *const u8, a[1]) != 0
        }
        K_INTERFACE => {
            let it = &*(t as *const Type as *const InterfaceType);
            let (a, b) = (*(p as *const [usize; 2]), *(q as *const [usize; 2]));
            if it.mlen == 0 {
                efaceeq(a[0], a[1], b[0], b[1])
            } else {
                efaceeq(itab_type(a[0]), a[1], itab_type(b[0]), b[1])
            }
        }
        K_ARRAY => {
            let at = &*(t as *const Type as *const ArrayType);
            let e = &*at.elem;
            let elem = |i: usize| (p.add(i * e.size), q.add(i * e.size));
            // gc's generated equality compares every string's length first, then the contents; interface
            // elements in order (an uncomparable value panics even if a later element differs).
            let cheap_first = e.kind() != K_STRING
                || (0..at.len).all(|i| {
                    let (a, b) = elem(i);
                    *(a as *const usize).add(1) == *(b as *const usize).add(1)
                });
            cheap_first && (0..at.len).all(|i| typeequal(e, elem(i).0, elem(i).1))
        }
        K_STRUCT => struct_equal(&*(t as *const Type as *const StructType), p, q),
        // Pointers, channels, integers (with regular memory cleared only by padding rules): compare bytes.
        _ => crate::memops::g1c_memequal(p, q, t.size) != 0,
    }
}

/// `*p == *q` for a struct in gc's order (cmd/compile's EqStruct), which decides which fault or panic a
/// comparison meets first: fields whose comparison can panic (interfaces, or aggregates holding one) are
/// compared alone, in field order; between them, each stretch of other fields is compared in two passes:
/// first what gc compares inline (string lengths, floats, nested values, runs of at most two plain-memory
/// fields), then what it compares by calls (string contents, runs of three or more plain-memory fields).
/// Blank fields are not compared.
///
/// # Safety
/// `p` and `q` must point at values of the struct type.
unsafe fn struct_equal(st: &StructType, p: *const u8, q: *const u8) -> bool {
    let fs = core::slice::from_raw_parts(st.fields, st.flen);
    let mut lo = 0;
    while lo < fs.len() {
        if can_panic_eq(&*fs[lo].typ) {
            let off = fs[lo].offset;
            if !is_blank(&fs[lo]) && !typeequal(&*fs[lo].typ, p.add(off), q.add(off)) {
                return false;
            }
            lo += 1;
            continue;
        }
        let mut hi = lo;
        while hi < fs.len() && !can_panic_eq(&*fs[hi].typ) {
            hi += 1;
        }
        if !struct_pass(st, lo, hi, p, q, false) || !struct_pass(st, lo, hi, p, q, true) {
            return false;
        }
        lo = hi;
    }
    true
}

/// One pass of [`struct_equal`] over fields `lo..hi`: the inline comparisons (`calls` false) or the calls.
unsafe fn struct_pass(st: &StructType, lo: usize, hi: usize, p: *const u8, q: *const u8, calls: bool) -> bool {
    let fs = core::slice::from_raw_parts(st.fields, st.flen);
    let plain = |i: usize| !is_blank(&fs[i]) && (*fs[i].typ).tflag & TFLAG_REGULAR_MEMORY != 0;
    // Field `i` is followed by padding (gc's IsPaddedField).
    let padded = |i: usize| {
        let end = fs[i].offset + (*fs[i].typ).size;
        end != if i + 1 < fs.len() { fs[i + 1].offset } else { st.typ.size }
    };
    let mut i = lo;
    while i < hi {
        let (f, t) = (&fs[i], &*fs[i].typ);
        let (a, b) = (p.add(f.offset), q.add(f.offset));
        if is_blank(f) {
            i += 1;
        } else if plain(i) {
            // gc's Memrun: the longest run of plain-memory fields without padding between them.
            let mut next = i + 1;
            while next < hi && !padded(next - 1) && plain(next) {
                next += 1;
            }
            let size = fs[next - 1].offset + (*fs[next - 1].typ).size - f.offset;
            if (next - i > 2) == calls && crate::memops::g1c_memequal(a, b, size) == 0 {
                return false;
            }
            i = next;
        } else if t.kind() == K_STRING {
            let (x, y) = (*(a as *const [usize; 2]), *(b as *const [usize; 2]));
            let ok = if calls {
                crate::memops::g1c_memequal(x[0] as *const u8, y[0] as *const u8, x[1]) != 0
            } else {
                x[1] == y[1]
            };
            if !ok {
                return false;
            }
            i += 1;
        } else {
            if !calls && !typeequal(t, a, b) {
                return false;
            }
            i += 1;
        }
    }
    true
}

fn is_blank(f: &StructField) -> bool {
    // SAFETY: a field's name is a valid name.
    unsafe { name_bytes(f.name) == b"_" }
}

/// gc's eqCanPanic: comparing values of `t` may panic (an interface holding an uncomparable value).
fn can_panic_eq(t: &Type) -> bool {
    // SAFETY: descriptors' element and field pointers are valid.
    unsafe {
        match t.kind() {
            K_INTERFACE => true,
            K_ARRAY => can_panic_eq(&*(*(t as *const Type as *const ArrayType)).elem),
            K_STRUCT => {
                let st = &*(t as *const Type as *const StructType);
                core::slice::from_raw_parts(st.fields, st.flen).iter().any(|f| !is_blank(f) && can_panic_eq(&*f.typ))
            }
            _ => false,
        }
    }
}

/// `tab == nil ? nil : tab._type`, as a word.
pub fn itab_type(tab: usize) -> usize {
    if tab == 0 {
        0
    } else {
        // SAFETY: a non-nil itab.
        unsafe { (*(tab as *const Itab)).typ as usize }
    }
}

/// gc's `efaceeq` on two empty-interface values given as words.
///
/// # Safety
/// The words must form valid interface values.
pub unsafe fn efaceeq(t0: usize, d0: usize, t1: usize, d1: usize) -> bool {
    if t0 != t1 {
        return false;
    }
    if t0 == 0 {
        return true;
    }
    let t = &*(t0 as *const Type);
    if t.direct_iface() {
        if t.equal == 0 {
            typeequal(t, core::ptr::null(), core::ptr::null());
        }
        return d0 == d1;
    }
    typeequal(t, d0 as *const u8, d1 as *const u8)
}

/// `x == y` for empty interfaces.
///
/// # Safety
/// The words must form valid interface values.
#[no_mangle]
pub unsafe extern "C" fn g1c_efaceeq(t0: usize, d0: usize, t1: usize, d1: usize) -> u8 {
    efaceeq(t0, d0, t1, d1) as u8
}

/// `x == y` for non-empty interfaces (compares the dynamic types, then the values).
///
/// # Safety
/// The words must form valid interface values.
#[no_mangle]
pub unsafe extern "C" fn g1c_ifaceeq(tab0: usize, d0: usize, tab1: usize, d1: usize) -> u8 {
    efaceeq(itab_type(tab0), d0, itab_type(tab1), d1) as u8
}

/// The body of every type's `equal` func value.
///
/// # Safety
/// `p` and `q` must point at values of type `t`.
#[no_mangle]
pub unsafe extern "C" fn g1c_typeequal(t: *const Type, p: *const u8, q: *const u8) -> u8 {
    typeequal(&*t, p, q) as u8
}

// ---- Printing and panics ----

/// `print(i)` for an interface: `(0x…,0x…)`.
#[no_mangle]
pub extern "C" fn g1c_printiface(a: usize, b: usize) {
    let mut o = Stderr::new();
    o.put(b"(");
    print::hex(&mut o, a as u64);
    o.put(b",");
    print::hex(&mut o, b as u64);
    o.put(b")");
}

/// gc's `printpanicval` for an empty interface `(t, data)`.
///
/// # Safety
/// `(t, data)` must be a valid interface value.
pub unsafe fn print_panic_value(o: &mut impl Out, t: *const Type, data: usize) {
    if t.is_null() {
        o.put(b"nil");
        return;
    }
    let t = &*t;
    let s = t.string();
    let k = t.kind();
    let p = if t.direct_iface() { &data as *const usize as *const u8 } else { data as *const u8 };
    // Predeclared types print their value alone; other types with a basic kind print `T(v)`.
    let named = s.contains(&b'.');
    let (w0, w1): (u64, u64) = match k {
        K_BOOL => (*p as u64, 0),
        K_INT..=K_INT64 => {
            let v: i64 = match t.size {
                1 => *(p as *const i8) as i64,
                2 => *(p as *const i16) as i64,
                4 => *(p as *const i32) as i64,
                _ => *(p as *const i64),
            };
            (v as u64, 0)
        }
        K_UINT..=K_UINTPTR => {
            let v: u64 = match t.size {
                1 => *p as u64,
                2 => *(p as *const u16) as u64,
                4 => *(p as *const u32) as u64,
                _ => *(p as *const u64),
            };
            (v, 0)
        }
        K_FLOAT32 => ((*(p as *const f32) as f64).to_bits(), 0),
        K_FLOAT64 => (*(p as *const u64), 0),
        K_COMPLEX64 => {
            let c = *(p as *const [f32; 2]);
            ((c[0] as f64).to_bits(), (c[1] as f64).to_bits())
        }
        K_COMPLEX128 => {
            let c = *(p as *const [u64; 2]);
            (c[0], c[1])
        }
        K_STRING => {
            let sv = *(p as *const [u64; 2]);
            (sv[0], sv[1])
        }
        _ => (data as u64, 0),
    };
    let kind = match k {
        K_BOOL..=K_COMPLEX128 | K_STRING => k as u64,
        _ => 22,
    };
    crate::panic::panic_value(o, kind, if named || kind == 22 { s } else { b"" }, w0, w1);
}

/// The builtin `panic(v)` with `v` as an empty interface `(type, data)`.
///
/// # Safety
/// `(t, data)` must be a valid interface value.
#[no_mangle]
pub unsafe extern "C" fn g1c_gopanic_eface(t: *const Type, data: usize) -> ! {
    crate::defer::gopanic(crate::defer::Value::Eface { t: t as usize, data })
}

/// Prints a panic value given as an empty interface: what its `Error`/`String` method returns, else
/// gc's `printpanicval`.
///
/// # Safety
/// `(t, data)` must be a valid interface value.
pub unsafe fn print_eface(o: &mut impl Out, t: usize, data: usize) {
    let t = t as *const Type;
    match error_string(t, data) {
        Some(s) => o.put(s),
        None => print_panic_value(o, t, data),
    }
}

/// gc's `preprintpanics`: for a value with an `Error() string` or `String() string` method, the string it
/// returns (Error first).
unsafe fn error_string<'a>(t: *const Type, data: usize) -> Option<&'a [u8]> {
    if t.is_null() {
        return None;
    }
    let t = &*t;
    for want in [&b"Error"[..], &b"String"[..]] {
        for m in t.methods() {
            if off_name(m.name) != want {
                continue;
            }
            if !returns_string(resolve_off(m.mtyp) as *const Type) {
                continue;
            }
            let mut area = [data, 0, 0];
            g1c_call_abi0(resolve_off(m.ifn), 0, area.as_mut_ptr(), 3);
            return Some(print::go_str(area[1] as *const u8, area[2]));
        }
    }
    None
}

/// Whether the func type `f` is `func() string`.
unsafe fn returns_string(f: *const Type) -> bool {
    let counts = (f as *const u8).add(48) as *const u16;
    let (nin, nout) = (*counts, *counts.add(1));
    if nin != 0 || nout != 1 {
        return false;
    }
    let uadd = if (*f).tflag & TFLAG_UNCOMMON != 0 { 16 } else { 0 };
    let out = *((f as *const u8).add(56 + uadd) as *const *const Type);
    (*out).kind() == K_STRING && (*out).string() == b"string"
}

// g1c_call_abi0(code, ctx, area, nwords): calls a Go function (ABI0) at `code` with closure context `ctx`
// (in RDX), copying `nwords` words from `area` to the outgoing argument area and back afterwards (results).
// Go code clobbers every register, so the C ABI's callee-saved ones are saved, and `area` and `nwords` are
// kept in the frame (RBP-48, RBP-56) and reloaded after the call; RSP is 16-aligned at the call.
#[cfg(not(test))]
core::arch::global_asm!(
    ".globl g1c_call_abi0",
    ".type g1c_call_abi0,@function",
    "g1c_call_abi0:",
    "    push rbp",
    "    mov rbp, rsp",
    "    push rbx",
    "    push r12",
    "    push r13",
    "    push r14",
    "    push r15",
    "    push rdx",
    "    push rcx",
    "    mov rbx, rdx", // area
    "    mov r12, rcx", // nwords
    "    mov r13, rdi", // code
    "    lea rax, [rcx*8 + 15]",
    "    and rax, -16",
    "    sub rsp, rax",
    "    and rsp, -16",
    "    xor ecx, ecx",
    "2:",
    "    cmp rcx, r12",
    "    jae 3f",
    "    mov rax, [rbx + rcx*8]",
    "    mov [rsp + rcx*8], rax",
    "    inc rcx",
    "    jmp 2b",
    "3:",
    "    mov rdx, rsi",
    "    call r13",
    "    mov rbx, [rbp - 48]",
    "    mov r12, [rbp - 56]",
    "    xor ecx, ecx",
    "4:",
    "    cmp rcx, r12",
    "    jae 5f",
    "    mov rax, [rsp + rcx*8]",
    "    mov [rbx + rcx*8], rax",
    "    inc rcx",
    "    jmp 4b",
    "5:",
    "    lea rsp, [rbp - 40]",
    "    pop r15",
    "    pop r14",
    "    pop r13",
    "    pop r12",
    "    pop rbx",
    "    pop rbp",
    "    ret",
    ".size g1c_call_abi0, . - g1c_call_abi0",
);

#[cfg(not(test))]
extern "C" {
    /// Calls an ABI0 Go function; see the assembly above.
    pub fn g1c_call_abi0(code: usize, ctx: usize, area: *mut usize, nwords: usize);
}

#[cfg(test)]
pub unsafe fn g1c_call_abi0(_code: usize, _ctx: usize, _area: *mut usize, _nwords: usize) {}

/// Counts, then collects, printed bytes.
struct Buf {
    p: *mut u8,
    n: usize,
}

impl Out for Buf {
    fn put(&mut self, b: &[u8]) {
        if !self.p.is_null() {
            // SAFETY: the second pass writes into a buffer of the size the first pass counted.
            unsafe { core::ptr::copy_nonoverlapping(b.as_ptr(), self.p.add(self.n), b.len()) };
        }
        self.n += b.len();
    }
}

/// `(*runtime.panicValue).Error()`: the message of a recovered runtime panic, as a Go string.
///
/// # Safety
/// `v` must point at a boxed panic value (defer.rs `g1c_gorecover`).
#[no_mangle]
pub unsafe extern "C" fn g1c_panicvalue_error(v: *const crate::defer::Value) -> crate::Pair {
    let mut count = Buf { p: core::ptr::null_mut(), n: 0 };
    crate::defer::print_value(&mut count, &*v);
    let mut b = Buf { p: crate::mem::alloc_noscan(count.n.max(1)), n: 0 };
    crate::defer::print_value(&mut b, &*v);
    crate::Pair { a: b.p as usize, b: b.n }
}
