//! The co-responsibility network of agencies (政策主体网络): two bodies are linked when the
//! documents name both responsible for the same task or section, weighted by the number of
//! such provisions. Centralities come from rustworkx-core and follow networkx's definitions
//! and defaults, so that a researcher can reproduce them.

use std::collections::BTreeMap;

use petgraph::graph::UnGraph;
use rustworkx_core::centrality::{
    betweenness_centrality, closeness_centrality, eigenvector_centrality,
};

use super::communities::louvain;
use crate::model::{Details, EntityIndex, Model};

/// Which provisions a network is built from, and whether collective units are in it.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub struct NetworkScope {
    /// Only the provisions of this document; all documents when `None`.
    pub document: Option<EntityIndex>,
    /// Whether collective parties (各辖市、区政府, 各板块) are nodes.
    pub collective: bool,
}

/// A weighted, undirected network of agencies.
#[derive(Debug, Clone)]
pub struct AgencyNetwork {
    /// What it was built from.
    pub scope: NetworkScope,
    /// Every body responsible for at least one provision in scope, in model order.
    pub nodes: Vec<AgencyNode>,
    /// Every pair of bodies sharing at least one provision, ordered by their node positions.
    pub edges: Vec<AgencyEdge>,
    /// The modularity of [`AgencyNode::community`] (weighted, resolution 1).
    pub modularity: f64,
}

/// A body in an [`AgencyNetwork`], with its centralities.
#[derive(Debug, Clone)]
pub struct AgencyNode {
    /// The body.
    pub entity: EntityIndex,
    /// True for a collective party.
    pub collective: bool,
    /// Number of provisions in scope the body is responsible for.
    pub provisions: usize,
    /// Number of other bodies it shares a provision with.
    pub degree: usize,
    /// Sum of the weights of its edges.
    pub weighted_degree: usize,
    /// Betweenness, unweighted and normalised (networkx `betweenness_centrality(G)`).
    pub betweenness: f64,
    /// Closeness with the Wasserman–Faust correction for disconnected networks, unweighted
    /// (networkx `closeness_centrality(G)`).
    pub closeness: f64,
    /// Eigenvector centrality over the weights (networkx
    /// `eigenvector_centrality(G, weight="weight")`); `None` when the power iteration does
    /// not converge.
    pub eigenvector: Option<f64>,
    /// The community (Louvain, weighted), numbered from 0 in order of first node.
    pub community: usize,
}

/// Two bodies responsible for the same provisions.
#[derive(Debug, Clone)]
pub struct AgencyEdge {
    /// Position of one body in [`AgencyNetwork::nodes`].
    pub source: usize,
    /// Position of the other body, always greater than `source`.
    pub target: usize,
    /// The provisions both are responsible for, in model order; the weight is their number.
    pub provisions: Vec<EntityIndex>,
}

impl AgencyEdge {
    /// Number of shared provisions.
    pub fn weight(&self) -> usize {
        self.provisions.len()
    }
}

impl AgencyNetwork {
    /// Builds the network of `scope` and computes every centrality.
    pub fn build(model: &Model, scope: NetworkScope) -> Self {
        let provisions: Vec<EntityIndex> = (0..model.entities.len())
            .filter(|&i| match &model.entities[i].details {
                Details::Task(p) | Details::Section(p) => {
                    scope.document.is_none_or(|d| d == p.document)
                }
                _ => false,
            })
            .collect();
        Self::of_provisions(model, scope, &provisions)
    }

    /// Builds the network of `scope` over `provisions`, the sections and tasks of its
    /// document (or of all documents) in model order, so that the networks of many documents
    /// are built without walking every entity for each.
    pub fn of_provisions(model: &Model, scope: NetworkScope, provisions: &[EntityIndex]) -> Self {
        let mut provision_count: BTreeMap<EntityIndex, usize> = BTreeMap::new();
        let mut shared: BTreeMap<(EntityIndex, EntityIndex), Vec<EntityIndex>> = BTreeMap::new();
        for &provision in provisions {
            let mut bodies = model.responsible_for(provision);
            bodies.retain(|&b| scope.collective || !model.entities[b].collective);
            bodies.sort_unstable();
            bodies.dedup();
            for (i, &a) in bodies.iter().enumerate() {
                *provision_count.entry(a).or_default() += 1;
                for &b in &bodies[i + 1..] {
                    shared.entry((a, b)).or_default().push(provision);
                }
            }
        }
        let position: BTreeMap<EntityIndex, usize> = provision_count
            .keys()
            .enumerate()
            .map(|(position, &entity)| (entity, position))
            .collect();
        let edges: Vec<AgencyEdge> = shared
            .into_iter()
            .map(|((a, b), provisions)| AgencyEdge {
                source: position[&a],
                target: position[&b],
                provisions,
            })
            .collect();

        let mut graph = UnGraph::<(), f64>::with_capacity(position.len(), edges.len());
        for _ in 0..position.len() {
            graph.add_node(());
        }
        for edge in &edges {
            graph.add_edge(
                (edge.source as u32).into(),
                (edge.target as u32).into(),
                edge.weight() as f64,
            );
        }
        // A parallel threshold above any node count keeps the computation on this thread.
        let sequential = usize::MAX;
        let betweenness = betweenness_centrality(&graph, false, true, sequential);
        let closeness = closeness_centrality(&graph, true, sequential);
        let eigenvector = eigenvector_centrality(
            &graph,
            |e| Ok::<f64, std::convert::Infallible>(*e.weight()),
            Some(1000),
            None,
        )
        .ok()
        .flatten();
        let weights: Vec<(usize, usize, f64)> = edges
            .iter()
            .map(|e| (e.source, e.target, e.weight() as f64))
            .collect();
        let partition = louvain(position.len(), &weights);

        let mut degree = vec![0; position.len()];
        let mut weighted_degree = vec![0; position.len()];
        for edge in &edges {
            for end in [edge.source, edge.target] {
                degree[end] += 1;
                weighted_degree[end] += edge.weight();
            }
        }
        let nodes = provision_count
            .iter()
            .enumerate()
            .map(|(i, (&entity, &provisions))| AgencyNode {
                entity,
                collective: model.entities[entity].collective,
                provisions,
                degree: degree[i],
                weighted_degree: weighted_degree[i],
                betweenness: betweenness[i].unwrap_or(0.0),
                closeness: closeness[i].unwrap_or(0.0),
                eigenvector: eigenvector.as_ref().map(|v| v[i]),
                community: partition.communities[i],
            })
            .collect();
        Self {
            scope,
            nodes,
            edges,
            modularity: partition.modularity,
        }
    }

    /// The position of a body among the nodes.
    pub fn position(&self, entity: EntityIndex) -> Option<usize> {
        self.nodes.iter().position(|n| n.entity == entity)
    }

    /// Number of communities.
    pub fn community_count(&self) -> usize {
        self.nodes
            .iter()
            .map(|n| n.community + 1)
            .max()
            .unwrap_or(0)
    }
}
