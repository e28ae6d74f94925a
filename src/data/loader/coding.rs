//! `instruments.toml` and `coding/`: the policy-instrument code list and each document's
//! codes. Every task of a document must carry a code, and so must every provision section (a
//! section with neither subsections nor tasks), unless an `[[uncoded]]` entry says why not.

use std::collections::{HashMap, HashSet};

use super::{CODING_FOLDER, INSTRUMENTS_FILE, Loader, is_slug};
use crate::data::raw::{CodingFile, ConceptDecl, InstrumentsFile};
use crate::model::compact;
use crate::model::{Concept, Details, EntityIndex, InstrumentCode, Instruments, Uncoded};
use crate::vocabulary::ids;

impl<'a> Loader<'a> {
    /// Reads the code list and the codes of every document.
    pub(super) fn instruments(&mut self) {
        let Some(text) = self.files.get(INSTRUMENTS_FILE) else {
            self.problem(INSTRUMENTS_FILE, "", None, "file is missing".to_owned());
            return;
        };
        let Some(file) = self.parse::<InstrumentsFile>(INSTRUMENTS_FILE, text) else {
            return;
        };
        self.code_list(text, file);
        let files: Vec<_> = self.files.toml_files_in(CODING_FOLDER).collect();
        let mut coded_documents = HashSet::new();
        let mut provisions = self.provisions_by_document();
        for (path, text) in files {
            if let Some(file) = self.parse::<CodingFile>(path, text)
                && !self.draft_documents.contains(file.document.get_ref())
                && let Some(document) =
                    self.coding_file(path, text, file.without_drafts(), &mut provisions)
            {
                coded_documents.insert(document);
            }
        }
        for document in self.document_indexes() {
            if !coded_documents.contains(&document) {
                let id = self.entities[document].0.id.clone();
                let path = format!("{CODING_FOLDER}/{id}.toml");
                let reason = format!("document {id} has no instrument coding: add {path}");
                self.problem(&path, "", None, reason);
            }
        }
    }

    fn code_list(&mut self, text: &str, file: InstrumentsFile) {
        let scheme = file.scheme;
        let mut instruments = Instruments {
            id: scheme.id,
            zh: scheme.zh,
            en: scheme.en,
            source: scheme.source,
            definition_zh: scheme.definition_zh,
            definition_en: scheme.definition_en,
            ..Instruments::default()
        };
        let mut seen = HashSet::new();
        for decl in file.types {
            let span = decl.span();
            let decl = decl.into_inner();
            if let Some(reason) = concept_problem(&decl, &mut seen).or_else(|| {
                let has_type = decl.instrument_type.is_some() || decl.broader.is_some();
                has_type
                    .then(|| format!("type {}: only tools have a type or a broader tool", decl.id))
            }) {
                self.problem(INSTRUMENTS_FILE, text, Some(span), reason);
                continue;
            }
            let type_index = instruments.types.len();
            instruments.types.push(concept(decl, type_index, None));
        }
        for decl in file.tools {
            let span = decl.span();
            let decl = decl.into_inner();
            let type_index = decl
                .instrument_type
                .as_deref()
                .and_then(|t| instruments.instrument_type(t));
            let broader = decl.broader.as_deref().map(|b| instruments.tool(b));
            let problem =
                concept_problem(&decl, &mut seen).or_else(|| match (type_index, broader) {
                    (None, _) => Some(format!(
                        "tool {}: type {:?} is not a [[type]] of this file",
                        decl.id, decl.instrument_type
                    )),
                    (_, Some(None)) => Some(format!(
                        "tool {}: broader {:?} is not a tool declared above it",
                        decl.id, decl.broader
                    )),
                    (Some(t), Some(Some(b))) if instruments.tools[b].type_index != t => Some(
                        format!("tool {}: its broader tool belongs to another type", decl.id),
                    ),
                    _ => None,
                });
            match (problem, type_index) {
                (None, Some(type_index)) => {
                    let tool = concept(decl, type_index, broader.flatten());
                    instruments.tools.push(tool);
                }
                (problem, _) => {
                    let reason = problem.unwrap_or_default();
                    self.problem(INSTRUMENTS_FILE, text, Some(span), reason);
                }
            }
        }
        self.instruments = instruments;
    }

