//! Search over the static API's sharded search index (`api/search/`).
//!
//! The index is written once by [`IndexWriter`] (the demo content tool, the
//! synthetic archive generator and the WordPress exporter all use it) and
//! read by the static source a few small files at a time, so a query
//! downloads a bounded amount whatever the size of the archive:
//!
//! - `search/index.json` ([`SearchManifest`]): how many documents and shards;
//! - `search/terms/<n>.json` ([`TermShard`]): for every search **key** (every
//!   folded word of at least [`MIN_KEY_CHARS`] characters and every prefix of
//!   one), its postings: the documents where a word equals or starts with the
//!   key, with the best field it was found in. A key lives in shard
//!   [`term_shard_of`]`(key, term_shards)`;
//! - `search/docs/<n>.json` ([`DocShard`]): what a result shows (an
//!   [`ArticleStub`](crate::model::ArticleStub)), `docs_per_shard` documents a
//!   shard, by document id. Ids are ranks, newest first.
//!
//! Writing, in three calls:
//!
//! ```
//! use kiosque_core::model::{ArticleStub, CategoryRef, Timestamp};
//! use kiosque_core::source::search::IndexWriter;
//!
//! let mut writer = IndexWriter::new();
//! let stub = ArticleStub {
//!     slug: "eau".into(),
//!     title: "Le prix de l’eau".into(),
//!     standfirst: String::new(),
//!     category: CategoryRef { slug: "economie".into(), name: "Économie".into() },
//!     published: Timestamp::parse("2026-10-01T08:00:00+01:00").unwrap(),
//!     modified: None,
//!     wp_id: None,
//!     parts: None,
//!     post_type: None,
//! };
//! writer.add(stub, &["Ressources"], "Le barrage se remplit.");
//! for (path, bytes) in writer.finish() {
//!     // write `bytes` to `<api root>/<path>`
//!     assert!(path.starts_with("search/") && !bytes.is_empty());
//! }
//! ```
//!
//! Ranking is the same as a full scan would give: every query term must
//! match (as a word or a word prefix) the title, a tag or the category name,
//! the standfirst or the body; title > tag/category > standfirst > body, an
//! exact word beats a prefix, scores add up over terms, ties go to the newest.
//! What is traded for the bound: each key keeps only its best
//! [`Params::max_postings`] documents (by that order), so a single-term
//! search is exact for its first `max_postings` results and a multi-term
//! search finds the documents that rank in every term's kept list; stop
//! words and one-letter words are not indexed; a query uses its first
//! [`MAX_QUERY_TERMS`] terms.

mod fold;
mod query;
mod reader;
mod shards;
mod text;
mod writer;

#[cfg(test)]
mod tests;

pub use fold::{fold, slugify};
pub use query::{rank, search_keys, Hit, MAX_QUERY_TERMS};
pub use reader::{
    doc_shards_for, key_postings, page_of, stub_of, term_shards_for, total_pages, MemoryIndex, MemoryPage,
};
pub use shards::{
    decode_postings, doc_shard_path, encode_postings, term_shard_of, term_shard_path, DocShard, Posting,
    SearchManifest, TermShard, MANIFEST_PATH,
};
pub use text::blocks_text;
pub use writer::{IndexWriter, Params};

/// Keys (indexed words and prefixes) have at least this many characters.
pub const MIN_KEY_CHARS: usize = 2;
/// Words are indexed up to this many characters (longer ones by their start).
pub const MAX_KEY_CHARS: usize = 40;

/// Where a word was found, best first.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord)]
pub enum Field {
    Title = 0,
    /// A tag or the category name.
    Tag = 1,
    Standfirst = 2,
    Body = 3,
}

/// Per-term scores by match level (`field * 2 + prefix`): where the term
/// matched, exact word or prefix.
const SCORES: [u32; 8] = [100, 60, 40, 25, 16, 10, 4, 2];

/// The score of a posting's match level (0, best, to 7); 0 for a bad level.
pub fn level_score(level: u8) -> u32 {
    SCORES.get(usize::from(level)).copied().unwrap_or(0)
}

/// The match level of a word found in `field`, equal to the key or not.
pub fn level(field: Field, exact: bool) -> u8 {
    field as u8 * 2 + u8::from(!exact)
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
    STOP_WORDS.contains(&w) || is_short_stop_word(w)
}

/// Two-letter French function words.
fn is_short_stop_word(t: &str) -> bool {
    matches!(
        t,
        "au" | "ce" | "de" | "du" | "en" | "et" | "il" | "la" | "le" | "ne" | "on" | "ou" | "sa" | "se" | "un"
    )
}

/// Whether a folded word of `field` is indexed: body words need 3
/// characters, others 2; stop words never are.
fn indexable(w: &str, field: Field) -> bool {
    let min = if field == Field::Body { 3 } else { MIN_KEY_CHARS };
    w.chars().count() >= min && !is_stop_word(w)
}

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
        .filter(|t| t.chars().count() >= 2 && !is_stop_word(t))
        .collect();
    let chosen = if meaningful.is_empty() { all } else { meaningful };
    chosen.into_iter().map(str::to_string).collect()
}

#[cfg(test)]
mod terms_tests {
    use super::*;

    #[test]
    fn query_terms_drop_single_letters_and_stop_words_unless_alone() {
        assert_eq!(query_terms("l’économie du Maroc"), ["economie", "maroc"]);
        assert_eq!(query_terms("eau eau EAU"), ["eau"]);
        assert_eq!(query_terms("le"), ["le"]);
        assert_eq!(query_terms("a"), ["a"]);
        assert!(query_terms("  ").is_empty());
    }

    #[test]
    fn levels_order_fields_then_exactness() {
        let scores: Vec<u32> = [Field::Title, Field::Tag, Field::Standfirst, Field::Body]
            .into_iter()
            .flat_map(|f| [level(f, true), level(f, false)])
            .map(level_score)
            .collect();
        assert_eq!(scores, [100, 60, 40, 25, 16, 10, 4, 2]);
        assert_eq!(level_score(8), 0);
    }
}
