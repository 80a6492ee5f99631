//! Saved pages as the QA inputs had them: clutter around the article, a
//! `<title>` that is only the site's name, JSON-LD in a `@graph`.

use super::*;
use crate::ingest::{default_gazetteer, Ingester};
use crate::manifest::Manifest;
use crate::model::Article;

fn body(page: &WebPage) -> Vec<&str> {
    page.paragraphs
        .iter()
        .filter(|p| p.role == Role::Body)
        .map(|p| p.text.as_str())
        .collect()
}

fn article(file: &str, html: &str) -> Article {
    let manifest = Manifest::default();
    let stem = file.trim_end_matches(".html");
    Ingester::new(&manifest, default_gazetteer())
        .file(stem, file, html.as_bytes())
        .remove(0)
        .unwrap()
}

/// A saved Hürriyet page: nav, cookie banner outside the article, a byline
/// paragraph and a figure caption inside it.
const HURRIYET: &str = r#"<!DOCTYPE html><html lang="tr"><head><meta charset="utf-8">
<title>İstanbul'da zirve: Erdoğan ve Aliyev görüştü | Hürriyet</title>
<meta property="og:site_name" content="Hürriyet">
<meta property="article:published_time" content="2023-09-25T10:00:00+03:00">
</head><body>
<nav><a href="/">Ana Sayfa</a> | <a href="/gundem">Gündem</a></nav>
<div class="cookie-banner">Bu sitede çerezler kullanılmaktadır. Kabul ediyorum.</div>
<article>
<h1>İstanbul'da zirve: Erdoğan ve Aliyev görüştü</h1>
<p class="byline">Ayşe Yılmaz</p>
<p>Cumhurbaşkanı Recep Tayyip Erdoğan, Azerbaycan Cumhurbaşkanı İlham Aliyev ile İSTANBUL'da bir araya geldi. Görüşmede Karabağ ve Nahçıvan konuları ele alındı.</p>
<p>İki lider, ISPARTA ve IĞDIR üzerinden geçecek yeni demiryolu hattını da görüştü. Erdoğan, "Tek millet, iki devlet" ilkesini yineledi.</p>
<figure><img src="x.jpg"><figcaption>Erdoğan ve Aliyev İstanbul'da (Fotoğraf: AA)</figcaption></figure>
<p>Görüşmenin ardından ortak basın toplantısı düzenlendi. Liderler, Zengezur koridorunun önemine dikkat çekti ve Şuşa'daki gelişmeleri değerlendirdi.</p>
</article>
<footer>© 2023 Hürriyet. Tüm hakları saklıdır. Gizlilik politikası.</footer>
</body></html>"#;

#[test]
fn banners_bylines_and_captions_are_not_body_text() {
    let page = page(HURRIYET, "hurriyet.html").unwrap();
    assert_eq!(page.meta.dek, None);
    assert_eq!(page.meta.outlet.as_deref(), Some("Hürriyet"));
    // No author tag: the byline gives it.
    assert_eq!(page.meta.author.as_deref(), Some("Ayşe Yılmaz"));
    let body = body(&page);
    assert_eq!(body.len(), 3, "{body:?}");
    assert!(body[0].starts_with("Cumhurbaşkanı Recep"), "{body:?}");
    assert!(body
        .iter()
        .all(|p| !p.contains("çerez") && !p.contains("Fotoğraf")));
    let role = |text: &str| {
        page.paragraphs
            .iter()
            .find(|p| p.text == text)
            .map(|p| p.role)
    };
    assert_eq!(role("Ayşe Yılmaz"), Some(Role::Byline));
    assert_eq!(
        role("Erdoğan ve Aliyev İstanbul'da (Fotoğraf: AA)"),
        Some(Role::Caption)
    );

    let a = article("hurriyet.html", HURRIYET);
    assert_eq!(a.headline, "İstanbul'da zirve: Erdoğan ve Aliyev görüştü");
    // Through the Ingester: the banner is gone, the byline and caption keep
    // the roles the markup gave them, and no body paragraph becomes a dek.
    assert!(
        a.paragraphs.iter().all(|p| !p.text.contains("çerez")),
        "{:?}",
        a.paragraphs
    );
    let role = |text: &str| {
        a.paragraphs
            .iter()
            .find(|p| p.text.contains(text))
            .map(|p| p.role)
    };
    assert_eq!(role("Ayşe Yılmaz"), Some(Role::Byline));
    assert_eq!(role("Fotoğraf"), Some(Role::Caption));
    assert_eq!(role("Cumhurbaşkanı Recep"), Some(Role::Body));
    assert!(a
        .body()
        .all(|p| !p.text.contains("Fotoğraf") && p.text != "Ayşe Yılmaz"));
}

