//! Bounds on what one GraphQL request may cost, checked before async-graphql's own
//! validation and enforced while it runs.
//!
//! Before: a cost model over the parsed document. Each field costs its weight (1, or more for
//! the heavy fields of [`HEAVY_FIELDS`]) plus the cost of its selection times its fan-out: the
//! `first` or `limit` argument (or that argument's default), or [`LIST_FANOUT`] for a list
//! without one; aliases count as separate fields. Fragments are costed once each and reused,
//! so the check is linear in the document even when fragments spread each other
//! exponentially (async-graphql's own depth check walks every expansion). Documents over
//! [`MAX_COST`] are refused with `LIMIT_EXCEEDED` before anything else walks them.
//!
//! While running: every field resolution checks the request's deadline ([`TIME_LIMIT`]) and
//! fails with `TIMEOUT` once it has passed.

use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant};

use async_graphql::extensions::{
    Extension, ExtensionContext, ExtensionFactory, NextExecute, NextParseQuery, NextResolve,
    ResolveInfo,
};
use async_graphql::parser::types::ExecutableDocument;
use async_graphql::{ServerError, ServerResult, Value, Variables};

mod cost;

pub(super) use cost::selects_heavy_field;
pub use cost::{
    HEAVY_FIELDS, LIST_FANOUT, MAX_COST, MAX_FRAGMENTS, MAX_INTROSPECTION_LISTS, OFF_WORKER_WEIGHT,
    SHORT_LISTS, cost_of,
};

use super::codes;
use super::error::coded;

/// Longest a request may run before its remaining fields fail with `TIMEOUT`.
pub const TIME_LIMIT: Duration = Duration::from_secs(5);

/// Refuses a document whose only operation declares a non-null variable without a default
/// that the request does not give: the engine would notice only while resolving, and null the
/// whole answer with an error that has no code. (With several operations the one to run is not
/// known yet; the engine then reports a missing variable itself.)
fn required_variables_given(
    document: &ExecutableDocument,
    variables: &Variables,
) -> ServerResult<()> {
    let mut operations = document.operations.iter();
    let (Some((_, operation)), None) = (operations.next(), operations.next()) else {
        return Ok(());
    };
    for definition in &operation.node.variable_definitions {
        let definition = &definition.node;
        let given = variables
            .get(&definition.name.node)
            .is_some_and(|v| *v != Value::Null);
        if !definition.var_type.node.nullable && definition.default_value.is_none() && !given {
            let error = ServerError::new(
                format!(
                    "the variable ${} of type {} is required but not given",
                    definition.name.node, definition.var_type.node
                ),
                Some(definition.name.pos),
            );
            return Err(coded(error, codes::BAD_VARIABLES));
        }
    }
    Ok(())
}

/// The extension that enforces these limits; add it before [`super::ErrorCodes`].
#[derive(Debug, Clone, Copy)]
pub struct Limits {
    /// How long a request may run ([`TIME_LIMIT`] by default).
    pub time_limit: Duration,
}

impl Default for Limits {
    fn default() -> Self {
        Self {
            time_limit: TIME_LIMIT,
        }
    }
}

impl ExtensionFactory for Limits {
    fn create(&self) -> Arc<dyn Extension> {
        Arc::new(LimitsExtension {
            deadline: Instant::now() + self.time_limit,
            time_limit: self.time_limit,
            nulled: Mutex::new(Vec::new()),
        })
    }
}

struct LimitsExtension {
    deadline: Instant,
    time_limit: Duration,
    /// Errors of nullable fields, answered as null and added to the response at the end.
    nulled: Mutex<Vec<ServerError>>,
}

/// The path of the field being resolved, as the response names it.
fn path_of(node: &async_graphql::context::QueryPathNode<'_>) -> Vec<async_graphql::PathSegment> {
    let mut path: Vec<async_graphql::PathSegment> = std::iter::successors(Some(node), |n| n.parent)
        .map(|n| match n.segment {
            async_graphql::context::QueryPathSegment::Index(i) => {
                async_graphql::PathSegment::Index(i)
            }
            async_graphql::context::QueryPathSegment::Name(name) => {
                async_graphql::PathSegment::Field(name.to_owned())
            }
        })
        .collect();
    path.reverse();
    path
}

/// Parses a document, with the error codes of [`codes`].
pub(super) fn parse(query: &str) -> ServerResult<ExecutableDocument> {
    async_graphql::parser::parse_query(query).map_err(|error| {
        let code = match error {
            async_graphql::parser::Error::RecursionLimitExceeded => codes::LIMIT_EXCEEDED,
            _ => codes::PARSE_FAILED,
        };
        let mut error = ServerError::from(error);
        error.message = crate::excerpt::excerpt(&error.message);
        coded(error, code)
    })
}

/// A document parsed before execution (by [`super::QueryCache::prepare`]), handed to the
/// extension through the request's data so that it is not parsed twice.
pub(super) struct PreParsed(Mutex<Option<ExecutableDocument>>);

impl PreParsed {
    pub(super) fn new(document: ExecutableDocument) -> Self {
        Self(Mutex::new(Some(document)))
    }

    fn take(&self) -> Option<ExecutableDocument> {
        self.0.lock().ok()?.take()
    }
}

#[async_graphql::async_trait::async_trait]
impl Extension for LimitsExtension {
    async fn parse_query(
        &self,
        ctx: &ExtensionContext<'_>,
        query: &str,
        variables: &Variables,
        _next: NextParseQuery<'_>,
    ) -> ServerResult<ExecutableDocument> {
        // The document is parsed once (here, or by `QueryCache::prepare`) and returned without calling
        // the engine's own parse step, which would parse it again and then walk every
        // fragment expansion to check the depth; the linear walk of `cost_of` replaces that.
        let parsed = ctx.data_opt::<PreParsed>().and_then(PreParsed::take);
        let document = match parsed {
            Some(document) => document,
            None => parse(query)?,
        };
        cost_of(&document, &ctx.schema_env.registry, variables)?;
        required_variables_given(&document, variables)?;
        Ok(document)
    }

    async fn resolve(
        &self,
        ctx: &ExtensionContext<'_>,
        info: ResolveInfo<'_>,
        next: NextResolve<'_>,
    ) -> ServerResult<Option<Value>> {
        if Instant::now() > self.deadline {
            let message = format!(
                "the request ran longer than the limit of {:?}",
                self.time_limit
            );
            let mut error = coded(ServerError::new(message, None), codes::TIMEOUT);
            error.path = path_of(info.path_node);
            return Err(error);
        }
        // Every field error says where it happened, and a nullable field that fails is null
        // rather than left out of its object (as async-graphql would leave it).
        let nullable = !info.return_type.ends_with('!');
        // The path (a vector of owned segments) is built only for an error, not for every
        // field resolved.
        let path_node = info.path_node;
        match next.run(ctx, info).await {
            Err(mut error) => {
                if error.path.is_empty() {
                    error.path = path_of(path_node);
                }
                if nullable && let Ok(mut nulled) = self.nulled.lock() {
                    nulled.push(error);
                    return Ok(Some(Value::Null));
                }
                Err(error)
            }
            ok => ok,
        }
    }

    async fn execute(
        &self,
        ctx: &ExtensionContext<'_>,
        operation_name: Option<&str>,
        next: NextExecute<'_>,
    ) -> async_graphql::Response {
        let mut response = next.run(ctx, operation_name).await;
        if let Ok(mut nulled) = self.nulled.lock() {
            response.errors.append(&mut nulled);
        }
        response
    }
}
