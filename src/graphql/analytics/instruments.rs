//! The policy-instrument code list, the codes curators gave provisions, and the tables that
//! count them.

use async_graphql::{Enum, ID, Object, SimpleObject};

use crate::SharedDataset;
use crate::graphql::entity::{Document, Entity, EntityRef};
use crate::graphql::relation::Evidence;
use crate::model::{Basis, Evidence as ModelEvidence};

/// Whether a concept of the instrument code list is a type or a tool.
#[derive(Enum, Copy, Clone, Eq, PartialEq)]
pub enum InstrumentLevel {
    /// Supply-side, environmental, demand-side.
    Type,
    /// A sub-tool (talent, loans, procurement …).
    Tool,
}

/// What the rows of an instrument table are.
#[derive(Enum, Copy, Clone, Eq, PartialEq)]
pub enum InstrumentDimension {
    /// One row per document.
    Document,
    /// One row per region a document governs.
    Region,
    /// One row per year of issue.
    Year,
    /// One row per body acting in the coded provision (its responsible agencies, else those of
    /// its section, else the document's issuer); a code counts under each.
    Agency,
}

/// A type or tool of the policy-instrument code list (a SKOS concept of the published
/// vocabulary).
#[derive(Clone)]
pub struct InstrumentConcept {
    data: SharedDataset,
    level: InstrumentLevel,
    index: usize,
}

impl InstrumentConcept {
    pub(crate) fn tool(data: &SharedDataset, index: usize) -> Self {
        Self {
            data: data.clone(),
            level: InstrumentLevel::Tool,
            index,
        }
    }

    pub(crate) fn of_type(data: &SharedDataset, index: usize) -> Self {
        Self {
            data: data.clone(),
            level: InstrumentLevel::Type,
            index,
        }
    }

    fn concept(&self) -> &crate::model::Concept {
        let instruments = &self.data.model.instruments;
        match self.level {
            InstrumentLevel::Type => &instruments.types[self.index],
            InstrumentLevel::Tool => &instruments.tools[self.index],
        }
    }
}

#[Object]
impl InstrumentConcept {
    /// Stable id (`supply`, `finance-loans`).
    async fn id(&self) -> &str {
        &self.concept().id
    }
    /// Type or tool.
    async fn level(&self) -> InstrumentLevel {
        self.level
    }
    /// Label in Chinese.
    async fn zh(&self) -> &str {
        &self.concept().zh
    }
    /// Label in English.
    async fn en(&self) -> &str {
        &self.concept().en
    }
    /// Definition in Chinese.
    async fn definition_zh(&self) -> &str {
        &self.concept().definition_zh
    }
    /// Definition in English.
    async fn definition_en(&self) -> &str {
        &self.concept().definition_en
    }
    /// The type a tool belongs to (a type is its own).
    async fn instrument_type(&self) -> InstrumentConcept {
        InstrumentConcept::of_type(&self.data, self.concept().type_index)
    }
    /// The tool a narrower tool refines (finance for loans).
    async fn broader(&self) -> Option<InstrumentConcept> {
        self.concept()
            .broader
            .map(|b| InstrumentConcept::tool(&self.data, b))
    }
    /// IRI in the RDF graph.
    async fn iri(&self) -> String {
        self.data
            .iris
            .instrument(&self.concept().id)
            .as_str()
            .to_owned()
    }
}

/// The policy-instrument code list.
pub struct InstrumentScheme(SharedDataset);

impl InstrumentScheme {
    pub(super) fn new(data: &SharedDataset) -> Self {
        Self(data.clone())
    }
}

#[Object]
impl InstrumentScheme {
    /// Its id.
    async fn id(&self) -> &str {
        &self.0.model.instruments.id
    }
    /// Its name in Chinese.
    async fn zh(&self) -> &str {
        &self.0.model.instruments.zh
    }
    /// Its name in English.
    async fn en(&self) -> &str {
        &self.0.model.instruments.en
    }
    /// The publication the frame comes from.
    async fn source(&self) -> &str {
        &self.0.model.instruments.source
    }
    /// What it classifies, in Chinese.
    async fn definition_zh(&self) -> &str {
        &self.0.model.instruments.definition_zh
    }
    /// What it classifies, in English.
    async fn definition_en(&self) -> &str {
        &self.0.model.instruments.definition_en
    }
    /// Supply-side, environmental and demand-side.
    async fn types(&self) -> Vec<InstrumentConcept> {
        (0..self.0.model.instruments.types.len())
            .map(|i| InstrumentConcept::of_type(&self.0, i))
            .collect()
    }
    /// Every tool, by type.
    async fn tools(&self) -> Vec<InstrumentConcept> {
        (0..self.0.model.instruments.tools.len())
            .map(|i| InstrumentConcept::tool(&self.0, i))
            .collect()
    }
}

