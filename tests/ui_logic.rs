//! The player's logic, natively: routes, the keys, the reducer and following an address. None of it needs a
//! browser (see `src/ui/browser/` for what does); the components that draw it are tested in `components.rs`.

use std::rc::Rc;

use safety_stories::engine::{EndingKind, HelpDirectory, Page, Playthrough, Story};
use safety_stories::ui::authoring::preview;
use safety_stories::ui::browser::address::Query;
use safety_stories::ui::browser::keyboard::Key;
use safety_stories::ui::classroom::presenter_controls::{PresentKey, present_key};
use safety_stories::ui::embed::embed_page::snippet;
use safety_stories::ui::embed::page_options::PageOptions;
use safety_stories::ui::reader::choice_list::choice_for_key;
use safety_stories::ui::reader::exit_this_page::ShiftCounter;
use safety_stories::ui::route::Route;
use safety_stories::ui::state::{Action, Loading, Presentation, State};
use yew::Reducible;

const HELP: &str = include_str!("../stories/help/services-uk.json");

fn help() -> HelpDirectory {
    HelpDirectory::from_json(HELP).unwrap().value
}

/// A state with `story` loaded and the reader at `scene`.
fn at(file: &str, scene: &str) -> Rc<State> {
    let story = Story::from_json(&std::fs::read_to_string(file).unwrap(), &help()).unwrap().value;
    let id = story.id().to_owned();
    let mut state = State::default();
    state.stories.insert(id.clone(), Loading::Ready(Rc::new(story)));
    Rc::new(state).reduce(Action::Begin { story: id, saved: None, at: Some(page(scene, None)) })
}

/// The page of `scene` with the story's starting flags, or with `flags` (a path segment).
fn page(scene: &str, flags: Option<&str>) -> Page {
    Page { scene: scene.into(), flags: flags.map(Into::into) }
}

fn reading(scene: &str) -> Rc<State> {
    at(concat!(env!("CARGO_MANIFEST_DIR"), "/stories/sharing-an-image.json"), scene)
}

fn tiny(scene: &str) -> Rc<State> {
    at(concat!(env!("CARGO_MANIFEST_DIR"), "/tests/fixtures/tiny.json"), scene)
}

fn scene_of(state: &State) -> String {
    state.reading().map(|(story, play)| play.scene_id(story).to_owned()).unwrap_or_default()
}

#[test]
fn shift_three_times_exits_and_other_keys_reset() {
    let mut counter = ShiftCounter::default();
    assert!(!counter.press("Shift", 0.0));
    assert!(!counter.press("Shift", 1_000.0));
    assert!(counter.press("Shift", 2_000.0));
    assert!(!counter.press("Shift", 3_000.0));
    assert!(!counter.press("a", 3_100.0));
    assert!(!counter.press("Shift", 3_200.0));
    assert!(!counter.press("Shift", 9_000.0), "more than five seconds since the last press starts again");
    assert!(!counter.press("Shift", 9_500.0));
    assert!(counter.press("Shift", 10_000.0));
}

#[test]
fn ending_kinds_have_reader_facing_labels_that_say_what_happened_and_never_grade_the_reader() {
    use safety_stories::ui::words::ending_kind;
    assert_eq!(ending_kind(EndingKind::Mixed), "An ending where it isn't over yet");
    let grading = [
        "good", "bad", "hard", "happy", "sad", "best", "worst", "positive", "negative", "fail", "win", "lose", "wrong",
        "mistake",
    ];
    for &kind in EndingKind::ALL {
        let label = ending_kind(kind).to_lowercase();
        assert!(
            !label.split(|c: char| !c.is_alphanumeric()).any(|w| grading.contains(&w)),
            "\"{label}\" grades the reader"
        );
    }
}

#[test]
fn the_embed_snippet_is_sandboxed_titled_and_names_the_story() {
    let code = snippet("https://example.org/stories/", "sharing-an-image", "Just one picture", "", true);
    assert!(code.starts_with("<iframe src=\"https://example.org/stories/?embed&story=sharing-an-image\""));
    assert!(code.contains("title=\"Just one picture: an interactive story with help links\""));
    assert!(code.contains("allow-top-navigation-by-user-activation"));
    assert!(code.ends_with("<script src=\"https://example.org/stories/assets/embed/embed.js\" async></script>"));
    let with_config = snippet("https://example.org/", "x", "X", "branding/c.json", false);
    assert!(with_config.contains("?embed&story=x&config=branding/c.json\""));
    assert!(!with_config.contains("<script"));
}

