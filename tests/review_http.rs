//! The review server's HTTP rules, tested on the real binary over a real socket: a foreign
//! `Host` (DNS rebinding), a missing or wrong key (cross-site request forgery), oversized and
//! malformed bodies, and file names that try to leave the drop folder; and what the page is
//! sent of each reply to show it as it looks.

use std::path::Path;

use crate::common::review_server::Server;

fn first_reply(server: &Server) -> (String, String) {
    let (status, body) = server.api("GET", "/api/state", "");
    assert_eq!(status, 200, "{body}");
    let v: serde_json::Value = serde_json::from_str(&body).unwrap();
    let r = &v["records"]["replies"][0];
    (
        r["sha256"].as_str().unwrap().to_string(),
        r["answers"][0]["draft"].as_str().unwrap().to_string(),
    )
}

#[test]
fn only_the_printed_host_is_answered() {
    let s = Server::start(Some("circ205"), &[]);
    let page = format!("/?key={}", s.key);
    assert_eq!(s.request("GET", &page, &[], b"").0, 200);
    for host in [
        "evil.example",
        "evil.example:80",
        "localhost",
        "127.0.0.1",
        "127.0.0.2:1",
    ] {
        let (status, _) = s.raw(&format!("GET {page} HTTP/1.1\r\nHost: {host}"), b"");
        assert_eq!(status, 421, "Host {host}");
    }
    let (status, _) = s.raw(&format!("GET {page} HTTP/1.1"), b"");
    assert!(status == 421 || status == 400, "no Host: {status}");
}

#[test]
fn nothing_without_the_key() {
    let s = Server::start(Some("circ205"), &[]);
    assert_eq!(s.request("GET", "/", &[], b"").0, 403);
    assert_eq!(s.request("GET", "/?key=wrong", &[], b"").0, 403);
    assert_eq!(s.request("GET", "/api/state", &[], b"").0, 403);
    let (sha, draft) = first_reply(&s);
    let change = format!(
        r#"{{"sha256":"{sha}","answer":{{"draft":"{draft}","decision":"not_authorize"}},"reason":"forged"}}"#
    );
    let json = [("Content-Type", "application/json")];
    assert_eq!(
        s.request("POST", "/api/correct", &json, change.as_bytes())
            .0,
        403
    );
    let wrong = [
        ("Content-Type", "application/json"),
        ("x-replytally-key", "0123456789abcdef0123456789abcdef"),
    ];
    assert_eq!(
        s.request("POST", "/api/correct", &wrong, change.as_bytes())
            .0,
        403
    );
    // A page on another site sends its Origin: refused even with the key.
    let key = s.key.clone();
    let foreign = [
        ("Content-Type", "application/json"),
        ("x-replytally-key", key.as_str()),
        ("Origin", "http://evil.example"),
    ];
    assert_eq!(
        s.request("POST", "/api/correct", &foreign, change.as_bytes())
            .0,
        403
    );
    assert!(
        !s.replies().join("corrections.toml").exists(),
        "nothing was written"
    );
    // With the key, the same change is written.
    let (status, body) = s.api("POST", "/api/correct", &change);
    assert_eq!(status, 200, "{body}");
    let written = std::fs::read_to_string(s.replies().join("corrections.toml")).unwrap();
    assert!(
        written.contains(&sha) && written.contains("not_authorize"),
        "{written}"
    );
}

