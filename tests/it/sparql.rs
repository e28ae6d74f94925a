//! The SPARQL 1.1 Protocol against the real graph.

use std::time::Duration;

use oxigraph::io::RdfFormat;
use reqwest::StatusCode;
use sunan_kg::sparql::SparqlLimits;

use crate::common::{TestServer, parse_rdf, read};

const PREFIXES: &str = "PREFIX sk: <https://w3id.org/sunan-kg/ontology#>
PREFIX ske: <https://w3id.org/sunan-kg/id/>
PREFIX skp: <https://w3id.org/sunan-kg/prop/>
PREFIX skps: <https://w3id.org/sunan-kg/prop/statement/>
PREFIX prov: <http://www.w3.org/ns/prov#>
PREFIX dcterms: <http://purl.org/dc/terms/>
PREFIX rdfs: <http://www.w3.org/2000/01/rdf-schema#>
";

async fn get(server: &TestServer, query: &str, accept: &str) -> (StatusCode, String, String) {
    let request = server
        .client
        .get(server.url("/sparql"))
        .query(&[("query", format!("{PREFIXES}{query}"))])
        .header("accept", accept);
    let (status, content_type, body) = read(request).await;
    (
        status,
        content_type,
        String::from_utf8_lossy(&body).into_owned(),
    )
}

const KEJIAOCHENG_LABEL: &str = r#"SELECT ?label WHERE { ske:changzhou-kejiaocheng rdfs:label ?label FILTER(langMatches(lang(?label), "zh-Hans")) }"#;

#[tokio::test]
async fn select_answers_in_every_results_format() {
    let server = TestServer::start().await;
    let (status, content_type, body) = get(
        &server,
        KEJIAOCHENG_LABEL,
        "application/sparql-results+json",
    )
    .await;
    assert_eq!(status, StatusCode::OK);
    assert!(content_type.starts_with("application/sparql-results+json"));
    let json: serde_json::Value = serde_json::from_str(&body).expect("JSON results");
    assert_eq!(
        json["results"]["bindings"][0]["label"]["value"],
        "常州科教城"
    );

    let (_, content_type, body) =
        get(&server, KEJIAOCHENG_LABEL, "application/sparql-results+xml").await;
    assert!(content_type.starts_with("application/sparql-results+xml"));
    assert!(
        body.contains("<literal xml:lang=\"zh-hans\">常州科教城</literal>"),
        "{body}"
    );

    let (_, content_type, body) = get(&server, KEJIAOCHENG_LABEL, "text/csv").await;
    assert!(content_type.starts_with("text/csv"));
    assert_eq!(body.replace("\r\n", "\n"), "label\n常州科教城\n");

    let (_, content_type, body) =
        get(&server, KEJIAOCHENG_LABEL, "text/tab-separated-values").await;
    assert!(content_type.starts_with("text/tab-separated-values"));
    assert!(body.contains("\"常州科教城\"@zh-hans"), "{body}");

    let (status, _, body) = get(&server, KEJIAOCHENG_LABEL, "image/png").await;
    assert_eq!(status, StatusCode::NOT_ACCEPTABLE, "{body}");
}

#[tokio::test]
async fn a_language_tagged_literal_matches_whatever_the_case_of_its_tag() {
    // Language tags ignore case (BCP 47): a query may write the tag as the documents of
    // BCP 47 do, or lowercased, as the store and the dumps hold it.
    let server = TestServer::start().await;
    for tag in ["zh-Hans", "zh-hans", "ZH-HANS"] {
        let query = format!(r#"SELECT ?s WHERE {{ ?s rdfs:label "苏科贷"@{tag} }}"#);
        let (status, _, body) = get(&server, &query, "application/sparql-results+json").await;
        assert_eq!(status, StatusCode::OK, "{body}");
        let json: serde_json::Value = serde_json::from_str(&body).expect("JSON results");
        let found: Vec<&str> = json["results"]["bindings"]
            .as_array()
            .expect("bindings")
            .iter()
            .filter_map(|b| b["s"]["value"].as_str())
            .collect();
        assert_eq!(found, ["https://w3id.org/sunan-kg/id/sukedai"], "@{tag}");
    }
}

#[tokio::test]
async fn ask_and_provenance_follow_the_statement_pattern() {
    let server = TestServer::start().await;
    // The direct triple and the statement node with its quoted reference.
    let query = r#"ASK {
        ske:changzhou-kejiaocheng sk:cooperatesWith ske:zhongguo-kexueyuan .
        ske:changzhou-kejiaocheng skp:cooperatesWith ?statement .
        ?statement skps:cooperatesWith ske:zhongguo-kexueyuan ;
                   prov:wasDerivedFrom ?reference .
        ?reference dcterms:source ske:changzhou-2018 ; sk:quote ?quote .
        FILTER(CONTAINS(?quote, "中科院"))
    }"#;
    let (status, _, body) = get(&server, query, "application/sparql-results+json").await;
    assert_eq!(status, StatusCode::OK);
    assert_eq!(
        serde_json::from_str::<serde_json::Value>(&body).expect("json")["boolean"],
        true
    );
}

