//! The published vocabulary (`graph-data/ontology.ttl`, served at `<base>ontology`): every
//! class and property the graph uses, generated from `vocabulary.toml` plus the fixed terms of
//! `terms.toml` (the statement pattern, documents, tasks, targets, instrument codes). One list
//! of [`Term`]s feeds both the Turtle document and the HTML page, so the two cannot disagree.

use oxigraph::io::{RdfFormat, RdfParser};
use oxigraph::model::Triple;
use serde::Deserialize;

use super::RdfError;
use super::iri::{Iris, ns};
use super::terms::{Alignment, FixedTerms, TermsError};
use super::turtle::{self, TurtleText, pair};
use crate::vocabulary::Vocabulary;

/// Which namespace a term lives in.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Namespace {
    /// `sk:`, classes and direct properties.
    Ontology,
    /// `skp:`, from a subject to a statement node.
    StatementLink,
    /// `skps:`, from a statement node to the object.
    StatementValue,
}

/// What kind of term it is (in `terms.toml`: `class`, `object-property`,
/// `datatype-property`).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum TermKind {
    /// An `owl:Class`.
    Class,
    /// An `owl:ObjectProperty`.
    ObjectProperty,
    /// An `owl:DatatypeProperty`.
    DatatypeProperty,
}

/// The group a term is listed under.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Group {
    /// Kinds of entities, from `vocabulary.toml`.
    EntityKinds,
    /// Relation kinds and their statement properties, from `vocabulary.toml`.
    Relations,
    /// Statement nodes and references (provenance).
    Provenance,
    /// Properties of entities, documents, tasks and targets.
    Details,
    /// Policy-instrument codes.
    Instruments,
}

/// One class or property of the vocabulary.
#[derive(Debug, Clone)]
pub struct Term {
    /// The group it is listed under.
    pub group: Group,
    /// Its namespace.
    pub namespace: Namespace,
    /// Its local name (`Park`, `locatedIn`).
    pub name: String,
    /// Class or property.
    pub kind: TermKind,
    /// Chinese label (simplified).
    pub zh: String,
    /// English label.
    pub en: String,
    /// English definition.
    pub comment_en: String,
    /// Chinese definition, where one is written.
    pub comment_zh: Option<String>,
    /// Classes of the subjects (any of them), as full IRIs.
    pub domain: Vec<String>,
    /// Classes or datatypes of the objects (any of them), as full IRIs.
    pub range: Vec<String>,
    /// Superclasses or superproperties in standard vocabularies, as full IRIs.
    pub broader: Vec<String>,
    /// A standard property this one is the inverse of.
    pub inverse_of: Option<String>,
}

impl Term {
    /// The term's IRI.
    pub fn iri(&self, iris: &Iris) -> String {
        match self.namespace {
            Namespace::Ontology => format!("{}{}", iris.ontology_ns(), self.name),
            Namespace::StatementLink => format!("{}{}", iris.statement_link_ns(), self.name),
            Namespace::StatementValue => format!("{}{}", iris.statement_value_ns(), self.name),
        }
    }

    /// The anchor of the term on the HTML page of the vocabulary: the local name for `sk:`
    /// terms (so `<base>ontology#Park` lands on it), `prop-…` and `prop-statement-…` otherwise.
    pub fn anchor(&self) -> String {
        match self.namespace {
            Namespace::Ontology => self.name.clone(),
            Namespace::StatementLink => format!("prop-{}", self.name),
            Namespace::StatementValue => format!("prop-statement-{}", self.name),
        }
    }
}

/// Every term of the vocabulary, in the order the documents list them: the kinds and relation
/// kinds of `vocabulary.toml`, then the fixed terms of `terms.toml`.
pub fn terms(vocabulary: &Vocabulary, iris: &Iris) -> Result<Vec<Term>, TermsError> {
    let fixed = FixedTerms::read(&prefixes(iris))?;
    Ok(all_terms(vocabulary, iris, fixed))
}

