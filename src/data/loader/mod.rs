//! Turns the files of a graph-data folder into a validated [`Model`], or into the complete list
//! of problems found. Validation happens before anything is built, so a model that exists is a
//! model whose every reference resolves and whose every quote is in its source.
//!
//! The loader reads in this order: the vocabulary and the shared tables (`reasons`,
//! `readings`, `measures`), the declared `entities`, the `structure` of every document, what each document
//! states (`facts`), what the rules `derive` from it, and the instrument `coding`; the checks over the whole graph come
//! last, in this file.

mod coding;
mod derive;
mod entities;
mod facts;
mod measures;
mod readings;
mod reasons;
mod structure;

use std::collections::{HashMap, HashSet};
use std::ops::Range;

use serde::de::DeserializeOwned;

use super::files::DataFiles;
use super::raw::{DocumentFile, VocabularyFile};
use super::vocabulary_file;
use super::{LoadError, Problem};
use crate::model::{
    Entity, EntityIndex, Evidence, Instruments, Measure, Model, Relation, SourceText,
};
use crate::names::ScriptConverter;
use crate::vocabulary::Vocabulary;

const VOCABULARY_FILE: &str = "vocabulary.toml";
const ENTITIES_FOLDER: &str = "entities";
const DOCUMENTS_FOLDER: &str = "documents";
const SOURCES_FOLDER: &str = "sources";
const RULES_FILE: &str = "rules.toml";
const READINGS_FILE: &str = "readings.toml";
const REASONS_FILE: &str = "reasons.toml";
const INSTRUMENTS_FILE: &str = "instruments.toml";
const CODING_FOLDER: &str = "coding";
const INDICATORS_FILE: &str = "indicators.toml";
const MAX_ID_LEN: usize = 80;

/// Loads and validates every file of a graph-data folder.
pub fn load(files: &DataFiles) -> Result<Model, LoadError> {
    let mut loader = Loader {
        files,
        problems: Vec::new(),
        entities: Vec::new(),
        by_id: HashMap::new(),
        relations: Vec::new(),
        relation_keys: HashMap::new(),
        sources: HashMap::new(),
        rules: Vec::new(),
        name_index: HashMap::new(),
        reasons: HashMap::new(),
        instruments: Instruments::default(),
        measures: Vec::new(),
        draft_documents: HashSet::new(),
    };
    let vocabulary = loader.vocabulary();
    let readings = loader.readings();
    loader.reasons();
    loader.measures();
    if let Some(vocabulary) = &vocabulary {
        loader.declared_entities(vocabulary);
        let documents = loader.parse_documents();
        loader.documents(vocabulary, documents);
        loader.derive(vocabulary);
        loader.instruments();
        loader.check_every_entity_is_named();
        loader.check_every_reason_is_cited();
    }
    match vocabulary {
        Some(vocabulary) if loader.problems.is_empty() => {
            let converter = ScriptConverter::shared().map_err(|e| {
                let cause = std::error::Error::source(&e).map(ToString::to_string);
                let reason = format!("{e}: {}", cause.unwrap_or_default());
                LoadError::single("OpenCC".into(), 0, reason)
            })?;
            let mut origins = Vec::with_capacity(loader.entities.len());
            let entities = loader
                .entities
                .into_iter()
                .map(|(mut entity, origin)| {
                    entity.traditional = converter.traditional(&entity.name);
                    entity.pinyin = readings.pinyin(&entity.name);
                    origins.push(origin);
                    entity
                })
                .collect();
            let model = Model::new(
                vocabulary,
                entities,
                loader.relations,
                loader.sources,
                loader.rules,
                loader.instruments,
                loader.measures,
            );
            let stale = stale_unrelated_notes(&model, &origins);
            if stale.is_empty() {
                Ok(model)
            } else {
                Err(LoadError { problems: stale })
            }
        }
        _ => Err(LoadError {
            problems: loader.problems,
        }),
    }
}

