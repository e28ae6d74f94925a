//! New entities from lists. An enumeration 「A、B、C」 in one clause that names at least one
//! industry the graph knows, or ends in a tail that says what it lists (「…等新兴产业」),
//! proposes its other items as industries (「聚焦集成电路、第三代半导体、生物医药等领域」:
//! 第三代半导体 beside two known industries); industries carry no ending the naming patterns
//! could find, and the documents name most of them in such lists. And a list that shares a name's ending (「创新发展引领、科技金融助推等四大行动」) proposes
//! each item with the ending (创新发展引领行动).

use std::ops::Range;

use super::candidates::{Candidate, compose, cut_verbs};
use super::known::Known;
use super::patterns::DraftingPatterns;
use crate::vocabulary::ids;

/// What ends a clause, and so a list.
const CLAUSE_ENDS: [char; 12] = [
    '。', '；', ';', '！', '？', '\n', '，', ',', '：', ':', '(', '（',
];

/// The clauses of a folded text, as character ranges without their ends.
fn clauses(chars: &[char]) -> impl Iterator<Item = Range<usize>> + '_ {
    let ends = chars
        .iter()
        .enumerate()
        .filter(|(_, c)| CLAUSE_ENDS.contains(c))
        .map(|(at, _)| at)
        .chain([chars.len()]);
    let mut start = 0;
    ends.map(move |end| {
        let clause = start..end;
        start = end + 1;
        clause
    })
}

/// What separates the items of a list.
const ITEM_SEPARATOR: char = '、';

/// Words that join the last two items (「A、B和C」).
const LAST_JOINS: [&str; 3] = ["以及", "和", "及"];

/// Where the last item ends: the tail after it (「等领域」, 「等产业」) is not part of it.
const LIST_ENDS: [&str; 1] = ["等"];

/// Verbs that may open a list beyond those that open names (「发展生物医药、…」).
const LIST_OPENERS: [&str; 6] = ["发展", "承担", "部署", "抓好", "引入", "突出"];

/// What an activity ends with, which a list of industries may hold too (「人才引育」,
/// 「载体建设」, 「技术开发」): such an item is no industry.
const ACTIVITY_ENDINGS: [&str; 9] = [
    "建设",
    "引育",
    "孵化",
    "开发",
    "研发",
    "投入",
    "合作",
    "转化",
    "先行先试",
];

/// What the tail of a list of industries says after 等 (「等新兴产业」, 「等重点领域」).
const INDUSTRY_TAILS: [&str; 2] = ["产业", "领域"];

/// Words an item ends with that the curators leave out of an industry's name.
const GENERIC_TAILS: [&str; 3] = ["产业", "领域", "行业"];

/// A particle that makes a phrase of an item (「以石墨烯为代表的碳材料」), not a name.
const NOT_IN_NAMES: char = '的';

/// Shortest and longest item proposed, in characters.
const ITEM_CHARS: std::ops::RangeInclusive<usize> = 2..=12;

/// The rule id of a proposed industry.
pub(crate) const RULE: &str = "candidate:listed-industries";

/// The industries proposed by the lists of a folded text, in text order, each name once.
pub(crate) fn listed_industries(chars: &[char], known: &Known<'_>) -> Vec<Candidate> {
    let mut found: Vec<Candidate> = Vec::new();
    for clause in clauses(chars) {
        let items = items(chars, clause.clone());
        if items.len() < 2 {
            continue;
        }
        // 「…等新兴产业」, 「…等领域」: the list says it is one of industries.
        let clause_text: String = chars[clause].iter().collect();
        let says_industries = clause_text.rfind(LIST_ENDS[0]).is_some_and(|at| {
            let tail = &clause_text[at..];
            INDUSTRY_TAILS.iter().any(|t| tail.contains(t))
        });
        let is_industry = |name: &str| {
            known
                .resolve(name)
                .is_some_and(|(e, _)| known.model.entities[e].kind == ids::INDUSTRY)
        };
        // A list of industries: one the graph knows or a tail that says so, and nothing the
        // graph knows as another kind of thing.
        let industries = items.iter().filter(|(name, _)| is_industry(name)).count();
        let others = items
            .iter()
            .filter(|(name, _)| known.resolve(name).is_some() && !is_industry(name))
            .count();
        if (industries == 0 && !says_industries) || others > 0 {
            continue;
        }
        for (name, range) in items {
            let length = name.chars().count();
            if !ITEM_CHARS.contains(&length)
                || ACTIVITY_ENDINGS.iter().any(|e| name.ends_with(e))
                || known.resolve(&name).is_some()
                || name.chars().all(|c| c.is_ascii_digit())
                || found.iter().any(|c| c.name == name)
            {
                continue;
            }
            found.push(Candidate {
                written: name.clone(),
                name,
                kind: ids::INDUSTRY.to_owned(),
                range,
                rule: RULE.to_owned(),
            });
        }
    }
    found
}

