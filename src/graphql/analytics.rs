//! Entry points and types of the policy analyses: instrument coding and its tables, agency
//! networks with their centralities, and how documents recur and change.

use async_graphql::{Context, Enum, ID, Object, Result, SimpleObject};

// The citation fields of evidence (in `relation`) reach `Citation` through this module.
pub(crate) use super::citation::{Citation, citation};
use super::entity::{Document, Entity, EntityRef, Target};
use super::enums::EntityKind;
use super::error::or_null;
use super::relation::Evidence;
use super::{arguments, dataset};
use crate::SharedDataset;
use crate::analytics::{self, Dimension, Level, NetworkScope, RowKey};
use crate::model::{Basis, EntityIndex, Evidence as ModelEvidence};

/// The analysis entry points, merged into the query root.
#[derive(Default)]
pub struct AnalyticsQuery;

/// Whether a concept of the instrument code list is a type or a tool.
#[derive(Enum, Copy, Clone, Eq, PartialEq)]
pub enum InstrumentLevel {
    /// Supply-side, environmental, demand-side.
    Type,
    /// A sub-tool (talent, loans, procurement …).
    Tool,
}

/// What the rows of an instrument table are.
#[derive(Enum, Copy, Clone, Eq, PartialEq)]
pub enum InstrumentDimension {
    /// One row per document.
    Document,
    /// One row per region a document governs.
    Region,
    /// One row per year of issue.
    Year,
    /// One row per body acting in the coded provision (its responsible agencies, else those of
    /// its section, else the document's issuer); a code counts under each.
    Agency,
}

/// A type or tool of the policy-instrument code list (a SKOS concept of the published
/// vocabulary).
#[derive(Clone)]
pub struct InstrumentConcept {
    data: SharedDataset,
    level: InstrumentLevel,
    index: usize,
}

impl InstrumentConcept {
    fn tool(data: &SharedDataset, index: usize) -> Self {
        Self {
            data: data.clone(),
            level: InstrumentLevel::Tool,
            index,
        }
    }

    fn of_type(data: &SharedDataset, index: usize) -> Self {
        Self {
            data: data.clone(),
            level: InstrumentLevel::Type,
            index,
        }
    }

    fn concept(&self) -> &crate::model::Concept {
        let instruments = &self.data.model.instruments;
        match self.level {
            InstrumentLevel::Type => &instruments.types[self.index],
            InstrumentLevel::Tool => &instruments.tools[self.index],
        }
    }
}

#[Object]
impl InstrumentConcept {
    /// Stable id (`supply`, `finance-loans`).
    async fn id(&self) -> &str {
        &self.concept().id
    }
    /// Type or tool.
    async fn level(&self) -> InstrumentLevel {
        self.level
    }
    /// Label in Chinese.
    async fn zh(&self) -> &str {
        &self.concept().zh
    }
    /// Label in English.
    async fn en(&self) -> &str {
        &self.concept().en
    }
    /// Definition in Chinese.
    async fn definition_zh(&self) -> &str {
        &self.concept().definition_zh
    }
    /// Definition in English.
    async fn definition_en(&self) -> &str {
        &self.concept().definition_en
    }
    /// The type a tool belongs to (a type is its own).
    async fn instrument_type(&self) -> InstrumentConcept {
        InstrumentConcept::of_type(&self.data, self.concept().type_index)
    }
    /// The tool a narrower tool refines (finance for loans).
    async fn broader(&self) -> Option<InstrumentConcept> {
        self.concept()
            .broader
            .map(|b| InstrumentConcept::tool(&self.data, b))
    }
    /// IRI in the RDF graph.
    async fn iri(&self) -> String {
        self.data
            .iris
            .instrument(&self.concept().id)
            .as_str()
            .to_owned()
    }
}

/// The policy-instrument code list.
pub struct InstrumentScheme(SharedDataset);

