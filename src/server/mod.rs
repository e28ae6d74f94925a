//! The HTTP server: one router for GraphQL, SPARQL and the landing page, and a `serve`
//! function that takes a listener and a shutdown future so that tests can run it on port 0.

mod admission;
mod assets;
mod caching;
mod error;
mod explorer;
mod export;
mod graphql;
mod headers;
mod linked_data;
mod listener;
mod per_client;
mod sparql;

use std::future::Future;
use std::time::Duration;

use axum::Router;
use axum::extract::DefaultBodyLimit;
use axum::routing::get;
use tokio::net::TcpListener;
use tower_http::compression::CompressionLayer;
use tower_http::cors::{Any, CorsLayer};
use tower_http::limit::RequestBodyLimitLayer;
use tower_http::timeout::RequestBodyTimeoutLayer;
use tower_http::trace::TraceLayer;

pub use admission::{Admission, AdmissionLimits, Busy};
pub use error::ServerError;
pub use export::EXPORTS;
pub use listener::ConnectionLimits;

use crate::SharedDataset;
use crate::graphql::{KgSchema, Limits, QueryCache, build_schema_with};
use crate::sparql::{SparqlLimits, SparqlService};

/// Largest request body accepted on any route (a query, a form).
pub const MAX_BODY_BYTES: usize = 256 * 1024;
/// Time a client has to send a whole request body.
pub const BODY_READ_TIMEOUT: Duration = Duration::from_secs(10);
/// Largest GraphQL response sent; a larger answer is replaced by a `RESPONSE_TOO_LARGE` error.
pub const MAX_GRAPHQL_RESPONSE_BYTES: usize = 16 * 1024 * 1024;

/// Every bound the HTTP server enforces besides SPARQL's own.
#[derive(Debug, Clone, Copy)]
pub struct ServerLimits {
    /// Connections and shutdown.
    pub connections: ConnectionLimits,
    /// GraphQL requests running at once.
    pub graphql: AdmissionLimits,
    /// SPARQL queries running at once.
    pub sparql: AdmissionLimits,
}

impl Default for ServerLimits {
    fn default() -> Self {
        Self {
            connections: ConnectionLimits::default(),
            graphql: AdmissionLimits {
                concurrent: 16,
                per_client: 8,
                queue_wait: Duration::from_secs(2),
            },
            sparql: AdmissionLimits {
                concurrent: 4,
                per_client: 2,
                queue_wait: Duration::from_secs(2),
            },
        }
    }
}

/// Which origins browsers may call the API from.
#[derive(Clone, Debug, Default)]
pub enum CorsOrigins {
    /// Any origin (the default: the API is public and read only).
    #[default]
    Any,
    /// Only these origins (`https://example.org`); shared, since every request clones the
    /// state.
    List(std::sync::Arc<[axum::http::HeaderValue]>),
}

/// What every handler shares. Cheap to clone: everything inside is reference-counted.
#[derive(Clone)]
pub struct AppState {
    /// The graph and its projections.
    pub dataset: SharedDataset,
    /// The GraphQL schema over the dataset.
    pub schema: KgSchema,
    /// The schema's cache of prepared queries, which says before execution whether a
    /// request is heavy.
    pub query_cache: QueryCache,
    /// The SPARQL service over the RDF store, absent when the dataset has none.
    pub sparql: Option<SparqlService>,
    /// Which origins may call the API from a browser.
    pub cors: CorsOrigins,
    /// Bounds on connections and concurrent requests.
    pub limits: ServerLimits,
    /// The gate of GraphQL requests.
    pub graphql_gate: Admission,
    /// The gate of SPARQL queries.
    pub sparql_gate: Admission,
}

impl AppState {
    /// Prepares the state for `dataset` with the given SPARQL limits.
    pub fn new(dataset: SharedDataset, sparql_limits: SparqlLimits) -> Self {
        Self::with_limits(dataset, sparql_limits, ServerLimits::default())
    }

    /// Prepares the state for `dataset` with the given SPARQL and server limits.
    pub fn with_limits(
        dataset: SharedDataset,
        sparql_limits: SparqlLimits,
        limits: ServerLimits,
    ) -> Self {
        let query_cache = QueryCache::new();
        Self {
            schema: build_schema_with(dataset.clone(), Limits::default(), query_cache.clone()),
            query_cache,
            sparql: dataset
                .store
                .clone()
                .map(|store| SparqlService::new(store, sparql_limits)),
            dataset,
            cors: CorsOrigins::Any,
            limits,
            graphql_gate: Admission::new(limits.graphql),
            sparql_gate: Admission::new(limits.sparql),
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
        CorsOrigins::List(origins) => cors.allow_origin(origins.to_vec()),
    };
    Router::new()
        .merge(explorer::routes())
        .route("/health", get(|| async { "ok\n" }))
        .route("/graphql", get(graphql::get).post(graphql::post))
        .route("/assets/{*path}", get(assets::get))
        .route("/favicon.ico", get(assets::favicon))
        .route("/sparql", get(sparql::get).post(sparql::post))
        .merge(export::routes())
        .merge(linked_data::routes(&state))
        .fallback(|| async { ServerError::NotFound("no such page; see / for what is here".into()) })
        .layer(DefaultBodyLimit::max(MAX_BODY_BYTES))
        .layer(RequestBodyLimitLayer::new(MAX_BODY_BYTES))
        .layer(RequestBodyTimeoutLayer::new(BODY_READ_TIMEOUT))
        .layer(axum::middleware::from_fn(headers::security_headers))
        .layer(axum::middleware::from_fn(caching::revalidate))
        // Outside revalidation, so that tags are computed over the identity encoding.
        .layer(CompressionLayer::new())
        .layer(cors)
        // Inside the trace layer, so that a failure is logged in its request's span.
        .layer(axum::middleware::from_fn(error::log_failures))
        .layer(TraceLayer::new_for_http())
        .with_state(state)
}

/// Serves `app(state)` on `listener` until `shutdown` completes, then lets requests in
/// flight finish for the grace period and stops the SPARQL queries still running (see
/// [`ConnectionLimits`]).
pub async fn serve(
    listener: TcpListener,
    state: AppState,
    shutdown: impl Future<Output = ()> + Send + 'static,
) -> std::io::Result<()> {
    let limits = state.limits.connections;
    let sparql = state.sparql.clone();
    listener::serve_router(listener, app(state), limits, shutdown, move || {
        if let Some(sparql) = &sparql {
            sparql.stop_all();
        }
    })
    .await
}
