//! The GraphQL API: schema and resolvers over the in-memory model, independent of HTTP.
//! Resolvers read the model, its rankings and containment (`KnowledgeGraph`) and the search
//! index, never SPARQL.

mod analytics;
mod arguments;
mod cache;
mod citation;
mod entity;
mod enums;
mod error;
mod graph;
mod limits;
mod page;
mod query;
mod relation;

use async_graphql::{Context, EmptyMutation, EmptySubscription, Schema};

pub use arguments::MAX_PAGE_SIZE;
pub use cache::{CACHE_CAPACITY, MAX_CACHED_QUERY_BYTES, PERSISTED_QUERY, QueryCache};
pub use entity::{Entity, EntityRef};
pub use enums::{EntityKind, RelationKind};
pub use error::{ApiError, ErrorCodes, codes};
pub use limits::{
    HEAVY_FIELDS, LIST_FANOUT, Limits, MAX_COST, MAX_FRAGMENTS, MAX_INTROSPECTION_LISTS,
    OFF_WORKER_WEIGHT, SHORT_LISTS, TIME_LIMIT, cost_of,
};
pub use query::{CoreQuery, QueryRoot};

use crate::SharedDataset;

/// The schema type served at `/graphql`.
pub type KgSchema = Schema<QueryRoot, EmptyMutation, EmptySubscription>;

/// Deepest nesting of selections a query may have.
pub const MAX_DEPTH: usize = 16;
/// Highest complexity (number of fields, not multiplied by list sizes) a query may have;
/// the cost model of [`limits`] is the stricter bound, this one a second line.
pub const MAX_COMPLEXITY: usize = 10_000;
/// Deepest nesting of selections and fragment spreads together (checked by [`Limits`]).
pub const MAX_RECURSIVE_DEPTH: usize = 32;
/// Longest path `paths` looks for.
pub const MAX_PATH_HOPS: i32 = 6;
/// Most paths `paths` returns.
pub const MAX_PATHS: i32 = 20;
/// Most nodes `neighborhood` returns.
pub const MAX_NEIGHBORHOOD_NODES: i32 = 500;

/// Builds the schema over `dataset`, with the limits of [`limits`], a query cache of its own
/// and error codes.
pub fn build_schema(dataset: SharedDataset) -> KgSchema {
    build_schema_with(dataset, Limits::default(), QueryCache::new())
}

/// Builds the schema over `dataset` with the given run-time limits and query cache (the
/// server keeps a handle on the cache to learn which requests are heavy).
pub fn build_schema_with(dataset: SharedDataset, limits: Limits, cache: QueryCache) -> KgSchema {
    Schema::build(QueryRoot::default(), EmptyMutation, EmptySubscription)
        .data(dataset)
        // The cache comes first: a request it knows skips the parse and cost check of Limits.
        .extension(cache)
        .extension(limits)
        .extension(ErrorCodes)
        .finish()
}

/// The schema in SDL, as checked in at `schema.graphql`.
pub fn sdl() -> String {
    Schema::build(QueryRoot::default(), EmptyMutation, EmptySubscription)
        .finish()
        .sdl()
}

/// The dataset a resolver runs over, which [`build_schema_with`] gives every request.
fn dataset<'a>(ctx: &Context<'a>) -> &'a SharedDataset {
    ctx.data_unchecked::<SharedDataset>()
}
