//! The date rules, one small case per format and language.

use super::*;

fn one(text: &str, order: Option<DateOrder>) -> Option<String> {
    find_dates(text, order)
        .first()
        .and_then(|d| d.date())
        .map(|d| d.iso())
}

#[test]
fn reads_the_common_english_formats() {
    for (text, iso) in [
        ("on 2021-09-08.", "2021-09-08"),
        ("on 8 September 2021", "2021-09-08"),
        ("the 8th of September 2021", "2021-09-08"),
        ("on September 8, 2021", "2021-09-08"),
        ("Sept. 8, 2021", "2021-09-08"),
        ("Sep 8th 2021", "2021-09-08"),
        ("Wednesday, Sept. 29, 2021.", "2021-09-29"),
        ("in September 2023 following", "2023-09"),
        ("in 2023", "2023"),
        ("on 25/12/2021", "2021-12-25"),
        ("on 12/25/2021", "2021-12-25"),
    ] {
        assert_eq!(one(text, None).as_deref(), Some(iso), "{text}");
    }
}

#[test]
fn numeric_dates_follow_the_locale_or_stay_ambiguous() {
    assert_eq!(
        one("09/08/2021", Some(DateOrder::MonthFirst)).as_deref(),
        Some("2021-09-08")
    );
    assert_eq!(
        one("09/08/2021", Some(DateOrder::DayFirst)).as_deref(),
        Some("2021-08-09")
    );
    let d = &find_dates("09/08/2021", None)[0];
    assert_eq!(d.date(), None);
    let (mf, df) = d.ambiguous.unwrap();
    assert_eq!(
        (mf.iso(), df.iso()),
        ("2021-09-08".into(), "2021-08-09".into())
    );
    assert_eq!(DateOrder::from_locale("en-US"), DateOrder::MonthFirst);
    assert_eq!(DateOrder::from_locale("en-GB"), DateOrder::DayFirst);
}

#[test]
fn partial_dates_keep_what_is_written() {
    let d = &find_dates("On Sept. 20, the", None)[0];
    assert_eq!((d.year, d.month, d.day), (None, Some(9), Some(20)));
    let d = &find_dates("ended on November 10.", None)[0];
    assert_eq!((d.month, d.day), (Some(11), Some(10)));
}

#[test]
fn ignores_what_is_not_a_date() {
    for text in [
        "over 100,000 people",
        "the 1990s",
        "Only $100 per year",
        "24/7 news",
        "COVID-19 pandemic",
        "may 8 people",
        "the 13th conference",
        "February 30, 2021",
        "$2021",
        "the 1990's",
    ] {
        assert!(
            find_dates(text, None).is_empty(),
            "{text}: {:?}",
            find_dates(text, None)
        );
    }
}

#[test]
fn reads_datelines() {
    let d = dateline(
        "09/08/2021 Turkey\u{a0} (International Christian Concern) –\u{a0} Nearly one year since",
        Some(DateOrder::MonthFirst),
    )
    .unwrap();
    assert_eq!(d.date.unwrap().date().unwrap().iso(), "2021-09-08");
    assert_eq!(d.outlet.as_deref(), Some("International Christian Concern"));
    let ap = dateline("BAKU, Azerbaijan (AP) — Troops moved", None).unwrap();
    assert_eq!((ap.date, ap.outlet.as_deref()), (None, Some("AP")));
    assert!(dateline("Turkey backed Azerbaijan - and won", None).is_none());
}

fn whole(text: &str) -> Option<(Option<i32>, Option<u8>, Option<u8>)> {
    find_dates(text, None)
        .first()
        .map(|d| (d.year, d.month, d.day))
}

#[test]
fn reads_russian_month_names_in_every_form() {
    for (text, iso) in [
        ("3 августа 2022", "2022-08-03"),
        ("3 августа 2022 г.", "2022-08-03"),
        ("12 марта 2021 года в Шуше", "2021-03-12"),
        ("25 СЕНТЯБРЯ 2023", "2023-09-25"),
        ("12 мар. 2021", "2021-03-12"),
        ("1 сент. 2020", "2020-09-01"),
        ("в марте 2021 года", "2021-03"),
        ("март 2021", "2021-03"),
        ("9 мая 2021 г.", "2021-05-09"),
    ] {
        assert_eq!(one(text, None).as_deref(), Some(iso), "{text}");
    }
    // Without a year the day and month stay, for the year to be resolved.
    assert_eq!(
        whole("Уже 20 сентября было"),
        Some((None, Some(9), Some(20)))
    );
}

#[test]
fn reads_turkish_and_azerbaijani_month_names_in_either_case() {
    for (text, iso) in [
        ("12 Mart 2021", "2021-03-12"),
        ("12 mart 2021", "2021-03-12"),
        ("15 Haziran 2021", "2021-06-15"),
        ("25 Eylül 2023 15:45", "2023-09-25"),
        ("30 KASIM 2020", "2020-11-30"),
        ("1 Şubat 2022", "2022-02-01"),
        ("10 Ağustos 2021", "2021-08-10"),
        ("15 iyun 2021", "2021-06-15"),
        ("15 İyun 2021", "2021-06-15"),
        ("8 noyabr 2020", "2020-11-08"),
        ("8 may 2021", "2021-05-08"),
        ("Aralık 2022", "2022-12"),
    ] {
        assert_eq!(one(text, None).as_deref(), Some(iso), "{text}");
    }
    assert_eq!(whole("12 Mart'ta"), Some((None, Some(3), Some(12))));
}

