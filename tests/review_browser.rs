//! The review page in a real browser (Debian's headless Chromium, driven by playwright-core
//! from tests/browser): settle a conflict, correct a Member State from a second tab, see the
//! tally change; restart the server and find the corrections applied; `run` afterwards gives
//! the same tally.

use std::path::Path;
use std::process::Command;

use serde_json::Value;

use crate::common::review_server::Server;

/// Node and playwright-core (`npm ci` in tests/browser) and Chromium, or why not.
fn browser_missing() -> Option<String> {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/browser");
    if !dir.join("node_modules/playwright-core").is_dir() {
        return Some(format!(
            "playwright-core is not installed: run `npm ci` in {}",
            dir.display()
        ));
    }
    let chromium = std::env::var("CHROMIUM").unwrap_or_else(|_| "/usr/bin/chromium".into());
    if !Path::new(&chromium).exists() {
        return Some(format!(
            "no Chromium at {chromium} (Debian package chromium)"
        ));
    }
    if Command::new("node").arg("--version").output().is_err() {
        return Some("node is not on the PATH".into());
    }
    None
}

fn drive(url: &str, shots: &Path, step: &str, draft: Option<&str>) -> Value {
    let script = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/browser/review.mjs");
    let out = Command::new("node")
        .arg(script)
        .args([url, &shots.display().to_string(), step])
        .env("DRAFT", draft.unwrap_or(""))
        .output()
        .expect("node runs");
    let stdout = String::from_utf8_lossy(&out.stdout);
    assert!(
        out.status.success(),
        "browser step {step} failed:\n{stdout}\n{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let v: Value = serde_json::from_str(stdout.trim()).unwrap_or_else(|e| panic!("{e}: {stdout}"));
    assert!(
        v["page_errors"].is_null(),
        "the page threw: {}",
        v["page_errors"]
    );
    v
}

/// Markup typed into the reply with the conflict (Chile's, on E.118.1), after its draft name.
const SCRIPT: &str = "<script>window.pwned=1</script>";

/// A copy of circ205 in which Chile's reply names its draft with a `<script>` after it.
fn with_script_in_chile() -> tempfile::TempDir {
    use std::io::{Cursor, Read, Write};
    let dir = Server::start(Some("circ205"), &[]).stop();
    let path = dir.path().join("replies/Chile_reply_Circ205.docx");
    let orig = std::fs::read(&path).unwrap();
    let mut za = zip::ZipArchive::new(Cursor::new(orig.as_slice())).unwrap();
    let mut w = zip::ZipWriter::new(Cursor::new(Vec::new()));
    for i in 0..za.len() {
        let mut f = za.by_index(i).unwrap();
        let name = f.name().unwrap().to_string();
        let mut data = Vec::new();
        f.read_to_end(&mut data).unwrap();
        if name == "word/document.xml" {
            let xml = String::from_utf8(data).unwrap();
            let escaped = SCRIPT.replace('<', "&lt;").replace('>', "&gt;");
            let at = " E.118.1 (E.IIN-Sup)</w:t>";
            assert_eq!(xml.matches(at).count(), 1, "the fixture changed");
            data = xml
                .replace(at, &format!(" E.118.1 (E.IIN-Sup) {escaped}</w:t>"))
                .into_bytes();
        }
        w.start_file(name, zip::write::SimpleFileOptions::default())
            .unwrap();
        w.write_all(&data).unwrap();
    }
    std::fs::write(&path, w.finish().unwrap().into_inner()).unwrap();
    dir
}

#[test]
fn a_review_in_the_browser_stays_and_run_agrees() {
    if let Some(why) = browser_missing() {
        crate::common::skip("the browser test's Chromium and playwright-core", &why);
        return;
    }
    let form = Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/fixtures/circ205/form/blank_circ205_en.docx");
    let form = form.display().to_string();
    // A reply whose text carries markup: the page must show it as text.
    let server = Server::start_in(with_script_in_chile(), &["--form", &form]);
    let shots = server.dir.path().join("shots");
    std::fs::create_dir_all(&shots).unwrap();
    let seen = drive(&server.url(), &shots, "review", None);

    let draft = seen["conflict_draft"]
        .as_str()
        .expect("a conflict was listed")
        .to_string();
    let ex = &seen["excerpt"];
    assert!(
        ex["shown"].as_u64() >= Some(1),
        "no excerpt on the conflict: {seen}"
    );
    assert!(
        ex["caption"].as_str().is_some_and(|c| c.contains(&draft)),
        "{seen}"
    );
    assert_eq!(ex["checked_used"], 2, "both marked boxes outlined: {seen}");
    assert!(
        ex["text"].as_str().is_some_and(|t| t.contains(SCRIPT)),
        "the reply's own text, markup shown as text: {seen}"
    );
    assert_eq!(ex["script_elements"], 0, "{seen}");
    assert_eq!(ex["pwned"], false, "a reply's <script> ran: {seen}");
    let before = &seen["before"]["row"];
    let after = &seen["after_conflict"]["row"];
    assert_eq!(before["conflict"], 1);
    assert_eq!(after["conflict"], 0, "{seen}");
    assert_eq!(
        after["authorize"].as_i64(),
        before["authorize"].as_i64().map(|n| n + 1),
        "{seen}"
    );
    assert_ne!(
        seen["before"]["counted"], seen["after_member_state"]["counted"],
        "{seen}"
    );
    assert_eq!(
        seen["first_tab_counted"], seen["after_member_state"]["counted"],
        "the first tab shows the second tab's decision"
    );
    for shot in ["review-1280.png", "review-400.png"] {
        assert!(
            std::fs::metadata(shots.join(shot))
                .map(|m| m.len() > 10_000)
                .unwrap_or(false),
            "{shot}"
        );
    }
    let corrections = std::fs::read_to_string(server.replies().join("corrections.toml")).unwrap();
    assert!(
        corrections.contains("confirmed by e-mail of 20 February"),
        "{corrections}"
    );
    assert!(
        corrections.contains("member_state = \"none\""),
        "{corrections}"
    );

    // Restarted: the corrections are read back from the file.
    let dir = server.stop();
    let server = Server::start_in(dir, &["--form", &form]);
    let again = drive(&server.url(), &shots, "check", Some(&draft));
    assert_eq!(again["row"], seen["final_row"], "{again}");
    assert_eq!(again["counted"], seen["after_member_state"]["counted"]);

    // `run` on the same folder applies the same file: the same tally.
    let out = server.dir.path().join("out");
    let status = Command::new(env!("CARGO_BIN_EXE_replytally"))
        .arg("run")
        .arg(server.replies())
        .args(["--form", &form, "--no-progress", "--out"])
        .arg(&out)
        .status()
        .unwrap();
    assert!(status.code().is_some_and(|c| c <= 1));
    let summary: Value =
        serde_json::from_str(&std::fs::read_to_string(out.join("summary.json")).unwrap()).unwrap();
    let (_, state) = server.api("GET", "/api/state", "");
    let state: Value = serde_json::from_str(&state).unwrap();
    assert_eq!(summary["drafts"], state["summary"]["drafts"]);
    assert_eq!(
        summary["member_states_replied"],
        state["summary"]["member_states_replied"]
    );
}
