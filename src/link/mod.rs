//! The linker: compiled Go code ([`object::Object`]) + the runtime's static archive → an executable.
//!
//! Contract for the driver: `link(target, obj, rt_archive_bytes) -> Result<Vec<u8>, String>` (a static ELF;
//! linux/amd64 is the one target with a linker today, others are an error). The plan is lld's and mold's,
//! one file per step:
//!
//! 1. inputs — `archive.rs` splits the `ar` archive, `elf_read.rs` reads each ELF relocatable member;
//! 2. symbol resolution — `resolve.rs` defines the Go symbols and pulls the archive members that define
//!    names still needed, to a fixed point (`input.rs` holds the resulting sections and symbols);
//! 3. sections — `gc.rs` keeps only the sections reachable from the roots (a method only when a live
//!    interface call or reflection may reach it, `methods.rs`), `functab.rs` builds the runtime's
//!    function table from the live Go functions, `typelinks.rs` reflect's table of type descriptors,
//!    `scan.rs` checks every live relocation and builds the GOT;
//! 4. layout — `layout.rs` places sections into the text, rodata and data segments;
//! 5. relocation — `reloc.rs` patches the bytes;
//! 6. write — `elf.rs` writes headers, contents and the symbol table.
//!
//! Steps 2–5 are neutral in architecture and object format: relocations are [`input::RelocType`]s, whose
//! type numbers, names, relaxation and encoding belong to the architecture's file (`amd64.rs`, reached
//! through `arch.rs`), and the file's headers are the writer's (`elf.rs`: their size for the layout,
//! `e_machine`, program headers).
//!
//! Errors (undefined or duplicate symbols, malformed input) are returned as messages; the linker never
//! panics on bad input. The output depends only on the inputs: same object and archive, same bytes.

/// The Go object's symbol holding gc's build information blob (the driver writes it), which becomes the
/// output section of the same name.
pub const BUILDINFO: &str = ".go.buildinfo";

pub mod amd64;
pub mod arch;
pub mod archive;
pub mod demangle;
pub mod elf;
pub mod elf_read;
pub mod functab;
pub mod gc;
pub mod input;
pub mod layout;
pub mod methods;
pub mod object;
pub mod reloc;
pub mod resolve;
pub mod scan;
pub mod typelinks;

use crate::target::{Arch, ObjectFormat, Target};

/// The archive's name in messages (the bytes come without a path).
const ARCHIVE_NAME: &str = "rt.a";

pub fn link(target: &Target, obj: &object::Object, rt_archive: &[u8]) -> Result<Vec<u8>, String> {
    if (target.arch, target.format) != (Arch::Amd64, ObjectFormat::Elf) {
        return Err(format!("linking for {}/{} is not implemented yet", target.goos, target.goarch));
    }
    let members = archive::read(rt_archive)?;
    let resolve::Resolved { mut inputs, go_sections, functab, functab_len, typelinks, typelinks_len, roots, entry } =
        resolve::resolve(target.arch, obj, &members, ARCHIVE_NAME)?;
    let methods = methods::collect(target, &inputs, obj, &go_sections)?;
    let mut roots = roots;
    if let Some(m) = &methods {
        roots.push(m.unreachable);
    }
    let mut live = gc::mark_live(&inputs, &roots, methods.as_ref());
    if let Some(m) = &methods {
        methods::redirect_dead(&mut inputs, m, &live);
    }
    let funcs = functab::build(&mut inputs, obj, &go_sections, &live, functab, functab_len)?;
    typelinks::build(&mut inputs, obj, &go_sections, &live, typelinks, typelinks_len)?;
    let got = scan::scan(target, &mut inputs, &mut live)?;
    for &root in &roots {
        if inputs.sym(root).def == input::Def::Undefined {
            return Err(format!("undefined: {} (referenced from the linker's roots)", inputs.sym(root).name));
        }
    }
    let layout = layout::layout(&inputs, &live, elf::header_size)?;
    functab::check_sorted(&funcs, &layout)?;
    reloc::apply(target.arch, &mut inputs, &live, &layout, &got)?;
    let entry = layout.sym_addr(&inputs, entry)?;
    Ok(elf::write(target.arch, &inputs, &live, &layout, entry))
}
