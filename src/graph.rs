//! The petgraph projection of the model, for traversals (neighbourhoods, paths, centrality).
//! Node `i` is entity `i` of the model and each edge carries the index of its relation, so
//! the projection never duplicates names or evidence.

use petgraph::graph::{DiGraph, NodeIndex};

use crate::model::{EntityIndex, Model, RelationIndex};

/// A directed graph whose nodes are entity indexes and whose edges are relation indexes.
#[derive(Debug, Clone)]
pub struct KnowledgeGraph {
    graph: DiGraph<EntityIndex, RelationIndex>,
}

impl KnowledgeGraph {
    /// Builds the projection of `model`.
    pub fn new(model: &Model) -> Self {
        let mut graph = DiGraph::with_capacity(model.entities.len(), model.relations.len());
        for index in 0..model.entities.len() {
            graph.add_node(index);
        }
        for (index, relation) in model.relations.iter().enumerate() {
            graph.add_edge(
                NodeIndex::new(relation.subject),
                NodeIndex::new(relation.object),
                index,
            );
        }
        Self { graph }
    }

    /// The underlying petgraph graph.
    pub fn graph(&self) -> &DiGraph<EntityIndex, RelationIndex> {
        &self.graph
    }

    /// The node of an entity.
    pub fn node(&self, entity: EntityIndex) -> NodeIndex {
        NodeIndex::new(entity)
    }

    /// Number of relations touching an entity, in either direction.
    pub fn degree(&self, entity: EntityIndex) -> usize {
        self.graph.neighbors_undirected(self.node(entity)).count()
    }
}
