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
use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant};

use async_graphql::extensions::{
    Extension, ExtensionContext, ExtensionFactory, NextExecute, NextParseQuery, NextResolve,
    ResolveInfo,
};
use async_graphql::parser::types::{ExecutableDocument, Selection, SelectionSet};
use async_graphql::registry::Registry;
use async_graphql::{Name, ServerError, ServerResult, Value, Variables};

use super::error::coded;
use super::{MAX_RECURSIVE_DEPTH, codes};

/// Highest cost a request may have (see the module documentation).
pub const MAX_COST: u64 = 100_000;
/// Fan-out assumed for a list field without a `first` or `limit` argument.
pub const LIST_FANOUT: u64 = 20;
/// Longest a request may run before its remaining fields fail with `TIMEOUT`.
pub const TIME_LIMIT: Duration = Duration::from_secs(5);
/// Most fragment definitions in one document.
pub const MAX_FRAGMENTS: usize = 100;
/// Deepest nesting of introspection lists (`types { fields { args } }` is three). Within it,
/// introspection costs one per field without fan-out: its answer is bounded by the size of
/// the schema, and GraphiQL's and codegen's introspection queries need exactly three.
pub const MAX_INTROSPECTION_LISTS: usize = 3;

/// Fields that cost more than one unit each: (type, field, weight).
pub const HEAVY_FIELDS: &[(&str, &str, u64)] = &[
    ("QueryRoot", "statistics", 10_000),
    ("QueryRoot", "neighborhood", 2_000),
    ("QueryRoot", "paths", 1_000),
    ("QueryRoot", "supporters", 500),
    ("QueryRoot", "mostConnected", 500),
    ("QueryRoot", "search", 200),
    ("QueryRoot", "entities", 200),
    ("QueryRoot", "agencyNetwork", 200),
    ("QueryRoot", "instrumentTable", 200),
    ("QueryRoot", "recurringEntities", 200),
    ("QueryRoot", "compareDocuments", 200),
    ("Document", "text", 2_000),
    ("Industry", "supporters", 500),
];

/// Lists known to be short, with the fan-out assumed for them instead of [`LIST_FANOUT`]:
/// (type, field, fan-out). A relation carries 1.6 quotes on average; a table cell holds a few
/// codes (a table holds 362 in all, however it is cut).
pub const SHORT_LISTS: &[(&str, &str, u64)] = &[
    ("Relation", "evidence", 5),
    // 362 codes over at least 3 columns and 5 rows.
    ("InstrumentCell", "codes", 10),
];

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

fn limit_error(message: String) -> ServerError {
    coded(ServerError::new(message, None), codes::LIMIT_EXCEEDED)
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

/// Weight from which a field counts as heavy enough to run off the async workers
/// (`statistics`, `neighborhood`, `Document.text`).
pub const OFF_WORKER_WEIGHT: u64 = 2_000;

/// Whether any selection of the document (operations and fragments, each walked once) names
/// a field of [`HEAVY_FIELDS`] of at least [`OFF_WORKER_WEIGHT`].
pub(super) fn selects_heavy_field(document: &ExecutableDocument) -> bool {
    fn walk(selection_set: &SelectionSet) -> bool {
        selection_set
            .items
            .iter()
            .any(|selection| match &selection.node {
                Selection::Field(field) => {
                    let name = field.node.name.node.as_str();
                    HEAVY_FIELDS
                        .iter()
                        .any(|(_, heavy, weight)| *heavy == name && *weight >= OFF_WORKER_WEIGHT)
                        || walk(&field.node.selection_set.node)
                }
                Selection::InlineFragment(fragment) => walk(&fragment.node.selection_set.node),
                Selection::FragmentSpread(_) => false,
            })
    }
    document
        .operations
        .iter()
        .any(|(_, operation)| walk(&operation.node.selection_set.node))
        || document
            .fragments
            .values()
            .any(|fragment| walk(&fragment.node.selection_set.node))
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
    let mut highest = Measure::default();
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
        let measure = costing.selection_set(&operation.node.selection_set.node, root, false)?;
        highest.cost = highest.cost.max(measure.cost);
        highest.depth = highest.depth.max(measure.depth);
        highest.lists = highest.lists.max(measure.lists);
    }
    if highest.lists > MAX_INTROSPECTION_LISTS {
        return Err(limit_error(format!(
            "the query nests {} introspection lists; at most {MAX_INTROSPECTION_LISTS} are allowed",
            highest.lists
        )));
    }
    if highest.depth > MAX_RECURSIVE_DEPTH {
        return Err(limit_error(format!(
            "the query nests {} levels of fields and fragment spreads; at most {MAX_RECURSIVE_DEPTH} are allowed",
            highest.depth
        )));
    }
    if highest.cost > MAX_COST {
        return Err(limit_error(format!(
            "the query would cost {}, more than the limit of {MAX_COST}: ask for smaller pages (first, limit), fewer nested lists or fewer heavy fields",
            highest.cost
        )));
    }
    Ok(highest.cost)
}

