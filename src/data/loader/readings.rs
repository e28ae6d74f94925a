//! `readings.toml`: how heteronyms read in context, for the pinyin of every name.

use super::{Loader, READINGS_FILE};
use crate::data::raw::ReadingsFile;
use crate::names::Readings;

impl<'a> Loader<'a> {
    /// The readings of heteronyms in context, from an optional `readings.toml`.
    pub(super) fn readings(&mut self) -> Readings {
        let mut readings = Readings::default();
        let Some(text) = self.files.get(READINGS_FILE) else {
            return readings;
        };
        let Some(file) = self.parse::<ReadingsFile>(READINGS_FILE, text) else {
            return readings;
        };
        for reading in file.reading {
            let span = reading.span();
            let decl = reading.into_inner();
            if let Err(error) = readings.add(&decl.text, &decl.pinyin) {
                self.problem(READINGS_FILE, text, Some(span), error.to_string());
            }
        }
        readings
    }
}
