//! `GET/POST /sparql`: the SPARQL 1.1 Protocol over [`crate::sparql::SparqlService`]. Without a
//! query, `GET` returns the service description (RDF) or a query form (HTML).

use axum::body::Bytes;
use axum::extract::{Query, State};
use axum::http::{HeaderMap, HeaderValue, header};
use axum::response::{IntoResponse, Response};

use super::admission::ClientAddress;
use super::linked_data::{Representation, rdf_response};
use super::{AppState, ServerError};
use crate::sparql::{DatasetRequest, Request, SparqlError, SparqlService};

/// `GET /sparql?query=…`, or the service description when there is no query.
pub async fn get(
    State(state): State<AppState>,
    client: ClientAddress,
    Query(params): Query<Vec<(String, String)>>,
    headers: HeaderMap,
) -> Result<Response, ServerError> {
    let params = ProtocolParams::from_pairs(params);
    if params.update.is_some() {
        return Err(SparqlError::UpdateRefused.into());
    }
    let Some(query) = params.query else {
        if !params.dataset.is_empty() {
            return Err(ServerError::BadRequest(
                "default-graph-uri and named-graph-uri need a query parameter".into(),
            ));
        }
        let sparql = state.sparql.as_ref().ok_or(ServerError::NoRdfStore)?;
        return service_description(&state, sparql, &headers);
    };
    run(&state, client, query, params.dataset, &headers).await
}

/// `POST /sparql` with a form (`query=` or `update=`) or a direct `application/sparql-query`
/// body (the dataset then comes from the URL).
pub async fn post(
    State(state): State<AppState>,
    client: ClientAddress,
    Query(url_params): Query<Vec<(String, String)>>,
    headers: HeaderMap,
    body: Bytes,
) -> Result<Response, ServerError> {
    let content_type = super::headers::body_media_type(&headers);
    let text = || {
        String::from_utf8(body.to_vec())
            .map_err(|_| ServerError::BadRequest("the request body is not UTF-8".into()))
    };
    let (query, dataset) = match content_type.as_str() {
        "application/sparql-query" => {
            let params = ProtocolParams::from_pairs(url_params);
            (text()?, params.dataset)
        }
        "application/sparql-update" => {
            return Err(SparqlError::UpdateRefused.into());
        }
        "application/x-www-form-urlencoded" => {
            let pairs: Vec<(String, String)> = form_urlencoded::parse(&body)
                .map(|(k, v)| (k.into_owned(), v.into_owned()))
                .collect();
            let params = ProtocolParams::from_pairs(pairs);
            if params.update.is_some() {
                return Err(SparqlError::UpdateRefused.into());
            }
            let query = params
                .query
                .ok_or_else(|| ServerError::BadRequest("the form has no query field".into()))?;
            (query, params.dataset)
        }
        other => {
            return Err(ServerError::UnsupportedMediaType(format!(
                "unsupported content type {other:?}: use application/sparql-query or application/x-www-form-urlencoded"
            )));
        }
    };
    run(&state, client, query, dataset, &headers).await
}

/// The protocol parameters of a request.
struct ProtocolParams {
    query: Option<String>,
    update: Option<String>,
    dataset: DatasetRequest,
}

impl ProtocolParams {
    fn from_pairs(pairs: Vec<(String, String)>) -> Self {
        let mut params = Self {
            query: None,
            update: None,
            dataset: DatasetRequest::default(),
        };
        for (key, value) in pairs {
            match key.as_str() {
                // The protocol allows one query; the first wins.
                "query" => {
                    params.query.get_or_insert(value);
                }
                "update" => {
                    params.update.get_or_insert(value);
                }
                "default-graph-uri" => params.dataset.default_graphs.push(value),
                "named-graph-uri" => params.dataset.named_graphs.push(value),
                _ => {}
            }
        }
        params
    }
}

async fn run(
    state: &AppState,
    client: ClientAddress,
    query: String,
    dataset: DatasetRequest,
    headers: &HeaderMap,
) -> Result<Response, ServerError> {
    let accept = super::headers::accept_header(headers).map(str::to_owned);
    let _ticket = state
        .sparql_gate
        .admit(client.0)
        .await
        .map_err(ServerError::Busy)?;
    let sparql = state.sparql.as_ref().ok_or(ServerError::NoRdfStore)?;
    let answer = sparql
        .answer(Request {
            query,
            dataset,
            accept,
            prefixes: state.dataset.iris.prefixes(),
        })
        .await?;
    Ok((
        [
            (
                header::CONTENT_TYPE,
                HeaderValue::from_static(answer.content_type),
            ),
            (header::VARY, HeaderValue::from_static("accept")),
        ],
        answer.body,
    )
        .into_response())
}

/// The service description in RDF, or a query form for a browser.
fn service_description(
    state: &AppState,
    sparql: &SparqlService,
    headers: &HeaderMap,
) -> Result<Response, ServerError> {
    let iris = &state.dataset.iris;
    match Representation::negotiate(headers) {
        Some(Representation::Html) => Ok(super::linked_data::html_page(
            "SPARQL endpoint · sunan-kg",
            &query_form(state, sparql),
        )),
        Some(Representation::Rdf(format)) => {
            let triples = sparql.description(&iris.sparql_endpoint());
            let mut prefixes = iris.prefixes();
            prefixes.push(("sd", crate::rdf::ns::SD.to_owned()));
            prefixes.push(("void", crate::rdf::ns::VOID.to_owned()));
            rdf_response(&triples, format, &prefixes)
        }
        None => Err(Representation::not_acceptable(headers)),
    }
}

fn query_form(state: &AppState, sparql: &SparqlService) -> String {
    let iris = &state.dataset.iris;
    let example = format!(
        "PREFIX sk: <{}>\nPREFIX rdfs: <http://www.w3.org/2000/01/rdf-schema#>\n\nSELECT ?park ?name WHERE {{\n  ?park a sk:Park ; rdfs:label ?name .\n  FILTER(langMatches(lang(?name), \"zh-Hans\"))\n}}\nLIMIT 20",
        iris.ontology_ns()
    );
    let limits = sparql.limits();
    format!(
        r#"<h1>SPARQL 1.1 endpoint</h1>
<p>Send <code>query</code> by GET or POST (form or <code>application/sparql-query</code>); results as JSON, XML, CSV or TSV, graphs as Turtle, N-Triples, RDF/XML, JSON-LD, TriG or N-Quads, chosen by <code>Accept</code>. Read only; queries stop after {timeout} s and at {max} results. <code>default-graph-uri</code> and <code>named-graph-uri</code> choose among the graphs <code>&lt;{data}&gt;</code> (the data) and <code>&lt;{ontology}&gt;</code> (the vocabulary); by default the default graph is their merge. Ask with <code>Accept: text/turtle</code> for the service description.</p>
<form method="get" action="">
<p><textarea name="query" rows="14" cols="90">{example}</textarea></p>
<p><button type="submit">Run</button></p>
</form>"#,
        timeout = limits.timeout.as_secs_f64(),
        max = limits.max_results,
        data = iris.data_graph().as_str(),
        ontology = iris.ontology().as_str(),
        example = super::linked_data::escape(&example),
    )
}
