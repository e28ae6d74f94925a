//! What a draft holds: the items proposed for review, each with its quote and the rule that
//! produced it.

use crate::model::Script;

/// A drafted document: every item with the rule that produced it and its quote.
#[derive(Debug, Clone)]
pub struct Draft {
    /// The document's id.
    pub id: String,
    /// The source file's name.
    pub source_file: String,
    /// The source text.
    pub source_text: String,
    /// The title and where it is printed, if found.
    pub title: Option<(String, String)>,
    /// The issuer (an entity id, known or proposed) and its quote, if found.
    pub issuer: Option<(String, String)>,
    /// The date of issue as printed (`2018-05-29`).
    pub date: Option<String>,
    /// The date of publication as printed.
    pub published: Option<String>,
    /// The region the document governs.
    pub region: String,
    /// The script of the source.
    pub script: Script,
    /// Sections, in text order.
    pub sections: Vec<SectionDraft>,
    /// Tasks, in text order.
    pub tasks: Vec<TaskDraft>,
    /// Targets, in text order.
    pub targets: Vec<TargetDraft>,
    /// Sentences naming entities, in text order.
    pub sentences: Vec<SentenceDraft>,
    /// Proposed new entities.
    pub entities: Vec<EntityDraft>,
    /// Suggested instrument codes, in text order.
    pub codes: Vec<CodeDraft>,
}

/// A drafted section.
#[derive(Debug, Clone)]
pub struct SectionDraft {
    /// Its key.
    pub key: String,
    /// Its number as printed.
    pub number: String,
    /// Its title as printed (its quote).
    pub title: String,
    /// The key of its enclosing section.
    pub parent: Option<String>,
    /// The rule that made it.
    pub rule: &'static str,
}

/// A drafted task.
#[derive(Debug, Clone)]
pub struct TaskDraft {
    /// Its key.
    pub key: String,
    /// Its number as printed.
    pub number: String,
    /// The key of its section.
    pub section: Option<String>,
    /// Its title as printed (its quote).
    pub title: String,
    /// The responsible bodies: entity ids, known or proposed.
    pub responsible: Vec<String>,
    /// The 牵头单位 line as printed.
    pub responsible_quote: Option<String>,
    /// The rule that made it, and the rule that resolved its agencies.
    pub rule: String,
}

/// A drafted target.
#[derive(Debug, Clone)]
pub struct TargetDraft {
    /// Its key.
    pub key: String,
    /// The indicator as written (simplified).
    pub indicator: String,
    /// The measure of indicators.toml whose name is the indicator, if one is.
    pub measure: Option<String>,
    /// The number.
    pub value: f64,
    /// The unit.
    pub unit: String,
    /// The year.
    pub year: i32,
    /// The region (the document's).
    pub region: String,
    /// The key of its task, if it is in one.
    pub task: Option<String>,
    /// Else the key of its section.
    pub section: Option<String>,
    /// The quote.
    pub quote: String,
    /// The qualifier (以上, 左右), if written.
    pub qualifier: Option<String>,
    /// The rule that found it.
    pub rule: &'static str,
}

/// A drafted sentence.
#[derive(Debug, Clone)]
pub struct SentenceDraft {
    /// The key of its task, if it is in one.
    pub task: Option<String>,
    /// Else the key of its section.
    pub section: Option<String>,
    /// The sentence as printed.
    pub quote: String,
    /// What it names.
    pub mentions: Vec<MentionDraft>,
    /// The relations it states or implies between the things it names.
    pub relations: Vec<RelationDraft>,
}

/// A drafted relation between two things a sentence names.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct RelationDraft {
    /// The subject's id (known or proposed).
    pub subject: String,
    /// The relation kind.
    pub kind: String,
    /// The object's id (known or proposed).
    pub object: String,
    /// The reason of reasons.toml it cites, if any.
    pub because: Option<String>,
    /// The reason written out, if any.
    pub inferred: Option<String>,
    /// The rule that proposed it: `relation:<pattern id>`.
    pub rule: String,
}

/// A drafted mention.
#[derive(Debug, Clone)]
pub struct MentionDraft {
    /// The entity id (known or proposed).
    pub entity: String,
    /// The form as printed, when it is not the entity's name.
    pub written_as: Option<String>,
    /// Whether the written form is a name of this entity alone.
    pub alias: bool,
    /// The action role proposed: what the provision does with the thing.
    pub role: Option<String>,
    /// The rule that found it, and the rule that proposed its role.
    pub rule: String,
}

/// A proposed new entity.
#[derive(Debug, Clone)]
pub struct EntityDraft {
    /// The proposed id.
    pub id: String,
    /// The proposed kind.
    pub kind: String,
    /// The proposed name (simplified).
    pub name: String,
    /// Its pinyin, for the reviewer to check the id against.
    pub pinyin: String,
    /// The rule that proposed it.
    pub rule: String,
}

/// A suggested instrument code of a drafted task or provision section.
#[derive(Debug, Clone)]
pub struct CodeDraft {
    /// The key of the task coded, if it is a task.
    pub task: Option<String>,
    /// Else the key of the section.
    pub section: Option<String>,
    /// The title of the provision, as printed.
    pub provision_title: String,
    /// The tool's id in instruments.toml.
    pub tool: String,
    /// The cue as printed.
    pub cue: String,
    /// The sentence that holds the cue, as printed.
    pub quote: String,
    /// The rule that suggested it, with its confidence.
    pub rule: String,
}
