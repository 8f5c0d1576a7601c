//! The reading cache: what reading one document gave ([`Read`]), kept on disk so that a re-run
//! reads only the files that changed.
//!
//! Owns where the cache lives ([`Location`]: `DIR/.cache` beside the outputs, `--cache DIR`,
//! or none with `--no-cache`), the key of an entry, the entry format, and pruning. An entry is
//! keyed by everything the reading depends on and nothing else: the document's bytes (SHA-256),
//! the build of replytally (its version and its executable's size and modification time, so a
//! rebuilt or upgraded reader reads everything again), what kind of reading it was (a `.docx`,
//! or a `.doc` converted with `--convert`), and the two things the form reader takes besides the
//! bytes: the file's name (a Member State may be told by it) and the `From:` of the e-mail that
//! carried it. `--form`, `--deadline`, `--threshold` and the corrections act after the reading
//! (in `pipeline::assemble_with` and the tally), so they are not in the key.
//!
//! One small file per entry, named by its key: a warm run opens only the entries it needs, in
//! the parallel loop that hashes the files anyway, and a damaged entry costs one file. Each
//! entry is a header line (format, build, key, SHA-256 of the body) and a JSON body; an entry
//! whose header or checksum does not match, or whose body does not parse, is read again and
//! overwritten, never trusted. Entries are written atomically (a temporary file renamed) but
//! not synced: a torn entry after a crash fails its checksum. After the reading, entries the
//! run did not use are removed, so the cache holds the readings of the last run's inputs.

use std::collections::HashSet;
use std::fs;
use std::io::Write;
use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::{Mutex, OnceLock};

use serde::{Deserialize, Serialize};
use sha2::{Digest, Sha256};

use crate::intake::{Content, Input};
use crate::pipeline::{sha256_hex, BlankForm, Read};
use crate::record::{Failure, FailureKind, Reply};
use crate::warning::{Warning, WarningKind};

/// The entry format; entries of another format are never read (their keys differ too).
const FORMAT: &str = "1";
const MAGIC: &str = "replytally-cache";
/// What an entry's file name ends with.
const ENTRY_EXT: &str = ".entry";
/// The cache folder inside `--out`.
pub const DEFAULT_DIR: &str = ".cache";
/// A temporary file older than this was left by a run that stopped: removed when pruning.
const STALE_TEMP: std::time::Duration = std::time::Duration::from_secs(3600);

/// Where a run keeps its cache.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub enum Location {
    /// `DIR/.cache`, `DIR` being `--out`.
    #[default]
    InOut,
    /// `--cache DIR`.
    At(PathBuf),
    /// `--no-cache`: every file is read, nothing is kept.
    Off,
}

/// What the cache did in one run.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Stats {
    /// The cache folder, `None` with `--no-cache`.
    pub dir: Option<PathBuf>,
    /// Documents read by the reader (not found in the cache, or with no cache).
    pub read: usize,
    /// Documents whose reading came from the cache.
    pub cached: usize,
    /// Entries found damaged or of another build, and read again.
    pub bad: usize,
    /// Entries removed because this run did not use them.
    pub pruned: usize,
    /// Why the cache could not be used (the files were all read).
    pub problem: Option<String>,
}

impl std::fmt::Display for Stats {
    /// `read 1 file, 48 from the cache` and what else a person should know.
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        let files = |n: usize| if n == 1 { "file" } else { "files" };
        write!(f, "read {} {}", self.read, files(self.read))?;
        match (&self.dir, &self.problem) {
            (_, Some(p)) => write!(f, " (cache not used: {p})")?,
            (None, None) => write!(f, " (no cache)")?,
            (Some(d), None) => write!(f, ", {} from the cache {}", self.cached, d.display())?,
        }
        if self.bad > 0 {
            write!(
                f,
                "; {} damaged or outdated cache entries read again",
                self.bad
            )?;
        }
        if self.pruned > 0 {
            write!(f, "; {} unused cache entries removed", self.pruned)?;
        }
        Ok(())
    }
}

/// The cache of one run.
pub struct Cache {
    /// `None`: no cache (`--no-cache`, or its folder could not be made).
    dir: Option<PathBuf>,
    problem: Option<String>,
    build: &'static str,
    used: Mutex<HashSet<String>>,
    read: AtomicUsize,
    cached: AtomicUsize,
    bad: AtomicUsize,
}

