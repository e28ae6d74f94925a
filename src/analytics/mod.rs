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

use crate::model::{Details, EntityIndex, Model};

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
        // The sections and tasks of each document, and of all, in model order.
        let mut provisions: HashMap<Option<EntityIndex>, Vec<EntityIndex>> = HashMap::new();
        for (index, entity) in model.entities.iter().enumerate() {
            if let Details::Task(p) | Details::Section(p) = &entity.details {
                provisions.entry(None).or_default().push(index);
                provisions.entry(Some(p.document)).or_default().push(index);
            }
        }
        let documents = std::iter::once(None).chain(model.documents().map(|(i, _)| Some(i)));
        let mut networks = HashMap::new();
        for document in documents {
            let of_document = provisions.get(&document).map_or(&[][..], Vec::as_slice);
            for collective in [true, false] {
                let scope = NetworkScope {
                    document,
                    collective,
                };
                let network = AgencyNetwork::of_provisions(model, scope, of_document);
                networks.insert(scope, network);
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
