//! Comments with the static source (issue 20, item 3): `api.comments_url`
//! names an endpoint speaking the static API's comment format; a real local
//! HTTP server started here (port 4293) serves two pages of comments for
//! one article; the prerender writes them into the article and its second
//! comment page, allows the endpoint's origin in `connect-src`, and leaves
//! the other articles (404 from the endpoint) with their count alone.

use std::collections::HashMap;
use std::fs;
use std::io::{BufRead, BufReader, Write};
use std::net::TcpListener;
use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::Arc;

use crate::support::dist;

const PORT: u16 = 4293;

fn comment(id: u64, text: &str, replies: serde_json::Value) -> serde_json::Value {
    serde_json::json!({
        "id": id,
        "author": format!("Lectrice {id}"),
        "author_url": "https://lectrice.example/",
        "date": "2026-03-02T10:00:00+01:00",
        "body": [{ "type": "paragraph", "content": [{ "type": "text", "text": text }] }],
        "replies": replies
    })
}

/// Serves `pages` (path → JSON) over HTTP/1.1, one request a connection;
/// counts what it answered.
fn serve(pages: HashMap<String, String>) -> Arc<AtomicUsize> {
    let listener = TcpListener::bind(("127.0.0.1", PORT)).expect("port 4293 free");
    let hits = Arc::new(AtomicUsize::new(0));
    let counted = hits.clone();
    std::thread::spawn(move || {
        for stream in listener.incoming() {
            let Ok(mut stream) = stream else { continue };
            let mut reader = BufReader::new(stream.try_clone().unwrap());
            let mut line = String::new();
            if reader.read_line(&mut line).is_err() {
                continue;
            }
            // The rest of the head.
            let mut header = String::new();
            while reader.read_line(&mut header).is_ok_and(|n| n > 2) {
                header.clear();
            }
            let path = line.split_whitespace().nth(1).unwrap_or("").to_string();
            counted.fetch_add(1, Ordering::Relaxed);
            let (status, body) = match pages.get(&path) {
                Some(b) => ("200 OK", b.clone()),
                None => ("404 Not Found", "{}".to_string()),
            };
            let _ = write!(
                stream,
                "HTTP/1.1 {status}\r\ncontent-type: application/json\r\ncontent-length: {}\r\nconnection: close\r\n\r\n{body}",
                body.len()
            );
        }
    });
    hits
}

#[test]
fn a_comments_endpoint_gives_a_static_site_its_comments() {
    let dist = dist("static-comments", kiosque_core::stamp::BUILD_ID);
    let latest: serde_json::Value =
        serde_json::from_str(&fs::read_to_string(dist.join("api/latest/page/1.json")).unwrap()).unwrap();
    let slug = latest["articles"][0]["slug"].as_str().unwrap().to_string();
    let page = |n: u32, threads: serde_json::Value| {
        serde_json::json!({ "total": 3, "page": n, "total_pages": 2, "open": false, "threads": threads }).to_string()
    };
    let mut pages = HashMap::new();
    pages.insert(
        format!("/comments/{slug}/page/1.json"),
        page(
            1,
            serde_json::json!([comment(
                1,
                "Premier avis <script>x</script>",
                serde_json::json!([comment(2, "Une réponse", serde_json::json!([]))])
            )]),
        ),
    );
    pages.insert(
        format!("/comments/{slug}/page/2.json"),
        page(
            2,
            serde_json::json!([comment(3, "Sur la deuxième page", serde_json::json!([]))]),
        ),
    );
    let hits = serve(pages);
    let config_file = dist.join("config.json");
    let mut config: serde_json::Value = serde_json::from_str(&fs::read_to_string(&config_file).unwrap()).unwrap();
    config["api"]["comments_url"] = format!("http://127.0.0.1:{PORT}/comments").into();
    fs::write(&config_file, config.to_string()).unwrap();

    let (ok, report) = crate::support::prerender(&dist);
    assert!(ok, "{report}");
    assert!(hits.load(Ordering::Relaxed) >= 2);

    let html = fs::read_to_string(dist.join(format!("article/{slug}/index.html"))).unwrap();
    let (one, two) = (
        html.find(r#"id="comment-1""#).unwrap(),
        html.find(r#"id="comment-2""#).unwrap(),
    );
    assert!(one < html.find("comments__replies").unwrap() && one < two, "{html}");
    assert!(html.contains("Premier avis &lt;script&gt;x&lt;/script&gt;") && !html.contains("<script>x"));
    assert!(html.contains("Les commentaires sont fermés."));
    // Its second page of comments, found from page 1's "next" link.
    let second = fs::read_to_string(dist.join(format!("article/{slug}/comments/page/2/index.html"))).unwrap();
    assert!(second.contains("Sur la deuxième page"));
    assert!(
        html.contains(&format!("connect-src 'self' http://127.0.0.1:{PORT}")),
        "the CSP allows the endpoint"
    );
    // Another article: the endpoint has none (404), its count stays alone.
    let other = latest["articles"][1]["slug"].as_str().unwrap();
    let other = fs::read_to_string(dist.join(format!("article/{other}/index.html"))).unwrap();
    assert!(!other.contains("comments__list"));
    let _ = fs::remove_dir_all(&dist);
}
