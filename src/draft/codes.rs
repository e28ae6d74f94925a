//! Suggested instrument codes, looked for in the text of every drafted task and provision
//! section: the cues the curated coding files give for each tool (「专利质押融资」 for
//! `finance-loans`), and the words that recur in the cues of one tool (「机制」 in
//! 「联席会议协调机制」, 「考核激励机制」 … for `institutional-reform`). A cue or word the
//! curated files give for several tools suggests the tool they give it most; cues with digits
//! (「到2018年底」) are one document's and are not learnt. A provision with a target is coded
//! `goal-planning` by the target itself, as the curators code it: the tool is the one the
//! curated files give the cues that are numbers.

use std::collections::HashMap;
use std::ops::Range;

use aho_corasick::{AhoCorasick, MatchKind};

use super::segment::Heading;
use super::text::Folded;
use super::{CodeDraft, DraftError};
use crate::model::{EntityIndex, Model, compact};
use crate::names::ScriptConverter;

/// Shortest cue looked for, in characters: a single character names no instrument.
const MIN_CUE_CHARS: usize = 2;

/// Shortest and longest word learnt from the cues, in characters.
const WORD_CHARS: std::ops::RangeInclusive<usize> = 2..=4;

/// A word is learnt when at least this many curated cues hold it…
const MIN_WORD_CUES: usize = 5;

/// …and at least this share of them are codes of one tool.
const MIN_WORD_PURITY: f64 = 0.9;

/// One cue as learnt from the curated codes.
#[derive(Debug, Clone)]
struct Cue {
    /// Whether it is a whole curated cue, or a word that recurs in cues.
    whole: bool,
    /// The tool the curated files give it most.
    tool: usize,
    /// How many curated codes give it that tool.
    votes: usize,
    /// How many curated codes have it.
    total: usize,
}

/// A suggested code of one provision.
#[derive(Debug, Clone)]
struct Suggestion {
    /// Index of the tool in the model's code list.
    tool: usize,
    /// Characters of the folded text of the cue.
    cue: Range<usize>,
    /// The rule that suggested it, with its confidence.
    rule: String,
}

/// The cues of the curated coding files, without the codes of one left-out document.
pub(crate) struct Cues<'m> {
    model: &'m Model,
    cues: Vec<Cue>,
    matcher: AhoCorasick,
    /// The tool the curated files give the cues that are numbers (「新增省级以上研发机构30家」):
    /// the tool of a provision that sets a target.
    target_tool: Option<usize>,
}

impl<'m> Cues<'m> {
    /// Learns the cues of every curated code outside `without`.
    pub fn learn(model: &'m Model, without: Option<EntityIndex>) -> Result<Self, DraftError> {
        let converter = ScriptConverter::shared()?;
        let mut by_cue: HashMap<String, HashMap<usize, usize>> = HashMap::new();
        let mut by_word: HashMap<String, HashMap<usize, usize>> = HashMap::new();
        let mut number_tools: HashMap<usize, usize> = HashMap::new();
        for code in &model.instruments.codes {
            if Some(code.document) == without {
                continue;
            }
            let cue = converter.simplified(&compact(&code.cue));
            if cue.chars().any(|c| c.is_ascii_digit()) {
                *number_tools.entry(code.tool).or_default() += 1;
                continue;
            }
            if cue.chars().count() < MIN_CUE_CHARS {
                continue;
            }
            *by_cue
                .entry(cue.clone())
                .or_default()
                .entry(code.tool)
                .or_default() += 1;
            for word in words(&cue) {
                *by_word
                    .entry(word)
                    .or_default()
                    .entry(code.tool)
                    .or_default() += 1;
            }
        }
        let mut patterns: Vec<String> = Vec::with_capacity(by_cue.len());
        let mut cues = Vec::with_capacity(by_cue.len());
        let mut learn = |learnt: HashMap<String, HashMap<usize, usize>>, whole: bool| {
            // Sorted, so that a draft does not depend on the order of a hash map.
            let mut learnt: Vec<(String, HashMap<usize, usize>)> = learnt.into_iter().collect();
            learnt.sort_by(|a, b| a.0.cmp(&b.0));
            for (pattern, tools) in learnt {
                let total: usize = tools.values().sum();
                let Some((&tool, &votes)) = tools
                    .iter()
                    .max_by_key(|(tool, votes)| (**votes, std::cmp::Reverse(**tool)))
                else {
                    continue;
                };
                let recurs =
                    total >= MIN_WORD_CUES && votes as f64 >= MIN_WORD_PURITY * total as f64;
                if whole || recurs {
                    patterns.push(pattern);
                    cues.push(Cue {
                        whole,
                        tool,
                        votes,
                        total,
                    });
                }
            }
        };
        let whole_cues: std::collections::HashSet<String> = by_cue.keys().cloned().collect();
        by_word.retain(|word, _| !whole_cues.contains(word));
        learn(by_cue, true);
        learn(by_word, false);
        let matcher = AhoCorasick::builder()
            .match_kind(MatchKind::LeftmostLongest)
            .build(&patterns)?;
        let target_tool = number_tools
            .into_iter()
            .max_by_key(|&(tool, votes)| (votes, std::cmp::Reverse(tool)))
            .map(|(tool, _)| tool);
        Ok(Self {
            model,
            cues,
            matcher,
            target_tool,
        })
    }

