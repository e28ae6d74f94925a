//! The leave-one-out benchmark: each curated document is drafted with a graph that leaves it
//! out (its own entities, and the forms only it writes, are unknown, so that names first seen
//! there must be found as candidates), and the draft is compared with the curated data.
//!
//! What is compared: tasks by title; responsible agencies as (task title, body) pairs, a body
//! being the entity id where the graph still knows it and the name where it was left out;
//! targets as (value, unit, year); mentions of known entities as the set of entities the
//! document names that the graph still knows; the action roles of those as (entity, role)
//! pairs; new entities as the left-out entities, matched by any of their names or written
//! forms; relations between named things as (subject, kind, object), each end compared as a
//! body is; instrument codes as (provision title, tool) pairs.

use std::collections::{HashMap, HashSet};
use std::fmt::Write;
use std::time::Instant;

use super::score::{Miss, Score};
use super::{Draft, DraftError, DraftRequest, draft_without, known};
use crate::data::DataFiles;
use crate::model::{Basis, Details, EntityIndex, Model, compact, format_number};
use crate::names::ScriptConverter;

/// The scores of one document.
#[derive(Debug, Clone)]
pub struct DocumentScores {
    /// The document id.
    pub document: String,
    /// Tasks, by title.
    pub tasks: Score,
    /// Responsible agencies, as (task, body) pairs.
    pub agencies: Score,
    /// Targets, as (value, unit, year).
    pub targets: Score,
    /// Mentions of entities the graph knows without the document.
    pub mentions: Score,
    /// Action roles of those mentions, as (entity, role) pairs.
    pub roles: Score,
    /// New entities: the document's own.
    pub new_entities: Score,
    /// Relations between named things, as (subject, kind, object).
    pub relations: Score,
    /// Instrument codes, as (provision title, tool) pairs.
    pub codes: Score,
    /// Seconds the draft took.
    pub seconds: f64,
    /// The items drafted wrong and the curated items missed, by kind.
    pub misses: Vec<Miss>,
}

/// The kind name of new entities in the misses.
const NEW_ENTITIES: &str = "new entities";

/// The scores of every document.
#[derive(Debug, Clone)]
pub struct BenchReport {
    /// One row per document, in id order.
    pub documents: Vec<DocumentScores>,
}

/// Drafts every document of `model` leaving it out, and compares with the curated data.
pub fn evaluate(model: &Model, files: &DataFiles) -> Result<BenchReport, DraftError> {
    let mut documents: Vec<(EntityIndex, String)> = model
        .documents()
        .map(|(index, _)| (index, model.entities[index].id.clone()))
        .collect();
    documents.sort_by(|a, b| a.1.cmp(&b.1));
    let mut rows = Vec::new();
    for (document, id) in documents {
        let Some(source) = model.sources.get(&document) else {
            continue;
        };
        let Details::Document(details) = &model.entities[document].details else {
            continue;
        };
        let draft_id = format!("{id}-draft");
        let request = DraftRequest {
            id: &draft_id,
            source_file: &details.source_file,
            text: source.text(),
            city: Some(&model.entities[details.region].id),
            leave_out: None,
        };
        let started = Instant::now();
        let draft = draft_without(model, files, &request, Some(document))?;
        let seconds = started.elapsed().as_secs_f64();
        rows.push(compare(model, document, &draft, seconds)?);
    }
    Ok(BenchReport { documents: rows })
}

