//! The HTML pages for people: an entity with its names and evidenced relations, a statement
//! or reference, the vocabulary, and the list of dumps.

use std::fmt::Write;

use axum::response::Response;
use oxigraph::model::{NamedNode, Term, Triple};

use super::html::{escape, html_page};
use crate::Dataset;
use crate::model::{Details, EnglishStatus, Entity, Evidence};
use crate::rdf::{self, Namespace, Publication};

/// Link from `/id/x` (or from `/statement/…/…/…` with `up` levels) to another entity.
fn entity_link(data: &Dataset, index: usize, up: &str) -> String {
    let entity = &data.model.entities[index];
    format!(
        "<a href=\"{up}{}\">{}</a> <small>{}</small>",
        escape(&entity.id),
        escape(&entity.name),
        escape(&entity.kind)
    )
}

fn evidence_html(data: &Dataset, evidence: &Evidence) -> String {
    let mut out = format!("<blockquote>{}</blockquote>", escape(&evidence.quote));
    let _ = write!(out, "<small>— {}", entity_link(data, evidence.document, ""));
    if let Some(provision) = evidence.provision {
        let _ = write!(out, ", {}", entity_link(data, provision, ""));
    }
    if let Some(reason) = evidence.basis.reason() {
        let _ = write!(out, "; {}: {}", evidence.basis.name(), escape(reason));
    }
    out.push_str("</small>");
    out
}

/// The page of one entity.
pub(super) fn entity_page(data: &Dataset, entity: &Entity) -> Response {
    let model = &data.model;
    let iri = data.iris.entity(&entity.id);
    let mut body = format!(
        "<h1>{name}</h1><p><a href=\"../ontology#{kind}\">{kind}</a> · <code>{iri}</code></p><table>",
        name = escape(&entity.name),
        kind = escape(&entity.kind),
        iri = escape(iri.as_str()),
    );
    let mut row = |label: &str, value: &str| {
        let _ = write!(body, "<tr><th>{label}</th><td>{value}</td></tr>");
    };
    row("繁體 traditional", &escape(&entity.traditional));
    row("pinyin", &escape(&entity.pinyin));
    if let Some(english) = &entity.english {
        let status = match english.status {
            EnglishStatus::Established => "established",
            EnglishStatus::Translation => "our translation",
        };
        row(
            "English",
            &format!("{} <small>({status})</small>", escape(&english.text)),
        );
    }
    if !entity.aliases.is_empty() {
        let aliases: Vec<String> = entity.aliases.iter().map(|a| escape(&a.text)).collect();
        row("aliases", &aliases.join("、"));
    }
    match &entity.details {
        Details::None => {}
        Details::Document(doc) => {
            if let Some(title) = &doc.english_title {
                row("English title", &escape(title));
            }
            if let Some(date) = &doc.date {
                row("issued", &escape(date));
            }
            if let Some(number) = &doc.number {
                row("number", &escape(number));
            }
            row("source file", &escape(&doc.source_file));
        }
        Details::Section(provision) | Details::Task(provision) => {
            row("number", &escape(&provision.number));
            row("document", &entity_link(data, provision.document, ""));
        }
        Details::Target(target) => {
            row("indicator", &escape(&target.indicator));
            row(
                "value",
                &format!(
                    "{} {} by {}",
                    escape(&crate::model::format_number(target.value)),
                    escape(&target.unit),
                    target.year
                ),
            );
            row("region", &entity_link(data, target.region, ""));
            row("document", &entity_link(data, target.document, ""));
        }
    }
    if let Some(note) = &entity.note {
        row("note", &escape(note));
    }
    body.push_str("</table>");
    let index = model.index_of(&entity.id).unwrap_or_default();
    body.push_str("<h2>Relations</h2><ul>");
    for relation in model.outgoing(index) {
        let _ = write!(
            body,
            "<li><a href=\"../ontology#{kind}\">{kind}</a> → {object}",
            kind = escape(&relation.kind),
            object = entity_link(data, relation.object, ""),
        );
        for evidence in &relation.evidence {
            body.push_str(&evidence_html(data, evidence));
        }
        body.push_str("</li>");
    }
    body.push_str("</ul><h2>Referred to by</h2><ul>");
    for relation in model.incoming(index) {
        let _ = write!(
            body,
            "<li>{subject} <a href=\"../ontology#{kind}\">{kind}</a> this</li>",
            kind = escape(&relation.kind),
            subject = entity_link(data, relation.subject, ""),
        );
    }
    body.push_str("</ul>");
    if !entity.evidence.is_empty() {
        body.push_str("<h2>Named in</h2><ul>");
        for evidence in &entity.evidence {
            let _ = write!(body, "<li>{}</li>", evidence_html(data, evidence));
        }
        body.push_str("</ul>");
    }
    let _ = write!(
        body,
        "<p><small>Also as RDF: ask for <code>text/turtle</code>, <code>application/ld+json</code>, <code>application/n-triples</code> or <code>application/rdf+xml</code>.</small></p>"
    );
    html_page(&format!("{} · sunan-kg", entity.name), &body)
}

