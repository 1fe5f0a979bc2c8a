//! A generator of random, well-typed, deterministic Go programs for differential testing of the back end
//! (issue 12, in the spirit of Csmith): each program is built by g1c at every optimization level and by gc,
//! and their outputs must be the same (test/progen.rs runs a fixed seed range, scripts/progen long runs).
//!
//! In: a seed. Out: the source of one `package main` file (`generate`), import-free (output by `println`)
//! or, for one seed in `FMT_ONE_IN`, importing fmt. For batch runs, the same program as a package of its own
//! (`generate_package`: `package NAME`, `func Main()` in place of `main`, the same statements otherwise) and
//! a `package main` running several such packages in order (`batch_main`), each after a `== seed N` header
//! on stdout and stderr. Programs always end by returning from main (panics are recovered where they
//! happen, nothing calls os.Exit), so a batch prints the concatenation of its programs' outputs, except that
//! type names in runtime error messages say `NAME.T` where the single program says `main.T`.
//!
//! Invariants, so that any difference between compilers is a compiler bug:
//! - The program type-checks under Go 1.19: the generator tracks the type of every expression and the
//!   variables in scope; constant expressions are never formed from two constants (no constant overflow,
//!   no constant division by zero), conversions and unary operators never take a constant operand, every
//!   declared local is used (each block ends by folding its locals into the function's checksum).
//! - Its behaviour is defined by the spec, not by the implementation: no expression both calls a function and
//!   reads a variable that function writes (generated functions write only their own locals, closures that
//!   write what they capture are called only as statements); maps are iterated only to fold commutatively;
//!   goroutines get their inputs by value and are waited for on a channel; no addresses are printed;
//!   floats reach integers only through `f2i`, which keeps the conversion in range.
//! - It terminates quickly: the call graph is acyclic (function i calls only functions j > i) and every loop
//!   iteration spends a unit of the global `fuel`; strings are cut to 48 bytes when assigned.
//! - Panics happen only inside `func() { defer …recover()… }()` blocks, from a statement whose operands are
//!   plain variables, and their messages (`runtime error: …`) are printed, so gc's and g1c's must match.
//! - The output is a pure function of the seed (the splitmix64 generator of `fuzzing`).

use crate::fuzzing::Rng;
use std::fmt::Write;

/// One program in this many uses fmt for its output (the rest print with `println`, which keeps builds fast).
pub const FMT_ONE_IN: usize = 8;

/// Integer types: name, signed, bits.
const INTS: &[(&str, bool, u32)] = &[
    ("int8", true, 8),
    ("int16", true, 16),
    ("int32", true, 32),
    ("int64", true, 64),
    ("int", true, 64),
    ("uint8", false, 8),
    ("uint16", false, 16),
    ("uint32", false, 32),
    ("uint64", false, 64),
    ("uint", false, 64),
    ("uintptr", false, 64),
];

#[derive(Clone, PartialEq, Debug)]
enum Ty {
    /// Index into `INTS`.
    Int(usize),
    Bool,
    Str,
    F64,
    F32,
    Arr(Box<Ty>, usize),
    Slice(Box<Ty>),
    Map(Box<Ty>, Box<Ty>),
    /// Index into `Gen::structs`.
    Struct(usize),
    /// Pointer to a struct.
    Ptr(usize),
    /// The interface `I` (`M(int64) int64`).
    Iface,
    /// The generic `Box[T]`.
    GBox(Box<Ty>),
    /// The named integer type `N` (underlying int32), which implements `I`.
    Named,
}

impl Ty {
    fn go(&self, g: &Gen) -> String {
        match self {
            Ty::Int(i) => INTS[*i].0.to_string(),
            Ty::Bool => "bool".into(),
            Ty::Str => "string".into(),
            Ty::F64 => "float64".into(),
            Ty::F32 => "float32".into(),
            Ty::Arr(e, n) => format!("[{n}]{}", e.go(g)),
            Ty::Slice(e) => format!("[]{}", e.go(g)),
            Ty::Map(k, v) => format!("map[{}]{}", k.go(g), v.go(g)),
            Ty::Struct(i) => g.structs[*i].name.clone(),
            Ty::Ptr(i) => format!("*{}", g.structs[*i].name),
            Ty::Iface => "I".into(),
            Ty::GBox(t) => format!("Box[{}]", t.go(g)),
            Ty::Named => "N".into(),
        }
    }

    fn is_scalar(&self) -> bool {
        matches!(self, Ty::Int(_) | Ty::Bool | Ty::Str | Ty::F64 | Ty::F32)
    }
}

struct StructDef {
    name: String,
    fields: Vec<(String, Ty)>,
}

#[derive(Clone)]
struct Var {
    name: String,
    ty: Ty,
    /// The variable may be assigned (false for captured variables in pure closures, globals, parameters
    /// of slice or map type whose elements the caller may read).
    writable: bool,
    /// Elements reached through the variable (slice and map elements, pointees) may be written.
    elems_writable: bool,
}

struct FuncDef {
    name: String,
    params: Vec<Ty>,
    result: Ty,
}

struct Gen {
    rng: Rng,
    out: String,
    indent: usize,
    structs: Vec<StructDef>,
    funcs: Vec<FuncDef>,
    /// Scopes of locals, innermost last.
    scopes: Vec<Vec<Var>>,
    globals: Vec<Var>,
    next_name: usize,
    /// Calls may go to functions from this index on (the ones after the function being generated).
    callable_from: usize,
    /// Statement nesting, to bound the program's size.
    depth: usize,
    /// Inside a loop (break/continue allowed).
    in_loop: bool,
    use_fmt: bool,
    /// The package clause's name; not `main` in a batch, where the entry point is `Main`.
    package: String,
}

/// Generates the program of `seed`.
pub fn generate(seed: u64) -> String {
    generate_as(seed, "main")
}

/// The program of `seed` as the package `name` (not `main`) of a batch: `func Main()` does what the
/// program's `main` does.
pub fn generate_package(seed: u64, name: &str) -> String {
    assert_ne!(name, "main", "a batch's packages are importable");
    generate_as(seed, name)
}

/// The package name a batch gives the program of `seed` (also its import path below the batch's GOPATH).
pub fn batch_package_name(seed: u64) -> String {
    format!("p{seed}")
}

/// The header a batch prints, on stdout and on stderr, before running the program of `seed`.
pub fn batch_header(seed: u64) -> String {
    format!("== seed {seed}")
}

/// A `package main` running the packages of `seeds` (named by `batch_package_name`, imported by that path)
/// in order, each after its header on both streams.
pub fn batch_main(seeds: &[u64]) -> String {
    let mut s = String::from(
        "// Code generated by g1c's progen (a batch); DO NOT EDIT.\n\npackage main\n\nimport (\n\t\"os\"\n",
    );
    for &seed in seeds {
        let _ = writeln!(s, "\t\"{}\"", batch_package_name(seed));
    }
    s.push_str(")\n\nfunc main() {\n");
    for &seed in seeds {
        let h = batch_header(seed);
        let _ = writeln!(
            s,
            "\tos.Stdout.WriteString(\"{h}\\n\")\n\tprintln(\"{h}\")\n\t{}.Main()",
            batch_package_name(seed)
        );
    }
    s.push_str("}\n");
    s
}

fn generate_as(seed: u64, package: &str) -> String {
    let mut rng = Rng::new(seed ^ 0x5eed_0f_9e0);
    let use_fmt = rng.one_in(FMT_ONE_IN);
    let mut g = Gen {
        rng,
        out: String::new(),
        indent: 0,
        structs: Vec::new(),
        funcs: Vec::new(),
        scopes: Vec::new(),
        globals: Vec::new(),
        next_name: 0,
        callable_from: 0,
        depth: 0,
        in_loop: false,
        use_fmt,
        package: package.to_string(),
    };
    g.program(seed);
    g.out
}

const PRELUDE: &str = r#"
type I interface{ M(int64) int64 }

type N int32

func (n N) M(x int64) int64 { return int64(n)*x + 3 }

// Not inlined: gc 1.19 crashes ("OCALLMETH missed by typecheck") devirtualizing i.M in a func literal called
// where it is written when i is a conversion to I.
//
//go:noinline
func callM(i I, x int64) int64 { return i.M(x) }

type Num interface {
	~int8 | ~int16 | ~int32 | ~int64 | ~int | ~uint8 | ~uint16 | ~uint32 | ~uint64 | ~uint | ~uintptr | ~float32 | ~float64
}

type Ordered interface {
	~int8 | ~int16 | ~int32 | ~int64 | ~int | ~uint8 | ~uint16 | ~uint32 | ~uint64 | ~uint | ~uintptr | ~float32 | ~float64 | ~string
}

func gadd[T Num](a, b T) T { return a*b + a - b }

func gsum[T Num](xs []T) T {
	var s T
	for _, x := range xs {
		s += x
	}
	return s
}

func gmax[T Ordered](a, b T) T {
	if a > b {
		return a
	}
	return b
}

type Box[T any] struct {
	v T
	n int
}

func (b Box[T]) Get() T { return b.v }

func (b *Box[T]) Set(v T) {
	b.v = v
	b.n++
}

var fuel = 4000

func mix(h, v uint64) uint64 {
	h ^= v
	h *= 1099511628211
	return h ^ (h >> 29)
}

func b2u(b bool) uint64 {
	if b {
		return 1
	}
	return 0
}

