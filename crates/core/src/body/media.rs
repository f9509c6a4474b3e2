//! Images and embeds in running content: a paragraph of only media becomes
//! figures and embeds; otherwise images drop out of the text.

use super::blocks::{Conv, MAX_RECURSION};
use super::embed::{embed, EmbedAttrs};
use super::image::{build, ImgAttrs};
use super::tags::Tag;
use super::tree::{AttrName, Kind};
use crate::model::{Block, Image, Inline};
use crate::url::link_href;

impl Conv<'_> {
    /// Inline-level siblings `first..=last` as one paragraph; when they hold
    /// nothing but images and embeds, those become figures and embeds.
    pub fn run(&mut self, first: usize, last: usize, depth: usize) {
        let t = self.t;
        let mut media = 0;
        if t.run(first, last).all(|id| self.media_only(id, &mut media, depth)) && media > 0 {
            for id in t.run(first, last) {
                self.emit_media(id, depth);
            }
            return;
        }
        let mut b = self.builder();
        for id in t.run(first, last) {
            self.inline(id, &mut b, depth);
        }
        self.push_para(b.finish());
        self.flush_after();
    }

    fn media_only(&self, id: usize, count: &mut usize, depth: usize) -> bool {
        if depth > MAX_RECURSION {
            return false;
        }
        match self.t.kind(id) {
            Some(Kind::Text(..)) => self.t.text(id).is_some_and(|s| s.chars().all(char::is_whitespace)),
            Some(Kind::Elem(tag, ..)) => match tag {
                Tag::Br => true,
                Tag::Img if self.is_emoji(id) => false,
                Tag::Img => {
                    *count += usize::from(self.image(id).is_some());
                    true
                }
                Tag::Iframe => {
                    *count += usize::from(self.embed(id).is_some());
                    true
                }
                t if t.is_inline_wrapper() => self.t.children(id).all(|c| self.media_only(c, count, depth + 1)),
                _ => false,
            },
            _ => false,
        }
    }

    fn emit_media(&mut self, id: usize, depth: usize) {
        match self.t.tag(id) {
            Some(Tag::Img) => {
                if let Some(image) = self.image(id) {
                    let align = self.align_of(id);
                    self.out.push(Block::Figure { image, align });
                }
            }
            Some(Tag::Iframe) => self.out.extend(self.embed(id)),
            Some(_) if depth <= MAX_RECURSION => {
                for c in self.t.children(id) {
                    self.emit_media(c, depth + 1);
                }
            }
            _ => {}
        }
    }

    pub fn is_emoji(&self, id: usize) -> bool {
        self.t
            .class(id)
            .split_ascii_whitespace()
            .any(|c| c == "emoji" || c == "wp-smiley")
    }

    pub fn image(&self, id: usize) -> Option<Image> {
        let a = |n| self.t.attr(id, n);
        let attrs = ImgAttrs {
            src: a(AttrName::Src),
            data_src: a(AttrName::DataSrc),
            srcset: a(AttrName::Srcset),
            data_srcset: a(AttrName::DataSrcset),
            width: a(AttrName::Width),
            height: a(AttrName::Height),
            alt: a(AttrName::Alt),
        };
        build(&attrs, self.opts.fallback_image_size)
    }

    /// An allowlisted player, or else a plain link to the frame's page (its
    /// title as the text): never a frame from an origin we do not know.
    pub fn embed(&self, id: usize) -> Option<Block> {
        let a = |n| self.t.attr(id, n);
        let src = a(AttrName::Src).or_else(|| a(AttrName::DataSrc))?;
        let title = a(AttrName::Title);
        embed(&EmbedAttrs {
            src,
            title,
            width: a(AttrName::Width),
            height: a(AttrName::Height),
        })
        .or_else(|| {
            // A src carrying quotes or brackets is an injection attempt, not a page.
            if src.contains(['"', '\'', '<', '>', '`']) {
                return None;
            }
            let href = link_href(src, &self.opts.internal_origins)?;
            let text = title
                .map(str::trim)
                .filter(|s| !s.is_empty())
                .unwrap_or(&href)
                .to_string();
            Some(Block::Paragraph {
                content: vec![Inline::Link {
                    href,
                    children: vec![Inline::text(text)],
                }],
            })
        })
    }
}

