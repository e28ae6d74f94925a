//! Graph-shaped answers: supporters of an industry, paths, neighbourhoods for drawing.

use async_graphql::{ID, Result, SimpleObject};

use super::arguments;
use super::entity::Entity;
use super::enums::{Direction, EntityKind, RelationKind};
use super::relation::Relation;
use crate::SharedDataset;
use crate::model::EntityIndex;

/// Kinds counted as supporters when none are asked for: organisations, places and
/// instruments, not regions, documents or concepts.
const DEFAULT_SUPPORTER_KINDS: &[EntityKind] = &[
    EntityKind::Park,
    EntityKind::ResearchInstitute,
    EntityKind::Laboratory,
    EntityKind::InnovationCenter,
    EntityKind::Platform,
    EntityKind::Incubator,
    EntityKind::Enterprise,
    EntityKind::University,
    EntityKind::Alliance,
    EntityKind::GovernmentBody,
    EntityKind::Fund,
    EntityKind::FinancialProduct,
    EntityKind::Programme,
    EntityKind::Policy,
    EntityKind::Event,
    EntityKind::Organization,
];

/// An entity that supports an industry, how it connects to the industry asked about, and
/// the sentence that says so.
#[derive(SimpleObject)]
pub struct Supporter {
    /// The supporting entity.
    pub entity: Entity,
    /// The industry it supports: the one asked about or a narrower one.
    pub industry: Entity,
    /// The concepts from the industry asked about down to `industry` (one element when it
    /// is the industry asked about).
    pub concept_path: Vec<Entity>,
    /// The `supports` or `focusesOn` relation, with its evidence.
    pub relation: Relation,
}

/// The supporters of `industry` (and narrower concepts), filtered by region and kinds.
pub(crate) fn supporters(
    data: &SharedDataset,
    industry: EntityIndex,
    include_narrower: bool,
    region: Option<ID>,
    kinds: Option<Vec<EntityKind>>,
    first: i32,
) -> Result<Vec<Supporter>> {
    let limit = arguments::page_size(Some(first), 100)?;
    let region = region
        .map(|id| arguments::entity(&data.model, &id))
        .transpose()?;
    let kinds = kinds.unwrap_or_else(|| DEFAULT_SUPPORTER_KINDS.to_vec());
    let model = &data.model;
    Ok(data
        .graph
        .supporters(model, industry, include_narrower)
        .into_iter()
        .filter(|s| {
            kinds
                .iter()
                .any(|k| k.id() == model.entities[s.supporter].kind)
        })
        .filter(|s| region.is_none_or(|r| data.graph.is_within(s.supporter, r)))
        .take(limit)
        .map(|s| Supporter {
            entity: Entity::of(data, s.supporter),
            industry: Entity::of(data, s.concepts[s.concepts.len() - 1]),
            concept_path: s.concepts.iter().map(|&c| Entity::of(data, c)).collect(),
            relation: Relation::new(data, s.relation, Direction::Outgoing),
        })
        .collect())
}

/// One step of a path.
#[derive(SimpleObject)]
pub struct PathStep {
    /// The entity the step leaves.
    pub from: Entity,
    /// The entity the step reaches.
    pub to: Entity,
    /// The relation walked, seen from `from`: OUTGOING when walked along its direction.
    pub relation: Relation,
}

/// A path between two entities.
#[derive(SimpleObject)]
pub struct Path {
    /// Number of steps.
    pub length: usize,
    /// The entities along the path, from start to end.
    pub nodes: Vec<Entity>,
    /// The steps, each with its relation and evidence.
    pub steps: Vec<PathStep>,
}

