//! The `Entity` interface, the dispatch from an entity to the object type of its kind, and
//! `EntityRef`, the handle every object type wraps, with the resolvers they share.
//!
//! Every type has the interface's fields (declared once by `entity_type!` in `fields`) and
//! adds the fields of its kind; the types are grouped by family: documents and their parts,
//! places, organisations, programmes and events, industries.

mod documents;
mod fields;
mod industry;
mod names;
mod organisations;
mod places;
mod programmes;

use async_graphql::{ID, Interface, Result};

pub use documents::{Document, Section, Target, Task};
pub use industry::Industry;
pub use names::{Alias, Label, Names};
pub use organisations::{
    Alliance, Enterprise, GovernmentBody, Incubator, InnovationCenter, Laboratory, Organization,
    Platform, ResearchInstitute, University,
};
pub use places::{Country, Park, Region};
pub use programmes::{Event, FinancialProduct, Fund, Policy, Programme};

use super::enums::{Basis, Direction, EntityKind, Lang, RelationKind};
use super::page::{Page, paginate};
use super::relation::{Evidence, Relation};
use crate::SharedDataset;
use crate::model::{EnglishStatus, EntityIndex};
use crate::names::initials;
use crate::vocabulary::ids;

/// Which of an entity's relations to list: the arguments of the `relations` field.
pub(crate) struct RelationFilter {
    kinds: Option<Vec<RelationKind>>,
    direction: Direction,
    other_kinds: Option<Vec<EntityKind>>,
    basis: Option<Vec<Basis>>,
}

/// A handle on one entity of the shared dataset.
#[derive(Clone)]
pub struct EntityRef {
    pub(crate) data: SharedDataset,
    pub(crate) index: EntityIndex,
}

impl EntityRef {
    pub(crate) fn new(data: &SharedDataset, index: EntityIndex) -> Self {
        Self {
            data: data.clone(),
            index,
        }
    }

    pub(crate) fn model(&self) -> &crate::model::Entity {
        &self.data.model.entities[self.index]
    }

    /// The GraphQL object of another entity of the same dataset.
    fn other(&self, index: EntityIndex) -> Entity {
        Entity::of(&self.data, index)
    }

    /// The entities at the other end of this entity's relations of `kinds`, outgoing when
    /// `outgoing`, optionally only those of `other_kinds`; each once, in model order.
    pub(crate) fn related(
        &self,
        kinds: &[&str],
        outgoing: bool,
        other_kinds: &[&str],
    ) -> Vec<Entity> {
        let model = &self.data.model;
        let relations = if outgoing {
            model.outgoing_indexes(self.index)
        } else {
            model.incoming_indexes(self.index)
        };
        let mut seen = Vec::new();
        for &r in relations {
            let relation = &model.relations[r];
            let other = if outgoing {
                relation.object
            } else {
                relation.subject
            };
            if kinds.contains(&relation.kind.as_str())
                && (other_kinds.is_empty()
                    || other_kinds.contains(&model.entities[other].kind.as_str()))
                && !seen.contains(&other)
            {
                seen.push(other);
            }
        }
        seen.into_iter().map(|i| self.other(i)).collect()
    }

    // The resolvers of the interface's fields, which every object type calls (see `fields`).

    fn id(&self) -> ID {
        ID(self.model().id.clone())
    }

    fn kind(&self) -> EntityKind {
        EntityKind::from_id(&self.model().kind).unwrap_or(EntityKind::Organization)
    }

    fn name(&self, lang: Lang) -> Label {
        let entity = self.model();
        match lang {
            Lang::ZhHans => Label::new(&entity.name, Lang::ZhHans, false),
            Lang::ZhHant => Label::new(&entity.traditional, Lang::ZhHant, false),
            Lang::Pinyin => Label::new(&entity.pinyin, Lang::Pinyin, false),
            Lang::En => match &entity.english {
                Some(english) => Label {
                    text: english.text.clone(),
                    lang: Lang::En,
                    fallback: false,
                    translated: english.status == EnglishStatus::Translation,
                },
                None => Label::new(&entity.name, Lang::ZhHans, true),
            },
        }
    }

    fn names(&self) -> Names {
        let e = self.model();
        Names {
            zh_hans: e.name.clone(),
            zh_hant: e.traditional.clone(),
            pinyin: e.pinyin.clone(),
            pinyin_initials: initials(&e.pinyin),
            en: e.english.as_ref().map(|n| n.text.clone()),
            en_established: e
                .english
                .as_ref()
                .map(|n| n.status == EnglishStatus::Established),
            aliases: e
                .aliases
                .iter()
                .map(|a| Alias {
                    text: a.text.clone(),
                    script: a.script.into(),
                })
                .collect(),
        }
    }

    fn aliases(&self) -> Vec<String> {
        self.model()
            .aliases
            .iter()
            .map(|a| a.text.clone())
            .collect()
    }

