use leptos::prelude::*;

use crate::context::use_ctx;
use crate::model::EmbedProvider;

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
