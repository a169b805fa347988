use yew::prelude::*;

use crate::ui::messages::{t, t_with};

use crate::engine::{Next, Story};
use crate::ui::classroom::class_sync::use_class_sync;
use crate::ui::classroom::class_vote::ClassVote;
use crate::ui::classroom::presenter_controls::PresenterControls;
use crate::ui::reader::choice_list::use_choice_keys;
use crate::ui::reader::rich_text::rich_text;
use crate::ui::reader::story_loader::use_story;
use crate::ui::route::Route;
use crate::ui::state::{Action, Loading, on_click, use_app_state};
use crate::ui::words::ending_kind;

#[derive(Properties, PartialEq)]
pub struct TeacherNotesPageProps {
    pub id: AttrValue,
}

/// How long a new teacher notes window waits for the class screen to say where it is before starting on its own.
const WAIT_FOR_CLASS_SCREEN_MS: i32 = 600;

fn scene_title(story: &Story, id: &str) -> String {
    match (story.scene(id), story.ending(id)) {
        (Some(scene), Some(ending)) => format!("{} ({})", scene.title, ending_kind(ending.kind)),
        (Some(scene), None) => scene.title.clone(),
        _ => id.to_owned(),
    }
}

/// The teacher's second window: the scene the class sees, its notes and prompts, where each option leads, and
/// every ending. It drives the class screen and follows it (see `class_sync.rs`).
#[function_component]
pub fn TeacherNotesPage(props: &TeacherNotesPageProps) -> Html {
    let state = use_app_state();
    let story = use_story(&props.id);
    let heard_class_screen = use_class_sync(Some(props.id.as_str()));
    let waited = use_state(bool::default);
    {
        let waited = waited.clone();
        use_effect_with((), move |_| {
            let timer = crate::ui::browser::timer::after(WAIT_FOR_CLASS_SCREEN_MS, move || waited.set(true));
            move || drop(timer)
        });
    }
    {
        // With no class screen open, the teacher notes window starts the story itself (or carries on from this tab).
        let state = state.clone();
        let ready = story.ready().is_some();
        let id = props.id.to_string();
        use_effect_with((ready, *waited, heard_class_screen), move |(ready, waited, heard)| {
            if *ready && *waited && !*heard {
                let saved = crate::ui::browser::storage::load_progress(&id);
                state.dispatch(Action::Begin { story: id, saved, at: None });
            }
        });
    }
    let reading = state.reading().filter(|(s, _)| s.id() == props.id.as_str());
    let offered: Vec<usize> =
        reading.map(|(s, p)| p.choices(s).into_iter().map(|c| c.index).collect()).unwrap_or_default();
    use_choice_keys(offered);
    let heading = use_node_ref();
    crate::ui::browser::focus::use_focus_on_change(heading.clone(), reading.map(|(s, p)| p.scene_id(s).to_owned()));
    crate::ui::browser::focus::use_document_title(t_with!(
        "title-page",
        &[
            ("page", &t!("teacher.teacher-notes")),
            ("site", &story.ready().map_or_else(|| t!("site-name").to_string(), |s| s.title().to_owned())),
        ],
    ));

    let story = match story {
        Loading::Ready(story) => story,
        Loading::Pending => return html! { <p class="loading">{t!("loading-story")}</p> },
        Loading::Failed(problem) => return html! { <crate::ui::reader::error_view::ErrorView {problem} /> },
    };
    let Some((_, play)) = reading else {
        return html! { <p class="loading">{t!("teacher.looking-for-class-screen")}</p> };
    };
    let scene = play.scene(&story);
    let story_language = crate::ui::messages::other_language(&story.doc().language);
    let next = match &scene.next {
        Next::Choices(_) => {
            let options = play.choices(&story).into_iter().enumerate().map(|(position, choice)| {
                html! {
                    <li>
                        <span class="choice-key" aria-hidden="true">{position + 1}</span>
                        <span>{t_with!("teacher.leads-to", &[("choice", &choice.label), ("scene", &scene_title(&story, &choice.to))])}</span>
                        <button type="button" class="button" onclick={on_click(&state, move || Action::Choose(choice.index))}>{t!("teacher.vote-follow")}</button>
                    </li>
                }
            });
            html! { <ol class="next-options">{ for options }</ol> }
        }
        Next::Continue(to) => html! {
            <p class="next-options">
                {t_with!("teacher.continue-to", &[("scene", &scene_title(&story, to))])}
                <button type="button" class="button" onclick={on_click(&state, || Action::Continue)}>{t!("continue")}</button>
            </p>
        },
        Next::Ending(ending) => html! {
            <>
                <p>{t_with!("teacher.this-is-an-ending", &[("kind", &ending_kind(ending.kind))])}</p>
                if let Some(debrief) = &ending.debrief {
                    <div class="debrief"><h3>{t!("teacher.debrief")}</h3>{ rich_text(debrief) }</div>
                }
                <button type="button" class="button" onclick={on_click(&state, || Action::TryAnotherChoice)}>{t!("teacher.back-to-last-decision")}</button>
            </>
        },
    };
    let endings = story.scenes().iter().filter_map(|s| match &s.next {
        Next::Ending(ending) => Some(html! {
            <li>
                <strong><span lang={story_language.clone()} dir={story_language.as_ref().map(|_| "auto")}>{s.title.clone()}</span>{" – "}{ending_kind(ending.kind)}</strong>
                if let Some(debrief) = &ending.debrief { { rich_text(debrief) } }
            </li>
        }),
        _ => None,
    });
    let guide = story.doc().teacher.clone();
    html! {
        <section class="presenter" aria-labelledby="presenter-heading">
            <p class="presenter-intro">
                {t_with!("teacher.teacher-notes-intro", &[("story", story.title())])}
            </p>
            <div class="presenter-grid">
                <section class="presenter-now">
                    <h1 id="presenter-heading" tabindex="-1" ref={heading}>{t_with!("now", &[("scene", &scene.title)])}</h1>
                    if state.presentation.black {
                        <p class="paused" role="status">{t!("teacher.class-screen-paused")}</p>
                    }
                    if let Some(panel) = scene.panels.first() {
                        <img class="presenter-picture" src={panel.image.clone()} alt={panel.alt.clone()} width="800" height="500" />
                    }
                    <div lang={story_language.clone()} dir={story_language.as_ref().map(|_| "auto")}>{ rich_text(&scene.text) }</div>
                    <h2>{t!("teacher.what-comes-next")}</h2>
                    if state.presentation.vote.is_some() {
                        <ClassVote choices={play.choices(&story)} discussion={Vec::<String>::new()} />
                    } else {
                        {next}
                    }
                    <PresenterControls in_teacher_notes={true} />
                </section>
                <section class="presenter-notes" aria-labelledby="notes-heading">
                    <h2 id="notes-heading">{t!("teacher.teacher-notes")}</h2>
                    if let Some(notes) = &scene.teacher_notes {
                        { rich_text(notes) }
                    } else {
                        <p>{t!("teacher.no-notes")}</p>
                    }
                    if !scene.discussion.is_empty() {
                        <h2>{t!("teacher.discussion-prompts")}</h2>
                        <ul>{ for scene.discussion.iter().map(|p| html! { <li>{p.clone()}</li> }) }</ul>
                    }
                    <h2>{t!("teacher.endings")}</h2>
                    <ul class="ending-list">{ for endings }</ul>
                    if let Some(guide) = guide {
                        <details>
                            <summary>{t!("teacher.before-objectives-rules")}</summary>
                            <ul>{ for guide.before_the_lesson.iter().map(|b| html! { <li>{b.clone()}</li> }) }</ul>
                            <ul>{ for guide.objectives.iter().map(|o| html! { <li>{o.clone()}</li> }) }</ul>
                            <ul>{ for guide.ground_rules.iter().map(|r| html! { <li>{r.clone()}</li> }) }</ul>
                            if let Some(safeguarding) = guide.safeguarding { { rich_text(&safeguarding) } }
                        </details>
                    }
                    <p><a href={Route::LessonPack { id: story.id().to_owned() }.href()}>{t!("teacher.lesson-pack-to-print")}</a></p>
                </section>
            </div>
        </section>
    }
}
