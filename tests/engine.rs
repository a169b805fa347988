//! The engine as authors and readers meet it: shipped stories, broken fixtures, playing and saving.
#![cfg(not(target_arch = "wasm32"))]

use std::path::{Path, PathBuf};

use safety_stories::engine::{
    Audience, Date, HelpDirectory, LibraryEntry, LibraryIndex, Loaded, Next, Playthrough, SaveError, Stats, Story,
    Translation, TranslationListing, alt_text_warnings, help_schema, lint_wording, scene_levels, stale_facts,
    story_schema, translation_file_name, translation_schema, wording_schema,
};

fn root() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
}

fn help() -> HelpDirectory {
    let source = std::fs::read_to_string(root().join("stories/help/services-uk.json")).unwrap();
    HelpDirectory::from_json(&source).expect("the standard help directory loads").value
}

fn load(path: &Path) -> Story {
    load_with_warnings(path).value
}

fn load_with_warnings(path: &Path) -> Loaded<Story> {
    let source = std::fs::read_to_string(path).unwrap();
    Story::from_json(&source, &help()).unwrap_or_else(|problems| {
        let lines: Vec<String> = problems.iter().map(|d| d.render(&path.display().to_string())).collect();
        panic!("{} does not load:\n{}", path.display(), lines.join("\n"))
    })
}

fn shipped_stories() -> Vec<PathBuf> {
    let mut files: Vec<PathBuf> = std::fs::read_dir(root().join("stories"))
        .unwrap()
        .map(|e| e.unwrap().path())
        .filter(|p| p.extension().is_some_and(|e| e == "json") && p.file_name().unwrap() != "index.json")
        .filter(|p| translation_file_name(&p.file_name().unwrap().to_string_lossy()).is_none())
        .collect();
    files.sort();
    files
}

/// The shipped translations (`stories/ID.LANG.json`), each with the id of its story, sorted by language.
fn shipped_translations() -> Vec<(String, TranslationListing)> {
    let mut listings: Vec<(String, TranslationListing)> = std::fs::read_dir(root().join("stories"))
        .unwrap()
        .map(|e| e.unwrap().path())
        .filter_map(|path| {
            let name = path.file_name().unwrap().to_string_lossy().into_owned();
            translation_file_name(&name)?;
            let translation = Translation::from_json(&std::fs::read_to_string(&path).unwrap()).unwrap().value;
            let listing = TranslationListing {
                language: translation.language,
                file: format!("stories/{name}"),
                status: translation.status,
            };
            Some((translation.story, listing))
        })
        .collect();
    listings.sort_by(|a, b| a.1.language.cmp(&b.1.language));
    listings
}

/// Plays `picks` (choice labels, or "continue") from the start and checks where the reader ends up.
fn check(story: &Story, picks: &[&str], expected_scene: &str) -> Playthrough {
    let mut play = Playthrough::start(story);
    for pick in picks {
        if *pick == "continue" {
            play.go_on(story).unwrap_or_else(|e| panic!("cannot continue: {e}"));
        } else {
            let offered = play.choices(story);
            let choice = offered.iter().find(|c| c.label == *pick).unwrap_or_else(|| {
                panic!("`{pick}` is not offered in `{}`; offered: {:?}", play.scene_id(story), offered)
            });
            play.choose(story, choice.index).unwrap();
        }
    }
    assert_eq!(play.scene_id(story), expected_scene);
    play
}

fn tiny() -> Story {
    load(&root().join("tests/fixtures/tiny.json"))
}

#[test]
fn every_shipped_story_loads_with_no_errors_or_warnings() {
    let stories = shipped_stories();
    assert!(!stories.is_empty(), "stories/ holds at least one story");
    for path in stories {
        let Loaded { value: story, warnings } = load_with_warnings(&path);
        assert!(warnings.is_empty(), "{} has warnings: {warnings:#?}", path.display());
        for image in story.images() {
            assert!(root().join(image).is_file(), "{} shows {image}, which does not exist", path.display());
        }
        let stats = Stats::of(&story);
        assert!(stats.endings >= 1 && stats.shortest.scenes >= 1, "{} can be finished", path.display());
    }
}

#[test]
fn every_shipped_story_points_at_the_published_schema() {
    for path in shipped_stories() {
        let value: serde_json::Value = serde_json::from_str(&std::fs::read_to_string(&path).unwrap()).unwrap();
        assert_eq!(value["$schema"], "schema/story-v1.schema.json", "{}", path.display());
    }
}

#[test]
fn every_ending_of_every_shipped_story_can_be_reached_and_leads_to_help() {
    for path in shipped_stories() {
        let story = load(&path);
        // Depth-first over choices, remembering which endings were reached.
        let mut reached = std::collections::BTreeSet::new();
        let mut stack = vec![Playthrough::start(&story)];
        let mut visits = 0;
        while let Some(play) = stack.pop() {
            visits += 1;
            assert!(visits < 100_000, "{} has too many paths to walk", path.display());
            if play.is_ending(&story) {
                reached.insert(play.scene_id(&story).to_owned());
                continue;
            }
            if play.can_continue(&story) {
                let mut next = play.clone();
                next.go_on(&story).unwrap();
                stack.push(next);
            }
            for choice in play.choices(&story) {
                let mut next = play.clone();
                next.choose(&story, choice.index).unwrap();
                stack.push(next);
            }
        }
        let endings: std::collections::BTreeSet<String> =
            story.scenes().iter().filter(|s| matches!(s.next, Next::Ending(_))).map(|s| s.id.clone()).collect();
        assert_eq!(reached, endings, "{}: every ending is reachable", path.display());
        let help = help();
        for id in &endings {
            let ending = story.ending(id).unwrap();
            let services = help.ordered(story.services(), &ending.help);
            assert!(services.iter().any(|s| s.id == "childline"), "{id} shows Childline");
        }
    }
}

