//! Maps: `make`, index expressions (plain and comma-ok), assignment to `m[k]`, `delete`, `len`, `for range`
//! and map literals, as calls into `rt/src/map.rs` (docs/RUNTIME-ABI.md "Maps").
//!
//! In: expressions and statements on values of map type (dispatched here from `expr.rs`, `call.rs`,
//! `stmt.rs`, `func.rs`). Out: IR where a map value is one pointer (the runtime's `hmap`, nil for a nil
//! map) and every operation passes the map's type descriptor (`type.map[K]V`, a gc `maptype`) and the key's
//! address.
//!
//! Invariants: keys are evaluated into a temporary before the runtime call; for `m[k] = v`, the map, the
//! key and `v` are all evaluated before the entry is created (an [`LVal::Map`] defers `g1c_mapassign` to
//! the store), as gc orders them.

use super::func::{Fb, LVal, Target, Val};
use super::staticinit::MAP_LIT_LOOP;
use crate::ir::{BinOp, Cond, Op, Ty, VReg};
use crate::syntax::ast::{ExprId, ExprKind, StmtId};
use crate::syntax::pos::Pos;
use crate::types::TypeId;
use crate::types::TypeKind;

impl<'a, 'b> Fb<'a, 'b> {
    /// `(key type, value type)` of map type `t`.
    pub fn map_kv(&self, t: TypeId) -> (TypeId, TypeId) {
        match self.under(t) {
            TypeKind::Map { key, value } => (*key, *value),
            _ => (TypeId::INVALID, TypeId::INVALID),
        }
    }

    /// The address of the map's type descriptor.
    fn map_desc(&mut self, t: TypeId) -> VReg {
        let s = self.lw.type_sym(t);
        self.sym_addr(&s)
    }

    /// `k` converted to the key type, in its own temporary; returns its address.
    fn key_temp(&mut self, k: ExprId, kt: TypeId) -> VReg {
        let v = self.expr_to(k, kt);
        let a = self.temp(kt, "mapkey");
        self.store_val(a, 0, v, kt);
        a
    }

    /// `make(map[K]V[, hint])`.
    pub fn make_map(&mut self, t: TypeId, hint: Option<ExprId>, pos: Pos) -> Val {
        let h = match hint {
            Some(h) => self.index_value(h).0,
            None => self.iconst(self.int(), 0),
        };
        self.set_pos(pos);
        let d = self.map_desc(t);
        Val::S(self.call_rt("g1c_makemap", vec![d, h], &[Ty::Ptr])[0])
    }

    /// `m[k]`; with `comma_ok`, also whether the key was present.
    pub fn map_index(&mut self, m: ExprId, k: ExprId, comma_ok: bool, pos: Pos) -> (Val, Option<VReg>) {
        let mt = self.type_of(m);
        let (kt, _) = self.map_kv(mt);
        let mv = self.expr(m).v();
        let ka = self.key_temp(k, kt);
        self.set_pos(pos);
        let (v, found) = self.map_read(mt, mv, ka);
        (v, comma_ok.then_some(found))
    }

    /// The value of the key at `ka` in map `mv` of type `mt`, or the zero value, and whether it was there;
    /// no entry is created (a nil map reads as empty).
    fn map_read(&mut self, mt: TypeId, mv: VReg, ka: VReg) -> (Val, VReg) {
        let (_, vt) = self.map_kv(mt);
        let d = self.map_desc(mt);
        let p = self.call_rt("g1c_mapaccess", vec![d, mv, ka], &[Ty::Ptr])[0];
        let zero = self.iconst(Ty::Ptr, 0);
        let found = self.cmp(Cond::Ne, p, zero);
        let out = self.temp(vt, "mapval");
        let size = self.size(vt);
        self.memzero(out, size);
        let yes = self.new_block();
        let end = self.new_block();
        self.branch(found, yes, end);
        self.switch_to(yes);
        if size > 0 {
            self.memcopy(out, p, size);
        }
        self.jump(end);
        self.switch_to(end);
        (self.load_val(out, 0, vt), found)
    }

    /// The target of `m[k] = …`: the map and the key are evaluated now, the entry created at the store.
    pub fn map_lvalue(&mut self, m: ExprId, k: ExprId) -> LVal {
        let mt = self.type_of(m);
        let (kt, _) = self.map_kv(mt);
        let mv = self.expr(m);
        let mv = self.to_temp(mv, mt).v();
        let ka = self.key_temp(k, kt);
        LVal::Map { t: mt, m: mv, key: ka }
    }

