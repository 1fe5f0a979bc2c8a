//! UTF-8 as gc's runtime decodes and encodes it (runtime/utf8.go): invalid input decodes to U+FFFD one byte
//! at a time; surrogates and values above U+10FFFF encode as U+FFFD.

pub const RUNE_ERROR: i32 = 0xFFFD;
pub const MAX_RUNE: i32 = 0x10FFFF;
const SURROGATE_MIN: i32 = 0xD800;
const SURROGATE_MAX: i32 = 0xDFFF;

const TX: u8 = 0x80;
const T2: u8 = 0xC0;
const T3: u8 = 0xE0;
const T4: u8 = 0xF0;
const T5: u8 = 0xF8;
const MASKX: u8 = 0x3F;
const MASK2: u8 = 0x1F;
const MASK3: u8 = 0x0F;
const MASK4: u8 = 0x07;
const RUNE1_MAX: i32 = (1 << 7) - 1;
const RUNE2_MAX: i32 = (1 << 11) - 1;
const RUNE3_MAX: i32 = (1 << 16) - 1;
const LOCB: u8 = 0x80;
const HICB: u8 = 0xBF;

fn cont(b: u8) -> bool {
    (LOCB..=HICB).contains(&b)
}

/// decoderune: the rune starting at `s[k]` and the index after it; (RUNE_ERROR, k+1) for invalid UTF-8.
pub fn decoderune(s: &[u8], k: usize) -> (i32, usize) {
    if k >= s.len() {
        return (RUNE_ERROR, k + 1);
    }
    let s = &s[k..];
    let x = |i: usize| (s[i] & MASKX) as i32;
    if s[0] < TX {
        return (s[0] as i32, k + 1);
    } else if T2 <= s[0] && s[0] < T3 {
        // U+0080..U+07FF: two bytes.
        if s.len() > 1 && cont(s[1]) {
            let r = ((s[0] & MASK2) as i32) << 6 | x(1);
            if RUNE1_MAX < r {
                return (r, k + 2);
            }
        }
    } else if T3 <= s[0] && s[0] < T4 {
        // U+0800..U+FFFF: three bytes, no surrogates.
        if s.len() > 2 && cont(s[1]) && cont(s[2]) {
            let r = ((s[0] & MASK3) as i32) << 12 | x(1) << 6 | x(2);
            if RUNE2_MAX < r && !(SURROGATE_MIN..=SURROGATE_MAX).contains(&r) {
                return (r, k + 3);
            }
        }
    } else if T4 <= s[0] && s[0] < T5 {
        // U+10000..U+10FFFF: four bytes.
        if s.len() > 3 && cont(s[1]) && cont(s[2]) && cont(s[3]) {
            let r = ((s[0] & MASK4) as i32) << 18 | x(1) << 12 | x(2) << 6 | x(3);
            if RUNE3_MAX < r && r <= MAX_RUNE {
                return (r, k + 4);
            }
        }
    }
    (RUNE_ERROR, k + 1)
}

/// encoderune: writes the UTF-8 of `r` (U+FFFD if `r` is not a valid code point) and returns its length.
pub fn encoderune(p: &mut [u8; 4], r: i32) -> usize {
    if (0..=RUNE1_MAX).contains(&r) {
        p[0] = r as u8;
        return 1;
    }
    if (0..=RUNE2_MAX).contains(&r) {
        p[0] = T2 | (r >> 6) as u8;
        p[1] = TX | (r as u8 & MASKX);
        return 2;
    }
    let r = if !(0..=MAX_RUNE).contains(&r) || (SURROGATE_MIN..=SURROGATE_MAX).contains(&r) { RUNE_ERROR } else { r };
    if r <= RUNE3_MAX {
        p[0] = T3 | (r >> 12) as u8;
        p[1] = TX | ((r >> 6) as u8 & MASKX);
        p[2] = TX | (r as u8 & MASKX);
        return 3;
    }
    p[0] = T4 | (r >> 18) as u8;
    p[1] = TX | ((r >> 12) as u8 & MASKX);
    p[2] = TX | ((r >> 6) as u8 & MASKX);
    p[3] = TX | (r as u8 & MASKX);
    4
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn decode_like_gc() {
        assert_eq!(decoderune("é".as_bytes(), 0), (0xE9, 2));
        assert_eq!(decoderune("a€".as_bytes(), 1), (0x20AC, 4));
        assert_eq!(decoderune("😀".as_bytes(), 0), (0x1F600, 4));
        assert_eq!(decoderune(b"\xff", 0), (RUNE_ERROR, 1));
        assert_eq!(decoderune(b"\xc0\x80", 0), (RUNE_ERROR, 1)); // overlong
        assert_eq!(decoderune(b"\xed\xa0\x80", 0), (RUNE_ERROR, 1)); // surrogate
        assert_eq!(decoderune(b"\xf4\x90\x80\x80", 0), (RUNE_ERROR, 1)); // above U+10FFFF
        assert_eq!(decoderune(b"\xe2\x82", 0), (RUNE_ERROR, 1)); // truncated
        assert_eq!(decoderune(b"ab", 5), (RUNE_ERROR, 6));
    }

    #[test]
    fn encode_agrees_with_std() {
        let mut p = [0u8; 4];
        for r in (0..0x11_0000).step_by(7).chain([0x7F, 0x80, 0x7FF, 0x800, 0xFFFF, 0x10000, 0x10FFFF]) {
            let n = encoderune(&mut p, r);
            let want = char::from_u32(r as u32).unwrap_or('\u{FFFD}').to_string();
            assert_eq!(&p[..n], want.as_bytes(), "rune {r:#x}");
            if char::from_u32(r as u32).is_some() {
                assert_eq!(decoderune(&p[..n], 0), (r, n));
            }
        }
        assert_eq!(encoderune(&mut p, -1), 3);
        assert_eq!(&p[..3], "\u{FFFD}".as_bytes());
    }
}
