//! Every error a client can get from the GraphQL schema carries `extensions.code` from the
//! documented list, a `path` when it belongs to a field, and leaves sibling fields answered.

use std::time::Duration;

use async_graphql::Value;
use sunan_kg::graphql::{Limits, QueryCache, build_schema, build_schema_with};

use crate::common::dataset;

/// (what, query, expected code, expected path when the error belongs to a field).
const TABLE: &[(&str, &str, &str, Option<&str>)] = &[
    (
        "unknown id",
        r#"{ a: entity(id: "sukedai") { id } b: entity(id: "nope") { id } }"#,
        "NOT_FOUND",
        Some("b"),
    ),
    (
        "unknown id among nodes",
        r#"{ nodes(ids: ["sukedai", "nope"]) { id } }"#,
        "NOT_FOUND",
        Some("nodes.1"),
    ),
    (
        "wrong kind of agency",
        r#"{ tasks(agency: "sukedai") { totalCount } }"#,
        "BAD_ARGUMENT",
        Some("tasks"),
    ),
    (
        "wrong kind of region",
        r#"{ targets(region: "sukedai") { id } }"#,
        "BAD_ARGUMENT",
        Some("targets"),
    ),
    (
        "wrong kind of document",
        r#"{ agencyNetwork(document: "sukedai") { modularity } }"#,
        "BAD_ARGUMENT",
        Some("agencyNetwork"),
    ),
    (
        "page too large",
        r#"{ entities(first: 1000) { totalCount } }"#,
        "BAD_ARGUMENT",
        Some("entities"),
    ),
    (
        "unknown instrument",
        r#"{ instrumentCodes(instrument: "subsidies") { cue } }"#,
        "BAD_ARGUMENT",
        Some("instrumentCodes"),
    ),
    (
        "parse error",
        r#"{ entity(id: "#,
        "GRAPHQL_PARSE_FAILED",
        None,
    ),
    (
        "unknown field",
        r#"{ noSuchField }"#,
        "GRAPHQL_VALIDATION_FAILED",
        None,
    ),
    (
        "missing variable",
        r#"query($id: ID!) { entity(id: $id) { id } }"#,
        "BAD_VARIABLES",
        None,
    ),
    (
        "too costly",
        r#"{ entities(first: 100) { nodes { relations(first: 100) { nodes { object { relations(first: 100) { totalCount } } } } } } }"#,
        "LIMIT_EXCEEDED",
        None,
    ),
];

fn code_of(error: &async_graphql::ServerError) -> Option<String> {
    match error.extensions.as_ref()?.get("code")? {
        Value::String(code) => Some(code.clone()),
        _ => None,
    }
}

fn path_of(error: &async_graphql::ServerError) -> String {
    error
        .path
        .iter()
        .map(|segment| match segment {
            async_graphql::PathSegment::Field(name) => name.clone(),
            async_graphql::PathSegment::Index(index) => index.to_string(),
        })
        .collect::<Vec<_>>()
        .join(".")
}

#[tokio::test]
async fn each_error_has_its_code_its_path_and_appears_once() {
    let schema = build_schema(dataset());
    for &(what, query, code, path) in TABLE {
        let response = schema.execute(query).await;
        assert_eq!(response.errors.len(), 1, "{what}: {:?}", response.errors);
        let error = &response.errors[0];
        assert_eq!(code_of(error).as_deref(), Some(code), "{what}: {error:?}");
        assert!(!error.message.is_empty(), "{what}");
        match path {
            Some(path) => assert_eq!(path_of(error), path, "{what}"),
            None => assert!(error.path.is_empty(), "{what}: {:?}", error.path),
        }
    }
}

#[tokio::test]
async fn a_failing_field_leaves_its_siblings_answered() {
    let schema = build_schema(dataset());
    let response = schema
        .execute(r#"{ a: entity(id: "sukedai") { id } b: entity(id: "nope") { id } c: nodes(ids: ["sukedai", "nope", "changzhou"]) { id } }"#)
        .await;
    let data = response.data.into_json().expect("JSON");
    assert_eq!(data["a"]["id"], "sukedai");
    // Present and null, not left out.
    assert_eq!(data.get("b"), Some(&serde_json::Value::Null), "{data}");
    assert_eq!(data["c"][0]["id"], "sukedai");
    assert!(data["c"][1].is_null());
    assert_eq!(data["c"][2]["id"], "changzhou");
    let codes: Vec<Option<String>> = response.errors.iter().map(code_of).collect();
    assert_eq!(
        codes,
        [Some("NOT_FOUND".to_owned()), Some("NOT_FOUND".to_owned())]
    );
}

#[tokio::test]
async fn a_request_past_its_time_limit_fails_with_timeout_at_a_field() {
    let schema = build_schema_with(
        dataset(),
        Limits {
            time_limit: Duration::ZERO,
        },
        QueryCache::new(),
    );
    let response = schema.execute("{ documents { id } }").await;
    let error = response.errors.first().expect("an error");
    assert_eq!(code_of(error).as_deref(), Some("TIMEOUT"));
    assert!(!error.path.is_empty());
}

#[tokio::test]
async fn the_shape_limits_of_validation_say_which_limit_and_by_how_much() {
    let schema = build_schema(dataset());
    // Twenty levels of single objects: within the cost model and its nesting bound, past
    // the depth limit checked with validation.
    let nested = |levels: usize| {
        format!(
            "{{ __schema {{ types {{ fields {{ type {} {{ name }} {} }} }} }} }}",
            "{ ofType ".repeat(levels),
            "} ".repeat(levels)
        )
    };
    let deep = nested(15);
    let response = schema.execute(deep.as_str()).await;
    assert_eq!(response.errors.len(), 1, "{:?}", response.errors);
    let error = &response.errors[0];
    assert_eq!(
        code_of(error).as_deref(),
        Some("LIMIT_EXCEEDED"),
        "{error:?}"
    );
    assert!(
        error.message.contains(&format!(
            "nested too deep: 20 levels, more than the limit of {}",
            sunan_kg::graphql::MAX_DEPTH
        )),
        "{}",
        error.message
    );
    // Fifteen levels are answered.
    let within = schema.execute(nested(10).as_str()).await;
    assert!(within.is_ok(), "{:?}", within.errors);
}
