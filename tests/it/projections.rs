//! The RDF store and the petgraph graph hold the same entities and relations as the model.

use std::collections::BTreeSet;

use oxigraph::model::Term;
use petgraph::visit::EdgeRef;

use crate::common::dataset;

fn select_pairs(query: &str) -> BTreeSet<(String, String)> {
    let data = dataset();
    let solutions = crate::common::select(&data, query);
    solutions
        .into_iter()
        .map(|s| {
            let text = |name: &str| match s.get(name) {
                Some(Term::NamedNode(n)) => n.as_str().to_owned(),
                Some(Term::Literal(l)) => l.value().to_owned(),
                other => panic!("unexpected {other:?}"),
            };
            (text("a"), text("b"))
        })
        .collect()
}

#[test]
fn rdf_and_petgraph_hold_the_same_entities() {
    let data = dataset();
    let ontology = data.iris.ontology_ns();
    let rdf: BTreeSet<(String, String)> = select_pairs(&format!(
        "SELECT ?a ?b WHERE {{ ?e <{ontology}id> ?a ; a ?class . FILTER(STRSTARTS(STR(?class), \"{ontology}\")) BIND(STRAFTER(STR(?class), \"#\") AS ?b) }}"
    ));
    let graph: BTreeSet<(String, String)> = data
        .graph
        .graph()
        .node_weights()
        .map(|&i| {
            let e = &data.model.entities[i];
            (e.id.clone(), e.kind.clone())
        })
        .collect();
    assert_eq!(rdf.len(), data.model.entities.len());
    assert_eq!(rdf, graph);
}

#[test]
fn rdf_and_petgraph_hold_the_same_relations() {
    let data = dataset();
    let model = &data.model;
    let graph: BTreeSet<(String, String)> = data
        .graph
        .graph()
        .edge_references()
        .map(|edge| {
            let relation = &model.relations[*edge.weight()];
            assert_eq!(edge.source().index(), relation.subject);
            assert_eq!(edge.target().index(), relation.object);
            (
                data.iris
                    .entity(&model.entities[relation.subject].id)
                    .as_str()
                    .to_owned(),
                format!(
                    "{}|{}",
                    relation.kind,
                    data.iris
                        .entity(&model.entities[relation.object].id)
                        .as_str()
                ),
            )
        })
        .collect();
    assert_eq!(graph.len(), model.relations.len());
    // Every relation is a direct triple between two entities (instrument-code nodes, whose
    // IRIs are fragments of their provision's, are not entities) …
    let ontology = data.iris.ontology_ns();
    let entity_ns = data.iris.entity_ns();
    let statement_ns = data.iris.statement_value_ns();
    let direct = select_pairs(&format!(
        "SELECT ?a ?b WHERE {{
            ?a ?direct ?object .
            FILTER(STRSTARTS(STR(?direct), \"{ontology}\") && STRSTARTS(STR(?object), \"{entity_ns}\")
                   && STRSTARTS(STR(?a), \"{entity_ns}\") && ?direct != <{ontology}Statement>
                   && !CONTAINS(STR(?a), \"#\") && !CONTAINS(STR(?object), \"#\"))
            BIND(CONCAT(STRAFTER(STR(?direct), \"#\"), \"|\", STR(?object)) AS ?b)
        }}"
    ));
    assert_eq!(direct, graph);
    // … and a statement node with at least one reference.
    let rdf = select_pairs(&format!(
        "SELECT DISTINCT ?a ?b WHERE {{
            ?statement a <{ontology}Statement> ; ?value ?object ; <http://www.w3.org/ns/prov#wasDerivedFrom> ?reference .
            FILTER(STRSTARTS(STR(?value), \"{statement_ns}\"))
            ?a ?link ?statement .
            BIND(CONCAT(STRAFTER(STR(?value), \"{statement_ns}\"), \"|\", STR(?object)) AS ?b)
        }}"
    ));
    assert_eq!(rdf, graph);
}
