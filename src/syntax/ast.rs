//! The abstract syntax tree.
//!
//! In: produced by the parser (`parser.rs`) from tokens. Out: read by the checker (`types/`) and by lowering
//! (`ir/lower.rs`), and printed by `g1c dump ast`.
//!
//! Shape: close to Go's `go/ast`, named after the Go spec's productions. Expressions and statements live in
//! arenas inside [`Ast`] and are addressed by [`ExprId`] and [`StmtId`]; one `Ast` holds every file of a
//! compilation, so ids are unique program-wide. Type expressions are expressions (as in go/ast): `[]int`,
//! `*T`, `map[K]V`, `func(int) bool` are `ExprKind` variants.
//!
//! Invariants: every node has a `Pos` (the position of its first token, or of its operator for binary
//! expressions as go/ast's `OpPos` would be, see each variant); identifiers are plain [`Ident`] values, and an
//! identifier's `pos` is unique in the program, so the checker keys definitions and uses by it. The parser never
//! produces a tree that refers to a missing id; syntax errors produce `ExprKind::Bad` / `StmtKind::Bad` nodes.

pub use super::name::Name;
use super::pos::Pos;

#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct ExprId(pub u32);

#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct StmtId(pub u32);

/// The arenas of one compilation, plus the parsed files in the order they were given.
#[derive(Default, Debug)]
pub struct Ast {
    pub exprs: Vec<Expr>,
    pub stmts: Vec<Stmt>,
    pub files: Vec<File>,
}

impl Ast {
    pub fn expr(&self, id: ExprId) -> &Expr {
        &self.exprs[id.0 as usize]
    }
    pub fn stmt(&self, id: StmtId) -> &Stmt {
        &self.stmts[id.0 as usize]
    }
    pub fn add_expr(&mut self, pos: Pos, kind: ExprKind) -> ExprId {
        self.exprs.push(Expr { pos, kind });
        ExprId(self.exprs.len() as u32 - 1)
    }
    pub fn add_stmt(&mut self, pos: Pos, kind: StmtKind) -> StmtId {
        self.stmts.push(Stmt { pos, kind });
        StmtId(self.stmts.len() as u32 - 1)
    }
    /// Strips any number of parentheses: `((x))` → `x`.
    pub fn unparen(&self, mut id: ExprId) -> ExprId {
        while let ExprKind::Paren(inner) = self.expr(id).kind {
            id = inner;
        }
        id
    }
}

/// An identifier occurrence. `name` is `_` for the blank identifier.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Ident {
    pub pos: Pos,
    pub name: Name,
}

/// SourceFile = PackageClause ";" { ImportDecl ";" } { TopLevelDecl ";" } .
#[derive(Clone, Debug)]
pub struct File {
    /// Index into the `FileSet` (`pos::FileId.0`).
    pub file_id: u32,
    pub package: Ident,
    pub imports: Vec<ImportSpec>,
    /// Top-level declarations in source order; import declarations are in `imports` only.
    pub decls: Vec<Decl>,
    /// The `//go:build` expression text (after `//go:build `), if the file has one before `package`.
    pub go_build: Option<String>,
    /// `// +build` lines before `package`, each without the `// +build ` prefix.
    pub plus_build: Vec<String>,
    /// Every `//go:` directive in the file that is not attached to a declaration (e.g. `//go:linkname`,
    /// `//go:embed`), with its position and full text after `//`.
    pub directives: Vec<Directive>,
}

/// A `//go:name args` comment, `text` is everything after `//`, e.g. `go:linkname x runtime.x`.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Directive {
    pub pos: Pos,
    pub text: String,
}

/// ImportSpec = [ "." | PackageName ] ImportPath .
#[derive(Clone, Debug)]
pub struct ImportSpec {
    pub pos: Pos,
    /// `Some` for a renamed import; the name is `.` for a dot import and `_` for a blank one.
    pub name: Option<Ident>,
    /// The unquoted import path.
    pub path: String,
    pub path_pos: Pos,
}

