//! Browser variant, over gloo-net. Identical requests share one fetch; the
//! fetch is aborted when the last view that asked for it is cleaned up.

use std::cell::{Cell, RefCell};
use std::collections::HashMap;
use std::future::Future;

use futures::future::{FutureExt, LocalBoxFuture, Shared};
use send_wrapper::SendWrapper;
use wasm_bindgen::JsCast;

use super::cache::Cache;
use super::{
    check_answer, check_body_size, check_content_length, is_json_content_type, retry, Answer, FetchError, Fetched, Mode,
};

type Body = Result<Fetched, FetchError>;

struct InFlight {
    id: u64,
    fut: Shared<LocalBoxFuture<'static, Body>>,
    controller: Option<web_sys::AbortController>,
    /// Views waiting for it; a prefetch counts for none.
    refs: usize,
}

thread_local! {
    static IN_FLIGHT: RefCell<HashMap<String, InFlight>> = RefCell::new(HashMap::new());
    static CACHE: RefCell<Cache> = RefCell::new(Cache::default());
    static NEXT_ID: Cell<u64> = const { Cell::new(0) };
}

/// The browser's `fetch`: one per page, its cache and in-flight requests
/// kept per thread (the page's only one).
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct Door {
    // Built only by `browser()`/`default()`, like the native door.
    _private: (),
}

impl Door {
    pub fn browser() -> Door {
        Door::default()
    }
}

/// gloo-net futures are `!Send`; the browser is single-threaded, so
/// `SendWrapper` lets them feed a `Resource` (which prerendering needs).
pub fn get_text(_door: &Door, url: &str, timeout_ms: u32, mode: Mode) -> impl Future<Output = Body> + Send {
    let url = url.to_string();
    SendWrapper::new(async move {
        if mode == Mode::Fresh {
            let controller = web_sys::AbortController::new().ok();
            let signal = controller.as_ref().map(|c| c.signal());
            if let Some(c) = controller {
                let c = SendWrapper::new(c);
                reactive_graph::owner::on_cleanup(move || c.abort());
            }
            return with_retries(&url, timeout_ms, signal).await;
        }
        if let Some(hit) = CACHE.with(|c| c.borrow_mut().get(&url, js_sys::Date::now())) {
            return Ok(hit);
        }
        // Outside any reactive owner (a spawned task) nobody could release
        // the request, so nothing owns it: it runs to its timeout.
        let owned = mode == Mode::Owned && reactive_graph::owner::Owner::current().is_some();
        let (fut, guard) = subscribe(&url, timeout_ms, owned);
        if let Some(guard) = guard {
            let guard = SendWrapper::new(guard);
            reactive_graph::owner::on_cleanup(move || drop(guard));
        }
        fut.await
    })
}

/// Drops `url`'s cached body (it could not be decoded).
pub fn forget(_door: &Door, url: &str) {
    CACHE.with(|c| c.borrow_mut().remove(url));
}

pub fn prefetch(_door: &Door, url: &str, timeout_ms: u32) {
    let cached = CACHE.with(|c| c.borrow_mut().get(url, js_sys::Date::now()).is_some());
    if !cached {
        let _ = subscribe(url, timeout_ms, false);
    }
}

/// Releases a view's interest in a request when the view is cleaned up.
struct Guard {
    url: String,
    id: u64,
}

impl Drop for Guard {
    fn drop(&mut self) {
        IN_FLIGHT.with(|m| {
            let mut m = m.borrow_mut();
            let Some(entry) = m.get_mut(&self.url).filter(|e| e.id == self.id) else {
                return;
            };
            entry.refs = entry.refs.saturating_sub(1);
            if entry.refs == 0 {
                if let Some(c) = &entry.controller {
                    c.abort();
                }
                m.remove(&self.url);
            }
        });
    }
}

