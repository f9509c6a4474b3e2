//! `content search-measure --articles N[,N…]`: builds the search index for
//! N synthetic French articles and reports what one query downloads
//! (brotli, quality 11) and the size of the whole index.
//!
//! The text is drawn from the demo newsroom's own French (content/articles,
//! word frequencies as written, stop words included) plus a long tail of
//! invented names (log-uniform over 300,000 words), so common words are as
//! common as in real articles and the vocabulary keeps growing with N.

use std::collections::{BTreeMap, HashMap};
use std::io::Write;
use std::path::Path;
use std::time::Instant;

use kiosque_core::model::{ArticleStub, CategoryRef, Timestamp};
use kiosque_core::source::search::{self, IndexWriter, MemoryIndex};
use kiosque_core::source::SEARCH_PER_PAGE as SEARCH_FILES;

/// splitmix64: a deterministic stream, so every run measures the same corpus.
struct Rng(u64);

impl Rng {
    fn next(&mut self) -> u64 {
        self.0 = self.0.wrapping_add(0x9e37_79b9_7f4a_7c15);
        let mut z = self.0;
        z = (z ^ (z >> 30)).wrapping_mul(0xbf58_476d_1ce4_e5b9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94d0_49bb_1331_11eb);
        z ^ (z >> 31)
    }

    fn below(&mut self, n: usize) -> usize {
        (self.next() % n.max(1) as u64) as usize
    }

    fn unit(&mut self) -> f64 {
        (self.next() >> 11) as f64 / (1u64 << 53) as f64
    }
}

struct Corpus {
    /// Every word token of the demo articles, as written (sampling one is
    /// sampling by frequency).
    tokens: Vec<String>,
    rng: Rng,
}

const SYLLABLES: &[&str] = &[
    "ba", "ra", "ma", "ne", "li", "to", "sou", "ka", "mi", "dou", "el", "an", "ou", "ir", "za", "ki", "ha", "ben",
    "tal", "mer", "sa", "di", "nour", "fa",
];

impl Corpus {
    fn load(content: &Path) -> Result<Corpus, String> {
        let dir = content.join("articles");
        let mut tokens = Vec::new();
        let entries = std::fs::read_dir(&dir).map_err(|e| format!("{}: {e}", dir.display()))?;
        for entry in entries.flatten() {
            let text = std::fs::read_to_string(entry.path()).unwrap_or_default();
            let body = text.rsplit("+++").next().unwrap_or("");
            tokens.extend(
                body.split_whitespace()
                    .map(|w| w.trim_matches(|c: char| !c.is_alphanumeric() && c != '’').to_string()),
            );
        }
        tokens.retain(|t| !t.is_empty());
        if tokens.is_empty() {
            return Err(format!("no words under {}", dir.display()));
        }
        Ok(Corpus { tokens, rng: Rng(18) })
    }

    /// An invented word, rare or common on a log-uniform scale.
    fn tail_word(&mut self) -> String {
        let n = (300_000f64.powf(self.rng.unit())) as u64;
        invented(n)
    }

    fn text(&mut self, words: usize) -> String {
        let mut out = String::new();
        for _ in 0..words {
            let w = if self.rng.below(100) < 8 {
                self.tail_word()
            } else {
                self.tokens[self.rng.below(self.tokens.len())].clone()
            };
            out.push_str(&w);
            out.push(' ');
        }
        out
    }
}

fn invented(mut n: u64) -> String {
    let mut w = String::new();
    loop {
        w.push_str(SYLLABLES[(n % SYLLABLES.len() as u64) as usize]);
        n /= SYLLABLES.len() as u64;
        if n == 0 {
            return w;
        }
    }
}

/// `YYYY-MM-DDTHH:MM:00Z` for minutes since 2000-01-01.
fn timestamp(minutes: i64) -> Option<Timestamp> {
    Timestamp::from_unix(946_684_800 + minutes * 60, 0)
}

/// Builds the index of `n` synthetic articles.
fn build(corpus: &mut Corpus, n: usize) -> Vec<(String, Vec<u8>)> {
    let categories: Vec<String> = (0..20).map(|i| format!("Rubrique {}", invented(i + 40))).collect();
    let tags: Vec<String> = (0..2000)
        .map(|i| format!("{} {}", invented(i * 7 + 3), invented(i)))
        .collect();
    let mut writer = IndexWriter::new();
    for i in 0..n {
        let cat = &categories[corpus.rng.below(categories.len())];
        let Some(published) = timestamp(14_000_000 - i as i64 * 37) else {
            continue;
        };
        let stub = ArticleStub {
            slug: format!("article-{i}"),
            title: corpus.text(9),
            standfirst: corpus.text(28),
            category: CategoryRef {
                slug: search::slugify(cat),
                name: cat.clone(),
            },
            published,
            modified: None,
            wp_id: None,
            parts: None,
            post_type: None,
        };
        let picked: Vec<&str> = (0..3).map(|_| tags[corpus.rng.below(tags.len())].as_str()).collect();
        let words = 550 + corpus.rng.below(400);
        let body = corpus.text(words);
        writer.add(stub, &picked, &body);
    }
    writer.finish()
}

