//! The document and its parts: sections, tasks and the quantitative targets they set.

use super::fields::entity_type;
use super::{Entity, EntityRef};
use crate::graphql::analytics::{InstrumentCode, Measure};
use crate::graphql::citation::{Citation, citation};
use crate::graphql::enums::Script;
use crate::model::{Details, EntityIndex};
use crate::vocabulary::ids;

entity_type! {
    /// A policy document the graph is drawn from.
    Document {
        /// Date of issue (YYYY-MM-DD), when printed.
        async fn date(&self) -> Option<String> {
            self.details().and_then(|d| d.date.clone())
        }
        /// Date of publication (YYYY-MM-DD), when printed.
        async fn published(&self) -> Option<String> {
            self.details().and_then(|d| d.published.clone())
        }
        /// Document number (文号), when printed.
        async fn number(&self) -> Option<String> {
            self.details().and_then(|d| d.number.clone())
        }
        /// Script of the source text.
        async fn script(&self) -> Option<Script> {
            self.details().map(|d| d.script.into())
        }
        /// The region the document governs.
        async fn region(&self) -> Option<Entity> {
            self.details().map(|d| self.0.other(d.region))
        }
        /// The body that issued it.
        async fn issuer(&self) -> Option<Entity> {
            self.0.related(&[ids::ISSUED_BY], true, &[]).into_iter().next()
        }
        /// Its sections, in order.
        async fn sections(&self) -> Vec<Section> {
            self.parts(ids::SECTION).into_iter().map(|i| Section(EntityRef::new(&self.0.data, i))).collect()
        }
        /// Its numbered tasks, in order.
        async fn tasks(&self) -> Vec<Task> {
            self.parts(ids::TASK).into_iter().map(|i| Task(EntityRef::new(&self.0.data, i))).collect()
        }
        /// The quantitative targets it sets.
        async fn targets(&self) -> Vec<Target> {
            let model = &self.0.data.model;
            model
                .entities
                .iter()
                .enumerate()
                .filter(|(_, e)| matches!(&e.details, Details::Target(t) if t.document == self.0.index))
                .map(|(i, _)| Target(EntityRef::new(&self.0.data, i)))
                .collect()
        }
        /// How to cite the document (GB/T 7714 and BibTeX).
        async fn citation(&self) -> Option<Citation> {
            citation(&self.0.data, self.0.index)
        }
        /// The full source text, as crawled. Evidence offsets point into it.
        async fn text(&self) -> Option<String> {
            self.0.data.model.sources.get(&self.0.index).map(|s| s.text().to_owned())
        }
    }
}

impl Document {
    fn details(&self) -> Option<&crate::model::DocumentDetails> {
        match &self.0.model().details {
            Details::Document(d) => Some(d),
            _ => None,
        }
    }

    /// The indexes of its sections or tasks, in order.
    fn parts(&self, kind: &str) -> Vec<EntityIndex> {
        let model = &self.0.data.model;
        model
            .entities
            .iter()
            .enumerate()
            .filter(|(_, e)| {
                e.kind == kind
                    && matches!(&e.details, Details::Task(p) | Details::Section(p) if p.document == self.0.index)
            })
            .map(|(i, _)| i)
            .collect()
    }
}

fn instrument_codes(entity: &EntityRef) -> Vec<InstrumentCode> {
    let codes = &entity.data.model.instruments.codes;
    (0..codes.len())
        .filter(|&c| codes[c].provision == entity.index)
        .map(|c| InstrumentCode::new(&entity.data, c))
        .collect()
}

fn provision(entity: &EntityRef) -> Option<&crate::model::ProvisionDetails> {
    match &entity.model().details {
        Details::Task(p) | Details::Section(p) => Some(p),
        _ => None,
    }
}

