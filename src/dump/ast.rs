//! `g1c dump ast`: the parser's tree as an indented outline, for learners and golden tests.
//!
//! In: the [`Ast`] of one or more files. Out: text, one node per line: two spaces of indentation per level,
//! then the role of the node in its parent (`x:`, `cond:`, `body:` ...) when it has one, the node kind named
//! after the Go spec / go/ast, the node's details (names, operators, literal text), and its position as
//! `@line:col`. The output depends only on the tree, so it is deterministic.

use crate::syntax::ast::{
    AssignOp, Ast, Block, BranchKind, CaseClause, ChanDir, CommClause, Decl, ExprId, ExprKind, Field, FuncType,
    GenDecl, GenKind, Ident, InterfaceElem, LitKind, Spec, StmtId, StmtKind,
};
use crate::syntax::pos::{FileSet, Pos};

pub fn dump_ast(fset: &FileSet, ast: &Ast) -> String {
    let mut d = Dumper { fset, ast, out: String::new() };
    for f in &ast.files {
        let name = fset.files().nth(f.file_id as usize).map(|(_, sf)| sf.name.clone()).unwrap_or_default();
        d.line(0, "", &format!("File {name}"), Pos::NONE);
        d.line(1, "", &format!("Package {}", f.package.name), f.package.pos);
        if let Some(b) = &f.go_build {
            d.line(1, "", &format!("GoBuild {b}"), Pos::NONE);
        }
        for b in &f.plus_build {
            d.line(1, "", &format!("PlusBuild {b}"), Pos::NONE);
        }
        for dir in &f.directives {
            d.line(1, "", &format!("Directive //{}", dir.text), dir.pos);
        }
        for imp in &f.imports {
            let name = imp.name.as_ref().map(|n| format!("{} ", n.name)).unwrap_or_default();
            d.line(1, "", &format!("Import {name}{:?}", imp.path), imp.pos);
        }
        for decl in &f.decls {
            d.decl(1, decl);
        }
    }
    d.out
}

struct Dumper<'a> {
    fset: &'a FileSet,
    ast: &'a Ast,
    out: String,
}

