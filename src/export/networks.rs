//! Networks with typed node and edge attributes, written as GEXF 1.3 (Gephi) and GraphML
//! (networkx, igraph, yEd, Cytoscape).

use std::fmt::Write as _;

use super::xml::escape;
use crate::analytics::AgencyNetwork;
use crate::model::{EntityIndex, Model, RelationIndex};

/// A network to export.
#[derive(Debug, Clone, Default)]
pub struct Network {
    /// Whether edges have a direction.
    pub directed: bool,
    /// The attributes every node has, in order.
    pub node_attributes: Vec<Attribute>,
    /// The attributes every edge has, in order.
    pub edge_attributes: Vec<Attribute>,
    /// The nodes.
    pub nodes: Vec<NetworkNode>,
    /// The edges, between node ids.
    pub edges: Vec<NetworkEdge>,
}

/// A declared attribute.
#[derive(Debug, Clone)]
pub struct Attribute {
    /// Its name (`kind`, `betweenness`).
    pub name: &'static str,
    /// Its type.
    pub kind: AttributeKind,
}

/// The type of an attribute.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum AttributeKind {
    /// Text.
    String,
    /// A whole number.
    Integer,
    /// A real number.
    Double,
    /// True or false.
    Boolean,
}

/// The value of an attribute.
#[derive(Debug, Clone, PartialEq)]
pub enum Value {
    /// Text.
    String(String),
    /// A whole number.
    Integer(i64),
    /// A real number.
    Double(f64),
    /// True or false.
    Boolean(bool),
    /// No value (left out of the file).
    Missing,
}

/// A node: its id, label and one value per node attribute.
#[derive(Debug, Clone)]
pub struct NetworkNode {
    /// The entity id.
    pub id: String,
    /// Its name.
    pub label: String,
    /// One value per [`Network::node_attributes`].
    pub values: Vec<Value>,
}

/// An edge: its ends, weight, label and one value per edge attribute.
#[derive(Debug, Clone)]
pub struct NetworkEdge {
    /// The source node id.
    pub source: String,
    /// The target node id.
    pub target: String,
    /// Its weight.
    pub weight: f64,
    /// Its label (the relation kind).
    pub label: String,
    /// One value per [`Network::edge_attributes`].
    pub values: Vec<Value>,
}

impl AttributeKind {
    fn gexf(self) -> &'static str {
        match self {
            Self::String => "string",
            Self::Integer => "long",
            Self::Double => "double",
            Self::Boolean => "boolean",
        }
    }

    fn graphml(self) -> &'static str {
        match self {
            Self::String => "string",
            Self::Integer => "long",
            Self::Double => "double",
            Self::Boolean => "boolean",
        }
    }
}

impl Value {
    fn text(&self) -> Option<String> {
        match self {
            Self::String(s) => Some(escape(s)),
            Self::Integer(i) => Some(i.to_string()),
            Self::Double(d) => Some(d.to_string()),
            Self::Boolean(b) => Some(b.to_string()),
            Self::Missing => None,
        }
    }
}

impl Network {
    /// The network as GEXF 1.3.
    pub fn to_gexf(&self) -> String {
        let mut out = String::new();
        let kind = if self.directed {
            "directed"
        } else {
            "undirected"
        };
        out.push_str("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n");
        out.push_str("<gexf xmlns=\"http://gexf.net/1.3\" version=\"1.3\">\n");
        out.push_str("  <meta><creator>sunan-kg</creator></meta>\n");
        let _ = writeln!(out, "  <graph defaultedgetype=\"{kind}\" mode=\"static\">");
        for (class, attributes) in [
            ("node", &self.node_attributes),
            ("edge", &self.edge_attributes),
        ] {
            let _ = writeln!(out, "    <attributes class=\"{class}\">");
            for (i, a) in attributes.iter().enumerate() {
                let _ = writeln!(
                    out,
                    "      <attribute id=\"{i}\" title=\"{}\" type=\"{}\"/>",
                    a.name,
                    a.kind.gexf()
                );
            }
            out.push_str("    </attributes>\n");
        }
        out.push_str("    <nodes>\n");
        for node in &self.nodes {
            let _ = writeln!(
                out,
                "      <node id=\"{}\" label=\"{}\">",
                escape(&node.id),
                escape(&node.label)
            );
            gexf_values(&mut out, &node.values);
            out.push_str("      </node>\n");
        }
        out.push_str("    </nodes>\n    <edges>\n");
        for (i, edge) in self.edges.iter().enumerate() {
            let _ = writeln!(
                out,
                "      <edge id=\"{i}\" source=\"{}\" target=\"{}\" weight=\"{}\" label=\"{}\">",
                escape(&edge.source),
                escape(&edge.target),
                edge.weight,
                escape(&edge.label)
            );
            gexf_values(&mut out, &edge.values);
            out.push_str("      </edge>\n");
        }
        out.push_str("    </edges>\n  </graph>\n</gexf>\n");
        out
    }

