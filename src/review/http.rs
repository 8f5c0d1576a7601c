//! The review page's HTTP layer: routes, and the rules every request passes first.
//!
//! A server on a person's machine is an attack surface, so: it listens on loopback only; it
//! answers only requests whose `Host` is the address it printed (a page on another site that
//! rebinds its name to 127.0.0.1 gets nothing); every `/api/` request carries the per-session
//! key (a page on another site cannot read it, so it cannot change anything: no cross-site
//! request forgery); bodies are bounded; and it serves nothing from disk but what the
//! workspace read.

use std::net::SocketAddr;
use std::sync::{Arc, Mutex};

use axum::body::Bytes;
use axum::extract::{DefaultBodyLimit, Query, Request, State};
use axum::http::{header, HeaderMap, StatusCode};
use axum::middleware::{self, Next};
use axum::response::{Html, IntoResponse, Response};
use axum::routing::{get, post};
use axum::{Json, Router};
use serde::Deserialize;

use super::workspace::{Workspace, WorkspaceError};

/// Largest JSON body accepted (a correction with its reason and text).
pub const MAX_JSON_BODY: usize = 64 * 1024;
/// Largest file accepted by a drop on the page (as one input of `run`).
pub const MAX_UPLOAD: usize = 64 * 1024 * 1024;
/// Header carrying the session key on every `/api/` request.
pub const KEY_HEADER: &str = "x-replytally-key";

const PAGE: &str = include_str!("page.html");

pub(crate) struct Shared {
    /// `127.0.0.1:PORT`, exactly as printed.
    pub authority: String,
    pub key: String,
    pub workspace: Mutex<Workspace>,
}

pub(crate) fn router(shared: Arc<Shared>) -> Router {
    let api = Router::new()
        .route("/api/state", get(state))
        .route(
            "/api/correct",
            post(correct).layer(DefaultBodyLimit::max(MAX_JSON_BODY)),
        )
        .route(
            "/api/reload",
            post(reload).layer(DefaultBodyLimit::max(MAX_JSON_BODY)),
        )
        .route(
            "/api/upload",
            post(upload).layer(DefaultBodyLimit::max(MAX_UPLOAD)),
        )
        .layer(middleware::from_fn_with_state(shared.clone(), require_key));
    Router::new()
        .route("/", get(page))
        .merge(api)
        .fallback(|| async { (StatusCode::NOT_FOUND, "not found") })
        .layer(middleware::from_fn_with_state(shared.clone(), require_host))
        .with_state(shared)
}

/// Only the printed address: defeats DNS rebinding, where another site's name resolves here.
async fn require_host(State(s): State<Arc<Shared>>, req: Request, next: Next) -> Response {
    let host = req
        .headers()
        .get(header::HOST)
        .and_then(|h| h.to_str().ok());
    if host != Some(s.authority.as_str()) {
        return (
            StatusCode::MISDIRECTED_REQUEST,
            format!("this server answers only at http://{}/", s.authority),
        )
            .into_response();
    }
    if let Some(origin) = req.headers().get(header::ORIGIN) {
        if origin.to_str().ok() != Some(format!("http://{}", s.authority).as_str()) {
            return (
                StatusCode::FORBIDDEN,
                "requests from other sites are refused",
            )
                .into_response();
        }
    }
    next.run(req).await
}

async fn require_key(State(s): State<Arc<Shared>>, req: Request, next: Next) -> Response {
    let given = req.headers().get(KEY_HEADER).map(|v| v.as_bytes());
    if !given.is_some_and(|g| same_secret(g, s.key.as_bytes())) {
        return (
            StatusCode::FORBIDDEN,
            "missing or wrong session key: open the address the review command printed",
        )
            .into_response();
    }
    next.run(req).await
}

/// Compares in time independent of where the first difference is.
fn same_secret(a: &[u8], b: &[u8]) -> bool {
    a.len() == b.len() && a.iter().zip(b).fold(0u8, |acc, (x, y)| acc | (x ^ y)) == 0
}

#[derive(Deserialize)]
struct PageQuery {
    key: Option<String>,
}

