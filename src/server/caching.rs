//! Revalidation: every cacheable `GET` answer carries an `ETag`, and a request whose
//! `If-None-Match` names it gets `304 Not Modified` without the body.
//!
//! The tag is a digest of the answer's bytes, so it changes whenever the answer does, whether
//! the data or the code behind it changed; it is weak (`W/`) because the compression layer
//! outside may re-encode the same content. An answer is cacheable when its handler says so
//! with a `Cache-Control` header that allows storing (GraphQL answers without errors, Linked
//! Data, dumps, exports, assets).

use axum::body::{Body, to_bytes};
use axum::extract::Request;
use axum::http::{HeaderMap, HeaderValue, Method, StatusCode, header};
use axum::middleware::Next;
use axum::response::{IntoResponse, Response};

use super::ServerError;
use crate::rdf::sha256_hex;

/// Largest body buffered to compute its tag (the largest dump is well below it); a larger
/// body is sent without a tag.
const MAX_TAGGED_BYTES: usize = 256 * 1024 * 1024;
/// Hexadecimal digits of the digest kept in a tag.
const TAG_DIGITS: usize = 20;

/// The middleware; see the module documentation.
pub async fn revalidate(request: Request, next: Next) -> Response {
    if request.method() != Method::GET && request.method() != Method::HEAD {
        return next.run(request).await;
    }
    let if_none_match = request.headers().get(header::IF_NONE_MATCH).cloned();
    let response = next.run(request).await;
    // A handler that tags its own answers (the dumps, by their published checksums) also
    // answers their revalidation.
    if response.status() != StatusCode::OK
        || !cacheable(response.headers())
        || response.headers().contains_key(header::ETAG)
    {
        return response;
    }
    let (mut parts, body) = response.into_parts();
    let bytes = match to_bytes(body, MAX_TAGGED_BYTES).await {
        Ok(bytes) => bytes,
        Err(error) => return ServerError::Body(error).into_response(),
    };
    let mut digest = sha256_hex(&bytes);
    digest.truncate(TAG_DIGITS);
    let tag = format!("W/\"{digest}\"");
    let Ok(value) = HeaderValue::from_str(&tag) else {
        return Response::from_parts(parts, Body::from(bytes));
    };
    parts.headers.insert(header::ETAG, value);
    if if_none_match.is_some_and(|v| matches(&v, &digest)) {
        let mut not_modified = StatusCode::NOT_MODIFIED.into_response();
        for name in [header::ETAG, header::CACHE_CONTROL, header::VARY] {
            if let Some(value) = parts.headers.get(&name) {
                not_modified.headers_mut().insert(name, value.clone());
            }
        }
        return not_modified;
    }
    Response::from_parts(parts, Body::from(bytes))
}

/// Whether the handler allows storing the answer.
fn cacheable(headers: &HeaderMap) -> bool {
    headers
        .get(header::CACHE_CONTROL)
        .and_then(|v| v.to_str().ok())
        .is_some_and(|v| !v.contains("no-store") && !v.contains("private"))
}

/// Whether an `If-None-Match` value names the tag (weak comparison) or is `*`.
fn matches(if_none_match: &HeaderValue, digest: &str) -> bool {
    let Ok(text) = if_none_match.to_str() else {
        return false;
    };
    text.split(',').map(str::trim).any(|candidate| {
        candidate == "*" || candidate.trim_start_matches("W/").trim_matches('"') == digest
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn weak_and_strong_forms_and_lists_match() {
        let digest = "0123abcd";
        for value in [
            "W/\"0123abcd\"",
            "\"0123abcd\"",
            "\"x\", W/\"0123abcd\"",
            "*",
        ] {
            assert!(matches(&HeaderValue::from_static(value), digest), "{value}");
        }
        assert!(!matches(
            &HeaderValue::from_static("W/\"0123abce\""),
            digest
        ));
    }
}