#[Object]
impl InstrumentScheme {
    /// Its id.
    async fn id(&self) -> &str {
        &self.0.model.instruments.id
    }
    /// Its name in Chinese.
    async fn zh(&self) -> &str {
        &self.0.model.instruments.zh
    }
    /// Its name in English.
    async fn en(&self) -> &str {
        &self.0.model.instruments.en
    }
    /// The publication the frame comes from.
    async fn source(&self) -> &str {
        &self.0.model.instruments.source
    }
    /// What it classifies, in Chinese.
    async fn definition_zh(&self) -> &str {
        &self.0.model.instruments.definition_zh
    }
    /// What it classifies, in English.
    async fn definition_en(&self) -> &str {
        &self.0.model.instruments.definition_en
    }
    /// Supply-side, environmental and demand-side.
    async fn types(&self) -> Vec<InstrumentConcept> {
        (0..self.0.model.instruments.types.len())
            .map(|i| InstrumentConcept::of_type(&self.0, i))
            .collect()
    }
    /// Every tool, by type.
    async fn tools(&self) -> Vec<InstrumentConcept> {
        (0..self.0.model.instruments.tools.len())
            .map(|i| InstrumentConcept::tool(&self.0, i))
            .collect()
    }
}

/// A curator's decision that a provision uses a tool, with the words that decide it.
#[derive(Clone)]
pub struct InstrumentCode {
    data: SharedDataset,
    index: usize,
}

impl InstrumentCode {
    pub(crate) fn new(data: &SharedDataset, index: usize) -> Self {
        Self {
            data: data.clone(),
            index,
        }
    }

    fn code(&self) -> &crate::model::InstrumentCode {
        &self.data.model.instruments.codes[self.index]
    }
}

#[Object]
impl InstrumentCode {
    /// Stable id: the provision's id, `#instrument-` and the tool's id (the fragment of its
    /// IRI).
    async fn id(&self) -> ID {
        let code = self.code();
        let provision = &self.data.model.entities[code.provision].id;
        let tool = &self.data.model.instruments.tools[code.tool].id;
        ID(format!("{provision}#instrument-{tool}"))
    }
    /// IRI of the code node in the RDF graph.
    async fn iri(&self) -> String {
        let code = self.code();
        let provision = &self.data.model.entities[code.provision].id;
        let tool = &self.data.model.instruments.tools[code.tool].id;
        self.data
            .iris
            .instrument_code(provision, tool)
            .as_str()
            .to_owned()
    }
    /// The task or section coded.
    async fn provision(&self) -> Entity {
        Entity::of(&self.data, self.code().provision)
    }
    /// The document.
    async fn document(&self) -> Document {
        Document(EntityRef::new(&self.data, self.code().document))
    }
    /// The tool.
    async fn tool(&self) -> InstrumentConcept {
        InstrumentConcept::tool(&self.data, self.code().tool)
    }
    /// The tool's type.
    async fn instrument_type(&self) -> InstrumentConcept {
        let tool = &self.data.model.instruments.tools[self.code().tool];
        InstrumentConcept::of_type(&self.data, tool.type_index)
    }
    /// The words of the quote that decide the code.
    async fn cue(&self) -> &str {
        &self.code().cue
    }
    /// The provision's words that contain the cue.
    async fn quote(&self) -> &str {
        &self.code().quote
    }
    /// The quote as evidence: where it sits in the text, and how to cite it.
    async fn evidence(&self) -> Evidence {
        Evidence::new(&self.data, &code_evidence(self.code()))
    }
    /// The curator's remark on a hard call.
    async fn note(&self) -> Option<&str> {
        self.code().note.as_deref()
    }
}

/// The quote of a code as a piece of evidence, stated by its provision.
pub(crate) fn code_evidence(code: &crate::model::InstrumentCode) -> ModelEvidence {
    ModelEvidence {
        document: code.document,
        provision: Some(code.provision),
        quote: code.quote.clone(),
        basis: Basis::Stated,
        note: code.note.clone(),
    }
}

/// Codes cross-tabulated by a dimension and by type or tool.
#[derive(SimpleObject)]
pub struct InstrumentTable {
    /// The columns.
    pub columns: Vec<InstrumentConcept>,
    /// The rows, in document order (documents, regions, agencies) or by year.
    pub rows: Vec<InstrumentRow>,
    /// Number of codes counted (a code counted under two agencies counts twice).
    pub total: usize,
}

