//! The example SPARQL queries in docs/sparql run against the real endpoint and give the
//! answers the model says they must.

use std::collections::{BTreeMap, BTreeSet};

use serde_json::Value;
use sunan_kg::model::Details;

use crate::common::{TestServer, dataset, quote_in_source};

type Row = BTreeMap<String, String>;

fn read(name: &str) -> String {
    let path = std::path::Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("docs/sparql")
        .join(name);
    std::fs::read_to_string(&path).unwrap_or_else(|e| panic!("{}: {e}", path.display()))
}

async fn run(server: &TestServer, name: &str) -> Vec<Row> {
    let response = server
        .client
        .post(server.url("/sparql"))
        .header("content-type", "application/sparql-query")
        .header("accept", "application/sparql-results+json")
        .body(read(name))
        .send()
        .await
        .expect("request");
    assert!(
        response.status().is_success(),
        "{name}: {}",
        response.status()
    );
    let json: Value = response.json().await.expect("JSON results");
    json["results"]["bindings"]
        .as_array()
        .expect("bindings")
        .iter()
        .map(|b| {
            b.as_object()
                .expect("binding")
                .iter()
                .map(|(k, v)| {
                    (
                        k.clone(),
                        v["value"].as_str().unwrap_or_default().to_owned(),
                    )
                })
                .collect()
        })
        .collect()
}

fn entity(id: &str) -> String {
    dataset().iris.entity(id).as_str().to_owned()
}

fn statement(relation: &sunan_kg::Relation) -> String {
    let model = &dataset().model;
    dataset()
        .iris
        .statement(
            &model.entities[relation.subject].id,
            &relation.kind,
            &model.entities[relation.object].id,
        )
        .as_str()
        .to_owned()
}

/// Entities from which `kinds` edges lead (one or more steps) to `target`.
fn reaching(target: usize, kinds: &[&str]) -> BTreeSet<usize> {
    let model = &dataset().model;
    let mut found = BTreeSet::new();
    let mut frontier = vec![target];
    while let Some(node) = frontier.pop() {
        for relation in model.incoming(node) {
            if kinds.contains(&relation.kind.as_str()) && found.insert(relation.subject) {
                frontier.push(relation.subject);
            }
        }
    }
    found
}

#[test]
fn every_example_query_is_checked_here() {
    let dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("docs/sparql");
    let mut names: Vec<String> = std::fs::read_dir(dir)
        .expect("docs/sparql")
        .filter_map(|e| e.ok()?.file_name().into_string().ok())
        .filter(|n| n.ends_with(".rq"))
        .collect();
    names.sort();
    assert_eq!(
        names,
        [
            "01-who-supports-an-industry.rq",
            "02-paths-located-in-changzhou.rq",
            "03-targets-by-region-and-year.rq",
            "04-facts-from-the-zhenjiang-document.rq",
            "05-quote-behind-a-relation.rq",
            "06-facts-in-more-than-one-document.rq",
            "07-inferred-relations.rq",
        ]
    );
}

#[tokio::test]
async fn who_supports_new_energy_follows_the_industry_hierarchy() {
    let server = TestServer::start().await;
    let rows = run(&server, "01-who-supports-an-industry.rq").await;
    let model = &dataset().model;
    let new_energy = model.index_of("xinnengyuan").expect("新能源");
    let mut fields = reaching(new_energy, &["broader"]);
    fields.insert(new_energy);
    let expected: BTreeSet<(String, String)> = model
        .relations
        .iter()
        .filter(|r| {
            ["supports", "focusesOn"].contains(&r.kind.as_str()) && fields.contains(&r.object)
        })
        .map(|r| {
            (
                entity(&model.entities[r.subject].id),
                entity(&model.entities[r.object].id),
            )
        })
        .collect();
    let answer: BTreeSet<(String, String)> = rows
        .iter()
        .map(|r| (r["who"].clone(), r["field"].clone()))
        .collect();
    assert_eq!(answer, expected);
    // Reached only through the hierarchy: 锂电池 is narrower than 新能源.
    assert!(
        rows.iter()
            .any(|r| r["name"] == "中航锂电技术研究院" && r["fieldName"] == "锂电池"),
        "{rows:?}"
    );
}

