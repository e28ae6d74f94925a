//! What HTTP clients rely on besides GraphQL semantics: the response media type chosen from
//! `Accept`, `400` without `data` for requests that cannot run (with the GraphQL response
//! type), JSON error bodies, compression, and revalidation with `ETag` and `304`.

use reqwest::StatusCode;
use serde_json::{Value, json};

use crate::common::TestServer;

const GRAPHQL_RESPONSE: &str = "application/graphql-response+json";

async fn post(
    server: &TestServer,
    accept: Option<&str>,
    body: Value,
) -> (StatusCode, String, Value) {
    let mut request = server.client.post(server.url("/graphql")).json(&body);
    if let Some(accept) = accept {
        request = request.header("accept", accept);
    }
    let response = request.send().await.expect("response");
    let status = response.status();
    let content_type = response.headers()["content-type"]
        .to_str()
        .expect("ASCII")
        .to_owned();
    let body = response.json().await.expect("a JSON body");
    (status, content_type, body)
}

#[tokio::test]
async fn the_media_type_follows_accept() {
    let server = TestServer::start().await;
    let query = json!({ "query": "{ __typename }" });
    for (accept, expected) in [
        (None, "application/json"),
        (Some("*/*"), "application/json"),
        (Some("application/json"), "application/json"),
        (Some(GRAPHQL_RESPONSE), GRAPHQL_RESPONSE),
        (
            Some("application/graphql-response+json, application/json;q=0.9"),
            GRAPHQL_RESPONSE,
        ),
        (
            Some("application/json, application/graphql-response+json;q=0.5"),
            "application/json",
        ),
    ] {
        let (status, content_type, body) = post(&server, accept, query.clone()).await;
        assert_eq!(status, StatusCode::OK, "{accept:?}");
        assert!(
            content_type.starts_with(expected),
            "{accept:?}: {content_type}"
        );
        assert_eq!(body["data"]["__typename"], "QueryRoot");
    }
    let (status, content_type, body) = post(&server, Some("text/html"), query).await;
    assert_eq!(status, StatusCode::NOT_ACCEPTABLE);
    assert!(content_type.starts_with("application/json"));
    assert_eq!(body["errors"][0]["extensions"]["code"], "BAD_REQUEST");
}

#[tokio::test]
async fn a_request_that_cannot_run_is_400_without_data_for_the_graphql_response_type() {
    let server = TestServer::start().await;
    for (what, body) in [
        ("parse error", json!({ "query": "{ entity(id: " })),
        ("validation error", json!({ "query": "{ noSuchField }" })),
        (
            "variable error",
            json!({ "query": "query($id: ID!) { entity(id: $id) { id } }", "variables": { "id": { "not": "an id" } } }),
        ),
        (
            "missing variable",
            json!({ "query": "query($id: ID!) { entity(id: $id) { id } }" }),
        ),
    ] {
        let (status, _, answer) = post(&server, Some(GRAPHQL_RESPONSE), body.clone()).await;
        assert_eq!(status, StatusCode::BAD_REQUEST, "{what}: {answer}");
        assert!(answer.get("data").is_none(), "{what}: {answer}");
        let errors = answer["errors"].as_array().expect("errors");
        assert!(!errors.is_empty(), "{what}");
        // With plain JSON, legacy clients get 200 and the errors.
        let (status, _, answer) = post(&server, Some("application/json"), body).await;
        assert_eq!(status, StatusCode::OK, "{what}");
        assert!(
            answer["errors"].as_array().is_some_and(|e| !e.is_empty()),
            "{what}"
        );
    }
    let (_, _, answer) = post(
        &server,
        Some(GRAPHQL_RESPONSE),
        json!({ "query": "query($id: ID!) { entity(id: $id) { id } }" }),
    )
    .await;
    assert_eq!(
        answer["errors"][0]["extensions"]["code"], "BAD_VARIABLES",
        "{answer}"
    );
    let (status, _, answer) =
        post(&server, Some(GRAPHQL_RESPONSE), json!({ "variables": {} })).await;
    assert_eq!(status, StatusCode::BAD_REQUEST);
    assert_eq!(answer["errors"][0]["extensions"]["code"], "BAD_REQUEST");
    // A field that fails while the request runs is not a request error: 200 with data.
    let (status, _, answer) = post(
        &server,
        Some(GRAPHQL_RESPONSE),
        json!({ "query": "{ documents { id } tasks(document: \"sukedai\") { totalCount } }" }),
    )
    .await;
    assert_eq!(status, StatusCode::OK, "{answer}");
    assert!(answer.get("data").is_some(), "{answer}");
}

