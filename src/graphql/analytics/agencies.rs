//! The co-responsibility network of agencies, its bodies with their centralities and its
//! weighted edges.

use async_graphql::Object;

use crate::SharedDataset;
use crate::analytics::{self, NetworkScope};
use crate::graphql::entity::{Document, Entity, EntityRef};
use crate::graphql::relation::Evidence;

/// The weighted co-responsibility network of agencies.
pub struct AgencyNetwork {
    data: SharedDataset,
    scope: NetworkScope,
}

impl AgencyNetwork {
    pub(super) fn new(data: &SharedDataset, scope: NetworkScope) -> Self {
        Self {
            data: data.clone(),
            scope,
        }
    }

    fn network(&self) -> &analytics::AgencyNetwork {
        // Every scope the resolver accepts was computed at start-up.
        self.data
            .analytics
            .network(self.scope)
            .unwrap_or_else(|| unreachable!("network of a known document"))
    }
}

#[Object]
impl AgencyNetwork {
    /// The document whose tasks it is built from; null for all documents.
    async fn document(&self) -> Option<Document> {
        self.scope
            .document
            .map(|d| Document(EntityRef::new(&self.data, d)))
    }
    /// Whether collective parties (各辖市、区政府, 各板块) are in it.
    async fn collective(&self) -> bool {
        self.scope.collective
    }
    /// Every body responsible for at least one provision, in model order.
    async fn nodes(&self) -> Vec<AgencyNode> {
        (0..self.network().nodes.len())
            .map(|i| AgencyNode {
                data: self.data.clone(),
                scope: self.scope,
                index: i,
            })
            .collect()
    }
    /// Every pair of bodies responsible for a common provision.
    async fn edges(&self) -> Vec<AgencyEdge> {
        (0..self.network().edges.len())
            .map(|i| AgencyEdge {
                data: self.data.clone(),
                scope: self.scope,
                index: i,
            })
            .collect()
    }
    /// Weighted modularity of the communities.
    async fn modularity(&self) -> f64 {
        self.network().modularity
    }
    /// Number of communities.
    async fn communities(&self) -> usize {
        self.network().community_count()
    }
}

/// A body of an agency network with its centralities (as networkx computes them).
pub struct AgencyNode {
    data: SharedDataset,
    scope: NetworkScope,
    index: usize,
}

impl AgencyNode {
    fn node(&self) -> &analytics::AgencyNode {
        let network = self.data.analytics.network(self.scope);
        &network.unwrap_or_else(|| unreachable!("known scope")).nodes[self.index]
    }
}

#[Object]
impl AgencyNode {
    /// The body.
    async fn agency(&self) -> Entity {
        Entity::of(&self.data, self.node().entity)
    }
    /// True for a collective party.
    async fn collective(&self) -> bool {
        self.node().collective
    }
    /// Number of provisions it is responsible for.
    async fn provisions(&self) -> usize {
        self.node().provisions
    }
    /// Number of bodies it shares a provision with.
    async fn degree(&self) -> usize {
        self.node().degree
    }
    /// Number of provisions shared, summed over its partners.
    async fn weighted_degree(&self) -> usize {
        self.node().weighted_degree
    }
    /// Normalised betweenness, unweighted (networkx `betweenness_centrality(G)`).
    async fn betweenness(&self) -> f64 {
        self.node().betweenness
    }
    /// Closeness, unweighted, Wasserman–Faust corrected (networkx `closeness_centrality(G)`).
    async fn closeness(&self) -> f64 {
        self.node().closeness
    }
    /// Eigenvector centrality over the weights (networkx
    /// `eigenvector_centrality(G, weight="weight")`); null if it did not converge.
    async fn eigenvector(&self) -> Option<f64> {
        self.node().eigenvector
    }
    /// Its community (Louvain, weighted), numbered from 0.
    async fn community(&self) -> usize {
        self.node().community
    }
}

/// Two bodies and the provisions both are responsible for.
pub struct AgencyEdge {
    data: SharedDataset,
    scope: NetworkScope,
    index: usize,
}

impl AgencyEdge {
    fn network(&self) -> &analytics::AgencyNetwork {
        let network = self.data.analytics.network(self.scope);
        network.unwrap_or_else(|| unreachable!("known scope"))
    }
}

#[Object]
impl AgencyEdge {
    /// One body.
    async fn source(&self) -> Entity {
        let network = self.network();
        Entity::of(
            &self.data,
            network.nodes[network.edges[self.index].source].entity,
        )
    }
    /// The other body.
    async fn target(&self) -> Entity {
        let network = self.network();
        Entity::of(
            &self.data,
            network.nodes[network.edges[self.index].target].entity,
        )
    }
    /// Number of shared provisions.
    async fn weight(&self) -> usize {
        self.network().edges[self.index].weight()
    }
    /// The responsibility quotes (牵头单位 lines) that name both bodies, one per shared
    /// provision and body.
    async fn evidence(&self) -> Vec<Evidence> {
        let network = self.network();
        let edge = &network.edges[self.index];
        let ends = [
            network.nodes[edge.source].entity,
            network.nodes[edge.target].entity,
        ];
        let model = &self.data.model;
        let mut out = Vec::new();
        for &provision in &edge.provisions {
            for relation in model.outgoing(provision) {
                if relation.kind == crate::vocabulary::ids::RESPONSIBLE_AGENCY
                    && ends.contains(&relation.object)
                {
                    for evidence in &relation.evidence {
                        if !out.contains(evidence) {
                            out.push(evidence.clone());
                        }
                    }
                }
            }
        }
        out.into_iter()
            .map(|e| Evidence::new(&self.data, &e))
            .collect()
    }
    /// The shared tasks and sections.
    async fn provisions(&self) -> Vec<Entity> {
        self.network().edges[self.index]
            .provisions
            .iter()
            .map(|&p| Entity::of(&self.data, p))
            .collect()
    }
}
