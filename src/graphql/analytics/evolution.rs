//! How documents recur and change: entities several documents name, what a later document
//! keeps, adds and drops, and the measures targets count across years.

use async_graphql::{Object, SimpleObject};

use super::instruments::InstrumentConcept;
use crate::SharedDataset;
use crate::graphql::entity::{Document, Entity, EntityRef, Target};

/// An entity more than one document names.
#[derive(SimpleObject)]
pub struct Recurrence {
    /// The entity.
    pub entity: Entity,
    /// Each document that names it, oldest first, undated documents last.
    pub appearances: Vec<Appearance>,
}

/// How one document names an entity.
#[derive(SimpleObject)]
pub struct Appearance {
    /// The document.
    pub document: Document,
    /// Its year, when printed.
    pub year: Option<i32>,
    /// The entity's names and aliases found in the document's quotes about it, longest first.
    pub forms: Vec<String>,
    /// Number of the document's quotes that name it.
    pub quotes: usize,
}

/// What a later document keeps, adds and drops of an earlier one.
#[derive(SimpleObject)]
pub struct DocumentComparison {
    /// The earlier document.
    pub earlier: Document,
    /// The later document.
    pub later: Document,
    /// Named entities both name.
    pub kept: Vec<Entity>,
    /// Named entities only the later names.
    pub added: Vec<Entity>,
    /// Named entities only the earlier names.
    pub dropped: Vec<Entity>,
    /// Codes per tool in each, for every tool either uses.
    pub tools: Vec<ToolChange>,
    /// Targets per measure in each, for every measure either sets.
    pub measures: Vec<MeasureChange>,
}

/// How often two documents use a tool.
#[derive(SimpleObject)]
pub struct ToolChange {
    /// The tool.
    pub tool: InstrumentConcept,
    /// Codes in the earlier document.
    pub earlier: usize,
    /// Codes in the later document.
    pub later: usize,
}

/// The targets two documents set for a measure.
#[derive(SimpleObject)]
pub struct MeasureChange {
    /// The measure.
    pub measure: Measure,
    /// Targets of the earlier document.
    pub earlier: Vec<Target>,
    /// Targets of the later document.
    pub later: Vec<Target>,
}

/// What a quantitative target counts, so that targets worded differently compare across
/// years and regions.
#[derive(Clone)]
pub struct Measure {
    data: SharedDataset,
    index: usize,
}

impl Measure {
    pub(crate) fn new(data: &SharedDataset, index: usize) -> Self {
        Self {
            data: data.clone(),
            index,
        }
    }

    fn measure(&self) -> &crate::model::Measure {
        &self.data.model.measures[self.index]
    }
}

#[Object]
impl Measure {
    /// Stable id.
    async fn id(&self) -> &str {
        &self.measure().id
    }
    /// The plainest Chinese wording.
    async fn zh(&self) -> &str {
        &self.measure().zh
    }
    /// English name.
    async fn en(&self) -> &str {
        &self.measure().en
    }
    /// `percent`, `count`, `money`, `area`, `person-years` or `other`.
    async fn unit_kind(&self) -> &str {
        &self.measure().unit_kind
    }
    /// What is counted.
    async fn definition_en(&self) -> &str {
        &self.measure().definition_en
    }
    /// The curator's remark, such as why two wordings are one measure.
    async fn note(&self) -> Option<&str> {
        self.measure().note.as_deref()
    }
    /// Every target of this measure, oldest first, then by region.
    async fn targets(&self) -> Vec<Target> {
        self.data.analytics.measure_targets[self.index]
            .iter()
            .map(|&t| Target(EntityRef::new(&self.data, t)))
            .collect()
    }
}
