//! Client-side search over the static search index (`api/search-index.json`).
//!
//! Pure and allocation-light, so it runs in the browser (wasm) as well as in
//! the content command, which uses [`fold`], [`slugify`] and [`index_words`]
//! to build the index.
//!
//! Index format (see docs/content-api.md): `title`, `standfirst` and `tags`
//! keep their display form (they are shown in results and folded at query
//! time); `words` holds the distinct folded body words, space-separated,
//! without short words, stop words, or words already present in the title,
//! standfirst or tags, to keep the index small.

use crate::model::{SearchDoc, SearchIndex};

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

/// Common French (and a few English) words that carry no search meaning.
/// Words shorter than 3 characters are dropped anyway. Folded forms.
const STOP_WORDS: &[&str] = &[
    "afin", "ainsi", "alors", "and", "apres", "au", "aucun", "aussi", "autre", "autres", "aux", "avait", "avant",
    "avec", "avoir", "bien", "car", "ce", "ceci", "cela", "celle", "celles", "celui", "ces", "cet", "cette", "ceux",
    "chez", "comme", "comment", "dans", "deja", "depuis", "des", "dont", "donc", "elle", "elles", "encore", "entre",
    "est", "etaient", "etait", "ete", "etre", "eux", "fait", "faire", "for", "ici", "ils", "leur", "leurs", "lors",
    "lorsque", "les", "lui", "mais", "meme", "memes", "mes", "moins", "nos", "notre", "nous", "ont", "par", "parce",
    "pas", "pendant", "peu", "peut", "plus", "pour", "pourquoi", "puis", "quand", "que", "quel", "quelle", "quelles",
    "quels", "qui", "quoi", "sans", "selon", "sera", "seront", "ses", "son", "sont", "sous", "sur", "tant", "tes",
    "the", "toi", "ton", "tous", "tout", "toute", "toutes", "tres", "trop", "une", "unes", "uns", "vers", "vos",
    "votre", "vous", "with",
];

fn is_stop_word(w: &str) -> bool {
    STOP_WORDS.contains(&w)
}

/// Words worth indexing: at least 3 characters, not a stop word.
fn indexable(w: &str) -> bool {
    w.chars().count() >= 3 && !is_stop_word(w)
}

/// The `words` field of a [`SearchDoc`]: the distinct folded words of
/// `body`, sorted, space-separated, without short words, stop words, and
/// words already found in `already` (title, standfirst, tags: searched on
/// their own).
pub fn index_words(body: &str, already: &[&str]) -> String {
    let mut seen = std::collections::BTreeSet::new();
    let folded = fold(body);
    for w in folded.split(' ') {
        if indexable(w) {
            seen.insert(w);
        }
    }
    let known: Vec<String> = already.iter().map(|s| fold(s)).collect();
    for k in &known {
        for w in k.split(' ') {
            seen.remove(w);
        }
    }
    seen.into_iter().collect::<Vec<_>>().join(" ")
}

/// One search result: the document's position in `SearchIndex::docs`.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct SearchHit {
    pub index: usize,
    pub slug: String,
    pub score: u32,
}

// Per-term scores: where the term matched, exact word or prefix.
const TITLE: (u32, u32) = (100, 60);
const TAG: (u32, u32) = (40, 25);
const STANDFIRST: (u32, u32) = (16, 10);
const BODY: (u32, u32) = (4, 2);

/// The query's terms: folded, distinct, in order. Single letters and stop
/// words are ignored (`l’économie` searches `economie`), unless nothing else
/// is left.
pub fn query_terms(query: &str) -> Vec<String> {
    let folded = fold(query);
    let mut all: Vec<&str> = Vec::new();
    for t in folded.split(' ').filter(|t| !t.is_empty()) {
        if !all.contains(&t) {
            all.push(t);
        }
    }
    let meaningful: Vec<&str> = all
        .iter()
        .copied()
        .filter(|t| t.chars().count() >= 2 && !is_stop_word(t) && !is_short_stop_word(t))
        .collect();
    let chosen = if meaningful.is_empty() { all } else { meaningful };
    chosen.into_iter().map(str::to_string).collect()
}

