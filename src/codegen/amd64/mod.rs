//! amd64 code generation: IR module → [`Object`] (machine code, data, relocations, line tables), and the
//! `g1c dump asm` listing of the same code.
//!
//! In: a verified IR module. Out: one `Text` symbol per function (aligned to 32, like gc), one data
//! symbol per global. `regalloc.rs` puts vregs in registers, `frame.rs` lays out each frame (homes for the
//! vregs left in memory), `isel.rs` selects instructions, `abi.rs` holds the
//! calling conventions, `stack.rs` the prologue's stack check (segmented stacks). Deterministic: symbols
//! come out in the module's order, code depends only on the IR.

mod abi;
mod frame;
pub mod goasm;
mod isel;
mod regalloc;
mod stack;

use crate::ir::{DataKind, Func, Module};
use crate::link::object::{FuncMeta, InlFrame, Object, Reloc, RelocKind, SymKind, Symbol};
use asm::x86;
use frame::Frame;
use std::fmt::Write;

/// Alignment of function entry points (gc aligns amd64 functions to 32 bytes).
const FUNC_ALIGN: u32 = 32;

/// A function compiled to machine code, with what the listing and the object need.
struct Compiled {
    frame: Frame,
    sel: isel::Selected,
}

/// Compiles one function; without `optimize` (gc's `-N`), every vreg stays in its frame home.
fn compile_func(f: &Func, optimize: bool) -> Result<Compiled, String> {
    let alloc = if optimize { regalloc::allocate(f) } else { regalloc::Alloc::all_home(f) };
    let frame = Frame::layout(f, &alloc)?;
    let sel = isel::select(f, &frame, &alloc, optimize)?;
    Ok(Compiled { frame, sel })
}

fn reloc(r: &x86::Reloc) -> Reloc {
    let kind = match r.kind {
        x86::RelocKind::Pc32 => RelocKind::Pc32,
        x86::RelocKind::Abs64 => RelocKind::Abs64,
    };
    Reloc { offset: r.offset, kind, target: r.sym.clone(), addend: r.addend }
}

/// Compiles a module; `optimize` is false under gc's `-N`.
pub fn compile(m: &Module, optimize: bool) -> Result<Object, String> {
    let mut obj = Object::default();
    // Functions compile independently, on `par::jobs()` threads; the symbols follow the module's order.
    // Each worker turns its function into the symbol at once, so that no frame or selection state
    // outlives its function.
    let symbols = crate::par::map(&m.funcs, |f| -> Result<Symbol, String> {
        let c = compile_func(f, optimize)?;
        let (lines, files) = source_lines(f, &c.sel.lines);
        let (inl, inl_tree) = inline_tree(f, &c.sel);
        let mut code = c.sel.code;
        code.bytes.shrink_to_fit();
        Ok(Symbol {
            name: f.name.clone(),
            kind: SymKind::Text,
            size: code.bytes.len() as u64,
            relocs: code.relocs.iter().map(reloc).collect(),
            data: code.bytes,
            align: FUNC_ALIGN,
            func: Some(FuncMeta {
                file: f.file.clone(),
                lines,
                files,
                inl,
                inl_tree,
                args_size: f.args_size,
                frame_size: c.frame.size,
            }),
        })
    });
    for s in symbols {
        obj.symbols.push(s?);
    }
    for d in &m.data {
        let kind = match d.kind {
            DataKind::ReadOnly => SymKind::RoData,
            DataKind::Data => SymKind::Data,
            DataKind::Bss => SymKind::Bss,
        };
        if d.kind != DataKind::Bss && d.bytes.len() as u64 != d.size {
            return Err(format!("data {}: {} bytes for size {}", d.name, d.bytes.len(), d.size));
        }
        if d.kind == DataKind::Bss && !d.relocs.is_empty() {
            return Err(format!("data {}: relocations in zero-initialized data", d.name));
        }
        let relocs = d
            .relocs
            .iter()
            .map(|r| {
                let kind = match r.kind {
                    crate::ir::DataRelocKind::Addr => RelocKind::Abs64,
                    crate::ir::DataRelocKind::ImageOff32 => RelocKind::ImageRel32,
                };
                Reloc { offset: r.offset, kind, target: r.target.clone(), addend: r.addend }
            })
            .collect();
        obj.symbols.push(Symbol {
            name: d.name.clone(),
            kind,
            data: if d.kind == DataKind::Bss { Vec::new() } else { d.bytes.clone() },
            size: d.size,
            align: d.align.max(1),
            relocs,
            func: None,
        });
    }
    Ok(obj)
}

