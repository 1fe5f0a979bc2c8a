//! Panics: runtime errors and `panic(v)`, printed like gc (runtime/panic.go, runtime/error.go), then a
//! traceback, then exit status 2.
//!
//! In: the `g1c_panic_*` calls compiled Go code makes when a check fails, `g1c_gopanic` for the builtin
//! `panic`, faults from `signal`, and fatal conditions inside the runtime (`throw`). Out: on fd 2,
//! `panic: ` + the value (runtime errors as `runtime error: ` + message) + `\n`, for faults gc's
//! `[signal …]` line, then `\ngoroutine 1 [running]:\n` and the frames (`traceback`); `throw` prints
//! `fatal error: ` + message instead. Never returns.
//!
//! Panics go through `defer::gopanic`, which runs deferred calls and may recover; only an unrecovered one
//! reaches the report. Not yet: error and Stringer values (they need interfaces).

use crate::arch::amd64::frame_pointer;
use crate::defer::{gopanic, Value};
use crate::os::linux;
use crate::print::{self, go_str, Out, Stderr};
use crate::traceback;
use crate::Global;

/// Set once a panic or fatal error starts printing; a fault while it is set ends the program at once.
pub static PANICKING: Global<bool> = Global::new(false);

/// gc's boundsError texts (runtime/error.go, Go 1.19), indexed by the ABI's code; `%x`/`%y` are the operands.
const BOUNDS_FMTS: [&[u8]; 9] = [
    b"index out of range [%x] with length %y",
    b"slice bounds out of range [:%x] with length %y",
    b"slice bounds out of range [:%x] with capacity %y",
    b"slice bounds out of range [%x:%y]",
    b"slice bounds out of range [::%x] with length %y",
    b"slice bounds out of range [::%x] with capacity %y",
    b"slice bounds out of range [:%x:%y]",
    b"slice bounds out of range [%x:%y:]",
    b"cannot convert slice with length %y to pointer to array with length %x",
];

/// The texts used when a signed `x` is negative (no need to report `y`).
const BOUNDS_NEG_FMTS: [&[u8]; 9] = [
    b"index out of range [%x]",
    b"slice bounds out of range [:%x]",
    b"slice bounds out of range [:%x]",
    b"slice bounds out of range [%x:]",
    b"slice bounds out of range [::%x]",
    b"slice bounds out of range [::%x]",
    b"slice bounds out of range [:%x:]",
    b"slice bounds out of range [%x::]",
    // gc has no negative form for conversions (the length cannot be negative); keep the full one.
    b"cannot convert slice with length %y to pointer to array with length %x",
];

/// boundsError.Error(): `runtime error: ` and the message for `code` with operands `x` and `y`.
pub fn bounds_message(o: &mut impl Out, code: u64, x: i64, y: i64, signed: bool) {
    let code = if code < 9 { code as usize } else { 0 };
    let fmt = if signed && x < 0 { BOUNDS_NEG_FMTS[code] } else { BOUNDS_FMTS[code] };
    o.put(b"runtime error: ");
    let mut i = 0;
    while i < fmt.len() {
        if fmt[i] != b'%' {
            o.put(&fmt[i..i + 1]);
            i += 1;
            continue;
        }
        match fmt[i + 1] {
            b'x' if signed => print::int(o, x),
            b'x' => print::uint(o, x as u64),
            _ => print::int(o, y),
        }
        i += 2;
    }
}

/// printpanicval: the value of `panic(v)` given its reflect.Kind, its type's name when it is a defined type
/// (empty for predeclared types) and its one or two words (docs/RUNTIME-ABI.md, g1c_gopanic).
pub fn panic_value(o: &mut impl Out, kind: u64, tname: &[u8], w0: u64, w1: u64) {
    // reflect.Kind numbers.
    const BOOL: u64 = 1;
    const INT64: u64 = 6;
    const UINTPTR: u64 = 12;
    const FLOAT64: u64 = 14;
    const COMPLEX128: u64 = 16;
    const STRING: u64 = 24;
    let named = !tname.is_empty();
    match kind {
        0 => o.put(b"nil"),
        BOOL..=FLOAT64 | STRING => {
            if named {
                o.put(tname);
                o.put(if kind == STRING { b"(\"" } else { b"(" });
            }
            match kind {
                BOOL => print::boolean(o, w0 != 0),
                2..=INT64 => print::int(o, w0 as i64),
                7..=UINTPTR => print::uint(o, w0),
                STRING => o.put(unsafe { go_str(w0 as *const u8, w1 as usize) }),
                _ => print::float(o, f64::from_bits(w0)),
            }
            if named {
                o.put(if kind == STRING { b"\")" } else { b")" });
            }
        }
        15..=COMPLEX128 => {
            o.put(tname);
            print::complex(o, f64::from_bits(w0), f64::from_bits(w1));
        }
        _ => {
            // printanycustomtype's default: the type in parentheses and the interface's data word.
            o.put(b"(");
            o.put(tname);
            o.put(b") ");
            print::hex(o, w0);
        }
    }
}

