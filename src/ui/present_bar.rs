use yew::prelude::*;

use super::fullscreen_button::FullscreenButton;
use super::route::Route;
use super::state::{Action, StateContext};

#[derive(Properties, PartialEq)]
pub struct PresentBarProps {
    /// True in the presenter view, which neither goes full screen nor opens another presenter view.
    #[prop_or_default]
    pub in_presenter: bool,
    pub on_key_list: Callback<MouseEvent>,
    pub on_leave: Callback<MouseEvent>,
}

/// Opens the presenter view for this story in a second window (or brings it back to the front).
pub fn open_presenter_window(story: &str) {
    if let Some(window) = web_sys::window() {
        let href = Route::Presenter { id: story.to_owned() }.href();
        let _ = window.open_with_url_and_target_and_features(&href, "safety-stories-presenter", "popup,width=1100,height=800");
    }
}

/// The teacher's controls in present mode and in the presenter view, each with its key.
#[function_component]
pub fn PresentBar(props: &PresentBarProps) -> Html {
    let state = use_context::<StateContext>().expect("state context");
    let Some((story, play)) = state.reading() else { return html! {} };
    let can_go_back = play.progress(story).0 > 1;
    let can_vote = play.choices(story).len() > 1;
    let send = |action: fn() -> Action| {
        let state = state.clone();
        Callback::from(move |_: MouseEvent| state.dispatch(action()))
    };
    let open_presenter = {
        let id = story.id().to_owned();
        Callback::from(move |_: MouseEvent| open_presenter_window(&id))
    };
    let voting = state.class.vote.is_some();
    html! {
        <nav class="present-bar" aria-label="Presenter controls">
            <button type="button" class="button" onclick={send(|| Action::Back)} disabled={!can_go_back}>
                {"Back"}<kbd aria-hidden="true">{"←"}</kbd>
            </button>
            if can_vote {
                <button type="button" class="button" onclick={send(|| Action::ToggleVote)} aria-pressed={voting.to_string()}>
                    {if voting { "Close vote" } else { "Class vote" }}<kbd aria-hidden="true">{"V"}</kbd>
                </button>
            }
            <button type="button" class="button" onclick={send(|| Action::ToggleBlack)} aria-pressed={state.class.black.to_string()}>
                {"Pause"}<kbd aria-hidden="true">{"B"}</kbd>
            </button>
            if !props.in_presenter {
                <button type="button" class="button" onclick={open_presenter}>{"Notes"}<kbd aria-hidden="true">{"N"}</kbd></button>
                <FullscreenButton />
            }
            <button type="button" class="button" onclick={props.on_key_list.clone()}>{"Keys"}<kbd aria-hidden="true">{"?"}</kbd></button>
            if !props.in_presenter {
                <button type="button" class="button" onclick={props.on_leave.clone()}>{"Leave"}<kbd aria-hidden="true">{"Esc"}</kbd></button>
            }
        </nav>
    }
}
