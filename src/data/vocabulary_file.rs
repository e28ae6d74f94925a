//! Reads `vocabulary.toml` into a [`Vocabulary`], checking that every id is well formed and
//! declared once, that every kind a relation names exists, that every kind the code names
//! (`vocabulary::ids`) is declared, and that the kinds the loader generates are declared as
//! generated.

use std::collections::HashSet;
use std::ops::Range;

use toml::Spanned;

use super::raw::{KindDecl, RelationDecl, VocabularyFile};
use crate::vocabulary::{KindTerm, Label, RelationTerm, Vocabulary, ids};

/// A problem of the file: the span it is about, if any, and the reason.
pub(super) type FileProblem = (Option<Range<usize>>, String);

/// A vocabulary and the problems found in it.
pub(super) fn read(file: VocabularyFile) -> (Vocabulary, Vec<FileProblem>) {
    let mut problems = Vec::new();
    let kind_ids: HashSet<&str> = file.kind.iter().map(|k| k.get_ref().id.as_str()).collect();
    let mut seen = HashSet::new();
    for kind in &file.kind {
        let id = &kind.get_ref().id;
        if !is_upper_camel(id) {
            let reason = format!("kind id {id:?} must be UpperCamelCase ASCII");
            problems.push((Some(kind.span()), reason));
        }
        if !seen.insert(id.clone()) {
            problems.push((Some(kind.span()), format!("kind {id:?} is declared twice")));
        }
    }
    let relation_ids: HashSet<&str> = file
        .relation
        .iter()
        .map(|r| r.get_ref().id.as_str())
        .collect();
    let mut roles = HashSet::new();
    for relation in &file.relation {
        let span = Some(relation.span());
        let decl = relation.get_ref();
        if !is_lower_camel(&decl.id) {
            let reason = format!("relation id {:?} must be lowerCamelCase ASCII", decl.id);
            problems.push((span.clone(), reason));
        }
        if !seen.insert(decl.id.clone()) {
            let reason = format!("relation {:?} is declared twice", decl.id);
            problems.push((span.clone(), reason));
        }
        for kind in decl.domain.iter().chain(&decl.range) {
            if !kind_ids.contains(kind.as_str()) {
                let reason = format!("relation {:?} names unknown kind {kind:?}", decl.id);
                problems.push((span.clone(), reason));
            }
        }
        if let Some(parent) = &decl.sub_property_of
            && !relation_ids.contains(parent.as_str())
        {
            let reason = format!(
                "relation {:?}: sub_property_of names unknown relation {parent:?}",
                decl.id
            );
            problems.push((span.clone(), reason));
        }
        if let Some(role) = &decl.role
            && !roles.insert(role.clone())
        {
            let reason = format!("role {role:?} is declared by two relations");
            problems.push((span.clone(), reason));
        }
        if decl.inverse_zh.is_some() != decl.inverse_en.is_some() {
            let reason = format!(
                "relation {:?}: inverse_zh and inverse_en go together",
                decl.id
            );
            problems.push((span.clone(), reason));
        }
        if decl.generated != ids::GENERATED.contains(&decl.id.as_str()) {
            let reason = format!(
                "relation {:?}: generated = true is for exactly the kinds the loader makes ({})",
                decl.id,
                ids::GENERATED.join(", ")
            );
            problems.push((span, reason));
        }
    }
    // The kinds the code names (which include the generated ones and the document parts).
    for id in ids::RELATIONS {
        if !relation_ids.contains(id) {
            problems.push((None, format!("relation {id:?} must be declared")));
        }
    }
    for id in ids::KINDS {
        if !kind_ids.contains(id) {
            problems.push((None, format!("kind {id:?} must be declared")));
        }
    }
    let vocabulary = Vocabulary {
        kinds: file
            .kind
            .into_iter()
            .map(|k| kind(k.into_inner()))
            .collect(),
        relations: file
            .relation
            .into_iter()
            .map(Spanned::into_inner)
            .map(relation)
            .collect(),
    };
    (vocabulary, problems)
}

fn kind(decl: KindDecl) -> KindTerm {
    KindTerm {
        id: decl.id,
        zh: decl.zh,
        en: decl.en,
        comment: decl.comment,
        superclass: decl.superclass,
    }
}

fn relation(decl: RelationDecl) -> RelationTerm {
    let inverse = match (decl.inverse_zh, decl.inverse_en) {
        (Some(zh), Some(en)) => Some(Label { zh, en }),
        _ => None,
    };
    RelationTerm {
        id: decl.id,
        zh: decl.zh,
        en: decl.en,
        comment: decl.comment,
        domain: decl.domain,
        range: decl.range,
        generated: decl.generated,
        // A generated kind or an action role records what a document says, not a link
        // between two named things.
        structural: decl.generated || decl.role.is_some(),
        containment: decl.containment,
        hierarchy: decl.hierarchy,
        role: decl.role,
        sub_property_of: decl.sub_property_of,
        inverse,
    }
}

fn is_upper_camel(id: &str) -> bool {
    id.starts_with(|c: char| c.is_ascii_uppercase())
        && id.chars().all(|c| c.is_ascii_alphanumeric())
}

fn is_lower_camel(id: &str) -> bool {
    id.starts_with(|c: char| c.is_ascii_lowercase())
        && id.chars().all(|c| c.is_ascii_alphanumeric())
}
