//! gc's spelling of types (`[]int`, `map[string]int`, `func(int) string`, `*T`, `struct{x int}`,
//! `untyped int`) and of expressions (go/types' `ExprString`), used in messages and by `dump types`.
//!
//! Types of the package being checked are written unqualified, as gc's messages do; `qualified` writes
//! `main.T` for dumps.

use super::super::{ObjKind, PkgId, TypeId, TypeKind};
use super::expr::{OpMode, Operand};
use super::Checker;
use crate::syntax::ast::*;
use crate::types::{universe, Objects, TypeTable};

/// Writes type `t`; `qual` is the package name to prefix named types with (`None`: unqualified).
pub fn type_string(tt: &TypeTable, objs: &Objects, t: TypeId, qual: Option<&str>) -> String {
    let mut s = String::new();
    let q = match qual {
        Some(p) => Qual::All(p),
        None => Qual::None,
    };
    write_type(tt, objs, t, q, &mut s, 0);
    s
}

/// How named types are qualified.
#[derive(Clone, Copy)]
enum Qual<'q> {
    None,
    /// Every package-level named type with this package name (dumps).
    All(&'q str),
    /// Named types of packages other than `current` with their package's name (types2's qualifier in
    /// messages: `sync.Mutex`, but `T` for the package being checked). `names[pkg]` is (path, name).
    Others { current: PkgId, names: &'q [(String, String)] },
}

fn write_type(tt: &TypeTable, objs: &Objects, t: TypeId, qual: Qual, s: &mut String, depth: u32) {
    if depth > 50 {
        s.push_str("...");
        return;
    }
    let d = depth + 1;
    match tt.kind(t) {
        TypeKind::Basic(b) => s.push_str(universe::basic_name(*b)),
        TypeKind::Pointer(b) => {
            s.push('*');
            write_type(tt, objs, *b, qual, s, d);
        }
        TypeKind::Slice(b) => {
            s.push_str("[]");
            write_type(tt, objs, *b, qual, s, d);
        }
        TypeKind::Array { len, elem } => {
            s.push_str(&format!("[{len}]"));
            write_type(tt, objs, *elem, qual, s, d);
        }
        TypeKind::Map { key, value } => {
            s.push_str("map[");
            write_type(tt, objs, *key, qual, s, d);
            s.push(']');
            write_type(tt, objs, *value, qual, s, d);
        }
        TypeKind::Chan { dir, elem } => {
            let parens = match dir {
                ChanDir::Send => {
                    s.push_str("chan<- ");
                    false
                }
                ChanDir::Recv => {
                    s.push_str("<-chan ");
                    false
                }
                ChanDir::Both => {
                    s.push_str("chan ");
                    // chan (<-chan T) needs parentheses
                    matches!(tt.kind(*elem), TypeKind::Chan { dir: ChanDir::Recv, .. })
                }
            };
            if parens {
                s.push('(');
            }
            write_type(tt, objs, *elem, qual, s, d);
            if parens {
                s.push(')');
            }
        }
        TypeKind::Struct { fields } => {
            s.push_str("struct{");
            for (i, f) in fields.iter().enumerate() {
                if i > 0 {
                    s.push_str("; ");
                }
                if !f.embedded {
                    s.push_str(&f.name);
                    s.push(' ');
                }
                write_type(tt, objs, f.typ, qual, s, d);
                if !f.tag.is_empty() {
                    s.push(' ');
                    s.push_str(&crate::types::constant::quote_bytes(f.tag.as_bytes()));
                }
            }
            s.push('}');
        }
        TypeKind::Func(sig) => {
            s.push_str("func");
            write_sig(tt, objs, sig, qual, s, d);
        }
        TypeKind::Interface { methods, embeddeds } => {
            s.push_str("interface{");
            let mut first = true;
            for e in embeddeds {
                if !first {
                    s.push_str("; ");
                }
                first = false;
                write_type(tt, objs, *e, qual, s, d);
            }
            for m in methods {
                if !first {
                    s.push_str("; ");
                }
                first = false;
                s.push_str(&m.name);
                if let TypeKind::Func(sig) = tt.kind(m.typ) {
                    write_sig(tt, objs, sig, qual, s, d);
                }
            }
            s.push('}');
        }
        TypeKind::Union(terms) => {
            for (i, (tilde, tt2)) in terms.iter().enumerate() {
                if i > 0 {
                    s.push_str(" | ");
                }
                if *tilde {
                    s.push('~');
                }
                write_type(tt, objs, *tt2, qual, s, d);
            }
        }
        TypeKind::Tuple(ts) => {
            s.push('(');
            for (i, x) in ts.iter().enumerate() {
                if i > 0 {
                    s.push_str(", ");
                }
                write_type(tt, objs, *x, qual, s, d);
            }
            s.push(')');
        }
        TypeKind::Named(n) => {
            let o = objs.get(n.obj);
            match (qual, o.pkg) {
                (Qual::All(q), Some(_)) => {
                    s.push_str(q);
                    s.push('.');
                }
                (Qual::Others { current, names }, Some(p)) if p != current => {
                    if let Some((_, name)) = names.get(p.0 as usize) {
                        s.push_str(name);
                        s.push('.');
                    }
                }
                _ => {}
            }
            s.push_str(&o.name);
            if !n.targs.is_empty() {
                s.push('[');
                for (i, a) in n.targs.iter().enumerate() {
                    if i > 0 {
                        s.push_str(", ");
                    }
                    write_type(tt, objs, *a, qual, s, d);
                }
                s.push(']');
            }
        }
        TypeKind::TypeParam { obj, .. } => s.push_str(&objs.get(*obj).name),
    }
}

fn write_sig(tt: &TypeTable, objs: &Objects, sig: &crate::types::Signature, qual: Qual, s: &mut String, d: u32) {
    s.push('(');
    for (i, p) in sig.params.iter().enumerate() {
        if i > 0 {
            s.push_str(", ");
        }
        if sig.variadic && i + 1 == sig.params.len() {
            s.push_str("...");
            if let TypeKind::Slice(e) = tt.kind(*p) {
                write_type(tt, objs, *e, qual, s, d);
                continue;
            }
        }
        write_type(tt, objs, *p, qual, s, d);
    }
    s.push(')');
    match sig.results.len() {
        0 => {}
        1 => {
            s.push(' ');
            write_type(tt, objs, sig.results[0], qual, s, d);
        }
        _ => {
            s.push_str(" (");
            for (i, r) in sig.results.iter().enumerate() {
                if i > 0 {
                    s.push_str(", ");
                }
                write_type(tt, objs, *r, qual, s, d);
            }
            s.push(')');
        }
    }
}

/// go/types' `ExprString`: a compact source form of an expression (function literal bodies elided).
pub fn expr_string(ast: &Ast, e: ExprId) -> String {
    let mut s = String::new();
    write_expr(ast, e, &mut s);
    s
}

fn write_list(ast: &Ast, es: &[ExprId], s: &mut String) {
    for (i, e) in es.iter().enumerate() {
        if i > 0 {
            s.push_str(", ");
        }
        write_expr(ast, *e, s);
    }
}

fn write_fields(ast: &Ast, fs: &[Field], sep: &str, s: &mut String) {
    for (i, f) in fs.iter().enumerate() {
        if i > 0 {
            s.push_str(sep);
        }
        for (j, n) in f.names.iter().enumerate() {
            if j > 0 {
                s.push_str(", ");
            }
            s.push_str(&n.name);
        }
        if !f.names.is_empty() {
            s.push(' ');
        }
        write_expr(ast, f.typ, s);
    }
}

fn write_functype(ast: &Ast, ft: &FuncType, s: &mut String) {
    s.push('(');
    write_fields(ast, &ft.params, ", ", s);
    s.push(')');
    if ft.results.is_empty() {
        return;
    }
    s.push(' ');
    if ft.results.len() == 1 && ft.results[0].names.is_empty() {
        write_expr(ast, ft.results[0].typ, s);
        return;
    }
    s.push('(');
    write_fields(ast, &ft.results, ", ", s);
    s.push(')');
}

fn write_expr(ast: &Ast, e: ExprId, s: &mut String) {
    match &ast.expr(e).kind {
        ExprKind::Bad => s.push_str("BadExpr"),
        ExprKind::Ident(id) => s.push_str(&id.name),
        ExprKind::BasicLit { raw, .. } => s.push_str(raw),
        // gc's short form elides the elements and the body, but not their absence
        ExprKind::CompositeLit { typ, elts, .. } => {
            if let Some(t) = typ {
                write_expr(ast, *t, s);
            }
            s.push_str(if elts.is_empty() { "{}" } else { "{…}" });
        }
        ExprKind::FuncLit { typ, body } => {
            s.push_str("func");
            write_functype(ast, typ, s);
            s.push_str(if body.stmts.is_empty() { " {}" } else { " {…}" });
        }
        ExprKind::Paren(x) => {
            s.push('(');
            write_expr(ast, *x, s);
            s.push(')');
        }
        ExprKind::Selector { x, sel } => {
            write_expr(ast, *x, s);
            s.push('.');
            s.push_str(&sel.name);
        }
        ExprKind::Index { x, indices, .. } => {
            write_expr(ast, *x, s);
            s.push('[');
            write_list(ast, indices, s);
            s.push(']');
        }
        ExprKind::Slice { x, lo, hi, max, .. } => {
            write_expr(ast, *x, s);
            s.push('[');
            if let Some(l) = lo {
                write_expr(ast, *l, s);
            }
            s.push(':');
            if let Some(h) = hi {
                write_expr(ast, *h, s);
            }
            if let Some(m) = max {
                s.push(':');
                write_expr(ast, *m, s);
            }
            s.push(']');
        }
        ExprKind::TypeAssert { x, typ } => {
            write_expr(ast, *x, s);
            s.push_str(".(");
            match typ {
                Some(t) => write_expr(ast, *t, s),
                None => s.push_str("type"),
            }
            s.push(')');
        }
        ExprKind::Call { fun, args, ellipsis, .. } => {
            write_expr(ast, *fun, s);
            s.push('(');
            write_list(ast, args, s);
            if ellipsis.is_some() {
                s.push_str("...");
            }
            s.push(')');
        }
        ExprKind::Star(x) => {
            s.push('*');
            write_expr(ast, *x, s);
        }
        ExprKind::Unary { op, x } => {
            s.push_str(op.as_str());
            write_expr(ast, *x, s);
        }
        ExprKind::Binary { op, x, y, .. } => {
            write_expr(ast, *x, s);
            s.push(' ');
            s.push_str(op.as_str());
            s.push(' ');
            write_expr(ast, *y, s);
        }
        ExprKind::KeyValue { key, value } => {
            write_expr(ast, *key, s);
            s.push_str(": ");
            write_expr(ast, *value, s);
        }
        ExprKind::ArrayType { len, elem } => {
            s.push('[');
            match len {
                Some(l) => write_expr(ast, *l, s),
                None => s.push_str("..."),
            }
            s.push(']');
            write_expr(ast, *elem, s);
        }
        ExprKind::SliceType { elem } => {
            s.push_str("[]");
            write_expr(ast, *elem, s);
        }
        ExprKind::StructType { fields } => {
            s.push_str("struct{");
            write_fields(ast, fields, "; ", s);
            s.push('}');
        }
        ExprKind::FuncType(ft) => {
            s.push_str("func");
            write_functype(ast, ft, s);
        }
        ExprKind::InterfaceType { elems } => {
            s.push_str("interface{");
            for (i, el) in elems.iter().enumerate() {
                if i > 0 {
                    s.push_str("; ");
                }
                match el {
                    InterfaceElem::Method { name, typ } => {
                        s.push_str(&name.name);
                        write_functype(ast, typ, s);
                    }
                    InterfaceElem::Union(terms) => {
                        for (j, t) in terms.iter().enumerate() {
                            if j > 0 {
                                s.push_str(" | ");
                            }
                            if t.tilde {
                                s.push('~');
                            }
                            write_expr(ast, t.typ, s);
                        }
                    }
                }
            }
            s.push('}');
        }
        ExprKind::MapType { key, value } => {
            s.push_str("map[");
            write_expr(ast, *key, s);
            s.push(']');
            write_expr(ast, *value, s);
        }
        ExprKind::ChanType { dir, elem } => {
            s.push_str(match dir {
                ChanDir::Both => "chan ",
                ChanDir::Send => "chan<- ",
                ChanDir::Recv => "<-chan ",
            });
            write_expr(ast, *elem, s);
        }
        ExprKind::Ellipsis { elem } => {
            s.push_str("...");
            write_expr(ast, *elem, s);
        }
    }
}

impl<'a> Checker<'a> {
    /// A type as gc's messages spell it: named types of other packages qualified by their package name.
    pub fn type_string(&self, t: TypeId) -> String {
        let mut s = String::new();
        write_type(&self.t, &self.objs, t, Qual::Others { current: self.pkg, names: &self.pkg_meta }, &mut s, 0);
        s
    }

    pub fn sig_string(&self, t: TypeId) -> String {
        let s = self.type_string(t);
        s.strip_prefix("func").map(|x| x.to_string()).unwrap_or(s)
    }

    pub fn expr_string(&self, e: ExprId) -> String {
        expr_string(self.ast, e)
    }

    /// go/types' `operandString`: `x (variable of type int)`, `300 (untyped int constant)`, ...
    pub fn operand_string(&self, x: &Operand) -> String {
        if x.typ == TypeId::UNTYPED_NIL && x.mode != OpMode::Invalid {
            return "nil".into();
        }
        let expr = self.expr_string(x.expr);
        let mut s = format!("{expr} (");
        let mut has_type = false;
        match x.mode {
            OpMode::Invalid | OpMode::NoValue | OpMode::Builtin | OpMode::TypeExpr => {}
            _ => {
                if self.is_untyped(x.typ) {
                    s.push_str(universe::basic_name(self.t.basic(x.typ).unwrap()));
                    s.push(' ');
                } else {
                    has_type = true;
                }
            }
        }
        s.push_str(match x.mode {
            OpMode::Invalid => "invalid operand",
            OpMode::NoValue => "no value",
            OpMode::Builtin => "built-in",
            OpMode::TypeExpr => "type",
            OpMode::Constant => "constant",
            OpMode::Variable => "variable",
            OpMode::MapIndex => "map index expression",
            OpMode::Value => "value",
            OpMode::CommaOk => "comma, ok expression",
        });
        if x.mode == OpMode::Constant {
            if let Some(v) = &x.val {
                let vs = v.describe();
                if vs != expr {
                    s.push(' ');
                    s.push_str(&vs);
                }
            }
        }
        if has_type {
            if x.typ != TypeId::INVALID {
                s.push_str(" of type ");
                s.push_str(&self.type_string(x.typ));
                if let TypeKind::TypeParam { constraint, .. } = self.t.kind(x.typ) {
                    s.push_str(" constrained by ");
                    s.push_str(&self.type_string(*constraint));
                }
            } else {
                s.push_str(" with invalid type");
            }
        }
        s.push(')');
        let _ = ObjKind::Label;
        s
    }
}