#[test]
fn hashes_and_routes_round_trip() {
    for route in [
        Route::Library,
        Route::Help,
        Route::Intro { id: "sharing-an-image".into() },
        Route::Scene { id: "sharing-an-image".into(), scene: "the-ask".into(), flags: None },
        Route::Scene { id: "sharing-an-image".into(), scene: "pressure".into(), flags: Some("asked_jordan".into()) },
    ] {
        assert_eq!(Route::from_hash(&route.href()), route);
    }
    // The teacher's screens are on their own page; their hashes read back the same there.
    for route in [
        Route::Embed,
        Route::Preview,
        Route::Present { id: "sharing-an-image".into(), scene: "the-ask".into() },
        Route::TeacherNotes { id: "sharing-an-image".into() },
        Route::LessonPack { id: "sharing-an-image".into() },
    ] {
        let href = route.href();
        let hash = &href[href.find('#').unwrap()..];
        assert_eq!(Route::from_hash(hash), route);
    }
    assert_eq!(Route::LessonPack { id: "x".into() }.href(), "teacher.html#/lesson/x");
    assert_eq!(Route::Present { id: "x".into(), scene: "y".into() }.href(), "teacher.html#/present/x/y");
    assert_eq!(Route::Embed.href(), "teacher.html#/embed");
    assert_eq!(Route::Preview.href(), "teacher.html#/preview");
    assert!(Route::Preview.is_on_teachers_page(), "the preview of an author's story is on the teacher's page only");
    assert_eq!(Route::from_hash(""), Route::Library);
    assert_eq!(Route::from_hash("#main-content"), Route::Library, "the skip link's target is not a route");
    assert_eq!(Route::from_hash("#/story/"), Route::Library);
}

#[test]
fn a_class_vote_counts_hands_per_option_and_ends_when_the_story_moves_on() {
    let state = reading("the-ask").reduce(Action::ToggleVote);
    assert_eq!(state.presentation.vote, Some(vec![0, 0, 0]), "one count per offered choice");
    let hand = |state: Rc<State>, position, up| state.reduce(Action::CountHand { position, up });
    let state = hand(hand(hand(state, 0, true), 0, true), 2, true);
    let state = hand(hand(state, 1, false), 7, true);
    assert_eq!(
        state.presentation.vote,
        Some(vec![2, 0, 1]),
        "never below zero, and no count for an option not offered"
    );
    let state = state.reduce(Action::ToggleBlack).reduce(Action::Choose(1));
    assert_eq!(state.presentation, Presentation::default(), "a new scene starts with no vote and no black screen");

    let no_vote_without_a_decision = reading("messages").reduce(Action::ToggleVote);
    assert_eq!(no_vote_without_a_decision.presentation.vote, None);
}

#[test]
fn a_class_vote_is_anonymous_unless_the_teacher_chooses_hands_and_never_on_a_sensitive_decision() {
    let open = reading("the-ask").reduce(Action::ToggleVote);
    assert!(!open.presentation.hands, "every vote starts anonymous");
    let hands = open.reduce(Action::ToggleHands);
    assert!(hands.presentation.hands, "the teacher may choose a show of hands at a decision with nothing sensitive");
    assert!(!hands.reduce(Action::ToggleHands).presentation.hands, "and go back to anonymous");
    assert!(
        !reading("the-ask").reduce(Action::ToggleHands).presentation.hands,
        "no show of hands without an open vote"
    );

    // "Send the picture" is marked sensitive in the story file, so this vote can never be a show of hands.
    let sensitive = reading("pressure").reduce(Action::ToggleVote).reduce(Action::ToggleHands);
    assert!(sensitive.presentation.vote.is_some());
    assert!(!sensitive.presentation.hands, "a decision with a sensitive choice stays anonymous");
}

