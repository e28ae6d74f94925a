//! New-entity candidates: the names the coverage patterns mark (…研究院, …园区, …基金) that no
//! entity of the graph carries, cut back to the name (the verb or particle before it is not
//! part of it), with the kind their ending suggests, a composed name where the text writes
//! a body relative to its city (「省产业技术研究院」 is 江苏省产业技术研究院), and an id from
//! the pinyin.

use std::collections::HashSet;
use std::ops::Range;

use super::known::Known;
use super::patterns::DraftingPatterns;
use crate::coverage::NameSpan;
use crate::vocabulary::ids;

/// Words before a name that are not part of it: verbs, adverbs, particles and measure words
/// of these documents. The candidate starts after the last one.
const CUT_WORDS: [&str; 101] = [
    "建设", "推进", "加快", "打造", "支持", "依托", "发挥", "实施", "建立", "组建", "培育", "引进",
    "设立", "成立", "围绕", "推动", "深化", "加强", "提升", "鼓励", "积极", "重点", "全力", "大力",
    "共建", "联合", "参与", "开展", "完善", "布局", "争创", "创建", "申报", "认定", "对接", "利用",
    "深入", "持续", "聚焦", "引导", "做强", "做大", "壮大", "优化", "谋划", "落实", "举办", "承办",
    "组织", "争取", "筹建", "新建", "启动", "用好", "办好", "以及", "一批", "若干", "新增", "和",
    "与", "及", "等", "在", "对", "向", "为", "将", "把", "由", "的", "是", "经", "印发", "年",
    "促进", "做好", "健全", "依法", "赋予", "推广", "加大", "确保", "建好", "其它", "其他", "各",
    "两个", "以上", "级", "型", "化", "制定", "制订", "进入", "列入", "增强", "进行", "纳入",
    "按照", "本",
];

/// Words before an ending that make a common noun of it (高科技园区, 专业化众创空间): a
/// candidate that is only such words and its ending names no one thing.
const COMMON_MODIFIERS: [&str; 47] = [
    "创新",
    "科技",
    "高科技",
    "国际",
    "合作",
    "特色",
    "专业",
    "产业",
    "技术",
    "研发",
    "服务",
    "人才",
    "金融",
    "转移",
    "协同",
    "战略",
    "离岸",
    "孵化",
    "创业",
    "国家",
    "省",
    "市",
    "水平",
    "高",
    "行动",
    "专项",
    "应用",
    "大",
    "一",
    "二",
    "三",
    "四",
    "五",
    "六",
    "七",
    "八",
    "九",
    "十",
    "两",
    "发展",
    "集群",
    "研究",
    "企业",
    "行业",
    "分",
    "工程",
    "制造业",
];

/// Shortest quoted name kept, in characters.
const MIN_QUOTED_CHARS: usize = 2;

/// Shortest name kept, in characters, the ending included.
const MIN_NAME_CHARS: usize = 4;

/// The endings of a region's name, which a relative name starts with (「市」科技金融服务中心).
const RELATIVE_STARTS: [char; 4] = ['市', '区', '县', '省'];

/// The rule id written as the draft marker of a candidate: the pattern that found it.
pub(crate) fn rule(span: &NameSpan) -> String {
    if span.quoted {
        format!("candidate:{}", span.suffix)
    } else {
        format!("candidate:…{}", span.suffix)
    }
}

/// A proposed new entity.
#[derive(Debug, Clone)]
pub(crate) struct Candidate {
    /// The proposed name, in simplified script.
    pub name: String,
    /// The proposed kind.
    pub kind: String,
    /// The form as written, folded (differs from the name when composed).
    pub written: String,
    /// Characters of the folded text of its first occurrence.
    pub range: Range<usize>,
    /// The rule that proposed it.
    pub rule: String,
}

