//! Bounded retries with backoff for GETs. Pure policy, tested natively.

use super::FetchError;

/// Attempts after the first.
pub const MAX_RETRIES: u32 = 2;

/// How long to wait before retry number `attempt` (0-based) after `error`,
/// or `None` to give up. Only transient failures are retried.
pub fn delay_ms(attempt: u32, error: &FetchError) -> Option<u32> {
    if attempt >= MAX_RETRIES || !error.is_transient() {
        return None;
    }
    // 400 ms, then 1200 ms: enough for a blip, short enough for a reader.
    Some(400 * 3u32.pow(attempt))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn retries_transient_errors_with_growing_delays_then_stops() {
        assert_eq!(delay_ms(0, &FetchError::Offline), Some(400));
        assert_eq!(delay_ms(1, &FetchError::Server(503)), Some(1200));
        assert_eq!(delay_ms(2, &FetchError::Timeout), None);
    }

    #[test]
    fn never_retries_what_cannot_change() {
        for e in [
            FetchError::NotFound,
            FetchError::Denied(401),
            FetchError::BadData("x".into()),
            FetchError::Aborted,
        ] {
            assert_eq!(delay_ms(0, &e), None, "{e:?}");
        }
    }
}
