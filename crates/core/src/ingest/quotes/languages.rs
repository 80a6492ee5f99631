//! Quote patterns of Russian, Armenian, Turkish and Azerbaijani.
//!
//! English lets the speaker stand almost anywhere around the verb; these
//! languages write direct speech in a few fixed shapes, and only those
//! shapes are matched, so that a «title» or a name in guillemets
//! («Газпром») with no speech verb next to it never becomes a quote:
//! - verb after the quotation, speaker after the verb, behind a dash
//!   (Russian, Armenian): `«…», — заявил Лавров`, `«…», — հայտարարել է
//!   Փաշինյանը`;
//! - verb last, speaker before the quotation or after a quotative
//!   particle (Turkish, Azerbaijani): `X, "…" dedi`, `X ise “…” ifadesini
//!   kullandı`, `“…”, — deyə X bildirib`; with no subject written
//!   (`"…" dedi.`) the speaker is the person named last;
//! - verb before the quotation, which then ends its clause (all four):
//!   `X сказал: «…»`, `X заявил, что «…»`, `X-ը նշել է, որ «…»`,
//!   `X bildirib ki, “…”`, `X deyib: “…”`, and Russian `По словам X, «…»`.
//!
//! Offsets are into the masked paragraph (see `mask`), where quotations
//! are `"___"`, so words inside them never match.

use std::sync::OnceLock;

use regex::Regex;

use crate::entities::words;

/// Who a pattern names as the speaker.
pub(super) enum Who {
    /// The speaker phrase at these byte offsets: a name, a title or a pronoun.
    Phrase(usize, usize),
    /// No subject written (Turkish `"…" dedi.`): the person named last.
    Unnamed,
}

/// A speaker found for a quotation, with the verb that cued it.
pub(super) struct Attribution {
    /// Where the speaker is written, if anywhere.
    pub who: Who,
    /// The speech verb as written ("заявил", "ifadesini kullandı").
    pub cue: String,
}

/// Where the speaker stands when the speech verb follows the quotation.
#[derive(Clone, Copy, PartialEq, Eq)]
enum Order {
    /// `«…», — заявил Лавров`: after the verb, and only behind a dash.
    VerbSpeaker,
    /// `X, "…" dedi`: before the quotation (or after a quotative particle).
    SpeakerVerb,
}

/// What the patterns need to know of one language.
struct Language {
    /// Speech verbs as a regex alternation, multi-word forms included.
    verbs: &'static str,
    /// Where the speaker stands when the verb follows the quotation.
    after_quote: Order,
    /// Whether a speaker written after the verb ends with its first name
    /// ("заявил Лавров журналистам": Russian adds objects after the name),
    /// or runs to the clause end (Armenian puts the name last).
    speaker_ends_at_name: bool,
    /// Words joining a verb to reported speech: "что", "որ", "ki".
    connectors: &'static [&'static str],
    /// Words a speaker phrase may end with that are not the speaker:
    /// adverbs and topic particles ("в свою очередь", "ise").
    particles: &'static [&'static str],
    /// Conjunctions a clause may start with before its subject.
    conjunctions: &'static [&'static str],
    /// Particles that introduce the speaker after a quotation ("deyə").
    quotatives: &'static [&'static str],
    /// An "according to X, «…»" phrase as a regex with a `who` group.
    according: Option<&'static str>,
}

const RUSSIAN: Language = Language {
    verbs: r"(?:заяви|сказа|отмети|подчеркну|добави|сообщи|поясни|уточни|указа|призна|напомни|ответи|написа|рассказа|объясни|предупреди|завери|констатирова|резюмирова|пообеща|замети)(?:л|ла|ли|ло)|говорит|заявляет|отмечает|подчеркивает|подчёркивает|пишет|сообщает|добавляет|считает",
    after_quote: Order::VerbSpeaker,
    speaker_ends_at_name: true,
    connectors: &["что"],
    particles: &[
        "в свою очередь",
        "при этом",
        "также",
        "тоже",
        "ранее",
        "позже",
        "затем",
        "уже",
        "вновь",
        "снова",
        "же",
        "однако",
    ],
    conjunctions: &["а", "и", "но", "как", "однако"],
    quotatives: &[],
    according: Some(r"(?i)\bпо словам\s+(?P<who>[^,.;:]{2,80})"),
};

