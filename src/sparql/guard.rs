//! Makes a parsed query safe to evaluate: refuses `SERVICE` wherever it hides (inside
//! `EXISTS` too), and inserts liveness checks so that a runaway query can be stopped.
//!
//! oxigraph checks its cancellation token only when it reads the store, so a cross product
//! of in-memory intermediate results, or a chain of `OPTIONAL`s over them, can run for
//! minutes between two checks. Above every join-like node and every multi-pattern basic graph
//! pattern this pass adds `FILTER(<check>(COALESCE(?v, 0), …))`, a call of a custom function
//! (see [`super::liveness`]) on one variable private to each side. The variables keep
//! oxigraph's optimiser from pushing the filter below the node, so it runs on every solution
//! the node produces; the function always returns true, or stops evaluation.
//!
//! The same pass counts the query's triple patterns, property paths and join-like nodes and
//! refuses more than [`MAX_PATTERNS`]: oxigraph's optimiser, which cannot be interrupted,
//! takes time that grows with the fourth power of their number (about 1.3 s at 100 connected
//! patterns in a release build, 0.2 s at 64).
//!
//! The traversal recurses; it runs on the evaluation thread, whose stack is sized for the
//! bounds of [`super::bounds`].

use oxigraph::model::{Literal, NamedNode, Variable};
use spargebra::Query;
use spargebra::algebra::{
    AggregateExpression, Expression, Function, GraphPattern, OrderExpression,
};
use spargebra::term::{NamedNodePattern, TermPattern, TriplePattern};

use super::SparqlError;

/// The IRI of the liveness-check function the guards call.
pub const CHECK_FUNCTION: &str = "urn:x-sunan-kg:sparql:alive";

/// Most triple patterns, property paths and join-like nodes (joins, `OPTIONAL`, `UNION`,
/// `MINUS`) in one query.
pub const MAX_PATTERNS: usize = 64;

/// Refuses `SERVICE` and queries with more than [`MAX_PATTERNS`] patterns, and inserts
/// liveness checks into `query`.
pub fn prepare(query: &mut Query) -> Result<(), SparqlError> {
    let pattern = match query {
        Query::Select { pattern, .. }
        | Query::Construct { pattern, .. }
        | Query::Describe { pattern, .. }
        | Query::Ask { pattern, .. } => pattern,
    };
    let mut guard = Guard {
        check: NamedNode::new_unchecked(CHECK_FUNCTION),
        patterns: 0,
    };
    guard.pattern(pattern)
}

/// The state of one pass: the function to call and the patterns counted so far.
struct Guard {
    check: NamedNode,
    patterns: usize,
}

impl Guard {
    fn count(&mut self, patterns: usize) -> Result<(), SparqlError> {
        self.patterns += patterns;
        if self.patterns > MAX_PATTERNS {
            return Err(SparqlError::TooComplex(format!(
                "the query has more than {MAX_PATTERNS} triple patterns, paths, OPTIONALs, UNIONs and MINUSes"
            )));
        }
        Ok(())
    }

    fn pattern(&mut self, pattern: &mut GraphPattern) -> Result<(), SparqlError> {
        match pattern {
            GraphPattern::Bgp { patterns } => self.count(patterns.len())?,
            GraphPattern::Path { .. }
            | GraphPattern::Join { .. }
            | GraphPattern::LeftJoin { .. }
            | GraphPattern::Lateral { .. }
            | GraphPattern::Union { .. }
            | GraphPattern::Minus { .. } => self.count(1)?,
            _ => {}
        }
        let guard_vars = match pattern {
            GraphPattern::Service { .. } => return Err(SparqlError::ServiceRefused),
            // A connected pattern reads the store for every solution, and oxigraph checks its
            // token there; a check above it would also keep the optimiser from joining it with
            // the patterns around it (a query with VALUES and a path before it ran 40 times
            // slower). Only a cross product inside a pattern computes in memory.
            GraphPattern::Bgp { patterns } if patterns.len() > 1 && !is_connected(patterns) => {
                Some(in_scope(pattern))
            }
            GraphPattern::Bgp { .. } | GraphPattern::Path { .. } | GraphPattern::Values { .. } => {
                None
            }
            GraphPattern::Join { left, right }
            | GraphPattern::Lateral { left, right }
            | GraphPattern::Minus { left, right } => {
                self.pattern(left)?;
                self.pattern(right)?;
                Some(private_variables(left, right))
            }
            GraphPattern::LeftJoin {
                left,
                right,
                expression,
            } => {
                self.pattern(left)?;
                self.pattern(right)?;
                if let Some(expression) = expression {
                    self.expression(expression)?;
                }
                Some(private_variables(left, right))
            }
            GraphPattern::Union { left, right } => {
                self.pattern(left)?;
                self.pattern(right)?;
                None
            }
            GraphPattern::Filter { expr, inner } => {
                self.expression(expr)?;
                self.pattern(inner)?;
                None
            }
            GraphPattern::Extend {
                inner,
                expression,
                variable,
            } => {
                self.expression(expression)?;
                self.pattern(inner)?;
                // Expressions can grow values (CONCAT of CONCAT …): check after each one.
                Some(vec![variable.clone()])
            }
            GraphPattern::OrderBy { inner, expression } => {
                for order in expression {
                    match order {
                        OrderExpression::Asc(e) | OrderExpression::Desc(e) => {
                            self.expression(e)?;
                        }
                    }
                }
                self.pattern(inner)?;
                None
            }
            GraphPattern::Group {
                inner, aggregates, ..
            } => {
                for (_, aggregate) in aggregates {
                    if let AggregateExpression::FunctionCall { expr, .. } = aggregate {
                        self.expression(expr)?;
                    }
                }
                self.pattern(inner)?;
                None
            }
            GraphPattern::Graph { inner, .. }
            | GraphPattern::Project { inner, .. }
            | GraphPattern::Distinct { inner }
            | GraphPattern::Reduced { inner }
            | GraphPattern::Slice { inner, .. } => {
                self.pattern(inner)?;
                None
            }
        };
        if let Some(variables) = guard_vars {
            let inner = std::mem::replace(
                pattern,
                GraphPattern::Bgp {
                    patterns: Vec::new(),
                },
            );
            *pattern = GraphPattern::Filter {
                expr: check_call(&self.check, variables),
                inner: Box::new(inner),
            };
        }
        Ok(())
    }

