//! Splitting a caption's text from its credit.

/// Words that introduce a credit in a caption ("Crédit : AFP").
const CREDIT_LABELS: [&str; 6] = ["crédits", "crédit", "credits", "credit", "photos", "photo"];

pub(super) fn non_empty(s: &str) -> Option<String> {
    let s = s.trim();
    (!s.is_empty()).then(|| s.to_string())
}

/// Separators left at the end of a caption once its credit is cut off.
pub(super) fn trim_seps(s: &str) -> &str {
    s.trim_end_matches(|c: char| c.is_whitespace() || matches!(c, ',' | ';' | ':' | '—' | '–' | '-' | '|' | '/' | '('))
}

/// Case-insensitive prefix match; the rest of `hay` after `needle`.
fn strip_prefix_ci<'a>(hay: &'a str, needle: &str) -> Option<&'a str> {
    let mut h = hay.char_indices();
    for n in needle.chars() {
        let (_, c) = h.next()?;
        if !c.to_lowercase().eq(n.to_lowercase()) {
            return None;
        }
    }
    hay.get(h.offset()..)
}

/// Finds "Crédit :" (or Credit, Photo…) at a word start: `(before, after)`.
pub(super) fn credit_label(s: &str) -> Option<(&str, &str)> {
    let mut prev_alnum = false;
    for (i, c) in s.char_indices() {
        let at_word = !prev_alnum;
        prev_alnum = c.is_alphanumeric();
        if !at_word {
            continue;
        }
        let rest = s.get(i..)?;
        for label in CREDIT_LABELS {
            let Some(after) = strip_prefix_ci(rest, label) else {
                continue;
            };
            if let Some(value) = after.trim_start().strip_prefix(':') {
                return Some((s.get(..i)?, value.trim()));
            }
        }
    }
    None
}

pub(super) fn split_credit(s: &str) -> (Option<String>, Option<String>) {
    if let Some((before, after)) = credit_label(s) {
        let mut credit = after;
        if trim_seps(before).len() < before.trim_end().len() && credit.ends_with(')') && !credit.contains('(') {
            credit = credit.trim_end_matches(')'); // "(Crédit : AFP)"
        }
        return (non_empty(trim_seps(before)), non_empty(credit));
    }
    // The last " — " with whitespace on both sides.
    let mut dashes = s.char_indices().filter(|&(i, c)| {
        c == '—'
            && s.get(..i)
                .and_then(|b| b.chars().next_back())
                .is_some_and(char::is_whitespace)
            && s.get(i + c.len_utf8()..)
                .and_then(|a| a.chars().next())
                .is_some_and(char::is_whitespace)
    });
    if let Some((i, c)) = dashes.next_back() {
        let (before, after) = (s.get(..i).unwrap_or(""), s.get(i + c.len_utf8()..).unwrap_or(""));
        if let (Some(b), Some(a)) = (non_empty(before), non_empty(after)) {
            return (Some(b), Some(a));
        }
    }
    (non_empty(s), None)
}

#[cfg(test)]
mod tests {
    use super::split_credit;

    fn p(a: Option<&str>, b: Option<&str>) -> (Option<String>, Option<String>) {
        (a.map(String::from), b.map(String::from))
    }

    #[test]
    fn credit_label_forms() {
        assert_eq!(split_credit("Un chat. Crédit : AFP"), p(Some("Un chat."), Some("AFP")));
        assert_eq!(
            split_credit("Un chat (Crédit\u{A0}: Jean Dupont)"),
            p(Some("Un chat"), Some("Jean Dupont"))
        );
        assert_eq!(
            split_credit("Un chat – Photo: Reuters"),
            p(Some("Un chat"), Some("Reuters"))
        );
        assert_eq!(split_credit("CRÉDITS : X / Y"), p(None, Some("X / Y")));
        assert_eq!(
            split_credit("La photographie : un art"),
            p(Some("La photographie : un art"), None)
        );
    }

    #[test]
    fn trailing_em_dash() {
        assert_eq!(
            split_credit("Le port de Brest — Marie Curie"),
            p(Some("Le port de Brest"), Some("Marie Curie"))
        );
        assert_eq!(split_credit("a — b — c"), p(Some("a — b"), Some("c")));
        assert_eq!(split_credit("2019—2020"), p(Some("2019—2020"), None));
        assert_eq!(split_credit("Sans crédit"), p(Some("Sans crédit"), None));
        assert_eq!(split_credit(""), p(None, None));
    }
}