// Each broken fixture's `.expected` file holds exactly what `storycheck` prints for it; tests/storycheck.rs runs
// the command on every one.

#[test]
fn a_valid_story_with_too_many_flag_combinations_to_explore_loads_with_a_warning() {
    // Seventeen independent flags give 131,072 combinations in each of the last scenes, more than exploring
    // visits, so exploring stops before any ending; that once failed the story with "no ending can be reached".
    let warnings = load_with_warnings(&root().join("tests/fixtures/broken/too-many-flag-combinations.json")).warnings;
    let codes: Vec<&str> = warnings.iter().map(|d| d.code).collect();
    assert_eq!(codes, ["too-complex"], "only the incomplete check is reported");
    let message = &warnings[0].message;
    assert!(message.contains("too many flag combinations to check fully"), "{message}");
    assert!(message.contains("17 flags can be set in 131072 ways"), "{message}");
}

#[test]
fn a_byte_order_mark_is_skipped_as_the_browser_skips_it() {
    // Browsers drop the mark when they read a download as text, so the player plays such a file; the engine
    // agrees instead of failing with "expected value" at 1:1.
    let Loaded { value: story, warnings } =
        load_with_warnings(&root().join("tests/fixtures/broken/byte-order-mark.json"));
    assert_eq!(story.id(), "byte-order-mark");
    assert!(warnings.is_empty(), "the engine itself has nothing to say; storycheck warns about the mark");
}

#[test]
fn a_flag_named_twice_in_one_object_is_refused_with_its_position() {
    let source = std::fs::read_to_string(root().join("tests/fixtures/broken/duplicate-flag-keys.json")).unwrap();
    let problems = Story::from_json(&source, &help()).unwrap_err();
    assert_eq!(problems.len(), 1);
    let problem = &problems[0];
    assert_eq!((problem.code, problem.line), ("json-shape", Some(20)), "{problem:?}");
    assert!(problem.message.starts_with("duplicate flag `told_someone`"), "{}", problem.message);
}

#[test]
fn a_story_with_many_problems_reports_all_of_them_at_once() {
    let source = std::fs::read_to_string(root().join("tests/fixtures/broken/many-problems-at-once.json")).unwrap();
    let problems = Story::from_json(&source, &help()).unwrap_err();
    let codes: Vec<&str> = problems.iter().map(|d| d.code).collect();
    assert!(codes.contains(&"unknown-target"));
    assert!(codes.contains(&"unknown-service"));
    assert!(codes.contains(&"bad-image-path"));
    let target = problems.iter().find(|d| d.code == "unknown-target").unwrap();
    assert!(target.message.contains("did you mean `told`?"), "{}", target.message);
    assert_eq!(target.scene.as_deref(), Some("message"));
    assert!(target.line.is_some() && target.column.is_some());
}

#[test]
fn choosing_follows_the_branch_and_sets_flags() {
    let story = tiny();
    let play = check(&story, &["Tell someone", "continue"], "later");
    assert_eq!(play.flag(&story, "told_someone"), Some(true));
    let labels: Vec<String> = play.choices(&story).into_iter().map(|c| c.label).collect();
    assert_eq!(labels, ["Feel relieved", "Talk to Childline"]);
}

#[test]
fn earlier_choices_change_what_is_offered_later() {
    let story = tiny();
    let play = check(&story, &["Ignore it", "Keep ignoring it"], "later");
    let labels: Vec<String> = play.choices(&story).into_iter().map(|c| c.label).collect();
    assert_eq!(labels, ["Still worry", "Talk to Childline"]);
    check(&story, &["Ignore it", "Keep ignoring it", "Still worry"], "hard-end");
}

#[test]
fn back_undoes_one_step_with_its_flags() {
    let story = tiny();
    let mut play = check(&story, &["Tell someone"], "told");
    assert!(play.back());
    assert_eq!(play.scene_id(&story), "message");
    assert_eq!(play.flag(&story, "told_someone"), Some(false));
    assert!(!play.back(), "nothing to undo at the start");
}

#[test]
fn try_a_different_choice_returns_to_the_last_real_decision() {
    let story = tiny();
    let mut play = check(&story, &["Tell someone", "continue", "Feel relieved"], "good-end");
    assert!(play.is_ending(&story));
    assert!(play.back_to_last_decision(&story));
    assert_eq!(play.scene_id(&story), "later");
    assert!(play.back_to_last_decision(&story));
    assert_eq!(play.scene_id(&story), "message");
    assert!(!play.has_earlier_decision(&story));
}

#[test]
fn restart_and_transcript() {
    let story = tiny();
    let mut play = check(&story, &["Ignore it", "Tell someone now"], "told");
    let transcript = play.transcript(&story);
    let lines: Vec<(String, Option<String>)> = transcript.into_iter().map(|l| (l.scene_title, l.picked)).collect();
    assert_eq!(
        lines,
        [
            ("A message".to_owned(), Some("Ignore it".to_owned())),
            ("You ignored it".to_owned(), Some("Tell someone now".to_owned())),
            ("You told someone".to_owned(), None),
        ]
    );
    play.restart(&story);
    assert_eq!(play, Playthrough::start(&story));
}

