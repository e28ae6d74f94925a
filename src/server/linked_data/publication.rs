//! What the server publishes about the dataset as a whole, built once on first request: the
//! dumps with their checksums, the dataset version and the VoID description.

use oxigraph::model::Triple;

use crate::Dataset;
use crate::rdf::{self, Dumps, RdfError};

/// The published files and description of one dataset.
#[derive(Debug)]
pub(super) struct Publication {
    /// Every dump, in memory.
    pub dumps: Dumps,
    /// The dataset version.
    pub version: String,
    /// The VoID/DCAT description.
    pub void: Vec<Triple>,
}

impl Publication {
    /// Serialises everything.
    pub fn build(dataset: &Dataset) -> Result<Self, RdfError> {
        let dumps = Dumps::build(&dataset.model, &dataset.iris)?;
        let version = rdf::dataset_version(&dataset.model)?;
        let void = rdf::void_triples(&dataset.model, &dataset.iris, &version, &dumps);
        Ok(Self {
            dumps,
            version,
            void,
        })
    }
}
