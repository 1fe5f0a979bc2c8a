//! Package reflect's runtime hooks: the body-less functions of GOROOT's `reflect` (and the two of
//! `internal/abi` it calls) that gc's runtime defines by `//go:linkname`, defined here under the Go symbols
//! reflect calls (`reflect.mapaccess`, `reflect.typelinks`, …), as `gohooks` does for internal/reflectlite.
//!
//! In: ABI0 calls from reflect compiled from the unmodified GOROOT: arguments, then results, in the caller's
//! outgoing area above the return address (offsets noted beside each trampoline, relative to RBP after
//! `push rbp; mov rbp, rsp`: the first argument at +16). Descriptors are gc 1.19's (`src/ir/lower/typedesc.rs`),
//! maps are rt's `hmap` (`map`), channels rt's `hchan` (`chan`). Out: the results written back there; the
//! work is done by the code compiled Go uses for the same operations (`map`, `chan`, `select`, `iface`,
//! `mem`), so a value made through reflect is the same as one made by compiled code.
//!
//! The register-level routines reflect needs besides these (`reflect.call`, `makeFuncStub`,
//! `methodValueCall`) are in `arch::amd64_reflect`.
//!
//! Invariants:
//! - reflect's `hiter` is rt's 12-word [`HIter`]: `key` and `elem` first, `t` non-null once initialized.
//! - Offsets (`nameOff`, `typeOff`, `textOff`) are image-relative (from `g1c_modbase`) and never negative for
//!   the compiler's descriptors; the types, names and methods reflect builds at run time (`SliceOf`,
//!   `StructOf`, …) get negative ids from [`add_reflect_off`] (gc's `addReflectOff`), which
//!   [`crate::iface::resolve_off`] maps back. Ids start at -2: gc reads -1 as "no type" in a `typeOff`.
//! - `typelinks` returns one section, the image base, and the linker's `g1c_typelinks` table: image offsets
//!   of the program's unnamed pointer, array, chan, func, map, slice and struct descriptors, sorted by type
//!   string (docs/RUNTIME-ABI.md, "Tables the linker provides").
//! - No write barriers: the collector stops the world and never moves objects, so typed copies are plain
//!   copies.

use crate::chan::Chan;
use crate::iface::Type;
use crate::map::{HIter, HMap, MapType};
use crate::select::Scase;
use crate::Global;

