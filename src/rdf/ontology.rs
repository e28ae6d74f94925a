//! The published vocabulary (`graph-data/ontology.ttl`, served at `<base>ontology`): every
//! class and property the graph uses, generated from `vocabulary.toml` plus the fixed terms of
//! the statement pattern and of documents, tasks and targets. One list of [`Term`]s feeds both
//! the Turtle document and the HTML page, so the two cannot disagree.

use oxigraph::io::{RdfFormat, RdfParser};
use oxigraph::model::Triple;

use super::iri::{Iris, ns};
use super::turtle::{self, TurtleText, pair};
use crate::vocabulary::Vocabulary;

/// Which namespace a term lives in.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Namespace {
    /// `sk:`, classes and direct properties.
    Ontology,
    /// `skp:`, from a subject to a statement node.
    StatementLink,
    /// `skps:`, from a statement node to the object.
    StatementValue,
}

/// What kind of term it is.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum TermKind {
    /// An `owl:Class`.
    Class,
    /// An `owl:ObjectProperty`.
    ObjectProperty,
    /// An `owl:DatatypeProperty`.
    DatatypeProperty,
}

/// The group a term is listed under.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Group {
    /// Kinds of entities, from `vocabulary.toml`.
    EntityKinds,
    /// Relation kinds and their statement properties, from `vocabulary.toml`.
    Relations,
    /// Statement nodes and references (provenance).
    Provenance,
    /// Properties of entities, documents, tasks and targets.
    Details,
    /// Policy-instrument codes.
    Instruments,
}

/// One class or property of the vocabulary.
#[derive(Debug, Clone)]
pub struct Term {
    /// The group it is listed under.
    pub group: Group,
    /// Its namespace.
    pub namespace: Namespace,
    /// Its local name (`Park`, `locatedIn`).
    pub name: String,
    /// Class or property.
    pub kind: TermKind,
    /// Chinese label (simplified).
    pub zh: String,
    /// English label.
    pub en: String,
    /// English definition.
    pub comment_en: String,
    /// Chinese definition, where one is written.
    pub comment_zh: Option<String>,
    /// Classes of the subjects (any of them), as full IRIs.
    pub domain: Vec<String>,
    /// Classes or datatypes of the objects (any of them), as full IRIs.
    pub range: Vec<String>,
    /// Superclasses or superproperties in standard vocabularies, as full IRIs.
    pub broader: Vec<String>,
    /// A standard property this one is the inverse of.
    pub inverse_of: Option<String>,
}

impl Term {
    /// The term's IRI.
    pub fn iri(&self, iris: &Iris) -> String {
        match self.namespace {
            Namespace::Ontology => format!("{}{}", iris.ontology_ns(), self.name),
            Namespace::StatementLink => format!("{}{}", iris.statement_link_ns(), self.name),
            Namespace::StatementValue => format!("{}{}", iris.statement_value_ns(), self.name),
        }
    }

    /// The anchor of the term on the HTML page of the vocabulary: the local name for `sk:`
    /// terms (so `<base>ontology#Park` lands on it), `prop-…` and `prop-statement-…` otherwise.
    pub fn anchor(&self) -> String {
        match self.namespace {
            Namespace::Ontology => self.name.clone(),
            Namespace::StatementLink => format!("prop-{}", self.name),
            Namespace::StatementValue => format!("prop-statement-{}", self.name),
        }
    }
}

/// Alignments of relation kinds with standard properties, which `vocabulary.toml` does not
/// carry: (relation, sub-property of, inverse of).
const RELATION_ALIGNMENTS: &[(&str, Option<&str>, Option<&str>)] = &[
    (
        "broader",
        Some("http://www.w3.org/2004/02/skos/core#broader"),
        None,
    ),
    ("partOf", Some("http://purl.org/dc/terms/isPartOf"), None),
    (
        "partOfDocument",
        Some("http://purl.org/dc/terms/isPartOf"),
        None,
    ),
    ("issuedBy", Some("http://purl.org/dc/terms/publisher"), None),
    ("mentions", Some("http://schema.org/mentions"), None),
    ("locatedIn", Some("http://schema.org/location"), None),
    ("heldIn", Some("http://schema.org/location"), None),
    ("memberOf", Some("http://schema.org/memberOf"), None),
    (
        "targetRegion",
        Some("http://purl.org/dc/terms/spatial"),
        None,
    ),
    ("organizes", None, Some("http://schema.org/organizer")),
];

