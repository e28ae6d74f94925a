//! The shapes of the TOML files in graph-data, exactly as a curator writes them. Nothing here
//! is validated beyond what serde checks; `loader` turns these into a [`crate::Model`].

use serde::Deserialize;
use toml::Spanned;

use crate::model::{EnglishStatus, Script};

/// `vocabulary.toml`.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct VocabularyFile {
    pub kind: Vec<Spanned<KindDecl>>,
    pub relation: Vec<Spanned<RelationDecl>>,
}

/// One `[[kind]]` of the vocabulary.
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct KindDecl {
    pub id: String,
    pub zh: String,
    pub en: String,
    pub comment: String,
    pub superclass: Option<String>,
}

/// One `[[relation]]` of the vocabulary.
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RelationDecl {
    pub id: String,
    pub zh: String,
    pub en: String,
    pub comment: String,
    #[serde(default)]
    pub domain: Vec<String>,
    #[serde(default)]
    pub range: Vec<String>,
    #[serde(default)]
    pub generated: bool,
    #[serde(default)]
    pub containment: bool,
    #[serde(default)]
    pub hierarchy: bool,
    pub role: Option<String>,
    pub sub_property_of: Option<String>,
    pub inverse_zh: Option<String>,
    pub inverse_en: Option<String>,
}

/// `readings.toml`: how heteronyms read in context.
#[derive(Debug, Default, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ReadingsFile {
    #[serde(default)]
    pub reading: Vec<Spanned<ReadingDecl>>,
}

/// One `[[reading]]`: a phrase and its tone-marked pinyin.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ReadingDecl {
    pub text: String,
    pub pinyin: String,
}

/// `reasons.toml`: inference reasons that recur, each written once.
#[derive(Debug, Default, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ReasonsFile {
    #[serde(default)]
    pub reason: Vec<Spanned<ReasonDecl>>,
}

/// One `[[reason]]`.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ReasonDecl {
    pub id: String,
    pub text: String,
}

/// `rules.toml`: the rules that derive relations from what the documents state.
#[derive(Debug, Default, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RulesFile {
    #[serde(default)]
    pub rule: Vec<Spanned<RuleDecl>>,
}

/// One `[[rule]]`.
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RuleDecl {
    pub id: String,
    pub sentence: String,
    pub pattern: RulePattern,
    pub role: String,
    pub derive: String,
    #[serde(default)]
    pub object_kinds: Vec<String>,
}

/// How a rule walks the graph; the rule's data says which role and which kind to derive.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum RulePattern {
    /// Each body responsible for a provision is linked to each object of the role there.
    ResponsibleToRole,
    /// Each object of the role is linked to the region the provision's document governs.
    RoleToDocumentRegion,
    /// The region the provision's document governs is linked to each object of the role.
    DocumentRegionToRole,
}

/// A file in `entities/`.
#[derive(Debug, Default, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct EntitiesFile {
    #[serde(default)]
    pub entity: Vec<Spanned<EntityDecl>>,
}

/// One `[[entity]]`.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct EntityDecl {
    /// Present while the item is a draft awaiting review (`sunan-kg draft` writes the rule
    /// that produced it); the loader skips it, and deleting the line accepts it.
    pub draft: Option<String>,
    pub id: String,
    pub kind: String,
    pub name: String,
    pub english: Option<String>,
    pub english_status: Option<EnglishStatus>,
    pub note: Option<String>,
    /// Why no document relates this entity to another named entity, when none does.
    pub unrelated: Option<String>,
    /// A collective party (各辖市、区政府): many bodies written as one.
    #[serde(default)]
    pub collective: bool,
}

/// A file in `documents/`.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct DocumentFile {
    pub document: Spanned<DocumentDecl>,
    #[serde(default)]
    pub section: Vec<Spanned<SectionDecl>>,
    #[serde(default)]
    pub task: Vec<Spanned<TaskDecl>>,
    #[serde(default)]
    pub target: Vec<Spanned<TargetDecl>>,
    #[serde(default)]
    pub sentence: Vec<Spanned<SentenceDecl>>,
}

impl DocumentFile {
    /// Every mention, with the sentence it is written in and that sentence's position.
    pub fn mentions(&self) -> impl Iterator<Item = (usize, &SentenceDecl, &Spanned<MentionDecl>)> {
        self.sentence.iter().enumerate().flat_map(|(at, s)| {
            s.get_ref()
                .mention
                .iter()
                .map(move |m| (at, s.get_ref(), m))
        })
    }

    /// Every relation, with the sentence it is written in and that sentence's position.
    pub fn relations(
        &self,
    ) -> impl Iterator<Item = (usize, &SentenceDecl, &Spanned<RelationStatement>)> {
        self.sentence.iter().enumerate().flat_map(|(at, s)| {
            s.get_ref()
                .relation
                .iter()
                .map(move |r| (at, s.get_ref(), r))
        })
    }
}

/// The `[document]` table.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct DocumentDecl {
    /// Present while the item is a draft awaiting review (`sunan-kg draft` writes the rule
    /// that produced it); the loader skips it, and deleting the line accepts it.
    pub draft: Option<String>,
    pub id: String,
    pub source: String,
    pub title: String,
    pub english_title: Option<String>,
    pub title_quote: String,
    pub issuer: String,
    pub issuer_quote: String,
    pub date: Option<toml::value::Datetime>,
    pub published: Option<toml::value::Datetime>,
    /// The year the document is for, when the text states it but prints no date.
    pub year: Option<i32>,
    /// The words of the source that state `year`.
    pub year_quote: Option<String>,
    pub number: Option<String>,
    pub region: String,
    pub script: Script,
}

