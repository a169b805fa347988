//! The `storycheck` command as an author runs it.
#![cfg(not(target_arch = "wasm32"))]

use std::process::{Command, Output};

fn storycheck(args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_storycheck"))
        .args(args)
        .current_dir(env!("CARGO_MANIFEST_DIR"))
        .output()
        .expect("storycheck runs")
}

fn stdout(output: &Output) -> String {
    String::from_utf8_lossy(&output.stdout).into_owned()
}

#[test]
fn shipped_stories_pass_with_exit_code_zero() {
    let output = storycheck(&["stories/new-in-the-game-chat.json"]);
    assert!(output.status.success(), "{}", stdout(&output));
    assert_eq!(stdout(&output), "", "no problems are printed");
}

#[test]
fn a_broken_story_prints_compiler_style_lines_and_exits_one() {
    let output = storycheck(&["tests/fixtures/broken/unknown-target.json"]);
    assert_eq!(output.status.code(), Some(1));
    let text = stdout(&output);
    assert!(
        text.starts_with("tests/fixtures/broken/unknown-target.json:43:13: error: scene `ignord` does not exist; did you mean `ignored`?"),
        "{text}"
    );
}

#[test]
fn warnings_alone_do_not_fail_the_check() {
    let output = storycheck(&["tests/fixtures/broken/very-long-text.json"]);
    assert_eq!(output.status.code(), Some(0));
    assert!(stdout(&output).contains(": warning: `text` is 1000 characters"));
}

#[test]
fn missing_image_files_are_errors_with_their_position() {
    let output = storycheck(&["--root", "tests", "stories/new-in-the-game-chat.json"]);
    assert_eq!(output.status.code(), Some(1));
    assert!(stdout(&output).contains(":24:5: error: image file `assets/game-chat/cover.svg` does not exist"));
}

#[test]
fn json_output_is_machine_readable() {
    let output = storycheck(&["--format", "json", "tests/fixtures/broken/many-problems-at-once.json"]);
    assert_eq!(output.status.code(), Some(1));
    let report: serde_json::Value = serde_json::from_slice(&output.stdout).unwrap();
    let diagnostics = report[0]["diagnostics"].as_array().unwrap();
    assert_eq!(diagnostics.len(), 3);
    assert_eq!(diagnostics[0]["code"], "unknown-target");
    assert_eq!(diagnostics[0]["scene"], "message");
    assert_eq!(diagnostics[0]["line"], 36);
}

#[test]
fn graph_prints_mermaid_and_dot_with_endings_marked() {
    let mermaid = stdout(&storycheck(&["graph", "tests/fixtures/tiny.json"]));
    assert!(mermaid.starts_with("flowchart TD\n"));
    assert!(mermaid.contains("s_good_end([\"END: Sorted\"]):::positive"));
    assert!(mermaid.contains("s_message -->|\"Tell someone\"| s_told"));
    let dot = stdout(&storycheck(&["graph", "--dot", "tests/fixtures/tiny.json"]));
    assert!(dot.starts_with("digraph \"tiny\" {"));
    assert!(dot.contains("s_message -> s_told [label=\"Tell someone\"];"));
}

#[test]
fn stats_report_counts_paths_and_minutes() {
    let text = stdout(&storycheck(&["stats", "tests/fixtures/tiny.json"]));
    assert!(text.contains("scenes:          6"), "{text}");
    assert!(text.contains("distinct paths:  6"), "{text}");
    assert!(text.contains("shortest path:   4 scenes"), "{text}");
}

#[test]
fn graph_of_a_broken_story_explains_why_not() {
    let output = storycheck(&["graph", "tests/fixtures/broken/unknown-target.json"]);
    assert_eq!(output.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&output.stderr).contains("does not exist; did you mean `ignored`?"));
}

/// Compares `got` with the `.expected` file beside a fixture; `BLESS=1` rewrites it after a deliberate change.
fn matches_expected(got: &str, expected_path: &str) {
    let path = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join(expected_path);
    if std::env::var_os("BLESS").is_some() {
        std::fs::write(&path, got).unwrap();
    }
    let expected = std::fs::read_to_string(&path).unwrap_or_else(|_| panic!("{expected_path} is missing; run with BLESS=1"));
    assert_eq!(got, expected, "output differs from {expected_path}");
}

#[test]
fn lint_fixtures_print_exactly_their_expected_warnings() {
    // The day is fixed so that the help facts' age gives the same answer whenever the test runs.
    for name in ["blaming-words", "hard-to-read"] {
        let file = format!("tests/fixtures/lint/{name}.json");
        let output = storycheck(&["lint", "--today", "2026-11-27", &file]);
        assert_eq!(output.status.code(), Some(0), "warnings alone do not fail lint without --deny-warnings");
        matches_expected(&stdout(&output), &format!("tests/fixtures/lint/{name}.expected"));
    }
    let denied = storycheck(&["lint", "--today", "2026-11-27", "--deny-warnings", "tests/fixtures/lint/blaming-words.json"]);
    assert_eq!(denied.status.code(), Some(1), "--deny-warnings fails on any warning");
}

#[test]
fn lint_finds_nothing_in_the_shipped_stories() {
    let output = storycheck(&[
        "lint", "--today", "2026-11-27", "--deny-warnings", "stories/new-in-the-game-chat.json", "stories/sharing-an-image.json",
    ]);
    assert_eq!(stdout(&output), "", "no wording, reading-level or help-fact warnings");
    assert!(output.status.success());
}

#[test]
fn help_facts_older_than_six_months_are_warned_about_on_the_day_given() {
    let on = |today: &str| stdout(&storycheck(&["lint", "--services", "tests/fixtures/help/stale.json", "--today", today, "tests/fixtures/tiny.json"]));
    matches_expected(&on("2026-11-27"), "tests/fixtures/help/stale.expected");
    let in_june = on("2026-06-30");
    assert!(!in_june.contains("more than 6 months"), "checked 2026-01-01 is still fresh on 2026-06-30:\n{in_june}");
    assert!(on("2026-07-02").contains("checked on 2026-01-01, more than 6 months before 2026-07-02"));
    assert!(!storycheck(&["lint", "--today", "yesterday", "tests/fixtures/tiny.json"]).status.success(), "a bad --today is refused");
}

#[test]
fn an_alt_text_that_names_someone_not_drawn_is_a_warning_at_the_name() {
    let output = storycheck(&["--root", "tests/fixtures/pictures", "tests/fixtures/pictures/alt-texts.json"]);
    assert_eq!(output.status.code(), Some(0), "warnings, not errors");
    matches_expected(&stdout(&output), "tests/fixtures/pictures/alt-texts.expected");
}

#[test]
fn stats_report_the_reading_level_of_each_scene_and_flag_the_ones_above_the_age_band() {
    let text = stdout(&storycheck(&["stats", "tests/fixtures/lint/hard-to-read.json"]));
    assert!(text.contains("ages 11 to 14 read up to about grade 9"), "{text}");
    let line = |scene: &str| text.lines().find(|l| l.trim_start().starts_with(scene)).unwrap_or_else(|| panic!("no line for {scene}:\n{text}"));
    assert!(!line("plain").contains("ABOVE"), "{text}");
    assert!(line("dense").ends_with("ABOVE THE AGE BAND"), "{text}");
}
