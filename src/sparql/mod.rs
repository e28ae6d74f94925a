//! The read-only SPARQL service over the RDF store: bounding the query's shape, parsing,
//! refusing what a public endpoint must not do (updates, federated `SERVICE`), evaluating on
//! a thread of its own under a time limit, a memory budget and a result cap, and serialising
//! in the negotiated format. It knows nothing of HTTP beyond media types.

mod bounds;
mod control;
mod dataset;
mod description;
mod guard;
pub(crate) mod negotiate;
mod worker;

use std::sync::Arc;
use std::sync::atomic::{AtomicUsize, Ordering};
use std::time::Duration;

use oxigraph::io::RdfFormat;
use oxigraph::model::{NamedNode, Triple};
use oxigraph::sparql::results::{QueryResultsFormat, QueryResultsSerializer};
use oxigraph::sparql::{
    CancellationToken, DefaultServiceHandler, QueryEvaluationError, QueryResults,
    QuerySolutionIter, SparqlEvaluator,
};
use oxigraph::store::Store;
use spargebra::algebra::GraphPattern;
use spargebra::{Query, SparqlParser, SparqlSyntaxError};

pub use bounds::{MAX_NESTING, MAX_OPERATORS, MAX_QUERY_BYTES};
pub use control::StopReason;
pub use dataset::DatasetRequest;
pub use guard::MAX_PATTERNS;
pub use negotiate::{SOLUTION_FORMATS, choose, graph_formats, media_ranges};
pub use worker::STACK_BYTES;

use control::QueryControl;