#[test]
fn the_other_window_of_a_class_moves_this_one_but_progress_from_elsewhere_is_ignored() {
    let there = reading("the-ask").reduce(Action::Choose(0));
    let (story, play) = there.reading().unwrap();
    let progress = play.to_json(story);
    let class = Presentation { black: true, vote: None, hands: false };
    let here = reading("messages").reduce(Action::Adopt {
        story: "sharing-an-image".into(),
        progress,
        presentation: class.clone(),
    });
    let (story, play) = here.reading().unwrap();
    assert_eq!(play.scene_id(story), "say-no");
    assert_eq!(here.presentation, class);
    assert!(here.announcement.contains(&play.scene(story).title));

    let unchanged = here.clone().reduce(Action::Adopt {
        story: "sharing-an-image".into(),
        progress: "{\"format\": 99}".into(),
        presentation: Presentation::default(),
    });
    assert!(Rc::ptr_eq(&here, &unchanged), "progress that does not fit the story changes nothing");
}

#[test]
fn a_vote_from_the_other_window_must_fit_the_choices_on_offer_and_its_sum_cannot_overflow() {
    let there = reading("the-ask");
    let (story, play) = there.reading().unwrap();
    let progress = play.to_json(story);
    let adopt = |vote: Vec<u32>| {
        reading("messages").reduce(Action::Adopt {
            story: "sharing-an-image".into(),
            progress: progress.clone(),
            presentation: Presentation { black: false, vote: Some(vote), hands: false },
        })
    };
    let huge = adopt(vec![u32::MAX, u32::MAX, 3]);
    assert_eq!(huge.presentation.vote, Some(vec![u32::MAX, u32::MAX, 3]), "three counts for three choices are kept");
    assert_eq!(
        huge.presentation.votes_counted(),
        u32::MAX,
        "the total stops at the largest count instead of overflowing"
    );
    let long = adopt(vec![1; 2_000_000]);
    assert_eq!(long.presentation.vote, None, "a vote with more counts than choices is dropped");
    assert_eq!(
        long.reading().map(|(s, p)| p.scene_id(s).to_owned()).as_deref(),
        Some("the-ask"),
        "the place is still followed"
    );
    assert_eq!(adopt(vec![1]).presentation.vote, None, "a vote with fewer counts than choices is dropped");
}

#[test]
fn the_embed_snippet_escapes_the_title_and_leaves_out_a_config_the_player_would_refuse() {
    let code = snippet("https://example.org/stories/", "x", "Tom \"&\" <Jerry>", "x.json\" onload=\"alert(1)", false);
    assert!(
        code.contains("title=\"Tom &quot;&amp;&quot; &lt;Jerry&gt;: an interactive story with help links\""),
        "{code}"
    );
    assert!(code.starts_with("<iframe src=\"https://example.org/stories/?embed&story=x\" "), "{code}");
    assert!(!code.contains("onload"), "{code}");
    for refused in [" //evil.example/c.json", "/c.json", "../c.json", "c.txt"] {
        assert!(!snippet("https://example.org/", "x", "X", refused, false).contains("config="), "{refused}");
    }
}

#[test]
fn the_old_addresses_of_the_teachers_screens_still_open_them() {
    // Shared links and bookmarks keep the addresses from before the routes were renamed.
    assert_eq!(Route::from_hash("#/presenter/sharing-an-image"), Route::TeacherNotes { id: "sharing-an-image".into() });
    assert_eq!(Route::from_hash("#/lesson/sharing-an-image"), Route::LessonPack { id: "sharing-an-image".into() });
    assert_eq!(Route::TeacherNotes { id: "x".into() }.href(), "teacher.html#/presenter/x");
    assert!(Route::TeacherNotes { id: "x".into() }.is_on_teachers_page());
    assert!(!Route::Scene { id: "x".into(), scene: "y".into(), flags: None }.is_on_teachers_page());
}

fn key(name: &str) -> Key {
    Key { name: name.into(), ..Key::default() }
}

