//! The loaded graph with all its projections, shared by every request.

use std::sync::Arc;

use oxigraph::store::Store;

use crate::analytics::Analytics;
use crate::graph::KnowledgeGraph;
use crate::model::Model;
use crate::names::{ConverterError, ScriptConverter};
use crate::rdf::{Iris, RdfError, build_store};
use crate::search::SearchIndex;
use crate::statistics::Statistics;

/// A validated model plus its petgraph and RDF projections. Immutable once built.
pub struct Dataset {
    /// The validated model.
    pub model: Model,
    /// The petgraph projection.
    pub graph: KnowledgeGraph,
    /// The IRI scheme of this deployment.
    pub iris: Iris,
    /// The RDF projection, for SPARQL.
    pub store: Store,
    /// Every name of every entity, for search.
    pub search: SearchIndex,
    /// Agency networks and other analyses computed once.
    pub analytics: Analytics,
    /// The counts of `statistics`, computed once.
    pub statistics: Statistics,
}

/// The dataset could not be built from a valid model.
#[derive(Debug, thiserror::Error)]
pub enum DatasetError {
    /// The RDF store could not be filled.
    #[error(transparent)]
    Rdf(#[from] RdfError),
    /// The script converter could not be loaded.
    #[error(transparent)]
    Converter(#[from] ConverterError),
}

impl std::fmt::Debug for Dataset {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Dataset")
            .field("entities", &self.model.entities.len())
            .field("relations", &self.model.relations.len())
            .field("base", &self.iris.base())
            .finish()
    }
}

/// A cheap-to-clone handle on the dataset.
pub type SharedDataset = Arc<Dataset>;

impl Dataset {
    /// Builds both projections of `model`.
    pub fn build(model: Model, iris: Iris) -> Result<SharedDataset, DatasetError> {
        let graph = KnowledgeGraph::new(&model);
        let store = build_store(&model, &iris)?;
        let search = SearchIndex::new(&model, ScriptConverter::shared()?);
        let analytics = Analytics::new(&model);
        let statistics = Statistics::new(&model, &graph);
        Ok(Arc::new(Self {
            statistics,
            analytics,
            model,
            graph,
            iris,
            store,
            search,
        }))
    }
}
