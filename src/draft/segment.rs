//! Sections and numbered tasks, split by the printed numbering: 一、 (一) 1. 1﹒ at the start
//! of a line, and 一是 二是 … inside a paragraph, in either script (the text is folded first).
//!
//! Which numbering is a section and which a task is not printed; the curated documents follow
//! one convention, which this file encodes: a numbered item with numbered items below it is a
//! section, a top-level item is always a section, an item under a preamble (总体要求, 指导思想,
//! 发展目标 …) is a section, and every other item is a task.

use std::ops::Range;

use super::text::{Folded, chinese_numeral, is_space};

/// Rule ids: which rule made a section or task, written as its draft marker.
pub(crate) mod rules {
    /// A numbered item with numbered items under it, or a top-level item.
    pub const SECTION: &str = "segment:numbered-section";
    /// A numbered item under a preamble section: a section by the curated convention.
    pub const PREAMBLE_SECTION: &str = "segment:preamble-section";
    /// A numbered item with no numbered item under it.
    pub const TASK: &str = "segment:numbered-task";
}

/// Titles of top-level or nested items that introduce a document rather than assign work
/// (folded to simplified script): what is under them is a section, not a task.
const PREAMBLE_TITLES: [&str; 6] = [
    "总体",
    "指导思想",
    "发展目标",
    "功能定位",
    "基本原则",
    "建设目标",
];

/// Characters that end a title printed at the start of a paragraph.
const TITLE_ENDS: [char; 4] = ['。', '；', ';', '\n'];

/// Characters after which an inline ordinal (一是) may start.
const ORDINAL_AFTER: [char; 5] = ['。', '；', ';', '：', ':'];

/// The kinds of printed numbering, in no particular order: the order of nesting is the order
/// in which a document first uses them.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Marker {
    /// 一、
    Chapter,
    /// (一) or （一）
    Paren,
    /// 1. 1． 1﹒ 1、
    Arabic,
    /// 一是
    Ordinal,
}

/// One numbered item.
#[derive(Debug, Clone)]
pub(crate) struct Heading {
    /// The numbering kind.
    pub marker: Marker,
    /// The number as printed, as the curated files write it: 一, (一), 1, 一是.
    pub number: String,
    /// Where the numbering starts (a character index of the folded text).
    pub start: usize,
    /// The title's characters.
    pub title: Range<usize>,
    /// Where its text ends: the start of the next item at its level or above.
    pub end: usize,
    /// The enclosing item.
    pub parent: Option<usize>,
    /// Whether items are numbered under it.
    pub has_children: bool,
    /// The part of the document (a document may hold several plans, each numbered from 一、).
    pub part: usize,
    /// Whether it is a task, and which rule decided.
    pub rule: &'static str,
    /// Its key: the positions of it and its ancestors (`2-1`), with the part in front when
    /// there are several (`p2-2-1`); tasks are numbered through the document instead.
    pub key: String,
}

impl Heading {
    /// Whether the heading is a task.
    pub fn is_task(&self) -> bool {
        self.rule == rules::TASK
    }
}

/// Every numbered item of a text, in text order, with parents, kinds and keys.
pub(crate) fn outline(text: &Folded<'_>) -> Vec<Heading> {
    let mut headings = find_headings(text);
    nest(&mut headings, text.len());
    classify(&mut headings, text);
    assign_keys(&mut headings);
    headings
}

/// The numbered items at line starts, and the inline ordinals.
fn find_headings(text: &Folded<'_>) -> Vec<Heading> {
    let mut found = Vec::new();
    let mut last_arabic: Option<u32> = None;
    for line in text.lines() {
        let mut at = line.start;
        while at < line.end && is_space(text.chars[at]) {
            at += 1;
        }
        let marker = line_marker(&text.chars[at..line.end])
            .or_else(|| unpunctuated_arabic(&text.chars[at..line.end], last_arabic));
        if let Some((marker, number, after)) = marker {
            if marker == Marker::Arabic {
                last_arabic = number.parse().ok();
            }
            found.push(heading(text, marker, number, at, at + after, line.end));
        }
        found.extend(ordinals(text, line.clone()));
    }
    found.sort_by_key(|h| h.start);
    found
}

/// A numbering at the start of `line`: its kind, the number as printed and its length.
fn line_marker(line: &[char]) -> Option<(Marker, String, usize)> {
    let numeral_run = |from: usize| {
        line[from..]
            .iter()
            .take_while(|c| "一二三四五六七八九十".contains(**c))
            .count()
    };
    let first = *line.first()?;
    if first == '(' || first == '（' {
        let n = numeral_run(1);
        let close = *line.get(1 + n)?;
        if n > 0 && (close == ')' || close == '）') {
            let number: String = line[..n + 2].iter().collect();
            return Some((Marker::Paren, number, n + 2));
        }
        return None;
    }
    let n = numeral_run(0);
    if n > 0 && line.get(n) == Some(&'、') {
        return Some((Marker::Chapter, line[..n].iter().collect(), n + 1));
    }
    let digits = line.iter().take_while(|c| c.is_ascii_digit()).count();
    if (1..=3).contains(&digits)
        && line
            .get(digits)
            .is_some_and(|c| matches!(c, '.' | '．' | '﹒' | '、'))
        && !line.get(digits + 1).is_some_and(char::is_ascii_digit)
    {
        return Some((Marker::Arabic, line[..digits].iter().collect(), digits + 1));
    }
    None
}