/// One row of an instrument table.
#[derive(SimpleObject)]
pub struct InstrumentRow {
    /// The document, region or agency id, the year, or `undated` for the documents that print
    /// no date and state no year.
    pub key: String,
    /// Its name, the year, or `undated`.
    pub label: String,
    /// The document, region or agency, for those rows.
    pub entity: Option<Entity>,
    /// The year, for year rows.
    pub year: Option<i32>,
    /// Number of codes in the row.
    pub total: usize,
    /// One cell per column, in column order.
    pub cells: Vec<InstrumentCell>,
}

/// The codes of one row under one type or tool.
#[derive(SimpleObject)]
pub struct InstrumentCell {
    /// The column.
    pub concept: InstrumentConcept,
    /// Number of codes.
    pub count: usize,
    /// The codes, with their provisions and quotes.
    pub codes: Vec<InstrumentCode>,
}

/// The weighted co-responsibility network of agencies.
pub struct AgencyNetwork {
    data: SharedDataset,
    scope: NetworkScope,
}

impl AgencyNetwork {
    fn network(&self) -> &analytics::AgencyNetwork {
        // Every scope the resolver accepts was computed at start-up.
        self.data
            .analytics
            .network(self.scope)
            .unwrap_or_else(|| unreachable!("network of a known document"))
    }
}

#[Object]
impl AgencyNetwork {
    /// The document whose tasks it is built from; null for all documents.
    async fn document(&self) -> Option<Document> {
        self.scope
            .document
            .map(|d| Document(EntityRef::new(&self.data, d)))
    }
    /// Whether collective parties (各辖市、区政府, 各板块) are in it.
    async fn collective(&self) -> bool {
        self.scope.collective
    }
    /// Every body responsible for at least one provision, in model order.
    async fn nodes(&self) -> Vec<AgencyNode> {
        (0..self.network().nodes.len())
            .map(|i| AgencyNode {
                data: self.data.clone(),
                scope: self.scope,
                index: i,
            })
            .collect()
    }
    /// Every pair of bodies responsible for a common provision.
    async fn edges(&self) -> Vec<AgencyEdge> {
        (0..self.network().edges.len())
            .map(|i| AgencyEdge {
                data: self.data.clone(),
                scope: self.scope,
                index: i,
            })
            .collect()
    }
    /// Weighted modularity of the communities.
    async fn modularity(&self) -> f64 {
        self.network().modularity
    }
    /// Number of communities.
    async fn communities(&self) -> usize {
        self.network().community_count()
    }
}

/// A body of an agency network with its centralities (as networkx computes them).
pub struct AgencyNode {
    data: SharedDataset,
    scope: NetworkScope,
    index: usize,
}

impl AgencyNode {
    fn node(&self) -> &analytics::AgencyNode {
        let network = self.data.analytics.network(self.scope);
        &network.unwrap_or_else(|| unreachable!("known scope")).nodes[self.index]
    }
}

#[Object]
impl AgencyNode {
    /// The body.
    async fn agency(&self) -> Entity {
        Entity::of(&self.data, self.node().entity)
    }
    /// True for a collective party.
    async fn collective(&self) -> bool {
        self.node().collective
    }
    /// Number of provisions it is responsible for.
    async fn provisions(&self) -> usize {
        self.node().provisions
    }
    /// Number of bodies it shares a provision with.
    async fn degree(&self) -> usize {
        self.node().degree
    }
    /// Number of provisions shared, summed over its partners.
    async fn weighted_degree(&self) -> usize {
        self.node().weighted_degree
    }
    /// Normalised betweenness, unweighted (networkx `betweenness_centrality(G)`).
    async fn betweenness(&self) -> f64 {
        self.node().betweenness
    }
    /// Closeness, unweighted, Wasserman–Faust corrected (networkx `closeness_centrality(G)`).
    async fn closeness(&self) -> f64 {
        self.node().closeness
    }
    /// Eigenvector centrality over the weights (networkx
    /// `eigenvector_centrality(G, weight="weight")`); null if it did not converge.
    async fn eigenvector(&self) -> Option<f64> {
        self.node().eigenvector
    }
    /// Its community (Louvain, weighted), numbered from 0.
    async fn community(&self) -> usize {
        self.node().community
    }
}

/// Two bodies and the provisions both are responsible for.
pub struct AgencyEdge {
    data: SharedDataset,
    scope: NetworkScope,
    index: usize,
}