#[derive(Clone, Debug)]
pub enum Decl {
    /// ConstDecl, VarDecl or TypeDecl (imports are in `File::imports`).
    Gen(GenDecl),
    Func(FuncDecl),
    /// A declaration that failed to parse.
    Bad(Pos),
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum GenKind {
    Const,
    Var,
    Type,
}

/// A `const`, `var` or `type` declaration, grouped `( ... )` or not; also used for declaration statements.
#[derive(Clone, Debug)]
pub struct GenDecl {
    pub pos: Pos,
    pub kind: GenKind,
    /// True when written with parentheses.
    pub grouped: bool,
    pub specs: Vec<Spec>,
}

#[derive(Clone, Debug)]
pub enum Spec {
    /// ConstSpec or VarSpec: IdentifierList [ Type ] [ "=" ExpressionList ].
    Value(ValueSpec),
    /// TypeSpec: AliasDecl or TypeDef.
    Type(TypeSpec),
}

#[derive(Clone, Debug)]
pub struct ValueSpec {
    pub pos: Pos,
    pub names: Vec<Ident>,
    pub typ: Option<ExprId>,
    /// Empty when omitted; for constants the checker repeats the previous spec's list (Go spec "Constant
    /// declarations": implicit repetition).
    pub values: Vec<ExprId>,
    /// The value of `iota` for this spec: its index within its `const` declaration (0 for `var`).
    pub iota: u32,
    /// The `//go:embed` directives above a `var` spec (their patterns name the files it holds).
    pub embed: Vec<Directive>,
}

#[derive(Clone, Debug)]
pub struct TypeSpec {
    pub pos: Pos,
    pub name: Ident,
    /// Type parameters, `[P any, Q ~int]`; empty when not generic.
    pub tparams: Vec<Field>,
    /// True for an alias declaration `type A = T`.
    pub alias: bool,
    pub typ: ExprId,
}

/// FunctionDecl or MethodDecl.
#[derive(Clone, Debug)]
pub struct FuncDecl {
    pub pos: Pos,
    /// The token after `func`: a method's receiver `(`, else the name (gc's `syntax.FuncDecl` position,
    /// where it reports errors about the function as a whole, such as a stack frame too large).
    pub decl_pos: Pos,
    /// The receiver parameter list of a method (exactly one field when well-formed).
    pub recv: Option<Vec<Field>>,
    pub name: Ident,
    /// Type parameters of a generic function; empty otherwise.
    pub tparams: Vec<Field>,
    pub typ: FuncType,
    /// `None` for a body-less declaration (implemented elsewhere: rt or assembly in gc).
    pub body: Option<Block>,
    /// `//go:` directives in the comment lines directly above the declaration (`go:noinline`, `go:nosplit`,
    /// `go:linkname ...`, `go:noescape`, ...).
    pub pragmas: Vec<Directive>,
}

/// A field of a struct, or a parameter / result / type parameter group: `a, b int`, `int`, or an embedded
/// field `T` / `*T` (then `names` is empty).
#[derive(Clone, Debug)]
pub struct Field {
    pub pos: Pos,
    pub names: Vec<Ident>,
    pub typ: ExprId,
    /// The raw (still quoted) struct tag, for struct fields.
    pub tag: Option<String>,
}

/// Signature: parameters and results. Type parameters of functions are in `FuncDecl::tparams`.
#[derive(Clone, Debug)]
pub struct FuncType {
    pub pos: Pos,
    pub params: Vec<Field>,
    pub results: Vec<Field>,
}

/// An element of an interface type: a method `M(x int) bool`, an embedded type `io.Reader`, or a type-set
/// term union `~int | ~string`.
#[derive(Clone, Debug)]
pub enum InterfaceElem {
    Method {
        name: Ident,
        typ: FuncType,
    },
    /// An embedded interface, or a union of terms (a single term is a one-element union).
    Union(Vec<Term>),
}

/// A term of a union: `~T` (tilde) or `T`.
#[derive(Clone, Debug)]
pub struct Term {
    pub pos: Pos,
    pub tilde: bool,
    pub typ: ExprId,
}

#[derive(Clone, Debug)]
pub struct Expr {
    pub pos: Pos,
    pub kind: ExprKind,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum LitKind {
    Int,
    Float,
    Imag,
    Char,
    String,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum ChanDir {
    Both,
    /// `chan<- T`
    Send,
    /// `<-chan T`
    Recv,
}

/// Binary operators, named after the spec's tokens. `&&` and `||` are here too.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum BinaryOp {
    Add,    // +
    Sub,    // -
    Mul,    // *
    Quo,    // /
    Rem,    // %
    And,    // &
    Or,     // |
    Xor,    // ^
    Shl,    // <<
    Shr,    // >>
    AndNot, // &^
    LAnd,   // &&
    LOr,    // ||
    Eql,    // ==
    Neq,    // !=
    Lss,    // <
    Leq,    // <=
    Gtr,    // >
    Geq,    // >=
}

impl BinaryOp {
    pub fn as_str(self) -> &'static str {
        use BinaryOp::*;
        match self {
            Add => "+",
            Sub => "-",
            Mul => "*",
            Quo => "/",
            Rem => "%",
            And => "&",
            Or => "|",
            Xor => "^",
            Shl => "<<",
            Shr => ">>",
            AndNot => "&^",
            LAnd => "&&",
            LOr => "||",
            Eql => "==",
            Neq => "!=",
            Lss => "<",
            Leq => "<=",
            Gtr => ">",
            Geq => ">=",
        }
    }
    /// Binary operator precedence from the spec (5 binds tightest).
    pub fn precedence(self) -> u8 {
        use BinaryOp::*;
        match self {
            Mul | Quo | Rem | Shl | Shr | And | AndNot => 5,
            Add | Sub | Or | Xor => 4,
            Eql | Neq | Lss | Leq | Gtr | Geq => 3,
            LAnd => 2,
            LOr => 1,
        }
    }
    pub fn is_comparison(self) -> bool {
        use BinaryOp::*;
        matches!(self, Eql | Neq | Lss | Leq | Gtr | Geq)
    }
}

/// Unary operators. `*x` is `ExprKind::Star`, not a unary op (it is also the pointer type constructor).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum UnaryOp {
    Pos,   // +x
    Neg,   // -x
    Not,   // !x
    Xor,   // ^x (bitwise complement)
    Addr,  // &x
    Recv,  // <-x
    Tilde, // ~x, only meaningful inside constraints
}

