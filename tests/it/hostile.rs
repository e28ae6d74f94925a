//! Hostile input against the real server: every request is answered or refused within its
//! bound, a light probe keeps answering meanwhile, and the process survives. Durations here
//! are hang guards with generous margins, never performance assertions.

use std::io::Write;
use std::net::{SocketAddr, TcpStream};
use std::time::{Duration, Instant};

use serde_json::{Value, json};
use sunan_kg::server::{AppState, ServerLimits};
use sunan_kg::sparql::{MAX_OPERATORS, SparqlLimits};

use crate::common::{TestServer, dataset};

/// Limits small enough that the runaway cases finish quickly.
fn tight_sparql() -> SparqlLimits {
    SparqlLimits {
        timeout: Duration::from_secs(2),
        memory_budget: 128 * 1024 * 1024,
        ..SparqlLimits::default()
    }
}

async fn sparql(server: &TestServer, query: &str) -> (u16, String) {
    let response = server
        .client
        .post(server.url("/sparql"))
        .header("content-type", "application/sparql-query")
        .header("accept", "application/sparql-results+json")
        .body(query.to_owned())
        .send()
        .await
        .expect("SPARQL request answered");
    let status = response.status().as_u16();
    (status, response.text().await.unwrap_or_default())
}

async fn graphql(server: &TestServer, query: &str) -> (u16, Value) {
    let response = server
        .client
        .post(server.url("/graphql"))
        .json(&json!({ "query": query }))
        .send()
        .await
        .expect("GraphQL request answered");
    let status = response.status().as_u16();
    (status, response.json().await.unwrap_or(Value::Null))
}

/// The start of a JSON body, for assertion messages.
fn short(body: &Value) -> String {
    body.to_string().chars().take(300).collect()
}

fn first_code(body: &Value) -> &str {
    body["errors"][0]["extensions"]["code"]
        .as_str()
        .unwrap_or("")
}

/// Most memory the test process may hold while a hostile request runs: the servers of all
/// tests running at once, plus one query's budget, with room to spare.
const RSS_BUDGET_BYTES: u64 = 3 * 1024 * 1024 * 1024;

/// The resident memory of this process, from /proc (None where there is no /proc).
fn resident_bytes() -> Option<u64> {
    let status = std::fs::read_to_string("/proc/self/status").ok()?;
    let line = status.lines().find(|line| line.starts_with("VmRSS:"))?;
    let kib: u64 = line.split_whitespace().nth(1)?.parse().ok()?;
    Some(kib * 1024)
}

/// Asserts that `/health` answers while `work` runs and that memory stays under
/// [`RSS_BUDGET_BYTES`], and returns what `work` returned.
async fn with_probe<T>(server: &TestServer, work: impl std::future::Future<Output = T>) -> T {
    let probe = async {
        loop {
            if let Some(resident) = resident_bytes() {
                assert!(
                    resident < RSS_BUDGET_BYTES,
                    "{} MiB resident while a hostile request ran",
                    resident / (1024 * 1024)
                );
            }
            let started = Instant::now();
            let answer = server
                .client
                .get(server.url("/health"))
                .timeout(Duration::from_secs(5))
                .send()
                .await;
            assert!(
                answer.is_ok_and(|r| r.status().is_success()),
                "/health did not answer within 5 s while a hostile request ran"
            );
            let rest = Duration::from_millis(300).saturating_sub(started.elapsed());
            tokio::time::sleep(rest).await;
        }
    };
    tokio::select! {
        value = work => value,
        () = probe => unreachable!("the probe loops until the work is done"),
    }
}

