//! Proposed relations between the things a sentence names, by the patterns of
//! `graph-data/drafting.toml`: a name that begins with a region's (常州西太湖科技产业园 is in
//! 常州), and an object, a cue and a subject in that order (「在江北新区布局建设…中心」). Each
//! pattern has an id, which the drafted relation carries as its rule. A relation is proposed
//! once per document, with the first sentence that gives it.

use std::collections::HashSet;
use std::ops::Range;

use super::RelationDraft;
use super::known::{Known, enclosing_regions};
use super::patterns::{RelationPatternDecl, Shape};
use super::text::Folded;
use crate::model::{EntityIndex, Model};

/// A checked pattern.
#[derive(Debug)]
struct Pattern {
    decl: RelationPatternDecl,
}

/// The relation patterns of a graph-data folder.
pub(crate) struct RelationPatterns {
    patterns: Vec<Pattern>,
    /// (subject, kind, object) of every relation the graph holds outside a left-out document.
    held: HashSet<(EntityIndex, String, EntityIndex)>,
    /// (subject, kind, object) ids of every relation proposed so far.
    drafted: HashSet<(String, String, String)>,
}

/// A thing a sentence names, known or proposed.
#[derive(Debug, Clone)]
pub(crate) struct Placed {
    /// Its id, known or proposed.
    pub id: String,
    /// The entity, if the graph knows it.
    pub entity: Option<EntityIndex>,
    /// Its kind.
    pub kind: String,
    /// Its name, folded.
    pub name: String,
    /// Characters of the folded text where the sentence writes it.
    pub range: Range<usize>,
}

impl RelationPatterns {
    /// The patterns of `drafting.toml`, checked; the relations of `without` do not count as
    /// held, as the benchmark leaves that document out.
    pub fn new(
        patterns: &[RelationPatternDecl],
        model: &Model,
        without: Option<EntityIndex>,
    ) -> Self {
        let held = model
            .relations
            .iter()
            .filter(|r| r.evidence.iter().any(|e| Some(e.document) != without))
            .map(|r| (r.subject, r.kind.clone(), r.object))
            .collect();
        let patterns = patterns
            .iter()
            .map(|decl| Pattern { decl: decl.clone() })
            .collect();
        Self {
            patterns,
            held,
            drafted: HashSet::new(),
        }
    }

    /// The relations the patterns propose between the things of one sentence, `placed` in
    /// text order, less those an earlier sentence gave.
    pub fn propose(
        &mut self,
        text: &Folded<'_>,
        placed: &[Placed],
        known: &Known<'_>,
    ) -> Vec<RelationDraft> {
        let mut proposed: Vec<RelationDraft> = Vec::new();
        for pattern in &self.patterns {
            let pairs = match pattern.decl.pattern {
                Shape::NameBeginsWithObject => name_begins(pattern, placed, known),
                Shape::ObjectCueSubject => object_cue_subject(pattern, text, placed),
            };
            for (subject, object) in pairs {
                let (subject, object) = (&subject, &object);
                let triple = (
                    subject.id.clone(),
                    pattern.decl.relation.clone(),
                    object.id.clone(),
                );
                if subject.id == object.id
                    || self.holds(subject, &pattern.decl.relation, object)
                    || !self.drafted.insert(triple)
                {
                    continue;
                }
                proposed.push(RelationDraft {
                    subject: subject.id.clone(),
                    kind: pattern.decl.relation.clone(),
                    object: object.id.clone(),
                    because: pattern.decl.because.clone(),
                    inferred: pattern.decl.inferred.clone(),
                    rule: format!("{RULE_PREFIX}{}", pattern.decl.id),
                });
            }
        }
        proposed
    }

    fn holds(&self, subject: &Placed, kind: &str, object: &Placed) -> bool {
        match (subject.entity, object.entity) {
            (Some(s), Some(o)) => self.held.contains(&(s, kind.to_owned(), o)),
            _ => false,
        }
    }
}

/// What the rule of a drafted relation starts with; the pattern's id follows.
pub(crate) const RULE_PREFIX: &str = "relation:";

impl Pattern {
    fn subject_may_be(&self, model_kind: &str) -> bool {
        let listed = &self.decl.subject_kinds;
        (listed.is_empty() && !self.decl.object_kinds.iter().any(|k| k == model_kind))
            || listed.iter().any(|k| k == model_kind)
    }

    fn object_may_be(&self, model_kind: &str) -> bool {
        self.decl.object_kinds.iter().any(|k| k == model_kind)
    }
}

/// (subject, object) pairs: a thing whose name begins with the name of a thing of the object
/// kinds, the innermost where such names nest. The object need not be named in the sentence.
fn name_begins(pattern: &Pattern, placed: &[Placed], known: &Known<'_>) -> Vec<(Placed, Placed)> {
    let mut pairs = Vec::new();
    for subject in placed {
        if !pattern.subject_may_be(&subject.kind) {
            continue;
        }
        // The longest object name the name begins with, then again after it: the innermost.
        let mut rest: Vec<char> = subject.name.chars().collect();
        let mut object = None;
        while let Some((n, found)) = (2..rest.len()).rev().find_map(|n| {
            let prefix: String = rest[..n].iter().collect();
            let (entity, _) = known.resolve(&prefix)?;
            let e = &known.model.entities[entity];
            pattern.object_may_be(&e.kind).then(|| {
                let placed = Placed {
                    id: e.id.clone(),
                    entity: Some(entity),
                    kind: e.kind.clone(),
                    name: prefix,
                    range: subject.range.clone(),
                };
                (n, placed)
            })
        }) {
            // A name further in counts only if it lies inside the one before it (江苏省苏南…
            // is in 江苏省, not in 苏南, which is no part of it).
            let inside = match (&object, found.entity) {
                (
                    Some(Placed {
                        entity: Some(outer),
                        ..
                    }),
                    Some(inner),
                ) => enclosing_regions(known.model, inner).contains(outer),
                _ => true,
            };
            if !inside {
                break;
            }
            object = Some(found);
            rest.drain(..n);
        }
        if let Some(object) = object {
            pairs.push((subject.clone(), object));
        }
    }
    pairs
}

/// (subject, object) pairs: an object, a cue within the gap, then a subject.
fn object_cue_subject(
    pattern: &Pattern,
    text: &Folded<'_>,
    placed: &[Placed],
) -> Vec<(Placed, Placed)> {
    let gap = pattern.decl.max_gap.unwrap_or(DEFAULT_GAP);
    let mut pairs = Vec::new();
    for object in placed {
        if !pattern.object_may_be(&object.kind) {
            continue;
        }
        if !pattern.decl.cues_before.is_empty()
            && !pattern.decl.cues_before.iter().any(|cue| {
                let n = cue.chars().count();
                object.range.start >= n && text.starts_with(object.range.start - n, cue)
            })
        {
            continue;
        }
        let next = placed
            .iter()
            .filter(|p| p.range.start >= object.range.end)
            .min_by_key(|p| p.range.start);
        let Some(subject) = next else { continue };
        if !pattern.subject_may_be(&subject.kind) {
            continue;
        }
        let between = object.range.end..subject.range.start;
        if between.len() > gap {
            continue;
        }
        let written = text.folded(between);
        if pattern
            .decl
            .cues_between
            .iter()
            .any(|c| written.contains(c.as_str()))
        {
            pairs.push((subject.clone(), object.clone()));
        }
    }
    pairs
}

/// The gap between object and subject when a pattern gives none, in characters.
const DEFAULT_GAP: usize = 6;
