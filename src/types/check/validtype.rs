//! Valid types (go/types `validType`): a named type must not contain itself by value.
//!
//! In: a named type whose underlying type was just set. Out: an `invalid recursive type` error (gc's
//! wording, with the cycle listed) when the type contains itself as a struct field or array element,
//! directly or through other named types; the type's underlying type is then set to invalid, so that no
//! later phase (sizes, lowering) walks an infinite value. Cycles through pointers, slices, maps, channels,
//! functions and interfaces are fine and not followed.
//!
//! Instances of a generic type count as their generic type (they share its object), so `type L[T any]
//! struct{ next L[T] }` is caught too.

use std::collections::HashSet;

use super::Checker;
use crate::types::{ObjId, TypeId, TypeKind};

impl<'a> Checker<'a> {
    pub(super) fn valid_type(&mut self, named: TypeId) {
        let TypeKind::Named(n) = self.t.kind(named) else { return };
        let start = n.obj;
        let mut path = vec![start];
        let mut done = HashSet::new();
        if !self.contains_by_value(n.underlying, start, &mut path, &mut done) {
            return;
        }
        // Report at the object of the cycle that comes first in the source, listing the cycle from there.
        let first = (0..path.len()).min_by_key(|&i| self.objs.get(path[i]).pos).unwrap_or(0);
        path.rotate_left(first);
        let head = path[0];
        let mut msg = format!("invalid recursive type {}", self.objs.get(head).name);
        for (i, &o) in path.iter().chain(std::iter::once(&head)).enumerate() {
            let obj = self.objs.get(o);
            let Some(p) = self.fset.position(obj.pos) else { continue };
            let refers = if i < path.len() { " refers to" } else { "" };
            msg.push_str(&format!("\n\t{p}: {}{refers}", obj.name));
        }
        let pos = self.objs.get(head).pos;
        // A generic type instantiated inside its own declaration may have had its cycle reported already.
        if !self.errs.iter().any(|e| e.pos == pos && e.msg.starts_with("invalid recursive type")) {
            self.error(pos, msg);
        }
        self.t.named_mut(named).underlying = TypeId::INVALID;
    }

    /// Whether `t` contains the named type declared by `start` by value; `path` holds the named types walked
    /// through (and on success the whole cycle), `done` those already known not to lead back to `start`.
    fn contains_by_value(&self, t: TypeId, start: ObjId, path: &mut Vec<ObjId>, done: &mut HashSet<ObjId>) -> bool {
        match self.t.kind(t) {
            TypeKind::Struct { fields } => fields.iter().any(|f| self.contains_by_value(f.typ, start, path, done)),
            TypeKind::Array { elem, .. } => self.contains_by_value(*elem, start, path, done),
            TypeKind::Named(n) => {
                if n.obj == start {
                    return true;
                }
                // A cycle that does not go through `start` is reported when its own declaration completes.
                if path.contains(&n.obj) || done.contains(&n.obj) {
                    return false;
                }
                path.push(n.obj);
                if self.contains_by_value(n.underlying, start, path, done) {
                    return true;
                }
                path.pop();
                done.insert(n.obj);
                false
            }
            _ => false,
        }
    }
}
