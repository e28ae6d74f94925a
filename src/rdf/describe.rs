//! The description of one resource of ours, as served at its IRI: its own triples, the
//! statement nodes and references hanging off it (so the evidence travels with it), and the
//! triples of other entities that point at it.

use oxigraph::model::{GraphNameRef, NamedNode, NamedNodeRef, NamedOrBlankNodeRef, Term, Triple};
use oxigraph::store::Store;

use super::RdfError;
use super::iri::Iris;

/// The triples that describe `resource`, or an empty list when the graph says nothing about it.
/// Order: its own triples, then those of its statements and their references (depth first),
/// then incoming triples from entities, each in store order.
pub fn describe(store: &Store, iris: &Iris, resource: &NamedNode) -> Result<Vec<Triple>, RdfError> {
    let mut out = Vec::new();
    let data_graph = iris.data_graph();
    let graph = GraphNameRef::NamedNode(data_graph.as_ref());
    let own = subject_triples(store, graph, resource.as_ref())?;
    if own.is_empty() {
        return Ok(out);
    }
    let statement_prefix = format!("{}statement/", iris.base());
    let reference_prefix = format!("{}reference/", iris.base());
    let is_evidence = |term: &Term| match term {
        Term::NamedNode(node) => {
            node.as_str().starts_with(&statement_prefix)
                || node.as_str().starts_with(&reference_prefix)
        }
        _ => false,
    };
    let mut pending: Vec<NamedNode> = own
        .iter()
        .filter(|t| is_evidence(&t.object))
        .filter_map(|t| match &t.object {
            Term::NamedNode(node) => Some(node.clone()),
            _ => None,
        })
        .rev()
        .collect();
    out.extend(own);
    // Statements lead to references, references to nothing of ours: the walk ends quickly.
    while let Some(node) = pending.pop() {
        let triples = subject_triples(store, graph, node.as_ref())?;
        pending.extend(
            triples
                .iter()
                .rev()
                .filter(|t| is_evidence(&t.object))
                .filter_map(|t| match &t.object {
                    Term::NamedNode(n) => Some(n.clone()),
                    _ => None,
                }),
        );
        out.extend(triples);
    }
    let entity_ns = iris.entity_ns();
    for quad in store.quads_for_pattern(None, None, Some(resource.as_ref().into()), Some(graph)) {
        let quad = quad?;
        let from_entity = matches!(&quad.subject, oxigraph::model::NamedOrBlankNode::NamedNode(n) if n.as_str().starts_with(&entity_ns));
        if from_entity && quad.subject.as_ref() != NamedOrBlankNodeRef::from(resource.as_ref()) {
            out.push(Triple::from(quad));
        }
    }
    Ok(out)
}

fn subject_triples(
    store: &Store,
    graph: GraphNameRef<'_>,
    subject: NamedNodeRef<'_>,
) -> Result<Vec<Triple>, RdfError> {
    store
        .quads_for_pattern(Some(subject.into()), None, None, Some(graph))
        .map(|quad| quad.map(Triple::from).map_err(RdfError::from))
        .collect()
}