/// The terms of `vocabulary` followed by the fixed ones, read once by the caller.
fn all_terms(vocabulary: &Vocabulary, iris: &Iris, fixed: FixedTerms) -> Vec<Term> {
    let class = |name: &str| iris.term(name).as_str().to_owned();
    let mut out = Vec::new();
    for kind in &vocabulary.kinds {
        out.push(Term {
            group: Group::EntityKinds,
            namespace: Namespace::Ontology,
            name: kind.id.clone(),
            kind: TermKind::Class,
            zh: kind.zh.clone(),
            en: kind.en.clone(),
            comment_en: kind.comment.clone(),
            comment_zh: None,
            domain: Vec::new(),
            range: Vec::new(),
            broader: kind.superclass.iter().cloned().collect(),
            inverse_of: None,
        });
    }
    let no_alignment = Alignment::default();
    for relation in &vocabulary.relations {
        let domain: Vec<String> = relation.domain.iter().map(|k| class(k)).collect();
        let range: Vec<String> = relation.range.iter().map(|k| class(k)).collect();
        let alignment = fixed.alignments.get(&relation.id).unwrap_or(&no_alignment);
        out.push(Term {
            group: Group::Relations,
            namespace: Namespace::Ontology,
            name: relation.id.clone(),
            kind: TermKind::ObjectProperty,
            zh: relation.zh.clone(),
            en: relation.en.clone(),
            comment_en: relation.comment.clone(),
            comment_zh: None,
            domain: domain.clone(),
            range: range.clone(),
            broader: alignment
                .sub_property_of
                .iter()
                .cloned()
                .chain(relation.sub_property_of.iter().map(|p| class(p)))
                .collect(),
            inverse_of: alignment.inverse_of.clone(),
        });
        out.push(Term {
            group: Group::Relations,
            namespace: Namespace::StatementLink,
            name: relation.id.clone(),
            kind: TermKind::ObjectProperty,
            zh: format!("{}（陈述）", relation.zh),
            en: format!("{} (statement)", relation.en),
            comment_en: format!(
                "Links the subject of a “{}” relation to the statement node that carries its evidence (the Wikidata statement pattern).",
                relation.en
            ),
            comment_zh: Some(format!(
                "将“{}”关系的主体连接到承载其证据的陈述节点（维基数据的陈述模式）。",
                relation.zh
            )),
            domain,
            range: vec![class("Statement")],
            broader: Vec::new(),
            inverse_of: None,
        });
        out.push(Term {
            group: Group::Relations,
            namespace: Namespace::StatementValue,
            name: relation.id.clone(),
            kind: TermKind::ObjectProperty,
            zh: format!("{}（陈述值）", relation.zh),
            en: format!("{} (statement value)", relation.en),
            comment_en: format!(
                "Links a statement node of a “{}” relation to the relation's object.",
                relation.en
            ),
            comment_zh: Some(format!(
                "将“{}”关系的陈述节点连接到该关系的客体。",
                relation.zh
            )),
            domain: vec![class("Statement")],
            range,
            broader: Vec::new(),
            inverse_of: None,
        });
    }
    out.extend(fixed.terms);
    out
}

/// The prefixes of the vocabulary and shapes documents.
pub(crate) fn prefixes(iris: &Iris) -> Vec<(&'static str, String)> {
    vec![
        ("sk", iris.ontology_ns()),
        ("skp", iris.statement_link_ns()),
        ("skps", iris.statement_value_ns()),
        ("rdf", ns::RDF.to_owned()),
        ("rdfs", ns::RDFS.to_owned()),
        ("owl", ns::OWL.to_owned()),
        ("xsd", ns::XSD.to_owned()),
        ("skos", ns::SKOS.to_owned()),
        ("prov", ns::PROV.to_owned()),
        ("dcterms", ns::DCTERMS.to_owned()),
        ("dcmitype", ns::DCMITYPE.to_owned()),
        ("schema", ns::SCHEMA.to_owned()),
        ("org", ns::ORG.to_owned()),
        ("vann", ns::VANN.to_owned()),
    ]
}

