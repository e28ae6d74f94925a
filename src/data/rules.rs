//! Rules that derive direct relations from what the documents state: from a provision's
//! action roles and its responsible bodies, or its document's region. A rule is data
//! (`rules.toml`: an id, a sentence, a pattern, a role and the kind it derives); this module
//! only knows how each pattern walks the graph. A derived relation cites the quote of the role
//! it comes from and names its rule.

use std::collections::{HashMap, HashSet};
use std::ops::Range;

use super::raw::{RuleDecl, RulePattern, RulesFile};
use crate::model::{Basis, Details, Entity, EntityIndex, Evidence, Relation};
use crate::vocabulary::{Vocabulary, ids};

/// A checked rule.
#[derive(Debug, Clone)]
pub(super) struct Rule {
    decl: RuleDecl,
    span: Range<usize>,
}

impl Rule {
    /// The rule as the model keeps it.
    pub fn summary(&self) -> crate::model::Rule {
        crate::model::Rule {
            id: self.decl.id.clone(),
            sentence: self.decl.sentence.clone(),
        }
    }
}

/// A relation a rule derives, before it is added to the model.
pub(super) struct Derived {
    pub subject: EntityIndex,
    pub kind: String,
    pub object: EntityIndex,
    pub evidence: Evidence,
    /// Where the rule is written, to report a derived relation its kind does not allow.
    pub rule_span: Range<usize>,
}

/// Checks the rules of `rules.toml` against the vocabulary, returning those that are sound and
/// the problems of the others.
pub(super) fn check(
    file: RulesFile,
    vocabulary: &Vocabulary,
) -> (Vec<Rule>, Vec<(Range<usize>, String)>) {
    let mut rules = Vec::new();
    let mut problems = Vec::new();
    let mut seen = HashSet::new();
    for rule in file.rule {
        let span = rule.span();
        let decl = rule.into_inner();
        let mut reasons = Vec::new();
        if !seen.insert(decl.id.clone()) {
            reasons.push(format!("rule {:?} is declared twice", decl.id));
        }
        if decl.sentence.trim().is_empty() {
            reasons.push(format!(
                "rule {}: the sentence must say what it derives",
                decl.id
            ));
        }
        if vocabulary.role(&decl.role).is_none() {
            reasons.push(format!("rule {}: unknown role {:?}", decl.id, decl.role));
        }
        match vocabulary.relation(&decl.derive) {
            None => reasons.push(format!(
                "rule {}: derives unknown relation kind {:?}",
                decl.id, decl.derive
            )),
            Some(term) if term.structural => reasons.push(format!(
                "rule {}: {} is structural; a rule derives links between named things",
                decl.id, decl.derive
            )),
            Some(_) => {}
        }
        for kind in &decl.object_kinds {
            if vocabulary.kind(kind).is_none() {
                reasons.push(format!("rule {}: unknown kind {kind:?}", decl.id));
            }
        }
        if reasons.is_empty() {
            rules.push(Rule { decl, span });
        } else {
            problems.extend(reasons.into_iter().map(|r| (span.clone(), r)));
        }
    }
    (rules, problems)
}

/// Everything the rules derive from the relations loaded so far.
pub(super) fn derive(
    rules: &[Rule],
    vocabulary: &Vocabulary,
    entities: &[&Entity],
    relations: &[Relation],
) -> Vec<Derived> {
    let bodies = Bodies::new(relations);
    let mut derived = Vec::new();
    for rule in rules {
        let Some(role_kind) = vocabulary.role(&rule.decl.role).map(|t| t.id.as_str()) else {
            continue;
        };
        for relation in relations.iter().filter(|r| r.kind == role_kind) {
            let object = relation.object;
            if !rule.decl.object_kinds.is_empty()
                && !rule.decl.object_kinds.contains(&entities[object].kind)
            {
                continue;
            }
            let provision = relation.subject;
            let subjects: Vec<(EntityIndex, EntityIndex)> = match rule.decl.pattern {
                RulePattern::ResponsibleToRole => bodies
                    .acting_in(provision, entities)
                    .into_iter()
                    .map(|actor| (actor, object))
                    .collect(),
                RulePattern::RoleToDocumentRegion => document_region(provision, entities)
                    .map(|region| (object, region))
                    .into_iter()
                    .collect(),
                RulePattern::DocumentRegionToRole => document_region(provision, entities)
                    .map(|region| (region, object))
                    .into_iter()
                    .collect(),
            };
            for (subject, object) in subjects {
                if subject == object {
                    continue;
                }
                for evidence in relation.evidence.iter().filter(|e| e.basis.is_stated()) {
                    derived.push(Derived {
                        subject,
                        kind: rule.decl.derive.clone(),
                        object,
                        evidence: Evidence {
                            basis: Basis::Derived(rule.decl.id.clone()),
                            ..evidence.clone()
                        },
                        rule_span: rule.span.clone(),
                    });
                }
            }
        }
    }
    derived
}

/// The responsible bodies of every provision and the issuer of every document.
struct Bodies {
    responsible: HashMap<EntityIndex, Vec<EntityIndex>>,
    issuers: HashMap<EntityIndex, Vec<EntityIndex>>,
}

impl Bodies {
    fn new(relations: &[Relation]) -> Self {
        let mut bodies = Self {
            responsible: HashMap::new(),
            issuers: HashMap::new(),
        };
        for relation in relations {
            let map = match relation.kind.as_str() {
                ids::RESPONSIBLE_AGENCY => &mut bodies.responsible,
                ids::ISSUED_BY => &mut bodies.issuers,
                _ => continue,
            };
            map.entry(relation.subject)
                .or_default()
                .push(relation.object);
        }
        bodies
    }

    /// The bodies that act in a provision, as [`crate::Model::acting_bodies`] finds them.
    fn acting_in(&self, provision: EntityIndex, entities: &[&Entity]) -> Vec<EntityIndex> {
        crate::model::acting_bodies(
            provision,
            |at| &entities[at].details,
            |at, kind| {
                let bodies = match kind {
                    ids::RESPONSIBLE_AGENCY => &self.responsible,
                    ids::ISSUED_BY => &self.issuers,
                    _ => return Vec::new(),
                };
                bodies.get(&at).cloned().unwrap_or_default()
            },
        )
    }
}

/// The region the document of a provision governs.
fn document_region(provision: EntityIndex, entities: &[&Entity]) -> Option<EntityIndex> {
    let document = match &entities[provision].details {
        Details::Task(p) | Details::Section(p) => p.document,
        Details::Document(_) => provision,
        _ => return None,
    };
    match &entities[document].details {
        Details::Document(d) => Some(d.region),
        _ => None,
    }
}
