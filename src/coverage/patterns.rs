//! The name patterns of `coverage.toml`: the endings that mark a name and the quotation marks
//! whose content is a candidate.

use std::collections::HashSet;

use crate::data::LoadError;
use crate::data::coverage_files::{CoverageFile, PatternsFile};

/// An ending that marks a name (…研究院, …园区).
#[derive(Debug)]
pub(super) struct Suffix {
    /// The ending as written (`园区`).
    pub text: String,
    /// Its characters, as the scan compares them.
    pub chars: Vec<char>,
    /// Characters that, right after the ending, make it part of a word (周期, 周边).
    pub not_followed_by: Vec<char>,
}

/// What the scan looks for, checked.
#[derive(Debug)]
pub(super) struct NamePatterns {
    /// The endings, in the file's order, which is the order candidates at one place are listed.
    pub suffixes: Vec<Suffix>,
    /// Pairs of quotation marks (open, close), in the file's order.
    pub quotes: Vec<(char, char)>,
}

impl NamePatterns {
    /// The patterns of `coverage.toml`, or every problem of the file.
    pub fn read(file: CoverageFile<'_, PatternsFile>) -> Result<Self, LoadError> {
        let mut problems = Vec::new();
        let mut suffixes: Vec<Suffix> = Vec::new();
        let mut seen = HashSet::new();
        for suffix in &file.content.suffixes {
            let text = suffix.get_ref();
            if text.trim().is_empty() {
                problems.push(file.problem(suffix.span(), "a suffix is empty".to_owned()));
            } else if !seen.insert(text.as_str()) {
                let reason = format!("suffix {text:?} is listed twice");
                problems.push(file.problem(suffix.span(), reason));
            } else {
                suffixes.push(Suffix {
                    text: text.clone(),
                    chars: text.chars().collect(),
                    not_followed_by: Vec::new(),
                });
            }
        }
        for exception in &file.content.not_an_ending {
            let decl = exception.get_ref();
            let reason = if decl.reason.trim().is_empty() {
                Some(format!(
                    "not_an_ending {:?} must give a reason",
                    decl.suffix
                ))
            } else if decl.followed_by.is_empty() {
                Some(format!(
                    "not_an_ending {:?} lists no characters in followed_by",
                    decl.suffix
                ))
            } else {
                None
            };
            let suffix = suffixes.iter_mut().find(|s| s.text == decl.suffix);
            match (reason, suffix) {
                (Some(reason), _) => problems.push(file.problem(exception.span(), reason)),
                (None, None) => {
                    let reason = format!(
                        "not_an_ending names {:?}, which is not one of the suffixes",
                        decl.suffix
                    );
                    problems.push(file.problem(exception.span(), reason));
                }
                (None, Some(suffix)) => suffix.not_followed_by.extend(decl.followed_by.chars()),
            }
        }
        let quotes = file
            .content
            .quotes
            .iter()
            .map(|pair| (pair.get_ref().open, pair.get_ref().close))
            .collect();
        if problems.is_empty() {
            Ok(Self { suffixes, quotes })
        } else {
            Err(LoadError { problems })
        }
    }

    /// Whether `text` is one of the endings: an ignore entry that is only an ending would
    /// explain every candidate with it.
    pub fn is_suffix(&self, text: &str) -> bool {
        self.suffixes.iter().any(|suffix| suffix.text == text)
    }
}
