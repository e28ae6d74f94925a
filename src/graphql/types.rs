//! GraphQL object types and the query root. The `///` comments become the schema's
//! documentation.

use async_graphql::connection::{Connection, Edge, EmptyFields, query};
use async_graphql::{Context, Enum, ErrorExtensions, ID, Object, Result, SimpleObject};

use super::{ApiError, MAX_PAGE_SIZE};
use crate::SharedDataset;
use crate::model::{Details, EntityIndex, Evidence as ModelEvidence};
use crate::search::{MatchQuality as SearchQuality, NameKind as SearchNameKind};

fn dataset<'a>(ctx: &Context<'a>) -> &'a SharedDataset {
    ctx.data_unchecked::<SharedDataset>()
}

fn page_size(first: Option<i32>, default: usize) -> Result<usize> {
    match first {
        None => Ok(default),
        Some(n) if n < 0 => {
            Err(ApiError::BadArgument("first must not be negative".into()).extend())
        }
        Some(n) if n as usize > MAX_PAGE_SIZE => {
            Err(ApiError::BadArgument(format!("first must be at most {MAX_PAGE_SIZE}")).extend())
        }
        Some(n) => Ok(n as usize),
    }
}

/// The root of every query.
pub struct QueryRoot;

#[Object]
impl QueryRoot {
    /// The entity with this id (documents, tasks and targets included). An unknown id is an
    /// error with `extensions.code = "NOT_FOUND"`.
    async fn entity(&self, ctx: &Context<'_>, id: ID) -> Result<Entity> {
        let data = dataset(ctx);
        data.model
            .index_of(&id)
            .map(|index| Entity::new(data, index))
            .ok_or_else(|| ApiError::NotFound(id.to_string()).extend())
    }

    /// Entities whose names match `text`: simplified or traditional Chinese, aliases as written
    /// in the documents, pinyin (with or without spaces or tones), pinyin initials, English.
    /// Ranked exact match first, then prefix, then substring.
    async fn search(
        &self,
        ctx: &Context<'_>,
        #[graphql(desc = "What to look for; at most 100 characters.")] text: String,
        #[graphql(desc = "Maximum number of hits (at most 100).", default = 10)] first: i32,
    ) -> Result<Vec<SearchHit>> {
        if text.chars().count() > 100 {
            return Err(
                ApiError::BadArgument("text must be at most 100 characters".into()).extend(),
            );
        }
        let limit = page_size(Some(first), 10)?;
        let data = dataset(ctx);
        Ok(data
            .search
            .search(&data.model, &text, limit)
            .into_iter()
            .map(|hit| SearchHit {
                entity: Entity::new(data, hit.entity),
                matched_name: hit.matched,
                name_kind: hit.name_kind.into(),
                quality: hit.quality.into(),
            })
            .collect())
    }

    /// All entities, optionally of one kind, as a cursor connection in a stable order.
    async fn entities(
        &self,
        ctx: &Context<'_>,
        #[graphql(name = "type", desc = "A kind from the vocabulary, such as `Park`.")]
        kind: Option<String>,
        #[graphql(desc = "Page size (at most 100; default 20).")] first: Option<i32>,
        #[graphql(desc = "Cursor after which to start.")] after: Option<String>,
    ) -> Result<Connection<usize, Entity, CountFields, EmptyFields>> {
        let data = dataset(ctx).clone();
        if let Some(kind) = &kind
            && data.model.vocabulary.kind(kind).is_none()
        {
            return Err(ApiError::BadArgument(format!("unknown entity type {kind:?}")).extend());
        }
        let size = page_size(first, 20)?;
        query(
            after,
            None,
            Some(size as i32),
            None,
            |after: Option<usize>, _before: Option<usize>, first, _last| async move {
                let matching: Vec<EntityIndex> = data
                    .model
                    .entities
                    .iter()
                    .enumerate()
                    .filter(|(_, e)| kind.as_ref().is_none_or(|k| &e.kind == k))
                    .map(|(i, _)| i)
                    .collect();
                let start = after.map_or(0, |a| a + 1);
                let take = first.unwrap_or(size);
                let end = (start + take).min(matching.len());
                let start = start.min(end);
                let mut connection = Connection::with_additional_fields(
                    start > 0,
                    end < matching.len(),
                    CountFields {
                        total_count: matching.len(),
                    },
                );
                connection.edges.extend(
                    (start..end).map(|position| {
                        Edge::new(position, Entity::new(&data, matching[position]))
                    }),
                );
                Ok::<_, async_graphql::Error>(connection)
            },
        )
        .await
    }
}

/// Extra fields of a connection.
#[derive(SimpleObject)]
pub struct CountFields {
    /// Number of items over all pages.
    total_count: usize,
}

/// A search result.
#[derive(SimpleObject)]
pub struct SearchHit {
    /// The entity found.
    entity: Entity,
    /// The name that matched the search text.
    matched_name: String,
    /// Which of the entity's names matched.
    name_kind: NameKind,
    /// How well it matched.
    quality: MatchQuality,
}