/// A curator's decision that a provision uses a tool, with the words that decide it.
#[derive(Clone)]
pub struct InstrumentCode {
    data: SharedDataset,
    index: usize,
}

impl InstrumentCode {
    pub(crate) fn new(data: &SharedDataset, index: usize) -> Self {
        Self {
            data: data.clone(),
            index,
        }
    }

    fn code(&self) -> &crate::model::InstrumentCode {
        &self.data.model.instruments.codes[self.index]
    }
}

#[Object]
impl InstrumentCode {
    /// Stable id: the provision's id, `#instrument-` and the tool's id (the fragment of its
    /// IRI).
    async fn id(&self) -> ID {
        let code = self.code();
        let provision = &self.data.model.entities[code.provision].id;
        let tool = &self.data.model.instruments.tools[code.tool].id;
        ID(format!("{provision}#instrument-{tool}"))
    }
    /// IRI of the code node in the RDF graph.
    async fn iri(&self) -> String {
        let code = self.code();
        let provision = &self.data.model.entities[code.provision].id;
        let tool = &self.data.model.instruments.tools[code.tool].id;
        self.data
            .iris
            .instrument_code(provision, tool)
            .as_str()
            .to_owned()
    }
    /// The task or section coded.
    async fn provision(&self) -> Entity {
        Entity::of(&self.data, self.code().provision)
    }
    /// The document.
    async fn document(&self) -> Document {
        Document(EntityRef::new(&self.data, self.code().document))
    }
    /// The tool.
    async fn tool(&self) -> InstrumentConcept {
        InstrumentConcept::tool(&self.data, self.code().tool)
    }
    /// The tool's type.
    async fn instrument_type(&self) -> InstrumentConcept {
        let tool = &self.data.model.instruments.tools[self.code().tool];
        InstrumentConcept::of_type(&self.data, tool.type_index)
    }
    /// The words of the quote that decide the code.
    async fn cue(&self) -> &str {
        &self.code().cue
    }
    /// The provision's words that contain the cue.
    async fn quote(&self) -> &str {
        &self.code().quote
    }
    /// The quote as evidence: where it sits in the text, and how to cite it.
    async fn evidence(&self) -> Evidence {
        Evidence::new(&self.data, &code_evidence(self.code()))
    }
    /// The curator's remark on a hard call.
    async fn note(&self) -> Option<&str> {
        self.code().note.as_deref()
    }
}

/// The quote of a code as a piece of evidence, stated by its provision.
fn code_evidence(code: &crate::model::InstrumentCode) -> ModelEvidence {
    ModelEvidence {
        document: code.document,
        provision: Some(code.provision),
        quote: code.quote.clone(),
        span: code.span.clone(),
        basis: Basis::Stated,
        note: code.note.clone(),
    }
}

/// Codes cross-tabulated by a dimension and by type or tool.
#[derive(SimpleObject)]
pub struct InstrumentTable {
    /// The columns.
    pub columns: Vec<InstrumentConcept>,
    /// The rows, in document order (documents, regions, agencies) or by year.
    pub rows: Vec<InstrumentRow>,
    /// Number of codes counted (a code counted under two agencies counts twice).
    pub total: usize,
}

/// One row of an instrument table.
#[derive(SimpleObject)]
pub struct InstrumentRow {
    /// The document, region or agency id, the year, or `undated` for the documents that print
    /// no date and state no year.
    pub key: String,
    /// Its name, the year, or `undated`.
    pub label: String,
    /// The document, region or agency, for those rows.
    pub entity: Option<Entity>,
    /// The year, for year rows.
    pub year: Option<i32>,
    /// Number of codes in the row.
    pub total: usize,
    /// One cell per column, in column order.
    pub cells: Vec<InstrumentCell>,
}

/// The codes of one row under one type or tool.
#[derive(SimpleObject)]
pub struct InstrumentCell {
    /// The column.
    pub concept: InstrumentConcept,
    /// Number of codes.
    pub count: usize,
    /// The codes, with their provisions and quotes.
    pub codes: Vec<InstrumentCode>,
}
