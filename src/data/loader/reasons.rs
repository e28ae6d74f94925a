//! `reasons.toml`: inference reasons that recur, written once and cited by id.

use super::{Loader, REASONS_FILE, is_slug, line_of};
use crate::data::Problem;
use crate::data::raw::ReasonsFile;

impl<'a> Loader<'a> {
    /// The recurring inference reasons of an optional `reasons.toml`.
    pub(super) fn reasons(&mut self) {
        let Some(text) = self.files.get(REASONS_FILE) else {
            return;
        };
        let Some(file) = self.parse::<ReasonsFile>(REASONS_FILE, text) else {
            return;
        };
        for reason in file.reason {
            let span = reason.span();
            let decl = reason.into_inner();
            let problem = if !is_slug(&decl.id) {
                Some(format!(
                    "reason id {:?} must be lowercase ASCII words joined by hyphens",
                    decl.id
                ))
            } else if decl.text.trim().is_empty() {
                Some(format!("reason {}: text is empty", decl.id))
            } else if self.reasons.contains_key(&decl.id) {
                Some(format!("reason {} is declared twice", decl.id))
            } else {
                None
            };
            match problem {
                Some(reason) => self.problem(REASONS_FILE, text, Some(span), reason),
                None => {
                    self.reasons.insert(decl.id, (decl.text, false));
                }
            }
        }
    }

    /// A reason no relation cites is stale: it would only mislead the next curator.
    pub(super) fn check_every_reason_is_cited(&mut self) {
        let Some(text) = self.files.get(REASONS_FILE) else {
            return;
        };
        let mut stale: Vec<&String> = self
            .reasons
            .iter()
            .filter(|(_, (_, cited))| !cited)
            .map(|(id, _)| id)
            .collect();
        stale.sort();
        let problems: Vec<Problem> = stale
            .into_iter()
            .map(|id| Problem {
                file: self.files.display_path(REASONS_FILE),
                line: text
                    .find(&format!("id = \"{id}\""))
                    .map_or(0, |offset| line_of(text, offset)),
                reason: format!("reason {id} is cited by no relation; delete it"),
            })
            .collect();
        self.problems.extend(problems);
    }
}