    /// Guards the patterns inside `EXISTS` and refuses `SERVICE` there.
    fn expression(&mut self, expression: &mut Expression) -> Result<(), SparqlError> {
        match expression {
            Expression::NamedNode(_)
            | Expression::Literal(_)
            | Expression::Variable(_)
            | Expression::Bound(_) => Ok(()),
            Expression::Exists(pattern) => self.pattern(pattern),
            Expression::Or(a, b)
            | Expression::And(a, b)
            | Expression::Equal(a, b)
            | Expression::SameTerm(a, b)
            | Expression::Greater(a, b)
            | Expression::GreaterOrEqual(a, b)
            | Expression::Less(a, b)
            | Expression::LessOrEqual(a, b)
            | Expression::Add(a, b)
            | Expression::Subtract(a, b)
            | Expression::Multiply(a, b)
            | Expression::Divide(a, b) => {
                self.expression(a)?;
                self.expression(b)
            }
            Expression::UnaryPlus(a) | Expression::UnaryMinus(a) | Expression::Not(a) => {
                self.expression(a)
            }
            Expression::If(a, b, c) => {
                self.expression(a)?;
                self.expression(b)?;
                self.expression(c)
            }
            Expression::In(a, list) => {
                self.expression(a)?;
                list.iter_mut().try_for_each(|e| self.expression(e))
            }
            Expression::Coalesce(list) | Expression::FunctionCall(_, list) => {
                list.iter_mut().try_for_each(|e| self.expression(e))
            }
        }
    }
}

/// `<check>(COALESCE(?a, 0), …)`: an unbound variable must not skip the call.
fn check_call(check: &NamedNode, variables: Vec<Variable>) -> Expression {
    let arguments = variables
        .into_iter()
        .map(|variable| {
            Expression::Coalesce(vec![
                Expression::Variable(variable),
                Expression::Literal(Literal::from(0)),
            ])
        })
        .collect();
    Expression::FunctionCall(Function::Custom(check.clone()), arguments)
}

/// Whether the triple patterns that have variables are linked, one to the next, by shared
/// variables (so that joining them is no cross product).
fn is_connected(patterns: &[TriplePattern]) -> bool {
    let variables = |p: &TriplePattern| -> Vec<Variable> {
        [
            term_variable(&p.subject),
            match &p.predicate {
                NamedNodePattern::Variable(v) => Some(v.clone()),
                NamedNodePattern::NamedNode(_) => None,
            },
            term_variable(&p.object),
        ]
        .into_iter()
        .flatten()
        .collect()
    };
    let mut pending: Vec<Vec<Variable>> = patterns
        .iter()
        .map(variables)
        .filter(|v| !v.is_empty())
        .collect();
    let Some(mut reached) = pending.pop() else {
        return true;
    };
    while let Some(next) = pending
        .iter()
        .position(|vars| vars.iter().any(|v| reached.contains(v)))
    {
        reached.extend(pending.swap_remove(next));
    }
    pending.is_empty()
}

fn term_variable(term: &TermPattern) -> Option<Variable> {
    match term {
        TermPattern::Variable(v) => Some(v.clone()),
        _ => None,
    }
}

fn in_scope(pattern: &GraphPattern) -> Vec<Variable> {
    let mut variables = Vec::new();
    pattern.on_in_scope_variable(|v| {
        if !variables.contains(v) {
            variables.push(v.clone());
        }
    });
    variables
}

/// One variable in scope on the left and not on the right, and one the other way round: with
/// both, the optimiser can push the check to neither side.
fn private_variables(left: &GraphPattern, right: &GraphPattern) -> Vec<Variable> {
    let left_vars = in_scope(left);
    let right_vars = in_scope(right);
    let only_left = left_vars.iter().find(|v| !right_vars.contains(v));
    let only_right = right_vars.iter().find(|v| !left_vars.contains(v));
    only_left.into_iter().chain(only_right).cloned().collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn guarded(query: &str) -> String {
        let mut query = spargebra::SparqlParser::new()
            .parse_query(query)
            .expect("a query");
        prepare(&mut query).expect("accepted");
        query.to_string()
    }

    #[test]
    fn only_a_pattern_holding_a_cross_product_is_checked() {
        let connected = guarded("SELECT * WHERE { ?a <p:p> ?b . ?b <p:q> ?c . ?c <p:r> <p:x> }");
        assert!(!connected.contains(CHECK_FUNCTION), "{connected}");
        let cross = guarded("SELECT * WHERE { ?a <p:p> ?b . ?c <p:q> ?d }");
        assert!(cross.contains(CHECK_FUNCTION), "{cross}");
        let joined = guarded("SELECT * WHERE { ?a <p:p> ?b OPTIONAL { ?c <p:q> ?d } }");
        assert!(joined.contains(CHECK_FUNCTION), "{joined}");
    }
}
