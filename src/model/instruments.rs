//! Policy instruments: the code list (supply, environment and demand types with their tools)
//! and the codes curators gave each provision. Codes are reviewed decisions read from
//! graph-data; nothing here computes a code.

use super::EntityIndex;

/// The code list and the codes.
#[derive(Debug, Clone, Default)]
pub struct Instruments {
    /// The scheme's id, such as `policy-instruments`.
    pub id: String,
    /// The scheme's name in Chinese.
    pub zh: String,
    /// The scheme's name in English.
    pub en: String,
    /// The publication the frame comes from.
    pub source: String,
    /// What the scheme classifies, in Chinese.
    pub definition_zh: String,
    /// What the scheme classifies, in English.
    pub definition_en: String,
    /// The three types, in file order.
    pub types: Vec<Concept>,
    /// The tools, in file order; each belongs to one type.
    pub tools: Vec<Concept>,
    /// Every code, by document and then in file order.
    pub codes: Vec<InstrumentCode>,
    /// Provision sections that use no instrument, with the curator's reason.
    pub uncoded: Vec<Uncoded>,
}

/// A type or a tool of the code list.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Concept {
    /// Stable id (`supply`, `finance-loans`), the last segment of its IRI.
    pub id: String,
    /// For a tool, the index of its type in [`Instruments::types`]; for a type, its own index.
    pub type_index: usize,
    /// For a narrower tool, the index of the tool it refines in [`Instruments::tools`].
    pub broader: Option<usize>,
    /// Label in Chinese.
    pub zh: String,
    /// Label in English.
    pub en: String,
    /// Definition in Chinese.
    pub definition_zh: String,
    /// Definition in English.
    pub definition_en: String,
}

/// A provision uses a tool, as the cue in its quote says.
#[derive(Debug, Clone, PartialEq)]
pub struct InstrumentCode {
    /// The task or section coded.
    pub provision: EntityIndex,
    /// The document the provision belongs to.
    pub document: EntityIndex,
    /// Index of the tool in [`Instruments::tools`].
    pub tool: usize,
    /// The words of the quote that decide the code.
    pub cue: String,
    /// Verbatim text of the provision (whitespace aside) that contains the cue.
    pub quote: String,
    /// Where the quote is in the document's source text, in bytes.
    pub span: std::ops::Range<usize>,
    /// The curator's remark on a hard call.
    pub note: Option<String>,
}

/// A provision section that uses no instrument.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Uncoded {
    /// The section.
    pub provision: EntityIndex,
    /// Why it carries no code.
    pub reason: String,
}

impl Instruments {
    /// The tool with this id.
    pub fn tool(&self, id: &str) -> Option<usize> {
        self.tools.iter().position(|t| t.id == id)
    }

    /// The type with this id.
    pub fn instrument_type(&self, id: &str) -> Option<usize> {
        self.types.iter().position(|t| t.id == id)
    }

    /// The type of a code.
    pub fn type_of(&self, code: &InstrumentCode) -> &Concept {
        &self.types[self.tools[code.tool].type_index]
    }

    /// The codes of one provision, in file order.
    pub fn codes_of(&self, provision: EntityIndex) -> impl Iterator<Item = &InstrumentCode> {
        self.codes.iter().filter(move |c| c.provision == provision)
    }
}
