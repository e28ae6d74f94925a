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

use std::collections::HashMap;
use std::sync::Arc;
use std::time::{Duration, Instant};

use async_graphql::extensions::{
    Extension, ExtensionContext, ExtensionFactory, NextParseQuery, NextResolve, ResolveInfo,
};
use async_graphql::parser::types::{ExecutableDocument, Selection, SelectionSet};
use async_graphql::registry::Registry;
use async_graphql::{Name, ServerError, ServerResult, Value, Variables};

use super::codes;

/// Highest cost a request may have (see the module documentation).
pub const MAX_COST: u64 = 100_000;
/// Fan-out assumed for a list field without a `first` or `limit` argument.
pub const LIST_FANOUT: u64 = 20;
/// Longest a request may run before its remaining fields fail with `TIMEOUT`.
pub const TIME_LIMIT: Duration = Duration::from_secs(5);
/// Most fragment definitions in one document.
pub const MAX_FRAGMENTS: usize = 100;

/// Fields that cost more than one unit each: (type, field, weight).
pub const HEAVY_FIELDS: &[(&str, &str, u64)] = &[
    ("QueryRoot", "statistics", 10_000),
    ("QueryRoot", "neighborhood", 2_000),
    ("QueryRoot", "paths", 1_000),
    ("QueryRoot", "supporters", 500),
    ("QueryRoot", "mostConnected", 500),
    ("QueryRoot", "search", 200),
    ("QueryRoot", "entities", 200),
    ("Document", "text", 2_000),
    ("Industry", "supporters", 500),
];

/// Lists known to be short, with the fan-out assumed for them instead of [`LIST_FANOUT`]:
/// (type, field, fan-out). A relation carries 1.6 quotes on average.
pub const SHORT_LISTS: &[(&str, &str, u64)] = &[("Relation", "evidence", 5)];

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
        })
    }
}

struct LimitsExtension {
    deadline: Instant,
    time_limit: Duration,
}

fn limit_error(message: String) -> ServerError {
    let mut error = ServerError::new(message, None);
    error
        .extensions
        .get_or_insert_with(Default::default)
        .set("code", codes::LIMIT_EXCEEDED);
    error
}

#[async_graphql::async_trait::async_trait]
impl Extension for LimitsExtension {
    async fn parse_query(
        &self,
        ctx: &ExtensionContext<'_>,
        query: &str,
        variables: &Variables,
        next: NextParseQuery<'_>,
    ) -> ServerResult<ExecutableDocument> {
        match async_graphql::parser::parse_query(query) {
            Ok(document) => {
                cost_of(&document, &ctx.schema_env.registry, variables)?;
            }
            Err(async_graphql::parser::Error::RecursionLimitExceeded) => {
                return Err(limit_error(
                    "the query is nested too deeply to parse".to_owned(),
                ));
            }
            // Let the engine report the syntax error in its usual words.
            Err(_) => {}
        }
        next.run(ctx, query, variables).await
    }

    async fn resolve(
        &self,
        ctx: &ExtensionContext<'_>,
        info: ResolveInfo<'_>,
        next: NextResolve<'_>,
    ) -> ServerResult<Option<Value>> {
        if Instant::now() > self.deadline {
            let mut error = ServerError::new(
                format!(
                    "the request ran longer than the limit of {:?}",
                    self.time_limit
                ),
                None,
            );
            error.path = info
                .path_node
                .to_string_vec()
                .into_iter()
                .map(async_graphql::PathSegment::Field)
                .collect();
            error
                .extensions
                .get_or_insert_with(Default::default)
                .set("code", codes::TIMEOUT);
            return Err(error);
        }
        next.run(ctx, info).await
    }
}

/// The cost of the most expensive operation of `document`, or the error refusing it.
pub fn cost_of(
    document: &ExecutableDocument,
    registry: &Registry,
    variables: &Variables,
) -> ServerResult<u64> {
    if document.fragments.len() > MAX_FRAGMENTS {
        return Err(limit_error(format!(
            "the document defines {} fragments; at most {MAX_FRAGMENTS} are allowed",
            document.fragments.len()
        )));
    }
    let mut costing = Costing {
        document,
        registry,
        variables,
        fragments: HashMap::new(),
    };
    let mut highest = 0;
    for (_, operation) in document.operations.iter() {
        let root = match operation.node.ty {
            async_graphql::parser::types::OperationType::Query => registry.query_type.as_str(),
            async_graphql::parser::types::OperationType::Mutation => {
                registry.mutation_type.as_deref().unwrap_or("Mutation")
            }
            async_graphql::parser::types::OperationType::Subscription => registry
                .subscription_type
                .as_deref()
                .unwrap_or("Subscription"),
        };
        let cost = costing.selection_set(&operation.node.selection_set.node, root, false)?;
        highest = highest.max(cost);
    }
    if highest > MAX_COST {
        return Err(limit_error(format!(
            "the query would cost {highest}, more than the limit of {MAX_COST}: ask for smaller pages (first, limit), fewer nested lists or fewer heavy fields"
        )));
    }
    Ok(highest)
}

