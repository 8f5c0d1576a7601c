//! [`Sink`]: the text of a report written straight into its file as it is made, through the
//! calls the builders would make on a `String` (`push_str`, `write!`), so that a large
//! run's Markdown or HTML is never held in memory whole. The first write error is kept and
//! returned by [`Sink::finish`]; writes after it are dropped.

use std::fmt;
use std::io;

pub(crate) struct Sink<'a> {
    out: &'a mut dyn io::Write,
    error: Option<io::Error>,
    /// Keep at most one newline at the very end (see [`Sink::trimming`]).
    trim: bool,
    /// Newlines at the end of what was pushed, not written yet (when `trim`).
    held: usize,
}

impl<'a> Sink<'a> {
    pub(crate) fn new(out: &'a mut dyn io::Write) -> Sink<'a> {
        Sink {
            out,
            error: None,
            trim: false,
            held: 0,
        }
    }

    /// A sink whose text ends with at most one newline, however many were pushed last: the
    /// newlines at the end are held back until more text follows them.
    pub(crate) fn trimming(out: &'a mut dyn io::Write) -> Sink<'a> {
        Sink {
            trim: true,
            ..Sink::new(out)
        }
    }

    fn write(&mut self, s: &str) {
        if self.error.is_none() && !s.is_empty() {
            if let Err(e) = self.out.write_all(s.as_bytes()) {
                self.error = Some(e);
            }
        }
    }

    pub(crate) fn push_str(&mut self, s: &str) {
        if !self.trim {
            self.write(s);
            return;
        }
        let body = s.trim_end_matches('\n');
        if body.is_empty() {
            self.held += s.len();
            return;
        }
        for _ in 0..std::mem::take(&mut self.held) {
            self.write("\n");
        }
        self.write(body);
        self.held = s.len() - body.len();
    }

    /// The end of the text: the newline held back, if any; the first error, if any.
    pub(crate) fn finish(mut self) -> io::Result<()> {
        if self.held > 0 {
            self.held = 0;
            self.write("\n");
        }
        match self.error.take() {
            Some(e) => Err(e),
            None => Ok(()),
        }
    }
}

impl fmt::Write for Sink<'_> {
    fn write_str(&mut self, s: &str) -> fmt::Result {
        self.push_str(s);
        if self.error.is_some() {
            return Err(fmt::Error);
        }
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::fmt::Write as _;

    #[test]
    fn writes_through_and_trims_newlines_at_the_end_only() {
        let mut out = Vec::new();
        let mut s = Sink::trimming(&mut out);
        s.push_str("a\n\n");
        s.push_str("\n");
        let _ = write!(s, "b{}\n\n", 1);
        s.push_str("\n");
        s.finish().unwrap();
        assert_eq!(out, b"a\n\n\nb1\n");
        let mut out = Vec::new();
        let mut s = Sink::new(&mut out);
        s.push_str("x\n\n");
        s.finish().unwrap();
        assert_eq!(out, b"x\n\n");
        let mut out = Vec::new();
        let mut s = Sink::trimming(&mut out);
        s.push_str("no newline");
        s.finish().unwrap();
        assert_eq!(out, b"no newline");
    }

    #[test]
    fn keeps_the_first_error() {
        struct Full;
        impl io::Write for Full {
            fn write(&mut self, _: &[u8]) -> io::Result<usize> {
                Err(io::Error::new(io::ErrorKind::StorageFull, "disk full"))
            }
            fn flush(&mut self) -> io::Result<()> {
                Ok(())
            }
        }
        let mut full = Full;
        let mut s = Sink::new(&mut full);
        assert!(write!(s, "a").is_err());
        s.push_str("b");
        let e = s.finish().unwrap_err();
        assert_eq!(e.kind(), io::ErrorKind::StorageFull);
    }
}