/// One `[[section]]`.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct SectionDecl {
    /// Present while the item is a draft awaiting review (`sunan-kg draft` writes the rule
    /// that produced it); the loader skips it, and deleting the line accepts it.
    pub draft: Option<String>,
    pub key: String,
    #[serde(default)]
    pub number: String,
    pub title: String,
    pub parent: Option<String>,
}

/// One `[[task]]`.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct TaskDecl {
    /// Present while the item is a draft awaiting review (`sunan-kg draft` writes the rule
    /// that produced it); the loader skips it, and deleting the line accepts it.
    pub draft: Option<String>,
    pub key: String,
    pub number: String,
    pub section: Option<String>,
    pub title: String,
    #[serde(default)]
    pub responsible: Vec<String>,
    pub responsible_quote: Option<String>,
}

/// One `[[target]]`.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct TargetDecl {
    /// Present while the item is a draft awaiting review (`sunan-kg draft` writes the rule
    /// that produced it); the loader skips it, and deleting the line accepts it.
    pub draft: Option<String>,
    pub key: String,
    pub indicator: String,
    pub indicator_en: Option<String>,
    /// The id of the measure of `indicators.toml` the indicator states.
    pub measure: Option<String>,
    pub value: f64,
    pub unit: String,
    pub year: i32,
    pub region: String,
    pub task: Option<String>,
    pub section: Option<String>,
    pub quote: String,
    pub note: Option<String>,
}

/// One `[[sentence]]`: a quote of the document, written once, with every mention and relation
/// it states.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct SentenceDecl {
    /// Present while the item is a draft awaiting review (`sunan-kg draft` writes the rule
    /// that produced it); the loader skips it, and deleting the line accepts it.
    pub draft: Option<String>,
    pub task: Option<String>,
    pub section: Option<String>,
    pub quote: String,
    #[serde(default)]
    pub mention: Vec<Spanned<MentionDecl>>,
    #[serde(default)]
    pub relation: Vec<Spanned<RelationStatement>>,
}

/// One `[[sentence.mention]]`: the sentence names an entity.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct MentionDecl {
    /// Present while the item is a draft awaiting review (`sunan-kg draft` writes the rule
    /// that produced it); the loader skips it, and deleting the line accepts it.
    pub draft: Option<String>,
    pub entity: String,
    #[serde(rename = "as")]
    pub written_as: Option<String>,
    /// False when `as` is a shared or elliptical phrase (「常州、武进国家高新区」, 「中德」)
    /// rather than a name of this entity, so it must not become an alias.
    #[serde(default = "yes")]
    pub alias: bool,
    /// The action role the provision gives the entity (`instrument`, `carrier` …), as
    /// declared by a relation kind of the vocabulary; absent for a bare mention.
    pub role: Option<String>,
}

fn yes() -> bool {
    true
}

/// One `[[sentence.relation]]`: the sentence states (or implies) a relation.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RelationStatement {
    /// Present while the item is a draft awaiting review (`sunan-kg draft` writes the rule
    /// that produced it); the loader skips it, and deleting the line accepts it.
    pub draft: Option<String>,
    pub subject: String,
    pub kind: String,
    pub object: String,
    pub inferred: Option<String>,
    /// The id of a reason of `reasons.toml`, instead of writing a recurring `inferred` out.
    pub because: Option<String>,
    pub note: Option<String>,
}

/// `instruments.toml`: the policy-instrument code list.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct InstrumentsFile {
    pub scheme: SchemeDecl,
    #[serde(rename = "type")]
    pub types: Vec<Spanned<ConceptDecl>>,
    #[serde(rename = "tool")]
    pub tools: Vec<Spanned<ConceptDecl>>,
}

/// The `[scheme]` table of `instruments.toml`.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct SchemeDecl {
    pub id: String,
    pub zh: String,
    pub en: String,
    pub source: String,
    pub definition_zh: String,
    pub definition_en: String,
}

/// One `[[type]]` or `[[tool]]` of `instruments.toml`.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ConceptDecl {
    pub id: String,
    /// For a tool, the type it belongs to.
    #[serde(rename = "type")]
    pub instrument_type: Option<String>,
    /// For a narrower tool, the tool it refines.
    pub broader: Option<String>,
    pub zh: String,
    pub en: String,
    pub definition_zh: String,
    pub definition_en: String,
}

/// A file in `coding/`: the instrument codes of one document's provisions.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct CodingFile {
    pub document: Spanned<String>,
    #[serde(default)]
    pub code: Vec<Spanned<CodeDecl>>,
    #[serde(default)]
    pub uncoded: Vec<Spanned<UncodedDecl>>,
}

/// One `[[code]]`: a provision uses a tool, as the cue in the quote says.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct CodeDecl {
    /// Present while the item is a draft awaiting review (`sunan-kg draft` writes the rule
    /// that produced it); the loader skips it, and deleting the line accepts it.
    pub draft: Option<String>,
    pub task: Option<String>,
    pub section: Option<String>,
    pub tool: String,
    pub cue: String,
    pub quote: String,
    pub note: Option<String>,
}

/// One `[[uncoded]]`: a provision section that uses no instrument, and why.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct UncodedDecl {
    pub section: String,
    pub reason: String,
}

/// `indicators.toml`: what targets measure, so that differently worded targets compare.
#[derive(Debug, Default, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct IndicatorsFile {
    #[serde(default)]
    pub measure: Vec<Spanned<MeasureDecl>>,
}

/// One `[[measure]]`.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct MeasureDecl {
    pub id: String,
    pub zh: String,
    pub en: String,
    pub unit_kind: String,
    pub definition_en: String,
    pub note: Option<String>,
}
