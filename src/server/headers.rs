//! Headers the handlers share: the media type of a request body, and the security headers
//! of every answer (on HTML pages a content security policy that fits the page, and the
//! headers that stop framing and referrer leaks; `X-Content-Type-Options` on everything).

use axum::extract::Request;
use axum::http::{HeaderMap, HeaderValue, header};
use axum::middleware::Next;
use axum::response::Response;

/// The explorer loads only its own modules, styles and the vendored Cytoscape.
const EXPLORER_POLICY: &str = "default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' data: blob:; font-src 'self' data:; connect-src 'self'; object-src 'none'; base-uri 'self'; form-action 'self'; frame-ancestors 'none'";
/// GraphiQL and the Linked Data pages carry an inline script or style of their own.
const PAGE_POLICY: &str = "default-src 'self'; script-src 'self' 'unsafe-inline'; style-src 'self' 'unsafe-inline'; img-src 'self' data:; font-src 'self' data:; connect-src 'self'; object-src 'none'; base-uri 'self'; form-action 'self'; frame-ancestors 'none'";

/// Adds the headers to the response of `request`.
pub async fn security_headers(request: Request, next: Next) -> Response {
    let path = request.uri().path();
    let explorer = path == "/" || path == "/explore" || path.starts_with("/explore/");
    let mut response = next.run(request).await;
    let headers = response.headers_mut();
    headers.insert(
        header::X_CONTENT_TYPE_OPTIONS,
        HeaderValue::from_static("nosniff"),
    );
    let is_html = headers
        .get(header::CONTENT_TYPE)
        .and_then(|v| v.to_str().ok())
        .is_some_and(|v| v.starts_with("text/html"));
    if is_html {
        let policy = if explorer {
            EXPLORER_POLICY
        } else {
            PAGE_POLICY
        };
        headers.insert(
            header::CONTENT_SECURITY_POLICY,
            HeaderValue::from_static(policy),
        );
        headers.insert(
            header::REFERRER_POLICY,
            HeaderValue::from_static("strict-origin-when-cross-origin"),
        );
        headers.insert(header::X_FRAME_OPTIONS, HeaderValue::from_static("DENY"));
    }
    response
}

/// The media type of a request body (`Content-Type` without its parameters, lowercased), or
/// an empty string when there is none.
pub fn body_media_type(headers: &HeaderMap) -> String {
    headers
        .get(header::CONTENT_TYPE)
        .and_then(|v| v.to_str().ok())
        .unwrap_or("")
        .split(';')
        .next()
        .unwrap_or("")
        .trim()
        .to_ascii_lowercase()
}

/// The request's `Accept` header, if it has a readable one.
pub fn accept_header(headers: &HeaderMap) -> Option<&str> {
    headers.get(header::ACCEPT).and_then(|v| v.to_str().ok())
}

/// The request's `Accept` header, or an empty string (for error messages).
pub fn accept(headers: &HeaderMap) -> &str {
    accept_header(headers).unwrap_or_default()
}
