//! The graph as a whole: counts, the most connected entities, and the vocabulary's kinds.

use async_graphql::{Context, Object, Result, SimpleObject};

use crate::graphql::entity::Entity;
use crate::graphql::enums::{Centrality, EntityKind, RelationKind};
use crate::graphql::{arguments, dataset};

/// The entry points over the whole graph and its vocabulary.
#[derive(Default)]
pub struct OverviewQuery;

/// A count for one kind or region.
#[derive(SimpleObject)]
pub struct Count {
    /// The kind, relation kind or region id.
    pub key: String,
    /// For a count by kind, the kind as `kind` fields spell it (`PARK`).
    pub entity_kind: Option<EntityKind>,
    /// For a count by relation kind, the kind as `kind` fields spell it (`LOCATED_IN`).
    pub relation_kind: Option<RelationKind>,
    /// Its name, for regions.
    pub name: Option<String>,
    /// How many.
    pub count: usize,
}

/// Counts over the whole graph.
#[derive(SimpleObject)]
pub struct Statistics {
    /// Number of entities.
    pub entities: usize,
    /// Number of relations.
    pub relations: usize,
    /// Number of relations that are inferred rather than stated.
    pub inferred_relations: usize,
    /// Number of quotes on relations.
    pub quotes: usize,
    /// Entities by kind.
    pub by_kind: Vec<Count>,
    /// Relations by kind.
    pub by_relation_kind: Vec<Count>,
    /// Entities (other than regions) located in each region, directly or through parts.
    pub by_region: Vec<Count>,
}

/// An entity with its centrality.
#[derive(SimpleObject)]
pub struct Ranked {
    /// The entity.
    pub entity: Entity,
    /// Number of relations (leaving out mentions and document structure).
    pub degree: usize,
    /// PageRank over the same relations.
    pub page_rank: f64,
}

/// A kind of entity or relation, with its labels, for legends.
#[derive(SimpleObject)]
pub struct VocabularyTerm {
    /// Id in the vocabulary (`Park`, `locatedIn`).
    pub id: String,
    /// The kind as the `kind` fields of entities spell it (`PARK`).
    pub kind: Option<EntityKind>,
    /// Chinese label.
    pub zh: String,
    /// English label.
    pub en: String,
    /// What it means.
    pub comment: String,
}

/// A relation kind of the vocabulary and what it means for traversals.
#[derive(SimpleObject)]
pub struct RelationKindTerm {
    /// Id in the vocabulary (`locatedIn`).
    pub id: String,
    /// The kind as the `kind` fields of relations and the `kinds` arguments spell it
    /// (`LOCATED_IN`).
    pub kind: Option<RelationKind>,
    /// Chinese label.
    pub zh: String,
    /// English label.
    pub en: String,
    /// What it means.
    pub comment: String,
    /// Made by the loader from the document structure, never written by hand.
    pub generated: bool,
    /// Records where a thing is written or what a provision does with it, rather than how two
    /// named things relate: left out of centrality and of default traversals.
    pub structural: bool,
    /// Places the subject inside the object.
    pub containment: bool,
    /// Links a narrower concept to a broader one.
    pub hierarchy: bool,
    /// The action role it stands for (`instrument`, `carrier` …), for role kinds.
    pub role: Option<String>,
    /// The more general relation kind it specialises, if any.
    pub sub_property_of: Option<String>,
    /// Chinese label read from object to subject.
    pub inverse_zh: Option<String>,
    /// English label read from object to subject.
    pub inverse_en: Option<String>,
}

#[Object]
impl OverviewQuery {
    /// Counts by kind, by relation kind and by region.
    async fn statistics(&self, ctx: &Context<'_>) -> Statistics {
        let data = dataset(ctx);
        let model = &data.model;
        let count = |(key, count): (String, usize)| Count {
            entity_kind: EntityKind::from_id(&key),
            relation_kind: RelationKind::from_id(&key),
            key,
            name: None,
            count,
        };
        let statistics = &data.statistics;
        let by_region = statistics
            .by_region
            .iter()
            .map(|&(region, count)| Count {
                entity_kind: None,
                relation_kind: None,
                key: model.entities[region].id.clone(),
                name: Some(model.entities[region].name.clone()),
                count,
            })
            .collect();
        Statistics {
            entities: statistics.entities,
            relations: statistics.relations,
            inferred_relations: statistics.inferred_relations,
            quotes: statistics.quotes,
            by_kind: statistics.by_kind.iter().cloned().map(count).collect(),
            by_relation_kind: statistics
                .by_relation_kind
                .iter()
                .cloned()
                .map(count)
                .collect(),
            by_region,
        }
    }

    /// The most connected entities, by degree or PageRank, optionally of some kinds.
    async fn most_connected(
        &self,
        ctx: &Context<'_>,
        kinds: Option<Vec<EntityKind>>,
        #[graphql(default_with = "Centrality::Degree")] by: Centrality,
        #[graphql(default = 10)] first: i32,
    ) -> Result<Vec<Ranked>> {
        let data = dataset(ctx);
        let limit = arguments::page_size(Some(first), 10)?;
        let model = &data.model;
        let graph = &data.graph;
        let ranked = graph
            .ranked(by == Centrality::PageRank)
            .iter()
            .copied()
            .filter(|&i| {
                kinds
                    .as_ref()
                    .is_none_or(|ks| ks.iter().any(|k| k.id() == model.entities[i].kind))
            });
        Ok(ranked
            .take(limit)
            .map(|i| Ranked {
                entity: Entity::of(data, i),
                degree: graph.degree(i),
                page_rank: graph.page_rank(i),
            })
            .collect())
    }

    /// The kinds of entities, with labels in Chinese and English.
    async fn entity_kinds(&self, ctx: &Context<'_>) -> Vec<VocabularyTerm> {
        dataset(ctx)
            .model
            .vocabulary
            .kinds
            .iter()
            .map(|k| VocabularyTerm {
                kind: EntityKind::from_id(&k.id),
                id: k.id.clone(),
                zh: k.zh.clone(),
                en: k.en.clone(),
                comment: k.comment.clone(),
            })
            .collect()
    }

    /// The kinds of relations, with labels in Chinese and English and what they mean for
    /// traversals.
    async fn relation_kinds(&self, ctx: &Context<'_>) -> Vec<RelationKindTerm> {
        dataset(ctx)
            .model
            .vocabulary
            .relations
            .iter()
            .map(|r| RelationKindTerm {
                kind: RelationKind::from_id(&r.id),
                id: r.id.clone(),
                zh: r.zh.clone(),
                en: r.en.clone(),
                comment: r.comment.clone(),
                generated: r.generated,
                structural: r.structural,
                containment: r.containment,
                hierarchy: r.hierarchy,
                role: r.role.clone(),
                sub_property_of: r.sub_property_of.clone(),
                inverse_zh: r.inverse.as_ref().map(|l| l.zh.clone()),
                inverse_en: r.inverse.as_ref().map(|l| l.en.clone()),
            })
            .collect()
    }
}
