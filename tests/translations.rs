//! Story translations as translators, storycheck and the player meet them: the translation file's check, applying
//! it to a story, the PO round trip (with gettext's own `msgfmt --check`), and which translations a reader is
//! offered.
#![cfg(not(target_arch = "wasm32"))]

use std::path::{Path, PathBuf};
use std::process::Command;

use safety_stories::engine::{
    HelpDirectory, LibraryIndex, Story, Translation, TranslationStatus, check_help_translation, check_translation,
    fingerprint, help_texts, po_export, po_export_help, po_import, po_import_help, story_texts, translation_file_name,
};

fn root() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
}

fn fixtures() -> PathBuf {
    root().join("tests/fixtures/translations")
}

fn read(path: &Path) -> String {
    std::fs::read_to_string(path).unwrap_or_else(|err| panic!("{} cannot be read: {err}", path.display()))
}

fn help() -> HelpDirectory {
    HelpDirectory::from_json(&read(&root().join("stories/help/services-uk.json"))).expect("the help loads").value
}

fn story(path: &Path) -> Story {
    Story::from_json(&read(path), &help()).unwrap_or_else(|problems| panic!("{}: {problems:#?}", path.display())).value
}

fn chat() -> Story {
    story(&fixtures().join("chat.json"))
}

fn translation(path: &Path) -> Translation {
    Translation::from_json(&read(path)).unwrap_or_else(|problems| panic!("{}: {problems:#?}", path.display())).value
}

#[test]
fn a_translation_gives_the_story_in_that_language_with_the_same_scenes_and_choices() {
    let english = chat();
    let welsh = translation(&fixtures().join("chat.cy.json")).apply(&english, &help()).expect("it applies").value;
    assert_eq!(welsh.doc().language, "cy", "the translated story says its language");
    assert_eq!(welsh.title(), "Neges gan Riley");
    let message = &welsh.doc().scenes[0];
    assert_eq!(message.text, "Mae Sam yn cael neges gan Riley.\n\nMae'n hwyr, ac mae Sam wedi blino.");
    let bubbles = &message.panels[0].bubbles;
    assert_eq!(bubbles[2].text, "elli di gadw \"cyfrinach\"?", "quotes survive the PO file");
    assert_eq!(bubbles[0].speaker, "Riley", "a name translated once applies to every bubble");
    // Only the words change: ids, the way on and the pictures are the story's own.
    let shape = |story: &Story| {
        story.doc().scenes.iter().map(|s| (s.id.clone(), s.next.clone(), s.panels.len())).collect::<Vec<_>>()
    };
    let (english_shape, welsh_shape) = (shape(&english), shape(&welsh));
    assert_eq!(english_shape.len(), welsh_shape.len());
    for ((id, _, panels), (welsh_id, _, welsh_panels)) in english_shape.iter().zip(&welsh_shape) {
        assert_eq!((id, panels), (welsh_id, welsh_panels), "scene ids and panels are kept");
    }
    assert_eq!(welsh.doc().scenes[0].panels[0].image, english.doc().scenes[0].panels[0].image);
}

#[test]
fn the_player_refuses_a_translation_that_does_not_fit_its_story() {
    let english = chat();
    for name in ["another-story.json", "entry-problems.json", "empty-title.json"] {
        let broken = translation(&fixtures().join("broken").join(name));
        let problems = broken.apply(&english, &help()).expect_err(name);
        assert!(problems.iter().all(|d| d.is_error()), "{name}: every problem is an error: {problems:#?}");
    }
    let missing = translation(&fixtures().join("broken/entry-problems.json")).apply(&english, &help()).unwrap_err();
    let codes: Vec<&str> = missing.iter().map(|d| d.code).collect();
    assert!(codes.contains(&"missing-translation") && codes.contains(&"unknown-place"), "{codes:?}");
}

#[test]
fn the_player_builds_the_same_translated_story_from_the_english_file_as_storycheck() {
    let english_source = read(&fixtures().join("chat.json"));
    let welsh = translation(&fixtures().join("chat.cy.json"));
    let in_the_player = Story::from_json_translated(&english_source, &welsh, &help()).expect("it loads").value;
    let in_storycheck = welsh.apply(&chat(), &help()).expect("it applies").value;
    assert_eq!(in_the_player, in_storycheck, "one translated story, whichever way it is built");
    for name in ["another-story.json", "entry-problems.json", "empty-title.json"] {
        let broken = translation(&fixtures().join("broken").join(name));
        let problems = Story::from_json_translated(&english_source, &broken, &help()).expect_err(name);
        assert!(problems.iter().all(|d| d.is_error()), "{name}: {problems:#?}");
    }
}

