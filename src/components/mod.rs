//! The explorer's components, one per file.

pub mod about;
pub mod article_list;
pub mod date_label;
pub mod reading_view;
