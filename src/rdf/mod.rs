//! The RDF projection: IRIs, triples, the oxigraph store that SPARQL runs on, and dumps.

mod build;
mod iri;

use oxigraph::io::{RdfFormat, RdfSerializer};
use oxigraph::model::GraphName;
use oxigraph::store::Store;

pub use build::{language_tag, triples};
pub use iri::{BaseIriError, DEFAULT_BASE_IRI, Iris, ns};

use crate::Model;

/// Something went wrong building or writing RDF.
#[derive(Debug, thiserror::Error)]
pub enum RdfError {
    /// The in-memory store refused an operation.
    #[error("RDF store error: {0}")]
    Store(#[from] oxigraph::store::StorageError),
    /// Writing a dump failed.
    #[error("cannot write RDF: {0}")]
    Io(#[from] std::io::Error),
}

/// A whole-graph serialisation format.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum DumpFormat {
    /// Turtle, with prefixes.
    Turtle,
    /// N-Triples.
    NTriples,
    /// TriG (the graph is the default graph).
    TriG,
    /// N-Quads.
    NQuads,
}

impl DumpFormat {
    fn rdf_format(self) -> RdfFormat {
        match self {
            Self::Turtle => RdfFormat::Turtle,
            Self::NTriples => RdfFormat::NTriples,
            Self::TriG => RdfFormat::TriG,
            Self::NQuads => RdfFormat::NQuads,
        }
    }
}

/// Loads the RDF projection of `model` into a new in-memory store.
pub fn build_store(model: &Model, iris: &Iris) -> Result<Store, RdfError> {
    let store = Store::new()?;
    store.extend(
        triples(model, iris)
            .into_iter()
            .map(|t| t.in_graph(GraphName::DefaultGraph)),
    )?;
    Ok(store)
}

/// Writes the whole graph in `format`, deterministically.
pub fn write_dump(
    model: &Model,
    iris: &Iris,
    format: DumpFormat,
    writer: impl std::io::Write,
) -> Result<(), RdfError> {
    let mut serializer = RdfSerializer::from_format(format.rdf_format());
    for (prefix, namespace) in iris.prefixes() {
        serializer = serializer
            .with_prefix(prefix, namespace)
            .map_err(|e| std::io::Error::other(e.to_string()))?;
    }
    let mut writer = serializer.for_writer(writer);
    for triple in triples(model, iris) {
        writer.serialize_quad(&triple.in_graph(GraphName::DefaultGraph))?;
    }
    writer.finish()?;
    Ok(())
}