#[test]
fn a_consent_dialog_is_no_dek_on_a_page_without_article() {
    let html = r#"<html><head><title>Baku hosts summit - Caucasus Daily</title>
<meta property="og:site_name" content="Caucasus Daily"><meta property="og:title" content="Baku hosts summit on regional transport">
</head><body><header><div>Subscribe now! Get 50% off.</div><ul class="menu"><li>World</li><li>Politics</li></ul></header>
<div class="cookie-consent">We use cookies to improve your experience. By continuing you accept our cookie policy.</div>
<div role="dialog"><p>Allow notifications from this site?</p></div>
<div class="main"><h1>Baku hosts summit on regional transport</h1>
<div class="content"><p>Leaders from Azerbaijan, Turkey and Georgia met in Baku on Friday to discuss the Middle Corridor, a trade route linking China to Europe across the Caspian Sea.</p>
<p>The three countries agreed to speed up work on the Baku-Tbilisi-Kars railway, officials said. The railway opened in 2017 but has carried less freight than planned.</p>
<p>"This corridor is the future of Eurasian trade," Azerbaijani President Ilham Aliyev said at the opening session.</p></div></div>
<aside class="sidebar"><h3>Most read</h3><ul><li><a href="/a">Ten things you did not know about Tbilisi</a></li></ul></aside>
<footer>Copyright 2022 Caucasus Daily. All rights reserved.</footer></body></html>"#;
    let (meta, text) = super::html(html, "noarticle.html").unwrap();
    assert_eq!(
        meta.headline.as_deref(),
        Some("Baku hosts summit on regional transport")
    );
    assert_eq!(meta.dek, None);
    assert!(text.starts_with("Leaders from Azerbaijan"), "{text}");
    for clutter in [
        "cookies",
        "notifications",
        "Subscribe",
        "Most read",
        "Copyright",
    ] {
        assert!(!text.contains(clutter), "{clutter} in {text}");
    }
}

#[test]
fn the_standfirst_comes_from_the_article_or_its_description() {
    let paragraph = "Leaders met in Baku on Friday to discuss the Middle Corridor trade route across the Caspian Sea, officials said.";
    let with_class = format!(
        r#"<html><body><div class="newsletter">Sign up for our newsletter today</div><article><header><h1>Summit</h1>
        <p class="article-standfirst">Three leaders agree on a railway</p></header><p>{paragraph}</p><p>{paragraph}</p></article></body></html>"#
    );
    let (meta, text) = html(&with_class, "a.html").unwrap();
    assert_eq!(
        meta.dek.as_deref(),
        Some("Three leaders agree on a railway")
    );
    assert!(
        !text.contains("Three leaders") && !text.contains("newsletter"),
        "{text}"
    );

    let described = format!(
        r#"<html><head><meta name="description" content="A railway for three countries"></head>
        <body><article><h1>Summit</h1><p>{paragraph}</p><p>{paragraph}</p></article></body></html>"#
    );
    let (meta, _) = html(&described, "b.html").unwrap();
    assert_eq!(meta.dek.as_deref(), Some("A railway for three countries"));
}

#[test]
fn the_h1_is_the_headline_when_the_title_is_the_site_name() {
    let html = "<html><head><title>Новости Карабаха</title></head><body><article><h1>Ереван и Баку обменялись пленными</h1>
<p>Армения и Азербайджан провели обмен пленными при посредничестве США. Об этом сообщили в Ереване в четверг.</p>
<p>По данным сторон, на родину вернулись по два человека. Переговоры о мирном договоре продолжаются.</p></article></body></html>";
    let (meta, text) = super::html(html, "win1251_nometa.html").unwrap();
    assert_eq!(
        meta.headline.as_deref(),
        Some("Ереван и Баку обменялись пленными")
    );
    assert_eq!(meta.dek, None);
    assert!(text.starts_with("Армения и Азербайджан"), "{text}");
    let a = article("win1251_nometa.html", html);
    assert_eq!(a.headline, "Ереван и Баку обменялись пленными");
    assert!(a
        .paragraphs
        .iter()
        .all(|p| !p.text.contains("Новости Карабаха")));
}

