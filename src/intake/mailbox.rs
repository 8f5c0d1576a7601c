//! Mailboxes as mail programs export them: `mbox` files (Thunderbird, Apple Mail, Google
//! Takeout; mboxo and mboxrd `>From ` escaping), Maildir folders (`cur/`, `new/`, `tmp/`) and,
//! through `readpst`, Outlook `.pst` files ([`super::pst`]).
//!
//! Owns telling an mbox by its content, listing its messages by offset without holding the
//! file in memory (a chunked scan: one giant line or a multi-GB file costs no more memory than
//! a small one), and reading one listed message back — so that each message is read inside the
//! parallel loop like any other file. Each message is then expanded as an `.eml` is.

use std::fs;
use std::io::{self, BufRead, BufReader, Read, Seek, SeekFrom};
use std::path::{Path, PathBuf};
use std::sync::Arc;

use super::{limits, Content, Input, Listed};
use crate::record::FailureKind;

/// One message of a mailbox, listed but not read.
#[derive(Debug, Clone)]
pub struct MessageRef {
    /// The file that holds it (the mbox, the Maildir message, readpst's `.eml`).
    pub(super) path: Arc<PathBuf>,
    /// Where it starts in that file and how long it is (the whole file for one message).
    pub(super) offset: u64,
    pub(super) len: u64,
    /// Its source before the subject: `inbox.mbox!3`, `archive.pst!Inbox/3`, or the Maildir
    /// message's path.
    pub(super) source: String,
    /// Whether `:<subject>` follows the source (not for a Maildir file, whose path names it).
    pub(super) with_subject: bool,
    /// readpst's temporary folder, removed once the last of its messages is dropped.
    pub(super) _keep: Option<Arc<super::convert::TempDir>>,
}

/// How many bytes of a file are looked at to tell a mailbox.
pub(super) const PEEK_BYTES: usize = 16 * 1024;

/// Longest line taken for an mbox `From ` separator: longer, it is text.
const MAX_POSTMARK: usize = 512;

/// An mbox starts with a `From ` separator line followed by an e-mail's headers.
pub(super) fn is_mbox(head: &[u8]) -> bool {
    let head = head.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(head);
    let Some(nl) = head.iter().position(|&b| b == b'\n') else {
        return false;
    };
    is_postmark(&head[..nl]) && super::sniff::looks_like_email(&head[nl + 1..])
}

/// `From sender Mon Jan  1 00:00:00 2024`: `From `, then a time somewhere on a short line.
fn is_postmark(line: &[u8]) -> bool {
    let line = line.strip_suffix(b"\r").unwrap_or(line);
    line.starts_with(b"From ")
        && line.len() <= MAX_POSTMARK
        && line.windows(5).any(|w| {
            w[0].is_ascii_digit()
                && w[1].is_ascii_digit()
                && w[2] == b':'
                && w[3].is_ascii_digit()
                && w[4].is_ascii_digit()
        })
}

/// Why a mailbox is not listed message by message.
#[derive(Debug)]
pub(super) enum ScanError {
    Io(io::Error),
    TooMany,
}

/// The offset of every message in an mbox: a separator is a `From ` postmark line at the start
/// of the file or after a blank line. Reads in chunks and keeps only a line's first bytes.
pub(super) fn scan(file: impl Read) -> Result<Vec<u64>, ScanError> {
    let mut reader = BufReader::with_capacity(1 << 16, file);
    let mut starts = Vec::new();
    let mut pos: u64 = 0;
    let mut line_start: u64 = 0;
    let mut head: Vec<u8> = Vec::with_capacity(MAX_POSTMARK + 2);
    let mut line_len: usize = 0;
    let mut after_blank = true;
    let mut end_line = |line_start: u64, head: &[u8], line_len: usize, after_blank: &mut bool| {
        // A byte-order mark may come before the first separator.
        let head = match line_start {
            0 => head.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(head),
            _ => head,
        };
        let separator = *after_blank && line_len <= MAX_POSTMARK + 4 && is_postmark(head);
        *after_blank = line_len == 0 || head == b"\r";
        if separator {
            starts.push(line_start);
            if starts.len() > limits::MAX_MAILBOX_MESSAGES {
                return Err(ScanError::TooMany);
            }
        }
        Ok(())
    };
    loop {
        let buf = reader.fill_buf().map_err(ScanError::Io)?;
        if buf.is_empty() {
            break;
        }
        let mut i = 0;
        while i < buf.len() {
            let rest = &buf[i..];
            let (piece, ends) = match memchr::memchr(b'\n', rest) {
                Some(n) => (&rest[..n], true),
                None => (rest, false),
            };
            let room = (MAX_POSTMARK + 2).saturating_sub(head.len());
            head.extend_from_slice(&piece[..piece.len().min(room)]);
            line_len = line_len.saturating_add(piece.len());
            i += piece.len();
            if ends {
                end_line(line_start, &head, line_len, &mut after_blank)?;
                i += 1;
                line_start = pos + i as u64;
                head.clear();
                line_len = 0;
            }
        }
        let n = buf.len();
        reader.consume(n);
        pos += n as u64;
    }
    if line_len > 0 {
        end_line(line_start, &head, line_len, &mut after_blank)?;
    }
    Ok(starts)
}

