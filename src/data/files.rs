//! The raw files of a graph-data folder, read either from disk or from the copy embedded in the
//! binary at compile time, so that the loader does not care where they came from. The binary
//! embeds the folder (`include_dir!` in main.rs), not the library, so that tests, which read
//! the folder from disk, need no recompilation when the data changes.

use std::collections::BTreeMap;
use std::fs::{File, FileType};
use std::io::Read;
use std::path::{Path, PathBuf};

use include_dir::Dir;

use super::{LoadError, Problem};

/// The text files of a graph-data folder, keyed by their path relative to the folder
/// (always with `/` separators, such as `documents/changzhou-2018.toml`).
#[derive(Debug, Clone, Default)]
pub struct DataFiles {
    files: BTreeMap<String, String>,
    /// How error messages name the folder (`graph-data` or the path given by the user).
    origin: String,
}

impl DataFiles {
    /// A graph-data folder compiled into a binary with `include_dir!`.
    pub fn embedded(dir: &Dir<'static>) -> Self {
        let mut files = BTreeMap::new();
        collect_embedded(dir, &mut files);
        Self {
            files,
            origin: "graph-data".to_owned(),
        }
    }

    /// The most bytes [`DataFiles::read_dir`] reads from one file: 16 MiB. The largest real file
    /// is well below 1 MiB, so this only stops a runaway file (a stray dump, a huge log) from
    /// exhausting memory.
    pub const MAX_FILE_BYTES: u64 = 16 * 1024 * 1024;

    /// Reads every file below `dir`, recursing into folders.
    ///
    /// Every file must be a regular file (or a symlink to one) of UTF-8 text of at most
    /// [`DataFiles::MAX_FILE_BYTES`]. Anything else (a FIFO, a socket, a device, a symlink to a
    /// folder, a larger or non-UTF-8 file) is a [`Problem`] naming the file, so that reading
    /// neither hangs nor exhausts memory; all problems are returned together.
    pub fn read_dir(dir: &Path) -> Result<Self, LoadError> {
        Self::read_dir_with_limit(dir, Self::MAX_FILE_BYTES)
    }

    /// Like [`DataFiles::read_dir`], with at most `max_file_bytes` per file instead of
    /// [`DataFiles::MAX_FILE_BYTES`] (tests use a small limit rather than writing 16 MiB).
    pub fn read_dir_with_limit(dir: &Path, max_file_bytes: u64) -> Result<Self, LoadError> {
        let origin = dir.display().to_string();
        let mut reader = DiskReader {
            root: dir,
            origin: &origin,
            max_file_bytes,
            files: BTreeMap::new(),
            problems: Vec::new(),
        };
        reader.visit_dir(dir);
        if !reader.problems.is_empty() {
            return Err(LoadError {
                problems: reader.problems,
            });
        }
        let files = reader.files;
        Ok(Self { files, origin })
    }

    /// The same files, named `origin` in error messages (`graph-data` rather than a full path).
    pub fn named(self, origin: &str) -> Self {
        Self {
            origin: origin.to_owned(),
            ..self
        }
    }

    /// Builds a set of files from memory; used by tests that break one file on purpose.
    pub fn from_map(origin: &str, files: BTreeMap<String, String>) -> Self {
        Self {
            files,
            origin: origin.to_owned(),
        }
    }

    /// How error messages name the folder.
    pub fn origin(&self) -> &str {
        &self.origin
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

/// Walks a folder on disk for [`DataFiles::read_dir_with_limit`], keeping every file read and
/// every problem found, so that one bad file does not hide the others.
struct DiskReader<'a> {
    root: &'a Path,
    origin: &'a str,
    max_file_bytes: u64,
    files: BTreeMap<String, String>,
    problems: Vec<Problem>,
}

impl DiskReader<'_> {
    fn visit_dir(&mut self, dir: &Path) {
        let entries = match std::fs::read_dir(dir) {
            Ok(entries) => entries,
            Err(error) => return self.problem(dir, format!("cannot read: {error}")),
        };
        let mut paths: Vec<PathBuf> = Vec::new();
        for entry in entries {
            match entry {
                Ok(entry) => paths.push(entry.path()),
                Err(error) => self.problem(dir, format!("cannot read: {error}")),
            }
        }
        // Sorted, so that problems come in file order whatever the file system's order is.
        paths.sort();
        for path in paths {
            self.visit(&path);
        }
    }