#[tokio::test]
async fn institutes_in_changzhou_through_any_chain_of_places() {
    let server = TestServer::start().await;
    let rows = run(&server, "02-paths-located-in-changzhou.rq").await;
    let model = &dataset().model;
    let changzhou = model.index_of("changzhou").expect("常州市");
    let expected: BTreeSet<String> = reaching(changzhou, &["locatedIn", "partOf"])
        .into_iter()
        .filter(|&i| model.entities[i].kind == "ResearchInstitute")
        .map(|i| entity(&model.entities[i].id))
        .collect();
    let answer: BTreeSet<String> = rows.iter().map(|r| r["institute"].clone()).collect();
    assert_eq!(answer, expected);
    assert!(!answer.is_empty());
    assert!(
        rows.iter().any(|r| r["direct"] == "false"),
        "some are found only through a chain: {rows:?}"
    );
}

#[tokio::test]
async fn targets_for_changzhou_in_2018() {
    let server = TestServer::start().await;
    let rows = run(&server, "03-targets-by-region-and-year.rq").await;
    let model = &dataset().model;
    let changzhou = model.index_of("changzhou").expect("常州市");
    let expected: BTreeSet<String> = model
        .entities
        .iter()
        .filter(
            |e| matches!(&e.details, Details::Target(t) if t.region == changzhou && t.year == 2018),
        )
        .map(|e| entity(&e.id))
        .collect();
    let answer: BTreeSet<String> = rows.iter().map(|r| r["target"].clone()).collect();
    assert_eq!(answer, expected);
    assert!(
        rows.iter()
            .any(|r| r["indicator"] == "全社会研发投入占地区生产总值的比重"
                && r["value"] == "2.81"
                && r["unit"] == "%"),
        "{rows:?}"
    );
}

#[tokio::test]
async fn all_facts_from_the_zhenjiang_document_with_their_quotes() {
    let server = TestServer::start().await;
    let rows = run(&server, "04-facts-from-the-zhenjiang-document.rq").await;
    let model = &dataset().model;
    let zhenjiang = model.index_of("zhenjiang-2017").expect("document");
    let expected: BTreeSet<(String, String, String, String)> = model
        .relations
        .iter()
        .flat_map(|r| {
            r.evidence
                .iter()
                .filter(|e| e.document == zhenjiang)
                .map(move |e| {
                    (
                        entity(&model.entities[r.subject].id),
                        r.kind.clone(),
                        entity(&model.entities[r.object].id),
                        e.quote.clone(),
                    )
                })
        })
        .collect();
    let answer: BTreeSet<(String, String, String, String)> = rows
        .iter()
        .map(|r| {
            (
                r["subject"].clone(),
                r["kind"].clone(),
                r["object"].clone(),
                r["quote"].clone(),
            )
        })
        .collect();
    assert!(expected.len() > 100, "{} facts", expected.len());
    assert_eq!(answer, expected);
    for (_, _, _, quote) in &answer {
        assert!(quote_in_source("zhenjiang-2017", quote), "{quote}");
    }
}

#[tokio::test]
async fn the_quote_behind_a_relation() {
    let server = TestServer::start().await;
    let rows = run(&server, "05-quote-behind-a-relation.rq").await;
    assert_eq!(rows.len(), 1, "{rows:?}");
    let row = &rows[0];
    assert_eq!(row["document"], entity("changzhou-2018"));
    assert_eq!(row["provision"], entity("changzhou-2018-task-1"));
    assert_eq!(row["inferred"], "false");
    assert!(row["quote"].contains("中科院"), "{row:?}");
    assert!(quote_in_source("changzhou-2018", &row["quote"]));
}

#[tokio::test]
async fn facts_stated_in_more_than_one_document() {
    let server = TestServer::start().await;
    let rows = run(&server, "06-facts-in-more-than-one-document.rq").await;
    let expected: BTreeMap<String, String> = dataset()
        .model
        .relations
        .iter()
        .filter_map(|r| {
            let documents: BTreeSet<usize> = r.evidence.iter().map(|e| e.document).collect();
            (documents.len() > 1).then(|| (statement(r), documents.len().to_string()))
        })
        .collect();
    let answer: BTreeMap<String, String> = rows
        .iter()
        .map(|r| (r["statement"].clone(), r["documents"].clone()))
        .collect();
    assert!(!expected.is_empty());
    assert_eq!(answer, expected);
}

#[tokio::test]
async fn inferred_relations_say_why() {
    let server = TestServer::start().await;
    let rows = run(&server, "07-inferred-relations.rq").await;
    let expected: BTreeSet<String> = dataset()
        .model
        .relations
        .iter()
        .filter(|r| r.is_inferred())
        .map(statement)
        .collect();
    let answer: BTreeSet<String> = rows.iter().map(|r| r["statement"].clone()).collect();
    // An empty answer would match a graph without inferences, and say nothing.
    assert!(!expected.is_empty(), "the graph has inferred relations");
    assert_eq!(answer, expected);
    assert!(rows.iter().all(|r| !r["why"].is_empty()));
}
