//! Expressions and simple statements back to Go text, in the short form gc's syntax printer uses inside
//! error messages (`syntax.String`): `x + y`, `f(a, b)`, `T{…}`, `func() {…}`.
//!
//! In: an [`Ast`] and a node id. Out: a one-line string. Used by the parser's error messages and available
//! to later phases that quote expressions the way gc does.

use crate::syntax::ast::{AssignOp, Ast, ChanDir, ExprId, ExprKind, Field, FuncType, InterfaceElem, StmtId, StmtKind};

/// gc's `syntax.String(x)` for an expression.
pub fn expr_string(ast: &Ast, id: ExprId) -> String {
    let mut s = String::new();
    expr(ast, id, &mut s, 0);
    s
}

/// gc's `syntax.String(s)` for a simple statement (assignment, send, inc/dec, expression).
pub fn stmt_string(ast: &Ast, id: StmtId) -> String {
    let mut s = String::new();
    match &ast.stmt(id).kind {
        StmtKind::Expr(x) => expr(ast, *x, &mut s, 0),
        StmtKind::Send { ch, value } => {
            expr(ast, *ch, &mut s, 0);
            s.push_str(" <- ");
            expr(ast, *value, &mut s, 0);
        }
        StmtKind::IncDec { x, inc } => {
            expr(ast, *x, &mut s, 0);
            s.push_str(if *inc { "++" } else { "--" });
        }
        StmtKind::Assign { lhs, op, rhs, .. } => {
            list(ast, lhs, &mut s, 0);
            match op {
                AssignOp::Assign => s.push_str(" = "),
                AssignOp::Define => s.push_str(" := "),
                AssignOp::Op(b) => {
                    s.push(' ');
                    s.push_str(b.as_str());
                    s.push_str("= ");
                }
            }
            list(ast, rhs, &mut s, 0);
        }
        _ => s.push_str("<stmt>"),
    }
    s
}

/// gc's printer for a list of expressions: `a, b, c`.
pub fn list_string(ast: &Ast, ids: &[ExprId]) -> String {
    let mut s = String::new();
    list(ast, ids, &mut s, 0);
    s
}

fn list(ast: &Ast, ids: &[ExprId], s: &mut String, depth: u32) {
    for (i, &x) in ids.iter().enumerate() {
        if i > 0 {
            s.push_str(", ");
        }
        expr(ast, x, s, depth);
    }
}

