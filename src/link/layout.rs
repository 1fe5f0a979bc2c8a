//! Layout: where every live section goes, in the file and in memory.
//!
//! In: [`Inputs`] and the live flags. Out: a [`Layout`]: the output sections (`.text`, `.rodata`,
//! `.go.buildinfo`, `.data`, `.got`, `.bss`, each present only when non-empty), the loadable segments, and each live input section's
//! address.
//!
//! The memory image follows gc's static binaries: base address 0x400000 and three segments, text (R+X: the
//! object format's headers, `header_size` bytes, and `.text`), rodata (R: `.rodata`) and data (RW: `.go.buildinfo`, `.data`, `.got`, then
//! `.bss`, which takes memory but no file bytes). The kernel maps a segment page by page, so its file offset
//! and address must be congruent modulo the page size (4096); each segment starts on a fresh page in memory
//! but continues in the file right after the previous one (as lld does), so the file has no page padding.
//!
//! Invariants: input sections are placed by output kind, then by file (Go object in Object order, runtime
//! members in archive order, the linker's own sections last), then by section order within the file, except
//! that the Go program's type descriptors come first in gc's order (by size, then name: [`type_rank`]); so
//! the output depends only on the inputs.

use super::input::*;

pub const BASE: u64 = 0x40_0000;
pub const PAGE: u64 = 0x1000;

pub struct OutSection {
    pub kind: OutKind,
    pub addr: u64,
    /// File offset (for `.bss`, where it would be; it takes no bytes).
    pub offset: u64,
    pub size: u64,
    pub align: u64,
    /// The input sections in it, in address order.
    pub members: Vec<SecId>,
}

/// What a segment's pages allow.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Perm {
    pub read: bool,
    pub write: bool,
    pub exec: bool,
}

pub struct Segment {
    pub perm: Perm,
    pub offset: u64,
    pub vaddr: u64,
    pub filesz: u64,
    pub memsz: u64,
}

pub struct Layout {
    pub sections: Vec<OutSection>,
    pub segments: Vec<Segment>,
    /// Address of each input section (indexed by `SecId`); `None` for dead sections.
    pub addr: Vec<Option<u64>>,
    /// Index into `sections` of each live input section's output section, `None` if that one is empty.
    pub out_index: Vec<Option<usize>>,
    /// End of the loaded part of the file.
    pub file_end: u64,
}

/// The highest address the image may reach: far below overflow, and inside the ±2 GiB that 32-bit
/// relocations can span from the base.
pub const LIMIT: u64 = 0x7000_0000;

/// Where a Go type descriptor goes among the Go program's data: gc's linker sorts its type section by size,
/// then symbol name, and programs see that order: package fmt prints a map's interface keys of different
/// dynamic types ordered by their descriptors' addresses (internal/fmtsort). So descriptors (`type.T`, not
/// the `type..` helpers) come first, in gc's order; other sections follow in their own order (`true` sorts
/// after `false`, and they are then compared by id alone).
fn type_rank(inputs: &Inputs, id: SecId, file: FileKind) -> (bool, u64, &str) {
    let s = inputs.sec(id);
    if file == FileKind::Go && s.name.starts_with("type.") && !s.name.starts_with("type..") {
        (false, s.size, s.name.as_str())
    } else {
        (true, 0, "")
    }
}

/// `x` rounded up to a multiple of `a` (a power of two).
fn align_up(x: u64, a: u64) -> u64 {
    (x + a - 1) & !(a - 1)
}

