//! What documents, sections, tasks and targets hold besides what every entity has, and the
//! forms their values are written in.

use serde::Deserialize;

use super::EntityIndex;

/// Fields specific to documents, sections, tasks and targets.
#[derive(Debug, Clone)]
pub enum Details {
    /// An ordinary named entity.
    None,
    /// A source document.
    Document(DocumentDetails),
    /// A section of a document.
    Section(ProvisionDetails),
    /// A numbered task of a document.
    Task(ProvisionDetails),
    /// A quantitative target.
    Target(TargetDetails),
}

/// Metadata of a source document.
#[derive(Debug, Clone)]
pub struct DocumentDetails {
    /// File name of the text in `graph-data/sources/`.
    pub source_file: String,
    /// English title, if given.
    pub english_title: Option<String>,
    /// Date of issue (ISO 8601), when printed.
    pub date: Option<String>,
    /// Date of publication (ISO 8601), when printed.
    pub published: Option<String>,
    /// The year the text says it is for, when it prints no date (「2020年,我局将…」).
    pub stated_year: Option<i32>,
    /// Document number (文号), when printed.
    pub number: Option<String>,
    /// The region the document governs.
    pub region: EntityIndex,
    /// Script of the source text.
    pub script: Script,
}

impl DocumentDetails {
    /// The year of issue, else of publication, else the year the text says it is for.
    pub fn year(&self) -> Option<i32> {
        match self.date.as_deref().or(self.published.as_deref()) {
            Some(date) => date.get(..4)?.parse().ok(),
            None => self.stated_year,
        }
    }
}

/// A section or task of a document.
#[derive(Debug, Clone)]
pub struct ProvisionDetails {
    /// The document it belongs to.
    pub document: EntityIndex,
    /// Its number as printed (二, 1, (三) …).
    pub number: String,
    /// The section it sits in, if any.
    pub parent: Option<EntityIndex>,
}

/// Whether an English name is established or our own translation.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum EnglishStatus {
    /// A name in use (an official or widely used English name).
    Established,
    /// Our own rendering, not an established name.
    Translation,
}

/// The script a source document is written in.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Script {
    /// Simplified characters.
    Simplified,
    /// Traditional characters.
    Traditional,
}

/// A number as people write it: no trailing `.0` (`2.81`, `200`).
pub fn format_number(value: f64) -> String {
    if value.fract() == 0.0 && value.abs() < 1e15 {
        format!("{}", value as i64)
    } else {
        format!("{value}")
    }
}

/// A quantitative target.
#[derive(Debug, Clone)]
pub struct TargetDetails {
    /// The document that sets it.
    pub document: EntityIndex,
    /// What is measured, as written.
    pub indicator: String,
    /// English rendering of the indicator, if given.
    pub indicator_en: Option<String>,
    /// The number.
    pub value: f64,
    /// Unit as written (%, 家, 亿元 …).
    pub unit: String,
    /// The year by which it is to be reached.
    pub year: i32,
    /// Index in [`super::Model::measures`] of what the indicator measures.
    pub measure: usize,
    /// The region it applies to.
    pub region: EntityIndex,
}
