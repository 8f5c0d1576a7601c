//! Reading the reply form out of the document model.
