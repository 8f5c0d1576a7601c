//! Intake: what the user gave (files, folders, emails, zips, Outlook `.msg`) → candidate
//! documents or failures.
//!
//! Owns walking the paths given, classifying every blob by content ([`sniff`]), expanding
//! containers (e-mails, zip archives, Outlook messages; nested up to [`limits::MAX_NESTING`])
//! and the resource limits that keep a hostile input from exhausting memory or stack (each a
//! named constant in [`limits`], each tested in `tests/hostile.rs` or `tests/mailbox.rs`). Every
//! path given or found (but the output folder and a Maildir's `tmp/`, not walked) yields at least
//! one [`Input`]; nothing here panics on input. A Word 97-2003 `.doc` keeps
//! its bytes so that `--convert` can read it through LibreOffice ([`convert`]). Mailboxes
//! (mbox, Maildir, Outlook `.pst` through `readpst`) are listed message by message
//! ([`mailbox`]), and the files replytally itself writes are skipped wherever they are found.

mod archive;
pub mod convert;
mod email;
pub mod mailbox;
mod msg;
mod pst;
mod sniff;

use std::borrow::Cow;
use std::collections::HashSet;
use std::fs;
use std::io::Read;
use std::path::{Path, PathBuf};

use crate::record::FailureKind;

pub use mailbox::MessageRef;
pub use pst::{find_readpst, NO_READPST, READPST_TIMEOUT};
pub use sniff::{sniff, Sniffed};

/// Where an input came from when it was inside an email or archive.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Container {
    /// The e-mail that carried it (the innermost one: a forwarded message counts as its own
    /// e-mail), else the top-level archive given or found, e.g. `mail/x.eml`.
    pub source: String,
    /// The `From:` address of that e-mail (or of an enclosing one when it has none).
    pub email_from: Option<String>,
    /// Its `Date:`, as RFC 3339 in UTC.
    pub email_date: Option<String>,
    pub email_subject: Option<String>,
}

#[derive(Debug, Clone)]
pub enum Content {
    /// An OOXML word document (docx/docm/dotx) — to be read as a form.
    Word(Vec<u8>),
    /// A PDF — to be read by [`crate::pdf`], then as a form — or a page image given on its
    /// own (`.png`, `.jpg`, `.tif`), read by [`crate::scan`].
    Pdf(Vec<u8>),
    Failed {
        kind: FailureKind,
        message: String,
        /// The file itself, kept only for a Word 97-2003 `.doc` (not password-protected) that
        /// `--convert` may turn into a `.docx` ([`convert`]).
        original: Option<Vec<u8>>,
    },
    /// Not a document at all inside a container (image, signature) — becomes a warning on the
    /// reply of the same container.
    Other { message: String },
    /// Not a reply and not a failure: a file replytally wrote, a mailbox message with nothing
    /// attached. Listed in `records.json`'s `skipped` with the reason.
    Skipped { message: String },
}

#[derive(Debug, Clone)]
pub struct Input {
    /// The path as given joined with the walked directory; inside a container the outer
    /// source, `!`, the inner name (`mail/x.eml!Reply.docx`, nested `a.zip!b.eml!c.docx`).
    pub source: String,
    pub container: Option<Container>,
    pub content: Content,
}

pub mod limits {
    /// Largest file read from disk.
    pub const MAX_INPUT_BYTES: u64 = 64 << 20;
    /// Deepest nesting of containers (an e-mail in a zip in an e-mail …).
    pub const MAX_NESTING: usize = 8;
    /// The zip limits are [`zipsafe`](crate::zipsafe)'s, the same for every zip read:
    /// `MAX_ENTRY_BYTES` also bounds what is read from an Outlook message, and
    /// `MAX_TOTAL_BYTES` is what all archives of one top-level input may inflate together.
    pub use crate::zipsafe::{
        MAX_COMPRESSION_RATIO, MAX_ENTRIES as MAX_ARCHIVE_ENTRIES, MAX_ENTRY_BYTES,
        MAX_TOTAL_BYTES, RATIO_EXEMPT_BYTES,
    };
    /// Most files looked at inside one top-level input, all containers together: archives of
    /// archives multiply (42.zip lists a million files) even when each one is small.
    pub const MAX_MEMBERS: usize = 10_000;
    /// Most forwarded-message declarations (`message/rfc822`, `message/global`,
    /// `multipart/digest`) one e-mail may hold, encoded parts included. The mail parser builds
    /// and frees nested messages recursively: a chain thousands deep would overflow the stack,
    /// so the e-mail is refused before it is parsed.
    pub const MAX_EMBEDDED_MESSAGES: usize = 256;
    /// Most messages listed in one mailbox (an mbox, or what `readpst` wrote from a `.pst`):
    /// a larger one is refused whole, its scan stopped there.
    pub const MAX_MAILBOX_MESSAGES: usize = 100_000;
    /// Largest message read from a mailbox (the mailbox itself is streamed, never read whole).
    pub const MAX_MESSAGE_BYTES: u64 = MAX_INPUT_BYTES;
    /// Largest Outlook data file given to `readpst` (what it writes goes to a temporary folder,
    /// about as large).
    pub const MAX_PST_BYTES: u64 = 4 << 30;
}