// Hooks reflect shares with internal/reflectlite, same signature and frame (typedmemmove, unsafe_New, maplen,
// chanlen, ifaceE2I, resolveNameOff/TypeOff/TextOff), jump to reflectlite's body in rt/src/gohooks.rs: one
// body per hook.
//
// Memory: memmove(dst, src, size) +16 +24 +32; typedmemmove(t, dst, src) +16 +24 +32;
// typedmemmovepartial(t, dst, src, off, size) +16 .. +48 (dst and src already point `off` bytes in);
// typedmemclr(t, ptr) +16 +24; typedmemclrpartial(t, ptr, off, size) +16 .. +40 (ptr already offset);
// typedslicecopy(t, dst, src unsafeheader.Slice) int: t +16, dst +24 (data, len, cap), src +48, result +72;
// unsafe_New(t) +16, result +24; unsafe_NewArray(t, n) +16 +24, result +32;
// typehash(t, p, h) +16 +24 +32, result +40; verifyNotInHeapPtr(p) +16, result (bool) +24.
#[cfg(not(test))]
core::arch::global_asm!(
    ".globl \"reflect.memmove\"",
    "\"reflect.memmove\":",
    "    push rbp",
    "    mov rbp, rsp",
    "    mov rdi, [rbp + 16]",
    "    mov rsi, [rbp + 24]",
    "    mov rdx, [rbp + 32]",
    "    call g1c_memmove",
    "    pop rbp",
    "    ret",
    ".globl \"reflect.typedmemmove\"",
    "\"reflect.typedmemmove\":",
    "    jmp \"internal/reflectlite.typedmemmove\"",
    ".globl \"reflect.typedmemmovepartial\"",
    "\"reflect.typedmemmovepartial\":",
    "    push rbp",
    "    mov rbp, rsp",
    "    mov rdi, [rbp + 24]",
    "    mov rsi, [rbp + 32]",
    "    mov rdx, [rbp + 48]",
    "    call g1c_memmove",
    "    pop rbp",
    "    ret",
    ".globl \"reflect.typedmemclr\"",
    "\"reflect.typedmemclr\":",
    "    push rbp",
    "    mov rbp, rsp",
    "    mov rdi, [rbp + 24]",
    "    mov rsi, [rbp + 16]",
    "    mov rsi, [rsi]",
    "    call g1c_memclr",
    "    pop rbp",
    "    ret",
    ".globl \"reflect.typedmemclrpartial\"",
    "\"reflect.typedmemclrpartial\":",
    "    push rbp",
    "    mov rbp, rsp",
    "    mov rdi, [rbp + 24]",
    "    mov rsi, [rbp + 40]",
    "    call g1c_memclr",
    "    pop rbp",
    "    ret",
    ".globl \"reflect.typedslicecopy\"",
    "\"reflect.typedslicecopy\":",
    "    push rbp",
    "    mov rbp, rsp",
    "    mov rdi, [rbp + 16]",
    "    mov rsi, [rbp + 24]",
    "    mov rdx, [rbp + 32]",
    "    mov rcx, [rbp + 48]",
    "    mov r8, [rbp + 56]",
    "    call g1c_reflect_typedslicecopy",
    "    mov [rbp + 72], rax",
    "    pop rbp",
    "    ret",
    ".globl \"reflect.unsafe_New\"",
    "\"reflect.unsafe_New\":",
    "    jmp \"internal/reflectlite.unsafe_New\"",
    ".globl \"reflect.unsafe_NewArray\"",
    "\"reflect.unsafe_NewArray\":",
    "    push rbp",
    "    mov rbp, rsp",
    "    mov rdi, [rbp + 16]",
    "    mov rsi, [rbp + 24]",
    "    call g1c_newarray",
    "    mov [rbp + 32], rax",
    "    pop rbp",
    "    ret",
    ".globl \"reflect.typehash\"",
    "\"reflect.typehash\":",
    "    push rbp",
    "    mov rbp, rsp",
    "    mov rdi, [rbp + 16]",
    "    mov rsi, [rbp + 24]",
    "    mov rdx, [rbp + 32]",
    "    call g1c_typehash",
    "    mov [rbp + 40], rax",
    "    pop rbp",
    "    ret",
    ".globl \"reflect.verifyNotInHeapPtr\"",
    "\"reflect.verifyNotInHeapPtr\":",
    "    push rbp",
    "    mov rbp, rsp",
    "    mov rdi, [rbp + 16]",
    "    call g1c_reflect_not_in_heap",
    "    mov [rbp + 24], al",
    "    pop rbp",
    "    ret",
);

