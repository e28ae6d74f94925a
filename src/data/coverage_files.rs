//! The files of the coverage check, as curators write them: `coverage.toml` (the name patterns
//! the scan looks for) and `coverage/*.toml` (the ignore lists, each entry with its reason).
//! This module reads them from [`DataFiles`] and reports a file that does not parse with its
//! file and line; what the entries mean is [`crate::coverage`]'s concern.

use std::ops::Range;

use serde::Deserialize;
use serde::de::DeserializeOwned;
use toml::Spanned;

use super::{DataFiles, LoadError, Problem};

/// The name patterns of the coverage check, relative to graph-data.
pub const PATTERNS_FILE: &str = "coverage.toml";

/// The folder of ignore lists, relative to graph-data (one file per document, by convention).
pub const IGNORE_FOLDER: &str = "coverage";

/// `coverage.toml`: what in a source text looks like a name.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct PatternsFile {
    /// Endings that mark a name (…研究院, …园区), in simplified script, in scan order.
    pub suffixes: Vec<Spanned<String>>,
    /// Characters that, right after an ending, make it part of a word (周期, 周边).
    #[serde(default)]
    pub not_an_ending: Vec<Spanned<NotAnEndingDecl>>,
    /// Quotation marks whose content is a candidate, in scan order.
    #[serde(default)]
    pub quotes: Vec<Spanned<QuotesDecl>>,
}

/// One `[[not_an_ending]]` of `coverage.toml`.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct NotAnEndingDecl {
    /// The ending, one of the suffixes.
    pub suffix: String,
    /// The characters that, following it, make it part of a word.
    pub followed_by: String,
    /// Why.
    pub reason: String,
}

/// One `[[quotes]]` of `coverage.toml`: a pair of quotation marks.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct QuotesDecl {
    /// The opening mark.
    pub open: char,
    /// The closing mark (the same as the opening one for `"`).
    pub close: char,
}

/// A file of `coverage/`: phrases and words that explain candidates which are not names.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct IgnoreFile {
    /// Phrases ending in a pattern that are not names (generic phrases, slogans, page chrome).
    #[serde(default)]
    pub ignore: Vec<Spanned<IgnoreDecl>>,
    /// Words that, standing right before a pattern, make it a common noun: verbs (推进高新区),
    /// determiners (各园区) and generic modifiers (创新型园区).
    #[serde(default)]
    pub generic: Vec<Spanned<IgnoreDecl>>,
}

/// One `[[ignore]]` or `[[generic]]` entry.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct IgnoreDecl {
    /// The phrase or word, in simplified script.
    pub text: String,
    /// Why it is not a name.
    pub reason: String,
}

/// One coverage file as read: its content, and what problems with it need to name their line.
#[derive(Debug)]
pub struct CoverageFile<'a, T> {
    /// The parsed content.
    pub content: T,
    /// The document the file is about, when it is named after one (`coverage/<id>.toml` for
    /// `documents/<id>.toml`); its entries apply to that document only.
    pub document: Option<String>,
    /// How error messages name the file.
    file: String,
    text: &'a str,
}

impl<T> CoverageFile<'_, T> {
    /// A problem at `span` of the file (a span of one of its [`Spanned`] values).
    pub fn problem(&self, span: Range<usize>, reason: String) -> Problem {
        Problem {
            file: self.file.clone(),
            line: line_of(self.text, span.start),
            reason,
        }
    }
}

/// Reads `coverage.toml`, which must exist.
pub fn read_patterns(files: &DataFiles) -> Result<CoverageFile<'_, PatternsFile>, LoadError> {
    let Some(text) = files.get(PATTERNS_FILE) else {
        return Err(LoadError::single(
            files.display_path(PATTERNS_FILE),
            0,
            "file is missing".to_owned(),
        ));
    };
    parse(files, PATTERNS_FILE, text, None).map_err(|problem| LoadError {
        problems: vec![problem],
    })
}

/// Reads every file of `coverage/`, in name order: each parsed, or the problem that keeps it
/// from parsing (so that the entries of the other files can still be checked). A folder that
/// is absent has no files.
pub fn read_ignore_files(files: &DataFiles) -> Vec<Result<CoverageFile<'_, IgnoreFile>, Problem>> {
    files
        .toml_files_in(IGNORE_FOLDER)
        .map(|(path, text)| {
            let stem = path
                .rsplit('/')
                .next()
                .unwrap_or(path)
                .trim_end_matches(".toml");
            let document = files
                .get(&format!("documents/{stem}.toml"))
                .is_some()
                .then(|| stem.to_owned());
            parse(files, path, text, document)
        })
        .collect()
}

fn parse<'a, T: DeserializeOwned>(
    files: &DataFiles,
    path: &str,
    text: &'a str,
    document: Option<String>,
) -> Result<CoverageFile<'a, T>, Problem> {
    let file = files.display_path(path);
    match toml::from_str(text) {
        Ok(content) => Ok(CoverageFile {
            content,
            document,
            file,
            text,
        }),
        Err(error) => Err(Problem {
            line: error.span().map_or(0, |span| line_of(text, span.start)),
            file,
            reason: error.message().to_owned(),
        }),
    }
}

/// The 1-based line of a byte offset.
fn line_of(text: &str, offset: usize) -> usize {
    let before = &text.as_bytes()[..offset.min(text.len())];
    before.iter().filter(|&&byte| byte == b'\n').count() + 1
}
