//! Linked Data: the graph's own IRIs resolve. `/id/{slug}` (entities), `/statement/…` and
//! `/reference/…` (evidence), `/ontology` (the vocabulary; `/prop/…` redirect to it),
//! `/shapes`, `/dump/{file}` and `/.well-known/void`, each in Turtle, JSON-LD, N-Triples or
//! RDF/XML for machines and HTML for people, chosen by `Accept`.

mod html;
mod pages;
mod representation;

use std::sync::Arc;

use axum::Router;
use axum::extract::{Path, State};
use axum::http::{HeaderMap, HeaderValue, StatusCode, header};
use axum::response::{IntoResponse, Response};
use axum::routing::get;
use oxigraph::io::RdfFormat;
use oxigraph::model::NamedNode;
use tower_http::set_header::SetResponseHeaderLayer;

pub use html::{escape, html_page};
pub use representation::{Representation, rdf_response};

use super::{AppState, ServerError};
use crate::SharedDataset;
use crate::rdf::{self, CHECKSUMS_FILE, Publication, RdfError};

/// What the Linked Data handlers share: the dataset and the published files, built on first use.
#[derive(Clone)]
struct LinkedData {
    dataset: SharedDataset,
    publication: Arc<std::sync::OnceLock<Result<Publication, Arc<RdfError>>>>,
}

/// The Linked Data routes, with their own state taken from `state`.
pub fn routes(state: &AppState) -> Router<AppState> {
    let linked = LinkedData {
        dataset: state.dataset.clone(),
        publication: Arc::default(),
    };
    Router::new()
        .route("/id/{slug}", get(entity))
        .route("/statement/{*path}", get(evidence))
        .route("/reference/{*path}", get(evidence))
        .route("/ontology", get(ontology))
        .route("/prop/{kind}", get(statement_property))
        .route("/prop/statement/{kind}", get(statement_property))
        .route("/shapes", get(shapes))
        .route("/instruments", get(instruments))
        .route("/measures", get(measures))
        .route("/dump", get(dump_index))
        .route("/dump/", get(dump_index))
        .route("/dump/{file}", get(dump_file))
        .route("/.well-known/void", get(void))
        // The graph never changes while the server runs; caches revalidate with the ETag.
        .layer(SetResponseHeaderLayer::if_not_present(
            header::CACHE_CONTROL,
            HeaderValue::from_static("public, max-age=300"),
        ))
        .with_state(linked)
}

impl LinkedData {
    async fn publication(&self) -> Result<&Publication, ServerError> {
        if self.publication.get().is_none() {
            let this = self.clone();
            // Serialising every dump takes a moment: keep it off the async threads.
            tokio::task::spawn_blocking(move || {
                this.publication.get_or_init(|| {
                    Publication::build(&this.dataset.model, &this.dataset.iris).map_err(Arc::new)
                });
            })
            .await?;
        }
        match self.publication.get() {
            Some(Ok(publication)) => Ok(publication),
            Some(Err(error)) => Err(ServerError::Rdf(error.clone())),
            None => Err(ServerError::Internal("the publication was not built")),
        }
    }
}

/// `GET /id/{slug}`: an entity.
async fn entity(
    State(linked): State<LinkedData>,
    Path(slug): Path<String>,
    headers: HeaderMap,
) -> Result<Response, ServerError> {
    let data = &linked.dataset;
    let Some(entity) = data.model.entity(&slug) else {
        return Err(ServerError::NotFound(format!(
            "no entity with id {slug:?}; ids are lowercase ASCII such as changzhou-kejiaocheng"
        )));
    };
    Ok(match Representation::negotiate(&headers) {
        Some(Representation::Html) => pages::entity_page(data, entity),
        Some(Representation::Rdf(format)) => {
            let triples = describe(data, &data.iris.entity(&slug))?;
            rdf_response(&triples, format, &data.iris.prefixes())?
        }
        None => return Err(Representation::not_acceptable(&headers)),
    })
}

/// `GET /statement/…` and `GET /reference/…`: a statement node or a reference.
async fn evidence(
    State(linked): State<LinkedData>,
    uri: axum::http::Uri,
    headers: HeaderMap,
) -> Result<Response, ServerError> {
    let data = &linked.dataset;
    let path = uri.path().trim_start_matches('/');
    let iri = NamedNode::new(format!("{}{path}", data.iris.base()))
        .map_err(|_| ServerError::NotFound(format!("no resource at /{path}")))?;
    let triples = describe(data, &iri)?;
    if triples.is_empty() {
        return Err(ServerError::NotFound(format!(
            "no statement or reference at /{path}"
        )));
    }
    Ok(match Representation::negotiate(&headers) {
        Some(Representation::Html) => pages::triples_page(data, &iri, &triples),
        Some(Representation::Rdf(format)) => rdf_response(&triples, format, &data.iris.prefixes())?,
        None => return Err(Representation::not_acceptable(&headers)),
    })
}