impl AgencyEdge {
    fn network(&self) -> &analytics::AgencyNetwork {
        let network = self.data.analytics.network(self.scope);
        network.unwrap_or_else(|| unreachable!("known scope"))
    }
}

#[Object]
impl AgencyEdge {
    /// One body.
    async fn source(&self) -> Entity {
        let network = self.network();
        Entity::of(
            &self.data,
            network.nodes[network.edges[self.index].source].entity,
        )
    }
    /// The other body.
    async fn target(&self) -> Entity {
        let network = self.network();
        Entity::of(
            &self.data,
            network.nodes[network.edges[self.index].target].entity,
        )
    }
    /// Number of shared provisions.
    async fn weight(&self) -> usize {
        self.network().edges[self.index].weight()
    }
    /// The responsibility quotes (牵头单位 lines) that name both bodies, one per shared
    /// provision and body.
    async fn evidence(&self) -> Vec<Evidence> {
        let network = self.network();
        let edge = &network.edges[self.index];
        let ends = [
            network.nodes[edge.source].entity,
            network.nodes[edge.target].entity,
        ];
        let model = &self.data.model;
        let mut out = Vec::new();
        for &provision in &edge.provisions {
            for relation in model.outgoing(provision) {
                if relation.kind == crate::vocabulary::ids::RESPONSIBLE_AGENCY
                    && ends.contains(&relation.object)
                {
                    for evidence in &relation.evidence {
                        if !out.contains(evidence) {
                            out.push(evidence.clone());
                        }
                    }
                }
            }
        }
        out.into_iter()
            .map(|e| Evidence::new(&self.data, &e))
            .collect()
    }
    /// The shared tasks and sections.
    async fn provisions(&self) -> Vec<Entity> {
        self.network().edges[self.index]
            .provisions
            .iter()
            .map(|&p| Entity::of(&self.data, p))
            .collect()
    }
}

/// An entity more than one document names.
#[derive(SimpleObject)]
pub struct Recurrence {
    /// The entity.
    pub entity: Entity,
    /// Each document that names it, oldest first, undated documents last.
    pub appearances: Vec<Appearance>,
}

/// How one document names an entity.
#[derive(SimpleObject)]
pub struct Appearance {
    /// The document.
    pub document: Document,
    /// Its year, when printed.
    pub year: Option<i32>,
    /// The entity's names and aliases found in the document's quotes about it, longest first.
    pub forms: Vec<String>,
    /// Number of the document's quotes that name it.
    pub quotes: usize,
}

/// What a later document keeps, adds and drops of an earlier one.
#[derive(SimpleObject)]
pub struct DocumentComparison {
    /// The earlier document.
    pub earlier: Document,
    /// The later document.
    pub later: Document,
    /// Named entities both name.
    pub kept: Vec<Entity>,
    /// Named entities only the later names.
    pub added: Vec<Entity>,
    /// Named entities only the earlier names.
    pub dropped: Vec<Entity>,
    /// Codes per tool in each, for every tool either uses.
    pub tools: Vec<ToolChange>,
    /// Targets per measure in each, for every measure either sets.
    pub measures: Vec<MeasureChange>,
}

/// How often two documents use a tool.
#[derive(SimpleObject)]
pub struct ToolChange {
    /// The tool.
    pub tool: InstrumentConcept,
    /// Codes in the earlier document.
    pub earlier: usize,
    /// Codes in the later document.
    pub later: usize,
}

/// The targets two documents set for a measure.
#[derive(SimpleObject)]
pub struct MeasureChange {
    /// The measure.
    pub measure: Measure,
    /// Targets of the earlier document.
    pub earlier: Vec<Target>,
    /// Targets of the later document.
    pub later: Vec<Target>,
}

/// What a quantitative target counts, so that targets worded differently compare across
/// years and regions.
#[derive(Clone)]
pub struct Measure {
    data: SharedDataset,
    index: usize,
}

impl Measure {
    pub(crate) fn new(data: &SharedDataset, index: usize) -> Self {
        Self {
            data: data.clone(),
            index,
        }
    }

    fn measure(&self) -> &crate::model::Measure {
        &self.data.model.measures[self.index]
    }
}