// Maps (t is the *maptype, m rt's *hmap, keys and values by address; the _faststr forms take the key string
// itself, passed by the address of its two words in the caller's area):
// makemap(t, cap) +16 +24, result +32; mapaccess(t, m, key) +16 +24 +32, result +40;
// mapaccess_faststr(t, m, key string) +16 +24 +32, result +48; mapassign(t, m, key, val) +16 .. +40;
// mapassign_faststr(t, m, key string, val) +16 +24 +32, val +48; mapdelete(t, m, key) +16 +24 +32;
// mapdelete_faststr(t, m, key string) +16 +24 +32; mapiterinit(t, m, it) +16 +24 +32;
// mapiterkey(it) / mapiterelem(it) +16, result +24; mapiternext(it) +16; maplen(m) +16, result +24.
#[cfg(not(test))]
core::arch::global_asm!(
    ".globl \"reflect.makemap\"",
    "\"reflect.makemap\":",
    "    push rbp",
    "    mov rbp, rsp",
    "    mov rdi, [rbp + 16]",
    "    mov rsi, [rbp + 24]",
    "    call g1c_makemap",
    "    mov [rbp + 32], rax",
    "    pop rbp",
    "    ret",
    ".globl \"reflect.mapaccess\"",
    "\"reflect.mapaccess\":",
    "    push rbp",
    "    mov rbp, rsp",
    "    mov rdi, [rbp + 16]",
    "    mov rsi, [rbp + 24]",
    "    mov rdx, [rbp + 32]",
    "    call g1c_mapaccess",
    "    mov [rbp + 40], rax",
    "    pop rbp",
    "    ret",
    ".globl \"reflect.mapaccess_faststr\"",
    "\"reflect.mapaccess_faststr\":",
    "    push rbp",
    "    mov rbp, rsp",
    "    mov rdi, [rbp + 16]",
    "    mov rsi, [rbp + 24]",
    "    lea rdx, [rbp + 32]",
    "    call g1c_mapaccess",
    "    mov [rbp + 48], rax",
    "    pop rbp",
    "    ret",
    ".globl \"reflect.mapassign\"",
    "\"reflect.mapassign\":",
    "    push rbp",
    "    mov rbp, rsp",
    "    mov rdi, [rbp + 16]",
    "    mov rsi, [rbp + 24]",
    "    mov rdx, [rbp + 32]",
    "    mov rcx, [rbp + 40]",
    "    call g1c_reflect_mapassign",
    "    pop rbp",
    "    ret",
    ".globl \"reflect.mapassign_faststr\"",
    "\"reflect.mapassign_faststr\":",
    "    push rbp",
    "    mov rbp, rsp",
    "    mov rdi, [rbp + 16]",
    "    mov rsi, [rbp + 24]",
    "    lea rdx, [rbp + 32]",
    "    mov rcx, [rbp + 48]",
    "    call g1c_reflect_mapassign",
    "    pop rbp",
    "    ret",
    ".globl \"reflect.mapdelete\"",
    "\"reflect.mapdelete\":",
    "    push rbp",
    "    mov rbp, rsp",
    "    mov rdi, [rbp + 16]",
    "    mov rsi, [rbp + 24]",
    "    mov rdx, [rbp + 32]",
    "    call g1c_mapdelete",
    "    pop rbp",
    "    ret",
    ".globl \"reflect.mapdelete_faststr\"",
    "\"reflect.mapdelete_faststr\":",
    "    push rbp",
    "    mov rbp, rsp",
    "    mov rdi, [rbp + 16]",
    "    mov rsi, [rbp + 24]",
    "    lea rdx, [rbp + 32]",
    "    call g1c_mapdelete",
    "    pop rbp",
    "    ret",
    ".globl \"reflect.mapiterinit\"",
    "\"reflect.mapiterinit\":",
    "    push rbp",
    "    mov rbp, rsp",
    "    mov rdi, [rbp + 16]",
    "    mov rsi, [rbp + 24]",
    "    mov rdx, [rbp + 32]",
    "    call g1c_mapiterinit",
    "    pop rbp",
    "    ret",
    ".globl \"reflect.mapiterkey\"",
    "\"reflect.mapiterkey\":",
    "    mov rax, [rsp + 8]",
    "    mov rax, [rax]",
    "    mov [rsp + 16], rax",
    "    ret",
    ".globl \"reflect.mapiterelem\"",
    "\"reflect.mapiterelem\":",
    "    mov rax, [rsp + 8]",
    "    mov rax, [rax + 8]",
    "    mov [rsp + 16], rax",
    "    ret",
    ".globl \"reflect.mapiternext\"",
    "\"reflect.mapiternext\":",
    "    push rbp",
    "    mov rbp, rsp",
    "    mov rdi, [rbp + 16]",
    "    call g1c_mapiternext",
    "    pop rbp",
    "    ret",
    ".globl \"reflect.maplen\"",
    "\"reflect.maplen\":",
    "    jmp \"internal/reflectlite.maplen\"",
);

