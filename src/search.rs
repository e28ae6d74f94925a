//! Name search: finds entities by any of their names (simplified, traditional, aliases,
//! pinyin with or without spaces and tones, initials, English), for type-ahead. Ranked by
//! match (exact → prefix → substring), then named things before documents and before
//! sections, tasks and targets, then by the kind of name; whitespace in the query is ignored.
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

struct IndexedName {
    entity: EntityIndex,
    display: String,
    /// The form compared with the query (lower-cased, folded for Latin script).
    key: String,
    kind: NameKind,
    /// A reading of a heteronym other than the one in context.
    variant: bool,
}

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

/// A precomputed index of every name of every entity.
pub struct SearchIndex {
    names: Vec<IndexedName>,
    converter: &'static ScriptConverter,
}

impl std::fmt::Debug for SearchIndex {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "SearchIndex({} names)", self.names.len())
    }
}

impl SearchIndex {
    /// Indexes every name of every entity of `model`.
    pub fn new(model: &Model, converter: &'static ScriptConverter) -> Self {
        let mut names = Vec::new();
        for (entity, e) in model.entities.iter().enumerate() {
            let mut add = |display: String, key: String, kind: NameKind, variant: bool| {
                if !key.is_empty() {
                    names.push(IndexedName {
                        entity,
                        display,
                        key,
                        kind,
                        variant,
                    });
                }
            };
            let mut variants = Vec::new();
            let mut push = |display: String, key: String, kind: NameKind| {
                add(display, key, kind, false);
            };
            push(e.name.clone(), e.name.to_lowercase(), NameKind::Simplified);
            if e.traditional != e.name {
                push(
                    e.traditional.clone(),
                    e.traditional.clone(),
                    NameKind::Traditional,
                );
            }
            for alias in &e.aliases {
                push(
                    alias.text.clone(),
                    alias.text.to_lowercase(),
                    NameKind::Alias,
                );
                let simplified = converter.simplified(&alias.text);
                if simplified != alias.text {
                    push(alias.text.clone(), simplified, NameKind::Alias);
                }
            }
            if let Some(english) = &e.english {
                push(
                    english.text.clone(),
                    fold_latin(&english.text),
                    NameKind::English,
                );
            }
            // The reading in context, its initials, and those of every alias.
            push(e.pinyin.clone(), fold_latin(&e.pinyin), NameKind::Pinyin);
            push(initials(&e.pinyin), initials(&e.pinyin), NameKind::Initials);
            for alias in &e.aliases {
                let spelled = pinyin(&converter.simplified(&alias.text));
                push(spelled.clone(), fold_latin(&spelled), NameKind::Pinyin);
                push(initials(&spelled), initials(&spelled), NameKind::Initials);
            }
            // Other readings of the name's heteronyms, ranked below, without initials.
            let context = fold_latin(&e.pinyin);
            for reading in pinyin_readings(&e.name, MAX_READINGS) {
                if fold_latin(&reading) != context {
                    variants.push((e.pinyin.clone(), fold_latin(&reading)));
                }
            }
            for (display, key) in variants {
                add(display, key, NameKind::Pinyin, true);
            }
        }
        Self { names, converter }
    }

    /// The best hits for `text`, at most `limit`, one per entity (its best-matching name).
    /// Ordered by match quality, then by the kind of name, then by shorter name, then by id.
    pub fn search(&self, model: &Model, text: &str, limit: usize) -> Vec<SearchHit> {
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
        let mut best: std::collections::HashMap<EntityIndex, (Rank, SearchHit)> =
            Default::default();
        for name in &self.names {
            // A match on the text as typed ranks above one found only after converting it
            // to simplified script, so that 蘇科貸 reports the traditional name it matched.
            let found = match name.kind {
                NameKind::English | NameKind::Pinyin | NameKind::Initials => {
                    quality(&name.key, &folded).map(|q| (q, false))
                }
                _ => quality(&name.key, &lowered)
                    .map(|q| (q, false))
                    .or_else(|| quality(&name.key, &simplified).map(|q| (q, true))),
            };
            let Some((quality, converted)) = found else {
                continue;
            };
            let rank = (
                quality,
                tier(model, name.entity),
                converted,
                name.variant,
                name.kind,
            );
            let hit = SearchHit {
                entity: name.entity,
                matched: name.display.clone(),
                name_kind: name.kind,
                quality,
            };
            let better = match best.get(&name.entity) {
                Some((current, _)) => rank < *current,
                None => true,
            };
            if better {
                best.insert(name.entity, (rank, hit));
            }
        }
        let mut ranked: Vec<(Rank, SearchHit)> = best.into_values().collect();
        ranked.sort_by(|(ra, a), (rb, b)| {
            let (ea, eb) = (&model.entities[a.entity], &model.entities[b.entity]);
            // Sections, tasks and targets after every named thing and document, however
            // well they match: type-ahead looks for things, and a kinds filter finds parts.
            (ra.1 >= PART_TIER, ra.0, ra.1, ra.3, ra.4)
                .cmp(&(rb.1 >= PART_TIER, rb.0, rb.1, rb.3, rb.4))
                .then(ea.name.chars().count().cmp(&eb.name.chars().count()))
                .then(ea.id.cmp(&eb.id))
        });
        ranked.truncate(limit);
        ranked.into_iter().map(|(_, hit)| hit).collect()
    }
}

/// How a name matched, best first when compared: match quality, tier of the entity, whether
/// the query matched only after conversion to simplified script, whether the name is a rare
/// reading, and the kind of name.
type Rank = (MatchQuality, u8, bool, bool, NameKind);

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
