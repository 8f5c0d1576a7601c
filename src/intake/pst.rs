//! Outlook data files (`.pst`, `.ost`): read through `readpst` (Debian's `pst-utils`) when it
//! is on the `PATH`.
//!
//! Owns running `readpst` on one file into a private temporary folder (one `.eml` per message,
//! nothing else written: no contacts, no calendar), with a time limit, and listing what it
//! wrote as mailbox messages ([`super::mailbox::MessageRef`]); the folder lives as long as
//! those messages. Nothing from the input but its absolute path reaches the command line.

use std::fs;
use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};
use std::sync::Arc;
use std::time::Duration;

use super::convert::{is_executable, run_bounded, Bounded, TempDir};
use super::mailbox::MessageRef;
use super::{limits, Listed};
use crate::record::FailureKind;

/// The first bytes of every Outlook data file (PST and OST, ANSI and Unicode).
pub(super) const PST_MAGIC: &[u8] = b"!BDN";

/// Longest `readpst` may take on one file before it is stopped.
pub const READPST_TIMEOUT: Duration = Duration::from_secs(600);

/// What a `.pst` fails with when `readpst` is not installed.
pub const NO_READPST: &str = "an Outlook data file (.pst): reading it needs readpst, which is not on the PATH; install it (Debian or Ubuntu: apt install pst-utils) and run again, or export the folder from Outlook as .msg files";

/// The messages of the Outlook data file at `path`, or the one failure that refuses it.
pub(super) fn list_pst(path: &Path, source: &str, len: u64) -> Vec<Listed> {
    let fail =
        |kind, message: String| vec![Listed::Done(super::failed(source.into(), kind, message))];
    if len > limits::MAX_PST_BYTES {
        return fail(
            FailureKind::TooLarge,
            format!(
                "an Outlook data file of {} MiB, above the limit of {} MiB: export the folder that holds the replies on its own and run on that",
                len >> 20,
                limits::MAX_PST_BYTES >> 20
            ),
        );
    }
    let Some(readpst) = find_readpst() else {
        return fail(FailureKind::Unsupported, NO_READPST.to_string());
    };
    match run_readpst(&readpst, path, READPST_TIMEOUT) {
        Ok(work) => messages(work, source),
        Err(message) => fail(
            FailureKind::Corrupt,
            format!("an Outlook data file that readpst could not read ({message})"),
        ),
    }
}

/// `readpst` on the `PATH`, if any.
pub fn find_readpst() -> Option<PathBuf> {
    let path = std::env::var_os("PATH")?;
    std::env::split_paths(&path)
        .filter(|dir| !dir.as_os_str().is_empty())
        .map(|dir| dir.join("readpst"))
        .find(|candidate| is_executable(candidate))
}

/// Run `readpst` on `pst`: its folder of `.eml` files (in `out/`), or why not.
fn run_readpst(readpst: &Path, pst: &Path, timeout: Duration) -> Result<TempDir, String> {
    let work = TempDir::new().map_err(|e| format!("cannot prepare a temporary folder: {e}"))?;
    let out = work.path.join("out");
    let log = work.path.join("readpst.log");
    let abs = fs::canonicalize(pst).map_err(|e| format!("cannot read it: {e}"))?;
    let log_file = fs::create_dir(&out)
        .and_then(|()| fs::File::create(&log))
        .map_err(|e| format!("cannot prepare a temporary folder: {e}"))?;
    let mut command = Command::new(readpst);
    // -e: one .eml per message; -t e: e-mails only; -b: no RTF body copies; -j 0: one process.
    command
        .args(["-q", "-e", "-b", "-j", "0", "-t", "e", "-o"])
        .arg(&out)
        .arg(&abs)
        .current_dir(&work.path)
        .stdin(Stdio::null())
        .stdout(Stdio::null())
        .stderr(Stdio::from(log_file));
    let status = run_bounded(command, timeout).map_err(|e| match e {
        Bounded::Start(e) => format!("cannot start readpst: {e}"),
        Bounded::TimedOut => format!(
            "it did not finish within {} seconds and was stopped",
            timeout.as_secs()
        ),
        Bounded::Wait(e) => e,
    })?;
    if !status.success() {
        let said = fs::read(&log)
            .map(|l| {
                let l = String::from_utf8_lossy(&l);
                let last = l.lines().map(str::trim).rfind(|l| !l.is_empty());
                last.unwrap_or("").chars().take(200).collect::<String>()
            })
            .unwrap_or_default();
        return Err(if said.is_empty() {
            format!("it exited with {status}")
        } else {
            format!("it exited with {status}: {said}")
        });
    }
    Ok(work)
}

/// The `.eml` files readpst wrote, as messages named `archive.pst!Inbox/3`, in folder order
/// then by number.
fn messages(work: TempDir, source: &str) -> Vec<Listed> {
    let out = work.path.join("out");
    let mut found: Vec<(PathBuf, u64)> = Vec::new();
    for entry in walkdir::WalkDir::new(&out).follow_links(false) {
        let Ok(entry) = entry else { continue };
        let is_eml = entry.path().extension().is_some_and(|e| e == "eml");
        if entry.file_type().is_file() && is_eml {
            let len = entry.metadata().map_or(0, |m| m.len());
            found.push((entry.path().to_path_buf(), len));
            if found.len() > limits::MAX_MAILBOX_MESSAGES {
                let message = format!(
                    "the Outlook data file holds more than {} messages: not read; export the folder that holds the replies on its own and run on that",
                    limits::MAX_MAILBOX_MESSAGES
                );
                return vec![Listed::Done(super::failed(
                    source.into(),
                    FailureKind::TooLarge,
                    message,
                ))];
            }
        }
    }
    if found.is_empty() {
        return vec![Listed::Done(super::failed(
            source.into(),
            FailureKind::NotAReplyForm,
            "an Outlook data file with no e-mail in it (readpst found none): no reply form"
                .to_string(),
        ))];
    }
    let key = |p: &Path| {
        let number = p.file_stem().and_then(|s| s.to_str()?.parse::<u64>().ok());
        (
            p.parent().map(Path::to_path_buf),
            number.unwrap_or(u64::MAX),
            p.to_path_buf(),
        )
    };
    found.sort_by_cached_key(|(p, _)| key(p));
    let keep = Arc::new(work);
    found
        .into_iter()
        .map(|(path, len)| {
            let rel = path.strip_prefix(&out).unwrap_or(&path).with_extension("");
            let rel = rel.to_string_lossy().replace('\\', "/").replace('!', "_");
            Listed::Message(MessageRef {
                path: Arc::new(path),
                offset: 0,
                len,
                source: format!("{source}!{rel}"),
                with_subject: true,
                _keep: Some(Arc::clone(&keep)),
            })
        })
        .collect()
}
