//! `GET/POST /graphql`: GraphiQL for people, GraphQL over HTTP for clients.

use async_graphql::http::GraphiQLSource;
use async_graphql_axum::{GraphQLBatchRequest, GraphQLResponse};
use axum::extract::{RawQuery, State};
use axum::response::{Html, IntoResponse, Response};

use super::{AppState, ServerError};

/// `GET /graphql`: GraphiQL, or a query when the URL carries one (`?query=…`).
pub async fn get(
    State(state): State<AppState>,
    RawQuery(raw): RawQuery,
) -> Result<Response, ServerError> {
    let Some(raw) = raw.filter(|q| !q.is_empty()) else {
        return Ok(Html(GraphiQLSource::build().endpoint("/graphql").finish()).into_response());
    };
    let request: async_graphql::Request = async_graphql::http::parse_query_string(&raw)
        .map_err(|e| ServerError::BadRequest(format!("malformed GraphQL GET request: {e}")))?;
    let response: GraphQLResponse = state.schema.execute(request).await.into();
    Ok(response.into_response())
}

/// `POST /graphql`: one request or a batch, as JSON.
pub async fn post(State(state): State<AppState>, request: GraphQLBatchRequest) -> GraphQLResponse {
    state
        .schema
        .execute_batch(request.into_inner())
        .await
        .into()
}
