use leptos::prelude::*;

use kiosque_core::model::{Inline, SafeUrl};

/// Inline runs: text, emphasis, strong, links, line breaks. Site-relative
/// links get the bundle's base path and are routed client-side by the router;
/// others open normally.
#[component]
pub fn Inlines(content: Vec<Inline>) -> impl IntoView {
    content.into_iter().map(inline).collect_view()
}

fn inline(i: Inline) -> AnyView {
    match i {
        Inline::Text { text } => text.into_any(),
        Inline::Emphasis { children } => view! { <em><Inlines content=children/></em> }.into_any(),
        Inline::Strong { children } => view! { <strong><Inlines content=children/></strong> }.into_any(),
        // Checked again: the static API's documents never went through the
        // body converter, so a `javascript:` href can arrive as written.
        Inline::Link { href, children } => match SafeUrl::new(&href) {
            Some(url) => {
                let external = url.is_external();
                let href = crate::context::use_ctx().url_href(&url);
                view! {
                    <a href=href rel=external.then_some("noopener noreferrer")>
                        <Inlines content=children/>
                    </a>
                }
                .into_any()
            }
            // Not a link any more, but its text stays.
            None => view! { <Inlines content=children/> }.into_any(),
        },
        Inline::LineBreak => view! { <br/> }.into_any(),
        Inline::Unknown => ().into_any(),
    }
}

#[cfg(test)]
#[cfg(feature = "ssr")]
mod tests {
    use leptos::prelude::*;

    use super::*;
    use crate::context::Ctx;
    use kiosque_core::config::Config;
    use kiosque_core::i18n::Locale;
    use kiosque_core::source::Source;

    /// Renders inlines to HTML as the prerender does.
    fn html(content: Vec<Inline>) -> String {
        let config = Config::parse(r#"{"api":{"kind":"static","base_url":"/api"}}"#).unwrap();
        let base = "http://127.0.0.1:4401/";
        let ctx = Ctx::new(
            Source::from_config(&config, base, Default::default()),
            Locale::Fr,
            config.into(),
            base,
        );
        Owner::new().with(|| {
            provide_context(ctx);
            view! { <Inlines content/> }.to_html()
        })
    }

    fn link(href: &str) -> Vec<Inline> {
        vec![Inline::Link {
            href: href.into(),
            children: vec![Inline::text("Avant-jsu1 lien Après-jsu1")],
        }]
    }

    #[test]
    fn a_static_document_cannot_render_a_script_url() {
        for href in [
            "javascript:window.__xss='jsu1'",
            "JaVaScRiPt:window.__xss=1",
            "&#106;avascript:window.__xss=1",
            "java\tscript:window.__xss=1",
            " \u{1}javascript:window.__xss=1",
            "vbscript:msgbox(1)",
            "data:text/html,<script>window.__xss=1</script>",
        ] {
            let out = html(link(href));
            assert!(!out.contains("<a"), "{href:?} gave {out}");
            assert!(out.contains("Avant-jsu1 lien Après-jsu1"), "the text stays: {out}");
        }
    }

    #[test]
    fn safe_links_still_render() {
        assert!(html(link("/article/x")).contains(r#"<a href="/article/x">"#));
        let out = html(link("https://example.com/a?b=1"));
        assert!(out.contains(r#"href="https://example.com/a?b=1""#), "{out}");
        assert!(out.contains(r#"rel="noopener noreferrer""#), "{out}");
        assert!(html(link("mailto:a@b.example")).contains(r#"href="mailto:a@b.example""#));
    }
}
