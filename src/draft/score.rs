//! How a draft is scored against the curated data: precision and recall of one kind of item,
//! and the items drafted wrong or missed, which `draft-bench --misses` lists.

use std::collections::BTreeMap;

/// Precision and recall of one kind of item.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Score {
    /// Items the draft has.
    pub drafted: usize,
    /// Of those, items the curated data has too.
    pub drafted_right: usize,
    /// Items the curated data has.
    pub curated: usize,
    /// Of those, items the draft found.
    pub curated_found: usize,
}

impl Score {
    /// Right drafted items over drafted items (1 when nothing was drafted).
    pub fn precision(&self) -> f64 {
        ratio(self.drafted_right, self.drafted)
    }

    /// Curated items found over curated items (1 when there are none).
    pub fn recall(&self) -> f64 {
        ratio(self.curated_found, self.curated)
    }

    pub(crate) fn add(&mut self, other: &Score) {
        self.drafted += other.drafted;
        self.drafted_right += other.drafted_right;
        self.curated += other.curated;
        self.curated_found += other.curated_found;
    }

    /// Compares two multisets of items, listing in `misses` under `kind` each drafted item
    /// the curated data lacks and each curated item the draft lacks.
    pub(crate) fn compare<T: Shown + std::hash::Hash + Eq + Clone + Ord>(
        kind: &'static str,
        drafted: &[T],
        curated: &[T],
        misses: &mut Vec<Miss>,
    ) -> Self {
        let count = |items: &[T]| {
            let mut counts: BTreeMap<T, usize> = BTreeMap::new();
            for item in items {
                *counts.entry(item.clone()).or_default() += 1;
            }
            counts
        };
        let (d, c) = (count(drafted), count(curated));
        let mut common = 0;
        for (item, &n) in &d {
            let right = n.min(c.get(item).copied().unwrap_or(0));
            common += right;
            if n > right {
                misses.push(Miss::wrong(kind, item.shown()));
            }
        }
        for (item, &n) in &c {
            if n > d.get(item).copied().unwrap_or(0) {
                misses.push(Miss::missed(kind, item.shown()));
            }
        }
        Self {
            drafted: drafted.len(),
            drafted_right: common,
            curated: curated.len(),
            curated_found: common,
        }
    }
}

/// One item a draft got wrong or missed, as `draft-bench --misses` lists them.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Miss {
    /// The kind of item: `tasks`, `agencies`, `relations` …, as the table names them.
    pub kind: &'static str,
    /// Whether the draft has it and the curated data does not (else the reverse).
    pub drafted: bool,
    /// The item, as compared.
    pub item: String,
}

impl Miss {
    pub(crate) fn wrong(kind: &'static str, item: String) -> Self {
        Self {
            kind,
            drafted: true,
            item,
        }
    }

    pub(crate) fn missed(kind: &'static str, item: String) -> Self {
        Self {
            kind,
            drafted: false,
            item,
        }
    }
}

/// An item as `--misses` prints it.
pub(crate) trait Shown {
    fn shown(&self) -> String;
}

impl Shown for String {
    fn shown(&self) -> String {
        self.clone()
    }
}

impl Shown for (String, String) {
    fn shown(&self) -> String {
        format!("{} · {}", self.0, self.1)
    }
}

impl Shown for (String, String, i32) {
    fn shown(&self) -> String {
        format!("{} {} ({})", self.0, self.1, self.2)
    }
}

impl Shown for (String, String, String) {
    fn shown(&self) -> String {
        format!("{} {} {}", self.0, self.1, self.2)
    }
}

fn ratio(part: usize, whole: usize) -> f64 {
    if whole == 0 {
        1.0
    } else {
        part as f64 / whole as f64
    }
}
