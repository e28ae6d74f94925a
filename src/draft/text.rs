//! The source text as the draft reads it: folded to simplified script character by character,
//! so that one set of patterns and names serves both scripts, with the byte offset of every
//! character in the original, so that every quote is cut from the text as printed.

use std::ops::Range;

use crate::names::ScriptConverter;

/// A source text and its simplified folding, position for position.
pub(crate) struct Folded<'a> {
    /// The text as printed.
    pub original: &'a str,
    /// The text in simplified script, one character for each character of `original`.
    pub chars: Vec<char>,
    /// The byte offset in `original` of each character, and the length of `original` last.
    offsets: Vec<usize>,
    /// Whether more than a few characters changed in folding: the text is traditional.
    pub traditional: bool,
}

/// Fewer changed characters than this per thousand CJK characters is a simplified text that
/// happens to hold a variant form or two.
const TRADITIONAL_PER_MILLE: usize = 20;

impl<'a> Folded<'a> {
    /// Folds `original` line by line; a line whose folding changes its length (OpenCC maps a
    /// few phrases to phrases of another length) is folded character by character instead, so
    /// that positions still correspond.
    pub fn new(original: &'a str, converter: &ScriptConverter) -> Self {
        let mut chars = Vec::with_capacity(original.len() / 3);
        let mut offsets = Vec::with_capacity(original.len() / 3 + 1);
        let mut changed = 0;
        let mut cjk = 0;
        for (line_start, line) in line_spans(original) {
            let printed: Vec<(usize, char)> = line.char_indices().collect();
            let folded: Vec<char> = converter.simplified(line).chars().collect();
            let folded = if folded.len() == printed.len() {
                folded
            } else {
                printed
                    .iter()
                    .map(|(_, c)| {
                        let one = converter.simplified(&c.to_string());
                        let mut it = one.chars();
                        match (it.next(), it.next()) {
                            (Some(f), None) => f,
                            _ => *c,
                        }
                    })
                    .collect()
            };
            for ((offset, printed), folded) in printed.into_iter().zip(folded) {
                if is_cjk(printed) {
                    cjk += 1;
                    if printed != folded {
                        changed += 1;
                    }
                }
                chars.push(folded);
                offsets.push(line_start + offset);
            }
        }
        offsets.push(original.len());
        Self {
            original,
            chars,
            offsets,
            traditional: changed * 1000 > cjk * TRADITIONAL_PER_MILLE,
        }
    }

    /// The printed text of the characters `range`, trimmed of whitespace.
    pub fn quote(&self, range: Range<usize>) -> &'a str {
        let end = range.end.min(self.chars.len());
        let start = range.start.min(end);
        self.original[self.offsets[start]..self.offsets[end]].trim()
    }

    /// The folded characters of `range` as a string.
    pub fn folded(&self, range: Range<usize>) -> String {
        let end = range.end.min(self.chars.len());
        self.chars[range.start.min(end)..end].iter().collect()
    }

    /// The number of characters.
    pub fn len(&self) -> usize {
        self.chars.len()
    }

    /// The character ranges of the lines, without their line ends.
    pub fn lines(&self) -> Vec<Range<usize>> {
        let mut lines = Vec::new();
        let mut start = 0;
        for (i, &c) in self.chars.iter().enumerate() {
            if c == '\n' {
                lines.push(start..i);
                start = i + 1;
            }
        }
        lines.push(start..self.chars.len());
        lines
    }

    /// Whether the text from `at` starts with `word`.
    pub fn starts_with(&self, at: usize, word: &str) -> bool {
        (at..)
            .zip(word.chars())
            .all(|(i, c)| self.chars.get(i) == Some(&c))
    }
}

/// Each line of `text` with the byte offset where it starts, the line end included in the
/// line so that offsets cover every byte.
fn line_spans(text: &str) -> impl Iterator<Item = (usize, &str)> {
    let mut start = 0;
    text.split_inclusive('\n').map(move |line| {
        let at = start;
        start += line.len();
        (at, line)
    })
}

/// Whether a character is a CJK ideograph.
pub(crate) fn is_cjk(c: char) -> bool {
    matches!(c as u32, 0x3400..=0x4DBF | 0x4E00..=0x9FFF | 0xF900..=0xFAFF | 0x20000..=0x2FA1F)
}

/// Whether a character is white space, full-width and non-breaking spaces included.
pub(crate) fn is_space(c: char) -> bool {
    c.is_whitespace() || c == '\u{3000}' || c == '\u{a0}'
}

/// The Chinese numeral 一 … 九十九 as a number.
pub(crate) fn chinese_numeral(text: &str) -> Option<u32> {
    let digit = |c: char| "零一二三四五六七八九".chars().position(|d| d == c);
    let chars: Vec<char> = text.chars().collect();
    match chars.as_slice() {
        [c] if *c == '十' => Some(10),
        [c] => digit(*c).map(|d| d as u32),
        ['十', c] => digit(*c).map(|d| 10 + d as u32),
        [a, '十'] => digit(*a).map(|d| d as u32 * 10),
        [a, '十', b] => Some(digit(*a)? as u32 * 10 + digit(*b)? as u32),
        _ => None,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn numerals_read_up_to_ninety_nine() {
        assert_eq!(chinese_numeral("一"), Some(1));
        assert_eq!(chinese_numeral("十"), Some(10));
        assert_eq!(chinese_numeral("十二"), Some(12));
        assert_eq!(chinese_numeral("二十"), Some(20));
        assert_eq!(chinese_numeral("二十三"), Some(23));
        assert_eq!(chinese_numeral("是"), None);
    }

    #[test]
    fn traditional_text_folds_position_for_position() {
        let converter = ScriptConverter::shared().expect("OpenCC");
        let folded = Folded::new("責任單位:市科技局\n二、", converter);
        assert_eq!(folded.folded(0..4), "责任单位");
        assert_eq!(folded.quote(0..9), "責任單位:市科技局");
        assert!(folded.traditional);
    }
}