/// Joins the request for `url` in flight, or starts it.
fn subscribe(url: &str, timeout_ms: u32, owned: bool) -> (Shared<LocalBoxFuture<'static, Body>>, Option<Guard>) {
    IN_FLIGHT.with(|m| {
        let mut m = m.borrow_mut();
        if let Some(e) = m.get_mut(url) {
            e.refs += usize::from(owned);
            return (
                e.fut.clone(),
                owned.then(|| Guard {
                    url: url.to_string(),
                    id: e.id,
                }),
            );
        }
        let id = NEXT_ID.with(|n| {
            n.set(n.get() + 1);
            n.get()
        });
        let controller = web_sys::AbortController::new().ok();
        let signal = controller.as_ref().map(|c| c.signal());
        let key = url.to_string();
        let fut = async move {
            let result = with_retries(&key, timeout_ms, signal).await;
            IN_FLIGHT.with(|m| {
                let mut m = m.borrow_mut();
                if m.get(&key).is_some_and(|e| e.id == id) {
                    m.remove(&key);
                }
            });
            if let Ok(body) = &result {
                CACHE.with(|c| c.borrow_mut().put(&key, body.clone(), js_sys::Date::now()));
            }
            result
        }
        .boxed_local()
        .shared();
        // Runs whether or not anyone polls it (a prefetch has no waiter).
        wasm_bindgen_futures::spawn_local(fut.clone().map(|_| ()));
        m.insert(
            url.to_string(),
            InFlight {
                id,
                fut: fut.clone(),
                controller,
                refs: usize::from(owned),
            },
        );
        (
            fut,
            owned.then(|| Guard {
                url: url.to_string(),
                id,
            }),
        )
    })
}

async fn with_retries(url: &str, timeout_ms: u32, signal: Option<web_sys::AbortSignal>) -> Body {
    let mut attempt = 0;
    loop {
        let result = fetch_once(url, timeout_ms, signal.as_ref()).await;
        match &result {
            Err(e) if !signal.as_ref().is_some_and(|s| s.aborted()) => match retry::delay_ms(attempt, e) {
                Some(ms) => {
                    sleep(ms).await;
                    attempt += 1;
                }
                None => return result,
            },
            _ => return result,
        }
    }
}

/// Resolves after `ms`, in a new task.
async fn sleep(ms: u32) {
    let promise = js_sys::Promise::new(&mut |resolve, _| {
        if let Some(w) = web_sys::window() {
            let _ = w.set_timeout_with_callback_and_timeout_and_arguments_0(&resolve, ms as i32);
        }
    });
    let _ = wasm_bindgen_futures::JsFuture::from(promise).await;
}

async fn fetch_once(url: &str, timeout_ms: u32, cancel: Option<&web_sys::AbortSignal>) -> Body {
    let timeout = web_sys::AbortSignal::timeout_with_u32(timeout_ms);
    let signal = match cancel {
        Some(c) => web_sys::AbortSignal::any(&js_sys::Array::of2(c, &timeout)),
        None => timeout.clone(),
    };
    // Why a fetch or a body read failed, from the JS error's name.
    let classify = |name: Option<&str>| -> FetchError {
        if cancel.is_some_and(|c| c.aborted()) {
            return FetchError::Aborted;
        }
        if timeout.aborted() {
            return FetchError::Timeout;
        }
        match name {
            Some("TimeoutError") => FetchError::Timeout,
            Some("AbortError") => FetchError::Aborted,
            _ => FetchError::Offline,
        }
    };
    let response = gloo_net::http::Request::get(url)
        .header("Accept", "application/json")
        .abort_signal(Some(&signal))
        .send()
        .await
        .map_err(|e| match e {
            gloo_net::Error::JsError(js) => classify(Some(&js.name)),
            gloo_net::Error::SerdeError(e) => FetchError::BadData(e.to_string()),
            gloo_net::Error::GlooError(_) => classify(None),
        })?;
    if let Some(err) = FetchError::from_status(response.status()) {
        return Err(err);
    }
    let ct = response.headers().get("content-type").unwrap_or_default();
    if !is_json_content_type(&ct) {
        return Err(FetchError::BadData(format!(
            "expected JSON, got {:?}",
            ct.chars().take(60).collect::<String>()
        )));
    }
    let header = |name: &str| response.headers().get(name).and_then(|v| v.trim().parse::<u32>().ok());
    let (total, total_pages) = (header("x-wp-total"), header("x-wp-totalpages"));
    let length = response.headers().get("content-length");
    if let Err(e) = check_content_length(length.and_then(|l| l.trim().parse().ok()).unwrap_or(0)) {
        // Refused unread: stop the download too.
        if let Some(body) = response.body() {
            let cancelled = wasm_bindgen_futures::JsFuture::from(body.cancel());
            wasm_bindgen_futures::spawn_local(async move {
                let _ = cancelled.await;
            });
        }
        return Err(e);
    }
    // Read as a JS string and measure it before copying it into wasm memory.
    let raw = web_sys::Response::from(response);
    let read = match raw.text() {
        Ok(promise) => wasm_bindgen_futures::JsFuture::from(promise).await,
        Err(e) => Err(e),
    };
    let text: js_sys::JsString = read
        .map_err(|e| {
            let name = js_sys::Reflect::get(&e, &"name".into())
                .ok()
                .and_then(|n| n.as_string());
            classify(name.as_deref())
        })?
        .unchecked_into();
    check_body_size(u64::from(text.length()))?;
    Ok(Fetched {
        body: String::from(&text).into(),
        total,
        total_pages,
    })
}

