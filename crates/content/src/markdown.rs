//! Markdown → HTML for the body converter, with generated figures.
//!
//! `![alt](motif:NAME "Légende — Crédit")`, alone in its paragraph, becomes
//! a `<figure>` whose image is a generated illustration; everything else is
//! CommonMark (+ tables) rendered by pulldown-cmark.

use pulldown_cmark::{html, CowStr, Event, Options, Parser, Tag, TagEnd};

use crate::illustrate::Motif;
use kiosque_core::model::Image;

/// A figure found in the body, before its image exists.
#[derive(Clone, Debug, PartialEq)]
pub struct FigureSrc {
    pub motif: Motif,
    pub alt: String,
    pub caption: Option<String>,
    pub credit: Option<String>,
}

#[derive(Debug)]
pub struct Rendered {
    pub html: String,
    /// The body's plain text (for reading time and search).
    pub text: String,
    pub figures: Vec<FigureSrc>,
}

fn options() -> Options {
    Options::ENABLE_TABLES
}

/// Renders `md`. `image_for(n, figure)` gives the image of the n-th figure
/// (1-based). Errors name the figure.
pub fn render(md: &str, image_for: &dyn Fn(usize, &FigureSrc) -> Image) -> Result<Rendered, String> {
    let events: Vec<Event> = Parser::new_ext(md, options()).collect();
    let mut out: Vec<Event> = Vec::with_capacity(events.len());
    let mut text = String::new();
    let mut figures: Vec<FigureSrc> = Vec::new();
    let mut in_image = 0usize;
    let mut i = 0;
    while i < events.len() {
        match &events[i] {
            Event::Start(Tag::Paragraph) => {
                if let Some((figs, end)) = figure_paragraph(&events, i, figures.len())? {
                    for f in figs {
                        let img = image_for(figures.len() + 1, &f);
                        out.push(Event::Html(CowStr::from(figure_html(&img))));
                        figures.push(f);
                    }
                    i = end + 1;
                    continue;
                }
            }
            Event::Start(Tag::Image { dest_url, .. }) => {
                if dest_url.starts_with("motif:") {
                    return Err(format!(
                        "figure {} (`{dest_url}`) must stand alone in its own paragraph",
                        figures.len() + 1
                    ));
                }
                in_image += 1;
            }
            Event::End(TagEnd::Image) => in_image = in_image.saturating_sub(1),
            Event::Text(t) | Event::Code(t) if in_image == 0 => text.push_str(t),
            Event::SoftBreak | Event::HardBreak => text.push(' '),
            Event::End(
                TagEnd::Paragraph
                | TagEnd::Heading(_)
                | TagEnd::Item
                | TagEnd::TableCell
                | TagEnd::BlockQuote(_)
                | TagEnd::CodeBlock,
            ) => text.push(' '),
            _ => {}
        }
        // "> — Name" written on the line after a quote's text is its
        // attribution: keep it on its own line so the converter sees it.
        let attribution = matches!(&events[i], Event::SoftBreak)
            && matches!(events.get(i + 1), Some(Event::Text(t)) if t.trim_start().starts_with(['—', '–']));
        out.push(if attribution {
            Event::HardBreak
        } else {
            events[i].clone()
        });
        i += 1;
    }
    let mut html_out = String::with_capacity(md.len() * 3 / 2);
    html::push_html(&mut html_out, out.into_iter());
    Ok(Rendered {
        html: html_out,
        text,
        figures,
    })
}

/// Plain text of Markdown (an author's bio): paragraphs separated by a
/// blank line, formatting dropped.
pub fn plain_text(md: &str) -> String {
    let mut paras: Vec<String> = Vec::new();
    let mut cur = String::new();
    for ev in Parser::new_ext(md, options()) {
        match ev {
            Event::Text(t) | Event::Code(t) => cur.push_str(&t),
            Event::SoftBreak | Event::HardBreak => cur.push(' '),
            Event::End(TagEnd::Paragraph | TagEnd::Heading(_) | TagEnd::Item) => {
                let p = cur.split_whitespace().collect::<Vec<_>>().join(" ");
                if !p.is_empty() {
                    paras.push(p);
                }
                cur.clear();
            }
            _ => {}
        }
    }
    let p = cur.split_whitespace().collect::<Vec<_>>().join(" ");
    if !p.is_empty() {
        paras.push(p);
    }
    paras.join("\n\n")
}

