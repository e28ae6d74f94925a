//! The read-only SPARQL service over the RDF store: parsing, refusing what a public endpoint
//! must not do (updates, federated `SERVICE`), evaluating with a time limit and a result cap,
//! and serialising in the negotiated format. It knows nothing of HTTP beyond media types.

mod dataset;
mod description;
mod negotiate;

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
use spargebra::{Query, SparqlParser};

pub use dataset::DatasetRequest;
pub use negotiate::{SOLUTION_FORMATS, choose, graph_formats, media_ranges};

/// Why a SPARQL request was not answered. Each variant maps to one HTTP status in the server.
#[derive(Debug, thiserror::Error)]
pub enum SparqlError {
    /// The query does not parse.
    #[error("SPARQL syntax error: {0}")]
    Syntax(String),
    /// The request is a SPARQL Update; this endpoint is read only.
    #[error("SPARQL Update is not allowed: this endpoint is read only")]
    UpdateRefused,
    /// The query calls a remote endpoint with `SERVICE`.
    #[error("federated queries (SERVICE) are not allowed on this endpoint")]
    ServiceRefused,
    /// The query ran longer than the limit and was cancelled.
    #[error("the query was cancelled after running for longer than the limit of {0:?}")]
    Timeout(Duration),
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
    #[error("query evaluation failed: {0}")]
    Evaluation(String),
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
}

impl Default for SparqlLimits {
    fn default() -> Self {
        Self {
            timeout: Duration::from_secs(10),
            max_results: 100_000,
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
    graphs: Vec<NamedNode>,
}

/// How to answer one query.
#[derive(Debug, Default, Clone, Copy)]
pub struct Request<'a> {
    /// The dataset asked for with protocol parameters; empty means the query's own `FROM`
    /// clauses, or else the service's default dataset.
    pub dataset: Option<&'a DatasetRequest>,
    /// The `Accept` header.
    pub accept: Option<&'a str>,
    /// Prefixes for RDF answers (Turtle, TriG, RDF/XML, JSON-LD).
    pub prefixes: &'a [(&'a str, String)],
}

