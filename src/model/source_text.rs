//! Finding a quote in a source text, ignoring whitespace and nothing else.

use std::ops::Range;

/// A source document's text, prepared for quote look-ups.
#[derive(Debug, Clone)]
pub struct SourceText {
    text: String,
    /// The text with every whitespace character removed.
    compact: String,
    /// For each byte of `compact`, the byte offset of the same character in `text`.
    origin: Vec<usize>,
}

impl SourceText {
    /// Prepares `text` for look-ups.
    pub fn new(text: String) -> Self {
        let mut compact = String::with_capacity(text.len());
        let mut origin = Vec::with_capacity(text.len());
        for (offset, c) in text.char_indices() {
            if !c.is_whitespace() {
                compact.push(c);
                origin.extend(std::iter::repeat_n(offset, c.len_utf8()));
            }
        }
        Self {
            text,
            compact,
            origin,
        }
    }

    /// The full text, as stored.
    pub fn text(&self) -> &str {
        &self.text
    }

    /// Where `quote` occurs in the text (first occurrence), comparing with all whitespace
    /// removed from both. An empty quote is never found.
    pub fn find(&self, quote: &str) -> Option<Range<usize>> {
        let needle = compact(quote);
        if needle.is_empty() {
            return None;
        }
        let start = self.compact.find(&needle)?;
        let last = start + needle.len() - 1;
        let end_char = self.text[self.origin[last]..].chars().next()?;
        Some(self.origin[start]..self.origin[last] + end_char.len_utf8())
    }
}

/// `text` with every whitespace character removed.
pub fn compact(text: &str) -> String {
    text.chars().filter(|c| !c.is_whitespace()).collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn whitespace_is_ignored_and_nothing_else() {
        let source = SourceText::new("到2018年底,全社会\n  研发投入　达2.81%".to_owned());
        let found = source
            .find("全社会研发投入达2.81%")
            .expect("found across whitespace");
        assert_eq!(&source.text()[found], "全社会\n  研发投入　达2.81%");
        assert!(
            source.find("到2018年底，全社会").is_none(),
            "full-width comma differs"
        );
        assert!(source.find("  ").is_none(), "an empty quote is never found");
    }
}
