//! Draft items: those a file marks `draft = "<rule>"` (as `sunan-kg draft` writes them) await
//! review. The loader skips them, so that nothing unreviewed is checked as data or served,
//! and `sunan-kg check` counts them by kind. Accepting an item is deleting its draft line.

use std::collections::BTreeMap;
use std::fmt::Write;

use super::files::DataFiles;
use super::raw::{CodingFile, DocumentFile, EntitiesFile};

/// The kinds of draft items, as `sunan-kg check` names them.
pub mod items {
    /// A `[document]` table: while it is a draft, the whole file is.
    pub const DOCUMENT: &str = "document";
    /// A `[[section]]`.
    pub const SECTION: &str = "section";
    /// A `[[task]]`.
    pub const TASK: &str = "task";
    /// A `[[target]]`.
    pub const TARGET: &str = "target";
    /// A `[[sentence]]`.
    pub const SENTENCE: &str = "sentence";
    /// A `[[sentence.mention]]`.
    pub const MENTION: &str = "mention";
    /// A `[[sentence.relation]]`.
    pub const RELATION: &str = "relation";
    /// An `[[entity]]` of `entities/`.
    pub const ENTITY: &str = "entity";
    /// A `[[code]]` of `coding/`.
    pub const CODE: &str = "code";
    /// Every kind, in the order `check` lists them.
    pub const ALL: [&str; 9] = [
        DOCUMENT, SECTION, TASK, TARGET, SENTENCE, MENTION, RELATION, ENTITY, CODE,
    ];
}

impl DocumentFile {
    /// The file without its draft items, or `None` while its `[document]` is a draft. A
    /// mention or relation inside a draft sentence goes with it.
    pub(crate) fn without_drafts(mut self) -> Option<Self> {
        if self.document.get_ref().draft.is_some() {
            return None;
        }
        self.section.retain(|s| s.get_ref().draft.is_none());
        self.task.retain(|t| t.get_ref().draft.is_none());
        self.target.retain(|t| t.get_ref().draft.is_none());
        self.sentence.retain(|s| s.get_ref().draft.is_none());
        for sentence in &mut self.sentence {
            let sentence = sentence.get_mut();
            sentence.mention.retain(|m| m.get_ref().draft.is_none());
            sentence.relation.retain(|r| r.get_ref().draft.is_none());
        }
        Some(self)
    }
}

impl CodingFile {
    /// The file without its draft codes.
    pub(crate) fn without_drafts(mut self) -> Self {
        self.code.retain(|c| c.get_ref().draft.is_none());
        self
    }
}

/// The draft items of a graph-data folder, by file and kind.
#[derive(Debug, Default, Clone, PartialEq, Eq)]
pub struct PendingDrafts {
    /// For each file with drafts (its path in the folder), the count of each kind.
    pub by_file: BTreeMap<String, BTreeMap<&'static str, usize>>,
}

impl PendingDrafts {
    /// Counts the draft items of every document, entities and coding file. A file that does not
    /// parse is left out: the loader reports it.
    pub fn count(files: &DataFiles) -> Self {
        let mut pending = Self::default();
        for (path, text) in files.toml_files_in("documents") {
            let Ok(file) = toml::from_str::<DocumentFile>(text) else {
                continue;
            };
            let whole = file.document.get_ref().draft.is_some();
            let mut counts: BTreeMap<&'static str, usize> = BTreeMap::new();
            let mut add = |kind: &'static str, draft: bool| {
                if draft || whole {
                    *counts.entry(kind).or_default() += 1;
                }
            };
            add(items::DOCUMENT, whole);
            file.section
                .iter()
                .for_each(|s| add(items::SECTION, s.get_ref().draft.is_some()));
            file.task
                .iter()
                .for_each(|t| add(items::TASK, t.get_ref().draft.is_some()));
            file.target
                .iter()
                .for_each(|t| add(items::TARGET, t.get_ref().draft.is_some()));
            for sentence in &file.sentence {
                let sentence = sentence.get_ref();
                let draft = sentence.draft.is_some();
                add(items::SENTENCE, draft);
                sentence
                    .mention
                    .iter()
                    .for_each(|m| add(items::MENTION, draft || m.get_ref().draft.is_some()));
                sentence
                    .relation
                    .iter()
                    .for_each(|r| add(items::RELATION, draft || r.get_ref().draft.is_some()));
            }
            if !counts.is_empty() {
                pending.by_file.insert(path.to_owned(), counts);
            }
        }
        for (path, text) in files.toml_files_in("entities") {
            if let Ok(file) = toml::from_str::<EntitiesFile>(text) {
                let drafts = file.entity.iter().filter(|e| e.get_ref().draft.is_some());
                pending.add(path, items::ENTITY, drafts.count());
            }
        }
        for (path, text) in files.toml_files_in("coding") {
            if let Ok(file) = toml::from_str::<CodingFile>(text) {
                let drafts = file.code.iter().filter(|c| c.get_ref().draft.is_some());
                pending.add(path, items::CODE, drafts.count());
            }
        }
        pending
    }

    /// Counts `drafts` items of `kind` in the file `path`, if there are any.
    fn add(&mut self, path: &str, kind: &'static str, drafts: usize) {
        if drafts > 0 {
            self.by_file
                .entry(path.to_owned())
                .or_default()
                .insert(kind, drafts);
        }
    }

    /// Whether nothing awaits review.
    pub fn is_empty(&self) -> bool {
        self.by_file.is_empty()
    }

    /// The count of one kind over every file.
    pub fn total(&self, kind: &str) -> usize {
        self.by_file
            .values()
            .filter_map(|counts| counts.get(kind))
            .sum()
    }

    /// What `sunan-kg check` prints after its summary: the totals by kind, then each file.
    /// Empty when nothing awaits review.
    pub fn to_text(&self) -> String {
        let mut out = String::new();
        if self.is_empty() {
            return out;
        }
        // Writing to a String cannot fail.
        let _ = writeln!(out, "\ndrafts awaiting review (not loaded, not served):");
        for kind in items::ALL {
            let total = self.total(kind);
            if total > 0 {
                let _ = writeln!(out, "  {kind:<20} {total:>5}");
            }
        }
        for (path, counts) in &self.by_file {
            let listed: Vec<String> = items::ALL
                .iter()
                .filter_map(|kind| counts.get(kind).map(|n| format!("{n} {kind}")))
                .collect();
            let _ = writeln!(out, "  {path}: {}", listed.join(", "));
        }
        out
    }
}
