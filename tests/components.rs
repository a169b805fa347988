//! Components in a real browser (Chromium through chromedriver), rendered with Yew and read back from the DOM.
//! The logic under them (routes, keys, the reducer) is tested natively in `ui_logic.rs`.
#![cfg(target_arch = "wasm32")]

use std::cell::RefCell;
use std::rc::Rc;

use safety_stories::engine::{Bubble, BubbleKind, HelpDirectory, OfferedChoice, Panel};
use safety_stories::ui::app::{App, AppProps};
use safety_stories::ui::reader::choice_list::{ChoiceList, choice_list};
use safety_stories::ui::reader::panel_view::{PanelView, PanelViewProps};
use safety_stories::ui::reader::rich_text::rich_text;
use safety_stories::ui::reader::service_card::{ServiceCard, service_card};
use safety_stories::ui::state::{Loading, State};
use wasm_bindgen::JsCast;
use wasm_bindgen_test::*;
use yew::prelude::*;

wasm_bindgen_test_configure!(run_in_browser);

const HELP: &str = include_str!("../stories/help/services-uk.json");

/// The English words, which the wasm does not carry (the app downloads them as it starts): installed from the list the
/// build writes for the tests (`build.rs`), as the app installs the one it downloads.
fn install_english() {
    use safety_stories::ui::messages::{self, Messages};
    if Messages::downloaded_english().is_none() {
        let english = Messages::from_list(include_str!(concat!(env!("OUT_DIR"), "/en-GB.list.json")));
        messages::use_english(Rc::new(english.expect("the English list loads")));
    }
    messages::set_current(Messages::english());
}

/// A place in the page to draw in, with the English words installed.
fn mount() -> web_sys::Element {
    install_english();
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
    let help = HelpDirectory::from_json(HELP).unwrap().value;
    let service = help.get("childline").unwrap();
    let root =
        render_html(service_card(ServiceCard { service, featured: true, level: 3, group: "young-people" })).await;
    let call = root.query_selector("a.service-call").unwrap().unwrap();
    assert_eq!(call.get_attribute("href").unwrap(), "tel:08001111");
    assert_eq!(call.text_content().unwrap(), "Call 0800 1111");
    let link = root.query_selector("a.service-link").unwrap().unwrap();
    assert_eq!(link.get_attribute("target").unwrap(), "_blank");
    assert!(link.get_attribute("rel").unwrap().contains("noopener"));
    assert!(root.query_selector(".service.is-featured").unwrap().is_some());
    assert!(root.query_selector("#service-young-people-childline").unwrap().is_some(), "ids are unique per group");
}

fn page(scene: &str) -> safety_stories::engine::Page {
    safety_stories::engine::Page { scene: scene.into(), flags: None }
}

#[wasm_bindgen_test]
async fn choices_are_numbered_links_to_their_pages_that_report_the_choice_index() {
    let picked = Rc::new(RefCell::new(None));
    let on_choose = {
        let picked = picked.clone();
        Callback::from(move |index: usize| *picked.borrow_mut() = Some(index))
    };
    let choices = vec![
        OfferedChoice { index: 0, label: "Tell Mum".into(), to: "a".into(), sensitive: false, page: page("a") },
        OfferedChoice { index: 2, label: "Say no".into(), to: "b".into(), sensitive: false, page: page("b") },
    ];
    let links = vec!["../a/".to_owned(), "../b/".to_owned()];
    let root = render_html(choice_list(ChoiceList { choices, links, on_choose, language: None })).await;
    let buttons = root.query_selector_all("a.choice").unwrap();
    assert_eq!(buttons.length(), 2);
    let second = buttons.get(1).unwrap().dyn_into::<web_sys::Element>().unwrap();
    assert_eq!(second.get_attribute("href").as_deref(), Some("../b/"), "a plain link to the choice's page");
    assert_eq!(buttons.get(1).unwrap().text_content().unwrap(), "2Say no");
    buttons.get(1).unwrap().dyn_into::<web_sys::HtmlElement>().unwrap().click();
    yew::scheduler::flush().await;
    assert_eq!(*picked.borrow(), Some(2), "the scene's own index, not the position");
    assert!(
        !web_sys::window().unwrap().location().href().unwrap().ends_with("/b/"),
        "the app moves on, not the browser"
    );
}

#[wasm_bindgen_test]
async fn a_panel_shows_its_picture_with_alt_text_and_bubbles_as_real_text() {
    let panel = Panel {
        image: "assets/game-chat/gift.svg".into(),
        alt: "A chat message with a gift.".into(),
        caption: Some("Two weeks later".into()),
        sizes: vec![],
        bubbles: vec![Bubble {
            speaker: "StarBuilder".into(),
            text: "ur my best teammate".into(),
            kind: BubbleKind::Message,
            at: None,
            tail: None,
        }],
    };
    let root = render::<PanelView>(PanelViewProps { panel, eager: true, up: "../".into(), strip: 1 }).await;
    let image = root.query_selector("img").unwrap().unwrap();
    assert_eq!(image.get_attribute("alt").unwrap(), "A chat message with a gift.");
    let bubble = root.query_selector(".bubble.is-message").unwrap().unwrap();
    assert_eq!(bubble.text_content().unwrap(), "StarBuilder messages: ur my best teammate");
    assert_eq!(root.query_selector("figcaption").unwrap().unwrap().text_content().unwrap(), "Two weeks later");
}

#[wasm_bindgen_test]
async fn the_app_always_shows_get_help_and_exit() {
    install_english();
    let state =
        State { help: Loading::Ready(Rc::new(HelpDirectory::from_json(HELP).unwrap().value)), ..State::default() };
    let root = render::<App>(AppProps { initial: Some(Rc::new(state)), ..AppProps::default() }).await;
    let text = root.text_content().unwrap();
    assert!(text.contains("Get help"));
    assert!(root.query_selector("a.exit-button").unwrap().is_some());
    assert!(root.query_selector("[aria-live=polite]").unwrap().is_some());
}

fn reading(scene: &str) -> Rc<State> {
    use safety_stories::engine::Story;
    use safety_stories::ui::state::Action;
    let help = HelpDirectory::from_json(HELP).unwrap().value;
    let story = Story::from_json(include_str!("../stories/sharing-an-image.json"), &help).unwrap().value;
    install_english();
    let mut state = State::default();
    state.stories.insert("sharing-an-image".into(), Loading::Ready(Rc::new(story)));
    Rc::new(state).reduce(Action::Begin { story: "sharing-an-image".into(), saved: None, at: Some(page(scene)) })
}

#[wasm_bindgen_test]
async fn a_vote_with_counts_near_the_limit_shows_without_a_panic() {
    use safety_stories::ui::classroom::class_vote::ClassVote;
    use safety_stories::ui::state::{Action, Presentation, StateContext};
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
