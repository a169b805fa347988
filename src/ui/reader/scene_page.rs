use std::cell::RefCell;
use std::rc::Rc;

use yew::prelude::*;

use crate::engine::{Next, Playthrough, Story};
use crate::ui::reader::choice_list::use_choice_keys;
use crate::ui::reader::choice_list::{ChoiceList, choice_list};
use crate::ui::reader::ending_view::{EndingView, ending_view};
use crate::ui::reader::error_view::ErrorView;
use crate::ui::reader::fullscreen_button::FullscreenButton;
use crate::ui::reader::panel_view::PanelView;
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
    /// Present to a class: shown on a projector, driven by keyboard or clicker, in step with the teacher notes
    /// window. Only the teacher's page has it (see `teachers_page.rs`).
    #[prop_or_default]
    pub present: bool,
}

/// The scene in the address at the last sync, and the scene this page last put in the address until the address
/// shows it.
type SeenScenes = (String, Option<String>);

/// One scene of the story the reader is in.
#[function_component]
pub fn ScenePage(props: &ScenePageProps) -> Html {
    let state = use_app_state();
    let story = use_story(&props.id);
    let heading = use_node_ref();
    let play = state.play.clone().filter(|p| p.story_id() == props.id.as_str());
    let play_scene = story.ready().zip(play.as_ref()).map(|(s, p)| p.scene_id(s).to_owned());
    let present = props.present;
    let route_to = move |id: String, scene: String| {
        if present { Route::Present { id, scene } } else { Route::Scene { id, scene } }
    };

    // Keep the address and the playthrough in step. Whichever changed last wins: an action moves the address on,
    // and an address change (Back, Forward, a shared link) moves the playthrough.
    let last_seen: Rc<RefCell<SeenScenes>> = use_mut_ref(SeenScenes::default);
    {
        let state = state.clone();
        let ready = story.ready().is_some();
        let id = props.id.to_string();
        use_effect_with(
            (props.scene.to_string(), play_scene.clone(), ready),
            move |(route_scene, play_scene, ready)| {
                if !*ready {
                    return;
                }
                let (last_route, sent) = last_seen.take();
                // The address arriving at a scene this page put there is not the reader moving: a key can move the
                // story on again before the browser reports the hash change, and then the story must not go back.
                let echo = sent.as_ref() == Some(route_scene);
                let mut sent = sent.filter(|_| !echo);
                match play_scene {
                    None => state.dispatch(Action::Begin {
                        story: id.clone(),
                        saved: crate::ui::browser::storage::load_progress(&id),
                        at_scene: Some(route_scene.clone()),
                    }),
                    Some(play_scene) if play_scene == route_scene => {}
                    Some(_) if !echo && last_route != *route_scene => {
                        state.dispatch(Action::FollowAddress(route_scene.clone()));
                    }
                    Some(play_scene) => {
                        sent = Some(play_scene.clone());
                        crate::ui::route::go(&route_to(id.clone(), play_scene.clone()));
                    }
                }
                last_seen.replace((route_scene.clone(), sent));
            },
        );
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
        (Some(s), Some(p)) => format!("{} – {}", p.scene(s).title, s.title()),
        _ => "Loading… – Safety Stories".to_owned(),
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
    crate::ui::browser::focus::use_focus_on_change(heading.clone(), play_scene.clone());

    let story = match story {
        Loading::Ready(story) => story,
        Loading::Pending => return html! { <p class="loading">{"Loading the story…"}</p> },
        Loading::Failed(problem) => return html! { <ErrorView {problem} /> },
    };
    let Some(play) = play else {
        return html! { <p class="loading">{"Opening the story…"}</p> };
    };
    let scene = play.scene(&story);
    let on_choose = {
        let state = state.clone();
        Callback::from(move |index: usize| state.dispatch(Action::Choose(index)))
    };
    let start_again = {
        let id = story.id().to_owned();
        on_click(&state, move || Action::StartOver(id.clone()))
    };
    let (done, left) = play.progress(&story);
    // At an ending the count of steps says little (a shared link can open one at step 1), so it says where you are.
    let step: AttrValue = match scene.next {
        Next::Ending(_) => "The end".into(),
        _ => format!("Step {done}").into(),
    };
    let what_next = match &scene.next {
        Next::Ending(ending) => ending_view(EndingView {
            ending: ending.clone(),
            extra: story.services().to_vec(),
            can_try_another: play.has_earlier_decision(&story),
            on_try_another: on_click(&state, || Action::TryAnotherChoice),
            on_start_again: start_again.clone(),
        }),
        Next::Choices(_) if present && state.presentation.vote.is_some() => {
            let (choices, discussion) = (play.choices(&story), scene.discussion.clone());
            only_on_teachers_page(|page| (page.class_vote)(choices, discussion))
        }
        Next::Choices(_) => choice_list(ChoiceList { choices: play.choices(&story), on_choose }),
        Next::Continue(_) => html! {
            <div class="actions">
                <button type="button" class="button primary continue" onclick={on_click(&state, || Action::Continue)}>
                    {"Continue"}
                </button>
            </div>
        },
    };
    let panels =
        scene.panels.iter().enumerate().map(|(i, panel)| html! { <PanelView panel={panel.clone()} eager={i == 0} /> });
    html! {
        <article class="scene" aria-labelledby="scene-heading">
            <header class="scene-header">
                <p class="story-name">{story.title().to_owned()}</p>
                <label class="progress">
                    <span>{step.clone()}</span>
                    <progress max={(done + left).to_string()} value={done.to_string()}>{step}</progress>
                </label>
                <h1 id="scene-heading" tabindex="-1" ref={heading}>{scene.title.clone()}</h1>
            </header>
            <div class="panels">{ for panels }</div>
            { for next_pictures(&story, &play).into_iter().map(|href| html! { <link rel="prefetch" {href} /> }) }
            <div class="narration">{ rich_text(&scene.text) }</div>
            {what_next}
            if present {
                { only_on_teachers_page(|page| (page.present_to_class)(props.id.clone())) }
            } else {
                <nav class="scene-tools" aria-label="Story controls">
                    <button type="button" class="button" onclick={on_click(&state, || Action::Back)} disabled={done == 1}>{"Back"}</button>
                    <button type="button" class="button" onclick={start_again}>{"Start again"}</button>
                    <FullscreenButton />
                    { transcript_view(&play.transcript(&story)) }
                </nav>
            }
        </article>
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
