//! The checked-in schema.graphql is the schema the code serves.

#[test]
fn schema_graphql_is_up_to_date() {
    let generated = sunan_kg::graphql::sdl();
    // On a difference this prints a diff; `UPDATE_EXPECT=1 cargo test` rewrites the file.
    expect_test::expect_file!["../../schema.graphql"].assert_eq(&generated);
}

#[tokio::test]
async fn kinds_have_one_spelling_across_the_api() {
    let schema = sunan_kg::graphql::build_schema(crate::common::dataset());
    let response = schema
        .execute(
            r#"{ entityKinds { id kind } relationKinds { id kind }
                 statistics { byKind { key entityKind } byRelationKind { key relationKind } }
                 entity(id: "sukedai") { kind relations(first: 100) { nodes { kind } } } }"#,
        )
        .await;
    assert!(response.errors.is_empty(), "{:?}", response.errors);
    let data = response.data.into_json().expect("JSON");
    // Every vocabulary term has its enum spelling, and the enum spelling is what kind fields say.
    for term in data["entityKinds"].as_array().expect("kinds") {
        assert!(term["kind"].is_string(), "{term}");
    }
    for term in data["relationKinds"].as_array().expect("relation kinds") {
        assert!(term["kind"].is_string(), "{term}");
    }
    let entity_kinds: Vec<&serde_json::Value> = data["entityKinds"]
        .as_array()
        .expect("kinds")
        .iter()
        .map(|t| &t["kind"])
        .collect();
    assert!(entity_kinds.contains(&&data["entity"]["kind"]));
    let relation_kinds: Vec<&serde_json::Value> = data["relationKinds"]
        .as_array()
        .expect("relation kinds")
        .iter()
        .map(|t| &t["kind"])
        .collect();
    for relation in data["entity"]["relations"]["nodes"]
        .as_array()
        .expect("relations")
    {
        assert!(relation_kinds.contains(&&relation["kind"]), "{relation}");
    }
    for count in data["statistics"]["byKind"].as_array().expect("counts") {
        assert!(count["entityKind"].is_string(), "{count}");
    }
    for count in data["statistics"]["byRelationKind"]
        .as_array()
        .expect("counts")
    {
        assert!(count["relationKind"].is_string(), "{count}");
    }
}
