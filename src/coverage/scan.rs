//! The scan: every source text, folded to simplified script without whitespace, searched for
//! candidates (a run of name characters before an ending, or text between quotation marks),
//! each settled as a name, an ignored phrase, a common noun, or unexplained.

use std::collections::{HashMap, HashSet};

use super::ignores::IgnoreLists;
use super::patterns::{NamePatterns, Suffix};
use super::report::{Candidate, CoverageReport};
use crate::model::{Details, Model, compact};
use crate::names::ScriptConverter;

/// Longest candidate kept for display.
const MAX_CANDIDATE_CHARS: usize = 24;

/// Longest run of name characters taken before an ending.
const MAX_RUN_CHARS: usize = 40;

/// Longest quoted text taken as a candidate.
const MAX_QUOTED_CHARS: usize = 30;

/// How far past a quoted text a known phrase covering it may end.
const COVERING_REACH: usize = 30;

/// Characters of context on either side of a candidate.
const CONTEXT_CHARS: usize = 8;

/// A phrase that explains candidates, and whether it is an entity name or ignored text.
#[derive(Clone, Copy, PartialEq, Eq)]
enum Explanation {
    Name,
    Ignore(usize),
}

/// For every end position in a text, the known phrases ending there: (start, explanation).
type PhraseEnds = HashMap<usize, Vec<(usize, Explanation)>>;

/// A candidate with what may explain it.
struct Found {
    candidate: Candidate,
    /// Known phrases that contain it.
    explanations: Vec<Explanation>,
    /// Generic words (indices into [`IgnoreLists::generic`]) right before its ending.
    generic: Vec<usize>,
    /// Where it is in the folded text, and what marks it.
    span: super::NameSpan,
}

/// One source, folded, with the known phrases found in it.
struct Source<'a> {
    document: &'a str,
    text: Vec<char>,
    ends: PhraseEnds,
}

/// Scans every source of `model` for the `patterns`, against the model's names and `ignores`.
pub(super) fn scan(
    model: &Model,
    patterns: &NamePatterns,
    ignores: &IgnoreLists,
    converter: &ScriptConverter,
) -> CoverageReport {
    let fold = |text: &str| converter.simplified(&compact(text));
    // Every known phrase, folded.
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
    let generic_words: Vec<Vec<char>> = ignores
        .generic
        .iter()
        .map(|e| fold(&e.text).chars().collect())
        .collect();

    let mut tally = Tally::new(ignores);
    let mut sources: Vec<_> = model.sources.iter().collect();
    sources.sort_by_key(|(document, _)| **document);
    for (&document, text) in sources {
        let document = model.entities[document].id.as_str();
        let text: Vec<char> = fold(text.text()).chars().collect();
        let mut phrases: Vec<(&str, Explanation)> = names
            .iter()
            .map(|n| (n.as_str(), Explanation::Name))
            .collect();
        for (index, entry) in ignores.phrases.iter().enumerate() {
            if entry.applies_to(document) {
                phrases.push((ignore_texts[index].as_str(), Explanation::Ignore(index)));
            }
        }
        let ends = phrase_ends(&text, &phrases);
        let source = Source {
            document,
            text,
            ends,
        };
        let generic_here: Vec<(usize, &[char])> = generic_words
            .iter()
            .enumerate()
            .filter(|(index, _)| ignores.generic[*index].applies_to(document))
            .map(|(index, word)| (index, word.as_slice()))
            .collect();
        let found: Vec<Found> = suffix_candidates(&source, &patterns.suffixes, &generic_here)
            .into_iter()
            .chain(quoted_candidates(&source, &patterns.quotes))
            .collect();
        tally
            .report
            .candidates
            .insert(document.to_owned(), found.len());
        for found in found {
            tally.settle(found);
        }
    }
    tally.finish(ignores)
}

