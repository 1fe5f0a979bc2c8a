//! `g1c test -json`: turns a test program's verbose output (and go test's own lines about it) into the
//! event stream of the go command's test2json, one JSON object per line.
//!
//! In: the bytes a test program writes with `-test.v=true`, in the chunks they arrive in, then the
//! program's exit. Out: events `{"Time","Action","Package","Test","Elapsed","Output"}` written to a sink,
//! as go 1.19's `go test -json` writes them (its `cmd/internal/test2json` is the reference behaviour; this
//! is a description of that behaviour in g1c's words):
//! - input is cut into lines (a line longer than 4096 bytes is passed on in pieces, ending on a whole
//!   UTF-8 sequence; a benchmark's name followed by a tab is passed on as soon as it arrives, before the
//!   result that completes its line);
//! - `=== RUN   `, `=== PAUSE `, `=== CONT  ` lines start an event for the test they name (`pause` after
//!   its output line, the others before);
//! - `--- PASS: `, `--- FAIL: `, `--- SKIP: `, `--- BENCH: ` lines, indented by four spaces per subtest
//!   level, are held as pending results and written, innermost first, when a line at the same or a
//!   shallower level, an update or the final verdict comes; their `(0.12s)` becomes `Elapsed`;
//! - other lines are `output` events of the test that the indentation (or the last update) names; an
//!   output line is cut into pieces of at most 1024 bytes;
//! - `PASS`, `FAIL` and `FAIL\t...` lines, and the exit, decide the package's result, written last with
//!   the milliseconds since the converter started; `?   \tP\t[no test files]` makes it `skip`.
//!
//! Invariants: every event is one line of JSON encoded as Go's encoding/json encodes it (HTML-safe
//! escapes, invalid UTF-8 as U+FFFD); only `Time` and `Elapsed` depend on the clock.

use std::time::{Instant, SystemTime, UNIX_EPOCH};

/// The input line buffer's size: longer lines are passed on in pieces.
const IN_BUFFER: usize = 4096;
/// The output line buffer's size: the largest `Output` of one event.
const OUT_BUFFER: usize = 1024;

/// One test2json event before encoding; `test` empty means the package itself.
#[derive(Clone, Default)]
struct Event {
    action: String,
    test: String,
    elapsed: Option<f64>,
    output: Option<Vec<u8>>,
}

/// A piece of a stream cut by `LineBuffer`: a whole line (with its newline) or a part of a longer one.
enum Piece {
    Line(Vec<u8>),
    Part(Vec<u8>),
}

/// Cuts a byte stream into lines, holding at most `cap` bytes.
struct LineBuffer {
    b: Vec<u8>,
    cap: usize,
    /// In the middle of a line whose beginning was passed on as a part.
    mid: bool,
}

impl LineBuffer {
    fn new(cap: usize) -> LineBuffer {
        LineBuffer { b: Vec::with_capacity(cap), cap, mid: false }
    }

    /// Takes `data` and returns the pieces it completes, in order.
    fn write(&mut self, mut data: &[u8]) -> Vec<Piece> {
        let mut pieces = Vec::new();
        while !data.is_empty() {
            let room = self.cap - self.b.len();
            let m = room.min(data.len());
            self.b.extend_from_slice(&data[..m]);
            data = &data[m..];
            let mut i = 0;
            while i < self.b.len() {
                let Some(j) = self.b[i..].iter().position(|&c| c == b'\n') else {
                    // A benchmark's name and its tab come before the benchmark runs: pass them on now.
                    if !self.mid {
                        if let Some(t) = self.b[i..].iter().position(|&c| c == b'\t') {
                            if is_benchmark_name(trim_right_spaces(&self.b[i..i + t])) {
                                pieces.push(Piece::Part(self.b[i..i + t + 1].to_vec()));
                                self.mid = true;
                                i += t + 1;
                            }
                        }
                    }
                    break;
                };
                let end = i + j + 1;
                let text = self.b[i..end].to_vec();
                pieces.push(if self.mid { Piece::Part(text) } else { Piece::Line(text) });
                self.mid = false;
                i = end;
            }
            if i == 0 && self.b.len() == self.cap {
                // A full buffer without a newline: pass its beginning on, up to a whole UTF-8 sequence.
                let t = whole_utf8_prefix(&self.b);
                pieces.push(Piece::Part(self.b[..t].to_vec()));
                self.b.drain(..t);
                self.mid = true;
            }
            if i > 0 {
                self.b.drain(..i);
            }
        }
        pieces
    }

    /// What is left at the end: a line without its newline, passed on as a part.
    fn flush(&mut self) -> Option<Piece> {
        if self.b.is_empty() {
            return None;
        }
        Some(Piece::Part(std::mem::take(&mut self.b)))
    }
}