/// The items of a clause's list, each with where it is written, or none when the clause has
/// no list. The first item starts after the words before it (「聚焦」), the last ends before
/// its tail (「等领域」).
fn items(chars: &[char], clause: Range<usize>) -> Vec<(String, Range<usize>)> {
    let separators: Vec<usize> = clause
        .clone()
        .filter(|&i| chars[i] == ITEM_SEPARATOR)
        .collect();
    if separators.is_empty() {
        return Vec::new();
    }
    let mut pieces: Vec<Range<usize>> = Vec::new();
    let mut from = clause.start;
    for &at in &separators {
        pieces.push(from..at);
        from = at + 1;
    }
    pieces.push(from..clause.end);
    // The list ends with the item that holds its end (「知识产权等10个国家级、省级…」).
    if let Some(last) = pieces.iter().position(|p| {
        let text: String = chars[p.clone()].iter().collect();
        LIST_ENDS.iter().any(|e| text.contains(e))
    }) {
        pieces.truncate(last + 1);
    }
    // The first item: after the last word that is no part of a name.
    if let Some(first) = pieces.first_mut() {
        let text: String = chars[first.clone()].iter().collect();
        let opened = LIST_OPENERS
            .iter()
            .filter_map(|verb| text.rfind(verb).map(|at| at + verb.len()))
            .filter(|&end| end < text.len());
        let skip = opened.chain([cut_verbs(&text)]).max().unwrap_or(0);
        first.start += text[..skip].chars().count();
    }
    // The last item: before the list's end, and split where a join word links two items.
    let mut extra = None;
    if let Some(last) = pieces.last_mut() {
        let text: String = chars[last.clone()].iter().collect();
        if let Some(byte) = LIST_ENDS.iter().filter_map(|e| text.find(e)).min() {
            last.end = last.start + text[..byte].chars().count();
        }
        let text: String = chars[last.clone()].iter().collect();
        if let Some((byte, join)) = LAST_JOINS
            .iter()
            .filter_map(|j| text.find(j).map(|b| (b, *j)))
            .filter(|(b, _)| *b > 0)
            .min()
        {
            let at = last.start + text[..byte].chars().count();
            extra = Some(at + join.chars().count()..last.end);
            last.end = at;
        }
    }
    pieces.extend(extra);
    pieces
        .into_iter()
        .map(|mut range| {
            let text: String = chars[range.clone()].iter().collect();
            let trimmed = GENERIC_TAILS
                .iter()
                .find_map(|tail| text.strip_suffix(tail))
                .filter(|rest| rest.chars().count() >= 2)
                .unwrap_or(&text);
            range.end = range.start + trimmed.chars().count();
            (trimmed.to_owned(), range)
        })
        .filter(|(name, _)| {
            !name.is_empty() && name.chars().all(is_name_char) && !name.contains(NOT_IN_NAMES)
        })
        .collect()
}

/// Whether a character may be part of an industry's name.
fn is_name_char(c: char) -> bool {
    super::text::is_cjk(c) || c.is_ascii_alphanumeric()
}

/// The rule id of an item proposed with the ending its list shares.
pub(crate) const SHARED_ENDING_RULE: &str = "candidate:listed-with-shared-ending";

/// What may stand between 等 and a shared ending: a count and its measure word (「四大」,
/// 「8项」).
const COUNT_CHARS: &str = "0123456789一二三四五六七八九十两";
const MEASURE_WORDS: &str = "大项个类批";

/// Longest shared ending, in characters (「专项行动」, 「国家级重点实验室」).
const MAX_SHARED_ENDING_CHARS: usize = 10;

/// A word before a shared ending that says which items the list holds rather than what they
/// are called (「等重点产业技术创新中心」: 纳米产业技术创新中心).
const LIST_MODIFIERS: [&str; 1] = ["重点"];

