//! Content negotiation between the RDF formats and HTML, for the Linked Data pages and the
//! service description.

use axum::http::{HeaderMap, HeaderValue, StatusCode, header};
use axum::response::{IntoResponse, Response};
use oxigraph::io::{JsonLdProfileSet, RdfFormat};
use oxigraph::model::Triple;

use crate::sparql::choose;

/// A representation of a resource.
#[derive(Debug, Clone, Copy, PartialEq)]
pub enum Representation {
    /// RDF in this format.
    Rdf(RdfFormat),
    /// An HTML page for people.
    Html,
}

/// What is offered, in order of preference when the client has none (`*/*`): Turtle first.
const OFFERED: [Representation; 5] = [
    Representation::Rdf(RdfFormat::Turtle),
    Representation::Rdf(RdfFormat::JsonLd {
        profile: JsonLdProfileSet::empty(),
    }),
    Representation::Rdf(RdfFormat::NTriples),
    Representation::Rdf(RdfFormat::RdfXml),
    Representation::Html,
];

impl Representation {
    fn media_type(self) -> &'static str {
        match self {
            Self::Rdf(format) => format.media_type(),
            Self::Html => "text/html",
        }
    }

    fn from_media_type(media_type: &str) -> Option<Self> {
        match media_type {
            "text/html" | "application/xhtml+xml" => Some(Self::Html),
            other => RdfFormat::from_media_type(other).map(Self::Rdf),
        }
    }

    /// The representation the request's `Accept` header prefers, if any is offered.
    pub fn negotiate(headers: &HeaderMap) -> Option<Self> {
        let accept = headers.get(header::ACCEPT).and_then(|v| v.to_str().ok());
        choose(
            accept,
            &OFFERED,
            Self::media_type,
            Self::from_media_type,
            |a, b| a.media_type() == b.media_type(),
        )
    }

    /// `406 Not Acceptable`, listing what is offered.
    pub fn not_acceptable(headers: &HeaderMap) -> Response {
        let accept = headers
            .get(header::ACCEPT)
            .and_then(|v| v.to_str().ok())
            .unwrap_or_default();
        let offered: Vec<&str> = OFFERED.iter().map(|r| r.media_type()).collect();
        (
            StatusCode::NOT_ACCEPTABLE,
            [(header::CONTENT_TYPE, "text/plain; charset=utf-8")],
            format!(
                "none of the requested media types ({accept}) is available; available: {}\n",
                offered.join(", ")
            ),
        )
            .into_response()
    }
}

/// `triples` serialised in `format`, with `Vary: Accept`.
pub fn rdf_response(
    triples: &[Triple],
    format: RdfFormat,
    prefixes: &[(&str, String)],
) -> Response {
    match crate::rdf::triples_to_bytes(triples, format, prefixes) {
        Ok(body) => (
            [
                (
                    header::CONTENT_TYPE,
                    HeaderValue::from_static(format.media_type()),
                ),
                (header::VARY, HeaderValue::from_static("accept")),
            ],
            body,
        )
            .into_response(),
        Err(error) => {
            tracing::error!(%error, "cannot serialise RDF");
            (
                StatusCode::INTERNAL_SERVER_ERROR,
                format!("cannot serialise RDF: {error}\n"),
            )
                .into_response()
        }
    }
}
