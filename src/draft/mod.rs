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
mod items;
mod known;
mod mentions;
mod metadata;
mod roles;
mod segment;
mod targets;
mod text;
mod write;

use std::collections::{HashMap, HashSet};

pub use bench::{BenchReport, DocumentScores, Score, evaluate};
pub use items::{
    Draft, EntityDraft, MentionDraft, SectionDraft, SentenceDraft, TargetDraft, TaskDraft,
};
pub use write::DraftFiles;

use self::agencies::Body;
use self::known::Known;
use self::metadata::{dates, document_title, first_year, issuer, most_named_region};
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
