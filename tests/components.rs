//! Components in a real browser (Chromium through chromedriver), rendered with Yew and read back from the DOM.
#![cfg(target_arch = "wasm32")]

use std::cell::RefCell;
use std::rc::Rc;

use safety_stories::engine::{Ending, EndingKind, HelpDirectory, OfferedChoice, Panel, Bubble, BubbleKind};
use safety_stories::ui::app::{App, AppProps};
use safety_stories::ui::reader::choice_list::{ChoiceListProps, choice_list};
use safety_stories::ui::browser::exit::ShiftCounter;
use safety_stories::ui::reader::panel_view::{PanelView, PanelViewProps};
use safety_stories::ui::reader::rich_text::rich_text;
use safety_stories::ui::reader::service_card::{ServiceCardProps, service_card};
use safety_stories::ui::state::{Loading, State};
use wasm_bindgen::JsCast;
use wasm_bindgen_test::*;
use yew::prelude::*;

wasm_bindgen_test_configure!(run_in_browser);

const HELP: &str = include_str!("../stories/help/services-uk.json");

fn mount() -> web_sys::Element {
    let document = web_sys::window().unwrap().document().unwrap();
    let root = document.create_element("div").unwrap();
    document.body().unwrap().append_child(&root).unwrap();
    root
}

async fn render<C: BaseComponent>(props: C::Properties) -> web_sys::Element {
    let root = mount();
    yew::Renderer::<C>::with_root_and_props(root.clone(), props).render();
    yew::scheduler::flush().await;
    root
}

#[derive(Properties, PartialEq)]
struct ShownProps {
    html: Html,
}

/// Shows what a view function drew (the views without state of their own are plain functions, not components).
#[function_component]
fn Shown(props: &ShownProps) -> Html {
    props.html.clone()
}

async fn render_html(html: Html) -> web_sys::Element {
    render::<Shown>(ShownProps { html }).await
}

#[wasm_bindgen_test]
async fn rich_text_makes_paragraphs_and_emphasis_and_never_html() {
    let root = render_html(rich_text("It is *never* too late.\n\n<b>not bold</b>")).await;
    assert_eq!(root.query_selector_all("p").unwrap().length(), 2);
    assert_eq!(root.query_selector("em").unwrap().unwrap().text_content().unwrap(), "never");
    assert!(root.query_selector("b").unwrap().is_none(), "tags in text stay text");
    assert!(root.text_content().unwrap().contains("<b>not bold</b>"));
}

#[wasm_bindgen_test]
async fn a_service_card_has_a_tel_link_and_links_that_open_in_a_new_tab() {
    let help = HelpDirectory::from_json(HELP).unwrap();
    let service = help.get("childline").unwrap();
    let root = render_html(service_card(ServiceCardProps { service, featured: true, level: 3, group: "young-people" })).await;
    let call = root.query_selector("a.service-call").unwrap().unwrap();
    assert_eq!(call.get_attribute("href").unwrap(), "tel:08001111");
    assert_eq!(call.text_content().unwrap(), "Call 0800 1111");
    let link = root.query_selector("a.service-link").unwrap().unwrap();
    assert_eq!(link.get_attribute("target").unwrap(), "_blank");
    assert!(link.get_attribute("rel").unwrap().contains("noopener"));
    assert!(root.query_selector(".service.is-featured").unwrap().is_some());
    assert!(root.query_selector("#service-young-people-childline").unwrap().is_some(), "ids are unique per group");
}

#[wasm_bindgen_test]
async fn choices_are_numbered_buttons_that_report_the_choice_index() {
    let picked = Rc::new(RefCell::new(None));
    let on_choose = {
        let picked = picked.clone();
        Callback::from(move |index: usize| *picked.borrow_mut() = Some(index))
    };
    let choices = vec![
        OfferedChoice { index: 0, label: "Tell Mum".into(), to: "a".into(), sensitive: false },
        OfferedChoice { index: 2, label: "Say no".into(), to: "b".into(), sensitive: false },
    ];
    let root = render_html(choice_list(ChoiceListProps { choices, on_choose })).await;
    let buttons = root.query_selector_all("button.choice").unwrap();
    assert_eq!(buttons.length(), 2);
    assert_eq!(buttons.get(1).unwrap().text_content().unwrap(), "2Say no");
    buttons.get(1).unwrap().dyn_into::<web_sys::HtmlElement>().unwrap().click();
    yew::scheduler::flush().await;
    assert_eq!(*picked.borrow(), Some(2), "the scene's own index, not the position");
}

