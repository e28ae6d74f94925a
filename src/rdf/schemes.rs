//! The two SKOS concept schemes the data points into: the policy-instrument code list
//! (`<base>instruments`, types as top concepts, tools narrower) and the measures targets count
//! (`<base>measures`). Both are part of the data graph and are also served on their own.

use oxigraph::model::{Literal, NamedNode, Term, Triple};

use super::iri::{Iris, ns};
use crate::model::Model;

fn skos(local: &str) -> NamedNode {
    Iris::standard(ns::SKOS, local)
}

fn tagged(text: &str, tag: &str) -> Term {
    super::build::lang_literal(text, tag).into()
}

fn add(out: &mut Vec<Triple>, subject: &NamedNode, predicate: NamedNode, object: impl Into<Term>) {
    out.push(Triple::new(subject.clone(), predicate, object.into()));
}

/// A concept of `scheme`: its type, scheme, notation and labels in Chinese and English.
fn labelled_concept(
    out: &mut Vec<Triple>,
    iri: &NamedNode,
    scheme: &NamedNode,
    notation: &str,
    zh: &str,
    en: &str,
) {
    add(out, iri, Iris::standard(ns::RDF, "type"), skos("Concept"));
    add(out, iri, skos("inScheme"), scheme.clone());
    add(
        out,
        iri,
        skos("notation"),
        Literal::new_simple_literal(notation),
    );
    add(out, iri, skos("prefLabel"), tagged(zh, "zh-Hans"));
    add(out, iri, skos("prefLabel"), tagged(en, "en"));
}

/// A concept scheme with its labels in Chinese and English.
fn labelled_scheme(out: &mut Vec<Triple>, scheme: &NamedNode, zh: &str, en: &str) {
    add(
        out,
        scheme,
        Iris::standard(ns::RDF, "type"),
        skos("ConceptScheme"),
    );
    add(out, scheme, skos("prefLabel"), tagged(zh, "zh-Hans"));
    add(out, scheme, skos("prefLabel"), tagged(en, "en"));
}

/// The policy-instrument concept scheme with its types and tools.
pub fn instrument_scheme_triples(model: &Model, iris: &Iris) -> Vec<Triple> {
    let instruments = &model.instruments;
    let scheme = iris.instrument_scheme();
    let mut out = Vec::new();
    labelled_scheme(&mut out, &scheme, &instruments.zh, &instruments.en);
    add(
        &mut out,
        &scheme,
        skos("definition"),
        tagged(&instruments.definition_zh, "zh-Hans"),
    );
    add(
        &mut out,
        &scheme,
        skos("definition"),
        tagged(&instruments.definition_en, "en"),
    );
    add(
        &mut out,
        &scheme,
        Iris::standard(ns::DCTERMS, "source"),
        Literal::new_simple_literal(&instruments.source),
    );
    let concepts = instruments
        .types
        .iter()
        .map(|c| (c, None))
        .chain(instruments.tools.iter().map(|c| {
            let broader = match c.broader {
                Some(tool) => &instruments.tools[tool].id,
                None => &instruments.types[c.type_index].id,
            };
            (c, Some(broader))
        }));
    for (concept, broader) in concepts {
        let iri = iris.instrument(&concept.id);
        labelled_concept(
            &mut out,
            &iri,
            &scheme,
            &concept.id,
            &concept.zh,
            &concept.en,
        );
        let definitions = [
            (&concept.definition_zh, "zh-Hans"),
            (&concept.definition_en, "en"),
        ];
        for (definition, tag) in definitions {
            add(&mut out, &iri, skos("definition"), tagged(definition, tag));
        }
        match broader {
            None => {
                add(&mut out, &iri, skos("topConceptOf"), scheme.clone());
                add(&mut out, &scheme, skos("hasTopConcept"), iri.clone());
            }
            Some(broader) => add(&mut out, &iri, skos("broader"), iris.instrument(broader)),
        }
    }
    out
}

/// The measures concept scheme.
pub fn measure_scheme_triples(model: &Model, iris: &Iris) -> Vec<Triple> {
    let scheme = iris.measure_scheme();
    let mut out = Vec::new();
    labelled_scheme(
        &mut out,
        &scheme,
        "量化目标的衡量对象",
        "What quantitative targets measure",
    );
    for measure in &model.measures {
        let iri = iris.measure(&measure.id);
        labelled_concept(
            &mut out,
            &iri,
            &scheme,
            &measure.id,
            &measure.zh,
            &measure.en,
        );
        add(&mut out, &iri, skos("topConceptOf"), scheme.clone());
        add(&mut out, &scheme, skos("hasTopConcept"), iri.clone());
        add(
            &mut out,
            &iri,
            skos("definition"),
            tagged(&measure.definition_en, "en"),
        );
        if let Some(note) = &measure.note {
            add(&mut out, &iri, skos("scopeNote"), tagged(note, "en"));
        }
    }
    out
}
