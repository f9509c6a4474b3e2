use leptos::prelude::*;

use kiosque_core::model::{Image, SafeUrl};

/// An image with its intrinsic size (no layout shift), `srcset`, and lazy
/// loading unless it is above the fold. An image that fails to load is
/// replaced by a blank of the same size (the page's image background shows
/// through): no broken-image icon, no alt text spilling over the layout.
#[component]
pub fn Picture(
    image: Image,
    /// The `sizes` attribute: how wide the image is drawn.
    #[prop(into)]
    sizes: String,
    /// Above the fold: load now, with high priority (the hero).
    #[prop(optional)]
    priority: bool,
    #[prop(optional, into)] class: Option<String>,
) -> impl IntoView {
    let image = checked_image(image);
    let srcset = image.srcset();
    let failed = RwSignal::new(false);
    let blank = SafeUrl::blank_image(image.width, image.height).into_string();
    let url = if image.url.is_empty() { blank.clone() } else { image.url };
    // A prerendered image may fail before the app is there to hear it.
    let img = NodeRef::<leptos::html::Img>::new();
    Effect::new(move |_| {
        if img.get().is_some_and(|i| crate::platform::image_broken(&i)) {
            failed.set(true);
        }
    });
    view! {
        <img
            node_ref=img
            class=class
            src=move || if failed.get() { blank.clone() } else { url.clone() }
            srcset=move || srcset.clone().filter(|_| !failed.get())
            sizes=sizes
            width=image.width
            height=image.height
            alt=image.alt
            loading=if priority { "eager" } else { "lazy" }
            fetchpriority=if priority { Some("high") } else { None }
            decoding=if priority { "sync" } else { "async" }
            on:error=move |_| failed.set(true)
        />
    }
}

/// The image with only URLs that make a [`SafeUrl`]: a refused `url`
/// becomes empty (drawn as the blank), refused renditions are dropped. The
/// static API's documents reach the page unchecked.
pub fn checked_image(mut image: Image) -> Image {
    image.url = SafeUrl::new(&image.url).map(SafeUrl::into_string).unwrap_or_default();
    image
        .sources
        .retain(|s| SafeUrl::new(&s.url).is_some_and(|u| u.as_str() == s.url));
    image
}

#[cfg(test)]
mod tests {
    use super::checked_image;
    use kiosque_core::model::{Image, ImageSource};

    #[test]
    fn image_urls_are_checked() {
        let source = |url: &str| ImageSource {
            url: url.into(),
            width: 480,
            height: 270,
        };
        let image = Image {
            url: "javascript:window.__xss='img'".into(),
            width: 1200,
            height: 675,
            alt: String::new(),
            caption: None,
            credit: None,
            sources: vec![
                source("/media/a-480.jpg"),
                source("data:text/html,<script>window.__xss=1</script>"),
                source("JaVaScRiPt:window.__xss=1"),
                source("https://cdn.example/a-800.jpg"),
            ],
        };
        let checked = checked_image(image);
        assert_eq!(checked.url, "");
        let urls: Vec<&str> = checked.sources.iter().map(|s| s.url.as_str()).collect();
        assert_eq!(urls, ["/media/a-480.jpg", "https://cdn.example/a-800.jpg"]);
    }

    #[test]
    fn the_blank_has_the_image_size() {
        assert_eq!(
            kiosque_core::model::SafeUrl::blank_image(1200, 800).as_str(),
            "data:image/svg+xml,%3Csvg xmlns='http://www.w3.org/2000/svg' width='1200' height='800'%3E%3C/svg%3E"
        );
    }
}