/// Which name of an entity matched a search.
#[derive(Enum, Copy, Clone, PartialEq, Eq)]
pub enum NameKind {
    /// The simplified Chinese name.
    Simplified,
    /// The traditional Chinese form of the name.
    Traditional,
    /// A short form or other name written in a document.
    Alias,
    /// The English name.
    English,
    /// The pinyin of the name.
    Pinyin,
    /// The pinyin initials of the name.
    Initials,
}

impl From<SearchNameKind> for NameKind {
    fn from(kind: SearchNameKind) -> Self {
        match kind {
            SearchNameKind::Simplified => Self::Simplified,
            SearchNameKind::Traditional => Self::Traditional,
            SearchNameKind::Alias => Self::Alias,
            SearchNameKind::English => Self::English,
            SearchNameKind::Pinyin => Self::Pinyin,
            SearchNameKind::Initials => Self::Initials,
        }
    }
}

/// How well a search text matched a name.
#[derive(Enum, Copy, Clone, PartialEq, Eq)]
pub enum MatchQuality {
    /// The whole name.
    Exact,
    /// The beginning of the name.
    Prefix,
    /// A part inside the name.
    Substring,
}

impl From<SearchQuality> for MatchQuality {
    fn from(quality: SearchQuality) -> Self {
        match quality {
            SearchQuality::Exact => Self::Exact,
            SearchQuality::Prefix => Self::Prefix,
            SearchQuality::Substring => Self::Substring,
        }
    }
}

/// Which way a relation points, seen from the entity it is asked on.
#[derive(Enum, Copy, Clone, PartialEq, Eq)]
pub enum Direction {
    /// The entity is the subject: entity → other.
    Outgoing,
    /// The entity is the object: other → entity.
    Incoming,
    /// Both directions.
    Both,
}

/// A node of the graph: a park, institute, agency, industry, document, task, target …
#[derive(Clone)]
pub struct Entity {
    data: SharedDataset,
    index: EntityIndex,
}

impl Entity {
    fn new(data: &SharedDataset, index: EntityIndex) -> Self {
        Self {
            data: data.clone(),
            index,
        }
    }

    fn model(&self) -> &crate::model::Entity {
        &self.data.model.entities[self.index]
    }
}

#[Object]
impl Entity {
    /// Stable id; also the last segment of the entity's IRI.
    async fn id(&self) -> ID {
        ID(self.model().id.clone())
    }

    /// Kind of entity, from the vocabulary (`Park`, `GovernmentBody`, `Task` …).
    #[graphql(name = "type")]
    async fn kind(&self) -> &str {
        &self.model().kind
    }

    /// Full name in simplified Chinese (for a task or section, its title).
    async fn name(&self) -> &str {
        &self.model().name
    }

    /// The name in traditional Chinese (converted with OpenCC).
    async fn traditional_name(&self) -> &str {
        &self.model().traditional
    }

    /// Pinyin of the name with tone marks, syllables separated by spaces.
    async fn pinyin(&self) -> &str {
        &self.model().pinyin
    }

    /// Whether the English name is established (official or in common use) rather than a
    /// translation made for this graph; null when there is no English name.
    async fn english_name_established(&self) -> Option<bool> {
        self.model()
            .english
            .as_ref()
            .map(|e| e.status == crate::model::EnglishStatus::Established)
    }

    /// Other names as written in the documents: short forms and traditional-script forms.
    async fn aliases(&self) -> Vec<String> {
        self.model()
            .aliases
            .iter()
            .map(|a| a.text.clone())
            .collect()
    }

    /// English name, if one is established or has been translated.
    async fn english_name(&self) -> Option<&str> {
        self.model().english.as_ref().map(|e| e.text.as_str())
    }

    /// The IRI of this entity in the RDF graph (usable in SPARQL).
    async fn iri(&self) -> String {
        self.data.iris.entity(&self.model().id).as_str().to_owned()
    }

    /// Where the documents name this entity.
    async fn evidence(&self) -> Vec<EvidenceItem> {
        self.model()
            .evidence
            .iter()
            .map(|e| EvidenceItem::new(&self.data, e))
            .collect()
    }

    /// The relations of this entity, each with the entity at the other end and its evidence.
    async fn relations(
        &self,
        #[graphql(desc = "Only these relation kinds (vocabulary ids such as `locatedIn`).")]
        kinds: Option<Vec<String>>,
        #[graphql(desc = "Outgoing, incoming or both.", default_with = "Direction::Both")]
        direction: Direction,
        #[graphql(desc = "Maximum number of relations (at most 100).", default = 100)] first: i32,
    ) -> Result<Vec<RelationEdge>> {
        let limit = page_size(Some(first), 100)?;
        let model = &self.data.model;
        if let Some(kinds) = &kinds
            && let Some(unknown) = kinds
                .iter()
                .find(|k| model.vocabulary.relation(k).is_none())
        {
            return Err(
                ApiError::BadArgument(format!("unknown relation kind {unknown:?}")).extend(),
            );
        }
        let wanted = |kind: &str| kinds.as_ref().is_none_or(|ks| ks.iter().any(|k| k == kind));
        let mut edges = Vec::new();
        if direction != Direction::Incoming {
            for &r in model.outgoing_indexes(self.index) {
                if wanted(&model.relations[r].kind) {
                    edges.push(RelationEdge::new(&self.data, r, Direction::Outgoing));
                }
            }
        }
        if direction != Direction::Outgoing {
            for &r in model.incoming_indexes(self.index) {
                if wanted(&model.relations[r].kind) {
                    edges.push(RelationEdge::new(&self.data, r, Direction::Incoming));
                }
            }
        }
        edges.truncate(limit);
        Ok(edges)
    }

