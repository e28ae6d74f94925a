//! sunan-kg: a knowledge graph of the innovation policy of southern Jiangsu, built from curated
//! data files (`graph-data/`) and served through GraphQL and SPARQL.
//!
//! The flow is one-way: [`DataFiles`] → [`load`] → [`Model`] → projections ([`rdf::build_store`]
//! for SPARQL and dumps, [`KnowledgeGraph`] for traversal) → [`server::app`].

pub mod analytics;
pub mod cite;
pub mod coverage;
pub mod data;
pub mod dataset;
pub mod draft;
pub mod excerpt;
pub mod export;
pub mod graph;
pub mod graphql;
pub mod memory;
pub mod model;
pub mod names;
pub mod rdf;
pub mod report;
pub mod search;
pub mod server;
pub mod sparql;
pub mod statistics;
pub mod vocabulary;

pub use data::{DataFiles, LoadError, Problem, load};
pub use dataset::{Dataset, SharedDataset};
pub use graph::KnowledgeGraph;
pub use model::{Entity, EntityIndex, Evidence, Model, Relation};
pub use vocabulary::Vocabulary;
