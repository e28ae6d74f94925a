//! What is published with the graph: the vocabulary and shapes (checked in, in sync with
//! vocabulary.toml, declaring every term the data uses), the dumps and their checksums, the
//! dataset version and the VoID description.

use std::collections::BTreeSet;
use std::process::Command;

use oxigraph::io::RdfFormat;
use oxigraph::model::{Term, Triple};
use sunan_kg::rdf::{self, Dumps, Iris, ns};

use crate::common::{dataset, parse_rdf};

#[test]
fn ontology_and_shapes_are_in_sync_with_the_vocabulary() {
    let data = dataset();
    let iris = Iris::default();
    // On a difference these print a diff; `UPDATE_EXPECT=1 cargo test` rewrites the files.
    expect_test::expect_file!["../../graph-data/ontology.ttl"]
        .assert_eq(&rdf::ontology_turtle(&data.model.vocabulary, &iris).expect("vocabulary"));
    expect_test::expect_file!["../../graph-data/shapes.ttl"]
        .assert_eq(&rdf::shapes_turtle(&data.model.vocabulary, &iris));
}

#[test]
fn every_class_and_property_the_data_uses_is_declared_with_zh_and_en_labels() {
    let data = dataset();
    let ontology = rdf::ontology_triples(&data.model.vocabulary, &data.iris).expect("parses");
    let ours = [
        data.iris.ontology_ns(),
        data.iris.statement_link_ns(),
        data.iris.statement_value_ns(),
    ];
    let is_ours = |iri: &str| ours.iter().any(|n| iri.starts_with(n.as_str()));
    let rdf_type = format!("{}type", ns::RDF);
    let mut used: BTreeSet<(String, &str)> = BTreeSet::new();
    for triple in rdf::triples(&data.model, &data.iris) {
        if triple.predicate.as_str() == rdf_type {
            if let Term::NamedNode(class) = &triple.object {
                used.insert((class.as_str().to_owned(), "Class"));
            }
        } else {
            used.insert((triple.predicate.as_str().to_owned(), "Property"));
        }
    }
    let standard = [ns::RDF, ns::RDFS, ns::SKOS, ns::PROV, ns::DCTERMS];
    let label = format!("{}label", ns::RDFS);
    for (iri, what) in &used {
        if !is_ours(iri) {
            assert!(
                standard.iter().any(|n| iri.starts_with(n)),
                "{iri} is neither ours nor from a standard vocabulary the ontology reuses"
            );
            continue;
        }
        let about: Vec<&Triple> = ontology
            .iter()
            .filter(|t| t.subject.to_string() == format!("<{iri}>"))
            .collect();
        let declared = about.iter().any(|t| {
            t.predicate.as_str() == rdf_type
                && match what {
                    &"Class" => t.object.to_string() == format!("<{}Class>", ns::OWL),
                    _ => {
                        t.object.to_string() == format!("<{}ObjectProperty>", ns::OWL)
                            || t.object.to_string() == format!("<{}DatatypeProperty>", ns::OWL)
                    }
                }
        });
        assert!(
            declared,
            "{iri} is used as a {what} but not declared as one"
        );
        for tag in ["zh-Hans", "en"] {
            assert!(
                about.iter().any(|t| t.predicate.as_str() == label
                    && matches!(&t.object, Term::Literal(l) if l.language().is_some_and(|l| l.eq_ignore_ascii_case(tag)) && !l.value().is_empty())),
                "{iri} has no {tag} label"
            );
        }
    }
    // Every kind and relation kind of vocabulary.toml is used, so all were checked.
    assert!(used.len() > 60, "{} terms used", used.len());
}

