//! Derived name forms: traditional script (OpenCC) and pinyin, for display and search.

use ferrous_opencc::OpenCC;
use ferrous_opencc::config::BuiltinConfig;
use pinyin::ToPinyin;

/// Converts between simplified and traditional script with OpenCC's built-in dictionaries.
pub struct ScriptConverter {
    to_traditional: OpenCC,
    to_simplified: OpenCC,
}

impl std::fmt::Debug for ScriptConverter {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("ScriptConverter")
    }
}

/// OpenCC's embedded dictionaries could not be loaded (a build problem, not a data problem).
#[derive(Debug, thiserror::Error)]
#[error("cannot load the OpenCC dictionaries: {0}")]
pub struct ConverterError(String);

impl ScriptConverter {
    /// Loads the embedded dictionaries.
    pub fn new() -> Result<Self, ConverterError> {
        let load = |config| OpenCC::from_config(config).map_err(|e| ConverterError(e.to_string()));
        Ok(Self {
            to_traditional: load(BuiltinConfig::S2t)?,
            to_simplified: load(BuiltinConfig::T2s)?,
        })
    }

    /// The traditional form of a simplified text.
    pub fn traditional(&self, text: &str) -> String {
        self.to_traditional.convert(text)
    }

    /// The simplified form of a traditional (or mixed) text.
    pub fn simplified(&self, text: &str) -> String {
        self.to_simplified.convert(text)
    }
}

/// Toneless pinyin of a text, syllables separated by spaces; characters without a reading
/// (digits, Latin letters) are kept as they are, and punctuation is dropped.
pub fn pinyin(text: &str) -> String {
    let mut words: Vec<String> = Vec::new();
    let mut latin = String::new();
    for c in text.chars() {
        if let Some(p) = c.to_pinyin() {
            if !latin.is_empty() {
                words.push(std::mem::take(&mut latin));
            }
            words.push(p.plain().to_owned());
        } else if c.is_ascii_alphanumeric() {
            latin.push(c.to_ascii_lowercase());
        } else if !latin.is_empty() {
            words.push(std::mem::take(&mut latin));
        }
    }
    if !latin.is_empty() {
        words.push(latin);
    }
    words.join(" ")
}

/// The first letters of each syllable of [`pinyin`]: `skd` for 苏科贷.
pub fn pinyin_initials(text: &str) -> String {
    pinyin(text)
        .split(' ')
        .filter_map(|syllable| syllable.chars().next())
        .collect()
}

/// Lower-cases and strips spaces, tone marks and tone digits, so that `Sū Kē Dài`, `su ke dai`,
/// `su1ke1dai4` and `sukedai` compare equal.
pub fn fold_latin(text: &str) -> String {
    text.chars()
        .filter(|c| !c.is_whitespace() && !c.is_ascii_digit() && *c != '-' && *c != '\'')
        .map(strip_tone)
        .flat_map(char::to_lowercase)
        .collect()
}

fn strip_tone(c: char) -> char {
    match c {
        'ā' | 'á' | 'ǎ' | 'à' => 'a',
        'ē' | 'é' | 'ě' | 'è' => 'e',
        'ī' | 'í' | 'ǐ' | 'ì' => 'i',
        'ō' | 'ó' | 'ǒ' | 'ò' => 'o',
        'ū' | 'ú' | 'ǔ' | 'ù' => 'u',
        'ǖ' | 'ǘ' | 'ǚ' | 'ǜ' | 'ü' => 'v',
        'Ā' | 'Á' | 'Ǎ' | 'À' => 'a',
        'Ē' | 'É' | 'Ě' | 'È' => 'e',
        'Ī' | 'Í' | 'Ǐ' | 'Ì' => 'i',
        'Ō' | 'Ó' | 'Ǒ' | 'Ò' => 'o',
        'Ū' | 'Ú' | 'Ǔ' | 'Ù' => 'u',
        other => other,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn pinyin_and_initials() {
        assert_eq!(pinyin("苏科贷"), "su ke dai");
        assert_eq!(pinyin_initials("苏科贷"), "skd");
        assert_eq!(pinyin("2018年"), "2018 nian");
        assert_eq!(fold_latin("Sū Kē Dài"), "sukedai");
    }

    #[test]
    fn scripts_convert_both_ways() {
        let converter = ScriptConverter::new().expect("embedded dictionaries load");
        assert_eq!(converter.traditional("苏科贷"), "蘇科貸");
        assert_eq!(converter.simplified("江陰市"), "江阴市");
    }
}
