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

    /// Whether a relation kind links a narrower concept to a broader one (see
    /// [`RelationTerm::hierarchy`]).
    pub fn is_hierarchy(&self, id: &str) -> bool {
        self.relation(id).is_some_and(|r| r.hierarchy)
    }

    /// Relation kinds that link a narrower concept to a broader one.
    pub fn hierarchy_kinds(&self) -> Vec<&str> {
        self.relations
            .iter()
            .filter(|r| r.hierarchy)
            .map(|r| r.id.as_str())
            .collect()
    }

    /// Relation kinds by which an entity supports an industry ([`ids::SUPPORT_KINDS`]).
    pub fn support_kinds(&self) -> &'static [&'static str] {
        ids::SUPPORT_KINDS
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

/// Ids of the entity kinds and relation kinds the code names: those the loader makes or
/// treats specially, and those a resolver or a traversal follows by name. Each must be declared
/// in vocabulary.toml; the loader refuses a vocabulary that lacks one of [`ids::KINDS`] or
/// [`ids::RELATIONS`], which list every constant here.
pub mod ids {
    /// Declares one `&str` constant per id and `$list`, the list of them all, so that no
    /// constant escapes the loader's check that it is declared.
    macro_rules! declared_ids {
        ($(#[$list_meta:meta])* $list:ident { $($(#[$meta:meta])* $name:ident = $id:literal,)* }) => {
            $($(#[$meta])* pub const $name: &str = $id;)*
            $(#[$list_meta])*
            pub const $list: &[&str] = &[$($name,)*];
        };
    }

    declared_ids! {
        /// Every entity kind named by a constant of this module, in vocabulary order.
        KINDS {
            /// A source document.
            DOCUMENT = "Document",
            /// A section of a document.
            SECTION = "Section",
            /// A numbered task of a document.
            TASK = "Task",
            /// A quantitative target.
            TARGET = "Target",
            /// A city, district or province, which statistics count the entities of.
            REGION = "Region",
            /// A park, high-tech zone or other designated area.
            PARK = "Park",
            /// An industry or technology field, a concept of the industry hierarchy.
            INDUSTRY = "Industry",
            /// A government body: what a draft proposes for a responsible agency it does not
            /// know.
            GOVERNMENT_BODY = "GovernmentBody",
            /// A policy, strategy or named goal: what a draft proposes for a quoted name or a
            /// title in 《…》.
            POLICY = "Policy",
        }
    }

    declared_ids! {
        /// Every relation kind named by a constant of this module, in vocabulary order.
        RELATIONS {
            /// A section or task belongs to its document or section.
            PART_OF_DOCUMENT = "partOfDocument",
            /// A body leads a task.
            RESPONSIBLE_AGENCY = "responsibleAgency",
            /// A target is set in a provision.
            TARGET_OF = "targetOf",
            /// The region of a target.
            TARGET_REGION = "targetRegion",
            /// The issuer of a document.
            ISSUED_BY = "issuedBy",
            /// A provision names an entity.
            MENTIONS = "mentions",
            /// An entity is situated in a region or park.
            LOCATED_IN = "locatedIn",
            /// An entity is a part or subordinate body of another.
            PART_OF = "partOf",
            /// An entity concentrates on an industry.
            FOCUSES_ON = "focusesOn",
            /// An entity supports another entity or an industry.
            SUPPORTS = "supports",
            /// An entity is built or run jointly with another.
            BUILT_WITH = "builtWith",
            /// An entity is hosted in or relies on another.
            HOSTED_IN = "hostedIn",
            /// A park, region or programme cooperates with a country.
            PARTNER_COUNTRY = "partnerCountry",
            /// Two entities cooperate.
            COOPERATES_WITH = "cooperatesWith",
            /// A body or document promotes a programme, product or policy.
            PROMOTES = "promotes",
            /// A body manages a park, fund, platform or programme.
            MANAGES = "manages",
            /// An event takes place in a region or park.
            HELD_IN = "heldIn",
            /// A body organizes an event.
            ORGANIZES = "organizes",
            /// An entity implements a policy or programme.
            IMPLEMENTS = "implements",
            /// An entity is a member of an alliance, programme or network.
            MEMBER_OF = "memberOf",
        }
    }

    /// The entity kinds that are parts of documents, declared only in documents/.
    pub const DOCUMENT_PARTS: [&str; 4] = [DOCUMENT, SECTION, TASK, TARGET];
    /// The relation kinds by which an entity supports an industry.
    pub const SUPPORT_KINDS: &[&str] = &[SUPPORTS, FOCUSES_ON];
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
