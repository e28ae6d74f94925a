//! The query root: every entry point of the API.

use std::collections::HashSet;

use async_graphql::{Context, ID, InputObject, MergedObject, Object, Result, SimpleObject};

use super::entity::{Document, Entity, EntityRef, Target, Task};
use super::enums::{
    Centrality, EntityKind, EntityOrderField, MatchQuality, NameKind, OrderDirection, RelationKind,
};
use super::error::or_null;
use super::graph::{GraphView, Path, Supporter, graph_view, paths, supporters};
use super::page::{Page, paginate};
use super::{MAX_NEIGHBORHOOD_NODES, MAX_PATH_HOPS, MAX_PATHS, arguments, dataset};
use crate::SharedDataset;
use crate::model::{Details, EntityIndex, Model};
use crate::vocabulary::ids;

/// The root of every query: the graph's own entry points and the policy analyses.
#[derive(MergedObject, Default)]
#[graphql(name = "QueryRoot")]
pub struct QueryRoot(CoreQuery, super::analytics::AnalyticsQuery);

/// The entry points over entities, relations and the graph.
#[derive(Default)]
pub struct CoreQuery;

/// Filters for `entities`; all given filters must hold.
#[derive(InputObject, Default)]
pub struct EntityFilter {
    /// Only these kinds.
    pub kinds: Option<Vec<EntityKind>>,
    /// Only entities that lie in this region (following locatedIn and partOf), or targets
    /// set for it.
    pub region: Option<ID>,
    /// Only entities that support or focus on this industry or a narrower one.
    pub industry: Option<ID>,
    /// Only entities named in this document.
    pub document: Option<ID>,
    /// Only entities with a name matching this text (as in `search`).
    pub text: Option<String>,
}

/// How to sort `entities`.
#[derive(InputObject)]
pub struct EntityOrder {
    /// What to sort by.
    pub field: EntityOrderField,
    /// Which way; default ascending for DEFAULT, ID and NAME, descending for DEGREE and
    /// PAGE_RANK.
    pub direction: Option<OrderDirection>,
}

/// A search result.
#[derive(SimpleObject)]
pub struct SearchHit {
    /// The entity found.
    pub entity: Entity,
    /// The name that matched the search text.
    pub matched_name: String,
    /// Which of the entity's names matched.
    pub name_kind: NameKind,
    /// How well it matched.
    pub quality: MatchQuality,
}

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
impl CoreQuery {
    /// The entity with this id (documents, tasks and targets included). An unknown id is null
    /// with an error (`extensions.code = "NOT_FOUND"`) at this field's path, so that other
    /// fields of the same query still answer.
    async fn entity(&self, ctx: &Context<'_>, id: ID) -> Option<Entity> {
        let data = dataset(ctx);
        or_null(
            ctx,
            arguments::entity(&data.model, &id).map(|i| Entity::of(data, i)),
        )
    }

    /// Several entities by id, in the order asked (at most 100). An unknown id is null in its
    /// place, with a `NOT_FOUND` error whose path ends at that position.
    async fn nodes(&self, ctx: &Context<'_>, ids: Vec<ID>) -> Result<Vec<Option<Entity>>> {
        let data = dataset(ctx);
        arguments::page_size(Some(ids.len() as i32), 0)?;
        Ok(ids
            .iter()
            .enumerate()
            .map(|(position, id)| match arguments::entity(&data.model, id) {
                Ok(index) => Some(Entity::of(data, index)),
                Err(error) => {
                    let mut error = ctx.set_error_path(error.into_server_error(ctx.item.pos));
                    error.path.push(async_graphql::PathSegment::Index(position));
                    ctx.add_error(error);
                    None
                }
            })
            .collect())
    }

