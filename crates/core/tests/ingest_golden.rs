//! Golden tests: every field ingest derives from the five seed articles,
//! pinned in `tests/golden/<id>.json` (the article as the bundle stores it,
//! pretty-printed). A change in the rules shows up as a readable diff.
//!
//! To accept a deliberate change: `UPDATE_GOLDEN=1 cargo test -p
//! dossier-core --test ingest_golden`, then review the diff of the golden
//! files before committing.

mod common;

use std::path::Path;

use common::seeds;
use dossier_core::{Article, DatePrecision, Provenance, Role};

#[test]
fn seeds_match_their_golden_files() {
    let golden = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/golden");
    let update = std::env::var_os("UPDATE_GOLDEN").is_some();
    let mut mismatched = Vec::new();
    for article in seeds() {
        let path = golden.join(format!("{}.json", article.id));
        let json = serde_json::to_string_pretty(&article).unwrap() + "\n";
        if update {
            std::fs::write(&path, &json).unwrap();
            continue;
        }
        let expected = std::fs::read_to_string(&path)
            .unwrap_or_else(|_| panic!("{} is missing; run with UPDATE_GOLDEN=1", path.display()));
        if expected != json {
            let actual = path.with_extension("actual.json");
            std::fs::write(&actual, &json).unwrap();
            mismatched.push(format!("{} (see {})", path.display(), actual.display()));
        } else {
            let _ = std::fs::remove_file(path.with_extension("actual.json"));
        }
    }
    assert!(
        mismatched.is_empty(),
        "derived fields changed; diff these, and rerun with UPDATE_GOLDEN=1 if the change is right:\n{}",
        mismatched.join("\n")
    );
}

fn by_rule(a: &Article, role: Role) -> Vec<(&str, &str)> {
    a.paragraphs
        .iter()
        .filter(|p| p.role == role)
        .map(|p| (p.text.as_str(), p.rule.as_deref().unwrap_or("")))
        .collect()
}

fn starts(list: &[(&str, &str)]) -> Vec<String> {
    list.iter()
        .map(|(t, _)| t.chars().take(24).collect())
        .collect()
}

