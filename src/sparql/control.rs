//! Stopping one query: why it stops, the token oxigraph checks when it reads the store, and
//! the liveness check that the guards of [`super::guard`] call on every intermediate
//! solution.

use std::sync::Arc;
use std::sync::atomic::{AtomicU8, Ordering};

use oxigraph::model::{Literal, Term};
use oxigraph::sparql::CancellationToken;

use crate::memory::allocated_on_this_thread;

/// Why a query was stopped before it finished.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum StopReason {
    /// It ran past the time limit.
    Timeout,
    /// It allocated more than its memory budget.
    Memory,
    /// The client went away before the answer was ready.
    Disconnected,
    /// The server is shutting down.
    Shutdown,
}

impl StopReason {
    fn code(self) -> u8 {
        match self {
            Self::Timeout => 1,
            Self::Memory => 2,
            Self::Disconnected => 3,
            Self::Shutdown => 4,
        }
    }

    fn from_code(code: u8) -> Option<Self> {
        [
            Self::Timeout,
            Self::Memory,
            Self::Disconnected,
            Self::Shutdown,
        ]
        .into_iter()
        .find(|reason| reason.code() == code)
    }
}

/// The panic payload with which a liveness check unwinds the evaluation thread. It is raised
/// with `resume_unwind`, so no panic hook runs and nothing is logged as a crash.
#[derive(Debug)]
pub struct Stopped;

/// The stop switch of one query, shared by the evaluation thread and the request.
#[derive(Clone)]
pub struct QueryControl {
    token: CancellationToken,
    reason: Arc<AtomicU8>,
    memory_budget: usize,
}

impl QueryControl {
    /// A switch for a query that may hold `memory_budget` bytes.
    pub fn new(memory_budget: usize) -> Self {
        Self {
            token: CancellationToken::new(),
            reason: Arc::new(AtomicU8::new(0)),
            memory_budget,
        }
    }

    /// Stops the query; the first reason given is the one reported.
    pub fn stop(&self, reason: StopReason) {
        let _ = self
            .reason
            .compare_exchange(0, reason.code(), Ordering::SeqCst, Ordering::SeqCst);
        self.token.cancel();
    }

    /// Why the query was stopped, if it was.
    pub fn stopped(&self) -> Option<StopReason> {
        StopReason::from_code(self.reason.load(Ordering::SeqCst))
    }

    /// The token oxigraph checks on every read of the store.
    pub fn token(&self) -> CancellationToken {
        self.token.clone()
    }

    /// The liveness check, to be registered as the custom function the guards call. It
    /// returns true while the query may go on and otherwise unwinds the evaluation thread
    /// with [`Stopped`]; it must only be called on that thread.
    pub fn check_function(&self) -> impl Fn(&[Term]) -> Option<Term> + Send + Sync + 'static {
        let control = self.clone();
        move |_| {
            if allocated_on_this_thread() > control.memory_budget {
                control.stop(StopReason::Memory);
            }
            if control.token.is_cancelled() {
                std::panic::resume_unwind(Box::new(Stopped));
            }
            Some(Literal::from(true).into())
        }
    }
}