    /// Entities whose names match `text`: simplified or traditional Chinese, aliases as written
    /// in the documents, pinyin (with or without spaces or tones, any reading of a
    /// heteronym), pinyin initials, English (any case). Ranked exact match first, then prefix,
    /// then substring; one hit per entity, with the name that matched.
    async fn search(
        &self,
        ctx: &Context<'_>,
        #[graphql(desc = "What to look for; at most 100 characters.")] text: String,
        #[graphql(desc = "Only these kinds.")] kinds: Option<Vec<EntityKind>>,
        #[graphql(desc = "Maximum number of hits (at most 100).", default = 10)] first: i32,
    ) -> Result<Vec<SearchHit>> {
        arguments::search_text(&text)?;
        let limit = arguments::page_size(Some(first), 10)?;
        let data = dataset(ctx);
        let model = &data.model;
        let kind_ok = |i: EntityIndex| {
            kinds
                .as_ref()
                .is_none_or(|ks| ks.iter().any(|k| k.id() == model.entities[i].kind))
        };
        Ok(data
            .search
            .search_where(&text, limit, kind_ok)
            .into_iter()
            .map(|hit| SearchHit {
                entity: Entity::of(data, hit.entity),
                matched_name: hit.matched,
                name_kind: hit.name_kind.into(),
                quality: hit.quality.into(),
            })
            .collect())
    }

    /// Entities matching a filter, as a cursor connection (at most 100 per page).
    async fn entities(
        &self,
        ctx: &Context<'_>,
        #[graphql(default)] filter: EntityFilter,
        order_by: Option<EntityOrder>,
        #[graphql(desc = "Page size (default 20, at most 100).")] first: Option<i32>,
        #[graphql(desc = "Cursor after which to start.")] after: Option<String>,
    ) -> Result<Page<Entity>> {
        let data = dataset(ctx);
        let indexes = filter_entities(data, &filter)?;
        let indexes = order_entities(data, indexes, order_by);
        paginate(
            indexes.into_iter().map(|i| Entity::of(data, i)).collect(),
            after,
            first,
            20,
        )
    }

