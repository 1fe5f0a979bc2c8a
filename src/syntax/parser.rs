//! The parser: tokens → AST, by recursive descent over the Go 1.19 grammar (Go spec, including type
//! parameters). Above each parse function is the production it parses.
//!
//! In: one file of a [`FileSet`], scanned on demand by [`Scanner`]. Out: one [`ast::File`] appended to
//! `ast.files` (expressions and statements go to the shared arenas), and the syntax errors, worded and
//! placed as gc's `cmd/compile/internal/syntax` parser words and places them (`syntax error: unexpected
//! newline, expecting comma or }`).
//!
//! Invariants:
//! - The parser follows gc's parser function by function, including its error recovery (`advance` skips to
//!   a token of a follow set, or a statement keyword inside a function), so one file can report several
//!   errors; like gc's error reporter it keeps one syntax error per line. It reports every error (gc's `-e`;
//!   the driver prints at most 10 and `too many errors` without it), up to a large safety bound.
//! - Every id the tree refers to exists; an unparsable piece becomes `ExprKind::Bad` or `StmtKind::Bad`.
//! - Nesting deeper than [`MAX_DEPTH`] is an error, never a stack overflow: the parser then behaves as if the
//!   file ended.
//! - Directives: `//go:build` and `// +build` lines before `package` fill `File::go_build` and
//!   `File::plus_build`; `//go:` comments collected since the previous declaration become
//!   `FuncDecl::pragmas` of the next function declaration (gc's pragma handling), every other `//go:`
//!   comment goes to `File::directives`. A directive's position is that of the `go:` after `//`, as in gc.
//!   Each directive is judged by [`directive`] (placement, the pragmas each declaration kind allows), as
//!   gc's noder judges them while parsing.
//! - `//line` directives (at the start of a line) and `/*line*/` ones are recorded in the [`FileSet`]
//!   once the file is parsed; the parser itself works with physical positions.

pub mod branches;
pub mod print;

use super::ast::{
    self, AssignOp, Ast, BinaryOp, Block, BranchKind, CaseClause, ChanDir, CommClause, Decl, Directive, ExprId,
    ExprKind, Field, FuncDecl, FuncType, GenDecl, GenKind, Ident, ImportSpec, InterfaceElem, LitKind, Name, Spec,
    StmtId, StmtKind, Term, TypeSpec, UnaryOp, ValueSpec,
};
use super::directive::{self, Taker};
use super::pos::{self, Error, FileId, FileSet, LineDirective, Pos};
use super::scanner::Scanner;
use super::token::{Operator, Tok};

/// The deepest nesting of expressions, types and statements the parser accepts.
pub const MAX_DEPTH: u32 = 10000;

/// gc's parser never stops on its own: with `-e` every syntax error is reported (the driver truncates to 10
/// without it). This bound only guards against a recovery that would keep failing without progress.
const MAX_ERRORS: usize = 10_000;

/// Parses one file and appends it to `ast.files`; returns the syntax (and lexical) errors.
pub fn parse_file(fset: &FileSet, file: FileId, ast: &mut Ast) -> Vec<Error> {
    let f = fset.file(file);
    let mut p = Parser::new(fset, &f.src, f.base, ast);
    p.file_name = &f.name;
    p.next();
    let parsed = p.file(file.0);
    let errors = std::mem::take(&mut p.errors);
    fset.set_line_directives(file, std::mem::take(&mut p.line_dirs));
    ast.files.push(parsed);
    errors
}

/// A parameter as gc's parser sees it before names and types are distributed: `name`, `Type` or
/// `name Type`.
struct Param {
    pos: Pos,
    name: Option<Ident>,
    typ: Option<ExprId>,
}

/// The result of a simple statement in a `for` header: a statement, or a range clause.
enum Simple {
    Stmt(StmtId),
    Range { pos: Pos, lhs: Vec<ExprId>, define: bool, x: ExprId },
}

/// What `methodDecl` found inside an interface: a method, or the start of an embedded element.
enum MethodOrType {
    Method(Ident, FuncType),
    Type(ExprId),
}

/// `arrayOrTArgs`: an array or slice type, or type arguments `[A, B]` of an embedded generic type.
enum ArrayOrTArgs {
    Type(ExprId),
    /// The arguments, the `[` and the `]`.
    Args(Vec<ExprId>, Pos, Pos),
}

/// The pieces of an `if`, `for` or `switch` header.
#[derive(Default)]
struct Header {
    init: Option<StmtId>,
    cond: Option<ExprId>,
    post: Option<StmtId>,
    /// For `switch`: the statement holding the type switch guard (`x.(type)` or `v := x.(type)`).
    guard: Option<StmtId>,
    range: Option<(Pos, Vec<ExprId>, bool, ExprId)>,
}

struct Parser<'a> {
    fset: &'a FileSet,
    src: &'a str,
    s: Scanner<'a>,
    ast: &'a mut Ast,

    errors: Vec<Error>,
    /// Number of errors reported (before gc's per-line filtering), and whether any was.
    errcnt: usize,
    /// Line of the last reported syntax error, and the last other error (gc reports one per line).
    last_syntax_line: u32,
    last_other: Option<(u32, String)>,
    /// Set after too many errors or too deep nesting: from then on the parser sees only EOF.
    stopped: bool,

    /// Function nesting (inside a function, statement keywords are synchronization points).
    fnest: u32,
    /// Expression nesting; negative inside control clause headers, where `T{` does not start a composite
    /// literal (Go spec "Composite literals", parsing ambiguity).
    xnest: i32,
    depth: u32,

    /// `//go:` directives seen since the last declaration (gc's `p.pragma`).
    pragma: Vec<Directive>,
    directives: Vec<Directive>,
    comments_seen: usize,
    /// The file's name, and its line directives so far.
    file_name: &'a str,
    line_dirs: Vec<LineDirective>,
    /// The file imports package `embed` (`//go:embed` needs it).
    imports_embed: bool,
    /// Operator positions of send and inc/dec statements, which gc uses as their positions in errors.
    op_pos: Vec<(StmtId, Pos)>,
}

