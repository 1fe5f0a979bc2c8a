//! End-to-end tests of the runtime: hand-assembled Go-like
//! functions (ABI0 frames: `push rbp; mov rbp, rsp`, arguments in the caller's outgoing area) linked by
//! g1c's linker against the real runtime archive, run, and their stderr compared with gc's formats.

#[path = "common/goenv.rs"]
mod goenv;

use g1c::link::link;
use g1c::link::object::{FuncMeta, Object, Reloc, RelocKind, SymKind, Symbol};
use std::path::PathBuf;

/// Machine code written as hex bytes, with PC-relative references to symbols.
#[derive(Default)]
struct Code {
    bytes: Vec<u8>,
    relocs: Vec<Reloc>,
}

impl Code {
    fn hex(mut self, s: &str) -> Self {
        self.bytes.extend(s.split_whitespace().map(|b| u8::from_str_radix(b, 16).unwrap()));
        self
    }

    /// A rel32 field that ends the instruction (call, lea), aimed at `target`.
    fn rel(mut self, target: &str) -> Self {
        self.relocs.push(Reloc {
            offset: self.bytes.len() as u32,
            kind: RelocKind::Pc32,
            target: target.into(),
            addend: -4,
        });
        self.bytes.extend([0; 4]);
        self
    }

    /// A Go function of file ./a.go with a line table and `args_size` argument bytes.
    fn func(self, name: &str, lines: &[(u32, u32)], args_size: u32) -> Symbol {
        Symbol {
            name: name.into(),
            kind: SymKind::Text,
            size: self.bytes.len() as u64,
            data: self.bytes,
            align: 16,
            relocs: self.relocs,
            func: Some(FuncMeta {
                file: "./a.go".into(),
                lines: lines.to_vec(),
                files: vec![],
                args_size,
                frame_size: 0,
                ..FuncMeta::default()
            }),
        }
    }
}

const PROLOGUE: &str = "55 48 89 e5"; // push rbp; mov rbp, rsp
const EPILOGUE: &str = "5d c3"; // pop rbp; ret

fn init() -> Symbol {
    Code::default().hex(PROLOGUE).hex(EPILOGUE).func("main.init", &[(0, 3)], 0)
}

/// `main..inittask` (docs/RUNTIME-ABI.md "Program start"): no imported packages, the one function
/// `main.init`.
fn init_task() -> Symbol {
    let mut data = vec![0u8; 32];
    data[16] = 1; // nfns
    Symbol {
        name: "main..inittask".into(),
        kind: SymKind::Data,
        size: 32,
        data,
        align: 8,
        relocs: vec![Reloc { offset: 24, kind: RelocKind::Abs64, target: "main.init".into(), addend: 0 }],
        func: None,
    }
}

