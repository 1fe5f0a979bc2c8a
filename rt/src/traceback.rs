//! Tracebacks: from a frame pointer to gc's `goroutine 1 [running]:` frame list.
//!
//! In: the function table the linker provides (`g1c_functab`, sorted by entry; docs/RUNTIME-ABI.md), a
//! starting frame (the runtime's own frame for a panic, or the faulting RIP/RBP of a signal), and the bounds
//! of the stack recorded at program start. Out: for each Go frame from the innermost,
//! `name(args)\n\tfile:line +0xOFF\n` (runtime/traceback.go; no offset for a frame stopped at its entry),
//! frames outside the table (the runtime's, the trampoline's) skipped, except that a deferred call a panic
//! runs sits on gc's `panic({type, data})` frame (runtime.gopanic's, shown at lib/runtime's stand-in); at
//! most 100 frames, then gc's `...additional frames elided...`.
//!
//! Invariants: the walk only reads words inside the recorded stack bounds and only moves outward (RBP
//! strictly increasing), so a corrupt chain ends the traceback instead of faulting inside the panic path.
//! Arguments: the table carries only `args_size` (ABI0 argument and result bytes), not gc's per-argument
//! layout, so each 8-byte word of the area is printed in hex (gc prints words too, grouping aggregates in
//! `{…}`); like gc, at most 10 are printed, then `...`.

use crate::print::{hex, uint, Out};
use crate::Global;

/// One function of the Go program, decoded from its record in the linker's table (src/link/functab.rs
/// writes it; docs/RUNTIME-ABI.md is the contract).
pub struct FuncInfo {
    pub entry: u64,
    pub end: u64,
    /// ABI0 argument and result bytes.
    pub args_size: u64,
    name: &'static [u8],
    /// The file of the entry (and of all the code unless `multi_file`).
    file: &'static [u8],
    /// `npcline` (pc offset, line) pairs, each as two LEB128 varints: the offset's increase over the
    /// previous pair's (unsigned) and the line's change (zigzag-signed), both from (0, 0) at the first;
    /// with `multi_file`, a third: 0, or the offset of the file from there on.
    pcline: *const u8,
    npcline: u64,
    /// `//line` directives put some of the code in other files.
    multi_file: bool,
    /// Calls are inlined into the function: each pair carries its inline context, the tree follows them.
    inlined: bool,
    /// The table's start, which file offsets count from.
    table: *const u8,
}

/// One index entry of the table: the function's image offset and its record's offset from the table start.
#[repr(C)]
struct Entry {
    entry: u32,
    info: u32,
}

#[cfg(not(test))]
extern "C" {
    static g1c_functab: Entry;
    static g1c_functab_len: u64;
    static g1c_modbase: u8;
}

/// The linker's table: its index, the address of its start (record and file offsets count from there) and
/// the image base (entries count from there). Host tests install their own with `set_functab`.
#[cfg(not(test))]
fn functab() -> (&'static [Entry], *const u8, u64) {
    // SAFETY: the linker provides `g1c_functab_len` index entries at `g1c_functab`.
    unsafe {
        let n = g1c_functab_len as usize;
        let start = &g1c_functab as *const Entry;
        let base = &g1c_modbase as *const u8 as u64;
        if n == 0 {
            return (&[], start as *const u8, base);
        }
        (core::slice::from_raw_parts(start, n), start as *const u8, base)
    }
}

