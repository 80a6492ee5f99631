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

fn ingest_file(stem: &str, file: &str, bytes: &[u8]) -> Vec<Result<Article, IngestError>> {
    Ingester::new(empty_manifest(), default_gazetteer()).file(stem, file, bytes)
}

#[test]
fn binary_data_is_not_called_empty() {
    // What a PNG saved as .html starts with, then pseudo-random bytes.
    let mut bytes = b"\x89PNG\r\n\x1a\n\0\0\0\rIHDR".to_vec();
    bytes.extend((0u32..4000).map(|i| (i.wrapping_mul(2654435761) >> 13) as u8));
    let results = ingest_file("junk", "junk.html", &bytes);
    assert_eq!(
        results,
        [Err(IngestError::NotText {
            file: "junk.html".into()
        })]
    );
    assert_eq!(
        results[0].as_ref().unwrap_err().to_string(),
        "junk.html: not text: looks like binary data"
    );
}

#[test]
fn a_csv_with_a_header_row_only_is_an_error_saying_so() {
    let results = ingest_file("h", "h.csv", b"title,outlet,date,body\n");
    let [Err(err)] = &results[..] else {
        panic!("{results:?}")
    };
    assert_eq!(
        err.to_string(),
        "h.csv: the file has a header row but no records"
    );
    let results = ingest_file("j", "j.json", b"[]");
    assert_eq!(
        results[0].as_ref().unwrap_err().to_string(),
        "j.json: the file holds no records"
    );
}

#[test]
fn blank_files_are_empty_in_every_format() {
    for file in ["b.csv", "b.json", "b.jsonl", "b.md", "b.html"] {
        assert_eq!(
            ingest_file("b", file, b" \n\n"),
            [Err(IngestError::Empty { file: file.into() })]
        );
    }
}

#[test]
fn record_files_sharing_a_stem_get_distinct_ids() {
    let files: [(&str, &[u8]); 3] = [
        ("recs.csv", b"title,body\nA,x\n"),
        ("recs.json", b"[{\"title\": \"A\", \"body\": \"x\"}]"),
        ("recs.jsonl", b"{\"title\": \"A\", \"body\": \"x\"}\n"),
    ];
    let stems = ids::id_stems(&files.map(|(f, _)| f));
    let ids: Vec<String> = files
        .iter()
        .zip(&stems)
        .flat_map(|((file, bytes), stem)| ingest_file(stem, file, bytes))
        .map(|a| a.unwrap().id)
        .collect();
    assert_eq!(ids, ["recs-csv_0001", "recs-json_0001", "recs-jsonl_0001"]);
}

#[test]
fn line_breaks_in_a_record_headline_become_spaces() {
    let csv = b"title,author,body\r\n\"Multi\r\nline  title\",\"Jane\nRoe\",Body.\r\n";
    let a = ingest_file("c", "c.csv", csv).remove(0).unwrap();
    assert_eq!(a.headline, "Multi line title");
    assert_eq!(a.author.unwrap().value, "Jane Roe");
}

#[test]
fn dotted_metadata_dates_are_day_first() {
    let md = b"---\ntitle: T\ndate: \"12.03.2022\"\n---\nBody text about Baku.\n";
    let a = ingest_file("d", "d.md", md).remove(0).unwrap();
    assert_eq!(a.published.unwrap().value.iso(), "2022-03-12");
    let md = b"---\ntitle: T\ndate: \"31.02.2022\"\n---\nBody.\n";
    let a = ingest_file("d", "d.md", md).remove(0).unwrap();
    assert_eq!(a.published, None);
}

#[test]
fn a_saved_page_keeps_its_captions_and_byline_and_guesses_no_dek() {
    // No standfirst anywhere: the first paragraph is body text, not a dek
    // guessed from its place under the headline; the figcaption is a
    // caption (still searchable text) and the byline names the author.
    let page = br#"<html><head><title>Talks resume | Example News</title></head><body>
<div class="cookie-banner">We use cookies to improve your experience. Accept all cookies?</div>
<article><h1>Talks resume in Brussels</h1><p class="byline">By Ayla Demir</p>
<p>The foreign ministers of Armenia and Azerbaijan met in Brussels on Tuesday for a new round of talks on the peace treaty.</p>
<figure><img src="x.jpg"><figcaption>The delegations before the meeting in Brussels.</figcaption></figure>
<p>Both sides said the talks were constructive and agreed to meet again next month, officials told reporters afterwards.</p>
<p>The European Council president hosted the meeting, the fourth this year, at the council's headquarters.</p>
</article></body></html>"#;
    let mut articles = ingest_file("page", "page.html", page);
    assert_eq!(articles.len(), 1);
    let a = articles.remove(0).unwrap();
    assert_eq!(a.headline, "Talks resume in Brussels");
    let roles: Vec<(Role, &str)> = a
        .paragraphs
        .iter()
        .map(|p| (p.role, &p.text[..12]))
        .collect();
    assert!(
        !a.paragraphs.iter().any(|p| p.role == Role::Dek),
        "{roles:?}"
    );
    assert!(
        !a.paragraphs.iter().any(|p| p.text.contains("cookies")),
        "{roles:?}"
    );
    assert!(
        a.body()
            .next()
            .unwrap()
            .text
            .starts_with("The foreign ministers"),
        "{roles:?}"
    );
    let caption = a
        .paragraphs
        .iter()
        .find(|p| p.role == Role::Caption)
        .expect("a caption");
    assert_eq!(
        caption.text,
        "The delegations before the meeting in Brussels."
    );
    assert_eq!(
        a.author.as_ref().map(|f| f.value.as_str()),
        Some("Ayla Demir")
    );
    assert_eq!(a.body().count(), 3, "{roles:?}");
}

