//! One policy for reading zip entries safely, shared by [`intake`](crate::intake) (zip archives
//! of replies) and [`docx`](crate::docx) (the package of one document): the limits, the check
//! of an entry's declared sizes before anything is inflated, and a bounded inflate in case the
//! declared sizes lie. Neutral ground: it knows neither stage.

use std::io::{self, Read};

/// Largest inflated size of one entry.
pub const MAX_ENTRY_BYTES: u64 = 64 << 20;
/// Highest size / compressed size of an entry over [`RATIO_EXEMPT_BYTES`] (zip bombs).
pub const MAX_COMPRESSION_RATIO: u64 = 200;
/// Entries smaller than this are not held to the ratio: small text compresses very well.
pub const RATIO_EXEMPT_BYTES: u64 = 1 << 20;
/// Most entries one zip may list.
pub const MAX_ENTRIES: usize = 10_000;
/// Most bytes inflated in all for one input (all its archives, or one package's parts).
pub const MAX_TOTAL_BYTES: u64 = 256 << 20;

/// Why an entry is not inflated, judged from the central directory alone.
#[derive(Debug, Clone, Copy, PartialEq, Eq, thiserror::Error)]
pub enum Refusal {
    #[error(
        "declares {} MiB uncompressed, above the limit of {} MiB: not inflated",
        .size >> 20,
        MAX_ENTRY_BYTES >> 20
    )]
    TooLarge { size: u64 },
    #[error(
        "compressed more than {MAX_COMPRESSION_RATIO}:1 ({compressed} bytes to {} MiB), the mark of a zip bomb: not inflated",
        .size >> 20
    )]
    Ratio { size: u64, compressed: u64 },
    #[error("inflates to more than {} MiB in all: not inflated", MAX_TOTAL_BYTES >> 20)]
    OverBudget,
}

/// Check an entry that declares `size` bytes inflated from `compressed`, with `budget` bytes
/// left of [`MAX_TOTAL_BYTES`].
pub fn check_entry(size: u64, compressed: u64, budget: u64) -> Result<(), Refusal> {
    if size > MAX_ENTRY_BYTES {
        return Err(Refusal::TooLarge { size });
    }
    // Multiplied, not divided: exact, and `compressed` may be 0.
    if size > RATIO_EXEMPT_BYTES && size > compressed.saturating_mul(MAX_COMPRESSION_RATIO) {
        return Err(Refusal::Ratio { size, compressed });
    }
    if size > budget {
        return Err(Refusal::OverBudget);
    }
    Ok(())
}

/// Inflate an entry that declares `declared` bytes, never keeping more than `limit`:
/// `Ok(None)` when it holds more (its declared size lied, or the budget ran out).
pub fn inflate_at_most(entry: impl Read, declared: u64, limit: u64) -> io::Result<Option<Vec<u8>>> {
    let capacity = usize::try_from(declared.min(limit).min(MAX_ENTRY_BYTES)).unwrap_or(0);
    let mut out = Vec::with_capacity(capacity);
    entry.take(limit.saturating_add(1)).read_to_end(&mut out)?;
    Ok((out.len() as u64 <= limit).then_some(out))
}

/// A zip of `(name, bytes)` entries, stored (for the tests of every stage that reads zips).
#[cfg(test)]
pub(crate) fn zip_of(entries: &[(&str, &[u8])]) -> Vec<u8> {
    use std::io::Write;
    let mut w = zip::ZipWriter::new(io::Cursor::new(Vec::new()));
    for (name, data) in entries {
        w.start_file(*name, zip::write::SimpleFileOptions::default())
            .unwrap();
        w.write_all(data).unwrap();
    }
    w.finish().unwrap().into_inner()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn refuses_from_the_directory() {
        assert_eq!(
            check_entry(MAX_ENTRY_BYTES + 1, 1 << 30, u64::MAX),
            Err(Refusal::TooLarge {
                size: MAX_ENTRY_BYTES + 1
            })
        );
        assert!(matches!(
            check_entry(10 << 20, 1000, u64::MAX),
            Err(Refusal::Ratio { .. })
        ));
        // Small, very compressible entries are fine.
        assert_eq!(check_entry(100_000, 10, u64::MAX), Ok(()));
        assert_eq!(
            check_entry(5 << 20, 4 << 20, 1 << 20),
            Err(Refusal::OverBudget)
        );
        assert_eq!(check_entry(5 << 20, 4 << 20, u64::MAX), Ok(()));
    }

    /// The ratio is exact: 200:1 passes, one byte more does not.
    #[test]
    fn ratio_at_the_limit() {
        let compressed = 10_000;
        let at = compressed * MAX_COMPRESSION_RATIO;
        assert!(at > RATIO_EXEMPT_BYTES);
        assert_eq!(check_entry(at, compressed, u64::MAX), Ok(()));
        assert!(check_entry(at + 1, compressed, u64::MAX).is_err());
        // Stored with nothing compressed: any size past the exemption is refused.
        assert!(check_entry(RATIO_EXEMPT_BYTES + 1, 0, u64::MAX).is_err());
    }

    #[test]
    fn messages_say_what_was_refused() {
        let r = check_entry(10 << 20, 1000, u64::MAX).unwrap_err();
        assert!(r.to_string().contains("zip bomb"), "{r}");
        assert!(r.to_string().contains("1000 bytes to 10 MiB"), "{r}");
        let r = check_entry(MAX_ENTRY_BYTES + 1, 1 << 30, u64::MAX).unwrap_err();
        assert!(r.to_string().contains("above the limit of 64 MiB"), "{r}");
    }

    #[test]
    fn inflating_stops_past_the_limit() {
        let data = [7u8; 100];
        assert_eq!(
            inflate_at_most(&data[..], 100, 100).unwrap().as_deref(),
            Some(&data[..])
        );
        assert_eq!(inflate_at_most(&data[..], 10, 99).unwrap(), None);
    }
}