#[test]
fn wrong_moves_are_errors_not_panics() {
    let story = tiny();
    let mut play = Playthrough::start(&story);
    assert!(play.go_on(&story).is_err(), "a decision is not a continue");
    assert!(play.choose(&story, 7).is_err());
    let mut at_later = check(&story, &["Ignore it", "Keep ignoring it"], "later");
    assert!(at_later.choose(&story, 0).is_err(), "a choice whose condition is false cannot be picked");
    let mut ended = check(&story, &["Tell someone", "continue", "Feel relieved"], "good-end");
    assert!(ended.choose(&story, 0).is_err());
    assert!(ended.go_on(&story).is_err());
}

#[test]
fn save_and_restore_round_trip() {
    let story = tiny();
    let play = check(&story, &["Ignore it", "Tell someone now", "continue"], "later");
    let json = play.to_json(&story);
    assert!(
        json.starts_with("{\"format\":2,\"min_format\":2,"),
        "the save says which version wrote it and which can read it: {json}"
    );
    assert_eq!(Playthrough::from_json(&story, &json).unwrap(), play);
}

/// A save written before saves named their readers (format 1, by the player before this version), kept as a file.
const FORMAT_1_SAVE: &str = include_str!("fixtures/saves/tiny-format-1.json");

#[test]
fn a_format_1_save_from_the_earlier_player_still_restores() {
    let story = tiny();
    let expected = check(&story, &["Ignore it", "Tell someone now", "continue"], "later");
    assert_eq!(Playthrough::from_json(&story, FORMAT_1_SAVE.trim()), Ok(expected.clone()));
    // Saving again writes the same fields, only with the two version numbers: saves stay as small as they were.
    let resaved = FORMAT_1_SAVE.trim().replacen("\"format\":1", "\"format\":2,\"min_format\":2", 1);
    assert_eq!(expected.to_json(&story), resaved);
}

#[test]
fn a_save_from_a_later_version_is_read_when_it_says_this_version_can_and_refused_when_it_needs_more() {
    let story = tiny();
    let play = check(&story, &["Tell someone"], "told");
    let json = play.to_json(&story);
    // A later format that only adds keys still names 2 as the oldest reader: what this version knows is enough.
    let later = json
        .replacen("\"format\":2", "\"format\":5", 1)
        .replacen("\"taken\":", "\"seconds\":40,\"taken\":", 1)
        .replacen("\"scene\":\"told\"", "\"scene\":\"told\",\"notes\":[\"x\"]", 1);
    assert_ne!(later, json);
    assert_eq!(Playthrough::from_json(&story, &later), Ok(play));
    // One that changed what the fields mean says so, and this version refuses it with a reason, not a guess.
    let needs_more = json.replacen("\"format\":2,\"min_format\":2", "\"format\":5,\"min_format\":4", 1);
    let refused = Playthrough::from_json(&story, &needs_more);
    assert_eq!(refused, Err(SaveError::TooNew { needs: 4 }));
    assert_eq!(
        refused.unwrap_err().to_string(),
        "the saved progress needs a newer version of the player (one that reads format 4); this one reads format 2"
    );
    // A save that names no oldest reader needs one of its own format.
    let unnamed = json.replacen("\"format\":2,\"min_format\":2", "\"format\":3", 1);
    assert_eq!(Playthrough::from_json(&story, &unnamed), Err(SaveError::TooNew { needs: 3 }));
}

#[test]
fn progress_that_does_not_match_the_story_is_refused_clearly() {
    let story = tiny();
    let play = check(&story, &["Tell someone"], "told");
    let json = play.to_json(&story);
    let cases = [
        (json.replace("\"format\":2,\"min_format\":2", "\"format\":0"), SaveError::Version { found: 0 }),
        (
            json.replace("\"story\":\"tiny\"", "\"story\":\"other\""),
            SaveError::WrongStory { expected: "tiny".into(), found: "other".into() },
        ),
        (json.replace("\"scene\":\"told\"", "\"scene\":\"gone\""), SaveError::UnknownScene("gone".into())),
        (
            json.replace("\"scene\":\"told\"", "\"scene\":\"hard-end\""),
            SaveError::IllegalStep { from: "message".into(), to: "hard-end".into() },
        ),
        (json.replace("told_someone\":true", "told_someone\":false"), SaveError::FlagsDiffer("told_someone".into())),
    ];
    for (bad, expected) in cases {
        assert_eq!(Playthrough::from_json(&story, &bad), Err(expected), "{bad}");
    }
    assert!(matches!(Playthrough::from_json(&story, "not json"), Err(SaveError::Unreadable(_))));
}

#[test]
fn saved_progress_that_names_a_flag_twice_is_refused() {
    // Before, the save's flags were a plain map that kept the last value; they are now read as a story's flags are.
    let story = tiny();
    let json = check(&story, &["Tell someone"], "told").to_json(&story);
    let twice = json.replace("\"told_someone\":true", "\"told_someone\":false,\"told_someone\":true");
    assert_ne!(twice, json, "the save names the flag: {json}");
    match Playthrough::from_json(&story, &twice) {
        Err(SaveError::Unreadable(message)) => {
            assert!(message.starts_with("duplicate flag `told_someone`"), "{message}")
        }
        other => panic!("expected the save to be refused as unreadable, got {other:?}"),
    }
}