impl Cache {
    /// The cache of a run writing into `out`; its folder is made if needed. A folder that
    /// cannot be made is no reason to stop the run: every file is read and [`Stats`] says why.
    pub fn open(location: &Location, out: &Path) -> Cache {
        let dir = match location {
            Location::InOut => out.join(DEFAULT_DIR),
            Location::At(d) => d.clone(),
            Location::Off => return Cache::with(None, None),
        };
        let Some(build) = build_id() else {
            let why = "the replytally executable cannot be identified".to_string();
            return Cache::with(None, Some(why));
        };
        match fs::create_dir_all(&dir) {
            Ok(()) => Cache {
                build,
                ..Cache::with(Some(dir), None)
            },
            Err(e) => Cache::with(None, Some(format!("cannot create {}: {e}", dir.display()))),
        }
    }

    /// No cache: every document is read.
    pub fn off() -> Cache {
        Cache::with(None, None)
    }

    fn with(dir: Option<PathBuf>, problem: Option<String>) -> Cache {
        Cache {
            dir,
            problem,
            build: "",
            used: Mutex::new(HashSet::new()),
            read: AtomicUsize::new(0),
            cached: AtomicUsize::new(0),
            bad: AtomicUsize::new(0),
        }
    }

    /// The reading of `input`: from the cache when a good entry is there, else `read()`, kept.
    pub fn read(&self, input: &Input, convert: bool, read: impl FnOnce() -> Read) -> Read {
        self.read_hashed(input, convert, true, |_| read())
    }

    /// [`Cache::read`], `read` given the SHA-256 (hex) of the file it reads, `None` when intake
    /// decided the input: the file is hashed once, for the key and the record alike (hashing
    /// was a tenth of a cold run, done twice). `excerpts`: whether the reading `read` gives
    /// has its excerpts, and must have them when it comes from the cache.
    pub fn read_hashed(
        &self,
        input: &Input,
        convert: bool,
        excerpts: bool,
        read: impl FnOnce(Option<&str>) -> Read,
    ) -> Read {
        let Some(what) = Keyed::of(input, convert) else {
            // Decided by intake (a picture, a skipped file): there is no reading to save.
            return read(None);
        };
        let content: [u8; 32] = Sha256::digest(what.bytes).into();
        let content_hex = hex(&content);
        let Some(dir) = &self.dir else {
            self.read.fetch_add(1, Ordering::Relaxed);
            return read(Some(&content_hex));
        };
        let key = what.key_of(self.build, &content);
        let path = dir.join(format!("{key}{ENTRY_EXT}"));
        if let Ok(mut set) = self.used.lock() {
            set.insert(key.clone());
        }
        match load(&path, self.build, &key) {
            // Read without excerpts: read again, with them, and kept so.
            Some(Ok(stored)) if excerpts && !stored.has_excerpts() => {}
            Some(Ok(stored)) => {
                self.cached.fetch_add(1, Ordering::Relaxed);
                return stored.into_read(&input.source);
            }
            Some(Err(())) => {
                self.bad.fetch_add(1, Ordering::Relaxed);
            }
            None => {}
        }
        self.read.fetch_add(1, Ordering::Relaxed);
        let fresh = read(Some(&content_hex));
        if let Some(stored) = Stored::of(&fresh, excerpts) {
            // Not fatal: the next run reads the file again.
            let _ = save(dir, &path, self.build, &key, &stored);
        }
        fresh
    }

    /// Whether `path` is an entry of this cache (the cache folder may sit among the inputs).
    pub fn holds(&self, path: &Path) -> bool {
        let Some(dir) = &self.dir else {
            return false;
        };
        let named_like_one = path
            .file_name()
            .and_then(|n| n.to_str())
            .is_some_and(is_entry_name);
        named_like_one && path.parent().is_some_and(|p| same_dir(p, dir))
    }

    /// Removes the entries this run did not use and says what the cache did.
    pub fn finish(self) -> Stats {
        let used = self.used.into_inner().unwrap_or_default();
        let pruned = self.dir.as_deref().map_or(0, |d| prune(d, &used));
        Stats {
            dir: self.dir,
            read: self.read.into_inner(),
            cached: self.cached.into_inner(),
            bad: self.bad.into_inner(),
            pruned,
            problem: self.problem,
        }
    }
}

/// What an entry's key is made of, besides the build.
struct Keyed<'a> {
    kind: &'static str,
    bytes: &'a [u8],
    file_name: &'a str,
    email_from: &'a str,
    /// The intake message a converted `.doc` keeps in its failure.
    extra: &'a str,
}

