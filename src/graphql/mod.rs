//! The GraphQL API: schema and resolvers over the in-memory model, independent of HTTP.
//! Resolvers read the model, the petgraph projection and the search index, never SPARQL.

mod entity;
mod enums;
mod error;
mod graph;
mod page;
mod query;
mod relation;

use async_graphql::{EmptyMutation, EmptySubscription, Schema};

pub use entity::{Entity, EntityRef};
pub use enums::{EntityKind, RelationKind};
pub use error::{ApiError, ErrorCodes, codes};
pub use query::QueryRoot;

use crate::SharedDataset;

/// The schema type served at `/graphql`.
pub type KgSchema = Schema<QueryRoot, EmptyMutation, EmptySubscription>;

/// Largest page any list field returns.
pub const MAX_PAGE_SIZE: usize = 100;
/// Deepest nesting of selections a query may have.
pub const MAX_DEPTH: usize = 16;
/// Highest complexity (roughly, number of fields resolved) a query may have.
pub const MAX_COMPLEXITY: usize = 10_000;
/// Longest path `paths` looks for.
pub const MAX_PATH_HOPS: i32 = 6;
/// Most paths `paths` returns.
pub const MAX_PATHS: i32 = 20;
/// Most nodes `neighborhood` returns.
pub const MAX_NEIGHBORHOOD_NODES: i32 = 500;

/// Builds the schema over `dataset`, with depth and complexity limits and error codes.
pub fn build_schema(dataset: SharedDataset) -> KgSchema {
    Schema::build(QueryRoot, EmptyMutation, EmptySubscription)
        .data(dataset)
        .limit_depth(MAX_DEPTH)
        .limit_complexity(MAX_COMPLEXITY)
        .extension(ErrorCodes)
        .finish()
}

/// The schema in SDL, as checked in at `schema.graphql`.
pub fn sdl() -> String {
    Schema::build(QueryRoot, EmptyMutation, EmptySubscription)
        .finish()
        .sdl()
}