// Channels and select: makechan(t *chantype, size) +16 +24, result +32; chansend(ch, val, nb bool) +16 +24
// +32, result (bool) +40; chanrecv(ch, nb bool, val) +16 +24 +32, results (selected, received bool) +40
// +41; chanlen(ch) / chancap(ch) +16, result +24; chanclose(ch) +16; rselect(cases []runtimeSelect) +16
// (data, len, cap), results (chosen int, recvOK bool) +40 +48.
#[cfg(not(test))]
core::arch::global_asm!(
    ".globl \"reflect.makechan\"",
    "\"reflect.makechan\":",
    "    push rbp",
    "    mov rbp, rsp",
    "    mov rdi, [rbp + 16]",
    "    mov rdi, [rdi + 48]",
    "    mov rsi, [rbp + 24]",
    "    call g1c_makechan_typed",
    "    mov [rbp + 32], rax",
    "    pop rbp",
    "    ret",
    ".globl \"reflect.chansend\"",
    "\"reflect.chansend\":",
    "    push rbp",
    "    mov rbp, rsp",
    "    mov rdi, [rbp + 16]",
    "    mov rsi, [rbp + 24]",
    "    movzx edx, byte ptr [rbp + 32]",
    "    call g1c_reflect_chansend",
    "    mov [rbp + 40], al",
    "    pop rbp",
    "    ret",
    ".globl \"reflect.chanrecv\"",
    "\"reflect.chanrecv\":",
    "    push rbp",
    "    mov rbp, rsp",
    "    mov rdi, [rbp + 16]",
    "    movzx esi, byte ptr [rbp + 24]",
    "    mov rdx, [rbp + 32]",
    "    lea rcx, [rbp + 40]",
    "    call g1c_reflect_chanrecv",
    "    pop rbp",
    "    ret",
    ".globl \"reflect.chanlen\"",
    "\"reflect.chanlen\":",
    "    jmp \"internal/reflectlite.chanlen\"",
    ".globl \"reflect.chancap\"",
    "\"reflect.chancap\":",
    "    push rbp",
    "    mov rbp, rsp",
    "    mov rdi, [rbp + 16]",
    "    call g1c_chancap",
    "    mov [rbp + 24], rax",
    "    pop rbp",
    "    ret",
    ".globl \"reflect.chanclose\"",
    "\"reflect.chanclose\":",
    "    push rbp",
    "    mov rbp, rsp",
    "    mov rdi, [rbp + 16]",
    "    call g1c_closechan",
    "    pop rbp",
    "    ret",
    ".globl \"reflect.rselect\"",
    "\"reflect.rselect\":",
    "    push rbp",
    "    mov rbp, rsp",
    "    mov rdi, [rbp + 16]",
    "    mov rsi, [rbp + 24]",
    "    lea rdx, [rbp + 40]",
    "    call g1c_reflect_rselect",
    "    pop rbp",
    "    ret",
);

