//! The checks resolvers make on their arguments before any work: page sizes and cursors,
//! integer ranges, the length of search texts and of id lists, and ids that must name an
//! entity (of a kind), a measure or a code of the instrument scheme.
//!
//! A leaf: it reads the model and answers with [`ApiError`]s, and nothing else of the GraphQL
//! module, so every resolver can call it and none of it calls a resolver.

use std::ops::RangeInclusive;

use async_graphql::connection::CursorType;
use async_graphql::{ErrorExtensions, ID, Result};

use super::error::ApiError;
use crate::analytics::Level;
use crate::model::{EntityIndex, Model};
use crate::vocabulary::ids;

/// Largest page any list field returns.
pub const MAX_PAGE_SIZE: usize = 100;
/// Longest search text accepted.
pub(crate) const MAX_SEARCH_CHARS: usize = 100;

/// Checks a requested page size against the maximum.
pub(crate) fn page_size(first: Option<i32>, default: usize) -> Result<usize> {
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

/// The position a page starts at: 0 without a cursor, else the one after the cursor's.
pub(crate) fn page_start(after: Option<String>) -> Result<usize> {
    match after {
        None => Ok(0),
        Some(cursor) => {
            let malformed =
                || ApiError::BadArgument(format!("malformed cursor {cursor:?}")).extend();
            let position = usize::decode_cursor(&cursor).map_err(|_| malformed())?;
            // A cursor decoded from the client can be any number, the largest included.
            position.checked_add(1).ok_or_else(malformed)
        }
    }
}

/// Checks the integer argument `name` lies in `range`.
pub(crate) fn in_range(name: &str, value: i32, range: RangeInclusive<i32>) -> Result<usize> {
    if range.contains(&value) {
        Ok(value as usize)
    } else {
        Err(ApiError::BadArgument(format!(
            "{name} must be between {} and {}, got {value}",
            range.start(),
            range.end()
        ))
        .extend())
    }
}

/// Checks a search text is at most [`MAX_SEARCH_CHARS`] long.
pub(crate) fn search_text(text: &str) -> Result<()> {
    if text.chars().count() > MAX_SEARCH_CHARS {
        return Err(ApiError::BadArgument(format!(
            "text must be at most {MAX_SEARCH_CHARS} characters"
        ))
        .extend());
    }
    Ok(())
}

/// Checks the number of ids in the argument `name` lies in `range`.
pub(crate) fn id_count(name: &str, ids: &[ID], range: RangeInclusive<usize>) -> Result<()> {
    if range.contains(&ids.len()) {
        Ok(())
    } else {
        Err(ApiError::BadArgument(format!(
            "{name} must hold {} to {} ids",
            range.start(),
            range.end()
        ))
        .extend())
    }
}

/// The entity an id argument names, or a `NOT_FOUND` error.
pub(crate) fn entity(model: &Model, id: &str) -> Result<EntityIndex> {
    model
        .index_of(id)
        .ok_or_else(|| ApiError::NotFound(id.to_owned()).extend())
}

/// The entity an id argument names, which must be of the kind with the vocabulary id `kind`.
pub(crate) fn entity_of_kind(model: &Model, id: &str, kind: &str) -> Result<EntityIndex> {
    let index = entity(model, id)?;
    let actual = &model.entities[index].kind;
    if actual != kind {
        return Err(ApiError::WrongKind {
            id: id.to_owned(),
            actual: actual.clone(),
            expected: kind.to_owned(),
        }
        .extend());
    }
    Ok(index)
}

/// The entity an agency argument names: one that can be responsible for a task.
pub(crate) fn agency(model: &Model, id: &str) -> Result<EntityIndex> {
    let index = entity(model, id)?;
    let kind = &model.entities[index].kind;
    let allowed = model
        .vocabulary
        .relation(ids::RESPONSIBLE_AGENCY)
        .is_some_and(|r| r.allows_object(kind));
    if allowed {
        Ok(index)
    } else {
        Err(ApiError::WrongKind {
            id: id.to_owned(),
            actual: kind.clone(),
            expected: "body that can be responsible for a task".to_owned(),
        }
        .extend())
    }
}

/// The measure an id argument names, or a `NOT_FOUND` error.
pub(crate) fn measure(model: &Model, id: &str) -> Result<usize> {
    model
        .measures
        .iter()
        .position(|m| m.id == id)
        .ok_or_else(|| ApiError::NotFound(id.to_owned()).extend())
}

/// The type or tool of the instrument scheme an id argument names, with its level.
pub(crate) fn instrument(model: &Model, id: &str) -> Result<(Level, usize)> {
    let instruments = &model.instruments;
    match (instruments.instrument_type(id), instruments.tool(id)) {
        (Some(t), _) => Ok((Level::Type, t)),
        (_, Some(t)) => Ok((Level::Tool, t)),
        _ => {
            let reason = format!("{id:?} is not a type or tool of the instrument scheme");
            Err(ApiError::BadArgument(reason).extend())
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_cursor_at_the_end_of_usize_is_refused_not_overflowed() {
        assert_eq!(page_start(Some("4".into())).ok(), Some(5));
        let error = page_start(Some(usize::MAX.to_string())).err();
        assert!(
            error.is_some_and(|e| e.message.contains("malformed cursor")),
            "the largest cursor has no position after it"
        );
    }
}
