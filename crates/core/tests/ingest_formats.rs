//! Each input format and each error case, through the same entry point the
//! CLI uses ([`Ingester::file`]).

use dossier_core::entities::Gazetteer;
use dossier_core::ingest::{IngestError, Ingester};
use dossier_core::manifest::Manifest;
use dossier_core::{Article, Provenance, Role};

fn ingest(manifest: &str, file: &str, bytes: &[u8]) -> Vec<Result<Article, IngestError>> {
    let manifest = Manifest::from_toml(manifest).unwrap();
    let gazetteer = Gazetteer::default();
    let stem = file.rsplit_once('.').map_or(file, |(s, _)| s);
    Ingester::new(&manifest, &gazetteer).file(stem, file, bytes)
}

fn one(file: &str, text: &str) -> Article {
    let mut r = ingest("", file, text.as_bytes());
    assert_eq!(r.len(), 1);
    r.remove(0).unwrap()
}

const BODY: &str = "Turkish President Recep Tayyip Erdogan met Ilham Aliyev in Nakhichevan on Monday, as thousands fled the region.\n\n“We stand together,” Erdogan said.";

#[test]
fn markdown_with_yaml_front_matter() {
    let a = one(
        "a.md",
        &format!("---\ntitle: Erdogan meets Aliyev\nauthor: Jane Roe\ndate: 2023-09-25\nsource: Example News\nurl: https://example.org/a\n---\n\n{BODY}\n"),
    );
    assert_eq!(a.headline, "Erdogan meets Aliyev");
    assert_eq!(a.author.as_ref().unwrap().source, Provenance::FrontMatter);
    assert_eq!(a.published.as_ref().unwrap().value.iso(), "2023-09-25");
    assert_eq!(a.outlet.as_ref().unwrap().value, "Example News");
    assert_eq!(a.url.as_ref().unwrap().value, "https://example.org/a");
    assert_eq!(a.quotes[0].entity.as_deref(), Some("erdogan"));
    assert_eq!(a.language.as_ref().unwrap().value, "en");
}

#[test]
fn markdown_with_toml_front_matter_and_a_heading_headline() {
    let a = one(
        "a.md",
        &format!(
            "+++\ndate = \"2023-09\"\ndek = \"The standfirst\"\n+++\n# The headline\n\n{BODY}\n"
        ),
    );
    assert_eq!(a.headline, "The headline");
    assert_eq!(a.published.as_ref().unwrap().value.iso(), "2023-09");
    assert_eq!(
        (a.paragraphs[0].role, a.paragraphs[0].text.as_str()),
        (Role::Dek, "The standfirst")
    );
}

#[test]
fn json_array_jsonl_and_csv_give_one_article_per_record() {
    let json = r#"[{"id": "x1", "headline": "One", "text": "Body one.", "published": "Sept. 8, 2021"},
 {"title": "Two", "content": ["Para A.", "Para B."], "outlet": "Example News"}]"#;
    let r = ingest("", "batch.json", json.as_bytes());
    let a: Vec<&Article> = r.iter().map(|r| r.as_ref().unwrap()).collect();
    assert_eq!((a[0].id.as_str(), a[1].id.as_str()), ("x1", "batch_0002"));
    assert_eq!(a[0].published.as_ref().unwrap().value.iso(), "2021-09-08");
    assert_eq!(a[1].source_file, "batch.json:2");
    assert_eq!(a[1].paragraphs.len(), 2);

    let r = ingest(
        "",
        "f.jsonl",
        b"{\"title\":\"A\",\"body\":\"x\"}\n{\"title\":\"B\",\"body\":\"y\"}\n",
    );
    assert_eq!(r.iter().filter(|r| r.is_ok()).count(), 2);

    let csv = "headline,text,date,source,author,url\nA,\"Body, with comma.\",2021-10,Outlet,Ann Lee,https://x.org\n";
    let a = ingest("", "f.csv", csv.as_bytes()).remove(0).unwrap();
    assert_eq!(a.author.unwrap().value, "Ann Lee");
    assert_eq!(a.paragraphs[0].text, "Body, with comma.");
}

#[test]
fn csv_field_names_are_configurable_in_the_manifest() {
    let manifest = "[fields]\ntitle = [\"Überschrift\"]\nbody = [\"Text\"]\n";
    let a = ingest(manifest, "f.csv", "Überschrift,Text\nA,B.\n".as_bytes())
        .remove(0)
        .unwrap();
    assert_eq!(a.headline, "A");
}

