//! The policy analyses: instrument coding (what the loader refuses, what the API counts),
//! agency networks, evolution across documents, citations. GraphQL through `schema.execute`.

use serde_json::{Value, json};
use sunan_kg::LoadError;
use sunan_kg::model::Details;

use crate::common::{dataset, graph_data, load_with, quote_in_source};

const CHANGZHOU_CODING: &str = "coding/changzhou-2018.toml";

async fn execute(query: &str, variables: Value) -> Value {
    let schema = sunan_kg::graphql::build_schema(dataset());
    let request = async_graphql::Request::new(query)
        .variables(async_graphql::Variables::from_json(variables));
    let response = schema.execute(request).await;
    assert!(response.errors.is_empty(), "{:?}", response.errors);
    response.data.into_json().expect("JSON data")
}

async fn error_code(query: &str) -> String {
    let schema = sunan_kg::graphql::build_schema(dataset());
    let response = schema.execute(query).await;
    let error = response.errors.first().expect("an error");
    let extensions = error.extensions.as_ref().expect("extensions");
    match extensions.get("code") {
        Some(async_graphql::Value::String(code)) => code.clone(),
        other => panic!("no code: {other:?}"),
    }
}

/// Every problem, as `check` prints them (file, line and reason).
fn reasons(error: &LoadError) -> String {
    error.to_string()
}

#[test]
fn every_task_is_coded_and_every_code_quotes_its_source_and_contains_its_cue() {
    let data = dataset();
    let model = &data.model;
    let instruments = &model.instruments;
    for (index, entity) in model.entities.iter().enumerate() {
        if matches!(entity.details, Details::Task(_)) {
            assert!(
                instruments.codes_of(index).next().is_some(),
                "{} has a code",
                entity.id
            );
        }
    }
    for code in &instruments.codes {
        let document = &model.entities[code.document].id;
        assert!(
            quote_in_source(document, &code.quote),
            "{document}: {}",
            code.quote
        );
        let compact = |s: &str| s.split_whitespace().collect::<String>();
        assert!(
            compact(&code.quote).contains(&compact(&code.cue)),
            "{}",
            code.cue
        );
    }
    // Every type of the frame is used, and most tools are.
    let used: std::collections::HashSet<usize> = instruments.codes.iter().map(|c| c.tool).collect();
    assert!(used.len() * 4 >= instruments.tools.len() * 3, "{used:?}");
}

#[test]
fn an_uncoded_task_is_reported_with_its_file() {
    let error = load_with(CHANGZHOU_CODING, |t| {
        // Drop every code of task 1.
        t.split("\n\n")
            .filter(|block| !block.contains("task = \"1\"\n"))
            .collect::<Vec<_>>()
            .join("\n\n")
    })
    .expect_err("refused");
    let text = reasons(&error);
    assert!(text.contains("changzhou-2018-task-1 "), "{text}");
    assert!(text.contains("has no instrument code"), "{text}");
    assert!(text.contains(CHANGZHOU_CODING), "{text}");
}

#[test]
fn a_wrong_tool_a_foreign_quote_and_a_missing_cue_are_reported_at_their_lines() {
    let original = graph_data().get(CHANGZHOU_CODING).expect("file").to_owned();
    let first_tool = original.find("tool = \"").expect("a tool");
    let line = original[..first_tool].matches('\n').count() + 1;
    let error = load_with(CHANGZHOU_CODING, |t| {
        let tool_start = t.find("tool = \"").expect("a tool");
        let tool_end = tool_start + t[tool_start..].find('\n').expect("line end");
        format!("{}tool = \"subsidies\"{}", &t[..tool_start], &t[tool_end..])
    })
    .expect_err("refused");
    let text = reasons(&error);
    assert!(text.contains("tool \"subsidies\" is not a tool"), "{text}");
    // The problem points at the [[code]] table that holds the tool.
    let reported = error.problems[0].line;
    assert!(
        reported <= line && line - reported < 8,
        "{reported} vs {line}"
    );

    let error = load_with(CHANGZHOU_CODING, |t| {
        t.replacen("quote = \"", "quote = \"不在原文中的话", 1)
    })
    .expect_err("refused");
    assert!(
        reasons(&error).contains("quote not found in the source"),
        "{}",
        reasons(&error)
    );

    let error = load_with(CHANGZHOU_CODING, |t| {
        t.replacen("cue = \"", "cue = \"乙丙丁", 1)
    })
    .expect_err("refused");
    assert!(
        reasons(&error).contains("is not in the quote"),
        "{}",
        reasons(&error)
    );
}