#[test]
fn a_link_can_open_a_story_at_any_scene() {
    let story = tiny();
    let play = Playthrough::open_at(&story, "later").unwrap();
    assert_eq!(play.scene_id(&story), "later");
    assert!(Playthrough::open_at(&story, "nowhere").is_none());
}

#[test]
fn stats_count_paths_and_reading_time() {
    let stats = Stats::of(&tiny());
    assert_eq!((stats.scenes, stats.endings, stats.decision_points), (6, 2, 3));
    // message→told→later→{relieved, childline}; message→ignored→told→later→{relieved, childline};
    // message→ignored→later→{worry, childline}.
    assert_eq!(stats.paths, Some(6));
    assert_eq!(stats.shortest.scenes, 3 + 1);
    assert_eq!(stats.longest.unwrap().scenes, 5);
}

#[test]
fn the_committed_schemas_match_the_rust_types() {
    for (file, generated) in [
        ("stories/schema/story-v1.schema.json", story_schema()),
        ("stories/schema/help-v1.schema.json", help_schema()),
        ("stories/schema/wording-v1.schema.json", wording_schema()),
        ("stories/schema/translation-v1.schema.json", translation_schema()),
    ] {
        let path = root().join(file);
        if std::env::var_os("BLESS").is_some() {
            std::fs::write(&path, &generated).unwrap();
        }
        let committed = std::fs::read_to_string(&path).unwrap_or_default();
        assert!(committed == generated, "{file} is out of date; run `BLESS=1 cargo test --test engine`");
    }
}

#[test]
fn the_library_index_lists_every_shipped_story() {
    let path = root().join("stories/library/index.json");
    let mut entries: Vec<LibraryEntry> = shipped_stories()
        .iter()
        .map(|p| LibraryEntry::of(&load(p), &format!("stories/{}", p.file_name().unwrap().to_string_lossy())))
        .collect();
    entries.sort_by(|a, b| a.id.cmp(&b.id));
    for (story, listing) in shipped_translations() {
        let entry = entries.iter_mut().find(|entry| entry.id == story).expect("a translation's story is shipped");
        entry.translations.push(listing);
    }
    let generated = serde_json::to_string_pretty(&LibraryIndex::new(entries)).unwrap() + "\n";
    if std::env::var_os("BLESS").is_some() {
        std::fs::write(&path, &generated).unwrap();
    }
    let committed = std::fs::read_to_string(&path).unwrap_or_default();
    assert!(
        committed == generated,
        "stories/library/index.json is out of date; run `BLESS=1 cargo test --test engine`"
    );
}

#[test]
fn the_help_directory_has_the_services_the_product_promises() {
    let help = help();
    let ids = [
        "emergency",
        "childline",
        "report-remove",
        "ceop",
        "thinkuknow",
        "thinkuknow-parents",
        "nspcc",
        "stop-it-now",
        "samaritans",
        "meic",
    ];
    for id in ids {
        let service = help.get(id).unwrap_or_else(|| panic!("{id} is in the standard set"));
        assert!(!service.facts.is_empty(), "{id} lists its facts with where and when they were checked");
        for fact in &service.facts {
            assert!(fact.source.starts_with("http"), "{id}: `{}` names the page it was checked on", fact.fact);
            assert!(Date::parse(&fact.checked).is_some(), "{id}: `{}` has the date it was checked", fact.fact);
        }
    }
    assert_eq!(help.ordered(&[], &[])[0].id, "emergency", "999 always comes first");
    let silent = &help.get("emergency").unwrap().what_happens;
    assert!(silent.contains("cough or tap") && silent.contains("on a mobile, press 55 when asked"), "{silent}");
    assert!(silent.contains("Speak or whisper if you can"), "{silent}");
    let samaritans = help.get("samaritans").unwrap();
    assert_eq!(samaritans.phone.as_ref().map(|p| p.dial.as_str()), Some("116123"));
    assert!(
        samaritans.audience.contains(&Audience::YoungPeople),
        "a young person who wants to disappear finds Samaritans"
    );
    // Issue #17 asked for Meic, the helpline for children and young people in Wales; its card says who it is for, so
    // a reader elsewhere in the UK knows it is not for them.
    let meic = help.get("meic").unwrap();
    assert_eq!(meic.phone.as_ref().map(|p| p.dial.as_str()), Some("08088023456"));
    assert!(meic.what_for.starts_with("For children and young people in Wales"), "{}", meic.what_for);
    assert_eq!(meic.audience, [Audience::YoungPeople], "Meic is listed for young people");
    for (id, limit) in [
        ("childline", "really worried"),
        ("stop-it-now", "pass them on"),
        ("nspcc", "must share"),
        ("meic", "really worried"),
    ] {
        assert!(help.get(id).unwrap().what_happens.contains(limit), "{id} says plainly when it may pass things on");
    }
    let remove = help.get("report-remove").unwrap();
    assert!(
        remove.what_happens.contains("the kind of picture the law says must come down"),
        "Report Remove promises only what the IWF can do"
    );
    assert!(remove.what_for.starts_with("If you are under 18"), "{}", remove.what_for);
    assert!(remove.other_ways.as_deref().unwrap_or_default().contains("cannot reach private chats"));
}

/// The facts' age, as `storycheck lint` reports it, on the day the facts were last checked: none is stale.
#[test]
fn no_help_fact_was_stale_on_the_day_it_was_checked() {
    let source = std::fs::read_to_string(root().join("stories/help/services-uk.json")).unwrap();
    let found = stale_facts(&help(), &source, Date::parse("2026-11-27").unwrap());
    assert!(found.is_empty(), "{found:#?}");
    let later = stale_facts(&help(), &source, Date::parse("2027-05-28").unwrap());
    assert!(later.iter().any(|d| d.code == "stale-fact"), "six months and a day later, facts need checking again");
}

