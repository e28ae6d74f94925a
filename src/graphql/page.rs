//! Cursor pagination over lists computed in memory (Relay connections).

use async_graphql::connection::{Connection, Edge, EmptyFields};
use async_graphql::{OutputType, Result, SimpleObject};

use super::arguments::{page_size, page_start};

/// Extra fields of every connection.
#[derive(SimpleObject)]
pub struct ConnectionFields {
    /// Number of items over all pages.
    pub total_count: usize,
}

/// A page of results.
pub type Page<T> = Connection<usize, T, ConnectionFields, EmptyFields>;

/// The page of `items` after the cursor `after`, of at most `first` items.
pub fn paginate<T: OutputType>(
    items: Vec<T>,
    after: Option<String>,
    first: Option<i32>,
    default: usize,
) -> Result<Page<T>> {
    let size = page_size(first, default)?;
    let start = page_start(after)?;
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
