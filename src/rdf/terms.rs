//! The fixed part of the vocabulary, read from `terms.toml` (embedded in the binary): the
//! description of the vocabulary itself, the alignments of relation kinds with standard
//! properties, and the terms that do not come from `vocabulary.toml` (statements,
//! references, the details of documents, provisions and targets, instrument codes).

use std::collections::BTreeMap;

use serde::Deserialize;

use super::ontology::{Group, Namespace, Term, TermKind};

/// The text of `terms.toml`.
const TERMS_FILE: &str = include_str!("terms.toml");

/// `terms.toml` does not describe the fixed terms as the code reads them.
#[derive(Debug, thiserror::Error)]
pub enum TermsError {
    /// The file is not valid TOML, or not in the shape of the fixed terms.
    #[error("src/rdf/terms.toml does not parse: {0}")]
    Parse(#[from] toml::de::Error),
    /// A class or property is not written as a prefixed name with one of the vocabulary's
    /// prefixes.
    #[error(
        "src/rdf/terms.toml: {term} names {name:?}, which is not a prefixed name with a prefix of the vocabulary"
    )]
    UnknownPrefix {
        /// The term (or aligned relation kind) that names it.
        term: String,
        /// The name as written.
        name: String,
    },
}

/// The labels and definition of the vocabulary itself.
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub(crate) struct Description {
    /// Chinese label (simplified).
    pub zh: String,
    /// English label.
    pub en: String,
    /// Chinese definition.
    pub comment_zh: String,
    /// English definition.
    pub comment_en: String,
}

/// How one relation kind lines up with standard properties, as full IRIs.
#[derive(Debug, Clone, Default)]
pub(crate) struct Alignment {
    /// A standard property it is a sub-property of.
    pub sub_property_of: Option<String>,
    /// A standard property it is the inverse of.
    pub inverse_of: Option<String>,
}

/// The content of `terms.toml`, its IRIs expanded with the prefixes of one deployment.
#[derive(Debug, Clone)]
pub(crate) struct FixedTerms {
    /// The description of the vocabulary.
    pub ontology: Description,
    /// Alignments by relation kind id.
    pub alignments: BTreeMap<String, Alignment>,
    /// The fixed terms, in the order they are listed.
    pub terms: Vec<Term>,
}

