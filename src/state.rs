//! The explorer's state and every change a reader can make to it. One
//! reducer owns it; effects in `app.rs` do the I/O (URL, focus).

use std::rc::Rc;

use dossier_core::search::{Filters, Sort};
use dossier_core::PartialDate;
use yew::Reducible;

use crate::route::{Compare, View};

/// A facet a reader can filter by.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Facet {
    /// The publication.
    Outlet,
    /// Who wrote it.
    Author,
    /// The article's language.
    Language,
    /// A person, place or organisation it mentions.
    Entity,
    /// The year it was published.
    Year,
    /// The month it was published (`yyyy-mm`; set by a link, as the
    /// panel lists years).
    Month,
}

impl Facet {
    /// The selected values of this facet in `filters`.
    pub fn values_mut(self, filters: &mut Filters) -> &mut Vec<String> {
        match self {
            Facet::Outlet => &mut filters.outlets,
            Facet::Author => &mut filters.authors,
            Facet::Language => &mut filters.languages,
            Facet::Entity => &mut filters.entities,
            Facet::Year => &mut filters.years,
            Facet::Month => &mut filters.months,
        }
    }
}

/// How the URL should record a change.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum History {
    /// A new entry, so Back returns to the previous view.
    Push,
    /// Replace the current entry (each keystroke of a query).
    Replace,
    /// The change came from the URL itself.
    None,
}

/// Everything on screen.
#[derive(Clone, Debug, PartialEq)]
pub struct AppState {
    /// What the URL says: query, filters, sort, open article.
    pub view: View,
    /// How the last change should reach the URL.
    pub history: History,
    /// Messages about links that could not be followed exactly.
    pub notices: Vec<String>,
    /// The result the keyboard cursor is on (`j`/`k`).
    pub cursor: usize,
    /// How many results the list shows (grows with "Show more").
    pub shown: usize,
    /// Whether the shortcuts and query help is open.
    pub help: bool,
    /// Whether the About panel is open.
    pub about: bool,
}

/// Results shown at first, and added by each "Show more".
pub const PAGE: usize = 20;

impl AppState {
    /// The state a URL describes.
    pub fn from_view(view: View, notices: Vec<String>) -> Self {
        AppState {
            view,
            history: History::None,
            notices,
            cursor: 0,
            shown: PAGE,
            help: false,
            about: false,
        }
    }
}

/// A change a reader (or the URL) makes.
#[derive(Clone, Debug, PartialEq)]
pub enum Action {
    /// The URL changed (Back, Forward, a pasted link).
    FromUrl(Box<View>, Vec<String>),
    /// The search text changed.
    SetQuery(String),
    /// A facet value was ticked or unticked.
    ToggleFacet(Facet, String),
    /// The date range moved; `None` is open-ended.
    SetRange(Option<PartialDate>, Option<PartialDate>),
    /// The sort order changed.
    SetSort(Sort),
    /// Every filter removed (the query stays).
    ClearFilters,
    /// Open an article.
    Open(String),
    /// Move the keyboard cursor by this many results.
    MoveCursor(isize, usize),
    /// Show another page of results.
    ShowMore,
    /// Open or close the help.
    ToggleHelp,
    /// Open or close the About panel.
    ToggleAbout,
    /// Close whatever is on top (help, about, article).
    Escape,
    /// Hide the notices.
    DismissNotices,
    /// Open the Compare page with these settings (a new history entry for
    /// a new tab; a changed setting on the same tab replaces it).
    SetCompare(Compare),
    /// Run this search and show its results (from a term on the Compare page).
    RunSearch(String),
}

impl Reducible for AppState {
    type Action = Action;

