//! How to cite a document or provision: the `citation` fields of documents, sections, tasks
//! and evidence.

use async_graphql::SimpleObject;

use crate::SharedDataset;
use crate::model::EntityIndex;

/// A reference to a document or provision in GB/T 7714-2015 and BibTeX.
#[derive(SimpleObject)]
pub struct Citation {
    /// GB/T 7714-2015 (type `[Z]`; a provision is cited where the standard puts pages).
    pub gbt7714: String,
    /// A BibTeX `@misc` entry.
    pub bibtex: String,
}

/// The citation of a document or provision, for the `citation` fields.
pub(crate) fn citation(data: &SharedDataset, entity: EntityIndex) -> Option<Citation> {
    let iri = data.iris.entity(&data.model.entities[entity].id);
    crate::cite::cite(&data.model, entity, iri.as_str()).map(|c| Citation {
        gbt7714: c.gbt7714,
        bibtex: c.bibtex,
    })
}
