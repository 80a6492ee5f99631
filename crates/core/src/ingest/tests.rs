use super::*;
use crate::model::{Paragraph, Provenance, Role, YearSource};

#[test]
fn first_line_is_the_headline_and_each_line_a_paragraph() {
    let a = parse_plain_text("x", "x.txt", "Headline\n\nOne.\nTwo.  \n\n\nThree.").unwrap();
    assert_eq!(a.headline, "Headline");
    let texts: Vec<_> = a.paragraphs.iter().map(|p| p.text.as_str()).collect();
    assert_eq!(texts, ["One.", "Two.", "Three."]);
}

#[test]
fn a_skip_link_before_the_headline_is_furniture() {
    let a = parse_plain_text(
        "x",
        "x.txt",
        "Skip to main content\n\nReal headline\n\nBody.",
    )
    .unwrap();
    assert_eq!(a.headline, "Real headline");
    assert_eq!(
        a.paragraphs[0],
        Paragraph::with_role("Skip to main content", Role::Furniture, "navigation-link")
    );
    assert_eq!(a.body().count(), 1);
}

#[test]
fn a_headline_that_starts_with_skip_is_still_a_headline() {
    let a = parse_plain_text("x", "x.txt", "Skip to the end: why talks failed\nBody.").unwrap();
    assert_eq!(a.headline, "Skip to the end: why talks failed");
}

#[test]
fn empty_and_headless_files_are_errors_naming_the_file() {
    assert_eq!(
        parse_plain_text("x", "dir/x.txt", " \n\n\t\n"),
        Err(IngestError::Empty {
            file: "dir/x.txt".into()
        })
    );
    let err = parse_plain_text("x", "x.txt", "Skip to content\n").unwrap_err();
    assert_eq!(
        err.to_string(),
        "x.txt: no headline found (only navigation links)"
    );
}

#[test]
fn byte_order_mark_and_crlf_are_not_text() {
    let a = parse_plain_text("x", "x.txt", "\u{feff}Title\r\n\r\nBody line\r\n").unwrap();
    assert_eq!(a.headline, "Title");
    assert_eq!(a.paragraphs[0].text, "Body line");
}

#[test]
fn byline_sets_the_author_and_bio_the_outlet_from_the_text() {
    let text = "H\n\nBody one.\n\nBody two.\n\nBy Jane Roe\n\nJane Roe is a reporter at The Daily Example.";
    let a = parse_plain_text("x", "x.txt", text).unwrap();
    let author = a.author.unwrap();
    assert_eq!(
        (author.value.as_str(), author.source),
        ("Jane Roe", Provenance::Text)
    );
    assert_eq!(a.outlet.unwrap().value, "The Daily Example");
}

#[test]
fn an_ambiguous_dateline_is_noted_not_guessed_and_a_locale_settles_it() {
    let text = "H\n\n09/08/2021 Ankara (Example News) – Body text here.\n\nMore.\n\nMore.";
    let a = parse_plain_text("x", "x.txt", text).unwrap();
    assert_eq!(a.published, None);
    assert!(a.notes[0].contains("ambiguous"), "{:?}", a.notes);
    assert_eq!(a.outlet.as_ref().unwrap().value, "Example News");
    let m = Manifest::from_toml("[outlets.\"Example News\"]\nlocale = \"en-GB\"\n").unwrap();
    let b = Ingester::new(&m, default_gazetteer())
        .text("x", "x.txt", text, Metadata::default())
        .unwrap();
    let published = b.published.unwrap();
    assert_eq!(
        (published.value.iso(), published.source),
        ("2021-08-09".to_string(), Provenance::Text)
    );
}

#[test]
fn mentioned_dates_take_their_year_from_the_paragraph_or_the_publication() {
    let text = "H\n\nThe war broke out on September 27, 2020 and ended on November 10.\n\nOn Sept. 20, it fell. It began in 2023.\n\nMore.";
    let m = Manifest::from_toml("[articles.x]\npublished = \"2023-09-25\"\n").unwrap();
    let a = Ingester::new(&m, default_gazetteer())
        .text("x", "x.txt", text, Metadata::default())
        .unwrap();
    let got: Vec<_> = a
        .mentioned_dates
        .iter()
        .map(|d| (d.text.as_str(), d.date.map(|d| d.iso()), d.year_from))
        .collect();
    assert_eq!(
        got,
        [
            (
                "September 27, 2020",
                Some("2020-09-27".into()),
                YearSource::Stated
            ),
            (
                "November 10",
                Some("2020-11-10".into()),
                YearSource::Context
            ),
            (
                "Sept. 20",
                Some("2023-09-20".into()),
                YearSource::Publication
            ),
            ("2023", Some("2023".into()), YearSource::Stated),
        ]
    );
    assert_eq!(a.mentioned_dates[2].sentence, "On Sept. 20, it fell.");
    let plain = parse_plain_text("x", "x.txt", text).unwrap();
    assert_eq!(plain.mentioned_dates[2].year_from, YearSource::Unresolved);
    assert_eq!(
        (plain.mentioned_dates[2].month, plain.mentioned_dates[2].day),
        (Some(9), Some(20))
    );
}

#[test]
fn manifest_furniture_patterns_apply_to_their_outlet() {
    let m = Manifest::from_toml(
        "[articles.x]\noutlet = \"O\"\n[outlets.O]\nfurniture = [\"^Read our\"]\n",
    )
    .unwrap();
    let a = Ingester::new(&m, default_gazetteer())
        .text("x", "x.txt", "H\n\nA long enough first paragraph that is not a dek at all because it goes on and on for many more words than a standfirst ever would.\n\nRead our latest.\n\nMore.", Metadata::default())
        .unwrap();
    assert_eq!(a.paragraphs[1].rule.as_deref(), Some("manifest-furniture"));
}