#[cfg(test)]
static TEST_FUNCTAB: Global<(&'static [u8], usize)> = Global::new((&[], 0));

#[cfg(test)]
fn functab() -> (&'static [Entry], *const u8, u64) {
    let (t, n) = unsafe { *TEST_FUNCTAB.get() };
    let index = unsafe { core::slice::from_raw_parts(t.as_ptr() as *const Entry, n) };
    (index, t.as_ptr(), 0)
}

/// Installs a table for host tests: `n` index entries at the start of `t` (4-aligned), image base 0.
#[cfg(test)]
pub fn set_functab(t: &'static [u8], n: usize) {
    unsafe { *TEST_FUNCTAB.get() = (t, n) }
}

/// The stack's highest address (just above `argc`), recorded by `start`; frames are searched below it.
pub static STACK_HI: Global<usize> = Global::new(0);

/// gc's _TracebackMaxFrames.
const MAX_FRAMES: usize = 100;
/// gc prints at most this many argument words.
const MAX_ARGS: usize = 10;

/// The function whose code contains `pc`.
pub fn find_func(pc: u64) -> Option<FuncInfo> {
    let (index, start, base) = functab();
    let off = pc.wrapping_sub(base);
    // The last function with entry <= pc.
    let i = index.partition_point(|e| e.entry as u64 <= off);
    if i == 0 {
        return None;
    }
    let e = &index[i - 1];
    let entry = base + e.entry as u64;
    // SAFETY: the linker writes a complete record at `info`, and file names at the offsets records give.
    unsafe {
        let mut p = start.add(e.info as usize);
        let size = uvarint(&mut p);
        if pc - entry >= size {
            return None;
        }
        let args_size = uvarint(&mut p);
        let name = counted(p, &mut p);
        let mut file_off = uvarint(&mut p);
        // A 0 is never a file offset (the index comes first): the record's flags follow (functab.rs).
        let flags = if file_off == 0 { uvarint(&mut p) } else { 0 };
        if file_off == 0 {
            file_off = uvarint(&mut p);
        }
        let (multi_file, inlined) = (flags & 1 != 0, flags & 2 != 0);
        let file = file_at(start, file_off);
        let npcline = uvarint(&mut p);
        Some(FuncInfo {
            entry,
            end: entry + size,
            args_size,
            name,
            file,
            pcline: p,
            npcline,
            multi_file,
            inlined,
            table: start,
        })
    }
}

/// The file name at offset `off` of the table starting at `start`.
///
/// # Safety
/// The linker wrote a counted string there.
unsafe fn file_at(start: *const u8, off: u64) -> &'static [u8] {
    let mut p = start.add(off as usize);
    counted(p, &mut p)
}

/// The string at `p`: a uvarint length, then the bytes; `*after` is set past it.
///
/// # Safety
/// `p` points at a complete counted string that lives as long as the program.
unsafe fn counted(mut p: *const u8, after: &mut *const u8) -> &'static [u8] {
    let n = uvarint(&mut p) as usize;
    *after = p.add(n);
    crate::print::go_str(p, n)
}

