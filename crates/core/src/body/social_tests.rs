//! X/Twitter and Instagram embeds as WordPress stores them: the
//! blockquote becomes a quote with a plain link to the original; the
//! provider's script is dropped, so nothing is fetched on arrival.

use crate::body::test_support::b;
use crate::model::{Block, Inline};

fn links(content: &[Inline], out: &mut Vec<String>) {
    for i in content {
        match i {
            Inline::Link { href, children } => {
                out.push(href.clone());
                links(children, out);
            }
            Inline::Emphasis { children } | Inline::Strong { children } | Inline::Styled { children, .. } => {
                links(children, out)
            }
            _ => {}
        }
    }
}

fn quote_links(blocks: &[Block]) -> Vec<String> {
    let mut out = Vec::new();
    for block in blocks {
        if let Block::Quote { content, .. } = block {
            links(content, &mut out);
        }
    }
    out
}

#[test]
fn tweet_block_is_a_quote_linking_to_the_original() {
    let html = r#"<figure class="wp-block-embed is-type-rich is-provider-twitter wp-block-embed-twitter"><div class="wp-block-embed__wrapper">
<blockquote class="twitter-tweet" data-width="550"><p lang="en" dir="ltr">Morning market report is out.</p>&mdash; Kiosque (@kiosque) <a href="https://twitter.com/kiosque/status/1234567890">June 1, 2020</a></blockquote><script async src="https://platform.twitter.com/widgets.js" charset="utf-8"></script>
</div></figure>"#;
    let out = b(html);
    assert!(out.iter().all(|x| !matches!(x, Block::Embed { .. })), "{out:?}");
    assert_eq!(
        quote_links(&out),
        vec!["https://twitter.com/kiosque/status/1234567890"],
        "{out:?}"
    );
    let text = format!("{out:?}");
    assert!(text.contains("Morning market report is out."));
    assert!(!text.contains("widgets.js"));
}

#[test]
fn instagram_blockquote_is_a_quote_linking_to_the_post() {
    let html = r#"<blockquote class="instagram-media" data-instgrm-permalink="https://www.instagram.com/p/AbC123/" data-instgrm-version="14"><div><a href="https://www.instagram.com/p/AbC123/" target="_blank">View this post on Instagram</a></div></blockquote><script async src="//www.instagram.com/embed.js"></script>"#;
    let out = b(html);
    assert_eq!(
        quote_links(&out),
        vec!["https://www.instagram.com/p/AbC123/"],
        "{out:?}"
    );
    assert!(!format!("{out:?}").contains("embed.js"));
}

#[test]
fn javascript_link_in_a_tweet_keeps_its_text_only() {
    let html =
        r#"<blockquote class="twitter-tweet"><p>Hello</p><a href="javascript:alert(1)">June 1, 2020</a></blockquote>"#;
    let out = b(html);
    assert!(quote_links(&out).is_empty(), "{out:?}");
    assert!(format!("{out:?}").contains("June 1, 2020"));
}

#[test]
fn unknown_iframe_becomes_a_plain_link() {
    let out = b(r#"<p><iframe src="https://maps.example.net/embed?id=7" title="Plan d'accès"></iframe></p>"#);
    assert!(out.iter().all(|x| !matches!(x, Block::Embed { .. })), "{out:?}");
    let Some(Block::Paragraph { content }) = out.first() else {
        panic!("{out:?}")
    };
    let mut got = Vec::new();
    links(content, &mut got);
    assert_eq!(got, vec!["https://maps.example.net/embed?id=7"]);
    assert!(format!("{out:?}").contains("Plan d'accès"));
    // A frame whose URL is refused leaves nothing behind.
    assert!(b(r#"<iframe src="javascript:alert(1)"></iframe>"#).is_empty());
}
