//! The GraphQL API: schema and resolvers over the in-memory model, independent of HTTP.
//! Resolvers read the model and the petgraph projection directly, never SPARQL.

mod error;
mod types;

use async_graphql::{EmptyMutation, EmptySubscription, Schema};

pub use error::ApiError;
pub use types::QueryRoot;

use crate::SharedDataset;

/// The schema type served at `/graphql`.
pub type KgSchema = Schema<QueryRoot, EmptyMutation, EmptySubscription>;

/// Largest page any list field returns.
pub const MAX_PAGE_SIZE: usize = 100;
/// Deepest nesting of selections a query may have.
pub const MAX_DEPTH: usize = 12;
/// Highest complexity (roughly, number of fields resolved) a query may have.
pub const MAX_COMPLEXITY: usize = 5_000;

/// Builds the schema over `dataset`, with depth and complexity limits.
pub fn build_schema(dataset: SharedDataset) -> KgSchema {
    Schema::build(QueryRoot, EmptyMutation, EmptySubscription)
        .data(dataset)
        .limit_depth(MAX_DEPTH)
        .limit_complexity(MAX_COMPLEXITY)
        .finish()
}

/// The schema in SDL, as checked in at `schema.graphql`.
pub fn sdl() -> String {
    Schema::build(QueryRoot, EmptyMutation, EmptySubscription)
        .finish()
        .sdl()
}
