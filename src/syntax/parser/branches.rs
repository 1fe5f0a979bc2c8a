//! Branch and label checks of one function body (gc's `syntax/branches.go`, which gc runs in the parser
//! rather than in the type checker): labels defined twice or never used, `goto` into a block or over a
//! variable declaration, `break`/`continue`/`fallthrough` out of place, undefined or invalid branch labels.
//!
//! In: a parsed function body without syntax errors. Out: errors with gc's wording; "label ... defined and
//! not used" comes in declaration order (the driver sorts all errors by position anyway).

use std::collections::HashMap;

use crate::syntax::ast::{AssignOp, Ast, Block, BranchKind, GenKind, Ident, Name, Spec, StmtId, StmtKind};
use crate::syntax::pos::{Error, FileSet, Pos};

use super::print::list_string;

pub fn check_branches(ast: &Ast, fset: &FileSet, body: &Block) -> Vec<Error> {
    let mut ls =
        LabelScope { ast, fset, labels: Vec::new(), by_name: HashMap::new(), blocks: Vec::new(), errors: Vec::new() };
    let fwd = ls.block_branches(None, Targets::default(), None, body.lbrace, &body.stmts);
    for g in fwd {
        let label = goto_label(ast, g);
        match ls.by_name.get(&label.name).copied() {
            Some(l) => {
                ls.labels[l].used = true; // avoid "defined and not used"
                let start = ls.blocks[ls.labels[l].block].start;
                let msg = format!("goto {} jumps into block starting at {}", label.name, ls.pos_string(start));
                ls.err(label.pos, msg);
            }
            None => ls.err(label.pos, format!("label {} not defined", label.name)),
        }
    }
    for i in 0..ls.labels.len() {
        if !ls.labels[i].used {
            let l = ls.labels[i].ident.clone();
            ls.err(l.pos, format!("label {} defined and not used", l.name));
        }
    }
    ls.errors
}

fn goto_label(ast: &Ast, s: StmtId) -> Ident {
    match &ast.stmt(s).kind {
        StmtKind::Branch { label: Some(l), .. } => l.clone(),
        _ => Ident { pos: ast.stmt(s).pos, name: "_".into() },
    }
}

struct Label {
    /// The block containing the declaration.
    block: usize,
    /// The labeled statement.
    lstmt: StmtId,
    ident: Ident,
    used: bool,
}

struct BlockInfo {
    parent: Option<usize>,
    start: Pos,
    /// The labeled statement this block belongs to, if any (`L: for { ... }`).
    lstmt: Option<StmtId>,
}

/// What unlabeled `break`, `continue` and `fallthrough` refer to at a point.
#[derive(Clone, Copy, Default)]
struct Targets {
    /// The innermost for, range, switch, type switch or select statement.
    breaks: Option<StmtId>,
    /// The innermost for or range statement.
    continues: Option<StmtId>,
    /// Index of the case clause in the immediately enclosing switch, if the block is a case body.
    case_index: Option<usize>,
}

struct LabelScope<'a> {
    ast: &'a Ast,
    fset: &'a FileSet,
    labels: Vec<Label>,
    by_name: HashMap<Name, usize>,
    blocks: Vec<BlockInfo>,
    errors: Vec<Error>,
}

/// Result of looking for an enclosing labeled statement.
enum Enclosing {
    NotDeclared,
    NotEnclosing,
    Found(StmtId),
}