/// A named way of building a query of a given size.
type QueryShape = (&'static str, fn(usize) -> String);

#[tokio::test]
async fn operator_chains_at_the_bound_are_evaluated_and_past_it_refused() {
    let server = TestServer::start_with(tight_sparql()).await;
    // Each shape nests one level per operator without any bracket.
    let under = MAX_OPERATORS - 20;
    let shapes: [QueryShape; 8] = [
        ("1+1+…", |n| {
            format!("SELECT ({} AS ?x) {{}}", vec!["1"; n].join("+"))
        }),
        ("!!…", |n| {
            format!("ASK {{ FILTER({}true) }}", "!".repeat(n))
        }),
        ("&&", |n| {
            format!("ASK {{ FILTER({}) }}", vec!["true"; n / 2].join(" && "))
        }),
        ("||", |n| {
            format!("ASK {{ FILTER({}) }}", vec!["false"; n / 2].join(" || "))
        }),
        ("-", |n| {
            format!("SELECT ({} AS ?x) {{}}", vec!["1"; n].join("-"))
        }),
        ("path /", |n| {
            format!("ASK {{ ?s {} ?o }}", vec!["<urn:x-test:p>"; n].join("/"))
        }),
        ("path |", |n| {
            format!("ASK {{ ?s {} ?o }}", vec!["<urn:x-test:p>"; n].join("|"))
        }),
        ("IN list", |n| {
            format!("ASK {{ FILTER(1 IN ({})) }}", vec!["2"; n].join(","))
        }),
    ];
    for (name, build) in &shapes {
        let (status, body) = with_probe(&server, sparql(&server, &build(under))).await;
        assert!(
            [200, 400, 503].contains(&status),
            "{name} at the bound: status {status}: {body}"
        );
        let (status, body) = sparql(&server, &build(MAX_OPERATORS * 2)).await;
        assert_eq!(status, 400, "{name} past the bound: {body}");
        assert!(body.contains("too complex"), "{name}: {body}");
    }
    let deep = format!("ASK {{ FILTER({}true{}) }}", "(".repeat(60), ")".repeat(60));
    assert_eq!(sparql(&server, &deep).await.0, 200, "60 brackets deep");
    let deeper = format!(
        "ASK {{ FILTER({}true{}) }}",
        "(".repeat(100),
        ")".repeat(100)
    );
    assert_eq!(sparql(&server, &deeper).await.0, 400, "100 brackets deep");
}

#[tokio::test]
async fn group_patterns_at_the_bound_are_evaluated_and_past_it_refused() {
    let server = TestServer::start_with(tight_sparql()).await;
    let optionals = |n: usize| {
        let mut query = String::from("SELECT * { ?s ?p ?o ");
        for i in 0..n {
            query.push_str(&format!("OPTIONAL {{ ?s ?p ?o{i} }} "));
        }
        query.push_str("} LIMIT 1");
        query
    };
    let unions = |n: usize| {
        let branches: Vec<String> = (0..n)
            .map(|i| format!("{{ ?s <urn:x-test:p{i}> ?o }}"))
            .collect();
        format!("SELECT * {{ {} }} LIMIT 1", branches.join(" UNION "))
    };
    let patterns = |n: usize| {
        let triples: Vec<String> = (0..n)
            .map(|i| format!("?s <urn:x-test:p{i}> ?o{i}"))
            .collect();
        format!("SELECT * {{ {} }} LIMIT 1", triples.join(" . "))
    };
    for (name, query) in [
        ("31 OPTIONALs", optionals(31)),
        ("32 UNION branches", unions(32)),
        ("64 triple patterns", patterns(64)),
    ] {
        let (status, body) = with_probe(&server, sparql(&server, &query)).await;
        assert!([200, 503].contains(&status), "{name}: {status} {body}");
    }
    for (name, query) in [
        ("500 OPTIONALs", optionals(500)),
        ("300 UNION branches", unions(300)),
        ("300 triple patterns", patterns(300)),
    ] {
        let (status, body) = sparql(&server, &query).await;
        assert_eq!(status, 400, "{name}: {body}");
        assert!(body.contains("too complex"), "{name}: {body}");
    }
}

#[tokio::test]
async fn runaway_queries_stop_at_the_time_limit_or_the_memory_budget() {
    let limits = tight_sparql();
    let server = TestServer::start_with(limits).await;
    let typo_of_docs_04 = std::fs::read_to_string(concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/docs/sparql/04-facts-from-the-zhenjiang-document.rq"
    ))
    .expect("docs query 04")
    .replacen("?statement ", "?statementq ", 1);
    let cases = [
        (
            "COUNT over three unconnected patterns",
            "SELECT (COUNT(*) AS ?n) { ?a ?b ?c . ?d ?e ?f . ?g ?h ?i }".to_owned(),
        ),
        (
            "ORDER BY over a cross product",
            "SELECT * { ?a ?b ?c . ?d ?e ?f } ORDER BY ?c ?f LIMIT 1".to_owned(),
        ),
        (
            "cross product inside NOT EXISTS",
            "ASK { ?x a ?t FILTER NOT EXISTS { ?a ?b ?c . ?d ?e ?f FILTER(false) } }".to_owned(),
        ),
        (
            "values doubled by BIND",
            format!(
                "SELECT (STRLEN(?v20) AS ?n) {{ BIND(\"aaaaaaaaaaaaaaaa\" AS ?v0) {} }}",
                (1..=20)
                    .map(|i| format!("BIND(CONCAT(?v{p}, ?v{p}) AS ?v{i})", p = i - 1))
                    .collect::<String>()
            ),
        ),
        ("a typo in docs/sparql/04", typo_of_docs_04),
    ];
    for (name, query) in cases {
        let started = Instant::now();
        let (status, body) = with_probe(&server, sparql(&server, &query)).await;
        let took = started.elapsed();
        assert!(
            took < limits.timeout + Duration::from_secs(8),
            "{name}: answered after {took:?}"
        );
        assert!(
            [200, 503].contains(&status),
            "{name}: status {status}: {body}"
        );
        if status == 503 {
            assert!(
                body.contains("limit") || body.contains("budget"),
                "{name}: {body}"
            );
        }
    }
}

