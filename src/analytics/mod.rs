//! The analyses policy researchers run by hand: instrument tables, agency networks and their
//! centralities, and how documents recur and change. Everything is computed from the model;
//! the networks once, when the dataset is built.

mod agencies;
mod communities;
mod evolution;
mod instruments;

use std::collections::HashMap;

pub use agencies::{AgencyEdge, AgencyNetwork, AgencyNode, NetworkScope};
pub use communities::{Partition, louvain, modularity};
pub use evolution::{
    Appearance, Comparison, Recurrence, compare, measure_series, named_in, recurring,
};
pub use instruments::{Dimension, InstrumentTable, Level, RowKey, TableRow, table};

use crate::model::Model;

/// What is computed once per dataset.
#[derive(Debug, Clone)]
pub struct Analytics {
    networks: HashMap<NetworkScope, AgencyNetwork>,
    /// Every entity more than one document names.
    pub recurring: Vec<Recurrence>,
    /// The targets of each measure, oldest first, then by region; indexed like
    /// `Model::measures`.
    pub measure_targets: Vec<Vec<crate::model::EntityIndex>>,
}

impl Analytics {
    /// Computes the agency networks of every document and of all documents, with and
    /// without collective parties, and the recurring entities.
    pub fn new(model: &Model) -> Self {
        let documents = std::iter::once(None).chain(model.documents().map(|(i, _)| Some(i)));
        let mut networks = HashMap::new();
        for document in documents {
            for collective in [true, false] {
                let scope = NetworkScope {
                    document,
                    collective,
                };
                networks.insert(scope, AgencyNetwork::build(model, scope));
            }
        }
        let mut measure_targets = vec![Vec::new(); model.measures.len()];
        for (measure, targets) in measure_series(model) {
            measure_targets[measure] = targets;
        }
        Self {
            networks,
            recurring: recurring(model),
            measure_targets,
        }
    }

    /// The agency network of `scope`; `None` for a document that is not one.
    pub fn network(&self, scope: NetworkScope) -> Option<&AgencyNetwork> {
        self.networks.get(&scope)
    }
}