fn describe(
    data: &SharedDataset,
    iri: &NamedNode,
) -> Result<Vec<oxigraph::model::Triple>, ServerError> {
    let store = data.store.as_ref().ok_or(ServerError::NoRdfStore)?;
    Ok(rdf::describe(store, &data.iris, iri)?)
}

/// `GET /ontology`: the vocabulary.
async fn ontology(
    State(linked): State<LinkedData>,
    headers: HeaderMap,
) -> Result<Response, ServerError> {
    let data = &linked.dataset;
    let vocabulary = &data.model.vocabulary;
    Ok(match Representation::negotiate(&headers) {
        Some(Representation::Html) => {
            let terms = rdf::terms(vocabulary, &data.iris).map_err(RdfError::from)?;
            pages::ontology_page(data, &terms)
        }
        // The Turtle is the hand-formatted document, byte for byte graph-data/ontology.ttl
        // under the default base.
        Some(Representation::Rdf(RdfFormat::Turtle)) => {
            turtle_text(rdf::ontology_turtle(vocabulary, &data.iris).map_err(RdfError::from)?)
        }
        Some(Representation::Rdf(format)) => {
            let triples = rdf::ontology_triples(vocabulary, &data.iris)?;
            rdf_response(&triples, format, &vocabulary_prefixes(data))?
        }
        None => return Err(Representation::not_acceptable(&headers)),
    })
}

fn vocabulary_prefixes(data: &SharedDataset) -> Vec<(&'static str, String)> {
    let mut prefixes = data.iris.prefixes();
    prefixes.push(("schema", rdf::ns::SCHEMA.to_owned()));
    prefixes.push(("org", rdf::ns::ORG.to_owned()));
    prefixes.push(("sh", rdf::ns::SH.to_owned()));
    prefixes
}

/// `GET /prop/{kind}` and `GET /prop/statement/{kind}`: `303 See Other` to the vocabulary,
/// which defines them.
async fn statement_property(
    State(linked): State<LinkedData>,
    uri: axum::http::Uri,
    Path(kind): Path<String>,
) -> Result<Response, ServerError> {
    if linked.dataset.model.vocabulary.relation(&kind).is_none() {
        return Err(ServerError::NotFound(format!(
            "no relation kind {kind:?} in the vocabulary"
        )));
    }
    let value = uri.path().starts_with("/prop/statement/");
    // Relative, so that it holds behind a proxy that serves the base IRI under a path.
    let location = if value {
        format!("../../ontology#prop-statement-{kind}")
    } else {
        format!("../ontology#prop-{kind}")
    };
    Ok((
        StatusCode::SEE_OTHER,
        [(header::LOCATION, location)],
        "defined in the vocabulary\n",
    )
        .into_response())
}

/// `GET /shapes`: the SHACL shapes.
async fn shapes(
    State(linked): State<LinkedData>,
    headers: HeaderMap,
) -> Result<Response, ServerError> {
    let data = &linked.dataset;
    let text = rdf::shapes_turtle(&data.model.vocabulary, &data.iris);
    Ok(match Representation::negotiate(&headers) {
        Some(Representation::Html) => html_page(
            "SHACL shapes · sunan-kg",
            &format!(
                "<h1>SHACL shapes</h1><p>Validate a dump with them: <code>pyshacl -s shapes.ttl sunan-kg.ttl</code>. Machines get this document as Turtle.</p><pre>{}</pre>",
                escape(&text)
            ),
        ),
        Some(Representation::Rdf(RdfFormat::Turtle)) => turtle_text(text),
        Some(Representation::Rdf(format)) => {
            let triples = parse(&text)?;
            rdf_response(&triples, format, &vocabulary_prefixes(data))?
        }
        None => return Err(Representation::not_acceptable(&headers)),
    })
}

/// `GET /instruments`: the policy-instrument concept scheme.
async fn instruments(
    State(linked): State<LinkedData>,
    headers: HeaderMap,
) -> Result<Response, ServerError> {
    let data = &linked.dataset;
    let instruments = &data.model.instruments;
    let rows: String = instruments
        .types
        .iter()
        .chain(&instruments.tools)
        .map(|c| {
            format!(
                "<tr id=\"{id}\"><td><code>{id}</code></td><td>{}</td><td lang=\"zh-Hans\">{}</td><td>{}</td></tr>\n",
                escape(&c.en),
                escape(&c.zh),
                escape(&c.definition_en),
                id = escape(&c.id),
            )
        })
        .collect();
    let body = format!(
        "<h1>{} {}</h1><p>{}</p><p><small>{}</small></p><table><thead><tr><th>Id</th><th>English</th><th>中文</th><th>Definition</th></tr></thead><tbody>{rows}</tbody></table>",
        escape(&instruments.en),
        escape(&instruments.zh),
        escape(&instruments.definition_en),
        escape(&instruments.source),
    );
    let triples = rdf::instrument_scheme_triples(&data.model, &data.iris);
    scheme_response(
        &headers,
        data,
        "Policy instruments · sunan-kg",
        &body,
        &triples,
    )
}

