//! GraphQL over HTTP against the real graph.

use serde_json::{Value, json};

use crate::common::{TestServer, quote_in_source};

const SEARCH: &str = r#"
query ($text: String!) {
  search(text: $text, first: 5) {
    matchedName nameKind quality
    entity {
      id type name aliases
      relations(first: 100) {
        kind direction inferred
        other { id name }
        evidence { quote document { id } task { id } }
      }
    }
  }
}"#;

#[tokio::test]
async fn searching_kejiaocheng_finds_changzhou_science_and_education_town_with_quoted_relations() {
    let server = TestServer::start().await;
    let data = server
        .graphql_data(SEARCH, json!({ "text": "科教城" }))
        .await;
    let hits = data["search"].as_array().expect("hits");
    let top = &hits[0]["entity"];
    assert_eq!(top["name"], "常州科教城");
    assert_eq!(top["type"], "Park");
    assert!(
        top["aliases"]
            .as_array()
            .expect("aliases")
            .contains(&json!("科教城")),
        "the short form written in the documents is an alias: {top}"
    );
    let relations = top["relations"].as_array().expect("relations");
    assert!(
        relations.len() >= 5,
        "科教城 has many relations: {}",
        relations.len()
    );
    for relation in relations {
        for evidence in relation["evidence"].as_array().expect("evidence") {
            let document = evidence["document"]["id"].as_str().expect("document id");
            let quote = evidence["quote"].as_str().expect("quote");
            assert!(
                quote_in_source(document, quote),
                "quote not in {document}: {quote}"
            );
        }
    }
    // The text says 科教城 cooperates with 中科院 (task 1 of the Changzhou document).
    assert!(
        relations.iter().any(|r| r["kind"] == "cooperatesWith"
            && r["other"]["id"] == "zhongguo-kexueyuan"
            && r["evidence"][0]["quote"]
                .as_str()
                .unwrap_or("")
                .contains("中科院")),
        "科教城 cooperates with 中国科学院: {relations:?}"
    );
}

#[tokio::test]
async fn sukedai_is_found_by_simplified_traditional_pinyin_initials_and_english() {
    let server = TestServer::start().await;
    for text in [
        "苏科贷",
        "蘇科貸",
        "sukedai",
        "Su Ke Dai",
        "sū kē dài",
        "skd",
        "科贷",
    ] {
        let data = server.graphql_data(SEARCH, json!({ "text": text })).await;
        let ids: Vec<&str> = data["search"]
            .as_array()
            .expect("hits")
            .iter()
            .filter_map(|h| h["entity"]["id"].as_str())
            .collect();
        assert!(
            ids.contains(&"sukedai"),
            "{text:?} should find 苏科贷, got {ids:?}"
        );
    }
    let data = server
        .graphql_data(SEARCH, json!({ "text": "苏科贷" }))
        .await;
    assert_eq!(data["search"][0]["entity"]["id"], "sukedai");
    assert_eq!(data["search"][0]["quality"], "EXACT");
}

#[tokio::test]
async fn sukedai_is_one_node_mentioned_by_three_documents() {
    let server = TestServer::start().await;
    let data = server
        .graphql_data(
            r#"{ entity(id: "sukedai") { name aliases relations(kinds: ["mentions"], direction: INCOMING) { evidence { document { id } } } } }"#,
            json!({}),
        )
        .await;
    let mut documents: Vec<String> = data["entity"]["relations"]
        .as_array()
        .expect("relations")
        .iter()
        .flat_map(|r| r["evidence"].as_array().cloned().unwrap_or_default())
        .filter_map(|e| e["document"]["id"].as_str().map(str::to_owned))
        .collect();
    documents.sort();
    documents.dedup();
    assert_eq!(
        documents,
        ["changzhou-2018", "jiangyin-2023", "zhenjiang-2017"]
    );
    assert!(
        data["entity"]["aliases"]
            .as_array()
            .expect("aliases")
            .contains(&json!("蘇科貸"))
    );
}

