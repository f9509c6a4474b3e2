//! A small, forgiving HTML tokenizer: a subset of the WHATWG tokenizer states,
//! enough to agree with browsers on where tags, attributes and raw-text
//! elements begin and end. It never allocates (tokens borrow the input) and
//! every search moves forward, so a whole input is tokenized in linear time.
//! All delimiters are ASCII, so every slice lands on a char boundary.

/// One token. Comments, doctypes, processing instructions and CDATA sections
/// are dropped; raw-text element contents (`<script>`, `<style>`, …) too.
#[derive(Debug, PartialEq)]
pub(crate) enum Token<'a> {
    /// Raw text, entities not yet decoded.
    Text(&'a str),
    Start(StartTag<'a>),
    /// An end tag's name, as written.
    End(&'a str),
}

#[derive(Debug, PartialEq, Clone, Copy)]
pub(crate) struct StartTag<'a> {
    /// The name as written (compare with `eq_ignore_ascii_case`).
    pub name: &'a str,
    attrs: &'a str,
    pub self_closing: bool,
}

impl<'a> StartTag<'a> {
    /// Attributes as written: `(name, raw value)`, entities not decoded.
    pub fn attrs(&self) -> Attrs<'a> {
        Attrs {
            src: self.attrs,
            pos: 0,
        }
    }
}

pub(crate) struct Attrs<'a> {
    src: &'a str,
    pos: usize,
}

impl<'a> Iterator for Attrs<'a> {
    type Item = (&'a str, &'a str);

    fn next(&mut self) -> Option<Self::Item> {
        match next_attr(self.src.as_bytes(), self.pos) {
            Step::Attr { name, value, next } => {
                self.pos = next;
                Some((slice(self.src, name), slice(self.src, value)))
            }
            _ => {
                self.pos = self.src.len();
                None
            }
        }
    }
}

/// Elements whose content is raw text, skipped up to their end tag (as in a
/// browser with scripting on, which is what the mutation-XSS tricks target).
const RAW_TEXT: [&str; 10] = [
    "script",
    "style",
    "textarea",
    "title",
    "xmp",
    "iframe",
    "noembed",
    "noframes",
    "noscript",
    "plaintext",
];

pub(crate) struct Tokenizer<'a> {
    src: &'a str,
    pos: usize,
    raw: Option<&'static str>,
}

impl<'a> Tokenizer<'a> {
    pub fn new(src: &'a str) -> Self {
        Tokenizer { src, pos: 0, raw: None }
    }
}

fn is_ws(b: u8) -> bool {
    matches!(b, b' ' | b'\t' | b'\n' | b'\r' | b'\x0c')
}

fn slice(s: &str, (a, b): (usize, usize)) -> &str {
    s.get(a..b).unwrap_or("")
}

fn find_byte(b: &[u8], from: usize, c: u8) -> Option<usize> {
    b.get(from..)?.iter().position(|&x| x == c).map(|o| from + o)
}

fn find_seq(b: &[u8], from: usize, pat: &[u8]) -> Option<usize> {
    b.get(from..)?
        .windows(pat.len())
        .position(|w| w == pat)
        .map(|o| from + o)
}

enum Step {
    Attr {
        name: (usize, usize),
        value: (usize, usize),
        next: usize,
    },
    End {
        next: usize,
        self_closing: bool,
    },
    Eof,
}

