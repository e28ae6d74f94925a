//! The coverage check: scans every source text for strings that look like names (by the
//! naming patterns of this domain and by quotation marks) and reports those that are neither
//! a name of some entity nor on the ignore lists (`graph-data/coverage/*.toml`), where each
//! entry says why it is not an entity.

use std::collections::{BTreeMap, HashMap, HashSet};

use serde::Deserialize;
use toml::Spanned;

use crate::data::{DataFiles, LoadError, Problem};
use crate::model::compact;
use crate::model::{Details, Model};
use crate::names::ScriptConverter;

/// The folder of ignore lists, relative to graph-data (one file per document, by convention).
pub const IGNORE_FOLDER: &str = "coverage";

/// Endings that mark a name in these documents, in simplified script; the traditional forms
/// are derived.
pub const NAME_SUFFIXES: &[&str] = &[
    "研究院",
    "研究所",
    "实验室",
    "中心",
    "园",
    "园区",
    "科技城",
    "高新区",
    "示范区",
    "众创空间",
    "孵化器",
    "社区",
    "基金",
    "贷",
    "计划",
    "工程",
    "行动",
    "联盟",
    "集团",
    "公司",
    "大学",
    "博览会",
    "大赛",
    "周",
    "峰会",
];

/// Characters after 周 that make it part of a word (周期, 周边 …) rather than a name's end.
const NOT_A_WEEK: &str = "期边年围转密全到";

/// Longest candidate kept for display.
const MAX_CANDIDATE_CHARS: usize = 24;

/// One entry of the ignore list.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct IgnoreEntry {
    text: String,
    reason: String,
    /// The document the entry applies to (from its file name), or every document.
    #[serde(skip)]
    scope: Option<String>,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct IgnoreFile {
    /// Phrases ending in a pattern that are not names (generic phrases, slogans, page chrome).
    #[serde(default)]
    ignore: Vec<Spanned<IgnoreEntry>>,
    /// Words that, standing right before a pattern, make it a common noun: verbs (推进高新区),
    /// determiners (各园区) and generic modifiers (创新型园区).
    #[serde(default)]
    generic: Vec<Spanned<IgnoreEntry>>,
}

/// The parsed ignore file.
struct Ignores {
    phrases: Vec<IgnoreEntry>,
    generic: Vec<IgnoreEntry>,
}

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

/// A phrase that explains candidates, and whether it is an entity name or ignored text.
#[derive(Clone, Copy, PartialEq, Eq)]
enum Explanation {
    Name,
    Ignore(usize),
}

