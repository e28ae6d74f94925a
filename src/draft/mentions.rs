//! Mentions of known entities: every name, alias or written form of the gazetteer found in
//! the text, any script (the text is folded), grouped by the sentence that writes them, since
//! a `[[sentence]]` quotes its sentence once with everything it names.

use std::ops::Range;

use super::known::{FormKind, Known};
use super::text::Folded;
use crate::model::EntityIndex;

/// What ends a sentence.
const SENTENCE_ENDS: [char; 6] = ['。', '；', ';', '！', '？', '\n'];

/// A mention found.
#[derive(Debug, Clone)]
pub(crate) struct FoundMention {
    /// The entity.
    pub entity: EntityIndex,
    /// How the form names it.
    pub kind: FormKind,
    /// Characters of the folded text.
    pub range: Range<usize>,
}

/// A sentence with the mentions found in it.
#[derive(Debug, Clone)]
pub(crate) struct FoundSentence {
    /// Characters of the folded text.
    pub range: Range<usize>,
    /// Its mentions, each entity once, in text order.
    pub mentions: Vec<FoundMention>,
}

/// The sentences of the text that name known entities, leaving out the spans of `skip`
/// (the responsible-agency lines, which are the tasks' and not sentences').
pub(crate) fn sentences(
    text: &Folded<'_>,
    known: &Known<'_>,
    skip: &[Range<usize>],
) -> Vec<FoundSentence> {
    let mut found = Vec::new();
    let mut start = 0;
    for end in 0..=text.len() {
        let at_end = end == text.len() || SENTENCE_ENDS.contains(&text.chars[end]);
        if !at_end {
            continue;
        }
        let range = start..end;
        start = end + 1;
        if range.is_empty() {
            continue;
        }
        let mut mentions: Vec<FoundMention> = Vec::new();
        for hit in known.find_all(&text.chars[range.clone()]) {
            let absolute = range.start + hit.range.start..range.start + hit.range.end;
            if skip
                .iter()
                .any(|s| s.start <= absolute.start && absolute.end <= s.end)
            {
                continue;
            }
            if mentions.iter().any(|m| m.entity == hit.entity) {
                continue;
            }
            mentions.push(FoundMention {
                entity: hit.entity,
                kind: hit.kind,
                range: absolute,
            });
        }
        if !mentions.is_empty() {
            found.push(FoundSentence { range, mentions });
        }
    }
    found
}

/// The sentence around the character `at`.
pub(crate) fn sentence_around(text: &Folded<'_>, at: usize) -> Range<usize> {
    let start = (0..at)
        .rev()
        .find(|&i| SENTENCE_ENDS.contains(&text.chars[i]))
        .map_or(0, |i| i + 1);
    let end = (at..text.len())
        .find(|&i| SENTENCE_ENDS.contains(&text.chars[i]))
        .unwrap_or(text.len());
    start..end
}
