//! XSS-style vectors. The output has no markup, so what matters is that no
//! link, image, source or embed carries a URL outside the allowlist, and
//! that script content and event handlers do not survive at all (text that
//! was escaped in the input may survive as text: it is rendered as text).

use super::{html_to_blocks, BodyOptions};
use crate::model::{Block, Inline};

fn opts() -> BodyOptions {
    BodyOptions {
        internal_origins: vec!["https://news.example.com".into()],
        ..Default::default()
    }
}

/// Every URL a browser would load or follow.
fn urls(blocks: &[Block]) -> Vec<String> {
    Block::urls(blocks)
}

/// An independent, conservative re-check of what `safe_url` lets through.
fn allowed(u: &str) -> bool {
    if u.chars().any(|c| c.is_control() || c.is_whitespace()) || u.contains('&') {
        return false;
    }
    let lower = u.to_ascii_lowercase();
    if ["https://", "http://", "mailto:"].iter().any(|p| lower.starts_with(p)) {
        return !lower.starts_with("https:///") && !lower.starts_with("http:///");
    }
    if lower.starts_with("//") {
        return false;
    }
    let head = lower.split(['/', '?', '#']).next().unwrap_or("");
    !head.contains(':')
}

/// Converts, then checks URLs and the serialized output for script residue.
fn check(html: &str) -> Vec<Block> {
    let blocks = html_to_blocks(html, &opts());
    for u in urls(&blocks) {
        assert!(allowed(&u), "{html:?} produced URL {u:?}");
    }
    let json = serde_json::to_string(&blocks).unwrap_or_default().to_ascii_lowercase();
    for bad in [
        "javascript:",
        "vbscript:",
        "data:text",
        "onerror",
        "onload",
        "onclick",
        "<script",
        "srcdoc",
    ] {
        assert!(!json.contains(bad), "{html:?} left {bad:?} in {json}");
    }
    blocks
}

/// How many links the paragraphs carry.
fn links(blocks: &[Block]) -> usize {
    let paragraphs: Vec<Block> = blocks
        .iter()
        .filter(|b| matches!(b, Block::Paragraph { .. }))
        .cloned()
        .collect();
    Block::links(&paragraphs).len()
}

