//! Text folding for search: the same function folds the index (when it is
//! written) and the query (when it is read), so accents and case never
//! decide a match.

/// Folds text for matching: lowercase, Latin accents removed (`é`→`e`,
/// `ç`→`c`, `œ`→`oe`, `æ`→`ae`, `ß`→`ss`), apostrophes and punctuation
/// turned into spaces, runs of spaces collapsed, no leading/trailing space.
/// Non-Latin scripts (Arabic…) are kept as they are, marks included.
pub fn fold(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    // True when the last pushed char is a space (or nothing was pushed yet).
    let mut space = true;
    for c in s.chars() {
        for l in c.to_lowercase() {
            match fold_char(l) {
                Folded::Keep(k) => {
                    out.push(k);
                    space = false;
                }
                Folded::Str(t) => {
                    out.push_str(t);
                    space = false;
                }
                Folded::Drop => {}
                Folded::Space => {
                    if !space {
                        out.push(' ');
                        space = true;
                    }
                }
            }
        }
    }
    if out.ends_with(' ') {
        out.pop();
    }
    out
}

/// A URL slug from a display name: folded, words joined with `-`
/// (`"Énergie solaire"` → `energie-solaire`, `"L’été"` → `l-ete`).
pub fn slugify(s: &str) -> String {
    fold(s)
        .split(' ')
        .filter(|w| !w.is_empty())
        .collect::<Vec<_>>()
        .join("-")
}

enum Folded {
    Keep(char),
    Str(&'static str),
    Drop,
    Space,
}

fn fold_char(c: char) -> Folded {
    use Folded::*;
    let base = match c {
        'à' | 'á' | 'â' | 'ã' | 'ä' | 'å' | 'ā' | 'ă' | 'ą' => 'a',
        'ç' | 'ć' | 'ĉ' | 'ċ' | 'č' => 'c',
        'ď' | 'đ' | 'ð' => 'd',
        'è' | 'é' | 'ê' | 'ë' | 'ē' | 'ĕ' | 'ė' | 'ę' | 'ě' => 'e',
        'ĝ' | 'ğ' | 'ġ' | 'ģ' => 'g',
        'ĥ' | 'ħ' => 'h',
        'ì' | 'í' | 'î' | 'ï' | 'ĩ' | 'ī' | 'ĭ' | 'į' | 'ı' => 'i',
        'ĵ' => 'j',
        'ķ' => 'k',
        'ĺ' | 'ļ' | 'ľ' | 'ŀ' | 'ł' => 'l',
        'ñ' | 'ń' | 'ņ' | 'ň' => 'n',
        'ò' | 'ó' | 'ô' | 'õ' | 'ö' | 'ø' | 'ō' | 'ŏ' | 'ő' => 'o',
        'ŕ' | 'ŗ' | 'ř' => 'r',
        'ś' | 'ŝ' | 'ş' | 'š' | 'ș' => 's',
        'ţ' | 'ť' | 'ŧ' | 'ț' => 't',
        'ù' | 'ú' | 'û' | 'ü' | 'ũ' | 'ū' | 'ŭ' | 'ů' | 'ű' | 'ų' => 'u',
        'ŵ' => 'w',
        'ý' | 'ÿ' | 'ŷ' => 'y',
        'ź' | 'ż' | 'ž' => 'z',
        'œ' => return Str("oe"),
        'æ' => return Str("ae"),
        'ß' => return Str("ss"),
        'þ' => return Str("th"),
        'ĳ' => return Str("ij"),
        'ﬁ' => return Str("fi"),
        'ﬂ' => return Str("fl"),
        // Combining Latin diacritics (text in decomposed form): dropped.
        '\u{0300}'..='\u{036f}' => return Drop,
        // Soft hyphen and zero-width characters: invisible, dropped.
        '\u{00ad}' | '\u{200b}'..='\u{200d}' | '\u{2060}' | '\u{feff}' => return Drop,
        // Arabic marks (harakat, superscript alef, Quranic marks) and
        // tatweel belong to the word: kept untouched.
        '\u{0610}'..='\u{061a}' | '\u{0640}' | '\u{064b}'..='\u{065f}' | '\u{0670}' | '\u{06d6}'..='\u{06ed}' => {
            return Keep(c)
        }
        c if c.is_alphanumeric() => c,
        // Apostrophes, punctuation, symbols, whitespace: word separators.
        _ => return Space,
    };
    Keep(base)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn fold_lowercases_and_strips_latin_accents() {
        assert_eq!(fold("Économie"), "economie");
        assert_eq!(fold("ÉTÉ À Fès, Ça Déménage"), "ete a fes ca demenage");
        assert_eq!(
            fold("Noël, naïve, où, Über, Ñandú, Åsa, Øre"),
            "noel naive ou uber nandu asa ore"
        );
        assert_eq!(fold("Łódź Şanlıurfa Dvořák"), "lodz sanliurfa dvorak");
    }

    #[test]
    fn fold_expands_ligatures_and_sharp_s() {
        assert_eq!(fold("Œuvre cœur"), "oeuvre coeur");
        assert_eq!(fold("Ex æquo, Cæsar"), "ex aequo caesar");
        assert_eq!(fold("Straße"), "strasse");
        assert_eq!(fold("ﬁlm"), "film");
    }

    #[test]
    fn fold_turns_apostrophes_and_punctuation_into_single_spaces() {
        assert_eq!(fold("l’économie"), "l economie");
        assert_eq!(fold("L'Économie d’aujourd’hui"), "l economie d aujourd hui");
        assert_eq!(
            fold("  «  Rabat—Salé ! » (2026) ; Aït-Baha…  "),
            "rabat sale 2026 ait baha"
        );
        assert_eq!(fold("a\u{a0}\u{202f}b\n\tc"), "a b c");
        assert_eq!(fold(""), "");
        assert_eq!(fold(" ’ ! "), "");
    }

    #[test]
    fn fold_handles_decomposed_accents_and_keeps_arabic() {
        assert_eq!(fold("Ecole\u{0301} e\u{0300}"), "ecole e");
        assert_eq!(fold("المغرب العربي"), "المغرب العربي");
        // Harakat stay attached to their word.
        assert_eq!(fold("كِتَابٌ، جديد"), "كِتَابٌ جديد");
        assert_eq!(fold("Maroc المغرب 2026"), "maroc المغرب 2026");
    }

    #[test]
    fn slugify_joins_folded_words() {
        assert_eq!(slugify("Énergie"), "energie");
        assert_eq!(slugify("Coupe d’Afrique des nations"), "coupe-d-afrique-des-nations");
        assert_eq!(slugify("  CAN 2027 "), "can-2027");
        assert_eq!(slugify("Start-up & innovation"), "start-up-innovation");
        assert_eq!(slugify("!!!"), "");
    }
}
