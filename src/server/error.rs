//! The one error type of the HTTP layer and the one place where errors become responses.
//!
//! A handler fails with a [`ServerError`]. [`ServerError::status`] says which HTTP status it
//! is; `IntoResponse` writes it as plain text, [`ServerError::into_graphql_response`] as a
//! GraphQL error body with a code. Neither logs: both leave a [`Failure`] on the response,
//! and [`log_failures`], a middleware, logs it with the chain of its sources.

use std::error::Error as _;
use std::sync::Arc;
use std::time::Duration;

use axum::extract::Request;
use axum::extract::rejection::BytesRejection;
use axum::http::{HeaderValue, StatusCode, header};
use axum::middleware::Next;
use axum::response::{IntoResponse, Response};
use serde_json::json;

use super::Busy;
use crate::excerpt::excerpt;
use crate::export::ExportError;
use crate::graphql::codes;
use crate::rdf::RdfError;
use crate::sparql::SparqlError;

/// Anything a handler can fail with.
#[derive(Debug, thiserror::Error)]
pub enum ServerError {
    /// A SPARQL request was refused or failed.
    #[error(transparent)]
    Sparql(#[from] SparqlError),
    /// The request body was too large or not sent in time.
    #[error("{}", .0.body_text())]
    BodyRejected(#[from] BytesRejection),
    /// The request is malformed (missing parameter, wrong content type …).
    #[error("{0}")]
    BadRequest(String),
    /// The request body has a media type the endpoint does not take.
    #[error("{0}")]
    UnsupportedMediaType(String),
    /// The `Accept` header allows none of the media types offered.
    #[error(
        "none of the requested media types ({accept}) is available; available: {}",
        offered.join(", ")
    )]
    NotAcceptable {
        /// The request's `Accept` header.
        accept: String,
        /// What the resource is available as.
        offered: Vec<&'static str>,
    },
    /// Nothing at this address.
    #[error("{0}")]
    NotFound(String),
    /// The method is not allowed for this request.
    #[error("{0}")]
    MethodNotAllowed(String),
    /// Too many requests of this kind are running; retry after a moment.
    #[error("too many requests are running{}; retry in {} s", if .0.per_client { " from your address" } else { "" }, .0.retry_after_secs)]
    Busy(Busy),
    /// The answer took longer than this and was abandoned.
    #[error("the request ran longer than {0:?} and was abandoned")]
    TimedOut(Duration),
    /// The answer is larger than the server sends. GraphQL reports it with status 200, as
    /// an error of an executed request.
    #[error(
        "the answer is {bytes} bytes, more than the limit of {limit}: ask for smaller pages or fewer fields"
    )]
    ResponseTooLarge {
        /// The size of the answer.
        bytes: usize,
        /// The largest answer sent.
        limit: usize,
    },
    /// The server runs without the RDF store (`serve --no-rdf-store`).
    #[error(
        "this server runs without the RDF store (serve --no-rdf-store): SPARQL and the Linked Data descriptions are off; GraphQL, the explorer, exports and dumps are served"
    )]
    NoRdfStore,
    /// RDF could not be built, read or written (a bug: the same code built the store).
    #[error("cannot publish RDF")]
    Rdf(#[source] Arc<RdfError>),
    /// A CSV export could not be written.
    #[error("cannot write the export")]
    Export(#[from] ExportError),
    /// A JSON answer could not be written or read back.
    #[error("cannot write the JSON answer")]
    Json(#[from] serde_json::Error),
    /// A response body could not be read (to tag it for caching).
    #[error("cannot read the response body")]
    Body(#[source] axum::Error),
    /// A task on the blocking pool panicked or was cancelled.
    #[error("the request failed in a background task")]
    Task(#[from] tokio::task::JoinError),
    /// Something the server builds itself is missing: a bug.
    #[error("internal error: {0}")]
    Internal(&'static str),
}

impl From<RdfError> for ServerError {
    fn from(error: RdfError) -> Self {
        Self::Rdf(Arc::new(error))
    }
}

impl ServerError {
    /// The HTTP status of this error.
    pub fn status(&self) -> StatusCode {
        match self {
            Self::Sparql(error) => match error {
                SparqlError::Syntax(_)
                | SparqlError::TooComplex(_)
                | SparqlError::UnsupportedFunction(_)
                | SparqlError::TooManyResults(_)
                | SparqlError::UnknownGraph { .. } => StatusCode::BAD_REQUEST,
                SparqlError::UpdateRefused | SparqlError::ServiceRefused => StatusCode::FORBIDDEN,
                SparqlError::Timeout(_)
                | SparqlError::MemoryExceeded(_)
                | SparqlError::Stopped(_) => StatusCode::SERVICE_UNAVAILABLE,
                SparqlError::NotAcceptable { .. } => StatusCode::NOT_ACCEPTABLE,
                SparqlError::Evaluation(_)
                | SparqlError::Write(_)
                | SparqlError::Spawn(_)
                | SparqlError::Panicked => StatusCode::INTERNAL_SERVER_ERROR,
            },
            Self::BodyRejected(rejection) => rejection.status(),
            Self::BadRequest(_) => StatusCode::BAD_REQUEST,
            Self::UnsupportedMediaType(_) => StatusCode::UNSUPPORTED_MEDIA_TYPE,
            Self::NotAcceptable { .. } => StatusCode::NOT_ACCEPTABLE,
            Self::NotFound(_) => StatusCode::NOT_FOUND,
            Self::MethodNotAllowed(_) => StatusCode::METHOD_NOT_ALLOWED,
            Self::Busy(_) => StatusCode::TOO_MANY_REQUESTS,
            Self::TimedOut(_) | Self::NoRdfStore => StatusCode::SERVICE_UNAVAILABLE,
            Self::ResponseTooLarge { .. } => StatusCode::OK,
            Self::Rdf(_)
            | Self::Export(_)
            | Self::Json(_)
            | Self::Body(_)
            | Self::Task(_)
            | Self::Internal(_) => StatusCode::INTERNAL_SERVER_ERROR,
        }
    }

    /// The `extensions.code` of this error in a GraphQL error body.
    pub fn graphql_code(&self) -> &'static str {
        match self {
            Self::Busy(_) => codes::OVERLOADED,
            Self::TimedOut(_) => codes::TIMEOUT,
            Self::ResponseTooLarge { .. } => codes::RESPONSE_TOO_LARGE,
            _ if self.status().is_server_error() => codes::INTERNAL,
            _ => codes::BAD_REQUEST,
        }
    }

    /// This error as a GraphQL error body (`{"errors": [{"message", "extensions": {"code"}}]}`),
    /// for failures of `/graphql` before or after execution.
    pub fn into_graphql_response(self) -> Response {
        let body = json!({
            "errors": [{
                "message": excerpt(&self.to_string()),
                "extensions": { "code": self.graphql_code() },
            }]
        });
        self.respond(
            header::HeaderValue::from_static("application/json"),
            body.to_string(),
        )
    }

    /// The response with `body`, the status, `Retry-After` when the client should retry,
    /// and the [`Failure`] for the log.
    fn respond(self, content_type: HeaderValue, body: String) -> Response {
        let status = self.status();
        let mut response = (status, [(header::CONTENT_TYPE, content_type)], body).into_response();
        if let Self::Busy(busy) = &self {
            response.headers_mut().insert(
                header::RETRY_AFTER,
                HeaderValue::from(busy.retry_after_secs),
            );
        }
        response.extensions_mut().insert(Failure::of(&self));
        response
    }
}

impl IntoResponse for ServerError {
    fn into_response(self) -> Response {
        let body = format!("{}\n", excerpt(&self.to_string()));
        self.respond(HeaderValue::from_static("text/plain; charset=utf-8"), body)
    }
}

/// What a failed request leaves on its response for [`log_failures`]: the error and the
/// chain of its sources, which the response body does not show.
#[derive(Debug, Clone)]
pub struct Failure {
    /// The status the error mapped to.
    pub status: StatusCode,
    /// The error's message followed by each of its sources, separated by `: `.
    pub chain: String,
}

impl Failure {
    fn of(error: &ServerError) -> Self {
        let mut chain = error.to_string();
        let mut source = error.source();
        while let Some(cause) = source {
            // Many errors show their source in their own message already.
            let text = cause.to_string();
            if !chain.ends_with(&text) {
                chain.push_str(": ");
                chain.push_str(&text);
            }
            source = cause.source();
        }
        Self {
            status: error.status(),
            chain,
        }
    }
}

/// The middleware that logs failed requests: server errors as errors, with their sources;
/// refused requests at debug level, since they are the client's to fix.
pub async fn log_failures(request: Request, next: Next) -> Response {
    let method = request.method().clone();
    let path = request.uri().path().to_owned();
    let response = next.run(request).await;
    if let Some(failure) = response.extensions().get::<Failure>() {
        if failure.status.is_server_error() {
            tracing::error!(%method, %path, status = %failure.status, error = %failure.chain, "request failed");
        } else {
            tracing::debug!(%method, %path, status = %failure.status, error = %failure.chain, "request refused");
        }
    }
    response
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_failure_keeps_the_chain_of_causes_that_the_body_leaves_out() {
        let error = ServerError::from(RdfError::Io(std::io::Error::other("disk full")));
        let failure = Failure::of(&error);
        assert_eq!(failure.status, StatusCode::INTERNAL_SERVER_ERROR);
        assert_eq!(
            failure.chain,
            "cannot publish RDF: cannot write RDF: disk full"
        );
        let response = error.into_response();
        assert_eq!(response.status(), StatusCode::INTERNAL_SERVER_ERROR);
        assert!(response.extensions().get::<Failure>().is_some());
    }

    #[test]
    fn graphql_bodies_carry_the_code_of_the_failure() {
        let busy = ServerError::Busy(Busy {
            per_client: false,
            retry_after_secs: 2,
        });
        assert_eq!(busy.graphql_code(), codes::OVERLOADED);
        let response = busy.into_graphql_response();
        assert_eq!(response.status(), StatusCode::TOO_MANY_REQUESTS);
        assert_eq!(response.headers()[header::RETRY_AFTER], "2");
        let too_large = ServerError::ResponseTooLarge { bytes: 2, limit: 1 };
        assert_eq!(too_large.status(), StatusCode::OK);
        assert_eq!(too_large.graphql_code(), codes::RESPONSE_TOO_LARGE);
        assert_eq!(ServerError::Internal("x").graphql_code(), codes::INTERNAL);
    }
}
