//! The function table the runtime reads for tracebacks (docs/RUNTIME-ABI.md, "Tables the linker provides").
//!
//! In: the Go [`Object`], its sections, which of them are live, and the placeholder sections `resolve.rs`
//! made for `g1c_functab` and `g1c_functab_len`. Out: those sections filled; `g1c_functab` is one read-only
//! blob of three parts, every offset in it 32 bits wide to keep hello world small (issue 10):
//!
//! 1. the index, one 8-byte entry per function, sorted by address: `entry: u32`, the function's image offset
//!    (`S - g1c_modbase`, a zero-extended 32-bit relocation with the image base folded into the addend, applied by
//!    `reloc.rs` once addresses are known), and `info: u32`, the offset of its record from the table start;
//! 2. the file names, each stored once as a uvarint length and the bytes;
//! 3. one record per function, of uvarints: code size, ABI0 argument bytes, the name's length followed by
//!    the name itself, the file name's offset from the table start, the number of `(pc offset, line)`
//!    pairs, then the pairs, each as two uvarints: the offset's increase and the zigzag-encoded change of
//!    the line, from (0, 0). A function whose code lies in several files (`//line` directives) or has
//!    inlined calls has a 0 before its file offset (never a real offset: the index comes first), then a
//!    uvarint of flags: [`MULTI_FILE`] adds a third uvarint to each pair, 0 when the file stays, else the
//!    offset of the file from that pc on; [`INLINED`] adds one more, the inlined call the code comes from
//!    (k for the tree's entry k - 1, 0 for the function's own code), and after the pairs the inline tree:
//!    its length, then per inlined call the offset of the callee's name (stored with the file names) and
//!    the pc offset of its inline mark (`object::InlFrame`). rt's `traceback::find_func` and `FuncInfo`
//!    are their one reader.
//!
//! Invariant: entries follow the Object's symbol order. Layout places the Go functions contiguously and in
//! that same order (see `FileKind::order`), so the table is sorted by `entry`; `layout.rs` checks it.

use std::collections::BTreeMap;

use super::input::*;
use super::object::{Object, SymKind};

/// Bytes in one index entry.
pub const ENTRY_SIZE: u64 = 8;
/// Record flag: the pairs carry a file.
pub const MULTI_FILE: u64 = 1;
/// Record flag: the pairs carry an inline context, and the inline tree follows them.
pub const INLINED: u64 = 2;

/// Fills the function table; returns the Go functions it lists, in table order.
pub fn build<'a>(
    inputs: &mut Inputs,
    obj: &'a Object,
    go_sections: &[SecId],
    live: &[bool],
    functab: SecId,
    functab_len: SecId,
) -> Result<Vec<SecId>, String> {
    // The live Go functions, in symbol order, and the file part, each name stored once.
    let mut files: Vec<u8> = Vec::new();
    let mut file_at: BTreeMap<&str, u64> = BTreeMap::new();
    let mut funcs = Vec::new();
    for (s, &sec) in obj.symbols.iter().zip(go_sections) {
        let Some(meta) = &s.func else { continue };
        if s.kind != SymKind::Text || !live[sec.0 as usize] {
            continue;
        }
        let mut file_offset = |name: &'a str| {
            *file_at.entry(name).or_insert_with(|| {
                let off = files.len() as u64;
                put_uvarint(&mut files, name.len() as u64);
                files.extend_from_slice(name.as_bytes());
                off
            })
        };
        let file_off = file_offset(meta.file.as_str());
        for (_, f) in &meta.files {
            file_offset(f.as_str());
        }
        for c in &meta.inl_tree {
            file_offset(c.func.as_str());
        }
        funcs.push((s, meta, sec, file_off));
    }

    let files_at = funcs.len() as u64 * ENTRY_SIZE;
    let records_at = files_at + files.len() as u64;
    let mut index = Vec::with_capacity(files_at as usize);
    let mut relocs = Vec::with_capacity(funcs.len());
    let mut records: Vec<u8> = Vec::new();
    for &(s, meta, _, file_off) in &funcs {
        let info = u32::try_from(records_at + records.len() as u64)
            .map_err(|_| "the function table exceeds 4 GiB".to_string())?;
        relocs.push(Reloc {
            offset: index.len() as u64,
            ty: RelocType::Abs32,
            target: inputs.globals[&s.name],
            addend: -(super::layout::BASE as i64),
        });
        index.extend_from_slice(&[0; 4]);
        index.extend_from_slice(&info.to_le_bytes());

        put_uvarint(&mut records, s.size);
        put_uvarint(&mut records, meta.args_size as u64);
        put_uvarint(&mut records, s.name.len() as u64);
        records.extend_from_slice(s.name.as_bytes());
        let multi = !meta.files.is_empty();
        let inlined = !meta.inl_tree.is_empty();
        if multi || inlined {
            put_uvarint(&mut records, 0);
            put_uvarint(&mut records, if multi { MULTI_FILE } else { 0 } | if inlined { INLINED } else { 0 });
        }
        put_uvarint(&mut records, files_at + file_off);
        // The file and the inline context change as `meta.files` and `meta.inl` say, each at the first pair
        // at or after its pc (isel records a line at every pc where either changes).
        let mut changes = meta.files.iter().peekable();
        let mut contexts = meta.inl.iter().peekable();
        let mut context = 0;
        put_uvarint(&mut records, meta.lines.len() as u64);
        let (mut last_pc, mut last_line) = (0u32, 0i64);
        for &(pc, line) in &meta.lines {
            if pc < last_pc {
                return Err(format!("{}: line table not sorted by pc offset", s.name));
            }
            let dline = line as i64 - last_line;
            put_uvarint(&mut records, (pc - last_pc) as u64);
            put_uvarint(&mut records, ((dline << 1) ^ (dline >> 63)) as u64);
            if multi {
                let mut file = 0;
                while let Some((_, f)) = changes.next_if(|c| c.0 <= pc) {
                    file = files_at + file_at[f.as_str()];
                }
                put_uvarint(&mut records, file);
            }
            if inlined {
                while let Some(&(_, k)) = contexts.next_if(|c| c.0 <= pc) {
                    context = k;
                }
                put_uvarint(&mut records, context as u64);
            }
            (last_pc, last_line) = (pc, line as i64);
        }
        if inlined {
            put_uvarint(&mut records, meta.inl_tree.len() as u64);
            for c in &meta.inl_tree {
                put_uvarint(&mut records, files_at + file_at[c.func.as_str()]);
                put_uvarint(&mut records, c.parent_pc as u64);
            }
        }
    }
    let mut data = index;
    data.extend_from_slice(&files);
    data.extend_from_slice(&records);
    let secs: Vec<SecId> = funcs.iter().map(|f| f.2).collect();

    let table = &mut inputs.sections[functab.0 as usize];
    table.size = data.len() as u64;
    table.data = data;
    table.relocs = relocs;
    table.align = 4;
    let len = &mut inputs.sections[functab_len.0 as usize];
    len.data = (secs.len() as u64).to_le_bytes().to_vec();
    len.size = 8;
    for id in [functab, functab_len] {
        let sym = inputs.globals[&inputs.sec(id).name];
        inputs.symbols[sym.0 as usize].size = inputs.sec(id).size;
    }
    Ok(secs)
}

/// Appends `v` as an unsigned LEB128 varint.
fn put_uvarint(out: &mut Vec<u8>, mut v: u64) {
    while v >= 0x80 {
        out.push(v as u8 | 0x80);
        v >>= 7;
    }
    out.push(v as u8);
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