/// What a selection costs and how deep it nests (fields and fragment spreads, as the
/// engine counts depth).
#[derive(Debug, Clone, Copy, Default)]
struct Measure {
    cost: u64,
    depth: usize,
    /// Deepest nesting of introspection lists.
    lists: usize,
}

/// A fragment's measure while it is being computed (`None`: a cycle) or once known.
type FragmentCosts = HashMap<Name, Option<Measure>>;

struct Costing<'a> {
    document: &'a ExecutableDocument,
    registry: &'a Registry,
    variables: &'a Variables,
    fragments: FragmentCosts,
}

impl Costing<'_> {
    /// The measure of a selection set on `type_name`. `paged` is true inside a field whose
    /// fan-out came from its page argument, so that the lists of a connection are not counted
    /// twice.
    fn selection_set(
        &mut self,
        selection_set: &SelectionSet,
        type_name: &str,
        paged: bool,
    ) -> ServerResult<Measure> {
        let mut total = Measure::default();
        for selection in &selection_set.items {
            let measure = match &selection.node {
                Selection::Field(field) => self.field(&field.node, type_name, paged)?,
                Selection::InlineFragment(fragment) => {
                    let inner_type = fragment
                        .node
                        .type_condition
                        .as_ref()
                        .map_or(type_name, |c| c.node.on.node.as_str());
                    let inner =
                        self.selection_set(&fragment.node.selection_set.node, inner_type, paged)?;
                    Measure {
                        depth: inner.depth + 1,
                        ..inner
                    }
                }
                Selection::FragmentSpread(spread) => {
                    let inner = self.fragment(&spread.node.fragment_name.node)?;
                    Measure {
                        depth: inner.depth + 1,
                        ..inner
                    }
                }
            };
            total.cost = total.cost.saturating_add(measure.cost);
            total.depth = total.depth.max(measure.depth);
            total.lists = total.lists.max(measure.lists);
        }
        Ok(total)
    }

    fn fragment(&mut self, name: &Name) -> ServerResult<Measure> {
        match self.fragments.get(name) {
            Some(Some(measure)) => return Ok(*measure),
            Some(None) => {
                return Err(limit_error(format!("fragment {name} spreads itself")));
            }
            None => {}
        }
        // Unknown fragments are left to validation, which names them.
        let Some(definition) = self.document.fragments.get(name) else {
            return Ok(Measure::default());
        };
        self.fragments.insert(name.clone(), None);
        let on = definition.node.type_condition.node.on.node.as_str();
        let measure = self.selection_set(&definition.node.selection_set.node, on, false)?;
        self.fragments.insert(name.clone(), Some(measure));
        Ok(measure)
    }

    /// The measure of one field with its selection.
    fn field(
        &mut self,
        field: &async_graphql::parser::types::Field,
        type_name: &str,
        paged: bool,
    ) -> ServerResult<Measure> {
        let name = field.name.node.as_str();
        let weight = HEAVY_FIELDS
            .iter()
            .find(|(t, f, _)| *t == type_name && *f == name)
            .map_or(1, |(_, _, w)| *w);
        if field.selection_set.node.items.is_empty() {
            return Ok(Measure {
                cost: weight,
                ..Measure::default()
            });
        }
        let meta = self
            .registry
            .types
            .get(type_name)
            .and_then(|t| t.field_by_name(name));
        let Some(meta) = meta else {
            // Unknown fields are left to validation; cost the selection as one item.
            let inner = self.selection_set(&field.selection_set.node, type_name, false)?;
            return Ok(Measure {
                cost: weight.saturating_add(inner.cost),
                depth: inner.depth + 1,
                lists: inner.lists,
            });
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
        if inner_type.starts_with("__") {
            // Introspection: bounded by the schema, and by the nesting of its lists.
            return Ok(Measure {
                cost: weight.saturating_add(inner.cost),
                depth: inner.depth + 1,
                lists: inner.lists + usize::from(is_list),
            });
        }
        Ok(Measure {
            cost: weight.saturating_add(fanout.saturating_mul(inner.cost)),
            depth: inner.depth + 1,
            lists: inner.lists,
        })
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
