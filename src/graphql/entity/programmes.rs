//! Instruments of policy (funds, financial products, programmes, policies) and events.

use super::Entity;
use super::fields::entity_type;
use crate::vocabulary::ids;

/// Declares a programme-like kind: something promoted, managed and supporting.
macro_rules! instrument_type {
    ($(#[$meta:meta])* $name:ident) => {
        entity_type! {
            $(#[$meta])*
            $name {
                /// Bodies and documents that promote or implement it.
                async fn promoted_by(&self) -> Vec<Entity> {
                    self.0.related(&[ids::PROMOTES, ids::IMPLEMENTS], false, &[])
                }
                /// Bodies that manage it.
                async fn managed_by(&self) -> Vec<Entity> {
                    self.0.related(&[ids::MANAGES], false, &[])
                }
                /// What it supports (entities or industries).
                async fn supports(&self) -> Vec<Entity> {
                    self.0.related(&[ids::SUPPORTS], true, &[])
                }
                /// What it is part of.
                async fn part_of(&self) -> Vec<Entity> {
                    self.0.related(&[ids::PART_OF], true, &[])
                }
            }
        }
    };
}

instrument_type!(
    /// An investment fund, guidance fund or special fund.
    Fund
);
instrument_type!(
    /// A loan, credit, insurance or other financial product.
    FinancialProduct
);
instrument_type!(
    /// A talent plan, action, project or other named programme.
    Programme
);
instrument_type!(
    /// A policy, regulation, plan or opinion referred to by name.
    Policy
);

entity_type! {
    /// A fair, exhibition, competition, forum, week or other named event.
    Event {
        /// Where it is held.
        async fn held_in(&self) -> Vec<Entity> {
            self.0.related(&[ids::HELD_IN], true, &[])
        }
        /// Who organises it.
        async fn organizers(&self) -> Vec<Entity> {
            self.0.related(&[ids::ORGANIZES], false, &[])
        }
    }
}