/// One POST with a JSON body: a timeout, no retry, never cached.
pub fn post_json(
    _door: &Door,
    url: &str,
    body: String,
    timeout_ms: u32,
) -> impl Future<Output = Result<(), FetchError>> + Send {
    let url = url.to_string();
    SendWrapper::new(async move {
        let timeout = web_sys::AbortSignal::timeout_with_u32(timeout_ms);
        let request = gloo_net::http::Request::post(&url)
            .header("Content-Type", "application/json")
            .abort_signal(Some(&timeout))
            .body(body)
            .map_err(|e| FetchError::BadData(e.to_string()))?;
        let response = request.send().await.map_err(|_| {
            if timeout.aborted() {
                FetchError::Timeout
            } else {
                FetchError::Offline
            }
        })?;
        match FetchError::from_status(response.status()) {
            Some(err) => Err(err),
            None => Ok(()),
        }
    })
}

/// One POST with a JSON body whose answer matters (a comment): a timeout,
/// no retry (a second send could post twice), never cached, and not aborted
/// when the view leaves (the server may already have it: the answer is
/// what tells). Any status with a JSON body is returned (`check_answer`).
pub fn post_json_answer(
    _door: &Door,
    url: &str,
    body: String,
    timeout_ms: u32,
) -> impl Future<Output = Result<Answer, FetchError>> + Send {
    let url = url.to_string();
    SendWrapper::new(send_for_answer(timeout_ms, move |timeout| {
        gloo_net::http::Request::post(&url)
            .header("Accept", "application/json")
            .header("Content-Type", "application/json")
            .abort_signal(Some(timeout))
            .body(body)
            .map_err(|e| FetchError::BadData(e.to_string()))
    }))
}

/// An editor's authenticated GET (a preview): a timeout, no retry, not
/// shared with other requests, never in the door's cache, and `no-store` for
/// the browser's HTTP cache; no cookies (`credentials: omit`): the
/// application password in `authorization` is the only credential.
pub fn get_answer_authorized(
    _door: &Door,
    url: &str,
    authorization: &str,
    timeout_ms: u32,
) -> impl Future<Output = Result<Answer, FetchError>> + Send {
    let (url, authorization) = (url.to_string(), authorization.to_string());
    SendWrapper::new(send_for_answer(timeout_ms, move |timeout| {
        gloo_net::http::Request::get(&url)
            .header("Accept", "application/json")
            .header("Authorization", &authorization)
            .cache(web_sys::RequestCache::NoStore)
            .credentials(web_sys::RequestCredentials::Omit)
            .abort_signal(Some(timeout))
            .build()
            // As `send` would report it: before any answer, not reached.
            .map_err(|_| FetchError::Offline)
    }))
}

/// Sends the request `build` makes under a `timeout_ms` abort signal, once,
/// and reads its answer (`check_answer`): a timeout is `Timeout`, any other
/// failure to reach the server `Offline`.
async fn send_for_answer(
    timeout_ms: u32,
    build: impl FnOnce(&web_sys::AbortSignal) -> Result<gloo_net::http::Request, FetchError>,
) -> Result<Answer, FetchError> {
    let timeout = web_sys::AbortSignal::timeout_with_u32(timeout_ms);
    let failed = |_| {
        if timeout.aborted() {
            FetchError::Timeout
        } else {
            FetchError::Offline
        }
    };
    let response = build(&timeout)?.send().await.map_err(failed)?;
    let status = response.status();
    let content_type = response.headers().get("content-type").unwrap_or_default();
    let length = response.headers().get("content-length");
    check_content_length(length.and_then(|l| l.trim().parse().ok()).unwrap_or(0))?;
    let text = response.text().await.map_err(failed)?;
    check_answer(status, &content_type, &text)
}

/// `post_json` on its own task, outcome ignored.
pub fn post_json_detached(door: &Door, url: &str, body: String, timeout_ms: u32) {
    let fut = post_json(door, url, body, timeout_ms);
    wasm_bindgen_futures::spawn_local(async move {
        let _ = fut.await;
    });
}
