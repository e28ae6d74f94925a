//! The SHACL shapes of the graph (`graph-data/shapes.ttl`, served at `<base>shapes`),
//! generated from `vocabulary.toml` plus the fixed structure of entities, documents,
//! provisions, targets, statements and references. A validator run on a dump checks the RDF
//! independently of the loader: labels and ids, closed classes (so a relation outside its
//! domain or a misspelt property is caught), ranges, counts, datatypes, and that each statement
//! node agrees with its direct triple.

use super::iri::{Iris, ns};
use super::ontology::{compact, prefixes};
use super::turtle::{self, Pair, TurtleText, blank, list, pair};
use crate::vocabulary::Vocabulary;

/// The shapes as a Turtle document.
pub fn shapes_turtle(vocabulary: &Vocabulary, iris: &Iris) -> String {
    let mut prefixes = prefixes(iris);
    prefixes.insert(0, ("skh", iris.shapes_ns()));
    prefixes.push(("sh", ns::SH.to_owned()));
    let c = |iri: &str| compact(iri, &prefixes);
    let sk = |name: &str| c(iris.term(name).as_str());
    let skp = |name: &str| c(iris.statement_link(name).as_str());
    let skps = |name: &str| c(iris.statement_value(name).as_str());
    let skh = |name: &str| c(&format!("{}{name}", iris.shapes_ns()));
    let one = || {
        vec![
            pair("sh:minCount", vec!["1".into()]),
            pair("sh:maxCount", vec!["1".into()]),
        ]
    };
    let property = |path: String, mut rest: Vec<Pair>| {
        rest.insert(0, pair("sh:path", vec![path]));
        blank(&rest)
    };
    let one_of_classes = |classes: &[String]| -> Pair {
        match classes {
            [single] => pair("sh:class", vec![sk(single)]),
            many => pair(
                "sh:or",
                vec![list(
                    &many
                        .iter()
                        .map(|k| blank(&[pair("sh:class", vec![sk(k)])]))
                        .collect::<Vec<_>>(),
                )],
            ),
        }
    };
    let strings =
        |items: &[&str]| list(&items.iter().map(|s| turtle::string(s)).collect::<Vec<_>>());
    let message = |text: &str| pair("sh:message", vec![turtle::lang(text, "en")]);
    let labels = |zh: &str, en: &str| {
        pair(
            "rdfs:label",
            vec![turtle::lang(zh, "zh-Hans"), turtle::lang(en, "en")],
        )
    };

    let mut doc = TurtleText::default();
    doc.comment(
        "SHACL shapes of sunan-kg (苏南创新政策知识图谱).\nGenerated from graph-data/vocabulary.toml by `sunan-kg shapes`; do not edit by hand.\nValidate a dump with any SHACL processor that supports SHACL-SPARQL, e.g. `pyshacl -s shapes.ttl sunan-kg.ttl`.",
    );
    doc.prefixes(&prefixes);
    doc.block(
        &turtle::iri(&format!("{}shapes", iris.base())),
        &[
            pair("a", vec!["owl:Ontology".into()]),
            labels(
                "苏南创新政策知识图谱的 SHACL 形状",
                "SHACL shapes of sunan-kg",
            ),
            pair("rdfs:seeAlso", vec![turtle::iri(iris.ontology().as_str())]),
            pair(
                "sh:declare",
                vec![
                    blank(&[
                        pair("sh:prefix", vec![turtle::string("sk")]),
                        pair(
                            "sh:namespace",
                            vec![turtle::typed(&iris.ontology_ns(), "xsd:anyURI")],
                        ),
                    ]),
                    blank(&[
                        pair("sh:prefix", vec![turtle::string("dcterms")]),
                        pair(
                            "sh:namespace",
                            vec![turtle::typed(ns::DCTERMS, "xsd:anyURI")],
                        ),
                    ]),
                ],
            ),
        ],
    );

    let kinds: Vec<String> = vocabulary.kinds.iter().map(|k| sk(&k.id)).collect();
    let mut entity_targets: Vec<String> = vec![sk("id")];
    entity_targets.extend(vocabulary.relations.iter().map(|r| sk(&r.id)));
    doc.comment("---- Every entity");
    doc.block(
        &skh("Entity"),
        &[
            pair("a", vec!["sh:NodeShape".into()]),
            labels("实体", "Entity"),
            pair(
                "rdfs:comment",
                vec![turtle::lang(
                    "Every entity, and every subject of a relation, has one id, one declared kind, a simplified Chinese label, unique labels per language, and pinyin.",
                    "en",
                )],
            ),
            pair("sh:targetSubjectsOf", entity_targets),
            pair(
                "sh:property",
                vec![
                    property(
                        sk("id"),
                        [
                            one(),
                            vec![
                                pair("sh:datatype", vec!["xsd:string".into()]),
                                pair(
                                    "sh:pattern",
                                    vec![turtle::string("^[a-z0-9]+(-[a-z0-9]+)*$")],
                                ),
                            ],
                        ]
                        .concat(),
                    ),
                    property(
                        "rdf:type".into(),
                        [one(), vec![pair("sh:in", vec![list(&kinds)])]].concat(),
                    ),
                    property(
                        "rdfs:label".into(),
                        vec![
                            pair("sh:minCount", vec!["2".into()]),
                            pair("sh:languageIn", vec![strings(&["zh-Hans", "zh-Hant", "en"])]),
                            pair("sh:uniqueLang", vec!["true".into()]),
                        ],
                    ),
                    property(
                        "rdfs:label".into(),
                        vec![
                            pair(
                                "sh:qualifiedValueShape",
                                vec![blank(&[pair("sh:languageIn", vec![strings(&["zh-Hans"])])])],
                            ),
                            pair("sh:qualifiedMinCount", vec!["1".into()]),
                            message("an entity has a label in simplified Chinese (zh-Hans)"),
                        ],
                    ),
                    property(
                        "skos:prefLabel".into(),
                        vec![
                            pair("sh:minCount", vec!["2".into()]),
                            pair("sh:languageIn", vec![strings(&["zh-Hans", "zh-Hant", "en"])]),
                            pair("sh:uniqueLang", vec!["true".into()]),
                        ],
                    ),
                    property(
                        "skos:altLabel".into(),
                        vec![
                            pair("sh:minCount", vec!["1".into()]),
                            pair(
                                "sh:languageIn",
                                vec![strings(&["zh-Hans", "zh-Hant", "zh-Latn-pinyin"])],
                            ),
                        ],
                    ),
                    property(
                        sk("englishNameStatus"),
                        vec![
                            pair("sh:maxCount", vec!["1".into()]),
                            pair("sh:in", vec![strings(&["established", "translation"])]),
                        ],
                    ),
                    property(
                        "skos:editorialNote".into(),
                        vec![pair("sh:datatype", vec!["rdf:langString".into()])],
                    ),
                ],
            ),
        ],
    );

    doc.comment(
        "---- One closed shape per class: the properties an entity of that kind may have.\nA relation outside its declared domain, or a misspelt property, is a violation.",
    );
    let common: Vec<String> = [
        "rdf:type".to_owned(),
        sk("id"),
        "rdfs:label".into(),
        "skos:prefLabel".into(),
        "skos:altLabel".into(),
        sk("englishNameStatus"),
        "skos:editorialNote".into(),
    ]
    .into();
    for kind in &vocabulary.kinds {
        let mut properties: Vec<String> = specific_properties(&kind.id, &sk, &c)
            .into_iter()
            .map(|(path, rest)| property(path, rest))
            .collect();
        for relation in &vocabulary.relations {
            if relation.domain.is_empty() || relation.domain.contains(&kind.id) {
                properties.push(property(sk(&relation.id), Vec::new()));
                properties.push(property(skp(&relation.id), Vec::new()));
            }
        }
        doc.block(
            &skh(&kind.id),
            &[
                pair("a", vec!["sh:NodeShape".into()]),
                labels(&kind.zh, &kind.en),
                pair("sh:targetClass", vec![sk(&kind.id)]),
                pair("sh:closed", vec!["true".into()]),
                pair("sh:ignoredProperties", vec![list(&common)]),
                pair("sh:property", properties),
            ],
        );
    }

    doc.comment("---- Ranges of relations: the object of sk:R and of skps:R");
    for relation in &vocabulary.relations {
        let constraint = if relation.range.is_empty() {
            pair(
                "sh:property",
                vec![property(
                    sk("id"),
                    vec![
                        pair("sh:minCount", vec!["1".into()]),
                        message("the object of a relation is an entity of the graph"),
                    ],
                )],
            )
        } else {
            one_of_classes(&relation.range)
        };
        doc.block(
            &skh(&format!("{}-range", relation.id)),
            &[
                pair("a", vec!["sh:NodeShape".into()]),
                labels(&relation.zh, &relation.en),
                pair(
                    "sh:targetObjectsOf",
                    vec![sk(&relation.id), skps(&relation.id)],
                ),
                constraint,
            ],
        );
    }
    doc.block(
        &skh("StatementLink-range"),
        &[
            pair("a", vec!["sh:NodeShape".into()]),
            labels("陈述链接的客体", "Object of a statement link"),
            pair(
                "sh:targetObjectsOf",
                vocabulary.relations.iter().map(|r| skp(&r.id)).collect(),
            ),
            pair("sh:class", vec![sk("Statement")]),
        ],
    );

    doc.comment("---- Statements and references");
    let mut statement_properties = vec![
        property(
            sk("inferred"),
            [one(), vec![pair("sh:datatype", vec!["xsd:boolean".into()])]].concat(),
        ),
        property(sk("basis"), [one(), basis_values()].concat()),
        property(
            "prov:wasDerivedFrom".into(),
            vec![
                pair("sh:minCount", vec!["1".into()]),
                pair("sh:class", vec![sk("Reference")]),
            ],
        ),
    ];
    statement_properties.extend(
        vocabulary
            .relations
            .iter()
            .map(|r| property(skps(&r.id), vec![pair("sh:maxCount", vec!["1".into()])])),
    );
    let skp_ns = iris.statement_link_ns();
    let skps_ns = iris.statement_value_ns();
    let sk_ns = iris.ontology_ns();
    doc.block(
        &skh("Statement"),
        &[
            pair("a", vec!["sh:NodeShape".into()]),
            labels("陈述", "Statement"),
            pair("sh:targetClass", vec![sk("Statement")]),
            pair("sh:closed", vec!["true".into()]),
            pair("sh:ignoredProperties", vec![list(&["rdf:type".to_owned()])]),
            pair("sh:property", statement_properties),
            pair(
                "sh:sparql",
                vec![blank(&[
                    pair("a", vec!["sh:SPARQLConstraint".into()]),
                    message(
                        "a statement node is linked from its subject by skp:R, points to its object by skps:R, and the direct triple sk:R between them exists",
                    ),
                    pair("sh:select", vec![turtle::string(&format!(
                        "SELECT $this WHERE {{ FILTER NOT EXISTS {{ ?subject ?link $this . $this ?value ?object . ?subject ?direct ?object . FILTER(STRSTARTS(STR(?link), \"{skp_ns}\") && !STRSTARTS(STR(?link), \"{skps_ns}\") && STRAFTER(STR(?value), \"{skps_ns}\") = STRAFTER(STR(?link), \"{skp_ns}\") && STR(?direct) = CONCAT(\"{sk_ns}\", STRAFTER(STR(?link), \"{skp_ns}\"))) }} }}"
                    ))]),
                ])],
            ),
        ],
    );
    let shapes_doc = turtle::iri(&format!("{}shapes", iris.base()));
    doc.block(
        &skh("Reference"),
        &[
            pair("a", vec!["sh:NodeShape".into()]),
            labels("出处", "Reference"),
            pair("sh:targetClass", vec![sk("Reference")]),
            pair("sh:closed", vec!["true".into()]),
            pair("sh:ignoredProperties", vec![list(&["rdf:type".to_owned()])]),
            pair(
                "sh:property",
                vec![
                    property(
                        "dcterms:source".into(),
                        [one(), vec![pair("sh:class", vec![sk("Document")])]].concat(),
                    ),
                    property(
                        sk("provision"),
                        vec![
                            pair("sh:maxCount", vec!["1".into()]),
                            one_of_classes(&["Task".into(), "Section".into()]),
                        ],
                    ),
                    property(
                        sk("quote"),
                        [
                            one(),
                            vec![
                                pair("sh:datatype", vec!["rdf:langString".into()]),
                                pair("sh:minLength", vec!["1".into()]),
                                pair("sh:languageIn", vec![strings(&["zh-Hans", "zh-Hant"])]),
                            ],
                        ]
                        .concat(),
                    ),
                    property(
                        sk("inferenceNote"),
                        vec![
                            pair("sh:maxCount", vec!["1".into()]),
                            pair("sh:datatype", vec!["rdf:langString".into()]),
                        ],
                    ),
                    property(sk("basis"), [one(), basis_values()].concat()),
                    property(
                        sk("rule"),
                        vec![
                            pair("sh:maxCount", vec!["1".into()]),
                            pair("sh:datatype", vec!["xsd:string".into()]),
                        ],
                    ),
                    property(
                        "skos:editorialNote".into(),
                        vec![pair("sh:datatype", vec!["rdf:langString".into()])],
                    ),
                    property(
                        blank(&[pair("sh:inversePath", vec!["prov:wasDerivedFrom".into()])]),
                        [one(), vec![pair("sh:class", vec![sk("Statement")])]].concat(),
                    ),
                ],
            ),
            pair(
                "sh:sparql",
                vec![blank(&[
                    pair("a", vec!["sh:SPARQLConstraint".into()]),
                    message("the provision of a reference is part of the reference's source document"),
                    pair("sh:prefixes", vec![shapes_doc]),
                    pair(
                        "sh:select",
                        vec![turtle::string(
                            "SELECT $this WHERE { $this sk:provision ?provision ; dcterms:source ?document . FILTER NOT EXISTS { ?provision dcterms:isPartOf ?document } }",
                        )],
                    ),
                ])],
            ),
        ],
    );
    let lang_text = || {
        vec![
            pair("sh:datatype", vec!["rdf:langString".into()]),
            pair("sh:minLength", vec!["1".into()]),
        ]
    };
    doc.comment("---- Instrument codes");
    doc.block(
        &skh("InstrumentCode"),
        &[
            pair("a", vec!["sh:NodeShape".into()]),
            labels("政策工具编码", "Instrument code"),
            pair("sh:targetClass", vec![sk("InstrumentCode")]),
            pair("sh:closed", vec!["true".into()]),
            pair("sh:ignoredProperties", vec![list(&["rdf:type".to_owned()])]),
            pair(
                "sh:property",
                vec![
                    property(
                        sk("tool"),
                        [one(), vec![pair("sh:class", vec!["skos:Concept".into()])]].concat(),
                    ),
                    property(
                        sk("provision"),
                        [
                            one(),
                            vec![one_of_classes(&["Task".into(), "Section".into()])],
                        ]
                        .concat(),
                    ),
                    property(
                        "dcterms:source".into(),
                        [one(), vec![pair("sh:class", vec![sk("Document")])]].concat(),
                    ),
                    property(sk("cue"), [one(), lang_text()].concat()),
                    property(sk("quote"), [one(), lang_text()].concat()),
                    property(
                        "skos:editorialNote".into(),
                        vec![pair("sh:datatype", vec!["rdf:langString".into()])],
                    ),
                    property(
                        blank(&[pair("sh:inversePath", vec![sk("instrumentCode")])]),
                        one(),
                    ),
                ],
            ),
        ],
    );
    doc.finish()
}

