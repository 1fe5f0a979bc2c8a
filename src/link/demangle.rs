//! Readable names for the runtime's Rust symbols in `.symtab`.
//!
//! In: a symbol name from rt's archive. Out: for a name in rustc's legacy mangling
//! (`_ZN2rt5sched4ALLP17h0123456789abcdefE`), its path as Rust writes it, without the trailing hash
//! (`rt::sched::ALLP`), as gc's symbol table names its runtime `runtime.allp`; any other name (rt's
//! `#[no_mangle]` functions, core's v0-mangled `_R…` ones) comes back unchanged, and so does a legacy name
//! this reader does not fully understand. The readable form is about half as long, which matters because
//! `.strtab` counts towards hello world's size (issue 10).
//!
//! Invariant: the result depends only on the name, never fails, and is never longer than the input. Two
//! monomorphizations of one generic function may end up with the same name; their addresses tell them
//! apart, and ELF allows repeated names.

/// The legacy mangling's escapes (rustc's `$XX$` forms) and what they stand for.
const ESCAPES: [(&str, char); 9] = [
    ("SP", '@'),
    ("BP", '*'),
    ("RF", '&'),
    ("LT", '<'),
    ("GT", '>'),
    ("LP", '('),
    ("RP", ')'),
    ("C", ','),
    ("u20", ' '),
];

/// `name` demangled if it is a well-formed legacy Rust symbol, else `None`.
pub fn legacy(name: &str) -> Option<String> {
    let mut rest = name.strip_prefix("_ZN")?;
    let mut parts: Vec<&str> = Vec::new();
    loop {
        if let Some(after) = rest.strip_prefix('E') {
            if !after.is_empty() && !after.starts_with('.') {
                return None;
            }
            break;
        }
        let digits = rest.bytes().take_while(u8::is_ascii_digit).count();
        let len: usize = rest[..digits].parse().ok()?;
        let ident = rest.get(digits..digits + len)?;
        parts.push(ident);
        rest = &rest[digits + len..];
    }
    if parts
        .last()
        .is_some_and(|h| h.len() == 17 && h.starts_with('h') && h[1..].bytes().all(|b| b.is_ascii_hexdigit()))
    {
        parts.pop();
    }
    if parts.is_empty() {
        return None;
    }
    let mut out = String::with_capacity(name.len());
    for (i, part) in parts.iter().enumerate() {
        if i > 0 {
            out.push_str("::");
        }
        // An identifier that would start with `$` gets a leading `_`.
        let part = if part.starts_with("_$") { &part[1..] } else { part };
        unescape(part, &mut out)?;
    }
    Some(out)
}

/// Appends identifier `s` with its `$XX$` escapes decoded and `..` read as `::`.
fn unescape(mut s: &str, out: &mut String) -> Option<()> {
    while let Some(c) = s.chars().next() {
        if c == '$' {
            let end = s[1..].find('$')? + 1;
            let code = &s[1..end];
            let ch = match ESCAPES.iter().find(|e| e.0 == code) {
                Some(&(_, ch)) => ch,
                None => {
                    let hex = code.strip_prefix('u')?;
                    char::from_u32(u32::from_str_radix(hex, 16).ok()?)?
                }
            };
            out.push(ch);
            s = &s[end + 1..];
        } else if let Some(after) = s.strip_prefix("..") {
            out.push_str("::");
            s = after;
        } else {
            out.push(c);
            s = &s[c.len_utf8()..];
        }
    }
    Some(())
}

#[cfg(test)]
mod tests {
    use super::legacy;

    #[test]
    fn names() {
        assert_eq!(legacy("_ZN2rt5sched4ALLP17hbaa04535ae2ac106E").as_deref(), Some("rt::sched::ALLP"));
        assert_eq!(
            legacy("_ZN52_$LT$rt..print..Stderr$u20$as$u20$rt..print..Out$GT$3put17hc6f2ed3cec2ccd99E").as_deref(),
            Some("<rt::print::Stderr as rt::print::Out>::put")
        );
        assert_eq!(
            legacy("_ZN4core3ops8function6FnOnce40call_once$u7b$$u7b$vtable.shim$u7d$$u7d$17h0085f50c0fc71049E")
                .as_deref(),
            Some("core::ops::function::FnOnce::call_once{{vtable.shim}}")
        );
        // Not legacy-mangled, or malformed: left alone.
        for s in ["g1c_alloc", "_RNvCs1_4core3fmt", "_ZN3abc", "_ZN99abcE", "_ZN3a$bE", "_ZNE", "_ZN1aEx"] {
            assert_eq!(legacy(s), None, "{s}");
        }
    }
}
