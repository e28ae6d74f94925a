//! `sunan-kg draft`: a first version of the graph-data of a new policy text, for a curator to
//! review rather than type. From the source text and the graph it finds the document's
//! metadata where printed, its sections and numbered tasks (`segment`), each task's
//! responsible agencies resolved to the bodies of the document's city (`agencies`), the
//! quantitative targets (`targets`), every mention of a known entity (`mentions`), new
//! entities from names' endings, quotes, titles and lists (`candidates`, `lists`), relations
//! by the patterns of `graph-data/drafting.toml` (`patterns`, `relations`) and instrument
//! codes by the curated cues (`codes`); `write` renders them as the files of graph-data with
//! every item marked `draft = "<rule>"`, and `bench` measures all of it leave-one-out against
//! the five curated documents.
//!
//! Every item carries a verbatim quote of the source: the text is folded to simplified script
//! position for position (`text`), and quotes are cut from the text as printed.

mod agencies;
mod bench;
mod builder;
mod candidates;
mod codes;
mod items;
mod known;
mod lists;
mod mentions;
mod metadata;
mod patterns;
mod relations;
mod roles;
mod score;
mod segment;
mod targets;
mod text;
mod write;

use std::collections::HashMap;

pub use bench::{BenchReport, DocumentScores, evaluate};
pub use items::{
    CodeDraft, Draft, EntityDraft, MentionDraft, RelationDraft, SectionDraft, SentenceDraft,
    TargetDraft, TaskDraft,
};
pub use score::{Miss, Score};
pub use write::DraftFiles;

use self::builder::{Builder, FoundSentence};
use self::known::Known;
use self::metadata::{dates, document_title, first_year, issuer, most_named_region};
use self::relations::Placed;
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
    /// `drafting.toml` has a problem.
    #[error("{file}{}: {reason}", line.map(|l| format!(":{l}")).unwrap_or_default())]
    Patterns {
        /// The file.
        file: String,
        /// The line, where known.
        line: Option<usize>,
        /// What is wrong.
        reason: String,
    },
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