/// A fragment's cost while it is being computed (`None`: a cycle) or once known.
type FragmentCosts = HashMap<Name, Option<u64>>;

struct Costing<'a> {
    document: &'a ExecutableDocument,
    registry: &'a Registry,
    variables: &'a Variables,
    fragments: FragmentCosts,
}

impl Costing<'_> {
    /// Cost of a selection set on `type_name`. `paged` is true inside a field whose fan-out
    /// came from its page argument, so that the lists of a connection are not counted twice.
    fn selection_set(
        &mut self,
        selection_set: &SelectionSet,
        type_name: &str,
        paged: bool,
    ) -> ServerResult<u64> {
        let mut total: u64 = 0;
        for selection in &selection_set.items {
            let cost = match &selection.node {
                Selection::Field(field) => self.field(&field.node, type_name, paged)?,
                Selection::InlineFragment(fragment) => {
                    let inner_type = fragment
                        .node
                        .type_condition
                        .as_ref()
                        .map_or(type_name, |c| c.node.on.node.as_str());
                    self.selection_set(&fragment.node.selection_set.node, inner_type, paged)?
                }
                Selection::FragmentSpread(spread) => {
                    self.fragment(&spread.node.fragment_name.node)?
                }
            };
            total = total.saturating_add(cost);
        }
        Ok(total)
    }

    fn fragment(&mut self, name: &Name) -> ServerResult<u64> {
        match self.fragments.get(name) {
            Some(Some(cost)) => return Ok(*cost),
            Some(None) => {
                return Err(limit_error(format!("fragment {name} spreads itself")));
            }
            None => {}
        }
        // Unknown fragments are left to validation, which names them.
        let Some(definition) = self.document.fragments.get(name) else {
            return Ok(0);
        };
        self.fragments.insert(name.clone(), None);
        let on = definition.node.type_condition.node.on.node.as_str();
        let cost = self.selection_set(&definition.node.selection_set.node, on, false)?;
        self.fragments.insert(name.clone(), Some(cost));
        Ok(cost)
    }

    fn field(
        &mut self,
        field: &async_graphql::parser::types::Field,
        type_name: &str,
        paged: bool,
    ) -> ServerResult<u64> {
        let name = field.name.node.as_str();
        let weight = HEAVY_FIELDS
            .iter()
            .find(|(t, f, _)| *t == type_name && *f == name)
            .map_or(1, |(_, _, w)| *w);
        if field.selection_set.node.items.is_empty() {
            return Ok(weight);
        }
        let meta = self
            .registry
            .types
            .get(type_name)
            .and_then(|t| t.field_by_name(name));
        let Some(meta) = meta else {
            // Unknown fields are left to validation; cost the selection as one item.
            let inner = self.selection_set(&field.selection_set.node, type_name, false)?;
            return Ok(weight.saturating_add(inner));
        };
        let is_list = meta.ty.starts_with('[');
        let page = ["first", "limit"].iter().find_map(|argument| {
            self.argument(field, argument).or_else(|| {
                meta.args
                    .get(*argument)?
                    .default_value
                    .as_deref()?
                    .parse()
                    .ok()
            })
        });
        let (fanout, inner_paged) = match page {
            Some(n) => (n.max(1), !is_list),
            None if is_list && !paged => {
                let fanout = SHORT_LISTS
                    .iter()
                    .find(|(t, f, _)| *t == type_name && *f == name)
                    .map_or(LIST_FANOUT, |(_, _, n)| *n);
                (fanout, false)
            }
            None => (1, false),
        };
        let inner_type = meta.ty.trim_matches(|c| c == '[' || c == ']' || c == '!');
        let inner = self.selection_set(&field.selection_set.node, inner_type, inner_paged)?;
        Ok(weight.saturating_add(fanout.saturating_mul(inner)))
    }

    /// The integer value of an argument, written inline or passed as a variable.
    fn argument(&self, field: &async_graphql::parser::types::Field, name: &str) -> Option<u64> {
        let (_, value) = field
            .arguments
            .iter()
            .find(|(n, _)| n.node.as_str() == name)?;
        let value = value
            .node
            .clone()
            .into_const_with(|name| self.variables.get(&name).cloned().ok_or(()))
            .ok()?;
        match value {
            Value::Number(n) => n.as_u64(),
            _ => None,
        }
    }
}
