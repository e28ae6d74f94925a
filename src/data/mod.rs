//! Reading and validating graph-data: from TOML files to a [`crate::Model`].

pub(crate) mod coverage_files;
mod drafts;
mod error;
mod files;
mod loader;
pub(crate) mod raw;
mod rules;
mod vocabulary_file;

pub use drafts::{PendingDrafts, items as draft_items};
pub use error::{LoadError, Problem};
pub use files::DataFiles;
pub use loader::load;