func shash(s string) uint64 {
	h := uint64(len(s))
	for i := 0; i < len(s); i++ {
		h = mix(h, uint64(s[i]))
	}
	return h
}

func fhash(f float64) uint64 {
	if f != f {
		return 7
	}
	if f > 1e16 || f < -1e16 {
		return 9
	}
	return uint64(int64(f*64)) + 11
}

func f2i(f float64) int64 {
	if f != f || f > 1e18 || f < -1e18 {
		return -1
	}
	return int64(f)
}

func idx(i, n int) int {
	i %= n
	if i < 0 {
		i += n
	}
	return i
}

func cut(s string) string {
	if len(s) > 48 {
		return s[len(s)-48:]
	}
	return s
}

func sub(s string, i, j int) string {
	if len(s) == 0 {
		return s
	}
	i = idx(i, len(s))
	j = idx(j, len(s))
	if i > j {
		i, j = j, i
	}
	return s[i:j]
}

func itoa(v int) string {
	if v == 0 {
		return "0"
	}
	neg := v < 0
	u := uint64(v)
	if neg {
		u = -u
	}
	var b [24]byte
	i := len(b)
	for u > 0 {
		i--
		b[i] = byte('0' + u%10)
		u /= 10
	}
	if neg {
		i--
		b[i] = '-'
	}
	return string(b[i:])
}

func qr(a, b int64) (q, r int64) {
	if b == 0 {
		return 0, a
	}
	return a / b, a % b
}

func rec(r interface{}) string {
	switch v := r.(type) {
	case nil:
		return "none"
	case error:
		return "error: " + v.Error()
	case string:
		return "string: " + v
	case int:
		return "int: " + itoa(v)
	default:
		return "other"
	}
}
"#;

/// An expression and whether it is a Go constant.
struct E {
    s: String,
    konst: bool,
}

fn nc(s: String) -> E {
    E { s, konst: false }
}

impl Gen {
    fn line(&mut self, s: &str) {
        for _ in 0..self.indent {
            self.out.push('\t');
        }
        self.out.push_str(s);
        self.out.push('\n');
    }

    fn fresh(&mut self, prefix: &str) -> String {
        self.next_name += 1;
        format!("{prefix}{}", self.next_name)
    }

    fn program(&mut self, seed: u64) {
        let _ = writeln!(self.out, "// Code generated by g1c's progen (seed {seed}); DO NOT EDIT.\n");
        let _ = writeln!(self.out, "package {}", self.package);
        if self.use_fmt {
            self.out.push_str("\nimport \"fmt\"\n");
        }
        self.out.push_str(PRELUDE);
        // Struct types, each implementing I.
        let nstructs = 1 + self.rng.below(3);
        for i in 0..nstructs {
            let nf = 1 + self.rng.below(4);
            let mut fields = Vec::new();
            for f in 0..nf {
                let ty = if self.rng.one_in(4) {
                    Ty::Arr(Box::new(Ty::Int(self.rng.below(INTS.len()))), 1 + self.rng.below(4))
                } else {
                    self.scalar_ty()
                };
                fields.push((format!("f{f}"), ty));
            }
            self.structs.push(StructDef { name: format!("S{i}"), fields });
        }
        for i in 0..nstructs {
            let name = self.structs[i].name.clone();
            let _ = writeln!(self.out, "\ntype {name} struct {{");
            let fields: Vec<String> =
                self.structs[i].fields.iter().map(|(n, t)| format!("\t{n} {}", t.go(self))).collect();
            for f in fields {
                let _ = writeln!(self.out, "{f}");
            }
            let _ = writeln!(self.out, "}}");
            // M folds the integer fields.
            let mut body = String::from("x");
            for (n, t) in &self.structs[i].fields {
                match t {
                    Ty::Int(_) => body = format!("({body})*3 + int64(s.{n})"),
                    Ty::Str => body = format!("({body}) + int64(len(s.{n}))"),
                    Ty::Bool => body = format!("({body}) ^ int64(b2u(s.{n}))"),
                    _ => {}
                }
            }
            let _ = writeln!(self.out, "\nfunc (s {name}) M(x int64) int64 {{ return {body} }}");
        }
        // Globals of every scalar type: non-constant leaves that always exist.
        self.out.push('\n');
        let mut all = vec![Ty::Bool, Ty::Str, Ty::F64, Ty::F32];
        all.extend((0..INTS.len()).map(Ty::Int));
        for t in all {
            let name = self.fresh("g");
            let v = self.literal(&t);
            let _ = writeln!(self.out, "var {name} {} = {}", t.go(self), v.s);
            self.globals.push(Var { name, ty: t, writable: false, elems_writable: false });
        }
        // Function signatures first, so bodies may call later functions.
        let nfuncs = 2 + self.rng.below(5);
        for i in 0..nfuncs {
            let np = self.rng.below(4);
            let params = (0..np).map(|_| self.param_ty()).collect();
            let result = match self.rng.below(8) {
                0 | 1 => self.scalar_ty(),
                // Aggregates returned in memory.
                2 => Ty::Struct(self.rng.below(self.structs.len())),
                3 => Ty::Arr(Box::new(Ty::Int(self.rng.below(INTS.len()))), 1 + self.rng.below(4)),
                _ => Ty::Int(self.rng.below(INTS.len())),
            };
            self.funcs.push(FuncDef { name: format!("fn{i}"), params, result });
        }
        for i in 0..nfuncs {
            self.func(i);
        }
        self.main();
    }

    fn scalar_ty(&mut self) -> Ty {
        match self.rng.below(14) {
            0 => Ty::Bool,
            1 => Ty::Str,
            2 => Ty::F64,
            3 => Ty::F32,
            _ => Ty::Int(self.rng.below(INTS.len())),
        }
    }

    fn param_ty(&mut self) -> Ty {
        match self.rng.below(10) {
            0 => Ty::Struct(self.rng.below(self.structs.len())),
            1 => Ty::Arr(Box::new(Ty::Int(self.rng.below(INTS.len()))), 1 + self.rng.below(5)),
            2 => Ty::Slice(Box::new(self.scalar_ty())),
            3 => Ty::Iface,
            _ => self.scalar_ty(),
        }
    }

    /// A type for a new local.
    fn local_ty(&mut self) -> Ty {
        match self.rng.below(16) {
            0 | 1 => Ty::Struct(self.rng.below(self.structs.len())),
            2 => Ty::Arr(Box::new(self.scalar_ty()), 1 + self.rng.below(6)),
            3 => Ty::Slice(Box::new(self.scalar_ty())),
            4 if self.rng.one_in(3) => Ty::Slice(Box::new(Ty::Slice(Box::new(self.scalar_ty())))),
            4 => Ty::Slice(Box::new(self.scalar_ty())),
            5 => {
                let k = if self.rng.one_in(3) { Ty::Str } else { Ty::Int(self.rng.below(INTS.len())) };
                let v =
                    if self.rng.one_in(3) { Ty::Struct(self.rng.below(self.structs.len())) } else { self.scalar_ty() };
                Ty::Map(Box::new(k), Box::new(v))
            }
            6 => Ty::Ptr(self.rng.below(self.structs.len())),
            7 => Ty::Iface,
            8 => Ty::GBox(Box::new(self.scalar_ty())),
            _ => self.scalar_ty(),
        }
    }

    /// A constant of a scalar type, biased towards the edges of its range.
    fn literal(&mut self, ty: &Ty) -> E {
        let s = match ty {
            Ty::Int(i) => {
                let (name, signed, bits) = INTS[*i];
                let v: i128 = match self.rng.below(8) {
                    0 => 0,
                    1 => 1,
                    2 if signed => -1,
                    3 if signed => -(1i128 << (bits - 1)),
                    3 | 4 => {
                        if signed {
                            (1i128 << (bits - 1)) - 1
                        } else {
                            (1i128 << bits) - 1
                        }
                    }
                    5 => self.rng.below(16) as i128,
                    _ => {
                        let r = self.rng.next_u64() as i128;
                        if signed {
                            let m = 1i128 << (bits - 1);
                            (r % (2 * m)) - m
                        } else {
                            r % (1i128 << bits)
                        }
                    }
                };
                format!("{name}({v})")
            }
            Ty::Bool => (if self.rng.one_in(2) { "true" } else { "false" }).to_string(),
            Ty::Str => {
                let words = ["", "a", "go", "héllo", "g1c", "\\x00\\xff", "日本", "xyzzy"];
                format!("\"{}\"", self.rng.pick(&words))
            }
            Ty::F64 | Ty::F32 => {
                let fs = ["0", "0.5", "-1.25", "3", "1e10", "-7.75e-3", "255.5", "1e300", "65536.125"];
                let f = *self.rng.pick(&fs);
                let f = if *ty == Ty::F32 && f == "1e300" { "1e30" } else { f };
                format!("{}({f})", ty.go(self))
            }
            Ty::Named => format!("N({})", self.rng.below(100) as i64 - 50),
            _ => unreachable!("literal of {ty:?}"),
        };
        E { s, konst: true }
    }

    fn all_vars(&self) -> Vec<Var> {
        let mut v: Vec<Var> = self.globals.clone();
        for s in &self.scopes {
            v.extend(s.iter().cloned());
        }
        v
    }

    /// Readable places of type `ty` reachable from variables: the variables, struct fields, array, slice
    /// and map elements. Each with whether it may be assigned.
    fn places(&mut self, ty: &Ty, want_write: bool) -> Vec<(String, bool)> {
        let mut out = Vec::new();
        for v in self.all_vars() {
            self.places_in(&v.name, &v.ty, ty, v.writable, v.elems_writable, &mut out, 0);
        }
        if want_write {
            out.retain(|p| p.1);
        }
        out
    }