    /// Checks and keeps the codes of one file; returns the document it codes.
    fn coding_file(
        &mut self,
        path: &str,
        text: &str,
        file: CodingFile,
        provisions_by_document: &mut HashMap<EntityIndex, HashSet<EntityIndex>>,
    ) -> Option<EntityIndex> {
        let document_span = file.document.span();
        let document_id = file.document.into_inner();
        let document = self
            .by_id
            .get(&document_id)
            .copied()
            .filter(|&d| matches!(self.entities[d].0.details, Details::Document(_)));
        let Some(document) = document else {
            let reason = format!("document {document_id:?} is not a document of documents/");
            self.problem(path, text, Some(document_span), reason);
            return None;
        };
        let provisions = provisions_by_document.remove(&document).unwrap_or_default();
        let mut covered = HashSet::new();
        let mut seen = HashSet::new();
        for decl in file.code {
            let span = decl.span();
            let decl = decl.into_inner();
            let provision = self.coded_provision(
                document,
                decl.task.as_deref(),
                decl.section.as_deref(),
                &provisions,
            );
            let tool = self.instruments.tool(&decl.tool);
            let found = self
                .sources
                .get(&document)
                .and_then(|s| s.find(&decl.quote));
            let problem = match (&provision, tool) {
                (Err(reason), _) => Some(reason.clone()),
                (_, None) => Some(format!(
                    "tool {:?} is not a tool of instruments.toml",
                    decl.tool
                )),
                _ if found.is_none() => {
                    Some(format!("quote not found in the source: {:?}", decl.quote))
                }
                _ if compact(&decl.cue).is_empty()
                    || !compact(&decl.quote).contains(&compact(&decl.cue)) =>
                {
                    Some(format!("cue {:?} is not in the quote", decl.cue))
                }
                (Ok(p), Some(t)) if !seen.insert((*p, t)) => Some(format!(
                    "{} is coded {} twice",
                    self.entities[*p].0.id, decl.tool
                )),
                _ => None,
            };
            match (problem, provision, tool, found) {
                (None, Ok(provision), Some(tool), Some(span)) => {
                    covered.insert(provision);
                    self.instruments.codes.push(InstrumentCode {
                        provision,
                        document,
                        tool,
                        cue: decl.cue,
                        quote: decl.quote,
                        span,
                        note: decl.note,
                    });
                }
                (problem, _, _, _) => {
                    self.problem(path, text, Some(span), problem.unwrap_or_default());
                }
            }
        }
        for decl in file.uncoded {
            let span = decl.span();
            let decl = decl.into_inner();
            let provision = self.coded_provision(document, None, Some(&decl.section), &provisions);
            match provision {
                Ok(provision) if decl.reason.trim().is_empty() => {
                    let reason = format!("uncoded {}: the reason is empty", decl.section);
                    self.problem(path, text, Some(span), reason);
                    covered.insert(provision);
                }
                Ok(provision) if !covered.insert(provision) => {
                    let reason = format!("section {} is both coded and uncoded", decl.section);
                    self.problem(path, text, Some(span), reason);
                }
                Ok(provision) => self.instruments.uncoded.push(Uncoded {
                    provision,
                    reason: decl.reason,
                }),
                Err(reason) => self.problem(path, text, Some(span), reason),
            }
        }
        let mut uncovered: Vec<_> = provisions.difference(&covered).copied().collect();
        uncovered.sort_unstable();
        for provision in uncovered {
            let (entity, _) = &self.entities[provision];
            let reason = format!(
                "{} {:?} has no instrument code: add a [[code]] (or, for a section, an [[uncoded]] with its reason)",
                entity.id, entity.name
            );
            self.problem(path, text, Some(document_span.clone()), reason);
        }
        Some(document)
    }

    /// The task or section a code names, if it is one that is coded.
    fn coded_provision(
        &self,
        document: EntityIndex,
        task: Option<&str>,
        section: Option<&str>,
        provisions: &HashSet<EntityIndex>,
    ) -> Result<EntityIndex, String> {
        let document_id = &self.entities[document].0.id;
        let id = match (task, section) {
            (Some(task), None) => format!("{document_id}-task-{task}"),
            (None, Some(section)) => format!("{document_id}-section-{section}"),
            _ => return Err("give exactly one of task and section".to_owned()),
        };
        match self.by_id.get(&id) {
            None => Err(format!("{id} is not a task or section of {document_id}")),
            Some(index) if !provisions.contains(index) => {
                Err(format!("{id} has subsections or tasks: code those instead"))
            }
            Some(&index) => Ok(index),
        }
    }

    /// The provisions of each document that carry codes: its tasks, and its sections that
    /// have neither subsections nor tasks. One pass over the entities for all documents.
    fn provisions_by_document(&self) -> HashMap<EntityIndex, HashSet<EntityIndex>> {
        let mut parents = HashSet::new();
        let mut provisions: HashMap<EntityIndex, HashSet<EntityIndex>> = HashMap::new();
        for (index, (entity, _)) in self.entities.iter().enumerate() {
            if let Details::Task(p) | Details::Section(p) = &entity.details {
                parents.extend(p.parent);
                provisions.entry(p.document).or_default().insert(index);
            }
        }
        for of_document in provisions.values_mut() {
            of_document.retain(|index| {
                let entity = &self.entities[*index].0;
                entity.kind == ids::TASK || !parents.contains(index)
            });
        }
        provisions
    }

    fn document_indexes(&self) -> Vec<EntityIndex> {
        (0..self.entities.len())
            .filter(|&i| matches!(self.entities[i].0.details, Details::Document(_)))
            .collect()
    }
}

/// What is wrong with a type or tool's id, if anything.
fn concept_problem(decl: &ConceptDecl, seen: &mut HashSet<String>) -> Option<String> {
    if !is_slug(&decl.id) {
        Some(format!(
            "id {:?} must be lowercase ASCII words joined by hyphens",
            decl.id
        ))
    } else if !seen.insert(decl.id.clone()) {
        Some(format!("{} is declared twice", decl.id))
    } else {
        None
    }
}

fn concept(decl: ConceptDecl, type_index: usize, broader: Option<usize>) -> Concept {
    Concept {
        id: decl.id,
        type_index,
        broader,
        zh: decl.zh,
        en: decl.en,
        definition_zh: decl.definition_zh,
        definition_en: decl.definition_en,
    }
}