#[tokio::test]
async fn construct_and_describe_return_parseable_rdf() {
    let server = TestServer::start().await;
    let construct = "CONSTRUCT { ?s sk:locatedIn ?o } WHERE { ?s sk:locatedIn ?o }";
    for (accept, format) in [
        ("text/turtle", RdfFormat::Turtle),
        ("application/n-triples", RdfFormat::NTriples),
    ] {
        let (status, content_type, body) = get(&server, construct, accept).await;
        assert_eq!(status, StatusCode::OK);
        assert!(content_type.starts_with(accept), "{content_type}");
        let triples = parse_rdf(body.as_bytes(), format);
        assert!(triples.len() > 50, "{} locatedIn triples", triples.len());
    }
    let (status, _, body) = get(&server, "DESCRIBE ske:sukedai", "text/turtle").await;
    assert_eq!(status, StatusCode::OK);
    assert!(body.contains("苏科贷"), "{body}");
}

#[tokio::test]
async fn post_accepts_forms_and_direct_queries() {
    let server = TestServer::start().await;
    let query = format!("{PREFIXES}{KEJIAOCHENG_LABEL}");
    let form = server
        .client
        .post(server.url("/sparql"))
        .header("accept", "text/csv")
        .form(&[("query", query.as_str())])
        .send()
        .await
        .expect("form");
    assert_eq!(form.status(), StatusCode::OK);
    assert!(form.text().await.expect("body").contains("常州科教城"));
    let direct = server
        .client
        .post(server.url("/sparql"))
        .header("content-type", "application/sparql-query")
        .header("accept", "text/csv")
        .body(query)
        .send()
        .await
        .expect("direct");
    assert_eq!(direct.status(), StatusCode::OK);
    assert!(direct.text().await.expect("body").contains("常州科教城"));
}

#[tokio::test]
async fn updates_service_and_syntax_errors_are_refused_clearly() {
    let server = TestServer::start().await;
    let update =
        "INSERT DATA { <http://example.org/a> <http://example.org/b> <http://example.org/c> }";
    let refused = [
        server
            .client
            .post(server.url("/sparql"))
            .form(&[("update", update)]),
        server
            .client
            .post(server.url("/sparql"))
            .header("content-type", "application/sparql-update")
            .body(update),
        server
            .client
            .get(server.url("/sparql"))
            .query(&[("query", update)]),
    ];
    for request in refused {
        let response = request.send().await.expect("request");
        assert_eq!(response.status(), StatusCode::FORBIDDEN);
        assert!(response.text().await.expect("body").contains("read only"));
    }
    // The store is unchanged.
    let (_, _, body) = get(
        &server,
        "ASK { <http://example.org/a> ?p ?o }",
        "application/sparql-results+json",
    )
    .await;
    assert!(body.contains("false"), "{body}");

    let (status, _, body) = get(
        &server,
        "SELECT * WHERE { SERVICE <http://example.org/sparql> { ?s ?p ?o } }",
        "application/sparql-results+json",
    )
    .await;
    assert_eq!(status, StatusCode::FORBIDDEN);
    assert!(body.contains("SERVICE"), "{body}");

    let (status, _, body) = get(&server, "SELECT ?x WHERE { ?x ", "text/csv").await;
    assert_eq!(status, StatusCode::BAD_REQUEST);
    assert!(body.contains("syntax error"), "{body}");

    // A form without a query is malformed (GET without one describes the service).
    let response = server
        .client
        .post(server.url("/sparql"))
        .form(&[("default-graph-uri", "https://w3id.org/sunan-kg/graph/data")])
        .send()
        .await
        .expect("request");
    assert_eq!(response.status(), StatusCode::BAD_REQUEST);
    assert!(response.text().await.expect("body").contains("no query"));
}