pub const LEGACY_DOC_MESSAGE: &str =
    "a Word 97-2003 .doc file: open it in Word or LibreOffice and save it as .docx, then run again";
pub const ENCRYPTED_MESSAGE: &str = "password-protected: ask the sender for an unprotected copy or remove the password, save, and run again";

/// Expand the given paths (files or directories, walked recursively in sorted order; hidden
/// files and directories such as `.git` skipped; symbolic links not followed out of the tree)
/// into inputs, in a deterministic order.
pub fn collect(paths: &[PathBuf]) -> Vec<Input> {
    list(paths).iter().flat_map(open).collect()
}

/// The note on a file replytally wrote, found among the inputs.
pub const OWN_OUTPUT: &str = "written by replytally, not a reply";

/// A path found by [`list`], not read yet.
#[derive(Debug, Clone)]
pub enum Listed {
    /// A regular file: [`open`] reads and expands it.
    File {
        path: PathBuf,
        source: String,
        len: u64,
    },
    /// One message of a mailbox: [`open`] reads it alone.
    Message(MessageRef),
    /// Known without reading it: it cannot be read, or is not a regular file.
    Done(Input),
}

/// The paths given, walked as [`collect`] walks them, without reading any file. Reading each
/// with [`open`] inside a parallel loop keeps only the files being read in memory, not the
/// whole batch.
pub fn list(paths: &[PathBuf]) -> Vec<Listed> {
    list_excluding(paths, &[])
}

/// [`list`], never walking into the folders `exclude` names (the output folder): found inside
/// a folder given, they are passed over.
pub fn list_excluding(paths: &[PathBuf], exclude: &[PathBuf]) -> Vec<Listed> {
    let exclude: Vec<PathBuf> = exclude
        .iter()
        .filter_map(|p| fs::canonicalize(p).ok())
        .collect();
    let mut out = Vec::new();
    for path in paths {
        let source = path_string(path);
        match fs::metadata(path) {
            Err(e) => out.push(Listed::Done(failed(
                source,
                FailureKind::Unsupported,
                format!("cannot read it: {e}"),
            ))),
            Ok(meta) if meta.is_dir() => walk_dir(path, &exclude, &mut out),
            Ok(meta) if meta.is_file() => list_file(path, source, meta.len(), &mut out),
            Ok(_) => out.push(Listed::Done(failed(
                source,
                FailureKind::Unsupported,
                "not a regular file or a directory".to_string(),
            ))),
        }
    }
    out
}

/// The inputs of one listed path, as [`collect`] gives them: the file read and expanded.
pub fn open(listed: &Listed) -> Vec<Input> {
    match listed {
        Listed::File { path, source, len } => read_top(path, source.clone(), *len),
        Listed::Message(m) => mailbox::open(m),
        Listed::Done(input) => vec![input.clone()],
    }
}

/// Process one top-level blob already in memory (`name` is its file name, used only for
/// messages and a few name-based hints). Public so callers and tests can feed bytes directly.
pub fn expand_bytes(source: &str, name: &str, bytes: Vec<u8>) -> Vec<Input> {
    let source = source.to_string();
    let fallback = source.clone();
    // The parsers are third-party code: a panic in one must fail this input, not the batch.
    std::panic::catch_unwind(std::panic::AssertUnwindSafe(|| {
        top_level(source, name, bytes)
    }))
    .unwrap_or_else(|_| {
        vec![failed(
            fallback,
            FailureKind::Internal,
            crate::record::INTERNAL_FAILURE.to_string(),
        )]
    })
}

fn path_string(path: &Path) -> String {
    let s = path.to_string_lossy().into_owned();
    if cfg!(windows) {
        s.replace('\\', "/")
    } else {
        s
    }
}

fn failed(source: String, kind: FailureKind, message: String) -> Input {
    Input {
        source,
        container: None,
        content: Content::Failed {
            kind,
            message,
            original: None,
        },
    }
}

/// A `.doc` failure that keeps the file, for `--convert`.
fn legacy_doc(source: String, container: Option<Container>, bytes: Vec<u8>) -> Input {
    Input {
        source,
        container,
        content: Content::Failed {
            kind: FailureKind::LegacyDoc,
            message: LEGACY_DOC_MESSAGE.to_string(),
            original: Some(bytes),
        },
    }
}