#[test]
fn a_section_with_tasks_cannot_be_coded_and_a_measure_must_exist() {
    let error = load_with(CHANGZHOU_CODING, |t| {
        t.replacen("task = \"1\"\n", "section = \"2\"\n", 1)
    })
    .expect_err("refused");
    assert!(
        reasons(&error).contains("has subsections or tasks"),
        "{}",
        reasons(&error)
    );

    let error = load_with("documents/changzhou-2018.toml", |t| {
        t.replacen("measure = \"", "measure = \"no-such-", 1)
    })
    .expect_err("refused");
    assert!(
        reasons(&error).contains("is not in indicators.toml"),
        "{}",
        reasons(&error)
    );
}

#[tokio::test]
async fn the_instrument_table_counts_what_the_codes_say_and_drills_down_to_them() {
    let data = execute(
        r#"{ instrumentTable(by: DOCUMENT, level: TYPE) {
              total columns { id }
              rows { key total cells { concept { id } count codes { instrumentType { id } document { id } cue quote } } } } }"#,
        json!({}),
    )
    .await;
    let table = &data["instrumentTable"];
    let columns: Vec<&str> = table["columns"]
        .as_array()
        .expect("columns")
        .iter()
        .map(|c| c["id"].as_str().expect("id"))
        .collect();
    assert_eq!(columns, ["supply", "environment", "demand"]);
    let model = &dataset().model;
    assert_eq!(table["total"], model.instruments.codes.len());
    for row in table["rows"].as_array().expect("rows") {
        let mut sum = 0;
        for cell in row["cells"].as_array().expect("cells") {
            let codes = cell["codes"].as_array().expect("codes");
            assert_eq!(cell["count"], codes.len());
            sum += codes.len();
            for code in codes {
                assert_eq!(code["instrumentType"]["id"], cell["concept"]["id"]);
                assert_eq!(code["document"]["id"], row["key"]);
            }
        }
        assert_eq!(row["total"], sum);
    }
}

#[tokio::test]
async fn year_rows_count_every_code_with_the_undated_document_apart() {
    let data = execute(
        r#"{ instrumentTable(by: YEAR) { total rows { key year total } } }"#,
        json!({}),
    )
    .await;
    let table = &data["instrumentTable"];
    assert_eq!(table["total"], dataset().model.instruments.codes.len());
    let keys: Vec<&str> = table["rows"]
        .as_array()
        .expect("rows")
        .iter()
        .map(|r| r["key"].as_str().expect("key"))
        .collect();
    // Zhonglou prints no date but says 「2020年,我局将…」; the Jiangsu plan says neither.
    assert_eq!(keys, ["2017", "2018", "2020", "2023", "undated"]);
}