#[test]
fn reads_armenian_dates_in_both_orders() {
    for (text, iso) in [
        ("2022 թ. մայիսի 22", "2022-05-22"),
        ("2022 թվականի մայիսի 22-ին", "2022-05-22"),
        ("22 մայիսի 2022 թ.", "2022-05-22"),
        ("սեպտեմբերի 19, 2023", "2023-09-19"),
        ("Մայիսի 22-ին", "never"),
    ] {
        if iso == "never" {
            assert_eq!(whole(text), Some((None, Some(5), Some(22))), "{text}");
        } else {
            assert_eq!(one(text, None).as_deref(), Some(iso), "{text}");
        }
    }
}

#[test]
fn a_lower_case_everyday_word_is_a_month_only_with_a_year() {
    for text in [
        "they may come",
        "8 may be enough",
        "may 8 people",
        "12 mart stores",
        "the mart",
        "ocak 5",
        "12 ekim",
        "Marta 2021",
        "12 маяк",
    ] {
        let found: Vec<_> = find_dates(text, None)
            .into_iter()
            .filter(|d| d.month.is_some())
            .collect();
        assert!(found.is_empty(), "{text}: {found:?}");
    }
    // Capitalised, or with a year, the same words are months.
    assert_eq!(whole("12 Mart"), Some((None, Some(3), Some(12))));
    assert_eq!(one("may 2021", None).as_deref(), Some("2021-05"));
    // "Marta 2021" is a name and a year: the year alone is read.
    assert_eq!(one("Marta 2021", None).as_deref(), Some("2021"));
}

#[test]
fn reads_lines_that_are_only_a_date_as_datelines() {
    for (text, iso) in [
        ("March 12, 2021", "2021-03-12"),
        ("12 March 2021", "2021-03-12"),
        ("BAKU, March 12, 2021", "2021-03-12"),
        ("Friday, 12 March 2021.", "2021-03-12"),
        ("12 марта 2021 г.", "2021-03-12"),
        ("Москва, 25 сентября 2023 года", "2023-09-25"),
        ("15 Haziran 2021", "2021-06-15"),
        ("12 mart 2021-ci il", "2021-03-12"),
        ("2022 թ. մայիսի 22", "2022-05-22"),
        ("25 Eylül 2023 15:45", "2023-09-25"),
        ("March 2021", "2021-03"),
    ] {
        let line = dateline(text, None).unwrap_or_else(|| panic!("{text}"));
        assert_eq!(line.text, text);
        assert_eq!(line.date.unwrap().date().unwrap().iso(), iso, "{text}");
    }
    let numeric = dateline("09/08/2021", None).unwrap().date.unwrap();
    assert!(numeric.ambiguous.is_some());
    for text in [
        "March 2021 elections were held",
        "President Aliyev visited Shusha on March 12, 2021.",
        "in 2021",
        "2021",
        "the talks of March 12, 2021",
        "March 12",
        "March 12, 2021 and April 3, 2021",
    ] {
        assert!(dateline(text, None).is_none(), "{text}");
    }
}

/// QA (az_quotes.md, tr_quotes.md): "2022-ci il fevralın 3-də" and
/// "2022 yılı Mart ayında" kept only the year.
#[test]
fn reads_azerbaijani_and_turkish_year_first_dates() {
    for (text, iso) in [
        (
            "Növbəti görüş 2022-ci il fevralın 3-də keçiriləcək.",
            "2022-02-03",
        ),
        ("2023-cü il sentyabrın 19-da", "2023-09-19"),
        ("2020-ci il noyabrın 10-u", "2020-11-10"),
        ("2026-cı il mayın 28-i", "2026-05-28"),
        ("2022-ci ilin fevral ayında", "2022-02"),
        ("2022-ci ilin fevralında", "2022-02"),
        ("2022-ci il martın sonunda", "2022-03"),
        ("2030-cu ilin iyununda", "2030-06"),
        ("3 fevral 2022-ci il", "2022-02-03"),
        ("Erdoğan'ın 2022 yılı Mart ayında Bakü'yü", "2022-03"),
        ("2022 yılının Mart ayında", "2022-03"),
        ("2022'nin Şubat ayında", "2022-02"),
        ("Mart 2022'de", "2022-03"),
        ("3 Şubat 2022'de", "2022-02-03"),
        ("3 Şubat 2022’de", "2022-02-03"),
        ("2022'de seçim", "2022"),
        ("2021’den beri", "2021"),
    ] {
        assert_eq!(one(text, None).as_deref(), Some(iso), "{text}");
    }
    // Azerbaijani writes the month in the genitive before the day.
    assert_eq!(whole("fevralın 3-ü"), Some((None, Some(2), Some(3))));
    assert_eq!(whole("Dekabrın 31-də"), Some((None, Some(12), Some(31))));
    assert_eq!(whole("iyulun 15-də"), Some((None, Some(7), Some(15))));
    // A month name the lists do not know still leaves the year.
    assert_eq!(
        one("2022-ci ilin fevralındakı", None).as_deref(),
        Some("2022")
    );
    assert_eq!(one("2022 yılı martta", None).as_deref(), Some("2022"));
}
