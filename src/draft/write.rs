//! The draft as graph-data files: `documents/<id>.toml` in the curated schema, with
//! `draft = "<rule>"` on every item, `entities/<id>.toml` with the proposed entities, and the
//! source text under `sources/`. The loader skips every item that still has its draft line
//! (and the whole document while `[document]` has one), so accepting an item is deleting
//! that line.

use std::fmt::Write;
use std::path::Path;

use super::{Draft, DraftError};
use crate::model::{Script, format_number};

/// The key of the draft marker, as the loader reads it.
pub(crate) const DRAFT_KEY: &str = "draft";

/// The files of a draft, by their path in a graph-data folder.
#[derive(Debug, Clone)]
pub struct DraftFiles {
    /// (relative path, content), in the order they are written.
    pub files: Vec<(String, String)>,
}

impl DraftFiles {
    /// Renders a draft.
    pub fn render(draft: &Draft) -> Self {
        let mut files = vec![
            (format!("documents/{}.toml", draft.id), document_file(draft)),
            (
                format!("sources/{}", draft.source_file),
                draft.source_text.clone(),
            ),
            (format!("coding/{}.toml", draft.id), coding_file(draft)),
        ];
        if !draft.entities.is_empty() {
            files.push((format!("entities/{}.toml", draft.id), entities_file(draft)));
        }
        Self { files }
    }

    /// The text of one file, by relative path.
    pub fn get(&self, path: &str) -> Option<&str> {
        self.files
            .iter()
            .find(|(p, _)| p == path)
            .map(|(_, text)| text.as_str())
    }

    /// Writes the files into the graph-data folder `dir`. A document or entities file that
    /// exists already is never overwritten (it may hold reviewed work); a source that exists
    /// must be the same text.
    pub fn write_to(&self, dir: &Path) -> Result<(), DraftError> {
        for (relative, text) in &self.files {
            let path = dir.join(relative);
            let shown = path.display().to_string();
            let write_error = |source| DraftError::Write {
                path: shown.clone(),
                source,
            };
            match std::fs::read_to_string(&path) {
                Ok(existing) if relative.starts_with("sources/") && existing == *text => continue,
                Ok(_) => {
                    return Err(write_error(std::io::Error::new(
                        std::io::ErrorKind::AlreadyExists,
                        "the file exists; move it away or draft with another --id",
                    )));
                }
                Err(error) if error.kind() == std::io::ErrorKind::NotFound => {}
                Err(error) => return Err(write_error(error)),
            }
            if let Some(parent) = path.parent() {
                std::fs::create_dir_all(parent).map_err(write_error)?;
            }
            std::fs::write(&path, text).map_err(write_error)?;
        }
        Ok(())
    }

    /// What `sunan-kg draft` prints after writing: the files and the items awaiting review.
    pub fn written_message(&self, dir: &Path, draft: &Draft) -> String {
        let mut out = String::new();
        for (relative, _) in &self.files {
            let _ = writeln!(out, "wrote {}", dir.join(relative).display());
        }
        let mentions: usize = draft.sentences.iter().map(|s| s.mentions.len()).sum();
        let relations: usize = draft.sentences.iter().map(|s| s.relations.len()).sum();
        let responsible: usize = draft.tasks.iter().map(|t| t.responsible.len()).sum();
        let _ = writeln!(
            out,
            "draft of {}: {} sections, {} tasks ({} responsible agencies), {} targets, {} sentences with {} mentions and {} relations, {} proposed entities, {} suggested instrument codes; review each item and delete its `draft` line to accept it",
            draft.id,
            draft.sections.len(),
            draft.tasks.len(),
            responsible,
            draft.targets.len(),
            draft.sentences.len(),
            mentions,
            relations,
            draft.entities.len(),
            draft.codes.len()
        );
        out
    }
}

/// A TOML basic string.
fn string(text: &str) -> String {
    toml::Value::String(text.to_owned()).to_string()
}

fn field(out: &mut String, key: &str, text: &str) {
    let _ = writeln!(out, "{key} = {}", string(text));
}

