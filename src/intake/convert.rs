//! `--convert`: turning a Word 97-2003 `.doc` into `.docx` with LibreOffice, when it is
//! installed.
//!
//! Owns finding `soffice` on the `PATH` and running it on one file in a private temporary
//! folder, with its own fresh user profile (so that conversions can run side by side and never
//! touch the user's LibreOffice settings), a time limit, and a size limit on what it writes.
//! The file is always written under a fixed name: nothing from the input reaches the command
//! line.

use std::ffi::OsString;
use std::fs;
use std::io::Read;
use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};
use std::sync::atomic::{AtomicU64, Ordering};
use std::time::{Duration, Instant};

use super::limits;

/// The warning put on a reply read from a converted `.doc`.
pub const CONVERTED_WARNING: &str = "converted from .doc with LibreOffice";

/// Longest a conversion may take before LibreOffice is stopped. Starting a fresh profile
/// takes a few seconds; a reply form converts in well under a minute.
pub const CONVERT_TIMEOUT: Duration = Duration::from_secs(120);

/// The names LibreOffice's command goes by on the `PATH`, in order of preference.
const PROGRAMS: [&str; 2] = ["soffice", "libreoffice"];

/// Why a `.doc` could not be converted. Messages complete "--convert: …".
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum ConvertError {
    #[error("LibreOffice was not found (no `soffice` on the PATH): install LibreOffice, or save the file as .docx by hand")]
    NotFound,
    #[error("cannot prepare a temporary folder for LibreOffice ({0})")]
    TempDir(String),
    #[error("cannot start LibreOffice ({0})")]
    Start(String),
    #[error("LibreOffice did not finish within {} seconds and was stopped", .0.as_secs())]
    TimedOut(Duration),
    #[error("LibreOffice could not convert it ({0})")]
    Failed(String),
    #[error("LibreOffice's .docx is larger than {} MiB", limits::MAX_INPUT_BYTES >> 20)]
    TooLarge,
}

/// LibreOffice's command on the `PATH`, if any.
pub fn find_soffice() -> Option<PathBuf> {
    let path = std::env::var_os("PATH")?;
    find_in(&path)
}

fn find_in(path: &std::ffi::OsStr) -> Option<PathBuf> {
    PROGRAMS.iter().find_map(|name| {
        std::env::split_paths(path)
            .filter(|dir| !dir.as_os_str().is_empty())
            .map(|dir| dir.join(name))
            .find(|candidate| is_executable(candidate))
    })
}

#[cfg(unix)]
pub(super) fn is_executable(path: &Path) -> bool {
    use std::os::unix::fs::PermissionsExt;
    fs::metadata(path).is_ok_and(|m| m.is_file() && m.permissions().mode() & 0o111 != 0)
}

#[cfg(not(unix))]
pub(super) fn is_executable(path: &Path) -> bool {
    path.with_extension("exe").is_file() || path.is_file()
}

/// Convert `.doc` bytes to `.docx` bytes with the LibreOffice found on the `PATH`.
pub fn convert_doc(bytes: &[u8]) -> Result<Vec<u8>, ConvertError> {
    let soffice = find_soffice().ok_or(ConvertError::NotFound)?;
    convert_with(&soffice, bytes, CONVERT_TIMEOUT)
}