impl<'a> Keyed<'a> {
    /// What reading `input` depends on; `None` when intake decided it (nothing to read).
    fn of(input: &'a Input, convert: bool) -> Option<Keyed<'a>> {
        let (kind, bytes, extra) = match &input.content {
            Content::Word(bytes) => ("docx", bytes.as_slice(), ""),
            Content::Pdf(bytes) => ("pdf", bytes.as_slice(), ""),
            Content::Failed {
                message,
                original: Some(doc),
                ..
            } if convert => ("convert", doc.as_slice(), message.as_str()),
            _ => return None,
        };
        let email_from = input
            .container
            .as_ref()
            .and_then(|c| c.email_from.as_deref());
        Some(Keyed {
            kind,
            bytes,
            file_name: crate::pipeline::file_name(&input.source),
            // "\0" cannot be an address: no e-mail and an empty `From:` stay apart.
            email_from: email_from.unwrap_or("\0"),
            extra,
        })
    }

    #[cfg(test)]
    fn key(&self, build: &str) -> String {
        self.key_of(build, &Sha256::digest(self.bytes).into())
    }

    /// The entry's key: SHA-256 over every part, each preceded by its length (`content`: the
    /// SHA-256 of the bytes).
    fn key_of(&self, build: &str, content: &[u8; 32]) -> String {
        let mut h = Sha256::new();
        let parts: [&[u8]; 7] = [
            MAGIC.as_bytes(),
            FORMAT.as_bytes(),
            build.as_bytes(),
            self.kind.as_bytes(),
            self.file_name.as_bytes(),
            self.email_from.as_bytes(),
            self.extra.as_bytes(),
        ];
        for p in parts.iter().chain([&content[..]].iter()) {
            h.update((p.len() as u64).to_le_bytes());
            h.update(p);
        }
        hex(&h.finalize())
    }
}

/// A reading as an entry holds it: without its source (the entry serves every copy of the
/// file), warnings with their kind and drafts (`records.json` keeps only their text).
#[derive(Serialize, Deserialize)]
#[serde(tag = "read", rename_all = "snake_case")]
enum Stored {
    Reply {
        reply: Box<Reply>,
        warnings: Vec<StoredWarning>,
        /// Kept apart: `records.json` leaves them out, the review page shows them.
        #[serde(default)]
        excerpts: crate::form::excerpt::Excerpts,
        /// Whether they were built (a run that writes only the outputs builds none); entries
        /// older than this field always had them.
        #[serde(default = "yes")]
        excerpts_built: bool,
    },
    Blank {
        form: BlankForm,
    },
    NotAForm {
        message: String,
    },
    Failed {
        kind: FailureKind,
        message: String,
    },
}

#[derive(Serialize, Deserialize)]
struct StoredWarning {
    kind: WarningKind,
    drafts: Vec<String>,
    text: String,
}

fn yes() -> bool {
    true
}

impl Stored {
    /// Whether a reply's reading holds its excerpts (anything else has none to hold).
    fn has_excerpts(&self) -> bool {
        match self {
            Stored::Reply { excerpts_built, .. } => *excerpts_built,
            _ => true,
        }
    }

    /// `None` for a reader that panicked: a bug, maybe fixed by the next build, never kept.
    /// `excerpts`: whether the reading's excerpts were built.
    fn of(read: &Read, built: bool) -> Option<Stored> {
        Some(match read {
            Read::Reply(r) => {
                let mut reply = r.clone();
                let warnings = std::mem::take(&mut reply.warnings)
                    .into_iter()
                    .map(|w| StoredWarning {
                        kind: w.kind,
                        drafts: w.drafts,
                        text: w.text,
                    })
                    .collect();
                reply.source = String::new();
                let excerpts = std::mem::take(&mut reply.excerpts);
                Stored::Reply {
                    reply,
                    warnings,
                    excerpts,
                    excerpts_built: built,
                }
            }
            Read::Blank(b) => Stored::Blank {
                form: BlankForm {
                    source: String::new(),
                    ..b.clone()
                },
            },
            Read::NotAForm { message, .. } => Stored::NotAForm {
                message: message.clone(),
            },
            // A bug, maybe fixed by the next build; a skip, decided before any reading.
            Read::Failed(f) if f.kind == FailureKind::Internal => return None,
            Read::Skipped(_) => return None,
            Read::Failed(f) => Stored::Failed {
                kind: f.kind,
                message: f.message.clone(),
            },
        })
    }