#[test]
fn the_player_reads_a_hostile_file_as_problems_and_never_panics() {
    for text in ["", "{", "[]", "null", "{\"format\": 2}", "{\"format\": 1, \"texts\": 3}", "\u{feff}{}"] {
        assert!(Translation::from_json(text).is_err(), "{text:?} is refused");
    }
}

/// Each file in `tests/fixtures/translations/broken/` is checked as a translation of `chat.json`, and what storycheck
/// would print is compared with its `.expected` file (`BLESS=1` writes them after a message changes on purpose).
#[test]
fn broken_translations_report_every_problem_at_its_line() {
    let english = chat();
    let mut names: Vec<PathBuf> = std::fs::read_dir(fixtures().join("broken"))
        .unwrap()
        .map(|entry| entry.unwrap().path())
        .filter(|path| path.extension().is_some_and(|e| e == "json"))
        .collect();
    names.sort();
    assert!(names.len() >= 8, "the broken translations are found: {names:?}");
    for path in names {
        let name = path.file_name().unwrap().to_string_lossy().into_owned();
        let found = check_translation(&read(&path), &english, &help());
        assert!(!found.is_empty(), "{name} has problems");
        let got: String = found.iter().map(|d| d.render(&name) + "\n").collect();
        let expected_path = path.with_extension("expected");
        if std::env::var_os("BLESS").is_some() {
            std::fs::write(&expected_path, &got).unwrap();
        }
        assert_eq!(got, read(&expected_path), "what storycheck reports for {name}");
    }
}

#[test]
fn an_out_of_date_text_is_a_warning_naming_its_place_and_the_english_now() {
    let found = check_translation(&read(&fixtures().join("broken/out-of-date.json")), &chat(), &help());
    let stale: Vec<_> = found.iter().filter(|d| d.code == "translation-out-of-date").collect();
    assert_eq!(stale.len(), 2, "one warning per out-of-date text: {found:#?}");
    assert!(stale.iter().all(|d| !d.is_error() && d.line.is_some()), "warnings with lines: {stale:#?}");
    assert!(stale[0].message.contains("`speakers.Riley`") && stale[1].message.contains("Dad listens and helps."));
}

#[test]
fn the_shipped_translations_check_clean_and_are_drafts_until_reviewed() {
    let mut checked = 0;
    for entry in std::fs::read_dir(root().join("stories")).unwrap() {
        let path = entry.unwrap().path();
        let name = path.file_name().unwrap().to_string_lossy().into_owned();
        let Some((story_id, language)) = translation_file_name(&name) else { continue };
        let english = story(&root().join(format!("stories/{story_id}.json")));
        let source = read(&path);
        let found = check_translation(&source, &english, &help());
        assert!(found.is_empty(), "{name}: {found:#?}");
        let translation = translation(&path);
        assert_eq!(translation.language, language, "{name}: the name and the file agree on the language");
        if translation.status == TranslationStatus::Reviewed {
            let reviewer = translation.credits.reviewed_by.as_deref().unwrap_or("");
            assert!(!reviewer.trim().is_empty(), "{name}: a reviewed translation names its reviewer");
        }
        checked += 1;
    }
    assert!(checked >= 1, "the Welsh translation of New in the game chat is shipped");
    let welsh = translation(&root().join("stories/new-in-the-game-chat.cy.json"));
    assert_eq!(welsh.status, TranslationStatus::Draft, "nobody has reviewed the Welsh yet");
    assert!(welsh.credits.note.as_deref().unwrap_or("").contains("Welsh-speaking safeguarding reviewer"));
}

#[test]
fn every_text_of_a_story_has_one_place() {
    let texts = story_texts(&chat());
    let places: Vec<&str> = texts.iter().map(|(place, _, _)| place.as_str()).collect();
    for expected in [
        "title",
        "summary",
        "content_note",
        "topics[0]",
        "scenes.message.title",
        "scenes.message.text",
        "scenes.message.teacher_notes",
        "scenes.message.panels[0].alt",
        "speakers.Riley",
        "scenes.message.panels[0].bubbles[2].text",
        "scenes.message.choices[1].label",
        "scenes.told.ending.reflection",
        "scenes.told.ending.debrief",
    ] {
        assert!(places.contains(&expected), "`{expected}` is a place: {places:?}");
    }
    let mut unique = places.clone();
    unique.sort_unstable();
    unique.dedup();
    assert_eq!(unique.len(), places.len(), "no place is listed twice (Riley speaks twice)");
}