#[tokio::test]
async fn a_query_whose_client_leaves_stops_running() {
    let state = AppState::new(
        dataset(),
        SparqlLimits {
            timeout: Duration::from_secs(60),
            ..SparqlLimits::default()
        },
    );
    let sparql_service = state.sparql.clone().expect("the SPARQL service");
    let server = TestServer::start_with_state(state).await;
    let left = server
        .client
        .post(server.url("/sparql"))
        .header("content-type", "application/sparql-query")
        .body("SELECT (COUNT(*) AS ?n) { ?a ?b ?c . ?d ?e ?f . ?g ?h ?i }")
        .timeout(Duration::from_secs(1))
        .send()
        .await;
    assert!(left.is_err(), "the client gave up first");
    let deadline = Instant::now() + Duration::from_secs(10);
    while sparql_service.running() > 0 {
        assert!(
            Instant::now() < deadline,
            "the evaluation went on after its client left"
        );
        tokio::time::sleep(Duration::from_millis(50)).await;
    }
}

#[tokio::test]
async fn heavy_requests_beyond_the_concurrency_bound_get_429() {
    let mut limits = ServerLimits::default();
    limits.sparql.concurrent = 1;
    limits.sparql.per_client = 1;
    limits.sparql.queue_wait = Duration::from_millis(100);
    let state = AppState::with_limits(dataset(), tight_sparql(), limits);
    let server = TestServer::start_with_state(state).await;
    let slow = sparql(
        &server,
        "SELECT (COUNT(*) AS ?n) { ?a ?b ?c . ?d ?e ?f . ?g ?h ?i }",
    );
    let second = async {
        tokio::time::sleep(Duration::from_millis(300)).await;
        server
            .client
            .post(server.url("/sparql"))
            .header("content-type", "application/sparql-query")
            .body("ASK {}")
            .send()
            .await
            .expect("answered")
    };
    let ((slow_status, _), second) = tokio::join!(slow, second);
    assert_eq!(slow_status, 503, "the slow query hits its time limit");
    assert_eq!(second.status().as_u16(), 429);
    assert_eq!(
        second
            .headers()
            .get("retry-after")
            .and_then(|v| v.to_str().ok()),
        Some("1")
    );
    assert_eq!(sparql(&server, "ASK {}").await.0, 200, "free again");
}

