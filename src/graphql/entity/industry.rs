//! Industries: the concepts of the industry hierarchy and who supports them.

use async_graphql::{ID, Result};

use super::Entity;
use super::fields::entity_type;
use crate::graphql::enums::EntityKind;
use crate::graphql::graph::{Supporter, supporters};

entity_type! {
    /// An industry, industry chain, cluster or technology field (a SKOS concept).
    Industry {
        /// Broader concepts (石墨烯 → 碳材料).
        async fn broader(&self) -> Vec<Entity> {
            self.0.related(&self.0.data.model.vocabulary.hierarchy_kinds(), true, &[])
        }
        /// Narrower concepts (碳材料 → 石墨烯).
        async fn narrower(&self) -> Vec<Entity> {
            self.0.related(&self.0.data.model.vocabulary.hierarchy_kinds(), false, &[])
        }
        /// Who supports or focuses on this industry, or any narrower one when
        /// `includeNarrower`, optionally only within a region and of some kinds.
        async fn supporters(
            &self,
            #[graphql(default = true)] include_narrower: bool,
            region: Option<ID>,
            kinds: Option<Vec<EntityKind>>,
            #[graphql(default = 100)] first: i32,
        ) -> Result<Vec<Supporter>> {
            supporters(&self.0.data, self.0.index, include_narrower, region, kinds, first)
        }
    }
}
