//! HTML → typed body blocks, for untrusted HTML (WordPress
//! `content.rendered`, or HTML from a Markdown renderer).
//!
//! Pure Rust, no DOM, no dependencies: the same code runs natively and in
//! wasm32. The output holds no markup at all: text is plain text (rendered
//! escaped), and the only strings a browser interprets are URLs, each of
//! which went through [`safe_url`]. So safety rests on the allowlist of
//! URL schemes and embed providers, not on sanitizing markup.
//!
//! Pipeline: `tokenizer` (linear, borrowing) → `builder` → `tree` (arena,
//! depth-capped; dropped elements never enter it) → `blocks`, `media`,
//! `lists`, `figure`, `table`, `layout` (and `gallery`), `text_blocks`, `media_blocks` (the
//! allowlist), using `inline` (whitespace and wrappers), `shortcodes`,
//! `image`, `embed`, `caption`, `url`, `entities`.
//!
//! Choices where the rules leave room:
//! - Lists nest (`Block::MAX_LIST_DEPTH` levels; deeper items follow their
//!   parent item in the deepest list); text after a nested list stays in
//!   its item, on a new line. `ol`'s `start` is capped to ±1,000,000.
//! - `details` nest `Block::MAX_DETAILS_DEPTH` deep (deeper: plain blocks);
//!   `audio`/`video` keep only their checked URLs, never their fallback.
//! - Block-editor footnotes (`sup.fn` → `ol.wp-block-footnotes`) become
//!   numbered references and one `Footnotes` block (the first list only).
//! - Unregistered shortcodes lose their tags (paired, with attributes or
//!   self-closing), keeping their text; a bare `[word]` stays (prose).
//! - Paragraphs, list items, quote lines and cells are separated by one
//!   `LineBreak` when several blocks fold into one inline run.
//! - A paragraph of only images/embeds (links, spans, `<br>` and whitespace
//!   around them allowed) becomes figures/embeds; an image inside text is
//!   dropped, except WordPress emoji (`img.emoji`, `img.wp-smiley`), which
//!   keep their alt text; an allowlisted embed inside text follows its block.
//! - `<a>`, `<em>`, `<strong>` around blocks carry into the blocks' text.
//! - Links to `http://` or `https://` of an internal origin's host both
//!   count as internal.
//! - `<pre>` becomes a paragraph whose newlines are line breaks.
//! - A gallery (classic or block) is one block of at most
//!   `Block::MAX_GALLERY_IMAGES`; layout containers (columns, media-text,
//!   cover, group) nest `Block::MAX_LAYOUT_DEPTH` deep, deeper ones give
//!   their blocks to their parent; `style` is read only for widths.
//! - An embed's figcaption and a table's stray text become paragraphs
//!   (after the embed, before the table). SoundCloud defaults to 560×166.

mod blocks;
mod builder;
mod caption;
mod embed;
pub use embed::EMBED_ORIGINS;
mod figure;
mod footnotes;
mod gallery;
// Only the WordPress adapter reads a plugin's head.
#[cfg(feature = "wordpress-source")]
mod head_tags;
#[cfg(feature = "wordpress-source")]
pub(crate) use head_tags::head_tags;
mod image;
mod inline;
mod layout;
#[cfg(test)]
mod layout_tests;
mod lists;
mod media;
mod media_blocks;
mod shortcodes;
mod table;
mod tags;
mod text;
mod text_blocks;
mod tokenizer;
mod tree;

// Timing uses `Instant`, which wasm32-unknown-unknown lacks.
#[cfg(test)]
mod list_tests;
#[cfg(all(test, not(target_arch = "wasm32")))]
mod robustness_tests;
#[cfg(test)]
mod semantics_tests;
#[cfg(test)]
mod social_tests;
#[cfg(test)]
mod text_blocks_tests;
#[cfg(test)]
mod xss_tests;

use crate::model::Block;

#[derive(Clone, Debug, PartialEq, Eq)]
pub struct BodyOptions {
    /// Origins whose links are "internal" and become site-relative paths,
    /// e.g. `["https://news.example.com"]`.
    pub internal_origins: Vec<String>,
    /// Default size for images without width/height attributes.
    pub fallback_image_size: (u32, u32),
}

impl Default for BodyOptions {
    fn default() -> Self {
        BodyOptions {
            internal_origins: Vec::new(),
            fallback_image_size: (1200, 800),
        }
    }
}

/// Converts untrusted HTML into body blocks. Never panics; linear-ish time.
pub fn html_to_blocks(html: &str, opts: &BodyOptions) -> Vec<Block> {
    let tree = tree::Tree::parse(html);
    blocks::convert(&tree, opts)
}

/// Decodes HTML entities (for titles): named ones (all of Latin-1, Greek,
/// typographic punctuation, a few HTML5 names) with their `;`, numeric ones
/// with or without it. Unknown or invalid references stay literal; `&#0;`,
/// surrogates and out-of-range values become U+FFFD.
pub fn decode_entities(s: &str) -> String {
    crate::entities::decode(s).into_owned()
}

/// HTML → plain text (for excerpts): tags stripped, entities decoded,
/// ASCII whitespace collapsed, script/style and other dropped content gone.
pub fn html_to_text(html: &str) -> String {
    text::html_to_text(html)
}

/// Helpers shared by the converter's unit tests.
#[cfg(test)]
mod test_support {
    use super::{html_to_blocks, BodyOptions};
    use crate::model::{Block, Inline};

    pub fn b(html: &str) -> Vec<Block> {
        html_to_blocks(html, &BodyOptions::default())
    }

    pub fn t(s: &str) -> Inline {
        Inline::text(s)
    }
}

