//! Assembly checks (`// asmcheck`, the codegen/ directory): a port of run.go's `wantedAsmOpcodes` and
//! `asmCheck`.
//!
//! In: a test's source, and for each build environment (`linux/amd64/v1` ...) the `-S=2` assembly listing gc
//! printed. Out: which environments have checks, and for each whether every positive opcode regexp matched
//! some instruction of its source line and no negative one did.
//!
//! Only the environments of the host (linux/amd64/*) are checked, as run.go does without `-all_codegen`.

use regex::Regex;
use std::collections::BTreeMap;
use std::sync::OnceLock;

#[derive(Debug, Clone)]
pub struct WantedOpcode {
    pub line: usize,
    pub opcode: Regex,
    pub negative: bool,
}

/// Build environment ("linux/amd64/v3") → source line ("file.go:12") → checks.
pub type AsmChecks = BTreeMap<String, BTreeMap<String, Vec<WantedOpcode>>>;

const MATCH_CHECK: &str = r#"-?(?:`[^`]*`|"(?:[^"\\]|\\.)*")"#;

struct Rxs {
    comment: Regex,
    platform: Regex,
    check: Regex,
}

fn rxs() -> &'static Rxs {
    static RXS: OnceLock<Rxs> = OnceLock::new();
    RXS.get_or_init(|| Rxs {
        comment: Regex::new(r"^\s*(.*?)\s*(?://\s*(.+)\s*)?$").unwrap(),
        platform: Regex::new(&format!(r"(\w+)(/\w+)?(/\w*)?\s*:\s*({MATCH_CHECK}(?:\s*,\s*{MATCH_CHECK})*)")).unwrap(),
        check: Regex::new(MATCH_CHECK).unwrap(),
    })
}