/// Every ending shows the help file's line for the adults around the reader (`HelpList` with `for_adults`), so
/// every ending names the NSPCC and CEOP Education (Thinkuknow) and says that Childline is run by the NSPCC.
#[test]
fn every_ending_signposts_the_nspcc_and_ceop_education_and_uses_no_word_the_guidance_warns_of() {
    let help = help();
    let line = help.for_adults.as_ref().expect("the help file has a line for the adults around the reader");
    assert_eq!(line.heading, "For the adults around you");
    assert!(line.text.contains("Childline is run by the NSPCC"), "{}", line.text);
    let named: Vec<&str> = help.for_adults_services().iter().map(|s| s.id.as_str()).collect();
    assert_eq!(named, ["nspcc", "thinkuknow-parents"]);
    let nspcc = help.get("nspcc").unwrap();
    assert_eq!(nspcc.phone.as_ref().unwrap().display, "0808 800 5000");
    let parents = help.get("thinkuknow-parents").unwrap();
    assert!(parents.name.contains("CEOP Education") && parents.name.contains("Thinkuknow"));
    assert!(parents.links[0].url.starts_with("https://www.ceopeducation.co.uk/parents"));

    // The words that name an ending's kind are the player's (`src/ui/words.rs`, checked in tests/components.rs)
    // and storycheck's (its branch map's legend, checked in tests/storycheck.rs).
    for path in shipped_stories() {
        let story = load(&path);
        for scene in story.scenes() {
            let Next::Ending(ending) = &scene.next else { continue };
            assert!(
                lint_wording(&serde_json::to_string(ending).unwrap(), &[]).is_empty(),
                "{}: ending `{}` uses words the guidance asks authors to avoid",
                path.display(),
                scene.id
            );
        }
    }
}

#[test]
fn every_shipped_picture_is_recorded_by_the_drawing_script_and_its_alt_text_names_only_who_is_drawn() {
    for path in shipped_stories() {
        let source = std::fs::read_to_string(&path).unwrap();
        let story = load(&path);
        let found = alt_text_warnings(&story, &source, |folder| {
            std::fs::read_to_string(root().join(folder).join("pictures.json")).ok()
        });
        assert!(found.is_empty(), "{}: {found:#?}", path.display());
        for image in story.images() {
            let (folder, file) = image.rsplit_once('/').unwrap();
            let manifest: serde_json::Value =
                serde_json::from_str(&std::fs::read_to_string(root().join(folder).join("pictures.json")).unwrap())
                    .unwrap();
            assert!(manifest["pictures"][file].is_object(), "{image} is in {folder}/pictures.json");
        }
    }
}

#[test]
fn every_scene_of_every_shipped_story_reads_within_its_age_band() {
    for path in shipped_stories() {
        let story = load(&path);
        for level in scene_levels(&story) {
            assert!(!level.above_band, "{}: scene `{}` reads at grade {}", path.display(), level.scene, level.grade);
        }
    }
    let hard = load(&root().join("tests/fixtures/lint/hard-to-read.json"));
    let levels = scene_levels(&hard);
    assert!(!levels[0].above_band && levels[0].grade < 6.0, "plain words: {:?}", levels[0]);
    assert!(levels[1].above_band && levels[1].grade > 7.0, "long words and sentences: {:?}", levels[1]);
}

#[test]
fn the_lesson_pack_order_lists_every_scene_once_starting_with_the_first() {
    for path in shipped_stories() {
        let story = load(&path);
        let order: Vec<&str> = story.reading_order().iter().map(|s| s.id.as_str()).collect();
        assert_eq!(order.first().copied(), Some(story.start_scene().id.as_str()));
        let mut sorted = order.clone();
        sorted.sort_unstable();
        sorted.dedup();
        assert_eq!(sorted.len(), story.scenes().len(), "{}: every scene once", path.display());
        assert_eq!(order.len(), story.scenes().len());
    }
}

#[test]
fn the_drawn_branch_map_has_every_scene_in_the_row_of_its_distance_from_the_start_and_every_way_on() {
    use safety_stories::engine::branch_map;
    for path in shipped_stories() {
        let story = load(&path);
        let map = branch_map(&story);
        assert_eq!(map.nodes.len(), story.scenes().len());
        assert_eq!(map.nodes[0].id, story.start_scene().id);
        assert_eq!((map.nodes[0].row, map.nodes[0].number), (0, 1));
        assert_eq!(map.row_sizes.iter().sum::<usize>(), map.nodes.len());
        for &(from, to) in &map.edges {
            assert!(map.nodes[to].row <= map.nodes[from].row + 1, "{}: no row is skipped", path.display());
        }
        let ways_on: usize = story
            .scenes()
            .iter()
            .map(|scene| match &scene.next {
                Next::Continue(_) => 1,
                Next::Choices(choices) => {
                    let mut targets: Vec<&str> = choices.iter().map(|c| c.to.as_str()).collect();
                    targets.sort_unstable();
                    targets.dedup();
                    targets.len()
                }
                Next::Ending(_) => 0,
            })
            .sum();
        assert_eq!(map.edges.len(), ways_on, "{}: every way on is drawn once", path.display());
        let endings = map.nodes.iter().filter(|n| n.ending.is_some()).count();
        assert_eq!(endings, story.scenes().iter().filter(|s| matches!(s.next, Next::Ending(_))).count());
    }
}