/// One step of the attribute states, from `i` (just after the tag name or
/// the previous attribute). Each `Attr` step consumes at least one byte.
fn next_attr(b: &[u8], mut i: usize) -> Step {
    let mut slash = false;
    loop {
        match b.get(i) {
            None => return Step::Eof,
            Some(b'>') => {
                return Step::End {
                    next: i + 1,
                    self_closing: slash,
                }
            }
            Some(b'/') => slash = true,
            Some(&c) if is_ws(c) => slash = false,
            Some(_) => break,
        }
        i += 1;
    }
    let start = i;
    i += 1; // the first name character may be '='
    while b
        .get(i)
        .is_some_and(|&c| !(is_ws(c) || c == b'/' || c == b'>' || c == b'='))
    {
        i += 1;
    }
    let name = (start, i);
    let mut j = i;
    while b.get(j).is_some_and(|&c| is_ws(c)) {
        j += 1;
    }
    if b.get(j) != Some(&b'=') {
        return Step::Attr {
            name,
            value: (i, i),
            next: i,
        };
    }
    j += 1;
    while b.get(j).is_some_and(|&c| is_ws(c)) {
        j += 1;
    }
    match b.get(j) {
        Some(&q @ (b'"' | b'\'')) => match find_byte(b, j + 1, q) {
            Some(end) => Step::Attr {
                name,
                value: (j + 1, end),
                next: end + 1,
            },
            None => Step::Eof,
        },
        _ => {
            let mut k = j;
            while b.get(k).is_some_and(|&c| !(is_ws(c) || c == b'>')) {
                k += 1;
            }
            Step::Attr {
                name,
                value: (j, k),
                next: k,
            }
        }
    }
}

/// Skips a tag's attributes; `(position after '>', self-closing)`.
fn skip_attrs(b: &[u8], mut i: usize) -> Option<(usize, bool)> {
    loop {
        match next_attr(b, i) {
            Step::Attr { next, .. } => i = next,
            Step::End { next, self_closing } => return Some((next, self_closing)),
            Step::Eof => return None,
        }
    }
}

fn tag_name_end(b: &[u8], mut i: usize) -> usize {
    while b.get(i).is_some_and(|&c| !(is_ws(c) || c == b'/' || c == b'>')) {
        i += 1;
    }
    i
}

/// Position of the `</name` that ends a raw-text element (the name must be
/// followed by whitespace, `/` or `>`), if any.
fn find_raw_end(b: &[u8], from: usize, name: &str) -> Option<usize> {
    let mut i = from;
    loop {
        let p = find_seq(b, i, b"</")?;
        let ns = p + 2;
        let ne = ns + name.len();
        let same = b.get(ns..ne).is_some_and(|n| n.eq_ignore_ascii_case(name.as_bytes()));
        if same && b.get(ne).is_some_and(|&c| is_ws(c) || c == b'/' || c == b'>') {
            return Some(p);
        }
        i = ns;
    }
}

/// After `<!`: a comment (ends at `-->` or `--!>`; `<!-->` and `<!--->` are
/// empty), else a bogus comment up to the next `>` (doctype, CDATA, …).
fn skip_markup_decl(b: &[u8], pos: usize) -> usize {
    if b.get(pos..pos + 4) != Some(b"<!--") {
        return skip_bogus(b, pos + 2);
    }
    let p = pos + 4;
    if b.get(p) == Some(&b'>') {
        return p + 1;
    }
    if b.get(p..p + 2) == Some(b"->") {
        return p + 2;
    }
    let mut i = p;
    while let Some(d) = find_seq(b, i, b"--") {
        match (b.get(d + 2), b.get(d + 3)) {
            (Some(b'>'), _) => return d + 3,
            (Some(b'!'), Some(b'>')) => return d + 4,
            _ => i = d + 1,
        }
    }
    b.len()
}

fn skip_bogus(b: &[u8], from: usize) -> usize {
    find_byte(b, from, b'>').map_or(b.len(), |p| p + 1)
}

impl<'a> Iterator for Tokenizer<'a> {
    type Item = Token<'a>;

