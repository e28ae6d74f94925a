//! The loader refuses broken data with file, line and reason, and never half-loads.

use sunan_kg::{DataFiles, LoadError};

const CHANGZHOU: &str = "documents/changzhou-2018.toml";
const ENTITIES: &str = "entities/common.toml";

/// The embedded data with one file changed by `edit`.
fn load_with(path: &str, edit: impl Fn(&str) -> String) -> Result<sunan_kg::Model, LoadError> {
    let mut files = DataFiles::embedded();
    let original = files.get(path).expect("file exists").to_owned();
    let edited = edit(&original);
    assert_ne!(original, edited, "the edit changes the file");
    files.insert(path, edited);
    sunan_kg::load(&files)
}

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
    let model = sunan_kg::load(&DataFiles::embedded()).expect("valid");
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
    let text = DataFiles::embedded()
        .get(ENTITIES)
        .expect("file")
        .to_owned();
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
    let expected = line_of(
        DataFiles::embedded().get(CHANGZHOU).expect("file"),
        "[[task]]",
    );
    assert!(problem.file.ends_with(CHANGZHOU));
    assert_eq!(problem.line, expected, "{error}");
}

#[test]
fn a_relation_outside_its_domain_is_reported() {
    let error = load_with(CHANGZHOU, |text| {
        format!(
            "{text}\n[[relation]]\nsubject = \"sukedai\"\nkind = \"partnerCountry\"\nobject = \"changzhou\"\nquote = \"深化“苏科贷”运作和服务模式\"\n"
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
fn a_folder_that_does_not_exist_is_a_clear_error() {
    let error = DataFiles::read_dir(std::path::Path::new("no/such/folder")).expect_err("refused");
    assert!(error.to_string().contains("cannot read"), "{error}");
}