/// `archVariants`: the variant environment variable and the variants of each GOARCH.
fn arch_variants(arch: &str) -> Option<(&'static str, &'static [&'static str])> {
    Some(match arch {
        "386" => ("GO386", &["sse2", "softfloat"]),
        "amd64" => ("GOAMD64", &["v1", "v2", "v3", "v4"]),
        "arm" => ("GOARM", &["5", "6", "7"]),
        "mips" => ("GOMIPS", &["hardfloat", "softfloat"]),
        "mips64" => ("GOMIPS64", &["hardfloat", "softfloat"]),
        "ppc64" | "ppc64le" => ("GOPPC64", &["power8", "power9"]),
        "arm64" | "loong64" | "s390x" | "wasm" | "riscv64" => ("", &[]),
        _ => return None,
    })
}

/// `buildEnv.Environ`: "linux/amd64/v3" → GOOS, GOARCH, GOAMD64.
pub fn environ(env: &str) -> Vec<(String, String)> {
    let f: Vec<&str> = env.split('/').collect();
    let mut v = vec![("GOOS".to_string(), f[0].to_string()), ("GOARCH".to_string(), f[1].to_string())];
    if f.len() == 3 && !f[2].is_empty() {
        if let Some((var, _)) = arch_variants(f[1]) {
            v.push((var.to_string(), f[2].to_string()));
        }
    }
    v
}

/// `wantedAsmOpcodes`: the checks of file `path` (named `path` in the listing).
pub fn wanted_asm_opcodes(src: &str, path: &str) -> Result<AsmChecks, String> {
    let rx = rxs();
    let mut ops = AsmChecks::new();
    let mut comment = String::new();
    for (i, line) in src.split('\n').enumerate() {
        let m = rx.comment.captures(line).expect("rxAsmComment matches every line");
        let code = m.get(1).map_or("", |g| g.as_str());
        let cmt = m.get(2).map_or("", |g| g.as_str());
        // Comments stay pending until a line with code.
        comment.push(' ');
        comment.push_str(cmt);
        if code.is_empty() {
            continue;
        }
        let lnum = format!("{path}:{}", i + 1);
        for ac in rx.platform.captures_iter(&comment) {
            let g = |k: usize| ac.get(k).map_or("", |x| x.as_str());
            let (os, arch, subarch) = if !g(3).is_empty() {
                (g(1).to_string(), g(2)[1..].to_string(), g(3)[1..].to_string())
            } else if !g(2).is_empty() {
                ("linux".to_string(), g(1).to_string(), g(2)[1..].to_string())
            } else {
                let os = if g(1) == "wasm" { "js" } else { "linux" };
                (os.to_string(), g(1).to_string(), String::new())
            };
            let Some((_, variants)) = arch_variants(&arch) else {
                return Err(format!("{}: unsupported architecture: {arch}", i + 1));
            };
            let envs: Vec<String> = if !subarch.is_empty() {
                vec![format!("{os}/{arch}/{subarch}")]
            } else if variants.is_empty() {
                vec![format!("{os}/{arch}/")]
            } else {
                variants.iter().map(|v| format!("{os}/{arch}/{v}")).collect()
            };
            for m in rx.check.find_iter(g(4)) {
                let (negative, lit) = match m.as_str().strip_prefix('-') {
                    Some(rest) => (true, rest),
                    None => (false, m.as_str()),
                };
                let rxsrc = go_unquote(lit).map_err(|e| format!("{}: error unquoting string: {e}", i + 1))?;
                let opcode =
                    crate::errorcheck::go_regex(&format!("^{rxsrc}")).map_err(|e| format!("{}: {e}", i + 1))?;
                for env in &envs {
                    ops.entry(env.clone()).or_default().entry(lnum.clone()).or_default().push(WantedOpcode {
                        line: i + 1,
                        opcode: opcode.clone(),
                        negative,
                    });
                }
            }
        }
        comment.clear();
    }
    Ok(ops)
}

/// `asmCheck`: `Err` lists the failed checks (sorted by line).
pub fn asm_check(
    out: &str,
    path: &str,
    name: &str,
    env: &str,
    ops: &BTreeMap<String, Vec<WantedOpcode>>,
) -> Result<(), String> {
    let rx_line = Regex::new(&format!(r"\(({}:\d+)\)\s+(.*)", regex::escape(path))).unwrap();
    let mut found: BTreeMap<(String, usize), bool> = BTreeMap::new();
    for line in out.split('\n') {
        let Some(m) = rx_line.captures(line) else { continue };
        let (src_line, asm) = (m.get(1).unwrap().as_str(), m.get(2).unwrap().as_str());
        if let Some(checks) = ops.get(src_line) {
            for (k, o) in checks.iter().enumerate() {
                if o.opcode.is_match(asm) {
                    found.insert((src_line.to_string(), k), true);
                }
            }
        }
    }
    let mut failed: Vec<&WantedOpcode> = Vec::new();
    for (fl, checks) in ops {
        for (k, o) in checks.iter().enumerate() {
            let hit = found.contains_key(&(fl.clone(), k));
            if o.negative == hit {
                failed.push(o);
            }
        }
    }
    if failed.is_empty() {
        return Ok(());
    }
    failed.sort_by_key(|o| o.line);
    let mut buf = String::from("\n");
    for o in failed {
        let what = if o.negative { "wrong opcode found" } else { "opcode not found" };
        buf.push_str(&format!("{name}:{}: {env}: {what}: {:?}\n", o.line, o.opcode.as_str()));
    }
    Err(buf)
}

/// `strconv.Unquote` for the two forms the checks use: `raw` and "interpreted".
pub fn go_unquote(s: &str) -> Result<String, String> {
    if let Some(raw) = s.strip_prefix('`').and_then(|r| r.strip_suffix('`')) {
        return Ok(raw.to_string());
    }
    let body = s.strip_prefix('"').and_then(|r| r.strip_suffix('"')).ok_or("invalid syntax")?;
    let mut out = String::new();
    let mut chars = body.chars();
    while let Some(c) = chars.next() {
        if c != '\\' {
            out.push(c);
            continue;
        }
        let e = chars.next().ok_or("invalid syntax")?;
        match e {
            'a' => out.push('\x07'),
            'b' => out.push('\x08'),
            'f' => out.push('\x0c'),
            'n' => out.push('\n'),
            'r' => out.push('\r'),
            't' => out.push('\t'),
            'v' => out.push('\x0b'),
            '\\' | '"' | '\'' => out.push(e),
            'x' | 'u' | 'U' => {
                let n = match e {
                    'x' => 2,
                    'u' => 4,
                    _ => 8,
                };
                let hex: String = chars.by_ref().take(n).collect();
                let v = u32::from_str_radix(&hex, 16).map_err(|_| "invalid syntax")?;
                out.push(char::from_u32(v).ok_or("invalid syntax")?);
            }
            '0'..='7' => {
                let rest: String = chars.by_ref().take(2).collect();
                let v = u32::from_str_radix(&format!("{e}{rest}"), 8).map_err(|_| "invalid syntax")?;
                out.push(char::from_u32(v).ok_or("invalid syntax")?);
            }
            _ => return Err("invalid syntax".into()),
        }
    }
    Ok(out)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn parses_checks() {
        let src = "package p\n\nfunc f(x int) int {\n\t// amd64:\"SHLQ\\t[$]3\",-\"IMULQ\"\n\t// arm64:`LSL`\n\treturn x * 8\n}\n";
        let ops = wanted_asm_opcodes(src, "/t/x.go").unwrap();
        let envs: Vec<&String> = ops.keys().collect();
        assert_eq!(envs, vec!["linux/amd64/v1", "linux/amd64/v2", "linux/amd64/v3", "linux/amd64/v4", "linux/arm64/"]);
        let v1 = &ops["linux/amd64/v1"]["/t/x.go:6"];
        assert_eq!(v1.len(), 2);
        assert_eq!(v1[0].opcode.as_str(), "^SHLQ\t[$]3");
        assert!(v1[1].negative);
        let listing = "\"\".f STEXT size=8\n\t0x0000 00000 (/t/x.go:6)\tSHLQ\t$3, AX\n";
        assert_eq!(asm_check(listing, "/t/x.go", "x.go", "linux/amd64/v1", &ops["linux/amd64/v1"]), Ok(()));
        let bad = "\"\".f STEXT\n\t0x0000 00000 (/t/x.go:6)\tIMULQ\t$8, AX\n";
        assert!(asm_check(bad, "/t/x.go", "x.go", "linux/amd64/v1", &ops["linux/amd64/v1"]).is_err());
    }

    #[test]
    fn unquote() {
        assert_eq!(go_unquote(r#""a\tb\\c\"""#).unwrap(), "a\tb\\c\"");
        assert_eq!(go_unquote("`x\\ty`").unwrap(), "x\\ty");
        assert!(go_unquote(r#""\q""#).is_err());
    }
}