#[tokio::test]
async fn answers_are_compressed_when_the_client_asks() {
    let server = TestServer::start().await;
    for encoding in ["gzip", "br"] {
        let response = server
            .client
            .get(server.url("/graphql?query=%7Bdocuments%7Bid%20name%7D%7D"))
            .header("accept-encoding", encoding)
            .send()
            .await
            .expect("response");
        assert_eq!(response.status(), StatusCode::OK);
        assert_eq!(response.headers()["content-encoding"], encoding);
    }
    let plain = server
        .client
        .get(server.url("/graphql?query=%7Bdocuments%7Bid%7D%7D"))
        .send()
        .await
        .expect("response");
    assert!(plain.headers().get("content-encoding").is_none());
}

#[tokio::test]
async fn cacheable_get_answers_revalidate_with_304() {
    let server = TestServer::start().await;
    for (path, accept) in [
        ("/graphql?query=%7Bdocuments%7Bid%7D%7D", "application/json"),
        ("/id/sukedai", "text/turtle"),
        ("/instruments", "text/html"),
        ("/export/instruments.csv", "*/*"),
    ] {
        let first = server
            .client
            .get(server.url(path))
            .header("accept", accept)
            .send()
            .await
            .expect("response");
        assert_eq!(first.status(), StatusCode::OK, "{path}");
        let tag = first.headers()["etag"].to_str().expect("ASCII").to_owned();
        assert!(first.headers().contains_key("cache-control"), "{path}");
        let again = server
            .client
            .get(server.url(path))
            .header("accept", accept)
            .header("if-none-match", &tag)
            .send()
            .await
            .expect("response");
        assert_eq!(again.status(), StatusCode::NOT_MODIFIED, "{path}");
        assert_eq!(again.headers()["etag"], tag.as_str());
        assert!(again.bytes().await.expect("body").is_empty());
    }
    // An answer with errors is not cacheable, so it carries no tag.
    let failed = server
        .client
        .get(server.url("/graphql?query=%7Bentity(id:%22nope%22)%7Bid%7D%7D"))
        .send()
        .await
        .expect("response");
    assert!(failed.headers().get("etag").is_none());
}

#[tokio::test]
async fn without_the_rdf_store_sparql_and_descriptions_say_so_and_the_rest_is_served() {
    let model = sunan_kg::load(&crate::common::graph_data()).expect("graph-data is valid");
    let iris = sunan_kg::rdf::Iris::new(sunan_kg::rdf::DEFAULT_BASE_IRI).expect("base IRI");
    let dataset = sunan_kg::Dataset::build_with(model, iris, false).expect("dataset builds");
    assert!(dataset.store.is_none());
    let state = sunan_kg::server::AppState::new(dataset, Default::default());
    let server = TestServer::start_with_state(state).await;
    for path in ["/sparql?query=ASK%7B%7D", "/sparql", "/id/sukedai"] {
        let response = server
            .client
            .get(server.url(path))
            .header("accept", "text/turtle")
            .send()
            .await
            .expect("an answer");
        assert_eq!(response.status(), StatusCode::SERVICE_UNAVAILABLE, "{path}");
        let text = response.text().await.expect("text");
        assert!(text.contains("--no-rdf-store"), "{path}: {text}");
    }
    let answer = server
        .graphql("{ entity(id: \"sukedai\") { name } }", json!({}))
        .await;
    assert_eq!(answer["data"]["entity"]["name"], "苏科贷", "{answer}");
    let dump = server
        .client
        .get(server.url("/dump/sunan-kg.nt"))
        .send()
        .await
        .expect("an answer");
    assert_eq!(
        dump.status(),
        StatusCode::OK,
        "dumps are written from the model"
    );
}

#[tokio::test]
async fn graphql_works_over_get_and_in_batches() {
    let server = TestServer::start().await;
    let response = server
        .client
        .get(server.url("/graphql"))
        .query(&[("query", r#"{ entity(id: "sukedai") { name } }"#)])
        .send()
        .await
        .expect("GET");
    let body: Value = response.json().await.expect("json");
    assert_eq!(body["data"]["entity"]["name"], "苏科贷");

    let response = server
        .client
        .post(server.url("/graphql"))
        .json(&json!([
            { "query": r#"{ entity(id: "sukedai") { name } }"# },
            { "query": r#"{ entity(id: "changzhou-kejiaocheng") { name } }"# }
        ]))
        .send()
        .await
        .expect("batch");
    let body: Value = response.json().await.expect("json");
    assert_eq!(body[1]["data"]["entity"]["name"], "常州科教城");

    let page = server
        .client
        .get(server.url("/graphql"))
        .send()
        .await
        .expect("GraphiQL");
    assert!(page.text().await.expect("html").contains("graphiql"));
}
