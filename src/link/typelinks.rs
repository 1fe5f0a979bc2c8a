//! The type links reflect searches (docs/RUNTIME-ABI.md, "Tables the linker provides"): gc's
//! `moduledata.typelinks`, the descriptors of the program's unnamed composite types sorted by type string,
//! which `reflect.PointerTo`, `SliceOf`, `MapOf`, `ChanOf`, `FuncOf`, `ArrayOf` and `StructOf` search
//! before building a type, so that a type they return is the program's own descriptor when it has one
//! (`reflect.New(t).Interface().(*T)` must find `type.*T`).
//!
//! In: the Go [`Object`], its sections, which of them are live, and the placeholder sections `resolve.rs`
//! made for `g1c_typelinks` and `g1c_typelinks_len`. Out: `g1c_typelinks`, one signed 32-bit image offset
//! (`S - g1c_modbase`, like a descriptor's `typeOff`) per live descriptor whose kind is pointer, array,
//! chan, func, map, slice or struct and which is not a named type (gc's choice in `writeType`), sorted by
//! the type's string (ties by symbol name, so the order is deterministic); `g1c_typelinks_len`, a u64 count.
//!
//! A descriptor is a Go data symbol named `type.…` (not `type..…`, the names and helper closures); its bytes
//! are gc's `_type` (docs/RUNTIME-ABI.md, "Type descriptors"): `tflag` at byte 20, `kind` at 23, and at 40
//! the `str` nameOff, an image-relative relocation to the `type..namedata.…` symbol holding the string. The
//! table is built after liveness, so it keeps no descriptor alive by itself.

use std::collections::BTreeMap;

use super::input::*;
use super::object::{Object, RelocKind, SymKind};

const TFLAG_EXTRA_STAR: u8 = 2;
const TFLAG_NAMED: u8 = 4;
/// reflect.Kind: array, chan, func, map, pointer, slice, struct.
const LINKED_KINDS: [u8; 7] = [17, 18, 19, 21, 22, 23, 25];

pub fn build(
    inputs: &mut Inputs,
    obj: &Object,
    go_sections: &[SecId],
    live: &[bool],
    typelinks: SecId,
    typelinks_len: SecId,
) -> Result<(), String> {
    let by_name: BTreeMap<&str, usize> = obj.symbols.iter().enumerate().map(|(i, s)| (s.name.as_str(), i)).collect();
    let mut links: Vec<(String, &str)> = Vec::new();
    for (s, &sec) in obj.symbols.iter().zip(go_sections) {
        if s.kind != SymKind::RoData || !live[sec.0 as usize] || s.data.len() < 48 {
            continue;
        }
        let Some(rest) = s.name.strip_prefix("type.") else { continue };
        if rest.starts_with('.') {
            continue;
        }
        let (tflag, kind) = (s.data[20], s.data[23] & 31);
        if tflag & TFLAG_NAMED != 0 || !LINKED_KINDS.contains(&kind) {
            continue;
        }
        let Some(str_reloc) = s.relocs.iter().find(|r| r.offset == 40 && r.kind == RelocKind::ImageRel32) else {
            continue;
        };
        let Some(name) = by_name.get(str_reloc.target.as_str()).map(|&i| &obj.symbols[i]) else {
            return Err(format!("{}: its string {} is not a Go symbol", s.name, str_reloc.target));
        };
        let text = decode_name(&name.data[str_reloc.addend.max(0) as usize..])
            .ok_or_else(|| format!("{}: malformed name", name.name))?;
        let text = if tflag & TFLAG_EXTRA_STAR != 0 { text.strip_prefix('*').unwrap_or(text) } else { text };
        links.push((text.to_string(), s.name.as_str()));
    }
    links.sort();

    let mut data = Vec::with_capacity(links.len() * 4);
    let mut relocs = Vec::with_capacity(links.len());
    for (_, sym) in &links {
        let target = inputs.globals[*sym];
        // S - base, as resolve.rs writes an ImageRel32: a sign-extended 32-bit absolute relocation with the base folded into the addend.
        relocs.push(Reloc {
            offset: data.len() as u64,
            ty: RelocType::Abs32S,
            target,
            addend: -(super::layout::BASE as i64),
        });
        data.extend_from_slice(&[0; 4]);
    }
    let table = &mut inputs.sections[typelinks.0 as usize];
    table.size = data.len() as u64;
    table.data = data;
    table.relocs = relocs;
    let len = &mut inputs.sections[typelinks_len.0 as usize];
    len.data = (links.len() as u64).to_le_bytes().to_vec();
    len.size = 8;
    for id in [typelinks, typelinks_len] {
        let sym = inputs.globals[&inputs.sec(id).name];
        inputs.symbols[sym.0 as usize].size = inputs.sec(id).size;
    }
    Ok(())
}

/// The text of a gc-encoded name (flags byte, varint length, bytes).
pub fn decode_name(b: &[u8]) -> Option<&str> {
    let (mut n, mut shift, mut i) = (0usize, 0, 1);
    loop {
        let byte = *b.get(i)?;
        i += 1;
        n |= ((byte & 0x7f) as usize) << shift;
        if byte & 0x80 == 0 {
            break;
        }
        shift += 7;
        if shift > 28 {
            return None;
        }
    }
    std::str::from_utf8(b.get(i..i + n)?).ok()
}

#[cfg(test)]
mod tests {
    use super::decode_name;

    #[test]
    fn names_decode() {
        assert_eq!(decode_name(&[0, 3, b'*', b'[', b']']), Some("*[]"));
        let mut long = vec![1, 0x81, 0x01];
        long.extend(std::iter::repeat_n(b'a', 129));
        assert_eq!(decode_name(&long).map(str::len), Some(129));
        assert_eq!(decode_name(&[0, 5, b'a']), None);
    }
}