fn is_hidden(name: &std::ffi::OsStr) -> bool {
    name.to_string_lossy().starts_with('.')
}

/// Whether `dir` is one of the `exclude`d folders (canonical paths).
fn is_excluded(dir: &Path, exclude: &[PathBuf]) -> bool {
    !exclude.is_empty() && fs::canonicalize(dir).is_ok_and(|d| exclude.contains(&d))
}

/// A file that is not a reply and not a failure (see [`Content::Skipped`]).
fn skipped(source: String, message: String) -> Input {
    Input {
        source,
        container: None,
        content: Content::Skipped { message },
    }
}

/// A regular file: a mailbox is listed message by message (by content: an mbox is often
/// named `Inbox` with no extension), anything else is read whole later.
fn list_file(path: &Path, source: String, len: u64, out: &mut Vec<Listed>) {
    /// Files that carry their own magic numbers and are never mailboxes: not opened here.
    const NOT_MAILBOX: [&str; 20] = [
        "docx", "docm", "dotx", "dotm", "doc", "dot", "pdf", "zip", "msg", "eml", "png", "jpg",
        "jpeg", "gif", "json", "csv", "html", "md", "xlsx", "toml",
    ];
    if !NOT_MAILBOX.contains(&lower_ext(&source).as_str()) {
        let mut head = Vec::with_capacity(mailbox::PEEK_BYTES);
        let peeked = fs::File::open(path)
            .and_then(|f| f.take(mailbox::PEEK_BYTES as u64).read_to_end(&mut head));
        if peeked.is_ok() && head.starts_with(pst::PST_MAGIC) {
            out.extend(pst::list_pst(path, &source, len));
            return;
        }
        if peeked.is_ok() && mailbox::is_mbox(&head) {
            out.extend(mailbox::list_mbox(path, &source, len));
            return;
        }
    }
    out.push(Listed::File {
        path: path.to_path_buf(),
        source,
        len,
    });
}

fn walk_dir(root: &Path, exclude: &[PathBuf], out: &mut Vec<Listed>) {
    let root_canonical = fs::canonicalize(root).ok();
    let mut maildirs = mailbox::Maildirs::default();
    let walker = walkdir::WalkDir::new(root)
        .follow_links(false)
        .sort_by_file_name()
        .min_depth(1)
        .into_iter()
        .filter_entry(|e| {
            !is_hidden(e.file_name())
                && !(e.file_type().is_dir()
                    && (is_excluded(e.path(), exclude) || mailbox::is_maildir_tmp(e.path())))
        });
    for entry in walker {
        let entry = match entry {
            Ok(entry) => entry,
            Err(e) => {
                let source = e.path().map_or_else(|| path_string(root), path_string);
                out.push(Listed::Done(failed(
                    source,
                    FailureKind::Unsupported,
                    format!("cannot read it: {e}"),
                )));
                continue;
            }
        };
        let file_type = entry.file_type();
        if file_type.is_dir() {
            continue;
        }
        let source = path_string(entry.path());
        if file_type.is_symlink() {
            match fs::canonicalize(entry.path()) {
                Err(e) => out.push(Listed::Done(failed(
                    source,
                    FailureKind::Unsupported,
                    format!("a broken symbolic link ({e})"),
                ))),
                // Inside the tree: its target is read where it lives (or is hidden on purpose).
                Ok(target)
                    if root_canonical
                        .as_ref()
                        .is_some_and(|r| target.starts_with(r)) => {}
                Ok(_) => out.push(Listed::Done(failed(
                    source,
                    FailureKind::Unsupported,
                    "a symbolic link to outside the folder, not followed: give the file itself"
                        .to_string(),
                ))),
            }
            continue;
        }
        if !file_type.is_file() {
            // FIFOs and devices could block or never end.
            out.push(Listed::Done(failed(
                source,
                FailureKind::Unsupported,
                "not a regular file".to_string(),
            )));
            continue;
        }
        match entry.metadata() {
            Ok(meta) => match maildirs.role(entry.path()) {
                mailbox::Role::Message => {
                    out.push(mailbox::maildir_message(entry.path(), source, meta.len()))
                }
                mailbox::Role::Beside => out.push(Listed::Done(skipped(
                    source,
                    "an index the mail program keeps beside a mailbox's messages, not a message"
                        .to_string(),
                ))),
                mailbox::Role::None => list_file(entry.path(), source, meta.len(), out),
            },
            Err(e) => out.push(Listed::Done(failed(
                source,
                FailureKind::Unsupported,
                format!("cannot read it: {e}"),
            ))),
        }
    }
}

fn too_large_message(len: u64) -> String {
    format!(
        "the file is {} MiB, above the limit of {} MiB: a reply form is far smaller; check that this is the right file",
        len >> 20,
        limits::MAX_INPUT_BYTES >> 20
    )
}