#[cfg(test)]
mod tests {
    use super::{decode_entities, html_to_blocks, html_to_text, BodyOptions};
    use crate::body::test_support::t;
    use crate::model::{Block, EmbedProvider, Inline};
    use crate::url::safe_url;

    fn para(content: Vec<Inline>) -> Block {
        Block::Paragraph { content }
    }

    #[test]
    fn public_helpers() {
        assert_eq!(
            decode_entities("L&rsquo;&eacute;t&eacute; &#8211; &amp;lt;"),
            "L’été – &lt;"
        );
        assert_eq!(html_to_text("<p>a&nbsp;b</p><script>x</script>"), "a\u{A0}b");
        assert_eq!(safe_url(" jav&#x09;ascript:alert(1)"), None);
        assert_eq!(BodyOptions::default().fallback_image_size, (1200, 800));
    }

    #[test]
    fn wordpress_paragraph_typography() {
        let html = "<p>Il a dit&nbsp;: &laquo;&#8239;oui&#8239;&raquo;</p>\n\n<p></p><p>&nbsp;</p>";
        let want = [para(vec![t("Il a dit\u{A0}: «\u{202F}oui\u{202F}»")])];
        assert_eq!(html_to_blocks(html, &BodyOptions::default()), want);
    }

    #[test]
    fn wordpress_article() {
        let opts = BodyOptions {
            internal_origins: vec!["https://news.example.com".into()],
            ..Default::default()
        };
        let html = r#"
<h2 class="wp-block-heading">Le contexte</h2>
<p>Lire <a href="https://news.example.com/2024/01/autre-article/">notre article</a> et <a href="https://ext.example/x?a=1&#038;b=2">la source</a>.</p>
<figure class="wp-block-image size-large"><img decoding="async" width="1024" height="683" src="https://news.example.com/wp-content/uploads/a-1024x683.jpg" alt="Une rue" class="wp-image-12" srcset="https://news.example.com/wp-content/uploads/a-1024x683.jpg 1024w, https://news.example.com/wp-content/uploads/a-300x200.jpg 300w" sizes="(max-width: 1024px) 100vw, 1024px" /><figcaption class="wp-element-caption">Une rue de Lyon. Crédit&nbsp;: AFP</figcaption></figure>
<blockquote class="wp-block-quote is-layout-flow"><p>Nous irons.</p><cite>Marie Dupont</cite></blockquote>
<figure class="wp-block-embed is-type-video is-provider-youtube wp-block-embed-youtube wp-embed-aspect-16-9 wp-has-aspect-ratio"><div class="wp-block-embed__wrapper">
https://www.youtube.com/watch?v=dQw4w9WgXcQ
</div></figure>
<figure class="wp-block-table"><table class="has-fixed-layout"><thead><tr><th>Ville</th><th>Pop.</th></tr></thead><tbody><tr><td>Lyon</td><td>522&nbsp;000</td></tr></tbody></table><figcaption class="wp-element-caption">Source : Insee</figcaption></figure>
<ul class="wp-block-list"><li>Un</li><li>Deux</li></ul>
"#;
        let blocks = html_to_blocks(html, &opts);
        assert_eq!(blocks.len(), 7, "{blocks:#?}");
        assert_eq!(
            blocks[0],
            Block::Heading {
                level: 2,
                content: vec![t("Le contexte")]
            }
        );
        let link = |href: &str, text: &str| Inline::Link {
            href: href.into(),
            children: vec![t(text)],
        };
        let p = vec![
            t("Lire "),
            link("/2024/01/autre-article/", "notre article"),
            t(" et "),
            link("https://ext.example/x?a=1&b=2", "la source"),
            t("."),
        ];
        assert_eq!(blocks[1], para(p));
        let Block::Figure { image, .. } = &blocks[2] else {
            panic!("figure: {:?}", blocks[2])
        };
        assert_eq!((image.width, image.height, image.alt.as_str()), (1024, 683, "Une rue"));
        assert_eq!(image.caption.as_deref(), Some("Une rue de Lyon."));
        assert_eq!(image.credit.as_deref(), Some("AFP"));
        assert_eq!(image.sources.iter().map(|s| s.width).collect::<Vec<_>>(), [300, 1024]);
        assert_eq!(
            image.url, "https://news.example.com/wp-content/uploads/a-1024x683.jpg",
            "images stay absolute"
        );
        let quote = Block::Quote {
            content: vec![t("Nous irons.")],
            cite: Some("Marie Dupont".into()),
        };
        assert_eq!(blocks[3], quote);
        let Block::Embed {
            provider, embed_url, ..
        } = &blocks[4]
        else {
            panic!("embed: {:?}", blocks[4])
        };
        assert_eq!(
            (*provider, embed_url.as_str()),
            (
                EmbedProvider::Youtube,
                "https://www.youtube-nocookie.com/embed/dQw4w9WgXcQ"
            )
        );
        let Block::Table { caption, rows } = &blocks[5] else {
            panic!("table: {:?}", blocks[5])
        };
        assert_eq!(caption.as_deref(), Some("Source : Insee"));
        assert_eq!(rows.len(), 2);
        assert!(rows[0].iter().all(|c| c.header) && !rows[1][0].header);
        assert_eq!(rows[1][1].content, [t("522\u{A0}000")]);
        assert_eq!(blocks[6], Block::list(false, vec![vec![t("Un")], vec![t("Deux")]]));
    }

    #[test]
    fn blocks_serialize() {
        let blocks = html_to_blocks("<p>a<br>b</p>", &BodyOptions::default());
        let json = serde_json::to_string(&blocks).unwrap_or_default();
        assert_eq!(
            json,
            r#"[{"type":"paragraph","content":[{"type":"text","text":"a"},{"type":"line_break"},{"type":"text","text":"b"}]}]"#
        );
    }
}
