//! Intake: what the user gave (files, folders, emails, zips) → candidate documents or failures.
