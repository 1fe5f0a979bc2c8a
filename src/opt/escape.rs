//! Escape analysis: which heap allocations of the lowering can live in their function's frame instead.
//!
//! In: a whole lowered module (every package of the program, `ir::lower::lower_program`), with each
//! function's [`EscapeNotes`]: the allocations the lowering made (`g1c_newobject`, `g1c_newarray`,
//! `g1c_alloc`, `g1c_makeslice_typed`) that it allows on the stack, and its parameters. Out: each listed
//! allocation whose address cannot outlive the frame becomes a zeroed stack slot (`slot` + `memzero` in place
//! of the runtime call); every note records what was decided (`escapes`), which `-gcflags=-m` reports as gc
//! does (`moved to heap: x`, `new(T) does not escape`, `leaking param: p`).
//!
//! The analysis (in the spirit of gc's `cmd/compile/internal/escape`, on g1c's IR instead of gc's syntax
//! tree) is a flow-insensitive points-to analysis per function, solved to a fixpoint:
//! - abstract *locations* are the heap (everything unknown: globals, memory reached through a loaded
//!   pointer, anything a callee or the runtime may keep), each word of the incoming argument area (the
//!   callers' objects the parameters point to), the frame's slots and the function's allocations;
//! - each vreg gets the set of locations it may point into (a pointer keeps its set through copies,
//!   conversions and arithmetic, so `uintptr` and `unsafe.Pointer` tricks are followed, not lost);
//! - each slot and allocation gets the set of locations its memory may hold pointers to (one set per
//!   object: fields are not told apart);
//! - a location *escapes* when a pointer to it is stored where the analysis cannot follow (the heap, a
//!   global, a parameter's object, a result), is given to a callee whose parameter leaks, to a call through a
//!   func value or interface (unknown code), or to a runtime function not known to forget its arguments;
//!   what an escaping location holds escapes with it.
//!
//! The outgoing argument area is followed call by call: the lowering stores a call's arguments just before
//! its `call go` in the same block, and the callee's summary (below) says which argument words leak.
//!
//! Summaries: functions are analysed callees first (a depth-first post-order of the direct-call graph), and
//! each leaves the set of its parameter words that may escape. A callee not yet summarised (recursion), not
//! in the module (assembly, the runtime) or too large to analyse leaks every argument. The module holds the
//! whole program, so summaries reach importers in other packages, and the order (module order, then
//! post-order) makes the result deterministic.
//!
//! Invariants (soundness): an allocation moves to the stack only if (1) its location does not escape,
//! (2) its size is known and within gc's limits ([`MAX_VAR_SIZE`] for variables, [`MAX_IMPLICIT_SIZE`]
//! otherwise), (3) the function has no hidden control flow (`Func::returns_twice`), and (4) when it can run
//! again in the same frame (its block is on a cycle), no pointer from the previous run can still be used:
//! no vreg that may hold one is live there, and the only memory that may hold one is temporaries that every
//! block writes before it reads them (a slice header built for a call), untouched in the allocation's block
//! before it.
//!
//! Where it follows gc's rules rather than the machine: a pointer converted to an integer is followed
//! through arithmetic but not once copied into a variable or loaded from memory as an integer (gc's
//! `unsafe.Pointer` rules; `noescape`'s `x := uintptr(p)` hides `p`, as it does from gc), and parameter
//! words that hold no pointers (lengths, integers) carry none.

use std::collections::{BTreeMap, HashMap};

use crate::ir::live;
use crate::ir::{Callee, DataKind, Func, Module, Op, SiteKind, VReg};

/// gc's `ir.MaxStackVarSize`: the largest variable (explicitly declared) kept on the stack.
pub const MAX_VAR_SIZE: u64 = 10 << 20;
/// gc's `ir.MaxImplicitStackVarSize`: the largest `new(T)`, `&T{}`, `make([]T, n)`, or other implicit
/// allocation kept on the stack.
pub const MAX_IMPLICIT_SIZE: u64 = 64 << 10;

/// Functions with more vregs × locations than this are not analysed (their allocations stay on the heap and
/// every parameter leaks): the sets would be too large to be worth it.
const MAX_WORK: usize = 1 << 24;

/// The runtime functions that allocate: the lowering's [`crate::ir::AllocSite`]s are their results.
/// `g1c_tmpbuf` is a conversion's temporary buffer (gc's `tmpBuf`), which becomes a slot when it does not
/// escape and null (no buffer: the conversion allocates) when it does.
const ALLOCATORS: &[&str] = &["g1c_newobject", "g1c_newarray", "g1c_alloc", "g1c_makeslice_typed", TMP_BUF];

const TMP_BUF: &str = "g1c_tmpbuf";

/// Runtime functions whose first argument is a temporary buffer (`g1c_tmpbuf`) that their string result
/// (`(ptr, len)`) may point into.
const RT_RESULT_IN_BUF: &[&str] =
    &["g1c_concatstrings", "g1c_slicebytetostring", "g1c_slicerunetostring", "g1c_intstring"];

/// Runtime functions whose first argument is a temporary buffer that the slice they store through their
/// second argument may point into.
const RT_SLICE_IN_BUF: &[&str] = &["g1c_stringtoslicebyte", "g1c_stringtoslicerune"];

