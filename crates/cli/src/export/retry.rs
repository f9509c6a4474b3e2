//! The export's retry policy: more patient than a reader's (a cron job can
//! wait), and it also waits out rate limiting (429). Pure, tested natively.

use std::time::Duration;

use kiosque_core::http::FetchError;

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Retry {
    /// Attempts after the first.
    pub retries: u32,
    /// The first wait; each next one doubles, up to `max`.
    pub base: Duration,
    pub max: Duration,
}

impl Default for Retry {
    fn default() -> Self {
        Retry {
            retries: 4,
            base: Duration::from_millis(500),
            max: Duration::from_secs(8),
        }
    }
}

/// Whether the same request may succeed later: the network, a timeout, a
/// server error (5xx) or rate limiting (429). A 404, a refusal or bad data
/// will not change by asking again.
pub fn is_retryable(error: &FetchError) -> bool {
    error.is_transient() || *error == FetchError::Status(429)
}

impl Retry {
    /// How long to wait before retry number `attempt` (0-based) after
    /// `error`, or `None` to give up.
    pub fn delay(&self, attempt: u32, error: &FetchError) -> Option<Duration> {
        if attempt >= self.retries || !is_retryable(error) {
            return None;
        }
        let factor = 2u32.saturating_pow(attempt);
        Some(self.base.saturating_mul(factor).min(self.max))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn transient_failures_and_rate_limits_are_retried_with_growing_waits() {
        let r = Retry::default();
        let waits: Vec<_> = (0..5).map(|n| r.delay(n, &FetchError::Server(503))).collect();
        assert_eq!(
            waits,
            [
                Some(Duration::from_millis(500)),
                Some(Duration::from_millis(1000)),
                Some(Duration::from_millis(2000)),
                Some(Duration::from_millis(4000)),
                None,
            ]
        );
        assert!(r.delay(0, &FetchError::Status(429)).is_some());
        assert!(r.delay(0, &FetchError::Timeout).is_some());
        assert!(r.delay(0, &FetchError::Offline).is_some());
        let capped = Retry { retries: 40, ..r };
        assert_eq!(capped.delay(30, &FetchError::Offline), Some(capped.max));
    }

    #[test]
    fn what_cannot_change_is_not_retried() {
        let r = Retry::default();
        for e in [
            FetchError::NotFound,
            FetchError::Denied(401),
            FetchError::Status(400),
            FetchError::BadData("x".into()),
            FetchError::TooLarge,
        ] {
            assert_eq!(r.delay(0, &e), None, "{e:?}");
        }
    }
}