impl FuncInfo {
    pub fn name(&self) -> &'static [u8] {
        self.name
    }

    /// The line of the instruction at `pc` (see [`FuncInfo::file_line`]).
    pub fn line(&self, pc: u64) -> u32 {
        self.file_line(pc).1
    }

    /// The file and line of the instruction at `pc`: those of the last (offset, line) pair with offset <=
    /// pc - entry. The one reader of the `pcline` encoding (see [`FuncInfo::pcline`]).
    pub fn file_line(&self, pc: u64) -> (&'static [u8], u32) {
        let (file, line, _, _) = self.pc_info(pc);
        (file, line)
    }

    /// The file, line and inline context (0, or k for the tree's entry k - 1) of the instruction at `pc`,
    /// and the end of the pairs (where the inline tree starts): the one reader of the `pcline` encoding
    /// (see [`FuncInfo::pcline`]).
    fn pc_info(&self, pc: u64) -> (&'static [u8], u32, u64, *const u8) {
        let off = pc.wrapping_sub(self.entry);
        let mut p = self.pcline;
        let (mut at, mut line, mut found, mut ctx, mut found_ctx) = (0u64, 0i64, 0u32, 0u64, 0u64);
        let (mut file, mut found_file) = (self.file, self.file);
        let mut done = false;
        for _ in 0..self.npcline {
            // SAFETY: the linker's table holds `npcline` encoded pairs at `pcline`.
            let (dpc, dline) = unsafe { (uvarint(&mut p), uvarint(&mut p)) };
            if self.multi_file {
                // SAFETY: as above; a nonzero third value is a file's offset.
                let f = unsafe { uvarint(&mut p) };
                if f != 0 {
                    file = unsafe { file_at(self.table, f) };
                }
            }
            if self.inlined {
                // SAFETY: as above.
                ctx = unsafe { uvarint(&mut p) };
            }
            at = at.wrapping_add(dpc);
            line = line.wrapping_add(((dline >> 1) as i64) ^ -((dline & 1) as i64));
            done |= at > off;
            if !done {
                (found, found_file, found_ctx) = (line as u32, file, ctx);
            } else if !self.inlined {
                break;
            }
        }
        (found_file, found, found_ctx, p)
    }

    /// The inlined call whose code is at `pc`, if any: the callee's name and the pc of its inline mark,
    /// whose line is the call's and whose inline context is the caller's (gc's `inlinedCall`).
    pub fn inlined_at(&self, pc: u64) -> Option<(&'static [u8], u64)> {
        if !self.inlined {
            return None;
        }
        let (_, _, k, mut p) = self.pc_info(pc);
        if k == 0 {
            return None;
        }
        // SAFETY: the tree follows the pairs: its length, then per call a name offset and a mark offset.
        unsafe {
            let n = uvarint(&mut p);
            if k > n {
                return None;
            }
            for _ in 1..k {
                uvarint(&mut p);
                uvarint(&mut p);
            }
            let name = file_at(self.table, uvarint(&mut p));
            Some((name, self.entry + uvarint(&mut p)))
        }
    }

    /// The name of the function whose code is at `pc`: the innermost inlined call's callee, or this
    /// function's (gc's `FuncForPC`).
    pub fn name_at(&self, pc: u64) -> &'static [u8] {
        self.inlined_at(pc).map_or(self.name, |c| c.0)
    }

    /// gc's frame expansion through the inline tree: for the code at `pc`, calls `each(name, pc)` for each
    /// inlined call it lies in, innermost first, `pc` being where that frame's line is found (the code
    /// itself, then each call's inline mark), and returns the pc of the function's own frame (`pc` itself
    /// without inlining), or `None` when `each` returned false.
    pub fn inlined_frames(&self, mut pc: u64, each: &mut dyn FnMut(&'static [u8], u64) -> bool) -> Option<u64> {
        // The tree's marks lie before the code they head, so each step moves to a lower pc: a bad table
        // still ends the walk.
        let mut steps = 0;
        while let Some((name, mark)) = self.inlined_at(pc) {
            if !each(name, pc) {
                return None;
            }
            steps += 1;
            if mark >= pc || steps > 1000 {
                break;
            }
            pc = mark;
        }
        Some(pc)
    }
}

/// Reads one unsigned LEB128 varint at `*p` and moves `*p` past it.
///
/// # Safety
/// `*p` points at a complete varint.
unsafe fn uvarint(p: &mut *const u8) -> u64 {
    let (mut v, mut shift) = (0u64, 0u32);
    loop {
        let b = **p;
        *p = p.add(1);
        v |= ((b & 0x7f) as u64) << (shift & 63);
        if b & 0x80 == 0 {
            return v;
        }
        shift += 7;
    }
}

/// A wrapper, which gc's tracebacks and `runtime.Callers` leave out unless it is where the trace starts
/// (gc's funcID_wrapper): a method value's (`T.M-fm`) or a method wrapper (a promoted method's, a value
/// method's through a pointer), whose code is at the file `<autogenerated>`.
pub fn is_wrapper(f: &FuncInfo) -> bool {
    f.name().ends_with(b"-fm") || f.file == b"<autogenerated>"
}

/// A function's name as gc's tracebacks print it: the type arguments of an instantiated generic function or
/// method are elided (`main.Map[...]`, `main.(*List[...]).Push`), as gc's `funcNameForPrint` does.
fn put_func_name(o: &mut impl Out, name: &[u8]) {
    let mut depth = 0usize;
    for &b in name {
        match b {
            b'[' => {
                if depth == 0 {
                    o.put(b"[...]");
                }
                depth += 1;
            }
            b']' if depth > 0 => depth -= 1,
            _ if depth == 0 => o.put(&[b]),
            _ => {}
        }
    }
}

