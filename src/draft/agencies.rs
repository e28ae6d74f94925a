//! The responsible agencies of a task: the 牵头单位 / 责任单位 line (either script), split into
//! bodies and resolved to the graph's bodies of the document's city. A body the graph does
//! not know becomes a proposed entity, named as the curators name relative bodies (city +
//! the written form: 「市科技局」 in a Changzhou document is 常州市科技局).

use std::ops::Range;

use super::known::Known;
use super::text::Folded;
use crate::model::EntityIndex;

/// The labels that open a line of responsible agencies, folded to simplified script.
const LABELS: [&str; 4] = ["牵头单位", "责任单位", "牵头部门", "责任部门"];

/// What separates the label from the bodies.
const LABEL_SEPARATORS: [char; 2] = [':', '：'];

/// What separates one body from the next.
const BODY_SEPARATORS: [char; 5] = ['、', ',', '，', ';', '；'];

/// What ends the line.
const LINE_ENDS: [char; 5] = [')', '）', '。', '\n', '\r'];

/// Rule ids of the draft markers.
pub(crate) mod rules {
    /// The bodies of a 牵头单位 line, each found in the gazetteer.
    pub const RESOLVED: &str = "agencies:resolved";
    /// A line with a body the graph does not know, proposed as a new entity.
    pub const WITH_PROPOSALS: &str = "agencies:with-new-bodies";
}

/// One body of a line.
#[derive(Debug, Clone)]
pub(crate) enum Body {
    /// A body the graph knows.
    Known(EntityIndex),
    /// A body it does not: the name proposed (常州市科技局 for 「市科技局」).
    Proposed {
        /// The composed name.
        name: String,
        /// Characters of the folded text where the line writes it.
        written: Range<usize>,
    },
}

/// A line of responsible agencies.
#[derive(Debug, Clone)]
pub(crate) struct AgencyLine {
    /// Characters of the folded text, label included: the quote.
    pub range: Range<usize>,
    /// The bodies, in the order written.
    pub bodies: Vec<Body>,
}

/// Every responsible-agency line in `range` of the text.
pub(crate) fn agency_lines(
    text: &Folded<'_>,
    range: Range<usize>,
    known: &Known<'_>,
) -> Vec<AgencyLine> {
    let mut lines = Vec::new();
    let mut at = range.start;
    while at < range.end {
        let Some(label) = LABELS.iter().find(|label| text.starts_with(at, label)) else {
            at += 1;
            continue;
        };
        let after_label = at + label.chars().count();
        // The separator must be inside the range too, so that the list starts inside it.
        if after_label >= range.end || !LABEL_SEPARATORS.contains(&text.chars[after_label]) {
            at += 1;
            continue;
        }
        let start = after_label + 1;
        let end = (start..range.end)
            .find(|&i| LINE_ENDS.contains(&text.chars[i]))
            .unwrap_or(range.end);
        lines.push(AgencyLine {
            range: at..end,
            bodies: bodies(text, start..end, known),
        });
        at = end;
    }
    lines
}

/// The bodies of the list `range`, each piece between separators resolved as a whole (a
/// known form inside a longer piece names something else: 「区政府」 in 「各辖市、区政府」).
fn bodies(text: &Folded<'_>, range: Range<usize>, known: &Known<'_>) -> Vec<Body> {
    split(&text.chars, range)
        .into_iter()
        .map(|(piece, written)| propose(&piece, written, text, known))
        .collect()
}