impl UnaryOp {
    pub fn as_str(self) -> &'static str {
        match self {
            UnaryOp::Pos => "+",
            UnaryOp::Neg => "-",
            UnaryOp::Not => "!",
            UnaryOp::Xor => "^",
            UnaryOp::Addr => "&",
            UnaryOp::Recv => "<-",
            UnaryOp::Tilde => "~",
        }
    }
}

#[derive(Clone, Debug)]
pub enum ExprKind {
    /// A syntax error was reported here.
    Bad,
    /// identifier, including `_`; `pos` equals `Expr::pos`.
    Ident(Ident),
    /// BasicLit: `raw` is the literal's exact source text (quotes and escapes kept); `bad` when the scanner
    /// reported it malformed (the checker then reports nothing more about it, like types2 with `BasicLit.Bad`).
    BasicLit { kind: LitKind, raw: Name, bad: bool },
    /// CompositeLit = LiteralType LiteralValue. `typ` is `None` for an elided type inside another composite
    /// literal. Elements may be `KeyValue` expressions.
    CompositeLit { typ: Option<ExprId>, elts: Box<[ExprId]>, rbrace: Pos },
    /// FunctionLit = "func" Signature FunctionBody.
    /// (Boxed, as `FuncType` below: they are rare and large, and every `Expr` is as big as its largest kind.)
    FuncLit { typ: Box<FuncType>, body: Box<Block> },
    /// `( x )`
    Paren(ExprId),
    /// `x.sel`
    Selector { x: ExprId, sel: Ident },
    /// `x[i]`, or a generic instantiation `f[int, string]` (several indices). `lbrack` is where gc places
    /// the expression's checks and line (its syntax's `IndexExpr` position).
    Index { x: ExprId, indices: Box<[ExprId]>, lbrack: Pos, rbrack: Pos },
    /// `x[lo:hi]` or `x[lo:hi:max]` (`slice3`).
    Slice {
        x: ExprId,
        lo: Option<ExprId>,
        hi: Option<ExprId>,
        max: Option<ExprId>,
        slice3: bool,
        lbrack: Pos,
        rbrack: Pos,
    },
    /// `x.(T)`; `typ` is `None` for `x.(type)` in a type switch guard.
    TypeAssert { x: ExprId, typ: Option<ExprId> },
    /// `fun(args)`, `fun(args...)` when `ellipsis` is set (position of `...`). Conversions `T(x)` are calls too.
    /// `lparen` is where gc positions the call (its line is the call's in tracebacks and Callers).
    Call { fun: ExprId, args: Box<[ExprId]>, ellipsis: Option<Pos>, lparen: Pos, rparen: Pos },
    /// `*x`: dereference, or pointer type.
    Star(ExprId),
    /// `op x`; `Expr::pos` is the operator's position.
    Unary { op: UnaryOp, x: ExprId },
    /// `x op y`; `Expr::pos` is the position of `x`, `op_pos` that of the operator.
    Binary { op: BinaryOp, op_pos: Pos, x: ExprId, y: ExprId },
    /// `key: value` inside a composite literal.
    /// (`colon` is where gc's syntax tree puts the node: types2 1.19 reports errors about the whole element
    /// there, such as `duplicate index`.)
    KeyValue { key: ExprId, value: ExprId, colon: Pos },

