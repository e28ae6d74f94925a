//! The dataset version: a digest of everything the graph publishes, so that the same
//! graph-data always gives the same version and any change to the data, the vocabulary or the
//! shapes gives a new one. It is computed with the default base IRI, so deployments under
//! another base share versions.

use sha2::{Digest, Sha256};

use super::iri::Iris;
use super::ontology::ontology_turtle;
use super::shapes::shapes_turtle;
use super::{DumpFormat, RdfError, write_dump};
use crate::Model;

/// Number of hexadecimal digits of the digest kept in the version.
const VERSION_DIGITS: usize = 12;

/// The version of the dataset `model` publishes: the first 12 hexadecimal digits of the
/// SHA-256 of its N-Triples dump, its vocabulary and its shapes (all under the default base).
pub fn dataset_version(model: &Model) -> Result<String, RdfError> {
    let iris = Iris::default();
    let mut hasher = Sha256::new();
    let mut dump = Vec::new();
    write_dump(model, &iris, DumpFormat::NTriples, &mut dump)?;
    hasher.update(&dump);
    hasher.update(ontology_turtle(&model.vocabulary, &iris)?.as_bytes());
    hasher.update(shapes_turtle(&model.vocabulary, &iris).as_bytes());
    let mut hex = hex_digest(&hasher.finalize());
    hex.truncate(VERSION_DIGITS);
    Ok(hex)
}

/// The SHA-256 of `bytes`, in lowercase hexadecimal.
pub fn sha256_hex(bytes: &[u8]) -> String {
    hex_digest(&Sha256::digest(bytes))
}

fn hex_digest(digest: &[u8]) -> String {
    use std::fmt::Write;
    digest.iter().fold(String::new(), |mut out, byte| {
        let _ = write!(out, "{byte:02x}");
        out
    })
}