    #[allow(clippy::too_many_arguments)]
    fn places_in(
        &mut self,
        path: &str,
        have: &Ty,
        want: &Ty,
        w: bool,
        ew: bool,
        out: &mut Vec<(String, bool)>,
        depth: usize,
    ) {
        if have == want {
            out.push((path.to_string(), w));
        }
        if depth > 2 {
            return;
        }
        match have {
            Ty::Struct(i) => {
                let fields = self.structs[*i].fields.clone();
                for (n, t) in fields {
                    self.places_in(&format!("{path}.{n}"), &t, want, w, ew, out, depth + 1);
                }
            }
            Ty::Ptr(i) => {
                let fields = self.structs[*i].fields.clone();
                for (n, t) in fields {
                    self.places_in(&format!("{path}.{n}"), &t, want, ew, ew, out, depth + 1);
                }
            }
            Ty::Arr(e, n) => {
                let i = self.index_expr(&n.to_string());
                self.places_in(&format!("{path}[{i}]"), e, want, w, ew, out, depth + 1);
            }
            Ty::Slice(e) => {
                let i = self.index_expr(&format!("len({path})"));
                self.places_in(&format!("{path}[{i}]"), e, want, ew, ew, out, depth + 1);
            }
            Ty::Map(k, v) if **v == *want && depth == 0 => {
                let k = self.simple(k);
                out.push((format!("{path}[{k}]"), ew));
            }
            Ty::GBox(t) if **t == *want && depth == 0 => {
                out.push((format!("{path}.v"), w));
            }
            _ => {}
        }
    }

    /// An index in `0..n` (n a Go expression of a non-zero length).
    /// Only plain variables, never places: `places` calls this, and a place's index must not need places.
    fn index_expr(&mut self, n: &str) -> String {
        let v = self.pick_var(|t| matches!(t, Ty::Int(_))).expect("integer globals exist");
        format!("idx(int({v}), {n})")
    }

    /// A literal or a plain variable of scalar type `ty` (no places: see `index_expr`).
    fn simple(&mut self, ty: &Ty) -> String {
        if self.rng.one_in(2) {
            if let Some(v) = self.pick_var(|t| t == ty) {
                return v;
            }
        }
        self.literal(ty).s
    }

    fn pick_var(&mut self, f: impl Fn(&Ty) -> bool) -> Option<String> {
        let vs: Vec<String> = self.all_vars().into_iter().filter(|v| f(&v.ty)).map(|v| v.name).collect();
        if vs.is_empty() {
            None
        } else {
            Some(self.rng.pick(&vs).clone())
        }
    }

    /// A non-constant expression of `ty`.
    fn expr_nc(&mut self, ty: &Ty, depth: usize) -> E {
        let e = self.expr(ty, depth);
        if !e.konst {
            return e;
        }
        self.leaf_var(ty)
    }

    /// A variable (or place) of scalar type `ty`; globals guarantee one exists.
    fn leaf_var(&mut self, ty: &Ty) -> E {
        let ps = self.places(ty, false);
        if ps.is_empty() {
            // Only for types without a global (Named).
            return nc(format!("N({})", self.expr_nc(&Ty::Int(2), 0).s));
        }
        // Mostly locals: globals are there so that a leaf always exists, locals are what the back end keeps
        // in registers.
        let locals: Vec<&(String, bool)> = ps.iter().filter(|p| !p.0.starts_with('g')).collect();
        let p = if !locals.is_empty() && !self.rng.one_in(5) {
            self.rng.pick(&locals).0.clone()
        } else {
            self.rng.pick(&ps).0.clone()
        };
        nc(p)
    }

    /// An expression of type `ty`, `depth` bounding its size.
    fn expr(&mut self, ty: &Ty, depth: usize) -> E {
        if !ty.is_scalar() && *ty != Ty::Named {
            return self.composite(ty, depth);
        }
        if depth == 0 || self.rng.one_in(4) {
            return if self.rng.one_in(3) { self.literal(ty) } else { self.leaf_var(ty) };
        }
        let d = depth - 1;
        match ty {
            Ty::Int(i) => self.int_expr(*i, d),
            Ty::Bool => self.bool_expr(d),
            Ty::Str => self.str_expr(d),
            Ty::F64 | Ty::F32 => self.float_expr(ty, d),
            Ty::Named => {
                let e = self.expr_nc(&Ty::Int(2), d);
                nc(format!("N({})", e.s))
            }
            _ => unreachable!(),
        }
    }

    fn binary(&mut self, ty: &Ty, op: &str, d: usize) -> E {
        let a = self.expr(ty, d);
        let b = if a.konst { self.expr_nc(ty, d) } else { self.expr(ty, d) };
        assert!(!(a.konst && b.konst), "constant operands {} {op} {}", a.s, b.s);
        nc(format!("({} {op} {})", a.s, b.s))
    }

    fn int_expr(&mut self, i: usize, d: usize) -> E {
        let ty = Ty::Int(i);
        let tn = INTS[i].0;
        match self.rng.below(25) {
            23 => {
                // A rotate, which optimizers turn into one instruction.
                let bits = INTS[i].2;
                let x = self.leaf_var(&ty).s;
                let kt = Ty::Int(self.rng.below(INTS.len()));
                let k = self.leaf_var(&kt).s;
                let op = if self.rng.one_in(2) { "|" } else { "^" };
                nc(format!("({x}<<(uint({k})%{bits}) {op} {x}>>({bits}-uint({k})%{bits}))"))
            }
            24 => {
                // Bit tricks: lowest set bit cleared or isolated, the sign, the Gray code.
                let bits = INTS[i].2;
                let x = self.leaf_var(&ty).s;
                let f = *self.rng.pick(&["({x} & ({x} - 1))", "({x} & -{x})", "({x} >> {b1})", "({x} ^ ({x} >> 1))"]);
                nc(f.replace("{x}", &x).replace("{b1}", &(bits - 1).to_string()))
            }
            20 | 21 => {
                // Division by a constant (strength-reduced by optimizers), -1 included: MinInt / -1 is
                // MinInt and MinInt % -1 is 0 in Go.
                let a = self.expr_nc(&ty, d);
                let mut cs: Vec<i64> = vec![1, 2, 3, 5, 7, 8, 10, 16, 100, 127];
                if INTS[i].1 {
                    cs.extend([-1, -2, -3, -7, -8, -100]);
                }
                let c = *self.rng.pick(&cs);
                let op = *self.rng.pick(&["/", "%"]);
                nc(format!("({} {op} {c})", a.s))
            }
            22 => {
                let s = self.expr_nc(&Ty::Str, d);
                let f = *self.rng.pick(&["len([]rune({}))", "len([]byte({}))", "len(string([]rune({})))"]);
                nc(format!("{tn}({})", f.replace("{}", &s.s)))
            }
            0..=4 => {
                let op = *self.rng.pick(&["+", "-", "*", "&", "|", "^", "&^"]);
                self.binary(&ty, op, d)
            }
            5 => {
                let a = self.expr(&ty, d);
                let b = self.expr(&ty, d);
                let op = *self.rng.pick(&["/", "%"]);
                if a.konst && b.konst {
                    let b = self.expr_nc(&ty, d);
                    nc(format!("({} {op} ({} | 1))", a.s, b.s))
                } else {
                    nc(format!("({} {op} ({} | 1))", a.s, b.s))
                }
            }
            6 | 7 => {
                // Shifts by any count, large ones included.
                let a = self.expr(&ty, d);
                let ct = Ty::Int(self.rng.below(INTS.len()));
                let c = self.expr_nc(&ct, d);
                let op = *self.rng.pick(&["<<", ">>"]);
                let cu = *self.rng.pick(&["uint8", "uint", "uint64", "uint16"]);
                nc(format!("({} {op} {cu}({}))", a.s, c.s))
            }
            8 => {
                let a = self.expr_nc(&ty, d);
                let op = *self.rng.pick(&["-", "^", "+"]);
                nc(format!("({op}{})", a.s))
            }
            9 | 10 => {
                let from = Ty::Int(self.rng.below(INTS.len()));
                let a = self.expr_nc(&from, d);
                nc(format!("{tn}({})", a.s))
            }
            11 => {
                let ft = if self.rng.one_in(2) { Ty::F64 } else { Ty::F32 };
                let a = self.expr_nc(&ft, d);
                nc(format!("{tn}(f2i(float64({})))", a.s))
            }
            12 => {
                let what = self.rng.below(3);
                let s = match what {
                    0 => format!("len({})", self.expr_nc(&Ty::Str, d).s),
                    1 => match self.pick_var(|t| matches!(t, Ty::Slice(_) | Ty::Map(..))) {
                        Some(v) => format!("len({v})"),
                        None => "len(g2)".to_string(), // g2: the string global
                    },
                    _ => match self.pick_var(|t| matches!(t, Ty::Slice(_))) {
                        Some(v) => format!("cap({v})"),
                        None => "cap([]int{})".to_string(),
                    },
                };
                // (g2 is the string global.)
                nc(format!("{tn}({s})"))
            }
            13 => {
                // Through the interface I.
                let recv = self.expr(&Ty::Iface, d);
                let x = self.expr_nc(&Ty::Int(3), d);
                if recv.s.starts_with('(') {
                    // gc 1.19 crashes on a method called on a conversion to I in a closure ("OCALLMETH
                    // missed by typecheck"): call it through callM.
                    nc(format!("{tn}(callM({}, {}))", recv.s, x.s))
                } else {
                    nc(format!("{tn}({}.M({}))", recv.s, x.s))
                }
            }
            14 => {
                let a = self.expr_nc(&ty, d);
                let b = self.expr(&ty, d);
                let f = *self.rng.pick(&["gadd", "gmax"]);
                nc(format!("{f}({}, {})", a.s, b.s))
            }
            15 => {
                if let Some(v) = self.pick_var(|t| *t == Ty::Slice(Box::new(Ty::Int(i)))) {
                    return nc(format!("gsum({v})"));
                }
                if let Some(v) = self.pick_var(|t| *t == Ty::GBox(Box::new(Ty::Int(i)))) {
                    return nc(format!("{v}.Get()"));
                }
                self.call_expr(&ty, d)
            }
            16 | 17 => self.call_expr(&ty, d),
            18 => {
                // A pure closure called at once.
                let e = self.expr(&ty, d);
                let c = self.expr_nc(&Ty::Bool, d);
                let f = self.expr(&ty, d);
                nc(format!("func() {tn} {{ if {} {{ return {} }}; return {} }}()", c.s, e.s, f.s))
            }
            _ => {
                let s = self.expr_nc(&Ty::Str, d);
                let j = self.expr_nc(&Ty::Int(4), d);
                nc(format!(
                    "{tn}(func() byte {{ if len({0}) == 0 {{ return 7 }}; return {0}[idx({1}, len({0}))] }}())",
                    s.s, j.s
                ))
            }
        }
    }