/// Convert with a given `soffice` program and time limit.
pub fn convert_with(
    soffice: &Path,
    bytes: &[u8],
    timeout: Duration,
) -> Result<Vec<u8>, ConvertError> {
    let work = TempDir::new().map_err(|e| ConvertError::TempDir(e.to_string()))?;
    let input = work.path.join("reply.doc");
    let outdir = work.path.join("out");
    let log = work.path.join("soffice.log");
    let prepare = || -> std::io::Result<fs::File> {
        fs::write(&input, bytes)?;
        fs::create_dir(&outdir)?;
        fs::File::create(&log)
    };
    let log_file = prepare().map_err(|e| ConvertError::TempDir(e.to_string()))?;
    let mut profile = OsString::from("-env:UserInstallation=");
    profile.push(file_url(&work.path.join("profile")));
    let mut command = Command::new(soffice);
    command
        .arg(profile)
        .args([
            "--headless",
            "--norestore",
            "--nologo",
            "--nolockcheck",
            "--convert-to",
            "docx",
            "--outdir",
        ])
        .arg(&outdir)
        .arg(&input)
        .current_dir(&work.path)
        .stdin(Stdio::null())
        .stdout(Stdio::null())
        .stderr(Stdio::from(log_file));
    let status = match run_bounded(command, timeout) {
        Ok(status) => status,
        Err(Bounded::Start(e)) => return Err(ConvertError::Start(e)),
        Err(Bounded::TimedOut) => return Err(ConvertError::TimedOut(timeout)),
        Err(Bounded::Wait(e)) => return Err(ConvertError::Failed(e)),
    };
    let out = outdir.join("reply.docx");
    let file = match fs::File::open(&out) {
        Ok(f) => f,
        Err(_) => {
            let said = fs::read(&log)
                .map(|l| last_line(&String::from_utf8_lossy(&l)))
                .unwrap_or_default();
            let why = match (status.success(), said.is_empty()) {
                (true, true) => "it wrote no .docx file".to_string(),
                (true, false) => format!("it wrote no .docx file: {said}"),
                (false, true) => format!("it exited with {status}"),
                (false, false) => format!("it exited with {status}: {said}"),
            };
            return Err(ConvertError::Failed(why));
        }
    };
    let mut docx = Vec::new();
    file.take(limits::MAX_INPUT_BYTES + 1)
        .read_to_end(&mut docx)
        .map_err(|e| ConvertError::Failed(format!("cannot read its .docx: {e}")))?;
    if docx.len() as u64 > limits::MAX_INPUT_BYTES {
        return Err(ConvertError::TooLarge);
    }
    Ok(docx)
}

/// The last non-empty line LibreOffice printed, shortened: the part of its log worth showing.
fn last_line(log: &str) -> String {
    let line = log
        .lines()
        .map(str::trim)
        .rfind(|l| !l.is_empty() && !l.starts_with("Warning: failed to launch javaldx"))
        .unwrap_or("");
    line.chars().take(200).collect()
}

/// Stop a conversion: the whole process group where there is one, then the child itself.
/// Why [`run_bounded`] gave no exit status.
pub(crate) enum Bounded {
    /// The program could not be started.
    Start(String),
    /// It ran past its time and was stopped.
    TimedOut,
    /// Waiting for it failed.
    Wait(String),
}

/// Runs `command` in a process group of its own (a stuck program and the children it started
/// are stopped whole: LibreOffice's launcher starts `soffice.bin`), at most `timeout`.
pub(crate) fn run_bounded(
    mut command: Command,
    timeout: Duration,
) -> Result<std::process::ExitStatus, Bounded> {
    #[cfg(unix)]
    {
        use std::os::unix::process::CommandExt;
        command.process_group(0);
    }
    let mut child = command.spawn().map_err(|e| Bounded::Start(e.to_string()))?;
    let started = Instant::now();
    loop {
        match child.try_wait() {
            Ok(Some(status)) => return Ok(status),
            Ok(None) if started.elapsed() >= timeout => {
                stop(&mut child);
                return Err(Bounded::TimedOut);
            }
            Ok(None) => std::thread::sleep(Duration::from_millis(50)),
            Err(e) => {
                stop(&mut child);
                return Err(Bounded::Wait(e.to_string()));
            }
        }
    }
}

pub(super) fn stop(child: &mut std::process::Child) {
    #[cfg(unix)]
    {
        // No libc binding here: `kill` the group (negative pid) through the standard tool.
        let _ = Command::new("kill")
            .args(["-KILL", "--", &format!("-{}", child.id())])
            .stdin(Stdio::null())
            .stdout(Stdio::null())
            .stderr(Stdio::null())
            .status();
    }
    let _ = child.kill();
    let _ = child.wait();
}

/// `file://` URL of an absolute path, percent-encoding everything but unreserved characters
/// and `/` (LibreOffice takes the profile location as a URL).
fn file_url(path: &Path) -> String {
    let s = path.to_string_lossy();
    let s = s.replace('\\', "/");
    let mut url = String::from("file://");
    if !s.starts_with('/') {
        url.push('/');
    }
    for b in s.bytes() {
        if b.is_ascii_alphanumeric() || matches!(b, b'/' | b'-' | b'_' | b'.' | b'~' | b':') {
            url.push(b as char);
        } else {
            url.push_str(&format!("%{b:02X}"));
        }
    }
    url
}

