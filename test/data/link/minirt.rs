//! A minimal runtime for the linker's tests (not the real `rt/`): just enough to start a program, call the
//! Go entry points `main.init` and `main.main`, write bytes and exit.
//!
//! Built by test/link.rs with `rustc --crate-type staticlib -C panic=abort`, so the archive has the same shape
//! as the real runtime's: this crate's object plus `core` and `compiler_builtins` members.

#![no_std]

use core::arch::{asm, naked_asm};
use core::fmt::Write;

extern "C" {
    #[link_name = "main.init"]
    fn main_init();
    #[link_name = "main.main"]
    fn main_main();
}

/// Counts the bytes written so far (lives in `.bss`).
static mut WRITTEN: u64 = 0;

/// A table in `.data.rel.ro`: pointers that need R_X86_64_64 relocations.
static GREETINGS: [&str; 2] = ["minirt: ", "bytes written\n"];

/// The ELF entry point: the kernel starts us with RSP pointing at argc, RSP 16-byte aligned.
#[unsafe(naked)]
#[no_mangle]
pub unsafe extern "C" fn _start() -> ! {
    naked_asm!(
        "xor ebp, ebp",
        "and rsp, -16",
        "call {init}",
        "call {main}",
        "xor edi, edi",
        "mov eax, 231", // exit_group
        "syscall",
        "ud2",
        init = sym main_init,
        main = sym main_main,
    )
}

/// write(1, p, n) in a loop.
#[no_mangle]
pub unsafe extern "C" fn g1c_write(mut p: *const u8, mut n: usize) {
    while n > 0 {
        let r: isize;
        asm!("syscall", inlateout("rax") 1isize => r, in("rdi") 1usize, in("rsi") p, in("rdx") n,
             lateout("rcx") _, lateout("r11") _, options(nostack));
        if r <= 0 {
            g1c_exit(3);
        }
        p = p.add(r as usize);
        n -= r as usize;
        WRITTEN += r as u64;
    }
}

/// exit_group(code).
#[no_mangle]
pub extern "C" fn g1c_exit(code: i64) -> ! {
    unsafe {
        asm!("syscall", in("rax") 231usize, in("rdi") code, options(noreturn, nostack));
    }
}

struct Out;

impl Write for Out {
    fn write_str(&mut self, s: &str) -> core::fmt::Result {
        unsafe { g1c_write(s.as_ptr(), s.len()) };
        Ok(())
    }
}

/// Prints an integer with `core::fmt`, which pulls in a good share of `core` (vtables, GOT references).
#[no_mangle]
pub extern "C" fn g1c_printint(v: i64) {
    let _ = write!(Out, "{}\n", v);
}

/// Prints how many bytes were written so far, through the pointer table.
#[no_mangle]
pub extern "C" fn g1c_report() {
    let n = unsafe { WRITTEN };
    let _ = write!(Out, "{}{} {}", GREETINGS[0], n, GREETINGS[1]);
}

#[panic_handler]
fn panic(_: &core::panic::PanicInfo) -> ! {
    g1c_exit(101)
}
