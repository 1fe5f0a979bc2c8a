//! The function table the runtime reads for tracebacks (docs/RUNTIME-ABI.md, "Tables the linker provides").
//!
//! In: the Go [`Object`], its sections, which of them are live, and the placeholder sections `resolve.rs`
//! made for `g1c_functab` and `g1c_functab_len`. Out: those sections filled, plus two new read-only
//! sections: `g1c_funcstrings` (function and file names, each distinct string stored once) and `g1c_pcline`
//! (the `(pc offset, line)` pairs of every function, one run after another, each pair as two LEB128
//! varints: the offset's increase and the zigzag-encoded change of the line, from (0, 0); rt's
//! `FuncInfo::line` is their one reader).
//!
//! Each table entry is a `FuncInfo` of nine little-endian u64 words:
//! `entry, end, name, name_len, file, file_len, pcline, npcline, args_size`. Addresses are not known yet, so
//! the address words are R_X86_64_64 relocations that `reloc.rs` applies like any other.
//!
//! Invariant: entries follow the Object's symbol order. Layout places the Go functions contiguously and in
//! that same order (see `FileKind::order`), so the table is sorted by `entry`; `layout.rs` checks it.

use std::collections::BTreeMap;

use super::input::*;
use super::object::{Object, SymKind};

/// Bytes in one `FuncInfo`.
pub const ENTRY_SIZE: u64 = 72;

/// Fills the function table; returns the Go functions it lists, in table order.
pub fn build(
    inputs: &mut Inputs,
    obj: &Object,
    go_sections: &[SecId],
    live: &mut Vec<bool>,
    functab: SecId,
    functab_len: SecId,
) -> Result<Vec<SecId>, String> {
    let linker = inputs.sec(functab).file;

    let mut strings: Vec<u8> = Vec::new();
    let mut string_at: BTreeMap<&str, u64> = BTreeMap::new();
    struct Entry {
        func: SymId,
        sec: SecId,
        size: u64,
        name: (u64, u64),
        file: (u64, u64),
        pcline: (u64, u64),
        args_size: u64,
    }
    let mut entries: Vec<Entry> = Vec::new();
    let mut pcline: Vec<u8> = Vec::new();
    for (s, &sec) in obj.symbols.iter().zip(go_sections) {
        let Some(meta) = &s.func else { continue };
        if s.kind != SymKind::Text || !live[sec.0 as usize] {
            continue;
        }
        let name_off = lookup_or_add(&mut strings, &mut string_at, &s.name);
        let file_off = lookup_or_add(&mut strings, &mut string_at, &meta.file);
        let pc_off = pcline.len() as u64;
        let (mut last_pc, mut last_line) = (0u32, 0i64);
        for &(pc, line) in &meta.lines {
            if pc < last_pc {
                return Err(format!("{}: line table not sorted by pc offset", s.name));
            }
            let dline = line as i64 - last_line;
            put_uvarint(&mut pcline, (pc - last_pc) as u64);
            put_uvarint(&mut pcline, ((dline << 1) ^ (dline >> 63)) as u64);
            (last_pc, last_line) = (pc, line as i64);
        }
        entries.push(Entry {
            func: inputs.globals[&s.name],
            sec,
            size: s.size,
            name: (name_off, s.name.len() as u64),
            file: (file_off, meta.file.len() as u64),
            pcline: (pc_off, meta.lines.len() as u64),
            args_size: meta.args_size as u64,
        });
    }

    // The two data sections the table points into, each with a local symbol to aim relocations at.
    let blob = |inputs: &mut Inputs, live: &mut Vec<bool>, name: &str, data: Vec<u8>, align: u64| -> SymId {
        let size = data.len() as u64;
        let sec = inputs.add_section(Section {
            file: linker,
            name: name.into(),
            out: OutKind::RoData,
            data,
            size,
            align,
            relocs: Vec::new(),
        });
        live.push(true);
        inputs.add_symbol(Symbol {
            name: name.into(),
            def: Def::Section { sec, value: 0 },
            binding: Binding::Local,
            ty: SymType::Object,
            size,
            file: linker,
            strong_ref: false,
        })
    };
    let strings_sym = blob(inputs, live, "g1c_funcstrings", strings, 1);
    let pcline_sym = blob(inputs, live, "g1c_pcline", pcline, 1);

    let mut data = Vec::with_capacity(entries.len() * ENTRY_SIZE as usize);
    let mut relocs = Vec::new();
    for e in &entries {
        let base = data.len() as u64;
        let mut word = |slot: u64, value: u64, target: Option<(SymId, u64)>| {
            data.extend_from_slice(&value.to_le_bytes());
            if let Some((target, addend)) = target {
                relocs.push(Reloc { offset: base + slot * 8, ty: RelocType::Abs64, target, addend: addend as i64 });
            }
        };
        word(0, 0, Some((e.func, 0)));
        word(1, 0, Some((e.func, e.size)));
        word(2, 0, Some((strings_sym, e.name.0)));
        word(3, e.name.1, None);
        word(4, 0, Some((strings_sym, e.file.0)));
        word(5, e.file.1, None);
        word(6, 0, Some((pcline_sym, e.pcline.0)));
        word(7, e.pcline.1, None);
        word(8, e.args_size, None);
    }
    let table = &mut inputs.sections[functab.0 as usize];
    table.size = data.len() as u64;
    table.data = data;
    table.relocs = relocs;
    let len = &mut inputs.sections[functab_len.0 as usize];
    len.data = (entries.len() as u64).to_le_bytes().to_vec();
    len.size = 8;
    for id in [functab, functab_len] {
        let sym = inputs.globals[&inputs.sec(id).name];
        inputs.symbols[sym.0 as usize].size = inputs.sec(id).size;
    }
    Ok(entries.iter().map(|e| e.sec).collect())
}

/// Appends `v` as an unsigned LEB128 varint.
fn put_uvarint(out: &mut Vec<u8>, mut v: u64) {
    while v >= 0x80 {
        out.push(v as u8 | 0x80);
        v >>= 7;
    }
    out.push(v as u8);
}

/// The offset of `s` in `strings`, appending it the first time it is seen.
fn lookup_or_add<'a>(strings: &mut Vec<u8>, seen: &mut BTreeMap<&'a str, u64>, s: &'a str) -> u64 {
    if let Some(&off) = seen.get(s) {
        return off;
    }
    let off = strings.len() as u64;
    strings.extend_from_slice(s.as_bytes());
    seen.insert(s, off);
    off
}

/// Checks the invariant the runtime relies on: table entries in increasing address order.
pub fn check_sorted(funcs: &[SecId], layout: &super::layout::Layout) -> Result<(), String> {
    let addrs: Vec<Option<u64>> = funcs.iter().map(|s| layout.addr[s.0 as usize]).collect();
    if addrs.windows(2).all(|w| matches!((w[0], w[1]), (Some(a), Some(b)) if a <= b))
        && addrs.iter().all(Option::is_some)
    {
        Ok(())
    } else {
        Err("internal error: the function table is not sorted by address".into())
    }
}
