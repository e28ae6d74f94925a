//! The shell of the HTML pages and escaping.

use axum::http::{HeaderValue, header};
use axum::response::{IntoResponse, Response};

/// Escapes text for HTML content and attribute values (as for XML: the same five characters).
pub fn escape(text: &str) -> String {
    crate::export::escape_markup(text)
}

/// A complete HTML page around `body` (already escaped), with `Vary: Accept`.
pub fn html_page(title: &str, body: &str) -> Response {
    let page = format!(
        r#"<!doctype html>
<html lang="zh-Hans"><head><meta charset="utf-8"><title>{title}</title>
<meta name="viewport" content="width=device-width, initial-scale=1">
<style>
body {{ font-family: system-ui, sans-serif; max-width: 60rem; margin: 2rem auto; padding: 0 1rem; line-height: 1.5; }}
code, pre {{ background: #f4f4f4; padding: 0 .2em; }} pre {{ padding: .5em; overflow-x: auto; }}
table {{ border-collapse: collapse; }} td, th {{ border-bottom: 1px solid #ddd; padding: .2em .6em; text-align: left; vertical-align: top; }}
blockquote {{ margin: .2em 0 .2em 1em; color: #333; border-left: 3px solid #ccc; padding-left: .6em; }}
small {{ color: #666; }}
</style></head>
<body>
{body}
</body></html>
"#,
        title = escape(title),
    );
    (
        [
            (
                header::CONTENT_TYPE,
                HeaderValue::from_static("text/html; charset=utf-8"),
            ),
            (header::VARY, HeaderValue::from_static("accept")),
        ],
        page,
    )
        .into_response()
}
