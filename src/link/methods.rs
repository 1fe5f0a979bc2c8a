//! Which methods a program can call, for dead-code elimination at the level of functions (the rules of gc's
//! linker, cmd/link's `deadcode.go`).
//!
//! A type descriptor lists every method of its type (`uncommontype` + `method` entries: `name`, `mtyp`,
//! `ifn`, `tfn`, four 32-bit image offsets; docs/RUNTIME-ABI.md "Type descriptors"). Followed like other
//! references, those entries would keep every method of every type the program mentions. Instead a method
//! reached only through its type's descriptor is kept when
//! 1. some live function calls, through an interface, a method with the same name and signature (lowering
//!    lists these calls in the table `go..ifacecalls`), or
//! 2. the program may look methods up by reflection — `reflect.Value.Method` or `MethodByName` is live,
//!    or a live function calls, through any interface, a method `Method` or `MethodByName` with the
//!    signature of `reflect.Type`'s — and the method is exported, or
//! 3. the runtime itself may call it: `Error() string` and `String() string`, which rt uses to print a
//!    panic's value.
//!
//! Only the methods of types whose values may be in an interface count (gc's `UsedInIface`: see
//! [`Marking::puts_in_iface`]); others can only be called directly. A static itab's entries are method
//! references of the same kind (kept by the same rules), since an itab lists all of its interface's
//! methods whether or not any is called.
//!
//! A method still reached directly (a call, a method value, a static itab) is kept whatever these rules say.
//! The entries of the methods that end up dead point at `runtime.unreachableMethod` instead (gc writes -1
//! and its runtime maps that to the same function), so an itab built at run time for a type whose method
//! no one calls still has a code address, and calling it would say why it fails; the `mtyp` entry stays,
//! so type assertions to interfaces keep matching methods by signature.
//!
//! In: the Go [`Object`] and the sections `resolve.rs` gave its symbols. Out: [`Methods`], which `gc.rs`
//! consults while marking and [`redirect_dead`] applies afterwards. Without `runtime.unreachableMethod` in
//! the program (a hand-made object) there is nowhere to point dead entries at, and every method is kept.

use std::collections::{BTreeMap, BTreeSet, HashMap, HashSet};

use super::input::{Inputs, SecId, SymId};
use super::object::{Object, RelocKind, SymKind};
use crate::target::Target;

/// The table lowering writes (never referenced, so never live): per dynamic method call, four words: the
/// addresses of the calling function, of the method's signature descriptor and of the method name's
/// string bytes, then the name's length (a plain word).
pub const IFACE_CALLS: &str = "go..ifacecalls";
/// The table of conversions to empty interfaces (never live either): per conversion, two words, the
/// addresses of the converting function and of the concrete type's descriptor.
pub const IFACE_CONVS: &str = "go..ifaceconvs";
/// Where the entries of dead methods point.
pub const UNREACHABLE: &str = "runtime.unreachableMethod";

/// A method's identity for matching calls with methods: its name and its signature's descriptor symbol.
type Sig = (String, String);

/// One method entry of a type descriptor.
pub struct Slot {
    /// Indices in the descriptor section's relocations of the `ifn` and `tfn` fields.
    pub relocs: [usize; 2],
    pub sig: Sig,
    pub exported: bool,
}

/// What marking needs to know about methods.
pub struct Methods {
    /// The method entries of each type descriptor section.
    pub slots: HashMap<SecId, Vec<Slot>>,
    /// The methods each function section calls through interfaces, and whether the call is reflect's
    /// method lookup.
    pub calls: HashMap<SecId, Vec<(Sig, bool)>>,
    /// The sections of the Go type descriptors and of the Go itabs.
    pub descs: HashSet<SecId>,
    pub itabs: HashSet<SecId>,
    /// The conversions to empty interfaces: function section → descriptor sections.
    pub convs: HashMap<SecId, Vec<SecId>>,
    /// Methods the runtime calls by name.
    pub runtime_sigs: Vec<Sig>,
    /// `reflect.Value.Method` and `reflect.Value.MethodByName`, where the program has them.
    pub reflect_lookups: Vec<SymId>,
    pub unreachable: SymId,
}