entity_type! {
    /// A numbered part of a document that groups tasks.
    Section {
        /// Its number as printed (二, (三) …).
        async fn number(&self) -> Option<String> {
            provision(&self.0).map(|p| p.number.clone())
        }
        /// The document.
        async fn document(&self) -> Option<Entity> {
            provision(&self.0).map(|p| self.0.other(p.document))
        }
        /// The enclosing section, if any.
        async fn parent(&self) -> Option<Entity> {
            provision(&self.0).and_then(|p| p.parent).map(|i| self.0.other(i))
        }
        /// The tasks and sections directly inside it.
        async fn parts(&self) -> Vec<Entity> {
            self.0.related(&[ids::PART_OF_DOCUMENT], false, &[])
        }
        /// The policy instruments curators coded this provision with, each with its cue and
        /// quote.
        async fn instruments(&self) -> Vec<InstrumentCode> {
            instrument_codes(&self.0)
        }
        /// How to cite this provision (GB/T 7714 and BibTeX).
        async fn citation(&self) -> Option<Citation> {
            citation(&self.0.data, self.0.index)
        }
        /// Why a section with neither subsections nor tasks carries no instrument code.
        async fn uncoded_reason(&self) -> Option<String> {
            let instruments = &self.0.data.model.instruments;
            instruments.uncoded.iter().find(|u| u.provision == self.0.index).map(|u| u.reason.clone())
        }
    }
}

entity_type! {
    /// A numbered task (provision) of a document.
    Task {
        /// Its number as printed.
        async fn number(&self) -> Option<String> {
            provision(&self.0).map(|p| p.number.clone())
        }
        /// The document.
        async fn document(&self) -> Option<Entity> {
            provision(&self.0).map(|p| self.0.other(p.document))
        }
        /// The section it is in, if any.
        async fn section(&self) -> Option<Entity> {
            provision(&self.0).and_then(|p| p.parent).map(|i| self.0.other(i))
        }
        /// The bodies named as lead or responsible units (牵头单位 / 责任单位).
        async fn responsible_agencies(&self) -> Vec<Entity> {
            self.0.related(&[ids::RESPONSIBLE_AGENCY], true, &[])
        }
        /// The quantitative targets set in this task.
        async fn targets(&self) -> Vec<Target> {
            let model = &self.0.data.model;
            model
                .incoming(self.0.index)
                .filter(|r| r.kind == ids::TARGET_OF)
                .map(|r| Target(EntityRef::new(&self.0.data, r.subject)))
                .collect()
        }
        /// The entities the task names.
        async fn mentions(&self) -> Vec<Entity> {
            let vocabulary = &self.0.data.model.vocabulary;
            self.0.related(&vocabulary.with_sub_properties(ids::MENTIONS), true, &[])
        }
        /// The policy instruments curators coded this provision with, each with its cue and
        /// quote.
        async fn instruments(&self) -> Vec<InstrumentCode> {
            instrument_codes(&self.0)
        }
        /// How to cite this provision (GB/T 7714 and BibTeX).
        async fn citation(&self) -> Option<Citation> {
            citation(&self.0.data, self.0.index)
        }
    }
}

fn target(entity: &EntityRef) -> Option<&crate::model::TargetDetails> {
    match &entity.model().details {
        Details::Target(t) => Some(t),
        _ => None,
    }
}

entity_type! {
    /// A quantitative target: a value for an indicator, a year and a region.
    Target {
        /// What is measured, as written.
        async fn indicator(&self) -> String {
            target(&self.0).map(|t| t.indicator.clone()).unwrap_or_default()
        }
        /// What is measured, in English, when given.
        async fn indicator_en(&self) -> Option<String> {
            target(&self.0).and_then(|t| t.indicator_en.clone())
        }
        /// The number.
        async fn value(&self) -> f64 {
            target(&self.0).map_or(0.0, |t| t.value)
        }
        /// Unit as written (%, 家, 亿元 …).
        async fn unit(&self) -> String {
            target(&self.0).map(|t| t.unit.clone()).unwrap_or_default()
        }
        /// Year by which it is to be reached.
        async fn year(&self) -> i32 {
            target(&self.0).map_or(0, |t| t.year)
        }
        /// Region it applies to.
        async fn region(&self) -> Option<Entity> {
            target(&self.0).map(|t| self.0.other(t.region))
        }
        /// Document that sets it.
        async fn document(&self) -> Option<Entity> {
            target(&self.0).map(|t| self.0.other(t.document))
        }
        /// Task or section that sets it, when known.
        async fn task(&self) -> Option<Entity> {
            self.0.related(&[ids::TARGET_OF], true, &[ids::TASK, ids::SECTION]).into_iter().next()
        }
        /// What the indicator measures, shared with the targets of other documents that count
        /// the same quantity.
        async fn measure(&self) -> Option<Measure> {
            target(&self.0).map(|t| Measure::new(&self.0.data, t.measure))
        }
        /// Qualifiers the number alone does not carry (以上, 左右 …), when noted.
        async fn note(&self) -> Option<String> {
            self.0.model().note.clone()
        }
    }
}
