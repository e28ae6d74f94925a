//! `sunan-kg draft`: a first version of the graph-data of a new policy text, for a curator to
//! review rather than type. From the source text and the graph it finds the document's
//! metadata where printed, its sections and numbered tasks (`segment`), each task's
//! responsible agencies resolved to the bodies of the document's city (`agencies`), the
//! quantitative targets (`targets`), every mention of a known entity (`mentions`), and new
//! entities the coverage patterns mark (`candidates`); `write` renders them as the files of
//! graph-data with every item marked `draft = "<rule>"`, and `bench` measures all of it
//! leave-one-out against the five curated documents.
//!
//! Every item carries a verbatim quote of the source: the text is folded to simplified script
//! position for position (`text`), and quotes are cut from the text as printed.

mod agencies;
mod bench;
mod candidates;
mod known;
mod mentions;
mod roles;
mod segment;
mod targets;
mod text;
mod write;

use std::collections::{HashMap, HashSet};

pub use bench::{BenchReport, DocumentScores, Score, evaluate};
pub use write::DraftFiles;

use self::agencies::Body;
use self::known::Known;
use self::text::Folded;
use crate::coverage::CoverageError;
use crate::data::{DataFiles, LoadError};
use crate::model::{Details, EntityIndex, Model, Script};
use crate::names::{ConverterError, ScriptConverter};
use crate::vocabulary::ids;

