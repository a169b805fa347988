//! The `storycheck` command as an author runs it.
#![cfg(not(target_arch = "wasm32"))]

use std::path::{Path, PathBuf};
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

/// Every JSON file shipped in `stories/` (stories and their translations, `ID.LANG.json`), as paths relative to the
/// project, sorted, so each new one is a case of every test that loops over them.
fn shipped_files() -> Vec<String> {
    let mut files: Vec<String> = std::fs::read_dir(Path::new(env!("CARGO_MANIFEST_DIR")).join("stories"))
        .unwrap()
        .map(|entry| entry.unwrap().file_name().to_string_lossy().into_owned())
        .filter(|name| name.ends_with(".json"))
        .map(|name| format!("stories/{name}"))
        .collect();
    files.sort();
    files
}

/// The shipped story files (`stories/ID.json`), without their translations.
fn shipped_stories() -> Vec<String> {
    let files: Vec<String> = shipped_files().into_iter().filter(|name| name.matches('.').count() == 1).collect();
    assert!(files.len() >= 3, "the shipped stories are found: {files:?}");
    files
}

#[test]
fn shipped_stories_and_translations_pass_with_exit_code_zero() {
    for story in shipped_files() {
        let output = storycheck(&[&story]);
        assert!(output.status.success(), "{story}: {}", stdout(&output));
        assert_eq!(stdout(&output), "", "{story}: no problems are printed");
    }
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

fn fixtures() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/broken")
}

/// Each broken fixture has a `.expected` file with exactly what `storycheck` prints for it, run from the fixtures'
/// folder so that lines start with the file name. Run with `BLESS=1` to rewrite them after changing a message on
/// purpose.
#[test]
fn broken_fixtures_print_exactly_their_expected_output() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let mut entries: Vec<PathBuf> = std::fs::read_dir(fixtures())
        .unwrap()
        .map(|e| e.unwrap().path())
        .filter(|p| p.extension().is_some_and(|e| e == "json"))
        .collect();
    entries.sort();
    let mut checked = 0;
    for path in entries {
        let name = path.file_name().unwrap().to_str().unwrap().to_owned();
        let output = Command::new(env!("CARGO_BIN_EXE_storycheck"))
            .arg(&name)
            .arg("--services")
            .arg(root.join("stories/help/services-uk.json"))
            .arg("--root")
            .arg(root)
            .current_dir(fixtures())
            .output()
            .expect("storycheck runs");
        let got = String::from_utf8(output.stdout).expect("storycheck prints UTF-8");
        assert!(!got.is_empty(), "{name} should have problems");
        let expected_path = path.with_extension("expected");
        if std::env::var_os("BLESS").is_some() {
            std::fs::write(&expected_path, &got).unwrap();
        }
        let expected = std::fs::read_to_string(&expected_path)
            .unwrap_or_else(|_| panic!("{} is missing; run with BLESS=1", expected_path.display()));
        assert_eq!(got, expected, "storycheck's output for {name}");
        checked += 1;
    }
    assert!(checked >= 12, "the broken fixtures cover the validation list");
}

/// Whether `text` holds anything a terminal acts on or hides: control characters other than the line ends
/// storycheck writes itself, bidirectional controls and zero-width characters.
fn has_hiding_characters(text: &str) -> bool {
    text.chars().any(|c| {
        (c.is_control() && c != '\n')
            || matches!(c, '\u{061C}' | '\u{200B}'..='\u{200F}' | '\u{202A}'..='\u{202E}' | '\u{2060}'..='\u{2069}' | '\u{FEFF}')
    })
}

#[test]
fn nothing_from_a_file_reaches_the_terminal_unescaped() {
    // Before, the escape sequences in these ids were printed as they are: `ESC[2K` and a carriage return erased
    // the line and wrote a fake "0 error(s)" over it.
    for file in
        ["tests/fixtures/broken/control-characters-echoed.json", "tests/fixtures/broken/hidden-characters-in-text.json"]
    {
        let output = storycheck(&[file]);
        let (out, err) = (stdout(&output), String::from_utf8_lossy(&output.stderr).into_owned());
        assert!(!has_hiding_characters(&out) && !has_hiding_characters(&err), "{file} printed:\n{out}{err}");
    }
    let output = storycheck(&["tests/fixtures/broken/control-characters-echoed.json"]);
    assert!(
        stdout(&output)
            .contains("error: scene `\\u{1b}[2K\\rstorycheck: 1 file(s), 0 error(s), 0 warning(s)` does not exist"),
        "{}",
        stdout(&output)
    );
    let story = "tests/fixtures/broken/hidden-characters-in-text.json";
    for args in [&["graph", story][..], &["graph", "--dot", story], &["stats", story], &["index", story]] {
        let output = storycheck(args);
        assert!(output.status.success(), "{args:?}");
        assert!(!has_hiding_characters(&stdout(&output)), "{args:?} printed:\n{}", stdout(&output));
    }
    let output = storycheck(&["--format", "json", story]);
    assert!(!has_hiding_characters(&stdout(&output)), "JSON output escapes them too");
    let report: serde_json::Value = serde_json::from_slice(&output.stdout).unwrap();
    assert!(report[0]["diagnostics"].as_array().unwrap().iter().any(|d| d["path"] == "$.title"), "{report}");
}