/// Checks `drafting.toml`, the endings and relation patterns a draft reads a text with, as
/// `sunan-kg check` does: a problem names the file and line.
pub fn check_patterns(files: &DataFiles, model: &Model) -> Result<(), DraftError> {
    patterns::DraftingPatterns::read(files, model).map(|_| ())
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
    let drafting = patterns::DraftingPatterns::read(files, model)?;
    let mut builder = Builder::new(model, &known);
    let title = document_title(&folded);
    let default_year = title.as_ref().and_then(|(t, _)| first_year(t));
    let headings = segment::outline(&folded);
    let mut sections = Vec::new();
    let mut tasks = Vec::new();
    let mut agency_spans = Vec::new();
    // The agency lines that name bodies the graph does not know: each is quoted as a sentence
    // that mentions them, so that what their names say (常州市科技局 is in 常州) is drafted.
    let mut agency_sentences: Vec<FoundSentence> = Vec::new();
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
                let (ids, sentence) = builder.responsible_bodies(&folded, line);
                let proposed = !sentence.mentions.is_empty();
                if proposed {
                    agency_sentences.push(sentence);
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
    let found_targets = targets::targets(&folded, default_year);
    let target_ranges: Vec<std::ops::Range<usize>> =
        found_targets.iter().map(|t| t.range.clone()).collect();
    let codes =
        codes::Cues::learn(model, without)?.suggest_codes(&folded, &headings, &target_ranges);
    let targets = found_targets
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
    let mut sentences: Vec<FoundSentence> = Vec::new();
    for sentence in mentions::sentences(&folded, &known, &agency_spans) {
        let mut found = FoundSentence::new(sentence.range);
        for m in &sentence.mentions {
            let entity = &model.entities[m.entity];
            let printed = folded.quote(m.range.clone());
            let role = roles.propose(&entity.kind);
            let rule = match &role {
                Some((_, role_rule)) => format!("{} {role_rule}", m.kind.rule()),
                None => m.kind.rule().to_owned(),
            };
            found.add(
                MentionDraft {
                    entity: entity.id.clone(),
                    written_as: (printed != entity.name).then(|| printed.to_owned()),
                    alias: m.kind != known::FormKind::Relative,
                    role: role.map(|(role, _)| role),
                    rule,
                },
                Placed {
                    id: entity.id.clone(),
                    entity: Some(m.entity),
                    kind: entity.kind.clone(),
                    name: known.fold(&entity.name),
                    range: m.range.clone(),
                },
            );
        }
        sentences.push(found);
    }
    let own_title = title.as_ref().map(|(t, _)| known.fold(t));
    let found_candidates = new_entity_candidates(
        &folded,
        files,
        request.id,
        &known,
        &drafting,
        own_title.as_deref(),
    )?;
    for candidate in found_candidates {
        let id = builder.propose(&candidate.name, &candidate.kind, &candidate.rule);
        let printed = folded.quote(candidate.range.clone());
        let role = roles.propose(&candidate.kind);
        let rule = match &role {
            Some((_, role_rule)) => format!("{} {role_rule}", candidate.rule),
            None => candidate.rule.clone(),
        };
        let mention = MentionDraft {
            entity: id.clone(),
            written_as: (printed != candidate.name).then(|| printed.to_owned()),
            alias: candidate.written == candidate.name,
            role: role.map(|(role, _)| role),
            rule,
        };
        let placed = Placed {
            id,
            entity: None,
            kind: candidate.kind.clone(),
            name: candidate.name.clone(),
            range: candidate.range.clone(),
        };
        match sentences
            .iter_mut()
            .find(|s| s.range.start <= candidate.range.start && candidate.range.end <= s.range.end)
        {
            Some(sentence) => sentence.add(mention, placed),
            None => {
                let range = mentions::sentence_around(&folded, candidate.range.start);
                let mut found = FoundSentence::new(range);
                found.add(mention, placed);
                sentences.push(found);
            }
        }
    }
    sentences.extend(agency_sentences);
    sentences.sort_by_key(|s| s.range.start);
    let mut patterns = relations::RelationPatterns::new(&drafting.relations, model, without);
    // A sentence printed twice (a title in the notice and above the text) is quoted once,
    // since a quote is found at its first occurrence anyway.
    let mut drafted: Vec<SentenceDraft> = Vec::new();
    for mut found in sentences {
        found.placed.sort_by_key(|p| p.range.start);
        let relations = patterns.propose(&folded, &found.placed, &known);
        let quote = folded.quote(found.range.clone()).to_owned();
        if let Some(earlier) = drafted.iter_mut().find(|s| s.quote == quote) {
            for mention in found.mentions {
                if !earlier.mentions.iter().any(|m| m.entity == mention.entity) {
                    earlier.mentions.push(mention);
                }
            }
            for relation in relations {
                if !earlier.relations.contains(&relation) {
                    earlier.relations.push(relation);
                }
            }
            continue;
        }
        let (task, section) = place(found.range.start);
        drafted.push(SentenceDraft {
            task,
            section,
            quote,
            mentions: found.mentions,
            relations,
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
        codes,
    })
}

/// The new entities a text names, each name once: titles in 《…》 first, then the names the
/// coverage patterns and the scanned endings mark, then the items of lists.
fn new_entity_candidates(
    folded: &Folded<'_>,
    files: &DataFiles,
    document: &str,
    known: &Known<'_>,
    drafting: &patterns::DraftingPatterns,
    own_title: Option<&str>,
) -> Result<Vec<candidates::Candidate>, DraftError> {
    let chars = &folded.chars;
    let mut spans = crate::coverage::name_spans(files, document, chars)?;
    spans.extend(candidates::scanned_spans(chars, drafting));
    let mut found = candidates::titles(chars, known, own_title);
    let more = candidates::candidates(chars, &spans, known, drafting)
        .into_iter()
        .chain(lists::listed_industries(chars, known))
        .chain(lists::listed_with_shared_ending(chars, known, drafting));
    for candidate in more {
        if !found.iter().any(|c| c.name == candidate.name) {
            found.push(candidate);
        }
    }
    Ok(found)
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
