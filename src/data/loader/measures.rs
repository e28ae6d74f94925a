//! `indicators.toml`: what targets measure, each measure declared once and named by targets.

use std::collections::HashSet;

use super::{INDICATORS_FILE, Loader, is_slug};
use crate::data::raw::IndicatorsFile;
use crate::model::Measure;

impl<'a> Loader<'a> {
    /// The measures of `indicators.toml`.
    pub(super) fn measures(&mut self) {
        let Some(text) = self.files.get(INDICATORS_FILE) else {
            self.problem(INDICATORS_FILE, "", None, "file is missing".to_owned());
            return;
        };
        let Some(file) = self.parse::<IndicatorsFile>(INDICATORS_FILE, text) else {
            return;
        };
        let mut seen = HashSet::new();
        for decl in file.measure {
            let span = decl.span();
            let decl = decl.into_inner();
            let problem = if !is_slug(&decl.id) {
                Some(format!(
                    "measure id {:?} must be lowercase ASCII words joined by hyphens",
                    decl.id
                ))
            } else if !seen.insert(decl.id.clone()) {
                Some(format!("measure {} is declared twice", decl.id))
            } else {
                None
            };
            match problem {
                Some(reason) => self.problem(INDICATORS_FILE, text, Some(span), reason),
                None => self.measures.push(Measure {
                    id: decl.id,
                    zh: decl.zh,
                    en: decl.en,
                    unit_kind: decl.unit_kind,
                    definition_en: decl.definition_en,
                    note: decl.note,
                }),
            }
        }
    }
}