#[tokio::test]
async fn a_long_query_is_cancelled_and_the_server_keeps_answering() {
    let limits = SparqlLimits {
        timeout: Duration::from_millis(500),
        ..SparqlLimits::default()
    };
    let server = TestServer::start_with(limits).await;
    let (status, _, body) = get(
        &server,
        "SELECT (COUNT(*) AS ?n) WHERE { ?a ?b ?c . ?d ?e ?f }",
        "application/sparql-results+json",
    )
    .await;
    assert_eq!(status, StatusCode::SERVICE_UNAVAILABLE, "{body}");
    assert!(body.contains("cancelled"), "{body}");
    let (status, _, _) = get(&server, KEJIAOCHENG_LABEL, "text/csv").await;
    assert_eq!(status, StatusCode::OK);
}

#[tokio::test]
async fn too_many_results_is_a_clear_error() {
    let limits = SparqlLimits {
        max_results: 10,
        ..SparqlLimits::default()
    };
    let server = TestServer::start_with(limits).await;
    let (status, _, body) = get(&server, "SELECT * WHERE { ?s ?p ?o }", "text/csv").await;
    assert_eq!(status, StatusCode::BAD_REQUEST);
    assert!(body.contains("more than 10 results"), "{body}");
}

#[tokio::test]
async fn graphs_are_chosen_by_protocol_parameters_and_from() {
    let server = TestServer::start().await;
    let data_graph = "https://w3id.org/sunan-kg/graph/data";
    let ontology = "https://w3id.org/sunan-kg/ontology";
    let count = |body: &str| -> u64 {
        let json: serde_json::Value = serde_json::from_str(body).expect("json");
        json["results"]["bindings"][0]["n"]["value"]
            .as_str()
            .and_then(|n| n.parse().ok())
            .expect("a count")
    };
    let query = format!(
        "{PREFIXES}SELECT (COUNT(*) AS ?n) WHERE {{ ?class a <http://www.w3.org/2002/07/owl#Class> }}"
    );
    let ask = |params: Vec<(&'static str, String)>| {
        let mut params = params;
        params.push(("query", query.clone()));
        server
            .client
            .get(server.url("/sparql"))
            .query(&params)
            .header("accept", "application/sparql-results+json")
            .send()
    };
    // By default the vocabulary is merged into the default graph …
    let all = count(
        &ask(vec![])
            .await
            .expect("request")
            .text()
            .await
            .expect("body"),
    );
    assert!(all > 20, "{all} classes");
    // … and default-graph-uri restricts it.
    let only_data = ask(vec![("default-graph-uri", data_graph.to_owned())])
        .await
        .expect("request");
    assert_eq!(count(&only_data.text().await.expect("body")), 0);
    let only_ontology = ask(vec![("default-graph-uri", ontology.to_owned())])
        .await
        .expect("request");
    assert_eq!(count(&only_ontology.text().await.expect("body")), all);
    // named-graph-uri and GRAPH.
    let named = server
        .client
        .post(server.url("/sparql"))
        .header("accept", "text/csv")
        .form(&[
            (
                "query",
                "SELECT DISTINCT ?g WHERE { GRAPH ?g { ?s ?p ?o } } ORDER BY ?g",
            ),
            ("named-graph-uri", ontology),
        ])
        .send()
        .await
        .expect("request");
    assert_eq!(
        named.text().await.expect("body").replace("\r\n", "\n"),
        format!("g\n{ontology}\n")
    );
    // FROM in the query, and the direct POST with the dataset in the URL.
    let from = format!(
        "SELECT (COUNT(*) AS ?n) FROM <{data_graph}> WHERE {{ ?class a <http://www.w3.org/2002/07/owl#Class> }}"
    );
    let (status, _, body) = get(&server, &from, "application/sparql-results+json").await;
    assert_eq!(status, StatusCode::OK, "{body}");
    assert_eq!(count(&body), 0);
    let direct = server
        .client
        .post(server.url(&format!("/sparql?default-graph-uri={ontology}")))
        .header("content-type", "application/sparql-query")
        .header("accept", "application/sparql-results+json")
        .body(query.clone())
        .send()
        .await
        .expect("request");
    assert_eq!(count(&direct.text().await.expect("body")), all);
    // An unknown graph is a clear error, not an empty answer.
    let unknown = ask(vec![(
        "default-graph-uri",
        "http://example.org/nothing".to_owned(),
    )])
    .await
    .expect("request");
    assert_eq!(unknown.status(), StatusCode::BAD_REQUEST);
    assert!(
        unknown
            .text()
            .await
            .expect("body")
            .contains("unknown graph <http://example.org/nothing>")
    );
}