/// A number printed without its full stop (「9 强化产学研协同创新」), taken as the next item
/// only when it is the number after the last one, so that a figure opening a line is not.
fn unpunctuated_arabic(line: &[char], last: Option<u32>) -> Option<(Marker, String, usize)> {
    let digits = line.iter().take_while(|c| c.is_ascii_digit()).count();
    let number: String = line[..digits].iter().collect();
    let spaces = line[digits..].iter().take_while(|c| is_space(**c)).count();
    let next_is_text = line
        .get(digits + spaces)
        .is_some_and(|c| super::text::is_cjk(*c));
    let follows = last.is_some_and(|last| number.parse::<u32>().ok() == Some(last + 1));
    (digits > 0 && spaces > 0 && next_is_text && follows).then_some((
        Marker::Arabic,
        number,
        digits,
    ))
}

/// The inline ordinals 一是, 二是 … of a line, each in sequence from 一是.
fn ordinals(text: &Folded<'_>, line: Range<usize>) -> Vec<Heading> {
    let mut found = Vec::new();
    let mut expected = 1;
    let mut at = line.start;
    while at < line.end {
        let boundary = at == line.start
            || ORDINAL_AFTER.contains(&text.chars[at - 1])
            || is_space(text.chars[at - 1]);
        let n = text.chars[at..line.end]
            .iter()
            .take_while(|c| "一二三四五六七八九十".contains(**c))
            .count();
        if boundary && n > 0 && text.chars.get(at + n) == Some(&'是') {
            let numeral: String = text.chars[at..at + n].iter().collect();
            if chinese_numeral(&numeral) == Some(expected) {
                let number = format!("{numeral}是");
                found.push(heading(
                    text,
                    Marker::Ordinal,
                    number,
                    at,
                    at + n + 1,
                    line.end,
                ));
                expected += 1;
                at += n + 1;
                continue;
            }
        }
        at += 1;
    }
    found
}

fn heading(
    text: &Folded<'_>,
    marker: Marker,
    number: String,
    start: usize,
    mut title_start: usize,
    line_end: usize,
) -> Heading {
    while title_start < line_end && is_space(text.chars[title_start]) {
        title_start += 1;
    }
    let title_end = (title_start..line_end)
        .find(|&i| TITLE_ENDS.contains(&text.chars[i]))
        .unwrap_or(line_end);
    Heading {
        marker,
        number,
        start,
        title: title_start..title_end,
        end: line_end,
        parent: None,
        has_children: false,
        part: 0,
        rule: rules::SECTION,
        key: String::new(),
    }
}

/// Parents by the order in which the document first uses each numbering: an item's parent is
/// the nearest earlier item of a numbering first used before its own.
fn nest(headings: &mut [Heading], text_end: usize) {
    let mut order: Vec<Marker> = Vec::new();
    let mut stack: Vec<usize> = Vec::new();
    let mut part = 0;
    for i in 0..headings.len() {
        let marker = headings[i].marker;
        if !order.contains(&marker) {
            order.push(marker);
        }
        let level = order.iter().position(|m| *m == marker).unwrap_or(0);
        while let Some(&top) = stack.last() {
            let top_level = order
                .iter()
                .position(|m| *m == headings[top].marker)
                .unwrap_or(0);
            if top_level >= level {
                stack.pop();
            } else {
                break;
            }
        }
        // A document that numbers its top level from 一 again starts a new part (the three
        // plans of one Jiangyin document).
        if level == 0 && headings[i].number == "一" && i > 0 {
            part += 1;
        }
        headings[i].part = part;
        headings[i].parent = stack.last().copied();
        if let Some(&parent) = stack.last() {
            headings[parent].has_children = true;
        }
        stack.push(i);
    }
    // An item's text runs to the next item at its level or above.
    for i in 0..headings.len() {
        let depth = depth_of(headings, i);
        headings[i].end = headings[i + 1..]
            .iter()
            .enumerate()
            .find(|(j, _)| depth_of(headings, i + 1 + j) <= depth)
            .map_or(text_end, |(_, h)| h.start);
    }
}

fn depth_of(headings: &[Heading], mut i: usize) -> usize {
    let mut depth = 0;
    while let Some(parent) = headings[i].parent {
        depth += 1;
        i = parent;
    }
    depth
}

/// Tasks are the leaves below the top level that no preamble encloses.
fn classify(headings: &mut [Heading], text: &Folded<'_>) {
    for i in 0..headings.len() {
        let heading = &headings[i];
        let mut under_preamble = false;
        let mut at = Some(i);
        while let Some(j) = at {
            let title = text.folded(headings[j].title.clone());
            if PREAMBLE_TITLES.iter().any(|p| title.starts_with(p)) {
                under_preamble = true;
            }
            at = headings[j].parent;
        }
        let rule = if heading.has_children || heading.parent.is_none() {
            rules::SECTION
        } else if under_preamble {
            rules::PREAMBLE_SECTION
        } else {
            rules::TASK
        };
        headings[i].rule = rule;
    }
}

fn assign_keys(headings: &mut [Heading]) {
    let parts = headings.iter().map(|h| h.part).max().unwrap_or(0);
    let mut task = 0;
    // Positions are counted under each parent, and at the top level within each part.
    let mut position_under: std::collections::HashMap<(Option<usize>, usize), usize> =
        std::collections::HashMap::new();
    let mut keys: Vec<String> = Vec::with_capacity(headings.len());
    for heading in headings.iter() {
        let scope = (heading.parent, heading.part);
        let slot = position_under.entry(scope).or_insert(0);
        *slot += 1;
        let position = *slot;
        let key = match heading.parent {
            Some(parent) => format!("{}-{position}", keys[parent]),
            None if parts > 0 => format!("p{}-{position}", heading.part + 1),
            None => position.to_string(),
        };
        keys.push(key);
    }
    for (heading, key) in headings.iter_mut().zip(keys) {
        heading.key = if heading.is_task() {
            task += 1;
            task.to_string()
        } else {
            key
        };
    }
}