    fn into_read(self, source: &str) -> Read {
        let source = source.to_string();
        match self {
            Stored::Reply {
                mut reply,
                warnings,
                excerpts,
                ..
            } => {
                reply.source = source;
                reply.excerpts = excerpts;
                reply.warnings = warnings
                    .into_iter()
                    .map(|w| Warning {
                        kind: w.kind,
                        drafts: w.drafts,
                        text: w.text,
                    })
                    .collect();
                Read::Reply(reply)
            }
            Stored::Blank { form } => Read::Blank(BlankForm { source, ..form }),
            Stored::NotAForm { message } => Read::NotAForm { source, message },
            Stored::Failed { kind, message } => Read::Failed(Failure {
                source,
                kind,
                message,
            }),
        }
    }
}

/// The entry at `path`: `None` when there is none, `Some(Err)` when it is damaged or not the
/// one expected (another build, another key, a bad checksum, a body that does not parse).
fn load(path: &Path, build: &str, key: &str) -> Option<Result<Stored, ()>> {
    let bytes = fs::read(path).ok()?;
    Some(parse(&bytes, build, key).ok_or(()))
}

fn parse(bytes: &[u8], build: &str, key: &str) -> Option<Stored> {
    let nl = memchr::memchr(b'\n', bytes)?;
    let (header, body) = (std::str::from_utf8(&bytes[..nl]).ok()?, &bytes[nl + 1..]);
    let fields: Vec<&str> = header.split(' ').collect();
    let expected = [MAGIC, FORMAT, build, key];
    if fields.len() != 5 || fields[..4] != expected || fields[4] != sha256_hex(body) {
        return None;
    }
    serde_json::from_slice(body).ok()
}

fn entry_bytes(build: &str, key: &str, stored: &Stored) -> serde_json::Result<Vec<u8>> {
    let body = serde_json::to_vec(stored)?;
    let mut out = format!("{MAGIC} {FORMAT} {build} {key} {}\n", sha256_hex(&body)).into_bytes();
    out.extend_from_slice(&body);
    Ok(out)
}

fn save(dir: &Path, path: &Path, build: &str, key: &str, stored: &Stored) -> std::io::Result<()> {
    let bytes = entry_bytes(build, key, stored)?;
    let mut tmp = tempfile::Builder::new()
        .prefix(".entry.")
        .suffix(".tmp")
        .tempfile_in(dir)?;
    tmp.write_all(&bytes)?;
    tmp.persist(path).map_err(|e| e.error)?;
    Ok(())
}

/// Removes the entries whose key is not in `used` (and temporary files a stopped run left);
/// other files in the folder are left alone. Returns how many entries went.
fn prune(dir: &Path, used: &HashSet<String>) -> usize {
    let Ok(list) = fs::read_dir(dir) else {
        return 0;
    };
    let mut pruned = 0;
    for entry in list.flatten() {
        let name = entry.file_name();
        let Some(name) = name.to_str() else {
            continue;
        };
        let unused = is_entry_name(name) && !used.contains(&name[..64]);
        let stale_temp = name.starts_with(".entry.")
            && name.ends_with(".tmp")
            && entry
                .metadata()
                .and_then(|m| m.modified())
                .is_ok_and(|t| t.elapsed().is_ok_and(|age| age > STALE_TEMP));
        if unused && fs::remove_file(entry.path()).is_ok() {
            pruned += 1;
        } else if stale_temp {
            let _ = fs::remove_file(entry.path());
        }
    }
    pruned
}

/// `<64 lower-case hex digits>.entry`.
fn is_entry_name(name: &str) -> bool {
    name.len() == 64 + ENTRY_EXT.len()
        && name.ends_with(ENTRY_EXT)
        && name[..64]
            .bytes()
            .all(|b| b.is_ascii_digit() || (b'a'..=b'f').contains(&b))
}

fn same_dir(a: &Path, b: &Path) -> bool {
    a == b
        || match (a.canonicalize(), b.canonicalize()) {
            (Ok(x), Ok(y)) => x == y,
            _ => false,
        }
}

fn hex(bytes: &[u8]) -> String {
    bytes.iter().map(|b| format!("{b:02x}")).collect()
}

/// This build of replytally: its version and its executable's size and modification time
/// (computed once). The version alone would keep the readings of an older reader after a
/// rebuild; hashing the executable would cost a read of it on every run.
fn build_id() -> Option<&'static str> {
    static ID: OnceLock<Option<String>> = OnceLock::new();
    ID.get_or_init(|| {
        let meta = fs::metadata(std::env::current_exe().ok()?).ok()?;
        let modified = meta.modified().ok()?;
        let since = modified.duration_since(std::time::UNIX_EPOCH).ok()?;
        Some(format!(
            "{}+{}.{}",
            env!("CARGO_PKG_VERSION"),
            meta.len(),
            since.as_nanos()
        ))
    })
    .as_deref()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::intake::Container;