const ARMENIAN: Language = Language {
    verbs: r"(?:հայտարարել|ասել|հայտնել|ընդգծել|շեշտել|նշել|ավելացրել|պատասխանել|գրել)\s+(?:է|են)|հայտարարեց|ասաց|հայտնեց|ընդգծեց|շեշտեց|նշեց|ավելացրեց|պատասխանեց",
    after_quote: Order::VerbSpeaker,
    speaker_ends_at_name: false,
    connectors: &["որ"],
    particles: &["իր հերթին", "նաև", "էլ", "ևս", "իսկ"],
    conjunctions: &["և", "իսկ", "բայց"],
    quotatives: &[],
    according: None,
};

const TURKISH: Language = Language {
    verbs: r"dedi|demişti|diye konuştu|diye yazdı|diye ekledi|ifadesini kullandı|ifadelerini kullandı|açıklamasında bulundu|açıklamasını yaptı|söyledi|belirtti|vurguladı|kaydetti|ifade etti|dile getirdi|ekledi",
    after_quote: Order::SpeakerVerb,
    speaker_ends_at_name: false,
    connectors: &["ki"],
    particles: &["ise", "de", "da", "ayrıca", "şunları", "şöyle"],
    conjunctions: &["ve", "ancak", "ama"],
    quotatives: &["diye"],
    according: None,
};

const AZERBAIJANI: Language = Language {
    verbs: r"bildirib|bildirdi|deyib|dedi|qeyd edib|qeyd etdi|vurğulayıb|vurğuladı|söyləyib|söylədi|əlavə edib|əlavə etdi|bəyan edib|bəyan etdi",
    after_quote: Order::SpeakerVerb,
    speaker_ends_at_name: false,
    connectors: &["ki"],
    particles: &["isə", "də", "da", "həmçinin", "bunları", "belə"],
    conjunctions: &["və", "amma", "lakin"],
    quotatives: &["deyə"],
    according: None,
};

const LANGUAGES: [&Language; 4] = [&RUSSIAN, &ARMENIAN, &TURKISH, &AZERBAIJANI];

/// Pronouns that stand for the person named last.
pub(super) const PRONOUNS: &[&str] = &["он", "она", "նա", "o"];

/// Each language's verbs, whole words only (Unicode word bounds, so
/// "сказала" is not "сказал" + "а"), compiled once.
fn verb_res() -> &'static [Regex; 4] {
    static RES: OnceLock<[Regex; 4]> = OnceLock::new();
    RES.get_or_init(|| {
        LANGUAGES.map(|l| Regex::new(&format!(r"(?i)\b(?:{})\b", l.verbs)).expect("valid"))
    })
}

/// Each language's "according to" pattern, compiled once.
fn according_res() -> &'static [Option<Regex>; 4] {
    static RES: OnceLock<[Option<Regex>; 4]> = OnceLock::new();
    RES.get_or_init(|| LANGUAGES.map(|l| l.according.map(|r| Regex::new(r).expect("valid"))))
}

/// The speaker of quotation `qi` of the masked paragraph, by the first
/// language whose pattern matches.
pub(super) fn attribute(masked: &str, spans: &[(usize, usize)], qi: usize) -> Option<Attribution> {
    let (qs, qe) = spans[qi];
    let lo = clause_floor(masked, qs).max(qi.checked_sub(1).map_or(0, |p| spans[p].1));
    let hi = spans
        .get(qi + 1)
        .map_or(masked.len(), |n| n.0)
        .min(sentence_end_after(masked, qe));
    LANGUAGES.iter().enumerate().find_map(|(li, lang)| {
        let verbs = &verb_res()[li];
        after_quote(lang, verbs, masked, (lo, qs, qe, hi))
            .or_else(|| before_quote(lang, li, verbs, masked, (lo, qs, qe)))
    })
}

/// Whether `c` ends a sentence when a space follows (`։` is Armenian).
fn is_stop(c: char) -> bool {
    matches!(c, '.' | '!' | '?' | '։')
}

