//! The cache of prepared queries and Apollo's automatic persisted queries: a repeated query
//! gets the same answer, each set of variables is checked on its own, and a client may send a
//! query's SHA-256 instead of its text once the server has seen the text.

use async_graphql::{Request, Value, Variables};
use sunan_kg::graphql::{CACHE_CAPACITY, Limits, QueryCache, build_schema_with};

use crate::common::{TestServer, dataset};

fn code_of(response: &async_graphql::Response) -> Option<String> {
    let error = response.errors.first()?;
    match error.extensions.as_ref()?.get("code")? {
        Value::String(code) => Some(code.clone()),
        _ => None,
    }
}

fn with_variables(query: &str, variables: serde_json::Value) -> Request {
    Request::new(query).variables(Variables::from_json(variables))
}

#[tokio::test]
async fn a_repeated_query_is_answered_alike_and_each_set_of_variables_is_checked() {
    let cache = QueryCache::new();
    let schema = build_schema_with(dataset(), Limits::default(), cache.clone());
    let query = "{ search(text: \"科教\", first: 3) { entity { id } } statistics { entities } }";
    let first = schema.execute(query).await;
    let again = schema.execute(query).await;
    assert!(first.errors.is_empty(), "{:?}", first.errors);
    assert_eq!(first.data, again.data);
    assert_eq!(cache.len().0, 1, "one prepared document");

    // The same text with other variables: the page size follows the variables, and a
    // variable of the wrong type or a page that breaks the cost limit is still refused.
    let paged = "query($n: Int!) { search(text: \"科\", first: $n) { entity { id } } }";
    for n in [2, 5] {
        let response = schema
            .execute(with_variables(paged, serde_json::json!({ "n": n })))
            .await;
        let hits = response.data.into_json().expect("JSON")["search"]
            .as_array()
            .map(Vec::len);
        assert_eq!(hits, Some(n), "first: {n}");
    }
    let wrong = schema
        .execute(with_variables(paged, serde_json::json!({ "n": "five" })))
        .await;
    assert!(!wrong.errors.is_empty(), "a string for Int! is refused");

    let costly = "query($n: Int!) { entity(id: \"changzhou-kejiaocheng\") { relations(first: $n) { nodes { evidence { document { ... on Document { text } } } } } } }";
    let cheap = schema
        .execute(with_variables(costly, serde_json::json!({ "n": 1 })))
        .await;
    assert!(cheap.errors.is_empty(), "{:?}", cheap.errors);
    let dear = schema
        .execute(with_variables(costly, serde_json::json!({ "n": 100 })))
        .await;
    assert_eq!(code_of(&dear).as_deref(), Some("LIMIT_EXCEEDED"));
}

#[tokio::test]
async fn the_cache_stays_within_its_capacity() {
    let cache = QueryCache::new();
    let schema = build_schema_with(dataset(), Limits::default(), cache.clone());
    for i in 0..CACHE_CAPACITY + 10 {
        let response = schema
            .execute(format!("{{ q{i}: statistics {{ entities }} }}"))
            .await;
        assert!(response.errors.is_empty(), "{:?}", response.errors);
    }
    assert!(cache.len().0 <= CACHE_CAPACITY, "{:?}", cache);
}

fn persisted(query: &str, hash: &str) -> Request {
    let mut request = Request::new(query);
    request.extensions.insert(
        "persistedQuery".to_owned(),
        Value::from_json(serde_json::json!({ "version": 1, "sha256Hash": hash })).expect("a value"),
    );
    request
}

#[tokio::test]
async fn persisted_queries_follow_apollos_protocol() {
    let schema = sunan_kg::graphql::build_schema(dataset());
    let query = "{ entity(id: \"sukedai\") { name } }";
    let hash = sunan_kg::rdf::sha256_hex(query.as_bytes());

    let unknown = schema.execute(persisted("", &hash)).await;
    assert_eq!(
        code_of(&unknown).as_deref(),
        Some("PERSISTED_QUERY_NOT_FOUND")
    );
    assert_eq!(unknown.errors[0].message, "PersistedQueryNotFound");

    let registered = schema.execute(persisted(query, &hash)).await;
    assert!(registered.errors.is_empty(), "{:?}", registered.errors);
    let by_hash = schema.execute(persisted("", &hash)).await;
    assert!(by_hash.errors.is_empty(), "{:?}", by_hash.errors);
    assert_eq!(by_hash.data, registered.data);
    assert_eq!(
        by_hash.data.into_json().expect("JSON")["entity"]["name"],
        "苏科贷"
    );

    let mismatch = schema.execute(persisted(query, &"0".repeat(64))).await;
    assert_eq!(code_of(&mismatch).as_deref(), Some("BAD_REQUEST"));
    let malformed = {
        let mut request = Request::new(query);
        request
            .extensions
            .insert("persistedQuery".to_owned(), Value::from(2));
        schema.execute(request).await
    };
    assert_eq!(code_of(&malformed).as_deref(), Some("BAD_REQUEST"));
}

#[tokio::test]
async fn a_persisted_query_can_be_sent_by_hash_over_get() {
    // Apollo clients send the hash alone over GET, and the text by POST when it is unknown.
    let server = TestServer::start().await;
    let query = "{ entity(id: \"sukedai\") { name } }";
    let hash = sunan_kg::rdf::sha256_hex(query.as_bytes());
    let extensions = format!(r#"{{"persistedQuery":{{"version":1,"sha256Hash":"{hash}"}}}}"#);
    let get = || async {
        let response = server
            .client
            .get(server.url("/graphql"))
            .query(&[("extensions", extensions.as_str())])
            .send()
            .await
            .expect("an answer");
        assert_eq!(response.status(), reqwest::StatusCode::OK);
        response.json::<serde_json::Value>().await.expect("JSON")
    };
    let unknown = get().await;
    assert_eq!(
        unknown["errors"][0]["extensions"]["code"], "PERSISTED_QUERY_NOT_FOUND",
        "{unknown}"
    );
    let posted: serde_json::Value = server
        .client
        .post(server.url("/graphql"))
        .json(&serde_json::json!({
            "query": query,
            "extensions": { "persistedQuery": { "version": 1, "sha256Hash": hash } },
        }))
        .send()
        .await
        .expect("an answer")
        .json()
        .await
        .expect("JSON");
    assert_eq!(posted["data"]["entity"]["name"], "苏科贷", "{posted}");
    let known = get().await;
    assert_eq!(known["data"], posted["data"], "{known}");
}
