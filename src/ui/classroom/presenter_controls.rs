use yew::prelude::*;

use crate::ui::messages::t;

use crate::engine::Page;
use crate::ui::browser::keyboard::{Key, on_key};
use crate::ui::browser::{address, fullscreen};
use crate::ui::classroom::key_list::KeyList;
use crate::ui::reader::fullscreen_button::FullscreenButton;
use crate::ui::route::Route;
use crate::ui::state::{Action, on_click, use_app_state};

#[derive(Properties, PartialEq)]
pub struct PresenterControlsProps {
    /// True in the teacher notes window, which neither goes full screen, nor opens another teacher notes window,
    /// nor leaves, nor blacks itself out.
    #[prop_or_default]
    pub in_teacher_notes: bool,
}

/// Opens the teacher notes for this story in a second window (or brings that window back to the front).
pub fn open_teacher_notes(story: &str) {
    let href = Route::TeacherNotes { id: story.to_owned() }.href();
    address::open_window(&href, "safety-stories-presenter", "popup,width=1100,height=800");
}

/// Leaves presenting to a class for the same scene read the usual way.
fn leave(state: &crate::ui::state::StateContext, story: &str, page: &Page) {
    fullscreen::leave();
    let (scene, flags) = (page.scene.clone(), page.flags.clone());
    crate::ui::route::go(state, &Route::Scene { id: story.to_owned(), scene, flags });
}

/// The teacher's controls while presenting and in the teacher notes window, each with its key, and what they show: the
/// key list and, on the class screen, the black screen.
#[function_component]
pub fn PresenterControls(props: &PresenterControlsProps) -> Html {
    let state = use_app_state();
    let key_list_open = use_state(bool::default);
    let place = state.reading().map(|(story, play)| (story.id().to_owned(), play.page(story)));
    let on_key = {
        let key_list_open = key_list_open.clone();
        let state = state.clone();
        use_callback(
            (props.in_teacher_notes, *key_list_open, place.clone()),
            move |key, (in_teacher_notes, open, place)| match (key, place) {
                (PresentKey::KeyList, _) => key_list_open.set(!*open),
                (PresentKey::Leave, _) if *open => key_list_open.set(false),
                _ if *in_teacher_notes => {}
                (PresentKey::Fullscreen, _) => fullscreen::toggle(),
                (PresentKey::TeacherNotes, Some((story, _))) => open_teacher_notes(story),
                (PresentKey::Leave, Some((story, page))) => leave(&state, story, page),
                (_, None) => {}
            },
        )
    };
    use_present_keys(on_key);

    let Some((story, play)) = state.reading() else { return html! {} };
    let can_go_back = play.progress(story).0 > 1;
    let can_vote = play.choices(story).len() > 1;
    let toggle_key_list = {
        let key_list_open = key_list_open.clone();
        Callback::from(move |_: MouseEvent| key_list_open.set(!*key_list_open))
    };
    let open_notes = {
        let id = story.id().to_owned();
        Callback::from(move |_: MouseEvent| open_teacher_notes(&id))
    };
    let on_leave = {
        let (id, page, state) = (story.id().to_owned(), play.page(story), state.clone());
        Callback::from(move |_: MouseEvent| leave(&state, &id, &page))
    };
    let voting = state.presentation.vote.is_some();
    html! {
        <>
            <nav class="present-bar" aria-label={t!("teacher.presenter-controls")}>
                <button type="button" class="button" onclick={on_click(&state, || Action::Back)} disabled={!can_go_back}>
                    {t!("back")}<kbd aria-hidden="true">{"←"}</kbd>
                </button>
                if can_vote {
                    <button type="button" class="button" onclick={on_click(&state, || Action::ToggleVote)} aria-pressed={voting.to_string()}>
                        {if voting { t!("teacher.close-vote") } else { t!("teacher.class-vote") }}<kbd aria-hidden="true">{"V"}</kbd>
                    </button>
                }
                <button type="button" class="button" onclick={on_click(&state, || Action::ToggleBlack)} aria-pressed={state.presentation.black.to_string()}>
                    {t!("teacher.pause")}<kbd aria-hidden="true">{"B"}</kbd>
                </button>
                if !props.in_teacher_notes {
                    <button type="button" class="button" onclick={open_notes}>{t!("teacher.notes")}<kbd aria-hidden="true">{"N"}</kbd></button>
                    <FullscreenButton />
                }
                <button type="button" class="button" onclick={toggle_key_list.clone()}>{t!("teacher.keys")}<kbd aria-hidden="true">{"?"}</kbd></button>
                if !props.in_teacher_notes {
                    <button type="button" class="button" onclick={on_leave}>{t!("teacher.leave")}<kbd aria-hidden="true">{t!("teacher.keys-leave")}</kbd></button>
                }
            </nav>
            if *key_list_open {
                <KeyList on_close={toggle_key_list} />
            }
            if state.presentation.black && !props.in_teacher_notes {
                <div class="blackout" role="status">
                    <p class="visually-hidden">{t!("teacher.paused")}</p>
                </div>
            }
        </>
    }
}

/// What a presentation key asks for, beyond moving through the story.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum PresentKey {
    Fullscreen,
    TeacherNotes,
    KeyList,
    Leave,
}

/// What a key does while presenting: Right, PageDown and Space go on; Left and PageUp go back (clickers send
/// PageUp and PageDown); B pauses on a black screen; V opens the class vote; F, N, ? and Esc are for the
/// controls. Nothing with Ctrl, Alt or Meta, or for a field or button that has focus.
pub fn present_key(key: &Key) -> (Option<Action>, Option<PresentKey>) {
    if key.modifier || key.for_focused {
        return (None, None);
    }
    let action = match key.name.as_str() {
        "ArrowRight" | "PageDown" | " " => Some(Action::Continue),
        "ArrowLeft" | "PageUp" => Some(Action::Back),
        "b" | "B" | "." => Some(Action::ToggleBlack),
        "v" | "V" => Some(Action::ToggleVote),
        _ => None,
    };
    let control = match key.name.as_str() {
        "f" | "F" => Some(PresentKey::Fullscreen),
        "n" | "N" => Some(PresentKey::TeacherNotes),
        "?" => Some(PresentKey::KeyList),
        "Escape" => Some(PresentKey::Leave),
        _ => None,
    };
    (action, control)
}

/// The presentation keys (see [`present_key`]): moves go to the reducer, the rest to `on_key`.
#[hook]
fn use_present_keys(on_key_for_controls: Callback<PresentKey>) {
    let state = use_app_state();
    use_effect_with(on_key_for_controls, move |on_control| {
        let on_control = on_control.clone();
        let listener = on_key(move |key| {
            let (action, control) = present_key(key);
            let used = action.is_some() || control.is_some();
            if let Some(action) = action {
                state.dispatch(action);
            }
            if let Some(control) = control {
                on_control.emit(control);
            }
            used
        });
        move || drop(listener)
    });
}
