//! Package initialization order (Go spec "Package initialization"): repeatedly pick the earliest variable in
//! declaration order that has no dependencies on uninitialized variables. Dependencies are the package-level
//! variables a variable's initializer refers to, directly or through the functions and methods it refers to.
//!
//! Out: `Info::init_order`, one `Initializer` per initialization expression (`var a, b = f()` is one).

use super::super::{Initializer, ObjId, ObjKind};
use super::Checker;
use crate::types::fxhash::{HashMap, HashSet};

impl<'a> Checker<'a> {
    pub fn init_order(&mut self) {
        // Transitive variable dependencies of each variable (through functions).
        let vars: Vec<(ObjId, &'a crate::syntax::ast::ValueSpec)> = self.pkg_vars.clone();
        let mut var_deps: HashMap<ObjId, Vec<ObjId>> = HashMap::default();
        for &(v, _) in &vars {
            let mut seen = HashSet::default();
            let mut out = Vec::new();
            let mut stack: Vec<ObjId> = self.deps.get(&v).cloned().unwrap_or_default();
            stack.reverse();
            while let Some(o) = stack.pop() {
                // Objects of other packages are initialized before this package's: no dependency (go/types'
                // dependency graph has only the package's own objects). Without this, a function literal
                // that reads os.Args would leave its variable never ready.
                if !seen.insert(o) || self.objs.get(o).pkg != Some(self.pkg) {
                    continue;
                }
                match self.objs.get(o).kind {
                    ObjKind::Var(_) => out.push(o),
                    ObjKind::Func { .. } => {
                        let mut d = self.deps.get(&o).cloned().unwrap_or_default();
                        d.reverse();
                        stack.extend(d);
                    }
                    _ => {}
                }
            }
            var_deps.insert(v, out);
        }
        // Initialization units: variables sharing one initializer.
        let mut done: HashSet<ObjId> = HashSet::default();
        let mut emitted_specs: HashSet<*const crate::syntax::ast::ValueSpec> = HashSet::default();
        loop {
            let mut progress = false;
            for &(v, spec) in &vars {
                if done.contains(&v) {
                    continue;
                }
                let unit: Vec<ObjId> = if spec.values.len() == 1 && spec.names.len() > 1 {
                    spec.names.iter().filter_map(|n| self.info.defs.get(&n.pos).copied()).collect()
                } else {
                    vec![v]
                };
                let ready = unit.iter().all(|u| {
                    var_deps
                        .get(u)
                        .map(|d| d.iter().all(|x| done.contains(x) || unit.contains(x) && false))
                        .unwrap_or(true)
                });
                if !ready {
                    continue;
                }
                for &u in &unit {
                    done.insert(u);
                }
                progress = true;
                let idx = spec.names.iter().position(|n| self.info.defs.get(&n.pos) == Some(&v)).unwrap_or(0);
                let rhs = if spec.values.len() == 1 && spec.names.len() > 1 {
                    if !emitted_specs.insert(spec as *const _) {
                        break;
                    }
                    Some(spec.values[0])
                } else {
                    spec.values.get(idx).copied()
                };
                if let Some(rhs) = rhs {
                    self.info.init_order.push(Initializer { lhs: unit, rhs });
                }
                break; // restart from the earliest variable
            }
            if done.len() == vars.len() {
                break;
            }
            if !progress {
                // Cycles: report each once, starting at the earliest remaining variable on it.
                {
                    let mut in_cycle: HashSet<ObjId> = HashSet::default();
                    for &(v, _) in &vars {
                        if done.contains(&v) || in_cycle.contains(&v) {
                            continue;
                        }
                        let mut seen = HashSet::default();
                        if let Some(mut path) = self.find_path(v, v, &mut seen) {
                            path.reverse();
                            path.insert(0, v);
                            path.pop();
                            in_cycle.extend(path.iter().copied());
                            self.report_init_cycle(&path);
                        }
                    }
                }
                // emit the rest in declaration order to keep going
                for &(v, spec) in &vars {
                    if done.insert(v) {
                        let idx = spec.names.iter().position(|n| self.info.defs.get(&n.pos) == Some(&v)).unwrap_or(0);
                        if let Some(&rhs) = spec.values.get(idx) {
                            self.info.init_order.push(Initializer { lhs: vec![v], rhs });
                        }
                    }
                }
                break;
            }
        }
    }

    /// go/types' `findPath`: the objects on a dependency path from `from` to `to`, reversed (`to` first,
    /// `from`'s direct dependency last), or None.
    fn find_path(&self, from: ObjId, to: ObjId, seen: &mut HashSet<ObjId>) -> Option<Vec<ObjId>> {
        if !seen.insert(from) {
            return None;
        }
        for &d in self.deps.get(&from).map(|v| v.as_slice()).unwrap_or(&[]) {
            if d == to {
                return Some(vec![d]);
            }
            if let Some(mut p) = self.find_path(d, to, seen) {
                p.push(d);
                return Some(p);
            }
        }
        None
    }
}
