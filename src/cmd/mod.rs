//! The commands of the `replytally` binary, one file each (as xsv lays them out): each owns its
//! arguments and does its work through the library; `main.rs` only dispatches and turns the
//! [`Status`] or [`CmdError`] into an exit status.

pub mod explain;
pub mod extract;
pub mod review;
pub mod run;

use std::io::{self, Write};

use replytally::explain::ExplainError;
use replytally::pipeline::RunError;

/// How a command that did its work ended.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Status {
    /// Every input was processed.
    AllRead,
    /// The outputs were written but some inputs failed.
    SomeFailed,
}

impl Status {
    fn of(failures: usize) -> Status {
        if failures == 0 {
            Status::AllRead
        } else {
            Status::SomeFailed
        }
    }
}

/// Why a command could not do its work.
#[derive(Debug, thiserror::Error)]
pub enum CmdError {
    /// `run` stopped before writing anything (a bad option, an unwritable folder).
    #[error(transparent)]
    Run(#[from] RunError),
    /// `explain` could not read its file.
    #[error(transparent)]
    Explain(#[from] ExplainError),
    /// The review page could not start or stopped.
    #[error(transparent)]
    Review(#[from] replytally::review::ReviewError),
    #[error("cannot write the output: {0}")]
    Output(io::Error),
}

/// Write `bytes` to stdout. A reader that stops early (`replytally extract … | head`) closes
/// the pipe: that is not an error, the command ends as it would have.
fn print(bytes: &[u8]) -> Result<(), CmdError> {
    write_all_or_closed(io::stdout().lock(), bytes)
}

fn write_all_or_closed(mut out: impl Write, bytes: &[u8]) -> Result<(), CmdError> {
    match out.write_all(bytes).and_then(|()| out.flush()) {
        Err(e) if e.kind() != io::ErrorKind::BrokenPipe => Err(CmdError::Output(e)),
        _ => Ok(()),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// A writer that fails every write with `kind`.
    struct Closed {
        kind: io::ErrorKind,
    }

    impl Write for Closed {
        fn write(&mut self, _: &[u8]) -> io::Result<usize> {
            Err(io::Error::from(self.kind))
        }
        fn flush(&mut self) -> io::Result<()> {
            Ok(())
        }
    }

    #[test]
    fn a_closed_pipe_is_not_an_error_but_a_full_disk_is() {
        let pipe = Closed {
            kind: io::ErrorKind::BrokenPipe,
        };
        assert!(write_all_or_closed(pipe, b"{}").is_ok());
        let full = Closed {
            kind: io::ErrorKind::StorageFull,
        };
        let e = write_all_or_closed(full, b"{}").unwrap_err();
        assert!(e.to_string().starts_with("cannot write the output"), "{e}");
    }
}
