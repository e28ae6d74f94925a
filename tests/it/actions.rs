//! What policy does: action roles of provisions, the relations rules derive from them, and the
//! basis (stated, inferred, derived, curated) of every relation. GraphQL semantics are checked
//! through `schema.execute`, without HTTP.

use std::collections::HashSet;

use serde_json::{Value, json};
use sunan_kg::model::{Basis, Details};
use sunan_kg::vocabulary::ids;
use sunan_kg::{LoadError, Model};

use crate::common::{dataset, load_with};

async fn execute(query: &str, variables: Value) -> Value {
    let schema = sunan_kg::graphql::build_schema(dataset());
    let request = async_graphql::Request::new(query)
        .variables(async_graphql::Variables::from_json(variables));
    let response = schema.execute(request).await;
    assert!(response.errors.is_empty(), "{:?}", response.errors);
    response.data.into_json().expect("JSON data")
}

fn index(model: &Model, id: &str) -> usize {
    model.index_of(id).unwrap_or_else(|| panic!("{id} exists"))
}

/// The relations of `kind` from `subject` to `object`, with their evidence.
fn relation<'m>(
    model: &'m Model,
    subject: usize,
    kind: &str,
    object: usize,
) -> Option<&'m sunan_kg::Relation> {
    model
        .outgoing(subject)
        .find(|r| r.kind == kind && r.object == object)
}

#[test]
fn sukedai_is_used_in_each_city_whose_document_promotes_it_and_says_who_promotes_it() {
    let data = dataset();
    let model = &data.model;
    let sukedai = index(model, "sukedai");
    for city in ["changzhou", "jiangyin", "zhenjiang"] {
        let used = relation(model, sukedai, "usedIn", index(model, city))
            .unwrap_or_else(|| panic!("苏科贷 usedIn {city}"));
        let evidence = &used.evidence[0];
        assert_eq!(
            evidence.basis,
            Basis::Derived("instrument-used-in-document-region".into())
        );
        assert!(
            evidence.quote.contains("苏科贷") || evidence.quote.contains("蘇科貸"),
            "{evidence:?}"
        );
        // The same quote makes a body of that document promote 苏科贷.
        let promoters: Vec<_> = model
            .incoming(sukedai)
            .filter(|r| r.kind == "promotes")
            .filter(|r| {
                r.evidence
                    .iter()
                    .any(|e| e.document == evidence.document && e.basis.rule().is_some())
            })
            .collect();
        assert!(!promoters.is_empty(), "someone promotes 苏科贷 in {city}");
    }
}

#[test]
fn every_derived_relation_names_its_rule_and_cites_the_quote_of_a_role() {
    let data = dataset();
    let model = &data.model;
    let role_quotes: HashSet<(usize, &str)> = model
        .relations
        .iter()
        .filter(|r| model.vocabulary.is_role(&r.kind))
        .flat_map(|r| r.evidence.iter().map(move |e| (r.object, e.quote.as_str())))
        .collect();
    let mut derived = 0;
    for relation in &model.relations {
        for evidence in &relation.evidence {
            let Some(rule) = evidence.basis.rule() else {
                continue;
            };
            derived += 1;
            assert!(model.rule_sentence(rule).is_some(), "rule {rule} exists");
            assert!(
                role_quotes.contains(&(relation.object, evidence.quote.as_str()))
                    || role_quotes.contains(&(relation.subject, evidence.quote.as_str())),
                "{} {} {}: {:?} is the quote of a role",
                model.entities[relation.subject].id,
                relation.kind,
                model.entities[relation.object].id,
                evidence.quote
            );
        }
    }
    assert!(derived > 100, "rules derive relations: {derived}");
}

#[test]
fn a_bare_mention_remains_only_where_no_role_links_the_same_pair() {
    let data = dataset();
    let model = &data.model;
    let with_role: HashSet<(usize, usize)> = model
        .relations
        .iter()
        .filter(|r| model.vocabulary.is_role(&r.kind))
        .map(|r| (r.subject, r.object))
        .collect();
    assert!(!with_role.is_empty());
    for relation in model.relations.iter().filter(|r| r.kind == ids::MENTIONS) {
        assert!(!with_role.contains(&(relation.subject, relation.object)));
    }
}

#[test]
fn every_changzhou_task_that_names_an_instrument_says_so() {
    let data = dataset();
    let model = &data.model;
    let document = index(model, "changzhou-2018");
    let tasks: Vec<usize> = (0..model.entities.len())
        .filter(
            |&t| matches!(&model.entities[t].details, Details::Task(p) if p.document == document),
        )
        .collect();
    let with_instrument = tasks
        .iter()
        .filter(|&&t| model.outgoing(t).any(|r| r.kind == "usesInstrument"))
        .count();
    assert!(
        with_instrument * 2 >= tasks.len(),
        "{with_instrument} of {} tasks use an instrument",
        tasks.len()
    );
}

#[test]
fn every_named_entity_relates_to_another_or_says_why_not() {
    let data = dataset();
    let model = &data.model;
    let silent: Vec<&str> = model
        .unrelated_entities()
        .into_iter()
        .filter(|&e| model.entities[e].unrelated.is_none())
        .map(|e| model.entities[e].id.as_str())
        .collect();
    assert!(silent.is_empty(), "no relation and no reason: {silent:?}");
}