/// The expectations of issue 3, spelled out, independently of the golden
/// files: a golden update cannot silently break them.
#[test]
fn seeds_meet_the_issue_expectations() {
    let a = seeds();
    let ids: Vec<&str> = a.iter().map(|a| a.id.as_str()).collect();
    assert_eq!(ids.len(), 5, "{ids:?}");

    // 000: date and outlet from the dateline; press contact and appeal are furniture.
    let published = a[0].published.as_ref().unwrap();
    assert_eq!(
        (published.value.iso(), published.source),
        ("2021-09-08".into(), Provenance::Text)
    );
    assert_eq!(
        a[0].outlet.as_ref().unwrap().value,
        "International Christian Concern"
    );
    assert_eq!(
        starts(&by_rule(&a[0], Role::Furniture)),
        ["For interviews, please co", "ICC is on a mission to he"].map(|s| s[..24].to_string())
    );
    assert_eq!(by_rule(&a[0], Role::Caption), []);
    assert_eq!(by_rule(&a[0], Role::Dek), []);

    // 001: three captions and the comment notice.
    let captions = starts(&by_rule(&a[1], Role::Caption));
    assert_eq!(
        captions,
        [
            "Azerbaijani soldiers ride",
            "The Associated Press",
            "Turkish President Recep T"
        ]
        .map(|s| s.chars().take(24).collect::<String>())
    );
    assert_eq!(
        starts(&by_rule(&a[1], Role::Furniture)),
        ["Please let us know if yo"]
    );
    assert_eq!(
        a[1].published.as_ref().unwrap().value.precision(),
        DatePrecision::Month
    );

    // 002: byline gives the author, the bio is a bio, the map line a caption,
    // the second line a dek.
    let author = a[2].author.as_ref().unwrap();
    assert_eq!(
        (author.value.as_str(), author.source),
        ("Dave DeCamp", Provenance::Text)
    );
    assert_eq!(by_rule(&a[2], Role::Byline).len(), 1);
    assert_eq!(by_rule(&a[2], Role::Bio).len(), 1);
    assert_eq!(
        starts(&by_rule(&a[2], Role::Caption)),
        ["Map showing Nagorno-Kara"]
    );
    assert_eq!(
        starts(&by_rule(&a[2], Role::Dek)),
        ["Turkey backed Azerbaijan"]
    );
    assert_eq!(by_rule(&a[2], Role::Furniture), []);

    // 003: only the comment notice.
    assert_eq!(
        starts(&by_rule(&a[3], Role::Furniture)),
        ["Comments are closed."]
    );
    assert_eq!(
        a[3].paragraphs
            .iter()
            .filter(|p| p.role != Role::Body)
            .count(),
        1
    );

    // 004: four lines of furniture, a dek and a caption.
    assert_eq!(
        starts(&by_rule(&a[4], Role::Furniture)),
        [
            "Skip to main content",
            "Access the Middle East ne",
            "Join our community of Mi",
            "Only $100 per year."
        ]
        .map(|s| s.chars().take(24).collect::<String>())
    );
    assert_eq!(
        starts(&by_rule(&a[4], Role::Dek)),
        ["Ankara is backing the oi"]
    );
    assert_eq!(
        starts(&by_rule(&a[4], Role::Caption)),
        ["President of the Republi"]
    );
    assert_eq!(a[4].published.as_ref().unwrap().value.iso(), "2023-09-25");

    // Quotes: Stoltenberg (002) and Erdoğan (003, 004) speak.
    let speakers = |i: usize| {
        a[i].quotes
            .iter()
            .filter_map(|q| q.entity.clone())
            .collect::<Vec<_>>()
    };
    assert!(
        speakers(2).contains(&"stoltenberg".to_string()),
        "{:?}",
        a[2].quotes
    );
    assert!(
        speakers(3).contains(&"erdogan".to_string()),
        "{:?}",
        a[3].quotes
    );
    assert!(
        speakers(4).contains(&"erdogan".to_string()),
        "{:?}",
        a[4].quotes
    );

    // Mentioned dates with their resolved years.
    let dates = |i: usize| {
        a[i].mentioned_dates
            .iter()
            .map(|d| (d.text.as_str(), d.date.map(|d| d.iso()).unwrap_or_default()))
            .collect::<Vec<_>>()
    };
    let d3 = dates(3);
    for expected in [
        ("September 27, 2020", "2020-09-27"),
        ("November 10", "2020-11-10"),
        ("May 8, 1992", "1992-05-08"),
    ] {
        assert!(
            d3.contains(&(expected.0, expected.1.to_string())),
            "{expected:?} not in {d3:?}"
        );
    }
    assert!(
        dates(4).contains(&("Sept. 20", "2023-09-20".to_string())),
        "{:?}",
        dates(4)
    );
    assert!(dates(2).contains(&("2023", "2023".to_string())));

    // Entities: each naming variant is recorded as written.
    let variants = |i: usize, id: &str| {
        let mut v: Vec<&str> = a[i]
            .mentions
            .iter()
            .filter(|m| m.entity == id)
            .map(|m| m.text.as_str())
            .collect();
        v.sort();
        v.dedup();
        v
    };
    assert_eq!(
        variants(0, "nagorno-karabakh"),
        ["Artsakh", "Nagorno-Karabakh"]
    );
    assert_eq!(variants(0, "shusha"), ["Shushi"]);
    assert_eq!(variants(0, "turkic"), ["Turkic"]);
    assert_eq!(variants(3, "turkey"), ["Turkey", "Türkiye"]);
    assert_eq!(variants(3, "pashinyan"), ["Nikol Pashinian"]);
    assert_eq!(variants(4, "nakhchivan"), ["Nakhichevan"]);
    assert!(variants(2, "nagorno-karabakh").contains(&"Republic of Artsakh"));
}
