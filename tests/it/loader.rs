//! The loader refuses broken data with file, line and reason, and never half-loads.

use crate::common::{graph_data, load_with};
use sunan_kg::vocabulary::ids;
use sunan_kg::{DataFiles, LoadError};

const CHANGZHOU: &str = "documents/changzhou-2018.toml";
const ENTITIES: &str = "entities/common.toml";

fn line_of(text: &str, needle: &str) -> usize {
    let offset = text.find(needle).expect("needle in text");
    text[..offset].matches('\n').count() + 1
}

fn single_problem(error: &LoadError, file_suffix: &str, reason_part: &str) -> usize {
    let matching: Vec<_> = error
        .problems
        .iter()
        .filter(|p| p.file.ends_with(file_suffix) && p.reason.contains(reason_part))
        .collect();
    assert_eq!(
        matching.len(),
        1,
        "expected one {reason_part:?} in {file_suffix}: {error}"
    );
    matching[0].line
}

#[test]
fn the_embedded_data_is_valid() {
    let model = sunan_kg::load(&graph_data()).expect("valid");
    assert!(model.entities.len() > 500);
}

#[test]
fn a_missing_reference_is_reported_with_file_and_line() {
    let error = load_with(CHANGZHOU, |text| {
        text.replacen("entity = \"sukedai\"", "entity = \"sukedai-typo\"", 1)
    })
    .expect_err("refused");
    single_problem(&error, CHANGZHOU, "unknown entity \"sukedai-typo\"");
    // sukedai keeps its other mentions, so nothing else breaks.
    assert_eq!(error.problems.len(), 1, "{error}");
}

#[test]
fn an_unknown_kind_is_reported() {
    let text = graph_data().get(ENTITIES).expect("file").to_owned();
    let error = load_with(ENTITIES, |text| {
        text.replacen("kind = \"FinancialProduct\"", "kind = \"Spaceship\"", 1)
    })
    .expect_err("refused");
    let line = single_problem(&error, ENTITIES, "unknown kind \"Spaceship\"");
    let declared = line_of(&text, "id = \"sukedai\"");
    assert!(
        line.abs_diff(declared) <= 1,
        "reported at line {line}, declared at {declared}"
    );
}

#[test]
fn a_quote_not_in_the_source_is_reported() {
    let error = load_with(CHANGZHOU, |text| {
        text.replacen("quote = \"", "quote = \"这句话不在原文里", 1)
    })
    .expect_err("refused");
    let problem = error
        .problems
        .iter()
        .find(|p| p.reason.contains("quote not found in the source"))
        .expect("quote problem");
    assert!(
        problem.file.ends_with(CHANGZHOU) && problem.line > 0,
        "{error}"
    );
}

#[test]
fn a_quote_differing_only_in_whitespace_is_accepted_and_in_punctuation_is_not() {
    // Whitespace inside a quote is forgiven.
    let spaced = load_with(CHANGZHOU, |text| {
        text.replacen(
            "深化“苏科贷”运作和服务模式",
            "深化“苏科贷” 运作和\\n服务模式",
            1,
        )
    });
    assert!(spaced.is_ok(), "{:?}", spaced.err().map(|e| e.to_string()));
    // A full-width comma for an ASCII one is not.
    let error = load_with(CHANGZHOU, |text| {
        text.replacen(
            "深化“苏科贷”运作和服务模式,",
            "深化“苏科贷”运作和服务模式，",
            1,
        )
    })
    .expect_err("refused");
    assert!(error.to_string().contains("quote not found"), "{error}");
}

#[test]
fn a_duplicate_id_is_reported_with_both_places() {
    let error = load_with(ENTITIES, |text| {
        format!("{text}\n[[entity]]\nid = \"sukedai\"\nkind = \"Fund\"\nname = \"另一个苏科贷\"\n")
    })
    .expect_err("refused");
    let problem = error
        .problems
        .iter()
        .find(|p| p.reason.contains("duplicate id \"sukedai\""))
        .expect("duplicate problem");
    assert!(problem.reason.contains("first declared at"), "{problem}");
}

#[test]
fn a_toml_syntax_error_is_reported_with_its_line() {
    let error =
        load_with(CHANGZHOU, |text| text.replacen("[[task]]", "[[task]", 1)).expect_err("refused");
    let problem = &error.problems[0];
    let expected = line_of(graph_data().get(CHANGZHOU).expect("file"), "[[task]]");
    assert!(problem.file.ends_with(CHANGZHOU));
    assert_eq!(problem.line, expected, "{error}");
}

#[test]
fn a_relation_outside_its_domain_is_reported() {
    let error = load_with(CHANGZHOU, |text| {
        format!(
            "{text}\n[[sentence]]\nquote = \"深化“苏科贷”运作和服务模式\"\n[[sentence.relation]]\nsubject = \"sukedai\"\nkind = \"partnerCountry\"\nobject = \"changzhou\"\n"
        )
    })
    .expect_err("refused");
    assert!(
        error
            .to_string()
            .contains("partnerCountry cannot point to changzhou"),
        "{error}"
    );
}

