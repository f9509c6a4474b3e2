use leptos::prelude::*;

use kiosque_core::model::{Inline, InlineStyle, SafeUrl};

/// Inline runs: text, emphasis, strong, links, line breaks, styled runs
/// (struck out, code, keys, abbreviations…). Site-relative
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
        Inline::FootnoteRef { number } => super::footnotes::reference(number),
        Inline::Styled { style, title, children } => styled(style, title, children),
        Inline::Unknown => ().into_any(),
    }
}

/// A styled run as its own element (`InlineStyle::tag`).
fn styled(style: InlineStyle, title: Option<String>, children: Vec<Inline>) -> AnyView {
    let kids = view! { <Inlines content=children/> };
    match style {
        InlineStyle::Deleted => view! { <del>{kids}</del> }.into_any(),
        InlineStyle::Inserted => view! { <ins>{kids}</ins> }.into_any(),
        InlineStyle::Subscript => view! { <sub>{kids}</sub> }.into_any(),
        InlineStyle::Superscript => view! { <sup>{kids}</sup> }.into_any(),
        InlineStyle::Code => view! { <code>{kids}</code> }.into_any(),
        InlineStyle::Keyboard => view! { <kbd>{kids}</kbd> }.into_any(),
        InlineStyle::Highlight => view! { <mark>{kids}</mark> }.into_any(),
        InlineStyle::Small => view! { <small>{kids}</small> }.into_any(),
        InlineStyle::Cite => view! { <cite>{kids}</cite> }.into_any(),
        InlineStyle::Quotation => view! { <q>{kids}</q> }.into_any(),
        InlineStyle::Abbreviation => view! { <abbr title=title>{kids}</abbr> }.into_any(),
    }
}

#[cfg(test)]
#[cfg(feature = "ssr")]
mod tests {
    use leptos::prelude::*;

    use super::*;

    /// Renders inlines to HTML as the prerender does.
    fn html(content: Vec<Inline>) -> String {
        crate::context::render_for_test(|| view! { <Inlines content/> })
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
    fn styled_runs_render_as_their_elements() {
        let run = |style, title: Option<&str>| Inline::Styled {
            style,
            title: title.map(str::to_string),
            children: vec![Inline::text("x<y")],
        };
        let out = html(vec![
            run(InlineStyle::Deleted, None),
            run(InlineStyle::Keyboard, None),
            run(InlineStyle::Abbreviation, Some("Organisation \"des\" <Nations>")),
        ])
        .replace("<!>", ""); // hydration markers
        assert!(out.contains("<del>x&lt;y</del><kbd>x&lt;y</kbd>"), "{out}");
        assert!(
            out.contains(r#"<abbr title="Organisation &quot;des&quot; &lt;Nations&gt;">x&lt;y</abbr>"#),
            "{out}"
        );
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