#[wasm_bindgen_test]
async fn a_panel_shows_its_picture_with_alt_text_and_bubbles_as_real_text() {
    let panel = Panel {
        image: "assets/game-chat/gift.svg".into(),
        alt: "A chat message with a gift.".into(),
        caption: Some("Two weeks later".into()),
        bubbles: vec![Bubble { speaker: "StarBuilder".into(), text: "ur my best teammate".into(), kind: BubbleKind::Message }],
    };
    let root = render::<PanelView>(PanelViewProps { panel, eager: true }).await;
    let image = root.query_selector("img").unwrap().unwrap();
    assert_eq!(image.get_attribute("alt").unwrap(), "A chat message with a gift.");
    let bubble = root.query_selector(".bubble.is-message").unwrap().unwrap();
    assert_eq!(bubble.text_content().unwrap(), "StarBuilder messages: ur my best teammate");
    assert_eq!(root.query_selector("figcaption").unwrap().unwrap().text_content().unwrap(), "Two weeks later");
}

#[wasm_bindgen_test]
async fn the_app_always_shows_get_help_and_exit() {
    let state = State { help: Loading::Ready(Rc::new(HelpDirectory::from_json(HELP).unwrap())), ..State::default() };
    let root = render::<App>(AppProps { initial: Some(Rc::new(state)) }).await;
    let text = root.text_content().unwrap();
    assert!(text.contains("Get help"));
    assert!(root.query_selector("button.exit-button").unwrap().is_some());
    assert!(root.query_selector("[aria-live=polite]").unwrap().is_some());
}

#[wasm_bindgen_test]
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

#[wasm_bindgen_test]
fn ending_kinds_have_reader_facing_labels_that_say_what_happened() {
    let ending = Ending { kind: EndingKind::Mixed, reflection: "x".into(), debrief: None, help: vec![] };
    assert_eq!(ending.kind.label(), "An ending where it isn't over yet");
}

#[wasm_bindgen_test]
fn the_embed_snippet_is_sandboxed_titled_and_names_the_story() {
    let code = safety_stories::ui::embed::embed_page::snippet("https://example.org/stories/", "sharing-an-image", "Just one picture", "", true);
    assert!(code.starts_with("<iframe src=\"https://example.org/stories/?embed&story=sharing-an-image\""));
    assert!(code.contains("title=\"Just one picture: an interactive story with help links\""));
    assert!(code.contains("allow-top-navigation-by-user-activation"));
    assert!(code.ends_with("<script src=\"https://example.org/stories/assets/embed/embed.js\" async></script>"));
    let with_config = safety_stories::ui::embed::embed_page::snippet("https://example.org/", "x", "X", "branding/c.json", false);
    assert!(with_config.contains("?embed&story=x&config=branding/c.json\""));
    assert!(!with_config.contains("<script"));
}

