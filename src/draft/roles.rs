//! Action roles of mentions: what a provision does with the thing it names (uses an
//! instrument, builds a carrier, targets an industry …). The curated data shows that the kind
//! of the thing decides most of them (a Programme is used, an Industry targeted), so each
//! mention is proposed the role the curated provisions most often give things of its kind,
//! when they give it often enough, and only a role whose range admits the kind.

use std::collections::HashMap;

use crate::model::{EntityIndex, Model};
use crate::vocabulary::ids;

/// The least share of a kind's curated mentions that must carry one role for it to be
/// proposed: below it, the curated data is too divided for the kind to decide.
const MIN_SHARE: f64 = 0.6;

/// The role proposed for each entity kind, with the share of curated mentions that carry it.
pub(crate) struct RolesByKind {
    by_kind: HashMap<String, (String, f64)>,
}

impl RolesByKind {
    /// Counts the roles and bare mentions of the curated provisions, leaving out the
    /// evidence of the document `without`.
    pub fn learn(model: &Model, without: Option<EntityIndex>) -> Self {
        // For each kind, the count of each role ("" for a bare mention).
        let mut counts: HashMap<&str, HashMap<&str, usize>> = HashMap::new();
        for relation in &model.relations {
            let role = if relation.kind == ids::MENTIONS {
                ""
            } else {
                match model
                    .vocabulary
                    .relation(&relation.kind)
                    .and_then(|r| r.role.as_deref())
                {
                    Some(role) => role,
                    None => continue,
                }
            };
            let stated = relation
                .evidence
                .iter()
                .filter(|e| Some(e.document) != without)
                .count();
            if stated == 0 {
                continue;
            }
            let kind = model.entities[relation.object].kind.as_str();
            *counts.entry(kind).or_default().entry(role).or_default() += stated;
        }
        let mut by_kind = HashMap::new();
        for (kind, roles) in counts {
            let total: usize = roles.values().sum();
            let best = roles
                .iter()
                .filter(|(role, _)| !role.is_empty())
                .max_by_key(|(role, n)| (**n, std::cmp::Reverse(**role)));
            if let Some((role, n)) = best {
                let share = *n as f64 / total as f64;
                let admitted = model
                    .vocabulary
                    .role(role)
                    .is_some_and(|r| r.allows_object(kind));
                if share >= MIN_SHARE && admitted {
                    by_kind.insert(kind.to_owned(), ((*role).to_owned(), share));
                }
            }
        }
        Self { by_kind }
    }

    /// The role proposed for a thing of `kind`, and the rule id that says why.
    pub fn propose(&self, kind: &str) -> Option<(String, String)> {
        self.by_kind
            .get(kind)
            .map(|(role, share)| (role.clone(), format!("role:by-kind({share:.2})")))
    }
}
