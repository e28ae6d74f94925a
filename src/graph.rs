//! Traversals of the model and what is computed once over its relations: shortest paths,
//! neighbourhoods, supporters of an industry and its narrower concepts, containment in a
//! region, centrality. Every walk reads the model's own adjacency (its relations by subject
//! and by object); nothing here keeps a second copy of the edges.

use std::collections::{HashMap, HashSet, VecDeque};

use crate::model::{EntityIndex, Model, RelationIndex};

/// What the traversals need beyond the model, computed once: degree and PageRank (over the
/// relations that are not structural), rankings by both, and containment.
#[derive(Debug, Clone)]
pub struct KnowledgeGraph {
    degree: Vec<usize>,
    page_rank: Vec<f64>,
    /// Every entity, most connected first (ties by model order), once by degree and once by
    /// PageRank, so that a ranking reads its first entries instead of sorting all.
    by_degree: Vec<EntityIndex>,
    by_page_rank: Vec<EntityIndex>,
    /// Per relation: whether its kind places the subject inside the object.
    containment: Vec<bool>,
    /// Per entity: what it lies within through the containment kinds, sorted (itself left
    /// out). Containment chains are short (task, section, document; district, city,
    /// province), so this costs a few indexes per entity and answers `is_within` at once.
    containers: Vec<Box<[EntityIndex]>>,
}

/// One step of a path: a relation, walked along (subject → object) or against its direction.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Step {
    /// The relation walked.
    pub relation: RelationIndex,
    /// True when walked from its subject to its object.
    pub forward: bool,
    /// The entity the step arrives at.
    pub to: EntityIndex,
}

/// A path between two entities.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Path {
    /// Where it starts.
    pub from: EntityIndex,
    /// The steps, in order.
    pub steps: Vec<Step>,
}

/// The part of the graph around some entities.
#[derive(Debug, Clone, Default)]
pub struct Neighborhood {
    /// The entities, seeds first, then by distance.
    pub nodes: Vec<EntityIndex>,
    /// The relations between them.
    pub edges: Vec<RelationIndex>,
    /// True when the node limit cut the neighbourhood short.
    pub truncated: bool,
}

/// An entity that supports an industry, and how it connects to the industry asked about.
#[derive(Debug, Clone)]
pub struct Support {
    /// The supporting entity.
    pub supporter: EntityIndex,
    /// The `supports` or `focusesOn` relation.
    pub relation: RelationIndex,
    /// The concepts from the industry asked about down to the one supported (one element
    /// when it is the industry itself).
    pub concepts: Vec<EntityIndex>,
}

/// PageRank by power iteration, in O(iterations × (nodes + edges)); the rank of nodes
/// without outgoing edges is spread over all nodes. (petgraph's `page_rank` is quadratic in
/// the number of nodes, which made start-up slow.)
fn page_rank(nodes: usize, edges: &[(usize, usize)], damping: f64, iterations: usize) -> Vec<f64> {
    if nodes == 0 {
        return Vec::new();
    }
    let n = nodes as f64;
    let mut out_degree = vec![0usize; nodes];
    for &(from, _) in edges {
        out_degree[from] += 1;
    }
    let mut rank = vec![1.0 / n; nodes];
    for _ in 0..iterations {
        let dangling: f64 = (0..nodes)
            .filter(|&v| out_degree[v] == 0)
            .map(|v| rank[v])
            .sum();
        let base = (1.0 - damping) / n + damping * dangling / n;
        let mut next = vec![base; nodes];
        for &(from, to) in edges {
            next[to] += damping * rank[from] / out_degree[from] as f64;
        }
        rank = next;
    }
    rank
}

/// Relations touching `entity` in either direction: (relation, walked forward, other end),
/// the latest relation of each direction first (the order paths and neighbourhoods have
/// always been found in).
fn incident(model: &Model, entity: EntityIndex) -> impl Iterator<Item = Step> + '_ {
    let out = model.outgoing_indexes(entity).iter().rev().map(|&r| Step {
        relation: r,
        forward: true,
        to: model.relations[r].object,
    });
    let inc = model.incoming_indexes(entity).iter().rev().map(|&r| Step {
        relation: r,
        forward: false,
        to: model.relations[r].subject,
    });
    out.chain(inc)
}