#[test]
fn bad_requests_get_a_clear_status() {
    let s = Server::start(Some("circ205"), &[]);
    let key = s.key.clone();
    let form = [
        ("Content-Type", "application/x-www-form-urlencoded"),
        ("x-replytally-key", key.as_str()),
    ];
    assert_eq!(
        s.request("POST", "/api/correct", &form, b"a=b").0,
        415,
        "a plain form post is not JSON"
    );
    assert_eq!(s.api("POST", "/api/correct", "{not json").0, 400);
    assert_eq!(
        s.api(
            "POST",
            "/api/correct",
            r#"{"sha256":"x","reason":"r","evil":1}"#
        )
        .0,
        400,
        "unknown fields"
    );
    let big = format!(r#"{{"sha256":"x","reason":"{}"}}"#, "a".repeat(200 * 1024));
    assert_eq!(s.api("POST", "/api/correct", &big).0, 413);
    let (sha, draft) = first_reply(&s);
    let no_reason = format!(
        r#"{{"sha256":"{sha}","answer":{{"draft":"{draft}","decision":"authorize"}},"reason":" "}}"#
    );
    assert_eq!(s.api("POST", "/api/correct", &no_reason).0, 422);
    let bad_state =
        format!(r#"{{"sha256":"{sha}","reply":{{"member_state":"XYZ"}},"reason":"r"}}"#);
    let (status, body) = s.api("POST", "/api/correct", &bad_state);
    assert_eq!(status, 422, "{body}");
    assert!(body.contains("XYZ"), "{body}");
    let unknown = r#"{"sha256":"0000000000000000000000000000000000000000000000000000000000000000","reason":"r","reply":{"exclude":true}}"#;
    assert_eq!(s.api("POST", "/api/correct", unknown).0, 422);
    assert_eq!(s.api("GET", "/api/nothing", "").0, 404);
    assert_eq!(s.api("GET", "/../../etc/passwd", "").0, 404);
}

#[test]
fn dropped_files_stay_in_the_drop_folder() {
    let s = Server::start(None, &[]);
    let key = s.key.clone();
    let h = [
        ("x-replytally-key", key.as_str()),
        ("Content-Type", "application/octet-stream"),
    ];
    for name in [
        "..%2F..%2Fescape.docx",
        "%2Fetc%2Fescape.docx",
        "..",
        ".hidden",
        "a%0Ab.docx",
    ] {
        let (status, _) = s.request("POST", &format!("/api/upload?name={name}"), &h, b"PK");
        let leaked =
            s.dir.path().join("escape.docx").exists() || Path::new("/etc/escape.docx").exists();
        assert!(!leaked, "{name} wrote outside the drop folder");
        assert!(status == 422 || status == 200, "{name}: {status}");
    }
    // A real reply dropped on the page is read at once.
    let reply = std::fs::read(
        Path::new(env!("CARGO_MANIFEST_DIR"))
            .join("tests/fixtures/circ205/Chile_reply_Circ205.docx"),
    )
    .unwrap();
    let (status, body) = s.request("POST", "/api/upload?name=Chile.docx", &h, &reply);
    assert_eq!(status, 200, "{body}");
    let v: serde_json::Value = serde_json::from_str(&body).unwrap();
    let sources: Vec<&str> = v["records"]["replies"]
        .as_array()
        .unwrap()
        .iter()
        .filter_map(|r| r["source"].as_str())
        .collect();
    assert!(
        sources.iter().any(|s| s.ends_with("Chile.docx")),
        "{sources:?}"
    );
    assert_eq!(v["records"]["replies"][0]["member_state"]["iso3"], "CHL");
}

#[test]
fn the_page_gets_each_listed_reply_as_it_looks() {
    let form = Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/fixtures/circ205/form/blank_circ205_en.docx");
    let s = Server::start(Some("circ205"), &["--form", &form.display().to_string()]);
    let (status, body) = s.api("GET", "/api/state", "");
    assert_eq!(status, 200, "{body}");
    let state: serde_json::Value = serde_json::from_str(&body).unwrap();
    let excerpts = state["excerpts"].as_object().expect("excerpts by source");
    let listed: std::collections::BTreeSet<&str> = state["review"]
        .as_array()
        .unwrap()
        .iter()
        .filter_map(|i| i["source"].as_str())
        .collect();
    assert!(!excerpts.is_empty());
    assert!(
        excerpts.keys().all(|k| listed.contains(k.as_str())),
        "only replies the review list names"
    );
    // Chile's conflict on E.118.1: its rows, with both checked marks counted.
    let (_, chile) = excerpts
        .iter()
        .find(|(k, _)| k.ends_with("Chile_reply_Circ205.docx"))
        .expect("the conflict's reply");
    let e118 = chile["drafts"]
        .as_array()
        .unwrap()
        .iter()
        .find(|d| d["draft"] == "E.118.1")
        .expect("E.118.1's rows");
    let text = e118["excerpt"].to_string();
    assert!(text.contains("E.118.1 (E.IIN-Sup)"), "{text}");
    assert_eq!(text.matches("\"used\":true").count(), 2, "{text}");
    // Chile's items are all about drafts: its sender block is not sent; Belarus has a date
    // item, and its sender block is.
    assert!(chile["sender"]["rows"].as_array().unwrap().is_empty());
    let (_, belarus) = excerpts
        .iter()
        .find(|(k, _)| k.ends_with("Belarus_Circ205.docx"))
        .expect("Belarus is listed");
    assert!(!belarus["sender"]["rows"].as_array().unwrap().is_empty());
}