    /// Stores `v` into `m[key]` (an [`LVal::Map`]).
    pub fn map_store(&mut self, t: TypeId, m: VReg, key: VReg, v: Val) {
        let (_, vt) = self.map_kv(t);
        let v = self.to_temp(v, vt);
        let d = self.map_desc(t);
        let p = self.call_rt("g1c_mapassign", vec![d, m, key], &[Ty::Ptr])[0];
        self.store_val(p, 0, v, vt);
    }

    /// Reads `m[key]` for an [`LVal::Map`] (the current value of `m[k] op= v`). The entry is created only by
    /// the store that follows, so a right side that panics leaves the map as it was (gc's order).
    pub fn map_load(&mut self, t: TypeId, m: VReg, key: VReg) -> Val {
        let (_, vt) = self.map_kv(t);
        let v = self.map_read(t, m, key).0;
        self.to_temp(v, vt)
    }

    /// `delete(m, k)`.
    pub fn map_delete(&mut self, m: ExprId, k: ExprId, pos: Pos) {
        let mt = self.type_of(m);
        let (kt, _) = self.map_kv(mt);
        let mv = self.expr(m).v();
        let kv = self.expr_to(k, kt);
        self.map_delete_values(mt, mv, kv, pos);
    }

    /// The rest of `delete`: map `m` of type `mt`, key `k` already of the key type.
    pub fn map_delete_values(&mut self, mt: TypeId, m: VReg, k: Val, pos: Pos) {
        let (kt, _) = self.map_kv(mt);
        let ka = self.temp(kt, "mapkey");
        self.store_val(ka, 0, k, kt);
        self.set_pos(pos);
        let d = self.map_desc(mt);
        self.call_rt("g1c_mapdelete", vec![d, m, ka], &[]);
    }

    /// `len(m)`: the count in the header's first word, 0 for a nil map.
    pub fn map_len(&mut self, m: VReg) -> VReg {
        let r = self.vreg(self.int());
        self.emit(Op::Const { dst: r, value: 0 });
        let zero = self.iconst(Ty::Ptr, 0);
        let nz = self.cmp(Cond::Ne, m, zero);
        let yes = self.new_block();
        let end = self.new_block();
        self.branch(nz, yes, end);
        self.switch_to(yes);
        let n = self.load(self.int(), m, 0);
        self.emit(Op::Copy { dst: r, src: n });
        self.jump(end);
        self.switch_to(end);
        r
    }

    /// A map literal: `make` with the number of entries as hint, then one assignment per entry.
    pub fn map_lit(&mut self, e: ExprId, t: TypeId) -> Val {
        let pos = self.ast.expr(e).pos;
        let ExprKind::CompositeLit { elts, .. } = &self.ast.expr(e).kind else { return self.zero_val(t) };
        let elts = elts.clone();
        let (kt, vt) = self.map_kv(t);
        let n = self.iconst(self.int(), elts.len() as i64);
        let d = self.map_desc(t);
        let m = self.call_rt("g1c_makemap", vec![d, n], &[Ty::Ptr])[0];
        let mut pairs: Vec<(ExprId, ExprId)> = Vec::with_capacity(elts.len());
        for &el in elts.iter() {
            if let ExprKind::KeyValue { key, value, .. } = &self.ast.expr(el).kind {
                pairs.push((*key, *value));
            }
        }
        // A big literal's static entries: two read-only arrays and one loop (as gc's `maplit`).
        let mut rest: Vec<usize> = (0..pairs.len()).collect();
        if pairs.len() > MAP_LIT_LOOP {
            if let Some((ksym, vsym, count, dynamic)) = self.lw.static_map_entries(&pairs, kt, vt) {
                self.map_insert_loop(t, m, &ksym, &vsym, count);
                rest = dynamic;
            }
        }
        for i in rest {
            let (key, value) = pairs[i];
            let el = elts
                .iter()
                .copied()
                .find(|&el| matches!(&self.ast.expr(el).kind, ExprKind::KeyValue { key: k, .. } if *k == key));
            if let Some(el) = el {
                self.set_pos(self.ast.expr(el).pos);
            }
            // Each entry is ordered as the statement `m[key] = value` (order.rs).
            let hoisted = self.hoist(&[key, value]);
            let ka = self.key_temp_elided(key, kt);
            let v = self.elided_value(value, vt);
            self.unhoist(hoisted);
            let d = self.map_desc(t);
            let p = self.call_rt("g1c_mapassign", vec![d, m, ka], &[Ty::Ptr])[0];
            self.store_val(p, 0, v, vt);
        }
        self.set_pos(pos);
        Val::S(m)
    }

