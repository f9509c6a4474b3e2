use leptos::prelude::*;

use crate::components::{ArticleLink, OfType, Picture};
use crate::context::use_ctx;
use kiosque_core::i18n::format_date_styled;
use kiosque_core::model::{ArticleSummary, Image, PostFormat, SafeUrl};
use kiosque_core::routes::Route;

#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub enum CardSize {
    /// The home lead: large image, above the fold.
    Lead,
    /// A listing's first article, the container's whole width.
    ListingLead,
    /// A home section's first article, beside its list from 768px.
    SectionLead,
    #[default]
    Standard,
    /// A title-only line in a list.
    Compact,
}

impl CardSize {
    fn class(self) -> &'static str {
        match self {
            CardSize::Lead | CardSize::ListingLead => "card card--lead",
            CardSize::Compact => "card card--compact",
            CardSize::SectionLead | CardSize::Standard => "card",
        }
    }

    /// The image's `sizes`. They follow style/main.css: the container is at
    /// most 1200px wide (78rem less its padding); below 640px a card that is
    /// not a lead is a row with a 7.5rem thumbnail ("Phones: a standard card
    /// is a row").
    pub fn sizes(self) -> &'static str {
        match self {
            CardSize::Lead => "(min-width: 1248px) 776px, (min-width: 1024px) 62vw, 100vw",
            CardSize::ListingLead => "(min-width: 1248px) 1200px, 100vw",
            CardSize::SectionLead => {
                "(min-width: 1248px) 706px, (min-width: 768px) 58vw, (min-width: 640px) 100vw, 7.5rem"
            }
            CardSize::Standard => "(min-width: 1024px) 360px, (min-width: 640px) 50vw, 7.5rem",
            CardSize::Compact => "",
        }
    }
}

/// A note (aside, status) is its text: WordPress's themes show no title for
/// it in lists, so the heading's link reads as the text itself.
fn is_note(article: &ArticleSummary, size: CardSize) -> bool {
    article.format.is_titleless_note() && size != CardSize::Compact && !article.standfirst.is_empty()
}

/// The image a card of this size shows, if any: a page preloads its lead's.
pub fn card_image(article: &ArticleSummary, size: CardSize) -> Option<&Image> {
    (size != CardSize::Compact && !is_note(article, size))
        .then_some(article.image.as_ref())
        .flatten()
}

/// An article teaser: image, category, title (a link), standfirst, date.
#[component]
pub fn ArticleCard(
    article: ArticleSummary,
    #[prop(optional)] size: CardSize,
    /// Heading level for the title, so each page keeps a sound outline.
    #[prop(default = 3)]
    level: u8,
    /// The custom post type the item is of, when it is not an article.
    #[prop(optional_no_strip)]
    of: Option<OfType>,
) -> impl IntoView {
    let ctx = use_ctx();
    let date = format_date_styled(&article.published, ctx.locale, None, ctx.date_style());
    let base = size.class();
    let format = article.format;
    let class = if format.is_standard() {
        base.to_string()
    } else {
        format!("{base} card--{}", format.name())
    };
    let note = is_note(&article, size);
    let image = card_image(&article, size).cloned().map(|img| {
        let priority = matches!(size, CardSize::Lead | CardSize::ListingLead);
        view! { <Picture image=img sizes=size.sizes() priority class="card__img"/> }
    });
    let (link_text, standfirst) = if note {
        (article.standfirst, String::new())
    } else {
        (article.title, article.standfirst)
    };
    let title = view! {
        <ArticleLink slug=article.slug class="card__link" of attr:dir="auto">
            {link_text}
        </ArticleLink>
    };
    let heading = match level {
        2 => view! { <h2 class="card__title">{title}</h2> }.into_any(),
        _ => view! { <h3 class="card__title">{title}</h3> }.into_any(),
    };
    let standfirst = (size != CardSize::Compact && !standfirst.is_empty()).then(|| match format {
        PostFormat::Quote => view! {
            <blockquote class="card__quote"><p dir="auto">{standfirst}</p></blockquote>
        }
        .into_any(),
        _ => view! { <p class="card__standfirst" dir="auto">{standfirst}</p> }.into_any(),
    });
    let label = ctx
        .strings()
        .format_label(format)
        .map(|l| view! { <span class="card__format">{l}</span> });
    // A link post's destination, where the source read its body.
    let out = (format == PostFormat::Link)
        .then_some(article.link)
        .flatten()
        .and_then(|href| SafeUrl::new(&href))
        .filter(SafeUrl::is_external)
        .map(|url| {
            let host = host_of(url.as_str());
            view! { <a class="card__out" href=url.into_string() rel="noopener noreferrer">{host}" ↗"</a> }
        });
    // A custom type's item may have no category: no kicker then.
    let kicker = (!article.category.slug.is_empty()).then(|| {
        let href = ctx.href(&Route::category(article.category.slug.clone(), 1));
        view! { <a class="card__kicker" href=href>{article.category.name.clone()}</a> }
    });
    view! {
        <article class=class>
            {image}
            <div class="card__body">
                {kicker}
                {label}
                {heading}
                {standfirst}
                {out}
                <time class="card__date" datetime=article.published.as_str().to_string()>{date}</time>
            </div>
        </article>
    }
}