    /// A call of a later function whose result has type `ty`, or another expression when there is none.
    fn call_expr(&mut self, ty: &Ty, d: usize) -> E {
        let cands: Vec<usize> =
            (self.callable_from..self.funcs.len()).filter(|&j| self.funcs[j].result == *ty).collect();
        if cands.is_empty() || d == 0 {
            return self.leaf_var(ty);
        }
        let j = *self.rng.pick(&cands);
        let params = self.funcs[j].params.clone();
        let args: Vec<String> = params.iter().map(|p| self.expr(p, d.min(2)).s).collect();
        nc(format!("{}({})", self.funcs[j].name, args.join(", ")))
    }

    fn bool_expr(&mut self, d: usize) -> E {
        match self.rng.below(8) {
            0 | 1 => {
                let t = Ty::Int(self.rng.below(INTS.len()));
                let op = *self.rng.pick(&["<", "<=", ">", ">=", "==", "!="]);
                self.binary(&t, op, d)
            }
            2 => {
                let t = if self.rng.one_in(2) { Ty::Str } else { Ty::F64 };
                let op = *self.rng.pick(&["<", "==", "!=", ">="]);
                self.binary(&t, op, d)
            }
            3 => {
                let op = *self.rng.pick(&["&&", "||"]);
                let a = self.expr(&Ty::Bool, d);
                let b = self.expr(&Ty::Bool, d);
                nc(format!("({} {op} {})", a.s, b.s))
            }
            4 => {
                let a = self.expr_nc(&Ty::Bool, d);
                nc(format!("!{}", a.s))
            }
            5 => {
                // Struct or array equality.
                let t = if self.rng.one_in(2) {
                    Ty::Struct(self.rng.below(self.structs.len()))
                } else {
                    Ty::Arr(Box::new(Ty::Int(self.rng.below(INTS.len()))), 2)
                };
                let a = self.expr(&t, d);
                let b = self.expr(&t, d);
                nc(format!("({} == {})", a.s, b.s))
            }
            6 => {
                // A type assertion with comma-ok.
                let e = self.expr(&Ty::Iface, d);
                let t = if self.rng.one_in(2) {
                    "N".to_string()
                } else {
                    format!("S{}", self.rng.below(self.structs.len()))
                };
                nc(format!("func() bool {{ _, ok := {}.({t}); return ok }}()", e.s))
            }
            _ => self.call_expr(&Ty::Bool, d),
        }
    }

    fn str_expr(&mut self, d: usize) -> E {
        match self.rng.below(7) {
            0 | 1 => {
                let a = self.expr(&Ty::Str, d);
                let b = self.expr(&Ty::Str, d);
                E { s: format!("({} + {})", a.s, b.s), konst: a.konst && b.konst }
            }
            2 => {
                let s = self.expr_nc(&Ty::Str, d);
                let i = self.expr_nc(&Ty::Int(4), d);
                let j = self.expr_nc(&Ty::Int(4), d);
                nc(format!("sub({}, {}, {})", s.s, i.s, j.s))
            }
            3 => {
                let t = Ty::Int(self.rng.below(INTS.len()));
                let e = self.expr_nc(&t, d);
                nc(format!("string(rune({}))", e.s))
            }
            4 => {
                let e = self.expr_nc(&Ty::Int(4), d);
                nc(format!("itoa({})", e.s))
            }
            5 => {
                if let Some(v) = self.pick_var(|t| *t == Ty::Slice(Box::new(Ty::Int(5)))) {
                    return nc(format!("string({v})"));
                }
                let a = self.expr_nc(&Ty::Str, d);
                let b = self.expr(&Ty::Str, d);
                nc(format!("gmax({}, {})", a.s, b.s))
            }
            _ => self.call_expr(&Ty::Str, d),
        }
    }

    fn float_expr(&mut self, ty: &Ty, d: usize) -> E {
        let tn = ty.go(self);
        match self.rng.below(6) {
            0..=2 => {
                let op = *self.rng.pick(&["+", "-", "*", "/"]);
                if op == "/" {
                    let a = self.expr(ty, d);
                    let b = self.expr_nc(ty, d);
                    nc(format!("({} / {})", a.s, b.s))
                } else {
                    self.binary(ty, op, d)
                }
            }
            3 => {
                let t = Ty::Int(self.rng.below(INTS.len()));
                let e = self.expr_nc(&t, d);
                nc(format!("{tn}({})", e.s))
            }
            4 => {
                let other = if *ty == Ty::F64 { Ty::F32 } else { Ty::F64 };
                let e = self.expr_nc(&other, d);
                nc(format!("{tn}({})", e.s))
            }
            _ => self.call_expr(ty, d),
        }
    }

    /// An expression of a non-scalar type: a composite literal, a variable, a conversion.
    fn composite(&mut self, ty: &Ty, depth: usize) -> E {
        if depth > 1
            && self.rng.one_in(3)
            && self.funcs[self.callable_from.min(self.funcs.len())..].iter().any(|f| f.result == *ty)
        {
            return self.call_expr(ty, depth - 1);
        }
        if self.rng.below(3) != 0 || depth == 0 {
            let vs: Vec<String> = self.all_vars().into_iter().filter(|v| v.ty == *ty).map(|v| v.name).collect();
            if !vs.is_empty() && !matches!(ty, Ty::Slice(_) | Ty::Map(..)) {
                return nc(self.rng.pick(&vs).clone());
            }
        }
        let d = depth.saturating_sub(1).min(2);
        let tn = ty.go(self);
        let s = match ty {
            Ty::Arr(e, n) => {
                let es: Vec<String> = (0..*n).map(|_| self.expr(e, d).s).collect();
                format!("{tn}{{{}}}", es.join(", "))
            }
            Ty::Slice(e) => {
                let n = 1 + self.rng.below(4);
                let es: Vec<String> = (0..n).map(|_| self.expr(e, d).s).collect();
                format!("{tn}{{{}}}", es.join(", "))
            }
            Ty::Map(k, v) => {
                let n = self.rng.below(4);
                let mut es = Vec::new();
                // Distinct constant keys would be required of constants; use a make and assignments
                // instead when keys are not literals.
                for _ in 0..n {
                    let kk = self.expr_nc(k, d);
                    let vv = self.expr(v, d);
                    es.push((kk.s, vv.s));
                }
                let mut s = format!("func() {tn} {{ m := make({tn}); ");
                for (k, v) in es {
                    let _ = write!(s, "m[{k}] = {v}; ");
                }
                s.push_str("return m }()");
                s
            }
            Ty::Struct(i) => {
                let fields = self.structs[*i].fields.clone();
                let mut es = Vec::new();
                for (n, t) in &fields {
                    if !self.rng.one_in(4) {
                        es.push(format!("{n}: {}", self.expr(t, d).s));
                    }
                }
                format!("{tn}{{{}}}", es.join(", "))
            }
            Ty::Ptr(i) => {
                let fields = self.structs[*i].fields.clone();
                let mut es = Vec::new();
                for (n, t) in &fields {
                    if self.rng.one_in(2) {
                        es.push(format!("{n}: {}", self.expr(t, d).s));
                    }
                }
                format!("&{}{{{}}}", self.structs[*i].name, es.join(", "))
            }
            Ty::Iface => match self.rng.below(3) {
                // (Not a constant: gc 1.19 crashes on I(N(-44)).M(x) in a closure, "OCALLMETH missed".)
                0 => format!("I({})", self.expr_nc(&Ty::Named, d).s),
                _ => {
                    let i = self.rng.below(self.structs.len());
                    format!("I({})", self.composite(&Ty::Struct(i), d).s)
                }
            },
            Ty::GBox(t) => {
                let e = self.expr(t, d);
                format!("{tn}{{v: {}}}", e.s)
            }
            _ => unreachable!("composite of {ty:?}"),
        };
        // Parenthesized: a composite literal in an `if` or `switch` header must be.
        nc(format!("({s})"))
    }