impl Dumper<'_> {
    fn line(&mut self, depth: usize, role: &str, text: &str, pos: Pos) {
        for _ in 0..depth {
            self.out.push_str("  ");
        }
        if !role.is_empty() {
            self.out.push_str(role);
            self.out.push_str(": ");
        }
        self.out.push_str(text);
        if let Some(p) = self.fset.position(pos) {
            self.out.push_str(&format!(" @{}:{}", p.line, p.col));
        }
        self.out.push('\n');
    }

    fn decl(&mut self, depth: usize, decl: &Decl) {
        match decl {
            Decl::Gen(g) => self.gen_decl(depth, g),
            Decl::Func(f) => {
                let kind = if f.recv.is_some() { "MethodDecl" } else { "FuncDecl" };
                self.line(depth, "", &format!("{kind} {}", f.name.name), f.pos);
                for p in &f.pragmas {
                    self.line(depth + 1, "pragma", &format!("//{}", p.text), p.pos);
                }
                if let Some(r) = &f.recv {
                    self.fields(depth + 1, "recv", r);
                }
                self.fields(depth + 1, "tparams", &f.tparams);
                self.signature(depth + 1, &f.typ);
                match &f.body {
                    Some(b) => self.block(depth + 1, "body", b),
                    None => self.line(depth + 1, "body", "(none)", Pos::NONE),
                }
            }
            Decl::Bad(p) => self.line(depth, "", "BadDecl", *p),
        }
    }

    fn gen_decl(&mut self, depth: usize, g: &GenDecl) {
        let kind = match g.kind {
            GenKind::Const => "ConstDecl",
            GenKind::Var => "VarDecl",
            GenKind::Type => "TypeDecl",
        };
        let grouped = if g.grouped { " (grouped)" } else { "" };
        self.line(depth, "", &format!("{kind}{grouped}"), g.pos);
        for s in &g.specs {
            match s {
                Spec::Value(v) => {
                    let iota = if g.kind == GenKind::Const { format!(" iota={}", v.iota) } else { String::new() };
                    self.line(depth + 1, "", &format!("ValueSpec {}{iota}", names(&v.names)), v.pos);
                    if let Some(t) = v.typ {
                        self.expr(depth + 2, "type", t);
                    }
                    for &x in &v.values {
                        self.expr(depth + 2, "value", x);
                    }
                }
                Spec::Type(t) => {
                    let alias = if t.alias { " (alias)" } else { "" };
                    self.line(depth + 1, "", &format!("TypeSpec {}{alias}", t.name.name), t.pos);
                    self.fields(depth + 2, "tparams", &t.tparams);
                    self.expr(depth + 2, "type", t.typ);
                }
            }
        }
    }

    fn fields(&mut self, depth: usize, role: &str, fields: &[Field]) {
        if fields.is_empty() {
            return;
        }
        self.line(depth, role, "FieldList", Pos::NONE);
        for f in fields {
            let mut text = String::from("Field");
            if !f.names.is_empty() {
                text.push(' ');
                text.push_str(&names(&f.names));
            } else {
                text.push_str(" (embedded or unnamed)");
            }
            if let Some(tag) = &f.tag {
                text.push_str(&format!(" tag={tag}"));
            }
            self.line(depth + 1, "", &text, f.pos);
            self.expr(depth + 2, "type", f.typ);
        }
    }

    fn signature(&mut self, depth: usize, t: &FuncType) {
        self.line(depth, "type", "FuncType", t.pos);
        self.fields(depth + 1, "params", &t.params);
        self.fields(depth + 1, "results", &t.results);
    }

    fn block(&mut self, depth: usize, role: &str, b: &Block) {
        self.line(depth, role, "Block", b.lbrace);
        for &s in &b.stmts {
            self.stmt(depth + 1, "", s);
        }
    }

    fn opt_stmt(&mut self, depth: usize, role: &str, s: Option<StmtId>) {
        if let Some(s) = s {
            self.stmt(depth, role, s);
        }
    }

    fn stmt(&mut self, depth: usize, role: &str, id: StmtId) {
        let s = self.ast.stmt(id);
        let pos = s.pos;
        let d = depth + 1;
        match &s.kind {
            StmtKind::Bad => self.line(depth, role, "BadStmt", pos),
            StmtKind::Decl(g) => {
                self.line(depth, role, "DeclStmt", pos);
                self.gen_decl(d, g);
            }
            StmtKind::Empty => self.line(depth, role, "EmptyStmt", pos),
            StmtKind::Labeled { label, stmt } => {
                self.line(depth, role, &format!("LabeledStmt {}", label.name), pos);
                self.stmt(d, "", *stmt);
            }
            StmtKind::Expr(x) => {
                self.line(depth, role, "ExprStmt", pos);
                self.expr(d, "", *x);
            }
            StmtKind::Send { ch, value } => {
                self.line(depth, role, "SendStmt", pos);
                self.expr(d, "ch", *ch);
                self.expr(d, "value", *value);
            }
            StmtKind::IncDec { x, inc } => {
                self.line(depth, role, &format!("IncDecStmt {}", if *inc { "++" } else { "--" }), pos);
                self.expr(d, "", *x);
            }
            StmtKind::Assign { lhs, op, op_pos, rhs } => {
                let op = match op {
                    AssignOp::Assign => "=".to_string(),
                    AssignOp::Define => ":=".to_string(),
                    AssignOp::Op(b) => format!("{}=", b.as_str()),
                };
                let at = self.fset.position(*op_pos).map(|p| format!(" (op @{}:{})", p.line, p.col));
                self.line(depth, role, &format!("AssignStmt {op}{}", at.unwrap_or_default()), pos);
                for &x in lhs {
                    self.expr(d, "lhs", x);
                }
                for &x in rhs {
                    self.expr(d, "rhs", x);
                }
            }
            StmtKind::Go(x) => {
                self.line(depth, role, "GoStmt", pos);
                self.expr(d, "", *x);
            }
            StmtKind::Defer(x) => {
                self.line(depth, role, "DeferStmt", pos);
                self.expr(d, "", *x);
            }
            StmtKind::Return(xs) => {
                self.line(depth, role, "ReturnStmt", pos);
                for &x in xs {
                    self.expr(d, "", x);
                }
            }
            StmtKind::Branch { kind, label } => {
                let k = match kind {
                    BranchKind::Break => "break",
                    BranchKind::Continue => "continue",
                    BranchKind::Goto => "goto",
                    BranchKind::Fallthrough => "fallthrough",
                };
                let l = label.as_ref().map(|l| format!(" {}", l.name)).unwrap_or_default();
                self.line(depth, role, &format!("BranchStmt {k}{l}"), pos);
            }
            StmtKind::Block(b) => self.block(depth, role, b),
            StmtKind::If { init, cond, then, els } => {
                self.line(depth, role, "IfStmt", pos);
                self.opt_stmt(d, "init", *init);
                self.expr(d, "cond", *cond);
                self.block(d, "then", then);
                self.opt_stmt(d, "else", *els);
            }
            StmtKind::Switch { init, tag, body, .. } => {
                self.line(depth, role, "SwitchStmt", pos);
                self.opt_stmt(d, "init", *init);
                if let Some(t) = tag {
                    self.expr(d, "tag", *t);
                }
                self.case_clauses(d, body);
            }
            StmtKind::TypeSwitch { init, assign, body, .. } => {
                self.line(depth, role, "TypeSwitchStmt", pos);
                self.opt_stmt(d, "init", *init);
                self.stmt(d, "assign", *assign);
                self.case_clauses(d, body);
            }
            StmtKind::Select { body, .. } => {
                self.line(depth, role, "SelectStmt", pos);
                self.comm_clauses(d, body);
            }
            StmtKind::For { init, cond, post, body } => {
                self.line(depth, role, "ForStmt", pos);
                self.opt_stmt(d, "init", *init);
                if let Some(c) = cond {
                    self.expr(d, "cond", *c);
                }
                self.opt_stmt(d, "post", *post);
                self.block(d, "body", body);
            }
            StmtKind::Range { key, value, define, x, body, .. } => {
                let tok = match (key, define) {
                    (None, _) => "",
                    (Some(_), true) => " :=",
                    (Some(_), false) => " =",
                };
                self.line(depth, role, &format!("RangeStmt{tok}"), pos);
                if let Some(k) = key {
                    self.expr(d, "key", *k);
                }
                if let Some(v) = value {
                    self.expr(d, "value", *v);
                }
                self.expr(d, "x", *x);
                self.block(d, "body", body);
            }
        }
    }

    fn case_clauses(&mut self, depth: usize, body: &[CaseClause]) {
        for c in body {
            match &c.list {
                Some(list) => {
                    self.line(depth, "", "CaseClause", c.pos);
                    for &x in list {
                        self.expr(depth + 1, "case", x);
                    }
                }
                None => self.line(depth, "", "CaseClause default", c.pos),
            }
            for &s in &c.body {
                self.stmt(depth + 1, "", s);
            }
        }
    }

    fn comm_clauses(&mut self, depth: usize, body: &[CommClause]) {
        for c in body {
            match c.comm {
                Some(s) => {
                    self.line(depth, "", "CommClause", c.pos);
                    self.stmt(depth + 1, "comm", s);
                }
                None => self.line(depth, "", "CommClause default", c.pos),
            }
            for &s in &c.body {
                self.stmt(depth + 1, "", s);
            }
        }
    }

    fn opt_expr(&mut self, depth: usize, role: &str, x: Option<ExprId>) {
        if let Some(x) = x {
            self.expr(depth, role, x);
        }
    }

    fn expr(&mut self, depth: usize, role: &str, id: ExprId) {
        let e = self.ast.expr(id);
        let pos = e.pos;
        let d = depth + 1;
        match &e.kind {
            ExprKind::Bad => self.line(depth, role, "BadExpr", pos),
            ExprKind::Ident(n) => self.line(depth, role, &format!("Ident {}", n.name), pos),
            ExprKind::BasicLit { kind, raw, .. } => {
                let k = match kind {
                    LitKind::Int => "Int",
                    LitKind::Float => "Float",
                    LitKind::Imag => "Imag",
                    LitKind::Char => "Char",
                    LitKind::String => "String",
                };
                self.line(depth, role, &format!("BasicLit {k} {raw}"), pos);
            }
            ExprKind::CompositeLit { typ, elts, .. } => {
                self.line(depth, role, "CompositeLit", pos);
                self.opt_expr(d, "type", *typ);
                for &x in elts {
                    self.expr(d, "elt", x);
                }
            }
            ExprKind::FuncLit { typ, body } => {
                self.line(depth, role, "FuncLit", pos);
                self.signature(d, typ);
                self.block(d, "body", body);
            }
            ExprKind::Paren(x) => {
                self.line(depth, role, "ParenExpr", pos);
                self.expr(d, "", *x);
            }
            ExprKind::Selector { x, sel } => {
                self.line(depth, role, &format!("SelectorExpr .{}", sel.name), pos);
                self.expr(d, "x", *x);
            }
            ExprKind::Index { x, indices, .. } => {
                self.line(depth, role, "IndexExpr", pos);
                self.expr(d, "x", *x);
                for &i in indices {
                    self.expr(d, "index", i);
                }
            }
            ExprKind::Slice { x, lo, hi, max, slice3, .. } => {
                self.line(depth, role, if *slice3 { "SliceExpr (3-index)" } else { "SliceExpr" }, pos);
                self.expr(d, "x", *x);
                self.opt_expr(d, "lo", *lo);
                self.opt_expr(d, "hi", *hi);
                self.opt_expr(d, "max", *max);
            }
            ExprKind::TypeAssert { x, typ } => {
                let t = if typ.is_none() { " (type)" } else { "" };
                self.line(depth, role, &format!("TypeAssertExpr{t}"), pos);
                self.expr(d, "x", *x);
                self.opt_expr(d, "type", *typ);
            }
            ExprKind::Call { fun, args, ellipsis, .. } => {
                self.line(depth, role, if ellipsis.is_some() { "CallExpr (...)" } else { "CallExpr" }, pos);
                self.expr(d, "fun", *fun);
                for &a in args {
                    self.expr(d, "arg", a);
                }
            }
            ExprKind::Star(x) => {
                self.line(depth, role, "StarExpr", pos);
                self.expr(d, "", *x);
            }
            ExprKind::Unary { op, x } => {
                self.line(depth, role, &format!("UnaryExpr {}", op.as_str()), pos);
                self.expr(d, "", *x);
            }
            ExprKind::Binary { op, op_pos, x, y } => {
                let at = self.fset.position(*op_pos).map(|p| format!(" (op @{}:{})", p.line, p.col));
                self.line(depth, role, &format!("BinaryExpr {}{}", op.as_str(), at.unwrap_or_default()), pos);
                self.expr(d, "x", *x);
                self.expr(d, "y", *y);
            }
            ExprKind::KeyValue { key, value, .. } => {
                self.line(depth, role, "KeyValueExpr", pos);
                self.expr(d, "key", *key);
                self.expr(d, "value", *value);
            }
            ExprKind::ArrayType { len, elem } => {
                self.line(depth, role, if len.is_none() { "ArrayType [...]" } else { "ArrayType" }, pos);
                self.opt_expr(d, "len", *len);
                self.expr(d, "elem", *elem);
            }
            ExprKind::SliceType { elem } => {
                self.line(depth, role, "SliceType", pos);
                self.expr(d, "elem", *elem);
            }
            ExprKind::StructType { fields } => {
                self.line(depth, role, "StructType", pos);
                self.fields(d, "fields", fields);
            }
            ExprKind::FuncType(t) => {
                self.line(depth, role, "FuncType", pos);
                self.fields(d, "params", &t.params);
                self.fields(d, "results", &t.results);
            }
            ExprKind::InterfaceType { elems } => {
                self.line(depth, role, "InterfaceType", pos);
                for el in elems {
                    match el {
                        InterfaceElem::Method { name, typ } => {
                            self.line(d, "", &format!("Method {}", name.name), name.pos);
                            self.fields(d + 1, "params", &typ.params);
                            self.fields(d + 1, "results", &typ.results);
                        }
                        InterfaceElem::Union(terms) => {
                            self.line(d, "", "Union", terms.first().map(|t| t.pos).unwrap_or(Pos::NONE));
                            for t in terms {
                                self.expr(d + 1, if t.tilde { "~term" } else { "term" }, t.typ);
                            }
                        }
                    }
                }
            }
            ExprKind::MapType { key, value } => {
                self.line(depth, role, "MapType", pos);
                self.expr(d, "key", *key);
                self.expr(d, "value", *value);
            }
            ExprKind::ChanType { dir, elem } => {
                let dir = match dir {
                    ChanDir::Both => "chan",
                    ChanDir::Send => "chan<-",
                    ChanDir::Recv => "<-chan",
                };
                self.line(depth, role, &format!("ChanType {dir}"), pos);
                self.expr(d, "elem", *elem);
            }
            ExprKind::Ellipsis { elem } => {
                self.line(depth, role, "Ellipsis", pos);
                self.expr(d, "elem", *elem);
            }
        }
    }
}

fn names(ns: &[Ident]) -> String {
    ns.iter().map(|n| n.name.as_str()).collect::<Vec<_>>().join(", ")
}
