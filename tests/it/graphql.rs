//! GraphQL semantics against the real graph, through the schema (HTTP is tested in http.rs).

use serde_json::{Value, json};

use crate::common::{TestSchema, quote_in_source};

const SEARCH: &str = r#"
query ($text: String!) {
  search(text: $text, first: 5) {
    matchedName nameKind quality
    entity {
      id kind name aliases
      relations(first: 100) {
        nodes {
          kind direction inferred
          other { id name }
          evidence { quote document { id } task { id } }
        }
      }
    }
  }
}"#;

#[tokio::test]
async fn searching_kejiaocheng_finds_changzhou_science_and_education_town_with_quoted_relations() {
    let schema = TestSchema::new();
    let data = schema
        .graphql_data(SEARCH, json!({ "text": "科教城" }))
        .await;
    let hits = data["search"].as_array().expect("hits");
    let top = &hits[0]["entity"];
    assert_eq!(top["name"], "常州科教城");
    assert_eq!(top["kind"], "PARK");
    assert!(
        top["aliases"]
            .as_array()
            .expect("aliases")
            .contains(&json!("科教城")),
        "the short form written in the documents is an alias: {top}"
    );
    let relations = top["relations"]["nodes"].as_array().expect("relations");
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
        relations.iter().any(|r| r["kind"] == "COOPERATES_WITH"
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
    let schema = TestSchema::new();
    for text in [
        "苏科贷",
        "蘇科貸",
        "sukedai",
        "Su Ke Dai",
        "sū kē dài",
        "skd",
        "科贷",
    ] {
        let data = schema.graphql_data(SEARCH, json!({ "text": text })).await;
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
    let data = schema
        .graphql_data(SEARCH, json!({ "text": "苏科贷" }))
        .await;
    assert_eq!(data["search"][0]["entity"]["id"], "sukedai");
    assert_eq!(data["search"][0]["quality"], "EXACT");
}

#[tokio::test]
async fn sukedai_is_one_node_mentioned_by_three_documents() {
    let schema = TestSchema::new();
    let data = schema
        .graphql_data(
            r#"{ entity(id: "sukedai") { name aliases relations(kinds: [MENTIONS], direction: INCOMING) { nodes { evidence { document { id } } } } } }"#,
            json!({}),
        )
        .await;
    let mut documents: Vec<String> = data["entity"]["relations"]["nodes"]
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
    let schema = TestSchema::new();
    let body = schema
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
    let schema = TestSchema::new();
    let query = r#"query ($after: String) {
        entities(filter: { kinds: [TASK] }, first: 40, after: $after) {
            totalCount
            pageInfo { hasNextPage endCursor }
            edges { cursor node { id kind } }
        }
    }"#;
    let mut after = Value::Null;
    let mut seen = Vec::new();
    loop {
        let data = schema.graphql_data(query, json!({ "after": after })).await;
        let page = &data["entities"];
        for edge in page["edges"].as_array().expect("edges") {
            assert_eq!(edge["node"]["kind"], "TASK");
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
    let schema = TestSchema::new();
    for n in 1..=35 {
        let data = schema
            .graphql_data(
                r#"query ($id: ID!) { entity(id: $id) { relations(kinds: [RESPONSIBLE_AGENCY], direction: OUTGOING) { nodes { other { id name } evidence { quote } } } } }"#,
                json!({ "id": format!("changzhou-2018-task-{n}") }),
            )
            .await;
        let agencies = data["entity"]["relations"]["nodes"]
            .as_array()
            .expect("relations");
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
async fn limits_and_bad_arguments_are_errors_with_codes_not_crashes() {
    let schema = TestSchema::new();
    let code = |body: &Value| {
        body["errors"][0]["extensions"]["code"]
            .as_str()
            .unwrap_or("")
            .to_owned()
    };

    let body = schema
        .graphql(r#"{ entities(first: 1000) { totalCount } }"#, json!({}))
        .await;
    assert_eq!(code(&body), "BAD_ARGUMENT", "{body}");

    let body = schema
        .graphql(
            r#"{ entities(filter: { kinds: [SPACESHIP] }) { totalCount } }"#,
            json!({}),
        )
        .await;
    assert_eq!(code(&body), "GRAPHQL_VALIDATION_FAILED", "{body}");

    let body = schema
        .graphql(
            r#"{ entities(after: "not-a-cursor") { totalCount } }"#,
            json!({}),
        )
        .await;
    assert_eq!(code(&body), "BAD_ARGUMENT", "{body}");

    let body = schema
        .graphql(
            r#"{ supporters(industry: "sukedai") { entity { id } } }"#,
            json!({}),
        )
        .await;
    assert_eq!(code(&body), "BAD_ARGUMENT", "an industry is needed: {body}");

    let body = schema
        .graphql(
            r#"{ paths(from: "sukedai", to: "changzhou", maxHops: 50) { length } }"#,
            json!({}),
        )
        .await;
    assert_eq!(code(&body), "BAD_ARGUMENT", "{body}");

    let body = schema
        .graphql(
            r#"{ neighborhood(ids: ["nowhere"]) { truncated } }"#,
            json!({}),
        )
        .await;
    assert_eq!(code(&body), "NOT_FOUND", "{body}");

    let deep = format!(
        "{{ entity(id: \"sukedai\") {{ {} name {} }} }}",
        "relations { nodes { other { ".repeat(10),
        "} } } ".repeat(10)
    );
    let body = schema.graphql(&deep, json!({})).await;
    assert_eq!(code(&body), "LIMIT_EXCEEDED", "{body}");

    let wide = format!(
        "{{ {} }}",
        (0..6000)
            .map(|i| format!("a{i}: entity(id: \"sukedai\") {{ name }}"))
            .collect::<Vec<_>>()
            .join(" ")
    );
    let body = schema.graphql(&wide, json!({})).await;
    assert_eq!(code(&body), "LIMIT_EXCEEDED", "{}", body["errors"]);

    let body = schema.graphql("{ entity(id: ", json!({})).await;
    assert_eq!(code(&body), "GRAPHQL_PARSE_FAILED", "{body}");

    let body = schema
        .graphql("{ entity(id: \"sukedai\") { noSuchField } }", json!({}))
        .await;
    assert_eq!(code(&body), "GRAPHQL_VALIDATION_FAILED", "{body}");
}

#[tokio::test]
async fn names_fall_back_to_simplified_and_say_so() {
    let schema = TestSchema::new();
    let data = schema
        .graphql_data(
            r#"{ a: entity(id: "changzhou-2018-task-1") { label(lang: EN) { text lang fallback } }
                 b: entity(id: "sukedai") { label(lang: EN) { text lang fallback translated } name(lang: ZH_HANT) pinyin: name(lang: PINYIN) } }"#,
            json!({}),
        )
        .await;
    assert_eq!(data["a"]["label"]["lang"], "ZH_HANS");
    assert_eq!(data["a"]["label"]["fallback"], true);
    assert_eq!(data["b"]["label"]["lang"], "EN");
    assert_eq!(data["b"]["label"]["translated"], true);
    assert_eq!(data["b"]["name"], "蘇科貸");
    assert_eq!(data["b"]["pinyin"], "sū kē dài");
}

#[tokio::test]
async fn search_can_be_limited_to_kinds() {
    let schema = TestSchema::new();
    let data = schema
        .graphql_data(r#"{ search(text: "科技局", kinds: [GOVERNMENT_BODY], first: 20) { entity { kind name } } }"#, json!({}))
        .await;
    let hits = data["search"].as_array().expect("hits");
    assert!(
        hits.len() >= 3,
        "one science bureau per city at least: {hits:?}"
    );
    assert!(
        hits.iter()
            .all(|h| h["entity"]["kind"] == "GOVERNMENT_BODY")
    );
}

#[tokio::test]
async fn supporters_include_narrower_concepts_only_when_asked() {
    let schema = TestSchema::new();
    let query = r#"query ($narrower: Boolean!) {
        supporters(industry: "xincailiao", includeNarrower: $narrower) {
            entity { id } industry { id } conceptPath { id }
            relation { evidence { quote document { id } } }
        }
    }"#;
    let wide = schema
        .graphql_data(query, json!({ "narrower": true }))
        .await;
    let narrow = schema
        .graphql_data(query, json!({ "narrower": false }))
        .await;
    let wide = wide["supporters"].as_array().expect("supporters");
    let narrow = narrow["supporters"].as_array().expect("supporters");
    assert!(
        wide.len() > narrow.len(),
        "{} > {}",
        wide.len(),
        narrow.len()
    );
    assert!(narrow.iter().all(|s| s["industry"]["id"] == "xincailiao"));
    // Those who support 石墨烯 support 新材料 through 碳材料.
    let graphene = wide
        .iter()
        .find(|s| s["industry"]["id"] == "shimoxi")
        .expect("a supporter of 石墨烯");
    let chain: Vec<&str> = graphene["conceptPath"]
        .as_array()
        .expect("path")
        .iter()
        .filter_map(|c| c["id"].as_str())
        .collect();
    assert_eq!(chain.first(), Some(&"xincailiao"));
    assert_eq!(chain.last(), Some(&"shimoxi"));
    for supporter in wide {
        for evidence in supporter["relation"]["evidence"]
            .as_array()
            .expect("evidence")
        {
            let document = evidence["document"]["id"].as_str().expect("document");
            assert!(quote_in_source(
                document,
                evidence["quote"].as_str().expect("quote")
            ));
        }
    }
}

#[tokio::test]
async fn paths_are_shortest_and_every_step_is_a_real_relation() {
    let schema = TestSchema::new();
    let data = schema
        .graphql_data(
            r#"{ paths(from: "sukedai", to: "changzhou-kejiaocheng", limit: 10) {
                length nodes { id }
                steps { from { id } to { id } relation { direction subject { id } object { id } evidence { quote } } }
            } }"#,
            json!({}),
        )
        .await;
    let paths = data["paths"].as_array().expect("paths");
    assert!(!paths.is_empty(), "苏科贷 and 常州科教城 are connected");
    let shortest = paths[0]["length"].as_u64().expect("length");
    for path in paths {
        assert_eq!(
            path["length"].as_u64(),
            Some(shortest),
            "all returned paths are shortest"
        );
        let nodes = path["nodes"].as_array().expect("nodes");
        assert_eq!(
            nodes.first().and_then(|n| n["id"].as_str()),
            Some("sukedai")
        );
        assert_eq!(
            nodes.last().and_then(|n| n["id"].as_str()),
            Some("changzhou-kejiaocheng")
        );
        for step in path["steps"].as_array().expect("steps") {
            let relation = &step["relation"];
            let (from, to) = (&step["from"]["id"], &step["to"]["id"]);
            let (subject, object) = (&relation["subject"]["id"], &relation["object"]["id"]);
            match relation["direction"].as_str() {
                Some("OUTGOING") => assert!(from == subject && to == object),
                Some("INCOMING") => assert!(from == object && to == subject),
                other => panic!("direction {other:?}"),
            }
            assert!(
                !relation["evidence"]
                    .as_array()
                    .expect("evidence")
                    .is_empty()
            );
        }
    }
    // No path at all is an empty list, not an error.
    let data = schema
        .graphql_data(
            r#"{ paths(from: "sukedai", to: "changzhou-kejiaocheng", maxHops: 1) { length } }"#,
            json!({}),
        )
        .await;
    assert_eq!(data["paths"], json!([]));
}

#[tokio::test]
async fn a_neighborhood_is_drawable_and_respects_its_limit() {
    let schema = TestSchema::new();
    let query = r#"query ($limit: Int!) {
        neighborhood(ids: ["zhongyi-changzhou-chuangxinyuan"], hops: 2, limit: $limit) {
            nodes { id kind name distance } edges { source target kind } truncated
        }
    }"#;
    let data = schema.graphql_data(query, json!({ "limit": 500 })).await;
    let view = &data["neighborhood"];
    let ids: std::collections::HashSet<&str> = view["nodes"]
        .as_array()
        .expect("nodes")
        .iter()
        .filter_map(|n| n["id"].as_str())
        .collect();
    assert!(ids.contains("yiselie"), "以色列 is next to 中以常州创新园");
    for edge in view["edges"].as_array().expect("edges") {
        assert!(
            ids.contains(edge["source"].as_str().expect("source")),
            "{edge}"
        );
        assert!(
            ids.contains(edge["target"].as_str().expect("target")),
            "{edge}"
        );
    }
    let small = schema.graphql_data(query, json!({ "limit": 3 })).await;
    assert_eq!(
        small["neighborhood"]["nodes"].as_array().map(Vec::len),
        Some(3)
    );
    assert_eq!(small["neighborhood"]["truncated"], true);
}

#[tokio::test]
async fn tasks_by_agency_and_targets_by_region_and_year() {
    let schema = TestSchema::new();
    let data = schema
        .graphql_data(
            r#"{ tasks(agency: "changzhou-shi-kejiju", first: 100) { totalCount nodes { ... on Task { responsibleAgencies { id } } } }
                 targets(region: "jiangyin", year: 2025) { ... on Target { year value region { id } } } }"#,
            json!({}),
        )
        .await;
    let tasks = data["tasks"]["nodes"].as_array().expect("tasks");
    assert!(
        tasks.len() >= 20,
        "常州市科技局 leads most Changzhou tasks: {}",
        tasks.len()
    );
    assert!(tasks.iter().all(|t| {
        t["responsibleAgencies"]
            .as_array()
            .is_some_and(|a| a.iter().any(|x| x["id"] == "changzhou-shi-kejiju"))
    }));
    let targets = data["targets"].as_array().expect("targets");
    assert!(targets.len() >= 10, "{}", targets.len());
    assert!(
        targets
            .iter()
            .all(|t| t["year"] == 2025 && t["region"]["id"] == "jiangyin")
    );
}

#[tokio::test]
async fn the_schema_mirrors_the_vocabulary() {
    use sunan_kg::graphql::{EntityKind, RelationKind};
    let data = crate::common::dataset();
    let kinds: Vec<&str> = data
        .model
        .vocabulary
        .kinds
        .iter()
        .map(|k| k.id.as_str())
        .collect();
    let enum_kinds: Vec<&str> = EntityKind::ALL.iter().map(|k| k.id()).collect();
    assert_eq!(
        kinds, enum_kinds,
        "EntityKind must list the vocabulary's kinds in order"
    );
    let relations: Vec<&str> = data
        .model
        .vocabulary
        .relations
        .iter()
        .map(|r| r.id.as_str())
        .collect();
    let enum_relations: Vec<&str> = RelationKind::ALL.iter().map(|k| k.id()).collect();
    assert_eq!(
        relations, enum_relations,
        "RelationKind must list the vocabulary's relations in order"
    );
}