fn read_top(path: &Path, source: String, len: u64) -> Vec<Input> {
    if len > limits::MAX_INPUT_BYTES {
        return vec![failed(
            source,
            FailureKind::TooLarge,
            too_large_message(len),
        )];
    }
    // Sized from the metadata (at most the limit): no growing and copying while reading.
    let mut bytes = Vec::with_capacity(usize::try_from(len).map_or(0, |n| n.saturating_add(1)));
    // Read through `take`: the file may have grown since its metadata was read.
    let read = fs::File::open(path)
        .and_then(|f| f.take(limits::MAX_INPUT_BYTES + 1).read_to_end(&mut bytes));
    if let Err(e) = read {
        return vec![failed(
            source,
            FailureKind::Unsupported,
            format!("cannot read it: {e}"),
        )];
    }
    if bytes.len() as u64 > limits::MAX_INPUT_BYTES {
        return vec![failed(
            source,
            FailureKind::TooLarge,
            too_large_message(bytes.len() as u64),
        )];
    }
    let name = path
        .file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_default();
    expand_bytes(&source, &name, bytes)
}

/// How intake deals with one blob, whatever its level.
enum Verdict {
    Word,
    Pdf,
    /// A Word 97-2003 `.doc`, not password-protected: a failure unless converted.
    LegacyDoc,
    Email,
    Archive,
    OutlookMsg,
    Fail(FailureKind, String),
    /// Not a document: the description ("image").
    NotDocument(String),
    /// A file replytally wrote: which one ("records.json").
    OwnOutput(&'static str),
}

/// What a file replytally wrote is said to be.
fn own_message(name: &str) -> String {
    format!("{OWN_OUTPUT} (its {name})")
}

const LOCK_FILE: &str = "a Word lock file, left while a document is open";

/// Word leaves `~$name.docx` next to an open document: tiny, and not a document.
fn is_lock_file(name: &str) -> bool {
    name.rsplit(['/', '\\'])
        .next()
        .is_some_and(|base| base.starts_with("~$"))
}

fn lower_ext(name: &str) -> String {
    Path::new(name)
        .extension()
        .map(|e| e.to_string_lossy().to_ascii_lowercase())
        .unwrap_or_default()
}

fn has_word_ext(name: &str) -> bool {
    matches!(
        lower_ext(name).as_str(),
        "docx" | "docm" | "dotx" | "dotm" | "doc" | "dot"
    )
}

/// The verdict on a blob from its content; the name and MIME type only refine messages.
fn verdict(bytes: &[u8], name: &str, mime: Option<&str>) -> Verdict {
    use FailureKind as K;
    let ext = lower_ext(name);
    let mime = mime.map(str::to_ascii_lowercase).unwrap_or_default();
    if mime.contains("pkcs7-mime") || ext == "p7m" {
        return Verdict::Fail(
            K::Encrypted,
            "an S/MIME encrypted or opaque-signed part: ask the sender to send the reply form unencrypted".to_string(),
        );
    }
    if mime.contains("pkcs7-signature") || matches!(ext.as_str(), "p7s" | "sig" | "asc") {
        return Verdict::NotDocument("digital signature".to_string());
    }
    let sniffed = sniff(bytes);
    if is_lock_file(name) && sniffed != Sniffed::Word {
        return Verdict::NotDocument(LOCK_FILE.to_string());
    }
    match sniffed {
        Sniffed::Word => Verdict::Word,
        Sniffed::Archive => Verdict::Archive,
        Sniffed::Email if matches!(ext.as_str(), "mht" | "mhtml") => Verdict::Fail(
            K::Unsupported,
            "a web page archive (.mht): open it in Word and save it as .docx, then run again"
                .to_string(),
        ),
        Sniffed::Email => Verdict::Email,
        // A message whose first lines are unusual is still a message when it says so.
        Sniffed::Other("text") if ext == "eml" || mime == "message/rfc822" => Verdict::Email,
        Sniffed::OutlookMsg => Verdict::OutlookMsg,
        Sniffed::LegacyDoc { encrypted: false } => Verdict::LegacyDoc,
        Sniffed::LegacyDoc { encrypted: true } => Verdict::Fail(
            K::LegacyDoc,
            format!("{LEGACY_DOC_MESSAGE} (it is also password-protected: remove the password first)"),
        ),
        Sniffed::Encrypted => Verdict::Fail(K::Encrypted, ENCRYPTED_MESSAGE.to_string()),
        Sniffed::Pdf => Verdict::Pdf,
        Sniffed::Rtf => Verdict::Fail(
            K::Unsupported,
            "an RTF file: open it in Word and save it as .docx, then run again".to_string(),
        ),
        Sniffed::WordXml => Verdict::Fail(
            K::Unsupported,
            "a Word XML file, not a .docx package: open it in Word and save it as .docx, then run again".to_string(),
        ),
        Sniffed::OpenDocument { text: true } => Verdict::Fail(
            K::Unsupported,
            "an OpenDocument text: save it as .docx (in LibreOffice or Word), then run again"
                .to_string(),
        ),
        Sniffed::Tnef => Verdict::Fail(
            K::Unsupported,
            "an Outlook TNEF wrapper (winmail.dat) that may hold the attachments: ask the sender to send the reply form again as a plain attachment".to_string(),
        ),
        Sniffed::BrokenZip(e) => Verdict::Fail(
            K::Corrupt,
            format!("damaged: not a complete Word or zip file ({e}); ask the sender to send it again"),
        ),
        Sniffed::BrokenCfb(e) => Verdict::Fail(
            K::Corrupt,
            format!("damaged Office 97-2003 or Outlook file ({e}); ask the sender to send it again"),
        ),
        Sniffed::Empty if has_word_ext(name) => Verdict::Fail(
            K::Corrupt,
            "the file is empty (0 bytes); ask the sender to send it again".to_string(),
        ),
        Sniffed::Empty => Verdict::NotDocument("empty".to_string()),
        // Word's "save as web page" and plain text renamed: Word opens them, they are not .docx.
        Sniffed::Other(kind @ ("web page" | "text" | "XML file")) if has_word_ext(name) => {
            Verdict::Fail(
                K::Unsupported,
                format!("named .{ext} but it is a {kind}, not a Word document: open it in Word and save it as .docx, then run again"),
            )
        }
        Sniffed::Other(kind) if has_word_ext(name) => Verdict::Fail(
            K::Corrupt,
            format!("named .{ext} but not a Word document (its content is: {kind}); ask the sender to send the reply form again"),
        ),
        Sniffed::OpenDocument { text: false } => {
            Verdict::NotDocument("an OpenDocument file that is not a text document".to_string())
        }
        Sniffed::OtherOoxml(kind) | Sniffed::OtherCfb(kind) | Sniffed::Other(kind) => {
            Verdict::NotDocument(kind.to_string())
        }
        Sniffed::OwnOutput(name) => Verdict::OwnOutput(name),
    }
}

/// What a container is called in messages.
#[derive(Clone, Copy, PartialEq, Eq)]
enum Holder {
    Email,
    Archive,
    Msg,
}

impl Holder {
    fn label(self) -> &'static str {
        match self {
            Holder::Email => "the e-mail",
            Holder::Archive => "the zip archive",
            Holder::Msg => "the Outlook message",
        }
    }
}