#[test]
fn fingerprints_are_sixteen_hex_digits_of_sha256() {
    // SHA-256 of "abc" starts ba7816bf8f01cfea (FIPS 180-2's example).
    assert_eq!(fingerprint("abc"), "ba7816bf8f01cfea");
    assert_ne!(fingerprint("Tell Mum"), fingerprint("Tell Mum "), "any change to the English is seen");
}

#[test]
fn po_export_writes_the_committed_po_file_and_import_reads_it_back_entry_for_entry() {
    let english = chat();
    let committed = translation(&fixtures().join("chat.cy.json"));
    let po = po_export(&english, "cy", Some(&committed), "2026-01-15");
    let expected = read(&fixtures().join("chat.cy.po"));
    // The committed PO file is what a translator sent back; export with the committed translation writes it again.
    assert_eq!(po.trim_end(), expected.trim_end(), "po export of chat.json with chat.cy.json");
    let read_back = po_import(&po, &english, "cy", Some(&committed)).expect("it imports").value;
    assert_eq!(read_back, committed, "every entry, status and credit survives export then import");
    let fresh = po_import(&expected, &english, "cy", None).expect("a first import").value;
    assert_eq!(fresh.texts, committed.texts, "a first import gives the same texts");
    assert_eq!(fresh.credits.translators, ["Test Translator"], "the PO's Last-Translator is credited");
    assert_eq!(fresh.status, TranslationStatus::Draft, "a new translation is a draft");
}

#[test]
fn po_export_marks_out_of_date_translations_fuzzy_and_import_keeps_them_out_of_date() {
    let english = chat();
    let stale = translation(&fixtures().join("broken/out-of-date.json"));
    let po = po_export(&english, "cy", Some(&stale), "2026-01-15");
    let fuzzy_before = |ctxt: &str| {
        let at = po.find(&format!("msgctxt \"{ctxt}\"")).unwrap();
        po[..at].trim_end().ends_with("#, fuzzy")
    };
    assert!(fuzzy_before("scenes.told.text") && fuzzy_before("speakers.Riley"), "{po}");
    assert!(!fuzzy_before("scenes.told.title"), "an up-to-date text is not fuzzy");
    let again = po_import(&po, &english, "cy", Some(&stale)).unwrap().value;
    assert_eq!(again, stale, "a fuzzy entry keeps its old fingerprint, so it stays out of date");
    // Clearing the flag is the translator saying the text fits the English now.
    let confirmed = po.replacen("#, fuzzy\nmsgctxt \"scenes.told.text\"", "msgctxt \"scenes.told.text\"", 1);
    let again = po_import(&confirmed, &english, "cy", Some(&stale)).unwrap().value;
    let told = again.texts.iter().find(|t| t.place == "scenes.told.text").unwrap();
    assert_eq!(told.source, fingerprint("Dad listens and helps."));
}

#[test]
fn a_reviewed_translation_whose_texts_change_is_a_draft_again() {
    let english = chat();
    let mut reviewed = translation(&fixtures().join("chat.cy.json"));
    reviewed.status = TranslationStatus::Reviewed;
    reviewed.credits.reviewed_by = Some("A reviewer".to_owned());
    let po = po_export(&english, "cy", Some(&reviewed), "2026-01-15");
    let same = po_import(&po, &english, "cy", Some(&reviewed)).unwrap();
    assert_eq!(same.value.status, TranslationStatus::Reviewed, "nothing changed, so the review stands");
    let edited = po.replace("msgstr \"Dweud dim\"", "msgstr \"Peidio dweud dim\"");
    let changed = po_import(&edited, &english, "cy", Some(&reviewed)).unwrap();
    assert_eq!(changed.value.status, TranslationStatus::Draft);
    assert!(changed.warnings.iter().any(|d| d.code == "review-needed"), "{:#?}", changed.warnings);
}

