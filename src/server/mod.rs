//! The HTTP server: one router for GraphQL, SPARQL and the landing page, and a `serve`
//! function that takes a listener and a shutdown future so that tests can run it on port 0.

mod assets;
mod error;
mod explorer;
mod graphql;
mod linked_data;
mod sparql;

use std::future::Future;

use axum::Router;
use axum::extract::DefaultBodyLimit;
use axum::routing::get;
use tokio::net::TcpListener;
use tower_http::cors::{Any, CorsLayer};
use tower_http::trace::TraceLayer;

pub use error::ServerError;

use crate::SharedDataset;
use crate::graphql::{KgSchema, build_schema};
use crate::sparql::{SparqlLimits, SparqlService};

/// Largest request body accepted (a query, a form).
const MAX_BODY_BYTES: usize = 256 * 1024;

/// Which origins browsers may call the API from.
#[derive(Clone, Debug, Default)]
pub enum CorsOrigins {
    /// Any origin (the default: the API is public and read only).
    #[default]
    Any,
    /// Only these origins (`https://example.org`).
    List(Vec<axum::http::HeaderValue>),
}

/// What every handler shares. Cheap to clone: everything inside is reference-counted.
#[derive(Clone)]
pub struct AppState {
    /// The graph and its projections.
    pub dataset: SharedDataset,
    /// The GraphQL schema over the dataset.
    pub schema: KgSchema,
    /// The SPARQL service over the RDF store.
    pub sparql: SparqlService,
    /// Which origins may call the API from a browser.
    pub cors: CorsOrigins,
}

impl AppState {
    /// Prepares the state for `dataset` with the given SPARQL limits.
    pub fn new(dataset: SharedDataset, sparql_limits: SparqlLimits) -> Self {
        Self {
            schema: build_schema(dataset.clone()),
            sparql: SparqlService::new(dataset.store.clone(), sparql_limits),
            dataset,
            cors: CorsOrigins::Any,
        }
    }
}

/// The application's routes.
pub fn app(state: AppState) -> Router {
    let cors = CorsLayer::new()
        .allow_methods([axum::http::Method::GET, axum::http::Method::POST])
        .allow_headers(Any);
    let cors = match &state.cors {
        CorsOrigins::Any => cors.allow_origin(Any),
        CorsOrigins::List(origins) => cors.allow_origin(origins.clone()),
    };
    Router::new()
        .merge(explorer::routes())
        .route("/health", get(|| async { "ok\n" }))
        .route("/graphql", get(graphql::get).post(graphql::post))
        .route("/assets/{*path}", get(assets::get))
        .route("/sparql", get(sparql::get).post(sparql::post))
        .merge(linked_data::routes(&state))
        .fallback(|| async { ServerError::NotFound("no such page; see / for what is here".into()) })
        .layer(DefaultBodyLimit::max(MAX_BODY_BYTES))
        .layer(cors)
        .layer(TraceLayer::new_for_http())
        .with_state(state)
}

/// Serves `app(state)` on `listener` until `shutdown` completes, then lets requests in
/// flight finish.
pub async fn serve(
    listener: TcpListener,
    state: AppState,
    shutdown: impl Future<Output = ()> + Send + 'static,
) -> std::io::Result<()> {
    axum::serve(listener, app(state))
        .with_graceful_shutdown(shutdown)
        .await
}
