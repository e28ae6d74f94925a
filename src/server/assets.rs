//! Static files compiled into the binary (`assets/`): the GraphiQL page and vendored scripts.

use axum::extract::Path;
use axum::http::header;
use axum::response::{IntoResponse, Response};
use include_dir::{Dir, include_dir};

use super::ServerError;

static ASSETS: Dir<'static> = include_dir!("$CARGO_MANIFEST_DIR/assets");

/// The GraphiQL page, which loads its scripts from `/assets`.
pub fn graphiql_page() -> &'static str {
    ASSETS
        .get_file("graphiql.html")
        .and_then(|f| f.contents_utf8())
        .unwrap_or("GraphiQL page missing from this build")
}

/// `GET /assets/{*path}`.
pub async fn get(Path(path): Path<String>) -> Result<Response, ServerError> {
    let file = ASSETS
        .get_file(&path)
        .filter(|_| !path.contains(".."))
        .ok_or_else(|| ServerError::NotFound(format!("no asset {path:?}")))?;
    // Vendored files change only with their version; the project's own scripts may change with
    // any release, so browsers revalidate them rather than run stale code.
    let cache = if path.starts_with("vendor/") {
        "public, max-age=86400"
    } else {
        "no-cache"
    };
    Ok((
        [
            (header::CONTENT_TYPE, content_type(&path)),
            (header::CACHE_CONTROL, cache),
        ],
        file.contents(),
    )
        .into_response())
}

/// The project's icon, which every page links to.
const FAVICON: &str = "explorer/favicon.svg";

/// `GET /favicon.ico`, asked for by browsers on pages that link no icon: the project's SVG
/// icon, which browsers accept at that address when it comes with its media type.
pub async fn favicon() -> Result<Response, ServerError> {
    get(Path(FAVICON.to_owned())).await
}

fn content_type(path: &str) -> &'static str {
    match path.rsplit('.').next().unwrap_or("") {
        "html" => "text/html; charset=utf-8",
        "js" | "mjs" => "text/javascript; charset=utf-8",
        "css" => "text/css; charset=utf-8",
        "json" => "application/json",
        "svg" => "image/svg+xml",
        "png" => "image/png",
        "md" | "txt" => "text/plain; charset=utf-8",
        _ => "application/octet-stream",
    }
}