#[Object]
impl Measure {
    /// Stable id.
    async fn id(&self) -> &str {
        &self.measure().id
    }
    /// The plainest Chinese wording.
    async fn zh(&self) -> &str {
        &self.measure().zh
    }
    /// English name.
    async fn en(&self) -> &str {
        &self.measure().en
    }
    /// `percent`, `count`, `money`, `area`, `person-years` or `other`.
    async fn unit_kind(&self) -> &str {
        &self.measure().unit_kind
    }
    /// What is counted.
    async fn definition_en(&self) -> &str {
        &self.measure().definition_en
    }
    /// The curator's remark, such as why two wordings are one measure.
    async fn note(&self) -> Option<&str> {
        self.measure().note.as_deref()
    }
    /// Every target of this measure, oldest first, then by region.
    async fn targets(&self) -> Vec<Target> {
        self.data.analytics.measure_targets[self.index]
            .iter()
            .map(|&t| Target(EntityRef::new(&self.data, t)))
            .collect()
    }
}

#[Object]
impl AnalyticsQuery {
    /// The policy-instrument code list (Rothwell and Zegveld's supply / environment / demand
    /// frame with its tools).
    async fn instrument_scheme(&self, ctx: &Context<'_>) -> InstrumentScheme {
        InstrumentScheme(dataset(ctx).clone())
    }

    /// Instrument codes, optionally of one document and of one type or tool (by id), in
    /// document order.
    async fn instrument_codes(
        &self,
        ctx: &Context<'_>,
        document: Option<ID>,
        #[graphql(desc = "A type id (supply, environment, demand) or a tool id.")]
        instrument: Option<String>,
    ) -> Result<Vec<InstrumentCode>> {
        let data = dataset(ctx);
        let model = &data.model;
        let document = document
            .map(|d| arguments::entity_of_kind(model, &d, EntityKind::Document.id()))
            .transpose()?;
        let filter = instrument
            .map(|id| arguments::instrument(model, &id))
            .transpose()?;
        let instruments = &model.instruments;
        Ok(instruments
            .codes
            .iter()
            .enumerate()
            .filter(|(_, c)| document.is_none_or(|d| c.document == d))
            .filter(|(_, c)| match filter {
                None => true,
                Some((Level::Type, t)) => instruments.tools[c.tool].type_index == t,
                Some((Level::Tool, t)) => {
                    c.tool == t || instruments.tools[c.tool].broader == Some(t)
                }
            })
            .map(|(i, _)| InstrumentCode::new(data, i))
            .collect())
    }

    /// Codes counted by document, region, year or acting agency, and by type or tool; each
    /// cell lists the codes behind it.
    async fn instrument_table(
        &self,
        ctx: &Context<'_>,
        by: InstrumentDimension,
        #[graphql(default_with = "InstrumentLevel::Type")] level: InstrumentLevel,
        #[graphql(desc = "Only the codes of this document.")] document: Option<ID>,
    ) -> Result<InstrumentTable> {
        let data = dataset(ctx);
        let model = &data.model;
        let document = document
            .map(|d| arguments::entity_of_kind(model, &d, EntityKind::Document.id()))
            .transpose()?;
        let dimension = match by {
            InstrumentDimension::Document => Dimension::Document,
            InstrumentDimension::Region => Dimension::Region,
            InstrumentDimension::Year => Dimension::Year,
            InstrumentDimension::Agency => Dimension::Agency,
        };
        let (table_level, concept): (Level, fn(&SharedDataset, usize) -> InstrumentConcept) =
            match level {
                InstrumentLevel::Type => (Level::Type, InstrumentConcept::of_type),
                InstrumentLevel::Tool => (Level::Tool, InstrumentConcept::tool),
            };
        let table = analytics::table(model, dimension, table_level, document);
        let rows: Vec<InstrumentRow> = table
            .rows
            .iter()
            .map(|row| {
                let (key, label, entity, year) = match row.key {
                    RowKey::Entity(e) => (
                        model.entities[e].id.clone(),
                        model.entities[e].name.clone(),
                        Some(Entity::of(data, e)),
                        None,
                    ),
                    RowKey::Year(y) => (y.to_string(), y.to_string(), None, Some(y)),
                    RowKey::Undated => ("undated".to_owned(), "undated".to_owned(), None, None),
                };
                let cells = table
                    .columns
                    .iter()
                    .zip(&row.cells)
                    .map(|(&column, codes)| InstrumentCell {
                        concept: concept(data, column),
                        count: codes.len(),
                        codes: codes
                            .iter()
                            .map(|&c| InstrumentCode::new(data, c))
                            .collect(),
                    })
                    .collect();
                InstrumentRow {
                    key,
                    label,
                    entity,
                    year,
                    total: row.total(),
                    cells,
                }
            })
            .collect();
        Ok(InstrumentTable {
            columns: table.columns.iter().map(|&c| concept(data, c)).collect(),
            total: rows.iter().map(|r| r.total).sum(),
            rows,
        })
    }

