//! The target: the machine and system a program is compiled for, as one plain value.
//!
//! In: GOOS and GOARCH (from the environment, through `load::Config`). Out: a [`Target`], chosen once by
//! the driver and passed down by value to the checker (its [`Sizes`]), lowering (pointer and `int` sizes,
//! type descriptor layout), code generation (which back end) and the linker (relocations, object format).
//! The runtime archive is built for its `rust_triple`.
//!
//! Invariants: every machine fact a phase needs comes from here, never from a constant of its own; a
//! `Target` exists only for the GOOS/GOARCH pairs of DESIGN §4, so a phase may match on `arch`, `os` and
//! `format` exhaustively. Type checking works for every such target; code generation exists only for
//! linux/amd64 ([`Target::codegen_supported`]), and the driver says so at build time for the others.

use crate::types::sizes::Sizes;

/// The instruction set (GOARCH).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Arch {
    /// x86-64 (`amd64`).
    Amd64,
    /// IA-32 (`386`).
    I386,
    /// 32-bit ARM (`arm`, gc's default GOARM=7).
    Arm,
    /// AArch64 (`arm64`).
    Arm64,
}

/// The operating system (GOOS).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Os {
    Linux,
    Windows,
    Darwin,
}

/// The executable format the linker writes.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum ObjectFormat {
    /// ELF (System V gABI): Linux.
    Elf,
    /// PE/COFF: Windows.
    Pe,
    /// Mach-O: Darwin.
    MachO,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Target {
    pub arch: Arch,
    pub os: Os,
    pub format: ObjectFormat,
    /// Size of a pointer (`uintptr`, `unsafe.Pointer`) in bytes.
    pub ptr_size: u64,
    /// Size of a general-purpose register in bytes (gc's `RegSize`).
    pub reg_size: u64,
    /// Size of `int` and `uint` in bytes.
    pub int_size: u64,
    /// The largest alignment of any type (gc's `MaxAlign`).
    pub max_align: u64,
    /// The layout rules the checker and lowering share.
    pub sizes: Sizes,
    pub goos: &'static str,
    pub goarch: &'static str,
    /// The Rust target the runtime archive is compiled for.
    pub rust_triple: &'static str,
}

/// (GOOS, GOARCH, Rust target) of every target g1c knows (DESIGN §4). A 32-bit ARM Linux is gc's default
/// GOARM=7 with hardware floating point.
const KNOWN: [(Os, Arch, &str); 8] = [
    (Os::Linux, Arch::Amd64, "x86_64-unknown-linux-gnu"),
    (Os::Linux, Arch::I386, "i686-unknown-linux-gnu"),
    (Os::Linux, Arch::Arm, "armv7-unknown-linux-gnueabihf"),
    (Os::Linux, Arch::Arm64, "aarch64-unknown-linux-gnu"),
    (Os::Windows, Arch::Amd64, "x86_64-pc-windows-gnu"),
    (Os::Windows, Arch::I386, "i686-pc-windows-gnu"),
    (Os::Darwin, Arch::Amd64, "x86_64-apple-darwin"),
    (Os::Darwin, Arch::Arm64, "aarch64-apple-darwin"),
];

impl Arch {
    pub const fn goarch(self) -> &'static str {
        match self {
            Arch::Amd64 => "amd64",
            Arch::I386 => "386",
            Arch::Arm => "arm",
            Arch::Arm64 => "arm64",
        }
    }

    /// Pointer (and register, and `int`) size in bytes: gc's `PtrSize`.
    pub const fn ptr_size(self) -> u64 {
        match self {
            Arch::Amd64 | Arch::Arm64 => 8,
            Arch::I386 | Arch::Arm => 4,
        }
    }
}

impl Os {
    pub const fn goos(self) -> &'static str {
        match self {
            Os::Linux => "linux",
            Os::Windows => "windows",
            Os::Darwin => "darwin",
        }
    }

    pub const fn format(self) -> ObjectFormat {
        match self {
            Os::Linux => ObjectFormat::Elf,
            Os::Windows => ObjectFormat::Pe,
            Os::Darwin => ObjectFormat::MachO,
        }
    }
}

impl Target {
    /// The byte offset of word `i` of a value made of pointer-sized words: a slice header (`array`, `len`,
    /// `cap`), a string header (`str`, `len`), an interface (`tab` or `_type`, `data`), a closure (its code
    /// pointer, then the captured variables), the runtime's records that lowering fills.
    pub const fn word(&self, i: u64) -> i64 {
        (i * self.ptr_size) as i64
    }

    /// The offset of `len` in a slice or string header (runtime's `slice.len`, `stringStruct.len`).
    pub const fn len_offset(&self) -> i64 {
        self.word(1)
    }

    /// The offset of `cap` in a slice header (runtime's `slice.cap`).
    pub const fn cap_offset(&self) -> i64 {
        self.word(2)
    }

    /// The offset of the data word of an interface (runtime's `iface.data`, `eface.data`).
    pub const fn data_offset(&self) -> i64 {
        self.word(1)
    }

