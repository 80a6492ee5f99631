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
