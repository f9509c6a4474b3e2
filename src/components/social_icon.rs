//! Small monochrome glyphs for the footer's social links, drawn for Kiosque
//! (24×24, `currentColor`, decorative: the link's text names the network).
//! A network without a glyph gets a generic link symbol.

use leptos::prelude::*;

/// The glyph's path data and whether it is stroked (else filled).
fn glyph(network: &str) -> (&'static str, bool) {
    match network {
        "facebook" => (
            "M14 21v-7h2.6l.4-3H14V9.2c0-.9.3-1.5 1.5-1.5H17V5.1c-.3 0-1.2-.1-2.2-.1C12.6 5 11 6.3 11 8.8V11H8.5v3H11v7z",
            false,
        ),
        "x" | "twitter" => ("M5 4l14 16M19 4L5 20", true),
        "instagram" => ("M7 3h10a4 4 0 0 1 4 4v10a4 4 0 0 1-4 4H7a4 4 0 0 1-4-4V7a4 4 0 0 1 4-4zM12 8.5a3.5 3.5 0 1 0 0 7 3.5 3.5 0 0 0 0-7zM17 6.5v.01", true),
        "youtube" => ("M3 8.5C3 6.6 4.6 5 6.5 5h11C19.4 5 21 6.6 21 8.5v7c0 1.9-1.6 3.5-3.5 3.5h-11A3.5 3.5 0 0 1 3 15.5zM10 9v6l5-3z", false),
        "linkedin" => ("M4 9h3.2v11H4zM5.6 3.8a1.8 1.8 0 1 1 0 3.6 1.8 1.8 0 0 1 0-3.6zM9.4 9h3v1.6c.5-.9 1.6-1.8 3.3-1.8 3.4 0 4 2.2 4 5.1V20h-3.2v-5.4c0-1.3 0-2.9-1.8-2.9s-2.1 1.4-2.1 2.8V20H9.4z", false),
        "rss" => ("M5 19a1 1 0 1 0 0-.01M4 11a9 9 0 0 1 9 9M4 4a16 16 0 0 1 16 16", true),
        _ => ("M10 14a4 4 0 0 0 5.7 0l3-3a4 4 0 0 0-5.7-5.7l-1 1M14 10a4 4 0 0 0-5.7 0l-3 3a4 4 0 0 0 5.7 5.7l1-1", true),
    }
}

#[component]
pub fn SocialIcon(#[prop(into)] network: String) -> impl IntoView {
    let (d, stroked) = glyph(&network);
    let (fill, stroke) = if stroked {
        ("none", "currentColor")
    } else {
        ("currentColor", "none")
    };
    view! {
        <svg class="social-icon" viewBox="0 0 24 24" width="18" height="18" aria-hidden="true" focusable="false"
            fill=fill stroke=stroke stroke-width="2" stroke-linecap="round" stroke-linejoin="round">
            <path d=d/>
        </svg>
    }
}
