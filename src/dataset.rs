//! The loaded graph with all its projections, shared by every request.

use std::sync::Arc;
use std::time::Instant;

use oxigraph::store::Store;

use crate::analytics::Analytics;
use crate::graph::KnowledgeGraph;
use crate::model::Model;
use crate::names::{ConverterError, ScriptConverter};
use crate::rdf::{Iris, RdfError, build_store};
use crate::search::SearchIndex;
use crate::statistics::Statistics;

/// A validated model plus what is derived from it (rankings, RDF store, search index,
/// analyses). Immutable once built.
pub struct Dataset {
    /// The validated model.
    pub model: Model,
    /// What traversals need beyond the model: rankings, centrality, containment.
    pub graph: KnowledgeGraph,
    /// The IRI scheme of this deployment.
    pub iris: Iris,
    /// The RDF projection, for SPARQL and the Linked Data descriptions; absent when built
    /// without it ([`Dataset::build_with`]), for graphs too large for an in-memory store.
    pub store: Option<Store>,
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
    /// Builds every projection of `model`, logging the time and memory of each.
    pub fn build(model: Model, iris: Iris) -> Result<SharedDataset, DatasetError> {
        Self::build_with(model, iris, true)
    }

    /// Builds the projections of `model`, the RDF store only when `rdf_store` (it takes
    /// about two thirds of the memory and of the start-up time).
    pub fn build_with(
        model: Model,
        iris: Iris,
        rdf_store: bool,
    ) -> Result<SharedDataset, DatasetError> {
        let mut phases = Phases::start();
        let graph = KnowledgeGraph::new(&model);
        phases.done("rankings, centrality and containment");
        let store = if rdf_store {
            let store = build_store(&model, &iris)?;
            phases.done("RDF store");
            Some(store)
        } else {
            None
        };
        let search = SearchIndex::new(&model, ScriptConverter::shared()?);
        phases.done("search index");
        let analytics = Analytics::new(&model);
        phases.done("analytics");
        let statistics = Statistics::new(&model, &graph);
        phases.done("statistics");
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

/// Logs how long each phase of a build took and how much memory the building thread holds
/// after it (with the metered allocator of [`crate::memory`] installed; zero otherwise).
pub struct Phases {
    started: Instant,
    held: usize,
}

impl Phases {
    /// Starts timing the first phase.
    pub fn start() -> Self {
        Self {
            started: Instant::now(),
            held: crate::memory::allocated_on_this_thread(),
        }
    }

    /// Logs the phase that has just ended and starts the next.
    pub fn done(&mut self, phase: &str) {
        let held = crate::memory::allocated_on_this_thread();
        tracing::info!(
            phase,
            ms = self.started.elapsed().as_millis() as u64,
            added_mib = (held as f64 - self.held as f64) / f64::from(1 << 20),
            held_mib = held as f64 / f64::from(1 << 20),
            "built"
        );
        self.started = Instant::now();
        self.held = held;
    }
}