#[test]
fn every_kind_the_code_names_is_declared_in_the_vocabulary() {
    let data = crate::common::dataset();
    let vocabulary = &data.model.vocabulary;
    for id in ids::KINDS {
        assert!(
            vocabulary.kind(id).is_some(),
            "vocabulary::ids names kind {id:?}, which vocabulary.toml does not declare"
        );
    }
    for id in ids::RELATIONS {
        assert!(
            vocabulary.relation(id).is_some(),
            "vocabulary::ids names relation kind {id:?}, which vocabulary.toml does not declare"
        );
    }
    // The lists the loader checks cover the special-purpose ones.
    assert!(ids::DOCUMENT_PARTS.iter().all(|id| ids::KINDS.contains(id)));
    assert!(ids::GENERATED.iter().all(|id| ids::RELATIONS.contains(id)));
}

#[test]
fn a_vocabulary_lacking_a_kind_the_code_names_is_refused() {
    let error = load_with("vocabulary.toml", |text| {
        let mut text = text.to_owned();
        for id in ids::KINDS.iter().chain(ids::RELATIONS) {
            let declared = format!("id = \"{id}\"\n");
            assert!(text.contains(&declared), "vocabulary.toml declares {id:?}");
            text = text.replacen(&declared, &format!("id = \"{id}Renamed\"\n"), 1);
        }
        text
    })
    .expect_err("refused");
    for id in ids::KINDS {
        let reason = format!("kind {id:?} must be declared");
        single_problem(&error, "vocabulary.toml", &reason);
    }
    for id in ids::RELATIONS {
        let reason = format!("relation {id:?} must be declared");
        single_problem(&error, "vocabulary.toml", &reason);
    }
}

#[test]
fn a_folder_that_does_not_exist_is_a_clear_error() {
    let error = DataFiles::read_dir(std::path::Path::new("no/such/folder")).expect_err("refused");
    assert!(error.to_string().contains("cannot read"), "{error}");
}

// Reading a folder from disk: only regular UTF-8 files of bounded size are read, and anything
// else is reported by name instead of hanging, exhausting memory or being skipped.

/// A temporary folder with a copy of the real `vocabulary.toml`, to add one odd file to.
fn data_folder() -> tempfile::TempDir {
    let dir = tempfile::tempdir().expect("temp dir");
    let source =
        std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("graph-data/vocabulary.toml");
    std::fs::copy(source, dir.path().join("vocabulary.toml")).expect("copy");
    dir
}

/// `DataFiles::read_dir_with_limit` in a thread, failing the test if it has not returned within
/// 20 s: a guard against hanging, not a measure of speed.
fn read_promptly(dir: &std::path::Path, limit: u64) -> Result<DataFiles, LoadError> {
    let (sender, receiver) = std::sync::mpsc::channel();
    let dir = dir.to_owned();
    std::thread::spawn(move || {
        // The receiver is gone only if the test already failed.
        let _ = sender.send(DataFiles::read_dir_with_limit(&dir, limit));
    });
    receiver
        .recv_timeout(std::time::Duration::from_secs(20))
        .expect("read_dir returns instead of hanging")
}

/// The folder's only problem, which must name `file` and contain `reason_part`.
fn only_problem(dir: &tempfile::TempDir, file: &str, reason_part: &str, limit: u64) {
    let error = read_promptly(dir.path(), limit).expect_err("refused");
    assert_eq!(error.problems.len(), 1, "{error}");
    let expected = format!("{}/{file}", dir.path().display());
    let problem = &error.problems[0];
    assert_eq!(problem.file, expected, "{error}");
    assert!(problem.reason.contains(reason_part), "{error}");
}

#[test]
fn a_fifo_is_reported_without_hanging() {
    let dir = data_folder();
    let status = std::process::Command::new("mkfifo")
        .arg(dir.path().join("entities.toml"))
        .status()
        .expect("mkfifo runs");
    assert!(status.success(), "mkfifo");
    only_problem(
        &dir,
        "entities.toml",
        "not a regular file (a FIFO)",
        DataFiles::MAX_FILE_BYTES,
    );
}

#[test]
fn a_symlink_to_dev_zero_is_reported_as_not_a_regular_file() {
    let dir = data_folder();
    std::os::unix::fs::symlink("/dev/zero", dir.path().join("zero.toml")).expect("symlink");
    only_problem(
        &dir,
        "zero.toml",
        "not a regular file (a symlink to a character device)",
        DataFiles::MAX_FILE_BYTES,
    );
}

