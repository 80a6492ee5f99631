//! Unit tests of `analyze`.

use super::*;

fn words(text: &str) -> Vec<String> {
    tokenize(text).into_iter().map(|t| t.text).collect()
}

#[test]
fn folds_turkish_letters() {
    assert_eq!(fold("Erdoğan"), "erdogan");
    assert_eq!(fold("Türkiye"), "turkiye");
    assert_eq!(fold("Şuşa"), "susa");
    assert_eq!(fold("ı İ I i"), "i i i i");
    assert_eq!(fold("ÇÖÜĞŞ"), "cougs");
}

#[test]
fn folding_runs_of_ascii_at_once_agrees_with_folding_each_character() {
    let samples = [
        "",
        "Plain ASCII, With CAPS and 'quotes'.",
        "Erdoğan’s visit to ŞUŞA",
        "İstanbul ılık ß Æ œ Ø Ł Đ Þ Ħ",
        "ﬁnal Ａｌｉｙｅｖ e\u{0301}x 日本 😀 end",
    ];
    for text in samples {
        let mut each = String::new();
        for c in text.chars() {
            fold_char(c, &mut each);
        }
        assert_eq!(fold(text), each, "{text:?}");
    }
}

#[test]
fn the_latin_fold_table_agrees_with_decomposition() {
    for (i, &base) in LATIN_FOLDS.iter().enumerate() {
        let c = char::from_u32((LATIN_FOLDS_FROM + i) as u32).unwrap();
        let mut general = String::new();
        fold_char_general(c, &mut general);
        if base == b'.' {
            assert!(
                general.len() != 1 || !general.as_bytes()[0].is_ascii_alphabetic(),
                "{c:?} could be in the table as {general:?}"
            );
        } else {
            assert_eq!(general, char::from(base).to_string(), "{c:?}");
        }
    }
}

#[test]
fn latin_words_are_read_as_full_segmentation_reads_them() {
    let mut samples = Vec::new();
    for c in ('\u{A0}'..='\u{2FF}').chain(['\u{0301}', '\u{200D}', '\u{00AD}', '’']) {
        for text in [
            format!("{c}"),
            format!("a{c}b"),
            format!("x{c}1 {c}{c}"),
            format!("({c}z.)"),
            format!("q{c}'s"),
            format!("Erdo{c}an:"),
        ] {
            samples.push(text);
        }
    }
    for text in samples {
        let mut slow = Vec::new();
        tokenize_unicode(&text, 0, &mut slow);
        assert_eq!(tokenize(&text), slow, "{text:?}");
    }
}

#[test]
fn folds_other_latin_letters_and_compatibility_forms() {
    assert_eq!(fold("Xankəndi Əliyev"), "xankendi eliyev");
    assert_eq!(fold("Straße Øresund Łódź"), "strasse oresund lodz");
    assert_eq!(fold("ﬁnal"), "final");
    assert_eq!(fold("Ａｌｉｙｅｖ"), "aliyev");
}

#[test]
fn possessive_is_dropped_and_offsets_cover_the_name() {
    let text = "Erdoğan’s visit";
    let tokens = tokenize(text);
    assert_eq!(tokens[0].text, "erdogan");
    assert_eq!(&text[tokens[0].start..tokens[0].end], "Erdoğan");
    assert_eq!(tokens[1].text, "visit");
}

#[test]
fn turkish_and_azerbaijani_endings_after_a_name_are_dropped() {
    assert_eq!(
        words(
            "Şuşa’nın İstanbul'da Bakı’ya NATO'nun Karabağ’ı Erdoğan'ın Xankəndidə Ermənistan’dən"
        ),
        [
            "susa",
            "istanbul",
            "baki",
            "nato",
            "karabag",
            "erdogan",
            "xankendide",
            "ermenistan"
        ]
    );
    let text = "Şuşa’nın";
    let tokens = tokenize(text);
    assert_eq!(&text[tokens[0].start..tokens[0].end], "Şuşa");
    // Not an ending, not after a name, or not lower case: the word stays whole.
    assert_eq!(
        words("O’Brien Ba'ath don't şuşa'nın Şuşa'NIN"),
        ["obrien", "baath", "dont", "susanin", "susanin"]
    );
}

#[test]
fn russian_keeps_its_short_i_so_adjectives_stem_alike() {
    assert_eq!(fold("Военный Ёж"), "военный еж");
    let russian = Analyzer::for_language("ru");
    for (a, b) in [
        ("военный", "военного"),
        ("Нагорный", "Нагорном"),
        ("российский", "российского"),
    ] {
        assert_eq!(russian.stem(&fold(a)), russian.stem(&fold(b)), "{a} {b}");
    }
}

