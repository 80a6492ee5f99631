//! The Compare page's tabs and the concordance's orders, by their names in
//! a link (`#/compare/kwic?sort=left`).

use dossier_core::stats::KwicSort;

/// The tabs of the Compare page.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub enum CompareTab {
    /// Who calls what by which name: outlet × variant tables.
    #[default]
    Naming,
    /// Distinctive terms of one outlet against the rest or another.
    Terms,
    /// Concordance (keyword in context).
    Kwic,
    /// Mentions per 1,000 words per month.
    Trends,
    /// The dates the articles mention, on a time axis.
    Timeline,
    /// Who is quoted, per outlet.
    Quotes,
    /// The selection as files.
    Export,
}

impl CompareTab {
    /// Every tab, in the order the page lists them.
    pub const ALL: [CompareTab; 7] = [
        CompareTab::Naming,
        CompareTab::Terms,
        CompareTab::Kwic,
        CompareTab::Trends,
        CompareTab::Timeline,
        CompareTab::Quotes,
        CompareTab::Export,
    ];

    /// The tab's name in a link.
    pub fn slug(self) -> &'static str {
        match self {
            CompareTab::Naming => "naming",
            CompareTab::Terms => "terms",
            CompareTab::Kwic => "kwic",
            CompareTab::Trends => "trends",
            CompareTab::Timeline => "timeline",
            CompareTab::Quotes => "quotes",
            CompareTab::Export => "export",
        }
    }

    /// The tab's name on screen.
    pub fn label(self) -> &'static str {
        match self {
            CompareTab::Naming => "Naming lens",
            CompareTab::Terms => "Distinctive terms",
            CompareTab::Kwic => "Concordance",
            CompareTab::Trends => "Trends",
            CompareTab::Timeline => "Events timeline",
            CompareTab::Quotes => "Who is quoted",
            CompareTab::Export => "Export",
        }
    }

    /// The tab a link names, if any.
    pub fn from_slug(slug: &str) -> Option<CompareTab> {
        CompareTab::ALL.into_iter().find(|t| t.slug() == slug)
    }
}

/// The concordance orders by their names in a link.
const KWIC_SORTS: [(KwicSort, &str); 5] = [
    (KwicSort::Position, "position"),
    (KwicSort::Left, "left"),
    (KwicSort::Right, "right"),
    (KwicSort::Outlet, "outlet"),
    (KwicSort::Date, "date"),
];

/// The name of a concordance order in a link.
pub fn kwic_sort_name(sort: KwicSort) -> &'static str {
    KWIC_SORTS
        .iter()
        .find(|(s, _)| *s == sort)
        .map_or("position", |(_, n)| n)
}

/// A concordance order by its name in a link.
pub fn kwic_sort_from_name(name: &str) -> Option<KwicSort> {
    KWIC_SORTS.iter().find(|(_, n)| *n == name).map(|(s, _)| *s)
}
