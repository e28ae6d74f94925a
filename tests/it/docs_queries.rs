//! The example queries in docs/queries run against the real graph and give the answers the
//! comments in them promise.

use serde_json::{Value, json};

use crate::common::{TestSchema, quote_in_source};

fn read(name: &str) -> String {
    let path = std::path::Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("docs/queries")
        .join(name);
    std::fs::read_to_string(&path).unwrap_or_else(|e| panic!("{}: {e}", path.display()))
}

fn ids(list: &Value, pointer: &str) -> Vec<String> {
    list.as_array()
        .expect("a list")
        .iter()
        .filter_map(|item| {
            item.pointer(pointer)
                .and_then(Value::as_str)
                .map(str::to_owned)
        })
        .collect()
}

/// Every quote in an answer is found in its document.
fn check_quotes(value: &Value) {
    match value {
        Value::Object(map) => {
            if let (Some(Value::String(quote)), Some(document)) =
                (map.get("quote"), map.get("document"))
                && let Some(id) = document["id"].as_str()
            {
                assert!(quote_in_source(id, quote), "{id}: {quote}");
            }
            map.values().for_each(check_quotes);
        }
        Value::Array(items) => items.iter().for_each(check_quotes),
        _ => {}
    }
}

#[tokio::test]
async fn every_example_query_runs_and_answers_as_documented() {
    let schema = TestSchema::new();
    let dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("docs/queries");
    let mut names: Vec<String> = std::fs::read_dir(&dir)
        .expect("docs/queries exists")
        .filter_map(|e| e.ok()?.file_name().into_string().ok())
        .filter(|n| n.ends_with(".graphql"))
        .collect();
    names.sort();
    assert!(names.len() >= 10, "{names:?}");
    for name in &names {
        let data = schema.graphql_data(&read(name), json!({})).await;
        check_quotes(&data);
        check_answer(name, &data);
    }
}

fn check_answer(name: &str, data: &Value) {
    match name {
        "01-search-as-you-type.graphql" => {
            assert_eq!(data["search"][0]["entity"]["id"], "sukedai", "{data}");
            assert_eq!(data["search"][0]["nameKind"], "PINYIN");
        }
        "02-names-in-every-language.graphql" => {
            let names = &data["entity"]["names"];
            assert_eq!(names["zhHans"], "常州科教城");
            assert_eq!(names["pinyinInitials"], "czkjc");
            assert_eq!(data["entity"]["label"]["lang"], "EN");
        }
        "03-filtered-list.graphql" => {
            let page = &data["entities"];
            let parks = ids(&page["edges"], "/node/id");
            assert!(
                parks.contains(&"changzhou-kejiaocheng".to_owned()),
                "{parks:?}"
            );
            assert!(page["totalCount"].as_u64().unwrap_or(0) >= parks.len() as u64);
            let degrees: Vec<u64> = page["edges"]
                .as_array()
                .expect("edges")
                .iter()
                .filter_map(|e| e["node"]["degree"].as_u64())
                .collect();
            assert!(
                degrees.windows(2).all(|w| w[0] >= w[1]),
                "most connected first: {degrees:?}"
            );
        }
        "04-relations-with-evidence.graphql" => {
            let relations = &data["entity"]["relations"]["nodes"];
            let others = ids(relations, "/other/id");
            assert!(others.contains(&"yiselie".to_owned()), "以色列: {others:?}");
        }
        "05-who-supports-an-industry.graphql" => {
            let supporters = data["supporters"].as_array().expect("supporters");
            assert!(!supporters.is_empty());
            for s in supporters {
                let chain = ids(&s["conceptPath"], "/name");
                assert_eq!(chain.first().map(String::as_str), Some("新材料"), "{s}");
            }
        }
        "06-industries-an-entity-supports.graphql" => {
            let industries = ids(&data["entity"]["supportedIndustries"], "/other/name");
            assert!(
                industries.contains(&"生物医药".to_owned()),
                "{industries:?}"
            );
            assert!(industries.len() >= 3, "{industries:?}");
        }
        "07-shortest-paths.graphql" => {
            let paths = data["paths"].as_array().expect("paths");
            assert!(!paths.is_empty());
            assert_eq!(paths[0]["nodes"][0]["id"], "sukedai");
        }
        "08-neighborhood-for-drawing.graphql" => {
            let nodes = ids(&data["neighborhood"]["nodes"], "/id");
            assert!(nodes.contains(&"yiselie".to_owned()), "{nodes:?}");
            assert!(
                !data["neighborhood"]["edges"]
                    .as_array()
                    .expect("edges")
                    .is_empty()
            );
        }
        "09-documents-and-tasks.graphql" => {
            // Every document of the graph, whatever their number.
            let mut listed = ids(&data["documents"], "/id");
            listed.sort();
            let model = &crate::common::dataset().model;
            let mut documents: Vec<String> = model
                .entities
                .iter()
                .filter(|e| e.kind == sunan_kg::vocabulary::ids::DOCUMENT)
                .map(|e| e.id.clone())
                .collect();
            documents.sort();
            assert!(!documents.is_empty());
            assert_eq!(listed, documents);
            assert!(data["tasks"]["totalCount"].as_u64().unwrap_or(0) >= 20);
        }
        "10-targets.graphql" => {
            let targets = data["targets"].as_array().expect("targets");
            assert!(targets.len() >= 10);
            assert!(
                targets
                    .iter()
                    .all(|t| t["year"] == 2025 && t["region"]["name"] == "江阴市")
            );
        }
        "11-statistics.graphql" => {
            assert!(data["statistics"]["entities"].as_u64().unwrap_or(0) > 1000);
            assert_eq!(data["mostConnected"].as_array().map(Vec::len), Some(5));
        }
        "12-what-a-task-does.graphql" => {
            let tasks = data["tasks"]["nodes"].as_array().expect("tasks");
            assert_eq!(tasks.len(), 35, "every Changzhou task");
            let task_19 = tasks
                .iter()
                .find(|t| t["id"] == "changzhou-2018-task-19")
                .expect("task 19");
            let instruments = ids(&task_19["relations"]["nodes"], "/other/id");
            assert!(
                instruments.contains(&"sukedai".to_owned()),
                "{instruments:?}"
            );
            let with_roles = tasks
                .iter()
                .filter(|t| !t["relations"]["nodes"].as_array().is_none_or(Vec::is_empty))
                .count();
            assert!(
                with_roles >= 30,
                "{with_roles} of 35 tasks say what they do"
            );
        }
        "13-who-promotes-an-instrument-and-where.graphql" => {
            let entity = &data["entity"];
            let mut cities = ids(&entity["usedIn"]["nodes"], "/other/id");
            cities.sort();
            assert_eq!(cities, ["changzhou", "jiangyin", "zhenjiang"]);
            let promoters = ids(&entity["promotedBy"]["nodes"], "/other/id");
            assert!(
                promoters.contains(&"changzhou-shi-kejiju".to_owned()),
                "{promoters:?}"
            );
            for node in entity["usedIn"]["nodes"].as_array().expect("nodes") {
                for evidence in node["evidence"].as_array().expect("evidence") {
                    assert_eq!(evidence["rule"], "instrument-used-in-document-region");
                }
            }
        }
        other => panic!("{other} has no expected answer here: add one"),
    }
}
