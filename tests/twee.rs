//! Twine's Twee 3 in and out: `storycheck import` on published-style examples and on SugarCube and Harlowe stories
//! with flags, located errors for what it cannot map, `--into` keeping what only the JSON has, and `storycheck
//! export --twee` then import giving back both shipped stories.
#![cfg(not(target_arch = "wasm32"))]

use std::path::{Path, PathBuf};
use std::process::{Command, Output};

use safety_stories::engine::{HelpDirectory, Next, Story, StoryDoc, export_twee, import_twee};

fn root() -> &'static Path {
    Path::new(env!("CARGO_MANIFEST_DIR"))
}

fn storycheck(args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_storycheck")).args(args).current_dir(root()).output().expect("storycheck runs")
}

fn stdout(output: &Output) -> String {
    String::from_utf8(output.stdout.clone()).expect("storycheck prints UTF-8")
}

fn help() -> HelpDirectory {
    let source = std::fs::read_to_string(root().join("stories/help/services-uk.json")).unwrap();
    HelpDirectory::from_json(&source).expect("the help directory loads").value
}

/// Compares with a file of what is expected; `BLESS=1` rewrites it after a change made on purpose.
fn matches_expected(got: &str, expected: &str) {
    let path = root().join(expected);
    if std::env::var_os("BLESS").is_some() {
        std::fs::write(&path, got).unwrap();
    }
    let want = std::fs::read_to_string(&path).unwrap_or_else(|_| panic!("{expected} is missing; run with BLESS=1"));
    assert_eq!(got, want, "output differs from {expected}");
}

/// Imports a fixture with the command, which must succeed, and checks the story it prints loads cleanly.
fn import_fixture(name: &str) -> StoryDoc {
    let output = storycheck(&["import", &format!("tests/fixtures/twee/{name}.twee")]);
    assert!(output.status.success(), "{name} imports: {}", stdout(&output));
    let json = stdout(&output);
    let loaded = Story::from_json(&json, &help()).unwrap_or_else(|problems| panic!("{name} loads: {problems:#?}"));
    assert!(loaded.warnings.is_empty(), "{name} loads without warnings: {:#?}", loaded.warnings);
    serde_json::from_str(&json).unwrap()
}

fn scene<'a>(doc: &'a StoryDoc, id: &str) -> &'a safety_stories::engine::Scene {
    doc.scenes.iter().find(|s| s.id == id).unwrap_or_else(|| panic!("scene `{id}` was imported"))
}

fn choices(next: &Next) -> &[safety_stories::engine::Choice] {
    match next {
        Next::Choices(choices) => choices,
        other => panic!("expected choices, got {other:?}"),
    }
}

#[test]
fn a_story_in_the_twee_3_specifications_shapes_imports_to_the_expected_json() {
    // Every header shape of the spec (name alone, with tags, with metadata, with both, escaped brackets), StoryData
    // keys this importer does not use, odd tag names and the four link shapes.
    let output = storycheck(&["import", "tests/fixtures/twee/spec-shapes.twee"]);
    assert!(output.status.success(), "{}", stdout(&output));
    matches_expected(&stdout(&output), "tests/fixtures/twee/spec-shapes.expected.json");
    let doc = import_fixture("spec-shapes");
    assert_eq!(doc.start, "start", "the passage named Start is the start when StoryData names none");
    let asking = scene(&doc, "ask-someone");
    assert_eq!(asking.title, "Asking for help", "a first line `# Title` is the scene's title");
    assert_eq!(asking.next, Next::Continue("found-it".into()), "one link named as its passage is a continue");
    assert_eq!(choices(&scene(&doc, "under-the-bed").next)[0].label, "Ask at home after all", "target<-label");
}

#[test]
fn a_one_passage_example_without_links_or_start_is_refused_with_located_errors() {
    let output = storycheck(&["import", "tests/fixtures/twee/spec-minimal.twee"]);
    assert_eq!(output.status.code(), Some(1));
    matches_expected(&stdout(&output), "tests/fixtures/twee/spec-minimal.expected");
}

