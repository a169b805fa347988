//! Components in a real browser (Chromium through chromedriver), rendered with Yew and read back from the DOM.
#![cfg(target_arch = "wasm32")]

use std::cell::RefCell;
use std::rc::Rc;

use safety_stories::engine::{Ending, EndingKind, HelpDirectory, OfferedChoice, Panel, Bubble, BubbleKind};
use safety_stories::ui::app::{App, AppProps};
use safety_stories::ui::choice_list::{ChoiceList, ChoiceListProps};
use safety_stories::ui::exit::ShiftCounter;
use safety_stories::ui::panel_view::{PanelView, PanelViewProps};
use safety_stories::ui::rich_text::{RichText, RichTextProps};
use safety_stories::ui::service_card::{ServiceCard, ServiceCardProps};
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

#[wasm_bindgen_test]
async fn rich_text_makes_paragraphs_and_emphasis_and_never_html() {
    let root = render::<RichText>(RichTextProps { text: "It is *never* too late.\n\n<b>not bold</b>".into() }).await;
    assert_eq!(root.query_selector_all("p").unwrap().length(), 2);
    assert_eq!(root.query_selector("em").unwrap().unwrap().text_content().unwrap(), "never");
    assert!(root.query_selector("b").unwrap().is_none(), "tags in text stay text");
    assert!(root.text_content().unwrap().contains("<b>not bold</b>"));
}

#[wasm_bindgen_test]
async fn a_service_card_has_a_tel_link_and_links_that_open_in_a_new_tab() {
    let help = HelpDirectory::from_json(HELP).unwrap();
    let service = help.get("childline").unwrap().clone();
    let root = render::<ServiceCard>(ServiceCardProps { service, featured: true, level: 3, group: "young-people".into() }).await;
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
        OfferedChoice { index: 0, label: "Tell Mum".into(), to: "a".into() },
        OfferedChoice { index: 2, label: "Say no".into(), to: "b".into() },
    ];
    let root = render::<ChoiceList>(ChoiceListProps { choices, on_choose }).await;
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
fn ending_kinds_have_reader_facing_labels() {
    let ending = Ending { kind: EndingKind::Mixed, reflection: "x".into(), debrief: None, help: vec![] };
    assert_eq!(ending.kind.label(), "An ending with ups and downs");
}

#[wasm_bindgen_test]
fn the_embed_snippet_is_sandboxed_titled_and_names_the_story() {
    let code = safety_stories::ui::embed_page::snippet("https://example.org/stories/", "sharing-an-image", "Just one picture", "", true);
    assert!(code.starts_with("<iframe src=\"https://example.org/stories/?embed&story=sharing-an-image\""));
    assert!(code.contains("title=\"Just one picture: an interactive story with help links\""));
    assert!(code.contains("allow-top-navigation-by-user-activation"));
    assert!(code.ends_with("<script src=\"https://example.org/stories/assets/embed/embed.js\" async></script>"));
    let with_config = safety_stories::ui::embed_page::snippet("https://example.org/", "x", "X", "branding/c.json", false);
    assert!(with_config.contains("?embed&story=x&config=branding/c.json\""));
    assert!(!with_config.contains("<script"));
}

#[wasm_bindgen_test]
fn hashes_and_routes_round_trip() {
    use safety_stories::ui::route::Route;
    for route in [
        Route::Library,
        Route::Help,
        Route::Embed,
        Route::Intro { id: "sharing-an-image".into() },
        Route::Scene { id: "sharing-an-image".into(), scene: "the-ask".into() },
    ] {
        assert_eq!(Route::from_hash(&route.href()), route);
    }
    assert_eq!(Route::from_hash(""), Route::Library);
    assert_eq!(Route::from_hash("#main-content"), Route::Library, "the skip link's target is not a route");
    assert_eq!(Route::from_hash("#/story/"), Route::Library);
}
