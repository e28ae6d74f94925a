//! How entities, instruments and targets recur and change across documents and years.

use std::collections::BTreeSet;

use crate::model::compact;
use crate::model::{Details, EntityIndex, Model};

/// An entity that more than one document names.
#[derive(Debug, Clone)]
pub struct Recurrence {
    /// The entity.
    pub entity: EntityIndex,
    /// Each document that names it, oldest first, undated documents last.
    pub appearances: Vec<Appearance>,
}

/// How one document names an entity.
#[derive(Debug, Clone)]
pub struct Appearance {
    /// The document.
    pub document: EntityIndex,
    /// Its year, when printed.
    pub year: Option<i32>,
    /// The entity's names and aliases that occur in the document's quotes about it, longest
    /// first.
    pub forms: Vec<String>,
    /// Number of quotes of the document that name it.
    pub quotes: usize,
}

/// What a later document keeps, adds and drops of an earlier one.
#[derive(Debug, Clone)]
pub struct Comparison {
    /// Named entities both documents name, in model order.
    pub kept: Vec<EntityIndex>,
    /// Named entities only the later names.
    pub added: Vec<EntityIndex>,
    /// Named entities only the earlier names.
    pub dropped: Vec<EntityIndex>,
    /// Per tool that either document uses: (tool, codes in the earlier, codes in the later).
    pub tools: Vec<(usize, usize, usize)>,
    /// Per measure that either document sets a target for: (measure, earlier targets, later
    /// targets).
    pub measures: Vec<(usize, Vec<EntityIndex>, Vec<EntityIndex>)>,
}

/// The named entities a document names, in model order.
pub fn named_in(model: &Model, document: EntityIndex) -> BTreeSet<EntityIndex> {
    (0..model.entities.len())
        .filter(|&e| model.is_named(e))
        .filter(|&e| {
            model.entities[e]
                .evidence
                .iter()
                .any(|ev| ev.document == document)
        })
        .collect()
}

/// Every named entity that two or more documents name, in model order.
pub fn recurring(model: &Model) -> Vec<Recurrence> {
    let mut documents: Vec<(EntityIndex, Option<i32>)> =
        model.documents().map(|(i, d)| (i, d.year())).collect();
    // Dated documents oldest first, then the undated ones.
    documents.sort_by_key(|&(i, year)| (year.is_none(), year, i));
    let rank: std::collections::HashMap<EntityIndex, usize> = documents
        .iter()
        .enumerate()
        .map(|(rank, &(document, _))| (document, rank))
        .collect();
    (0..model.entities.len())
        .filter(|&e| model.is_named(e))
        .filter_map(|e| {
            // Only the documents its evidence is in, not every document for every entity.
            let mut in_documents: Vec<usize> = model.entities[e]
                .evidence
                .iter()
                .filter_map(|ev| rank.get(&ev.document).copied())
                .collect();
            in_documents.sort_unstable();
            in_documents.dedup();
            if in_documents.len() < 2 {
                return None;
            }
            let appearances: Vec<Appearance> = in_documents
                .into_iter()
                .filter_map(|r| {
                    let (document, year) = documents[r];
                    appearance(model, e, document, year)
                })
                .collect();
            (appearances.len() > 1).then_some(Recurrence {
                entity: e,
                appearances,
            })
        })
        .collect()
}

fn appearance(
    model: &Model,
    entity: EntityIndex,
    document: EntityIndex,
    year: Option<i32>,
) -> Option<Appearance> {
    let e = &model.entities[entity];
    let quotes: Vec<String> = e
        .evidence
        .iter()
        .filter(|ev| ev.document == document)
        .map(|ev| compact(&ev.quote))
        .collect();
    if quotes.is_empty() {
        return None;
    }
    let mut names: Vec<&str> = std::iter::once(e.name.as_str())
        .chain(e.aliases.iter().map(|a| a.text.as_str()))
        .chain(e.written_forms.iter().map(String::as_str))
        .collect();
    names.sort_by_key(|n| std::cmp::Reverse(n.chars().count()));
    names.dedup();
    let forms = names
        .into_iter()
        .filter(|n| quotes.iter().any(|q| q.contains(&compact(n))))
        .map(str::to_owned)
        .collect();
    Some(Appearance {
        document,
        year,
        forms,
        quotes: quotes.len(),
    })
}

/// What `later` keeps, adds and drops of `earlier`.
pub fn compare(model: &Model, earlier: EntityIndex, later: EntityIndex) -> Comparison {
    let before = named_in(model, earlier);
    let after = named_in(model, later);
    let instruments = &model.instruments;
    let tools = (0..instruments.tools.len())
        .map(|tool| {
            let count = |d: EntityIndex| {
                instruments
                    .codes
                    .iter()
                    .filter(|c| c.document == d && c.tool == tool)
                    .count()
            };
            (tool, count(earlier), count(later))
        })
        .filter(|&(_, a, b)| a + b > 0)
        .collect();
    let targets_of = |document: EntityIndex, measure: usize| -> Vec<EntityIndex> {
        model
            .entities
            .iter()
            .enumerate()
            .filter(|(_, e)| {
                matches!(&e.details, Details::Target(t) if t.document == document && t.measure == measure)
            })
            .map(|(i, _)| i)
            .collect()
    };
    let measures = (0..model.measures.len())
        .map(|m| (m, targets_of(earlier, m), targets_of(later, m)))
        .filter(|(_, a, b)| !a.is_empty() || !b.is_empty())
        .collect();
    Comparison {
        kept: before.intersection(&after).copied().collect(),
        added: after.difference(&before).copied().collect(),
        dropped: before.difference(&after).copied().collect(),
        tools,
        measures,
    }
}

/// The targets of each measure, oldest first, then by region: (measure, targets), leaving out
/// measures with no target.
pub fn measure_series(model: &Model) -> Vec<(usize, Vec<EntityIndex>)> {
    let mut series: Vec<(usize, Vec<EntityIndex>)> =
        (0..model.measures.len()).map(|m| (m, Vec::new())).collect();
    for (index, entity) in model.entities.iter().enumerate() {
        if let Details::Target(t) = &entity.details {
            series[t.measure].1.push(index);
        }
    }
    for (_, targets) in &mut series {
        targets.sort_by_key(|&t| match &model.entities[t].details {
            Details::Target(d) => (d.year, d.region, t),
            _ => (0, 0, t),
        });
    }
    series.retain(|(_, targets)| !targets.is_empty());
    series
}
