//! The relocation scan (lld's `scanRelocations`): every relocation in a live section is checked before
//! layout, and the GOT is built.
//!
//! In: [`Inputs`] and the live flags. Out: an error for the first problem found, in section order: an
//! undefined symbol (`undefined: NAME (referenced from SYM)`), a reference to a dropped section, a TLS
//! relocation, an unknown relocation type; otherwise the `.got` section (one 8-byte slot per symbol that a
//! GOTPCREL relocation still needs) and the map from symbol to slot.
//!
//! Relaxation (x86-64 psABI B.2, as lld does): in a static executable every symbol's address is a link-time
//! constant, so `mov foo@GOTPCREL(%rip), %reg` (opcode 0x8b, R_X86_64_[REX_]GOTPCRELX) becomes
//! `lea foo(%rip), %reg` (0x8d) with an ordinary PC32 relocation, and needs no GOT slot. Other GOT uses
//! (`call *foo@GOTPCREL(%rip)`, plain GOTPCREL, absolute or undefined-weak targets) keep their slot.

use std::collections::BTreeMap;

use super::input::*;

pub struct Got {
    pub section: Option<SecId>,
    /// Byte offset of each symbol's slot in the GOT.
    pub slots: BTreeMap<SymId, u64>,
}

pub fn scan(inputs: &mut Inputs, live: &mut Vec<bool>) -> Result<Got, String> {
    let mut slots: BTreeMap<SymId, u64> = BTreeMap::new();
    let mut order: Vec<SymId> = Vec::new();
    for i in 0..inputs.sections.len() {
        if !live[i] {
            continue;
        }
        let sec = SecId(i as u32);
        for k in 0..inputs.sections[i].relocs.len() {
            let r = inputs.sections[i].relocs[k].clone();
            let target = inputs.sym(r.target);
            match r.ty {
                RelocType::Tls(ty) | RelocType::Unsupported(ty) => {
                    let why =
                        if matches!(r.ty, RelocType::Tls(_)) { " (thread-local storage is not supported)" } else { "" };
                    return Err(format!(
                        "{}: unsupported relocation {}{why} at {}+{:#x}, in {}",
                        inputs.files[inputs.sec(sec).file.0 as usize].name,
                        elf_reloc_name(ty),
                        inputs.describe_place(sec, r.offset),
                        r.offset,
                        inputs.sec(sec).name
                    ));
                }
                _ => {}
            }
            match target.def {
                Def::Undefined if target.strong_ref || target.binding != Binding::Weak => {
                    return Err(format!(
                        "undefined: {} (referenced from {})",
                        target.name,
                        inputs.describe_place(sec, r.offset)
                    ));
                }
                Def::Dropped => {
                    return Err(format!(
                        "{} is defined in a section the linker drops (referenced from {})",
                        target.name,
                        inputs.describe_place(sec, r.offset)
                    ));
                }
                _ => {}
            }
            let in_section = matches!(target.def, Def::Section { .. });
            match r.ty {
                RelocType::GotPcRelX
                    if in_section && r.offset >= 2 && inputs.sections[i].data[r.offset as usize - 2] == 0x8b =>
                {
                    let s = &mut inputs.sections[i];
                    s.data[r.offset as usize - 2] = 0x8d;
                    s.relocs[k].ty = RelocType::Pc32;
                }
                RelocType::GotPcRel | RelocType::GotPcRelX => {
                    if !slots.contains_key(&r.target) {
                        slots.insert(r.target, order.len() as u64 * 8);
                        order.push(r.target);
                    }
                }
                _ => {}
            }
        }
    }
    if order.is_empty() {
        return Ok(Got { section: None, slots });
    }
    // The GOT holds each symbol's address: an R_X86_64_64 relocation per slot fills it in.
    let relocs = order
        .iter()
        .enumerate()
        .map(|(n, &target)| Reloc { offset: n as u64 * 8, ty: RelocType::Abs64, target, addend: 0 })
        .collect();
    let size = order.len() as u64 * 8;
    let linker =
        FileId(inputs.files.iter().position(|f| f.kind == FileKind::Linker).ok_or("internal error: no linker file")?
            as u32);
    let sec = inputs.add_section(Section {
        file: linker,
        name: ".got".into(),
        out: OutKind::Got,
        data: vec![0; size as usize],
        size,
        align: 8,
        relocs,
    });
    live.push(true);
    Ok(Got { section: Some(sec), slots })
}