/// Where the sentence holding byte `qs` starts. A `.` after an Armenian
/// word right before the quotation does not end it: Armenian writes its
/// colon that way ("նշել է. «…»").
fn clause_floor(masked: &str, qs: usize) -> usize {
    let before = &masked[..qs];
    let mut lead = before.trim_end().len();
    if let Some(colon) = before[..lead].strip_suffix('.') {
        if colon.ends_with(|c| ('\u{531}'..='\u{58f}').contains(&c)) {
            lead = colon.len();
        }
    }
    before[..lead]
        .char_indices()
        .rev()
        .find(|&(i, c)| {
            let next = i + c.len_utf8();
            is_stop(c) && before[next..].starts_with(char::is_whitespace)
        })
        .map_or(0, |(i, c)| i + c.len_utf8())
}

/// Where the sentence holding byte `from` ends.
fn sentence_end_after(masked: &str, from: usize) -> usize {
    masked[from..]
        .char_indices()
        .find(|&(i, c)| {
            let rest = &masked[from + i + c.len_utf8()..];
            is_stop(c) && rest.chars().next().is_none_or(char::is_whitespace)
        })
        .map_or(masked.len(), |(i, _)| from + i)
}

/// Word ranges of `masked[s..e]`, as offsets into `masked`.
fn words_in(masked: &str, s: usize, e: usize) -> Vec<(usize, usize)> {
    words(&masked[s..e]).map(|(a, b)| (a + s, b + s)).collect()
}

/// Whether word `w` starts with a capital (names and sentence starts).
fn capitalised(masked: &str, w: (usize, usize)) -> bool {
    masked[w.0..].starts_with(char::is_uppercase)
}

/// `words` without trailing particles, matched word by word.
fn strip_particles(
    lang: &Language,
    masked: &str,
    mut words: Vec<(usize, usize)>,
) -> Vec<(usize, usize)> {
    'strip: loop {
        for p in lang.particles {
            let n = p.split(' ').count();
            if words.len() >= n
                && words[words.len() - n..]
                    .iter()
                    .zip(p.split(' '))
                    .all(|(&(s, e), w)| masked[s..e].to_lowercase() == w)
            {
                words.truncate(words.len() - n);
                continue 'strip;
            }
        }
        return words;
    }
}

/// The span of a speaker phrase, when it is a pronoun, or has a
/// capitalised word and at most 8 words.
fn phrase(masked: &str, words: &[(usize, usize)]) -> Option<Who> {
    let (first, last) = (words.first()?, words.last()?);
    let is_pronoun =
        words.len() == 1 && PRONOUNS.contains(&masked[first.0..first.1].to_lowercase().as_str());
    (is_pronoun || (words.len() <= 8 && words.iter().any(|&w| capitalised(masked, w))))
        .then_some(Who::Phrase(first.0, last.1))
}

/// The verb right after the quotation: `«…», — заявил X`, `X, "…" dedi`,
/// `“…”, — deyə X bildirib`.
fn after_quote(
    lang: &Language,
    verbs: &Regex,
    masked: &str,
    (lo, qs, qe, hi): (usize, usize, usize, usize),
) -> Option<Attribution> {
    let m = verbs.find(&masked[qe..hi.max(qe)])?;
    let (vs, ve) = (qe + m.start(), qe + m.end());
    let cue = m.as_str().to_string();
    let gap = &masked[qe..vs];
    if lang.after_quote == Order::VerbSpeaker {
        // Only a comma and a dash between: `«…», — заявил`.
        let dash = gap.trim_matches(|c: char| c == ',' || c.is_whitespace());
        if !matches!(dash, "—" | "–" | "-") {
            return None;
        }
        let rest = &masked[ve..hi.max(ve)];
        let stop = ve
            + rest
                .find([',', ';', ':', '.', '։', '—', '–', '"', '('])
                .unwrap_or(rest.len());
        let mut words = words_in(masked, ve, stop);
        words.truncate(8);
        if lang.speaker_ends_at_name {
            // Up to the end of the first run of capitalised words.
            if let Some(first_name) = words.iter().position(|&w| capitalised(masked, w)) {
                let run = words[first_name..]
                    .iter()
                    .take_while(|&&w| capitalised(masked, w))
                    .count();
                words.truncate(first_name + run);
            }
        }
        return phrase(masked, &words).map(|who| Attribution { who, cue });
    }
    if !gap
        .chars()
        .all(|c| c.is_alphanumeric() || c.is_whitespace() || ",—–-'’".contains(c))
    {
        return None;
    }
    let words = words_in(masked, qe, vs);
    let who = match words.split_first() {
        None => subject_before(lang, masked, lo, qs)?,
        Some((&(s, e), name))
            if lang
                .quotatives
                .contains(&masked[s..e].to_lowercase().as_str())
                && !name.is_empty()
                && name.iter().all(|&w| capitalised(masked, w)) =>
        {
            phrase(masked, name)?
        }
        Some(_) => return None,
    };
    Some(Attribution { who, cue })
}

