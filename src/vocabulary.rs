//! The declared kinds of entities and relations (`graph-data/vocabulary.toml`). Everything the
//! code needs to know about a relation kind (whether the loader generates it, whether it
//! places things inside one another, which action role it stands for) is declared there and
//! read from here, so that no other module keeps its own list of kind names.

/// Every kind of entity and relation the graph may use, in declaration order.
#[derive(Debug, Clone)]
pub struct Vocabulary {
    /// Entity kinds (RDF classes).
    pub kinds: Vec<KindTerm>,
    /// Relation kinds (RDF properties).
    pub relations: Vec<RelationTerm>,
}

/// An entity kind.
#[derive(Debug, Clone)]
pub struct KindTerm {
    /// UpperCamelCase id (`Park`).
    pub id: String,
    /// Chinese label.
    pub zh: String,
    /// English label.
    pub en: String,
    /// What the kind covers.
    pub comment: String,
    /// A class of a standard vocabulary it is aligned with.
    pub superclass: Option<String>,
}

/// A relation kind and what the code needs to know about it.
#[derive(Debug, Clone)]
pub struct RelationTerm {
    /// lowerCamelCase id (`locatedIn`).
    pub id: String,
    /// Chinese label.
    pub zh: String,
    /// English label.
    pub en: String,
    /// What the relation means.
    pub comment: String,
    /// Kinds the subject may have (empty: any).
    pub domain: Vec<String>,
    /// Kinds the object may have (empty: any).
    pub range: Vec<String>,
    /// The loader makes it from the document structure; curators never write it.
    pub generated: bool,
    /// It records where a thing is written, or what a provision does with it, rather than
    /// how two named things relate. Structural kinds are left out of centrality and of
    /// default traversals.
    pub structural: bool,
    /// It places the subject inside the object (a region, a park, a parent body).
    pub containment: bool,
    /// It links a narrower concept to a broader one.
    pub hierarchy: bool,
    /// The action role a provision gives the object (`instrument`, `carrier` …), written as
    /// the `role` of a mention.
    pub role: Option<String>,
    /// A more general relation kind this one specialises.
    pub sub_property_of: Option<String>,
    /// Labels of the relation read from object to subject.
    pub inverse: Option<Label>,
}

impl RelationTerm {
    /// Whether a subject of this kind is in the domain (an empty domain admits any kind).
    pub fn allows_subject(&self, kind: &str) -> bool {
        self.domain.is_empty() || self.domain.iter().any(|k| k == kind)
    }

    /// Whether an object of this kind is in the range (an empty range admits any kind).
    pub fn allows_object(&self, kind: &str) -> bool {
        self.range.is_empty() || self.range.iter().any(|k| k == kind)
    }
}

/// A label in Chinese and English.
#[derive(Debug, Clone)]
pub struct Label {
    /// Chinese.
    pub zh: String,
    /// English.
    pub en: String,
}

impl Vocabulary {
    /// The declared entity kind with this id.
    pub fn kind(&self, id: &str) -> Option<&KindTerm> {
        self.kinds.iter().find(|k| k.id == id)
    }

    /// The declared relation kind with this id.
    pub fn relation(&self, id: &str) -> Option<&RelationTerm> {
        self.relations.iter().find(|r| r.id == id)
    }

    /// The relation kind that stands for an action role.
    pub fn role(&self, role: &str) -> Option<&RelationTerm> {
        self.relations
            .iter()
            .find(|r| r.role.as_deref() == Some(role))
    }

    /// Every declared action role, in vocabulary order.
    pub fn roles(&self) -> impl Iterator<Item = &str> {
        self.relations.iter().filter_map(|r| r.role.as_deref())
    }

    /// Whether a relation kind stands for an action role.
    pub fn is_role(&self, id: &str) -> bool {
        self.relation(id).is_some_and(|r| r.role.is_some())
    }

    /// Whether a relation kind is structural (see [`RelationTerm::structural`]).
    pub fn is_structural(&self, id: &str) -> bool {
        self.relation(id).is_some_and(|r| r.structural)
    }

    /// Relation kinds that place a thing inside another.
    pub fn containment_kinds(&self) -> Vec<&str> {
        self.relations
            .iter()
            .filter(|r| r.containment)
            .map(|r| r.id.as_str())
            .collect()
    }

    /// A relation kind and every kind declared as its sub-property, directly or not.
    pub fn with_sub_properties<'a>(&'a self, id: &'a str) -> Vec<&'a str> {
        let mut kinds = vec![id];
        let mut next = 0;
        while next < kinds.len() {
            let parent = kinds[next];
            for relation in &self.relations {
                if relation.sub_property_of.as_deref() == Some(parent)
                    && !kinds.contains(&relation.id.as_str())
                {
                    kinds.push(relation.id.as_str());
                }
            }
            next += 1;
        }
        kinds
    }
}

/// Ids of the kinds the loader makes or treats specially. Each must be declared in
/// vocabulary.toml; the loader refuses a vocabulary that lacks one.
pub mod ids {
    /// A source document.
    pub const DOCUMENT: &str = "Document";
    /// A section of a document.
    pub const SECTION: &str = "Section";
    /// A numbered task of a document.
    pub const TASK: &str = "Task";
    /// A quantitative target.
    pub const TARGET: &str = "Target";
    /// The entity kinds that are parts of documents, declared only in documents/.
    pub const DOCUMENT_PARTS: [&str; 4] = [DOCUMENT, SECTION, TASK, TARGET];
    /// A city, district or province, which statistics count the entities of.
    pub const REGION: &str = "Region";

    /// A section or task belongs to its document or section.
    pub const PART_OF_DOCUMENT: &str = "partOfDocument";
    /// A body leads a task.
    pub const RESPONSIBLE_AGENCY: &str = "responsibleAgency";
    /// A target is set in a provision.
    pub const TARGET_OF: &str = "targetOf";
    /// The region of a target.
    pub const TARGET_REGION: &str = "targetRegion";
    /// The issuer of a document.
    pub const ISSUED_BY: &str = "issuedBy";
    /// A provision names an entity.
    pub const MENTIONS: &str = "mentions";
    /// The relation kinds the loader generates from the document structure.
    pub const GENERATED: [&str; 6] = [
        PART_OF_DOCUMENT,
        RESPONSIBLE_AGENCY,
        TARGET_OF,
        TARGET_REGION,
        ISSUED_BY,
        MENTIONS,
    ];
}
