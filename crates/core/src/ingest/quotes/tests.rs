//! Tests of the quote finder: English first, then the other languages.

use super::*;
use crate::model::Paragraph;

/// Found by the ingest property test: a quotation mark right before a
/// closing one, after a byte-order mark, sliced backwards.
#[test]
fn a_lone_quotation_mark_does_not_panic() {
    let text = "09/08/2021\u{feff})Sept..09/08/2021 told.\"";
    let _ = quotes(&[text]);
    let _ = quotes(&["He said \"", "\"", "\u{201c}\u{201d} she told."]);
}

fn quotes(paragraphs: &[&str]) -> Vec<(String, Option<String>, String, String)> {
    let g = Gazetteer::default();
    let mut a = Article {
        id: "a".into(),
        headline: "H".into(),
        paragraphs: paragraphs.iter().map(|p| Paragraph::body(*p)).collect(),
        ..Default::default()
    };
    a.mentions = g.mentions(&a);
    find_quotes(&a, &a.mentions, &g)
        .into_iter()
        .map(|q| (q.speaker, q.entity, q.quote, q.cue))
        .collect()
}

#[test]
fn speaker_after_the_quote() {
    let q = quotes(&["“We will help,” NATO chief Jens Stoltenberg told reporters."]);
    assert_eq!(q[0].1.as_deref(), Some("stoltenberg"));
    assert_eq!(q[0].2, "We will help");
    assert_eq!(q[0].3, "told");
    let q = quotes(&["“We will help,” said Erdogan."]);
    assert_eq!(
        (q[0].0.as_str(), q[0].1.as_deref()),
        ("Erdogan", Some("erdogan"))
    );
}

#[test]
fn speaker_before_the_quote_and_pronouns() {
    let q = quotes(&[
        "Stoltenberg said that “peace is possible” and called for Azerbaijan to “seize this.”",
        "Nikol Pashinyan spoke on Monday. “We are ready,” he said.",
    ]);
    assert_eq!(q.len(), 3);
    assert!(q[..2].iter().all(|q| q.1.as_deref() == Some("stoltenberg")));
    assert_eq!(
        (q[2].1.as_deref(), q[2].3.as_str()),
        (Some("pashinyan"), "he said")
    );
}

#[test]
fn according_to_and_continued_paragraphs() {
    let q = quotes(&["According to the Defense Ministry, the drill is “routine.”"]);
    assert_eq!(
        (q[0].0.as_str(), q[0].3.as_str()),
        ("the Defense Ministry", "according to")
    );
    let q = quotes(&["“First part,” Erdoğan said.", "“Second part.”"]);
    assert_eq!((q[1].0.as_str(), q[1].3.as_str()), ("Erdoğan", "continued"));
}

#[test]
fn scare_quotes_without_a_speech_verb_are_not_quotes() {
    assert!(quotes(&["Iran accused Azeris of joining Israel’s “Zionist regime.”"]).is_empty());
    assert!(quotes(&["what Baku calls “the great return”."]).is_empty());
    assert!(quotes(&["the self-declared republic fought “terrorists”."]).is_empty());
}

/// (speaker, quote) pairs, for the other languages' tests.
fn said(paragraphs: &[&str]) -> Vec<(String, String)> {
    quotes(paragraphs).into_iter().map(|q| (q.0, q.2)).collect()
}

fn pairs(expected: &[(&str, &str)]) -> Vec<(String, String)> {
    expected
        .iter()
        .map(|&(s, q)| (s.to_string(), q.to_string()))
        .collect()
}

#[test]
fn russian_quotes() {
    let q = said(&[
        "«Мы готовы к переговорам», — заявил Лавров журналистам в Москве.",
        "Никол Пашинян в свою очередь сказал: «Армения не будет воевать».",
        "По словам Ильхама Алиева, «никакого Карабаха больше нет». Лавров заявил, что „стороны договорятся“.",
        "«Это важно», — подчеркнула пресс-секретарь МИД Мария Захарова.",
    ]);
    assert_eq!(
        q,
        pairs(&[
            ("Лавров", "Мы готовы к переговорам"),
            ("Никол Пашинян", "Армения не будет воевать"),
            ("Ильхама Алиева", "никакого Карабаха больше нет"),
            ("Лавров", "стороны договорятся"),
            ("пресс-секретарь МИД Мария Захарова", "Это важно"),
        ])
    );
    // The declined name links to the gazetteer person.
    let q = quotes(&["По словам Ильхама Алиева, «никакого Карабаха больше нет»."]);
    assert_eq!(q[0].1.as_deref(), Some("aliyev"));
}

