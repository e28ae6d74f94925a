//! The ignore lists of `coverage/*.toml`: phrases that look like names but are not, and words
//! that make the pattern after them a common noun, each with the reason a curator gave.

use toml::Spanned;

use super::patterns::NamePatterns;
use crate::data::Problem;
use crate::data::coverage_files::{CoverageFile, IgnoreDecl, IgnoreFile};

/// One entry of an ignore list.
#[derive(Debug)]
pub(super) struct IgnoreEntry {
    /// The phrase or word, as written.
    pub text: String,
    /// The document the entry applies to (its file is named after it), or every document.
    scope: Option<String>,
}

impl IgnoreEntry {
    /// Whether the entry applies to the document with this id.
    pub fn applies_to(&self, document: &str) -> bool {
        self.scope.as_deref().is_none_or(|scope| scope == document)
    }
}

/// Every ignore list, checked.
#[derive(Debug, Default)]
pub(super) struct IgnoreLists {
    /// Phrases that are not names (`[[ignore]]`).
    pub phrases: Vec<IgnoreEntry>,
    /// Words that make the pattern after them a common noun (`[[generic]]`).
    pub generic: Vec<IgnoreEntry>,
}

impl IgnoreLists {
    /// The entries of `files`, and every problem, in file order: a file that does not parse,
    /// an entry without text or reason, or an ignored phrase that is only one of the
    /// `patterns` (it would hide every name; not checked when the patterns have problems).
    pub fn read(
        files: Vec<Result<CoverageFile<'_, IgnoreFile>, Problem>>,
        patterns: Option<&NamePatterns>,
    ) -> (Self, Vec<Problem>) {
        let mut lists = Self::default();
        let mut problems = Vec::new();
        for file in files {
            let mut file = match file {
                Ok(file) => file,
                Err(problem) => {
                    problems.push(problem);
                    continue;
                }
            };
            let phrases = std::mem::take(&mut file.content.ignore);
            let generic = std::mem::take(&mut file.content.generic);
            check(&file, phrases, patterns, &mut lists.phrases, &mut problems);
            check(&file, generic, None, &mut lists.generic, &mut problems);
        }
        (lists, problems)
    }

    /// How many entries there are.
    pub fn entry_count(&self) -> usize {
        self.phrases.len() + self.generic.len()
    }
}

/// Keeps the entries of one kind of one file that pass the checks, and a problem for each other;
/// an entry must not be only one of `patterns`, if given.
fn check(
    file: &CoverageFile<'_, IgnoreFile>,
    entries: Vec<Spanned<IgnoreDecl>>,
    patterns: Option<&NamePatterns>,
    into: &mut Vec<IgnoreEntry>,
    problems: &mut Vec<Problem>,
) {
    for entry in entries {
        let span = entry.span();
        let IgnoreDecl { text, reason } = entry.into_inner();
        let problem = if reason.trim().is_empty() {
            Some(format!("entry {text:?} must give a reason"))
        } else if text.trim().is_empty() {
            Some("entry has no text".to_owned())
        } else if patterns.is_some_and(|patterns| patterns.is_suffix(&text)) {
            Some(format!(
                "entry {text:?} is only a pattern; it would hide every name"
            ))
        } else {
            None
        };
        match problem {
            Some(reason) => problems.push(file.problem(span, reason)),
            None => into.push(IgnoreEntry {
                text,
                scope: file.document.clone(),
            }),
        }
    }
}
