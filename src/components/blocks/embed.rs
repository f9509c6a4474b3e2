use leptos::prelude::*;

use crate::context::use_ctx;
use crate::model::EmbedProvider;

/// The page link and the player URL of an embed, when both are safe: the
/// link passes `crate::body::safe_url`, and the player is `https://` (what the
/// WordPress adapter builds). The static API's documents are not checked
/// before they get here, and an iframe would run a `javascript:` player URL.
pub(crate) fn checked_urls(url: &str, embed_url: &str) -> Option<(String, String)> {
    let url = crate::body::safe_url(url)?;
    let embed_url = crate::body::safe_url(embed_url).filter(|u| u.starts_with("https://"))?;
    Some((url, embed_url))
}

/// An allowlisted embed: nothing loads from the provider until the reader
/// asks. Then a sized, sandboxed iframe; the plain link is always there.
#[component]
pub fn Embed(
    provider: EmbedProvider,
    url: String,
    embed_url: String,
    title: String,
    width: u32,
    height: u32,
) -> impl IntoView {
    let s = use_ctx().strings();
    let loaded = RwSignal::new(false);
    let ratio = format!("aspect-ratio: {} / {}", width.max(1), height.max(1));
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
            <div class="embed__frame" style=ratio>
                <Show
                    when=move || loaded.get()
                    fallback=move || {
                        view! {
                            <button type="button" class="embed__load" on:click=move |_| loaded.set(true)>
                                <span class="embed__provider">{provider_name}</span>
                                <span>{s.load_embed}</span>
                            </button>
                        }
                    }
                >
                    <iframe
                        src=embed_url.clone()
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
                {title}" · "<a href=url rel="noopener noreferrer">{s.open_embed}</a>
            </figcaption>
        </figure>
    }
}

#[cfg(test)]
mod tests {
    use super::checked_urls;

    #[test]
    fn an_embed_needs_a_safe_link_and_an_https_player() {
        let page = "https://www.youtube.com/watch?v=abc";
        let player = "https://www.youtube-nocookie.com/embed/abc";
        assert_eq!(checked_urls(page, player), Some((page.into(), player.into())));
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
}