/// Every term of the vocabulary, in the order the documents list them.
pub fn terms(vocabulary: &Vocabulary, iris: &Iris) -> Vec<Term> {
    let class = |name: &str| iris.term(name).as_str().to_owned();
    let xsd = |local: &str| format!("{}{local}", ns::XSD);
    let lang_string = format!("{}langString", ns::RDF);
    // The range of the properties that point into the concept schemes.
    let skos_concept = format!("{}Concept", ns::SKOS);
    let mut out = Vec::new();
    for kind in &vocabulary.kinds {
        out.push(Term {
            group: Group::EntityKinds,
            namespace: Namespace::Ontology,
            name: kind.id.clone(),
            kind: TermKind::Class,
            zh: kind.zh.clone(),
            en: kind.en.clone(),
            comment_en: kind.comment.clone(),
            comment_zh: None,
            domain: Vec::new(),
            range: Vec::new(),
            broader: kind.superclass.iter().cloned().collect(),
            inverse_of: None,
        });
    }
    for relation in &vocabulary.relations {
        let domain: Vec<String> = relation.domain.iter().map(|k| class(k)).collect();
        let range: Vec<String> = relation.range.iter().map(|k| class(k)).collect();
        let alignment = RELATION_ALIGNMENTS
            .iter()
            .find(|(id, _, _)| *id == relation.id);
        out.push(Term {
            group: Group::Relations,
            namespace: Namespace::Ontology,
            name: relation.id.clone(),
            kind: TermKind::ObjectProperty,
            zh: relation.zh.clone(),
            en: relation.en.clone(),
            comment_en: relation.comment.clone(),
            comment_zh: None,
            domain: domain.clone(),
            range: range.clone(),
            broader: alignment
                .and_then(|(_, sub, _)| *sub)
                .map(str::to_owned)
                .into_iter()
                .chain(relation.sub_property_of.iter().map(|p| class(p)))
                .collect(),
            inverse_of: alignment.and_then(|(_, _, inverse)| inverse.map(str::to_owned)),
        });
        out.push(Term {
            group: Group::Relations,
            namespace: Namespace::StatementLink,
            name: relation.id.clone(),
            kind: TermKind::ObjectProperty,
            zh: format!("{}（陈述）", relation.zh),
            en: format!("{} (statement)", relation.en),
            comment_en: format!(
                "Links the subject of a “{}” relation to the statement node that carries its evidence (the Wikidata statement pattern).",
                relation.en
            ),
            comment_zh: Some(format!(
                "将“{}”关系的主体连接到承载其证据的陈述节点（维基数据的陈述模式）。",
                relation.zh
            )),
            domain,
            range: vec![class("Statement")],
            broader: Vec::new(),
            inverse_of: None,
        });
        out.push(Term {
            group: Group::Relations,
            namespace: Namespace::StatementValue,
            name: relation.id.clone(),
            kind: TermKind::ObjectProperty,
            zh: format!("{}（陈述值）", relation.zh),
            en: format!("{} (statement value)", relation.en),
            comment_en: format!(
                "Links a statement node of a “{}” relation to the relation's object.",
                relation.en
            ),
            comment_zh: Some(format!(
                "将“{}”关系的陈述节点连接到该关系的客体。",
                relation.zh
            )),
            domain: vec![class("Statement")],
            range,
            broader: Vec::new(),
            inverse_of: None,
        });
    }
    let fixed = |group, name: &str, kind, labels: (&str, &str), comments: (&str, &str)| Term {
        group,
        namespace: Namespace::Ontology,
        name: name.to_owned(),
        kind,
        zh: labels.0.to_owned(),
        en: labels.1.to_owned(),
        comment_zh: Some(comments.0.to_owned()),
        comment_en: comments.1.to_owned(),
        domain: Vec::new(),
        range: Vec::new(),
        broader: Vec::new(),
        inverse_of: None,
    };
    let with = |mut term: Term, domain: Vec<String>, range: Vec<String>, broader: Vec<String>| {
        term.domain = domain;
        term.range = range;
        term.broader = broader;
        term
    };
    use Group::{Details, Instruments, Provenance};
    use TermKind::{Class, DatatypeProperty, ObjectProperty};
    out.extend([
        with(
            fixed(
                Provenance,
                "Statement",
                Class,
                ("陈述", "Statement"),
                (
                    "一条关系的陈述节点：主体经 skp: 属性指向它，它经 skps: 属性指向客体，并经 prov:wasDerivedFrom 指向其出处。",
                    "The statement node of one relation: the subject points to it with an skp: property, it points to the object with an skps: property and to its references with prov:wasDerivedFrom.",
                ),
            ),
            vec![],
            vec![],
            vec![format!("{}Entity", ns::PROV)],
        ),
        with(
            fixed(
                Provenance,
                "Reference",
                Class,
                ("出处", "Reference"),
                (
                    "一条证据：陈述所依据的文件、条款与原文引语。",
                    "One piece of evidence: the document, the provision and the verbatim quote a statement is drawn from.",
                ),
            ),
            vec![],
            vec![],
            vec![format!("{}Entity", ns::PROV)],
        ),
        with(
            fixed(
                Provenance,
                "inferred",
                DatatypeProperty,
                ("推断", "inferred"),
                (
                    "为真表示该关系没有任何出处直接陈述，而是由原文推断而来。",
                    "True when no reference states the relation outright: it is inferred from the text, and each reference says why.",
                ),
            ),
            vec![class("Statement")],
            vec![xsd("boolean")],
            vec![],
        ),
        with(
            fixed(
                Provenance,
                "basis",
                DatatypeProperty,
                ("依据", "basis"),
                (
                    "事实的依据：stated（原文陈述）、inferred（由原文推断）、derived（由规则从陈述的事实推出）或 curated（整理者依常识补充）。陈述节点取其各出处中最强的依据。",
                    "What a fact rests on: stated (the quote says it), inferred (the quote implies it), derived (a rule of the data derives it from stated facts) or curated (general knowledge a curator adds). A statement carries the strongest basis among its references.",
                ),
            ),
            vec![class("Statement"), class("Reference")],
            vec![xsd("string")],
            vec![],
        ),
        with(
            fixed(
                Provenance,
                "rule",
                DatatypeProperty,
                ("推导规则", "rule"),
                (
                    "推出该关系的规则的标识符（graph-data/rules.toml）；规则的说明见 inferenceNote。",
                    "The id of the rule (graph-data/rules.toml) that derived the relation; inferenceNote gives its sentence.",
                ),
            ),
            vec![class("Reference")],
            vec![xsd("string")],
            vec![],
        ),
        with(
            fixed(
                Provenance,
                "provision",
                ObjectProperty,
                ("所在条款", "provision"),
                (
                    "引语所在的任务条款或章节。",
                    "The task or section of the document that the quote is in.",
                ),
            ),
            vec![class("Reference"), class("InstrumentCode")],
            vec![class("Task"), class("Section")],
            vec![],
        ),
        with(
            fixed(
                Provenance,
                "quote",
                DatatypeProperty,
                ("原文引语", "quote"),
                (
                    "逐字引自文件原文的句子（空白除外），即该事实的依据。",
                    "The verbatim sentence of the source document (whitespace aside) that states the fact.",
                ),
            ),
            vec![class("Reference"), class("InstrumentCode")],
            vec![lang_string.clone()],
            vec![],
        ),
        with(
            fixed(
                Provenance,
                "inferenceNote",
                DatatypeProperty,
                ("推断说明", "inference note"),
                (
                    "说明一条推断出的关系为何成立。",
                    "Why an inferred relation holds, when the quote implies it without stating it.",
                ),
            ),
            vec![class("Reference")],
            vec![lang_string.clone()],
            vec![format!("{}note", ns::SKOS)],
        ),
        with(
            fixed(
                Details,
                "id",
                DatatypeProperty,
                ("标识符", "identifier"),
                (
                    "实体稳定的 ASCII 标识符，即其 IRI 的最后一段。",
                    "The entity's stable ASCII identifier, the last segment of its IRI.",
                ),
            ),
            vec![],
            vec![xsd("string")],
            vec![format!("{}identifier", ns::DCTERMS)],
        ),
        with(
            fixed(
                Details,
                "englishNameStatus",
                DatatypeProperty,
                ("英文名称状态", "English name status"),
                (
                    "“established”表示正式或通用的英文名称，“translation”表示本图谱的译名。",
                    "“established” for an official or widely used English name, “translation” for the curators' own.",
                ),
            ),
            vec![],
            vec![xsd("string")],
            vec![],
        ),
        with(
            fixed(
                Details,
                "sourceFile",
                DatatypeProperty,
                ("原文文件", "source file"),
                (
                    "文件原文在 graph-data/sources/ 中的文件名。",
                    "The file name of the document's text in graph-data/sources/.",
                ),
            ),
            vec![class("Document")],
            vec![xsd("string")],
            vec![],
        ),
        with(
            fixed(
                Details,
                "number",
                DatatypeProperty,
                ("编号", "number"),
                (
                    "章节或任务条款在文件中印刷的编号（二、1、（三）……）。",
                    "The number of a section or task as printed (二, 1, (三) …).",
                ),
            ),
            vec![class("Section"), class("Task")],
            vec![xsd("string")],
            vec![],
        ),
        with(
            fixed(
                Details,
                "indicator",
                DatatypeProperty,
                ("指标", "indicator"),
                (
                    "量化目标所衡量的指标，按原文书写。",
                    "What a quantitative target measures, as written.",
                ),
            ),
            vec![class("Target")],
            vec![lang_string.clone()],
            vec![],
        ),
        with(
            fixed(
                Details,
                "value",
                DatatypeProperty,
                ("目标值", "value"),
                ("量化目标的数值。", "The number a quantitative target sets."),
            ),
            vec![class("Target")],
            vec![xsd("decimal")],
            vec![format!("{}value", ns::RDF)],
        ),
        with(
            fixed(
                Details,
                "unit",
                DatatypeProperty,
                ("单位", "unit"),
                (
                    "目标值的单位，按原文书写（%、家、亿元……）。",
                    "The unit of the value, as written (%, 家, 亿元 …).",
                ),
            ),
            vec![class("Target")],
            vec![xsd("string")],
            vec![format!("{}unitText", ns::SCHEMA)],
        ),
        with(
            fixed(
                Details,
                "year",
                DatatypeProperty,
                ("目标年份", "year"),
                (
                    "量化目标要达到的年份。",
                    "The year by which a quantitative target is to be reached.",
                ),
            ),
            vec![class("Target")],
            vec![xsd("gYear")],
            vec![],
        ),
        with(
            fixed(
                Details,
                "measure",
                ObjectProperty,
                ("衡量对象", "measure"),
                (
                    "量化目标所衡量的量（<base>measures 概念体系中的概念），措辞不同而所计相同的目标共用一个。",
                    "What a quantitative target counts: a concept of the <base>measures scheme, shared by targets worded differently that count the same quantity.",
                ),
            ),
            vec![class("Target")],
            vec![skos_concept.clone()],
            vec![],
        ),
        with(
            fixed(
                Instruments,
                "InstrumentCode",
                Class,
                ("政策工具编码", "Instrument code"),
                (
                    "整理者的判定：某一条款使用某一政策工具，附决定编码的词语和包含它们的原文引语。",
                    "A curator's decision that a provision uses a policy instrument, with the cue words that decide it and the verbatim quote that contains them.",
                ),
            ),
            vec![],
            vec![],
            vec![format!("{}Entity", ns::PROV)],
        ),
        with(
            fixed(
                Instruments,
                "instrument",
                ObjectProperty,
                ("使用政策工具", "uses instrument"),
                (
                    "条款使用的政策工具（<base>instruments 概念体系中的工具）；每个编码另有 instrumentCode 节点给出依据。",
                    "A policy-instrument tool (a concept of the <base>instruments scheme) the provision uses; an instrumentCode node gives the grounds of each.",
                ),
            ),
            vec![class("Task"), class("Section")],
            vec![skos_concept.clone()],
            vec![],
        ),
        with(
            fixed(
                Instruments,
                "instrumentCode",
                ObjectProperty,
                ("政策工具编码", "instrument code"),
                (
                    "条款的一个政策工具编码节点。",
                    "One instrument code of the provision.",
                ),
            ),
            vec![class("Task"), class("Section")],
            vec![class("InstrumentCode")],
            vec![],
        ),
        with(
            fixed(
                Instruments,
                "tool",
                ObjectProperty,
                ("政策工具", "tool"),
                ("编码所指的政策工具。", "The tool a code assigns."),
            ),
            vec![class("InstrumentCode")],
            vec![skos_concept.clone()],
            vec![],
        ),
        with(
            fixed(
                Instruments,
                "cue",
                DatatypeProperty,
                ("判定词语", "cue"),
                (
                    "引语中决定编码的词语。",
                    "The words of the quote that decide the code.",
                ),
            ),
            vec![class("InstrumentCode")],
            vec![lang_string.clone()],
            vec![],
        ),
    ]);
    out
}