/// Prints the inlined frames of the code at `line_pc` in `f`, as gc does (`name(...)` and `\tfile:line`,
/// no offset), and returns the pc whose line the function's own frame shows and how many were printed.
fn print_inlined(o: &mut impl Out, f: &FuncInfo, line_pc: u64) -> (u64, usize) {
    let mut n = 0;
    let pc = f.inlined_frames(line_pc, &mut |name, pc| {
        put_func_name(o, name);
        o.put(b"(...)\n\t");
        let (file, line) = f.file_line(pc);
        o.put(file);
        o.put(b":");
        uint(o, line as u64);
        o.put(b"\n");
        n += 1;
        true
    });
    (pc.unwrap_or(line_pc), n)
}

/// Prints the frames of the code at `line_pc` in `f`: its inlined ones, then its own ([`print_frame`]);
/// returns how many.
fn print_frames(o: &mut impl Out, f: &FuncInfo, line_pc: u64, pc: u64, args: &[u64], more: bool) -> usize {
    let (line_pc, n) = print_inlined(o, f, line_pc);
    print_frame(o, f, line_pc, pc, args, more);
    n + 1
}

/// Prints one frame: `name(args)` and `\tfile:line +0xOFF`. `line_pc` is the pc whose line is shown (a call
/// instruction for an outer frame, the faulting instruction for a signal), `pc` the one whose offset is.
pub fn print_frame(o: &mut impl Out, f: &FuncInfo, line_pc: u64, pc: u64, args: &[u64], more: bool) {
    put_func_name(o, f.name());
    o.put(b"(");
    for (i, w) in args.iter().enumerate() {
        if i > 0 {
            o.put(b", ");
        }
        hex(o, *w);
    }
    if more {
        o.put(b", ...");
    }
    o.put(b")\n\t");
    let (file, line) = f.file_line(line_pc);
    o.put(file);
    o.put(b":");
    uint(o, line as u64);
    // gc omits the offset of a frame stopped at its entry (a fault on the first instruction).
    if pc > f.entry {
        o.put(b" +");
        hex(o, pc - f.entry);
    }
    o.put(b"\n");
}

/// Reads the argument words of frame `f`, whose frame pointer is `fp` (arguments start at fp+16, above the
/// saved RBP and the return address), as far as they lie inside the stack.
fn frame_args(f: &FuncInfo, fp: usize, lo: usize, hi: usize, buf: &mut [u64; MAX_ARGS]) -> (usize, bool) {
    let nwords = (f.args_size / 8) as usize;
    let mut n = 0;
    while n < nwords && n < MAX_ARGS {
        let a = fp + 16 + 8 * n;
        if a < lo || a + 8 > hi {
            break;
        }
        // SAFETY: `a` lies inside the stack bounds.
        buf[n] = unsafe { *(a as *const u64) };
        n += 1;
    }
    (n, nwords > MAX_ARGS)
}

/// Prints the Go frames of the chain starting at frame pointer `fp`. `first` is the faulting (pc, sp) of a
/// signal: that frame is printed first, its line taken at pc itself (it did not call anything). A fault on
/// a function's first instruction (`push rbp`) comes before its frame exists: its return address is then
/// at sp and RBP is still its caller's frame, so the caller is printed from there.
/// `lo` is an address below every frame of interest (the current stack pointer or the fault's RSP).
pub fn traceback(o: &mut impl Out, first: Option<(u64, usize)>, fp: usize, lo: usize) {
    // SAFETY: written once at start.
    let hi = unsafe { *STACK_HI.get() };
    let hi = if hi == 0 { usize::MAX } else { hi };
    walk(o, first, fp, &|a| a >= lo && a + 16 <= hi, &|_, ra| ra, 0, core::ptr::null());
}

/// The frames of goroutine `g` from frame pointer `fp` (its own segments bound the walk): frames that ran
/// on a new segment return through `g1c_lessstack`, whose place the real return address takes; the frame
/// whose return address is the goroutine's recorded fault pc is shown at that pc.
pub fn traceback_g(o: &mut impl Out, g: *const crate::sched::G, first: Option<(u64, usize)>, fp: usize) {
    use crate::stack;
    let lessstack = stack::g1c_lessstack as *const () as u64;
    // SAFETY: `g` is live; its segments are mapped.
    let valid = |a: usize| unsafe { !stack::seg_of(g, a).is_null() && !stack::seg_of(g, a + 15).is_null() };
    let real_ra = |fp: usize, ra: u64| -> u64 {
        if ra != lessstack {
            return ra;
        }
        // SAFETY: as above; a segment entered by morestack records the old stack pointer.
        unsafe {
            let s = stack::seg_of(g, fp);
            if s.is_null() || (*s).old_sp == 0 {
                return 0;
            }
            *(((*s).old_sp + 8) as *const u64)
        }
    };
    // SAFETY: as above.
    let (sigpc, panics) = unsafe { ((*g).sig.pc, (*g).panic) };
    walk(o, first, fp, &valid, &real_ra, sigpc, panics);
}

