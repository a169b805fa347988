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