/// The candidates that end in a suffix, in text order.
fn suffix_candidates(
    source: &Source<'_>,
    suffixes: &[Suffix],
    generic_words: &[(usize, &[char])],
) -> Vec<Found> {
    let text = &source.text;
    let mut found = Vec::new();
    for position in 0..text.len() {
        for suffix in suffixes {
            let end = position + suffix.chars.len();
            if end > text.len() || text[position..end] != suffix.chars[..] {
                continue;
            }
            let part_of_a_word = text
                .get(end)
                .is_some_and(|c| suffix.not_followed_by.contains(c));
            if is_covered_by_longer_suffix(text, position, suffix, suffixes) || part_of_a_word {
                continue;
            }
            let start = run_start(text, position);
            if start == position {
                continue; // The pattern alone, with no name before it.
            }
            let explanations = source
                .ends
                .get(&end)
                .into_iter()
                .flatten()
                .filter(|(phrase_start, _)| *phrase_start <= position)
                .map(|(_, e)| *e)
                .collect();
            let generic = generic_words
                .iter()
                .filter(|(_, word)| text[start..position].ends_with(word))
                .map(|(index, _)| *index)
                .collect();
            found.push(Found {
                candidate: Candidate {
                    document: source.document.to_owned(),
                    text: tail(&text[start..end]),
                    pattern: format!("…{}", suffix.text),
                    context: context(text, start, end),
                },
                explanations,
                generic,
                span: super::NameSpan {
                    range: start..end,
                    suffix: suffix.text.clone(),
                    quoted: false,
                },
            });
        }
    }
    found
}

/// The candidates between quotation marks, pair by pair, each in text order.
fn quoted_candidates(source: &Source<'_>, quotes: &[(char, char)]) -> Vec<Found> {
    let text = &source.text;
    let mut found = Vec::new();
    for &(open, close) in quotes {
        let mut index = 0;
        while index < text.len() {
            if text[index] != open {
                index += 1;
                continue;
            }
            let Some(length) = text[index + 1..]
                .iter()
                .take(MAX_QUOTED_CHARS + 1)
                .position(|&c| c == close)
            else {
                index += 1;
                continue;
            };
            let (start, end) = (index + 1, index + 1 + length);
            index = end + 1;
            if length == 0 {
                continue;
            }
            found.push(Found {
                candidate: Candidate {
                    document: source.document.to_owned(),
                    text: text[start..end].iter().collect(),
                    pattern: format!("{open}…{close}"),
                    context: context(text, start, end),
                },
                explanations: covering_phrases(&source.ends, start, end),
                generic: Vec::new(),
                span: super::NameSpan {
                    range: start..end,
                    suffix: format!("{open}…{close}"),
                    quoted: true,
                },
            });
        }
    }
    found
}

/// The counts of a scan so far, and which ignore entries explained something.
struct Tally {
    report: CoverageReport,
    phrase_used: Vec<bool>,
    generic_used: Vec<bool>,
}

impl Tally {
    fn new(ignores: &IgnoreLists) -> Self {
        Self {
            report: CoverageReport {
                ignore_entries: ignores.entry_count(),
                ..CoverageReport::default()
            },
            phrase_used: vec![false; ignores.phrases.len()],
            generic_used: vec![false; ignores.generic.len()],
        }
    }

    /// Counts a candidate by its strongest explanation: a name, then an ignored phrase, then a
    /// generic word; one with none is unexplained.
    fn settle(&mut self, found: Found) {
        let report = &mut self.report;
        if found.explanations.contains(&Explanation::Name) {
            report.named += 1;
        } else if found
            .explanations
            .iter()
            .any(|e| matches!(e, Explanation::Ignore(_)))
        {
            report.ignored += 1;
            for explanation in &found.explanations {
                if let Explanation::Ignore(index) = explanation {
                    self.phrase_used[*index] = true;
                }
            }
        } else if !found.generic.is_empty() {
            report.generic += 1;
            for &index in &found.generic {
                self.generic_used[index] = true;
            }
        } else {
            report.unexplained.push(found.candidate);
        }
    }