    fn next(&mut self) -> Option<Token<'a>> {
        let s = self.src;
        let b = s.as_bytes();
        loop {
            if let Some(name) = self.raw.take() {
                self.pos = match name {
                    "plaintext" => b.len(),
                    _ => find_raw_end(b, self.pos, name).unwrap_or(b.len()),
                };
            }
            let pos = self.pos;
            if *b.get(pos)? != b'<' {
                let end = find_byte(b, pos, b'<').unwrap_or(b.len());
                self.pos = end;
                return Some(Token::Text(slice(s, (pos, end))));
            }
            match b.get(pos + 1) {
                Some(b'!') => self.pos = skip_markup_decl(b, pos),
                Some(b'?') => self.pos = skip_bogus(b, pos + 2),
                Some(b'/') => match b.get(pos + 2) {
                    Some(c) if c.is_ascii_alphabetic() => {
                        let name_end = tag_name_end(b, pos + 2);
                        let Some((next, _)) = skip_attrs(b, name_end) else {
                            self.pos = b.len(); // EOF inside a tag: the tag is dropped
                            return None;
                        };
                        self.pos = next;
                        return Some(Token::End(slice(s, (pos + 2, name_end))));
                    }
                    Some(b'>') => self.pos = pos + 3,
                    Some(_) => self.pos = skip_bogus(b, pos + 2),
                    None => {
                        self.pos = b.len();
                        return Some(Token::Text(slice(s, (pos, b.len()))));
                    }
                },
                Some(c) if c.is_ascii_alphabetic() => {
                    let name_end = tag_name_end(b, pos + 1);
                    let Some((next, self_closing)) = skip_attrs(b, name_end) else {
                        self.pos = b.len();
                        return None;
                    };
                    self.pos = next;
                    let name = slice(s, (pos + 1, name_end));
                    self.raw = RAW_TEXT.iter().copied().find(|r| r.eq_ignore_ascii_case(name));
                    let attrs = slice(s, (name_end, next - 1));
                    return Some(Token::Start(StartTag {
                        name,
                        attrs,
                        self_closing,
                    }));
                }
                _ => {
                    // A '<' that starts no tag is text, with the text after it.
                    let end = find_byte(b, pos + 1, b'<').unwrap_or(b.len());
                    self.pos = end;
                    return Some(Token::Text(slice(s, (pos, end))));
                }
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::{Token, Tokenizer};

    fn toks(s: &str) -> Vec<String> {
        Tokenizer::new(s)
            .map(|t| match t {
                Token::Text(t) => format!("T({t})"),
                Token::End(n) => format!("E({n})"),
                Token::Start(st) => {
                    let attrs: Vec<String> = st.attrs().map(|(n, v)| format!("{n}={v}")).collect();
                    let sc = if st.self_closing { "/" } else { "" };
                    format!(
                        "S({}{}{sc})",
                        st.name,
                        if attrs.is_empty() {
                            String::new()
                        } else {
                            format!(" {}", attrs.join(" "))
                        }
                    )
                }
            })
            .collect()
    }

    #[test]
    fn tags_text_and_attributes() {
        assert_eq!(
            toks("<p class=a>Hi <b>you</b></p>"),
            ["S(p class=a)", "T(Hi )", "S(b)", "T(you)", "E(b)", "E(p)"]
        );
        assert_eq!(
            toks(r#"<a href="x y" title='t"q' data-x=u/v checked>"#),
            [r#"S(a href=x y title=t"q data-x=u/v checked=)"#]
        );
        assert_eq!(toks("<img src = 'a' / >"), ["S(img src=a)"]);
        assert_eq!(toks("<br/><hr />"), ["S(br/)", "S(hr/)"]);
        assert_eq!(toks("<a b='>'>x"), ["S(a b=>)", "T(x)"]);
        assert_eq!(toks("<DIV Class=X></DIV >"), ["S(DIV Class=X)", "E(DIV)"]);
    }

    #[test]
    fn comments_doctype_cdata_are_dropped() {
        assert_eq!(
            toks("<!DOCTYPE html>a<!-- c -->b<!-->c<!--->d"),
            ["T(a)", "T(b)", "T(c)", "T(d)"]
        );
        assert_eq!(toks("a<!-- x --!>b<?php echo 1 ?>c"), ["T(a)", "T(b)", "T(c)"]);
        assert_eq!(toks("a<![CDATA[x]]>b"), ["T(a)", "T(b)"]);
        assert_eq!(
            toks("a<![CDATA[x>y]]>b"),
            ["T(a)", "T(y]]>b)"],
            "ends at the first '>', as in browsers"
        );
        assert_eq!(toks("a<!-- never closed <p>x"), ["T(a)"]);
        assert_eq!(toks("a</>b</ x>c"), ["T(a)", "T(b)", "T(c)"]);
    }

    #[test]
    fn raw_text_content_is_skipped() {
        assert_eq!(
            toks("<script>if (a<b) { x = '</p>' }</script>z"),
            ["S(script)", "E(script)", "T(z)"]
        );
        assert_eq!(toks("<STYLE>p{}</style >z"), ["S(STYLE)", "E(style)", "T(z)"]);
        assert_eq!(toks("<script>a</scripty></script>"), ["S(script)", "E(script)"]);
        assert_eq!(toks("<title>x<b></title>"), ["S(title)", "E(title)"]);
        assert_eq!(toks("<script/>alert(1)</script>"), ["S(script/)", "E(script)"]);
        assert_eq!(toks("<script>never closed <p>x"), ["S(script)"]);
        assert_eq!(toks("<plaintext>a</plaintext>b"), ["S(plaintext)"]);
        assert_eq!(
            toks("<iframe src=x><p>fallback</p></iframe>t"),
            ["S(iframe src=x)", "E(iframe)", "T(t)"]
        );
    }

    #[test]
    fn lone_angles_and_eof() {
        assert_eq!(toks("a < b <3 <"), ["T(a )", "T(< b )", "T(<3 )", "T(<)"]);
        assert_eq!(toks("x</"), ["T(x)", "T(</)"]);
        assert_eq!(toks("x<a href='unterminated"), ["T(x)"]);
        assert_eq!(toks("x<p"), ["T(x)"]);
        assert_eq!(toks("</p attr=1>"), ["E(p)"]);
    }

    #[test]
    fn multibyte_around_tags() {
        assert_eq!(
            toks("é<b>ü</b>€<é>"),
            ["T(é)", "S(b)", "T(ü)", "E(b)", "T(€)", "T(<é>)"]
        );
        assert_eq!(toks("<p title=é>"), ["S(p title=é)"]);
        assert_eq!(toks("<pé x=1>"), ["S(pé x=1)"]);
    }

    #[test]
    fn hostile_inputs_tokenize_as_expected() {
        let lt = "<".repeat(1_000_000);
        assert_eq!(Tokenizer::new(&lt).count(), 1_000_000);
        let comments = "<!--a-->".repeat(100_000);
        assert_eq!(Tokenizer::new(&comments).count(), 0);
        let scripts = "<script>".repeat(50_000);
        assert!(Tokenizer::new(&scripts).count() <= 1);
        let attrs = format!("<a {}>", "x ".repeat(200_000));
        assert_eq!(Tokenizer::new(&attrs).count(), 1);
    }

    /// Time grows linearly with the input: 8× the input may take at most
    /// 24× the time (quadratic would be 64×). The fastest of several runs is
    /// the one least disturbed by other work on a shared machine; a slow
    /// measure is taken again (up to 3 rounds) before failing.
    // `Instant` is missing on wasm32-unknown-unknown.
    #[cfg(not(target_arch = "wasm32"))]
    #[test]
    fn hostile_inputs_are_linear() {
        use std::time::{Duration, Instant};

        fn time(src: &str) -> Duration {
            let start = Instant::now();
            std::hint::black_box(Tokenizer::new(std::hint::black_box(src)).count());
            start.elapsed()
        }

        type Make = fn(usize) -> String;
        let cases: [(&str, Make); 5] = [
            ("lone <", |n| "<".repeat(n)),
            ("comments", |n| "<!--a-->".repeat(n / 8)),
            ("unclosed comments", |n| "<!--".repeat(n / 4)),
            ("scripts", |n| "<script>".repeat(n / 8)),
            ("attributes", |n| format!("<a {}>", "x ".repeat(n / 2))),
        ];
        let n = 2_500;
        for (name, make) in cases {
            let (small, big) = (make(n), make(8 * n));
            let linear = (0..3).any(|_| {
                let bound = (0..5).map(|_| time(&small)).min().unwrap_or_default() * 24;
                // Stops at the first fast run: a quadratic input is slow to time.
                (0..3).any(|_| time(&big) < bound)
            });
            assert!(linear, "{name}: 8× the input took over 24× the time");
        }
    }
}