#[tokio::test]
async fn a_task_lists_its_codes_and_a_tool_filter_includes_narrower_tools() {
    let data = execute(
        r#"{ entity(id: "changzhou-2018-task-1") { ... on Task { instruments { id tool { id } cue } citation { gbt7714 bibtex } } } }"#,
        json!({}),
    )
    .await;
    let codes = data["entity"]["instruments"].as_array().expect("codes");
    assert!(!codes.is_empty());
    for code in codes {
        let id = format!(
            "changzhou-2018-task-1#instrument-{}",
            code["tool"]["id"].as_str().expect("tool")
        );
        assert_eq!(code["id"], id.as_str());
    }
    let citation = &data["entity"]["citation"];
    let gbt = citation["gbt7714"].as_str().expect("GB/T 7714");
    assert!(gbt.starts_with("常州市苏南国家自主创新示范区建设工作领导小组. 2018年常州苏南国家自主创新示范区建设工作要点[Z]. 2018-05-29: "), "{gbt}");
    assert!(gbt.contains("加快推进高水平创新型园区建设"), "{gbt}");
    let bibtex = citation["bibtex"].as_str().expect("BibTeX");
    assert!(
        bibtex.starts_with("@misc{changzhou-2018-task-1,"),
        "{bibtex}"
    );
    assert!(bibtex.contains("year = {2018}"), "{bibtex}");

    let data = execute(
        r#"{ all: instrumentCodes(instrument: "finance") { tool { id broader { id } } } }"#,
        json!({}),
    )
    .await;
    let tools: Vec<&str> = data["all"]
        .as_array()
        .expect("codes")
        .iter()
        .map(|c| c["tool"]["id"].as_str().expect("id"))
        .collect();
    assert!(tools.contains(&"finance"), "{tools:?}");
    assert!(tools.iter().any(|t| t.starts_with("finance-")), "{tools:?}");
    assert_eq!(
        error_code(r#"{ instrumentCodes(instrument: "subsidies") { cue } }"#).await,
        "BAD_ARGUMENT"
    );
    assert_eq!(
        error_code(r#"{ instrumentTable(by: DOCUMENT, document: "sukedai") { total } }"#).await,
        "BAD_ARGUMENT"
    );
}

#[tokio::test]
async fn the_agency_network_links_co_responsible_bodies_by_their_shared_tasks() {
    let data = execute(
        r#"{ agencyNetwork(document: "changzhou-2018") {
              nodes { agency { id } provisions degree weightedDegree }
              edges { source { id name } target { id name } weight evidence { quote }
                      provisions { ... on Task { responsibleAgencies { id } } } } } }"#,
        json!({}),
    )
    .await;
    let network = &data["agencyNetwork"];
    let edges = network["edges"].as_array().expect("edges");
    assert!(!edges.is_empty());
    for edge in edges {
        let provisions = edge["provisions"].as_array().expect("provisions");
        assert_eq!(edge["weight"], provisions.len());
        let quotes = edge["evidence"].as_array().expect("evidence");
        assert!(quotes.len() >= provisions.len(), "{edge}");
        assert!(
            quotes.iter().all(|q| q["quote"]
                .as_str()
                .is_some_and(|q| q.contains("牵头单位") || q.contains("责任单位"))),
            "{edge}"
        );
        for provision in provisions {
            let responsible: Vec<&Value> = provision["responsibleAgencies"]
                .as_array()
                .expect("agencies")
                .iter()
                .map(|a| &a["id"])
                .collect();
            assert!(responsible.contains(&&edge["source"]["id"]));
            assert!(responsible.contains(&&edge["target"]["id"]));
        }
    }
    // The city's science bureau leads the most tasks.
    let nodes = network["nodes"].as_array().expect("nodes");
    let top = nodes
        .iter()
        .max_by_key(|n| n["provisions"].as_u64())
        .expect("a node");
    assert_eq!(top["agency"]["id"], "changzhou-shi-kejiju");
    for node in nodes {
        let id = &node["agency"]["id"];
        let touching: Vec<&Value> = edges
            .iter()
            .filter(|e| &e["source"]["id"] == id || &e["target"]["id"] == id)
            .collect();
        assert_eq!(node["degree"], touching.len());
        let weight: u64 = touching
            .iter()
            .map(|e| e["weight"].as_u64().expect("w"))
            .sum();
        assert_eq!(node["weightedDegree"], weight);
    }
}

