//! The benchmark suite's reference: the smallest axum server that answers a stored GraphQL
//! request with its stored response bytes, so that the suite can compare sunan-kg's throughput
//! with what the HTTP stack alone can do on the same machine (`benches/suite/`).
//!
//! `limit_server --addr 127.0.0.1:PORT --responses DIR`, where DIR holds pairs `NAME.body`
//! (a request body, byte for byte) and `NAME.response` (the bytes to answer it with). Any
//! request whose body is stored gets 200 with `application/json`; anything else gets 404.

use std::collections::HashMap;
use std::path::PathBuf;
use std::sync::Arc;

use axum::body::Bytes;
use axum::extract::State;
use axum::http::{StatusCode, header};
use axum::response::{IntoResponse, Response};

type Responses = Arc<HashMap<Bytes, Bytes>>;

async fn answer(State(responses): State<Responses>, body: Bytes) -> Response {
    match responses.get(&body) {
        Some(stored) => {
            ([(header::CONTENT_TYPE, "application/json")], stored.clone()).into_response()
        }
        None => StatusCode::NOT_FOUND.into_response(),
    }
}

fn read_responses(dir: &PathBuf) -> anyhow::Result<HashMap<Bytes, Bytes>> {
    let mut responses = HashMap::new();
    for entry in std::fs::read_dir(dir)? {
        let path = entry?.path();
        if path.extension().is_some_and(|e| e == "body") {
            let body = std::fs::read(&path)?;
            let response = std::fs::read(path.with_extension("response"))?;
            responses.insert(Bytes::from(body), Bytes::from(response));
        }
    }
    Ok(responses)
}

#[tokio::main]
async fn main() -> anyhow::Result<()> {
    let mut args = std::env::args().skip(1);
    let (mut addr, mut dir) = (None, None);
    while let Some(flag) = args.next() {
        match flag.as_str() {
            "--addr" => addr = args.next(),
            "--responses" => dir = args.next().map(PathBuf::from),
            other => anyhow::bail!("unknown argument {other}"),
        }
    }
    let (Some(addr), Some(dir)) = (addr, dir) else {
        anyhow::bail!("usage: limit_server --addr ADDR --responses DIR");
    };
    let responses = Arc::new(read_responses(&dir)?);
    let app = axum::Router::new().fallback(answer).with_state(responses);
    let listener = tokio::net::TcpListener::bind(&addr).await?;
    axum::serve(listener, app).await?;
    Ok(())
}