#[test]
fn html_pages_give_their_main_text_and_metadata() {
    let page = format!(
        r#"<html lang="en"><head><meta property="og:title" content="Erdogan meets Aliyev"><meta property="og:site_name" content="Example News">
        <script type="application/ld+json">{{"@context":"https://schema.org","@type":"NewsArticle","headline":"Erdogan meets Aliyev","datePublished":"2023-09-25T08:00:00Z","author":{{"@type":"Person","name":"Jane Roe"}}}}</script></head>
        <body><nav><ul><li><a href="/">Home</a></li></ul></nav><article>{}</article><footer>© Example</footer></body></html>"#,
        BODY.split("\n\n")
            .map(|p| format!("<p>{p} {p}</p>"))
            .collect::<String>()
    );
    let a = one("a.html", &page);
    assert_eq!(a.headline, "Erdogan meets Aliyev");
    assert_eq!(a.published.as_ref().unwrap().value.iso(), "2023-09-25");
    assert_eq!(a.author.as_ref().unwrap().value, "Jane Roe");
    assert!(
        a.paragraphs.iter().all(|p| !p.text.contains("Home")),
        "{:?}",
        a.paragraphs
    );
    assert!(a.mentions.iter().any(|m| m.entity == "nakhchivan"));
}

#[test]
fn non_utf8_text_is_decoded_and_noted() {
    let a = ingest(
        "",
        "a.txt",
        b"Caf\xe9 au lait\n\nUn th\xe9 tr\xe8s appr\xe9ci\xe9 \xe0 Gen\xe8ve.",
    )
    .remove(0)
    .unwrap();
    assert_eq!(a.headline, "Café au lait");
    assert!(a.notes[0].contains("windows-1252"), "{:?}", a.notes);
}

#[test]
fn errors_name_the_file_and_line() {
    let err = |file: &str, text: &str| {
        ingest("", file, text.as_bytes())
            .remove(0)
            .unwrap_err()
            .to_string()
    };
    assert_eq!(err("a.txt", ""), "a.txt: the file is empty");
    assert_eq!(
        err("a.txt", "Skip to content\n"),
        "a.txt: no headline found (only navigation links)"
    );
    assert!(
        err("a.json", "[{\"title\": \"A\",\n \"body\": }]").starts_with("a.json:2: not valid JSON")
    );
    assert_eq!(
        err("a.json", "[\n{\"title\": \"A\"}]"),
        "a.json:2: the record has no body"
    );
    assert!(err("a.md", "---\ntitle: x\nbody\n").contains("never closed"));
    assert!(
        err("a.md", "---\ntitle: x\nauthor: [\n---\nx").starts_with("a.md:"),
        "{}",
        err("a.md", "---\ntitle: x\nauthor: [\n---\nx")
    );
    assert!(
        err("a.md", "+++\ntitle = \n+++\nx").starts_with("a.md:2: bad TOML front matter"),
        "{}",
        err("a.md", "+++\ntitle = \n+++\nx")
    );
    assert!(err("a.csv", "a,b\n1,2\n").starts_with("a.csv:1:"));
    assert_eq!(
        err("a.pdf", "x"),
        "a.pdf: not an article format (expected .txt, .md, .html, .json, .jsonl or .csv)"
    );
}

#[test]
fn manifest_errors_name_the_line_and_key() {
    let err = Manifest::from_toml("title = \"T\"\n[articles.a]\noutlett = \"x\"\n")
        .unwrap_err()
        .to_string();
    assert!(err.contains("line 3") && err.contains("outlett"), "{err}");
    let err = Manifest::from_toml("[outlets.X]\nlocal = \"en-US\"\n")
        .unwrap_err()
        .to_string();
    assert!(err.contains("local"), "{err}");
}

#[test]
fn alias_groups_are_plain_values_for_the_search_index() {
    let groups: Vec<Vec<String>> = Gazetteer::default().alias_groups();
    let find = |name: &str| {
        groups
            .iter()
            .find(|g| g.contains(&name.to_string()))
            .cloned()
            .unwrap_or_default()
    };
    assert!(find("Shusha").contains(&"Shushi".to_string()));
    assert!(find("Nagorno-Karabakh").contains(&"Republic of Artsakh".to_string()));
    assert!(find("Pashinyan").contains(&"Pashinian".to_string()));
    assert!(find("Azerbaijani").contains(&"Azeri".to_string()));
    assert!(!find("Turkish").contains(&"Turkic".to_string()));
}