#[tokio::test]
async fn recurring_entities_and_a_comparison_of_two_documents() {
    let data = execute(
        r#"{ recurringEntities { entity { id } appearances { document { id } year forms } }
             compareDocuments(earlier: "changzhou-2018", later: "zhonglou-2020") {
               kept { id } added { id } dropped { id } tools { tool { id } earlier later }
               measures { measure { id } earlier { year } later { year } } } }"#,
        json!({}),
    )
    .await;
    let recurring = data["recurringEntities"].as_array().expect("list");
    assert!(recurring.len() > 20, "{}", recurring.len());
    for r in recurring {
        let appearances = r["appearances"].as_array().expect("appearances");
        assert!(appearances.len() >= 2);
        let years: Vec<i64> = appearances
            .iter()
            .filter_map(|a| a["year"].as_i64())
            .collect();
        assert!(
            years.windows(2).all(|w| w[0] <= w[1]),
            "oldest first: {years:?}"
        );
        assert!(
            appearances
                .iter()
                .all(|a| !a["forms"].as_array().expect("forms").is_empty())
        );
    }
    let changzhou = recurring
        .iter()
        .find(|r| r["entity"]["id"] == "changzhou")
        .expect("常州 recurs");
    assert!(changzhou["appearances"].as_array().expect("a").len() >= 3);

    let comparison = &data["compareDocuments"];
    let kept: Vec<&Value> = comparison["kept"]
        .as_array()
        .expect("kept")
        .iter()
        .map(|e| &e["id"])
        .collect();
    assert!(kept.contains(&&json!("changzhou")), "{kept:?}");
    let model = &dataset().model;
    let named = |d: &str| {
        let document = model.index_of(d).expect("document");
        sunan_kg::analytics::named_in(model, document).len()
    };
    let count = |key: &str| comparison[key].as_array().expect("list").len();
    assert_eq!(count("kept") + count("dropped"), named("changzhou-2018"));
    assert_eq!(count("kept") + count("added"), named("zhonglou-2020"));
    let measure = comparison["measures"]
        .as_array()
        .expect("measures")
        .iter()
        .find(|m| {
            m["measure"]["id"] == "high-tech-enterprises"
                || m["measure"]["id"] == "new-enterprise-rd-institutions-municipal-level-or-above"
        })
        .expect("a measure both or either set");
    assert!(measure["earlier"].as_array().is_some());
}

#[tokio::test]
async fn a_measure_gathers_the_targets_of_several_documents_oldest_first() {
    let data = execute(
        r#"{ measure(id: "rd-expenditure-share-of-gdp") { zh targets { year value unit document { id } } } }"#,
        json!({}),
    )
    .await;
    let targets = data["measure"]["targets"].as_array().expect("targets");
    let years: Vec<i64> = targets
        .iter()
        .map(|t| t["year"].as_i64().expect("year"))
        .collect();
    assert_eq!(years, [2017, 2018, 2022]);
    assert!(targets.iter().all(|t| t["unit"] == "%"));
    assert_eq!(
        error_code(r#"{ measure(id: "nope") { zh } }"#).await,
        "NOT_FOUND"
    );
}

#[test]
fn the_analyses_are_deterministic() {
    let model = &dataset().model;
    let first = sunan_kg::analytics::Analytics::new(model);
    let second = sunan_kg::analytics::Analytics::new(model);
    let scope = sunan_kg::analytics::NetworkScope {
        document: None,
        collective: true,
    };
    let (a, b) = (
        first.network(scope).expect("a"),
        second.network(scope).expect("b"),
    );
    let communities = |n: &sunan_kg::analytics::AgencyNetwork| {
        n.nodes
            .iter()
            .map(|n| (n.entity, n.community))
            .collect::<Vec<_>>()
    };
    assert_eq!(communities(a), communities(b));
    assert_eq!(a.modularity, b.modularity);
}
