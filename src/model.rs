//! The validated knowledge graph in memory: entities, relations and their evidence. It is built
//! once by [`crate::load`] and never changes afterwards; every other view (RDF,
//! rankings, search, GraphQL) is derived from it.

use std::collections::HashMap;

use crate::vocabulary::Vocabulary;

mod details;
mod evidence;
mod instruments;
mod source_text;

pub use details::{
    Details, DocumentDetails, EnglishStatus, ProvisionDetails, Script, TargetDetails, format_number,
};
pub use evidence::{Basis, CURATED_PREFIX, Evidence};
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
        Basis::strongest(self.evidence.iter().map(|e| &e.basis))
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