/// Reads the method entries of the Go object's type descriptors and the interface calls of its functions;
/// `None` when dead methods cannot be redirected (no `runtime.unreachableMethod`).
pub fn collect(
    target: &Target,
    inputs: &Inputs,
    obj: &Object,
    go_sections: &[SecId],
) -> Result<Option<Methods>, String> {
    let by_name: BTreeMap<&str, usize> = obj.symbols.iter().enumerate().map(|(i, s)| (s.name.as_str(), i)).collect();
    let Some(&unreachable) = inputs.globals.get(UNREACHABLE) else { return Ok(None) };
    if !by_name.contains_key(UNREACHABLE) {
        return Ok(None);
    }
    let is_text = |name: &str| by_name.get(name).is_some_and(|&i| obj.symbols[i].kind == SymKind::Text);
    let mut slots = HashMap::new();
    let mut calls: HashMap<SecId, Vec<(Sig, bool)>> = HashMap::new();
    let (mut descs, mut itabs) = (HashSet::new(), HashSet::new());
    let mut convs: HashMap<SecId, Vec<SecId>> = HashMap::new();
    for (s, &sec) in obj.symbols.iter().zip(go_sections) {
        if s.name == IFACE_CALLS {
            read_calls(target, s, &by_name, obj, go_sections, &mut calls)?;
            continue;
        }
        if s.name == IFACE_CONVS {
            for pair in s.relocs.chunks_exact(2) {
                if let (Some(&f), Some(&t)) =
                    (by_name.get(pair[0].target.as_str()), by_name.get(pair[1].target.as_str()))
                {
                    convs.entry(go_sections[f]).or_default().push(go_sections[t]);
                }
            }
            continue;
        }
        if s.name.starts_with("go.itab.") {
            itabs.insert(sec);
            let ss = itab_slots(target, s, &by_name, obj, &is_text)?;
            if !ss.is_empty() {
                slots.insert(sec, ss);
            }
            continue;
        }
        if s.kind != SymKind::RoData || !s.name.starts_with("type.") || s.name.starts_with("type..") {
            continue;
        }
        descs.insert(sec);
        // A method entry: four image offsets in a row, `ifn` and `tfn` pointing at Go code.
        let at: BTreeMap<u32, usize> = s
            .relocs
            .iter()
            .enumerate()
            .filter(|(_, r)| r.kind == RelocKind::ImageRel32)
            .map(|(i, r)| (r.offset, i))
            .collect();
        let mut ss = Vec::new();
        for (&off, &i) in &at {
            let (Some(&name_i), Some(&mtyp_i), Some(&tfn_i)) =
                (at.get(&off.wrapping_sub(8)), at.get(&off.wrapping_sub(4)), at.get(&(off + 4)))
            else {
                continue;
            };
            if off < 8 || !is_text(&s.relocs[i].target) || !is_text(&s.relocs[tfn_i].target) {
                continue;
            }
            let nr = &s.relocs[name_i];
            let name = by_name
                .get(nr.target.as_str())
                .and_then(|&k| obj.symbols[k].data.get(nr.addend.max(0) as usize..))
                .and_then(super::typelinks::decode_name)
                .ok_or_else(|| format!("{}: malformed method name at offset {:#x}", s.name, off - 8))?;
            let exported = name.chars().next().is_some_and(char::is_uppercase);
            let sig = (name.to_string(), s.relocs[mtyp_i].target.clone());
            ss.push(Slot { relocs: [i, tfn_i], sig, exported });
        }
        if !ss.is_empty() {
            slots.insert(sec, ss);
        }
    }
    let string_sig = "type.func() string".to_string();
    let runtime_sigs = vec![("Error".to_string(), string_sig.clone()), ("String".to_string(), string_sig)];
    // Not `reflect.(*rtype)`'s own: the itab of `*rtype` as `reflect.Type` refers to them whether or not
    // they are called, and a call through `reflect.Type` is seen as such above.
    let reflect_lookups = ["reflect.Value.Method", "reflect.Value.MethodByName"]
        .iter()
        .filter_map(|n| inputs.globals.get(*n).copied())
        .collect();
    Ok(Some(Methods { slots, calls, descs, itabs, convs, runtime_sigs, reflect_lookups, unreachable }))
}