/// Runtime functions that read through their pointer arguments but keep none of them and copy no
/// pointers out of the memory they read (rt/src: comparisons, hashing, printing, string conversions that copy
/// bytes, map lookups by key).
const RT_READ_ONLY: &[&str] = &[
    // Stores only zeros: no pointer reaches the memory it writes.
    "g1c_memclr",
    "g1c_memequal",
    "g1c_cmpstring",
    "g1c_slicebytetostring",
    "g1c_stringtoslicebyte",
    "g1c_stringtoslicerune",
    "g1c_slicerunetostring",
    "g1c_decoderune",
    "g1c_intstring",
    "g1c_typehash",
    "g1c_typeequal",
    "g1c_efaceeq",
    "g1c_ifaceeq",
    "g1c_mapaccess",
    "g1c_mapdelete",
    "g1c_chanrecv",
    "g1c_chanlen",
    "g1c_chancap",
    "g1c_printlock",
    "g1c_printunlock",
    "g1c_printstring",
    "g1c_printslice",
    "g1c_printpointer",
    "g1c_printiface",
    "g1c_printint",
    "g1c_printuint",
    "g1c_printfloat",
    "g1c_printcomplex",
    "g1c_printbool",
    "g1c_printsp",
    "g1c_printnl",
    "g1c_panic_bounds",
    "g1c_panic_shift",
    "g1c_panic_divide",
    "g1c_panic_unsafeslice_len",
    "g1c_panic_unsafeslice_nil",
];

/// Runtime functions that keep none of their pointer arguments but copy the memory behind them to the
/// heap (a map key, a channel element, `append`'s old elements): what that memory holds escapes.
const RT_COPY_OUT: &[&str] = &["g1c_mapassign", "g1c_chansend", "g1c_growslice_typed"];

/// An abstract location (see the module comment), numbered per function: `HEAP`, `ARGS`, `OUT`, then per
/// incoming-area word the object a pointer passed there points to (`Param(w)`), then per word everything
/// reachable from that object (`Content(w)`: what loads through the parameter give), then one per slot,
/// one per allocating call.
type Loc = u32;
const HEAP: Loc = 0;
const ARGS: Loc = 1;
const OUT: Loc = 2;
const FIRST_PARAM: Loc = 3;

/// A small sorted set of locations.
#[derive(Clone, Default, PartialEq)]
struct Set(Vec<Loc>);

impl Set {
    fn one(l: Loc) -> Set {
        Set(vec![l])
    }
    fn contains(&self, l: Loc) -> bool {
        self.0.binary_search(&l).is_ok()
    }
    fn insert(&mut self, l: Loc) -> bool {
        match self.0.binary_search(&l) {
            Ok(_) => false,
            Err(i) => {
                self.0.insert(i, l);
                true
            }
        }
    }
    fn union(&mut self, o: &Set) -> bool {
        let mut changed = false;
        for &l in &o.0 {
            changed |= self.insert(l);
        }
        changed
    }
    fn is_empty(&self) -> bool {
        self.0.is_empty()
    }
}

/// What is known of a vreg's offset from the start of the argument area it points into (`ARGS`, `OUT`).
#[derive(Clone, Copy, PartialEq)]
enum Off {
    Unset,
    Known(i64),
    Any,
}

impl Off {
    fn join(&mut self, o: Off) -> bool {
        let new = match (*self, o) {
            (a, Off::Unset) => a,
            (Off::Unset, b) => b,
            (Off::Known(a), Off::Known(b)) if a == b => Off::Known(a),
            _ => Off::Any,
        };
        let changed = new != *self;
        *self = new;
        changed
    }
    fn shifted(self, d: i64) -> Off {
        match self {
            Off::Known(k) => Off::Known(k + d),
            o => o,
        }
    }
}

/// The leak summary of an analysed function: per word of its incoming area, whether the pointer passed there
/// may escape (`leaks`), and whether pointers read from the memory it points to may (`content_leaks`).
struct Summary {
    leaks: Vec<bool>,
    content_leaks: Vec<bool>,
    /// Per word, whether the function may return the pointer passed there (gc's level 0) without it
    /// escaping otherwise, and whether it may return a pointer read through it (level 1).
    to_result: Vec<bool>,
    content_to_result: Vec<bool>,
}

/// Runs the analysis over the whole module and moves what does not escape to the stack.
pub fn run(m: &mut Module) {
    let index: HashMap<String, usize> = m.funcs.iter().enumerate().map(|(i, f)| (f.name.clone(), i)).collect();
    let order = callees_first(&m.funcs, &index);
    let sizes = type_sizes(m);
    let mut summaries: HashMap<String, Summary> = HashMap::new();
    for i in order {
        let f = &mut m.funcs[i];
        if let Some(s) = analyse(f, &summaries, &sizes) {
            summaries.insert(f.name.clone(), s);
        }
        no_tmp_bufs(f);
    }
}

/// The temporary buffers (`g1c_tmpbuf`) that stayed calls escape or were not analysed: none is given
/// (null), and the conversion allocates its result.
fn no_tmp_bufs(f: &mut Func) {
    for inst in f.blocks.iter_mut().flat_map(|b| &mut b.insts) {
        if let Op::CallRt { sym, rets, .. } = &inst.op {
            if sym == TMP_BUF {
                if let Some(&dst) = rets.first() {
                    inst.op = Op::Const { dst, value: 0 };
                }
            }
        }
    }
}

