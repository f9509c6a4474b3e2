//! Figures: `<figure>` and the classic editor's `div.wp-caption`, holding
//! an image, an embed or a table, with a caption (and maybe a credit).

use super::blocks::{Conv, MAX_RECURSION};
use super::caption::{credit_label, non_empty, split_credit, trim_seps};
use super::embed::{embed, EmbedAttrs};
use super::tags::Tag;
use super::text::collapse;
use crate::model::{Block, Inline};
use crate::url::link_href;

impl Conv<'_> {
    pub(super) fn figure(&mut self, id: usize, depth: usize) {
        // A gallery is a figure of figures: each inner one stands alone.
        if self.t.find(id, &|t| t == Tag::Figure, false).is_some() {
            return self.blocks(id, depth);
        }
        let caption = self.caption_node(id);
        let iframe = self.t.find(id, &|t| t == Tag::Iframe, false);
        if (iframe.is_some() || self.t.class(id).contains("wp-block-embed"))
            && self.embed_figure(id, iframe, caption, depth)
        {
            return;
        }
        let mut imgs = Vec::new();
        self.collect_imgs(id, caption, &mut imgs, depth);
        if !imgs.is_empty() {
            let (mut text, mut credit) = caption.map(|c| self.caption_parts(c)).unwrap_or_default();
            let mut any = false;
            for img in imgs {
                let align = self.align_of(id).or_else(|| self.align_of(img));
                let Some(mut image) = self.image(img) else { continue };
                if !any {
                    image.caption = text.take();
                    image.credit = credit.take();
                    any = true;
                }
                self.out.push(Block::Figure { image, align });
            }
            if let (false, Some(c)) = (any, caption) {
                self.caption_para(c, depth);
            }
            return;
        }
        if let Some(table) = self.t.find(id, &|t| t == Tag::Table, false) {
            let text = caption.map(|c| self.t.plain(c)).filter(|s| !s.is_empty());
            return self.table(table, text, depth);
        }
        self.blocks(id, depth);
    }

    /// `<figcaption>`, or the classic editor's `.wp-caption-text`.
    fn caption_node(&self, id: usize) -> Option<usize> {
        if let Some(c) = self.t.find(id, &|t| t == Tag::Figcaption, false) {
            return Some(c);
        }
        self.t
            .children(id)
            .find(|&c| self.t.class(c).split_ascii_whitespace().any(|k| k == "wp-caption-text"))
    }

    fn collect_imgs(&self, id: usize, skip: Option<usize>, out: &mut Vec<usize>, depth: usize) {
        if depth > MAX_RECURSION || out.len() >= 64 {
            return;
        }
        for c in self.t.children(id) {
            match self.t.tag(c) {
                Some(Tag::Img) if !self.is_emoji(c) => out.push(c),
                Some(Tag::Figcaption) => {}
                Some(_) if Some(c) != skip => self.collect_imgs(c, skip, out, depth + 1),
                _ => {}
            }
        }
    }

    /// A WordPress embed figure: the iframe, or the bare URL in its wrapper.
    /// Unknown providers with a bare URL become a link; false if neither.
    fn embed_figure(&mut self, id: usize, iframe: Option<usize>, caption: Option<usize>, depth: usize) -> bool {
        let url = match iframe {
            Some(_) => None,
            None => self.bare_url(id, caption),
        };
        let found = match (iframe, &url) {
            (Some(f), _) => self.embed(f),
            (None, Some(u)) => embed(&EmbedAttrs {
                src: u,
                ..Default::default()
            }),
            _ => None,
        };
        if let Some(e) = found {
            self.out.push(e);
        } else {
            let Some(u) = url else { return false };
            let Some(href) = link_href(&u, &self.opts.internal_origins) else {
                return false;
            };
            let content = vec![Inline::Link {
                href,
                children: vec![Inline::text(u)],
            }];
            self.out.push(Block::Paragraph { content });
        }
        if let Some(c) = caption {
            self.caption_para(c, depth);
        }
        true
    }

    /// The figure's text outside its caption, if it is one URL-like word.
    fn bare_url(&self, id: usize, caption: Option<usize>) -> Option<String> {
        let mut s = String::new();
        for c in self.t.children(id).filter(|&c| Some(c) != caption) {
            s.push(' ');
            s.push_str(&self.t.plain(c));
        }
        let s = s.trim();
        (!s.is_empty() && !s.contains(char::is_whitespace)).then(|| s.to_string())
    }

    fn caption_para(&mut self, id: usize, depth: usize) {
        let mut b = self.builder();
        self.inline_children(id, &mut b, depth);
        self.push_para(b.finish());
        self.flush_after();
    }

    /// Caption text and credit: `<small>`/`<cite>` inside the caption, else
    /// a "Crédit : X" label, else a trailing " — X".
    pub(super) fn caption_parts(&self, id: usize) -> (Option<String>, Option<String>) {
        let (mut text, mut credit) = (String::new(), String::new());
        self.caption_text(id, &mut text, &mut credit, false, 0);
        let (text, credit) = (collapse(&text), collapse(&credit));
        if credit.is_empty() {
            return split_credit(&text);
        }
        let credit = match credit_label(&credit) {
            Some((_, after)) => after.to_string(),
            None => credit,
        };
        (non_empty(trim_seps(&text)), non_empty(&credit))
    }

    fn caption_text(&self, id: usize, text: &mut String, credit: &mut String, in_credit: bool, depth: usize) {
        if depth > MAX_RECURSION {
            return;
        }
        for c in self.t.children(id) {
            if let Some(s) = self.t.text(c) {
                (if in_credit { &mut *credit } else { &mut *text }).push_str(s);
                continue;
            }
            match self.t.tag(c) {
                Some(Tag::Small | Tag::Cite) => self.caption_text(c, text, credit, true, depth + 1),
                Some(t) if t.is_block() || t == Tag::Br => {
                    text.push(' ');
                    self.caption_text(c, text, credit, in_credit, depth + 1);
                    text.push(' ');
                }
                _ => self.caption_text(c, text, credit, in_credit, depth + 1),
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use crate::body::test_support::{b, t};
    use crate::model::{Block, EmbedProvider, Image, Inline};

    fn p(s: &str) -> Block {
        Block::Paragraph { content: vec![t(s)] }
    }

    fn image(blocks: &[Block], i: usize) -> Image {
        match blocks.get(i) {
            Some(Block::Figure { image, .. }) => image.clone(),
            other => panic!("no figure at {i}: {other:?}"),
        }
    }

    #[test]
    fn captions_and_credits() {
        let got =
            b(r#"<figure><img src="/a.jpg"><figcaption>Légende <small>Photo : Jean</small></figcaption></figure>"#);
        let img = image(&got, 0);
        assert_eq!(
            (img.caption.as_deref(), img.credit.as_deref()),
            (Some("Légende"), Some("Jean"))
        );
        let got = b(r#"<figure><img src="/a.jpg"><figcaption>Légende<cite>AFP</cite></figcaption></figure>"#);
        assert_eq!(image(&got, 0).credit.as_deref(), Some("AFP"));
        let got = b(r#"<figure><img src="/a.jpg"><figcaption>Le port — Marie</figcaption></figure>"#);
        let img = image(&got, 0);
        assert_eq!(
            (img.caption.as_deref(), img.credit.as_deref()),
            (Some("Le port"), Some("Marie"))
        );
        let got = b(r#"<figure><a href="/x"><img src="/a.jpg"></a></figure>"#);
        assert_eq!((image(&got, 0).caption, got.len()), (None, 1));
    }

    #[test]
    fn classic_caption_and_galleries() {
        let html = r#"<div id="attachment_5" class="wp-caption aligncenter"><img src="/a.jpg" width="300" height="200"><p class="wp-caption-text">Classique</p></div>"#;
        let got = b(html);
        assert_eq!((got.len(), image(&got, 0).caption.as_deref()), (1, Some("Classique")));
        let html = r#"<figure class="wp-block-gallery has-nested-images"><figure class="wp-block-image"><img src="/a.jpg"></figure><figure class="wp-block-image"><img src="/b.jpg"><figcaption>B</figcaption></figure><figcaption class="blocks-gallery-caption">Galerie</figcaption></figure>"#;
        // A gallery is one block now (see layout_tests.rs); a figure of
        // figures that is no gallery still gives each inner one.
        assert!(
            matches!(b(html).as_slice(), [Block::Gallery { items, caption: Some(c), .. }] if items.len() == 2 && c == "Galerie")
        );
        let html = r#"<figure><figure><img src="/a.jpg"></figure><figure><img src="/b.jpg"><figcaption>B</figcaption></figure><figcaption>Deux</figcaption></figure>"#;
        let got = b(html);
        assert_eq!(got.len(), 3);
        assert_eq!(
            (image(&got, 0).url.as_str(), image(&got, 1).caption.as_deref()),
            ("/a.jpg", Some("B"))
        );
        assert_eq!(got[2], p("Deux"));
    }

    #[test]
    fn figures_without_usable_image() {
        assert_eq!(
            b("<figure><p>Texte</p><figcaption>Cap</figcaption></figure>"),
            [p("Texte"), p("Cap")]
        );
        assert_eq!(
            b(r#"<figure><img src="javascript:alert(1)"><figcaption>Cap</figcaption></figure>"#),
            [p("Cap")]
        );
        let got = b(
            r#"<figure class="wp-block-video"><video controls src="/v.mp4"></video><figcaption>Vid</figcaption></figure>"#,
        );
        let video = Block::Video {
            src: "/v.mp4".into(),
            poster: None,
            width: None,
            height: None,
            caption: Some("Vid".into()),
        };
        assert_eq!(got, [video], "a video figure is a video (see media_blocks.rs)");
    }

    #[test]
    fn embed_figures() {
        let html = r#"<figure class="wp-block-embed is-provider-vimeo"><div class="wp-block-embed__wrapper"><iframe title="Film" src="https://player.vimeo.com/video/42" width="640" height="360"></iframe></div><figcaption>Un film</figcaption></figure>"#;
        let got = b(html);
        assert_eq!(got.len(), 2);
        let Block::Embed {
            provider,
            title,
            width,
            height,
            ..
        } = &got[0]
        else {
            panic!("{got:?}")
        };
        assert_eq!(
            (*provider, title.as_str(), *width, *height),
            (EmbedProvider::Vimeo, "Film", 640, 360)
        );
        assert_eq!(got[1], p("Un film"));
        let html = r#"<figure class="wp-block-embed is-provider-instagram"><div class="wp-block-embed__wrapper">https://www.instagram.com/p/abc/</div></figure>"#;
        let url = "https://www.instagram.com/p/abc/";
        let want = Block::Paragraph {
            content: vec![Inline::Link {
                href: url.into(),
                children: vec![t(url)],
            }],
        };
        assert_eq!(b(html), [want]);
        let html =
            r#"<figure class="wp-block-embed"><div class="wp-block-embed__wrapper">javascript:alert(1)</div></figure>"#;
        assert_eq!(b(html), [p("javascript:alert(1)")], "kept as plain text only");
        let html = r#"<iframe width="425" height="350" src="https://www.openstreetmap.org/export/embed.html?bbox=2.29%2C48.85%2C2.30%2C48.86&amp;layer=mapnik"></iframe>"#;
        let got = b(html);
        assert!(matches!(
            got.as_slice(),
            [Block::Embed {
                provider: EmbedProvider::Openstreetmap,
                width: 425,
                height: 350,
                ..
            }]
        ));
    }
}