/// `key` and `key_quote` from a value found with its quote, or empty under `missing`, the
/// comment that tells the curator what to write.
fn quoted_field(out: &mut String, key: &str, found: Option<&(String, String)>, missing: &str) {
    let (value, quote) = match found {
        Some((value, quote)) => (value.as_str(), quote.as_str()),
        None => {
            let _ = writeln!(out, "{missing}");
            ("", "")
        }
    };
    field(out, key, value);
    field(out, &format!("{key}_quote"), quote);
}

fn document_file(draft: &Draft) -> String {
    let mut out = String::new();
    let title = draft.title.as_ref().map_or("", |(t, _)| t.as_str());
    let _ = writeln!(
        out,
        "# Draft of {} made by `sunan-kg draft` from sources/{}.\n# Every item with a `draft` line awaits review: check it against its quote, correct it,\n# then delete the line to accept it. The loader skips every draft item, and this whole file\n# while [document] is a draft, so nothing here is served before it is reviewed.\n",
        if title.is_empty() {
            draft.id.as_str()
        } else {
            title
        },
        draft.source_file
    );
    let _ = writeln!(out, "[document]");
    field(&mut out, DRAFT_KEY, super::metadata::METADATA_RULE);
    field(&mut out, "id", &draft.id);
    field(&mut out, "source", &draft.source_file);
    quoted_field(
        &mut out,
        "title",
        draft.title.as_ref(),
        "# No title was found: write it and where it is printed.",
    );
    quoted_field(
        &mut out,
        "issuer",
        draft.issuer.as_ref(),
        "# No issuer was found: write its entity id and where it is printed.",
    );
    if let Some(date) = &draft.date {
        let _ = writeln!(out, "date = {date}");
    }
    if let Some(published) = &draft.published {
        let _ = writeln!(out, "published = {published}");
    }
    field(&mut out, "region", &draft.region);
    field(
        &mut out,
        "script",
        match draft.script {
            Script::Simplified => "simplified",
            Script::Traditional => "traditional",
        },
    );

    let _ = writeln!(
        out,
        "\n# ---- sections ----------------------------------------------------------------------------"
    );
    for section in &draft.sections {
        let _ = writeln!(out, "\n[[section]]");
        field(&mut out, DRAFT_KEY, section.rule);
        field(&mut out, "key", &section.key);
        field(&mut out, "number", &section.number);
        field(&mut out, "title", &section.title);
        if let Some(parent) = &section.parent {
            field(&mut out, "parent", parent);
        }
    }

    let _ = writeln!(
        out,
        "\n# ---- tasks -------------------------------------------------------------------------------"
    );
    for task in &draft.tasks {
        let _ = writeln!(out, "\n[[task]]");
        field(&mut out, DRAFT_KEY, &task.rule);
        field(&mut out, "key", &task.key);
        field(&mut out, "number", &task.number);
        if let Some(section) = &task.section {
            field(&mut out, "section", section);
        }
        field(&mut out, "title", &task.title);
        if !task.responsible.is_empty() {
            let ids: Vec<String> = task.responsible.iter().map(|id| string(id)).collect();
            let _ = writeln!(out, "responsible = [{}]", ids.join(", "));
        }
        if let Some(quote) = &task.responsible_quote {
            field(&mut out, "responsible_quote", quote);
        }
    }

    let _ = writeln!(
        out,
        "\n# ---- targets -----------------------------------------------------------------------------"
    );
    for target in &draft.targets {
        let _ = writeln!(out, "\n[[target]]");
        field(&mut out, DRAFT_KEY, target.rule);
        field(&mut out, "key", &target.key);
        field(&mut out, "indicator", &target.indicator);
        match &target.measure {
            Some(measure) => field(&mut out, "measure", measure),
            None => {
                let _ = writeln!(
                    out,
                    "# measure = \"…\"  (no measure of indicators.toml has this indicator: choose or declare one)"
                );
            }
        }
        let _ = writeln!(out, "value = {}", format_number(target.value));
        field(&mut out, "unit", &target.unit);
        let _ = writeln!(out, "year = {}", target.year);
        field(&mut out, "region", &target.region);
        if let Some(task) = &target.task {
            field(&mut out, "task", task);
        } else if let Some(section) = &target.section {
            field(&mut out, "section", section);
        }
        field(&mut out, "quote", &target.quote);
        if let Some(qualifier) = &target.qualifier {
            field(&mut out, "note", qualifier);
        }
    }

    let _ = writeln!(
        out,
        "\n# ---- sentences ---------------------------------------------------------------------------"
    );
    for sentence in &draft.sentences {
        let _ = writeln!(out, "\n[[sentence]]");
        field(&mut out, DRAFT_KEY, MENTIONS_RULE);
        if let Some(task) = &sentence.task {
            field(&mut out, "task", task);
        } else if let Some(section) = &sentence.section {
            field(&mut out, "section", section);
        }
        field(&mut out, "quote", &sentence.quote);
        for mention in &sentence.mentions {
            let _ = writeln!(out, "\n[[sentence.mention]]");
            field(&mut out, DRAFT_KEY, &mention.rule);
            field(&mut out, "entity", &mention.entity);
            if let Some(written) = &mention.written_as {
                field(&mut out, "as", written);
                if !mention.alias {
                    let _ = writeln!(out, "alias = false");
                }
            }
            if let Some(role) = &mention.role {
                field(&mut out, "role", role);
            }
        }
        for relation in &sentence.relations {
            let _ = writeln!(out, "\n[[sentence.relation]]");
            field(&mut out, DRAFT_KEY, &relation.rule);
            field(&mut out, "subject", &relation.subject);
            field(&mut out, "kind", &relation.kind);
            field(&mut out, "object", &relation.object);
            if let Some(because) = &relation.because {
                field(&mut out, "because", because);
            }
            if let Some(inferred) = &relation.inferred {
                field(&mut out, "inferred", inferred);
            }
        }
    }
    out
}

