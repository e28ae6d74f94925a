//! "Cite this": a document or one of its provisions as a GB/T 7714-2015 reference and as a
//! BibTeX entry, from the metadata the document prints.
//!
//! The sources are crawled pages without a stable address of their own, so the references
//! are of type `[Z]` (a document of no other type) and cite the provision where GB/T 7714
//! puts the cited pages. Metadata the text does not print is left out, never guessed: a
//! missing issuer is 佚名 and a missing date is said to be unknown.

use crate::model::{Details, EntityIndex, Model};
use crate::vocabulary::ids;

/// A reference in both formats.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Citation {
    /// GB/T 7714-2015.
    pub gbt7714: String,
    /// A BibTeX `@misc` entry keyed by the entity id.
    pub bibtex: String,
}

/// The citation of a document, or of a task or section within its document; `None` for any
/// other entity.
pub fn cite(model: &Model, entity: EntityIndex, iri: &str) -> Option<Citation> {
    let document = model.document_of(entity)?;
    let Details::Document(details) = &model.entities[document].details else {
        return None;
    };
    let title = &model.entities[document].name;
    let issuer = model
        .outgoing(document)
        .find(|r| r.kind == ids::ISSUED_BY)
        .map(|r| model.entities[r.object].name.as_str());
    let date = details.date.as_deref().or(details.published.as_deref());
    let number = details.number.as_deref().filter(|n| !n.is_empty());
    let location = provision_location(model, entity);

    let mut gbt = format!("{}. {title}", issuer.unwrap_or("佚名"));
    if let Some(number) = number {
        gbt.push_str(&format!(": {number}"));
    }
    gbt.push_str("[Z]. ");
    gbt.push_str(date.unwrap_or("[出版日期不详]"));
    if let Some(location) = &location {
        gbt.push_str(&format!(": {location}"));
    }
    gbt.push('.');

    let key = &model.entities[entity].id;
    let mut fields = vec![
        ("author", format!("{{{}}}", issuer.unwrap_or("佚名"))),
        ("title", format!("{{{title}}}")),
    ];
    if let Some(year) = details.year() {
        fields.push(("year", year.to_string()));
    }
    if let Some(date) = date {
        fields.push(("date", date.to_owned()));
    }
    if let Some(number) = number {
        fields.push(("number", number.to_owned()));
    }
    if let Some(location) = &location {
        fields.push(("note", location.clone()));
    }
    fields.push(("url", iri.to_owned()));
    let body: Vec<String> = fields
        .iter()
        .map(|(name, value)| format!("  {name} = {{{}}}", escape_bibtex(value)))
        .collect();
    let bibtex = format!("@misc{{{key},\n{}\n}}\n", body.join(",\n"));
    Some(Citation {
        gbt7714: gbt,
        bibtex,
    })
}

/// `一、(三) 2. 标题` for a provision: the printed numbers of its sections and its own, then
/// its title.
fn provision_location(model: &Model, entity: EntityIndex) -> Option<String> {
    let mut numbers = Vec::new();
    let mut at = Some(entity);
    while let Some(index) = at {
        match &model.entities[index].details {
            Details::Task(p) | Details::Section(p) => {
                numbers.push(p.number.clone());
                at = p.parent;
            }
            _ => break,
        }
    }
    if numbers.is_empty() {
        return None;
    }
    numbers.reverse();
    numbers.retain(|n| !n.is_empty());
    Some(format!(
        "{} {}",
        numbers.join(" "),
        model.entities[entity].name
    ))
}

/// Braces in a BibTeX value are balanced by escaping them; nothing else needs care in UTF-8.
fn escape_bibtex(value: &str) -> String {
    if value.starts_with('{') && value.ends_with('}') {
        let inner = &value[1..value.len() - 1];
        format!("{{{}}}", inner.replace('{', "\\{").replace('}', "\\}"))
    } else {
        value.replace('{', "\\{").replace('}', "\\}")
    }
}
