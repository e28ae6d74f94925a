//! `entities/*.toml`: who and what exists, with their names.

use super::{ENTITIES_FOLDER, LineIndex, Loader, Origin};
use crate::data::raw::EntitiesFile;
use crate::model::{Details, EnglishName, Entity};
use crate::vocabulary::{Vocabulary, ids};
use std::collections::HashMap;

impl<'a> Loader<'a> {
    pub(super) fn declared_entities(&mut self, vocabulary: &Vocabulary) {
        let files: Vec<_> = self.files.toml_files_in(ENTITIES_FOLDER).collect();
        let mut names: HashMap<String, String> = HashMap::new();
        for (path, text) in files {
            let Some(file) = self.parse::<EntitiesFile>(path, text) else {
                continue;
            };
            let lines = LineIndex::new(text);
            for declared in file.entity {
                let span = declared.span();
                let decl = declared.into_inner();
                // A proposed entity awaits review: it is neither checked nor served.
                if decl.draft.is_some() {
                    continue;
                }
                let origin = Origin {
                    file: self.files.display_path(path),
                    line: lines.line_of(span.start),
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
                    collective: decl.collective,
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
}
