//! `replytally review`: a local page on which a person settles the readings the tool is not
//! sure of. Each decision goes into the corrections file at once; `run` applies the same file,
//! so the page and `run` always give the same tally.
//!
//! [`workspace`] holds the reading and the corrections; [`http`] is the server and its rules.

pub mod http;
pub mod workspace;

use std::io::Write;
use std::net::{Ipv4Addr, SocketAddrV4, TcpListener};
use std::sync::{Arc, Mutex};

pub use self::workspace::{Setup, Workspace, WorkspaceError};

/// Why the review page could not start.
#[derive(Debug, thiserror::Error)]
pub enum ReviewError {
    #[error("cannot listen on 127.0.0.1:{port}: {source} (choose another with --port)")]
    Listen { port: u16, source: std::io::Error },
    #[error(transparent)]
    Workspace(#[from] WorkspaceError),
    #[error("cannot make a session key: {0}")]
    Key(String),
    #[error("{0}")]
    Usage(String),
    #[error("the server stopped: {0}")]
    Serve(std::io::Error),
}

/// A fresh per-session key: 128 random bits from the operating system, in hex.
pub fn session_key() -> Result<String, ReviewError> {
    let mut b = [0u8; 16];
    getrandom::fill(&mut b).map_err(|e| ReviewError::Key(e.to_string()))?;
    Ok(b.iter().map(|x| format!("{x:02x}")).collect())
}

/// Reads the inputs, prints the page's address (with its key) on `out`, opens it in the
/// default browser when `open`, and serves until the process is stopped.
pub fn serve(setup: Setup, port: u16, open: bool, out: &mut dyn Write) -> Result<(), ReviewError> {
    let listener = TcpListener::bind(SocketAddrV4::new(Ipv4Addr::LOCALHOST, port))
        .map_err(|source| ReviewError::Listen { port, source })?;
    let port = listener
        .local_addr()
        .map_err(|source| ReviewError::Listen { port, source })?
        .port();
    let key = session_key()?;
    let drop_folder = setup.drop_folder.clone();
    let workspace = Workspace::open(setup)?;
    let authority = format!("127.0.0.1:{port}");
    let url = format!("http://{authority}/?key={key}");
    // The address is the one line a script or a person needs; the rest is for people.
    let _ = writeln!(out, "{url}");
    let _ = writeln!(
        out,
        "replytally review: open the address above; files dropped on the page are saved in {}; stop with Ctrl-C",
        drop_folder.display()
    );
    let _ = out.flush();
    if open {
        // Not fatal: the address is printed.
        let _ = open::that_detached(&url);
    }
    let shared = Arc::new(http::Shared {
        authority,
        key,
        workspace: Mutex::new(workspace),
    });
    http::serve(listener, shared).map_err(ReviewError::Serve)
}