    fn iri(&self) -> String {
        self.data.iris.entity(&self.model().id).as_str().to_owned()
    }

    fn evidence(&self) -> Vec<Evidence> {
        self.model()
            .evidence
            .iter()
            .map(|e| Evidence::new(&self.data, e))
            .collect()
    }

    fn relations(
        &self,
        filter: RelationFilter,
        first: Option<i32>,
        after: Option<String>,
    ) -> Result<Page<Relation>> {
        let RelationFilter {
            kinds,
            direction,
            other_kinds,
            basis,
        } = filter;
        let model = &self.data.model;
        // A kind stands for itself and its sub-properties: MENTIONS includes the action roles.
        let wanted: Option<Vec<&str>> = kinds.as_ref().map(|ks| {
            ks.iter()
                .flat_map(|k| model.vocabulary.with_sub_properties(k.id()))
                .collect()
        });
        let kind_ok = |r: usize| {
            let relation = &model.relations[r];
            wanted
                .as_ref()
                .is_none_or(|ks| ks.contains(&relation.kind.as_str()))
                && basis
                    .as_ref()
                    .is_none_or(|bs| bs.contains(&Basis::of(relation.basis())))
        };
        let other_ok = |other: EntityIndex| {
            other_kinds
                .as_ref()
                .is_none_or(|ks| ks.iter().any(|k| k.id() == model.entities[other].kind))
        };
        let mut edges = Vec::new();
        if direction != Direction::Incoming {
            for &r in model.outgoing_indexes(self.index) {
                if kind_ok(r) && other_ok(model.relations[r].object) {
                    edges.push(Relation::new(&self.data, r, Direction::Outgoing));
                }
            }
        }
        if direction != Direction::Outgoing {
            for &r in model.incoming_indexes(self.index) {
                if kind_ok(r) && other_ok(model.relations[r].subject) {
                    edges.push(Relation::new(&self.data, r, Direction::Incoming));
                }
            }
        }
        paginate(edges, after, first, 50)
    }

    fn degree(&self) -> i32 {
        self.data.graph.degree(self.index) as i32
    }

    fn page_rank(&self) -> f64 {
        self.data.graph.page_rank(self.index)
    }

    fn supported_industries(&self) -> Vec<Relation> {
        let model = &self.data.model;
        model
            .outgoing_indexes(self.index)
            .iter()
            .filter(|&&r| {
                let relation = &model.relations[r];
                model
                    .vocabulary
                    .support_kinds()
                    .contains(&relation.kind.as_str())
                    && model.entities[relation.object].kind == ids::INDUSTRY
            })
            .map(|&r| Relation::new(&self.data, r, Direction::Outgoing))
            .collect()
    }

    /// Regions (and parks) the entity lies in, nearest first, following locatedIn and partOf.
    fn containers(&self) -> Vec<Entity> {
        let model = &self.data.model;
        let mut found = Vec::new();
        let mut queue = std::collections::VecDeque::from([self.index]);
        while let Some(node) = queue.pop_front() {
            for &r in model.outgoing_indexes(node) {
                let relation = &model.relations[r];
                if self.data.graph.is_containment(r)
                    && relation.object != self.index
                    && !found.contains(&relation.object)
                {
                    found.push(relation.object);
                    queue.push_back(relation.object);
                }
            }
        }
        found
            .into_iter()
            .filter(|&i| model.entities[i].kind == ids::REGION)
            .map(|i| self.other(i))
            .collect()
    }
}

