//! The explorer: a single-page application for people who do not write queries. The same page
//! answers `/` and every deep link under `/explore/` (an entity, a graph, a path, a document …),
//! so that each view can be bookmarked; its scripts and styles are embedded assets under
//! `/assets/explorer/`, and all its data comes from the public GraphQL API.

use axum::Router;
use axum::http::header;
use axum::response::{Html, IntoResponse};
use axum::routing::get;

use super::AppState;

/// The page itself; the router in `assets/explorer/app.js` draws the view the URL names.
const PAGE: &str = include_str!("../../assets/explorer/index.html");

/// `/`, `/explore` and `/explore/{*view}`.
pub fn routes() -> Router<AppState> {
    Router::new()
        .route("/", get(page))
        .route("/explore", get(page))
        .route("/explore/", get(page))
        .route("/explore/{*view}", get(page))
}

async fn page() -> impl IntoResponse {
    // The page is small: have browsers revalidate it rather than keep an old one.
    ([(header::CACHE_CONTROL, "no-cache")], Html(PAGE))
}