/// The items of lists that share an ending of drafting.toml after 等 (「A、B等四大行动」), each
/// proposed as the item with the ending, of the ending's kind.
pub(crate) fn listed_with_shared_ending(
    chars: &[char],
    known: &Known<'_>,
    patterns: &DraftingPatterns,
) -> Vec<Candidate> {
    let mut found: Vec<Candidate> = Vec::new();
    for clause in clauses(chars) {
        let Some(etc) = clause
            .clone()
            .rev()
            .find(|&i| LIST_ENDS.iter().any(|e| e.starts_with(chars[i])))
        else {
            continue;
        };
        let mut at = etc + 1;
        while at < clause.end && COUNT_CHARS.contains(chars[at]) {
            at += 1;
        }
        if at < clause.end && MEASURE_WORDS.contains(chars[at]) {
            at += 1;
        }
        let rest: String = chars[at..clause.end].iter().collect();
        let rest = LIST_MODIFIERS
            .iter()
            .find_map(|m| rest.strip_prefix(m))
            .unwrap_or(&rest);
        // The shared ending runs to the last ending of drafting.toml before anything that is
        // not part of a name (「国家级重点实验室的培育」: 国家级重点实验室; 「行动计划」).
        let mut shared = None;
        for (at, c) in rest.char_indices().take(MAX_SHARED_ENDING_CHARS) {
            let head = &rest[..at + c.len_utf8()];
            if !is_name_char(c) || c == NOT_IN_NAMES || cut_verbs(&format!("{head}。")) > 0 {
                break;
            }
            if let Some(ending) = patterns
                .endings
                .iter()
                .filter(|e| head.ends_with(e.suffix.as_str()))
                .max_by_key(|e| e.suffix.len())
            {
                shared = Some((head.to_owned(), ending));
            }
        }
        let Some((tail, ending)) = shared else {
            continue;
        };
        let items = items(chars, clause.start..etc);
        // A list of places or bodies (「南京、无锡等」) shares no name's ending.
        let is_place_or_body = |item: &str| {
            known.resolve(item).is_some_and(|(e, _)| {
                let kind = known.model.entities[e].kind.as_str();
                kind == ids::REGION || kind == ids::GOVERNMENT_BODY
            })
        };
        // Nor does a list of names that have endings of their own (「…集聚区、…中心等」).
        let has_ending = |item: &str| {
            patterns
                .endings
                .iter()
                .any(|e| item.ends_with(e.suffix.as_str()))
        };
        if items
            .iter()
            .any(|(item, _)| is_place_or_body(item) || has_ending(item))
        {
            continue;
        }
        for (item, range) in items {
            let name = compose(&format!("{item}{tail}"), known);
            if !ITEM_CHARS.contains(&item.chars().count())
                || known.resolve(&name).is_some()
                || found.iter().any(|c| c.name == name)
            {
                continue;
            }
            found.push(Candidate {
                name,
                kind: ending.kind.clone(),
                written: item,
                range,
                rule: SHARED_ENDING_RULE.to_owned(),
            });
        }
    }
    found
}

#[cfg(test)]
mod tests {
    use super::*;

    fn items_of(text: &str) -> Vec<String> {
        let chars: Vec<char> = text.chars().collect();
        items(&chars, 0..chars.len())
            .into_iter()
            .map(|(item, range)| {
                assert_eq!(chars[range].iter().collect::<String>(), item);
                item
            })
            .collect()
    }

    #[test]
    fn a_list_loses_the_verb_before_it_and_the_tail_after_it() {
        assert_eq!(
            items_of("聚焦集成电路、第三代半导体、生物医药等优势领域"),
            ["集成电路", "第三代半导体", "生物医药"]
        );
    }

    #[test]
    fn the_last_two_items_may_be_joined_by_a_word() {
        assert_eq!(
            items_of("培育新材料、新能源和节能环保产业"),
            ["新材料", "新能源", "节能环保"]
        );
    }

    #[test]
    fn a_verb_that_ends_the_first_item_is_part_of_it() {
        assert_eq!(
            items_of("深入实施工业互联网培育、标准领航"),
            ["工业互联网培育", "标准领航"]
        );
    }

    #[test]
    fn a_clause_without_a_separator_has_no_list() {
        assert!(items_of("推进科技金融发展").is_empty());
    }
}
