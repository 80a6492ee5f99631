//! The explorer's components, one per file.

pub mod about;
pub mod compare;
pub mod date_label;
pub mod date_slider;
pub mod facet_list;
pub mod help;
pub mod no_results;
pub mod reading_view;
pub mod result_list;
pub mod search_box;
pub mod summary;
pub mod theme_toggle;