#[test]
fn sugarcube_set_if_else_and_setter_links_become_flags_set_and_when() {
    let doc = import_fixture("sugarcube-flags");
    assert_eq!(doc.id, "jades-group-chat");
    assert_eq!((doc.age.min, doc.age.max), (11, 14));
    assert_eq!(doc.credits.licence.as_deref(), Some("CC BY 4.0"));
    assert_eq!(doc.flags.len(), 2, "{:?}", doc.flags);
    assert!(doc.flags.values().all(|start| !start), "both flags start false");
    let group = choices(&scene(&doc, "group-chat").next);
    assert!(group[0].sensitive, "`/* sensitive */` marks its link's choice");
    assert_eq!(group[2].set.get("told_teacher"), Some(&true), "a <<set>> in a passage sets it on the way in");
    let spoke = choices(&scene(&doc, "spoke-up").next);
    assert_eq!(spoke[0].set.get("asked_delete"), Some(&true), "a setter link sets its flag");
    let again = choices(&scene(&doc, "think-again").next);
    assert_eq!(again[0].when.get("told_teacher"), Some(&true));
    assert_eq!(again[1].when.get("told_teacher"), Some(&false), "<<if not $x>>");
    assert_eq!(again[2].when.get("told_teacher"), Some(&true), "<<else>> is the other value");
    assert_eq!(again[3].when.len(), 2, "`and` joins two flags");
    assert_eq!(scene(&doc, "joined-in").next, Next::Continue("think-again".into()), "[[Continue->...]]");
    match &scene(&doc, "checked-in").next {
        Next::Ending(ending) => assert!(ending.reflection.starts_with("Standing up"), "{}", ending.reflection),
        other => panic!("an ending, got {other:?}"),
    }
}

#[test]
fn harlowe_set_if_and_unless_hooks_and_a_startup_passage_become_flags() {
    let doc = import_fixture("harlowe-flags");
    assert_eq!(doc.flags.get("checked"), Some(&false), "a passage tagged startup gives the starting value");
    assert_eq!(choices(&scene(&doc, "a-quiz").next)[0].set.get("checked"), Some(&true));
    let closed = choices(&scene(&doc, "closed").next);
    assert_eq!(closed[0].when.get("checked"), Some(&true), "(if: $checked)[...]");
    assert_eq!(closed[1].when.get("checked"), Some(&false), "(unless: $checked)[...]");
    assert!(matches!(scene(&doc, "typed-it").next, Next::Ending(_)), "tags `ending` and `mixed`");
}

#[test]
fn what_the_importer_cannot_map_is_an_error_at_its_line_and_column_and_nothing_is_written() {
    let out = PathBuf::from(env!("CARGO_TARGET_TMPDIR")).join("unsupported.json");
    let _ = std::fs::remove_file(&out);
    let output = storycheck(&["import", "tests/fixtures/twee/unsupported.twee", "--out", out.to_str().unwrap()]);
    assert_eq!(output.status.code(), Some(1));
    assert!(!out.exists(), "nothing is written when there is an error");
    matches_expected(&stdout(&output), "tests/fixtures/twee/unsupported.expected");
}

/// The parts of a story the Twee carries: every scene's id, title, text and way on (without an ending's help and
/// debrief), the flags and the start.
fn twee_parts(doc: &StoryDoc) -> serde_json::Value {
    let scenes: Vec<serde_json::Value> = doc
        .scenes
        .iter()
        .map(|s| {
            let mut next = serde_json::to_value(&s.next).unwrap();
            if let Some(ending) = next.get_mut("ending").and_then(|e| e.as_object_mut()) {
                ending.remove("help");
                ending.remove("debrief");
            }
            serde_json::json!({ "id": s.id, "title": s.title, "text": s.text, "next": next })
        })
        .collect();
    serde_json::json!({ "start": doc.start, "flags": doc.flags, "scenes": scenes, "title": doc.title, "id": doc.id })
}