fn trim_right_spaces(b: &[u8]) -> &[u8] {
    let n = b.iter().rposition(|&c| c != b' ').map_or(0, |p| p + 1);
    &b[..n]
}

/// `Benchmark`, or `Benchmark` followed by something that does not start with a lower-case letter.
fn is_benchmark_name(b: &[u8]) -> bool {
    let Some(rest) = b.strip_prefix(b"Benchmark") else { return false };
    match String::from_utf8_lossy(rest).chars().next() {
        None => true,
        Some(c) => !c.is_lowercase(),
    }
}

/// The length of `b` without an incomplete UTF-8 sequence at its end.
fn whole_utf8_prefix(b: &[u8]) -> usize {
    for back in 1..4.min(b.len() + 1) {
        let c = b[b.len() - back];
        if c & 0xc0 == 0x80 {
            continue;
        }
        let need = if c & 0xe0 == 0xc0 {
            2
        } else if c & 0xf0 == 0xe0 {
            3
        } else if c & 0xf8 == 0xf0 {
            4
        } else {
            1
        };
        return if back < need { b.len() - back } else { b.len() };
    }
    b.len()
}

/// The converter of one package's test output.
pub struct Converter<W: std::io::Write> {
    out: W,
    pkg: String,
    start: Instant,
    /// The test that output is attributed to.
    test_name: String,
    /// Results waiting for the lines of their subtests, outermost first.
    report: Vec<Event>,
    /// The package's result, once known.
    result: Option<&'static str>,
    input: LineBuffer,
    output: LineBuffer,
}

const UPDATES: [&[u8]; 3] = [b"=== RUN   ", b"=== PAUSE ", b"=== CONT  "];
const REPORTS: [&[u8]; 4] = [b"--- PASS: ", b"--- FAIL: ", b"--- SKIP: ", b"--- BENCH: "];

impl<W: std::io::Write> Converter<W> {
    /// A converter for package `pkg` writing encoded events to `out`.
    pub fn new(out: W, pkg: &str) -> Converter<W> {
        Converter {
            out,
            pkg: pkg.to_string(),
            start: Instant::now(),
            test_name: String::new(),
            report: Vec::new(),
            result: None,
            input: LineBuffer::new(IN_BUFFER),
            output: LineBuffer::new(OUT_BUFFER),
        }
    }

    /// Takes the next bytes of the test's output.
    pub fn write(&mut self, data: &[u8]) {
        for p in self.input.write(data) {
            match p {
                Piece::Line(l) => self.input_line(&l),
                Piece::Part(p) => self.write_output(&p),
            }
        }
    }

    /// The test program exited (successfully or not): that decides the package's result.
    pub fn exited(&mut self, success: bool) {
        self.result = Some(if success { "pass" } else { "fail" });
    }

    /// Ends the stream: what is buffered, then the package's result if one is known.
    pub fn close(mut self) {
        if let Some(Piece::Part(p)) = self.input.flush() {
            self.write_output(&p);
        }
        if let Some(Piece::Part(p)) = self.output.flush() {
            self.output_event(p);
        }
        if let Some(result) = self.result {
            let ms = self.start.elapsed().as_secs_f64() * 1000.0;
            let e = Event { action: result.into(), elapsed: Some(ms.round() / 1000.0), ..Event::default() };
            self.emit(e);
        }
    }

    fn write_output(&mut self, data: &[u8]) {
        for p in self.output.write(data) {
            let (Piece::Line(b) | Piece::Part(b)) = p;
            self.output_event(b);
        }
    }

    fn output_event(&mut self, text: Vec<u8>) {
        self.emit(Event { action: "output".into(), output: Some(text), ..Event::default() });
    }