async fn page(State(s): State<Arc<Shared>>, Query(q): Query<PageQuery>) -> Response {
    if !q
        .key
        .is_some_and(|k| same_secret(k.as_bytes(), s.key.as_bytes()))
    {
        return (
            StatusCode::FORBIDDEN,
            Html("<!doctype html><title>replytally</title><p>Open the address printed by <code>replytally review</code>: it carries this session's key.</p>"),
        )
            .into_response();
    }
    let mut r = Html(PAGE).into_response();
    let h = r.headers_mut();
    // The page loads nothing from anywhere, and may not be framed by another site.
    h.insert(
        header::CONTENT_SECURITY_POLICY,
        header::HeaderValue::from_static(
            "default-src 'none'; script-src 'unsafe-inline'; style-src 'unsafe-inline'; img-src data:; connect-src 'self'; frame-ancestors 'none'",
        ),
    );
    h.insert(
        header::CACHE_CONTROL,
        header::HeaderValue::from_static("no-store"),
    );
    r
}

fn error_response(e: WorkspaceError) -> Response {
    let status = match e {
        WorkspaceError::BadRequest(_) => StatusCode::UNPROCESSABLE_ENTITY,
        WorkspaceError::Internal(_) => StatusCode::INTERNAL_SERVER_ERROR,
    };
    (status, e.to_string()).into_response()
}

/// Runs `f` on the workspace off the async threads (reading files takes time).
async fn with_workspace<T: Send + 'static>(
    s: Arc<Shared>,
    f: impl FnOnce(&mut Workspace) -> Result<T, WorkspaceError> + Send + 'static,
) -> Result<T, Response> {
    let joined = tokio::task::spawn_blocking(move || {
        let mut w = s
            .workspace
            .lock()
            .map_err(|_| WorkspaceError::Internal("a previous request failed".into()))?;
        f(&mut w)
    })
    .await;
    match joined {
        Ok(Ok(v)) => Ok(v),
        Ok(Err(e)) => Err(error_response(e)),
        Err(_) => Err(error_response(WorkspaceError::Internal(
            "the request failed (a bug in replytally)".into(),
        ))),
    }
}

async fn state(State(s): State<Arc<Shared>>) -> Response {
    match with_workspace(s, |w| Ok(w.state())).await {
        Ok(v) => Json(v).into_response(),
        Err(r) => r,
    }
}

async fn correct(State(s): State<Arc<Shared>>, headers: HeaderMap, body: Bytes) -> Response {
    if !is_json(&headers) {
        return (StatusCode::UNSUPPORTED_MEDIA_TYPE, "send application/json").into_response();
    }
    let change: crate::corrections::Change = match serde_json::from_slice(&body) {
        Ok(c) => c,
        Err(e) => {
            return (
                StatusCode::BAD_REQUEST,
                format!("malformed correction: {e}"),
            )
                .into_response()
        }
    };
    match with_workspace(s, move |w| w.correct(change).map(|()| w.state())).await {
        Ok(v) => Json(v).into_response(),
        Err(r) => r,
    }
}

async fn reload(State(s): State<Arc<Shared>>) -> Response {
    match with_workspace(s, |w| w.reload().map(|()| w.state())).await {
        Ok(v) => Json(v).into_response(),
        Err(r) => r,
    }
}

#[derive(Deserialize)]
struct UploadQuery {
    name: String,
}

async fn upload(
    State(s): State<Arc<Shared>>,
    Query(q): Query<UploadQuery>,
    body: Bytes,
) -> Response {
    match with_workspace(s, move |w| {
        w.save_upload(&q.name, &body).map(|()| w.state())
    })
    .await
    {
        Ok(v) => Json(v).into_response(),
        Err(r) => r,
    }
}

fn is_json(h: &HeaderMap) -> bool {
    h.get(header::CONTENT_TYPE)
        .and_then(|v| v.to_str().ok())
        .is_some_and(|v| {
            v.split(';')
                .next()
                .is_some_and(|t| t.trim().eq_ignore_ascii_case("application/json"))
        })
}

/// Serves until the process is stopped.
pub(crate) fn serve(listener: std::net::TcpListener, shared: Arc<Shared>) -> std::io::Result<()> {
    let rt = tokio::runtime::Builder::new_current_thread()
        .enable_all()
        .build()?;
    rt.block_on(async move {
        listener.set_nonblocking(true)?;
        let listener = tokio::net::TcpListener::from_std(listener)?;
        axum::serve(
            listener,
            router(shared).into_make_service_with_connect_info::<SocketAddr>(),
        )
        .await
    })
}
