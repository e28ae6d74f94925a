//! The `sunan-kg` command: serve the graph, check graph-data, export RDF.

use std::net::SocketAddr;
use std::path::PathBuf;
use std::time::{Duration, Instant};

use anyhow::Context;
use clap::{Parser, Subcommand, ValueEnum};
use sunan_kg::memory::MeteredAllocator;
use sunan_kg::rdf::{DEFAULT_BASE_IRI, DumpFormat, Iris, Publication};
use sunan_kg::server::{AppState, ServerLimits, serve};
use sunan_kg::sparql::SparqlLimits;
use sunan_kg::{DataFiles, Dataset, Model};

// Meters each thread's allocations so that a SPARQL query can be held to a memory budget.
#[global_allocator]
static ALLOCATOR: MeteredAllocator = MeteredAllocator;

/// The repository's graph-data folder, compiled into the binary so that it runs anywhere.
static GRAPH_DATA: include_dir::Dir<'static> =
    include_dir::include_dir!("$CARGO_MANIFEST_DIR/graph-data");

/// Bytes in a mebibyte, the unit of `--sparql-memory-mib`.
const MIB: usize = 1024 * 1024;

/// How long the runtime waits for stray blocking work after the server has stopped.
const RUNTIME_SHUTDOWN_TIMEOUT: Duration = Duration::from_secs(1);

/// A knowledge graph of the innovation policy of southern Jiangsu, served through GraphQL and
/// SPARQL.
#[derive(Parser)]
#[command(version, about)]
struct Cli {
    #[command(subcommand)]
    command: Option<Command>,
}

#[derive(Subcommand)]
enum Command {
    /// Serve GraphQL, SPARQL and the landing page (the default command).
    Serve(ServeArgs),
    /// Validate graph-data and print counts by kind and relation kind.
    Check(DataArgs),
    /// Scan the source texts for names that no entity carries and the ignore list does not
    /// explain; fails when there are any.
    Coverage(DataArgs),
    /// Print the figures of the graph as Markdown (the content of docs/graph.md).
    Report(DataArgs),
    /// Write the whole graph as RDF to standard output, or every dump file, the checksums,
    /// the vocabulary, the shapes and the VoID description into a folder (`--dir`).
    Export {
        #[command(flatten)]
        data: DataArgs,
        /// Output format.
        #[arg(long, value_enum, default_value_t = ExportFormat::Turtle)]
        format: ExportFormat,
        /// Write all the published files into this folder instead of one format to standard
        /// output.
        #[arg(long, conflicts_with = "format")]
        dir: Option<PathBuf>,
    },
    /// Print the vocabulary (graph-data/ontology.ttl) as generated from vocabulary.toml.
    Ontology(DataArgs),
    /// Print the SHACL shapes (graph-data/shapes.ttl) as generated from vocabulary.toml.
    Shapes(DataArgs),
    /// Print the dataset version: a digest of the published data, vocabulary and shapes.
    DatasetVersion(DataArgs),
    /// Draft the graph-data of a new policy text: sections, tasks, responsible agencies,
    /// targets, mentions, relations, proposed entities and instrument codes, each marked as a
    /// draft with its rule and quote, written into `--out DIR` or the `--data` folder for
    /// review.
    Draft(DraftArgs),
    /// Draft each curated document with a graph that leaves it out and print the precision
    /// and recall of the drafts against the curated data (docs/draft.md).
    DraftBench {
        #[command(flatten)]
        data: DataArgs,
        /// Also list, per document and kind, each item drafted wrong (+) and each curated
        /// item missed (-).
        #[arg(long)]
        misses: bool,
    },
}

#[derive(clap::Args)]
struct DraftArgs {
    /// The source text (UTF-8), copied into sources/ unchanged.
    source: PathBuf,
    /// The new document's id (`changzhou-2019`).
    #[arg(long)]
    id: String,
    /// The Region id of the region the document governs; by default the region the text
    /// names most often.
    #[arg(long)]
    city: Option<String>,
    /// A graph-data folder to write the draft files into; by default the `--data` folder.
    #[arg(long)]
    out: Option<PathBuf>,
    /// Draft as if the graph did not hold this curated document (as `draft-bench` does), to
    /// see what the benchmark compares.
    #[arg(long)]
    leave_out: Option<String>,
    #[command(flatten)]
    data: DataArgs,
}

