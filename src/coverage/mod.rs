//! The coverage check: scans every source text for strings that look like names (by the name
//! patterns of `graph-data/coverage.toml`: the endings of this domain and quotation marks) and
//! reports those that are neither a name of some entity nor on the ignore lists
//! (`graph-data/coverage/*.toml`), where each entry says why it is not an entity.
//!
//! `patterns` and `ignores` give the files' entries their meaning (the files are read by
//! [`crate::data`]), `scan` finds and settles the candidates, and `report` holds the outcome.

mod ignores;
mod patterns;
mod report;
mod scan;

pub use report::{Candidate, CoverageReport};

use self::ignores::IgnoreLists;
use self::patterns::NamePatterns;
use crate::data::{DataFiles, LoadError, coverage_files};
use crate::model::Model;
use crate::names::{ConverterError, ScriptConverter};

/// Why the coverage check could not run.
#[derive(Debug, thiserror::Error)]
pub enum CoverageError {
    /// The patterns or the ignore lists have problems.
    #[error(transparent)]
    Data(#[from] LoadError),
    /// The script converter, which folds traditional sources, could not be loaded.
    #[error(transparent)]
    Converter(#[from] ConverterError),
}

/// Scans every source of `model` against its names and the patterns and ignore lists in
/// `files`.
///
/// Everything is compared in simplified script with whitespace removed, so a traditional
/// source is matched by the simplified names of the graph. Entries of `coverage/<id>.toml`
/// apply to document `<id>` only; entries of any other file there apply to every document.
pub fn check_coverage(model: &Model, files: &DataFiles) -> Result<CoverageReport, CoverageError> {
    let converter = ScriptConverter::shared()?;
    let (patterns, ignores) = read_lists(files)?;
    Ok(scan::scan(model, &patterns, &ignores, converter))
}

/// A span of a text that the name patterns mark as a candidate name.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct NameSpan {
    /// Characters of the text the span was found in, the ending included.
    pub range: std::ops::Range<usize>,
    /// The ending that marks it (`研究院`), or the quotation marks around it (`“…”`).
    pub suffix: String,
    /// Whether it is the text between quotation marks rather than a run before an ending.
    pub quoted: bool,
}

/// The candidate names of one text (a sequence of characters in simplified script) by the
/// patterns of `coverage.toml` (endings and quotation marks), less those the ignore lists explain for `document`:
/// what `sunan-kg draft` proposes as new entities. Entries scoped to another document do not
/// apply, so a draft of a document never benefits from the curated lists of that document.
pub fn name_spans(
    files: &DataFiles,
    document: &str,
    text: &[char],
) -> Result<Vec<NameSpan>, CoverageError> {
    let converter = ScriptConverter::shared()?;
    let (patterns, ignores) = read_lists(files)?;
    Ok(scan::unexplained_spans(
        text, document, &patterns, &ignores, converter,
    ))
}

/// The patterns and the ignore lists, or the problems of both, so that a curator sees them all
/// in one pass.
fn read_lists(files: &DataFiles) -> Result<(NamePatterns, IgnoreLists), LoadError> {
    let patterns = coverage_files::read_patterns(files).and_then(NamePatterns::read);
    let ignore_files = coverage_files::read_ignore_files(files);
    let (ignores, ignore_problems) = IgnoreLists::read(ignore_files, patterns.as_ref().ok());
    match patterns {
        Ok(patterns) if ignore_problems.is_empty() => Ok((patterns, ignores)),
        Ok(_) => Err(LoadError {
            problems: ignore_problems,
        }),
        Err(mut error) => {
            error.problems.extend(ignore_problems);
            Err(error)
        }
    }
}

#[cfg(test)]
mod tests {
    use std::collections::BTreeMap;

    use super::*;

    const PATTERNS: &str = "suffixes = [\"园\", \"园区\", \"周\"]\n\n[[not_an_ending]]\nsuffix = \"周\"\nfollowed_by = \"期边\"\nreason = \"周期 and 周边 are words\"\n\n[[quotes]]\nopen = \"“\"\nclose = \"”\"\n";

