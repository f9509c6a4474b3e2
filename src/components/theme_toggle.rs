use leptos::prelude::*;

use crate::context::use_ctx;
use crate::platform;
use kiosque_core::i18n::{Locale, Strings};

/// The `localStorage` key holding the reader's choice ("light" or "dark";
/// absent for auto). The inline script in `index.html` reads the same key
/// before the stylesheet applies, so the page never flashes the wrong theme.
pub const THEME_KEY: &str = "kiosque-theme";

/// The attribute on `<html>` that `style/main.css` reads.
const THEME_ATTR: &str = "data-theme";

/// The colour theme: the device's setting (auto), or a forced one.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub enum Theme {
    #[default]
    Auto,
    Light,
    Dark,
}

impl Theme {
    /// A stored value; anything unknown means auto.
    pub fn from_stored(value: Option<&str>) -> Theme {
        match value {
            Some("light") => Theme::Light,
            Some("dark") => Theme::Dark,
            _ => Theme::Auto,
        }
    }

    /// What is stored and set as `data-theme`; auto removes both.
    pub fn stored(self) -> Option<&'static str> {
        match self {
            Theme::Auto => None,
            Theme::Light => Some("light"),
            Theme::Dark => Some("dark"),
        }
    }

    /// The click cycle: auto → light → dark → auto.
    pub fn next(self) -> Theme {
        match self {
            Theme::Auto => Theme::Light,
            Theme::Light => Theme::Dark,
            Theme::Dark => Theme::Auto,
        }
    }

    /// The CSS hook for the state's name (`data-state`); `<html data-theme>`
    /// has the same values, auto excepted (no attribute).
    pub fn key(self) -> &'static str {
        match self {
            Theme::Auto => "auto",
            Theme::Light => "light",
            Theme::Dark => "dark",
        }
    }

    fn name(self, s: &Strings) -> &'static str {
        match self {
            Theme::Auto => s.theme_auto,
            Theme::Light => s.theme_light,
            Theme::Dark => s.theme_dark,
        }
    }

    /// What switching to this theme is called.
    fn action(self, s: &Strings) -> &'static str {
        match self {
            Theme::Auto => s.theme_to_auto,
            Theme::Light => s.theme_to_light,
            Theme::Dark => s.theme_to_dark,
        }
    }

    /// "Thème : Auto. Passer au thème clair": the state shown, then what a
    /// click does.
    pub fn label(self, locale: Locale) -> String {
        let s = locale.strings();
        locale.theme_label(self.name(s), self.next().action(s))
    }
}

/// The colour-theme button: auto → light → dark → auto. Its state is
/// `<html data-theme>`, which the inline script in `index.html` sets from
/// storage before the stylesheet applies, not a signal: the button holds the
/// name and the accessible name of every state, and the stylesheet shows the
/// one `<html>` is in. So it is right before the app runs (a click then is
/// held by the loader and made once the app runs: `.app-action`), and a
/// prerendered page is the same for every reader.
#[component]
pub fn ThemeToggle() -> impl IntoView {
    let locale = use_ctx().locale;
    let s = locale.strings();
    let on_click = move |_| {
        let next = Theme::from_stored(platform::root_attribute(THEME_ATTR).as_deref()).next();
        platform::storage_set(THEME_KEY, next.stored());
        platform::set_root_attribute(THEME_ATTR, next.stored());
    };
    let states = [Theme::Auto, Theme::Light, Theme::Dark].map(|t| {
        view! {
            <span class="theme-toggle__is" data-state=t.key()>
                <span class="visually-hidden">{t.label(locale)}</span>
                <span class="theme-toggle__state" aria-hidden="true">{t.name(s)}</span>
            </span>
        }
    });
    view! {
        <button type="button" class="theme-toggle app-action" on:click=on_click>
            <svg class="theme-toggle__icon" viewBox="0 0 24 24" aria-hidden="true">
                <g class="theme-toggle__auto">
                    <circle cx="12" cy="12" r="8" fill="none" stroke="currentColor" stroke-width="2"></circle>
                    <path d="M12 4a8 8 0 0 0 0 16z" fill="currentColor"></path>
                </g>
                <g class="theme-toggle__light">
                    <circle cx="12" cy="12" r="4.5" fill="currentColor"></circle>
                    <path
                        d="M12 1.5v3M12 19.5v3M1.5 12h3M19.5 12h3M4.6 4.6l2.1 2.1M17.3 17.3l2.1 2.1M4.6 19.4l2.1-2.1M17.3 6.7l2.1-2.1"
                        stroke="currentColor"
                        stroke-width="2"
                        stroke-linecap="round"
                    ></path>
                </g>
                <g class="theme-toggle__dark">
                    <path d="M20.5 14.6A8.5 8.5 0 0 1 9.4 3.5a8.5 8.5 0 1 0 11.1 11.1z" fill="currentColor"></path>
                </g>
            </svg>
            {states}
        </button>
    }
}

#[cfg(test)]
mod tests {
    use super::Theme;
    use kiosque_core::i18n::Locale;

    #[test]
    fn the_cycle_is_auto_light_dark_and_round_trips_through_storage() {
        let mut t = Theme::Auto;
        let mut seen = vec![];
        for _ in 0..3 {
            t = t.next();
            seen.push(t);
            assert_eq!(Theme::from_stored(t.stored()), t);
        }
        assert_eq!(seen, [Theme::Light, Theme::Dark, Theme::Auto]);
        assert_eq!(Theme::Auto.stored(), None);
        assert_eq!(Theme::from_stored(Some("sepia")), Theme::Auto);
    }

    /// The page is the same for every reader: the button holds every
    /// state, and nothing in it depends on what this reader stored.
    #[cfg(feature = "ssr")]
    #[test]
    fn the_button_holds_every_state_and_no_reader_state() {
        use leptos::prelude::*;
        let html = crate::context::render_for_test(|| view! { <super::ThemeToggle/> });
        let button = &html[..html.find('>').unwrap_or(0)];
        assert!(button.contains(r#"class="theme-toggle app-action""#), "{button}");
        assert!(
            !button.contains("data-state") && !button.contains("aria-label"),
            "{button}"
        );
        for t in [Theme::Auto, Theme::Light, Theme::Dark] {
            let label = t.label(Locale::Fr);
            let state = &html[html.find(&format!(r#"data-state="{}""#, t.key())).unwrap_or(0)..];
            assert!(
                state.starts_with("data-state")
                    && state.contains(&format!(r#"<span class="visually-hidden">{label}<"#)),
                "{html}"
            );
        }
    }

    #[test]
    fn the_label_names_the_state_and_the_next_action() {
        let fr = Locale::Fr;
        assert_eq!(Theme::Auto.label(fr), "Thème\u{202F}: Auto. Passer au thème clair");
        assert_eq!(
            Theme::Dark.label(fr),
            "Thème\u{202F}: Sombre. Suivre le réglage de l’appareil"
        );
        for l in [Locale::Fr, Locale::En, Locale::Ar] {
            let s = l.strings();
            for t in [Theme::Auto, Theme::Light, Theme::Dark] {
                assert!(t.label(l).contains(t.name(s)), "the visible state is part of the name");
            }
        }
    }
}