fn top_level(source: String, name: &str, bytes: Vec<u8>) -> Vec<Input> {
    if bytes.is_empty() {
        let pdf = lower_ext(name) == "pdf";
        return vec![failed(
            source,
            if pdf {
                FailureKind::Pdf
            } else {
                FailureKind::Corrupt
            },
            "the file is empty (0 bytes); if it is a reply, ask the sender to send it again"
                .to_string(),
        )];
    }
    let holder = match verdict(&bytes, name, None) {
        Verdict::Word => {
            return vec![Input {
                source,
                container: None,
                content: Content::Word(bytes),
            }]
        }
        Verdict::Pdf => {
            return vec![Input {
                source,
                container: None,
                content: Content::Pdf(bytes),
            }]
        }
        // Word leaves `~$name.docx` next to an open document: tiny, and not a document.
        Verdict::NotDocument(_) if is_lock_file(name) => {
            let message =
                "a Word lock file (~$…), left while a document is open: close Word or delete it";
            return vec![failed(
                source,
                FailureKind::Unsupported,
                message.to_string(),
            )];
        }
        Verdict::LegacyDoc => return vec![legacy_doc(source, None, bytes)],
        Verdict::OwnOutput(name) => return vec![skipped(source, own_message(name))],
        Verdict::Fail(kind, message) => return vec![failed(source, kind, message)],
        // A page image given on its own is a scan of a reply (issue 14), read by crate::scan.
        Verdict::NotDocument(kind) if kind == "image" && crate::scan::is_image_name(name) => {
            return vec![Input {
                source,
                container: None,
                content: Content::Pdf(bytes),
            }]
        }
        Verdict::NotDocument(kind) => {
            let message = format!("not a reply form ({kind}): only Word files (.docx, .docm, .dotx), e-mails (.eml, .msg) and .zip archives are read");
            return vec![failed(source, FailureKind::Unsupported, message)];
        }
        Verdict::Email => Holder::Email,
        Verdict::Archive => Holder::Archive,
        Verdict::OutlookMsg => Holder::Msg,
    };
    let out = match expand_container(holder, &source, &bytes) {
        Ok(out) => out,
        Err(refused) => return vec![*refused],
    };
    // An e-mail or zip with no reply form inside is one failure, not a list of warnings.
    if out
        .iter()
        .any(|i| !matches!(i.content, Content::Other { .. }))
    {
        return out;
    }
    let own = |i: &Input| matches!(&i.content, Content::Other { message } if message.contains(OWN_OUTPUT));
    if !out.is_empty() && out.iter().all(own) {
        let message = format!("{} holds only files {OWN_OUTPUT}", holder.label());
        return vec![skipped(source, message)];
    }
    let label = holder.label();
    let message = if out.is_empty() {
        match holder {
            Holder::Archive => {
                format!("{label} is empty: the reply form should be in it as a .docx file")
            }
            _ => format!(
                "{label} has no attachment: the reply form should be attached as a .docx file"
            ),
        }
    } else {
        let mut found: Vec<String> = out
            .iter()
            .take(10)
            .filter_map(|i| match &i.content {
                Content::Other { message } => Some(message.clone()),
                _ => None,
            })
            .collect();
        if out.len() > 10 {
            found.push(format!("and {} more", out.len() - 10));
        }
        format!(
            "{label} holds no reply form (a .docx file): {}",
            found.join("; ")
        )
    };
    vec![failed(source, FailureKind::NotAReplyForm, message)]
}

