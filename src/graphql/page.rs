//! Cursor pagination over lists computed in memory (Relay connections).

use async_graphql::connection::{Connection, CursorType, Edge, EmptyFields};
use async_graphql::{ErrorExtensions, OutputType, Result, SimpleObject};

use super::{ApiError, MAX_PAGE_SIZE};

/// Extra fields of every connection.
#[derive(SimpleObject)]
pub struct ConnectionFields {
    /// Number of items over all pages.
    pub total_count: usize,
}

/// A page of results.
pub type Page<T> = Connection<usize, T, ConnectionFields, EmptyFields>;

/// Checks a requested page size against the maximum.
pub fn page_size(first: Option<i32>, default: usize) -> Result<usize> {
    match first {
        None => Ok(default),
        Some(n) if n < 0 => {
            Err(ApiError::BadArgument("first must not be negative".into()).extend())
        }
        Some(n) if n as usize > MAX_PAGE_SIZE => Err(ApiError::BadArgument(format!(
            "first must be at most {MAX_PAGE_SIZE}, got {n}"
        ))
        .extend()),
        Some(n) => Ok(n as usize),
    }
}

/// The page of `items` after the cursor `after`, of at most `first` items.
pub fn paginate<T: OutputType>(
    items: Vec<T>,
    after: Option<String>,
    first: Option<i32>,
    default: usize,
) -> Result<Page<T>> {
    let size = page_size(first, default)?;
    let start = match after {
        None => 0,
        Some(cursor) => {
            usize::decode_cursor(&cursor).map_err(|_| {
                ApiError::BadArgument(format!("malformed cursor {cursor:?}")).extend()
            })? + 1
        }
    };
    let total = items.len();
    let end = start.saturating_add(size).min(total);
    let start = start.min(end);
    let mut page = Connection::with_additional_fields(
        start > 0,
        end < total,
        ConnectionFields { total_count: total },
    );
    page.edges.extend(
        items
            .into_iter()
            .enumerate()
            .skip(start)
            .take(end - start)
            .map(|(position, item)| Edge::new(position, item)),
    );
    Ok(page)
}
