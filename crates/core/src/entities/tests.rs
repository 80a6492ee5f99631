//! Unit tests of `entities`.

use super::*;

fn ids(g: &Gazetteer, text: &str) -> Vec<(String, String)> {
    g.find(text)
        .into_iter()
        .map(|f| {
            (
                g.entities()[f.entity].id.clone(),
                text[f.start..f.end].to_string(),
            )
        })
        .collect()
}

/// The words of `text` by the general (character) path only.
fn words_by_chars(text: &str) -> Vec<(usize, usize)> {
    Words {
        text,
        at: 0,
        ascii: false,
    }
    .collect()
}

#[test]
fn ascii_and_general_word_paths_agree() {
    for text in [
        "",
        "  ",
        "Turkey's troops, 2,000 of them, left Nagorno-Karabakh.",
        "U.S.-led talks",
        "a",
        "end with word",
        "--x--",
    ] {
        assert_eq!(
            words(text).collect::<Vec<_>>(),
            words_by_chars(text),
            "{text:?}"
        );
    }
    let mixed = "Erdoğan (Türkiye) met Aliyev";
    assert_eq!(
        words(mixed).map(|(s, e)| &mixed[s..e]).collect::<Vec<_>>(),
        ["Erdoğan", "Türkiye", "met", "Aliyev"]
    );
}

#[test]
fn folds_turkish_and_other_diacritics() {
    assert_eq!(fold("Erdoğan"), "erdogan");
    assert_eq!(fold("ÇAVUŞOĞLU"), "cavusoglu");
    assert_eq!(fold("İlham"), "ilham");
    assert_eq!(fold("Naxçıvan"), "naxcivan");
    assert_eq!(fold("Xankəndi"), "xankendi");
    assert_eq!(fold("Türkiye"), "turkiye");
}

#[test]
fn matches_variants_and_prefers_the_longest_name() {
    let g = Gazetteer::default();
    assert_eq!(
        ids(
            &g,
            "the Republic of Artsakh, Artsakh and Nagorno-Karabakh’s people"
        ),
        [
            ("nagorno-karabakh".into(), "Republic of Artsakh".into()),
            ("nagorno-karabakh".into(), "Artsakh".into()),
            ("nagorno-karabakh".into(), "Nagorno-Karabakh".into()),
        ]
    );
    assert_eq!(ids(&g, "ERDOGAN and Erdoğan")[1].1, "Erdoğan");
    assert_eq!(
        ids(&g, "Recep Tayyip Erdogan spoke")[0].1,
        "Recep Tayyip Erdogan"
    );
}

#[test]
fn keeps_turkish_and_turkic_apart_and_matches_whole_words_only() {
    let g = Gazetteer::default();
    assert_eq!(ids(&g, "a joint Turkic army")[0].0, "turkic");
    assert_eq!(ids(&g, "Turkish forces")[0].0, "turkish");
    assert!(ids(&g, "Turkeys and Bakunin").is_empty());
    assert_eq!(ids(&g, "Turkey’s role")[0].0, "turkey");
}

#[test]
fn acronyms_only_match_capitals() {
    let g = Gazetteer::default();
    assert!(ids(&g, "Will you join us?").is_empty());
    assert_eq!(ids(&g, "The US suspended aid")[0].0, "united-states");
    assert_eq!(ids(&g, "NATO chief")[0].0, "nato");
}

#[test]
fn names_do_not_join_across_punctuation() {
    let g = Gazetteer::default();
    assert_eq!(ids(&g, "Nagorno, Karabakh")[0].1, "Karabakh");
}

#[test]
fn alias_groups_list_each_entity_with_its_aliases() {
    let g = Gazetteer::default();
    let groups = g.alias_groups();
    let shusha = groups.iter().find(|g| g[0] == "Shusha").unwrap();
    assert!(shusha.contains(&"Shushi".to_string()));
    let turkey = groups.iter().find(|g| g[0] == "Turkey").unwrap();
    assert!(turkey.contains(&"Türkiye".to_string()));
}

