//! WordPress's answers to comment POSTs, recorded from the test WordPress
//! (`scripts/wordpress/record-comment-post.sh` into
//! `tests/fixtures/wordpress/compost/`), mapped to what the form shows.

use std::path::PathBuf;

use kiosque_core::http::{check_answer, Answer, FetchError};
use kiosque_core::model::{Block, DraftField, Inline, PostError, Posted};
use kiosque_core::source::wordpress::map::LinkContext;
use kiosque_core::source::wordpress::post_comment::outcome;

#[derive(serde::Deserialize)]
struct Meta {
    status: u16,
    content_type: String,
}

/// The recorded answer `case`, through the door's own check.
fn recorded(case: &str) -> Answer {
    let dir = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/wordpress/compost");
    let meta: Meta =
        serde_json::from_str(&std::fs::read_to_string(dir.join(format!("{case}.headers.json"))).unwrap()).unwrap();
    let body = std::fs::read_to_string(dir.join(format!("{case}.json"))).unwrap();
    check_answer(meta.status, &meta.content_type, &body).unwrap()
}

fn mapped(case: &str) -> Result<Posted, PostError> {
    outcome(&recorded(case), &LinkContext::from_home("http://127.0.0.1:8081"))
}

#[test]
fn a_first_time_commenter_is_held_for_moderation() {
    assert_eq!(recorded("held").status, 201);
    assert_eq!(mapped("held"), Ok(Posted::Held));
}

#[test]
fn a_known_commenter_is_shown_at_once() {
    let Ok(Posted::Approved(c)) = mapped("approved") else {
        panic!("{:?}", mapped("approved"));
    };
    assert_eq!(c.author, "Lectrice fidèle");
    assert!(c.replies.is_empty());
    let [Block::Paragraph { content }] = c.body.as_slice() else {
        panic!("{:?}", c.body);
    };
    assert_eq!(Inline::plain_text(content), "Merci pour cette réponse !");
    // Gravatar over https, as the read side shows it.
    assert!(c
        .avatar
        .unwrap()
        .as_str()
        .starts_with("https://secure.gravatar.com/avatar/"));
}

#[test]
fn refusals_map_to_their_own_errors_and_fields() {
    let cases = [
        ("duplicate", PostError::Duplicate, Some(DraftField::Content)),
        ("flood", PostError::Flood, None),
        ("closed", PostError::Closed, None),
        ("author-missing", PostError::AuthorRequired, Some(DraftField::Name)),
        ("content-empty", PostError::ContentRequired, Some(DraftField::Content)),
        ("email-invalid", PostError::InvalidEmail, Some(DraftField::Email)),
        (
            "post-missing",
            PostError::Refused("rest_comment_invalid_post_id".into()),
            None,
        ),
    ];
    for (case, error, field) in cases {
        let got = mapped(case);
        assert_eq!(got, Err(error.clone()), "{case}");
        assert_eq!(error.field(), field, "{case}");
        assert_eq!(error.may_retry(), case == "flood", "{case}");
    }
}

/// `rest_comment_login_required` needs a WordPress without the must-use
/// plugin, which the shared test site keeps: this body is WordPress 6's
/// (`WP_REST_Comments_Controller::create_item_permissions_check`).
#[test]
fn a_site_without_anonymous_comments_asks_for_an_account() {
    let body = r#"{"code":"rest_comment_login_required","message":"Sorry, you must be logged in to comment.","data":{"status":401}}"#;
    let answer = check_answer(401, "application/json; charset=UTF-8", body).unwrap();
    assert_eq!(outcome(&answer, &LinkContext::default()), Err(PostError::LoginRequired));
    // An HTML error page from a proxy is the status's error, retryable.
    let down = check_answer(502, "text/html", "<h1>Bad gateway</h1>").unwrap_err();
    assert_eq!(down, FetchError::Server(502));
    assert!(PostError::Network(down).may_retry());
}
