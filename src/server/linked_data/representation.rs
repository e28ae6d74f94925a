//! Content negotiation between the RDF formats and HTML, for the Linked Data pages and the
//! service description.

use axum::http::{HeaderMap, HeaderValue, header};
use axum::response::{IntoResponse, Response};
use oxigraph::io::{JsonLdProfileSet, RdfFormat};
use oxigraph::model::Triple;

use crate::rdf::RdfError;
use crate::server::ServerError;
use crate::server::headers::{accept, accept_header};
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
        choose(
            accept_header(headers),
            &OFFERED,
            Self::media_type,
            Self::from_media_type,
            |a, b| a.media_type() == b.media_type(),
        )
    }

    /// `406 Not Acceptable`, listing what is offered.
    pub fn not_acceptable(headers: &HeaderMap) -> ServerError {
        ServerError::NotAcceptable {
            accept: accept(headers).to_owned(),
            offered: OFFERED.map(Self::media_type).to_vec(),
        }
    }
}

/// `triples` serialised in `format`, with `Vary: Accept`.
pub fn rdf_response(
    triples: &[Triple],
    format: RdfFormat,
    prefixes: &[(&str, String)],
) -> Result<Response, ServerError> {
    let body = crate::rdf::triples_to_bytes(triples, format, prefixes).map_err(RdfError::Io)?;
    Ok((
        [
            (
                header::CONTENT_TYPE,
                HeaderValue::from_static(format.media_type()),
            ),
            (header::VARY, HeaderValue::from_static("accept")),
        ],
        body,
    )
        .into_response())
}
