//! New-entity candidates: the names the coverage patterns mark (…研究院, …园区, …基金) that no
//! entity of the graph carries, cut back to the name (the verb or particle before it is not
//! part of it), with the kind their ending suggests, a composed name where the text writes
//! a body relative to its city (「省产业技术研究院」 is 江苏省产业技术研究院), and an id from
//! the pinyin.

use std::collections::HashSet;
use std::ops::Range;

use super::known::Known;
use crate::coverage::NameSpan;

/// The kind each ending suggests, by the kinds of the curated entities with that ending.
/// An ending missing here proposes no kind the vocabulary would refuse: it is skipped.
const KINDS_BY_SUFFIX: [(&str, &str); 25] = [
    ("研究院", kinds::RESEARCH_INSTITUTE),
    ("研究所", kinds::RESEARCH_INSTITUTE),
    ("实验室", kinds::LABORATORY),
    ("中心", kinds::PLATFORM),
    ("园", kinds::PARK),
    ("园区", kinds::PARK),
    ("科技城", kinds::PARK),
    ("高新区", kinds::PARK),
    ("示范区", kinds::PROGRAMME),
    ("众创空间", kinds::INCUBATOR),
    ("孵化器", kinds::INCUBATOR),
    ("社区", kinds::PARK),
    ("基金", kinds::FUND),
    ("贷", kinds::FINANCIAL_PRODUCT),
    ("计划", kinds::PROGRAMME),
    ("工程", kinds::PROGRAMME),
    ("行动", kinds::PROGRAMME),
    ("联盟", kinds::ALLIANCE),
    ("集团", kinds::ENTERPRISE),
    ("公司", kinds::ENTERPRISE),
    ("大学", kinds::UNIVERSITY),
    ("博览会", kinds::EVENT),
    ("大赛", kinds::EVENT),
    ("周", kinds::EVENT),
    ("峰会", kinds::EVENT),
];

/// The entity kinds a draft proposes; each is declared in vocabulary.toml, and a proposal of
/// a kind the vocabulary lacks is dropped.
pub(crate) mod kinds {
    /// A research institute.
    pub const RESEARCH_INSTITUTE: &str = "ResearchInstitute";
    /// A laboratory.
    pub const LABORATORY: &str = "Laboratory";
    /// A platform (…中心).
    pub const PLATFORM: &str = "Platform";
    /// A park or zone.
    pub const PARK: &str = "Park";
    /// A designation a government confers (…示范区), or a plan (…计划).
    pub const PROGRAMME: &str = "Programme";
    /// An incubator or maker space.
    pub const INCUBATOR: &str = "Incubator";
    /// A fund.
    pub const FUND: &str = "Fund";
    /// A loan product (…贷).
    pub const FINANCIAL_PRODUCT: &str = "FinancialProduct";
    /// An alliance.
    pub const ALLIANCE: &str = "Alliance";
    /// A company.
    pub const ENTERPRISE: &str = "Enterprise";
    /// A university.
    pub const UNIVERSITY: &str = "University";
    /// An event.
    pub const EVENT: &str = "Event";
    /// A policy, strategy or slogan-named goal (quoted: 「“三区一高地”」).
    pub const POLICY: &str = "Policy";
    /// A government body (a 牵头单位 the graph does not know).
    pub const GOVERNMENT_BODY: &str = "GovernmentBody";
}

/// Words before a name that are not part of it: verbs, adverbs, particles and measure words
/// of these documents. The candidate starts after the last one.
const CUT_WORDS: [&str; 92] = [
    "建设", "推进", "加快", "打造", "支持", "依托", "发挥", "实施", "建立", "组建", "培育", "引进",
    "设立", "成立", "围绕", "推动", "深化", "加强", "提升", "鼓励", "积极", "重点", "全力", "大力",
    "共建", "联合", "参与", "开展", "完善", "布局", "争创", "创建", "申报", "认定", "对接", "利用",
    "深入", "持续", "聚焦", "引导", "做强", "做大", "壮大", "优化", "谋划", "落实", "举办", "承办",
    "组织", "争取", "筹建", "新建", "启动", "用好", "办好", "以及", "一批", "若干", "新增", "和",
    "与", "及", "等", "在", "对", "向", "为", "将", "把", "由", "的", "是", "经", "印发", "年",
    "促进", "做好", "健全", "依法", "赋予", "推广", "加大", "确保", "建好", "其它", "其他", "各",
    "两个", "以上", "级", "型", "化",
];

/// Words before an ending that make a common noun of it (高科技园区, 专业化众创空间): a
/// candidate that is only such words and its ending names no one thing.
const COMMON_MODIFIERS: [&str; 24] = [
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
    pub kind: &'static str,
    /// The form as written, folded (differs from the name when composed).
    pub written: String,
    /// Characters of the folded text of its first occurrence.
    pub range: Range<usize>,
    /// The rule that proposed it.
    pub rule: String,
}

/// The candidates of `spans` in a folded text, each name once, in text order.
pub(crate) fn candidates(chars: &[char], spans: &[NameSpan], known: &Known<'_>) -> Vec<Candidate> {
    let mut seen = HashSet::new();
    let mut found = Vec::new();
    for span in spans {
        let kind = if span.quoted {
            kinds::POLICY
        } else {
            match KINDS_BY_SUFFIX.iter().find(|(s, _)| *s == span.suffix) {
                Some(&(_, kind)) => kind,
                None => continue,
            }
        };
        if known.model.vocabulary.kind(kind).is_none() {
            continue;
        }
        let run: String = chars[span.range.clone()].iter().collect();
        // Quoted text is taken as quoted; a run before an ending starts after its last verb.
        let start = if span.quoted { 0 } else { cut(&run) };
        let written: String = run[start..]
            .trim_start_matches(|c: char| c.is_ascii_digit() || "()（）·".contains(c))
            .to_owned();
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

/// The byte offset in `run` just after the last cut word.
fn cut(run: &str) -> usize {
    CUT_WORDS
        .iter()
        .filter_map(|word| run.rfind(word).map(|at| at + word.len()))
        // A cut word at the very end would leave only the ending: that is not a cut.
        .filter(|&at| at < run.len())
        .max()
        .unwrap_or(0)
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