/// The frames of goroutine `g` stopped at return address `ra` in the Go function whose frame pointer is
/// `fp` (a goroutine in a system call, `sched::Frames::Syscall`): that function at the line of its call, as
/// gc shows `syscallpc`, then the chain above `fp`.
pub fn traceback_g_at(o: &mut impl Out, g: *const crate::sched::G, ra: u64, fp: usize) {
    if let Some(f) = find_func(ra.wrapping_sub(1)) {
        let mut args = [0u64; MAX_ARGS];
        let (n, more) = frame_args(&f, fp, fp, usize::MAX, &mut args);
        print_frames(o, &f, ra - 1, ra, &args[..n], more);
    }
    traceback_g(o, g, None, fp);
}

/// gc's frame for `runtime.gopanic` where a panic runs a deferred call, named `panic` and shown with the
/// panic's value as an interface (`panic({0x4a5b60, 0xc000012345})`), at the line of lib/runtime's
/// `gopanic` that stands for it (nothing when the program has no package runtime). `p` is the panic the
/// frame belongs to: the walk meets them innermost first, as the goroutine's chain lists them.
fn print_panic_frame(o: &mut impl Out, p: *const crate::defer::Panic) {
    let entry = crate::defer::gopanic_entry();
    let Some(f) = find_func(entry) else { return };
    // SAFETY: `p` is null or a live record of the goroutine's chain.
    let (t, d) = if p.is_null() { (0, 0) } else { unsafe { crate::defer::panic_words(p) } };
    o.put(b"panic({");
    hex(o, t);
    o.put(b", ");
    hex(o, d);
    o.put(b"})\n\t");
    let (file, line) = f.file_line(entry);
    o.put(file);
    o.put(b":");
    uint(o, line as u64);
    o.put(b" +0x1\n");
}

/// gc's `created by main.main` / `\tfile:line +0xOFF` for a goroutine started by a `go` statement.
pub fn created_by(o: &mut impl Out, g: *const crate::sched::G) {
    // SAFETY: `g` is live.
    let pc = unsafe { (*g).gopc };
    if pc == 0 {
        return;
    }
    if let Some(f) = find_func(pc - 1) {
        o.put(b"created by ");
        put_func_name(o, f.name());
        o.put(b"\n\t");
        let (file, line) = f.file_line(pc - 1);
        o.put(file);
        o.put(b":");
        uint(o, line as u64);
        o.put(b" +");
        hex(o, pc - f.entry);
        o.put(b"\n");
    }
}