/// Why a draft could not be made or written.
#[derive(Debug, thiserror::Error)]
pub enum DraftError {
    /// The script converter could not be loaded.
    #[error(transparent)]
    Converter(#[from] ConverterError),
    /// The coverage patterns or ignore lists have problems.
    #[error(transparent)]
    Coverage(#[from] CoverageError),
    /// The graph-data the draft is compared with does not load.
    #[error(transparent)]
    Load(#[from] LoadError),
    /// The gazetteer could not be built.
    #[error("cannot build the gazetteer: {0}")]
    Gazetteer(#[from] aho_corasick::BuildError),
    /// `--city` names no region of the graph.
    #[error("--city {0:?} is not a Region of the graph")]
    UnknownCity(String),
    /// No `--city` was given and the text names no region of the graph.
    #[error("the text names no region of the graph: give --city REGION_ID")]
    NoCity,
    /// `--leave-out` names no document of the graph.
    #[error("--leave-out {0:?} is not a document of the graph")]
    UnknownDocument(String),
    /// The id is not a well-formed id.
    #[error("--id {0:?} must be lowercase ASCII letters, digits and single hyphens")]
    BadId(String),
    /// A draft file could not be written.
    #[error("cannot write {path}: {source}")]
    Write {
        /// The file.
        path: String,
        /// Why.
        #[source]
        source: std::io::Error,
    },
}

/// What to draft.
#[derive(Debug, Clone)]
pub struct DraftRequest<'a> {
    /// The new document's id (`changzhou-2019`).
    pub id: &'a str,
    /// The source file's name, as it is to be kept in `sources/`.
    pub source_file: &'a str,
    /// The source text.
    pub text: &'a str,
    /// The region the document governs (a Region id), or `None` to take the region the text
    /// names most often.
    pub city: Option<&'a str>,
    /// A curated document to leave out of the graph, as the benchmark does: its own entities
    /// and the forms only it writes are unknown to the draft.
    pub leave_out: Option<&'a str>,
}

/// A drafted document: every item with the rule that produced it and its quote.
#[derive(Debug, Clone)]
pub struct Draft {
    /// The document's id.
    pub id: String,
    /// The source file's name.
    pub source_file: String,
    /// The source text.
    pub source_text: String,
    /// The title and where it is printed, if found.
    pub title: Option<(String, String)>,
    /// The issuer (an entity id, known or proposed) and its quote, if found.
    pub issuer: Option<(String, String)>,
    /// The date of issue as printed (`2018-05-29`).
    pub date: Option<String>,
    /// The date of publication as printed.
    pub published: Option<String>,
    /// The region the document governs.
    pub region: String,
    /// The script of the source.
    pub script: Script,
    /// Sections, in text order.
    pub sections: Vec<SectionDraft>,
    /// Tasks, in text order.
    pub tasks: Vec<TaskDraft>,
    /// Targets, in text order.
    pub targets: Vec<TargetDraft>,
    /// Sentences naming entities, in text order.
    pub sentences: Vec<SentenceDraft>,
    /// Proposed new entities.
    pub entities: Vec<EntityDraft>,
}

/// A drafted section.
#[derive(Debug, Clone)]
pub struct SectionDraft {
    /// Its key.
    pub key: String,
    /// Its number as printed.
    pub number: String,
    /// Its title as printed (its quote).
    pub title: String,
    /// The key of its enclosing section.
    pub parent: Option<String>,
    /// The rule that made it.
    pub rule: &'static str,
}

/// A drafted task.
#[derive(Debug, Clone)]
pub struct TaskDraft {
    /// Its key.
    pub key: String,
    /// Its number as printed.
    pub number: String,
    /// The key of its section.
    pub section: Option<String>,
    /// Its title as printed (its quote).
    pub title: String,
    /// The responsible bodies: entity ids, known or proposed.
    pub responsible: Vec<String>,
    /// The 牵头单位 line as printed.
    pub responsible_quote: Option<String>,
    /// The rule that made it, and the rule that resolved its agencies.
    pub rule: String,
}

/// A drafted target.
#[derive(Debug, Clone)]
pub struct TargetDraft {
    /// Its key.
    pub key: String,
    /// The indicator as written (simplified).
    pub indicator: String,
    /// The measure of indicators.toml whose name is the indicator, if one is.
    pub measure: Option<String>,
    /// The number.
    pub value: f64,
    /// The unit.
    pub unit: String,
    /// The year.
    pub year: i32,
    /// The region (the document's).
    pub region: String,
    /// The key of its task, if it is in one.
    pub task: Option<String>,
    /// Else the key of its section.
    pub section: Option<String>,
    /// The quote.
    pub quote: String,
    /// The qualifier (以上, 左右), if written.
    pub qualifier: Option<String>,
    /// The rule that found it.
    pub rule: &'static str,
}

/// A drafted sentence.
#[derive(Debug, Clone)]
pub struct SentenceDraft {
    /// The key of its task, if it is in one.
    pub task: Option<String>,
    /// Else the key of its section.
    pub section: Option<String>,
    /// The sentence as printed.
    pub quote: String,
    /// What it names.
    pub mentions: Vec<MentionDraft>,
}

/// A drafted mention.
#[derive(Debug, Clone)]
pub struct MentionDraft {
    /// The entity id (known or proposed).
    pub entity: String,
    /// The form as printed, when it is not the entity's name.
    pub written_as: Option<String>,
    /// Whether the written form is a name of this entity alone.
    pub alias: bool,
    /// The action role proposed: what the provision does with the thing.
    pub role: Option<String>,
    /// The rule that found it, and the rule that proposed its role.
    pub rule: String,
}

/// A proposed new entity.
#[derive(Debug, Clone)]
pub struct EntityDraft {
    /// The proposed id.
    pub id: String,
    /// The proposed kind.
    pub kind: String,
    /// The proposed name (simplified).
    pub name: String,
    /// Its pinyin, for the reviewer to check the id against.
    pub pinyin: String,
    /// The rule that proposed it.
    pub rule: String,
}

/// Drafts a new document against the graph (less the document `request.leave_out`).
pub fn draft(
    model: &Model,
    files: &DataFiles,
    request: &DraftRequest<'_>,
) -> Result<Draft, DraftError> {
    let without = match request.leave_out {
        Some(id) => Some(
            model
                .index_of(id)
                .filter(|&e| matches!(model.entities[e].details, Details::Document(_)))
                .ok_or_else(|| DraftError::UnknownDocument(id.to_owned()))?,
        ),
        None => None,
    };
    draft_without(model, files, request, without)
}

/// Drafts a document against the graph, leaving out the document `without` (its own entities
/// and the forms only it writes) when given: the leave-one-out benchmark.
pub(crate) fn draft_without(
    model: &Model,
    files: &DataFiles,
    request: &DraftRequest<'_>,
    without: Option<EntityIndex>,
) -> Result<Draft, DraftError> {
    if !is_slug(request.id) {
        return Err(DraftError::BadId(request.id.to_owned()));
    }
    let converter = ScriptConverter::shared()?;
    let folded = Folded::new(request.text, converter);
    let city = match request.city {
        Some(id) => model
            .index_of(id)
            .filter(|&e| model.entities[e].kind == ids::REGION)
            .ok_or_else(|| DraftError::UnknownCity(id.to_owned()))?,
        None => most_named_region(model, &folded, converter).ok_or(DraftError::NoCity)?,
    };
    let known = Known::new(model, city, without)?;
    let mut builder = Builder {
        model,
        known: &known,
        proposals: Vec::new(),
        proposed_by_name: HashMap::new(),
        taken: HashSet::new(),
    };
    let title = document_title(&folded);
    let default_year = title.as_ref().and_then(|(t, _)| first_year(t));
    let headings = segment::outline(&folded);
    let mut sections = Vec::new();
    let mut tasks = Vec::new();
    let mut agency_spans = Vec::new();
    for heading in &headings {
        let title = folded.quote(heading.title.clone()).to_owned();
        if title.is_empty() {
            continue;
        }
        let parent = heading.parent.map(|p| headings[p].key.clone());
        if !heading.is_task() {
            sections.push(SectionDraft {
                key: heading.key.clone(),
                number: heading.number.clone(),
                title,
                parent,
                rule: heading.rule,
            });
            continue;
        }
        let lines = agencies::agency_lines(&folded, heading.start..heading.end, &known);
        let mut rule = heading.rule.to_owned();
        let (responsible, responsible_quote) = match lines.first() {
            Some(line) => {
                agency_spans.push(line.range.clone());
                let mut ids = Vec::new();
                let mut proposed = false;
                for body in &line.bodies {
                    let id = match body {
                        Body::Known(entity) => model.entities[*entity].id.clone(),
                        Body::Proposed { name, .. } => {
                            proposed = true;
                            builder.propose(
                                name,
                                candidates::kinds::GOVERNMENT_BODY,
                                agencies::rules::WITH_PROPOSALS,
                            )
                        }
                    };
                    if !ids.contains(&id) {
                        ids.push(id);
                    }
                }
                let agencies_rule = if proposed {
                    agencies::rules::WITH_PROPOSALS
                } else {
                    agencies::rules::RESOLVED
                };
                rule = format!("{rule} {agencies_rule}");
                (ids, Some(folded.quote(line.range.clone()).to_owned()))
            }
            None => (Vec::new(), None),
        };
        tasks.push(TaskDraft {
            key: heading.key.clone(),
            number: heading.number.clone(),
            section: parent,
            title,
            responsible,
            responsible_quote,
            rule,
        });
    }
    let place = |at: usize| -> (Option<String>, Option<String>) {
        let enclosing = headings
            .iter()
            .filter(|h| h.start <= at && at < h.end && !folded.quote(h.title.clone()).is_empty())
            .max_by_key(|h| h.start);
        match enclosing {
            Some(h) if h.is_task() => (Some(h.key.clone()), None),
            Some(h) => (None, Some(h.key.clone())),
            None => (None, None),
        }
    };
    let region = model.entities[city].id.clone();
    let measures: HashMap<String, String> = model
        .measures
        .iter()
        .map(|m| (indicator_key(&known.fold(&m.zh)), m.id.clone()))
        .collect();
    let targets = targets::targets(&folded, default_year)
        .into_iter()
        .enumerate()
        .map(|(n, found)| {
            let (task, section) = place(found.range.start);
            TargetDraft {
                key: format!("target-{}", n + 1),
                measure: measures
                    .get(&indicator_key(&known.fold(&found.indicator)))
                    .cloned(),
                indicator: found.indicator,
                value: found.value,
                unit: found.unit,
                year: found.year,
                region: region.clone(),
                task,
                section,
                quote: folded.quote(found.range).to_owned(),
                qualifier: found.qualifier,
                rule: targets::RULE,
            }
        })
        .collect();
    let roles = roles::RolesByKind::learn(model, without);
    let mut sentences: Vec<(std::ops::Range<usize>, Vec<MentionDraft>)> = Vec::new();
    for sentence in mentions::sentences(&folded, &known, &agency_spans) {
        let drafts = sentence
            .mentions
            .iter()
            .map(|m| {
                let entity = &model.entities[m.entity];
                let printed = folded.quote(m.range.clone());
                let role = roles.propose(&entity.kind);
                let rule = match &role {
                    Some((_, role_rule)) => format!("{} {role_rule}", m.kind.rule()),
                    None => m.kind.rule().to_owned(),
                };
                MentionDraft {
                    entity: entity.id.clone(),
                    written_as: (printed != entity.name).then(|| printed.to_owned()),
                    alias: m.kind != known::FormKind::Relative,
                    role: role.map(|(role, _)| role),
                    rule,
                }
            })
            .collect();
        sentences.push((sentence.range, drafts));
    }
    let spans = crate::coverage::name_spans(files, request.id, &folded.chars)?;
    for candidate in candidates::candidates(&folded.chars, &spans, &known) {
        let id = builder.propose(&candidate.name, candidate.kind, &candidate.rule);
        let printed = folded.quote(candidate.range.clone());
        let role = roles.propose(candidate.kind);
        let rule = match &role {
            Some((_, role_rule)) => format!("{} {role_rule}", candidate.rule),
            None => candidate.rule.clone(),
        };
        let mention = MentionDraft {
            entity: id,
            written_as: (printed != candidate.name).then(|| printed.to_owned()),
            alias: candidate.written == candidate.name,
            role: role.map(|(role, _)| role),
            rule,
        };
        match sentences.iter_mut().find(|(range, _)| {
            range.start <= candidate.range.start && candidate.range.end <= range.end
        }) {
            Some((_, mentions)) => {
                if !mentions.iter().any(|m| m.entity == mention.entity) {
                    mentions.push(mention);
                }
            }
            None => {
                let range = mentions::sentence_around(&folded, candidate.range.start);
                sentences.push((range, vec![mention]));
            }
        }
    }
    sentences.sort_by_key(|(range, _)| range.start);
    // A sentence printed twice (a title in the notice and above the text) is quoted once,
    // since a quote is found at its first occurrence anyway.
    let mut drafted: Vec<SentenceDraft> = Vec::new();
    for (range, mentions) in sentences {
        let quote = folded.quote(range.clone()).to_owned();
        if let Some(earlier) = drafted.iter_mut().find(|s| s.quote == quote) {
            for mention in mentions {
                if !earlier.mentions.iter().any(|m| m.entity == mention.entity) {
                    earlier.mentions.push(mention);
                }
            }
            continue;
        }
        let (task, section) = place(range.start);
        drafted.push(SentenceDraft {
            task,
            section,
            quote,
            mentions,
        });
    }
    let sentences = drafted;
    let issuer = issuer(&folded, &mut builder);
    let (date, published) = dates(&folded);
    let entities = builder.proposals;
    Ok(Draft {
        id: request.id.to_owned(),
        source_file: request.source_file.to_owned(),
        source_text: request.text.to_owned(),
        title,
        issuer,
        date,
        published,
        region,
        script: if folded.traditional {
            Script::Traditional
        } else {
            Script::Simplified
        },
        sections,
        tasks,
        targets,
        sentences,
        entities,
    })
}

/// Collects proposed entities, each name once, with ids unique in the graph.
struct Builder<'a, 'm> {
    model: &'m Model,
    known: &'a Known<'m>,
    proposals: Vec<EntityDraft>,
    proposed_by_name: HashMap<String, String>,
    taken: HashSet<String>,
}

impl Builder<'_, '_> {
    /// The id of the proposed entity named `name`, proposing it if it is new.
    fn propose(&mut self, name: &str, kind: &str, rule: &str) -> String {
        if let Some((entity, _)) = self.known.resolve(name) {
            return self.model.entities[entity].id.clone();
        }
        if let Some(id) = self.proposed_by_name.get(name) {
            return id.clone();
        }
        let model = self.model;
        let taken = &self.taken;
        let id = candidates::proposed_id(name, self.known, &|id| {
            model.index_of(id).is_some() || taken.contains(id)
        });
        self.taken.insert(id.clone());
        self.proposed_by_name.insert(name.to_owned(), id.clone());
        self.proposals.push(EntityDraft {
            id: id.clone(),
            kind: kind.to_owned(),
            name: name.to_owned(),
            pinyin: crate::names::pinyin(name),
            rule: rule.to_owned(),
        });
        id
    }
}

/// Endings of a document's title (folded).
const TITLE_ENDINGS: [&str; 8] = [
    "要点", "计划", "方案", "意见", "规划", "办法", "细则", "通知",
];

/// The rule id of the document's metadata.
const METADATA_RULE: &str = "metadata:printed";

/// The title: what 「关于印发…的通知」 announces, or else the first short line ending as titles
/// end; with the quote where it is printed.
fn document_title(text: &Folded<'_>) -> Option<(String, String)> {
    for line in text.lines() {
        let folded = text.folded(line.clone());
        let trimmed = folded.trim();
        if let Some(rest) = trimmed.strip_prefix("关于印发")
            && let Some(inner) = rest.strip_suffix("的通知")
        {
            let offset = line.start
                + folded
                    .find("关于印发")
                    .map_or(0, |b| folded[..b].chars().count())
                + 4;
            let range = offset..offset + inner.chars().count();
            let printed = text.quote(range).to_owned();
            return Some((printed.clone(), printed));
        }
    }
    for line in text.lines() {
        let folded = text.folded(line.clone());
        let trimmed = folded.trim();
        if trimmed.chars().count() <= 60 && TITLE_ENDINGS.iter().any(|e| trimmed.ends_with(e)) {
            let printed = text.quote(line).to_owned();
            return Some((printed.clone(), printed));
        }
    }
    None
}

/// The first year (20xx) written in a text.
fn first_year(text: &str) -> Option<i32> {
    let chars: Vec<char> = text.chars().collect();
    chars.windows(4).enumerate().find_map(|(i, w)| {
        let number: String = w.iter().collect();
        let before_ok = i == 0 || !chars[i - 1].is_ascii_digit();
        let after_ok = !chars.get(i + 4).is_some_and(char::is_ascii_digit);
        (before_ok && after_ok && number.starts_with("20"))
            .then(|| number.parse().ok())
            .flatten()
    })
}

/// The issuer: the line printed just before the first date of issue, if the graph knows it
/// or it reads as a body's name.
fn issuer(text: &Folded<'_>, builder: &mut Builder<'_, '_>) -> Option<(String, String)> {
    let lines = text.lines();
    let date_line = lines
        .iter()
        .position(|l| date_in(&text.folded(l.clone())).is_some())?;
    let line = lines[..date_line]
        .iter()
        .rev()
        .find(|l| !text.folded((*l).clone()).trim().is_empty())?;
    let printed = text.quote(line.clone()).to_owned();
    if printed.chars().count() > 40 {
        return None;
    }
    let folded = builder.known.fold(&printed);
    let id = builder.propose(&folded, candidates::kinds::GOVERNMENT_BODY, METADATA_RULE);
    Some((id, printed))
}

/// The date of issue (the first 「2018年5月29日」) and of publication (「发布时间:2018-06-12」).
fn dates(text: &Folded<'_>) -> (Option<String>, Option<String>) {
    let mut issued = None;
    let mut published = None;
    for line in text.lines() {
        let folded = text.folded(line);
        if published.is_none()
            && let Some(at) = folded.find("发布时间")
        {
            let digits: String = folded[at..]
                .chars()
                .skip_while(|c| !c.is_ascii_digit())
                .take_while(|c| c.is_ascii_digit() || *c == '-')
                .collect();
            if digits.len() == 10 {
                published = Some(digits);
            }
        }
        if issued.is_none() {
            issued = date_in(&folded);
        }
    }
    (issued, published)
}

/// A date written 「2018年5月29日」 alone on its line, as ISO 8601.
fn date_in(line: &str) -> Option<String> {
    let line = line.trim();
    let (year, rest) = line.split_once('年')?;
    let (month, rest) = rest.split_once('月')?;
    let day = rest.strip_suffix('日')?;
    let (year, month, day): (u32, u32, u32) =
        (year.parse().ok()?, month.parse().ok()?, day.parse().ok()?);
    ((2000..2100).contains(&year) && (1..=12).contains(&month) && (1..=31).contains(&day))
        .then(|| format!("{year:04}-{month:02}-{day:02}"))
}

/// The region the text names most often.
fn most_named_region(
    model: &Model,
    text: &Folded<'_>,
    converter: &ScriptConverter,
) -> Option<EntityIndex> {
    let folded: String = text.chars.iter().collect();
    (0..model.entities.len())
        .filter(|&e| {
            model.entities[e].kind == ids::REGION
                && matches!(model.entities[e].details, Details::None)
        })
        .map(|e| {
            (
                e,
                folded
                    .matches(&converter.simplified(&model.entities[e].name))
                    .count(),
            )
        })
        .filter(|(_, n)| *n > 0)
        .max_by_key(|(_, n)| *n)
        .map(|(e, _)| e)
}

/// An indicator as compared with the measures of indicators.toml: without the particle 的,
/// which the texts write or leave out in the same indicator.
fn indicator_key(folded: &str) -> String {
    folded.replace('的', "")
}

/// Whether an id is well formed (the loader's rule).
fn is_slug(id: &str) -> bool {
    !id.is_empty()
        && id.len() <= 60
        && id.split('-').all(|part| {
            !part.is_empty()
                && part
                    .bytes()
                    .all(|b| b.is_ascii_lowercase() || b.is_ascii_digit())
        })
}
