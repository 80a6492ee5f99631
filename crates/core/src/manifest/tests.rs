//! Tests of the manifest reader.

use super::*;
use crate::DatePrecision;

#[test]
fn bare_values_are_curated_and_tables_keep_their_source() {
    let m = Manifest::from_toml(
        r#"
        title = "T"
        [articles.a]
        outlet = "Antiwar.com"
        author = { value = "Dave DeCamp", source = "text", note = "byline" }
        published = { value = "2024-03", note = "Stoltenberg's visit" }
        "#,
    )
    .unwrap();
    let facts = &m.articles["a"];
    let outlet: Fact<String> = facts.outlet.clone().unwrap().into();
    assert_eq!(outlet.source, Provenance::Manifest);
    let author: Fact<String> = facts.author.clone().unwrap().into();
    assert_eq!(
        (author.source, author.note.as_deref()),
        (Provenance::Text, Some("byline"))
    );
    let published: Fact<PartialDate> = facts.published.clone().unwrap().into();
    assert_eq!(published.value.precision(), DatePrecision::Month);
    assert_eq!(published.source, Provenance::Manifest);
}

#[test]
fn unknown_keys_are_errors_naming_the_key() {
    let err = Manifest::from_toml("[articles.a]\noutlett = \"x\"\n").unwrap_err();
    assert!(err.to_string().contains("outlett"), "{err}");
}

#[test]
fn impossible_dates_are_errors() {
    let err = Manifest::from_toml("[articles.a]\npublished = \"2021-02-30\"\n").unwrap_err();
    assert!(err.to_string().contains("line 2"), "{err}");
}

#[test]
fn outlet_locales_settle_date_order() {
    use crate::ingest::dates::DateOrder;
    let m = Manifest::from_toml(
        "locale = \"en-GB\"\n[outlets.\"X\"]\nlocale = \"en-US\"\nfurniture = [\"^Buy\"]\n",
    )
    .unwrap();
    assert_eq!(m.date_order(Some("X")), Some(DateOrder::MonthFirst));
    assert_eq!(m.date_order(Some("Y")), Some(DateOrder::DayFirst));
    assert_eq!(Manifest::default().date_order(Some("X")), None);
    let err = Manifest::from_toml("[outlets.X]\nfurniture = [\"(\"]\n").unwrap_err();
    assert!(
        err.to_string().contains("not a valid regular expression"),
        "{err}"
    );
}

#[test]
fn corpus_settings_default_and_are_checked() {
    let m = Manifest::default();
    assert_eq!(m.duplicates.threshold, 0.9);
    assert_eq!(m.repetition.min_articles, 3);
    let m = Manifest::from_toml("[duplicates]\nthreshold = 0.8\n").unwrap();
    assert_eq!((m.duplicates.threshold, m.duplicates.min_words), (0.8, 25));
    let err = Manifest::from_toml("[duplicates]\nthreshold = 1.5\n").unwrap_err();
    assert!(err.to_string().contains("threshold = 1.5"), "{err}");
    let err = Manifest::from_toml("[repetition]\nmin_shares = 0.5\n").unwrap_err();
    assert!(err.to_string().contains("min_shares"), "{err}");
}

#[test]
fn reports_ids_that_match_no_article() {
    let m = Manifest::from_toml("[articles.a]\n[articles.b]\n").unwrap();
    let known = BTreeSet::from(["a"]);
    assert_eq!(m.unknown_ids(&known), ["b"]);
}

#[test]
fn a_bad_date_names_the_article_the_field_and_the_month_length() {
    let text = "title = \"T\"\n[articles.\"a\"]\npublished = { value = \"2022-02-30\", source = \"manifest\" }\n";
    let err = Manifest::from_toml(text).unwrap_err().to_string();
    for part in [
        "article \"a\"",
        "published",
        "\"2022-02-30\" is not a date: February 2022 has 28 days",
        "line 3",
    ] {
        assert!(err.contains(part), "{part:?} missing from {err}");
    }
    assert!(!err.contains("untagged"), "{err}");
}

#[test]
fn an_unknown_source_lists_the_allowed_ones() {
    let text = "[articles.a]\nauthor = { value = \"X\", source = \"telepathy\" }\n";
    let err = Manifest::from_toml(text).unwrap_err().to_string();
    assert!(
        err.contains(
            "author: source \"telepathy\" is not one of: text, front_matter, manifest, estimated"
        ),
        "{err}"
    );
    assert!(err.contains("article \"a\""), "{err}");
}

#[test]
fn table_shape_errors_say_what_is_missing_or_unknown() {
    let err = Manifest::from_toml("[articles.a]\nurl = { source = \"text\" }\n").unwrap_err();
    assert!(
        err.to_string().contains("url: the table has no `value`"),
        "{err}"
    );
    let err = Manifest::from_toml("[articles.a]\nurl = { value = \"u\", sauce = \"text\" }\n")
        .unwrap_err();
    assert!(err.to_string().contains("unknown key \"sauce\""), "{err}");
    let err = Manifest::from_toml("[articles.a]\nlanguage = 3\n").unwrap_err();
    assert!(err.to_string().contains("language: 3 is not text"), "{err}");
}

#[test]
fn the_toml_error_is_not_also_the_source() {
    // anyhow's `{:#}` prints the message and then every source; the TOML
    // error is already in the message.
    let err = Manifest::from_toml("title = \n").unwrap_err();
    assert!(std::error::Error::source(&err).is_none());
    assert!(err.to_string().contains("TOML parse error"), "{err}");
}
