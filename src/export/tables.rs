//! The CSV tables: node and edge lists of the agency network, the instrument coding (one
//! row per code) and the matrices researchers load into UCINET or a spreadsheet.

use super::csv::{Column, Datatype, Table};
use super::networks::ids_joined;
use crate::analytics::{self, AgencyNetwork, Level};
use crate::model::{Details, EntityIndex, Model};

/// One row per agency of the network, with its centralities.
pub fn agency_nodes(model: &Model, network: &AgencyNetwork) -> Table {
    let columns = vec![
        Column::new("id", "Entity id", Datatype::String),
        Column::new("name", "Name", Datatype::String),
        Column::new("kind", "Entity kind", Datatype::String),
        Column::new("collective", "A collective party", Datatype::Boolean),
        Column::new(
            "provisions",
            "Provisions responsible for",
            Datatype::Integer,
        ),
        Column::new("degree", "Degree", Datatype::Integer),
        Column::new("weighted_degree", "Weighted degree", Datatype::Integer),
        Column::new(
            "betweenness",
            "Betweenness (normalised, unweighted)",
            Datatype::Number,
        ),
        Column::new(
            "closeness",
            "Closeness (Wasserman-Faust, unweighted)",
            Datatype::Number,
        ),
        Column::new(
            "eigenvector",
            "Eigenvector centrality (weighted)",
            Datatype::Number,
        ),
        Column::new("community", "Louvain community", Datatype::Integer),
    ];
    let rows = network
        .nodes
        .iter()
        .map(|n| {
            let entity = &model.entities[n.entity];
            vec![
                entity.id.clone(),
                entity.name.clone(),
                entity.kind.clone(),
                n.collective.to_string(),
                n.provisions.to_string(),
                n.degree.to_string(),
                n.weighted_degree.to_string(),
                n.betweenness.to_string(),
                n.closeness.to_string(),
                n.eigenvector.map(|e| e.to_string()).unwrap_or_default(),
                n.community.to_string(),
            ]
        })
        .collect();
    Table { columns, rows }
}

/// One row per pair of agencies, with its weight and the provisions behind it.
pub fn agency_edges(model: &Model, network: &AgencyNetwork) -> Table {
    let columns = vec![
        Column::new("source", "Entity id of one agency", Datatype::String),
        Column::new("target", "Entity id of the other agency", Datatype::String),
        Column::new(
            "weight",
            "Number of provisions both are responsible for",
            Datatype::Integer,
        ),
        Column::new("source_name", "Name of one agency", Datatype::String),
        Column::new("target_name", "Name of the other agency", Datatype::String),
        Column::new(
            "provisions",
            "Ids of the shared provisions, separated by ;",
            Datatype::String,
        ),
    ];
    let rows = network
        .edges
        .iter()
        .map(|e| {
            let source = &model.entities[network.nodes[e.source].entity];
            let target = &model.entities[network.nodes[e.target].entity];
            vec![
                source.id.clone(),
                target.id.clone(),
                e.weight().to_string(),
                source.name.clone(),
                target.name.clone(),
                ids_joined(model, &e.provisions),
            ]
        })
        .collect();
    Table { columns, rows }
}

/// The agency × agency matrix of shared provisions (the diagonal holds each agency's own
/// number of provisions), headed by entity ids.
pub fn agency_matrix(model: &Model, network: &AgencyNetwork) -> Table {
    let n = network.nodes.len();
    let mut cells = vec![vec![0usize; n]; n];
    for (i, node) in network.nodes.iter().enumerate() {
        cells[i][i] = node.provisions;
    }
    for e in &network.edges {
        cells[e.source][e.target] = e.weight();
        cells[e.target][e.source] = e.weight();
    }
    let mut columns = vec![Column::new(
        "agency",
        "Entity id of the agency",
        Datatype::String,
    )];
    columns.extend(network.nodes.iter().map(|node| {
        let entity = &model.entities[node.entity];
        Column::new(&entity.id, &entity.name, Datatype::Integer)
    }));
    let rows = network
        .nodes
        .iter()
        .zip(cells)
        .map(|(node, row)| {
            std::iter::once(model.entities[node.entity].id.clone())
                .chain(row.into_iter().map(|c| c.to_string()))
                .collect()
        })
        .collect();
    Table { columns, rows }
}

