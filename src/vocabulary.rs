//! The declared kinds of entities and relations (`graph-data/vocabulary.toml`).

use crate::data::raw::{KindDecl, RelationDecl};

/// Every kind of entity and relation the graph may use, in declaration order.
#[derive(Debug, Clone)]
pub struct Vocabulary {
    /// Entity kinds (RDF classes).
    pub kinds: Vec<KindDecl>,
    /// Relation kinds (RDF properties).
    pub relations: Vec<RelationDecl>,
}

impl Vocabulary {
    /// The declared entity kind with this id.
    pub fn kind(&self, id: &str) -> Option<&KindDecl> {
        self.kinds.iter().find(|k| k.id == id)
    }

    /// The declared relation kind with this id.
    pub fn relation(&self, id: &str) -> Option<&RelationDecl> {
        self.relations.iter().find(|r| r.id == id)
    }
}