#[test]
fn export_then_import_keeps_every_scene_choice_flag_and_ending_of_every_shipped_story() {
    let mut names: Vec<String> = std::fs::read_dir(root().join("stories"))
        .unwrap()
        .filter_map(|entry| entry.unwrap().file_name().to_string_lossy().strip_suffix(".json").map(str::to_owned))
        // `ID.LANG.json` is a translation of the story `ID.json`, not a story.
        .filter(|name| !name.contains('.'))
        .collect();
    names.sort();
    assert!(names.len() >= 3, "the shipped stories are found: {names:?}");
    for name in names {
        let source = std::fs::read_to_string(root().join(format!("stories/{name}.json"))).unwrap();
        let story = Story::from_json(&source, &help()).expect("the shipped story loads").value;
        let twee = export_twee(&story).expect("the shipped story has nothing Twine reads as markup");
        let alone = import_twee(&twee, None).unwrap_or_else(|problems| panic!("{name}: {problems:#?}"));
        assert!(alone.warnings.is_empty(), "{name}: {:#?}", alone.warnings);
        assert_eq!(twee_parts(&alone.value), twee_parts(story.doc()), "{name}: the Twee carries the story's shape");
        let merged = import_twee(&twee, Some(story.doc())).expect("it merges into itself");
        assert_eq!(&merged.value, story.doc(), "{name}: with --into, the whole story comes back unchanged");
        assert_eq!(export_twee(&story).ok(), Some(twee), "{name}: export is the same every time");
    }
}

#[test]
fn export_twee_prints_a_twee_file_that_twine_reads() {
    let output = storycheck(&["export", "--twee", "stories/new-in-the-game-chat.json"]);
    assert!(output.status.success());
    let twee = stdout(&output);
    assert!(twee.starts_with(":: StoryTitle\n"), "{twee}");
    assert!(twee.contains("\"format\": \"SugarCube\""), "StoryData names a story format Twine has");
    assert!(twee.contains(" [ending-positive] {\"position\":"), "endings are tagged and every passage is placed");
}

/// Exports a shipped story to Twee, edits it, and imports it back into the JSON with the command.
fn reimport_edited(edit: impl Fn(String) -> String, tag: &str) -> (Output, PathBuf) {
    let dir = PathBuf::from(env!("CARGO_TARGET_TMPDIR"));
    let twee = dir.join(format!("into-{tag}.twee"));
    let out = dir.join(format!("into-{tag}.json"));
    let _ = std::fs::remove_file(&out);
    let exported = storycheck(&["export", "--twee", "stories/new-in-the-game-chat.json"]);
    std::fs::write(&twee, edit(stdout(&exported))).unwrap();
    let args = ["import", twee.to_str().unwrap(), "--into", "stories/new-in-the-game-chat.json", "--out"];
    let output = storycheck(&[&args[..], &[out.to_str().unwrap()]].concat());
    (output, out)
}

#[test]
fn import_into_keeps_panels_notes_and_ending_help_and_takes_the_words_from_the_twee() {
    let (output, out) = reimport_edited(|twee| twee.replacen("loves building games", "loves making games", 1), "keeps");
    assert!(output.status.success(), "{}", stdout(&output));
    let original: StoryDoc =
        serde_json::from_str(&std::fs::read_to_string(root().join("stories/new-in-the-game-chat.json")).unwrap())
            .unwrap();
    let merged: StoryDoc = serde_json::from_str(&std::fs::read_to_string(out).unwrap()).unwrap();
    assert_ne!(merged.scenes, original.scenes, "the edit in Twine reached the JSON");
    for (new, old) in merged.scenes.iter().zip(&original.scenes) {
        assert_eq!(new.panels, old.panels, "scene `{}` keeps its panels", old.id);
        assert_eq!(new.teacher_notes, old.teacher_notes, "scene `{}` keeps its teacher notes", old.id);
        if let (Next::Ending(new), Next::Ending(old)) = (&new.next, &old.next) {
            assert_eq!(new.help, old.help);
        }
    }
    assert_eq!(merged.cover, original.cover);
    assert_eq!(merged.teacher, original.teacher);
}