impl KnowledgeGraph {
    /// Builds the projection of `model` and its centrality.
    pub fn new(model: &Model) -> Self {
        let vocabulary = &model.vocabulary;
        let containment_kinds = vocabulary.containment_kinds();
        let mut semantic_edges = Vec::new();
        let mut degree = vec![0; model.entities.len()];
        for relation in &model.relations {
            if !vocabulary.is_structural(&relation.kind) {
                semantic_edges.push((relation.subject, relation.object));
                degree[relation.subject] += 1;
                degree[relation.object] += 1;
            }
        }
        let page_rank = page_rank(model.entities.len(), &semantic_edges, 0.85, 50);
        let containment: Vec<bool> = model
            .relations
            .iter()
            .map(|r| containment_kinds.contains(&r.kind.as_str()))
            .collect();
        let containers = (0..model.entities.len())
            .map(|entity| containers_of(model, &containment, entity))
            .collect();
        let mut by_degree: Vec<EntityIndex> = (0..model.entities.len()).collect();
        by_degree.sort_by(|&a, &b| degree[b].cmp(&degree[a]).then(a.cmp(&b)));
        let mut by_page_rank: Vec<EntityIndex> = (0..model.entities.len()).collect();
        by_page_rank.sort_by(|&a, &b| page_rank[b].total_cmp(&page_rank[a]).then(a.cmp(&b)));
        Self {
            degree,
            page_rank,
            by_degree,
            by_page_rank,
            containment,
            containers,
        }
    }

    /// Every entity, the most connected first: by degree, or by PageRank when `page_rank`.
    pub fn ranked(&self, page_rank: bool) -> &[EntityIndex] {
        if page_rank {
            &self.by_page_rank
        } else {
            &self.by_degree
        }
    }

    /// What `entity` lies within through the containment kinds (itself left out), sorted.
    pub fn containers(&self, entity: EntityIndex) -> &[EntityIndex] {
        &self.containers[entity]
    }

    /// Number of relations touching an entity, leaving out the structural kinds.
    pub fn degree(&self, entity: EntityIndex) -> usize {
        self.degree[entity]
    }

    /// PageRank of an entity over the graph without the structural kinds (damping 0.85).
    pub fn page_rank(&self, entity: EntityIndex) -> f64 {
        self.page_rank[entity]
    }

    /// The shortest paths from `from` to `to`, at most `max_hops` long, walking relations in
    /// either direction when `allowed` accepts them; several when several are equally short,
    /// at most `limit`, in a stable order.
    pub fn shortest_paths(
        &self,
        model: &Model,
        from: EntityIndex,
        to: EntityIndex,
        max_hops: usize,
        limit: usize,
        allowed: impl Fn(RelationIndex) -> bool,
    ) -> Vec<Path> {
        if from == to || limit == 0 {
            return Vec::new();
        }
        // Breadth-first layers; every node keeps all its predecessors from the previous layer.
        let mut distance: HashMap<EntityIndex, usize> = HashMap::from([(from, 0)]);
        let mut predecessors: HashMap<EntityIndex, Vec<(EntityIndex, Step)>> = HashMap::new();
        let mut layer = vec![from];
        for depth in 1..=max_hops {
            let mut next = Vec::new();
            for &node in &layer {
                for step in incident(model, node).filter(|s| allowed(s.relation)) {
                    match distance.get(&step.to) {
                        Some(&d) if d < depth => continue,
                        Some(_) => {}
                        None => {
                            distance.insert(step.to, depth);
                            next.push(step.to);
                        }
                    }
                    predecessors.entry(step.to).or_default().push((node, step));
                }
            }
            if distance.contains_key(&to) || next.is_empty() {
                break;
            }
            layer = next;
        }
        if !distance.contains_key(&to) {
            return Vec::new();
        }
        // Walk back from `to`, depth first, collecting up to `limit` paths.
        let mut paths = Vec::new();
        let mut stack: Vec<(EntityIndex, Vec<Step>)> = vec![(to, Vec::new())];
        while let Some((node, suffix)) = stack.pop() {
            if node == from {
                let mut steps = suffix;
                steps.reverse();
                paths.push(Path { from, steps });
                if paths.len() >= limit {
                    break;
                }
                continue;
            }
            if let Some(preds) = predecessors.get(&node) {
                for &(prev, step) in preds.iter().rev() {
                    let mut longer = suffix.clone();
                    longer.push(step);
                    stack.push((prev, longer));
                }
            }
        }
        paths
    }

