//! What the tests that compare `g1c test` with `go test` (test/gocmd.rs, test/realprogs.rs) share: masking
//! the timings go test and package testing print, so that two runs can be compared.

/// Every `<digits>.<digits>s` (a duration as go test and package testing print it) becomes `T.TTs`.
pub fn mask_durations(s: &str) -> String {
    let b = s.as_bytes();
    let mut out = String::new();
    let mut i = 0;
    while i < b.len() {
        let start = i;
        let mut j = i;
        while j < b.len() && b[j].is_ascii_digit() {
            j += 1;
        }
        if j > start && j + 1 < b.len() && b[j] == b'.' && b[j + 1].is_ascii_digit() {
            let mut k = j + 1;
            while k < b.len() && b[k].is_ascii_digit() {
                k += 1;
            }
            if k < b.len() && b[k] == b's' {
                out.push_str("T.TTs");
                i = k + 1;
                continue;
            }
        }
        let c = s[i..].chars().next().unwrap();
        out.push(c);
        i += c.len_utf8();
    }
    out
}