#[test]
fn rejects_duplicate_ids_and_unknown_keys() {
    let dup =
        "[[entity]]\nid='a'\nname='A'\nkind='place'\n[[entity]]\nid='a'\nname='B'\nkind='place'\n";
    assert!(matches!(
        Gazetteer::from_toml(dup),
        Err(GazetteerError::DuplicateId(_))
    ));
    let typo = "[[entity]]\nid='a'\nname='A'\nkind='place'\nalias=['x']\n";
    assert!(Gazetteer::from_toml(typo)
        .unwrap_err()
        .to_string()
        .contains("alias"));
}

#[test]
fn candidates_are_unknown_capitalised_names() {
    let g = Gazetteer::default();
    let a = Article {
        id: "a".into(),
        paragraphs: vec![crate::model::Paragraph::body(
            "Erdogan met Ali Akbar Ojaghnejad in Baku. Later Ali Akbar Ojaghnejad left.",
        )],
        ..Default::default()
    };
    let c = candidates(&[a], &g);
    assert_eq!(c[0].name, "Ali Akbar Ojaghnejad");
    assert_eq!(c[0].count, 2);
    assert!(!c
        .iter()
        .any(|c| c.name.contains("Baku") || c.name == "Later"));
    // Month names in the region's languages are dates, not names.
    let b = Article {
        id: "b".into(),
        paragraphs: vec![crate::model::Paragraph::body(
            "Toplantı 15 Haziran günü, görüşme ise 3 Марта и в Մայիսի ayında oldu.",
        )],
        ..Default::default()
    };
    let c = candidates(&[b], &g);
    assert!(c.is_empty(), "{c:?}");
    // Two sentences are not one name; an initial is part of one.
    let d = Article {
        id: "d".into(),
        paragraphs: vec![crate::model::Paragraph::body(
            "Они приехали в Горис. Переговоры шли долго, сказал Джон Ф. Кеннеди.",
        )],
        ..Default::default()
    };
    let names: Vec<String> = candidates(&[d], &g).into_iter().map(|c| c.name).collect();
    assert!(
        names.iter().all(|n| !n.contains('.') || n.contains("Ф.")),
        "{names:?}"
    );
    assert!(names.contains(&"Джон Ф. Кеннеди".to_string()), "{names:?}");
}

#[test]
fn candidates_of_slices_merge_into_those_of_the_whole() {
    let g = Gazetteer::default();
    let article = |id: &str, text: &str| Article {
        id: id.into(),
        paragraphs: vec![crate::model::Paragraph::body(text)],
        ..Default::default()
    };
    let all = [
        article("a", "They met Ali Akbar Ojaghnejad and Mary Roe in Baku."),
        article("b", "Later ALI AKBAR OJAGHNEJAD met Mary Roe."),
        article("c", "Then Mary Roe left with John Doe."),
    ];
    let whole = candidates(&all, &g);
    for split in 0..=all.len() {
        let (x, y) = all.split_at(split);
        let merged = merge_candidates(vec![candidates(x, &g), candidates(y, &g)]);
        assert_eq!(merged, whole, "split at {split}");
    }
}

/// The (id, variant) pairs `text` yields, as `&str`s for short asserts.
fn found(g: &Gazetteer, text: &str) -> Vec<(String, String)> {
    ids(g, text)
}

fn pairs<'a>(expected: &[(&'a str, &'a str)]) -> Vec<(String, String)> {
    expected
        .iter()
        .map(|&(id, v)| (id.to_string(), v.to_string()))
        .collect()
}

