//! Files for the tools researchers use: networks as GEXF (Gephi) and GraphML, tables and
//! matrices as CSV with CSVW metadata (Excel, pandas, UCINET). Each export is built from the
//! model and the analyses; the server serves them under `/export/`.

mod csv;
mod networks;
mod tables;
mod xml;

pub use self::csv::{Column, Datatype, Table};
pub use self::xml::escape as escape_markup;
pub use networks::{Attribute, AttributeKind, Network, NetworkEdge, NetworkNode, Value};
pub use tables::{
    agency_edges, agency_matrix, agency_nodes, entity_document_matrix, instrument_codes,
    instrument_document_matrix,
};

/// Why an export could not be written.
#[derive(Debug, thiserror::Error)]
pub enum ExportError {
    /// The CSV writer failed.
    #[error("could not write CSV: {0}")]
    Csv(#[from] ::csv::Error),
    /// The CSV writer could not flush its last bytes.
    #[error("could not finish CSV: {0}")]
    Io(#[from] std::io::Error),
    /// The written bytes are not UTF-8 (never expected: every cell is a Rust string).
    #[error("CSV is not UTF-8: {0}")]
    Utf8(#[from] std::string::FromUtf8Error),
}