/// Any node of the graph. Every kind of entity has these fields; each kind adds its own.
#[derive(Interface)]
#[expect(
    clippy::duplicated_attributes,
    reason = "interface fields repeat argument names and types by design"
)]
#[graphql(
    field(
        name = "id",
        ty = "ID",
        desc = "Stable id; also the last segment of the entity's IRI."
    ),
    field(name = "kind", ty = "EntityKind", desc = "Kind of entity."),
    field(
        name = "name",
        ty = "String",
        desc = "Name in the language asked for, falling back to simplified Chinese.",
        arg(name = "lang", ty = "Lang", default_with = "Lang::ZhHans")
    ),
    field(
        name = "label",
        ty = "Label",
        desc = "Name in the language asked for, saying which language came back.",
        arg(name = "lang", ty = "Lang", default_with = "Lang::ZhHans")
    ),
    field(
        name = "names",
        ty = "Names",
        desc = "Every name: both scripts, pinyin, English, aliases."
    ),
    field(
        name = "aliases",
        ty = "Vec<String>",
        desc = "Other names as written in the documents."
    ),
    field(
        name = "iri",
        ty = "String",
        desc = "IRI in the RDF graph (usable in SPARQL)."
    ),
    field(
        name = "evidence",
        ty = "Vec<Evidence>",
        desc = "Where the documents name this entity."
    ),
    field(
        name = "relations",
        ty = "Page<Relation>",
        desc = "Relations of this entity, each with the entity at the other end and its evidence.",
        arg(
            name = "kinds",
            ty = "Option<Vec<RelationKind>>",
            desc = "Only these kinds and their sub-properties (MENTIONS includes the action roles)."
        ),
        arg(
            name = "direction",
            ty = "Direction",
            default_with = "Direction::Both",
            desc = "Outgoing, incoming or both."
        ),
        arg(
            name = "other_kinds",
            ty = "Option<Vec<EntityKind>>",
            desc = "Only relations whose other end is of these kinds."
        ),
        arg(
            name = "basis",
            ty = "Option<Vec<Basis>>",
            desc = "Only relations whose strongest basis is one of these (STATED, INFERRED, DERIVED, CURATED)."
        ),
        arg(
            name = "first",
            ty = "Option<i32>",
            desc = "Page size (default 50, at most 100)."
        ),
        arg(
            name = "after",
            ty = "Option<String>",
            desc = "Cursor after which to start."
        )
    ),
    field(
        name = "degree",
        ty = "i32",
        desc = "Number of relations, leaving out mentions and document structure."
    ),
    field(
        name = "page_rank",
        ty = "f64",
        desc = "PageRank over the same relations."
    ),
    field(
        name = "supported_industries",
        ty = "Vec<Relation>",
        desc = "The industries this entity supports or focuses on, with evidence."
    ),
    field(
        name = "regions",
        ty = "Vec<Entity>",
        desc = "Regions it lies in, nearest first (following locatedIn and partOf)."
    )
)]
pub enum Entity {
    /// A source document.
    Document(Document),
    /// A section of a document.
    Section(Section),
    /// A numbered task of a document.
    Task(Task),
    /// A quantitative target.
    Target(Target),
    /// A region.
    Region(Region),
    /// A country.
    Country(Country),
    /// A park or zone.
    Park(Park),
    /// A research institute.
    ResearchInstitute(ResearchInstitute),
    /// A laboratory or science facility.
    Laboratory(Laboratory),
    /// An innovation centre.
    InnovationCenter(InnovationCenter),
    /// A platform.
    Platform(Platform),
    /// An incubator or maker space.
    Incubator(Incubator),
    /// An enterprise.
    Enterprise(Enterprise),
    /// A university or academy.
    University(University),
    /// An alliance.
    Alliance(Alliance),
    /// A government body.
    GovernmentBody(GovernmentBody),
    /// A fund.
    Fund(Fund),
    /// A financial product.
    FinancialProduct(FinancialProduct),
    /// A programme.
    Programme(Programme),
    /// A policy.
    Policy(Policy),
    /// An event.
    Event(Event),
    /// An industry.
    Industry(Industry),
    /// Another organisation.
    Organization(Organization),
}

impl Entity {
    /// The GraphQL object for entity `index`, of the type its kind calls for.
    pub fn of(data: &SharedDataset, index: EntityIndex) -> Self {
        let r = EntityRef::new(data, index);
        match EntityKind::from_id(&data.model.entities[index].kind) {
            Some(EntityKind::Document) => Self::Document(Document(r)),
            Some(EntityKind::Section) => Self::Section(Section(r)),
            Some(EntityKind::Task) => Self::Task(Task(r)),
            Some(EntityKind::Target) => Self::Target(Target(r)),
            Some(EntityKind::Region) => Self::Region(Region(r)),
            Some(EntityKind::Country) => Self::Country(Country(r)),
            Some(EntityKind::Park) => Self::Park(Park(r)),
            Some(EntityKind::ResearchInstitute) => Self::ResearchInstitute(ResearchInstitute(r)),
            Some(EntityKind::Laboratory) => Self::Laboratory(Laboratory(r)),
            Some(EntityKind::InnovationCenter) => Self::InnovationCenter(InnovationCenter(r)),
            Some(EntityKind::Platform) => Self::Platform(Platform(r)),
            Some(EntityKind::Incubator) => Self::Incubator(Incubator(r)),
            Some(EntityKind::Enterprise) => Self::Enterprise(Enterprise(r)),
            Some(EntityKind::University) => Self::University(University(r)),
            Some(EntityKind::Alliance) => Self::Alliance(Alliance(r)),
            Some(EntityKind::GovernmentBody) => Self::GovernmentBody(GovernmentBody(r)),
            Some(EntityKind::Fund) => Self::Fund(Fund(r)),
            Some(EntityKind::FinancialProduct) => Self::FinancialProduct(FinancialProduct(r)),
            Some(EntityKind::Programme) => Self::Programme(Programme(r)),
            Some(EntityKind::Policy) => Self::Policy(Policy(r)),
            Some(EntityKind::Event) => Self::Event(Event(r)),
            Some(EntityKind::Industry) => Self::Industry(Industry(r)),
            // The vocabulary test keeps this unreachable; an unknown kind still gets a type.
            Some(EntityKind::Organization) | None => Self::Organization(Organization(r)),
        }
    }
}
