//! Zip archives: every member becomes an input, with the limits that refuse a zip bomb from the
//! central directory alone (entry count, declared size, compression ratio, total budget) before
//! anything is inflated, and a bounded read in case the declared sizes lie.

use std::borrow::Cow;
use std::collections::HashSet;
use std::io::Cursor;

use zip::ZipArchive;

use super::{clean_name, limits, unique_name, Expansion, Found, Held, Holder};
use crate::record::FailureKind;
use crate::zipsafe::{self, Refusal};

/// Expand a zip archive into `exp`.
pub(super) fn expand(exp: &mut Expansion, held: Held<'_>) {
    let (source, bytes, depth, env) = (held.source, held.bytes, held.depth, held.env);
    let mut zip = match ZipArchive::new(Cursor::new(bytes)) {
        Ok(zip) => zip,
        Err(e) => {
            exp.fail(
                source.to_string(),
                env,
                FailureKind::Corrupt,
                format!("damaged zip archive ({e}); ask the sender to send it again"),
            );
            return;
        }
    };
    if zip.len() > limits::MAX_ARCHIVE_ENTRIES {
        exp.fail(
            source.to_string(),
            env,
            FailureKind::TooLarge,
            format!(
                "the zip archive lists {} entries, above the limit of {}: send the reply forms on their own",
                zip.len(),
                limits::MAX_ARCHIVE_ENTRIES
            ),
        );
        return;
    }
    let mut used = HashSet::new();
    for index in 0..zip.len() {
        let (name, size, compressed, encrypted) = match zip.by_index_data(index) {
            Ok(entry) => {
                if entry.is_dir() {
                    continue;
                }
                let name = match entry.name() {
                    Ok(name) => clean_name(&name),
                    Err(_) => clean_name(&String::from_utf8_lossy(entry.name_raw())),
                };
                (
                    name,
                    entry.size(),
                    entry.compressed_size(),
                    entry.encrypted(),
                )
            }
            Err(e) => {
                exp.fail(
                    format!("{source}!#{}", index + 1),
                    env,
                    FailureKind::Corrupt,
                    format!("damaged entry in the zip archive ({e})"),
                );
                continue;
            }
        };
        if is_metadata(&name) {
            continue;
        }
        if !exp.count() {
            return;
        }
        let name = if name.is_empty() {
            format!("entry {}", index + 1)
        } else {
            name
        };
        let name = unique_name(&mut used, &name);
        let member = format!("{source}!{name}");
        if encrypted {
            exp.fail(
                member,
                env,
                FailureKind::Encrypted,
                "password-protected inside the zip archive: ask the sender for an archive without a password, or unpack it and run on the files".to_string(),
            );
            continue;
        }
        if let Err(refusal) = zipsafe::check_entry(size, compressed, exp.budget) {
            let message = match refusal {
                Refusal::OverBudget => format!("the archive {refusal}"),
                _ => refusal.to_string(),
            };
            exp.fail(member, env, FailureKind::TooLarge, message);
            continue;
        }
        let data = match inflate(&mut zip, index, size) {
            Ok(data) => data,
            Err(message) => {
                exp.fail(member, env, FailureKind::Corrupt, message);
                continue;
            }
        };
        exp.budget = exp.budget.saturating_sub(data.len() as u64);
        exp.member(
            Found {
                source: member,
                name: &name,
                mime: None,
                within: Holder::Archive,
            },
            Cow::Owned(data),
            depth,
            env,
        );
    }
}

/// Entries that archivers add and no one sends on purpose: macOS resource forks and hidden files.
fn is_metadata(name: &str) -> bool {
    name.split('/')
        .any(|part| part == "__MACOSX" || part.starts_with('.'))
}

/// Inflate one member, never past its declared size (the zip crate also errors when a stream
/// runs past it; `take` bounds memory whatever happens).
fn inflate(
    zip: &mut ZipArchive<Cursor<&[u8]>>,
    index: usize,
    size: u64,
) -> Result<Vec<u8>, String> {
    let damaged = |e: &dyn std::fmt::Display| format!("damaged entry in the zip archive ({e})");
    let file = zip.by_index(index).map_err(|e| damaged(&e))?;
    zipsafe::inflate_at_most(file, size, size)
        .map_err(|e| damaged(&e))?
        .ok_or_else(|| damaged(&"longer than its declared size"))
}

#[cfg(test)]
mod tests {
    use super::super::Container;
    use super::*;
    use crate::zipsafe::zip_of;

    fn held<'a>(bytes: &'a [u8], env: &'a Container) -> Held<'a> {
        Held {
            source: "a.zip",
            bytes,
            depth: 1,
            env,
        }
    }

    fn env() -> Container {
        Container {
            source: "a.zip".to_string(),
            email_from: None,
            email_date: None,
            email_subject: None,
        }
    }

    /// `MAX_TOTAL_BYTES` is where the budget starts; what it guards is checked here with a
    /// small budget, so that the test does not inflate 256 MiB.
    #[test]
    fn total_budget_stops_inflating() {
        let zip = zip_of(&[
            ("a.bin", &[1u8; 600]),
            ("b.bin", &[2u8; 600]),
            ("c.bin", &[3u8; 10]),
        ]);
        let mut exp = Expansion::new();
        assert_eq!(exp.budget, limits::MAX_TOTAL_BYTES);
        exp.budget = 1000;
        expand(&mut exp, held(&zip, &env()));
        let kinds: Vec<_> = exp
            .out
            .iter()
            .map(|i| match &i.content {
                super::super::Content::Failed { kind, .. } => Some(*kind),
                _ => None,
            })
            .collect();
        assert_eq!(kinds, [None, Some(FailureKind::TooLarge), None]);
        assert_eq!(exp.budget, 1000 - 600 - 10);
    }

    #[test]
    fn members_are_counted_across_archives() {
        let inner = zip_of(&[("x.bin", b"1"), ("y.bin", b"2")]);
        let outer = zip_of(&[("i1.zip", &inner), ("i2.zip", &inner)]);
        let mut exp = Expansion::new();
        expand(&mut exp, held(&outer, &env()));
        assert_eq!(exp.members, 6);
        assert!(!exp.overflow);
        let mut exp = Expansion::new();
        exp.members = limits::MAX_MEMBERS - 3;
        expand(&mut exp, held(&outer, &env()));
        assert!(exp.overflow);
    }

    #[test]
    fn metadata_entries() {
        assert!(is_metadata("__MACOSX/._reply.docx"));
        assert!(is_metadata("replies/.DS_Store"));
        assert!(!is_metadata("replies/reply.docx"));
    }
}
