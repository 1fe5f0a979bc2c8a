//! Relocation: patching every live section's bytes with the final addresses.
//!
//! In: [`Inputs`] (after `scan.rs`, so every live relocation is of a supported type and its target has an
//! address), the [`Layout`] and the GOT. Out: the live sections' `data`, patched in place. A value that does
//! not fit its field (a 32-bit displacement farther than ±2 GiB, say) is an error naming the place.

use super::input::*;
use super::layout::Layout;
use super::scan::Got;

pub fn apply(inputs: &mut Inputs, live: &[bool], layout: &Layout, got: &Got) -> Result<(), String> {
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
            let p = base + r.offset;
            let a = r.addend;
            let too_far = || {
                format!(
                    "relocation {} at {}+{:#x} against {} out of range",
                    r.ty.name(),
                    inputs.describe_place(sec, r.offset),
                    r.offset,
                    inputs.sym(r.target).name
                )
            };
            let at = r.offset as usize;
            match r.ty {
                RelocType::None => {}
                RelocType::Abs64 => put(&mut data, at, &s.wrapping_add(a as u64).to_le_bytes())?,
                RelocType::Pc64 => put(&mut data, at, &s.wrapping_add(a as u64).wrapping_sub(p).to_le_bytes())?,
                RelocType::Pc32 => {
                    let v = (s as i128) + (a as i128) - (p as i128);
                    let v = i32::try_from(v).map_err(|_| too_far())?;
                    put(&mut data, at, &v.to_le_bytes())?;
                }
                RelocType::Abs32 => {
                    let v = u32::try_from((s as i128) + (a as i128)).map_err(|_| too_far())?;
                    put(&mut data, at, &v.to_le_bytes())?;
                }
                RelocType::Abs32S => {
                    let v = i32::try_from((s as i128) + (a as i128)).map_err(|_| too_far())?;
                    put(&mut data, at, &v.to_le_bytes())?;
                }
                RelocType::GotPcRel | RelocType::GotPcRelX => {
                    let slot = got.slots.get(&r.target).ok_or("internal error: GOT slot missing")?;
                    let g = got_addr.ok_or("internal error: GOT missing")? + slot;
                    let v = i32::try_from((g as i128) + (a as i128) - (p as i128)).map_err(|_| too_far())?;
                    put(&mut data, at, &v.to_le_bytes())?;
                }
                RelocType::Tls(_) | RelocType::Unsupported(_) => {
                    return Err(format!("internal error: unsupported relocation {} survived the scan", r.ty.name()));
                }
            }
        }
        inputs.sections[i].data = data;
    }
    Ok(())
}

fn put(data: &mut [u8], at: usize, bytes: &[u8]) -> Result<(), String> {
    match data.get_mut(at..at + bytes.len()) {
        Some(place) => {
            place.copy_from_slice(bytes);
            Ok(())
        }
        None => Err(format!("internal error: relocation at offset {at:#x} outside its section")),
    }
}
