//! What each document states: responsible agencies, the mentions of each sentence with their
//! action roles, and the relations the sentences state.

use super::{DocumentScope, Loader, ParsedDocument};
use crate::model::compact;
use crate::model::{Alias, Basis, EntityIndex};
use crate::vocabulary::{Vocabulary, ids};
use std::ops::Range;

impl<'a> Loader<'a> {
    pub(super) fn document_facts(
        &mut self,
        vocabulary: &Vocabulary,
        parsed: &ParsedDocument<'a>,
        scope: &DocumentScope<'a>,
    ) {
        let (path, text) = (parsed.path, parsed.text);
        let file = &parsed.file;
        let doc_span = file.document.span();
        let doc = file.document.get_ref();
        if let Some(issuer) = self.resolve(scope, &doc.issuer, "issuer", doc_span.clone())
            && let Some(evidence) =
                self.evidence_for(scope, issuer, &doc.issuer_quote, None, Some(doc_span))
        {
            self.add_relation(scope.document, ids::ISSUED_BY, issuer, evidence);
        }
        for task in &file.task {
            let span = task.span();
            let decl = task.get_ref();
            let Some(&task_index) = scope.tasks.get(&decl.key) else {
                continue;
            };
            if decl.responsible.is_empty() {
                continue;
            }
            let Some(quote) = &decl.responsible_quote else {
                let reason = format!("task {}: responsible needs responsible_quote", decl.key);
                self.problem(path, text, Some(span), reason);
                continue;
            };
            for agency in &decl.responsible {
                let field = format!("task {} responsible", decl.key);
                if let Some(agency) = self.resolve(scope, agency, &field, span.clone())
                    && let Some(evidence) = self.evidence_for(
                        scope,
                        agency,
                        quote,
                        Some(task_index),
                        Some(span.clone()),
                    )
                {
                    self.check_relation_kinds(
                        vocabulary,
                        scope,
                        task_index,
                        ids::RESPONSIBLE_AGENCY,
                        agency,
                        span.clone(),
                    );
                    self.add_relation(task_index, ids::RESPONSIBLE_AGENCY, agency, evidence);
                }
            }
        }
        // Where each sentence is, found (and a wrong key reported) once per sentence.
        let mut provisions = Vec::with_capacity(file.sentence.len());
        for sentence in &file.sentence {
            let decl = sentence.get_ref();
            if decl.mention.is_empty() && decl.relation.is_empty() {
                let reason = format!(
                    "sentence {:?} states nothing: give it a [[sentence.mention]] or a [[sentence.relation]]",
                    decl.quote
                );
                self.problem(path, text, Some(sentence.span()), reason);
            }
            provisions.push(self.locate(
                scope,
                decl.task.as_deref(),
                decl.section.as_deref(),
                sentence.span(),
            ));
        }
        for (at, sentence, mention) in file.mentions() {
            let span = mention.span();
            let decl = mention.get_ref();
            let Some(entity) = self.resolve(scope, &decl.entity, "mention", span.clone()) else {
                continue;
            };
            let Ok(provision) = provisions[at] else {
                continue;
            };
            let form = decl
                .written_as
                .clone()
                .unwrap_or_else(|| self.entities[entity].0.name.clone());
            if !compact(&sentence.quote).contains(&compact(&form)) {
                let reason = format!(
                    "mention of {}: the quote does not contain {form:?}",
                    decl.entity
                );
                self.problem(path, text, Some(span), reason);
                continue;
            }
            let Some(evidence) = self.evidence_for(
                scope,
                entity,
                &sentence.quote,
                provision,
                Some(span.clone()),
            ) else {
                continue;
            };
            if let Some(alias) = &decl.written_as
                && decl.alias
                && let Some(other) = self.name_owner(alias, entity)
            {
                let reason = format!(
                    "mention of {}: {alias:?} is already a name of {other}; a name must resolve to one entity (write alias = false if the phrase is shared)",
                    decl.entity
                );
                self.problem(path, text, Some(span), reason);
                continue;
            }
            let entity_ref = &mut self.entities[entity].0;
            if let Some(form) = &decl.written_as
                && !entity_ref.written_forms.contains(form)
            {
                entity_ref.written_forms.push(form.clone());
            }
            if let Some(alias) = &decl.written_as
                && decl.alias
                && *alias != entity_ref.name
                && !entity_ref.aliases.iter().any(|a| a.text == *alias)
            {
                entity_ref.aliases.push(Alias {
                    text: alias.clone(),
                    script: scope.script,
                });
                self.name_index.insert(alias.clone(), entity);
            }
            let subject = provision.unwrap_or(scope.document);
            let kind = match &decl.role {
                None => ids::MENTIONS,
                Some(role) => match vocabulary.role(role) {
                    Some(term) => term.id.as_str(),
                    None => {
                        let roles: Vec<&str> = vocabulary.roles().collect();
                        let reason = format!(
                            "mention of {}: unknown role {role:?}; the vocabulary declares {}",
                            decl.entity,
                            roles.join(", ")
                        );
                        self.problem(path, text, Some(span), reason);
                        continue;
                    }
                },
            };
            if kind != ids::MENTIONS {
                self.check_relation_kinds(vocabulary, scope, subject, kind, entity, span);
            }
            self.add_relation(subject, kind, entity, evidence);
        }
        for (at, sentence, relation) in file.relations() {
            let span = relation.span();
            let decl = relation.get_ref();
            let subject = self.resolve(scope, &decl.subject, "subject", span.clone());
            let object = self.resolve(scope, &decl.object, "object", span.clone());
            let (Some(subject), Some(object), Ok(provision)) = (subject, object, provisions[at])
            else {
                continue;
            };
            if vocabulary.relation(&decl.kind).is_none() {
                let reason = format!("unknown relation kind {:?}", decl.kind);
                self.problem(path, text, Some(span), reason);
                continue;
            }
            if let Some(term) = vocabulary.relation(&decl.kind)
                && (term.generated || term.role.is_some())
            {
                let reason = match &term.role {
                    Some(role) => format!(
                        "relation kind {} is an action role: write it as role = {role:?} on the [[sentence.mention]]",
                        decl.kind
                    ),
                    None => format!(
                        "relation kind {} is generated from the document structure; do not write it",
                        decl.kind
                    ),
                };
                self.problem(path, text, Some(span), reason);
                continue;
            }
            if subject == object {
                let reason = format!("relation {} links {} to itself", decl.kind, decl.subject);
                self.problem(path, text, Some(span), reason);
                continue;
            }
            let inferred = match (&decl.inferred, &decl.because) {
                (Some(_), Some(_)) => {
                    let reason = "write either inferred or because, not both".to_owned();
                    self.problem(path, text, Some(span), reason);
                    continue;
                }
                (Some(inferred), None) if inferred.trim().is_empty() => {
                    let reason = "inferred must say why the relation is inferred".to_owned();
                    self.problem(path, text, Some(span), reason);
                    continue;
                }
                (Some(inferred), None) => Some(inferred.clone()),
                (None, Some(id)) => match self.reasons.get_mut(id) {
                    Some((text, cited)) => {
                        *cited = true;
                        Some(text.clone())
                    }
                    None => {
                        let reason = format!("because: unknown reason {id:?} (see reasons.toml)");
                        self.problem(path, text, Some(span), reason);
                        continue;
                    }
                },
                (None, None) => None,
            };
            self.check_relation_kinds(vocabulary, scope, subject, &decl.kind, object, span.clone());
            if let Some(mut evidence) = self.checked_evidence(
                scope,
                &sentence.quote,
                provision,
                Basis::from_reason(inferred.as_deref()),
                Some(span),
            ) {
                evidence.note = decl.note.clone();
                self.add_relation(subject, &decl.kind, object, evidence);
            }
        }
    }

    /// Reports a relation whose subject or object kind is outside the declared domain or range.
    pub(super) fn check_relation_kinds(
        &mut self,
        vocabulary: &Vocabulary,
        scope: &DocumentScope<'_>,
        subject: EntityIndex,
        kind: &str,
        object: EntityIndex,
        span: Range<usize>,
    ) {
        let Some(decl) = vocabulary.relation(kind) else {
            return;
        };
        let subject = &self.entities[subject].0;
        let object = &self.entities[object].0;
        let mut reasons = Vec::new();
        if !decl.allows_subject(&subject.kind) {
            reasons.push(format!(
                "{kind} cannot start at {} (a {}); allowed: {}",
                subject.id,
                subject.kind,
                decl.domain.join(", ")
            ));
        }
        if !decl.allows_object(&object.kind) {
            reasons.push(format!(
                "{kind} cannot point to {} (a {}); allowed: {}",
                object.id,
                object.kind,
                decl.range.join(", ")
            ));
        }
        for reason in reasons {
            self.problem(scope.path, scope.text, Some(span.clone()), reason);
        }
    }
}