/// `iri` as a prefixed name when one of `prefixes` fits, else in angle brackets.
pub(crate) fn compact(iri: &str, prefixes: &[(&'static str, String)]) -> String {
    prefixes
        .iter()
        .filter(|(_, namespace)| iri.starts_with(namespace.as_str()))
        .max_by_key(|(_, namespace)| namespace.len())
        .map(|(prefix, namespace)| turtle::prefixed(prefix, namespace, &iri[namespace.len()..]))
        .unwrap_or_else(|| turtle::iri(iri))
}

/// The vocabulary as a Turtle document.
pub fn ontology_turtle(vocabulary: &Vocabulary, iris: &Iris) -> Result<String, TermsError> {
    let prefixes = prefixes(iris);
    let fixed = FixedTerms::read(&prefixes)?;
    let description = fixed.ontology.clone();
    let c = |iri: &str| compact(iri, &prefixes);
    let classes = |list: &[String]| -> Vec<String> {
        match list {
            [] => Vec::new(),
            [one] => vec![c(one)],
            many => vec![turtle::blank(&[
                pair("a", vec!["owl:Class".into()]),
                pair(
                    "owl:unionOf",
                    vec![turtle::list(&many.iter().map(|i| c(i)).collect::<Vec<_>>())],
                ),
            ])],
        }
    };
    let ontology = turtle::iri(iris.ontology().as_str());
    let mut doc = TurtleText::default();
    doc.comment(
        "The vocabulary of sunan-kg (苏南创新政策知识图谱).\nGenerated from graph-data/vocabulary.toml by `sunan-kg ontology`; do not edit by hand.",
    );
    doc.prefixes(&prefixes);
    doc.block(
        &ontology,
        &[
            pair("a", vec!["owl:Ontology".into()]),
            pair(
                "rdfs:label",
                vec![
                    turtle::lang(&description.zh, "zh-Hans"),
                    turtle::lang(&description.en, "en"),
                ],
            ),
            pair(
                "rdfs:comment",
                vec![
                    turtle::lang(&description.comment_zh, "zh-Hans"),
                    turtle::lang(&description.comment_en, "en"),
                ],
            ),
            pair(
                "dcterms:license",
                vec![
                    turtle::iri("https://spdx.org/licenses/MIT"),
                    turtle::iri("https://spdx.org/licenses/Apache-2.0"),
                ],
            ),
            pair("vann:preferredNamespacePrefix", vec![turtle::string("sk")]),
            pair(
                "vann:preferredNamespaceUri",
                vec![turtle::string(&iris.ontology_ns())],
            ),
            pair(
                "rdfs:seeAlso",
                vec![turtle::iri(&format!("{}shapes", iris.base()))],
            ),
        ],
    );
    let mut group = None;
    for term in all_terms(vocabulary, iris, fixed) {
        if group != Some(term.group) {
            group = Some(term.group);
            doc.comment(&format!("---- {}", group_title(term.group).1));
        }
        let kind = match term.kind {
            TermKind::Class => "owl:Class",
            TermKind::ObjectProperty => "owl:ObjectProperty",
            TermKind::DatatypeProperty => "owl:DatatypeProperty",
        };
        let broader = if term.kind == TermKind::Class {
            "rdfs:subClassOf"
        } else {
            "rdfs:subPropertyOf"
        };
        let mut comments = Vec::new();
        if let Some(zh) = &term.comment_zh {
            comments.push(turtle::lang(zh, "zh-Hans"));
        }
        comments.push(turtle::lang(&term.comment_en, "en"));
        doc.block(
            &c(&term.iri(iris)),
            &[
                pair("a", vec![kind.into()]),
                pair(
                    "rdfs:label",
                    vec![
                        turtle::lang(&term.zh, "zh-Hans"),
                        turtle::lang(&term.en, "en"),
                    ],
                ),
                pair("rdfs:comment", comments),
                pair("rdfs:domain", classes(&term.domain)),
                pair("rdfs:range", classes(&term.range)),
                pair(broader, term.broader.iter().map(|i| c(i)).collect()),
                pair(
                    "owl:inverseOf",
                    term.inverse_of.iter().map(|i| c(i)).collect(),
                ),
                pair("rdfs:isDefinedBy", vec![ontology.clone()]),
            ],
        );
    }
    Ok(doc.finish())
}

/// The triples of the vocabulary (the Turtle document, parsed).
pub fn ontology_triples(vocabulary: &Vocabulary, iris: &Iris) -> Result<Vec<Triple>, RdfError> {
    parse_turtle(&ontology_turtle(vocabulary, iris)?).map_err(|reason| RdfError::Generated {
        document: "ontology",
        reason,
    })
}

/// Parses a Turtle document we generated; an error here is a bug in a generator.
pub(crate) fn parse_turtle(text: &str) -> Result<Vec<Triple>, String> {
    RdfParser::from_format(RdfFormat::Turtle)
        .for_slice(text.as_bytes())
        .map(|quad| quad.map(Triple::from).map_err(|e| e.to_string()))
        .collect()
}

/// The (Chinese, English) title of a group of terms.
pub fn group_title(group: Group) -> (&'static str, &'static str) {
    match group {
        Group::EntityKinds => ("实体种类", "Entity kinds (classes)"),
        Group::Relations => (
            "关系种类",
            "Relation kinds (direct, statement and statement-value properties)",
        ),
        Group::Provenance => ("陈述与出处", "Statements and references (provenance)"),
        Group::Details => (
            "实体、文件、条款与目标的属性",
            "Properties of entities, documents, provisions and targets",
        ),
        Group::Instruments => ("政策工具编码", "Policy-instrument codes"),
    }
}