    /// Document details, when this entity is a document.
    async fn document(&self) -> Option<DocumentInfo> {
        match &self.model().details {
            Details::Document(d) => Some(DocumentInfo {
                date: d.date.clone(),
                published: d.published.clone(),
                number: d.number.clone(),
                source_file: d.source_file.clone(),
                region: Entity::new(&self.data, d.region),
            }),
            _ => None,
        }
    }

    /// Target details, when this entity is a quantitative target.
    async fn target(&self) -> Option<TargetInfo> {
        match &self.model().details {
            Details::Target(t) => Some(TargetInfo {
                indicator: t.indicator.clone(),
                value: t.value,
                unit: t.unit.clone(),
                year: t.year,
                region: Entity::new(&self.data, t.region),
                document: Entity::new(&self.data, t.document),
            }),
            _ => None,
        }
    }

    /// The number as printed, when this entity is a task or section.
    async fn number(&self) -> Option<&str> {
        match &self.model().details {
            Details::Task(p) | Details::Section(p) => Some(&p.number),
            _ => None,
        }
    }
}

/// Metadata of a source document.
#[derive(SimpleObject)]
pub struct DocumentInfo {
    /// Date of issue (YYYY-MM-DD), when printed.
    date: Option<String>,
    /// Date of publication (YYYY-MM-DD), when printed.
    published: Option<String>,
    /// Document number (文号), when printed.
    number: Option<String>,
    /// File name of the source text in graph-data/sources.
    source_file: String,
    /// The region the document governs.
    region: Entity,
}

/// A quantitative target.
#[derive(SimpleObject)]
pub struct TargetInfo {
    /// What is measured, as written.
    indicator: String,
    /// The number.
    value: f64,
    /// Unit as written.
    unit: String,
    /// Year by which it is to be reached.
    year: i32,
    /// Region it applies to.
    region: Entity,
    /// Document that sets it.
    document: Entity,
}

/// A relation seen from one of its ends.
pub struct RelationEdge {
    data: SharedDataset,
    relation: usize,
    direction: Direction,
}

impl RelationEdge {
    fn new(data: &SharedDataset, relation: usize, direction: Direction) -> Self {
        Self {
            data: data.clone(),
            relation,
            direction,
        }
    }
}

#[Object]
impl RelationEdge {
    /// Relation kind, from the vocabulary (`locatedIn`, `supports`, `responsibleAgency` …).
    async fn kind(&self) -> &str {
        &self.data.model.relations[self.relation].kind
    }

    /// Whether the asking entity is the subject (OUTGOING) or the object (INCOMING).
    async fn direction(&self) -> Direction {
        self.direction
    }

    /// The entity at the other end.
    async fn other(&self) -> Entity {
        let relation = &self.data.model.relations[self.relation];
        let index = match self.direction {
            Direction::Incoming => relation.subject,
            _ => relation.object,
        };
        Entity::new(&self.data, index)
    }

    /// The subject of the relation.
    async fn subject(&self) -> Entity {
        Entity::new(&self.data, self.data.model.relations[self.relation].subject)
    }

    /// The object of the relation.
    async fn object(&self) -> Entity {
        Entity::new(&self.data, self.data.model.relations[self.relation].object)
    }

    /// True when no document states the relation outright and it is inferred.
    async fn inferred(&self) -> bool {
        self.data.model.relations[self.relation].is_inferred()
    }

    /// Every place that states the relation: document, task, quote.
    async fn evidence(&self) -> Vec<EvidenceItem> {
        self.data.model.relations[self.relation]
            .evidence
            .iter()
            .map(|e| EvidenceItem::new(&self.data, e))
            .collect()
    }
}

/// A verbatim quote of a document that states a fact.
#[derive(SimpleObject)]
pub struct EvidenceItem {
    /// The document.
    document: Entity,
    /// The task (or section) the quote is in, when known.
    task: Option<Entity>,
    /// The quote, exactly as in the source (traditional script for traditional documents).
    quote: String,
    /// Present when the fact is inferred: why.
    inference_note: Option<String>,
}

impl EvidenceItem {
    fn new(data: &SharedDataset, evidence: &ModelEvidence) -> Self {
        Self {
            document: Entity::new(data, evidence.document),
            task: evidence.provision.map(|p| Entity::new(data, p)),
            quote: evidence.quote.clone(),
            inference_note: evidence.inferred.clone(),
        }
    }
}