#[tokio::test]
async fn an_unknown_id_is_an_error_with_a_code() {
    let server = TestServer::start().await;
    let body = server
        .graphql(r#"{ entity(id: "no-such-thing") { name } }"#, json!({}))
        .await;
    assert_eq!(body["errors"][0]["extensions"]["code"], "NOT_FOUND");
    assert!(
        body["errors"][0]["message"]
            .as_str()
            .unwrap_or("")
            .contains("no-such-thing")
    );
}

#[tokio::test]
async fn entities_page_with_cursors_without_gaps_or_repeats() {
    let server = TestServer::start().await;
    let query = r#"query ($after: String) {
        entities(type: "Task", first: 40, after: $after) {
            totalCount
            pageInfo { hasNextPage endCursor }
            edges { cursor node { id type } }
        }
    }"#;
    let mut after = Value::Null;
    let mut seen = Vec::new();
    loop {
        let data = server.graphql_data(query, json!({ "after": after })).await;
        let page = &data["entities"];
        for edge in page["edges"].as_array().expect("edges") {
            assert_eq!(edge["node"]["type"], "Task");
            seen.push(edge["node"]["id"].as_str().expect("id").to_owned());
        }
        if page["pageInfo"]["hasNextPage"] != true {
            assert_eq!(page["totalCount"].as_u64(), Some(seen.len() as u64));
            break;
        }
        after = page["pageInfo"]["endCursor"].clone();
    }
    let unique: std::collections::HashSet<_> = seen.iter().collect();
    assert_eq!(unique.len(), seen.len(), "no task twice");
    assert!(
        seen.iter()
            .filter(|id| id.starts_with("changzhou-2018-task-"))
            .count()
            == 35
    );
}

#[tokio::test]
async fn every_changzhou_task_names_its_changzhou_lead_agencies() {
    let server = TestServer::start().await;
    for n in 1..=35 {
        let data = server
            .graphql_data(
                r#"query ($id: ID!) { entity(id: $id) { relations(kinds: ["responsibleAgency"], direction: OUTGOING) { other { id name } evidence { quote } } } }"#,
                json!({ "id": format!("changzhou-2018-task-{n}") }),
            )
            .await;
        let agencies = data["entity"]["relations"].as_array().expect("relations");
        assert!(!agencies.is_empty(), "task {n} has lead agencies");
        for agency in agencies {
            let quote = agency["evidence"][0]["quote"].as_str().expect("quote");
            assert!(quote.contains("牵头单位"), "task {n}: {quote}");
            let name = agency["other"]["name"].as_str().expect("name");
            assert!(
                name.contains("常州") || name.contains("科教城"),
                "task {n}: 「市…」 agencies resolve to Changzhou bodies, got {name}"
            );
        }
    }
}

#[tokio::test]
async fn limits_and_bad_arguments_are_errors_not_crashes() {
    let server = TestServer::start().await;
    let body = server
        .graphql(r#"{ entities(first: 1000) { totalCount } }"#, json!({}))
        .await;
    assert_eq!(body["errors"][0]["extensions"]["code"], "BAD_ARGUMENT");

    let body = server
        .graphql(
            r#"{ entities(type: "Spaceship") { totalCount } }"#,
            json!({}),
        )
        .await;
    assert_eq!(body["errors"][0]["extensions"]["code"], "BAD_ARGUMENT");

    let deep = format!(
        "{{ entity(id: \"sukedai\") {{ {} name {} }} }}",
        "relations { other { ".repeat(10),
        "} } ".repeat(10)
    );
    let body = server.graphql(&deep, json!({})).await;
    let message = body["errors"][0]["message"].as_str().unwrap_or("");
    assert!(message.contains("nested too deep"), "{body}");

    let body = server.graphql("{ entity(id: ", json!({})).await;
    assert!(
        body["errors"][0]["message"]
            .as_str()
            .unwrap_or("")
            .contains("expected"),
        "{body}"
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
