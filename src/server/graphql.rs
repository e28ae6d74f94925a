//! `GET/POST /graphql`: GraphiQL for people, GraphQL over HTTP for clients.
//!
//! Each request passes the GraphQL gate (see [`super::Admission`]), runs on the blocking pool
//! if it selects a heavy field so that it never holds an async worker, and is answered only
//! if its JSON fits
//! [`MAX_GRAPHQL_RESPONSE_BYTES`](super::MAX_GRAPHQL_RESPONSE_BYTES).

use std::time::Duration;

use async_graphql::BatchRequest;
use axum::body::Bytes;
use axum::extract::rejection::BytesRejection;
use axum::extract::{RawQuery, State};
use axum::http::{HeaderMap, HeaderValue, StatusCode, header};
use axum::response::{Html, IntoResponse, Response};

use super::admission::ClientAddress;
use super::{AppState, MAX_GRAPHQL_RESPONSE_BYTES, ServerError};
use crate::graphql::{PERSISTED_QUERY, QueryCache};

/// How long caches may keep a GET answer: the graph never changes while the server runs.
const GET_CACHE_CONTROL: &str = "public, max-age=300";
/// Most requests in one batch: each is costed on its own, so the batch size bounds the total.
pub const MAX_BATCH: usize = 16;
/// The media types a GraphQL answer can have (GraphQL over HTTP).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum ResponseType {
    /// `application/json`: every executed request is `200`, as clients before the GraphQL
    /// over HTTP specification expect; the default for `*/*` and a missing `Accept`.
    Json,
    /// `application/graphql-response+json`: a request that cannot be executed (it does not
    /// parse or validate, or its variables do not fit) is `400` without `data`.
    GraphqlResponseJson,
}

impl ResponseType {
    const OFFERED: [Self; 2] = [Self::Json, Self::GraphqlResponseJson];

    fn media_type(self) -> &'static str {
        match self {
            Self::Json => "application/json",
            Self::GraphqlResponseJson => "application/graphql-response+json",
        }
    }

    fn from_media_type(media_type: &str) -> Option<Self> {
        Self::OFFERED
            .into_iter()
            .find(|t| t.media_type() == media_type)
    }

    /// The type the `Accept` header asks for; `None` when it allows neither.
    fn negotiate(headers: &HeaderMap) -> Option<Self> {
        crate::sparql::negotiate::choose(
            super::headers::accept_header(headers),
            &Self::OFFERED,
            Self::media_type,
            Self::from_media_type,
            |a, b| a == b,
        )
    }
}

/// `GET /graphql`: GraphiQL, or a query when the URL carries one (`?query=…`, with optional
/// `operationName` and `variables` as JSON). Answers without errors may be cached.
pub async fn get(
    State(state): State<AppState>,
    client: ClientAddress,
    headers: HeaderMap,
    RawQuery(raw): RawQuery,
) -> Response {
    let Some(raw) = raw.filter(|q| !q.is_empty()) else {
        return Html(super::assets::graphiql_page()).into_response();
    };
    let Some(response_type) = ResponseType::negotiate(&headers) else {
        return not_acceptable(&headers).into_graphql_response();
    };
    let request = match parse_get(&raw) {
        Ok(request) => request,
        Err(error) => return error.into_graphql_response(),
    };
    let response = execute(&state, client, BatchRequest::Single(request), response_type).await;
    match response {
        Ok((mut response, cacheable)) => {
            if cacheable {
                response.headers_mut().insert(
                    header::CACHE_CONTROL,
                    HeaderValue::from_static(GET_CACHE_CONTROL),
                );
            }
            response
        }
        Err(error) => error.into_graphql_response(),
    }
}