/// The end of every fatal panic: the goroutine header and the frames (from frame pointer `fp`), gc's
/// `created by` line, every other goroutine's when the traceback level says "all" (GOTRACEBACK, or
/// debug.SetTraceback as go test's timeout sets it), then exit status 2.
pub fn die(o: &mut Stderr, g: *mut crate::sched::G, fp: usize) -> ! {
    o.put(b"\ngoroutine ");
    // SAFETY: `g` is the running goroutine (or null on the system stack).
    print::uint(o, if g.is_null() { 0 } else { unsafe { (*g).id } });
    o.put(b" [running]:\n");
    if g.is_null() {
        traceback::traceback(o, None, fp, fp);
    } else {
        traceback::traceback_g(o, g, None, fp);
        traceback::created_by(o, g);
        if crate::rtface::traceback_all() {
            // The others' stacks must hold still while they are read: stop their threads (a second at most,
            // so that a thread that never reaches a safe point cannot keep the report from ending).
            crate::lock::acquire();
            crate::sched::stop_the_world_within(1_000_000_000);
            crate::sched::print_goroutines(o, g);
        }
    }
    o.flush();
    linux::exit_group(2)
}

/// Marks the start of printing a fatal report; a second one (a fault in the panic path) exits at once.
pub fn start_panicking() {
    // SAFETY: single-threaded runtime.
    unsafe {
        if *PANICKING.get() {
            linux::write_all(2, b"fatal error: panic during panic\n");
            linux::exit_group(2);
        }
        *PANICKING.get() = true;
    }
}

/// A recovered panic: faults are ordinary again.
pub fn stop_panicking() {
    // SAFETY: single-threaded runtime.
    unsafe { *PANICKING.get() = false };
}

/// Panics with a runtime error: `panic: runtime error: <msg>` unless recovered.
pub fn runtime_error(msg: &'static [u8]) -> ! {
    gopanic(Value::Runtime(msg))
}

/// gc's `throw`: a fatal error in the runtime itself (`fatal error: <msg>`), not recoverable.
pub fn throw(msg: &[u8]) -> ! {
    start_panicking();
    let fp = frame_pointer();
    let mut o = Stderr::new();
    o.put(b"fatal error: ");
    o.put(msg);
    o.put(b"\n");
    die(&mut o, crate::sched::curg(), fp)
}

/// gc's `fatal`: a fatal error the program caused (not rt's own failure). On the system stack there is no
/// goroutine to show, and gc's default traceback level hides the runtime's own frames, so the message
/// stands alone (`no goroutines (main called runtime.Goexit) - deadlock!`).
pub fn fatal(msg: &[u8]) -> ! {
    if !crate::sched::curg().is_null() {
        throw(msg)
    }
    start_panicking();
    let mut o = Stderr::new();
    o.put(b"fatal error: ");
    o.put(msg);
    o.put(b"\n");
    o.flush();
    linux::exit_group(2)
}

#[no_mangle]
pub extern "C" fn g1c_panic_bounds(code: u64, x: i64, y: i64, signed: u8) -> ! {
    gopanic(Value::Bounds { code, x, y, signed: signed != 0 })
}

#[no_mangle]
pub extern "C" fn g1c_panic_divide() -> ! {
    runtime_error(b"integer divide by zero")
}

#[no_mangle]
pub extern "C" fn g1c_panic_shift() -> ! {
    runtime_error(b"negative shift amount")
}

#[no_mangle]
pub extern "C" fn g1c_panic_nil() -> ! {
    runtime_error(b"invalid memory address or nil pointer dereference")
}

/// gc's `panicwrap`: a value method called through a nil pointer by its `(*T).M` wrapper. The compiled code
/// passes the whole message (`value method main.T.M called using nil *T pointer`), kept in read-only data
/// for the program's life; like gc's plainError it is a runtime.Error printed without `runtime error: `.
///
/// # Safety
/// `msg` points at `len` bytes that live as long as the program.
#[no_mangle]
pub unsafe extern "C" fn g1c_panicwrap(msg: *const u8, len: usize) -> ! {
    gopanic(Value::Plain(core::slice::from_raw_parts(msg, len)))
}

#[no_mangle]
pub extern "C" fn g1c_panic_makeslice_len() -> ! {
    runtime_error(b"makeslice: len out of range")
}

#[no_mangle]
pub extern "C" fn g1c_panic_unsafeslice_len() -> ! {
    runtime_error(b"unsafe.Slice: len out of range")
}

#[no_mangle]
pub extern "C" fn g1c_panic_unsafeslice_nil() -> ! {
    runtime_error(b"unsafe.Slice: ptr is nil and len is not zero")
}

#[no_mangle]
pub extern "C" fn g1c_panic_makeslice_cap() -> ! {
    runtime_error(b"makeslice: cap out of range")
}

/// The builtin `panic(v)`.
///
/// # Safety
/// `tname` must be valid for `tname_len` bytes; for a string value, `(w0, w1)` must be a Go string.
#[no_mangle]
pub unsafe extern "C" fn g1c_gopanic(kind: u64, tname: *const u8, tname_len: usize, w0: u64, w1: u64) -> ! {
    gopanic(Value::User { kind, tname, tname_len, w0, w1 })
}

