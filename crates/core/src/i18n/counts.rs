//! Messages about a count, one form per CLDR plural category. The category
//! comes from `Locale::plural` (CLDR data, never hand-written rules):
//! French treats 0 and 1 alike; Arabic has zero, one, two, few, many and
//! other. tests/i18n.rs holds the expected sentences, checked natively and
//! in the browser.

use super::{Locale, Plural};

impl Locale {
    /// "3 résultats pour « eau »".
    pub fn results_for(self, n: u64, query: &str) -> String {
        let q = self.quoted(query);
        match (self, self.plural(n)) {
            (Locale::Fr, Plural::One) => format!("{n} résultat pour {q}"),
            (Locale::Fr, Plural::Many) => format!("{n} de résultats pour {q}"),
            (Locale::Fr, _) => format!("{n} résultats pour {q}"),
            (Locale::En, Plural::One) => format!("{n} result for {q}"),
            (Locale::En, _) => format!("{n} results for {q}"),
            (Locale::Ar, Plural::Zero) => format!("لا نتائج للبحث عن {q}"),
            (Locale::Ar, Plural::One) => format!("نتيجة واحدة للبحث عن {q}"),
            (Locale::Ar, Plural::Two) => format!("نتيجتان للبحث عن {q}"),
            (Locale::Ar, Plural::Few) => format!("{n} نتائج للبحث عن {q}"),
            (Locale::Ar, Plural::Many) => format!("{n} نتيجةً للبحث عن {q}"),
            (Locale::Ar, _) => format!("{n} نتيجة للبحث عن {q}"),
        }
    }

    /// "0 commentaire", "2 commentaires", "تعليقان".
    pub fn comments(self, n: u64) -> String {
        match (self, self.plural(n)) {
            (Locale::Fr, Plural::One) => format!("{n} commentaire"),
            (Locale::Fr, Plural::Many) => format!("{n} de commentaires"),
            (Locale::Fr, _) => format!("{n} commentaires"),
            (Locale::En, Plural::One) => format!("{n} comment"),
            (Locale::En, _) => format!("{n} comments"),
            (Locale::Ar, Plural::Zero) => "لا تعليقات".to_string(),
            (Locale::Ar, Plural::One) => "تعليق واحد".to_string(),
            (Locale::Ar, Plural::Two) => "تعليقان".to_string(),
            (Locale::Ar, Plural::Few) => format!("{n} تعليقات"),
            (Locale::Ar, Plural::Many) => format!("{n} تعليقًا"),
            (Locale::Ar, _) => format!("{n} تعليق"),
        }
    }

    /// "4 min de lecture", "4 min read", "4 دقائق قراءة".
    pub fn reading_time(self, minutes: u32) -> String {
        let n = minutes;
        match (self, self.plural(u64::from(n))) {
            (Locale::Fr, _) => format!("{n} min de lecture"),
            (Locale::En, _) => format!("{n} min read"),
            (Locale::Ar, Plural::One) => "دقيقة قراءة واحدة".to_string(),
            (Locale::Ar, Plural::Two) => "دقيقتا قراءة".to_string(),
            (Locale::Ar, Plural::Few) => format!("{n} دقائق قراءة"),
            (Locale::Ar, _) => format!("{n} دقيقة قراءة"),
        }
    }
}
