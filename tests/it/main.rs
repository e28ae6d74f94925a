//! Integration tests, in one binary so that it links once. Each module covers one surface.

mod cli;
mod common;
mod data;
mod graphql;
mod loader;
mod projections;
mod schema;
mod sparql;