// Interfaces and the module's tables: ifaceE2I(t, src any, dst) +16, +24 (type) +32 (data), +40;
// typelinks() results (sections []unsafe.Pointer, offset [][]int32) +16 .. +56;
// resolveNameOff(ptr, off int32), resolveTypeOff(rtype, off), resolveTextOff(rtype, off): off +24, result
// +32; addReflectOff(ptr) +16, result (int32) +24; gcbits(x any) (reflect's export_test.go) +16 (type) +24
// (data), result ([]byte) +32 .. +48.
// internal/abi.FuncPCABI0(f any) and FuncPCABIInternal(f any): f's data word +16 (a func value: a pointer to
// the closure, whose first word is the code), result +24. Every g1c function is ABI0, so both are the
// closure's code pointer (gc's compiler evaluates them; here they are ordinary calls).
#[cfg(not(test))]
core::arch::global_asm!(
    ".globl \"reflect.ifaceE2I\"",
    "\"reflect.ifaceE2I\":",
    "    jmp \"internal/reflectlite.ifaceE2I\"",
    ".globl \"reflect.typelinks\"",
    "\"reflect.typelinks\":",
    "    push rbp",
    "    mov rbp, rsp",
    "    lea rdi, [rbp + 16]",
    "    call g1c_reflect_typelinks",
    "    pop rbp",
    "    ret",
    ".globl \"reflect.resolveNameOff\"",
    "\"reflect.resolveNameOff\":",
    ".globl \"reflect.resolveTypeOff\"",
    "\"reflect.resolveTypeOff\":",
    ".globl \"reflect.resolveTextOff\"",
    "\"reflect.resolveTextOff\":",
    "    jmp \"internal/reflectlite.resolveTypeOff\"",
    ".globl \"reflect.gcbits\"",
    "\"reflect.gcbits\":",
    "    push rbp",
    "    mov rbp, rsp",
    "    mov rdi, [rbp + 16]",
    "    mov rsi, [rbp + 24]",
    "    lea rdx, [rbp + 32]",
    "    call g1c_reflect_gcbits",
    "    pop rbp",
    "    ret",
    ".globl \"reflect.addReflectOff\"",
    "\"reflect.addReflectOff\":",
    "    push rbp",
    "    mov rbp, rsp",
    "    mov rdi, [rbp + 16]",
    "    call g1c_add_reflect_off",
    "    mov [rbp + 24], eax",
    "    pop rbp",
    "    ret",
    ".globl \"internal/abi.FuncPCABI0\"",
    "\"internal/abi.FuncPCABI0\":",
    ".globl \"internal/abi.FuncPCABIInternal\"",
    "\"internal/abi.FuncPCABIInternal\":",
    "    mov rax, [rsp + 16]",
    "    mov rax, [rax]",
    "    mov [rsp + 24], rax",
    "    ret",
);

/// `typedslicecopy`: copies `min(dst_len, src_len)` elements of type `t`; returns how many.
///
/// # Safety
/// The slices hold values of type `t`.
#[no_mangle]
pub unsafe extern "C" fn g1c_reflect_typedslicecopy(
    t: *const Type,
    dst: *mut u8,
    dst_len: usize,
    src: *const u8,
    src_len: usize,
) -> usize {
    let n = dst_len.min(src_len);
    if n > 0 && dst as *const u8 != src {
        crate::memops::g1c_memmove(dst, src, n * (*t).size);
    }
    n
}

/// `gcbits(x)` (declared by reflect's tests, gc's `reflect_gcbits`): one byte per word of the heap object `x`
/// (a pointer, of type `*T`) points into, 1 where the heap bitmap says the word holds a pointer, up to the
/// last pointer word and at least over `T`'s pointer prefix (`ptrdata`), as gc's answer for heap objects.
/// Written at `out` as a slice (data, len, cap). Nothing for an object outside the heap: rt scans data,
/// bss and stacks conservatively and keeps no bitmap of them (gc answers from its data/bss and stack maps).
///
/// # Safety
/// `t` is the descriptor of a pointer type and `p` a value of it; `out` has room for three words.
#[no_mangle]
pub unsafe extern "C" fn g1c_reflect_gcbits(t: *const Type, p: usize, out: *mut usize) {
    // A ptrtype's element descriptor follows its `_type`.
    let elem = *((t as *const u8).add(core::mem::size_of::<Type>()) as *const *const Type);
    let nptr = if elem.is_null() { 0 } else { (*elem).ptrdata / 8 };
    let heap = crate::mem::heap();
    let mut mask: &mut [u8] = &mut [];
    if let Some((s, i)) = heap.find_object(p) {
        let s = &*s;
        let base = s.base + i * s.elemsize;
        let words = s.elemsize / 8;
        // Noscan objects have no bits: no pointer words, as gc's bitmap says for them.
        let mut last = 0;
        if !s.noscan {
            crate::heapbits::for_each_pointer(heap, base, s.elemsize, |w| last = (w - base) / 8 + 1);
        }
        let len = if s.noscan { 0 } else { last.max(nptr).min(words) };
        let data = crate::mem::alloc_noscan(len.max(1));
        mask = core::slice::from_raw_parts_mut(data, len);
        if !s.noscan {
            crate::heapbits::for_each_pointer(heap, base, len * 8, |w| mask[(w - base) / 8] = 1);
        }
    }
    let data = if mask.is_empty() { 0 } else { mask.as_mut_ptr() as usize };
    let out = core::slice::from_raw_parts_mut(out, 3);
    out.copy_from_slice(&[data, mask.len(), mask.len()]);
}