    fn reduce(self: Rc<Self>, action: Action) -> Rc<Self> {
        let mut next = (*self).clone();
        next.history = History::Push;
        let new_search = |s: &mut AppState| {
            s.cursor = 0;
            s.shown = PAGE;
        };
        match action {
            Action::FromUrl(view, notices) => {
                let view = *view;
                if view == self.view && notices.is_empty() {
                    return self;
                }
                let keep_results = view.list() == self.view.list();
                next = AppState {
                    help: self.help,
                    about: self.about,
                    ..AppState::from_view(view, notices)
                };
                if keep_results {
                    next.cursor = self.cursor;
                    next.shown = self.shown;
                }
            }
            Action::SetQuery(query) => {
                next.view.query = query;
                next.history = History::Replace;
                new_search(&mut next);
            }
            Action::ToggleFacet(facet, value) => {
                let values = facet.values_mut(&mut next.view.filters);
                match values.iter().position(|v| *v == value) {
                    Some(i) => {
                        values.remove(i);
                    }
                    None => values.push(value),
                }
                new_search(&mut next);
            }
            Action::SetRange(after, before) => {
                next.view.filters.after = after;
                next.view.filters.before = before;
                next.history = History::Replace;
                new_search(&mut next);
            }
            Action::SetSort(sort) => {
                next.view.sort = sort;
                new_search(&mut next);
            }
            Action::ClearFilters => {
                next.view.filters = Filters::default();
                new_search(&mut next);
            }
            Action::Open(id) => next.view = self.view.with_article(&id),
            Action::MoveCursor(by, total) => {
                next.history = History::None;
                let last = total.saturating_sub(1);
                next.cursor = self.cursor.saturating_add_signed(by).min(last);
                if next.cursor >= next.shown {
                    next.shown += PAGE;
                }
            }
            Action::ShowMore => {
                next.history = History::None;
                next.shown += PAGE;
            }
            Action::ToggleHelp => {
                next.history = History::None;
                next.help = !self.help;
            }
            Action::ToggleAbout => {
                next.history = History::None;
                next.about = !self.about;
            }
            Action::Escape => {
                next.history = History::None;
                if self.help || self.about {
                    next.help = false;
                    next.about = false;
                } else if self.view.article.is_some() {
                    next.view = self.view.list();
                    next.history = History::Push;
                }
            }
            Action::DismissNotices => {
                next.history = History::None;
                next.notices.clear();
            }
            Action::SetCompare(compare) => {
                let same_tab = self.view.compare.as_ref().map(|c| c.tab) == Some(compare.tab);
                if same_tab {
                    next.history = History::Replace;
                }
                next.view = self.view.with_compare(compare);
            }
            Action::RunSearch(query) => {
                next.view = View {
                    query,
                    ..self.view.list()
                };
                new_search(&mut next);
            }
        }
        Rc::new(next)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn reduce(state: AppState, action: Action) -> AppState {
        (*Rc::new(state).reduce(action)).clone()
    }

    #[test]
    fn toggling_a_facet_twice_removes_it() {
        let s = AppState::from_view(View::default(), vec![]);
        let s = reduce(s, Action::ToggleFacet(Facet::Outlet, "Antiwar.com".into()));
        assert_eq!(s.view.filters.outlets, ["Antiwar.com"]);
        let s = reduce(s, Action::ToggleFacet(Facet::Outlet, "Antiwar.com".into()));
        assert!(s.view.filters.outlets.is_empty());
    }

    #[test]
    fn typing_replaces_the_url_entry_and_opening_pushes_one() {
        let s = AppState::from_view(View::default(), vec![]);
        let s = reduce(s, Action::SetQuery("erdo".into()));
        assert_eq!(s.history, History::Replace);
        let s = reduce(s, Action::Open("a".into()));
        assert_eq!(
            (s.history, s.view.article.as_deref(), s.view.query.as_str()),
            (History::Push, Some("a"), "erdo")
        );
    }

    #[test]
    fn escape_closes_help_before_the_article() {
        let mut s = AppState::from_view(View::default().with_article("a"), vec![]);
        s.help = true;
        let s = reduce(s, Action::Escape);
        assert!(!s.help && s.view.article.is_some());
        let s = reduce(s, Action::Escape);
        assert!(s.view.article.is_none());
    }

    #[test]
    fn the_cursor_stays_within_the_results_and_pages_in_more() {
        let s = AppState::from_view(View::default(), vec![]);
        let s = reduce(s, Action::MoveCursor(-1, 3));
        assert_eq!(s.cursor, 0);
        let s = reduce(s, Action::MoveCursor(10, 3));
        assert_eq!(s.cursor, 2);
        let s = reduce(s, Action::MoveCursor(PAGE as isize, 1000));
        assert_eq!((s.cursor, s.shown), (PAGE + 2, 2 * PAGE));
    }

    #[test]
    fn compare_settings_replace_and_a_term_search_leaves_the_page() {
        use crate::route::CompareTab;
        let s = AppState::from_view(View::default(), vec![]);
        let s = reduce(s, Action::SetCompare(Compare::tab(CompareTab::Kwic)));
        assert_eq!(s.history, History::Push);
        let mut c = Compare::tab(CompareTab::Kwic);
        c.term = "liberat*".into();
        let s = reduce(s, Action::SetCompare(c));
        assert_eq!(s.history, History::Replace);
        let s = reduce(s, Action::RunSearch("occupied".into()));
        assert_eq!(
            (s.history, s.view.query.as_str(), s.view.compare.is_none()),
            (History::Push, "occupied", true)
        );
    }
}