/// The prefixes of the vocabulary and shapes documents.
pub(crate) fn prefixes(iris: &Iris) -> Vec<(&'static str, String)> {
    vec![
        ("sk", iris.ontology_ns()),
        ("skp", iris.statement_link_ns()),
        ("skps", iris.statement_value_ns()),
        ("rdf", ns::RDF.to_owned()),
        ("rdfs", ns::RDFS.to_owned()),
        ("owl", ns::OWL.to_owned()),
        ("xsd", ns::XSD.to_owned()),
        ("skos", ns::SKOS.to_owned()),
        ("prov", ns::PROV.to_owned()),
        ("dcterms", ns::DCTERMS.to_owned()),
        ("dcmitype", ns::DCMITYPE.to_owned()),
        ("schema", ns::SCHEMA.to_owned()),
        ("org", ns::ORG.to_owned()),
        ("vann", ns::VANN.to_owned()),
    ]
}

/// `iri` as a prefixed name when one of `prefixes` fits, else in angle brackets.
pub(crate) fn compact(iri: &str, prefixes: &[(&'static str, String)]) -> String {
    prefixes
        .iter()
        .filter(|(_, namespace)| iri.starts_with(namespace.as_str()))
        .max_by_key(|(_, namespace)| namespace.len())
        .map(|(prefix, namespace)| turtle::prefixed(prefix, namespace, &iri[namespace.len()..]))
        .unwrap_or_else(|| turtle::iri(iri))
}

/// The vocabulary as a Turtle document.
pub fn ontology_turtle(vocabulary: &Vocabulary, iris: &Iris) -> String {
    let prefixes = prefixes(iris);
    let c = |iri: &str| compact(iri, &prefixes);
    let classes = |list: &[String]| -> Vec<String> {
        match list {
            [] => Vec::new(),
            [one] => vec![c(one)],
            many => vec![turtle::blank(&[
                pair("a", vec!["owl:Class".into()]),
                pair(
                    "owl:unionOf",
                    vec![turtle::list(&many.iter().map(|i| c(i)).collect::<Vec<_>>())],
                ),
            ])],
        }
    };
    let ontology = turtle::iri(iris.ontology().as_str());
    let mut doc = TurtleText::default();
    doc.comment(
        "The vocabulary of sunan-kg (苏南创新政策知识图谱).\nGenerated from graph-data/vocabulary.toml by `sunan-kg ontology`; do not edit by hand.",
    );
    doc.prefixes(&prefixes);
    doc.block(
        &ontology,
        &[
            pair("a", vec!["owl:Ontology".into()]),
            pair(
                "rdfs:label",
                vec![
                    turtle::lang("苏南创新政策知识图谱本体", "zh-Hans"),
                    turtle::lang("sunan-kg vocabulary", "en"),
                ],
            ),
            pair(
                "rdfs:comment",
                vec![
                    turtle::lang(
                        "苏南创新政策知识图谱的类与属性：实体种类、关系种类，以及承载原文证据的陈述节点与出处（维基数据模式）。",
                        "zh-Hans",
                    ),
                    turtle::lang(
                        "Classes and properties of the knowledge graph of southern Jiangsu innovation policy: entity kinds, relation kinds, and the statement nodes and references that carry the verbatim evidence (the Wikidata pattern).",
                        "en",
                    ),
                ],
            ),
            pair(
                "dcterms:license",
                vec![
                    turtle::iri("https://spdx.org/licenses/MIT"),
                    turtle::iri("https://spdx.org/licenses/Apache-2.0"),
                ],
            ),
            pair("vann:preferredNamespacePrefix", vec![turtle::string("sk")]),
            pair(
                "vann:preferredNamespaceUri",
                vec![turtle::string(&iris.ontology_ns())],
            ),
            pair("rdfs:seeAlso", vec![turtle::iri(&format!("{}shapes", iris.base()))]),
        ],
    );
    let mut group = None;
    for term in terms(vocabulary, iris) {
        if group != Some(term.group) {
            group = Some(term.group);
            doc.comment(&format!("---- {}", group_title(term.group).1));
        }
        let kind = match term.kind {
            TermKind::Class => "owl:Class",
            TermKind::ObjectProperty => "owl:ObjectProperty",
            TermKind::DatatypeProperty => "owl:DatatypeProperty",
        };
        let broader = if term.kind == TermKind::Class {
            "rdfs:subClassOf"
        } else {
            "rdfs:subPropertyOf"
        };
        let mut comments = Vec::new();
        if let Some(zh) = &term.comment_zh {
            comments.push(turtle::lang(zh, "zh-Hans"));
        }
        comments.push(turtle::lang(&term.comment_en, "en"));
        doc.block(
            &c(&term.iri(iris)),
            &[
                pair("a", vec![kind.into()]),
                pair(
                    "rdfs:label",
                    vec![
                        turtle::lang(&term.zh, "zh-Hans"),
                        turtle::lang(&term.en, "en"),
                    ],
                ),
                pair("rdfs:comment", comments),
                pair("rdfs:domain", classes(&term.domain)),
                pair("rdfs:range", classes(&term.range)),
                pair(broader, term.broader.iter().map(|i| c(i)).collect()),
                pair(
                    "owl:inverseOf",
                    term.inverse_of.iter().map(|i| c(i)).collect(),
                ),
                pair("rdfs:isDefinedBy", vec![ontology.clone()]),
            ],
        );
    }
    doc.finish()
}

/// The triples of the vocabulary (the Turtle document, parsed).
pub fn ontology_triples(vocabulary: &Vocabulary, iris: &Iris) -> Result<Vec<Triple>, String> {
    parse_turtle(&ontology_turtle(vocabulary, iris))
}

/// Parses a Turtle document we generated; an error here is a bug in a generator.
pub(crate) fn parse_turtle(text: &str) -> Result<Vec<Triple>, String> {
    RdfParser::from_format(RdfFormat::Turtle)
        .for_slice(text.as_bytes())
        .map(|quad| quad.map(Triple::from).map_err(|e| e.to_string()))
        .collect()
}

/// The (Chinese, English) title of a group of terms.
pub fn group_title(group: Group) -> (&'static str, &'static str) {
    match group {
        Group::EntityKinds => ("实体种类", "Entity kinds (classes)"),
        Group::Relations => (
            "关系种类",
            "Relation kinds (direct, statement and statement-value properties)",
        ),
        Group::Provenance => ("陈述与出处", "Statements and references (provenance)"),
        Group::Details => (
            "实体、文件、条款与目标的属性",
            "Properties of entities, documents, provisions and targets",
        ),
        Group::Instruments => ("政策工具编码", "Policy-instrument codes"),
    }
}
