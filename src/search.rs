//! Name search: finds entities by any of their names (simplified, traditional, aliases,
//! pinyin with or without spaces and tones, initials, English), for type-ahead. Ranked by
//! match (exact → prefix → substring), then named things before documents and before
//! sections, tasks and targets, then by the kind of name; whitespace in the query is ignored.
//!
//! The index is built for the job so that a search costs about the same on a million
//! entities as on a thousand: names are numbered in rank order, exact matches and long
//! prefixes are found by binary search in the names sorted by key, short prefixes and
//! substrings through posting lists of n-grams, and a search reads the lists best-ranked
//! first and stops once it has the hits it was asked for.
//! A name's pinyin is its reading in context (readings.toml); other readings of its
//! heteronyms still match, but rank below it, and their initials are not indexed, so that a
//! rare reading (核 as kài) does not put a name among the hits for common initials.

use crate::model::{Details, EntityIndex, Model};
use crate::names::{ScriptConverter, fold_latin, initials, pinyin, pinyin_readings};

/// Which of an entity's names a search matched.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum NameKind {
    /// The simplified name.
    Simplified,
    /// The traditional form of the name.
    Traditional,
    /// An alias written in a document.
    Alias,
    /// The English name.
    English,
    /// The pinyin of the name.
    Pinyin,
    /// The pinyin initials of the name.
    Initials,
}

/// How well a name matched.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum MatchQuality {
    /// The whole name.
    Exact,
    /// The start of the name.
    Prefix,
    /// Somewhere inside the name.
    Substring,
}

/// One search result.
#[derive(Debug, Clone)]
pub struct SearchHit {
    /// The entity found.
    pub entity: EntityIndex,
    /// The name that matched, as displayed.
    pub matched: String,
    /// Which kind of name it is.
    pub name_kind: NameKind,
    /// How well it matched.
    pub quality: MatchQuality,
}

/// Readings indexed per name, beyond the displayed one (names full of heteronyms are capped).
const MAX_READINGS: usize = 16;

/// The tier of sections, tasks and targets (see [`tier`]).
const PART_TIER: u8 = 2;

/// Named things first, then documents, then their sections, tasks and targets.
fn tier(model: &Model, entity: EntityIndex) -> u8 {
    match model.entities[entity].details {
        Details::None => 0,
        Details::Document(_) => 1,
        Details::Section(_) | Details::Task(_) | Details::Target(_) => PART_TIER,
    }
}

/// Whether a kind of name is compared with the query folded to Latin letters (pinyin,
/// initials, English) rather than lower-cased as typed (Chinese names).
fn is_latin(kind: NameKind) -> bool {
    matches!(
        kind,
        NameKind::English | NameKind::Pinyin | NameKind::Initials
    )
}

/// A name's number in the index. Names are numbered in the order of their static rank
/// (tier, rare reading, kind of name, length of the entity's name, entity id), so that a
/// posting list sorted by number lists the best-ranked names first and a search can stop
/// after the first hits it needs.
type NameId = u32;

/// Many strings in one buffer.
#[derive(Default)]
struct Strings {
    text: String,
    ends: Vec<u32>,
}

impl Strings {
    fn push(&mut self, s: &str) {
        self.text.push_str(s);
        self.ends.push(self.text.len() as u32);
    }

    fn get(&self, i: usize) -> &str {
        let start = if i == 0 { 0 } else { self.ends[i - 1] as usize };
        &self.text[start..self.ends[i] as usize]
    }
}

/// The code of a run of at most three characters: its length, then 21 bits per character.
fn gram(chars: &[char]) -> u64 {
    chars
        .iter()
        .fold(chars.len() as u64, |code, &c| (code << 21) | c as u64)
}

/// The length of the n-grams with posting lists besides single characters: pairs in Chinese
/// keys, triples in Latin ones (pairs of Latin letters are too common to narrow anything
/// down).
fn gram_length(latin: bool) -> usize {
    if latin { 3 } else { 2 }
}