#[test]
fn import_into_refuses_when_a_scene_of_the_json_would_be_lost() {
    let (output, out) = reimport_edited(|twee| twee.replace("tell-mum", "talk-to-mum"), "refuses");
    assert_eq!(output.status.code(), Some(1));
    assert!(!out.exists(), "nothing is written");
    let text = stdout(&output);
    assert!(
        text.contains("error: scene `tell-mum` of the JSON has no passage any more, so its panels and notes would be lost; was it renamed to `talk-to-mum`?"),
        "{text}"
    );
}

proptest::proptest! {
    #![proptest_config(proptest::prelude::ProptestConfig::with_cases(300))]

    /// The engine never panics on any input, Twee included: any text, and any cut-and-insert edit of a real
    /// export, gives a story or a list of problems.
    #[test]
    fn any_twee_text_or_edit_never_panics_the_importer(
        text in "(:: |\\[\\[|\\]\\]|<<|>>|\\(if: |\\(set: |\\$a|/\\*|\\*/|---|\\||->|<-|\\[|\\]|\\{|\\}|\\\\|\n|[a-z ])*",
        cut in 0usize..3000,
        insert in "[\\[\\]{}<>()$|:\\\\/*a-z \n-]{0,12}",
    ) {
        let _ = import_twee(&text, None);
        let source = std::fs::read_to_string(root().join("tests/fixtures/twee/sugarcube-flags.twee")).unwrap();
        let cut = (0..=cut.min(source.len())).rev().find(|&i| source.is_char_boundary(i)).unwrap_or(0);
        let edited = format!("{}{insert}{}", &source[..cut], &source[cut..]);
        let into: StoryDoc = serde_json::from_str(
            &std::fs::read_to_string(root().join("tests/fixtures/twee/spec-shapes.expected.json")).unwrap(),
        )
        .unwrap();
        let _ = import_twee(&edited, None);
        let _ = import_twee(&edited, Some(&into));
    }
}

#[test]
fn words_twine_would_read_as_markup_are_refused_by_export_at_their_line_and_column() {
    let output = storycheck(&["export", "--twee", "tests/fixtures/twee/export/markup-in-words.json"]);
    assert_eq!(output.status.code(), Some(1), "nothing is written when the Twee would not import back the same");
    matches_expected(&stdout(&output), "tests/fixtures/twee/export/markup-in-words.expected");
}

/// Every story file under `dir`, at any depth.
fn story_files(dir: &Path) -> Vec<PathBuf> {
    let mut found = Vec::new();
    for entry in std::fs::read_dir(dir).unwrap() {
        let path = entry.unwrap().path();
        if path.is_dir() {
            found.extend(story_files(&path));
        } else if path.extension().is_some_and(|e| e == "json") {
            found.push(path);
        }
    }
    found.sort();
    found
}

/// A story with the spaces at the ends of its texts' lines and their extra blank lines taken out: a passage's text
/// does not keep them, and a reader never sees them.
fn tidy(mut doc: StoryDoc) -> StoryDoc {
    let tidy_text = |text: &mut String| {
        let lines: Vec<&str> = text.lines().map(str::trim_end).collect();
        let mut out: Vec<&str> = Vec::new();
        for line in lines {
            if !(line.is_empty() && out.last().is_none_or(|l| l.is_empty())) {
                out.push(line);
            }
        }
        *text = out.join("\n").trim().to_owned();
    };
    for scene in &mut doc.scenes {
        tidy_text(&mut scene.text);
        if let Next::Ending(ending) = &mut scene.next {
            tidy_text(&mut ending.reflection);
        }
    }
    doc
}

#[test]
fn every_fixture_story_that_loads_exports_and_imports_back_the_same_or_is_refused_at_a_place() {
    let help = help();
    let mut round_trips = 0;
    for path in story_files(&root().join("tests/fixtures")) {
        // Some fixtures are broken on purpose (not UTF-8, not a story): only stories that load are exported.
        let Ok(source) = std::fs::read_to_string(&path) else { continue };
        let Ok(loaded) = Story::from_json(&source, &help) else { continue };
        let story = loaded.value;
        match export_twee(&story) {
            Ok(twee) => {
                let back = import_twee(&twee, Some(story.doc()))
                    .unwrap_or_else(|problems| panic!("{}: {problems:#?}", path.display()));
                assert_eq!(tidy(back.value), tidy(story.doc().clone()), "{} comes back the same", path.display());
                round_trips += 1;
            }
            Err(problems) => {
                assert!(problems.iter().all(|p| p.path.is_some()), "{}: {problems:#?}", path.display());
            }
        }
    }
    assert!(round_trips >= 5, "only {round_trips} fixture stories were exported");
}

