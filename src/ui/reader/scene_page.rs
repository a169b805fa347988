use std::cell::RefCell;
use std::rc::Rc;

use yew::prelude::*;

use crate::ui::messages::{t, t_with};

use crate::engine::{Next, Page, Playthrough, Story};
use crate::ui::reader::choice_list::use_choice_keys;
use crate::ui::reader::choice_list::{ChoiceList, choice_list};
use crate::ui::reader::ending_view::{EndingView, ending_view};
use crate::ui::reader::error_view::ErrorView;
use crate::ui::reader::fullscreen_button::FullscreenButton;
use crate::ui::reader::panel_view::PanelView;
use crate::ui::reader::read_aloud::{read_aloud, use_new_scene};
use crate::ui::reader::rich_text::rich_text;
use crate::ui::reader::story_loader::use_story;
use crate::ui::reader::transcript_view::transcript_view;
use crate::ui::route::Route;
use crate::ui::state::{Action, Loading, on_click, use_app_state};
use crate::ui::teachers_page::only_on_teachers_page;

#[derive(Properties, PartialEq)]
pub struct ScenePageProps {
    pub id: AttrValue,
    pub scene: AttrValue,
    /// The page's flags segment, when they differ from the story's starting flags (see `engine::Page`).
    #[prop_or_default]
    pub flags: Option<AttrValue>,
    /// Present to a class: shown on a projector, driven by keyboard or clicker, in step with the teacher notes
    /// window. Only the teacher's page has it (see `teachers_page.rs`).
    #[prop_or_default]
    pub present: bool,
}

/// The page in the address at the last sync (none before the first), and the page this page last put in the
/// address until the address shows it.
type SeenPages = (Option<Page>, Option<Page>);

/// One scene of the story the reader is in.
/// The most characters of narration and choice labels beside a widened panel in present mode: about ten lines of
/// 28 characters at 32px in the 40% of a 1080p screen left beside the picture, and the choices' own boxes.
const BRIEF_SCENE: usize = 240;

