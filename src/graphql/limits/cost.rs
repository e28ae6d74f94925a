//! The cost model: what a parsed document may cost before anything else walks it (see the
//! documentation of [`super`]), and which documents are heavy enough to run off the async
//! workers.

use std::collections::HashMap;

use async_graphql::parser::types::{ExecutableDocument, Selection, SelectionSet};
use async_graphql::registry::Registry;
use async_graphql::{Name, ServerError, ServerResult, Value, Variables};

use crate::graphql::MAX_RECURSIVE_DEPTH;
use crate::graphql::codes;
use crate::graphql::error::coded;

fn limit_error(message: String) -> ServerError {
    coded(ServerError::new(message, None), codes::LIMIT_EXCEEDED)
}

/// Highest cost a request may have (see the module documentation).
pub const MAX_COST: u64 = 100_000;
/// Fan-out assumed for a list field without a `first` or `limit` argument.
pub const LIST_FANOUT: u64 = 20;
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

/// Weight from which a field counts as heavy enough to run off the async workers
/// (`statistics`, `neighborhood`, `Document.text`).
pub const OFF_WORKER_WEIGHT: u64 = 2_000;

/// Whether any selection of the document (operations and fragments, each walked once) names
/// a field of [`HEAVY_FIELDS`] of at least [`OFF_WORKER_WEIGHT`].
pub(crate) fn selects_heavy_field(document: &ExecutableDocument) -> bool {
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
