//! Whole-graph checks of the data: evidence everywhere, quotes in their sources, coverage.

use sunan_kg::model::Details;

use crate::common::{dataset, graph_data, quote_in_source};

#[test]
fn every_entity_and_relation_has_a_quote_found_in_its_source() {
    let data = dataset();
    let model = &data.model;
    let mut quotes = 0;
    for entity in &model.entities {
        assert!(!entity.evidence.is_empty(), "{} has no evidence", entity.id);
        for evidence in &entity.evidence {
            let document = &model.entities[evidence.document].id;
            assert!(
                quote_in_source(document, &evidence.quote),
                "{}: {}",
                entity.id,
                evidence.quote
            );
            quotes += 1;
        }
    }
    for relation in &model.relations {
        assert!(!relation.evidence.is_empty());
        for evidence in &relation.evidence {
            let document = &model.entities[evidence.document].id;
            assert!(
                quote_in_source(document, &evidence.quote),
                "{}",
                evidence.quote
            );
            quotes += 1;
        }
    }
    println!(
        "{} entities and {} relations, {quotes} quotes, every one found in its source",
        model.entities.len(),
        model.relations.len()
    );
}

#[test]
fn the_changzhou_document_is_modelled_whole() {
    let data = dataset();
    let model = &data.model;
    let tasks = model
        .entities
        .iter()
        .filter(|e| matches!(e.details, Details::Task(_)) && e.id.starts_with("changzhou-2018-"))
        .count();
    assert_eq!(tasks, 35);
    // Its 2018 targets, with value, unit, year and region.
    let target = model
        .entities
        .iter()
        .find_map(|e| match &e.details {
            Details::Target(t)
                if e.id.starts_with("changzhou-2018-") && t.indicator.contains("研发投入") =>
            {
                Some(t)
            }
            _ => None,
        })
        .expect("R&D target");
    assert_eq!(
        (target.value, target.unit.as_str(), target.year),
        (2.81, "%", 2018)
    );
    assert_eq!(model.entities[target.region].id, "changzhou");
    for named in [
        "中以常州创新园",
        "苏科贷",
        "常州科教城",
        "龙城英才计划",
        "第十三届中国常州先进制造技术成果展示洽谈会",
    ] {
        assert!(
            model
                .entities
                .iter()
                .any(|e| e.name == named || e.aliases.iter().any(|a| a.text == named)),
            "{named} is in the graph"
        );
    }
}

#[test]
fn each_city_has_its_own_science_bureau() {
    let data = dataset();
    let bureau_of = |city: &str| {
        data.model
            .entities
            .iter()
            .filter(|e| {
                e.kind == "GovernmentBody" && e.name.starts_with(city) && e.name.contains("科")
            })
            .filter(|e| e.written_forms.iter().any(|f| f.contains("市科技局")))
            .map(|e| e.id.clone())
            .collect::<Vec<_>>()
    };
    let changzhou = bureau_of("常州");
    let zhenjiang = bureau_of("镇江");
    assert_eq!(changzhou.len(), 1, "{changzhou:?}");
    assert_eq!(zhenjiang.len(), 1, "{zhenjiang:?}");
    assert_ne!(changzhou, zhenjiang);
}

#[test]
fn traditional_names_are_aliases_of_simplified_nodes() {
    let data = dataset();
    let jiangyin = data.model.entity("jiangyin").expect("江阴市");
    assert_eq!(jiangyin.name, "江阴市");
    assert_eq!(jiangyin.traditional, "江陰市");
    let sukedai = data.model.entity("sukedai").expect("苏科贷");
    assert!(sukedai.aliases.iter().any(|a| a.text == "蘇科貸"));
    assert!(!data.model.entities.iter().any(|e| e.name == "蘇科貸"));
}

#[test]
fn coverage_explains_every_candidate_name() {
    let files = graph_data();
    let data = dataset();
    let report =
        sunan_kg::coverage::check_coverage(&data.model, &files).expect("ignore lists are valid");
    let total: usize = report.candidates.values().sum();
    println!(
        "{total} candidates: {} named, {} ignored, {} generic, {} unexplained",
        report.named,
        report.ignored,
        report.generic,
        report.unexplained.len()
    );
    let listed: Vec<String> = report
        .unexplained
        .iter()
        .map(|c| format!("{} {} {} …{}…", c.document, c.pattern, c.text, c.context))
        .collect();
    assert!(
        listed.is_empty(),
        "unexplained candidates:\n{}",
        listed.join("\n")
    );
    assert!(
        report.unused_ignores.is_empty(),
        "stale ignore entries: {:?}",
        report.unused_ignores
    );
}

#[test]
fn docs_graph_md_shows_the_current_figures() {
    let files = graph_data();
    let data = dataset();
    let coverage = sunan_kg::coverage::check_coverage(&data.model, &files).expect("coverage runs");
    let report = sunan_kg::report::graph_report(&data.model, &coverage);
    // On a difference this prints a diff; `UPDATE_EXPECT=1 cargo test` rewrites the file.
    expect_test::expect_file!["../../docs/graph.md"].assert_eq(&report);
}
