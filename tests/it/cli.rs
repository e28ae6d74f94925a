//! The command-line interface, run as a user would.

use std::process::Command;

fn sunan_kg(args: &[&str]) -> std::process::Output {
    Command::new(env!("CARGO_BIN_EXE_sunan-kg"))
        .args(args)
        .env_remove("RUST_BACKTRACE")
        .output()
        .expect("the binary runs")
}

#[test]
fn check_prints_counts_by_kind_and_relation_kind() {
    let output = sunan_kg(&["check"]);
    assert!(
        output.status.success(),
        "{}",
        String::from_utf8_lossy(&output.stderr)
    );
    let stdout = String::from_utf8_lossy(&output.stdout);
    assert!(stdout.contains("graph-data is valid"), "{stdout}");
    assert!(
        stdout.contains("Park") && stdout.contains("responsibleAgency"),
        "{stdout}"
    );
}

#[test]
fn check_of_a_broken_folder_names_file_line_and_reason() {
    let dir = tempfile::tempdir().expect("temp dir");
    let root = dir.path();
    let copy = |relative: &str| {
        let source = std::path::Path::new(env!("CARGO_MANIFEST_DIR"))
            .join("graph-data")
            .join(relative);
        let target = root.join(relative);
        std::fs::create_dir_all(target.parent().expect("parent")).expect("mkdir");
        std::fs::copy(source, target).expect("copy");
    };
    copy("vocabulary.toml");
    std::fs::create_dir_all(root.join("entities")).expect("mkdir");
    std::fs::write(
        root.join("entities/broken.toml"),
        "[[entity]]\nid = \"x\"\nkind = \"Park\"\nname = \"某园\"\n\n[[entity]]\nid = \"Bad Id\"\nkind = \"Park\"\nname = \"另一园\"\n",
    )
    .expect("write");
    let output = sunan_kg(&["check", "--data", root.to_str().expect("utf-8 path")]);
    assert!(!output.status.success());
    let stderr = String::from_utf8_lossy(&output.stderr);
    assert!(
        stderr.contains("entities/broken.toml:6: id \"Bad Id\" must be lowercase"),
        "{stderr}"
    );
    assert!(
        stderr.contains("entities/broken.toml:1: entity x is named by no document"),
        "{stderr}"
    );
}

#[test]
fn export_writes_turtle_that_parses() {
    let output = sunan_kg(&["export", "--format", "turtle"]);
    assert!(
        output.status.success(),
        "{}",
        String::from_utf8_lossy(&output.stderr)
    );
    let triples = crate::common::parse_rdf(&output.stdout, oxigraph::io::RdfFormat::Turtle);
    assert!(triples.len() > 10_000);
    let again = sunan_kg(&["export", "--format", "turtle"]);
    assert_eq!(
        output.stdout, again.stdout,
        "the same graph gives the same bytes"
    );
}

#[test]
fn the_binary_embeds_the_repository_graph_data() {
    let dir = concat!(env!("CARGO_MANIFEST_DIR"), "/graph-data");
    let embedded = sunan_kg(&["dataset-version"]);
    let on_disk = sunan_kg(&["dataset-version", "--data", dir]);
    assert!(embedded.status.success() && on_disk.status.success());
    assert!(!embedded.stdout.is_empty());
    assert_eq!(
        String::from_utf8_lossy(&embedded.stdout),
        String::from_utf8_lossy(&on_disk.stdout),
        "the embedded copy is the folder as it is now (rebuild the binary after a data edit)"
    );
}
