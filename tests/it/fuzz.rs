//! A time-bounded fuzz pass: the shipped example queries, mutated (bytes cut, repeated,
//! swapped, structural tokens inserted), sent to the real server. It fails on any answer
//! in the 5xx range other than SPARQL's 503 for a stopped query, and on a server that stops
//! answering. The mutations come from a fixed seed, so a failure can be replayed.

use std::path::Path;
use std::time::{Duration, Instant};

use sunan_kg::server::{AppState, ServerLimits};
use sunan_kg::sparql::SparqlLimits;

use crate::common::{TestServer, dataset};

/// How long each language is fuzzed.
const BUDGET: Duration = Duration::from_secs(15);
/// Most mutated queries per language.
const MAX_CASES: usize = 400;

/// xorshift64*: small, deterministic, good enough to pick mutations.
struct Rng(u64);

impl Rng {
    fn next(&mut self) -> u64 {
        self.0 ^= self.0 >> 12;
        self.0 ^= self.0 << 25;
        self.0 ^= self.0 >> 27;
        self.0.wrapping_mul(0x2545_F491_4F6C_DD1D)
    }

    fn below(&mut self, n: usize) -> usize {
        (self.next() % n.max(1) as u64) as usize
    }
}

/// The example queries of one folder of docs/.
fn seeds(folder: &str, extension: &str) -> Vec<String> {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("docs")
        .join(folder);
    let mut paths: Vec<_> = std::fs::read_dir(&dir)
        .expect("docs folder")
        .filter_map(Result::ok)
        .map(|entry| entry.path())
        .filter(|path| path.extension().is_some_and(|e| e == extension))
        .collect();
    paths.sort();
    paths
        .iter()
        .map(|path| std::fs::read_to_string(path).expect("docs query"))
        .collect()
}

/// One mutation of `text`, on character boundaries.
fn mutate(text: &str, tokens: &[&str], rng: &mut Rng) -> String {
    let chars: Vec<char> = text.chars().collect();
    let at = rng.below(chars.len() + 1);
    let until = (at + rng.below(40)).min(chars.len());
    let (head, rest) = chars.split_at(at);
    let (middle, tail) = rest.split_at(until - at);
    let head: String = head.iter().collect();
    let middle: String = middle.iter().collect();
    let tail: String = tail.iter().collect();
    match rng.below(5) {
        0 => format!("{head}{tail}"),
        1 => format!("{head}{}{tail}", middle.repeat(2 + rng.below(200))),
        2 => {
            let token = tokens[rng.below(tokens.len())];
            format!("{head}{}{middle}{tail}", token.repeat(1 + rng.below(300)))
        }
        3 => format!("{tail}{middle}{head}"),
        _ => {
            let token = tokens[rng.below(tokens.len())];
            format!("{head}{token}{tail}")
        }
    }
}

async fn fuzz(
    server: &TestServer,
    seeds: &[String],
    tokens: &[&str],
    request: impl Fn(&TestServer, String) -> reqwest::RequestBuilder,
    acceptable: impl Fn(u16) -> bool,
) -> usize {
    let mut rng = Rng(0x5eed_2026_0000_0001);
    let started = Instant::now();
    let mut cases = 0;
    while cases < MAX_CASES && started.elapsed() < BUDGET {
        let seed = &seeds[rng.below(seeds.len())];
        let mut query = mutate(seed, tokens, &mut rng);
        if rng.below(3) == 0 {
            query = mutate(&query, tokens, &mut rng);
        }
        let status = request(server, query.clone())
            .send()
            .await
            .expect("answered")
            .status()
            .as_u16();
        assert!(
            acceptable(status),
            "status {status} for case {cases}: {}",
            query.chars().take(300).collect::<String>()
        );
        cases += 1;
    }
    let health = server
        .client
        .get(server.url("/health"))
        .send()
        .await
        .expect("the server still answers");
    assert!(health.status().is_success());
    cases
}

fn fuzz_server_state() -> AppState {
    let mut limits = ServerLimits::default();
    // The fuzz pass is one client sending one request at a time.
    limits.sparql.queue_wait = Duration::from_secs(30);
    AppState::with_limits(
        dataset(),
        SparqlLimits {
            timeout: Duration::from_secs(1),
            memory_budget: 128 * 1024 * 1024,
            ..SparqlLimits::default()
        },
        limits,
    )
}

#[tokio::test]
async fn mutated_sparql_queries_never_get_a_server_error() {
    let server = TestServer::start_with_state(fuzz_server_state()).await;
    let tokens = [
        "{",
        "}",
        "(",
        ")",
        "!",
        "&&",
        "||",
        "+",
        "/",
        "|",
        "*",
        " OPTIONAL { ?s ?p ?o }",
        " UNION { ?a ?b ?c }",
        " MINUS { ?x ?y ?z }",
        " FILTER EXISTS { ?s ?p ?o } ",
        " ?s ?p ?o . ",
        "\"",
        "<",
        "#",
        " SERVICE <http://example.org/> { ?s ?p ?o } ",
        " ORDER BY ?s ",
        "\u{0}",
        "苏科贷",
    ];
    let cases = fuzz(
        &server,
        &seeds("sparql", "rq"),
        &tokens,
        |server: &TestServer, query: String| {
            server
                .client
                .post(server.url("/sparql"))
                .header("content-type", "application/sparql-query")
                .body(query)
        },
        |status| status < 500 || status == 503,
    )
    .await;
    assert!(cases > 0);
}

#[tokio::test]
async fn mutated_graphql_queries_never_get_a_server_error() {
    let server = TestServer::start_with_state(fuzz_server_state()).await;
    let tokens = [
        "{",
        "}",
        "(",
        ")",
        "...",
        "... on Park { id }",
        " relations(first: 100) { nodes { kind } }",
        " statistics { entities } ",
        "fragment F on QueryRoot { __typename }",
        "$",
        "\"",
        "#",
        "@skip(if: true)",
        " __schema { types { name } } ",
        "\u{0}",
        "苏科贷",
    ];
    let cases = fuzz(
        &server,
        &seeds("queries", "graphql"),
        &tokens,
        |server: &TestServer, query: String| {
            server
                .client
                .post(server.url("/graphql"))
                .json(&serde_json::json!({ "query": query }))
        },
        |status| status < 500,
    )
    .await;
    assert!(cases > 0);
}