/// A private temporary folder, removed when dropped.
#[derive(Debug)]
pub(super) struct TempDir {
    pub(super) path: PathBuf,
}

impl TempDir {
    pub(super) fn new() -> std::io::Result<TempDir> {
        static COUNTER: AtomicU64 = AtomicU64::new(0);
        let base = std::env::temp_dir();
        let nanos = std::time::SystemTime::now()
            .duration_since(std::time::UNIX_EPOCH)
            .map_or(0, |d| d.subsec_nanos());
        let mut last = None;
        for _ in 0..16 {
            let n = COUNTER.fetch_add(1, Ordering::Relaxed);
            let path = base.join(format!(
                "replytally-convert-{}-{n}-{nanos}",
                std::process::id()
            ));
            let mut builder = fs::DirBuilder::new();
            #[cfg(unix)]
            {
                use std::os::unix::fs::DirBuilderExt;
                builder.mode(0o700);
            }
            match builder.create(&path) {
                Ok(()) => return Ok(TempDir { path }),
                Err(e) if e.kind() == std::io::ErrorKind::AlreadyExists => last = Some(e),
                Err(e) => return Err(e),
            }
        }
        Err(last.unwrap_or_else(|| std::io::Error::other("no free temporary name")))
    }
}

impl Drop for TempDir {
    fn drop(&mut self) {
        let _ = fs::remove_dir_all(&self.path);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn urls_of_paths() {
        assert_eq!(
            file_url(Path::new("/tmp/a b/profile")),
            "file:///tmp/a%20b/profile"
        );
        assert_eq!(file_url(Path::new("/tmp/é")), "file:///tmp/%C3%A9");
    }

    #[test]
    fn not_found_on_an_empty_path() {
        assert_eq!(find_in(std::ffi::OsStr::new("")), None);
        let dir = std::env::temp_dir().join(format!("replytally-nopath-{}", std::process::id()));
        let _ = fs::create_dir_all(&dir);
        assert_eq!(find_in(dir.as_os_str()), None);
        let _ = fs::remove_dir_all(&dir);
    }

    #[test]
    fn log_lines() {
        assert_eq!(
            last_line("Warning: failed to launch javaldx - java may not function correctly\n"),
            ""
        );
        assert_eq!(
            last_line("a\nError: source file could not be loaded\n\n"),
            "Error: source file could not be loaded"
        );
    }

    /// A stand-in `soffice` that never finishes is stopped at the time limit, and one that
    /// writes nothing is a failure that says so.
    #[cfg(unix)]
    #[test]
    fn stuck_and_silent_programs() {
        /// An executable shell script `name` in `dir` running `body`.
        fn script(dir: &TempDir, name: &str, body: &str) -> PathBuf {
            use std::os::unix::fs::PermissionsExt;
            let path = dir.path.join(name);
            fs::write(&path, format!("#!/bin/sh\n{body}")).unwrap();
            fs::set_permissions(&path, fs::Permissions::from_mode(0o755)).unwrap();
            path
        }
        let dir = TempDir::new().unwrap();
        let stuck = script(&dir, "stuck", "sleep 30\n");
        let start = Instant::now();
        let e = convert_with(&stuck, b"x", Duration::from_millis(300)).unwrap_err();
        assert!(matches!(e, ConvertError::TimedOut(_)), "{e:?}");
        assert!(start.elapsed() < Duration::from_secs(10));

        let silent = script(
            &dir,
            "silent",
            "echo 'Error: source file could not be loaded' >&2\nexit 0\n",
        );
        let e = convert_with(&silent, b"x", Duration::from_secs(20)).unwrap_err();
        assert_eq!(
            e.to_string(),
            "LibreOffice could not convert it (it wrote no .docx file: Error: source file could not be loaded)"
        );

        // A stand-in that copies its input shows the command line: fixed names, fresh profile.
        let copy = script(
            &dir,
            "copy",
            "for a in \"$@\"; do last=\"$a\"; done\nprev=''\nfor a in \"$@\"; do if [ \"$prev\" = --outdir ]; then out=\"$a\"; fi; prev=\"$a\"; done\ncase \"$1\" in -env:UserInstallation=file:///*) ;; *) exit 3;; esac\ncp \"$last\" \"$out/reply.docx\"\n",
        );
        assert_eq!(
            convert_with(&copy, b"PK fake", Duration::from_secs(20)).unwrap(),
            b"PK fake"
        );
    }
}
