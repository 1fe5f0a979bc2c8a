//! link tests: programs linked against a test-only runtime (test/data/link/minirt.rs, built with rustc),
//! determinism, header sanity against llvm-readobj (Debian's `llvm-readobj-14`; the test fails without it),
//! and error messages.

#[path = "common/oracle.rs"]
mod oracle;

#[path = "common/goenv.rs"]
mod goenv;

use std::path::{Path, PathBuf};
use std::process::Command;
use std::sync::OnceLock;

use g1c::link::object::{FuncMeta, Object, Reloc, RelocKind, SymKind, Symbol};

/// Links for linux/amd64, the one target these programs and archives are for.
fn link(obj: &Object, rt: &[u8]) -> Result<Vec<u8>, String> {
    g1c::link::link(&g1c::target::Target::LINUX_AMD64, obj, rt)
}

/// A temporary directory for this test process.
fn temp_dir() -> PathBuf {
    let dir = std::env::temp_dir().join(format!("g1c-link-test-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    dir
}

/// The minimal runtime's archive, built once per test run with the rustc that builds the tests.
fn minirt() -> &'static [u8] {
    static ARCHIVE: OnceLock<Vec<u8>> = OnceLock::new();
    ARCHIVE.get_or_init(|| {
        let src = Path::new(env!("CARGO_MANIFEST_DIR")).join("test/data/link/minirt.rs");
        let out = temp_dir().join("libminirt.a");
        let status = Command::new("rustc")
            .args(["--crate-type", "staticlib", "-C", "panic=abort", "--target", "x86_64-unknown-linux-gnu"])
            .args(["-O", "--edition", "2021", "--crate-name", "minirt"])
            .arg(&src)
            .arg("-o")
            .arg(&out)
            .status();
        match status {
            Ok(s) if s.success() => std::fs::read(&out).unwrap(),
            Ok(s) => panic!("rustc failed to build minirt: {s}"),
            Err(e) => panic!("rustc: {e}"),
        }
    })
}

/// Machine code with relocations, written instruction by instruction as hex bytes.
#[derive(Default)]
struct Code {
    bytes: Vec<u8>,
    relocs: Vec<Reloc>,
}

impl Code {
    fn hex(&mut self, s: &str) -> &mut Self {
        for b in s.split_whitespace() {
            self.bytes.push(u8::from_str_radix(b, 16).unwrap());
        }
        self
    }
    /// A 4-byte PC-relative field aimed at `target + off`; `tail` counts the instruction bytes after it.
    fn pc32(&mut self, target: &str, off: i64, tail: i64) -> &mut Self {
        self.relocs.push(Reloc {
            offset: self.bytes.len() as u32,
            kind: RelocKind::Pc32,
            target: target.into(),
            addend: off - 4 - tail,
        });
        self.bytes.extend_from_slice(&[0; 4]);
        self
    }
    fn func(&mut self, name: &str, line: u32) -> Symbol {
        let data = std::mem::take(&mut self.bytes);
        Symbol {
            name: name.into(),
            kind: SymKind::Text,
            size: data.len() as u64,
            data,
            align: 16,
            relocs: std::mem::take(&mut self.relocs),
            func: Some(FuncMeta {
                file: "./hello.go".into(),
                lines: vec![(0, line), (4, line + 1)],
                files: vec![],
                args_size: 0,
                frame_size: 0,
                ..FuncMeta::default()
            }),
        }
    }
}

fn data(name: &str, kind: SymKind, bytes: &[u8], relocs: Vec<Reloc>) -> Symbol {
    Symbol { name: name.into(), kind, data: bytes.to_vec(), size: bytes.len() as u64, align: 8, relocs, func: None }
}

/// `main..inittask` for the real runtime (RUNTIME-ABI.md "Program start"): no deps, the one function
/// `main.init`.
fn init_task() -> Symbol {
    let mut task = [0u8; 32];
    task[16] = 1;
    data(
        "main..inittask",
        SymKind::Data,
        &task,
        vec![Reloc { offset: 24, kind: RelocKind::Abs64, target: "main.init".into(), addend: 0 }],
    )
}

/// A Go-like program: `main.init` sets a counter in .bss; `main.main` writes a string through a string
/// header in .data (R_X86_64_64), prints the counter and the function table's length, writes the second
/// table entry's name, and reports. `main.dead` is unreachable and must be collected.
fn hello() -> Object {
    let mut c = Code::default();
    // mov qword ptr [rip+main.counter], 7
    let init = c.hex("48 c7 05").pc32("main.counter", 0, 4).hex("07 00 00 00").hex("c3").func("main.init", 3);
    let main = c
        .hex("55") // push rbp
        .hex("48 89 e5") // mov rbp, rsp
        .hex("48 8b 3d")
        .pc32("main.hdr", 0, 0) // mov rdi, [rip+main.hdr]
        .hex("48 8b 35")
        .pc32("main.hdr", 8, 0) // mov rsi, [rip+main.hdr+8]
        .hex("e8")
        .pc32("g1c_write", 0, 0) // call g1c_write
        .hex("48 8b 3d")
        .pc32("main.counter", 0, 0) // mov rdi, [rip+main.counter]
        .hex("e8")
        .pc32("g1c_printint", 0, 0)
        .hex("48 8b 3d")
        .pc32("g1c_functab_len", 0, 0) // mov rdi, [rip+g1c_functab_len]
        .hex("e8")
        .pc32("g1c_printint", 0, 0)
        // Entry 1's record (src/link/functab.rs): at the table start plus the index entry's second u32; its
        // size, args size and name length are one-byte varints here, the name follows them.
        .hex("8b 35")
        .pc32("g1c_functab", 8 + 4, 0) // mov esi, [rip+g1c_functab+8+4]
        .hex("48 8d 3d")
        .pc32("g1c_functab", 0, 0) // lea rdi, [rip+g1c_functab]
        .hex("48 01 f7") // add rdi, rsi
        .hex("0f b6 77 02") // movzx esi, byte ptr [rdi+2]: the name's length
        .hex("48 83 c7 03") // add rdi, 3: the name
        .hex("e8")
        .pc32("g1c_write", 0, 0)
        .hex("48 8d 3d")
        .pc32("main.nl", 0, 0) // lea rdi, [rip+main.nl]
        .hex("be 01 00 00 00") // mov esi, 1
        .hex("e8")
        .pc32("g1c_write", 0, 0)
        .hex("e8")
        .pc32("g1c_report", 0, 0)
        .hex("5d c3") // pop rbp; ret
        .func("main.main", 10);
    let dead = c.hex("e8").pc32("g1c_exit", 0, 0).hex("c3").func("main.dead", 20);
    let msg = b"hello, world\n";
    let mut hdr = vec![0u8; 8];
    hdr.extend_from_slice(&(msg.len() as u64).to_le_bytes());
    Object {
        symbols: vec![
            main,
            init,
            dead,
            data("main.msg", SymKind::RoData, msg, vec![]),
            data("main.nl", SymKind::RoData, b"\n", vec![]),
            data(
                "main.hdr",
                SymKind::Data,
                &hdr,
                vec![Reloc { offset: 0, kind: RelocKind::Abs64, target: "main.msg".into(), addend: 0 }],
            ),
            Symbol {
                name: "main.counter".into(),
                kind: SymKind::Bss,
                data: vec![],
                size: 8,
                align: 8,
                relocs: vec![],
                func: None,
            },
        ],
    }
}

/// Writes `exe` to an executable file named `name` in the temporary directory.
fn write_exe(exe: &[u8], name: &str) -> PathBuf {
    use std::os::unix::fs::PermissionsExt;
    let path = temp_dir().join(name);
    std::fs::write(&path, exe).unwrap();
    std::fs::set_permissions(&path, std::fs::Permissions::from_mode(0o755)).unwrap();
    path
}

/// Runs a program. Another test thread may fork while this one's file is still open for writing, and the
/// child holds that descriptor until it execs: exec then fails with ETXTBSY for a moment, so retry.
fn output(path: &Path) -> std::process::Output {
    for _ in 0..50 {
        match goenv::command(path).output() {
            Err(e) if e.raw_os_error() == Some(26) => std::thread::sleep(std::time::Duration::from_millis(20)),
            r => return r.unwrap(),
        }
    }
    panic!("{}: text file stays busy", path.display())
}

/// Writes `exe` to a file and runs it: (stdout, exit code).
fn run(exe: &[u8], name: &str) -> (String, i32) {
    let out = output(&write_exe(exe, name));
    (String::from_utf8_lossy(&out.stdout).into_owned(), out.status.code().unwrap_or(-1))
}

#[test]
fn hello_runs() {
    let rt = minirt();
    let exe = link(&hello(), rt).unwrap();
    let (stdout, code) = run(&exe, "hello");
    assert_eq!(stdout, "hello, world\n7\n2\nmain.init\nminirt: 27 bytes written\n");
    assert_eq!(code, 0);
    // Garbage collection keeps the program small: a few functions of core, not all of it.
    assert!(exe.len() < 64 * 1024, "hello is {} bytes", exe.len());
    assert!(!exe.windows(9).any(|w| w == b"main.dead"), "main.dead was not collected");
}

#[test]
fn deterministic() {
    let rt = minirt();
    let a = link(&hello(), rt).unwrap();
    let b = link(&hello(), rt).unwrap();
    assert!(a == b, "two links of the same input differ");
}

/// Headers as an independent reader sees them.
#[test]
fn readobj_headers() {
    let rt = minirt();
    let exe = link(&hello(), rt).unwrap();
    let path = write_exe(&exe, "hello-readobj");
    let out = Command::new(oracle::llvm_readobj()).args(["-h", "-l", "-S", "--symbols"]).arg(&path).output().unwrap();
    let text = String::from_utf8_lossy(&out.stdout);
    assert!(out.status.success(), "llvm-readobj failed: {}", String::from_utf8_lossy(&out.stderr));
    for want in [
        "Type: Executable (0x2)",
        "Machine: EM_X86_64",
        "PT_LOAD",
        "PT_GNU_STACK",
        "Name: .text",
        "Name: .rodata",
        "Name: .bss",
        "Name: main.main",
        "Name: g1c_functab",
        "Name: _start",
    ] {
        assert!(text.contains(want), "llvm-readobj output lacks {want:?}:\n{text}");
    }
    for unwanted in ["PT_INTERP", "PT_DYNAMIC", "Name: main.dead"] {
        assert!(!text.contains(unwanted), "llvm-readobj output has {unwanted:?}:\n{text}");
    }
}

#[test]
fn undefined_symbol() {
    let rt = minirt();
    let mut obj = hello();
    obj.symbols[0].relocs[2].target = "g1c_nosuch".into();
    assert_eq!(link(&obj, rt).unwrap_err(), "undefined: g1c_nosuch (referenced from main.main)");
}

#[test]
fn duplicate_symbol() {
    let rt = minirt();
    let mut obj = hello();
    obj.symbols[2].name = "g1c_exit".into();
    let err = link(&obj, rt).unwrap_err();
    assert!(err.contains("duplicate symbol: g1c_exit (defined in <go> and rt.a(libminirt.minirt."), "{err}");
}

#[test]
fn truncated_archive() {
    let rt = minirt();
    for cut in [0, 7, 30, 68, rt.len() / 3, rt.len() / 2, rt.len() - 1] {
        let err = link(&hello(), &rt[..cut]).unwrap_err();
        assert!(err.contains("runtime archive") || err.contains("rt.a("), "cut at {cut}: {err}");
    }
}

#[test]
fn empty_archive_lacks_start() {
    let mut c = Code::default();
    let obj = Object { symbols: vec![c.hex("c3").func("main.main", 1), c.hex("c3").func("main.init", 1)] };
    assert_eq!(link(&obj, b"!<arch>\n").unwrap_err(), "undefined: _start (referenced from the linker's roots)");
    assert!(link(&hello(), b"not an archive").unwrap_err().contains("not an ar archive"));
}

/// The real runtime's archive: the one embedded in g1c.
fn real_rt() -> Vec<u8> {
    g1c::rtbuild::runtime_archive(g1c::rtbuild::rustc::HOST_TARGET).unwrap().into_owned()
}

/// Hello world against the real runtime: `print("hello, world\n")`.
#[test]
fn real_rt_hello() {
    let rt = real_rt();
    let mut c = Code::default();
    let main = c
        .hex("55 48 89 e5") // push rbp; mov rbp, rsp
        .hex("48 8d 3d")
        .pc32("main.msg", 0, 0) // lea rdi, [rip+main.msg]
        .hex("be 0d 00 00 00") // mov esi, 13
        .hex("e8")
        .pc32("g1c_printstring", 0, 0)
        .hex("5d c3") // pop rbp; ret
        .func("main.main", 3);
    let init = c.hex("c3").func("main.init", 1);
    let obj =
        Object { symbols: vec![main, init, init_task(), data("main.msg", SymKind::RoData, b"hello, world\n", vec![])] };
    let exe = link(&obj, &rt).unwrap();
    eprintln!("hello world with the real runtime: {} bytes", exe.len());
    let out = output(&write_exe(&exe, "real-hello"));
    assert_eq!(String::from_utf8_lossy(&out.stderr), "hello, world\n");
    assert_eq!(out.status.code(), Some(0));
}

/// A runtime error in a nested Go call: the runtime's traceback reads the linker's function table.
#[test]
fn real_rt_traceback() {
    let rt = real_rt();
    let mut c = Code::default();
    let main = c
        .hex("55 48 89 e5") // push rbp; mov rbp, rsp
        .hex("e8")
        .pc32("main.f", 0, 0) // call main.f
        .hex("5d c3")
        .func("main.main", 10);
    let f = c
        .hex("55 48 89 e5") // push rbp; mov rbp, rsp
        .hex("e8")
        .pc32("g1c_panic_divide", 0, 0)
        .hex("5d c3")
        .func("main.f", 5);
    let init = c.hex("c3").func("main.init", 1);
    let obj = Object { symbols: vec![main, f, init, init_task()] };
    let exe = link(&obj, &rt).unwrap();
    let out = output(&write_exe(&exe, "real-panic"));
    let stderr = String::from_utf8_lossy(&out.stderr);
    eprintln!("{stderr}");
    assert!(stderr.starts_with("panic: runtime error: integer divide by zero\n"), "{stderr}");
    // Return addresses: main.f's is 9 bytes in (line 6: pc offset 4 and up), main.main's 9 bytes in (line 11).
    assert!(
        stderr.contains("main.f(...)\n\t./hello.go:6 +0x9\n") || stderr.contains("main.f()\n\t./hello.go:6 +0x9\n"),
        "{stderr}"
    );
    assert!(stderr.contains("main.main()\n\t./hello.go:11 +0x9\n"), "{stderr}");
    assert_eq!(out.status.code(), Some(2));
}

/// Damaged archives give errors (or, where the damage is harmless, a program), never a panic.
#[test]
fn corrupted_archive_never_panics() {
    let rt = minirt();
    // Damage the bytes of the members a program loads (headers, section and symbol tables, relocations):
    // the runtime's own object and the start of core's.
    let members = g1c::link::archive::read(rt).unwrap();
    let ranges: Vec<(usize, usize)> = members[..2]
        .iter()
        .map(|m| {
            let start = m.data.as_ptr() as usize - rt.as_ptr() as usize;
            (start - 60, start + m.data.len().min(0x10000))
        })
        .collect();
    // A fixed pseudo-random sequence (a linear congruential generator), so failures reproduce.
    let mut seed: u64 = 0x9e37_79b9_7f4a_7c15;
    let mut next = || {
        seed = seed.wrapping_mul(6364136223846793005).wrapping_add(1442695040888963407);
        seed >> 33
    };
    for i in 0..200 {
        let mut bad = rt.to_vec();
        let (start, end) = ranges[i % 2];
        let at = start + (next() as usize) % (end - start);
        bad[at] = [0x00, 0xff, 0x7f, 0x80][next() as usize % 4];
        let _ = link(&hello(), &bad);
    }
}

/// Assembles test/data/link/NAME.s with llvm-mc (Debian's `llvm-mc-14`, an oracle: the test fails without it).
fn assemble(name: &str) -> Vec<u8> {
    let src = Path::new(env!("CARGO_MANIFEST_DIR")).join(format!("test/data/link/{name}.s"));
    let out = temp_dir().join(format!("{name}.o"));
    let status = Command::new(oracle::llvm_mc())
        .args(["-filetype=obj", "-triple=x86_64-unknown-linux-gnu"])
        .arg(&src)
        .arg("-o")
        .arg(&out)
        .status()
        .unwrap();
    assert!(status.success(), "llvm-mc failed on {name}.s: {status}");
    std::fs::read(&out).unwrap()
}

/// Writes a GNU archive (long names in a `//` table) of `extra` members followed by minirt's members.
fn archive_with(extra: &[(&str, Vec<u8>)], rt: &[u8]) -> Vec<u8> {
    let mut members: Vec<(String, Vec<u8>)> = extra.iter().map(|(n, d)| (n.to_string(), d.clone())).collect();
    for m in g1c::link::archive::read(rt).unwrap() {
        members.push((m.name, m.data.to_vec()));
    }
    let mut names = Vec::new();
    let mut header_names = Vec::new();
    for (name, _) in &members {
        if name.len() < 16 {
            header_names.push(format!("{name}/"));
        } else {
            header_names.push(format!("/{}", names.len()));
            names.extend_from_slice(format!("{name}/\n").as_bytes());
        }
    }
    let mut out = b"!<arch>\n".to_vec();
    let put = |out: &mut Vec<u8>, name: &str, data: &[u8]| {
        out.extend_from_slice(format!("{name:<16}{:<12}{:<6}{:<6}{:<8}{:<10}`\n", 0, 0, 0, 644, data.len()).as_bytes());
        out.extend_from_slice(data);
        if data.len() % 2 == 1 {
            out.push(b'\n');
        }
    };
    put(&mut out, "//", &names);
    for ((_, data), name) in members.iter().zip(&header_names) {
        put(&mut out, name, data);
    }
    out
}

/// `main.main` calls `g1c_probe`, then `g1c_report`.
fn probe_program() -> Object {
    let mut c = Code::default();
    let main = c
        .hex("55 48 89 e5")
        .hex("e8")
        .pc32("g1c_probe", 0, 0)
        .hex("e8")
        .pc32("g1c_report", 0, 0)
        .hex("5d c3")
        .func("main.main", 1);
    let init = c.hex("c3").func("main.init", 1);
    Object { symbols: vec![main, init] }
}

#[test]
fn elf_features() {
    let rt = minirt();
    let (probe, probe2) = (assemble("probe"), assemble("probe2"));
    let ar = archive_with(&[("probe.o", probe), ("probe2.o", probe2)], rt);
    let exe = link(&probe_program(), &ar).unwrap();
    let (stdout, code) = run(&exe, "probe");
    assert_eq!(stdout, "probe\nprobe\nprobe\n1\nminirt: 20 bytes written\n");
    assert_eq!(code, 0);
}

#[test]
fn tls_and_unknown_relocations_are_errors() {
    let rt = minirt();
    let tls = assemble("tls");
    let err = link(&probe_program(), &archive_with(&[("tls.o", tls)], rt)).unwrap_err();
    assert!(
        err.contains("R_X86_64_TPOFF32") && err.contains("thread-local storage") && err.contains("rt.a(tls.o)"),
        "{err}"
    );
    let gotoff = assemble("gotoff");
    let err = link(&probe_program(), &archive_with(&[("gotoff.o", gotoff)], rt)).unwrap_err();
    assert_eq!(err, "rt.a(gotoff.o): unsupported relocation R_X86_64_GOTOFF64 at g1c_probe+0x2, in .text.g1c_probe");
}
