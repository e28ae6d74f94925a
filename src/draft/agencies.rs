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
    split(&text.chars[range])
        .iter()
        .map(|piece| propose(piece, known))
        .collect()
}

/// The non-empty pieces of a run between separators, trimmed. A collective written with a
/// separator inside (「各辖市、区政府」: every county-level city and district) stays one piece.
fn split(chars: &[char]) -> Vec<String> {
    let pieces: Vec<String> = chars
        .split(|c| BODY_SEPARATORS.contains(c))
        .map(|piece| {
            piece
                .iter()
                .filter(|c| !c.is_whitespace())
                .collect::<String>()
        })
        .filter(|piece| !piece.is_empty())
        .collect();
    let mut joined: Vec<String> = Vec::with_capacity(pieces.len());
    for piece in pieces {
        match joined.last_mut() {
            Some(last)
                if last.starts_with(COLLECTIVE_START)
                    && piece.starts_with(COLLECTIVE_CONTINUES) =>
            {
                last.push('、');
                last.push_str(&piece);
            }
            _ => joined.push(piece),
        }
    }
    joined
}

/// How a collective of bodies starts (「各辖市」).
const COLLECTIVE_START: char = '各';

/// How the second half of a collective written with a separator starts (「、区政府」).
const COLLECTIVE_CONTINUES: [char; 2] = ['区', '县'];

/// A body the gazetteer did not find as a whole: resolved if its form is known after all,
/// otherwise proposed with the name the curators would compose.
fn propose(piece: &str, known: &Known<'_>) -> Body {
    if let Some((entity, _)) = known.resolve(piece) {
        return Body::Known(entity);
    }
    Body::Proposed {
        name: super::candidates::compose(piece, known),
    }
}