    fn visit(&mut self, path: &Path) {
        // `symlink_metadata` describes the entry itself: a link is judged by its target below
        // instead of being followed into a device, a FIFO or a directory loop.
        let kind = match std::fs::symlink_metadata(path) {
            Ok(metadata) => metadata.file_type(),
            Err(error) => return self.problem(path, format!("cannot read: {error}")),
        };
        if kind.is_dir() {
            return self.visit_dir(path);
        }
        if kind.is_symlink() {
            // Only links to regular files are followed; a link to a directory could loop.
            match std::fs::metadata(path) {
                Ok(target) if target.is_file() => {}
                Ok(target) => {
                    let what = format!("a symlink to {}", describe(target.file_type()));
                    return self.problem(path, not_regular(&what));
                }
                Err(error) => return self.problem(path, format!("cannot follow symlink: {error}")),
            }
        } else if !kind.is_file() {
            return self.problem(path, not_regular(describe(kind)));
        }
        match self.read_text(path) {
            Ok(text) => {
                let relative = path.strip_prefix(self.root).unwrap_or(path);
                self.files.insert(slash_path(relative), text);
            }
            Err(reason) => self.problem(path, reason),
        }
    }

    /// The text of a file already seen to be regular, or why it cannot be used.
    fn read_text(&self, path: &Path) -> Result<String, String> {
        let cannot_read = |error: std::io::Error| format!("cannot read: {error}");
        // A small race remains: if the path is replaced by a FIFO between the check in `visit`
        // and this open, the open blocks until a writer appears. Opening with O_NONBLOCK would
        // close it, but that needs `libc`, which is not a dependency, and the race needs someone
        // swapping files in the data folder while it is read. What is swapped in is still never
        // read from: the opened file is checked again, so no read comes from a FIFO or a device.
        let file = File::open(path).map_err(cannot_read)?;
        let kind = file.metadata().map_err(cannot_read)?.file_type();
        if !kind.is_file() {
            return Err(not_regular(describe(kind)));
        }
        // One byte past the limit tells a file at the limit from one over it, and bounds memory
        // even for a file that grows while it is read.
        let mut bytes = Vec::new();
        file.take(self.max_file_bytes.saturating_add(1))
            .read_to_end(&mut bytes)
            .map_err(cannot_read)?;
        if bytes.len() as u64 > self.max_file_bytes {
            return Err(format!(
                "larger than {}, the most read from one file",
                size(self.max_file_bytes)
            ));
        }
        String::from_utf8(bytes).map_err(|error| {
            let offset = error.utf8_error().valid_up_to();
            format!("not UTF-8 text (invalid byte at offset {offset})")
        })
    }

    /// Records a problem with `path`, named as [`DataFiles::display_path`] names files.
    fn problem(&mut self, path: &Path, reason: String) {
        let file = match path.strip_prefix(self.root) {
            Ok(relative) if !relative.as_os_str().is_empty() => format!(
                "{}/{}",
                self.origin.trim_end_matches('/'),
                slash_path(relative)
            ),
            _ => path.display().to_string(),
        };
        self.problems.push(Problem {
            file,
            line: 0,
            reason,
        });
    }
}

fn not_regular(what: &str) -> String {
    format!("not a regular file ({what}); only regular files are read")
}

/// What a file that is not a regular file is, for error messages.
fn describe(kind: FileType) -> &'static str {
    #[cfg(unix)]
    {
        use std::os::unix::fs::FileTypeExt;
        if kind.is_fifo() {
            return "a FIFO";
        } else if kind.is_socket() {
            return "a socket";
        } else if kind.is_char_device() {
            return "a character device";
        } else if kind.is_block_device() {
            return "a block device";
        }
    }
    if kind.is_dir() {
        "a directory"
    } else if kind.is_symlink() {
        "a symlink"
    } else {
        "a special file"
    }
}

/// A byte count as people write it: `16 MiB`, or `100 bytes` when not whole mebibytes.
fn size(bytes: u64) -> String {
    const MIB: u64 = 1024 * 1024;
    if bytes >= MIB && bytes.is_multiple_of(MIB) {
        format!("{} MiB", bytes / MIB)
    } else {
        format!("{bytes} bytes")
    }
}

fn slash_path(path: &Path) -> String {
    path.components()
        .map(|c| c.as_os_str().to_string_lossy())
        .collect::<Vec<_>>()
        .join("/")
}
