//! What the graph already knows, as a draft sees it: every name, alias and written form of a
//! named entity, folded to simplified script, and the forms relative to the document's city
//! (「市科技局」 for 常州市科技局 in a Changzhou document). For the leave-one-out benchmark a
//! document can be left out: its own entities (those no other document names) and the forms
//! only it writes are then unknown.

use std::collections::{HashMap, HashSet};

use aho_corasick::{AhoCorasick, MatchKind};

use super::DraftError;
use crate::model::{Details, EntityIndex, Model, compact};
use crate::names::ScriptConverter;

/// Forms shorter than this (in characters) are too ambiguous to look for.
const MIN_FORM_CHARS: usize = 2;

/// The endings of a region's name that its bodies drop in a relative form (常州市 → 常州).
const REGION_ENDINGS: [char; 4] = ['市', '区', '县', '省'];

/// How a form names its entity.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum FormKind {
    /// The entity's name.
    Name,
    /// An alias or another written form.
    Alias,
    /// A form relative to the document's city, which names another body in another city.
    Relative,
}

impl FormKind {
    /// The rule id written as the draft marker of a mention found by this form.
    pub fn rule(self) -> &'static str {
        match self {
            Self::Name => "gazetteer:name",
            Self::Alias => "gazetteer:alias",
            Self::Relative => "gazetteer:relative-to-city",
        }
    }
}

/// A form found in a text.
#[derive(Debug, Clone)]
pub(crate) struct Found {
    /// The entity it names.
    pub entity: EntityIndex,
    /// How.
    pub kind: FormKind,
    /// Characters of the folded text.
    pub range: std::ops::Range<usize>,
}

/// The gazetteer of one draft.
pub(crate) struct Known<'m> {
    /// The graph.
    pub model: &'m Model,
    /// The region the document governs.
    pub city: EntityIndex,
    /// The city's name and its enclosing regions' names, without their endings (常州, 江苏).
    pub city_stems: Vec<String>,
    /// Entities the graph knows only from the left-out document.
    pub left_out: HashSet<EntityIndex>,
    /// The left-out document.
    pub without: Option<EntityIndex>,
    /// Every form, folded, with the entities it may name.
    forms: Vec<(String, Vec<(EntityIndex, FormKind)>)>,
    /// Each folded form's position in `forms`.
    form_index: HashMap<String, usize>,
    matcher: AhoCorasick,
    converter: &'static ScriptConverter,
}

impl<'m> Known<'m> {
    /// The gazetteer of `model` for a document of `city`, leaving out `without` if given.
    pub fn new(
        model: &'m Model,
        city: EntityIndex,
        without: Option<EntityIndex>,
    ) -> Result<Self, DraftError> {
        let converter = ScriptConverter::shared()?;
        let fold = |text: &str| converter.simplified(&compact(text));
        let left_out = match without {
            Some(document) => left_out(model, document),
            None => HashSet::new(),
        };
        let city_stems = region_stems(model, city, &fold);
        let mut known = Self {
            model,
            city,
            city_stems,
            left_out,
            without,
            forms: Vec::new(),
            form_index: HashMap::new(),
            matcher: AhoCorasick::new(Vec::<String>::new())?,
            converter,
        };
        for entity in 0..model.entities.len() {
            if !model.is_named(entity) || known.left_out.contains(&entity) {
                continue;
            }
            let e = &model.entities[entity];
            let name = fold(&e.name);
            known.add(name.clone(), entity, FormKind::Name);
            let written = e.aliases.iter().map(|a| &a.text).chain(&e.written_forms);
            for form in written {
                if known.written_elsewhere(entity, form) {
                    let folded = fold(form);
                    let kind = if known.is_relative(&folded) {
                        FormKind::Relative
                    } else {
                        FormKind::Alias
                    };
                    known.add(folded, entity, kind);
                }
            }
            if known.is_of_city(&name) {
                for stem in known.city_stems.clone() {
                    if let Some(rest) = name.strip_prefix(&stem)
                        && rest
                            .chars()
                            .next()
                            .is_some_and(|c| REGION_ENDINGS.contains(&c))
                    {
                        known.add(rest.to_owned(), entity, FormKind::Relative);
                    }
                }
            }
        }
        // A relative form names a body of this city only, and only at a level the city has
        // (「区政府」 names no body in a document of a city, only in one of a district).
        let levels = region_levels(model, city);
        for (form, entities) in &mut known.forms {
            if let Some(first) = form.chars().next()
                && REGION_ENDINGS.contains(&first)
            {
                let level_known = levels.contains(&first);
                entities.retain(|(e, _)| {
                    let name = fold(&model.entities[*e].name);
                    level_known && known_is_of_city(&known.city_stems, &name)
                });
            }
        }
        let patterns: Vec<&str> = known.forms.iter().map(|(f, _)| f.as_str()).collect();
        known.matcher = AhoCorasick::builder()
            .match_kind(MatchKind::LeftmostLongest)
            .build(patterns)?;
        Ok(known)
    }