fn brotli(bytes: &[u8], quality: u32) -> usize {
    let mut w = brotli::CompressorWriter::new(Vec::new(), 4096, quality, 22);
    let _ = w.write_all(bytes);
    w.into_inner().len()
}

/// Runs the measurement for each size and prints one report line each.
pub fn run(args: &[String]) -> Result<(), String> {
    let mut sizes = Vec::new();
    let mut content = std::path::PathBuf::from("content");
    let mut it = args.iter();
    while let Some(a) = it.next() {
        match a.as_str() {
            "--articles" => {
                let v = it.next().ok_or("--articles needs a number")?;
                for n in v.split(',') {
                    sizes.push(n.trim().parse::<usize>().map_err(|e| format!("--articles {n}: {e}"))?);
                }
            }
            "--content" => content = it.next().ok_or("--content needs a directory")?.into(),
            _ => return Err(format!("search-measure: unknown argument `{a}`")),
        }
    }
    if sizes.is_empty() {
        sizes = vec![1_000, 10_000, 100_000];
    }
    let mut corpus = Corpus::load(&content)?;
    for n in sizes {
        let started = Instant::now();
        let files = build(&mut corpus, n);
        let built = started.elapsed().as_secs_f32();
        report(n, files, &corpus, built);
    }
    Ok(())
}

fn report(n: usize, files: Vec<(String, Vec<u8>)>, corpus: &Corpus, built: f32) {
    let raw: usize = files.iter().map(|(_, b)| b.len()).sum();
    let count = files.len();
    let total_br: usize = files.iter().map(|(_, b)| brotli(b, 5)).sum();
    let index = MemoryIndex::new(files);
    let mut cache: HashMap<String, usize> = HashMap::new();
    let mut size = |path: &str| -> usize {
        *cache
            .entry(path.to_string())
            .or_insert_with(|| index.file(path).map_or(0, |b| brotli(b, 11)))
    };
    // The bound: the manifest, the largest term shards a query may read and
    // the largest document shards a page may read.
    let largest = |prefix: &str, k: usize| -> Vec<String> {
        let mut v: Vec<(&String, usize)> = index
            .files()
            .filter(|(p, _)| p.starts_with(prefix))
            .map(|(p, b)| (p, b.len()))
            .collect();
        v.sort_by_key(|e| std::cmp::Reverse(e.1));
        v.into_iter().take(k).map(|(p, _)| p.clone()).collect()
    };
    let mut terms: Vec<usize> = largest("search/terms/", 3 * search::MAX_QUERY_TERMS)
        .iter()
        .map(|p| size(p))
        .collect();
    terms.sort_unstable_by(|a, b| b.cmp(a));
    let mut docs: Vec<usize> = largest("search/docs/", 3 * SEARCH_FILES)
        .iter()
        .map(|p| size(p))
        .collect();
    docs.sort_unstable_by(|a, b| b.cmp(a));
    let bound = size(search::MANIFEST_PATH)
        + terms.iter().take(search::MAX_QUERY_TERMS).sum::<usize>()
        + docs.iter().take(SEARCH_FILES).sum::<usize>();
    // Real queries: the most frequent words alone and in pairs, pages 1 and 2.
    let mut freq: BTreeMap<String, usize> = BTreeMap::new();
    for t in &corpus.tokens {
        for k in search::search_keys(t) {
            *freq.entry(k).or_default() += 1;
        }
    }
    let mut common: Vec<(String, usize)> = freq.into_iter().filter(|(k, _)| k.len() >= 4).collect();
    common.sort_by(|a, b| b.1.cmp(&a.1).then(a.0.cmp(&b.0)));
    let words: Vec<&str> = common.iter().take(60).map(|(k, _)| k.as_str()).collect();
    let mut queries: Vec<String> = words.iter().map(|w| w.to_string()).collect();
    queries.extend(words.windows(2).map(|w| w.join(" ")));
    queries.extend(["eco", "ma", "con", "pre"].map(String::from));
    let (mut worst, mut worst_q, mut sum, mut runs) = (0, String::new(), 0, 0);
    for q in &queries {
        for page in [1, 2] {
            let Some(p) = index.search(q, page, kiosque_core::source::SEARCH_PER_PAGE) else {
                continue;
            };
            let bytes: usize = p.files.iter().map(|f| size(f)).sum();
            sum += bytes;
            runs += 1;
            if bytes > worst {
                (worst, worst_q) = (bytes, format!("{q} (page {page}, {} hits)", p.total));
            }
        }
    }
    let kb = |b: usize| b as f64 / 1024.0;
    println!(
        "search-measure: {n} articles: {count} files, {:.1} MB raw, {:.1} MB brotli-5; built in {built:.1}s",
        kb(raw) / 1024.0,
        kb(total_br) / 1024.0
    );
    println!(
        "search-measure: {n} articles: per query (brotli 11): bound {:.1} KB (manifest + {} largest term shards {:.1} KB each at most + {} largest doc shards {:.1} KB each at most); measured over {runs} query pages: worst {:.1} KB ({worst_q}), mean {:.1} KB",
        kb(bound),
        search::MAX_QUERY_TERMS,
        kb(terms.first().copied().unwrap_or(0)),
        SEARCH_FILES,
        kb(docs.first().copied().unwrap_or(0)),
        kb(worst),
        kb(sum / runs.max(1)),
    );
}
