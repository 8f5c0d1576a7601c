//! replytally: reads the reply forms Member States return to an ITU-T TSB Circular under the
//! Traditional Approval Process and tallies them against the Resolution 1 §9.4.5 threshold.
//!
//! The pipeline, one module per stage:
//! [`intake`] (files, folders, emails, zips → candidate documents) →
//! [`docx`] (a .docx package → the document model) →
//! [`form`] (the document model → what the reply says, with the [`reference`] data) →
//! [`record`] (plain records) → [`corrections`] (a person's decisions applied) →
//! [`tally`] (per-draft counts and verdicts) → [`triage`] (the review list) →
//! [`report`] (the output files). [`pipeline`] runs them in order, keeping each file's
//! reading in the [`cache`] so that a re-run reads only what changed; with several circulars in
//! one run, [`circulars`] sorts the readings by circular, each tallied on its own; [`review`] serves the
//! same reading on a local page. [`zipsafe`] is the one
//! policy for inflating zip entries that intake and docx both follow; [`draft`] (a draft's
//! identity), [`fold`] (the one text fold) and [`warning`] are plain definitions every stage
//! shares.

pub mod cache;
pub mod circulars;
pub mod corrections;
pub mod docx;
pub mod draft;
pub mod explain;
pub mod fold;
pub mod form;
pub mod intake;
pub mod pdf;
pub mod pipeline;
pub mod record;
pub mod reference;
pub mod report;
pub mod review;
pub mod scan;
pub mod tally;
pub mod triage;
pub mod warning;
pub mod zipsafe;