/// Converts the traversal's paths to GraphQL objects.
pub(crate) fn paths(data: &SharedDataset, found: Vec<crate::graph::Path>) -> Vec<Path> {
    found
        .into_iter()
        .map(|path| {
            let mut nodes = vec![Entity::of(data, path.from)];
            let mut steps = Vec::new();
            let mut at = path.from;
            for step in &path.steps {
                let direction = if step.forward {
                    Direction::Outgoing
                } else {
                    Direction::Incoming
                };
                steps.push(PathStep {
                    from: Entity::of(data, at),
                    to: Entity::of(data, step.to),
                    relation: Relation::new(data, step.relation, direction),
                });
                nodes.push(Entity::of(data, step.to));
                at = step.to;
            }
            Path {
                length: steps.len(),
                nodes,
                steps,
            }
        })
        .collect()
}

/// A node of a drawn graph.
#[derive(SimpleObject)]
pub struct GraphNode {
    /// The entity id.
    pub id: ID,
    /// Its kind (for colour).
    pub kind: EntityKind,
    /// Its name in simplified Chinese.
    pub name: String,
    /// Its English name, when it has one.
    pub name_en: Option<String>,
    /// Hops from the nearest seed (0 for the seeds).
    pub distance: i32,
    /// The full entity.
    pub entity: Entity,
}

/// An edge of a drawn graph.
#[derive(SimpleObject)]
pub struct GraphEdge {
    /// A stable id: `source|kind|target`.
    pub id: ID,
    /// The subject's id.
    pub source: ID,
    /// The object's id.
    pub target: ID,
    /// The relation kind.
    pub kind: RelationKind,
    /// Whether the relation is inferred rather than stated.
    pub inferred: bool,
    /// The relation with its evidence.
    pub relation: Relation,
}

/// Nodes and edges in the shape graph libraries (Cytoscape, ECharts) draw.
#[derive(SimpleObject)]
pub struct GraphView {
    /// The entities.
    pub nodes: Vec<GraphNode>,
    /// The relations among them.
    pub edges: Vec<GraphEdge>,
    /// True when the node limit cut the neighbourhood short.
    pub truncated: bool,
}

/// Converts a traversal neighbourhood to a drawable graph.
pub(crate) fn graph_view(
    data: &SharedDataset,
    seeds: &[EntityIndex],
    found: crate::graph::Neighborhood,
) -> GraphView {
    let model = &data.model;
    // Distances from the seeds over the edges kept, for layout hints.
    let mut distance: std::collections::HashMap<EntityIndex, i32> =
        seeds.iter().map(|&s| (s, 0)).collect();
    let mut changed = true;
    while changed {
        changed = false;
        for &r in &found.edges {
            let relation = &model.relations[r];
            for (a, b) in [
                (relation.subject, relation.object),
                (relation.object, relation.subject),
            ] {
                if let Some(&d) = distance.get(&a)
                    && distance.get(&b).is_none_or(|&e| e > d + 1)
                {
                    distance.insert(b, d + 1);
                    changed = true;
                }
            }
        }
    }
    GraphView {
        nodes: found
            .nodes
            .iter()
            .map(|&n| {
                let e = &model.entities[n];
                GraphNode {
                    id: ID(e.id.clone()),
                    kind: EntityKind::from_id(&e.kind).unwrap_or(EntityKind::Organization),
                    name: e.name.clone(),
                    name_en: e.english.as_ref().map(|n| n.text.clone()),
                    distance: distance.get(&n).copied().unwrap_or(-1),
                    entity: Entity::of(data, n),
                }
            })
            .collect(),
        edges: found
            .edges
            .iter()
            .filter_map(|&r| {
                let relation = &model.relations[r];
                let kind = RelationKind::from_id(&relation.kind)?;
                let (s, o) = (
                    &model.entities[relation.subject].id,
                    &model.entities[relation.object].id,
                );
                Some(GraphEdge {
                    id: ID(format!("{s}|{}|{o}", relation.kind)),
                    source: ID(s.clone()),
                    target: ID(o.clone()),
                    kind,
                    inferred: relation.is_inferred(),
                    relation: Relation::new(data, r, Direction::Outgoing),
                })
            })
            .collect(),
        truncated: found.truncated,
    }
}