#[function_component]
pub fn ScenePage(props: &ScenePageProps) -> Html {
    let state = use_app_state();
    let story = use_story(&props.id);
    let heading = use_node_ref();
    let play = state.play.clone().filter(|p| p.story_id() == props.id.as_str());
    let play_page = story.ready().zip(play.as_ref()).map(|(s, p)| p.page(s));
    let play_scene = play_page.as_ref().map(|page| page.scene.clone());
    let present = props.present;
    let route_to = move |id: String, page: Page| {
        if present {
            Route::Present { id, scene: page.scene }
        } else {
            Route::Scene { id, scene: page.scene, flags: page.flags }
        }
    };
    // Present mode's address names the scene only, so there the flags are the playthrough's own.
    let route_page = Page {
        scene: props.scene.to_string(),
        flags: if present {
            play_page.as_ref().and_then(|p| p.flags.clone())
        } else {
            props.flags.as_ref().map(|f| f.to_string())
        },
    };

    // Keep the address and the playthrough in step. Whichever changed last wins: an action moves the address on,
    // and an address change (Back, Forward, a shared link) moves the playthrough.
    let last_seen: Rc<RefCell<SeenPages>> = use_mut_ref(SeenPages::default);
    {
        let state = state.clone();
        let ready = story.ready().is_some();
        let id = props.id.to_string();
        use_effect_with((route_page, play_page.clone(), ready), move |(route_page, play_page, ready)| {
            if !*ready {
                return;
            }
            let (last_route, sent) = last_seen.take();
            // The address arriving at a page this page put there is not the reader moving: on the teacher's page a
            // key can move the story on again before the browser reports the hash change, and then the story must
            // not go back.
            let echo = sent.as_ref() == Some(route_page);
            let mut sent = sent.filter(|_| !echo);
            let saved = || crate::ui::browser::storage::load_progress(&id);
            match play_page {
                None => {
                    state.dispatch(Action::Begin { story: id.clone(), saved: saved(), at: Some(route_page.clone()) })
                }
                // A prerendered page was taken over with a fresh playthrough at its page (see `start`): progress
                // this tab kept at the same page brings back Back and the story so far.
                Some(play_page) if play_page == route_page => {
                    if last_route.is_none() {
                        state.dispatch(Action::Resume { story: id.clone(), saved: saved() });
                    }
                }
                Some(_) if !echo && last_route.as_ref() != Some(route_page) => {
                    state.dispatch(Action::FollowAddress(route_page.clone()));
                }
                Some(play_page) => {
                    sent = Some(play_page.clone());
                    crate::ui::route::go(&state, &route_to(id.clone(), play_page.clone()));
                }
            }
            last_seen.replace((Some(route_page.clone()), sent));
        });
    }

    // Progress survives a reload in this tab, and nowhere else.
    {
        let json = story.ready().zip(play.as_ref()).map(|(s, p)| (s.id().to_owned(), p.to_json(s)));
        use_effect_with(json, |json| {
            if let Some((id, json)) = json {
                crate::ui::browser::storage::save_progress(id, json);
            }
        });
    }

    let title = match (story.ready(), play.as_ref()) {
        (Some(s), Some(p)) => t_with!("title-page", &[("page", &p.scene(s).title), ("site", s.title())]),
        _ => t_with!("title-page", &[("page", &t!("loading")), ("site", &t!("site-name"))]),
    };
    crate::ui::browser::focus::use_document_title(title);

    // Keys 1 to 9 pick a choice.
    let offered: Vec<usize> = match (story.ready(), play.as_ref()) {
        (Some(s), Some(p)) => p.choices(s).into_iter().map(|c| c.index).collect(),
        _ => Vec::new(),
    };
    use_choice_keys(offered);

    // Focus moves last, after the keys above are listening, so a reader (or a test) who sees the new heading can
    // press a number straight away.
    use_new_scene(heading.clone(), play_scene.clone());

    let story = match story {
        Loading::Ready(story) => story,
        Loading::Pending => return html! { <p class="loading">{t!("loading-story")}</p> },
        Loading::Failed(problem) => return html! { <ErrorView {problem} /> },
    };
    let Some(play) = play else {
        return html! { <p class="loading">{t!("opening-story")}</p> };
    };
    let scene = play.scene(&story);
    // The story's own words carry its language when the interface is in another one.
    let story_language = crate::ui::messages::other_language(&story.doc().language);
    let on_choose = {
        let state = state.clone();
        Callback::from(move |index: usize| state.dispatch(Action::Choose(index)))
    };
    let start_again = {
        let id = story.id().to_owned();
        on_click(&state, move || Action::StartOver(id.clone()))
    };
    // Every way on is a link to its page, so it works before the app has started, and with no script at all; once
    // the app runs, a click moves the playthrough and the address follows (the sync above).
    let link = |page: Page| state.route.link(&route_to(story.id().to_owned(), page));
    let start_link = link(Playthrough::start(&story).page(&story));
    let (done, left) = play.progress(&story);
    // At an ending the count of steps says little (a shared link can open one at step 1), so it says where you are.
    let step: AttrValue = match scene.next {
        Next::Ending(_) => t!("the-end"),
        _ => t_with!("step", &[("n", &done.to_string())]).into(),
    };
    let what_next = match &scene.next {
        Next::Ending(ending) => ending_view(EndingView {
            ending: ending.clone(),
            extra: story.services().to_vec(),
            can_try_another: play.has_earlier_decision(&story),
            on_try_another: on_click(&state, || Action::TryAnotherChoice),
            on_start_again: start_again.clone(),
            start_link: start_link.clone(),
            here: state.route.clone(),
            story_language: story_language.clone(),
        }),
        Next::Choices(_) if present && state.presentation.vote.is_some() => {
            let (choices, discussion) = (play.choices(&story), scene.discussion.clone());
            only_on_teachers_page(|page| (page.class_vote)(choices, discussion))
        }
        Next::Choices(_) => {
            let choices = play.choices(&story);
            let links = choices.iter().map(|c| link(c.page.clone())).collect();
            choice_list(ChoiceList { choices, links, on_choose, language: story_language.clone() })
        }
        Next::Continue(_) => html! {
            <div class="actions">
                <a class="button primary continue" href={play.continue_page(&story).map(link)} onclick={on_click(&state, || Action::Continue)}>
                    {t!("continue")}
                </a>
            </div>
        },
    };
    let up: AttrValue = state.route.up().into();
    let strip = scene.panels.len();
    let panels = scene.panels.iter().enumerate().map(|(i, panel)| {
        html! { <PanelView panel={panel.clone()} eager={i == 0} up={up.clone()} {strip} /> }
    });
    // Present mode on a 1080p projector gives a lone panel 60% of the screen, so its bubbles sit on the art at 32px,
    // only when the words beside it are few enough to fit in the rest (see assets/teacher.css).
    let words =
        scene.text.chars().count() + play.choices(&story).iter().map(|c| c.label.chars().count()).sum::<usize>();
    let body = html! {
        <>
            <header class="scene-header">
                <p class="story-name" lang={story_language.clone()} dir={story_language.as_ref().map(|_| "auto")}>{story.title().to_owned()}</p>
                <label class="progress">
                    <span>{step.clone()}</span>
                    <progress max={(done + left).to_string()} value={done.to_string()}>{step}</progress>
                </label>
                <h1 id="scene-heading" tabindex="-1" ref={heading} lang={story_language.clone()} dir={story_language.as_ref().map(|_| "auto")}>{scene.title.clone()}</h1>
                { read_aloud(&story.doc().language) }
            </header>
            <div class="panels" lang={story_language.clone()} dir={story_language.as_ref().map(|_| "auto")}>{ for panels }</div>
            { for next_pictures(&story, &play).into_iter().map(|href| html! { <link rel="prefetch" href={format!("{up}{href}")} /> }) }
            <div class="narration" lang={story_language.clone()} dir={story_language.as_ref().map(|_| "auto")}>{ rich_text(&scene.text) }</div>
            {what_next}
            if present {
                { only_on_teachers_page(|page| (page.present_to_class)(props.id.clone())) }
            } else {
                <nav class="scene-tools" aria-label={t!("story-controls")}>
                    <button type="button" class="button" onclick={on_click(&state, || Action::Back)} disabled={done == 1}>{t!("back")}</button>
                    <a class="button" href={start_link} onclick={start_again}>{t!("start-again")}</a>
                    <FullscreenButton />
                    { transcript_view(&play.transcript(&story), story_language.clone()) }
                </nav>
            }
        </>
    };
    // Two literal classes rather than one worked out: `html!` would turn that into Yew's `Classes`, and
    // `with_class` cannot add a class beside the literal `aria-labelledby` (src/ui/reader/class_list.rs).
    if words <= BRIEF_SCENE {
        html! { <article class="scene is-brief" aria-labelledby="scene-heading">{body}</article> }
    } else {
        html! { <article class="scene" aria-labelledby="scene-heading">{body}</article> }
    }
}

/// The pictures of every scene the reader could go to next. The scene page links them with `rel="prefetch"`, so
/// choosing never shows an empty frame: the browser downloads them at low priority into its cache without decoding
/// them (an `Image` would decode each one on the main thread while the reader's own scene is still being drawn).
fn next_pictures(story: &Story, play: &Playthrough) -> Vec<String> {
    let mut next: Vec<String> = play.choices(story).into_iter().map(|c| c.to).collect();
    if let Next::Continue(to) = &play.scene(story).next {
        next.push(to.clone());
    }
    next.iter()
        .filter_map(|id| story.scene(id))
        .flat_map(|scene| scene.panels.iter().map(|p| p.image.clone()))
        .collect()
}