// runtime.boundsErrorText(e boundsError) string (lib/runtime/error.go): e's x at +16, y +24, signed +32, code
// +33; the result at +40, +48.
#[cfg(not(test))]
core::arch::global_asm!(
    ".globl \"runtime.boundsErrorText\"",
    "\"runtime.boundsErrorText\":",
    "    push rbp",
    "    mov rbp, rsp",
    "    lea rdi, [rbp + 16]",
    "    call g1c_bounds_error_text",
    "    mov [rbp + 40], rax",
    "    mov [rbp + 48], rdx",
    "    pop rbp",
    "    ret",
);

/// `runtime.boundsError.Error`'s text: what an uncaught bounds panic prints after `panic: `.
///
/// # Safety
/// `e` points at a `runtime.boundsError` (lib/runtime/error.go's layout).
#[no_mangle]
pub unsafe extern "C" fn g1c_bounds_error_text(e: *const u8) -> crate::Pair {
    let v = Value::Bounds {
        x: *(e as *const i64),
        y: *(e.add(8) as *const i64),
        signed: *e.add(16) != 0,
        code: *e.add(17) as u64,
    };
    crate::iface::g1c_panicvalue_error(&v)
}

#[no_mangle]
pub extern "C" fn g1c_exit(code: i64) -> ! {
    linux::exit_group(code as i32)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::print::tests::fmt;

    fn bounds(code: u64, x: i64, y: i64, signed: bool) -> String {
        fmt(|o| bounds_message(o, code, x, y, signed))
    }

    #[test]
    fn bounds_errors_match_gc() {
        let p = "runtime error: ";
        assert_eq!(bounds(0, 5, 3, true), format!("{p}index out of range [5] with length 3"));
        assert_eq!(bounds(0, -1, 3, true), format!("{p}index out of range [-1]"));
        assert_eq!(bounds(0, -1, 3, false), format!("{p}index out of range [18446744073709551615] with length 3"));
        assert_eq!(bounds(1, 4, 3, true), format!("{p}slice bounds out of range [:4] with length 3"));
        assert_eq!(bounds(1, -4, 3, true), format!("{p}slice bounds out of range [:-4]"));
        assert_eq!(bounds(2, 9, 8, false), format!("{p}slice bounds out of range [:9] with capacity 8"));
        assert_eq!(bounds(3, 2, 1, true), format!("{p}slice bounds out of range [2:1]"));
        assert_eq!(bounds(3, -2, 1, true), format!("{p}slice bounds out of range [-2:]"));
        assert_eq!(bounds(4, 6, 5, true), format!("{p}slice bounds out of range [::6] with length 5"));
        assert_eq!(bounds(5, 6, 5, true), format!("{p}slice bounds out of range [::6] with capacity 5"));
        assert_eq!(bounds(5, -6, 5, true), format!("{p}slice bounds out of range [::-6]"));
        assert_eq!(bounds(6, 3, 2, true), format!("{p}slice bounds out of range [:3:2]"));
        assert_eq!(bounds(6, -3, 2, true), format!("{p}slice bounds out of range [:-3:]"));
        assert_eq!(bounds(7, 3, 2, true), format!("{p}slice bounds out of range [3:2:]"));
        assert_eq!(bounds(7, -3, 2, true), format!("{p}slice bounds out of range [-3::]"));
        assert_eq!(
            bounds(8, 4, 3, true),
            format!("{p}cannot convert slice with length 3 to pointer to array with length 4")
        );
    }

    #[test]
    fn panic_values_match_gc() {
        let v = |kind, t: &str, w0, w1| fmt(|o| panic_value(o, kind, t.as_bytes(), w0, w1));
        assert_eq!(v(2, "main.E", 3, 0), "main.E(3)");
        assert_eq!(v(2, "", -3i64 as u64, 0), "-3");
        assert_eq!(v(11, "", u64::MAX, 0), "18446744073709551615");
        assert_eq!(v(1, "", 1, 0), "true");
        assert_eq!(v(1, "main.B", 0, 0), "main.B(false)");
        assert_eq!(v(14, "", 1.5f64.to_bits(), 0), "+1.500000e+000");
        assert_eq!(v(14, "main.F", 1.5f64.to_bits(), 0), "main.F(+1.500000e+000)");
        assert_eq!(v(16, "", 1f64.to_bits(), 2f64.to_bits()), "(+1.000000e+000+2.000000e+000i)");
        assert_eq!(v(16, "main.C", 1f64.to_bits(), 2f64.to_bits()), "main.C(+1.000000e+000+2.000000e+000i)");
        let s = "boom";
        assert_eq!(v(24, "", s.as_ptr() as u64, 4), "boom");
        assert_eq!(v(24, "main.S", s.as_ptr() as u64, 4), "main.S(\"boom\")");
        assert_eq!(v(24, "", 0, 0), "");
        assert_eq!(v(0, "", 0, 0), "nil");
        assert_eq!(v(22, "*main.T", 0xc000012000, 0), "(*main.T) 0xc000012000");
    }
}
