//! The RDF projection of the model, in the Wikidata pattern: direct triples between entities
//! (`sk:locatedIn`), plus one statement node per relation (`skp:` / `skps:`) that carries its
//! references (`prov:wasDerivedFrom`), each with document, provision and quote.

use oxigraph::model::{Literal, NamedNode, Term, Triple};

use super::iri::{Iris, ns};
use crate::model::{Basis, Details, EnglishStatus, Evidence, Model, Script};

/// Every triple of the graph, in a deterministic order (entities, then relations, in model
/// order), so that dumps of the same data are byte-identical.
pub fn triples(model: &Model, iris: &Iris) -> Vec<Triple> {
    let mut all = Vec::new();
    let Ok(()) = for_each_batch(model, iris, |batch| {
        all.extend(batch);
        Ok::<(), std::convert::Infallible>(())
    });
    all
}

/// Triples handed on at a time by [`for_each_batch`].
const BATCH: usize = 16 * 1024;

/// The triples of [`triples`], in the same order, handed to `sink` a batch at a time so that
/// a store can be filled without the whole list in memory.
pub(crate) fn for_each_batch<E>(
    model: &Model,
    iris: &Iris,
    mut sink: impl FnMut(Vec<Triple>) -> Result<(), E>,
) -> Result<(), E> {
    let mut out = Triples {
        iris,
        model,
        triples: Vec::new(),
    };
    let mut flush = |out: &mut Triples<'_>, at_least: usize| {
        if out.triples.len() >= at_least {
            sink(std::mem::take(&mut out.triples))
        } else {
            Ok(())
        }
    };
    for entity in &model.entities {
        out.entity(entity);
        flush(&mut out, BATCH)?;
    }
    for relation in &model.relations {
        out.relation(relation);
        flush(&mut out, BATCH)?;
    }
    for code in &model.instruments.codes {
        out.instrument_code(code);
        flush(&mut out, BATCH)?;
    }
    out.triples
        .extend(super::schemes::instrument_scheme_triples(model, iris));
    out.triples
        .extend(super::schemes::measure_scheme_triples(model, iris));
    flush(&mut out, 0)
}

/// The BCP 47 tag of a script.
pub fn language_tag(script: Script) -> &'static str {
    match script {
        Script::Simplified => "zh-Hans",
        Script::Traditional => "zh-Hant",
    }
}

struct Triples<'a> {
    iris: &'a Iris,
    model: &'a Model,
    triples: Vec<Triple>,
}

fn rdf(local: &str) -> NamedNode {
    Iris::standard(ns::RDF, local)
}
fn rdfs(local: &str) -> NamedNode {
    Iris::standard(ns::RDFS, local)
}
fn skos(local: &str) -> NamedNode {
    Iris::standard(ns::SKOS, local)
}
fn prov(local: &str) -> NamedNode {
    Iris::standard(ns::PROV, local)
}
fn dcterms(local: &str) -> NamedNode {
    Iris::standard(ns::DCTERMS, local)
}
fn xsd(local: &str) -> NamedNode {
    Iris::standard(ns::XSD, local)
}
fn tagged(text: &str, tag: &str) -> Term {
    lang_literal(text, tag).into()
}

/// A literal in a language, with its tag in the lowercase form that oxigraph's parsers give:
/// the store compares tags byte for byte, and a query's `"苏科贷"@zh-Hans` is lowercased when
/// parsed, so it finds only a label stored as `zh-hans` (BCP 47 tags ignore case).
pub(crate) fn lang_literal(text: impl Into<String>, tag: &str) -> Literal {
    Literal::new_language_tagged_literal_unchecked(text, tag.to_ascii_lowercase())
}
fn plain(text: &str) -> Term {
    Literal::new_simple_literal(text).into()
}
fn typed(text: &str, datatype: &str) -> Term {
    Literal::new_typed_literal(text, xsd(datatype)).into()
}

