//! `g1c dump html FUNC FILE`: one self-contained page that shows a function's IR after lowering and after
//! every pass of the optimizer's table, in columns side by side (gc's `GOSSAFUNC` page, `ssa.html`), after
//! its Go source and before its assembly.
//!
//! In: a lowered, verified module and the function's symbol. Out: HTML text with inline CSS and a few lines
//! of inline JavaScript (no other file is needed). Each column is the function as `ir::print` prints it
//! after that pass, so the page shows exactly what `g1c dump ir -after PASS` does: the module is optimized
//! afresh up to each pass (`opt::run` with `stop_after`), which also keeps this view right whatever the
//! pipeline does between passes. A pass that changed nothing is a collapsed column (click its name to open
//! it); lines a pass added or changed are marked; clicking a vreg, block or slot highlights it in every
//! column. Deterministic: the page depends only on the module.

use std::fmt::Write;

use crate::ir::{print::print_func, Func, Module};
use crate::opt;

/// The page shows linux/amd64 IR and code, the one target with a code generator (as `g1c dump` checks for).
const TARGET: &crate::target::Target = &crate::target::Target::LINUX_AMD64;

/// One column of the page.
struct Column {
    title: String,
    about: String,
    text: String,
    /// The text differs from the previous column's (always true for the first and the assembly).
    changed: bool,
    /// The column is IR (its lines are compared with the previous column's and its names are clickable).
    ir: bool,
}

/// The function named `name` in `m`: its symbol, or the symbol without the `main.` prefix (`f`,
/// `(*T).M`), as gc's `GOSSAFUNC` takes it.
pub fn find<'a>(m: &'a Module, name: &str) -> Option<&'a Func> {
    let qualified = format!("main.{name}");
    m.funcs.iter().find(|f| f.name == name).or_else(|| m.funcs.iter().find(|f| f.name == qualified))
}

/// The page for function `name` of the lowered module `lowered`, optimized as `g1c build` would
/// (`optimize`: the optional passes run). `source` is a file's name as the IR records it and its text:
/// when the function comes from that file, its lines from the `func` line to the function's end make the
/// first column. An error names the functions there are.
pub fn render(lowered: &Module, name: &str, optimize: bool, source: Option<(&str, &str)>) -> Result<String, String> {
    let Some(f) = find(lowered, name) else {
        let names: Vec<&str> = lowered.funcs.iter().map(|f| f.name.as_str()).collect();
        return Err(format!("no function {name}; the functions are: {}", names.join(", ")));
    };
    let sym = f.name.clone();
    let mut cols = Vec::new();
    // Generated functions (wrappers, equality) claim a line of the file that is not theirs: a function's
    // own line has its `func`.
    let own = |text: &str| text.lines().nth(f.line.max(1) as usize - 1).is_some_and(|l| l.contains("func"));
    if let Some((_, src)) = source.filter(|(file, text)| *file == f.file && own(text)) {
        let lines: Vec<&str> = src.lines().collect();
        let first = f.line.max(1) as usize;
        let code = f.blocks.iter().flat_map(|b| b.insts.iter().map(|i| i.line).chain([b.term_line])).max();
        let mut last = code.unwrap_or(0).max(f.line) as usize;
        // The code's last line is usually the last statement's; gofmt'ed source closes the function with a
        // `}` at the start of a line soon after.
        let closed = last.checked_sub(1).and_then(|k| lines.get(k)).is_some_and(|l| l.starts_with('}'));
        if let Some(k) =
            lines.iter().skip(last).take_while(|l| !l.starts_with("func ")).position(|l| l.starts_with('}'))
        {
            if !closed {
                last += k + 1;
            }
        }
        let mut text = String::new();
        for (n, l) in lines.iter().enumerate().take(last.min(lines.len())).skip(first - 1) {
            let _ = writeln!(text, "{:4}  {}", n + 1, l);
        }
        cols.push(Column { title: "source".into(), about: f.file.clone(), text, changed: true, ir: false });
    }
    let text = |m: &Module| {
        let mut s = String::new();
        match m.funcs.iter().find(|f| f.name == sym) {
            Some(f) => print_func(&mut s, f),
            None => s.push_str("(the function is gone)\n"),
        }
        s
    };
    cols.push(Column {
        title: "lower".into(),
        about: "the IR as lowering produced it".into(),
        text: text(lowered),
        changed: true,
        ir: true,
    });
    let passes =
        opt::MODULE_PASSES.iter().map(|p| (p.name, p.about)).chain(opt::PASSES.iter().map(|p| (p.name, p.about)));
    let mut last = lowered.clone();
    for (pass, about) in passes {
        let mut m = lowered.clone();
        opt::run(TARGET, &mut m, optimize, Some(pass)).map_err(|e| format!("internal compiler error: {e}"))?;
        let t = text(&m);
        let changed = cols.last().is_none_or(|c| c.text != t);
        cols.push(Column { title: pass.into(), about: about.into(), text: t, changed, ir: true });
        last = m;
    }
    let asm = match last.funcs.iter().find(|f| f.name == sym) {
        Some(f) => {
            let one = Module { funcs: vec![f.clone()], data: Vec::new() };
            crate::codegen::listing(TARGET, &one, optimize)?
        }
        None => String::new(),
    };
    cols.push(Column {
        title: "asm".into(),
        about: "the code generated for the optimized IR (g1c dump asm)".into(),
        text: asm,
        changed: true,
        ir: false,
    });
    Ok(page(f, &cols))
}