/// What `-gcflags=-m` reports, in gc's words, at each position: the decision about every allocation the
/// lowering listed (but boxed interface values, which gc reports differently) and about every parameter
/// that holds pointers.
pub fn facts(m: &Module) -> Vec<(crate::syntax::pos::Pos, String)> {
    let mut out = Vec::new();
    for f in &m.funcs {
        for p in &f.escape.params {
            if p.escapes {
                out.push((p.pos, format!("leaking param: {}", p.name)));
                continue;
            }
            if p.content_escapes {
                out.push((p.pos, format!("leaking param content: {}", p.name)));
            }
            if let Some((r, level)) = &p.to_result {
                out.push((p.pos, format!("leaking param: {} to result {r} level={level}", p.name)));
            }
            if !p.content_escapes && p.to_result.is_none() {
                out.push((p.pos, format!("{} does not escape", p.name)));
            }
        }
        for s in &f.escape.sites {
            let msg = match (&s.what, s.escapes) {
                (SiteKind::Var(n), true) => format!("moved to heap: {n}"),
                (SiteKind::Expr(e), true) => format!("{e} escapes to heap"),
                (SiteKind::Expr(e), false) => format!("{e} does not escape"),
                (SiteKind::Var(_), false) | (SiteKind::Quiet, _) => continue,
            };
            out.push((s.pos, msg));
        }
    }
    out
}

/// The functions' indices, each after the functions it calls directly (except along a cycle), starting
/// from each function in module order.
fn callees_first(funcs: &[Func], index: &HashMap<String, usize>) -> Vec<usize> {
    let callees: Vec<Vec<usize>> = funcs
        .iter()
        .map(|f| {
            let mut out = Vec::new();
            for b in &f.blocks {
                for inst in &b.insts {
                    if let Op::CallGo { callee: Callee::Direct(sym), .. } = &inst.op {
                        if let Some(&j) = index.get(sym) {
                            out.push(j);
                        }
                    }
                }
            }
            out
        })
        .collect();
    let mut state = vec![0u8; funcs.len()]; // 0 new, 1 on the stack, 2 done
    let mut order = Vec::with_capacity(funcs.len());
    for root in 0..funcs.len() {
        if state[root] != 0 {
            continue;
        }
        let mut stack = vec![(root, 0usize)];
        state[root] = 1;
        while let Some(top) = stack.last_mut() {
            let (f, next) = *top;
            if next < callees[f].len() {
                top.1 += 1;
                let c = callees[f][next];
                if state[c] == 0 {
                    state[c] = 1;
                    stack.push((c, 0));
                }
            } else {
                state[f] = 2;
                order.push(f);
                stack.pop();
            }
        }
    }
    order
}

/// The size of each type descriptor's type (the descriptor's first word), by symbol.
fn type_sizes(m: &Module) -> HashMap<String, u64> {
    m.data
        .iter()
        .filter(|d| d.kind == DataKind::ReadOnly && d.name.starts_with("type.") && d.bytes.len() >= 8)
        .map(|d| (d.name.clone(), u64::from_le_bytes(d.bytes[0..8].try_into().unwrap())))
        .collect()
}

/// The analysis state of one function.
struct State<'a> {
    f: &'a Func,
    summaries: &'a HashMap<String, Summary>,
    /// Words of the incoming area.
    nargs: u32,
    /// Words below this are parameters (stores there stay in the frame's view); above are results.
    params_words: u32,
    /// Whether the lowering said where the results are: then pointers stored into them are recorded (in
    /// `argmem`) rather than escaping, when they point to the parameters' objects.
    results_known: bool,
    /// `Content(w)` is `content_base + w`. Location of each slot: `slot_base + slot index`; of each
    /// allocating call: `site_base + its index`.
    content_base: Loc,
    slot_base: Loc,
    site_base: Loc,
    pts: Vec<Set>,
    off: Vec<Off>,
    /// The value of vregs written exactly once, by a constant.
    konst: Vec<Option<i64>>,
    /// What each location's memory may point to (slots and allocations; unused for the others).
    content: Vec<Set>,
    /// What each word of the incoming area may point to.
    argmem: Vec<Set>,
    escaped: Vec<bool>,
    changed: bool,
    /// What the results of the last `call go` of the block being transferred may point to (`None` before
    /// the block's first call): loads from the outgoing area after a call read its results.
    results: Option<Set>,
    /// Set once a load from the outgoing area came before any call in its block: results are then not
    /// followed, and what a callee may return escapes.
    unclaimed_results: bool,
}

