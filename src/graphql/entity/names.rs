//! The names of an entity as the `label` and `names` fields answer them.

use async_graphql::SimpleObject;

use crate::graphql::enums::{Lang, Script};

/// A name in one language, and whether it is what was asked for.
#[derive(SimpleObject, Clone)]
pub struct Label {
    /// The name.
    pub text: String,
    /// The language it is in (simplified Chinese when the asked language has no name).
    pub lang: Lang,
    /// True when the asked language had no name and simplified Chinese came back instead.
    pub fallback: bool,
    /// True for an English name translated for this graph rather than established.
    pub translated: bool,
}

impl Label {
    pub(super) fn new(text: &str, lang: Lang, fallback: bool) -> Self {
        Self {
            text: text.to_owned(),
            lang,
            fallback,
            translated: false,
        }
    }
}

/// Every name of an entity.
#[derive(SimpleObject)]
pub struct Names {
    /// Simplified Chinese.
    pub zh_hans: String,
    /// Traditional Chinese (converted with OpenCC).
    pub zh_hant: String,
    /// Pinyin with tone marks (`sū kē dài`).
    pub pinyin: String,
    /// Pinyin initials (`skd`).
    pub pinyin_initials: String,
    /// English, when there is one.
    pub en: Option<String>,
    /// Whether the English name is established (official or in common use) rather than
    /// translated for this graph; null without an English name.
    pub en_established: Option<bool>,
    /// Other names as written in the documents.
    pub aliases: Vec<Alias>,
}

/// A name as a document writes it.
#[derive(SimpleObject)]
pub struct Alias {
    /// The name as written.
    pub text: String,
    /// The script of the document that writes it.
    pub script: Script,
}