    /// `for i := 0; i < count; i++ { m[keys[i]] = vals[i] }` over the static arrays `keys` and `vals`.
    fn map_insert_loop(&mut self, t: TypeId, m: VReg, keys: &str, vals: &str, count: u64) {
        let (kt, vt) = self.map_kv(t);
        let (ks, vs) = (self.size(kt), self.size(vt));
        let i = self.iconst(self.int(), 0);
        let i = self.copy(i);
        let (head, body, done) = (self.new_block(), self.new_block(), self.new_block());
        self.jump(head);
        self.switch_to(head);
        let n = self.iconst(self.int(), count as i64);
        let more = self.cmp(Cond::LtS, i, n);
        self.branch(more, body, done);
        self.switch_to(body);
        let kbase = self.sym_addr(keys);
        let ka = self.index_addr(kbase, i, ks);
        let d = self.map_desc(t);
        let p = self.call_rt("g1c_mapassign", vec![d, m, ka], &[Ty::Ptr])[0];
        let vbase = self.sym_addr(vals);
        let va = self.index_addr(vbase, i, vs);
        self.memcopy(p, va, vs);
        let one = self.iconst(self.int(), 1);
        let next = self.binary(BinOp::Add, i, one);
        self.emit(Op::Copy { dst: i, src: next });
        self.jump(head);
        self.switch_to(done);
    }

    /// A key of a map literal (possibly a composite literal with its type elided).
    fn key_temp_elided(&mut self, k: ExprId, kt: TypeId) -> VReg {
        let v = self.elided_value(k, kt);
        let a = self.temp(kt, "mapkey");
        self.store_val(a, 0, v, kt);
        a
    }

    /// The value of `v` as type `t`, where `v` may be a literal with its type elided (`{1, 2}` for `T{1, 2}`,
    /// `&T{}`), which the checker typed already.
    fn elided_value(&mut self, v: ExprId, t: TypeId) -> Val {
        let v = self.expr_to(v, t);
        self.to_temp(v, t)
    }

    /// `for k, v := range m`.
    #[allow(clippy::too_many_arguments)]
    pub fn range_map(
        &mut self,
        key: Option<ExprId>,
        value: Option<ExprId>,
        define: bool,
        x: ExprId,
        body: &[StmtId],
        label: Option<String>,
        want_key: bool,
        want_value: bool,
    ) {
        let mt = self.type_of(x);
        let (kt, vt) = self.map_kv(mt);
        let m = self.expr(x).v();
        // rt's iterator, reflect's `hiter`: twelve words, the key's and the element's addresses first.
        let it = self.temp_raw(self.lw.target.word(12) as u64, self.lw.target.ptr_size, "hiter");
        let d = self.map_desc(mt);
        self.call_rt("g1c_mapiterinit", vec![d, m, it], &[]);
        let (mut key_lv, mut val_lv) =
            if define { self.range_defined(key, value, want_key, want_value) } else { (None, None) };
        let head = self.new_block();
        let body_b = self.new_block();
        let post = self.new_block();
        let end = self.new_block();
        self.jump(head);
        self.switch_to(head);
        let kp = self.load(Ty::Ptr, it, 0);
        let zero = self.iconst(Ty::Ptr, 0);
        let more = self.cmp(Cond::Ne, kp, zero);
        self.branch(more, body_b, end);
        self.switch_to(body_b);
        let kv = self.load_val(kp, 0, kt);
        let kv = self.to_temp(kv, kt);
        let vv = if want_value {
            let vp = self.load(Ty::Ptr, it, self.lw.target.word(1));
            let v = self.load_val(vp, 0, vt);
            Some(self.to_temp(v, vt))
        } else {
            None
        };
        if !define {
            (key_lv, val_lv) = self.range_assigned(key, value, want_key, want_value);
        }
        if let Some(lv) = key_lv {
            self.assign(lv, kv, kt);
        }
        if let (Some(lv), Some(v)) = (val_lv, vv) {
            self.assign(lv, v, vt);
        }
        self.targets.push(Target { label, brk: end, cont: Some(post) });
        self.lower_block_stmts(body);
        self.targets.pop();
        self.jump(post);
        self.switch_to(post);
        self.call_rt("g1c_mapiternext", vec![it], &[]);
        self.jump(head);
        self.switch_to(end);
    }
}