fn compare(
    model: &Model,
    document: EntityIndex,
    draft: &Draft,
    seconds: f64,
) -> Result<DocumentScores, DraftError> {
    let converter = ScriptConverter::shared()?;
    let fold = |text: &str| converter.simplified(&compact(text));
    let left_out = known::left_out(model, document);
    let mut misses = Vec::new();
    let proposed: HashMap<&str, &str> = draft
        .entities
        .iter()
        .map(|e| (e.id.as_str(), e.name.as_str()))
        .collect();
    // A left-out entity by each of its names and written forms, which a proposal may carry.
    let forms_of = |e: EntityIndex| -> HashSet<String> {
        let entity = &model.entities[e];
        std::iter::once(&entity.name)
            .chain(entity.aliases.iter().map(|a| &a.text))
            .chain(&entity.written_forms)
            .map(|f| fold(f))
            .collect()
    };
    let mut left_out_by_form: HashMap<String, EntityIndex> = HashMap::new();
    let mut sorted_left_out: Vec<EntityIndex> = left_out.iter().copied().collect();
    sorted_left_out.sort_unstable();
    for &e in &sorted_left_out {
        for form in forms_of(e) {
            left_out_by_form.entry(form).or_insert(e);
        }
    }
    // A body as compared: its id where the graph knows it, its name where it is new (the
    // left-out entity's name where the proposal carries one of its forms, as new entities are
    // matched).
    let body_of_draft = |id: &str| match proposed.get(id) {
        Some(name) => {
            let name = fold(name);
            match left_out_by_form.get(&name) {
                Some(&e) => format!("name:{}", fold(&model.entities[e].name)),
                None => format!("name:{name}"),
            }
        }
        None => id.to_owned(),
    };
    let body_of_curated = |entity: EntityIndex| {
        if left_out.contains(&entity) {
            format!("name:{}", fold(&model.entities[entity].name))
        } else {
            model.entities[entity].id.clone()
        }
    };
    let curated_tasks: Vec<EntityIndex> = (0..model.entities.len())
        .filter(
            |&e| matches!(&model.entities[e].details, Details::Task(p) if p.document == document),
        )
        .collect();
    let task_titles: Vec<String> = curated_tasks
        .iter()
        .map(|&t| fold(&model.entities[t].name))
        .collect();
    let drafted_titles: Vec<String> = draft.tasks.iter().map(|t| fold(&t.title)).collect();
    let tasks = Score::compare("tasks", &drafted_titles, &task_titles, &mut misses);

    let curated_agencies: Vec<(String, String)> = curated_tasks
        .iter()
        .flat_map(|&t| {
            let title = fold(&model.entities[t].name);
            model
                .responsible_for(t)
                .into_iter()
                .map(move |a| (title.clone(), a))
        })
        .map(|(title, a)| (title, body_of_curated(a)))
        .collect();
    let drafted_agencies: Vec<(String, String)> = draft
        .tasks
        .iter()
        .flat_map(|t| t.responsible.iter().map(move |a| (fold(&t.title), a)))
        .map(|(title, a)| (title, body_of_draft(a)))
        .collect();
    let agencies = Score::compare(
        "agencies",
        &drafted_agencies,
        &curated_agencies,
        &mut misses,
    );

    let curated_targets: Vec<(String, String, i32)> = model
        .entities
        .iter()
        .filter_map(|e| match &e.details {
            Details::Target(t) if t.document == document => {
                Some((format_number(t.value), t.unit.clone(), t.year))
            }
            _ => None,
        })
        .collect();
    let drafted_targets: Vec<(String, String, i32)> = draft
        .targets
        .iter()
        .map(|t| (format_number(t.value), t.unit.clone(), t.year))
        .collect();
    let targets = Score::compare("targets", &drafted_targets, &curated_targets, &mut misses);

    let curated_mentions: Vec<String> = (0..model.entities.len())
        .filter(|&e| model.is_named(e) && !left_out.contains(&e))
        .filter(|&e| {
            model.entities[e]
                .evidence
                .iter()
                .any(|ev| ev.document == document)
        })
        .map(|e| model.entities[e].id.clone())
        .collect();
    let mut drafted_mentions: HashSet<String> = HashSet::new();
    for sentence in &draft.sentences {
        for mention in &sentence.mentions {
            if !proposed.contains_key(mention.entity.as_str()) {
                drafted_mentions.insert(mention.entity.clone());
            }
        }
    }
    for task in &draft.tasks {
        for body in &task.responsible {
            if !proposed.contains_key(body.as_str()) {
                drafted_mentions.insert(body.clone());
            }
        }
    }
    if let Some((issuer, _)) = &draft.issuer
        && !proposed.contains_key(issuer.as_str())
    {
        drafted_mentions.insert(issuer.clone());
    }
    let mut drafted_mentions: Vec<String> = drafted_mentions.into_iter().collect();
    drafted_mentions.sort();
    let mentions = Score::compare(
        "mentions",
        &drafted_mentions,
        &curated_mentions,
        &mut misses,
    );

    let mut curated_roles: Vec<(String, String)> = model
        .relations
        .iter()
        .filter(|r| !left_out.contains(&r.object))
        .filter(|r| r.evidence.iter().any(|e| e.document == document))
        .filter_map(|r| {
            let role = model.vocabulary.relation(&r.kind)?.role.clone()?;
            Some((model.entities[r.object].id.clone(), role))
        })
        .collect();
    curated_roles.sort();
    curated_roles.dedup();
    let mut drafted_roles: Vec<(String, String)> = draft
        .sentences
        .iter()
        .flat_map(|s| &s.mentions)
        .filter(|m| !proposed.contains_key(m.entity.as_str()))
        .filter_map(|m| Some((m.entity.clone(), m.role.clone()?)))
        .collect();
    drafted_roles.sort();
    drafted_roles.dedup();
    let roles = Score::compare("roles", &drafted_roles, &curated_roles, &mut misses);

    // A left-out entity is found when a proposal's name is one of its forms.
    let left_forms: Vec<(EntityIndex, HashSet<String>)> =
        left_out.iter().map(|&e| (e, forms_of(e))).collect();
    let proposal_names: Vec<String> = draft.entities.iter().map(|e| fold(&e.name)).collect();
    let right_proposals = proposal_names
        .iter()
        .filter(|name| left_forms.iter().any(|(_, forms)| forms.contains(*name)))
        .count();
    let found_entities = left_forms
        .iter()
        .filter(|(_, forms)| proposal_names.iter().any(|n| forms.contains(n)))
        .count();
    for (proposal, name) in draft.entities.iter().zip(&proposal_names) {
        if !left_forms.iter().any(|(_, forms)| forms.contains(name)) {
            let item = format!("{} {} ({})", proposal.kind, proposal.name, proposal.rule);
            misses.push(Miss::wrong(NEW_ENTITIES, item));
        }
    }
    for (entity, forms) in &left_forms {
        if !proposal_names.iter().any(|n| forms.contains(n)) {
            let e = &model.entities[*entity];
            misses.push(Miss::missed(NEW_ENTITIES, format!("{} {}", e.kind, e.name)));
        }
    }
    let new_entities = Score {
        drafted: proposal_names.len(),
        drafted_right: right_proposals,
        curated: left_forms.len(),
        curated_found: found_entities,
    };
    let curated_codes: Vec<(String, String)> = model
        .instruments
        .codes
        .iter()
        .filter(|c| c.document == document)
        .map(|c| {
            let title = fold(&model.entities[c.provision].name);
            (title, model.instruments.tools[c.tool].id.clone())
        })
        .collect();
    let drafted_codes: Vec<(String, String)> = draft
        .codes
        .iter()
        .map(|c| (fold(&c.provision_title), c.tool.clone()))
        .collect();
    let codes = Score::compare("codes", &drafted_codes, &curated_codes, &mut misses);

    // Relations written in the document's sentences: neither made by the loader nor derived
    // by a rule, nor an action role.
    let written = |kind: &str| {
        model
            .vocabulary
            .relation(kind)
            .is_some_and(|r| !r.generated && r.role.is_none())
    };
    let mut curated_relations: Vec<(String, String, String)> = model
        .relations
        .iter()
        .filter(|r| written(&r.kind))
        .filter(|r| {
            r.evidence
                .iter()
                .any(|e| e.document == document && !matches!(e.basis, Basis::Derived(_)))
        })
        .map(|r| {
            (
                body_of_curated(r.subject),
                r.kind.clone(),
                body_of_curated(r.object),
            )
        })
        .collect();
    curated_relations.sort();
    curated_relations.dedup();
    let mut drafted_relations: Vec<(String, String, String)> = draft
        .sentences
        .iter()
        .flat_map(|s| &s.relations)
        .map(|r| {
            (
                body_of_draft(&r.subject),
                r.kind.clone(),
                body_of_draft(&r.object),
            )
        })
        .collect();
    drafted_relations.sort();
    drafted_relations.dedup();
    let relations = Score::compare(
        "relations",
        &drafted_relations,
        &curated_relations,
        &mut misses,
    );
    Ok(DocumentScores {
        document: model.entities[document].id.clone(),
        tasks,
        agencies,
        targets,
        mentions,
        roles,
        new_entities,
        relations,
        codes,
        seconds,
        misses,
    })
}