    /// Who supports an industry: the parks, institutes, platforms, incubators, funds,
    /// programmes … that support or focus on it or (by default) any narrower concept, each
    /// with the chain of concepts that connects them and the sentence that says so.
    async fn supporters(
        &self,
        ctx: &Context<'_>,
        #[graphql(desc = "The industry's id.")] industry: ID,
        #[graphql(
            default = true,
            desc = "Include narrower concepts (石墨烯 for 新材料)."
        )]
        include_narrower: bool,
        #[graphql(desc = "Only supporters that lie in this region.")] region: Option<ID>,
        #[graphql(desc = "Only these kinds (default: organisations, parks and instruments).")]
        kinds: Option<Vec<EntityKind>>,
        #[graphql(default = 100, desc = "At most this many (at most 100).")] first: i32,
    ) -> Result<Vec<Supporter>> {
        let data = dataset(ctx);
        let industry =
            arguments::entity_of_kind(&data.model, &industry, EntityKind::Industry.id())?;
        supporters(data, industry, include_narrower, region, kinds, first)
    }

    /// The shortest paths between two entities (several when several are equally short),
    /// walking relations in either direction; each step with its relation and evidence.
    async fn paths(
        &self,
        ctx: &Context<'_>,
        from: ID,
        to: ID,
        #[graphql(default = 4, desc = "Longest path considered (1 to 6).")] max_hops: i32,
        #[graphql(desc = "Only walk these relation kinds (default: all but partOfDocument).")]
        relation_kinds: Option<Vec<RelationKind>>,
        #[graphql(default = 5, desc = "At most this many paths (1 to 20).")] limit: i32,
    ) -> Result<Vec<Path>> {
        let data = dataset(ctx);
        let from = arguments::entity(&data.model, &from)?;
        let to = arguments::entity(&data.model, &to)?;
        let max_hops = arguments::in_range("maxHops", max_hops, 1..=MAX_PATH_HOPS)?;
        let limit = arguments::in_range("limit", limit, 1..=MAX_PATHS)?;
        let allowed = relation_filter(&data.model, relation_kinds);
        Ok(paths(
            data,
            data.graph
                .shortest_paths(from, to, max_hops, limit, allowed),
        ))
    }

    /// The neighbourhood of some entities as nodes and edges, ready for a graph library.
    async fn neighborhood(
        &self,
        ctx: &Context<'_>,
        #[graphql(desc = "The entities to start from (at most 20).")] ids: Vec<ID>,
        #[graphql(default = 1, desc = "How many relations away (0 to 3).")] hops: i32,
        #[graphql(desc = "Only follow these relation kinds (default: all but partOfDocument).")]
        relation_kinds: Option<Vec<RelationKind>>,
        #[graphql(desc = "Only include entities of these kinds (the starting ones always).")] kinds: Option<Vec<EntityKind>>,
        #[graphql(default = 200, desc = "At most this many nodes (1 to 500).")] limit: i32,
    ) -> Result<GraphView> {
        let data = dataset(ctx);
        arguments::id_count("ids", &ids, 1..=20)?;
        let seeds = ids
            .iter()
            .map(|id| arguments::entity(&data.model, id))
            .collect::<Result<Vec<_>>>()?;
        let hops = arguments::in_range("hops", hops, 0..=3)?;
        let limit = arguments::in_range("limit", limit, 1..=MAX_NEIGHBORHOOD_NODES)?;
        let model = &data.model;
        let allowed = relation_filter(model, relation_kinds);
        let node_ok = |i: EntityIndex| {
            kinds
                .as_ref()
                .is_none_or(|ks| ks.iter().any(|k| k.id() == model.entities[i].kind))
        };
        let found = data
            .graph
            .neighborhood(&seeds, hops, limit, allowed, node_ok);
        Ok(graph_view(data, &seeds, found))
    }

    /// The source documents.
    async fn documents(&self, ctx: &Context<'_>) -> Vec<Document> {
        let data = dataset(ctx);
        of_kind(&data.model, "Document")
            .map(|i| Document(EntityRef::new(data, i)))
            .collect()
    }

    /// Tasks, optionally of one document and/or led by one agency, as a connection.
    async fn tasks(
        &self,
        ctx: &Context<'_>,
        document: Option<ID>,
        #[graphql(desc = "Only tasks this body leads (牵头单位 / 责任单位).")] agency: Option<ID>,
        first: Option<i32>,
        after: Option<String>,
    ) -> Result<Page<Task>> {
        let data = dataset(ctx);
        let model = &data.model;
        let document = document
            .map(|d| arguments::entity_of_kind(model, &d, EntityKind::Document.id()))
            .transpose()?;
        let agency = agency.map(|a| arguments::agency(model, &a)).transpose()?;
        let tasks: Vec<Task> = of_kind(model, "Task")
            .filter(|&t| {
                document.is_none_or(
                    |d| matches!(&model.entities[t].details, Details::Task(p) if p.document == d),
                )
            })
            .filter(|&t| {
                agency.is_none_or(|a| {
                    model
                        .outgoing(t)
                        .any(|r| r.kind == ids::RESPONSIBLE_AGENCY && r.object == a)
                })
            })
            .map(|t| Task(EntityRef::new(data, t)))
            .collect();
        paginate(tasks, after, first, 50)
    }

    /// Quantitative targets, by region (including its parts), indicator text, year and
    /// document; sorted by region, indicator and year.
    async fn targets(
        &self,
        ctx: &Context<'_>,
        region: Option<ID>,
        #[graphql(desc = "Text the indicator contains (研发投入, 高新技术企业 …).")]
        indicator: Option<String>,
        year: Option<i32>,
        document: Option<ID>,
    ) -> Result<Vec<Target>> {
        let data = dataset(ctx);
        let model = &data.model;
        let region = region
            .map(|r| arguments::entity_of_kind(model, &r, EntityKind::Region.id()))
            .transpose()?;
        let document = document
            .map(|d| arguments::entity_of_kind(model, &d, EntityKind::Document.id()))
            .transpose()?;
        let mut found: Vec<EntityIndex> = of_kind(model, "Target")
            .filter(|&i| match &model.entities[i].details {
                Details::Target(t) => {
                    region.is_none_or(|r| data.graph.is_within(t.region, r))
                        && indicator
                            .as_ref()
                            .is_none_or(|s| t.indicator.contains(s.as_str()))
                        && year.is_none_or(|y| t.year == y)
                        && document.is_none_or(|d| t.document == d)
                }
                _ => false,
            })
            .collect();
        found.sort_by(|&a, &b| {
            let key = |i: EntityIndex| match &model.entities[i].details {
                Details::Target(t) => (
                    model.entities[t.region].id.clone(),
                    t.indicator.clone(),
                    t.year,
                ),
                _ => (String::new(), String::new(), 0),
            };
            key(a).cmp(&key(b))
        });
        Ok(found
            .into_iter()
            .map(|i| Target(EntityRef::new(data, i)))
            .collect())
    }

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