#[test]
fn a_symlink_to_a_regular_file_is_read() {
    let dir = data_folder();
    std::os::unix::fs::symlink(
        dir.path().join("vocabulary.toml"),
        dir.path().join("link.toml"),
    )
    .expect("symlink");
    let files = read_promptly(dir.path(), DataFiles::MAX_FILE_BYTES).expect("readable");
    assert_eq!(files.get("link.toml"), files.get("vocabulary.toml"));
    assert!(files.get("link.toml").is_some());
}

#[test]
fn a_symlink_to_its_own_folder_is_reported_instead_of_looping() {
    let dir = data_folder();
    std::fs::create_dir(dir.path().join("entities")).expect("mkdir");
    std::os::unix::fs::symlink(dir.path(), dir.path().join("entities/loop")).expect("symlink");
    only_problem(
        &dir,
        "entities/loop",
        "not a regular file (a symlink to a directory)",
        DataFiles::MAX_FILE_BYTES,
    );
}

#[test]
fn a_file_over_the_size_limit_is_reported_and_one_at_the_limit_is_read() {
    let dir = data_folder();
    // The limit is the size of vocabulary.toml, which must still be read: only big.toml is over.
    let limit = std::fs::metadata(dir.path().join("vocabulary.toml"))
        .expect("stat")
        .len();
    let big = "#".repeat(usize::try_from(limit).expect("small") + 1);
    std::fs::write(dir.path().join("big.toml"), big).expect("write");
    only_problem(
        &dir,
        "big.toml",
        &format!("larger than {limit} bytes"),
        limit,
    );
}

#[test]
fn a_non_utf8_file_is_reported_by_its_name() {
    let dir = data_folder();
    std::fs::create_dir(dir.path().join("sources")).expect("mkdir");
    std::fs::write(dir.path().join("sources/latin1.txt"), b"caf\xe9\n").expect("write");
    only_problem(
        &dir,
        "sources/latin1.txt",
        "not UTF-8 text (invalid byte at offset 3)",
        DataFiles::MAX_FILE_BYTES,
    );
}

#[test]
fn every_problem_of_a_folder_is_reported_together() {
    let dir = data_folder();
    std::fs::write(dir.path().join("a.txt"), b"\xff").expect("write");
    std::os::unix::fs::symlink("/dev/zero", dir.path().join("b.toml")).expect("symlink");
    let error = read_promptly(dir.path(), DataFiles::MAX_FILE_BYTES).expect_err("refused");
    let files: Vec<_> = error.problems.iter().map(|p| p.file.as_str()).collect();
    let root = dir.path().display();
    assert_eq!(
        files,
        [format!("{root}/a.txt"), format!("{root}/b.toml")],
        "{error}"
    );
}

#[test]
fn a_reading_that_its_characters_do_not_have_is_refused() {
    let error = load_with("readings.toml", |t| {
        t.replacen("cháng sān jiǎo", "chǎng sān jiǎo", 1)
    })
    .expect_err("refused");
    let line = single_problem(&error, "readings.toml", "\"chǎng\" is not a reading of 长");
    assert!(line > 1);
}

#[test]
fn one_reading_in_context_fixes_every_name_that_contains_it() {
    let model = sunan_kg::load(&graph_data()).expect("valid");
    for id in ["changsanjiao", "changsanjiao-guoji-luyan-zhongxin"] {
        let entity = model.entity(id).expect(id);
        assert!(
            entity.pinyin.starts_with("cháng"),
            "{id}: {}",
            entity.pinyin
        );
    }
    // 行 reads háng in 行业 wherever it occurs, and keeps its common reading elsewhere.
    let with_hangye = model
        .entities
        .iter()
        .filter(|e| e.name.contains("行业"))
        .collect::<Vec<_>>();
    assert!(!with_hangye.is_empty());
    assert!(with_hangye.iter().all(|e| e.pinyin.contains("háng yè")));
}

#[test]
fn a_relation_citing_an_unknown_reason_is_refused_and_an_uncited_reason_is_stale() {
    let error = load_with(CHANGZHOU, |t| {
        t.replacen(
            "because = \"name-says-so\"",
            "because = \"name-says-so-typo\"",
            1,
        )
    })
    .expect_err("refused");
    single_problem(&error, CHANGZHOU, "unknown reason \"name-says-so-typo\"");

    let error = load_with("reasons.toml", |t| {
        format!("{t}\n[[reason]]\nid = \"nobody-cites-this\"\ntext = \"an unused reason\"\n")
    })
    .expect_err("refused");
    single_problem(
        &error,
        "reasons.toml",
        "reason nobody-cites-this is cited by no relation",
    );
}

#[test]
fn a_sentence_that_states_nothing_is_refused() {
    let error = load_with(CHANGZHOU, |t| {
        format!("{t}\n[[sentence]]\ntask = \"19\"\nquote = \"深化“苏科贷”运作和服务模式\"\n")
    })
    .expect_err("refused");
    single_problem(&error, CHANGZHOU, "states nothing");
}
