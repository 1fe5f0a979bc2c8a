//! The relocation scan (lld's `scanRelocations`): every relocation in a live section is checked before
//! layout, and the GOT is built.
//!
//! In: [`Inputs`] and the live flags. Out: an error for the first problem found, in section order: an
//! undefined symbol (`undefined: NAME (referenced from SYM)`), a reference to a dropped section, a TLS
//! relocation, an unknown relocation type; otherwise the `.got` section (one pointer-sized slot per symbol
//! that a GOT-relative relocation still needs) and the map from symbol to slot.
//!
//! Relaxation: in a static executable every symbol's address is a link-time constant, so an instruction
//! that loads a section-defined symbol's address from the GOT may be rewritten to compute it and need no
//! slot; which instructions can be is the architecture's (`arch::relax`, e.g. x86-64's `mov` → `lea`).
//! Other GOT uses (absolute or undefined-weak targets, instructions that cannot be rewritten) keep their
//! slot.

use std::collections::BTreeMap;

use super::arch;
use super::input::*;
use crate::target::Target;

pub struct Got {
    pub section: Option<SecId>,
    /// Byte offset of each symbol's slot in the GOT.
    pub slots: BTreeMap<SymId, u64>,
}

pub fn scan(target: &Target, inputs: &mut Inputs, live: &mut Vec<bool>) -> Result<Got, String> {
    let (arch, slot) = (target.arch, target.ptr_size);
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
                        arch::number_name(arch, ty),
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
            if !matches!(r.ty, RelocType::GotPcRel | RelocType::GotPcRelX) {
                continue;
            }
            let relaxed =
                if in_section { arch::relax(arch, r.ty, &mut inputs.sections[i].data, r.offset) } else { None };
            match relaxed {
                Some(ty) => inputs.sections[i].relocs[k].ty = ty,
                None => {
                    if !slots.contains_key(&r.target) {
                        slots.insert(r.target, order.len() as u64 * slot);
                        order.push(r.target);
                    }
                }
            }
        }
    }
    if order.is_empty() {
        return Ok(Got { section: None, slots });
    }
    // The GOT holds each symbol's address: an absolute relocation per slot fills it in.
    let abs = match slot {
        8 => RelocType::Abs64,
        _ => RelocType::Abs32,
    };
    let relocs = order
        .iter()
        .enumerate()
        .map(|(n, &target)| Reloc { offset: n as u64 * slot, ty: abs, target, addend: 0 })
        .collect();
    let size = order.len() as u64 * slot;
    let linker =
        FileId(inputs.files.iter().position(|f| f.kind == FileKind::Linker).ok_or("internal error: no linker file")?
            as u32);
    let sec = inputs.add_section(Section {
        file: linker,
        name: ".got".into(),
        out: OutKind::Got,
        data: vec![0; size as usize],
        size,
        align: slot,
        relocs,
    });
    live.push(true);
    Ok(Got { section: Some(sec), slots })
}