    fn input_line(&mut self, line: &[u8]) {
        // The program's (or go test's) verdict.
        if line == b"PASS\n" || line == b"FAIL\n" || line.starts_with(b"FAIL\t") {
            self.flush_report(0);
            self.write_output(line);
            self.result = Some(if line == b"PASS\n" { "pass" } else { "fail" });
            return;
        }
        if line.starts_with(b"?   \t") && line.ends_with(b"\t[no test files]\n") && self.report.is_empty() {
            self.result = Some("skip");
        }
        let orig = line;
        let mut line = line;
        let mut indent = 0;
        let mut is_report = false;
        let is_update = UPDATES.iter().any(|u| line.starts_with(u));
        if !is_update {
            while let Some(rest) = line.strip_prefix(b"    ") {
                line = rest;
                indent += 1;
            }
            is_report = REPORTS.iter().any(|r| line.starts_with(r));
        }
        if !is_update && !is_report {
            if indent > 0 && indent <= self.report.len() {
                self.test_name = self.report[indent - 1].test.clone();
            }
            self.write_output(orig);
            return;
        }
        let mut i = 0;
        if is_report {
            i = line.iter().position(|&c| c == b':').map_or(0, |p| p + 1);
        }
        if i == 0 {
            i = UPDATES[0].len();
        }
        let action = String::from_utf8_lossy(&line[4..i]).trim().trim_end_matches(':').to_lowercase();
        let mut name = String::from_utf8_lossy(&line[i..]).trim().to_string();
        let mut e = Event { action, ..Event::default() };
        if is_report {
            if let Some(p) = name.find(" (") {
                if name.ends_with("s)") {
                    if let Ok(t) = name[p + 2..name.len() - 2].parse::<f64>() {
                        e.elapsed = Some(t);
                    }
                }
                name.truncate(p);
            }
            if self.report.len() < indent {
                // Deeper than any test that is running: plain output.
                self.write_output(orig);
                return;
            }
            self.flush_report(indent);
            e.test = name.clone();
            self.test_name = name;
            self.report.push(e);
            self.write_output(orig);
            return;
        }
        self.flush_report(0);
        self.test_name = name;
        let pause = e.action == "pause";
        if pause {
            self.write_output(orig);
        }
        self.emit(e);
        if !pause {
            self.write_output(orig);
        }
    }

    /// Writes the pending results deeper than `depth`, innermost first.
    fn flush_report(&mut self, depth: usize) {
        self.test_name.clear();
        while self.report.len() > depth {
            let e = self.report.pop().unwrap_or_default();
            self.emit(e);
        }
    }

    fn emit(&mut self, mut e: Event) {
        if e.test.is_empty() {
            e.test = self.test_name.clone();
        }
        let mut js = String::from("{\"Time\":\"");
        js.push_str(&rfc3339_nano(SystemTime::now()));
        js.push_str("\",\"Action\":");
        json_string(&mut js, e.action.as_bytes());
        if !self.pkg.is_empty() {
            js.push_str(",\"Package\":");
            json_string(&mut js, self.pkg.as_bytes());
        }
        if !e.test.is_empty() {
            js.push_str(",\"Test\":");
            json_string(&mut js, e.test.as_bytes());
        }
        if let Some(t) = e.elapsed {
            js.push_str(",\"Elapsed\":");
            js.push_str(&json_float(t));
        }
        if let Some(o) = &e.output {
            js.push_str(",\"Output\":");
            json_string(&mut js, o);
        }
        js.push_str("}\n");
        // An event that cannot be written (a closed stdout) is lost, as the go command loses it.
        let _ = self.out.write_all(js.as_bytes());
        let _ = self.out.flush();
    }
}

/// A float as encoding/json writes one: the shortest decimal that reads back the same, without an
/// exponent in the range test2json's values fall in.
fn json_float(f: f64) -> String {
    let abs = f.abs();
    if abs != 0.0 && !(1e-6..1e21).contains(&abs) {
        // encoding/json's exponent form: at least two exponent digits are not kept (`1e-07` → `1e-7`).
        return format!("{f:e}");
    }
    format!("{f}")
}

/// `s` as a JSON string the way encoding/json writes it with HTML escaping on: `<`, `>`, `&`, U+2028 and
/// U+2029 escaped, control characters as `\n`, `\r`, `\t` or `\u00XX`, invalid UTF-8 as `\ufffd`.
fn json_string(js: &mut String, s: &[u8]) {
    js.push('"');
    for chunk in s.utf8_chunks() {
        for c in chunk.valid().chars() {
            match c {
                '"' => js.push_str("\\\""),
                '\\' => js.push_str("\\\\"),
                '\n' => js.push_str("\\n"),
                '\r' => js.push_str("\\r"),
                '\t' => js.push_str("\\t"),
                '<' | '>' | '&' | '\u{2028}' | '\u{2029}' => js.push_str(&format!("\\u{:04x}", c as u32)),
                c if (c as u32) < 0x20 => js.push_str(&format!("\\u{:04x}", c as u32)),
                c => js.push(c),
            }
        }
        // Each invalid byte becomes one replacement character, as encoding/json does.
        for _ in chunk.invalid() {
            js.push_str("\\ufffd");
        }
    }
    js.push('"');
}