#[test]
fn offsets_point_into_the_original_text() {
    let text = "  Şuşa, “Türkiye” — ok.";
    for t in tokenize(text) {
        assert_eq!(fold(&text[t.start..t.end]).replace('\'', ""), t.text);
    }
    assert_eq!(words(text), ["susa", "turkiye", "ok"]);
}

#[test]
fn splits_at_dots_hyphens_and_colons() {
    assert_eq!(words("Antiwar.com"), ["antiwar", "com"]);
    assert_eq!(words("Nagorno-Karabakh"), ["nagorno", "karabakh"]);
    assert_eq!(words("U.S. forces"), ["u", "s", "forces"]);
    assert_eq!(words("O'Brien don't"), ["obrien", "dont"]);
}

#[test]
fn the_ascii_fast_path_agrees_with_full_segmentation() {
    let samples = [
        "Hello, world! \"Baku\" (2021) -- don't O'Brien's U.S. 3.14 1,000 a_b",
        "x.y:z ;; '' 'tis boys' _lead trail_ e-mail #tag @me 3rd 10:30 a;b a,b",
        "\tTabs\r\nand\x0b\x0cfeeds ...end. ?!",
    ];
    let mut chars: Vec<char> = " \t\n.,;:'\"!?-_()#@aZ09".chars().collect();
    chars.dedup();
    let mut generated = Vec::new();
    let mut seed = 7u64;
    for _ in 0..2000 {
        let len = (seed % 12) as usize;
        let mut s = String::new();
        for _ in 0..len {
            seed = seed
                .wrapping_mul(6364136223846793005)
                .wrapping_add(1442695040888963407);
            s.push(chars[(seed >> 33) as usize % chars.len()]);
        }
        generated.push(s);
    }
    for text in samples.iter().map(|s| s.to_string()).chain(generated) {
        let mut slow = Vec::new();
        tokenize_unicode(&text, 0, &mut slow);
        assert_eq!(tokenize(&text), slow, "{text:?}");
    }
}

#[test]
fn chunked_segmentation_agrees_with_full_segmentation_beyond_ascii() {
    let chars: Vec<char> = [
        ' ', '\t', '\n', '.', ',', '\'', '-', 'a', 'Z', '0', 'ğ', 'İ', 'ş', '日', 'ب', '\u{0301}',
        '\u{00AD}', '\u{200D}', '\u{200B}', '\u{00A0}', '\u{2019}', '—', '\u{2028}', '\u{0085}',
        '\u{3000}', '😀',
    ]
    .into();
    let mut seed = 11u64;
    for _ in 0..5000 {
        seed = seed
            .wrapping_mul(6364136223846793005)
            .wrapping_add(1442695040888963407);
        let len = (seed >> 33) as usize % 14;
        let mut text = String::new();
        for _ in 0..len {
            seed = seed
                .wrapping_mul(6364136223846793005)
                .wrapping_add(1442695040888963407);
            text.push(chars[(seed >> 33) as usize % chars.len()]);
        }
        let mut slow = Vec::new();
        tokenize_unicode(&text, 0, &mut slow);
        assert_eq!(tokenize(&text), slow, "{text:?}");
    }
    let mixed = "Erdoğan met Aliyev in Şuşa, said Türkiye’s İlham. Done\u{0301} x";
    let mut slow = Vec::new();
    tokenize_unicode(mixed, 0, &mut slow);
    assert_eq!(tokenize(mixed), slow);
}

#[test]
fn punctuation_alone_is_no_word() {
    assert!(tokenize("— … !!! ’ '").is_empty());
    assert!(tokenize("").is_empty());
}

#[test]
fn overlong_words_are_skipped() {
    let long = "a".repeat(MAX_WORD_BYTES + 1);
    assert_eq!(words(&format!("x {long} y")), ["x", "y"]);
}

#[test]
fn english_stemming_joins_inflections() {
    let a = Analyzer::english();
    assert_eq!(a.stem("talks"), a.stem("talk"));
    assert_eq!(a.stem("cleansing"), a.stem("cleanse"));
    assert_eq!(a.stem("erdogan"), "erdogan");
    assert_eq!(a.stem("2021"), "2021");
}

#[test]
fn unknown_language_only_folds() {
    let a = Analyzer::for_language("xx");
    assert_eq!(a.stem("talks"), "talks");
    assert_eq!(Analyzer::for_language("tr-TR").language(), "tr");
}
