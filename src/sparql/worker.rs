//! Runs one query's parsing, optimisation and evaluation on a thread of its own, with a stack
//! deep enough for the bounds of [`super::bounds`] and away from the async workers.

use std::panic::{AssertUnwindSafe, catch_unwind};

use super::control::Stopped;
use crate::memory::{peak_on_this_thread, return_free_memory};

/// A query that held more than this gives the freed memory back to the system when it ends.
const TRIM_AFTER_BYTES: usize = 64 * 1024 * 1024;

/// Stack of an evaluation thread. Pages are committed only when touched, so a large reserve
/// costs address space, not memory.
pub const STACK_BYTES: usize = 256 * 1024 * 1024;

/// How a run on the evaluation thread ended, if not with a value.
#[derive(Debug)]
pub enum RunError {
    /// A liveness check stopped it.
    Stopped,
    /// It panicked (a bug, already reported by the panic hook).
    Panicked,
    /// No thread could be started (the machine is out of threads or memory).
    Spawn(std::io::Error),
}

/// Runs `work` on a new evaluation thread and waits for it without blocking the runtime.
pub async fn run<T: Send + 'static>(
    work: impl FnOnce() -> T + Send + 'static,
) -> Result<T, RunError> {
    let (sender, receiver) = tokio::sync::oneshot::channel();
    std::thread::Builder::new()
        .name("sparql-query".into())
        .stack_size(STACK_BYTES)
        .spawn(move || {
            let outcome = catch_unwind(AssertUnwindSafe(work)).map_err(|payload| {
                if payload.is::<Stopped>() {
                    RunError::Stopped
                } else {
                    RunError::Panicked
                }
            });
            if peak_on_this_thread() > TRIM_AFTER_BYTES {
                return_free_memory();
            }
            // The receiver is gone only if the request was dropped; nobody wants the answer.
            let _ = sender.send(outcome);
        })
        .map_err(RunError::Spawn)?;
    receiver.await.unwrap_or(Err(RunError::Panicked))
}
