//! Finding entities: by id, by name, and by filters in an order.

use std::collections::HashSet;

use async_graphql::{Context, ID, InputObject, Object, Result, SimpleObject};

use crate::SharedDataset;
use crate::graphql::entity::Entity;
use crate::graphql::enums::{EntityKind, EntityOrderField, MatchQuality, NameKind, OrderDirection};
use crate::graphql::error::or_null;
use crate::graphql::page::{Page, paginate};
use crate::graphql::{arguments, dataset};
use crate::model::{Details, EntityIndex};

/// The entry points that find entities.
#[derive(Default)]
pub struct LookupQuery;

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

#[Object]
impl LookupQuery {
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
