//! Relocation: patching every live section's bytes with the final addresses.
//!
//! In: the target's architecture, [`Inputs`] (after `scan.rs`, so every live relocation is of a supported
//! type and its target has an address), the [`Layout`] and the GOT. Out: the live sections' `data`,
//! patched in place. A value that does not fit its field (a 32-bit displacement farther than ±2 GiB, say)
//! is an error naming the place. The values and their encoding are the architecture's (`arch::apply`);
//! this step only finds `S`, `P` and `G`.

use super::arch::{self, Bad};
use super::input::*;
use super::layout::Layout;
use super::scan::Got;
use crate::target::Arch;

pub fn apply(arch: Arch, inputs: &mut Inputs, live: &[bool], layout: &Layout, got: &Got) -> Result<(), String> {
    let got_addr = got.section.and_then(|s| layout.addr[s.0 as usize]);
    for i in 0..inputs.sections.len() {
        if !live[i] || inputs.sections[i].relocs.is_empty() {
            continue;
        }
        let sec = SecId(i as u32);
        let base = layout.addr[i].ok_or("internal error: live section without an address")?;
        let mut data = std::mem::take(&mut inputs.sections[i].data);
        for r in &inputs.sections[i].relocs {
            let s = layout.sym_addr(inputs, r.target)?;
            let g = match (got.slots.get(&r.target), got_addr) {
                (Some(slot), Some(at)) => Some(at + slot),
                _ => None,
            };
            let at = r.offset as usize;
            match arch::apply(arch, r.ty, &mut data, at, s, r.addend, base + r.offset, g) {
                Ok(()) => {}
                Err(Bad::Range) => {
                    return Err(format!(
                        "relocation {} at {}+{:#x} against {} out of range",
                        arch::name(arch, r.ty),
                        inputs.describe_place(sec, r.offset),
                        r.offset,
                        inputs.sym(r.target).name
                    ))
                }
                Err(Bad::Outside) => {
                    return Err(format!("internal error: relocation at offset {at:#x} outside its section"))
                }
                Err(Bad::NoGot) => return Err("internal error: GOT slot missing".into()),
                Err(Bad::Unsupported) => {
                    return Err(format!(
                        "internal error: unsupported relocation {} survived the scan",
                        arch::name(arch, r.ty)
                    ))
                }
            }
        }
        inputs.sections[i].data = data;
    }
    Ok(())
}