impl State<'_> {
    fn nlocs(&self) -> usize {
        self.escaped.len()
    }

    fn add_pts(&mut self, v: VReg, s: &Set) {
        if self.pts[v.0 as usize].union(s) {
            self.changed = true;
        }
    }

    fn join_off(&mut self, v: VReg, o: Off) {
        if self.off[v.0 as usize].join(o) {
            self.changed = true;
        }
    }

    /// Marks every location of `s` as escaping (with, transitively, what it holds: [`State::close`]).
    fn escape(&mut self, s: &Set) {
        for &l in &s.0 {
            if !self.escaped[l as usize] {
                self.escaped[l as usize] = true;
                self.changed = true;
            }
        }
    }

    /// What a load through a pointer into `l` may give.
    fn read(&self, l: Loc) -> Set {
        if l >= FIRST_PARAM && l < self.content_base {
            return Set::one(l + self.nargs);
        }
        if l >= self.content_base && l < self.slot_base {
            return Set::one(l);
        }
        if l == OUT && !self.escaped[OUT as usize] {
            let mut s = Set::one(HEAP);
            if let Some(r) = &self.results {
                s.union(r);
            }
            return s;
        }
        if l == HEAP || l == OUT || self.escaped[l as usize] {
            let mut s = Set::one(HEAP);
            if l >= self.slot_base {
                s.union(&self.content[l as usize]);
            }
            return s;
        }
        if l == ARGS {
            let mut s = Set::default();
            self.argmem.iter().for_each(|a| {
                s.union(a);
            });
            return s;
        }
        self.content[l as usize].clone()
    }

    /// A store of pointers `s` into the memory of `l`: only the frame's own objects that do not escape
    /// keep track of what they hold.
    fn write(&mut self, l: Loc, s: &Set) {
        if l < self.slot_base || self.escaped[l as usize] {
            self.escape(s);
        } else if self.content[l as usize].union(s) {
            self.changed = true;
        }
    }

    /// The words `[from, from + size)` of an argument area, at offset `o` (all of them when not known).
    fn words(&self, o: Off, size: u64, total: u32) -> std::ops::Range<u32> {
        match o {
            Off::Known(k) if k >= 0 => {
                let lo = (k as u64 / 8).min(total as u64) as u32;
                let hi = ((k as u64 + size.max(1) - 1) / 8 + 1).min(total as u64) as u32;
                lo..hi
            }
            _ => 0..total,
        }
    }

    /// A store of pointers `s` into the incoming area at `o`: kept for parameter words, an escape for
    /// results.
    fn write_args(&mut self, o: Off, size: u64, s: &Set) {
        let known = matches!(o, Off::Known(_)) && !self.escaped[ARGS as usize];
        for w in self.words(o, size, self.nargs) {
            if known && w < self.params_words {
                if self.argmem[w as usize].union(s) {
                    self.changed = true;
                }
            } else if known && self.results_known {
                // A result: the parameters' objects (and what they hold) go back to the caller, who follows
                // them; anything else outlives the frame.
                if self.argmem[w as usize].union(s) {
                    self.changed = true;
                }
                let other = Set(s.0.iter().copied().filter(|&l| !(FIRST_PARAM..self.slot_base).contains(&l)).collect());
                self.escape(&other);
            } else {
                self.escape(s);
            }
        }
        if !known || self.nargs == 0 {
            self.escape(s);
        }
    }

    fn read_args(&self, o: Off, size: u64) -> Set {
        let mut s = Set::default();
        for w in self.words(o, size, self.nargs) {
            s.union(&self.argmem[w as usize]);
        }
        s
    }

    /// Everything pointed to by the memory `vreg` points into, `size` bytes from it.
    fn read_through(&mut self, addr: VReg, offset: i64, size: u64) -> Set {
        if self.results.is_none() && !self.unclaimed_results && self.pts[addr.0 as usize].contains(OUT) {
            self.unclaimed_results = true;
            self.changed = true;
        }
        let mut out = Set::default();
        let o = self.off[addr.0 as usize].shifted(offset);
        for &l in &self.pts[addr.0 as usize].0 {
            let s = if l == ARGS { self.read_args(o, size) } else { self.read(l) };
            out.union(&s);
        }
        out
    }

    /// A store of pointers `s` through `addr + offset`; a store into the outgoing area goes to `pending`
    /// (word → what the argument there points to) until the call.
    fn write_through(&mut self, addr: VReg, offset: i64, size: u64, s: &Set, pending: &mut BTreeMap<u32, Set>) {
        if s.is_empty() {
            return;
        }
        let o = self.off[addr.0 as usize].shifted(offset);
        let targets = self.pts[addr.0 as usize].clone();
        for &l in &targets.0 {
            if l == ARGS {
                self.write_args(o, size, s);
            } else if l == OUT {
                match o {
                    Off::Known(k) if k >= 0 && size <= 1 << 20 && !self.escaped[OUT as usize] => {
                        let lo = k as u64 / 8;
                        let hi = (k as u64 + size.max(1) - 1) / 8;
                        for w in lo..=hi {
                            pending.entry(w as u32).or_default().union(s);
                        }
                    }
                    _ => self.escape(s),
                }
            } else {
                self.write(l, s);
            }
        }
    }

    /// Transfers one instruction; `site` numbers the allocating calls in order.
    fn step(&mut self, op: &Op, site: &mut u32, pending: &mut BTreeMap<u32, Set>) {
        match op {
            Op::Const { .. } | Op::FConst { .. } | Op::Cmp { .. } | Op::MemZero { .. } => {}
            Op::SlotAddr { dst, slot } => {
                let l = self.slot_base + slot.0;
                self.add_pts(*dst, &Set::one(l));
            }
            Op::ArgAddr { dst, offset } => {
                self.add_pts(*dst, &Set::one(ARGS));
                self.join_off(*dst, Off::Known(*offset as i64));
            }
            Op::OutArgAddr { dst, offset } => {
                self.add_pts(*dst, &Set::one(OUT));
                self.join_off(*dst, Off::Known(*offset as i64));
            }
            Op::SymAddr { dst, .. } | Op::ClosureCtx { dst } => self.add_pts(*dst, &Set::one(HEAP)),
            // Only a pointer-typed load gives a pointer: like gc, the analysis does not follow pointers
            // through integers (`uintptr`) in memory. (Through vregs it does: see `Convert`.)
            Op::Load { dst, .. } if self.f.ty(*dst) != crate::ir::Ty::Ptr => {}
            Op::Load { dst, addr, offset } => {
                let size = self.f.ty(*dst).size(8) as u64;
                let s = self.read_through(*addr, *offset as i64, size);
                self.add_pts(*dst, &s);
            }
            Op::Store { addr, offset, src } => {
                let size = self.f.ty(*src).size(8) as u64;
                let s = self.pts[src.0 as usize].clone();
                self.write_through(*addr, *offset as i64, size, &s, pending);
            }
            // As gc follows a pointer turned into an integer only within one expression
            // (`unsafe.Pointer(uintptr(p) + off)`), an integer copied into a variable no longer carries it:
            // that is how `noescape` (`x := uintptr(p); return unsafe.Pointer(x ^ 0)`) hides a pointer.
            Op::Copy { dst, .. } if self.f.ty(*dst) != crate::ir::Ty::Ptr => {}
            Op::Copy { dst, src } | Op::Convert { dst, src, .. } | Op::Unary { dst, x: src, .. } => {
                let s = self.pts[src.0 as usize].clone();
                self.add_pts(*dst, &s);
                let o = self.off[src.0 as usize];
                self.join_off(*dst, o);
            }
            Op::Binary { op, dst, x, y } => {
                let mut s = self.pts[x.0 as usize].clone();
                s.union(&self.pts[y.0 as usize]);
                self.add_pts(*dst, &s);
                let (ox, oy) = (self.off[x.0 as usize], self.off[y.0 as usize]);
                let (kx, ky) = (self.konst[x.0 as usize], self.konst[y.0 as usize]);
                let o = match (op, kx, ky) {
                    (crate::ir::BinOp::Add, _, Some(c)) if oy == Off::Unset => ox.shifted(c),
                    (crate::ir::BinOp::Add, Some(c), _) if ox == Off::Unset => oy.shifted(c),
                    (crate::ir::BinOp::Sub, _, Some(c)) if oy == Off::Unset => ox.shifted(-c),
                    _ if ox == Off::Unset && oy == Off::Unset => Off::Unset,
                    _ => Off::Any,
                };
                self.join_off(*dst, o);
            }
            Op::MemCopy { dst, src, size } => {
                let s = self.read_through(*src, 0, *size);
                self.write_through(*dst, 0, *size, &s, pending);
            }
            Op::CallGo { callee, args_size } => {
                let leaks = match callee {
                    Callee::Direct(sym) => self.summaries.get(sym),
                    // A func value's code reads its own context only to find the variables it captured (the
                    // lowering's prologue), which it may leak; the context object itself it cannot.
                    Callee::Closure(c) => {
                        let s = self.read_through(*c, 0, u64::MAX / 2);
                        self.escape(&s);
                        None
                    }
                };
                let mut results = Set::one(HEAP);
                for (w, s) in std::mem::take(pending) {
                    let flag = |v: Option<&Vec<bool>>| v.and_then(|v| v.get(w as usize).copied());
                    let leak = flag(leaks.map(|s| &s.leaks)).unwrap_or(true);
                    let content_leak = flag(leaks.map(|s| &s.content_leaks)).unwrap_or(true);
                    let to_result = flag(leaks.map(|s| &s.to_result)).unwrap_or(false);
                    let content_to_result = flag(leaks.map(|s| &s.content_to_result)).unwrap_or(false);
                    if leak || w * 8 >= *args_size {
                        self.escape(&s);
                    } else {
                        if content_leak {
                            for &l in &s.0 {
                                let c = self.read(l);
                                self.escape(&c);
                            }
                        }
                        if to_result {
                            results.union(&s);
                        }
                        if content_to_result {
                            for &l in &s.0 {
                                let c = self.read(l);
                                results.union(&c);
                            }
                        }
                        self.taint(&s);
                    }
                }
                if self.unclaimed_results {
                    self.escape(&results);
                    self.results = None;
                } else {
                    self.results = Some(results);
                }
            }
            Op::CallRt { sym, args, rets } => {
                if ALLOCATORS.contains(&sym.as_str()) {
                    let l = self.site_base + *site;
                    *site += 1;
                    if let Some(r) = rets.first() {
                        self.add_pts(*r, &Set::one(l));
                    }
                    return;
                }
                if sym == "g1c_memmove" && args.len() == 3 {
                    let s = self.read_through(args[1], 0, u64::MAX / 2);
                    self.write_through(args[0], 0, 1, &s, pending);
                    // Where the copy lands is not known to the byte: into the outgoing area it is an escape.
                    if self.pts[args[0].0 as usize].contains(OUT) {
                        self.escape(&s);
                    }
                } else if RT_RESULT_IN_BUF.contains(&sym.as_str()) && !args.is_empty() && !rets.is_empty() {
                    let mut s = self.pts[args[0].0 as usize].clone();
                    if sym == "g1c_concatstrings" && args.len() > 1 {
                        // With one non-empty operand it returns that string itself.
                        s.union(&self.read_through(args[1], 0, u64::MAX / 2));
                    }
                    self.add_pts(rets[0], &s);
                } else if RT_SLICE_IN_BUF.contains(&sym.as_str()) && args.len() > 1 {
                    let s = self.pts[args[0].0 as usize].clone();
                    self.write_through(args[1], 0, 8, &s, pending);
                } else if RT_READ_ONLY.contains(&sym.as_str()) {
                } else if RT_COPY_OUT.contains(&sym.as_str()) {
                    for a in args {
                        let s = self.read_through(*a, 0, u64::MAX / 2);
                        self.escape(&s);
                    }
                } else {
                    // Unknown: everything it is given escapes.
                    for a in args {
                        let s = self.pts[a.0 as usize].clone();
                        self.escape(&s);
                    }
                }
                // It may have stored heap pointers into what it was given.
                for a in args {
                    let s = self.pts[a.0 as usize].clone();
                    self.taint(&s);
                }
                for r in rets {
                    self.add_pts(*r, &Set::one(HEAP));
                }
            }
        }
    }

    /// A callee got pointers to `s`: it may have stored heap pointers into them or into anything reachable
    /// from them, so loads from those objects may give heap pointers from now on.
    fn taint(&mut self, s: &Set) {
        let mut work: Vec<Loc> = s.0.iter().copied().filter(|&l| l >= self.slot_base).collect();
        let mut seen = Set::default();
        while let Some(l) = work.pop() {
            if !seen.insert(l) {
                continue;
            }
            if self.content[l as usize].insert(HEAP) {
                self.changed = true;
            }
            work.extend(self.content[l as usize].0.iter().copied().filter(|&m| m >= self.slot_base));
        }
    }

    /// What escaping locations hold escapes too: the content of an escaping object, every argument word
    /// when a pointer to the incoming area escapes, and everything reachable from a parameter whose object
    /// escapes.
    fn close(&mut self) {
        loop {
            let mut more = Set::default();
            for l in 0..self.nlocs() as Loc {
                if !self.escaped[l as usize] {
                    continue;
                }
                if l == ARGS {
                    for a in &self.argmem {
                        more.union(a);
                    }
                } else if l >= FIRST_PARAM && l < self.content_base {
                    more.insert(l + self.nargs);
                } else if l >= self.slot_base {
                    more.union(&self.content[l as usize]);
                }
            }
            let n = self.escaped.iter().filter(|&&e| e).count();
            self.escape(&more);
            if self.escaped.iter().filter(|&&e| e).count() == n {
                return;
            }
        }
    }
}