#[derive(clap::Args, Default)]
struct DataArgs {
    /// A graph-data folder to read instead of the one embedded in the binary.
    #[arg(long, env = "SUNAN_KG_DATA")]
    data: Option<PathBuf>,
    /// Base IRI of entities and vocabulary.
    #[arg(long, env = "SUNAN_KG_BASE_IRI", default_value = DEFAULT_BASE_IRI)]
    base_iri: String,
}

#[derive(clap::Args)]
struct ServeArgs {
    /// Address to listen on.
    #[arg(long, env = "SUNAN_KG_ADDR", default_value = "127.0.0.1:8080")]
    addr: SocketAddr,
    /// Seconds after which a SPARQL query is cancelled.
    #[arg(long, default_value_t = SparqlLimits::default().timeout.as_secs())]
    sparql_timeout: u64,
    /// MiB one SPARQL query may allocate before it is cancelled.
    #[arg(long, default_value_t = SparqlLimits::default().memory_budget / MIB)]
    sparql_memory_mib: usize,
    /// SPARQL queries evaluated at once; more wait briefly, then get 429.
    #[arg(long, default_value_t = ServerLimits::default().sparql.concurrent)]
    max_sparql_queries: usize,
    /// Serve without the RDF store: no SPARQL and no Linked Data descriptions (503), for a
    /// graph too large for the in-memory store, which takes about 16 KiB per entity.
    #[arg(long)]
    no_rdf_store: bool,
    /// Open connections at most.
    #[arg(long, default_value_t = ServerLimits::default().connections.max_connections)]
    max_connections: usize,
    /// Seconds requests in flight get to finish after SIGTERM or ctrl-c.
    #[arg(long, default_value_t = ServerLimits::default().connections.grace.as_secs())]
    shutdown_grace: u64,
    /// Origins browsers may call the API from (repeat the flag); any origin when absent.
    #[arg(
        long = "cors-origin",
        env = "SUNAN_KG_CORS_ORIGINS",
        value_delimiter = ','
    )]
    cors_origins: Vec<String>,
    #[command(flatten)]
    data: DataArgs,
}

#[derive(Clone, Copy, ValueEnum)]
enum ExportFormat {
    Turtle,
    Ntriples,
    Trig,
    Nquads,
    Jsonld,
}

impl From<ExportFormat> for DumpFormat {
    fn from(format: ExportFormat) -> Self {
        match format {
            ExportFormat::Turtle => Self::Turtle,
            ExportFormat::Ntriples => Self::NTriples,
            ExportFormat::Trig => Self::TriG,
            ExportFormat::Nquads => Self::NQuads,
            ExportFormat::Jsonld => Self::JsonLd,
        }
    }
}

fn main() -> anyhow::Result<()> {
    let runtime = tokio::runtime::Builder::new_multi_thread()
        .enable_all()
        .build()
        .context("cannot start the async runtime")?;
    let outcome = runtime.block_on(run());
    // A request still running on the blocking pool must not keep the process alive.
    runtime.shutdown_timeout(RUNTIME_SHUTDOWN_TIMEOUT);
    outcome
}