    /// The entities within `hops` relations of `seeds` (walking both directions along relations
    /// `allow_relation` accepts, keeping entities `allow_node` accepts; seeds are always kept),
    /// at most `limit` entities, and every allowed relation among them.
    pub fn neighborhood(
        &self,
        model: &Model,
        seeds: &[EntityIndex],
        hops: usize,
        limit: usize,
        allow_relation: impl Fn(RelationIndex) -> bool,
        allow_node: impl Fn(EntityIndex) -> bool,
    ) -> Neighborhood {
        let mut result = Neighborhood::default();
        let mut included: HashSet<EntityIndex> = HashSet::new();
        for &seed in seeds {
            if included.insert(seed) {
                result.nodes.push(seed);
            }
        }
        let mut layer: Vec<EntityIndex> = result.nodes.clone();
        'layers: for _ in 0..hops {
            let mut next = Vec::new();
            for &node in &layer {
                for step in incident(model, node).filter(|s| allow_relation(s.relation)) {
                    if included.contains(&step.to) || !allow_node(step.to) {
                        continue;
                    }
                    if result.nodes.len() >= limit {
                        result.truncated = true;
                        break 'layers;
                    }
                    included.insert(step.to);
                    result.nodes.push(step.to);
                    next.push(step.to);
                }
            }
            layer = next;
        }
        // Each edge from its subject's side only: a hub (a city that thousands of entities lie
        // in) is then not walked through all its incoming relations.
        let mut edges: Vec<RelationIndex> = result
            .nodes
            .iter()
            .flat_map(|&n| model.outgoing_indexes(n))
            .copied()
            .filter(|&r| included.contains(&model.relations[r].object) && allow_relation(r))
            .collect();
        edges.sort_unstable();
        edges.dedup();
        result.edges = edges;
        result
    }

    /// The industry itself and, when `include_narrower`, every narrower concept (following
    /// the hierarchy kinds, `broader`, backwards), each with the chain of concepts that leads
    /// to it.
    pub fn concepts_under(
        &self,
        model: &Model,
        industry: EntityIndex,
        include_narrower: bool,
    ) -> Vec<Vec<EntityIndex>> {
        let mut chains = vec![vec![industry]];
        if !include_narrower {
            return chains;
        }
        let hierarchy = model.vocabulary.hierarchy_kinds();
        let mut seen = HashSet::from([industry]);
        let mut queue = VecDeque::from([vec![industry]]);
        while let Some(chain) = queue.pop_front() {
            let last = chain[chain.len() - 1];
            for &r in model.incoming_indexes(last) {
                let relation = &model.relations[r];
                if hierarchy.contains(&relation.kind.as_str()) && seen.insert(relation.subject) {
                    let mut longer = chain.clone();
                    longer.push(relation.subject);
                    chains.push(longer.clone());
                    queue.push_back(longer);
                }
            }
        }
        chains
    }

    /// Who supports (or focuses on) `industry` or, when `include_narrower`, any narrower
    /// concept; nearest concepts first, then in model order.
    pub fn supporters(
        &self,
        model: &Model,
        industry: EntityIndex,
        include_narrower: bool,
    ) -> Vec<Support> {
        let support_kinds = model.vocabulary.support_kinds();
        let mut supports = Vec::new();
        for chain in self.concepts_under(model, industry, include_narrower) {
            let concept = chain[chain.len() - 1];
            for &r in model.incoming_indexes(concept) {
                if support_kinds.contains(&model.relations[r].kind.as_str()) {
                    supports.push(Support {
                        supporter: model.relations[r].subject,
                        relation: r,
                        concepts: chain.clone(),
                    });
                }
            }
        }
        supports
    }

    /// Whether a relation places its subject inside its object (a containment kind of the
    /// vocabulary, such as `locatedIn`).
    pub fn is_containment(&self, relation: RelationIndex) -> bool {
        self.containment[relation]
    }

    /// Whether `entity` is `region` or lies within it, following the containment kinds.
    pub fn is_within(&self, entity: EntityIndex, region: EntityIndex) -> bool {
        entity == region || self.containers[entity].binary_search(&region).is_ok()
    }
}

/// Everything `entity` reaches through containment relations, sorted, itself left out.
fn containers_of(model: &Model, containment: &[bool], entity: EntityIndex) -> Box<[EntityIndex]> {
    let mut found = Vec::new();
    let mut queue = VecDeque::from([entity]);
    while let Some(node) = queue.pop_front() {
        for &r in model.outgoing_indexes(node) {
            let object = model.relations[r].object;
            if containment[r] && object != entity && !found.contains(&object) {
                found.push(object);
                queue.push_back(object);
            }
        }
    }
    found.sort_unstable();
    found.into_boxed_slice()
}

#[cfg(test)]
mod tests {
    use super::page_rank;

    #[test]
    fn page_rank_sums_to_one_and_favours_the_pointed_at() {
        // 0 → 2, 1 → 2, 2 → 0; 3 has no edges.
        let ranks = page_rank(4, &[(0, 2), (1, 2), (2, 0)], 0.85, 100);
        let total: f64 = ranks.iter().sum();
        assert!((total - 1.0).abs() < 1e-9, "{total}");
        assert!(ranks[2] > ranks[0] && ranks[0] > ranks[1] && ranks[1] == ranks[3]);
    }
}