/// Analyses `f` with its callees' summaries, moves its non-escaping allocations to the stack, and returns
/// its summary (`None`: not analysed, every argument leaks).
fn analyse(f: &mut Func, summaries: &HashMap<String, Summary>, sizes: &HashMap<String, u64>) -> Option<Summary> {
    let nargs = f.args_size.div_ceil(8);
    let nsites = f
        .blocks
        .iter()
        .flat_map(|b| &b.insts)
        .filter(|i| matches!(&i.op, Op::CallRt { sym, .. } if ALLOCATORS.contains(&sym.as_str())))
        .count() as u32;
    let content_base = FIRST_PARAM + nargs;
    let slot_base = content_base + nargs;
    let site_base = slot_base + f.slots.len() as u32;
    let nlocs = (site_base + nsites) as usize;
    if f.vregs.len().saturating_mul(nlocs) > MAX_WORK || !crate::opt::small_enough(f) {
        return None;
    }
    let nv = f.vregs.len();
    let mut defs = vec![0u32; nv];
    let mut konst = vec![None; nv];
    for inst in f.blocks.iter().flat_map(|b| &b.insts) {
        inst.op.for_each_def(|d| defs[d.0 as usize] += 1);
        if let Op::Const { dst, value } = inst.op {
            konst[dst.0 as usize] = Some(value);
        }
    }
    for (k, &n) in konst.iter_mut().zip(&defs) {
        if n != 1 {
            *k = None;
        }
    }
    let params_words = f.escape.params_end.map(|e| e / 8).unwrap_or(0).min(nargs);
    let mut st = State {
        f,
        summaries,
        nargs,
        params_words,
        results_known: f.escape.params_end.is_some(),
        content_base,
        slot_base,
        site_base,
        pts: vec![Set::default(); nv],
        off: vec![Off::Unset; nv],
        konst,
        content: vec![Set::default(); nlocs],
        argmem: (0..nargs)
            .map(|w| match f.escape.ptr_words.get(w as usize) {
                Some(false) if w < params_words => Set::default(),
                _ => Set::one(FIRST_PARAM + w),
            })
            .collect(),
        escaped: vec![false; nlocs],
        changed: true,
        results: None,
        unclaimed_results: false,
    };
    st.escaped[HEAP as usize] = true;
    while st.changed {
        st.changed = false;
        let mut site = 0;
        for b in &f.blocks {
            let mut pending = BTreeMap::new();
            st.results = None;
            for inst in &b.insts {
                st.step(&inst.op, &mut site, &mut pending);
            }
            // Arguments stored in one block for a call in another: not a shape the lowering makes.
            for (_, s) in pending {
                st.escape(&s);
            }
        }
        st.close();
    }
    // What the result words were given: the parameters' objects and their contents that the function
    // may return.
    let returned = |l: Loc| (params_words..nargs).any(|w| st.results_known && st.argmem[w as usize].contains(l));
    let summary = Summary {
        leaks: (0..nargs).map(|w| st.escaped[(FIRST_PARAM + w) as usize]).collect(),
        content_leaks: (0..nargs).map(|w| st.escaped[(content_base + w) as usize]).collect(),
        to_result: (0..nargs).map(|w| returned(FIRST_PARAM + w)).collect(),
        content_to_result: (0..nargs).map(|w| returned(content_base + w)).collect(),
    };
    let results_known = st.results_known;
    let (escaped, pts, content, argmem) = (st.escaped, st.pts, st.content, st.argmem);
    // Each result's words of the incoming area.
    let result_words: Vec<(String, std::ops::Range<u32>)> = match results_known {
        false => Vec::new(),
        true => {
            let rs = &f.escape.results;
            (0..rs.len())
                .map(|i| {
                    let end = rs.get(i + 1).map_or(nargs, |r| r.1 / 8).min(nargs);
                    (rs[i].0.clone(), (rs[i].1 / 8).min(end)..end)
                })
                .collect()
        }
    };
    let konst = st.konst;

    for p in &mut f.escape.params {
        let words = p.offset / 8..(p.offset + p.size.max(1)).div_ceil(8);
        p.escapes = words.clone().any(|w| w >= nargs || escaped[(FIRST_PARAM + w) as usize]);
        p.content_escapes = words.clone().any(|w| w >= nargs || escaped[(content_base + w) as usize]);
        // The first result (in order, level 0 before 1) that may be given the parameter's object.
        p.to_result = None;
        for level in 0..2u8 {
            let base = if level == 0 { FIRST_PARAM } else { content_base };
            let hit = result_words.iter().find(|(_, ws)| {
                ws.clone().any(|rw| words.clone().any(|w| w < nargs && argmem[rw as usize].contains(base + w)))
            });
            if let (false, Some((name, _))) = (p.escapes, hit) {
                p.to_result = Some((name.clone(), level));
                break;
            }
        }
    }
    if f.returns_twice() {
        return Some(summary);
    }

    // Where each allocating call is (block, instruction) and its location.
    let mut calls: HashMap<VReg, (usize, usize, Loc)> = HashMap::new();
    let mut k = 0;
    for (bi, b) in f.blocks.iter().enumerate() {
        for (ii, inst) in b.insts.iter().enumerate() {
            if let Op::CallRt { sym, rets, .. } = &inst.op {
                if ALLOCATORS.contains(&sym.as_str()) {
                    if let Some(&r) = rets.first() {
                        calls.insert(r, (bi, ii, site_base + k));
                    }
                    k += 1;
                }
            }
        }
    }
    // The symbols whose address vregs written once hold (the type descriptors the allocators are given).
    let mut syms: HashMap<VReg, &str> = HashMap::new();
    for inst in f.blocks.iter().flat_map(|b| &b.insts) {
        if let Op::SymAddr { dst, sym, offset: 0 } = &inst.op {
            if defs[dst.0 as usize] == 1 {
                syms.insert(*dst, sym);
            }
        }
    }
    let mut liveness = None;
    let mut moves = Vec::new();
    for si in 0..f.escape.sites.len() {
        let site = &f.escape.sites[si];
        let Some(&(bi, ii, loc)) = calls.get(&site.dst) else { continue };
        if escaped[loc as usize] {
            continue;
        }
        let Some(size) = alloc_size(&f.blocks[bi].insts[ii].op, &konst, &syms, sizes) else { continue };
        let limit = if matches!(site.what, SiteKind::Var(_)) { MAX_VAR_SIZE } else { MAX_IMPLICIT_SIZE };
        if size > limit {
            continue;
        }
        if on_cycle(f, bi) {
            // A second run in the same frame reuses the slot: nothing may still use the first one's pointer.
            // Memory may hold it only in temporaries that every block writes before it reads them.
            let held = (0..content.len()).filter(|&l| content[l].contains(loc));
            let temps_ok = held.clone().all(|l| {
                l >= slot_base as usize
                    && l < site_base as usize
                    && written_before_read(
                        f,
                        &pts,
                        crate::ir::SlotId((l - slot_base as usize) as u32),
                        l as Loc,
                        bi,
                        ii,
                    )
            });
            if !temps_ok || argmem.iter().any(|c| c.contains(loc)) {
                continue;
            }
            let lv = liveness.get_or_insert_with(|| live::liveness(f));
            let mut live = lv.out_set(bi);
            for inst in f.blocks[bi].insts[ii..].iter().rev() {
                live::step_back(&mut live, &inst.op);
            }
            if live.iter().any(|v| pts[v].contains(loc)) {
                continue;
            }
        }
        moves.push((si, bi, ii, size));
    }
    // Last first, so that inserting the `memzero`s keeps the earlier indices right.
    moves.sort_by_key(|&(_, bi, ii, _)| std::cmp::Reverse((bi, ii)));
    for (si, bi, ii, size) in moves {
        let dst = f.escape.sites[si].dst;
        let slot = f.new_slot(size, 8, site_name(&f.escape.sites[si].what));
        let line = f.blocks[bi].insts[ii].line;
        f.blocks[bi].insts[ii].op = Op::SlotAddr { dst, slot };
        f.blocks[bi].insts.insert(ii + 1, crate::ir::Inst { line, op: Op::MemZero { addr: dst, size } });
        f.escape.sites[si].escapes = false;
    }
    Some(summary)
}

