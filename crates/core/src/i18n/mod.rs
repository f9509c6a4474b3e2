//! UI text per locale: a typed table of plain strings (a missing string is
//! a compile error, not a blank), messages with arguments written whole per
//! locale, plural categories and time zones from the platform's CLDR and
//! IANA data. Everything formats identically natively and in wasm, so
//! prerendered text matches after hydration.

mod comment_form;
mod counts;
mod date_style;
mod dates;
mod messages;
mod plural;
mod preview;
mod strings;
mod tz;

#[cfg(not(target_arch = "wasm32"))]
#[path = "native.rs"]
mod platform;
#[cfg(target_arch = "wasm32")]
#[path = "web.rs"]
mod platform;

pub use comment_form::FormStrings;
pub use date_style::{DateStyle, Order as DateOrder};
pub use dates::{format_date, format_date_in, format_date_styled, format_published};
pub use plural::Plural;
pub use preview::PreviewStrings;
pub use strings::Strings;
pub use tz::offset_at as zone_offset;

use crate::http::FetchError;

#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash, serde::Serialize, serde::Deserialize)]
pub enum Locale {
    #[default]
    Fr,
    En,
    Ar,
}

impl Locale {
    /// Unknown codes fall back to French, the default.
    pub fn from_code(code: &str) -> Locale {
        match code
            .split(['-', '_'])
            .next()
            .unwrap_or("")
            .to_ascii_lowercase()
            .as_str()
        {
            "en" => Locale::En,
            "ar" => Locale::Ar,
            _ => Locale::Fr,
        }
    }

    pub fn code(self) -> &'static str {
        match self {
            Locale::Fr => "fr",
            Locale::En => "en",
            Locale::Ar => "ar",
        }
    }

    pub fn dir(self) -> &'static str {
        match self {
            Locale::Ar => "rtl",
            _ => "ltr",
        }
    }

    pub fn strings(self) -> &'static Strings {
        match self {
            Locale::Fr => &strings::FR,
            Locale::En => &strings::EN,
            Locale::Ar => &strings::AR,
        }
    }

    /// The reader-facing message for a failed request.
    pub fn fetch_error(self, e: &FetchError) -> &'static str {
        let s = self.strings();
        match e {
            FetchError::Offline => s.err_offline,
            FetchError::Timeout => s.err_timeout,
            FetchError::NotFound => s.err_not_found,
            FetchError::Server(_) => s.err_server,
            FetchError::Denied(_) => s.err_denied,
            FetchError::Status(_) => s.err_status,
            FetchError::BadData(_) => s.err_bad_data,
            FetchError::TooLarge => s.err_too_large,
            FetchError::Aborted => s.err_aborted,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn locale_codes_round_trip_and_default_to_french() {
        for l in [Locale::Fr, Locale::En, Locale::Ar] {
            assert_eq!(Locale::from_code(l.code()), l);
        }
        assert_eq!(Locale::from_code("en-GB"), Locale::En);
        assert_eq!(Locale::from_code("xx"), Locale::Fr);
        assert_eq!(Locale::Ar.dir(), "rtl");
    }

    #[test]
    fn every_error_has_a_distinct_message() {
        let errs = [
            FetchError::Offline,
            FetchError::Timeout,
            FetchError::NotFound,
            FetchError::Server(500),
            FetchError::Denied(403),
            FetchError::Status(418),
            FetchError::BadData(String::new()),
            FetchError::TooLarge,
            FetchError::Aborted,
        ];
        for l in [Locale::Fr, Locale::En, Locale::Ar] {
            let mut seen: Vec<&str> = errs.iter().map(|e| l.fetch_error(e)).collect();
            seen.sort();
            seen.dedup();
            assert_eq!(seen.len(), errs.len());
        }
    }
}