impl BenchReport {
    /// The scores summed over every document.
    pub fn total(&self) -> [Score; 8] {
        let mut total = [Score::default(); 8];
        for row in &self.documents {
            for (sum, score) in total.iter_mut().zip(row.scores()) {
                sum.add(&score);
            }
        }
        total
    }

    /// The report as a Markdown table: precision / recall (right / drafted, found / curated).
    pub fn to_markdown(&self) -> String {
        let mut out = String::new();
        // Writing to a String cannot fail.
        let _ = writeln!(
            out,
            "| document | tasks P / R | agencies P / R | targets P / R | mentions P / R | roles P / R | new entities P / R | relations P / R | codes P / R | seconds |\n|---|---|---|---|---|---|---|---|---|---|"
        );
        for row in &self.documents {
            let cells: Vec<String> = row.scores().iter().map(cell).collect();
            let _ = writeln!(
                out,
                "| {} | {} | {:.2} |",
                row.document,
                cells.join(" | "),
                row.seconds
            );
        }
        let total: Vec<String> = self.total().iter().map(cell).collect();
        let seconds: f64 = self.documents.iter().map(|r| r.seconds).sum();
        let _ = writeln!(out, "| **all** | {} | {seconds:.2} |", total.join(" | "));
        out
    }
}

impl BenchReport {
    /// What `draft-bench --misses` prints: per document and kind, each item drafted wrong
    /// (`+`) and each curated item missed (`-`).
    pub fn misses_to_text(&self) -> String {
        let mut out = String::new();
        for row in &self.documents {
            let _ = writeln!(out, "# {}", row.document);
            let mut kinds: Vec<&str> = row.misses.iter().map(|m| m.kind).collect();
            kinds.dedup();
            for kind in kinds {
                let _ = writeln!(out, "## {kind}");
                for miss in row.misses.iter().filter(|m| m.kind == kind) {
                    let sign = if miss.drafted { '+' } else { '-' };
                    let _ = writeln!(out, "{sign} {}", miss.item);
                }
            }
        }
        out
    }
}

impl DocumentScores {
    /// Tasks, agencies, targets, mentions, roles, new entities, relations and codes, in the
    /// table's order.
    pub fn scores(&self) -> [Score; 8] {
        [
            self.tasks,
            self.agencies,
            self.targets,
            self.mentions,
            self.roles,
            self.new_entities,
            self.relations,
            self.codes,
        ]
    }
}

fn cell(score: &Score) -> String {
    // A document without items of a kind (no 牵头单位 lines) has no figure, not a perfect one.
    if score.drafted == 0 && score.curated == 0 {
        return "none curated, none drafted".to_owned();
    }
    format!(
        "{:.2} / {:.2} ({}/{}, {}/{})",
        score.precision(),
        score.recall(),
        score.drafted_right,
        score.drafted,
        score.curated_found,
        score.curated
    )
}