/// The candidates of `spans` in a folded text, each name once, in text order.
pub(crate) fn candidates(
    chars: &[char],
    spans: &[NameSpan],
    known: &Known<'_>,
    patterns: &DraftingPatterns,
) -> Vec<Candidate> {
    let mut seen = HashSet::new();
    let mut found = Vec::new();
    for span in spans {
        let kind = if span.quoted {
            ids::POLICY.to_owned()
        } else {
            match patterns.kind_of_ending(&span.suffix) {
                Some(kind) => kind.to_owned(),
                None => continue,
            }
        };
        // Quoted text that an ending follows is part of a longer name (生产性服务业“双百”工程).
        if span.quoted
            && let Some(candidate) = quoted_in_name(chars, span, known, patterns)
        {
            if seen.insert(candidate.name.clone()) {
                found.push(candidate);
            }
            continue;
        }
        let run: String = chars[span.range.clone()].iter().collect();
        // A quoted list or slogan (「走出去、请进来」) names no one thing.
        if span.quoted && run.contains(NOT_IN_QUOTED_NAMES) {
            continue;
        }
        // Quoted text is taken as quoted; a run before an ending starts after its last verb.
        let start = if span.quoted { 0 } else { cut(&run) };
        let written: String = run[start..]
            .trim_start_matches(|c: char| c.is_ascii_digit() || "()（）·".contains(c))
            .to_owned();
        // A run that starts inside brackets starts after the closing one (「苏州)知识产权保护
        // 中心」); one that opens a bracket it does not close is cut off mid-name.
        let written = match written.rfind([')', '）']) {
            Some(at) if !written[..at].contains(['(', '（']) => {
                written[at + written[at..].chars().next().map_or(1, char::len_utf8)..].to_owned()
            }
            _ => written,
        };
        if written.matches(['(', '（']).count() > written.matches([')', '）']).count() {
            continue;
        }
        let shortest = if span.quoted {
            MIN_QUOTED_CHARS
        } else {
            MIN_NAME_CHARS.max(span.suffix.chars().count() + 2)
        };
        if written.chars().count() < shortest {
            continue;
        }
        // A name the graph knows, or a known name with a generic word in front, is a mention.
        if known.resolve(&written).is_some() {
            continue;
        }
        if !span.quoted && is_common_noun(&written, &span.suffix) {
            continue;
        }
        let name = compose(&written, known);
        if known.resolve(&name).is_some() || !seen.insert(name.clone()) {
            continue;
        }
        let offset =
            run[..start].chars().count() + (run[start..].chars().count() - written.chars().count());
        found.push(Candidate {
            name,
            kind,
            written,
            range: span.range.start + offset..span.range.end,
            rule: rule(span),
        });
    }
    found
}

/// Most characters of a name before a scanned ending.
const MAX_RUN_CHARS: usize = 20;

/// The spans before the endings the coverage patterns do not look for (`scan = true` in
/// drafting.toml): the run of name characters before each, as coverage finds its own.
pub(crate) fn scanned_spans(chars: &[char], patterns: &DraftingPatterns) -> Vec<NameSpan> {
    let is_name_char =
        |c: char| super::text::is_cjk(c) || c.is_ascii_alphanumeric() || "()（）·".contains(c);
    let mut spans = Vec::new();
    for ending in patterns.endings.iter().filter(|e| e.scan) {
        let suffix: Vec<char> = ending.suffix.chars().collect();
        for at in 0..chars.len().saturating_sub(suffix.len() - 1) {
            if chars[at..at + suffix.len()] != suffix[..] {
                continue;
            }
            let start = (at.saturating_sub(MAX_RUN_CHARS)..at)
                .rev()
                .take_while(|&i| is_name_char(chars[i]))
                .last()
                .unwrap_or(at);
            if start < at {
                spans.push(NameSpan {
                    range: start..at + suffix.len(),
                    suffix: ending.suffix.clone(),
                    quoted: false,
                });
            }
        }
    }
    spans.sort_by_key(|s| s.range.start);
    spans
}

/// The marks around the title of a text (《…》).
const TITLE_MARKS: (char, char) = ('《', '》');

/// Most characters of a title.
const MAX_TITLE_CHARS: usize = 60;

