//! The validated knowledge graph in memory: entities, relations and their evidence. It is built
//! once by [`crate::load`] and never changes afterwards; every other view (RDF, petgraph,
//! GraphQL) is derived from it.

use std::collections::HashMap;

use serde::Deserialize;

use crate::vocabulary::Vocabulary;

mod instruments;
mod source_text;

pub use instruments::{Concept, InstrumentCode, Instruments, Uncoded};
pub use source_text::{SourceText, compact};

/// Position of an entity in [`Model::entities`].
pub type EntityIndex = usize;
/// Position of a relation in [`Model::relations`].
pub type RelationIndex = usize;

/// The whole graph.
#[derive(Debug)]
pub struct Model {
    /// The declared kinds and relation kinds.
    pub vocabulary: Vocabulary,
    /// Every entity, including documents, sections, tasks and targets, in a stable order.
    pub entities: Vec<Entity>,
    /// Every relation, each unique by (subject, kind, object), in a stable order.
    pub relations: Vec<Relation>,
    /// The source texts, by document entity.
    pub sources: HashMap<EntityIndex, SourceText>,
    /// The rules that derived relations, in `rules.toml` order.
    pub rules: Vec<Rule>,
    /// The policy-instrument code list and every provision's codes.
    pub instruments: Instruments,
    /// What targets measure, in `indicators.toml` order.
    pub measures: Vec<Measure>,
    by_id: HashMap<String, EntityIndex>,
    outgoing: Vec<Vec<RelationIndex>>,
    incoming: Vec<Vec<RelationIndex>>,
}

/// A node of the graph.
#[derive(Debug, Clone)]
pub struct Entity {
    /// Stable ASCII id; the last segment of the entity's IRI.
    pub id: String,
    /// A kind declared in the vocabulary, such as `Park`.
    pub kind: String,
    /// Full name in simplified Chinese (for a task or section, its title).
    pub name: String,
    /// The name in traditional script (OpenCC), for display and search.
    pub traditional: String,
    /// Pinyin of the name with tone marks (`sū kē dài`): generated, with the readings in
    /// context of `readings.toml` for heteronyms.
    pub pinyin: String,
    /// Other names as written in the documents (short forms, traditional script), each once.
    pub aliases: Vec<Alias>,
    /// Every other form the documents write for this entity, aliases or not (「市科技局」,
    /// 「常州、武进国家高新区」); the coverage check counts them as names.
    pub written_forms: Vec<String>,
    /// English name, if any.
    pub english: Option<EnglishName>,
    /// A curator's note on identity or kind.
    pub note: Option<String>,
    /// Why no document relates this entity to another named entity, when none does.
    pub unrelated: Option<String>,
    /// True for a collective party (各辖市、区政府): many bodies the documents write as one.
    pub collective: bool,
    /// Where the documents name this entity.
    pub evidence: Vec<Evidence>,
    /// Fields that only some kinds have.
    pub details: Details,
}

/// Another name of an entity, as a document writes it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Alias {
    /// The name as written.
    pub text: String,
    /// The script of the document that writes it.
    pub script: Script,
}

/// An English name and whether it is established or our translation.
#[derive(Debug, Clone)]
pub struct EnglishName {
    /// The name.
    pub text: String,
    /// Established (official or in common use) or translated by the curators.
    pub status: EnglishStatus,
}

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
    /// Index in [`Model::measures`] of what the indicator measures.
    pub measure: usize,
    /// The region it applies to.
    pub region: EntityIndex,
}

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

    /// Stronger bases first: what the text states, then implies, then rules, then knowledge.
    fn rank(&self) -> u8 {
        match self {
            Self::Stated => 0,
            Self::Inferred(_) => 1,
            Self::Derived(_) => 2,
            Self::Curated(_) => 3,
        }
    }
}

/// What a quantitative target counts, so that targets worded differently in different
/// documents compare across years and regions.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Measure {
    /// Stable id, such as `high-tech-enterprises`.
    pub id: String,
    /// The plainest Chinese wording.
    pub zh: String,
    /// The English name.
    pub en: String,
    /// `percent`, `count`, `money`, `area`, `person-years` or `other`.
    pub unit_kind: String,
    /// What is counted, in English.
    pub definition_en: String,
    /// The curator's remark, such as why two wordings are one measure.
    pub note: Option<String>,
}