/// The rule id on a drafted sentence: it quotes a sentence that names something.
const MENTIONS_RULE: &str = "mentions:sentence-names-entities";

/// The instrument coding every document needs, with the codes the curated cues suggest.
/// Every task and provision section accepted needs its codes here.
fn coding_file(draft: &Draft) -> String {
    let mut out = format!(
        "# Instrument codes of documents/{id}.toml (see graph-data/README.md). Every task and every\n# section without tasks needs a [[code]] here (or an [[uncoded]] reason) once accepted.\n# The codes below are suggested by cues the curated coding files give for each tool: check\n# each against its provision, then delete its `draft` line to accept it.\n\ndocument = {}\n",
        string(&draft.id),
        id = draft.id
    );
    let mut provision = None;
    for code in &draft.codes {
        let this = (&code.task, &code.section);
        if provision != Some(this) {
            provision = Some(this);
            let (what, key) = match this {
                (Some(task), _) => ("task", task.as_str()),
                (None, section) => ("section", section.as_deref().unwrap_or("")),
            };
            let _ = writeln!(out, "\n# -- {what} {key} {}", code.provision_title);
        }
        let _ = writeln!(out, "\n[[code]]");
        field(&mut out, DRAFT_KEY, &code.rule);
        if let Some(task) = &code.task {
            field(&mut out, "task", task);
        } else if let Some(section) = &code.section {
            field(&mut out, "section", section);
        }
        field(&mut out, "tool", &code.tool);
        field(&mut out, "cue", &code.cue);
        field(&mut out, "quote", &code.quote);
    }
    out
}

fn entities_file(draft: &Draft) -> String {
    let mut out = String::new();
    let _ = writeln!(
        out,
        "# Entities proposed by `sunan-kg draft` for documents/{}.toml. Each is named in a draft\n# sentence or task there. Check the name, kind and id (from the pinyin), add english and\n# english_status, then delete the `draft` line to accept it.",
        draft.id
    );
    for entity in &draft.entities {
        let _ = writeln!(out, "\n[[entity]]");
        field(&mut out, DRAFT_KEY, &entity.rule);
        field(&mut out, "id", &entity.id);
        field(&mut out, "kind", &entity.kind);
        field(&mut out, "name", &entity.name);
        let _ = writeln!(out, "# pinyin: {}", entity.pinyin);
    }
    out
}