/// The name a moved allocation's slot gets in dumps.
fn site_name(what: &SiteKind) -> String {
    match what {
        SiteKind::Var(n) => n.clone(),
        SiteKind::Expr(e) => e.clone(),
        SiteKind::Quiet => "boxed".into(),
    }
}

/// The number of bytes the allocating call `op` asks for, when known at compile time.
fn alloc_size(op: &Op, konst: &[Option<i64>], syms: &HashMap<VReg, &str>, sizes: &HashMap<String, u64>) -> Option<u64> {
    let Op::CallRt { sym, args, .. } = op else { return None };
    let k = |v: &VReg| konst[v.0 as usize].filter(|&n| n >= 0).map(|n| n as u64);
    let type_size = |v: &VReg| syms.get(v).and_then(|s| sizes.get(*s).copied());
    match (sym.as_str(), args.as_slice()) {
        ("g1c_newobject", [t]) => type_size(t),
        ("g1c_newarray", [t, n]) => type_size(t)?.checked_mul(k(n)?),
        ("g1c_alloc", [n]) => k(n),
        ("g1c_makeslice_typed", [t, l, c]) if k(l)? <= k(c)? => type_size(t)?.checked_mul(k(c)?),
        (TMP_BUF, [n]) => k(n),
        _ => None,
    }
}

