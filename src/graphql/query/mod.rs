//! The query root: every entry point of the API, one theme per file, merged into
//! `QueryRoot` in the order the schema lists them.

mod documents;
mod lookup;
mod overview;
mod traversal;

use async_graphql::MergedObject;

use documents::DocumentQuery;
use lookup::LookupQuery;
use overview::OverviewQuery;
use traversal::TraversalQuery;

use super::analytics::AnalyticsQuery;

/// The root of every query: the graph's own entry points and the policy analyses.
#[derive(MergedObject, Default)]
#[graphql(name = "QueryRoot")]
pub struct QueryRoot(CoreQuery, AnalyticsQuery);

/// The entry points over entities, relations and the graph.
#[derive(MergedObject, Default)]
pub struct CoreQuery(LookupQuery, TraversalQuery, DocumentQuery, OverviewQuery);
