//! The evidence of a fact: where a document states it, and on what grounds it holds.

use super::EntityIndex;

/// Where a fact is stated: a verbatim quote of a document, optionally within a task or section.
#[derive(Debug, Clone, PartialEq)]
pub struct Evidence {
    /// The document entity.
    pub document: EntityIndex,
    /// The task or section the quote is in, if known.
    pub provision: Option<EntityIndex>,
    /// Verbatim text of the source (whitespace aside).
    pub quote: String,
    /// Where the quote is in the document's source text, in bytes: found once, at load.
    pub span: std::ops::Range<usize>,
    /// Whether the quote states the fact, or on what other grounds it holds.
    pub basis: Basis,
    /// A curator's remark on this piece of evidence.
    pub note: Option<String>,
}

/// On what grounds a piece of evidence supports a fact.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Basis {
    /// The quote states the fact.
    Stated,
    /// The quote implies the fact without stating it; the curator's reason.
    Inferred(String),
    /// A rule of graph-data derives the fact from stated ones; the rule's id.
    Derived(String),
    /// General knowledge a curator adds where the text is silent; the reason.
    Curated(String),
}

static STATED: Basis = Basis::Stated;

/// The prefix of an `inferred` reason that marks general knowledge rather than the text.
pub const CURATED_PREFIX: &str = "curated:";

impl Basis {
    /// The basis of a hand-written relation: stated, or inferred or curated with a reason.
    pub fn from_reason(inferred: Option<&str>) -> Self {
        match inferred {
            None => Self::Stated,
            Some(reason) => match reason.strip_prefix(CURATED_PREFIX) {
                Some(rest) => Self::Curated(rest.trim().to_owned()),
                None => Self::Inferred(reason.to_owned()),
            },
        }
    }

    /// The name of each basis, as GraphQL and RDF write it, in [`Basis::name`] order.
    pub const NAMES: [&'static str; 4] = ["stated", "inferred", "derived", "curated"];

    /// The basis's name: `stated`, `inferred`, `derived` or `curated`.
    pub fn name(&self) -> &'static str {
        Self::NAMES[usize::from(self.rank())]
    }

    /// The rule that derived the fact, for a derived one.
    pub fn rule(&self) -> Option<&str> {
        match self {
            Self::Derived(rule) => Some(rule),
            _ => None,
        }
    }

    /// True when the quote states the fact outright.
    pub fn is_stated(&self) -> bool {
        matches!(self, Self::Stated)
    }

    /// The reason or rule id, for every basis but [`Basis::Stated`].
    pub fn reason(&self) -> Option<&str> {
        match self {
            Self::Stated => None,
            Self::Inferred(reason) | Self::Derived(reason) | Self::Curated(reason) => Some(reason),
        }
    }

    /// The strongest of `bases` (stated when there is none).
    pub fn strongest<'a>(bases: impl Iterator<Item = &'a Basis>) -> &'a Basis {
        bases.min_by_key(|b| b.rank()).unwrap_or(&STATED)
    }

    /// Stronger bases first: what the text states, then implies, then rules, then knowledge.
    pub(crate) fn rank(&self) -> u8 {
        match self {
            Self::Stated => 0,
            Self::Inferred(_) => 1,
            Self::Derived(_) => 2,
            Self::Curated(_) => 3,
        }
    }
}