/// An `unrelated` note on an entity that relates to another named entity after all says
/// something false: each is a problem.
fn stale_unrelated_notes(model: &Model, origins: &[Origin]) -> Vec<Problem> {
    let unrelated: HashSet<EntityIndex> = model.unrelated_entities().into_iter().collect();
    model
        .entities
        .iter()
        .enumerate()
        .filter(|(i, e)| e.unrelated.is_some() && !unrelated.contains(i))
        .map(|(i, e)| Problem {
            file: origins[i].file.clone(),
            line: origins[i].line,
            reason: format!(
                "entity {}: unrelated says the text relates it to nothing, but a relation links it to another named entity; remove the note",
                e.id
            ),
        })
        .collect()
}

/// Where in the data an entity came from, to report problems about it.
#[derive(Clone)]
struct Origin {
    file: String,
    line: usize,
}

struct Loader<'a> {
    files: &'a DataFiles,
    problems: Vec<Problem>,
    entities: Vec<(Entity, Origin)>,
    by_id: HashMap<String, EntityIndex>,
    relations: Vec<Relation>,
    relation_keys: HashMap<(EntityIndex, String, EntityIndex), usize>,
    sources: HashMap<EntityIndex, SourceText>,
    rules: Vec<crate::model::Rule>,
    /// The names and aliases of named entities (not document parts), to refuse a name that
    /// would resolve to two of them.
    name_index: HashMap<String, EntityIndex>,
    /// The reasons of `reasons.toml` by id, with whether a relation cites them.
    reasons: HashMap<String, (String, bool)>,
    /// The code list and the codes read so far.
    instruments: Instruments,
    /// The measures of `indicators.toml`, in file order.
    measures: Vec<Measure>,
    /// The ids of documents whose `[document]` is still a draft: skipped with their coding.
    draft_documents: HashSet<String>,
}

/// One parsed document file with what is needed to report problems in it.
struct ParsedDocument<'a> {
    path: &'a str,
    text: &'a str,
    file: DocumentFile,
}

/// The context of the document being loaded: its entity, its source text and its keys.
struct DocumentScope<'a> {
    path: &'a str,
    text: &'a str,
    document: EntityIndex,
    script: crate::model::Script,
    source: Option<SourceText>,
    sections: HashMap<String, EntityIndex>,
    tasks: HashMap<String, EntityIndex>,
    /// Line numbers of the document file.
    lines: LineIndex,
    /// Quotes already found in the source: a sentence is quoted once for each of its mentions
    /// and relations, and searching a long source again for each costs more than the rest.
    found: std::cell::RefCell<HashMap<String, Range<usize>>>,
}

/// The line of any byte offset of one file, by binary search over its line ends (counting
/// newlines from the start for every entity was quadratic in the size of a file).
pub(super) struct LineIndex {
    newlines: Vec<usize>,
}

impl LineIndex {
    pub(super) fn new(text: &str) -> Self {
        Self {
            newlines: text
                .bytes()
                .enumerate()
                .filter(|&(_, b)| b == b'\n')
                .map(|(i, _)| i)
                .collect(),
        }
    }

    /// The 1-based line of `offset`.
    pub(super) fn line_of(&self, offset: usize) -> usize {
        self.newlines.partition_point(|&n| n < offset) + 1
    }
}

impl<'a> Loader<'a> {
    fn problem(&mut self, path: &str, text: &str, span: Option<Range<usize>>, reason: String) {
        self.problems.push(Problem {
            file: self.files.display_path(path),
            line: span.map_or(0, |s| line_of(text, s.start)),
            reason,
        });
    }

    fn parse<T: DeserializeOwned>(&mut self, path: &str, text: &str) -> Option<T> {
        match toml::from_str(text) {
            Ok(value) => Some(value),
            Err(error) => {
                let reason = error.message().to_owned();
                self.problem(path, text, error.span(), reason);
                None
            }
        }
    }

