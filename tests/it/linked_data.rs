//! Dereferenceable IRIs, the vocabulary, shapes, dumps and the VoID description over HTTP.

use std::collections::BTreeSet;

use oxigraph::io::RdfFormat;
use reqwest::StatusCode;
use sunan_kg::rdf;

use crate::common::{TestServer, dataset, parse_rdf, read};

async fn fetch(server: &TestServer, path: &str, accept: &str) -> (StatusCode, String, Vec<u8>) {
    read(server.client.get(server.url(path)).header("accept", accept)).await
}

#[tokio::test]
async fn an_entity_resolves_in_every_format_with_its_evidence() {
    let server = TestServer::start().await;
    let iri = dataset()
        .iris
        .entity("changzhou-kejiaocheng")
        .as_str()
        .to_owned();
    let mut answers = Vec::new();
    for (accept, format) in [
        ("text/turtle", RdfFormat::Turtle),
        (
            "application/ld+json",
            RdfFormat::JsonLd {
                profile: Default::default(),
            },
        ),
        ("application/n-triples", RdfFormat::NTriples),
        ("application/rdf+xml", RdfFormat::RdfXml),
    ] {
        let (status, content_type, body) =
            fetch(&server, "/id/changzhou-kejiaocheng", accept).await;
        assert_eq!(status, StatusCode::OK, "{accept}");
        assert!(
            content_type.starts_with(format.media_type()),
            "{accept}: {content_type}"
        );
        // Parsers normalise language tags to lower case.
        let triples: BTreeSet<String> = parse_rdf(&body, format)
            .iter()
            .map(|t| t.to_string().to_lowercase())
            .collect();
        answers.push(triples);
    }
    assert!(
        answers.windows(2).all(|w| w[0] == w[1]),
        "every format says the same"
    );
    let triples = &answers[0];
    assert!(
        triples
            .iter()
            .any(|t| t.starts_with(&format!("<{iri}>")) && t.contains("\"常州科教城\"@zh-hans"))
    );
    // The evidence travels with the entity: the quote behind cooperatesWith 中国科学院.
    assert!(
        triples
            .iter()
            .any(|t| t.contains("积极推进与中科院新一轮合作")),
        "quotes included"
    );
    // Turtle is the default for clients that take anything.
    let (_, content_type, _) = fetch(&server, "/id/sukedai", "*/*").await;
    assert!(content_type.starts_with("text/turtle"), "{content_type}");
    // …but not for a client that refuses Turtle and takes anything else.
    let (status, content_type, _) = fetch(&server, "/id/sukedai", "text/turtle;q=0, */*").await;
    assert_eq!(status, StatusCode::OK);
    assert!(
        content_type.starts_with("application/ld+json"),
        "{content_type}"
    );
}

#[tokio::test]
async fn people_get_html_and_unknown_slugs_get_404() {
    let server = TestServer::start().await;
    let (status, content_type, body) = fetch(
        &server,
        "/id/changzhou-kejiaocheng",
        "text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8",
    )
    .await;
    assert_eq!(status, StatusCode::OK);
    assert!(content_type.starts_with("text/html"));
    let html = String::from_utf8(body).expect("utf-8");
    assert!(html.contains("<h1>常州科教城</h1>"), "{html}");
    assert!(
        html.contains("href=\"zhongguo-kexueyuan\""),
        "links to related entities"
    );
    assert!(html.contains("积极推进与中科院新一轮合作"), "quotes");

    let (status, _, body) = fetch(&server, "/id/no-such-entity", "text/turtle").await;
    assert_eq!(status, StatusCode::NOT_FOUND);
    assert!(String::from_utf8_lossy(&body).contains("no-such-entity"));
    let (status, _, _) = fetch(&server, "/id/changzhou-kejiaocheng", "image/png").await;
    assert_eq!(status, StatusCode::NOT_ACCEPTABLE);
}

#[tokio::test]
async fn statements_and_references_resolve() {
    let server = TestServer::start().await;
    let path = "/statement/changzhou-kejiaocheng/cooperatesWith/zhongguo-kexueyuan";
    let (status, _, body) = fetch(&server, path, "text/turtle").await;
    assert_eq!(status, StatusCode::OK);
    let turtle = String::from_utf8(body).expect("utf-8");
    assert!(turtle.contains("中科院"), "{turtle}");
    let (status, _, _) = fetch(
        &server,
        &format!("{}/1", path.replace("/statement/", "/reference/")),
        "text/turtle",
    )
    .await;
    assert_eq!(status, StatusCode::OK);
    let (status, _, _) = fetch(&server, "/statement/a/b/c", "text/turtle").await;
    assert_eq!(status, StatusCode::NOT_FOUND);
}

