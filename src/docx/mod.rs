//! Reading a .docx package: the zip container (with limits) and `word/document.xml` streamed
//! into the [`model`].

pub mod model;