/// The inputs of one container at the top (a file, or a mailbox's message), or the failure
/// that refuses it whole.
fn expand_container(holder: Holder, source: &str, bytes: &[u8]) -> Result<Vec<Input>, Box<Input>> {
    let env = Container {
        source: source.to_string(),
        email_from: None,
        email_date: None,
        email_subject: None,
    };
    let mut exp = Expansion::new();
    let held = Held {
        source,
        bytes,
        depth: 1,
        env: &env,
    };
    exp.container(holder, held);
    if exp.overflow {
        let message = format!(
            "{} holds more than {} files in all (counting those inside its e-mails and archives): not read, it may be a zip bomb; unpack it and run on the reply forms",
            holder.label(),
            limits::MAX_MEMBERS
        );
        return Err(Box::new(failed(
            source.to_string(),
            FailureKind::TooLarge,
            message,
        )));
    }
    Ok(exp.out)
}

/// One message of a mailbox, expanded as an `.eml` is. A message with nothing to read in it
/// (most of a mailbox: the discussion around the replies) is skipped, not a failure.
fn expand_message(source: &str, bytes: Vec<u8>) -> Vec<Input> {
    let inputs = || match expand_container(Holder::Email, source, &bytes) {
        Err(refused) => vec![*refused],
        Ok(out)
            if out
                .iter()
                .any(|i| !matches!(i.content, Content::Other { .. })) =>
        {
            out
        }
        Ok(out) => vec![mailbox::nothing_in_it(source.to_string(), &out)],
    };
    // The parsers are third-party code: a panic in one must fail this message, not the batch.
    std::panic::catch_unwind(std::panic::AssertUnwindSafe(inputs)).unwrap_or_else(|_| {
        vec![failed(
            source.to_string(),
            FailureKind::Internal,
            crate::record::INTERNAL_FAILURE.to_string(),
        )]
    })
}

/// A member found in a container, before its content is looked at.
struct Found<'a> {
    /// `outer!name`, already unique in its container.
    source: String,
    name: &'a str,
    /// The MIME type an e-mail declared for it.
    mime: Option<&'a str>,
    within: Holder,
}

/// A container to expand: where it is, its bytes, how deep it is nested (1 = the top-level
/// one), and the envelope it came in.
#[derive(Clone, Copy)]
struct Held<'a> {
    source: &'a str,
    bytes: &'a [u8],
    depth: usize,
    env: &'a Container,
}

/// The expansion of one top-level input: what came out, and what may still be inflated.
struct Expansion {
    out: Vec<Input>,
    budget: u64,
    /// Files looked at so far, bounded by `MAX_MEMBERS`.
    members: usize,
    /// Set once `MAX_MEMBERS` is passed: the expansion stops and the input fails whole.
    overflow: bool,
}

impl Expansion {
    fn new() -> Expansion {
        Expansion {
            out: Vec::new(),
            budget: limits::MAX_TOTAL_BYTES,
            members: 0,
            overflow: false,
        }
    }

    /// Count one more file found in a container; `false` once there are too many (the
    /// caller stops looking).
    fn count(&mut self) -> bool {
        self.members += 1;
        if self.members > limits::MAX_MEMBERS {
            self.overflow = true;
        }
        !self.overflow
    }

    fn push(&mut self, source: String, env: &Container, content: Content) {
        self.out.push(Input {
            source,
            container: Some(env.clone()),
            content,
        });
    }