#[test]
fn keys_one_to_nine_pick_the_choice_at_that_position_unless_meant_for_something_else() {
    let offered = [0, 2, 3];
    assert_eq!(choice_for_key(&key("1"), &offered), Some(0));
    assert_eq!(choice_for_key(&key("3"), &offered), Some(3), "the position among the offered choices, not the index");
    assert_eq!(choice_for_key(&key("4"), &offered), None, "no fourth choice");
    assert_eq!(choice_for_key(&key("0"), &offered), None);
    assert_eq!(choice_for_key(&key("a"), &offered), None);
    assert_eq!(choice_for_key(&key("F1"), &offered), None);
    assert_eq!(choice_for_key(&Key { modifier: true, ..key("1") }, &offered), None, "Ctrl+1 belongs to the browser");
    assert_eq!(choice_for_key(&Key { for_focused: true, ..key("1") }, &offered), None, "typing in a field");
}

#[test]
fn presentation_keys_move_the_story_and_work_the_controls() {
    assert!(matches!(present_key(&key("PageDown")), (Some(Action::Continue), None)), "a clicker's forward button");
    assert!(matches!(present_key(&key(" ")), (Some(Action::Continue), None)));
    assert!(matches!(present_key(&key("PageUp")), (Some(Action::Back), None)));
    assert!(matches!(present_key(&key(".")), (Some(Action::ToggleBlack), None)));
    assert!(matches!(present_key(&key("v")), (Some(Action::ToggleVote), None)));
    assert!(matches!(present_key(&key("N")), (None, Some(PresentKey::TeacherNotes))));
    assert!(matches!(present_key(&key("?")), (None, Some(PresentKey::KeyList))));
    assert!(matches!(present_key(&key("Escape")), (None, Some(PresentKey::Leave))));
    assert!(matches!(present_key(&key("f")), (None, Some(PresentKey::Fullscreen))));
    assert!(matches!(present_key(&key("x")), (None, None)));
    assert!(matches!(present_key(&Key { modifier: true, ..key("b") }), (None, None)), "Ctrl+B is not a pause");
    assert!(
        matches!(present_key(&Key { for_focused: true, ..key(" ") }), (None, None)),
        "Space on a button presses it"
    );
}

#[test]
fn following_an_address_moves_the_reader_the_way_the_address_went() {
    let start = tiny("message");
    let chose = start.clone().reduce(Action::FollowAddress(page("told", Some("told_someone"))));
    assert_eq!(scene_of(&chose), "told", "forward to a scene a choice leads to: that choice is made");
    let (story, play) = chose.reading().unwrap();
    assert_eq!(play.transcript(story)[0].picked.as_deref(), Some("Tell someone"));

    let went_on = chose.reduce(Action::FollowAddress(page("later", Some("told_someone"))));
    assert_eq!(scene_of(&went_on), "later", "forward to the next scene: the story continues");
    let (story, play) = went_on.reading().unwrap();
    assert_eq!(
        play.choices(story).iter().map(|c| c.label.as_str()).collect::<Vec<_>>(),
        ["Feel relieved", "Talk to Childline"],
        "the flags the choice set are kept"
    );

    let back = went_on.clone().reduce(Action::FollowAddress(page("message", None)));
    assert_eq!(scene_of(&back), "message", "back to a scene already seen: back through the history");
    let (story, play) = back.reading().unwrap();
    assert_eq!(play.transcript(story).len(), 1, "the steps after it are undone");

    let elsewhere = start.clone().reduce(Action::FollowAddress(page("hard-end", None)));
    assert_eq!(scene_of(&elsewhere), "hard-end", "any other scene of the story: opened there");

    for ignored in ["message", "no-such-scene", ""] {
        let same = start.clone().reduce(Action::FollowAddress(page(ignored, None)));
        assert!(Rc::ptr_eq(&start, &same), "{ignored:?}: the same scene or an unknown one changes nothing");
    }
}

