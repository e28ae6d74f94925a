//! Shared helpers: the repository's dataset, and a real server on port 0.

use std::sync::OnceLock;
use std::time::Duration;

use serde_json::{Value, json};
use sunan_kg::graphql::{KgSchema, build_schema};
use sunan_kg::rdf::{DEFAULT_BASE_IRI, Iris};
use sunan_kg::server::{AppState, serve};
use sunan_kg::sparql::SparqlLimits;
use sunan_kg::{DataFiles, Dataset, SharedDataset};

/// The repository's graph-data folder, read from disk: a data edit needs no recompilation.
pub fn graph_data() -> DataFiles {
    let dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("graph-data");
    DataFiles::read_dir(&dir)
        .expect("graph-data is readable")
        .named("graph-data")
}

/// The repository's data with one file changed by `edit`, loaded: the loader's verdict on a
/// curator's mistake.
pub fn load_with(
    path: &str,
    edit: impl Fn(&str) -> String,
) -> Result<sunan_kg::Model, sunan_kg::LoadError> {
    let mut files = graph_data();
    let original = files.get(path).expect("file exists").to_owned();
    let edited = edit(&original);
    assert_ne!(original, edited, "the edit changes the file");
    files.insert(path, edited);
    sunan_kg::load(&files)
}

/// The repository's graph, loaded once per test binary.
pub fn dataset() -> SharedDataset {
    static DATASET: OnceLock<SharedDataset> = OnceLock::new();
    DATASET
        .get_or_init(|| {
            let model = sunan_kg::load(&graph_data()).expect("graph-data is valid");
            let iris = Iris::new(DEFAULT_BASE_IRI).expect("default base IRI is valid");
            Dataset::build(model, iris).expect("dataset builds")
        })
        .clone()
}

/// The GraphQL schema over the shared dataset, for tests of GraphQL semantics: the answers
/// are those a client gets, without HTTP in between.
pub struct TestSchema(KgSchema);

impl TestSchema {
    /// The schema as the server builds it (default limits, its own query cache).
    pub fn new() -> Self {
        Self(build_schema(dataset()))
    }

    /// Executes a query and returns the whole response as the JSON a client receives.
    pub async fn graphql(&self, query: &str, variables: Value) -> Value {
        let request = async_graphql::Request::new(query)
            .variables(async_graphql::Variables::from_json(variables));
        serde_json::to_value(self.0.execute(request).await).expect("a response is JSON")
    }

    /// Executes a query that must succeed and returns its `data`.
    pub async fn graphql_data(&self, query: &str, variables: Value) -> Value {
        let body = self.graphql(query, variables).await;
        assert!(body.get("errors").is_none(), "errors: {body}");
        body["data"].clone()
    }
}

/// A server running on an ephemeral port for the duration of a test.
pub struct TestServer {
    pub base: String,
    pub client: reqwest::Client,
    stop: Option<tokio::sync::oneshot::Sender<()>>,
}

impl TestServer {
    /// Starts the real server with the default limits.
    pub async fn start() -> Self {
        Self::start_with(SparqlLimits::default()).await
    }

    /// Starts the real server with the given SPARQL limits.
    pub async fn start_with(limits: SparqlLimits) -> Self {
        Self::start_with_state(AppState::new(dataset(), limits)).await
    }

    /// Starts the real server on `state` (keep a clone to look at it while it runs).
    pub async fn start_with_state(state: AppState) -> Self {
        let listener = tokio::net::TcpListener::bind("127.0.0.1:0")
            .await
            .expect("bind port 0");
        let base = format!("http://{}", listener.local_addr().expect("local addr"));
        let (stop, stopped) = tokio::sync::oneshot::channel::<()>();
        tokio::spawn(async move {
            serve(listener, state, async {
                let _ = stopped.await;
            })
            .await
            .expect("server runs");
        });
        let client = reqwest::Client::builder()
            .timeout(Duration::from_secs(60))
            .build()
            .expect("client");
        Self {
            base,
            client,
            stop: Some(stop),
        }
    }

    pub fn url(&self, path: &str) -> String {
        format!("{}{path}", self.base)
    }

    /// Posts a GraphQL query and returns the whole JSON response.
    pub async fn graphql(&self, query: &str, variables: Value) -> Value {
        let response = self
            .client
            .post(self.url("/graphql"))
            .json(&json!({ "query": query, "variables": variables }))
            .send()
            .await
            .expect("GraphQL request");
        assert!(
            response.status().is_success(),
            "status {}",
            response.status()
        );
        response.json().await.expect("JSON response")
    }
}

impl Drop for TestServer {
    fn drop(&mut self) {
        if let Some(stop) = self.stop.take() {
            let _ = stop.send(());
        }
    }
}

/// Sends a request and returns its status, content type and body.
pub async fn read(request: reqwest::RequestBuilder) -> (reqwest::StatusCode, String, Vec<u8>) {
    let response = request.send().await.expect("request");
    let status = response.status();
    let content_type = response
        .headers()
        .get("content-type")
        .and_then(|v| v.to_str().ok())
        .unwrap_or("")
        .to_owned();
    (
        status,
        content_type,
        response.bytes().await.expect("body").to_vec(),
    )
}

/// Parses RDF in `format`, failing the test on a syntax error.
pub fn parse_rdf(bytes: &[u8], format: oxigraph::io::RdfFormat) -> Vec<oxigraph::model::Triple> {
    oxigraph::io::RdfParser::from_format(format)
        .for_slice(bytes)
        .map(|q| q.map(oxigraph::model::Triple::from))
        .collect::<Result<Vec<_>, _>>()
        .expect("parses")
}

/// Whether `quote` is in the source of document `document_id`, ignoring whitespace only.
pub fn quote_in_source(document_id: &str, quote: &str) -> bool {
    let data = dataset();
    let index = data.model.index_of(document_id).expect("document exists");
    data.model.sources[&index].find(quote).is_some()
}

/// The solutions of a SELECT over the store, with the default graph the union of the named
/// graphs, as the SPARQL endpoint evaluates it (the store keeps each triple once, in its
/// named graph).
pub fn select(data: &sunan_kg::Dataset, query: &str) -> Vec<oxigraph::sparql::QuerySolution> {
    let store = data
        .store
        .as_ref()
        .expect("the test dataset has its RDF store");
    let mut prepared = oxigraph::sparql::SparqlEvaluator::new()
        .parse_query(query)
        .unwrap_or_else(|e| panic!("{e}: {query}"));
    prepared.dataset_mut().set_default_graph_as_union();
    let oxigraph::sparql::QueryResults::Solutions(solutions) =
        prepared.on_store(store).execute().expect("query runs")
    else {
        panic!("a SELECT gives solutions: {query}");
    };
    solutions.map(|s| s.expect("a solution")).collect()
}
