//! Messages with arguments, written whole per locale so that punctuation
//! and word order are the locale's own: French puts a narrow no-break
//! space (U+202F) before « : ; ! ? » and inside guillemets, English uses
//! curly quotes, Arabic uses « » without spaces and its own comma (،).
//! Views call these instead of gluing table strings together.

use super::Locale;

/// French's thin space before high punctuation and inside « »: it never
/// breaks, so a colon or guillemet never starts a line.
pub(super) const NNBSP: char = '\u{202F}';

impl Locale {
    /// A quotation: « mot », “word”, «كلمة».
    pub fn quoted(self, text: &str) -> String {
        match self {
            Locale::Fr => format!("«{NNBSP}{text}{NNBSP}»"),
            Locale::En => format!("“{text}”"),
            Locale::Ar => format!("«{text}»"),
        }
    }

    /// "Source : AFP", "Source: AFP", "المصدر: AFP".
    pub fn labelled(self, label: &str, value: &str) -> String {
        match self {
            Locale::Fr => format!("{label}{NNBSP}: {value}"),
            Locale::En | Locale::Ar => format!("{label}: {value}"),
        }
    }

    /// "Page 2 sur 5".
    pub fn page_of(self, page: u32, total: u32) -> String {
        match self {
            Locale::Fr => format!("Page {page} sur {total}"),
            Locale::En => format!("Page {page} of {total}"),
            Locale::Ar => format!("الصفحة {page} من {total}"),
        }
    }

    /// "Sport — Page 2 sur 5": a title past the first page.
    pub fn paged(self, title: &str, page: u32, total: u32) -> String {
        format!("{title} — {}", self.page_of(page, total))
    }

    /// The search page's title: "Résultats pour « mot »".
    pub fn search_title(self, query: &str) -> String {
        let q = self.quoted(query);
        match self {
            Locale::Fr => format!("Résultats pour {q}"),
            Locale::En => format!("Results for {q}"),
            Locale::Ar => format!("نتائج البحث عن {q}"),
        }
    }

    /// What goes between the names of a list (bylines): nothing before the
    /// first, "et"/"and"/"و" before the last, a comma elsewhere. Arabic's
    /// "و" is joined to the name that follows.
    pub fn list_separator(self, index: usize, len: usize) -> &'static str {
        match (self, index) {
            (_, 0) => "",
            (Locale::Fr, i) if i + 1 == len => " et ",
            (Locale::En, i) if i + 1 == len => " and ",
            (Locale::Ar, i) if i + 1 == len => " و",
            (Locale::Ar, _) => "، ",
            _ => ", ",
        }
    }

    /// The colour-theme button: "Thème : Auto. Passer au thème clair".
    pub fn theme_label(self, state: &str, action: &str) -> String {
        let label = match self {
            Locale::Fr => "Thème",
            Locale::En => "Theme",
            Locale::Ar => "المظهر",
        };
        format!("{}. {action}", self.labelled(label, state))
    }

    /// "© 2026 Le Journal. Tous droits réservés."
    pub fn copyright(self, year: i64, site: &str) -> String {
        format!("© {year} {site}. {}", self.strings().rights)
    }

    /// "Publié le 8 février 2026 à 10 h 15".
    pub fn published_on(self, date: &str, time: &str) -> String {
        match self {
            Locale::Fr => format!("Publié le {date} à {time}"),
            Locale::En => format!("Published {date} at {time}"),
            Locale::Ar => format!("نُشر في {date} الساعة {time}"),
        }
    }

    /// "Modifié le 9 février 2026 à 9 h 05".
    pub fn modified_on(self, date: &str, time: &str) -> String {
        match self {
            Locale::Fr => format!("Modifié le {date} à {time}"),
            Locale::En => format!("Updated {date} at {time}"),
            Locale::Ar => format!("عُدّل في {date} الساعة {time}"),
        }
    }

    /// "Modifié à 14 h 40": a modification the same day.
    pub fn modified_at(self, time: &str) -> String {
        match self {
            Locale::Fr => format!("Modifié à {time}"),
            Locale::En => format!("Updated at {time}"),
            Locale::Ar => format!("عُدّل الساعة {time}"),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn french_puts_a_narrow_no_break_space_before_colons_and_inside_guillemets() {
        let fr = Locale::Fr;
        assert_eq!(fr.labelled("Source", "AFP"), "Source\u{202F}: AFP");
        assert_eq!(fr.search_title("eau"), "Résultats pour «\u{202F}eau\u{202F}»");
        assert_eq!(
            fr.theme_label("Auto", "Passer au thème clair"),
            "Thème\u{202F}: Auto. Passer au thème clair"
        );
    }

    #[test]
    fn english_and_arabic_use_their_own_quotes_and_colons() {
        assert_eq!(Locale::En.labelled("Source", "AFP"), "Source: AFP");
        assert_eq!(Locale::En.search_title("water"), "Results for “water”");
        assert_eq!(Locale::Ar.search_title("ماء"), "نتائج البحث عن «ماء»");
        assert_eq!(Locale::Ar.page_of(2, 5), "الصفحة 2 من 5");
        assert_eq!(Locale::En.paged("Sport", 2, 5), "Sport — Page 2 of 5");
    }

    #[test]
    fn lists_join_with_the_locale_comma_and_conjunction() {
        let join = |l: Locale, names: &[&str]| -> String {
            let n = names.len();
            names
                .iter()
                .enumerate()
                .map(|(i, name)| format!("{}{name}", l.list_separator(i, n)))
                .collect()
        };
        assert_eq!(join(Locale::Fr, &["A", "B", "C"]), "A, B et C");
        assert_eq!(join(Locale::En, &["A", "B"]), "A and B");
        assert_eq!(join(Locale::Ar, &["أ", "ب", "ج"]), "أ، ب وج");
    }

    #[test]
    fn the_string_tables_follow_the_same_typography() {
        // Debug quotes each string: a plain or no-break space before high
        // punctuation, or a Latin comma or question mark in Arabic, shows.
        let fr = format!("{:?}", Locale::Fr.strings());
        for bad in [" :", " ;", " !", " ?", "\u{A0}:", "« ", " »"] {
            assert!(!fr.contains(bad), "French table has {bad:?}");
        }
        let ar = format!("{:?}", Locale::Ar.strings());
        assert!(!ar.contains('?') && !ar.contains(';'), "Arabic uses ؟ and ؛");
        assert!(!ar.contains(",\""), "no Latin comma ends an Arabic string");
    }
}