/// A time as Go's time.Time encodes to JSON (RFC 3339 with nanoseconds, trailing zeros dropped), in UTC.
fn rfc3339_nano(t: SystemTime) -> String {
    let d = t.duration_since(UNIX_EPOCH).unwrap_or_default();
    let secs = d.as_secs() as i64;
    let (days, rem) = (secs.div_euclid(86400), secs.rem_euclid(86400));
    let (y, m, day) = civil_from_days(days);
    let mut s = format!("{y:04}-{m:02}-{day:02}T{:02}:{:02}:{:02}", rem / 3600, rem / 60 % 60, rem % 60);
    let nanos = d.subsec_nanos();
    if nanos != 0 {
        let frac = format!("{nanos:09}");
        s.push('.');
        s.push_str(frac.trim_end_matches('0'));
    }
    s.push('Z');
    s
}

/// The proleptic Gregorian date of a day counted from 1970-01-01.
fn civil_from_days(z: i64) -> (i64, u32, u32) {
    // Days are counted in 400-year eras starting on 0000-03-01, so that leap days end each year.
    let z = z + 719_468;
    let era = z.div_euclid(146_097);
    let doe = z.rem_euclid(146_097);
    let yoe = (doe - doe / 1460 + doe / 36524 - doe / 146_096) / 365;
    let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    let mp = (5 * doy + 2) / 153;
    let day = (doy - (153 * mp + 2) / 5 + 1) as u32;
    let month = if mp < 10 { mp + 3 } else { mp - 9 } as u32;
    let year = yoe + era * 400 + i64::from(month <= 2);
    (year, month, day)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn convert(chunks: &[&[u8]], success: Option<bool>) -> Vec<String> {
        let mut out = Vec::new();
        let mut c = Converter::new(&mut out, "p");
        for ch in chunks {
            c.write(ch);
        }
        if let Some(s) = success {
            c.exited(s);
        }
        c.close();
        // Drop the times, which are the clock's.
        String::from_utf8(out)
            .unwrap()
            .lines()
            .map(|l| {
                let rest = &l[l.find("\"Action\"").unwrap()..];
                rest.to_string()
            })
            .collect()
    }

    #[test]
    fn subtests_results_nest() {
        let got = convert(
            &[b"=== RUN   T\n=== RUN   T/a\n    x_test.go:3: <hi>\n--- FAIL: T (0.01s)\n    --- FAIL: T/a (0.00s)\nFAIL\n"],
            Some(false),
        );
        assert_eq!(got[0], r#""Action":"run","Package":"p","Test":"T"}"#);
        assert_eq!(got[3], r#""Action":"output","Package":"p","Test":"T/a","Output":"=== RUN   T/a\n"}"#);
        assert_eq!(
            got[4],
            r#""Action":"output","Package":"p","Test":"T/a","Output":"    x_test.go:3: \u003chi\u003e\n"}"#
        );
        assert_eq!(got[7], r#""Action":"fail","Package":"p","Test":"T/a","Elapsed":0}"#);
        assert_eq!(got[8], r#""Action":"fail","Package":"p","Test":"T","Elapsed":0.01}"#);
        assert_eq!(got[9], r#""Action":"output","Package":"p","Output":"FAIL\n"}"#);
        assert!(got[10].starts_with(r#""Action":"fail","Package":"p","Elapsed":"#), "{got:?}");
    }

    #[test]
    fn benchmark_names_come_before_their_results() {
        let got = convert(&[b"BenchmarkX-2   \t", b"  100\t 10 ns/op\n"], None);
        assert_eq!(got[0], r#""Action":"output","Package":"p","Output":"BenchmarkX-2   \t"}"#);
        assert_eq!(got[1], r#""Action":"output","Package":"p","Output":"  100\t 10 ns/op\n"}"#);
        assert_eq!(got.len(), 2);
    }

    #[test]
    fn long_lines_are_cut_on_characters() {
        let mut long = "é".repeat(700).into_bytes();
        long.push(b'\n');
        let got = convert(&[&long], None);
        assert_eq!(got.len(), 2, "{got:?}");
        assert!(got[0].ends_with("é\"}"));
    }

    #[test]
    fn encodings() {
        let mut s = String::new();
        json_string(&mut s, b"a\x01\xff\"\\\xe2\x80\xa8");
        assert_eq!(s, r#""a\u0001\ufffd\"\\\u2028""#);
        assert_eq!(json_float(0.0), "0");
        assert_eq!(json_float(0.004), "0.004");
        assert_eq!(json_float(12.5), "12.5");
        assert_eq!(civil_from_days(0), (1970, 1, 1));
        assert_eq!(civil_from_days(19_723), (2024, 1, 1));
        assert_eq!(civil_from_days(11_016), (2000, 2, 29));
        assert_eq!(rfc3339_nano(UNIX_EPOCH + std::time::Duration::from_millis(1500)), "1970-01-01T00:00:01.5Z");
    }
}