    fn word(source: &str, bytes: &[u8]) -> Input {
        Input {
            source: source.to_string(),
            container: None,
            content: Content::Word(bytes.to_vec()),
        }
    }

    /// Every sample reply and blank form, read by the reader.
    fn sample_reads() -> Vec<(String, Vec<u8>, Read)> {
        let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("samples");
        let mut out = Vec::new();
        let files = fs::read_dir(&dir)
            .unwrap()
            .chain(fs::read_dir(dir.join("form")).unwrap());
        for e in files.flatten() {
            let p = e.path();
            if p.extension().is_some_and(|x| x == "docx") {
                let bytes = fs::read(&p).unwrap();
                let source = p.display().to_string();
                let read = crate::pipeline::read_word(&source, &bytes, None);
                out.push((source, bytes, read));
            }
        }
        assert!(out.len() >= 5, "the samples are there");
        out
    }

    #[test]
    fn an_entry_gives_back_the_reading_warnings_and_all() {
        let (mut with_warnings, mut blanks) = (0, 0);
        for (source, _, read) in sample_reads() {
            blanks += usize::from(matches!(read, Read::Blank(_)));
            let stored = Stored::of(&read, true).expect("kept");
            let bytes = entry_bytes("b", "k", &stored).unwrap();
            let back = parse(&bytes, "b", "k")
                .expect("a good entry")
                .into_read(&source);
            assert_eq!(format!("{back:?}"), format!("{read:?}"), "{source}");
            if let Read::Reply(r) = &read {
                with_warnings +=
                    usize::from(r.warnings.iter().any(|w| w.kind != WarningKind::Other));
            }
        }
        assert!(
            with_warnings > 0,
            "some warning kinds went through the entry"
        );
        assert!(blanks > 0, "the blank form went through the entry");
    }

    #[test]
    fn a_damaged_or_foreign_entry_is_refused() {
        let (_, _, read) = sample_reads().remove(0);
        let good = entry_bytes("b", "k", &Stored::of(&read, true).unwrap()).unwrap();
        assert!(parse(&good, "b", "k").is_some());
        assert!(parse(&good, "other-build", "k").is_none(), "another build");
        assert!(parse(&good, "b", "other-key").is_none(), "another key");
        assert!(
            parse(&good[..good.len() - 1], "b", "k").is_none(),
            "truncated"
        );
        assert!(
            parse(&good[..10], "b", "k").is_none(),
            "truncated in the header"
        );
        assert!(parse(b"", "b", "k").is_none(), "empty");
        let mut flipped = good.clone();
        let last = flipped.len() - 2;
        flipped[last] ^= 1;
        assert!(parse(&flipped, "b", "k").is_none(), "a byte changed");
    }

    #[test]
    fn the_key_is_the_content_the_name_and_the_sender() {
        let key = |i: &Input, convert| Keyed::of(i, convert).unwrap().key("b");
        let a = word("in/Kenya.docx", b"one");
        assert_eq!(
            key(&a, false),
            key(&word("elsewhere/Kenya.docx", b"one"), false)
        );
        assert_eq!(
            key(&a, false),
            key(&a, true),
            "--convert does not change a .docx"
        );
        assert_ne!(key(&a, false), key(&word("in/Kenya.docx", b"two"), false));
        assert_ne!(key(&a, false), key(&word("in/Peru.docx", b"one"), false));
        assert_ne!(
            key(&a, false),
            Keyed::of(&a, false).unwrap().key("c"),
            "build"
        );
        let mut mailed = word("m.eml!Kenya.docx", b"one");
        let from = |f: Option<&str>| Container {
            source: "m.eml".into(),
            email_from: f.map(str::to_string),
            email_date: None,
            email_subject: None,
        };
        mailed.container = Some(from(None));
        assert_eq!(key(&a, false), key(&mailed, false), "no From: is no From:");
        mailed.container = Some(from(Some("x@kenya.go.ke")));
        assert_ne!(key(&a, false), key(&mailed, false));
        let doc = Input {
            source: "in/Kenya.docx".into(),
            container: None,
            content: Content::Failed {
                kind: FailureKind::LegacyDoc,
                message: "m".into(),
                original: Some(b"one".to_vec()),
            },
        };
        assert!(
            Keyed::of(&doc, false).is_none(),
            "not read without --convert"
        );
        assert_ne!(key(&doc, true), key(&a, false));
    }

