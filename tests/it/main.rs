//! Integration tests, in one binary so that it links once. Each module covers one surface.

mod cli;
mod common;
mod data;
mod graphql;
mod linked_data;
mod loader;
mod projections;
mod publication;
mod schema;
mod sparql;
mod sparql_docs;
