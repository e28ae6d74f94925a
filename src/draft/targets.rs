//! Quantitative targets: a number with a unit (「达到2000家」, 「2.81%」, 「15万平方米以上」)
//! in a clause that sets a goal, with the indicator written before it, the year the sentence
//! names (「到2025年」) or else the nearest year before, and the qualifier after it (以上, 左右).

use std::ops::Range;

use super::text::Folded;

/// Units of a target, longest first so that 万平方米 wins over 平方米 and 万家 over 家.
const UNITS: [&str; 33] = [
    "个百分点",
    "万平方米",
    "平方米",
    "亿美元",
    "亿元",
    "万元",
    "万人",
    "万家",
    "万件",
    "家(次)",
    "人次",
    "人年",
    "%",
    "‰",
    "家",
    "个",
    "件",
    "项",
    "人",
    "名",
    "所",
    "座",
    "台",
    "套",
    "户",
    "支",
    "次",
    "倍",
    "篇",
    "亩",
    "条",
    "场",
    "批",
];

/// Words after the number that qualify it.
const QUALIFIERS: [&str; 4] = ["以上", "左右", "以内", "以下"];

/// Verbs between the indicator and the number, left out of the indicator (longest first).
const VALUE_VERBS: [&str; 9] = [
    "提高到",
    "提升到",
    "达到",
    "超过",
    "突破",
    "增至",
    "保持在",
    "达",
    "为",
];

/// What ends a clause.
const CLAUSE_ENDS: [char; 7] = ['，', ',', '；', ';', '。', '\n', '：'];

/// Marks that open a quoted or bracketed name.
const NAME_OPENS: [char; 6] = ['“', '「', '《', '(', '（', '"'];

/// Marks that close one.
const NAME_CLOSES: [char; 6] = ['”', '」', '》', ')', '）', '"'];

/// What joins the two ends of a range (「1—2家」, 「3-5场」): the target is the lower end.
const RANGE_JOINS: [char; 4] = ['—', '-', '~', '至'];

/// The rule id written as the draft marker of a target.
pub(crate) const RULE: &str = "targets:number-with-unit";

/// A target found in the text.
#[derive(Debug, Clone)]
pub(crate) struct FoundTarget {
    /// Characters of the folded text: the quote, from the indicator to the qualifier.
    pub range: Range<usize>,
    /// The indicator as printed (folded).
    pub indicator: String,
    /// The number.
    pub value: f64,
    /// The unit as printed.
    pub unit: String,
    /// The year it is set for.
    pub year: i32,
    /// 以上, 左右 …, if written.
    pub qualifier: Option<String>,
}

