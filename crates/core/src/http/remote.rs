//! Remote URLs over HTTP for the native door (`ureq`, blocking: the
//! prerender renders one page at a time). Without the `native-http`
//! feature every remote request is `Offline`.

pub use http::{get, post};

#[cfg(feature = "native-http")]
mod http {
    use std::time::Duration;

    use super::super::{Answer, FetchError, Fetched};

    /// A blocking POST of a JSON body; its answer, whatever the status.
    pub fn post(url: &str, body: &str, timeout_ms: u32) -> Result<Answer, FetchError> {
        let agent: ureq::Agent = ureq::Agent::config_builder()
            .timeout_global(Some(Duration::from_millis(u64::from(timeout_ms))))
            .http_status_as_error(false)
            .build()
            .into();
        let mut response = agent
            .post(url)
            .header("Accept", "application/json")
            .header("Content-Type", "application/json")
            .send(body)
            .map_err(|e| match e {
                ureq::Error::Timeout(_) => FetchError::Timeout,
                _ => FetchError::Offline,
            })?;
        let status = response.status().as_u16();
        let content_type = response
            .headers()
            .get("content-type")
            .and_then(|v| v.to_str().ok())
            .unwrap_or_default()
            .to_string();
        let text = response
            .body_mut()
            .with_config()
            .limit(MAX_BYTES)
            .read_to_string()
            .map_err(|e| FetchError::BadData(e.to_string()))?;
        super::super::super::check_answer(status, &content_type, &text)
    }

    /// Bigger answers are refused: no page needs them.
    const MAX_BYTES: u64 = 16 * 1024 * 1024;

    /// A blocking GET: the prerender renders one page at a time.
    pub fn get(url: &str, timeout_ms: u32, authorization: Option<&str>) -> Result<Fetched, FetchError> {
        let agent: ureq::Agent = ureq::Agent::config_builder()
            .timeout_global(Some(Duration::from_millis(u64::from(timeout_ms))))
            .http_status_as_error(false)
            .build()
            .into();
        let mut request = agent.get(url).header("Accept", "application/json");
        if let Some(value) = authorization {
            request = request.header("Authorization", value);
        }
        let mut response = request.call().map_err(|e| match e {
            ureq::Error::Timeout(_) => FetchError::Timeout,
            _ => FetchError::Offline,
        })?;
        if let Some(error) = FetchError::from_status(response.status().as_u16()) {
            return Err(error);
        }
        let header = |name: &str| {
            response
                .headers()
                .get(name)
                .and_then(|v| v.to_str().ok())
                .map(str::to_string)
        };
        let content_type = header("content-type").unwrap_or_default();
        if !super::super::super::is_json_content_type(&content_type) {
            return Err(FetchError::BadData(format!("not JSON ({content_type})")));
        }
        let total = header("x-wp-total").and_then(|v| v.trim().parse().ok());
        let total_pages = header("x-wp-totalpages").and_then(|v| v.trim().parse().ok());
        let body = response
            .body_mut()
            .with_config()
            .limit(MAX_BYTES)
            .read_to_string()
            .map_err(|e| FetchError::BadData(e.to_string()))?;
        Ok(Fetched {
            body: body.into(),
            total,
            total_pages,
        })
    }
}

#[cfg(not(feature = "native-http"))]
mod http {
    use super::super::{Answer, FetchError, Fetched};

    pub fn post(_url: &str, _body: &str, _timeout_ms: u32) -> Result<Answer, FetchError> {
        Err(FetchError::Offline)
    }

    pub fn get(_url: &str, _timeout_ms: u32, _authorization: Option<&str>) -> Result<Fetched, FetchError> {
        Err(FetchError::Offline)
    }
}

#[cfg(test)]
#[cfg(feature = "native-http")]
mod tests {
    use super::super::super::FetchError;
    use super::super::Door;
    use futures::FutureExt;

    /// A one-request HTTP server on this machine answering `status` with
    /// `content_type`; returns its URL and, once served, the request it read.
    #[cfg(feature = "native-http")]
    fn one_answer(
        status: u16,
        content_type: &'static str,
        body: &'static str,
    ) -> (String, std::thread::JoinHandle<String>) {
        use std::io::{Read, Write};
        let listener = std::net::TcpListener::bind("127.0.0.1:0").unwrap();
        let url = format!("http://{}/wp-json/wp/v2/comments", listener.local_addr().unwrap());
        let served = std::thread::spawn(move || {
            let (mut stream, _) = listener.accept().unwrap();
            let mut request = Vec::new();
            let mut buf = [0u8; 4096];
            // Headers, then the body its Content-Length announces.
            loop {
                let n = stream.read(&mut buf).unwrap();
                request.extend_from_slice(&buf[..n]);
                let text = String::from_utf8_lossy(&request).to_string();
                if let Some((head, rest)) = text.split_once("\r\n\r\n") {
                    let length = head
                        .lines()
                        .find_map(|l| {
                            l.to_ascii_lowercase()
                                .strip_prefix("content-length:")
                                .map(|v| v.trim().parse::<usize>().unwrap())
                        })
                        .unwrap_or(0);
                    if rest.len() >= length || n == 0 {
                        break;
                    }
                }
            }
            let answer = format!(
                "HTTP/1.1 {status} X\r\nContent-Type: {content_type}\r\nContent-Length: {}\r\nConnection: close\r\n\r\n{body}",
                body.len()
            );
            stream.write_all(answer.as_bytes()).unwrap();
            String::from_utf8_lossy(&request).to_string()
        });
        (url, served)
    }

    #[cfg(feature = "native-http")]
    #[test]
    fn a_post_returns_the_json_answer_whatever_its_status() {
        let door = Door::default().with_remote_http();
        let (url, served) = one_answer(409, "application/json", r#"{"code":"comment_duplicate"}"#);
        let answer = super::super::post_json_answer(&door, &url, r#"{"post":1}"#.into(), 5000)
            .now_or_never()
            .unwrap()
            .unwrap();
        assert_eq!((answer.status, &*answer.body), (409, r#"{"code":"comment_duplicate"}"#));
        let request = served.join().unwrap();
        assert!(request.starts_with("POST /wp-json/wp/v2/comments "), "{request}");
        assert!(
            request.to_ascii_lowercase().contains("content-type: application/json"),
            "{request}"
        );
        assert!(request.ends_with(r#"{"post":1}"#), "{request}");
        let (url, served) = one_answer(502, "text/html", "<h1>down</h1>");
        let answer = super::super::post_json_answer(&door, &url, "{}".into(), 5000)
            .now_or_never()
            .unwrap();
        assert_eq!(answer, Err(FetchError::Server(502)));
        served.join().unwrap();
    }
}
