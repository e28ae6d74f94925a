//! Counting what each client address holds (connections, running requests), so that one
//! client cannot take every slot.

use std::collections::HashMap;
use std::net::IpAddr;
use std::sync::{Arc, Mutex, MutexGuard};

/// Units held per client address. Cheap to clone; clones share the counts.
#[derive(Clone, Default)]
pub struct PerClient(Arc<Mutex<HashMap<IpAddr, usize>>>);

/// One unit held by one address, given back on drop.
pub struct Unit {
    counts: PerClient,
    address: IpAddr,
}

impl PerClient {
    /// Takes a unit for `address` if it holds fewer than `per_client` and all addresses
    /// together fewer than `total`.
    pub fn try_take(&self, address: IpAddr, per_client: usize, total: usize) -> Option<Unit> {
        let mut counts = self.lock();
        let mine = counts.get(&address).copied().unwrap_or(0);
        if mine >= per_client || counts.values().sum::<usize>() >= total {
            return None;
        }
        counts.insert(address, mine + 1);
        Some(Unit {
            counts: self.clone(),
            address,
        })
    }

    fn lock(&self) -> MutexGuard<'_, HashMap<IpAddr, usize>> {
        // The map stays consistent even if a holder panicked: every change is one statement.
        self.0
            .lock()
            .unwrap_or_else(|poisoned| poisoned.into_inner())
    }
}

impl Drop for Unit {
    fn drop(&mut self) {
        let mut counts = self.counts.lock();
        if let Some(count) = counts.get_mut(&self.address) {
            *count -= 1;
            if *count == 0 {
                counts.remove(&self.address);
            }
        }
    }
}