const STYLE: &str = "body{font-family:sans-serif;margin:8px}\n\
h1{font-size:18px;margin:0 0 4px}\n\
p{font-size:13px;margin:0 0 8px}\n\
.cols{display:flex;align-items:flex-start;gap:4px;overflow-x:auto}\n\
.col{border:1px solid #aaa;flex:none}\n\
.col h2{font-size:13px;margin:0;padding:3px 6px;background:#e8e8e8;cursor:pointer;white-space:nowrap}\n\
.col pre{font-size:12px;margin:0;padding:4px 6px}\n\
.same:not(.open) pre{display:none}\n\
.same:not(.open) h2{writing-mode:vertical-lr;color:#777}\n\
.new{background:#dfd}\n\
.r{cursor:pointer}\n\
.hl{background:#fd5}\n";

/// A click on a name highlights it in every column (a second click clears it); a click on a column's title
/// opens or closes it.
const SCRIPT: &str = "document.addEventListener('click',function(e){var t=e.target,r=t.getAttribute('data-r');\
if(r){var on=!t.classList.contains('hl');\
document.querySelectorAll('[data-r=\"'+r+'\"]').forEach(function(x){x.classList.toggle('hl',on)})}\
else if(t.tagName=='H2'){t.parentNode.classList.toggle('open')}});\n";

fn page(f: &Func, cols: &[Column]) -> String {
    let mut out = String::new();
    let title = escape(&f.name);
    let _ = write!(
        out,
        "<!DOCTYPE html>\n<html>\n<head>\n<meta charset=\"utf-8\">\n<title>{title}</title>\n<style>\n{STYLE}</style>\n</head>\n<body>\n"
    );
    let _ = writeln!(out, "<h1>{title}</h1>");
    let _ = writeln!(
        out,
        "<p>{}:{} &mdash; the source, the IR after lowering and after each pass of the optimizer, then the assembly. \
         Green lines are new in that column; a pass that changed nothing is folded (click its name). \
         Click a vreg, block or slot to highlight it everywhere.</p>",
        escape(&f.file),
        f.line
    );
    out.push_str("<div class=\"cols\">\n");
    let mut prev: Option<&str> = None;
    for c in cols {
        let class = if c.changed { "col" } else { "col same" };
        let _ = write!(out, "<div class=\"{class}\"><h2 title=\"{}\">{}</h2><pre>", escape(&c.about), escape(&c.title));
        for line in c.text.lines() {
            let new = c.ir && prev.is_some_and(|p| !p.lines().any(|l| l == line));
            let body = if c.ir { markup(line) } else { escape(line) };
            if new {
                let _ = writeln!(out, "<span class=\"new\">{body}</span>");
            } else {
                let _ = writeln!(out, "{body}");
            }
        }
        out.push_str("</pre></div>\n");
        if c.ir {
            prev = Some(&c.text);
        }
    }
    let _ = write!(out, "</div>\n<script>\n{SCRIPT}</script>\n</body>\n</html>\n");
    out
}

/// `s` with the characters HTML gives a meaning escaped.
fn escape(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for c in s.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            c => out.push(c),
        }
    }
    out
}

/// One line of IR, escaped, with each vreg (`v3`), block (`b1`) and slot (`s0`) a clickable span. Names
/// inside quoted strings and parts of longer words (`main.s1`, `g1c_printsp`) are left alone.
fn markup(line: &str) -> String {
    let mut out = String::new();
    let cs: Vec<(usize, char)> = line.char_indices().collect();
    let word = |c: char| c.is_alphanumeric() || c == '_' || c == '.' || c == '$' || c == '·';
    let mut k = 0;
    let mut quoted = false;
    while k < cs.len() {
        let (i, c) = cs[k];
        if c == '"' {
            quoted = !quoted;
        } else if quoted && c == '\\' && k + 1 < cs.len() {
            out.push_str(&escape(&line[i..cs[k + 1].0 + cs[k + 1].1.len_utf8()]));
            k += 2;
            continue;
        } else if !quoted && matches!(c, 'v' | 'b' | 's') && (k == 0 || !word(cs[k - 1].1)) {
            let n = cs[k + 1..].iter().take_while(|(_, d)| d.is_ascii_digit()).count();
            let after = cs.get(k + 1 + n).map(|p| p.1);
            if n > 0 && !after.is_some_and(word) {
                let end = cs.get(k + 1 + n).map_or(line.len(), |p| p.0);
                let name = &line[i..end];
                let _ = write!(out, "<span class=\"r\" data-r=\"{name}\">{name}</span>");
                k += 1 + n;
                continue;
            }
        }
        out.push_str(&escape(&line[i..i + c.len_utf8()]));
        k += 1;
    }
    out
}