/// A rule of graph-data that derives relations.
#[derive(Debug, Clone)]
pub struct Rule {
    /// Its id, cited by the evidence it derives.
    pub id: String,
    /// What it derives, in one English sentence.
    pub sentence: String,
}

/// A typed, directed edge between two entities.
#[derive(Debug, Clone)]
pub struct Relation {
    /// The entity the relation starts from.
    pub subject: EntityIndex,
    /// A relation kind declared in the vocabulary, such as `locatedIn`.
    pub kind: String,
    /// The entity the relation points to.
    pub object: EntityIndex,
    /// Every place that states (or implies) this relation; never empty.
    pub evidence: Vec<Evidence>,
}

impl Relation {
    /// A relation is inferred when no piece of its evidence states it outright.
    pub fn is_inferred(&self) -> bool {
        self.evidence.iter().all(|e| !e.basis.is_stated())
    }

    /// The strongest basis among its evidence.
    pub fn basis(&self) -> &Basis {
        self.evidence
            .iter()
            .map(|e| &e.basis)
            .min_by_key(|b| b.rank())
            .unwrap_or(&STATED)
    }
}

impl Model {
    /// Assembles a model from already validated parts and builds its indexes.
    pub(crate) fn new(
        vocabulary: Vocabulary,
        entities: Vec<Entity>,
        relations: Vec<Relation>,
        sources: HashMap<EntityIndex, SourceText>,
        rules: Vec<Rule>,
        instruments: Instruments,
        measures: Vec<Measure>,
    ) -> Self {
        let by_id = entities
            .iter()
            .enumerate()
            .map(|(index, entity)| (entity.id.clone(), index))
            .collect();
        let mut outgoing = vec![Vec::new(); entities.len()];
        let mut incoming = vec![Vec::new(); entities.len()];
        for (index, relation) in relations.iter().enumerate() {
            outgoing[relation.subject].push(index);
            incoming[relation.object].push(index);
        }
        Self {
            vocabulary,
            entities,
            relations,
            sources,
            rules,
            instruments,
            measures,
            by_id,
            outgoing,
            incoming,
        }
    }

    /// The sentence of the rule with this id.
    pub fn rule_sentence(&self, id: &str) -> Option<&str> {
        self.rules
            .iter()
            .find(|r| r.id == id)
            .map(|r| r.sentence.as_str())
    }

    /// The entity with this id, if any.
    pub fn index_of(&self, id: &str) -> Option<EntityIndex> {
        self.by_id.get(id).copied()
    }

    /// The entity with this id, if any.
    pub fn entity(&self, id: &str) -> Option<&Entity> {
        self.index_of(id).map(|index| &self.entities[index])
    }

    /// Relations that start at `entity`.
    pub fn outgoing(&self, entity: EntityIndex) -> impl Iterator<Item = &Relation> {
        self.outgoing[entity].iter().map(|&r| &self.relations[r])
    }

    /// Relations that end at `entity`.
    pub fn incoming(&self, entity: EntityIndex) -> impl Iterator<Item = &Relation> {
        self.incoming[entity].iter().map(|&r| &self.relations[r])
    }

    /// Indexes of the relations that start at `entity`.
    pub fn outgoing_indexes(&self, entity: EntityIndex) -> &[RelationIndex] {
        &self.outgoing[entity]
    }

    /// Indexes of the relations that end at `entity`.
    pub fn incoming_indexes(&self, entity: EntityIndex) -> &[RelationIndex] {
        &self.incoming[entity]
    }

    /// Whether an entity is a named thing rather than a document, section, task or target.
    pub fn is_named(&self, entity: EntityIndex) -> bool {
        matches!(self.entities[entity].details, Details::None)
    }