    // ---- Type expressions ----
    /// `[N]T`; `len` is `None` for `[...]T` in a composite literal.
    ArrayType { len: Option<ExprId>, elem: ExprId },
    /// `[]T`
    SliceType { elem: ExprId },
    /// `struct { fields }`
    StructType { fields: Vec<Field> },
    /// `func(params) results`
    FuncType(Box<FuncType>),
    /// `interface { elems }`
    InterfaceType { elems: Vec<InterfaceElem> },
    /// `map[K]V`
    MapType { key: ExprId, value: ExprId },
    /// `chan T`, `chan<- T`, `<-chan T`
    ChanType { dir: ChanDir, elem: ExprId },
    /// `...T` as the type of a final (variadic) parameter.
    Ellipsis { elem: ExprId },
}

#[derive(Clone, Debug)]
pub struct Stmt {
    pub pos: Pos,
    pub kind: StmtKind,
}

/// Block = "{" StatementList "}" .
#[derive(Clone, Debug)]
pub struct Block {
    pub lbrace: Pos,
    pub stmts: Vec<StmtId>,
    pub rbrace: Pos,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum BranchKind {
    Break,
    Continue,
    Goto,
    Fallthrough,
}

/// The operator of an assignment statement.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum AssignOp {
    /// `=`
    Assign,
    /// `:=`
    Define,
    /// `op=`, e.g. `+=` is `Op(BinaryOp::Add)`.
    Op(BinaryOp),
}

/// ExprCaseClause or TypeCaseClause: `case list:` or `default:` (`list` is `None`).
#[derive(Clone, Debug)]
pub struct CaseClause {
    pub pos: Pos,
    pub list: Option<Vec<ExprId>>,
    pub colon: Pos,
    pub body: Vec<StmtId>,
}

/// CommClause: `case send-or-receive:` or `default:` (`comm` is `None`).
#[derive(Clone, Debug)]
pub struct CommClause {
    pub pos: Pos,
    pub comm: Option<StmtId>,
    pub colon: Pos,
    pub body: Vec<StmtId>,
}

#[derive(Clone, Debug)]
pub enum StmtKind {
    /// A syntax error was reported here.
    Bad,
    /// A `const`, `var` or `type` declaration inside a function.
    Decl(GenDecl),
    /// The empty statement (e.g. `;` alone, or an empty label target).
    Empty,
    /// `label: stmt`
    Labeled { label: Ident, stmt: StmtId },
    /// An expression statement (function call or receive).
    Expr(ExprId),
    /// `ch <- v`
    Send { ch: ExprId, value: ExprId },
    /// `x++` / `x--`
    IncDec { x: ExprId, inc: bool },
    /// `lhs op rhs` with `=`, `:=` or `op=`; `Stmt::pos` is the position of the first lhs expression,
    /// `op_pos` that of the operator.
    Assign { lhs: Vec<ExprId>, op: AssignOp, op_pos: Pos, rhs: Vec<ExprId> },
    /// `go call`
    Go(ExprId),
    /// `defer call`
    Defer(ExprId),
    /// `return results`
    Return(Vec<ExprId>),
    /// `break`, `continue`, `goto`, `fallthrough`, with optional label.
    Branch { kind: BranchKind, label: Option<Ident> },
    /// A nested block `{ ... }`.
    Block(Block),
    /// `if init; cond { then } else els` — `els` is an `If` or `Block` statement.
    If { init: Option<StmtId>, cond: ExprId, then: Block, els: Option<StmtId> },
    /// `switch init; tag { body }`; `tag` is `None` for a tagless switch.
    Switch { init: Option<StmtId>, tag: Option<ExprId>, body: Vec<CaseClause>, rbrace: Pos },
    /// `switch init; x := y.(type) { body }`; `assign` is an `Expr` statement holding the `TypeAssert` with
    /// `typ: None`, or an `Assign` with `Define` whose single rhs is that `TypeAssert`.
    TypeSwitch { init: Option<StmtId>, assign: StmtId, body: Vec<CaseClause>, rbrace: Pos },
    /// `select { body }`
    Select { body: Vec<CommClause>, rbrace: Pos },
    /// `for init; cond; post { body }`, including `for cond {}` and `for {}`.
    For { init: Option<StmtId>, cond: Option<ExprId>, post: Option<StmtId>, body: Block },
    /// `for key, value := range x { body }`; `define` tells `:=` from `=`; key and value are `None` when
    /// omitted (`for range x`). `extra` is a third variable, an error the checker reports (types2 does, after
    /// the error about a second variable where only one is permitted).
    Range { key: Option<ExprId>, value: Option<ExprId>, extra: Option<ExprId>, define: bool, x: ExprId, body: Block },
}
