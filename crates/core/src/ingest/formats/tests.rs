use super::*;

#[test]
fn json_records_map_default_fields_and_name_their_lines() {
    let text = "[\n {\"headline\": \"A\", \"text\": [\"One.\", \"Two.\"], \"published\": \"2021-09-08\", \"source\": {\"name\": \"X\"}},\n {\"title\": \"B\"}\n]";
    let records = json(text, "f.json", &FieldMap::default()).unwrap();
    let a = records[0].as_ref().unwrap();
    assert_eq!(
        (a.line, a.meta.headline.as_deref(), a.body.as_str()),
        (2, Some("A"), "One.\n\nTwo.")
    );
    assert_eq!(a.meta.outlet.as_deref(), Some("X"));
    assert_eq!(
        records[1].as_ref().unwrap_err().to_string(),
        "f.json:3: the record has no body"
    );
    let err = json("[{\"title\": ", "f.json", &FieldMap::default()).unwrap_err();
    assert!(
        err.to_string().starts_with("f.json:1: not valid JSON"),
        "{err}"
    );
}

#[test]
fn jsonl_and_csv_records() {
    let recs = jsonl(
        "{\"title\":\"A\",\"body\":\"x\"}\n\nnot json\n",
        "f.jsonl",
        &FieldMap::default(),
    )
    .unwrap();
    assert!(recs[0].is_ok());
    assert!(recs[1]
        .as_ref()
        .unwrap_err()
        .to_string()
        .starts_with("f.jsonl:3: not valid JSON"));
    let csv_text = "Title,Content,Date,Outlet\nA,\"Line one.\nLine two.\",2021-10,X\nB,,2021,Y\n";
    let recs = csv(csv_text, "f.csv", &FieldMap::default()).unwrap();
    let a = recs[0].as_ref().unwrap();
    assert_eq!((a.line, a.meta.published.as_deref()), (2, Some("2021-10")));
    assert_eq!(
        recs[1].as_ref().unwrap_err().to_string(),
        "f.csv:4: the record has no body"
    );
    assert!(csv("x,y\n1,2\n", "f.csv", &FieldMap::default())
        .unwrap_err()
        .to_string()
        .contains("no title column"));
}

#[test]
fn markdown_with_yaml_and_toml_front_matter() {
    let md = "---\ntitle: A title\nauthor: Jane Roe\ndate: 2021-09-08\n---\nFirst line\nwraps here with a [link](http://x).\n\n## Sub\n\n- item\n";
    let (meta, body) = markdown(md, "a.md", &FieldMap::default()).unwrap();
    assert_eq!(
        (meta.headline.as_deref(), meta.author.as_deref()),
        (Some("A title"), Some("Jane Roe"))
    );
    assert_eq!(meta.published.as_deref(), Some("2021-09-08"));
    assert_eq!(
        body,
        "First line wraps here with a link.\n\nSub\n\nitem\n\n"
    );
    let md = "+++\ntitle = \"T\"\ndate = 2021-09-08\n+++\n# Heading\n\nText.\n";
    let (meta, body) = markdown(md, "a.md", &FieldMap::default()).unwrap();
    assert_eq!(
        (meta.headline.as_deref(), meta.published.as_deref()),
        (Some("T"), Some("2021-09-08"))
    );
    assert!(body.starts_with("Heading\n\nText."));
    let err = markdown("---\ntitle: [\n---\nx", "a.md", &FieldMap::default()).unwrap_err();
    assert!(err.to_string().starts_with("a.md:"), "{err}");
    assert!(markdown("---\ntitle: x\n", "a.md", &FieldMap::default())
        .unwrap_err()
        .to_string()
        .contains("never closed"));
}

#[test]
fn html_main_text_and_metadata() {
    let page = r#"<!doctype html><html lang="en"><head><title>Site | Headline here</title>
        <meta property="og:title" content="Headline here">
        <meta property="og:site_name" content="Example News">
        <meta name="author" content="Jane Roe">
        <meta property="article:published_time" content="2021-09-08T10:00:00Z">
        </head><body><nav><a href="/">Home</a><a href="/world">World</a></nav>
        <article><h1>Headline here</h1>
        <p>Azerbaijan and Turkey held joint military exercises near Lachin this week, the ministry said, in a sign of closer ties between the two countries.</p>
        <p>The drills, which involved several hundred troops, come a year after the war in Nagorno-Karabakh ended with a ceasefire brokered by Russia.</p>
        <p>Officials in Ankara said further exercises were planned for the autumn, and that cooperation would extend to training and equipment.</p>
        </article><footer><p>Copyright Example News</p></footer></body></html>"#;
    let (meta, body) = html(page, "a.html").unwrap();
    assert_eq!(meta.headline.as_deref(), Some("Headline here"));
    assert_eq!(meta.outlet.as_deref(), Some("Example News"));
    assert_eq!(meta.author.as_deref(), Some("Jane Roe"));
    assert!(meta.published.as_deref().unwrap().starts_with("2021-09-08"));
    assert!(body.starts_with("Azerbaijan and Turkey"), "{body}");
    assert!(
        !body.contains("Home") && !body.contains("Copyright"),
        "{body}"
    );
}

#[test]
fn csv_delimiters_are_read_from_the_header_row() {
    for (sep, text) in [
        (";", "title;outlet;date;body\nSemi headline;Reuters;2022-01-06;Body, with a comma.\n"),
        ("tab", "title\toutlet\tdate\tbody\nSemi headline\tReuters\t2022-01-06\tBody, with a comma.\n"),
        (",", "title,outlet,date,body,\"a;b;c\"\nSemi headline,Reuters,2022-01-06,\"Body, with a comma.\",x\n"),
    ] {
        let recs = csv(text, "f.csv", &FieldMap::default())
            .unwrap_or_else(|e| panic!("{sep}: {e}"));
        let a = recs[0].as_ref().unwrap();
        assert_eq!(a.body, "Body, with a comma.", "{sep}");
        assert_eq!(a.meta.outlet.as_deref(), Some("Reuters"), "{sep}");
    }
}

#[test]
fn markdown_links_with_parentheses_keep_only_their_words() {
    let md = "See [Karabakh](https://en.wikipedia.org/wiki/Karabakh_(region)) (the region) and ![a map](m.png).\n";
    let (_, body) = markdown(md, "a.md", &FieldMap::default()).unwrap();
    assert_eq!(body.trim(), "See Karabakh (the region) and a map.");
}

#[test]
fn markdown_emphasis_marks_go_but_other_stars_and_underscores_stay() {
    let md = "*One*, _two_ and **three**, __four__ _a_ _b_.\nKeep words_with_underscores, 5 * 3 * 2 and snake_case_.\n";
    let (_, body) = markdown(md, "a.md", &FieldMap::default()).unwrap();
    assert_eq!(
        body.trim(),
        "One, two and three, four a b. Keep words_with_underscores, 5 * 3 * 2 and snake_case_."
    );
}
