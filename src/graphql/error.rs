//! GraphQL errors with a machine-readable `code` in `extensions`, for resolver errors and for
//! the errors the engine raises itself (parse, validation, limits).

use std::sync::Arc;

use async_graphql::extensions::{Extension, ExtensionContext, ExtensionFactory, NextValidation};
use async_graphql::{Error, ErrorExtensions, ServerError, ValidationResult};

use super::{MAX_COMPLEXITY, MAX_DEPTH};

/// An error a client can act on; `code` is stable, the message is for people.
#[derive(Debug, thiserror::Error)]
pub enum ApiError {
    /// No entity has this id.
    #[error("no entity has the id {0:?}")]
    NotFound(String),
    /// An argument is out of range or malformed.
    #[error("{0}")]
    BadArgument(String),
    /// The entity exists but is not of the kind the argument needs.
    #[error("{id:?} is a {actual}, not a {expected}")]
    WrongKind {
        /// The id given.
        id: String,
        /// Its kind.
        actual: String,
        /// The kind needed.
        expected: String,
    },
}

impl ApiError {
    /// The value of `extensions.code`.
    pub fn code(&self) -> &'static str {
        match self {
            Self::NotFound(_) => "NOT_FOUND",
            Self::BadArgument(_) | Self::WrongKind { .. } => "BAD_ARGUMENT",
        }
    }
}

impl ErrorExtensions for ApiError {
    fn extend(&self) -> Error {
        let code = self.code();
        Error::new(self.to_string()).extend_with(|_, e| e.set("code", code))
    }
}

/// The value of a nullable field whose resolver may fail: on an error, `null` with the error
/// (at this field's path) in the response. async-graphql leaves a failed field out of its
/// object instead, which clients read as a missing field rather than a null one.
pub(crate) fn or_null<T>(
    ctx: &async_graphql::Context<'_>,
    result: async_graphql::Result<T>,
) -> Option<T> {
    match result {
        Ok(value) => Some(value),
        Err(error) => {
            ctx.add_error(ctx.set_error_path(error.into_server_error(ctx.item.pos)));
            None
        }
    }
}

/// Codes of the errors the engine raises before any resolver runs.
pub mod codes {
    /// The query text does not parse.
    pub const PARSE_FAILED: &str = "GRAPHQL_PARSE_FAILED";
    /// The query does not fit the schema.
    pub const VALIDATION_FAILED: &str = "GRAPHQL_VALIDATION_FAILED";
    /// A variable the operation requires is missing or null.
    pub const BAD_VARIABLES: &str = "BAD_VARIABLES";
    /// The query is too deep or too complex.
    pub const LIMIT_EXCEEDED: &str = "LIMIT_EXCEEDED";
    /// The request ran past its time limit.
    pub const TIMEOUT: &str = "TIMEOUT";
    /// The answer would be larger than the response-size cap.
    pub const RESPONSE_TOO_LARGE: &str = "RESPONSE_TOO_LARGE";
    /// The server has too many requests of this kind in flight; retry later.
    pub const OVERLOADED: &str = "OVERLOADED";
    /// The HTTP request is malformed (body, content type, parameters).
    pub const BAD_REQUEST: &str = "BAD_REQUEST";
    /// A persisted query's hash is not known (Apollo's automatic persisted queries): send
    /// the query text with it.
    pub const PERSISTED_QUERY_NOT_FOUND: &str = "PERSISTED_QUERY_NOT_FOUND";
    /// The server failed (a bug); the message says where.
    pub const INTERNAL: &str = "INTERNAL";
}

/// Adds `extensions.code` to validation errors (parse errors get theirs from
/// [`super::Limits`], which parses the document).
pub struct ErrorCodes;

impl ExtensionFactory for ErrorCodes {
    fn create(&self) -> Arc<dyn Extension> {
        Arc::new(ErrorCodesExtension)
    }
}

struct ErrorCodesExtension;

/// `error` with `extensions.code` set to `code`.
pub(super) fn coded(mut error: ServerError, code: &str) -> ServerError {
    error
        .extensions
        .get_or_insert_with(Default::default)
        .set("code", code);
    error
}

fn with_code(mut error: ServerError, code: &str) -> ServerError {
    // Parse errors can quote the query; keep only an excerpt.
    error.message = crate::excerpt::excerpt(&error.message);
    let extensions = error.extensions.get_or_insert_with(Default::default);
    if extensions.get("code").is_none() {
        extensions.set("code", code);
    }
    error
}

#[async_graphql::async_trait::async_trait]
impl Extension for ErrorCodesExtension {
    async fn validation(
        &self,
        ctx: &ExtensionContext<'_>,
        next: NextValidation<'_>,
    ) -> Result<ValidationResult, Vec<ServerError>> {
        let result = next.run(ctx).await.map_err(|mut errors| {
            // The engine reports a missing mutation or subscription root twice.
            let mut seen = Vec::new();
            errors.retain(|e| {
                let key = (e.message.clone(), e.locations.clone());
                let new = !seen.contains(&key);
                seen.push(key);
                new
            });
            errors
                .into_iter()
                .map(|e| with_code(e, codes::VALIDATION_FAILED))
                .collect::<Vec<_>>()
        })?;
        // The engine's own limits would fail with bare messages; checked here, they fail
        // with their code and the figures.
        let exceeded = if result.depth > MAX_DEPTH {
            Some(LimitExceeded::Depth(result.depth))
        } else if result.complexity > MAX_COMPLEXITY {
            Some(LimitExceeded::Complexity(result.complexity))
        } else {
            None
        };
        match exceeded {
            Some(limit) => Err(vec![coded(
                ServerError::new(limit.to_string(), None),
                codes::LIMIT_EXCEEDED,
            )]),
            None => Ok(result),
        }
    }
}

/// A limit of the query's shape that validation checks.
#[derive(Debug, thiserror::Error)]
enum LimitExceeded {
    /// Selections nested deeper than [`MAX_DEPTH`].
    #[error("the query is nested too deep: {0} levels, more than the limit of {MAX_DEPTH}")]
    Depth(usize),
    /// A static complexity above [`MAX_COMPLEXITY`].
    #[error("the query is too complex: {0}, more than the limit of {MAX_COMPLEXITY}")]
    Complexity(usize),
}