/// The subject of a verb-last sentence, before its quotation: the name
/// ending the nearest clause that ends with one (`X ise “…”`, `X, Bakü'de
/// "…"`). A quotation opening its sentence has no subject written.
fn subject_before(lang: &Language, masked: &str, lo: usize, qs: usize) -> Option<Who> {
    if masked[lo..qs].trim().is_empty() {
        return Some(Who::Unnamed);
    }
    let mut end = qs;
    loop {
        let start = masked[lo..end]
            .rfind([',', ';', ':', '"', '—', '–', '('])
            .map(|i| lo + i);
        let words = strip_particles(
            lang,
            masked,
            words_in(masked, start.map_or(lo, |i| i + 1), end),
        );
        // A name with a case suffix after an apostrophe ("Erdoğan'ın")
        // is no subject: its suffix is a lowercase word of its own here.
        let run = words
            .iter()
            .rev()
            .take_while(|&&w| capitalised(masked, w))
            .count();
        if run > 0 {
            return phrase(masked, &words[words.len() - run..]);
        }
        end = start?;
    }
}

/// A verb before the quotation, which ends its clause: `X сказал: «…»`,
/// `X заявил, что «…»`, `Как заявил X, «…»`, `По словам X, «…»`.
fn before_quote(
    lang: &Language,
    li: usize,
    verbs: &Regex,
    masked: &str,
    (lo, qs, qe): (usize, usize, usize),
) -> Option<Attribution> {
    let rest = masked[qe..].trim_start();
    if !(rest.is_empty() || rest.starts_with(['.', ',', ';', ':', '!', '?', '։', '—', '–', ')']))
    {
        return None;
    }
    let region = &masked[lo..qs];
    if let Some(according) = &according_res()[li] {
        if let Some(who) = according
            .captures_iter(region)
            .last()
            .and_then(|c| c.name("who"))
        {
            let (s, e) = (lo + who.start(), lo + who.end());
            if masked[e..qs].trim().trim_end_matches(',').trim().is_empty() {
                let who = phrase(masked, &words_in(masked, s, e))?;
                return Some(Attribution {
                    who,
                    cue: "по словам".to_string(),
                });
            }
        }
    }
    let m = verbs.find_iter(region).last()?;
    let (vs, ve) = (lo + m.start(), lo + m.end());
    let cue = m.as_str().to_string();
    let tail = words_in(masked, ve, qs);
    if let Some(&(s, e)) = tail.first() {
        if !lang
            .connectors
            .contains(&masked[s..e].to_lowercase().as_str())
        {
            // `Как заявил Лавров, «…»`: the speaker follows the verb.
            if !masked[..qs].trim_end().ends_with(',') {
                return None;
            }
            return phrase(masked, &tail).map(|who| Attribution { who, cue });
        }
    }
    let start = masked[lo..vs]
        .rfind([',', ';', ':', '"', '—', '–', '('])
        .map_or(lo, |i| lo + i + 1);
    let mut words = strip_particles(lang, masked, words_in(masked, start, vs));
    while words.first().is_some_and(|&(s, e)| {
        lang.conjunctions
            .contains(&masked[s..e].to_lowercase().as_str())
    }) {
        words.remove(0);
    }
    if words.len() > 8 {
        let run = words
            .iter()
            .rev()
            .take_while(|&&w| capitalised(masked, w))
            .count();
        words.drain(..words.len() - run);
    }
    phrase(masked, &words).map(|who| Attribution { who, cue })
}
