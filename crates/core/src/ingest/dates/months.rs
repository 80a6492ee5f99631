//! Month names in the languages of the region's news: English, Russian,
//! Turkish, Azerbaijani and Armenian, in every form a date uses (Russian
//! genitive "марта", nominative "март", prepositional "марте",
//! abbreviation "мар."; Armenian genitive "մայիսի").
//!
//! Each language's names carry the word orders it writes dates in, so the
//! date pattern only tries the combinations news text uses: English
//! `September 8` and `8 September`; Russian `12 марта` (never month
//! first); Turkish and Azerbaijani `12 Mart` and after a year `2022 yılı
//! Mart ayında`; the Azerbaijani genitive before a day (`fevralın 3-də`,
//! `2022-ci il fevralın 3-də`) or after a year (`2022-ci ilin
//! fevralında`); Armenian `մայիսի 22`, `22 մայիսի` and `2022 թ. մայիսի 22`.

use std::collections::HashSet;
use std::sync::OnceLock;

use crate::search::fold;

/// A language's month names and how its dates are written.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(super) enum Language {
    /// English: capitalised names only ("may" is not May), any order.
    English,
    /// Russian: any case (Russian writes month names in lower case).
    Russian,
    /// Turkish and Azerbaijani, whose names share one list: any case, the
    /// day before the month, or the year before it (`2022 yılı Mart`).
    TurkicLatin,
    /// The Azerbaijani genitive (`fevralın`): before the day, perhaps
    /// after the year (`2022-ci il fevralın 3-də`), or after the year
    /// alone (`2022-ci il fevralın sonunda`, "at the end of February").
    AzerbaijaniGenitive,
    /// The Azerbaijani "in the month of" (`fevralında`): after a year
    /// (`2022-ci ilin fevralında`).
    AzerbaijaniInMonth,
    /// Armenian: any case, the month before or after the day, or after
    /// the year.
    Armenian,
}

/// The word orders a date pattern joins a month name with.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(super) enum Order {
    /// `September 8`, `մայիսի 22`.
    MonthDay,
    /// `8 September`, `12 марта`, `12 Mart`; also `September 2023`.
    DayMonth,
    /// `2022 թ. մայիսի 22`, `2022-ci il fevralın 3-də`.
    YearMonthDay,
    /// `2022 yılı Mart ayında`, `2022-ci ilin fevralında`.
    YearMonth,
}

impl Language {
    fn writes(self, order: Order) -> bool {
        match self {
            Language::English => matches!(order, Order::MonthDay | Order::DayMonth),
            Language::Russian => order == Order::DayMonth,
            Language::TurkicLatin => matches!(order, Order::DayMonth | Order::YearMonth),
            Language::AzerbaijaniGenitive => order != Order::DayMonth,
            Language::AzerbaijaniInMonth => order == Order::YearMonth,
            Language::Armenian => order != Order::YearMonth,
        }
    }
}

/// Every month's names, January first: `(language, names)`.
const MONTHS: [(Language, [&[&str]; 12]); 6] = [
    (
        Language::English,
        [
            &["January", "Jan"],
            &["February", "Feb"],
            &["March", "Mar"],
            &["April", "Apr"],
            &["May"],
            &["June", "Jun"],
            &["July", "Jul"],
            &["August", "Aug"],
            &["September", "Sept", "Sep"],
            &["October", "Oct"],
            &["November", "Nov"],
            &["December", "Dec"],
        ],
    ),
    (
        // Genitive (the form after a day), nominative, prepositional ("в
        // марте 2021 года"), then the abbreviations news text uses.
        Language::Russian,
        [
            &["января", "январь", "январе", "янв"],
            &["февраля", "февраль", "феврале", "февр", "фев"],
            &["марта", "март", "марте", "мар"],
            &["апреля", "апрель", "апреле", "апр"],
            &["мая", "май", "мае"],
            &["июня", "июнь", "июне", "июн"],
            &["июля", "июль", "июле", "июл"],
            &["августа", "август", "августе", "авг"],
            &["сентября", "сентябрь", "сентябре", "сент", "сен"],
            &["октября", "октябрь", "октябре", "окт"],
            &["ноября", "ноябрь", "ноябре", "нояб", "ноя"],
            &["декабря", "декабрь", "декабре", "дек"],
        ],
    ),
    (
        // Turkish, then the Azerbaijani names that differ from it.
        Language::TurkicLatin,
        [
            &["Ocak", "yanvar"],
            &["Şubat", "fevral"],
            &["Mart"],
            &["Nisan", "aprel"],
            &["Mayıs", "may"],
            &["Haziran", "iyun"],
            &["Temmuz", "iyul"],
            &["Ağustos", "avqust"],
            &["Eylül", "sentyabr"],
            &["Ekim", "oktyabr"],
            &["Kasım", "noyabr"],
            &["Aralık", "dekabr"],
        ],
    ),
    (
        // The genitive follows vowel harmony: -ın, -in, -un.
        Language::AzerbaijaniGenitive,
        [
            &["yanvarın"],
            &["fevralın"],
            &["martın"],
            &["aprelin"],
            &["mayın"],
            &["iyunun"],
            &["iyulun"],
            &["avqustun"],
            &["sentyabrın"],
            &["oktyabrın"],
            &["noyabrın"],
            &["dekabrın"],
        ],
    ),
    (
        Language::AzerbaijaniInMonth,
        [
            &["yanvarında"],
            &["fevralında"],
            &["martında"],
            &["aprelində"],
            &["mayında"],
            &["iyununda"],
            &["iyulunda"],
            &["avqustunda"],
            &["sentyabrında"],
            &["oktyabrında"],
            &["noyabrında"],
            &["dekabrında"],
        ],
    ),
    (
        // Nominative and genitive ("մայիսի 22").
        Language::Armenian,
        [
            &["հունվար", "հունվարի"],
            &["փետրվար", "փետրվարի"],
            &["մարտ", "մարտի"],
            &["ապրիլ", "ապրիլի"],
            &["մայիս", "մայիսի"],
            &["հունիս", "հունիսի"],
            &["հուլիս", "հուլիսի"],
            &["օգոստոս", "օգոստոսի"],
            &["սեպտեմբեր", "սեպտեմբերի"],
            &["հոկտեմբեր", "հոկտեմբերի"],
            &["նոյեմբեր", "նոյեմբերի"],
            &["դեկտեմբեր", "դեկտեմբերի"],
        ],
    ),
];