#[test]
fn front_matter_dates_with_month_names_keep_month_and_day() {
    for (date, iso) in [
        ("12 Mart 2021", "2021-03-12"),
        ("12 mart 2021", "2021-03-12"),
        ("15 iyun 2021", "2021-06-15"),
        ("3 августа 2022", "2022-08-03"),
        ("3 августа 2022 г.", "2022-08-03"),
        ("03.08.2022", "2022-08-03"),
        ("2022 թ. մայիսի 22", "2022-05-22"),
        ("22 մայիսի 2022 թ.", "2022-05-22"),
    ] {
        let md = format!("---\ntitle: T\ndate: \"{date}\"\n---\nBody text about Baku.\n");
        let a = ingest_file("d", "d.md", md.as_bytes()).remove(0).unwrap();
        let published = a.published.unwrap();
        assert_eq!(
            (published.value.iso(), published.source),
            (iso.to_string(), Provenance::FrontMatter),
            "{date}"
        );
    }
}

/// QA: a `.txt` whose second line is a date lost it, and its lead
/// paragraph was hidden as a caption under that "dek".
#[test]
fn a_date_line_under_the_headline_is_the_publication_date_not_a_dek() {
    for (date_line, iso) in [
        ("March 12, 2021", "2021-03-12"),
        ("BAKU, March 12, 2021", "2021-03-12"),
        ("12 марта 2021 г.", "2021-03-12"),
        ("15 Haziran 2021", "2021-06-15"),
        ("12 mart 2021", "2021-03-12"),
        ("2022 թ. մայիսի 22", "2022-05-22"),
    ] {
        let text = format!(
            "Aliyev visits Shusha\n{date_line}\nPresident Ilham Aliyev visited Shusha and said the city would be rebuilt.\nPashinyan criticised the visit.\nMore."
        );
        let a = parse_plain_text("x", "x.txt", &text).unwrap();
        let published = a.published.as_ref().unwrap();
        assert_eq!(
            (published.value.iso(), published.source),
            (iso.to_string(), Provenance::Text),
            "{date_line}"
        );
        assert!(
            published.note.as_deref().unwrap().starts_with("dateline"),
            "{published:?}"
        );
        let roles: Vec<_> = a
            .paragraphs
            .iter()
            .map(|p| (p.role, p.rule.clone()))
            .collect();
        let mut expected = vec![(Role::Body, None); 4];
        expected[0] = (Role::Furniture, Some("date-line".to_string()));
        assert_eq!(roles, expected, "{date_line}");
        assert_eq!(a.paragraphs[0].text, date_line);
        // The publication date is not also a date the text mentions.
        assert!(a.mentioned_dates.is_empty(), "{:?}", a.mentioned_dates);
    }
}

#[test]
fn a_date_line_does_not_override_the_metadata_date() {
    let md = b"---\ntitle: T\ndate: 2021-03-13\n---\nMarch 12, 2021\n\nPresident Ilham Aliyev visited Shusha.\n\nMore.\n\nMore.\n";
    let a = ingest_file("d", "d.md", md).remove(0).unwrap();
    assert_eq!(a.published.unwrap().value.iso(), "2021-03-13");
    assert_eq!(a.paragraphs[0].role, Role::Body);
}

#[test]
fn mentioned_dates_with_month_names_in_the_regions_languages() {
    for (body, expected) in [
        (
            "19 сентября 2023 года Азербайджан начал операцию. Уже 20 сентября было объявлено о прекращении огня.",
            &["2023-09-19", "2023-09-20"][..],
        ),
        (
            "Erdoğan 15 Haziran 2021 tarihinde Şuşa'yı ziyaret etti.",
            &["2021-06-15"][..],
        ),
        (
            "Bəyannamə 15 iyun 2021-ci ildə imzalanıb, mart 2022 sonra.",
            &["2021-06-15", "2022-03"][..],
        ),
        (
            "Հանդիպումը տեղի է ունեցել 2022 թ. մայիսի 22-ին Բրյուսելում:",
            &["2022-05-22"][..],
        ),
    ] {
        let text = format!("H\n\n{body}\n\nMore.\n\nMore.");
        let a = parse_plain_text("x", "x.txt", &text).unwrap();
        let got: Vec<_> = a
            .mentioned_dates
            .iter()
            .filter_map(|d| d.date.map(|d| d.iso()))
            .collect();
        assert_eq!(got, expected, "{body}");
    }
}

#[test]
fn lower_case_may_and_mart_without_a_number_are_not_dates() {
    let text =
        "H\n\nTalks may resume in mart season; they may not.\n\nIt may 8 people say.\n\nMore.";
    let a = parse_plain_text("x", "x.txt", text).unwrap();
    assert!(a.mentioned_dates.is_empty(), "{:?}", a.mentioned_dates);
    assert_eq!(a.published, None);
}
