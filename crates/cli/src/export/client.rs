//! Requests to WordPress: through the native door (timeouts, body cap,
//! status and content-type checks, the optional `Authorization` header),
//! with the export's retries, and a bounded pool of threads for lists.

use std::sync::atomic::{AtomicU32, Ordering};
use std::sync::{Condvar, Mutex, PoisonError};

use kiosque_core::http::{Door, FetchError, Paging};
use kiosque_core::source::wordpress::cap;
use kiosque_core::source::wordpress::urls::Urls;
use serde_json::Value;

use super::retry::Retry;

pub struct Client {
    pub urls: Urls,
    door: Door,
    timeout_ms: u32,
    retry: Retry,
    /// At most this many requests at once.
    pub workers: usize,
    /// Posts a request (`LIST_MAX` but in tests).
    pub page_size: u32,
    /// Requests in flight, at most `workers` (pools may nest: a page of
    /// posts asks each post's comment count).
    in_flight: (Mutex<usize>, Condvar),
    /// The most a request may ask (`per_page`) when a plugin caps it below
    /// 100, found on the first refused page (`cap`); 0 until then.
    list_cap: AtomicU32,
}

impl Client {
    pub fn new(root: &str, door: Door, timeout_ms: u32, workers: usize) -> Self {
        Client {
            urls: Urls::new(root),
            door,
            timeout_ms,
            retry: Retry::default(),
            workers: workers.max(1),
            page_size: kiosque_core::source::wordpress::urls::LIST_MAX,
            in_flight: (Mutex::new(0), Condvar::new()),
            list_cap: AtomicU32::new(0),
        }
    }

    /// One request through the door, waiting for a free slot first.
    fn get_once(&self, url: &str) -> Result<(Value, Paging), FetchError> {
        let (count, freed) = &self.in_flight;
        {
            let mut n = count.lock().unwrap_or_else(PoisonError::into_inner);
            while *n >= self.workers {
                n = freed.wait(n).unwrap_or_else(PoisonError::into_inner);
            }
            *n += 1;
        }
        let result = futures::executor::block_on(self.door.get_json_paged::<Value>(url, self.timeout_ms));
        *count.lock().unwrap_or_else(PoisonError::into_inner) -= 1;
        freed.notify_one();
        result
    }

    /// The client of a site with plain permalinks when the configured
    /// `…/wp-json` root is missing there (404, or a page that is not JSON)
    /// and `home/?rest_route=/` answers instead (as the live source does,
    /// `locate` in kiosque-core).
    pub fn located(mut self) -> Self {
        let Some(plain) = self.urls.plain_fallback() else {
            return self;
        };
        let is_index =
            |r: Result<(Value, Paging), FetchError>| matches!(r, Ok((v, _)) if v.get("namespaces").is_some());
        if matches!(
            self.get_once(&self.urls.index()),
            Err(FetchError::NotFound | FetchError::BadData(_))
        ) && is_index(self.get_once(&plain.index()))
        {
            eprintln!(
                "export: no REST API at {}; this site has plain permalinks: using {}",
                self.urls.root, plain.root
            );
            self.urls = plain;
        }
        self
    }

    pub fn with_retries(mut self, retries: u32) -> Self {
        self.retry.retries = retries;
        self
    }

    pub fn with_page_size(mut self, n: u32) -> Self {
        self.page_size = n.clamp(1, kiosque_core::source::wordpress::urls::LIST_MAX);
        self
    }

    /// GETs `url` as JSON with its pagination headers, retrying what may
    /// succeed later, and asking no more than the site's `per_page` cap: a
    /// first page refused with 400 is asked again smaller until WordPress
    /// accepts it, and that size is kept for the rest of the run.
    pub fn get(&self, url: &str) -> Result<(Value, Paging), FetchError> {
        let url = match self.list_cap.load(Ordering::Relaxed) {
            0 => url.to_string(),
            c => cap::capped(url, c),
        };
        let first = self.get_retrying(&url);
        if !matches!(first, Err(FetchError::Status(400))) {
            return first;
        }
        let mut size = cap::smaller(&url);
        let mut refused = cap::per_page_of(&url).unwrap_or(0);
        while let Some(n) = size {
            let smaller = cap::capped(&url, n);
            match self.get_retrying(&smaller) {
                Ok(ok) => {
                    let before = self.list_cap.load(Ordering::Relaxed);
                    if before == 0 || before > n {
                        self.list_cap.store(n, Ordering::Relaxed);
                        eprintln!(
                            "export: WordPress refused {refused} items a page (a plugin caps per_page): asking {n} a request"
                        );
                    }
                    return Ok(ok);
                }
                Err(FetchError::Status(400)) => {
                    refused = n;
                    size = cap::smaller(&smaller);
                }
                Err(e) => return Err(e),
            }
        }
        first
    }

    fn get_retrying(&self, url: &str) -> Result<(Value, Paging), FetchError> {
        let mut attempt = 0;
        loop {
            match self.get_once(url) {
                Ok(ok) => return Ok(ok),
                Err(e) => match self.retry.delay(attempt, &e) {
                    Some(wait) => {
                        eprintln!("export: {e} for {}; retrying in {} ms", redact(url), wait.as_millis());
                        std::thread::sleep(wait);
                        attempt += 1;
                    }
                    None => return Err(e),
                },
            }
        }
    }

    /// A JSON array answer (REST lists).
    pub fn get_list(&self, url: &str) -> Result<(Vec<Value>, Paging), FetchError> {
        match self.get(url)? {
            (Value::Array(items), paging) => Ok((items, paging)),
            _ => Err(FetchError::BadData(format!("{}: not a list", redact(url)))),
        }
    }