#[test]
fn import_into_keeps_the_jsons_scene_order_whatever_order_twine_writes_the_passages_in() {
    let source = std::fs::read_to_string(root().join("stories/sharing-an-image.json")).unwrap();
    let story = Story::from_json(&source, &help()).unwrap().value;
    let twee = export_twee(&story).unwrap();
    // Twine may write passages in another order: here, last first.
    let mut passages: Vec<&str> = twee.split("\n:: ").collect();
    let head = passages.remove(0);
    passages.reverse();
    let shuffled = format!("{head}\n:: {}", passages.join("\n:: "));
    let fresh = import_twee(&shuffled, None).unwrap().value;
    assert_eq!(fresh.scenes[0].id, story.doc().start, "a fresh import puts the start scene first");
    let merged = import_twee(&shuffled, Some(story.doc())).unwrap().value;
    assert_eq!(&merged, story.doc(), "the merged story is the JSON, scenes in its order");
}

#[test]
fn the_parents_story_is_its_kept_twee_source_plus_what_only_the_json_holds() {
    // The parents' and carers' story was written in Twine and imported; its Twee is kept beside it so the next
    // author can reopen it. Importing that Twee into the shipped file must give the shipped file back, or the two
    // have drifted apart and the guide's worked example no longer describes how the story is made.
    let twee = std::fs::read_to_string(root().join("stories/for-parents/story.twee")).unwrap();
    let source = std::fs::read_to_string(root().join("stories/when-a-picture-is-shared.json")).unwrap();
    let shipped = Story::from_json(&source, &help()).expect("the shipped story loads").value;
    let merged = import_twee(&twee, Some(shipped.doc())).unwrap_or_else(|problems| panic!("{problems:#?}"));
    assert!(merged.warnings.is_empty(), "the kept Twee imports without warnings: {:#?}", merged.warnings);
    assert_eq!(&merged.value, shipped.doc(), "importing the kept Twee --into the story changes nothing");
}

#[test]
fn a_file_exported_by_twine_2_11_imports_to_the_shipped_parents_story() {
    // Written by Twine's own import and export code (see the fixture's README): passages sorted by name, every
    // passage placed on the map, `zoom` in StoryData. This is the file an author has after editing in Twine.
    let exported = std::fs::read_to_string(root().join("tests/fixtures/twee/twine-2.11/when-a-picture-is-shared.twee"))
        .expect("the Twine export fixture is kept");
    let kept = std::fs::read_to_string(root().join("stories/for-parents/story.twee")).unwrap();
    let source = std::fs::read_to_string(root().join("stories/when-a-picture-is-shared.json")).unwrap();
    let shipped = Story::from_json(&source, &help()).expect("the shipped story loads").value;

    let merged = import_twee(&exported, Some(shipped.doc())).unwrap_or_else(|problems| panic!("{problems:#?}"));
    assert!(merged.warnings.is_empty(), "Twine's export imports without warnings: {:#?}", merged.warnings);
    assert_eq!(&merged.value, shipped.doc(), "importing Twine's export --into the story changes nothing");

    // A first import, with no JSON to merge into, gives the same scenes as the kept source, start first.
    let fresh = import_twee(&exported, None).unwrap().value;
    let from_source = import_twee(&kept, None).unwrap().value;
    assert_eq!(fresh.scenes[0].id, shipped.doc().start, "a fresh import of Twine's export starts at the start");
    let by_id = |doc: &StoryDoc| {
        let mut scenes = doc.scenes.clone();
        scenes.sort_by(|a, b| a.id.cmp(&b.id));
        scenes
    };
    assert_eq!(by_id(&fresh), by_id(&from_source), "Twine's export and the kept source hold the same scenes");
}