/// The properties, beyond names and relations, that entities of one structural kind carry,
/// with their constraints.
fn specific_properties(
    kind: &str,
    sk: &dyn Fn(&str) -> String,
    c: &dyn Fn(&str) -> String,
) -> Vec<(String, Vec<Pair>)> {
    let count = |min: Option<u8>, max: Option<u8>| -> Vec<Pair> {
        let mut out = Vec::new();
        if let Some(min) = min {
            out.push(pair("sh:minCount", vec![min.to_string()]));
        }
        if let Some(max) = max {
            out.push(pair("sh:maxCount", vec![max.to_string()]));
        }
        out
    };
    let with = |mut base: Vec<Pair>, extra: Vec<Pair>| {
        base.extend(extra);
        base
    };
    let datatype = |d: &str| pair("sh:datatype", vec![d.to_owned()]);
    let class = |k: &str| pair("sh:class", vec![sk(k)]);
    let concept = || pair("sh:class", vec!["skos:Concept".to_owned()]);
    match kind {
        "Document" => vec![
            (
                "dcterms:title".into(),
                with(count(Some(1), None), vec![datatype("rdf:langString")]),
            ),
            (
                "dcterms:issued".into(),
                with(count(None, Some(1)), vec![datatype("xsd:date")]),
            ),
            (
                "dcterms:available".into(),
                with(count(None, Some(1)), vec![datatype("xsd:date")]),
            ),
            ("dcterms:identifier".into(), count(None, Some(1))),
            (
                "dcterms:spatial".into(),
                with(
                    count(Some(1), Some(1)),
                    vec![pair(
                        "sh:property",
                        vec![blank(&[
                            pair("sh:path", vec![sk("id")]),
                            pair("sh:minCount", vec!["1".into()]),
                        ])],
                    )],
                ),
            ),
            (
                "dcterms:language".into(),
                with(
                    count(Some(1), Some(1)),
                    vec![pair(
                        "sh:in",
                        vec![list(&[
                            turtle::string("zh-Hans"),
                            turtle::string("zh-Hant"),
                        ])],
                    )],
                ),
            ),
            (
                sk("sourceFile"),
                with(count(Some(1), Some(1)), vec![datatype("xsd:string")]),
            ),
            (sk("issuedBy"), count(Some(1), None)),
        ],
        "Section" | "Task" => vec![
            (
                sk("number"),
                with(count(Some(1), Some(1)), vec![datatype("xsd:string")]),
            ),
            (
                "dcterms:isPartOf".into(),
                with(count(Some(1), Some(1)), vec![class("Document")]),
            ),
            (sk("partOfDocument"), count(Some(1), None)),
            (sk("instrument"), vec![concept()]),
            (sk("instrumentCode"), vec![class("InstrumentCode")]),
        ],
        "Target" => vec![
            (
                sk("indicator"),
                with(
                    count(Some(1), Some(2)),
                    vec![
                        datatype("rdf:langString"),
                        pair("sh:uniqueLang", vec!["true".into()]),
                    ],
                ),
            ),
            (
                sk("value"),
                with(count(Some(1), Some(1)), vec![datatype("xsd:decimal")]),
            ),
            (
                sk("unit"),
                with(count(Some(1), Some(1)), vec![datatype("xsd:string")]),
            ),
            (
                sk("year"),
                with(count(Some(1), Some(1)), vec![datatype("xsd:gYear")]),
            ),
            (
                "dcterms:isPartOf".into(),
                with(count(Some(1), Some(1)), vec![class("Document")]),
            ),
            (sk("targetRegion"), count(Some(1), Some(1))),
            (sk("targetOf"), count(Some(1), Some(1))),
            (
                sk("measure"),
                with(count(Some(1), Some(1)), vec![concept()]),
            ),
        ],
        "Industry" => vec![(c(&format!("{}broader", ns::SKOS)), vec![class("Industry")])],
        _ => Vec::new(),
    }
}

/// The values `sk:basis` may take.
fn basis_values() -> Vec<(String, Vec<String>)> {
    let names: Vec<String> = crate::model::Basis::NAMES
        .iter()
        .map(|name| turtle::string(name))
        .collect();
    vec![
        pair("sh:datatype", vec!["xsd:string".into()]),
        pair("sh:in", vec![list(&names)]),
    ]
}
