//! Places: regions, countries, and the parks and zones inside regions.

use super::Entity;
use super::fields::entity_type;
use crate::vocabulary::ids;

entity_type! {
    /// A province, city, county-level city, district, new area or town.
    Region {
        /// Regions it is part of.
        async fn broader(&self) -> Vec<Entity> {
            self.0.related(&self.0.data.model.vocabulary.containment_kinds(), true, &[ids::REGION])
        }
        /// Regions that are part of it.
        async fn subregions(&self) -> Vec<Entity> {
            self.0.related(&self.0.data.model.vocabulary.containment_kinds(), false, &[ids::REGION])
        }
        /// Parks and zones located in it (directly).
        async fn parks(&self) -> Vec<Entity> {
            self.0.related(&self.0.data.model.vocabulary.containment_kinds(), false, &[ids::PARK])
        }
        /// Everything located in it directly, of any kind but regions.
        async fn located_here(&self) -> Vec<Entity> {
            self.0
                .related(&[ids::LOCATED_IN], false, &[])
                .into_iter()
                .filter(|e| !matches!(e, Entity::Region(_)))
                .collect()
        }
        /// Quantitative targets set for it.
        async fn targets(&self) -> Vec<Entity> {
            self.0.related(&[ids::TARGET_REGION], false, &[])
        }
        /// Industries it focuses on.
        async fn industries(&self) -> Vec<Entity> {
            self.0.related(&[ids::FOCUSES_ON, ids::SUPPORTS], true, &[ids::INDUSTRY])
        }
    }
}

entity_type! {
    /// A country named as a partner of cooperation.
    Country {
        /// Parks, regions and programmes that cooperate with it.
        async fn partners(&self) -> Vec<Entity> {
            self.0.related(&[ids::PARTNER_COUNTRY, ids::COOPERATES_WITH], false, &[])
        }
    }
}

entity_type! {
    /// A science park, high-tech zone, demonstration zone, innovation core area or other area.
    Park {
        /// Industries it focuses on.
        async fn industries(&self) -> Vec<Entity> {
            self.0.related(&[ids::FOCUSES_ON, ids::SUPPORTS], true, &[ids::INDUSTRY])
        }
        /// Institutes, platforms, incubators and others located in or hosted by it.
        async fn hosts(&self) -> Vec<Entity> {
            let mut hosted = self.0.related(&[ids::HOSTED_IN, ids::LOCATED_IN], false, &[]);
            hosted.retain(|e| !matches!(e, Entity::Region(_)));
            hosted
        }
        /// Parks and areas that are part of it.
        async fn parts(&self) -> Vec<Entity> {
            self.0.related(&[ids::PART_OF], false, &[ids::PARK])
        }
        /// Parks it is part of.
        async fn part_of(&self) -> Vec<Entity> {
            self.0.related(&[ids::PART_OF], true, &[ids::PARK])
        }
        /// Countries it cooperates with.
        async fn partner_countries(&self) -> Vec<Entity> {
            self.0.related(&[ids::PARTNER_COUNTRY], true, &[])
        }
        /// Bodies that manage it.
        async fn managed_by(&self) -> Vec<Entity> {
            self.0.related(&[ids::MANAGES], false, &[])
        }
    }
}