#[tokio::test]
async fn relations_filter_by_basis_and_derived_evidence_names_its_rule() {
    let data = execute(
        r#"query($id: ID!) {
            entity(id: $id) {
              relations(kinds: [PROMOTES, USED_IN], basis: [DERIVED], first: 100) {
                nodes { kind basis evidence { basis rule inferenceNote quote } }
              }
            }
          }"#,
        json!({"id": "sukedai"}),
    )
    .await;
    let nodes = data["entity"]["relations"]["nodes"]
        .as_array()
        .expect("nodes");
    assert!(nodes.len() >= 4, "{nodes:?}");
    for node in nodes {
        assert_eq!(node["basis"], "DERIVED");
        let derived: Vec<&Value> = node["evidence"]
            .as_array()
            .expect("evidence")
            .iter()
            .filter(|e| e["basis"] == "DERIVED")
            .collect();
        assert!(!derived.is_empty());
        for evidence in derived {
            assert!(evidence["rule"].as_str().is_some_and(|r| !r.is_empty()));
            assert!(
                evidence["inferenceNote"]
                    .as_str()
                    .is_some_and(|r| !r.is_empty())
            );
        }
    }
}

#[tokio::test]
async fn relation_kinds_say_which_are_structural_roles_and_containment() {
    let data = execute(
        "{ relationKinds { id structural containment hierarchy role subPropertyOf } }",
        json!({}),
    )
    .await;
    let kinds = data["relationKinds"].as_array().expect("kinds");
    let kind = |id: &str| {
        kinds
            .iter()
            .find(|k| k["id"] == id)
            .unwrap_or_else(|| panic!("{id}"))
    };
    assert_eq!(kind("usesInstrument")["role"], "instrument");
    assert_eq!(kind("usesInstrument")["structural"], true);
    assert_eq!(kind("usesInstrument")["subPropertyOf"], "mentions");
    assert_eq!(kind("mentions")["structural"], true);
    assert_eq!(kind("locatedIn")["containment"], true);
    assert_eq!(kind("locatedIn")["structural"], false);
    assert_eq!(kind("broader")["hierarchy"], true);
}

fn reasons(error: &LoadError) -> String {
    error.to_string()
}

const CHANGZHOU: &str = "documents/changzhou-2018.toml";

#[test]
fn an_unknown_role_is_refused_with_the_roles_there_are() {
    let error = load_with(CHANGZHOU, |t| {
        t.replacen("role = \"instrument\"", "role = \"tool\"", 1)
    })
    .expect_err("refused");
    let text = reasons(&error);
    assert!(text.contains("unknown role \"tool\""), "{text}");
    assert!(text.contains("instrument, carrier"), "{text}");
    assert!(text.contains(CHANGZHOU), "{text}");
}

#[test]
fn a_role_outside_its_range_is_refused() {
    // 苏科贷 is a loan product: the industry role cannot point at it.
    let error = load_with(CHANGZHOU, |t| {
        t.replacen(
            "entity = \"sukedai\"\nrole = \"instrument\"\n",
            "entity = \"sukedai\"\nrole = \"industry\"\n",
            1,
        )
    })
    .expect_err("refused");
    let text = reasons(&error);
    assert!(
        text.contains("targetsIndustry cannot point to sukedai"),
        "{text}"
    );
}

#[test]
fn a_role_kind_written_as_a_relation_is_refused() {
    let error = load_with(CHANGZHOU, |t| {
        format!(
            "{t}\n[[sentence]]\nquote = \"深化“苏科贷”运作和服务模式\"\n[[sentence.relation]]\nsubject = \"changzhou-2018-task-19\"\nkind = \"usesInstrument\"\nobject = \"sukedai\"\n"
        )
    })
    .expect_err("refused");
    assert!(reasons(&error).contains("is an action role"), "{error}");
}

#[test]
fn a_rule_that_derives_an_unknown_kind_is_refused_in_rules_toml() {
    let error = load_with("rules.toml", |t| {
        t.replacen("derive = \"promotes\"", "derive = \"advertises\"", 1)
    })
    .expect_err("refused");
    let text = reasons(&error);
    assert!(text.contains("rules.toml"), "{text}");
    assert!(
        text.contains("unknown relation kind \"advertises\""),
        "{text}"
    );
}

#[test]
fn an_unrelated_note_on_an_entity_that_has_relations_is_refused() {
    let error = load_with("entities/common.toml", |t| {
        t.replacen(
            "id = \"sukedai\"\n",
            "id = \"sukedai\"\nunrelated = \"nothing\"\n",
            1,
        )
    })
    .expect_err("refused");
    assert!(
        reasons(&error).contains("entity sukedai: unrelated"),
        "{error}"
    );
}

#[test]
fn a_written_form_that_would_name_two_entities_is_refused() {
    let error = load_with(CHANGZHOU, |t| {
        format!(
            "{t}\n[[sentence]]\ntask = \"1\"\nquote = \"充分发挥科教城“创新之核”辐射引领作用\"\n[[sentence.mention]]\nentity = \"sukedai\"\nas = \"科教城\"\n"
        )
    })
    .expect_err("refused");
    assert!(
        reasons(&error).contains("\"科教城\" is already a name of changzhou-kejiaocheng"),
        "{error}"
    );
}