    /// Folds a value of `ty` into the checksum `cs` (a statement).
    fn fold(&mut self, e: &str, ty: &Ty) -> String {
        format!("cs = mix(cs, {})", self.hash(e, ty))
    }

    /// A `uint64` expression summarizing the value `e` of type `ty`.
    fn hash(&mut self, e: &str, ty: &Ty) -> String {
        match ty {
            Ty::Int(_) | Ty::Named => format!("uint64({e})"),
            Ty::Bool => format!("b2u({e})"),
            Ty::Str => format!("shash({e})"),
            Ty::F64 | Ty::F32 => format!("fhash(float64({e}))"),
            Ty::Struct(_) => format!("uint64({e}.M(5))"),
            Ty::Iface => format!("uint64(callM({e}, 5))"),
            Ty::Ptr(_) => format!("uint64({e}.M(7))"),
            Ty::Slice(_) | Ty::Map(..) => format!("uint64(len({e}))"),
            Ty::Arr(t, n) => self.hash(&format!("{e}[{}]", n - 1), t),
            Ty::GBox(t) => self.hash(&format!("{e}.Get()"), t),
        }
    }

    fn print(&mut self, args: &[String]) {
        if self.use_fmt {
            let a = args.join(", ");
            self.line(&format!("fmt.Println({a})"));
        } else {
            self.line(&format!("println({})", args.join(", ")));
        }
    }

    fn declare(&mut self, name: &str, ty: Ty) {
        self.scopes.last_mut().unwrap().push(Var { name: name.to_string(), ty, writable: true, elems_writable: true });
    }

    /// Opens a block scope.
    fn open(&mut self) {
        self.scopes.push(Vec::new());
        self.indent += 1;
    }

    /// Closes a block scope, folding its locals into `cs` so that every local is used.
    fn close(&mut self) {
        let vars = self.scopes.last().unwrap().clone();
        for v in vars {
            let f = self.fold(&v.name, &v.ty);
            self.line(&f);
        }
        self.scopes.pop();
        self.indent -= 1;
    }

    fn block(&mut self, n: usize) {
        for _ in 0..n {
            self.stmt();
        }
    }

    fn func(&mut self, i: usize) {
        self.callable_from = i + 1;
        let f = &self.funcs[i];
        let name = f.name.clone();
        let params = f.params.clone();
        let result = f.result.clone();
        let mut ps = Vec::new();
        let mut vars = Vec::new();
        for (k, t) in params.iter().enumerate() {
            let pn = format!("q{k}");
            ps.push(format!("{pn} {}", t.go(self)));
            // Slices share their elements with the caller: read-only.
            let shared = matches!(t, Ty::Slice(_) | Ty::Map(..));
            vars.push(Var { name: pn, ty: t.clone(), writable: true, elems_writable: !shared });
        }
        let rn = result.go(self);
        let _ = writeln!(self.out, "\nfunc {name}({}) (r {rn}) {{", ps.join(", "));
        self.indent = 1;
        self.line("var cs uint64");
        self.scopes = vec![vars];
        self.depth = 0;
        self.in_loop = false;
        if result.is_scalar() && self.rng.one_in(3) {
            // A deferred closure that changes the named result.
            self.line("defer func() {");
            self.indent += 1;
            let e = self.expr(&result, 2);
            let s = match &result {
                Ty::Int(_) => format!("r ^= {}", e.s),
                Ty::Str => format!("r = cut(r + {})", e.s),
                Ty::Bool => format!("r = r != {}", e.s),
                _ => format!("r = r * {}", e.s),
            };
            self.line(&s);
            self.indent -= 1;
            self.line("}()");
        }
        let n = 4 + self.rng.below(10);
        self.scopes.push(Vec::new());
        self.block(n);
        let vars = self.scopes.pop().unwrap();
        for v in vars {
            let f = self.fold(&v.name, &v.ty);
            self.line(&f);
        }
        for (k, t) in params.iter().enumerate() {
            let f = self.fold(&format!("q{k}"), t);
            self.line(&f);
        }
        let e = self.expr(&result, 3);
        let ret = match &result {
            Ty::Int(k) => format!("return {}(cs) ^ {}", INTS[*k].0, e.s),
            Ty::Bool => format!("return (cs&1 == 1) != {}", e.s),
            Ty::Str => format!("return cut(itoa(int(cs%1000)) + {})", e.s),
            Ty::F64 | Ty::F32 => format!("return {}(cs%1024) + {}", rn, e.s),
            Ty::Arr(t, _) => format!("r = {}\n\tr[0] ^= {}(cs)\n\treturn r", e.s, t.go(self)),
            Ty::Struct(i) => match self.structs[*i].fields.iter().find(|f| matches!(f.1, Ty::Int(_))) {
                Some((f, t)) => format!("r = {}\n\tr.{f} += {}(cs)\n\treturn r", e.s, t.go(self)),
                None => format!("_ = cs\n\treturn {}", e.s),
            },
            _ => unreachable!(),
        };
        self.line(&ret);
        self.indent = 0;
        self.out.push_str("}\n");
        self.scopes.clear();
    }

    fn main(&mut self) {
        self.callable_from = 0;
        let entry = if self.package == "main" { "main" } else { "Main" };
        let _ = writeln!(self.out, "\nfunc {entry}() {{");
        self.indent = 1;
        self.line("var cs uint64");
        self.scopes = vec![Vec::new()];
        self.depth = 0;
        self.in_loop = false;
        // Every function once, with its result printed; then some random statements.
        for j in 0..self.funcs.len() {
            let params = self.funcs[j].params.clone();
            let args: Vec<String> = params.iter().map(|p| self.expr(p, 2).s).collect();
            let call = format!("{}({})", self.funcs[j].name, args.join(", "));
            let result = self.funcs[j].result.clone();
            let shown = if result.is_scalar() { call } else { self.hash(&call, &result) };
            self.print(&[format!("\"{}\"", self.funcs[j].name), shown]);
        }
        let n = 4 + self.rng.below(6);
        self.block(n);
        let vars = self.scopes.pop().unwrap();
        for v in vars {
            let f = self.fold(&v.name, &v.ty);
            self.line(&f);
        }
        self.print(&["\"cs\"".into(), "cs".into(), "fuel".into()]);
        self.out.push_str("}\n");
    }

    fn stmt(&mut self) {
        self.depth += 1;
        let deep = self.depth > 3;
        let k = self.rng.below(if deep { 8 } else { 20 });
        match k {
            0 | 1 => {
                // A new local.
                let t = self.local_ty();
                let name = self.fresh("v");
                let e = self.expr(&t, 3);
                if e.konst || self.rng.one_in(4) {
                    self.line(&format!("var {name} {} = {}", t.go(self), e.s));
                } else {
                    self.line(&format!("{name} := {}", e.s));
                }
                self.declare(&name, t);
            }
            2 | 3 => self.assign(),
            4 => {
                let t = self.scalar_ty();
                let e = self.expr(&t, 3);
                let msg = format!("\"{}\"", self.fresh("p"));
                let e = if t == Ty::F32 { format!("float64({})", e.s) } else { e.s };
                self.print(&[msg, e]);
            }
            5 => {
                let t = self.local_ty();
                let e = if t.is_scalar() { self.expr_nc(&t, 3) } else { self.expr(&t, 3) };
                let f = self.fold(&format!("({})", e.s), &t);
                self.line(&f);
            }
            6 => {
                // Append to a slice.
                let Some(v) = self.pick_writable(|t| matches!(t, Ty::Slice(_))) else { return self.done() };
                let Ty::Slice(et) = v.ty.clone() else { unreachable!() };
                let e = self.expr(&et, 2);
                self.line(&format!("{0} = append({0}, {1})", v.name, e.s));
            }
            7 if self.in_loop => {
                let c = self.expr_nc(&Ty::Bool, 2);
                let kw = if self.rng.one_in(2) { "break" } else { "continue" };
                self.line(&format!("if {} {{ {kw} }}", c.s));
            }
            7 => self.assign(),
            8 | 9 => {
                let c = self.expr(&Ty::Bool, 3);
                self.line(&format!("if {} {{", c.s));
                self.open();
                let n = 1 + self.rng.below(3);
                self.block(n);
                self.close();
                if self.rng.one_in(2) {
                    self.line("} else {");
                    self.open();
                    let n = 1 + self.rng.below(3);
                    self.block(n);
                    self.close();
                }
                self.line("}");
            }
            10 | 11 => self.loop_stmt(),
            12 => self.switch_stmt(),
            13 => self.panic_block(),
            14 => self.closure_stmt(),
            15 => self.iface_stmt(),
            16 | 17 => self.shape_stmt(),
            _ => self.misc_stmt(),
        }
        self.depth -= 1;
    }

    fn done(&mut self) {
        self.depth -= 1;
    }

    fn pick_writable(&mut self, f: impl Fn(&Ty) -> bool) -> Option<Var> {
        let mut vs = Vec::new();
        for s in &self.scopes {
            for v in s {
                if v.writable && f(&v.ty) {
                    vs.push(v.clone());
                }
            }
        }
        if vs.is_empty() {
            None
        } else {
            Some(self.rng.pick(&vs).clone())
        }
    }

