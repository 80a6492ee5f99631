//! The page's `<time>` elements: the one that dates the article (when no
//! `<meta>` tag or JSON-LD does), and the line of the byline that only
//! shows that date, which is page furniture rather than body text.

use dom_query::{Document, NodeRef};

use super::clutter::{container_selector, squash};

/// A `<time>` element: the date it gives machines and the text it shows.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct PageTime {
    /// The `datetime` attribute as written (`2023-09-25T15:45:00+03:00`).
    pub datetime: String,
    /// The text the page shows (`25 Eylül 2023 15:45`).
    pub shown: String,
}

/// Elements whose `<time>` dates something else: a linked article, a list
/// item (related stories), a quotation, a caption, a table.
const ELSEWHERE: &str = "a, li, blockquote, q, figcaption, table";

/// Words around a `<time>` in its paragraph beyond which the paragraph is a
/// sentence that mentions a date ("on 19 September Azerbaijan began…"),
/// not a byline or date line ("By Jane Roe, 25 September 2023").
const MAX_WORDS_AROUND: usize = 8;

/// The `<time>` that dates the article: one the page marks as the
/// publication date (`itemprop="datePublished"`, `pubdate`), else the first
/// inside the article's container that is neither in a sentence nor about
/// something else (see [`ELSEWHERE`]). Only a `datetime` that starts with a
/// year counts (not a duration or a bare clock time). Read after the
/// furniture is removed, so a date in a sidebar or the site's header is not
/// taken, and before the byline is taken out, as it often holds the date.
pub fn publication_time(doc: &Document) -> Option<PageTime> {
    let marked = doc
        .select(r#"time[itemprop="datePublished" i][datetime], time[pubdate][datetime]"#)
        .nodes()
        .iter()
        .find_map(read);
    marked.or_else(|| {
        doc.select(container_selector(doc))
            .select("time[datetime]")
            .nodes()
            .iter()
            .filter(|t| !t.ancestors(None).iter().any(|a| a.is(ELSEWHERE)))
            .filter(|t| !in_sentence(t))
            .find_map(read)
    })
}

/// The text each `<time>` element of the page shows, to recognise the
/// lines that are only a date.
pub fn shown_times(doc: &Document) -> Vec<String> {
    doc.select("time")
        .nodes()
        .iter()
        .map(|t| squash(&t.text()))
        .filter(|t| !t.is_empty())
        .collect()
}

/// Whether a paragraph is only a date line: the text of `<time>` elements
/// and the byline, with nothing else but separators (`|`, `·`, `—`, `,`).
/// "| 25 Eylül 2023 15:45" is what is left of a byline line
/// `<span class=author>…</span> | <time>…</time>` once the byline is taken
/// out.
pub fn is_date_line(paragraph: &str, times: &[String], byline: Option<&str>) -> bool {
    let mut rest = paragraph.to_string();
    let mut has_time = false;
    for time in times {
        if rest.contains(time.as_str()) {
            rest = rest.replacen(time.as_str(), " ", 1);
            has_time = true;
        }
    }
    if let Some(byline) = byline.filter(|b| !b.is_empty()) {
        rest = rest.replacen(byline, " ", 1);
    }
    has_time && rest.chars().all(|c| !c.is_alphanumeric())
}

/// The element's date, when its `datetime` starts with a four-digit year.
fn read(node: &NodeRef<'_>) -> Option<PageTime> {
    let datetime = node.attr("datetime")?.trim().to_string();
    let starts_with_year = datetime
        .get(..4)
        .is_some_and(|y| y.bytes().all(|b| b.is_ascii_digit()));
    starts_with_year.then(|| PageTime {
        datetime,
        shown: squash(&node.text()),
    })
}

/// Whether the `<time>` is part of a sentence: its paragraph has more than
/// [`MAX_WORDS_AROUND`] words besides the date.
fn in_sentence(time: &NodeRef<'_>) -> bool {
    let Some(paragraph) = time.ancestors(None).into_iter().find(|a| a.is("p")) else {
        return false;
    };
    let words = |s: &str| s.split_whitespace().count();
    words(&paragraph.text()).saturating_sub(words(&time.text())) > MAX_WORDS_AROUND
}

#[cfg(test)]
mod tests {
    use super::*;

    fn time_of(html: &str) -> Option<String> {
        publication_time(&Document::from(html)).map(|t| t.datetime)
    }

    #[test]
    fn the_bylines_time_dates_the_article() {
        let html = r#"<article><h1>H</h1><div class="meta"><span class="author">A B</span> |
            <time datetime="2023-09-25T15:45:00+03:00">25 Eylül 2023 15:45</time></div>
            <p>On <time datetime="2023-09-19">19 September</time> Azerbaijan began an
            operation that ended within a day, the ministry said.</p></article>"#;
        assert_eq!(time_of(html).as_deref(), Some("2023-09-25T15:45:00+03:00"));
    }

    #[test]
    fn a_date_in_a_sentence_a_link_or_a_list_is_not_the_articles() {
        let html = r#"<article><h1>H</h1>
            <p>On <time datetime="2023-09-19">19 September</time> Azerbaijan began an
            operation that ended within a day, the ministry said.</p>
            <ul><li><a href="/x">Older story <time datetime="2023-09-01">1 Sep</time></a></li></ul>
            <p>Updated <time datetime="PT2H">two hours</time> ago</p></article>"#;
        assert_eq!(time_of(html), None);
    }

    #[test]
    fn a_time_marked_as_the_publication_date_comes_first() {
        let html = r#"<article><h1>H</h1><time datetime="2023-10-02">2 Oct</time>
            <footer><time itemprop="datePublished" datetime="2023-09">September 2023</time></footer>
            </article>"#;
        assert_eq!(time_of(html).as_deref(), Some("2023-09"));
    }

    #[test]
    fn a_line_of_separators_and_a_date_is_a_date_line() {
        let times = vec!["25 Eylül 2023 15:45".to_string()];
        assert!(is_date_line("| 25 Eylül 2023 15:45", &times, None));
        assert!(is_date_line(
            "Mehmet Demir · 25 Eylül 2023 15:45",
            &times,
            Some("Mehmet Demir")
        ));
        assert!(!is_date_line("Mehmet Demir", &times, Some("Mehmet Demir")));
        assert!(!is_date_line(
            "25 Eylül 2023 15:45 itibarıyla sınır kapandı.",
            &times,
            None
        ));
    }
}