/// The instrument coding, one row per code.
pub fn instrument_codes(model: &Model) -> Table {
    let columns = vec![
        Column::new("document_id", "Document id", Datatype::String),
        Column::new("year", "Year of the document", Datatype::Integer),
        Column::new("region_id", "Region the document governs", Datatype::String),
        Column::new("provision_id", "Task or section id", Datatype::String),
        Column::new("provision_kind", "Task or Section", Datatype::String),
        Column::new("number", "Number as printed", Datatype::String),
        Column::new("title", "Title of the task or section", Datatype::String),
        Column::new(
            "type",
            "Instrument type (supply, environment, demand)",
            Datatype::String,
        ),
        Column::new("tool", "Instrument tool id", Datatype::String),
        Column::new("tool_zh", "Tool, in Chinese", Datatype::String),
        Column::new("tool_en", "Tool, in English", Datatype::String),
        Column::new("cue", "The words that decide the code", Datatype::String),
        Column::new(
            "quote",
            "The provision's words containing the cue",
            Datatype::String,
        ),
        Column::new(
            "agencies",
            "Ids of the bodies acting in the provision, separated by ;",
            Datatype::String,
        ),
        Column::new("note", "Curator's note", Datatype::String),
    ];
    let instruments = &model.instruments;
    let rows = instruments
        .codes
        .iter()
        .map(|code| {
            let document = &model.entities[code.document];
            let details = match &document.details {
                Details::Document(d) => Some(d),
                _ => None,
            };
            let provision = &model.entities[code.provision];
            let number = match &provision.details {
                Details::Task(p) | Details::Section(p) => p.number.clone(),
                _ => String::new(),
            };
            let tool = &instruments.tools[code.tool];
            vec![
                document.id.clone(),
                details
                    .and_then(|d| d.year())
                    .map(|y| y.to_string())
                    .unwrap_or_default(),
                details
                    .map(|d| model.entities[d.region].id.clone())
                    .unwrap_or_default(),
                provision.id.clone(),
                provision.kind.clone(),
                number,
                provision.name.clone(),
                instruments.types[tool.type_index].id.clone(),
                tool.id.clone(),
                tool.zh.clone(),
                tool.en.clone(),
                code.cue.clone(),
                code.quote.clone(),
                ids_joined(model, &model.acting_bodies(code.provision)),
                code.note.clone().unwrap_or_default(),
            ]
        })
        .collect();
    Table { columns, rows }
}

/// The instrument × document matrix: one row per type or tool, one column per document.
pub fn instrument_document_matrix(model: &Model, level: Level) -> Table {
    let table = analytics::table(model, analytics::Dimension::Document, level, None);
    let instruments = &model.instruments;
    let documents: Vec<EntityIndex> = model.documents().map(|(i, _)| i).collect();
    let mut columns = vec![
        Column::new("instrument", "Type or tool id", Datatype::String),
        Column::new("label_en", "Type or tool, in English", Datatype::String),
    ];
    columns.extend(documents.iter().map(|&d| {
        let entity = &model.entities[d];
        Column::new(&entity.id, &entity.name, Datatype::Integer)
    }));
    columns.push(Column::new("total", "All documents", Datatype::Integer));
    let rows = table
        .columns
        .iter()
        .enumerate()
        .map(|(position, &concept)| {
            let concept = match level {
                Level::Type => &instruments.types[concept],
                Level::Tool => &instruments.tools[concept],
            };
            let counts: Vec<usize> = documents
                .iter()
                .map(|&d| {
                    table
                        .rows
                        .iter()
                        .find(|r| r.key == analytics::RowKey::Entity(d))
                        .map_or(0, |r| r.cells[position].len())
                })
                .collect();
            let total: usize = counts.iter().sum();
            [concept.id.clone(), concept.en.clone()]
                .into_iter()
                .chain(counts.iter().map(|c| c.to_string()))
                .chain(std::iter::once(total.to_string()))
                .collect()
        })
        .collect();
    Table { columns, rows }
}

/// The entity × document matrix: one row per named entity, the number of quotes in which
/// each document names it.
pub fn entity_document_matrix(model: &Model) -> Table {
    let documents: Vec<EntityIndex> = model.documents().map(|(i, _)| i).collect();
    let mut columns = vec![
        Column::new("id", "Entity id", Datatype::String),
        Column::new("name", "Name", Datatype::String),
        Column::new("kind", "Entity kind", Datatype::String),
    ];
    columns.extend(documents.iter().map(|&d| {
        let entity = &model.entities[d];
        Column::new(&entity.id, &entity.name, Datatype::Integer)
    }));
    columns.push(Column::new(
        "documents",
        "Number of documents naming it",
        Datatype::Integer,
    ));
    let rows = (0..model.entities.len())
        .filter(|&e| model.is_named(e))
        .map(|e| {
            let entity = &model.entities[e];
            let counts: Vec<usize> = documents
                .iter()
                .map(|&d| entity.evidence.iter().filter(|ev| ev.document == d).count())
                .collect();
            let naming = counts.iter().filter(|&&c| c > 0).count();
            [entity.id.clone(), entity.name.clone(), entity.kind.clone()]
                .into_iter()
                .chain(counts.iter().map(|c| c.to_string()))
                .chain(std::iter::once(naming.to_string()))
                .collect()
        })
        .collect();
    Table { columns, rows }
}
