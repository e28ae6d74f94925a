//! Relations seen from one of their ends, and the evidence behind them.

use async_graphql::{ID, Object};

use super::entity::Entity;
use super::enums::{Basis, Direction, RelationKind};
use crate::SharedDataset;
use crate::model::{Basis as ModelBasis, Evidence as ModelEvidence, RelationIndex};

/// A typed, directed relation between two entities, seen from one of them.
#[derive(Clone)]
pub struct Relation {
    data: SharedDataset,
    relation: RelationIndex,
    direction: Direction,
}

impl Relation {
    pub(crate) fn new(data: &SharedDataset, relation: RelationIndex, direction: Direction) -> Self {
        Self {
            data: data.clone(),
            relation,
            direction,
        }
    }

    fn model(&self) -> &crate::model::Relation {
        &self.data.model.relations[self.relation]
    }
}

#[Object]
impl Relation {
    /// A stable id for this relation: `subject|kind|object`.
    async fn id(&self) -> ID {
        let r = self.model();
        let entities = &self.data.model.entities;
        ID(format!(
            "{}|{}|{}",
            entities[r.subject].id, r.kind, entities[r.object].id
        ))
    }

    /// Kind of relation.
    async fn kind(&self) -> Option<RelationKind> {
        RelationKind::from_id(&self.model().kind)
    }

    /// Whether the entity it was asked on is the subject (OUTGOING) or the object (INCOMING).
    async fn direction(&self) -> Direction {
        self.direction
    }

    /// The entity at the other end from the one it was asked on (the object when asked from
    /// elsewhere).
    async fn other(&self) -> Entity {
        let r = self.model();
        let index = if self.direction == Direction::Incoming {
            r.subject
        } else {
            r.object
        };
        Entity::of(&self.data, index)
    }

    /// The subject: the relation reads «subject kind object».
    async fn subject(&self) -> Entity {
        Entity::of(&self.data, self.model().subject)
    }

    /// The object.
    async fn object(&self) -> Entity {
        Entity::of(&self.data, self.model().object)
    }

    /// True when no document states the relation outright and it is inferred.
    async fn inferred(&self) -> bool {
        self.model().is_inferred()
    }

    /// The strongest basis among its evidence: STATED when any quote states it.
    async fn basis(&self) -> Basis {
        Basis::of(self.model().basis())
    }

    /// Every place that states the relation: document, task, quote.
    async fn evidence(&self) -> Vec<Evidence> {
        self.model()
            .evidence
            .iter()
            .map(|e| Evidence::new(&self.data, e))
            .collect()
    }
}

/// A verbatim quote of a document that states a fact.
pub struct Evidence {
    data: SharedDataset,
    evidence: ModelEvidence,
}

impl Evidence {
    pub(crate) fn new(data: &SharedDataset, evidence: &ModelEvidence) -> Self {
        Self {
            data: data.clone(),
            evidence: evidence.clone(),
        }
    }

    /// Where the quote sits in the document's text, in UTF-16 code units (as JavaScript
    /// strings count); the loader found it in bytes.
    fn span(&self) -> Option<(usize, usize)> {
        let source = self.data.model.sources.get(&self.evidence.document)?;
        let text = source.text();
        let before = text.get(..self.evidence.span.start)?;
        let quote = text.get(self.evidence.span.clone())?;
        let start = before.encode_utf16().count();
        Some((start, start + quote.encode_utf16().count()))
    }
}

#[Object]
impl Evidence {
    /// The document.
    async fn document(&self) -> Entity {
        Entity::of(&self.data, self.evidence.document)
    }

    /// The task (or section) the quote is in, when known.
    async fn task(&self) -> Option<Entity> {
        self.evidence.provision.map(|p| Entity::of(&self.data, p))
    }

    /// The quote, exactly as in the source (traditional script for traditional documents).
    async fn quote(&self) -> &str {
        &self.evidence.quote
    }

    /// Whether the fact is stated outright (false) or inferred, derived or curated (true).
    async fn inferred(&self) -> bool {
        !self.evidence.basis.is_stated()
    }

    /// What this piece of evidence rests on.
    async fn basis(&self) -> Basis {
        Basis::of(&self.evidence.basis)
    }

    /// Why the fact holds when the quote does not state it: the curator's reason, or the
    /// sentence of the rule that derived it.
    async fn inference_note(&self) -> Option<&str> {
        match &self.evidence.basis {
            ModelBasis::Derived(rule) => self.data.model.rule_sentence(rule),
            basis => basis.reason(),
        }
    }

    /// The id of the rule (graph-data/rules.toml) that derived the fact, for a derived one.
    async fn rule(&self) -> Option<&str> {
        self.evidence.basis.rule()
    }

    /// A curator's remark on this piece of evidence.
    async fn note(&self) -> Option<&str> {
        self.evidence.note.as_deref()
    }

    /// How to cite the provision the quote is in, or else its document (GB/T 7714 and
    /// BibTeX).
    async fn citation(&self) -> Option<super::citation::Citation> {
        let entity = self.evidence.provision.unwrap_or(self.evidence.document);
        super::citation::citation(&self.data, entity)
    }

    /// Where the quote starts in the document's `text`, in UTF-16 code units.
    async fn quote_start(&self) -> Option<i32> {
        self.span().map(|(start, _)| start as i32)
    }

    /// Where the quote ends (exclusive) in the document's `text`, in UTF-16 code units.
    async fn quote_end(&self) -> Option<i32> {
        self.span().map(|(_, end)| end as i32)
    }
}
