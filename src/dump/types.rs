//! `g1c dump types`: what the checker concluded, in source order, for learners and golden tests.
//!
//! In: the tree and the checked [`Program`]. Out: two sections, deterministic (sorted by position):
//! `objects` — every declared identifier with its kind and type; `expressions` — every expression with its
//! source form, mode, type and constant value. Types are qualified with the package name (`main.T`).

use crate::syntax::ast::Ast;
use crate::syntax::pos::FileSet;
use crate::types::check::typestring::{expr_string, type_string};
use crate::types::{Mode, ObjKind, Program};

pub fn dump_types(fset: &FileSet, ast: &Ast, prog: &Program) -> String {
    let q = prog.packages.first().map(|p| p.name.clone()).unwrap_or_default();
    let ts = |t| type_string(&prog.types, &prog.objs, t, Some(&q));
    let loc = |p| fset.position(p).map(|p| format!("{}:{}", p.line, p.col)).unwrap_or_else(|| "-".into());
    let mut out = String::from("objects:\n");
    let mut defs: Vec<_> = prog.info.defs.iter().map(|(p, o)| (*p, *o)).collect();
    defs.sort();
    for (p, o) in defs {
        let obj = prog.obj(o);
        let kind = match &obj.kind {
            ObjKind::Var(v) => {
                let mut k = String::from(if v.field {
                    "field"
                } else if v.param || v.receiver || v.result {
                    "param"
                } else {
                    "var"
                });
                for (flag, name) in [(v.address_taken, "addr"), (v.captured, "captured"), (v.global, "global")] {
                    if flag {
                        k.push_str(&format!(" [{name}]"));
                    }
                }
                k
            }
            ObjKind::Const(v) => format!("const = {}", v.describe()),
            ObjKind::TypeName => "type".into(),
            ObjKind::Func { recv: Some(_), .. } => "method".into(),
            ObjKind::Func { .. } => "func".into(),
            ObjKind::Builtin(_) => "builtin".into(),
            ObjKind::PkgName(_) => "package".into(),
            ObjKind::Label => "label".into(),
            ObjKind::Nil => "nil".into(),
        };
        let t = if matches!(obj.kind, ObjKind::Label | ObjKind::PkgName(_)) { String::new() } else { ts(obj.typ) };
        out.push_str(&format!("  {:<8} {:<12} {kind} {t}\n", loc(p), obj.name));
    }
    out.push_str("expressions:\n");
    let mut es: Vec<_> = prog.info.types.iter().collect();
    es.sort_by_key(|(e, _)| (ast.expr(*e).pos, e.0));
    for (e, tv) in es {
        let mode = match tv.mode {
            Mode::NoValue => "novalue",
            Mode::Builtin => "builtin",
            Mode::TypeExpr => "type",
            Mode::Constant => "const",
            Mode::Variable => "var",
            Mode::MapIndex => "mapindex",
            Mode::Value => "value",
            Mode::CommaOk => "commaok",
        };
        let val = tv.value.as_ref().map(|v| format!(" = {}", v.describe())).unwrap_or_default();
        let mut src = expr_string(ast, e);
        if src.len() > 40 {
            src = format!(
                "{}…",
                &src[..src
                    .char_indices()
                    .take_while(|(i, _)| *i < 39)
                    .last()
                    .map(|(i, c)| i + c.len_utf8())
                    .unwrap_or(0)]
            );
        }
        out.push_str(&format!("  {:<8} {:<40} {mode:<8} {}{val}\n", loc(ast.expr(e).pos), src, ts(tv.typ)));
    }
    let order: Vec<String> = prog
        .info
        .init_order
        .iter()
        .map(|i| i.lhs.iter().map(|&o| prog.obj(o).name.clone()).collect::<Vec<_>>().join(", "))
        .collect();
    out.push_str(&format!("init order: {}\n", order.join("; ")));
    out
}
