//! The VoID and DCAT description of the dataset (served at `/.well-known/void`): version,
//! licence, counts, class and property partitions, example resources, the SPARQL endpoint and
//! every dump with its size and checksum.

use std::collections::{BTreeMap, BTreeSet};

use oxigraph::model::{Literal, NamedNode, Term, Triple};

use super::dump::Dumps;
use super::iri::{Iris, ns};
use super::triples;
use crate::Model;
use crate::model::Details;

/// The licences of code and data, as SPDX IRIs.
pub const LICENCES: [&str; 2] = [
    "https://spdx.org/licenses/MIT",
    "https://spdx.org/licenses/Apache-2.0",
];

/// How many example resources the description lists.
const EXAMPLES: usize = 4;

/// The prefixes of the VoID document.
pub fn void_prefixes(iris: &Iris) -> Vec<(&'static str, String)> {
    vec![
        ("void", ns::VOID.to_owned()),
        ("dcat", ns::DCAT.to_owned()),
        ("dcterms", ns::DCTERMS.to_owned()),
        ("spdx", ns::SPDX.to_owned()),
        ("owl", ns::OWL.to_owned()),
        ("rdfs", ns::RDFS.to_owned()),
        ("xsd", ns::XSD.to_owned()),
        ("sk", iris.ontology_ns()),
        ("ske", iris.entity_ns()),
    ]
}

/// The VoID/DCAT description of `model` at `version`, with its `dumps`.
pub fn void_triples(model: &Model, iris: &Iris, version: &str, dumps: &Dumps) -> Vec<Triple> {
    let data = triples(model, iris);
    let dataset = iris.dataset();
    let mut out = Description(Vec::new());
    let std = Iris::standard;
    let a = std(ns::RDF, "type");
    let void = |l: &str| std(ns::VOID, l);
    let dcat = |l: &str| std(ns::DCAT, l);
    let dcterms = |l: &str| std(ns::DCTERMS, l);
    let spdx = |l: &str| std(ns::SPDX, l);
    let fragment =
        |f: &str| NamedNode::new_unchecked(format!("{}#{f}", iris.void_document().as_str()));

    out.add(&dataset, &a, void("Dataset"));
    out.add(&dataset, &a, dcat("Dataset"));
    for (text, tag) in [
        ("苏南创新政策知识图谱", "zh-Hans"),
        (
            "sunan-kg: a knowledge graph of southern Jiangsu innovation policy",
            "en",
        ),
    ] {
        out.add(&dataset, &dcterms("title"), lang(text, tag));
    }
    for (text, tag) in [
        (
            "由苏南五份公开创新政策文件（2017–2023）构建的知识图谱：园区、机构、平台、基金、计划、产业与政府机构及其关系，每条关系都附有原文引语。",
            "zh-Hans",
        ),
        (
            "A knowledge graph drawn from five public innovation policy documents of southern Jiangsu (2017–2023): parks, institutes, platforms, funds, programmes, industries and government bodies and their relations, each relation with the verbatim sentence that states it.",
            "en",
        ),
    ] {
        out.add(&dataset, &dcterms("description"), lang(text, tag));
    }
    for licence in LICENCES {
        out.add(
            &dataset,
            &dcterms("license"),
            NamedNode::new_unchecked(licence),
        );
    }
    out.add(
        &dataset,
        &std(ns::OWL, "versionInfo"),
        Literal::new_simple_literal(version),
    );
    out.add(
        &dataset,
        &dcat("version"),
        Literal::new_simple_literal(version),
    );
    out.add(
        &dataset,
        &dcterms("bibliographicCitation"),
        Literal::new_simple_literal(format!(
            "sunan-kg: 苏南创新政策知识图谱 (knowledge graph of southern Jiangsu innovation policy), dataset version {version}. {}",
            iris.base()
        )),
    );
    out.add(
        &dataset,
        &dcterms("conformsTo"),
        NamedNode::new_unchecked(format!("{}shapes", iris.base())),
    );
    out.add(&dataset, &void("sparqlEndpoint"), iris.sparql_endpoint());
    out.add(
        &dataset,
        &void("uriSpace"),
        Literal::new_simple_literal(iris.entity_ns()),
    );
    for vocabulary in [
        iris.ontology_ns(),
        ns::RDFS.to_owned(),
        ns::SKOS.to_owned(),
        ns::PROV.to_owned(),
        ns::DCTERMS.to_owned(),
    ] {
        out.add(
            &dataset,
            &void("vocabulary"),
            NamedNode::new_unchecked(vocabulary),
        );
    }

    let subjects: BTreeSet<String> = data.iter().map(|t| t.subject.to_string()).collect();
    let objects: BTreeSet<String> = data.iter().map(|t| t.object.to_string()).collect();
    let mut by_property: BTreeMap<&str, usize> = BTreeMap::new();
    for triple in &data {
        *by_property.entry(triple.predicate.as_str()).or_default() += 1;
    }
    let counts = model.count_by_kind();
    out.add(&dataset, &void("triples"), count(data.len()));
    out.add(&dataset, &void("entities"), count(model.entities.len()));
    out.add(&dataset, &void("distinctSubjects"), count(subjects.len()));
    out.add(&dataset, &void("distinctObjects"), count(objects.len()));
    out.add(&dataset, &void("properties"), count(by_property.len()));
    // Statements and references are classes of the data too.
    out.add(&dataset, &void("classes"), count(counts.len() + 2));
    for (kind, n) in &counts {
        let partition = fragment(&format!("class-{kind}"));
        out.add(&dataset, &void("classPartition"), partition.clone());
        out.add(&partition, &void("class"), iris.term(kind));
        out.add(&partition, &void("entities"), count(*n));
    }
    for (index, (property, n)) in by_property.iter().enumerate() {
        let partition = fragment(&format!("property-{}", index + 1));
        out.add(&dataset, &void("propertyPartition"), partition.clone());
        out.add(
            &partition,
            &void("property"),
            NamedNode::new_unchecked(*property),
        );
        out.add(&partition, &void("triples"), count(*n));
    }
    for index in example_entities(model) {
        out.add(
            &dataset,
            &void("exampleResource"),
            iris.entity(&model.entities[index].id),
        );
    }
    for entity in model
        .entities
        .iter()
        .filter(|e| matches!(e.details, Details::Document(_)))
    {
        out.add(&dataset, &dcterms("source"), iris.entity(&entity.id));
    }

    for file in &dumps.files {
        let url = iris.dump(&file.name);
        let checksum = NamedNode::new_unchecked(format!("{}#sha256", url.as_str()));
        out.add(&dataset, &void("dataDump"), url.clone());
        out.add(&dataset, &dcat("distribution"), url.clone());
        out.add(&url, &a, dcat("Distribution"));
        out.add(
            &url,
            &dcterms("title"),
            Literal::new_simple_literal(&file.name),
        );
        out.add(&url, &dcat("downloadURL"), url.clone());
        out.add(
            &url,
            &dcat("mediaType"),
            NamedNode::new_unchecked(format!(
                "https://www.iana.org/assignments/media-types/{}",
                file.format.media_type()
            )),
        );
        out.add(
            &url,
            &dcterms("format"),
            NamedNode::new_unchecked(file.format.format_iri()),
        );
        out.add(
            &url,
            &dcat("byteSize"),
            Literal::new_typed_literal(
                file.bytes.len().to_string(),
                std(ns::XSD, "nonNegativeInteger"),
            ),
        );
        out.add(
            &url,
            &dcterms("license"),
            NamedNode::new_unchecked(LICENCES[0]),
        );
        out.add(
            &url,
            &dcterms("license"),
            NamedNode::new_unchecked(LICENCES[1]),
        );
        out.add(&url, &spdx("checksum"), checksum.clone());
        out.add(&checksum, &a, spdx("Checksum"));
        out.add(
            &checksum,
            &spdx("algorithm"),
            spdx("checksumAlgorithm_sha256"),
        );
        out.add(
            &checksum,
            &spdx("checksumValue"),
            Literal::new_typed_literal(&file.sha256, std(ns::XSD, "hexBinary")),
        );
    }
    out.0
}