/// The line table of `f`'s code from isel's `(pc offset, line value)` pairs: the lines, and where the file
/// changes (`FuncMeta::files`) when `//line` directives put some lines in other files (`ir::LINE_EXT`).
fn source_lines(f: &Func, sel: &[(u32, u32)]) -> (Vec<(u32, u32)>, Vec<(u32, String)>) {
    if f.ext_lines.is_empty() {
        return (sel.to_vec(), Vec::new());
    }
    let mut lines = Vec::with_capacity(sel.len());
    let mut files: Vec<(u32, String)> = Vec::new();
    for &(pc, v) in sel {
        let (file, line) = f.source_line(v);
        let cur = files.last().map_or(f.file.as_str(), |x| x.1.as_str());
        if file != cur {
            files.push((pc, file.to_string()));
        }
        lines.push((pc, line));
    }
    (lines, files)
}

/// The inline table of `f`'s code: where the inline context changes (`FuncMeta::inl`), and the inlined
/// calls with the pcs of their inline marks. A call none of whose code is left has no mark and no pc of
/// its context; its entry stays so that the indexes hold.
fn inline_tree(f: &Func, sel: &isel::Selected) -> (Vec<(u32, u32)>, Vec<InlFrame>) {
    if f.inl.is_empty() {
        return (Vec::new(), Vec::new());
    }
    let mut inl: Vec<(u32, u32)> = Vec::new();
    for &(pc, v) in &sel.lines {
        let k = f.inl_of(v).map_or(0, |k| k + 1);
        if inl.last().map_or(k != 0, |l| l.1 != k) {
            inl.push((pc, k));
        }
    }
    let tree = f
        .inl
        .iter()
        .zip(&sel.inl_marks)
        .map(|(c, &pc)| InlFrame { func: c.func.clone(), parent_pc: if pc == u32::MAX { 0 } else { pc } })
        .collect();
    (inl, tree)
}

/// The `g1c dump asm` text: per function a header, then each instruction with its offset and bytes,
/// labels where branches land, and `; file:line` markers where the source line changes.
pub fn listing(m: &Module, optimize: bool) -> Result<String, String> {
    let mut out = String::new();
    for f in &m.funcs {
        let c = compile_func(f, optimize)?;
        let code = &c.sel.code;
        let _ = writeln!(
            out,
            "TEXT {} ({}:{})  size={} frame={} args={}",
            f.name,
            f.file,
            f.line,
            code.bytes.len(),
            c.frame.size,
            f.args_size
        );
        let mut lines = c.sel.lines.iter().peekable();
        let mut labels: Vec<(u32, usize)> =
            code.labels.iter().enumerate().filter(|(_, o)| **o != u32::MAX).map(|(i, o)| (*o, i)).collect();
        labels.sort();
        let mut labels = labels.into_iter().peekable();
        for (k, (off, inst)) in code.insts.iter().enumerate() {
            let end = code.insts.get(k + 1).map_or(code.bytes.len(), |n| n.0 as usize);
            while let Some((_, l)) = labels.next_if(|l| l.0 <= *off) {
                let _ = writeln!(out, ".L{l}:");
            }
            while let Some((_, line)) = lines.next_if(|l| l.0 <= *off) {
                let (file, line) = f.source_line(*line);
                let _ = writeln!(out, "    ; {}:{}", file, line);
            }
            let bytes: Vec<String> = code.bytes[*off as usize..end].iter().map(|b| format!("{b:02x}")).collect();
            let _ = writeln!(out, "    {off:04x}  {:<30} {inst}", bytes.join(" "));
        }
        out.push('\n');
    }
    for d in &m.data {
        let kind = match d.kind {
            DataKind::ReadOnly => "RODATA",
            DataKind::Data => "DATA",
            DataKind::Bss => "BSS",
        };
        let _ = writeln!(out, "{kind} {}  size={} align={}", d.name, d.size, d.align);
        for r in &d.relocs {
            let _ = writeln!(out, "    +{}: &{}{:+}", r.offset, r.target, r.addend);
        }
    }
    Ok(out)
}
