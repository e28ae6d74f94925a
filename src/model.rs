//! The validated knowledge graph in memory: entities, relations and their evidence. It is built
//! once by [`crate::load`] and never changes afterwards; every other view (RDF, petgraph,
//! GraphQL) is derived from it.

use std::collections::HashMap;

pub use crate::data::raw::{EnglishStatus, Script};
use crate::vocabulary::Vocabulary;

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
    pub sources: HashMap<EntityIndex, crate::data::SourceText>,
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
    /// Pinyin of the name with tone marks (`sū kē dài`): generated, or curated where the
    /// generated reading of a heteronym is wrong.
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
    /// Document number (文号), when printed.
    pub number: Option<String>,
    /// The region the document governs.
    pub region: EntityIndex,
    /// Script of the source text.
    pub script: Script,
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
    /// Present when the fact is inferred rather than stated; says why.
    pub inferred: Option<String>,
    /// A curator's remark on this piece of evidence.
    pub note: Option<String>,
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
        self.evidence.iter().all(|e| e.inferred.is_some())
    }
}

impl Model {
    /// Assembles a model from already validated parts and builds its indexes.
    pub(crate) fn new(
        vocabulary: Vocabulary,
        entities: Vec<Entity>,
        relations: Vec<Relation>,
        sources: HashMap<EntityIndex, crate::data::SourceText>,
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
            by_id,
            outgoing,
            incoming,
        }
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
