//! Character reference decoding. Named references need their `;` (so
//! `?a=1&copy=2` stays a query string); numeric ones do not, as in browsers,
//! so URL checks see what a browser would see.

use std::borrow::Cow;

mod table;

use table::named;

/// Decodes references once; borrows when there is no `&`.
pub(crate) fn decode(s: &str) -> Cow<'_, str> {
    if !s.contains('&') {
        return Cow::Borrowed(s);
    }
    let mut out = String::with_capacity(s.len());
    decode_into(s, &mut out);
    Cow::Owned(out)
}

/// Appends `s` to `out` with references decoded.
pub(crate) fn decode_into(s: &str, out: &mut String) {
    let bytes = s.as_bytes();
    let mut last = 0; // start of the literal run not yet copied
    let mut i = 0;
    while let Some(off) = s.get(i..).and_then(|r| r.find('&')) {
        let amp = i + off;
        let after = bytes.get(amp + 1..).unwrap_or(&[]);
        match reference(after) {
            Some((c, len)) => {
                out.push_str(s.get(last..amp).unwrap_or(""));
                out.push(c);
                i = amp + 1 + len;
                last = i;
            }
            None => i = amp + 1,
        }
    }
    out.push_str(s.get(last..).unwrap_or(""));
}

/// Parses the reference after an `&`: the character and the bytes consumed.
/// Everything consumed is ASCII, so the new position is a char boundary.
fn reference(rest: &[u8]) -> Option<(char, usize)> {
    if rest.first() == Some(&b'#') {
        let (radix, start) = match rest.get(1) {
            Some(b'x' | b'X') => (16, 2),
            _ => (10, 1),
        };
        let mut j = start;
        let mut value: u32 = 0;
        while let Some(d) = rest.get(j).and_then(|b| char::from(*b).to_digit(radix)) {
            value = value.saturating_mul(radix).saturating_add(d);
            j += 1;
        }
        if j == start {
            return None;
        }
        if rest.get(j) == Some(&b';') {
            j += 1;
        }
        return Some((numeric(value), j));
    }
    let len = rest.iter().take(32).take_while(|b| b.is_ascii_alphanumeric()).count();
    if len == 0 || rest.get(len) != Some(&b';') {
        return None;
    }
    let name = std::str::from_utf8(rest.get(..len)?).ok()?;
    named(name).map(|c| (c, len + 1))
}

/// A numeric reference's character, with the HTML5 fix-ups: NUL, surrogates
/// and out-of-range values become U+FFFD; 0x80–0x9F are read as Windows-1252.
fn numeric(v: u32) -> char {
    const CP1252: [u16; 32] = [
        0x20AC, 0x81, 0x201A, 0x0192, 0x201E, 0x2026, 0x2020, 0x2021, 0x02C6, 0x2030, 0x0160, 0x2039, 0x0152, 0x8D,
        0x017D, 0x8F, 0x90, 0x2018, 0x2019, 0x201C, 0x201D, 0x2022, 0x2013, 0x2014, 0x02DC, 0x2122, 0x0161, 0x203A,
        0x0153, 0x9D, 0x017E, 0x0178,
    ];
    let v = match v {
        0 => 0xFFFD,
        0x80..=0x9F => CP1252.get((v - 0x80) as usize).map_or(v, |c| u32::from(*c)),
        _ => v,
    };
    char::from_u32(v).unwrap_or('\u{FFFD}')
}

#[cfg(test)]
mod tests {
    use super::decode;

    #[test]
    fn named_references() {
        assert_eq!(decode("Il a dit&nbsp;: &laquo;oui&raquo;"), "Il a dit\u{A0}: «oui»");
        assert_eq!(
            decode("l&rsquo;&eacute;t&eacute; &hellip; &ndash; &mdash;"),
            "l’été … – —"
        );
        assert_eq!(decode("&lsquo;a&rsquo; &ldquo;b&rdquo;"), "‘a’ “b”");
        assert_eq!(decode("&lt;b&gt; &amp; &quot;q&quot; &apos;"), "<b> & \"q\" '");
    }

    #[test]
    fn numeric_references() {
        assert_eq!(decode("&#8217;&#x2019;&#X2019;&#038;"), "’’’&");
        assert_eq!(decode("&#8239;oui&#8239;"), "\u{202F}oui\u{202F}");
        assert_eq!(decode("a&#106b"), "ajb", "no semicolon needed");
        assert_eq!(decode("&#146;&#150;"), "’–", "windows-1252 range");
    }

    #[test]
    fn invalid_numeric_become_replacement() {
        assert_eq!(decode("&#0;"), "\u{FFFD}");
        assert_eq!(decode("&#xD800;"), "\u{FFFD}");
        assert_eq!(decode("&#x110000;"), "\u{FFFD}");
        assert_eq!(decode("&#99999999999999999999;"), "\u{FFFD}");
    }

    #[test]
    fn unknown_or_malformed_stay_literal() {
        for s in [
            "&bogus;",
            "&amp",
            "& x",
            "&#;",
            "&#x;",
            "&#xg;",
            "&",
            "&&",
            "a&",
            "&;",
            "?a=1&copy=2",
        ] {
            assert_eq!(decode(s), s);
        }
        assert_eq!(decode("&&amp;"), "&&");
    }

    #[test]
    fn decodes_once_only() {
        assert_eq!(decode("&amp;lt;"), "&lt;");
        assert_eq!(decode("&amp;#106;"), "&#106;");
    }

    #[test]
    fn multibyte_neighbours() {
        assert_eq!(decode("é&eacute;ü&#233;€"), "ééüé€");
        assert_eq!(decode("&é;"), "&é;");
        assert!(matches!(decode("plain"), std::borrow::Cow::Borrowed(_)));
    }
}