/// Posting lists: for each n-gram, the names holding it, in number (so rank) order.
type Postings = std::collections::HashMap<u64, Vec<NameId>>;

/// A precomputed index of every name of every entity.
pub struct SearchIndex {
    entities: Vec<u32>,
    kinds: Vec<NameKind>,
    /// Names from this number on are sections, tasks and targets.
    first_part: NameId,
    keys: Strings,
    displays: Strings,
    /// Names sorted by key, for exact matches and long prefixes.
    by_key: Vec<NameId>,
    /// Names by their first one or two characters.
    prefixes: Postings,
    /// Names by every n-gram they contain.
    grams: Postings,
    /// Each entity's names: those of entity `e` are
    /// `entity_names[entity_starts[e]..entity_starts[e + 1]]`, in number order.
    entity_starts: Vec<u32>,
    entity_names: Vec<NameId>,
    converter: &'static ScriptConverter,
}

impl std::fmt::Debug for SearchIndex {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "SearchIndex({} names)", self.entities.len())
    }
}

/// One name before it is numbered.
struct RawName {
    entity: EntityIndex,
    display: String,
    key: String,
    kind: NameKind,
    variant: bool,
}

/// Every name of `e` with the key it is compared by.
fn names_of(
    entity: EntityIndex,
    e: &crate::model::Entity,
    converter: &ScriptConverter,
    out: &mut Vec<RawName>,
) {
    let first = out.len();
    let mut add = |display: String, key: String, kind: NameKind, variant: bool| {
        // A name repeated (an alias equal to the name) adds nothing.
        let repeated = out[first..].iter().any(|n| n.kind == kind && n.key == key);
        if !key.is_empty() && !repeated {
            out.push(RawName {
                entity,
                display,
                key,
                kind,
                variant,
            });
        }
    };
    add(
        e.name.clone(),
        e.name.to_lowercase(),
        NameKind::Simplified,
        false,
    );
    if e.traditional != e.name {
        add(
            e.traditional.clone(),
            e.traditional.clone(),
            NameKind::Traditional,
            false,
        );
    }
    for alias in &e.aliases {
        add(
            alias.text.clone(),
            alias.text.to_lowercase(),
            NameKind::Alias,
            false,
        );
        let simplified = converter.simplified(&alias.text);
        if simplified != alias.text {
            add(alias.text.clone(), simplified, NameKind::Alias, false);
        }
    }
    if let Some(english) = &e.english {
        add(
            english.text.clone(),
            fold_latin(&english.text),
            NameKind::English,
            false,
        );
    }
    // The reading in context, its initials, and those of every alias.
    add(
        e.pinyin.clone(),
        fold_latin(&e.pinyin),
        NameKind::Pinyin,
        false,
    );
    add(
        initials(&e.pinyin),
        initials(&e.pinyin),
        NameKind::Initials,
        false,
    );
    for alias in &e.aliases {
        let spelled = pinyin(&converter.simplified(&alias.text));
        add(
            spelled.clone(),
            fold_latin(&spelled),
            NameKind::Pinyin,
            false,
        );
        add(
            initials(&spelled),
            initials(&spelled),
            NameKind::Initials,
            false,
        );
    }
    // Other readings of the name's heteronyms, ranked below, without initials.
    let context = fold_latin(&e.pinyin);
    for reading in pinyin_readings(&e.name, MAX_READINGS) {
        let folded = fold_latin(&reading);
        if folded != context {
            add(e.pinyin.clone(), folded, NameKind::Pinyin, true);
        }
    }
}

