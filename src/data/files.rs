//! The raw files of a graph-data folder, read either from disk or from the copy embedded in the
//! binary at compile time, so that the loader does not care where they came from.

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

use include_dir::{Dir, include_dir};

use super::LoadError;

/// The graph-data folder of the repository, embedded at compile time.
static EMBEDDED: Dir<'static> = include_dir!("$CARGO_MANIFEST_DIR/graph-data");

/// The text files of a graph-data folder, keyed by their path relative to the folder
/// (always with `/` separators, such as `documents/changzhou-2018.toml`).
#[derive(Debug, Clone, Default)]
pub struct DataFiles {
    files: BTreeMap<String, String>,
    /// How error messages name the folder (`graph-data` or the path given by the user).
    origin: String,
}

impl DataFiles {
    /// The graph-data folder compiled into this binary.
    pub fn embedded() -> Self {
        let mut files = BTreeMap::new();
        collect_embedded(&EMBEDDED, &mut files);
        Self {
            files,
            origin: "graph-data".to_owned(),
        }
    }

    /// Reads every UTF-8 file below `dir`.
    pub fn read_dir(dir: &Path) -> Result<Self, LoadError> {
        let mut files = BTreeMap::new();
        collect_disk(dir, dir, &mut files)?;
        Ok(Self {
            files,
            origin: dir.display().to_string(),
        })
    }

    /// Builds a set of files from memory; used by tests that break one file on purpose.
    pub fn from_map(origin: &str, files: BTreeMap<String, String>) -> Self {
        Self {
            files,
            origin: origin.to_owned(),
        }
    }

    /// The text of one file, by relative path.
    pub fn get(&self, path: &str) -> Option<&str> {
        self.files.get(path).map(String::as_str)
    }

    /// Replaces or adds one file.
    pub fn insert(&mut self, path: &str, text: String) {
        self.files.insert(path.to_owned(), text);
    }

    /// The TOML files directly inside `folder` (such as `entities`), in name order.
    pub fn toml_files_in<'a>(
        &'a self,
        folder: &'a str,
    ) -> impl Iterator<Item = (&'a str, &'a str)> {
        self.files.iter().filter_map(move |(path, text)| {
            let rest = path.strip_prefix(folder)?.strip_prefix('/')?;
            (!rest.contains('/') && rest.ends_with(".toml"))
                .then_some((path.as_str(), text.as_str()))
        })
    }

    /// The name used for a file in error messages: the folder followed by the relative path.
    pub fn display_path(&self, path: &str) -> String {
        format!("{}/{}", self.origin.trim_end_matches('/'), path)
    }
}

fn collect_embedded(dir: &Dir<'static>, files: &mut BTreeMap<String, String>) {
    for file in dir.files() {
        if let Some(text) = file.contents_utf8() {
            files.insert(slash_path(file.path()), text.to_owned());
        }
    }
    for sub in dir.dirs() {
        collect_embedded(sub, files);
    }
}

fn collect_disk(
    root: &Path,
    dir: &Path,
    files: &mut BTreeMap<String, String>,
) -> Result<(), LoadError> {
    let io_error = |path: &Path, error: std::io::Error| {
        LoadError::single(
            path.display().to_string(),
            0,
            format!("cannot read: {error}"),
        )
    };
    let entries = std::fs::read_dir(dir).map_err(|e| io_error(dir, e))?;
    let mut paths: Vec<PathBuf> = Vec::new();
    for entry in entries {
        paths.push(entry.map_err(|e| io_error(dir, e))?.path());
    }
    paths.sort();
    for path in paths {
        if path.is_dir() {
            collect_disk(root, &path, files)?;
        } else if let Ok(text) = std::fs::read_to_string(&path) {
            // Non-UTF-8 files (none are expected) are skipped rather than refused: a referenced
            // one is then reported as missing with its name.
            let relative = path.strip_prefix(root).unwrap_or(&path);
            files.insert(slash_path(relative), text);
        }
    }
    Ok(())
}

fn slash_path(path: &Path) -> String {
    path.components()
        .map(|c| c.as_os_str().to_string_lossy())
        .collect::<Vec<_>>()
        .join("/")
}
