//! `sunan-kg export --dir` and the server publish the same files: both take them from
//! `rdf::Publication`, and this checks that the bytes written are the bytes served.

use std::collections::BTreeSet;
use std::process::Command;

use reqwest::StatusCode;
use sunan_kg::rdf::{CHECKSUMS_FILE, ONTOLOGY_FILE, SHAPES_FILE, VOID_FILE};

use crate::common::{TestServer, read};

/// Where the server serves each file that `export --dir` writes, and the `Accept` that asks
/// for the file's format.
fn served_at(name: &str) -> (String, &'static str) {
    match name {
        ONTOLOGY_FILE => ("/ontology".to_owned(), "text/turtle"),
        SHAPES_FILE => ("/shapes".to_owned(), "text/turtle"),
        VOID_FILE => ("/.well-known/void".to_owned(), "text/turtle"),
        dump => (format!("/dump/{dump}"), "*/*"),
    }
}

#[tokio::test]
async fn export_dir_writes_byte_for_byte_what_the_server_serves() {
    let dir = tempfile::tempdir().expect("temp dir");
    let output = Command::new(env!("CARGO_BIN_EXE_sunan-kg"))
        .args(["export", "--dir"])
        .arg(dir.path())
        .env_remove("RUST_BACKTRACE")
        .output()
        .expect("runs");
    assert!(
        output.status.success(),
        "{}",
        String::from_utf8_lossy(&output.stderr)
    );
    let written: BTreeSet<String> = std::fs::read_dir(dir.path())
        .expect("read the folder")
        .map(|entry| {
            let entry = entry.expect("entry");
            entry.file_name().to_string_lossy().into_owned()
        })
        .collect();

    let server = TestServer::start().await;
    let (status, _, sums) = read(server.client.get(server.url("/dump/SHA256SUMS"))).await;
    assert_eq!(status, StatusCode::OK);
    let sums = String::from_utf8(sums).expect("utf-8");
    let mut expected: BTreeSet<String> = sums
        .lines()
        .filter_map(|line| line.split_once("  ").map(|(_, name)| name.to_owned()))
        .collect();
    assert_eq!(expected.len(), sunan_kg::rdf::DumpFormat::ALL.len());
    expected.extend([CHECKSUMS_FILE, ONTOLOGY_FILE, SHAPES_FILE, VOID_FILE].map(String::from));
    assert_eq!(
        written, expected,
        "export --dir writes every published file"
    );

    // Each checksum is that of the file written beside it.
    for line in sums.lines() {
        let (sum, name) = line.split_once("  ").expect("sha256sum format");
        let bytes = std::fs::read(dir.path().join(name)).expect("dump");
        assert_eq!(sunan_kg::rdf::sha256_hex(&bytes), sum, "{name}");
    }
    // A dump written to standard output is the same file.
    let jsonld = Command::new(env!("CARGO_BIN_EXE_sunan-kg"))
        .args(["export", "--format", "jsonld"])
        .env_remove("RUST_BACKTRACE")
        .output()
        .expect("runs");
    assert_eq!(
        jsonld.stdout,
        std::fs::read(dir.path().join("sunan-kg.jsonld")).expect("jsonld")
    );

    for name in &written {
        let (path, accept) = served_at(name);
        let request = server
            .client
            .get(server.url(&path))
            .header("accept", accept);
        let (status, _, served) = read(request).await;
        assert_eq!(status, StatusCode::OK, "{path}");
        let bytes = std::fs::read(dir.path().join(name)).expect("written file");
        assert!(
            bytes == served,
            "{name} ({} bytes) differs from {path} ({} bytes)",
            bytes.len(),
            served.len()
        );
    }
}
