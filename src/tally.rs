//! The tally.