/// `GET /measures`: the concept scheme of what targets measure.
async fn measures(
    State(linked): State<LinkedData>,
    headers: HeaderMap,
) -> Result<Response, ServerError> {
    let data = &linked.dataset;
    let rows: String = data
        .model
        .measures
        .iter()
        .map(|m| {
            format!(
                "<tr id=\"{id}\"><td><code>{id}</code></td><td>{}</td><td lang=\"zh-Hans\">{}</td><td>{}</td></tr>\n",
                escape(&m.en),
                escape(&m.zh),
                escape(&m.definition_en),
                id = escape(&m.id),
            )
        })
        .collect();
    let body = format!(
        "<h1>Measures of quantitative targets</h1><table><thead><tr><th>Id</th><th>English</th><th>中文</th><th>Definition</th></tr></thead><tbody>{rows}</tbody></table>"
    );
    let triples = rdf::measure_scheme_triples(&data.model, &data.iris);
    scheme_response(&headers, data, "Measures · sunan-kg", &body, &triples)
}

fn scheme_response(
    headers: &HeaderMap,
    data: &SharedDataset,
    title: &str,
    body: &str,
    triples: &[oxigraph::model::Triple],
) -> Result<Response, ServerError> {
    match Representation::negotiate(headers) {
        Some(Representation::Html) => Ok(html_page(title, body)),
        Some(Representation::Rdf(format)) => {
            rdf_response(triples, format, &vocabulary_prefixes(data))
        }
        None => Err(Representation::not_acceptable(headers)),
    }
}

fn parse(text: &str) -> Result<Vec<oxigraph::model::Triple>, ServerError> {
    oxigraph::io::RdfParser::from_format(RdfFormat::Turtle)
        .for_slice(text.as_bytes())
        .map(|q| q.map(Into::into))
        .collect::<Result<Vec<_>, _>>()
        .map_err(|e| {
            RdfError::Generated {
                document: "shapes",
                reason: e.to_string(),
            }
            .into()
        })
}

fn turtle_text(text: String) -> Response {
    (
        [
            (
                header::CONTENT_TYPE,
                HeaderValue::from_static("text/turtle"),
            ),
            (header::VARY, HeaderValue::from_static("accept")),
        ],
        text,
    )
        .into_response()
}

/// `GET /dump/`: the list of dumps with sizes and checksums.
async fn dump_index(State(linked): State<LinkedData>) -> Result<Response, ServerError> {
    let publication = linked.publication().await?;
    Ok(pages::dump_index(&linked.dataset, publication))
}

/// `GET /dump/{file}`: one dump, or the checksums.
async fn dump_file(
    State(linked): State<LinkedData>,
    Path(file): Path<String>,
    headers: HeaderMap,
) -> Result<Response, ServerError> {
    let publication = linked.publication().await?;
    if file == CHECKSUMS_FILE {
        return Ok((
            [(header::CONTENT_TYPE, "text/plain; charset=utf-8")],
            publication.dumps.checksums(),
        )
            .into_response());
    }
    let Some(dump) = publication.dumps.file(&file) else {
        return Err(ServerError::NotFound(format!(
            "no dump {file:?}; the dumps are {}",
            publication
                .dumps
                .files
                .iter()
                .map(|f| f.name.as_str())
                .chain([CHECKSUMS_FILE])
                .collect::<Vec<_>>()
                .join(", ")
        )));
    };
    // The checksum is a strong validator: the same bytes always have the same one.
    let etag = format!("\"{}\"", dump.sha256);
    let fresh = headers
        .get(header::IF_NONE_MATCH)
        .and_then(|v| v.to_str().ok())
        .is_some_and(|v| v.split(',').any(|t| t.trim() == etag || t.trim() == "*"));
    let etag_header = HeaderValue::from_str(&etag).unwrap_or(HeaderValue::from_static("\"\""));
    if fresh {
        return Ok((StatusCode::NOT_MODIFIED, [(header::ETAG, etag_header)]).into_response());
    }
    Ok((
        [
            (
                header::CONTENT_TYPE,
                HeaderValue::from_static(dump.format.media_type()),
            ),
            (header::ETAG, etag_header),
        ],
        dump.bytes.clone(),
    )
        .into_response())
}

/// `GET /.well-known/void`: the VoID/DCAT description of the dataset.
async fn void(
    State(linked): State<LinkedData>,
    headers: HeaderMap,
) -> Result<Response, ServerError> {
    let publication = linked.publication().await?;
    let prefixes = rdf::void_prefixes(&linked.dataset.iris);
    Ok(match Representation::negotiate(&headers) {
        Some(Representation::Html) => html_page(
            "VoID description · sunan-kg",
            &format!(
                "<h1>sunan-kg, dataset version {}</h1><p>The VoID/DCAT description of the dataset (machines get it as Turtle, JSON-LD, N-Triples or RDF/XML).</p><pre>{}</pre>",
                escape(&publication.version),
                escape(&String::from_utf8_lossy(&publication.void_turtle))
            ),
        ),
        Some(Representation::Rdf(format)) => rdf_response(&publication.void, format, &prefixes)?,
        None => return Err(Representation::not_acceptable(&headers)),
    })
}
