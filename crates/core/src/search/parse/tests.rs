//! Unit tests of `parse`.

use super::*;

fn parse(text: &str) -> ParsedQuery {
    parse_query(text, false)
}

fn words(q: &Query) -> Vec<String> {
    q.groups
        .iter()
        .map(|g| {
            g.any_of
                .iter()
                .map(Term::display)
                .collect::<Vec<_>>()
                .join("|")
        })
        .collect()
}

#[test]
fn plain_words_are_separate_groups() {
    let p = parse("turkey  azerbaijan");
    assert_eq!(words(&p.query), ["turkey", "azerbaijan"]);
    assert!(p.messages.is_empty());
}

#[test]
fn quoted_text_is_a_phrase() {
    let p = parse(r#"say "ethnic cleansing" now"#);
    assert_eq!(words(&p.query), ["say", "\"ethnic cleansing\"", "now"]);
}

#[test]
fn unclosed_quote_reads_the_rest_as_a_phrase_with_a_message() {
    let p = parse(r#"nato "ethnic cleansing"#);
    assert_eq!(
        p.query.groups[1].any_of,
        [Term::Phrase("ethnic cleansing".into())]
    );
    assert_eq!(p.messages.len(), 1);
    assert!(parse_query(r#"nato "ethnic"#, true).messages.is_empty());
}

#[test]
fn minus_excludes_words_and_phrases() {
    let p = parse(r#"turkey -nato -"red line""#);
    assert_eq!(
        p.query.excluded,
        [Term::word("nato"), Term::Phrase("red line".into())]
    );
    assert_eq!(words(&p.query), ["turkey"]);
}

#[test]
fn lone_minus_is_ignored_with_a_message() {
    let p = parse("turkey - nato");
    assert_eq!(words(&p.query), ["turkey", "nato"]);
    assert_eq!(p.messages.len(), 1);
    assert!(parse("--").query.is_empty());
}

#[test]
fn or_joins_neighbours() {
    let p = parse("shusha OR shushi | susa baku");
    assert_eq!(words(&p.query), ["shusha|shushi|susa", "baku"]);
    assert!(p.messages.is_empty());
}

#[test]
fn stray_or_is_reported() {
    assert_eq!(words(&parse("OR baku").query), ["baku"]);
    assert_eq!(parse("OR baku").messages.len(), 1);
    assert_eq!(parse("baku OR").messages.len(), 1);
    assert_eq!(words(&parse("baku OR OR lachin").query), ["baku|lachin"]);
}

#[test]
fn lowercase_or_is_a_word() {
    assert_eq!(words(&parse("war or peace").query), ["war", "or", "peace"]);
}

#[test]
fn star_makes_a_prefix() {
    let p = parse("karab* *");
    assert_eq!(
        p.query.groups[0].any_of,
        [Term::Word {
            text: "karab".into(),
            prefix: true,
            open: false,
        }]
    );
    assert_eq!(p.messages.len(), 1);
}

#[test]
fn typing_makes_the_last_word_a_prefix() {
    let p = parse_query("turkey azer", true);
    assert_eq!(words(&p.query), ["turkey", "azer*"]);
    let p = parse_query("turkey azer ", true);
    assert_eq!(words(&p.query), ["turkey", "azer"]);
    assert_eq!(words(&parse("turkey azer").query), ["turkey", "azer"]);
}

#[test]
fn the_open_last_word_is_also_a_finished_word() {
    // "praising" typed live was a bare prefix, so it was neither stemmed
    // nor corrected; it is open now, matched as a word and as a prefix.
    let p = parse_query("turkey praising", true);
    assert_eq!(
        p.query.groups[1].any_of,
        [Term::Word {
            text: "praising".into(),
            prefix: true,
            open: true,
        }]
    );
    assert_eq!(p.query.groups[0].any_of, [Term::word("turkey")]);
    assert_eq!(
        parse_query("praising ", true).query.groups[0].any_of,
        [Term::word("praising")]
    );
}

#[test]
fn an_explicit_star_is_not_open_while_typing() {
    let p = parse_query("karab*", true);
    assert_eq!(
        p.query.groups[0].any_of,
        [Term::Word {
            text: "karab".into(),
            prefix: true,
            open: false,
        }]
    );
}

#[test]
fn fields_fill_filters() {
    let p = parse(r#"outlet:antiwar.com author:"Dave DeCamp" entity:Baku lang:en"#);
    assert_eq!(p.query.outlets, ["antiwar.com"]);
    assert_eq!(p.query.authors, ["Dave DeCamp"]);
    assert_eq!(p.query.entities, ["Baku"]);
    assert_eq!(p.query.languages, ["en"]);
    assert!(p.query.groups.is_empty());
    assert!(p.messages.is_empty());
}

#[test]
fn repeated_field_values_are_alternatives() {
    let p = parse("outlet:a outlet:b OUTLET:a");
    assert_eq!(p.query.outlets, ["a", "b"]);
}

#[test]
fn dates_at_each_precision() {
    let p = parse("after:2021 before:2022-08 on:2021-10-05");
    assert_eq!(p.query.after, PartialDate::parse("2021").ok());
    assert_eq!(p.query.before, PartialDate::parse("2022-08").ok());
    assert_eq!(p.query.on, PartialDate::parse("2021-10-05").ok());
    assert!(p.messages.is_empty());
}

#[test]
fn impossible_date_is_ignored_with_a_message() {
    let p = parse("baku after:2021-02-30");
    assert_eq!(p.query.after, None);
    assert_eq!(words(&p.query), ["baku"]);
    assert!(p.messages[0].contains("after:"), "{:?}", p.messages);
}

#[test]
fn reversed_range_is_reported() {
    assert_eq!(parse("after:2024 before:2021").messages.len(), 1);
}

#[test]
fn unknown_field_is_searched_as_words() {
    let p = parse("colour:red");
    assert_eq!(words(&p.query), ["colour:red"]);
    assert_eq!(p.messages.len(), 1);
    assert!(parse("10:30").messages.is_empty());
}

#[test]
fn empty_field_value_is_reported() {
    let p = parse("outlet:");
    assert!(p.query.outlets.is_empty());
    assert_eq!(p.messages.len(), 1);
}

#[test]
fn negated_field_is_reported() {
    let p = parse("-outlet:x");
    assert!(p.query.outlets.is_empty());
    assert_eq!(p.messages.len(), 1);
}

#[test]
fn overlong_input_is_cut_at_a_char_boundary() {
    let text = "ğ".repeat(MAX_QUERY_BYTES);
    let p = parse(&text);
    assert_eq!(p.messages.len(), 1);
}

#[test]
fn too_many_terms_are_cut() {
    let text = (0..50)
        .map(|i| format!("w{i}"))
        .collect::<Vec<_>>()
        .join(" ");
    let p = parse(&text);
    assert_eq!(p.query.groups.len(), MAX_TERMS);
    assert_eq!(p.messages.len(), 1);
}

#[test]
fn empty_input_is_an_empty_query() {
    assert!(parse("").query.is_empty());
    assert!(parse("   ").query.is_empty());
    assert_eq!(parse("\"\"").messages.len(), 1);
}
