//! A `replytally review` process for the tests: started on a copy of a fixture folder, its
//! address read from its first line of output, stopped when dropped.

use std::io::{BufRead, BufReader, Read, Write};
use std::net::TcpStream;
use std::path::{Path, PathBuf};
use std::process::{Child, Command, Stdio};
use std::time::Duration;

/// A `replytally review` process on a copy of a fixture folder; stopped when dropped.
pub struct Server {
    child: Child,
    pub port: u16,
    pub key: String,
    pub dir: tempfile::TempDir,
}

impl Drop for Server {
    fn drop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

impl Server {
    /// Stops the process, keeping its folder (for a restart).
    pub fn stop(mut self) -> tempfile::TempDir {
        let _ = self.child.kill();
        let _ = self.child.wait();
        std::mem::replace(&mut self.dir, tempfile::tempdir().unwrap())
    }
}

/// Copies a folder tree.
pub fn copy_dir(from: &Path, to: &Path) {
    std::fs::create_dir_all(to).unwrap();
    for e in std::fs::read_dir(from).unwrap() {
        let e = e.unwrap();
        let target = to.join(e.file_name());
        if e.file_type().unwrap().is_dir() {
            copy_dir(&e.path(), &target);
        } else {
            std::fs::copy(e.path(), target).unwrap();
        }
    }
}

impl Server {
    /// Serves a copy of `fixture` (a folder under tests/fixtures), or an empty folder.
    pub fn start(fixture: Option<&str>, extra: &[&str]) -> Server {
        let dir = tempfile::tempdir().unwrap();
        let replies = dir.path().join("replies");
        match fixture {
            Some(f) => copy_dir(
                &Path::new(env!("CARGO_MANIFEST_DIR"))
                    .join("tests/fixtures")
                    .join(f),
                &replies,
            ),
            None => std::fs::create_dir_all(&replies).unwrap(),
        }
        Server::start_in(dir, extra)
    }

    /// Serves `dir/replies` (again, after a restart).
    pub fn start_in(dir: tempfile::TempDir, extra: &[&str]) -> Server {
        let replies = dir.path().join("replies");
        let mut child = Command::new(env!("CARGO_BIN_EXE_replytally"))
            .arg("review")
            .arg(&replies)
            // Its default cache (out/.cache) lands in the test's folder, not the checkout.
            .current_dir(dir.path())
            .args(["--no-open", "--port", "0"])
            .args(extra)
            .stdout(Stdio::piped())
            .stderr(Stdio::null())
            .spawn()
            .expect("replytally runs");
        let mut line = String::new();
        BufReader::new(child.stdout.take().unwrap())
            .read_line(&mut line)
            .unwrap();
        let url = line.trim();
        let rest = url
            .strip_prefix("http://127.0.0.1:")
            .unwrap_or_else(|| panic!("address printed: {url:?}"));
        let (port, key) = rest
            .split_once("/?key=")
            .expect("the address carries the key");
        Server {
            child,
            port: port.parse().unwrap(),
            key: key.to_string(),
            dir,
        }
    }

    pub fn replies(&self) -> PathBuf {
        self.dir.path().join("replies")
    }

    pub fn url(&self) -> String {
        format!("http://127.0.0.1:{}/?key={}", self.port, self.key)
    }

    /// One raw HTTP/1.1 request; returns (status, body).
    pub fn raw(&self, head: &str, body: &[u8]) -> (u16, String) {
        let mut s = TcpStream::connect(("127.0.0.1", self.port)).unwrap();
        s.set_read_timeout(Some(Duration::from_secs(30))).unwrap();
        let req = format!(
            "{head}\r\nContent-Length: {}\r\nConnection: close\r\n\r\n",
            body.len()
        );
        s.write_all(req.as_bytes()).unwrap();
        // The server may refuse before reading the whole body.
        let _ = s.write_all(body);
        let mut out = Vec::new();
        let _ = s.read_to_end(&mut out);
        let text = String::from_utf8_lossy(&out).to_string();
        let status = text
            .split_whitespace()
            .nth(1)
            .and_then(|c| c.parse().ok())
            .unwrap_or_else(|| panic!("no status in {text:?}"));
        let body = text
            .split_once("\r\n\r\n")
            .map(|(_, b)| b.to_string())
            .unwrap_or_default();
        (status, body)
    }

    pub fn request(
        &self,
        method: &str,
        path: &str,
        headers: &[(&str, &str)],
        body: &[u8],
    ) -> (u16, String) {
        let mut head = format!("{method} {path} HTTP/1.1\r\nHost: 127.0.0.1:{}", self.port);
        for (k, v) in headers {
            head.push_str(&format!("\r\n{k}: {v}"));
        }
        self.raw(&head, body)
    }

    pub fn api(&self, method: &str, path: &str, json: &str) -> (u16, String) {
        let key = self.key.clone();
        self.request(
            method,
            path,
            &[
                ("x-replytally-key", &key),
                ("Content-Type", "application/json"),
            ],
            json.as_bytes(),
        )
    }
}
