//! The accept loop: HTTP/1 and HTTP/2 over one listener, with bounds on connections (in all
//! and per client address), a time limit for reading each request's headers (which also
//! closes idle keep-alive connections), and a shutdown that always completes: stop
//! accepting, give requests in flight a grace period, stop what still runs, return.

use std::future::Future;
use std::net::SocketAddr;
use std::sync::Arc;
use std::time::Duration;

use axum::Router;
use axum::extract::ConnectInfo;
use hyper::body::Incoming;
use hyper_util::rt::{TokioExecutor, TokioIo, TokioTimer};
use hyper_util::server::conn::auto::Builder;
use hyper_util::server::graceful::GracefulShutdown;
use hyper_util::service::TowerToHyperService;
use tokio::net::TcpListener;
use tower::ServiceExt;

use super::per_client::PerClient;

/// Bounds on connections and on shutdown.
#[derive(Debug, Clone, Copy)]
pub struct ConnectionLimits {
    /// Open connections at most, from all clients; more are closed on accept.
    pub max_connections: usize,
    /// Open connections at most from one client address.
    pub max_per_client: usize,
    /// Time a client has to send a request's headers, and to start the next request on a
    /// kept-alive connection.
    pub header_read_timeout: Duration,
    /// Time requests in flight get to finish after shutdown begins.
    pub grace: Duration,
}

impl Default for ConnectionLimits {
    fn default() -> Self {
        Self {
            max_connections: 512,
            max_per_client: 128,
            header_read_timeout: Duration::from_secs(10),
            grace: Duration::from_secs(5),
        }
    }
}

/// Serves `router` on `listener` until `shutdown` completes, then lets requests in flight
/// finish for the grace period, calls `stop_running` to stop what is still running (SPARQL
/// evaluations), and returns at most a second later.
pub async fn serve_router(
    listener: TcpListener,
    router: Router,
    limits: ConnectionLimits,
    shutdown: impl Future<Output = ()> + Send + 'static,
    stop_running: impl FnOnce(),
) -> std::io::Result<()> {
    let graceful = GracefulShutdown::new();
    let open = PerClient::default();
    let mut builder = Builder::new(TokioExecutor::new());
    builder
        .http1()
        .timer(TokioTimer::new())
        .header_read_timeout(limits.header_read_timeout)
        .keep_alive(true);
    builder
        .http2()
        .timer(TokioTimer::new())
        .keep_alive_interval(limits.header_read_timeout)
        .keep_alive_timeout(limits.header_read_timeout)
        .max_concurrent_streams(64);
    let builder = Arc::new(builder);
    tokio::pin!(shutdown);
    loop {
        let (stream, remote) = tokio::select! {
            accepted = listener.accept() => match accepted {
                Ok(accepted) => accepted,
                Err(error) => {
                    // Out of file descriptors or a connection reset before accept: wait a
                    // moment rather than spin, and keep serving.
                    tracing::warn!(%error, "accept failed");
                    tokio::time::sleep(Duration::from_millis(50)).await;
                    continue;
                }
            },
            () = &mut shutdown => break,
        };
        let Some(slot) = open.try_take(remote.ip(), limits.max_per_client, limits.max_connections)
        else {
            tracing::debug!(%remote, "connection refused: too many open connections");
            drop(stream);
            continue;
        };
        let service = router
            .clone()
            .map_request(move |request: axum::http::Request<Incoming>| {
                let mut request = request.map(axum::body::Body::new);
                request
                    .extensions_mut()
                    .insert(ConnectInfo::<SocketAddr>(remote));
                request
            });
        let connection = builder
            .serve_connection(TokioIo::new(stream), TowerToHyperService::new(service))
            .into_owned();
        let connection = graceful.watch(connection);
        tokio::spawn(async move {
            if let Err(error) = connection.await {
                tracing::debug!(%remote, %error, "connection ended with an error");
            }
            drop(slot);
        });
    }
    drop(listener);
    tracing::info!(
        grace_secs = limits.grace.as_secs_f64(),
        "no longer accepting connections"
    );
    if tokio::time::timeout(limits.grace, graceful.shutdown())
        .await
        .is_err()
    {
        tracing::warn!("requests still running after the grace period; stopping them");
        stop_running();
        // Stopped evaluations answer at their next liveness check; do not wait for more.
        tokio::time::sleep(Duration::from_millis(200)).await;
    }
    Ok(())
}