fn flagship() -> Story {
    load(&root().join("stories/sharing-an-image.json"))
}

/// The written choices of a scene, with their `sensitive` marks, whatever the flags.
fn written_choices<'a>(story: &'a Story, scene: &str) -> &'a [safety_stories::engine::Choice] {
    match &story.scene(scene).unwrap_or_else(|| panic!("no scene `{scene}`")).next {
        Next::Choices(choices) => choices,
        other => panic!("`{scene}` is not a decision: {other:?}"),
    }
}

/// Independent review, item 1: on the blackmail path the reader decides whether Sam sends anything, and saying no
/// is a real way on. Sending is never narrated before that choice.
#[test]
fn on_the_blackmail_path_the_reader_chooses_before_sam_sends_anything() {
    let story = flagship();
    let accept = written_choices(&story, "new-follower").iter().find(|c| c.label == "Accept and say hi").unwrap();
    assert!(accept.sensitive, "accepting a stranger's request keeps the vote anonymous");
    let kai = story.scene("kai-chat").unwrap();
    assert!(!kai.text.contains("Sam sends"), "kai-chat must not send for the reader: {}", kai.text);
    let choices = written_choices(&story, "kai-chat");
    let send = choices.iter().find(|c| c.label == "Send one").expect("sending is the reader's choice");
    assert!(send.sensitive && send.to == "fake-profile", "{send:?}");
    assert!(story.scene("fake-profile").unwrap().text.starts_with("Sam sends one."));
    let play = check(&story, &["continue", "Accept and say hi", "Say no and block Kai"], "block-kai");
    let mut play = play;
    play.go_on(&story).unwrap();
    assert_eq!(play.scene_id(&story), "the-ask", "saying no to Kai goes on with Sam's story");
}

/// Independent review, items 2 and 4: after sending, not asking Riley to delete it is not what makes Riley share
/// it, and the recovery path says it is not Sam's fault instead of Sam blaming themself.
#[test]
fn after_sending_silence_is_not_the_cause_and_the_recovery_path_says_it_is_not_sams_fault() {
    let story = flagship();
    let labels: Vec<&str> = written_choices(&story, "sent").iter().map(|c| c.label.as_str()).collect();
    assert!(!labels.contains(&"Wait and see"), "{labels:?}");
    assert!(story.scene("group-chat").unwrap().text.contains("Nothing Sam did or didn't do made Riley share it."));
    assert!(story.scene("ask-to-delete").unwrap().text.contains("If it doesn't, that's on Riley, not Sam."));
    let recovery = ["sent", "ask-to-delete", "help-after-sending"];
    let words: Vec<String> =
        recovery.iter().map(|id| serde_json::to_string(story.scene(id).unwrap()).unwrap()).collect();
    for blame in ["Why did I", "shouldn't have sent", "a mistake"] {
        assert!(words.iter().all(|w| !w.contains(blame)), "the recovery path says \"{blame}\"");
    }
    assert!(
        words.iter().any(|w| w.contains("this isn't your fault")),
        "someone on the recovery path says it isn't Sam's fault"
    );
    let school = &story.scene("school-responds").unwrap().text;
    assert!(!school.contains("makes sure"), "the school cannot promise the picture is gone from every phone: {school}");
}

/// Independent review, items 3, 5 and 6: help lines that could stop a child reporting, send a teacher past the
/// DSL, or promise more privacy than the service gives.
#[test]
fn help_lines_do_not_turn_away_a_blackmailed_child_or_overpromise_privacy() {
    let help = help();
    let ceop = &help.get("ceop").unwrap().what_happens;
    assert!(
        !ceop.contains("fake accounts"),
        "a child blackmailed by a fake profile must not read that CEOP is not for them: {ceop}"
    );
    assert!(ceop.contains("give your name"), "{ceop}");
    let samaritans = help.get("samaritans").unwrap();
    assert!(samaritans.what_happens.contains("under 18"), "{}", samaritans.what_happens);
    assert!(
        samaritans.facts.iter().any(|f| f.source.ends_with("samaritans-confidentiality-risk-harm")),
        "the confidentiality line cites Samaritans' own page"
    );
    let adults = &help.for_adults.as_ref().unwrap().text;
    assert!(!adults.contains("teacher who is worried can call"), "{adults}");
    assert!(adults.contains("A teacher should tell the school's DSL"), "{adults}");
}

/// Independent review, item 13: Jordan offers to help on every path where Jordan receives the picture, including
/// the one where Jordan forwarded it first, so going with Jordan is always offered.
#[test]
fn after_jordan_forwards_it_and_owns_it_going_with_jordan_is_still_offered() {
    let story = flagship();
    let picks = [
        "continue",
        "Leave the request for now",
        "Leave it on read for now",
        "Send the picture",
        "Try not to think about it",
        "Forward it to one other person",
        "continue",
        "continue",
    ];
    let play = check(&story, &picks, "sam-finds-out");
    let offered: Vec<String> = play.choices(&story).into_iter().map(|c| c.label).collect();
    assert!(offered.iter().any(|l| l == "Go with Jordan to see Ms Okafor"), "{offered:?}");
    let text = &story.scene("sam-finds-out").unwrap().text;
    assert!(!text.contains("alone"), "Sam is not alone: Jordan has just said so: {text}");
}

