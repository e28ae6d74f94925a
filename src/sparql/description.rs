//! The SPARQL 1.1 Service Description of the endpoint, returned by `GET /sparql` without a
//! query: language, result formats, features, the default dataset with its graphs and sizes,
//! and the limits.

use oxigraph::model::{GraphNameRef, Literal, NamedNode, Term, Triple};

use super::SparqlService;
use crate::rdf::{Iris, ns};

/// The description of `service` published at `endpoint`.
pub(super) fn describe_service(service: &SparqlService, endpoint: &NamedNode) -> Vec<Triple> {
    let sd = |local: &str| Iris::standard(ns::SD, local);
    let format = |local: &str| Iris::standard(ns::FORMATS, local);
    let a = Iris::standard(ns::RDF, "type");
    let triples_count = Iris::standard(ns::VOID, "triples");
    let node =
        |fragment: &str| NamedNode::new_unchecked(format!("{}#{fragment}", endpoint.as_str()));
    let mut out: Vec<Triple> = Vec::new();
    let mut add = |s: &NamedNode, p: NamedNode, o: Term| out.push(Triple::new(s.clone(), p, o));

    add(endpoint, a.clone(), sd("Service").into());
    add(endpoint, sd("endpoint"), endpoint.clone().into());
    add(
        endpoint,
        sd("supportedLanguage"),
        sd("SPARQL11Query").into(),
    );
    for name in [
        "SPARQL_Results_JSON",
        "SPARQL_Results_XML",
        "SPARQL_Results_CSV",
        "SPARQL_Results_TSV",
        "Turtle",
        "N-Triples",
        "RDF_XML",
        "JSON-LD",
        "TriG",
        "N-Quads",
    ] {
        add(endpoint, sd("resultFormat"), format(name).into());
    }
    add(endpoint, sd("feature"), sd("UnionDefaultGraph").into());
    add(
        endpoint,
        sd("defaultEntailmentRegime"),
        NamedNode::new_unchecked("http://www.w3.org/ns/entailment/Simple").into(),
    );
    let limits = service.limits();
    add(
        endpoint,
        Iris::standard(ns::RDFS, "comment"),
        crate::rdf::lang_literal(
            format!(
                "Read only: SPARQL Update and SERVICE are refused. A query is cancelled after {} s; an answer holds at most {} results. The default graph is the merge of the named graphs.",
                limits.timeout.as_secs_f64(),
                limits.max_results
            ),
            "en",
        )
        .into(),
    );
    let dataset = node("dataset");
    let default_graph = node("default-graph");
    add(endpoint, sd("defaultDataset"), dataset.clone().into());
    add(&dataset, a.clone(), sd("Dataset").into());
    add(&dataset, sd("defaultGraph"), default_graph.clone().into());
    add(&default_graph, a.clone(), sd("Graph").into());
    let size = |graph: GraphNameRef<'_>| {
        service
            .store()
            .quads_for_pattern(None, None, None, Some(graph))
            .count()
    };
    let total: usize = if service.graphs().is_empty() {
        size(GraphNameRef::DefaultGraph)
    } else {
        service
            .graphs()
            .iter()
            .map(|g| size(g.as_ref().into()))
            .sum()
    };
    add(&default_graph, triples_count.clone(), integer(total));
    for (index, graph) in service.graphs().iter().enumerate() {
        let named = node(&format!("named-graph-{}", index + 1));
        let content = node(&format!("graph-{}", index + 1));
        add(&dataset, sd("namedGraph"), named.clone().into());
        add(&named, a.clone(), sd("NamedGraph").into());
        add(&named, sd("name"), graph.clone().into());
        add(&named, sd("graph"), content.clone().into());
        add(&content, a.clone(), sd("Graph").into());
        add(
            &content,
            triples_count.clone(),
            integer(size(graph.as_ref().into())),
        );
    }
    out
}

fn integer(n: usize) -> Term {
    Literal::new_typed_literal(n.to_string(), Iris::standard(ns::XSD, "integer")).into()
}