#[test]
fn russian_names_match_in_their_case_forms() {
    let g = Gazetteer::default();
    let text = "Премьер-министр Армении Никол Пашинян встретился с президентом \
        Азербайджана Ильхамом Алиевым. Эрдоган заявил, что Турция поддерживает \
        Баку. В Нагорном Карабахе, который армяне называют Арцахом, Степанакерт \
        азербайджанцы называют Ханкенди. Турецкий лидер говорил о Шуше, Москва \
        о России и Российской Федерации, а СССР и США о Южном Кавказе.";
    assert_eq!(
        found(&g, text),
        pairs(&[
            ("armenia", "Армении"),
            ("pashinyan", "Никол Пашинян"),
            ("azerbaijan", "Азербайджана"),
            ("aliyev", "Ильхамом Алиевым"),
            ("erdogan", "Эрдоган"),
            ("turkey", "Турция"),
            ("baku", "Баку"),
            ("nagorno-karabakh", "Нагорном Карабахе"),
            ("armenian", "армяне"),
            ("nagorno-karabakh", "Арцахом"),
            ("stepanakert", "Степанакерт"),
            ("azerbaijani", "азербайджанцы"),
            ("stepanakert", "Ханкенди"),
            ("turkish", "Турецкий"),
            ("shusha", "Шуше"),
            ("moscow", "Москва"),
            ("russia", "России"),
            ("russia", "Российской Федерации"),
            ("soviet-union", "СССР"),
            ("united-states", "США"),
            ("south-caucasus", "Южном Кавказе"),
        ])
    );
}

#[test]
fn armenian_names_match_with_their_endings() {
    let g = Gazetteer::default();
    // "Ալիև" and "Ալիեւ" are the same name: the ligature և folds to եւ.
    let text = "ՀՀ վարչապետ Նիկոլ Փաշինյանը Երևանում հանդիպել է Ադրբեջանի \
        նախագահ Իլհամ Ալիևի հետ։ Ալիեւը խոսեց Ղարաբաղում և Արցախում \
        ապրող հայերի մասին, Ստեփանակերտից մինչև Շուշի։ Հայաստանի և \
        Թուրքիայի սահմանը փակ է, ասաց Էրդողանը։";
    assert_eq!(
        found(&g, text),
        pairs(&[
            ("armenia", "ՀՀ"),
            ("pashinyan", "Նիկոլ Փաշինյանը"),
            ("yerevan", "Երևանում"),
            ("azerbaijan", "Ադրբեջանի"),
            ("aliyev", "Իլհամ Ալիևի"),
            ("aliyev", "Ալիեւը"),
            ("nagorno-karabakh", "Ղարաբաղում"),
            ("nagorno-karabakh", "Արցախում"),
            ("armenian", "հայերի"),
            ("stepanakert", "Ստեփանակերտից"),
            ("shusha", "Շուշի"),
            ("armenia", "Հայաստանի"),
            ("turkey", "Թուրքիայի"),
            ("erdogan", "Էրդողանը"),
        ])
    );
}

#[test]
fn azerbaijani_names_match_with_suffixes_written_without_apostrophe() {
    let g = Gazetteer::default();
    let text = "Prezident İlham Əliyevin Şuşada çıxışı: Azərbaycan Dağlıq \
        Qarabağda və Xankəndidə suverenliyini bərpa etdi. Ermənistanın baş \
        naziri Nikol Paşinyanın bəyanatı, Türkiyənin dəstəyi və Rusiyanın \
        mövqeyi Bakıda müzakirə olundu.";
    assert_eq!(
        found(&g, text),
        pairs(&[
            ("aliyev", "İlham Əliyevin"),
            ("shusha", "Şuşada"),
            ("azerbaijan", "Azərbaycan"),
            ("nagorno-karabakh", "Dağlıq Qarabağda"),
            ("stepanakert", "Xankəndidə"),
            ("armenia", "Ermənistanın"),
            ("pashinyan", "Nikol Paşinyanın"),
            ("turkey", "Türkiyənin"),
            ("russia", "Rusiyanın"),
            ("baku", "Bakıda"),
        ])
    );
}

