//! Admission of heavy requests: at most so many run at once, and at most so many per client,
//! so that one client's expensive queries cannot starve everyone's light ones. A request over
//! either bound waits a moment for a slot, then gets `429 Too Many Requests`.

use std::net::IpAddr;
use std::sync::Arc;
use std::time::Duration;

use tokio::sync::{OwnedSemaphorePermit, Semaphore};

use super::per_client::{PerClient, Unit};
/// How many heavy requests of one kind may run.
#[derive(Debug, Clone, Copy)]
pub struct AdmissionLimits {
    /// At once, from all clients.
    pub concurrent: usize,
    /// At once, from one client address.
    pub per_client: usize,
    /// How long a request waits for a free slot before it is turned away.
    pub queue_wait: Duration,
}

/// A gate for one kind of heavy request. Cheap to clone.
#[derive(Clone)]
pub struct Admission {
    limits: AdmissionLimits,
    slots: Arc<Semaphore>,
    clients: PerClient,
}

/// Why a request was not admitted, with how long the client should wait before retrying.
#[derive(Debug, Clone, Copy)]
pub struct Busy {
    /// Seconds to put in `Retry-After`.
    pub retry_after_secs: u64,
    /// Whether this client's own share was the bound (rather than the server's).
    pub per_client: bool,
}

/// A running request's slot; dropping it frees the slot and the client's share.
pub struct Ticket {
    _slot: OwnedSemaphorePermit,
    _share: Option<Unit>,
}

impl Admission {
    /// A gate with these limits.
    pub fn new(limits: AdmissionLimits) -> Self {
        Self {
            limits,
            slots: Arc::new(Semaphore::new(limits.concurrent.max(1))),
            clients: PerClient::default(),
        }
    }

    /// Waits up to the queue time for a slot for a request from `client` (unknown when the
    /// server runs without connection information, as in tests of the router alone).
    pub async fn admit(&self, client: Option<IpAddr>) -> Result<Ticket, Busy> {
        let busy = |per_client| Busy {
            retry_after_secs: 1,
            per_client,
        };
        let share = match client {
            Some(address) => Some(
                self.clients
                    .try_take(address, self.limits.per_client.max(1), usize::MAX)
                    .ok_or(busy(true))?,
            ),
            None => None,
        };
        let slot = tokio::time::timeout(self.limits.queue_wait, self.slots.clone().acquire_owned());
        match slot.await {
            Ok(Ok(slot)) => Ok(Ticket {
                _slot: slot,
                _share: share,
            }),
            // `share` is dropped here, giving the client's unit back.
            _ => Err(busy(false)),
        }
    }
}

/// The client's address, when the server runs with connection information (always in
/// [`super::serve`]; not when the router is called directly, as tests do).
#[derive(Debug, Clone, Copy)]
pub struct ClientAddress(pub Option<IpAddr>);

impl<S: Send + Sync> axum::extract::FromRequestParts<S> for ClientAddress {
    type Rejection = std::convert::Infallible;

    async fn from_request_parts(
        parts: &mut axum::http::request::Parts,
        _state: &S,
    ) -> Result<Self, Self::Rejection> {
        Ok(Self(
            parts
                .extensions
                .get::<axum::extract::ConnectInfo<std::net::SocketAddr>>()
                .map(|info| info.0.ip()),
        ))
    }
}