/// The titles in 《…》 of a folded text, each a proposed Policy (a plan, a law, an opinion),
/// except `own_title`, the document's own. A title relative to the city (《市政府关于…》) is
/// composed with it.
pub(crate) fn titles(chars: &[char], known: &Known<'_>, own_title: Option<&str>) -> Vec<Candidate> {
    let (open, close) = TITLE_MARKS;
    let mut found: Vec<Candidate> = Vec::new();
    let mut at = 0;
    while at < chars.len() {
        if chars[at] != open {
            at += 1;
            continue;
        }
        let start = at + 1;
        let Some(length) = chars[start..]
            .iter()
            .take(MAX_TITLE_CHARS + 1)
            .position(|&c| c == close || c == open)
            .filter(|&n| chars[start + n] == close)
        else {
            at += 1;
            continue;
        };
        let end = start + length;
        at = end + 1;
        let written: String = chars[start..end].iter().collect();
        let name = compose(&written, known);
        let own = own_title.is_some_and(|t| t.contains(written.as_str()));
        if written.chars().count() < MIN_NAME_CHARS
            || own
            || known.resolve(&written).is_some()
            || known.resolve(&name).is_some()
            || found.iter().any(|c| c.name == name)
        {
            continue;
        }
        found.push(Candidate {
            name,
            kind: ids::POLICY.to_owned(),
            written,
            range: start..end,
            rule: TITLE_RULE.to_owned(),
        });
    }
    found
}

/// The rule id of a title proposed as a Policy.
const TITLE_RULE: &str = "candidate:《…》";

/// Characters that make quoted text a list or a slogan rather than a name.
const NOT_IN_QUOTED_NAMES: [char; 9] = ['、', '，', ',', '+', '-', '—', '；', ';', '：'];

/// Most characters of a name around quoted text: before the opening mark, and after the
/// closing one up to the ending.
const MAX_AROUND_QUOTE: usize = 12;

/// The name quoted text is part of, when an ending follows the closing mark within a few
/// name characters (「“一条龙”应用计划」), with the name characters before the opening mark
/// after the last cut word (「实施生产性服务业“双百”工程」: 生产性服务业“双百”工程).
fn quoted_in_name(
    chars: &[char],
    span: &NameSpan,
    known: &Known<'_>,
    patterns: &DraftingPatterns,
) -> Option<Candidate> {
    let is_name_char = |c: char| super::text::is_cjk(c) || c.is_ascii_alphanumeric();
    let open = span.range.start.checked_sub(1)?;
    let close = span.range.end;
    let after: Vec<char> = chars
        .get(close + 1..)?
        .iter()
        .copied()
        .take_while(|c| is_name_char(*c))
        .take(MAX_AROUND_QUOTE)
        .collect();
    let after_text: String = after.iter().collect();
    // The shortest continuation that ends in an ending: the name ends at the first ending.
    let (ending_at, kind, suffix) = (1..=after.len()).find_map(|n| {
        let head: String = after[..n].iter().collect();
        patterns
            .endings
            .iter()
            .find(|e| head.ends_with(e.suffix.as_str()))
            .map(|e| (n, e.kind.clone(), e.suffix.clone()))
    })?;
    let before_start = (open.saturating_sub(MAX_AROUND_QUOTE)..open)
        .rev()
        .take_while(|&i| is_name_char(chars[i]))
        .last()
        .unwrap_or(open);
    let before: String = chars[before_start..open].iter().collect();
    let skip = before[..cut_before(&before)].chars().count();
    let start = before_start + skip;
    let end = close + 1 + ending_at;
    let written: String = chars[start..end].iter().collect();
    if known.resolve(&written).is_some() || after_text.is_empty() {
        return None;
    }
    Some(Candidate {
        name: compose(&written, known),
        kind,
        written,
        range: start..end,
        rule: format!("candidate:{}…{suffix}", span.suffix),
    })
}

/// Whether a candidate is only common modifiers before its ending.
fn is_common_noun(written: &str, suffix: &str) -> bool {
    let mut rest = written.strip_suffix(suffix).unwrap_or(written);
    while !rest.is_empty() {
        match COMMON_MODIFIERS
            .iter()
            .filter(|m| rest.starts_with(*m))
            .max_by_key(|m| m.len())
        {
            Some(modifier) => rest = &rest[modifier.len()..],
            None => return false,
        }
    }
    true
}

/// A cut word that the next character makes part of another word (年 in 年度, 经 in 经济).
const NOT_CUT_BEFORE: [(&str, char); 2] = [("年", '度'), ("经", '济')];