/// Names that are also everyday words when written in lower case:
/// English "may" and "mart", Turkish "ocak" (stove), "ekim" (sowing),
/// "aralık" (gap). In lower case they are a month only with a year
/// (`8 may 2021`, `may 2021`): "8 may be" and "12 mart stores" are not
/// dates. Folded, as [`month_number`] compares.
const COMMON_WORDS: &[&str] = &["may", "mart", "ocak", "ekim", "aralik"];

/// A regex group named `group` matching the month names of the languages
/// that write `order`, longest first (so "Mart" is tried before "Mar" and
/// "марта" before "март"). English names match as written; the others in
/// lower case, capitalised or in capitals ([`spellings`]). Plain literals
/// rather than `(?i)`: the pattern stays smaller and faster, and simple
/// case folding would not pair Turkish ı with I, or İ with i.
pub(super) fn names_pattern(group: &str, order: Order) -> String {
    let mut names: Vec<(Language, &str)> = MONTHS
        .iter()
        .filter(|(language, _)| language.writes(order))
        .flat_map(|(language, months)| {
            months
                .iter()
                .flat_map(|m| m.iter().map(|n| (*language, *n)))
        })
        .collect();
    names.sort_by_key(|(_, name)| std::cmp::Reverse(name.chars().count()));
    let mut alternatives: Vec<String> = Vec::new();
    for (language, name) in &names {
        if *language == Language::English {
            alternatives.push(regex::escape(name));
            continue;
        }
        for form in spellings(name) {
            let form = regex::escape(&form);
            if !alternatives.contains(&form) {
                alternatives.push(form);
            }
        }
    }
    format!("(?P<{group}>{})", alternatives.join("|"))
}

/// The month (1–12) a name matched by [`names_pattern`] stands for.
pub(super) fn month_number(name: &str) -> Option<u8> {
    let folded = fold(name);
    MONTHS.iter().find_map(|(_, months)| {
        months
            .iter()
            .position(|names| names.iter().any(|n| fold(n) == folded))
            .map(|i| i as u8 + 1)
    })
}

/// Whether `name`, as written, may be an everyday word rather than a
/// month (see [`COMMON_WORDS`]): then only a year makes it a date.
pub(super) fn needs_a_year(name: &str) -> bool {
    !name.chars().next().is_some_and(char::is_uppercase)
        && COMMON_WORDS.contains(&fold(name).as_str())
}

/// A name as news text writes it: in lower case, capitalised and in
/// capitals, with Turkish dotted and dotless i kept apart ("İyun",
/// "KASIM").
fn spellings(name: &str) -> [String; 3] {
    let upper = |c: char| match c {
        'i' => "İ".to_string(),
        'ı' => "I".to_string(),
        c => c.to_uppercase().collect(),
    };
    let lower = |c: char| match c {
        'İ' => "i".to_string(),
        'I' => "ı".to_string(),
        c => c.to_lowercase().collect(),
    };
    let lowered: String = name.chars().map(lower).collect();
    let mut chars = lowered.chars();
    let capitalised = chars
        .next()
        .map(|first| upper(first) + chars.as_str())
        .unwrap_or_default();
    let capitals = lowered.chars().map(upper).collect();
    [lowered, capitalised, capitals]
}

/// Whether `word` is a month's name or abbreviation in a language known
/// here, in any of its forms ("Haziran", "марта", "մայիսի"): the ingest
/// report's candidate names leave these out.
pub(crate) fn is_month_name(word: &str) -> bool {
    static NAMES: OnceLock<HashSet<String>> = OnceLock::new();
    NAMES
        .get_or_init(|| {
            MONTHS
                .iter()
                .flat_map(|(_, months)| months.iter().flat_map(|names| names.iter()))
                .map(|n| fold(n))
                .collect()
        })
        .contains(&fold(word))
}