#[cfg(test)]
mod tests {
    use crate::body::test_support::{b, t};
    use crate::body::{html_to_blocks, BodyOptions};
    use crate::model::{Block, EmbedProvider, Inline};

    fn p(content: Vec<Inline>) -> Block {
        Block::Paragraph { content }
    }

    fn provider(b: &Block) -> Option<EmbedProvider> {
        match b {
            Block::Embed { provider, .. } => Some(*provider),
            _ => None,
        }
    }

    #[test]
    fn images() {
        let got = b(r#"<img src="/a.jpg" alt="A">"#);
        let Some(Block::Figure { image, .. }) = got.first() else {
            panic!("{got:?}")
        };
        assert_eq!(
            (image.url.as_str(), image.width, image.height, image.alt.as_str()),
            ("/a.jpg", 1200, 800, "A")
        );
        let got = b(r#"<p><a href="/big.jpg"><img src="/a.jpg" width="10" height="20"></a><br> </p>"#);
        assert!(matches!(got.as_slice(), [Block::Figure { image, .. }] if image.width == 10 && image.height == 20));
        // An image in running text (classic editor) follows its paragraph,
        // or comes first when it floats (the text wraps around it); icons stay out.
        let got = b(
            r#"<p><img class="alignleft" src="/a.jpg" width="300" height="200">Texte <img src="/i.png" width="16" height="16"> suite</p>"#,
        );
        assert!(
            matches!(got.as_slice(), [Block::Figure { image, .. }, para]
                if *para == p(vec![t("Texte suite")]) && image.url == "/a.jpg" && image.width == 300),
            "{got:?}"
        );
        let got = b(r#"<p><img class="aligncenter" src="/a.jpg" width="300" height="200">Texte</p>"#);
        assert!(
            matches!(got.as_slice(), [para, Block::Figure { .. }] if *para == p(vec![t("Texte")])),
            "{got:?}"
        );
        let got = b(r#"<p>Bravo <img class="emoji" alt="🎉" src="https://s.w.org/x.svg"></p>"#);
        assert_eq!(got, [p(vec![t("Bravo 🎉")])]);
        assert_eq!(b(r#"<p><img src="javascript:alert(1)"></p><img>"#), []);
        let opts = BodyOptions {
            fallback_image_size: (640, 480),
            ..Default::default()
        };
        let got = html_to_blocks(r#"<img src="/a.jpg"><img src="/b.jpg">"#, &opts);
        assert!(
            matches!(got.as_slice(), [Block::Figure { image: a, .. }, Block::Figure { image: b, .. }] if a.width == 640 && b.height == 480)
        );
    }

    #[test]
    fn iframes() {
        let got = b(r#"<iframe src="https://www.youtube.com/embed/abc" width="640" height="360" title="T"></iframe>"#);
        let want = Block::Embed {
            provider: EmbedProvider::Youtube,
            url: "https://www.youtube.com/watch?v=abc".into(),
            embed_url: "https://www.youtube-nocookie.com/embed/abc".into(),
            title: "T".into(),
            width: 640,
            height: 360,
        };
        assert_eq!(got, [want]);
        let got = b(r#"<p>Avant <iframe src="https://player.vimeo.com/video/123"></iframe> après</p>"#);
        assert_eq!(got.len(), 2);
        assert_eq!(got[0], p(vec![t("Avant après")]));
        assert_eq!(provider(&got[1]), Some(EmbedProvider::Vimeo));
        let got = b(
            r#"<p>a<iframe src="https://evil.example/x">fallback</iframe>b</p><iframe src="https://evil.example/"></iframe>"#,
        );
        // Frames from unknown origins become plain links, never frames.
        let link = |u: &str| {
            p(vec![Inline::Link {
                href: u.into(),
                children: vec![t(u)],
            }])
        };
        assert_eq!(
            got,
            [
                p(vec![t("ab")]),
                link("https://evil.example/x"),
                link("https://evil.example/")
            ]
        );
        let got = b(r#"<p><iframe src="https://www.dailymotion.com/embed/video/x8abc"></iframe></p>"#);
        assert_eq!(
            got.iter().map(provider).collect::<Vec<_>>(),
            [Some(EmbedProvider::Dailymotion)]
        );
    }
}
