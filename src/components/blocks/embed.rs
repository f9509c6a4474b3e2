use leptos::prelude::*;

use crate::context::use_ctx;
use kiosque_core::model::{EmbedProvider, SafeUrl};

/// The page link and the player URL of an embed, when both are safe: the
/// link is a [`SafeUrl`], and the player is `https://` (what the WordPress
/// adapter builds). The static API's documents are not checked before they
/// get here, and an iframe would run a `javascript:` player URL.
pub(crate) fn checked_urls(url: &str, embed_url: &str) -> Option<(SafeUrl, SafeUrl)> {
    let url = SafeUrl::new(url)?;
    let embed_url = SafeUrl::new(embed_url).filter(|u| u.as_str().starts_with("https://"))?;
    Some((url, embed_url))
}

/// An allowlisted embed: nothing loads from the provider until the reader
/// asks. Then a sized, sandboxed iframe; the plain link is always there.
#[component]
pub fn Embed(
    provider: EmbedProvider,
    url: SafeUrl,
    embed_url: SafeUrl,
    title: String,
    width: u32,
    height: u32,
) -> impl IntoView {
    let s = use_ctx().strings();
    let loaded = RwSignal::new(false);
    let frame_class = format!("embed__frame embed__frame--{}", ratio_class(width, height));
    let provider_name = match provider {
        EmbedProvider::Youtube => "YouTube",
        EmbedProvider::Vimeo => "Vimeo",
        EmbedProvider::Dailymotion => "Dailymotion",
        EmbedProvider::Soundcloud => "SoundCloud",
        EmbedProvider::Openstreetmap => "OpenStreetMap",
    };
    let frame_title = title.clone();
    view! {
        <figure class="embed">
            <div class=frame_class>
                <Show
                    when=move || loaded.get()
                    fallback=move || {
                        view! {
                            <button type="button" class="embed__load app-action" on:click=move |_| loaded.set(true)>
                                <span class="embed__provider">{provider_name}</span>
                                <span>{s.load_embed}</span>
                            </button>
                        }
                    }
                >
                    <iframe
                        src=embed_url.to_string()
                        title=frame_title.clone()
                        width=width
                        height=height
                        sandbox="allow-scripts allow-same-origin allow-popups allow-presentation"
                        referrerpolicy="strict-origin-when-cross-origin"
                        allow="fullscreen; picture-in-picture"
                    ></iframe>
                </Show>
            </div>
            <figcaption class="embed__caption">
                {title}" · "<a href=url.into_string() rel="noopener noreferrer">{s.open_embed}</a>
            </figcaption>
        </figure>
    }
}

/// The nearest of the shapes the stylesheet knows: no inline `style`, which
/// the Content-Security-Policy forbids.
fn ratio_class(width: u32, height: u32) -> &'static str {
    const SHAPES: [(&str, f64); 7] = [
        ("21x9", 21.0 / 9.0),
        ("16x9", 16.0 / 9.0),
        ("3x2", 1.5),
        ("4x3", 4.0 / 3.0),
        ("1x1", 1.0),
        ("9x16", 9.0 / 16.0),
        ("4x1", 4.0),
    ];
    let ratio = f64::from(width.max(1)) / f64::from(height.max(1));
    SHAPES
        .iter()
        .min_by(|a, b| (a.1 / ratio).ln().abs().total_cmp(&(b.1 / ratio).ln().abs()))
        .map_or("16x9", |s| s.0)
}

#[cfg(test)]
mod tests {
    use super::checked_urls;
    use kiosque_core::model::SafeUrl;

    #[test]
    fn an_embed_needs_a_safe_link_and_an_https_player() {
        let page = "https://www.youtube.com/watch?v=abc";
        let player = "https://www.youtube-nocookie.com/embed/abc";
        assert_eq!(
            checked_urls(page, player),
            Some((SafeUrl::new(page).unwrap(), SafeUrl::new(player).unwrap()))
        );
        for bad in [
            "javascript:window.__xss='x'",
            "JAVASCRIPT:window.__xss='x'",
            "data:text/html,<script>window.__xss='x'</script>",
            "http://player.example/embed",
            "/local/player",
        ] {
            assert_eq!(checked_urls(page, bad), None, "player {bad:?}");
        }
        assert_eq!(checked_urls("javascript:window.__xss='x'", player), None);
        assert_eq!(checked_urls("vbscript:msgbox(1)", player), None);
    }

    #[test]
    fn embeds_take_the_nearest_shape() {
        assert_eq!(super::ratio_class(560, 315), "16x9");
        assert_eq!(super::ratio_class(640, 480), "4x3");
        assert_eq!(super::ratio_class(300, 300), "1x1");
        assert_eq!(super::ratio_class(100, 166), "9x16");
        assert_eq!(super::ratio_class(0, 0), "1x1");
        assert_eq!(super::ratio_class(600, 166), "4x1");
    }
}