#[test]
fn turkish_suffixes_after_an_apostrophe_leave_the_name_whole() {
    let g = Gazetteer::default();
    let text = "Cumhurbaşkanı Erdoğan'ın Şuşa'daki açıklaması: Türkiye, \
        Azerbaycan’ın Dağlık Karabağ'daki egemenliğini destekliyor. Ermenistan \
        Başbakanı Paşinyan ile Aliyev Hankendi'de değil Rusya'da görüştü; \
        Ermeniler ve Türkler NATO'yu izledi.";
    assert_eq!(
        found(&g, text),
        pairs(&[
            ("erdogan", "Erdoğan"),
            ("shusha", "Şuşa"),
            ("turkey", "Türkiye"),
            ("azerbaijan", "Azerbaycan"),
            ("nagorno-karabakh", "Dağlık Karabağ"),
            ("armenia", "Ermenistan"),
            ("pashinyan", "Paşinyan"),
            ("aliyev", "Aliyev"),
            ("stepanakert", "Hankendi"),
            ("russia", "Rusya"),
            ("armenian", "Ermeniler"),
            ("turkish", "Türkler"),
            ("nato", "NATO"),
        ])
    );
}

#[test]
fn adjectives_and_demonyms_go_to_the_peoples_not_the_countries() {
    let g = Gazetteer::default();
    let text = "турецкого армянских азербайджанец иранцев россияне русская \
        российскими իրանական ադրբեջանցին Azərbaycanlılar İranlı";
    let found: Vec<String> = found(&g, text).into_iter().map(|(id, _)| id).collect();
    assert_eq!(
        found,
        [
            "turkish",
            "armenian",
            "azerbaijani",
            "iranian",
            "russian",
            "russian",
            "russian",
            "iranian",
            "azerbaijani",
            "azerbaijani",
            "iranian"
        ]
    );
}

#[test]
fn ordinary_russian_and_armenian_prose_names_nothing() {
    let g = Gazetteer::default();
    let russian = "В понедельник правительство обсудило бюджет на следующий год. \
        Министр финансов заявил, что инфляция замедлилась, а цены на продукты \
        стабилизировались. Жители города жалуются на пробки и ремонт дорог; \
        мэрия обещает открыть новые станции метро к осени. Армия провела \
        учения у моря, туристы вернулись с гор, грузовик застрял в черном \
        снегу, а на рынке продают сирийский сыр, москвичи и турист Карабас.";
    assert_eq!(found(&g, russian), pairs(&[]));
    let armenian = "Կառավարությունը երկուշաբթի քննարկել է հաջորդ տարվա \
        բյուջեն։ Ֆինանսների նախարարը հայտարարել է, որ գնաճը դանդաղել է, և \
        մթերքների գները կայունացել են։ Քաղաքի բնակիչները բողոքում են \
        խցանումներից, իսկ քաղաքապետարանը խոստանում է նոր կայարաններ։";
    assert_eq!(found(&g, armenian), pairs(&[]));
}

#[test]
fn a_stem_takes_only_a_short_ending_in_its_own_script() {
    let g = Gazetteer::from_toml(
        "[[entity]]\nid='k'\nname='Karabakh'\nkind='place'\naliases=['Карабах*', 'Qarabağ*']\n",
    )
    .unwrap();
    let ids_of = |text: &str| found(&g, text);
    assert_eq!(ids_of("Карабахом")[0].1, "Карабахом");
    // Four letters is a derived word, not a case ending.
    assert!(ids_of("карабахский карабахцами").is_empty());
    // An ending in another script is not an ending.
    assert!(ids_of("Карабахxy Qarabağом").is_empty());
    assert_eq!(ids_of("Qarabağdan")[0].1, "Qarabağdan");
    // Without the marker a name matches only itself.
    let plain = Gazetteer::from_toml(
        "[[entity]]\nid='k'\nname='Karabakh'\nkind='place'\naliases=['Карабах']\n",
    )
    .unwrap();
    assert!(ids(&plain, "Карабаха").is_empty());
}