/// The walk behind both tracebacks. `valid(a)` tells whether a frame record at `a` may be read;
/// `real_ra(fp, ra)` maps a return address through segment switches; `sigpc` is a fault pc shown as such.
/// Frame pointers increase along the chain except where a frame returns to another segment.
fn walk(
    o: &mut impl Out,
    first: Option<(u64, usize)>,
    mut fp: usize,
    valid: &dyn Fn(usize) -> bool,
    real_ra: &dyn Fn(usize, u64) -> u64,
    sigpc: u64,
    mut panics: *const crate::defer::Panic,
) {
    let mut frames = 0;
    let mut args = [0u64; MAX_ARGS];
    let lo = fp.min(first.map_or(usize::MAX, |f| f.1));
    let in_stack = |a: usize| a >= lo && valid(a);
    let hi = usize::MAX;
    if let Some((pc, sp)) = first {
        if let Some(f) = find_func(pc) {
            let at_entry = pc == f.entry && valid(sp);
            // At entry the arguments start above the return address, i.e. where fp+16 would put them.
            let (n, more) = frame_args(&f, if at_entry { sp - 8 } else { fp }, lo, hi, &mut args);
            frames += print_frames(o, &f, pc, pc, &args[..n], more);
            if at_entry {
                // SAFETY: sp lies inside the stack bounds.
                let ra = unsafe { *(sp as *const u64) };
                if let Some(c) = find_func(ra.wrapping_sub(1)) {
                    let (n, more) = frame_args(&c, fp, lo, hi, &mut args);
                    frames += print_frames(o, &c, ra - 1, ra, &args[..n], more);
                }
            }
        }
    }
    let mut steps = 0;
    while fp != 0 && fp.is_multiple_of(8) && valid(fp) && steps < 100_000 {
        steps += 1;
        // SAFETY: [fp, fp+16) lies inside the stack bounds.
        let (next, raw) = unsafe { (*(fp as *const usize), *((fp + 8) as *const u64)) };
        let ra = real_ra(fp, raw);
        let line_pc = if ra == sigpc && sigpc != 0 { ra } else { ra.wrapping_sub(1) };
        if frames > 0 && crate::defer::is_panic_call(ra) {
            if frames == MAX_FRAMES {
                o.put(b"...additional frames elided...\n");
                return;
            }
            // The panic running this deferred call: the newest one that is running one (a panic that ran
            // out of deferred calls is printing this traceback, or was aborted by a newer one's).
            // SAFETY: records of the goroutine's chain.
            unsafe {
                while !panics.is_null() && (*panics).argp == 0 {
                    panics = (*panics).link;
                }
            }
            print_panic_frame(o, panics);
            frames += 1;
            if !panics.is_null() {
                // SAFETY: as above.
                panics = unsafe { (*panics).link };
            }
        }
        let elided = |f: &FuncInfo| frames > 0 && is_wrapper(f);
        if let Some(f) = find_func(line_pc).filter(|f| elided(f)) {
            // gc elides the wrapper's own frame but shows the calls inlined into it.
            frames += print_inlined(o, &f, line_pc).1;
        } else if let Some(f) = find_func(line_pc) {
            if frames >= MAX_FRAMES {
                o.put(b"...additional frames elided...\n");
                return;
            }
            let at_entry = ra == sigpc && ra == f.entry;
            // A fault on a function's first instruction (before `push rbp`): its arguments sit above the
            // return address that is at the faulting RSP, two words above this (g1c_sigpanic's) frame.
            let own = if at_entry { fp + 8 } else { next };
            let (n, more) = if in_stack(own) { frame_args(&f, own, own, hi, &mut args) } else { (0, false) };
            frames += print_frames(o, &f, line_pc, ra, &args[..n], more);
            if at_entry && valid(fp + 16) {
                // SAFETY: inside the stack.
                let ra2 = unsafe { *((fp + 16) as *const u64) };
                if let Some(c) = find_func(ra2.wrapping_sub(1)) {
                    let (n, more) = if in_stack(next) { frame_args(&c, next, next, hi, &mut args) } else { (0, false) };
                    frames += print_frames(o, &c, ra2 - 1, ra2, &args[..n], more);
                }
            }
        }
        if next <= fp && ra == raw {
            break;
        }
        fp = next;
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::print::tests::fmt;

    /// (0, 10), (5, 11), (0x20, 12): offset increases 0, 5, 0x1b; line changes +10, +1, +1 (zigzag 20, 2, 2).
    static LINES: [u8; 6] = [0, 20, 5, 2, 0x1b, 2];

    fn uvarint(out: &mut Vec<u8>, mut v: u64) {
        while v >= 0x80 {
            out.push(v as u8 | 0x80);
            v >>= 7;
        }
        out.push(v as u8);
    }

    /// A table in the linker's format (src/link/functab.rs) of functions of 0x40 bytes in `./a.go` with
    /// the lines of `LINES`, installed for `find_func`; image base 0.
    fn install(funcs: &[(&str, u64, u64)]) {
        let files_at = 8 * funcs.len() as u64;
        let mut index = Vec::new();
        let mut rest = Vec::new();
        uvarint(&mut rest, 6);
        rest.extend_from_slice(b"./a.go");
        for &(name, entry, args_size) in funcs {
            index.extend_from_slice(&(entry as u32).to_le_bytes());
            index.extend_from_slice(&((files_at + rest.len() as u64) as u32).to_le_bytes());
            uvarint(&mut rest, 0x40);
            uvarint(&mut rest, args_size);
            uvarint(&mut rest, name.len() as u64);
            rest.extend_from_slice(name.as_bytes());
            uvarint(&mut rest, files_at);
            uvarint(&mut rest, 3);
            rest.extend_from_slice(&LINES);
        }
        index.extend_from_slice(&rest);
        // Index entries are read as u32s: keep the bytes 4-aligned.
        let words: &'static mut [u32] = Box::leak(vec![0u32; index.len().div_ceil(4)].into_boxed_slice());
        let bytes = unsafe { core::slice::from_raw_parts_mut(words.as_mut_ptr() as *mut u8, index.len()) };
        bytes.copy_from_slice(&index);
        set_functab(bytes, funcs.len());
    }

    #[test]
    fn frames_lines_and_args() {
        let _l = crate::test_lock();
        install(&[("main.f", 0x1000, 16), ("main.main", 0x2000, 0)]);
        let f = find_func(0x1000).unwrap();
        let m = find_func(0x203f).unwrap();
        assert!(find_func(0x1040).is_none() && find_func(0xfff).is_none() && find_func(0x2040).is_none());
        set_functab(&[], 0);
        assert_eq!(
            (f.name(), f.file_line(0x1000).0, f.entry, f.end, f.args_size),
            (&b"main.f"[..], &b"./a.go"[..], 0x1000, 0x1040, 16)
        );
        assert_eq!(f.line(0x1000), 10);
        assert_eq!(f.line(0x1004), 10);
        assert_eq!(f.line(0x1005), 11);
        assert_eq!(f.line(0x1020), 12);
        assert_eq!(fmt(|o| print_frame(o, &f, 0x1006, 0x1007, &[1, 2], false)), "main.f(0x1, 0x2)\n\t./a.go:11 +0x7\n");
        assert_eq!(fmt(|o| print_frame(o, &m, 0x2029, 0x2029, &[], false)), "main.main()\n\t./a.go:12 +0x29\n");
        assert_eq!(
            fmt(|o| print_frame(o, &f, 0x1000, 0x1000, &[0; 10], true)),
            "main.f(0x0, 0x0, 0x0, 0x0, 0x0, 0x0, 0x0, 0x0, 0x0, 0x0, ...)\n\t./a.go:10\n"
        );
    }

    #[test]
    fn lines_in_several_files() {
        let _l = crate::test_lock();
        // One function at 0x1000 in ./a.go whose code from 5 on is in gen.go, and from 0x20 on in ./a.go
        // again (0 and the flags before the file offset, then a file offset or 0 after each pair).
        let mut t = vec![0u8; 8];
        let a_at = t.len() as u64;
        uvarint(&mut t, 6);
        t.extend_from_slice(b"./a.go");
        let gen_at = t.len() as u64;
        uvarint(&mut t, 6);
        t.extend_from_slice(b"gen.go");
        let rec = t.len() as u32;
        t[0..4].copy_from_slice(&0x1000u32.to_le_bytes());
        t[4..8].copy_from_slice(&rec.to_le_bytes());
        for v in [0x40, 0, 1] {
            uvarint(&mut t, v);
        }
        t.push(b'f');
        for v in [0, 1, a_at, 3, 0, 20, 0, 5, 78, gen_at, 0x1b, 75, a_at] {
            uvarint(&mut t, v);
        }
        let words: &'static mut [u32] = Box::leak(vec![0u32; t.len().div_ceil(4)].into_boxed_slice());
        let bytes = unsafe { core::slice::from_raw_parts_mut(words.as_mut_ptr() as *mut u8, t.len()) };
        bytes.copy_from_slice(&t);
        set_functab(bytes, 1);
        let f = find_func(0x1004).unwrap();
        let got = [f.file_line(0x1004), f.file_line(0x1005), f.file_line(0x101f), f.file_line(0x1030)];
        set_functab(&[], 0);
        assert_eq!(got, [(&b"./a.go"[..], 10), (&b"gen.go"[..], 49), (&b"gen.go"[..], 49), (&b"./a.go"[..], 11)]);
    }

    #[test]
    fn inlined_frames_expand() {
        let _l = crate::test_lock();
        // main.main at 0x1000, ./a.go: its own code at line 10; at 4 the mark of call 1 (main.g, called at
        // line 11); at 5 the mark of call 2 (main.h, called by main.g at line 20) and main.g's code; from 8
        // main.h's code at line 30; from 0x10 main.main's own code at line 12.
        let mut t = vec![0u8; 8];
        let a_at = t.len() as u64;
        uvarint(&mut t, 6);
        t.extend_from_slice(b"./a.go");
        let names: Vec<u64> = [&b"main.g"[..], b"main.h"]
            .iter()
            .map(|n| {
                let at = t.len() as u64;
                uvarint(&mut t, n.len() as u64);
                t.extend_from_slice(n);
                at
            })
            .collect();
        let rec = t.len() as u32;
        t[0..4].copy_from_slice(&0x1000u32.to_le_bytes());
        t[4..8].copy_from_slice(&rec.to_le_bytes());
        for v in [0x40, 0, 1] {
            uvarint(&mut t, v);
        }
        t.push(b'f');
        // (pc, line, context): (0, 10, 0), (4, 11, 0), (5, 20, 1), (8, 30, 2), (0x10, 12, 0).
        for v in [0, 2, a_at, 5, 0, 20, 0, 4, 2, 0, 1, 18, 1, 3, 20, 2, 8, 35, 0, 2] {
            uvarint(&mut t, v);
        }
        for v in [names[0], 4, names[1], 5] {
            uvarint(&mut t, v);
        }
        let words: &'static mut [u32] = Box::leak(vec![0u32; t.len().div_ceil(4)].into_boxed_slice());
        let bytes = unsafe { core::slice::from_raw_parts_mut(words.as_mut_ptr() as *mut u8, t.len()) };
        bytes.copy_from_slice(&t);
        set_functab(bytes, 1);
        let f = find_func(0x1009).unwrap();
        let names = (f.name_at(0x1009), f.name_at(0x1006), f.name_at(0x1004), f.name_at(0x1010));
        let printed = fmt(|o| {
            print_frames(o, &f, 0x1009, 0x100a, &[], false);
        });
        let mut pcs = [0u64; 2];
        let mut n = 0;
        let own = f.inlined_frames(0x1009, &mut |_, pc| {
            pcs[n] = pc;
            n += 1;
            true
        });
        set_functab(&[], 0);
        assert_eq!(names, (&b"main.h"[..], &b"main.g"[..], &b"f"[..], &b"f"[..]));
        assert_eq!(printed, "main.h(...)\n\t./a.go:30\nmain.g(...)\n\t./a.go:20\nf()\n\t./a.go:11 +0xa\n");
        assert_eq!((pcs, own), ([0x1009, 0x1005], Some(0x1004)));
    }

    #[test]
    fn walks_a_synthetic_stack() {
        let _l = crate::test_lock();
        install(&[("main.main", 0x2000, 0), ("main.f", 0x3000, 16)]);
        // A fake stack, innermost frame first: rt frame → main.f (args 7, 8) → main.main → end.
        let mut st = vec![0u64; 16];
        let base = st.as_mut_ptr() as usize;
        let w = |i: usize| base + 8 * i;
        st[0] = w(4) as u64; // rt frame: saved rbp = main.f's frame
        st[1] = 0x3011; // returns into main.f
        st[4] = w(8) as u64; // main.f's frame: saved rbp = main.main's frame
        st[5] = 0x2025; // returns into main.main
        st[6] = 7; // main.f's arguments
        st[7] = 8;
        st[8] = w(12) as u64; // main.main's frame
        st[9] = 0x9999; // returns into something outside the table
        st[12] = 0; // end of chain
        unsafe { *STACK_HI.get() = w(16) };
        let got = fmt(|o| traceback(o, None, w(0), base));
        unsafe { *STACK_HI.get() = 0 };
        set_functab(&[], 0);
        assert_eq!(got, "main.f(0x7, 0x8)\n\t./a.go:11 +0x11\nmain.main()\n\t./a.go:12 +0x25\n");
    }
}