/// `verifyNotInHeapPtr(p)`: whether `p` is not an address in the garbage-collected heap.
#[no_mangle]
pub extern "C" fn g1c_reflect_not_in_heap(p: usize) -> bool {
    crate::mem::heap().span_of(p).is_null()
}

/// `mapassign(t, m, key, val)`: `m[*key] = *val`.
///
/// # Safety
/// As [`crate::map::g1c_mapassign`]; `val` points at an element of the map's element type.
#[no_mangle]
pub unsafe extern "C" fn g1c_reflect_mapassign(t: *const MapType, h: *mut HMap, key: *const u8, val: *const u8) {
    let p = crate::map::g1c_mapassign(t, h, key);
    crate::gohooks::g1c_typedmemmove((*t).elem, p, val);
}

/// `chansend(ch, val, nb)`: a send, blocking unless `nb`; whether the value was sent. A non-blocking send
/// on a nil channel sends nothing; on a closed one it panics, as a blocking one does.
#[no_mangle]
pub extern "C" fn g1c_reflect_chansend(c: *mut Chan, val: *const u8, nb: bool) -> bool {
    let _l = crate::lock::rt();
    if !nb {
        crate::chan::g1c_chansend(c, val);
        return true;
    }
    if c.is_null() {
        return false;
    }
    // SAFETY: a channel made by makechan.
    unsafe { (*c).try_send(val) }
}

/// `chanrecv(ch, nb, val)`: a receive into `val`, blocking unless `nb`; writes (selected, received) as two
/// bytes at `out`.
///
/// # Safety
/// `val` has room for an element; `out` for two bytes.
#[no_mangle]
pub unsafe extern "C" fn g1c_reflect_chanrecv(c: *mut Chan, nb: bool, val: *mut u8, out: *mut [bool; 2]) {
    let _l = crate::lock::rt();
    *out = if !nb {
        [true, crate::chan::g1c_chanrecv(c, val)]
    } else if c.is_null() {
        [false, false]
    } else {
        match (*c).try_recv(val) {
            Some(ok) => [true, ok],
            None => [false, false],
        }
    };
}

/// reflect's `runtimeSelect`.
#[repr(C)]
pub struct RuntimeSelect {
    /// `reflect.SelectDir`: 1 send, 2 receive, 3 default.
    pub dir: usize,
    pub typ: *const Type,
    pub ch: *mut Chan,
    /// The value to send, or where a received value goes.
    pub val: *mut u8,
}

const SELECT_SEND: usize = 1;
const SELECT_DEFAULT: usize = 3;

/// `rselect(cases)`: reflect.Select. Writes the chosen case's index (in `cases`, the default case included)
/// and, as a byte one word later, whether a receive got a value.
///
/// # Safety
/// `cases` holds `n` cases; `out` has room for two words.
#[no_mangle]
pub unsafe extern "C" fn g1c_reflect_rselect(cases: *const RuntimeSelect, n: usize, out: *mut usize) {
    let _l = crate::lock::rt();
    if n == 0 {
        crate::select::g1c_block();
    }
    let cases = core::slice::from_raw_parts(cases, n);
    // rt's select takes the send and receive cases in order, without the default; `orig` maps back.
    // Conservative memory: the records hold channel and value pointers.
    let sc = crate::mem::alloc(n * core::mem::size_of::<Scase>()) as *mut Scase;
    let orig = crate::mem::alloc_noscan(n * 8) as *mut usize;
    let (mut m, mut dflt) = (0, None);
    for (i, c) in cases.iter().enumerate() {
        if c.dir == SELECT_DEFAULT {
            dflt = Some(i);
            continue;
        }
        let dir = if c.dir == SELECT_SEND { crate::select::SEND } else { crate::select::RECV };
        sc.add(m).write(Scase { c: c.ch, elem: c.val, dir });
        *orig.add(m) = i;
        m += 1;
    }
    let (chosen, ok) = if m == 0 {
        (dflt.unwrap_or(0), false)
    } else {
        let r = crate::select::g1c_selectgo(sc, m, dflt.is_none() as u8);
        if r.a == usize::MAX {
            (dflt.unwrap_or(0), false)
        } else {
            (*orig.add(r.a), r.b != 0)
        }
    };
    *out = chosen;
    *(out.add(1) as *mut u8) = ok as u8;
}