/// The messages of the mbox at `path` (`source` as given), or the one failure that refuses it.
pub(super) fn list_mbox(path: &Path, source: &str, len: u64) -> Vec<Listed> {
    let mut starts = match fs::File::open(path).map_err(ScanError::Io).and_then(scan) {
        Ok(starts) => starts,
        Err(ScanError::Io(e)) => {
            return vec![done(
                source,
                FailureKind::Unsupported,
                format!("cannot read it: {e}"),
            )]
        }
        Err(ScanError::TooMany) => {
            let message = format!(
                "the mailbox holds more than {} messages: not read; export the folder that holds the replies (or the messages of one circular) and run on that",
                limits::MAX_MAILBOX_MESSAGES
            );
            return vec![done(source, FailureKind::TooLarge, message)];
        }
    };
    if starts.is_empty() {
        // Told an mbox by its first bytes, so a separator is there; should the file have
        // changed since, it is read as one message rather than lost.
        starts.push(0);
    }
    let path = Arc::new(path.to_path_buf());
    let ends = starts.iter().skip(1).copied().chain(std::iter::once(len));
    starts
        .iter()
        .zip(ends)
        .enumerate()
        .map(|(i, (&start, end))| {
            Listed::Message(MessageRef {
                path: Arc::clone(&path),
                offset: start,
                len: end.saturating_sub(start),
                source: format!("{source}!{}", i + 1),
                with_subject: true,
                _keep: None,
            })
        })
        .collect()
}

fn done(source: &str, kind: FailureKind, message: String) -> Listed {
    Listed::Done(super::failed(source.to_string(), kind, message))
}

/// A Maildir folder holds `cur/` and `new/` or `tmp/`.
pub(super) fn is_maildir(dir: &Path) -> bool {
    dir.join("cur").is_dir() && (dir.join("new").is_dir() || dir.join("tmp").is_dir())
}

/// A Maildir's `tmp/`: messages still being delivered, not walked.
pub(super) fn is_maildir_tmp(dir: &Path) -> bool {
    dir.file_name().is_some_and(|n| n == "tmp") && dir.parent().is_some_and(is_maildir)
}

/// What a file found in a walk is to a Maildir.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum Role {
    /// In `cur/` or `new/`: one message.
    Message,
    /// Beside `cur/`, `new/` and `tmp/`, or beside an mbox (the mail program's index files).
    Beside,
    None,
}

/// Which folders of a walk are Maildirs, each looked at once.
#[derive(Default)]
pub(super) struct Maildirs(std::collections::HashMap<PathBuf, bool>);

impl Maildirs {
    fn is(&mut self, dir: &Path) -> bool {
        if let Some(&known) = self.0.get(dir) {
            return known;
        }
        let is = is_maildir(dir);
        self.0.insert(dir.to_path_buf(), is);
        is
    }

    pub(super) fn role(&mut self, file: &Path) -> Role {
        let Some(parent) = file.parent() else {
            return Role::None;
        };
        if self.is(parent) || beside_mbox(file, parent) {
            return Role::Beside;
        }
        let in_box = parent.file_name().is_some_and(|n| n == "cur" || n == "new");
        match parent.parent() {
            Some(maildir) if in_box && self.is(maildir) => Role::Message,
            _ => Role::None,
        }
    }
}

/// The index files mail programs keep beside an mbox: Thunderbird's `Inbox.msf` next to
/// `Inbox`, and what Apple Mail puts beside the `mbox` in an `Inbox.mbox` folder (`Table of
/// Contents`, `Info.plist`).
fn beside_mbox(file: &Path, parent: &Path) -> bool {
    let msf = file
        .extension()
        .is_some_and(|e| e.eq_ignore_ascii_case("msf"));
    if msf && file.with_extension("").is_file() {
        return true;
    }
    let apple = parent
        .extension()
        .is_some_and(|e| e.eq_ignore_ascii_case("mbox"));
    apple && file.file_name().is_some_and(|n| n != "mbox") && parent.join("mbox").is_file()
}

/// A Maildir message: the whole file, named by its path.
pub(super) fn maildir_message(path: &Path, source: String, len: u64) -> Listed {
    Listed::Message(MessageRef {
        path: Arc::new(path.to_path_buf()),
        offset: 0,
        len,
        source,
        with_subject: false,
        _keep: None,
    })
}

