//! The module graph ARCHITECTURE.md draws is the one the code has: every `crate::…` path
//! between top-level modules of the library is a documented edge, every documented edge is
//! used, and the edges never lead back up.

use std::collections::{BTreeMap, BTreeSet};
use std::path::{Path, PathBuf};

/// Which top-level module uses which, as `from → [to …]`.
type ModuleGraph = BTreeMap<String, BTreeSet<String>>;

fn root() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
}

/// The library's top-level modules: `src/X.rs` and `src/X/`, without the two crate roots.
fn top_level_modules() -> BTreeSet<String> {
    std::fs::read_dir(root().join("src"))
        .expect("src is readable")
        .filter_map(|entry| {
            let path = entry.expect("src entry").path();
            let name = path.file_name()?.to_str()?.to_owned();
            if path.is_dir() {
                Some(name)
            } else {
                name.strip_suffix(".rs")
                    .filter(|stem| !["lib", "main"].contains(stem))
                    .map(str::to_owned)
            }
        })
        .collect()
}

/// The names `lib.rs` re-exports (`pub use model::{Model, …};`) with the module they come
/// from, since code may write `crate::Model` for `crate::model::Model`.
fn re_exports() -> BTreeMap<String, String> {
    let lib = std::fs::read_to_string(root().join("src/lib.rs")).expect("lib.rs");
    let mut names = BTreeMap::new();
    for line in lib.lines() {
        let Some(rest) = line.trim().strip_prefix("pub use ") else {
            continue;
        };
        let rest = rest.trim_end_matches(';');
        let Some((module, items)) = rest.split_once("::") else {
            continue;
        };
        for item in items.trim_matches(|c| c == '{' || c == '}').split(',') {
            let item = item.trim();
            if !item.is_empty() {
                names.insert(item.to_owned(), module.to_owned());
            }
        }
    }
    names
}

/// The first segment of every path a `crate::` use names: `crate::rdf::Iris` gives `rdf`,
/// `crate::{Model, rdf::{self, Iris}}` gives `Model` and `rdf`.
fn crate_paths(code: &str) -> Vec<String> {
    let leading_name = |text: &str| -> String {
        text.trim_start()
            .chars()
            .take_while(|c| c.is_alphanumeric() || *c == '_')
            .collect()
    };
    let mut found = Vec::new();
    let mut rest = code;
    while let Some(at) = rest.find("crate::") {
        rest = &rest[at + "crate::".len()..];
        let Some(group) = rest.strip_prefix('{') else {
            found.push(leading_name(rest));
            continue;
        };
        // The items of the group are separated by the commas outside nested braces.
        let mut depth = 0;
        let mut item_start = 0;
        for (i, c) in group.char_indices() {
            match c {
                '{' => depth += 1,
                '}' if depth == 0 => {
                    found.push(leading_name(&group[item_start..i]));
                    break;
                }
                '}' => depth -= 1,
                ',' if depth == 0 => {
                    found.push(leading_name(&group[item_start..i]));
                    item_start = i + 1;
                }
                _ => {}
            }
        }
    }
    found.retain(|name| !name.is_empty());
    found
}

fn rust_files(dir: &Path, files: &mut Vec<PathBuf>) {
    for entry in std::fs::read_dir(dir).expect("readable folder") {
        let path = entry.expect("folder entry").path();
        if path.is_dir() {
            rust_files(&path, files);
        } else if path.extension().is_some_and(|e| e == "rs") {
            files.push(path);
        }
    }
}

/// The edges the code has. Comments are left out: a doc link is not a dependency.
fn edges_in_code() -> ModuleGraph {
    let modules = top_level_modules();
    let re_exports = re_exports();
    let src = root().join("src");
    let mut files = Vec::new();
    rust_files(&src, &mut files);
    let mut graph = ModuleGraph::new();
    for file in files {
        let relative = file.strip_prefix(&src).expect("under src");
        let first = relative
            .components()
            .next()
            .and_then(|c| c.as_os_str().to_str())
            .expect("a file name");
        let from = first.trim_end_matches(".rs");
        if !modules.contains(from) {
            continue;
        }
        let text = std::fs::read_to_string(&file).expect("readable source");
        let code: String = text
            .lines()
            .filter(|line| !line.trim_start().starts_with("//"))
            .collect::<Vec<_>>()
            .join("\n");
        for name in crate_paths(&code) {
            let to = if modules.contains(&name) {
                name
            } else if let Some(module) = re_exports.get(&name) {
                module.clone()
            } else {
                panic!(
                    "{}: crate::{name} is neither a module nor a re-export of lib.rs",
                    relative.display()
                );
            };
            if to != from {
                graph.entry(from.to_owned()).or_default().insert(to);
            }
        }
    }
    graph
}

/// The edges ARCHITECTURE.md lists in its "Module graph" block, one `from → to, to` a line.
fn edges_documented() -> ModuleGraph {
    let text = std::fs::read_to_string(root().join("ARCHITECTURE.md")).expect("ARCHITECTURE.md");
    let section = text
        .split("## Module graph")
        .nth(1)
        .expect("ARCHITECTURE.md has a section `## Module graph`");
    let block = section
        .split("```")
        .nth(1)
        .expect("the section holds a fenced block of edges");
    let mut graph = ModuleGraph::new();
    for line in block.lines().map(str::trim).filter(|l| !l.is_empty()) {
        let (from, to) = line
            .split_once('→')
            .unwrap_or_else(|| panic!("{line:?} is not `from → to, to`"));
        let targets = graph.entry(from.trim().to_owned()).or_default();
        for to in to.split(',').map(str::trim).filter(|t| !t.is_empty()) {
            targets.insert(to.to_owned());
        }
    }
    graph
}

fn render(graph: &ModuleGraph) -> String {
    graph
        .iter()
        .map(|(from, to)| {
            format!(
                "{from} → {}",
                to.iter().cloned().collect::<Vec<_>>().join(", ")
            )
        })
        .collect::<Vec<_>>()
        .join("\n")
}

#[test]
fn architecture_md_lists_exactly_the_module_edges_of_the_code() {
    let code = edges_in_code();
    let documented = edges_documented();
    assert!(
        code == documented,
        "ARCHITECTURE.md's module graph differs from the code; the code has:\n{}",
        render(&code)
    );
}

#[test]
fn the_module_graph_has_no_cycle() {
    // Kahn's algorithm: a graph is acyclic when repeatedly removing modules that use nothing
    // left removes them all.
    let mut remaining = edges_in_code();
    for module in top_level_modules() {
        remaining.entry(module).or_default();
    }
    while !remaining.is_empty() {
        let leaves: Vec<String> = remaining
            .iter()
            .filter(|(_, to)| to.iter().all(|t| !remaining.contains_key(t)))
            .map(|(from, _)| from.clone())
            .collect();
        assert!(
            !leaves.is_empty(),
            "these modules use each other in a cycle:\n{}",
            render(&remaining)
        );
        for leaf in leaves {
            remaining.remove(&leaf);
        }
    }
}

#[test]
fn crate_paths_are_read_from_single_and_grouped_uses() {
    let code = "use crate::rdf::Iris;\nuse crate::{Model, graph::{self, X}, excerpt::excerpt};\nlet x = crate::names::pinyin(y);";
    assert_eq!(
        crate_paths(code),
        ["rdf", "Model", "graph", "excerpt", "names"]
    );
}
