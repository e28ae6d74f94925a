//! Organisations: the kinds that share the organisation fields (institutes, laboratories,
//! enterprises …), and government bodies.

use super::Entity;
use super::fields::entity_type;
use crate::graphql::enums::Direction;
use crate::graphql::relation::Relation;
use crate::vocabulary::ids;

/// Declares an organisation-like kind with the usual organisation fields.
macro_rules! organisation_type {
    ($(#[$meta:meta])* $name:ident) => {
        entity_type! {
            $(#[$meta])*
            $name {
                /// Industries it works on.
                async fn industries(&self) -> Vec<Entity> {
                    self.0.related(&[ids::FOCUSES_ON, ids::SUPPORTS], true, &[ids::INDUSTRY])
                }
                /// Where it is hosted (a park, a university, an enterprise).
                async fn hosted_in(&self) -> Vec<Entity> {
                    self.0.related(&[ids::HOSTED_IN], true, &[])
                }
                /// Whom it is built or run with.
                async fn built_with(&self) -> Vec<Entity> {
                    let mut partners = self.0.related(&[ids::BUILT_WITH], true, &[]);
                    partners.extend(self.0.related(&[ids::BUILT_WITH], false, &[]));
                    partners
                }
                /// Whom it cooperates with.
                async fn cooperates_with(&self) -> Vec<Entity> {
                    let mut partners = self.0.related(&[ids::COOPERATES_WITH], true, &[]);
                    partners.extend(self.0.related(&[ids::COOPERATES_WITH], false, &[]));
                    partners
                }
                /// What it is part or a member of.
                async fn part_of(&self) -> Vec<Entity> {
                    self.0.related(&[ids::PART_OF, ids::MEMBER_OF], true, &[])
                }
                /// Its parts and members.
                async fn parts(&self) -> Vec<Entity> {
                    self.0.related(&[ids::PART_OF, ids::MEMBER_OF], false, &[])
                }
            }
        }
    };
}

organisation_type!(
    /// A research institute, new-type R&D institution or technology research centre.
    ResearchInstitute
);
organisation_type!(
    /// A laboratory, key laboratory or major science facility.
    Laboratory
);
organisation_type!(
    /// A manufacturing or technology innovation centre.
    InnovationCenter
);
organisation_type!(
    /// A public service platform, technology market, exchange or network.
    Platform
);
organisation_type!(
    /// An incubator, accelerator, maker space or maker community.
    Incubator
);
organisation_type!(
    /// A company, group or bank.
    Enterprise
);
organisation_type!(
    /// A university, college or academy of sciences.
    University
);
organisation_type!(
    /// An industry, innovation or technology alliance or association.
    Alliance
);
organisation_type!(
    /// A named organisation of no more specific kind.
    Organization
);

entity_type! {
    /// A government, department, bureau, management committee, leading group or council.
    GovernmentBody {
        /// Tasks it leads (named as 牵头单位 / 责任单位).
        async fn tasks_led(&self) -> Vec<Entity> {
            self.0.related(&[ids::RESPONSIBLE_AGENCY], false, &[])
        }
        /// What it promotes, manages, organises or implements.
        async fn activities(&self) -> Vec<Relation> {
            let model = &self.0.data.model;
            model
                .outgoing_indexes(self.0.index)
                .iter()
                .filter(|&&r| [ids::PROMOTES, ids::MANAGES, ids::ORGANIZES, ids::IMPLEMENTS, ids::SUPPORTS].contains(&model.relations[r].kind.as_str()))
                .map(|&r| Relation::new(&self.0.data, r, Direction::Outgoing))
                .collect()
        }
        /// The bodies it is part of.
        async fn part_of(&self) -> Vec<Entity> {
            self.0.related(&[ids::PART_OF], true, &[])
        }
        /// Its subordinate bodies.
        async fn parts(&self) -> Vec<Entity> {
            self.0.related(&[ids::PART_OF], false, &[])
        }
    }
}