#[test]
fn script_and_event_handlers() {
    assert_eq!(check("<script>alert(1)</script>"), []);
    assert_eq!(check("<SCRIPT SRC=http://xss.example/xss.js></SCRIPT>"), []);
    assert_eq!(check("<script/src=x>alert(1)</script/>"), []);
    let b = check("<img src=x onerror=alert(1)>");
    assert!(matches!(b.as_slice(), [Block::Figure { image, .. }] if image.url == "x"));
    check("<body onload=alert(1)><p onclick=\"alert(1)\" style=\"background:url(javascript:alert(1))\">x</p>");
    check(r#"<a href="https://example.com" onclick="alert(1)" onmouseover=alert(1)>x</a>"#);
    check("<<script>alert(1)//<</script>");
    check("<!--<img src=x onerror=alert(1)>--><p>ok</p>");
}

#[test]
fn javascript_links_in_many_encodings() {
    let hrefs = [
        "javascript:alert(1)",
        "JaVaScRiPt:alert(1)",
        " \n\tjavascript:alert(1)",
        " &#14;javascript:alert(1)",
        "jav&#x09;ascript:alert(1)",
        "jav&#x0A;ascript:alert(1)",
        "jav&#x0D;ascript:alert(1)",
        "&#106;&#97;&#118;&#97;&#115;&#99;&#114;&#105;&#112;&#116;&#58;alert(1)",
        "&#x6A;&#x61;&#x76;&#x61;&#x73;&#x63;&#x72;&#x69;&#x70;&#x74;&#x3A;alert(1)",
        "&#0000106&#0000097&#0000118&#0000097&#0000115&#0000099&#0000114&#0000105&#0000112&#0000116&#0000058alert(1)",
        "javascript&colon;alert(1)",
        "jAvAsCrIpT&colon;alert&lpar;1&rpar;",
        "java&NewLine;script:alert(1)",
        "java&Tab;script:alert(1)",
        "&#x26;#x6A;avascript:alert(1)",
        "&amp;#106;avascript:alert(1)",
        "java\u{1}script:alert(1)",
        "\u{1}javascript:alert(1)",
        "java\u{200B}script:alert(1)",
        "\u{FEFF}javascript:alert(1)",
        "java%0ascript:alert(1)",
        "data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==",
        "vbscript:msgbox(1)",
        "file:///etc/passwd",
        "livescript:alert(1)",
    ];
    for h in hrefs {
        for html in [
            format!(r#"<p><a href="{h}">x</a></p>"#),
            format!(r#"<p><a href='{h}'>x</a></p>"#),
            format!("<ul><li><a href=\"{h}\">x</a></li></ul>"),
            format!("<table><tr><td><a href=\"{h}\">x</a></td></tr></table>"),
            format!("<blockquote><a href=\"{h}\">x</a></blockquote>"),
            format!("<h2><a href=\"{h}\">x</a></h2>"),
            format!("<a href=\"{h}\"><div>block link</div></a>"),
            format!("<figure><img src=\"{h}\"><figcaption><a href=\"{h}\">c</a></figcaption></figure>"),
            format!("<img src=\"{h}\" srcset=\"{h} 300w\"><iframe src=\"{h}\"></iframe>"),
        ] {
            let b = check(&html);
            assert_eq!(urls(&b), Vec::<String>::new(), "{html}");
        }
    }
    assert_eq!(links(&check("<a href=javascript:alert(1)>x</a>")), 0);
    assert_eq!(links(&check("<a/href=\"javascript:alert(1)\">x</a>")), 0);
    assert_eq!(
        links(&check("<a href=\"javascript:alert(1)\" href=\"/ok\">x</a>")),
        0,
        "first attribute wins"
    );
}

#[test]
fn foreign_and_dangerous_elements() {
    assert_eq!(check("<svg><script>alert(1)</script></svg><p>after</p>").len(), 1);
    assert_eq!(
        check("<svg onload=alert(1)><a href=\"javascript:alert(1)\">x</a></svg>"),
        []
    );
    assert_eq!(
        check("<math><mtext><table><mglyph><style><img src=x onerror=alert(1)>"),
        []
    );
    // `</p>` leaves the svg, as in browsers; the style then swallows the
    // `<a id="` and what is left is inert: text, and an image without its
    // handler.
    let got = check("<svg></p><style><a id=\"</style><img src=1 onerror=alert(1)>\">");
    assert!(
        matches!(got.as_slice(), [Block::Paragraph { content }, Block::Figure { image, .. }]
            if *content == [Inline::text("\">")] && image.url == "1"),
        "{got:?}"
    );
    assert_eq!(
        check(r#"<iframe srcdoc="<script>alert(1)</script>"></iframe><p>ok</p>"#).len(),
        1
    );
    assert_eq!(
        check(r#"<iframe src="javascript:alert(1)"></iframe><p>ok</p>"#).len(),
        1
    );
    // An unknown origin's frame is a plain link to it, not a frame.
    let got = check(r#"<iframe src="https://evil.example/embed/x"><p>in</p></iframe><p>ok</p>"#);
    assert!(
        matches!(got.as_slice(), [Block::Paragraph { content }, Block::Paragraph { .. }]
            if matches!(content.as_slice(), [Inline::Link { href, .. }] if href == "https://evil.example/embed/x")),
        "{got:?}"
    );
    let yt = r#"<iframe src="https://www.youtube.com/embed/x&quot;onload=&quot;alert(1)"></iframe>"#;
    assert_eq!(check(yt), []);
    let b = check(r#"<base href="javascript:alert(1)//"><a href="/x">x</a>"#);
    assert_eq!(urls(&b), ["/x"]);
    assert_eq!(
        check(r#"<form action="javascript:alert(1)"><button>go</button><input value="x"></form><p>ok</p>"#).len(),
        1
    );
    assert_eq!(
        check(r#"<meta http-equiv="refresh" content="0;url=javascript:alert(1)"><p>ok</p>"#).len(),
        1
    );
    assert_eq!(check("<style>@import 'javascript:alert(1)';</style><p>ok</p>").len(), 1);
    assert_eq!(
        check(r#"<object data="javascript:alert(1)"></object><embed src="javascript:alert(1)"><p>ok</p>"#).len(),
        1
    );
    assert_eq!(
        check(r#"<link rel="import" href="javascript:alert(1)"><p>ok</p>"#).len(),
        1
    );
    assert_eq!(
        check("<xmp><a href=\"javascript:alert(1)\">x</a></xmp><title><a href=javascript:x>"),
        []
    );
    assert_eq!(check("<template><img src=x onerror=alert(1)></template>"), []);
    // Media keep their checked URL and nothing else: no handler survives.
    assert_eq!(
        check("<video><source onerror=alert(1)></video><audio src=x onerror=alert(1)></audio>"),
        [Block::Audio {
            src: "x".into(),
            caption: None
        }]
    );
}

#[test]
fn mutation_shapes() {
    // With scripting on, </noscript> inside the attribute closes the element:
    // what follows is a harmless image (its handler is simply not kept).
    let b = check(r#"<noscript><p title="</noscript><img src=x onerror=alert(1)>">"#);
    assert!(b
        .iter()
        .all(|b| matches!(b, Block::Figure { .. } | Block::Paragraph { .. })));
    check(r#"<textarea></textarea><img src=x onerror=alert(1)>"#);
    check("<scr<script>ipt>alert(1)</script>");
    check("<![CDATA[<script>alert(1)</script>]]>");
    check(r#"<a href="https://ok.example/" title="<script>alert(1)</script>">x</a>"#);
    let b = check(r#"<img srcset="javascript:alert(1) 1w, data:image/svg+xml,<svg> 2w" src="/ok.jpg">"#);
    assert!(
        matches!(b.as_slice(), [Block::Figure { image, .. }] if image.url == "/ok.jpg" && image.sources.is_empty())
    );
}

#[test]
fn open_redirect_shapes_stay_external_or_local() {
    let b = check(r#"<a href="https://news.example.com//evil.example/x">x</a><a href="//evil.example">y</a>"#);
    assert_eq!(urls(&b), ["/evil.example/x", "https://evil.example"]);
    let b = check(r#"<a href="/\evil.example">x</a><a href="https://news.example.com@evil.example/">y</a>"#);
    assert_eq!(
        urls(&b),
        ["https://evil.example", "https://news.example.com@evil.example/"]
    );
}
