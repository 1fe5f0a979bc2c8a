//! Token kinds (Go spec "Tokens": identifiers, keywords, operators and punctuation, literals).
//!
//! In: nothing (plain data). Out: the vocabulary shared by the scanner, the parser and `g1c dump tokens`.
//!
//! The classes follow gc's `cmd/compile/internal/syntax`: all binary and unary operators that are not also
//! punctuation are one token kind, [`Tok::Operator`], carrying an [`Operator`] and its precedence; `op=` is
//! [`Tok::AssignOp`] and `++`/`--` is [`Tok::IncOp`]. `*` is its own kind ([`Tok::Star`]) because it is also
//! the pointer type constructor, and `<-` ([`Tok::Arrow`]) because it is also part of channel types. Grouping
//! operators this way makes precedence climbing one loop, and lets syntax errors name tokens exactly as gc
//! does (`unexpected name x`, `unexpected literal 1`, `unexpected +=`, ...).

use super::ast::{BinaryOp, LitKind, UnaryOp};

/// A token kind.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Tok {
    EOF,

    // Names and literals.
    /// identifier
    Name,
    /// int_lit, float_lit, imaginary_lit, rune_lit or string_lit (see [`LitKind`]).
    Literal,

    // Operators and operations.
    /// A binary or unary operator other than `*` and `<-`; see [`Operator`].
    Operator,
    /// `op=`: `+=`, `<<=`, ...
    AssignOp,
    /// `++` or `--` (the operator is `Add` or `Sub`).
    IncOp,
    /// `=`
    Assign,
    /// `:=`
    Define,
    /// `<-`
    Arrow,
    /// `*`
    Star,

    // Delimiters.
    Lparen,
    Lbrack,
    Lbrace,
    Rparen,
    Rbrack,
    Rbrace,
    Comma,
    /// `;`, written or inserted automatically at a newline or EOF (see the scanner's `lit`).
    Semi,
    Colon,
    Dot,
    DotDotDot,

    // Keywords.
    Break,
    Case,
    Chan,
    Const,
    Continue,
    Default,
    Defer,
    Else,
    Fallthrough,
    For,
    Func,
    Go,
    Goto,
    If,
    Import,
    Interface,
    Map,
    Package,
    Range,
    Return,
    Select,
    Struct,
    Switch,
    Type,
    Var,
}

impl Tok {
    /// gc's name for the token kind (`tokens.go`), used in syntax errors and dumps.
    pub fn as_str(self) -> &'static str {
        use Tok::*;
        match self {
            EOF => "EOF",
            Name => "name",
            Literal => "literal",
            Operator => "op",
            AssignOp => "op=",
            IncOp => "opop",
            Assign => "=",
            Define => ":=",
            Arrow => "<-",
            Star => "*",
            Lparen => "(",
            Lbrack => "[",
            Lbrace => "{",
            Rparen => ")",
            Rbrack => "]",
            Rbrace => "}",
            Comma => ",",
            Semi => ";",
            Colon => ":",
            Dot => ".",
            DotDotDot => "...",
            Break => "break",
            Case => "case",
            Chan => "chan",
            Const => "const",
            Continue => "continue",
            Default => "default",
            Defer => "defer",
            Else => "else",
            Fallthrough => "fallthrough",
            For => "for",
            Func => "func",
            Go => "go",
            Goto => "goto",
            If => "if",
            Import => "import",
            Interface => "interface",
            Map => "map",
            Package => "package",
            Range => "range",
            Return => "return",
            Select => "select",
            Struct => "struct",
            Switch => "switch",
            Type => "type",
            Var => "var",
        }
    }

    /// The English word gc uses for some punctuation in "expecting ..." messages (`tokstring`).
    pub fn describe(self) -> &'static str {
        match self {
            Tok::Comma => "comma",
            Tok::Semi => "semicolon or newline",
            t => t.as_str(),
        }
    }

    pub fn is_keyword(self) -> bool {
        self >= Tok::Break
    }
}