    fn add(&mut self, form: String, entity: EntityIndex, kind: FormKind) {
        if form.chars().count() < MIN_FORM_CHARS {
            return;
        }
        let at = match self.form_index.get(&form) {
            Some(&at) => at,
            None => {
                self.form_index.insert(form.clone(), self.forms.len());
                self.forms.push((form, Vec::new()));
                self.forms.len() - 1
            }
        };
        let entities = &mut self.forms[at].1;
        match entities.iter_mut().find(|(e, _)| *e == entity) {
            // The strongest kind wins: a name over an alias over a relative form.
            Some(existing) if kind == FormKind::Name => existing.1 = kind,
            Some(_) => {}
            None => entities.push((entity, kind)),
        }
    }

    /// Whether some document other than the left-out one writes `form` for `entity`.
    fn written_elsewhere(&self, entity: EntityIndex, form: &str) -> bool {
        let form = compact(form);
        self.model.entities[entity]
            .evidence
            .iter()
            .any(|ev| Some(ev.document) != self.without && compact(&ev.quote).contains(&form))
    }

    /// Whether a folded form is relative (「市科技局」, 「省委」).
    fn is_relative(&self, folded: &str) -> bool {
        folded.starts_with(REGION_ENDINGS)
    }

    /// Whether a folded name belongs to the city or a region enclosing it.
    pub fn is_of_city(&self, folded_name: &str) -> bool {
        known_is_of_city(&self.city_stems, folded_name)
    }

    /// The city's name with its ending, as printed in composed names (常州市).
    pub fn city_name(&self) -> &str {
        &self.model.entities[self.city].name
    }

    /// Folds a text to compact simplified script, as forms are kept.
    pub fn fold(&self, text: &str) -> String {
        self.converter.simplified(&compact(text))
    }

    /// The entity a whole folded text names, if exactly one of the city's or else exactly one.
    pub fn resolve(&self, folded: &str) -> Option<(EntityIndex, FormKind)> {
        let at = *self.form_index.get(folded)?;
        self.choose(&self.forms[at].1)
    }

    /// Every form found in a folded text, leftmost-longest, with the entity each names.
    pub fn find_all(&self, chars: &[char]) -> Vec<Found> {
        let text: String = chars.iter().collect();
        // Byte offsets of `text` to character positions.
        let mut position = vec![0; text.len() + 1];
        for (i, (offset, _)) in text.char_indices().enumerate() {
            position[offset] = i;
        }
        position[text.len()] = chars.len();
        self.matcher
            .find_iter(&text)
            .filter_map(|m| {
                let (entity, kind) = self.choose(&self.forms[m.pattern().as_usize()].1)?;
                Some(Found {
                    entity,
                    kind,
                    range: position[m.start()]..position[m.end()],
                })
            })
            .collect()
    }

    /// One entity among those a form may name: the only one, or the only one of the city.
    fn choose(&self, entities: &[(EntityIndex, FormKind)]) -> Option<(EntityIndex, FormKind)> {
        match entities {
            [] => None,
            [one] => Some(*one),
            many => {
                let of_city: Vec<_> = many
                    .iter()
                    .filter(|(e, _)| self.is_of_city(&self.fold(&self.model.entities[*e].name)))
                    .collect();
                match of_city.as_slice() {
                    [one] => Some(**one),
                    _ => None,
                }
            }
        }
    }
}

/// The named entities that only `document` names: what the graph would not know without it.
pub(crate) fn left_out(model: &Model, document: EntityIndex) -> HashSet<EntityIndex> {
    (0..model.entities.len())
        .filter(|&e| model.is_named(e))
        .filter(|&e| {
            let evidence = &model.entities[e].evidence;
            !evidence.is_empty() && evidence.iter().all(|ev| ev.document == document)
        })
        .collect()
}

fn known_is_of_city(stems: &[String], folded_name: &str) -> bool {
    stems
        .iter()
        .any(|stem| folded_name.starts_with(stem.as_str()))
}

/// The endings of the names of a region and the regions enclosing it (市 and 省 for 常州市).
fn region_levels(model: &Model, city: EntityIndex) -> Vec<char> {
    enclosing_regions(model, city)
        .into_iter()
        .filter_map(|r| model.entities[r].name.chars().last())
        .filter(|c| REGION_ENDINGS.contains(c))
        .collect()
}

/// A region and the regions enclosing it, nearest first.
pub(crate) fn enclosing_regions(model: &Model, city: EntityIndex) -> Vec<EntityIndex> {
    let containment = model.vocabulary.containment_kinds();
    let mut found = Vec::new();
    let mut next = vec![city];
    while let Some(region) = next.pop() {
        if found.contains(&region) {
            continue;
        }
        found.push(region);
        for relation in model.outgoing(region) {
            let object = &model.entities[relation.object];
            if containment.contains(&relation.kind.as_str())
                && matches!(object.details, Details::None)
                && object.kind == crate::vocabulary::ids::REGION
            {
                next.push(relation.object);
            }
        }
    }
    found
}

/// The names, without their endings, of a region and of the regions enclosing it, nearest
/// first (钟楼, 常州, 江苏).
fn region_stems(model: &Model, city: EntityIndex, fold: &dyn Fn(&str) -> String) -> Vec<String> {
    enclosing_regions(model, city)
        .into_iter()
        .map(|region| {
            fold(&model.entities[region].name)
                .trim_end_matches(REGION_ENDINGS)
                .to_owned()
        })
        .filter(|stem| stem.chars().count() >= MIN_FORM_CHARS)
        .collect()
}
