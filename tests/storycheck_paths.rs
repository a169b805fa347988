//! `storycheck paths`, which the end-to-end tests follow to reach every ending (tests/e2e/browser.mjs).
#![cfg(not(target_arch = "wasm32"))]

use std::process::{Command, Output};

use serde_json::{Value, json};

fn storycheck(args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_storycheck"))
        .args(args)
        .current_dir(env!("CARGO_MANIFEST_DIR"))
        .output()
        .expect("storycheck runs")
}

/// tests/fixtures/tiny.json: at `later`, "Feel relieved" is offered only after telling someone and "Still worry"
/// only without, so "Still worry" is the first choice offered although it is the second in the file.
#[test]
fn paths_json_gives_one_shortest_path_to_each_ending_with_choices_as_the_reader_sees_them() {
    let output = storycheck(&["paths", "--json", "tests/fixtures/tiny.json"]);
    assert!(output.status.success(), "{}", String::from_utf8_lossy(&output.stderr));
    let paths: Value = serde_json::from_slice(&output.stdout).expect("paths --json prints JSON");
    let choice = |position: usize, label: &str| json!({ "position": position, "label": label });
    assert_eq!(
        paths,
        json!([
            { "ending": "good-end", "steps": [
                { "from": "message", "choice": choice(1, "Tell someone"), "to": "told" },
                { "from": "told", "choice": null, "to": "later" },
                { "from": "later", "choice": choice(1, "Feel relieved"), "to": "good-end" },
            ] },
            { "ending": "hard-end", "steps": [
                { "from": "message", "choice": choice(2, "Ignore it"), "to": "ignored" },
                { "from": "ignored", "choice": choice(2, "Keep ignoring it"), "to": "later" },
                { "from": "later", "choice": choice(1, "Still worry"), "to": "hard-end" },
            ] },
        ])
    );
}

#[test]
fn paths_without_json_prints_one_line_per_ending() {
    let output = storycheck(&["paths", "tests/fixtures/tiny.json"]);
    assert!(output.status.success(), "{}", String::from_utf8_lossy(&output.stderr));
    assert_eq!(
        String::from_utf8_lossy(&output.stdout),
        "good-end: 1 \"Tell someone\", continue, 1 \"Feel relieved\"\n\
         hard-end: 2 \"Ignore it\", 2 \"Keep ignoring it\", 1 \"Still worry\"\n"
    );
}

#[test]
fn paths_of_a_story_that_does_not_load_prints_its_problems_and_fails() {
    let output = storycheck(&["paths", "--json", "tests/fixtures/broken/unknown-target.json"]);
    assert_eq!(output.status.code(), Some(2), "the same exit code as graph and stats");
    assert!(output.stdout.is_empty(), "no paths are printed");
    let errors = String::from_utf8_lossy(&output.stderr);
    assert!(errors.contains("scene `ignord` does not exist"), "{errors}");
}
