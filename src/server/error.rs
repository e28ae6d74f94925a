//! The one error type of the HTTP layer, mapped to a status code in one place.

use axum::http::{HeaderValue, StatusCode, header};
use axum::response::{IntoResponse, Response};

use super::Busy;
use crate::excerpt::excerpt;
use crate::sparql::SparqlError;

/// Anything a handler can fail with.
#[derive(Debug, thiserror::Error)]
pub enum ServerError {
    /// A SPARQL request was refused or failed.
    #[error(transparent)]
    Sparql(#[from] SparqlError),
    /// The request is malformed (missing parameter, wrong content type …).
    #[error("{0}")]
    BadRequest(String),
    /// The request body has a media type the endpoint does not take.
    #[error("{0}")]
    UnsupportedMediaType(String),
    /// Nothing at this address.
    #[error("{0}")]
    NotFound(String),
    /// The method is not allowed for this request.
    #[error("{0}")]
    MethodNotAllowed(String),
    /// Too many requests of this kind are running; retry after a moment.
    #[error("too many requests are running{}; retry in {} s", if .0.per_client { " from your address" } else { "" }, .0.retry_after_secs)]
    Busy(Busy),
    /// A bug or a failed background task.
    #[error("internal error: {0}")]
    Internal(String),
    /// The server runs without the RDF store (`serve --no-rdf-store`).
    #[error(
        "this server runs without the RDF store (serve --no-rdf-store): SPARQL and the Linked Data descriptions are off; GraphQL, the explorer, exports and dumps are served"
    )]
    NoRdfStore,
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
                SparqlError::Evaluation(_) | SparqlError::Internal(_) => {
                    StatusCode::INTERNAL_SERVER_ERROR
                }
            },
            Self::BadRequest(_) => StatusCode::BAD_REQUEST,
            Self::UnsupportedMediaType(_) => StatusCode::UNSUPPORTED_MEDIA_TYPE,
            Self::NotFound(_) => StatusCode::NOT_FOUND,
            Self::MethodNotAllowed(_) => StatusCode::METHOD_NOT_ALLOWED,
            Self::Busy(_) => StatusCode::TOO_MANY_REQUESTS,
            Self::Internal(_) => StatusCode::INTERNAL_SERVER_ERROR,
            Self::NoRdfStore => StatusCode::SERVICE_UNAVAILABLE,
        }
    }
}

impl IntoResponse for ServerError {
    fn into_response(self) -> Response {
        let status = self.status();
        if status.is_server_error() {
            tracing::error!(error = %self, "request failed");
        }
        let mut response = (
            status,
            [("content-type", "text/plain; charset=utf-8")],
            format!("{}\n", excerpt(&self.to_string())),
        )
            .into_response();
        if let Self::Busy(busy) = &self {
            response.headers_mut().insert(
                header::RETRY_AFTER,
                HeaderValue::from(busy.retry_after_secs),
            );
        }
        response
    }
}