/// Each cut word with the byte offset in `run` just after its last occurrence.
fn cut_ends(run: &str) -> impl Iterator<Item = (&'static str, usize)> + '_ {
    CUT_WORDS.iter().filter_map(|&word| {
        let end = run.rfind(word)? + word.len();
        let next = run[end..].chars().next();
        let joined = NOT_CUT_BEFORE
            .iter()
            .any(|(w, c)| *w == word && next == Some(*c));
        (!joined).then_some((word, end))
    })
}

/// The byte offset in `run` just after the last cut word.
pub(crate) fn cut(run: &str) -> usize {
    cut_ends(run)
        .map(|(_, end)| end)
        // A cut word at the very end would leave only the ending: that is not a cut.
        .filter(|&at| at < run.len())
        .max()
        .unwrap_or(0)
}

/// The byte offset in `run` just after the last cut word that is not a word's ending (型, 化,
/// 级 end words inside a list's first item: 创新型园区建设), and not at its very end
/// (「工业互联网培育」 ends in a verb that is part of it).
pub(crate) fn cut_verbs(run: &str) -> usize {
    cut_ends(run)
        .filter(|&(word, end)| !WORD_ENDINGS.contains(&word) && end < run.len())
        .map(|(_, end)| end)
        .max()
        .unwrap_or(0)
}

/// The cut words that end other words rather than stand before a name.
const WORD_ENDINGS: [&str; 3] = ["型", "化", "级"];

/// The byte offset in `run` just after the last cut word, which may end it: what precedes a
/// name that follows.
fn cut_before(run: &str) -> usize {
    cut_ends(run).map(|(_, end)| end).max().unwrap_or(0)
}

/// The name curators give a written form: the city in front of a relative form.
pub(crate) fn compose(written: &str, known: &Known<'_>) -> String {
    let city = known.city_name();
    let stem = city.trim_end_matches(RELATIVE_STARTS);
    if written.starts_with(RELATIVE_STARTS) {
        // 「省…」 in a city's document names the province's body: the province is the last
        // of the enclosing regions.
        if written.starts_with('省')
            && let Some(province) = known.city_stems.last()
        {
            return format!("{province}{written}");
        }
        format!("{stem}{written}")
    } else if written.starts_with('各') {
        format!("{city}{written}")
    } else {
        written.to_owned()
    }
}

/// An id for a proposed name, as the curators make them: the city's id for the city's name
/// in front, a relative ending (市, 区) as a word of its own, the rest two syllables to a
/// word with a last single syllable joined to the word before (科技局 → kejiju); at most 60
/// characters, and not one of `taken`.
pub(crate) fn proposed_id(name: &str, known: &Known<'_>, taken: &dyn Fn(&str) -> bool) -> String {
    let mut words: Vec<String> = Vec::new();
    let mut rest = name;
    let city = known.city_name();
    let stem = city.trim_end_matches(RELATIVE_STARTS);
    for prefix in [stem, city] {
        if stem.chars().count() >= 2
            && let Some(after) = rest.strip_prefix(prefix)
        {
            words.push(known.model.entities[known.city].id.clone());
            rest = after;
            break;
        }
    }
    if let Some(first) = rest.chars().next()
        && RELATIVE_STARTS.contains(&first)
        && !words.is_empty()
    {
        words.push(syllables(&first.to_string()).concat());
        rest = &rest[first.len_utf8()..];
    }
    let syllables = syllables(rest);
    let mut chunks: Vec<String> = syllables.chunks(2).map(|pair| pair.concat()).collect();
    if syllables.len() % 2 == 1
        && chunks.len() > 1
        && let Some(last) = chunks.pop()
        && let Some(before) = chunks.last_mut()
    {
        before.push_str(&last);
    }
    words.extend(chunks);
    let mut id = words.join("-");
    if id.len() > 60 {
        id.truncate(60);
        id = id.trim_end_matches('-').to_owned();
    }
    if id.is_empty() {
        id = "entity".to_owned();
    }
    let mut unique = id.clone();
    let mut n = 2;
    while taken(&unique) {
        unique = format!("{id}-{n}");
        n += 1;
    }
    unique
}

/// The toneless pinyin syllables of a text, ASCII letters and digits only.
fn syllables(text: &str) -> Vec<String> {
    crate::names::pinyin(text)
        .split_whitespace()
        .map(crate::names::fold_latin)
        .map(|s| {
            s.chars()
                .filter(char::is_ascii_alphanumeric)
                .collect::<String>()
        })
        .filter(|s| !s.is_empty())
        .collect()
}
