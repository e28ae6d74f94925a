//! `GET/POST /sparql`: the SPARQL 1.1 Protocol over [`crate::sparql::SparqlService`].

use std::collections::HashMap;

use axum::body::Bytes;
use axum::extract::{Query, State};
use axum::http::{HeaderMap, header};
use axum::response::{IntoResponse, Response};
use oxigraph::sparql::CancellationToken;

use super::{AppState, ServerError};

/// `GET /sparql?query=…`
pub async fn get(
    State(state): State<AppState>,
    Query(params): Query<Vec<(String, String)>>,
    headers: HeaderMap,
) -> Result<Response, ServerError> {
    let params = ProtocolParams::from_pairs(params);
    if params.update.is_some() {
        return Err(crate::sparql::SparqlError::UpdateRefused.into());
    }
    params.refuse_dataset_parameters()?;
    let Some(query) = params.query else {
        return Err(ServerError::BadRequest(
            "missing the query parameter: send ?query=<SPARQL> (GET), a form with query= (POST), or a body of type application/sparql-query (POST)".into(),
        ));
    };
    run(&state, query, &headers).await
}

/// `POST /sparql` with a form (`query=` or `update=`) or a direct `application/sparql-query`
/// body.
pub async fn post(
    State(state): State<AppState>,
    Query(url_params): Query<Vec<(String, String)>>,
    headers: HeaderMap,
    body: Bytes,
) -> Result<Response, ServerError> {
    let content_type = headers
        .get(header::CONTENT_TYPE)
        .and_then(|v| v.to_str().ok())
        .unwrap_or("")
        .split(';')
        .next()
        .unwrap_or("")
        .trim()
        .to_ascii_lowercase();
    let text = || {
        String::from_utf8(body.to_vec())
            .map_err(|_| ServerError::BadRequest("the request body is not UTF-8".into()))
    };
    let query = match content_type.as_str() {
        "application/sparql-query" => {
            ProtocolParams::from_pairs(url_params).refuse_dataset_parameters()?;
            text()?
        }
        "application/sparql-update" => {
            return Err(crate::sparql::SparqlError::UpdateRefused.into());
        }
        "application/x-www-form-urlencoded" => {
            let pairs: Vec<(String, String)> = serde_urlencoded_pairs(&body)?;
            let params = ProtocolParams::from_pairs(pairs);
            if params.update.is_some() {
                return Err(crate::sparql::SparqlError::UpdateRefused.into());
            }
            params.refuse_dataset_parameters()?;
            params
                .query
                .ok_or_else(|| ServerError::BadRequest("the form has no query field".into()))?
        }
        other => {
            return Err(ServerError::UnsupportedMediaType(format!(
                "unsupported content type {other:?}: use application/sparql-query or application/x-www-form-urlencoded"
            )));
        }
    };
    run(&state, query, &headers).await
}

fn serde_urlencoded_pairs(body: &[u8]) -> Result<Vec<(String, String)>, ServerError> {
    Ok(form_urlencoded::parse(body)
        .map(|(k, v)| (k.into_owned(), v.into_owned()))
        .collect())
}

/// The protocol parameters of a request.
struct ProtocolParams {
    query: Option<String>,
    update: Option<String>,
    dataset: Vec<String>,
}

impl ProtocolParams {
    fn from_pairs(pairs: Vec<(String, String)>) -> Self {
        let mut map: HashMap<String, Vec<String>> = HashMap::new();
        for (key, value) in pairs {
            map.entry(key).or_default().push(value);
        }
        let first = |map: &mut HashMap<String, Vec<String>>, key: &str| {
            map.remove(key)
                .and_then(|mut v| (!v.is_empty()).then(|| v.swap_remove(0)))
        };
        let query = first(&mut map, "query");
        let update = first(&mut map, "update");
        let dataset = ["default-graph-uri", "named-graph-uri"]
            .iter()
            .filter(|k| map.contains_key(**k))
            .map(|k| (*k).to_owned())
            .collect();
        Self {
            query,
            update,
            dataset,
        }
    }

    /// The whole graph is the default graph; dataset selection is not offered yet, and it is
    /// refused rather than silently ignored.
    fn refuse_dataset_parameters(&self) -> Result<(), ServerError> {
        match self.dataset.first() {
            Some(name) => Err(ServerError::BadRequest(format!(
                "{name} is not supported: the whole graph is the default graph"
            ))),
            None => Ok(()),
        }
    }
}

async fn run(
    state: &AppState,
    query: String,
    headers: &HeaderMap,
) -> Result<Response, ServerError> {
    let accept = headers
        .get(header::ACCEPT)
        .and_then(|v| v.to_str().ok())
        .map(str::to_owned);
    let service = state.sparql.clone();
    let parsed = service.parse(&query)?;
    let cancel = CancellationToken::new();
    let timer = {
        let cancel = cancel.clone();
        let timeout = service.limits().timeout;
        tokio::spawn(async move {
            tokio::time::sleep(timeout).await;
            cancel.cancel();
        })
    };
    let answer =
        tokio::task::spawn_blocking(move || service.execute(parsed, accept.as_deref(), cancel))
            .await
            .map_err(|e| ServerError::Internal(e.to_string()));
    timer.abort();
    let answer = answer??;
    Ok(([(header::CONTENT_TYPE, answer.content_type)], answer.body).into_response())
}
