//! Instrument tables: how many codes of each type or tool fall under each document, region,
//! year or acting agency, with the codes behind every cell.

use std::collections::BTreeMap;

use crate::model::{Details, EntityIndex, Model};

/// What the rows of a table are.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Dimension {
    /// One row per document.
    Document,
    /// One row per region a document governs.
    Region,
    /// One row per year of issue.
    Year,
    /// One row per body acting in the coded provision (see [`Model::acting_bodies`]); a code
    /// counts once under each of them.
    Agency,
}

/// What the columns of a table are.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Level {
    /// Supply, environment, demand.
    Type,
    /// Every tool of the code list (a narrower tool is its own column).
    Tool,
}

/// What a row stands for.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub enum RowKey {
    /// A document, region or agency.
    Entity(EntityIndex),
    /// A year.
    Year(i32),
    /// The documents that print no date and state no year (year rows only).
    Undated,
}

/// A cross-tabulation of codes.
#[derive(Debug, Clone)]
pub struct InstrumentTable {
    /// The columns: indexes into the scheme's types or tools.
    pub columns: Vec<usize>,
    /// The rows, in model order (documents, regions, agencies) or by year.
    pub rows: Vec<TableRow>,
}

/// One row of an [`InstrumentTable`].
#[derive(Debug, Clone)]
pub struct TableRow {
    /// What the row stands for.
    pub key: RowKey,
    /// Per column, the indexes of the codes (into `Instruments::codes`) counted there.
    pub cells: Vec<Vec<usize>>,
}

impl TableRow {
    /// Number of codes in the row.
    pub fn total(&self) -> usize {
        self.cells.iter().map(Vec::len).sum()
    }
}

/// Cross-tabulates every code of `model` by `dimension` and `level`, keeping only the codes
/// of `document` when one is given.
pub fn table(
    model: &Model,
    dimension: Dimension,
    level: Level,
    document: Option<EntityIndex>,
) -> InstrumentTable {
    let instruments = &model.instruments;
    let columns: Vec<usize> = match level {
        Level::Type => (0..instruments.types.len()).collect(),
        Level::Tool => (0..instruments.tools.len()).collect(),
    };
    let mut rows: BTreeMap<RowKey, Vec<Vec<usize>>> = BTreeMap::new();
    for (index, code) in instruments.codes.iter().enumerate() {
        if document.is_some_and(|d| d != code.document) {
            continue;
        }
        let column = match level {
            Level::Type => instruments.tools[code.tool].type_index,
            Level::Tool => code.tool,
        };
        for key in row_keys(model, dimension, code.document, code.provision) {
            let cells = rows
                .entry(key)
                .or_insert_with(|| vec![Vec::new(); columns.len()]);
            cells[column].push(index);
        }
    }
    InstrumentTable {
        columns,
        rows: rows
            .into_iter()
            .map(|(key, cells)| TableRow { key, cells })
            .collect(),
    }
}

fn row_keys(
    model: &Model,
    dimension: Dimension,
    document: EntityIndex,
    provision: EntityIndex,
) -> Vec<RowKey> {
    let details = match &model.entities[document].details {
        Details::Document(d) => Some(d),
        _ => None,
    };
    match dimension {
        Dimension::Document => vec![RowKey::Entity(document)],
        Dimension::Region => details
            .map(|d| RowKey::Entity(d.region))
            .into_iter()
            .collect(),
        Dimension::Year => vec![
            details
                .and_then(|d| d.year())
                .map_or(RowKey::Undated, RowKey::Year),
        ],
        Dimension::Agency => {
            let mut bodies = model.acting_bodies(provision);
            bodies.sort_unstable();
            bodies.dedup();
            bodies.into_iter().map(RowKey::Entity).collect()
        }
    }
}