#[tokio::test]
async fn refusals_are_client_errors() {
    let server = TestServer::start_with(tight_sparql()).await;
    let (status, body) = sparql(&server, "SELECT (<http://example.org/f>(1) AS ?x) {}").await;
    assert_eq!(status, 400, "{body}");
    assert!(body.contains("unsupported function"), "{body}");
    let (status, body) = sparql(
        &server,
        "ASK { FILTER EXISTS { SERVICE <http://example.org/sparql> { ?s ?p ?o } } }",
    )
    .await;
    assert_eq!(status, 403, "{body}");
    let long = format!("SELECT * WHERE {{ ?s ?p {} }}", "?o ".repeat(20_000));
    let (status, body) = sparql(&server, &long).await;
    assert_eq!(status, 400);
    assert!(body.chars().count() < 1_000, "{} characters", body.len());
}

#[tokio::test]
async fn graphql_fan_out_fragments_and_heavy_aliases_are_refused_before_running() {
    let server = TestServer::start().await;
    let fan_out = "{ entity(id: \"sukedai\") { relations(first: 100) { nodes { other { relations(first: 100) { nodes { other { relations(first: 100) { nodes { evidence { document { ... on Document { text } } } } } } } } } } } } }";
    let mut fragments = String::from("query { ...F0 }\n");
    for i in 0..30 {
        fragments.push_str(&format!(
            "fragment F{i} on QueryRoot {{ a{i}: __typename ...F{next} b{i}: __typename ...F{next} }}\n",
            next = i + 1
        ));
    }
    fragments.push_str("fragment F30 on QueryRoot { __typename }\n");
    let aliases: String = (0..2000)
        .map(|i| format!("s{i}: statistics {{ entities }} "))
        .collect();
    let deep = format!(
        "{{{}__typename{}}}",
        "entity(id: \"x\") {".repeat(40),
        "}".repeat(40)
    );
    for (name, query) in [
        ("relations fan-out", fan_out.to_owned()),
        ("fragment fan-out", fragments),
        ("aliased statistics", format!("{{ {aliases} }}")),
        ("nesting past 32", deep),
    ] {
        let started = Instant::now();
        let (status, body) = with_probe(&server, graphql(&server, &query)).await;
        assert!(
            started.elapsed() < Duration::from_secs(10),
            "{name} took long"
        );
        assert_eq!(status, 200, "{name}");
        assert_eq!(
            first_code(&body),
            "LIMIT_EXCEEDED",
            "{name}: {}",
            short(&body)
        );
        assert!(body["data"].is_null(), "{name}: nothing ran");
    }
    // A query within the cost model still runs.
    let (_, body) = graphql(
        &server,
        "{ entity(id: \"sukedai\") { relations(first: 10) { nodes { other { name relations(first: 10) { nodes { kind } } } } } } }",
    )
    .await;
    assert!(body.get("errors").is_none(), "{}", short(&body));
}

#[tokio::test]
async fn a_graphql_request_past_its_deadline_fails_with_timeout() {
    let schema = sunan_kg::graphql::build_schema_with(
        dataset(),
        sunan_kg::graphql::Limits {
            time_limit: Duration::ZERO,
        },
        sunan_kg::graphql::QueryCache::new(),
    );
    let response = schema
        .execute("{ statistics { entities } entity(id: \"sukedai\") { name } }")
        .await;
    assert!(!response.errors.is_empty());
    for error in &response.errors {
        let code = error
            .extensions
            .as_ref()
            .and_then(|e| e.get("code"))
            .map(|c| c.to_string());
        assert_eq!(code.as_deref(), Some("\"TIMEOUT\""), "{}", error.message);
        assert!(!error.path.is_empty(), "the error says which field");
    }
}