    fn files(entries: &[(&str, &str)]) -> DataFiles {
        let map: BTreeMap<String, String> = entries
            .iter()
            .map(|(path, text)| ((*path).to_owned(), (*text).to_owned()))
            .collect();
        DataFiles::from_map("graph-data", map)
    }

    fn problems(files: &DataFiles) -> Vec<String> {
        match read_lists(files) {
            Ok(_) => Vec::new(),
            Err(error) => error.problems.iter().map(ToString::to_string).collect(),
        }
    }

    #[test]
    fn patterns_and_ignore_lists_are_read_with_their_scope() {
        let files = files(&[
            ("coverage.toml", PATTERNS),
            ("documents/a.toml", ""),
            (
                "coverage/a.toml",
                "[[ignore]]\ntext = \"某园\"\nreason = \"r\"\n\n[[generic]]\ntext = \"各\"\nreason = \"r\"\n",
            ),
            (
                "coverage/common.toml",
                "[[ignore]]\ntext = \"另园\"\nreason = \"r\"\n",
            ),
        ]);
        let (patterns, ignores) = read_lists(&files).expect("valid");
        let suffixes: Vec<&str> = patterns.suffixes.iter().map(|s| s.text.as_str()).collect();
        assert_eq!(suffixes, ["园", "园区", "周"]);
        assert_eq!(patterns.suffixes[2].not_followed_by, ['期', '边']);
        assert_eq!(patterns.quotes, [('“', '”')]);
        assert_eq!(ignores.entry_count(), 3);
        let [scoped, global] = &ignores.phrases[..] else {
            panic!("two phrases: {:?}", ignores.phrases);
        };
        assert!(scoped.applies_to("a") && !scoped.applies_to("b"));
        assert!(global.applies_to("a") && global.applies_to("b"));
        assert!(ignores.generic[0].applies_to("a") && !ignores.generic[0].applies_to("b"));
    }

    #[test]
    fn every_problem_of_every_file_is_reported_with_file_and_line() {
        let files = files(&[
            (
                "coverage.toml",
                "suffixes = [\"园\", \"园\"]\n\n[[not_an_ending]]\nsuffix = \"馆\"\nfollowed_by = \"长\"\nreason = \"r\"\n",
            ),
            ("coverage/bad.toml", "[[ignore]]\ntext = 3\n"),
            (
                "coverage/x.toml",
                "[[ignore]]\ntext = \"园\"\nreason = \"r\"\n\n[[generic]]\ntext = \"各\"\nreason = \" \"\n",
            ),
        ]);
        assert_eq!(
            problems(&files),
            [
                "graph-data/coverage.toml:1: suffix \"园\" is listed twice",
                "graph-data/coverage.toml:3: not_an_ending names \"馆\", which is not one of the suffixes",
                "graph-data/coverage/bad.toml:2: invalid type: integer `3`, expected a string",
                // Not "only a pattern": that is checked against valid patterns only.
                "graph-data/coverage/x.toml:5: entry \"各\" must give a reason",
            ]
        );
    }

    #[test]
    fn an_ignored_phrase_that_is_only_a_pattern_is_refused() {
        let files = files(&[
            ("coverage.toml", PATTERNS),
            (
                "coverage/x.toml",
                "[[ignore]]\ntext = \"园区\"\nreason = \"r\"\n\n[[generic]]\ntext = \"园\"\nreason = \"a generic word may be one\"\n",
            ),
        ]);
        assert_eq!(
            problems(&files),
            [
                "graph-data/coverage/x.toml:1: entry \"园区\" is only a pattern; it would hide every name"
            ]
        );
    }

    #[test]
    fn the_patterns_file_is_required() {
        assert_eq!(
            problems(&files(&[])),
            ["graph-data/coverage.toml: file is missing"]
        );
    }
}