/// Links `syms` (plus an empty main.init and the init task running it) with the runtime, runs the
/// program: (stderr, exit status).
fn run(name: &str, mut syms: Vec<Symbol>) -> (String, i32) {
    use std::os::unix::fs::PermissionsExt;
    let archive = g1c::rtbuild::runtime_archive(g1c::rtbuild::rustc::HOST_TARGET).unwrap();
    if !syms.iter().any(|s| s.name == "main.init") {
        syms.push(init());
    }
    syms.push(init_task());
    let exe = link(&g1c::target::Target::LINUX_AMD64, &Object { symbols: syms }, &archive).unwrap();
    let dir = std::env::temp_dir().join(format!("g1c-rt-e2e-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let path: PathBuf = dir.join(name);
    std::fs::write(&path, exe).unwrap();
    std::fs::set_permissions(&path, std::fs::Permissions::from_mode(0o755)).unwrap();
    // Another test thread may fork while this file is open for writing: exec then fails with ETXTBSY.
    for _ in 0..50 {
        match goenv::command(&path).output() {
            Err(e) if e.raw_os_error() == Some(26) => std::thread::sleep(std::time::Duration::from_millis(20)),
            r => {
                let out = r.unwrap();
                return (String::from_utf8_lossy(&out.stderr).into_owned(), out.status.code().unwrap_or(-1));
            }
        }
    }
    panic!("{}: text file stays busy", path.display())
}

/// The text after `pc=0x…]`, which holds an address that depends on the layout.
fn after_signal_line(s: &str) -> (&str, &str) {
    let i = s.find(" pc=0x").expect(s);
    let j = s[i..].find("]\n").expect(s) + i;
    (&s[..i], &s[j..])
}

#[test]
fn init_then_main_then_exit_0_and_print_formats() {
    let init = Code::default()
        .hex(PROLOGUE)
        .hex("48 8d 3d")
        .rel("main.s") // lea rdi, [rip+main.s]
        .hex("be 05 00 00 00") // mov esi, 5
        .hex("e8")
        .rel("g1c_printstring")
        .hex(EPILOGUE)
        .func("main.init", &[(0, 3)], 0);
    let main = Code::default()
        .hex(PROLOGUE)
        .hex("48 b8 00 00 00 00 00 00 f8 3f") // mov rax, 1.5
        .hex("66 48 0f 6e c0") // movq xmm0, rax
        .hex("e8")
        .rel("g1c_printfloat")
        .hex("e8")
        .rel("g1c_printsp")
        .hex("48 c7 c7 d6 ff ff ff") // mov rdi, -42
        .hex("e8")
        .rel("g1c_printint")
        .hex("e8")
        .rel("g1c_printsp")
        .hex("bf 01 00 00 00") // mov edi, 1
        .hex("e8")
        .rel("g1c_printbool")
        .hex("e8")
        .rel("g1c_printsp")
        .hex("48 c7 c7 ff ff ff ff") // mov rdi, -1
        .hex("e8")
        .rel("g1c_printhex")
        .hex("e8")
        .rel("g1c_printnl")
        .hex(EPILOGUE)
        .func("main.main", &[(0, 10)], 0);
    let s = Symbol {
        name: "main.s".into(),
        kind: SymKind::RoData,
        data: b"init\n".to_vec(),
        size: 5,
        align: 1,
        relocs: vec![],
        func: None,
    };
    let (err, code) = run("print", vec![init, main, s]);
    assert_eq!(err, "init\n+1.500000e+000 -42 true 0xffffffffffffffff\n");
    assert_eq!(code, 0);
}

#[test]
fn nil_dereference_is_a_go_panic_with_the_faulting_line() {
    let f = Code::default()
        .hex(PROLOGUE)
        .hex("31 c0") // xor eax, eax
        .hex("48 8b 00") // mov rax, [rax]   (offset 6)
        .hex(EPILOGUE)
        .func("main.f", &[(0, 5), (6, 6), (9, 7)], 16);
    let main = Code::default()
        .hex(PROLOGUE)
        .hex("48 83 ec 10") // sub rsp, 16
        .hex("48 c7 04 24 00 00 00 00") // mov qword [rsp], 0
        .hex("48 c7 44 24 08 07 00 00 00") // mov qword [rsp+8], 7
        .hex("e8")
        .rel("main.f") // call main.f (returns to offset 0x1e)
        .hex("48 83 c4 10") // add rsp, 16
        .hex(EPILOGUE)
        .func("main.main", &[(0, 10), (0x19, 11), (0x1e, 12)], 0);
    let (err, code) = run("nil", vec![f, main]);
    let (head, tail) = after_signal_line(&err);
    assert_eq!(
        head,
        "panic: runtime error: invalid memory address or nil pointer dereference\n\
         [signal SIGSEGV: segmentation violation code=0x1 addr=0x0"
    );
    assert_eq!(
        tail,
        "]\n\ngoroutine 1 [running]:\nmain.f(0x0, 0x7)\n\t./a.go:6 +0x6\nmain.main()\n\t./a.go:11 +0x1e\n"
    );
    assert_eq!(code, 2);
}

#[test]
fn hardware_divide_by_zero() {
    let main = Code::default()
        .hex(PROLOGUE)
        .hex("31 c9") // xor ecx, ecx
        .hex("b8 01 00 00 00") // mov eax, 1
        .hex("99") // cdq
        .hex("f7 f9") // idiv ecx   (offset 0xc)
        .hex(EPILOGUE)
        .func("main.main", &[(0, 10), (0xc, 11)], 0);
    let (err, code) = run("fpe", vec![main]);
    let (head, tail) = after_signal_line(&err);
    assert!(
        head.starts_with(
            "panic: runtime error: integer divide by zero\n[signal SIGFPE: floating-point exception code=0x1 addr=0x"
        ),
        "{err}"
    );
    assert_eq!(tail, "]\n\ngoroutine 1 [running]:\nmain.main()\n\t./a.go:11 +0xc\n");
    assert_eq!(code, 2);
}

#[test]
fn panic_with_a_string_value() {
    let main = Code::default()
        .hex(PROLOGUE)
        .hex("bf 18 00 00 00") // mov edi, 24 (reflect.String)
        .hex("31 f6") // xor esi, esi
        .hex("31 d2") // xor edx, edx
        .hex("48 8d 0d")
        .rel("main.msg") // lea rcx, [rip+main.msg]
        .hex("41 b8 04 00 00 00") // mov r8d, 4
        .hex("e8")
        .rel("g1c_gopanic") // returns (never) to offset 0x1f
        .hex(EPILOGUE)
        .func("main.main", &[(0, 10), (4, 11)], 0);
    let msg = Symbol {
        name: "main.msg".into(),
        kind: SymKind::RoData,
        data: b"boom".to_vec(),
        size: 4,
        align: 1,
        relocs: vec![],
        func: None,
    };
    let (err, code) = run("gopanic", vec![main, msg]);
    assert_eq!(err, "panic: boom\n\ngoroutine 1 [running]:\nmain.main()\n\t./a.go:11 +0x1f\n");
    assert_eq!(code, 2);
}

#[test]
fn deep_recursion_elides_frames_after_100() {
    // main.r: rdi counts down; at 0 it calls g1c_panic_shift, else it calls itself.
    let r = Code::default()
        .hex(PROLOGUE)
        .hex("ff cf") // dec edi
        .hex("74 05") // jz +5
        .hex("e8")
        .rel("main.r") // call main.r (returns to 0xd)
        .hex("e8")
        .rel("g1c_panic_shift") // (returns to 0x12)
        .hex(EPILOGUE)
        .func("main.r", &[(0, 20), (8, 21), (0xd, 22)], 0);
    let main = Code::default()
        .hex(PROLOGUE)
        .hex("bf 96 00 00 00") // mov edi, 150
        .hex("e8")
        .rel("main.r")
        .hex(EPILOGUE)
        .func("main.main", &[(0, 10)], 0);
    let (err, code) = run("deep", vec![r, main]);
    let mut want = String::from("panic: runtime error: negative shift amount\n\ngoroutine 1 [running]:\n");
    want.push_str("main.r()\n\t./a.go:22 +0x12\n");
    for _ in 1..100 {
        want.push_str("main.r()\n\t./a.go:21 +0xd\n");
    }
    want.push_str("...additional frames elided...\n");
    assert_eq!(err, want);
    assert_eq!(code, 2);
}

#[test]
fn fault_on_a_functions_first_instruction() {
    // Like a gc leaf function without a frame: the fault comes before `push rbp`, so the traceback finds the
    // caller through the return address at RSP; gc prints no offset for a frame stopped at its entry.
    let g = Code::default()
        .hex("48 8b 04 25 00 00 00 00") // mov rax, [0]
        .hex("c3")
        .func("main.g", &[(0, 5)], 8);
    let main = Code::default()
        .hex(PROLOGUE)
        .hex("48 83 ec 10") // sub rsp, 16
        .hex("48 c7 04 24 2a 00 00 00") // mov qword [rsp], 42
        .hex("e8")
        .rel("main.g") // returns to 0x15
        .hex("48 83 c4 10")
        .hex(EPILOGUE)
        .func("main.main", &[(0, 10), (0x10, 11)], 0);
    let (err, code) = run("entry", vec![g, main]);
    let (head, tail) = after_signal_line(&err);
    assert!(head.ends_with("[signal SIGSEGV: segmentation violation code=0x1 addr=0x0"), "{err}");
    assert_eq!(tail, "]\n\ngoroutine 1 [running]:\nmain.g(0x2a)\n\t./a.go:5\nmain.main()\n\t./a.go:11 +0x15\n");
    assert_eq!(code, 2);
}
