//! The published dump files: the whole data graph in every dump format, byte-identical for the
//! same graph-data, with their SHA-256 checksums.

use super::iri::Iris;
use super::version::sha256_hex;
use super::{DumpFormat, RdfError, write_dump};
use crate::Model;

/// One dump file, in memory.
#[derive(Debug, Clone)]
pub struct DumpFile {
    /// The file name (`sunan-kg.ttl`).
    pub name: String,
    /// Its format.
    pub format: DumpFormat,
    /// Its content.
    pub bytes: Vec<u8>,
    /// SHA-256 of the content, lowercase hexadecimal.
    pub sha256: String,
}

/// Every dump file of one graph.
#[derive(Debug, Clone)]
pub struct Dumps {
    /// The files, in [`DumpFormat::ALL`] order.
    pub files: Vec<DumpFile>,
}

/// Name of the checksum file, in the format of `sha256sum`.
pub const CHECKSUMS_FILE: &str = "SHA256SUMS";

impl Dumps {
    /// Serialises `model` in every dump format.
    pub fn build(model: &Model, iris: &Iris) -> Result<Self, RdfError> {
        let files = DumpFormat::ALL
            .iter()
            .map(|&format| {
                let mut bytes = Vec::new();
                write_dump(model, iris, format, &mut bytes)?;
                Ok(DumpFile {
                    name: format.file_name().to_owned(),
                    format,
                    sha256: sha256_hex(&bytes),
                    bytes,
                })
            })
            .collect::<Result<Vec<_>, RdfError>>()?;
        Ok(Self { files })
    }

    /// The file with this name, if it is one of the dumps.
    pub fn file(&self, name: &str) -> Option<&DumpFile> {
        self.files.iter().find(|f| f.name == name)
    }

    /// The checksums, one `<sha256>  <name>` line per file, as `sha256sum -c` reads them.
    pub fn checksums(&self) -> String {
        self.files
            .iter()
            .map(|f| format!("{}  {}\n", f.sha256, f.name))
            .collect()
    }
}
