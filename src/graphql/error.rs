//! GraphQL errors with a machine-readable `code` in `extensions`.

use async_graphql::{Error, ErrorExtensions};

/// An error a client can act on; `code` is stable, the message is for people.
#[derive(Debug, thiserror::Error)]
pub enum ApiError {
    /// No entity has this id.
    #[error("no entity has the id {0:?}")]
    NotFound(String),
    /// An argument is out of range or malformed.
    #[error("{0}")]
    BadArgument(String),
}

impl ApiError {
    /// The value of `extensions.code`.
    pub fn code(&self) -> &'static str {
        match self {
            Self::NotFound(_) => "NOT_FOUND",
            Self::BadArgument(_) => "BAD_ARGUMENT",
        }
    }
}

impl ErrorExtensions for ApiError {
    fn extend(&self) -> Error {
        let code = self.code();
        Error::new(self.to_string()).extend_with(|_, e| e.set("code", code))
    }
}