#[test]
fn hiding_characters_are_found_in_every_kind_of_text_field() {
    let output = storycheck(&["--format", "json", "tests/fixtures/broken/hidden-characters-in-text.json"]);
    assert_eq!(output.status.code(), Some(0), "they are warnings");
    let report: serde_json::Value = serde_json::from_slice(&output.stdout).unwrap();
    let paths: Vec<&str> = report[0]["diagnostics"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|d| d["code"] == "hidden-character")
        .map(|d| d["path"].as_str().unwrap())
        .collect();
    assert_eq!(
        paths,
        [
            "$.title",
            "$.summary",
            "$.content_note",
            "$.topics[0]",
            "$.credits.writer",
            "$.credits.thanks",
            "$.cover.alt",
            "$.teacher.introduction",
            "$.teacher.objectives[1]",
            "$.services[0].name",
            "$.services[0].what_for",
            "$.scenes[0].text",
            "$.scenes[0].teacher_notes",
            "$.scenes[0].discussion[1]",
            "$.scenes[0].panels[0].caption",
            "$.scenes[0].panels[0].bubbles[0].speaker",
            "$.scenes[0].panels[0].bubbles[1].text",
            "$.scenes[0].next.choices[0].label",
            "$.scenes[1].next.ending.reflection",
            "$.scenes[1].next.ending.debrief",
        ],
        "one warning per field with a hiding character; new lines, emoji joiners and flag tags are left alone"
    );
}

#[test]
fn printed_problems_stop_at_two_hundred_with_a_count_of_the_rest() {
    let file = "tests/fixtures/broken/more-than-two-hundred-problems.json";
    let output = storycheck(&[file]);
    let text = stdout(&output);
    let lines: Vec<&str> = text.lines().collect();
    assert_eq!(lines.len(), 201, "200 problems and one line for the rest");
    assert!(lines[199].contains("scene `missing-scene-200` does not exist"), "{}", lines[199]);
    assert_eq!(
        lines[200],
        format!("{file}: and 50 more (50 error(s), 0 warning(s)); fix these first, or see them all with --format json")
    );
    let summary = String::from_utf8_lossy(&output.stderr);
    assert!(summary.contains("1 file(s), 250 error(s), 0 warning(s)"), "the summary counts them all: {summary}");
    let output = storycheck(&["--format", "json", file]);
    let report: serde_json::Value = serde_json::from_slice(&output.stdout).unwrap();
    assert_eq!(report[0]["diagnostics"].as_array().unwrap().len(), 250, "JSON lists every problem");
}

#[test]
fn a_file_that_is_not_utf8_is_reported_and_the_other_files_are_still_checked() {
    // Before, the first file stopped the run with "stream did not contain valid UTF-8" and exit code 2.
    let output = storycheck(&["tests/fixtures/broken/not-utf8.json", "tests/fixtures/broken/unknown-target.json"]);
    assert_eq!(output.status.code(), Some(1));
    let text = stdout(&output);
    assert!(
        text.starts_with(
            "tests/fixtures/broken/not-utf8.json:16:44: error: the file is not UTF-8 text (byte 0xE9 cannot be read \
             here); save it with the UTF-8 encoding\n"
        ),
        "{text}"
    );
    assert!(text.contains("unknown-target.json:43:13: error: scene `ignord` does not exist"), "{text}");
    assert!(String::from_utf8_lossy(&output.stderr).contains("2 file(s), 2 error(s)"));
}