    /// The co-responsibility network of agencies: two bodies are linked when a task or
    /// section names both responsible, weighted by the number of such provisions. Computed
    /// once at start-up.
    async fn agency_network(
        &self,
        ctx: &Context<'_>,
        #[graphql(desc = "Only the provisions of this document.")] document: Option<ID>,
        #[graphql(
            default = true,
            desc = "Whether collective parties (各辖市、区政府, 各板块) are nodes."
        )]
        collective: bool,
    ) -> Result<AgencyNetwork> {
        let data = dataset(ctx);
        let document = document
            .map(|d| arguments::entity_of_kind(&data.model, &d, EntityKind::Document.id()))
            .transpose()?;
        Ok(AgencyNetwork {
            data: data.clone(),
            scope: NetworkScope {
                document,
                collective,
            },
        })
    }

    /// Every named entity more than one document names, with how each names it.
    async fn recurring_entities(&self, ctx: &Context<'_>) -> Vec<Recurrence> {
        let data = dataset(ctx);
        data.analytics
            .recurring
            .iter()
            .map(|r| Recurrence {
                entity: Entity::of(data, r.entity),
                appearances: r
                    .appearances
                    .iter()
                    .map(|a| Appearance {
                        document: Document(EntityRef::new(data, a.document)),
                        year: a.year,
                        forms: a.forms.clone(),
                        quotes: a.quotes,
                    })
                    .collect(),
            })
            .collect()
    }

    /// What a later document keeps, adds and drops of an earlier one: named entities,
    /// instrument tools and measures with targets.
    async fn compare_documents(
        &self,
        ctx: &Context<'_>,
        earlier: ID,
        later: ID,
    ) -> Result<DocumentComparison> {
        let data = dataset(ctx);
        let document = EntityKind::Document.id();
        let earlier = arguments::entity_of_kind(&data.model, &earlier, document)?;
        let later = arguments::entity_of_kind(&data.model, &later, document)?;
        let comparison = analytics::compare(&data.model, earlier, later);
        let entities = |list: &[EntityIndex]| list.iter().map(|&e| Entity::of(data, e)).collect();
        let targets = |list: &[EntityIndex]| {
            list.iter()
                .map(|&t| Target(EntityRef::new(data, t)))
                .collect()
        };
        Ok(DocumentComparison {
            earlier: Document(EntityRef::new(data, earlier)),
            later: Document(EntityRef::new(data, later)),
            kept: entities(&comparison.kept),
            added: entities(&comparison.added),
            dropped: entities(&comparison.dropped),
            tools: comparison
                .tools
                .iter()
                .map(|&(tool, a, b)| ToolChange {
                    tool: InstrumentConcept::tool(data, tool),
                    earlier: a,
                    later: b,
                })
                .collect(),
            measures: comparison
                .measures
                .iter()
                .map(|(m, a, b)| MeasureChange {
                    measure: Measure::new(data, *m),
                    earlier: targets(a),
                    later: targets(b),
                })
                .collect(),
        })
    }

    /// What targets measure, each with its targets across years and regions.
    async fn measures(&self, ctx: &Context<'_>) -> Vec<Measure> {
        let data = dataset(ctx);
        (0..data.model.measures.len())
            .map(|m| Measure::new(data, m))
            .collect()
    }

    /// A measure by id; an unknown id is null with a `NOT_FOUND` error.
    async fn measure(&self, ctx: &Context<'_>, id: ID) -> Option<Measure> {
        let data = dataset(ctx);
        let found = arguments::measure(&data.model, &id).map(|m| Measure::new(data, m));
        or_null(ctx, found)
    }
}
