//! Everything published about one graph, built by one function for both the server (`/dump/…`,
//! `/.well-known/void`) and `sunan-kg export --dir`, so that the files written and the files
//! served are the same bytes.

use std::path::{Path, PathBuf};

use oxigraph::io::RdfFormat;
use oxigraph::model::Triple;

use super::RdfError;
use super::dump::{CHECKSUMS_FILE, Dumps};
use super::iri::Iris;
use super::ontology::ontology_turtle;
use super::shapes::shapes_turtle;
use super::version::dataset_version;
use super::void::{void_prefixes, void_triples};
use super::write::triples_to_bytes;
use crate::Model;

/// Name of the vocabulary file, in Turtle (the server's `/ontology`).
pub const ONTOLOGY_FILE: &str = "ontology.ttl";

/// Name of the SHACL shapes file, in Turtle (the server's `/shapes`).
pub const SHAPES_FILE: &str = "shapes.ttl";

/// Name of the VoID/DCAT description, in Turtle (the server's `/.well-known/void`).
pub const VOID_FILE: &str = "void.ttl";

/// The published files and description of one graph.
#[derive(Debug)]
pub struct Publication {
    /// Every dump, in memory.
    pub dumps: Dumps,
    /// The checksums of the dumps, the content of [`CHECKSUMS_FILE`].
    pub checksums: String,
    /// The dataset version.
    pub version: String,
    /// The vocabulary, as hand-formatted Turtle.
    pub ontology: String,
    /// The SHACL shapes, as hand-formatted Turtle.
    pub shapes: String,
    /// The VoID/DCAT description.
    pub void: Vec<Triple>,
    /// The VoID/DCAT description, as Turtle.
    pub void_turtle: Vec<u8>,
}

/// One published file.
#[derive(Debug, Clone, Copy)]
pub struct PublishedFile<'a> {
    /// Its name (`sunan-kg.ttl`, `SHA256SUMS`, `void.ttl`).
    pub name: &'a str,
    /// Its content.
    pub bytes: &'a [u8],
}

/// A published file could not be written.
#[derive(Debug, thiserror::Error)]
pub enum PublicationError {
    /// The folder could not be created.
    #[error("cannot create {}", path.display())]
    CreateFolder {
        /// The folder.
        path: PathBuf,
        /// Why.
        #[source]
        source: std::io::Error,
    },
    /// A file could not be written.
    #[error("cannot write {}", path.display())]
    Write {
        /// The file.
        path: PathBuf,
        /// Why.
        #[source]
        source: std::io::Error,
    },
}

impl Publication {
    /// Serialises everything `model` publishes under `iris`.
    pub fn build(model: &Model, iris: &Iris) -> Result<Self, RdfError> {
        let dumps = Dumps::build(model, iris)?;
        let version = dataset_version(model)?;
        let void = void_triples(model, iris, &version, &dumps);
        let void_turtle = triples_to_bytes(&void, RdfFormat::Turtle, &void_prefixes(iris))?;
        Ok(Self {
            checksums: dumps.checksums(),
            ontology: ontology_turtle(&model.vocabulary, iris)?,
            shapes: shapes_turtle(&model.vocabulary, iris),
            dumps,
            version,
            void,
            void_turtle,
        })
    }

    /// Every published file: the dumps, their checksums, the vocabulary, the shapes and the
    /// VoID description, in that order.
    pub fn files(&self) -> Vec<PublishedFile<'_>> {
        let dumps = self.dumps.files.iter().map(|dump| PublishedFile {
            name: &dump.name,
            bytes: &dump.bytes,
        });
        let documents = [
            (CHECKSUMS_FILE, self.checksums.as_bytes()),
            (ONTOLOGY_FILE, self.ontology.as_bytes()),
            (SHAPES_FILE, self.shapes.as_bytes()),
            (VOID_FILE, self.void_turtle.as_slice()),
        ]
        .map(|(name, bytes)| PublishedFile { name, bytes });
        dumps.chain(documents).collect()
    }

    /// Writes every file of [`Publication::files`] into `dir`, creating it if needed.
    pub fn write_to(&self, dir: &Path) -> Result<(), PublicationError> {
        std::fs::create_dir_all(dir).map_err(|source| PublicationError::CreateFolder {
            path: dir.to_owned(),
            source,
        })?;
        for file in self.files() {
            let path = dir.join(file.name);
            std::fs::write(&path, file.bytes)
                .map_err(|source| PublicationError::Write { path, source })?;
        }
        Ok(())
    }

    /// What `sunan-kg export --dir` says once it has written the files into `dir`.
    pub fn written_message(&self, dir: &Path) -> String {
        format!(
            "dataset version {}: wrote {} dumps, {CHECKSUMS_FILE}, {ONTOLOGY_FILE}, {SHAPES_FILE} and {VOID_FILE} to {}\n",
            self.version,
            self.dumps.files.len(),
            dir.display()
        )
    }
}