    /// The network as GraphML, with `label` and `weight` keys besides the attributes.
    pub fn to_graphml(&self) -> String {
        let mut out = String::new();
        out.push_str("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n");
        out.push_str("<graphml xmlns=\"http://graphml.graphdrawing.org/xmlns\">\n");
        out.push_str(
            "  <key id=\"label\" for=\"node\" attr.name=\"label\" attr.type=\"string\"/>\n",
        );
        out.push_str(
            "  <key id=\"elabel\" for=\"edge\" attr.name=\"label\" attr.type=\"string\"/>\n",
        );
        out.push_str(
            "  <key id=\"weight\" for=\"edge\" attr.name=\"weight\" attr.type=\"double\"/>\n",
        );
        for (class, prefix, attributes) in [
            ("node", "n", &self.node_attributes),
            ("edge", "e", &self.edge_attributes),
        ] {
            for (i, a) in attributes.iter().enumerate() {
                let _ = writeln!(
                    out,
                    "  <key id=\"{prefix}{i}\" for=\"{class}\" attr.name=\"{}\" attr.type=\"{}\"/>",
                    a.name,
                    a.kind.graphml()
                );
            }
        }
        let kind = if self.directed {
            "directed"
        } else {
            "undirected"
        };
        let _ = writeln!(out, "  <graph id=\"G\" edgedefault=\"{kind}\">");
        for node in &self.nodes {
            let _ = writeln!(out, "    <node id=\"{}\">", escape(&node.id));
            let _ = writeln!(
                out,
                "      <data key=\"label\">{}</data>",
                escape(&node.label)
            );
            graphml_values(&mut out, "n", &node.values);
            out.push_str("    </node>\n");
        }
        for edge in &self.edges {
            let _ = writeln!(
                out,
                "    <edge source=\"{}\" target=\"{}\">",
                escape(&edge.source),
                escape(&edge.target)
            );
            let _ = writeln!(
                out,
                "      <data key=\"elabel\">{}</data>",
                escape(&edge.label)
            );
            let _ = writeln!(out, "      <data key=\"weight\">{}</data>", edge.weight);
            graphml_values(&mut out, "e", &edge.values);
            out.push_str("    </edge>\n");
        }
        out.push_str("  </graph>\n</graphml>\n");
        out
    }

