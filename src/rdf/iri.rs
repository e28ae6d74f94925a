//! The IRI scheme: every IRI the graph mints is built here, from one configurable base.

use oxigraph::model::NamedNode;

/// The default base IRI. Entity IRIs are `<base>id/<id>`.
pub const DEFAULT_BASE_IRI: &str = "https://w3id.org/sunan-kg/";

/// Standard vocabularies reused by the graph.
pub mod ns {
    /// RDF.
    pub const RDF: &str = "http://www.w3.org/1999/02/22-rdf-syntax-ns#";
    /// RDF Schema.
    pub const RDFS: &str = "http://www.w3.org/2000/01/rdf-schema#";
    /// SKOS.
    pub const SKOS: &str = "http://www.w3.org/2004/02/skos/core#";
    /// PROV-O.
    pub const PROV: &str = "http://www.w3.org/ns/prov#";
    /// Dublin Core terms.
    pub const DCTERMS: &str = "http://purl.org/dc/terms/";
    /// XML Schema datatypes.
    pub const XSD: &str = "http://www.w3.org/2001/XMLSchema#";
    /// OWL.
    pub const OWL: &str = "http://www.w3.org/2002/07/owl#";
    /// SHACL.
    pub const SH: &str = "http://www.w3.org/ns/shacl#";
    /// VoID, the Vocabulary of Interlinked Datasets.
    pub const VOID: &str = "http://rdfs.org/ns/void#";
    /// DCAT, the Data Catalog Vocabulary.
    pub const DCAT: &str = "http://www.w3.org/ns/dcat#";
    /// SPARQL 1.1 Service Description.
    pub const SD: &str = "http://www.w3.org/ns/sparql-service-description#";
    /// W3C unique identifiers of file formats.
    pub const FORMATS: &str = "http://www.w3.org/ns/formats/";
    /// schema.org.
    pub const SCHEMA: &str = "http://schema.org/";
    /// The W3C Organization Ontology.
    pub const ORG: &str = "http://www.w3.org/ns/org#";
    /// SPDX (checksums and licences).
    pub const SPDX: &str = "http://spdx.org/rdf/terms#";
    /// DCMI types.
    pub const DCMITYPE: &str = "http://purl.org/dc/dcmitype/";
    /// VANN, for the preferred prefix of a vocabulary.
    pub const VANN: &str = "http://purl.org/vocab/vann/";
}

/// Mints the IRIs of one deployment.
#[derive(Debug, Clone)]
pub struct Iris {
    base: String,
}

/// The base IRI given is not an absolute IRI ending in `/`.
#[derive(Debug, thiserror::Error)]
#[error("base IRI {0:?} must be an absolute http(s) IRI ending with '/'")]
pub struct BaseIriError(pub String);

impl Default for Iris {
    /// The IRIs under [`DEFAULT_BASE_IRI`].
    fn default() -> Self {
        Self {
            base: DEFAULT_BASE_IRI.to_owned(),
        }
    }
}

impl Iris {
    /// Uses `base`, which must be an absolute http(s) IRI ending with `/`.
    pub fn new(base: &str) -> Result<Self, BaseIriError> {
        let valid = (base.starts_with("http://") || base.starts_with("https://"))
            && base.ends_with('/')
            && NamedNode::new(base).is_ok();
        if valid {
            Ok(Self {
                base: base.to_owned(),
            })
        } else {
            Err(BaseIriError(base.to_owned()))
        }
    }

    /// The base, ending with `/`.
    pub fn base(&self) -> &str {
        &self.base
    }

    /// Namespace of classes and direct ("truthy") properties: `sk:`.
    pub fn ontology_ns(&self) -> String {
        format!("{}ontology#", self.base)
    }

    /// Namespace of entities: `ske:`.
    pub fn entity_ns(&self) -> String {
        format!("{}id/", self.base)
    }

    /// Namespace of the properties linking a subject to a statement node: `skp:`.
    pub fn statement_link_ns(&self) -> String {
        format!("{}prop/", self.base)
    }

    /// Namespace of the properties linking a statement node to its object: `skps:`.
    pub fn statement_value_ns(&self) -> String {
        format!("{}prop/statement/", self.base)
    }

    /// The IRI of the vocabulary itself (`<base>ontology`), also the name of the named graph
    /// that holds it in the SPARQL store.
    pub fn ontology(&self) -> NamedNode {
        NamedNode::new_unchecked(format!("{}ontology", self.base))
    }

    /// The name of the named graph that holds the data in the SPARQL store.
    pub fn data_graph(&self) -> NamedNode {
        NamedNode::new_unchecked(format!("{}graph/data", self.base))
    }