    #[test]
    fn a_second_reading_comes_from_the_cache_and_unused_entries_go() {
        let tmp = tempfile::tempdir().unwrap();
        let loc = Location::At(tmp.path().join("c"));
        let (source, bytes, _) = sample_reads().remove(0);
        let input = word(&source, &bytes);
        let reader = || crate::pipeline::read_word(&source, &bytes, None);
        let cache = Cache::open(&loc, tmp.path());
        let first = cache.read(&input, false, reader);
        let other = word("other.docx", b"not a zip");
        cache.read(&other, false, || {
            crate::pipeline::read_word("other.docx", b"x", None)
        });
        let s = cache.finish();
        assert_eq!((s.read, s.cached, s.pruned), (2, 0, 0), "{s}");
        fs::write(tmp.path().join("c/notes.txt"), "mine").unwrap();

        let cache = Cache::open(&loc, tmp.path());
        let again = cache.read(&input, false, || panic!("read again"));
        assert_eq!(format!("{again:?}"), format!("{first:?}"));
        let s = cache.finish();
        assert_eq!((s.read, s.cached, s.pruned), (0, 1, 1), "{s}");
        assert_eq!(
            s.to_string(),
            format!(
                "read 0 files, 1 from the cache {}; 1 unused cache entries removed",
                tmp.path().join("c").display()
            )
        );
        assert!(
            tmp.path().join("c/notes.txt").exists(),
            "not an entry: left alone"
        );
    }

    #[test]
    fn a_reading_kept_without_excerpts_is_read_again_when_they_are_wanted() {
        let tmp = tempfile::tempdir().unwrap();
        let loc = Location::At(tmp.path().join("c"));
        let (source, bytes, _) = sample_reads()
            .into_iter()
            .find(|(_, _, r)| matches!(r, Read::Reply(r) if !r.excerpts.is_empty()))
            .expect("a sample reply with excerpts");
        let input = word(&source, &bytes);
        let digest = crate::pipeline::sha256_hex(&bytes);
        let bare = |sha256: Option<&str>| {
            assert_eq!(
                sha256,
                Some(digest.as_str()),
                "the file's digest is handed on"
            );
            let Read::Reply(mut r) = crate::pipeline::read_word(&source, &bytes, None) else {
                unreachable!()
            };
            r.excerpts = Default::default();
            Read::Reply(r)
        };
        let cache = Cache::open(&loc, tmp.path());
        cache.read_hashed(&input, false, false, bare);
        // A run that drops excerpts takes the entry as it is.
        cache.read_hashed(&input, false, false, |_| panic!("read again"));
        assert_eq!(
            (
                cache.read.load(Ordering::Relaxed),
                cache.cached.load(Ordering::Relaxed)
            ),
            (1, 1)
        );
        // The review page wants them: the file is read again, and kept with them.
        let with = cache.read_hashed(&input, false, true, |_| {
            crate::pipeline::read_word(&source, &bytes, None)
        });
        let again = cache.read_hashed(&input, false, true, |_| panic!("read again"));
        assert_eq!(format!("{again:?}"), format!("{with:?}"));
        let Read::Reply(r) = again else {
            panic!("{again:?}")
        };
        assert!(!r.excerpts.is_empty());
        assert_eq!(r.sha256, digest);
    }

    #[test]
    fn no_cache_reads_and_keeps_nothing() {
        let tmp = tempfile::tempdir().unwrap();
        let cache = Cache::open(&Location::Off, tmp.path());
        let input = word("a.docx", b"x");
        cache.read(&input, false, || {
            crate::pipeline::read_word("a.docx", b"x", None)
        });
        let s = cache.finish();
        assert_eq!((s.read, s.cached, s.dir.is_none()), (1, 0, true));
        assert_eq!(s.to_string(), "read 1 file (no cache)");
        assert!(!tmp.path().join(DEFAULT_DIR).exists());
    }
}