/// Refuses every `SERVICE` call that reaches evaluation (for example inside `EXISTS`), as a
/// second line behind the check on the parsed query.
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
            graphs,
        }
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

    /// Parses a query, refusing updates and `SERVICE`.
    pub fn parse(&self, query: &str) -> Result<Query, SparqlError> {
        // The parser and the evaluator recurse on nesting: a query nested thousands of levels
        // deep would overflow the stack and take the server down.
        let depth = nesting_depth(query);
        if depth > MAX_NESTING {
            return Err(SparqlError::Syntax(format!(
                "the query is nested {depth} levels deep; at most {MAX_NESTING} are allowed"
            )));
        }
        match SparqlParser::new().parse_query(query) {
            Ok(query) => {
                if uses_service(&query) {
                    return Err(SparqlError::ServiceRefused);
                }
                Ok(query)
            }
            Err(error) => {
                if SparqlParser::new().parse_update(query).is_ok() {
                    Err(SparqlError::UpdateRefused)
                } else {
                    Err(SparqlError::Syntax(error.to_string()))
                }
            }
        }
    }

    /// Evaluates `query` and serialises the answer as `request` asks. Blocking: call it off
    /// the async runtime. `cancel` stops evaluation; the caller cancels it when time runs out.
    pub fn execute(
        &self,
        query: Query,
        request: Request<'_>,
        cancel: CancellationToken,
    ) -> Result<SparqlAnswer, SparqlError> {
        let mut prepared = SparqlEvaluator::new()
            .with_default_service_handler(RefuseService)
            .with_cancellation_token(cancel.clone())
            .for_query(query);
        dataset::apply(prepared.dataset_mut(), request.dataset, &self.graphs)?;
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
                let format = self.solution_format(request.accept)?;
                let body = QueryResultsSerializer::from_format(format)
                    .serialize_boolean_to_writer(Vec::new(), value)
                    .map_err(|e| SparqlError::Evaluation(e.to_string()))?;
                Ok(SparqlAnswer {
                    content_type: format.media_type(),
                    body,
                })
            }
            QueryResults::Solutions(solutions) => {
                let format = self.solution_format(request.accept)?;
                let mut serializer = QueryResultsSerializer::from_format(format)
                    .serialize_solutions_to_writer(Vec::new(), solutions.variables().to_vec())
                    .map_err(|e| SparqlError::Evaluation(e.to_string()))?;
                for (count, solution) in solutions.enumerate() {
                    if count >= self.limits.max_results {
                        return Err(SparqlError::TooManyResults(self.limits.max_results));
                    }
                    check(&cancel)?;
                    let solution = solution.map_err(|e| self.evaluation_error(e))?;
                    serializer
                        .serialize(&solution)
                        .map_err(|e| SparqlError::Evaluation(e.to_string()))?;
                }
                let body = serializer
                    .finish()
                    .map_err(|e| SparqlError::Evaluation(e.to_string()))?;
                Ok(SparqlAnswer {
                    content_type: format.media_type(),
                    body,
                })
            }
            QueryResults::Graph(triples) => {
                let format = self.graph_format(request.accept)?;
                let mut collected = Vec::new();
                for (count, triple) in triples.enumerate() {
                    if count >= self.limits.max_results {
                        return Err(SparqlError::TooManyResults(self.limits.max_results));
                    }
                    check(&cancel)?;
                    collected.push(triple.map_err(|e| self.evaluation_error(e))?);
                }
                let body = crate::rdf::triples_to_bytes(&collected, format, request.prefixes)
                    .map_err(|e| SparqlError::Evaluation(e.to_string()))?;
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
            other => SparqlError::Evaluation(other.to_string()),
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

/// Deepest nesting of brackets a query may have.
pub const MAX_NESTING: usize = 64;

/// The deepest nesting of `(`, `{` and `[` in `text`. Brackets inside strings count too: an
/// overestimate, which only matters for strings full of unbalanced brackets.
fn nesting_depth(text: &str) -> usize {
    let mut depth = 0usize;
    let mut deepest = 0;
    for c in text.chars() {
        match c {
            '(' | '{' | '[' => {
                depth += 1;
                deepest = deepest.max(depth);
            }
            ')' | '}' | ']' => depth = depth.saturating_sub(1),
            _ => {}
        }
    }
    deepest
}

/// Whether the query's pattern contains a `SERVICE` clause.
fn uses_service(query: &Query) -> bool {
    let pattern = match query {
        Query::Select { pattern, .. }
        | Query::Construct { pattern, .. }
        | Query::Describe { pattern, .. }
        | Query::Ask { pattern, .. } => pattern,
    };
    pattern_uses_service(pattern)
}

fn pattern_uses_service(pattern: &GraphPattern) -> bool {
    match pattern {
        GraphPattern::Service { .. } => true,
        GraphPattern::Bgp { .. } | GraphPattern::Path { .. } | GraphPattern::Values { .. } => false,
        GraphPattern::Join { left, right }
        | GraphPattern::LeftJoin { left, right, .. }
        | GraphPattern::Lateral { left, right }
        | GraphPattern::Union { left, right }
        | GraphPattern::Minus { left, right } => {
            pattern_uses_service(left) || pattern_uses_service(right)
        }
        GraphPattern::Filter { inner, .. }
        | GraphPattern::Graph { inner, .. }
        | GraphPattern::Extend { inner, .. }
        | GraphPattern::OrderBy { inner, .. }
        | GraphPattern::Project { inner, .. }
        | GraphPattern::Distinct { inner }
        | GraphPattern::Reduced { inner }
        | GraphPattern::Slice { inner, .. }
        | GraphPattern::Group { inner, .. } => pattern_uses_service(inner),
    }
}