/// A generic page listing triples (statements and references).
pub(super) fn triples_page(data: &Dataset, iri: &NamedNode, triples: &[Triple]) -> Response {
    // Statement IRIs are <base>statement/s/k/o and references one level deeper: links to
    // entities climb back to the base.
    let depth = iri.as_str()[data.iris.base().len()..].matches('/').count();
    let up = "../".repeat(depth);
    let term = |term: &Term| match term {
        Term::NamedNode(node) => {
            let text = node.as_str();
            match data
                .iris
                .entity_id(text)
                .and_then(|id| data.model.index_of(id))
            {
                Some(index) => entity_link(data, index, &format!("{up}id/")),
                None => match text.strip_prefix(data.iris.base()) {
                    Some(local) => {
                        format!("<a href=\"{up}{}\">{}</a>", escape(local), escape(text))
                    }
                    None => escape(text),
                },
            }
        }
        Term::Literal(literal) => escape(literal.value()),
        other => escape(&other.to_string()),
    };
    let mut body = format!("<h1><code>{}</code></h1><table>", escape(iri.as_str()));
    for triple in triples {
        let _ = write!(
            body,
            "<tr><td>{}</td><td><code>{}</code></td><td>{}</td></tr>",
            term(&Term::from(triple.subject.clone())),
            escape(triple.predicate.as_str()),
            term(&triple.object),
        );
    }
    body.push_str("</table>");
    html_page("sunan-kg", &body)
}

/// The vocabulary for people, one anchor per term.
pub(super) fn ontology_page(data: &Dataset, terms: &[rdf::Term]) -> Response {
    let iris = &data.iris;
    let ours = |iri: &str| -> String {
        match terms.iter().find(|t| t.iri(iris) == iri) {
            Some(t) => format!(
                "<a href=\"#{}\">{}</a>",
                escape(&t.anchor()),
                escape(&t.name)
            ),
            None => format!("<a href=\"{0}\">{0}</a>", escape(iri)),
        }
    };
    let list = |iris: &[String]| {
        iris.iter()
            .map(|i| ours(i))
            .collect::<Vec<_>>()
            .join(" or ")
    };
    let mut body = format!(
        "<h1>sunan-kg vocabulary · 苏南创新政策知识图谱本体</h1><p>Namespace <code>{ns}</code> (prefix <code>sk:</code>); statement properties <code>{skp}</code> (<code>skp:</code>) and <code>{skps}</code> (<code>skps:</code>). Machines get this document as Turtle, JSON-LD, N-Triples or RDF/XML; the SHACL shapes are at <a href=\"shapes\">shapes</a>.</p>",
        ns = escape(&iris.ontology_ns()),
        skp = escape(&iris.statement_link_ns()),
        skps = escape(&iris.statement_value_ns()),
    );
    let mut group = None;
    for term in terms {
        if group != Some(term.group) {
            if group.is_some() {
                body.push_str("</dl>");
            }
            group = Some(term.group);
            let (zh, en) = rdf::group_title(term.group);
            let _ = write!(body, "<h2>{} · {}</h2><dl>", escape(zh), escape(en));
        }
        let prefix = match term.namespace {
            Namespace::Ontology => "sk",
            Namespace::StatementLink => "skp",
            Namespace::StatementValue => "skps",
        };
        let _ = write!(
            body,
            "<dt id=\"{anchor}\"><code>{prefix}:{name}</code> — {zh} · {en}</dt><dd>",
            anchor = escape(&term.anchor()),
            name = escape(&term.name),
            zh = escape(&term.zh),
            en = escape(&term.en),
        );
        if let Some(zh) = &term.comment_zh {
            let _ = write!(body, "{}<br>", escape(zh));
        }
        body.push_str(&escape(&term.comment_en));
        if !term.domain.is_empty() {
            let _ = write!(body, "<br><small>domain: {}</small>", list(&term.domain));
        }
        if !term.range.is_empty() {
            let _ = write!(body, "<br><small>range: {}</small>", list(&term.range));
        }
        if !term.broader.is_empty() {
            let _ = write!(
                body,
                "<br><small>aligned with: {}</small>",
                list(&term.broader)
            );
        }
        if let Some(inverse) = &term.inverse_of {
            let _ = write!(body, "<br><small>inverse of: {}</small>", ours(inverse));
        }
        body.push_str("</dd>");
    }
    body.push_str("</dl>");
    html_page("sunan-kg vocabulary", &body)
}

/// The list of dumps with sizes and checksums.
pub(super) fn dump_index(data: &Dataset, publication: &Publication) -> Response {
    let mut body = format!(
        "<h1>Dumps of sunan-kg, dataset version <code>{}</code></h1><p>The same graph-data always gives byte-identical files. Check them with <code>sha256sum -c {}</code>. The description is at <a href=\"../.well-known/void\">/.well-known/void</a>.</p><table><tr><th>file</th><th>format</th><th>bytes</th><th>SHA-256</th></tr>",
        escape(&publication.version),
        rdf::CHECKSUMS_FILE,
    );
    for file in &publication.dumps.files {
        let _ = write!(
            body,
            "<tr><td><a href=\"{name}\">{name}</a></td><td>{media}</td><td>{size}</td><td><code>{sha}</code></td></tr>",
            name = escape(&file.name),
            media = escape(file.format.media_type()),
            size = file.bytes.len(),
            sha = escape(&file.sha256),
        );
    }
    let _ = write!(
        body,
        "</table><p><a href=\"{0}\">{0}</a></p><p><small>{1} entities</small></p>",
        rdf::CHECKSUMS_FILE,
        data.model.entities.len()
    );
    html_page("sunan-kg dumps", &body)
}
