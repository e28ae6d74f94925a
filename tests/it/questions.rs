//! The questions the graph must answer with quotes (docs/questions/*.rq), run as SPARQL on
//! the store, checked against what the documents say.

use std::collections::BTreeSet;

use oxigraph::model::Term;

use crate::common::{dataset, quote_in_source};

/// Runs a question file and returns its rows as variable → plain text.
fn ask(file: &str) -> Vec<std::collections::HashMap<String, String>> {
    let path = std::path::Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("docs/questions")
        .join(file);
    let query =
        std::fs::read_to_string(&path).unwrap_or_else(|e| panic!("{}: {e}", path.display()));
    let data = dataset();
    let solutions = crate::common::select(&data, &query);
    solutions
        .into_iter()
        .map(|solution| {
            solution
                .iter()
                .map(|(variable, term)| {
                    let text = match term {
                        Term::NamedNode(n) => n.as_str().to_owned(),
                        Term::Literal(l) => l.value().to_owned(),
                        other => other.to_string(),
                    };
                    (variable.as_str().to_owned(), text)
                })
                .collect()
        })
        .collect()
}

fn column(rows: &[std::collections::HashMap<String, String>], name: &str) -> BTreeSet<String> {
    rows.iter()
        .filter_map(|row| row.get(name).cloned())
        .collect()
}

/// Quotes in a column come from the document in `doc` (an IRI) or from `document`.
fn quotes_are_in_sources(
    rows: &[std::collections::HashMap<String, String>],
    document: Option<&str>,
) {
    for row in rows {
        let Some(quote) = row.get("quote") else {
            continue;
        };
        let doc = match (row.get("doc"), document) {
            (Some(iri), _) => iri.rsplit('/').next().unwrap_or(iri).to_owned(),
            (None, Some(id)) => id.to_owned(),
            (None, None) => continue,
        };
        assert!(quote_in_source(&doc, quote), "{doc}: {quote}");
    }
}

#[test]
fn which_loan_products_does_zhenjiang_promote() {
    let rows = ask("loan-products-zhenjiang-promotes.rq");
    let products = column(&rows, "productName");
    for product in ["苏科贷", "镇科贷", "镇科通", "镇保贷", "镇知贷"] {
        assert!(products.contains(product), "{product} in {products:?}");
    }
    quotes_are_in_sources(&rows, Some("zhenjiang-2017"));
}

#[test]
fn which_institutes_and_platforms_work_on_graphene_or_integrated_circuits() {
    let rows = ask("who-works-on-graphene-or-integrated-circuits.rq");
    let names = column(&rows, "name");
    for name in [
        "江南石墨烯研究院",
        "江阴集成电路设计创新中心",
        "集成电路产业技术创新联盟",
    ] {
        assert!(names.contains(name), "{name} in {names:?}");
    }
    quotes_are_in_sources(&rows, None);
}

#[test]
fn each_high_tech_zone_has_its_strategic_industry_in_the_sunan_plan() {
    let rows = ask("strategic-industry-of-each-high-tech-zone.rq");
    let pairs: BTreeSet<(String, String)> = rows
        .iter()
        .map(|r| (r["zoneName"].clone(), r["industryName"].clone()))
        .collect();
    assert!(
        pairs.contains(&("常州国家高新技术产业开发区".into(), "光伏".into())),
        "{pairs:?}"
    );
    assert!(
        pairs.contains(&("苏州工业园区".into(), "纳米技术".into())),
        "{pairs:?}"
    );
    assert_eq!(column(&rows, "zoneName").len(), 5, "{pairs:?}");
    quotes_are_in_sources(&rows, Some("jiangsu-2020"));
}

#[test]
fn which_foreign_countries_do_the_parks_cooperate_with() {
    let rows = ask("partner-countries-of-parks.rq");
    let pairs: BTreeSet<(String, String)> = rows
        .iter()
        .map(|r| (r["parkName"].clone(), r["countryName"].clone()))
        .collect();
    assert!(
        pairs.contains(&("中以常州创新园".into(), "以色列".into())),
        "{pairs:?}"
    );
    assert!(column(&rows, "countryName").contains("德国"), "{pairs:?}");
    quotes_are_in_sources(&rows, None);
}

#[test]
fn what_does_jiangyin_target_for_2025() {
    let rows = ask("jiangyin-targets-2025.rq");
    assert!(rows.len() >= 10, "{} targets", rows.len());
    assert!(
        rows.iter()
            .all(|r| r["year"] == "2025" && r["regionName"] == "江阴市")
    );
    let tech_firms = rows
        .iter()
        .find(|r| r["indicator"].contains("科技型中小企业"))
        .expect("科技型中小企业 target");
    assert_eq!(tech_firms["value"].parse::<f64>().ok(), Some(2800.0));
    assert_eq!(tech_firms["unit"], "家");
    quotes_are_in_sources(&rows, Some("jiangyin-2023"));
}

#[test]
fn who_leads_each_changzhou_task() {
    let rows = ask("who-leads-each-changzhou-task.rq");
    assert_eq!(rows.len(), 35, "one row per task");
    assert!(rows.iter().all(|r| !r["agencies"].is_empty()));
    quotes_are_in_sources(&rows, Some("changzhou-2018"));
}