fn of_kind<'a>(model: &'a Model, kind: &'a str) -> impl Iterator<Item = EntityIndex> + 'a {
    model
        .entities
        .iter()
        .enumerate()
        .filter(move |(_, e)| e.kind == kind)
        .map(|(i, _)| i)
}

/// The relations a traversal may walk: the kinds asked for, or all but document structure.
fn relation_filter(model: &Model, kinds: Option<Vec<RelationKind>>) -> impl Fn(usize) -> bool + '_ {
    move |r| {
        let kind = model.relations[r].kind.as_str();
        match &kinds {
            Some(kinds) => kinds.iter().any(|k| k.id() == kind),
            None => kind != crate::vocabulary::ids::PART_OF_DOCUMENT,
        }
    }
}

fn filter_entities(data: &SharedDataset, filter: &EntityFilter) -> Result<Vec<EntityIndex>> {
    let model = &data.model;
    let region = filter
        .region
        .as_ref()
        .map(|r| arguments::entity(model, r))
        .transpose()?;
    let industry = filter
        .industry
        .as_ref()
        .map(|i| arguments::entity_of_kind(model, i, EntityKind::Industry.id()))
        .transpose()?;
    let document = filter
        .document
        .as_ref()
        .map(|d| arguments::entity_of_kind(model, d, EntityKind::Document.id()))
        .transpose()?;
    if let Some(text) = &filter.text {
        arguments::search_text(text)?;
    }
    let supporters: Option<HashSet<EntityIndex>> = industry.map(|i| {
        data.graph
            .supporters(model, i, true)
            .into_iter()
            .map(|s| s.supporter)
            .collect()
    });
    let matching: Option<HashSet<EntityIndex>> = filter.text.as_ref().map(|t| {
        data.search
            .search(t, usize::MAX)
            .into_iter()
            .map(|h| h.entity)
            .collect()
    });
    Ok((0..model.entities.len())
        .filter(|&i| {
            let e = &model.entities[i];
            filter
                .kinds
                .as_ref()
                .is_none_or(|ks| ks.iter().any(|k| k.id() == e.kind))
                && region.is_none_or(|r| match &e.details {
                    Details::Target(t) => data.graph.is_within(t.region, r),
                    _ => i != r && data.graph.is_within(i, r),
                })
                && supporters.as_ref().is_none_or(|s| s.contains(&i))
                && document.is_none_or(|d| e.evidence.iter().any(|ev| ev.document == d))
                && matching.as_ref().is_none_or(|m| m.contains(&i))
        })
        .collect())
}

fn order_entities(
    data: &SharedDataset,
    mut indexes: Vec<EntityIndex>,
    order: Option<EntityOrder>,
) -> Vec<EntityIndex> {
    let Some(order) = order else {
        return indexes;
    };
    let model = &data.model;
    let graph = &data.graph;
    let descending = match order.direction {
        Some(direction) => direction == OrderDirection::Desc,
        None => matches!(
            order.field,
            EntityOrderField::Degree | EntityOrderField::PageRank
        ),
    };
    match order.field {
        EntityOrderField::Default => {}
        EntityOrderField::Id => {
            indexes.sort_by(|&a, &b| model.entities[a].id.cmp(&model.entities[b].id))
        }
        EntityOrderField::Name => indexes.sort_by(|&a, &b| {
            crate::names::fold_latin(&model.entities[a].pinyin)
                .cmp(&crate::names::fold_latin(&model.entities[b].pinyin))
                .then(a.cmp(&b))
        }),
        EntityOrderField::Degree => {
            indexes.sort_by(|&a, &b| graph.degree(a).cmp(&graph.degree(b)).then(a.cmp(&b)))
        }
        EntityOrderField::PageRank => indexes.sort_by(|&a, &b| {
            graph
                .page_rank(a)
                .total_cmp(&graph.page_rank(b))
                .then(a.cmp(&b))
        }),
    }
    if descending {
        indexes.reverse();
    }
    indexes
}
