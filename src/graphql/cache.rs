//! Work done once per query rather than once per request. Applications send a few fixed
//! queries over and over, so a request whose query text, operation name and variables were
//! seen before reuses the document parsed, costed (by [`super::Limits`]) and validated then;
//! parsing and validating are a third of the time of a light query.
//!
//! Automatic persisted queries (Apollo's protocol) live here too: a client may send only the
//! SHA-256 of a query it sent before (`extensions.persistedQuery.sha256Hash`), and gets
//! `PERSISTED_QUERY_NOT_FOUND` when the server does not know it, upon which it sends the text.
//!
//! Both tables are bounded: queries longer than [`MAX_CACHED_QUERY_BYTES`] are not kept, and
//! a table that reaches [`CACHE_CAPACITY`] entries is emptied before it takes another.

use std::collections::HashMap;
use std::sync::{Arc, Mutex};

use async_graphql::extensions::{
    Extension, ExtensionContext, ExtensionFactory, NextParseQuery, NextPrepareRequest,
    NextValidation,
};
use async_graphql::parser::types::ExecutableDocument;
use async_graphql::{Request, ServerError, ServerResult, ValidationResult, Value, Variables};

use super::codes;
use super::limits::{PreParsed, parse, selects_heavy_field};

/// Longest query text kept, in bytes (GraphiQL's introspection query is about 2 KiB).
pub const MAX_CACHED_QUERY_BYTES: usize = 16 * 1024;
/// Most entries of each table.
pub const CACHE_CAPACITY: usize = 1024;
/// The request extension of Apollo's automatic persisted queries.
pub const PERSISTED_QUERY: &str = "persistedQuery";
/// The message Apollo clients look for before they resend a query with its text.
const PERSISTED_QUERY_NOT_FOUND: &str = "PersistedQueryNotFound";

/// What makes two requests prepare alike.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
struct Key {
    query: String,
    operation: Option<String>,
    /// The variables as JSON: the cost and validation of a document depend on them.
    variables: String,
}

impl Key {
    fn of(request: &Request) -> Option<Self> {
        (!request.query.is_empty() && request.query.len() <= MAX_CACHED_QUERY_BYTES).then(|| Self {
            query: request.query.clone(),
            operation: request.operation_name.clone(),
            variables: variables_key(&request.variables),
        })
    }
}

fn variables_key(variables: &Variables) -> String {
    if variables.is_empty() {
        String::new()
    } else {
        serde_json::to_string(variables).unwrap_or_default()
    }
}

/// A document ready to execute.
struct Prepared {
    document: ExecutableDocument,
    validation: ValidationResult,
    /// Whether it selects a field heavy enough to run off the async workers.
    heavy: bool,
}

#[derive(Default)]
struct Tables {
    prepared: Mutex<HashMap<Key, Arc<Prepared>>>,
    /// Persisted queries: SHA-256 in hexadecimal to query text.
    persisted: Mutex<HashMap<String, Arc<str>>>,
}

fn len<K, V>(table: &Mutex<HashMap<K, V>>) -> usize {
    table.lock().map(|t| t.len()).unwrap_or(0)
}

/// Inserts into a bounded table, emptying it first when full.
fn insert_bounded<K: std::hash::Hash + Eq, V>(table: &Mutex<HashMap<K, V>>, key: K, value: V) {
    if let Ok(mut table) = table.lock() {
        if table.len() >= CACHE_CAPACITY {
            table.clear();
        }
        table.insert(key, value);
    }
}

/// The cache of prepared documents and persisted queries: a cheap-to-clone handle, added to
/// the schema as an extension (before [`super::Limits`]) and used by the server to learn,
/// before execution, whether a request is heavy.
#[derive(Clone, Default)]
pub struct QueryCache {
    tables: Arc<Tables>,
}

impl std::fmt::Debug for QueryCache {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        let (prepared, persisted) = self.len();
        f.debug_struct("QueryCache")
            .field("prepared", &prepared)
            .field("persisted", &persisted)
            .finish()
    }
}

impl QueryCache {
    /// An empty cache.
    pub fn new() -> Self {
        Self::default()
    }

    /// Readies `request` for execution and says whether it selects a field of
    /// [`super::HEAVY_FIELDS`] weighing at least [`super::OFF_WORKER_WEIGHT`], so that the
    /// server can run it off its async workers. A persisted query gets its text back; a
    /// request seen before is answered from the cache; any other is parsed once here and the
    /// document handed on to execution. A request that fails here is returned as it is, and
    /// execution reports the error.
    pub fn prepare(&self, mut request: Request) -> (Request, bool) {
        if self.resolve_persisted(&mut request).is_err() {
            return (request, false);
        }
        if let Some(prepared) = Key::of(&request).and_then(|key| self.get(&key)) {
            return (request, prepared.heavy);
        }
        match parse(&request.query) {
            Ok(document) => {
                let heavy = selects_heavy_field(&document);
                (request.data(PreParsed::new(document)), heavy)
            }
            Err(_) => (request, false),
        }
    }