impl LabelScope<'_> {
    fn err(&mut self, pos: Pos, msg: String) {
        self.errors.push(Error::new(pos, msg));
    }

    fn pos_string(&self, pos: Pos) -> String {
        self.fset.position(pos).map(|p| p.to_string()).unwrap_or_default()
    }

    fn declare(&mut self, block: usize, lstmt: StmtId, ident: &Ident) -> usize {
        if let Some(&alt) = self.by_name.get(&ident.name) {
            let at = self.pos_string(self.labels[alt].ident.pos);
            self.err(ident.pos, format!("label {} already defined at {at}", ident.name));
            return alt;
        }
        self.labels.push(Label { block, lstmt, ident: ident.clone(), used: false });
        let i = self.labels.len() - 1;
        self.by_name.insert(ident.name.clone(), i);
        i
    }

    /// The labeled statement a `goto name` in block `b` jumps to, if it is declared in `b` or an enclosing
    /// block.
    fn goto_target(&mut self, mut b: Option<usize>, name: &str) -> Option<StmtId> {
        let l = *self.by_name.get(name)?;
        self.labels[l].used = true; // even if it is not a valid target
        while let Some(bi) = b {
            if self.labels[l].block == bi {
                return Some(self.labels[l].lstmt);
            }
            b = self.blocks[bi].parent;
        }
        None
    }

    fn enclosing_target(&mut self, mut b: Option<usize>, name: &str) -> Enclosing {
        let Some(&l) = self.by_name.get(name) else {
            return Enclosing::NotDeclared;
        };
        self.labels[l].used = true;
        while let Some(bi) = b {
            if self.blocks[bi].lstmt == Some(self.labels[l].lstmt) {
                return Enclosing::Found(self.labels[l].lstmt);
            }
            b = self.blocks[bi].parent;
        }
        Enclosing::NotEnclosing
    }

    fn labeled_inner(&self, s: StmtId) -> StmtId {
        match &self.ast.stmt(s).kind {
            StmtKind::Labeled { stmt, .. } => *stmt,
            _ => s,
        }
    }

    /// Checks one block; returns the forward gotos not resolved inside it.
    fn block_branches(
        &mut self,
        parent: Option<usize>,
        ctxt: Targets,
        lstmt: Option<StmtId>,
        start: Pos,
        body: &[StmtId],
    ) -> Vec<StmtId> {
        self.blocks.push(BlockInfo { parent, start, lstmt });
        let b = self.blocks.len() - 1;
        let ast = self.ast;

        let mut var_pos = Pos::NONE;
        let mut var_name = String::new();
        let mut fwd_gotos: Vec<StmtId> = Vec::new();
        let mut bad_gotos: Vec<StmtId> = Vec::new();

        // Trailing empty statements do not count (a fallthrough must be last).
        let mut n = body.len();
        while n > 0 && matches!(ast.stmt(body[n - 1]).kind, StmtKind::Empty) {
            n -= 1;
        }
        let list = &body[..n];

        for (index, &stmt0) in list.iter().enumerate() {
            let mut lstmt: Option<StmtId> = None;
            let mut stmt = stmt0;
            loop {
                let s = ast.stmt(stmt);
                match &s.kind {
                    StmtKind::Decl(g) => {
                        if g.kind == GenKind::Var {
                            if let Some(Spec::Value(v)) = g.specs.first() {
                                var_pos = v.pos;
                                var_name = v.names.first().map(|n| n.name.to_string()).unwrap_or_default();
                                bad_gotos = fwd_gotos.clone();
                            }
                        }
                    }
                    StmtKind::Labeled { label, stmt: inner } => {
                        if label.name != "_" {
                            let l = self.declare(b, stmt, label);
                            let mut keep = Vec::new();
                            for &fwd in &fwd_gotos {
                                let fl = goto_label(ast, fwd);
                                if fl.name == label.name {
                                    self.labels[l].used = true;
                                    if var_pos.is_known() && bad_gotos.contains(&fwd) {
                                        let at = self.pos_string(var_pos);
                                        let msg =
                                            format!("goto {} jumps over declaration of {var_name} at {at}", label.name);
                                        self.err(fl.pos, msg);
                                    }
                                } else {
                                    keep.push(fwd);
                                }
                            }
                            fwd_gotos = keep;
                            lstmt = Some(stmt);
                        }
                        stmt = *inner;
                        continue;
                    }
                    StmtKind::Branch { kind, label: None } => match kind {
                        BranchKind::Break => {
                            if ctxt.breaks.is_none() {
                                self.err(s.pos, "break is not in a loop, switch, or select".into());
                            }
                        }
                        BranchKind::Continue => {
                            if ctxt.continues.is_none() {
                                self.err(s.pos, "continue is not in a loop".into());
                            }
                        }
                        BranchKind::Fallthrough => {
                            let mut msg = Some("fallthrough statement out of place");
                            if let Some(t) = ctxt.breaks {
                                match &ast.stmt(t).kind {
                                    StmtKind::TypeSwitch { .. } => msg = Some("cannot fallthrough in type switch"),
                                    StmtKind::Switch { body: clauses, .. } => match ctxt.case_index {
                                        None => {}
                                        Some(_) if index + 1 < list.len() => {}
                                        Some(ci) if ci + 1 == clauses.len() => {
                                            msg = Some("cannot fallthrough final case in switch")
                                        }
                                        Some(_) => msg = None, // fallthrough ok
                                    },
                                    _ => {}
                                }
                            }
                            if let Some(m) = msg {
                                self.err(s.pos, m.into());
                            }
                        }
                        BranchKind::Goto => {}
                    },
                    StmtKind::Branch { kind, label: Some(label) } => {
                        let name = label.name.as_str();
                        match kind {
                            BranchKind::Break => match self.enclosing_target(Some(b), name) {
                                Enclosing::Found(t) => {
                                    let t = self.labeled_inner(t);
                                    if !matches!(
                                        ast.stmt(t).kind,
                                        StmtKind::Switch { .. }
                                            | StmtKind::TypeSwitch { .. }
                                            | StmtKind::Select { .. }
                                            | StmtKind::For { .. }
                                            | StmtKind::Range { .. }
                                    ) {
                                        self.err(label.pos, format!("invalid break label {name}"));
                                    }
                                }
                                Enclosing::NotEnclosing => {
                                    self.err(label.pos, format!("invalid break label {name}"));
                                }
                                Enclosing::NotDeclared => {
                                    self.err(label.pos, format!("break label not defined: {name}"));
                                }
                            },
                            BranchKind::Continue => match self.enclosing_target(Some(b), name) {
                                Enclosing::Found(t) => {
                                    let t = self.labeled_inner(t);
                                    if !matches!(ast.stmt(t).kind, StmtKind::For { .. } | StmtKind::Range { .. }) {
                                        self.err(label.pos, format!("invalid continue label {name}"));
                                    }
                                }
                                Enclosing::NotEnclosing => {
                                    self.err(label.pos, format!("invalid continue label {name}"));
                                }
                                Enclosing::NotDeclared => {
                                    self.err(label.pos, format!("continue label not defined: {name}"));
                                }
                            },
                            BranchKind::Goto => {
                                if self.goto_target(Some(b), name).is_none() {
                                    fwd_gotos.push(stmt);
                                }
                            }
                            BranchKind::Fallthrough => {}
                        }
                    }
                    StmtKind::Assign { op: AssignOp::Define, op_pos, lhs, .. } => {
                        var_pos = *op_pos;
                        var_name = list_string(ast, lhs);
                        bad_gotos = fwd_gotos.clone();
                    }
                    StmtKind::Block(blk) => {
                        let inner = Targets { case_index: None, ..ctxt };
                        let f = self.block_branches(Some(b), inner, lstmt, blk.lbrace, &blk.stmts);
                        fwd_gotos.extend(f);
                    }
                    StmtKind::If { then, els, .. } => {
                        let inner = Targets { case_index: None, ..ctxt };
                        let f = self.block_branches(Some(b), inner, lstmt, then.lbrace, &then.stmts);
                        fwd_gotos.extend(f);
                        if let Some(e) = els {
                            let epos = ast.stmt(*e).pos;
                            let f = self.block_branches(Some(b), inner, lstmt, epos, &[*e]);
                            fwd_gotos.extend(f);
                        }
                    }
                    StmtKind::For { body: blk, .. } | StmtKind::Range { body: blk, .. } => {
                        let inner = Targets { breaks: Some(stmt), continues: Some(stmt), case_index: None };
                        let f = self.block_branches(Some(b), inner, lstmt, blk.lbrace, &blk.stmts);
                        fwd_gotos.extend(f);
                    }
                    StmtKind::Switch { body: clauses, .. } | StmtKind::TypeSwitch { body: clauses, .. } => {
                        for (i, cc) in clauses.iter().enumerate() {
                            let inner = Targets { breaks: Some(stmt), continues: ctxt.continues, case_index: Some(i) };
                            let f = self.block_branches(Some(b), inner, lstmt, cc.pos, &cc.body);
                            fwd_gotos.extend(f);
                        }
                    }
                    StmtKind::Select { body: clauses, .. } => {
                        for cc in clauses {
                            let inner = Targets { breaks: Some(stmt), continues: ctxt.continues, case_index: None };
                            let f = self.block_branches(Some(b), inner, lstmt, cc.pos, &cc.body);
                            fwd_gotos.extend(f);
                        }
                    }
                    _ => {}
                }
                break;
            }
        }
        fwd_gotos
    }
}