async fn run() -> anyhow::Result<()> {
    tracing_subscriber::fmt()
        .with_env_filter(
            tracing_subscriber::EnvFilter::try_from_default_env()
                .unwrap_or_else(|_| "info,tower_http=info".into()),
        )
        .with_writer(std::io::stderr)
        .init();
    let cli = Cli::parse();
    // No command means `serve` with its defaults (and environment variables).
    let command = match cli.command {
        Some(command) => command,
        None => Cli::parse_from([env!("CARGO_BIN_NAME"), "serve"])
            .command
            .context("serve parses")?,
    };
    match command {
        Command::Serve(args) => run_server(args).await,
        Command::Check(args) => check(&args),
        Command::Coverage(args) => coverage(&args),
        Command::Report(args) => {
            let files = data_files(&args)?;
            let model = sunan_kg::load(&files)?;
            let coverage = sunan_kg::coverage::check_coverage(&model, &files)?;
            print(&sunan_kg::report::graph_report(&model, &coverage))
        }
        Command::Export { data, format, dir } => match dir {
            Some(dir) => export_dir(&data, &dir),
            None => export(&data, format.into()),
        },
        Command::Ontology(args) => {
            let iris = Iris::new(&args.base_iri)?;
            let model = load_model(&args)?;
            print(&sunan_kg::rdf::ontology_turtle(&model.vocabulary, &iris)?)
        }
        Command::Shapes(args) => {
            let iris = Iris::new(&args.base_iri)?;
            let model = load_model(&args)?;
            print(&sunan_kg::rdf::shapes_turtle(&model.vocabulary, &iris))
        }
        Command::DatasetVersion(args) => {
            let model = load_model(&args)?;
            print(&format!("{}\n", sunan_kg::rdf::dataset_version(&model)?))
        }
        Command::Draft(args) => draft(&args),
        Command::DraftBench { data, misses } => {
            let files = data_files(&data)?;
            let model = sunan_kg::load(&files)?;
            let report = sunan_kg::draft::evaluate(&model, &files)?;
            print(&report.to_markdown())?;
            if misses {
                print(&format!("\n{}", report.misses_to_text()))?;
            }
            Ok(())
        }
    }
}

fn data_files(args: &DataArgs) -> anyhow::Result<DataFiles> {
    Ok(match &args.data {
        Some(dir) => DataFiles::read_dir(dir)?,
        None => DataFiles::embedded(&GRAPH_DATA),
    })
}

fn load_model(args: &DataArgs) -> anyhow::Result<Model> {
    Ok(sunan_kg::load(&data_files(args)?)?)
}

/// Writes a report to standard output; a closed pipe (`| head`) is not an error.
fn print(text: &str) -> anyhow::Result<()> {
    use std::io::Write;
    match std::io::stdout().lock().write_all(text.as_bytes()) {
        Err(error) if error.kind() == std::io::ErrorKind::BrokenPipe => Ok(()),
        other => Ok(other?),
    }
}

async fn run_server(args: ServeArgs) -> anyhow::Result<()> {
    let started = Instant::now();
    let iris = Iris::new(&args.data.base_iri)?;
    let mut phases = sunan_kg::dataset::Phases::start();
    let model = load_model(&args.data)?;
    phases.done("graph-data loaded and checked");
    let dataset = Dataset::build_with(model, iris, !args.no_rdf_store)?;
    let sparql_limits = SparqlLimits {
        timeout: Duration::from_secs(args.sparql_timeout.max(1)),
        memory_budget: args.sparql_memory_mib.max(1) * MIB,
        ..SparqlLimits::default()
    };
    let mut limits = ServerLimits::default();
    limits.sparql.concurrent = args.max_sparql_queries.max(1);
    limits.sparql.per_client = limits.sparql.per_client.min(limits.sparql.concurrent);
    limits.connections.max_connections = args.max_connections.max(1);
    limits.connections.max_per_client = limits
        .connections
        .max_per_client
        .min(limits.connections.max_connections);
    limits.connections.grace = Duration::from_secs(args.shutdown_grace);
    let mut state = AppState::with_limits(dataset.clone(), sparql_limits, limits);
    if !args.cors_origins.is_empty() {
        let origins = args
            .cors_origins
            .iter()
            .map(|o| {
                axum::http::HeaderValue::from_str(o).with_context(|| format!("bad origin {o:?}"))
            })
            .collect::<anyhow::Result<Vec<_>>>()?;
        state.cors = sunan_kg::server::CorsOrigins::List(origins.into());
    }
    let listener = tokio::net::TcpListener::bind(args.addr)
        .await
        .with_context(|| format!("cannot listen on {}", args.addr))?;
    tracing::info!(
        addr = %listener.local_addr()?,
        entities = dataset.model.entities.len(),
        relations = dataset.model.relations.len(),
        startup_ms = started.elapsed().as_millis() as u64,
        rdf_store = !args.no_rdf_store,
        "serving GraphQL at /graphql{}",
        if args.no_rdf_store { " (no RDF store: SPARQL is off)" } else { " and SPARQL at /sparql" }
    );
    serve(listener, state, shutdown_signal()).await?;
    tracing::info!("stopped");
    Ok(())
}

