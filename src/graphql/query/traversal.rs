//! Walking the graph: who supports an industry, paths between two entities, neighbourhoods.

use async_graphql::{Context, ID, Object, Result};

use crate::graphql::enums::{EntityKind, RelationKind};
use crate::graphql::graph::{GraphView, Path, Supporter, graph_view, paths, supporters};
use crate::graphql::{MAX_NEIGHBORHOOD_NODES, MAX_PATH_HOPS, MAX_PATHS, arguments, dataset};
use crate::model::{EntityIndex, Model};

/// The entry points that walk the graph.
#[derive(Default)]
pub struct TraversalQuery;

#[Object]
impl TraversalQuery {
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
                .shortest_paths(&data.model, from, to, max_hops, limit, allowed),
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
            .neighborhood(&data.model, &seeds, hops, limit, allowed, node_ok);
        Ok(graph_view(data, &seeds, found))
    }
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