/// `header_size` is the object format's: the bytes its headers take at the start of the text segment, given
/// the number of segments.
pub fn layout(inputs: &Inputs, live: &[bool], header_size: fn(usize) -> u64) -> Result<Layout, String> {
    // Group the live sections by output kind, in placement order.
    let mut by_kind: Vec<Vec<SecId>> = vec![Vec::new(); OutKind::ALL.len()];
    for (i, s) in inputs.sections.iter().enumerate() {
        if live[i] {
            by_kind[s.out as usize].push(SecId(i as u32));
        }
    }
    for members in &mut by_kind {
        members.sort_by(|&a, &b| {
            let (fa, fb) =
                (inputs.files[inputs.sec(a).file.0 as usize].kind, inputs.files[inputs.sec(b).file.0 as usize].kind);
            fa.order()
                .cmp(&fb.order())
                .then_with(|| type_rank(inputs, a, fa).cmp(&type_rank(inputs, b, fb)))
                .then(a.cmp(&b))
        });
    }
    let has_bytes =
        |kinds: &[OutKind]| kinds.iter().any(|&k| by_kind[k as usize].iter().any(|&id| inputs.sec(id).size > 0));
    let (r, rw, rx) = (
        Perm { read: true, write: false, exec: false },
        Perm { read: true, write: true, exec: false },
        Perm { read: true, write: false, exec: true },
    );
    let segment_kinds: [(Perm, &[OutKind]); 3] = [
        (rx, &[OutKind::Text]),
        (r, &[OutKind::RoData]),
        (rw, &[OutKind::BuildInfo, OutKind::Data, OutKind::Got, OutKind::Bss]),
    ];
    // The text segment always exists: it holds the headers.
    let present: Vec<bool> =
        segment_kinds.iter().enumerate().map(|(n, (_, kinds))| n == 0 || has_bytes(kinds)).collect();
    let nseg = present.iter().filter(|&&p| p).count();

    let mut lay = Layout {
        sections: Vec::new(),
        segments: Vec::new(),
        addr: vec![None; inputs.sections.len()],
        out_index: vec![None; inputs.sections.len()],
        file_end: 0,
    };
    let mut offset = header_size(nseg);
    let mut vaddr = BASE + offset;
    for (n, (perm, kinds)) in segment_kinds.iter().enumerate() {
        let (seg_offset, seg_vaddr) = if n == 0 {
            (0, BASE)
        } else if !present[n] {
            (offset, vaddr)
        } else {
            // A fresh page in memory, congruent with the file offset.
            vaddr = align_up(vaddr, PAGE) + offset % PAGE;
            (offset, vaddr)
        };
        let mut file_end = offset;
        for &kind in kinds.iter() {
            let members = &by_kind[kind as usize];
            let align = members.iter().map(|&id| inputs.sec(id).align).max().unwrap_or(1);
            if align > PAGE {
                return Err(format!("section alignment {align} above the page size is not supported"));
            }
            let pad = align_up(vaddr, align) - vaddr;
            vaddr += pad;
            if kind != OutKind::Bss {
                offset += pad;
            }
            let (start_addr, start_offset) = (vaddr, offset);
            for &id in members {
                let s = inputs.sec(id);
                if s.size > LIMIT || vaddr > LIMIT {
                    return Err(format!("program too large: {} does not fit below {LIMIT:#x}", s.name));
                }
                let pad = align_up(vaddr, s.align) - vaddr;
                vaddr += pad + s.size;
                if kind != OutKind::Bss {
                    offset += pad + s.size;
                }
                lay.addr[id.0 as usize] = Some(vaddr - s.size);
            }
            let size = vaddr - start_addr;
            if kind != OutKind::Bss {
                file_end = offset;
            }
            if size > 0 {
                for &id in members {
                    lay.out_index[id.0 as usize] = Some(lay.sections.len());
                }
                lay.sections.push(OutSection {
                    kind,
                    addr: start_addr,
                    offset: start_offset,
                    size,
                    align,
                    members: members.clone(),
                });
            }
        }
        if present[n] {
            lay.segments.push(Segment {
                perm: *perm,
                offset: seg_offset,
                vaddr: seg_vaddr,
                filesz: file_end - seg_offset,
                memsz: vaddr - seg_vaddr,
            });
        }
        lay.file_end = file_end;
    }
    Ok(lay)
}

impl Layout {
    /// The address of symbol `id`: its section's address plus its value, an absolute value, or 0 for an
    /// undefined weak symbol (`scan.rs` has rejected every other undefined symbol a live section uses).
    pub fn sym_addr(&self, inputs: &Inputs, id: SymId) -> Result<u64, String> {
        let s = inputs.sym(id);
        match s.def {
            Def::Section { sec, value } => match self.addr[sec.0 as usize] {
                Some(a) => Ok(a + value),
                None => Err(format!("internal error: {} lives in a dead section", s.name)),
            },
            Def::Absolute(v) => Ok(v),
            Def::Undefined => Ok(0),
            Def::Common { .. } | Def::Dropped => Err(format!("internal error: {} has no address", s.name)),
        }
    }
}
