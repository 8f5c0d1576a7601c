//! The output files.