#[tokio::test]
async fn graphql_requests_must_be_json_and_small() {
    let server = TestServer::start().await;
    let post = |content_type: Option<&'static str>, body: Vec<u8>| {
        let mut request = server.client.post(server.url("/graphql")).body(body);
        if let Some(content_type) = content_type {
            request = request.header("content-type", content_type);
        }
        request.send()
    };
    let query = br#"{"query":"{ __typename }"}"#.to_vec();
    let plain = post(Some("text/plain"), query.clone())
        .await
        .expect("answered");
    assert_eq!(plain.status().as_u16(), 415);
    let missing = post(None, query.clone()).await.expect("answered");
    assert_eq!(missing.status().as_u16(), 415);
    let json_ok = post(Some("application/json"), query)
        .await
        .expect("answered");
    assert_eq!(json_ok.status().as_u16(), 200);
    let mut huge = br#"{"query":"{ __typename }","padding":""#.to_vec();
    huge.extend(std::iter::repeat_n(b'a', 2 * 1024 * 1024));
    huge.extend(br#""}"#);
    let too_big = post(Some("application/json"), huge).await;
    // The server may answer 413 or close the connection while the client is still sending.
    if let Ok(response) = too_big {
        assert_eq!(response.status().as_u16(), 413);
    }
    let malformed = post(Some("application/json"), b"{\"query\": ".to_vec())
        .await
        .expect("answered");
    assert_eq!(malformed.status().as_u16(), 400);
    let body: Value = malformed.json().await.expect("a JSON error body");
    assert_eq!(first_code(&body), "BAD_REQUEST");
    let long_query = format!("{{ {} }}", "x".repeat(100_000));
    let (_, body) = graphql(&server, &format!("{long_query} }}")).await;
    let message = body["errors"][0]["message"].as_str().unwrap_or("");
    assert!(message.len() < 2_000, "{} bytes echoed", message.len());
}

#[tokio::test]
async fn html_pages_carry_security_headers() {
    let server = TestServer::start().await;
    for path in ["/", "/explore/entity/sukedai", "/graphql", "/id/sukedai"] {
        let response = server
            .client
            .get(server.url(path))
            .header("accept", "text/html")
            .send()
            .await
            .expect("answered");
        let header = |name: &str| {
            response
                .headers()
                .get(name)
                .and_then(|v| v.to_str().ok())
                .unwrap_or("")
                .to_owned()
        };
        assert!(header("content-type").starts_with("text/html"), "{path}");
        assert!(
            header("content-security-policy").contains("default-src 'self'"),
            "{path}"
        );
        assert_eq!(header("x-content-type-options"), "nosniff", "{path}");
        assert!(!header("referrer-policy").is_empty(), "{path}");
    }
}

#[tokio::test]
async fn slow_and_idle_connections_are_closed_and_capped_per_client() {
    use tokio::io::{AsyncReadExt, AsyncWriteExt};
    let mut limits = ServerLimits::default();
    limits.connections.header_read_timeout = Duration::from_secs(1);
    limits.connections.max_per_client = 16;
    let state = AppState::with_limits(dataset(), SparqlLimits::default(), limits);
    let server = TestServer::start_with_state(state).await;
    let address: SocketAddr = server
        .base
        .trim_start_matches("http://")
        .parse()
        .expect("address");
    // The attacker connects from another loopback address than the probe.
    let mut connections = Vec::new();
    for _ in 0..40 {
        let socket = tokio::net::TcpSocket::new_v4().expect("socket");
        socket
            .bind("127.0.0.2:0".parse().expect("address"))
            .expect("bind 127.0.0.2");
        let mut stream = socket.connect(address).await.expect("connect");
        // A request line and no end of headers: the slowloris pattern.
        let _ = stream
            .write_all(b"GET /health HTTP/1.1\r\nHost: x\r\n")
            .await;
        connections.push(stream);
    }
    let started = Instant::now();
    let closing = async {
        for stream in &mut connections {
            let mut buffer = Vec::new();
            // Read until the server closes (a 408 may come first).
            let _ = tokio::time::timeout(Duration::from_secs(15), stream.read_to_end(&mut buffer))
                .await
                .expect("the server closed the connection");
        }
    };
    with_probe(&server, closing).await;
    assert!(
        started.elapsed() < Duration::from_secs(10),
        "connections held for {:?}",
        started.elapsed()
    );
}