#[test]
fn po_import_places_every_problem_at_its_line() {
    let english = chat();
    let po = read(&fixtures().join("chat.cy.po"));
    let lines: Vec<&str> = po.lines().collect();
    let line_of = |needle: &str| lines.iter().position(|line| line.contains(needle)).unwrap() + 1;
    let broken = po
        .replace("msgctxt \"scenes.told.title\"", "msgctxt \"scenes.told.titel\"")
        .replace("msgstr \"Dweud dim\"", "msgstr \"Dweud \\q dim\"")
        .replace("msgid \"Sam keeps worrying.\"", "msgid \"Sam keeps worrying.\" stray");
    let problems = po_import(&broken, &english, "cy", None).expect_err("the broken PO is refused");
    let at: Vec<(Option<usize>, &str)> = problems.iter().map(|d| (d.line, d.code)).collect();
    assert!(at.contains(&(Some(line_of("msgstr \"Dweud dim\"")), "po-syntax")), "{problems:#?}");
    assert!(at.contains(&(Some(line_of("msgid \"Sam keeps worrying.\"")), "po-syntax")), "{problems:#?}");
    // Syntax first: once the file reads, a place the story does not have is named with a suggestion.
    let unknown = po.replace("msgctxt \"scenes.told.title\"", "msgctxt \"scenes.told.titel\"");
    let problems = po_import(&unknown, &english, "cy", None).unwrap_err();
    assert_eq!(problems.len(), 1, "{problems:#?}");
    assert_eq!(problems[0].line, Some(line_of("msgctxt \"scenes.told.title\"")));
    assert!(problems[0].message.contains("did you mean `scenes.told.title`?"), "{}", problems[0].message);
    let welsh_for_polish = po_import(&po, &english, "pl", None).unwrap_err();
    assert_eq!(welsh_for_polish[0].code, "po-language");
    // A lone quote is a line an editor can leave behind; it is a problem at its line, never a panic.
    let lone = po.replacen("msgstr \"Neges\"", "msgstr \"Neges\"\n\"", 1);
    assert_eq!(po_import(&lone, &english, "cy", None).unwrap_err()[0].code, "po-syntax");
    let plural = po.replacen("msgstr \"Neges\"", "msgid_plural \"Messages\"\nmsgstr[0] \"Neges\"", 1);
    assert_eq!(po_import(&plural, &english, "cy", None).unwrap_err()[0].code, "po-plural");
}

