//! Editor previews (docs/previews.md): who asks (an application password)
//! and why a preview could not be shown. The reading itself is the
//! WordPress source's (`wordpress/preview.rs`); other sources have no drafts.

use base64::Engine;

use crate::http::FetchError;

/// A WordPress user name and application password, typed by the editor and
/// kept by the app in `sessionStorage` only. `Debug` never shows the password.
#[derive(Clone, PartialEq, Eq)]
pub struct Credentials {
    pub user: String,
    pub password: String,
}

impl std::fmt::Debug for Credentials {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Credentials")
            .field("user", &self.user)
            .finish_non_exhaustive()
    }
}

impl Credentials {
    /// Trimmed (an application password is shown in groups of four; WordPress
    /// ignores the spaces between them, not around them); `None` when either is empty.
    pub fn new(user: &str, password: &str) -> Option<Credentials> {
        let (user, password) = (user.trim(), password.trim());
        (!user.is_empty() && !password.is_empty()).then(|| Credentials {
            user: user.to_string(),
            password: password.to_string(),
        })
    }

    /// The HTTP Basic `Authorization` value: `Basic base64(user:password)`,
    /// UTF-8 as WordPress reads it (`PHP_AUTH_USER`/`PHP_AUTH_PW`).
    pub fn authorization(&self) -> String {
        let pair = format!("{}:{}", self.user, self.password);
        format!("Basic {}", base64::engine::general_purpose::STANDARD.encode(pair))
    }
}

/// Why a preview is not shown. Each has a message in the editor's
/// language (`i18n/preview.rs`).
#[derive(Clone, Debug, PartialEq, Eq, thiserror::Error)]
pub enum PreviewError {
    /// The static source has no drafts.
    #[error("previews need the WordPress source")]
    NeedsWordPress,
    /// The WordPress API is neither HTTPS nor on this machine: the password
    /// would travel in clear.
    #[error("the WordPress API is not served over HTTPS")]
    Insecure,
    /// 401: unknown user, wrong or revoked application password.
    #[error("wrong user name or application password")]
    WrongCredentials,
    /// 403: the account may not edit this post (a subscriber, another
    /// author's draft for a contributor).
    #[error("this account may not edit this post")]
    Forbidden,
    /// 404: no post with this ID (or it was deleted).
    #[error("no such post")]
    NotFound,
    /// The network or the server failed; worth a retry when transient.
    #[error(transparent)]
    Fetch(#[from] FetchError),
}

impl PreviewError {
    /// From an error status, whatever WordPress's `code` says: WordPress
    /// answers a wrong password with `rest_forbidden_context` (401) as often
    /// as with `incorrect_password`, so the status is what tells.
    pub fn from_status(status: u16) -> Option<PreviewError> {
        match status {
            200..=299 => None,
            401 => Some(PreviewError::WrongCredentials),
            403 => Some(PreviewError::Forbidden),
            404 | 410 => Some(PreviewError::NotFound),
            s => Some(PreviewError::Fetch(
                FetchError::from_status(s).unwrap_or(FetchError::Status(s)),
            )),
        }
    }

    /// Whether trying again may succeed (the same credentials).
    pub fn is_transient(&self) -> bool {
        matches!(self, PreviewError::Fetch(e) if e.is_transient())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_authorization_header_is_basic_over_utf8() {
        let c = Credentials::new(" apercu-redaction ", "abcd EFGH 1234").unwrap();
        // printf 'apercu-redaction:abcd EFGH 1234' | base64
        assert_eq!(c.authorization(), "Basic YXBlcmN1LXJlZGFjdGlvbjphYmNkIEVGR0ggMTIzNA==");
        let arabic = Credentials::new("محرر", "x").unwrap();
        assert_eq!(arabic.authorization(), "Basic 2YXYrdix2LE6eA==");
        assert_eq!(Credentials::new("", "x"), None);
        assert_eq!(Credentials::new("u", "  "), None);
        assert!(!format!("{c:?}").contains("EFGH"));
    }

    #[test]
    fn statuses_become_preview_errors() {
        assert_eq!(PreviewError::from_status(200), None);
        assert_eq!(PreviewError::from_status(401), Some(PreviewError::WrongCredentials));
        assert_eq!(PreviewError::from_status(403), Some(PreviewError::Forbidden));
        assert_eq!(PreviewError::from_status(404), Some(PreviewError::NotFound));
        let server = PreviewError::from_status(502).unwrap();
        assert_eq!(server, PreviewError::Fetch(FetchError::Server(502)));
        assert!(server.is_transient());
        assert!(!PreviewError::WrongCredentials.is_transient());
    }
}
