//! `GET/POST /graphql`: GraphiQL for people, GraphQL over HTTP for clients.

use async_graphql_axum::{GraphQLBatchRequest, GraphQLResponse};
use axum::extract::{RawQuery, State};
use axum::http::header;
use axum::response::{Html, IntoResponse, Response};

use super::{AppState, ServerError};

/// How long caches may keep a GET answer: the graph never changes while the server runs.
const GET_CACHE_CONTROL: &str = "public, max-age=300";

/// `GET /graphql`: GraphiQL, or a query when the URL carries one (`?query=…`, with optional
/// `operationName` and `variables` as JSON). Answers without errors may be cached.
pub async fn get(
    State(state): State<AppState>,
    RawQuery(raw): RawQuery,
) -> Result<Response, ServerError> {
    let Some(raw) = raw.filter(|q| !q.is_empty()) else {
        return Ok(Html(super::assets::graphiql_page()).into_response());
    };
    let request = parse_get(&raw)?;
    let response = state.schema.execute(request).await;
    let cacheable = response.errors.is_empty();
    let mut response = GraphQLResponse::from(response).into_response();
    if cacheable {
        response.headers_mut().insert(
            header::CACHE_CONTROL,
            header::HeaderValue::from_static(GET_CACHE_CONTROL),
        );
    }
    Ok(response)
}

/// `POST /graphql`: one request or a batch, as JSON.
pub async fn post(State(state): State<AppState>, request: GraphQLBatchRequest) -> GraphQLResponse {
    state
        .schema
        .execute_batch(request.into_inner())
        .await
        .into()
}

/// Reads a GraphQL request from a query string, accepting both `operationName` (the GraphQL
/// over HTTP spelling) and `operation_name`.
fn parse_get(raw: &str) -> Result<async_graphql::Request, ServerError> {
    let mut query = None;
    let mut operation = None;
    let mut variables = None;
    for (key, value) in form_urlencoded::parse(raw.as_bytes()) {
        match key.as_ref() {
            "query" => query = Some(value.into_owned()),
            "operationName" | "operation_name" => operation = Some(value.into_owned()),
            "variables" => variables = Some(value.into_owned()),
            _ => {}
        }
    }
    let query =
        query.ok_or_else(|| ServerError::BadRequest("missing the query parameter".into()))?;
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