/// gettext's own checker reads what `po export` writes as a valid PO file with a complete header, for the shipped
/// Welsh story as well as the fixture. msgfmt comes with Debian's `gettext`, which `scripts/setup.sh` installs.
#[test]
fn msgfmt_check_accepts_what_po_export_writes() {
    let Ok(version) = Command::new("msgfmt").arg("--version").output() else {
        panic!("msgfmt is not installed: run scripts/setup.sh (it installs Debian's gettext)");
    };
    assert!(version.status.success());
    let dir = std::env::temp_dir().join(format!("po-export-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let game = story(&root().join("stories/new-in-the-game-chat.json"));
    let welsh = translation(&root().join("stories/new-in-the-game-chat.cy.json"));
    let chat_po = po_export(&chat(), "cy", Some(&translation(&fixtures().join("chat.cy.json"))), "2026-01-15");
    let welsh_help = translation(&root().join("stories/help/services-uk.cy.json"));
    for (name, po) in [
        ("services-uk.cy.po", po_export_help("services-uk", &help(), "cy", Some(&welsh_help), "2026-01-15")),
        ("game.cy.po", po_export(&game, "cy", Some(&welsh), "2026-01-15")),
        ("game.pl.po", po_export(&game, "pl", None, "2026-01-15")),
        ("chat.cy.po", chat_po),
    ] {
        let path = dir.join(name);
        std::fs::write(&path, &po).unwrap();
        let output = Command::new("msgfmt")
            .args(["--check", "--check-header", "-o", "/dev/null"])
            .arg(&path)
            .output()
            .expect("msgfmt runs");
        let said = String::from_utf8_lossy(&output.stderr);
        assert!(output.status.success() && said.trim().is_empty(), "msgfmt --check on {name}:\n{said}");
    }
    std::fs::remove_dir_all(&dir).ok();
}

#[test]
fn a_reader_is_offered_reviewed_translations_and_drafts_only_with_the_drafts_switch() {
    let index = LibraryIndex::from_json(&read(&fixtures().join("library-with-translations.json"))).unwrap().value;
    let entry = &index.stories[0];
    let offered = |drafts: bool| entry.offered_translations(drafts).map(|t| t.language.as_str()).collect::<Vec<_>>();
    assert_eq!(offered(false), ["pl"], "without ?drafts only the reviewed translation");
    assert_eq!(offered(true), ["cy", "pl"], "with ?drafts the draft too");
    assert!(entry.offered_translation("cy", false).is_none(), "a draft asked for by name is not offered");
    assert_eq!(entry.offered_translation("cy", true).map(|t| t.file.as_str()), Some("stories/chat.cy.json"));
    assert!(entry.offered_translation("fr", true).is_none(), "no translation, nothing offered");
    // The shipped library lists the Welsh draft, which nobody sees without ?drafts.
    let shipped = LibraryIndex::from_json(&read(&root().join("stories/library/index.json"))).unwrap().value;
    let game = shipped.stories.iter().find(|s| s.id == "new-in-the-game-chat").unwrap();
    assert_eq!(game.translations.len(), 1);
    assert_eq!(game.offered_translations(false).count(), 0);
    assert_eq!(game.offered_translation("cy", true).map(|t| t.status), Some(TranslationStatus::Draft));
}

#[test]
fn storycheck_checks_a_translation_beside_its_story_and_lists_it_in_the_index() {
    let storycheck = |args: &[&str]| {
        Command::new(env!("CARGO_BIN_EXE_storycheck")).args(args).current_dir(root()).output().expect("runs")
    };
    let output = storycheck(&["tests/fixtures/translations/chat.cy.json"]);
    assert!(output.status.success(), "{}", String::from_utf8_lossy(&output.stdout));
    let output = storycheck(&["index", "stories/new-in-the-game-chat.json", "stories/new-in-the-game-chat.cy.json"]);
    let index = LibraryIndex::from_json(&String::from_utf8_lossy(&output.stdout)).expect("an index").value;
    assert_eq!(index.stories[0].translations[0].file, "stories/new-in-the-game-chat.cy.json");
    let output = storycheck(&["po", "export", "stories/new-in-the-game-chat.json", "--lang", "cy"]);
    let po = String::from_utf8_lossy(&output.stdout);
    assert!(po.contains("\"Language: cy\\n\"") && po.contains("msgstr \"Newydd yn sgwrs y gêm\""), "{po}");
}

#[test]
fn the_welsh_help_file_translates_every_text_and_keeps_every_fact_and_address() {
    let english_source = read(&root().join("stories/help/services-uk.json"));
    let english = help();
    let source = read(&root().join("stories/help/services-uk.cy.json"));
    let found = check_help_translation(&source, &english, "services-uk");
    assert!(found.is_empty(), "{found:#?}");
    let translation = translation(&root().join("stories/help/services-uk.cy.json"));
    assert_eq!(translation.status, TranslationStatus::Draft, "nobody has reviewed the Welsh help yet");
    assert_eq!(translation.texts.len(), help_texts(&english).len(), "every text of the help file");
    let welsh = HelpDirectory::from_json_translated(&english_source, &translation).expect("it loads").value;
    assert_eq!(welsh.get("emergency").unwrap().name, "Heddlu: 999 mewn argyfwng");
    assert_eq!(welsh.for_adults.as_ref().unwrap().heading, "I'r oedolion o dy gwmpas");
    // Only words change: the numbers dialled, the addresses, the sources and dates, and the order stay the English.
    for (english, welsh) in english.services.iter().zip(&welsh.services) {
        assert_eq!(english.id, welsh.id);
        assert_eq!(english.phone, welsh.phone, "{}: the same number", english.id);
        let urls = |service: &safety_stories::engine::HelpService| {
            service.links.iter().map(|link| link.url.clone()).collect::<Vec<_>>()
        };
        assert_eq!(urls(english), urls(welsh), "{}: the same addresses", english.id);
        assert_eq!((&english.checked, &english.source), (&welsh.checked, &welsh.source), "{}", english.id);
        assert_eq!(english.facts, welsh.facts, "{}: the same checked facts", english.id);
    }
    // A service name that carries its number says the same number in Welsh.
    assert!(welsh.get("emergency").unwrap().name.contains("999"));
}

#[test]
fn a_help_translation_out_of_step_with_the_help_file_is_reported() {
    let english = help();
    let source = read(&root().join("stories/help/services-uk.cy.json"));
    let stale = source.replacen(&fingerprint(&english.services[1].what_for), "0123456789abcdef", 1);
    let found = check_help_translation(&stale, &english, "services-uk");
    assert_eq!(found.len(), 1, "{found:#?}");
    assert_eq!((found[0].code, found[0].is_error()), ("translation-out-of-date", false));
    assert!(found[0].message.contains("`services.childline.what_for`"), "{}", found[0].message);
    let mut translation = translation(&root().join("stories/help/services-uk.cy.json"));
    translation.texts.retain(|text| text.place != "services.childline.hours");
    let english_source = read(&root().join("stories/help/services-uk.json"));
    let problems = HelpDirectory::from_json_translated(&english_source, &translation).expect_err("a text is missing");
    assert_eq!(problems[0].code, "missing-translation");
    // A translated name in look-alike letters is refused as the help file's own check refuses it.
    let lookalike = source.replacen("\"text\": \"Childline\"", "\"text\": \"Сhildline\"", 1);
    assert_ne!(lookalike, source, "the fixture has Childline's name");
    let found = check_help_translation(&lookalike, &english, "services-uk");
    assert!(found.iter().any(|d| d.is_error() && d.message.contains("another alphabet")), "{found:#?}");
    // A name that carries a number keeps it: the name may never say another number than the one dialled.
    let renumbered = source.replacen("Heddlu: 999 mewn argyfwng", "Heddlu: 112 mewn argyfwng", 1);
    let found = check_help_translation(&renumbered, &english, "services-uk");
    assert!(found.iter().any(|d| d.is_error() && d.message.contains("must keep the numbers")), "{found:#?}");
}

mod never_panics {
    use super::*;
    use proptest::prelude::*;

    /// Lines a PO file is made of, and ones an editor or a hostile sender could leave, in any order.
    fn po_line() -> impl Strategy<Value = String> {
        prop_oneof![
            Just(String::new()),
            Just("\"".to_owned()),
            Just("#, fuzzy".to_owned()),
            Just("#~ msgid \"old\"".to_owned()),
            Just("msgstr[0] \"x\"".to_owned()),
            Just("msgctxt \"title\"".to_owned()),
            Just("msgctxt \"speakers.Riley\"".to_owned()),
            Just("msgid \"A message from Riley\"".to_owned()),
            "[a-z\\[\\]\" \\\\#]{0,12}".prop_map(|tail| format!("msgstr \"{tail}")),
            "\\PC{0,16}",
        ]
    }

    proptest! {
        #![proptest_config(ProptestConfig::with_cases(300))]

        #[test]
        fn po_import_never_panics(lines in prop::collection::vec(po_line(), 0..24)) {
            let _ = po_import(&lines.join("\n"), &chat(), "cy", None);
        }

        #[test]
        fn reading_and_applying_a_translation_never_panics(text in "\\PC{0,200}", place in "[a-z.\\[\\]0-9-]{0,30}") {
            let _ = Translation::from_json(&text);
            let shaped = format!(
                r#"{{"format":1,"story":"chat","language":"cy","status":"draft","credits":{{"translators":["t"]}},
                "texts":[{{"place":"{place}","source":"0123456789abcdef","text":"x"}}]}}"#
            );
            if let Ok(loaded) = Translation::from_json(&shaped) {
                let _ = loaded.value.apply(&chat(), &help());
                let _ = check_translation(&shaped, &chat(), &help());
            }
        }
    }
}

#[test]
fn the_help_file_goes_to_po_and_back_with_a_note_to_keep_each_fact() {
    let english = help();
    let welsh = translation(&root().join("stories/help/services-uk.cy.json"));
    let po = po_export_help("services-uk", &english, "cy", Some(&welsh), "2026-01-15");
    let hours = po.find("msgctxt \"services.nspcc.hours\"").expect("the NSPCC's hours are an entry");
    assert!(po[..hours].trim_end().ends_with("keep every number, day and time."), "a note before each fact");
    let back = po_import_help(&po, "services-uk", &english, "cy", Some(&welsh)).expect("it imports").value;
    assert_eq!(back, welsh, "every entry, status, credit and the schema's path survive");
    let fresh = po_import_help(&po, "services-uk", &english, "cy", None).expect("a first import").value;
    assert_eq!(fresh.schema.as_deref(), Some("../schema/translation-v1.schema.json"), "from stories/help/");
    assert_eq!(fresh.texts, welsh.texts);
}