    fn assign(&mut self) {
        let t = self.scalar_ty();
        let ps = self.places(&t, true);
        if ps.is_empty() {
            return;
        }
        let p = self.rng.pick(&ps).0.clone();
        let e = self.expr(&t, 3);
        match &t {
            Ty::Str => self.line(&format!("{p} = cut({})", e.s)),
            Ty::Int(_) if self.rng.one_in(2) => {
                let op = *self.rng.pick(&["+=", "-=", "*=", "|=", "^=", "&=", "<<=", ">>=", "++", "--"]);
                match op {
                    "++" | "--" => self.line(&format!("{p}{op}")),
                    "<<=" | ">>=" => {
                        let c = self.expr_nc(&Ty::Int(5), 2);
                        self.line(&format!("{p} {op} {}", c.s))
                    }
                    _ => self.line(&format!("{p} {op} {}", e.s)),
                }
            }
            _ => self.line(&format!("{p} = {}", e.s)),
        }
    }

    fn loop_stmt(&mut self) {
        let was = self.in_loop;
        match self.rng.below(4) {
            0 | 1 => {
                let i = self.fresh("i");
                let n = 1 + self.rng.below(6);
                let it = Ty::Int(self.rng.below(INTS.len()));
                let tn = it.go(self);
                self.line(&format!("for {i} := {tn}(0); {i} < {n}; {i}++ {{"));
                self.open();
                self.line("if fuel <= 0 { break }");
                self.line("fuel--");
                self.scopes.last_mut().unwrap().push(Var {
                    name: i.clone(),
                    ty: it,
                    writable: false,
                    elems_writable: false,
                });
            }
            2 => {
                // Range over a slice, array or string.
                let Some(v) = self.pick_var(|t| matches!(t, Ty::Slice(_) | Ty::Arr(..) | Ty::Str)) else {
                    return;
                };
                let vt = self.all_vars().into_iter().rev().find(|x| x.name == v).unwrap().ty;
                let et = match &vt {
                    Ty::Slice(e) | Ty::Arr(e, _) => (**e).clone(),
                    _ => Ty::Int(2),
                };
                let k = self.fresh("k");
                let x = self.fresh("x");
                self.line(&format!("for {k}, {x} := range {v} {{"));
                self.open();
                self.line("if fuel <= 0 { break }");
                self.line("fuel--");
                let s = self.scopes.last_mut().unwrap();
                s.push(Var { name: k, ty: Ty::Int(4), writable: false, elems_writable: false });
                s.push(Var { name: x, ty: et, writable: true, elems_writable: true });
            }
            _ => {
                // Range over a map: only commutative folds (iteration order is unspecified).
                let Some(v) = self.pick_var(|t| matches!(t, Ty::Map(..))) else { return };
                let vt = self.all_vars().into_iter().rev().find(|x| x.name == v).unwrap().ty;
                let Ty::Map(kt, et) = vt else { unreachable!() };
                let k = self.fresh("k");
                let x = self.fresh("x");
                self.line(&format!("for {k}, {x} := range {v} {{"));
                self.indent += 1;
                let hk = self.hash(&k, &kt);
                let hx = self.hash(&x, &et);
                self.line(&format!("cs += mix({hk}, {hx})"));
                self.indent -= 1;
                self.line("}");
                return;
            }
        }
        self.in_loop = true;
        let n = 1 + self.rng.below(4);
        self.block(n);
        self.close();
        self.line("}");
        self.in_loop = was;
    }

    fn switch_stmt(&mut self) {
        let t = if self.rng.one_in(4) { Ty::Str } else { Ty::Int(self.rng.below(INTS.len())) };
        let e = self.expr_nc(&t, 2);
        self.line(&format!("switch {} {{", e.s));
        let mut seen = Vec::new();
        for _ in 0..1 + self.rng.below(3) {
            let l = self.literal(&t);
            if seen.contains(&l.s) {
                continue;
            }
            seen.push(l.s.clone());
            self.line(&format!("case {}:", l.s));
            self.open();
            let n = 1 + self.rng.below(2);
            self.block(n);
            self.close();
        }
        self.line("default:");
        self.open();
        self.block(1);
        self.close();
        self.line("}");
    }

    /// A statement that may panic with a runtime error, inside a function that recovers and prints it.
    fn panic_block(&mut self) {
        self.line("func() {");
        self.indent += 1;
        let tag = self.fresh("r");
        if self.use_fmt {
            self.line(&format!("defer func() {{ fmt.Println(\"{tag}\", rec(recover())) }}()"));
        } else {
            self.line(&format!("defer func() {{ println(\"{tag}\", rec(recover())) }}()"));
        }
        let t = Ty::Int(self.rng.below(INTS.len()));
        let tn = t.go(self);
        let a = self.leaf_var(&t).s;
        let b = self.leaf_var(&t).s;
        match self.rng.below(9) {
            0 => {
                let op = *self.rng.pick(&["/", "%"]);
                // b is zero half of the time.
                self.line(&format!("a, b := {a}, {b}&1"));
                self.line(&format!("println(a {op} b)"));
            }
            1 => {
                let n = 1 + self.rng.below(5);
                let i = self.leaf_var(&Ty::Int(4)).s;
                self.line(&format!("var arr [{n}]{tn}"));
                self.line(&format!("i := {i} % 8"));
                self.line(&format!("arr[i] = {a}"));
                self.line("println(arr[0])");
            }
            2 => {
                let i = self.leaf_var(&t).s;
                let n = self.rng.below(4);
                self.line(&format!("s := make([]{tn}, {n})"));
                self.line(&format!("i := {i}"));
                self.line("println(s[i])");
            }
            3 => {
                let i = self.leaf_var(&Ty::Int(4)).s;
                let j = self.leaf_var(&Ty::Int(4)).s;
                self.line("s := \"abcdef\"");
                self.line(&format!("i, j := {i}%9, {j}%9"));
                self.line("println(s[i:j])");
            }
            4 => {
                self.line(&format!("var m map[{tn}]int"));
                self.line(&format!("m[{a}] = 1"));
            }
            5 => {
                let s = self.rng.below(self.structs.len());
                self.line(&format!("var p *S{s}"));
                self.line(&format!("if {a} == {b} {{ p = &S{s}{{}} }}"));
                self.line("println(p.M(1))");
            }
            6 => {
                self.line(&format!("var e interface{{}} = {a}"));
                let to = *self.rng.pick(&["string", "int", "int8", "uint64", "bool", "I"]);
                self.line(&format!("println(e.({to}) == e.({to}))"));
            }
            7 => {
                let v = self.expr(&Ty::Str, 2).s;
                if self.rng.one_in(2) {
                    self.line(&format!("panic({v})"));
                } else {
                    self.line(&format!("panic(int({a}))"));
                }
            }
            _ => {
                let i = self.leaf_var(&Ty::Int(4)).s;
                self.line("s := []int{1, 2, 3}");
                self.line(&format!("i := {i}"));
                self.line("println(len(s[i:]), len(s[:i]))");
            }
        }
        self.indent -= 1;
        self.line("}()");
    }

    /// Closures: one writing a captured local (called as a statement), or loop-variable capture.
    fn closure_stmt(&mut self) {
        if self.rng.one_in(2) {
            let Some(v) = self.pick_writable(|t| matches!(t, Ty::Int(_))) else { return };
            let c = self.fresh("c");
            self.line(&format!("{c} := func(d {}) {{", v.ty.go(self)));
            self.indent += 1;
            self.line(&format!("{0} = {0}*3 + d", v.name));
            self.indent -= 1;
            self.line("}");
            for _ in 0..1 + self.rng.below(3) {
                let e = self.expr(&v.ty, 2);
                self.line(&format!("{c}({})", e.s));
            }
        } else {
            let t = Ty::Int(self.rng.below(INTS.len()));
            let tn = t.go(self);
            let fs = self.fresh("fs");
            let n = 1 + self.rng.below(4);
            self.line(&format!("var {fs} []func() {tn}"));
            self.line(&format!("for i := 0; i < {n}; i++ {{"));
            self.indent += 1;
            self.line("j := i");
            let e = self.expr(&t, 1);
            self.line(&format!("{fs} = append({fs}, func() {tn} {{ return {tn}(i*7+j) + {} }})", e.s));
            self.indent -= 1;
            self.line("}");
            self.line(&format!("for _, f := range {fs} {{"));
            self.indent += 1;
            self.line("cs = mix(cs, uint64(f()))");
            self.indent -= 1;
            self.line("}");
        }
    }

    fn iface_stmt(&mut self) {
        let e = self.expr(&Ty::Iface, 2);
        let x = self.fresh("x");
        self.line(&format!("switch {x} := {}.(type) {{", e.s));
        for i in 0..self.structs.len() {
            self.line(&format!("case S{i}:"));
            self.indent += 1;
            let f = self.structs[i].fields[0].clone();
            let fold = self.fold(&format!("{x}.{}", f.0), &f.1);
            self.line(&fold);
            self.indent -= 1;
        }
        self.line("case N:");
        self.indent += 1;
        self.line(&format!("cs = mix(cs, uint64({x}))"));
        self.indent -= 1;
        self.line("default:");
        self.indent += 1;
        self.line(&format!("_ = {x}"));
        self.indent -= 1;
        self.line("}");
    }