    /// Every item of a paginated list, `url(page)`: page 1 says how many
    /// pages there are, the rest are fetched on the pool.
    pub fn all(&self, url: impl Fn(u32) -> String + Sync) -> Result<Vec<Value>, FetchError> {
        let (mut items, paging) = self.get_list(&url(1))?;
        let size = items.len();
        let last = paging.total_pages.unwrap_or(1).min(MAX_LIST_PAGES);
        let rest: Vec<u32> = (2..=last).collect();
        let mut tail = size;
        for page in parallel(rest, self.workers, |p| self.get_list(&url(p))) {
            let page = page?.0;
            tail = page.len();
            items.extend(page);
        }
        // Past the stated pages while they are full (`cap::list_goes_on`).
        let mut page = last;
        while page < MAX_LIST_PAGES && cap::list_goes_on(page, last, size, tail) {
            page += 1;
            match self.get_list(&url(page)) {
                Ok((more, _)) => {
                    tail = more.len();
                    items.extend(more);
                }
                // Past the end: posts answer 400, terms an empty list.
                Err(FetchError::Status(400)) => break,
                Err(e) => return Err(e),
            }
        }
        Ok(items)
    }
}

/// A list longer than this many requests is cut (a runaway backend).
pub const MAX_LIST_PAGES: u32 = 10_000;

/// A URL for a log line: without any query string credentials could hide in.
fn redact(url: &str) -> &str {
    url.split('#').next().unwrap_or(url)
}

/// `f` over `items` on at most `workers` threads; results in input order.
pub fn parallel<T: Send, R: Send>(items: Vec<T>, workers: usize, f: impl Fn(T) -> R + Sync) -> Vec<R> {
    let n = items.len();
    let queue = Mutex::new(items.into_iter().enumerate());
    let results: Mutex<Vec<Option<R>>> = Mutex::new((0..n).map(|_| None).collect());
    std::thread::scope(|s| {
        for _ in 0..workers.clamp(1, n.max(1)) {
            s.spawn(|| loop {
                let next = queue.lock().unwrap_or_else(PoisonError::into_inner).next();
                let Some((i, item)) = next else { break };
                let r = f(item);
                results.lock().unwrap_or_else(PoisonError::into_inner)[i] = Some(r);
            });
        }
    });
    results
        .into_inner()
        .unwrap_or_else(PoisonError::into_inner)
        .into_iter()
        .flatten()
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::sync::atomic::{AtomicUsize, Ordering};
    use std::time::Duration;

    #[test]
    fn the_pool_keeps_the_order_and_its_bound() {
        let running = AtomicUsize::new(0);
        let peak = AtomicUsize::new(0);
        let out = parallel((0..40).collect(), 3, |i: u32| {
            let now = running.fetch_add(1, Ordering::SeqCst) + 1;
            peak.fetch_max(now, Ordering::SeqCst);
            std::thread::sleep(Duration::from_millis(2));
            running.fetch_sub(1, Ordering::SeqCst);
            i * 2
        });
        assert_eq!(out, (0..40).map(|i| i * 2).collect::<Vec<_>>());
        assert!(peak.load(Ordering::SeqCst) <= 3);
        assert!(parallel(Vec::<u32>::new(), 4, |i| i).is_empty());
    }

    /// Serves `/wp-json/terms?page=N` from `pages` (with the stated page
    /// count) on a loopback port; other pages answer `past_end`'s status.
    fn serve_list(port: u16, stated: u32, pages: Vec<usize>, past_end: u16) {
        use std::io::{BufRead, BufReader, Write};
        let listener = std::net::TcpListener::bind(("127.0.0.1", port)).unwrap();
        std::thread::spawn(move || {
            for stream in listener.incoming() {
                let Ok(mut stream) = stream else { continue };
                let mut reader = BufReader::new(stream.try_clone().unwrap());
                let mut line = String::new();
                reader.read_line(&mut line).unwrap();
                let mut header = String::new();
                while reader.read_line(&mut header).is_ok_and(|n| n > 2) {
                    header.clear();
                }
                let page: usize = line
                    .split("page=")
                    .nth(1)
                    .and_then(|r| r.split(' ').next())
                    .unwrap()
                    .parse()
                    .unwrap();
                let (status, body) = match pages.get(page - 1) {
                    Some(n) => (
                        200,
                        serde_json::to_string(&(0..*n).map(|i| page * 100 + i).collect::<Vec<_>>()).unwrap(),
                    ),
                    None if past_end == 200 => (200, "[]".to_string()),
                    None => (past_end, r#"{"code":"rest_invalid_page_number"}"#.to_string()),
                };
                let _ = write!(
                    stream,
                    "HTTP/1.1 {status} X\r\nContent-Type: application/json\r\nX-WP-TotalPages: {stated}\r\nContent-Length: {}\r\nConnection: close\r\n\r\n{body}",
                    body.len()
                );
            }
        });
    }

    #[test]
    fn a_list_is_read_past_its_stated_pages_while_they_are_full() {
        // (port, stated pages, items a page, status past the end, items read)
        let cases = [
            // WordPress's hide_empty term lists: 2 pages stated, 3 listed.
            (4289, 2, vec![3, 3, 2], 200, 8),
            // Posts answer 400 past the end: that ends the list, not the export.
            (4288, 2, vec![3, 3], 400, 6),
            // One stated page: no extra request (it cannot tell a full page).
            (4287, 1, vec![3], 500, 3),
        ];
        for (port, stated, pages, past_end, want) in cases {
            serve_list(port, stated, pages, past_end);
            let root = format!("http://127.0.0.1:{port}/wp-json");
            let client = Client::new(&root, Door::default().with_remote_http(), 5_000, 2);
            let all = client.all(|p| format!("{root}/terms?page={p}")).unwrap();
            assert_eq!(all.len(), want, "port {port}");
        }
    }
}
