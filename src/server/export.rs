//! `/export/…`: networks, tables and matrices as files for Gephi, UCINET, spreadsheets,
//! networkx and pandas, at stable URLs that scripts can rely on; `/export` lists them.

use std::collections::HashMap;

use axum::Router;
use axum::extract::{Path, Query, State};
use axum::http::header;
use axum::response::{IntoResponse, Response};
use axum::routing::get;

use super::linked_data::{escape, html_page};
use super::{AppState, ServerError};
use crate::SharedDataset;
use crate::analytics::{AgencyNetwork, Level, NetworkScope};
use crate::export::{self, Network, Table};
use crate::graph::Neighborhood;

/// Most hops a neighbourhood export reaches.
const MAX_HOPS: usize = 3;
/// Most nodes a neighbourhood export holds.
const MAX_NODES: usize = 2_000;

/// Every export: (file name, what it is, which tools open it).
pub const EXPORTS: &[(&str, &str, &str)] = &[
    (
        "agency-network.gexf",
        "Co-responsibility network of agencies, with centralities and communities (?document=ID, ?collective=false)",
        "Gephi, networkx, igraph",
    ),
    (
        "agency-network.graphml",
        "The same network as GraphML",
        "networkx, igraph, yEd, Cytoscape",
    ),
    (
        "agency-network.csv",
        "Its edge list: source, target, weight, shared provisions",
        "Gephi, pandas, Excel",
    ),
    (
        "agency-network-nodes.csv",
        "Its node list with every centrality",
        "Gephi, pandas, Excel",
    ),
    (
        "agency-network.csv-metadata.json",
        "CSVW metadata of the edge list",
        "CSVW validators, csvw (Python)",
    ),
    (
        "agency-network-nodes.csv-metadata.json",
        "CSVW metadata of the node list",
        "CSVW validators, csvw (Python)",
    ),
    (
        "agency-matrix.csv",
        "Agency × agency matrix of shared provisions (?document=ID, ?collective=false)",
        "UCINET, Excel, pandas",
    ),
    (
        "instruments.csv",
        "The instrument coding, one row per code, with its cue and quote",
        "Excel, NVivo, pandas",
    ),
    (
        "instruments.csv-metadata.json",
        "CSVW metadata of the instrument coding",
        "CSVW validators, csvw (Python)",
    ),
    (
        "instrument-document-matrix.csv",
        "Instrument × document counts (?level=type or tool)",
        "Excel, pandas",
    ),
    (
        "entity-document-matrix.csv",
        "Named entity × document: quotes naming each entity",
        "UCINET, Excel, pandas",
    ),
    (
        "graph.gexf",
        "The whole graph, directed, every relation with its kind and basis",
        "Gephi",
    ),
    (
        "graph.graphml",
        "The whole graph as GraphML",
        "networkx, igraph, Cytoscape",
    ),
    (
        "neighborhood.gexf",
        "The neighbourhood of an entity (?id=ID, ?hops=1 to 3)",
        "Gephi",
    ),
    (
        "neighborhood.graphml",
        "The same neighbourhood as GraphML",
        "networkx, igraph",
    ),
];

/// `/export` and `/export/{file}`.
pub fn routes() -> Router<AppState> {
    Router::new()
        .route("/export", get(index))
        .route("/export/", get(index))
        .route("/export/{file}", get(file))
}

async fn index() -> Response {
    let rows: String = EXPORTS
        .iter()
        .map(|(file, what, tools)| {
            format!(
                "<tr><td><a href=\"/export/{file}\"><code>{file}</code></a></td><td>{}</td><td>{}</td></tr>\n",
                escape(what),
                escape(tools)
            )
        })
        .collect();
    let body = format!(
        "<h1>Exports</h1>\n<p>Files for the tools researchers use. Every network and table is built from the same graph the API serves; every code and edge leads back to its quote.</p>\n<table>\n<thead><tr><th>File</th><th>What it holds</th><th>Opens in</th></tr></thead>\n<tbody>\n{rows}</tbody>\n</table>\n"
    );
    html_page("Exports", &body)
}