impl FixedTerms {
    /// Reads the embedded `terms.toml`, expanding prefixed names with `prefixes`.
    pub fn read(prefixes: &[(&'static str, String)]) -> Result<Self, TermsError> {
        Self::parse(TERMS_FILE, prefixes)
    }

    fn parse(text: &str, prefixes: &[(&'static str, String)]) -> Result<Self, TermsError> {
        let raw: RawFile = toml::from_str(text)?;
        let mut alignments = BTreeMap::new();
        for (relation, alignment) in raw.alignments {
            let expand_one = |name: &Option<String>| {
                name.as_deref()
                    .map(|name| expand(name, &relation, prefixes))
                    .transpose()
            };
            let expanded = Alignment {
                sub_property_of: expand_one(&alignment.sub_property_of)?,
                inverse_of: expand_one(&alignment.inverse_of)?,
            };
            alignments.insert(relation, expanded);
        }
        let groups = [
            (Group::Provenance, raw.provenance),
            (Group::Details, raw.details),
            (Group::Instruments, raw.instruments),
        ];
        let mut terms = Vec::new();
        for (group, list) in groups {
            for term in list {
                terms.push(term.into_term(group, prefixes)?);
            }
        }
        Ok(Self {
            ontology: raw.ontology,
            alignments,
            terms,
        })
    }
}

/// `terms.toml` as written.
#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RawFile {
    ontology: Description,
    #[serde(default)]
    alignments: BTreeMap<String, RawAlignment>,
    #[serde(default)]
    provenance: Vec<RawTerm>,
    #[serde(default)]
    details: Vec<RawTerm>,
    #[serde(default)]
    instruments: Vec<RawTerm>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RawAlignment {
    sub_property_of: Option<String>,
    inverse_of: Option<String>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RawTerm {
    name: String,
    kind: TermKind,
    zh: String,
    en: String,
    comment_zh: String,
    comment_en: String,
    #[serde(default)]
    domain: Vec<String>,
    #[serde(default)]
    range: Vec<String>,
    #[serde(default)]
    broader: Vec<String>,
}

impl RawTerm {
    fn into_term(
        self,
        group: Group,
        prefixes: &[(&'static str, String)],
    ) -> Result<Term, TermsError> {
        let expand_all = |names: &[String]| -> Result<Vec<String>, TermsError> {
            names
                .iter()
                .map(|name| expand(name, &self.name, prefixes))
                .collect()
        };
        // Fixed terms are all in sk: and all carry a Chinese definition. The name moves last,
        // as the expansions above borrow it for their errors.
        Ok(Term {
            group,
            namespace: Namespace::Ontology,
            domain: expand_all(&self.domain)?,
            range: expand_all(&self.range)?,
            broader: expand_all(&self.broader)?,
            inverse_of: None,
            kind: self.kind,
            zh: self.zh,
            en: self.en,
            comment_en: self.comment_en,
            comment_zh: Some(self.comment_zh),
            name: self.name,
        })
    }
}

/// The full IRI of the prefixed name `name`, which `term` uses.
fn expand(
    name: &str,
    term: &str,
    prefixes: &[(&'static str, String)],
) -> Result<String, TermsError> {
    name.split_once(':')
        .and_then(|(prefix, local)| {
            prefixes
                .iter()
                .find(|(known, _)| *known == prefix)
                .map(|(_, namespace)| format!("{namespace}{local}"))
        })
        .ok_or_else(|| TermsError::UnknownPrefix {
            term: term.to_owned(),
            name: name.to_owned(),
        })
}

#[cfg(test)]
mod tests {
    use std::collections::BTreeSet;

    use super::*;
    use crate::rdf::iri::{Iris, ns};
    use crate::rdf::ontology::prefixes;

    #[test]
    fn the_embedded_file_parses_with_unique_names_and_bilingual_text() {
        let fixed = FixedTerms::read(&prefixes(&Iris::default())).expect("terms.toml parses");
        assert!(fixed.terms.len() > 20, "{} fixed terms", fixed.terms.len());
        let mut names = BTreeSet::new();
        for term in &fixed.terms {
            assert!(names.insert(&term.name), "{} is declared twice", term.name);
            let texts = [&term.zh, &term.en, &term.comment_en];
            assert!(
                texts.iter().all(|text| !text.trim().is_empty())
                    && term
                        .comment_zh
                        .as_ref()
                        .is_some_and(|zh| !zh.trim().is_empty()),
                "{} lacks a label or a definition",
                term.name
            );
        }
        assert_eq!(
            fixed.alignments["broader"].sub_property_of.as_deref(),
            Some(format!("{}broader", ns::SKOS).as_str())
        );
        let statement = fixed
            .terms
            .iter()
            .find(|t| t.name == "inferred")
            .expect("sk:inferred");
        assert_eq!(
            statement.domain,
            ["https://w3id.org/sunan-kg/ontology#Statement"]
        );
    }

    #[test]
    fn prefixed_names_follow_the_base_iri() {
        let iris = Iris::new("http://example.org/kg/").expect("valid base");
        let fixed = FixedTerms::read(&prefixes(&iris)).expect("terms.toml parses");
        let provision = fixed
            .terms
            .iter()
            .find(|t| t.name == "provision")
            .expect("sk:provision");
        assert_eq!(
            provision.range,
            [
                "http://example.org/kg/ontology#Task",
                "http://example.org/kg/ontology#Section"
            ]
        );
    }

    #[test]
    fn every_alignment_names_a_relation_kind_of_the_vocabulary() {
        #[derive(Deserialize)]
        struct Vocabulary {
            relation: Vec<Relation>,
        }
        #[derive(Deserialize)]
        struct Relation {
            id: String,
        }
        let path = concat!(env!("CARGO_MANIFEST_DIR"), "/graph-data/vocabulary.toml");
        let text = std::fs::read_to_string(path).expect("graph-data/vocabulary.toml");
        let vocabulary: Vocabulary = toml::from_str(&text).expect("vocabulary.toml parses");
        let relations: BTreeSet<String> = vocabulary.relation.into_iter().map(|r| r.id).collect();
        let fixed = FixedTerms::read(&prefixes(&Iris::default())).expect("terms.toml parses");
        for relation in fixed.alignments.keys() {
            assert!(
                relations.contains(relation),
                "terms.toml aligns {relation}, which vocabulary.toml does not declare"
            );
        }
    }

    #[test]
    fn a_broken_file_is_an_error() {
        let prefixes = prefixes(&Iris::default());
        let ontology =
            "[ontology]\nzh = \"本体\"\nen = \"o\"\ncomment_zh = \"本体\"\ncomment_en = \"o\"\n";
        let term = |extra: &str| {
            format!(
                "{ontology}[[details]]\nname = \"x\"\nkind = \"class\"\nzh = \"甲\"\nen = \"x\"\ncomment_zh = \"甲\"\ncomment_en = \"x\"\n{extra}"
            )
        };
        assert!(FixedTerms::parse(&term(""), &prefixes).is_ok());
        assert!(matches!(
            FixedTerms::parse(&term("range = [\"nope:Thing\"]\n"), &prefixes),
            Err(TermsError::UnknownPrefix { term, name }) if term == "x" && name == "nope:Thing"
        ));
        assert!(matches!(
            FixedTerms::parse(&term("range = [\"http://example.org/Thing\"]\n"), &prefixes),
            Err(TermsError::UnknownPrefix { .. })
        ));
        assert!(matches!(
            FixedTerms::parse(&term("ranges = []\n"), &prefixes),
            Err(TermsError::Parse(_))
        ));
        assert!(matches!(
            FixedTerms::parse(&term("").replace("class", "klass"), &prefixes),
            Err(TermsError::Parse(_))
        ));
        assert!(matches!(
            FixedTerms::parse(&format!("{ontology}[alignments]\nbroader = {{ sub_property_of = \"skos\" }}\n"), &prefixes),
            Err(TermsError::UnknownPrefix { term, .. }) if term == "broader"
        ));
    }
}