/// The method entries of itab `s` (gc's `itab`: `inter`, `_type`, `hash`, then `fun[k]` from
/// [`Target::itab_fun_offset`], one word per method of the interface, in the order of the interface descriptor's `imethods`, whose
/// `name` and `typ` name the method). A static itab refers to every method of the interface, whether or
/// not the program calls it; as gc's linker does, those references do not keep methods alive.
fn itab_slots(
    target: &Target,
    s: &super::object::Symbol,
    by_name: &BTreeMap<&str, usize>,
    obj: &Object,
    is_text: &dyn Fn(&str) -> bool,
) -> Result<Vec<Slot>, String> {
    let bad = || format!("{}: malformed itab", s.name);
    let Some(inter) = s.relocs.iter().find(|r| r.offset == 0).and_then(|r| by_name.get(r.target.as_str())) else {
        return Err(bad());
    };
    let inter = &obj.symbols[*inter];
    // The interface's `imethods` slice points into its own descriptor.
    let imethods_at = target.imethods_offset();
    let Some(imethods) = inter.relocs.iter().find(|r| r.offset as u64 == imethods_at && r.target == inter.name) else {
        return Ok(Vec::new());
    };
    let at = |off: i64| inter.relocs.iter().find(|r| r.offset as i64 == off);
    let mut out = Vec::new();
    for (j, r) in s.relocs.iter().enumerate() {
        let fun0 = target.itab_fun_offset();
        if (r.offset as i64) < fun0 || r.kind != RelocKind::Abs64 || !is_text(&r.target) {
            continue;
        }
        let k = (r.offset as i64 - fun0) / target.ptr_size as i64;
        // `imethod`: the name's and the type's 32-bit offsets.
        let (Some(nr), Some(tr)) = (at(imethods.addend + 8 * k), at(imethods.addend + 8 * k + 4)) else {
            return Err(bad());
        };
        let name = by_name
            .get(nr.target.as_str())
            .and_then(|&i| obj.symbols[i].data.get(nr.addend.max(0) as usize..))
            .and_then(super::typelinks::decode_name)
            .ok_or_else(bad)?;
        let exported = name.chars().next().is_some_and(char::is_uppercase);
        out.push(Slot { relocs: [j, j], sig: (name.to_string(), tr.target.clone()), exported });
    }
    Ok(out)
}

/// Decodes the table of interface calls into `calls`, keyed by the calling function's section.
fn read_calls(
    target: &Target,
    table: &super::object::Symbol,
    by_name: &BTreeMap<&str, usize>,
    obj: &Object,
    go_sections: &[SecId],
    calls: &mut HashMap<SecId, Vec<(Sig, bool)>>,
) -> Result<(), String> {
    let word = |i: u32| i * target.ptr_size as u32;
    let entry = word(4);
    let reloc_at = |off: u32| table.relocs.iter().find(|r| r.offset == off).map(|r| r.target.as_str());
    for e in 0..table.data.len() as u32 / entry {
        let base = e * entry;
        let bad = || format!("{IFACE_CALLS}: malformed entry {e}");
        let caller = reloc_at(base).ok_or_else(bad)?;
        let sig = reloc_at(base + word(1)).ok_or_else(bad)?;
        let name_sym = reloc_at(base + word(2)).ok_or_else(bad)?;
        let mut len_bytes = [0u8; 8];
        let len_word = table.data.get((base + word(3)) as usize..(base + word(4)) as usize).ok_or_else(bad)?;
        len_bytes[..len_word.len()].copy_from_slice(len_word);
        let len = u64::from_le_bytes(len_bytes);
        let name = by_name
            .get(name_sym)
            .and_then(|&i| obj.symbols[i].data.get(..len as usize))
            .and_then(|b| std::str::from_utf8(b).ok())
            .ok_or_else(bad)?;
        let Some(&ci) = by_name.get(caller) else { continue };
        // gc's REFLECTMETHOD: a call of reflect.Type's lookups, through any interface with those methods.
        let lookup = (name == "Method" && sig == "type.func(int) reflect.Method")
            || (name == "MethodByName" && sig == "type.func(string) (reflect.Method, bool)");
        calls.entry(go_sections[ci]).or_default().push(((name.to_string(), sig.to_string()), lookup));
    }
    Ok(())
}

