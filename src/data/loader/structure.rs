//! The structure of each document: the document itself, its sections, tasks and targets, and
//! the evidence of each quote.

use super::{
    DOCUMENTS_FOLDER, DocumentScope, LineIndex, Loader, Origin, ParsedDocument, SOURCES_FOLDER,
    line_of,
};
use crate::data::raw::DocumentFile;
use crate::model::{
    Basis, Details, DocumentDetails, EnglishName, Entity, EntityIndex, Evidence, ProvisionDetails,
    SourceText, TargetDetails, format_number,
};
use crate::vocabulary::{Vocabulary, ids};
use std::collections::HashMap;
use std::ops::Range;
use toml::Spanned;

impl<'a> Loader<'a> {
    pub(super) fn parse_documents(&mut self) -> Vec<ParsedDocument<'a>> {
        let files: Vec<_> = self.files.toml_files_in(DOCUMENTS_FOLDER).collect();
        let mut parsed = Vec::new();
        for (path, text) in files {
            let Some(file) = self.parse::<DocumentFile>(path, text) else {
                continue;
            };
            // A draft item awaits review: it is neither checked as data nor served, and a
            // document still a draft is skipped whole, with its coding.
            let id = file.document.get_ref().id.clone();
            match file.without_drafts() {
                Some(file) => parsed.push(ParsedDocument { path, text, file }),
                None => {
                    self.draft_documents.insert(id);
                }
            }
        }
        parsed
    }

    pub(super) fn documents(
        &mut self,
        vocabulary: &Vocabulary,
        documents: Vec<ParsedDocument<'a>>,
    ) {
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

    pub(super) fn document_structure(
        &mut self,
        parsed: &ParsedDocument<'a>,
    ) -> Option<DocumentScope<'a>> {
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
        let stated_year = match (doc.year, &doc.year_quote) {
            (None, None) => None,
            (Some(year), Some(quote))
                if quote.contains(&year.to_string())
                    && source.as_ref().is_some_and(|s| s.find(quote).is_some()) =>
            {
                Some(year)
            }
            _ => {
                let reason = "year needs a year_quote of the source that contains the year (and the other way round)".to_owned();
                self.problem(path, text, Some(doc_span.clone()), reason);
                None
            }
        };
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
                collective: false,
                evidence: Vec::new(),
                details: Details::Document(DocumentDetails {
                    source_file: doc.source.clone(),
                    english_title: doc.english_title.clone(),
                    date,
                    published,
                    stated_year,
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
            lines: LineIndex::new(text),
            found: Default::default(),
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

    pub(super) fn set_parent(&mut self, index: EntityIndex, parent: Option<EntityIndex>) {
        if let Details::Section(details) = &mut self.entities[index].0.details {
            details.parent = parent;
        }
    }

    pub(super) fn structural_relation(
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
    pub(super) fn provision(
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
            line: scope.lines.line_of(span.start),
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
                collective: false,
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
    pub(super) fn evidence_for(
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
    pub(super) fn checked_evidence(
        &mut self,
        scope: &DocumentScope<'_>,
        quote: &str,
        provision: Option<EntityIndex>,
        basis: Basis,
        span: Option<Range<usize>>,
    ) -> Option<Evidence> {
        let source = scope.source.as_ref()?;
        let known = scope.found.borrow().get(quote).cloned();
        let location = match known {
            Some(location) => location,
            None => {
                let Some(location) = source.find(quote) else {
                    let reason = format!("quote not found in the source: {quote:?}");
                    self.problem(scope.path, scope.text, span, reason);
                    return None;
                };
                scope
                    .found
                    .borrow_mut()
                    .insert(quote.to_owned(), location.clone());
                location
            }
        };
        Some(Evidence {
            document: scope.document,
            provision,
            quote: quote.to_owned(),
            span: location,
            basis,
            note: None,
        })
    }

    pub(super) fn target(
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
        let measure = decl
            .measure
            .as_deref()
            .and_then(|m| self.measures.iter().position(|known| known.id == m));
        let Some(measure) = measure else {
            let reason = match &decl.measure {
                None => format!("target {}: no measure (an id of indicators.toml)", decl.key),
                Some(m) => format!(
                    "target {}: measure {m:?} is not in indicators.toml",
                    decl.key
                ),
            };
            self.problem(path, text, Some(span), reason);
            return;
        };
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
            line: scope.lines.line_of(span.start),
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
                collective: false,
                evidence: Vec::new(),
                details: Details::Target(TargetDetails {
                    document: scope.document,
                    indicator: decl.indicator.clone(),
                    indicator_en: decl.indicator_en.clone(),
                    value: decl.value,
                    unit: decl.unit.clone(),
                    year: decl.year,
                    measure,
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
    pub(super) fn resolve(
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
    pub(super) fn locate(
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
}