#[test]
fn armenian_quotes() {
    let q = quotes(&[
        "«Մենք պատրաստ ենք խաղաղության», — հայտարարել է Փաշինյանը։",
        "Արցախի նախագահը նշել է. «Արցախի ժողովուրդը չի հրաժարվի»։ Հաջորդ հանդիպումը նախատեսված է։",
        "Ալիևը նշել է, որ «խաղաղությունը հնարավոր է»։",
    ]);
    let q: Vec<_> = q
        .iter()
        .map(|q| (q.0.as_str(), q.1.as_deref(), q.2.as_str()))
        .collect();
    assert_eq!(
        q,
        [
            (
                "Փաշինյանը",
                Some("pashinyan"),
                "Մենք պատրաստ ենք խաղաղության"
            ),
            ("Արցախի նախագահը", None, "Արցախի ժողովուրդը չի հրաժարվի"),
            ("Ալիևը", Some("aliyev"), "խաղաղությունը հնարավոր է"),
        ]
    );
}

#[test]
fn turkish_quotes() {
    let q = said(&[
        "Çavuşoğlu, \"Karabağ Azerbaycan'dır ve öyle kalacak\" dedi.",
        "Bayramov ise “Türkiye ile kardeşliğimiz sonsuzdur” ifadesini kullandı.",
        "Dışişleri Bakanı Mevlüt Çavuşoğlu, Bakü'de yaptığı açıklamada “Barış mümkün” diye konuştu. “Süreç sürüyor” dedi.",
    ]);
    assert_eq!(
        q,
        pairs(&[
            ("Çavuşoğlu", "Karabağ Azerbaycan'dır ve öyle kalacak"),
            ("Bayramov", "Türkiye ile kardeşliğimiz sonsuzdur"),
            // A linked person is named by the mention, as in English.
            ("Mevlüt Çavuşoğlu", "Barış mümkün"),
            // No subject written: the person named last.
            ("Mevlüt Çavuşoğlu", "Süreç sürüyor"),
        ])
    );
}

#[test]
fn azerbaijani_quotes() {
    let q = said(&[
        "“Qarabağ Azərbaycandır və bu, həmişə belə olacaq”, — deyə Əliyev bildirib.",
        "Türkiyə Prezidenti Rəcəb Tayyib Ərdoğan isə «Azərbaycanın sevinci bizim sevincimizdir» deyib.",
        "Bayramov bildirib ki, “danışıqlar davam edir”. Əliyev deyib: “Sülh mümkündür”.",
    ]);
    assert_eq!(
        q,
        pairs(&[
            ("Əliyev", "Qarabağ Azərbaycandır və bu, həmişə belə olacaq"),
            (
                "Rəcəb Tayyib Ərdoğan",
                "Azərbaycanın sevinci bizim sevincimizdir"
            ),
            ("Bayramov", "danışıqlar davam edir"),
            ("Əliyev", "Sülh mümkündür"),
        ])
    );
}

#[test]
fn guillemets_without_a_speech_verb_are_not_quotes() {
    assert!(quotes(&["«Газпром» сообщил о росте прибыли."]).is_empty());
    assert!(quotes(&["Компания «Газпром» заявила, что прибыль выросла."]).is_empty());
    assert!(quotes(&["Лавров заявил, что «Газпром» продолжит поставки."]).is_empty());
    assert!(quotes(&["В Москве показали фильм «Карабах — наша земля»."]).is_empty());
    assert!(quotes(&["Bakıda «Qarabağ» filmi göstərilib."]).is_empty());
    assert!(quotes(&["Erdoğan'ın “Zafer” kitabı yayımlandı, dedi."]).is_empty());
    assert!(quotes(&["Սպասվում է «Արցախ» ֆիլմի ցուցադրությունը։"]).is_empty());
}