/// Read one listed message and expand it as an e-mail.
pub(super) fn open(m: &MessageRef) -> Vec<Input> {
    let base = m.source.clone();
    if m.len > limits::MAX_MESSAGE_BYTES {
        let message = format!(
            "a message of {} MiB, above the limit of {} MiB for one message: not read; save the reply form from it and run on that file",
            m.len >> 20,
            limits::MAX_MESSAGE_BYTES >> 20
        );
        return vec![super::failed(base, FailureKind::TooLarge, message)];
    }
    let read = || -> io::Result<Vec<u8>> {
        let mut f = fs::File::open(m.path.as_path())?;
        f.seek(SeekFrom::Start(m.offset))?;
        let mut bytes = Vec::with_capacity(usize::try_from(m.len).unwrap_or(0));
        f.take(m.len).read_to_end(&mut bytes)?;
        Ok(bytes)
    };
    let bytes = match read() {
        Ok(b) => unescape(strip_postmark(b)),
        Err(e) => {
            return vec![super::failed(
                base,
                FailureKind::Unsupported,
                format!("cannot read the message: {e}"),
            )]
        }
    };
    let source = if m.with_subject {
        match subject_of(&bytes) {
            Some(s) => format!("{base}:{s}"),
            None => base,
        }
    } else {
        base
    };
    super::expand_message(&source, bytes)
}

/// A message without its `From ` separator line.
fn strip_postmark(mut bytes: Vec<u8>) -> Vec<u8> {
    if bytes.starts_with(b"\xEF\xBB\xBF") {
        bytes.drain(..3);
    }
    if bytes.starts_with(b"From ") {
        let cut = memchr::memchr(b'\n', &bytes).map_or(bytes.len(), |n| n + 1);
        bytes.drain(..cut);
    }
    bytes
}

/// mboxrd and mboxo quoting undone: a line `>From ` (any number of `>`) loses one `>`.
fn unescape(bytes: Vec<u8>) -> Vec<u8> {
    let quoted = |line: &[u8]| {
        let n = line.iter().take_while(|&&b| b == b'>').count();
        n > 0 && line[n..].starts_with(b"From ")
    };
    if !bytes.split(|&b| b == b'\n').any(quoted) {
        return bytes;
    }
    let mut out = Vec::with_capacity(bytes.len());
    for (i, line) in bytes.split(|&b| b == b'\n').enumerate() {
        if i > 0 {
            out.push(b'\n');
        }
        out.extend_from_slice(if quoted(line) { &line[1..] } else { line });
    }
    out
}

/// The subject as it may stand in a `source`: one line, no `!`, `/` or `\`, at most 100
/// characters.
fn subject_of(bytes: &[u8]) -> Option<String> {
    let parsed = mail_parser::MessageParser::new().parse_headers(bytes)?;
    let subject: String = parsed
        .subject()?
        .split_whitespace()
        .collect::<Vec<_>>()
        .join(" ")
        .chars()
        .map(|c| {
            if matches!(c, '!' | '/' | '\\') || c.is_control() {
                '_'
            } else {
                c
            }
        })
        .take(100)
        .collect();
    Some(subject).filter(|s| !s.is_empty())
}

/// What a message that held nothing to read is, as a skipped input.
pub(super) fn nothing_in_it(source: String, found: &[Input]) -> Input {
    let notes: Vec<&str> = found
        .iter()
        .filter_map(|i| match &i.content {
            Content::Other { message } => Some(message.as_str()),
            _ => None,
        })
        .take(5)
        .collect();
    let message = if notes.is_empty() {
        "a message in a mailbox without an attachment: no reply form in it".to_string()
    } else {
        format!(
            "a message in a mailbox with no document attached: {}",
            notes.join("; ")
        )
    };
    Input {
        source,
        container: None,
        content: Content::Skipped { message },
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn separators_need_a_blank_line_and_a_time() {
        let mbox = b"From - Mon Jan  1 00:00:00 2024\nFrom: a@b.c\nDate: x\n\nbody\nFrom here on\n\nFrom x Mon Jan  1 10:20:30 2024\r\nSubject: b\n\n";
        assert_eq!(scan(&mbox[..]).unwrap(), [0, 72]);
        assert!(is_mbox(mbox));
        assert!(!is_mbox(b"From: a@b.c\nDate: x\n\n"));
        let bom = b"\xEF\xBB\xBFFrom - Mon Jan  1 00:00:00 2024\nFrom: a@b.c\nDate: x\n\n";
        assert!(is_mbox(bom));
        assert_eq!(scan(&bom[..]).unwrap(), [0]);
        assert_eq!(strip_postmark(bom.to_vec()), b"From: a@b.c\nDate: x\n\n");
    }

    #[test]
    fn quoting_is_undone_once() {
        assert_eq!(
            unescape(b"a\n>From b\n>>From c\n> From d".to_vec()),
            b"a\nFrom b\n>From c\n> From d"
        );
        assert_eq!(strip_postmark(b"From x 00:00\nA: b".to_vec()), b"A: b");
    }

    #[test]
    fn subjects_fit_in_a_source() {
        assert_eq!(
            subject_of(b"Subject: Re: TSB Circular 42/2023!\r\n  again\r\n\r\n").as_deref(),
            Some("Re: TSB Circular 42_2023_ again")
        );
        assert_eq!(subject_of(b"From: a@b.c\r\n\r\n"), None);
    }
}
