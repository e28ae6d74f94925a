//! The RDF store holds the same entities and relations as the model, and the model's
//! adjacency, which every traversal walks, holds each relation once at each end.

use std::collections::BTreeSet;

use oxigraph::model::Term;

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
fn rdf_holds_the_entities_of_the_model() {
    let data = dataset();
    let ontology = data.iris.ontology_ns();
    let rdf: BTreeSet<(String, String)> = select_pairs(&format!(
        "SELECT ?a ?b WHERE {{ ?e <{ontology}id> ?a ; a ?class . FILTER(STRSTARTS(STR(?class), \"{ontology}\")) BIND(STRAFTER(STR(?class), \"#\") AS ?b) }}"
    ));
    let graph: BTreeSet<(String, String)> = data
        .model
        .entities
        .iter()
        .map(|e| (e.id.clone(), e.kind.clone()))
        .collect();
    assert_eq!(rdf.len(), data.model.entities.len());
    assert_eq!(rdf, graph);
}

#[test]
fn the_adjacency_holds_each_relation_once_at_each_end() {
    let model = &dataset().model;
    let mut from_subjects = Vec::new();
    let mut from_objects = Vec::new();
    for entity in 0..model.entities.len() {
        for &r in model.outgoing_indexes(entity) {
            assert_eq!(model.relations[r].subject, entity, "relation {r}");
            from_subjects.push(r);
        }
        for &r in model.incoming_indexes(entity) {
            assert_eq!(model.relations[r].object, entity, "relation {r}");
            from_objects.push(r);
        }
    }
    let every: Vec<usize> = (0..model.relations.len()).collect();
    from_subjects.sort_unstable();
    from_objects.sort_unstable();
    assert_eq!(from_subjects, every);
    assert_eq!(from_objects, every);
}

#[test]
fn rdf_holds_the_relations_of_the_model() {
    let data = dataset();
    let model = &data.model;
    let graph: BTreeSet<(String, String)> = model
        .relations
        .iter()
        .map(|relation| {
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
