//! replytally: reads the reply forms Member States return to an ITU-T TSB Circular under the
//! Traditional Approval Process and tallies them against the Resolution 1 §9.4.5 threshold.
//!
//! The pipeline, one module per stage:
//! [`intake`] (files, folders, emails, zips → candidate documents) →
//! [`docx`] (a .docx package → the document model) →
//! [`form`] (the document model → what the reply says) →
//! [`record`] (plain records) → [`corrections`] (a person's decisions applied) → [`tally`] (per-draft counts and verdicts) →
//! [`report`] (the output files). [`pipeline`] runs them in order.

pub mod corrections;
pub mod docx;
pub mod explain;
pub mod form;
pub mod intake;
pub mod pipeline;
pub mod record;
pub mod report;
pub mod review;
pub mod tally;
pub mod triage;