impl SearchIndex {
    /// Indexes every name of every entity of `model`.
    pub fn new(model: &Model, converter: &'static ScriptConverter) -> Self {
        let mut raw = Vec::new();
        for (entity, e) in model.entities.iter().enumerate() {
            names_of(entity, e, converter, &mut raw);
        }
        let name_length: Vec<usize> = model
            .entities
            .iter()
            .map(|e| e.name.chars().count())
            .collect();
        let rank = |n: &RawName| {
            (
                tier(model, n.entity),
                n.variant,
                n.kind,
                name_length[n.entity],
                &model.entities[n.entity].id,
            )
        };
        // Stable, so that an entity's names of equal rank keep their order (its name before
        // its aliases).
        raw.sort_by(|a, b| rank(a).cmp(&rank(b)));
        let first_part = raw.partition_point(|n| tier(model, n.entity) < PART_TIER) as NameId;

        let mut index = Self {
            entities: Vec::with_capacity(raw.len()),
            kinds: Vec::with_capacity(raw.len()),
            first_part,
            keys: Strings::default(),
            displays: Strings::default(),
            by_key: Vec::new(),
            prefixes: Postings::new(),
            grams: Postings::new(),
            entity_starts: Vec::new(),
            entity_names: Vec::new(),
            converter,
        };
        let mut chars = Vec::new();
        let mut seen = std::collections::HashSet::new();
        for (id, name) in raw.iter().enumerate() {
            let id = id as NameId;
            index.entities.push(name.entity as u32);
            index.kinds.push(name.kind);
            index.keys.push(&name.key);
            index.displays.push(&name.display);
            chars.clear();
            chars.extend(name.key.chars());
            for length in 1..=chars.len().min(2) {
                index
                    .prefixes
                    .entry(gram(&chars[..length]))
                    .or_default()
                    .push(id);
            }
            seen.clear();
            for length in [1, gram_length(is_latin(name.kind))] {
                for window in chars.windows(length) {
                    let code = gram(window);
                    if seen.insert(code) {
                        index.grams.entry(code).or_default().push(id);
                    }
                }
            }
        }
        // Each entity's names, grouped by a counting sort (names are in rank order).
        let mut starts = vec![0u32; model.entities.len() + 1];
        for name in &raw {
            starts[name.entity + 1] += 1;
        }
        for e in 0..model.entities.len() {
            starts[e + 1] += starts[e];
        }
        let mut next = starts.clone();
        index.entity_names = vec![0; raw.len()];
        for (id, name) in raw.iter().enumerate() {
            index.entity_names[next[name.entity] as usize] = id as NameId;
            next[name.entity] += 1;
        }
        index.entity_starts = starts;
        index.by_key = (0..raw.len() as NameId).collect();
        index
            .by_key
            .sort_by(|&a, &b| index.keys.get(a as usize).cmp(index.keys.get(b as usize)));
        for list in index.prefixes.values_mut().chain(index.grams.values_mut()) {
            list.shrink_to_fit();
        }
        index.prefixes.shrink_to_fit();
        index.grams.shrink_to_fit();
        index
    }

    fn key(&self, name: NameId) -> &str {
        self.keys.get(name as usize)
    }

    /// The best hits for `text`, at most `limit`, one per entity (its best-matching name).
    pub fn search(&self, text: &str, limit: usize) -> Vec<SearchHit> {
        self.search_where(text, limit, |_| true)
    }

    /// The best hits for `text` among the entities `accept` lets through, at most `limit`,
    /// one per entity. Ordered by match quality (sections, tasks and targets after all
    /// others, however well they match), then by tier, rare reading, kind of name, shorter
    /// name and id; an entity shows the name that matched best, one matching the text as
    /// typed before one matching only after conversion to simplified script, so that
    /// 蘇科貸 reports the traditional name it matched.
    pub fn search_where(
        &self,
        text: &str,
        limit: usize,
        accept: impl Fn(EntityIndex) -> bool,
    ) -> Vec<SearchHit> {
        let text = text.trim();
        if text.is_empty() || limit == 0 {
            return Vec::new();
        }
        // Names hold no spaces: 「常州 科教」 is 「常州科教」.
        let lowered: String = text
            .to_lowercase()
            .chars()
            .filter(|c| !c.is_whitespace())
            .collect();
        let simplified = self.converter.simplified(&lowered);
        let folded = fold_latin(text);
        let queries = Queries {
            latin: folded,
            as_typed: lowered,
            simplified,
        };
        let mut hits = Vec::new();
        let mut taken = std::collections::HashSet::new();
        let groups = [
            0..self.first_part,
            self.first_part..self.entities.len() as NameId,
        ];
        for group in groups {
            for quality in [
                MatchQuality::Exact,
                MatchQuality::Prefix,
                MatchQuality::Substring,
            ] {
                for name in self.candidates(&queries, quality, group.clone()) {
                    let entity = self.entities[name as usize] as EntityIndex;
                    if taken.contains(&entity) || !accept(entity) {
                        continue;
                    }
                    taken.insert(entity);
                    hits.push(self.hit(entity, quality, &queries));
                    if hits.len() == limit {
                        return hits;
                    }
                }
            }
        }
        hits
    }

