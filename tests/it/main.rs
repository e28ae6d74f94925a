//! Integration tests, in one binary so that it links once. Each module covers one surface.

// The server's allocator, so that SPARQL memory budgets hold in tests as they do in the binary.
#[global_allocator]
static ALLOCATOR: sunan_kg::memory::MeteredAllocator = sunan_kg::memory::MeteredAllocator;

mod actions;
mod analytics;
mod architecture;
mod cli;
mod common;
mod data;
mod docs_queries;
mod draft;
mod errors;
mod fuzz;
mod graphql;
mod hostile;
mod http;
mod linked_data;
mod loader;
mod projections;
mod publication;
mod published_files;
mod query_cache;
mod questions;
mod schema;
mod search_ranking;
mod sparql;
mod sparql_docs;