#[test]
fn the_title_loses_a_trailing_site_name_only_when_it_is_the_last_resort() {
    let site = Some("Caucasus Daily");
    assert_eq!(
        head::without_site_name("Baku hosts summit - Caucasus Daily", site),
        "Baku hosts summit"
    );
    assert_eq!(
        head::without_site_name("Baku hosts summit | caucasus daily", site),
        "Baku hosts summit"
    );
    assert_eq!(
        head::without_site_name("Baku - Tbilisi railway opens", site),
        "Baku - Tbilisi railway opens"
    );
    let html = r#"<html><head><title>Baku hosts summit | Caucasus Daily</title>
        <meta property="og:site_name" content="Caucasus Daily"></head><body><p>Text.</p></body></html>"#;
    let (meta, _) = super::html(html, "t.html").unwrap();
    assert_eq!(meta.headline.as_deref(), Some("Baku hosts summit"));
}

#[test]
fn json_ld_in_a_graph_with_an_array_of_authors() {
    let html = r#"<html><head><title>Summit in Tbilisi</title>
<script type="application/ld+json">[{"@context":"https://schema.org","@graph":[{"@type":"WebPage","name":"x"},{"@type":"NewsArticle","headline":"Summit in Tbilisi","datePublished":"2022-04-12T08:00:00+04:00","author":[{"@type":"Person","name":"Jane Doe"}]}]}]</script>
</head><body><article><h1>Summit in Tbilisi</h1><p>Leaders met in Tbilisi on Friday to discuss the Middle Corridor trade route across the Black Sea coast.</p><p>The second paragraph is here, officials said.</p></article></body></html>"#;
    let (meta, _) = super::html(html, "ld2.html").unwrap();
    assert_eq!(meta.author.as_deref(), Some("Jane Doe"));
    assert_eq!(meta.published.as_deref(), Some("2022-04-12T08:00:00+04:00"));
    let a = article("ld2.html", html);
    assert_eq!(a.published.as_ref().unwrap().value.iso(), "2022-04-12");
    assert_eq!(a.author.as_ref().unwrap().value, "Jane Doe");
}

#[test]
fn json_ld_publishers_by_reference_and_mixed_authors() {
    let script = r##"{"@context":"https://schema.org","@graph":[
        {"@type":"Organization","@id":"https://example.org/#org","name":"Caucasus Daily"},
        {"@type":["ReportageNewsArticle"],"headline":"Border talks","datePublished":"2022-05-01",
         "author":["Ann Lee",{"@type":"Person","name":"Bo Kim"}],
         "publisher":{"@id":"https://example.org/#org"}}]}"##;
    let node = json_ld::article(["not json", script]).unwrap();
    assert_eq!(node.headline.as_deref(), Some("Border talks"));
    assert_eq!(node.author.as_deref(), Some("Ann Lee, Bo Kim"));
    assert_eq!(node.publisher.as_deref(), Some("Caucasus Daily"));
    assert_eq!(node.published.as_deref(), Some("2022-05-01"));

    let nested = r#"{"@type":"WebPage","mainEntity":{"@type":"BlogPosting","author":"Ann Lee","publisher":{"@type":"Organization","name":"Blog"}}}"#;
    let node = json_ld::article([nested]).unwrap();
    assert_eq!(node.author.as_deref(), Some("Ann Lee"));
    assert_eq!(node.publisher.as_deref(), Some("Blog"));
    assert_eq!(json_ld::article([r#"{"@type":"WebPage"}"#]), None);
}

#[test]
fn furniture_is_told_by_whole_class_words() {
    let paragraph = "Leaders met in Baku on Friday to discuss the Middle Corridor trade route across the Caspian Sea, officials said.";
    let html = format!(
        r#"<html><body><div id="cookiebar">Accept all cookies</div><div class="ad-slot">Buy a car</div>
        <article><div class="author">By Jane Roe</div><div class="subscriber-content"><p>{paragraph}</p>
        <p>{paragraph}</p></div></article></body></html>"#
    );
    let page = page(&html, "a.html").unwrap();
    let body = body(&page);
    // The `subscriber-content` block is the article, not a subscribe box.
    assert_eq!(body, [paragraph, paragraph]);
    assert_eq!(page.meta.author.as_deref(), Some("Jane Roe"));
    assert_eq!(page.paragraphs[0].role, Role::Byline);
}

#[test]
fn a_wrapper_with_an_advert_class_still_holds_the_article() {
    let paragraph = "Leaders met in Baku on Friday to discuss the Middle Corridor trade route across the Caspian Sea, officials said.";
    let html = format!(
        r#"<html><body><div class="page has-ads"><div class="ad">Buy a car</div><h1>Summit</h1>
        <div class="content"><p>{paragraph}</p><p>{paragraph}</p></div></div></body></html>"#
    );
    let (meta, text) = super::html(&html, "a.html").unwrap();
    assert_eq!(meta.headline.as_deref(), Some("Summit"));
    assert_eq!(text, format!("{paragraph}\n\n{paragraph}\n\n"));
}
