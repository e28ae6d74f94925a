//! Applying the rules of `rules.toml`, and dropping the bare mentions a role makes redundant.

use super::{Loader, RULES_FILE};
use crate::data::raw::RulesFile;
use crate::data::rules;
use crate::model::{Entity, EntityIndex};
use crate::vocabulary::{Vocabulary, ids};
use std::collections::HashSet;

impl<'a> Loader<'a> {
    /// Applies the rules of `rules.toml` (if any) to the relations loaded so far, then drops
    /// each bare mention that an action role of the same provision already records.
    pub(super) fn derive(&mut self, vocabulary: &Vocabulary) {
        if let Some(text) = self.files.get(RULES_FILE)
            && let Some(file) = self.parse::<RulesFile>(RULES_FILE, text)
        {
            let (rules, problems) = rules::check(file, vocabulary);
            self.rules = rules.iter().map(rules::Rule::summary).collect();
            for (span, reason) in problems {
                self.problem(RULES_FILE, text, Some(span), reason);
            }
            let entities: Vec<&Entity> = self.entities.iter().map(|(e, _)| e).collect();
            let derived = rules::derive(&rules, vocabulary, &entities, &self.relations);
            let mut refused = HashSet::new();
            for relation in derived {
                let term = vocabulary.relation(&relation.kind);
                let (subject, object) = (
                    &self.entities[relation.subject].0,
                    &self.entities[relation.object].0,
                );
                let allowed = term.is_some_and(|t| {
                    t.allows_subject(&subject.kind) && t.allows_object(&object.kind)
                });
                if !allowed {
                    if refused.insert((
                        relation.rule_span.start,
                        subject.kind.clone(),
                        object.kind.clone(),
                    )) {
                        let reason = format!(
                            "rule derives {} from {} (a {}) to {} (a {}), which the vocabulary does not allow; narrow its object_kinds",
                            relation.kind, subject.id, subject.kind, object.id, object.kind
                        );
                        self.problem(RULES_FILE, text, Some(relation.rule_span), reason);
                    }
                    continue;
                }
                self.add_relation(
                    relation.subject,
                    &relation.kind,
                    relation.object,
                    relation.evidence,
                );
            }
        }
        let with_role: HashSet<(EntityIndex, EntityIndex)> = self
            .relations
            .iter()
            .filter(|r| vocabulary.is_role(&r.kind))
            .map(|r| (r.subject, r.object))
            .collect();
        self.relations
            .retain(|r| r.kind != ids::MENTIONS || !with_role.contains(&(r.subject, r.object)));
        self.relation_keys = self
            .relations
            .iter()
            .enumerate()
            .map(|(i, r)| ((r.subject, r.kind.clone(), r.object), i))
            .collect();
    }
}