/// Two-letter French function words, ignored in queries (not in the index).
fn is_short_stop_word(t: &str) -> bool {
    matches!(
        t,
        "au" | "ce" | "de" | "du" | "en" | "et" | "il" | "la" | "le" | "ne" | "on" | "ou" | "sa" | "se" | "un"
    )
}

/// Best score of `term` against the words of `text` (already folded):
/// `exact` for an equal word, `prefix` for a word starting with it, else 0.
fn match_words<'a>(term: &str, words: impl Iterator<Item = &'a str>, (exact, prefix): (u32, u32)) -> u32 {
    let mut best = 0;
    for w in words {
        if w == term {
            return exact;
        }
        if best == 0 && w.starts_with(term) {
            best = prefix;
        }
    }
    best
}

/// Folded fields of one document, computed once per query.
struct DocFields {
    title: String,
    tags: String,
    standfirst: String,
}

fn term_score(term: &str, doc: &SearchDoc, f: &DocFields) -> u32 {
    let title = match_words(term, f.title.split(' '), TITLE);
    if title == TITLE.0 {
        return title;
    }
    let tag = match_words(term, f.tags.split(' '), TAG);
    let standfirst = match_words(term, f.standfirst.split(' '), STANDFIRST);
    let body = match_words(term, doc.words.split(' '), BODY);
    title.max(tag).max(standfirst).max(body)
}