#[cfg(not(test))]
extern "C" {
    static g1c_modbase: u8;
    /// The linker's table of image offsets of typelinked descriptors, sorted by type string.
    static g1c_typelinks: i32;
    static g1c_typelinks_len: u64;
}

/// `typelinks()`: writes the two slices (`sections []unsafe.Pointer`, `offset [][]int32`), six words, at
/// `out`: one module, based at the image base, with the linker's table.
///
/// # Safety
/// `out` has room for six words.
#[cfg(not(test))]
#[no_mangle]
pub unsafe extern "C" fn g1c_reflect_typelinks(out: *mut usize) {
    let sections = crate::mem::alloc(8) as *mut usize;
    *sections = &g1c_modbase as *const u8 as usize;
    let offsets = crate::mem::alloc(24) as *mut usize;
    let n = g1c_typelinks_len as usize;
    *offsets = &g1c_typelinks as *const i32 as usize;
    *offsets.add(1) = n;
    *offsets.add(2) = n;
    let out = core::slice::from_raw_parts_mut(out, 6);
    out.copy_from_slice(&[sections as usize, 1, 1, offsets as usize, 1, 1]);
}

/// `resolveNameOff`/`resolveTypeOff`/`resolveTextOff`: the address an offset stands for (null for 0).
#[no_mangle]
pub extern "C" fn g1c_resolve_off(off: i64) -> usize {
    let _l = crate::lock::rt();
    if off == 0 {
        return 0;
    }
    crate::iface::resolve_off(off as i32)
}

/// The pointers reflect registered with `addReflectOff`: entry `i` has id `-2 - i`.
struct Offs {
    ptrs: *mut usize,
    len: usize,
    cap: usize,
}

static OFFS: Global<Offs> = Global::new(Offs { ptrs: core::ptr::null_mut(), len: 0, cap: 0 });

/// `addReflectOff(ptr)`: the negative id standing for `ptr` in a descriptor built at run time, the same id
/// each time for the same pointer. The table is conservative heap memory reachable from rt's data, so what
/// it holds stays alive, as in gc (whose table is never pruned either).
#[no_mangle]
pub extern "C" fn g1c_add_reflect_off(p: usize) -> i32 {
    let _l = crate::lock::rt();
    // SAFETY: one thread (see `Global`); the table's memory holds `len` entries of `cap`.
    unsafe {
        let t = &mut *OFFS.get();
        let entries = core::slice::from_raw_parts(t.ptrs, t.len);
        // Most lookups are for a pointer just added; search from the end.
        if let Some(i) = entries.iter().rposition(|&q| q == p) {
            return -2 - i as i32;
        }
        if t.len == t.cap {
            let cap = (t.cap * 2).max(64);
            let ptrs = crate::mem::alloc(cap * 8) as *mut usize;
            core::ptr::copy_nonoverlapping(t.ptrs, ptrs, t.len);
            t.ptrs = ptrs;
            t.cap = cap;
        }
        *t.ptrs.add(t.len) = p;
        t.len += 1;
        -1 - t.len as i32
    }
}

/// The pointer registered under the negative id `off` (null when there is none).
pub fn reflect_off(off: i32) -> usize {
    let i = (-2 - off as i64) as usize;
    // SAFETY: one thread; entries below `len` are written.
    unsafe {
        let t = &*OFFS.get();
        if i < t.len {
            *t.ptrs.add(i)
        } else {
            0
        }
    }
}

/// Keeps the iterator layout reflect's `hiter` expects.
const _: () = assert!(core::mem::size_of::<HIter>() == 12 * 8);
