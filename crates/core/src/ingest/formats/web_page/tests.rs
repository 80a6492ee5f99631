//! Saved pages as the QA inputs had them: clutter around the article, a
//! `<title>` that is only the site's name, JSON-LD in a `@graph`.

use super::*;
use crate::ingest::{default_gazetteer, Ingester};
use crate::manifest::Manifest;
use crate::model::Article;
use crate::PartialDate;

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

/// QA (sozcu.html): the date only in the byline's `<time>`, the address
/// only in `<link rel="canonical">`.
const SOZCU: &str = r#"<!DOCTYPE html><html lang="tr"><head><meta charset="utf-8">
<title>Erdoğan'dan Nahçıvan'da kritik mesaj - Sözcü Gazetesi</title>
<meta property="og:site_name" content="Sözcü">
<link rel="canonical" href="https://www.sozcu.com.tr/2023/dunya/erdogan-nahcivan-123/">
</head><body><article>
<h1>Erdoğan'dan Nahçıvan'da kritik mesaj</h1>
<div class="meta"><span class="author">Mehmet Demir</span> | <time datetime="2023-09-25T15:45:00+03:00">25 Eylül 2023 15:45</time></div>
<p>Cumhurbaşkanı Recep Tayyip Erdoğan, Nahçıvan'da Azerbaycan Cumhurbaşkanı İlham Aliyev ile görüştü. Erdoğan'ın açıklamaları Ermenistan'da tepkiyle karşılandı.</p>
<p>Erdoğan, "Zengezur koridoru bölgenin kaderini değiştirecek" dedi. Paşinyan hükümeti açıklamaya tepki gösterdi.</p>
</article></body></html>"#;

#[test]
fn the_bylines_time_dates_the_page() {
    let a = article("sozcu.html", SOZCU);
    let published = a.published.expect("dated by its <time>");
    assert_eq!(Some(published.value), PartialDate::day(2023, 9, 25));
    assert_eq!(published.value.precision(), crate::DatePrecision::Day);
    assert_eq!(published.source, crate::model::Provenance::FrontMatter);
    let note = published.note.unwrap();
    assert!(
        note.contains("<time datetime=") && note.contains("25 Eylül 2023"),
        "{note}"
    );
}

#[test]
fn the_time_elements_date_gives_mentions_their_year() {
    // QA (en_time.html), with a mention of a day without its year.
    let html = r#"<html lang="en"><head><title>Erdogan in Nakhchivan - Daily Sabah</title>
<meta property="og:site_name" content="Daily Sabah"></head><body>
<article><h1>Erdogan in Nakhchivan</h1><div class="meta"><span class="author">John Smith</span> | <time datetime="2023-09-25T15:45:00+03:00">Sep 25, 2023 15:45</time></div>
<p>President Recep Tayyip Erdogan met Ilham Aliyev in Nakhchivan on Monday.</p><p>The leaders had last met on 19 September.</p></article></body></html>"#;
    let a = article("en_time.html", html);
    assert_eq!(a.published.map(|p| p.value), PartialDate::day(2023, 9, 25));
    // The date dates the month-and-day mentions, as a <meta> date would.
    assert!(
        a.mentioned_dates
            .iter()
            .any(|m| m.date == PartialDate::day(2023, 9, 19)),
        "{:?}",
        a.mentioned_dates
    );
}

#[test]
fn a_meta_date_beats_the_time_element() {
    let html = SOZCU.replace(
        "</head>",
        r#"<meta property="article:published_time" content="2023-09-24T09:00:00Z"></head>"#,
    );
    let a = article("sozcu.html", &html);
    let published = a.published.unwrap();
    assert_eq!(Some(published.value), PartialDate::day(2023, 9, 24));
    assert!(!published.note.unwrap().contains("<time"));
}

#[test]
fn what_is_left_of_the_byline_line_is_furniture() {
    let a = article("sozcu.html", SOZCU);
    let line = a
        .paragraphs
        .iter()
        .find(|p| p.text.contains("25 Eylül 2023"))
        .expect("kept behind show everything");
    assert_eq!(line.role, Role::Furniture, "{:?}", a.paragraphs);
    assert_eq!(line.rule.as_deref(), Some("html-date-line"));
    assert_eq!(a.body().count(), 2);
}

#[test]
fn the_canonical_link_gives_the_address_when_only_http() {
    let a = article("sozcu.html", SOZCU);
    assert_eq!(
        a.url.map(|u| u.value).as_deref(),
        Some("https://www.sozcu.com.tr/2023/dunya/erdogan-nahcivan-123/")
    );
    for href in ["/2023/dunya/erdogan-nahcivan-123/", "javascript:alert(1)"] {
        let html = SOZCU.replace(
            "https://www.sozcu.com.tr/2023/dunya/erdogan-nahcivan-123/",
            href,
        );
        assert_eq!(article("sozcu.html", &html).url, None, "{href}");
    }
    // og:url still comes first.
    let html = SOZCU.replace(
        "</head>",
        r#"<meta property="og:url" content="https://sozcu.com.tr/og"></head>"#,
    );
    assert_eq!(
        article("sozcu.html", &html).url.map(|u| u.value).as_deref(),
        Some("https://sozcu.com.tr/og")
    );
}

#[test]
fn soft_hyphen_and_zero_width_space_entities_do_not_split_words() {
    let html = SOZCU.replace(
        "Nahçıvan'da Azerbaycan",
        "Nah&shy;çıvan'da Azer&#8203;baycan",
    );
    let a = article("sozcu.html", &html);
    let first = a.body().next().unwrap();
    assert!(first.text.contains("Nahçıvan'da Azerbaycan"), "{first:?}");
}
