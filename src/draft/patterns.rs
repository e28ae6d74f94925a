//! `graph-data/drafting.toml`: what `sunan-kg draft` reads a new text with, as data. The
//! `[[ending]]` entries give the kind a new name's ending suggests (…研究院 a research
//! institute), and the endings the draft looks for itself beyond the coverage patterns
//! (…交易市场, …委员会); the `[[relation]]` entries are the sentence patterns that propose relations,
//! each with an id that the drafted relation carries as its rule.

use std::collections::HashSet;

use serde::Deserialize;
use toml::Spanned;

use super::DraftError;
use crate::data::DataFiles;
use crate::model::Model;

/// The file of the patterns, in a graph-data folder.
pub(crate) const PATTERNS_FILE: &str = "drafting.toml";

/// `drafting.toml`.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct PatternsFile {
    #[serde(default)]
    ending: Vec<Spanned<EndingDecl>>,
    #[serde(default)]
    relation: Vec<Spanned<RelationPatternDecl>>,
}

/// One `[[relation]]` of `drafting.toml`: a pattern that proposes relations.
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub(crate) struct RelationPatternDecl {
    pub id: String,
    pub relation: String,
    pub pattern: Shape,
    #[serde(default)]
    pub cues_before: Vec<String>,
    #[serde(default)]
    pub cues_between: Vec<String>,
    pub max_gap: Option<usize>,
    #[serde(default)]
    pub subject_kinds: Vec<String>,
    #[serde(default)]
    pub object_kinds: Vec<String>,
    pub because: Option<String>,
    pub inferred: Option<String>,
}

/// How a pattern reads a sentence.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub(crate) enum Shape {
    /// The subject's name begins with the object's name.
    NameBeginsWithObject,
    /// The object, a cue, the subject.
    ObjectCueSubject,
}

/// One `[[ending]]` of `drafting.toml`.
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub(crate) struct EndingDecl {
    /// The ending, in simplified script.
    pub suffix: String,
    /// The kind a name with this ending is proposed as.
    pub kind: String,
    /// Whether the draft looks for the ending itself, since the coverage patterns do not.
    #[serde(default)]
    pub scan: bool,
}

/// The checked contents of `drafting.toml`.
#[derive(Debug)]
pub(crate) struct DraftingPatterns {
    /// The endings, in file order.
    pub endings: Vec<EndingDecl>,
    /// The relation patterns, in file order.
    pub relations: Vec<RelationPatternDecl>,
}

impl DraftingPatterns {
    /// Reads and checks `drafting.toml` of `files` against the vocabulary of `model`. A
    /// problem names the file and line.
    pub fn read(files: &DataFiles, model: &Model) -> Result<Self, DraftError> {
        let problem = |line: Option<usize>, reason: String| DraftError::Patterns {
            file: format!("{}/{PATTERNS_FILE}", files.origin()),
            line,
            reason,
        };
        let text = files
            .get(PATTERNS_FILE)
            .ok_or_else(|| problem(None, "file is missing".to_owned()))?;
        let file: PatternsFile = toml::from_str(text).map_err(|error| {
            let line = error.span().map(|span| line_of(text, span.start));
            problem(line, error.message().to_owned())
        })?;
        let mut endings = Vec::new();
        let mut suffixes = HashSet::new();
        for decl in file.ending {
            let line = Some(line_of(text, decl.span().start));
            let decl = decl.into_inner();
            let reason = if decl.suffix.is_empty() {
                Some("the suffix is empty".to_owned())
            } else if !suffixes.insert(decl.suffix.clone()) {
                Some("the suffix is listed twice".to_owned())
            } else if model.vocabulary.kind(&decl.kind).is_none() {
                Some(format!("{:?} is not a kind of vocabulary.toml", decl.kind))
            } else {
                None
            };
            if let Some(reason) = reason {
                return Err(problem(line, format!("ending {:?}: {reason}", decl.suffix)));
            }
            endings.push(decl);
        }
        let mut relations = Vec::new();
        let mut ids = HashSet::new();
        let reasons = reason_ids(files);
        for decl in file.relation {
            let line = Some(line_of(text, decl.span().start));
            let decl = decl.into_inner();
            let reason = relation_problem(&decl, model, &mut ids).or_else(|| {
                let because = decl.because.as_ref()?;
                (!reasons.contains(because))
                    .then(|| format!("because {because:?} is not a reason of {REASONS_FILE}"))
            });
            if let Some(reason) = reason {
                return Err(problem(line, format!("relation {}: {reason}", decl.id)));
            }
            relations.push(decl);
        }
        Ok(Self { endings, relations })
    }

    /// The kind a name ending in `suffix` is proposed as, if the file gives one.
    pub fn kind_of_ending(&self, suffix: &str) -> Option<&str> {
        self.endings
            .iter()
            .find(|e| e.suffix == suffix)
            .map(|e| e.kind.as_str())
    }
}

/// The file of the reasons a relation may cite with `because`.
const REASONS_FILE: &str = "reasons.toml";

/// The ids of the reasons of `reasons.toml`; none when it does not parse, which the loader
/// reports.
fn reason_ids(files: &DataFiles) -> HashSet<String> {
    #[derive(Deserialize)]
    struct Reasons {
        #[serde(default)]
        reason: Vec<Reason>,
    }
    #[derive(Deserialize)]
    struct Reason {
        id: String,
    }
    files
        .get(REASONS_FILE)
        .and_then(|text| toml::from_str::<Reasons>(text).ok())
        .map(|file| file.reason.into_iter().map(|r| r.id).collect())
        .unwrap_or_default()
}

/// Why a pattern cannot be used, if it cannot.
fn relation_problem(
    decl: &RelationPatternDecl,
    model: &Model,
    ids: &mut HashSet<String>,
) -> Option<String> {
    if !ids.insert(decl.id.clone()) {
        return Some("the id is used twice".to_owned());
    }
    let Some(relation) = model.vocabulary.relation(&decl.relation) else {
        return Some(format!(
            "{:?} is not a relation of vocabulary.toml",
            decl.relation
        ));
    };
    if relation.generated || relation.role.is_some() {
        return Some(format!(
            "{} is made by the loader or is a role, not written in a sentence",
            decl.relation
        ));
    }
    let unknown = decl
        .subject_kinds
        .iter()
        .chain(&decl.object_kinds)
        .find(|k| model.vocabulary.kind(k).is_none());
    if let Some(kind) = unknown {
        return Some(format!("{kind:?} is not a kind of vocabulary.toml"));
    }
    if decl.object_kinds.is_empty() {
        return Some("the pattern needs object_kinds".to_owned());
    }
    let refused = decl
        .object_kinds
        .iter()
        .find(|k| !relation.allows_object(k))
        .or_else(|| {
            decl.subject_kinds
                .iter()
                .find(|k| !relation.allows_subject(k))
        });
    if let Some(kind) = refused {
        return Some(format!("{} does not admit a {kind}", decl.relation));
    }
    let cues_needed = match decl.pattern {
        Shape::NameBeginsWithObject => false,
        Shape::ObjectCueSubject => decl.cues_between.is_empty(),
    };
    if cues_needed {
        return Some("the pattern needs cues".to_owned());
    }
    if decl.because.is_some() && decl.inferred.is_some() {
        return Some("give `because` or `inferred`, not both".to_owned());
    }
    None
}

/// The line (from 1) of a byte offset.
fn line_of(text: &str, offset: usize) -> usize {
    text[..offset.min(text.len())].matches('\n').count() + 1
}
