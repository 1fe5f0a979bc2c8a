//! `//go:embed` variables as initialized data (gc's `staticdata.WriteEmbed`).
//!
//! In: a unit's embedded variables (the position of each one's name and the files the loader resolved for
//! it) and the variables' zero-filled `Bss` symbols. Out: each symbol turned into data holding the files,
//! by the variable's type: a `string` (or a type with string kind) points at one file's bytes, read-only;
//! a `[]byte` at a writable copy of them; an `embed.FS` at `<var>.files`, gc's read-only table of
//! `embed.file{name, data string; hash [16]byte}` entries preceded by the slice header that points just past
//! itself, which package embed reads.
//!
//! Invariants: the table lists every file and every directory above one (named with a trailing `/`, empty
//! data), sorted as package embed's binary search expects: by directory, then by base name. The hash is left
//! zero: nothing in the standard library reads it. A string or `[]byte` variable takes exactly one file.

use super::Lowerer;
use crate::ir::{Data, DataKind, DataReloc};
use crate::syntax::pos::Pos;
use crate::types::{BasicKind, ObjKind, TypeKind};

/// What an embedded variable's type makes of its files.
enum Kind {
    String,
    Bytes,
    Fs,
}

/// The length of `embed.file`'s hash, after its two strings.
const HASH_SIZE: usize = 16;

/// Splits a table name into (directory, base name), a directory's trailing `/` dropped: package embed's
/// order compares the directory first.
fn split(name: &str) -> (&str, &str) {
    let name = name.strip_suffix('/').unwrap_or(name);
    match name.rfind('/') {
        Some(i) => (&name[..i], &name[i + 1..]),
        None => (".", name),
    }
}

impl<'a> Lowerer<'a> {
    /// Gives each embedded variable of the current package (`self.pkg`) its data (see the module comment).
    pub(super) fn lower_embeds(&mut self, embeds: &[(Pos, Vec<(String, Vec<u8>)>)]) {
        for (pos, files) in embeds {
            let Some(&obj) = self.prog.info.defs.get(pos) else { continue };
            let o = self.prog.obj(obj);
            if !matches!(o.kind, ObjKind::Var(_)) {
                continue;
            }
            let t = o.typ;
            let kind = match self.types.under(t) {
                TypeKind::Basic(BasicKind::String) => Some(Kind::String),
                TypeKind::Slice(e) if matches!(self.types.under(*e), TypeKind::Basic(BasicKind::Uint8)) => {
                    Some(Kind::Bytes)
                }
                _ => match self.types.kind(t) {
                    TypeKind::Named(n)
                        if self.prog.obj(n.obj).name == "FS" && self.pkg_path(self.prog.obj(n.obj).pkg) == "embed" =>
                    {
                        Some(Kind::Fs)
                    }
                    _ => None,
                },
            };
            let Some(kind) = kind else {
                let ts = crate::types::check::typestring::type_string(self.types, &self.prog.objs, t, None);
                self.error(*pos, format!("go:embed cannot apply to var of type {ts}"));
                continue;
            };
            let sym = format!("{}.{}", self.pkg, o.name);
            let ptr = self.target.ptr_size as usize;
            let (bytes, relocs) = match kind {
                Kind::String | Kind::Bytes => {
                    if files.len() > 1 {
                        let ts = crate::types::check::typestring::type_string(self.types, &self.prog.objs, t, None);
                        self.error(*pos, format!("invalid go:embed: multiple files for type {ts}"));
                        continue;
                    }
                    let data: &[u8] = files.first().map(|f| f.1.as_slice()).unwrap_or(&[]);
                    let n = data.len() as u64;
                    let words = if matches!(kind, Kind::String) { 2 } else { 3 };
                    let mut bytes = vec![0u8; words * ptr];
                    for w in 1..words {
                        bytes[w * ptr..(w + 1) * ptr].copy_from_slice(&n.to_le_bytes()[..ptr]);
                    }
                    let target = if matches!(kind, Kind::String) {
                        self.string_sym(data)
                    } else {
                        let name = format!("{sym}.bytes");
                        self.add_data(Data {
                            name: name.clone(),
                            kind: DataKind::Data,
                            align: 1,
                            size: n,
                            bytes: data.to_vec(),
                            relocs: Vec::new(),
                        });
                        name
                    };
                    // An empty file leaves the pointer nil, as an empty string has none.
                    let relocs = if n > 0 { vec![DataReloc::addr(0, target, 0)] } else { Vec::new() };
                    (bytes, relocs)
                }
                Kind::Fs => {
                    let table = format!("{sym}.files");
                    self.embed_table(&table, files);
                    (vec![0u8; ptr], vec![DataReloc::addr(0, table, 0)])
                }
            };
            let Some(d) = self.var_data.get(&sym).and_then(|&i| self.data.get_mut(i)).filter(|d| d.name == sym) else {
                continue;
            };
            d.kind = DataKind::Data;
            d.bytes = bytes;
            d.relocs = relocs;
        }
    }

    /// The read-only symbol `name`: an embed.FS's slice of files (see the module comment).
    fn embed_table(&mut self, name: &str, files: &[(String, Vec<u8>)]) {
        let mut entries: Vec<(String, Option<&[u8]>)> = Vec::new();
        for (f, data) in files {
            if !entries.iter().any(|e| e.0 == *f) {
                entries.push((f.clone(), Some(data.as_slice())));
            }
            let mut dir = f.as_str();
            while let Some(i) = dir.rfind('/') {
                dir = &dir[..i];
                let d = format!("{dir}/");
                if entries.iter().any(|e| e.0 == d) {
                    break;
                }
                entries.push((d, None));
            }
        }
        entries.sort_by(|a, b| split(&a.0).cmp(&split(&b.0)));
        let ptr = self.target.ptr_size as usize;
        let n = entries.len() as u64;
        let entry = 4 * ptr + HASH_SIZE;
        let mut bytes = vec![0u8; 3 * ptr + entries.len() * entry];
        let mut relocs = vec![DataReloc::addr(0, name, 3 * ptr as i64)];
        bytes[ptr..2 * ptr].copy_from_slice(&n.to_le_bytes()[..ptr]);
        bytes[2 * ptr..3 * ptr].copy_from_slice(&n.to_le_bytes()[..ptr]);
        for (i, (fname, data)) in entries.iter().enumerate() {
            let off = 3 * ptr + i * entry;
            let nsym = self.string_sym(fname.as_bytes());
            relocs.push(DataReloc::addr(off as u32, nsym, 0));
            bytes[off + ptr..off + 2 * ptr].copy_from_slice(&(fname.len() as u64).to_le_bytes()[..ptr]);
            if let Some(data) = data.filter(|d| !d.is_empty()) {
                let dsym = self.string_sym(data);
                relocs.push(DataReloc::addr((off + 2 * ptr) as u32, dsym, 0));
                bytes[off + 3 * ptr..off + 4 * ptr].copy_from_slice(&(data.len() as u64).to_le_bytes()[..ptr]);
            }
        }
        self.add_data(Data {
            name: name.to_string(),
            kind: DataKind::ReadOnly,
            align: ptr as u32,
            size: bytes.len() as u64,
            bytes,
            relocs,
        });
    }
}