#[test]
fn the_reducer_only_begins_a_story_that_has_loaded_and_restores_progress_that_fits() {
    let empty = Rc::new(State::default());
    let same = empty.clone().reduce(Action::Begin { story: "tiny".into(), saved: None, at: None });
    assert!(Rc::ptr_eq(&empty, &same), "a story that has not loaded cannot begin");

    let there = tiny("message").reduce(Action::Choose(0));
    let (story, play) = there.reading().unwrap();
    let saved = play.to_json(story);
    let mut fresh = (*tiny("message")).clone();
    fresh.play = None;
    let restored = Rc::new(fresh.clone()).reduce(Action::Begin {
        story: "tiny".into(),
        saved: Some(saved.clone()),
        at: Some(page("told", Some("told_someone"))),
    });
    assert_eq!(scene_of(&restored), "told");
    assert_eq!(restored.announcement, "Now: You told someone");
    let linked = Rc::new(fresh.clone()).reduce(Action::Begin {
        story: "tiny".into(),
        saved: Some(saved),
        at: Some(page("ignored", None)),
    });
    assert_eq!(scene_of(&linked), "ignored", "a link to another scene wins over saved progress");
    let broken = Rc::new(fresh).reduce(Action::Begin { story: "tiny".into(), saved: Some("{".into()), at: None });
    assert_eq!(scene_of(&broken), "message", "progress that does not fit starts the story");
    let again = restored.reduce(Action::StartOver("tiny".into()));
    assert_eq!(scene_of(&again), "message");
    assert_eq!(again.announcement, "Started again: A message");
}

#[test]
fn the_address_options_never_keep_an_id_or_a_config_that_could_not_be_real() {
    let options = PageOptions::from_query(Query {
        embed: true,
        story: Some("sharing-an-image".into()),
        config: Some("branding/site.json".into()),
    });
    assert!(options.embedded);
    assert_eq!(options.story, Some(Some("sharing-an-image".into())));
    assert_eq!(options.config.as_deref(), Some("branding/site.json"));
    assert!(!options.config_refused);

    let hostile = PageOptions::from_query(Query {
        embed: false,
        story: Some("<script>".into()),
        config: Some("//evil.example/c.json".into()),
    });
    assert_eq!(hostile.story, Some(None), "an id that cannot exist stands for no story, and is not kept");
    assert_eq!(hostile.config, None, "a config that is not a plain path here is not fetched");
    assert!(hostile.config_refused);

    let empty =
        PageOptions::from_query(Query { embed: false, story: Some(String::new()), config: Some(String::new()) });
    assert_eq!(empty, PageOptions::default(), "empty values ask for nothing");
}

#[test]
fn a_page_path_reads_back_as_its_route_and_links_are_relative_to_the_page_they_are_on() {
    let scene = Route::Scene { id: "sharing-an-image".into(), scene: "the-ask".into(), flags: None };
    let flagged =
        Route::Scene { id: "sharing-an-image".into(), scene: "pressure".into(), flags: Some("asked_jordan".into()) };
    let intro = Route::Intro { id: "sharing-an-image".into() };
    for (route, path, depth) in [
        (Route::Library, "", 0),
        (Route::Help, "help/", 1),
        (intro.clone(), "story/sharing-an-image/", 2),
        (scene.clone(), "story/sharing-an-image/the-ask/", 3),
        (flagged.clone(), "story/sharing-an-image/pressure/asked_jordan/", 4),
    ] {
        assert_eq!(route.path(), path);
        assert_eq!(route.depth(), depth, "{path}");
        assert_eq!(Route::from_path(path), Some(route.clone()), "{path}");
        assert_eq!(Route::from_path(&format!("{path}index.html")), Some(route), "{path}index.html");
    }
    for not_a_page in
        ["help", "story/", "story//x/", "story/a/b/c/d/", "about.html", "teacher.html", "assets/x.svg", "story/a"]
    {
        assert_eq!(Route::from_path(not_a_page), None, "{not_a_page:?} is not one of the player's pages");
    }
    assert_eq!(scene.link(&Route::Help), "../../../help/");
    assert_eq!(scene.link(&flagged), "../../../story/sharing-an-image/pressure/asked_jordan/");
    assert_eq!(flagged.link(&Route::Library), "../../../../");
    assert_eq!(Route::Library.link(&Route::Library), "./", "an empty link would be this page, whatever it is");
    assert_eq!(Route::Library.link(&intro), "story/sharing-an-image/");
    assert_eq!(
        intro.link(&Route::LessonPack { id: "sharing-an-image".into() }),
        "../../teacher.html#/lesson/sharing-an-image"
    );
    assert_eq!(scene.up(), "../../../");
    assert_eq!(
        Route::from_hash("#/story/sharing-an-image/pressure/asked_jordan"),
        flagged,
        "an old address with flags"
    );
}

