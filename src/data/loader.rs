//! Turns the files of a graph-data folder into a validated [`Model`], or into the complete list
//! of problems found. Validation happens before anything is built, so a model that exists is a
//! model whose every reference resolves and whose every quote is in its source.

use std::collections::{HashMap, HashSet};
use std::ops::Range;

use serde::de::DeserializeOwned;
use toml::Spanned;

use super::files::DataFiles;
use super::quote::{SourceText, compact};
use super::raw::{
    DocumentFile, EntitiesFile, ReadingsFile, ReasonsFile, RulesFile, VocabularyFile,
};
use super::rules;
use super::vocabulary_file;
use super::{LoadError, Problem};
use crate::model::{
    Alias, Basis, Details, DocumentDetails, EnglishName, Entity, EntityIndex, Evidence, Model,
    ProvisionDetails, Relation, TargetDetails,
};
use crate::names::{Readings, ScriptConverter};
use crate::vocabulary::{Vocabulary, ids};

const VOCABULARY_FILE: &str = "vocabulary.toml";
const ENTITIES_FOLDER: &str = "entities";
const DOCUMENTS_FOLDER: &str = "documents";
const SOURCES_FOLDER: &str = "sources";
const RULES_FILE: &str = "rules.toml";
const READINGS_FILE: &str = "readings.toml";
const REASONS_FILE: &str = "reasons.toml";
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
    };
    let vocabulary = loader.vocabulary();
    let readings = loader.readings();
    loader.reasons();
    if let Some(vocabulary) = &vocabulary {
        loader.declared_entities(vocabulary);
        let documents = loader.parse_documents();
        loader.documents(vocabulary, documents);
        loader.derive(vocabulary);
        loader.check_every_entity_is_named();
        loader.check_every_reason_is_cited();
    }
    match vocabulary {
        Some(vocabulary) if loader.problems.is_empty() => {
            let converter = ScriptConverter::shared()
                .map_err(|e| LoadError::single("OpenCC".into(), 0, e.to_string()))?;
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

    /// The recurring inference reasons of an optional `reasons.toml`.
    fn reasons(&mut self) {
        let Some(text) = self.files.get(REASONS_FILE) else {
            return;
        };
        let Some(file) = self.parse::<ReasonsFile>(REASONS_FILE, text) else {
            return;
        };
        for reason in file.reason {
            let span = reason.span();
            let decl = reason.into_inner();
            let problem = if !is_slug(&decl.id) {
                Some(format!(
                    "reason id {:?} must be lowercase ASCII words joined by hyphens",
                    decl.id
                ))
            } else if decl.text.trim().is_empty() {
                Some(format!("reason {}: text is empty", decl.id))
            } else if self.reasons.contains_key(&decl.id) {
                Some(format!("reason {} is declared twice", decl.id))
            } else {
                None
            };
            match problem {
                Some(reason) => self.problem(REASONS_FILE, text, Some(span), reason),
                None => {
                    self.reasons.insert(decl.id, (decl.text, false));
                }
            }
        }
    }

    /// A reason no relation cites is stale: it would only mislead the next curator.
    fn check_every_reason_is_cited(&mut self) {
        let Some(text) = self.files.get(REASONS_FILE) else {
            return;
        };
        let mut stale: Vec<&String> = self
            .reasons
            .iter()
            .filter(|(_, (_, cited))| !cited)
            .map(|(id, _)| id)
            .collect();
        stale.sort();
        let problems: Vec<Problem> = stale
            .into_iter()
            .map(|id| Problem {
                file: self.files.display_path(REASONS_FILE),
                line: text
                    .find(&format!("id = \"{id}\""))
                    .map_or(0, |offset| line_of(text, offset)),
                reason: format!("reason {id} is cited by no relation; delete it"),
            })
            .collect();
        self.problems.extend(problems);
    }

    /// The readings of heteronyms in context, from an optional `readings.toml`.
    fn readings(&mut self) -> Readings {
        let mut readings = Readings::default();
        let Some(text) = self.files.get(READINGS_FILE) else {
            return readings;
        };
        let Some(file) = self.parse::<ReadingsFile>(READINGS_FILE, text) else {
            return readings;
        };
        for reading in file.reading {
            let span = reading.span();
            let decl = reading.into_inner();
            if let Err(error) = readings.add(&decl.text, &decl.pinyin) {
                self.problem(READINGS_FILE, text, Some(span), error.to_string());
            }
        }
        readings
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

    fn declared_entities(&mut self, vocabulary: &Vocabulary) {
        let files: Vec<_> = self.files.toml_files_in(ENTITIES_FOLDER).collect();
        let mut names: HashMap<String, String> = HashMap::new();
        for (path, text) in files {
            let Some(file) = self.parse::<EntitiesFile>(path, text) else {
                continue;
            };
            for declared in file.entity {
                let span = declared.span();
                let decl = declared.into_inner();
                let origin = Origin {
                    file: self.files.display_path(path),
                    line: line_of(text, span.start),
                };
                if vocabulary.kind(&decl.kind).is_none() {
                    let reason = format!("{}: unknown kind {:?}", decl.id, decl.kind);
                    self.problem(path, text, Some(span.clone()), reason);
                    continue;
                }
                if ids::DOCUMENT_PARTS.contains(&decl.kind.as_str()) {
                    let reason = format!(
                        "{}: kind {} is declared in documents/, not in entities/",
                        decl.id, decl.kind
                    );
                    self.problem(path, text, Some(span.clone()), reason);
                    continue;
                }
                if decl.name.trim().is_empty() {
                    let reason = format!("{}: name is empty", decl.id);
                    self.problem(path, text, Some(span.clone()), reason);
                }
                if let Some(other) = names.insert(decl.name.clone(), decl.id.clone()) {
                    let reason = format!(
                        "{}: name {:?} is already the name of {other}; one real thing is one entity, and two different things need names that tell them apart",
                        decl.id, decl.name
                    );
                    self.problem(path, text, Some(span.clone()), reason);
                }
                let english = match (decl.english, decl.english_status) {
                    (Some(text), Some(status)) => Some(EnglishName { text, status }),
                    (None, None) => None,
                    _ => {
                        let reason = format!(
                            "{}: english and english_status go together (\"established\" or \"translation\")",
                            decl.id
                        );
                        self.problem(path, text, Some(span), reason);
                        None
                    }
                };
                let entity = Entity {
                    id: decl.id,
                    kind: decl.kind,
                    name: decl.name,
                    traditional: String::new(),
                    pinyin: String::new(),
                    aliases: Vec::new(),
                    written_forms: Vec::new(),
                    english,
                    note: decl.note,
                    unrelated: decl.unrelated,
                    evidence: Vec::new(),
                    details: Details::None,
                };
                let name = entity.name.clone();
                if let Some(index) = self.add_entity(entity, origin) {
                    self.name_index.entry(name).or_insert(index);
                }
            }
        }
    }

    fn parse_documents(&mut self) -> Vec<ParsedDocument<'a>> {
        let files: Vec<_> = self.files.toml_files_in(DOCUMENTS_FOLDER).collect();
        let mut parsed = Vec::new();
        for (path, text) in files {
            if let Some(file) = self.parse::<DocumentFile>(path, text) {
                parsed.push(ParsedDocument { path, text, file });
            }
        }
        parsed
    }

    fn documents(&mut self, vocabulary: &Vocabulary, documents: Vec<ParsedDocument<'a>>) {
        // Structure first (documents, sections, tasks, targets) for every file, so that a
        // relation in one document may name a task of another.
        let mut scopes = Vec::new();
        for parsed in &documents {
            if let Some(scope) = self.document_structure(parsed) {
                scopes.push(scope);
            }
        }
        for (parsed, scope) in documents.iter().zip(&scopes) {
            self.document_facts(vocabulary, parsed, scope);
        }
        for scope in scopes {
            if let Some(source) = scope.source {
                self.sources.insert(scope.document, source);
            }
        }
    }

    fn document_structure(&mut self, parsed: &ParsedDocument<'a>) -> Option<DocumentScope<'a>> {
        let (path, text) = (parsed.path, parsed.text);
        let doc_span = parsed.file.document.span();
        let doc = parsed.file.document.get_ref();
        let expected = format!("{DOCUMENTS_FOLDER}/{}.toml", doc.id);
        if path != expected {
            let reason = format!(
                "document id {:?} must match the file name {expected}",
                doc.id
            );
            self.problem(path, text, Some(doc_span.clone()), reason);
        }
        let source_path = format!("{SOURCES_FOLDER}/{}", doc.source);
        let source = match self.files.get(&source_path) {
            Some(source) => Some(SourceText::new(source.to_owned())),
            None => {
                let reason = format!("source {source_path} does not exist");
                self.problem(path, text, Some(doc_span.clone()), reason);
                None
            }
        };
        let region = self.by_id.get(&doc.region).copied();
        if region.is_none() {
            let reason = format!("region: unknown entity {:?}", doc.region);
            self.problem(path, text, Some(doc_span.clone()), reason);
        }
        let mut date_of = |field: &str, value: &Option<toml::value::Datetime>| {
            let value = value.as_ref()?;
            match (value.date, value.time, value.offset) {
                (Some(date), None, None) => Some(date.to_string()),
                _ => {
                    let reason = format!(
                        "{field} {value} must be a date without a time: {field} = YYYY-MM-DD"
                    );
                    self.problem(path, text, Some(doc_span.clone()), reason);
                    None
                }
            }
        };
        let date = date_of("date", &doc.date);
        let published = date_of("published", &doc.published);
        let origin = Origin {
            file: self.files.display_path(path),
            line: line_of(text, doc_span.start),
        };
        let document = self.add_entity(
            Entity {
                id: doc.id.clone(),
                kind: ids::DOCUMENT.to_owned(),
                name: doc.title.clone(),
                traditional: String::new(),
                pinyin: String::new(),
                aliases: Vec::new(),
                written_forms: Vec::new(),
                english: doc.english_title.clone().map(|text| EnglishName {
                    text,
                    status: crate::model::EnglishStatus::Translation,
                }),
                note: None,
                unrelated: None,
                evidence: Vec::new(),
                details: Details::Document(DocumentDetails {
                    source_file: doc.source.clone(),
                    english_title: doc.english_title.clone(),
                    date,
                    published,
                    number: doc.number.clone(),
                    region: region.unwrap_or_default(),
                    script: doc.script,
                }),
            },
            origin,
        )?;
        let mut scope = DocumentScope {
            path,
            text,
            document,
            script: doc.script,
            source,
            sections: HashMap::new(),
            tasks: HashMap::new(),
        };
        self.evidence_for(&scope, document, &doc.title_quote, None, Some(doc_span));

        for section in &parsed.file.section {
            let span = section.span();
            let decl = section.get_ref();
            let details = ProvisionDetails {
                document,
                number: decl.number.clone(),
                parent: None,
            };
            let id = format!("{}-section-{}", doc.id, decl.key);
            if let Some(index) =
                self.provision(&scope, id, ids::SECTION, &decl.title, details, span)
            {
                scope.sections.insert(decl.key.clone(), index);
            }
        }
        for section in &parsed.file.section {
            let decl = section.get_ref();
            let Some(&index) = scope.sections.get(&decl.key) else {
                continue;
            };
            let parent = match &decl.parent {
                Some(key) => match scope.sections.get(key) {
                    Some(&parent) => Some(parent),
                    None => {
                        let reason =
                            format!("section {}: unknown parent section {key:?}", decl.key);
                        self.problem(path, text, Some(section.span()), reason);
                        continue;
                    }
                },
                None => None,
            };
            self.set_parent(index, parent);
            let evidence = self.entities[index].0.evidence.clone();
            self.structural_relation(index, parent.unwrap_or(document), evidence);
        }
        for task in &parsed.file.task {
            let span = task.span();
            let decl = task.get_ref();
            let parent = match &decl.section {
                Some(key) => match scope.sections.get(key) {
                    Some(&parent) => Some(parent),
                    None => {
                        let reason = format!("task {}: unknown section {key:?}", decl.key);
                        self.problem(path, text, Some(span.clone()), reason);
                        None
                    }
                },
                None => None,
            };
            let details = ProvisionDetails {
                document,
                number: decl.number.clone(),
                parent,
            };
            let id = format!("{}-task-{}", doc.id, decl.key);
            if let Some(index) = self.provision(&scope, id, ids::TASK, &decl.title, details, span) {
                scope.tasks.insert(decl.key.clone(), index);
                let evidence = self.entities[index].0.evidence.clone();
                self.structural_relation(index, parent.unwrap_or(document), evidence);
            }
        }
        for target in &parsed.file.target {
            self.target(&scope, target);
        }
        Some(scope)
    }

    fn set_parent(&mut self, index: EntityIndex, parent: Option<EntityIndex>) {
        if let Details::Section(details) = &mut self.entities[index].0.details {
            details.parent = parent;
        }
    }

    fn structural_relation(
        &mut self,
        child: EntityIndex,
        parent: EntityIndex,
        evidence: Vec<Evidence>,
    ) {
        for piece in evidence {
            self.add_relation(child, ids::PART_OF_DOCUMENT, parent, piece);
        }
    }

    /// Adds a section or task entity, whose title is also its quote.
    fn provision(
        &mut self,
        scope: &DocumentScope<'_>,
        id: String,
        kind: &str,
        title: &str,
        details: ProvisionDetails,
        span: Range<usize>,
    ) -> Option<EntityIndex> {
        let origin = Origin {
            file: self.files.display_path(scope.path),
            line: line_of(scope.text, span.start),
        };
        let details = if kind == ids::TASK {
            Details::Task(details)
        } else {
            Details::Section(details)
        };
        let index = self.add_entity(
            Entity {
                id,
                kind: kind.to_owned(),
                name: title.to_owned(),
                traditional: String::new(),
                pinyin: String::new(),
                aliases: Vec::new(),
                written_forms: Vec::new(),
                english: None,
                note: None,
                unrelated: None,
                evidence: Vec::new(),
                details,
            },
            origin,
        )?;
        let provision = (kind == ids::TASK).then_some(index);
        self.evidence_for(scope, index, title, provision, Some(span));
        Some(index)
    }

    /// Checks a quote and records it as evidence that `entity` is named in the document.
    fn evidence_for(
        &mut self,
        scope: &DocumentScope<'_>,
        entity: EntityIndex,
        quote: &str,
        provision: Option<EntityIndex>,
        span: Option<Range<usize>>,
    ) -> Option<Evidence> {
        let evidence = self.checked_evidence(scope, quote, provision, Basis::Stated, span)?;
        let entity = &mut self.entities[entity].0;
        if !entity.evidence.contains(&evidence) {
            entity.evidence.push(evidence.clone());
        }
        Some(evidence)
    }

    /// Returns the evidence if its quote is in the document's source, or reports a problem.
    fn checked_evidence(
        &mut self,
        scope: &DocumentScope<'_>,
        quote: &str,
        provision: Option<EntityIndex>,
        basis: Basis,
        span: Option<Range<usize>>,
    ) -> Option<Evidence> {
        let source = scope.source.as_ref()?;
        if source.find(quote).is_none() {
            let reason = format!("quote not found in the source: {quote:?}");
            self.problem(scope.path, scope.text, span, reason);
            return None;
        }
        Some(Evidence {
            document: scope.document,
            provision,
            quote: quote.to_owned(),
            basis,
            note: None,
        })
    }

    fn target(
        &mut self,
        scope: &DocumentScope<'_>,
        target: &Spanned<crate::data::raw::TargetDecl>,
    ) {
        let span = target.span();
        let decl = target.get_ref();
        let (path, text) = (scope.path, scope.text);
        let Some(region) = self.resolve(scope, &decl.region, "region", span.clone()) else {
            return;
        };
        let Ok(provision) = self.locate(
            scope,
            decl.task.as_deref(),
            decl.section.as_deref(),
            span.clone(),
        ) else {
            return;
        };
        if !decl.value.is_finite() {
            let reason = format!("target {}: value must be a finite number", decl.key);
            self.problem(path, text, Some(span), reason);
            return;
        }
        let document_id = self.entities[scope.document].0.id.clone();
        let name = format!(
            "{} {}{} ({})",
            decl.indicator,
            format_number(decl.value),
            decl.unit,
            decl.year
        );
        let origin = Origin {
            file: self.files.display_path(path),
            line: line_of(text, span.start),
        };
        let Some(index) = self.add_entity(
            Entity {
                id: format!("{document_id}-target-{}", decl.key),
                kind: ids::TARGET.to_owned(),
                name,
                traditional: String::new(),
                pinyin: String::new(),
                aliases: Vec::new(),
                written_forms: Vec::new(),
                english: None,
                note: decl.note.clone(),
                unrelated: None,
                evidence: Vec::new(),
                details: Details::Target(TargetDetails {
                    document: scope.document,
                    indicator: decl.indicator.clone(),
                    indicator_en: decl.indicator_en.clone(),
                    value: decl.value,
                    unit: decl.unit.clone(),
                    year: decl.year,
                    region,
                }),
            },
            origin,
        ) else {
            return;
        };
        let Some(evidence) = self.evidence_for(scope, index, &decl.quote, provision, Some(span))
        else {
            return;
        };
        let owner = provision.unwrap_or(scope.document);
        self.add_relation(index, ids::TARGET_OF, owner, evidence.clone());
        self.add_relation(index, ids::TARGET_REGION, region, evidence);
    }

    /// Resolves an entity id, reporting an unknown one.
    fn resolve(
        &mut self,
        scope: &DocumentScope<'_>,
        id: &str,
        field: &str,
        span: Range<usize>,
    ) -> Option<EntityIndex> {
        let found = self.by_id.get(id).copied();
        if found.is_none() {
            let reason = format!("{field}: unknown entity {id:?}");
            self.problem(scope.path, scope.text, Some(span), reason);
        }
        found
    }

    /// Resolves the optional `task` or `section` key of an entry to its entity.
    fn locate(
        &mut self,
        scope: &DocumentScope<'_>,
        task: Option<&str>,
        section: Option<&str>,
        span: Range<usize>,
    ) -> Result<Option<EntityIndex>, ()> {
        let (path, text) = (scope.path, scope.text);
        match (task, section) {
            (Some(_), Some(_)) => {
                let reason = "give either task or section, not both".to_owned();
                self.problem(path, text, Some(span), reason);
                Err(())
            }
            (Some(key), None) => scope.tasks.get(key).map(|&i| Some(i)).ok_or_else(|| {
                let reason = format!("unknown task key {key:?}");
                self.problem(path, text, Some(span), reason);
            }),
            (None, Some(key)) => scope.sections.get(key).map(|&i| Some(i)).ok_or_else(|| {
                let reason = format!("unknown section key {key:?}");
                self.problem(path, text, Some(span), reason);
            }),
            (None, None) => Ok(None),
        }
    }

    fn document_facts(
        &mut self,
        vocabulary: &Vocabulary,
        parsed: &ParsedDocument<'a>,
        scope: &DocumentScope<'a>,
    ) {
        let (path, text) = (parsed.path, parsed.text);
        let file = &parsed.file;
        let doc_span = file.document.span();
        let doc = file.document.get_ref();
        if let Some(issuer) = self.resolve(scope, &doc.issuer, "issuer", doc_span.clone())
            && let Some(evidence) =
                self.evidence_for(scope, issuer, &doc.issuer_quote, None, Some(doc_span))
        {
            self.add_relation(scope.document, ids::ISSUED_BY, issuer, evidence);
        }
        for task in &file.task {
            let span = task.span();
            let decl = task.get_ref();
            let Some(&task_index) = scope.tasks.get(&decl.key) else {
                continue;
            };
            if decl.responsible.is_empty() {
                continue;
            }
            let Some(quote) = &decl.responsible_quote else {
                let reason = format!("task {}: responsible needs responsible_quote", decl.key);
                self.problem(path, text, Some(span), reason);
                continue;
            };
            for agency in &decl.responsible {
                let field = format!("task {} responsible", decl.key);
                if let Some(agency) = self.resolve(scope, agency, &field, span.clone())
                    && let Some(evidence) = self.evidence_for(
                        scope,
                        agency,
                        quote,
                        Some(task_index),
                        Some(span.clone()),
                    )
                {
                    self.check_relation_kinds(
                        vocabulary,
                        scope,
                        task_index,
                        ids::RESPONSIBLE_AGENCY,
                        agency,
                        span.clone(),
                    );
                    self.add_relation(task_index, ids::RESPONSIBLE_AGENCY, agency, evidence);
                }
            }
        }
        for sentence in &file.sentence {
            let decl = sentence.get_ref();
            if decl.mention.is_empty() && decl.relation.is_empty() {
                let reason = format!(
                    "sentence {:?} states nothing: give it a [[sentence.mention]] or a [[sentence.relation]]",
                    decl.quote
                );
                self.problem(path, text, Some(sentence.span()), reason);
            }
        }
        for (sentence, mention) in file.mentions() {
            let span = mention.span();
            let decl = mention.get_ref();
            let Some(entity) = self.resolve(scope, &decl.entity, "mention", span.clone()) else {
                continue;
            };
            let Ok(provision) = self.locate(
                scope,
                sentence.task.as_deref(),
                sentence.section.as_deref(),
                span.clone(),
            ) else {
                continue;
            };
            let form = decl
                .written_as
                .clone()
                .unwrap_or_else(|| self.entities[entity].0.name.clone());
            if !compact(&sentence.quote).contains(&compact(&form)) {
                let reason = format!(
                    "mention of {}: the quote does not contain {form:?}",
                    decl.entity
                );
                self.problem(path, text, Some(span), reason);
                continue;
            }
            let Some(evidence) = self.evidence_for(
                scope,
                entity,
                &sentence.quote,
                provision,
                Some(span.clone()),
            ) else {
                continue;
            };
            if let Some(alias) = &decl.written_as
                && decl.alias
                && let Some(other) = self.name_owner(alias, entity)
            {
                let reason = format!(
                    "mention of {}: {alias:?} is already a name of {other}; a name must resolve to one entity (write alias = false if the phrase is shared)",
                    decl.entity
                );
                self.problem(path, text, Some(span), reason);
                continue;
            }
            let entity_ref = &mut self.entities[entity].0;
            if let Some(form) = &decl.written_as
                && !entity_ref.written_forms.contains(form)
            {
                entity_ref.written_forms.push(form.clone());
            }
            if let Some(alias) = &decl.written_as
                && decl.alias
                && *alias != entity_ref.name
                && !entity_ref.aliases.iter().any(|a| a.text == *alias)
            {
                entity_ref.aliases.push(Alias {
                    text: alias.clone(),
                    script: scope.script,
                });
                self.name_index.insert(alias.clone(), entity);
            }
            let subject = provision.unwrap_or(scope.document);
            let kind = match &decl.role {
                None => ids::MENTIONS,
                Some(role) => match vocabulary.role(role) {
                    Some(term) => term.id.as_str(),
                    None => {
                        let roles: Vec<&str> = vocabulary.roles().collect();
                        let reason = format!(
                            "mention of {}: unknown role {role:?}; the vocabulary declares {}",
                            decl.entity,
                            roles.join(", ")
                        );
                        self.problem(path, text, Some(span), reason);
                        continue;
                    }
                },
            };
            if kind != ids::MENTIONS {
                self.check_relation_kinds(vocabulary, scope, subject, kind, entity, span);
            }
            self.add_relation(subject, kind, entity, evidence);
        }
        for (sentence, relation) in file.relations() {
            let span = relation.span();
            let decl = relation.get_ref();
            let subject = self.resolve(scope, &decl.subject, "subject", span.clone());
            let object = self.resolve(scope, &decl.object, "object", span.clone());
            let provision = self.locate(
                scope,
                sentence.task.as_deref(),
                sentence.section.as_deref(),
                span.clone(),
            );
            let (Some(subject), Some(object), Ok(provision)) = (subject, object, provision) else {
                continue;
            };
            if vocabulary.relation(&decl.kind).is_none() {
                let reason = format!("unknown relation kind {:?}", decl.kind);
                self.problem(path, text, Some(span), reason);
                continue;
            }
            if let Some(term) = vocabulary.relation(&decl.kind)
                && (term.generated || term.role.is_some())
            {
                let reason = match &term.role {
                    Some(role) => format!(
                        "relation kind {} is an action role: write it as role = {role:?} on the [[sentence.mention]]",
                        decl.kind
                    ),
                    None => format!(
                        "relation kind {} is generated from the document structure; do not write it",
                        decl.kind
                    ),
                };
                self.problem(path, text, Some(span), reason);
                continue;
            }
            if subject == object {
                let reason = format!("relation {} links {} to itself", decl.kind, decl.subject);
                self.problem(path, text, Some(span), reason);
                continue;
            }
            let inferred = match (&decl.inferred, &decl.because) {
                (Some(_), Some(_)) => {
                    let reason = "write either inferred or because, not both".to_owned();
                    self.problem(path, text, Some(span), reason);
                    continue;
                }
                (Some(inferred), None) if inferred.trim().is_empty() => {
                    let reason = "inferred must say why the relation is inferred".to_owned();
                    self.problem(path, text, Some(span), reason);
                    continue;
                }
                (Some(inferred), None) => Some(inferred.clone()),
                (None, Some(id)) => match self.reasons.get_mut(id) {
                    Some((text, cited)) => {
                        *cited = true;
                        Some(text.clone())
                    }
                    None => {
                        let reason = format!("because: unknown reason {id:?} (see reasons.toml)");
                        self.problem(path, text, Some(span), reason);
                        continue;
                    }
                },
                (None, None) => None,
            };
            self.check_relation_kinds(vocabulary, scope, subject, &decl.kind, object, span.clone());
            if let Some(mut evidence) = self.checked_evidence(
                scope,
                &sentence.quote,
                provision,
                Basis::from_reason(inferred.as_deref()),
                Some(span),
            ) {
                evidence.note = decl.note.clone();
                self.add_relation(subject, &decl.kind, object, evidence);
            }
        }
    }

    /// Reports a relation whose subject or object kind is outside the declared domain or range.
    fn check_relation_kinds(
        &mut self,
        vocabulary: &Vocabulary,
        scope: &DocumentScope<'_>,
        subject: EntityIndex,
        kind: &str,
        object: EntityIndex,
        span: Range<usize>,
    ) {
        let Some(decl) = vocabulary.relation(kind) else {
            return;
        };
        let subject = &self.entities[subject].0;
        let object = &self.entities[object].0;
        let mut reasons = Vec::new();
        if !decl.domain.is_empty() && !decl.domain.contains(&subject.kind) {
            reasons.push(format!(
                "{kind} cannot start at {} (a {}); allowed: {}",
                subject.id,
                subject.kind,
                decl.domain.join(", ")
            ));
        }
        if !decl.range.is_empty() && !decl.range.contains(&object.kind) {
            reasons.push(format!(
                "{kind} cannot point to {} (a {}); allowed: {}",
                object.id,
                object.kind,
                decl.range.join(", ")
            ));
        }
        for reason in reasons {
            self.problem(scope.path, scope.text, Some(span.clone()), reason);
        }
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

    /// Applies the rules of `rules.toml` (if any) to the relations loaded so far, then drops
    /// each bare mention that an action role of the same provision already records.
    fn derive(&mut self, vocabulary: &Vocabulary) {
        if let Some(text) = self.files.get(RULES_FILE)
            && let Some(file) = self.parse::<RulesFile>(RULES_FILE, text)
        {
            let (rules, problems) = rules::check(file, vocabulary);
            self.rules = rules.iter().map(rules::Rule::summary).collect();
            for (span, reason) in problems {
                self.problem(RULES_FILE, text, Some(span), reason);
            }
            let entities: Vec<&Entity> = self.entities.iter().map(|(e, _)| e).collect();
            let derived = rules::derive(&rules, vocabulary, &entities, &self.relations);
            let mut refused = HashSet::new();
            for relation in derived {
                let term = vocabulary.relation(&relation.kind);
                let (subject, object) = (
                    &self.entities[relation.subject].0,
                    &self.entities[relation.object].0,
                );
                let allowed = term.is_some_and(|t| {
                    (t.domain.is_empty() || t.domain.contains(&subject.kind))
                        && (t.range.is_empty() || t.range.contains(&object.kind))
                });
                if !allowed {
                    if refused.insert((
                        relation.rule_span.start,
                        subject.kind.clone(),
                        object.kind.clone(),
                    )) {
                        let reason = format!(
                            "rule derives {} from {} (a {}) to {} (a {}), which the vocabulary does not allow; narrow its object_kinds",
                            relation.kind, subject.id, subject.kind, object.id, object.kind
                        );
                        self.problem(RULES_FILE, text, Some(relation.rule_span), reason);
                    }
                    continue;
                }
                self.add_relation(
                    relation.subject,
                    &relation.kind,
                    relation.object,
                    relation.evidence,
                );
            }
        }
        let roles: HashSet<&str> = vocabulary
            .relations
            .iter()
            .filter(|r| r.role.is_some())
            .map(|r| r.id.as_str())
            .collect();
        let with_role: HashSet<(EntityIndex, EntityIndex)> = self
            .relations
            .iter()
            .filter(|r| roles.contains(r.kind.as_str()))
            .map(|r| (r.subject, r.object))
            .collect();
        self.relations
            .retain(|r| r.kind != ids::MENTIONS || !with_role.contains(&(r.subject, r.object)));
        self.relation_keys = self
            .relations
            .iter()
            .enumerate()
            .map(|(i, r)| ((r.subject, r.kind.clone(), r.object), i))
            .collect();
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

/// A number as an `xsd:decimal` lexical form (`2.81`, `200.0`).
pub fn format_number_for_rdf(value: f64) -> String {
    let text = format_number(value);
    if text.contains('.') {
        text
    } else {
        format!("{text}.0")
    }
}

/// A number as people write it: no trailing `.0`.
pub fn format_number(value: f64) -> String {
    if value.fract() == 0.0 && value.abs() < 1e15 {
        format!("{}", value as i64)
    } else {
        format!("{value}")
    }
}
