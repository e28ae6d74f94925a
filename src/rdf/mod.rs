//! The RDF projection: IRIs, triples, the oxigraph store that SPARQL runs on, dumps, and the
//! documents published with them (vocabulary, shapes, VoID description, dataset version).

mod build;
mod describe;
mod dump;
mod iri;
mod ontology;
mod publication;
mod schemes;
mod shapes;
mod terms;
mod turtle;
mod version;
mod void;
mod write;

use oxigraph::io::{JsonLdProfileSet, RdfFormat};
use oxigraph::model::GraphName;
use oxigraph::store::Store;

pub(crate) use build::lang_literal;
pub use build::{language_tag, triples};
pub use describe::describe;
pub use dump::{CHECKSUMS_FILE, DumpFile, Dumps};
pub use iri::{BaseIriError, DEFAULT_BASE_IRI, Iris, ns};
pub use ontology::{
    Group, Namespace, Term, TermKind, group_title, ontology_triples, ontology_turtle, terms,
};
pub use publication::{
    ONTOLOGY_FILE, Publication, PublicationError, PublishedFile, SHAPES_FILE, VOID_FILE,
};
pub use schemes::{instrument_scheme_triples, measure_scheme_triples};
pub use shapes::shapes_turtle;
pub use terms::TermsError;
pub use version::{dataset_version, sha256_hex};
pub use void::{LICENCES, void_prefixes, void_triples};
pub use write::{RDF_FORMATS, triples_to_bytes, write_triples, write_triples_in};

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
    /// The fixed terms of the vocabulary (`src/rdf/terms.toml`) do not read.
    #[error(transparent)]
    Terms(#[from] TermsError),
    /// A document this program generates does not parse: a bug in its generator.
    #[error("generated {document} is not valid Turtle: {reason}")]
    Generated {
        /// Which document.
        document: &'static str,
        /// The parser's message.
        reason: String,
    },
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
    /// JSON-LD, with the prefixes in its `@context`.
    JsonLd,
}

impl DumpFormat {
    /// Every dump format, in the order the dumps are listed.
    pub const ALL: [Self; 5] = [
        Self::Turtle,
        Self::NTriples,
        Self::TriG,
        Self::NQuads,
        Self::JsonLd,
    ];

    /// The oxigraph format.
    pub fn rdf_format(self) -> RdfFormat {
        match self {
            Self::Turtle => RdfFormat::Turtle,
            Self::NTriples => RdfFormat::NTriples,
            Self::TriG => RdfFormat::TriG,
            Self::NQuads => RdfFormat::NQuads,
            Self::JsonLd => RdfFormat::JsonLd {
                profile: JsonLdProfileSet::empty(),
            },
        }
    }

    /// The name of the published file (`sunan-kg.ttl`).
    pub fn file_name(self) -> &'static str {
        match self {
            Self::Turtle => "sunan-kg.ttl",
            Self::NTriples => "sunan-kg.nt",
            Self::TriG => "sunan-kg.trig",
            Self::NQuads => "sunan-kg.nq",
            Self::JsonLd => "sunan-kg.jsonld",
        }
    }

    /// The media type.
    pub fn media_type(self) -> &'static str {
        self.rdf_format().media_type()
    }

    /// The W3C IRI of the format (`http://www.w3.org/ns/formats/Turtle`).
    pub fn format_iri(self) -> String {
        let name = match self {
            Self::Turtle => "Turtle",
            Self::NTriples => "N-Triples",
            Self::TriG => "TriG",
            Self::NQuads => "N-Quads",
            Self::JsonLd => "JSON-LD",
        };
        format!("{}{name}", ns::FORMATS)
    }
}

/// Loads the RDF projection of `model` into a new in-memory store: the data in the named
/// graph [`Iris::data_graph`], the vocabulary in the named graph [`Iris::ontology`]. Each
/// triple is stored once; SPARQL's default graph is the merge of the two (see
/// `sparql::dataset`). The triples are made and inserted a batch at a time, so that the
/// whole list is never held beside the store.
pub fn build_store(model: &Model, iris: &Iris) -> Result<Store, RdfError> {
    let store = Store::new()?;
    let ontology = ontology_triples(&model.vocabulary, iris)?;
    let data_graph = GraphName::NamedNode(iris.data_graph());
    let ontology_graph = GraphName::NamedNode(iris.ontology());
    let mut loader = store.bulk_loader();
    build::for_each_batch(model, iris, |batch| {
        loader.load_quads(batch.into_iter().map(|t| t.in_graph(data_graph.clone())))
    })?;
    loader.load_quads(
        ontology
            .into_iter()
            .map(|t| t.in_graph(ontology_graph.clone())),
    )?;
    loader.commit()?;
    Ok(store)
}

/// Writes the whole graph in `format`, deterministically; TriG and N-Quads put it in the
/// named graph [`Iris::data_graph`], as the SPARQL store does.
pub fn write_dump(
    model: &Model,
    iris: &Iris,
    format: DumpFormat,
    writer: impl std::io::Write,
) -> Result<(), RdfError> {
    let graph = iris.data_graph();
    write_triples_in(
        &triples(model, iris),
        format.rdf_format(),
        &iris.prefixes(),
        graph.as_ref().into(),
        writer,
    )?;
    Ok(())
}