/// The keyword spelled `s`, if any (Go spec "Keywords").
pub fn keyword(s: &str) -> Option<Tok> {
    use Tok::*;
    Some(match s {
        "break" => Break,
        "case" => Case,
        "chan" => Chan,
        "const" => Const,
        "continue" => Continue,
        "default" => Default,
        "defer" => Defer,
        "else" => Else,
        "fallthrough" => Fallthrough,
        "for" => For,
        "func" => Func,
        "go" => Go,
        "goto" => Goto,
        "if" => If,
        "import" => Import,
        "interface" => Interface,
        "map" => Map,
        "package" => Package,
        "range" => Range,
        "return" => Return,
        "select" => Select,
        "struct" => Struct,
        "switch" => Switch,
        "type" => Type,
        "var" => Var,
        _ => return None,
    })
}

/// The operator carried by `Operator`, `AssignOp`, `IncOp` and `Star` tokens.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Operator {
    None,
    /// `:` of `:=` (only in assignment statements built by the parser).
    Def,
    Not,   // !
    Recv,  // <-
    Tilde, // ~
    OrOr,  // ||
    AndAnd, // &&
    Eql,   // ==
    Neq,   // !=
    Lss,   // <
    Leq,   // <=
    Gtr,   // >
    Geq,   // >=
    Add,   // +
    Sub,   // -
    Or,    // |
    Xor,   // ^
    Mul,   // *
    Div,   // /
    Rem,   // %
    And,   // &
    AndNot, // &^
    Shl,   // <<
    Shr,   // >>
}

/// Operator precedences (Go spec "Operator precedence"); 0 for unary-only operators.
pub const PREC_OROR: u8 = 1;
pub const PREC_ANDAND: u8 = 2;
pub const PREC_CMP: u8 = 3;
pub const PREC_ADD: u8 = 4;
pub const PREC_MUL: u8 = 5;

impl Operator {
    pub fn as_str(self) -> &'static str {
        use Operator::*;
        match self {
            None => "",
            Def => ":",
            Not => "!",
            Recv => "<-",
            Tilde => "~",
            OrOr => "||",
            AndAnd => "&&",
            Eql => "==",
            Neq => "!=",
            Lss => "<",
            Leq => "<=",
            Gtr => ">",
            Geq => ">=",
            Add => "+",
            Sub => "-",
            Or => "|",
            Xor => "^",
            Mul => "*",
            Div => "/",
            Rem => "%",
            And => "&",
            AndNot => "&^",
            Shl => "<<",
            Shr => ">>",
        }
    }

    /// The AST binary operator, for operators that can be binary.
    pub fn binary(self) -> Option<BinaryOp> {
        use Operator::*;
        Some(match self {
            OrOr => BinaryOp::LOr,
            AndAnd => BinaryOp::LAnd,
            Eql => BinaryOp::Eql,
            Neq => BinaryOp::Neq,
            Lss => BinaryOp::Lss,
            Leq => BinaryOp::Leq,
            Gtr => BinaryOp::Gtr,
            Geq => BinaryOp::Geq,
            Add => BinaryOp::Add,
            Sub => BinaryOp::Sub,
            Or => BinaryOp::Or,
            Xor => BinaryOp::Xor,
            Mul => BinaryOp::Mul,
            Div => BinaryOp::Quo,
            Rem => BinaryOp::Rem,
            And => BinaryOp::And,
            AndNot => BinaryOp::AndNot,
            Shl => BinaryOp::Shl,
            Shr => BinaryOp::Shr,
            None | Def | Not | Recv | Tilde => return Option::None,
        })
    }

    /// The AST unary operator, for operators that can be unary (`*x` is `ExprKind::Star` instead).
    pub fn unary(self) -> Option<UnaryOp> {
        use Operator::*;
        Some(match self {
            Add => UnaryOp::Pos,
            Sub => UnaryOp::Neg,
            Not => UnaryOp::Not,
            Xor => UnaryOp::Xor,
            And => UnaryOp::Addr,
            Recv => UnaryOp::Recv,
            Tilde => UnaryOp::Tilde,
            _ => return Option::None,
        })
    }
}

/// gc's name for a literal kind.
pub fn lit_kind_name(k: LitKind) -> &'static str {
    match k {
        LitKind::Int => "int",
        LitKind::Float => "float",
        LitKind::Imag => "imag",
        LitKind::Char => "rune",
        LitKind::String => "string",
    }
}