#[test]
fn sigterm_stops_the_server_within_seconds_with_a_runaway_query_in_flight() {
    use std::io::BufRead;
    use std::process::{Command, Stdio};
    let mut child = Command::new(env!("CARGO_BIN_EXE_sunan-kg"))
        .args([
            "serve",
            "--addr",
            "127.0.0.1:0",
            "--sparql-timeout",
            "120",
            "--shutdown-grace",
            "2",
        ])
        .env("RUST_LOG", "info")
        .env("NO_COLOR", "1")
        .stderr(Stdio::piped())
        .spawn()
        .expect("the binary starts");
    let stderr = child.stderr.take().expect("stderr");
    let mut lines = std::io::BufReader::new(stderr).lines();
    let address = lines
        .by_ref()
        .map_while(Result::ok)
        .find_map(|line| {
            let start = line.find("addr=")? + "addr=".len();
            line[start..].split_whitespace().next().map(str::to_owned)
        })
        .expect("the server logs its address");
    std::thread::spawn(move || lines.for_each(drop));
    let query = "SELECT (COUNT(*) AS ?n) { ?a ?b ?c . ?d ?e ?f . ?g ?h ?i }";
    let body = format!(
        "query={}",
        form_urlencoded::byte_serialize(query.as_bytes()).collect::<String>()
    );
    let mut stream = TcpStream::connect(&address).expect("connect");
    write!(
        stream,
        "POST /sparql HTTP/1.1\r\nHost: x\r\nContent-Type: application/x-www-form-urlencoded\r\nContent-Length: {}\r\n\r\n{body}",
        body.len()
    )
    .expect("send the query");
    std::thread::sleep(Duration::from_secs(1));
    let status = Command::new("kill")
        .args(["-TERM", &child.id().to_string()])
        .status()
        .expect("kill runs");
    assert!(status.success());
    let signalled = Instant::now();
    let exited = loop {
        if let Some(status) = child.try_wait().expect("wait") {
            break Some(status);
        }
        if signalled.elapsed() > Duration::from_secs(20) {
            break None;
        }
        std::thread::sleep(Duration::from_millis(100));
    };
    if exited.is_none() {
        let _ = child.kill();
    }
    let exited = exited.expect("the server exited after SIGTERM");
    assert!(exited.success(), "exit status {exited}");
    assert!(
        signalled.elapsed() < Duration::from_secs(10),
        "exited {:?} after SIGTERM",
        signalled.elapsed()
    );
}

/// The introspection query of graphql-js (`getIntrospectionQuery()`), which GraphiQL and
/// GraphQL Code Generator send.
const INTROSPECTION: &str = r#"
query IntrospectionQuery {
  __schema {
    queryType { name } mutationType { name } subscriptionType { name }
    types { ...FullType }
    directives { name description locations args { ...InputValue } }
  }
}
fragment FullType on __Type {
  kind name description
  fields(includeDeprecated: true) {
    name description args { ...InputValue } type { ...TypeRef } isDeprecated deprecationReason
  }
  inputFields { ...InputValue }
  interfaces { ...TypeRef }
  enumValues(includeDeprecated: true) { name description isDeprecated deprecationReason }
  possibleTypes { ...TypeRef }
}
fragment InputValue on __InputValue { name description type { ...TypeRef } defaultValue }
fragment TypeRef on __Type {
  kind name
  ofType { kind name ofType { kind name ofType { kind name ofType { kind name ofType { kind name ofType { kind name ofType { kind name } } } } } } }
}
"#;

#[tokio::test]
async fn the_standard_introspection_query_runs_and_deeper_introspection_is_refused() {
    let schema = sunan_kg::graphql::build_schema(dataset());
    let response = schema.execute(INTROSPECTION).await;
    assert!(response.errors.is_empty(), "{:?}", response.errors);
    let nested =
        "{ __schema { types { fields { type { fields { type { fields { name } } } } } } } }";
    let response = schema.execute(nested).await;
    let code = response.errors[0]
        .extensions
        .as_ref()
        .and_then(|e| e.get("code"))
        .map(|c| c.to_string());
    assert_eq!(code.as_deref(), Some("\"LIMIT_EXCEEDED\""));
}
