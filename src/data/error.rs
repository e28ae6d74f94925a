//! Errors found while loading graph-data.

use std::fmt;

/// One problem in one file: where it is and what is wrong.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Problem {
    /// The file, named as the user gave the folder (`graph-data/documents/changzhou-2018.toml`).
    pub file: String,
    /// 1-based line, or 0 when the problem concerns the whole file.
    pub line: usize,
    /// What is wrong, in a sentence.
    pub reason: String,
}

impl fmt::Display for Problem {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        if self.line == 0 {
            write!(f, "{}: {}", self.file, self.reason)
        } else {
            write!(f, "{}:{}: {}", self.file, self.line, self.reason)
        }
    }
}

/// Why graph-data could not be loaded: every problem found, so that a curator can fix them all
/// in one pass. Nothing of a folder with problems is ever served.
#[derive(Debug, Clone, thiserror::Error)]
pub struct LoadError {
    /// The problems, in file order.
    pub problems: Vec<Problem>,
}

impl LoadError {
    pub(crate) fn single(file: String, line: usize, reason: String) -> Self {
        Self {
            problems: vec![Problem { file, line, reason }],
        }
    }
}

impl fmt::Display for LoadError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        writeln!(f, "graph-data has {} problem(s):", self.problems.len())?;
        for problem in &self.problems {
            writeln!(f, "  {problem}")?;
        }
        Ok(())
    }
}