/// The state of method marking during the flood of `gc.rs`.
#[derive(Default)]
pub struct Marking {
    /// Signatures called through interfaces by live functions.
    used: BTreeSet<Sig>,
    reflect_seen: bool,
    /// Descriptors of the types whose values may sit in an interface (gc's `UsedInIface`), and those of
    /// them whose references are still to be followed.
    in_iface: HashSet<SecId>,
    pub iface_work: Vec<SecId>,
    /// Methods of such types not kept yet: (section, slot index).
    pending: Vec<(SecId, usize)>,
}

impl Marking {
    pub fn new(m: &Methods) -> Marking {
        Marking { used: m.runtime_sigs.iter().cloned().collect(), ..Marking::default() }
    }

    /// Notes what newly live section `sec` brings: its calls, and for an itab its methods.
    pub fn on_live(&mut self, m: &Methods, sec: SecId) {
        if m.itabs.contains(&sec) {
            if let Some(ss) = m.slots.get(&sec) {
                self.pending.extend((0..ss.len()).map(|i| (sec, i)));
            }
        }
        for (sig, lookup) in m.calls.get(&sec).into_iter().flatten() {
            self.used.insert(sig.clone());
            self.reflect_seen |= lookup;
        }
    }

    /// Whether a reference from section `from` (outside the Go object when `from_go` is false) to
    /// descriptor `to` may put values of that type into interfaces: a conversion to an empty interface in
    /// Go code (`go..ifaceconvs`), an itab (a conversion to another interface), the runtime, or a type
    /// whose values already may be in an interface (reflection reaches the types it is made of, gc's
    /// rule).
    pub fn puts_in_iface(&self, m: &Methods, from: SecId, to: SecId, from_go: bool) -> bool {
        !from_go
            || m.itabs.contains(&from)
            || self.in_iface.contains(&from)
            || m.convs.get(&from).is_some_and(|ts| ts.contains(&to))
    }

    /// Marks descriptor `sec` as used in interfaces; true the first time.
    pub fn add_iface(&mut self, m: &Methods, sec: SecId) -> bool {
        if !m.descs.contains(&sec) || !self.in_iface.insert(sec) {
            return false;
        }
        if let Some(ss) = m.slots.get(&sec) {
            self.pending.extend((0..ss.len()).map(|i| (sec, i)));
        }
        self.iface_work.push(sec);
        true
    }

    /// The methods that the calls seen so far keep: their `ifn`/`tfn` relocations, as (section, index);
    /// they are removed from the pending ones.
    pub fn take_kept(&mut self, m: &Methods, reflect_live: bool) -> Vec<(SecId, usize)> {
        self.reflect_seen |= reflect_live;
        let mut kept = Vec::new();
        let (used, reflect) = (&self.used, self.reflect_seen);
        self.pending.retain(|&(sec, i)| {
            let s = &m.slots[&sec][i];
            if used.contains(&s.sig) || (reflect && s.exported) {
                kept.extend(s.relocs.iter().map(|&r| (sec, r)));
                false
            } else {
                true
            }
        });
        kept
    }
}

/// Points the entries of dead methods of live descriptors at `runtime.unreachableMethod`.
pub fn redirect_dead(inputs: &mut Inputs, m: &Methods, live: &[bool]) {
    let mut secs: Vec<&SecId> = m.slots.keys().collect();
    secs.sort();
    for &sec in secs {
        if !live[sec.0 as usize] {
            continue;
        }
        for s in &m.slots[&sec] {
            for &r in &s.relocs {
                let target = inputs.sec(sec).relocs[r].target;
                let dead = match inputs.sym(target).def {
                    super::input::Def::Section { sec: t, .. } => !live[t.0 as usize],
                    _ => false,
                };
                if dead {
                    // The addend (the image base folded in, see `resolve.rs`) stays as it is.
                    inputs.sections[sec.0 as usize].relocs[r].target = m.unreachable;
                }
            }
        }
    }
}
