//! gc's spelling of types (`[]int`, `map[string]int`, `func(int) string`, `*T`, `struct{x int}`,
//! `untyped int`) and of expressions (go/types' `ExprString`), used in messages and by `dump types`.
//!
//! Types of the package being checked are written unqualified, as gc's messages do; `qualified` writes
//! `main.T` for dumps.

use super::super::{ObjKind, PkgId, TypeId, TypeKind};
use super::expr::{OpMode, Operand};
use super::Checker;
use crate::syntax::ast::*;
use crate::types::{Objects, TypeTable};

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
    Others {
        current: PkgId,
        names: &'q [(String, String)],
    },
}

fn write_type(tt: &TypeTable, objs: &Objects, t: TypeId, qual: Qual, s: &mut String, depth: u32) {
    if depth > 50 {
        s.push_str("...");
        return;
    }
    let d = depth + 1;
    match tt.kind(t) {
        TypeKind::Basic(b) => s.push_str(b.name()),
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
        ExprKind::KeyValue { key, value, .. } => {
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

    /// `t` as gc spells it when it was written as type expression `e`. `byte` and `rune` share the ids of
    /// `uint8` and `int32` here (identity is id equality), but types2 keeps them as distinct universe
    /// objects and prints the name that was written: `[]rune(sb)` fails "to type []rune". So a type written
    /// with `byte`/`rune` is spelled from its expression; any other is `type_string(t)`.
    pub fn type_string_as_written(&self, t: TypeId, e: Option<ExprId>) -> String {
        match e.and_then(|e| self.spelled(e)) {
            Some((s, tt)) if tt == t => s,
            _ => self.type_string(t),
        }
    }

    /// Remembers that variable `v` was declared with type expression `te`, if that mentions `byte`/`rune`.
    pub fn note_written_type(&mut self, v: super::super::ObjId, te: ExprId) {
        if self.spelled(te).is_some() {
            self.written_types.insert(v, te);
        }
    }

    /// The type expression that spells the type of value expression `e`, if it mentions `byte`/`rune`: the
    /// declared type of a variable, or the type of a conversion.
    pub fn written_type_expr(&self, e: ExprId) -> Option<ExprId> {
        let e = self.ast.unparen(e);
        match &self.ast.expr(e).kind {
            ExprKind::Ident(id) => self.info.uses.get(&id.pos).and_then(|o| self.written_types.get(o)).copied(),
            ExprKind::Call { fun, .. }
                if self.info.types.get(fun).is_some_and(|tv| tv.mode == super::super::Mode::TypeExpr) =>
            {
                self.spelled(*fun).map(|_| *fun)
            }
            _ => None,
        }
    }

    /// The type of operand `x` as types2 would print it: as its variable was declared, `byte` for an
    /// element of a string (types2's `universeByte`), or as a conversion's type was written.
    fn operand_type_string(&self, x: &Operand) -> String {
        let e = self.ast.unparen(x.expr);
        let written = match &self.ast.expr(e).kind {
            ExprKind::Index { x: base, .. } if x.typ == TypeId::UINT8 => {
                let bt = self.info.types.get(base).map(|tv| tv.typ);
                bt.filter(|&t| self.is_string(t)).map(|_| ("byte".to_string(), TypeId::UINT8))
            }
            _ => self.written_type_expr(e).and_then(|te| self.spelled(te)),
        };
        match written {
            Some((s, t)) if t == x.typ => s,
            _ => self.type_string(x.typ),
        }
    }

    /// The spelling of type expression `e` and its type, if `e` mentions the universe's `byte` or `rune`.
    pub fn spelled(&self, e: ExprId) -> Option<(String, TypeId)> {
        let (s, mentions) = self.spell(e)?;
        let t = self.info.types.get(&e).map(|tv| tv.typ)?;
        mentions.then_some((s, t))
    }

    /// `spelled`'s walk: the spelling and whether `byte`/`rune` occur (`None` when `e` was not checked).
    fn spell(&self, e: ExprId) -> Option<(String, bool)> {
        let recorded = |c: &Checker| c.info.types.get(&e).map(|tv| (c.type_string(tv.typ), false));
        match &self.ast.expr(e).kind {
            ExprKind::Ident(id) if id.name == "byte" || id.name == "rune" => {
                let universe = self.scopes[self.universe.0 as usize].names.get(&*id.name).copied();
                if universe.is_some() && self.info.uses.get(&id.pos).copied() == universe {
                    Some((id.name.to_string(), true))
                } else {
                    recorded(self)
                }
            }
            ExprKind::Paren(x) => self.spell(*x),
            ExprKind::Star(x) => self.spell(*x).map(|(s, m)| (format!("*{s}"), m)),
            ExprKind::SliceType { elem } => self.spell(*elem).map(|(s, m)| (format!("[]{s}"), m)),
            ExprKind::Ellipsis { elem } => self.spell(*elem).map(|(s, m)| (format!("...{s}"), m)),
            ExprKind::ArrayType { elem, .. } => {
                let TypeKind::Array { len, .. } = self.t.kind(self.info.types.get(&e)?.typ) else {
                    return recorded(self);
                };
                self.spell(*elem).map(|(s, m)| (format!("[{len}]{s}"), m))
            }
            ExprKind::MapType { key, value } => {
                let (k, mk) = self.spell(*key)?;
                let (v, mv) = self.spell(*value)?;
                Some((format!("map[{k}]{v}"), mk || mv))
            }
            ExprKind::ChanType { dir, elem } => {
                let (s, m) = self.spell(*elem)?;
                let prefix = match dir {
                    ChanDir::Both => "chan ",
                    ChanDir::Send => "chan<- ",
                    ChanDir::Recv => "<-chan ",
                };
                Some((format!("{prefix}{s}"), m))
            }
            _ => recorded(self),
        }
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
                    s.push_str(self.t.basic(x.typ).unwrap().name());
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
                s.push_str(&self.operand_type_string(x));
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
