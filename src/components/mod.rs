//! The explorer's components, one per file.

pub mod about;
pub mod active_filter;
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

/// "1 article", "12 articles": how every count of articles reads.
pub fn articles(n: usize) -> String {
    if n == 1 {
        "1 article".to_string()
    } else {
        format!("{n} articles")
    }
}
