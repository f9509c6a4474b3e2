//! `content search-index --api DIR`: (re)writes `DIR/search/`, the sharded
//! search index, from the static API already in DIR (its article index and
//! articles). For any producer of the static API that does not link
//! kiosque-core itself (tests/hostile/make-static.mjs edits an API in
//! JavaScript, then runs this). The new index replaces the old one whole.

use std::path::{Path, PathBuf};

use kiosque_core::model::{Article, ArticleIndexPage};
use kiosque_core::source::search::IndexWriter;

fn read<T: serde::de::DeserializeOwned>(path: &Path) -> Result<T, String> {
    let text = std::fs::read_to_string(path).map_err(|e| format!("{}: {e}", path.display()))?;
    serde_json::from_str(&text).map_err(|e| format!("{}: {e}", path.display()))
}

pub fn run(args: &[String]) -> Result<(), String> {
    let api = match args {
        [flag, dir] if flag == "--api" => PathBuf::from(dir),
        _ => return Err("usage: content search-index --api DIR".into()),
    };
    let mut writer = IndexWriter::new();
    let mut skipped = 0;
    let mut page = 1;
    loop {
        let index: ArticleIndexPage = read(&api.join(format!("archive/articles/page/{page}.json")))?;
        for stub in &index.articles {
            match read::<Article>(&api.join(format!("articles/{}.json", stub.slug))) {
                Ok(article) => writer.add_article(&article),
                Err(e) => {
                    eprintln!("content: search-index: skipped {}: {e}", stub.slug);
                    skipped += 1;
                }
            }
        }
        if page >= index.total_pages {
            break;
        }
        page += 1;
    }
    let docs = writer.len();
    let tmp = api.join(".search.tmp");
    let _ = std::fs::remove_dir_all(&tmp);
    for (rel, bytes) in writer.finish() {
        let rel = rel.strip_prefix("search/").unwrap_or(&rel);
        let path = tmp.join(rel);
        if let Some(dir) = path.parent() {
            std::fs::create_dir_all(dir).map_err(|e| format!("{}: {e}", dir.display()))?;
        }
        std::fs::write(&path, bytes).map_err(|e| format!("{}: {e}", path.display()))?;
    }
    let target = api.join("search");
    let old = api.join(".search.old");
    let _ = std::fs::remove_dir_all(&old);
    if target.exists() {
        std::fs::rename(&target, &old).map_err(|e| format!("{}: {e}", target.display()))?;
    }
    std::fs::rename(&tmp, &target).map_err(|e| format!("{}: {e}", target.display()))?;
    let _ = std::fs::remove_dir_all(&old);
    println!("content: search-index: {docs} articles indexed, {skipped} skipped");
    Ok(())
}