async fn file(
    State(state): State<AppState>,
    Path(file): Path<String>,
    Query(query): Query<HashMap<String, String>>,
) -> Result<Response, ServerError> {
    let data = &state.dataset;
    let base = format!("{}export/", data.iris.base());
    let csv = |table: Table| -> Result<Response, ServerError> {
        let text = table.to_csv()?;
        Ok(download(
            &file,
            "text/csv; charset=utf-8; header=present",
            text,
        ))
    };
    let metadata = |table: Table, csv_file: &str, title: &str| -> Response {
        let url = format!("{base}{csv_file}");
        let json = table.csvw_metadata(&url, title).to_string();
        download(&file, "application/csvm+json", json)
    };
    match file.as_str() {
        "agency-network.gexf" => Ok(gexf(&file, agencies(data, &query)?.0)),
        "agency-network.graphml" => Ok(graphml(&file, agencies(data, &query)?.0)),
        "agency-network.csv" => csv(export::agency_edges(&data.model, agencies(data, &query)?.1)),
        "agency-network-nodes.csv" => {
            csv(export::agency_nodes(&data.model, agencies(data, &query)?.1))
        }
        "agency-matrix.csv" => csv(export::agency_matrix(
            &data.model,
            agencies(data, &query)?.1,
        )),
        "agency-network.csv-metadata.json" => {
            let table = export::agency_edges(&data.model, agencies(data, &query)?.1);
            Ok(metadata(
                table,
                "agency-network.csv",
                "Co-responsibility network: edges",
            ))
        }
        "agency-network-nodes.csv-metadata.json" => {
            let table = export::agency_nodes(&data.model, agencies(data, &query)?.1);
            Ok(metadata(
                table,
                "agency-network-nodes.csv",
                "Co-responsibility network: nodes",
            ))
        }
        "instruments.csv" => csv(export::instrument_codes(&data.model)),
        "instruments.csv-metadata.json" => {
            let table = export::instrument_codes(&data.model);
            Ok(metadata(
                table,
                "instruments.csv",
                "Policy-instrument coding",
            ))
        }
        "instrument-document-matrix.csv" => {
            let level = match query.get("level").map(String::as_str) {
                None | Some("type") => Level::Type,
                Some("tool") => Level::Tool,
                Some(other) => {
                    let reason = format!("level must be type or tool, not {other:?}");
                    return Err(ServerError::BadRequest(reason));
                }
            };
            csv(export::instrument_document_matrix(&data.model, level))
        }
        "entity-document-matrix.csv" => csv(export::entity_document_matrix(&data.model)),
        "graph.gexf" => Ok(gexf(&file, whole_graph(data))),
        "graph.graphml" => Ok(graphml(&file, whole_graph(data))),
        "neighborhood.gexf" => Ok(gexf(&file, neighborhood(data, &query)?)),
        "neighborhood.graphml" => Ok(graphml(&file, neighborhood(data, &query)?)),
        _ => Err(ServerError::NotFound(format!(
            "no export {file:?}; see /export for the list"
        ))),
    }
}

/// The agency network a query string names (`document`, `collective`), as a file network and
/// as computed.
fn agencies<'a>(
    data: &'a SharedDataset,
    query: &HashMap<String, String>,
) -> Result<(Network, &'a AgencyNetwork), ServerError> {
    let document = match query.get("document") {
        None => None,
        Some(id) => {
            let index = data
                .model
                .index_of(id)
                .filter(|&i| data.model.documents().any(|(d, _)| d == i))
                .ok_or_else(|| ServerError::NotFound(format!("no document has the id {id:?}")))?;
            Some(index)
        }
    };
    let collective = match query.get("collective").map(String::as_str) {
        None | Some("true") => true,
        Some("false") => false,
        Some(other) => {
            let reason = format!("collective must be true or false, not {other:?}");
            return Err(ServerError::BadRequest(reason));
        }
    };
    let network = data
        .analytics
        .network(NetworkScope {
            document,
            collective,
        })
        .ok_or_else(|| {
            ServerError::Internal("the agency network of this scope was not computed")
        })?;
    Ok((Network::of_agencies(&data.model, network), network))
}

fn whole_graph(data: &SharedDataset) -> Network {
    let nodes: Vec<usize> = (0..data.model.entities.len()).collect();
    let relations: Vec<usize> = (0..data.model.relations.len()).collect();
    Network::of_entities(&data.model, &nodes, &relations)
}

fn neighborhood(
    data: &SharedDataset,
    query: &HashMap<String, String>,
) -> Result<Network, ServerError> {
    let id = query
        .get("id")
        .ok_or_else(|| ServerError::BadRequest("give the entity as ?id=ID".to_owned()))?;
    let seed = data
        .model
        .index_of(id)
        .ok_or_else(|| ServerError::NotFound(format!("no entity has the id {id:?}")))?;
    let hops = match query.get("hops") {
        None => 1,
        Some(text) => match text.parse::<usize>() {
            Ok(hops) if (1..=MAX_HOPS).contains(&hops) => hops,
            _ => {
                let reason = format!("hops must be a whole number from 1 to {MAX_HOPS}");
                return Err(ServerError::BadRequest(reason));
            }
        },
    };
    let vocabulary = &data.model.vocabulary;
    let found: Neighborhood = data.graph.neighborhood(
        &data.model,
        &[seed],
        hops,
        MAX_NODES,
        |r| !vocabulary.is_structural(&data.model.relations[r].kind),
        |_| true,
    );
    Ok(Network::of_entities(
        &data.model,
        &found.nodes,
        &found.edges,
    ))
}

fn gexf(file: &str, network: Network) -> Response {
    download(
        file,
        "application/gexf+xml; charset=utf-8",
        network.to_gexf(),
    )
}

fn graphml(file: &str, network: Network) -> Response {
    download(
        file,
        "application/graphml+xml; charset=utf-8",
        network.to_graphml(),
    )
}

fn download(file: &str, content_type: &'static str, body: String) -> Response {
    (
        [
            (header::CONTENT_TYPE, content_type.to_owned()),
            (
                header::CONTENT_DISPOSITION,
                format!("inline; filename=\"{file}\""),
            ),
            (header::CACHE_CONTROL, "public, max-age=3600".to_owned()),
        ],
        body,
    )
        .into_response()
}