#[test]
fn a_prerendered_page_is_drawn_from_the_same_state_on_the_server_and_in_the_browser() {
    let story = Story::from_json(
        &std::fs::read_to_string(concat!(env!("CARGO_MANIFEST_DIR"), "/tests/fixtures/tiny.json")).unwrap(),
        &help(),
    )
    .unwrap()
    .value;
    let library = safety_stories::engine::LibraryIndex::from_json(
        &std::fs::read_to_string(concat!(env!("CARGO_MANIFEST_DIR"), "/stories/library/index.json")).unwrap(),
    )
    .unwrap()
    .value;
    let route = Route::Scene { id: "tiny".into(), scene: "later".into(), flags: Some("told_someone".into()) };
    let state = State::for_page(route.clone(), library, Some(help()), Some(story));
    assert_eq!(state.route, route);
    let (story, play) = state.reading().expect("a scene's page is drawn with a playthrough at it");
    assert_eq!(play.page(story), page("later", Some("told_someone")));
    assert_eq!(play.steps_taken(), 1, "nothing from this tab's saved progress");
    assert!(state.site.is_none() && state.announcement.is_empty() && !state.options.embedded);

    // Saved progress at the same page takes its place once the page is taken over, which brings back Back.
    let mut earlier = Playthrough::start(story);
    earlier.choose(story, 0).unwrap();
    earlier.go_on(story).unwrap();
    let saved = earlier.to_json(story);
    let resumed = Rc::new(state.clone()).reduce(Action::Resume { story: "tiny".into(), saved: Some(saved) });
    assert_eq!(resumed.reading().unwrap().1.steps_taken(), 3);
    let elsewhere = Playthrough::start(story).to_json(story);
    let same = Rc::new(state).reduce(Action::Resume { story: "tiny".into(), saved: Some(elsewhere) });
    assert_eq!(same.reading().unwrap().1.steps_taken(), 1, "progress at another page is left for the story's start");
}

/// A file from the preview's fixtures (tests/fixtures/preview/), as an author would choose it.
fn preview_fixture(name: &str) -> String {
    std::fs::read_to_string(format!("tests/fixtures/preview/{name}")).unwrap()
}