/// `POST /graphql`: one request or a batch, as `application/json` (or a bare query as
/// `application/graphql`).
pub async fn post(
    State(state): State<AppState>,
    client: ClientAddress,
    headers: HeaderMap,
    body: Result<Bytes, BytesRejection>,
) -> Response {
    // A body over the limit (413) or not sent in time (400) still gets a GraphQL error body.
    let body = match body {
        Ok(body) => body,
        Err(rejection) => return ServerError::from(rejection).into_graphql_response(),
    };
    let Some(response_type) = ResponseType::negotiate(&headers) else {
        return not_acceptable(&headers).into_graphql_response();
    };
    let media_type = super::headers::body_media_type(&headers);
    let batch = match media_type.as_str() {
        "application/json" => serde_json::from_slice::<BatchRequest>(&body).map_err(|e| {
            ServerError::BadRequest(format!("the body is not a GraphQL request in JSON: {e}"))
        }),
        "application/graphql" => String::from_utf8(body.to_vec())
            .map(|query| BatchRequest::Single(async_graphql::Request::new(query)))
            .map_err(|_| ServerError::BadRequest("the body is not UTF-8".into())),
        other => Err(ServerError::UnsupportedMediaType(format!(
            "unsupported content type {other:?}: send application/json (or application/graphql)"
        ))),
    };
    let batch = match batch {
        Ok(BatchRequest::Batch(requests)) if requests.len() > MAX_BATCH => {
            return ServerError::BadRequest(format!(
                "the batch holds {} requests; at most {MAX_BATCH} are allowed",
                requests.len()
            ))
            .into_graphql_response();
        }
        Ok(BatchRequest::Single(request))
            if request.query.trim().is_empty()
                && !request.extensions.contains_key(PERSISTED_QUERY) =>
        {
            return ServerError::BadRequest("the request has no query".into())
                .into_graphql_response();
        }
        Ok(batch) => batch,
        Err(error) => return error.into_graphql_response(),
    };
    match execute(&state, client, batch, response_type).await {
        Ok((response, _)) => response,
        Err(error) => error.into_graphql_response(),
    }
}

/// How long past the GraphQL time limit a request may run before its answer is abandoned.
const WALL_CLOCK_GRACE: Duration = Duration::from_secs(1);

/// Runs a batch through the gate, on the blocking pool if it selects a heavy field; returns
/// the response and whether it has no errors (so may be cached).
async fn execute(
    state: &AppState,
    client: ClientAddress,
    batch: BatchRequest,
    response_type: ResponseType,
) -> Result<(Response, bool), ServerError> {
    let _ticket = state
        .graphql_gate
        .admit(client.0)
        .await
        .map_err(ServerError::Busy)?;
    let (batch, heavy) = prepare_batch(&state.query_cache, batch);
    // Each field checks the time limit as it starts (see graphql::Limits); this bound is
    // for one that computes past it, so that the client is answered in time whatever runs.
    let wall_clock = crate::graphql::TIME_LIMIT + WALL_CLOCK_GRACE;
    let run = async {
        if heavy {
            // Heavy fields compute for milliseconds; they must not hold an async worker.
            let schema = state.schema.clone();
            let runtime = tokio::runtime::Handle::current();
            tokio::task::spawn_blocking(move || {
                let response = runtime.block_on(schema.execute_batch(batch));
                let body = serde_json::to_vec(&response);
                (response, body)
            })
            .await
            .map_err(ServerError::Task)
        } else {
            let response = state.schema.execute_batch(batch).await;
            let body = serde_json::to_vec(&response);
            Ok((response, body))
        }
    };
    let (response, body) = tokio::time::timeout(wall_clock, run)
        .await
        .map_err(|_| ServerError::TimedOut(wall_clock))??;
    let body = body?;
    if body.len() > MAX_GRAPHQL_RESPONSE_BYTES {
        return Err(ServerError::ResponseTooLarge {
            bytes: body.len(),
            limit: MAX_GRAPHQL_RESPONSE_BYTES,
        });
    }
    let cacheable = response.is_ok();
    let request_error = match &response {
        async_graphql::BatchResponse::Single(single) => is_request_error(single),
        async_graphql::BatchResponse::Batch(_) => false,
    };
    let (status, body) = if request_error && response_type == ResponseType::GraphqlResponseJson {
        // The request never executed: the specification asks for 400 and no `data` entry.
        let mut value: serde_json::Value = serde_json::from_slice(&body)?;
        if let Some(object) = value.as_object_mut() {
            object.remove("data");
        }
        (StatusCode::BAD_REQUEST, value.to_string().into_bytes())
    } else {
        (StatusCode::OK, body)
    };
    let mut http = (
        status,
        [(header::CONTENT_TYPE, response_type.media_type())],
        body,
    )
        .into_response();
    // The HTTP headers resolvers asked for.
    http.headers_mut().extend(response.http_headers());
    Ok((http, cacheable))
}