/// Scans every source of `model` against its names and the ignore lists in `files`.
///
/// Everything is compared in simplified script with whitespace removed, so a traditional
/// source is matched by the simplified names of the graph. Entries of `coverage/<id>.toml`
/// apply to document `<id>` only; entries of any other file there apply to every document.
pub fn check_coverage(model: &Model, files: &DataFiles) -> Result<CoverageReport, LoadError> {
    let converter = ScriptConverter::shared()
        .map_err(|e| LoadError::single("OpenCC".into(), 0, e.to_string()))?;
    let fold = |text: &str| converter.simplified(&compact(text));
    let ignores = read_ignores(files)?;

    // Every known phrase, folded, with everything that it explains.
    let mut names: HashSet<String> = HashSet::new();
    for entity in &model.entities {
        if matches!(entity.details, Details::None) {
            names.insert(fold(&entity.name));
            for form in &entity.written_forms {
                names.insert(fold(form));
            }
        }
    }
    let ignore_texts: Vec<String> = ignores.phrases.iter().map(|e| fold(&e.text)).collect();
    let generic_texts: Vec<Vec<char>> = ignores
        .generic
        .iter()
        .map(|e| fold(&e.text).chars().collect())
        .collect();
    let suffixes: Vec<Vec<char>> = NAME_SUFFIXES.iter().map(|s| s.chars().collect()).collect();

    let mut report = CoverageReport {
        ignore_entries: ignores.phrases.len() + ignores.generic.len(),
        ..CoverageReport::default()
    };
    let mut phrase_used = vec![false; ignores.phrases.len()];
    let mut generic_used = vec![false; ignores.generic.len()];
    let mut sources: Vec<_> = model.sources.iter().collect();
    sources.sort_by_key(|(document, _)| **document);
    for (&document, source) in sources {
        let document_id = model.entities[document].id.clone();
        let applies = |scope: &Option<String>| scope.as_ref().is_none_or(|s| *s == document_id);
        let text: Vec<char> = fold(source.text()).chars().collect();
        let mut phrases: Vec<(&str, Explanation)> = names
            .iter()
            .map(|n| (n.as_str(), Explanation::Name))
            .collect();
        for (index, entry) in ignores.phrases.iter().enumerate() {
            if applies(&entry.scope) {
                phrases.push((ignore_texts[index].as_str(), Explanation::Ignore(index)));
            }
        }
        let ends = phrase_ends(&text, &phrases);
        let mut found = 0;
        let mut settle = |report: &mut CoverageReport,
                          candidate: Candidate,
                          explanations: &[Explanation],
                          generic: &[usize]| {
            found += 1;
            if explanations.contains(&Explanation::Name) {
                report.named += 1;
            } else if explanations
                .iter()
                .any(|e| matches!(e, Explanation::Ignore(_)))
            {
                report.ignored += 1;
                for explanation in explanations {
                    if let Explanation::Ignore(index) = explanation {
                        phrase_used[*index] = true;
                    }
                }
            } else if !generic.is_empty() {
                report.generic += 1;
                for &index in generic {
                    generic_used[index] = true;
                }
            } else {
                report.unexplained.push(candidate);
            }
        };
        for position in 0..text.len() {
            for (suffix, pattern) in suffixes.iter().zip(NAME_SUFFIXES) {
                let end = position + suffix.len();
                if end > text.len() || text[position..end] != suffix[..] {
                    continue;
                }
                if is_covered_by_longer_suffix(&text, position, suffix, &suffixes)
                    || (*pattern == "周" && text.get(end).is_some_and(|c| NOT_A_WEEK.contains(*c)))
                {
                    continue;
                }
                let start = run_start(&text, position);
                if start == position {
                    continue; // The pattern alone, with no name before it.
                }
                let explanations: Vec<Explanation> = ends
                    .get(&end)
                    .into_iter()
                    .flatten()
                    .filter(|(phrase_start, _)| *phrase_start <= position)
                    .map(|(_, e)| *e)
                    .collect();
                let generic: Vec<usize> = generic_texts
                    .iter()
                    .enumerate()
                    .filter(|(index, word)| {
                        applies(&ignores.generic[*index].scope)
                            && text[start..position].ends_with(word)
                    })
                    .map(|(index, _)| index)
                    .collect();
                let candidate = Candidate {
                    document: document_id.clone(),
                    text: tail(&text[start..end]),
                    pattern: format!("…{pattern}"),
                    context: context(&text, start, end),
                };
                settle(&mut report, candidate, &explanations, &generic);
            }
        }
        for (open, close) in [('“', '”'), ('「', '」'), ('"', '"')] {
            let mut index = 0;
            while index < text.len() {
                if text[index] != open {
                    index += 1;
                    continue;
                }
                let Some(length) = text[index + 1..].iter().take(31).position(|&c| c == close)
                else {
                    index += 1;
                    continue;
                };
                let (start, end) = (index + 1, index + 1 + length);
                index = end + 1;
                if length == 0 {
                    continue;
                }
                let candidate = Candidate {
                    document: document_id.clone(),
                    text: text[start..end].iter().collect(),
                    pattern: format!("{open}…{close}"),
                    context: context(&text, start, end),
                };
                settle(
                    &mut report,
                    candidate,
                    &covering_phrases(&ends, start, end),
                    &[],
                );
            }
        }
        report.candidates.insert(document_id, found);
    }
    // An entry is stale when neither it nor an entry with the same text explained anything.
    let used_texts: HashSet<&str> = ignores
        .phrases
        .iter()
        .zip(&phrase_used)
        .chain(ignores.generic.iter().zip(&generic_used))
        .filter(|(_, used)| **used)
        .map(|(entry, _)| entry.text.as_str())
        .collect();
    report.unused_ignores = ignores
        .phrases
        .iter()
        .chain(&ignores.generic)
        .map(|entry| entry.text.clone())
        .filter(|text| !used_texts.contains(text.as_str()))
        .collect();
    report.unused_ignores.sort();
    report.unused_ignores.dedup();
    Ok(report)
}