/// Independent review, items 8 to 12, 15, 16 and 18: plain words for what Report Remove can do, a blackmail ending
/// with Samaritans, and teacher notes that send every concern to the DSL.
#[test]
fn the_reviewed_wording_stays_plain_and_the_notes_send_concerns_to_the_dsl() {
    let help_source = std::fs::read_to_string(root().join("stories/help/services-uk.json")).unwrap();
    for path in shipped_stories() {
        let source = std::fs::read_to_string(&path).unwrap();
        for text in [&source, &help_source] {
            assert!(
                !text.contains("over the legal line"),
                "{}: say \"the kind of picture the law says must come down\"",
                path.display()
            );
            assert!(!text.contains("so sites can block it"), "{}: many sites, not all, can spot it", path.display());
        }
        let story = load(&path);
        let guide = story.doc().teacher.as_ref().expect("every shipped story has teacher guidance");
        let safeguarding = guide.safeguarding.as_deref().unwrap_or_default();
        assert!(
            safeguarding.contains("until the DSL decides"),
            "{}: nothing is deleted before the DSL decides",
            path.display()
        );
        // A story for parents and carers is used at a parents' session, where there are no pupils and no question
        // box; the pupils' lesson rules apply to the others.
        if story.doc().audience == Audience::ParentsCarers {
            assert!(
                safeguarding.contains("do not ask to see the picture")
                    && safeguarding.contains("Tell the DSL the same day"),
                "{}: a parent's disclosure goes to the DSL, and no one asks to see the picture",
                path.display()
            );
            continue;
        }
        assert!(
            safeguarding.contains("Don't delete anything, or ask pupils to, until the DSL decides."),
            "{}",
            path.display()
        );
        assert!(
            guide.before_the_lesson.iter().any(|l| l.contains("Read the slips the same day")),
            "{}: question-box slips are read the same day",
            path.display()
        );
    }
    let story = flagship();
    let blackmail = story.ending("not-your-fault").unwrap();
    assert!(blackmail.help.iter().any(|h| h == "samaritans"), "{:?}", blackmail.help);
    assert!(blackmail.reflection.starts_with("Blackmailing someone like this is a crime"));
    assert!(blackmail.reflection.contains("the picture is faked"));
    let note = story.scene("fake-profile").unwrap().teacher_notes.as_deref().unwrap_or_default();
    assert!(
        note.contains("call 999 if a life is in danger")
            && note.contains("referral to the police or children's social care"),
        "{note}"
    );
    let group = story.scene("group-chat").unwrap().teacher_notes.as_deref().unwrap_or_default();
    assert!(group.contains("Riley and anyone who forwarded it are children too"), "{group}");
    let dad = serde_json::to_string(story.scene("blackmail-help").unwrap()).unwrap();
    assert!(!dad.contains("\"We don't pay,"), "Dad's words must not tell off a child who has already paid");

    let game = load(&root().join("stories/new-in-the-game-chat.json"));
    assert!(game.scene("tell-mum").unwrap().text.contains("Mum reports it to CEOP"));
    let worried = game.ending("worried-ending").unwrap();
    assert!(worried.reflection.contains("Even without a screenshot, you can still tell someone and report it."));
    let note = game.scene("tell-mum").unwrap().teacher_notes.as_deref().unwrap_or_default();
    assert!(note.contains("the DSL would consider a CEOP or police report"), "{note}");
}

#[test]
fn a_flags_segment_names_the_flags_that_are_on_in_declared_order_and_reads_back() {
    let story = tiny();
    let told = story.page("told", Some("told_someone")).expect("a declared flag names a page");
    assert_eq!(told.path(), "told/told_someone/");
    assert_eq!(
        story.page("told", Some("~")).map(|p| p.path()),
        Some("told/".to_owned()),
        "`~` is every flag off, which is where tiny starts"
    );
    assert_eq!(story.page("told", None).map(|p| p.path()), Some("told/".to_owned()));
    let opened = Playthrough::open_at_page(&story, &told).expect("the page opens");
    assert_eq!(opened.flag(&story, "told_someone"), Some(true));
    assert_eq!(opened.page(&story), told, "a playthrough's page reads back as the page it opened at");
    for bad in ["told_anyone", "told_someone+told_someone", "", "told_someone+", "TOLD_SOMEONE"] {
        assert_eq!(story.page("told", Some(bad)), None, "`{bad}` is not a way this story writes its flags");
    }
    assert_eq!(story.page("nowhere", None), None, "a scene the story does not have has no page");
}

#[test]
fn flags_in_a_segment_must_come_in_the_order_the_story_declares_them() {
    let source = std::fs::read_to_string(root().join("tests/fixtures/pages/too-many-pages.json")).unwrap();
    let story = Story::from_json(&source, &help()).expect("the player reads a story of any size").value;
    let page = story.page("end", Some("told_0+told_3")).expect("two flags in declared order");
    assert_eq!(page.path(), "end/told_0+told_3/");
    assert_eq!(story.page("end", Some("told_3+told_0")), None, "each set of flags has one address");
    let play = Playthrough::open_at_page(&story, &page).unwrap();
    assert_eq!(
        (play.flag(&story, "told_0"), play.flag(&story, "told_3"), play.flag(&story, "told_1")),
        (Some(true), Some(true), Some(false))
    );
}