    fn fail(&mut self, source: String, env: &Container, kind: FailureKind, message: String) {
        self.push(
            source,
            env,
            Content::Failed {
                kind,
                message,
                original: None,
            },
        );
    }

    /// Expand a container.
    fn container(&mut self, holder: Holder, held: Held<'_>) {
        match holder {
            Holder::Email => email::expand(self, held),
            Holder::Archive => archive::expand(self, held),
            Holder::Msg => msg::expand(self, held),
        }
    }

    /// One member of a container: a document, a failure, a note, or a nested container.
    fn member(&mut self, found: Found<'_>, bytes: Cow<'_, [u8]>, depth: usize, env: &Container) {
        let Found {
            source,
            name,
            mime,
            within,
        } = found;
        let what = match within {
            Holder::Archive => "file",
            Holder::Email | Holder::Msg => "attachment",
        };
        let holder = match verdict(&bytes, name, mime) {
            Verdict::Word => {
                self.push(source, env, Content::Word(bytes.into_owned()));
                return;
            }
            Verdict::Pdf => {
                self.push(source, env, Content::Pdf(bytes.into_owned()));
                return;
            }
            Verdict::LegacyDoc => {
                self.out
                    .push(legacy_doc(source, Some(env.clone()), bytes.into_owned()));
                return;
            }
            Verdict::Fail(kind, message) => {
                self.fail(source, env, kind, message);
                return;
            }
            Verdict::NotDocument(kind) => {
                let message = format!("{what} '{name}' is not a reply form ({kind})");
                self.push(source, env, Content::Other { message });
                return;
            }
            Verdict::OwnOutput(kind) => {
                let message = format!("{what} '{name}' is {}", own_message(kind));
                self.push(source, env, Content::Other { message });
                return;
            }
            Verdict::Email => Holder::Email,
            Verdict::Archive => Holder::Archive,
            Verdict::OutlookMsg => Holder::Msg,
        };
        let empty = match holder {
            Holder::Archive => "an empty zip archive",
            _ => EMPTY_MESSAGE,
        };
        let what = format!("{what} '{name}'");
        self.nested(source, depth, env, (&what, empty), |exp, source| {
            let held = Held {
                source,
                bytes: &bytes,
                depth: depth + 1,
                env,
            };
            exp.container(holder, held);
        });
    }

    /// A container found at nesting `depth` in another: refused past `MAX_NESTING`, else read
    /// by `read` (given its source). When nothing came out of it, a note says that `what` is
    /// not a reply form, being `empty`.
    fn nested(
        &mut self,
        source: String,
        depth: usize,
        env: &Container,
        (what, empty): (&str, &str),
        read: impl FnOnce(&mut Expansion, &str),
    ) {
        if depth >= limits::MAX_NESTING {
            self.fail(source, env, FailureKind::TooLarge, nesting_message());
            return;
        }
        let before = self.out.len();
        read(self, &source);
        if self.out.len() == before {
            let message = format!("{what} is not a reply form ({empty})");
            self.push(source, env, Content::Other { message });
        }
    }
}

/// What a message that carried nothing is, in notes.
const EMPTY_MESSAGE: &str = "an e-mail without attachments";

fn nesting_message() -> String {
    format!(
        "nested too deeply (more than {} e-mails or archives inside one another): send the reply form on its own",
        limits::MAX_NESTING
    )
}

/// Make `name` unique among the names already used in one container ("reply (2).docx").
fn unique_name(used: &mut HashSet<String>, name: &str) -> String {
    if used.insert(name.to_string()) {
        return name.to_string();
    }
    // The extension of the last path component only ("dir.v2/reply" has none).
    let base_start = name.rfind('/').map_or(0, |i| i + 1);
    let (stem, ext) = match name.rfind('.') {
        Some(dot) if dot > base_start => name.split_at(dot),
        _ => (name, ""),
    };
    let mut n = 2usize;
    loop {
        let candidate = format!("{stem} ({n}){ext}");
        if used.insert(candidate.clone()) {
            return candidate;
        }
        n += 1;
    }
}

/// The file name without the folders some mail programs leave in attachment names
/// (`C:\\Users\\me\\reply.docx`).
fn base_name(name: &str) -> &str {
    name.rsplit(['/', '\\']).next().unwrap_or(name)
}

/// A name fit for a `source`: control characters (which some mailers leave in) become '_'.
fn clean_name(name: &str) -> String {
    let cleaned: String = name
        .trim()
        .chars()
        .map(|c| if c.is_control() { '_' } else { c })
        .collect();
    cleaned
}