    /// How name `name` matches the queries: its quality and whether only after conversion.
    fn quality_of(&self, name: NameId, queries: &Queries) -> Option<(MatchQuality, bool)> {
        let key = self.key(name);
        if is_latin(self.kinds[name as usize]) {
            quality(key, &queries.latin).map(|q| (q, false))
        } else {
            quality(key, &queries.as_typed)
                .map(|q| (q, false))
                .or_else(|| quality(key, &queries.simplified).map(|q| (q, true)))
        }
    }

    /// The hit for `entity`: of its names matching with `quality`, the one that matched as
    /// typed, then the better ranked.
    fn hit(&self, entity: EntityIndex, quality: MatchQuality, queries: &Queries) -> SearchHit {
        let names = &self.entity_names
            [self.entity_starts[entity] as usize..self.entity_starts[entity + 1] as usize];
        let best = names
            .iter()
            .filter_map(|&name| match self.quality_of(name, queries) {
                Some((q, converted)) if q == quality => Some((converted, name)),
                _ => None,
            })
            .min();
        let name = best.map_or(names[0], |(_, name)| name);
        SearchHit {
            entity,
            matched: self.displays.get(name as usize).to_owned(),
            name_kind: self.kinds[name as usize],
            quality,
        }
    }

    /// The names within `group` that match with exactly `quality`, best ranked first.
    fn candidates<'a>(
        &'a self,
        queries: &'a Queries,
        quality: MatchQuality,
        group: std::ops::Range<NameId>,
    ) -> impl Iterator<Item = NameId> + 'a {
        let mut sources: Vec<Source<'a>> = Vec::new();
        for query in queries.distinct() {
            match quality {
                MatchQuality::Exact => sources.push(Source::Owned(self.exact(query).into_iter())),
                MatchQuality::Prefix => sources.push(self.prefixed(query)),
                MatchQuality::Substring => sources.extend(self.containing(query)),
            }
        }
        let sources = sources.into_iter().map(|s| s.within(&group)).collect();
        Merge::new(sources)
            .filter(move |&name| self.quality_of(name, queries).map(|(q, _)| q) == Some(quality))
    }

    /// Names whose key is `query`, in number order.
    fn exact(&self, query: &str) -> Vec<NameId> {
        let start = self.by_key.partition_point(|&n| self.key(n) < query);
        let mut found: Vec<NameId> = self.by_key[start..]
            .iter()
            .take_while(|&&n| self.key(n) == query)
            .copied()
            .collect();
        found.sort_unstable();
        found
    }

    /// Names that may start with `query`, in number order: the posting list of a prefix of
    /// one or two characters, or the range of keys that start with a longer query unless that
    /// range is too long to sort (then the list of its first two characters, which the
    /// caller filters).
    fn prefixed(&self, query: &str) -> Source<'_> {
        let chars: Vec<char> = query.chars().collect();
        if chars.len() > 2 {
            let start = self.by_key.partition_point(|&n| self.key(n) < query);
            let range: Vec<NameId> = self.by_key[start..]
                .iter()
                .take_while(|&&n| self.key(n).starts_with(query))
                .take(MAX_SORTED_RANGE + 1)
                .copied()
                .collect();
            if range.len() <= MAX_SORTED_RANGE {
                let mut range = range;
                range.sort_unstable();
                return Source::Owned(range.into_iter());
            }
        }
        let first = &chars[..chars.len().min(2)];
        Source::Slice(self.prefixes.get(&gram(first)).map_or(&[], Vec::as_slice))
    }

    /// Posting lists that hold every name containing `query` (the caller filters): its
    /// rarest n-gram among Chinese keys and among Latin ones.
    fn containing(&self, query: &str) -> Vec<Source<'_>> {
        let chars: Vec<char> = query.chars().collect();
        let list = |window: &[char]| self.grams.get(&gram(window)).map_or(&[][..], Vec::as_slice);
        let rarest = |length: usize| {
            chars
                .windows(length.min(chars.len()))
                .map(list)
                .min_by_key(|l| l.len())
                .unwrap_or(&[])
        };
        if chars.len() == 1 {
            return vec![Source::Slice(rarest(1))];
        }
        let latin = if chars.len() >= gram_length(true) {
            rarest(gram_length(true))
        } else {
            rarest(1)
        };
        vec![
            Source::Slice(rarest(gram_length(false))),
            Source::Slice(latin),
        ]
    }
}