/// The entities with the most relations (documents first), for `void:exampleResource`.
fn example_entities(model: &Model) -> Vec<usize> {
    let mut ranked: Vec<(usize, usize)> = (0..model.entities.len())
        .filter(|&i| matches!(model.entities[i].details, Details::None))
        .map(|i| {
            (
                i,
                model.outgoing_indexes(i).len() + model.incoming_indexes(i).len(),
            )
        })
        .collect();
    // Most related first; model order breaks ties, so the choice is deterministic.
    ranked.sort_by(|a, b| b.1.cmp(&a.1).then(a.0.cmp(&b.0)));
    let mut out: Vec<usize> = model
        .entities
        .iter()
        .position(|e| matches!(e.details, Details::Document(_)))
        .into_iter()
        .collect();
    out.extend(
        ranked
            .into_iter()
            .map(|(i, _)| i)
            .take(EXAMPLES - out.len()),
    );
    out
}

struct Description(Vec<Triple>);

impl Description {
    fn add(&mut self, subject: &NamedNode, predicate: &NamedNode, object: impl Into<Term>) {
        self.0.push(Triple::new(
            subject.clone(),
            predicate.clone(),
            object.into(),
        ));
    }
}

fn lang(text: &str, tag: &str) -> Literal {
    super::build::lang_literal(text, tag)
}

fn count(n: usize) -> Literal {
    Literal::new_typed_literal(n.to_string(), Iris::standard(ns::XSD, "integer"))
}