/// The file name a mail program gives a forwarded or embedded message when saving it: its
/// subject, with characters that cannot stand in a file name (or in a `source`) replaced.
pub(crate) fn message_file_name(subject: &str, fallback: &str, ext: &str) -> String {
    let safe: String = subject
        .chars()
        .map(|c| {
            if matches!(c, '/' | '\\' | '!' | ':') {
                '_'
            } else {
                c
            }
        })
        .collect();
    if safe.is_empty() {
        format!("{fallback}.{ext}")
    } else {
        format!("{safe}.{ext}")
    }
}

#[cfg(test)]
pub(super) mod tests {
    use super::*;

    /// Base64 of `data`, for test e-mails (the crate reads base64 but never writes it).
    pub(in crate::intake) fn b64(data: &[u8]) -> String {
        use base64::Engine as _;
        base64::engine::general_purpose::STANDARD.encode(data)
    }

    #[test]
    fn unique_names() {
        let mut used = HashSet::new();
        assert_eq!(unique_name(&mut used, "reply.docx"), "reply.docx");
        assert_eq!(unique_name(&mut used, "reply.docx"), "reply (2).docx");
        assert_eq!(unique_name(&mut used, "reply.docx"), "reply (3).docx");
        assert_eq!(unique_name(&mut used, "noext"), "noext");
        assert_eq!(unique_name(&mut used, "noext"), "noext (2)");
    }

    /// The failure kind of each input (`None` for one that did not fail).
    fn kinds(out: &[Input]) -> Vec<Option<FailureKind>> {
        out.iter()
            .map(|i| match &i.content {
                Content::Failed { kind, .. } => Some(*kind),
                _ => None,
            })
            .collect()
    }

    #[test]
    fn top_level_verdicts() {
        let kind = |name: &str, bytes: &[u8]| kinds(&expand_bytes(name, name, bytes.to_vec()));
        // A PDF is read as one (by crate::pdf), whatever its name.
        let pdf = expand_bytes("a.docx", "a.docx", b"%PDF-1.4 ...".to_vec());
        assert!(matches!(pdf[0].content, Content::Pdf(_)));
        assert_eq!(kind("a.txt", b"hello"), [Some(FailureKind::Unsupported)]);
        assert_eq!(kind("a.docx", b""), [Some(FailureKind::Corrupt)]);
        assert_eq!(kind("b.txt", b""), [Some(FailureKind::Corrupt)]);
    }

    /// Truncated and bit-flipped containers must give inputs, never a panic (called without
    /// the `catch_unwind` of `expand_bytes`, so a panic fails the test).
    #[test]
    fn damaged_containers_never_panic() {
        use crate::zipsafe::zip_of;
        use std::io::{Cursor, Write};
        let docx = zip_of(&[
            ("[Content_Types].xml", b"<Types/>".as_slice()),
            ("word/document.xml", b"<w:document/>".as_slice()),
        ]);
        let archive = zip_of(&[("r.docx", docx.as_slice())]);
        let b64 = b64(&docx);
        let eml = format!(
            "From: a@b.c\r\nDate: Mon, 6 Feb 2023 10:00:00 +0000\r\nMIME-Version: 1.0\r\nContent-Type: multipart/mixed; boundary=x\r\n\r\n--x\r\nContent-Type: message/rfc822\r\n\r\nFrom: d@e.f\r\nContent-Type: multipart/mixed; boundary=y\r\n\r\n--y\r\nContent-Type: application/octet-stream; name=r.docx\r\nContent-Transfer-Encoding: base64\r\n\r\n{b64}\r\n--y--\r\n--x--\r\n"
        )
        .into_bytes();
        let mut cf = cfb::CompoundFile::create(Cursor::new(Vec::new())).unwrap();
        cf.create_storage("/__attach_version1.0_#00000000").unwrap();
        cf.create_stream("/__attach_version1.0_#00000000/__substg1.0_37010102")
            .unwrap()
            .write_all(&docx)
            .unwrap();
        cf.create_stream("/__substg1.0_0C1F001F")
            .unwrap()
            .write_all(b"a\0@\0b\0")
            .unwrap();
        cf.flush().unwrap();
        let msg = cf.into_inner().into_inner();
        for blob in [&archive, &eml, &msg] {
            let whole = top_level("x".to_string(), "x", blob.clone());
            assert!(whole.iter().any(|i| matches!(i.content, Content::Word(_))));
            for cut in (0..blob.len()).step_by((blob.len() / 250).max(1)) {
                assert!(!top_level("x".to_string(), "x", blob[..cut].to_vec()).is_empty());
            }
            for at in (0..blob.len()).step_by((blob.len() / 400).max(1)) {
                let mut flipped = blob.clone();
                flipped[at] ^= 0x5A;
                assert!(!top_level("x".to_string(), "x", flipped).is_empty());
            }
        }
    }

    #[test]
    fn clean_names() {
        assert_eq!(clean_name(" a\u{0}b.docx "), "a_b.docx");
    }
}