#[tokio::test]
async fn graph_answers_in_every_rdf_format() {
    let server = TestServer::start().await;
    let construct = "CONSTRUCT { ?s sk:heldIn ?o } WHERE { ?s sk:heldIn ?o }";
    let mut sizes = Vec::new();
    for (accept, format) in [
        ("text/turtle", RdfFormat::Turtle),
        ("application/n-triples", RdfFormat::NTriples),
        ("application/rdf+xml", RdfFormat::RdfXml),
        (
            "application/ld+json",
            RdfFormat::JsonLd {
                profile: Default::default(),
            },
        ),
        ("application/trig", RdfFormat::TriG),
        ("application/n-quads", RdfFormat::NQuads),
    ] {
        let (status, content_type, body) = get(&server, construct, accept).await;
        assert_eq!(status, StatusCode::OK, "{accept}");
        assert!(content_type.starts_with(accept), "{accept}: {content_type}");
        let triples = parse_rdf(body.as_bytes(), format);
        sizes.push(triples.len());
    }
    assert!(sizes.iter().all(|&n| n == sizes[0] && n > 5), "{sizes:?}");
    // q-values choose among graph formats too.
    let (_, content_type, _) = get(
        &server,
        construct,
        "text/turtle;q=0.2, application/n-triples;q=0.9",
    )
    .await;
    assert!(
        content_type.starts_with("application/n-triples"),
        "{content_type}"
    );
}

#[tokio::test]
async fn get_without_a_query_describes_the_service() {
    let server = TestServer::start().await;
    let response = server
        .client
        .get(server.url("/sparql"))
        .header("accept", "text/turtle")
        .send()
        .await
        .expect("request");
    assert_eq!(response.status(), StatusCode::OK);
    let body = response.text().await.expect("body");
    let triples = parse_rdf(body.as_bytes(), RdfFormat::Turtle);
    assert!(!triples.is_empty());
    for expected in [
        "sd:Service",
        "sd:SPARQL11Query",
        "<http://www.w3.org/ns/formats/SPARQL_Results_CSV>",
        "<http://www.w3.org/ns/formats/JSON-LD>",
        "sd:name <https://w3id.org/sunan-kg/ontology>",
        "sd:name <https://w3id.org/sunan-kg/graph/data>",
    ] {
        assert!(body.contains(expected), "{expected} missing from\n{body}");
    }
    let html = server
        .client
        .get(server.url("/sparql"))
        .header("accept", "text/html")
        .send()
        .await
        .expect("request");
    assert!(
        html.text()
            .await
            .expect("body")
            .contains("<textarea name=\"query\"")
    );
}

#[tokio::test]
async fn browsers_may_call_the_endpoint_from_other_origins() {
    let server = TestServer::start().await;
    let preflight = server
        .client
        .request(reqwest::Method::OPTIONS, server.url("/sparql"))
        .header("origin", "https://yasgui.example")
        .header("access-control-request-method", "POST")
        .header("access-control-request-headers", "content-type")
        .send()
        .await
        .expect("preflight");
    assert!(preflight.status().is_success());
    assert!(
        preflight
            .headers()
            .contains_key("access-control-allow-origin")
    );
    let response = server
        .client
        .get(server.url("/sparql"))
        .query(&[("query", "ASK {}")])
        .header("origin", "https://yasgui.example")
        .send()
        .await
        .expect("request");
    assert!(
        response
            .headers()
            .contains_key("access-control-allow-origin")
    );
    assert!(
        response.headers()["vary"]
            .to_str()
            .unwrap_or_default()
            .contains("accept")
    );
}

#[tokio::test]
async fn deeply_nested_queries_are_refused_without_crashing() {
    let server = TestServer::start().await;
    let depth = 20_000;
    let query = format!(
        "ASK {{ FILTER({}1{}) }}",
        "(".repeat(depth),
        ")".repeat(depth)
    );
    let response = server
        .client
        .post(server.url("/sparql"))
        .header("content-type", "application/sparql-query")
        .body(query)
        .send()
        .await
        .expect("request");
    assert_eq!(response.status(), StatusCode::BAD_REQUEST);
    let (status, _, _) = get(&server, KEJIAOCHENG_LABEL, "text/csv").await;
    assert_eq!(status, StatusCode::OK, "the server is still up");
}

#[tokio::test]
async fn nesting_up_to_the_limit_is_answered() {
    let server = TestServer::start().await;
    let depth = sunan_kg::sparql::MAX_NESTING - 1;
    let query = format!(
        "ASK {{ FILTER({}1{}) }}",
        "(".repeat(depth - 1),
        ")".repeat(depth - 1)
    );
    let (status, _, body) = get(&server, &query, "application/sparql-results+json").await;
    assert_eq!(status, StatusCode::OK, "{body}");
    assert!(body.contains("true"), "{body}");
}
