//! The counts `statistics` answers, computed once when the dataset is built: counting by
//! region walks every entity's containment, which is too slow to repeat per request on a
//! large graph.

use crate::graph::KnowledgeGraph;
use crate::model::{EntityIndex, Model};
use crate::vocabulary::ids;

/// Counts over the whole graph.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Statistics {
    /// Number of entities.
    pub entities: usize,
    /// Number of relations.
    pub relations: usize,
    /// Relations that are inferred rather than stated.
    pub inferred_relations: usize,
    /// Quotes on relations.
    pub quotes: usize,
    /// Entities of each kind, in vocabulary order, kinds with none left out.
    pub by_kind: Vec<(String, usize)>,
    /// Relations of each kind, in vocabulary order, kinds with none left out.
    pub by_relation_kind: Vec<(String, usize)>,
    /// For each region in model order, the entities other than regions that lie within it,
    /// directly or through parts; regions with none left out.
    pub by_region: Vec<(EntityIndex, usize)>,
}

impl Statistics {
    /// Counts `model`, with the containment `graph` has computed.
    pub fn new(model: &Model, graph: &KnowledgeGraph) -> Self {
        let is_region = |i: EntityIndex| model.entities[i].kind == ids::REGION;
        let mut within = vec![0; model.entities.len()];
        for entity in (0..model.entities.len()).filter(|&i| !is_region(i)) {
            for &container in graph.containers(entity) {
                within[container] += 1;
            }
        }
        Self {
            entities: model.entities.len(),
            relations: model.relations.len(),
            inferred_relations: model.relations.iter().filter(|r| r.is_inferred()).count(),
            quotes: model.relations.iter().map(|r| r.evidence.len()).sum(),
            by_kind: model.count_by_kind(),
            by_relation_kind: model.count_by_relation_kind(),
            by_region: (0..model.entities.len())
                .filter(|&i| is_region(i) && within[i] > 0)
                .map(|i| (i, within[i]))
                .collect(),
        }
    }
}