    fn vocabulary(&mut self) -> Option<Vocabulary> {
        let Some(text) = self.files.get(VOCABULARY_FILE) else {
            self.problem(VOCABULARY_FILE, "", None, "file is missing".to_owned());
            return None;
        };
        let file: VocabularyFile = self.parse(VOCABULARY_FILE, text)?;
        let (vocabulary, problems) = vocabulary_file::read(file);
        for (span, reason) in problems {
            self.problem(VOCABULARY_FILE, text, span, reason);
        }
        Some(vocabulary)
    }

    /// Adds an entity, refusing a malformed or duplicate id.
    fn add_entity(&mut self, entity: Entity, origin: Origin) -> Option<EntityIndex> {
        if !is_slug(&entity.id) {
            let reason = format!(
                "id {:?} must be lowercase ASCII letters, digits and single hyphens, at most {MAX_ID_LEN} characters",
                entity.id
            );
            self.problems.push(Problem {
                file: origin.file,
                line: origin.line,
                reason,
            });
            return None;
        }
        if let Some(&other) = self.by_id.get(&entity.id) {
            let first = &self.entities[other].1;
            let reason = format!(
                "duplicate id {:?} (first declared at {}:{})",
                entity.id, first.file, first.line
            );
            self.problems.push(Problem {
                file: origin.file,
                line: origin.line,
                reason,
            });
            return None;
        }
        let index = self.entities.len();
        self.by_id.insert(entity.id.clone(), index);
        self.entities.push((entity, origin));
        Some(index)
    }

    /// Adds a relation, or adds the evidence to the existing relation with the same ends and kind.
    fn add_relation(
        &mut self,
        subject: EntityIndex,
        kind: &str,
        object: EntityIndex,
        evidence: Evidence,
    ) {
        let key = (subject, kind.to_owned(), object);
        match self.relation_keys.get(&key) {
            Some(&index) => {
                let relation = &mut self.relations[index];
                if !relation.evidence.contains(&evidence) {
                    relation.evidence.push(evidence);
                }
            }
            None => {
                self.relation_keys.insert(key, self.relations.len());
                self.relations.push(Relation {
                    subject,
                    kind: kind.to_owned(),
                    object,
                    evidence: vec![evidence],
                });
            }
        }
    }

    /// Another named entity (not a document part, whose title may repeat a name) that already
    /// has `name` as its name or one of its aliases.
    fn name_owner(&self, name: &str, entity: EntityIndex) -> Option<&str> {
        self.name_index
            .get(name)
            .filter(|&&owner| owner != entity)
            .map(|&owner| self.entities[owner].0.id.as_str())
    }

    fn check_every_entity_is_named(&mut self) {
        let unnamed: Vec<Problem> = self
            .entities
            .iter()
            .filter(|(entity, _)| entity.evidence.is_empty())
            .map(|(entity, origin)| Problem {
                file: origin.file.clone(),
                line: origin.line,
                reason: format!(
                    "entity {} is named by no document: add a [[sentence.mention]] of it",
                    entity.id
                ),
            })
            .collect();
        // An entity whose own quote failed is already reported; say it once.
        let reported: HashSet<(String, usize)> = self
            .problems
            .iter()
            .map(|p| (p.file.clone(), p.line))
            .collect();
        self.problems.extend(
            unnamed
                .into_iter()
                .filter(|p| !reported.contains(&(p.file.clone(), p.line))),
        );
    }
}

/// The 1-based line of a byte offset.
fn line_of(text: &str, offset: usize) -> usize {
    text.as_bytes()[..offset.min(text.len())]
        .iter()
        .filter(|&&b| b == b'\n')
        .count()
        + 1
}

fn is_slug(id: &str) -> bool {
    !id.is_empty()
        && id.len() <= MAX_ID_LEN
        && id.split('-').all(|part| {
            !part.is_empty()
                && part
                    .bytes()
                    .all(|b| b.is_ascii_lowercase() || b.is_ascii_digit())
        })
}