#[test]
fn the_fixed_terms_are_exactly_those_the_data_and_the_shapes_use() {
    let data = dataset();
    let iris = &data.iris;
    let terms = rdf::terms(&data.model.vocabulary, iris).expect("vocabulary");
    let declared: BTreeSet<String> = terms.iter().map(|t| t.iri(iris)).collect();
    let ours = [
        iris.ontology_ns(),
        iris.statement_link_ns(),
        iris.statement_value_ns(),
    ];
    let shapes = rdf::shapes_turtle(&data.model.vocabulary, iris);
    let shapes = parse_rdf(shapes.as_bytes(), RdfFormat::Turtle);
    // Every term of ours that the data writes or the shapes constrain, as a predicate or as an
    // object (a class, a path, a target).
    let mut used = BTreeSet::new();
    for triple in rdf::triples(&data.model, iris).iter().chain(&shapes) {
        let object = match &triple.object {
            Term::NamedNode(node) => Some(node.as_str()),
            _ => None,
        };
        for iri in std::iter::once(triple.predicate.as_str()).chain(object) {
            if ours.iter().any(|n| iri.starts_with(n.as_str())) {
                used.insert(iri.to_owned());
            }
        }
    }
    let undeclared: Vec<&String> = used.difference(&declared).collect();
    assert!(
        undeclared.is_empty(),
        "used but not declared: {undeclared:?}"
    );
    // The fixed terms (src/rdf/terms.toml) are written by the code, not by vocabulary.toml, so
    // one that nothing uses any more is a leftover.
    let fixed = [
        rdf::Group::Provenance,
        rdf::Group::Details,
        rdf::Group::Instruments,
    ];
    let unused: Vec<&str> = terms
        .iter()
        .filter(|t| fixed.contains(&t.group) && !used.contains(&t.iri(iris)))
        .map(|t| t.name.as_str())
        .collect();
    assert!(
        unused.is_empty(),
        "declared in terms.toml but unused: {unused:?}"
    );
}

#[test]
fn shapes_cover_every_class() {
    let data = dataset();
    let shapes = rdf::shapes_turtle(&data.model.vocabulary, &data.iris);
    let triples = parse_rdf(shapes.as_bytes(), RdfFormat::Turtle);
    let target_class = format!("{}targetClass", ns::SH);
    let targeted: BTreeSet<String> = triples
        .iter()
        .filter(|t| t.predicate.as_str() == target_class)
        .map(|t| t.object.to_string())
        .collect();
    for kind in data
        .model
        .vocabulary
        .kinds
        .iter()
        .map(|k| k.id.as_str())
        .chain(["Statement", "Reference"])
    {
        assert!(
            targeted.contains(&format!("<{}>", data.iris.term(kind).as_str())),
            "no shape for {kind}"
        );
    }
}

#[test]
fn dumps_are_deterministic_parse_and_agree() {
    let data = dataset();
    let first = Dumps::build(&data.model, &data.iris).expect("dumps");
    let second = Dumps::build(&data.model, &data.iris).expect("dumps");
    // Parsers normalise language tags to lower case.
    let reference: BTreeSet<String> = rdf::triples(&data.model, &data.iris)
        .iter()
        .map(|t| t.to_string().to_lowercase())
        .collect();
    for (a, b) in first.files.iter().zip(&second.files) {
        assert_eq!(a.bytes, b.bytes, "{} is not deterministic", a.name);
        assert_eq!(a.sha256, rdf::sha256_hex(&a.bytes));
        let parsed: BTreeSet<String> = parse_rdf(&a.bytes, a.format.rdf_format())
            .iter()
            .map(|t| t.to_string().to_lowercase())
            .collect();
        assert_eq!(parsed, reference, "{} holds other triples", a.name);
    }
    let names: Vec<&str> = first.files.iter().map(|f| f.name.as_str()).collect();
    assert_eq!(
        names,
        [
            "sunan-kg.ttl",
            "sunan-kg.nt",
            "sunan-kg.trig",
            "sunan-kg.nq",
            "sunan-kg.jsonld"
        ]
    );
    let jsonld =
        String::from_utf8_lossy(&first.file("sunan-kg.jsonld").expect("jsonld").bytes).into_owned();
    assert!(
        jsonld.starts_with("{\"@context\":{"),
        "a readable @context: {}",
        &jsonld[..200]
    );
    assert!(jsonld.contains("\"sk\":\"https://w3id.org/sunan-kg/ontology#\""));
}

#[test]
fn dataset_version_is_a_digest_of_the_content() {
    let data = dataset();
    let version = rdf::dataset_version(&data.model).expect("version");
    assert_eq!(version.len(), 12);
    assert!(version.chars().all(|c| c.is_ascii_hexdigit()));
    assert_eq!(rdf::dataset_version(&data.model).expect("version"), version);
    // The CLI prints the same.
    let output = Command::new(env!("CARGO_BIN_EXE_sunan-kg"))
        .arg("dataset-version")
        .output()
        .expect("runs");
    assert_eq!(String::from_utf8_lossy(&output.stdout).trim(), version);
}
