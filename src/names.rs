//! Derived name forms: traditional script (OpenCC) and pinyin, for display and search.

use ferrous_opencc::OpenCC;
use ferrous_opencc::config::BuiltinConfig;
use pinyin::{ToPinyin, ToPinyinMulti};

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
#[derive(Debug, Clone, thiserror::Error)]
#[error("cannot load the OpenCC dictionaries")]
pub struct ConverterError(#[source] std::sync::Arc<ferrous_opencc::error::OpenCCError>);

impl ScriptConverter {
    /// The converter shared by the whole process: the dictionaries are loaded once, on first
    /// use, rather than by every loader, index and scan that needs them.
    pub fn shared() -> Result<&'static Self, ConverterError> {
        static SHARED: std::sync::OnceLock<Result<ScriptConverter, ConverterError>> =
            std::sync::OnceLock::new();
        SHARED.get_or_init(Self::new).as_ref().map_err(Clone::clone)
    }

    /// Loads the embedded dictionaries.
    pub fn new() -> Result<Self, ConverterError> {
        let load = |config| {
            OpenCC::from_config(config).map_err(|e| ConverterError(std::sync::Arc::new(e)))
        };
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

/// Pinyin of a text with tone marks, syllables separated by spaces (`sū kē dài`), using each
/// character's most common reading; digits and Latin letters are kept, punctuation dropped.
pub fn pinyin(text: &str) -> String {
    spell(text, |c| c.to_pinyin().map(|p| vec![p.with_tone()]))
        .into_iter()
        .next()
        .unwrap_or_default()
}

/// Readings of heteronyms in context (`graph-data/readings.toml`): a phrase such as 长三角 and
/// how it reads (`cháng sān jiǎo`), applied wherever a name contains the phrase, so that one
/// entry fixes every name instead of each name carrying its whole pinyin.
#[derive(Debug, Clone, Default)]
pub struct Readings {
    /// (phrase, its spelling with the most common readings, its reading in context).
    phrases: Vec<(String, Vec<String>, Vec<String>)>,
}

/// A reading that does not fit its phrase.
#[derive(Debug, thiserror::Error)]
pub enum ReadingError {
    /// Not one syllable per Chinese character.
    #[error("{phrase:?} has {characters} characters but {syllables} syllables")]
    Length {
        /// The phrase.
        phrase: String,
        /// Its Chinese characters.
        characters: usize,
        /// The syllables given.
        syllables: usize,
    },
    /// A syllable that is not a reading of its character.
    #[error("{syllable:?} is not a reading of {character} (it reads {known})")]
    Unknown {
        /// The character.
        character: char,
        /// The syllable given.
        syllable: String,
        /// The readings it has.
        known: String,
    },
}

impl Readings {
    /// Adds a phrase and its reading (tone-marked syllables separated by spaces), checking that
    /// each syllable is a reading its character has.
    pub fn add(&mut self, phrase: &str, reading: &str) -> Result<(), ReadingError> {
        let characters: Vec<char> = phrase.chars().filter(|c| c.to_pinyin().is_some()).collect();
        let syllables: Vec<String> = reading.split_whitespace().map(str::to_owned).collect();
        if characters.len() != syllables.len() {
            return Err(ReadingError::Length {
                phrase: phrase.to_owned(),
                characters: characters.len(),
                syllables: syllables.len(),
            });
        }
        for (&character, syllable) in characters.iter().zip(&syllables) {
            let known: Vec<&str> = character
                .to_pinyin_multi()
                .map(|multi| multi.into_iter().map(|p| p.with_tone()).collect())
                .unwrap_or_default();
            if !known.contains(&syllable.as_str()) {
                return Err(ReadingError::Unknown {
                    character,
                    syllable: syllable.clone(),
                    known: known.join(", "),
                });
            }
        }
        let default = pinyin(phrase).split(' ').map(str::to_owned).collect();
        self.phrases.push((phrase.to_owned(), default, syllables));
        Ok(())
    }

    /// Pinyin of a name with tone marks, as [`pinyin`] spells it but with the reading in
    /// context of every listed phrase the name contains.
    pub fn pinyin(&self, text: &str) -> String {
        let mut syllables: Vec<String> = pinyin(text).split(' ').map(str::to_owned).collect();
        for (phrase, default, reading) in &self.phrases {
            if !text.contains(phrase.as_str()) || default.is_empty() {
                continue;
            }
            let mut at = 0;
            while at + default.len() <= syllables.len() {
                if syllables[at..at + default.len()] == default[..] {
                    syllables.splice(at..at + default.len(), reading.iter().cloned());
                    at += reading.len();
                } else {
                    at += 1;
                }
            }
        }
        syllables.join(" ")
    }
}

/// Every toneless reading of a text, counting each reading of each heteronym (长 is both
/// `chang` and `zhang`), the most common first, at most `limit` of them.
pub fn pinyin_readings(text: &str, limit: usize) -> Vec<String> {
    let mut readings = spell(text, |c| {
        c.to_pinyin_multi()
            .map(|multi| multi.into_iter().map(|p| p.plain()).collect())
    });
    readings.dedup();
    readings.truncate(limit);
    readings
}

/// The first letters of each syllable: `skd` for `sū kē dài`.
pub fn initials(spelled: &str) -> String {
    spelled
        .split(' ')
        .filter_map(|syllable| syllable.chars().next())
        .map(strip_tone)
        .collect()
}

/// Spells `text` with the readings `readings` gives each character, returning every
/// combination (capped, so that names full of heteronyms stay cheap).
fn spell(text: &str, readings: impl Fn(char) -> Option<Vec<&'static str>>) -> Vec<String> {
    const MAX_COMBINATIONS: usize = 64;
    let mut words: Vec<Vec<String>> = Vec::new();
    let mut latin = String::new();
    for c in text.chars() {
        if let Some(options) = readings(c).filter(|o| !o.is_empty()) {
            if !latin.is_empty() {
                words.push(vec![std::mem::take(&mut latin)]);
            }
            words.push(options.into_iter().map(str::to_owned).collect());
        } else if c.is_ascii_alphanumeric() {
            latin.push(c.to_ascii_lowercase());
        } else if !latin.is_empty() {
            words.push(vec![std::mem::take(&mut latin)]);
        }
    }
    if !latin.is_empty() {
        words.push(vec![latin]);
    }
    let mut combinations = vec![Vec::<&str>::new()];
    for options in &words {
        let mut next = Vec::new();
        for option in options {
            for prefix in &combinations {
                if next.len() < MAX_COMBINATIONS {
                    let mut longer = prefix.clone();
                    longer.push(option.as_str());
                    next.push(longer);
                }
            }
        }
        combinations = next;
    }
    combinations
        .into_iter()
        .map(|words| words.join(" "))
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
        assert_eq!(pinyin("苏科贷"), "sū kē dài");
        assert_eq!(initials(&pinyin("苏科贷")), "skd");
        assert_eq!(pinyin("2018年"), "2018 nián");
        assert_eq!(fold_latin("Sū Kē Dài"), "sukedai");
    }

    #[test]
    fn every_reading_of_a_heteronym_is_offered() {
        let readings = pinyin_readings("长三角", 8);
        assert!(
            readings.contains(&"chang san jiao".to_owned()),
            "{readings:?}"
        );
        assert!(
            readings.contains(&"zhang san jiao".to_owned()),
            "{readings:?}"
        );
    }

    #[test]
    fn scripts_convert_both_ways() {
        let converter = ScriptConverter::new().expect("embedded dictionaries load");
        assert_eq!(converter.traditional("苏科贷"), "蘇科貸");
        assert_eq!(converter.simplified("江陰市"), "江阴市");
    }
}