fn read_ignores(files: &DataFiles) -> Result<Ignores, LoadError> {
    let mut ignores = Ignores {
        phrases: Vec::new(),
        generic: Vec::new(),
    };
    let mut problems = Vec::new();
    for (path, text) in files.toml_files_in(IGNORE_FOLDER) {
        let stem = path
            .rsplit('/')
            .next()
            .unwrap_or(path)
            .trim_end_matches(".toml");
        let scope = files
            .get(&format!("documents/{stem}.toml"))
            .is_some()
            .then(|| stem.to_owned());
        let line_of = |offset: usize| text[..offset.min(text.len())].matches('\n').count() + 1;
        let file: IgnoreFile = match toml::from_str(text) {
            Ok(file) => file,
            Err(e) => {
                problems.push(Problem {
                    file: files.display_path(path),
                    line: e.span().map_or(0, |s| line_of(s.start)),
                    reason: e.message().to_owned(),
                });
                continue;
            }
        };
        let mut check =
            |entries: Vec<Spanned<IgnoreEntry>>, is_phrase: bool, into: &mut Vec<IgnoreEntry>| {
                for entry in entries {
                    let line = line_of(entry.span().start);
                    let entry = entry.into_inner();
                    let reason = if entry.reason.trim().is_empty() {
                        Some(format!("entry {:?} must give a reason", entry.text))
                    } else if entry.text.trim().is_empty() {
                        Some("entry has no text".to_owned())
                    } else if is_phrase && NAME_SUFFIXES.contains(&entry.text.as_str()) {
                        Some(format!(
                            "entry {:?} is only a pattern; it would hide every name",
                            entry.text
                        ))
                    } else {
                        None
                    };
                    match reason {
                        Some(reason) => problems.push(Problem {
                            file: files.display_path(path),
                            line,
                            reason,
                        }),
                        None => into.push(IgnoreEntry {
                            scope: scope.clone(),
                            ..entry
                        }),
                    }
                }
            };
        check(file.ignore, true, &mut ignores.phrases);
        check(file.generic, false, &mut ignores.generic);
    }
    if problems.is_empty() {
        Ok(ignores)
    } else {
        Err(LoadError { problems })
    }
}

/// For every end position in `text`, the known phrases ending there: (start, explanation).
fn phrase_ends(
    text: &[char],
    phrases: &[(&str, Explanation)],
) -> HashMap<usize, Vec<(usize, Explanation)>> {
    let joined: String = text.iter().collect();
    // Byte offsets of `joined` to char positions.
    let mut char_at = HashMap::new();
    for (position, (offset, _)) in joined.char_indices().enumerate() {
        char_at.insert(offset, position);
    }
    char_at.insert(joined.len(), text.len());
    let mut ends: HashMap<usize, Vec<(usize, Explanation)>> = HashMap::new();
    for &(phrase, explanation) in phrases {
        if phrase.is_empty() {
            continue;
        }
        for (offset, _) in joined.match_indices(phrase) {
            let start = char_at[&offset];
            let end = char_at[&(offset + phrase.len())];
            ends.entry(end).or_default().push((start, explanation));
        }
    }
    ends
}

/// Everything that covers the span `start..end` (a phrase starting at or before it and ending
/// at or after it, within a short reach).
fn covering_phrases(
    ends: &HashMap<usize, Vec<(usize, Explanation)>>,
    start: usize,
    end: usize,
) -> Vec<Explanation> {
    (end..=end + 30)
        .filter_map(|phrase_end| ends.get(&phrase_end))
        .flatten()
        .filter(|(phrase_start, _)| *phrase_start <= start)
        .map(|(_, e)| *e)
        .collect()
}

fn is_covered_by_longer_suffix(
    text: &[char],
    position: usize,
    suffix: &[char],
    suffixes: &[Vec<char>],
) -> bool {
    suffixes.iter().any(|longer| {
        longer.len() > suffix.len()
            && longer.starts_with(suffix)
            && text[position..].starts_with(longer)
    })
}

/// Where the run of name characters that ends just before `position` starts.
fn run_start(text: &[char], position: usize) -> usize {
    let mut start = position;
    while start > 0 && is_name_char(text[start - 1]) && position - start < 40 {
        start -= 1;
    }
    start
}

fn is_name_char(c: char) -> bool {
    c.is_ascii_alphanumeric() || matches!(c, '(' | ')' | '（' | '）' | '·') || is_cjk(c)
}

fn is_cjk(c: char) -> bool {
    matches!(c as u32, 0x3400..=0x4DBF | 0x4E00..=0x9FFF | 0xF900..=0xFAFF | 0x20000..=0x2FA1F)
}

fn tail(chars: &[char]) -> String {
    let skip = chars.len().saturating_sub(MAX_CANDIDATE_CHARS);
    chars[skip..].iter().collect()
}

fn context(text: &[char], start: usize, end: usize) -> String {
    let from = start.saturating_sub(8);
    let to = (end + 8).min(text.len());
    text[from..to].iter().collect()
}