#[wasm_bindgen_test]
fn hashes_and_routes_round_trip() {
    use safety_stories::ui::route::Route;
    for route in [
        Route::Library,
        Route::Help,
        Route::Intro { id: "sharing-an-image".into() },
        Route::Scene { id: "sharing-an-image".into(), scene: "the-ask".into() },
    ] {
        assert_eq!(Route::from_hash(&route.href()), route);
    }
    // The teacher's screens are on their own page; their hashes read back the same there.
    for route in [
        Route::Embed,
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
    assert_eq!(Route::from_hash(""), Route::Library);
    assert_eq!(Route::from_hash("#main-content"), Route::Library, "the skip link's target is not a route");
    assert_eq!(Route::from_hash("#/story/"), Route::Library);
}

fn reading(scene: &str) -> Rc<State> {
    use safety_stories::engine::Story;
    use safety_stories::ui::state::Action;
    let help = HelpDirectory::from_json(HELP).unwrap();
    let story = Story::from_json(include_str!("../stories/sharing-an-image.json"), &help).unwrap();
    let mut state = State::default();
    state.stories.insert("sharing-an-image".into(), Loading::Ready(Rc::new(story)));
    Rc::new(state).reduce(Action::Begin {
        story: "sharing-an-image".into(),
        saved: None,
        at_scene: Some(scene.into()),
    })
}

#[wasm_bindgen_test]
fn a_class_vote_counts_hands_per_option_and_ends_when_the_story_moves_on() {
    use safety_stories::ui::state::{Action, Presentation};
    let state = reading("the-ask").reduce(Action::ToggleVote);
    assert_eq!(state.presentation.vote, Some(vec![0, 0, 0]), "one count per offered choice");
    let hand = |state: Rc<State>, position, up| state.reduce(Action::CountHand { position, up });
    let state = hand(hand(hand(state, 0, true), 0, true), 2, true);
    let state = hand(hand(state, 1, false), 7, true);
    assert_eq!(state.presentation.vote, Some(vec![2, 0, 1]), "never below zero, and no count for an option not offered");
    let state = state.reduce(Action::ToggleBlack).reduce(Action::Choose(1));
    assert_eq!(state.presentation, Presentation::default(), "a new scene starts with no vote and no black screen");

    let no_vote_without_a_decision = reading("messages").reduce(Action::ToggleVote);
    assert_eq!(no_vote_without_a_decision.presentation.vote, None);
}

#[wasm_bindgen_test]
fn a_class_vote_is_anonymous_unless_the_teacher_chooses_hands_and_never_on_a_sensitive_decision() {
    use safety_stories::ui::state::Action;
    let open = reading("the-ask").reduce(Action::ToggleVote);
    assert!(!open.presentation.hands, "every vote starts anonymous");
    let hands = open.reduce(Action::ToggleHands);
    assert!(hands.presentation.hands, "the teacher may choose a show of hands at a decision with nothing sensitive");
    assert!(!hands.reduce(Action::ToggleHands).presentation.hands, "and go back to anonymous");
    assert!(!reading("the-ask").reduce(Action::ToggleHands).presentation.hands, "no show of hands without an open vote");

    // "Send the picture" is marked sensitive in the story file, so this vote can never be a show of hands.
    let sensitive = reading("pressure").reduce(Action::ToggleVote).reduce(Action::ToggleHands);
    assert!(sensitive.presentation.vote.is_some());
    assert!(!sensitive.presentation.hands, "a decision with a sensitive choice stays anonymous");
}

#[wasm_bindgen_test]
fn the_other_window_of_a_class_moves_this_one_but_progress_from_elsewhere_is_ignored() {
    use safety_stories::ui::state::{Action, Presentation};
    let there = reading("the-ask").reduce(Action::Choose(0));
    let (story, play) = there.reading().unwrap();
    let progress = play.to_json(story);
    let class = Presentation { black: true, vote: None, hands: false };
    let here = reading("messages").reduce(Action::Adopt { story: "sharing-an-image".into(), progress, presentation: class.clone() });
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

#[wasm_bindgen_test]
fn a_vote_from_the_other_window_must_fit_the_choices_on_offer_and_its_sum_cannot_overflow() {
    use safety_stories::ui::state::{Action, Presentation};
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
    assert_eq!(huge.presentation.votes_counted(), u32::MAX, "the total stops at the largest count instead of overflowing");
    let long = adopt(vec![1; 2_000_000]);
    assert_eq!(long.presentation.vote, None, "a vote with more counts than choices is dropped");
    assert_eq!(long.reading().map(|(s, p)| p.scene_id(s).to_owned()).as_deref(), Some("the-ask"), "the place is still followed");
    assert_eq!(adopt(vec![1]).presentation.vote, None, "a vote with fewer counts than choices is dropped");
}

#[wasm_bindgen_test]
async fn a_vote_with_counts_near_the_limit_shows_without_a_panic() {
    use safety_stories::ui::state::{Action, Presentation, StateContext};
    use safety_stories::ui::classroom::class_vote::ClassVote;
    let state = reading("the-ask");
    let (story, play) = state.reading().unwrap();
    let choices = play.choices(story);
    let state = state.clone().reduce(Action::Adopt {
        story: "sharing-an-image".into(),
        progress: play.to_json(story),
        presentation: Presentation { black: false, vote: Some(vec![u32::MAX, u32::MAX, 3]), hands: false },
    });

    #[derive(Properties, PartialEq)]
    struct WithStateProps {
        state: Rc<State>,
        choices: Vec<OfferedChoice>,
    }
    #[function_component]
    fn WithState(props: &WithStateProps) -> Html {
        let initial = props.state.clone();
        let state = use_reducer(move || (*initial).clone());
        html! {
            <ContextProvider<StateContext> context={state}>
                <ClassVote choices={props.choices.clone()} discussion={Vec::<String>::new()} />
            </ContextProvider<StateContext>>
        }
    }
    let root = render::<WithState>(WithStateProps { state, choices }).await;
    let progress = root.query_selector("progress").unwrap().unwrap();
    assert_eq!(progress.get_attribute("max").unwrap(), u32::MAX.to_string());
}

#[wasm_bindgen_test]
fn the_embed_snippet_escapes_the_title_and_leaves_out_a_config_the_player_would_refuse() {
    use safety_stories::ui::embed::embed_page::snippet;
    let code = snippet("https://example.org/stories/", "x", "Tom \"&\" <Jerry>", "x.json\" onload=\"alert(1)", false);
    assert!(code.contains("title=\"Tom &quot;&amp;&quot; &lt;Jerry&gt;: an interactive story with help links\""), "{code}");
    assert!(code.starts_with("<iframe src=\"https://example.org/stories/?embed&story=x\" "), "{code}");
    assert!(!code.contains("onload"), "{code}");
    for refused in [" //evil.example/c.json", "/c.json", "../c.json", "c.txt"] {
        assert!(!snippet("https://example.org/", "x", "X", refused, false).contains("config="), "{refused}");
    }
}
