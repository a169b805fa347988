//! Keeps the projected window and the teacher notes window of a class presentation in step, both ways, through a
//! `BroadcastChannel`: no server and no login, so it works offline and on any static host.
//!
//! Each window posts where the class is (the saved-progress JSON and the class screen) whenever that changes, and
//! a window that hears a place adopts it. A window does not post back the place it has just heard, so messages
//! do not echo. A window that opens posts `hello`, and any window already presenting answers with where it is.

use std::cell::RefCell;
use std::rc::Rc;

use serde::{Deserialize, Serialize};
use yew::prelude::*;

use crate::ui::browser::channel::Channel;

use crate::ui::state::{Action, Presentation, use_app_state};

/// A window that has just opened posts this, and is answered with a [`Place`].
const HELLO: &str = "hello";
/// Longer messages are not read. A place is the saved progress (about 40 bytes a step) and the class screen, so
/// a real one is a few kilobytes; any page on the same site can post to the channel.
const LONGEST_MESSAGE: usize = 1 << 20;

/// Where the class is. (A struct and a plain `hello` string rather than a tagged enum: serde's tagged enums
/// cost several kilobytes of wasm.)
#[derive(Serialize, Deserialize)]
struct Place {
    story: String,
    progress: String,
    /// Named `class` in the message, as it always was.
    class: Presentation,
}

fn channel_name(story: &str) -> String {
    format!("safety-stories:class:{story}")
}

/// Joins the class presentation of this story (`None`: of no story). Returns true once another window has
/// answered.
#[hook]
pub fn use_class_sync(story: Option<&str>) -> bool {
    let state = use_app_state();
    let heard_anyone = use_state(bool::default);
    // Where this window is, as the message it posts; serialised only when the place or the class screen changes.
    let reading = state.reading().filter(|(s, _)| Some(s.id()) == story);
    let now = {
        let story = reading.map(|(s, _)| Rc::clone(s));
        use_memo((reading.map(|(_, play)| play.clone()), state.presentation.clone()), move |(play, class)| {
            let (story, play) = (story?, play.as_ref()?);
            let place = Place { story: story.id().to_owned(), progress: play.to_json(&story), class: class.clone() };
            serde_json::to_string(&place).ok()
        })
    };
    let now = (*now).clone();
    // What this window would answer to a hello, and the last place it heard from another window.
    let latest: Rc<RefCell<Option<String>>> = use_mut_ref(|| None);
    let heard: Rc<RefCell<Option<String>>> = use_mut_ref(|| None);
    let channel: Rc<RefCell<Option<Rc<Channel>>>> = use_mut_ref(|| None);
    latest.borrow_mut().clone_from(&now);

    {
        let (latest, heard, channel, heard_anyone) =
            (latest.clone(), heard.clone(), channel.clone(), heard_anyone.clone());
        // Joined again once the story has loaded, so the answer to `hello` arrives when it can be adopted.
        let loaded = story.is_some_and(|id| state.story(id).is_some());
        use_effect_with((story.map(str::to_owned), loaded), move |(story, _)| {
            let state = state.clone();
            // Anything but a string of a sensible length, `hello` or a place that fits the story is ignored
            // (`Action::Adopt` checks the progress and the vote).
            let on_message = move |text: String| {
                if text.len() > LONGEST_MESSAGE {
                    return None;
                }
                if text == HELLO {
                    return latest.borrow().clone();
                }
                if let Ok(Place { story, progress, class }) = serde_json::from_str(&text) {
                    *heard.borrow_mut() = Some(text);
                    heard_anyone.set(true);
                    state.dispatch(Action::Adopt { story, progress, presentation: class });
                }
                None
            };
            let joined =
                story.as_deref().and_then(|story| Channel::join(&channel_name(story), on_message)).map(Rc::new);
            if let Some(joined) = &joined {
                joined.post(HELLO);
            }
            channel.borrow_mut().clone_from(&joined);
            move || {
                if let Some(joined) = joined {
                    joined.leave();
                }
            }
        });
    }

    use_effect_with(now, move |now| {
        // A place just heard is not posted back; and what was heard is then forgotten, so that coming back to
        // the same place later by this window's own move is posted.
        let just_heard = heard.borrow_mut().take();
        if let (Some(now), Some(joined)) = (now, channel.borrow().as_ref())
            && just_heard.as_deref() != Some(now.as_str())
        {
            joined.post(now);
        }
    });
    *heard_anyone
}