    /// The report, with the stale entries: those that neither explained anything themselves
    /// nor share their text with an entry that did.
    fn finish(mut self, ignores: &IgnoreLists) -> CoverageReport {
        let used_texts: HashSet<&str> = ignores
            .phrases
            .iter()
            .zip(&self.phrase_used)
            .chain(ignores.generic.iter().zip(&self.generic_used))
            .filter(|(_, used)| **used)
            .map(|(entry, _)| entry.text.as_str())
            .collect();
        let mut unused: Vec<String> = ignores
            .phrases
            .iter()
            .chain(&ignores.generic)
            .map(|entry| entry.text.clone())
            .filter(|text| !used_texts.contains(text.as_str()))
            .collect();
        unused.sort();
        unused.dedup();
        self.report.unused_ignores = unused;
        self.report
    }
}

/// For every end position in `text`, the known phrases ending there.
fn phrase_ends(text: &[char], phrases: &[(&str, Explanation)]) -> PhraseEnds {
    let joined: String = text.iter().collect();
    // Byte offsets of `joined` to char positions.
    let mut char_at = HashMap::new();
    for (position, (offset, _)) in joined.char_indices().enumerate() {
        char_at.insert(offset, position);
    }
    char_at.insert(joined.len(), text.len());
    let mut ends = PhraseEnds::new();
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
fn covering_phrases(ends: &PhraseEnds, start: usize, end: usize) -> Vec<Explanation> {
    (end..=end + COVERING_REACH)
        .filter_map(|phrase_end| ends.get(&phrase_end))
        .flatten()
        .filter(|(phrase_start, _)| *phrase_start <= start)
        .map(|(_, e)| *e)
        .collect()
}

/// Whether a longer suffix that starts with `suffix` also matches at `position` (园区 over 园).
fn is_covered_by_longer_suffix(
    text: &[char],
    position: usize,
    suffix: &Suffix,
    suffixes: &[Suffix],
) -> bool {
    suffixes.iter().any(|longer| {
        longer.chars.len() > suffix.chars.len()
            && longer.chars.starts_with(&suffix.chars)
            && text[position..].starts_with(&longer.chars)
    })
}

/// Where the run of name characters that ends just before `position` starts.
fn run_start(text: &[char], position: usize) -> usize {
    let mut start = position;
    while start > 0 && is_name_char(text[start - 1]) && position - start < MAX_RUN_CHARS {
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
    let from = start.saturating_sub(CONTEXT_CHARS);
    let to = (end + CONTEXT_CHARS).min(text.len());
    text[from..to].iter().collect()
}

/// The spans of a folded text (whitespace removed or not) that the suffix patterns mark as
/// candidate names and that no ignore entry or generic word for `document` explains, for
/// `sunan-kg draft`, which proposes them as entities. Names are not consulted: the draft
/// tells known names from new ones itself.
pub(super) fn unexplained_spans(
    text: &[char],
    document: &str,
    patterns: &NamePatterns,
    ignores: &IgnoreLists,
    converter: &ScriptConverter,
) -> Vec<super::NameSpan> {
    let fold = |text: &str| converter.simplified(&compact(text));
    let ignore_texts: Vec<String> = ignores.phrases.iter().map(|e| fold(&e.text)).collect();
    let phrases: Vec<(&str, Explanation)> = ignores
        .phrases
        .iter()
        .enumerate()
        .filter(|(_, entry)| entry.applies_to(document))
        .map(|(index, _)| (ignore_texts[index].as_str(), Explanation::Ignore(index)))
        .collect();
    let generic_words: Vec<(usize, Vec<char>)> = ignores
        .generic
        .iter()
        .enumerate()
        .filter(|(_, entry)| entry.applies_to(document))
        .map(|(index, entry)| (index, fold(&entry.text).chars().collect()))
        .collect();
    let generic_here: Vec<(usize, &[char])> = generic_words
        .iter()
        .map(|(index, word)| (*index, word.as_slice()))
        .collect();
    let source = Source {
        document,
        text: text.to_vec(),
        ends: phrase_ends(text, &phrases),
    };
    // The candidates the coverage check would report, unless something explains them.
    let mut spans: Vec<super::NameSpan> =
        suffix_candidates(&source, &patterns.suffixes, &generic_here)
            .into_iter()
            .chain(quoted_candidates(&source, &patterns.quotes))
            .filter(|found| found.explanations.is_empty() && found.generic.is_empty())
            .map(|found| found.span)
            .collect();
    spans.sort_by_key(|span| span.range.start);
    spans
}