#[test]
fn a_story_has_a_page_per_scene_and_one_per_other_reachable_set_of_flags() {
    let story = tiny();
    let paths: Vec<String> = story.pages().expect("tiny is well under the limit").iter().map(|p| p.path()).collect();
    assert_eq!(
        paths,
        [
            "message/",
            "told/",
            "ignored/",
            "later/",
            "good-end/",
            "hard-end/",
            "told/told_someone/",
            "later/told_someone/",
            "good-end/told_someone/",
        ],
        "every scene with the starting flags first, then the states with other flags in the order a reader meets them"
    );
    assert_eq!(Stats::of(&story).pages, 9);
    for path in shipped_stories() {
        let story = load(&path);
        let pages = story.pages().unwrap_or_else(|e| panic!("{}: {e}", path.display()));
        assert_eq!(pages.len(), Stats::of(&story).pages, "{}: stats counts the pages written", path.display());
        let unique: std::collections::HashSet<String> = pages.iter().map(|p| p.path()).collect();
        assert_eq!(unique.len(), pages.len(), "{}: no page is written twice", path.display());
    }
}

#[test]
fn every_offered_choice_and_continue_leads_to_one_of_the_storys_pages() {
    for path in shipped_stories().into_iter().chain([root().join("tests/fixtures/tiny.json")]) {
        let story = load(&path);
        let pages: Vec<_> = story.pages().unwrap();
        for page in &pages {
            let play = Playthrough::open_at_page(&story, page).unwrap();
            let mut next: Vec<_> = play.choices(&story).into_iter().map(|c| c.page).collect();
            next.extend(play.continue_page(&story));
            for target in next {
                assert!(
                    pages.contains(&target),
                    "{}: {} leads to {}, which is not written",
                    path.display(),
                    page.path(),
                    target.path()
                );
            }
        }
    }
    // Telling someone at the first scene sets the flag, so the page it leads to says so; ignoring it does not.
    let story = tiny();
    let offered = Playthrough::start(&story).choices(&story);
    assert_eq!(offered.iter().map(|c| c.page.path()).collect::<Vec<_>>(), ["told/told_someone/", "ignored/"]);
    let mut play = Playthrough::start(&story);
    play.choose(&story, 0).unwrap();
    assert_eq!(play.continue_page(&story).map(|p| p.path()), Some("later/told_someone/".to_owned()));
    assert_eq!(play.page(&story).path(), "told/told_someone/");
}

#[test]
fn a_story_over_the_page_limit_is_refused_by_check_but_still_plays() {
    let source = std::fs::read_to_string(root().join("tests/fixtures/pages/too-many-pages.json")).unwrap();
    let story = Story::from_json(&source, &help()).expect("the player reads a story of any size").value;
    let too_many = story.pages().expect_err("eleven independent flags make 4,095 pages");
    assert_eq!(too_many.pages, 4_095);
    assert_eq!(Stats::of(&story).pages, 4_095);
    let (checked, found) = Story::check(&source, &help());
    assert!(checked.is_none(), "storycheck refuses the story");
    let error = found.iter().find(|d| d.code == "too-many-pages").expect("a too-many-pages error");
    assert!(error.message.contains("4095 pages") && error.message.contains("2000"), "{}", error.message);
}

#[test]
fn credits_may_name_the_licence_and_stories_without_one_still_load() {
    let source = std::fs::read_to_string(root().join("tests/fixtures/tiny.json")).unwrap();
    assert_eq!(tiny().doc().credits.licence, None, "tiny.json names no licence and loads");
    let with_licence = source.replace(r#""artist": "Tests" }"#, r#""artist": "Tests", "licence": "CC BY-NC 4.0" }"#);
    assert_ne!(with_licence, source, "the fixture's credits are where the test expects them");
    let story = Story::from_json(&with_licence, &help()).expect("a licence is an optional field").value;
    assert_eq!(story.doc().credits.licence.as_deref(), Some("CC BY-NC 4.0"));
}

#[test]
fn a_story_for_parents_names_its_audience_and_is_read_by_adults_while_one_for_young_people_stays_under_26() {
    let source = std::fs::read_to_string(root().join("tests/fixtures/tiny.json")).unwrap();
    assert_eq!(tiny().doc().audience, Audience::YoungPeople, "a story that names no audience is for young people");
    let ages = |text: &str, ages: &str, audience: Option<&str>| {
        let age = r#""age": { "min": 11, "max": 14 }"#;
        assert!(text.contains(age), "the fixture's ages are where the test expects them");
        let named = audience.map_or(String::new(), |a| format!(r#", "audience": "{a}""#));
        text.replace(age, &format!(r#""age": {ages}{named}"#))
    };
    let for_parents = ages(&source, r#"{ "min": 18, "max": 99 }"#, Some("parents_carers"));
    let story =
        Story::from_json(&for_parents, &help()).expect("adults' ages are sensible for parents and carers").value;
    assert_eq!(story.doc().audience, Audience::ParentsCarers);
    for (ages_given, audience) in
        [(r#"{ "min": 18, "max": 99 }"#, None), (r#"{ "min": 11, "max": 14 }"#, Some("parents_carers"))]
    {
        let problems = Story::from_json(&ages(&source, ages_given, audience), &help())
            .expect_err(&format!("ages {ages_given} for {audience:?} are refused"));
        assert!(
            problems.iter().any(|d| d.code == "bad-age"),
            "a bad-age error for {ages_given} {audience:?}: {problems:?}"
        );
    }
    let shipped = std::fs::read_to_string(root().join("stories/when-a-picture-is-shared.json")).unwrap();
    let parents = Story::from_json(&shipped, &help()).expect("the parents' story loads").value;
    assert_eq!(parents.doc().audience, Audience::ParentsCarers, "the parents' story says who it is for");
}