/// Longest range of keys sharing a prefix that a search sorts into rank order rather than
/// reading a posting list.
const MAX_SORTED_RANGE: usize = 4096;

/// The query in the forms names are compared with.
struct Queries {
    /// Folded to Latin letters, for pinyin, initials and English.
    latin: String,
    /// Lower-cased, as typed, for Chinese names.
    as_typed: String,
    /// Converted to simplified script, for Chinese names.
    simplified: String,
}

impl Queries {
    /// The different strings among the forms.
    fn distinct(&self) -> Vec<&str> {
        let mut forms = vec![
            self.latin.as_str(),
            self.as_typed.as_str(),
            self.simplified.as_str(),
        ];
        forms.retain(|f| !f.is_empty());
        forms.sort_unstable();
        forms.dedup();
        forms
    }
}

/// Names in number order, from a posting list or a sorted range.
enum Source<'a> {
    Slice(&'a [NameId]),
    Owned(std::vec::IntoIter<NameId>),
}

impl<'a> Source<'a> {
    /// Only the names of `group`: a slice is cut by binary search.
    fn within(self, group: &std::ops::Range<NameId>) -> Box<dyn Iterator<Item = NameId> + 'a> {
        match self {
            Source::Slice(list) => {
                let start = list.partition_point(|&n| n < group.start);
                let end = list.partition_point(|&n| n < group.end);
                Box::new(list[start..end].iter().copied())
            }
            Source::Owned(names) => {
                let group = group.clone();
                Box::new(names.filter(move |n| group.contains(n)))
            }
        }
    }
}

/// The union of ascending sources, ascending and without repeats.
struct Merge<'a> {
    sources: Vec<std::iter::Peekable<Box<dyn Iterator<Item = NameId> + 'a>>>,
    last: Option<NameId>,
}

impl<'a> Merge<'a> {
    fn new(sources: Vec<Box<dyn Iterator<Item = NameId> + 'a>>) -> Self {
        Self {
            sources: sources.into_iter().map(Iterator::peekable).collect(),
            last: None,
        }
    }
}

impl Iterator for Merge<'_> {
    type Item = NameId;

    fn next(&mut self) -> Option<NameId> {
        loop {
            let next = self
                .sources
                .iter_mut()
                .enumerate()
                .filter_map(|(i, s)| s.peek().map(|&n| (n, i)))
                .min()?;
            self.sources[next.1].next();
            if self.last != Some(next.0) {
                self.last = Some(next.0);
                return Some(next.0);
            }
        }
    }
}

fn quality(key: &str, query: &str) -> Option<MatchQuality> {
    if query.is_empty() {
        None
    } else if key == query {
        Some(MatchQuality::Exact)
    } else if key.starts_with(query) {
        Some(MatchQuality::Prefix)
    } else if key.contains(query) {
        Some(MatchQuality::Substring)
    } else {
        None
    }
}
