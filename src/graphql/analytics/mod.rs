//! The policy analyses: their entry points (`AnalyticsQuery`, merged into the query root) and,
//! one family per file, the types they answer with: instrument coding and its tables, agency
//! networks with their centralities, and how documents recur and change.

mod agencies;
mod evolution;
mod instruments;

use async_graphql::{Context, ID, Object, Result};

pub use agencies::AgencyNetwork;
pub use evolution::{
    Appearance, DocumentComparison, Measure, MeasureChange, Recurrence, ToolChange,
};
pub use instruments::{
    InstrumentCell, InstrumentCode, InstrumentConcept, InstrumentDimension, InstrumentLevel,
    InstrumentRow, InstrumentScheme, InstrumentTable,
};

use super::entity::{Document, Entity, EntityRef, Target};
use super::enums::EntityKind;
use super::error::or_null;
use super::{arguments, dataset};
use crate::SharedDataset;
use crate::analytics::{self, Dimension, Level, NetworkScope, RowKey};
use crate::model::EntityIndex;

/// The analysis entry points, merged into the query root.
#[derive(Default)]
pub struct AnalyticsQuery;

#[Object]
impl AnalyticsQuery {
    /// The policy-instrument code list (Rothwell and Zegveld's supply / environment / demand
    /// frame with its tools).
    async fn instrument_scheme(&self, ctx: &Context<'_>) -> InstrumentScheme {
        InstrumentScheme::new(dataset(ctx))
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
        let scope = NetworkScope {
            document,
            collective,
        };
        Ok(AgencyNetwork::new(data, scope))
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