    /// How many prepared documents and persisted queries the cache holds.
    pub fn len(&self) -> (usize, usize) {
        (len(&self.tables.prepared), len(&self.tables.persisted))
    }

    fn get(&self, key: &Key) -> Option<Arc<Prepared>> {
        self.tables.prepared.lock().ok()?.get(key).cloned()
    }

    /// Replaces a persisted query's hash by its text, or registers a query sent with its hash.
    fn resolve_persisted(&self, request: &mut Request) -> ServerResult<()> {
        // The extension stays on a request that fails here, so that execution reports it.
        let Some(extension) = request.extensions.get(PERSISTED_QUERY) else {
            return Ok(());
        };
        let hash = persisted_hash(extension)?;
        if request.query.is_empty() {
            let known = self
                .tables
                .persisted
                .lock()
                .ok()
                .and_then(|t| t.get(&hash).cloned());
            let Some(query) = known else {
                return Err(coded(
                    PERSISTED_QUERY_NOT_FOUND.to_owned(),
                    codes::PERSISTED_QUERY_NOT_FOUND,
                ));
            };
            request.query = query.to_string();
        } else {
            let actual = crate::rdf::sha256_hex(request.query.as_bytes());
            if actual != hash {
                return Err(coded(
                    format!("the query's SHA-256 is {actual}, not the sha256Hash sent ({hash})"),
                    codes::BAD_REQUEST,
                ));
            }
            if request.query.len() <= MAX_CACHED_QUERY_BYTES {
                insert_bounded(
                    &self.tables.persisted,
                    hash,
                    Arc::from(request.query.as_str()),
                );
            }
        }
        request.extensions.remove(PERSISTED_QUERY);
        Ok(())
    }
}

/// The hash of a `persistedQuery` extension of version 1.
fn persisted_hash(extension: &Value) -> ServerResult<String> {
    let invalid = || {
        coded(
            "extensions.persistedQuery must be {\"version\": 1, \"sha256Hash\": \"<hex>\"}".into(),
            codes::BAD_REQUEST,
        )
    };
    let Value::Object(fields) = extension else {
        return Err(invalid());
    };
    match (fields.get("version"), fields.get("sha256Hash")) {
        (Some(Value::Number(version)), Some(Value::String(hash)))
            if version.as_i64() == Some(1) =>
        {
            Ok(hash.to_ascii_lowercase())
        }
        _ => Err(invalid()),
    }
}

fn coded(message: String, code: &str) -> ServerError {
    super::error::coded(ServerError::new(message, None), code)
}

impl ExtensionFactory for QueryCache {
    fn create(&self) -> Arc<dyn Extension> {
        Arc::new(QueryCacheExtension {
            cache: self.clone(),
            state: Mutex::new(RequestState::default()),
        })
    }
}

/// What one request's run has learnt so far.
#[derive(Default)]
struct RequestState {
    key: Option<Key>,
    hit: Option<Arc<Prepared>>,
    /// The document parsed on a miss, kept until validation succeeds.
    parsed: Option<ExecutableDocument>,
}

struct QueryCacheExtension {
    cache: QueryCache,
    state: Mutex<RequestState>,
}

impl QueryCacheExtension {
    fn state(&self) -> Option<std::sync::MutexGuard<'_, RequestState>> {
        self.state.lock().ok()
    }
}

#[async_graphql::async_trait::async_trait]
impl Extension for QueryCacheExtension {
    async fn prepare_request(
        &self,
        ctx: &ExtensionContext<'_>,
        mut request: Request,
        next: NextPrepareRequest<'_>,
    ) -> ServerResult<Request> {
        self.cache.resolve_persisted(&mut request)?;
        if let (Some(key), Some(mut state)) = (Key::of(&request), self.state()) {
            state.hit = self.cache.get(&key);
            state.key = Some(key);
        }
        next.run(ctx, request).await
    }

    async fn parse_query(
        &self,
        ctx: &ExtensionContext<'_>,
        query: &str,
        variables: &Variables,
        next: NextParseQuery<'_>,
    ) -> ServerResult<ExecutableDocument> {
        let hit = self.state().and_then(|state| state.hit.clone());
        if let Some(prepared) = hit {
            return Ok(prepared.document.clone());
        }
        let document = next.run(ctx, query, variables).await?;
        if let Some(mut state) = self.state()
            && state.key.is_some()
        {
            state.parsed = Some(document.clone());
        }
        Ok(document)
    }

    async fn validation(
        &self,
        ctx: &ExtensionContext<'_>,
        next: NextValidation<'_>,
    ) -> Result<ValidationResult, Vec<ServerError>> {
        let hit = self.state().and_then(|state| state.hit.clone());
        if let Some(prepared) = hit {
            return Ok(prepared.validation);
        }
        let validation = next.run(ctx).await?;
        let learnt = self
            .state()
            .and_then(|mut state| Some((state.key.take()?, state.parsed.take()?)));
        if let Some((key, document)) = learnt {
            let heavy = selects_heavy_field(&document);
            let prepared = Prepared {
                document,
                validation,
                heavy,
            };
            insert_bounded(&self.cache.tables.prepared, key, Arc::new(prepared));
        }
        Ok(validation)
    }
}
