//! Integration tests, in one binary so that it links once. Each module covers one surface.

mod cli;
mod common;
mod data;
mod docs_queries;
mod graphql;
mod linked_data;
mod loader;
mod projections;
mod publication;
mod questions;
mod schema;
mod sparql;
mod sparql_docs;