    /// The size of a slice header.
    pub const fn slice_size(&self) -> u64 {
        3 * self.ptr_size
    }

    /// The size of a string header, and of an interface (two words each).
    pub const fn two_words(&self) -> u64 {
        2 * self.ptr_size
    }

    /// The size of a type descriptor's `runtime._type`, where the kind-specific part starts: `size`,
    /// `ptrdata`, `equal` and `gcdata` are words; `hash`, the four bytes `tflag`..`kind`, `str` and
    /// `ptrToThis` are 16 bytes (48 on a 64-bit target).
    pub const fn rtype_size(&self) -> u64 {
        4 * self.ptr_size + 16
    }

    /// The offset of an interface descriptor's `imethods` slice (`interfacetype`: the `_type`, then
    /// `pkgpath`, a word).
    pub const fn imethods_offset(&self) -> u64 {
        self.rtype_size() + self.ptr_size
    }

    /// The offset of `itab.fun[0]`: after `inter` and `_type` (words), `hash` and 4 bytes of padding (24 on
    /// a 64-bit target).
    pub const fn itab_fun_offset(&self) -> i64 {
        2 * self.ptr_size as i64 + 8
    }

    /// linux/amd64, the target g1c generates code for and the default GOOS/GOARCH.
    pub const LINUX_AMD64: Target = Target::new(KNOWN[0].0, KNOWN[0].1, KNOWN[0].2);

    const fn new(os: Os, arch: Arch, rust_triple: &'static str) -> Target {
        // gc's sizes: on every Go target an int is a pointer wide, and nothing aligns beyond a pointer
        // (64-bit values on 386 and arm are 4-aligned, as `MaxAlign` = `RegSize` there).
        let ptr = arch.ptr_size();
        Target {
            arch,
            os,
            format: os.format(),
            ptr_size: ptr,
            reg_size: ptr,
            int_size: ptr,
            max_align: ptr,
            sizes: Sizes { word: ptr, max_align: ptr },
            goos: os.goos(),
            goarch: arch.goarch(),
            rust_triple,
        }
    }

    /// The target of a GOOS/GOARCH pair, or the go command's error for a pair g1c does not know.
    pub fn from_goos_goarch(goos: &str, goarch: &str) -> Result<Target, String> {
        KNOWN
            .iter()
            .find(|(os, arch, _)| os.goos() == goos && arch.goarch() == goarch)
            .map(|&(os, arch, triple)| Target::new(os, arch, triple))
            .ok_or_else(|| format!("g1c: unsupported GOOS/GOARCH pair {goos}/{goarch}"))
    }

    /// Whether g1c can compile and link programs for this target; `Err` is the message for a build.
    pub fn codegen_supported(&self) -> Result<(), String> {
        match (self.os, self.arch) {
            (Os::Linux, Arch::Amd64) => Ok(()),
            _ => Err(format!("g1c: code generation for {}/{} is not implemented yet", self.goos, self.goarch)),
        }
    }

    /// Whether the compiler runs on this target, so the runtime archive built with g1c itself serves it.
    pub fn is_host(&self) -> bool {
        self.rust_triple == crate::rtbuild::rustc::HOST_TARGET
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn sizes_of_known_targets() {
        let want = [
            ("linux", "amd64", 8, ObjectFormat::Elf),
            ("linux", "386", 4, ObjectFormat::Elf),
            ("linux", "arm", 4, ObjectFormat::Elf),
            ("linux", "arm64", 8, ObjectFormat::Elf),
            ("windows", "amd64", 8, ObjectFormat::Pe),
            ("windows", "386", 4, ObjectFormat::Pe),
            ("darwin", "amd64", 8, ObjectFormat::MachO),
            ("darwin", "arm64", 8, ObjectFormat::MachO),
        ];
        for (goos, goarch, word, format) in want {
            let t = Target::from_goos_goarch(goos, goarch).unwrap();
            assert_eq!((t.goos, t.goarch, t.format), (goos, goarch, format));
            assert_eq!((t.ptr_size, t.reg_size, t.int_size, t.max_align), (word, word, word, word), "{goos}/{goarch}");
            assert_eq!((t.sizes.word, t.sizes.max_align), (word, word));
            assert_eq!(t.arch.ptr_size(), word);
            assert_eq!(t.os.format(), format);
            assert_eq!(t.codegen_supported().is_ok(), (goos, goarch) == ("linux", "amd64"));
        }
        assert_eq!(Target::from_goos_goarch("linux", "amd64").unwrap(), Target::LINUX_AMD64);
        assert!(Target::LINUX_AMD64.is_host());
        assert_eq!(
            Target::from_goos_goarch("darwin", "386").unwrap_err(),
            "g1c: unsupported GOOS/GOARCH pair darwin/386"
        );
        assert_eq!(
            Target::from_goos_goarch("linux", "arm64").unwrap().codegen_supported().unwrap_err(),
            "g1c: code generation for linux/arm64 is not implemented yet"
        );
    }
}