    /// The shapes of real code the optimizer rewrites most: induction variables indexing slices and arrays
    /// (bounds checks), labeled nested loops, fallthrough, rune iteration, multi-value results, method
    /// values, array value semantics, min/max by `if`, append aliasing, overlapping copies, swaps.
    fn shape_stmt(&mut self) {
        match self.rng.below(11) {
            0 => self.indexed_loop(),
            1 => self.labeled_loops(),
            2 => self.fallthrough_switch(),
            3 => {
                // Range over a string's runes (invalid UTF-8 included: the literals have "\x00\xff").
                let s = self.expr_nc(&Ty::Str, 2);
                let (i, r) = (self.fresh("i"), self.fresh("r"));
                self.line(&format!("for {i}, {r} := range {} {{", s.s));
                self.indent += 1;
                self.line(&format!("cs = mix(cs, uint64({i})<<32 ^ uint64({r}))"));
                if self.rng.one_in(2) {
                    self.line(&format!("if {r} >= 0x80 {{ cs++ ; continue }}"));
                    self.line(&format!("cs = mix(cs, uint64(len(string({r}))))"));
                }
                self.indent -= 1;
                self.line("}");
                let rs = self.fresh("rs");
                self.line(&format!("{rs} := []rune({})", s.s));
                self.line(&format!("cs = mix(cs, uint64(len({rs}))) ^ shash(string({rs}))"));
            }
            4 => {
                // Multi-value results: a closure called at once, and the prelude's qr.
                let (ta, tb) = (self.scalar_ty(), self.local_ty());
                let (a, b) = (self.fresh("m"), self.fresh("m"));
                let (ea, eb) = (self.expr(&ta, 2), self.expr(&tb, 2));
                let (na, nb) = (ta.go(self), tb.go(self));
                self.line(&format!("{a}, {b} := func() ({na}, {nb}) {{ return {}, {} }}()", ea.s, eb.s));
                let (fa, fb) = (self.fold(&a, &ta), self.fold(&b, &tb));
                self.line(&fa);
                self.line(&fb);
                let x = self.expr_nc(&Ty::Int(3), 2);
                let y = self.expr(&Ty::Int(3), 2);
                let (q, r) = (self.fresh("q"), self.fresh("r"));
                self.line(&format!("{q}, {r} := qr({}, {})", x.s, y.s));
                self.line(&format!("cs = mix(cs, uint64({q})*3+uint64({r}))"));
            }
            5 => self.method_values(),
            6 => {
                // Array value semantics: range over an array ranges over a copy; an array argument is a copy.
                let Some(v) = self.pick_writable(|t| matches!(t, Ty::Arr(e, _) if matches!(**e, Ty::Int(_)))) else {
                    return;
                };
                let Ty::Arr(et, n) = v.ty.clone() else { unreachable!() };
                let tn = et.go(self);
                let (k, x) = (self.fresh("k"), self.fresh("x"));
                self.line(&format!("for {k}, {x} := range {} {{", v.name));
                self.indent += 1;
                self.line(&format!("{}[({k}+1)%{n}] = {x}*3 + {tn}({k})", v.name));
                self.line(&format!("cs = mix(cs, uint64({x}))"));
                self.indent -= 1;
                self.line("}");
                let e = self.expr(&et, 1);
                self.line(&format!("func(a [{n}]{tn}) {{ a[0] = {}; cs = mix(cs, uint64(a[0])) }}({})", e.s, v.name));
                let f = self.fold(&v.name, &v.ty);
                self.line(&f);
            }
            7 => {
                // min and max by `if`.
                let t = if self.rng.one_in(4) { Ty::Str } else { Ty::Int(self.rng.below(INTS.len())) };
                let (a, b) = (self.expr_nc(&t, 2), self.expr_nc(&t, 2));
                let (lo, hi) = (self.fresh("lo"), self.fresh("hi"));
                self.line(&format!("{lo}, {hi} := {}, {}", a.s, b.s));
                self.line(&format!("if {hi} < {lo} {{ {lo}, {hi} = {hi}, {lo} }}"));
                let c = self.expr_nc(&t, 2);
                self.line(&format!("if c := {}; c > {hi} {{ {hi} = c }} else if c < {lo} {{ {lo} = c }}", c.s));
                let (f1, f2) = (self.fold(&lo, &t), self.fold(&hi, &t));
                self.line(&f1);
                self.line(&f2);
                self.line(&format!("cs = mix(cs, b2u({lo} <= {hi}))"));
            }
            8 => {
                // Append aliasing: appending to a prefix writes into the original's backing array when it
                // has room (slices here come from literals, appends and copies, so capacity is gc's).
                let Some(v) = self.pick_writable(|t| matches!(t, Ty::Slice(_))) else { return };
                let Ty::Slice(et) = v.ty.clone() else { unreachable!() };
                let t = self.fresh("t");
                let k = self.index_expr(&format!("len({})", v.name));
                let e = self.expr(&et, 2);
                // Or a full slice expression, whose capacity makes the append copy instead.
                let max = if self.rng.one_in(3) { format!(":{k}") } else { String::new() };
                self.line(&format!("{t} := append({}[:{k}{max}], {})", v.name, e.s));
                self.line(&format!("{t} = append({t}, {t}[0])"));
                let (h0, h1) =
                    (self.hash(&format!("{}[len({})-1]", v.name, v.name), &et), self.hash(&format!("{t}[0]"), &et));
                self.line(&format!("cs = mix(cs, {h0}^{h1}) + uint64(len({t}))*7 + uint64(cap({t}))"));
            }
            9 => {
                // Overlapping copies, both directions.
                let Some(v) = self.pick_writable(|t| matches!(t, Ty::Slice(_))) else { return };
                let Ty::Slice(et) = v.ty.clone() else { unreachable!() };
                let k = self.index_expr(&format!("len({})", v.name));
                let (a, b) = if self.rng.one_in(2) {
                    (format!("{}[{k}:]", v.name), v.name.clone())
                } else {
                    (v.name.clone(), format!("{}[{k}:]", v.name))
                };
                self.line(&format!("cs = mix(cs, uint64(copy({a}, {b})))"));
                let i = self.fresh("i");
                let h = self.hash(&format!("{}[{i}]", v.name), &et);
                self.line(&format!("for {i} := range {} {{ cs = mix(cs, {h}) }}", v.name));
            }
            _ => {
                // A swap through a parallel assignment.
                let t = self.scalar_ty();
                let ps = self.places(&t, true);
                if ps.len() < 2 {
                    return;
                }
                let a = self.rng.pick(&ps).0.clone();
                let b = self.rng.pick(&ps).0.clone();
                self.line(&format!("{a}, {b} = {b}, {a}"));
            }
        }
    }

    /// A loop whose induction variable indexes a slice or an array, in one of the shapes bounds-check
    /// elimination looks for.
    fn indexed_loop(&mut self) {
        let Some(v) = self.pick_var(|t| matches!(t, Ty::Slice(_) | Ty::Arr(..))) else { return };
        let var = self.all_vars().into_iter().rev().find(|x| x.name == v).unwrap();
        let (et, len, w) = match &var.ty {
            Ty::Slice(e) => ((**e).clone(), format!("len({v})"), var.elems_writable),
            Ty::Arr(e, n) => {
                ((**e).clone(), if self.rng.one_in(2) { n.to_string() } else { format!("len({v})") }, var.writable)
            }
            _ => unreachable!(),
        };
        let int_elems = matches!(et, Ty::Int(_));
        let i = self.fresh("i");
        let h = self.hash(&format!("{v}[{i}]"), &et);
        match self.rng.below(8) {
            0 => self.line(&format!("for {i} := 0; {i} < {len}; {i}++ {{ cs = mix(cs, {h}) }}")),
            6 => {
                let h1 = self.hash(&format!("{v}[{i}-1]"), &et);
                self.line(&format!("for {i} := uint({len}); {i} > 0; {i}-- {{ cs = mix(cs, {h1}) }}"));
            }
            7 if matches!(var.ty, Ty::Slice(_)) => {
                // Constant indexes after a length check (only of slices: an array's would be out of range
                // at compile time when it is shorter).
                let h2 = self.hash(&format!("{v}[2]"), &et);
                let set = if w { format!("; {v}[1] = {v}[2]") } else { String::new() };
                self.line(&format!("if len({v}) > 2 {{ cs = mix(cs, {h2}){set} }}"));
            }
            1 => self.line(&format!("for {i} := {len} - 1; {i} >= 0; {i}-- {{ cs = mix(cs, {h}) }}")),
            2 => {
                let ut = *self.rng.pick(&["uint", "uint32", "int32", "int64", "uint64", "uint16"]);
                self.line(&format!("for {i} := {ut}(0); {i} < {ut}({len}); {i}++ {{ cs = mix(cs, {h}) }}"));
            }
            3 if w => self.line(&format!(
                "for {i} := 0; {i}+1 < {len}; {i} += 2 {{ {v}[{i}], {v}[{i}+1] = {v}[{i}+1], {v}[{i}] }}"
            )),
            4 if w && int_elems => {
                let tn = et.go(self);
                if self.rng.one_in(2) {
                    self.line(&format!("for {i} := 1; {i} < {len}; {i}++ {{ {v}[{i}] += {v}[{i}-1] }}"));
                } else {
                    self.line(&format!("for {i} := range {v} {{ {v}[{i}] = {v}[{i}]*3 + {tn}({i}) }}"));
                }
            }
            _ => {
                // A window: i and i-1 (and a sub-slice from i).
                let k = self.fresh("k");
                self.line(&format!("for {i}, {k} := 1, 0; {i} < {len}; {i}, {k} = {i}+1, {k}+1 {{"));
                self.indent += 1;
                let hp = self.hash(&format!("{v}[{k}]"), &et);
                self.line(&format!("cs = mix(cs, {h}^{hp}) + uint64(len({v}[{i}:]))"));
                self.indent -= 1;
                self.line("}");
            }
        }
        if w && int_elems {
            let i = self.fresh("i");
            let h = self.hash(&format!("{v}[{i}]"), &et);
            self.line(&format!("for {i} := range {v} {{ cs = mix(cs, {h}) }}"));
        }
    }