#[test]
fn the_preview_words_each_problem_as_storycheck_does_and_shows_its_line_marked_at_the_column() {
    let checked = preview::check("three-errors.json", &preview_fixture("three-errors.json"), &help());
    assert_eq!(checked.errors(), 3, "a missing target, an empty alt text and a duplicate scene id: {checked:#?}");
    assert!(checked.story.is_none() && checked.stats.is_none(), "a story with errors is neither played nor measured");
    let missing = &checked.problems[1];
    assert!(
        missing
            .text
            .starts_with("three-errors.json:37:13: error: scene `reportd` does not exist; did you mean `reported`?"),
        "{}",
        missing.text
    );
    let line = missing.line.as_ref().expect("the problem's line is shown");
    assert_eq!((line.number, line.text.as_str()), (37, r#""to": "reportd""#), "shown without its indentation");
    assert_eq!(line.at, Some(0), "the mark is under column 13, the first character after the indentation");
}

#[test]
fn a_clean_story_in_the_preview_has_no_problems_and_its_statistics() {
    let checked = preview::check("my-own-story.json", &preview_fixture("my-own-story.json"), &help());
    assert_eq!(checked.problems, vec![]);
    let stats = checked.stats.expect("a clean story is measured");
    assert_eq!((stats.scenes, stats.endings, stats.decision_points), (4, 2, 1));
}

#[test]
fn chosen_pictures_are_matched_by_their_path_in_a_folder_or_by_their_name() {
    let chosen = vec![
        ("my-folder/assets/my-own-story/chat.svg".to_owned(), "blob:a".to_owned()),
        ("cover.png".to_owned(), "blob:b".to_owned()),
    ];
    assert_eq!(preview::picture_for("assets/my-own-story/chat.svg", &chosen), Some("blob:a"));
    assert_eq!(preview::picture_for("assets/my-own-story/cover.png", &chosen), Some("blob:b"), "a file chosen alone");
    assert_eq!(preview::picture_for("assets/my-own-story/ask.png", &chosen), None);
    let story = Story::from_json(&preview_fixture("my-own-story.json"), &help()).unwrap().value;
    assert_eq!(preview::missing_pictures(&story, &[]), vec!["assets/my-own-story/chat.svg".to_owned()]);
    assert_eq!(preview::missing_pictures(&story, &chosen), Vec::<String>::new());
    let panel = &story.scenes()[0].panels[0];
    assert_eq!(preview::with_chosen_picture(panel, &chosen).image, "blob:a");
    assert_eq!(
        preview::with_chosen_picture(panel, &[]).image,
        preview::NOT_CHOSEN,
        "a picture not chosen is never asked of the site, which would name the story in a request"
    );
}

#[test]
fn a_reloaded_story_keeps_the_readers_scene_when_it_is_still_there_and_starts_again_when_it_is_not() {
    let before = Story::from_json(&preview_fixture("my-own-story.json"), &help()).unwrap().value;
    let after = Story::from_json(&preview_fixture("my-own-story-changed.json"), &help()).unwrap().value;
    let mut play = Playthrough::start(&before);
    play.choose(&before, 0).unwrap();
    let kept = preview::keep_place(Some((&before, &play)), &after);
    assert_eq!(kept.scene(&after).title, "Sam tells their aunt straight away", "the same scene, as changed");
    assert_eq!(kept.steps_taken(), play.steps_taken(), "with the way there, so Back still works");

    let renamed = preview_fixture("my-own-story.json").replace("\"told\"", "\"said\"");
    let renamed = Story::from_json(&renamed, &help()).unwrap().value;
    assert_eq!(preview::keep_place(Some((&before, &play)), &renamed).scene_id(&renamed), "the-message");
}

#[test]
fn the_preview_lists_storycheck_lints_wording_warnings_with_their_lines() {
    let source = preview_fixture("my-own-story.json").replace("Sam did the right thing", "this was a good ending");
    let checked = preview::check("my-own-story.json", &source, &help());
    assert_eq!(checked.errors(), 0, "wording is a warning, not an error");
    let warning = checked.lint.iter().find(|w| w.text.contains("good ending")).expect("the grading phrase is flagged");
    assert!(warning.text.starts_with("my-own-story.json:"), "worded as storycheck lint prints it: {}", warning.text);
    assert!(warning.line.as_ref().is_some_and(|line| line.text.contains("a good ending")), "{warning:?}");
}

/// The language switch: the pick is kept in the state, the downloaded words replace the interface's, and words that
/// arrive after the reader has picked yet another language are dropped.
#[test]
fn picking_a_language_keeps_it_and_a_late_download_of_another_is_dropped() {
    use safety_stories::ui::messages::Messages;
    // Words as the player downloads them (a list by slot, `messages::file_of`); only their language matters here.
    let welsh = || Rc::new(Messages::from_list(r#"["cy", "ltr", "Straeon Diogelwch"]"#).expect("the list loads"));
    let state = Rc::new(State::default()).reduce(Action::ChooseLanguage("cy".to_owned()));
    assert_eq!(state.chosen_language.as_deref(), Some("cy"));
    let state = state.reduce(Action::UseMessages(welsh()));
    assert_eq!(state.messages.language(), "cy", "the Welsh words are in use");
    let state = state.reduce(Action::ChooseLanguage("en-GB".to_owned())).reduce(Action::UseMessages(welsh()));
    assert_eq!(state.messages.language(), "cy", "no English download yet: the words stay as they were");
    let state = state.reduce(Action::UseMessages(Messages::english()));
    assert_eq!(state.messages.language(), "en-GB");
    let state = state.reduce(Action::UseMessages(welsh()));
    assert_eq!(state.messages.language(), "en-GB", "a late Welsh download after English was picked is dropped");
}