/// Every target of the text, with `default_year` where no year is written before it.
pub(crate) fn targets(text: &Folded<'_>, default_year: Option<i32>) -> Vec<FoundTarget> {
    let chars = &text.chars;
    let mut found = Vec::new();
    let mut last_year = default_year;
    let mut i = 0;
    while i < chars.len() {
        if !chars[i].is_ascii_digit()
            || (i > 0 && (chars[i - 1].is_ascii_digit() || chars[i - 1] == '.'))
        {
            i += 1;
            continue;
        }
        let start = i;
        let mut end = i;
        while end < chars.len()
            && (chars[end].is_ascii_digit()
                || (chars[end] == '.' && chars.get(end + 1).is_some_and(char::is_ascii_digit)))
        {
            end += 1;
        }
        let number: String = chars[start..end].iter().collect();
        i = end;
        let clause_start = (0..start)
            .rev()
            .find(|&j| CLAUSE_ENDS.contains(&chars[j]))
            .map_or(0, |j| j + 1);
        if is_year(text, &number, start, end, clause_start) {
            if let Ok(year) = number.parse() {
                last_year = Some(year);
            }
            continue;
        }
        // A range (「1—2家」) sets its lower end; the quote runs to the upper one.
        let mut unit_at = end;
        if chars.get(end).is_some_and(|c| RANGE_JOINS.contains(c))
            && chars.get(end + 1).is_some_and(char::is_ascii_digit)
        {
            unit_at = end + 1;
            while unit_at < chars.len()
                && (chars[unit_at].is_ascii_digit() || chars[unit_at] == '.')
            {
                unit_at += 1;
            }
        }
        let end = unit_at;
        // Numbers in a 「5·18」 date or a bracketed document number are not targets.
        if start > 0 && matches!(chars[start - 1], '·' | '〔' | '[' | '第') {
            continue;
        }
        let Some(unit) = UNITS.iter().find(|u| text.starts_with(end, u)) else {
            continue;
        };
        let Ok(value) = number.parse::<f64>() else {
            continue;
        };
        let mut quote_end = end + unit.chars().count();
        let qualifier = QUALIFIERS
            .iter()
            .find(|q| text.starts_with(quote_end, q))
            .map(|q| (*q).to_owned());
        if let Some(q) = &qualifier {
            quote_end += q.chars().count();
        }
        // A number in a quoted or bracketed name (「“40条”」, 「(人才新政26条)」) names a
        // policy; it sets no target.
        let closes_a_name = chars
            .get(quote_end)
            .is_some_and(|c| NAME_CLOSES.contains(c));
        let inside_a_name = chars[clause_start..start]
            .iter()
            .filter(|c| NAME_OPENS.contains(c))
            .count()
            > chars[clause_start..start]
                .iter()
                .filter(|c| NAME_CLOSES.contains(c))
                .count();
        if closes_a_name || inside_a_name {
            continue;
        }
        let Some(year) = last_year else {
            continue;
        };
        let indicator_start = clause_start + year_prefix(&chars[clause_start..start]);
        let mut indicator = text.folded(indicator_start..start);
        if let Some(verb) = VALUE_VERBS.iter().find(|v| indicator.ends_with(*v)) {
            indicator.truncate(indicator.len() - verb.len());
        }
        found.push(FoundTarget {
            range: indicator_start..quote_end,
            indicator: indicator.trim().to_owned(),
            value,
            unit: (*unit).to_owned(),
            year,
            qualifier,
        });
        i = quote_end;
    }
    found
}

/// Whether the number at `start..end` is a year: 2000 to 2099 written before 年, or before
/// the dash of a span of years (2023—2025年), or opening its clause (「2020全区新增…」); a
/// number before a unit (「2000家」) or inside a name (「面向2030重大科技专项」) is not one.
fn is_year(text: &Folded<'_>, number: &str, start: usize, end: usize, clause_start: usize) -> bool {
    let chars = &text.chars;
    if number.len() != 4
        || !number.starts_with("20")
        || UNITS.iter().any(|u| text.starts_with(end, u))
    {
        return false;
    }
    match chars.get(end) {
        Some('年') => true,
        Some(c) if RANGE_JOINS.contains(c) => true,
        _ => chars[clause_start..start]
            .iter()
            .all(|c| super::text::is_space(*c) || matches!(c, '到' | '至' | '在')),
    }
}

/// How many characters at the start of a clause say when (到2025年底, 2020年, 力争到2022年).
fn year_prefix(clause: &[char]) -> usize {
    let text: String = clause.iter().collect();
    let mut at = 0;
    for word in ["力争", "到", "至"] {
        if text[at..].starts_with(word) {
            at += word.len();
        }
    }
    let digits = text[at..].chars().take_while(char::is_ascii_digit).count();
    if digits != 4 {
        return 0;
    }
    at += digits;
    for word in ["年底", "年末", "年"] {
        if text[at..].starts_with(word) {
            at += word.len();
            break;
        }
    }
    text[..at].chars().count()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::names::ScriptConverter;

    #[test]
    fn a_goal_clause_gives_indicator_value_unit_year_and_qualifier() {
        let converter = ScriptConverter::shared().expect("OpenCC");
        let folded = Folded::new(
            "到2018年底,全社会研发投入占地区生产总值的比重达2.81%,新增孵化面积15万平方米以上。",
            converter,
        );
        let found = targets(&folded, None);
        assert_eq!(found.len(), 2, "{found:?}");
        assert_eq!(found[0].indicator, "全社会研发投入占地区生产总值的比重");
        assert_eq!(
            (found[0].value, found[0].unit.as_str(), found[0].year),
            (2.81, "%", 2018)
        );
        assert_eq!(found[1].unit, "万平方米");
        assert_eq!(found[1].qualifier.as_deref(), Some("以上"));
        assert_eq!(
            folded.quote(found[1].range.clone()),
            "新增孵化面积15万平方米以上"
        );
    }
}