fn expr(ast: &Ast, id: ExprId, s: &mut String, depth: u32) {
    if depth > 100 {
        s.push('…');
        return;
    }
    let d = depth + 1;
    match &ast.expr(id).kind {
        ExprKind::Bad => s.push_str("<bad expr>"),
        ExprKind::Ident(n) => s.push_str(&n.name),
        ExprKind::BasicLit { raw, .. } => s.push_str(raw),
        ExprKind::CompositeLit { typ, elts, .. } => {
            if let Some(t) = typ {
                expr(ast, *t, s, d);
            }
            s.push_str(if elts.is_empty() { "{}" } else { "{…}" });
        }
        ExprKind::FuncLit { typ, body } => {
            func_type(ast, typ, s, d);
            s.push_str(if body.stmts.is_empty() { " {}" } else { " {…}" });
        }
        ExprKind::Paren(x) => {
            s.push('(');
            expr(ast, *x, s, d);
            s.push(')');
        }
        ExprKind::Selector { x, sel } => {
            expr(ast, *x, s, d);
            s.push('.');
            s.push_str(&sel.name);
        }
        ExprKind::Index { x, indices, .. } => {
            expr(ast, *x, s, d);
            s.push('[');
            list(ast, indices, s, d);
            s.push(']');
        }
        ExprKind::Slice { x, lo, hi, max, .. } => {
            expr(ast, *x, s, d);
            s.push('[');
            if let Some(lo) = lo {
                expr(ast, *lo, s, d);
            }
            s.push(':');
            if let Some(hi) = hi {
                expr(ast, *hi, s, d);
            }
            if let Some(m) = max {
                s.push(':');
                expr(ast, *m, s, d);
            }
            s.push(']');
        }
        ExprKind::TypeAssert { x, typ } => {
            expr(ast, *x, s, d);
            s.push_str(".(");
            match typ {
                Some(t) => expr(ast, *t, s, d),
                None => s.push_str("type"),
            }
            s.push(')');
        }
        ExprKind::Call { fun, args, ellipsis, .. } => {
            expr(ast, *fun, s, d);
            s.push('(');
            list(ast, args, s, d);
            if ellipsis.is_some() {
                s.push_str("...");
            }
            s.push(')');
        }
        ExprKind::Star(x) => {
            s.push('*');
            expr(ast, *x, s, d);
        }
        ExprKind::Unary { op, x } => {
            s.push_str(op.as_str());
            expr(ast, *x, s, d);
        }
        ExprKind::Binary { op, x, y, .. } => {
            expr(ast, *x, s, d);
            s.push(' ');
            s.push_str(op.as_str());
            s.push(' ');
            expr(ast, *y, s, d);
        }
        ExprKind::KeyValue { key, value, .. } => {
            expr(ast, *key, s, d);
            s.push_str(": ");
            expr(ast, *value, s, d);
        }
        ExprKind::ArrayType { len, elem } => {
            s.push('[');
            match len {
                Some(l) => expr(ast, *l, s, d),
                None => s.push_str("..."),
            }
            s.push(']');
            expr(ast, *elem, s, d);
        }
        ExprKind::SliceType { elem } => {
            s.push_str("[]");
            expr(ast, *elem, s, d);
        }
        ExprKind::StructType { fields } => {
            s.push_str("struct{");
            for (i, f) in fields.iter().enumerate() {
                if i > 0 {
                    s.push_str("; ");
                }
                field(ast, f, s, d);
                if let Some(tag) = &f.tag {
                    s.push(' ');
                    s.push_str(tag);
                }
            }
            s.push('}');
        }
        ExprKind::FuncType(ft) => func_type(ast, ft, s, d),
        ExprKind::InterfaceType { elems } => {
            s.push_str("interface{");
            for (i, e) in elems.iter().enumerate() {
                if i > 0 {
                    s.push_str("; ");
                }
                match e {
                    InterfaceElem::Method { name, typ } => {
                        s.push_str(&name.name);
                        signature(ast, typ, s, d);
                    }
                    InterfaceElem::Union(terms) => {
                        for (j, t) in terms.iter().enumerate() {
                            if j > 0 {
                                s.push_str(" | ");
                            }
                            if t.tilde {
                                s.push('~');
                            }
                            expr(ast, t.typ, s, d);
                        }
                    }
                }
            }
            s.push('}');
        }
        ExprKind::MapType { key, value } => {
            s.push_str("map[");
            expr(ast, *key, s, d);
            s.push(']');
            expr(ast, *value, s, d);
        }
        ExprKind::ChanType { dir, elem } => {
            s.push_str(match dir {
                ChanDir::Both => "chan ",
                ChanDir::Send => "chan<- ",
                ChanDir::Recv => "<-chan ",
            });
            let paren =
                *dir == ChanDir::Both && matches!(ast.expr(*elem).kind, ExprKind::ChanType { dir: ChanDir::Recv, .. });
            if paren {
                s.push('(');
            }
            expr(ast, *elem, s, d);
            if paren {
                s.push(')');
            }
        }
        ExprKind::Ellipsis { elem } => {
            s.push_str("...");
            expr(ast, *elem, s, d);
        }
    }
}

fn field(ast: &Ast, f: &Field, s: &mut String, d: u32) {
    for (i, n) in f.names.iter().enumerate() {
        if i > 0 {
            s.push_str(", ");
        }
        s.push_str(&n.name);
    }
    if !f.names.is_empty() {
        s.push(' ');
    }
    expr(ast, f.typ, s, d);
}

fn func_type(ast: &Ast, ft: &FuncType, s: &mut String, d: u32) {
    s.push_str("func");
    signature(ast, ft, s, d);
}

fn signature(ast: &Ast, ft: &FuncType, s: &mut String, d: u32) {
    s.push('(');
    for (i, f) in ft.params.iter().enumerate() {
        if i > 0 {
            s.push_str(", ");
        }
        field(ast, f, s, d);
    }
    s.push(')');
    if ft.results.is_empty() {
        return;
    }
    s.push(' ');
    if ft.results.len() == 1 && ft.results[0].names.is_empty() {
        expr(ast, ft.results[0].typ, s, d);
        return;
    }
    s.push('(');
    for (i, f) in ft.results.iter().enumerate() {
        if i > 0 {
            s.push_str(", ");
        }
        field(ast, f, s, d);
    }
    s.push(')');
}