/// Parses every request of `batch` ahead of execution; true if any selects a heavy field.
fn prepare_batch(cache: &QueryCache, batch: BatchRequest) -> (BatchRequest, bool) {
    match batch {
        BatchRequest::Single(request) => {
            let (request, heavy) = cache.prepare(request);
            (BatchRequest::Single(request), heavy)
        }
        BatchRequest::Batch(requests) => {
            let mut heavy = false;
            let requests = requests
                .into_iter()
                .map(|request| {
                    let (request, is_heavy) = cache.prepare(request);
                    heavy |= is_heavy;
                    request
                })
                .collect();
            (BatchRequest::Batch(requests), heavy)
        }
    }
}

/// Whether a response is that of a request that never executed: no data and only errors
/// without a path (parse, validation and variable errors, and the limits checked before
/// execution). An error in a field has a path.
fn is_request_error(response: &async_graphql::Response) -> bool {
    response.data == async_graphql::Value::Null
        && !response.errors.is_empty()
        && response.errors.iter().all(|e| e.path.is_empty())
}

/// The answer to an `Accept` header that allows neither JSON type.
fn not_acceptable(headers: &HeaderMap) -> ServerError {
    ServerError::NotAcceptable {
        accept: super::headers::accept(headers).to_owned(),
        offered: ResponseType::OFFERED.map(ResponseType::media_type).to_vec(),
    }
}

/// Reads a GraphQL request from a query string, accepting both `operationName` (the GraphQL
/// over HTTP spelling) and `operation_name`, and `extensions` (where a persisted query's hash
/// comes without its text).
fn parse_get(raw: &str) -> Result<async_graphql::Request, ServerError> {
    let mut query = None;
    let mut operation = None;
    let mut variables = None;
    let mut extensions = None;
    for (key, value) in form_urlencoded::parse(raw.as_bytes()) {
        match key.as_ref() {
            "query" => query = Some(value.into_owned()),
            "operationName" | "operation_name" => operation = Some(value.into_owned()),
            "variables" => variables = Some(value.into_owned()),
            "extensions" => extensions = Some(value.into_owned()),
            _ => {}
        }
    }
    let extensions: Option<async_graphql::Extensions> = extensions
        .map(|text| {
            serde_json::from_str(&text).map_err(|e| {
                ServerError::BadRequest(format!("extensions is not a JSON object: {e}"))
            })
        })
        .transpose()?;
    let query = match (query, &extensions) {
        (Some(query), _) => query,
        (None, Some(extensions)) if extensions.contains_key(PERSISTED_QUERY) => String::new(),
        (None, _) => {
            return Err(ServerError::BadRequest(
                "missing the query parameter".into(),
            ));
        }
    };
    if is_mutation(&query) {
        return Err(ServerError::MethodNotAllowed(
            "mutations are not accepted over GET; use POST".into(),
        ));
    }
    let mut request = async_graphql::Request::new(query);
    if let Some(operation) = operation {
        request = request.operation_name(operation);
    }
    if let Some(variables) = variables {
        let value: serde_json::Value = serde_json::from_str(&variables)
            .map_err(|e| ServerError::BadRequest(format!("variables is not JSON: {e}")))?;
        request = request.variables(async_graphql::Variables::from_json(value));
    }
    if let Some(extensions) = extensions {
        request.extensions = extensions;
    }
    Ok(request)
}

/// Whether a query document holds a mutation (a document that does not parse is left to the
/// schema, which answers with a parse error).
fn is_mutation(query: &str) -> bool {
    async_graphql::parser::parse_query(query).is_ok_and(|document| {
        document.operations.iter().any(|(_, operation)| {
            operation.node.ty == async_graphql::parser::types::OperationType::Mutation
        })
    })
}
