//! Property tests: no input panics the engine, and random play through any valid story always ends.
#![cfg(not(target_arch = "wasm32"))]

use proptest::prelude::*;
use safety_stories::engine::{HelpDirectory, Playthrough, Stats, Story, terminal_safe};

#[path = "support/generate.rs"]
mod generate;

fn help() -> HelpDirectory {
    HelpDirectory::from_json(include_str!("../stories/help/services-uk.json")).unwrap().value
}

/// A random story graph: each scene continues, chooses (with random conditions and flag sets) or ends, with
/// targets that may or may not exist.
fn arbitrary_story() -> impl Strategy<Value = String> {
    let scene = (0u8..3, prop::collection::vec((0usize..12, any::<bool>(), 0u8..4, 0u8..4), 1..4), any::<bool>());
    (prop::collection::vec(scene, 1..12), 0usize..3).prop_map(|(scenes, flags)| {
        let flag_names = ["a", "b", "c"];
        let declared: Vec<String> = flag_names[..flags].iter().map(|f| format!("\"{f}\": false")).collect();
        let flag_obj = |code: u8| -> String {
            if code == 0 || flags == 0 {
                return "{}".into();
            }
            let name = flag_names[(code as usize - 1) % 3];
            format!("{{\"{name}\": {}}}", code.is_multiple_of(2))
        };
        let mut out = format!(
            r#"{{"format":1,"id":"random","title":"R","summary":"R","language":"en","age":{{"min":11,"max":14}},
            "content_note":"R","minutes":1,"credits":{{"writer":"w","artist":"a"}},"start":"s0","flags":{{{}}},"scenes":["#,
            declared.join(",")
        );
        for (i, (kind, choices, ending_kind)) in scenes.iter().enumerate() {
            if i > 0 {
                out.push(',');
            }
            let next = match kind {
                0 => format!(r#"{{"continue":"s{}"}}"#, choices[0].0),
                1 => {
                    let list: Vec<String> = choices
                        .iter()
                        .map(|(to, _, when, set)| {
                            format!(r#"{{"label":"go","to":"s{to}","when":{},"set":{}}}"#, flag_obj(*when), flag_obj(*set))
                        })
                        .collect();
                    format!(r#"{{"choices":[{}]}}"#, list.join(","))
                }
                _ => format!(
                    r#"{{"ending":{{"kind":"{}","reflection":"end"}}}}"#,
                    if *ending_kind { "positive" } else { "mixed" }
                ),
            };
            out.push_str(&format!(r#"{{"id":"s{i}","title":"t","text":"x","next":{next}}}"#));
        }
        out.push_str("]}");
        out
    })
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 512, ..ProptestConfig::default() })]

    #[test]
    fn any_text_at_all_never_panics_the_loader(text in ".{0,400}") {
        let _ = Story::from_json(&text, &help());
        let _ = Story::check(&text, &help());
        let _ = HelpDirectory::from_json(&text);
    }

    #[test]
    fn text_with_hiding_characters_never_panics_storycheck_and_prints_safely(
        cut in 0usize..4000,
        insert in "[\\\"{}\\[\\],:a-z\u{0}-\u{1f}\u{7f}-\u{9f}\u{200b}-\u{200f}\u{202a}-\u{202e}\u{feff}\u{e0041}]{0,8}",
    ) {
        let source = std::fs::read_to_string(concat!(env!("CARGO_MANIFEST_DIR"), "/tests/fixtures/tiny.json")).unwrap();
        let cut = (0..=cut.min(source.len())).rev().find(|&i| source.is_char_boundary(i)).unwrap_or(0);
        let edited = format!("{}{}{}", &source[..cut], insert, &source[cut..]);
        let (_, found) = Story::check(&edited, &help());
        for line in found.iter().map(|d| terminal_safe(&d.render("story.json")).into_owned()) {
            prop_assert!(!line.chars().any(char::is_control), "{}", line);
        }
    }

    #[test]
    fn random_story_graphs_never_panic_and_valid_ones_always_end(source in arbitrary_story(), seed in any::<u64>()) {
        let help = help();
        match Story::from_json(&source, &help) {
            Err(problems) => prop_assert!(problems.iter().any(|d| d.is_error())),
            Ok(loaded) => {
                let story = loaded.value;
                let _ = Stats::of(&story);
                let mut play = Playthrough::start(&story);
                let mut state = seed | 1;
                let mut steps = 0;
                // Every reachable state can reach an ending, so a random walk ends; the bound only guards against
                // a bug turning into a hung test.
                while !play.is_ending(&story) {
                    steps += 1;
                    prop_assert!(steps < 100_000, "random walk did not end");
                    state ^= state << 13; state ^= state >> 7; state ^= state << 17;
                    let choices = play.choices(&story);
                    if choices.is_empty() {
                        prop_assert!(play.go_on(&story).is_ok(), "a non-ending scene with no choice continues");
                    } else {
                        let pick = &choices[(state % choices.len() as u64) as usize];
                        play.choose(&story, pick.index).unwrap();
                    }
                    if state % 11 == 0 { play.back(); }
                }
                let saved = play.to_json(&story);
                prop_assert_eq!(Playthrough::from_json(&story, &saved), Ok(play));
            }
        }
    }

    #[test]
    fn random_edits_to_a_real_story_never_panic(cut in 0usize..4000, insert in "[\\[\\]{}\",:a-z0-9 ]{0,8}") {
        let source = std::fs::read_to_string(concat!(env!("CARGO_MANIFEST_DIR"), "/tests/fixtures/tiny.json")).unwrap();
        let cut = cut.min(source.len());
        let cut = (0..=cut).rev().find(|&i| source.is_char_boundary(i)).unwrap_or(0);
        let edited = format!("{}{}{}", &source[..cut], insert, &source[cut..]);
        let _ = Story::from_json(&edited, &help());
    }
}

#[test]
fn a_generated_5000_scene_story_loads() {
    let story = Story::from_json(&generate::large_story(5_000), &help()).unwrap().value;
    assert_eq!(story.scenes().len(), 5_000);
}

#[test]
fn thousands_of_unreachable_scenes_are_each_placed_on_their_own_line() {
    // Each problem's place was once found by rescanning the file from the top; one walk now places them all. The
    // benchmark times it; this checks that every place is still right.
    let warnings = Story::from_json(&generate::unreachable_scenes(4_000), &help()).unwrap().warnings;
    assert_eq!(warnings.len(), 4_000);
    for (i, warning) in (1..).zip(warnings) {
        assert_eq!(warning.code, "unreachable-scene");
        assert!(warning.message.starts_with(&format!("scene `s{i}` ")), "{}", warning.message);
        // The header takes four lines and the ending one, so scene `s{i}` is on line i + 5, just after its `{`.
        assert_eq!((warning.line, warning.column), (Some(i + 5), Some(2)), "{}", warning.message);
    }
}

#[test]
fn thousands_of_unknown_targets_are_all_reported_and_the_first_get_a_hint() {
    let problems = Story::from_json(&generate::unknown_targets(4_000), &help()).unwrap_err();
    assert_eq!(problems.len(), 4_000);
    assert!(problems.iter().all(|d| d.code == "unknown-target" && d.line.is_some()));
    assert_eq!(problems[0].message, "scene `t0` does not exist; did you mean `s0`?");
    let hinted = problems.iter().filter(|d| d.message.contains("did you mean")).count();
    assert!(hinted < 4_000, "hints stop when their budget is spent ({hinted} given)");
}
