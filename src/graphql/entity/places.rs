//! Places: regions, countries, and the parks and zones inside regions.

use super::Entity;
use super::fields::entity_type;

entity_type! {
    /// A province, city, county-level city, district, new area or town.
    Region {
        /// Regions it is part of.
        async fn broader(&self) -> Vec<Entity> {
            self.0.related(&["partOf", "locatedIn"], true, &["Region"])
        }
        /// Regions that are part of it.
        async fn subregions(&self) -> Vec<Entity> {
            self.0.related(&["partOf", "locatedIn"], false, &["Region"])
        }
        /// Parks and zones located in it (directly).
        async fn parks(&self) -> Vec<Entity> {
            self.0.related(&["locatedIn", "partOf"], false, &["Park"])
        }
        /// Everything located in it directly, of any kind but regions.
        async fn located_here(&self) -> Vec<Entity> {
            self.0
                .related(&["locatedIn"], false, &[])
                .into_iter()
                .filter(|e| !matches!(e, Entity::Region(_)))
                .collect()
        }
        /// Quantitative targets set for it.
        async fn targets(&self) -> Vec<Entity> {
            self.0.related(&["targetRegion"], false, &[])
        }
        /// Industries it focuses on.
        async fn industries(&self) -> Vec<Entity> {
            self.0.related(&["focusesOn", "supports"], true, &["Industry"])
        }
    }
}

entity_type! {
    /// A country named as a partner of cooperation.
    Country {
        /// Parks, regions and programmes that cooperate with it.
        async fn partners(&self) -> Vec<Entity> {
            self.0.related(&["partnerCountry", "cooperatesWith"], false, &[])
        }
    }
}

entity_type! {
    /// A science park, high-tech zone, demonstration zone, innovation core area or other area.
    Park {
        /// Industries it focuses on.
        async fn industries(&self) -> Vec<Entity> {
            self.0.related(&["focusesOn", "supports"], true, &["Industry"])
        }
        /// Institutes, platforms, incubators and others located in or hosted by it.
        async fn hosts(&self) -> Vec<Entity> {
            let mut hosted = self.0.related(&["hostedIn", "locatedIn"], false, &[]);
            hosted.retain(|e| !matches!(e, Entity::Region(_)));
            hosted
        }
        /// Parks and areas that are part of it.
        async fn parts(&self) -> Vec<Entity> {
            self.0.related(&["partOf"], false, &["Park"])
        }
        /// Parks it is part of.
        async fn part_of(&self) -> Vec<Entity> {
            self.0.related(&["partOf"], true, &["Park"])
        }
        /// Countries it cooperates with.
        async fn partner_countries(&self) -> Vec<Entity> {
            self.0.related(&["partnerCountry"], true, &[])
        }
        /// Bodies that manage it.
        async fn managed_by(&self) -> Vec<Entity> {
            self.0.related(&["manages"], false, &[])
        }
    }
}