/// The non-empty pieces of `range` of the text between separators, trimmed, with where each
/// is written. A collective written with a separator inside (「各辖市、区政府」: every
/// county-level city and district) stays one piece.
fn split(chars: &[char], range: Range<usize>) -> Vec<(String, Range<usize>)> {
    let mut pieces: Vec<(String, Range<usize>)> = Vec::new();
    let mut start = range.start;
    for at in range.start..=range.end {
        if at < range.end && !BODY_SEPARATORS.contains(&chars[at]) {
            continue;
        }
        let piece: String = chars[start..at]
            .iter()
            .filter(|c| !c.is_whitespace())
            .collect();
        if !piece.is_empty() {
            pieces.push((piece, start..at));
        }
        start = at + 1;
    }
    let mut joined: Vec<(String, Range<usize>)> = Vec::with_capacity(pieces.len());
    for (piece, written) in pieces {
        match joined.last_mut() {
            Some((last, last_written))
                if last.starts_with(COLLECTIVE_START)
                    && piece.starts_with(COLLECTIVE_CONTINUES) =>
            {
                last.push('、');
                last.push_str(&piece);
                last_written.end = written.end;
            }
            _ => joined.push((piece, written)),
        }
    }
    joined
}

/// How a collective of bodies starts (「各辖市」).
const COLLECTIVE_START: char = '各';

/// How the second half of a collective written with a separator starts (「、区政府」).
const COLLECTIVE_CONTINUES: [char; 2] = ['区', '县'];

/// A body the gazetteer did not find as a whole: resolved if its form is known after all,
/// otherwise proposed with the name the curators would compose, from the fuller form where the
/// text prints one elsewhere (「各辖市、区政府」 as 「各辖市(区)人民政府」).
fn propose(piece: &str, written: Range<usize>, text: &Folded<'_>, known: &Known<'_>) -> Body {
    if let Some((entity, _)) = known.resolve(piece) {
        return Body::Known(entity);
    }
    let piece = fuller_form(piece, text).unwrap_or_else(|| piece.to_owned());
    Body::Proposed {
        name: super::candidates::compose(&piece, known),
        written,
    }
}

/// A government written short (「…政府」) whose full style (「…人民政府」) the text prints too,
/// with the same words around it: the piece in its full style.
fn fuller_form(piece: &str, text: &Folded<'_>) -> Option<String> {
    let stem = piece.strip_suffix(SHORT_STYLE)?;
    if stem.ends_with(FULL_STYLE_INSERT) {
        return None;
    }
    let wanted = style_key(piece);
    let full = format!("{FULL_STYLE_INSERT}{SHORT_STYLE}");
    let full_chars = full.chars().count();
    // The printed full form may be a few characters longer than the piece (brackets).
    let longest = piece.chars().count() + full_chars + 2;
    (0..text.len())
        .filter(|&at| text.starts_with(at, &full))
        .any(|at| {
            let end = at + full_chars;
            (end.saturating_sub(longest)..at)
                .any(|start| style_key(&text.folded(start..end)) == wanted)
        })
        .then(|| format!("{stem}{full}"))
}

/// How a government's name ends when written short.
const SHORT_STYLE: &str = "政府";

/// What its full style adds before that ending (人民政府).
const FULL_STYLE_INSERT: &str = "人民";

/// A name compared regardless of its style and punctuation: 「各辖市(区)人民政府」 and
/// 「各辖市、区政府」 are the same.
fn style_key(name: &str) -> String {
    name.replace(FULL_STYLE_INSERT, "")
        .chars()
        .filter(|c| !"、()（）".contains(*c) && !c.is_whitespace())
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::names::ScriptConverter;

    fn fuller(piece: &str, text: &str) -> Option<String> {
        let converter = ScriptConverter::shared().expect("the converter loads");
        fuller_form(piece, &Folded::new(text, converter))
    }

    #[test]
    fn a_government_written_short_takes_the_full_style_the_text_prints() {
        let text = "各辖市(区)人民政府，市各有关部门：……牵头单位：各辖市、区政府";
        assert_eq!(
            fuller("各辖市、区政府", text).as_deref(),
            Some("各辖市、区人民政府")
        );
    }

    #[test]
    fn without_the_full_style_printed_the_short_form_stays() {
        assert_eq!(fuller("各辖市、区政府", "牵头单位：各辖市、区政府"), None);
        // Another government's full style is no evidence.
        assert_eq!(fuller("区政府", "市人民政府办公室"), None);
        assert_eq!(fuller("市科技局", "市人民政府"), None);
    }
}
