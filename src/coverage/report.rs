//! What a coverage scan found, and the text `sunan-kg coverage` prints of it.

use std::collections::BTreeMap;
use std::fmt::Write;

/// Where a candidate was found.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Candidate {
    /// The document id.
    pub document: String,
    /// The candidate as found (the run of name characters before the pattern's end, or the
    /// quoted text).
    pub text: String,
    /// Which pattern found it (`…研究院`, `“…”`).
    pub pattern: String,
    /// A few characters of context.
    pub context: String,
}

/// The outcome of a coverage scan.
#[derive(Debug, Default)]
pub struct CoverageReport {
    /// Candidates per document, explained or not.
    pub candidates: BTreeMap<String, usize>,
    /// Candidates explained by an entity name or alias.
    pub named: usize,
    /// Candidates explained by an ignored phrase.
    pub ignored: usize,
    /// Candidates explained as common nouns by a generic word before the pattern.
    pub generic: usize,
    /// Candidates nobody explained: each needs an entity or an ignore entry.
    pub unexplained: Vec<Candidate>,
    /// Ignore entries that explain nothing (stale).
    pub unused_ignores: Vec<String>,
    /// Number of ignore entries.
    pub ignore_entries: usize,
}

impl CoverageReport {
    /// Candidates in all documents.
    pub fn total(&self) -> usize {
        self.candidates.values().sum()
    }

    /// Whether every candidate is explained and every ignore entry explains something.
    pub fn is_complete(&self) -> bool {
        self.unexplained.is_empty() && self.unused_ignores.is_empty()
    }

    /// The report as `sunan-kg coverage` prints it: one tab-separated line per unexplained
    /// candidate (document, pattern, text, context), the totals, and the stale entries.
    pub fn to_text(&self) -> String {
        let mut out = String::new();
        // Writing to a String cannot fail.
        for candidate in &self.unexplained {
            let _ = writeln!(
                out,
                "{}\t{}\t{}\t…{}…",
                candidate.document, candidate.pattern, candidate.text, candidate.context
            );
        }
        let _ = writeln!(
            out,
            "\n{} candidate names in {} documents: {} are names of entities, {} ignored phrases, {} common nouns after a generic word ({} ignore entries), {} unexplained",
            self.total(),
            self.candidates.len(),
            self.named,
            self.ignored,
            self.generic,
            self.ignore_entries,
            self.unexplained.len()
        );
        for text in &self.unused_ignores {
            let _ = writeln!(out, "unused ignore entry: {text}");
        }
        out
    }
}