#[tokio::test]
async fn the_vocabulary_resolves_for_machines_and_people() {
    let server = TestServer::start().await;
    let (status, content_type, body) = fetch(&server, "/ontology", "text/turtle").await;
    assert_eq!(status, StatusCode::OK);
    assert!(content_type.starts_with("text/turtle"));
    let data = dataset();
    assert_eq!(
        String::from_utf8(body).expect("utf-8"),
        rdf::ontology_turtle(&data.model.vocabulary, &data.iris).expect("vocabulary")
    );
    let (status, _, body) = fetch(&server, "/ontology", "application/ld+json").await;
    assert_eq!(status, StatusCode::OK);
    assert!(
        !parse_rdf(
            &body,
            RdfFormat::JsonLd {
                profile: Default::default()
            }
        )
        .is_empty()
    );
    let (_, content_type, body) = fetch(&server, "/ontology", "text/html").await;
    assert!(content_type.starts_with("text/html"));
    let html = String::from_utf8(body).expect("utf-8");
    assert!(
        html.contains("id=\"Park\"") && html.contains("园区"),
        "an anchor per term"
    );
    assert!(html.contains("id=\"prop-statement-cooperatesWith\""));

    let response = reqwest::Client::builder()
        .redirect(reqwest::redirect::Policy::none())
        .build()
        .expect("client")
        .get(server.url("/prop/statement/cooperatesWith"))
        .send()
        .await
        .expect("request");
    assert_eq!(response.status(), StatusCode::SEE_OTHER);
    assert_eq!(
        response.headers()["location"],
        "../../ontology#prop-statement-cooperatesWith"
    );
    let (status, _, _) = fetch(&server, "/prop/noSuchRelation", "text/turtle").await;
    assert_eq!(status, StatusCode::NOT_FOUND);

    let (status, _, body) = fetch(&server, "/shapes", "text/turtle").await;
    assert_eq!(status, StatusCode::OK);
    assert!(!parse_rdf(&body, RdfFormat::Turtle).is_empty());
}

#[tokio::test]
async fn dumps_download_with_checksums_and_the_void_description_lists_them() {
    let server = TestServer::start().await;
    let (status, _, sums) = fetch(&server, "/dump/SHA256SUMS", "*/*").await;
    assert_eq!(status, StatusCode::OK);
    let sums = String::from_utf8(sums).expect("utf-8");
    assert_eq!(sums.lines().count(), 5);
    for line in sums.lines() {
        let (sum, name) = line.split_once("  ").expect("sha256sum format");
        let response = server
            .client
            .get(server.url(&format!("/dump/{name}")))
            .send()
            .await
            .expect("dump");
        assert_eq!(response.status(), StatusCode::OK);
        assert_eq!(response.headers()["etag"], format!("\"{sum}\"").as_str());
        let bytes = response.bytes().await.expect("body");
        assert_eq!(rdf::sha256_hex(&bytes), sum, "{name}");
    }
    let cached = server
        .client
        .get(server.url("/dump/sunan-kg.ttl"))
        .header(
            "if-none-match",
            format!("\"{}\"", sums.split_whitespace().next().unwrap_or_default()),
        )
        .send()
        .await
        .expect("request");
    assert_eq!(cached.status(), StatusCode::NOT_MODIFIED);
    let (status, _, _) = fetch(&server, "/dump/other.ttl", "*/*").await;
    assert_eq!(status, StatusCode::NOT_FOUND);
    let (status, _, index) = fetch(&server, "/dump/", "text/html").await;
    assert_eq!(status, StatusCode::OK);
    assert!(String::from_utf8_lossy(&index).contains("sunan-kg.trig"));

    let (status, content_type, body) = fetch(&server, "/.well-known/void", "text/turtle").await;
    assert_eq!(status, StatusCode::OK);
    assert!(content_type.starts_with("text/turtle"));
    let void = String::from_utf8(body).expect("utf-8");
    let data = dataset();
    let version = rdf::dataset_version(&data.model).expect("version");
    for expected in [
        format!("\"{version}\""),
        "<https://spdx.org/licenses/MIT>".to_owned(),
        "<https://spdx.org/licenses/Apache-2.0>".to_owned(),
        "void:sparqlEndpoint <https://w3id.org/sunan-kg/sparql>".to_owned(),
        "<https://w3id.org/sunan-kg/dump/sunan-kg.ttl>".to_owned(),
        "void:exampleResource".to_owned(),
        format!(
            "void:triples {} ",
            rdf::triples(&data.model, &data.iris).len()
        ),
        format!("void:entities {} ", data.model.entities.len()),
    ] {
        assert!(void.contains(&expected), "{expected} missing from\n{void}");
    }
    for line in sums.lines() {
        let sum = line.split_whitespace().next().unwrap_or_default();
        assert!(
            void.contains(sum),
            "the checksum {sum} is in the description"
        );
    }
}