/// `https://www.example.org/x` → `example.org`: what a link post's card
/// names as its destination.
fn host_of(url: &str) -> String {
    let rest = url.split_once("//").map_or(url, |(_, r)| r);
    let host = rest.split(['/', '?', '#']).next().unwrap_or(rest);
    let host = host.rsplit_once('@').map_or(host, |(_, h)| h);
    host.strip_prefix("www.").unwrap_or(host).to_string()
}

#[cfg(test)]
#[cfg(feature = "ssr")]
mod tests {
    use leptos::prelude::*;

    use super::*;
    use kiosque_core::model::{CategoryRef, Timestamp};

    fn card(format: PostFormat, title: &str, standfirst: &str, link: Option<&str>) -> String {
        let article = ArticleSummary {
            slug: "s".into(),
            title: title.into(),
            standfirst: standfirst.into(),
            category: CategoryRef {
                slug: "c".into(),
                name: "C".into(),
            },
            authors: Vec::new(),
            published: Timestamp::parse("2020-06-15T10:00:00+01:00").unwrap(),
            modified: None,
            image: None,
            reading_minutes: 0,
            format,
            link: link.map(str::to_string),
            post_type: None,
        };
        crate::context::render_for_test(|| view! { <ArticleCard article/> }).replace("<!>", "")
    }

    #[test]
    fn a_standard_card_has_no_format_mark() {
        let html = card(PostFormat::Standard, "Titre", "Chapô.", None);
        assert!(html.contains(r#"class="card""#), "{html}");
        assert!(
            !html.contains("card__format") && !html.contains("card__quote"),
            "{html}"
        );
    }

    #[test]
    fn a_note_reads_as_its_text_and_a_quote_as_a_quote() {
        let aside = card(
            PostFormat::Aside,
            "Une brève sans…",
            "Une brève sans titre, comme une note.",
            None,
        );
        assert!(aside.contains("card card--aside"), "{aside}");
        assert!(aside.contains(">Une brève sans titre, comme une note.</a>"), "{aside}");
        assert!(
            !aside.contains("card__standfirst"),
            "the text is not said twice: {aside}"
        );
        let quote = card(PostFormat::Quote, "Une citation", "La mer se traverse.", None);
        assert!(
            quote.contains(r#"<blockquote class="card__quote"><p dir="auto">La mer se traverse.</p></blockquote>"#),
            "{quote}"
        );
    }

    #[test]
    fn media_formats_carry_a_label() {
        let video = card(PostFormat::Video, "V", "", None);
        assert!(video.contains(r#"<span class="card__format">Vidéo</span>"#), "{video}");
        assert!(card(PostFormat::Chat, "C", "", None).contains(">Discussion</span>"));
    }

    #[test]
    fn a_link_post_links_out_through_the_allowlist() {
        let out = card(PostFormat::Link, "L", "", Some("https://www.example.org/meteo?x=1"));
        assert!(
            out.contains(r#"<a href="https://www.example.org/meteo?x=1" rel="noopener noreferrer" class="card__out">example.org ↗</a>"#),
            "{out}"
        );
        assert!(!card(PostFormat::Link, "L", "", Some("javascript:alert(1)")).contains("card__out"));
        assert!(!card(PostFormat::Standard, "L", "", Some("https://example.org/")).contains("card__out"));
    }
}