    /// Namespace of the SHACL shapes (`skh:`); the shapes document is `<base>shapes`.
    pub fn shapes_ns(&self) -> String {
        format!("{}shapes#", self.base)
    }

    /// The VoID description document, at the address VoID reserves for it.
    pub fn void_document(&self) -> NamedNode {
        NamedNode::new_unchecked(format!("{}.well-known/void", self.base))
    }

    /// The dataset as a whole, described in the VoID document.
    pub fn dataset(&self) -> NamedNode {
        NamedNode::new_unchecked(format!("{}.well-known/void#dataset", self.base))
    }

    /// The public SPARQL endpoint, on the assumption (documented) that the base IRI is
    /// where the server is reachable.
    pub fn sparql_endpoint(&self) -> NamedNode {
        NamedNode::new_unchecked(format!("{}sparql", self.base))
    }

    /// A published dump file.
    pub fn dump(&self, file: &str) -> NamedNode {
        NamedNode::new_unchecked(format!("{}dump/{file}", self.base))
    }

    /// The prefixes used in Turtle and TriG output.
    pub fn prefixes(&self) -> Vec<(&'static str, String)> {
        vec![
            ("sk", self.ontology_ns()),
            ("ske", self.entity_ns()),
            ("skp", self.statement_link_ns()),
            ("skps", self.statement_value_ns()),
            ("rdf", ns::RDF.to_owned()),
            ("rdfs", ns::RDFS.to_owned()),
            ("skos", ns::SKOS.to_owned()),
            ("prov", ns::PROV.to_owned()),
            ("dcterms", ns::DCTERMS.to_owned()),
            ("xsd", ns::XSD.to_owned()),
            ("owl", ns::OWL.to_owned()),
        ]
    }

    /// An entity: `<base>id/<id>`.
    pub fn entity(&self, id: &str) -> NamedNode {
        NamedNode::new_unchecked(format!("{}{id}", self.entity_ns()))
    }

    /// The policy-instrument concept scheme: `<base>instruments`.
    pub fn instrument_scheme(&self) -> NamedNode {
        NamedNode::new_unchecked(format!("{}instruments", self.base))
    }

    /// A type or tool of the instrument scheme: `<base>instruments#<id>`.
    pub fn instrument(&self, id: &str) -> NamedNode {
        NamedNode::new_unchecked(format!("{}instruments#{id}", self.base))
    }

    /// The concept scheme of what targets measure: `<base>measures`.
    pub fn measure_scheme(&self) -> NamedNode {
        NamedNode::new_unchecked(format!("{}measures", self.base))
    }

    /// A measure that targets count: `<base>measures#<id>`.
    pub fn measure(&self, id: &str) -> NamedNode {
        NamedNode::new_unchecked(format!("{}measures#{id}", self.base))
    }

    /// The node of one instrument code: `<provision IRI>#instrument-<tool id>`, so that it
    /// resolves to the provision's page.
    pub fn instrument_code(&self, provision: &str, tool: &str) -> NamedNode {
        NamedNode::new_unchecked(format!("{}{provision}#instrument-{tool}", self.entity_ns()))
    }

    /// A class or direct property of the vocabulary: `<base>ontology#<name>`.
    pub fn term(&self, name: &str) -> NamedNode {
        NamedNode::new_unchecked(format!("{}{name}", self.ontology_ns()))
    }

    /// Property from a subject to a statement node of relation `kind`.
    pub fn statement_link(&self, kind: &str) -> NamedNode {
        NamedNode::new_unchecked(format!("{}{kind}", self.statement_link_ns()))
    }

    /// Property from a statement node of relation `kind` to its object.
    pub fn statement_value(&self, kind: &str) -> NamedNode {
        NamedNode::new_unchecked(format!("{}{kind}", self.statement_value_ns()))
    }

    /// The statement node of one relation; readable and stable because ids are.
    pub fn statement(&self, subject: &str, kind: &str, object: &str) -> NamedNode {
        NamedNode::new_unchecked(format!("{}statement/{subject}/{kind}/{object}", self.base))
    }

    /// The `n`-th reference (piece of evidence) of a statement.
    pub fn reference(&self, subject: &str, kind: &str, object: &str, n: usize) -> NamedNode {
        NamedNode::new_unchecked(format!(
            "{}reference/{subject}/{kind}/{object}/{n}",
            self.base
        ))
    }

    /// The id an entity IRI stands for, if it is one of ours.
    pub fn entity_id<'a>(&self, iri: &'a str) -> Option<&'a str> {
        iri.strip_prefix(self.entity_ns().as_str())
    }

    /// A term of a standard vocabulary.
    pub fn standard(namespace: &str, local: &str) -> NamedNode {
        NamedNode::new_unchecked(format!("{namespace}{local}"))
    }
}