/// Why a SPARQL request was not answered. Each variant maps to one HTTP status in the server.
#[derive(Debug, thiserror::Error)]
pub enum SparqlError {
    /// The query does not parse.
    #[error("SPARQL syntax error: {0}")]
    Syntax(SparqlSyntaxError),
    /// The request is a SPARQL Update; this endpoint is read only.
    #[error("SPARQL Update is not allowed: this endpoint is read only")]
    UpdateRefused,
    /// The query calls a remote endpoint with `SERVICE`.
    #[error("federated queries (SERVICE) are not allowed on this endpoint")]
    ServiceRefused,
    /// The query text is longer, more deeply nested or has more operators than allowed.
    #[error("the query is too complex: {0}")]
    TooComplex(String),
    /// The query calls a function this endpoint does not know.
    #[error("unsupported function <{0}>")]
    UnsupportedFunction(String),
    /// The query ran longer than the limit and was cancelled.
    #[error("the query was cancelled after running for longer than the limit of {0:?}")]
    Timeout(Duration),
    /// The query needed more memory than one query may hold.
    #[error("the query was cancelled after allocating more than its budget of {} MiB", .0 / (1024 * 1024))]
    MemoryExceeded(usize),
    /// The query was stopped because its client left or the server is shutting down.
    #[error("the query was stopped: {0}")]
    Stopped(&'static str),
    /// The query produced more results than the cap.
    #[error("the query produced more than {0} results; add a LIMIT or narrow it down")]
    TooManyResults(usize),
    /// No offered format matches the `Accept` header.
    #[error("none of the requested media types ({accept}) is available; available: {available}")]
    NotAcceptable {
        /// The `Accept` header received.
        accept: String,
        /// The media types offered for this kind of query.
        available: String,
    },
    /// The request names a graph the service does not hold.
    #[error("unknown graph <{iri}>: this endpoint holds {known}")]
    UnknownGraph {
        /// The IRI asked for.
        iri: String,
        /// The graphs the endpoint holds.
        known: String,
    },
    /// Evaluation failed for another reason.
    #[error("query evaluation failed")]
    Evaluation(#[source] QueryEvaluationError),
    /// The answer could not be serialised.
    #[error("cannot write the answer")]
    Write(#[from] std::io::Error),
    /// No evaluation thread could be started (the machine is out of threads or memory).
    #[error("cannot start an evaluation thread")]
    Spawn(#[source] std::io::Error),
    /// The evaluation thread panicked (a bug, already reported by the panic hook).
    #[error("the evaluation thread panicked")]
    Panicked,
}

/// A serialised answer and its media type.
#[derive(Debug)]
pub struct SparqlAnswer {
    /// The media type of `body`.
    pub content_type: &'static str,
    /// The serialised results.
    pub body: Vec<u8>,
}

/// Limits that protect the endpoint from expensive queries.
#[derive(Debug, Clone, Copy)]
pub struct SparqlLimits {
    /// Wall-clock time after which evaluation is cancelled.
    pub timeout: Duration,
    /// Maximum number of solutions or triples in one answer.
    pub max_results: usize,
    /// Bytes one query's evaluation may hold at once (enforced when the binary installs
    /// [`crate::memory::MeteredAllocator`]).
    pub memory_budget: usize,
}

impl Default for SparqlLimits {
    fn default() -> Self {
        Self {
            timeout: Duration::from_secs(10),
            max_results: 100_000,
            memory_budget: 512 * 1024 * 1024,
        }
    }
}

/// A read-only SPARQL endpoint over a store. Cheap to clone.
///
/// Its default dataset has every named graph of the store both as a named graph and merged
/// into the default graph, so that simple queries see everything and `GRAPH` can tell the
/// graphs apart; a store without named graphs is queried through its default graph.
#[derive(Clone)]
pub struct SparqlService {
    store: Store,
    limits: SparqlLimits,
    graphs: Arc<Vec<NamedNode>>,
    shutdown: tokio::sync::watch::Sender<bool>,
    running: Arc<AtomicUsize>,
}

/// One query to answer, as the protocol delivers it.
#[derive(Debug, Default, Clone)]
pub struct Request {
    /// The query text.
    pub query: String,
    /// The dataset asked for with protocol parameters; empty means the query's own `FROM`
    /// clauses, or else the service's default dataset.
    pub dataset: DatasetRequest,
    /// The `Accept` header.
    pub accept: Option<String>,
    /// Prefixes for RDF answers (Turtle, TriG, RDF/XML, JSON-LD).
    pub prefixes: Vec<(&'static str, String)>,
}

/// Refuses every `SERVICE` call that reaches evaluation, as a second line behind the check of
/// [`guard::prepare`] on the parsed query.
struct RefuseService;

impl DefaultServiceHandler for RefuseService {
    type Error = QueryEvaluationError;

    fn handle(
        &self,
        _service_name: &NamedNode,
        _pattern: &GraphPattern,
        _base_iri: Option<&oxiri::Iri<String>>,
    ) -> Result<QuerySolutionIter<'static>, Self::Error> {
        Err(QueryEvaluationError::Service(Box::new(
            std::io::Error::other("SERVICE is not allowed"),
        )))
    }
}

impl SparqlService {
    /// Serves `store` under `limits`.
    pub fn new(store: Store, limits: SparqlLimits) -> Self {
        let mut graphs: Vec<NamedNode> = store
            .named_graphs()
            .filter_map(Result::ok)
            .filter_map(|graph| match graph {
                oxigraph::model::NamedOrBlankNode::NamedNode(node) => Some(node),
                oxigraph::model::NamedOrBlankNode::BlankNode(_) => None,
            })
            .collect();
        graphs.sort();
        Self {
            store,
            limits,
            graphs: Arc::new(graphs),
            shutdown: tokio::sync::watch::Sender::new(false),
            running: Arc::default(),
        }
    }

    /// How many evaluation threads are working now (a stopped query's thread counts until
    /// its next liveness check unwinds it).
    pub fn running(&self) -> usize {
        self.running.load(Ordering::SeqCst)
    }

    /// Stops every query running now or started later (for shutdown).
    pub fn stop_all(&self) {
        self.shutdown.send_replace(true);
    }

    /// The named graphs the service holds, in IRI order.
    pub fn graphs(&self) -> &[NamedNode] {
        &self.graphs
    }

    /// The SPARQL 1.1 Service Description of this endpoint at `endpoint`.
    pub fn description(&self, endpoint: &NamedNode) -> Vec<Triple> {
        description::describe_service(self, endpoint)
    }

    fn store(&self) -> &Store {
        &self.store
    }

    /// The limits in force.
    pub fn limits(&self) -> SparqlLimits {
        self.limits
    }

    /// Answers one query: checks its shape, then parses, optimises and evaluates it on an
    /// evaluation thread of its own (see [`STACK_BYTES`]) under the time limit and the memory
    /// budget. Dropping the future stops the evaluation, as does [`Self::stop_all`].
    pub async fn answer(&self, request: Request) -> Result<SparqlAnswer, SparqlError> {
        bounds::check(&request.query)?;
        let control = QueryControl::new(self.limits.memory_budget);
        // Stops the evaluation if this future is dropped (the client left) before the end.
        let on_drop = StopOnDrop(control.clone());
        let timer = {
            let control = control.clone();
            let timeout = self.limits.timeout;
            let mut shutdown = self.shutdown.subscribe();
            tokio::spawn(async move {
                tokio::select! {
                    () = tokio::time::sleep(timeout) => control.stop(StopReason::Timeout),
                    _ = shutdown.wait_for(|stopping| *stopping) => control.stop(StopReason::Shutdown),
                }
            })
        };
        let service = self.clone();
        let thread_control = control.clone();
        let outcome = worker::run(move || {
            let _running = Running::start(&service.running);
            service.evaluate(request, &thread_control)
        })
        .await;
        timer.abort();
        let answer = match outcome {
            Ok(answer) => answer,
            Err(worker::RunError::Stopped) => Err(self.stop_error(&control)),
            Err(worker::RunError::Panicked) => Err(SparqlError::Panicked),
            Err(worker::RunError::Spawn(error)) => Err(SparqlError::Spawn(error)),
        };
        // Stopping a finished query is harmless; `on_drop` matters only when dropped early.
        drop(on_drop);
        answer
    }

    /// Parses, refuses what must not run, and evaluates; runs on the evaluation thread.
    fn evaluate(
        &self,
        request: Request,
        control: &QueryControl,
    ) -> Result<SparqlAnswer, SparqlError> {
        let mut query = parse(&request.query)?;
        guard::prepare(&mut query)?;
        let result = self.execute(query, &request, control);
        if result.is_err() && control.stopped().is_some() {
            return Err(self.stop_error(control));
        }
        result
    }

    fn stop_error(&self, control: &QueryControl) -> SparqlError {
        match control.stopped() {
            Some(StopReason::Memory) => SparqlError::MemoryExceeded(self.limits.memory_budget),
            Some(StopReason::Disconnected) => SparqlError::Stopped("the client went away"),
            Some(StopReason::Shutdown) => SparqlError::Stopped("the server is shutting down"),
            Some(StopReason::Timeout) | None => SparqlError::Timeout(self.limits.timeout),
        }
    }

    fn execute(
        &self,
        query: Query,
        request: &Request,
        control: &QueryControl,
    ) -> Result<SparqlAnswer, SparqlError> {
        let cancel = control.token();
        let mut prepared = SparqlEvaluator::new()
            .with_default_service_handler(RefuseService)
            .with_cancellation_token(cancel.clone())
            .with_custom_function(
                NamedNode::new_unchecked(guard::CHECK_FUNCTION),
                control.check_function(),
            )
            .for_query(query);
        dataset::apply(
            prepared.dataset_mut(),
            Some(&request.dataset),
            self.graphs.as_slice(),
        )?;
        let accept = request.accept.as_deref();
        let results = prepared
            .on_store(&self.store)
            .execute()
            .map_err(|e| self.evaluation_error(e))?;
        // oxigraph checks the token when it reads the store; checking it here too stops a
        // query whose answers are cheap to produce but many.
        let check = |cancel: &CancellationToken| {
            if cancel.is_cancelled() {
                Err(SparqlError::Timeout(self.limits.timeout))
            } else {
                Ok(())
            }
        };
        match results {
            QueryResults::Boolean(value) => {
                let format = self.solution_format(accept)?;
                let body = QueryResultsSerializer::from_format(format)
                    .serialize_boolean_to_writer(Vec::new(), value)?;
                Ok(SparqlAnswer {
                    content_type: format.media_type(),
                    body,
                })
            }
            QueryResults::Solutions(solutions) => {
                let format = self.solution_format(accept)?;
                let mut serializer = QueryResultsSerializer::from_format(format)
                    .serialize_solutions_to_writer(Vec::new(), solutions.variables().to_vec())?;
                for (count, solution) in solutions.enumerate() {
                    if count >= self.limits.max_results {
                        return Err(SparqlError::TooManyResults(self.limits.max_results));
                    }
                    check(&cancel)?;
                    let solution = solution.map_err(|e| self.evaluation_error(e))?;
                    serializer.serialize(&solution)?;
                }
                let body = serializer.finish()?;
                Ok(SparqlAnswer {
                    content_type: format.media_type(),
                    body,
                })
            }
            QueryResults::Graph(triples) => {
                let format = self.graph_format(accept)?;
                let mut collected = Vec::new();
                for (count, triple) in triples.enumerate() {
                    if count >= self.limits.max_results {
                        return Err(SparqlError::TooManyResults(self.limits.max_results));
                    }
                    check(&cancel)?;
                    collected.push(triple.map_err(|e| self.evaluation_error(e))?);
                }
                let body = crate::rdf::triples_to_bytes(&collected, format, &request.prefixes)?;
                Ok(SparqlAnswer {
                    content_type: format.media_type(),
                    body,
                })
            }
        }
    }

    fn evaluation_error(&self, error: QueryEvaluationError) -> SparqlError {
        match error {
            QueryEvaluationError::Cancelled => SparqlError::Timeout(self.limits.timeout),
            QueryEvaluationError::Service(_)
            | QueryEvaluationError::UnsupportedService(_)
            | QueryEvaluationError::UnboundService
            | QueryEvaluationError::InvalidServiceName(_) => SparqlError::ServiceRefused,
            QueryEvaluationError::UnsupportedCustomFunction(name) => {
                SparqlError::UnsupportedFunction(name.into_string())
            }
            QueryEvaluationError::UnsupportedCustomFunctionArity { name, .. } => {
                SparqlError::UnsupportedFunction(name.into_string())
            }
            other => SparqlError::Evaluation(other),
        }
    }

    fn solution_format(&self, accept: Option<&str>) -> Result<QueryResultsFormat, SparqlError> {
        negotiate::choose(
            accept,
            &negotiate::SOLUTION_FORMATS,
            QueryResultsFormat::media_type,
            QueryResultsFormat::from_media_type,
            |a, b| a == b,
        )
        .ok_or_else(|| SparqlError::NotAcceptable {
            accept: accept.unwrap_or_default().to_owned(),
            available: negotiate::SOLUTION_FORMATS
                .iter()
                .map(|f| f.media_type())
                .collect::<Vec<_>>()
                .join(", "),
        })
    }

    /// The RDF format for a CONSTRUCT or DESCRIBE answer (or a service description).
    pub fn graph_format(&self, accept: Option<&str>) -> Result<RdfFormat, SparqlError> {
        let offered = negotiate::graph_formats();
        negotiate::choose(
            accept,
            &offered,
            RdfFormat::media_type,
            RdfFormat::from_media_type,
            |a, b| a.media_type() == b.media_type(),
        )
        .ok_or_else(|| SparqlError::NotAcceptable {
            accept: accept.unwrap_or_default().to_owned(),
            available: offered
                .iter()
                .map(|f| f.media_type())
                .collect::<Vec<_>>()
                .join(", "),
        })
    }
}

/// Parses a query, telling an update (refused) from a syntax error.
fn parse(text: &str) -> Result<Query, SparqlError> {
    SparqlParser::new().parse_query(text).map_err(|error| {
        if SparqlParser::new().parse_update(text).is_ok() {
            SparqlError::UpdateRefused
        } else {
            SparqlError::Syntax(error)
        }
    })
}

/// Counts an evaluation thread as running until dropped (also when it unwinds).
struct Running(Arc<AtomicUsize>);

impl Running {
    fn start(counter: &Arc<AtomicUsize>) -> Self {
        counter.fetch_add(1, Ordering::SeqCst);
        Self(counter.clone())
    }
}

impl Drop for Running {
    fn drop(&mut self) {
        self.0.fetch_sub(1, Ordering::SeqCst);
    }
}

/// Stops a query when the request that asked for it is dropped before the answer is ready.
struct StopOnDrop(QueryControl);

impl Drop for StopOnDrop {
    fn drop(&mut self) {
        self.0.stop(StopReason::Disconnected);
    }
}