#[tokio::test]
async fn browsers_asking_for_favicon_ico_get_the_project_icon() {
    let server = TestServer::start().await;
    let (status, content_type, body) = read(server.client.get(server.url("/favicon.ico"))).await;
    assert_eq!(status, 200);
    assert_eq!(content_type, "image/svg+xml");
    assert!(String::from_utf8_lossy(&body).contains("<svg"));
}

#[tokio::test]
async fn the_instrument_scheme_resolves_as_skos_and_provisions_point_into_it() {
    let server = TestServer::start().await;
    let (status, content_type, body) = fetch(&server, "/instruments", "text/turtle").await;
    assert_eq!(status, StatusCode::OK);
    assert!(content_type.starts_with("text/turtle"));
    let triples = parse_rdf(&body, RdfFormat::Turtle);
    let skos = |local: &str| format!("http://www.w3.org/2004/02/skos/core#{local}");
    let count = |predicate: &str| {
        triples
            .iter()
            .filter(|t| t.predicate.as_str() == predicate)
            .count()
    };
    let model = &dataset().model;
    assert_eq!(count(&skos("hasTopConcept")), model.instruments.types.len());
    assert_eq!(count(&skos("broader")), model.instruments.tools.len());
    let (_, _, html) = fetch(&server, "/instruments", "text/html").await;
    let html = String::from_utf8(html).expect("utf-8");
    assert!(
        html.contains("id=\"finance-loans\"") && html.contains("科技信贷"),
        "{html}"
    );

    // The data graph links each coded provision to its tools, with a code node for the grounds.
    let data = dataset();
    let query = "PREFIX sk: <https://w3id.org/sunan-kg/ontology#> SELECT (COUNT(*) AS ?n) WHERE { ?p sk:instrumentCode ?c . ?c sk:tool ?t ; sk:cue ?cue ; sk:quote ?q . ?p sk:instrument ?t }";
    let solutions = crate::common::select(&data, query);
    let solution = solutions.first().expect("one row");
    let n = solution.get("n").expect("n").to_string();
    assert!(
        n.starts_with(&format!("\"{}\"", model.instruments.codes.len())),
        "{n}"
    );
}

#[tokio::test]
async fn the_quad_dumps_name_the_data_graph() {
    let server = TestServer::start().await;
    let graph = dataset().iris.data_graph();
    let (status, _, body) = fetch(&server, "/dump/sunan-kg.nq", "*/*").await;
    assert_eq!(status, StatusCode::OK);
    let quads = parse_rdf_quads(&body, RdfFormat::NQuads);
    assert!(!quads.is_empty());
    assert!(
        quads
            .iter()
            .all(|q| q.graph_name.to_string() == graph.to_string())
    );
    let (_, _, body) = fetch(&server, "/dump/sunan-kg.trig", "*/*").await;
    let quads = parse_rdf_quads(&body, RdfFormat::TriG);
    assert!(
        quads
            .iter()
            .all(|q| q.graph_name.to_string() == graph.to_string())
    );
}

fn parse_rdf_quads(bytes: &[u8], format: RdfFormat) -> Vec<oxigraph::model::Quad> {
    oxigraph::io::RdfParser::from_format(format)
        .for_slice(bytes)
        .collect::<Result<_, _>>()
        .expect("the dump parses")
}