/// When the paragraph starting at `start` holds only motif images (and
/// whitespace), returns them and the index of the paragraph's end.
fn figure_paragraph(events: &[Event], start: usize, before: usize) -> Result<Option<(Vec<FigureSrc>, usize)>, String> {
    let mut figs = Vec::new();
    let mut j = start + 1;
    while j < events.len() {
        match &events[j] {
            Event::End(TagEnd::Paragraph) => {
                return Ok((!figs.is_empty()).then_some((figs, j)));
            }
            Event::Text(t) if t.trim().is_empty() => {}
            Event::SoftBreak | Event::HardBreak => {}
            Event::Start(Tag::Image { dest_url, title, .. }) if dest_url.starts_with("motif:") => {
                let n = before + figs.len() + 1;
                let name = &dest_url["motif:".len()..];
                let motif = Motif::parse(name)
                    .ok_or_else(|| format!("figure {n}: unknown motif `{name}` (known: {})", Motif::names()))?;
                let mut alt = String::new();
                j += 1;
                while j < events.len() {
                    match &events[j] {
                        Event::End(TagEnd::Image) => break,
                        Event::Text(t) | Event::Code(t) => alt.push_str(t),
                        Event::SoftBreak | Event::HardBreak => alt.push(' '),
                        _ => {}
                    }
                    j += 1;
                }
                let alt = alt.split_whitespace().collect::<Vec<_>>().join(" ");
                if alt.is_empty() {
                    return Err(format!(
                        "figure {n} (motif:{name}): missing alt text, write ![description](motif:{name})"
                    ));
                }
                let (caption, credit) = split_title(title);
                figs.push(FigureSrc {
                    motif,
                    alt,
                    caption,
                    credit,
                });
            }
            _ => return Ok(None),
        }
        j += 1;
    }
    Ok(None)
}

/// `"Légende — Crédit"` → caption and credit (the last ` — ` splits).
pub fn split_title(title: &str) -> (Option<String>, Option<String>) {
    let non_empty = |s: &str| {
        let s = s.trim();
        (!s.is_empty()).then(|| s.to_string())
    };
    match title.rsplit_once(" — ") {
        Some((caption, credit)) => (non_empty(caption), non_empty(credit)),
        None => (non_empty(title), None),
    }
}

pub fn escape(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for c in s.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&#39;"),
            c => out.push(c),
        }
    }
    out
}

/// The `<figure>` the body converter turns into a `Block::Figure`.
fn figure_html(img: &Image) -> String {
    let mut s = format!("<figure><img src=\"{}\"", escape(&img.url));
    if let Some(srcset) = img.srcset() {
        s.push_str(&format!(" srcset=\"{}\"", escape(&srcset)));
    }
    s.push_str(&format!(
        " width=\"{}\" height=\"{}\" alt=\"{}\">",
        img.width,
        img.height,
        escape(&img.alt)
    ));
    if img.caption.is_some() || img.credit.is_some() {
        s.push_str("<figcaption>");
        if let Some(c) = &img.caption {
            s.push_str(&escape(c));
        }
        if let Some(c) = &img.credit {
            s.push_str(&format!(" <small>{}</small>", escape(c)));
        }
        s.push_str("</figcaption>");
    }
    s.push_str("</figure>\n");
    s
}

#[cfg(test)]
mod tests {
    use super::*;

    fn img(n: usize, f: &FigureSrc) -> Image {
        Image {
            url: format!("/media/fig/x-{n}-1200.jpg"),
            width: 1200,
            height: 800,
            alt: f.alt.clone(),
            caption: f.caption.clone(),
            credit: f.credit.clone(),
            sources: vec![],
        }
    }

    #[test]
    fn figures_become_figure_html() {
        let r = render(
            "Intro **gras**.\n\n![Des dunes](motif:desert \"Le soir — Illustration Kiosque\")\n\nFin.",
            &img,
        )
        .unwrap();
        assert_eq!(r.figures.len(), 1);
        assert_eq!(r.figures[0].motif, Motif::Desert);
        assert_eq!(r.figures[0].caption.as_deref(), Some("Le soir"));
        assert_eq!(r.figures[0].credit.as_deref(), Some("Illustration Kiosque"));
        assert!(r.html.contains("<figure><img src=\"/media/fig/x-1-1200.jpg\" width=\"1200\" height=\"800\" alt=\"Des dunes\"><figcaption>Le soir <small>Illustration Kiosque</small></figcaption></figure>"), "{}", r.html);
        assert!(!r.text.contains("dunes"));
        assert_eq!(
            r.text.split_whitespace().collect::<Vec<_>>(),
            ["Intro", "gras.", "Fin."]
        );
    }

    #[test]
    fn figure_errors_are_explicit() {
        assert!(render("![](motif:desert)", &img).unwrap_err().contains("missing alt"));
        assert!(render("![x](motif:volcano)", &img)
            .unwrap_err()
            .contains("unknown motif `volcano`"));
        assert!(render("Texte ![x](motif:desert) suite", &img)
            .unwrap_err()
            .contains("own paragraph"));
    }

    #[test]
    fn tables_and_iframes_pass_through() {
        let r = render("| a | b |\n|---|---|\n| 1 | 2 |\n\n<iframe src=\"https://www.openstreetmap.org/export/embed.html?bbox=1,2,3,4\" title=\"Carte\"></iframe>\n", &img).unwrap();
        assert!(r.html.contains("<table>"));
        assert!(r.html.contains("<iframe src="));
    }

    #[test]
    fn bios_become_plain_text() {
        assert_eq!(
            plain_text("Un **chef**, *fictif*.\n\nDeux\nlignes."),
            "Un chef, fictif.\n\nDeux lignes."
        );
    }
}