    /// Named entities that no relation links to another named entity, in model order: the
    /// documents name them, but say nothing about how they relate to anything else.
    pub fn unrelated_entities(&self) -> Vec<EntityIndex> {
        (0..self.entities.len())
            .filter(|&e| self.is_named(e))
            .filter(|&e| {
                !self.outgoing(e).chain(self.incoming(e)).any(|r| {
                    let other = if r.subject == e { r.object } else { r.subject };
                    self.is_named(other) && !self.vocabulary.is_structural(&r.kind)
                })
            })
            .collect()
    }

    /// The bodies named responsible for a task or section (牵头单位, 责任单位), in relation order.
    pub fn responsible_for(&self, provision: EntityIndex) -> Vec<EntityIndex> {
        self.outgoing(provision)
            .filter(|r| r.kind == crate::vocabulary::ids::RESPONSIBLE_AGENCY)
            .map(|r| r.object)
            .collect()
    }

    /// The bodies that act in a provision: those responsible for it, or else those responsible
    /// for the section it sits in, and so on up, or else the document's issuers. (The rules of
    /// `rules.toml` attribute a provision's actions through the same [`acting_bodies`].)
    pub fn acting_bodies(&self, provision: EntityIndex) -> Vec<EntityIndex> {
        acting_bodies(
            provision,
            |at| &self.entities[at].details,
            |at, kind| {
                self.outgoing(at)
                    .filter(|r| r.kind == kind)
                    .map(|r| r.object)
                    .collect()
            },
        )
    }

    /// The document a provision or target belongs to (a document is its own).
    pub fn document_of(&self, entity: EntityIndex) -> Option<EntityIndex> {
        match &self.entities[entity].details {
            Details::Document(_) => Some(entity),
            Details::Task(p) | Details::Section(p) => Some(p.document),
            Details::Target(t) => Some(t.document),
            Details::None => None,
        }
    }

    /// The document entities, in model order.
    pub fn documents(&self) -> impl Iterator<Item = (EntityIndex, &DocumentDetails)> {
        self.entities
            .iter()
            .enumerate()
            .filter_map(|(i, e)| match &e.details {
                Details::Document(d) => Some((i, d)),
                _ => None,
            })
    }

    /// Number of relations of each basis (by their strongest evidence), in
    /// [`Basis::NAMES`] order: stated, inferred, derived, curated.
    pub fn count_by_basis<'a>(relations: impl Iterator<Item = &'a Relation>) -> [usize; 4] {
        let mut counts = [0; 4];
        for relation in relations {
            counts[usize::from(relation.basis().rank())] += 1;
        }
        counts
    }

    /// Number of entities of each kind, in vocabulary order, leaving out kinds with none.
    pub fn count_by_kind(&self) -> Vec<(String, usize)> {
        self.vocabulary
            .kinds
            .iter()
            .map(|k| {
                let n = self.entities.iter().filter(|e| e.kind == k.id).count();
                (k.id.clone(), n)
            })
            .filter(|(_, n)| *n > 0)
            .collect()
    }

    /// Number of relations of each kind, in vocabulary order, leaving out kinds with none.
    pub fn count_by_relation_kind(&self) -> Vec<(String, usize)> {
        self.vocabulary
            .relations
            .iter()
            .map(|k| {
                let n = self.relations.iter().filter(|r| r.kind == k.id).count();
                (k.id.clone(), n)
            })
            .filter(|(_, n)| *n > 0)
            .collect()
    }
}

/// The walk behind [`Model::acting_bodies`], over any view of the entities' details and of
/// the bodies related to an entity by a relation kind (`related(at, kind)`), so that the
/// loader's rules, which run before the model exists, attribute actions the same way.
pub fn acting_bodies<'a>(
    provision: EntityIndex,
    details: impl Fn(EntityIndex) -> &'a Details,
    related: impl Fn(EntityIndex, &str) -> Vec<EntityIndex>,
) -> Vec<EntityIndex> {
    let mut at = provision;
    loop {
        let parent = match details(at) {
            Details::Document(_) => return related(at, crate::vocabulary::ids::ISSUED_BY),
            Details::Task(p) | Details::Section(p) => p.parent.unwrap_or(p.document),
            _ => return Vec::new(),
        };
        let responsible = related(at, crate::vocabulary::ids::RESPONSIBLE_AGENCY);
        if !responsible.is_empty() {
            return responsible;
        }
        at = parent;
    }
}