/// Whether slot `s` is a temporary whose old contents are never read: its address is only ever used
/// directly by loads, stores and copies (no vreg but its `slot` instructions points into it), every read
/// of it in a block follows a write of the same bytes earlier in that block, and block `ab` touches it
/// nowhere before instruction `ai` (an allocation there). Then a value it held before `ab` ran is never
/// read after.
fn written_before_read(f: &Func, pts: &[Set], s: crate::ir::SlotId, sloc: Loc, ab: usize, ai: usize) -> bool {
    let mut addrs = vec![false; f.vregs.len()];
    for inst in f.blocks.iter().flat_map(|b| &b.insts) {
        if let Op::SlotAddr { dst, slot } = inst.op {
            if slot == s {
                addrs[dst.0 as usize] = true;
            }
        }
    }
    // No other vreg may point into the slot (a copy of its address, an address computed from it).
    if pts.iter().enumerate().any(|(v, p)| p.contains(sloc) && !addrs[v]) {
        return false;
    }
    for (bi, b) in f.blocks.iter().enumerate() {
        // Byte ranges written so far in this block.
        let mut written: Vec<(u64, u64)> = Vec::new();
        // Whether the union of the ranges written covers `lo..hi` (a slice header is three stores).
        let covered = |w: &Vec<(u64, u64)>, lo: u64, hi: u64| {
            let mut at = lo;
            while at < hi {
                match w.iter().filter(|&&(a, z)| a <= at && at < z).map(|&(_, z)| z).max() {
                    Some(z) => at = z,
                    None => return false,
                }
            }
            true
        };
        for (ii, inst) in b.insts.iter().enumerate() {
            let mut touches = false;
            let mut ok = true;
            match &inst.op {
                Op::Store { addr, offset, src } if addrs[addr.0 as usize] => {
                    touches = true;
                    ok = !addrs[src.0 as usize] && *offset >= 0;
                    let lo = (*offset).max(0) as u64;
                    written.push((lo, lo + f.ty(*src).size(8) as u64));
                }
                Op::MemZero { addr, size: n } if addrs[addr.0 as usize] => {
                    touches = true;
                    written.push((0, *n));
                }
                Op::Load { addr, offset, dst } if addrs[addr.0 as usize] => {
                    touches = true;
                    let lo = (*offset).max(0) as u64;
                    ok = *offset >= 0 && covered(&written, lo, lo + f.ty(*dst).size(8) as u64);
                }
                Op::MemCopy { dst, src, size: n } if addrs[dst.0 as usize] || addrs[src.0 as usize] => {
                    touches = true;
                    if addrs[src.0 as usize] {
                        ok = covered(&written, 0, *n);
                    }
                    if addrs[dst.0 as usize] {
                        written.push((0, *n));
                    }
                }
                Op::SlotAddr { .. } => {}
                op => op.for_each_use(|u| ok &= !addrs[u.0 as usize]),
            }
            if !ok || (touches && bi == ab && ii < ai) {
                return false;
            }
        }
        if b.term.used().is_some_and(|u| addrs[u.0 as usize]) {
            return false;
        }
    }
    true
}

/// Whether block `b` can run again after itself (it is on a cycle of the control-flow graph).
fn on_cycle(f: &Func, b: usize) -> bool {
    let mut seen = vec![false; f.blocks.len()];
    let mut stack: Vec<usize> = f.blocks[b].term.succs().iter().map(|s| s.0 as usize).collect();
    while let Some(x) = stack.pop() {
        if x == b {
            return true;
        }
        if std::mem::replace(&mut seen[x], true) {
            continue;
        }
        stack.extend(f.blocks[x].term.succs().iter().map(|s| s.0 as usize));
    }
    false
}
