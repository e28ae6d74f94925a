//! The RDF dataset of a query: from the protocol's `default-graph-uri` and `named-graph-uri`,
//! else from the query's `FROM` and `FROM NAMED`, else the service's default (every graph
//! merged into the default graph, and each one also available by name).

use oxigraph::model::{GraphName, NamedNode, NamedOrBlankNode};
use oxigraph::sparql::QueryDataset;

use super::SparqlError;

/// The graphs a request names with the protocol parameters.
#[derive(Debug, Default, Clone, PartialEq, Eq)]
pub struct DatasetRequest {
    /// `default-graph-uri` values: merged into the default graph.
    pub default_graphs: Vec<String>,
    /// `named-graph-uri` values: the named graphs.
    pub named_graphs: Vec<String>,
}

impl DatasetRequest {
    /// Whether the request names no graph at all.
    pub fn is_empty(&self) -> bool {
        self.default_graphs.is_empty() && self.named_graphs.is_empty()
    }
}

/// Sets `spec` (already holding the query's own `FROM` clauses) for `request`, checking every
/// graph named against the graphs the service holds. A store without named graphs keeps its
/// plain default graph.
pub(super) fn apply(
    spec: &mut QueryDataset,
    request: Option<&DatasetRequest>,
    graphs: &[NamedNode],
) -> Result<(), SparqlError> {
    let known = |iri: &str| -> Result<NamedNode, SparqlError> {
        graphs
            .iter()
            .find(|g| g.as_str() == iri)
            .cloned()
            .ok_or_else(|| SparqlError::UnknownGraph {
                iri: iri.to_owned(),
                known: if graphs.is_empty() {
                    "only its default graph".to_owned()
                } else {
                    graphs
                        .iter()
                        .map(|g| format!("<{}>", g.as_str()))
                        .collect::<Vec<_>>()
                        .join(" and ")
                },
            })
    };
    if let Some(request) = request.filter(|r| !r.is_empty()) {
        // The protocol parameters override the query's FROM clauses (SPARQL 1.1 Protocol
        // §2.1.4); a graph left out of both lists is not in the dataset.
        let default = request
            .default_graphs
            .iter()
            .map(|iri| known(iri).map(GraphName::from))
            .collect::<Result<Vec<_>, _>>()?;
        let named = request
            .named_graphs
            .iter()
            .map(|iri| known(iri).map(NamedOrBlankNode::from))
            .collect::<Result<Vec<_>, _>>()?;
        spec.set_default_graph(default);
        spec.set_available_named_graphs(named);
        return Ok(());
    }
    if !spec.is_default_dataset() {
        // FROM / FROM NAMED in the query.
        for graph in spec.default_graph_graphs().unwrap_or_default() {
            if let GraphName::NamedNode(node) = graph {
                known(node.as_str())?;
            }
        }
        for graph in spec.available_named_graphs().unwrap_or_default() {
            if let NamedOrBlankNode::NamedNode(node) = graph {
                known(node.as_str())?;
            }
        }
        return Ok(());
    }
    if !graphs.is_empty() {
        // The store holds nothing outside these graphs, so their merge is the union of all
        // graphs, which oxigraph evaluates faster than a list of graphs.
        spec.set_default_graph_as_union();
        spec.set_available_named_graphs(
            graphs.iter().cloned().map(NamedOrBlankNode::from).collect(),
        );
    }
    Ok(())
}
