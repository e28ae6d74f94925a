//! Bounds on the shape of a query text, checked before anything recursive sees it.
//!
//! The parser, oxigraph's optimiser and its evaluator all recurse once per level of nesting,
//! and nesting comes not only from brackets: `1+1+…+1`, `!!…!x`, `a && b && …`, chains of
//! `OPTIONAL`, `UNION` or `MINUS` and long property paths each add a level per operator. So
//! the check counts both the bracket depth and every structural token, and the evaluation
//! thread's stack ([`super::worker::STACK_BYTES`]) is sized for the deepest tree these bounds
//! allow (a test runs each shape at its bound).

use super::SparqlError;

/// Longest query text accepted, in bytes.
pub const MAX_QUERY_BYTES: usize = 64 * 1024;
/// Deepest nesting of `(`, `{` and `[`.
pub const MAX_NESTING: usize = 64;
/// Most structural tokens (brackets, operators, separators) in one query.
pub const MAX_OPERATORS: usize = 2_000;

/// Refuses a query text longer, deeper or with more operators than the bounds allow.
pub fn check(text: &str) -> Result<(), SparqlError> {
    if text.len() > MAX_QUERY_BYTES {
        return Err(SparqlError::TooComplex(format!(
            "the query is {} bytes long; at most {MAX_QUERY_BYTES} are allowed",
            text.len()
        )));
    }
    let shape = measure(text);
    if shape.depth > MAX_NESTING {
        return Err(SparqlError::TooComplex(format!(
            "the query is nested {} levels deep; at most {MAX_NESTING} are allowed",
            shape.depth
        )));
    }
    if shape.operators > MAX_OPERATORS {
        return Err(SparqlError::TooComplex(format!(
            "the query has {} operators, brackets and separators; at most {MAX_OPERATORS} are allowed",
            shape.operators
        )));
    }
    Ok(())
}

/// What [`measure`] counts.
#[derive(Debug, Default, PartialEq, Eq)]
struct Shape {
    depth: usize,
    operators: usize,
}

/// Counts bracket depth and structural tokens outside string literals, IRIs and comments.
/// Characters inside prefixed names (`ske:a-b`) and numbers (`1.5`) count too: an
/// overestimate, harmless at these bounds.
fn measure(text: &str) -> Shape {
    let chars: Vec<char> = text.chars().collect();
    let mut shape = Shape::default();
    let mut depth = 0usize;
    let mut i = 0;
    while i < chars.len() {
        let c = chars[i];
        match c {
            '"' | '\'' => i = skip_string(&chars, i),
            '#' => {
                while i < chars.len() && chars[i] != '\n' {
                    i += 1;
                }
            }
            '<' if iri_end(&chars, i).is_some() => i = iri_end(&chars, i).unwrap_or(i),
            '(' | '{' | '[' => {
                depth += 1;
                shape.depth = shape.depth.max(depth);
                shape.operators += 1;
            }
            ')' | '}' | ']' => {
                depth = depth.saturating_sub(1);
                shape.operators += 1;
            }
            '!' | '&' | '|' | '+' | '-' | '*' | '/' | '^' | '=' | '<' | '>' | ',' | ';' | '.' => {
                shape.operators += 1;
            }
            _ => {}
        }
        i += 1;
    }
    shape
}

/// The index of the closing quote of the string starting at `start` (short or long form,
/// with backslash escapes), or the last index when it is not closed.
fn skip_string(chars: &[char], start: usize) -> usize {
    let quote = chars[start];
    let long = chars.get(start + 1) == Some(&quote) && chars.get(start + 2) == Some(&quote);
    let mut i = if long { start + 3 } else { start + 1 };
    while i < chars.len() {
        match chars[i] {
            '\\' => i += 1,
            c if c == quote => {
                if !long {
                    return i;
                }
                if chars.get(i + 1) == Some(&quote) && chars.get(i + 2) == Some(&quote) {
                    return i + 2;
                }
            }
            '\n' if !long => return i,
            _ => {}
        }
        i += 1;
    }
    chars.len()
}

/// The index of the `>` closing an IRI reference that starts at `start`, if the characters
/// between are ones an IRI may hold (so `?a < ?b` is an operator, not an IRI).
fn iri_end(chars: &[char], start: usize) -> Option<usize> {
    for (offset, &c) in chars[start + 1..].iter().enumerate() {
        match c {
            '>' => return Some(start + 1 + offset),
            '<' | '"' | '{' | '}' | '|' | '^' | '`' | '\\' => return None,
            c if c <= ' ' => return None,
            _ => {}
        }
    }
    None
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn strings_iris_and_comments_do_not_count() {
        let shape = measure(
            "PREFIX a: <http://example.org/a-b/c+d#>\n# ((((\nSELECT * { ?s ?p \"(((\\\"\" }",
        );
        // `*`, `{` and `}`.
        assert_eq!(
            shape,
            Shape {
                depth: 1,
                operators: 3
            }
        );
    }

    #[test]
    fn operators_count_without_brackets() {
        let shape = measure("ASK { FILTER(!!!true && ?a < ?b) }");
        assert_eq!(shape.depth, 2);
        // { ( ! ! ! & & < ) }
        assert_eq!(shape.operators, 10);
    }

    #[test]
    fn long_strings_are_skipped_whole() {
        assert_eq!(
            measure("\"\"\"a \" (( \"\"\" ."),
            Shape {
                depth: 0,
                operators: 1
            }
        );
    }

    #[test]
    fn limits_refuse_with_a_reason() {
        let chain = format!("SELECT ({} AS ?x) {{}}", vec!["1"; 3000].join("+"));
        let error = check(&chain).expect_err("too many operators");
        assert!(error.to_string().contains("operators"), "{error}");
        let deep = format!("ASK {{ FILTER({}true{}) }}", "(".repeat(70), ")".repeat(70));
        assert!(
            check(&deep)
                .expect_err("too deep")
                .to_string()
                .contains("nested")
        );
    }
}