#[test]
fn branch_map_labels_cannot_end_early_or_become_markup() {
    let dot = stdout(&storycheck(&["graph", "--dot", "tests/fixtures/graph-labels.json"]));
    // Before, `\"` left the backslash that ended the title to escape DOT's closing quote.
    assert!(dot.contains(r#"s_folder [label="Saved in C:\\Photos\\", shape=diamond];"#), "{dot}");
    assert!(dot.contains(r#"s_folder -> s_markup [label="Say \"no\" \\"];"#), "{dot}");
    assert!(dot.contains(r#"s_folder -> s_markup [label="Line one line two"];"#), "{dot}");
    assert!(dot.contains(r#"s_markup [label="<b>Bold</b> & #quot; `code` \\n","#), "{dot}");
    let mermaid = stdout(&storycheck(&["graph", "tests/fixtures/graph-labels.json"]));
    assert!(mermaid.contains(r#"s_folder{"Saved in C:\Photos\"}"#), "{mermaid}");
    assert!(mermaid.contains(r#"s_folder -->|"Say #quot;no#quot; \"| s_markup"#), "{mermaid}");
    assert!(
        mermaid.contains(r#"s_markup(["END: #60;b#62;Bold#60;/b#62; #38; #35;quot; #96;code#96; \n"]):::positive"#),
        "{mermaid}"
    );
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
fn the_branch_map_legend_names_each_kind_of_ending_without_grading_the_reader() {
    let mermaid = stdout(&storycheck(&["graph", "tests/fixtures/tiny.json"]));
    let legend: Vec<&str> = mermaid.lines().filter(|line| line.starts_with("  %% ")).collect();
    assert_eq!(
        legend,
        [
            "  %% positive: An ending where it stops early",
            "  %% mixed: An ending where it isn't over yet",
            "  %% concerning: An ending after something serious happened",
        ]
    );
    let grading =
        ["good", "bad", "hard", "happy", "sad", "best", "worst", "negative", "fail", "win", "lose", "wrong", "mistake"];
    for line in legend {
        let words = line.split_once(": ").map_or("", |(_, words)| words).to_lowercase();
        assert!(!words.split(|c: char| !c.is_alphanumeric()).any(|w| grading.contains(&w)), "{line} grades the reader");
    }
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
    let expected =
        std::fs::read_to_string(&path).unwrap_or_else(|_| panic!("{expected_path} is missing; run with BLESS=1"));
    assert_eq!(got, expected, "output differs from {expected_path}");
}

#[test]
fn lint_fixtures_print_exactly_their_expected_warnings() {
    // The day is fixed so that the help facts' age gives the same answer whenever the test runs.
    for name in ["blaming-words", "hard-to-read", "bubbles-overlap", "bubble-leaves-panel"] {
        let file = format!("tests/fixtures/lint/{name}.json");
        let output = storycheck(&["lint", "--today", "2026-11-27", &file]);
        assert_eq!(output.status.code(), Some(0), "warnings alone do not fail lint without --deny-warnings");
        matches_expected(&stdout(&output), &format!("tests/fixtures/lint/{name}.expected"));
    }
    let denied =
        storycheck(&["lint", "--today", "2026-11-27", "--deny-warnings", "tests/fixtures/lint/blaming-words.json"]);
    assert_eq!(denied.status.code(), Some(1), "--deny-warnings fails on any warning");
}

#[test]
fn lint_finds_nothing_in_the_shipped_stories() {
    // As `scripts/test` runs it, on `stories/*.json`: translations are passed over.
    let stories = shipped_files();
    let mut args = vec!["lint", "--today", "2026-11-27", "--deny-warnings"];
    args.extend(stories.iter().map(String::as_str));
    let output = storycheck(&args);
    assert_eq!(stdout(&output), "", "no wording, reading-level or help-fact warnings");
    assert!(output.status.success());
}

#[test]
fn help_facts_older_than_six_months_are_warned_about_on_the_day_given() {
    let on = |today: &str| {
        stdout(&storycheck(&[
            "lint",
            "--services",
            "tests/fixtures/help/stale.json",
            "--today",
            today,
            "tests/fixtures/tiny.json",
        ]))
    };
    matches_expected(&on("2026-11-27"), "tests/fixtures/help/stale.expected");
    let in_june = on("2026-06-30");
    assert!(!in_june.contains("more than 6 months"), "checked 2026-01-01 is still fresh on 2026-06-30:\n{in_june}");
    assert!(on("2026-07-02").contains("checked on 2026-01-01, more than 6 months before 2026-07-02"));
    assert!(
        !storycheck(&["lint", "--today", "yesterday", "tests/fixtures/tiny.json"]).status.success(),
        "a bad --today is refused"
    );
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
    assert!(text.contains("ages 11 to 14 read up to about grade 7"), "{text}");
    let line = |scene: &str| {
        text.lines()
            .find(|l| l.trim_start().starts_with(scene))
            .unwrap_or_else(|| panic!("no line for {scene}:\n{text}"))
    };
    assert!(!line("plain").contains("ABOVE"), "{text}");
    assert!(line("dense").ends_with("ABOVE THE AGE BAND"), "{text}");
}

// `storycheck paths`, which the end-to-end tests follow to reach every ending (tests/e2e/browser.mjs).

/// tests/fixtures/tiny.json: at `later`, "Feel relieved" is offered only after telling someone and "Still worry"
/// only without, so "Still worry" is the first choice offered although it is the second in the file.
#[test]
fn paths_json_gives_one_shortest_path_to_each_ending_with_choices_as_the_reader_sees_them() {
    let output = storycheck(&["paths", "--json", "tests/fixtures/tiny.json"]);
    assert!(output.status.success(), "{}", String::from_utf8_lossy(&output.stderr));
    let paths: serde_json::Value = serde_json::from_slice(&output.stdout).expect("paths --json prints JSON");
    let choice = |position: usize, label: &str| serde_json::json!({ "position": position, "label": label });
    assert_eq!(
        paths,
        serde_json::json!([
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

#[test]
fn stats_count_the_pages_and_check_refuses_a_story_with_too_many() {
    let text = stdout(&storycheck(&["stats", "tests/fixtures/tiny.json"]));
    assert!(text.contains("pages:           9 "), "six scenes, and three more with told_someone on: {text}");
    let big = stdout(&storycheck(&["stats", "tests/fixtures/pages/too-many-pages.json"]));
    assert!(big.contains("pages:           4095 (more than the 2000"), "{big}");
    let output = storycheck(&["tests/fixtures/pages/too-many-pages.json"]);
    assert_eq!(output.status.code(), Some(1), "the page limit is an error");
    let said = stdout(&output);
    assert!(said.contains("error: the story needs 4095 pages") && said.contains("use fewer flags"), "{said}");
}

// `storycheck assets`, on tests/fixtures/assets: tiny PNGs that `make-pictures.py` there writes, standing in for an
// artist's panels with their width variants.

fn assets(extra: &[&str]) -> Output {
    let mut args = vec!["assets", "--root", "tests/fixtures/assets", "tests/fixtures/assets/raster.json"];
    args.extend_from_slice(extra);
    storycheck(&args)
}

#[test]
fn assets_lists_every_picture_and_variant_with_its_size_shape_and_bytes() {
    let output = assets(&[]);
    matches_expected(&stdout(&output), "tests/fixtures/assets/raster.expected");
    assert_eq!(output.status.code(), Some(1), "a panel's picture is missing, which is an error");
}

#[test]
fn assets_warns_about_a_missing_variant_a_picture_not_8_by_5_and_a_variant_of_the_wrong_width() {
    let text = stdout(&assets(&[]));
    assert!(text.contains("warning: the copy 32 px wide, `assets/raster-test/ask-32.png`, does not exist"), "{text}");
    assert!(text.contains("warning: `assets/raster-test/boxy.png` is 12 x 9 (1.33:1); the frame is 8:5"), "{text}");
    assert!(text.contains("warning: `assets/raster-test/boxy-10.png` is 12 px wide, not the 10"), "{text}");
    assert!(!text.contains("over-budget") && !text.contains("costs a reader"), "tiny files are within 120,000 B");
}

#[test]
fn assets_warns_about_a_panel_over_the_budget_given_at_its_widest_copy() {
    let text = stdout(&assets(&["--budget-bytes", "400"]));
    // ask.png and ask-16.png are both 16 px wide and 435 bytes; boxy.png, at 304 bytes, is within 400.
    assert!(
        text.contains(
            "warning: `assets/raster-test/ask.png` costs a reader 435 bytes, more than the 400 bytes a panel may cost"
        ),
        "{text}"
    );
    assert_eq!(text.matches("costs a reader").count(), 1, "only the one panel over 400 bytes: {text}");
}

#[test]
fn assets_finds_nothing_to_warn_about_in_the_shipped_stories() {
    for story in shipped_stories() {
        let output = storycheck(&["assets", "--deny-warnings", &story]);
        let text = stdout(&output);
        assert!(output.status.success(), "{story}: every picture is there, 8:5 and within budget:\n{text}");
        assert!(!text.contains("warning") && !text.contains("error"), "{text}");
    }
}