impl<'a> Parser<'a> {
    fn new(fset: &'a FileSet, src: &'a str, base: u32, ast: &'a mut Ast) -> Parser<'a> {
        Parser {
            fset,
            src,
            s: Scanner::new(src, base),
            ast,
            errors: Vec::new(),
            errcnt: 0,
            last_syntax_line: 0,
            last_other: None,
            stopped: false,
            fnest: 0,
            xnest: 0,
            depth: 0,
            pragma: Vec::new(),
            directives: Vec::new(),
            comments_seen: 0,
            file_name: "",
            line_dirs: Vec::new(),
            imports_embed: false,
            op_pos: Vec::new(),
        }
    }

    // ---- Tokens -------------------------------------------------------------------------------------

    fn tok(&self) -> Tok {
        self.s.tok
    }

    fn pos(&self) -> Pos {
        self.s.pos
    }

    fn is_op(&self, op: Operator) -> bool {
        self.s.tok == Tok::Operator && self.s.op == op
    }

    fn next(&mut self) {
        if self.stopped {
            self.s.tok = Tok::EOF;
            return;
        }
        self.s.next();
        if !self.s.errors.is_empty() {
            let errs = std::mem::take(&mut self.s.errors);
            for e in errs {
                self.error_at(e.pos, e.msg);
            }
        }
        while self.comments_seen < self.s.comments.len() {
            let c = self.s.comments[self.comments_seen];
            self.comments_seen += 1;
            let src = self.src;
            let text = &src[c.start as usize..c.end as usize];
            let before = &src.as_bytes()[..c.start as usize];
            let line_start = before.iter().rposition(|&b| b == b'\n').map_or(0, |i| i + 1);
            if let Some(rest) = text.strip_prefix("//") {
                let rest = rest.trim_end_matches('\r');
                if let Some(t) = rest.strip_prefix("line ") {
                    // Only at the start of a line; it applies from the next line on.
                    if line_start == c.start as usize {
                        let at = (c.end as usize + 1).min(src.len()) as u32;
                        self.line_directive(t, at, c.start + 7);
                    }
                } else if rest.starts_with("go:") {
                    let blank = before[line_start..].iter().all(|&b| matches!(b, b' ' | b'\t' | b'\r'));
                    let d = Directive { pos: self.s_pos(c.start + 2), text: rest.to_string() };
                    let mut errs = Vec::new();
                    if directive::check_new(&d, blank, &mut errs) {
                        self.pragma.push(d);
                    }
                    self.errors.extend(errs);
                }
            } else if let Some(t) = text.strip_prefix("/*line ").and_then(|t| t.strip_suffix("*/")) {
                self.line_directive(t, c.end, c.start + 7);
            }
        }
        if self.stopped {
            self.s.tok = Tok::EOF;
        }
    }

    /// Records a line directive whose text after `line ` is `text` (at file offset `text_off`), taking
    /// effect at file offset `at`.
    fn line_directive(&mut self, text: &str, at: u32, text_off: u32) {
        let prev = self.line_dirs.last().map_or(self.file_name, |d| d.file.as_str()).to_string();
        match directive::parse_line_directive(text, at, self.s_pos(text_off), &prev) {
            None => {}
            Some(Ok(d)) => self.line_dirs.push(d),
            Some(Err(e)) => self.error_at(e.pos, e.msg),
        }
    }

    fn s_pos(&self, offset: u32) -> Pos {
        Pos(self.s.pos.0 - self.s.offset + offset)
    }

    fn got(&mut self, tok: Tok) -> bool {
        if self.tok() == tok {
            self.next();
            true
        } else {
            false
        }
    }

    fn want(&mut self, tok: Tok) {
        if !self.got(tok) {
            self.syntax_error(&format!("expecting {}", tok.describe()));
            self.advance(&[]);
        }
    }

    /// Like `got(Assign)`, but also accepts `:=` (with an error) for better recovery.
    fn got_assign(&mut self) -> bool {
        match self.tok() {
            Tok::Define => {
                self.syntax_error("expecting =");
                self.next();
                true
            }
            Tok::Assign => {
                self.next();
                true
            }
            _ => false,
        }
    }

    // ---- Errors ---------------------------------------------------------------------------------------

    fn line_of(&self, pos: Pos) -> u32 {
        self.fset.physical_line(pos)
    }

    /// Records an error, filtered as gc's `base.ErrorfAt` filters: one syntax error per line, and no
    /// repeated identical error on a line.
    fn error_at(&mut self, pos: Pos, msg: String) {
        self.record_error(pos, msg);
        if self.errors.len() > MAX_ERRORS {
            self.stop();
        }
    }

    /// `error_at` without stopping the parser after too many errors.
    fn record_error(&mut self, pos: Pos, msg: String) {
        self.errcnt += 1;
        let line = self.line_of(pos);
        if msg.starts_with("syntax error") {
            if line == self.last_syntax_line {
                return;
            }
            self.last_syntax_line = line;
        } else {
            if let Some((l, m)) = &self.last_other {
                if *l == line && *m == msg {
                    return;
                }
            }
            self.last_other = Some((line, msg.clone()));
        }
        self.errors.push(Error::new(pos, msg));
    }

    fn error(&mut self, msg: &str) {
        self.error_at(self.pos(), msg.to_string());
    }

    fn stop(&mut self) {
        self.stopped = true;
        self.s.tok = Tok::EOF;
    }

    /// gc's `syntaxErrorAt`: `syntax error: unexpected TOKEN, expecting ...` (or `... in ...`, or a plain
    /// message).
    fn syntax_error_at(&mut self, pos: Pos, msg: &str) {
        if self.tok() == Tok::EOF && self.errcnt > 0 {
            return; // avoid meaningless follow-up errors
        }
        let msg = if msg.is_empty() {
            String::new()
        } else if msg.starts_with("in ") || msg.starts_with("at ") || msg.starts_with("after ") {
            format!(" {msg}")
        } else if msg.starts_with("expecting ") {
            format!(", {msg}")
        } else {
            self.error_at(pos, format!("syntax error: {msg}"));
            return;
        };
        let tok = match self.tok() {
            Tok::Name | Tok::Semi => self.s.lit.clone(),
            Tok::Literal => format!("literal {}", self.s.lit),
            Tok::Operator => self.s.op.as_str().to_string(),
            Tok::AssignOp => format!("{}=", self.s.op.as_str()),
            Tok::IncOp => format!("{0}{0}", self.s.op.as_str()),
            t => t.describe().to_string(),
        };
        self.error_at(pos, format!("syntax error: unexpected {tok}{msg}"));
    }

    fn syntax_error(&mut self, msg: &str) {
        self.syntax_error_at(self.pos(), msg);
    }

    /// Skips tokens until one in `follow` (or, inside a function, a statement keyword); with an empty
    /// follow list, skips exactly one token. Never skips EOF.
    fn advance(&mut self, follow: &[Tok]) {
        const STOPSET: [Tok; 14] = [
            Tok::Break,
            Tok::Const,
            Tok::Continue,
            Tok::Defer,
            Tok::Fallthrough,
            Tok::For,
            Tok::Go,
            Tok::Goto,
            Tok::If,
            Tok::Return,
            Tok::Select,
            Tok::Switch,
            Tok::Type,
            Tok::Var,
        ];
        if follow.is_empty() {
            if self.tok() != Tok::EOF {
                self.next();
            }
            return;
        }
        while self.tok() != Tok::EOF
            && !follow.contains(&self.tok())
            && !(self.fnest > 0 && STOPSET.contains(&self.tok()))
        {
            self.next();
        }
    }

    /// Enters one level of nesting; false (after reporting once) when the limit is reached.
    fn enter(&mut self) -> bool {
        if self.depth >= MAX_DEPTH {
            if !self.stopped {
                self.error_at(self.pos(), "exceeded maximum nesting depth".into());
                self.stop();
            }
            return false;
        }
        self.depth += 1;
        true
    }

    fn leave(&mut self) {
        self.depth -= 1;
    }

    // ---- Node helpers -------------------------------------------------------------------------------

    fn expr_pos(&self, x: ExprId) -> Pos {
        self.ast.expr(x).pos
    }

    fn new_expr(&mut self, pos: Pos, kind: ExprKind) -> ExprId {
        self.ast.add_expr(pos, kind)
    }

    fn new_stmt(&mut self, pos: Pos, kind: StmtKind) -> StmtId {
        self.ast.add_stmt(pos, kind)
    }

    fn bad_expr(&mut self) -> ExprId {
        let p = self.pos();
        self.new_expr(p, ExprKind::Bad)
    }

    fn ident_expr(&mut self, n: Ident) -> ExprId {
        self.new_expr(n.pos, ExprKind::Ident(n))
    }

    fn unparen(&self, x: ExprId) -> ExprId {
        self.ast.unparen(x)
    }

    fn take_pragma(&mut self) -> Vec<Directive> {
        std::mem::take(&mut self.pragma)
    }

    /// Pragmas that no declaration takes are file directives (and misplaced if gc knows them).
    fn clear_pragma(&mut self) {
        let p = std::mem::take(&mut self.pragma);
        self.judge(None, &p);
        self.directives.extend(p);
    }

    /// Reports what [`directive`] finds wrong with pragmas taken by `taker` (or by nothing).
    fn judge(&mut self, taker: Option<&Taker>, pragmas: &[Directive]) {
        if pragmas.is_empty() {
            return;
        }
        let mut errs = Vec::new();
        match taker {
            Some(t) => directive::check_taken(t, pragmas, &mut errs),
            None => directive::check_unused(pragmas, &mut errs),
        }
        // gc's noder reports these, not the parser: they do not count as syntax errors (which stop the
        // parse after a bad package clause).
        self.errors.extend(errs);
    }

    /// Pragmas taken by a declaration that keeps none in the tree: judged, then file directives.
    fn take_pragma_for(&mut self, taker: &Taker, pragmas: Vec<Directive>) {
        self.judge(Some(taker), &pragmas);
        self.directives.extend(pragmas);
    }

    // ---- Package files ------------------------------------------------------------------------------

    // SourceFile = PackageClause ";" { ImportDecl ";" } { TopLevelDecl ";" } .
    fn file(&mut self, file_id: u32) -> ast::File {
        let mut f = ast::File {
            file_id,
            package: Ident { pos: self.pos(), name: "_".into() },
            imports: Vec::new(),
            decls: Vec::new(),
            go_build: None,
            plus_build: Vec::new(),
            directives: Vec::new(),
        };

        // Build constraints: comments before the package clause.
        let pkg_offset = self.s.offset;
        for c in self.s.comments.iter().take_while(|c| c.start < pkg_offset) {
            let text = &self.src[c.start as usize..c.end as usize];
            let text = text.trim_end_matches('\r');
            if let Some(expr) = text.strip_prefix("//go:build") {
                if expr.is_empty() || expr.starts_with([' ', '\t']) {
                    f.go_build = Some(expr.trim().to_string());
                }
            } else if let Some(rest) = text.strip_prefix("//") {
                let rest = rest.trim_start_matches([' ', '\t']);
                if let Some(line) = rest.strip_prefix("+build") {
                    if line.is_empty() || line.starts_with([' ', '\t']) {
                        f.plus_build.push(line.trim().to_string());
                    }
                }
            }
        }

        // PackageClause
        pos::set_current(self.pos());
        if !self.got(Tok::Package) {
            self.syntax_error("package statement must be first");
            self.finish_directives(&mut f);
            return f;
        }
        let prag = self.take_pragma();
        self.judge(Some(&Taker::Package), &prag);
        self.directives.extend(prag.into_iter().filter(|d| !is_go_build(&d.text)));
        f.package = self.name();
        self.want(Tok::Semi);
        // Don't bother continuing if the package clause has errors.
        if self.errcnt > 0 {
            self.finish_directives(&mut f);
            return f;
        }

        // { ImportDecl ";" }
        while self.tok() == Tok::Import {
            pos::set_current(self.pos());
            self.next();
            self.import_group(&mut f.imports);
            self.want(Tok::Semi);
        }

        // { TopLevelDecl ";" }
        while self.tok() != Tok::EOF {
            let pos = self.pos();
            pos::set_current(pos);
            match self.tok() {
                Tok::Const | Tok::Type | Tok::Var => {
                    let kind = match self.tok() {
                        Tok::Const => GenKind::Const,
                        Tok::Type => GenKind::Type,
                        _ => GenKind::Var,
                    };
                    self.next();
                    let d = self.append_group(pos, kind);
                    f.decls.push(Decl::Gen(d));
                }
                Tok::Func => {
                    self.next();
                    if let Some(d) = self.func_decl_or_nil(pos) {
                        f.decls.push(Decl::Func(d));
                    }
                }
                _ => {
                    let after_empty_func = matches!(f.decls.last(), Some(Decl::Func(FuncDecl { body: None, .. })));
                    if self.tok() == Tok::Lbrace && after_empty_func {
                        // The opening { of a function body on the next line.
                        self.syntax_error("unexpected semicolon or newline before {");
                    } else {
                        self.syntax_error("non-declaration statement outside function body");
                    }
                    self.advance(&[Tok::Const, Tok::Type, Tok::Var, Tok::Func]);
                    continue;
                }
            }
            // Reset the pragmas before consuming ';': comments after it belong to the next declaration.
            self.clear_pragma();
            if self.tok() != Tok::EOF && !self.got(Tok::Semi) {
                self.syntax_error("after top level declaration");
                self.advance(&[Tok::Const, Tok::Type, Tok::Var, Tok::Func]);
            }
        }
        self.finish_directives(&mut f);
        f
    }

    fn finish_directives(&mut self, f: &mut ast::File) {
        self.clear_pragma();
        f.directives = std::mem::take(&mut self.directives);
    }

    // ---- Declarations -------------------------------------------------------------------------------

    /// `list = [ f { sep f } [sep] ] close .` Calls `f` for each element until it returns true; returns the
    /// position of the closing token.
    fn list(&mut self, context: &str, sep: Tok, close: Tok, f: &mut dyn FnMut(&mut Self) -> bool) -> Pos {
        let mut done = false;
        while self.tok() != Tok::EOF && self.tok() != close && !done {
            done = f(self);
            // sep is optional before close
            if !self.got(sep) && self.tok() != close {
                self.syntax_error(&format!(
                    "in {context}; possibly missing {} or {}",
                    sep.describe(),
                    close.describe()
                ));
                self.advance(&[Tok::Rparen, Tok::Rbrack, Tok::Rbrace]);
                if self.tok() != close {
                    return self.pos();
                }
            }
        }
        let pos = self.pos();
        self.want(close);
        pos
    }

    // ImportDecl = "import" ( ImportSpec | "(" { ImportSpec ";" } ")" ) .
    fn import_group(&mut self, out: &mut Vec<ImportSpec>) {
        if self.tok() == Tok::Lparen {
            self.clear_pragma();
            self.next();
            self.list("grouped declaration", Tok::Semi, Tok::Rparen, &mut |p| {
                if let Some(s) = p.import_spec() {
                    out.push(s);
                }
                false
            });
        } else if let Some(s) = self.import_spec() {
            out.push(s);
        }
    }

    // ImportSpec = [ "." | PackageName ] ImportPath .
    // ImportPath = string_lit .
    fn import_spec(&mut self) -> Option<ImportSpec> {
        let pos = self.pos();
        let prag = self.take_pragma();
        self.take_pragma_for(&Taker::Import, prag);
        let name = match self.tok() {
            Tok::Name => Some(self.name()),
            Tok::Dot => {
                let n = Ident { pos: self.pos(), name: ".".into() };
                self.next();
                Some(n)
            }
            _ => None,
        };
        if self.tok() != Tok::Literal {
            self.syntax_error("missing import path");
            self.advance(&[Tok::Semi, Tok::Rparen]);
            return None;
        }
        let path_pos = self.pos();
        let (raw, kind, bad) = (self.s.lit.clone(), self.s.kind, self.s.bad);
        self.next();
        if bad {
            // The scanner reported the malformed literal; like types2, nothing is imported.
            return None;
        }
        if kind != LitKind::String {
            self.syntax_error("import path must be a string");
        }
        let path = if kind == LitKind::String { unquote(&raw).unwrap_or_default() } else { String::new() };
        self.imports_embed |= path == "embed";
        Some(ImportSpec { pos, name, path, path_pos })
    }

    /// `appendGroup(f) = f | "(" { f ";" } ")" .` for const, var and type declarations.
    fn append_group(&mut self, pos: Pos, kind: GenKind) -> GenDecl {
        let mut specs = Vec::new();
        let grouped = self.tok() == Tok::Lparen;
        if grouped {
            self.clear_pragma();
            self.next();
            let mut iota = 0;
            self.list("grouped declaration", Tok::Semi, Tok::Rparen, &mut |p| {
                specs.push(p.spec(kind, iota));
                iota += 1;
                false
            });
        } else {
            specs.push(self.spec(kind, 0));
        }
        GenDecl { pos, kind, grouped, specs }
    }

    fn spec(&mut self, kind: GenKind, iota: u32) -> Spec {
        pos::set_current(self.pos());
        match kind {
            GenKind::Const => Spec::Value(self.const_spec(iota)),
            GenKind::Var => Spec::Value(self.var_spec()),
            GenKind::Type => Spec::Type(self.type_spec()),
        }
    }

    // ConstSpec = IdentifierList [ [ Type ] "=" ExpressionList ] .
    fn const_spec(&mut self, iota: u32) -> ValueSpec {
        let pos = self.pos();
        let prag = self.take_pragma();
        self.take_pragma_for(&Taker::Const, prag);
        let first = self.name();
        let names = self.name_list(first);
        let mut typ = None;
        let mut values = Vec::new();
        if !matches!(self.tok(), Tok::EOF | Tok::Semi | Tok::Rparen) {
            typ = self.type_or_nil();
            if self.got_assign() {
                values = self.expr_list();
            }
        }
        ValueSpec { pos, names, typ, values, iota, embed: Vec::new() }
    }

    // TypeSpec = identifier [ TypeParams ] [ "=" ] Type .
    fn type_spec(&mut self) -> TypeSpec {
        let pos = self.pos();
        let prag = self.take_pragma();
        let name = self.name();
        let mut tparams = Vec::new();
        let mut alias = false;
        let typ;
        if self.tok() == Tok::Lbrack {
            // name "[" ...: an array or slice type, or a type parameter list.
            let lpos = self.pos();
            self.next();
            match self.tok() {
                Tok::Name => {
                    // An array length expression or the start of a type parameter list. If the name is
                    // followed by "[", it must be a constraint like P []E (an index expression is never a
                    // constant length); otherwise parse a whole expression and take it apart.
                    let n = self.name();
                    let mut x = self.ident_expr(n);
                    if self.tok() != Tok::Lbrack {
                        self.xnest += 1;
                        let px = self.pexpr(Some(x), false);
                        x = self.binary_expr(Some(px), 0);
                        self.xnest -= 1;
                    }
                    let force = self.tok() == Tok::Comma;
                    let (pname, ptype) = self.extract_name(x, force);
                    match pname {
                        Some(pname) if ptype.is_some() || self.tok() != Tok::Rbrack => {
                            let list = self.param_list(Some(pname), ptype, Tok::Rbrack, true);
                            tparams = self.fields(list);
                            alias = self.got_assign();
                            typ = self.type_or_nil();
                        }
                        _ => typ = Some(self.array_type(lpos, Some(x))),
                    }
                }
                Tok::Rbrack => {
                    self.next();
                    typ = Some(self.slice_type(lpos));
                }
                _ => typ = Some(self.array_type(lpos, None)),
            }
        } else {
            alias = self.got_assign();
            typ = self.type_or_nil();
        }
        let typ = match typ {
            Some(t) => t,
            None => {
                let b = self.bad_expr();
                self.syntax_error("in type declaration");
                self.advance(&[Tok::Semi, Tok::Rparen]);
                b
            }
        };
        self.take_pragma_for(&Taker::Type { alias }, prag);
        TypeSpec { pos, name, tparams, alias, typ }
    }

    /// gc's `extractName`: splits `x` into a type parameter name and its constraint when `x` can be read as
    /// `name constraint` and the constraint is surely a type element (or `force` is set):
    /// `P*[]int` → (P, *[]int); `P([]int)` → (P, []int); `P*E|F|~G` → (P, *E|F|~G); a lone name → (P, none).
    fn extract_name(&mut self, x: ExprId, force: bool) -> (Option<Ident>, Option<ExprId>) {
        let kind = self.ast.expr(x).kind.clone();
        match kind {
            ExprKind::Ident(n) => return (Some(n), None),
            ExprKind::Binary { op: BinaryOp::Mul, op_pos, x: l, y, .. } => {
                if let ExprKind::Ident(n) = &self.ast.expr(l).kind {
                    if force || self.is_type_elem(y) {
                        let n = n.clone();
                        let star = self.new_expr(op_pos, ExprKind::Star(y));
                        return (Some(n), Some(star));
                    }
                }
            }
            ExprKind::Binary { op: BinaryOp::Or, op_pos, x: l, y, .. } => {
                let f = force || self.is_type_elem(y);
                if let (Some(n), Some(lhs)) = self.extract_name(l, f) {
                    let lpos = self.expr_pos(lhs);
                    let or = self.new_expr(lpos, ExprKind::Binary { op: BinaryOp::Or, op_pos, x: lhs, y });
                    return (Some(n), Some(or));
                }
            }
            ExprKind::Call { fun, args, ellipsis: None, .. } => {
                if let ExprKind::Ident(n) = &self.ast.expr(fun).kind {
                    if args.len() == 1 && (force || self.is_type_elem(args[0])) {
                        return (Some(n.clone()), Some(args[0]));
                    }
                }
            }
            _ => {}
        }
        (None, Some(x))
    }

    /// Whether `x` is certainly a type element (not possibly an ordinary expression).
    fn is_type_elem(&self, x: ExprId) -> bool {
        match &self.ast.expr(x).kind {
            ExprKind::ArrayType { .. }
            | ExprKind::StructType { .. }
            | ExprKind::FuncType(_)
            | ExprKind::InterfaceType { .. }
            | ExprKind::SliceType { .. }
            | ExprKind::MapType { .. }
            | ExprKind::ChanType { .. } => true,
            ExprKind::Binary { x, y, .. } => self.is_type_elem(*x) || self.is_type_elem(*y),
            ExprKind::Unary { op, x } => *op == UnaryOp::Tilde || self.is_type_elem(*x),
            ExprKind::Star(x) => self.is_type_elem(*x),
            ExprKind::Paren(x) => self.is_type_elem(*x),
            _ => false,
        }
    }

    // VarSpec = IdentifierList ( Type [ "=" ExpressionList ] | "=" ExpressionList ) .
    fn var_spec(&mut self) -> ValueSpec {
        let pos = self.pos();
        let prag = self.take_pragma();
        let first = self.name();
        let names = self.name_list(first);
        let mut typ = None;
        let values;
        if self.got_assign() {
            values = self.expr_list();
        } else {
            typ = Some(self.type_());
            values = if self.got_assign() { self.expr_list() } else { Vec::new() };
        }
        let taker = Taker::Var {
            names: names.len(),
            has_values: !values.is_empty(),
            has_type: typ.is_some(),
            in_func: self.fnest > 0,
            imports_embed: self.imports_embed,
        };
        let embed = prag.iter().filter(|d| directive::is_embed(&d.text)).cloned().collect();
        self.take_pragma_for(&taker, prag);
        ValueSpec { pos, names, typ, values, iota: 0, embed }
    }

    // FunctionDecl = "func" FunctionName [ TypeParams ] ( Function | Signature ) .
    // FunctionName = identifier .
    // Function     = Signature FunctionBody .
    // MethodDecl   = "func" Receiver MethodName ( Function | Signature ) .
    // Receiver     = Parameters .
    fn func_decl_or_nil(&mut self, pos: Pos) -> Option<FuncDecl> {
        let pragmas = self.take_pragma();
        let mut recv = None;
        let decl_pos = self.pos();
        if self.tok() == Tok::Lparen {
            self.next();
            let mut list = self.param_list(None, None, Tok::Rparen, false);
            let rpos = self.pos();
            // As gc's parser: no receiver leaves a plain function, several keep the first one, so that the
            // checker goes on with a well-formed declaration and adds no errors of its own about it.
            match list.len() {
                0 => self.error_at(rpos, "method has no receiver".into()),
                1 => recv = Some(self.fields(list)),
                _ => {
                    self.error_at(rpos, "method has multiple receivers".into());
                    list.truncate(1);
                    recv = Some(self.fields(list));
                }
            }
        }
        if self.tok() != Tok::Name {
            self.syntax_error("expecting name or (");
            self.advance(&[Tok::Lbrace, Tok::Semi]);
            self.directives.extend(pragmas);
            return None;
        }
        let name = self.name();
        let context = if recv.is_some() { "method" } else { "" };
        let (tparams, typ) = self.func_type(context, pos);
        let body = if self.tok() == Tok::Lbrace { Some(self.func_body()) } else { None };
        self.judge(Some(&Taker::Func { name_pos: name.pos, has_body: body.is_some() }), &pragmas);
        Some(FuncDecl { pos, decl_pos, recv, name, tparams, typ, body, pragmas })
    }

    // FunctionBody = Block .
    fn func_body(&mut self) -> Block {
        self.fnest += 1;
        let errcnt = self.errcnt;
        let b = self.block_stmt("");
        self.fnest -= 1;
        // Branches are checked only in bodies without syntax errors, whose trees are complete.
        if errcnt == self.errcnt && !self.stopped {
            // Branch errors are not syntax errors: they never stop the parser (with -e gc reports them all;
            // without it the driver truncates the list).
            for e in branches::check_branches(self.ast, self.fset, &b) {
                self.record_error(e.pos, e.msg);
            }
        }
        b
    }

    // ---- Expressions --------------------------------------------------------------------------------

    fn expr(&mut self) -> ExprId {
        self.binary_expr(None, 0)
    }

    // Expression = UnaryExpr | Expression binary_op Expression .
    fn binary_expr(&mut self, x: Option<ExprId>, prec: u8) -> ExprId {
        let mut x = match x {
            Some(x) => x,
            None => self.unary_expr(),
        };
        // Each operator of a chain `x + x + ...` nests the tree one level deeper, though the parser loops
        // rather than recursing: it counts towards the nesting limit, so that the phases after the parser,
        // which walk the tree recursively, never see a tree deeper than the limit (as go/parser does).
        let mut levels = 0;
        while (self.tok() == Tok::Operator || self.tok() == Tok::Star) && self.s.prec > prec {
            if !self.enter() {
                break;
            }
            levels += 1;
            let op_pos = self.pos();
            let op = self.s.op.binary().unwrap_or(BinaryOp::Add);
            let tprec = self.s.prec;
            self.next();
            let y = self.binary_expr(None, tprec);
            let xpos = self.expr_pos(x);
            x = self.new_expr(xpos, ExprKind::Binary { op, op_pos, x, y });
        }
        self.depth -= levels;
        x
    }

    // UnaryExpr = PrimaryExpr | unary_op UnaryExpr .
    fn unary_expr(&mut self) -> ExprId {
        if !self.enter() {
            return self.bad_expr();
        }
        let x = self.unary_expr_inner();
        self.leave();
        x
    }

    fn unary_expr_inner(&mut self) -> ExprId {
        match self.tok() {
            Tok::Operator | Tok::Star => match self.s.op {
                Operator::Mul | Operator::Add | Operator::Sub | Operator::Not | Operator::Xor | Operator::Tilde => {
                    let pos = self.pos();
                    let op = self.s.op;
                    self.next();
                    let x = self.unary_expr();
                    return match op.unary() {
                        Some(u) => self.new_expr(pos, ExprKind::Unary { op: u, x }),
                        None => self.new_expr(pos, ExprKind::Star(x)),
                    };
                }
                Operator::And => {
                    let pos = self.pos();
                    self.next();
                    // unary_expr may have returned a parenthesized composite literal: &(T{}) is &T{}.
                    let x = self.unary_expr();
                    let x = self.unparen(x);
                    return self.new_expr(pos, ExprKind::Unary { op: UnaryOp::Addr, x });
                }
                _ => {}
            },
            Tok::Arrow => {
                // A receive operation <-x, or a receive-only channel type <-chan E: we know which only once
                // the operand is parsed.
                let pos = self.pos();
                self.next();
                let x = self.unary_expr();
                if let ExprKind::ChanType { .. } = self.ast.expr(x).kind {
                    // <-(chan E) => (<-chan E); <-(chan<- E) => (<-chan (<-E))
                    let mut dir = ChanDir::Send;
                    let mut t = x;
                    while dir == ChanDir::Send {
                        let (d, elem) = match self.ast.expr(t).kind {
                            ExprKind::ChanType { dir, elem } => (dir, elem),
                            _ => break,
                        };
                        dir = d;
                        if d == ChanDir::Recv {
                            // <-<-chan E is not permitted.
                            self.syntax_error("unexpected <-, expecting chan");
                        }
                        self.ast.exprs[t.0 as usize].kind = ExprKind::ChanType { dir: ChanDir::Recv, elem };
                        t = elem;
                    }
                    if dir == ChanDir::Send {
                        let s = print::expr_string(self.ast, t);
                        self.syntax_error(&format!("unexpected {s}, expecting chan"));
                    }
                    self.ast.exprs[x.0 as usize].pos = pos;
                    return x;
                }
                return self.new_expr(pos, ExprKind::Unary { op: UnaryOp::Recv, x });
            }
            _ => {}
        }
        self.pexpr(None, true)
    }

    // GoStmt = "go" Expression .
    // DeferStmt = "defer" Expression .
    fn call_stmt(&mut self) -> StmtId {
        let pos = self.pos();
        let is_go = self.tok() == Tok::Go;
        let word = if is_go { "go" } else { "defer" };
        self.next();
        let keep = self.tok() == Tok::Lparen;
        let mut x = self.pexpr(None, keep);
        let t = self.unparen(x);
        if t != x {
            let xp = self.expr_pos(x);
            self.error_at(xp, format!("expression in {word} must not be parenthesized"));
            x = t;
        }
        if !matches!(self.ast.expr(x).kind, ExprKind::Call { .. }) {
            let xp = self.expr_pos(x);
            self.error_at(xp, format!("expression in {word} must be function call"));
            x = self
                .new_expr(xp, ExprKind::Call { fun: x, args: Box::default(), ellipsis: None, lparen: xp, rparen: xp });
        }
        self.new_stmt(pos, if is_go { StmtKind::Go(x) } else { StmtKind::Defer(x) })
    }

    // Operand     = Literal | OperandName | MethodExpr | "(" Expression ")" .
    // Literal     = BasicLit | CompositeLit | FunctionLit .
    // BasicLit    = int_lit | float_lit | imaginary_lit | rune_lit | string_lit .
    // OperandName = identifier | QualifiedIdent .
    fn operand(&mut self) -> ExprId {
        match self.tok() {
            Tok::Name => {
                let n = self.name();
                self.ident_expr(n)
            }
            Tok::Literal => self.basic_lit(),
            Tok::Lparen => {
                let pos = self.pos();
                self.next();
                self.xnest += 1;
                let x = self.expr();
                self.xnest -= 1;
                self.want(Tok::Rparen);
                self.new_expr(pos, ExprKind::Paren(x))
            }
            Tok::Func => {
                let pos = self.pos();
                self.next();
                let (_, ftyp) = self.func_type("function type", pos);
                if self.tok() == Tok::Lbrace {
                    self.xnest += 1;
                    let body = self.func_body();
                    self.xnest -= 1;
                    return self.new_expr(pos, ExprKind::FuncLit { typ: Box::new(ftyp), body: Box::new(body) });
                }
                self.new_expr(pos, ExprKind::FuncType(Box::new(ftyp)))
            }
            Tok::Lbrack | Tok::Chan | Tok::Map | Tok::Struct | Tok::Interface => self.type_(),
            _ => {
                let x = self.bad_expr();
                self.syntax_error("expecting expression");
                self.advance(&[Tok::Rparen, Tok::Rbrack, Tok::Rbrace]);
                x
            }
        }
    }

    fn basic_lit(&mut self) -> ExprId {
        let pos = self.pos();
        let kind = self.s.kind;
        let raw = Name::new(&self.s.lit);
        let bad = self.s.bad;
        self.next();
        self.new_expr(pos, ExprKind::BasicLit { kind, raw, bad })
    }

    // PrimaryExpr =
    //     Operand |
    //     Conversion |
    //     PrimaryExpr Selector |
    //     PrimaryExpr Index |
    //     PrimaryExpr Slice |
    //     PrimaryExpr TypeAssertion |
    //     PrimaryExpr Arguments .
    //
    // Selector       = "." identifier .
    // Index          = "[" Expression [ "," ] "]" .
    // Slice          = "[" [ Expression ] ":" [ Expression ] "]" |
    //                  "[" [ Expression ] ":" Expression ":" Expression "]" .
    // TypeAssertion  = "." "(" Type ")" .
    // Arguments      = "(" [ ( ExpressionList | Type [ "," ExpressionList ] ) [ "..." ] [ "," ] ] ")" .
    fn pexpr(&mut self, x: Option<ExprId>, _keep_parens: bool) -> ExprId {
        if !self.enter() {
            return self.bad_expr();
        }
        let x = self.pexpr_inner(x);
        self.leave();
        x
    }

    fn pexpr_inner(&mut self, x: Option<ExprId>) -> ExprId {
        let mut x = match x {
            Some(x) => x,
            None => self.operand(),
        };
        // Like an operator chain (see `binary_expr`), each selector, index, slice or call suffix nests the
        // tree one level deeper (a literal suffix counts in `complit_expr`).
        let mut levels = 0;
        loop {
            if matches!(self.tok(), Tok::Dot | Tok::Lbrack | Tok::Lparen) {
                if !self.enter() {
                    break;
                }
                levels += 1;
            }
            let xpos = self.expr_pos(x);
            match self.tok() {
                Tok::Dot => {
                    self.next();
                    match self.tok() {
                        Tok::Name => {
                            let sel = self.name();
                            x = self.new_expr(xpos, ExprKind::Selector { x, sel });
                        }
                        Tok::Lparen => {
                            self.next();
                            let typ = if self.got(Tok::Type) { None } else { Some(self.type_()) };
                            x = self.new_expr(xpos, ExprKind::TypeAssert { x, typ });
                            self.want(Tok::Rparen);
                        }
                        _ => {
                            self.syntax_error("expecting name or (");
                            self.advance(&[Tok::Semi, Tok::Rparen]);
                        }
                    }
                }
                Tok::Lbrack => {
                    let lbrack = self.pos();
                    self.next();
                    if self.tok() == Tok::Rbrack {
                        // An invalid empty instance, slice or index expression; accept but complain.
                        self.syntax_error("expecting operand");
                        self.next();
                        continue;
                    }
                    let mut lo = None;
                    if self.tok() != Tok::Colon {
                        let (list, comma) = self.type_list();
                        if comma || self.tok() == Tok::Rbrack {
                            let rbrack = self.pos();
                            self.want(Tok::Rbrack);
                            // x[i,] or x[i, j, ...]
                            x = self.new_expr(xpos, ExprKind::Index { x, indices: list.into(), lbrack, rbrack });
                            continue;
                        }
                        lo = list.first().copied();
                    }
                    // x[i:...
                    if !self.got(Tok::Colon) {
                        self.syntax_error("expecting comma, : or ]");
                        self.advance(&[Tok::Comma, Tok::Colon, Tok::Rbrack]);
                    }
                    self.xnest += 1;
                    let mut hi = None;
                    let mut max = None;
                    let mut slice3 = false;
                    if self.tok() != Tok::Colon && self.tok() != Tok::Rbrack {
                        hi = Some(self.expr());
                    }
                    if self.tok() == Tok::Colon {
                        slice3 = true;
                        if hi.is_none() {
                            self.error("middle index required in 3-index slice");
                            hi = Some(self.bad_expr());
                        }
                        self.next();
                        if self.tok() != Tok::Rbrack {
                            max = Some(self.expr());
                        } else {
                            self.error("final index required in 3-index slice");
                            max = Some(self.bad_expr());
                        }
                    }
                    self.xnest -= 1;
                    let rbrack = self.pos();
                    self.want(Tok::Rbrack);
                    x = self.new_expr(xpos, ExprKind::Slice { x, lo, hi, max, slice3, lbrack, rbrack });
                }
                Tok::Lparen => {
                    let lparen = self.pos();
                    self.next();
                    let (args, ellipsis, rparen) = self.arg_list();
                    x = self.new_expr(xpos, ExprKind::Call { fun: x, args: args.into(), ellipsis, lparen, rparen });
                }
                Tok::Lbrace => {
                    // Does '{' start a composite literal or a block? The operand may be a parenthesized
                    // literal type: accept it but complain.
                    let t = self.unparen(x);
                    let complit_ok = match &self.ast.expr(t).kind {
                        ExprKind::Ident(_) | ExprKind::Selector { .. } => self.xnest >= 0,
                        ExprKind::Index { .. } => self.xnest >= 0 && !self.is_value(t),
                        ExprKind::ArrayType { .. }
                        | ExprKind::SliceType { .. }
                        | ExprKind::StructType { .. }
                        | ExprKind::MapType { .. } => true,
                        _ => false,
                    };
                    if !complit_ok {
                        break;
                    }
                    if t != x {
                        self.syntax_error("cannot parenthesize type in composite literal");
                    }
                    x = self.complit_expr(Some(x));
                }
                _ => break,
            }
        }
        self.depth -= levels;
        x
    }

    /// Whether `x` must syntactically be a value (not a type).
    fn is_value(&self, x: ExprId) -> bool {
        match &self.ast.expr(x).kind {
            ExprKind::BasicLit { .. }
            | ExprKind::CompositeLit { .. }
            | ExprKind::FuncLit { .. }
            | ExprKind::Slice { .. }
            | ExprKind::TypeAssert { .. }
            | ExprKind::Call { .. } => true,
            ExprKind::Unary { .. } | ExprKind::Binary { .. } => true,
            ExprKind::Star(_) => false, // *T may be a type
            ExprKind::Paren(x) => self.is_value(*x),
            ExprKind::Index { x, indices, .. } => {
                self.is_value(*x) || (indices.len() == 1 && self.is_value(indices[0]))
            }
            _ => false,
        }
    }

    // Element = Expression | LiteralValue .
    fn bare_complit_expr(&mut self) -> ExprId {
        if self.tok() == Tok::Lbrace {
            return self.complit_expr(None);
        }
        self.expr()
    }

    // LiteralValue = "{" [ ElementList [ "," ] ] "}" .
    // ElementList  = KeyedElement { "," KeyedElement } .
    // KeyedElement = [ Key ":" ] Element .
    fn complit_expr(&mut self, typ: Option<ExprId>) -> ExprId {
        let pos = match typ {
            Some(t) => self.expr_pos(t),
            None => self.pos(),
        };
        if !self.enter() {
            return self.bad_expr();
        }
        let mut elts = Vec::new();
        self.xnest += 1;
        self.want(Tok::Lbrace);
        let rbrace = self.list("composite literal", Tok::Comma, Tok::Rbrace, &mut |p| {
            let mut e = p.bare_complit_expr();
            if p.tok() == Tok::Colon {
                let colon = p.pos();
                p.next();
                let value = p.bare_complit_expr();
                let kpos = p.expr_pos(e);
                e = p.new_expr(kpos, ExprKind::KeyValue { key: e, value, colon });
            }
            elts.push(e);
            false
        });
        self.xnest -= 1;
        self.leave();
        self.new_expr(pos, ExprKind::CompositeLit { typ, elts: elts.into(), rbrace })
    }

    // ---- Types --------------------------------------------------------------------------------------

    fn type_(&mut self) -> ExprId {
        match self.type_or_nil() {
            Some(t) => t,
            None => {
                let t = self.bad_expr();
                self.syntax_error("expecting type");
                self.advance(&[Tok::Comma, Tok::Colon, Tok::Semi, Tok::Rparen, Tok::Rbrack, Tok::Rbrace]);
                t
            }
        }
    }

    // Type     = TypeName [ TypeArgs ] | TypeLit | "(" Type ")" .
    // TypeName = identifier | QualifiedIdent .
    // TypeLit  = ArrayType | StructType | PointerType | FunctionType | InterfaceType |
    //            SliceType | MapType | ChannelType .
    fn type_or_nil(&mut self) -> Option<ExprId> {
        if !self.enter() {
            return Some(self.bad_expr());
        }
        let t = self.type_or_nil_inner();
        self.leave();
        t
    }

    fn type_or_nil_inner(&mut self) -> Option<ExprId> {
        let pos = self.pos();
        Some(match self.tok() {
            // PointerType = "*" BaseType .
            Tok::Star => {
                self.next();
                let t = self.type_();
                self.new_expr(pos, ExprKind::Star(t))
            }
            // ChannelType = ( "chan" | "chan" "<-" | "<-" "chan" ) ElementType .
            Tok::Arrow => {
                self.next();
                self.want(Tok::Chan);
                let elem = self.chan_elem();
                self.new_expr(pos, ExprKind::ChanType { dir: ChanDir::Recv, elem })
            }
            // FunctionType = "func" Signature .
            Tok::Func => {
                self.next();
                let (_, t) = self.func_type("function type", pos);
                self.new_expr(pos, ExprKind::FuncType(Box::new(t)))
            }
            // ArrayType = "[" ArrayLength "]" ElementType .
            // SliceType = "[" "]" ElementType .
            Tok::Lbrack => {
                self.next();
                if self.got(Tok::Rbrack) {
                    return Some(self.slice_type(pos));
                }
                self.array_type(pos, None)
            }
            Tok::Chan => {
                self.next();
                let dir = if self.got(Tok::Arrow) { ChanDir::Send } else { ChanDir::Both };
                let elem = self.chan_elem();
                self.new_expr(pos, ExprKind::ChanType { dir, elem })
            }
            // MapType = "map" "[" KeyType "]" ElementType .
            Tok::Map => {
                self.next();
                self.want(Tok::Lbrack);
                let key = self.type_();
                self.want(Tok::Rbrack);
                let value = self.type_();
                self.new_expr(pos, ExprKind::MapType { key, value })
            }
            Tok::Struct => self.struct_type(),
            Tok::Interface => self.interface_type(),
            Tok::Name => self.qualified_name(None),
            Tok::Lparen => {
                self.next();
                let t = self.type_();
                self.want(Tok::Rparen);
                t
            }
            _ => return None,
        })
    }

    // TypeArgs = "[" TypeList [ "," ] "]" .
    fn type_instance(&mut self, typ: ExprId) -> ExprId {
        let pos = self.expr_pos(typ);
        let lbrack = self.pos();
        self.want(Tok::Lbrack);
        let indices = if self.tok() == Tok::Rbrack {
            self.syntax_error("expecting type");
            vec![self.bad_expr()]
        } else {
            self.type_list().0
        };
        let rbrack = self.pos();
        self.want(Tok::Rbrack);
        self.new_expr(pos, ExprKind::Index { x: typ, indices: indices.into(), lbrack, rbrack })
    }

    // Signature  = Parameters [ Result ] .
    // TypeParams = "[" TypeParamList [ "," ] "]" .
    // If context is not empty, type parameters are not permitted (but accepted, with an error).
    fn func_type(&mut self, context: &str, pos: Pos) -> (Vec<Field>, FuncType) {
        let tpos = self.pos();
        let mut tparams = Vec::new();
        if self.got(Tok::Lbrack) {
            if !context.is_empty() {
                self.syntax_error_at(tpos, &format!("{context} must have no type parameters"));
            }
            if self.tok() == Tok::Rbrack {
                self.syntax_error("empty type parameter list");
                self.next();
            } else {
                let list = self.param_list(None, None, Tok::Rbrack, true);
                tparams = self.fields(list);
            }
        }
        self.want(Tok::Lparen);
        let list = self.param_list(None, None, Tok::Rparen, false);
        let params = self.fields(list);
        let results = self.func_result();
        (tparams, FuncType { pos, params, results })
    }

    /// "[" has been consumed, at `pos`; `len` is the already parsed length, if any.
    fn array_type(&mut self, pos: Pos, len: Option<ExprId>) -> ExprId {
        let len = match len {
            Some(l) => Some(l),
            None if self.got(Tok::DotDotDot) => None,
            None => {
                self.xnest += 1;
                let l = self.expr();
                self.xnest -= 1;
                Some(l)
            }
        };
        if self.tok() == Tok::Comma {
            // Trailing commas are accepted in type parameter lists but not in array types.
            self.syntax_error("unexpected comma; expecting ]");
            self.next();
        }
        self.want(Tok::Rbrack);
        let elem = self.type_();
        self.new_expr(pos, ExprKind::ArrayType { len, elem })
    }

    /// "[" and "]" have been consumed; `pos` is that of "[".
    fn slice_type(&mut self, pos: Pos) -> ExprId {
        let elem = self.type_();
        self.new_expr(pos, ExprKind::SliceType { elem })
    }

    fn chan_elem(&mut self) -> ExprId {
        match self.type_or_nil() {
            Some(t) => t,
            None => {
                let t = self.bad_expr();
                self.syntax_error("missing channel element type");
                t
            }
        }
    }

    // StructType = "struct" "{" { FieldDecl ";" } "}" .
    fn struct_type(&mut self) -> ExprId {
        let pos = self.pos();
        self.want(Tok::Struct);
        self.want(Tok::Lbrace);
        let mut fields = Vec::new();
        self.list("struct type", Tok::Semi, Tok::Rbrace, &mut |p| {
            p.field_decl(&mut fields);
            false
        });
        self.new_expr(pos, ExprKind::StructType { fields })
    }

    // InterfaceType  = "interface" "{" { InterfaceElem ";" } "}" .
    // InterfaceElem  = MethodElem | TypeElem .
    // MethodElem     = MethodName Signature .
    // TypeElem       = TypeTerm { "|" TypeTerm } .
    fn interface_type(&mut self) -> ExprId {
        let pos = self.pos();
        self.want(Tok::Interface);
        self.want(Tok::Lbrace);
        let mut elems = Vec::new();
        self.list("interface type", Tok::Semi, Tok::Rbrace, &mut |p| {
            let first = if p.tok() == Tok::Name { Some(p.method_decl()) } else { None };
            let elem = match first {
                Some(MethodOrType::Method(name, typ)) => InterfaceElem::Method { name, typ },
                Some(MethodOrType::Type(t)) => {
                    let t = p.embedded_elem(Some(t));
                    InterfaceElem::Union(p.terms(t))
                }
                None => {
                    let t = p.embedded_elem(None);
                    InterfaceElem::Union(p.terms(t))
                }
            };
            elems.push(elem);
            false
        });
        self.new_expr(pos, ExprKind::InterfaceType { elems })
    }

    /// Flattens the `|` chain built by `embedded_elem` into union terms.
    fn terms(&self, t: ExprId) -> Vec<Term> {
        let mut out = Vec::new();
        let mut stack = vec![t];
        while let Some(t) = stack.pop() {
            match &self.ast.expr(t).kind {
                ExprKind::Binary { op: BinaryOp::Or, x, y, .. } => {
                    stack.push(*y);
                    stack.push(*x);
                }
                ExprKind::Unary { op: UnaryOp::Tilde, x } => {
                    out.push(Term { pos: self.expr_pos(t), tilde: true, typ: *x })
                }
                _ => out.push(Term { pos: self.expr_pos(t), tilde: false, typ: t }),
            }
        }
        out
    }

    // Result = Parameters | Type .
    fn func_result(&mut self) -> Vec<Field> {
        if self.got(Tok::Lparen) {
            let list = self.param_list(None, None, Tok::Rparen, false);
            return self.fields(list);
        }
        let pos = self.pos();
        match self.type_or_nil() {
            Some(typ) => vec![Field { pos, names: Vec::new(), typ, tag: None }],
            None => Vec::new(),
        }
    }

    // FieldDecl     = ( IdentifierList Type | EmbeddedField ) [ Tag ] .
    // EmbeddedField = [ "*" ] TypeName [ TypeArgs ] .
    // Tag           = string_lit .
    fn field_decl(&mut self, fields: &mut Vec<Field>) {
        let pos = self.pos();
        match self.tok() {
            Tok::Name => {
                let name = self.name();
                if matches!(self.tok(), Tok::Dot | Tok::Literal | Tok::Semi | Tok::Rbrace) {
                    // embedded type
                    let typ = self.qualified_name(Some(name));
                    let tag = self.tag();
                    fields.push(Field { pos, names: Vec::new(), typ, tag });
                    return;
                }
                // name1, name2, ... Type [ tag ]
                let names = self.name_list(name);
                // An embedded instantiated type T[P1, P2] or a field T of array/slice type [P]E or []E?
                let typ = if names.len() == 1 && self.tok() == Tok::Lbrack {
                    match self.array_or_targs() {
                        ArrayOrTArgs::Args(indices, lbrack, rbrack) => {
                            let x = self.ident_expr(names[0].clone());
                            let typ =
                                self.new_expr(pos, ExprKind::Index { x, indices: indices.into(), lbrack, rbrack });
                            let tag = self.tag();
                            fields.push(Field { pos, names: Vec::new(), typ, tag });
                            return;
                        }
                        ArrayOrTArgs::Type(t) => t,
                    }
                } else {
                    self.type_()
                };
                let tag = self.tag();
                fields.push(Field { pos, names, typ, tag });
            }
            Tok::Star => {
                self.next();
                let typ = if self.tok() == Tok::Lparen {
                    // *(T)
                    self.syntax_error("cannot parenthesize embedded type");
                    self.next();
                    let t = self.qualified_name(None);
                    self.got(Tok::Rparen);
                    t
                } else {
                    self.qualified_name(None)
                };
                let tag = self.tag();
                let typ = self.new_expr(pos, ExprKind::Star(typ));
                fields.push(Field { pos, names: Vec::new(), typ, tag });
            }
            Tok::Lparen => {
                self.syntax_error("cannot parenthesize embedded type");
                self.next();
                let typ = if self.tok() == Tok::Star {
                    // (*T)
                    let spos = self.pos();
                    self.next();
                    let t = self.qualified_name(None);
                    self.new_expr(spos, ExprKind::Star(t))
                } else {
                    self.qualified_name(None)
                };
                self.got(Tok::Rparen);
                let tag = self.tag();
                fields.push(Field { pos, names: Vec::new(), typ, tag });
            }
            _ => {
                self.syntax_error("expecting field name or embedded type");
                self.advance(&[Tok::Semi, Tok::Rbrace]);
            }
        }
    }

    fn tag(&mut self) -> Option<String> {
        if self.tok() == Tok::Literal {
            let raw = self.s.lit.clone();
            self.next();
            Some(raw)
        } else {
            None
        }
    }

    /// After a field name: `[n]E`, `[]E` (a field type) or `[A, B]` (type arguments of an embedded type).
    fn array_or_targs(&mut self) -> ArrayOrTArgs {
        let pos = self.pos();
        self.want(Tok::Lbrack);
        if self.got(Tok::Rbrack) {
            return ArrayOrTArgs::Type(self.slice_type(pos));
        }
        // x [n]E or x[n,], x[n1, n2], ...
        let (list, comma) = self.type_list();
        let rbrack = self.pos();
        self.want(Tok::Rbrack);
        if !comma {
            if let Some(elem) = self.type_or_nil() {
                // x [n]E
                let len = list.first().copied();
                return ArrayOrTArgs::Type(self.new_expr(pos, ExprKind::ArrayType { len, elem }));
            }
        }
        ArrayOrTArgs::Args(list, pos, rbrack)
    }

    // MethodElem = MethodName Signature .
    // MethodName = identifier .
    // (or the start of an embedded type name)
    fn method_decl(&mut self) -> MethodOrType {
        let name = self.name();
        const CONTEXT: &str = "interface method";
        match self.tok() {
            Tok::Lparen => {
                let (_, typ) = self.func_type(CONTEXT, name.pos);
                MethodOrType::Method(name, typ)
            }
            Tok::Lbrack => {
                // A generic method m[T C](x T) (accepted, with an error) or an embedded instantiated type
                // T[P1, P2]?
                let pos = self.pos();
                self.next();
                if self.tok() == Tok::Rbrack {
                    // name[]: empty lists are not permitted; treat as if [] were absent.
                    let pos = self.pos();
                    self.next();
                    if self.tok() == Tok::Lparen {
                        self.error_at(pos, "empty type parameter list".into());
                        let (_, typ) = self.func_type(CONTEXT, name.pos);
                        return MethodOrType::Method(name, typ);
                    }
                    self.error_at(pos, "empty type argument list".into());
                    return MethodOrType::Type(self.ident_expr(name));
                }
                // A type argument list looks like a parameter list with only types.
                let list = self.param_list(None, None, Tok::Rbrack, false);
                if list.is_empty() {
                    if self.tok() == Tok::Lparen {
                        let (_, typ) = self.func_type(CONTEXT, name.pos);
                        return MethodOrType::Method(name, typ);
                    }
                    return MethodOrType::Type(self.ident_expr(name));
                }
                if list[0].name.is_some() {
                    // generic method
                    let (_, typ) = self.func_type(CONTEXT, name.pos);
                    self.error_at(pos, "interface method must have no type parameters".into());
                    return MethodOrType::Method(name, typ);
                }
                // embedded instantiated type
                let indices: Vec<ExprId> = list.iter().filter_map(|p| p.typ).collect();
                let x = self.ident_expr(name);
                let xpos = self.expr_pos(x);
                MethodOrType::Type(
                    self.new_expr(xpos, ExprKind::Index { x, indices: indices.into(), lbrack: pos, rbrack: pos }),
                )
            }
            _ => MethodOrType::Type(self.qualified_name(Some(name))),
        }
    }

    // TypeElem = TypeTerm { "|" TypeTerm } .
    fn embedded_elem(&mut self, first: Option<ExprId>) -> ExprId {
        let mut x = match first {
            Some(x) => x,
            None => self.embedded_term(),
        };
        while self.is_op(Operator::Or) {
            let op_pos = self.pos();
            self.next();
            let y = self.embedded_term();
            let xpos = self.expr_pos(x);
            x = self.new_expr(xpos, ExprKind::Binary { op: BinaryOp::Or, op_pos, x, y });
        }
        x
    }

    // TypeTerm = Type | UnderlyingType .
    // UnderlyingType = "~" Type .
    fn embedded_term(&mut self) -> ExprId {
        if self.is_op(Operator::Tilde) {
            let pos = self.pos();
            self.next();
            let x = self.type_();
            return self.new_expr(pos, ExprKind::Unary { op: UnaryOp::Tilde, x });
        }
        match self.type_or_nil() {
            Some(t) => t,
            None => {
                let t = self.bad_expr();
                self.syntax_error("expecting ~ term or type");
                self.advance(&[Tok::Operator, Tok::Semi, Tok::Rparen, Tok::Rbrack, Tok::Rbrace]);
                t
            }
        }
    }

    // ParameterDecl = [ IdentifierList ] [ "..." ] Type .
    fn param_decl_or_nil(&mut self, name: Option<Ident>, follow: Tok) -> Option<Param> {
        // Type set notation is fine in type parameter lists.
        let type_sets_ok = follow == Tok::Rbrack;
        let mut pos = self.pos();
        if let Some(n) = &name {
            pos = n.pos;
        } else if type_sets_ok && self.is_op(Operator::Tilde) {
            // "~" ...
            let t = self.embedded_elem(None);
            return Some(Param { pos, name: None, typ: Some(t) });
        }

        let mut f = Param { pos, name: None, typ: None };
        if self.tok() == Tok::Name || name.is_some() {
            let name = match name {
                Some(n) => n,
                None => self.name(),
            };
            if self.tok() == Tok::Lbrack {
                // name "[" ...
                match self.array_or_targs() {
                    ArrayOrTArgs::Args(indices, lbrack, rbrack) => {
                        // name "[" ... "]": an instantiated type
                        let x = self.ident_expr(name);
                        let xpos = self.expr_pos(x);
                        f.typ =
                            Some(self.new_expr(xpos, ExprKind::Index { x, indices: indices.into(), lbrack, rbrack }));
                    }
                    ArrayOrTArgs::Type(t) => {
                        // name "[" n "]" E
                        f.name = Some(name);
                        f.typ = Some(t);
                    }
                }
                if type_sets_ok && self.is_op(Operator::Or) {
                    f.typ = Some(self.embedded_elem(f.typ));
                }
                return Some(f);
            }
            if self.tok() == Tok::Dot {
                // name "." ...
                let t = self.qualified_name(Some(name));
                f.typ = Some(t);
                if type_sets_ok && self.is_op(Operator::Or) {
                    f.typ = Some(self.embedded_elem(f.typ));
                }
                return Some(f);
            }
            if type_sets_ok && self.is_op(Operator::Or) {
                // name "|" ...
                let t = self.ident_expr(name);
                f.typ = Some(self.embedded_elem(Some(t)));
                return Some(f);
            }
            f.name = Some(name);
        }

        if self.tok() == Tok::DotDotDot {
            // [name] "..." ...
            let dpos = self.pos();
            self.next();
            let elem = match self.type_or_nil() {
                Some(t) => t,
                None => {
                    let t = self.bad_expr();
                    self.syntax_error("... is missing type");
                    t
                }
            };
            f.typ = Some(self.new_expr(dpos, ExprKind::Ellipsis { elem }));
            return Some(f);
        }

        if type_sets_ok && self.is_op(Operator::Tilde) {
            // [name] "~" ...
            f.typ = Some(self.embedded_elem(None));
            return Some(f);
        }

        f.typ = self.type_or_nil();
        if type_sets_ok && self.is_op(Operator::Or) && f.typ.is_some() {
            // [name] type "|"
            f.typ = Some(self.embedded_elem(f.typ));
        }
        if f.name.is_some() || f.typ.is_some() {
            return Some(f);
        }
        self.syntax_error(&format!("expecting {}", follow.describe()));
        self.advance(&[Tok::Comma, follow]);
        None
    }

    // Parameters    = "(" [ ParameterList [ "," ] ] ")" .
    // ParameterList = ParameterDecl { "," ParameterDecl } .
    // TypeParamList = TypeParamDecl { "," TypeParamDecl } .
    // TypeParamDecl = IdentifierList TypeConstraint .
    // "(" or "[" has been consumed. `name` is an already parsed first name and `typ` its type, if any.
    // In the result either every parameter has a name or none has.
    fn param_list(&mut self, name: Option<Ident>, typ: Option<ExprId>, close: Tok, require_names: bool) -> Vec<Param> {
        if let (Some(n), Some(t)) = (&name, typ) {
            if self.tok() == close {
                // A complete single field.
                self.next();
                return vec![Param { pos: n.pos, name: Some(n.clone()), typ: Some(t) }];
            }
        }
        let mut list: Vec<Param> = Vec::new();
        let mut named = 0; // parameters with an explicit name and type
        let mut typed = 0; // parameters with an explicit type
        let mut name = name;
        let mut typ = typ;
        let end = self.list("parameter list", Tok::Comma, close, &mut |p| {
            let par = if let Some(t) = typ.take() {
                let n = name.take();
                Some(Param { pos: n.as_ref().map(|n| n.pos).unwrap_or(Pos::NONE), name: n, typ: Some(t) })
            } else {
                p.param_decl_or_nil(name.take(), close)
            };
            if let Some(par) = par {
                if par.name.is_some() && par.typ.is_some() {
                    named += 1;
                }
                if par.typ.is_some() {
                    typed += 1;
                }
                list.push(par);
            }
            false
        });
        if list.is_empty() {
            return list;
        }

        // Distribute parameter types.
        if named == 0 && !require_names {
            // All unnamed: the names found are type names.
            for par in &mut list {
                if let Some(n) = par.name.take() {
                    par.typ = Some(self.ast.add_expr(n.pos, ExprKind::Ident(n)));
                }
            }
        } else if named != list.len() {
            // Some named: all must have names and types.
            let mut err_pos = Pos::NONE; // left-most error position
            let mut typ: Option<ExprId> = None; // current type, from right to left
            for i in (0..list.len()).rev() {
                if let Some(t) = list[i].typ {
                    typ = Some(t);
                    if list[i].name.is_none() {
                        err_pos = self.expr_pos(t);
                        list[i].name = Some(Ident { pos: err_pos, name: "_".into() });
                    }
                } else if typ.is_some() {
                    list[i].typ = typ;
                } else {
                    // Only a name.
                    let npos = list[i].name.as_ref().map(|n| n.pos).unwrap_or(Pos::NONE);
                    err_pos = npos;
                    list[i].typ = Some(self.new_expr(npos, ExprKind::Bad));
                }
            }
            if err_pos.is_known() {
                let msg = if require_names {
                    if named == typed {
                        err_pos = end; // at the closing ]
                        "missing type constraint"
                    } else {
                        "type parameters must be named"
                    }
                } else {
                    "mixed named and unnamed parameters"
                };
                self.syntax_error_at(err_pos, msg);
            }
        }
        list
    }

    /// Groups parameters into AST fields: consecutive names sharing one type make one field.
    fn fields(&mut self, list: Vec<Param>) -> Vec<Field> {
        let mut out: Vec<Field> = Vec::new();
        for par in list {
            let typ = match par.typ {
                Some(t) => t,
                None => self.new_expr(par.pos, ExprKind::Bad),
            };
            match par.name {
                Some(n) => {
                    if let Some(last) = out.last_mut() {
                        if last.typ == typ && !last.names.is_empty() {
                            last.names.push(n);
                            continue;
                        }
                    }
                    out.push(Field { pos: n.pos, names: vec![n], typ, tag: None });
                }
                None => {
                    let pos = self.expr_pos(typ);
                    out.push(Field { pos, names: Vec::new(), typ, tag: None });
                }
            }
        }
        out
    }

    // ---- Statements ---------------------------------------------------------------------------------

    // SimpleStmt = EmptyStmt | ExpressionStmt | SendStmt | IncDecStmt | Assignment | ShortVarDecl .
    // RangeClause = [ ExpressionList "=" | IdentifierList ":=" ] "range" Expression .
    fn simple_stmt(&mut self, lhs: Option<Vec<ExprId>>, keyword: Option<Tok>) -> Simple {
        if keyword == Some(Tok::For) && self.tok() == Tok::Range {
            // "range" expr
            return self.range_clause(Vec::new(), false);
        }
        let lhs = match lhs {
            Some(l) => l,
            None => self.expr_list(),
        };
        let lpos = self.expr_pos(lhs[0]);

        if lhs.len() == 1 && self.tok() != Tok::Assign && self.tok() != Tok::Define {
            let pos = self.pos();
            let x = lhs[0];
            let kind = match self.tok() {
                Tok::AssignOp => {
                    // lhs op= rhs
                    let op = self.s.op.binary().unwrap_or(BinaryOp::Add);
                    self.next();
                    let rhs = self.expr();
                    StmtKind::Assign { lhs, op: AssignOp::Op(op), op_pos: pos, rhs: vec![rhs] }
                }
                Tok::IncOp => {
                    // lhs++ or lhs--
                    let inc = self.s.op == Operator::Add;
                    self.next();
                    StmtKind::IncDec { x, inc }
                }
                Tok::Arrow => {
                    // lhs <- rhs
                    self.next();
                    let value = self.expr();
                    StmtKind::Send { ch: x, value }
                }
                _ => StmtKind::Expr(x),
            };
            let is_op = matches!(kind, StmtKind::IncDec { .. } | StmtKind::Send { .. });
            let s = self.new_stmt(lpos, kind);
            if is_op {
                self.op_pos.push((s, pos));
            }
            return Simple::Stmt(s);
        }

        match self.tok() {
            Tok::Assign | Tok::Define => {
                let op_pos = self.pos();
                let define = self.tok() == Tok::Define;
                self.next();
                if keyword == Some(Tok::For) && self.tok() == Tok::Range {
                    // expr_list op= "range" expr
                    return self.range_clause(lhs, define);
                }
                let rhs = self.expr_list();
                let op = if define { AssignOp::Define } else { AssignOp::Assign };
                Simple::Stmt(self.new_stmt(lpos, StmtKind::Assign { lhs, op, op_pos, rhs }))
            }
            _ => {
                self.syntax_error("expecting := or = or comma");
                self.advance(&[Tok::Semi, Tok::Rbrace]);
                Simple::Stmt(self.new_stmt(lpos, StmtKind::Expr(lhs[0])))
            }
        }
    }

    fn range_clause(&mut self, lhs: Vec<ExprId>, define: bool) -> Simple {
        let pos = self.pos();
        self.next(); // "range"
        let x = self.expr();
        Simple::Range { pos, lhs, define, x }
    }

    /// A simple statement where a range clause is not permitted.
    fn simple_stmt_only(&mut self, lhs: Option<Vec<ExprId>>, keyword: Option<Tok>) -> StmtId {
        match self.simple_stmt(lhs, keyword) {
            Simple::Stmt(s) => s,
            Simple::Range { pos, .. } => self.new_stmt(pos, StmtKind::Bad),
        }
    }

    // LabeledStmt = Label ":" Statement .
    // Label       = identifier .
    fn labeled_stmt_or_nil(&mut self, label: Ident) -> Option<StmtId> {
        let colon = self.pos();
        self.want(Tok::Colon);
        if self.tok() == Tok::Rbrace {
            // A statement (even an empty one) must follow; semicolons may be omitted before "}".
            let e = self.new_stmt(self.pos(), StmtKind::Empty);
            return Some(self.new_stmt(label.pos, StmtKind::Labeled { label, stmt: e }));
        }
        if let Some(s) = self.stmt_or_nil() {
            return Some(self.new_stmt(label.pos, StmtKind::Labeled { label, stmt: s }));
        }
        // Report the error at the line of the ':'.
        self.syntax_error_at(colon, "missing statement after label");
        None
    }

    // Block = "{" StatementList "}" .
    // `context` names the construct for the error when "{" is missing.
    fn block_stmt(&mut self, context: &str) -> Block {
        let lbrace = self.pos();
        // People coming from C may forget that braces are mandatory in Go.
        if !self.got(Tok::Lbrace) {
            self.syntax_error(&format!("expecting {{ after {context}"));
            self.advance(&[Tok::Name, Tok::Rbrace]);
            let rbrace = self.pos();
            if self.got(Tok::Rbrace) {
                return Block { lbrace, stmts: Vec::new(), rbrace };
            }
        }
        let stmts = self.stmt_list();
        let rbrace = self.pos();
        self.want(Tok::Rbrace);
        Block { lbrace, stmts, rbrace }
    }

    // Declaration = ConstDecl | TypeDecl | VarDecl .
    fn decl_stmt(&mut self, kind: GenKind) -> StmtId {
        let pos = self.pos();
        self.next(); // const, type or var
        let d = self.append_group(pos, kind);
        self.new_stmt(pos, StmtKind::Decl(d))
    }

    // ForStmt = "for" [ Condition | ForClause | RangeClause ] Block .
    // ForClause = [ InitStmt ] ";" [ Condition ] ";" [ PostStmt ] .
    fn for_stmt(&mut self) -> StmtId {
        let pos = self.pos();
        let h = self.header(Tok::For);
        let body = self.block_stmt("for clause");
        if let Some((rpos, lhs, define, x)) = h.range {
            let _ = rpos;
            let key = lhs.first().copied();
            let value = lhs.get(1).copied();
            let extra = lhs.get(2).copied();
            return self.new_stmt(pos, StmtKind::Range { key, value, extra, define, x, body });
        }
        self.new_stmt(pos, StmtKind::For { init: h.init, cond: h.cond, post: h.post, body })
    }

    /// The header of an `if`, `for` or `switch`: `[ init ; ] cond`, `init ; cond ; post` or a range clause.
    /// Composite literals with a bare type are not allowed here (`xnest = -1`).
    fn header(&mut self, keyword: Tok) -> Header {
        let mut h = Header::default();
        self.want(keyword);
        if self.tok() == Tok::Lbrace {
            if keyword == Tok::If {
                self.syntax_error("missing condition in if statement");
                h.cond = Some(self.bad_expr());
            }
            return h;
        }
        let outer = self.xnest;
        self.xnest = -1;

        if self.tok() != Tok::Semi {
            // Accept a var declaration, with an error.
            if self.got(Tok::Var) {
                self.syntax_error(&format!("var declaration not allowed in {} initializer", keyword.describe()));
            }
            match self.simple_stmt(None, Some(keyword)) {
                Simple::Range { pos, lhs, define, x } => {
                    h.range = Some((pos, lhs, define, x));
                    self.xnest = outer;
                    return h;
                }
                Simple::Stmt(s) => h.init = Some(s),
            }
        }

        let mut cond_stmt = None;
        let mut semi: Option<(Pos, String)> = None;
        let mut skip_unpack = false;
        if self.tok() != Tok::Lbrace {
            if self.tok() == Tok::Semi {
                semi = Some((self.pos(), self.s.lit.clone()));
                self.next();
            } else {
                // Asking for '{' rather than ';' gives a better message.
                self.want(Tok::Lbrace);
                if self.tok() != Tok::Lbrace {
                    self.advance(&[Tok::Lbrace, Tok::Rbrace]);
                }
            }
            if keyword == Tok::For {
                if self.tok() != Tok::Semi {
                    if self.tok() == Tok::Lbrace {
                        self.syntax_error("expecting for loop condition");
                        skip_unpack = true;
                    } else {
                        cond_stmt = Some(self.simple_stmt_only(None, None));
                    }
                }
                if !skip_unpack {
                    self.want(Tok::Semi);
                    if self.tok() != Tok::Lbrace {
                        let post = self.simple_stmt_only(None, None);
                        if let StmtKind::Assign { op: AssignOp::Define, .. } = self.ast.stmt(post).kind {
                            let p = self.gc_stmt_pos(post);
                            self.syntax_error_at(p, "cannot declare in post statement of for loop");
                        }
                        h.post = Some(post);
                    }
                }
            } else if self.tok() != Tok::Lbrace {
                cond_stmt = Some(self.simple_stmt_only(None, Some(keyword)));
            }
        } else {
            cond_stmt = h.init.take();
        }

        // Unpack the condition statement.
        match cond_stmt {
            None => {
                if keyword == Tok::If {
                    if let Some((spos, lit)) = semi {
                        if lit != "semicolon" {
                            self.syntax_error_at(spos, &format!("unexpected {lit}, expecting {{ after if clause"));
                        } else {
                            self.syntax_error_at(spos, "missing condition in if statement");
                        }
                        h.cond = Some(self.new_expr(spos, ExprKind::Bad));
                    }
                }
            }
            Some(s) => {
                let kind = self.ast.stmt(s).kind.clone();
                match kind {
                    StmtKind::Expr(x) => {
                        h.cond = Some(x);
                        if keyword == Tok::Switch && self.is_guard(x) {
                            h.guard = Some(s);
                        }
                    }
                    StmtKind::Assign { ref lhs, op: AssignOp::Define, ref rhs, .. }
                        if keyword == Tok::Switch
                            && lhs.len() == 1
                            && rhs.len() == 1
                            && matches!(self.ast.expr(lhs[0]).kind, ExprKind::Ident(_))
                            && self.is_guard(rhs[0]) =>
                    {
                        // switch … x := y.(type)
                        h.guard = Some(s);
                    }
                    StmtKind::Assign { lhs, op: AssignOp::Assign, rhs, .. } => {
                        // A common mistake is '=' for '==': emphasize both sides.
                        let str = format!(
                            "assignment ({}) = ({})",
                            print::list_string(self.ast, &lhs),
                            print::list_string(self.ast, &rhs)
                        );
                        let p = self.gc_stmt_pos(s);
                        self.syntax_error_at(p, &format!("cannot use {str} as value"));
                        h.cond = Some(self.new_expr(p, ExprKind::Bad));
                    }
                    _ => {
                        let str = print::stmt_string(self.ast, s);
                        let p = self.gc_stmt_pos(s);
                        self.syntax_error_at(p, &format!("cannot use {str} as value"));
                        h.cond = Some(self.new_expr(p, ExprKind::Bad));
                    }
                }
            }
        }
        self.xnest = outer;
        h
    }

    /// The position gc gives a simple statement in its messages: the operator of an assignment, send or
    /// inc/dec statement, the start of anything else.
    fn gc_stmt_pos(&self, s: StmtId) -> Pos {
        match &self.ast.stmt(s).kind {
            StmtKind::Assign { op_pos, .. } => *op_pos,
            StmtKind::Send { .. } | StmtKind::IncDec { .. } => {
                self.op_pos.iter().rev().find(|(id, _)| *id == s).map(|p| p.1).unwrap_or(self.ast.stmt(s).pos)
            }
            _ => self.ast.stmt(s).pos,
        }
    }

    fn is_guard(&self, x: ExprId) -> bool {
        matches!(self.ast.expr(x).kind, ExprKind::TypeAssert { typ: None, .. })
    }

    // IfStmt = "if" [ SimpleStmt ";" ] Expression Block [ "else" ( IfStmt | Block ) ] .
    fn if_stmt(&mut self) -> StmtId {
        let pos = self.pos();
        if !self.enter() {
            return self.new_stmt(pos, StmtKind::Bad);
        }
        let h = self.header(Tok::If);
        let then = self.block_stmt("if clause");
        let mut els = None;
        if self.got(Tok::Else) {
            match self.tok() {
                Tok::If => els = Some(self.if_stmt()),
                Tok::Lbrace => {
                    let bpos = self.pos();
                    let b = self.block_stmt("");
                    els = Some(self.new_stmt(bpos, StmtKind::Block(b)));
                }
                _ => {
                    self.syntax_error("else must be followed by if or statement block");
                    self.advance(&[Tok::Name, Tok::Rbrace]);
                }
            }
        }
        self.leave();
        let cond = match h.cond {
            Some(c) => c,
            None => self.new_expr(pos, ExprKind::Bad),
        };
        self.new_stmt(pos, StmtKind::If { init: h.init, cond, then, els })
    }

    // SwitchStmt = ExprSwitchStmt | TypeSwitchStmt .
    // ExprSwitchStmt = "switch" [ SimpleStmt ";" ] [ Expression ] "{" { ExprCaseClause } "}" .
    // TypeSwitchStmt  = "switch" [ SimpleStmt ";" ] TypeSwitchGuard "{" { TypeCaseClause } "}" .
    // TypeSwitchGuard = [ identifier ":=" ] PrimaryExpr "." "(" "type" ")" .
    fn switch_stmt(&mut self) -> StmtId {
        let pos = self.pos();
        let h = self.header(Tok::Switch);
        if !self.got(Tok::Lbrace) {
            self.syntax_error("missing { after switch clause");
            self.advance(&[Tok::Case, Tok::Default, Tok::Rbrace]);
        }
        let mut body = Vec::new();
        while self.tok() != Tok::EOF && self.tok() != Tok::Rbrace {
            body.push(self.case_clause());
        }
        let rbrace = self.pos();
        self.want(Tok::Rbrace);
        match h.guard {
            Some(assign) => self.new_stmt(pos, StmtKind::TypeSwitch { init: h.init, assign, body, rbrace }),
            None => self.new_stmt(pos, StmtKind::Switch { init: h.init, tag: h.cond, body, rbrace }),
        }
    }

    // SelectStmt = "select" "{" { CommClause } "}" .
    fn select_stmt(&mut self) -> StmtId {
        let pos = self.pos();
        self.want(Tok::Select);
        if !self.got(Tok::Lbrace) {
            self.syntax_error("missing { after select clause");
            self.advance(&[Tok::Case, Tok::Default, Tok::Rbrace]);
        }
        let mut body = Vec::new();
        while self.tok() != Tok::EOF && self.tok() != Tok::Rbrace {
            body.push(self.comm_clause());
        }
        let rbrace = self.pos();
        self.want(Tok::Rbrace);
        self.new_stmt(pos, StmtKind::Select { body, rbrace })
    }

    // ExprCaseClause = ExprSwitchCase ":" StatementList .
    // ExprSwitchCase = "case" ExpressionList | "default" .
    // TypeCaseClause = TypeSwitchCase ":" StatementList .
    // TypeSwitchCase = "case" TypeList | "default" .
    fn case_clause(&mut self) -> CaseClause {
        let pos = self.pos();
        let mut list = None;
        match self.tok() {
            Tok::Case => {
                self.next();
                list = Some(self.expr_list());
            }
            Tok::Default => self.next(),
            _ => {
                self.syntax_error("expecting case or default or }");
                self.advance(&[Tok::Colon, Tok::Case, Tok::Default, Tok::Rbrace]);
            }
        }
        let colon = self.pos();
        self.want(Tok::Colon);
        let body = self.stmt_list();
        CaseClause { pos, list, colon, body }
    }

    // CommClause = CommCase ":" StatementList .
    // CommCase   = "case" ( SendStmt | RecvStmt ) | "default" .
    // RecvStmt   = [ ExpressionList "=" | IdentifierList ":=" ] RecvExpr .
    fn comm_clause(&mut self) -> CommClause {
        let pos = self.pos();
        let mut comm = None;
        match self.tok() {
            Tok::Case => {
                self.next();
                // Any simple statement is accepted here; the checker restricts it to send and receive.
                comm = Some(self.simple_stmt_only(None, None));
            }
            Tok::Default => self.next(),
            _ => {
                self.syntax_error("expecting case or default or }");
                self.advance(&[Tok::Colon, Tok::Case, Tok::Default, Tok::Rbrace]);
            }
        }
        let colon = self.pos();
        self.want(Tok::Colon);
        let body = self.stmt_list();
        CommClause { pos, comm, colon, body }
    }

    // Statement =
    //     Declaration | LabeledStmt | SimpleStmt |
    //     GoStmt | ReturnStmt | BreakStmt | ContinueStmt | GotoStmt |
    //     FallthroughStmt | Block | IfStmt | SwitchStmt | SelectStmt | ForStmt |
    //     DeferStmt .
    fn stmt_or_nil(&mut self) -> Option<StmtId> {
        if !self.enter() {
            return None;
        }
        let s = self.stmt_or_nil_inner();
        self.leave();
        s
    }

    fn stmt_or_nil_inner(&mut self) -> Option<StmtId> {
        // Most statements (assignments) start with an identifier.
        if self.tok() == Tok::Name {
            self.clear_pragma();
            let lhs = self.expr_list();
            if lhs.len() == 1 && self.tok() == Tok::Colon {
                if let ExprKind::Ident(label) = &self.ast.expr(lhs[0]).kind {
                    let label = label.clone();
                    return self.labeled_stmt_or_nil(label);
                }
            }
            return Some(self.simple_stmt_only(Some(lhs), None));
        }

        match self.tok() {
            Tok::Var => return Some(self.decl_stmt(GenKind::Var)),
            Tok::Const => return Some(self.decl_stmt(GenKind::Const)),
            Tok::Type => return Some(self.decl_stmt(GenKind::Type)),
            _ => {}
        }
        self.clear_pragma();

        let pos = self.pos();
        match self.tok() {
            Tok::Lbrace => {
                let b = self.block_stmt("");
                Some(self.new_stmt(pos, StmtKind::Block(b)))
            }
            Tok::Operator | Tok::Star => match self.s.op {
                Operator::Add | Operator::Sub | Operator::Mul | Operator::And | Operator::Xor | Operator::Not => {
                    Some(self.simple_stmt_only(None, None)) // unary operators
                }
                _ => None,
            },
            Tok::Literal
            | Tok::Func
            | Tok::Lparen
            | Tok::Lbrack
            | Tok::Struct
            | Tok::Map
            | Tok::Chan
            | Tok::Interface
            | Tok::Arrow => Some(self.simple_stmt_only(None, None)),
            Tok::For => Some(self.for_stmt()),
            Tok::Switch => Some(self.switch_stmt()),
            Tok::Select => Some(self.select_stmt()),
            Tok::If => Some(self.if_stmt()),
            Tok::Fallthrough => {
                self.next();
                Some(self.new_stmt(pos, StmtKind::Branch { kind: BranchKind::Fallthrough, label: None }))
            }
            Tok::Break | Tok::Continue => {
                let kind = if self.tok() == Tok::Break { BranchKind::Break } else { BranchKind::Continue };
                self.next();
                let label = if self.tok() == Tok::Name { Some(self.name()) } else { None };
                Some(self.new_stmt(pos, StmtKind::Branch { kind, label }))
            }
            Tok::Go | Tok::Defer => Some(self.call_stmt()),
            Tok::Goto => {
                self.next();
                let label = Some(self.name());
                Some(self.new_stmt(pos, StmtKind::Branch { kind: BranchKind::Goto, label }))
            }
            Tok::Return => {
                self.next();
                let results =
                    if self.tok() != Tok::Semi && self.tok() != Tok::Rbrace { self.expr_list() } else { Vec::new() };
                Some(self.new_stmt(pos, StmtKind::Return(results)))
            }
            Tok::Semi => Some(self.new_stmt(pos, StmtKind::Empty)),
            _ => None,
        }
    }

    // StatementList = { Statement ";" } .
    fn stmt_list(&mut self) -> Vec<StmtId> {
        let mut l = Vec::new();
        while !matches!(self.tok(), Tok::EOF | Tok::Rbrace | Tok::Case | Tok::Default) {
            pos::set_current(self.pos());
            let s = self.stmt_or_nil();
            self.clear_pragma();
            let Some(s) = s else { break };
            l.push(s);
            // ";" is optional before "}"
            if !self.got(Tok::Semi) && self.tok() != Tok::Rbrace {
                self.syntax_error("at end of statement");
                self.advance(&[Tok::Semi, Tok::Rbrace, Tok::Case, Tok::Default]);
                self.got(Tok::Semi); // avoid a spurious empty statement
            }
        }
        l
    }

    /// `argList = [ arg { "," arg } [ "..." ] [ "," ] ] ")" .` Returns the arguments, the position of
    /// `...` if present, and that of `)`.
    fn arg_list(&mut self) -> (Vec<ExprId>, Option<Pos>, Pos) {
        let mut list = Vec::new();
        let mut dots = None;
        self.xnest += 1;
        let rparen = self.list("argument list", Tok::Comma, Tok::Rparen, &mut |p| {
            list.push(p.expr());
            if p.tok() == Tok::DotDotDot {
                dots = Some(p.pos());
                p.next();
            }
            dots.is_some()
        });
        self.xnest -= 1;
        (list, dots, rparen)
    }

    // ---- Common productions -------------------------------------------------------------------------

    fn name(&mut self) -> Ident {
        if self.tok() == Tok::Name {
            let n = Ident { pos: self.pos(), name: Name::new(&self.s.lit) };
            self.next();
            return n;
        }
        let n = Ident { pos: self.pos(), name: "_".into() };
        self.syntax_error("expecting name");
        self.advance(&[]);
        n
    }

    // IdentifierList = identifier { "," identifier } .
    fn name_list(&mut self, first: Ident) -> Vec<Ident> {
        let mut l = vec![first];
        while self.got(Tok::Comma) {
            l.push(self.name());
        }
        l
    }

    // TypeName = identifier | QualifiedIdent [ TypeArgs ] .
    // QualifiedIdent = PackageName "." identifier .
    fn qualified_name(&mut self, name: Option<Ident>) -> ExprId {
        let mut x = match name {
            Some(n) => self.ident_expr(n),
            None if self.tok() == Tok::Name => {
                let n = self.name();
                self.ident_expr(n)
            }
            None => {
                let n = Ident { pos: self.pos(), name: "_".into() };
                let x = self.ident_expr(n);
                self.syntax_error("expecting name");
                self.advance(&[Tok::Dot, Tok::Semi, Tok::Rbrace]);
                x
            }
        };
        if self.tok() == Tok::Dot {
            self.next();
            let sel = self.name();
            let xpos = self.expr_pos(x);
            x = self.new_expr(xpos, ExprKind::Selector { x, sel });
        }
        if self.tok() == Tok::Lbrack {
            x = self.type_instance(x);
        }
        x
    }

    // ExpressionList = Expression { "," Expression } .
    fn expr_list(&mut self) -> Vec<ExprId> {
        let mut l = vec![self.expr()];
        while self.got(Tok::Comma) {
            l.push(self.expr());
        }
        l
    }

    /// `typeList = arg { "," arg } [ "," ] .`: the first element may be any expression, the others must
    /// be types. Also reports whether there was a comma.
    fn type_list(&mut self) -> (Vec<ExprId>, bool) {
        self.xnest += 1;
        let mut list = vec![self.expr()];
        let mut comma = false;
        if self.got(Tok::Comma) {
            comma = true;
            if let Some(t) = self.type_or_nil() {
                list.push(t);
                while self.got(Tok::Comma) {
                    match self.type_or_nil() {
                        Some(t) => list.push(t),
                        None => break,
                    }
                }
            }
        }
        self.xnest -= 1;
        (list, comma)
    }
}

fn is_go_build(text: &str) -> bool {
    text == "go:build" || text.starts_with("go:build ") || text.starts_with("go:build\t")
}

/// The value of a string literal's source text (interpreted or raw), or `None` if malformed.
pub fn unquote(raw: &str) -> Option<String> {
    if let Some(body) = raw.strip_prefix('`') {
        let body = body.strip_suffix('`')?;
        return Some(body.replace('\r', ""));
    }
    let body = raw.strip_prefix('"')?.strip_suffix('"')?;
    let bytes = unquote_bytes(body, b'"')?;
    Some(String::from_utf8_lossy(&bytes).into_owned())
}

/// The bytes denoted by the body of an interpreted string or rune literal (without its quotes): escapes
/// `\x` and octal produce single bytes, `\u` and `\U` and other characters their UTF-8 encoding.
pub fn unquote_bytes(body: &str, quote: u8) -> Option<Vec<u8>> {
    let b = body.as_bytes();
    let mut out = Vec::with_capacity(b.len());
    let mut i = 0;
    while i < b.len() {
        if b[i] != b'\\' {
            out.push(b[i]);
            i += 1;
            continue;
        }
        i += 1;
        let c = *b.get(i)?;
        i += 1;
        let simple = match c {
            b'a' => Some(7),
            b'b' => Some(8),
            b'f' => Some(12),
            b'n' => Some(b'\n'),
            b'r' => Some(b'\r'),
            b't' => Some(b'\t'),
            b'v' => Some(11),
            b'\\' => Some(b'\\'),
            c if c == quote => Some(c),
            _ => None,
        };
        if let Some(s) = simple {
            out.push(s);
            continue;
        }
        let (n, base) = match c {
            b'0'..=b'7' => {
                i -= 1;
                (3, 8)
            }
            b'x' => (2, 16),
            b'u' => (4, 16),
            b'U' => (8, 16),
            _ => return None,
        };
        let digits = body.get(i..i + n)?;
        let v = u32::from_str_radix(digits, base).ok()?;
        i += n;
        if c == b'x' || base == 8 {
            if v > 255 {
                return None;
            }
            out.push(v as u8);
        } else {
            let ch = char::from_u32(v)?;
            let mut buf = [0u8; 4];
            out.extend_from_slice(ch.encode_utf8(&mut buf).as_bytes());
        }
    }
    Some(out)
}
