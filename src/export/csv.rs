//! A table with typed columns, written as CSV and described by CSVW metadata
//! (<https://www.w3.org/TR/tabular-metadata/>), so that a validator or pandas reads each
//! column with its type and its title.

use super::ExportError;

/// A table of text cells with declared columns.
#[derive(Debug, Clone, Default)]
pub struct Table {
    /// The columns, in order.
    pub columns: Vec<Column>,
    /// The rows; each has one cell per column, empty for no value.
    pub rows: Vec<Vec<String>>,
}

/// One column of a [`Table`].
#[derive(Debug, Clone)]
pub struct Column {
    /// The header, an ASCII identifier (`document_id`).
    pub name: String,
    /// What it holds, in English.
    pub title: String,
    /// Its datatype.
    pub datatype: Datatype,
}

/// The CSVW datatypes the exports use.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Datatype {
    /// Text.
    String,
    /// A whole number.
    Integer,
    /// A decimal number.
    Number,
    /// True or false.
    Boolean,
}

impl Datatype {
    fn name(self) -> &'static str {
        match self {
            Self::String => "string",
            Self::Integer => "integer",
            Self::Number => "number",
            Self::Boolean => "boolean",
        }
    }
}

impl Column {
    /// A column.
    pub fn new(name: &str, title: &str, datatype: Datatype) -> Self {
        Self {
            name: name.to_owned(),
            title: title.to_owned(),
            datatype,
        }
    }
}

impl Table {
    /// The table as CSV (RFC 4180, UTF-8, a header row, `\r\n` line ends).
    pub fn to_csv(&self) -> Result<String, ExportError> {
        let mut writer = ::csv::WriterBuilder::new()
            .terminator(::csv::Terminator::CRLF)
            .from_writer(Vec::new());
        writer.write_record(self.columns.iter().map(|c| c.name.as_str()))?;
        for row in &self.rows {
            writer.write_record(row)?;
        }
        let bytes = writer.into_inner().map_err(|e| e.into_error())?;
        Ok(String::from_utf8(bytes)?)
    }

    /// CSVW metadata describing the CSV at `url`, titled `title`.
    pub fn csvw_metadata(&self, url: &str, title: &str) -> serde_json::Value {
        let columns: Vec<serde_json::Value> = self
            .columns
            .iter()
            .map(|c| {
                serde_json::json!({
                    "name": c.name,
                    "titles": c.name,
                    "dc:description": c.title,
                    "datatype": c.datatype.name(),
                })
            })
            .collect();
        serde_json::json!({
            "@context": "http://www.w3.org/ns/csvw",
            "url": url,
            "dc:title": title,
            "dialect": { "header": true, "encoding": "utf-8" },
            "tableSchema": { "columns": columns },
        })
    }
}