    /// The codes suggested for every provision of an outline: each task, and each section
    /// without items under it. `targets` are the drafted targets' places.
    pub fn suggest_codes(
        &self,
        text: &Folded<'_>,
        headings: &[Heading],
        targets: &[Range<usize>],
    ) -> Vec<CodeDraft> {
        let mut codes = Vec::new();
        for heading in headings {
            let title = text.quote(heading.title.clone());
            // A section with items under it is coded through them.
            let is_provision = heading.is_task() || !heading.has_children;
            if title.is_empty() || !is_provision {
                continue;
            }
            let mut suggestions = self.suggest(text, heading.start..heading.end);
            // The first target of the provision codes it, unless a cue already has.
            let first_target = targets
                .iter()
                .find(|t| heading.start <= t.start && t.end <= heading.end);
            if let (Some(tool), Some(target)) = (self.target_tool, first_target)
                && !suggestions.iter().any(|s| s.tool == tool)
            {
                suggestions.push(Suggestion {
                    tool,
                    cue: target.clone(),
                    rule: TARGET_RULE.to_owned(),
                });
            }
            let (task, section) = if heading.is_task() {
                (Some(heading.key.clone()), None)
            } else {
                (None, Some(heading.key.clone()))
            };
            for suggestion in suggestions {
                let sentence = super::mentions::sentence_around(text, suggestion.cue.start);
                let sentence = sentence.start.max(heading.start)..sentence.end.min(heading.end);
                codes.push(CodeDraft {
                    task: task.clone(),
                    section: section.clone(),
                    provision_title: title.to_owned(),
                    tool: self.model.instruments.tools[suggestion.tool].id.clone(),
                    cue: text.quote(suggestion.cue).to_owned(),
                    quote: text.quote(sentence).to_owned(),
                    rule: suggestion.rule,
                });
            }
        }
        codes
    }

    /// The tools the cues in `range` of the text suggest, each tool once, at its first cue.
    fn suggest(&self, text: &Folded<'_>, range: Range<usize>) -> Vec<Suggestion> {
        let chars = &text.chars[range.start..range.end.min(text.len())];
        let haystack: String = chars.iter().collect();
        // Byte offsets of the haystack back to character positions of the text.
        let mut char_at = vec![0; haystack.len() + 1];
        for (n, (byte, c)) in haystack.char_indices().enumerate() {
            char_at[byte..byte + c.len_utf8()].fill(n);
        }
        char_at[haystack.len()] = chars.len();
        let mut suggestions: Vec<Suggestion> = Vec::new();
        for hit in self.matcher.find_iter(&haystack) {
            let cue = &self.cues[hit.pattern().as_usize()];
            if suggestions.iter().any(|s| s.tool == cue.tool) {
                continue;
            }
            suggestions.push(Suggestion {
                tool: cue.tool,
                cue: range.start + char_at[hit.start()]..range.start + char_at[hit.end()],
                rule: format!(
                    "{}({}/{}, {:.2})",
                    if cue.whole { RULE } else { WORD_RULE },
                    cue.votes,
                    cue.total,
                    cue.votes as f64 / cue.total as f64
                ),
            });
        }
        suggestions
    }
}

/// The words of a cue: every run of its characters of a length in [`WORD_CHARS`], each once.
fn words(cue: &str) -> std::collections::BTreeSet<String> {
    let chars: Vec<char> = cue.chars().collect();
    let mut words = std::collections::BTreeSet::new();
    for n in WORD_CHARS {
        for window in chars.windows(n) {
            if window.iter().all(|c| super::text::is_cjk(*c)) {
                words.insert(window.iter().collect());
            }
        }
    }
    words
}

/// The rule id of a code suggested by a whole cue the curated codes give for the tool (with
/// how many of the curated codes that have the cue give it this tool).
pub(crate) const RULE: &str = "coding:curated-cue";

/// The rule id of a code suggested by a word that recurs in the curated cues of the tool.
pub(crate) const WORD_RULE: &str = "coding:cue-word";

/// The rule id of a `goal-planning` code suggested by a target of the provision.
pub(crate) const TARGET_RULE: &str = "coding:provision-sets-target";