impl Triples<'_> {
    fn add(&mut self, subject: &NamedNode, predicate: NamedNode, object: impl Into<Term>) {
        self.triples
            .push(Triple::new(subject.clone(), predicate, object.into()));
    }

    fn entity_iri(&self, index: usize) -> NamedNode {
        self.iris.entity(&self.model.entities[index].id)
    }

    fn entity(&mut self, entity: &crate::model::Entity) {
        let iri = self.iris.entity(&entity.id);
        self.add(&iri, rdf("type"), self.iris.term(&entity.kind));
        self.add(&iri, self.iris.term("id"), plain(&entity.id));
        self.add(&iri, rdfs("label"), tagged(&entity.name, "zh-Hans"));
        self.add(&iri, skos("prefLabel"), tagged(&entity.name, "zh-Hans"));
        self.add(&iri, rdfs("label"), tagged(&entity.traditional, "zh-Hant"));
        self.add(
            &iri,
            skos("prefLabel"),
            tagged(&entity.traditional, "zh-Hant"),
        );
        self.add(
            &iri,
            skos("altLabel"),
            tagged(&entity.pinyin, "zh-Latn-pinyin"),
        );
        for alias in &entity.aliases {
            self.add(
                &iri,
                skos("altLabel"),
                tagged(&alias.text, language_tag(alias.script)),
            );
        }
        if let Some(english) = &entity.english {
            self.add(&iri, rdfs("label"), tagged(&english.text, "en"));
            self.add(&iri, skos("prefLabel"), tagged(&english.text, "en"));
            let status = match english.status {
                EnglishStatus::Established => "established",
                EnglishStatus::Translation => "translation",
            };
            self.add(&iri, self.iris.term("englishNameStatus"), plain(status));
        }
        if let Some(note) = &entity.note {
            self.add(&iri, skos("editorialNote"), tagged(note, "en"));
        }
        match &entity.details {
            Details::None => {}
            Details::Document(doc) => {
                self.add(&iri, dcterms("title"), tagged(&entity.name, "zh-Hans"));
                if let Some(title) = &doc.english_title {
                    self.add(&iri, dcterms("title"), tagged(title, "en"));
                }
                if let Some(date) = &doc.date {
                    self.add(&iri, dcterms("issued"), typed(date, "date"));
                }
                if let Some(date) = &doc.published {
                    self.add(&iri, dcterms("available"), typed(date, "date"));
                }
                if let Some(number) = &doc.number {
                    self.add(&iri, dcterms("identifier"), plain(number));
                }
                self.add(&iri, dcterms("spatial"), self.entity_iri(doc.region));
                self.add(&iri, dcterms("language"), plain(language_tag(doc.script)));
                self.add(&iri, self.iris.term("sourceFile"), plain(&doc.source_file));
            }
            Details::Section(provision) | Details::Task(provision) => {
                self.add(&iri, self.iris.term("number"), plain(&provision.number));
                self.add(
                    &iri,
                    dcterms("isPartOf"),
                    self.entity_iri(provision.document),
                );
            }
            Details::Target(target) => {
                let value = decimal(target.value);
                self.add(
                    &iri,
                    self.iris.term("indicator"),
                    tagged(&target.indicator, "zh-Hans"),
                );
                if let Some(indicator) = &target.indicator_en {
                    self.add(&iri, self.iris.term("indicator"), tagged(indicator, "en"));
                }
                self.add(&iri, self.iris.term("value"), typed(&value, "decimal"));
                self.add(&iri, self.iris.term("unit"), plain(&target.unit));
                self.add(
                    &iri,
                    self.iris.term("year"),
                    typed(&target.year.to_string(), "gYear"),
                );
                self.add(&iri, dcterms("isPartOf"), self.entity_iri(target.document));
                let measure = &self.model.measures[target.measure].id;
                self.add(&iri, self.iris.term("measure"), self.iris.measure(measure));
            }
        }
    }

    fn relation(&mut self, relation: &crate::model::Relation) {
        let subject = &self.model.entities[relation.subject].id;
        let object = &self.model.entities[relation.object].id;
        let kind = relation.kind.as_str();
        let subject_iri = self.iris.entity(subject);
        let object_iri = self.iris.entity(object);
        let statement = self.iris.statement(subject, kind, object);
        self.add(&subject_iri, self.iris.term(kind), object_iri.clone());
        if self.model.vocabulary.is_hierarchy(kind) {
            self.add(&subject_iri, skos("broader"), object_iri.clone());
        }
        self.add(
            &subject_iri,
            self.iris.statement_link(kind),
            statement.clone(),
        );
        self.add(&statement, rdf("type"), self.iris.term("Statement"));
        self.add(&statement, self.iris.statement_value(kind), object_iri);
        self.add(
            &statement,
            self.iris.term("inferred"),
            typed(
                if relation.is_inferred() {
                    "true"
                } else {
                    "false"
                },
                "boolean",
            ),
        );
        self.add(
            &statement,
            self.iris.term("basis"),
            typed(relation.basis().name(), "string"),
        );
        for (n, evidence) in relation.evidence.iter().enumerate() {
            let reference = self.iris.reference(subject, kind, object, n + 1);
            self.add(&statement, prov("wasDerivedFrom"), reference.clone());
            self.reference(&reference, evidence);
        }
    }

    /// The provision uses the tool (a direct triple), and a code node says on what grounds.
    fn instrument_code(&mut self, code: &crate::model::InstrumentCode) {
        let provision = &self.model.entities[code.provision].id;
        let tool = &self.model.instruments.tools[code.tool].id;
        let provision_iri = self.iris.entity(provision);
        let node = self.iris.instrument_code(provision, tool);
        let tag = match &self.model.entities[code.document].details {
            Details::Document(doc) => language_tag(doc.script),
            _ => language_tag(Script::Simplified),
        };
        self.add(
            &provision_iri,
            self.iris.term("instrument"),
            self.iris.instrument(tool),
        );
        self.add(
            &provision_iri,
            self.iris.term("instrumentCode"),
            node.clone(),
        );
        self.add(&node, rdf("type"), self.iris.term("InstrumentCode"));
        self.add(&node, self.iris.term("tool"), self.iris.instrument(tool));
        self.add(&node, self.iris.term("provision"), provision_iri);
        self.add(&node, dcterms("source"), self.entity_iri(code.document));
        self.add(&node, self.iris.term("cue"), tagged(&code.cue, tag));
        self.add(&node, self.iris.term("quote"), tagged(&code.quote, tag));
        if let Some(note) = &code.note {
            self.add(&node, skos("editorialNote"), tagged(note, "en"));
        }
    }

    fn reference(&mut self, reference: &NamedNode, evidence: &Evidence) {
        let document = &self.model.entities[evidence.document];
        let script = match &document.details {
            Details::Document(doc) => doc.script,
            _ => Script::Simplified,
        };
        self.add(reference, rdf("type"), self.iris.term("Reference"));
        self.add(
            reference,
            dcterms("source"),
            self.entity_iri(evidence.document),
        );
        if let Some(provision) = evidence.provision {
            self.add(
                reference,
                self.iris.term("provision"),
                self.entity_iri(provision),
            );
        }
        self.add(
            reference,
            self.iris.term("quote"),
            tagged(&evidence.quote, language_tag(script)),
        );
        self.add(
            reference,
            self.iris.term("basis"),
            typed(evidence.basis.name(), "string"),
        );
        match &evidence.basis {
            Basis::Stated => {}
            Basis::Derived(rule) => {
                self.add(reference, self.iris.term("rule"), typed(rule, "string"));
                if let Some(sentence) = self.model.rule_sentence(rule) {
                    self.add(
                        reference,
                        self.iris.term("inferenceNote"),
                        tagged(sentence, "en"),
                    );
                }
            }
            Basis::Inferred(reason) | Basis::Curated(reason) => {
                self.add(
                    reference,
                    self.iris.term("inferenceNote"),
                    tagged(reason, "en"),
                );
            }
        }
        if let Some(note) = &evidence.note {
            self.add(reference, skos("editorialNote"), tagged(note, "en"));
        }
    }
}

/// A number as an `xsd:decimal` lexical form (`2.81`, `200.0`).
fn decimal(value: f64) -> String {
    let text = crate::model::format_number(value);
    if text.contains('.') {
        text
    } else {
        format!("{text}.0")
    }
}