    /// Two nested counted loops; the inner one leaves or continues the outer one by its label.
    fn labeled_loops(&mut self) {
        let was = self.in_loop;
        let l = self.fresh("L");
        let (i, j) = (self.fresh("i"), self.fresh("j"));
        let (n, m) = (1 + self.rng.below(5), 1 + self.rng.below(5));
        self.line(&format!("{l}:"));
        self.line(&format!("for {i} := 0; {i} < {n}; {i}++ {{"));
        self.open();
        self.line("if fuel <= 0 { break }");
        self.line("fuel--");
        self.scopes.last_mut().unwrap().push(Var {
            name: i.clone(),
            ty: Ty::Int(4),
            writable: false,
            elems_writable: false,
        });
        self.line(&format!("for {j} := {n}; {j} > {i}-{m}; {j}-- {{"));
        self.open();
        self.line("if fuel <= 0 { break }");
        self.line("fuel--");
        self.scopes.last_mut().unwrap().push(Var {
            name: j.clone(),
            ty: Ty::Int(4),
            writable: false,
            elems_writable: false,
        });
        let c = self.expr_nc(&Ty::Bool, 2);
        let kw = if self.rng.one_in(2) { "break" } else { "continue" };
        let r = self.rng.below(3);
        self.line(&format!("if {} || {j}%3 == {r} {{ {kw} {l} }}", c.s));
        self.in_loop = true;
        let k = 1 + self.rng.below(3);
        self.block(k);
        self.close();
        self.line("}");
        if self.rng.one_in(2) {
            let r = self.rng.below(4);
            self.line(&format!("if {i} == {r} {{ continue {l} }}"));
        }
        self.block(1);
        self.close();
        self.line("}");
        self.in_loop = was;
    }

    /// A tagless switch (cases in order, the first true one wins) whose clauses may fall through.
    fn fallthrough_switch(&mut self) {
        let t = Ty::Int(self.rng.below(INTS.len()));
        let x = self.fresh("x");
        let e = self.expr_nc(&t, 2);
        self.line(&format!("switch {x} := {}; {{", e.s));
        let n = 1 + self.rng.below(4);
        for k in 0..n {
            let c = self.expr(&t, 1);
            let op = *self.rng.pick(&["<", "==", ">=", "!="]);
            self.line(&format!("case {x} {op} {}:", c.s));
            self.open();
            self.line(&format!("cs = mix(cs, uint64({x})+{k})"));
            let b = 1 + self.rng.below(2);
            self.block(b);
            self.close();
            if self.rng.one_in(2) {
                self.line("\tfallthrough");
            }
        }
        self.line("default:");
        self.line(&format!("\tcs = mix(cs, uint64({x}))"));
        self.line("}");
    }

    /// Method values bind their receiver when evaluated: a copy for value receivers, the address for
    /// pointer receivers; method expressions take the receiver as an argument.
    fn method_values(&mut self) {
        if let Some(v) = self.pick_writable(|t| matches!(t, Ty::GBox(_))) {
            if self.rng.one_in(2) {
                let Ty::GBox(et) = v.ty.clone() else { unreachable!() };
                let (set, get) = (self.fresh("set"), self.fresh("get"));
                self.line(&format!("{set}, {get} := {0}.Set, {0}.Get", v.name));
                let e = self.expr(&et, 2);
                self.line(&format!("{set}({})", e.s));
                let (h1, h2) = (self.hash(&format!("{get}()"), &et), self.hash(&format!("{}.Get()", v.name), &et));
                self.line(&format!("cs = mix(cs, {h1}^{h2}) + uint64({}.n)", v.name));
                return;
            }
        }
        let Some(v) = self.pick_writable(|t| matches!(t, Ty::Struct(_))) else { return };
        let Ty::Struct(si) = v.ty else { unreachable!() };
        let f = self.fresh("f");
        self.line(&format!("{f} := {}.M", v.name));
        let x = self.expr_nc(&Ty::Int(3), 2);
        self.line(&format!("cs = mix(cs, uint64({f}({})))", x.s));
        let (fname, ft) = self.structs[si].fields[self.rng.below(self.structs[si].fields.len())].clone();
        if ft.is_scalar() {
            let e = self.expr(&ft, 1);
            let e = if ft == Ty::Str { format!("cut({})", e.s) } else { e.s };
            self.line(&format!("{}.{fname} = {e}", v.name));
        }
        let sn = self.structs[si].name.clone();
        self.line(&format!(
            "cs = mix(cs, uint64({f}(3))^uint64({sn}.M({}, 3))^uint64((*{sn}).M(&{}, 4)))",
            v.name, v.name
        ));
    }

    fn misc_stmt(&mut self) {
        match self.rng.below(6) {
            0 => {
                // Value semantics: a copy of a struct or array changed, both printed.
                let t = if self.rng.one_in(2) {
                    Ty::Struct(self.rng.below(self.structs.len()))
                } else {
                    Ty::Arr(Box::new(Ty::Int(self.rng.below(INTS.len()))), 3)
                };
                let a = self.fresh("a");
                let b = self.fresh("b");
                let e = self.expr(&t, 2);
                self.line(&format!("{a} := {}", e.s));
                self.line(&format!("{b} := {a}"));
                let p = self.fresh("p");
                self.line(&format!("{p} := &{b}"));
                match &t {
                    Ty::Struct(i) => {
                        let (f, ft) = self.structs[*i].fields[0].clone();
                        let v = self.expr(&ft, 1);
                        self.line(&format!("{p}.{f} = {}", v.s));
                    }
                    Ty::Arr(et, _) => {
                        let v = self.expr(et, 1);
                        self.line(&format!("{p}[1] = {}", v.s));
                    }
                    _ => unreachable!(),
                }
                let fa = self.fold(&a, &t);
                let fb = self.fold(&b, &t);
                self.line(&fa);
                self.line(&fb);
                self.line(&format!("cs = mix(cs, b2u({a} == {b}))"));
            }
            1 => {
                // A goroutine computing a value it gets by copy.
                let t = Ty::Int(self.rng.below(INTS.len()));
                let tn = t.go(self);
                let ch = self.fresh("ch");
                let e = self.expr(&t, 2);
                let cap = self.rng.below(2);
                self.line(&format!("{ch} := make(chan {tn}, {cap})"));
                self.line(&format!("go func(x {tn}) {{ {ch} <- x * 3; {ch} <- x + 1 }}({})", e.s));
                self.line(&format!("cs = mix(cs, uint64(<-{ch}))"));
                self.line(&format!("cs = mix(cs, uint64(<-{ch}))"));
            }
            2 => {
                // Map operations.
                let Some(v) = self.pick_writable(|t| matches!(t, Ty::Map(..))) else { return };
                let Ty::Map(kt, et) = v.ty.clone() else { unreachable!() };
                let k = self.expr(&kt, 2);
                match self.rng.below(3) {
                    0 => {
                        let e = self.expr(&et, 2);
                        self.line(&format!("{}[{}] = {}", v.name, k.s, e.s));
                    }
                    1 => self.line(&format!("delete({}, {})", v.name, k.s)),
                    _ => {
                        let ok = self.fresh("ok");
                        let x = self.fresh("x");
                        self.line(&format!("{x}, {ok} := {}[{}]", v.name, k.s));
                        let f = self.fold(&x, &et);
                        self.line(&f);
                        self.line(&format!("cs = mix(cs, b2u({ok}))"));
                    }
                }
            }
            3 => {
                // Pointer methods through Box.
                let Some(v) = self.pick_writable(|t| matches!(t, Ty::GBox(_))) else { return };
                let Ty::GBox(et) = v.ty.clone() else { unreachable!() };
                let e = self.expr(&et, 2);
                self.line(&format!("{}.Set({})", v.name, e.s));
                self.line(&format!("cs = mix(cs, uint64({}.n))", v.name));
            }
            4 => {
                // Defer in a loop: runs in reverse order at function exit.
                let t = Ty::Int(self.rng.below(INTS.len()));
                let e = self.expr(&t, 2);
                let n = 1 + self.rng.below(3);
                self.line(&format!("for i := 0; i < {n}; i++ {{"));
                self.indent += 1;
                if self.use_fmt {
                    self.line(&format!("defer fmt.Println(\"defer\", i, {})", e.s));
                } else {
                    self.line(&format!("defer println(\"defer\", i, {})", e.s));
                }
                self.indent -= 1;
                self.line("}");
            }
            _ => {
                // Slicing and copying a slice.
                let Some(v) = self.pick_writable(|t| matches!(t, Ty::Slice(_))) else { return };
                let w = self.fresh("w");
                self.line(&format!("{w} := append({0}[:0:0], {0}...)", v.name));
                self.line(&format!("if len({w}) > 1 {{ {w} = {w}[1:] }}"));
                self.line(&format!("cs = mix(cs, uint64(copy({0}, {w})))", v.name));
                self.line(&format!("cs = mix(cs, uint64(len({w})))"));
            }
        }
    }
}