/// Searches the index. Every term of the query (folded) must match, as a
/// word or a word prefix, some word of the document: its title, tags or
/// category name, standfirst, or body words (AND semantics). Scores: title >
/// tag/category > standfirst > body, an exact word beats a prefix; ties go
/// to the newest article, then the slug. At most `limit` hits, best first;
/// an empty or blank query finds nothing.
pub fn search(index: &SearchIndex, query: &str, limit: usize) -> Vec<SearchHit> {
    let terms = query_terms(query);
    if terms.is_empty() || limit == 0 {
        return Vec::new();
    }
    let mut hits: Vec<(SearchHit, i64)> = Vec::new();
    'docs: for (i, doc) in index.docs.iter().enumerate() {
        let mut tags = doc.tags.join(" ");
        tags.push(' ');
        tags.push_str(&doc.category.name);
        let f = DocFields {
            title: fold(&doc.title),
            tags: fold(&tags),
            standfirst: fold(&doc.standfirst),
        };
        let mut score = 0;
        for t in &terms {
            let s = term_score(t, doc, &f);
            if s == 0 {
                continue 'docs;
            }
            score += s;
        }
        hits.push((
            SearchHit {
                index: i,
                slug: doc.slug.clone(),
                score,
            },
            doc.published.unix(),
        ));
    }
    hits.sort_by(|(a, ap), (b, bp)| b.score.cmp(&a.score).then(bp.cmp(ap)).then_with(|| a.slug.cmp(&b.slug)));
    hits.into_iter().take(limit).map(|(h, _)| h).collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::{CategoryRef, Timestamp};

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

    #[test]
    fn index_words_are_distinct_sorted_and_small() {
        let w = index_words(
            "Les dunes de l’Erg Chebbi : les dunes bougent, et le vent souffle sur les DUNES. Été 2026.",
            &["Le vent du désert"],
        );
        assert_eq!(w, "2026 bougent chebbi dunes erg souffle");
        assert_eq!(index_words("", &[]), "");
    }

    fn doc(
        slug: &str,
        title: &str,
        standfirst: &str,
        tags: &[&str],
        words: &str,
        cat: &str,
        published: &str,
    ) -> SearchDoc {
        SearchDoc {
            slug: slug.into(),
            title: title.into(),
            standfirst: standfirst.into(),
            tags: tags.iter().map(|t| t.to_string()).collect(),
            words: words.into(),
            category: CategoryRef {
                slug: slugify(cat),
                name: cat.into(),
            },
            published: Timestamp::parse(published).unwrap(),
        }
    }

    fn index() -> SearchIndex {
        SearchIndex {
            version: 1,
            docs: vec![
                doc(
                    "body-only",
                    "Un marché qui respire",
                    "Les étals se remplissent.",
                    &["Commerce"],
                    "eau phosphates port",
                    "Maghreb",
                    "2026-10-05T08:00:00+01:00",
                ),
                doc(
                    "title-exact",
                    "Le prix de l’eau grimpe",
                    "Chapeau.",
                    &["Ressources"],
                    "barrage",
                    "Économie",
                    "2026-10-01T08:00:00+01:00",
                ),
                doc(
                    "title-prefix",
                    "Les eaux du barrage",
                    "Chapeau.",
                    &[],
                    "pluie",
                    "Maghreb",
                    "2026-10-03T08:00:00+01:00",
                ),
                doc(
                    "tag",
                    "Sécheresse au sud",
                    "Chapeau.",
                    &["Eau"],
                    "nappes",
                    "Afrique",
                    "2026-10-02T08:00:00+01:00",
                ),
                doc(
                    "standfirst",
                    "Une saison difficile",
                    "Les agriculteurs manquent d’eau.",
                    &[],
                    "nappes",
                    "Afrique",
                    "2026-10-04T08:00:00+01:00",
                ),
                doc(
                    "title-exact-newer",
                    "L’eau, enjeu du siècle",
                    "Chapeau.",
                    &[],
                    "",
                    "Monde",
                    "2026-10-06T08:00:00+01:00",
                ),
            ],
        }
    }

    fn slugs(hits: &[SearchHit]) -> Vec<&str> {
        hits.iter().map(|h| h.slug.as_str()).collect()
    }

    #[test]
    fn ranking_is_title_then_tag_then_standfirst_then_body_exact_before_prefix() {
        let idx = index();
        let hits = search(&idx, "eau", 10);
        assert_eq!(
            slugs(&hits),
            [
                "title-exact-newer",
                "title-exact",
                "title-prefix",
                "tag",
                "standfirst",
                "body-only"
            ],
        );
        assert!(hits.windows(2).all(|w| w[0].score >= w[1].score));
        assert_eq!(hits[0].index, 5);
    }

    #[test]
    fn every_term_must_match_some_word() {
        let idx = index();
        assert_eq!(slugs(&search(&idx, "eau barrage", 10)), ["title-prefix", "title-exact"]);
        assert_eq!(slugs(&search(&idx, "eau nappes", 10)), ["tag", "standfirst"]);
        assert!(search(&idx, "eau zzz", 10).is_empty());
    }

    #[test]
    fn queries_are_folded_and_match_prefixes_and_categories() {
        let idx = index();
        assert_eq!(slugs(&search(&idx, "ECO", 10)), ["title-exact"]);
        assert_eq!(slugs(&search(&idx, "l’économie", 10)), ["title-exact"]);
        assert_eq!(slugs(&search(&idx, "SÉCHER", 10)), ["tag"]);
        assert_eq!(slugs(&search(&idx, "phosph", 10)), ["body-only"]);
    }

    #[test]
    fn blank_queries_and_zero_limits_find_nothing() {
        let idx = index();
        assert!(search(&idx, "", 10).is_empty());
        assert!(search(&idx, "   \t ", 10).is_empty());
        assert!(search(&idx, " ’ ; ", 10).is_empty());
        assert!(search(&idx, "eau", 0).is_empty());
        assert_eq!(search(&idx, "eau", 2).len(), 2);
        assert!(search(
            &SearchIndex {
                version: 1,
                docs: vec![]
            },
            "eau",
            5
        )
        .is_empty());
    }

    #[test]
    fn query_terms_drop_single_letters_and_stop_words_unless_alone() {
        assert_eq!(query_terms("l’économie du Maroc"), ["economie", "maroc"]);
        assert_eq!(query_terms("eau eau EAU"), ["eau"]);
        assert_eq!(query_terms("le"), ["le"]);
        assert_eq!(query_terms("a"), ["a"]);
        assert!(query_terms("  ").is_empty());
    }
}