    /// The agency network, with every centrality as a node attribute and the shared
    /// provisions as an edge attribute.
    pub fn of_agencies(model: &Model, network: &AgencyNetwork) -> Self {
        let id = |position: usize| model.entities[network.nodes[position].entity].id.clone();
        Self {
            directed: false,
            node_attributes: vec![
                attribute("kind", AttributeKind::String),
                attribute("collective", AttributeKind::Boolean),
                attribute("provisions", AttributeKind::Integer),
                attribute("degree", AttributeKind::Integer),
                attribute("weighted_degree", AttributeKind::Integer),
                attribute("betweenness", AttributeKind::Double),
                attribute("closeness", AttributeKind::Double),
                attribute("eigenvector", AttributeKind::Double),
                attribute("community", AttributeKind::Integer),
            ],
            edge_attributes: vec![attribute("provisions", AttributeKind::String)],
            nodes: network
                .nodes
                .iter()
                .map(|n| NetworkNode {
                    id: model.entities[n.entity].id.clone(),
                    label: model.entities[n.entity].name.clone(),
                    values: vec![
                        Value::String(model.entities[n.entity].kind.clone()),
                        Value::Boolean(n.collective),
                        Value::Integer(n.provisions as i64),
                        Value::Integer(n.degree as i64),
                        Value::Integer(n.weighted_degree as i64),
                        Value::Double(n.betweenness),
                        Value::Double(n.closeness),
                        n.eigenvector.map_or(Value::Missing, Value::Double),
                        Value::Integer(n.community as i64),
                    ],
                })
                .collect(),
            edges: network
                .edges
                .iter()
                .map(|e| NetworkEdge {
                    source: id(e.source),
                    target: id(e.target),
                    weight: e.weight() as f64,
                    label: "coResponsible".to_owned(),
                    values: vec![Value::String(ids_joined(model, &e.provisions))],
                })
                .collect(),
        }
    }

    /// Entities and the relations among them, directed, each edge labelled with its kind.
    pub fn of_entities(model: &Model, nodes: &[EntityIndex], relations: &[RelationIndex]) -> Self {
        Self {
            directed: true,
            node_attributes: vec![
                attribute("kind", AttributeKind::String),
                attribute("english", AttributeKind::String),
            ],
            edge_attributes: vec![
                attribute("kind", AttributeKind::String),
                attribute("basis", AttributeKind::String),
                attribute("structural", AttributeKind::Boolean),
                attribute("quotes", AttributeKind::Integer),
            ],
            nodes: nodes
                .iter()
                .map(|&e| {
                    let entity = &model.entities[e];
                    NetworkNode {
                        id: entity.id.clone(),
                        label: entity.name.clone(),
                        values: vec![
                            Value::String(entity.kind.clone()),
                            entity
                                .english
                                .as_ref()
                                .map_or(Value::Missing, |n| Value::String(n.text.clone())),
                        ],
                    }
                })
                .collect(),
            edges: relations
                .iter()
                .map(|&r| {
                    let relation = &model.relations[r];
                    NetworkEdge {
                        source: model.entities[relation.subject].id.clone(),
                        target: model.entities[relation.object].id.clone(),
                        weight: 1.0,
                        label: relation.kind.clone(),
                        values: vec![
                            Value::String(relation.kind.clone()),
                            Value::String(relation.basis().name().to_owned()),
                            Value::Boolean(model.vocabulary.is_structural(&relation.kind)),
                            Value::Integer(relation.evidence.len() as i64),
                        ],
                    }
                })
                .collect(),
        }
    }
}

fn attribute(name: &'static str, kind: AttributeKind) -> Attribute {
    Attribute { name, kind }
}

/// Entity ids separated by `;`.
pub(super) fn ids_joined(model: &Model, entities: &[EntityIndex]) -> String {
    let ids: Vec<&str> = entities
        .iter()
        .map(|&e| model.entities[e].id.as_str())
        .collect();
    ids.join(";")
}

fn gexf_values(out: &mut String, values: &[Value]) {
    let present: Vec<(usize, String)> = values
        .iter()
        .enumerate()
        .filter_map(|(i, v)| v.text().map(|t| (i, t)))
        .collect();
    if present.is_empty() {
        return;
    }
    out.push_str("        <attvalues>\n");
    for (i, text) in present {
        let _ = writeln!(out, "          <attvalue for=\"{i}\" value=\"{text}\"/>");
    }
    out.push_str("        </attvalues>\n");
}

fn graphml_values(out: &mut String, prefix: &str, values: &[Value]) {
    for (i, value) in values.iter().enumerate() {
        if let Some(text) = value.text() {
            let _ = writeln!(out, "      <data key=\"{prefix}{i}\">{text}</data>");
        }
    }
}
