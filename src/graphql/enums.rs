//! GraphQL enums. Entity and relation kinds mirror `graph-data/vocabulary.toml`; a test keeps
//! them in step, so a kind added to the vocabulary is a deliberate schema change.

use async_graphql::Enum;

/// Declares a GraphQL enum whose variants stand for vocabulary ids.
macro_rules! vocabulary_enum {
    ($(#[$meta:meta])* $name:ident { $($(#[$vmeta:meta])* $variant:ident = $id:literal,)* }) => {
        $(#[$meta])*
        #[derive(Enum, Copy, Clone, Debug, PartialEq, Eq, Hash)]
        pub enum $name {
            $($(#[$vmeta])* $variant,)*
        }

        impl $name {
            /// Every variant, in vocabulary order.
            pub const ALL: &'static [Self] = &[$(Self::$variant,)*];

            /// The vocabulary id this variant stands for.
            pub fn id(self) -> &'static str {
                match self {
                    $(Self::$variant => $id,)*
                }
            }

            /// The variant for a vocabulary id.
            pub fn from_id(id: &str) -> Option<Self> {
                match id {
                    $($id => Some(Self::$variant),)*
                    _ => None,
                }
            }
        }
    };
}

vocabulary_enum! {
    /// Kinds of entities, as declared in the vocabulary.
    EntityKind {
        /// A source document.
        Document = "Document",
        /// A numbered part of a document.
        Section = "Section",
        /// A numbered task (provision) of a document.
        Task = "Task",
        /// A quantitative target.
        Target = "Target",
        /// A province, city, district, new area or town.
        Region = "Region",
        /// A partner country.
        Country = "Country",
        /// A park, high-tech zone, demonstration zone or other designated area.
        Park = "Park",
        /// A research institute or new-type R&D institution.
        ResearchInstitute = "ResearchInstitute",
        /// A laboratory or major science facility.
        Laboratory = "Laboratory",
        /// An innovation or engineering centre.
        InnovationCenter = "InnovationCenter",
        /// A service platform, exchange or network.
        Platform = "Platform",
        /// An incubator, accelerator or maker space.
        Incubator = "Incubator",
        /// A company, group or bank.
        Enterprise = "Enterprise",
        /// A university or academy.
        University = "University",
        /// An alliance or association.
        Alliance = "Alliance",
        /// A government body, bureau, committee or council.
        GovernmentBody = "GovernmentBody",
        /// A fund or special fund.
        Fund = "Fund",
        /// A loan, insurance or other financial product.
        FinancialProduct = "FinancialProduct",
        /// A talent plan, action or other programme.
        Programme = "Programme",
        /// A policy, regulation or plan referred to by name.
        Policy = "Policy",
        /// A fair, competition, forum or other event.
        Event = "Event",
        /// An industry, industry chain or technology field.
        Industry = "Industry",
        /// Another named organisation.
        Organization = "Organization",
    }
}

vocabulary_enum! {
    /// Kinds of relations, as declared in the vocabulary.
    RelationKind {
        /// A section or task belongs to a document or section.
        PartOfDocument = "partOfDocument",
        /// A body leads a task (牵头单位 / 责任单位); from the task to the body.
        ResponsibleAgency = "responsibleAgency",
        /// A target is set in a task, section or document.
        TargetOf = "targetOf",
        /// The region a target applies to.
        TargetRegion = "targetRegion",
        /// The body that issued a document.
        IssuedBy = "issuedBy",
        /// A task or document names an entity.
        Mentions = "mentions",
        /// An entity is situated in a region or park.
        LocatedIn = "locatedIn",
        /// An entity is part of another.
        PartOf = "partOf",
        /// An entity concentrates on an industry.
        FocusesOn = "focusesOn",
        /// An entity supports another entity or an industry.
        Supports = "supports",
        /// An entity is built jointly with another.
        BuiltWith = "builtWith",
        /// An entity is hosted in or relies on another.
        HostedIn = "hostedIn",
        /// A park, region or programme cooperates with a country.
        PartnerCountry = "partnerCountry",
        /// Two entities cooperate.
        CooperatesWith = "cooperatesWith",
        /// A body promotes a programme, product or policy.
        Promotes = "promotes",
        /// A body manages a park, fund, platform or programme.
        Manages = "manages",
        /// An event takes place in a region or park.
        HeldIn = "heldIn",
        /// A body organises an event.
        Organizes = "organizes",
        /// An entity implements a policy or programme.
        Implements = "implements",
        /// An industry belongs to a broader one.
        Broader = "broader",
        /// An entity is a member of another.
        MemberOf = "memberOf",
        /// A body builds or strengthens a carrier (derived from action roles).
        Develops = "develops",
        /// A policy instrument is used in a region (derived from action roles).
        UsedIn = "usedIn",
        /// A provision uses a policy instrument (action role `instrument`).
        UsesInstrument = "usesInstrument",
        /// A provision builds or strengthens a carrier (action role `carrier`).
        BuildsCarrier = "buildsCarrier",
        /// A provision targets an industry (action role `industry`).
        TargetsIndustry = "targetsIndustry",
        /// A provision supports or recruits a beneficiary (action role `beneficiary`).
        AimsAt = "aimsAt",
        /// A provision cooperates with a partner (action role `partner`).
        EngagesPartner = "engagesPartner",
        /// A provision acts in a region or zone (action role `region`).
        CoversRegion = "coversRegion",
    }
}

/// What a fact rests on.
#[derive(Enum, Copy, Clone, Debug, PartialEq, Eq)]
pub enum Basis {
    /// The quote states it.
    Stated,
    /// The quote implies it without stating it; `inferenceNote` says why.
    Inferred,
    /// A rule of the data derives it from stated facts; `rule` names the rule and
    /// `inferenceNote` gives its sentence.
    Derived,
    /// General knowledge a curator adds where the text is silent; `inferenceNote` says why.
    Curated,
}

impl Basis {
    /// The GraphQL value of a model basis.
    pub fn of(basis: &crate::model::Basis) -> Self {
        match basis {
            crate::model::Basis::Stated => Self::Stated,
            crate::model::Basis::Inferred(_) => Self::Inferred,
            crate::model::Basis::Derived(_) => Self::Derived,
            crate::model::Basis::Curated(_) => Self::Curated,
        }
    }
}

/// A language (or script) for names.
#[derive(Enum, Copy, Clone, Debug, PartialEq, Eq)]
pub enum Lang {
    /// Simplified Chinese.
    ZhHans,
    /// Traditional Chinese.
    ZhHant,
    /// English.
    En,
    /// Pinyin with tone marks.
    Pinyin,
}

/// Which way a relation points, seen from the entity it is asked on.
#[derive(Enum, Copy, Clone, Debug, PartialEq, Eq)]
pub enum Direction {
    /// The entity is the subject: entity → other.
    Outgoing,
    /// The entity is the object: other → entity.
    Incoming,
    /// Either.
    Both,
}

/// Which name of an entity matched a search.
#[derive(Enum, Copy, Clone, Debug, PartialEq, Eq)]
#[graphql(remote = "crate::search::NameKind")]
pub enum NameKind {
    /// The simplified Chinese name.
    Simplified,
    /// The traditional Chinese form of the name.
    Traditional,
    /// A short form or other name written in a document.
    Alias,
    /// The English name.
    English,
    /// The pinyin of the name (any reading of its heteronyms).
    Pinyin,
    /// The pinyin initials of the name.
    Initials,
}

/// How well a search text matched a name.
#[derive(Enum, Copy, Clone, Debug, PartialEq, Eq)]
#[graphql(remote = "crate::search::MatchQuality")]
pub enum MatchQuality {
    /// The whole name.
    Exact,
    /// The beginning of the name.
    Prefix,
    /// A part inside the name.
    Substring,
}

/// The script a document is written in.
#[derive(Enum, Copy, Clone, Debug, PartialEq, Eq)]
#[graphql(remote = "crate::model::Script")]
pub enum Script {
    /// Simplified Chinese.
    Simplified,
    /// Traditional Chinese.
    Traditional,
}

/// What to sort entity lists by.
#[derive(Enum, Copy, Clone, Debug, PartialEq, Eq)]
pub enum EntityOrderField {
    /// The order of graph-data (documents' order of mention); stable.
    Default,
    /// The id.
    Id,
    /// The pinyin of the name, so that Chinese names sort as in a dictionary.
    Name,
    /// Number of relations, most connected first by default.
    Degree,
    /// PageRank.
    PageRank,
}

/// Sort direction.
#[derive(Enum, Copy, Clone, Debug, PartialEq, Eq)]
pub enum OrderDirection {
    /// Smallest first.
    Asc,
    /// Largest first.
    Desc,
}

/// A centrality measure.
#[derive(Enum, Copy, Clone, Debug, PartialEq, Eq)]
pub enum Centrality {
    /// Number of relations (leaving out where things are written: mentions, document parts).
    Degree,
    /// PageRank over the same relations.
    PageRank,
}
