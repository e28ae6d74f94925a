//! The documents and what they set out: tasks and quantitative targets.

use async_graphql::{Context, ID, Object, Result};

use crate::graphql::entity::{Document, EntityRef, Target, Task};
use crate::graphql::enums::EntityKind;
use crate::graphql::page::{Page, paginate};
use crate::graphql::{arguments, dataset};
use crate::model::{Details, EntityIndex, Model};
use crate::vocabulary::ids;

/// The entry points over documents, tasks and targets.
#[derive(Default)]
pub struct DocumentQuery;

#[Object]
impl DocumentQuery {
    /// The source documents.
    async fn documents(&self, ctx: &Context<'_>) -> Vec<Document> {
        let data = dataset(ctx);
        of_kind(&data.model, ids::DOCUMENT)
            .map(|i| Document(EntityRef::new(data, i)))
            .collect()
    }

    /// Tasks, optionally of one document and/or led by one agency, as a connection.
    async fn tasks(
        &self,
        ctx: &Context<'_>,
        document: Option<ID>,
        #[graphql(desc = "Only tasks this body leads (牵头单位 / 责任单位).")] agency: Option<ID>,
        first: Option<i32>,
        after: Option<String>,
    ) -> Result<Page<Task>> {
        let data = dataset(ctx);
        let model = &data.model;
        let document = document
            .map(|d| arguments::entity_of_kind(model, &d, EntityKind::Document.id()))
            .transpose()?;
        let agency = agency.map(|a| arguments::agency(model, &a)).transpose()?;
        let tasks: Vec<Task> = of_kind(model, ids::TASK)
            .filter(|&t| {
                document.is_none_or(
                    |d| matches!(&model.entities[t].details, Details::Task(p) if p.document == d),
                )
            })
            .filter(|&t| {
                agency.is_none_or(|a| {
                    model
                        .outgoing(t)
                        .any(|r| r.kind == ids::RESPONSIBLE_AGENCY && r.object == a)
                })
            })
            .map(|t| Task(EntityRef::new(data, t)))
            .collect();
        paginate(tasks, after, first, 50)
    }

    /// Quantitative targets, by region (including its parts), indicator text, year and
    /// document; sorted by region, indicator and year.
    async fn targets(
        &self,
        ctx: &Context<'_>,
        region: Option<ID>,
        #[graphql(desc = "Text the indicator contains (研发投入, 高新技术企业 …).")]
        indicator: Option<String>,
        year: Option<i32>,
        document: Option<ID>,
    ) -> Result<Vec<Target>> {
        let data = dataset(ctx);
        let model = &data.model;
        let region = region
            .map(|r| arguments::entity_of_kind(model, &r, EntityKind::Region.id()))
            .transpose()?;
        let document = document
            .map(|d| arguments::entity_of_kind(model, &d, EntityKind::Document.id()))
            .transpose()?;
        let mut found: Vec<EntityIndex> = of_kind(model, ids::TARGET)
            .filter(|&i| match &model.entities[i].details {
                Details::Target(t) => {
                    region.is_none_or(|r| data.graph.is_within(t.region, r))
                        && indicator
                            .as_ref()
                            .is_none_or(|s| t.indicator.contains(s.as_str()))
                        && year.is_none_or(|y| t.year == y)
                        && document.is_none_or(|d| t.document == d)
                }
                _ => false,
            })
            .collect();
        found.sort_by(|&a, &b| {
            let key = |i: EntityIndex| match &model.entities[i].details {
                Details::Target(t) => (
                    model.entities[t.region].id.clone(),
                    t.indicator.clone(),
                    t.year,
                ),
                _ => (String::new(), String::new(), 0),
            };
            key(a).cmp(&key(b))
        });
        Ok(found
            .into_iter()
            .map(|i| Target(EntityRef::new(data, i)))
            .collect())
    }
}

fn of_kind<'a>(model: &'a Model, kind: &'a str) -> impl Iterator<Item = EntityIndex> + 'a {
    model
        .entities
        .iter()
        .enumerate()
        .filter(move |(_, e)| e.kind == kind)
        .map(|(i, _)| i)
}