/// Completes on ctrl-c or SIGTERM.
async fn shutdown_signal() {
    let ctrl_c = async {
        if let Err(error) = tokio::signal::ctrl_c().await {
            tracing::error!(%error, "cannot listen for ctrl-c");
            std::future::pending::<()>().await;
        }
    };
    #[cfg(unix)]
    let terminate = async {
        match tokio::signal::unix::signal(tokio::signal::unix::SignalKind::terminate()) {
            Ok(mut signal) => {
                signal.recv().await;
            }
            Err(error) => {
                tracing::error!(%error, "cannot listen for SIGTERM");
                std::future::pending::<()>().await;
            }
        }
    };
    #[cfg(not(unix))]
    let terminate = std::future::pending::<()>();
    tokio::select! {
        () = ctrl_c => {},
        () = terminate => {},
    }
    tracing::info!("shutting down");
}

fn check(args: &DataArgs) -> anyhow::Result<()> {
    let files = data_files(args)?;
    let model = sunan_kg::load(&files)?;
    sunan_kg::draft::check_patterns(&files, &model)?;
    print(&sunan_kg::report::check_summary(&model))?;
    print(&sunan_kg::data::PendingDrafts::count(&files).to_text())
}

fn draft(args: &DraftArgs) -> anyhow::Result<()> {
    let out = args
        .out
        .as_ref()
        .or(args.data.data.as_ref())
        .context("give --out DIR (or --data DIR) for the draft files: the embedded graph-data cannot be written")?;
    let files = data_files(&args.data)?;
    let model = sunan_kg::load(&files)?;
    let text = std::fs::read_to_string(&args.source)
        .with_context(|| format!("cannot read {}", args.source.display()))?;
    let source_file = args
        .source
        .file_name()
        .and_then(|name| name.to_str())
        .context("the source path has no file name")?;
    let request = sunan_kg::draft::DraftRequest {
        id: &args.id,
        source_file,
        text: &text,
        city: args.city.as_deref(),
        leave_out: args.leave_out.as_deref(),
    };
    let draft = sunan_kg::draft::draft(&model, &files, &request)?;
    let written = sunan_kg::draft::DraftFiles::render(&draft);
    written.write_to(out)?;
    print(&written.written_message(out, &draft))
}

fn coverage(args: &DataArgs) -> anyhow::Result<()> {
    let files = data_files(args)?;
    let model = sunan_kg::load(&files)?;
    let report = sunan_kg::coverage::check_coverage(&model, &files)?;
    print(&report.to_text())?;
    if !report.is_complete() {
        anyhow::bail!("coverage is incomplete: add the entities or ignore entries listed above");
    }
    Ok(())
}

fn export(args: &DataArgs, format: DumpFormat) -> anyhow::Result<()> {
    let iris = Iris::new(&args.base_iri)?;
    let model = load_model(args)?;
    let stdout = std::io::stdout().lock();
    let mut writer = std::io::BufWriter::new(stdout);
    sunan_kg::rdf::write_dump(&model, &iris, format, &mut writer)?;
    std::io::Write::flush(&mut writer)?;
    Ok(())
}

/// Writes every published file into `dir`: the dumps, `SHA256SUMS`, `ontology.ttl`,
/// `shapes.ttl` and `void.ttl`, the same bytes the server publishes.
fn export_dir(args: &DataArgs, dir: &std::path::Path) -> anyhow::Result<()> {
    let iris = Iris::new(&args.base_iri)?;
    let model = load_model(args)?;
    let publication = Publication::build(&model, &iris)?;
    publication.write_to(dir)?;
    print(&publication.written_message(dir))
}
